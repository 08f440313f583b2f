package conformance

import (
	"fmt"
	"strings"
	"testing"
	"text/tabwriter"
	"time"
)

// maxShown is the most findings reported one by one for one call.
const maxShown = 6

func (rep *report) publish(t *testing.T) {
	t.Helper()
	for _, sc := range rep.order {
		sc := sc
		t.Run(sc.name, func(t *testing.T) {
			for _, op := range rep.k.a.Ops {
				res := rep.results[sc.name][op.Name]
				t.Run(op.Name, func(t *testing.T) {
					if res.skipped != "" {
						t.Skip(res.skipped)
					}
					reportFindings(t, rep.k.a.Vendor+" "+op.Name+" in scenario "+sc.name, res.findings)
				})
			}
		})
	}
	if len(rep.prints) > 0 {
		t.Run("print", func(t *testing.T) {
			for _, p := range rep.prints {
				p := p
				t.Run(p.name, func(t *testing.T) { reportFindings(t, "printing "+p.name, p.res.findings) })
			}
		})
	}
	t.Log("\n" + rep.summary())
}

func reportFindings(t *testing.T, what string, fs []finding) {
	t.Helper()
	// The first finding of every kind comes first, so that the cap on the
	// number shown never hides a kind.
	var firsts, rest []finding
	seen := map[string]bool{}
	for _, f := range fs {
		if seen[f.kind] {
			rest = append(rest, f)
			continue
		}
		seen[f.kind] = true
		firsts = append(firsts, f)
	}
	fs = append(firsts, rest...)
	for i, f := range fs {
		if i == maxShown {
			t.Errorf("%s: … and %d more findings", what, len(fs)-maxShown)
			return
		}
		t.Errorf("%s: %s: %s", what, f.kind, f.msg)
	}
}

// counts is, per finding kind, how many calls had one.
func (r *result) has(kind string) bool {
	for _, f := range r.findings {
		if f.kind == kind {
			return true
		}
	}
	return false
}

// summary is the table logged at the end of Run: per scenario, the calls
// made and how many of them had each kind of finding, and the most a call
// allocated in the memory scenarios.
func (rep *report) summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "conformance summary for %s: %d ops × %d scenarios in %v\n", rep.k.a.Vendor, len(rep.k.a.Ops), len(rep.order), rep.elapsed.Round(10e6))
	w := tabwriter.NewWriter(&b, 0, 0, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "scenario\tcalls\tskipped\tleaks\toff-host cred\tfollowed\tduplicates\thangs\tpanics\tclassif.\tsilent\tsetup\tslowest call\tmax alloc/call\t")
	var total [11]int
	var maxAlloc uint64
	for _, sc := range rep.order {
		var row [11]int
		var alloc uint64
		var slowest time.Duration
		for _, op := range rep.k.a.Ops {
			res := rep.results[sc.name][op.Name]
			if res.skipped != "" {
				row[1]++
				continue
			}
			row[0]++
			for i, kind := range []string{kindLeak, kindOffHost, kindFollowed, kindDuplicate, kindHang, kindPanic, kindClass, kindSilent, kindSetup} {
				if res.has(kind) {
					row[2+i]++
				}
			}
			alloc = max(alloc, res.alloc)
			slowest = max(slowest, res.elapsed)
		}
		allocText := ""
		if sc.memory {
			allocText = fmt.Sprintf("%.2f MiB", float64(alloc)/mib)
			if alloc > sc.memLimit {
				allocText += " (over)"
			}
			maxAlloc = max(maxAlloc, alloc)
		}
		fmt.Fprintf(w, "%s\t", sc.name)
		for _, n := range row {
			fmt.Fprintf(w, "%d\t", n)
		}
		fmt.Fprintf(w, "%v\t%s\t\n", slowest.Round(time.Millisecond), allocText)
		for i := range row {
			total[i] += row[i]
		}
	}
	fmt.Fprintf(w, "TOTAL\t")
	for _, n := range total {
		fmt.Fprintf(w, "%d\t", n)
	}
	fmt.Fprintf(w, "\t%.2f MiB\t\n", float64(maxAlloc)/mib)
	_ = w.Flush()
	leaks := 0
	for _, p := range rep.prints {
		if len(p.res.findings) > 0 {
			leaks++
		}
	}
	fmt.Fprintf(&b, "memory calls over their limit: %d; printing sweep: %d types, %d with a secret in their output\n",
		rep.count(kindMemory), len(rep.prints), leaks)
	return b.String()
}

// count is the number of calls with a finding of kind.
func (rep *report) count(kind string) int {
	n := 0
	for _, ops := range rep.results {
		for _, res := range ops {
			if res.has(kind) {
				n++
			}
		}
	}
	return n
}
