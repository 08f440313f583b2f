package octane

// The vendor-specific secrecy and classification cases of issue 10 that the
// conformance matrix (conformance_test.go) cannot express: an order's status
// and failed-order text in Orders.Wait, a raw call's own body secrets in an
// ordinary error answer, a decoding cause cut before it was scrubbed, and
// the answers that must match ErrBadResponse.

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	secUser = "sec-operator"
	// secPassword has characters every escaping scheme treats differently.
	secPassword = `Zq8pw<&Q>"X'+J/=V%;K\Wm`
)

// secClient is a client of the server h, without retries, polling fast.
func secClient(t *testing.T, h http.HandlerFunc) *Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := New(Credentials{Username: secUser, Password: NewSecret(secPassword)},
		WithSOAPBaseURL(srv.URL+"/soap"), WithRESTBaseURL(srv.URL+"/rest"),
		WithRetry(RetryPolicy{MaxAttempts: 1}), WithPollInterval(time.Millisecond, 2*time.Millisecond))
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
			_, err := c.Orders.Wait(ctx, "5000001")
			assert.ErrorIs(t, err, context.DeadlineExceeded)
			assert.Contains(t, err.Error(), "IN_PROG")
			secAssertHidden(t, err, secPassword)
		})
		t.Run("failed/"+name, func(t *testing.T) {
			c := secClient(t, func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "text/xml")
				fmt.Fprint(w, secOrderAnswer("FAILED", "login "+sp+" refused"))
			})
			o, err := c.Orders.Wait(context.Background(), "5000001")
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
