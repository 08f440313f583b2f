package baicellstest

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// creds are the authentication headers of a request.
type creds struct {
	cloudKey string // "" sends no cloud_key header
	auth     string // "" sends no Authorization header
}

func bareAuth(user, pass string) string {
	return base64.StdEncoding.EncodeToString([]byte(user + ":" + pass))
}

var defaultCreds = creds{cloudKey: DefaultCloudKey, auth: bareAuth(DefaultUsername, DefaultPassword)}

// result is a decoded response.
type result struct {
	status int
	header http.Header
	raw    []byte
	m      map[string]any
}

func (r result) code() string {
	s, _ := r.m["result_code"].(string)
	return s
}

func (r result) str(key string) string {
	s, _ := r.m[key].(string)
	return s
}

func newTestServer(t *testing.T, opts ...Option) *Server {
	t.Helper()
	s := NewServer(opts...)
	t.Cleanup(s.Close)
	return s
}

// send makes one raw HTTP request; body is marshalled unless it is a string
// or []byte.
func send(t *testing.T, s *Server, c creds, method, path string, body any) result {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		enc, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(enc)
	}
	req, err := http.NewRequest(method, s.BaseURL()+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if c.cloudKey != "" {
		req.Header.Set("cloud_key", c.cloudKey)
	}
	if c.auth != "" {
		req.Header.Set("Authorization", c.auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	r := result{status: resp.StatusCode, header: resp.Header, raw: raw}
	if len(raw) > 0 && raw[0] == '{' {
		if err := json.Unmarshal(raw, &r.m); err != nil {
			t.Fatalf("%s %s: bad JSON %q: %v", method, path, raw, err)
		}
	}
	return r
}

// post sends a POST with the default account.
func post(t *testing.T, s *Server, path string, body any) result {
	t.Helper()
	return send(t, s, defaultCreds, http.MethodPost, path, body)
}

// expect checks a response's HTTP status and result_code.
func expect(t *testing.T, r result, code string) {
	t.Helper()
	want := http.StatusUnprocessableEntity
	if code == "200" {
		want = http.StatusOK
	}
	if r.status != want || r.code() != code {
		t.Fatalf("got HTTP %d result_code %q (%s), want HTTP %d result_code %q", r.status, r.code(), r.raw, want, code)
	}
	if msg := r.str("message"); msg != message(atoi(code)) {
		t.Fatalf("message %q, want %q", msg, message(atoi(code)))
	}
}

func atoi(s string) int {
	var n int
	fmt.Sscan(s, &n)
	return n
}

func TestAuthentication(t *testing.T) {
	s := newTestServer(t, WithCredentials("other-key", "other-user", "other-pass"))
	body := map[string]any{"session_id": "s-1", "imsi": "460010000000001"}
	tests := []struct {
		name string
		c    creds
		code string
	}{
		{"bare base64", defaultCreds, "200"},
		{"Basic scheme", creds{DefaultCloudKey, "Basic " + bareAuth(DefaultUsername, DefaultPassword)}, "200"},
		{"basic lower case", creds{DefaultCloudKey, "basic " + bareAuth(DefaultUsername, DefaultPassword)}, "200"},
		{"second tenant", creds{"other-key", bareAuth("other-user", "other-pass")}, "200"},
		{"no cloud_key", creds{"", bareAuth(DefaultUsername, DefaultPassword)}, "5002"},
		{"unknown cloud_key", creds{"nope", bareAuth(DefaultUsername, DefaultPassword)}, "5003"},
		{"no Authorization", creds{DefaultCloudKey, ""}, "5004"},
		{"wrong password", creds{DefaultCloudKey, bareAuth(DefaultUsername, "wrong")}, "5004"},
		{"not base64", creds{DefaultCloudKey, "%%%"}, "5004"},
		{"no colon", creds{DefaultCloudKey, base64.StdEncoding.EncodeToString([]byte("justuser"))}, "5004"},
		{"user of another key", creds{DefaultCloudKey, bareAuth("other-user", "other-pass")}, "5005"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := send(t, s, tt.c, http.MethodPost, "/customers/query", body)
			expect(t, r, tt.code)
			if got := r.str("session_id"); got != "s-1" {
				t.Errorf("session_id %q, want s-1 echoed", got)
			}
		})
	}
}

// TestAnonymousAccess: WithAnonymousAccess serves a request carrying
// neither header as the default account; one carrying either is checked as
// usual; without the option a request without headers gets 5002.
func TestAnonymousAccess(t *testing.T) {
	anon := newTestServer(t, WithAnonymousAccess())
	strict := newTestServer(t)
	create := map[string]any{"session_id": "s-1", "sub_id": "local-1"}
	expect(t, send(t, strict, creds{}, http.MethodPost, "/customers/create", create), "5002")
	expect(t, send(t, anon, creds{}, http.MethodPost, "/customers/create", create), "200")
	if sub, ok := anon.Subscriber("local-1"); !ok || sub.ID != "local-1" {
		t.Fatalf("subscriber not stored: %+v", sub)
	}
	// It belongs to the default account.
	expect(t, send(t, anon, defaultCreds, http.MethodPost, "/customers/querybyid", map[string]any{"session_id": "s-2", "sub_id": "local-1"}), "200")
	if r := send(t, anon, creds{}, http.MethodGet, "/products/queryallplans", nil); r.status != http.StatusOK {
		t.Fatalf("GET without headers: HTTP %d", r.status)
	}
	expect(t, send(t, anon, creds{DefaultCloudKey, ""}, http.MethodPost, "/customers/query", map[string]any{"session_id": "s", "imsi": "460010000000001"}), "5004")
	expect(t, send(t, anon, creds{"", bareAuth(DefaultUsername, "wrong")}, http.MethodPost, "/customers/query", map[string]any{"session_id": "s", "imsi": "460010000000001"}), "5002")
}

func TestAuthenticationOnGET(t *testing.T) {
	s := newTestServer(t)
	r := send(t, s, creds{cloudKey: DefaultCloudKey}, http.MethodGet, "/products/queryallplans", nil)
	expect(t, r, "5004")
}

func TestSessionID(t *testing.T) {
	s := newTestServer(t)
	expect(t, post(t, s, "/customers/create", map[string]any{"sub_id": "1"}), "4008")
	expect(t, post(t, s, "/customers/create", map[string]any{"session_id": "", "sub_id": "1"}), "4008")
	expect(t, post(t, s, "/customers/create", map[string]any{"session_id": nil, "sub_id": "1"}), "4008")
	expect(t, post(t, s, "/customers/create", ""), "4008")

	r := post(t, s, "/customers/create", `{"session_id": 2016123456, "sub_id": "1"}`)
	expect(t, r, "200")
	if got := r.str("session_id"); got != "2016123456" {
		t.Errorf("numeric session_id echoed as %q", got)
	}
	r = post(t, s, "/customers/create", map[string]any{"session_id": "abc", "sub_id": "1"})
	expect(t, r, "4001")
	if got := r.str("session_id"); got != "abc" {
		t.Errorf("session_id on failure echoed as %q", got)
	}
}

func TestMalformedBody(t *testing.T) {
	s := newTestServer(t)
	r := post(t, s, "/customers/create", `{"session_id": "x", `)
	expect(t, r, "5001")
	r = post(t, s, "/customers/create", `[1,2]`)
	expect(t, r, "5001")
	r = post(t, s, "/customers/bulkcreate", `{"session_id": "x", "sub_list": [`)
	expect(t, r, "4502")
}

func TestRouting(t *testing.T) {
	s := newTestServer(t)
	r := post(t, s, "/customers/nope", map[string]any{"session_id": "1"})
	if r.status != http.StatusNotFound || r.code() != "5001" {
		t.Errorf("unknown path: HTTP %d %s", r.status, r.raw)
	}
	resp, err := http.Post(s.URL+"/customers/create", "application/json", strings.NewReader(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("outside /baicellsapi: HTTP %d", resp.StatusCode)
	}
	r = send(t, s, defaultCreds, http.MethodGet, "/customers/create", nil)
	if r.status != http.StatusMethodNotAllowed || r.header.Get("Allow") != http.MethodPost {
		t.Errorf("GET on POST endpoint: HTTP %d Allow %q", r.status, r.header.Get("Allow"))
	}
	r = post(t, s, "/products/queryallplans", map[string]any{"session_id": "1"})
	if r.status != http.StatusMethodNotAllowed {
		t.Errorf("POST on GET endpoint: HTTP %d", r.status)
	}
	// Trailing slash is tolerated.
	expect(t, post(t, s, "/customers/create/", map[string]any{"session_id": "1", "sub_id": "a"}), "200")
	if _, ok := s.Subscriber("a"); !ok {
		t.Error("create with trailing slash did not create")
	}
}

func TestNewHandler(t *testing.T) {
	h := NewHandler()
	if h.URL != "" {
		t.Errorf("URL %q for an unstarted handler", h.URL)
	}
	mux := http.NewServeMux()
	mux.Handle("/baicellsapi/", h)
	ts := httptest.NewServer(mux)
	defer ts.Close()
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/baicellsapi/customers/create",
		strings.NewReader(`{"session_id":"1","sub_id":"h1"}`))
	req.Header.Set("cloud_key", DefaultCloudKey)
	req.Header.Set("Authorization", bareAuth(DefaultUsername, DefaultPassword))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("HTTP %d", resp.StatusCode)
	}
	if _, ok := h.Subscriber("h1"); !ok {
		t.Error("subscriber not created through NewHandler")
	}
	h.Close() // no-op without a listener of its own
}

func TestRecordedRequests(t *testing.T) {
	s := newTestServer(t)
	post(t, s, "/customers/create", map[string]any{"session_id": "1", "sub_id": "r1"})
	post(t, s, "/customers/create/", map[string]any{"session_id": "2", "sub_id": "r2"})
	send(t, s, defaultCreds, http.MethodGet, "/products/queryallplans", nil)

	reqs := s.Requests()
	if len(reqs) != 3 {
		t.Fatalf("%d requests recorded, want 3", len(reqs))
	}
	if reqs[0].Method != http.MethodPost || reqs[0].Path != "/customers/create" {
		t.Errorf("first request %s %s", reqs[0].Method, reqs[0].Path)
	}
	if got := reqs[0].Header.Get("cloud_key"); got != DefaultCloudKey {
		t.Errorf("recorded cloud_key %q", got)
	}
	if !strings.Contains(string(reqs[1].Body), `"r2"`) {
		t.Errorf("recorded body %s", reqs[1].Body)
	}
	if n := s.RequestCount("/customers/create"); n != 2 {
		t.Errorf("RequestCount = %d, want 2", n)
	}
	if n := s.RequestCount("/baicellsapi/customers/create/"); n != 2 {
		t.Errorf("RequestCount with prefix = %d, want 2", n)
	}
	s.ResetRequests()
	if len(s.Requests()) != 0 || s.RequestCount("/customers/create") != 0 {
		t.Error("ResetRequests left requests")
	}
}

func TestConcurrentUse(t *testing.T) {
	s := newTestServer(t)
	s.SeedPlan(DefaultCloudKey, Plan{ID: "P", Name: "p", Uplink: 1, Downlink: 1})
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := fmt.Sprintf("c%02d", i)
			imsi := fmt.Sprintf("3101500000000%02d", i)
			for _, step := range []struct {
				path string
				body map[string]any
			}{
				{"/customers/create", map[string]any{"sub_id": id}},
				{"/customers/bindservice", map[string]any{"sub_id": id, "service_plan_id": "P"}},
				{"/customers/bindimsi", map[string]any{"sub_id": id, "imsi": imsi}},
				{"/customers/activate", map[string]any{"sub_id": id}},
			} {
				step.body["session_id"] = id
				if r := post(t, s, step.path, step.body); r.code() != "200" {
					t.Errorf("%s %s: %s", id, step.path, r.raw)
				}
			}
			s.Subscribers()
			s.Requests()
		}()
	}
	wg.Wait()
	subs := s.Subscribers()
	if len(subs) != 20 {
		t.Fatalf("%d subscribers", len(subs))
	}
	for i, sub := range subs {
		if want := fmt.Sprintf("c%02d", i); sub.ID != want || !sub.Active {
			t.Errorf("subscriber %d: %+v", i, sub)
		}
	}
}

// TestBulkCreatePerformance checks the server side of a 10,000-subscriber
// import in 50 calls of 200 stays fast: no quadratic scans, cheap recording.
func TestBulkCreatePerformance(t *testing.T) {
	h := NewHandler()
	h.SeedPlan(DefaultCloudKey, Plan{ID: "P", Name: "p", Uplink: 1, Downlink: 1})
	bodies := make([][]byte, 50)
	for call := range bodies {
		items := make([]map[string]any, 200)
		for i := range items {
			n := call*200 + i
			items[i] = map[string]any{"sub_id": fmt.Sprintf("bulk%05d", n), "imsi": fmt.Sprintf("31015%010d", n), "sub_name": "n"}
		}
		bodies[call], _ = json.Marshal(map[string]any{"session_id": "b", "service_plan_id": "P", "sub_list": items})
	}
	start := time.Now()
	for _, b := range bodies {
		req := httptest.NewRequest(http.MethodPost, "/baicellsapi/customers/bulkcreate", bytes.NewReader(b))
		req.Header.Set("cloud_key", DefaultCloudKey)
		req.Header.Set("Authorization", bareAuth(DefaultUsername, DefaultPassword))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"unsuccessful quantity":0`) {
			t.Fatalf("HTTP %d %.200s", rec.Code, rec.Body.String())
		}
	}
	elapsed := time.Since(start)
	t.Logf("10,000 subscribers in 50 bulk creates: %v of server time", elapsed)
	if len(h.Subscribers()) != 10000 {
		t.Fatalf("%d subscribers", len(h.Subscribers()))
	}
	// Generous bound: the race detector slows this several times over.
	if elapsed > 2*time.Second {
		t.Errorf("bulk create took %v", elapsed)
	}
}
