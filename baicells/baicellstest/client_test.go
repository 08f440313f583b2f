package baicellstest_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/baicells/baicellstest"
)

func TestURLIsTheRoot(t *testing.T) {
	srv := baicellstest.NewServer()
	defer srv.Close()
	if strings.Count(srv.URL, "/") != 2 || strings.HasSuffix(srv.URL, "/") {
		t.Errorf("URL %q is not scheme://host:port", srv.URL)
	}
	if got, want := srv.BaseURL(), srv.URL+"/baicellsapi"; got != want {
		t.Errorf("BaseURL() = %q, want %q", got, want)
	}
	if h := baicellstest.NewHandler(); h.URL != "" || h.BaseURL() != "" {
		t.Errorf("NewHandler: URL %q, BaseURL %q, want both empty", h.URL, h.BaseURL())
	}
}

func TestClient(t *testing.T) {
	srv := baicellstest.NewServer()
	defer srv.Close()
	srv.SeedPlan(baicellstest.DefaultCloudKey, baicellstest.Plan{ID: "P1", Name: "5M", Uplink: 5, Downlink: 5})
	c := srv.Client(baicells.WithUserAgent("client-test"))
	if c.BaseURL() != srv.BaseURL() {
		t.Errorf("client BaseURL %q, want %q", c.BaseURL(), srv.BaseURL())
	}
	plans, err := c.Plans.List(context.Background())
	if err != nil || len(plans) != 1 {
		t.Fatalf("Plans.List: %v, %v", plans, err)
	}
	if ua := srv.Requests()[0].Header.Get("User-Agent"); !strings.Contains(ua, "client-test") {
		t.Errorf("the caller's option was not applied: User-Agent %q", ua)
	}

	// A later option wins over the fake's own.
	other := baicellstest.NewServer()
	defer other.Close()
	c = srv.Client(baicells.WithBaseURL(other.BaseURL()))
	if c.BaseURL() != other.BaseURL() {
		t.Errorf("WithBaseURL did not override: %q", c.BaseURL())
	}
}

func TestClientPanics(t *testing.T) {
	srv := baicellstest.NewServer()
	defer srv.Close()
	for name, f := range map[string]func(){
		"refused option": func() { srv.Client(baicells.WithLocation(nil)) },
		"NewHandler":     func() { baicellstest.NewHandler().Client() },
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				r := recover()
				msg, _ := r.(string)
				if !strings.HasPrefix(msg, "baicellstest: Server.Client: ") {
					t.Errorf("panic %v, want a baicellstest message", r)
				}
			}()
			f()
		})
	}
}

// A fault's Path is a suffix of the path as sent: the documented
// "/customers/query", the full path, and a shorter suffix all match it.
func TestFaultPathIsASuffix(t *testing.T) {
	srv := baicellstest.NewServer()
	defer srv.Close()
	c := srv.Client(baicells.WithRetry(baicells.RetryPolicy{MaxAttempts: 1}))
	ctx := context.Background()
	for _, path := range []string{"/customers/query", "/baicellsapi/customers/query", "query", "/customers/query/"} {
		srv.InjectFault(baicellstest.Fault{Path: path, Status: http.StatusServiceUnavailable, Times: 1})
		_, err := c.Subscribers.QueryByIMSI(ctx, "460010000000001")
		var e *baicells.Error
		if !errors.As(err, &e) || e.HTTPStatus != http.StatusServiceUnavailable {
			t.Errorf("fault %q: %v, want HTTP 503", path, err)
		}
	}
	srv.InjectFault(baicellstest.Fault{Path: "/customers/create", Status: http.StatusServiceUnavailable})
	_, err := c.Subscribers.QueryByIMSI(ctx, "460010000000001")
	var e *baicells.Error
	if errors.As(err, &e) && e.HTTPStatus == http.StatusServiceUnavailable {
		t.Errorf("a fault on another path applied: %v", err)
	}
	srv.ClearFaults()
}

// Client gives a test a ready client; InjectFault makes the fake misbehave.
func ExampleServer_Client() {
	srv := baicellstest.NewServer()
	defer srv.Close()
	c := srv.Client(baicells.WithRetry(baicells.RetryPolicy{MaxAttempts: 1}))

	srv.InjectFault(baicellstest.Fault{Path: "/customers/create", Status: http.StatusServiceUnavailable, Times: 1})
	err := c.Subscribers.Create(context.Background(), baicells.Profile{ID: "s1"})
	var e *baicells.Error
	fmt.Println(errors.As(err, &e), e.HTTPStatus)

	err = c.Subscribers.Create(context.Background(), baicells.Profile{ID: "s1"})
	_, ok := srv.Subscriber("s1")
	fmt.Println(err, ok, srv.RequestCount("/customers/create"))
	// Output:
	// true 503
	// <nil> true 2
}
