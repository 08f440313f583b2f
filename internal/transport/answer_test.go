package transport

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A GET that carries its credentials in the query (TeleCloud) follows a
// redirect to another host without a Referer, which would repeat the URL.
func TestRedirectGETSendsNoReferer(t *testing.T) {
	var mu sync.Mutex
	var got http.Header
	b := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = r.Header.Clone()
		mu.Unlock()
		_, _ = io.WriteString(w, "landed")
	}))
	defer b.Close()
	for _, status := range []int{301, 302, 303, 307, 308} {
		a := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, b.URL+"/landing", status)
		}))
		c := newClient(t, Vendor{Secrets: []string{"idkey-1234", "apikey-5678"}}, WithBaseURL(a.URL))
		resp, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/API/xml/Customer/Search",
			Query: url.Values{"API_ID_KEY": {"idkey-1234"}, "API_KEY": {"apikey-5678"}}, CarriesCredentials: true})
		a.Close()
		require.NoError(t, err, status)
		assert.Equal(t, "landed", string(resp.Body))
		mu.Lock()
		assert.Empty(t, got.Values("Referer"), "%d: Referer sent to another host", status)
		for k, vs := range got {
			for _, v := range vs {
				assert.NotContains(t, v, "1234", "%d: %s", status, k)
				assert.NotContains(t, v, "5678", "%d: %s", status, k)
			}
		}
		mu.Unlock()
	}
}

// A redirect to another host whose Location itself carries a secret (a
// server echoing the query into it) is not followed.
func TestRedirectGETWithSecretInLocationIsNotFollowed(t *testing.T) {
	var hits int
	var mu sync.Mutex
	b := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits++
		mu.Unlock()
	}))
	defer b.Close()
	a := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, b.URL+"/x?k="+url.QueryEscape("api<key>5678"), http.StatusFound)
	}))
	defer a.Close()
	c := newClient(t, Vendor{Secrets: []string{"api<key>5678"}}, WithBaseURL(a.URL))
	_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/s"})
	require.ErrorIs(t, err, ErrRedirect)
	assert.Equal(t, http.StatusFound, StatusOf(err))
	assert.NotContains(t, err.Error(), "5678")
	assert.Equal(t, 0, hits)
}

// rawServer answers every connection with the bytes of respond, after
// reading the request head.
func rawServer(t *testing.T, respond func(w *bufio.Writer)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { _ = ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				r := bufio.NewReader(conn)
				if _, err := http.ReadRequest(r); err != nil {
					return
				}
				w := bufio.NewWriter(conn)
				respond(w)
				_ = w.Flush()
			}()
		}
	}()
	return "http://" + ln.Addr().String()
}

// An answer that arrived but cannot be used has its status and the
// sentinel that says why.
func TestUnusableAnswersKeepTheirStatus(t *testing.T) {
	cases := []struct {
		name    string
		respond func(w *bufio.Writer)
		want    error
		status  int
	}{
		{"truncated 200", func(w *bufio.Writer) {
			fmt.Fprint(w, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{\"ok\":")
		}, ErrResponseTruncated, 200},
		{"truncated 500", func(w *bufio.Writer) {
			fmt.Fprint(w, "HTTP/1.1 500 Oops\r\nContent-Length: 1000\r\n\r\n<html>")
		}, ErrResponseTruncated, 500},
		{"declared over the cap", func(w *bufio.Writer) {
			fmt.Fprint(w, "HTTP/1.1 200 OK\r\nContent-Length: 31457280\r\n\r\n0123456789")
		}, ErrResponseTooLarge, 200},
		{"over the cap, no length", func(w *bufio.Writer) {
			fmt.Fprint(w, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n"+strings.Repeat("x", 5000))
		}, ErrResponseTooLarge, 200},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			u := rawServer(t, tc.respond)
			c := newClient(t, Vendor{}, WithBaseURL(u), WithMaxResponseSize(4096), WithRetry(RetryPolicy{MaxAttempts: 1}))
			_, err := c.Do(context.Background(), &Request{Method: http.MethodPost, Path: "/x", Body: []byte("{}")})
			require.ErrorIs(t, err, tc.want)
			assert.True(t, IsBadResponse(err))
			assert.Equal(t, tc.status, StatusOf(err))
		})
	}
}

// A lying Content-Length is never allocated: 30 MiB declared under the
// default 32 MiB cap, 10 bytes sent.
func TestLyingContentLengthAllocatesNothing(t *testing.T) {
	u := rawServer(t, func(w *bufio.Writer) {
		fmt.Fprint(w, "HTTP/1.1 200 OK\r\nContent-Length: 31457280\r\n\r\n0123456789")
	})
	c := newClient(t, Vendor{}, WithBaseURL(u), WithRetry(RetryPolicy{MaxAttempts: 1}))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/x"})
	runtime.ReadMemStats(&after)
	require.ErrorIs(t, err, ErrResponseTruncated)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(1<<20), "allocated from the declared length")
}

// The body buffer grows with what arrives and stops at the cap: a body far
// over the cap allocates less than twice the cap in all.
func TestReadCappedPeak(t *testing.T) {
	const limit = 1 << 20
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	b, over, err := readCapped(io.LimitReader(zeros{}, 10*limit), limit, -1)
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	assert.True(t, over)
	assert.Len(t, b, limit)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(2*limit+64<<10))
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// A 429 to a call that is not sent again carries the server's Retry-After.
func TestRetryAfterReachesTheCaller(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "7")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()
	c := newClient(t, Vendor{}, WithBaseURL(srv.URL))
	resp, err := c.Do(context.Background(), &Request{Method: http.MethodPost, Path: "/create", Body: []byte("{}")})
	require.NoError(t, err)
	assert.Equal(t, 7*time.Second, resp.RetryAfter)
	assert.Equal(t, 1, resp.Attempts, "a POST is not sent again after a 429")
}

// The call's own secrets, given or found in its body, are scrubbed from the
// transport's errors and log lines and through the Response.
func TestCallSecretsAreScrubbed(t *testing.T) {
	u := rawServer(t, func(w *bufio.Writer) {
		fmt.Fprint(w, "HTTP/1.1 500 Oops\r\nContent-Type: text/plain\r\n\r\nyou sent tok-9f8e7d and sip-pw-3141 and card 4111111111111111")
	})
	var logs syncBuffer
	c := newClient(t, Vendor{}, WithBaseURL(u), WithRetry(RetryPolicy{MaxAttempts: 1}), WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	resp, err := c.Do(context.Background(), &Request{Method: http.MethodPost, Path: "/x", Secrets: []string{"tok-9f8e7d"},
		Body: []byte(`{"sipPassword":"sip-pw-3141","cardNumber":"4111111111111111"}`)})
	require.NoError(t, err)
	ex := resp.Excerpt(200)
	assert.Equal(t, "you sent REDACTED and REDACTED and card REDACTED", ex)
	assert.NotContains(t, logs.String(), "tok-9f8e7d")
}

// What net/http cannot read as HTTP is a classified answer: an unparseable
// Location is a redirect not followed (and not retried), whose text does not
// quote the Location; a malformed status line is ErrMalformedResponse.
func TestAnswersNetHTTPCannotRead(t *testing.T) {
	t.Run("unparseable Location", func(t *testing.T) {
		var n int
		var mu sync.Mutex
		u := rawServer(t, func(w *bufio.Writer) {
			mu.Lock()
			n++
			mu.Unlock()
			fmt.Fprint(w, "HTTP/1.1 302 Found\r\nLocation: http://[::1%zz&#34;hunter22-long&#34;/\r\nContent-Length: 0\r\n\r\n")
		})
		c := newClient(t, Vendor{Secrets: []string{`"hunter22-long"`}}, WithBaseURL(u), WithRetry(fastRetry()))
		_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/x"})
		require.ErrorIs(t, err, ErrRedirect)
		assert.True(t, IsBadResponse(err))
		assert.NotContains(t, err.Error(), "hunter")
		assert.Equal(t, 1, n, "the same answer is not asked for again")
	})
	t.Run("malformed status line", func(t *testing.T) {
		u := rawServer(t, func(w *bufio.Writer) { fmt.Fprint(w, "HTTP/1.1 abc nope\r\n\r\n") })
		c := newClient(t, Vendor{}, WithBaseURL(u), WithRetry(RetryPolicy{MaxAttempts: 1}))
		_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/x"})
		require.ErrorIs(t, err, ErrMalformedResponse)
		assert.True(t, IsBadResponse(err))
	})
}
