package baicells_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/ispkit/ispkit/internal/testkit"

	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/baicells/baicellstest"
)

// WithObserver sees every attempt the server saw, retries included, named
// by the operation and carrying the call's session_id.
func TestObserverSeesEveryAttempt(t *testing.T) {
	srv := baicellstest.NewServer()
	defer srv.Close()
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "sub-1"})
	srv.InjectFault(baicellstest.Fault{Path: "/customers/querybyid", Status: http.StatusServiceUnavailable, Times: 2})

	var rec testkit.Attempts
	retry := baicells.DefaultRetryPolicy()
	retry.MinWait, retry.MaxWait = time.Millisecond, 5*time.Millisecond
	c := srv.Client(baicells.WithRetry(retry), baicells.WithObserver(rec.Observe))
	ctx := baicells.WithSessionID(context.Background(), "obs-session-1")
	if _, err := c.Subscribers.Get(ctx, "sub-1"); err != nil {
		t.Fatal(err)
	}
	seen := rec.All()
	if n := srv.RequestCount("/customers/querybyid"); len(seen) != n || n != 3 {
		t.Fatalf("%d attempts observed, %d requests served; want 3 each", len(seen), n)
	}
	for i, a := range seen {
		wantStatus := http.StatusServiceUnavailable
		if i == 2 {
			wantStatus = http.StatusOK
		}
		if a.Number != i+1 || a.StatusCode != wantStatus || a.Retrying != (i < 2) || a.Op != "Subscribers.Get" ||
			a.RequestID != "obs-session-1" || a.Err != nil {
			t.Errorf("attempt %d: %+v", i+1, a)
		}
	}
}
