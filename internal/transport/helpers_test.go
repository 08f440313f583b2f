package transport

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// fastRetry is the policy most tests use: four attempts with millisecond waits,
// so that a full retry run costs a few milliseconds.
func fastRetry() RetryPolicy {
	return RetryPolicy{
		MaxAttempts:   4,
		MinWait:       time.Millisecond,
		MaxWait:       5 * time.Millisecond,
		MaxRetryAfter: 2 * time.Second,
	}
}

// newClient builds a Client for a test vendor and fails the test on error.
func newClient(t testing.TB, v Vendor, opts ...Option) *Client {
	t.Helper()
	if v.Name == "" {
		v.Name = "testvendor"
	}
	c, err := New(v, opts)
	require.NoError(t, err)
	require.NotNil(t, c)
	return c
}

// attemptServer is an httptest server that numbers the requests it receives
// (1, 2, 3 ...) and hands the number to its handler.
type attemptServer struct {
	*httptest.Server
	n atomic.Int32
}

func newAttemptServer(t *testing.T, h func(attempt int, w http.ResponseWriter, r *http.Request)) *attemptServer {
	t.Helper()
	s := &attemptServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h(int(s.n.Add(1)), w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *attemptServer) count() int { return int(s.n.Load()) }

// statusSequence answers statuses[attempt-1], repeating the last one, with a
// body naming the attempt.
func statusSequence(statuses ...int) func(int, http.ResponseWriter, *http.Request) {
	return func(n int, w http.ResponseWriter, r *http.Request) {
		code := statuses[min(n, len(statuses))-1]
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(code)
		_, _ = w.Write([]byte("attempt " + strconv.Itoa(n)))
	}
}

// hijackClose takes the connection over and closes it without answering: the
// client sees a transport error after its request was sent.
func hijackClose(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic("response writer is not a Hijacker")
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		return
	}
	_ = conn.Close()
}

// closedAddr returns a loopback address nothing listens on: dialing it fails
// with "connection refused", i.e. the request never left the client.
func closedAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	return addr
}

// countingHTTPClient is an *http.Client whose every dial is counted.
func countingHTTPClient(dials *atomic.Int32) *http.Client {
	d := &net.Dialer{Timeout: 2 * time.Second}
	return &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			dials.Add(1)
			return d.DialContext(ctx, network, addr)
		},
	}}
}

// syncBuffer is a bytes.Buffer safe for concurrent writers and readers.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// jsonRecords decodes the slog JSON handler's output, one record per line.
func jsonRecords(t *testing.T, out string) []map[string]any {
	t.Helper()
	var recs []map[string]any
	dec := json.NewDecoder(bytes.NewReader([]byte(out)))
	for dec.More() {
		var m map[string]any
		require.NoError(t, dec.Decode(&m))
		recs = append(recs, m)
	}
	return recs
}
