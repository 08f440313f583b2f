package alianza

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the zones SupportedTimeZone maps, on any machine

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// refClient is a client of a server answering the login and then every
// call with status and body.
func refClient(t *testing.T, status int, body string) *Client {
	t.Helper()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == pathAuthorize {
			w.WriteHeader(http.StatusCreated)
			_, _ = w.Write([]byte(`{"authToken":"t","partitionId":"p1"}`))
			return
		}
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(ts.Close)
	c, err := New(Credentials{Username: "u", Password: NewSecret("p")}, WithBaseURL(ts.URL), WithRetry(RetryPolicy{MaxAttempts: 1}))
	require.NoError(t, err)
	return c
}

// The time zones answer is an object whose member holds the list, the
// member unnamed by the spec: any member is read, several in name order,
// and a bare array too.
func TestTimeZonesShapes(t *testing.T) {
	ctx := context.Background()
	for body, want := range map[string][]string{
		`{"timeZones":["US/Central","US/Eastern"]}`:  {"US/Central", "US/Eastern"},
		`{"zones":["US/Central"]}`:                   {"US/Central"},
		`{"b":["Canada/Eastern"],"a":["US/Hawaii"]}`: {"US/Hawaii", "Canada/Eastern"},
		`["US/Samoa"]`: {"US/Samoa"},
		`{}`:           {},
	} {
		got, err := refClient(t, http.StatusOK, body).ReferenceData.TimeZones(ctx)
		require.NoError(t, err, body)
		assert.Equal(t, want, got, body)
	}
	for _, body := range []string{`{"timeZones":"US/Central"}`, `42`, `{"a":[1]}`} {
		_, err := refClient(t, http.StatusOK, body).ReferenceData.TimeZones(ctx)
		assert.ErrorIs(t, err, ErrBadResponse, body)
	}
}

func TestDeviceTypeDecodes(t *testing.T) {
	body := `{"id":"SIP_4_Port_MTA","name":"SIP 4 Port MTA","numLines":4,"deviceTypeManufacturer":"THIRD_PARTY",` +
		`"acceptsRemoteResync":true,"faxSupported":true,"macAddressRequired":true,"showProvisionStatus":true,` +
		`"enforceUniqueAdminPassword":false,"customEncryptionKeys":false,"sipPagingEnabled":false,"distinctiveRingInfo":"x",` +
		`"smbDevice":false,"sideCarTypeIds":["sc1"],"maxSideCars":0,"ringTypeAlertInfo":[{"ringType":"Ring1","alertInfoHeaderValue":"<http://127.0.0.1/Bellcore-dr2>"}],` +
		`"sipRegMax":4,"deviceKind":"MTA","lineFunctionality":{"LINE_KEY":["Line","SipPaging"]}}`
	d, err := refClient(t, http.StatusOK, body).ReferenceData.DeviceType(context.Background(), "SIP_4_Port_MTA")
	require.NoError(t, err)
	assert.Equal(t, &DeviceType{ID: "SIP_4_Port_MTA", Name: "SIP 4 Port MTA", NumLines: 4, DeviceTypeManufacturer: "THIRD_PARTY",
		AcceptsRemoteResync: true, FaxSupported: true, MACAddressRequired: true, ShowProvisionStatus: true, DistinctiveRingInfo: "x",
		SideCarTypeIDs: []string{"sc1"}, RingTypeAlertInfo: []RingTypeAlertInfo{{RingType: "Ring1", AlertInfoHeaderValue: "<http://127.0.0.1/Bellcore-dr2>"}},
		SIPRegMax: 4, DeviceKind: "MTA", LineFunctionality: map[string][]string{"LINE_KEY": {"Line", "SipPaging"}}}, d)

	_, err = refClient(t, http.StatusNotFound, `{"status":404,"messages":["DeviceTypeNotFound"],"data":{}}`).ReferenceData.DeviceType(context.Background(), "x")
	assert.ErrorIs(t, err, ErrNotFound)
}

func TestReferenceDataLocalChecks(t *testing.T) {
	c := refClient(t, http.StatusOK, `{}`)
	ctx := context.Background()
	_, err := c.ReferenceData.DeviceType(ctx, " ")
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, err = c.ReferenceData.InboundRatePlan(ctx, "")
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, err = c.DeviceLines.RegistrationStatus(ctx, "a1", "")
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, err = c.DeviceLines.RegistrationStatus(ctx, "", "d1")
	assert.ErrorIs(t, err, ErrInvalidInput)
	var nilCtx context.Context // refused, not a panic
	_, err = c.ReferenceData.Languages(nilCtx)
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, err = c.ReferenceData.DeviceType(nilCtx, "x")
	assert.ErrorIs(t, err, ErrInvalidInput)
}

// Local refusals say where a valid value comes from.
func TestValidationNamesTheValidValues(t *testing.T) {
	c := refClient(t, http.StatusOK, `{}`)
	ctx := context.Background()
	reason := func(err error) string {
		t.Helper()
		var ve *ValidationError
		require.ErrorAs(t, err, &ve)
		return ve.Reason
	}
	_, err := c.Accounts.Create(ctx, Account{AccountNumber: "CUST-1", AccountName: "Ada", AccountType: AccountSimple, BillingCycleDay: 1,
		DialingBehaviorType: DialTenDigit, TimeZone: "America/Chicago"})
	assert.Equal(t, `"America/Chicago" is not one of the spec's time zones; use "US/Central", its name for the same zone (see SupportedTimeZone)`, reason(err))
	_, err = c.Users.Create(ctx, "a1", User{TimeZone: "Europe/Dublin"})
	r := reason(err)
	assert.Contains(t, r, "US/Samoa, US/Hawaii")
	assert.Contains(t, r, "ReferenceData.TimeZones")
	_, err = c.Users.Create(ctx, "a1", User{})
	assert.Contains(t, reason(err), "ReferenceData.TimeZones")
	_, err = c.Users.Create(ctx, "a1", User{TimeZone: "US/Central", UserProductPlan: "GOLD"})
	assert.Contains(t, reason(err), "ProductPlans.List")
	_, err = c.DeviceLines.Create(ctx, "a1", DeviceLine{DeviceName: "Desk", UserID: "u1"})
	assert.Contains(t, reason(err), "ReferenceData.DeviceTypes")
	_, err = c.CallingPlans.Set(ctx, "a1", CallingPlanModifyRequest{})
	assert.Contains(t, reason(err), "ReferenceData.CallingPlanProducts")
}

func TestSupportedTimeZone(t *testing.T) {
	for tz, want := range map[string]string{
		"US/Central": "US/Central", "America/Chicago": "US/Central", "America/New_York": "US/Eastern",
		"America/Los_Angeles": "US/Pacific", "America/Phoenix": "US/Arizona", "Pacific/Honolulu": "US/Hawaii",
		"America/Toronto": "Canada/Eastern", "America/St_Johns": "Canada/Newfoundland", "America/Puerto_Rico": "America/St_Thomas",
	} {
		got, ok := SupportedTimeZone(tz)
		assert.True(t, ok, tz)
		assert.Equal(t, want, got, tz)
	}
	for _, tz := range []string{"", "UTC", "Europe/Dublin", "us/central", "America/Indiana/Indianapolis"} {
		_, ok := SupportedTimeZone(tz)
		assert.False(t, ok, tz)
	}
	// Every alias names a spec zone, and the same zone: the two agree on
	// the offset at every instant tried (the tz database's own data).
	instants := []time.Time{}
	for y := 1990; y <= 2030; y += 5 {
		for _, m := range []time.Month{time.January, time.April, time.July, time.October} {
			instants = append(instants, time.Date(y, m, 15, 12, 0, 0, 0, time.UTC))
		}
	}
	for iana, spec := range timeZoneAliases {
		assert.Contains(t, timeZones, spec, iana)
		a, err := time.LoadLocation(iana)
		require.NoError(t, err, iana)
		b, err := time.LoadLocation(spec)
		require.NoError(t, err, spec)
		for _, at := range instants {
			_, oa := at.In(a).Zone()
			_, ob := at.In(b).Zone()
			assert.Equal(t, oa, ob, "%s and %s at %s", iana, spec, at)
		}
	}
	// Every spec zone loads (they are tz database names).
	for _, tz := range timeZones {
		_, err := time.LoadLocation(tz)
		assert.NoError(t, err, tz)
		assert.False(t, strings.Contains(tz, " "))
	}
}
