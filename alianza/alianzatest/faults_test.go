package alianzatest

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
	s.InjectFault(Fault{Path: "/v2/authorize", Status: http.StatusServiceUnavailable, RetryAfter: "3", Times: 1})
	s.InjectFault(Fault{Path: "/account/", Status: http.StatusTooManyRequests, Times: 2})

	r := loginAs(t, s, DefaultUsername, DefaultPassword)
	wantError(t, r, http.StatusServiceUnavailable, "ServiceUnavailable")
	if r.header.Get("Retry-After") != "3" {
		t.Fatalf("Retry-After %q", r.header.Get("Retry-After"))
	}
	c := newSession(t, s) // the fault was used up
	if s.LoginCount() != 1 {
		t.Fatalf("LoginCount %d: a faulted login counted", s.LoginCount())
	}

	// Faults come before authentication and count down; the logout is not
	// "/v2/authorize".
	for range 2 {
		wantError(t, send(t, s, http.MethodGet, c.path(), "", nil), http.StatusTooManyRequests, "TooManyRequests")
	}
	want(t, c.do(http.MethodGet, c.path(), nil), http.StatusOK)
	want(t, c.do(http.MethodPut, "/v2/authorize/logout", nil), http.StatusOK)
	if n := s.RequestCount("/account"); n != 3 {
		t.Errorf("RequestCount %d, want 3 (faulted requests are recorded)", n)
	}
}

func TestFaultForeverAndClear(t *testing.T) {
	s := newTestServer(t)
	s.InjectFault(Fault{Status: 599})
	for _, p := range []string{"/v2/authorize", "/v2/partition/partition-1/account", "/nowhere"} {
		r := send(t, s, http.MethodPost, p, "", `{}`)
		wantError(t, r, 599, "Status599")
	}
	s.ClearFaults()
	newSession(t, s)
}

func TestFaultLatency(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	s.InjectFault(Fault{Path: "/account", Latency: 100 * time.Millisecond, Times: 1})
	start := time.Now()
	want(t, c.do(http.MethodGet, c.path(), nil), http.StatusOK)
	if d := time.Since(start); d < 100*time.Millisecond {
		t.Fatalf("latency fault answered after %v", d)
	}

	// A cancelled request ends the sleep; the handler does not run.
	s.InjectFault(Fault{Path: "/account", Latency: 10 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.URL+c.path(), strings.NewReader(`{"accountNumber":"LATE-1"}`))
	req.Header.Set(headerAuthToken, c.tok)
	start = time.Now()
	_, err := http.DefaultClient.Do(req)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline exceeded", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("cancelled request took %v", d)
	}
	time.Sleep(50 * time.Millisecond)
	if len(s.Accounts()) != 0 {
		t.Fatal("handler ran for a cancelled request")
	}
	// Close ends a latency still sleeping.
	go func() {
		req, _ := http.NewRequest(http.MethodGet, s.URL+c.path(), nil)
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
	c := newSession(t, s)
	s.InjectFault(Fault{Path: "/account", Drop: true, Times: 1})
	req, _ := http.NewRequest(http.MethodPost, s.URL+c.path(), strings.NewReader(`{}`))
	req.Header.Set(headerAuthToken, c.tok)
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
		t.Fatalf("dropped connection gave HTTP %d", resp.StatusCode)
	}
	c.createAccount(simpleAccount("ACC-1"))
	if n := len(s.Accounts()); n != 1 {
		t.Fatalf("%d accounts", n)
	}
	if n := s.RequestCount(c.path()); n != 2 {
		t.Errorf("RequestCount %d, want 2", n)
	}
}

func TestFaultLatencyThenStatus(t *testing.T) {
	s := newTestServer(t)
	s.InjectFault(Fault{Latency: 20 * time.Millisecond, Status: http.StatusInternalServerError, Times: 1})
	start := time.Now()
	r := loginAs(t, s, DefaultUsername, DefaultPassword)
	if r.status != http.StatusInternalServerError || time.Since(start) < 20*time.Millisecond {
		t.Fatalf("HTTP %d after %v", r.status, time.Since(start))
	}
	newSession(t, s)
}
