package telecloudtest_test

import (
	"context"
	"strings"
	"testing"

	"github.com/ispkit/ispkit/telecloud"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

func TestClientIsPointedAtTheServer(t *testing.T) {
	srv := telecloudtest.NewServer()
	defer srv.Close()
	if srv.BaseURL() != srv.URL || !strings.HasPrefix(srv.URL, "http://") || strings.HasSuffix(srv.URL, "/") {
		t.Fatalf("BaseURL %q, URL %q: want the root, as httptest.Server.URL", srv.BaseURL(), srv.URL)
	}
	c := srv.Client(telecloud.WithFormat(telecloud.FormatJSON))
	if c.BaseURL() != srv.BaseURL() {
		t.Fatalf("client's base URL %q, want %q", c.BaseURL(), srv.BaseURL())
	}
	res, err := c.Customers.Search(context.Background(), telecloud.CustomerSearchRequest{AccountNumber: telecloudtest.SeedCustomer})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Customers) != 1 || res.Customers[0].AccountNumber != telecloudtest.SeedCustomer {
		t.Fatalf("customers %+v", res.Customers)
	}
	if n := srv.RequestCount("/API/json/Customer/Search"); n != 1 {
		t.Fatalf("%d JSON searches recorded, want 1 (the caller's WithFormat applies)", n)
	}

	// Later options win.
	other := telecloudtest.NewServer()
	defer other.Close()
	if got := srv.Client(telecloud.WithBaseURL(other.BaseURL())).BaseURL(); got != other.BaseURL() {
		t.Fatalf("base URL %q, want the caller's %q", got, other.BaseURL())
	}
}

func TestClientPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"refused option": func() {
			srv := telecloudtest.NewServer()
			defer srv.Close()
			srv.Client(telecloud.WithFormat("yaml"))
		},
		"NewHandler": func() { telecloudtest.NewHandler().Client() },
	} {
		func() {
			defer func() {
				r := recover()
				if s, _ := r.(string); !strings.HasPrefix(s, "telecloudtest: Client: ") {
					t.Errorf("%s: recovered %v, want a telecloudtest: Client: panic", name, r)
				}
			}()
			f()
		}()
	}
}

func TestWithCredentials(t *testing.T) {
	srv := telecloudtest.NewServer(telecloudtest.WithCredentials(telecloudtest.SeedVARAccount, "second-id", "second-key"))
	defer srv.Close()
	c, err := telecloud.New(telecloud.Credentials{APIIDKey: telecloud.NewSecret("second-id"), APIKey: telecloud.NewSecret("second-key")},
		telecloud.WithBaseURL(srv.BaseURL()))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ { // Reset keeps the option's users
		if _, err := c.Customers.Search(context.Background(), telecloud.CustomerSearchRequest{AccountNumber: telecloudtest.SeedCustomer}); err != nil {
			t.Fatalf("round %d: %v", i, err)
		}
		srv.Reset()
	}
	for name, opt := range map[string]telecloudtest.Option{
		"unknown account": telecloudtest.WithCredentials("999", "x", "y"),
		"empty key":       telecloudtest.WithCredentials(telecloudtest.SeedVARAccount, "x", ""),
		"key in use":      telecloudtest.WithCredentials(telecloudtest.SeedVARAccount, telecloudtest.DefaultAPIIDKey, "y"),
	} {
		func() {
			defer func() {
				if s, _ := recover().(string); !strings.HasPrefix(s, "telecloudtest: WithCredentials: ") {
					t.Errorf("%s: no WithCredentials panic", name)
				}
			}()
			telecloudtest.NewHandler(opt)
		}()
	}
}
