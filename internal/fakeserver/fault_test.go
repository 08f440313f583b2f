package fakeserver

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// take takes a fault for path and returns its Status, or -1 when none
// matched.
func take(l *Faults, path string, match Match) int {
	f, ok := l.Take(path, match)
	if !ok {
		return -1
	}
	return f.Status
}

func TestFaultsTakeOrderAndTimes(t *testing.T) {
	var l Faults
	if got := take(&l, "/a", Exact); got != -1 {
		t.Fatalf("empty list gave %d", got)
	}
	l.Add(Fault{Path: "/a", Status: 1, Times: 2})
	l.Add(Fault{Status: 2, Times: 1}) // "" matches every path
	l.Add(Fault{Path: "/a", Status: 3})
	l.Add(Fault{Path: "/b", Status: 4, Times: -1})

	for i, step := range []struct {
		path string
		want int
	}{
		{"/a", 1},  // the first added wins
		{"/b", 2},  // "/a" does not match: the catch-all does, once
		{"/a", 1},  // the last use of the first
		{"/a", 3},  // it is gone; the next one stays
		{"/b", 4},  // negative Times: forever
		{"/b", 4},  //
		{"/a", 3},  // 0 Times: forever
		{"/c", -1}, // nothing left for it
	} {
		if got := take(&l, step.path, Exact); got != step.want {
			t.Fatalf("step %d: Take(%q) = %d, want %d", i, step.path, got, step.want)
		}
	}
	l.Clear()
	if got := take(&l, "/a", Exact); got != -1 {
		t.Fatalf("after Clear: %d", got)
	}
	l.Add(Fault{Status: 5})
	if got := take(&l, "/a", Exact); got != 5 {
		t.Fatalf("Add after Clear: %d", got)
	}
}

func TestFaultsTakeReturnsCopy(t *testing.T) {
	var l Faults
	f := Fault{Path: "/a", Status: 500, RetryAfter: "1", Latency: time.Second, Drop: true, Times: 3}
	l.Add(f)
	f.Status = 0 // Add copied it
	got, ok := l.Take("/a", Exact)
	want := Fault{Path: "/a", Status: 500, RetryAfter: "1", Latency: time.Second, Drop: true, Times: 3}
	if !ok || got != want {
		t.Fatalf("Take = %+v, %v; want %+v (as before the count)", got, ok, want)
	}
	got.Status = 0
	if got, _ := l.Take("/a", Exact); got.Status != 500 || got.Times != 2 {
		t.Fatalf("second Take = %+v", got)
	}
}

func TestFaultsMatchers(t *testing.T) {
	for _, c := range []struct {
		match         Match
		path, pattern string
		want          bool
	}{
		{Exact, "/customers/query", "/customers/query", true},
		{Exact, "/customers/querybyid", "/customers/query", false},
		{Exact, "/x/customers/query", "/customers/query", false},
		{Suffix, "/tiab/UtbOrder", "/UtbOrder", true},
		{Suffix, "/tiab/api/v1/datapool", "/v1/datapool", true},
		{Suffix, "/tiab/api/v1/datapool/transfer", "/v1/datapool", false},
		{Suffix, "/tiab/UtbOrder", "", true},
	} {
		var l Faults
		l.Add(Fault{Path: c.pattern, Status: 1})
		if c.pattern != "" && c.match(c.path, c.pattern) != c.want {
			t.Errorf("match(%q, %q) != %v", c.path, c.pattern, c.want)
		}
		if _, ok := l.Take(c.path, c.match); ok != c.want {
			t.Errorf("Take(%q) with pattern %q: %v, want %v", c.path, c.pattern, ok, c.want)
		}
	}
	// The matcher is not asked about a fault without a path.
	var l Faults
	l.Add(Fault{})
	if _, ok := l.Take("/a", func(string, string) bool { t.Fatal("matcher called"); return false }); !ok {
		t.Fatal("no match for an empty Path")
	}
}

func TestFaultsConcurrentTimes(t *testing.T) {
	var l Faults
	l.Add(Fault{Status: 1, Times: 10})
	var taken atomic.Int32
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, ok := l.Take("/", Exact); ok {
				taken.Add(1)
			}
		}()
	}
	wg.Wait()
	if n := taken.Load(); n != 10 {
		t.Fatalf("%d takes, want 10", n)
	}
}

// statusWriter records the statuses it is asked to write.
type statusWriter struct{ got []int }

func (sw *statusWriter) write(w http.ResponseWriter, status int) {
	sw.got = append(sw.got, status)
	w.WriteHeader(status)
	_, _ = io.WriteString(w, "fault")
}

func apply(t *testing.T, ctx context.Context, f Fault, closed <-chan struct{}) (bool, *httptest.ResponseRecorder, *statusWriter) {
	t.Helper()
	rec := httptest.NewRecorder()
	sw := &statusWriter{}
	r := httptest.NewRequest(http.MethodGet, "/a", nil).WithContext(ctx)
	return Apply(rec, r, f, closed, sw.write), rec, sw
}

func TestApplyNothingAndRetryAfter(t *testing.T) {
	ok, rec, sw := apply(t, context.Background(), Fault{Times: 1}, nil)
	if !ok || len(sw.got) != 0 || len(rec.Header()) != 0 || rec.Body.Len() != 0 {
		t.Fatalf("empty fault: %v %v %v %q", ok, sw.got, rec.Header(), rec.Body)
	}
	// Retry-After alone is sent with the normal answer.
	ok, rec, sw = apply(t, context.Background(), Fault{RetryAfter: "7"}, nil)
	if !ok || len(sw.got) != 0 || rec.Header().Get("Retry-After") != "7" {
		t.Fatalf("Retry-After only: %v %v %v", ok, sw.got, rec.Header())
	}
}

func TestApplyStatus(t *testing.T) {
	ok, rec, sw := apply(t, context.Background(), Fault{Status: http.StatusTooManyRequests, RetryAfter: "3"}, nil)
	if ok || len(sw.got) != 1 || sw.got[0] != http.StatusTooManyRequests {
		t.Fatalf("status fault: %v %v", ok, sw.got)
	}
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") != "3" || rec.Body.String() != "fault" {
		t.Fatalf("answer: %d %v %q", rec.Code, rec.Header(), rec.Body)
	}
}

func TestApplyLatency(t *testing.T) {
	start := time.Now()
	ok, _, sw := apply(t, context.Background(), Fault{Latency: 30 * time.Millisecond}, make(chan struct{}))
	if d := time.Since(start); !ok || d < 30*time.Millisecond || len(sw.got) != 0 {
		t.Fatalf("latency: %v after %v, %v", ok, d, sw.got)
	}
	start = time.Now()
	ok, rec, sw := apply(t, context.Background(), Fault{Latency: 20 * time.Millisecond, Status: 500}, nil)
	if d := time.Since(start); ok || d < 20*time.Millisecond || rec.Code != 500 || len(sw.got) != 1 {
		t.Fatalf("latency then status: %v after %v, HTTP %d", ok, d, rec.Code)
	}
}

func TestApplyLatencyContextEnds(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	start := time.Now()
	ok, rec, sw := apply(t, ctx, Fault{Latency: time.Minute, Status: 500, RetryAfter: "1"}, make(chan struct{}))
	if d := time.Since(start); d > 10*time.Second {
		t.Fatalf("took %v", d)
	}
	if ok || len(sw.got) != 0 || len(rec.Header()) != 0 || rec.Body.Len() != 0 {
		t.Fatalf("abandoned request: %v %v %v %q", ok, sw.got, rec.Header(), rec.Body)
	}
}

func TestApplyLatencyClosed(t *testing.T) {
	closed := make(chan struct{})
	time.AfterFunc(30*time.Millisecond, func() { close(closed) })
	start := time.Now()
	defer func() {
		if r := recover(); r != http.ErrAbortHandler {
			t.Fatalf("recovered %v, want http.ErrAbortHandler", r)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Fatalf("took %v", d)
		}
	}()
	apply(t, context.Background(), Fault{Latency: time.Minute, Status: 500}, closed)
	t.Fatal("Apply returned")
}

func TestApplyDrop(t *testing.T) {
	result := make(chan bool, 1)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		result <- Apply(w, r, Fault{Drop: true, Status: 500, RetryAfter: "1"}, nil, func(http.ResponseWriter, int) {
			t.Error("status written for a dropped connection")
		})
	}))
	defer ts.Close()
	resp, err := http.Get(ts.URL)
	if err == nil {
		resp.Body.Close()
		t.Fatalf("dropped connection gave HTTP %d", resp.StatusCode)
	}
	select {
	case ok := <-result:
		if ok {
			t.Fatal("Apply left a dropped request to be handled")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("handler did not return")
	}
}

// noHijack is a ResponseWriter whose Hijack fails.
type noHijack struct{ *httptest.ResponseRecorder }

func (noHijack) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	return nil, nil, errors.New("no")
}

func TestApplyDropWithoutHijacking(t *testing.T) {
	for _, w := range []http.ResponseWriter{httptest.NewRecorder(), noHijack{httptest.NewRecorder()}} {
		func() {
			defer func() {
				if r := recover(); r != http.ErrAbortHandler {
					t.Fatalf("%T: recovered %v, want http.ErrAbortHandler", w, r)
				}
			}()
			Apply(w, httptest.NewRequest(http.MethodGet, "/", nil), Fault{Drop: true}, nil, nil)
			t.Fatalf("%T: Apply returned", w)
		}()
	}
}
