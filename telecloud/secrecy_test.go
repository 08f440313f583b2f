package telecloud

// Focused tests of the package's own secrecy rules, each of a case the
// conformance matrix (conformance_test.go) cannot state on its own: a
// three- or four-digit CVV, which the matrix cannot tell from digits that
// occur by chance; the trans_id attribute; the debug log line of a failure
// carrying the call's own secrets; and where a GET's keys go on a redirect.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scLog is a debug logger writing to slog's text and JSON handlers, without
// the time and durations (numbers that change from run to run).
type scLog struct {
	mu         sync.Mutex
	text, json bytes.Buffer
}

func (l *scLog) logger() *slog.Logger {
	opts := &slog.HandlerOptions{Level: slog.LevelDebug, ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
		if (a.Key == slog.TimeKey && len(groups) == 0) || a.Key == "duration" {
			return slog.Attr{}
		}
		return a
	}}
	return slog.New(&scTee{l: l, text: slog.NewTextHandler(&scWriter{l, &l.text}, opts), json: slog.NewJSONHandler(&scWriter{l, &l.json}, opts)})
}

func (l *scLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.text.String() + l.json.String()
}

type scWriter struct {
	l *scLog
	b *bytes.Buffer
}

func (w *scWriter) Write(p []byte) (int, error) {
	w.l.mu.Lock()
	defer w.l.mu.Unlock()
	return w.b.Write(p)
}

type scTee struct {
	l          *scLog
	text, json slog.Handler
}

func (t *scTee) Enabled(ctx context.Context, lv slog.Level) bool { return t.text.Enabled(ctx, lv) }
func (t *scTee) Handle(ctx context.Context, r slog.Record) error {
	_ = t.text.Handle(ctx, r.Clone())
	return t.json.Handle(ctx, r)
}
func (t *scTee) WithAttrs(as []slog.Attr) slog.Handler {
	return &scTee{l: t.l, text: t.text.WithAttrs(as), json: t.json.WithAttrs(as)}
}
func (t *scTee) WithGroup(n string) slog.Handler {
	return &scTee{l: t.l, text: t.text.WithGroup(n), json: t.json.WithGroup(n)}
}

// scTexts is everything of a call a user may see: the error in every verb,
// each error of its chain, and the debug log (the error logged too), with
// the server's address replaced (its port is a number).
func scTexts(err error, log *scLog, logger *slog.Logger, addrs ...string) []string {
	var out []string
	if err != nil {
		logger.Error("call failed", "err", err)
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
			out = append(out, fmt.Sprintf(verb, err))
		}
		for e := errors.Unwrap(err); e != nil; e = errors.Unwrap(e) {
			out = append(out, e.Error())
		}
	}
	out = append(out, log.String())
	for i := range out {
		for _, a := range addrs {
			out[i] = strings.ReplaceAll(out[i], a, "HOST")
		}
	}
	return out
}

// scDigits finds a digits-only secret standing as a whole word, the rule
// the package promises for secrets under four bytes (and four-byte ones are
// removed wherever they stand): inside a longer run of letters and digits
// it is another word.
func scDigits(secret string) *regexp.Regexp {
	return regexp.MustCompile(`(^|[^0-9A-Za-z])` + secret + `($|[^0-9A-Za-z])`)
}

// scEcho answers every request by quoting its form or query, as written,
// in the way the mode asks.
func scEcho(t *testing.T, mode string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		q := r.URL.RawQuery + "&" + string(b)
		vals, _ := url.ParseQuery(q)
		var plain strings.Builder
		for k, v := range vals {
			fmt.Fprintf(&plain, "%s=%s ", k, strings.Join(v, ","))
		}
		echo := q + " | " + plain.String()
		switch mode {
		case "envelope":
			fmt.Fprintf(w, `<telecloud trans_id="%s"><error>%s</error></telecloud>`, xmlEscape(plain.String()), xmlEscape(echo))
		case "html500":
			w.WriteHeader(http.StatusInternalServerError)
			fmt.Fprintf(w, "<html><body><pre>%s</pre></body></html>", echo)
		case "plain200":
			_, _ = io.WriteString(w, echo)
		case "status-line", "location":
			c, _, err := w.(http.Hijacker).Hijack()
			if err != nil {
				return
			}
			line := strings.NewReplacer("\r", " ", "\n", " ").Replace(plain.String())
			if mode == "status-line" {
				fmt.Fprintf(c, "HTTP/1.1 %s\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", strings.ReplaceAll(line, " ", "_"))
			} else {
				fmt.Fprintf(c, "HTTP/1.1 302 Found\r\nLocation: http://%s/x/%%zz%s\r\nContent-Length: 0\r\n\r\n", r.Host, line)
			}
			_ = c.Close()
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// scEchoClient is an echoing server in mode and a client of it that logs
// at debug level and sends every call once.
func scEchoClient(t *testing.T, mode string) (*httptest.Server, *Client, *scLog, *slog.Logger) {
	t.Helper()
	srv := scEcho(t, mode)
	log := &scLog{}
	logger := log.logger()
	c, err := New(Credentials{APIIDKey: NewSecret(testIDKey), APIKey: NewSecret(testAPIKey)}, WithBaseURL(srv.URL),
		WithLogger(logger), WithRetry(RetryPolicy{MaxAttempts: 1}))
	require.NoError(t, err)
	return srv, c, log, logger
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// A CVV, three or four digits, never shows: not in the error, not in the
// debug log, whatever the server quotes it in. (The redaction sweep this
// replaces found a four-digit CVV in slog's nanosecond timestamps about
// once in a hundred runs: here the time and durations are dropped and the
// server's port replaced, so no number is left to chance.)
func TestCVVNeverShown(t *testing.T) {
	for _, cvv := range []string{"737", "7391"} {
		for _, mode := range []string{"envelope", "html500", "plain200", "status-line", "location"} {
			for _, call := range []struct {
				name string
				f    func(context.Context, *Client) error
			}{
				{"Billing/AddFunds", func(ctx context.Context, c *Client) error {
					return gkErr(c.Billing.AddFunds(ctx, BillingAddFundsRequest{PaymentMethodID: "3001", Type: PaymentCard,
						Amount: MustMoney("25.00"), CVV: NewSecret(cvv)}))
				}},
				{"PaymentMethod/Create", func(ctx context.Context, c *Client) error {
					return gkErr(c.PaymentMethods.Create(ctx, PaymentMethodCreateRequest{Type: PaymentCard,
						Number: NewSecret("4000056655665556"), ExpirationMonth: "02", ExpirationYear: "29", CVV: NewSecret(cvv)}))
				}},
				{"Call", func(ctx context.Context, c *Client) error {
					return c.Call(ctx, "Billing/AddFunds", url.Values{"type": {"CC"}, "amount": {"25.00"}, "cvv": {cvv}}, nil)
				}},
			} {
				t.Run(cvv+"/"+mode+"/"+call.name, func(t *testing.T) {
					srv, c, log, logger := scEchoClient(t, mode)
					err := call.f(context.Background(), c)
					require.Error(t, err)
					host := strings.TrimPrefix(srv.URL, "http://")
					found := false
					for _, text := range scTexts(err, log, logger, host, url.QueryEscape(host)) {
						found = found || strings.Contains(text, "REDACTED")
						assert.False(t, scDigits(cvv).MatchString(text), "the CVV in %s", text)
						assert.NotContains(t, text, "4000056655665556")
					}
					if mode != "location" { // an unparseable Location is not quoted at all
						assert.True(t, found, "the server quoted the CVV, and it was removed")
					}
				})
			}
		}
	}
}

// The trans_id attribute of an answer is scrubbed before it is put into an
// error: a server quoting the request there showed the call's secrets.
func TestTransIDScrubbed(t *testing.T) {
	const card = "4000056655665556"
	password := `pw"<&>'+ /9Zx`
	for _, format := range []Format{FormatXML, FormatJSON} {
		for _, body := range []string{"error", "undecodable"} {
			t.Run(string(format)+"/"+body, func(t *testing.T) {
				srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					b, _ := io.ReadAll(r.Body)
					tid := string(b) // the form as it came: the keys, the card, the password, encoded
					switch {
					case format == FormatJSON && body == "error":
						fmt.Fprintf(w, `{"@attributes":{"trans_id":%q},"error":"refused"}`, tid)
					case format == FormatJSON:
						fmt.Fprintf(w, `{"@attributes":{"trans_id":%q},"paymentmethod":{"@attributes":{"default":"maybe"}}}`, tid)
					case body == "error":
						fmt.Fprintf(w, `<telecloud trans_id="%s"><error>refused</error></telecloud>`, xmlEscape(tid))
					default:
						fmt.Fprintf(w, `<telecloud trans_id="%s"><paymentmethod default="maybe"/></telecloud>`, xmlEscape(tid))
					}
				}))
				t.Cleanup(srv.Close)
				c, err := New(Credentials{APIIDKey: NewSecret(testIDKey), APIKey: NewSecret(testAPIKey)}, WithBaseURL(srv.URL),
					WithFormat(format))
				require.NoError(t, err)
				_, err = c.PaymentMethods.Edit(context.Background(), PaymentMethodEditRequest{PaymentMethodID: "3001"},
					WithParam("payment_account_number", card), WithParam("password", password))
				var e *Error
				require.ErrorAs(t, err, &e)
				require.NotEmpty(t, e.RequestID)
				assert.Contains(t, e.RequestID, "REDACTED")
				for _, text := range []string{e.RequestID, err.Error(), fmt.Sprintf("%#v", err)} {
					for _, s := range []string{card, testIDKey, testAPIKey, password, url.QueryEscape(password)} {
						assert.NotContains(t, text, s)
					}
				}
			})
		}
	}
}

// The debug log line of a failure is scrubbed of the call's own secrets
// (the card, the CVV, a customer's password, SSN and licence, gateway
// credentials) as its error is: the package used to scrub them from
// Error() alone.
func TestDebugLogScrubsCallSecrets(t *testing.T) {
	const (
		card = "4000056655665556"
		cvv  = "737"
		ssn  = "078-05-1120"
	)
	dl := "D1234567&X'Y"
	gw := "sk_live_gw&Cred<1>"
	for _, mode := range []string{"status-line", "location"} {
		t.Run(mode, func(t *testing.T) {
			srv, c, log, _ := scEchoClient(t, mode)
			calls := []error{
				gkErr(c.PaymentMethods.Create(context.Background(), PaymentMethodCreateRequest{Type: PaymentCard,
					Number: NewSecret(card), ExpirationMonth: "02", ExpirationYear: "29", CVV: NewSecret(cvv)})),
				gkErr(c.Customers.Edit(context.Background(), CustomerEditRequest{AccountNumber: "7105045", SSN: NewSecret(ssn), DL: NewSecret(dl)})),
				gkErr(c.Gateways.Create(context.Background(), GatewayCreateRequest{Name: "STRIPE", Credentials1: NewSecret(gw)})),
			}
			for _, err := range calls {
				require.Error(t, err)
			}
			text := log.String()
			require.Contains(t, text, "ispkit request", "the attempts are logged")
			if mode != "location" { // an unparseable Location is not quoted at all
				require.Contains(t, text, "REDACTED")
			}
			for _, s := range []string{card, ssn, dl, gw, url.QueryEscape(dl), url.QueryEscape(gw), testIDKey, testAPIKey} {
				assert.NotContains(t, text, s)
			}
			assert.False(t, scDigits(cvv).MatchString(strings.ReplaceAll(text, strings.TrimPrefix(srv.URL, "http://"), "HOST")),
				"the CVV in the log")
		})
	}
}

// The keys of a GET (every Search, Qualify and Estimate) are in its query
// string. A redirect to another host or port is followed only without
// them: no Referer (which repeated the URL, keys included), no key in the
// new URL (a redirect that would carry one is not followed).
func TestGetRedirectCarriesNoKey(t *testing.T) {
	var mu sync.Mutex
	var other []string // every request the other server got, whole
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	otherSrv := &http.Server{ReadHeaderTimeout: time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		other = append(other, fmt.Sprintf("%s %s %v %s", r.Method, r.URL.RequestURI(), r.Header, b))
		mu.Unlock()
		_, _ = io.WriteString(w, `<telecloud trans_id="5"/>`)
	})}
	go func() { _ = otherSrv.Serve(ln) }()
	t.Cleanup(func() { _ = otherSrv.Close() })
	otherURL := "http://" + ln.Addr().String()

	for _, tc := range []struct {
		name     string
		location func(r *http.Request) string
		followed bool
	}{
		{"to a clean URL", func(*http.Request) string { return otherURL + "/API/xml/Order/Search" }, true},
		{"to the same query string", func(r *http.Request) string { return otherURL + r.URL.RequestURI() }, false},
	} {
		for _, code := range []int{301, 302, 303, 307, 308} {
			t.Run(fmt.Sprintf("%s/%d", tc.name, code), func(t *testing.T) {
				mu.Lock()
				other = nil
				mu.Unlock()
				origin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					http.Redirect(w, r, tc.location(r), code)
				}))
				t.Cleanup(origin.Close)
				c, err := New(Credentials{APIIDKey: NewSecret(testIDKey), APIKey: NewSecret(testAPIKey)}, WithBaseURL(origin.URL),
					WithRetry(RetryPolicy{MaxAttempts: 1}))
				require.NoError(t, err)
				_, err = c.Orders.Search(context.Background(), OrderSearchRequest{AccountNumber: "7105045"})
				mu.Lock()
				got := append([]string(nil), other...)
				mu.Unlock()
				if tc.followed {
					require.NoError(t, err)
					require.Len(t, got, 1)
				} else {
					var e *Error
					require.ErrorAs(t, err, &e)
					assert.ErrorIs(t, err, ErrBadResponse, "a redirect not followed")
					assert.Equal(t, code, e.HTTPStatus)
					assert.Empty(t, got)
				}
				for _, g := range got {
					for _, k := range []string{testIDKey, testAPIKey, "API_KEY", "API_ID_KEY", "Referer"} {
						assert.NotContains(t, g, k)
					}
				}
			})
		}
	}
}
