package telecloud_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/ispkit/ispkit/internal/testkit"

	"github.com/ispkit/ispkit/telecloud"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

// WithObserver sees every attempt the server saw, retries included, named
// Service/Method; the answered attempt carries the answer's trans_id, in
// both formats.
func TestObserverSeesEveryAttempt(t *testing.T) {
	for _, format := range []telecloud.Format{telecloud.FormatXML, telecloud.FormatJSON} {
		srv := telecloudtest.NewServer()
		defer srv.Close()
		srv.InjectFault(telecloudtest.Fault{Path: "/Customer/Search", Status: http.StatusServiceUnavailable, Times: 2})

		var rec testkit.Attempts
		retry := telecloud.DefaultRetryPolicy()
		retry.MinWait, retry.MaxWait = time.Millisecond, 5*time.Millisecond
		c := srv.Client(telecloud.WithFormat(format), telecloud.WithRetry(retry), telecloud.WithObserver(rec.Observe))
		res, err := c.Customers.Search(context.Background(), telecloud.CustomerSearchRequest{})
		if err != nil {
			t.Fatal(err)
		}
		seen := rec.All()
		if n := srv.RequestCount("/Customer/Search"); len(seen) != n || n != 3 {
			t.Fatalf("%v: %d attempts observed, %d requests served; want 3 each", format, len(seen), n)
		}
		for i, a := range seen {
			wantStatus, wantID := http.StatusServiceUnavailable, ""
			if i == 2 {
				wantStatus, wantID = http.StatusOK, res.Meta.TransID
			}
			if a.Number != i+1 || a.StatusCode != wantStatus || a.Retrying != (i < 2) || a.Op != "Customer/Search" ||
				a.RequestID != wantID || a.Err != nil {
				t.Errorf("%v attempt %d: %+v", format, i+1, a)
			}
		}

		// A write answered with a trans_id: the Attempt carries it.
		rec.Reset()
		cust, err := c.Customers.Create(context.Background(), telecloud.CustomerCreateRequest{
			FirstName: "Ada", LastName: "Lovelace", Address: "12 Analytical Way", ZipCode: "17109", Email: "ada@example.com",
		})
		if err != nil {
			t.Fatal(err)
		}
		seen = rec.All()
		if len(seen) != 1 || cust.Meta.TransID == "" || seen[0].RequestID != cust.Meta.TransID || seen[0].Op != "Customer/Create" {
			t.Errorf("%v: create's trans_id %q, attempts %+v", format, cust.Meta.TransID, seen)
		}
	}
}
