package transport

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// connCountingServer counts the connections its clients open.
func connCountingServer(tb testing.TB) (*httptest.Server, *atomic.Int64) {
	var opened atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, `{"ok":true}`)
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			opened.Add(1)
		}
	}
	srv.Start()
	tb.Cleanup(srv.Close)
	return srv, &opened
}

// hammer runs calls calls from g goroutines.
func hammer(g, calls int, do func() error) error {
	var wg sync.WaitGroup
	var first atomic.Value
	per := calls / g
	for i := 0; i < g; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < per; j++ {
				if err := do(); err != nil {
					first.CompareAndSwap(nil, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if err, _ := first.Load().(error); err != nil {
		return err
	}
	return nil
}

// With the default pool, a client shared by 64 goroutines keeps reusing its
// connections: every connection released finds an idle slot. A few more than
// one per goroutine may be dialled (a call can start dialling just before
// its goroutine's previous connection is back in the pool), so the bound is
// three per goroutine, far below what Go's default of 2 idle per host opens
// (about 600 for 1,280 calls from 64 goroutines). WithMaxIdleConnsPerHost
// does the same for 256. BenchmarkConcurrentCalls gives the figures.
func TestConcurrentCallsReuseConnections(t *testing.T) {
	for _, tc := range []struct {
		goroutines int
		opts       []Option
	}{
		{64, nil},
		{256, []Option{WithMaxIdleConnsPerHost(256)}},
	} {
		t.Run(fmt.Sprint(tc.goroutines), func(t *testing.T) {
			srv, opened := connCountingServer(t)
			c := newClient(t, Vendor{}, append([]Option{WithBaseURL(srv.URL)}, tc.opts...)...)
			err := hammer(tc.goroutines, 20*tc.goroutines, func() error {
				_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/x"})
				return err
			})
			require.NoError(t, err)
			assert.LessOrEqual(t, opened.Load(), int64(3*tc.goroutines))
		})
	}
}

func TestWithMaxIdleConnsPerHost(t *testing.T) {
	_, err := New(Vendor{DefaultBaseURL: "http://x.test"}, []Option{WithMaxIdleConnsPerHost(0)})
	assert.Error(t, err)
	_, err = New(Vendor{DefaultBaseURL: "http://x.test"}, []Option{WithMaxIdleConnsPerHost(8), WithHTTPClient(&http.Client{})})
	assert.Error(t, err, "the caller's transport is theirs to size")
	c, err := New(Vendor{DefaultBaseURL: "http://x.test"}, []Option{WithMaxIdleConnsPerHost(300)})
	require.NoError(t, err)
	tr := c.HTTPClient().Transport.(*http.Transport)
	assert.Equal(t, 300, tr.MaxIdleConnsPerHost)
	assert.GreaterOrEqual(t, tr.MaxIdleConns, 300)
}

// BenchmarkConcurrentCalls reports the connections opened per 5,120 calls
// (conns/run) by the shared client and, as the baseline, by a hand-written
// net/http client with Go's default transport.
func BenchmarkConcurrentCalls(b *testing.B) {
	const calls = 5120
	for _, g := range []int{64, 256} {
		b.Run(fmt.Sprintf("ispkit/g=%d", g), func(b *testing.B) {
			srv, opened := connCountingServer(b)
			c := newClient(b, Vendor{}, WithBaseURL(srv.URL), WithMaxIdleConnsPerHost(g))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := hammer(g, calls, func() error {
					_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/x"})
					return err
				}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(opened.Load())/float64(b.N), "conns/run")
		})
		b.Run(fmt.Sprintf("raw/g=%d", g), func(b *testing.B) {
			srv, opened := connCountingServer(b)
			hc := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := hammer(g, calls, func() error {
					resp, err := hc.Get(srv.URL + "/x")
					if err != nil {
						return err
					}
					_, _ = io.Copy(io.Discard, resp.Body)
					return resp.Body.Close()
				}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(opened.Load())/float64(b.N), "conns/run")
		})
	}
}
