package octanetest

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestFaultStatusAndRetryAfter(t *testing.T) {
	s := newTestServer(t)
	s.InjectFault(Fault{Path: "/UtbOrder", Status: http.StatusTooManyRequests, RetryAfter: "3", Times: 1})
	s.InjectFault(Fault{Path: "/v1/datapool/", Status: http.StatusServiceUnavailable, Times: 2})

	// The 429 comes before authentication and parsing, with an HTML body.
	resp, err := http.Post(s.SOAPBaseURL()+"/UtbOrder", "text/xml", strings.NewReader("not even XML"))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") != "3" ||
		resp.Header.Get("Content-Type") != "text/html; charset=utf-8" || !strings.Contains(string(body), "<h1>429 Too Many Requests</h1>") {
		t.Fatalf("429 fault: HTTP %d Retry-After %q %q %s", resp.StatusCode, resp.Header.Get("Retry-After"), resp.Header.Get("Content-Type"), body)
	}
	soapErr(t, postSOAP(t, s, "/UtbOrder", queryXML("1")), CodeNotFound, "Order 1 not found")

	// "/v1/datapool" is the GET only: the transfer path does not match.
	restErr(t, postREST(t, s, "/v1/datapool/transfer", map[string]any{}), http.StatusBadRequest, CodeInvalidInput, "")
	for range 2 {
		req, _ := http.NewRequest(http.MethodGet, s.RESTBaseURL()+"/v1/datapool?custno=1&lineseqno=1", nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") != "" || !strings.HasPrefix(string(body), "<html>") {
			t.Fatalf("503 fault: HTTP %d %s", resp.StatusCode, body)
		}
	}
	restErr(t, getPool(t, s, "1", "1"), http.StatusOK, CodeNotFound, "Data pool not found")
	if n := s.RequestCount("/v1/datapool"); n != 3 {
		t.Errorf("RequestCount %d, want 3 (faulted requests are recorded)", n)
	}
}

func TestFaultForeverAndClear(t *testing.T) {
	s := newTestServer(t)
	s.InjectFault(Fault{Status: http.StatusBadGateway})
	for _, url := range []string{s.SOAPBaseURL() + "/UtbOrder", s.SOAPBaseURL() + "/UtbServiceV3", s.RESTBaseURL() + "/v1/datapool/disconnect", s.URL + "/nowhere"} {
		resp, err := http.Post(url, "text/xml", strings.NewReader("{}"))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadGateway {
			t.Fatalf("%s: HTTP %d", url, resp.StatusCode)
		}
	}
	s.ClearFaults()
	soapErr(t, postSOAP(t, s, "/UtbOrder", queryXML("1")), CodeNotFound, "Order 1 not found")
}

func TestFaultLatency(t *testing.T) {
	s := newTestServer(t)
	s.InjectFault(Fault{Path: "/UtbServiceV3", Latency: 100 * time.Millisecond, Times: 1})
	start := time.Now()
	soapErr(t, postSOAP(t, s, "/UtbServiceV3", detailXML(DefaultCustNo, "1")), CodeNotFound, "Service 1 not found")
	if d := time.Since(start); d < 100*time.Millisecond {
		t.Fatalf("latency fault answered after %v", d)
	}

	// A cancelled request ends the sleep; the handler does not run.
	s.InjectFault(Fault{Path: "/UtbOrder", Latency: 10 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.SOAPBaseURL()+"/UtbOrder",
		strings.NewReader(createPoolXML(DefaultCustNo, DefaultProviderPlan, "late")))
	req.Header.Set("Content-Type", "text/xml; charset=utf-8")
	start = time.Now()
	_, err := http.DefaultClient.Do(req)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline exceeded", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("cancelled request took %v", d)
	}
	time.Sleep(50 * time.Millisecond)
	if n := len(s.Orders()); n != 0 {
		t.Fatal("handler ran for a cancelled request")
	}
	// Close ends a latency still sleeping (the test cleanup would hang otherwise).
	go func() {
		resp, err := http.Post(s.SOAPBaseURL()+"/UtbOrder", "text/xml", strings.NewReader(""))
		if err == nil {
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
	f := seedFixture(t, s, 0, 0)
	s.InjectFault(Fault{Path: "/v1/datapool/disconnect", Drop: true, Times: 1})
	req, _ := http.NewRequest(http.MethodPost, s.RESTBaseURL()+"/v1/datapool/disconnect",
		strings.NewReader(`{"custno":"100001","lineseqno":"`+f.pool.LineSeqNo+`"}`))
	req.SetBasicAuth(DefaultUsername, DefaultPassword)
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
		t.Fatalf("dropped connection gave HTTP %d", resp.StatusCode)
	}
	if p, _ := s.Pool(f.pool.ProviderID); p.Status != StatusOptedIn {
		t.Fatal("dropped request was handled")
	}
	restOK(t, postREST(t, s, "/v1/datapool/disconnect", map[string]any{"custno": DefaultCustNo, "lineseqno": f.pool.LineSeqNo}))
	if n := s.RequestCount("/disconnect"); n != 2 {
		t.Errorf("RequestCount %d, want 2", n)
	}
}

func TestFaultDropWithoutHijacker(t *testing.T) {
	h := NewHandler()
	h.InjectFault(Fault{Drop: true})
	defer func() {
		if r := recover(); r != http.ErrAbortHandler {
			t.Fatalf("recovered %v, want http.ErrAbortHandler", r)
		}
	}()
	h.ServeHTTP(recorder{}, mustRequest(http.MethodGet, "/tiab/api/v1/datapool"))
}

// recorder is a ResponseWriter that cannot be hijacked.
type recorder struct{}

func (recorder) Header() http.Header         { return http.Header{} }
func (recorder) Write(b []byte) (int, error) { return len(b), nil }
func (recorder) WriteHeader(int)             {}

func mustRequest(method, path string) *http.Request {
	req, err := http.NewRequest(method, path, nil)
	if err != nil {
		panic(err)
	}
	return req
}

func TestFaultLatencyThenStatus(t *testing.T) {
	s := newTestServer(t)
	s.InjectFault(Fault{Latency: 20 * time.Millisecond, Status: http.StatusInternalServerError, Times: 1})
	start := time.Now()
	r, err := http.Get(s.RESTBaseURL() + "/v1/datapool")
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if r.StatusCode != http.StatusInternalServerError || time.Since(start) < 20*time.Millisecond {
		t.Fatalf("HTTP %d after %v", r.StatusCode, time.Since(start))
	}
	restErr(t, getPool(t, s, "1", "1"), http.StatusOK, CodeNotFound, "Data pool not found")
}
