package conformance

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// TestToySafe: the safe toy passes the whole matrix.
func TestToySafe(t *testing.T) {
	Run(t, toyAdapter(flawNone))
}

// TestToyFlaws: each broken toy makes the matching assertion fail, where
// expected and (for the cut) only there.
func TestToyFlaws(t *testing.T) {
	cases := []struct {
		name      string
		flaw      toyFlaw
		scenarios []string
		kind      string
		scenario  string // where the finding must be
		op        string
		contains  string // in the finding's message
		clean     string // a scenario that must have no finding of kind
	}{
		{"leak cut at 40 bytes", flawCut40, []string{"cut-body-api-error", "echo-api-error"}, kindLeak, "cut-body-api-error", "Create", "fmt %v", "echo-api-error"},
		{"leak JSON-escaped", flawJSONEscaped, []string{"echo-api-error"}, kindLeak, "echo-api-error", "Get", "json", ""},
		{"follows a 302 POST", flawFollowPOST, []string{"redirect-302-offhost"}, kindFollowed, "redirect-302-offhost", "Create", "POST answered with 302 was followed", ""},
		{"Authorization to another host", flawAuthOffHost, []string{"redirect-302-offhost"}, kindOffHost, "redirect-302-offhost", "Get", "off-host 127.0.0.2 target received credential", ""},
		{"re-sends a POST after 503", flawRetryPOST, []string{"status-503"}, kindDuplicate, "status-503", "Create", "POST /items", ""},
		{"allocates from Content-Length", flawAllocCL, []string{"lying-length"}, kindMemory, "lying-length", "Get", "TotalAlloc grew", ""},
		{"ignores the deadline", flawNoDeadline, []string{"drip"}, kindHang, "drip", "Get", "deadline", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.kind == kindMemory && raceEnabled {
				t.Skip("the memory scenarios do not run under the race detector")
			}
			a := toyAdapter(c.flaw)
			a.Scenarios = c.scenarios
			rep := execute(a)
			res := rep.results[c.scenario][c.op]
			if res == nil {
				t.Fatalf("no result for %s/%s", c.scenario, c.op)
			}
			if res.skipped != "" {
				t.Skip(res.skipped)
			}
			found := false
			for _, f := range res.findings {
				if f.kind == c.kind && strings.Contains(f.msg, c.contains) {
					found = true
				}
			}
			if !found {
				t.Errorf("no %s finding containing %q in %s/%s; findings: %v", c.kind, c.contains, c.scenario, c.op, res.findings)
			}
			if c.clean != "" {
				for op, r := range rep.results[c.clean] {
					if r.has(c.kind) {
						t.Errorf("%s/%s has a %s finding: %v", c.clean, op, c.kind, r.findings)
					}
				}
			}
			// No message of the report may show a secret.
			d := newDetector(a.Secrets)
			for sc, ops := range rep.results {
				for op, r := range ops {
					for _, f := range r.findings {
						if d.contains(f.msg) {
							t.Errorf("%s/%s: a finding shows a secret: %s", sc, op, d.mask(f.msg))
						}
					}
				}
			}
		})
	}
}

// TestRunFailsBrokenToy runs Run itself on a broken toy in a child test
// process: the child must fail, name the scenario, op and finding, and its
// whole output must not contain a secret.
func TestRunFailsBrokenToy(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a child test process")
	}
	for _, flaw := range []toyFlaw{flawJSONEscaped, flawCut40} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestRunChild$", "-test.v", "-test.count=1")
		cmd.Env = append(os.Environ(), "CONFORMANCE_TOY_FLAW="+strconv.Itoa(int(flaw)))
		out, err := cmd.CombinedOutput()
		if err == nil {
			t.Fatalf("flaw %d: the child passed:\n%s", flaw, out)
		}
		text := string(out)
		for _, want := range []string{"--- FAIL: TestRunChild/", "leak", "«secret»", "conformance summary for toy"} {
			if !strings.Contains(text, want) {
				t.Errorf("flaw %d: child output lacks %q:\n%s", flaw, want, text)
			}
		}
		if d := newDetector(toyAdapter(flaw).Secrets); d.contains(text) {
			t.Errorf("flaw %d: the child's output shows a secret:\n%s", flaw, d.mask(text))
		}
	}
}

func TestRunChild(t *testing.T) {
	v := os.Getenv("CONFORMANCE_TOY_FLAW")
	if v == "" {
		t.Skip("only as TestRunFailsBrokenToy's child")
	}
	flaw, _ := strconv.Atoi(v)
	a := toyAdapter(toyFlaw(flaw))
	a.Scenarios = []string{"echo-", "cut-"}
	Run(t, a)
}

func TestUncovered(t *testing.T) {
	a := toyAdapter(flawNone)
	skip := []string{"String", "GoString", "Format", "LogValue"}
	if got := Uncovered(a.Ops, "", &toyClient{}, skip...); len(got) != 0 {
		t.Errorf("all covered, got %v", got)
	}
	if got := Uncovered(a.Ops[:2], "", &toyClient{}, skip...); len(got) != 1 || got[0] != "Me" {
		t.Errorf("want [Me], got %v", got)
	}
}

func TestScenarioNames(t *testing.T) {
	a := toyAdapter(flawNone)
	if got, want := len(ScenarioNames(a)), 3*len(a.Envelopes)+35; got != want {
		t.Errorf("%d scenarios, want 3E+35 = %d", got, want)
	}
	a.Scenarios = []string{"redirect-30"}
	if got := len(ScenarioNames(a)); got != 15 {
		t.Errorf("%d redirect scenarios, want 15", got)
	}
}
