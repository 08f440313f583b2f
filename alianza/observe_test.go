package alianza_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/ispkit/ispkit/internal/testkit"

	"github.com/ispkit/ispkit/alianza"
	"github.com/ispkit/ispkit/alianza/alianzatest"
)

// WithObserver sees every attempt the server saw, the login and retries
// included, each named by its operation; Alianza documents no request id.
func TestObserverSeesEveryAttempt(t *testing.T) {
	srv := alianzatest.NewServer()
	defer srv.Close()
	srv.InjectFault(alianzatest.Fault{Path: "/account", Status: http.StatusServiceUnavailable, Times: 2})

	var rec testkit.Attempts
	retry := alianza.DefaultRetryPolicy()
	retry.MinWait, retry.MaxWait = time.Millisecond, 5*time.Millisecond
	c := srv.Client(alianza.WithRetry(retry), alianza.WithObserver(rec.Observe))
	if _, err := c.Accounts.List(context.Background()); err != nil {
		t.Fatal(err)
	}
	seen := rec.All()
	if n := len(srv.Requests()); len(seen) != n || n != 4 {
		t.Fatalf("%d attempts observed, %d requests served; want 4 each (a login, two 503s, the list)", len(seen), n)
	}
	wantStatus := []int{http.StatusCreated, http.StatusServiceUnavailable, http.StatusServiceUnavailable, http.StatusOK}
	for i, a := range seen {
		list := i > 0
		if a.StatusCode != wantStatus[i] || a.Retrying != (i == 1 || i == 2) || a.RequestID != "" || a.Err != nil ||
			(list && (a.Op != seen[1].Op || a.Number != i)) || (!list && (a.Op == seen[1].Op || a.Number != 1)) {
			t.Errorf("attempt %d: %+v", i+1, a)
		}
	}
}
