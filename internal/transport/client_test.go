package transport

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ---- Credentials per attempt ----------------------------------------------

func TestAuthenticatePerAttempt(t *testing.T) {
	var (
		mu   sync.Mutex
		seen []string
	)
	srv := newAttemptServer(t, func(n int, w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.Header.Get("X-Auth-Token"))
		mu.Unlock()
		statusSequence(503, 503, 200)(n, w, r)
	})
	var calls atomic.Int32
	v := Vendor{
		// A token that changes per call, as a refreshed one would.
		Authenticate: func(r *http.Request) {
			n := calls.Add(1)
			r.Header.Set("X-Auth-Token", fmt.Sprintf("tok-%d-s3cr3t", n))
		},
		CredentialHeaders: []string{"X-Auth-Token"},
	}
	var logs syncBuffer
	c := newClient(t, v, WithBaseURL(srv.URL), WithRetry(fastRetry()),
		WithLogger(slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))

	callerHeader := http.Header{"X-Request-Id": {"r-1"}}
	req := &Request{Op: "q", Method: http.MethodGet, Path: "/q", Header: callerHeader}
	resp, err := c.Do(context.Background(), req)
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, 3, resp.Attempts)

	assert.EqualValues(t, 3, calls.Load(), "Authenticate runs once per attempt")
	assert.Equal(t, []string{"tok-1-s3cr3t", "tok-2-s3cr3t", "tok-3-s3cr3t"}, seen,
		"every attempt, retries included, carries the credential set for it")

	// The credential is nowhere the caller can see it.
	assert.Equal(t, http.Header{"X-Request-Id": {"r-1"}}, req.Header, "the caller's Request.Header is not modified")
	assert.NotContains(t, fmt.Sprintf("%+v", resp), "s3cr3t")
	assert.NotContains(t, c.BaseURL(), "s3cr3t")
	assert.NotContains(t, logs.String(), "s3cr3t")
	assert.Len(t, jsonRecords(t, logs.String()), 3)
}

func TestAuthenticateSecretNotInErrors(t *testing.T) {
	srv := newAttemptServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { hijackClose(w) })
	var logs syncBuffer
	v := Vendor{Authenticate: func(r *http.Request) {
		r.Header.Set("Authorization", "Bearer hdr-s3cr3t")
	}}
	c := newClient(t, v, WithBaseURL(srv.URL), WithRetry(fastRetry()),
		WithLogger(slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	_, err := c.Do(context.Background(), &Request{Op: "create", Method: http.MethodPost, Path: "/c", Body: []byte("{}")})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "s3cr3t")
	assert.NotContains(t, fmt.Sprintf("%+v", err), "s3cr3t")
	assert.NotContains(t, logs.String(), "s3cr3t")
	assert.NotEmpty(t, logs.String())
}

func TestVendorSecretsScrubbedFromErrorsAndLogs(t *testing.T) {
	// A cause whose text echoes a secret (a proxy or a dialer that quotes it).
	hc := &http.Client{Transport: &http.Transport{
		DialContext: func(context.Context, string, string) (net.Conn, error) {
			return nil, &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("gateway rejected key Zk9-topsecret-Q")}
		},
	}}
	var logs syncBuffer
	c := newClient(t, Vendor{Secrets: []string{"Zk9-topsecret-Q"}},
		WithBaseURL("http://vendor.test"), WithHTTPClient(hc), WithRetry(RetryPolicy{MaxAttempts: 2}),
		WithLogger(slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	_, err := c.Do(context.Background(), &Request{Op: "x", Method: http.MethodPost, Path: "/x"})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "topsecret")
	assert.Contains(t, err.Error(), "gateway rejected key REDACTED")
	assert.NotContains(t, logs.String(), "topsecret")
	assert.Contains(t, logs.String(), "gateway rejected key REDACTED")
	// The cause printed the secret, so it is hidden: not reachable through
	// Unwrap or errors.As, where a reporter walking the chain would print it.
	var op *net.OpError
	assert.False(t, errors.As(err, &op), "the cause holding the secret stays hidden")
	for e := err; e != nil; e = errors.Unwrap(e) {
		assert.NotContains(t, e.Error(), "topsecret")
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
			assert.NotContains(t, fmt.Sprintf(verb, e), "topsecret", verb)
		}
	}
	var te *Error
	require.ErrorAs(t, err, &te)
	assert.Equal(t, 2, te.Attempts, "a dial error is retried even for POST")
	assert.Equal(t, "key REDACTED here", c.Scrub("key Zk9-topsecret-Q here"))
}

func TestHTTPClientWrapperSeesCredentials(t *testing.T) {
	srv := newAttemptServer(t, statusSequence(200))
	c := newClient(t, Vendor{Authenticate: func(r *http.Request) { r.Header.Set("Authorization", "Bearer abc") }},
		WithBaseURL(srv.URL))
	var got string
	hc := c.HTTPClient()
	next := hc.Transport
	hc.Transport = roundTripFunc(func(r *http.Request) (*http.Response, error) {
		got = r.Header.Get("Authorization")
		return next.RoundTrip(r)
	})
	_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/"})
	require.NoError(t, err)
	assert.Equal(t, "Bearer abc", got)
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// ---- Redirects -----------------------------------------------------------

// credentialVendor sets every kind of credential header, canonical or not.
func credentialVendor() Vendor {
	return Vendor{
		Authenticate: func(r *http.Request) {
			r.Header.Set("Authorization", "Bearer auth-secret")
			r.Header.Set("Cookie", "session=cookie-secret")
			r.Header["cloud_key"] = []string{"cloudkey-secret"}      // non-canonical, as BOSS expects
			r.Header["X-AUTH-TOKEN"] = []string{"xauthtoken-secret"} // non-canonical spelling
			r.Header.Set("X-Vendor-Session", "session-secret")       // not a well-known secret name
			r.Header["x_vendor_sig"] = []string{"sig-secret"}        // neither well known nor canonical
		},
		CredentialHeaders: []string{"cloud_key", "X-AUTH-TOKEN", "X-Vendor-Session", "x_vendor_sig"},
	}
}

var credentialHeaderNames = []string{"Authorization", "Cookie", "cloud_key", "X-Auth-Token", "X-Vendor-Session", "x_vendor_sig"}

type headerRecorder struct {
	mu   sync.Mutex
	hdrs map[string]http.Header // by path
}

func (h *headerRecorder) record(r *http.Request) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.hdrs == nil {
		h.hdrs = map[string]http.Header{}
	}
	h.hdrs[r.URL.Path] = r.Header.Clone()
}

func (h *headerRecorder) get(path string) http.Header {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.hdrs[path]
}

func TestRedirectToOtherHostDropsCredentials(t *testing.T) {
	var recA, recB headerRecorder
	b := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		recB.record(r)
		_, _ = io.WriteString(w, "landed")
	}))
	defer b.Close()
	a := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		recA.record(r)
		http.Redirect(w, r, b.URL+"/landing", http.StatusFound)
	}))
	defer a.Close()
	// Same hostname, different port: a different host, although Go's own rule
	// (which compares hostnames) would forward Authorization and Cookie.
	require.NotEqual(t, a.Listener.Addr().String(), b.Listener.Addr().String())

	c := newClient(t, credentialVendor(), WithBaseURL(a.URL), WithRetry(fastRetry()))
	resp, err := c.Do(context.Background(), &Request{
		Method: http.MethodGet, Path: "/start", Header: http.Header{"X-Request-Id": {"r-42"}},
	})
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, "landed", string(resp.Body))

	ha, hb := recA.get("/start"), recB.get("/landing")
	require.NotNil(t, ha)
	require.NotNil(t, hb, "B was reached")
	for _, name := range credentialHeaderNames {
		assert.NotEmpty(t, ha.Get(name), "A receives %s", name)
		assert.Empty(t, hb.Get(name), "B must not receive %s", name)
	}
	for k, vs := range hb {
		for _, v := range vs {
			assert.NotContains(t, v, "secret", "header %s forwarded to B", k)
		}
	}
	// Ordinary headers still follow the redirect.
	assert.Equal(t, "r-42", hb.Get("X-Request-Id"))
	assert.Equal(t, c.UserAgent(), hb.Get("User-Agent"))
}

func TestRedirectSameHostKeepsCredentials(t *testing.T) {
	var rec headerRecorder
	a := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		if r.URL.Path == "/start" {
			http.Redirect(w, r, "/other", http.StatusFound)
			return
		}
		_, _ = io.WriteString(w, "other")
	}))
	defer a.Close()
	c := newClient(t, credentialVendor(), WithBaseURL(a.URL))
	resp, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/start"})
	require.NoError(t, err)
	assert.Equal(t, "other", string(resp.Body))
	h := rec.get("/other")
	require.NotNil(t, h)
	assert.Equal(t, "Bearer auth-secret", h.Get("Authorization"))
	assert.Equal(t, "session=cookie-secret", h.Get("Cookie"))
	assert.Equal(t, "cloudkey-secret", h.Get("cloud_key"))
	assert.Equal(t, "xauthtoken-secret", h.Get("X-Auth-Token"))
	assert.Equal(t, "session-secret", h.Get("X-Vendor-Session"))
	assert.Equal(t, "sig-secret", h.Get("x_vendor_sig"))
}

// Regression: a credential header listed in one case and set in another was
// forwarded to the other host.
func TestRedirectCredentialHeaderCaseInsensitive(t *testing.T) {
	var recB headerRecorder
	b := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { recB.record(r) }))
	defer b.Close()
	a := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, b.URL+"/landing", http.StatusFound)
	}))
	defer a.Close()
	v := Vendor{
		Authenticate:      func(r *http.Request) { r.Header["x-vendor-sig"] = []string{"sig-secret"} },
		CredentialHeaders: []string{"X-Vendor-Sig"},
	}
	c := newClient(t, v, WithBaseURL(a.URL))
	_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/start"})
	require.NoError(t, err)
	hb := recB.get("/landing")
	require.NotNil(t, hb)
	assert.Empty(t, hb.Get("X-Vendor-Sig"), "credential header forwarded to another host")
}

func TestRedirectCallerCheckRedirect(t *testing.T) {
	var bHits atomic.Int32
	b := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { bHits.Add(1) }))
	defer b.Close()
	a := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, b.URL+"/landing", http.StatusFound)
	}))
	defer a.Close()

	var (
		calls        int
		seenCloudKey = "unset"
	)
	// Sanity check for the probe below: it does find a non-canonical key.
	require.Equal(t, "v", headerValue(http.Header{"cloud_key": {"v"}}, "cloud_key"))
	callerCheck := func(req *http.Request, via []*http.Request) error {
		calls++
		seenCloudKey = headerValue(req.Header, "cloud_key") + headerValue(req.Header, "Authorization")
		return http.ErrUseLastResponse
	}
	tr := &http.Transport{}
	hc := &http.Client{CheckRedirect: callerCheck, Transport: tr, Timeout: 5 * time.Second}
	before := reflect.ValueOf(hc.CheckRedirect).Pointer()

	c := newClient(t, credentialVendor(), WithBaseURL(a.URL), WithHTTPClient(hc))

	assert.Equal(t, before, reflect.ValueOf(hc.CheckRedirect).Pointer(), "the caller's CheckRedirect is not replaced")
	assert.NotSame(t, hc, c.HTTPClient(), "the client works on its own copy")
	assert.Same(t, tr, hc.Transport)
	assert.Equal(t, 5*time.Second, hc.Timeout)
	assert.Same(t, tr, c.HTTPClient().Transport, "the caller's transport is used")

	_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/start"})
	assert.Equal(t, 1, calls, "the caller's CheckRedirect runs")
	assert.ErrorIs(t, err, ErrRedirect, "its ErrUseLastResponse is honoured: the redirect is the answer")
	assert.Equal(t, http.StatusFound, StatusOf(err))
	assert.EqualValues(t, 0, bHits.Load())
	assert.Empty(t, seenCloudKey, "credentials are dropped before the caller's CheckRedirect sees the request")
}

func TestCheckRedirectRules(t *testing.T) {
	c := newClient(t, credentialVendor(), WithBaseURL("https://api.vendor.test"))
	check := c.HTTPClient().CheckRedirect
	require.NotNil(t, check)

	mkReq := func(raw string) *http.Request {
		r, err := http.NewRequest(http.MethodGet, raw, nil)
		require.NoError(t, err)
		credentialVendor().Authenticate(r)
		return r
	}
	orig := mkReq("https://api.vendor.test/start")

	cases := []struct {
		name string
		to   string
		keep bool
	}{
		{"same host", "https://api.vendor.test/other", true},
		{"same host, different case", "https://API.Vendor.test/other", true},
		{"https to http downgrade", "http://api.vendor.test/other", false},
		{"other host", "https://evil.test/", false},
		{"subdomain is another host", "https://x.api.vendor.test/", false},
		{"same hostname, other port", "https://api.vendor.test:8443/", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			next := mkReq(tc.to)
			next.Header.Set("X-Request-Id", "keep-me")
			require.NoError(t, check(next, []*http.Request{orig}))
			for _, name := range credentialHeaderNames {
				// headerValue, not Header.Get: cloud_key and X-AUTH-TOKEN are stored
				// under non-canonical keys that Get would never find.
				if tc.keep {
					assert.NotEmpty(t, headerValue(next.Header, name), name)
				} else {
					assert.Empty(t, headerValue(next.Header, name), name)
				}
			}
			assert.Equal(t, "keep-me", next.Header.Get("X-Request-Id"))
		})
	}

	t.Run("stops after 10 redirects", func(t *testing.T) {
		via := make([]*http.Request, 10)
		for i := range via {
			via[i] = orig
		}
		assert.Error(t, check(mkReq("https://api.vendor.test/x"), via))
		assert.NoError(t, check(mkReq("https://api.vendor.test/x"), via[:9]))
	})
}

// headerValue finds a header whatever the case of its stored key.
func headerValue(h http.Header, name string) string {
	for k, v := range h {
		if strings.EqualFold(k, name) && len(v) > 0 {
			return v[0]
		}
	}
	return ""
}

// ---- Body caps -----------------------------------------------------------

func TestSuccessBodyCap(t *testing.T) {
	const limit = 1000
	cases := []struct {
		name    string
		size    int
		chunked bool
		wantErr bool
	}{
		{"at the cap, Content-Length", limit, false, false},
		{"at the cap, chunked", limit, true, false},
		{"over the cap, Content-Length", limit + 1, false, true},
		{"over the cap, chunked", limit + 1, true, true},
		{"far over the cap, chunked", 10 * limit, true, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			body := bytes.Repeat([]byte("a"), tc.size)
			srv := newAttemptServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
				if tc.chunked {
					w.WriteHeader(http.StatusOK)
					w.(http.Flusher).Flush() // headers out before the body: no Content-Length
				} else {
					w.Header().Set("Content-Length", fmt.Sprint(len(body)))
				}
				_, _ = w.Write(body)
			})
			c := newClient(t, Vendor{}, WithBaseURL(srv.URL), WithRetry(fastRetry()), WithMaxResponseSize(limit))
			resp, err := c.Do(context.Background(), &Request{Op: "big", Method: http.MethodGet, Path: "/"})
			if !tc.wantErr {
				require.NoError(t, err)
				assert.Equal(t, body, resp.Body)
				assert.False(t, resp.Truncated)
				return
			}
			require.Error(t, err)
			assert.Nil(t, resp)
			assert.True(t, errors.Is(err, ErrResponseTooLarge), "got %v", err)
			var te *Error
			require.ErrorAs(t, err, &te)
			assert.Equal(t, 1, srv.count(), "an oversized body is not a reason to retry")
		})
	}
}

func TestErrorBodyTruncated(t *testing.T) {
	cases := []struct {
		name          string
		status        int
		size          int
		chunked       bool
		wantTruncated bool
	}{
		{"400 over 1 MiB, Content-Length", 400, MaxErrorBodySize + 100, false, true},
		{"400 over 1 MiB, chunked", 400, MaxErrorBodySize + 100, true, true},
		{"500 over 1 MiB, chunked", 500, 3 * MaxErrorBodySize, true, true},
		{"404 exactly 1 MiB", 404, MaxErrorBodySize, false, false},
		{"422 small", 422, 10, false, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			body := bytes.Repeat([]byte("0123456789abcdef"), tc.size/16+1)[:tc.size]
			srv := newAttemptServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
				if tc.chunked {
					w.WriteHeader(tc.status)
					w.(http.Flusher).Flush()
				} else {
					w.Header().Set("Content-Length", fmt.Sprint(len(body)))
					w.WriteHeader(tc.status)
				}
				_, _ = w.Write(body)
			})
			// The success cap is tiny: error bodies have their own 1 MiB limit.
			c := newClient(t, Vendor{}, WithBaseURL(srv.URL), WithRetry(RetryPolicy{MaxAttempts: 1}), WithMaxResponseSize(16))
			resp, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/"})
			require.NoError(t, err)
			assert.Equal(t, tc.status, resp.StatusCode)
			assert.Equal(t, tc.wantTruncated, resp.Truncated)
			want := body[:min(len(body), MaxErrorBodySize)]
			assert.Equal(t, len(want), len(resp.Body))
			assert.True(t, bytes.Equal(want, resp.Body), "body is the prefix sent")
		})
	}
}

func TestConnectionsAreReused(t *testing.T) {
	var newConns atomic.Int32
	var busy atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/busy-then-ok": // 503, then 200: the retry reuses the connection
			if busy.Add(1)%2 == 1 {
				w.WriteHeader(http.StatusServiceUnavailable)
				_, _ = io.WriteString(w, "busy")
				return
			}
			_, _ = io.WriteString(w, strings.Repeat(`{"ok":true}`, 100))
		case "/not-found":
			w.WriteHeader(http.StatusNotFound)
			_, _ = io.WriteString(w, strings.Repeat("not found ", 500))
		case "/huge-error": // 100 bytes past the 1 MiB error cap: left for drainClose
			w.Header().Set("Content-Length", fmt.Sprint(MaxErrorBodySize+100))
			w.WriteHeader(http.StatusBadRequest)
			_, _ = w.Write(make([]byte, MaxErrorBodySize+100))
		case "/too-large": // 2000 bytes against a 1500-byte cap
			w.Header().Set("Content-Length", "2000")
			_, _ = w.Write(make([]byte, 2000))
		}
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			newConns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	c := newClient(t, Vendor{}, WithBaseURL(srv.URL), WithRetry(fastRetry()), WithMaxResponseSize(1500))
	for range 2 {
		for _, path := range []string{"/busy-then-ok", "/not-found", "/huge-error", "/too-large"} {
			resp, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: path})
			if path == "/too-large" {
				require.ErrorIs(t, err, ErrResponseTooLarge)
				continue
			}
			require.NoError(t, err, path)
			assert.Equal(t, path == "/huge-error", resp.Truncated, path)
		}
	}
	assert.EqualValues(t, 1, newConns.Load(), "bodies are read or drained, then closed, so one connection serves every call")
}

// Regression: the Content-Length of a HEAD response was trusted and the empty
// body read as an EOF error.
func TestHEADWithContentLength(t *testing.T) {
	srv := newAttemptServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Length", "1000")
		w.WriteHeader(http.StatusOK)
	})
	c := newClient(t, Vendor{}, WithBaseURL(srv.URL))
	resp, err := c.Do(context.Background(), &Request{Method: http.MethodHead, Path: "/"})
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "1000", resp.Header.Get("Content-Length"))
	assert.Empty(t, resp.Body)
}

// ---- Logging -------------------------------------------------------------

func TestLoggingOneRecordPerAttempt(t *testing.T) {
	srv := newAttemptServer(t, statusSequence(503, 503, 200))
	var logs syncBuffer
	c := newClient(t, Vendor{}, WithBaseURL(srv.URL+"/v1"), WithRetry(fastRetry()),
		WithLogger(slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	_, err := c.Do(context.Background(), &Request{
		Op: "customers/query", Method: http.MethodGet, Path: "/customers",
		Query: url.Values{"API_KEY": {"topsecret"}, "page": {"2"}},
	})
	require.NoError(t, err)
	out := logs.String()
	assert.NotContains(t, out, "topsecret")

	recs := jsonRecords(t, out)
	require.Len(t, recs, 3)
	wantURL := srv.URL + "/v1/customers?API_KEY=REDACTED&page=2"
	for i, rec := range recs {
		assert.Equal(t, "DEBUG", rec["level"])
		assert.Equal(t, "customers/query", rec["op"])
		assert.Equal(t, "GET", rec["method"])
		assert.Equal(t, wantURL, rec["url"])
		assert.EqualValues(t, i+1, rec["attempt"])
		assert.EqualValues(t, []int{503, 503, 200}[i], rec["status"])
		d, ok := rec["duration"].(float64)
		assert.True(t, ok, "duration is logged: %v", rec)
		assert.GreaterOrEqual(t, d, 0.0)
		assert.NotContains(t, rec, "error")
	}
}

func TestLoggingTransportErrorHasNoSecret(t *testing.T) {
	var logs syncBuffer
	c := newClient(t, Vendor{}, WithBaseURL("http://"+closedAddr(t)), WithRetry(fastRetry()),
		WithLogger(slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	_, err := c.Do(context.Background(), &Request{
		Op: "q", Method: http.MethodPost, Path: "/q", Query: url.Values{"API_KEY": {"topsecret"}},
	})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "topsecret")
	assert.Contains(t, err.Error(), "API_KEY=REDACTED")

	out := logs.String()
	assert.NotContains(t, out, "topsecret")
	recs := jsonRecords(t, out)
	require.Len(t, recs, 4, "one record per dial attempt")
	for _, rec := range recs {
		errText, _ := rec["error"].(string)
		assert.Contains(t, errText, "connection refused")
		assert.NotContains(t, rec, "status")
		assert.Contains(t, rec["url"], "API_KEY=REDACTED")
	}
}

func TestNoLoggerLogsNothing(t *testing.T) {
	// Not parallel: it swaps the process-wide default loggers.
	var slogBuf, logBuf syncBuffer
	oldSlog := slog.Default()
	oldOut, oldFlags := log.Writer(), log.Flags()
	slog.SetDefault(slog.New(slog.NewTextHandler(&slogBuf, &slog.HandlerOptions{Level: slog.LevelDebug})))
	log.SetOutput(&logBuf)
	t.Cleanup(func() {
		slog.SetDefault(oldSlog)
		log.SetOutput(oldOut)
		log.SetFlags(oldFlags)
	})

	srv := newAttemptServer(t, statusSequence(503, 200))
	for name, opts := range map[string][]Option{
		"no WithLogger":                    nil,
		"WithLogger(nil)":                  {WithLogger(nil)},
		"logger with debug level disabled": {WithLogger(slog.New(slog.NewJSONHandler(&logBuf, nil)))},
	} {
		opts = append(opts, WithBaseURL(srv.URL), WithRetry(fastRetry()))
		c := newClient(t, Vendor{}, opts...)
		assert.NotPanics(t, func() {
			_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/"})
			require.NoError(t, err)
			_, err = c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/"})
			require.NoError(t, err)
		}, name)
	}
	assert.Empty(t, slogBuf.String())
	assert.Empty(t, logBuf.String())
}

// ---- User-Agent ----------------------------------------------------------

func TestUserAgent(t *testing.T) {
	goVer := strings.TrimPrefix(runtime.Version(), "go")
	var got atomic.Value
	srv := newAttemptServer(t, func(_ int, w http.ResponseWriter, r *http.Request) { got.Store(r.Header.Get("User-Agent")) })

	cases := []struct {
		name string
		opts []Option
		want string
	}{
		{"default", nil, "ispkit/" + Version + " (baicells) go/" + goVer},
		{"with app token", []Option{WithUserAgent("billing-sync/2.3")}, "ispkit/" + Version + " (baicells) go/" + goVer + " billing-sync/2.3"},
		{"app token trimmed", []Option{WithUserAgent("  billing-sync/2.3 ")}, "ispkit/" + Version + " (baicells) go/" + goVer + " billing-sync/2.3"},
		{"empty app token", []Option{WithUserAgent("")}, "ispkit/" + Version + " (baicells) go/" + goVer},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newClient(t, Vendor{Name: "baicells"}, append(tc.opts, WithBaseURL(srv.URL))...)
			assert.Equal(t, tc.want, c.UserAgent())
			_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/",
				Header: http.Header{"User-Agent": {"caller-override"}}})
			require.NoError(t, err)
			assert.Equal(t, tc.want, got.Load(), "sent on the wire")
		})
	}
	for _, bad := range []string{"app\nX-Injected: 1", "a\r\nX-Injected: 1", "x\ry", "x\n y"} {
		_, err := New(Vendor{Name: "baicells"}, []Option{WithBaseURL(srv.URL), WithUserAgent(bad)})
		assert.Error(t, err, "%q", bad)
	}
	// A trailing line break is trimmed away with the other surrounding space
	// rather than rejected; what is sent can still never contain one.
	c := newClient(t, Vendor{Name: "baicells"}, WithBaseURL(srv.URL), WithUserAgent("app\n"))
	assert.Equal(t, "ispkit/"+Version+" (baicells) go/"+goVer+" app", c.UserAgent())
}

// ---- Options -------------------------------------------------------------

func TestWithBaseURL(t *testing.T) {
	bad := []string{"ftp://x", "", "   ", "http://", "https://", "/relative/path", "example.com", "http://user:pw@host", "http://user:pw@host/api", "http://[::1"}
	for _, raw := range bad {
		t.Run("rejects "+raw, func(t *testing.T) {
			c, err := New(Vendor{Name: "v"}, []Option{WithBaseURL(raw)})
			require.Error(t, err)
			assert.Nil(t, c)
			assert.NotContains(t, err.Error(), "pw")
		})
	}

	good := []struct{ raw, want string }{
		{"http://host", "http://host"},
		{"https://host/", "https://host"},
		{"https://host/api/v1/", "https://host/api/v1"},
		{"https://host/api/v1///", "https://host/api/v1"},
		{"  https://host:8443/api  ", "https://host:8443/api"},
		{"https://host/api?x=1#frag", "https://host/api"},
	}
	for _, tc := range good {
		t.Run("accepts "+tc.raw, func(t *testing.T) {
			c := newClient(t, Vendor{}, WithBaseURL(tc.raw))
			assert.Equal(t, tc.want, c.BaseURL())
		})
	}

	t.Run("path prefix is kept on the wire", func(t *testing.T) {
		var path, rawQuery atomic.Value
		srv := newAttemptServer(t, func(_ int, w http.ResponseWriter, r *http.Request) {
			path.Store(r.URL.Path)
			rawQuery.Store(r.URL.RawQuery)
		})
		c := newClient(t, Vendor{}, WithBaseURL(srv.URL+"/api/v1/"))
		_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/customers/7",
			Query: url.Values{"b": {"2"}, "a": {"x y"}}})
		require.NoError(t, err)
		assert.Equal(t, "/api/v1/customers/7", path.Load())
		assert.Equal(t, "a=x+y&b=2", rawQuery.Load())
	})

	t.Run("vendor default", func(t *testing.T) {
		c := newClient(t, Vendor{DefaultBaseURL: "https://cloud.vendor.test/api/"})
		assert.Equal(t, "https://cloud.vendor.test/api", c.BaseURL())
		c = newClient(t, Vendor{DefaultBaseURL: "https://cloud.vendor.test"}, WithBaseURL("http://localhost:9"))
		assert.Equal(t, "http://localhost:9", c.BaseURL(), "WithBaseURL wins")
		_, err := New(Vendor{Name: "v"}, nil)
		assert.Error(t, err, "no base URL at all")
	})
}

func TestOptionValidation(t *testing.T) {
	valid := fastRetry()
	cases := []struct {
		name string
		opt  Option
		ok   bool
	}{
		{"retry valid", WithRetry(valid), true},
		{"retry single attempt", WithRetry(RetryPolicy{MaxAttempts: 1}), true},
		{"retry MaxAttempts 0", WithRetry(RetryPolicy{MaxAttempts: 0, MinWait: 1, MaxWait: 2}), false},
		{"retry MaxAttempts negative", WithRetry(RetryPolicy{MaxAttempts: -1}), false},
		{"retry negative MinWait", WithRetry(RetryPolicy{MaxAttempts: 2, MinWait: -1, MaxWait: time.Second}), false},
		{"retry negative MaxWait", WithRetry(RetryPolicy{MaxAttempts: 2, MinWait: 0, MaxWait: -1}), false},
		{"retry negative MaxRetryAfter", WithRetry(RetryPolicy{MaxAttempts: 2, MaxRetryAfter: -time.Second}), false},
		{"retry MaxWait < MinWait", WithRetry(RetryPolicy{MaxAttempts: 2, MinWait: time.Second, MaxWait: time.Millisecond}), false},
		{"http client nil", WithHTTPClient(nil), false},
		{"http client", WithHTTPClient(&http.Client{}), true},
		{"timeout negative", WithTimeout(-1), false},
		{"timeout zero", WithTimeout(0), true},
		{"timeout positive", WithTimeout(time.Second), true},
		{"max response size zero", WithMaxResponseSize(0), false},
		{"max response size negative", WithMaxResponseSize(-5), false},
		{"max response size positive", WithMaxResponseSize(1), true},
		{"user agent newline", WithUserAgent("a\nb"), false},
		{"nil option is skipped", nil, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := New(Vendor{Name: "v"}, []Option{WithBaseURL("http://localhost"), tc.opt})
			if tc.ok {
				assert.NoError(t, err)
				assert.NotNil(t, c)
			} else {
				assert.Error(t, err)
				assert.Nil(t, c)
			}
		})
	}

	t.Run("defaults", func(t *testing.T) {
		c := newClient(t, Vendor{}, WithBaseURL("http://localhost"))
		assert.Equal(t, DefaultRetryPolicy(), c.retry)
		assert.Equal(t, int64(DefaultMaxResponseSize), c.maxBody)
		assert.Nil(t, c.logger)
		assert.Zero(t, c.timeout)
		assert.Equal(t, DefaultMaxAttempts-1, c.rc.RetryMax)
	})
	t.Run("last option wins", func(t *testing.T) {
		c := newClient(t, Vendor{}, WithBaseURL("http://a"), WithBaseURL("http://b"), WithMaxResponseSize(5), WithMaxResponseSize(7))
		assert.Equal(t, "http://b", c.BaseURL())
		assert.Equal(t, int64(7), c.maxBody)
	})
}

func TestDoNilContext(t *testing.T) {
	c := newClient(t, Vendor{}, WithBaseURL("http://localhost"))
	var nilCtx context.Context
	_, err := c.Do(nilCtx, &Request{Method: http.MethodGet, Path: "/"})
	assert.Error(t, err)
}

// ---- Request shaping -----------------------------------------------------

func TestRequestShapeAndBodyRewind(t *testing.T) {
	type seenReq struct {
		Method, Path, Query, ContentType, Accept, Custom, Body string
	}
	var (
		mu   sync.Mutex
		seen []seenReq
	)
	srv := newAttemptServer(t, func(n int, w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		seen = append(seen, seenReq{r.Method, r.URL.Path, r.URL.RawQuery, r.Header.Get("Content-Type"),
			r.Header.Get("Accept"), r.Header.Get("X-Custom"), string(b)})
		mu.Unlock()
		statusSequence(503, 503, 200)(n, w, r)
	})
	c := newClient(t, Vendor{}, WithBaseURL(srv.URL), WithRetry(fastRetry()))
	resp, err := c.Do(context.Background(), &Request{
		Op: "boss/query", Method: http.MethodPost, Path: "/boss/query", Retry: RetrySafe,
		Query: url.Values{"page": {"1"}}, Body: []byte(`{"q":"all"}`),
		Header: http.Header{"X-Custom": {"v"}},
	})
	require.NoError(t, err)
	assert.Equal(t, 3, resp.Attempts)
	want := seenReq{"POST", "/boss/query", "page=1", "application/json", "application/json", "v", `{"q":"all"}`}
	if diff := cmp.Diff([]seenReq{want, want, want}, seen); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}

	mu.Lock()
	seen = nil
	mu.Unlock()
	srv.n.Store(2) // next answer is 200
	_, err = c.Do(context.Background(), &Request{
		Method: http.MethodPut, Path: "/x", Body: []byte("<a/>"), ContentType: "application/xml",
		Header: http.Header{"Accept": {"application/xml"}},
	})
	require.NoError(t, err)
	require.Len(t, seen, 1)
	assert.Equal(t, "application/xml", seen[0].ContentType)
	assert.Equal(t, "application/xml", seen[0].Accept, "a caller's Accept is kept")
	assert.Equal(t, "<a/>", seen[0].Body)
}

// ---- Concurrency ---------------------------------------------------------

func TestConcurrentUse(t *testing.T) {
	var (
		mu     sync.Mutex
		counts = map[string]int{}
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		counts[r.URL.Path]++
		n := counts[r.URL.Path]
		mu.Unlock()
		if n <= 2 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, r.URL.Path)
	}))
	defer srv.Close()

	var logs syncBuffer
	var authCalls atomic.Int32
	c := newClient(t, Vendor{Authenticate: func(r *http.Request) {
		authCalls.Add(1)
		r.Header.Set("Authorization", "Bearer x")
	}}, WithBaseURL(srv.URL), WithRetry(fastRetry()),
		WithLogger(slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))

	const workers = 50
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for i := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			path := fmt.Sprintf("/item/%d", i)
			resp, err := c.Do(context.Background(), &Request{Op: "item", Method: http.MethodGet, Path: path})
			switch {
			case err != nil:
				errs <- fmt.Errorf("%s: %w", path, err)
			case resp.StatusCode != 200 || resp.Attempts != 3 || string(resp.Body) != path:
				errs <- fmt.Errorf("%s: status %d, attempts %d, body %q", path, resp.StatusCode, resp.Attempts, resp.Body)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	assert.EqualValues(t, 3*workers, authCalls.Load())
	assert.Len(t, jsonRecords(t, logs.String()), 3*workers)
	for path, n := range counts {
		assert.Equal(t, 3, n, path)
	}
}

// ---- Error type ----------------------------------------------------------

func TestErrorFormatAndUnwrap(t *testing.T) {
	cause := errors.New("boom")
	e := &Error{Op: "op", Method: "GET", URL: "https://h/p?API_KEY=REDACTED", Attempts: 2, Err: cause}
	for _, part := range []string{"GET", "https://h/p?API_KEY=REDACTED", "attempt 2", "boom"} {
		assert.Contains(t, e.Error(), part)
	}
	assert.True(t, errors.Is(e, cause))
	wrapped := fmt.Errorf("vendor: %w", e)
	var got *Error
	require.ErrorAs(t, wrapped, &got)
	assert.Same(t, e, got)

	// stripURLError removes the *url.Error, whose text has the raw URL.
	ue := &url.Error{Op: "Get", URL: "https://h/?API_KEY=raw-secret", Err: cause}
	assert.Same(t, cause, stripURLError(ue))
	assert.Same(t, cause, stripURLError(cause))
}

func TestRequestBaseURLAndCarriedCredentials(t *testing.T) {
	type seen struct{ path, auth string }
	var got []seen
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, seen{r.URL.Path, r.Header.Get("Authorization")})
		mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(srv.Close)
	c := newClient(t, Vendor{
		Authenticate:   func(r *http.Request) { r.Header.Set("Authorization", "Basic dTpw") },
		DefaultBaseURL: srv.URL + "/rest",
	})
	other, err := ParseBaseURL(srv.URL + "/soap/")
	require.NoError(t, err)
	require.Equal(t, srv.URL+"/soap", other.String())

	ctx := context.Background()
	_, err = c.Do(ctx, &Request{Method: http.MethodGet, Path: "/v1/x"})
	require.NoError(t, err)
	_, err = c.Do(ctx, &Request{Method: http.MethodPost, Path: "/UtbOrder", BaseURL: other.String(), CarriesCredentials: true, Body: []byte("<x/>"), ContentType: "text/xml"})
	require.NoError(t, err)
	_, err = c.Do(ctx, &Request{Method: http.MethodGet, Path: "/y", BaseURL: other.String()})
	require.NoError(t, err)
	require.Equal(t, []seen{
		{"/rest/v1/x", "Basic dTpw"},
		{"/soap/UtbOrder", ""},
		{"/soap/y", "Basic dTpw"},
	}, got)
}

// A redirect of anything but GET or HEAD is never followed: the redirect is
// the answer, a *RedirectError naming the status and the Location. A
// followed 302 would have turned a failed write into the success of a GET.
func TestRedirectOfWriteIsTheAnswer(t *testing.T) {
	var other atomic.Int32
	elsewhere := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		other.Add(1)
		_, _ = io.WriteString(w, `{"result_code":"200"}`)
	}))
	t.Cleanup(elsewhere.Close)
	for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		for _, status := range []int{301, 302, 303, 307, 308} {
			for _, target := range []string{elsewhere.URL + "/login?password=hunter22", "/same-host"} {
				var same atomic.Int32
				origin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					if r.URL.Path == "/same-host" {
						same.Add(1)
						return
					}
					http.Redirect(w, r, target, status)
				}))
				c := newClient(t, Vendor{Secrets: []string{"hunter22"}}, WithBaseURL(origin.URL), WithRetry(RetryPolicy{MaxAttempts: 1}))
				resp, err := c.Do(context.Background(), &Request{Method: method, Path: "/login", Body: []byte(`{"password":"hunter22"}`)})
				origin.Close()
				name := fmt.Sprintf("%s %d to %s", method, status, target)
				require.Error(t, err, name)
				assert.Nil(t, resp, name)
				var re *RedirectError
				require.ErrorAs(t, err, &re, name)
				assert.ErrorIs(t, err, ErrRedirect, name)
				assert.True(t, IsBadResponse(err), name)
				assert.Equal(t, status, re.StatusCode, name)
				assert.Equal(t, status, StatusOf(err), name)
				assert.NotContains(t, err.Error(), "hunter22", name)
				if strings.HasPrefix(target, "/") {
					assert.Contains(t, re.Location, "/same-host", name)
				} else {
					assert.Contains(t, re.Location, "/login?password=REDACTED", name)
				}
				assert.EqualValues(t, 0, other.Load()+same.Load(), "%s: the redirect must not be followed", name)
			}
		}
	}
}

func TestBodySecrets(t *testing.T) {
	got := bodySecrets([]byte(`{"username":"u","password":"p<a\"ss","devices":[{"sipPassword":"sip-secret"}],"pin":12}`), nil)
	assert.ElementsMatch(t, []string{`p<a"ss`, "sip-secret", "12"}, got)
	assert.Nil(t, bodySecrets([]byte(`not json`), nil))
	assert.ElementsMatch(t, []string{"k1", "a b&c"}, bodySecrets([]byte(`API_KEY=k1&x=1&dl=a+b%26c`), []string{"dl"}))
	assert.ElementsMatch(t, []string{"p<w", "c"}, bodySecrets([]byte(`<login><password>p&lt;w</password><cvv><![CDATA[c]]></cvv><user>u</user></login>`), nil))
}
