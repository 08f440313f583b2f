package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/ispkit/ispkit/alianza/alianzatest"
	"github.com/ispkit/ispkit/baicells/baicellstest"
	"github.com/ispkit/ispkit/octane/octanetest"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

// serveAltered serves a sandbox whose answers pass through alter first, and
// returns it with the environment that points the SDKs at it.
func serveAltered(t *testing.T, alter func(path string, body []byte) []byte) (*sandbox, map[string]string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	sb, err := newSandbox("http://"+ln.Addr().String(), nil)
	if err != nil {
		t.Fatal(err)
	}
	h := http.Handler(sb)
	if alter != nil {
		h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rec := httptest.NewRecorder()
			sb.ServeHTTP(rec, r)
			for k, v := range rec.Header() {
				w.Header()[k] = v
			}
			w.Header().Del("Content-Length")
			w.WriteHeader(rec.Code)
			_, _ = w.Write(alter(r.URL.Path, rec.Body.Bytes()))
		})
	}
	srv := &http.Server{Handler: h}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { srv.Close(); sb.Close() })
	env := map[string]string{}
	for _, v := range sb.vendors() {
		for _, e := range v.Env {
			env[e.Name] = e.Value
		}
	}
	return sb, env
}

// seededValues are values the sandbox holds that a report must never show:
// credentials, URLs, and the seeded customers', services' and device types'
// data.
func seededValues(sb *sandbox, env map[string]string) []string {
	var vs []string
	for _, v := range env {
		vs = append(vs, v)
	}
	vs = append(vs, strings.TrimPrefix(sb.root, "http://"))
	f := sb.fakes()
	for _, c := range f.telecloud.Customers() {
		vs = append(vs, c.AccountNumber, c.FirstName, c.LastName, c.Email, c.CloudAccount)
	}
	for _, o := range f.telecloud.Orders() {
		vs = append(vs, o.Number, o.AccountNumber, o.RatePlanID, o.ProductID)
	}
	for _, rp := range f.telecloud.RatePlans() {
		vs = append(vs, rp.ID, rp.Name, rp.ProductID, rp.CloudAccount)
	}
	vs = append(vs, telecloudtest.SeedCoreAccount, telecloudtest.SeedVARAccount, telecloudtest.SeedProductGroup,
		telecloudtest.SeedPromoCode, telecloudtest.SeedPromoValue, telecloudtest.DefaultUsername)
	for _, d := range alianzatest.DefaultDeviceTypes() {
		vs = append(vs, d.ID, d.Name)
	}
	for _, p := range f.baicells.Plans() {
		vs = append(vs, p.ID, p.Name)
	}
	for _, p := range f.octane.Pools() {
		vs = append(vs, p.ServiceNumber, p.LineSeqNo, p.ProviderID, p.Name)
	}
	for _, sn := range sb.octaneConsumers {
		if s, ok := f.octane.Service(sn); ok {
			vs = append(vs, s.ServiceNumber, s.LineSeqNo, s.PlanNo)
		}
	}
	vs = append(vs, baicellstest.DefaultCloudKey, baicellstest.DefaultPassword, telecloudtest.DefaultAPIKey,
		alianzatest.DefaultPassword, alianzatest.DefaultPartitionID, octanetest.DefaultPassword, octanetest.DefaultCustNo)
	var out []string
	for _, v := range vs {
		for _, part := range strings.Split(v, ",") {
			if len(part) >= 4 {
				out = append(out, part)
			}
		}
	}
	return out
}

// TestCheckAgainstSandbox runs ispkit check for every vendor against the
// sandbox: every entry it exercises is confirmed, the calls succeed, and
// the report shows no value the sandbox holds.
func TestCheckAgainstSandbox(t *testing.T) {
	sb, env := serveAltered(t, nil)
	customersBefore := len(sb.fakes().telecloud.Customers())
	if env["OCTANE_POOL"] == "" {
		t.Fatal("the sandbox names no OCTANE_POOL")
	}
	for _, vendor := range []string{"baicells", "telecloud", "alianza", "octane"} {
		t.Run(vendor, func(t *testing.T) {
			rep, err := runCheck(context.Background(), vendor, true, func(k string) string { return env[k] }, http.DefaultTransport)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range rep.Entries {
				if e.Verdict != confirmed {
					// Every entry of the table is exercised against the
					// sandbox, and confirmed.
					t.Errorf("%s: %s: missing %v, mismatched %v", e.Entry.Name, e.Verdict, e.Missing, e.Mismatched)
				}
				if len(e.Unexpected) > 0 {
					t.Errorf("%s: the fake sends fields the table lacks: %v", e.Entry.Name, e.Unexpected)
				}
			}
			for _, s := range rep.Steps {
				if !s.OK || s.Skipped {
					t.Errorf("call %s: ok=%v skipped=%v %s", s.Name, s.OK, s.Skipped, s.Kind)
				}
			}
			if len(rep.Unmatched) > 0 {
				t.Errorf("%d answers match no entry", len(rep.Unmatched))
			}
			var md bytes.Buffer
			rep.markdown(&md)
			for _, v := range seededValues(sb, env) {
				if strings.Contains(md.String(), v) {
					t.Errorf("the report shows the value %q", v)
				}
			}
			if !strings.Contains(md.String(), "| "+confirmed+" |") {
				t.Errorf("report:\n%s", md.String())
			}
		})
	}
	// The write scenarios cleaned up after themselves.
	f := sb.fakes()
	if subs := f.baicells.Subscribers(); len(subs) != 0 {
		t.Errorf("the baicells write scenario left %d subscriber(s)", len(subs))
	}
	if accts := f.alianza.Accounts(); len(accts) != 0 {
		t.Errorf("the alianza write scenario left %d account(s)", len(accts))
	}
	if n := len(f.telecloud.Customers()); n != customersBefore {
		t.Errorf("the telecloud write scenario left %d customer(s) more", n-customersBefore)
	}
}

// TestCheckReportsContradiction alters the sandbox's answers the way a
// vendor might differ from our table, and checks the report says so.
func TestCheckReportsContradiction(t *testing.T) {
	_, env := serveAltered(t, func(path string, body []byte) []byte {
		switch {
		case strings.HasSuffix(path, "/v2/ref/devicetype"):
			// A field renamed, another of a different kind, one added.
			body = bytes.ReplaceAll(body, []byte(`"name":`), []byte(`"label":`))
			body = bytes.ReplaceAll(body, []byte(`"faxSupported":false`), []byte(`"faxSupported":"no"`))
			body = bytes.ReplaceAll(body, []byte(`"faxSupported":true`), []byte(`"faxSupported":"yes"`))
		}
		return body
	})
	rep, err := runCheck(context.Background(), "alianza", false, func(k string) string { return env[k] }, http.DefaultTransport)
	if err != nil {
		t.Fatal(err)
	}
	var dev *entryResult
	for i := range rep.Entries {
		if strings.HasPrefix(rep.Entries[i].Entry.Name, "device types:") {
			dev = &rep.Entries[i]
		}
	}
	if dev == nil || dev.Verdict != contradicted {
		t.Fatalf("device types entry: %+v, want contradicted", dev)
	}
	var md bytes.Buffer
	rep.markdown(&md)
	for _, want := range []string{"missing: `$[].name (want string)`", "type mismatch: `$[].faxSupported: string, want bool|null`",
		"unexpected: `$[].label (string)`", "| contradicted |"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, md.String())
		}
	}
	var out, errb bytes.Buffer
	for k, v := range env {
		t.Setenv(k, v)
	}
	if code := run(context.Background(), []string{"check", "alianza"}, &out, &errb); code != exitFail {
		t.Errorf("ispkit check alianza with a contradiction: exit %d, want %d (stderr %s)", code, exitFail, errb.String())
	}
}

// TestCheckWriteScenarioCleansUp: a read between the creation of the test
// object and its removal fails; the removal still runs, and a creation that
// fails skips the rest.
func TestCheckWriteScenarioCleansUp(t *testing.T) {
	var mu sync.Mutex
	broken := "/user" // the answers of paths with this suffix do not parse
	sb, env := serveAltered(t, func(path string, body []byte) []byte {
		mu.Lock()
		defer mu.Unlock()
		if strings.HasSuffix(path, broken) {
			return []byte("{not json")
		}
		return body
	})
	rep, err := runCheck(context.Background(), "alianza", true, func(k string) string { return env[k] }, http.DefaultTransport)
	if err != nil {
		t.Fatal(err)
	}
	results := map[string]stepResult{}
	for _, s := range rep.Steps {
		results[s.Name] = s
	}
	if r := results["Users.List of the test account"]; r.OK || r.Skipped {
		t.Errorf("Users.List: %+v, want a failure", r)
	}
	if r := results["Accounts.Delete of the test account"]; !r.OK {
		t.Errorf("Accounts.Delete: %+v, want it run and ok", r)
	}
	if n := len(sb.fakes().alianza.Accounts()); n != 0 {
		t.Errorf("%d test account(s) left", n)
	}

	// The creation's answer unreadable: nothing after it runs.
	mu.Lock()
	broken = "/account"
	mu.Unlock()
	rep, err = runCheck(context.Background(), "alianza", true, func(k string) string { return env[k] }, http.DefaultTransport)
	if err != nil {
		t.Fatal(err)
	}
	after := false
	for _, s := range rep.Steps {
		if s.Name == "Accounts.Create of a test account" {
			after = true
			if s.OK {
				t.Fatalf("Accounts.Create: %+v, want a failure", s)
			}
			continue
		}
		if after && (!s.Skipped || s.Why != "the test object was not created") {
			t.Errorf("%s after a failed creation: %+v, want skipped", s.Name, s)
		}
	}
}

func TestCheckCommandLine(t *testing.T) {
	for _, tc := range []struct {
		args []string
		env  map[string]string
		code int
		out  string
	}{
		{[]string{"check"}, nil, exitUsage, "usage: ispkit check"},
		{[]string{"check", "-h"}, nil, exitOK, "-write"},
		{[]string{"check", "nobody"}, nil, exitUsage, `unknown vendor "nobody"`},
		{[]string{"check", "baicells"}, map[string]string{"BAICELLS_BASE_URL": ""}, exitUsage, "set BAICELLS_BASE_URL"},
	} {
		for k, v := range tc.env {
			t.Setenv(k, v)
		}
		var out strings.Builder
		if code := run(context.Background(), tc.args, &out, &out); code != tc.code || !strings.Contains(out.String(), tc.out) {
			t.Errorf("ispkit %q: exit %d, %q; want %d and %q", tc.args, code, out.String(), tc.code, tc.out)
		}
	}
}

func TestPrintablePaths(t *testing.T) {
	for in, want := range map[string]string{
		"$.data[].name":                 "$.data[].name",
		"$.7105045.name":                "$.<key>.name",
		"$.ab12cd34ef":                  "$.<key>",
		"/telecloud/customer/@trans_id": "/telecloud/customer/@trans_id",
		"$.CUSTOM_FIELD_1":              "$.CUSTOM_FIELD_1",
	} {
		if got := printablePath(in); got != want {
			t.Errorf("printablePath(%q) = %q, want %q", in, got, want)
		}
	}
	sh, err := jsonShape([]byte(`{"user@example.com":{"a.b":1},"ok":[]}`))
	if err != nil {
		t.Fatal(err)
	}
	for p := range sh.Kinds {
		if strings.Contains(p, "example") || strings.Contains(p, "a.b") {
			t.Errorf("a key that is data entered the shape: %s", p)
		}
	}
	if sh.kinds("$.<key>.<key>") != "number" || !sh.Empty["$.ok"] {
		t.Errorf("shape %v", sh.Kinds)
	}
	for in, want := range map[string]string{
		"/alianza/v2/partition/partition-1/account/abc123": "/alianza/{}/partition/{}/account/{}",
		"/baicells/baicellsapi/customers/querybyid":        "/baicells/baicellsapi/customers/querybyid",
	} {
		if got := printableURLPath(in); got != want {
			t.Errorf("printableURLPath(%q) = %q, want %q", in, got, want)
		}
	}
}
