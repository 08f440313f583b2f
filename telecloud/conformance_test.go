package telecloud_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"maps"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ispkit/ispkit/internal/conformance"
	"github.com/ispkit/ispkit/telecloud"
)

// The conformance adapter: every operation of the client — the 76 typed
// methods, Client.Call and Orders.Wait — through the hostile-server
// matrix of internal/conformance.

var (
	confIDKey  = conformance.Secret("tcI7d")
	confAPIKey = conformance.Secret("tcK9y")
	// confCVV is the one secret that must be digits (three or four). It is
	// sent but not in Adapter.Secrets: the kit checks a digits-only secret
	// whole, and four digits occur by chance in what it checks (a pointer
	// printed by the printing sweep, a hex or base64 echo), so the check
	// would pass or fail by luck. TestCVVNeverShown checks it instead, in
	// texts without chance digits.
	confCVV = "9186"
)

// confFieldSecrets are the values of the Secret fields of the requests, by
// field name. The tags mix cases and digits: the kit matches base64 by the
// characters a fragment alone determines, 24 of its 32 bits at some
// alignments, so a tag that is a word ("ssn", "card") matches the echo of
// a parameter name ("ssn=", "dashboard=") that differs in the bits left out.
var confFieldSecrets = map[string]string{
	"Password":         conformance.Secret("pW4"),
	"DL":               conformance.Secret("dL6"),
	"SSN":              conformance.Secret("sN2"),
	"Credentials1":     conformance.Secret("gA1"),
	"Credentials2":     conformance.Secret("gB2"),
	"Credentials3":     conformance.Secret("gC3"),
	"Credentials4":     conformance.Secret("gD4"),
	"Number":           conformance.Secret("cQ8"),
	"RoutingNumber":    conformance.Secret("rT5"),
	"PlaidAccountID":   conformance.Secret("pA3"),
	"PlaidAccessToken": conformance.Secret("pT7"),
	"PlaidItemID":      conformance.Secret("pI9"),
	"CVV":              confCVV,
}

func confSecret(t *testing.T) func(string) string {
	return func(field string) string {
		s, ok := confFieldSecrets[field]
		if !ok {
			t.Fatalf("no conformance secret for the field %s", field)
		}
		return s
	}
}

func confCredentials() telecloud.Credentials {
	return telecloud.Credentials{APIIDKey: telecloud.NewSecret(confIDKey), APIKey: telecloud.NewSecret(confAPIKey)}
}

func confClient(env conformance.Env) (*telecloud.Client, error) {
	opts := []telecloud.Option{
		telecloud.WithBaseURL(env.BaseURL),
		telecloud.WithHTTPClient(env.HTTPClient),
		telecloud.WithLogger(env.Logger),
		telecloud.WithRetry(telecloud.RetryPolicy(env.Retry)),
	}
	if env.MaxResponseSize > 0 {
		opts = append(opts, telecloud.WithMaxResponseSize(env.MaxResponseSize))
	}
	return telecloud.New(confCredentials(), opts...)
}

func confOp(name string, f func(ctx context.Context, c *telecloud.Client) error) conformance.Op {
	return conformance.Op{Name: name, Call: func(ctx context.Context, c any) error {
		err := f(ctx, c.(*telecloud.Client))
		confShape(name, err)
		return err
	}}
}

// confMisshapen collects the errors of the matrix's calls that break the
// package's promises on their shape: every error starts with "telecloud: "
// and is an *Error naming its Op (or a *ValidationError, which no valid
// call may give).
var confMisshapen sync.Map // op name → error text

func confShape(name string, err error) {
	if err == nil {
		return
	}
	var e *telecloud.Error
	switch {
	case !strings.HasPrefix(err.Error(), "telecloud: "):
		confMisshapen.Store(name, "no package prefix")
	case !errors.As(err, &e):
		confMisshapen.Store(name, fmt.Sprintf("a %T, not an *Error", err))
	case e.Op == "" || strings.Count(e.Op, "/") != 1:
		confMisshapen.Store(name, fmt.Sprintf("Op %q is not Service/Method", e.Op))
	}
}

func second[T any](_ T, err error) error { return err }

// confOps is every exported operation; TestConformanceOpsComplete keeps it so.
func confOps(t *testing.T) []conformance.Op {
	var ops []conformance.Op
	for _, tc := range telecloud.TypedCalls(t, confSecret(t)) {
		ops = append(ops, confOp(tc.Name, tc.Call))
	}
	sec := func(field string) telecloud.Secret { return telecloud.NewSecret(confFieldSecrets[field]) }
	ops = append(ops,
		// The generic call of PaymentMethods.Create is a card: the bank
		// account and Plaid secrets go in these two.
		confOp("PaymentMethods.Create/bank", func(ctx context.Context, c *telecloud.Client) error {
			return second(c.PaymentMethods.Create(ctx, telecloud.PaymentMethodCreateRequest{Type: telecloud.PaymentBank,
				Number: sec("Number"), RoutingNumber: sec("RoutingNumber"), BankAccountType: telecloud.BankBusinessChecking}))
		}),
		confOp("PaymentMethods.Create/plaid", func(ctx context.Context, c *telecloud.Client) error {
			return second(c.PaymentMethods.Create(ctx, telecloud.PaymentMethodCreateRequest{AccountNumber: "7105045",
				Type: telecloud.PaymentBank, PlaidAccountID: sec("PlaidAccountID"), PlaidAccessToken: sec("PlaidAccessToken"),
				PlaidItemID: sec("PlaidItemID")}))
		}),
		// Call: a POST with secrets by name (password, cvv) and by the
		// tables' marks (dl, payment_account_number), and a GET.
		confOp("Call/POST", func(ctx context.Context, c *telecloud.Client) error {
			var out struct{ telecloud.Meta }
			return c.Call(ctx, "Customer/Edit", url.Values{"account_number": {"7105045"}, "password": {confFieldSecrets["Password"]},
				"dl": {confFieldSecrets["DL"]}, "payment_account_number": {confFieldSecrets["Number"]}, "cvv": {confCVV}}, &out)
		}),
		confOp("Call/GET", func(ctx context.Context, c *telecloud.Client) error {
			return c.Call(ctx, "Customer/Search", url.Values{"ssn": {confFieldSecrets["SSN"]}, "dl": {confFieldSecrets["DL"]}},
				&telecloud.CustomerSearchResponse{}, telecloud.WithParam("password", confFieldSecrets["Password"]))
		}),
		confOp("Orders.Wait", func(ctx context.Context, c *telecloud.Client) error {
			return second(c.Orders.Wait(ctx, confOrder, &telecloud.WaitOptions{MinInterval: 5 * time.Millisecond,
				MaxInterval: 20 * time.Millisecond, AccountNumber: "7105045"}))
		}),
	)
	return ops
}

// confOrder is the order Orders.Wait follows, which the order-failed
// envelope lists as FAILED.
const confOrder = "Z8111Z"

func jsonText(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// xmlAttr and xmlText escape for an attribute value and for text.
func xmlAttr(s string) string { return html.EscapeString(s) }
func xmlText(s string) string { return html.EscapeString(s) }

// cdata wraps s in CDATA, splitting any "]]>" it holds.
func cdata(s string) string {
	return "<![CDATA[" + strings.ReplaceAll(s, "]]>", "]]]]><![CDATA[>") + "]]>"
}

func isVendor(err error) bool { return errors.Is(err, telecloud.ErrVendor) }
func isBad(err error) bool    { return errors.Is(err, telecloud.ErrBadResponse) }

// confEnvelopes are TeleCloud's answers with the echo in the trans_id
// attribute, the error text, and the values of a success.
var confEnvelopes = []conformance.Envelope{
	{Name: "tc-error-xml", Status: http.StatusOK, ContentType: "text/xml", Expect: isVendor, Body: func(echo string) string {
		return `<?xml version="1.0"?><telecloud trans_id="` + xmlAttr(echo) + `"><error>` + xmlText(echo) + `</error></telecloud>`
	}},
	{Name: "tc-error-json", Status: http.StatusOK, ContentType: "application/json", Expect: isVendor, Body: func(echo string) string {
		return `{"@attributes":{"trans_id":` + jsonText(echo) + `},"error":` + jsonText(echo) + `}`
	}},
	{Name: "tc-error-cdata-500", Status: http.StatusInternalServerError, ContentType: "text/xml", Expect: isVendor, Body: func(echo string) string {
		return `<telecloud trans_id="` + xmlAttr(echo) + `"><error>` + cdata(echo) + `</error></telecloud>`
	}},
	// Cut short: the root is never closed.
	{Name: "tc-truncated-xml", Status: http.StatusOK, ContentType: "text/xml", Expect: isBad, Body: func(echo string) string {
		return `<telecloud trans_id="` + xmlAttr(echo) + `"><customer account_number="7105045"><STATUS>` + xmlText(echo) + `</STATUS>`
	}},
	{Name: "tc-truncated-json", Status: http.StatusOK, ContentType: "application/json", Expect: isBad, Body: func(echo string) string {
		return `{"@attributes":{"trans_id":` + jsonText(echo) + `},"customer":{"STATUS":` + jsonText(echo)
	}},
	// A value of the wrong kind in the elements every Search, Create and
	// Edit response reads (a count, a number, a status, a flag, money).
	{Name: "tc-bad-values", Status: http.StatusOK, ContentType: "text/xml", Body: func(echo string) string {
		e := xmlText(echo)
		return `<telecloud trans_id="` + xmlAttr(echo) + `"><customer account_number="7105045"><STATUS>` + e + `</STATUS>` +
			`<balance>` + e + `</balance></customer><order order_number="` + confOrder + `"><status>` + e + `</status>` +
			`<created>` + e + `</created></order></telecloud>`
	}},
	// A FAILED order whose text is the echo (Orders.Wait's failure).
	{Name: "tc-order-failed", Status: http.StatusOK, ContentType: "text/xml", Body: func(echo string) string {
		e := xmlText(echo)
		return `<telecloud trans_id="` + xmlAttr(echo) + `"><Orders><order order_number="` + confOrder + `"><account_number>7105045</account_number>` +
			`<status>FAILED</status><error>` + e + `</error></order></Orders>` +
			`<transactions><transaction trans_id="` + xmlAttr(echo) + `"><service>Order/Create</service><status>FAILED</status><error>` + e +
			`</error></transaction></transactions></telecloud>`
	}},
}

func confError(err error) *telecloud.Error {
	var e *telecloud.Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

func confStatus(err error) int {
	if e := confError(err); e != nil {
		return e.HTTPStatus
	}
	return 0
}

func confAdapter(t *testing.T) conformance.Adapter {
	printable, err := telecloud.New(confCredentials(), telecloud.WithBaseURL("http://127.0.0.1:1"))
	if err != nil {
		t.Fatal(err)
	}
	secrets := []string{confIDKey, confAPIKey}
	for _, field := range slices.Sorted(maps.Keys(confFieldSecrets)) {
		if field != "CVV" {
			secrets = append(secrets, confFieldSecrets[field])
		}
	}
	sec := func(field string) telecloud.Secret { return telecloud.NewSecret(confFieldSecrets[field]) }
	return conformance.Adapter{
		Vendor:      "telecloud",
		Secrets:     secrets,
		Credentials: []string{confIDKey, confAPIKey},
		New:         func(env conformance.Env) (any, error) { return confClient(env) },
		Ops:         confOps(t),
		// Only searches change nothing; Qualify and Estimate are GETs the
		// package does not send twice either.
		Unsafe: func(r *http.Request, _ []byte) bool {
			return !strings.HasPrefix(r.URL.Path[strings.LastIndexByte(r.URL.Path, '/')+1:], "Search")
		},
		Envelopes: confEnvelopes,
		Classify: conformance.Classifier{
			IsBadResponse: isBad,
			IsRedirect:    func(err error) bool { s := confStatus(err); return s >= 300 && s < 400 },
			IsRateLimited: func(err error) bool { return confStatus(err) == http.StatusTooManyRequests },
			RetryAfter: func(err error) (time.Duration, bool) {
				e := confError(err)
				return e.RetryAfter, e != nil && e.RetryAfter > 0
			},
			IsServerError: func(err error) bool { return confStatus(err) >= 500 },
		},
		Printables: []any{
			confCredentials(), printable, printable.Customers,
			telecloud.CustomerCreateRequest{Password: sec("Password"), DL: sec("DL"), SSN: sec("SSN")},
			telecloud.CustomerEditRequest{Password: sec("Password"), DL: sec("DL"), SSN: sec("SSN")},
			telecloud.CustomerSearchRequest{Password: sec("Password"), DL: sec("DL"), SSN: sec("SSN")},
			telecloud.Customer{Password: sec("Password"), DL: sec("DL"), SSN: sec("SSN")},
			telecloud.PaymentMethodCreateRequest{Number: sec("Number"), RoutingNumber: sec("RoutingNumber"), CVV: sec("CVV"),
				PlaidAccountID: sec("PlaidAccountID"), PlaidAccessToken: sec("PlaidAccessToken"), PlaidItemID: sec("PlaidItemID")},
			telecloud.BillingAddFundsRequest{CVV: sec("CVV")},
			telecloud.GatewayCreateRequest{Credentials1: sec("Credentials1"), Credentials2: sec("Credentials2"),
				Credentials3: sec("Credentials3"), Credentials4: sec("Credentials4")},
			telecloud.GatewayEditRequest{Credentials1: sec("Credentials1"), Credentials4: sec("Credentials4")},
			telecloud.GatewayCredential{Value: sec("Credentials1")},
			telecloud.ModuleCreateRequest{Credentials1: sec("Credentials1"), Credentials4: sec("Credentials4")},
			telecloud.User{InitialPassword: sec("Password")},
		},
	}
}

// TestConformanceOpsComplete: confOps names every exported method of the
// client and of each of its services.
func TestConformanceOpsComplete(t *testing.T) {
	ops := confOps(t)
	c, err := telecloud.New(confCredentials())
	if err != nil {
		t.Fatal(err)
	}
	missing := conformance.Uncovered(ops, "", c, "BaseURL", "HTTPClient", "String", "GoString", "Format")
	// Every service: the exported fields of the Client.
	cv := reflect.ValueOf(c).Elem()
	services := 0
	for i := 0; i < cv.NumField(); i++ {
		if f := cv.Type().Field(i); f.IsExported() {
			missing = append(missing, conformance.Uncovered(ops, f.Name, cv.Field(i).Interface())...)
			services++
		}
	}
	if services != 19 {
		t.Errorf("%d services, want 19", services)
	}
	if len(missing) > 0 {
		t.Errorf("operations without a conformance Op: %v", missing)
	}
	if len(ops) != 76+5 {
		t.Errorf("%d ops, want the 76 typed methods and 5 more", len(ops))
	}
}

// TestConformance runs every operation through the hostile-server matrix.
// Not parallel: the memory scenarios measure the process's allocations.
func TestConformance(t *testing.T) {
	conformance.Run(t, confAdapter(t))
	confMisshapen.Range(func(op, what any) bool {
		t.Errorf("%s: an error of the wrong shape: %s", op, what)
		return true
	})
}
