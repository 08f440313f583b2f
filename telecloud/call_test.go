package telecloud

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	testIDKey  = "id-key-7f3a9c"
	testAPIKey = "api-key-5be21d"
)

type echoed struct {
	method, path, query, body, contentType string
}

// answerServer answers every request with the given status and body and
// records what it got.
func answerServer(t *testing.T, status int, body string) (*Client, *[]echoed, *atomic.Int32) {
	t.Helper()
	var got []echoed
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		b, _ := io.ReadAll(r.Body)
		got = append(got, echoed{r.Method, r.URL.Path, r.URL.RawQuery, string(b), r.Header.Get("Content-Type")})
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	c, err := New(Credentials{APIIDKey: NewSecret(testIDKey), APIKey: NewSecret(testAPIKey)}, WithBaseURL(srv.URL),
		WithRetry(RetryPolicy{MaxAttempts: 3, MinWait: time.Millisecond, MaxWait: time.Millisecond, MaxRetryAfter: time.Millisecond}))
	require.NoError(t, err)
	return c, &got, &n
}

type orderStatusOut struct {
	Meta
	Number string      `tc:"order>order_number,attr"`
	Status OrderStatus `tc:"order>status"`
}

func TestCallSendsCredentialsAsParameters(t *testing.T) {
	c, got, _ := answerServer(t, 200, `<?xml version="1.0"?><telecloud trans_id="5472"><order order_number="GBT83432HH"><status>SUSPENDED</status></order></telecloud>`)
	var out orderStatusOut
	require.NoError(t, c.Call(context.Background(), "Order/Status", url.Values{"order_number": {"GBT83432HH"}}, &out))
	assert.Equal(t, "5472", out.TransID)
	assert.Equal(t, OrderSuspended, out.Status)
	assert.Equal(t, "GBT83432HH", out.Number)

	e := (*got)[0]
	assert.Equal(t, http.MethodPost, e.method)
	assert.Equal(t, "/API/xml/Order/Status", e.path)
	assert.Equal(t, "", e.query, "nothing in the URL of a POST")
	assert.Equal(t, "application/x-www-form-urlencoded", e.contentType)
	form, err := url.ParseQuery(e.body)
	require.NoError(t, err)
	assert.Equal(t, testIDKey, form.Get("API_ID_KEY"))
	assert.Equal(t, testAPIKey, form.Get("API_KEY"))
	assert.Equal(t, "GBT83432HH", form.Get("order_number"))

	// A search is a GET with everything in the query string.
	require.NoError(t, c.Call(context.Background(), "Order/Search", url.Values{"order_number": {"X1"}}, nil, InFormat(FormatJSON)))
	e = (*got)[1]
	assert.Equal(t, http.MethodGet, e.method)
	assert.Equal(t, "/API/json/Order/Search", e.path)
	q, _ := url.ParseQuery(e.query)
	assert.Equal(t, testIDKey, q.Get("API_ID_KEY"))
	assert.Equal(t, "X1", q.Get("order_number"))
	assert.Empty(t, e.body)
}

func TestCallOptionsOverrideAndRemove(t *testing.T) {
	c, got, _ := answerServer(t, 200, `<telecloud/>`)
	err := c.Call(context.Background(), "Customer/Edit", url.Values{"zip_code": {"1"}, "city": {"X"}}, nil,
		WithParam("zip_code", "2"), WithParams(url.Values{"extra": {"e"}}), WithoutParam("city"),
		WithParam("API_KEY", "stolen"))
	require.NoError(t, err)
	form, _ := url.ParseQuery((*got)[0].body)
	assert.Equal(t, "2", form.Get("zip_code"))
	assert.Equal(t, "e", form.Get("extra"))
	assert.False(t, form.Has("city"))
	assert.Equal(t, testAPIKey, form.Get("API_KEY"), "credentials cannot be overridden")
	assert.Equal(t, http.MethodPatch, (*got)[0].method)
}

func TestCallRawBody(t *testing.T) {
	c, _, _ := answerServer(t, 200, `<telecloud trans_id="1"/>`)
	var raw []byte
	require.NoError(t, c.Call(context.Background(), "Alerts/Search", nil, &raw))
	assert.Equal(t, `<telecloud trans_id="1"/>`, string(raw))
}

func TestCallRefusesBadOps(t *testing.T) {
	c, _, n := answerServer(t, 200, `<telecloud/>`)
	for _, op := range []string{"", "Order", "/Search", "Order/", "Order/Search/x"} {
		err := c.Call(context.Background(), op, nil, nil)
		assert.ErrorIs(t, err, ErrInvalidInput, op)
	}
	err := c.Call(context.Background(), "Order/Search", url.Values{"x": {"a\x00b"}}, nil)
	assert.ErrorIs(t, err, ErrInvalidInput)
	err = c.Call(context.Background(), "Order/Search", nil, nil, InFormat("yaml"))
	assert.ErrorIs(t, err, ErrInvalidInput)
	assert.Equal(t, int32(0), n.Load(), "nothing was sent")
}

func TestErrorEnvelope(t *testing.T) {
	for _, tc := range []struct{ name, body string }{
		{"xml", `<?xml version="1.0"?> <telecloud trans_id="3123860"> <error>A full dollar amount must be supplied for the discount price.</error> </telecloud>`},
		{"json", `{ "@attributes": { "trans_id": "3123860" }, "error": "A full dollar amount must be supplied for the discount price." }`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, _, n := answerServer(t, 200, tc.body)
			err := c.Call(context.Background(), "Discount/Create", nil, &orderStatusOut{})
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.ErrorIs(t, err, ErrVendor)
			assert.Equal(t, "Discount/Create", e.Op)
			assert.Equal(t, "3123860", e.RequestID)
			assert.Equal(t, "A full dollar amount must be supplied for the discount price.", e.Message)
			assert.Equal(t, "telecloud: Discount/Create (trans_id 3123860): A full dollar amount must be supplied for the discount price.", err.Error())
			assert.Equal(t, int32(1), n.Load())
		})
	}
}

// The package's classification: a 200 it cannot read is ErrBadResponse,
// naming the path of a value of the wrong kind; another status without the
// error envelope is ErrHTTPStatus, with a capped excerpt.
func TestUndecodableAnswers(t *testing.T) {
	long := "<html><body>" + strings.Repeat("Service Unavailable ", 200) + "</body></html>"
	cases := []struct {
		name, body string
		status     int
		sentinel   error
	}{
		// Pages, truncated and malformed bodies of every kind are the
		// conformance matrix's; these are the package's own rules.
		{"empty", ``, 200, ErrBadResponse},
		{"wrong value", `<telecloud><order order_number="A"><status>x</status></order><count>many</count></telecloud>`, 200, nil},
		{"http 500 html", long, 500, ErrHTTPStatus},
		{"http 404 empty", ``, 404, ErrHTTPStatus},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, _, _ := answerServer(t, tc.status, tc.body)
			var out struct {
				Meta
				Count int `tc:"count"`
			}
			err := c.Call(context.Background(), "Order/Create", nil, &out)
			require.Error(t, err)
			var e *Error
			require.ErrorAs(t, err, &e)
			if tc.sentinel == nil {
				assert.ErrorIs(t, err, ErrBadResponse)
				assert.Contains(t, err.Error(), "telecloud/count")
				return
			}
			assert.ErrorIs(t, err, tc.sentinel)
			assert.Equal(t, tc.status, e.HTTPStatus)
			assert.LessOrEqual(t, len(e.Body), excerptLen+len("…"), "the excerpt is capped")
			if tc.body != "" {
				assert.NotEmpty(t, e.Body)
			}
		})
	}
}

// New refuses bad credentials and options with a *ValidationError; every
// error it returns starts with the package's prefix (an option the
// transport refused came back without it).
func TestNewRefusesBadInput(t *testing.T) {
	cr := Credentials{APIIDKey: NewSecret(testIDKey), APIKey: NewSecret(testAPIKey)}
	c, err := New(cr)
	require.NoError(t, err)
	assert.Equal(t, DefaultBaseURL, c.BaseURL())

	for name, f := range map[string]func() error{
		"no credentials":   func() error { return gkErr(New(Credentials{})) },
		"no API key":       func() error { return gkErr(New(Credentials{APIIDKey: NewSecret("a")})) },
		"no API ID key":    func() error { return gkErr(New(Credentials{APIKey: NewSecret("b")})) },
		"blank key":        func() error { return gkErr(New(Credentials{APIIDKey: NewSecret(" \t"), APIKey: NewSecret("b")})) },
		"line break":       func() error { return gkErr(New(Credentials{APIIDKey: NewSecret("a\nb"), APIKey: NewSecret("c")})) },
		"format":           func() error { return gkErr(New(cr, WithFormat("yaml"))) },
		"route style":      func() error { return gkErr(New(cr, WithRouteStyle(9))) },
		"base URL":         func() error { return gkErr(New(cr, WithBaseURL("::"))) },
		"base URL scheme":  func() error { return gkErr(New(cr, WithBaseURL("ftp://telecloud.example"))) },
		"retry policy":     func() error { return gkErr(New(cr, WithRetry(RetryPolicy{}))) },
		"response size":    func() error { return gkErr(New(cr, WithMaxResponseSize(0))) },
		"timeout":          func() error { return gkErr(New(cr, WithTimeout(-1))) },
		"user agent":       func() error { return gkErr(New(cr, WithUserAgent("a\r\nX-Evil: 1"))) },
		"nil HTTP client":  func() error { return gkErr(New(cr, WithHTTPClient(nil))) },
		"secret in error?": func() error { return gkErr(New(cr, WithBaseURL("http://u:"+testAPIKey+"@telecloud.example"))) },
	} {
		err := f()
		var ve *ValidationError
		if assert.ErrorAs(t, err, &ve, name) {
			assert.ErrorIs(t, err, ErrInvalidInput, name)
			assert.Equal(t, "New", ve.Op, name)
		}
		assert.True(t, strings.HasPrefix(err.Error(), "telecloud: New: "), "%s: %v", name, err)
		assert.NotContains(t, err.Error(), testAPIKey, name)
	}
	// An option the transport refused keeps the transport's error as its cause.
	var ve *ValidationError
	require.ErrorAs(t, gkErr(New(cr, WithBaseURL("::"))), &ve)
	assert.Error(t, ve.Unwrap())
	assert.NotContains(t, ve.Error(), "telecloud: New: invalid options: telecloud:")
}

func TestJSONFormatDefault(t *testing.T) {
	c0, _, _ := answerServer(t, 200, `{"@attributes":{"trans_id":"5472"},"order":{"@attributes":{"order_number":"GBT83432HH"},"status":"SUSPENDED"}}`)
	c, err := New(Credentials{APIIDKey: NewSecret(testIDKey), APIKey: NewSecret(testAPIKey)}, WithBaseURL(c0.BaseURL()), WithFormat(FormatJSON))
	require.NoError(t, err)
	var out orderStatusOut
	require.NoError(t, c.Call(context.Background(), "Order/Status", nil, &out))
	assert.Equal(t, "5472", out.TransID)
	assert.Equal(t, OrderSuspended, out.Status)
	assert.Equal(t, "GBT83432HH", out.Number, "attributes of an element without text survive the JSON form")
	assert.Contains(t, c.String(), "json")
}

func TestDecodeIntoWrongTarget(t *testing.T) {
	c, _, _ := answerServer(t, 200, `<telecloud/>`)
	var s string
	err := c.Call(context.Background(), "Order/Search", nil, &s)
	assert.True(t, errors.Is(err, ErrBadResponse), "%v", err)
}

// An answer over the cap set with WithMaxResponseSize matches
// ErrResponseTooLarge and ErrBadResponse, with the status that arrived.
func TestResponseTooLarge(t *testing.T) {
	big := `<telecloud trans_id="1"><notation>` + strings.Repeat("x", 4096) + `</notation></telecloud>`
	c0, _, _ := answerServer(t, 200, big)
	for _, declared := range []bool{true, false} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !declared {
				w.Header().Set("Transfer-Encoding", "chunked")
				w.(http.Flusher).Flush()
			}
			_, _ = io.WriteString(w, big)
		}))
		t.Cleanup(srv.Close)
		c, err := New(Credentials{APIIDKey: NewSecret(testIDKey), APIKey: NewSecret(testAPIKey)}, WithBaseURL(srv.URL),
			WithMaxResponseSize(1024))
		require.NoError(t, err)
		err = c.Call(context.Background(), "Order/Search", nil, nil)
		var e *Error
		require.ErrorAs(t, err, &e, "declared %v", declared)
		assert.ErrorIs(t, err, ErrResponseTooLarge)
		assert.ErrorIs(t, err, ErrBadResponse)
		assert.NotErrorIs(t, err, ErrHTTPStatus)
		assert.Equal(t, http.StatusOK, e.HTTPStatus, "an answer arrived")
		assert.Equal(t, "Order/Search", e.Op)
	}
	// Under the default cap the same answer is read.
	require.NoError(t, c0.Call(context.Background(), "Order/Search", nil, nil))
}

// The server's Retry-After reaches the caller of a call that was not sent
// again (a create is not), and of one that gave up.
func TestRetryAfterOnTheError(t *testing.T) {
	for _, tc := range []struct {
		op     string
		status int
		sent   int32
	}{{"Order/Create", http.StatusTooManyRequests, 1}, {"Order/Create", http.StatusServiceUnavailable, 1}, {"Order/Search", http.StatusTooManyRequests, 1}} {
		var n atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			n.Add(1)
			w.Header().Set("Retry-After", "120")
			w.WriteHeader(tc.status)
		}))
		t.Cleanup(srv.Close)
		// The Retry-After is longer than the client waits: no second send.
		c, err := New(Credentials{APIIDKey: NewSecret(testIDKey), APIKey: NewSecret(testAPIKey)}, WithBaseURL(srv.URL),
			WithRetry(RetryPolicy{MaxAttempts: 3, MinWait: time.Millisecond, MaxWait: time.Millisecond, MaxRetryAfter: time.Second}))
		require.NoError(t, err)
		err = c.Call(context.Background(), tc.op, nil, nil)
		var e *Error
		require.ErrorAs(t, err, &e)
		assert.ErrorIs(t, err, ErrHTTPStatus)
		assert.Equal(t, tc.status, e.HTTPStatus)
		assert.Equal(t, 120*time.Second, e.RetryAfter, "%s %d", tc.op, tc.status)
		assert.Equal(t, tc.sent, n.Load())
	}
}
