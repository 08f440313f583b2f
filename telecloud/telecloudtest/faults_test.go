package telecloudtest

// The fault promises all four fakes share (status and Retry-After for
// Times requests, the suffix path rule, ClearFaults, latency, drop) are
// checked by internal/testkit.RunFaultTests (faultkit_test.go); these are
// what only this fake does: its HTML status body, a faulted call leaving no
// trace in its state, and the routed path matching as well.

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestFaultStatus(t *testing.T) {
	s := newTestServer(t)
	s.InjectFault(Fault{Path: "/Order/Create", Status: http.StatusServiceUnavailable, RetryAfter: "2", Times: 1})
	r := do(t, s, varUser, "xml", "Order/Create", p("account_number", SeedCustomer, "rate_plan_id", SeedRatePlan, "var1", "1", "var2", "2"))
	if r.status != http.StatusServiceUnavailable || r.header.Get("Retry-After") != "2" || !strings.Contains(string(r.raw), "<h1>503 Service Unavailable</h1>") {
		t.Fatalf("fault answer: %d %v %s", r.status, r.header, r.raw)
	}
	// Nothing happened: no order, no transaction, the balance untouched.
	if b, _ := s.Balance(SeedVARAccount); b != SeedVARBalance {
		t.Errorf("balance %s after a faulted order", b)
	}
	if n := len(must(t, s, varUser, "Transaction/Search", nil).at("transactions").kids); n != 0 {
		t.Errorf("%d transactions after a faulted call", n)
	}
	// Times: 1 — the next call goes through; other paths never matched.
	must(t, s, varUser, "Order/Create", p("account_number", SeedCustomer, "rate_plan_id", SeedRatePlan, "var1", "1", "var2", "2"))
	if n := s.RequestCount("/Order/Create"); n != 2 {
		t.Errorf("faulted requests are recorded too: %d", n)
	}

	// A 429 on every search until cleared; other methods pass.
	s.InjectFault(Fault{Path: "/Search/", Status: http.StatusTooManyRequests, RetryAfter: "1"})
	for range 3 {
		if r := do(t, s, varUser, "json", "Customer/Search", nil); r.status != http.StatusTooManyRequests {
			t.Fatalf("search: HTTP %d", r.status)
		}
	}
	must(t, s, varUser, "Customer/Create", p("first_name", "A", "last_name", "B"))
	s.ClearFaults()
	must(t, s, varUser, "Customer/Search", nil)

	// An empty path matches everything, even outside /API/.
	s.InjectFault(Fault{Status: http.StatusBadGateway, Times: 2})
	if r := raw(t, s, http.MethodGet, "/anything", "", ""); r.status != http.StatusBadGateway {
		t.Errorf("catch-all: HTTP %d", r.status)
	}
	if r := do(t, s, coreUser, "xml", "User/Search", nil); r.status != http.StatusBadGateway {
		t.Errorf("catch-all: HTTP %d", r.status)
	}
	must(t, s, coreUser, "User/Search", nil)
}

func TestFaultLatencyAndRetryAfterOnly(t *testing.T) {
	s := newTestServer(t)
	s.InjectFault(Fault{Path: "/Promo/Search", Latency: 50 * time.Millisecond, RetryAfter: "9", Times: 1})
	start := time.Now()
	r := do(t, s, varUser, "xml", "Promo/Search", nil)
	if d := time.Since(start); d < 50*time.Millisecond {
		t.Errorf("answered after %v", d)
	}
	r.ok(t) // latency alone: then handled normally, with the header
	if r.header.Get("Retry-After") != "9" {
		t.Errorf("Retry-After %q", r.header.Get("Retry-After"))
	}

}
