package baicells_test

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/baicells/baicellstest"
)

var defaultCreds = baicells.Credentials{
	CloudKey: baicells.NewSecret(baicellstest.DefaultCloudKey),
	Username: baicellstest.DefaultUsername,
	Password: baicells.NewSecret(baicellstest.DefaultPassword),
}

// fastRetry keeps retry tests quick.
var fastRetry = baicells.RetryPolicy{MaxAttempts: 3, MinWait: time.Millisecond, MaxWait: 2 * time.Millisecond, MaxRetryAfter: time.Second}

func e2e(t testing.TB, opts ...baicells.Option) (*baicells.Client, *baicellstest.Server) {
	t.Helper()
	srv := baicellstest.NewServer()
	t.Cleanup(srv.Close)
	c, err := baicells.New(defaultCreds, append([]baicells.Option{baicells.WithBaseURL(srv.BaseURL()), baicells.WithRetry(fastRetry)}, opts...)...)
	require.NoError(t, err)
	return c, srv
}

func TestEndToEndSubscriberLifecycle(t *testing.T) {
	ctx := context.Background()
	c, srv := e2e(t)

	require.NoError(t, c.Plans.Create(ctx, baicells.Plan{ID: "P10", Name: "10M", Uplink: 5, Downlink: 10, Comments: "residential"}))
	require.NoError(t, c.Plans.Create(ctx, baicells.Plan{ID: "P25", Name: "25M", Uplink: 10, Downlink: 25}))
	prof := baicells.Profile{ID: "sub-1", Name: "Ada", IDNumber: "ID77", Phone: "5550100", Email: "ada@example.net", Address: "1 Main St"}
	require.NoError(t, c.Subscribers.Create(ctx, prof))

	sub, err := c.Subscribers.Get(ctx, "sub-1")
	require.NoError(t, err)
	assert.Equal(t, prof, sub.Profile)
	assert.False(t, sub.Active())
	assert.Empty(t, sub.IMSI)

	require.NoError(t, c.Subscribers.BindPlan(ctx, "sub-1", "P10"))
	require.NoError(t, c.Subscribers.BindIMSI(ctx, "sub-1", "311980000000001"))
	require.NoError(t, c.Subscribers.Activate(ctx, "sub-1"))

	sub, err = c.Subscribers.Get(ctx, "sub-1")
	require.NoError(t, err)
	assert.Equal(t, baicells.StatusActive, sub.Status)
	assert.Equal(t, "311980000000001", sub.IMSI)
	assert.Equal(t, "P10", sub.PlanID)
	assert.Equal(t, 5, sub.UplinkRate)
	assert.Equal(t, 10, sub.DownlinkRate)

	q, err := c.Subscribers.QueryByIMSI(ctx, "311980000000001")
	require.NoError(t, err)
	require.NotNil(t, q.Subscriber)
	assert.False(t, q.Available)
	assert.Equal(t, "sub-1", q.Subscriber.ID)
	assert.Equal(t, "Ada", q.Subscriber.Name)
	q, err = c.Subscribers.QueryByIMSI(ctx, "311980000000999")
	require.NoError(t, err)
	assert.True(t, q.Available)
	assert.Nil(t, q.Subscriber)

	require.NoError(t, c.Subscribers.ChangeSpeed(ctx, "sub-1", baicells.Speed{Uplink: 3, Downlink: 7}))
	sub, _ = c.Subscribers.Get(ctx, "sub-1")
	assert.Equal(t, 3, sub.UplinkRate)
	assert.Equal(t, 7, sub.DownlinkRate)

	require.NoError(t, c.Subscribers.ChangePlan(ctx, "sub-1", "P25"))
	sub, _ = c.Subscribers.Get(ctx, "sub-1")
	assert.Equal(t, "P25", sub.PlanID)

	require.NoError(t, c.Subscribers.Modify(ctx, baicells.Profile{ID: "sub-1", Email: "ada@example.org"}))
	sub, _ = c.Subscribers.Get(ctx, "sub-1")
	assert.Equal(t, "ada@example.org", sub.Email)
	assert.Equal(t, "Ada", sub.Name, "empty fields are not sent, so left unchanged")

	err = c.Subscribers.UnbindIMSI(ctx, "sub-1")
	assert.ErrorIs(t, err, baicells.ErrMustDeactivate)
	assert.ErrorIs(t, err, baicells.CodeDeactivateBeforeUnbind)

	require.NoError(t, c.Subscribers.Deactivate(ctx, "sub-1"))
	require.NoError(t, c.Subscribers.UnbindIMSI(ctx, "sub-1"))
	state, ok := srv.Subscriber("sub-1")
	require.True(t, ok)
	assert.Empty(t, state.IMSI)
	assert.False(t, state.Active)

	require.NoError(t, c.Subscribers.Delete(ctx, "sub-1"))
	_, err = c.Subscribers.Get(ctx, "sub-1")
	assert.ErrorIs(t, err, baicells.ErrSubscriberNotFound)
	var e *baicells.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, baicells.CodeSubscriberNotFound, e.Code)
	assert.Equal(t, 422, e.HTTPStatus)
	assert.Equal(t, "Subscribers.Get", e.Op)
	assert.NotEmpty(t, e.RequestID)
	assert.Contains(t, err.Error(), e.RequestID)
}

func TestEndToEndErrorCodes(t *testing.T) {
	ctx := context.Background()
	c, srv := e2e(t)
	srv.SeedPlan(baicellstest.DefaultCloudKey, baicellstest.Plan{ID: "P1", Name: "1M", Uplink: 1, Downlink: 1})
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "a", IMSI: "311980000000001"})
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "b"})

	tests := []struct {
		name string
		call func() error
		code baicells.ResultCode
		is   error
	}{
		{"create existing", func() error { return c.Subscribers.Create(ctx, baicells.Profile{ID: "a"}) }, baicells.CodeSubIDConflict, baicells.ErrSubscriberExists},
		{"imsi in use", func() error { return c.Subscribers.BindIMSI(ctx, "b", "311980000000001") }, baicells.CodeIMSIInUse, baicells.ErrIMSIInUse},
		{"imsi already bound", func() error { return c.Subscribers.BindIMSI(ctx, "a", "311980000000002") }, baicells.CodeIMSIAlreadyBound, baicells.ErrAlreadyBound},
		{"activate without imsi", func() error { return c.Subscribers.Activate(ctx, "b") }, baicells.CodeIMSINotBound, baicells.ErrNotBound},
		{"activate without plan", func() error { return c.Subscribers.Activate(ctx, "a") }, baicells.CodePlanNotBound, baicells.ErrNotBound},
		{"unknown plan", func() error { return c.Subscribers.BindPlan(ctx, "a", "nope") }, baicells.CodePlanNotFound, baicells.ErrPlanNotFound},
		{"plan exists", func() error { return c.Plans.Create(ctx, baicells.Plan{ID: "P1", Name: "x"}) }, baicells.CodePlanIDConflict, baicells.ErrPlanExists},
		{"usage window", func() error {
			// A direct call with a window over 31 days, through the raw Do.
			return c.Do(ctx, "POST", "/usage/querybyhour", map[string]any{"begin_time": "2024-01-01 00:00:00", "end_time": "2024-03-01 00:00:00"}, nil)
		}, baicells.CodeHourlyRangeTooLong, baicells.ErrTimeRange},
		{"unbind while active", func() error {
			require.NoError(t, c.Subscribers.BindPlan(ctx, "a", "P1"))
			require.NoError(t, c.Subscribers.Activate(ctx, "a"))
			return c.Subscribers.UnbindIMSI(ctx, "a")
		}, baicells.CodeDeactivateBeforeUnbind, baicells.ErrMustDeactivate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.is)
			assert.ErrorIs(t, err, tt.code)
			var e *baicells.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tt.code, e.Code)
		})
	}
}

func TestEndToEndTenants(t *testing.T) {
	ctx := context.Background()
	srv := baicellstest.NewServer(baicellstest.WithCredentials("other-key", "other", "other-pass"))
	t.Cleanup(srv.Close)
	mine, err := baicells.New(defaultCreds, baicells.WithBaseURL(srv.BaseURL()))
	require.NoError(t, err)
	theirs, err := baicells.New(baicells.Credentials{CloudKey: baicells.NewSecret("other-key"), Username: "other", Password: baicells.NewSecret("other-pass")},
		baicells.WithBaseURL(srv.BaseURL()), baicells.WithAuthScheme(baicells.AuthBasic))
	require.NoError(t, err)

	require.NoError(t, theirs.Plans.Create(ctx, baicells.Plan{ID: "TP", Name: "theirs", Uplink: 1, Downlink: 1}))
	require.NoError(t, theirs.Subscribers.Create(ctx, baicells.Profile{ID: "t1"}))
	require.NoError(t, mine.Subscribers.Create(ctx, baicells.Profile{ID: "m1"}))

	err = mine.Subscribers.Activate(ctx, "t1")
	assert.ErrorIs(t, err, baicells.ErrWrongCloudKey)
	assert.ErrorIs(t, err, baicells.CodeSubscriberCloudKeyMismatch)
	err = mine.Subscribers.BindPlan(ctx, "m1", "TP")
	assert.ErrorIs(t, err, baicells.CodePlanCloudKeyMismatch)
	err = mine.Subscribers.Create(ctx, baicells.Profile{ID: "t1"})
	assert.ErrorIs(t, err, baicells.CodeSubIDConflict)
	assert.ErrorIs(t, err, baicells.ErrSubscriberExists)

	plans, err := mine.Plans.List(ctx)
	require.NoError(t, err)
	assert.Empty(t, plans, "another tenant's plans are not listed")

	for _, creds := range []baicells.Credentials{
		{CloudKey: baicells.NewSecret("missing-key"), Username: "test-user", Password: baicells.NewSecret("test-password")},
		{CloudKey: baicells.NewSecret(baicellstest.DefaultCloudKey), Username: "test-user", Password: baicells.NewSecret("wrong")},
		{CloudKey: baicells.NewSecret(baicellstest.DefaultCloudKey), Username: "other", Password: baicells.NewSecret("other-pass")},
	} {
		bad, err := baicells.New(creds, baicells.WithBaseURL(srv.BaseURL()))
		require.NoError(t, err)
		_, err = bad.Subscribers.Get(ctx, "m1")
		assert.ErrorIs(t, err, baicells.ErrUnauthorized)
		_, err = bad.Plans.List(ctx)
		assert.ErrorIs(t, err, baicells.ErrUnauthorized, "GET queries answer failures with an envelope too")
	}
}

func TestEndToEndPlans(t *testing.T) {
	ctx := context.Background()
	c, _ := e2e(t)
	for _, p := range []baicells.Plan{
		{ID: "A", Name: "1/1", Uplink: 1, Downlink: 1},
		{ID: "B", Name: "1/2", Uplink: 1, Downlink: 2},
		{ID: "C", Name: "2/2", Uplink: 2, Downlink: 2},
	} {
		require.NoError(t, c.Plans.Create(ctx, p))
	}
	require.NoError(t, c.Plans.Modify(ctx, baicells.Plan{ID: "C", Name: "2/2 renamed", Uplink: 2, Downlink: 2}))

	ids := func(ps []baicells.Plan, err error) []string {
		t.Helper()
		require.NoError(t, err)
		var out []string
		for _, p := range ps {
			out = append(out, p.ID)
		}
		return out
	}
	assert.Equal(t, []string{"A", "B", "C"}, ids(c.Plans.List(ctx)))
	assert.Equal(t, []string{"A", "B"}, ids(c.Plans.ListByUplink(ctx, 1)))
	assert.Equal(t, []string{"B", "C"}, ids(c.Plans.ListByDownlink(ctx, 2)))
	assert.Equal(t, []string{"B"}, ids(c.Plans.ListBySpeed(ctx, baicells.Speed{Uplink: 1, Downlink: 2})))
	assert.Empty(t, ids(c.Plans.ListBySpeed(ctx, baicells.Speed{Uplink: 9, Downlink: 9})))

	all, _ := c.Plans.List(ctx)
	assert.Equal(t, baicells.Plan{ID: "C", Name: "2/2 renamed", Uplink: 2, Downlink: 2, State: baicells.PlanActive}, all[2])
}

func TestEndToEndAPN(t *testing.T) {
	ctx := context.Background()
	c, srv := e2e(t)
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "s"})
	ips := []netip.Addr{netip.MustParseAddr("192.168.1.10"), netip.MustParseAddr("192.168.1.11")}
	require.NoError(t, c.Subscribers.BindAPN(ctx, baicells.APNRequest{SubID: "s", Name: "apn1", AMBRUplink: 4, AMBRDownlink: 8, IPs: ips}))
	require.NoError(t, c.Subscribers.BindAPN(ctx, baicells.APNRequest{SubID: "s", Name: "apn2", AMBRUplink: 1, AMBRDownlink: 2}))

	err := c.Subscribers.BindAPN(ctx, baicells.APNRequest{SubID: "s", Name: "apn1", AMBRUplink: 4, AMBRDownlink: 8})
	assert.ErrorIs(t, err, baicells.CodeBindingExists)

	sub, err := c.Subscribers.Get(ctx, "s")
	require.NoError(t, err)
	require.Len(t, sub.APNs, 2)
	assert.Equal(t, baicells.APNInfo{Name: "apn1", AMBRUplink: 4, AMBRDownlink: 8, IPv4: "192.168.1.10"}, sub.APNs[0])
	assert.Equal(t, baicells.APNInfo{Name: "apn2", AMBRUplink: 1, AMBRDownlink: 2}, sub.APNs[1])
	state, _ := srv.Subscriber("s")
	assert.Equal(t, []string{"192.168.1.10", "192.168.1.11"}, state.APNs[0].IPs, "several IPs travel comma-separated in ip_addr")

	require.NoError(t, c.Subscribers.RemoveAPN(ctx, baicells.APNRequest{SubID: "s", Name: "apn1", AMBRUplink: 4, AMBRDownlink: 8}))
	err = c.Subscribers.RemoveAPN(ctx, baicells.APNRequest{SubID: "s", Name: "apn1"})
	assert.ErrorIs(t, err, baicells.CodeBindingNotFound)
}

func TestEndToEndBulk(t *testing.T) {
	ctx := context.Background()
	c, srv := e2e(t)
	srv.SeedPlan(baicellstest.DefaultCloudKey, baicellstest.Plan{ID: "P", Name: "p", Uplink: 1, Downlink: 1})
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "taken-imsi-holder", IMSI: "311980000000100"})
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "sub-0003"})

	var subs []baicells.SubscriberCreateRequest
	for i := 0; i < 450; i++ {
		subs = append(subs, baicells.SubscriberCreateRequest{
			Profile: baicells.Profile{ID: fmt.Sprintf("sub-%04d", i), Name: "n" + strconv.Itoa(i)},
			IMSI:    fmt.Sprintf("3119800000%05d", i),
		})
	}
	srv.ResetRequests()
	res, err := c.Subscribers.BulkCreate(ctx, subs, &baicells.BulkOptions{PlanID: "P", Concurrency: 3})
	require.NoError(t, err)
	assert.Equal(t, 3, res.Batches)
	assert.Equal(t, 3, srv.RequestCount("/customers/bulkcreate"), "450 records go in calls of 200, 200, 50")
	assert.Len(t, res.Created, 448)
	require.Len(t, res.Failed, 2)
	f0 := res.Failed[0]
	assert.Equal(t, baicells.BulkFailure{SubID: "sub-0003", IMSI: "311980000000003", Code: baicells.CodeSubIDConflict, Message: baicells.CodeSubIDConflict.Message()},
		baicells.BulkFailure{SubID: f0.SubID, IMSI: f0.IMSI, Code: f0.Code, Message: f0.Message})
	var e *baicells.Error
	require.ErrorAs(t, f0.Err, &e, "a coded record failure is an *Error")
	assert.Equal(t, "Subscribers.BulkCreate", e.Op)
	assert.Equal(t, baicells.CodeSubIDConflict, e.Code)
	assert.NotEmpty(t, e.RequestID)
	assert.ErrorIs(t, f0.Err, baicells.ErrSubscriberExists)
	assert.ErrorIs(t, res.Failed[1].Err, baicells.ErrIMSIInUse)
	assert.Equal(t, "sub-0100", res.Failed[1].SubID)
	assert.Equal(t, baicells.CodeIMSIInUse, res.Failed[1].Code)
	assert.Equal(t, "sub-0000", res.Created[0].SubID, "results keep input order")
	assert.Equal(t, "sub-0449", res.Created[len(res.Created)-1].SubID)
	created, ok := srv.Subscriber("sub-0449")
	require.True(t, ok)
	assert.Equal(t, "P", created.PlanID)
	assert.Equal(t, "311980000000449", created.IMSI)

	var ids []string
	for _, cr := range res.Created {
		ids = append(ids, cr.SubID)
	}
	srv.ResetRequests()
	act, err := c.Subscribers.BulkActivate(ctx, ids, &baicells.BulkOptions{BatchSize: 100})
	require.NoError(t, err)
	assert.Len(t, act.Succeeded, 448)
	assert.Equal(t, 5, srv.RequestCount("/customers/bulkactivate"))
	s, _ := srv.Subscriber("sub-0200")
	assert.True(t, s.Active)

	// A batch naming a subscriber that does not exist fails as a whole (4011),
	// the others succeed: every id is accounted for.
	mixed := append([]string{"ghost"}, ids[:250]...)
	de, err := c.Subscribers.BulkDeactivate(ctx, mixed, nil)
	require.Error(t, err)
	assert.ErrorIs(t, err, baicells.ErrSubscriberNotFound)
	assert.Len(t, de.Succeeded, 51)
	assert.Len(t, de.Failed, 200)
	assert.Equal(t, baicells.CodeSubscribersNotReady, de.Failed[0].Code)
	assert.ErrorIs(t, de.Failed[0].Err, baicells.ErrSubscriberNotFound, "a whole-call failure is every record's Err")

	// Whole-batch transport failure: records are reported failed with the cause.
	srv.InjectFault(baicellstest.Fault{Path: "/customers/bulkcreate", Status: 503, Times: 10})
	srv.ResetRequests()
	res, err = c.Subscribers.BulkCreate(ctx, []baicells.SubscriberCreateRequest{{Profile: baicells.Profile{ID: "late"}, IMSI: "311980000009999"}}, nil)
	require.Error(t, err)
	require.Len(t, res.Failed, 1)
	assert.Equal(t, "late", res.Failed[0].SubID)
	assert.Equal(t, baicells.CodeSystemError, res.Failed[0].Code, "the 503 carried result_code 5001")
	assert.ErrorIs(t, res.Failed[0].Err, baicells.ErrSystem)
	assert.Equal(t, 1, srv.RequestCount("/customers/bulkcreate"), "bulk create is not re-sent after a 503")

	// Without a result code, the cause is kept.
	srv.ClearFaults()
	srv.InjectFault(baicellstest.Fault{Path: "/customers/bulkcreate", Drop: true, Times: 1})
	res, err = c.Subscribers.BulkCreate(ctx, []baicells.SubscriberCreateRequest{{Profile: baicells.Profile{ID: "late"}, IMSI: "311980000009999"}}, nil)
	require.Error(t, err)
	require.Len(t, res.Failed, 1)
	assert.Zero(t, res.Failed[0].Code)
	assert.Error(t, res.Failed[0].Err)
}

func TestEndToEndBulkValidation(t *testing.T) {
	ctx := context.Background()
	c, srv := e2e(t)
	srv.ResetRequests()
	good := []baicells.SubscriberCreateRequest{{Profile: baicells.Profile{ID: "a"}, IMSI: "311980000000001"}}
	_, err := c.Subscribers.BulkCreate(ctx, good, &baicells.BulkOptions{BatchSize: 201})
	assert.ErrorIs(t, err, baicells.ErrInvalidInput)
	_, err = c.Subscribers.BulkCreate(ctx, good, &baicells.BulkOptions{Concurrency: -1})
	assert.ErrorIs(t, err, baicells.ErrInvalidInput)
	_, err = c.Subscribers.BulkCreate(ctx, good, &baicells.BulkOptions{PlanID: "\n"})
	assert.ErrorIs(t, err, baicells.ErrInvalidInput)
	var nilCtx context.Context // what is tested
	_, err = c.Subscribers.BulkCreate(nilCtx, good, nil)
	assert.ErrorIs(t, err, baicells.ErrInvalidInput)
	_, err = c.Subscribers.BulkActivate(ctx, []string{"x"}, &baicells.BulkOptions{BatchSize: -1})
	assert.ErrorIs(t, err, baicells.ErrInvalidInput)
	assert.ErrorIs(t, err, baicells.ErrInvalidInput)
	// PlanID is for BulkCreate only.
	_, err = c.Subscribers.BulkActivate(ctx, []string{"x"}, &baicells.BulkOptions{PlanID: "P"})
	assert.ErrorIs(t, err, baicells.ErrInvalidInput)
	_, err = c.Subscribers.BulkDeactivate(ctx, []string{"x"}, &baicells.BulkOptions{PlanID: "P"})
	assert.ErrorIs(t, err, baicells.ErrInvalidInput)
	assert.Empty(t, srv.Requests(), "nothing is sent for bad input")
}

func TestEndToEndUsageWindows(t *testing.T) {
	ctx := context.Background()
	c, srv := e2e(t)
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "u", IMSI: "311980000000001"})
	from := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	to := from.Add(70 * 24 * time.Hour) // 70 days: windows of 31, 31, 8 days

	srv.ResetRequests()
	var n int
	last := from.Add(-time.Hour)
	for u, err := range c.Usage.Hourly(ctx, baicells.UsageRequest{IMSI: "311980000000001", From: from, To: to}) {
		require.NoError(t, err)
		require.True(t, u.Time.After(last), "hours are strictly increasing across windows: %s after %s", u.Time, last)
		last = u.Time
		assert.Equal(t, u.TotalKB, u.UpKB+u.DownKB)
		n++
	}
	assert.Equal(t, 3, srv.RequestCount("/usage/querybyhour"))
	assert.Equal(t, 70*24+1, n, "every hour from From to To inclusive, none twice, none lost")
	assert.Equal(t, to, last)

	srv.ResetRequests()
	var cdrs int
	for cdr, err := range c.Usage.CDRs(ctx, baicells.UsageRequest{From: from, To: from.Add(15 * 24 * time.Hour)}) {
		require.NoError(t, err)
		assert.Equal(t, 14, cdr.Time.Minute())
		assert.Positive(t, cdr.Duration)
		cdrs++
	}
	assert.Equal(t, 3, srv.RequestCount("/usage/querycdr"), "15 days in windows of 7")
	assert.Equal(t, 15*24, cdrs)

	// Breaking out stops the walk: no further windows are requested.
	srv.ResetRequests()
	for range c.Usage.Hourly(ctx, baicells.UsageRequest{From: from, To: to}) {
		break
	}
	assert.Equal(t, 1, srv.RequestCount("/usage/querybyhour"))

	// Inverted range: one error, nothing sent.
	srv.ResetRequests()
	var errs []error
	for _, err := range c.Usage.Hourly(ctx, baicells.UsageRequest{From: to, To: from}) {
		errs = append(errs, err)
	}
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], baicells.ErrInvalidInput)
	assert.Empty(t, srv.Requests())
}

// TestEndToEndRetries: a query is safe to repeat, so it is retried through a
// 503 and a 429 and succeeds. (That a create is never re-sent, and that a
// slow answer ends at the deadline, is checked for every operation by the
// conformance matrix.)
func TestEndToEndRetries(t *testing.T) {
	ctx := context.Background()
	c, srv := e2e(t)
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "r"})

	srv.InjectFault(baicellstest.Fault{Path: "/customers/querybyid", Status: 503, Times: 1})
	srv.InjectFault(baicellstest.Fault{Path: "/customers/querybyid", Status: 429, RetryAfter: "0", Times: 1})
	srv.ResetRequests()
	_, err := c.Subscribers.Get(ctx, "r")
	require.NoError(t, err)
	assert.Equal(t, 3, srv.RequestCount("/customers/querybyid"))
}

func TestEndToEndSessionID(t *testing.T) {
	ctx := context.Background()
	c, srv := e2e(t)
	srv.ResetRequests()
	_, err := c.Subscribers.Get(baicells.WithSessionID(ctx, "billing-42"), "missing")
	var e *baicells.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "billing-42", e.RequestID)
	assert.Contains(t, err.Error(), "session_id billing-42")

	_, _ = c.Subscribers.Get(ctx, "missing")
	_, _ = c.Subscribers.Get(ctx, "missing")
	reqs := srv.Requests()
	require.Len(t, reqs, 3)
	assert.Contains(t, string(reqs[0].Body), `"billing-42"`)
	assert.NotEqual(t, string(reqs[1].Body), string(reqs[2].Body), "each request gets its own session_id")
}

func TestNewRejectsBadInput(t *testing.T) {
	_, err := baicells.New(baicells.Credentials{Username: "u", Password: baicells.NewSecret("p")})
	assert.ErrorIs(t, err, baicells.ErrInvalidInput)
	_, err = baicells.New(baicells.Credentials{CloudKey: baicells.NewSecret("k"), Username: "a:b", Password: baicells.NewSecret("p")})
	assert.ErrorIs(t, err, baicells.ErrInvalidInput)
	_, err = baicells.New(defaultCreds, baicells.WithBaseURL("ftp://x"))
	assert.Error(t, err)
	_, err = baicells.New(defaultCreds, baicells.WithAuthScheme(7))
	assert.Error(t, err)
	c, err := baicells.New(defaultCreds)
	require.NoError(t, err)
	assert.Equal(t, baicells.DefaultBaseURL, c.BaseURL())
}

func TestValidationSendsNothing(t *testing.T) {
	ctx := context.Background()
	c, srv := e2e(t)
	srv.ResetRequests()
	var tooMany []netip.Addr
	for i := 0; i < 17; i++ {
		tooMany = append(tooMany, netip.AddrFrom4([4]byte{10, 0, 0, byte(i)}))
	}
	calls := map[string]error{
		"empty sub_id":   c.Subscribers.Activate(ctx, ""),
		"imsi letters":   c.Subscribers.BindIMSI(ctx, "s", "31198000000000a"),
		"imsi 16 digits": c.Subscribers.BindIMSI(ctx, "s", "3119800000000001"),
		"imsi short":     c.Subscribers.BindIMSI(ctx, "s", "31198"),
		"negative speed": c.Subscribers.ChangeSpeed(ctx, "s", baicells.Speed{Uplink: -1}),
		"17 ips":         c.Subscribers.BindAPN(ctx, baicells.APNRequest{SubID: "s", Name: "a", IPs: tooMany}),
		"ipv6":           c.Subscribers.BindAPN(ctx, baicells.APNRequest{SubID: "s", Name: "a", IPs: []netip.Addr{netip.MustParseAddr("::1")}}),
		"plan no name":   c.Plans.Create(ctx, baicells.Plan{ID: "x"}),
		"plan negative":  c.Plans.Create(ctx, baicells.Plan{ID: "x", Name: "x", Downlink: -5}),
		"empty plan":     c.Subscribers.BindPlan(ctx, "s", " "),
	}
	_, err := c.Plans.ListByUplink(ctx, -1)
	calls["negative uplink query"] = err
	for name, err := range calls {
		assert.ErrorIs(t, err, baicells.ErrInvalidInput, name)
		var ve *baicells.ValidationError
		assert.True(t, errors.As(err, &ve), name)
	}
	assert.Empty(t, srv.Requests(), "nothing is sent for bad input")
}

// TestEndToEndUsageErrorSessionID: a failed usage window reports the
// session_id its request carried.
func TestEndToEndUsageErrorSessionID(t *testing.T) {
	c, srv := e2e(t, baicells.WithRetry(baicells.RetryPolicy{MaxAttempts: 1}))
	srv.InjectFault(baicellstest.Fault{Path: "/usage/querybyhour", Status: 500})
	srv.InjectFault(baicellstest.Fault{Path: "/usage/querycdr", Status: 500})
	from := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	q := baicells.UsageRequest{From: from, To: from.Add(time.Hour)}
	var errs []error
	for _, err := range c.Usage.Hourly(context.Background(), q) {
		errs = append(errs, err)
	}
	for _, err := range c.Usage.CDRs(context.Background(), q) {
		errs = append(errs, err)
	}
	reqs := srv.Requests()
	require.Len(t, errs, 2)
	require.Len(t, reqs, 2)
	for i, err := range errs {
		var e *baicells.Error
		require.ErrorAs(t, err, &e)
		require.NotEmpty(t, e.RequestID)
		assert.Contains(t, string(reqs[i].Body), `"session_id":"`+e.RequestID+`"`)
	}
}
