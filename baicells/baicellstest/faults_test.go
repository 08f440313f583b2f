package baicellstest

// The fault promises all four fakes share (status and Retry-After for
// Times requests, the suffix path rule, ClearFaults, latency, drop) are
// checked by internal/testkit.RunFaultTests (faultkit_test.go); this is what
// only this fake does: its 5001 body, and faults before authentication.

import (
	"net/http"
	"testing"
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
