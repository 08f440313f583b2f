package telecloud

// The redaction sweep: calls carrying every kind of secret the package
// knows (the API keys, card and bank account numbers, CVV, routing number,
// the Plaid values, a customer's password, SSN and driver's licence number,
// gateway credentials), driven through every way a call can fail against a
// hostile server that echoes what it received into its answers (an error
// envelope, an HTML 500, truncated XML and JSON, an undecodable value, a
// 200 that is the form itself, a hang-up, an unreachable host), in both
// formats, with a debug logger attached. No fmt verb of an error, no line
// of the log, no fmt verb or slog record of the Credentials, the Client or
// the requests may hold a secret, as written, URL-encoded, XML-escaped or
// JSON-escaped. The leaks the package has today are pinned by the tests
// marked "BUG:" below.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	// rdIDKey and rdAPIKey are keys that escaping leaves as they are (see
	// TestRedactionEscapedCredentials for the others).
	rdIDKey  = "tcIDKEY7f3a9c0d21"
	rdAPIKey = "tcAPIKEY5be21d9e44"

	rdCard         = "4111111111111111"
	rdBank         = "000123456789"
	rdCVV          = "7391"
	rdRouting      = "021000021"
	rdPlaidAccount = "plaid-acct-Zx9&q<1>"
	rdPlaidToken   = `access-sandbox-8ab"976"&=+c`
	rdPlaidItem    = "plaid-item-7Gh/2F x"
	rdPassword     = `cust-pw"<&>'+ /9`
	rdSSN          = "123-45-6789"
	rdDL           = "D1234567&X'Y"
	rdGateway      = "sk_live_gw&Cred<1>"
	rdGateway2     = "whsec gw/2+x"
)

// rdSecrets is every secret value the sweep sends.
var rdSecrets = []string{rdIDKey, rdAPIKey, rdCard, rdBank, rdCVV, rdRouting, rdPlaidAccount, rdPlaidToken,
	rdPlaidItem, rdPassword, rdSSN, rdDL, rdGateway, rdGateway2}

// rdJSONForms are s as JSON text carries it inside a string: escaped as Go
// writes it (\u003c for '<') and as most other encoders do.
func rdJSONForms(s string) []string {
	goForm, _ := json.Marshal(s)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	plain := strings.TrimSpace(b.String())
	return []string{string(goForm[1 : len(goForm)-1]), plain[1 : len(plain)-1]}
}

// rdXMLEscape is s as XML text.
func rdXMLEscape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// rdForms are the spellings of a secret that must never be shown.
func rdForms(s string) []string {
	out := []string{s, url.QueryEscape(s), rdXMLEscape(s)}
	out = append(out, rdJSONForms(s)...)
	return out
}

// rdLeaks returns "where: form" for every spelling of a secret found in texts.
func rdLeaks(where string, texts []string, secrets []string) []string {
	var out []string
	for _, text := range texts {
		for _, s := range secrets {
			for _, f := range rdForms(s) {
				if strings.Contains(text, f) {
					out = append(out, fmt.Sprintf("%s: %q in %.300s", where, f, text))
				}
			}
		}
	}
	return out
}

// rdLogNoise matches a log record's time and duration.
var rdLogNoise = regexp.MustCompile(`"(time|duration)":("[^"]*"|[0-9.e+-]+),?`)

// rdNeutral replaces the hostile server's address in texts, whose port
// could hold a short secret's digits.
func rdNeutral(texts []string, serverURL string) []string {
	host := strings.TrimPrefix(serverURL, "http://")
	out := make([]string, len(texts))
	for i, s := range texts {
		out[i] = strings.ReplaceAll(s, host, "HOST")
	}
	return out
}

// rdVerbs is v in every fmt verb.
func rdVerbs(v any) []string {
	var out []string
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
		out = append(out, fmt.Sprintf(verb, v))
	}
	return out
}

// rdBuffer is a log sink safe for concurrent writes.
type rdBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *rdBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *rdBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// rdHostile answers according to the first path segment (the failure
// mode), echoing the request's parameters: as written, URL-encoded as they
// came, and in the answer's own escaping.
type rdHostile struct {
	mu   sync.Mutex
	hits map[string]int
}

func (h *rdHostile) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	mode, rest, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	h.mu.Lock()
	h.hits[mode]++
	h.mu.Unlock()
	jsonFormat := strings.HasPrefix(rest, "API/json/")

	params := r.URL.Query()
	if form, err := url.ParseQuery(string(body)); err == nil {
		for k, v := range form {
			params[k] = append(params[k], v...)
		}
	}
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var written strings.Builder
	for _, k := range keys {
		for _, v := range params[k] {
			fmt.Fprintf(&written, "%s=%s; ", k, v)
		}
	}
	wire := r.URL.RawQuery + " " + string(body)
	echo := "refused " + written.String() + "| request " + wire

	jsonStr := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	switch mode {
	case "envelope", "envelope400":
		status := http.StatusOK
		if mode == "envelope400" {
			status = http.StatusBadRequest
		}
		w.WriteHeader(status)
		if jsonFormat {
			fmt.Fprintf(w, `{"@attributes":{"trans_id":"9"},"error":%s}`, jsonStr(echo))
			return
		}
		fmt.Fprintf(w, `<?xml version="1.0"?><telecloud trans_id="9"><error>%s</error></telecloud>`, rdXMLEscape(echo))
	case "cdata":
		fmt.Fprintf(w, `<?xml version="1.0"?><telecloud trans_id="9"><error><![CDATA[%s]]></error></telecloud>`, echo)
	case "html500":
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintf(w, "<html><body><h1>Fatal error</h1><p>%s</p><pre>%s</pre><script>var req = %s;</script></body></html>",
			echo, rdXMLEscape(echo), jsonStr(echo))
	case "truncxml":
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><telecloud trans_id="9"><customer account_number="7105045">`)
		for _, k := range keys {
			fmt.Fprintf(&b, "<%s>%s</%s>", k, rdXMLEscape(params.Get(k)), k)
		}
		fmt.Fprintf(&b, "<echo>%s", rdXMLEscape(echo))
		_, _ = io.WriteString(w, b.String())
	case "truncjson":
		var b strings.Builder
		b.WriteString(`{"@attributes":{"trans_id":"9"},"customer":{`)
		for _, k := range keys {
			fmt.Fprintf(&b, "%s:%s,", jsonStr(k), jsonStr(params.Get(k)))
		}
		fmt.Fprintf(&b, `"echo":%s`, jsonStr(echo))
		_, _ = io.WriteString(w, strings.TrimSuffix(b.String(), `"`))
	case "badvalue":
		// A value of the wrong kind that quotes the request (Customer/Search
		// cannot read it as a status).
		if jsonFormat {
			fmt.Fprintf(w, `{"@attributes":{"trans_id":"9"},"customer":{"@attributes":{"account_number":"7105045"},"STATUS":%s}}`, jsonStr(echo))
			return
		}
		fmt.Fprintf(w, `<telecloud trans_id="9"><customer account_number="7105045"><STATUS>%s</STATUS></customer></telecloud>`, rdXMLEscape(echo))
	case "form200":
		w.Header().Set("Content-Type", "application/x-www-form-urlencoded")
		_, _ = io.WriteString(w, strings.TrimSpace(wire))
	case "text200":
		w.Header().Set("Content-Type", "text/plain")
		_, _ = io.WriteString(w, echo)
	case "busy":
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = io.WriteString(w, echo)
	case "hangup":
		hj, ok := w.(http.Hijacker)
		if !ok {
			http.Error(w, "no hijack", http.StatusInternalServerError)
			return
		}
		conn, _, err := hj.Hijack()
		if err == nil {
			_ = conn.Close()
		}
	default:
		http.NotFound(w, r)
	}
}

// rdModes are the failure modes of the hostile server.
var rdModes = []string{"envelope", "envelope400", "cdata", "html500", "truncxml", "truncjson", "badvalue", "form200", "text200", "busy", "hangup"}

// rdCall is one call carrying secrets.
type rdCall struct {
	name string
	call func(context.Context, *Client) error
}

// rdRequests are the typed requests the sweep sends, also printed.
func rdRequests() (card, bank, plaid *PaymentMethodCreateRequest, create *CustomerCreateRequest, edit *CustomerEditRequest,
	search *CustomerSearchRequest, funds *BillingAddFundsRequest, gateway *GatewayCreateRequest) {
	card = &PaymentMethodCreateRequest{AccountNumber: "7105045", Type: PaymentCard, Number: NewSecret(rdCard), ExpirationMonth: "02",
		ExpirationYear: "29", CVV: NewSecret(rdCVV)}
	bank = &PaymentMethodCreateRequest{AccountNumber: "7105045", Type: PaymentBank, Number: NewSecret(rdBank), RoutingNumber: NewSecret(rdRouting),
		BankAccountType: BankPersonalChecking}
	plaid = &PaymentMethodCreateRequest{Type: PaymentBank, PlaidAccountID: NewSecret(rdPlaidAccount), PlaidAccessToken: NewSecret(rdPlaidToken),
		PlaidItemID: NewSecret(rdPlaidItem)}
	create = &CustomerCreateRequest{FirstName: "Don", LastName: "Hawkins", ZipCode: "17109", Password: NewSecret(rdPassword), SSN: NewSecret(rdSSN), DL: NewSecret(rdDL)}
	edit = &CustomerEditRequest{AccountNumber: "7105045", Password: NewSecret(rdPassword), SSN: NewSecret(rdSSN), DL: NewSecret(rdDL)}
	// The licence is left out of the search: TestRedactionLicenceInSearchURL.
	search = &CustomerSearchRequest{LastName: "Hawkins", Password: NewSecret(rdPassword), SSN: NewSecret(rdSSN)}
	funds = &BillingAddFundsRequest{PaymentMethodID: "3001", Type: PaymentCard, Amount: MustMoney("25.00"), CVV: NewSecret(rdCVV)}
	gateway = &GatewayCreateRequest{Name: "STRIPE", Credentials1: NewSecret(rdGateway), Credentials2: NewSecret(rdGateway2)}
	return
}

func rdCalls() []rdCall {
	card, bank, plaid, create, edit, search, funds, gateway := rdRequests()
	return []rdCall{
		{"PaymentMethod/Create card", func(ctx context.Context, c *Client) error { return gkErr(c.PaymentMethods.Create(ctx, card)) }},
		{"PaymentMethod/Create bank", func(ctx context.Context, c *Client) error { return gkErr(c.PaymentMethods.Create(ctx, bank)) }},
		{"PaymentMethod/Create Plaid", func(ctx context.Context, c *Client) error { return gkErr(c.PaymentMethods.Create(ctx, plaid)) }},
		{"Customer/Create", func(ctx context.Context, c *Client) error { return gkErr(c.Customers.Create(ctx, create)) }},
		{"Customer/Edit", func(ctx context.Context, c *Client) error { return gkErr(c.Customers.Edit(ctx, edit)) }},
		{"Customer/Search", func(ctx context.Context, c *Client) error { return gkErr(c.Customers.Search(ctx, search)) }},
		{"Billing/AddFunds", func(ctx context.Context, c *Client) error { return gkErr(c.Billing.AddFunds(ctx, funds)) }},
		{"Gateways/Create", func(ctx context.Context, c *Client) error { return gkErr(c.Gateways.Create(ctx, gateway)) }},
		{"Call with secret names", func(ctx context.Context, c *Client) error {
			return c.Call(ctx, "Customer/Search", url.Values{"password": {rdPassword}, "ssn": {rdSSN}, "cvv": {rdCVV}}, &CustomerSearchResponse{})
		}},
		{"WithParam with a secret name", func(ctx context.Context, c *Client) error {
			return gkErr(c.Customers.Create(ctx, &CustomerCreateRequest{FirstName: "Don"}, WithParam("password", rdPassword),
				WithParam("routing_number", rdRouting)))
		}},
	}
}

// rdSweep runs calls against every failure mode of the hostile server and
// an unreachable host, in both formats, with a debug logger, and returns
// the leaks found in the errors and the log, and the errors seen.
func rdSweep(t *testing.T, creds Credentials, calls []rdCall, secrets []string) (leaks []string, errs []error, log string) {
	t.Helper()
	h := &rdHostile{hits: map[string]int{}}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	var logs rdBuffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	retry := WithRetry(RetryPolicy{MaxAttempts: 2, MinWait: time.Millisecond, MaxWait: time.Millisecond, MaxRetryAfter: time.Second})

	bases := []string{"http://127.0.0.1:1/unreachable"}
	for _, m := range rdModes {
		bases = append(bases, srv.URL+"/"+m)
	}
	for _, base := range bases {
		for _, format := range []Format{FormatXML, FormatJSON} {
			c, err := New(creds, WithBaseURL(base), WithLogger(logger), retry, WithFormat(format))
			require.NoError(t, err)
			for _, call := range calls {
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				err := call.call(ctx, c)
				cancel()
				where := fmt.Sprintf("%s %s %s", base, format, call.name)
				if err == nil {
					continue
				}
				errs = append(errs, err)
				var ve *ValidationError
				assert.False(t, errors.As(err, &ve), "%s: refused locally: %v", where, err)
				leaks = append(leaks, rdLeaks(where, rdNeutral(rdVerbs(err), srv.URL), secrets)...)
			}
		}
	}
	h.mu.Lock()
	for _, m := range rdModes {
		assert.Positive(t, h.hits[m], "mode %s reached", m)
	}
	h.mu.Unlock()
	log = logs.String()
	sc := bufio.NewScanner(strings.NewReader(log))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var lines []string
	for sc.Scan() {
		// The time, the duration and the server's port are numbers that a
		// short secret (a CVV) could happen to be part of.
		require.True(t, json.Valid(sc.Bytes()), "log line %s", sc.Text())
		lines = append(lines, rdLogNoise.ReplaceAllString(sc.Text(), ""))
	}
	leaks = append(leaks, rdLeaks("log", rdNeutral(lines, srv.URL), secrets)...)
	return leaks, errs, log
}

func TestRedactionSweep(t *testing.T) {
	creds := Credentials{APIIDKey: rdIDKey, APIKey: rdAPIKey}
	leaks, errs, log := rdSweep(t, creds, rdCalls(), rdSecrets)
	assert.Empty(t, leaks)

	// The sweep saw every kind of failure.
	var vendor, status, bad, transportFailures int
	for _, err := range errs {
		switch {
		case errors.Is(err, ErrVendor):
			vendor++
		case errors.Is(err, ErrHTTPStatus):
			status++
		case errors.Is(err, ErrBadResponse):
			bad++
		default:
			transportFailures++
		}
	}
	assert.Positive(t, vendor, "error envelopes")
	assert.Positive(t, status, "HTTP statuses")
	assert.Positive(t, bad, "unreadable answers")
	assert.Positive(t, transportFailures, "transport failures")
	assert.Contains(t, log, `"status":503`, "debug logging recorded the attempts")
	assert.Contains(t, log, `"attempt":2`, "and the retries of the searches")
	assert.Contains(t, log, "REDACTED", "and redacted the URLs")

	// The echoed parameters that are not secrets are kept: the redaction
	// is not blanket.
	var envelope *Error
	for _, err := range errs {
		var e *Error
		if errors.As(err, &e) && errors.Is(err, ErrVendor) && strings.Contains(e.Message, "first_name=Don") {
			envelope = e
			break
		}
	}
	require.NotNil(t, envelope, "an echoed envelope")
	assert.Contains(t, envelope.Message, "password=REDACTED")
	assert.Contains(t, envelope.Message, "API_KEY=REDACTED")
}

// rdValueTexts is v in the given verbs and in slog's JSON and text handlers.
func rdValueTexts(v any, verbs ...string) []string {
	var texts []string
	for _, verb := range verbs {
		texts = append(texts, fmt.Sprintf(verb, v))
	}
	for _, handler := range []func(io.Writer) slog.Handler{
		func(w io.Writer) slog.Handler { return slog.NewJSONHandler(w, nil) },
		func(w io.Writer) slog.Handler { return slog.NewTextHandler(w, nil) },
	} {
		var b bytes.Buffer
		slog.New(handler(&b)).Info("value", "v", v)
		texts = append(texts, b.String())
	}
	return texts
}

var rdAllVerbs = []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"}

// The Credentials, the Client and the requests holding secrets print
// without them, in every verb and in slog.
func TestRedactionValues(t *testing.T) {
	creds := Credentials{APIIDKey: rdIDKey, APIKey: rdAPIKey}
	c, err := New(creds, WithBaseURL("http://127.0.0.1:1"))
	require.NoError(t, err)
	card, bank, plaid, create, edit, search, funds, gateway := rdRequests()
	var leaks []string
	for name, v := range map[string]any{
		"Credentials": creds, "*Credentials": &creds,
		"card": card, "bank": bank, "plaid": plaid, "create": create, "edit": edit, "search": search,
		"funds": funds, "gateway": gateway, "*card": *card, "*create": *create,
		"Customer": Customer{Password: NewSecret(rdPassword), SSN: NewSecret(rdSSN), DL: NewSecret(rdDL)},
		"User":     User{InitialPassword: NewSecret(rdPassword)},
	} {
		leaks = append(leaks, rdLeaks(name, rdValueTexts(v, rdAllVerbs...), rdSecrets)...)
	}
	// The Client and its services: the verbs that reach its String (see
	// TestRedactionClientFormatting for the others).
	leaks = append(leaks, rdLeaks("*Client", rdValueTexts(c, "%v", "%+v", "%s", "%q", "%x"), rdSecrets)...)
	leaks = append(leaks, rdLeaks("Customers", rdValueTexts(c.Customers, "%v", "%+v", "%#v"), rdSecrets)...)
	assert.Empty(t, leaks)
	assert.Contains(t, fmt.Sprint(creds), "REDACTED")
	assert.Contains(t, c.String(), "127.0.0.1:1")
}

// BUG: the Client keeps the Credentials in an unexported field, which fmt
// prints without calling Credentials' Format: %#v and %d of a *Client, any
// verb of a Client value, and %s, %q, %x or %d of a service (whose field c
// is the *Client, printed in full by fmt's bad-verb path) show the keys.
func TestRedactionClientFormatting(t *testing.T) {
	c, err := New(Credentials{APIIDKey: rdIDKey, APIKey: rdAPIKey}, WithBaseURL("http://127.0.0.1:1"))
	require.NoError(t, err)
	secrets := []string{rdIDKey, rdAPIKey}
	var leaks []string
	leaks = append(leaks, rdLeaks("*Client", rdValueTexts(c, rdAllVerbs...), secrets)...)
	leaks = append(leaks, rdLeaks("Client", rdValueTexts(*c, rdAllVerbs...), secrets)...)
	leaks = append(leaks, rdLeaks("Customers", rdValueTexts(c.Customers, rdAllVerbs...), secrets)...)
	leaks = append(leaks, rdLeaks("Orders", rdValueTexts(c.Orders, rdAllVerbs...), secrets)...)
	assert.Empty(t, leaks)
}

// BUG: Credentials has no MarshalJSON: json.Marshal (a configuration dump,
// an encoded log record) writes both keys in clear, although the type
// otherwise prints REDACTED.
func TestRedactionCredentialsJSON(t *testing.T) {
	b, err := json.Marshal(Credentials{APIIDKey: rdIDKey, APIKey: rdAPIKey})
	require.NoError(t, err)
	assert.NotContains(t, string(b), rdIDKey)
	assert.NotContains(t, string(b), rdAPIKey)
}

// BUG: keys holding characters that escaping changes are scrubbed only as
// written and as JSON writes them (client.go passes
// transport.SecretSpellings of each key to the transport), so an answer
// quoting the request URL-encoded (an echoed form, an HTML page, a
// truncated body) shows them.
func TestRedactionEscapedCredentials(t *testing.T) {
	creds := Credentials{APIIDKey: `tc-ID<7Q>&"Zeta/+1`, APIKey: `tc-KEY'9&<Omega> "/+%`}
	leaks, _, _ := rdSweep(t, creds, rdCalls()[:1], []string{creds.APIIDKey, creds.APIKey})
	assert.Empty(t, leaks)
}

// BUG: dl is marked Secret in the Customer/Search table, but the transport
// redacts a URL's query values by parameter name only
// (transport.IsSecretKey, which does not know "dl"): the debug log's url of
// a Customer/Search carrying a licence holds it in clear (and so does the
// *transport.Error that errors.Unwrap reaches, see
// TestGockSearchSecretsInUnwrappedError).
func TestRedactionLicenceInSearchURL(t *testing.T) {
	leaks, _, _ := rdSweep(t, Credentials{APIIDKey: rdIDKey, APIKey: rdAPIKey}, []rdCall{
		{"Customer/Search with dl", func(ctx context.Context, c *Client) error {
			return gkErr(c.Customers.Search(ctx, &CustomerSearchRequest{DL: NewSecret(rdDL)}))
		}},
	}, []string{rdDL})
	assert.Empty(t, leaks)
}

// BUG: Client.Call and WithParam recognise secrets by name only
// (transport.IsSecretKey), not by the tables' Secret marks: the card number
// as payment_account_number, the Plaid account_id and item_id, a licence as
// dl and gateway credentials_N, sent through Call or WithParam (the ways
// around a wrong inferred name), come back in clear from an echoing answer.
func TestRedactionCallUsesTableSecrets(t *testing.T) {
	leaks, _, _ := rdSweep(t, Credentials{APIIDKey: rdIDKey, APIKey: rdAPIKey}, []rdCall{
		{"Call PaymentMethod/Create", func(ctx context.Context, c *Client) error {
			return c.Call(ctx, "PaymentMethod/Create", url.Values{"type": {"BA"}, "payment_account_number": {rdBank},
				"account_id": {rdPlaidAccount}, "item_id": {rdPlaidItem}}, nil)
		}},
		{"WithParam payment_account_number", func(ctx context.Context, c *Client) error {
			return gkErr(c.PaymentMethods.Create(ctx, &PaymentMethodCreateRequest{Type: PaymentCard, Number: NewSecret("4000056655665556"),
				ExpirationMonth: "02", ExpirationYear: "29"}, WithParam("payment_account_number", rdCard)))
		}},
		{"Call Customer/Edit", func(ctx context.Context, c *Client) error {
			return c.Call(ctx, "Customer/Edit", url.Values{"account_number": {"7105045"}, "dl": {rdDL}}, nil)
		}},
		{"Call Gateways/Create", func(ctx context.Context, c *Client) error {
			return c.Call(ctx, "Gateways/Create", url.Values{"name": {"STRIPE"}, "credentials_1": {rdGateway}}, nil)
		}},
	}, []string{rdCard, rdBank, rdPlaidAccount, rdPlaidItem, rdDL, rdGateway})
	assert.Empty(t, leaks)
}

// rdWaitServer answers Order/Search with a FAILED order whose error text is
// orderText, and Transaction/Search with a failed transaction whose error
// text is txText.
func rdWaitServer(t *testing.T, orderText, txText string) *Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/API/xml/Order/Search":
			errEl := ""
			if orderText != "" {
				errEl = "<error>" + rdXMLEscape(orderText) + "</error>"
			}
			fmt.Fprintf(w, `<telecloud trans_id="8"><Orders><order order_number="Z8111Z"><account_number>7105045</account_number>`+
				`<status>FAILED</status>%s</order></Orders></telecloud>`, errEl)
		case "/API/xml/Transaction/Search":
			fmt.Fprintf(w, `<telecloud trans_id="9"><transactions><transaction trans_id="31"><service>Order/Create</service>`+
				`<status>FAILED</status><error>%s</error></transaction></transactions></telecloud>`, rdXMLEscape(txText))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	c, err := New(Credentials{APIIDKey: rdIDKey, APIKey: rdAPIKey}, WithBaseURL(srv.URL))
	require.NoError(t, err)
	return c
}

// A FAILED order's text that quotes the API keys: WaitForOrder's error
// shows the vendor's text as it came.
func TestRedactionWaitForOrderKeys(t *testing.T) {
	for _, tc := range []struct{ name, order, tx string }{
		{"order text", "module refused key " + rdAPIKey + " for " + rdIDKey, ""},
		{"transaction text", "", "module refused key " + rdAPIKey + " for " + rdIDKey},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := rdWaitServer(t, tc.order, tc.tx)
			_, err := c.WaitForOrder(context.Background(), "Z8111Z", &WaitOptions{Interval: time.Millisecond})
			require.ErrorIs(t, err, ErrOrderFailed)
			assert.Empty(t, rdLeaks(tc.name, rdVerbs(err), []string{rdIDKey, rdAPIKey}))
		})
	}
}

// A FAILED order's text that quotes the card it was to be paid with: the
// card was sent by an earlier call, so WaitForOrder cannot know it; the
// package's promise that card numbers never appear in errors does not hold.
func TestRedactionWaitForOrderCard(t *testing.T) {
	t.Skip("LIMITATION, not fixed: a card number that only the server's order text quotes (the client never sent it in this call) cannot be recognised without masking IMEIs and ICCIDs, which are Luhn-valid digit strings too; doc.go says so")
	c := rdWaitServer(t, "payment declined for card "+rdCard+" exp 02/29", "")
	_, err := c.WaitForOrder(context.Background(), "Z8111Z", &WaitOptions{Interval: time.Millisecond})
	require.ErrorIs(t, err, ErrOrderFailed)
	assert.Empty(t, rdLeaks("WaitForOrder", rdVerbs(err), []string{rdCard}))
}

// What WaitForOrder does scrub: nothing is lost but the vendor text, and the
// error says which order failed.
func TestRedactionWaitForOrderShape(t *testing.T) {
	c := rdWaitServer(t, "ICCID is not available", "")
	o, err := c.WaitForOrder(context.Background(), "Z8111Z", &WaitOptions{Interval: time.Millisecond})
	require.ErrorIs(t, err, ErrOrderFailed)
	require.NotNil(t, o)
	assert.Equal(t, OrderFailed, o.Status)
	assert.Contains(t, err.Error(), "Z8111Z")
	assert.Contains(t, err.Error(), "ICCID is not available")
}

// BUG: values shorter than four bytes are never scrubbed
// (transport.NewScrubber), and a CVV is three digits on most cards: an
// error envelope quoting it shows it.
func TestRedactionThreeDigitCVV(t *testing.T) {
	const cvv = "737"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		fmt.Fprintf(w, `<telecloud trans_id="9"><error>Security code %s does not match</error></telecloud>`, r.PostForm.Get("cvv"))
	}))
	t.Cleanup(srv.Close)
	c, err := New(Credentials{APIIDKey: rdIDKey, APIKey: rdAPIKey}, WithBaseURL(srv.URL))
	require.NoError(t, err)
	_, err = c.Billing.AddFunds(context.Background(), &BillingAddFundsRequest{Type: PaymentCard, Amount: MustMoney("10"), CVV: NewSecret(cvv)})
	require.ErrorIs(t, err, ErrVendor)
	for _, text := range rdVerbs(err) {
		assert.NotContains(t, text, cvv)
	}
}

// BUG: the excerpt of an unreadable answer is cut to its cap before the
// call's secrets are scrubbed from it (call.go: scrub(transport.Excerpt(…))),
// so a secret straddling the cut keeps its first bytes: here 12 of the 16
// digits of a card number.
func TestRedactionSecretCutByExcerpt(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		w.WriteHeader(http.StatusInternalServerError)
		pad := strings.Repeat("x", excerptLen-12)
		fmt.Fprintf(w, "%s%s and more", pad, r.PostForm.Get("payment_account_number"))
	}))
	t.Cleanup(srv.Close)
	c, err := New(Credentials{APIIDKey: rdIDKey, APIKey: rdAPIKey}, WithBaseURL(srv.URL), WithRetry(RetryPolicy{MaxAttempts: 1}))
	require.NoError(t, err)
	_, err = c.PaymentMethods.Create(context.Background(), &PaymentMethodCreateRequest{Type: PaymentCard, Number: NewSecret(rdCard),
		ExpirationMonth: "02", ExpirationYear: "29"})
	require.ErrorIs(t, err, ErrHTTPStatus)
	assert.NotContains(t, err.Error(), rdCard[:12], "no part of the card number longer than its last four digits")
}

// The hostile server's hang-up is a transport failure, and the unreachable
// host a dial error; a value that is not a secret is found by the sweep in
// the errors, and a query value in the log (guards on the harness).
func TestRedactionHarness(t *testing.T) {
	leaks, _, _ := rdSweep(t, Credentials{APIIDKey: rdIDKey, APIKey: rdAPIKey}, rdCalls()[3:6], []string{"Hawkins", rdPassword})
	var inErrors, inLog bool
	for _, l := range leaks {
		assert.Contains(t, l, "Hawkins", "only the value that is not a secret")
		inErrors = inErrors || strings.Contains(l, "Customer/Create")
		inLog = inLog || strings.HasPrefix(l, "log:")
	}
	assert.True(t, inErrors, "the sweep finds an echoed value in the errors")
	assert.True(t, inLog, "the sweep finds a query value in the log")

	h := &rdHostile{hits: map[string]int{}}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := New(Credentials{APIIDKey: rdIDKey, APIKey: rdAPIKey}, WithBaseURL(srv.URL+"/hangup"), WithRetry(RetryPolicy{MaxAttempts: 1}))
	require.NoError(t, err)
	_, err = c.Customers.Create(context.Background(), &CustomerCreateRequest{FirstName: "Don"})
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Zero(t, e.HTTPStatus)

	c, err = New(Credentials{APIIDKey: rdIDKey, APIKey: rdAPIKey}, WithBaseURL("http://127.0.0.1:1"), WithRetry(RetryPolicy{MaxAttempts: 1}))
	require.NoError(t, err)
	_, err = c.Customers.Create(context.Background(), &CustomerCreateRequest{FirstName: "Don"})
	var op *net.OpError
	require.ErrorAs(t, err, &op)
	assert.Equal(t, "dial", op.Op)
}
