package alianzatest

// The fault promises all four fakes share (status and Retry-After for
// Times requests, the suffix path rule, ClearFaults, latency, drop) are
// checked by internal/testkit.RunFaultTests (faultkit_test.go); this is what
// only this fake does: its PublicApiException body, faults before
// authentication, and the login path that is not the logout's.

import (
	"net/http"
	"testing"
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
