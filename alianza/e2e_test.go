package alianza_test

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/alianza"
	"github.com/ispkit/ispkit/alianza/alianzatest"
)

func newE2E(t *testing.T, opts ...alianzatest.Option) (*alianzatest.Server, *alianza.Client) {
	t.Helper()
	srv := alianzatest.NewServer(opts...)
	t.Cleanup(srv.Close)
	c, err := alianza.New(alianza.Credentials{Username: alianzatest.DefaultUsername, Password: alianza.NewSecret(alianzatest.DefaultPassword)},
		alianza.WithBaseURL(srv.URL),
		alianza.WithRetry(alianza.RetryPolicy{MaxAttempts: 3, MinWait: time.Millisecond, MaxWait: 2 * time.Millisecond}))
	require.NoError(t, err)
	return srv, c
}

func newAccount(t *testing.T, c *alianza.Client, number string) *alianza.Account {
	t.Helper()
	a, err := c.Accounts.Create(context.Background(), alianza.Account{
		AccountNumber: number, AccountName: "Ada Lovelace", AccountType: alianza.AccountAdvanced,
		BillingCycleDay: 15, DialingBehaviorType: alianza.DialNineTenDigit, ExtensionLength: 4, TimeZone: "US/Eastern",
	})
	require.NoError(t, err)
	return a
}

func TestE2EAccounts(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	part, err := c.Login(ctx)
	require.NoError(t, err)
	assert.Equal(t, alianzatest.DefaultPartitionID, part)

	a := newAccount(t, c, "CUST-1001")
	assert.NotEmpty(t, a.ID)
	assert.Equal(t, alianza.AccountActive, a.Status)
	got, ok := srv.Account(a.ID)
	require.True(t, ok)
	assert.Equal(t, "CUST-1001", got.AccountNumber)

	byNumber, err := c.Accounts.GetByNumber(ctx, "CUST-1001")
	require.NoError(t, err)
	assert.Equal(t, a.ID, byNumber.ID)
	_, err = c.Accounts.GetByNumber(ctx, "NOPE-1")
	require.ErrorIs(t, err, alianza.ErrNotFound)

	_, err = c.Accounts.Create(ctx, alianza.Account{AccountNumber: "CUST-1001", AccountName: "Other", AccountType: alianza.AccountSimple,
		BillingCycleDay: 1, DialingBehaviorType: alianza.DialTenDigit})
	require.ErrorIs(t, err, alianza.ErrValidation, "account numbers are unique in the partition")

	list, err := c.Accounts.List(ctx)
	require.NoError(t, err)
	assert.Len(t, list, 1)
	views, err := c.Accounts.Search(ctx, "1001")
	require.NoError(t, err)
	require.Len(t, views, 1)
	assert.Equal(t, a.ID, views[0].ID)

	a.AccountName = "Augusta Ada King"
	up, err := c.Accounts.Update(ctx, *a)
	require.NoError(t, err)
	assert.Equal(t, "Augusta Ada King", up.AccountName)
	day := 20
	up, err = c.Accounts.Patch(ctx, a.ID, alianza.AccountPatchRequest{BillingCycleDay: &day})
	require.NoError(t, err)
	assert.Equal(t, 20, up.BillingCycleDay)

	// The CRM status rule: a write only when the status differs.
	before := srv.RequestCount("/account/" + a.ID)
	_, changed, err := c.Accounts.EnsureStatus(ctx, a.ID, true)
	require.NoError(t, err)
	assert.False(t, changed)
	assert.Equal(t, before+1, srv.RequestCount("/account/"+a.ID), "one read, no write")
	dis, changed, err := c.Accounts.EnsureStatus(ctx, a.ID, false)
	require.NoError(t, err)
	assert.True(t, changed)
	assert.Equal(t, alianza.AccountDisabled, dis.Status)

	require.NoError(t, c.Accounts.Delete(ctx, a.ID))
	_, err = c.Accounts.Get(ctx, a.ID)
	require.ErrorIs(t, err, alianza.ErrNotFound)
}

func TestE2EUsersAndLines(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	a := newAccount(t, c, "CUST-2001")
	u, err := c.Users.Create(ctx, a.ID, alianza.User{FirstName: "Ada", LastName: "Lovelace", TimeZone: "US/Eastern", Extension: "1001"})
	require.NoError(t, err)

	d1, err := c.DeviceLines.Create(ctx, a.ID, alianza.DeviceLine{DeviceTypeID: alianzatest.DeviceTypePolycomVVX450, DeviceName: "Desk 1", UserID: u.ID,
		SIPUsername: "acme-1", MACAddress: "00:04:F2:00:00:01"})
	require.NoError(t, err)
	assert.NotEmpty(t, d1.SIPPassword.Reveal(), "the server generates a SIP password")
	assert.Equal(t, "0004f2000001", d1.MACAddress)
	assert.NotZero(t, d1.LineNumber)

	// SIP usernames are globally unique.
	b := newAccount(t, c, "CUST-2002")
	ub, err := c.Users.Create(ctx, b.ID, alianza.User{FirstName: "Bob", LastName: "Babbage", TimeZone: "US/Eastern", Extension: "1002"})
	require.NoError(t, err)
	_, err = c.DeviceLines.Create(ctx, b.ID, alianza.DeviceLine{DeviceTypeID: alianzatest.DeviceTypeGenericSIP, DeviceName: "Desk", UserID: ub.ID, SIPUsername: "acme-1"})
	require.ErrorIs(t, err, alianza.ErrSIPUsernameInUse)

	lines, err := c.DeviceLines.ByMAC(ctx, a.ID, "0004f2000001")
	require.NoError(t, err)
	require.Len(t, lines, 1)
	sip, err := c.DeviceLines.SIPLines(ctx, a.ID)
	require.NoError(t, err)
	require.Len(t, sip, 1)
	assert.Equal(t, "acme-1", sip[0].SIPUsername)
	assert.Len(t, srv.DeviceLines(a.ID), 1)

	d1.DeviceName = "Lobby"
	up, err := c.DeviceLines.Update(ctx, a.ID, *d1)
	require.NoError(t, err)
	assert.Equal(t, "Lobby", up.DeviceName)
	require.NoError(t, c.DeviceLines.Delete(ctx, a.ID, d1.ID))
	_, err = c.DeviceLines.Get(ctx, a.ID, d1.ID)
	require.ErrorIs(t, err, alianza.ErrNotFound)

	users, err := c.Users.List(ctx, a.ID)
	require.NoError(t, err)
	require.Len(t, users, 1)
	require.NoError(t, c.Users.Delete(ctx, a.ID, u.ID))
}

// 100 goroutines hit an expired token: exactly one new login (run with -race).
func TestE2EExpiredTokenOneLogin(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	newAccount(t, c, "CUST-3001")
	require.Equal(t, 1, srv.LoginCount())

	srv.ExpireTokens()
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.Accounts.List(ctx)
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	assert.Equal(t, 2, srv.LoginCount())
}

func TestE2ETokenLifetimeAndLogout(t *testing.T) {
	srv, c := newE2E(t, alianzatest.WithTokenLifetime(50*time.Millisecond))
	ctx := context.Background()
	_, err := c.Accounts.List(ctx)
	require.NoError(t, err)
	time.Sleep(80 * time.Millisecond)
	_, err = c.Accounts.List(ctx)
	require.NoError(t, err, "an expired token is replaced by itself")
	assert.Equal(t, 2, srv.LoginCount())

	require.NoError(t, c.Logout(ctx))
	_, err = c.Accounts.List(ctx)
	require.NoError(t, err)
	assert.Equal(t, 3, srv.LoginCount())
}

func TestE2EWrongCredentialsAndPartition(t *testing.T) {
	srv, _ := newE2E(t)
	c, err := alianza.New(alianza.Credentials{Username: alianzatest.DefaultUsername, Password: alianza.NewSecret("wrong")}, alianza.WithBaseURL(srv.URL))
	require.NoError(t, err)
	_, err = c.Accounts.List(context.Background())
	require.ErrorIs(t, err, alianza.ErrUnauthorized)
	assert.NotContains(t, fmt.Sprintf("%v %+v", err, err), "wrong")

	c, err = alianza.New(alianza.Credentials{Username: alianzatest.DefaultUsername, Password: alianza.NewSecret(alianzatest.DefaultPassword)},
		alianza.WithBaseURL(srv.URL), alianza.WithPartition("someone-else"))
	require.NoError(t, err)
	_, err = c.Accounts.List(context.Background())
	require.ErrorIs(t, err, alianza.ErrUnauthorized, "another partition is refused")
}

func TestE2EPostNotResent(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	_, err := c.Login(ctx)
	require.NoError(t, err)
	srv.InjectFault(alianzatest.Fault{Path: "/account", Status: http.StatusServiceUnavailable, Times: 1})
	_, err = c.Accounts.Create(ctx, alianza.Account{AccountNumber: "CUST-4001", AccountName: "Ada", AccountType: alianza.AccountSimple,
		BillingCycleDay: 1, DialingBehaviorType: alianza.DialTenDigit})
	require.Error(t, err)
	assert.Empty(t, srv.Accounts(), "the POST was not re-sent")

	srv.InjectFault(alianzatest.Fault{Path: "/account", Status: http.StatusServiceUnavailable, Times: 1})
	_, err = c.Accounts.List(ctx)
	require.NoError(t, err, "a GET is retried")
}

func TestE2EReport(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	a := newAccount(t, c, "CUST-5001")
	u, err := c.Users.Create(ctx, a.ID, alianza.User{FirstName: "Ada", LastName: "Lovelace", TimeZone: "US/Eastern", Extension: "1001"})
	require.NoError(t, err)
	for i := 1; i <= 2; i++ {
		_, err := c.DeviceLines.Create(ctx, a.ID, alianza.DeviceLine{DeviceTypeID: alianzatest.DeviceTypePolycomVVX450, DeviceName: fmt.Sprintf("Desk %d", i),
			UserID: u.ID, SIPUsername: fmt.Sprintf("rep-%d", i), EmergencyNumber: "5551234567", MACAddress: fmt.Sprintf("0004f200000%d", i)})
		require.NoError(t, err)
	}
	lines := srv.DeviceLines(a.ID)
	require.Len(t, lines, 2)
	require.True(t, srv.SetRegistered(lines[1].ID, true))
	srv.ResetRequests()
	r, err := c.Accounts.Report(ctx, a.ID)
	require.NoError(t, err)
	assert.Equal(t, 5, r.Calls)
	assert.Len(t, srv.Requests(), 5, "the report takes three requests and one registration status per SIP line")
	assert.Equal(t, map[string]bool{lines[0].ID: false, lines[1].ID: true}, r.Registered)
	assert.Equal(t, "CUST-5001", r.Account.AccountNumber)
	assert.Equal(t, alianza.AccountAdvanced, r.Account.AccountType)
	require.Len(t, r.SIPLines, 2)
	for _, l := range r.SIPLines {
		assert.NotEmpty(t, l.SIPPassword.Reveal())
		assert.Equal(t, "5551234567", l.EmergencyNumber)
		assert.NotZero(t, l.LineNumber)
	}
	assert.NotContains(t, fmt.Sprintf("%v %+v", r, r), r.SIPLines[0].SIPPassword.Reveal())

	_, err = c.Accounts.Report(ctx, "missing")
	require.ErrorIs(t, err, alianza.ErrNotFound)
}
