package alianza_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/alianza"
	"github.com/ispkit/ispkit/alianza/alianzatest"
)

// lastRequest is the one request the fake recorded since ResetRequests.
func lastRequest(t *testing.T, srv *alianzatest.Server) alianzatest.RecordedRequest {
	t.Helper()
	reqs := srv.Requests()
	require.Len(t, reqs, 1, "one request")
	return reqs[0]
}

// The three hand-written PATCH calls send only the fields that are set and
// answer the hand-written types; the fake merges what was sent.
func TestE2EPatch(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	a := newAccount(t, c, "CUST-3001")
	u := newUser(t, c, a.ID, "1001")
	partPath := "/v2/partition/" + alianzatest.DefaultPartitionID + "/account/" + a.ID

	t.Run("Users", func(t *testing.T) {
		srv.ResetRequests()
		got, err := c.Users.Patch(ctx, a.ID, u.ID, alianza.UserPatchRequest{LanguageTag: ptr("fr-CA"), LastName: ptr("King")})
		require.NoError(t, err)
		r := lastRequest(t, srv)
		assert.Equal(t, "PATCH", r.Method)
		assert.Equal(t, partPath+"/user/"+u.ID, r.Path)
		assert.JSONEq(t, `{"languageTag":"fr-CA","lastName":"King"}`, string(r.Body))
		assert.Equal(t, "fr-CA", got.LanguageTag)
		assert.Equal(t, "King", got.LastName)
		assert.Equal(t, "Ada", got.FirstName, "a field not sent is kept")
		assert.Equal(t, "US/Eastern", got.TimeZone)

		// false is sent, not dropped (the fake keeps no such flag).
		srv.ResetRequests()
		got, err = c.Users.Patch(ctx, a.ID, u.ID, alianza.UserPatchRequest{BlockEmail: ptr(false)})
		require.NoError(t, err)
		assert.JSONEq(t, `{"blockEmail":false}`, string(lastRequest(t, srv).Body))
		assert.Equal(t, "fr-CA", got.LanguageTag)
		assert.Equal(t, "King", got.LastName)

		_, err = c.Users.Patch(ctx, a.ID, "nope", alianza.UserPatchRequest{LanguageTag: ptr("en-US")})
		require.ErrorIs(t, err, alianza.ErrNotFound)
	})

	t.Run("DeviceLines", func(t *testing.T) {
		d, err := c.DeviceLines.Create(ctx, a.ID, alianza.DeviceLine{DeviceTypeID: alianzatest.DeviceTypePolycomVVX450, DeviceName: "Desk 1",
			UserID: u.ID, SIPUsername: "acme-p1", MACAddress: "0004f2000011"})
		require.NoError(t, err)
		srv.ResetRequests()
		patch := alianza.DeviceLinePatchRequest{DeviceName: ptr("Kitchen"),
			SIPPassword: alianza.NewSecret("n3w-sip-pw"), MACAddress: ptr("00:04:F2:00:00:22"), FaxEnabled: ptr(true)}
		js, err := json.Marshal(patch)
		require.NoError(t, err)
		assert.NotContains(t, fmt.Sprintf("%v %+v %#v %s", patch, patch, patch, js), "n3w-sip-pw", "the patch prints and encodes its password as REDACTED")
		got, err := c.DeviceLines.Patch(ctx, a.ID, d.ID, patch)
		require.NoError(t, err)
		r := lastRequest(t, srv)
		assert.Equal(t, "PATCH", r.Method)
		assert.Equal(t, partPath+"/deviceline/"+d.ID, r.Path)
		assert.JSONEq(t, `{"deviceName":"Kitchen","sipPassword":"n3w-sip-pw","macAddress":"0004f2000022","faxEnabled":true}`, string(r.Body),
			"the SIP password is sent as its value, the MAC address normalised")
		assert.Equal(t, "Kitchen", got.DeviceName)
		assert.Equal(t, "n3w-sip-pw", got.SIPPassword.Reveal())
		assert.Equal(t, "0004f2000022", got.MACAddress)
		assert.Equal(t, "acme-p1", got.SIPUsername, "a field not sent is kept")
		stored := srv.DeviceLines(a.ID)
		require.Len(t, stored, 1)
		assert.Equal(t, "n3w-sip-pw", stored[0].SIPPassword)
		assert.NotContains(t, got.SIPPassword.String(), "n3w", "the answer's password is a Secret")

		// A SIP username taken elsewhere is the server's to refuse.
		_, err = c.DeviceLines.Create(ctx, a.ID, alianza.DeviceLine{DeviceTypeID: alianzatest.DeviceTypeGenericSIP, DeviceName: "Desk 2",
			UserID: u.ID, SIPUsername: "acme-p2"})
		require.NoError(t, err)
		_, err = c.DeviceLines.Patch(ctx, a.ID, d.ID, alianza.DeviceLinePatchRequest{SIPUsername: ptr("acme-p2")})
		require.ErrorIs(t, err, alianza.ErrSIPUsernameInUse)
	})

	t.Run("Numbers", func(t *testing.T) {
		srv.SeedNumbers("18015550177")
		_, err := c.Numbers.Add(ctx, a.ID, alianza.NumberActivation{TelephoneNumbers: []alianza.BareTelephoneNumber{{PhoneNumber: "18015550177"}}})
		require.NoError(t, err)
		srv.ResetRequests()
		got, err := c.Numbers.Patch(ctx, a.ID, "+18015550177", alianza.TelephoneNumberPatchRequest{
			ReferenceType: ptr(alianza.NumberRefEndUser), ReferenceID: ptr(u.ID), RingType: ptr(alianza.Ring2), CanAcceptSMS: ptr(false)})
		require.NoError(t, err)
		r := lastRequest(t, srv)
		assert.Equal(t, "PATCH", r.Method)
		assert.Equal(t, partPath+"/telephonenumber/18015550177", r.Path, "the number is sent as bare digits")
		assert.JSONEq(t, `{"referenceType":"END_USER","referenceId":"`+u.ID+`","ringType":"Ring2","canAcceptSMS":false}`, string(r.Body))
		assert.Equal(t, "18015550177", got.PhoneNumber)
		assert.Equal(t, alianza.NumberRefEndUser, got.ReferenceType)
		assert.Equal(t, u.ID, got.ReferenceID)
		assert.Equal(t, alianza.Ring2, got.RingType)
		stored := srv.AccountNumbers(a.ID)
		require.Len(t, stored, 1)
		assert.Equal(t, u.ID, stored[0].ReferenceID)

		// Only the ring changes; the reference stays.
		got, err = c.Numbers.Patch(ctx, a.ID, "18015550177", alianza.TelephoneNumberPatchRequest{RingType: ptr(alianza.Ring1)})
		require.NoError(t, err)
		assert.Equal(t, alianza.Ring1, got.RingType)
		assert.Equal(t, u.ID, got.ReferenceID)
	})
}

// Bad input to the PATCH calls is refused before anything is sent.
func TestPatchInputErrors(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	_, err := c.Login(ctx)
	require.NoError(t, err)
	srv.ResetRequests()
	for name, call := range map[string]func() error{
		"Users/empty": func() error { _, err := c.Users.Patch(ctx, "a1", "u1", alianza.UserPatchRequest{}); return err },
		"Users/user id": func() error {
			_, err := c.Users.Patch(ctx, "a1", "", alianza.UserPatchRequest{Tags: ptr("x")})
			return err
		},
		"Users/account id": func() error {
			_, err := c.Users.Patch(ctx, "..", "u1", alianza.UserPatchRequest{Tags: ptr("x")})
			return err
		},
		"Users/time zone": func() error {
			_, err := c.Users.Patch(ctx, "a1", "u1", alianza.UserPatchRequest{TimeZone: ptr("Mars/Olympus")})
			return err
		},
		"Users/no time zone": func() error {
			_, err := c.Users.Patch(ctx, "a1", "u1", alianza.UserPatchRequest{TimeZone: ptr("")})
			return err
		},
		"Users/extension": func() error {
			_, err := c.Users.Patch(ctx, "a1", "u1", alianza.UserPatchRequest{Extension: ptr("12a4")})
			return err
		},
		"Users/type": func() error {
			_, err := c.Users.Patch(ctx, "a1", "u1", alianza.UserPatchRequest{EndUserType: ptr("ROOT")})
			return err
		},
		"DeviceLines/empty": func() error {
			_, err := c.DeviceLines.Patch(ctx, "a1", "d1", alianza.DeviceLinePatchRequest{})
			return err
		},
		"DeviceLines/device id": func() error {
			_, err := c.DeviceLines.Patch(ctx, "a1", "..", alianza.DeviceLinePatchRequest{DeviceName: ptr("x")})
			return err
		},
		"DeviceLines/mac": func() error {
			_, err := c.DeviceLines.Patch(ctx, "a1", "d1", alianza.DeviceLinePatchRequest{MACAddress: ptr("not-a-mac")})
			return err
		},
		"DeviceLines/line number": func() error {
			_, err := c.DeviceLines.Patch(ctx, "a1", "d1", alianza.DeviceLinePatchRequest{LineNumber: ptr(-1)})
			return err
		},
		"DeviceLines/sip username": func() error {
			_, err := c.DeviceLines.Patch(ctx, "a1", "d1", alianza.DeviceLinePatchRequest{SIPUsername: ptr("a b@c")})
			return err
		},
		"DeviceLines/user": func() error {
			_, err := c.DeviceLines.Patch(ctx, "a1", "d1", alianza.DeviceLinePatchRequest{UserID: ptr(" ")})
			return err
		},
		"Numbers/empty": func() error {
			_, err := c.Numbers.Patch(ctx, "a1", "18015550100", alianza.TelephoneNumberPatchRequest{})
			return err
		},
		"Numbers/tn": func() error {
			_, err := c.Numbers.Patch(ctx, "a1", "555", alianza.TelephoneNumberPatchRequest{RingType: ptr(alianza.Ring1)})
			return err
		},
		"Numbers/ring": func() error {
			_, err := c.Numbers.Patch(ctx, "a1", "18015550100", alianza.TelephoneNumberPatchRequest{RingType: ptr(alianza.RingType("Loud"))})
			return err
		},
		"Numbers/reference": func() error {
			_, err := c.Numbers.Patch(ctx, "a1", "18015550100", alianza.TelephoneNumberPatchRequest{ReferenceType: ptr(alianza.NumberRefEndUser), ReferenceID: ptr("")})
			return err
		},
	} {
		err := call()
		require.ErrorIs(t, err, alianza.ErrInvalidInput, name)
		var ve *alianza.ValidationError
		require.ErrorAs(t, err, &ve, name)
	}
	assert.Empty(t, srv.Requests(), "nothing was sent")
}
