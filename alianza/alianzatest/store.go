package alianzatest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// The generic store serves the operations the SDK's generator types
// (genRoutes, in zz_routes.gen.go): CRUD-shaped, behind the same login,
// partition check, fault injection and request recording as every other
// route. Objects are JSON kept by their path: POST to a collection creates
// one with a new id, GET reads one or lists a collection's, PUT writes one,
// PATCH merges into one, DELETE removes one; a missing one is 404 in the
// PublicApiException envelope. A body must be JSON and keep the spec's
// rules for its fields at any depth (genRules: an enum's values, a
// string's length, a number's range): 400 otherwise, as a
// ValidationErrorResponse naming the field, and nothing is stored. Calls that are not CRUD (actions, checks)
// answer an empty value of their answer's shape unless a test scripts their
// answer with ScriptAnswer; 202 calls start a job (see WithJobDelay).

// genKind is what the store does for a generated route.
type genKind int

const (
	genRead   genKind = iota // GET one object at the path
	genList                  // GET the objects directly under the path, as a JSON array
	genPage                  // genList as {totalRecords, results}, paged with firstResultIndex/maxResult
	genCreate                // POST: a new object under the path, with a new id
	genPut                   // PUT: the object at the path, replaced (404 when missing and the path ends in an id)
	genPatch                 // PATCH: the body merged into the object at the path
	genDelete                // DELETE the object at the path
	genAction                // anything else: the scripted answer, or an empty one
	genJob                   // a 202 answer: a job
)

// genRoute is one generated operation: method, path pattern ("*" a
// variable), what the store does, the spec's success status, the empty
// answer of an action, and the SDK method that calls it.
type genRoute struct {
	method, pattern string
	kind            genKind
	status          int
	empty           string
	sdk             string
}

// kindGenObject is the kind of the ids the store hands out.
const kindGenObject = 'g'

// GeneratedRoutes lists the operations the generic store serves, as
// "METHOD /v2/path" with the spec's path variables as "*", in the order of
// the spec.
func GeneratedRoutes() []string {
	out := make([]string, len(genRoutes))
	for i, r := range genRoutes {
		out[i] = r.method + " /" + r.pattern
	}
	return out
}

func init() {
	for _, gr := range genRoutes {
		gr := gr
		h := func(s *Server, c *call) reply { return s.serveGenerated(gr, c) }
		merged := false
		for i := range routeTable {
			if routeTable[i].pattern == gr.pattern {
				if _, hand := routeTable[i].rt.methods[gr.method]; !hand {
					routeTable[i].rt.methods[gr.method] = h
				}
				merged = true
				break
			}
		}
		if !merged {
			routeTable = append(routeTable, struct {
				pattern string
				rt      route
			}{gr.pattern, route{partitioned: strings.HasPrefix(gr.pattern, "v2/partition/*"), methods: map[string]handler{gr.method: h}}})
		}
	}
}

// storePath is the canonical form of a path: each segment unescaped and
// escaped again, without a trailing slash.
func storePath(escaped string) (string, error) {
	segs := strings.Split(strings.Trim(escaped, "/"), "/")
	for i, s := range segs {
		u, err := url.PathUnescape(s)
		if err != nil {
			return "", fmt.Errorf("alianzatest: path %q: %w", escaped, err)
		}
		segs[i] = url.PathEscape(u)
	}
	return "/" + strings.Join(segs, "/"), nil
}

func parentOf(p string) string { return p[:strings.LastIndex(p, "/")] }

// SetObject stores v, encoded as JSON, at path (escaped as a client sends
// it, e.g. "/v2/partition/P/account/a%201/voicemailbox/v1"), as if created
// there: the generated routes read, list, update and delete it.
func (s *Server) SetObject(path string, v any) error {
	p, err := storePath(path)
	if err != nil {
		return err
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("alianzatest: SetObject: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.putObject(p, b)
	return nil
}

// Object reports whether an object is stored at path and decodes it into
// out when out is not nil.
func (s *Server) Object(path string, out any) (bool, error) {
	p, err := storePath(path)
	if err != nil {
		return false, err
	}
	s.mu.Lock()
	b, ok := s.objects[p]
	s.mu.Unlock()
	if !ok || out == nil {
		return ok, nil
	}
	return true, json.Unmarshal(b, out)
}

// ObjectCount is how many objects are stored directly under path (a
// collection's).
func (s *Server) ObjectCount(path string) int {
	p, err := storePath(path)
	if err != nil {
		return 0
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.children(p))
}

// ScriptAnswer makes every later method request to path (escaped, as
// SetObject) that a generated route serves answer status with body (JSON,
// or "" for none) instead of what the store would do. A status of 0 removes
// the script.
func (s *Server) ScriptAnswer(method, path string, status int, body string) {
	p, err := storePath(path)
	if err != nil {
		panic(err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.scripts == nil {
		s.scripts = map[string]scripted{}
	}
	if status == 0 {
		delete(s.scripts, method+" "+p)
		return
	}
	s.scripts[method+" "+p] = scripted{status, body}
}

type scripted struct {
	status int
	body   string
}

// putObject stores b at p, keeping the order objects were first stored in.
// s.mu must be held.
func (s *Server) putObject(p string, b []byte) {
	if s.objects == nil {
		s.objects = map[string]json.RawMessage{}
	}
	if _, ok := s.objects[p]; !ok {
		s.objectOrder = append(s.objectOrder, p)
	}
	s.objects[p] = b
}

func (s *Server) deleteObject(p string) {
	delete(s.objects, p)
	s.objectOrder = slicesDelete(s.objectOrder, p)
}

func slicesDelete(list []string, v string) []string {
	out := list[:0]
	for _, x := range list {
		if x != v {
			out = append(out, x)
		}
	}
	return out
}

// children are the objects directly under p, oldest first. s.mu must be
// held.
func (s *Server) children(p string) []json.RawMessage {
	var out []json.RawMessage
	for _, k := range s.objectOrder {
		if parentOf(k) == p {
			out = append(out, s.objects[k])
		}
	}
	return out
}

func rawAnswer(status int, body string) reply {
	if body == "" {
		return reply{status: status}
	}
	return reply{status: status, raw: []byte(body), contentType: "application/json"}
}

// serveGenerated serves one generated route. s.mu is held.
func (s *Server) serveGenerated(gr genRoute, c *call) reply {
	p, err := storePath(c.r.URL.EscapedPath())
	if err != nil {
		return fail(http.StatusBadRequest, "InvalidPath")
	}
	if sc, ok := s.scripts[c.r.Method+" "+p]; ok {
		return rawAnswer(sc.status, sc.body)
	}
	body := bytes.TrimSpace(c.raw)
	if len(body) > 0 && !json.Valid(body) {
		return invalidBody("the body is not JSON")
	}
	if msg := checkRules(genRules[gr.method+" "+gr.pattern], body); msg != "" {
		return invalidBody(msg)
	}
	endsInID := strings.HasSuffix(gr.pattern, "*")
	switch gr.kind {
	case genRead:
		b, ok := s.objects[p]
		if !ok {
			return fail(http.StatusNotFound, MessageNotFound)
		}
		return rawAnswer(http.StatusOK, string(b))
	case genList:
		return answer(http.StatusOK, nonNil(s.children(p)))
	case genPage:
		all := nonNil(s.children(p))
		first, max := intQuery(c.r, "firstResultIndex", 0), intQuery(c.r, "maxResult", 50)
		page := all[min(first, len(all)):min(first+max, len(all))]
		return answer(http.StatusOK, map[string]any{"totalRecords": len(all), "results": page})
	case genCreate:
		obj, rep, ok := objectOf(body)
		if !ok {
			return rep
		}
		id := s.newID(kindGenObject)
		obj["id"], _ = json.Marshal(id)
		b, _ := json.Marshal(obj)
		s.putObject(p+"/"+url.PathEscape(id), b)
		return rawAnswer(statusOr(gr.status, http.StatusCreated), string(b))
	case genPut:
		obj, rep, ok := objectOf(body)
		if !ok {
			return rep
		}
		old, exists := s.objects[p]
		if !exists && endsInID {
			return fail(http.StatusNotFound, MessageNotFound)
		}
		if id, ok := idOf(old); ok {
			obj["id"] = id // the path names the object: its id stays
		}
		b, _ := json.Marshal(obj)
		s.putObject(p, b)
		return s.written(gr, b)
	case genPatch:
		patch, rep, ok := objectOf(body)
		if !ok {
			return rep
		}
		old, exists := s.objects[p]
		if !exists {
			return fail(http.StatusNotFound, MessageNotFound)
		}
		obj := map[string]json.RawMessage{}
		_ = json.Unmarshal(old, &obj)
		keys := make([]string, 0, len(patch))
		for k := range patch {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if k != "id" {
				obj[k] = patch[k]
			}
		}
		b, _ := json.Marshal(obj)
		s.putObject(p, b)
		return s.written(gr, b)
	case genDelete:
		if _, ok := s.objects[p]; !ok {
			return fail(http.StatusNotFound, MessageNotFound)
		}
		s.deleteObject(p)
		return reply{status: statusOr(gr.status, http.StatusNoContent)}
	case genJob:
		return s.startJob(c, gr.sdk, nil)
	}
	if gr.empty == "" {
		return reply{status: statusOr(gr.status, http.StatusNoContent)}
	}
	return rawAnswer(statusOr(gr.status, http.StatusOK), gr.empty)
}

// written answers a PUT or PATCH: the object, or no body where the spec
// answers none.
func (s *Server) written(gr genRoute, b []byte) reply {
	if gr.empty == "" {
		return reply{status: statusOr(gr.status, http.StatusNoContent)}
	}
	return rawAnswer(statusOr(gr.status, http.StatusOK), string(b))
}

func statusOr(status, def int) int {
	if status == 0 {
		return def
	}
	return status
}

func nonNil(l []json.RawMessage) []json.RawMessage {
	if l == nil {
		return []json.RawMessage{}
	}
	return l
}

// objectOf reads a JSON object body; an empty body is an empty object.
func objectOf(body []byte) (map[string]json.RawMessage, reply, bool) {
	obj := map[string]json.RawMessage{}
	if len(body) == 0 {
		return obj, reply{}, true
	}
	if err := json.Unmarshal(body, &obj); err != nil || obj == nil {
		return nil, invalidBody("the body is not a JSON object"), false
	}
	return obj, reply{}, true
}

func idOf(b json.RawMessage) (json.RawMessage, bool) {
	var obj map[string]json.RawMessage
	if json.Unmarshal(b, &obj) != nil {
		return nil, false
	}
	id, ok := obj["id"]
	return id, ok
}

func intQuery(r *http.Request, key string, def int) int {
	var n int
	if _, err := fmt.Sscan(r.URL.Query().Get(key), &n); err != nil || n < 0 {
		return def
	}
	return n
}

// genRule is the spec's rule for a field of a generated route's request
// body (genRules): its JSON path ("lines[].type"), the values of an enum, a
// string's length in characters, a number's range.
type genRule struct {
	path           string
	values         []string
	minLen, maxLen int // 0: none
	min, max       *float64
}

func ptr(f float64) *float64 { return &f }

// checkRules returns why body breaks one of the rules, "" when it breaks
// none. A null or a missing field is no value; a value of another JSON
// type than the rule's is left to the decoder.
func checkRules(rules []genRule, body []byte) string {
	if len(rules) == 0 || len(body) == 0 {
		return ""
	}
	var doc any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if dec.Decode(&doc) != nil {
		return ""
	}
	for _, r := range rules {
		for _, v := range valuesAt(doc, r.path) {
			switch v := v.(type) {
			case string:
				if len(r.values) > 0 && !slices.Contains(r.values, v) {
					return fmt.Sprintf("Invalid %s: %q is not one of %s", r.path, v, strings.Join(r.values, ", "))
				}
				if n := utf8.RuneCountInString(v); r.minLen > 0 && n < r.minLen || r.maxLen > 0 && n > r.maxLen {
					switch {
					case r.maxLen == 0:
						return fmt.Sprintf("Invalid %s: it must have at least %d characters", r.path, r.minLen)
					case r.minLen == 0:
						return fmt.Sprintf("Invalid %s: it must have at most %d characters", r.path, r.maxLen)
					}
					return fmt.Sprintf("Invalid %s: it must have %d to %d characters", r.path, r.minLen, r.maxLen)
				}
			case json.Number:
				f, err := v.Float64()
				if err == nil && (r.min != nil && f < *r.min || r.max != nil && f > *r.max) {
					return fmt.Sprintf("Invalid %s: %s is out of range", r.path, v)
				}
			}
		}
	}
	return ""
}

// valuesAt returns the values at a JSON path of doc: "a.b" fields, "[]"
// every element of an array.
func valuesAt(doc any, path string) []any {
	cur := []any{doc}
	for path != "" {
		var next []any
		if strings.HasPrefix(path, "[]") {
			path = strings.TrimPrefix(strings.TrimPrefix(path, "[]"), ".")
			for _, v := range cur {
				if list, ok := v.([]any); ok {
					next = append(next, list...)
				}
			}
		} else {
			name := path
			if i := strings.IndexAny(path, ".["); i >= 0 {
				name, path = path[:i], path[i:]
			} else {
				path = ""
			}
			path = strings.TrimPrefix(path, ".")
			for _, v := range cur {
				if obj, ok := v.(map[string]any); ok {
					if e, ok := obj[name]; ok {
						next = append(next, e)
					}
				}
			}
		}
		cur = next
	}
	return cur
}
