package conformance

import (
	"fmt"
	"testing"
	"time"
)

// TestMatrixSpeed runs the safe toy with 81 ops (its three, 27 times), the
// size of the largest vendor client, and logs how long the matrix took.
func TestMatrixSpeed(t *testing.T) {
	if testing.Short() {
		t.Skip("the full-size matrix")
	}
	a := toyAdapter(flawNone)
	base := a.Ops
	a.Ops = nil
	for i := 0; i < 27; i++ {
		for _, op := range base {
			a.Ops = append(a.Ops, Op{Name: fmt.Sprintf("%s%02d", op.Name, i), Call: op.Call})
		}
	}
	start := time.Now()
	rep := execute(a)
	t.Logf("%d ops × %d scenarios in %v (race detector: %v)", len(a.Ops), len(rep.order), time.Since(start).Round(time.Millisecond), raceEnabled)
	for sc, ops := range rep.results {
		for op, r := range ops {
			for _, f := range r.findings {
				t.Errorf("%s/%s: %s: %s", sc, op, f.kind, f.msg)
			}
		}
	}
}
