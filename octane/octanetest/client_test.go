package octanetest_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ispkit/ispkit/octane"
	"github.com/ispkit/ispkit/octane/octanetest"
)

func TestClient(t *testing.T) {
	srv := octanetest.NewServer()
	defer srv.Close()
	c := srv.Client()
	if c.SOAPBaseURL() != srv.SOAPBaseURL() || c.RESTBaseURL() != srv.RESTBaseURL() {
		t.Fatalf("client at %s and %s, server at %s and %s", c.SOAPBaseURL(), c.RESTBaseURL(), srv.SOAPBaseURL(), srv.RESTBaseURL())
	}
	if !strings.HasPrefix(srv.SOAPBaseURL(), srv.URL+"/") || !strings.HasPrefix(srv.RESTBaseURL(), srv.URL+"/") {
		t.Fatalf("base URLs %s, %s not under the root %s", srv.SOAPBaseURL(), srv.RESTBaseURL(), srv.URL)
	}
	// The defaults work, and the fast poll interval makes a wait short.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	pool, err := c.Pools.Create(ctx, octane.PoolCreateRequest{CustNo: octanetest.DefaultCustNo, ProviderPlanID: octanetest.DefaultProviderPlan, PoolName: "Fleet"})
	if err != nil {
		t.Fatal(err)
	}
	if pool.ProviderID == "" {
		t.Fatalf("pool %+v", pool)
	}

	// Later options win.
	c = srv.Client(octane.WithRESTBaseURL("http://127.0.0.1:1/x"))
	if c.RESTBaseURL() != "http://127.0.0.1:1/x" {
		t.Fatalf("REST base %s", c.RESTBaseURL())
	}

	// The server's credentials, when replaced.
	other := octanetest.NewServer(octanetest.WithCredentials("someone", "else"))
	defer other.Close()
	if _, err := other.Client().Orders.Query(ctx, "no-such-order"); !errors.Is(err, octane.ErrUnknownOrder) {
		t.Fatalf("want an unknown order, not a refused login: %v", err)
	}
}

func TestClientPanics(t *testing.T) {
	srv := octanetest.NewServer()
	defer srv.Close()
	for name, f := range map[string]func(){
		"refused option": func() { srv.Client(octane.WithLocation(nil)) },
		"handler":        func() { octanetest.NewHandler().Client() },
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				r := recover()
				if r == nil || !strings.HasPrefix(r.(string), "octanetest: Client: ") {
					t.Fatalf("recovered %v", r)
				}
			}()
			f()
		})
	}
}
