package octane

// The redaction sweep: every operation, driven through every way a call can
// fail against a hostile server that echoes what it received (the <login>
// element, the password, the Authorization header) into its answers, with a
// debug logger attached. Neither the password, its XML-escaped form nor the
// Basic token may appear in any error, in fmt output of the error, the
// Client or the Credentials, or in the log; no request body is ever logged.

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	redactUser = "octane-operator-7f3e"
	// redactPassword has every XML-special character.
	redactPassword = `s3cr3t&P<w0rd>"'`
	// redactPasswordXML is the password as the client writes it in <login>.
	redactPasswordXML = `s3cr3t&amp;P&lt;w0rd&gt;&#34;&#39;`
	// redactPoolName is a request value that only a logged body could show.
	redactPoolName = "Redaction Pool Zeta"
)

var redactToken = base64.StdEncoding.EncodeToString([]byte(redactUser + ":" + redactPassword))

// redactSecrets are the values that must never show.
var redactSecrets = []string{redactPassword, redactPasswordXML, redactToken}

// redactBuffer is a log sink safe for the concurrent waits of Pools calls.
type redactBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *redactBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *redactBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// redactXMLText escapes text for an element's content, as a server would.
func redactXMLText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// redactSOAPOp is the operation element of a SOAP request body.
func redactSOAPOp(body string) string {
	i := strings.Index(body, "<ns:")
	if i < 0 {
		return ""
	}
	rest := body[i+4:]
	if j := strings.IndexAny(rest, " >"); j > 0 {
		return rest[:j]
	}
	return ""
}

// redactLogin is the <login> element of a SOAP request body, as sent.
func redactLogin(body string) string {
	i, j := strings.Index(body, "<login>"), strings.Index(body, "</login>")
	if i < 0 || j < i {
		return ""
	}
	return body[i : j+len("</login>")]
}

func redactEnvelope(op, ret string) string {
	return `<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>` +
		`<ns2:` + op + `Response xmlns:ns2="` + nsOrder + `"><return>` + ret + `</return></ns2:` + op + `Response></S:Body></S:Envelope>`
}

// redactHostile serves the failure mode named by the first path segment,
// echoing the request's secrets into every answer.
func redactHostile(w http.ResponseWriter, r *http.Request) {
	b := new(bytes.Buffer)
	_, _ = b.ReadFrom(r.Body)
	body := b.String()
	auth := r.Header.Get("Authorization")
	mode, _, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	op := redactSOAPOp(body)
	login := redactLogin(body)
	soap := op != ""
	echo := "password " + redactPassword + " token " + auth
	switch {
	case mode == "html500":
		// A proxy's page quoting the whole request, raw.
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintf(w, "<html><body><h1>500</h1><pre>%s</pre><p>%s</p><p>%s</p></body></html>", body, auth, redactPassword)
	case mode == "fault" && soap:
		// faultstring echoes the password and the whole <login>; detail
		// carries the <login> element as received.
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintf(w, `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><S:Fault><faultcode>S:Client</faultcode>`+
			`<faultstring>Authentication failed for %s: %s</faultstring><detail><request>%s</request><message>%s</message></detail></S:Fault></S:Body></S:Envelope>`,
			redactXMLText(echo), redactXMLText(login), login, redactPasswordXML)
	case mode == "faultdetail" && soap:
		// No faultstring: the detail, echoing the <login> and the escaped
		// password, is all the error can show.
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintf(w, `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><S:Fault><faultcode>S:Client</faultcode>`+
			`<detail>%s<message>login was %s</message></detail></S:Fault></S:Body></S:Envelope>`, login, redactPasswordXML)
	case (mode == "fault" || mode == "faultdetail") && !soap:
		// A REST 401 echoing the Authorization header and the password.
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprintf(w, `{"errorCode":401,"errorMessage":%q,"success":false,"echo":%q}`, "Unauthorized: "+echo, auth)
	case mode == "code" && soap:
		// A non-zero errorCode whose errorMessage echoes the password; the
		// order query reports a failed order whose text echoes it too, and
		// the bulk orders are refused one by one with the same echo.
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		msg := "<errorMessage>Login failed: " + redactXMLText(echo) + " " + redactXMLText(login) + "</errorMessage>"
		switch op {
		case "orderQuery":
			fmt.Fprint(w, redactEnvelope(op, `<errorCode>0</errorCode><orderQueryResponse><orderId>1</orderId><internalStatus>FAILED</internalStatus>`+
				`<statusMessage>`+redactXMLText(echo)+`</statusMessage></orderQueryResponse>`))
		case "orderCreateBulk":
			var orders string
			for i := strings.Count(body, "<orderCreate>"); i > 0; i-- {
				orders += "<orderResponse><errorCode>8</errorCode>" + msg + "</orderResponse>"
			}
			fmt.Fprint(w, redactEnvelope(op, `<errorCode>0</errorCode><ordersCreateResponse>`+orders+`</ordersCreateResponse>`))
		default:
			fmt.Fprint(w, redactEnvelope(op, `<errorCode>7</errorCode>`+msg))
		}
	case mode == "code":
		w.Header().Set("Content-Type", "application/json")
		if strings.HasSuffix(r.URL.Path, "/transfer") || strings.HasSuffix(r.URL.Path, "/modify-consumer-data-limit") {
			fmt.Fprintf(w, `{"errorCode":0,"success":true,"orderDetails":[{"success":false,"errorMessage":%q}]}`, "refused: "+echo)
			return
		}
		fmt.Fprintf(w, `{"errorCode":3,"errorMessage":%q,"success":false}`, "Refused: "+echo)
	case mode == "token":
		// A gateway quoting the credential header it received.
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusBadGateway)
		fmt.Fprintf(w, "upstream refused Authorization: %s (%s) for %s", auth, redactToken, redactPassword)
	case mode == "busy":
		w.Header().Set("Retry-After", "0")
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintf(w, "busy %s", auth)
	default:
		http.NotFound(w, r)
	}
}

// redactEveryOperation runs every call of the client and returns every error
// seen, the per-order ones included.
func redactEveryOperation(c *Client) []error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var errs []error
	add := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	addResults := func(res []OrderResult, err error) {
		add(err)
		for _, r := range res {
			add(r.Err)
		}
	}
	order := NewPoolOrder{CustNo: "10001234", ProviderPlanID: "WME-POOL", PoolName: redactPoolName, Notes: "notes", NotificationEmail: "noc@example.com"}
	ref := PoolRef{CustNo: "10001234", LineSeqNo: "3"}
	pool := Pool{CustNo: "10001234", ServiceNumber: "0491000001", LineSeqNo: "3", ProviderID: "PRV-1"}
	to := Pool{CustNo: "10001234", ServiceNumber: "0491000002", LineSeqNo: "8", ProviderID: "PRV-2"}

	_, err := c.Orders.CreateDataPool(ctx, order)
	add(err)
	_, err = c.Orders.Query(ctx, "5000001")
	add(err)
	wctx, wcancel := context.WithTimeout(ctx, 50*time.Millisecond)
	_, err = c.Orders.Wait(wctx, "5000001")
	wcancel()
	add(err)
	add(c.Orders.Reset(ctx, "5000001"))
	addResults(c.Orders.AddConsumers(ctx, "10001234", "PRV-1", "0412000001", "0412000002"))
	addResults(c.Orders.RemoveConsumers(ctx, "10001234", "0412000001"))
	_, err = c.Services.Detail(ctx, "10001234", "0491000001")
	add(err)
	_, err = c.Services.Balance(ctx, "10001234", "11")
	add(err)
	_, err = c.PoolAPI.Get(ctx, ref)
	add(err)
	addResults(c.PoolAPI.Transfer(ctx, TransferRequest{From: ref, ToProviderID: "PRV-2", ToLineSeqNo: "8", ServiceNumbers: []string{"0412000001"}}))
	addResults(c.PoolAPI.SetDataLimits(ctx, ConsumerLimit{CustNo: "10001234", LineSeqNo: "11", Limit: GB(5)}))
	_, err = c.PoolAPI.Disconnect(ctx, ref)
	add(err)

	pctx, pcancel := context.WithTimeout(ctx, 200*time.Millisecond)
	_, err = c.Pools.Create(pctx, order)
	add(err)
	_, err = c.Pools.Lookup(pctx, "10001234", "0491000001")
	add(err)
	_, err = c.Pools.Get(pctx, pool)
	add(err)
	addResults(c.Pools.AddConsumers(pctx, pool, "0412000001"))
	addResults(c.Pools.RemoveConsumers(pctx, pool, "0412000001"))
	addResults(c.Pools.Transfer(pctx, pool, to, "0412000001"))
	r, err := c.Pools.SetDataLimit(pctx, pool, "0412000001", MB(512))
	add(err)
	add(r.Err)
	_, err = c.Pools.Disconnect(pctx, pool)
	add(err)
	pcancel()

	add(c.CallSOAP(ctx, "/UtbOrder", nsOrder, "orderQuery", true, nil, xmlOrderRequest{OrderID: "5000001"}))
	add(c.DoREST(ctx, http.MethodGet, "/v1/datapool", nil, nil, nil))
	add(c.DoREST(ctx, http.MethodPost, "/v1/datapool/disconnect", nil, map[string]string{"custno": "10001234"}, nil))
	return errs
}

func TestRedactionSweep(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(redactHostile))
	t.Cleanup(srv.Close)

	var logs redactBuffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	creds := Credentials{Username: redactUser, Password: NewSecret(redactPassword)}
	var seen []string
	for _, mode := range []string{"unreachable", "html500", "fault", "faultdetail", "code", "token", "busy"} {
		soapBase, restBase := srv.URL+"/"+mode+"/tiab", srv.URL+"/"+mode+"/tiab/api"
		if mode == "unreachable" {
			soapBase, restBase = "http://127.0.0.1:1/tiab", "http://127.0.0.1:1/tiab/api"
		}
		c, err := New(creds, WithSOAPBaseURL(soapBase), WithRESTBaseURL(restBase), WithLogger(logger),
			WithRetry(RetryPolicy{MaxAttempts: 2, MinWait: time.Millisecond, MaxWait: time.Millisecond, MaxRetryAfter: time.Millisecond}),
			WithPollInterval(time.Millisecond, 2*time.Millisecond))
		require.NoError(t, err)
		errs := redactEveryOperation(c)
		require.NotEmpty(t, errs, mode)
		redactModeHappened(t, mode, errs)
		for _, err := range errs {
			seen = append(seen, err.Error(), fmt.Sprintf("%v", err), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err))
			var e *Error
			if assert.ErrorAs(t, err, &e, "%s: %T %v", mode, err, err) {
				seen = append(seen, fmt.Sprintf("%#v", *e), e.Message, e.Body, e.FaultCode)
			}
		}
		seen = append(seen, fmt.Sprintf("%v", c), fmt.Sprintf("%+v", c), fmt.Sprintf("%#v", c), fmt.Sprintf("%+v", *c), fmt.Sprintf("%#v", *c))
	}
	seen = append(seen, fmt.Sprintf("%v %+v %#v %s %q %x %d", creds, creds, creds, creds, creds, creds, creds),
		fmt.Sprintf("%v %+v", &creds, []Credentials{creds}), fmt.Sprintf("%+v", struct{ C Credentials }{creds}))
	var credLog bytes.Buffer
	slog.New(slog.NewJSONHandler(&credLog, nil)).Info("creds", "c", creds)
	slog.New(slog.NewTextHandler(&credLog, nil)).Info("creds", "c", creds, "p", &creds)
	seen = append(seen, credLog.String())
	assert.Contains(t, credLog.String(), redactUser, "the user name is shown")

	all := logs.String()
	require.Contains(t, all, `"level":"DEBUG"`, "debug logging recorded the attempts")
	require.Contains(t, all, `"attempt":2`, "and the retries")
	require.Contains(t, all, `"status":500`)
	require.Contains(t, all, `"status":401`)
	seen = append(seen, strings.Split(all, "\n")...)
	for _, s := range seen {
		for _, secret := range redactSecrets {
			if strings.Contains(s, secret) {
				t.Fatalf("secret %.6s… leaked in: %.400s", secret, s)
			}
		}
	}

	// No request body is logged: not the <login>, not the envelope, not a
	// value only the body carries.
	for _, body := range []string{"<login", "userName", redactUser, "Envelope", "createRequest", redactPoolName, "consumerServices", "serviceNumbers"} {
		assert.NotContains(t, all, body, "the log shows a request body")
	}
}

// redactModeHappened checks that the failure mode was really met: at least
// one error of the sweep shows it.
func redactModeHappened(t *testing.T, mode string, errs []error) {
	t.Helper()
	want := map[string]func(e *Error) bool{
		"unreachable": func(e *Error) bool { return e.HTTPStatus == 0 && e.Err != nil && !errors.Is(e, ErrBadResponse) },
		"html500": func(e *Error) bool {
			return e.HTTPStatus == 500 && errors.Is(e, ErrBadResponse) && strings.Contains(e.Body, "<html>")
		},
		"fault": func(e *Error) bool {
			return e.FaultCode == "S:Client" && strings.Contains(e.Message, "<login>") && errors.Is(e, ErrAuthFailed)
		},
		"faultdetail": func(e *Error) bool {
			return e.FaultCode == "S:Client" && e.Message == "" && strings.Contains(e.Body, "<password>REDACTED</password>")
		},
		"code":  func(e *Error) bool { return e.Code != 0 && strings.Contains(e.Message, "REDACTED") },
		"token": func(e *Error) bool { return e.HTTPStatus == 502 && strings.Contains(e.Body, "REDACTED") },
		"busy":  func(e *Error) bool { return e.HTTPStatus == 503 },
	}[mode]
	require.NotNil(t, want, mode)
	for _, err := range errs {
		var e *Error
		if errors.As(err, &e) && want(e) {
			return
		}
	}
	t.Errorf("%s: no error shows the failure mode; got %d errors, first: %v", mode, len(errs), errs[0])
}

// TestRedactionErrorsKeepTheirWords: the sweep's errors still say what went
// wrong once the secrets are gone.
func TestRedactionErrorsKeepTheirWords(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(redactHostile))
	t.Cleanup(srv.Close)
	c, err := New(Credentials{Username: redactUser, Password: NewSecret(redactPassword)},
		WithSOAPBaseURL(srv.URL+"/fault/tiab"), WithRESTBaseURL(srv.URL+"/fault/tiab/api"), WithRetry(RetryPolicy{MaxAttempts: 1}))
	require.NoError(t, err)
	_, err = c.Orders.Query(context.Background(), "5000001")
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "S:Client", e.FaultCode)
	assert.Contains(t, e.Message, "Authentication failed for password REDACTED")
	assert.Contains(t, e.Message, "<password>REDACTED</password>", "the echoed <login> keeps its shape")
	assert.ErrorIs(t, err, ErrAuthFailed)

	_, err = c.PoolAPI.Get(context.Background(), PoolRef{CustNo: "1", LineSeqNo: "2"})
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 401, e.HTTPStatus)
	assert.Equal(t, "Unauthorized: password REDACTED token Basic REDACTED", e.Message)
	assert.ErrorIs(t, err, ErrAuthFailed)
}

// TestRedactionDecodeCauses: the decoding cause kept in Error.Err (and
// printed by Error()) is built from the answer — an element name, an
// errorCode, a JSON value, the Content-Type — and is not scrubbed, unlike
// Message and Body. A server that echoes a credential there leaks it.
func TestRedactionDecodeCauses(t *testing.T) {
	// A password without the characters %q escapes shows as it is.
	const user, password = "plain-user", "hunter2hunter2"
	token := base64.StdEncoding.EncodeToString([]byte(user + ":" + password))
	cases := []struct {
		name        string
		contentType string
		body        string
		call        func(*Client) error
	}{
		{"SOAP errorCode echo", "text/xml", redactEnvelope("orderQuery", `<errorCode>`+password+`</errorCode>`), func(c *Client) error {
			_, err := c.Orders.Query(context.Background(), "1")
			return err
		}},
		{"SOAP root element echo", "text/xml", `<` + password + `/>`, func(c *Client) error {
			_, err := c.Orders.Query(context.Background(), "1")
			return err
		}},
		{"REST success echo", "application/json", `{"success":"` + token + `"}`, func(c *Client) error {
			_, err := c.PoolAPI.Get(context.Background(), PoolRef{CustNo: "1", LineSeqNo: "2"})
			return err
		}},
		{"Content-Type echo", "text/html; charset=" + password, `<html></html>`, func(c *Client) error {
			_, err := c.PoolAPI.Get(context.Background(), PoolRef{CustNo: "1", LineSeqNo: "2"})
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", tc.contentType)
				fmt.Fprint(w, tc.body)
			}))
			t.Cleanup(srv.Close)
			c, err := New(Credentials{Username: user, Password: NewSecret(password)},
				WithSOAPBaseURL(srv.URL), WithRESTBaseURL(srv.URL), WithRetry(RetryPolicy{MaxAttempts: 1}))
			require.NoError(t, err)
			err = tc.call(c)
			require.Error(t, err)
			assert.NotContains(t, err.Error(), password)
			assert.NotContains(t, err.Error(), token)
		})
	}
}

// TestRedactionEscapeSpellings: a SOAP stack echoing the password writes it
// with its own escaping — Java's writers escape only &, < and > in text, or
// use &quot; and &apos; — which is neither the raw password nor the client's
// own spelling (&#34; &#39;), so a Fault detail or an unreadable answer kept
// as Body shows it.
func TestRedactionEscapeSpellings(t *testing.T) {
	for _, spelling := range []string{
		`s3cr3t&amp;P&lt;w0rd&gt;"'`,
		`s3cr3t&amp;P&lt;w0rd&gt;&quot;&apos;`,
	} {
		t.Run(spelling, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "text/xml")
				w.WriteHeader(http.StatusInternalServerError)
				fmt.Fprintf(w, `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><S:Fault><faultcode>S:Client</faultcode>`+
					`<detail><message>login was %s</message></detail></S:Fault></S:Body></S:Envelope>`, spelling)
			}))
			t.Cleanup(srv.Close)
			c, err := New(Credentials{Username: redactUser, Password: NewSecret(redactPassword)},
				WithSOAPBaseURL(srv.URL), WithRetry(RetryPolicy{MaxAttempts: 1}))
			require.NoError(t, err)
			_, err = c.Orders.Query(context.Background(), "1")
			require.Error(t, err)
			assert.NotContains(t, err.Error(), spelling)
		})
	}
}
