package telecloud

// Wire tests with gock, intercepting the client's own *http.Client: the
// verb, path, parameters and credentials of every one of the 76 typed
// methods (a generic test driven by reflection, and literal tests with the
// names spelled out), the call options, the local validation (nothing is
// sent), the retry rule (only searches are sent again after a failure that
// may have reached the server; a dial error is retried for any method) and
// where the secrets go. gock's registry is global: these tests must not run
// in parallel.

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/h2non/gock.v1"

	"github.com/ispkit/ispkit/internal/testkit"
)

const (
	gkHost  = "http://telecloud.test"
	gkOther = "http://elsewhere.test"
	// The credentials have characters a form must escape.
	gkIDKey  = "gk-id-key+4e1f/&="
	gkAPIKey = "gk-api-key 9c2b?#"
	// gkTransID is the trans_id of every answer.
	gkTransID = "77"
	gkOK      = `<telecloud trans_id="77"/>`
)

// gkClient returns a client whose *http.Client is intercepted by gock (no
// retries unless opts say otherwise), and removes every mock and the
// interception when the test ends.
func gkClient(t *testing.T, opts ...Option) *Client {
	t.Helper()
	return gkClientWith(t, Credentials{APIIDKey: NewSecret(gkIDKey), APIKey: NewSecret(gkAPIKey)}, opts...)
}

// gkClientWith is gkClient with other credentials.
func gkClientWith(t *testing.T, creds Credentials, opts ...Option) *Client {
	t.Helper()
	gock.OffAll()
	c, err := New(creds, append([]Option{WithBaseURL(gkHost), WithRetry(RetryPolicy{MaxAttempts: 1})}, opts...)...)
	require.NoError(t, err)
	gock.InterceptClient(c.t.HTTPClient())
	t.Cleanup(func() {
		gock.OffAll()
		gock.RestoreClient(c.t.HTTPClient())
	})
	return c
}

// gkFastRetry retries quickly: three attempts, millisecond waits.
func gkFastRetry() Option {
	return WithRetry(RetryPolicy{MaxAttempts: 3, MinWait: time.Millisecond, MaxWait: 2 * time.Millisecond, MaxRetryAfter: time.Second})
}

// gkForm is the parsed form body of a request.
func gkForm(t *testing.T, s testkit.Seen) url.Values {
	t.Helper()
	f, err := url.ParseQuery(string(s.Body))
	require.NoError(t, err, "body %q", s.Body)
	return f
}

// gkUnmatched describes the requests gock could not match, for failures.
func gkUnmatched() string {
	var b strings.Builder
	for _, r := range gock.GetUnmatchedRequests() {
		fmt.Fprintf(&b, "\n  %s %s", r.Method, r.URL)
	}
	return b.String()
}

// gkDone asserts that every mock was used and no request went unmatched.
func gkDone(t *testing.T) {
	t.Helper()
	assert.True(t, gock.IsDone(), "mocks not used: %d", len(gock.Pending()))
	assert.False(t, gock.HasUnmatchedRequest(), "unmatched requests:%s", gkUnmatched())
}

// gkExpect registers a mock for the verb and exact path on host (the
// host checked too), recorded by rec.
func gkExpect(rec *testkit.Recorder, host, verb, path string) *gock.Request {
	m := gock.New(host)
	m.Method = verb
	m.URLStruct.Path = "^" + regexp.QuoteMeta(path) + "$"
	hostPort := m.URLStruct.Host
	return m.AddMatcher(func(req *http.Request, _ *gock.Request) (bool, error) {
		return req.URL.EscapedPath() == path && req.URL.Host == hostPort, nil
	}).AddMatcher(rec.Match)
}

// gkCatchAll registers a mock matching anything, so that gock intercepts,
// and returns the recorder that tells whether anything was sent.
func gkCatchAll() *testkit.Recorder {
	rec := &testkit.Recorder{}
	gock.New(gkHost).AddMatcher(rec.Match).Persist().Reply(http.StatusOK).BodyString(gkOK)
	return rec
}

// gkWithCreds adds the credentials to the expected parameters.
func gkWithCreds(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	out.Set("API_ID_KEY", gkIDKey)
	out.Set("API_KEY", gkAPIKey)
	return out
}

// gkCheck asserts the verb, the path, where the parameters are and that
// they are exactly want plus the credentials.
func gkCheck(t *testing.T, s testkit.Seen, verb, path string, want url.Values) {
	t.Helper()
	assert.Equal(t, verb, s.Method)
	assert.Equal(t, path, s.Path)
	if verb == http.MethodGet {
		assert.Empty(t, s.Body, "a GET has no body")
		assert.Equal(t, gkWithCreds(want), s.Query, "the query string carries exactly the parameters")
	} else {
		assert.Equal(t, "application/x-www-form-urlencoded", s.Header.Get("Content-Type"))
		assert.Empty(t, s.Query, "nothing in the query string of a %s", verb)
		assert.Equal(t, gkWithCreds(want), gkForm(t, s), "the form body carries exactly the parameters")
	}
	gkCheckCredsOnlyAsParams(t, s)
}

// gkCheckCredsOnlyAsParams asserts that the credentials are in no header
// and not in the path.
func gkCheckCredsOnlyAsParams(t *testing.T, s testkit.Seen) {
	t.Helper()
	for k, vs := range s.Header {
		for _, v := range vs {
			for _, cred := range []string{gkIDKey, gkAPIKey, url.QueryEscape(gkIDKey), url.QueryEscape(gkAPIKey)} {
				assert.NotContains(t, v, cred, "header %s carries a credential", k)
			}
		}
	}
	for _, cred := range []string{gkIDKey, gkAPIKey, url.PathEscape(gkIDKey), url.PathEscape(gkAPIKey)} {
		assert.NotContains(t, s.Path, cred, "the path carries a credential")
	}
}

// ---------------------------------------------------------------------
// The generic request builder: every field filled with a distinct valid
// value, by reflection.

// gkTypeHints are valid values of the enums, tried when validate() refuses
// the filler text or number.
var gkTypeHints = map[reflect.Type]any{
	reflect.TypeFor[AccountType]():       AccountVAR,
	reflect.TypeFor[PaymentType]():       PaymentCard,
	reflect.TypeFor[BillingType]():       BillingCredit,
	reflect.TypeFor[OrderStatus]():       OrderFailed,
	reflect.TypeFor[QualifyType]():       QualifyReplenish,
	reflect.TypeFor[AlertType]():         AlertTypeAnnouncement,
	reflect.TypeFor[UsageMode]():         UsageCumulative,
	reflect.TypeFor[ModuleType]():        ModuleExternal,
	reflect.TypeFor[NotificationEvent](): EventOrderReminder,
	reflect.TypeFor[BankAccountKind]():   BankBusinessSavings,
	reflect.TypeFor[FundingType]():       FundingPostpaid,
	reflect.TypeFor[FeeFrequency]():      FeeYearly,
	reflect.TypeFor[ProductType]():       ProductAddOn,
	reflect.TypeFor[TicketDirection]():   TicketExternal,
	reflect.TypeFor[TicketStatus]():      TicketClosed,
	reflect.TypeFor[TicketDepartment]():  DepartmentTechSupport,
	reflect.TypeFor[TransactionStatus](): TransactionFailure,
	reflect.TypeFor[AccessLevel]():       AccessSupport,
}

// gkFieldHints are valid values of formatted text fields.
var gkFieldHints = map[string]any{
	"ExpirationMonth":     "02",
	"ExpirationYear":      "29",
	"CVV":                 NewSecret("1234"),
	"MaintenanceFeeMonth": "March",
}

// gkPrep leaves some fields empty in the generic test, where one request
// cannot carry them all: a payment method is a card or a bank account (the
// literal tests send both).
var gkPrep = map[string][]string{
	"PaymentMethod/Create": {"RoutingNumber", "BankAccountType", "PlaidAccountID", "PlaidAccessToken", "PlaidItemID"},
}

var (
	gkMoneyT      = reflect.TypeFor[Money]()
	gkFlagT       = reflect.TypeFor[Flag]()
	gkStringsT    = reflect.TypeFor[[]string]()
	gkIntPtrT     = reflect.TypeFor[*int]()
	gkAttachedT   = reflect.TypeFor[AttachedComponents]()
	gkCycleDateT  = reflect.TypeFor[CycleDate]()
	gkAttachedVal = AttachedComponents{{ComponentID: "15178187"}, {ComponentID: "889817552", MaxUnits: 1}}
	gkAttachedTxt = `[{"component_id":"15178187"},{"component_id":"889817552","max_units":"1"}]`
)

// gkBuilt is a filled request.
type gkBuilt struct {
	req     reflect.Value // pointer to the request struct
	want    url.Values    // the parameters it must send, credentials excepted
	cleared []string      // fields validate() refused and the builder cleared
}

// gkFill sets f, the n-th field of its request and the k-th of its type
// there (from 0), to a distinct valid value and returns its wire text.
func gkFill(t *testing.T, op string, name string, f reflect.Value, n, k int) string {
	t.Helper()
	ft := f.Type()
	switch {
	case ft == timeT:
		d := time.Date(2024, 5, 6+k, 0, 0, 0, 0, time.UTC) // 2024-05-06, then the next days
		f.Set(reflect.ValueOf(d))
		return d.Format("2006-01-02")
	case ft == gkMoneyT:
		s := strconv.Itoa(12+k) + ".34" // 12.34, then 13.34 …
		f.Set(reflect.ValueOf(MustMoney(s)))
		return s
	case ft == gkFlagT:
		f.Set(reflect.ValueOf(Yes))
		return "Y"
	case ft == varValuesT:
		f.Set(reflect.ValueOf(VarValues{1: "v1", 20: "v20"}))
		return ""
	case ft == gkStringsT:
		a, b := fmt.Sprintf("https://img.example/%s-%d-a.png", name, n), fmt.Sprintf("https://img.example/%s-%d-b.png", name, n)
		f.Set(reflect.ValueOf([]string{a, b}))
		return a + "," + b
	case ft == gkIntPtrT:
		zero := 0
		f.Set(reflect.ValueOf(&zero))
		return "0"
	case ft == gkAttachedT:
		f.Set(reflect.ValueOf(gkAttachedVal))
		return gkAttachedTxt
	case ft == gkCycleDateT:
		f.Set(reflect.ValueOf(NewCycleDate(2024, time.May, 6)))
		return "5/6/2024"
	case ft == secretT:
		s := fmt.Sprintf("%s-%02d s3cr&t+/é", name, n)
		f.Set(reflect.ValueOf(NewSecret(s)))
		return s
	case ft.Implements(textMarshalT):
		t.Fatalf("%s: no test value for %s (%s): add one to gkFill", op, name, ft)
	case ft.Kind() == reflect.String:
		s := fmt.Sprintf("%s-%02d a&b+c/é", name, n)
		f.SetString(s)
		return s
	case ft.Kind() >= reflect.Int && ft.Kind() <= reflect.Int64:
		f.SetInt(int64(100 + n))
		return strconv.Itoa(100 + n)
	}
	t.Fatalf("%s: no test value for %s (%s): add one to gkFill", op, name, ft)
	return ""
}

// gkHint returns a valid value for a refused field, if the test knows one.
func gkHint(name string, ft reflect.Type) (reflect.Value, string, bool) {
	if h, ok := gkFieldHints[name]; ok {
		if sec, ok := h.(Secret); ok {
			return reflect.ValueOf(sec), sec.Reveal(), true
		}
		v := reflect.ValueOf(h).Convert(ft)
		return v, v.String(), true
	}
	if h, ok := gkTypeHints[ft]; ok {
		return reflect.ValueOf(h), reflect.ValueOf(h).String(), true
	}
	if ft.Kind() >= reflect.Int && ft.Kind() <= reflect.Int64 {
		return reflect.ValueOf(2).Convert(ft), "2", true
	}
	return reflect.Value{}, "", false
}

// gkBuild fills every field of the request of ref with a distinct valid
// value. When validate() refuses a value, the field it names gets a known
// valid value, or else is cleared, so that the rest is still exercised.
func gkBuild(t *testing.T, ref routeRef, rt reflect.Type) gkBuilt {
	t.Helper()
	op := ref.service + "/" + ref.r.Method
	v := reflect.New(rt)
	exp := map[string]string{}
	ofType := map[reflect.Type]int{}
	for i := 0; i < rt.NumField(); i++ {
		sf := rt.Field(i)
		if !sf.IsExported() || slices.Contains(gkPrep[op], sf.Name) {
			continue
		}
		exp[sf.Name] = gkFill(t, op, sf.Name, v.Elem().Field(i), i, ofType[sf.Type])
		ofType[sf.Type]++
	}
	required := map[string]bool{}
	for _, p := range ref.r.Params {
		required[p.Field] = p.Required
	}
	stage := map[string]int{}
	var cleared []string
	for attempt := 0; ; attempt++ {
		_, _, err := encodeParams(ref.r, v.Interface())
		if err == nil {
			break
		}
		require.Less(t, attempt, 3*rt.NumField()+3, "%s: validation does not settle: %v", op, err)
		var ve *ValidationError
		require.ErrorAs(t, err, &ve, "%s: %v", op, err)
		f := v.Elem().FieldByName(ve.Field)
		require.True(t, f.IsValid(), "%s: the ValidationError names no field of %s: %v", op, rt.Name(), err)
		if stage[ve.Field] == 0 {
			stage[ve.Field] = 1
			if hv, text, ok := gkHint(ve.Field, f.Type()); ok {
				f.Set(hv)
				exp[ve.Field] = text
				continue
			}
		}
		require.Less(t, stage[ve.Field], 2, "%s: %s keeps being refused: %v", op, ve.Field, err)
		require.False(t, required[ve.Field], "%s: the required %s is refused: %v", op, ve.Field, err)
		stage[ve.Field] = 2
		f.Set(reflect.Zero(f.Type()))
		delete(exp, ve.Field)
		cleared = append(cleared, ve.Field)
	}
	want := url.Values{}
	for _, p := range ref.r.Params {
		text, ok := exp[p.Field]
		if !ok {
			continue
		}
		if v.Elem().FieldByName(p.Field).Type() == varValuesT {
			want.Set(fmt.Sprintf(p.Name, 1), "v1")
			want.Set(fmt.Sprintf(p.Name, 20), "v20")
			continue
		}
		want.Set(p.Name, text)
	}
	return gkBuilt{req: v, want: want, cleared: cleared}
}

// gkInvoke calls the typed method m with req and the options, and returns
// the response (a pointer) and the error.
func gkInvoke(ctx context.Context, m, req reflect.Value, opts ...CallOption) (reflect.Value, error) {
	if req.Kind() == reflect.Pointer { // the methods take the request by value
		req = req.Elem()
	}
	args := []reflect.Value{reflect.ValueOf(ctx), req}
	for _, o := range opts {
		args = append(args, reflect.ValueOf(o))
	}
	out := m.Call(args)
	err, _ := out[1].Interface().(error)
	return out[0], err
}

// gkRoute is one route with its typed method on c.
type gkRoute struct {
	op     string
	ref    routeRef
	method reflect.Value
	reqT   reflect.Type
}

func gkRoutes(t *testing.T, c *Client) []gkRoute {
	t.Helper()
	var out []gkRoute
	for _, ref := range wtRoutes() {
		m := wtMethod(c, ref.service, ref.r.Method)
		require.True(t, m.IsValid(), "%s/%s has no typed method", ref.service, ref.r.Method)
		out = append(out, gkRoute{op: ref.service + "/" + ref.r.Method, ref: ref, method: m, reqT: wtRequestType(m)})
	}
	require.Len(t, out, 76)
	return out
}

func gkPath(format Format, op string) string { return "/API/" + string(format) + "/" + op }

// gkStyles are the route styles every generic test runs in.
var gkStyles = []RouteStyle{RouteMethodPath, RouteVerb, RouteVerbAPIHost}

// gkVerbShared are the 17 methods that share their verb with the method the
// verb selects (GET Search, POST Create), sent with the method in the path
// in every style. Spelled out, not derived from the tables.
var gkVerbShared = []string{
	"Billing/Reverse", "Billing/AddFunds",
	"Customer/Qualify", "Customer/Estimate", "Customer/Notation", "Customer/Credit",
	"Discount/Copy",
	"Notifications/SearchTemplate",
	"Order/Status", "Order/Move", "Order/Cancel", "Order/Swap", "Order/Replenish", "Order/Unstack", "Order/ReportUsage",
	"PaymentMethod/Verify",
	"Ticket/Reply",
}

// gkStylePath is the path of op in style: the method in the path in the
// default style and for gkVerbShared, else the bare service; /API/ first
// except in the host form.
func gkStylePath(style RouteStyle, format Format, op string) string {
	prefix := "/API/"
	if style == RouteVerbAPIHost {
		prefix = "/"
	}
	if style == RouteMethodPath || slices.Contains(gkVerbShared, op) {
		return prefix + string(format) + "/" + op
	}
	service, _, _ := strings.Cut(op, "/")
	return prefix + string(format) + "/" + service + "/"
}

// ---------------------------------------------------------------------

func TestGockEveryRoute(t *testing.T) {
	for _, style := range gkStyles {
		t.Run(style.String(), func(t *testing.T) {
			c := gkClient(t, WithRouteStyle(style))
			sent := 0
			for _, r := range gkRoutes(t, c) {
				t.Run(r.op, func(t *testing.T) {
					b := gkBuild(t, r.ref, r.reqT)
					if len(b.cleared) > 0 {
						t.Logf("validate() refused, not sent: %v", b.cleared)
					}
					path := gkStylePath(style, FormatXML, r.op)
					rec := &testkit.Recorder{}
					gkExpect(rec, gkHost, r.ref.r.Verb, path).Reply(http.StatusOK).BodyString(gkOK)

					resp, err := gkInvoke(context.Background(), r.method, b.req)
					require.NoError(t, err, "unmatched:%s", gkUnmatched())
					assert.Equal(t, gkTransID, resp.Elem().FieldByName("TransID").String())
					seen := rec.All()
					require.Len(t, seen, 1)
					gkCheck(t, seen[0], r.ref.r.Verb, path, b.want)
					sent += len(b.want)
					gkDone(t)
				})
			}
			t.Logf("%d parameters checked", sent)
		})
	}
}

// The fields the generic test cannot send, because validate() refuses
// every value it knows for them in combination with the others.
func TestGockGenericCoverage(t *testing.T) {
	c := wtClient(t)
	var cleared []string
	for _, ref := range wtRoutes() {
		b := gkBuild(t, ref, wtRequestType(wtMethod(c, ref.service, ref.r.Method)))
		for _, f := range b.cleared {
			cleared = append(cleared, ref.service+"/"+ref.r.Method+"."+f)
		}
	}
	sort.Strings(cleared)
	// Plan/Edit and Plan/Delete take exactly one of ProductID (CORE) and
	// RatePlanID (VAR): TestGockLiteral sends the other.
	assert.Equal(t, []string{"Plan/Delete.ProductID", "Plan/Edit.ProductID"}, cleared,
		"every other field of every request is exercised by TestGockEveryRoute")
}

// A zero request sends only the credentials, or is refused when the route
// has a required parameter (or, for Plan/Edit and Plan/Delete, when the
// request's rule wants one of two fields).
func TestGockZeroRequest(t *testing.T) {
	for _, style := range gkStyles {
		t.Run(style.String(), func(t *testing.T) {
			c := gkClient(t, WithRouteStyle(style))
			for _, r := range gkRoutes(t, c) {
				t.Run(r.op, func(t *testing.T) {
					gock.Flush()
					var firstRequired *param
					for i, p := range r.ref.r.Params {
						if p.Required {
							firstRequired = &r.ref.r.Params[i]
							break
						}
					}
					path := gkStylePath(style, FormatXML, r.op)
					rec := &testkit.Recorder{}
					oneOfTwo := r.op == "Plan/Edit" || r.op == "Plan/Delete"
					if firstRequired != nil || oneOfTwo {
						rec = gkCatchAll()
					} else {
						gkExpect(rec, gkHost, r.ref.r.Verb, path).Reply(http.StatusOK).BodyString(gkOK)
					}
					_, err := gkInvoke(context.Background(), r.method, reflect.Zero(r.reqT))
					if oneOfTwo {
						var ve *ValidationError
						require.ErrorAs(t, err, &ve)
						assert.Equal(t, "ProductID", ve.Field)
						assert.Empty(t, rec.All(), "nothing is sent")
						return
					}
					if firstRequired != nil {
						var ve *ValidationError
						require.ErrorAs(t, err, &ve)
						assert.ErrorIs(t, err, ErrInvalidInput)
						assert.Equal(t, r.op, ve.Op)
						assert.Equal(t, firstRequired.Field, ve.Field)
						assert.Equal(t, firstRequired.Name, ve.Param)
						assert.Empty(t, rec.All(), "nothing is sent")
						return
					}
					require.NoError(t, err, "unmatched:%s", gkUnmatched())
					seen := rec.All()
					require.Len(t, seen, 1)
					gkCheck(t, seen[0], r.ref.r.Verb, path, url.Values{})
					gkDone(t)
				})
			}
		})
	}
}

// ---------------------------------------------------------------------
// Literal tests: the names spelled out, not taken from the tables.

type gkLiteral struct {
	name  string
	verb  string
	path  string
	want  url.Values // without the credentials
	reply string
	call  func(context.Context, *Client) (string, error) // returns the TransID
}

func gkTrans[T any](resp *T, err error) (string, error) {
	if err != nil {
		return "", err
	}
	return reflect.ValueOf(resp).Elem().FieldByName("TransID").String(), nil
}

func gkLiterals() []gkLiteral {
	return []gkLiteral{
		{"Customer/Create", "POST", "/API/xml/Customer/Create", url.Values{
			"company": {"Hawkins & Sons"}, "first_name": {"Don"}, "last_name": {"Hawkins"},
			"address": {"101 Main St"}, "unit_type": {"APT"}, "unit_number": {"4B"},
			"city": {"Harrisburg"}, "state": {"PA"}, "zip_code": {"17109"}, "country": {"United States"},
			"email": {"don@example.com"}, "phone": {"7175551212"}, "password": {"88888811"},
			"dl": {"D1234567"}, "ssn": {"123-45-6789"}, "custom_field_1": {"cf one"}, "custom_field_2": {"cf two"},
		}, `<telecloud trans_id="77"><customer><account_number>7105045</account_number></customer></telecloud>`,
			func(ctx context.Context, c *Client) (string, error) {
				r, err := c.Customers.Create(ctx, CustomerCreateRequest{
					Company: "Hawkins & Sons", FirstName: "Don", LastName: "Hawkins", Address: "101 Main St",
					UnitType: "APT", UnitNumber: "4B", City: "Harrisburg", State: "PA", ZipCode: "17109",
					Country: "United States", Email: "don@example.com", Phone: "7175551212", Password: NewSecret("88888811"),
					DL: NewSecret("D1234567"), SSN: NewSecret("123-45-6789"), CustomField1: "cf one", CustomField2: "cf two",
				})
				if err == nil && r.AccountNumber != "7105045" {
					return "", fmt.Errorf("account number %q", r.AccountNumber)
				}
				return gkTrans(r, err)
			}},
		{"Customer/Qualify", "GET", "/API/xml/Customer/Qualify", url.Values{
			"account_number": {"7105045"}, "order_number": {"GBT83432HH"}, "qualify_type": {"REPLENISH"},
			"product_type": {"ADD-ON"}, "var1": {"356938035643809"}, "var2": {"8901260123456789012"},
		}, gkOK, func(ctx context.Context, c *Client) (string, error) {
			return gkTrans(c.Customers.Qualify(ctx, CustomerQualifyRequest{AccountNumber: "7105045", OrderNumber: "GBT83432HH",
				QualifyType: QualifyReplenish, ProductType: ProductAddOn, Vars: VarValues{1: "356938035643809", 2: "8901260123456789012"}}))
		}},
		{"Customer/Qualify new", "GET", "/API/xml/Customer/Qualify", url.Values{
			"account_number": {"7105045"}, "qualify_type": {"NEW"}, "product_type": {"TRADITIONAL"}, "var20": {"last"},
		}, gkOK, func(ctx context.Context, c *Client) (string, error) {
			return gkTrans(c.Customers.Qualify(ctx, CustomerQualifyRequest{AccountNumber: "7105045",
				QualifyType: QualifyNew, ProductType: ProductTraditional, Vars: VarValues{20: "last", 3: ""}}))
		}},
		{"Order/Create", "POST", "/API/xml/Order/Create", url.Values{
			"account_number": {"7105045"}, "rate_plan_id": {"881"}, "payment_method_id": {"3001"},
			"order_number": {"GBT83432HH"}, "referral_code": {"REF7"}, "promo_code": {"20off"},
			"attached_components": {`[{"component_id":"15178187"},{"component_id":"889817552","max_units":"1"}]`},
			"var1":                {"356938035643809"}, "var2": {"8901260123456789012"}, "var12": {"ported 5551212"},
		}, `<telecloud trans_id="77"><order order_number="KDT09872AB"><status>PENDING</status></order></telecloud>`,
			func(ctx context.Context, c *Client) (string, error) {
				r, err := c.Orders.Create(ctx, OrderCreateRequest{AccountNumber: "7105045", RatePlanID: "881",
					PaymentMethodID: "3001", PrimaryOrderNumber: "GBT83432HH", ReferralCode: "REF7", PromoCode: "20off",
					AttachedComponents: AttachedComponents{{ComponentID: "15178187"}, {ComponentID: "889817552", MaxUnits: 1}},
					Vars:               VarValues{1: "356938035643809", 2: "8901260123456789012", 12: "ported 5551212"}})
				if err == nil && (r.Order.OrderNumber != "KDT09872AB" || r.Order.Status != OrderPending) {
					return "", fmt.Errorf("order %+v", r.Order)
				}
				return gkTrans(r, err)
			}},
		{"Order/Swap", "POST", "/API/xml/Order/Swap", url.Values{
			"account_number": {"7105045"}, "order_number": {"GBT83432HH"}, "var2": {"8901260999999999999"},
		}, gkOK, func(ctx context.Context, c *Client) (string, error) {
			return gkTrans(c.Orders.Swap(ctx, OrderSwapRequest{AccountNumber: "7105045", OrderNumber: "GBT83432HH",
				Vars: VarValues{2: "8901260999999999999"}}))
		}},
		{"Order/ReportUsage", "POST", "/API/xml/Order/ReportUsage", url.Values{
			"account_number": {"7105045"}, "component_id": {"15178187"}, "order_number": {"GBT83432HH"},
			"units": {"0"}, "type": {"cumulative"},
		}, gkOK, func(ctx context.Context, c *Client) (string, error) {
			zero := 0
			return gkTrans(c.Orders.ReportUsage(ctx, OrderReportUsageRequest{AccountNumber: "7105045", ComponentID: "15178187",
				OrderNumber: "GBT83432HH", Units: &zero, Mode: UsageCumulative}))
		}},
		{"Order/ReportUsage additive", "POST", "/API/xml/Order/ReportUsage", url.Values{
			"account_number": {"7105045"}, "component_id": {"15178187"}, "order_number": {"GBT83432HH"},
			"units": {"125"}, "type": {"additive"},
		}, gkOK, func(ctx context.Context, c *Client) (string, error) {
			n := 125
			return gkTrans(c.Orders.ReportUsage(ctx, OrderReportUsageRequest{AccountNumber: "7105045", ComponentID: "15178187",
				OrderNumber: "GBT83432HH", Units: &n, Mode: UsageAdditive}))
		}},
		{"PaymentMethod/Create card", "POST", "/API/xml/PaymentMethod/Create", url.Values{
			"account_number": {"7105045"}, "type": {"CC"}, "payment_account_number": {"4111111111111111"},
			"expiration_month": {"02"}, "expiration_year": {"29"}, "cvv": {"737"},
		}, `<telecloud trans_id="77"><paymentmethod id="3001"/></telecloud>`,
			func(ctx context.Context, c *Client) (string, error) {
				r, err := c.PaymentMethods.Create(ctx, PaymentMethodCreateRequest{AccountNumber: "7105045", Type: PaymentCard,
					Number: NewSecret("4111111111111111"), ExpirationMonth: "02", ExpirationYear: "29", CVV: NewSecret("737")})
				if err == nil && r.PaymentMethod.ID != "3001" {
					return "", fmt.Errorf("payment method %+v", r.PaymentMethod)
				}
				return gkTrans(r, err)
			}},
		{"PaymentMethod/Create bank", "POST", "/API/xml/PaymentMethod/Create", url.Values{
			"type": {"BA"}, "payment_account_number": {"000123456789"}, "routing_number": {"021000021"},
			"bank_account_type": {"Business Checking"},
		}, gkOK, func(ctx context.Context, c *Client) (string, error) {
			return gkTrans(c.PaymentMethods.Create(ctx, PaymentMethodCreateRequest{Type: PaymentBank,
				Number: NewSecret("000123456789"), RoutingNumber: NewSecret("021000021"), BankAccountType: BankBusinessChecking}))
		}},
		{"PaymentMethod/Create Plaid", "POST", "/API/xml/PaymentMethod/Create", url.Values{
			"account_number": {"7105045"}, "type": {"BA"}, "account_id": {"vzeNDwK7KQIm4yEog683uElbp9GRLEFXGK98D"},
			"access_token": {"access-sandbox-de3ce8ef-33f8-452c-a685-8671031fc0f6"}, "item_id": {"M5eVJqLnv3tbzdngLDp9FL5OlDNxlNhlE55op"},
		}, gkOK, func(ctx context.Context, c *Client) (string, error) {
			return gkTrans(c.PaymentMethods.Create(ctx, PaymentMethodCreateRequest{AccountNumber: "7105045", Type: PaymentBank,
				PlaidAccountID: NewSecret("vzeNDwK7KQIm4yEog683uElbp9GRLEFXGK98D"), PlaidAccessToken: NewSecret("access-sandbox-de3ce8ef-33f8-452c-a685-8671031fc0f6"),
				PlaidItemID: NewSecret("M5eVJqLnv3tbzdngLDp9FL5OlDNxlNhlE55op")}))
		}},
		{"Billing/Create debit", "POST", "/API/xml/Billing/Create", url.Values{
			"cloud_account_type": {"VAR"}, "cloud_account_number": {"2502093947"}, "type": {"DEBIT"},
			"amount": {"10.00"}, "notes": {"Test debit"},
		}, gkOK, func(ctx context.Context, c *Client) (string, error) {
			return gkTrans(c.Billing.Create(ctx, BillingCreateRequest{CloudAccountType: AccountVAR, CloudAccountNumber: "2502093947",
				Type: BillingDebit, Amount: MustMoney("10"), Notes: "Test debit"}))
		}},
		{"Billing/Create credit", "POST", "/API/xml/Billing/Create", url.Values{
			"cloud_account_type": {"PARTNER"}, "cloud_account_number": {"5881761312"}, "type": {"CREDIT"}, "amount": {"10.00"},
		}, `<telecloud trans_id="77"><billing billing_trans_id="43982"><type>CREDIT</type><amount>10.00</amount></billing></telecloud>`,
			func(ctx context.Context, c *Client) (string, error) {
				r, err := c.Billing.Create(ctx, BillingCreateRequest{CloudAccountType: AccountPartner, CloudAccountNumber: "5881761312",
					Type: BillingCredit, Amount: MustMoney("$10.00")})
				if err == nil && (r.Billing.BillingTransID != "43982" || r.Billing.Amount.String() != "10.00") {
					return "", fmt.Errorf("billing %+v", r.Billing)
				}
				return gkTrans(r, err)
			}},
		{"Billing/AddFunds", "POST", "/API/xml/Billing/AddFunds", url.Values{
			"payment_method_id": {"3001"}, "type": {"CC"}, "amount": {"25.50"}, "cvv": {"737"},
		}, gkOK, func(ctx context.Context, c *Client) (string, error) {
			return gkTrans(c.Billing.AddFunds(ctx, BillingAddFundsRequest{PaymentMethodID: "3001", Type: PaymentCard,
				Amount: MustMoney("25.5"), CVV: NewSecret("737")}))
		}},
		// The newer page lists status alone: no alert is named.
		{"Alerts/Edit", "PATCH", "/API/xml/Alerts/Edit", url.Values{"status": {"2"}},
			gkOK, func(ctx context.Context, c *Client) (string, error) {
				return gkTrans(c.Alerts.Edit(ctx, AlertEditRequest{Status: AlertDismissed}))
			}},
		// One alert, named with the inferred alert_id through WithParam.
		{"Alerts/Edit one alert", "PATCH", "/API/xml/Alerts/Edit", url.Values{"alert_id": {"41"}, "status": {"2"}},
			gkOK, func(ctx context.Context, c *Client) (string, error) {
				return gkTrans(c.Alerts.Edit(ctx, AlertEditRequest{Status: AlertDismissed}, WithParam("alert_id", "41")))
			}},
		{"Alerts/Search", "GET", "/API/xml/Alerts/Search", url.Values{"type": {"ALERT"}, "status": {"1"}},
			gkOK, func(ctx context.Context, c *Client) (string, error) {
				return gkTrans(c.Alerts.Search(ctx, AlertSearchRequest{Type: AlertTypeAlert, Status: AlertUnread}))
			}},
		{"Announcements/Create", "POST", "/API/xml/Announcements/Create", url.Values{
			"subject": {"Maintenance <Sunday>"}, "description": {"<p>Down 2–4am</p>"}, "show_var": {"Y"},
			"show_partner": {"N"}, "show_affiliate": {"Y"}, "email_notification": {"N"},
		}, `<telecloud trans_id="77"><announcement announcement_id="91"/></telecloud>`,
			func(ctx context.Context, c *Client) (string, error) {
				r, err := c.Announcements.Create(ctx, AnnouncementCreateRequest{Subject: "Maintenance <Sunday>",
					Description: "<p>Down 2–4am</p>", ShowVAR: Yes, ShowPartner: No, ShowAffiliate: Yes, EmailNotification: No})
				if err == nil && r.Announcement.AnnouncementID != "91" {
					return "", fmt.Errorf("announcement %+v", r.Announcement)
				}
				return gkTrans(r, err)
			}},
		{"Customer/Delete", "DELETE", "/API/xml/Customer/Delete", url.Values{"account_number": {"7105045"}},
			gkOK, func(ctx context.Context, c *Client) (string, error) {
				return gkTrans(c.Customers.Delete(ctx, CustomerDeleteRequest{AccountNumber: "7105045"}))
			}},
		{"Customer/Search", "GET", "/API/xml/Customer/Search", url.Values{
			"account_number": {"7105045"}, "password": {"88888811"}, "ssn": {"123-45-6789"}, "dl": {"D1234567"},
			"status": {"ACTIVE"}, "var1": {"356938035643809"},
		}, gkOK, func(ctx context.Context, c *Client) (string, error) {
			return gkTrans(c.Customers.Search(ctx, CustomerSearchRequest{AccountNumber: "7105045", Password: NewSecret("88888811"),
				SSN: NewSecret("123-45-6789"), DL: NewSecret("D1234567"), OrderStatus: OrderActive, Vars: VarValues{1: "356938035643809"}}))
		}},
		{"Ticket/Reply", "POST", "/API/xml/Ticket/Reply", url.Values{
			"ticket_id": {"791"}, "message": {"Thanks, fixed & closed."}, "guest_email": {"guest@example.com"},
			"account_number": {"7105045"}, "attachments": {"https://img.example/a.png,https://img.example/b.png"}, "working": {"Y"},
		}, gkOK, func(ctx context.Context, c *Client) (string, error) {
			return gkTrans(c.Tickets.Reply(ctx, TicketReplyRequest{TicketID: "791", Message: "Thanks, fixed & closed.",
				GuestEmail: "guest@example.com", AccountNumber: "7105045",
				Attachments: []string{"https://img.example/a.png", "https://img.example/b.png"}, Working: Yes}))
		}},
		{"User/Create", "POST", "/API/xml/User/Create", url.Values{
			"email": {"staff@example.com"}, "first_name": {"Ada"}, "last_name": {"Lovelace"}, "access_level": {"STAFF"},
		}, `<telecloud trans_id="77"><user user_id="don_hawkins2"><initial_password>Xy12ab</initial_password></user></telecloud>`,
			func(ctx context.Context, c *Client) (string, error) {
				r, err := c.Users.Create(ctx, UserCreateRequest{Email: "staff@example.com", FirstName: "Ada", LastName: "Lovelace",
					AccessLevel: AccessStaff})
				if err == nil && r.User.InitialPassword.Reveal() != "Xy12ab" {
					return "", errors.New("initial password not read")
				}
				return gkTrans(r, err)
			}},
		{"Order/Update", "PATCH", "/API/xml/Order/Update", url.Values{
			"account_number": {"7105045"}, "order_number": {"GBT83432HH"}, "status": {"FAILED"},
			"expiration_date": {"6/11/2019"}, "error": {"carrier refused the port"}, "var5": {"x"},
		}, gkOK, func(ctx context.Context, c *Client) (string, error) {
			return gkTrans(c.Orders.Update(ctx, OrderUpdateRequest{AccountNumber: "7105045", OrderNumber: "GBT83432HH",
				Status: OrderFailed, ExpirationDate: NewCycleDate(2019, time.June, 11), ErrorMessage: "carrier refused the port",
				Vars: VarValues{5: "x"}}))
		}},
		{"UsageComponent/Create", "POST", "/API/xml/UsageComponent/Create", url.Values{
			"product_group_id": {"73"}, "name": {"Minutes"}, "starting_quantity": {"0"}, "unit_price": {"0.005"},
			"reset_with_cycle": {"N"}, "var_sets_maximum": {"Y"},
		}, gkOK, func(ctx context.Context, c *Client) (string, error) {
			zero := 0
			return gkTrans(c.UsageComponents.Create(ctx, UsageComponentCreateRequest{ProductGroupID: "73", Name: "Minutes",
				StartingQuantity: &zero, UnitPrice: MustMoney("0.0050"), ResetWithCycle: No, VarSetsMaximum: Yes}))
		}},
		{"Plan/Edit CORE product", "PATCH", "/API/xml/Plan/Edit", url.Values{
			"product_id": {"1053"}, "name": {"Unlimited talk & text"}, "recurring_price": {"10.50"}, "status": {"2"},
			"cycle_length": {"30"}, "component_ids": {"15178187,889817552"},
		}, gkOK, func(ctx context.Context, c *Client) (string, error) {
			return gkTrans(c.Plans.Edit(ctx, PlanEditRequest{ProductID: "1053", Name: "Unlimited talk & text",
				RecurringPrice: MustMoney("10.5"), Status: PlanLocked, CycleLength: 30, ComponentIDs: []string{"15178187", "889817552"}}))
		}},
		{"Plan/Edit VAR rate plan", "PATCH", "/API/xml/Plan/Edit", url.Values{
			"rate_plan_id": {"881"}, "status": {"4"},
			"attached_components": {`[{"component_id":"15178187"},{"component_id":"889817552","max_units":"1"}]`},
		}, gkOK, func(ctx context.Context, c *Client) (string, error) {
			return gkTrans(c.Plans.Edit(ctx, PlanEditRequest{RatePlanID: "881", Status: PlanReplenishOnly,
				AttachedComponents: AttachedComponents{{ComponentID: "15178187"}, {ComponentID: "889817552", MaxUnits: 1}}}))
		}},
		{"Plan/Delete CORE product", "DELETE", "/API/xml/Plan/Delete", url.Values{"product_id": {"1053"}},
			gkOK, func(ctx context.Context, c *Client) (string, error) {
				return gkTrans(c.Plans.Delete(ctx, PlanDeleteRequest{ProductID: "1053"}))
			}},
		{"Billing/Search", "GET", "/API/xml/Billing/Search", url.Values{
			"cloud_account_type": {"PARTNER"}, "cloud_account_number": {"5881761312"}, "start_date": {"2019-06-01"},
			"end_date": {"2019-06-30"}, "billed": {"N"},
		}, gkOK, func(ctx context.Context, c *Client) (string, error) {
			return gkTrans(c.Billing.Search(ctx, BillingSearchRequest{CloudAccountType: AccountPartner, CloudAccountNumber: "5881761312",
				StartDate: time.Date(2019, 6, 1, 15, 4, 5, 0, time.UTC), EndDate: time.Date(2019, 6, 30, 0, 0, 0, 0, time.UTC), Billed: No}))
		}},
	}
}

func TestGockLiteral(t *testing.T) {
	for _, tc := range gkLiterals() {
		t.Run(tc.name, func(t *testing.T) {
			c := gkClient(t)
			rec := &testkit.Recorder{}
			gkExpect(rec, gkHost, tc.verb, tc.path).Reply(http.StatusOK).BodyString(tc.reply)
			tid, err := tc.call(context.Background(), c)
			require.NoError(t, err, "unmatched:%s", gkUnmatched())
			assert.Equal(t, gkTransID, tid)
			seen := rec.All()
			require.Len(t, seen, 1)
			gkCheck(t, seen[0], tc.verb, tc.path, tc.want)
			gkDone(t)
		})
	}
}

// The attached_components value is the JSON list of the reference, byte for
// byte, and its form encoding decodes back to it.
func TestGockAttachedComponentsBytes(t *testing.T) {
	c := gkClient(t)
	rec := &testkit.Recorder{}
	gkExpect(rec, gkHost, "POST", "/API/xml/Order/Create").Reply(http.StatusOK).BodyString(gkOK)
	_, err := c.Orders.Create(context.Background(), OrderCreateRequest{AccountNumber: "7105045", RatePlanID: "881",
		AttachedComponents: AttachedComponents{{ComponentID: "15178187"}, {ComponentID: "889817552", MaxUnits: 1}}})
	require.NoError(t, err)
	seen := rec.All()
	require.Len(t, seen, 1)
	assert.Contains(t, string(seen[0].Body),
		"attached_components="+url.QueryEscape(`[{"component_id":"15178187"},{"component_id":"889817552","max_units":"1"}]`))
	gkDone(t)
}

// ---------------------------------------------------------------------
// Call options.

func TestGockCallOptions(t *testing.T) {
	base := CustomerCreateRequest{FirstName: "Don", LastName: "Hawkins", ZipCode: "17109"}
	for _, tc := range []struct {
		name       string
		clientOpts []Option
		opts       []CallOption
		path       string
		reply      string
		want       url.Values
	}{
		{"WithParam adds", nil, []CallOption{WithParam("zip", "17109-1234")}, "/API/xml/Customer/Create", gkOK,
			url.Values{"first_name": {"Don"}, "last_name": {"Hawkins"}, "zip_code": {"17109"}, "zip": {"17109-1234"}}},
		{"WithParam overrides", nil, []CallOption{WithParam("zip_code", "17110")}, "/API/xml/Customer/Create", gkOK,
			url.Values{"first_name": {"Don"}, "last_name": {"Hawkins"}, "zip_code": {"17110"}}},
		{"WithoutParam removes", nil, []CallOption{WithoutParam("last_name"), WithoutParam("not_sent")}, "/API/xml/Customer/Create", gkOK,
			url.Values{"first_name": {"Don"}, "zip_code": {"17109"}}},
		{"rename a field", nil, []CallOption{WithoutParam("zip_code"), WithParam("zip", "17109")}, "/API/xml/Customer/Create", gkOK,
			url.Values{"first_name": {"Don"}, "last_name": {"Hawkins"}, "zip": {"17109"}}},
		{"WithParams", nil, []CallOption{WithParams(url.Values{"a": {"1"}, "b": {"2", "3"}})}, "/API/xml/Customer/Create", gkOK,
			url.Values{"first_name": {"Don"}, "last_name": {"Hawkins"}, "zip_code": {"17109"}, "a": {"1"}, "b": {"2", "3"}}},
		{"credentials cannot be overridden nor removed", nil,
			[]CallOption{WithParam("API_KEY", "stolen"), WithParam("API_ID_KEY", "stolen"), WithoutParam("API_KEY"), WithoutParam("API_ID_KEY")},
			"/API/xml/Customer/Create", gkOK, url.Values{"first_name": {"Don"}, "last_name": {"Hawkins"}, "zip_code": {"17109"}}},
		{"InFormat JSON", nil, []CallOption{InFormat(FormatJSON)}, "/API/json/Customer/Create", `{"@attributes":{"trans_id":"77"}}`,
			url.Values{"first_name": {"Don"}, "last_name": {"Hawkins"}, "zip_code": {"17109"}}},
		{"WithFormat JSON", []Option{WithFormat(FormatJSON)}, nil, "/API/json/Customer/Create", `{"@attributes":{"trans_id":"77"}}`,
			url.Values{"first_name": {"Don"}, "last_name": {"Hawkins"}, "zip_code": {"17109"}}},
		{"InFormat XML overrides WithFormat", []Option{WithFormat(FormatJSON)}, []CallOption{InFormat(FormatXML)}, "/API/xml/Customer/Create", gkOK,
			url.Values{"first_name": {"Don"}, "last_name": {"Hawkins"}, "zip_code": {"17109"}}},
		{"nil option", nil, []CallOption{nil}, "/API/xml/Customer/Create", gkOK,
			url.Values{"first_name": {"Don"}, "last_name": {"Hawkins"}, "zip_code": {"17109"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := gkClient(t, tc.clientOpts...)
			rec := &testkit.Recorder{}
			gkExpect(rec, gkHost, "POST", tc.path).Reply(http.StatusOK).BodyString(tc.reply)
			req := base
			resp, err := c.Customers.Create(context.Background(), req, tc.opts...)
			require.NoError(t, err, "unmatched:%s", gkUnmatched())
			assert.Equal(t, gkTransID, resp.TransID)
			seen := rec.All()
			require.Len(t, seen, 1)
			gkCheck(t, seen[0], "POST", tc.path, tc.want)
			assert.Equal(t, base, req, "the request is not changed")
			gkDone(t)
		})
	}

	t.Run("GET with options", func(t *testing.T) {
		c := gkClient(t)
		rec := &testkit.Recorder{}
		gkExpect(rec, gkHost, "GET", "/API/json/Order/Search").Reply(http.StatusOK).
			BodyString(`{"@attributes":{"trans_id":"77"},"Orders":{"order":{"@attributes":{"order_number":"GBT83432HH"},"status":"ACTIVE"}}}`)
		resp, err := c.Orders.Search(context.Background(), OrderSearchRequest{AccountNumber: "7105045", HideCancelled: Yes},
			InFormat(FormatJSON), WithParam("hide_cancelled", "N"), WithParam("page", "2"), WithoutParam("account_number"))
		require.NoError(t, err, "unmatched:%s", gkUnmatched())
		require.Len(t, resp.Orders, 1)
		assert.Equal(t, OrderActive, resp.Orders[0].Status)
		seen := rec.All()
		require.Len(t, seen, 1)
		gkCheck(t, seen[0], "GET", "/API/json/Order/Search", url.Values{"hide_cancelled": {"N"}, "page": {"2"}})
		gkDone(t)
	})

	t.Run("bad format is refused", func(t *testing.T) {
		c := gkClient(t)
		rec := gkCatchAll()
		_, err := c.Customers.Create(context.Background(), base, InFormat("yaml"))
		assert.ErrorIs(t, err, ErrInvalidInput)
		_, err = c.Customers.Create(context.Background(), base, WithParam("note", "a\x00b"))
		assert.ErrorIs(t, err, ErrInvalidInput)
		_, err = c.Customers.Create(context.Background(), base, WithParam("note", "\xff"))
		assert.ErrorIs(t, err, ErrInvalidInput)
		assert.Empty(t, rec.All(), "nothing is sent")
	})
}

// ---------------------------------------------------------------------
// Local validation: nothing is sent.

// Every required parameter, left empty or (text) given as white space only
// in an otherwise valid request, is refused before sending. White space
// was sent before.
func TestGockRequiredRefusedLocally(t *testing.T) {
	c := gkClient(t)
	rec := gkCatchAll()
	n, blanks := 0, 0
	for _, r := range gkRoutes(t, c) {
		for _, p := range r.ref.r.Params {
			if !p.Required {
				continue
			}
			for _, value := range []string{"(zero)", " ", "\t \n", "\u00a0"} {
				b := gkBuild(t, r.ref, r.reqT)
				f := b.req.Elem().FieldByName(p.Field)
				switch {
				case value == "(zero)":
					f.Set(reflect.Zero(f.Type()))
				case f.Kind() == reflect.String:
					f.SetString(value)
				case f.Type() == varValuesT:
					f.Set(reflect.ValueOf(VarValues{3: value}))
				default:
					continue // a number, an amount, a date: no blank form
				}
				_, err := gkInvoke(context.Background(), r.method, b.req)
				var ve *ValidationError
				if !assert.ErrorAs(t, err, &ve, "%s with %s %q", r.op, p.Field, value) {
					continue
				}
				assert.ErrorIs(t, err, ErrInvalidInput)
				assert.Equal(t, r.op, ve.Op)
				assert.Equal(t, p.Field, ve.Field, r.op)
				assert.Contains(t, ve.Error(), r.op)
				if value == "(zero)" {
					assert.Equal(t, p.Name, ve.Param, r.op)
					n++
				} else {
					blanks++
				}
			}
		}
	}
	assert.Greater(t, n, 50, "required params checked")
	assert.Greater(t, blanks, 100, "blank required params checked")
	assert.Empty(t, rec.All(), "nothing is sent")
	assert.False(t, gock.HasUnmatchedRequest())
}

// A nil context is refused before anything is sent, by every operation,
// with a *ValidationError: it was a transport error before.
func TestGockNilContextRefused(t *testing.T) {
	c := gkClient(t)
	rec := gkCatchAll()
	nilCtx := reflect.Zero(reflect.TypeFor[context.Context]())
	check := func(name string, err error) {
		t.Helper()
		var ve *ValidationError
		if assert.ErrorAs(t, err, &ve, name) {
			assert.ErrorIs(t, err, ErrInvalidInput, name)
			assert.Equal(t, "ctx", ve.Field, name)
			assert.True(t, strings.HasPrefix(err.Error(), "telecloud: "), err.Error())
		}
	}
	for _, r := range gkRoutes(t, c) {
		b := gkBuild(t, r.ref, r.reqT)
		out := r.method.Call([]reflect.Value{nilCtx, b.req.Elem()})
		err, _ := out[1].Interface().(error)
		check(r.op, err)
	}
	//lint:ignore SA1012 the nil context is what is tested
	check("Call", c.Call(nil, "Order/Status", url.Values{"order_number": {"A1"}}, nil))
	//lint:ignore SA1012 the nil context is what is tested
	_, err := c.Orders.Wait(nil, "A1", nil)
	check("Order/Wait", err)
	assert.Empty(t, rec.All(), "nothing is sent")
}

// Call puts the service and method into the path: a part that is empty,
// blank, a dot segment, invalid UTF-8 or holds a control character is
// refused before sending, never altered (a ".." sent would be cleaned away
// by a server or proxy, reaching another route).
func TestGockCallRefusesBadOpParts(t *testing.T) {
	c := gkClient(t)
	rec := gkCatchAll()
	for _, op := range []string{
		"", "/", "Order", "Order/", "/Search", "Order/Search/x",
		"./Search", "../Search", "Order/.", "Order/..", " /Search", "Order/ \t",
		"Order/Sea\x00rch", "Order/Sea\rch", "Order/Sea\nrch", "Or\x7fder/Search", "Order/\xffSearch",
	} {
		err := c.Call(context.Background(), op, nil, nil)
		var ve *ValidationError
		if assert.ErrorAs(t, err, &ve, "%q", op) {
			assert.ErrorIs(t, err, ErrInvalidInput)
			assert.Equal(t, "op", ve.Field)
		}
	}
	// A blank order number is refused by Orders.Wait too.
	for _, number := range []string{"", " ", "\t\n"} {
		_, err := c.Orders.Wait(context.Background(), number, nil)
		assert.ErrorIs(t, err, ErrInvalidInput, "%q", number)
	}
	assert.Empty(t, rec.All(), "nothing is sent")
}

type gkRule struct {
	name         string
	field, param string // what the ValidationError names ("" param: not checked)
	call         func(context.Context, *Client) error
}

func gkErr[T any](_ *T, err error) error { return err }

func gkRules() []gkRule {
	card := func(mod func(*PaymentMethodCreateRequest)) func(context.Context, *Client) error {
		return func(ctx context.Context, c *Client) error {
			r := PaymentMethodCreateRequest{Type: PaymentCard, Number: NewSecret("4111111111111111"), ExpirationMonth: "02", ExpirationYear: "29", CVV: NewSecret("737")}
			mod(&r)
			return gkErr(c.PaymentMethods.Create(ctx, r))
		}
	}
	bank := func(mod func(*PaymentMethodCreateRequest)) func(context.Context, *Client) error {
		return func(ctx context.Context, c *Client) error {
			r := PaymentMethodCreateRequest{Type: PaymentBank, Number: NewSecret("000123456789"), RoutingNumber: NewSecret("021000021")}
			mod(&r)
			return gkErr(c.PaymentMethods.Create(ctx, r))
		}
	}
	return []gkRule{
		{"Alerts/Search type", "Type", "type", func(ctx context.Context, c *Client) error {
			return gkErr(c.Alerts.Search(ctx, AlertSearchRequest{Type: "NEWS"}))
		}},
		{"Alerts/Edit status", "Status", "status", func(ctx context.Context, c *Client) error {
			return gkErr(c.Alerts.Edit(ctx, AlertEditRequest{Status: 3}))
		}},
		{"Announcements/Create flag", "ShowPartner", "show_partner", func(ctx context.Context, c *Client) error {
			return gkErr(c.Announcements.Create(ctx, AnnouncementCreateRequest{Subject: "s", Description: "d", ShowPartner: "yes", EmailNotification: No}))
		}},
		{"Billing/Create type", "Type", "type", func(ctx context.Context, c *Client) error {
			return gkErr(c.Billing.Create(ctx, BillingCreateRequest{CloudAccountType: AccountVAR, CloudAccountNumber: "2502093947",
				Type: "REFUND", Amount: MustMoney("10.00")}))
		}},
		{"Billing/Create fraction of a cent", "Amount", "amount", func(ctx context.Context, c *Client) error {
			return gkErr(c.Billing.Create(ctx, BillingCreateRequest{CloudAccountType: AccountVAR, CloudAccountNumber: "2502093947",
				Type: BillingCredit, Amount: MustMoney("10.005")}))
		}},
		{"Billing/Create zero", "Amount", "amount", func(ctx context.Context, c *Client) error {
			return gkErr(c.Billing.Create(ctx, BillingCreateRequest{CloudAccountType: AccountVAR, CloudAccountNumber: "2502093947",
				Type: BillingCredit, Amount: MoneyFromCents(0)}))
		}},
		{"Billing/Create account type", "CloudAccountType", "cloud_account_type", func(ctx context.Context, c *Client) error {
			return gkErr(c.Billing.Create(ctx, BillingCreateRequest{CloudAccountType: "RESELLER", CloudAccountNumber: "2502093947",
				Type: BillingCredit, Amount: MustMoney("10.00")}))
		}},
		{"Billing/Search dates", "EndDate", "end_date", func(ctx context.Context, c *Client) error {
			return gkErr(c.Billing.Search(ctx, BillingSearchRequest{StartDate: time.Date(2019, 6, 2, 0, 0, 0, 0, time.UTC),
				EndDate: time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC)}))
		}},
		{"Billing/Search number without type", "CloudAccountType", "cloud_account_type", func(ctx context.Context, c *Client) error {
			return gkErr(c.Billing.Search(ctx, BillingSearchRequest{CloudAccountNumber: "5881761312"}))
		}},
		{"Billing/AddFunds card without cvv", "CVV", "cvv", func(ctx context.Context, c *Client) error {
			return gkErr(c.Billing.AddFunds(ctx, BillingAddFundsRequest{Type: PaymentCard, Amount: MustMoney("10")}))
		}},
		{"Billing/AddFunds bank with cvv", "CVV", "cvv", func(ctx context.Context, c *Client) error {
			return gkErr(c.Billing.AddFunds(ctx, BillingAddFundsRequest{Type: PaymentBank, Amount: MustMoney("10"), CVV: NewSecret("737")}))
		}},
		{"CloudAccount/Search orders without number", "Orders", "orders", func(ctx context.Context, c *Client) error {
			return gkErr(c.CloudAccounts.Search(ctx, CloudAccountSearchRequest{Orders: Yes}))
		}},
		{"CloudAccount/Create fee day", "MaintenanceFeeDay", "maintenance_fee_day", func(ctx context.Context, c *Client) error {
			return gkErr(c.CloudAccounts.Create(ctx, CloudAccountCreateRequest{CloudAccountType: AccountVAR, MaintenanceFeeDay: 32}))
		}},
		{"CloudAccount/Create fee month", "MaintenanceFeeMonth", "maintenance_fee_month", func(ctx context.Context, c *Client) error {
			return gkErr(c.CloudAccounts.Create(ctx, CloudAccountCreateRequest{CloudAccountType: AccountVAR, MaintenanceFeeMonth: "Smarch"}))
		}},
		{"CloudAccount/Edit funding", "FundingType", "funding_type", func(ctx context.Context, c *Client) error {
			return gkErr(c.CloudAccounts.Edit(ctx, CloudAccountEditRequest{CloudAccountNumber: "2502093947", FundingType: "CASH"}))
		}},
		{"Customer/Create unit number without type", "UnitType", "unit_type", func(ctx context.Context, c *Client) error {
			return gkErr(c.Customers.Create(ctx, CustomerCreateRequest{FirstName: "Don", UnitNumber: "4B"}))
		}},
		{"Customer/Qualify replenish without order", "OrderNumber", "order_number", func(ctx context.Context, c *Client) error {
			return gkErr(c.Customers.Qualify(ctx, CustomerQualifyRequest{AccountNumber: "7105045", QualifyType: QualifyReplenish}))
		}},
		{"Customer/Qualify add-on without order", "OrderNumber", "order_number", func(ctx context.Context, c *Client) error {
			return gkErr(c.Customers.Qualify(ctx, CustomerQualifyRequest{AccountNumber: "7105045", ProductType: ProductAddOn}))
		}},
		{"Customer/Qualify type", "QualifyType", "qualify_type", func(ctx context.Context, c *Client) error {
			return gkErr(c.Customers.Qualify(ctx, CustomerQualifyRequest{AccountNumber: "7105045", QualifyType: "OLD"}))
		}},
		{"Customer/Qualify var slot 21", "Vars", "var%d", func(ctx context.Context, c *Client) error {
			return gkErr(c.Customers.Qualify(ctx, CustomerQualifyRequest{AccountNumber: "7105045", Vars: VarValues{21: "x"}}))
		}},
		{"Customer/Qualify var slot 0", "Vars", "var%d", func(ctx context.Context, c *Client) error {
			return gkErr(c.Customers.Qualify(ctx, CustomerQualifyRequest{AccountNumber: "7105045", Vars: VarValues{0: "x"}}))
		}},
		{"Customer/Credit negative", "Amount", "amount", func(ctx context.Context, c *Client) error {
			return gkErr(c.Customers.Credit(ctx, CustomerCreditRequest{AccountNumber: "7105045", Type: BillingCredit, Amount: MustMoney("-1.00")}))
		}},
		{"Customer/Search order status", "OrderStatus", "status", func(ctx context.Context, c *Client) error {
			return gkErr(c.Customers.Search(ctx, CustomerSearchRequest{OrderStatus: "LIVE"}))
		}},
		{"Customer/Estimate type", "Type", "type", func(ctx context.Context, c *Client) error {
			return gkErr(c.Customers.Estimate(ctx, CustomerEstimateRequest{AccountNumber: "7105045", RatePlanID: "881", Type: "RENEW"}))
		}},
		{"Discount/Create price", "DiscountPrice", "discount_price", func(ctx context.Context, c *Client) error {
			return gkErr(c.Discounts.Create(ctx, DiscountCreateRequest{CloudAccountType: AccountVAR, CloudAccountNumber: "2502093947",
				ProductID: "881", DiscountPrice: MustMoney("1.005")}))
		}},
		{"Discount/Copy from type", "FromCloudAccountType", "from_cloud_account_type", func(ctx context.Context, c *Client) error {
			return gkErr(c.Discounts.Copy(ctx, DiscountCopyRequest{CloudAccountType: AccountVAR, CloudAccountNumber: "2502093947",
				FromCloudAccountType: "VARS", FromCloudAccountNumber: "5881761312"}))
		}},
		{"Gateways/Edit flag", "DefaultCCGateway", "default_cc_gateway", func(ctx context.Context, c *Client) error {
			return gkErr(c.Gateways.Edit(ctx, GatewayEditRequest{GatewayID: "5", DefaultCCGateway: "maybe"}))
		}},
		{"Module/Create external without url", "URL", "url", func(ctx context.Context, c *Client) error {
			return gkErr(c.Modules.Create(ctx, ModuleCreateRequest{Type: ModuleExternal}))
		}},
		{"Module/Create prebuilt without provider", "Provider", "provider", func(ctx context.Context, c *Client) error {
			return gkErr(c.Modules.Create(ctx, ModuleCreateRequest{Type: ModulePrebuilt}))
		}},
		{"Module/Create type", "Type", "type", func(ctx context.Context, c *Client) error {
			return gkErr(c.Modules.Create(ctx, ModuleCreateRequest{Type: "internal", URL: "https://m.example"}))
		}},
		{"Module/Edit status", "Status", "status", func(ctx context.Context, c *Client) error {
			return gkErr(c.Modules.Edit(ctx, ModuleEditRequest{ModuleID: "9", Status: StatusDeleted}))
		}},
		{"Notifications/Create customer html", "HTMLCustomer", "html_customer", func(ctx context.Context, c *Client) error {
			return gkErr(c.Notifications.Create(ctx, NotificationCreateRequest{Event: EventOrderCreate, NotifyCustomer: Yes}))
		}},
		{"Notifications/Create event", "Event", "event", func(ctx context.Context, c *Client) error {
			return gkErr(c.Notifications.Create(ctx, NotificationCreateRequest{Event: "Order/Explode"}))
		}},
		{"Order/Create component without id", "AttachedComponents", "", func(ctx context.Context, c *Client) error {
			return gkErr(c.Orders.Create(ctx, OrderCreateRequest{AccountNumber: "7105045", RatePlanID: "881",
				AttachedComponents: AttachedComponents{{ComponentID: " "}}}))
		}},
		{"Order/Create negative max", "AttachedComponents", "", func(ctx context.Context, c *Client) error {
			return gkErr(c.Orders.Create(ctx, OrderCreateRequest{AccountNumber: "7105045", RatePlanID: "881",
				AttachedComponents: AttachedComponents{{ComponentID: "1", MaxUnits: -1}}}))
		}},
		{"Order/Move to the same account", "NewAccountNumber", "new_account_number", func(ctx context.Context, c *Client) error {
			return gkErr(c.Orders.Move(ctx, OrderMoveRequest{OrderNumber: "GBT83432HH", AccountNumber: "7105045", NewAccountNumber: "7105045"}))
		}},
		{"Order/Swap without a value", "Vars", "var%d", func(ctx context.Context, c *Client) error {
			return gkErr(c.Orders.Swap(ctx, OrderSwapRequest{AccountNumber: "7105045", OrderNumber: "GBT83432HH", Vars: VarValues{2: ""}}))
		}},
		{"Order/Update error without FAILED", "ErrorMessage", "error", func(ctx context.Context, c *Client) error {
			return gkErr(c.Orders.Update(ctx, OrderUpdateRequest{AccountNumber: "7105045", OrderNumber: "GBT83432HH",
				Status: OrderActive, ErrorMessage: "x"}))
		}},
		{"Order/Update PENDING", "Status", "status", func(ctx context.Context, c *Client) error {
			return gkErr(c.Orders.Update(ctx, OrderUpdateRequest{AccountNumber: "7105045", OrderNumber: "GBT83432HH", Status: OrderPending}))
		}},
		{"Order/Search status", "Status", "status", func(ctx context.Context, c *Client) error {
			return gkErr(c.Orders.Search(ctx, OrderSearchRequest{Status: "ALL"}))
		}},
		{"Order/ReportUsage negative", "Units", "units", func(ctx context.Context, c *Client) error {
			n := -1
			return gkErr(c.Orders.ReportUsage(ctx, OrderReportUsageRequest{AccountNumber: "7105045", ComponentID: "1",
				OrderNumber: "GBT83432HH", Units: &n}))
		}},
		{"Order/ReportUsage mode", "Mode", "type", func(ctx context.Context, c *Client) error {
			n := 1
			return gkErr(c.Orders.ReportUsage(ctx, OrderReportUsageRequest{AccountNumber: "7105045", ComponentID: "1",
				OrderNumber: "GBT83432HH", Units: &n, Mode: "sideways"}))
		}},
		{"PaymentMethod/Create card without number", "Number", "payment_account_number", card(func(r *PaymentMethodCreateRequest) { r.Number = Secret{} })},
		{"PaymentMethod/Create month 13", "ExpirationMonth", "expiration_month", card(func(r *PaymentMethodCreateRequest) { r.ExpirationMonth = "13" })},
		{"PaymentMethod/Create month 2", "ExpirationMonth", "expiration_month", card(func(r *PaymentMethodCreateRequest) { r.ExpirationMonth = "2" })},
		{"PaymentMethod/Create four-digit year", "ExpirationYear", "expiration_year", card(func(r *PaymentMethodCreateRequest) { r.ExpirationYear = "2029" })},
		{"PaymentMethod/Create cvv", "CVV", "cvv", card(func(r *PaymentMethodCreateRequest) { r.CVV = NewSecret("12") })},
		{"PaymentMethod/Create card without expiry", "ExpirationMonth", "", card(func(r *PaymentMethodCreateRequest) { r.ExpirationYear = "" })},
		{"PaymentMethod/Create card with routing", "Type", "", card(func(r *PaymentMethodCreateRequest) { r.RoutingNumber = NewSecret("021000021") })},
		{"PaymentMethod/Create bank with cvv", "Type", "", bank(func(r *PaymentMethodCreateRequest) { r.CVV = NewSecret("737") })},
		{"PaymentMethod/Create bank without routing", "Number", "", bank(func(r *PaymentMethodCreateRequest) { r.RoutingNumber = Secret{} })},
		{"PaymentMethod/Create partial Plaid", "PlaidAccountID", "", bank(func(r *PaymentMethodCreateRequest) { r.PlaidItemID = NewSecret("item-1") })},
		{"PaymentMethod/Create bank account type", "BankAccountType", "bank_account_type",
			bank(func(r *PaymentMethodCreateRequest) { r.BankAccountType = "Checking" })},
		{"PaymentMethod/Create type", "Type", "type", card(func(r *PaymentMethodCreateRequest) { r.Type = "PP" })},
		{"PaymentMethod/Edit type", "Type", "type", func(ctx context.Context, c *Client) error {
			return gkErr(c.PaymentMethods.Edit(ctx, PaymentMethodEditRequest{PaymentMethodID: "3001", Type: "cc"}))
		}},
		{"Plan/Edit both ids", "ProductID", "", func(ctx context.Context, c *Client) error {
			return gkErr(c.Plans.Edit(ctx, PlanEditRequest{ProductID: "1", RatePlanID: "881"}))
		}},
		{"Plan/Delete neither id", "ProductID", "", func(ctx context.Context, c *Client) error {
			return gkErr(c.Plans.Delete(ctx, PlanDeleteRequest{}))
		}},
		{"Plan/Create status 3", "Status", "status", func(ctx context.Context, c *Client) error {
			return gkErr(c.Plans.Create(ctx, PlanCreateRequest{Name: "Unlimited talk", Status: PlanDeleted}))
		}},
		{"Plan/Create component ids", "ComponentIDs", "", func(ctx context.Context, c *Client) error {
			return gkErr(c.Plans.Create(ctx, PlanCreateRequest{Name: "Unlimited talk", ComponentIDs: []string{"1", " "}}))
		}},
		{"Plan/Create comma in an id", "ComponentIDs", "component_ids", func(ctx context.Context, c *Client) error {
			return gkErr(c.Plans.Create(ctx, PlanCreateRequest{Name: "Unlimited talk", ComponentIDs: []string{"1,2"}}))
		}},
		{"ProductGroup/Edit status", "Status", "status", func(ctx context.Context, c *Client) error {
			return gkErr(c.ProductGroups.Edit(ctx, ProductGroupEditRequest{ProductGroupID: "73", Status: 3}))
		}},
		{"Promo/Create negative", "Value", "value", func(ctx context.Context, c *Client) error {
			return gkErr(c.Promos.Create(ctx, PromoCreateRequest{PromoCode: "20off", Value: MustMoney("-20")}))
		}},
		{"Reports/Search dashboard", "Dashboard", "dashboard", func(ctx context.Context, c *Client) error {
			return gkErr(c.Reports.Search(ctx, ReportSearchRequest{Dashboard: "yes"}))
		}},
		{"Ticket/Create short subject", "Subject", "subject", func(ctx context.Context, c *Client) error {
			return gkErr(c.Tickets.Create(ctx, TicketCreateRequest{Subject: "  help  ", Message: "m"}))
		}},
		{"Ticket/Create customer ticket without account", "AccountNumber", "account_number", func(ctx context.Context, c *Client) error {
			return gkErr(c.Tickets.Create(ctx, TicketCreateRequest{Subject: "My phone is not working", Message: "m", Direction: TicketExternalCustomer}))
		}},
		{"Ticket/Create order without account", "AccountNumber", "account_number", func(ctx context.Context, c *Client) error {
			return gkErr(c.Tickets.Create(ctx, TicketCreateRequest{Subject: "My phone is not working", Message: "m", OrderNumber: "GBT83432HH"}))
		}},
		{"Ticket/Create attachment with a comma", "Attachments", "attachments", func(ctx context.Context, c *Client) error {
			return gkErr(c.Tickets.Create(ctx, TicketCreateRequest{Subject: "My phone is not working", Message: "m",
				Attachments: []string{"https://img.example/a,b.png"}}))
		}},
		{"Ticket/Edit status", "Status", "status", func(ctx context.Context, c *Client) error {
			return gkErr(c.Tickets.Edit(ctx, TicketEditRequest{TicketID: "791", Status: TicketOpen}))
		}},
		{"Ticket/Search direction", "Direction", "direction", func(ctx context.Context, c *Client) error {
			return gkErr(c.Tickets.Search(ctx, TicketSearchRequest{Direction: TicketExternalCustomer}))
		}},
		{"Transaction/Search status", "Status", "status", func(ctx context.Context, c *Client) error {
			return gkErr(c.Transactions.Search(ctx, TransactionSearchRequest{Status: "DONE"}))
		}},
		{"UsageComponent/Create starting quantity", "StartingQuantity", "starting_quantity", func(ctx context.Context, c *Client) error {
			n := -1
			return gkErr(c.UsageComponents.Create(ctx, UsageComponentCreateRequest{ProductGroupID: "73", Name: "Minutes", StartingQuantity: &n}))
		}},
		{"UsageComponent/Edit unit price", "UnitPrice", "unit_price", func(ctx context.Context, c *Client) error {
			return gkErr(c.UsageComponents.Edit(ctx, UsageComponentEditRequest{ComponentID: "1", UnitPrice: MustMoney("-0.01")}))
		}},
		{"User/Create access level", "AccessLevel", "access_level", func(ctx context.Context, c *Client) error {
			return gkErr(c.Users.Create(ctx, UserCreateRequest{Email: "a@example.com", AccessLevel: "ROOT"}))
		}},
		{"User/Edit status", "Status", "status", func(ctx context.Context, c *Client) error {
			return gkErr(c.Users.Edit(ctx, UserEditRequest{UserID: "u1", Status: 3}))
		}},
		{"text with NUL", "Notes", "notes", func(ctx context.Context, c *Client) error {
			return gkErr(c.Billing.Create(ctx, BillingCreateRequest{CloudAccountType: AccountVAR, CloudAccountNumber: "2502093947",
				Type: BillingCredit, Amount: MustMoney("10.00"), Notes: "a\x00b"}))
		}},
		{"invalid UTF-8", "FirstName", "first_name", func(ctx context.Context, c *Client) error {
			return gkErr(c.Customers.Create(ctx, CustomerCreateRequest{FirstName: "D\xffon"}))
		}},
		{"invalid UTF-8 in a variable", "Vars", "var3", func(ctx context.Context, c *Client) error {
			return gkErr(c.Orders.Swap(ctx, OrderSwapRequest{AccountNumber: "7105045", OrderNumber: "GBT83432HH", Vars: VarValues{3: "\xff"}}))
		}},
	}
}

func TestGockValidationRules(t *testing.T) {
	c := gkClient(t)
	rec := gkCatchAll()
	for _, tc := range gkRules() {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call(context.Background(), c)
			var ve *ValidationError
			require.ErrorAs(t, err, &ve, "refused locally")
			assert.ErrorIs(t, err, ErrInvalidInput)
			assert.Equal(t, tc.field, ve.Field)
			if tc.param != "" {
				assert.Equal(t, tc.param, ve.Param)
			}
			op, _, _ := strings.Cut(tc.name, " ")
			if strings.Contains(op, "/") {
				assert.Equal(t, op, ve.Op)
			}
			assert.NotEmpty(t, ve.Op)
			assert.NotEmpty(t, ve.Reason)
		})
	}
	assert.Empty(t, rec.All(), "nothing is sent")
	assert.False(t, gock.HasUnmatchedRequest(), "unmatched:%s", gkUnmatched())
}

// ---------------------------------------------------------------------
// The retry rule.

var (
	gkDialErr  = &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	gkResetErr = &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
)

// Searches are sent again after a 503 and after a connection reset.
func TestGockSearchesRetried(t *testing.T) {
	c := gkClient(t, gkFastRetry())
	n := 0
	for _, r := range gkRoutes(t, c) {
		if !strings.HasPrefix(r.ref.r.Method, "Search") {
			continue
		}
		n++
		t.Run(r.op, func(t *testing.T) {
			b := gkBuild(t, r.ref, r.reqT)
			rec := &testkit.Recorder{}
			path := gkPath(FormatXML, r.op)
			gkExpect(rec, gkHost, "GET", path).Reply(http.StatusServiceUnavailable).BodyString("busy")
			gkExpect(rec, gkHost, "GET", path).ReplyError(gkResetErr)
			gkExpect(rec, gkHost, "GET", path).Reply(http.StatusOK).BodyString(gkOK)
			resp, err := gkInvoke(context.Background(), r.method, b.req)
			require.NoError(t, err, "unmatched:%s", gkUnmatched())
			assert.Equal(t, gkTransID, resp.Elem().FieldByName("TransID").String())
			seen := rec.All()
			require.Len(t, seen, 3)
			for _, s := range seen {
				gkCheck(t, s, "GET", path, b.want)
			}
			gkDone(t)
		})
	}
	assert.Equal(t, 20, n, "the search methods")

	t.Run("gives up after MaxAttempts", func(t *testing.T) {
		c := gkClient(t, gkFastRetry())
		rec := &testkit.Recorder{}
		for range 3 {
			gkExpect(rec, gkHost, "GET", "/API/xml/Order/Search").Reply(http.StatusServiceUnavailable).BodyString("busy")
		}
		_, err := c.Orders.Search(context.Background(), OrderSearchRequest{AccountNumber: "7105045"})
		var e *Error
		require.ErrorAs(t, err, &e)
		assert.ErrorIs(t, err, ErrHTTPStatus)
		assert.Equal(t, http.StatusServiceUnavailable, e.HTTPStatus)
		assert.Len(t, rec.All(), 3)
		gkDone(t)
	})
}

// A dial error means nothing was sent: any method is sent again.
func TestGockDialErrorRetriedForAnyMethod(t *testing.T) {
	c := gkClient(t, gkFastRetry())
	for _, r := range gkRoutes(t, c) {
		t.Run(r.op, func(t *testing.T) {
			b := gkBuild(t, r.ref, r.reqT)
			rec := &testkit.Recorder{}
			path := gkPath(FormatXML, r.op)
			gkExpect(rec, gkHost, r.ref.r.Verb, path).ReplyError(gkDialErr)
			gkExpect(rec, gkHost, r.ref.r.Verb, path).Reply(http.StatusOK).BodyString(gkOK)
			resp, err := gkInvoke(context.Background(), r.method, b.req)
			require.NoError(t, err, "unmatched:%s", gkUnmatched())
			assert.Equal(t, gkTransID, resp.Elem().FieldByName("TransID").String())
			seen := rec.All()
			require.Len(t, seen, 2)
			assert.Equal(t, seen[0].Body, seen[1].Body, "the same request")
			assert.Equal(t, seen[0].Query, seen[1].Query)
			gkDone(t)
		})
	}

	t.Run("gives up after MaxAttempts", func(t *testing.T) {
		c := gkClient(t, gkFastRetry())
		rec := &testkit.Recorder{}
		for range 3 {
			gkExpect(rec, gkHost, "POST", "/API/xml/Order/Create").ReplyError(gkDialErr)
		}
		_, err := c.Orders.Create(context.Background(), OrderCreateRequest{AccountNumber: "7105045", RatePlanID: "881"})
		var e *Error
		require.ErrorAs(t, err, &e)
		assert.ErrorIs(t, err, syscall.ECONNREFUSED)
		assert.Len(t, rec.All(), 3)
		gkDone(t)
	})
}
