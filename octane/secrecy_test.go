package octane

// The secrecy and classification cases the conformance matrix
// (conformance_test.go) cannot express: an order's status and failed-order
// text in Orders.Wait over several polls, a raw call's own body secrets in
// an ordinary error answer, a decoding cause cut after it is scrubbed, a
// Content-Type echoing the password, errors that keep their words once
// scrubbed, the sentinels of unusable answers, Retry-After on *Error, and
// Credentials in JSON.

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ispkit/ispkit/internal/transport"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	secUser = "sec-operator"
	// secPassword has characters every escaping scheme treats differently.
	secPassword = `Zq8pw<&Q>"X'+J/=V%;K\Wm`
)

// secClient is a client of the server h, without retries, polling fast.
func secClient(t *testing.T, h http.HandlerFunc, opts ...Option) *Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := New(Credentials{Username: secUser, Password: NewSecret(secPassword)}, append([]Option{
		WithSOAPBaseURL(srv.URL + "/soap"), WithRESTBaseURL(srv.URL + "/rest"),
		WithRetry(RetryPolicy{MaxAttempts: 1}), WithPollInterval(time.Millisecond, 2*time.Millisecond)}, opts...)...)
	require.NoError(t, err)
	return c
}

// secSpellings are ways a server may write s.
func secSpellings(s string) map[string]string {
	var x strings.Builder
	_ = xml.EscapeText(&x, []byte(s))
	j, _ := json.Marshal(s)
	return map[string]string{
		"raw":         s,
		"query":       url.QueryEscape(s),
		"xml":         x.String(),
		"json":        string(j[1 : len(j)-1]),
		"go-quoted":   fmt.Sprintf("%q", s),
		"xml-of-json": strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(string(j[1 : len(j)-1])),
	}
}

// secAssertHidden fails when any surface of err shows a 4-byte piece of one
// of the secrets, in any of secSpellings.
func secAssertHidden(t *testing.T, err error, secrets ...string) {
	t.Helper()
	require.Error(t, err)
	surfaces := []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err), fmt.Sprintf("%q", err)}
	for e := errors.Unwrap(err); e != nil; e = errors.Unwrap(e) {
		surfaces = append(surfaces, e.Error(), fmt.Sprintf("%#v", e))
	}
	var e *Error
	if errors.As(err, &e) {
		surfaces = append(surfaces, e.Message, e.Body, e.FaultCode, e.OrderID)
	}
	for _, s := range secrets {
		for name, sp := range secSpellings(s) {
			for _, text := range surfaces {
				if strings.Contains(text, sp) {
					t.Fatalf("the secret, spelled %s, shows in %q", name, text)
				}
			}
		}
		// A piece of it: the middle eight bytes, raw.
		mid := s[len(s)/2-4 : len(s)/2+4]
		for _, text := range surfaces {
			if strings.Contains(text, mid) {
				t.Fatalf("a piece %q of the secret shows in %q", mid, text)
			}
		}
	}
}

// secOrderAnswer is an orderQuery answer with the status and text given
// (XML-escaped here, as a server writes them).
func secOrderAnswer(status, text string) string {
	var s, m strings.Builder
	_ = xml.EscapeText(&s, []byte(status))
	_ = xml.EscapeText(&m, []byte(text))
	return `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><ns2:orderQueryResponse xmlns:ns2="` + nsOrder + `"><return>` +
		`<errorCode>0</errorCode><orderQueryResponse><orderId>5000001</orderId><internalStatus>` + s.String() + `</internalStatus>` +
		`<statusMessage>` + m.String() + `</statusMessage></orderQueryResponse></return></ns2:orderQueryResponse></S:Body></S:Envelope>`
}

// TestWaitScrubsOrderText: the status of an order still running when the
// wait ends, and the status and text of a failed order, are the server's
// words: Orders.Wait puts them in its error scrubbed.
func TestWaitScrubsOrderText(t *testing.T) {
	for name, sp := range secSpellings(secPassword) {
		t.Run("running/"+name, func(t *testing.T) {
			c := secClient(t, func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "text/xml")
				fmt.Fprint(w, secOrderAnswer("IN_PROG "+sp, ""))
			})
			ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
			defer cancel()
			_, err := c.Orders.Wait(ctx, "5000001", nil)
			assert.ErrorIs(t, err, context.DeadlineExceeded)
			assert.Contains(t, err.Error(), "IN_PROG")
			secAssertHidden(t, err, secPassword)
		})
		t.Run("failed/"+name, func(t *testing.T) {
			c := secClient(t, func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "text/xml")
				fmt.Fprint(w, secOrderAnswer("FAILED", "login "+sp+" refused"))
			})
			o, err := c.Orders.Wait(context.Background(), "5000001", nil)
			assert.ErrorIs(t, err, ErrOrderFailed)
			require.NotNil(t, o)
			assert.Equal(t, OrderFailed, o.Status)
			assert.Contains(t, err.Error(), "FAILED")
			assert.Contains(t, err.Error(), "refused")
			secAssertHidden(t, err, secPassword)
		})
	}
}

// TestRawCallsScrubBodySecrets: the secret fields a raw call sends in its
// own body (a new password) are scrubbed from an ordinary error answer
// that echoes them, as the client's credentials are.
func TestRawCallsScrubBodySecrets(t *testing.T) {
	const newPassword = "N3w-S3cr3t-Pa55"
	t.Run("DoREST", func(t *testing.T) {
		c := secClient(t, func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprintf(w, `{"errorCode":5,"errorMessage":"password %s is too weak","success":false}`, newPassword)
		})
		err := c.DoREST(context.Background(), http.MethodPost, "/v1/user/password", nil, map[string]string{"newPassword": newPassword}, nil)
		var e *Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, 5, e.Code)
		assert.Contains(t, e.Message, "is too weak")
		secAssertHidden(t, err, newPassword, secPassword)
	})
	t.Run("CallSOAP", func(t *testing.T) {
		c := secClient(t, func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/xml")
			fmt.Fprint(w, `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><ns2:changePasswordResponse xmlns:ns2="urn:x"><return>`+
				`<errorCode>5</errorCode><errorMessage>password `+newPassword+` is too weak</errorMessage></return></ns2:changePasswordResponse></S:Body></S:Envelope>`)
		})
		part := struct {
			XMLName     xml.Name `xml:"request"`
			NewPassword string   `xml:"newPassword"`
		}{NewPassword: newPassword}
		err := c.CallSOAP(context.Background(), "/UtbCustomer", "urn:x", "changePassword", false, nil, part)
		var e *Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, 5, e.Code)
		secAssertHidden(t, err, newPassword, secPassword)
	})
}

// TestDecodeCauseScrubbedBeforeCut: a cause quoting the answer (a root
// element's name) is scrubbed whole before it is shortened, so that no
// piece of a long secret survives the cut.
func TestDecodeCauseScrubbedBeforeCut(t *testing.T) {
	long := strings.Repeat("Pw", 40) // a name XML accepts, longer than any cut
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/xml")
		fmt.Fprint(w, `<`+long+`/>`)
	}))
	t.Cleanup(srv.Close)
	c, err := New(Credentials{Username: secUser, Password: NewSecret(long)}, WithSOAPBaseURL(srv.URL), WithRetry(RetryPolicy{MaxAttempts: 1}))
	require.NoError(t, err)
	_, err = c.Orders.Query(context.Background(), "1")
	assert.ErrorIs(t, err, ErrBadResponse)
	assert.NotContains(t, err.Error(), "PwPw")
}

// TestContentTypeEchoScrubbed: the Content-Type an unreadable answer is
// described by is the server's word too.
func TestContentTypeEchoScrubbed(t *testing.T) {
	c := secClient(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset="+url.QueryEscape(secPassword))
		fmt.Fprint(w, `<html></html>`)
	})
	_, err := c.DataPools.Get(context.Background(), PoolRef{CustNo: "1", LineSeqNo: "2"})
	assert.ErrorIs(t, err, ErrBadResponse)
	assert.Contains(t, err.Error(), "text/html; charset=REDACTED")
	secAssertHidden(t, err, secPassword)
}

// TestScrubbedErrorsKeepTheirWords: a refusal echoing the credentials still
// says what went wrong, and is still recognised as a refused login. The
// debug log has the attempts, not the bodies.
func TestScrubbedErrorsKeepTheirWords(t *testing.T) {
	token := base64.StdEncoding.EncodeToString([]byte(secUser + ":" + secPassword))
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c := secClient(t, func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/rest/") {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprintf(w, `{"errorCode":401,"errorMessage":%s,"success":false}`, jsonString("Unauthorized: "+r.Header.Get("Authorization")))
			return
		}
		w.Header().Set("Content-Type", "text/xml")
		w.WriteHeader(http.StatusInternalServerError)
		var m strings.Builder
		_ = xml.EscapeText(&m, []byte("Authentication failed for password "+secPassword))
		fmt.Fprint(w, `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><S:Fault><faultcode>S:Client</faultcode>`+
			`<faultstring>`+m.String()+`</faultstring></S:Fault></S:Body></S:Envelope>`)
	}, WithLogger(logger))
	_, err := c.Orders.Query(context.Background(), "5000001")
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "S:Client", e.FaultCode)
	assert.Equal(t, "Authentication failed for password REDACTED", e.Message)
	assert.ErrorIs(t, err, ErrAuthFailed)
	secAssertHidden(t, err, secPassword, token)

	_, err = c.DataPools.Get(context.Background(), PoolRef{CustNo: "1", LineSeqNo: "2"})
	require.ErrorAs(t, err, &e)
	assert.Equal(t, http.StatusUnauthorized, e.HTTPStatus)
	assert.Equal(t, "Unauthorized: Basic REDACTED", e.Message)
	assert.ErrorIs(t, err, ErrAuthFailed)
	secAssertHidden(t, err, secPassword, token)

	assert.Contains(t, logs.String(), `"status":500`)
	assert.Contains(t, logs.String(), `"status":401`)
	for _, body := range []string{"<login", "Envelope", secUser, "orderId", "5000001"} {
		assert.NotContains(t, logs.String(), body, "the log shows a request body")
	}
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestUnusableAnswers: an answer that arrived but cannot be used (cut
// short, over the cap, a redirect not followed) is an *Error with its
// HTTP status that matches ErrBadResponse; one over the cap matches
// ErrResponseTooLarge too.
func TestUnusableAnswers(t *testing.T) {
	for _, tc := range []struct {
		name   string
		h      http.HandlerFunc
		status int
		large  bool
	}{
		{"over the cap", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/xml")
			fmt.Fprint(w, strings.Repeat("x", 2048))
		}, http.StatusOK, true},
		{"cut short", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Length", "1000")
			w.WriteHeader(http.StatusOK)
			fmt.Fprint(w, "<S:Envelope>")
		}, http.StatusOK, false},
		{"redirect", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/elsewhere", http.StatusFound)
		}, http.StatusFound, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(tc.h)
			t.Cleanup(srv.Close)
			c, err := New(Credentials{Username: secUser, Password: NewSecret(secPassword)}, WithSOAPBaseURL(srv.URL),
				WithRetry(RetryPolicy{MaxAttempts: 1}), WithMaxResponseSize(1024))
			require.NoError(t, err)
			_, err = c.Orders.CreateDataPool(context.Background(), PoolCreateRequest{CustNo: "1", ProviderPlanID: "P", PoolName: "N"})
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tc.status, e.HTTPStatus, "an answer arrived")
			assert.ErrorIs(t, err, ErrBadResponse)
			assert.Equal(t, tc.large, errors.Is(err, ErrResponseTooLarge))
		})
	}
}

// TestRetryAfterOnError: a 429 to an order, which is not sent again, tells
// the caller when to try; and Orders.Wait waits as long before its next poll.
func TestRetryAfterOnError(t *testing.T) {
	var n int
	c := secClient(t, func(w http.ResponseWriter, _ *http.Request) {
		n++
		w.Header().Set("Retry-After", "7")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	_, err := c.Orders.CreateDataPool(context.Background(), PoolCreateRequest{CustNo: "1", ProviderPlanID: "P", PoolName: "N"})
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, http.StatusTooManyRequests, e.HTTPStatus)
	assert.Equal(t, 7*time.Second, e.RetryAfter)
	assert.Contains(t, err.Error(), "retry after 7s")
	assert.Equal(t, 1, n)

	n = 0
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err = c.Orders.Wait(ctx, "5000001", nil) // polls every millisecond, but for Retry-After
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	require.ErrorAs(t, err, &e)
	assert.Equal(t, http.StatusTooManyRequests, e.HTTPStatus, "the last poll's answer")
	assert.Equal(t, 7*time.Second, e.RetryAfter)
	assert.Equal(t, 1, n, "one poll, then the server's Retry-After")
}

// TestCredentialsJSON: Credentials encode without the password.
func TestCredentialsJSON(t *testing.T) {
	creds := Credentials{Username: secUser, Password: NewSecret(secPassword)}
	for _, v := range []any{creds, &creds, []Credentials{creds}, struct{ C *Credentials }{&creds}} {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		assert.Contains(t, string(b), `{"Username":"sec-operator","Password":"REDACTED"}`)
		assert.NotContains(t, string(b), "Zq8pw")
	}
}

// TestTransportSentinels: the core's sentinels behind *Error.Is.
func TestTransportSentinels(t *testing.T) {
	for _, tc := range []struct {
		name       string
		cause      error
		bad, large bool
	}{
		{"too large", fmt.Errorf("%w (1024 bytes)", transport.ErrResponseTooLarge), true, true},
		{"truncated", fmt.Errorf("%w after 3 bytes", transport.ErrResponseTruncated), true, false},
		{"redirect", &transport.RedirectError{StatusCode: 302}, true, false},
		{"reset", errors.New("connection reset"), false, false},
	} {
		e := &Error{Layer: SOAP, Op: "orderQuery", Err: &transport.Error{Err: tc.cause}}
		assert.Equal(t, tc.bad, errors.Is(e, ErrBadResponse), tc.name)
		assert.Equal(t, tc.large, errors.Is(e, ErrResponseTooLarge), tc.name)
	}
}
