package octane_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/ispkit/ispkit/octane"
)

// poolAnswer is a GET /v1/datapool answer with n consumers, every other one
// limited to 1 GB, and the desired state that matches it but for one limit.
func poolAnswer(n int) (string, []octane.DesiredConsumer) {
	var b strings.Builder
	b.WriteString(`{"errorCode":0,"errorMessage":"","success":"true","provider":{"memberId":"PRV-1","dataPoolStatus":"OPTED-IN","dataMaxCap":"100 TB","dataUsage":"0 B"},"consumers":[`)
	want := make([]octane.DesiredConsumer, n)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		sn := fmt.Sprintf("04%08d", i)
		limit := ""
		want[i] = octane.DesiredConsumer{ServiceNumber: sn}
		if i%2 == 0 {
			limit = "1 GB"
			want[i].DataLimit = octane.GB(1)
		}
		fmt.Fprintf(&b, `{"serviceNumber":"%s","lineSeqNo":"%d","dataPoolStatus":"OPTED-IN","dataLimit":"%s","dataUsage":"0 B"}`, sn, i+10, limit)
	}
	b.WriteString(`]}`)
	want[0].DataLimit = octane.GB(2) // one change
	return b.String(), want
}

// rawPool is what a hand-written client would decode.
type rawPool struct {
	Provider struct {
		MemberID string `json:"memberId"`
	} `json:"provider"`
	Consumers []struct {
		ServiceNumber string `json:"serviceNumber"`
		LineSeqNo     string `json:"lineSeqNo"`
		Status        string `json:"dataPoolStatus"`
		DataLimit     string `json:"dataLimit"`
	} `json:"consumers"`
}

// BenchmarkPoolsPlan compares Pools.Plan on a pool of 1k and 10k consumers
// with a hand-written net/http + encoding/json read and diff of the same
// answer from the same loopback server. Report the ratio of the ns/op.
func BenchmarkPoolsPlan(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		body, want := poolAnswer(n)
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			_, _ = w.Write([]byte(body))
		}))
		b.Cleanup(srv.Close)
		ctx := context.Background()
		req := octane.PoolReconcileRequest{Pool: octane.Pool{CustNo: "1", LineSeqNo: "3"}, Consumers: want}

		b.Run(fmt.Sprintf("%d/octane", n), func(b *testing.B) {
			c, err := octane.New(octane.Credentials{Username: "u", Password: octane.NewSecret("pw-bench")},
				octane.WithRESTBaseURL(srv.URL), octane.WithSOAPBaseURL(srv.URL), octane.WithMaxResponseSize(64<<20))
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				p, err := c.Pools.Plan(ctx, req)
				if err != nil || len(p.Actions) != 1 {
					b.Fatal(err, p)
				}
			}
		})
		b.Run(fmt.Sprintf("%d/raw", n), func(b *testing.B) {
			hc := &http.Client{}
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				r, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/v1/datapool?custno=1&lineseqno=3", nil)
				r.SetBasicAuth("u", "pw-bench")
				resp, err := hc.Do(r)
				if err != nil {
					b.Fatal(err)
				}
				var ans rawPool
				err = json.NewDecoder(resp.Body).Decode(&ans)
				resp.Body.Close()
				if err != nil {
					b.Fatal(err)
				}
				have := make(map[string]octane.Size, len(ans.Consumers))
				for _, c := range ans.Consumers {
					l, _ := octane.ParseSize(c.DataLimit)
					have[c.ServiceNumber] = l
				}
				changes := 0
				for _, w := range want {
					if l, ok := have[w.ServiceNumber]; !ok || l != w.DataLimit {
						changes++
					}
				}
				if changes != 1 {
					b.Fatal(changes)
				}
			}
		})
	}
}
