package octanetest

// The fault promises all four fakes share (status and Retry-After for
// Times requests, the suffix path rule, ClearFaults, latency, drop) are
// checked by internal/testkit.RunFaultTests (faultkit_test.go); these are
// what only this fake does: its HTML status body and its routes.

import (
	"io"
	"net/http"
	"strings"
	"testing"
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
