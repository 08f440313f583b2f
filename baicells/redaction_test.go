package baicells_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/baicells/baicellstest"
)

// syncBuffer is a log sink safe for the concurrent bulk calls.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// everyOperation runs all 25 operations (and the higher-level calls) and
// returns every error seen.
func everyOperation(ctx context.Context, c *baicells.Client) []error {
	var errs []error
	add := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	add(c.Plans.Create(ctx, baicells.Plan{ID: "P1", Name: "1M", Uplink: 1, Downlink: 1}))
	add(c.Plans.Modify(ctx, baicells.Plan{ID: "P1", Name: "1M+", Uplink: 1, Downlink: 2}))
	for _, list := range []func() ([]baicells.Plan, error){
		func() ([]baicells.Plan, error) { return c.Plans.List(ctx) },
		func() ([]baicells.Plan, error) { return c.Plans.ListByUplink(ctx, 1) },
		func() ([]baicells.Plan, error) { return c.Plans.ListByDownlink(ctx, 2) },
		func() ([]baicells.Plan, error) {
			return c.Plans.ListBySpeed(ctx, baicells.Speed{Uplink: 1, Downlink: 2})
		},
	} {
		_, err := list()
		add(err)
	}
	add(c.Subscribers.Create(ctx, baicells.Profile{ID: "s1", Name: "n"}))
	add(c.Subscribers.Create(ctx, baicells.Profile{ID: "s1", Name: "n"})) // fails: exists
	add(c.Subscribers.Modify(ctx, baicells.Profile{ID: "s1", Email: "e@example.net"}))
	add(c.Subscribers.BindPlan(ctx, "s1", "P1"))
	add(c.Subscribers.BindIMSI(ctx, "s1", "311980000000001"))
	add(c.Subscribers.Activate(ctx, "s1"))
	add(c.Subscribers.UnbindIMSI(ctx, "s1")) // fails: active
	add(c.Subscribers.ChangeSpeed(ctx, "s1", baicells.Speed{Uplink: 2, Downlink: 4}))
	add(c.Subscribers.ChangePlan(ctx, "s1", "P1"))
	_, err := c.Subscribers.QueryByIMSI(ctx, "311980000000001")
	add(err)
	_, err = c.Subscribers.Get(ctx, "s1")
	add(err)
	_, err = c.Subscribers.Get(ctx, "missing") // fails
	add(err)
	add(c.Subscribers.BindAPN(ctx, baicells.APNBinding{SubID: "s1", Name: "apn1", AMBRUplink: 1, AMBRDownlink: 2, IPs: []netip.Addr{netip.MustParseAddr("10.0.0.1")}}))
	add(c.Subscribers.RemoveAPN(ctx, baicells.APNBinding{SubID: "s1", Name: "apn1"}))
	add(c.Subscribers.Deactivate(ctx, "s1"))
	_, err = c.Subscribers.BulkCreate(ctx, baicells.BulkCreateRequest{PlanID: "P1", Subscribers: []baicells.NewSubscriber{
		{Profile: baicells.Profile{ID: "b1"}, IMSI: "311980000000011"},
		{Profile: baicells.Profile{ID: "b2"}, IMSI: "311980000000001"}, // fails: in use
	}})
	add(err)
	_, err = c.Subscribers.BulkActivate(ctx, []string{"b1", "ghost"})
	add(err)
	_, err = c.Subscribers.BulkDeactivate(ctx, []string{"b1"})
	add(err)
	from := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, err := range c.Usage.Hourly(ctx, baicells.UsageQuery{From: from, To: from.Add(2 * time.Hour)}) {
		add(err)
	}
	for _, err := range c.Usage.CDRs(ctx, baicells.UsageQuery{From: from, To: from.Add(2 * time.Hour)}) {
		add(err)
	}
	_, err = c.Subscribers.Reconcile(ctx, baicells.DesiredSubscriber{Profile: baicells.Profile{ID: "s1"}, PlanID: "P1", IMSI: "311980000000002", Active: true})
	add(err)
	_, err = c.Plans.Ensure(ctx, baicells.Plan{ID: "P2", Name: "2M", Uplink: 2, Downlink: 2})
	add(err)
	add(c.Subscribers.Delete(ctx, "s1"))
	add(c.Do(ctx, http.MethodPost, "/customers/querybyid", map[string]any{"sub_id": "s1"}, nil))
	return errs
}

func TestRedactionSweep(t *testing.T) {
	const (
		cloudKey = "ck-SECRET-5f1e77"
		user     = "operator"
		password = "pw-SECRET-9a7c31"
	)
	bare := base64.StdEncoding.EncodeToString([]byte(user + ":" + password))
	secrets := []string{cloudKey, password, bare, "Basic " + bare}

	acct := baicellstest.Account{CloudKey: cloudKey, Username: user, Password: password}
	srv := baicellstest.NewServer(baicellstest.WithAccount(acct))
	t.Cleanup(srv.Close)

	// A hostile server that echoes the credentials it receives into its
	// failure messages and error pages.
	echo := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		leak := r.Header.Get("cloud_key") + " " + r.Header.Get("Authorization") + " " + password
		switch {
		case strings.Contains(r.URL.Path, "products"):
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusBadGateway)
			fmt.Fprintf(w, "<html><body>upstream said %s</body></html>", leak)
		case strings.Contains(r.URL.Path, "query"):
			fmt.Fprintf(w, `{"session_id":"%s","result_code":"200","sub_id":{"oops":"%s"}}`, leak, leak)
		default:
			w.WriteHeader(422)
			fmt.Fprintf(w, `{"session_id":"%s","result_code":"5004","message":"bad login %s","password":"%s"}`, leak, leak, password)
		}
	}))
	t.Cleanup(echo.Close)

	var logs syncBuffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	retry := baicells.WithRetry(baicells.RetryPolicy{MaxAttempts: 2, MinWait: time.Millisecond, MaxWait: time.Millisecond, MaxRetryAfter: time.Millisecond})

	var seen []string
	creds := baicells.Credentials{CloudKey: baicells.NewSecret(cloudKey), Username: user, Password: baicells.NewSecret(password)}
	for _, setup := range []struct {
		name string
		url  string
		opts []baicells.Option
		prep func()
	}{
		{name: "success", url: srv.URL},
		{name: "basic scheme", url: srv.URL, opts: []baicells.Option{baicells.WithAuthScheme(baicells.AuthBasic)}},
		{name: "faults", url: srv.URL, prep: func() {
			srv.InjectFault(baicellstest.Fault{Path: "/customers/querybyid", Status: 503, RetryAfter: "0"})
			srv.InjectFault(baicellstest.Fault{Path: "/customers/create", Drop: true})
			srv.InjectFault(baicellstest.Fault{Path: "/products/queryallplans", Status: 429, RetryAfter: "3600"})
		}},
		{name: "echoing server", url: echo.URL + "/baicellsapi"},
		{name: "unreachable", url: "http://127.0.0.1:1/baicellsapi"},
	} {
		if setup.prep != nil {
			setup.prep()
		}
		c, err := baicells.New(creds, append([]baicells.Option{baicells.WithBaseURL(setup.url), baicells.WithLogger(logger), retry}, setup.opts...)...)
		require.NoError(t, err)
		errs := everyOperation(context.Background(), c)
		require.NotEmpty(t, errs, setup.name)
		for _, err := range errs {
			seen = append(seen, err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err))
		}
		seen = append(seen, fmt.Sprintf("%+v", c), fmt.Sprintf("%#v", c), fmt.Sprintf("%+v", *c))
		srv.ClearFaults()
	}
	seen = append(seen, fmt.Sprintf("%v %+v %#v %s %q %x", creds, creds, creds, creds, creds, creds))
	var credLog bytes.Buffer
	slog.New(slog.NewJSONHandler(&credLog, nil)).Info("creds", "c", creds)
	seen = append(seen, credLog.String())

	all := logs.String()
	require.Contains(t, all, `"status":422`, "debug logging recorded the attempts")
	require.Contains(t, all, `"attempt":2`, "and the retries")
	seen = append(seen, strings.Split(all, "\n")...)
	for _, s := range seen {
		for _, secret := range secrets {
			if strings.Contains(s, secret) {
				t.Fatalf("secret %.6s… leaked in: %.300s", secret, s)
			}
		}
	}
}
