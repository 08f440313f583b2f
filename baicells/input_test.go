package baicells_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/baicells"
)

// Bad input is refused before anything is sent, with a *ValidationError
// matching ErrInvalidInput: a nil context on every call, and every id or
// required value that is empty, blank, "." or "..", not UTF-8, or holds a
// control character. An id is never altered: json.Marshal would have turned
// invalid UTF-8 into U+FFFD, so that two different ids became the same one.

// idOps calls every operation that takes an id, with bad in the id's place
// and valid values elsewhere.
var idOps = map[string]func(ctx context.Context, c *baicells.Client, bad string) error{
	"Subscribers.Get": func(ctx context.Context, c *baicells.Client, bad string) error {
		return second(c.Subscribers.Get(ctx, bad))
	},
	"Subscribers.Create": func(ctx context.Context, c *baicells.Client, bad string) error {
		return c.Subscribers.Create(ctx, baicells.Profile{ID: bad})
	},
	"Subscribers.Modify": func(ctx context.Context, c *baicells.Client, bad string) error {
		return c.Subscribers.Modify(ctx, baicells.Profile{ID: bad})
	},
	"Subscribers.Delete": func(ctx context.Context, c *baicells.Client, bad string) error { return c.Subscribers.Delete(ctx, bad) },
	"Subscribers.Activate": func(ctx context.Context, c *baicells.Client, bad string) error {
		return c.Subscribers.Activate(ctx, bad)
	},
	"Subscribers.Deactivate": func(ctx context.Context, c *baicells.Client, bad string) error {
		return c.Subscribers.Deactivate(ctx, bad)
	},
	"Subscribers.UnbindIMSI": func(ctx context.Context, c *baicells.Client, bad string) error {
		return c.Subscribers.UnbindIMSI(ctx, bad)
	},
	"Subscribers.BindPlan/sub": func(ctx context.Context, c *baicells.Client, bad string) error {
		return c.Subscribers.BindPlan(ctx, bad, "P1")
	},
	"Subscribers.BindPlan/plan": func(ctx context.Context, c *baicells.Client, bad string) error {
		return c.Subscribers.BindPlan(ctx, "s1", bad)
	},
	"Subscribers.ChangePlan/sub": func(ctx context.Context, c *baicells.Client, bad string) error {
		return c.Subscribers.ChangePlan(ctx, bad, "P1")
	},
	"Subscribers.ChangePlan/plan": func(ctx context.Context, c *baicells.Client, bad string) error {
		return c.Subscribers.ChangePlan(ctx, "s1", bad)
	},
	"Subscribers.BindIMSI": func(ctx context.Context, c *baicells.Client, bad string) error {
		return c.Subscribers.BindIMSI(ctx, bad, "311980000000001")
	},
	"Subscribers.ChangeSpeed": func(ctx context.Context, c *baicells.Client, bad string) error {
		return c.Subscribers.ChangeSpeed(ctx, bad, baicells.Speed{Uplink: 1, Downlink: 1})
	},
	"Subscribers.BindAPN/sub": func(ctx context.Context, c *baicells.Client, bad string) error {
		return c.Subscribers.BindAPN(ctx, baicells.APNRequest{SubID: bad, Name: "apn1"})
	},
	"Subscribers.BindAPN/name": func(ctx context.Context, c *baicells.Client, bad string) error {
		return c.Subscribers.BindAPN(ctx, baicells.APNRequest{SubID: "s1", Name: bad})
	},
	"Subscribers.RemoveAPN/sub": func(ctx context.Context, c *baicells.Client, bad string) error {
		return c.Subscribers.RemoveAPN(ctx, baicells.APNRequest{SubID: bad, Name: "apn1"})
	},
	"Subscribers.RemoveAPN/name": func(ctx context.Context, c *baicells.Client, bad string) error {
		return c.Subscribers.RemoveAPN(ctx, baicells.APNRequest{SubID: "s1", Name: bad})
	},
	// A bulk call reports a bad record in Failed and sends the others (none here).
	"Subscribers.BulkCreate/sub": func(ctx context.Context, c *baicells.Client, bad string) error {
		res, err := c.Subscribers.BulkCreate(ctx, []baicells.SubscriberCreateRequest{
			{Profile: baicells.Profile{ID: bad}, IMSI: "311980000000002"},
		}, nil)
		return refusedRecord(res, err)
	},
	"Subscribers.BulkCreate/plan": func(ctx context.Context, c *baicells.Client, bad string) error {
		return second(c.Subscribers.BulkCreate(ctx, []baicells.SubscriberCreateRequest{
			{Profile: baicells.Profile{ID: "ok"}, IMSI: "311980000000001"},
		}, &baicells.BulkOptions{PlanID: bad}))
	},
	"Subscribers.BulkActivate": func(ctx context.Context, c *baicells.Client, bad string) error {
		return refusedID(c.Subscribers.BulkActivate(ctx, []string{bad}, nil))
	},
	"Subscribers.BulkDeactivate": func(ctx context.Context, c *baicells.Client, bad string) error {
		return refusedID(c.Subscribers.BulkDeactivate(ctx, []string{bad}, nil))
	},
	"Subscribers.Reconcile/sub": func(ctx context.Context, c *baicells.Client, bad string) error {
		return second(c.Subscribers.Reconcile(ctx, baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: bad}}))
	},
	"Subscribers.Reconcile/plan": func(ctx context.Context, c *baicells.Client, bad string) error {
		return second(c.Subscribers.Reconcile(ctx, baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: "s1"}, PlanID: bad}))
	},
	"Plans.Create": func(ctx context.Context, c *baicells.Client, bad string) error {
		return c.Plans.Create(ctx, baicells.Plan{ID: bad, Name: "1M"})
	},
	"Plans.Modify": func(ctx context.Context, c *baicells.Client, bad string) error {
		return c.Plans.Modify(ctx, baicells.Plan{ID: bad, Name: "1M"})
	},
	"Plans.Ensure": func(ctx context.Context, c *baicells.Client, bad string) error {
		return second(c.Plans.Ensure(ctx, baicells.Plan{ID: bad, Name: "1M"}))
	},
}

// refusedRecord is the error of a bulk create's only record: the call's
// error, else the record's Err when it failed, else nil.
func refusedRecord(res *baicells.BulkCreateResult, err error) error {
	if err != nil || res == nil || len(res.Failed) != 1 {
		return err
	}
	return res.Failed[0].Err
}

// refusedID is refusedRecord for a bulk activate or deactivate.
func refusedID(res *baicells.BulkResult, err error) error {
	if err != nil || res == nil || len(res.Failed) != 1 {
		return err
	}
	return res.Failed[0].Err
}

// badIDs are refused as an id.
var badIDs = map[string]string{
	"empty":          "",
	"blank":          " \t ",
	"dot":            ".",
	"dot-dot":        "..",
	"invalid UTF-8":  "s\xff1",
	"cut rune":       "caf\xc3",
	"NUL":            "s\x001",
	"CR LF":          "s1\r\nX-Injected: 1",
	"DEL":            "s\x7f1",
	"C1 control":     "s\u00851",
	"tab inside":     "s\t1",
	"vertical space": "\v",
}

// countingServer counts every request and answers success.
func countingServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"session_id":"1","result_code":"200","message":"Success"}`))
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func assertRefused(t *testing.T, err error, what string) {
	t.Helper()
	assert.ErrorIs(t, err, baicells.ErrInvalidInput, what)
	var ve *baicells.ValidationError
	assert.True(t, errors.As(err, &ve), "%s: %T is not a *ValidationError", what, err)
}

func TestBadIDsRefusedBeforeSending(t *testing.T) {
	srv, hits := countingServer(t)
	c, err := baicells.New(defaultCreds, baicells.WithBaseURL(srv.URL))
	require.NoError(t, err)
	// These ids are optional: empty means none.
	optional := map[string]bool{"Subscribers.BulkCreate/plan": true, "Subscribers.Reconcile/plan": true}
	for op, call := range idOps {
		for name, bad := range badIDs {
			if bad == "" && optional[op] {
				continue
			}
			assertRefused(t, call(context.Background(), c, bad), op+" with "+name+" id")
		}
	}
	assert.Zero(t, hits.Load(), "requests sent")
}

// A valid id is sent exactly as given, non-ASCII included.
func TestIDsSentUnaltered(t *testing.T) {
	c, srv := e2e(t)
	for _, id := range []string{"café-1", "用户-2", ".hidden", "a..b", "x y"} {
		require.NoError(t, c.Subscribers.Create(context.Background(), baicells.Profile{ID: id}), id)
		sub, ok := srv.Subscriber(id)
		require.True(t, ok, "%q not stored as given", id)
		assert.Equal(t, id, sub.ID)
	}
}

// Optional free text is not checked for dots or spaces, but text that is not
// UTF-8 would be altered on the wire, so it is refused too.
func TestInvalidUTF8TextRefused(t *testing.T) {
	srv, hits := countingServer(t)
	c, err := baicells.New(defaultCreds, baicells.WithBaseURL(srv.URL))
	require.NoError(t, err)
	ctx := context.Background()
	for field, p := range map[string]baicells.Profile{
		"Name": {ID: "s1", Name: "Ad\xffa"}, "IDNumber": {ID: "s1", IDNumber: "\xfe"}, "Phone": {ID: "s1", Phone: "55\xc3"},
		"Email": {ID: "s1", Email: "a\xff@b"}, "Address": {ID: "s1", Address: "\xffStreet"},
	} {
		assertRefused(t, c.Subscribers.Create(ctx, p), "Create with "+field)
		assertRefused(t, c.Subscribers.Modify(ctx, p), "Modify with "+field)
		assertRefused(t, refusedRecord(c.Subscribers.BulkCreate(ctx, []baicells.SubscriberCreateRequest{{Profile: p, IMSI: "311980000000001"}}, nil)), "BulkCreate with "+field)
	}
	assertRefused(t, c.Plans.Create(ctx, baicells.Plan{ID: "P1", Name: "1M\xff"}), "Plan.Name")
	assertRefused(t, c.Plans.Create(ctx, baicells.Plan{ID: "P1", Name: "1M", Comments: "\xff"}), "Plan.Comments")
	assertRefused(t, c.Plans.Create(ctx, baicells.Plan{ID: "P1", Name: " "}), "blank Plan.Name")
	assert.Zero(t, hits.Load(), "requests sent")
}

// Do's path is refused when it holds a dot segment, a control character or
// invalid UTF-8.
func TestDoPathRefused(t *testing.T) {
	srv, hits := countingServer(t)
	c, err := baicells.New(defaultCreds, baicells.WithBaseURL(srv.URL))
	require.NoError(t, err)
	for _, path := range []string{"", "customers/query", "/customers/../products/create", "/customers/./query", "/..", "/customers/\xff",
		"/customers/query\r\nX: y", "/customers/q\x00"} {
		assertRefused(t, c.Do(context.Background(), http.MethodPost, path, nil, nil), "Do "+path)
	}
	assert.Zero(t, hits.Load(), "requests sent")
}

// Every call refuses a nil context with a *ValidationError, and sends nothing.
func TestNilContextRefused(t *testing.T) {
	srv, hits := countingServer(t)
	c, err := baicells.New(defaultCreds, baicells.WithBaseURL(srv.URL))
	require.NoError(t, err)
	var nilCtx context.Context // what is tested
	for _, op := range confOps {
		var err error
		require.NotPanics(t, func() { err = op.Call(nilCtx, c) }, op.Name)
		assertRefused(t, err, op.Name)
	}
	// The iterators yield the refusal, once.
	var n int
	for _, err := range c.Usage.CDRs(nilCtx, baicells.UsageRequest{From: confFrom, To: confTo}) {
		assertRefused(t, err, "Usage.CDRs")
		n++
	}
	assert.Equal(t, 1, n)
	assert.Zero(t, hits.Load(), "requests sent")
}
