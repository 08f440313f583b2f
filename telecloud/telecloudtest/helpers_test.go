package telecloudtest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// These helpers speak raw HTTP, XML and JSON, never the telecloud client.

// testNow is the fixed time of servers made by newFixed.
var testNow = time.Date(2019, 7, 31, 10, 30, 0, 0, time.UTC)

// clock is a settable time source.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

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

func newTestServer(t *testing.T, opts ...Option) *Server {
	t.Helper()
	s := NewServer(opts...)
	t.Cleanup(s.Close)
	return s
}

// newFixed is a server whose clock stands still at testNow.
func newFixed(t *testing.T, opts ...Option) *Server {
	t.Helper()
	return newTestServer(t, append([]Option{WithClock(func() time.Time { return testNow })}, opts...)...)
}

// creds are an API user's keys.
type creds struct{ id, key string }

var (
	varUser  = creds{DefaultAPIIDKey, DefaultAPIKey}
	coreUser = creds{CoreAPIIDKey, CoreAPIKey}
)

// result is an answer.
type result struct {
	status int
	header http.Header
	raw    []byte
	format string
}

// p builds parameters from name, value pairs.
func p(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return v
}

// do calls op as who, in format, with the route's verb: a GET's parameters
// in the query string, others form-urlencoded in the body.
func do(t *testing.T, s *Server, who creds, format, op string, params url.Values) result {
	t.Helper()
	r, err := tryDo(s, who, format, op, params)
	if err != nil {
		t.Fatalf("%s: %v", op, err)
	}
	return r
}

func tryDo(s *Server, who creds, format, op string, params url.Values) (result, error) {
	q := url.Values{}
	for k, v := range params {
		q[k] = v
	}
	if who.id != "" {
		q.Set(paramAPIIDKey, who.id)
	}
	if who.key != "" {
		q.Set(paramAPIKey, who.key)
	}
	_, method, _ := strings.Cut(op, "/")
	verb := verbFor(method)
	path := "/API/" + format + "/" + op
	if verb == http.MethodGet {
		return tryRaw(s, verb, path+"?"+q.Encode(), "", "")
	}
	return tryRaw(s, verb, path, q.Encode(), "application/x-www-form-urlencoded")
}

// raw sends one request as given.
func raw(t *testing.T, s *Server, method, pathAndQuery, body, contentType string) result {
	t.Helper()
	r, err := tryRaw(s, method, pathAndQuery, body, contentType)
	if err != nil {
		t.Fatalf("%s %s: %v", method, pathAndQuery, err)
	}
	return r
}

func tryRaw(s *Server, method, pathAndQuery, body, contentType string) (result, error) {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, s.URL+pathAndQuery, rd)
	if err != nil {
		return result{}, err
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return result{}, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return result{}, err
	}
	format := "xml"
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		format = "json"
	}
	return result{status: resp.StatusCode, header: resp.Header, raw: b, format: format}, nil
}

// tree parses an XML answer.
func (r result) tree(t *testing.T) *node {
	t.Helper()
	if r.status != http.StatusOK || r.format != "xml" || !bytes.HasPrefix(r.raw, []byte("<?xml")) {
		t.Fatalf("not an XML answer: HTTP %d %s", r.status, r.raw)
	}
	return parseSample(t, r.raw)
}

// obj decodes a JSON answer.
func (r result) obj(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.raw, &m); err != nil || r.status != http.StatusOK {
		t.Fatalf("not a JSON answer: HTTP %d %s (%v)", r.status, r.raw, err)
	}
	return m
}

// errText is the <error> of an answer in either format, "" when none.
func (r result) errText(t *testing.T) string {
	t.Helper()
	if r.format == "json" {
		if s, ok := r.obj(t)["error"].(string); ok {
			return s
		}
		return ""
	}
	return r.tree(t).text1("error")
}

// transID is the answer's trans_id, "" when none.
func (r result) transID(t *testing.T) string {
	t.Helper()
	if r.format == "json" {
		if a, ok := r.obj(t)["@attributes"].(map[string]any); ok {
			s, _ := a["trans_id"].(string)
			return s
		}
		return ""
	}
	return r.tree(t).attr("trans_id")
}

// ok fails the test when the answer is an error, and returns its tree.
func (r result) ok(t *testing.T) *node {
	t.Helper()
	n := r.tree(t)
	if e := n.text1("error"); e != "" {
		t.Fatalf("unexpected error: %s", e)
	}
	return n
}

// okJSON fails the test when the JSON answer is an error.
func (r result) okJSON(t *testing.T) map[string]any {
	t.Helper()
	m := r.obj(t)
	if e, ok := m["error"]; ok {
		t.Fatalf("unexpected error: %v", e)
	}
	return m
}

// wantErr checks the answer is the error envelope with exactly msg (or,
// when msg ends in "…", starting with it).
func (r result) wantErr(t *testing.T, msg string) {
	t.Helper()
	got := r.errText(t)
	if prefix, ok := strings.CutSuffix(msg, "…"); ok {
		if !strings.HasPrefix(got, prefix) {
			t.Fatalf("error %q, want one starting %q (answer %s)", got, prefix, r.raw)
		}
		return
	}
	if got != msg {
		t.Fatalf("error %q, want %q (answer %s)", got, msg, r.raw)
	}
}

// Tree navigation.

// child returns the first child named name.
func (n *node) child(name string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// all returns the children named name.
func (n *node) all(name string) []*node {
	if n == nil {
		return nil
	}
	var out []*node
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
		}
	}
	return out
}

// at follows a path of child names ("Orders/order/status").
func (n *node) at(path string) *node {
	for _, part := range strings.Split(path, "/") {
		n = n.child(part)
	}
	return n
}

// text1 is the text at a path, "" when absent.
func (n *node) text1(path string) string {
	if m := n.at(path); m != nil {
		return m.text
	}
	return ""
}

// attr returns an attribute, "" when absent.
func (n *node) attr(name string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.attrs {
		if a.name == name {
			return a.value
		}
	}
	return ""
}

// shape is the set of element and attribute paths of a tree, with
// numbered names (VAR1, month_3) folded into one.
func shape(n *node) map[string]bool {
	out := map[string]bool{}
	var walk func(n *node, prefix string)
	walk = func(n *node, prefix string) {
		path := prefix + "/" + foldName(n.name)
		out[path] = true
		for _, a := range n.attrs {
			out[path+"/@"+a.name] = true
		}
		for _, k := range n.kids {
			walk(k, path)
		}
	}
	walk(n, "")
	return out
}

func foldName(name string) string {
	for _, prefix := range []string{"VAR", "month_", "credentials_"} {
		if rest, ok := strings.CutPrefix(name, prefix); ok && rest != "" && strings.Trim(rest, "0123456789") == "" {
			return prefix + "#"
		}
	}
	return name
}

// diffShapes lists the paths of want missing from got, and of got missing
// from want, less the allowed ones.
func diffShapes(got, want map[string]bool, allowMissing, allowExtra []string) (missing, extra []string) {
	allowed := func(path string, list []string) bool {
		for _, a := range list {
			if path == a || strings.HasPrefix(path, a+"/") {
				return true
			}
		}
		return false
	}
	for p := range want {
		if !got[p] && !allowed(p, allowMissing) {
			missing = append(missing, p)
		}
	}
	for p := range got {
		if !want[p] && !allowed(p, allowExtra) {
			extra = append(extra, p)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	return missing, extra
}
