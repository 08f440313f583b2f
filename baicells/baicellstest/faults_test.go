package baicellstest

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestFaultStatusAndRetryAfter(t *testing.T) {
	s := newTestServer(t)
	s.InjectFault(Fault{Path: "/customers/query", Status: http.StatusTooManyRequests, RetryAfter: "3", Times: 1})
	s.InjectFault(Fault{Path: "/customers/create/", Status: http.StatusServiceUnavailable, Times: 2})

	r := post(t, s, "/customers/query", j("imsi", "001010000000001"))
	if r.status != http.StatusTooManyRequests || r.header.Get("Retry-After") != "3" || len(r.raw) != 0 {
		t.Fatalf("429 fault: HTTP %d Retry-After %q body %q", r.status, r.header.Get("Retry-After"), r.raw)
	}
	expect(t, post(t, s, "/customers/query", j("imsi", "001010000000001")), "200")

	// Faults come before authentication, and count down.
	for range 2 {
		r = send(t, s, creds{}, http.MethodPost, "/customers/create", j("sub_id", "f"))
		if r.status != http.StatusServiceUnavailable || r.code() != "5001" || r.str("message") != "System error" {
			t.Fatalf("503 fault: HTTP %d %s", r.status, r.raw)
		}
	}
	expect(t, post(t, s, "/customers/create", j("sub_id", "f")), "200")
	if n := s.RequestCount("/customers/create"); n != 3 {
		t.Errorf("RequestCount %d, want 3 (faulted requests are recorded)", n)
	}
}

func TestFaultForeverAndClear(t *testing.T) {
	s := newTestServer(t)
	s.InjectFault(Fault{Status: http.StatusBadGateway})
	for _, path := range []string{"/customers/create", "/products/queryallplans", "/nowhere"} {
		if r := send(t, s, defaultCreds, http.MethodPost, path, j()); r.status != http.StatusBadGateway {
			t.Fatalf("%s: HTTP %d", path, r.status)
		}
	}
	s.ClearFaults()
	expect(t, post(t, s, "/customers/create", j("sub_id", "x")), "200")
}

func TestFaultLatency(t *testing.T) {
	s := newTestServer(t)
	s.InjectFault(Fault{Path: "/customers/querybyid", Latency: 100 * time.Millisecond, Times: 1})
	s.SeedSubscriber(DefaultCloudKey, Subscriber{ID: "s"})
	start := time.Now()
	expect(t, post(t, s, "/customers/querybyid", j("sub_id", "s")), "200")
	if d := time.Since(start); d < 100*time.Millisecond {
		t.Fatalf("latency fault answered after %v", d)
	}

	// A cancelled request ends the sleep; the handler does not run.
	s.InjectFault(Fault{Path: "/customers/create", Latency: 10 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.BaseURL()+"/customers/create",
		strings.NewReader(`{"session_id":"1","sub_id":"late"}`))
	req.Header.Set("cloud_key", DefaultCloudKey)
	req.Header.Set("Authorization", bareAuth(DefaultUsername, DefaultPassword))
	start = time.Now()
	_, err := http.DefaultClient.Do(req)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline exceeded", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("cancelled request took %v", d)
	}
	time.Sleep(50 * time.Millisecond)
	if _, ok := s.Subscriber("late"); ok {
		t.Fatal("handler ran for a cancelled request")
	}
	// Close ends a latency still sleeping (the test cleanup would hang otherwise).
	go func() {
		req, _ := http.NewRequest(http.MethodPost, s.BaseURL()+"/customers/create", strings.NewReader(`{}`))
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	}()
	time.Sleep(50 * time.Millisecond)
	done := make(chan struct{})
	go func() { s.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Close blocked on a sleeping latency fault")
	}
}

func TestFaultDrop(t *testing.T) {
	s := newTestServer(t)
	s.InjectFault(Fault{Path: "/customers/activate", Drop: true, Times: 1})
	s.SeedPlan(DefaultCloudKey, Plan{ID: "P", Name: "p"})
	s.SeedSubscriber(DefaultCloudKey, Subscriber{ID: "s", IMSI: "001010000000001", PlanID: "P"})

	req, _ := http.NewRequest(http.MethodPost, s.BaseURL()+"/customers/activate", strings.NewReader(`{"session_id":"1","sub_id":"s"}`))
	req.Header.Set("cloud_key", DefaultCloudKey)
	req.Header.Set("Authorization", bareAuth(DefaultUsername, DefaultPassword))
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
		t.Fatalf("dropped connection gave HTTP %d", resp.StatusCode)
	}
	if sub, _ := s.Subscriber("s"); sub.Active {
		t.Fatal("dropped request was handled")
	}
	expect(t, post(t, s, "/customers/activate", j("sub_id", "s")), "200")
	if n := s.RequestCount("/customers/activate"); n != 2 {
		t.Errorf("RequestCount %d, want 2", n)
	}
}

func TestFaultLatencyThenStatus(t *testing.T) {
	s := newTestServer(t)
	s.InjectFault(Fault{Latency: 20 * time.Millisecond, Status: http.StatusInternalServerError, Times: 1})
	start := time.Now()
	r := post(t, s, "/customers/create", j("sub_id", "x"))
	if r.status != http.StatusInternalServerError || time.Since(start) < 20*time.Millisecond {
		t.Fatalf("HTTP %d after %v", r.status, time.Since(start))
	}
	expect(t, post(t, s, "/customers/create", j("sub_id", "x")), "200")
}
