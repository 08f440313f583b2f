package telecloud_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/telecloud"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

// End-to-end tests of User (see e2e_test.go).

func TestE2EUsers(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		cr, err := e.c.Users.Create(e.ctx, telecloud.UserCreateRequest{Email: "clerk@yourbrand.example", FirstName: "Carla",
			LastName: "Clerk", AccessLevel: telecloud.AccessStaff})
		require.NoError(t, err)
		assert.NotEmpty(t, cr.TransID)
		assert.Equal(t, "234", cr.User.UserID)
		assert.Equal(t, "carla_clerk1", cr.User.Username)
		pw := cr.User.InitialPassword.Reveal()
		assert.Len(t, pw, 6)

		user := func(id string) telecloud.User {
			t.Helper()
			res, err := e.c.Users.Search(e.ctx, telecloud.UserSearchRequest{UserID: id})
			require.NoError(t, err)
			require.Len(t, res.Users, 1)
			return res.Users[0]
		}
		u := user("234")
		assert.Equal(t, telecloud.User{UserID: "234", Username: "carla_clerk1", Email: "clerk@yourbrand.example", FirstName: "Carla",
			LastName: "Clerk", InitialPassword: telecloud.NewSecret(pw), AccessLevel: telecloud.AccessStaff, Status: telecloud.UserActive}, u)
		me := user("233")
		assert.Equal(t, telecloudtest.DefaultUsername, me.Username)
		assert.Equal(t, telecloud.AccessAdmin, me.AccessLevel)
		assert.Equal(t, e2eNow, me.LastLogin.Time, "the API user's own calls log it in")
		assert.Equal(t, "127.0.0.1", me.LastIP)
		all, err := e.c.Users.Search(e.ctx, telecloud.UserSearchRequest{})
		require.NoError(t, err)
		assert.Len(t, all.Users, 2, "the VAR's users only")

		ed, err := e.c.Users.Edit(e.ctx, telecloud.UserEditRequest{UserID: "234", LastName: "Clark", AccessLevel: telecloud.AccessSupport,
			Status: telecloud.UserLocked, ProfileImage: "https://img.example/carla.png"})
		require.NoError(t, err)
		assert.Equal(t, "234", ed.User.UserID)
		u = user("234")
		assert.Equal(t, "Clark", u.LastName)
		assert.Equal(t, "Carla", u.FirstName)
		assert.Equal(t, telecloud.AccessSupport, u.AccessLevel)
		assert.Equal(t, telecloud.UserLocked, u.Status)
		assert.Equal(t, "https://img.example/carla.png", u.ProfileImage)

		_, err = e.c.Users.Create(e.ctx, telecloud.UserCreateRequest{Email: "CLERK@yourbrand.example"})
		vendorError(t, err, "A user with the e-mail address CLERK@yourbrand.example already exists.")
		_, err = e.c.Users.Edit(e.ctx, telecloud.UserEditRequest{UserID: "233", Status: telecloud.UserLocked})
		vendorError(t, err, "You cannot lock your own user.")
		_, err = e.c.Users.Edit(e.ctx, telecloud.UserEditRequest{UserID: "232", FirstName: "X"})
		vendorError(t, err, "User 232 not found.")

		// Locking an API user locks its API access; a STAFF user cannot manage users.
		name, err := e.srv.AddCredentials(telecloudtest.SeedVARAccount, "second-api-id", "second-api-key")
		require.NoError(t, err)
		second := newClient(t, e.srv, "second-api-id", "second-api-key", e.format, e.style)
		all, err = second.Users.Search(e.ctx, telecloud.UserSearchRequest{})
		require.NoError(t, err)
		var secondID string
		for _, x := range all.Users {
			if x.Username == name {
				secondID = x.UserID
			}
		}
		require.NotEmpty(t, secondID)
		_, err = e.c.Users.Edit(e.ctx, telecloud.UserEditRequest{UserID: secondID, Status: telecloud.UserLocked})
		require.NoError(t, err)
		_, err = second.Users.Search(e.ctx, telecloud.UserSearchRequest{})
		vendorError(t, err, "This user is locked.")
		_, err = e.c.Users.Edit(e.ctx, telecloud.UserEditRequest{UserID: secondID, Status: telecloud.UserActive, AccessLevel: telecloud.AccessStaff})
		require.NoError(t, err)
		_, err = second.Users.Create(e.ctx, telecloud.UserCreateRequest{Email: "third@yourbrand.example"})
		vendorError(t, err, "Only ADMIN users can manage users.")
		_, err = e.c.Users.Create(e.ctx, telecloud.UserCreateRequest{Email: "x@yourbrand.example", AccessLevel: "ROOT"})
		invalidInput(t, err, "AccessLevel")
	})
}
