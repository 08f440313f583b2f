package alianzatest_test

import (
	"context"
	"strings"
	"testing"

	"github.com/ispkit/ispkit/alianza"
	"github.com/ispkit/ispkit/alianza/alianzatest"
)

func TestClient(t *testing.T) {
	srv := alianzatest.NewServer()
	defer srv.Close()
	if srv.BaseURL() != srv.URL || !strings.HasPrefix(srv.URL, "http://") {
		t.Fatalf("BaseURL %q, URL %q", srv.BaseURL(), srv.URL)
	}
	c := srv.Client()
	if c.BaseURL() != srv.URL {
		t.Fatalf("client base URL %q, want %q", c.BaseURL(), srv.URL)
	}
	if _, err := c.Accounts.List(context.Background()); err != nil {
		t.Fatal(err)
	}
	if srv.LoginCount() != 1 {
		t.Fatalf("logins %d", srv.LoginCount())
	}
}

func TestClientLaterOptionsWin(t *testing.T) {
	srv := alianzatest.NewServer(alianzatest.WithCredentials("other", "pw", "partition-2"))
	defer srv.Close()
	c := srv.Client(alianza.WithPartition("partition-2"))
	if !strings.Contains(c.String(), `"partition-2"`) {
		t.Fatalf("%s", c)
	}
}

func TestClientPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"NewHandler": func() { alianzatest.NewHandler().Client() },
		"bad option": func() {
			srv := alianzatest.NewServer()
			defer srv.Close()
			srv.Client(alianza.WithTimeout(-1))
		},
	} {
		func() {
			defer func() {
				r := recover()
				if r == nil {
					t.Errorf("%s: no panic", name)
					return
				}
				if s, _ := r.(string); !strings.HasPrefix(s, "alianzatest: Server.Client: ") {
					t.Errorf("%s: panic %v", name, r)
				}
			}()
			f()
		}()
	}
}
