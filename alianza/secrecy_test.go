package alianza_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/alianza"
)

// Secrecy cases the conformance matrix does not express, or that pin a
// finding of issue 10 on its own.

// The secrets of these tests: no fragment of them may show. The token has
// no character that a URL or a status line would refuse.
const (
	secToken = "AZTOKsecrecy7f3a9c0ffee"
	secSIP   = "sipSECRETq7Z4-9922"
	secPIN   = "pinQ77331z"
)

var secAll = []string{confPassword, secToken, secSIP, secPIN}

// secServer logs in with secToken and answers every other request with
// answer; the client logs at debug level into the returned buffer (from
// the goroutine of the call: read it after the call).
func secServer(t *testing.T, answer http.HandlerFunc) (*alianza.Client, *bytes.Buffer) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v2/authorize" {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusCreated)
			_, _ = io.WriteString(w, `{"authToken":"`+secToken+`","partitionId":"P1"}`)
			return
		}
		answer(w, r)
	}))
	t.Cleanup(srv.Close)
	logs := &bytes.Buffer{}
	c, err := alianza.New(confCredentials(), alianza.WithBaseURL(srv.URL),
		alianza.WithRetry(alianza.RetryPolicy{MaxAttempts: 1}),
		alianza.WithLogger(slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	require.NoError(t, err)
	return c, logs
}

// errorTexts is everything an error shows: its text in fmt's verbs and
// every error of its chain.
func errorTexts(err error) []string {
	var out []string
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
		out = append(out, fmt.Sprintf(verb, err))
	}
	for e := err; e != nil; e = errors.Unwrap(e) {
		out = append(out, e.Error())
	}
	return out
}

// noSecret fails when a secret shows in a text.
func noSecret(t *testing.T, what string, texts ...string) {
	t.Helper()
	for _, text := range texts {
		for _, s := range secAll {
			if strings.Contains(text, s) {
				t.Errorf("%s shows the secret %.6s…: %.400q", what, s, text)
			}
		}
	}
}

// Jobs.Wait: a status outside the spec's enum is put in the error,
// scrubbed (it used to be quoted as it came).
func TestJobsWaitUnknownStatusScrubbed(t *testing.T) {
	c, logs := secServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"id":"J1","name":"import","status":`+jsonText("ECHO "+r.Header.Get("X-Auth-Token")+" "+confPassword)+`}`)
	})
	_, err := c.Jobs.Wait(context.Background(), "J1", nil)
	require.ErrorIs(t, err, alianza.ErrBadResponse)
	assert.Contains(t, err.Error(), `has status "ECHO REDACTED REDACTED", not one of the spec's`)
	noSecret(t, "Jobs.Wait", append(errorTexts(err), logs.String())...)
}

// The paged searches' decoding errors are scrubbed with the call's
// scrubber, which knows the token (they used to be scrubbed without it:
// `parsing time "<token>"`).
func TestPagedSearchDecodingErrorScrubbed(t *testing.T) {
	c, logs := secServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"totalRecords":1,"results":[{"id":"H1"`+confDates(jsonText(r.Header.Get("X-Auth-Token")))+`}]}`)
	})
	for name, seq := range map[string]func(yield func(any, error) bool){
		"Accounts.History": func(yield func(any, error) bool) {
			for h, err := range c.Accounts.History(context.Background(), "A1", &alianza.HistoryOptions{}) {
				if !yield(h, err) {
					return
				}
			}
		},
		"Numbers.StatusEvents": func(yield func(any, error) bool) {
			for e, err := range c.Numbers.StatusEvents(context.Background(), &alianza.StatusEventOptions{}) {
				if !yield(e, err) {
					return
				}
			}
		},
	} {
		err := drain(seq)
		require.ErrorIs(t, err, alianza.ErrBadResponse, name)
		var e *alianza.Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, http.StatusOK, e.HTTPStatus)
		assert.Contains(t, e.Body, "REDACTED", "the excerpt shows the answer, scrubbed")
		noSecret(t, name, append(errorTexts(err), e.Body, logs.String())...)
	}
}

// rawAnswer writes bytes net/http would not write: a malformed status line,
// an unparseable Location.
func rawAnswer(t *testing.T, w http.ResponseWriter, text string) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		t.Error(err)
		return
	}
	defer conn.Close()
	_, _ = io.WriteString(conn, text)
}

// Connection-level errors (net/http's, which quote what the server sent)
// are scrubbed of the token and of the call's own secrets: the SIP password
// and the wireless PIN of the request body.
func TestConnectionErrorsScrubbed(t *testing.T) {
	calls := map[string]func(context.Context, *alianza.Client) error{
		"Accounts.Get": func(ctx context.Context, c *alianza.Client) error { return second(c.Accounts.Get(ctx, "A1")) },
		"DeviceLines.Create": func(ctx context.Context, c *alianza.Client) error {
			d := confLine
			d.SIPPassword = alianza.NewSecret(secSIP)
			return second(c.DeviceLines.Create(ctx, "A1", d))
		},
		"Numbers.Add": func(ctx context.Context, c *alianza.Client) error {
			port := confPort
			port.WirelessPin = alianza.NewSecret(secPIN)
			return second(c.Numbers.Add(ctx, "A1", alianza.NumberActivation{Port: &port}))
		},
	}
	// echo is what the request carried: its token and its body's secrets.
	echo := func(r *http.Request) string {
		body, _ := io.ReadAll(r.Body)
		var v struct {
			SIPPassword string `json:"sipPassword"`
			Port        struct {
				WirelessPin string `json:"wirelessPin"`
			} `json:"port"`
		}
		_ = json.Unmarshal(body, &v)
		return r.Header.Get("X-Auth-Token") + "-" + v.SIPPassword + "-" + v.Port.WirelessPin + "-" + confPassword
	}
	answers := map[string]func(*testing.T, http.ResponseWriter, *http.Request){
		"malformed status line": func(t *testing.T, w http.ResponseWriter, r *http.Request) {
			rawAnswer(t, w, "HTTP/1.1 "+echo(r)+"\r\nContent-Length: 0\r\n\r\n")
		},
		"unparseable Location": func(t *testing.T, w http.ResponseWriter, r *http.Request) {
			rawAnswer(t, w, "HTTP/1.1 302 Found\r\nLocation: /moved/%zz"+echo(r)+"\r\nContent-Length: 0\r\n\r\n")
		},
		"status reason": func(t *testing.T, w http.ResponseWriter, r *http.Request) {
			rawAnswer(t, w, "HTTP/1.1 500 "+echo(r)+"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
		},
	}
	for aname, answer := range answers {
		for cname, call := range calls {
			t.Run(aname+"/"+cname, func(t *testing.T) {
				c, logs := secServer(t, func(w http.ResponseWriter, r *http.Request) { answer(t, w, r) })
				err := call(context.Background(), c)
				require.Error(t, err)
				switch aname {
				case "status reason": // the reason phrase is not shown
				case "unparseable Location": // replaced whole: net/http quotes it cut at a '#'
					assert.ErrorIs(t, err, alianza.ErrBadResponse)
				default:
					assert.Contains(t, err.Error(), "REDACTED", "the echo is there, scrubbed")
				}
				noSecret(t, cname, append(errorTexts(err), logs.String())...)
			})
		}
	}
}

// After a 401, the client logs in again and retries once; an error of the
// retry is scrubbed of the new token and of the refused one.
func TestReloginErrorScrubbed(t *testing.T) {
	var mu sync.Mutex
	logins := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		mu.Lock()
		defer mu.Unlock()
		if r.URL.Path == "/v2/authorize" {
			logins++
			w.WriteHeader(http.StatusCreated)
			_, _ = fmt.Fprintf(w, `{"authToken":"%s-%d","partitionId":"P1"}`, secToken, logins)
			return
		}
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = fmt.Fprintf(w, `{"status":401,"messages":["ExpiredAuthToken","tokens %s-1 and %s-2"]}`, secToken, secToken)
	}))
	t.Cleanup(srv.Close)
	c, err := alianza.New(confCredentials(), alianza.WithBaseURL(srv.URL))
	require.NoError(t, err)
	_, err = c.Accounts.Get(context.Background(), "A1")
	require.ErrorIs(t, err, alianza.ErrTokenExpired)
	assert.Equal(t, 2, logins)
	assert.Contains(t, err.Error(), "tokens REDACTED and REDACTED")
	noSecret(t, "Accounts.Get", errorTexts(err)...)
}

// Jobs.Start quotes an answer that is not a job; a device line list in its
// place shows no SIP password (a secret field of the answer, which the
// request did not carry).
func TestJobsStartExcerptRedactsSecretFields(t *testing.T) {
	c, _ := secServer(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = fmt.Fprintf(w, `[{"id":"D1","sipUsername":"u1","sipPassword":%q}]`, secSIP)
	})
	_, err := c.Jobs.Start(context.Background(), http.MethodGet, "/v2/partition/{partition}/account/A1/deviceline", nil, nil)
	require.ErrorIs(t, err, alianza.ErrBadResponse)
	noSecret(t, "Jobs.Start", errorTexts(err)...)
}

// The public types that hold a Secret print it as REDACTED everywhere:
// behind a pointer and in slices with fmt (%s of a struct behind a pointer
// used to print the field), and through slog's JSON handler and
// json.Marshal, in slices and wrapper structs (the types' MarshalJSON used
// to be the wire encoding). The client still sends the values.
func TestSecretsPrintRedacted(t *testing.T) {
	line := confLine
	line.SIPPassword = alianza.NewSecret(secSIP)
	port := confPort
	port.WirelessPin = alianza.NewSecret(secPIN)
	user := alianza.User{ID: "U1", Devices: []alianza.DeviceLine{line}}
	act := alianza.NumberActivation{AccountID: "A1", Port: &port}
	creds := alianza.Credentials{Username: "ops", Password: alianza.NewSecret(secSIP)}
	values := map[string]any{
		"DeviceLine": line, "*DeviceLine": &line, "[]DeviceLine": []alianza.DeviceLine{line}, "[]*DeviceLine": []*alianza.DeviceLine{&line},
		"User": user, "[]User": []alianza.User{user}, "Port": port, "[]Port": []alianza.Port{port},
		"NumberActivation": act, "*NumberActivation": &act, "wrapper": struct {
			Lines []alianza.DeviceLine
			Act   *alianza.NumberActivation
		}{[]alianza.DeviceLine{line}, &act},
		"Credentials": creds, "[]Credentials": []alianza.Credentials{creds},
	}
	for name, v := range values {
		var texts []string
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d"} {
			texts = append(texts, fmt.Sprintf(verb, v))
		}
		b, err := json.Marshal(v)
		require.NoError(t, err, name)
		texts = append(texts, string(b))
		var logs bytes.Buffer
		slog.New(slog.NewJSONHandler(&logs, nil)).Info("v", "v", v)
		slog.New(slog.NewTextHandler(&logs, nil)).Info("v", "v", v)
		texts = append(texts, logs.String())
		noSecret(t, name, texts...)
	}
	b, err := json.Marshal(creds)
	require.NoError(t, err)
	assert.JSONEq(t, `{"Username":"ops","Password":"REDACTED"}`, string(b))
}

// The *Error of an answer that could not be used: its status, ErrBadResponse,
// ErrResponseTooLarge for an answer over the cap, RetryAfter after a 429.
func TestUnusableAnswersClassified(t *testing.T) {
	t.Run("too large", func(t *testing.T) {
		c, _ := secServer(t, func(w http.ResponseWriter, _ *http.Request) {
			_, _ = io.WriteString(w, `{"id":"A1","accountName":"`+strings.Repeat("x", 4096)+`"}`)
		})
		c2, err := alianza.New(confCredentials(), alianza.WithBaseURL(c.BaseURL()), alianza.WithMaxResponseSize(1024))
		require.NoError(t, err)
		_, err = c2.Accounts.Get(context.Background(), "A1")
		assert.ErrorIs(t, err, alianza.ErrResponseTooLarge)
		assert.ErrorIs(t, err, alianza.ErrBadResponse)
		var e *alianza.Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, http.StatusOK, e.HTTPStatus, "an answer arrived")
	})
	t.Run("truncated", func(t *testing.T) {
		c, _ := secServer(t, func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Length", "100")
			_, _ = io.WriteString(w, `{"id":`)
		})
		_, err := c.Accounts.Get(context.Background(), "A1")
		assert.ErrorIs(t, err, alianza.ErrBadResponse)
		assert.NotErrorIs(t, err, alianza.ErrResponseTooLarge)
		var e *alianza.Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, http.StatusOK, e.HTTPStatus)
	})
	t.Run("redirect of a POST", func(t *testing.T) {
		sent := 0
		c, _ := secServer(t, func(w http.ResponseWriter, r *http.Request) {
			sent++
			http.Redirect(w, r, "/elsewhere", http.StatusFound)
		})
		_, err := c.Accounts.Create(context.Background(), alianza.Account{AccountNumber: "CUST-1", AccountName: "Ada",
			AccountType: alianza.AccountSimple, BillingCycleDay: 1, DialingBehaviorType: alianza.DialTenDigit})
		assert.ErrorIs(t, err, alianza.ErrBadResponse)
		var e *alianza.Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, http.StatusFound, e.HTTPStatus)
		assert.Equal(t, 1, sent, "not followed")
	})
	t.Run("429 on a create", func(t *testing.T) {
		sent := 0
		c, _ := secServer(t, func(w http.ResponseWriter, _ *http.Request) {
			sent++
			w.Header().Set("Retry-After", "7")
			w.WriteHeader(http.StatusTooManyRequests)
		})
		_, err := c.Accounts.Create(context.Background(), alianza.Account{AccountNumber: "CUST-1", AccountName: "Ada",
			AccountType: alianza.AccountSimple, BillingCycleDay: 1, DialingBehaviorType: alianza.DialTenDigit})
		var e *alianza.Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, http.StatusTooManyRequests, e.HTTPStatus)
		assert.Equal(t, 7*time.Second, e.RetryAfter)
		assert.Equal(t, 1, sent, "a create is not sent again")
	})
}
