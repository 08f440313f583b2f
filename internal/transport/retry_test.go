package transport

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRetryMatrixStatus(t *testing.T) {
	cases := []struct {
		name         string
		method       string
		idempotent   bool
		statuses     []int // answer per attempt; the last one repeats
		wantAttempts int
		wantStatus   int
	}{
		{"GET 200 once", http.MethodGet, false, []int{200}, 1, 200},
		{"GET 204 no content", http.MethodGet, false, []int{204}, 1, 204},
		{"GET 500 retried until exhausted", http.MethodGet, false, []int{500}, 4, 500},
		{"GET 502 retried until exhausted", http.MethodGet, false, []int{502}, 4, 502},
		{"GET 503 retried until exhausted", http.MethodGet, false, []int{503}, 4, 503},
		{"GET 504 retried until exhausted", http.MethodGet, false, []int{504}, 4, 504},
		{"GET 501 not retried", http.MethodGet, false, []int{501}, 1, 501},
		{"GET 400 not retried", http.MethodGet, false, []int{400}, 1, 400},
		{"GET 404 not retried", http.MethodGet, false, []int{404}, 1, 404},
		{"GET 422 not retried", http.MethodGet, false, []int{422}, 1, 422},
		{"GET 429 without Retry-After retried", http.MethodGet, false, []int{429}, 4, 429},
		{"GET success after two 503", http.MethodGet, false, []int{503, 503, 200}, 3, 200},
		{"GET success after 429 then 502", http.MethodGet, false, []int{429, 502, 200}, 3, 200},
		{"PUT 503 retried", http.MethodPut, false, []int{503}, 4, 503},
		{"DELETE 503 retried", http.MethodDelete, false, []int{503}, 4, 503},
		{"HEAD 503 retried", http.MethodHead, false, []int{503, 503, 204}, 3, 204},
		{"POST 503 not retried", http.MethodPost, false, []int{503}, 1, 503},
		{"POST 500 not retried", http.MethodPost, false, []int{500, 200}, 1, 500},
		{"POST 429 not retried", http.MethodPost, false, []int{429}, 1, 429},
		{"POST idempotent 503 retried", http.MethodPost, true, []int{503}, 4, 503},
		{"POST idempotent success after two 503", http.MethodPost, true, []int{503, 503, 200}, 3, 200},
		{"POST idempotent 501 not retried", http.MethodPost, true, []int{501}, 1, 501},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newAttemptServer(t, statusSequence(tc.statuses...))
			c := newClient(t, Vendor{}, WithBaseURL(srv.URL), WithRetry(fastRetry()))
			resp, err := c.Do(context.Background(), &Request{
				Op: "test", Method: tc.method, Path: "/r", Retry: RetrySafeIf(tc.idempotent),
				Body: []byte(`{"a":1}`),
			})
			require.NoError(t, err, "an HTTP status is not a transport error")
			assert.Equal(t, tc.wantStatus, resp.StatusCode)
			assert.Equal(t, tc.wantAttempts, resp.Attempts, "Response.Attempts")
			assert.Equal(t, tc.wantAttempts, srv.count(), "attempts seen by the server")
			if tc.method != http.MethodHead && tc.wantStatus != http.StatusNoContent {
				// The final response is the last one sent, not an earlier one.
				assert.Equal(t, "attempt "+strconv.Itoa(tc.wantAttempts), string(resp.Body))
			}
		})
	}
}

func TestRetryMatrixTransportError(t *testing.T) {
	secretQuery := url.Values{"API_KEY": {"topsecret-key"}, "n": {"1"}}
	cases := []struct {
		name         string
		method       string
		idempotent   bool
		wantAttempts int
	}{
		{"GET connection dropped is retried", http.MethodGet, false, 4},
		{"PUT connection dropped is retried", http.MethodPut, false, 4},
		{"POST connection dropped is not re-sent", http.MethodPost, false, 1},
		{"POST idempotent connection dropped is retried", http.MethodPost, true, 4},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newAttemptServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { hijackClose(w) })
			c := newClient(t, Vendor{}, WithBaseURL(srv.URL+"/api"), WithRetry(fastRetry()))
			resp, err := c.Do(context.Background(), &Request{
				Op: "orders/create", Method: tc.method, Path: "/orders", Query: secretQuery,
				Retry: RetrySafeIf(tc.idempotent), Body: []byte(`{"item":"x"}`),
			})
			require.Error(t, err)
			assert.Nil(t, resp)
			assert.Equal(t, tc.wantAttempts, srv.count(), "attempts seen by the server")

			var te *Error
			require.ErrorAs(t, err, &te)
			assert.Equal(t, tc.wantAttempts, te.Attempts)
			assert.Equal(t, "orders/create", te.Op)
			assert.Equal(t, tc.method, te.Method)
			wantURL := srv.URL + "/api/orders?API_KEY=REDACTED&n=1"
			assert.Equal(t, wantURL, te.URL)
			assert.Contains(t, err.Error(), wantURL)
			assert.NotContains(t, err.Error(), "topsecret")
		})
	}
}

func TestRetryDialErrorIsRetriedEvenForPOST(t *testing.T) {
	for _, method := range []string{http.MethodPost, http.MethodGet} {
		t.Run(method, func(t *testing.T) {
			var dials atomic.Int32
			c := newClient(t, Vendor{},
				WithBaseURL("http://"+closedAddr(t)),
				WithHTTPClient(countingHTTPClient(&dials)),
				WithRetry(fastRetry()))
			_, err := c.Do(context.Background(), &Request{Op: "create", Method: method, Path: "/x", Body: []byte("{}")})
			require.Error(t, err)
			var te *Error
			require.ErrorAs(t, err, &te)
			assert.Equal(t, 4, te.Attempts)
			assert.EqualValues(t, 4, dials.Load(), "dials")
			var op *net.OpError
			require.ErrorAs(t, err, &op, "the cause stays reachable")
			assert.Equal(t, "dial", op.Op)
		})
	}
}

func TestRetryAfterHonoured(t *testing.T) {
	// The one slow test: the server asks for a one-second pause.
	srv := newAttemptServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
	c := newClient(t, Vendor{}, WithBaseURL(srv.URL), WithRetry(fastRetry()))
	start := time.Now()
	resp, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/"})
	elapsed := time.Since(start)
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, 2, resp.Attempts)
	assert.GreaterOrEqual(t, elapsed, 950*time.Millisecond, "Retry-After: 1 must be waited for, not the 1-5ms backoff")
	assert.Less(t, elapsed, 1900*time.Millisecond)
}

func TestRetryAfterNotRetried(t *testing.T) {
	future := time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)
	cases := []struct {
		name       string
		status     int
		retryAfter string
		ctxTimeout time.Duration
	}{
		{"429 seconds above MaxRetryAfter", 429, "3", 0},
		{"503 seconds above MaxRetryAfter", 503, "120", 0},
		{"429 HTTP-date above MaxRetryAfter", 429, future, 0},
		{"429 within cap but beyond the context deadline", 429, "1", 300 * time.Millisecond},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newAttemptServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Retry-After", tc.retryAfter)
				w.WriteHeader(tc.status)
			})
			c := newClient(t, Vendor{}, WithBaseURL(srv.URL), WithRetry(fastRetry()))
			ctx := context.Background()
			if tc.ctxTimeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tc.ctxTimeout)
				defer cancel()
			}
			start := time.Now()
			resp, err := c.Do(ctx, &Request{Method: http.MethodGet, Path: "/"})
			require.NoError(t, err, "the server's answer is returned, not an error")
			assert.Equal(t, tc.status, resp.StatusCode)
			assert.Equal(t, 1, resp.Attempts)
			assert.Equal(t, 1, srv.count())
			assert.Equal(t, tc.retryAfter, resp.Header.Get("Retry-After"), "caller can read Retry-After")
			assert.Less(t, time.Since(start), 250*time.Millisecond, "no sleeping")
		})
	}
}

func TestRetryAfterRetriedImmediately(t *testing.T) {
	past := time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat)
	for name, ra := range map[string]string{
		"zero seconds":      "0",
		"HTTP-date in past": past,
		"unparseable":       "soon", // falls back to the ordinary backoff
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := newAttemptServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
				if n == 1 {
					w.Header().Set("Retry-After", ra)
					w.WriteHeader(http.StatusTooManyRequests)
					return
				}
				w.WriteHeader(http.StatusOK)
			})
			c := newClient(t, Vendor{}, WithBaseURL(srv.URL), WithRetry(fastRetry()))
			start := time.Now()
			resp, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/"})
			require.NoError(t, err)
			assert.Equal(t, http.StatusOK, resp.StatusCode)
			assert.Equal(t, 2, resp.Attempts)
			assert.Less(t, time.Since(start), 500*time.Millisecond)
		})
	}
}

func TestRetryAfterParsing(t *testing.T) {
	mk := func(status int, v string) *http.Response {
		h := http.Header{}
		if v != "" {
			h.Set("Retry-After", v)
		}
		return &http.Response{StatusCode: status, Header: h}
	}
	in30s := time.Now().Add(30 * time.Second).UTC().Format(http.TimeFormat)
	past := time.Now().Add(-time.Minute).UTC().Format(http.TimeFormat)

	cases := []struct {
		name    string
		resp    *http.Response
		want    time.Duration
		wantOK  bool
		approx  bool
		comment string
	}{
		{"nil response", nil, 0, false, false, ""},
		{"429 seconds", mk(429, "7"), 7 * time.Second, true, false, ""},
		{"503 seconds", mk(503, "2"), 2 * time.Second, true, false, ""},
		{"429 zero", mk(429, "0"), 0, true, false, ""},
		{"429 negative", mk(429, "-3"), 0, false, false, ""},
		{"429 garbage", mk(429, "soon"), 0, false, false, ""},
		{"429 missing", mk(429, ""), 0, false, false, ""},
		{"500 ignores Retry-After", mk(500, "5"), 0, false, false, ""},
		{"200 ignores Retry-After", mk(200, "5"), 0, false, false, ""},
		{"429 HTTP-date in 30s", mk(429, in30s), 30 * time.Second, true, true, ""},
		{"429 HTTP-date in the past", mk(429, past), 0, true, false, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := retryAfter(tc.resp)
			assert.Equal(t, tc.wantOK, ok)
			if tc.approx {
				assert.InDelta(t, tc.want.Seconds(), got.Seconds(), 2)
			} else {
				assert.Equal(t, tc.want, got)
			}
		})
	}
}

func TestBackoffBounds(t *testing.T) {
	c := newClient(t, Vendor{}, WithBaseURL("http://example.invalid"),
		WithRetry(RetryPolicy{MaxAttempts: 10, MinWait: 100 * time.Millisecond, MaxWait: time.Second, MaxRetryAfter: 3 * time.Second}))
	for n, ceiling := range []time.Duration{100, 200, 400, 800, 1000, 1000, 1000} {
		ceiling *= time.Millisecond
		assert.Equal(t, ceiling, c.expWait(n), "expWait(%d)", n)
		for range 50 {
			w := c.backoff(0, 0, n, nil)
			assert.GreaterOrEqual(t, w, ceiling/2, "backoff(%d) jitter floor", n)
			assert.LessOrEqual(t, w, ceiling, "backoff(%d) ceiling", n)
		}
	}
	ra := &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": {"2"}}}
	assert.Equal(t, 2*time.Second, c.backoff(0, 0, 0, ra), "Retry-After replaces the backoff")
}

func TestContextCancelledDuringBackoff(t *testing.T) {
	srv := newAttemptServer(t, statusSequence(503))
	c := newClient(t, Vendor{}, WithBaseURL(srv.URL), WithRetry(RetryPolicy{
		MaxAttempts: 4, MinWait: 10 * time.Second, MaxWait: 10 * time.Second, MaxRetryAfter: time.Second,
	}))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	time.AfterFunc(50*time.Millisecond, cancel)

	start := time.Now()
	resp, err := c.Do(ctx, &Request{Method: http.MethodGet, Path: "/"})
	elapsed := time.Since(start)
	require.Error(t, err)
	assert.Nil(t, resp)
	assert.True(t, errors.Is(err, context.Canceled), "got %v", err)
	assert.Less(t, elapsed, time.Second, "the backoff sleep must end with the context")
	assert.Equal(t, 1, srv.count())
	var te *Error
	require.ErrorAs(t, err, &te)
	assert.Equal(t, 1, te.Attempts)
}

func TestContextDeadlineIsTheBudget(t *testing.T) {
	srv := newAttemptServer(t, statusSequence(503))
	c := newClient(t, Vendor{}, WithBaseURL(srv.URL), WithRetry(RetryPolicy{
		MaxAttempts: 4, MinWait: time.Second, MaxWait: time.Second, MaxRetryAfter: time.Second,
	}))
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()

	start := time.Now()
	resp, err := c.Do(ctx, &Request{Method: http.MethodGet, Path: "/"})
	elapsed := time.Since(start)
	// A backoff of at least 500ms cannot fit in the 100ms budget, so checkRetry
	// stops at once with the last answer instead of sleeping into a deadline
	// error (which would take the whole 100ms and return no response).
	require.NoError(t, err, "the last answer, not a deadline error")
	assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode, "the last answer is returned")
	assert.Equal(t, 1, resp.Attempts)
	assert.Equal(t, 1, srv.count(), "attempts")
	assert.Less(t, elapsed, 80*time.Millisecond, "must not sleep into the deadline")
	assert.NoError(t, ctx.Err(), "returned before the deadline")
}

func TestWithTimeout(t *testing.T) {
	t.Run("bounds a hanging attempt", func(t *testing.T) {
		srv := newAttemptServer(t, func(_ int, w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(3 * time.Second):
			}
		})
		c := newClient(t, Vendor{}, WithBaseURL(srv.URL), WithRetry(fastRetry()), WithTimeout(100*time.Millisecond))
		for name, ctx := range map[string]context.Context{
			"no deadline":    context.Background(),
			"later deadline": ctxWithTimeout(t, 10*time.Second),
		} {
			start := time.Now()
			_, err := c.Do(ctx, &Request{Method: http.MethodGet, Path: "/"})
			elapsed := time.Since(start)
			require.Error(t, err, name)
			assert.True(t, errors.Is(err, context.DeadlineExceeded), "%s: got %v", name, err)
			assert.Less(t, elapsed, time.Second, name)
			assert.GreaterOrEqual(t, elapsed, 90*time.Millisecond, name)
		}
	})
	t.Run("bounds the backoff too", func(t *testing.T) {
		srv := newAttemptServer(t, statusSequence(503))
		c := newClient(t, Vendor{}, WithBaseURL(srv.URL), WithTimeout(100*time.Millisecond), WithRetry(RetryPolicy{
			MaxAttempts: 4, MinWait: 10 * time.Second, MaxWait: 10 * time.Second, MaxRetryAfter: time.Second,
		}))
		start := time.Now()
		resp, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/"})
		assert.Less(t, time.Since(start), 80*time.Millisecond, "the 5-10s backoff does not fit: no sleep at all")
		assert.Equal(t, 1, srv.count())
		require.NoError(t, err)
		assert.Equal(t, 503, resp.StatusCode)
	})
	t.Run("zero means no bound", func(t *testing.T) {
		srv := newAttemptServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
			time.Sleep(50 * time.Millisecond)
			w.WriteHeader(http.StatusOK)
		})
		c := newClient(t, Vendor{}, WithBaseURL(srv.URL), WithTimeout(0))
		resp, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/"})
		require.NoError(t, err)
		assert.Equal(t, http.StatusOK, resp.StatusCode)
	})
}

func ctxWithTimeout(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

func TestMaxAttemptsOneDisablesRetries(t *testing.T) {
	srv := newAttemptServer(t, statusSequence(503))
	c := newClient(t, Vendor{}, WithBaseURL(srv.URL), WithRetry(RetryPolicy{MaxAttempts: 1}))
	resp, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/"})
	require.NoError(t, err)
	assert.Equal(t, 503, resp.StatusCode)
	assert.Equal(t, 1, resp.Attempts)
	assert.Equal(t, 1, srv.count())
}

// A request marked Answers500 (SOAP, whose Faults come with 500) does not
// retry a 500, but still retries the gateway statuses.
func TestRetryAnswers500(t *testing.T) {
	cases := []struct {
		statuses     []int
		wantAttempts int
		wantStatus   int
	}{
		{[]int{500, 200}, 1, 500},
		{[]int{503, 200}, 2, 200},
		{[]int{502}, 4, 502},
		{[]int{429, 200}, 2, 200},
	}
	for _, tc := range cases {
		srv := newAttemptServer(t, statusSequence(tc.statuses...))
		c := newClient(t, Vendor{}, WithBaseURL(srv.URL), WithRetry(fastRetry()))
		resp, err := c.Do(context.Background(), &Request{
			Op: "query", Method: http.MethodPost, Path: "/soap", Retry: RetrySafe, Answers500: true, Body: []byte("<x/>"),
		})
		require.NoError(t, err)
		assert.Equal(t, tc.wantStatus, resp.StatusCode, "statuses %v", tc.statuses)
		assert.Equal(t, tc.wantAttempts, srv.count(), "statuses %v", tc.statuses)
	}
}

func TestRetryUnsafeIsNeverResent(t *testing.T) {
	for _, method := range []string{http.MethodDelete, http.MethodPatch, http.MethodPut, http.MethodGet} {
		t.Run(method, func(t *testing.T) {
			srv := newAttemptServer(t, statusSequence(503, 200))
			c := newClient(t, Vendor{}, WithBaseURL(srv.URL), WithRetry(fastRetry()))
			resp, err := c.Do(context.Background(), &Request{
				Op: "test", Method: method, Path: "/r", Retry: RetryUnsafe,
			})
			require.NoError(t, err)
			assert.Equal(t, 503, resp.StatusCode, "RetryUnsafe wins over the method")
			assert.Equal(t, 1, resp.Attempts)
		})
	}
}
