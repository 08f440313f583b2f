package baicells_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/baicells/baicellstest"
)

// Every error New can return, from its own checks and from every option,
// starts with "baicells: ".
func TestNewErrorsArePrefixed(t *testing.T) {
	good := baicells.Credentials{CloudKey: baicells.NewSecret("key"), Username: "u", Password: baicells.NewSecret("p")}
	retry := baicells.DefaultRetryPolicy()
	retry.MaxAttempts = 0
	cases := map[string]struct {
		creds baicells.Credentials
		opts  []baicells.Option
	}{
		"no cloud key":            {baicells.Credentials{Username: "u"}, nil},
		"no username":             {baicells.Credentials{CloudKey: baicells.NewSecret("k")}, nil},
		"cloud key line break":    {baicells.Credentials{CloudKey: baicells.NewSecret("k\n"), Username: "u"}, nil},
		"username colon":          {baicells.Credentials{CloudKey: baicells.NewSecret("k"), Username: "u:v"}, nil},
		"bad base URL":            {good, []baicells.Option{baicells.WithBaseURL("ftp://x")}},
		"base URL no host":        {good, []baicells.Option{baicells.WithBaseURL("http://")}},
		"base URL credentials":    {good, []baicells.Option{baicells.WithBaseURL("http://a:b@x")}},
		"unparsable base URL":     {good, []baicells.Option{baicells.WithBaseURL("http://[::1")}},
		"nil HTTP client":         {good, []baicells.Option{baicells.WithHTTPClient(nil)}},
		"user agent line break":   {good, []baicells.Option{baicells.WithUserAgent("a\nb")}},
		"bad retry":               {good, []baicells.Option{baicells.WithRetry(retry)}},
		"negative timeout":        {good, []baicells.Option{baicells.WithTimeout(-time.Second)}},
		"zero max response":       {good, []baicells.Option{baicells.WithMaxResponseSize(0)}},
		"zero idle conns":         {good, []baicells.Option{baicells.WithMaxIdleConnsPerHost(0)}},
		"idle conns with client":  {good, []baicells.Option{baicells.WithHTTPClient(nil), baicells.WithMaxIdleConnsPerHost(2)}},
		"unknown auth scheme":     {good, []baicells.Option{baicells.WithAuthScheme(9)}},
		"nil location":            {good, []baicells.Option{baicells.WithLocation(nil)}},
		"nil session id function": {good, []baicells.Option{baicells.WithSessionIDGenerator(nil)}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			c, err := baicells.New(tc.creds, tc.opts...)
			if err == nil {
				t.Fatalf("New accepted it: %v", c)
			}
			if !strings.HasPrefix(err.Error(), "baicells: ") {
				t.Errorf("error %q does not start with %q", err, "baicells: ")
			}
			if strings.Count(err.Error(), "baicells: ") != 1 {
				t.Errorf("error %q repeats the prefix", err)
			}
		})
	}
}

// A ValidationError matches ErrInvalidInput and unwraps to its cause.
func TestValidationErrorUnwrap(t *testing.T) {
	cause := errors.New("cause")
	e := &baicells.ValidationError{Op: "Op", Field: "f", Reason: "bad", Err: cause}
	if !errors.Is(e, baicells.ErrInvalidInput) || !errors.Is(e, cause) || e.Unwrap() != cause {
		t.Fatalf("ValidationError does not match its sentinel and cause: %v", e)
	}
	if got, want := e.Error(), "baicells: Op: invalid f: bad: cause"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

// A bulk call whose context has ended reports it as a *Error, prefixed, that
// matches the context's error.
func TestBulkEndedContextIsPrefixed(t *testing.T) {
	srv := baicellstest.NewServer()
	t.Cleanup(srv.Close)
	c := srv.Client()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, cerr := c.Subscribers.BulkCreate(ctx, []baicells.SubscriberCreateRequest{{Profile: baicells.Profile{ID: "a"}, IMSI: "311980000000001"}}, nil)
	_, aerr := c.Subscribers.BulkActivate(ctx, []string{"a"}, nil)
	for name, err := range map[string]error{"BulkCreate": cerr, "BulkActivate": aerr} {
		var e *baicells.Error
		if !errors.As(err, &e) || !errors.Is(err, context.Canceled) || !strings.HasPrefix(err.Error(), "baicells: ") {
			t.Errorf("%s: %v, want a prefixed *Error matching context.Canceled", name, err)
		}
	}
}
