package octane_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/ispkit/ispkit/internal/testkit"

	"github.com/ispkit/ispkit/octane"
	"github.com/ispkit/ispkit/octane/octanetest"
)

// WithObserver sees every attempt the server saw, retries included, named
// by the operation; Octane documents no correlation id.
func TestObserverSeesEveryAttempt(t *testing.T) {
	srv := octanetest.NewServer()
	defer srv.Close()
	p := srv.SeedPool(octanetest.Pool{Name: "Fleet"})
	srv.InjectFault(octanetest.Fault{Path: "/v1/datapool", Status: http.StatusServiceUnavailable, Times: 2})

	var rec testkit.Attempts
	retry := octane.DefaultRetryPolicy()
	retry.MinWait, retry.MaxWait = time.Millisecond, 5*time.Millisecond
	c := srv.Client(octane.WithRetry(retry), octane.WithObserver(rec.Observe))
	if _, err := c.DataPools.Get(context.Background(), octane.PoolRef{CustNo: p.CustNo, LineSeqNo: p.LineSeqNo}); err != nil {
		t.Fatal(err)
	}
	seen := rec.All()
	if n := srv.RequestCount("/v1/datapool"); len(seen) != n || n != 3 {
		t.Fatalf("%d attempts observed, %d requests served; want 3 each", len(seen), n)
	}
	for i, a := range seen {
		wantStatus := http.StatusServiceUnavailable
		if i == 2 {
			wantStatus = http.StatusOK
		}
		if a.Number != i+1 || a.StatusCode != wantStatus || a.Retrying != (i < 2) || a.Op == "" || a.RequestID != "" || a.Err != nil {
			t.Errorf("attempt %d: %+v", i+1, a)
		}
	}
}
