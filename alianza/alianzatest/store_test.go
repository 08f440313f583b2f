package alianzatest

import (
	"net/http"
	"strings"
	"testing"
)

// The generic store of the generated routes, over the wire.
func TestStoreCRUD(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	boxes := c.path("a 1", "voicemailbox")
	// Created with a new id, read, listed, patched, replaced, deleted.
	r := send(t, s, http.MethodPost, boxes, c.tok, map[string]any{"mailboxNumber": "100", "id": "mine"})
	if r.status != http.StatusOK { // the spec's status for this create
		t.Fatalf("create: HTTP %d %s", r.status, r.raw)
	}
	id, _ := r.obj(t)["id"].(string)
	if id == "" || id == "mine" {
		t.Fatalf("create: id %q, want a new one", id)
	}
	one := boxes + "/" + id
	if r := send(t, s, http.MethodGet, one, c.tok, nil); r.status != http.StatusOK || r.obj(t)["mailboxNumber"] != "100" {
		t.Fatalf("read: HTTP %d %s", r.status, r.raw)
	}
	if r := send(t, s, http.MethodGet, boxes, c.tok, nil); r.status != http.StatusOK || !strings.Contains(string(r.raw), id) {
		t.Fatalf("list: HTTP %d %s", r.status, r.raw)
	}
	if r := send(t, s, http.MethodPatch, one, c.tok, map[string]any{"description": "d", "id": "other"}); r.status != http.StatusOK ||
		r.obj(t)["mailboxNumber"] != "100" || r.obj(t)["description"] != "d" || r.obj(t)["id"] != id {
		t.Fatalf("patch: HTTP %d %s", r.status, r.raw)
	}
	if r := send(t, s, http.MethodPut, one, c.tok, map[string]any{"description": "e"}); r.status != http.StatusOK ||
		r.obj(t)["mailboxNumber"] != nil || r.obj(t)["id"] != id {
		t.Fatalf("put: HTTP %d %s", r.status, r.raw)
	}
	if r := send(t, s, http.MethodDelete, one, c.tok, nil); r.status != http.StatusNoContent {
		t.Fatalf("delete: HTTP %d %s", r.status, r.raw)
	}
	for _, m := range []string{http.MethodGet, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		wantError(t, send(t, s, m, one, c.tok, map[string]any{}), http.StatusNotFound, MessageNotFound)
	}
	// A body that is not a JSON object is refused.
	if r := send(t, s, http.MethodPost, boxes, c.tok, []int{1}); r.status != http.StatusBadRequest {
		t.Errorf("array body: HTTP %d %s", r.status, r.raw)
	}
}

func TestStoreSharesTheFakesRules(t *testing.T) {
	s := newTestServer(t, WithCredentials("other", "pw", "partition-2"))
	c := newSession(t, s)
	boxes := c.path("a1", "voicemailbox")
	// No token, another partition.
	wantError(t, send(t, s, http.MethodGet, boxes, "", nil), http.StatusUnauthorized, MessageMissingAuthToken)
	r := loginAs(t, s, "other", "pw")
	if r.status != http.StatusCreated {
		t.Fatalf("login: HTTP %d %s", r.status, r.raw)
	}
	otherTok := r.obj(t)["authToken"].(string)
	wantError(t, send(t, s, http.MethodGet, boxes, otherTok, nil), http.StatusForbidden, MessageNotPermitted)
	// Faults and recording.
	s.InjectFault(Fault{Path: "/voicemailbox", Status: http.StatusServiceUnavailable, Times: 1})
	if r := send(t, s, http.MethodGet, boxes, c.tok, nil); r.status != http.StatusServiceUnavailable {
		t.Errorf("fault: HTTP %d", r.status)
	}
	if n := s.RequestCount("/voicemailbox"); n != 3 {
		t.Errorf("RequestCount = %d, want 3", n)
	}
	// A literal segment wins over a variable: account/frequentlyaccessed is
	// not the account "frequentlyaccessed".
	if r := send(t, s, http.MethodGet, c.path("frequentlyaccessed"), c.tok, nil); r.status != http.StatusOK || string(r.raw) != "[]" {
		t.Errorf("frequentlyaccessed: HTTP %d %s", r.status, r.raw)
	}
}

func TestScriptAnswer(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	p := c.path("a 1", "send-welcome-email")
	if r := send(t, s, http.MethodPost, p, c.tok, nil); r.status != http.StatusOK || len(r.raw) != 0 {
		t.Fatalf("unscripted: HTTP %d %s, want the spec's 200 without a body", r.status, r.raw)
	}
	s.ScriptAnswer(http.MethodPost, "/v2/partition/"+DefaultPartitionID+"/account/a%201/send-welcome-email", http.StatusConflict, `{"status":409,"messages":["Busy"],"data":{}}`)
	wantError(t, send(t, s, http.MethodPost, p, c.tok, nil), http.StatusConflict, "Busy")
	s.ScriptAnswer(http.MethodPost, "/v2/partition/"+DefaultPartitionID+"/account/a%201/send-welcome-email", 0, "")
	if r := send(t, s, http.MethodPost, p, c.tok, nil); r.status != http.StatusOK {
		t.Fatalf("script removed: HTTP %d %s", r.status, r.raw)
	}
	// Every generated route is listed.
	got := GeneratedRoutes()
	if len(got) != len(genRoutes) || len(got) == 0 {
		t.Fatalf("GeneratedRoutes: %d routes, want %d", len(got), len(genRoutes))
	}
	for _, r := range got {
		if m, p, _ := strings.Cut(r, " "); m == "" || !strings.HasPrefix(p, "/v2/") {
			t.Errorf("GeneratedRoutes: %q is not METHOD /v2/…", r)
		}
	}
}

// TestStoreEnforcesTheSpecsEnums: a body with a value the spec's enum does
// not allow, at any depth, is refused (400, nothing stored); the spec's
// values and absent fields pass.
func TestStoreEnforcesTheSpecsEnums(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	boxes := c.path("a1", "voicemailbox")
	r := send(t, s, http.MethodPost, boxes, c.tok, map[string]any{"mailboxNumber": "100", "type": "Bogus"})
	if r.status != http.StatusBadRequest || !strings.Contains(string(r.raw), `Invalid type: \"Bogus\" is not one of Normal, Sub, Primary, BUSINESS_LINE`) {
		t.Fatalf("bad enum: HTTP %d %s", r.status, r.raw)
	}
	if n := s.ObjectCount(boxes); n != 0 {
		t.Errorf("%d objects stored after a refused create", n)
	}
	for _, body := range []map[string]any{{"type": "Sub"}, {"mailboxNumber": "101"}, {"type": nil}} {
		if r := send(t, s, http.MethodPost, boxes, c.tok, body); r.status/100 != 2 {
			t.Errorf("create %v: HTTP %d %s", body, r.status, r.raw)
		}
	}
	if n := s.ObjectCount(boxes); n != 3 {
		t.Errorf("%d objects stored, want the 3 accepted", n)
	}

	// Nested in arrays: every element is checked.
	for path, want := range map[string][]any{
		"a.b[].c": {"x", "y"},
		"[].c":    {"z"},
		"a.d":     nil,
	} {
		doc := map[string]any{"a": map[string]any{"b": []any{map[string]any{"c": "x"}, map[string]any{"c": "y"}, map[string]any{}}}}
		var in any = doc
		if strings.HasPrefix(path, "[]") {
			in = []any{map[string]any{"c": "z"}}
		}
		if got := valuesAt(in, path); len(got) != len(want) || (len(want) > 0 && got[len(got)-1] != want[len(want)-1]) {
			t.Errorf("valuesAt(%s) = %v, want %v", path, got, want)
		}
	}
	rules := []genRule{{path: "a.b[].c", values: []string{"x", "y"}}, {path: "n", min: ptr(1), max: ptr(28)}, {path: "s", minLen: 2, maxLen: 3},
		{path: "long", minLen: 4}, {path: "short", maxLen: 1}}
	for body, want := range map[string]string{
		`{"a":{"b":[{"c":"x"},{"c":"q"}]}}`: `"q" is not one of x, y`,
		`{"a":{"b":[{"c":"x"},{"c":1}]}}`:   "", // another JSON type: the decoder's business
		`{"n":28,"s":"abc"}`:                "",
		`{"n":0}`:                           "Invalid n: 0 is out of range",
		`{"n":28.5}`:                        "Invalid n: 28.5 is out of range",
		`{"s":"a"}`:                         "Invalid s: it must have 2 to 3 characters",
		`{"s":"åäöü"}`:                      "Invalid s: it must have 2 to 3 characters",
		`{"s":"åäö"}`:                       "", // characters, not bytes
		`{"s":null,"n":null}`:               "",
		`{"long":"abc"}`:                    "Invalid long: it must have at least 4 characters",
		`{"short":"ab"}`:                    "Invalid short: it must have at most 1 characters",
	} {
		if got := checkRules(rules, []byte(body)); want == "" && got != "" || want != "" && !strings.Contains(got, want) {
			t.Errorf("checkRules(%s) = %q, want %q", body, got, want)
		}
	}
}
