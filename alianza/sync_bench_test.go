package alianza_test

// PlanSIPLineSync at 1,000, 10,000 and 100,000 lines a side, with
// mixed-case usernames, in shuffled order: a quarter of the lines only in
// Alianza, a quarter only in the CRM, a quarter differing, a quarter the same.
//
//	go test ./alianza -run '^$' -bench PlanSIPLineSync -benchmem
//
// Baseline: the sort-based planner this benchmark was written against
// (commit cd2b29f) took, on the machine of the commit that made it linear,
// with this data (-benchtime 1x -count 3): 1,000 lines 8.5–10.2 ms (58,337
// allocations, 2.0 MB), 10,000 lines 90–116 ms (742,155, 26 MB), 100,000
// lines 1.39–1.98 s (9.3 million, 299 MB).

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/ispkit/ispkit/alianza"
)

// syncBenchLines returns the two sides in shuffled order, each side's
// lines (and their strings) allocated in that order, as lines read from a
// database or an API answer are.
func syncBenchLines(n int) (local, remote []alianza.SIPLine) {
	rng := rand.New(rand.NewSource(int64(n)))
	localOrder, remoteOrder := rng.Perm(n), rng.Perm(n)
	for _, i := range remoteOrder {
		if l, ok := syncBenchLine(i, false); ok {
			remote = append(remote, l)
		}
	}
	for _, i := range localOrder {
		if l, ok := syncBenchLine(i, true); ok {
			local = append(local, l)
		}
	}
	return local, remote
}

// syncBenchLine is line i of a side, if that side has it.
func syncBenchLine(i int, local bool) (alianza.SIPLine, bool) {
	u := fmt.Sprintf("Sip%07dUser", i)
	l := alianza.SIPLine{
		DeviceID: fmt.Sprintf("dev-%d", i), LineNumber: 1 + i%4, SIPUsername: u,
		SIPPassword: alianza.NewSecret(fmt.Sprintf("pw-%d", i)), DisplayName: "Phone " + u,
		EmergencyNumber: "5551230000", MACAddress: fmt.Sprintf("00:04:F2:%02X:%02X:%02X", i>>16&255, i>>8&255, i&255),
	}
	switch i % 4 {
	case 0: // Alianza only
		return l, !local
	case 1: // CRM only
		return l, local
	case 2: // differs: the CRM spells the name in lower case and has an old display name
		if local {
			l.SIPUsername, l.DisplayName = strings.ToLower(u), "old"
		}
	default: // the same, the MAC address spelled differently
		if local {
			l.MACAddress = strings.ToLower(strings.ReplaceAll(l.MACAddress, ":", ""))
		}
	}
	return l, true
}

func BenchmarkPlanSIPLineSync(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		local, remote := syncBenchLines(n)
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				plan, err := alianza.PlanSIPLineSync(local, remote, alianza.SyncFull)
				if err != nil {
					b.Fatal(err)
				}
				if len(plan.Add) != n/4 || len(plan.Update) != n/4 || plan.Unchanged != n/4 || len(plan.Delete) != n/4 {
					b.Fatalf("plan: %d add, %d update, %d unchanged, %d delete", len(plan.Add), len(plan.Update), plan.Unchanged, len(plan.Delete))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/line")
		})
	}
}
