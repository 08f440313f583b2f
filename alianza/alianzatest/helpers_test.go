package alianzatest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// These helpers speak raw HTTP and JSON, never the alianza client.

func newTestServer(t *testing.T, opts ...Option) *Server {
	t.Helper()
	s := NewServer(opts...)
	t.Cleanup(s.Close)
	return s
}

// clock is a settable time source for token lifetimes.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)} }

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// withClock makes the server read the time from c.
func withClock(c *clock) Option { return func(s *Server) { s.now = c.now } }

// result is a response.
type result struct {
	status int
	header http.Header
	raw    []byte
}

// obj decodes a JSON object answer.
func (r result) obj(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.raw, &m); err != nil || m == nil {
		t.Fatalf("HTTP %d: not a JSON object: %q (%v)", r.status, r.raw, err)
	}
	return m
}

// arr decodes a JSON array answer.
func (r result) arr(t *testing.T) []map[string]any {
	t.Helper()
	var a []map[string]any
	if err := json.Unmarshal(r.raw, &a); err != nil || a == nil {
		t.Fatalf("HTTP %d: not a JSON array: %q (%v)", r.status, r.raw, err)
	}
	return a
}

// send makes one raw HTTP request to s; body is sent as is when a string or
// []byte, marshalled otherwise, and not at all when nil. An empty token
// sends no X-AUTH-TOKEN header.
func send(t *testing.T, s *Server, method, path, token string, body any) result {
	t.Helper()
	r, err := trySend(s, method, path, token, body)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	return r
}

// trySend is send for goroutines other than the test's: it returns the
// error instead of failing the test.
func trySend(s *Server, method, path, token string, body any) (result, error) {
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
			return result{}, err
		}
		rd = bytes.NewReader(enc)
	}
	req, err := http.NewRequest(method, s.URL+path, rd)
	if err != nil {
		return result{}, err
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set(headerAuthToken, token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return result{}, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return result{}, err
	}
	return result{status: resp.StatusCode, header: resp.Header, raw: raw}, nil
}

// loginAs logs in and returns the answer.
func loginAs(t *testing.T, s *Server, user, pass string) result {
	t.Helper()
	return send(t, s, http.MethodPost, "/v2/authorize", "", map[string]string{"username": user, "password": pass})
}

// newToken logs in with the default credentials and returns the token.
func newToken(t *testing.T, s *Server) string {
	t.Helper()
	r := loginAs(t, s, DefaultUsername, DefaultPassword)
	if r.status != http.StatusCreated { // 201, as production answers
		t.Fatalf("login: HTTP %d %s", r.status, r.raw)
	}
	return r.obj(t)["authToken"].(string)
}

// session is a logged-in caller of one partition.
type session struct {
	t         *testing.T
	s         *Server
	tok       string
	partition string
}

func newSession(t *testing.T, s *Server) *session {
	t.Helper()
	return &session{t: t, s: s, tok: newToken(t, s), partition: DefaultPartitionID}
}

// path is /v2/partition/{partition}/account followed by the segments.
func (c *session) path(segments ...string) string {
	p := "/v2/partition/" + c.partition + "/account"
	for _, seg := range segments {
		p += "/" + seg
	}
	return p
}

func (c *session) do(method, path string, body any) result {
	c.t.Helper()
	return send(c.t, c.s, method, path, c.tok, body)
}

// want checks a successful answer's status.
func want(t *testing.T, r result, status int) result {
	t.Helper()
	if r.status != status {
		t.Fatalf("HTTP %d %s, want %d", r.status, r.raw, status)
	}
	return r
}

// wantError checks a PublicApiException answer.
func wantError(t *testing.T, r result, status int, messages ...string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("HTTP %d %s, want %d %v", r.status, r.raw, status, messages)
	}
	m := r.obj(t)
	// Keys of reference data values are followed by their hint.
	wantBody := map[string]any{"status": float64(status), "messages": toAny(withHints(messages)), "data": map[string]any{}}
	if !reflect.DeepEqual(m, wantBody) {
		t.Fatalf("body %s, want PublicApiException with %v", r.raw, messages)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/json" {
		t.Fatalf("Content-Type %q", ct)
	}
}

// wantValidation checks a ValidationErrorResponse answer with one error.
func wantValidation(t *testing.T, r result, msg string) {
	t.Helper()
	if r.status != http.StatusBadRequest {
		t.Fatalf("HTTP %d %s, want 400", r.status, r.raw)
	}
	m := r.obj(t)
	if !reflect.DeepEqual(m, map[string]any{"errors": []any{msg}}) {
		t.Fatalf("body %s, want ValidationErrorResponse %q", r.raw, msg)
	}
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// simpleAccount is a valid create body.
func simpleAccount(number string) map[string]any {
	return map[string]any{
		"accountNumber":       number,
		"accountName":         "Account " + number,
		"accountType":         "SIMPLE",
		"billingCycleDay":     1,
		"dialingBehaviorType": "TEN_DIGIT",
		"timeZone":            "US/Mountain",
	}
}

// with returns a copy of m with the pairs set; a nil value deletes the key.
func with(m map[string]any, kv ...any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == nil {
			delete(out, kv[i].(string))
		} else {
			out[kv[i].(string)] = kv[i+1]
		}
	}
	return out
}

// createAccount creates an account over the wire and returns its id.
func (c *session) createAccount(body map[string]any) string {
	c.t.Helper()
	r := want(c.t, c.do(http.MethodPost, c.path(), body), http.StatusOK)
	return r.obj(c.t)["id"].(string)
}

// createUser creates a user of an account over the wire and returns its id.
func (c *session) createUser(acct string, body map[string]any) string {
	c.t.Helper()
	if body == nil {
		body = map[string]any{}
	}
	r := want(c.t, c.do(http.MethodPost, c.path(acct, "user"), body), http.StatusOK)
	return r.obj(c.t)["id"].(string)
}

// createLine creates a device line over the wire and returns the answer. A
// body without deviceTypeId gets DeviceTypeGenericSIP (no MAC address
// needed).
func (c *session) createLine(acct string, body map[string]any) map[string]any {
	c.t.Helper()
	if _, ok := body["deviceTypeId"]; !ok {
		body["deviceTypeId"] = DeviceTypeGenericSIP
	}
	return want(c.t, c.do(http.MethodPost, c.path(acct, "deviceline"), body), http.StatusCreated).obj(c.t)
}

// ppath is /v2/partition/{partition} followed by the segments.
func (c *session) ppath(segments ...string) string {
	p := "/v2/partition/" + c.partition
	for _, seg := range segments {
		p += "/" + seg
	}
	return p
}

// sessionAs logs in as another management user of the server.
func sessionAs(t *testing.T, s *Server, user, pass, partition string) *session {
	t.Helper()
	r := want(t, loginAs(t, s, user, pass), http.StatusCreated)
	return &session{t: t, s: s, tok: r.obj(t)["authToken"].(string), partition: partition}
}

// mustPanic runs f and checks that it panics with a message containing
// substr.
func mustPanic(t *testing.T, substr string, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		r := recover()
		msg, _ := r.(string)
		if r == nil || !strings.Contains(msg, substr) {
			t.Fatalf("recovered %v, want a panic with %q", r, substr)
		}
	}()
	f()
}

// strs reads a JSON array of strings.
func strs(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}
