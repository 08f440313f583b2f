package testkit

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ispkit/ispkit/internal/fakeserver"
)

// Fake is what the shared fault tests need of one vendor's fake: every fake
// injects faults the same way (InjectFault, ClearFaults, a Fault with the
// fields of fakeserver.Fault, Path a suffix of the request path), so the
// tests of that promise are written once, here.
type Fake struct {
	// Start starts a fresh fake and stops it at the end of t.
	Start func(t *testing.T) FakeServer
	// Request is a request the fake answers normally with NormalStatus,
	// and which changes nothing when sent again (a read), to root (the
	// fake's URL). Its path ends in Path.
	Request      func(ctx context.Context, root string) *http.Request
	Path         string
	NormalStatus int
	// Other is a second normal request whose path does not end in Path.
	Other func(ctx context.Context, root string) *http.Request
}

// FakeServer is a started fake, as Fake.Start returns it.
type FakeServer struct {
	URL          string
	InjectFault  func(fakeserver.Fault)
	ClearFaults  func()
	RequestCount func(pathSuffix string) int
	Close        func()
}

// RunFaultTests checks the fault promises every fake's doc makes: a
// status with its Retry-After for Times requests then normal answers,
// faulted requests recorded, Path as a suffix of the request path with a
// trailing slash ignored and "" matching all, ClearFaults, a latency that
// delays the answer, ends with the request's context and does not hold up
// Close, and a dropped connection.
func RunFaultTests(t *testing.T, f Fake) {
	// A connection per request: net/http sends a GET again by itself when a
	// reused connection closes before the answer, which would hide a drop.
	hc := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	send := func(t *testing.T, req *http.Request) (int, http.Header) {
		t.Helper()
		resp, err := hc.Do(req)
		if err != nil {
			t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
		}
		defer resp.Body.Close()
		_, _ = io.Copy(io.Discard, resp.Body)
		return resp.StatusCode, resp.Header
	}
	bg := context.Background()

	t.Run("status for Times requests, recorded, then normal", func(t *testing.T) {
		s := f.Start(t)
		s.InjectFault(fakeserver.Fault{Path: f.Path, Status: http.StatusServiceUnavailable, RetryAfter: "7", Times: 2})
		for i := range 2 {
			status, h := send(t, f.Request(bg, s.URL))
			if status != http.StatusServiceUnavailable || h.Get("Retry-After") != "7" {
				t.Fatalf("request %d: HTTP %d Retry-After %q, want 503 and 7", i+1, status, h.Get("Retry-After"))
			}
		}
		if status, h := send(t, f.Request(bg, s.URL)); status != f.NormalStatus || h.Get("Retry-After") != "" {
			t.Fatalf("after Times: HTTP %d Retry-After %q, want %d", status, h.Get("Retry-After"), f.NormalStatus)
		}
		if n := s.RequestCount(f.Path); n != 3 {
			t.Fatalf("RequestCount(%q) = %d, want 3: faulted requests are recorded", f.Path, n)
		}
	})

	t.Run("Path is a suffix of the request path", func(t *testing.T) {
		last := f.Path[strings.LastIndex(f.Path, "/"):]
		for _, p := range []string{f.Path, f.Path + "/", last} {
			s := f.Start(t)
			s.InjectFault(fakeserver.Fault{Path: p, Status: http.StatusBadGateway})
			if status, _ := send(t, f.Request(bg, s.URL)); status != http.StatusBadGateway {
				t.Fatalf("Path %q: HTTP %d, want the fault's 502", p, status)
			}
			if p == last && last != f.Path {
				continue // the other request may end in the same segment
			}
			if status, _ := send(t, f.Other(bg, s.URL)); status == http.StatusBadGateway {
				t.Fatalf("Path %q faulted the other request", p)
			}
		}
		s := f.Start(t)
		s.InjectFault(fakeserver.Fault{Path: "/no/such" + f.Path + "x", Status: http.StatusBadGateway})
		if status, _ := send(t, f.Request(bg, s.URL)); status != f.NormalStatus {
			t.Fatalf("a Path longer than the request's matched: HTTP %d", status)
		}
	})

	t.Run(`"" matches every request until ClearFaults`, func(t *testing.T) {
		s := f.Start(t)
		s.InjectFault(fakeserver.Fault{Status: http.StatusBadGateway})
		for range 2 {
			for _, req := range []*http.Request{f.Request(bg, s.URL), f.Other(bg, s.URL)} {
				if status, _ := send(t, req); status != http.StatusBadGateway {
					t.Fatalf("%s: HTTP %d, want 502", req.URL.Path, status)
				}
			}
		}
		s.ClearFaults()
		if status, _ := send(t, f.Request(bg, s.URL)); status != f.NormalStatus {
			t.Fatalf("after ClearFaults: HTTP %d", status)
		}
	})

	t.Run("latency delays, then the request is handled", func(t *testing.T) {
		s := f.Start(t)
		const d = 60 * time.Millisecond
		s.InjectFault(fakeserver.Fault{Path: f.Path, Latency: d, Times: 1})
		start := time.Now()
		if status, _ := send(t, f.Request(bg, s.URL)); status != f.NormalStatus {
			t.Fatalf("HTTP %d", status)
		}
		if e := time.Since(start); e < d {
			t.Fatalf("answered after %v, before the latency of %v", e, d)
		}
	})

	t.Run("latency then status", func(t *testing.T) {
		s := f.Start(t)
		const d = 30 * time.Millisecond
		s.InjectFault(fakeserver.Fault{Latency: d, Status: http.StatusInternalServerError, Times: 1})
		start := time.Now()
		if status, _ := send(t, f.Request(bg, s.URL)); status != http.StatusInternalServerError || time.Since(start) < d {
			t.Fatalf("HTTP %d after %v", status, time.Since(start))
		}
	})

	t.Run("latency ends with the request's context and does not hold up Close", func(t *testing.T) {
		s := f.Start(t)
		s.InjectFault(fakeserver.Fault{Path: f.Path, Latency: time.Hour})
		ctx, cancel := context.WithTimeout(bg, 50*time.Millisecond)
		defer cancel()
		_, err := hc.Do(f.Request(ctx, s.URL))
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("err = %v, want the deadline", err)
		}
		// A request still asleep when the fake closes: Close must return.
		sent := make(chan struct{})
		go func() {
			req := f.Request(bg, s.URL)
			close(sent)
			if resp, err := hc.Do(req); err == nil {
				resp.Body.Close()
			}
		}()
		<-sent
		for deadline := time.Now().Add(5 * time.Second); s.RequestCount(f.Path) < 2; {
			if time.Now().After(deadline) {
				t.Fatal("the second request never arrived")
			}
			time.Sleep(time.Millisecond)
		}
		done := make(chan struct{})
		go func() { s.Close(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("Close blocked on a sleeping latency fault")
		}
	})

	t.Run("drop closes the connection without an answer", func(t *testing.T) {
		s := f.Start(t)
		s.InjectFault(fakeserver.Fault{Path: f.Path, Drop: true, Times: 1})
		resp, err := hc.Do(f.Request(bg, s.URL))
		if err == nil {
			resp.Body.Close()
			t.Fatalf("a dropped connection answered HTTP %d", resp.StatusCode)
		}
		if status, _ := send(t, f.Request(bg, s.URL)); status != f.NormalStatus {
			t.Fatalf("after the drop: HTTP %d", status)
		}
	})
}

// faultType is every fake's Fault: the fields of fakeserver.Fault, in order.
type faultType interface {
	~struct {
		Path       string
		Status     int
		RetryAfter string
		Latency    time.Duration
		Drop       bool
		Times      int
	}
}

// faker is what every fake's Server has.
type faker[F faultType] interface {
	InjectFault(F)
	ClearFaults()
	RequestCount(pathSuffix string) int
	Close()
}

// ServerOf is a started fake as RunFaultTests takes it; url is its URL.
func ServerOf[F faultType, S faker[F]](url string, s S) FakeServer {
	return FakeServer{
		URL:          url,
		InjectFault:  func(f fakeserver.Fault) { s.InjectFault(F(f)) },
		ClearFaults:  s.ClearFaults,
		RequestCount: s.RequestCount,
		Close:        s.Close,
	}
}
