package alianza_test

import (
	"fmt"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/ispkit/ispkit/alianza"
	"github.com/ispkit/ispkit/alianza/alianzatest"
)

// The ledger (internal/gen/config.yml) accounts for every operation of the
// spec (internal/gen/openapi.yml). This test reads both on its own, apart
// from the generator, and checks the ledger against the code: what it says
// is typed has a method, a fake route and an end-to-end test; what it
// excludes or defers says why; the README and the package doc state the
// count it gives.

type ledgerEntry struct {
	Op     string `yaml:"op"`
	ID     string `yaml:"id"`
	Status string `yaml:"status"`
	Method string `yaml:"method"`
	Reason string `yaml:"reason"`
}

type ledgerOp struct {
	key, tag   string
	deprecated bool
}

func readLedger(t *testing.T) ([]ledgerOp, map[string]ledgerEntry) {
	t.Helper()
	b, err := os.ReadFile("internal/gen/openapi.yml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths yaml.Node `yaml:"paths"`
	}
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	var ops []ledgerOp
	for i := 0; i+1 < len(doc.Paths.Content); i += 2 {
		path, item := doc.Paths.Content[i].Value, doc.Paths.Content[i+1]
		for j := 0; j+1 < len(item.Content); j += 2 {
			m := item.Content[j].Value
			switch m {
			case "get", "post", "put", "patch", "delete", "head", "options", "trace":
			default:
				continue
			}
			var op struct {
				Tags       []string `yaml:"tags"`
				Deprecated bool     `yaml:"deprecated"`
			}
			if err := item.Content[j+1].Decode(&op); err != nil {
				t.Fatal(err)
			}
			tag := ""
			if len(op.Tags) > 0 {
				tag = op.Tags[0]
			}
			ops = append(ops, ledgerOp{strings.ToUpper(m) + " " + path, tag, op.Deprecated})
		}
	}
	b, err = os.ReadFile("internal/gen/config.yml")
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Operations []ledgerEntry `yaml:"operations"`
	}
	if err := yaml.Unmarshal(b, &cfg); err != nil {
		t.Fatal(err)
	}
	entries := map[string]ledgerEntry{}
	for _, e := range cfg.Operations {
		if _, dup := entries[e.Op]; dup {
			t.Errorf("ledger: %s is listed twice", e.Op)
		}
		entries[e.Op] = e
	}
	return ops, entries
}

// hasMethod reports whether "Service.Method" (or "Client.Method") is an
// exported method of a new client.
func hasMethod(c *alianza.Client, name string) bool {
	svc, m, ok := strings.Cut(name, ".")
	if !ok {
		return false
	}
	if svc == "Client" {
		return reflect.ValueOf(c).MethodByName(m).IsValid()
	}
	f := reflect.ValueOf(c).Elem().FieldByName(svc)
	return f.IsValid() && !f.IsNil() && f.MethodByName(m).IsValid()
}

// routePattern is a spec path as alianzatest.GeneratedRoutes writes it.
func routePattern(key string) string {
	return regexp.MustCompile(`\{[^}]+\}`).ReplaceAllString(key, "*")
}

func TestLedger(t *testing.T) {
	ops, entries := readLedger(t)
	c, err := alianza.New(alianza.Credentials{Username: "u", Password: alianza.NewSecret("p")})
	if err != nil {
		t.Fatal(err)
	}
	routes := map[string]bool{}
	for _, r := range alianzatest.GeneratedRoutes() {
		routes[r] = true
	}
	type counts struct{ hand, gen, excl, deferred, deprecated int }
	perTag := map[string]*counts{}
	var total counts
	inSpec := map[string]bool{}
	methods := map[string]string{}
	for _, o := range ops {
		inSpec[o.key] = true
		e, ok := entries[o.key]
		if !ok {
			t.Errorf("%s is not in the ledger", o.key)
			continue
		}
		if perTag[o.tag] == nil {
			perTag[o.tag] = &counts{}
		}
		n := perTag[o.tag]
		if o.deprecated {
			n.deprecated++
			total.deprecated++
		}
		switch e.Status {
		case "handwritten", "generated":
			if !hasMethod(c, e.Method) {
				t.Errorf("%s: %s %s has no method", o.key, e.Status, e.Method)
			}
			if prev, dup := methods[e.Method]; dup && e.Status == "generated" {
				t.Errorf("%s and %s are both %s", prev, o.key, e.Method)
			}
			methods[e.Method] = o.key
			if e.Status == "handwritten" {
				n.hand++
				total.hand++
				break
			}
			n.gen++
			total.gen++
			if !routes[routePattern(o.key)] {
				t.Errorf("%s: generated, but alianzatest serves no route for it", o.key)
			}
			if genE2E[o.key] == nil {
				t.Errorf("%s: generated, but has no end-to-end test", o.key)
			}
		case "excluded", "deferred":
			if len(strings.TrimSpace(e.Reason)) < 10 {
				t.Errorf("%s: %s without a reason", o.key, e.Status)
			}
			if e.Status == "excluded" {
				n.excl++
				total.excl++
				// Only two reasons are accepted for leaving an operation
				// out for good.
				if !o.deprecated && !strings.Contains(e.Reason, "UI-only SSO") {
					t.Errorf("%s: excluded, but neither deprecated nor a UI-only SSO call: %s", o.key, e.Reason)
				}
			} else {
				n.deferred++
				total.deferred++
			}
		default:
			t.Errorf("%s: unknown status %q", o.key, e.Status)
		}
		if o.deprecated && (e.Status == "generated") {
			t.Errorf("%s is deprecated in the spec but generated", o.key)
		}
	}
	for k := range entries {
		if !inSpec[k] {
			t.Errorf("ledger: %s is not in the spec", k)
		}
	}
	// Every fake route belongs to a generated operation.
	for r := range routes {
		found := false
		for k, e := range entries {
			if e.Status == "generated" && routePattern(k) == r {
				found = true
			}
		}
		if !found {
			t.Errorf("alianzatest serves %s, which the ledger does not mark generated", r)
		}
	}
	if len(genE2E) != total.gen {
		t.Errorf("%d end-to-end tests for %d generated operations", len(genE2E), total.gen)
	}

	tags := make([]string, 0, len(perTag))
	for tag := range perTag {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	t.Logf("%-28s %5s %5s %5s %5s %5s", "tag", "hand", "gen", "excl", "defer", "depr")
	for _, tag := range tags {
		n := perTag[tag]
		t.Logf("%-28s %5d %5d %5d %5d %5d", tag, n.hand, n.gen, n.excl, n.deferred, n.deprecated)
	}
	live := len(ops) - total.deprecated
	t.Logf("%d operations (%d live, %d deprecated): %d hand-written, %d generated, %d excluded, %d deferred",
		len(ops), live, total.deprecated, total.hand, total.gen, total.excl, total.deferred)

	// The README and the package doc state the count.
	want := fmt.Sprintf("%d of the %d live operations", total.hand+total.gen, live)
	for _, f := range []string{"../README.md", "doc.go"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(strings.ReplaceAll(string(b), "//", "")), " ")
		if !strings.Contains(text, want) {
			t.Errorf("%s does not say %q", f, want)
		}
		detail := fmt.Sprintf("%d hand-written, %d generated", total.hand, total.gen)
		if !strings.Contains(text, detail) {
			t.Errorf("%s does not say %q", f, detail)
		}
	}
}
