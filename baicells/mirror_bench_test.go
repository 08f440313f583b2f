package baicells_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/baicells/baicellstest"
)

// BenchmarkMirror mirrors a population into a fresh fake per iteration: a
// quarter of the customers are new, a tenth of the others differ (status,
// profile, CPE). It reports the calls sent per op and calls-minimum, the
// fewest calls the plans allow: one read per subscriber, one owner query
// per new IMSI (in this population none is held by a subscriber read), one bulk call per 200 bulk-able records
// (deactivations, activations, creations of one plan) and one call per other
// action.
func BenchmarkMirror(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			if n > 10_000 && testing.Short() {
				b.Skip("100k in -short")
			}
			b.ReportAllocs()
			var calls, minimum, actions float64
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				srv := baicellstest.NewServer()
				want := population(srv, n)
				c := srv.Client()
				b.StartTimer()
				rep, err := c.Subscribers.Mirror(context.Background(), want, nil)
				b.StopTimer()
				if err != nil {
					b.Fatal(err)
				}
				for _, r := range rep.Results {
					if r.Err != nil {
						b.Fatalf("%s: %v", r.ID, r.Err)
					}
				}
				calls += float64(rep.Reads + rep.Writes)
				minimum += float64(minCalls(rep, n))
				for _, k := range rep.Counts {
					actions += float64(k)
				}
				srv.Close()
				b.StartTimer()
			}
			b.ReportMetric(calls/float64(b.N), "calls/op")
			b.ReportMetric(minimum/float64(b.N), "calls-minimum/op")
			b.ReportMetric(actions/float64(b.N), "actions/op")
		})
	}
}

// minCalls is the fewest calls that carry out rep's actions after reading n
// subscribers (see BenchmarkMirror).
func minCalls(rep *baicells.MirrorReport, n int) int {
	batches := func(k int) int { return (k + baicells.MaxBatch - 1) / baicells.MaxBatch }
	calls := n
	created := map[string]int{}
	for _, r := range rep.Results {
		bulkCreate := false
		for _, a := range r.Actions {
			if a.Kind == baicells.ActionCreate {
				for _, b := range r.Actions {
					bulkCreate = bulkCreate || b.Kind == baicells.ActionBindIMSI
				}
			}
		}
		plan := ""
		for _, a := range r.Actions {
			switch {
			case a.Kind == baicells.ActionBindIMSI:
				calls++ // the owner query of the new IMSI
				if !bulkCreate {
					calls++
				}
			case bulkCreate && a.Kind == baicells.ActionBindPlan:
				plan = a.Detail
			case bulkCreate && a.Kind == baicells.ActionCreate:
			case a.Kind == baicells.ActionActivate, a.Kind == baicells.ActionDeactivate:
			default:
				calls++
			}
		}
		if bulkCreate {
			created[plan]++
		}
	}
	for _, k := range created {
		calls += batches(k)
	}
	return calls + batches(rep.Counts[baicells.ActionActivate]) + batches(rep.Counts[baicells.ActionDeactivate])
}
