package telecloud

import (
	"context"
	"errors"
	"fmt"
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
	c, err := New(Credentials{APIIDKey: testIDKey, APIKey: testAPIKey}, WithBaseURL(srv.URL),
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
			assert.Equal(t, "Discount", e.Service)
			assert.Equal(t, "Create", e.Method)
			assert.Equal(t, "3123860", e.TransID)
			assert.Equal(t, "A full dollar amount must be supplied for the discount price.", e.Message)
			assert.Equal(t, "telecloud: Discount/Create (trans_id 3123860): A full dollar amount must be supplied for the discount price.", err.Error())
			assert.Equal(t, int32(1), n.Load())
		})
	}
}

func TestUndecodableAnswers(t *testing.T) {
	long := "<html><body>" + strings.Repeat("Service Unavailable ", 200) + "</body></html>"
	cases := []struct {
		name, body string
		status     int
		sentinel   error
	}{
		{"html page", long, 200, ErrBadResponse},
		{"truncated xml", `<?xml version="1.0"?><telecloud trans_id="1"><order order_number="A"><status>PEN`, 200, ErrBadResponse},
		{"truncated json", `{ "order": { "@attributes": { "order_number": "A" }, "status": "PEN`, 200, ErrBadResponse},
		{"not xml or json", `Internal error`, 200, ErrBadResponse},
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

func TestOnlySearchesAreRetried(t *testing.T) {
	for _, tc := range []struct {
		op   string
		want int32
	}{{"Order/Search", 3}, {"Notifications/SearchTemplate", 3}, {"Order/Create", 1}, {"Customer/Delete", 1}, {"Alerts/Edit", 1}, {"Customer/Qualify", 1}} {
		c, _, n := answerServer(t, 503, `busy`)
		err := c.Call(context.Background(), tc.op, nil, nil)
		assert.ErrorIs(t, err, ErrHTTPStatus, tc.op)
		assert.Equal(t, tc.want, n.Load(), tc.op)
	}
}

func TestSecretsNeverInErrors(t *testing.T) {
	card, cvv := "4111111111111111", "737"
	cvv4 := "7373"
	body := fmt.Sprintf(`<telecloud trans_id="9"><error>Card %s with cvv %s refused for key %s / %s (%s)</error></telecloud>`,
		card, cvv4, testIDKey, testAPIKey, url.QueryEscape(testAPIKey))
	c, _, _ := answerServer(t, 200, body)
	err := c.Call(context.Background(), "PaymentMethod/Create", url.Values{"card_number": {card}, "cvv": {cvv4}}, nil)
	require.Error(t, err)
	for _, s := range []string{card, cvv4, testIDKey, testAPIKey} {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
			assert.NotContains(t, fmt.Sprintf(verb, err), s)
		}
	}
	_ = cvv
	// The transport's own errors (an unreachable host) carry no key either.
	c2, err := New(Credentials{APIIDKey: testIDKey, APIKey: testAPIKey}, WithBaseURL("http://127.0.0.1:1"),
		WithRetry(RetryPolicy{MaxAttempts: 1}))
	require.NoError(t, err)
	err = c2.Call(context.Background(), "Customer/Search", url.Values{"ssn": {"123-45-6789"}}, nil)
	require.Error(t, err)
	for _, s := range []string{testIDKey, testAPIKey, "123-45-6789"} {
		assert.NotContains(t, fmt.Sprintf("%+v", err), s)
	}
}

func TestCredentialsPrintRedacted(t *testing.T) {
	cr := Credentials{APIIDKey: testIDKey, APIKey: testAPIKey}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
		s := fmt.Sprintf(verb, cr)
		assert.NotContains(t, s, testIDKey)
		assert.NotContains(t, s, testAPIKey)
	}
	c, err := New(cr)
	require.NoError(t, err)
	assert.NotContains(t, fmt.Sprintf("%+v", c), testAPIKey)
	assert.Equal(t, DefaultBaseURL, c.BaseURL())

	for _, bad := range []Credentials{{}, {APIIDKey: "a"}, {APIKey: "b"}, {APIIDKey: "a\nb", APIKey: "c"}} {
		_, err := New(bad)
		assert.ErrorIs(t, err, ErrInvalidInput)
	}
	_, err = New(cr, WithFormat("yaml"))
	assert.Error(t, err)
	_, err = New(cr, WithBaseURL("::"))
	assert.Error(t, err)
}

func TestJSONFormatDefault(t *testing.T) {
	c0, _, _ := answerServer(t, 200, `{"@attributes":{"trans_id":"5472"},"order":{"@attributes":{"order_number":"GBT83432HH"},"status":"SUSPENDED"}}`)
	c, err := New(Credentials{APIIDKey: testIDKey, APIKey: testAPIKey}, WithBaseURL(c0.BaseURL()), WithFormat(FormatJSON))
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
