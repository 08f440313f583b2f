package alianza

// Wire tests with gock, intercepting the client's own *http.Client: the
// login request, the X-AUTH-TOKEN of every other call, escaped paths, query
// parameters and JSON bodies of every operation, the one re-login on 401,
// the token on every retry, the login retried like a GET, a same-host
// redirect keeping the token and a login redirect that is not followed.
// The hostile-server cases are the conformance matrix's
// (conformance_test.go). gock's registry is global: these tests must not
// run in parallel.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/h2non/gock.v1"

	"github.com/ispkit/ispkit/internal/testkit"
)

const (
	gockHost  = "http://alianza.test"
	gockOther = "http://elsewhere.test"
	gockUser  = "gock-user"
	// gockPassword has the characters JSON escapes: the login body must
	// carry it exactly.
	gockPassword = `gock-pw"&<1>\`
	// gockPartition is the login answer's partition; it needs escaping.
	gockPartition = "part 1/x"
	gockPart      = "/v2/partition/part%201%2Fx"
)

// gockClient returns a client whose *http.Client is intercepted by gock (no
// retries unless opts say otherwise), and removes every mock and the
// interception when the test ends.
func gockClient(t *testing.T, opts ...Option) *Client {
	t.Helper()
	c, err := New(Credentials{Username: gockUser, Password: NewSecret(gockPassword)},
		append([]Option{WithBaseURL(gockHost), WithRetry(RetryPolicy{MaxAttempts: 1})}, opts...)...)
	require.NoError(t, err)
	gock.InterceptClient(c.HTTPClient())
	t.Cleanup(func() {
		gock.OffAll()
		gock.RestoreClient(c.HTTPClient())
	})
	return c
}

// gockFastRetry retries quickly: three attempts, millisecond waits.
func gockFastRetry() Option {
	return WithRetry(RetryPolicy{MaxAttempts: 3, MinWait: time.Millisecond, MaxWait: 2 * time.Millisecond, MaxRetryAfter: time.Second})
}

// gockToken is the X-AUTH-TOKEN a recorded request carried, "" for none.
// Header names are matched without regard to case.
func gockTokenOf(s testkit.Seen) string {
	if v := gockHeader(s.Header, headerAuthToken); len(v) > 0 {
		return v[0]
	}
	return ""
}

// gockHeader is every value of the header name, under any spelling.
func gockHeader(h http.Header, name string) []string {
	var out []string
	for k, v := range h {
		if strings.EqualFold(k, name) {
			out = append(out, v...)
		}
	}
	return out
}

// gockUnmatched describes the requests gock could not match, for failures.
func gockUnmatched() string {
	var b strings.Builder
	for _, r := range gock.GetUnmatchedRequests() {
		fmt.Fprintf(&b, "\n  %s %s", r.Method, r.URL)
	}
	return b.String()
}

// gockDone asserts that every mock was used and no request went unmatched.
func gockDone(t *testing.T) {
	t.Helper()
	assert.True(t, gock.IsDone(), "mocks not used: %d", len(gock.Pending()))
	assert.False(t, gock.HasUnmatchedRequest(), "unmatched requests:%s", gockUnmatched())
}

// gockToken matches the X-AUTH-TOKEN given, "" meaning none at all.
func gockToken(tok string) gock.MatchFunc {
	return func(req *http.Request, _ *gock.Request) (bool, error) {
		v := gockHeader(req.Header, headerAuthToken)
		if tok == "" {
			return len(v) == 0, nil
		}
		return len(v) == 1 && v[0] == tok, nil
	}
}

// gockEscaped matches the path as sent, escapes included.
func gockEscaped(path string) gock.MatchFunc {
	return func(req *http.Request, _ *gock.Request) (bool, error) { return req.URL.EscapedPath() == path, nil }
}

// gockExpect registers a mock for method and the escaped path on host,
// carrying the token given ("" for none), recorded by rec. The mock matches
// the path as sent, escapes included: a recorded request had that path.
func gockExpect(t *testing.T, rec *testkit.Recorder, host, method, escapedPath, tok string) *gock.Request {
	t.Helper()
	decoded, err := url.PathUnescape(escapedPath)
	require.NoError(t, err)
	m := gock.New(host)
	m.Method = method
	m.URLStruct.Path = "^" + regexp.QuoteMeta(decoded) + "$"
	return m.AddMatcher(gockEscaped(escapedPath)).AddMatcher(gockToken(tok)).AddMatcher(rec.Match)
}

// gockLogin registers one login answered 201 with tok, matching only a
// request without X-AUTH-TOKEN.
func gockLogin(t *testing.T, rec *testkit.Recorder, tok string) {
	t.Helper()
	gockExpect(t, rec, gockHost, http.MethodPost, pathAuthorize, "").
		Reply(http.StatusCreated). // as production answers (alianza-notes.md)
		JSON(map[string]any{"authToken": tok, "partitionId": gockPartition, "userId": "uid-1", "userType": "ManagementUser", "maxLifeInHours": 1})
}

// gockJSON sets a JSON body on a mock answer.
func gockJSON(r *gock.Response, body string) *gock.Response {
	if body == "" {
		return r
	}
	return r.SetHeader("Content-Type", "application/json").BodyString(body)
}

// gockCheckLogin checks a recorded login request.
func gockCheckLogin(t *testing.T, s testkit.Seen) {
	t.Helper()
	assert.Equal(t, http.MethodPost, s.Method)
	assert.Equal(t, pathAuthorize, s.Path)
	assert.Empty(t, s.Query)
	assert.Empty(t, gockHeader(s.Header, headerAuthToken), "the login carries no X-AUTH-TOKEN")
	assert.Equal(t, "application/json", s.Header.Get("Content-Type"))
	assert.Equal(t, "application/json", s.Header.Get("Accept"))
	assert.Contains(t, s.Header.Get("User-Agent"), "(alianza)")
	var login map[string]string
	require.NoError(t, json.Unmarshal(s.Body, &login), "login body %s", s.Body)
	assert.Equal(t, map[string]string{"username": gockUser, "password": gockPassword}, login, "exactly username and password")
}

func TestGockLogin(t *testing.T) {
	c := gockClient(t)
	rec := &testkit.Recorder{}
	gockLogin(t, rec, "tok-1")
	gockJSON(gockExpect(t, rec, gockHost, http.MethodGet, gockPart+"/account", "tok-1").Reply(http.StatusOK), `[]`)

	p, err := c.Login(context.Background())
	require.NoError(t, err)
	assert.Equal(t, gockPartition, p)
	_, err = c.Accounts.List(context.Background()) // no second login
	require.NoError(t, err)

	seen := rec.All()
	require.Len(t, seen, 2)
	gockCheckLogin(t, seen[0])
	assert.Equal(t, "tok-1", gockTokenOf(seen[1]))
	gockDone(t)
}

// gockCase is one operation of the typed client: the request it must send
// (after the login) and the answer it gets.
type gockCase struct {
	name         string
	method, path string     // path as sent, escaped
	query        url.Values // exactly; nil for none
	body         string     // JSON, "" for none
	status       int
	reply        string
	call         func(context.Context, *Client) error
}

func gockCases() []gockCase {
	acct := gockPart + "/account/a%2F1"
	ignore := func(_ any, err error) error { return err }
	drain := func(seq func(func(StatusEvent, error) bool)) error {
		for _, err := range seq {
			if err != nil {
				return err
			}
		}
		return nil
	}
	return []gockCase{
		{"Accounts.List", "GET", gockPart + "/account", nil, "", 200, `[]`,
			func(ctx context.Context, c *Client) error { return ignore(c.Accounts.List(ctx)) }},
		{"Accounts.Search", "GET", gockPart + "/account/search", url.Values{"q": {"Ada Lovelace & co"}}, "", 200, `[]`,
			func(ctx context.Context, c *Client) error { return ignore(c.Accounts.Search(ctx, "Ada Lovelace & co")) }},
		{"Accounts.Get", "GET", acct, nil, "", 200, `{"id":"a/1"}`,
			func(ctx context.Context, c *Client) error { return ignore(c.Accounts.Get(ctx, "a/1")) }},
		{"Accounts.GetByNumber", "GET", gockPart + "/account/CUST%201001%3F", url.Values{"accountIdType": {"AccountNumber"}}, "", 200, `{"id":"a/1"}`,
			func(ctx context.Context, c *Client) error { return ignore(c.Accounts.GetByNumber(ctx, "CUST 1001?")) }},
		{"Accounts.Create", "POST", gockPart + "/account", nil,
			`{"accountNumber":"CUST-1001","accountName":"Ada Lovelace","billingCycleDay":15,"accountType":"SIMPLE","dialingBehaviorType":"TEN_DIGIT"}`,
			201, `{"id":"a/1"}`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.Accounts.Create(ctx, Account{AccountNumber: "CUST-1001", AccountName: "Ada Lovelace", AccountType: AccountSimple,
					BillingCycleDay: 15, DialingBehaviorType: DialTenDigit}))
			}},
		{"Accounts.Update", "PUT", acct, nil, `{"id":"a/1","accountName":"Ada L","timeZone":"US/Eastern"}`, 200, `{"id":"a/1"}`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.Accounts.Update(ctx, Account{ID: "a/1", AccountName: "Ada L", TimeZone: "US/Eastern"}))
			}},
		{"Accounts.Patch", "PATCH", acct, nil, `{"status":"DISABLED"}`, 200, `{"id":"a/1","status":"DISABLED"}`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.Accounts.Patch(ctx, "a/1", AccountPatchRequest{Status: ptr(AccountDisabled)}))
			}},
		{"Accounts.Delete", "DELETE", acct, nil, "", 204, "",
			func(ctx context.Context, c *Client) error { return c.Accounts.Delete(ctx, "a/1") }},
		{"Accounts.History", "GET", acct + "/accounthistorysearch",
			url.Values{"firstResultIndex": {"0"}, "maxResult": {"5"}, "accountHistoryType": {"USER", "DEVICE"}, "startDate": {"2026-11-01"}},
			"", 200, `{"totalRecords":0,"results":[]}`,
			func(ctx context.Context, c *Client) error {
				for _, err := range c.Accounts.History(ctx, "a/1", &HistoryOptions{Types: []AccountHistoryType{HistoryUser, HistoryDevice},
					StartDate: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), PageSize: 5}) {
					if err != nil {
						return err
					}
				}
				return nil
			}},
		{"Accounts.CDRs", "GET", gockPart + "/account/a-1/cdrsearch",
			url.Values{"firstResultIndex": {"0"}, "maxResult": {"20"}, "startDate": {"2026-11-01"}, "endDate": {"2026-11-02"},
				"callType": {"INBOUND"}, "minCost": {"0.5"}, "sort": {"COST"}, "sortOrder": {"DESC"}},
			"", 200, `{"results":[]}`,
			func(ctx context.Context, c *Client) error {
				for _, err := range c.Accounts.CDRs(ctx, "a-1", CDRSearchRequest{StartDate: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
					EndDate: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC), CallTypes: []CallType{CallInbound}, MinCost: ptr(0.5),
					Sort: CDRSortByCost, SortOrder: SortDesc}) {
					if err != nil {
						return err
					}
				}
				return nil
			}},
		{"Users.List", "GET", acct + "/user", nil, "", 200, `[]`,
			func(ctx context.Context, c *Client) error { return ignore(c.Users.List(ctx, "a/1")) }},
		{"Users.Get", "GET", acct + "/user/u%201", nil, "", 200, `{"id":"u 1"}`,
			func(ctx context.Context, c *Client) error { return ignore(c.Users.Get(ctx, "a/1", "u 1")) }},
		{"Users.Create", "POST", acct + "/user", nil, `{"firstName":"Ada","timeZone":"US/Eastern","extension":"1001"}`, 201, `{"id":"u 1"}`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.Users.Create(ctx, "a/1", User{FirstName: "Ada", TimeZone: "US/Eastern", Extension: "1001"}))
			}},
		{"Users.Update", "PUT", acct + "/user/u%201", nil, `{"id":"u 1","timeZone":"US/Eastern"}`, 200, `{"id":"u 1"}`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.Users.Update(ctx, "a/1", User{ID: "u 1", TimeZone: "US/Eastern"}))
			}},
		{"Users.Delete", "DELETE", acct + "/user/u%201", nil, "", 204, "",
			func(ctx context.Context, c *Client) error { return c.Users.Delete(ctx, "a/1", "u 1") }},
		{"Users.Patch", "PATCH", acct + "/user/u%201", nil, `{"languageTag":"fr-CA","blockEmail":false}`, 200, `{"id":"u 1","languageTag":"fr-CA"}`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.Users.Patch(ctx, "a/1", "u 1", UserPatchRequest{LanguageTag: ptr("fr-CA"), BlockEmail: ptr(false)}))
			}},
		{"DeviceLines.List", "GET", acct + "/deviceline", url.Values{"filterType": {"OWNING_USERID"}, "filter": {"u 1"}}, "", 200, `[]`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.DeviceLines.List(ctx, "a/1", &DeviceLineListOptions{Type: FilterOwningUserID, Value: "u 1"}))
			}},
		{"DeviceLines.ByMAC", "GET", acct + "/deviceline", url.Values{"filterType": {"MAC_ADDRESS"}, "filter": {"0004f2abcdef"}}, "", 200, `[]`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.DeviceLines.ByMAC(ctx, "a/1", "00:04:F2:AB:CD:EF"))
			}},
		{"DeviceLines.Get", "GET", acct + "/deviceline/d%2F1", nil, "", 200, `{"id":"d/1"}`,
			func(ctx context.Context, c *Client) error { return ignore(c.DeviceLines.Get(ctx, "a/1", "d/1")) }},
		{"DeviceLines.Create", "POST", acct + "/deviceline", nil,
			`{"deviceTypeId":"dt","deviceName":"Line 1","userId":"u 1","lineNumber":1,"sipUsername":"sipuser1","sipPassword":"sip\"pw<1>","macAddress":"0004f2abcdef"}`,
			201, `{"id":"d/1"}`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.DeviceLines.Create(ctx, "a/1", DeviceLine{DeviceTypeID: "dt", DeviceName: "Line 1", UserID: "u 1", LineNumber: 1,
					SIPUsername: "sipuser1", SIPPassword: NewSecret(`sip"pw<1>`), MACAddress: "00-04-F2-AB-CD-EF"}))
			}},
		{"DeviceLines.Update", "PUT", acct + "/deviceline/d%2F1", nil, `{"id":"d/1","deviceName":"Line 1","sipPassword":"sip-pw-2"}`, 200, `{"id":"d/1"}`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.DeviceLines.Update(ctx, "a/1", DeviceLine{ID: "d/1", DeviceName: "Line 1", SIPPassword: NewSecret("sip-pw-2")}))
			}},
		{"DeviceLines.Delete", "DELETE", acct + "/deviceline/d%2F1", nil, "", 204, "",
			func(ctx context.Context, c *Client) error { return c.DeviceLines.Delete(ctx, "a/1", "d/1") }},
		{"DeviceLines.Patch", "PATCH", acct + "/deviceline/d%2F1", nil, `{"lineNumber":0,"sipPassword":"sip\"pw<3>","macAddress":"0004f2abcdef"}`, 200, `{"id":"d/1"}`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.DeviceLines.Patch(ctx, "a/1", "d/1", DeviceLinePatchRequest{LineNumber: ptr(0),
					SIPPassword: NewSecret(`sip"pw<3>`), MACAddress: ptr("00:04:F2:AB:CD:EF")}))
			}},
		{"Numbers.List", "GET", acct + "/telephonenumber", url.Values{"limitedData": {"true"}}, "", 200, `[]`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.Numbers.List(ctx, "a/1", &NumberListOptions{LimitedData: true}))
			}},
		{"Numbers.Get", "GET", acct + "/telephonenumber/18015551212", nil, "", 200, `{"phoneNumber":"18015551212"}`,
			func(ctx context.Context, c *Client) error { return ignore(c.Numbers.Get(ctx, "a/1", "+18015551212")) }},
		{"Numbers.Add", "POST", acct + "/telephonenumber", nil,
			`{"holdActivation":false,"telephoneNumbers":[{"phoneNumber":"18015551212","referenceType":"END_USER","referenceId":"u 1","canAcceptSMS":false,"tollFree":false}]}`,
			201, `{"id":"act-1"}`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.Numbers.Add(ctx, "a/1", NumberActivation{TelephoneNumbers: []BareTelephoneNumber{
					{PhoneNumber: "+18015551212", ReferenceType: NumberRefEndUser, ReferenceID: "u 1"}}}))
			}},
		{"Numbers.Update", "PUT", acct + "/telephonenumber/18015551212", nil,
			`{"phoneNumber":"18015551212","referenceType":"END_USER","referenceId":"u 1","canAcceptSMS":false,"assignAsCallerId":true,"tollFree":false}`,
			200, `{"phoneNumber":"18015551212"}`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.Numbers.Update(ctx, "a/1", TelephoneNumber{PhoneNumber: "+18015551212", ReferenceType: NumberRefEndUser,
					ReferenceID: "u 1", AssignAsCallerID: true}))
			}},
		{"Numbers.Remove", "DELETE", acct + "/telephonenumber/18015551212", nil, "", 204, "",
			func(ctx context.Context, c *Client) error { return c.Numbers.Remove(ctx, "a/1", "18015551212") }},
		{"Numbers.Patch", "PATCH", acct + "/telephonenumber/18015551212", nil, `{"referenceType":"END_USER","referenceId":"u 1","assignAsCallerId":false}`,
			200, `{"phoneNumber":"18015551212"}`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.Numbers.Patch(ctx, "a/1", "+18015551212", TelephoneNumberPatchRequest{ReferenceType: ptr(NumberRefEndUser),
					ReferenceID: ptr("u 1"), AssignAsCallerID: ptr(false)}))
			}},
		{"SIPTrunkGroups.UpdateForwarding", "PUT", acct + "/siptrunkgroup/g%201/forward", nil,
			`{"sipTrunkGroupId":"g 1","capacityForward":[{"referenceId":"t 2","referenceType":"SIP_TRUNK"}]}`, 200, `{"sipTrunkGroupId":"g 1"}`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.SIPTrunkGroups.UpdateForwarding(ctx, "a/1", "g 1", SIPTrunkGroupForwardRules{SIPTrunkGroupID: "g 1",
					CapacityForward: []SIPTrunkForwardReference{{ReferenceID: "t 2", ReferenceType: ForwardReferenceTypeSIPTrunk}}}))
			}},
		{"SessionInfo", "GET", "/v2/authorize/userinfo", nil, "", 200, `{"authToken":"tok-1","userId":"M1"}`,
			func(ctx context.Context, c *Client) error { return ignore(c.SessionInfo(ctx)) }},
		{"Numbers.Search", "GET", gockPart + "/telephonenumber/search",
			url.Values{"q": {"84062"}, "type": {"POSTALCODE"}, "functiontype": {"ELS"}, "carrierId": {"c 1"}, "maxResults": {"5"}}, "", 200, `[]`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.Numbers.Search(ctx, NumberSearchRequest{Query: "84062", Type: SearchPostalCode, FunctionType: FunctionELS,
					CarrierID: "c 1", MaxResults: 5}))
			}},
		{"Numbers.Reserve", "PUT", gockPart + "/telephonenumber/18015551212/reserve", nil, "", 200,
			`{"id":"r1","tn":"18015551212","reserved":true}`,
			func(ctx context.Context, c *Client) error { return ignore(c.Numbers.Reserve(ctx, "18015551212")) }},
		{"Numbers.Release", "DELETE", gockPart + "/telephonenumber/18015551212/reserve", nil, "", 204, "",
			func(ctx context.Context, c *Client) error { return c.Numbers.Release(ctx, "18015551212") }},
		{"Numbers.StatusEvents", "GET", gockPart + "/telephonenumber/statussearch",
			url.Values{"accountId": {"a/1"}, "telephoneNumber": {"18015551212"}, "eventType": {"PORT_REQUEST"}, "statusType": {"PENDING", "FOC_RECEIVED"},
				"dateType": {"CreatedDate"}, "firstResultIndex": {"0"}, "maxResult": {"50"}},
			"", 200, `{"totalRecords":0,"results":[]}`,
			func(ctx context.Context, c *Client) error {
				return drain(c.Numbers.StatusEvents(ctx, &StatusEventOptions{AccountID: "a/1", TelephoneNumber: "+18015551212",
					EventTypes: []EventType{EventPortRequest}, StatusTypes: []ActivationStatus{ActivationPending, ActivationFOCReceived},
					DateType: DateCreated}))
			}},
		{"CallingPlans.Get", "GET", acct + "/callingplan", url.Values{"referenceType": {"END_USER"}, "referenceId": {"u 1"}}, "", 200, `[]`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.CallingPlans.Get(ctx, "a/1", CallingPlanRef{Type: PlanRefEndUser, ID: "u 1"}))
			}},
		{"CallingPlans.Set", "PUT", acct + "/callingplan", nil,
			`{"referenceType":"ACCOUNT","referenceId":"a/1","callingPlanReferenceId":"cpp-1","callingPlanType":"NEW_CALLING_PLAN","pending":false,"minutesUsed":10}`,
			200, `{"id":"cp-1"}`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.CallingPlans.Set(ctx, "a/1", CallingPlanModifyRequest{CallingPlanReferenceID: "cpp-1", CallingPlanType: PlanNew, MinutesUsed: 10}))
			}},
		{"CallingPlans.Remove", "DELETE", acct + "/callingplan", nil,
			`{"referenceType":"ACCOUNT","referenceId":"a/1","callingPlanReferenceId":"cpp-1","pending":true}`, 204, "",
			func(ctx context.Context, c *Client) error {
				return c.CallingPlans.Remove(ctx, "a/1", CallingPlanModifyRequest{CallingPlanReferenceID: "cpp-1", Pending: true})
			}},
		{"ProductPlans.List", "GET", acct + "/user-product-plans", nil, "", 200, `[]`,
			func(ctx context.Context, c *Client) error { return ignore(c.ProductPlans.List(ctx, "a/1")) }},
		{"DeviceLines.RegistrationStatus", "GET", acct + "/deviceline/d%2F1/registrationstatus", nil, "", 200, `{"registered":true}`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.DeviceLines.RegistrationStatus(ctx, "a/1", "d/1"))
			}},
		{"ReferenceData.DeviceTypes", "GET", "/v2/ref/devicetype", url.Values{"partitionid": {gockPartition}}, "", 200, `[]`,
			func(ctx context.Context, c *Client) error { return ignore(c.ReferenceData.DeviceTypes(ctx)) }},
		{"ReferenceData.DeviceType", "GET", "/v2/ref/devicetype/SIP%204%2FPort", nil, "", 200, `{"id":"SIP 4/Port"}`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.ReferenceData.DeviceType(ctx, "SIP 4/Port"))
			}},
		{"ReferenceData.TimeZones", "GET", "/v2/ref/timezones", nil, "", 200, `{"timeZones":["US/Central"]}`,
			func(ctx context.Context, c *Client) error { return ignore(c.ReferenceData.TimeZones(ctx)) }},
		{"ReferenceData.Languages", "GET", "/v2/ref/language", nil, "", 200, `[]`,
			func(ctx context.Context, c *Client) error { return ignore(c.ReferenceData.Languages(ctx)) }},
		{"ReferenceData.CallingPlanProducts", "GET", gockPart + "/callingplanproduct", url.Values{"includeArchived": {"true"}}, "", 200, `[]`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.ReferenceData.CallingPlanProducts(ctx, true))
			}},
		{"ReferenceData.CallingPlanProducts current", "GET", gockPart + "/callingplanproduct", nil, "", 200, `[]`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.ReferenceData.CallingPlanProducts(ctx, false))
			}},
		{"ReferenceData.InboundRatePlans", "GET", gockPart + "/inboundrateplanproduct", nil, "", 200, `[]`,
			func(ctx context.Context, c *Client) error { return ignore(c.ReferenceData.InboundRatePlans(ctx)) }},
		{"ReferenceData.InboundRatePlan", "GET", gockPart + "/inboundrateplanproduct/irp%2F1", nil, "", 200, `{"id":"irp/1"}`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.ReferenceData.InboundRatePlan(ctx, "irp/1"))
			}},
		{"Jobs.Get", "GET", "/v2/job/j%2F1", nil, "", 200, `{"id":"j/1","status":"DONE","name":"export"}`,
			func(ctx context.Context, c *Client) error { return ignore(c.Jobs.Get(ctx, "j/1")) }},
		{"Jobs.Start", "GET", gockPart + "/report/tn/csv_2", url.Values{"accountId": {"a/1"}}, "", 202, `{"id":"j/1","status":"PENDING","name":"tn csv"}`,
			func(ctx context.Context, c *Client) error {
				return ignore(c.Jobs.Start(ctx, http.MethodGet, "/v2/partition/{partition}/report/tn/csv_2", url.Values{"accountId": {"a/1"}}, nil))
			}},
		{"Do", "PUT", acct + "/voicemailbox/v%201", url.Values{"x": {"1 2"}}, `{"pin":"1234"}`, 200, `{}`,
			func(ctx context.Context, c *Client) error {
				var out map[string]any
				return c.Do(ctx, http.MethodPut, "/v2/partition/{partition}/account/a%2F1/voicemailbox/v%201", url.Values{"x": {"1 2"}},
					map[string]string{"pin": "1234"}, &out)
			}},
	}
}

func TestGockOperations(t *testing.T) {
	for _, tc := range gockCases() {
		t.Run(tc.name, func(t *testing.T) {
			c := gockClient(t)
			rec := &testkit.Recorder{}
			gockLogin(t, rec, "tok-1")
			gockJSON(gockExpect(t, rec, gockHost, tc.method, tc.path, "tok-1").Reply(tc.status), tc.reply)

			require.NoError(t, tc.call(context.Background(), c), "unmatched:%s", gockUnmatched())
			seen := rec.All()
			require.Len(t, seen, 2, "the login and the call")
			gockCheckLogin(t, seen[0])
			s := seen[1] // its escaped path is tc.path: the mock matched it
			assert.Equal(t, tc.method, s.Method)
			if tc.query == nil {
				assert.Empty(t, s.Query)
			} else {
				assert.Equal(t, tc.query, s.Query)
			}
			assert.Equal(t, []string{"tok-1"}, gockHeader(s.Header, headerAuthToken), "one X-AUTH-TOKEN")
			assert.Equal(t, "application/json", s.Header.Get("Accept"))
			if tc.body == "" {
				assert.Empty(t, s.Body)
			} else {
				assert.Equal(t, "application/json", s.Header.Get("Content-Type"))
				assert.JSONEq(t, tc.body, string(s.Body))
			}
			gockDone(t)
		})
	}
}

func TestGockLogout(t *testing.T) {
	c := gockClient(t)
	rec := &testkit.Recorder{}
	gockLogin(t, rec, "tok-1")
	gockExpect(t, rec, gockHost, http.MethodPut, pathLogout, "tok-1").Reply(http.StatusNoContent)
	gockLogin(t, rec, "tok-2") // the next call logs in again
	gockJSON(gockExpect(t, rec, gockHost, http.MethodGet, gockPart+"/account", "tok-2").Reply(http.StatusOK), `[]`)

	ctx := context.Background()
	_, err := c.Login(ctx)
	require.NoError(t, err)
	require.NoError(t, c.Logout(ctx))
	require.NoError(t, c.Logout(ctx), "without a session Logout sends nothing")
	_, err = c.Accounts.List(ctx)
	require.NoError(t, err)
	assert.Len(t, rec.All(), 4)
	gockDone(t)
}

const gockExpired = `{"status":401,"messages":["ExpiredAuthToken"],"data":{}}`

// A 401 ExpiredAuthToken answer triggers exactly one new login and one retry
// of the call with the new token, for a GET and for a POST alike (a refused
// call was not carried out).
func TestGockReloginOnExpiredToken(t *testing.T) {
	for _, tc := range []struct {
		method, path, body string
		call               func(context.Context, *Client) error
	}{
		{http.MethodGet, gockPart + "/account/a%2F1", "", func(ctx context.Context, c *Client) error {
			_, err := c.Accounts.Get(ctx, "a/1")
			return err
		}},
		{http.MethodPost, gockPart + "/account/a%2F1/user", `{"timeZone":"US/Eastern"}`, func(ctx context.Context, c *Client) error {
			_, err := c.Users.Create(ctx, "a/1", User{TimeZone: "US/Eastern"})
			return err
		}},
	} {
		t.Run(tc.method, func(t *testing.T) {
			c := gockClient(t, gockFastRetry())
			rec := &testkit.Recorder{}
			gockLogin(t, rec, "tok-1")
			gockJSON(gockExpect(t, rec, gockHost, tc.method, tc.path, "tok-1").Reply(http.StatusUnauthorized), gockExpired)
			gockLogin(t, rec, "tok-2")
			gockJSON(gockExpect(t, rec, gockHost, tc.method, tc.path, "tok-2").Reply(http.StatusOK), `{"id":"x"}`)
			gockJSON(gockExpect(t, rec, gockHost, tc.method, tc.path, "tok-2").Reply(http.StatusOK), `{"id":"y"}`)

			ctx := context.Background()
			require.NoError(t, tc.call(ctx, c), "unmatched:%s", gockUnmatched())
			require.NoError(t, tc.call(ctx, c), "the next call keeps the new token: no third login")
			seen := rec.All()
			require.Len(t, seen, 5)
			gockCheckLogin(t, seen[0])
			gockCheckLogin(t, seen[2])
			for i, want := range map[int]string{1: "tok-1", 3: "tok-2", 4: "tok-2"} {
				assert.Equal(t, want, gockTokenOf(seen[i]), "request %d", i)
				assert.Equal(t, tc.method, seen[i].Method)
				if tc.body != "" {
					assert.JSONEq(t, tc.body, string(seen[i].Body), "the retry sends the same body")
				}
			}
			gockDone(t)
		})
	}
}

// A 401 after the re-login is the answer: no third login, no third send.
func TestGockSecond401IsReturned(t *testing.T) {
	c := gockClient(t, gockFastRetry())
	rec := &testkit.Recorder{}
	path := gockPart + "/account/a%2F1"
	gockLogin(t, rec, "tok-1")
	gockJSON(gockExpect(t, rec, gockHost, http.MethodGet, path, "tok-1").Reply(http.StatusUnauthorized), gockExpired)
	gockLogin(t, rec, "tok-2")
	gockJSON(gockExpect(t, rec, gockHost, http.MethodGet, path, "tok-2").Reply(http.StatusUnauthorized), gockExpired)

	_, err := c.Accounts.Get(context.Background(), "a/1")
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, http.StatusUnauthorized, e.HTTPStatus)
	assert.Equal(t, []string{MessageExpiredAuthToken}, e.Messages)
	assert.ErrorIs(t, err, ErrUnauthorized)
	assert.ErrorIs(t, err, ErrTokenExpired)
	assert.Len(t, rec.All(), 4)
	gockDone(t)
}

// A retry carries the token on every attempt (the conformance matrix
// checks that a POST or PATCH is not sent twice; the transport's tests, the
// retry policy by method). The login retries like a GET: it creates nothing.
func TestGockRetryOn503(t *testing.T) {
	t.Run("GET", func(t *testing.T) {
		c := gockClient(t, gockFastRetry())
		rec := &testkit.Recorder{}
		gockLogin(t, rec, "tok-1")
		gockJSON(gockExpect(t, rec, gockHost, http.MethodGet, gockPart+"/account/a%2F1", "tok-1").Reply(http.StatusServiceUnavailable),
			`{"status":503,"messages":["ServiceUnavailable"]}`)
		gockJSON(gockExpect(t, rec, gockHost, http.MethodGet, gockPart+"/account/a%2F1", "tok-1").Reply(http.StatusOK), `{"id":"a/1"}`)
		_, err := c.Accounts.Get(context.Background(), "a/1")
		require.NoError(t, err, "unmatched:%s", gockUnmatched())
		seen := rec.All()
		require.Len(t, seen, 3, "the login and two attempts")
		for _, s := range seen[1:] {
			assert.Equal(t, "tok-1", gockTokenOf(s))
		}
		gockDone(t)
	})

	// A login creates nothing: it is retried like a GET.
	t.Run("login", func(t *testing.T) {
		c := gockClient(t, gockFastRetry())
		rec := &testkit.Recorder{}
		gockJSON(gockExpect(t, rec, gockHost, http.MethodPost, pathAuthorize, "").Reply(http.StatusServiceUnavailable), `{"status":503}`)
		gockLogin(t, rec, "tok-1")
		p, err := c.Login(context.Background())
		require.NoError(t, err, "unmatched:%s", gockUnmatched())
		assert.Equal(t, gockPartition, p)
		seen := rec.All()
		require.Len(t, seen, 2, "the login is sent again after a 503")
		gockCheckLogin(t, seen[0])
		gockCheckLogin(t, seen[1])
		gockDone(t)
	})

	t.Run("login gives up after MaxAttempts", func(t *testing.T) {
		c := gockClient(t, gockFastRetry())
		rec := &testkit.Recorder{}
		for i := 0; i < 3; i++ {
			gockJSON(gockExpect(t, rec, gockHost, http.MethodPost, pathAuthorize, "").Reply(http.StatusServiceUnavailable).
				SetHeader("Retry-After", "0"), `{"status":503}`)
		}
		_, err := c.Login(context.Background())
		var e *Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, http.StatusServiceUnavailable, e.HTTPStatus)
		assert.Equal(t, "Login (login)", e.Op)
		assert.Len(t, rec.All(), 3)
		gockDone(t)
	})
}

// A GET redirected on the same host keeps X-AUTH-TOKEN. (That a redirect
// to another host, or from https to http, drops it is the conformance
// matrix's off-host check.)
func TestGockRedirects(t *testing.T) {
	for _, tc := range []struct {
		name, base, to string
		keeps          bool
	}{
		{"same host", gockHost, gockHost + "/v2/moved/a%2F1", true},
	} {
		for _, status := range []int{http.StatusFound, http.StatusTemporaryRedirect} {
			t.Run(fmt.Sprintf("%s %d", tc.name, status), func(t *testing.T) {
				c := gockClient(t, WithBaseURL(tc.base))
				rec := &testkit.Recorder{}
				gockExpect(t, rec, tc.base, http.MethodPost, pathAuthorize, "").Reply(http.StatusOK).
					JSON(map[string]any{"authToken": "tok-1", "partitionId": gockPartition})
				gockExpect(t, rec, tc.base, http.MethodGet, gockPart+"/account/a%2F1", "tok-1").Reply(status).SetHeader("Location", tc.to)
				u, err := url.Parse(tc.to)
				require.NoError(t, err)
				want := ""
				if tc.keeps {
					want = "tok-1"
				}
				target := &testkit.Recorder{} // the mock's host is the Location's
				gockJSON(gockExpect(t, target, u.Scheme+"://"+u.Host, http.MethodGet, u.EscapedPath(), want).Reply(http.StatusOK), `{"id":"a/1"}`)

				a, err := c.Accounts.Get(context.Background(), "a/1")
				require.NoError(t, err, "unmatched:%s", gockUnmatched())
				assert.Equal(t, "a/1", a.ID)
				assert.Len(t, rec.All(), 2)
				seen := target.All()
				require.Len(t, seen, 1)
				assert.Equal(t, want, gockTokenOf(seen[0]))
				gockDone(t)
			})
		}
	}
}

// A 307 or 308 redirect repeats the request with its body. Sent to another
// host, the login's body would take the password there, and a device line's
// its SIP password: the redirect rule drops the credential headers only.
func TestGockLoginRedirectKeepsPasswordOnHost(t *testing.T) {
	for _, status := range []int{http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			c := gockClient(t)
			rec, other := &testkit.Recorder{}, &testkit.Recorder{}
			gockExpect(t, rec, gockHost, http.MethodPost, pathAuthorize, "").Reply(status).
				SetHeader("Location", gockOther+pathAuthorize)
			gockExpect(t, other, gockOther, http.MethodPost, pathAuthorize, "").
				Reply(http.StatusOK).JSON(map[string]any{"authToken": "stolen", "partitionId": gockPartition})

			_, err := c.Login(context.Background())
			for _, s := range other.All() {
				t.Errorf("the login body (with the password) went to another host: %s", s.Body)
			}
			var e *Error
			require.ErrorAs(t, err, &e, "the redirect is an answer, not followed")
			assert.Equal(t, status, e.HTTPStatus)
			assert.ErrorIs(t, err, ErrBadResponse)
			assert.Len(t, rec.All(), 1, "sent once: a redirect is not retried")
		})
	}
}

// Client.Do does not refuse a nil context before it resolves "{partition}":
// while another goroutine's login is in flight, the nil context reaches the
// wait for that login and panics.
func TestGockDoNilContextDuringLogin(t *testing.T) {
	c := gockClient(t)
	rec := &testkit.Recorder{}
	gockExpect(t, rec, gockHost, http.MethodPost, pathAuthorize, "").Reply(http.StatusOK).Delay(300 * time.Millisecond).
		JSON(map[string]any{"authToken": "tok-1", "partitionId": gockPartition})
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = c.Login(context.Background())
	}()
	require.Eventually(t, func() bool {
		c.sess.mu.Lock()
		defer c.sess.mu.Unlock()
		return c.sess.inflight != nil
	}, time.Second, time.Millisecond, "the login is in flight")

	var nilCtx context.Context
	var panicked any
	var err error
	func() {
		defer func() { panicked = recover() }()
		err = c.Do(nilCtx, http.MethodGet, "/v2/partition/{partition}/account", nil, nil, nil)
	}()
	<-done
	require.Nil(t, panicked, "Do panicked")
	assert.ErrorIs(t, err, ErrInvalidInput)
}

// ChangePassword: PUT /v2/authorize without a token, the user name, the
// current password and the new one; the answer's token is the session's
// (the next call carries it, with no login).
func TestGockChangePassword(t *testing.T) {
	c := gockClient(t)
	rec := &testkit.Recorder{}
	gockJSON(gockExpect(t, rec, gockHost, http.MethodPut, pathAuthorize, "").Reply(http.StatusOK),
		`{"authToken":"tok-new","partitionId":"`+gockPartition+`","userId":"uid-1"}`)
	gockJSON(gockExpect(t, rec, gockHost, http.MethodGet, pathUserInfo, "tok-new").Reply(http.StatusOK), `{"userId":"uid-1"}`)

	require.NoError(t, c.ChangePassword(context.Background(), NewSecret(`n3w"Pass{1}`)))
	info, err := c.SessionInfo(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "uid-1", info.UserID)

	seen := rec.All()
	require.Len(t, seen, 2, "the change and the call, no login")
	s := seen[0]
	assert.Equal(t, http.MethodPut, s.Method)
	assert.Equal(t, pathAuthorize, s.Path)
	assert.Equal(t, "application/json", s.Header.Get("Content-Type"))
	assert.JSONEq(t, `{"username":`+mustJSON(t, gockUser)+`,"password":`+mustJSON(t, gockPassword)+`,"changePassword":"n3w\"Pass{1}"}`, string(s.Body))
	gockDone(t)
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}
