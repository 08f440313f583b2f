package alianza_test

// End-to-end against alianzatest: the reference data calls, provisioning
// with the ids they give, the refusals that name where valid values come
// from, the registration status in the report, and the login's 201 and the
// gateway's 401.

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/alianza"
	"github.com/ispkit/ispkit/alianza/alianzatest"
)

func TestE2EReferenceData(t *testing.T) {
	_, c := newE2E(t)
	ctx := context.Background()

	types, err := c.ReferenceData.DeviceTypes(ctx)
	require.NoError(t, err)
	var ids []string
	for _, d := range types {
		ids = append(ids, d.ID)
	}
	assert.Equal(t, []string{alianzatest.DeviceTypeGenericSIP, alianzatest.DeviceTypeObihaiOBi202, alianzatest.DeviceTypePolycomVVX450,
		alianzatest.DeviceTypeSIP4PortMTA, alianzatest.DeviceTypeYealinkT54W}, ids)
	mta, err := c.ReferenceData.DeviceType(ctx, alianzatest.DeviceTypeSIP4PortMTA)
	require.NoError(t, err)
	assert.Equal(t, &alianza.DeviceType{ID: "SIP_4_Port_MTA", Name: "SIP 4 Port MTA", NumLines: 4, DeviceTypeManufacturer: "THIRD_PARTY",
		FaxSupported: true, MACAddressRequired: true, DeviceKind: "MTA"}, mta)
	_, err = c.ReferenceData.DeviceType(ctx, "generic")
	assert.ErrorIs(t, err, alianza.ErrNotFound)

	zones, err := c.ReferenceData.TimeZones(ctx)
	require.NoError(t, err)
	assert.Len(t, zones, 15)
	for _, z := range zones {
		got, ok := alianza.SupportedTimeZone(z)
		assert.True(t, ok && got == z, "the server's %s is one the client accepts", z)
	}
	assert.Contains(t, zones, "US/Central")
	assert.NotContains(t, zones, "America/Chicago")

	langs, err := c.ReferenceData.Languages(ctx)
	require.NoError(t, err)
	assert.Equal(t, alianza.Language{ID: "fr-CA", Country: "CA", Language: "French"}, langs[3])

	products, err := c.ReferenceData.CallingPlanProducts(ctx, false)
	require.NoError(t, err)
	require.Len(t, products, 3)
	assert.Equal(t, alianzatest.CallingPlanProduct500, products[0].ID)
	assert.True(t, products[0].DefaultPlan)
	assert.Equal(t, 3000, products[2].PlanMinutes)
	assert.Equal(t, alianzatest.DefaultPartitionID, products[2].PartitionID)
	archived, err := c.ReferenceData.CallingPlanProducts(ctx, true)
	require.NoError(t, err)
	assert.Equal(t, products, archived, "the fake archives nothing")

	plans, err := c.ReferenceData.InboundRatePlans(ctx)
	require.NoError(t, err)
	require.Len(t, plans, 2)
	assert.Equal(t, alianza.InboundRatePlan{ID: alianzatest.InboundRatePlanStandard, PartitionID: alianzatest.DefaultPartitionID,
		Name: "Standard Toll-Free", DefaultPlan: true, Rates: map[string]alianza.InboundRate{
			"US": {Rate: 0.025, AllowCalls: true}, "CANADA": {Rate: 0.025, AllowCalls: true}}}, plans[0])
	one, err := c.ReferenceData.InboundRatePlan(ctx, alianzatest.InboundRatePlanUSOnly)
	require.NoError(t, err)
	assert.Equal(t, plans[1], *one)
	_, err = c.ReferenceData.InboundRatePlan(ctx, "nope")
	assert.ErrorIs(t, err, alianza.ErrNotFound)
}

// A provisioning flow that takes every id from the reference data goes
// through; one that guesses is refused, by the client where it can tell and
// by the server otherwise, and either refusal says where to look.
func TestE2EProvisionWithReferenceData(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	zone, ok := alianza.SupportedTimeZone("America/Chicago")
	require.True(t, ok)
	plans, err := c.ReferenceData.InboundRatePlans(ctx)
	require.NoError(t, err)
	acct, err := c.Accounts.Create(ctx, alianza.Account{AccountNumber: "CUST-9001", AccountName: "Ada Lovelace",
		AccountType: alianza.AccountSimple, BillingCycleDay: 1, DialingBehaviorType: alianza.DialTenDigit, TimeZone: zone,
		LanguageTag: "en-US", InboundRatePlanProductID: plans[0].ID})
	require.NoError(t, err)
	assert.Equal(t, "US/Central", acct.TimeZone)
	assert.Equal(t, plans[0].ID, acct.InboundRatePlanProductID)
	user, err := c.Users.Create(ctx, acct.ID, alianza.User{FirstName: "Ada", TimeZone: zone})
	require.NoError(t, err)
	products, err := c.ReferenceData.CallingPlanProducts(ctx, false)
	require.NoError(t, err)
	plan, err := c.CallingPlans.Set(ctx, acct.ID, alianza.CallingPlanModifyRequest{CallingPlanReferenceID: products[1].ID})
	require.NoError(t, err)
	assert.Equal(t, products[1].PlanMinutes, plan.PlanMinutes)
	line, err := c.DeviceLines.Create(ctx, acct.ID, alianza.DeviceLine{DeviceTypeID: alianzatest.DeviceTypeSIP4PortMTA,
		DeviceName: "Port 1", UserID: user.ID, MACAddress: "00:04:f2:00:00:01", LineType: "Line"})
	require.NoError(t, err)
	assert.Equal(t, alianzatest.DeviceTypeSIP4PortMTA, line.DeviceTypeID)

	// The client refuses what it can tell is wrong, naming the valid value.
	_, err = c.Accounts.Create(ctx, alianza.Account{AccountNumber: "CUST-9002", AccountName: "Bob Babbage", AccountType: alianza.AccountSimple,
		BillingCycleDay: 1, DialingBehaviorType: alianza.DialTenDigit, TimeZone: "America/Chicago"})
	require.ErrorIs(t, err, alianza.ErrInvalidInput)
	assert.Contains(t, err.Error(), `use "US/Central"`)
	assert.Empty(t, srv.Accounts()[1:], "nothing was sent")

	// The server refuses ids it does not have, and says which call lists them.
	for _, tc := range []struct {
		name, key, call string
		do              func() error
	}{
		{"device type", alianzatest.MessageInvalidDeviceTypeID, "GET /v2/ref/devicetype", func() error {
			_, err := c.DeviceLines.Create(ctx, acct.ID, alianza.DeviceLine{DeviceTypeID: "generic", DeviceName: "Desk", UserID: user.ID})
			return err
		}},
		{"MAC address", alianzatest.MessageMacAddressRequired, "GET /v2/ref/devicetype/{id}", func() error {
			_, err := c.DeviceLines.Create(ctx, acct.ID, alianza.DeviceLine{DeviceTypeID: alianzatest.DeviceTypePolycomVVX450, DeviceName: "Desk", UserID: user.ID})
			return err
		}},
		{"calling plan product", alianzatest.MessageInvalidCallingPlanProductID, "/callingplanproduct", func() error {
			_, err := c.CallingPlans.Set(ctx, acct.ID, alianza.CallingPlanModifyRequest{CallingPlanReferenceID: "unlimited"})
			return err
		}},
		{"inbound rate plan", alianzatest.MessageInvalidInboundRatePlanProductID, "/inboundrateplanproduct", func() error {
			_, err := c.Accounts.Create(ctx, alianza.Account{AccountNumber: "CUST-9003", AccountName: "Cyd Charisse", AccountType: alianza.AccountSimple,
				BillingCycleDay: 1, DialingBehaviorType: alianza.DialTenDigit, InboundRatePlanProductID: "toll-free"})
			return err
		}},
		{"language", alianzatest.MessageInvalidLanguageTag, "GET /v2/ref/language", func() error {
			_, err := c.Users.Create(ctx, acct.ID, alianza.User{TimeZone: zone, LanguageTag: "de-DE"})
			return err
		}},
		{"language of an account", alianzatest.MessageInvalidLanguageTag, "GET /v2/ref/language", func() error {
			_, err := c.Accounts.Patch(ctx, acct.ID, alianza.AccountPatchRequest{LanguageTag: ptr("en-GB")})
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.do()
			require.ErrorIs(t, err, alianza.ErrValidation)
			var e *alianza.Error
			require.ErrorAs(t, err, &e)
			require.Len(t, e.Messages, 2, "%v", e.Messages)
			assert.Equal(t, tc.key, e.Messages[0])
			assert.Contains(t, e.Messages[1], tc.call)
			assert.Contains(t, err.Error(), tc.call, "the error's text names the call")
		})
	}
}

func ptr[T any](v T) *T { return &v }

// The status report says which SIP lines are registered; a line whose
// status is gone (404) is left out, any other failure fails the report.
func TestE2EReportRegistration(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	a := newAccount(t, c, "CUST-5101")
	u := newUser(t, c, a.ID, "1001")
	var ids []string
	for i := range 3 {
		d, err := c.DeviceLines.Create(ctx, a.ID, alianza.DeviceLine{DeviceTypeID: alianzatest.DeviceTypeSIP4PortMTA, DeviceName: "Port",
			UserID: u.ID, MACAddress: "00:04:f2:00:01:01", LineNumber: i + 1})
		require.NoError(t, err)
		ids = append(ids, d.ID)
	}
	require.True(t, srv.SetRegistered(ids[0], true))
	require.True(t, srv.SetRegistered(ids[2], true))

	st, err := c.DeviceLines.RegistrationStatus(ctx, a.ID, ids[0])
	require.NoError(t, err)
	assert.True(t, st.Registered)
	st, err = c.DeviceLines.RegistrationStatus(ctx, a.ID, ids[1])
	require.NoError(t, err)
	assert.False(t, st.Registered)
	_, err = c.DeviceLines.RegistrationStatus(ctx, a.ID, "nope")
	assert.ErrorIs(t, err, alianza.ErrNotFound)

	r, err := c.Accounts.Report(ctx, a.ID)
	require.NoError(t, err)
	assert.Equal(t, map[string]bool{ids[0]: true, ids[1]: false, ids[2]: true}, r.Registered)
	assert.Equal(t, 6, r.Calls)

	srv.InjectFault(alianzatest.Fault{Path: ids[1] + "/registrationstatus", Status: http.StatusNotFound, Times: 1})
	r, err = c.Accounts.Report(ctx, a.ID)
	require.NoError(t, err)
	assert.Equal(t, map[string]bool{ids[0]: true, ids[2]: true}, r.Registered, "the line that is gone is left out")

	srv.InjectFault(alianzatest.Fault{Path: ids[2] + "/registrationstatus", Status: http.StatusInternalServerError})
	_, err = c.Accounts.Report(ctx, a.ID)
	require.Error(t, err)
	var e *alianza.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "DeviceLines.RegistrationStatus", e.Op)
	srv.ClearFaults()
}

// The fake answers the login 201, as production does, and can answer every
// 401 in the gateway's form: the client logs in again once either way.
func TestE2ELoginAndGatewayUnauthorized(t *testing.T) {
	srv, c := newE2E(t, alianzatest.WithGatewayUnauthorized())
	ctx := context.Background()
	p, err := c.Login(ctx)
	require.NoError(t, err, "a 201 login")
	assert.Equal(t, alianzatest.DefaultPartitionID, p)
	_, err = c.Accounts.List(ctx)
	require.NoError(t, err)

	srv.ExpireTokens()
	_, err = c.Accounts.List(ctx)
	require.NoError(t, err, "a gateway 401: one new login, the call retried")
	assert.Equal(t, 2, srv.LoginCount())

	bad, err := alianza.New(alianza.Credentials{Username: alianzatest.DefaultUsername, Password: alianza.NewSecret("wrong")}, alianza.WithBaseURL(srv.URL))
	require.NoError(t, err)
	_, err = bad.Accounts.List(ctx)
	require.ErrorIs(t, err, alianza.ErrUnauthorized)
	assert.False(t, errors.Is(err, alianza.ErrTokenExpired))
	var e *alianza.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, []string{"Unauthorized"}, e.Messages)
	assert.True(t, slices.ContainsFunc(srv.Requests(), func(r alianzatest.RecordedRequest) bool {
		return r.Path == "/v2/authorize" && strings.Contains(string(r.Body), "wrong")
	}))
}
