package telecloud_test

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/telecloud"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

// Helpers of the end-to-end tests: the typed client against an in-memory
// telecloudtest server, over HTTP, in both answer formats.

// e2eNow is the server's clock in most tests: dates in answers (expiration
// dates above all) are then exact.
var e2eNow = time.Date(2024, time.March, 15, 10, 0, 0, 0, time.UTC)

// e2eFormats are the two answer formats every test runs in.
var e2eFormats = []telecloud.Format{telecloud.FormatXML, telecloud.FormatJSON}

// e2eStyles are the route styles every test runs in: the older page's
// method in the path (the default), the newer page's verb selecting the
// method, and the newer page's host form (no /API), which the server all
// serves.
var e2eStyles = []telecloud.RouteStyle{telecloud.RouteMethodPath, telecloud.RouteVerb, telecloud.RouteVerbAPIHost}

// Values used by the orders of the tests: the seeded product group's VAR1
// (IMEI) and VAR2 (ICCID) are swappable and prompted, VAR3 (MDN) neither.
const (
	testIMEI  = "353145418070501"
	testICCID = "8901410327181008559"
	testCard  = "4111111111111111"
)

// e2e is one test's world: a server and a client of the VAR's API user and
// of the CORE's, both asking for answers in format, addressing the server
// in style.
type e2e struct {
	t      *testing.T
	ctx    context.Context
	format telecloud.Format
	style  telecloud.RouteStyle
	srv    *telecloudtest.Server
	c      *telecloud.Client // the VAR's ADMIN (what an ISP holds)
	core   *telecloud.Client // the CORE's ADMIN
	// raw is the VAR's ADMIN too, for Client.Call: its requests are not
	// counted by TestMain's check that every typed method was called.
	raw *telecloud.Client
}

// xml reports whether the answers are XML, the lossless format: JSON drops
// CDATA content and the attributes of elements that also carry text.
func (e *e2e) xml() bool { return e.format == telecloud.FormatXML }

// eachFormat runs fn once per answer format and route style, in parallel
// subtests, each against its own server (at e2eNow unless opts set another
// clock).
func eachFormat(t *testing.T, fn func(t *testing.T, e *e2e), opts ...telecloudtest.Option) {
	t.Helper()
	for _, f := range e2eFormats {
		t.Run(string(f), func(t *testing.T) {
			t.Parallel()
			for _, style := range e2eStyles {
				t.Run(style.String(), func(t *testing.T) {
					t.Parallel()
					fn(t, newE2E(t, f, style, opts...))
				})
			}
		})
	}
}

// newE2E starts a server and makes the VAR and CORE clients.
func newE2E(t *testing.T, f telecloud.Format, style telecloud.RouteStyle, opts ...telecloudtest.Option) *e2e {
	t.Helper()
	srv := telecloudtest.NewServer(append([]telecloudtest.Option{telecloudtest.WithClock(func() time.Time { return e2eNow })}, opts...)...)
	t.Cleanup(srv.Close)
	return &e2e{
		t: t, ctx: context.Background(), format: f, style: style, srv: srv,
		c:    newClient(t, srv, telecloudtest.DefaultAPIIDKey, telecloudtest.DefaultAPIKey, f, style),
		core: newClient(t, srv, telecloudtest.CoreAPIIDKey, telecloudtest.CoreAPIKey, f, style),
		raw:  newRawClient(t, srv, telecloudtest.DefaultAPIIDKey, telecloudtest.DefaultAPIKey, f, style),
	}
}

// path is the path the server records for op in the test's style, in
// format (the test's when empty): RecordedRequest.Path, without the query.
func (e *e2e) path(op string, format telecloud.Format) string {
	e.t.Helper()
	if format == "" {
		format = e.format
	}
	for _, r := range telecloud.Routes() {
		if r.Op() == op {
			return strings.TrimSuffix(r.Path(e.style, format), "/")
		}
	}
	e.t.Fatalf("no route %s", op)
	return ""
}

// fastRetry retries searches at once.
var fastRetry = telecloud.WithRetry(telecloud.RetryPolicy{MaxAttempts: 3, MinWait: time.Millisecond, MaxWait: 2 * time.Millisecond, MaxRetryAfter: time.Millisecond})

// newClient is a client of srv with fast retries, whose requests count as
// typed calls (see TestMain).
func newClient(t *testing.T, srv *telecloudtest.Server, id, key string, f telecloud.Format, style telecloud.RouteStyle) *telecloud.Client {
	t.Helper()
	c, err := telecloud.New(telecloud.Credentials{APIIDKey: telecloud.NewSecret(id), APIKey: telecloud.NewSecret(key)},
		telecloud.WithBaseURL(srv.URL), telecloud.WithFormat(f), telecloud.WithRouteStyle(style), fastRetry,
		telecloud.WithHTTPClient(&http.Client{Transport: typedCalls{style}}))
	require.NoError(t, err)
	return c
}

// newRawClient is a client of srv whose requests are not counted.
func newRawClient(t *testing.T, srv *telecloudtest.Server, id, key string, f telecloud.Format, style telecloud.RouteStyle) *telecloud.Client {
	t.Helper()
	c, err := telecloud.New(telecloud.Credentials{APIIDKey: telecloud.NewSecret(id), APIKey: telecloud.NewSecret(key)},
		telecloud.WithBaseURL(srv.URL), telecloud.WithFormat(f), telecloud.WithRouteStyle(style), fastRetry)
	require.NoError(t, err)
	return c
}

// calledRoutes holds "verb PATCH /API/xml/Alerts/" (style, verb, path) for
// every request of a typed client.
var calledRoutes sync.Map

// typedCalls records the style, verb and path of each request of a typed
// client.
type typedCalls struct{ style telecloud.RouteStyle }

func (tc typedCalls) RoundTrip(r *http.Request) (*http.Response, error) {
	calledRoutes.Store(tc.style.String()+" "+r.Method+" "+r.URL.Path, true)
	return http.DefaultTransport.RoundTrip(r)
}

// TestMain checks, after a full run that passed, that the tests called
// every one of the 76 service/methods through its typed Go method in both
// formats and every route style, at the path of that style.
func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 && flag.Lookup("test.run").Value.String() == "" && flag.Lookup("test.skip").Value.String() == "" {
		var missing []string
		n := 0
		for _, r := range telecloud.Routes() {
			for _, f := range e2eFormats {
				for _, style := range e2eStyles {
					n++
					key := style.String() + " " + r.Verb + " " + r.Path(style, f)
					if _, ok := calledRoutes.Load(key); !ok {
						missing = append(missing, string(f)+" "+style.String()+" "+r.Op())
					}
				}
			}
		}
		if len(telecloud.Routes()) != 76 {
			fmt.Fprintf(os.Stderr, "telecloud.Routes() lists %d methods, not 76\n", len(telecloud.Routes()))
			code = 1
		}
		if len(missing) > 0 {
			sort.Strings(missing)
			fmt.Fprintf(os.Stderr, "the end-to-end tests never called %d of %d typed method/format/style triples:\n  %s\n",
				len(missing), n, strings.Join(missing, "\n  "))
			code = 1
		}
	}
	os.Exit(code)
}

// vendorError asserts that err is TeleCloud's error envelope with message
// msg, and returns it. A call that is not a read carries its trans_id.
func vendorError(t *testing.T, err error, msg string) *telecloud.Error {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, telecloud.ErrVendor)
	var te *telecloud.Error
	require.ErrorAs(t, err, &te)
	assert.Equal(t, msg, te.Message)
	assert.Equal(t, 200, te.HTTPStatus, "TeleCloud answers its errors with HTTP 200")
	if _, method, _ := strings.Cut(te.Op, "/"); !isRead(method) {
		assert.NotEmpty(t, te.RequestID, "%s refused without a trans_id", te.Op)
	}
	return te
}

// isRead reports whether a method is a read (no trans_id).
func isRead(method string) bool {
	return strings.HasPrefix(method, "Search") || method == "Qualify" || method == "Estimate"
}

// invalidInput asserts that err was refused before sending: a
// *ValidationError matching ErrInvalidInput naming field.
func invalidInput(t *testing.T, err error, field string) {
	t.Helper()
	require.ErrorIs(t, err, telecloud.ErrInvalidInput)
	var ve *telecloud.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, field, ve.Field, "%v", err)
	assert.False(t, errors.Is(err, telecloud.ErrVendor))
}

// newCustomer creates a customer of the VAR and returns its account number.
func (e *e2e) newCustomer(first, last string) string {
	e.t.Helper()
	res, err := e.c.Customers.Create(e.ctx, telecloud.CustomerCreateRequest{FirstName: first, LastName: last,
		Email: first + "." + last + "@example.com"})
	require.NoError(e.t, err)
	require.NotEmpty(e.t, res.AccountNumber)
	return res.AccountNumber
}

// newOrder places an order on the seeded rate plan for account, with the
// prompted variables, and returns its number.
func (e *e2e) newOrder(account string) string {
	e.t.Helper()
	res, err := e.c.Orders.Create(e.ctx, telecloud.OrderCreateRequest{AccountNumber: account,
		RatePlanID: telecloudtest.SeedRatePlan, Vars: telecloud.VarValues{1: testIMEI, 2: testICCID}})
	require.NoError(e.t, err)
	require.NotEmpty(e.t, res.Order.OrderNumber)
	return res.Order.OrderNumber
}

// order looks an order up with Order/Search.
func (e *e2e) order(number string) telecloud.Order {
	e.t.Helper()
	res, err := e.c.Orders.Search(e.ctx, telecloud.OrderSearchRequest{OrderNumber: number})
	require.NoError(e.t, err)
	require.Len(e.t, res.Orders, 1, "order %s", number)
	return res.Orders[0]
}

// customer loads one customer account with Customer/Search.
func (e *e2e) customer(account string) telecloud.Customer {
	e.t.Helper()
	res, err := e.c.Customers.Search(e.ctx, telecloud.CustomerSearchRequest{AccountNumber: account})
	require.NoError(e.t, err)
	require.Len(e.t, res.Customers, 1, "customer %s", account)
	return res.Customers[0]
}

// balance is a cloud account's balance as the server keeps it.
func (e *e2e) balance(cloudAccount string) string {
	e.t.Helper()
	b, ok := e.srv.Balance(cloudAccount)
	require.True(e.t, ok)
	return b
}

// transaction looks a trans_id up with Transaction/Search.
func (e *e2e) transaction(transID string) telecloud.Transaction {
	e.t.Helper()
	require.NotEmpty(e.t, transID)
	res, err := e.c.Transactions.Search(e.ctx, telecloud.TransactionSearchRequest{TransID: transID})
	require.NoError(e.t, err)
	require.Len(e.t, res.Transactions, 1, "trans_id %s", transID)
	return res.Transactions[0]
}

// money parses a constant amount.
func money(s string) telecloud.Money { return telecloud.MustMoney(s) }

// assertMoney compares an amount with its text.
func assertMoney(t *testing.T, want string, got telecloud.Money, msgAndArgs ...any) {
	t.Helper()
	assert.True(t, got.IsSet(), msgAndArgs...)
	assert.Equal(t, want, got.String(), msgAndArgs...)
}

// intp returns a pointer to n.
func intp(n int) *int { return &n }
