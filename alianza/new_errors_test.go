package alianza

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestNewErrorsPrefixed walks every error New can return — bad
// credentials and every option that refuses its input — and checks that
// each text starts with "alianza: ".
func TestNewErrorsPrefixed(t *testing.T) {
	good := Credentials{Username: "u", Password: NewSecret("p")}
	cases := []struct {
		name  string
		creds Credentials
		opts  []Option
	}{
		{"empty username", Credentials{Password: NewSecret("p")}, nil},
		{"blank username", Credentials{Username: " ", Password: NewSecret("p")}, nil},
		{"empty password", Credentials{Username: "u"}, nil},
		{"base URL unparsable", good, []Option{WithBaseURL("http://[::1")}},
		{"base URL scheme", good, []Option{WithBaseURL("ftp://example.com")}},
		{"base URL host", good, []Option{WithBaseURL("http://")}},
		{"base URL credentials", good, []Option{WithBaseURL("https://u:p@example.com")}},
		{"partition empty", good, []Option{WithPartition("")}},
		{"partition dot", good, []Option{WithPartition("..")}},
		{"partition slash", good, []Option{WithPartition("a/b")}},
		{"nil http client", good, []Option{WithHTTPClient(nil)}},
		{"user agent line break", good, []Option{WithUserAgent("a\nb")}},
		{"retry attempts", good, []Option{WithRetry(RetryPolicy{})}},
		{"retry negative", good, []Option{WithRetry(RetryPolicy{MaxAttempts: 1, MinWait: -1})}},
		{"retry max below min", good, []Option{WithRetry(RetryPolicy{MaxAttempts: 1, MinWait: 2 * time.Second, MaxWait: time.Second})}},
		{"timeout negative", good, []Option{WithTimeout(-1)}},
		{"max response size", good, []Option{WithMaxResponseSize(0)}},
		{"idle conns", good, []Option{WithMaxIdleConnsPerHost(0)}},
		{"poll min negative", good, []Option{WithPollInterval(-1, 0)}},
		{"poll max negative", good, []Option{WithPollInterval(0, -1)}},
		{"poll max below min", good, []Option{WithPollInterval(2*time.Second, time.Second)}},
		{"idle conns with http client", good, []Option{WithHTTPClient(&http.Client{}), WithMaxIdleConnsPerHost(8)}},
	}
	for _, c := range cases {
		_, err := New(c.creds, c.opts...)
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if !strings.HasPrefix(err.Error(), "alianza: ") {
			t.Errorf("%s: %q does not start with \"alianza: \"", c.name, err)
		}
	}
}
