package baicells_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"iter"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/internal/conformance"
)

// The conformance adapter: every operation of the client through the
// hostile-server matrix of internal/conformance.

var (
	confUser     = "bossZ7u"
	confCloudKey = conformance.Secret("ck")
	confPassword = conformance.Secret("pw")
	confToken    = base64.StdEncoding.EncodeToString([]byte(confUser + ":" + confPassword))
	// confDoPassword is a secret field of a Client.Do body: the core adds
	// it to the call's scrubber by itself.
	confDoPassword = conformance.Secret("dopw")
)

func confCredentials() baicells.Credentials {
	return baicells.Credentials{CloudKey: baicells.NewSecret(confCloudKey), Username: confUser, Password: baicells.NewSecret(confPassword)}
}

func confClient(env conformance.Env) (*baicells.Client, error) {
	var n atomic.Int64
	opts := []baicells.Option{
		baicells.WithBaseURL(env.BaseURL),
		baicells.WithHTTPClient(env.HTTPClient),
		baicells.WithLogger(env.Logger),
		baicells.WithRetry(baicells.RetryPolicy(env.Retry)),
		// Deterministic session ids: the default ones are random digits.
		baicells.WithSessionIDGenerator(func() string { return strconv.FormatInt(1000+n.Add(1), 10) }),
	}
	if env.MaxResponseSize > 0 {
		opts = append(opts, baicells.WithMaxResponseSize(env.MaxResponseSize))
	}
	return baicells.New(confCredentials(), opts...)
}

func confOp(name string, f func(ctx context.Context, c *baicells.Client) error) conformance.Op {
	return conformance.Op{Name: name, Call: func(ctx context.Context, c any) error { return f(ctx, c.(*baicells.Client)) }}
}

func second[T any](_ T, err error) error { return err }

var (
	confFrom = time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	confTo   = confFrom.Add(24 * time.Hour)
)

// confOps is every exported operation; TestConformanceOpsComplete keeps it so.
var confOps = []conformance.Op{
	confOp("Subscribers.QueryByIMSI", func(ctx context.Context, c *baicells.Client) error {
		return second(c.Subscribers.QueryByIMSI(ctx, "311980000000001"))
	}),
	confOp("Subscribers.Get", func(ctx context.Context, c *baicells.Client) error { return second(c.Subscribers.Get(ctx, "s1")) }),
	confOp("Subscribers.Create", func(ctx context.Context, c *baicells.Client) error {
		return c.Subscribers.Create(ctx, baicells.Profile{ID: "s1", Name: "Ada"})
	}),
	confOp("Subscribers.Modify", func(ctx context.Context, c *baicells.Client) error {
		return c.Subscribers.Modify(ctx, baicells.Profile{ID: "s1", Email: "ada@example.net"})
	}),
	confOp("Subscribers.Delete", func(ctx context.Context, c *baicells.Client) error { return c.Subscribers.Delete(ctx, "s1") }),
	confOp("Subscribers.Activate", func(ctx context.Context, c *baicells.Client) error { return c.Subscribers.Activate(ctx, "s1") }),
	confOp("Subscribers.Deactivate", func(ctx context.Context, c *baicells.Client) error { return c.Subscribers.Deactivate(ctx, "s1") }),
	confOp("Subscribers.UnbindIMSI", func(ctx context.Context, c *baicells.Client) error { return c.Subscribers.UnbindIMSI(ctx, "s1") }),
	confOp("Subscribers.BindPlan", func(ctx context.Context, c *baicells.Client) error { return c.Subscribers.BindPlan(ctx, "s1", "P1") }),
	confOp("Subscribers.ChangePlan", func(ctx context.Context, c *baicells.Client) error {
		return c.Subscribers.ChangePlan(ctx, "s1", "P2")
	}),
	confOp("Subscribers.BindIMSI", func(ctx context.Context, c *baicells.Client) error {
		return c.Subscribers.BindIMSI(ctx, "s1", "311980000000001")
	}),
	confOp("Subscribers.ChangeSpeed", func(ctx context.Context, c *baicells.Client) error {
		return c.Subscribers.ChangeSpeed(ctx, "s1", baicells.Speed{Uplink: 2, Downlink: 4})
	}),
	confOp("Subscribers.BindAPN", func(ctx context.Context, c *baicells.Client) error {
		return c.Subscribers.BindAPN(ctx, baicells.APNRequest{SubID: "s1", Name: "apn1", AMBRUplink: 1, AMBRDownlink: 2,
			IPs: []netip.Addr{netip.MustParseAddr("10.0.0.1")}})
	}),
	confOp("Subscribers.RemoveAPN", func(ctx context.Context, c *baicells.Client) error {
		return c.Subscribers.RemoveAPN(ctx, baicells.APNRequest{SubID: "s1", Name: "apn1"})
	}),
	confOp("Subscribers.BulkCreate", func(ctx context.Context, c *baicells.Client) error {
		res, err := c.Subscribers.BulkCreate(ctx, []baicells.SubscriberCreateRequest{
			{Profile: baicells.Profile{ID: "s1", Name: "Ada"}, IMSI: "311980000000001"},
			{Profile: baicells.Profile{ID: "s2", Name: "Bob"}, IMSI: "311980000000002"},
		}, &baicells.BulkOptions{PlanID: "P1"})
		if res == nil {
			return err
		}
		return withFailures(err, res.Failed)
	}),
	confOp("Subscribers.BulkActivate", func(ctx context.Context, c *baicells.Client) error {
		res, err := c.Subscribers.BulkActivate(ctx, []string{"s1", "s2"}, nil)
		if res == nil {
			return err
		}
		return withFailures(err, res.Failed)
	}),
	confOp("Subscribers.BulkDeactivate", func(ctx context.Context, c *baicells.Client) error {
		res, err := c.Subscribers.BulkDeactivate(ctx, []string{"s1", "s2"}, nil)
		if res == nil {
			return err
		}
		return withFailures(err, res.Failed)
	}),
	confOp("Subscribers.Reconcile", func(ctx context.Context, c *baicells.Client) error {
		return second(c.Subscribers.Reconcile(ctx, baicells.SubscriberReconcileRequest{
			Profile: baicells.Profile{ID: "s1", Name: "Ada"}, PlanID: "P1", IMSI: "311980000000001", Active: true,
		}))
	}),
	confOp("Subscribers.Plan", func(ctx context.Context, c *baicells.Client) error {
		return second(c.Subscribers.Plan(ctx, baicells.SubscriberReconcileRequest{
			Profile: baicells.Profile{ID: "s1", Name: "Ada"}, PlanID: "P1", IMSI: "311980000000001", Active: true,
		}))
	}),
	confOp("Subscribers.Apply", func(ctx context.Context, c *baicells.Client) error {
		d := baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: "s1", Name: "Ada"}, PlanID: "P1", IMSI: "311980000000001", Active: true}
		return second(c.Subscribers.Apply(ctx, &baicells.SubscriberPlan{Request: d, Actions: []baicells.Action{
			{Kind: baicells.ActionCreate, ID: "s1"}, {Kind: baicells.ActionBindPlan, ID: "s1"},
			{Kind: baicells.ActionBindIMSI, ID: "s1"}, {Kind: baicells.ActionActivate, ID: "s1"},
		}}))
	}),
	confOp("Subscribers.Mirror", func(ctx context.Context, c *baicells.Client) error {
		rep, err := c.Subscribers.Mirror(ctx, []baicells.SubscriberReconcileRequest{
			// One record: a failed read ends it, as for the other ops,
			// whose memory is bounded per call.
			{Profile: baicells.Profile{ID: "s1", Name: "Ada"}, PlanID: "P1", IMSI: "311980000000001", Active: true},
		}, &baicells.MirrorOptions{Concurrency: 1})
		if rep == nil {
			return err
		}
		errs := []error{err}
		for _, r := range rep.Results {
			errs = append(errs, r.Err)
		}
		return errors.Join(errs...)
	}),
	confOp("Plans.Create", func(ctx context.Context, c *baicells.Client) error {
		return c.Plans.Create(ctx, baicells.Plan{ID: "P1", Name: "1M", Uplink: 1, Downlink: 1})
	}),
	confOp("Plans.Modify", func(ctx context.Context, c *baicells.Client) error {
		return c.Plans.Modify(ctx, baicells.Plan{ID: "P1", Name: "2M", Uplink: 1, Downlink: 2})
	}),
	confOp("Plans.List", func(ctx context.Context, c *baicells.Client) error { return second(c.Plans.List(ctx)) }),
	confOp("Plans.ListByUplink", func(ctx context.Context, c *baicells.Client) error { return second(c.Plans.ListByUplink(ctx, 1)) }),
	confOp("Plans.ListByDownlink", func(ctx context.Context, c *baicells.Client) error {
		return second(c.Plans.ListByDownlink(ctx, 2))
	}),
	confOp("Plans.ListBySpeed", func(ctx context.Context, c *baicells.Client) error {
		return second(c.Plans.ListBySpeed(ctx, baicells.Speed{Uplink: 1, Downlink: 2}))
	}),
	confOp("Plans.Ensure", func(ctx context.Context, c *baicells.Client) error {
		return second(c.Plans.Ensure(ctx, baicells.Plan{ID: "P1", Name: "1M", Uplink: 1, Downlink: 1}))
	}),
	confOp("Usage.Hourly", func(ctx context.Context, c *baicells.Client) error {
		return drain(c.Usage.Hourly(ctx, baicells.UsageRequest{From: confFrom, To: confTo}))
	}),
	confOp("Usage.CDRs", func(ctx context.Context, c *baicells.Client) error {
		return drain(c.Usage.CDRs(ctx, baicells.UsageRequest{IMSI: "311980000000001", From: confFrom, To: confTo}))
	}),
	confOp("Do/GET", func(ctx context.Context, c *baicells.Client) error {
		var out json.RawMessage
		return c.Do(ctx, http.MethodGet, "/products/queryallplans", nil, &out)
	}),
	confOp("Do/POST", func(ctx context.Context, c *baicells.Client) error {
		var out map[string]any
		return c.Do(ctx, http.MethodPost, "/customers/create", map[string]any{"sub_id": "s9", "password": confDoPassword}, &out)
	}),
}

// drain walks an iterator to its end and returns its first error.
func drain[T any](seq iter.Seq2[T, error]) error {
	var first error
	for _, err := range seq {
		if err != nil && first == nil {
			first = err
		}
	}
	return first
}

// withFailures puts the texts of a bulk call's failed records (Message, Err)
// under the kit's checks along with the call's error.
func withFailures(err error, failed []baicells.BulkFailure) error {
	errs := []error{err}
	for _, f := range failed {
		if f.Message != "" {
			errs = append(errs, errors.New(f.Message))
		}
		errs = append(errs, f.Err)
	}
	return errors.Join(errs...)
}

// confUnsafe are the BOSS writes that must not be applied twice (wire.go's
// non-idempotent routes; Do sends its POST as not idempotent).
var confUnsafe = []string{
	"/customers/create", "/customers/bindservice", "/customers/bindimsi", "/customers/unbindimsi",
	"/customers/bindapnip", "/customers/removeapnip", "/customers/delete", "/customers/bulkcreate", "/products/create",
}

func confEnvelope(name string, status int, body func(echo string) string, expect func(error) bool) conformance.Envelope {
	return conformance.Envelope{Name: name, Status: status, ContentType: "application/json", Body: body, Expect: expect}
}

func jsonText(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

var confEnvelopes = []conformance.Envelope{
	// A failure answer: the message and session_id echo the request.
	confEnvelope("boss-error", http.StatusOK, func(echo string) string {
		return `{"result_code":"4002","message":` + jsonText(echo) + `,"session_id":` + jsonText(echo) + `}`
	}, func(err error) bool { return errors.Is(err, baicells.ErrSubscriberNotFound) }),
	// A result_code that is not a number.
	confEnvelope("boss-bad-code", http.StatusOK, func(echo string) string {
		return `{"result_code":` + jsonText(echo) + `,"message":` + jsonText(echo) + `}`
	}, func(err error) bool { return errors.Is(err, baicells.ErrBadResponse) }),
	// A success that does not decode (cut short).
	confEnvelope("boss-undecodable", http.StatusOK, func(echo string) string {
		return `{"result_code":"200","message":` + jsonText(echo) + `,"session_id":` + jsonText(echo) + `,"data":[{"sub_id":`
	}, func(err error) bool { return errors.Is(err, baicells.ErrBadResponse) }),
	// A failure on HTTP 500.
	confEnvelope("boss-error-500", http.StatusInternalServerError, func(echo string) string {
		return `{"result_code":"5001","message":` + jsonText(echo) + `,"session_id":` + jsonText(echo) + `}`
	}, func(err error) bool { return errors.Is(err, baicells.ErrSystem) }),
	// A success-shaped answer whose records carry the echo: the bulk
	// create's fail_list (code and message; no result_code, as in the
	// manual's example) and the usage records' times.
	confEnvelope("boss-records", http.StatusOK, func(echo string) string {
		e := jsonText(echo)
		return `{"session_id":` + e + `,"fail_list":[{"sub_id":"s1","imsi":"311980000000001","result_code":` + e + `,"result_message":` + e + `},` +
			`{"sub_id":"s2","imsi":"311980000000002","result_code":"4302","result_message":` + e + `}],` +
			`"usage_infos":[{"imsi":"311980000000001","usage_time":` + e + `}],"cdr_infos":[{"imsi":"311980000000001","cdrdate":` + e + `}]}`
	}, nil),
}

func confStatus(err error) int {
	var e *baicells.Error
	if errors.As(err, &e) {
		return e.HTTPStatus
	}
	return 0
}

func confAdapter() conformance.Adapter {
	printable, err := baicells.New(confCredentials(), baicells.WithBaseURL("http://127.0.0.1:1/baicellsapi"))
	if err != nil {
		panic(err)
	}
	return conformance.Adapter{
		Vendor:      "baicells",
		Secrets:     []string{confCloudKey, confPassword, confToken, confDoPassword},
		Credentials: []string{confCloudKey, confPassword, confToken, confDoPassword},
		New:         func(env conformance.Env) (any, error) { return confClient(env) },
		Ops:         confOps,
		Unsafe: func(r *http.Request, _ []byte) bool {
			for _, p := range confUnsafe {
				if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, p) {
					return true
				}
			}
			return false
		},
		Envelopes: confEnvelopes,
		Classify: conformance.Classifier{
			IsBadResponse: func(err error) bool { return errors.Is(err, baicells.ErrBadResponse) },
			IsRedirect: func(err error) bool {
				s := confStatus(err)
				return s >= 300 && s < 400 && errors.Is(err, baicells.ErrBadResponse)
			},
			IsRateLimited: func(err error) bool { return confStatus(err) == http.StatusTooManyRequests },
			RetryAfter: func(err error) (time.Duration, bool) {
				var e *baicells.Error
				if errors.As(err, &e) && e.RetryAfter > 0 {
					return e.RetryAfter, true
				}
				return 0, false
			},
			IsServerError: func(err error) bool { return confStatus(err) >= 500 },
		},
		Printables: []any{confCredentials(), printable},
	}
}

// TestConformanceOpsComplete: confOps names every exported method.
func TestConformanceOpsComplete(t *testing.T) {
	c, err := baicells.New(confCredentials())
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	missing = append(missing, conformance.Uncovered(confOps, "Subscribers", c.Subscribers)...)
	missing = append(missing, conformance.Uncovered(confOps, "Plans", c.Plans)...)
	missing = append(missing, conformance.Uncovered(confOps, "Usage", c.Usage)...)
	missing = append(missing, conformance.Uncovered(confOps, "", c, "HTTPClient", "BaseURL")...)
	if len(missing) > 0 {
		t.Errorf("operations without a conformance Op: %v", missing)
	}
}

// TestConformance runs every operation through the hostile-server matrix.
// Not parallel: the memory scenarios measure the process's allocations.
func TestConformance(t *testing.T) {
	conformance.Run(t, confAdapter())
}
