package alianzatest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
)

// The shapes seen in the field (testdata/alianza/field, see its README.md),
// against the fake.

func fieldFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "alianza", "field", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func keysOf(t *testing.T, raw []byte) []string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestFieldShapes(t *testing.T) {
	s := newTestServer(t)
	// The login answers 201 with the members production's answer has.
	r := loginAs(t, s, DefaultUsername, DefaultPassword)
	if r.status != http.StatusCreated {
		t.Fatalf("login: HTTP %d", r.status)
	}
	if got, want := keysOf(t, r.raw), keysOf(t, fieldFile(t, "authorize_response_201.json")); !reflect.DeepEqual(got, want) {
		t.Errorf("login answer members %v, want %v", got, want)
	}

	// The device line a provisioning tool creates is accepted as sent.
	c := newSession(t, s)
	acct := c.createAccount(simpleAccount("ACC-1"))
	user := c.createUser(acct, nil)
	var body map[string]any
	if err := json.Unmarshal(fieldFile(t, "deviceline_create_request.json"), &body); err != nil {
		t.Fatal(err)
	}
	if body["userId"] != user {
		t.Fatalf("the file's userId %v is not the first user %s", body["userId"], user)
	}
	line := want(t, c.do(http.MethodPost, c.path(acct, "deviceline"), body), http.StatusCreated).obj(t)
	for _, k := range []string{"deviceTypeId", "macAddress", "deviceName", "emergencyNumber", "lineNumber", "userId", "sipPassword", "sipUsername", "lineType"} {
		if !reflect.DeepEqual(line[k], body[k]) {
			t.Errorf("%s: sent %v, stored %v", k, body[k], line[k])
		}
	}

	// The registration status, in its shape.
	s.SetRegistered(line["id"].(string), true)
	got := want(t, c.do(http.MethodGet, c.path(acct, "deviceline", line["id"].(string), "registrationstatus"), nil), http.StatusOK)
	var a, b any
	_ = json.Unmarshal(got.raw, &a)
	_ = json.Unmarshal(fieldFile(t, "registrationstatus_response.json"), &b)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("registration status %s", got.raw)
	}

	// Both 401 forms.
	if r := send(t, s, http.MethodGet, c.path(), "expired", nil); !reflect.DeepEqual(keysOf(t, r.raw), keysOf(t, fieldFile(t, "expired_auth_token_401.json"))) ||
		r.status != http.StatusUnauthorized {
		t.Errorf("expired token: HTTP %d %s", r.status, r.raw)
	}
	g := newTestServer(t, WithGatewayUnauthorized())
	if r := send(t, g, http.MethodGet, c.path(), "expired", nil); string(r.raw) != string(bytes.TrimSpace(fieldFile(t, "unauthorized_401_gateway.json"))) {
		t.Errorf("gateway 401: %s", r.raw)
	}
}
