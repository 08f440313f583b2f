package baicells_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/baicells/baicellstest"
)

// BenchmarkMirror mirrors a population into a fresh fake per iteration: a
// quarter of the customers are new, a tenth of the others differ (status,
// profile, CPE). It reports the calls sent per op and calls-minimum, the
// fewest calls the plans allow: one read per subscriber, one owner query
// per IMSI an existing subscriber moves to (in this population none is held
// by a subscriber read; a new customer's IMSI is checked by bulk create), one
// bulk call per 200 bulk-able records (deactivations, activations, creations
// of one plan) and one call per other action.
//
// Its baseline, "raw-reads", is the read phase alone written by hand: the n
// querybyid calls with net/http and encoding/json, 8 at a time, against the
// same seeded fake. Reads are most of Mirror's calls, so the ratio of the
// two ns/op per call shows what the SDK costs per call.
func BenchmarkMirror(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(strconv.Itoa(n)+"/raw-reads", func(b *testing.B) {
			if n > 10_000 && testing.Short() {
				b.Skip("100k in -short")
			}
			rawReads(b, n)
		})
		b.Run(strconv.Itoa(n)+"/ispkit", func(b *testing.B) {
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
				if !bulkCreate {
					calls += 2 // the owner query of the new IMSI, the bind
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

// rawReads reads the n subscribers of population from a fresh fake per
// iteration by hand, 8 calls at a time, and reports calls/op.
func rawReads(b *testing.B, n int) {
	auth := base64.StdEncoding.EncodeToString([]byte(baicellstest.DefaultUsername + ":" + baicellstest.DefaultPassword))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		srv := baicellstest.NewServer()
		want := population(srv, n)
		hc := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
		url := srv.BaseURL() + "/customers/querybyid"
		ids := make(chan string)
		var wg sync.WaitGroup
		var failed atomic.Int64
		b.StartTimer()
		for w := 0; w < 8; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for id := range ids {
					body, _ := json.Marshal(map[string]string{"session_id": id, "sub_id": id})
					req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
					req.Header.Set("Content-Type", "application/json")
					req.Header["cloud_key"] = []string{baicellstest.DefaultCloudKey}
					req.Header.Set("Authorization", auth)
					resp, err := hc.Do(req)
					if err != nil {
						failed.Add(1)
						continue
					}
					data, err := io.ReadAll(resp.Body)
					resp.Body.Close()
					var out rawSubscriber
					if err != nil || json.Unmarshal(data, &out) != nil || out.ResultCode == "" {
						failed.Add(1)
					}
				}
			}()
		}
		for _, d := range want {
			ids <- d.Profile.ID
		}
		close(ids)
		wg.Wait()
		b.StopTimer()
		if failed.Load() > 0 {
			b.Fatalf("%d raw reads failed", failed.Load())
		}
		srv.Close()
		hc.CloseIdleConnections()
		b.StartTimer()
	}
	b.ReportMetric(float64(n), "calls/op")
}
