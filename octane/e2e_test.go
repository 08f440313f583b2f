package octane_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/octane"
	"github.com/ispkit/ispkit/octane/octanetest"
)

// e2e is a client against a fresh in-memory Octane with three consumer
// services and one service on another plan.
type e2e struct {
	srv       *octanetest.Server
	c         *octane.Client
	consumers []string
	stranger  string // on a plan that cannot join a pool
}

func newE2E(t *testing.T, opts ...octanetest.Option) *e2e {
	t.Helper()
	srv := octanetest.NewServer(append([]octanetest.Option{octanetest.WithOrderDelay(5 * time.Millisecond)}, opts...)...)
	t.Cleanup(srv.Close)
	e := &e2e{srv: srv}
	for _, sn := range []string{"0412000001", "0412000002", "0412000003"} {
		srv.SeedService(octanetest.Service{CustNo: octanetest.DefaultCustNo, ServiceNumber: sn, PlanNo: octanetest.DefaultConsumerPlan})
		e.consumers = append(e.consumers, sn)
	}
	e.stranger = "0412999999"
	srv.SeedService(octanetest.Service{CustNo: octanetest.DefaultCustNo, ServiceNumber: e.stranger, PlanNo: "VOICE-ONLY"})
	c, err := octane.New(octane.Credentials{Username: octanetest.DefaultUsername, Password: octane.NewSecret(octanetest.DefaultPassword)},
		octane.WithSOAPBaseURL(srv.SOAPBaseURL()), octane.WithRESTBaseURL(srv.RESTBaseURL()),
		octane.WithPollInterval(time.Millisecond, 5*time.Millisecond),
		octane.WithRetry(octane.RetryPolicy{MaxAttempts: 3, MinWait: time.Millisecond, MaxWait: 2 * time.Millisecond}))
	require.NoError(t, err)
	e.c = c
	return e
}

func (e *e2e) pool(t *testing.T, name string) *octane.Pool {
	t.Helper()
	p, err := e.c.Pools.Create(context.Background(), octane.PoolCreateRequest{
		CustNo: octanetest.DefaultCustNo, ProviderPlanID: octanetest.DefaultProviderPlan, PoolName: name,
		Department: "Ops", Notes: "created by the e2e test", NotificationEmail: "noc@example.net",
	})
	require.NoError(t, err)
	return p
}

func TestE2EWholeFlow(t *testing.T) {
	e := newE2E(t)
	ctx := context.Background()
	a1, a2, a3 := e.consumers[0], e.consumers[1], e.consumers[2]

	// Steps 1-3.
	fleet := e.pool(t, "Fleet")
	require.NotEmpty(t, fleet.OrderID)
	require.NotEmpty(t, fleet.ServiceNumber)
	require.NotEmpty(t, fleet.LineSeqNo)
	require.NotEmpty(t, fleet.ProviderID)
	fp, ok := e.srv.Pool(fleet.ProviderID)
	require.True(t, ok)
	assert.Equal(t, fleet.ServiceNumber, fp.ServiceNumber)
	assert.Equal(t, fleet.LineSeqNo, fp.LineSeqNo)
	assert.Equal(t, "Fleet", fp.Name)
	assert.Equal(t, "Ops", fp.Department)
	assert.Equal(t, "noc@example.net", fp.NotificationEmail)
	sales := e.pool(t, "Sales")
	assert.NotEqual(t, fleet.ProviderID, sales.ProviderID)

	// Lookup finds the same pool from its service number.
	found, err := e.c.Pools.Lookup(ctx, fleet.CustNo, fleet.ServiceNumber)
	require.NoError(t, err)
	assert.Equal(t, fleet.LineSeqNo, found.LineSeqNo)
	assert.Equal(t, fleet.ProviderID, found.ProviderID)

	// Step 4, one refused among them.
	res, err := e.c.Pools.AddConsumers(ctx, *fleet, a1, a2, e.stranger, a3)
	require.Error(t, err)
	require.Len(t, res, 4)
	for i, sn := range []string{a1, a2, a3} {
		r := res[[]int{0, 1, 3}[i]]
		assert.Equal(t, sn, r.ServiceNumber)
		assert.NoError(t, r.Err)
		assert.NotEmpty(t, r.OrderID)
		assert.True(t, r.Status.Done(), "status %q", r.Status)
	}
	assert.Equal(t, e.stranger, res[2].ServiceNumber)
	var oe *octane.Error
	require.ErrorAs(t, res[2].Err, &oe)
	assert.Equal(t, octane.SOAP, oe.Layer)
	assert.NotZero(t, oe.Code)
	assert.Contains(t, oe.Message, "consumer plan")
	assert.ErrorIs(t, err, res[2].Err, "the error carries the refusal")
	var batch *octane.OrdersError
	require.ErrorAs(t, err, &batch)
	assert.Equal(t, 4, batch.Total)
	require.Len(t, batch.Failed, 1)
	assert.Equal(t, e.stranger, batch.Failed[0].ServiceNumber)
	assert.True(t, strings.HasPrefix(err.Error(), "octane: Pools.AddConsumers: 1 of 4 orders failed: service "+e.stranger+": octane: SOAP orderCreateBulk: errorCode "), err.Error())

	// Step 7.
	e.srv.SetUsage(a1, int64(octane.GB(1.5)))
	lim, err := e.c.Pools.SetDataLimit(ctx, *fleet, a1, octane.GB(5))
	require.NoError(t, err)
	assert.NotEmpty(t, lim.OrderID)
	svc, _ := e.srv.Service(a1)
	assert.Equal(t, int64(octane.GB(5)), svc.DataLimit)
	lim, err = e.c.Pools.SetDataLimit(ctx, *fleet, a1, octane.GB(2))
	require.NoError(t, err, "a limit can be lowered")
	svc, _ = e.srv.Service(a1)
	assert.Equal(t, int64(octane.GB(2)), svc.DataLimit)

	// Step 5.
	moved, err := e.c.Pools.Transfer(ctx, *fleet, *sales, a3)
	require.NoError(t, err)
	require.Len(t, moved, 1)
	assert.Equal(t, a3, moved[0].ServiceNumber)
	assert.NotEmpty(t, moved[0].OrderID)
	svc, _ = e.srv.Service(a3)
	assert.Equal(t, sales.ProviderID, svc.PoolProviderID)

	// Step 6.
	dp, err := e.c.Pools.Get(ctx, *fleet)
	require.NoError(t, err)
	assert.Equal(t, fleet.ProviderID, dp.ProviderID)
	assert.Equal(t, octane.PoolOptedIn, dp.Status)
	assert.Equal(t, octane.GB(100), dp.MaxCap)
	assert.Equal(t, octane.GB(1.5), dp.Usage)
	require.Len(t, dp.Consumers, 2)
	byNumber := map[string]octane.Consumer{}
	for _, cs := range dp.Consumers {
		byNumber[cs.ServiceNumber] = cs
	}
	assert.Equal(t, octane.GB(2), byNumber[a1].DataLimit)
	assert.Equal(t, octane.GB(1.5), byNumber[a1].DataUsage)
	assert.Zero(t, byNumber[a2].DataLimit)
	assert.Empty(t, byNumber[a2].DataLimitText)

	// Step 9 refused while not empty: nothing is sent.
	before := e.srv.RequestCount("/v1/datapool/disconnect")
	_, err = e.c.Pools.Disconnect(ctx, *fleet)
	require.ErrorIs(t, err, octane.ErrPoolNotEmpty)
	assert.Contains(t, err.Error(), a1)
	assert.Equal(t, before, e.srv.RequestCount("/v1/datapool/disconnect"))

	// Step 8, then step 9.
	removed, err := e.c.Pools.RemoveConsumers(ctx, *fleet, a1, a2)
	require.NoError(t, err)
	require.Len(t, removed, 2)
	svc, _ = e.srv.Service(a1)
	assert.Empty(t, svc.PoolProviderID)
	id, err := e.c.Pools.Disconnect(ctx, *fleet)
	require.NoError(t, err)
	assert.NotEmpty(t, id)
	fp, _ = e.srv.Pool(fleet.ProviderID)
	assert.Equal(t, string(octane.PoolOptedOut), fp.Status)
}

func TestE2ERulesRefuseLocally(t *testing.T) {
	e := newE2E(t)
	ctx := context.Background()
	fleet := e.pool(t, "Fleet")
	_, err := e.c.Pools.AddConsumers(ctx, *fleet, e.consumers[0])
	require.NoError(t, err)
	e.srv.ResetRequests()

	_, err = e.c.Pools.SetDataLimit(ctx, *fleet, e.consumers[0], 0)
	require.ErrorIs(t, err, octane.ErrLimitRequired)
	require.ErrorIs(t, err, octane.ErrInvalidInput)
	_, err = e.c.DataPools.SetDataLimits(ctx, octane.ConsumerLimit{CustNo: fleet.CustNo, LineSeqNo: "2", Limit: -1})
	require.ErrorIs(t, err, octane.ErrLimitRequired)
	assert.Empty(t, e.srv.Requests(), "nothing is sent for a zero or negative limit")

	// The target of a transfer must exist: nothing but the check is sent.
	ghost := *fleet
	ghost.LineSeqNo, ghost.ProviderID = "99", "123456"
	_, err = e.c.Pools.Transfer(ctx, *fleet, ghost, e.consumers[0])
	require.ErrorIs(t, err, octane.ErrUnknownPool)
	assert.Zero(t, e.srv.RequestCount("/v1/datapool/transfer"))

	// A target whose provider id differs is not the pool meant.
	other := e.pool(t, "Other")
	wrong := *other
	wrong.ProviderID = "nope"
	_, err = e.c.Pools.Transfer(ctx, *fleet, wrong, e.consumers[0])
	require.ErrorIs(t, err, octane.ErrUnknownPool)
	assert.Zero(t, e.srv.RequestCount("/v1/datapool/transfer"))
}

func TestE2EServerEnforcesRulesToo(t *testing.T) {
	e := newE2E(t)
	ctx := context.Background()
	fleet := e.pool(t, "Fleet")
	_, err := e.c.Pools.AddConsumers(ctx, *fleet, e.consumers[0])
	require.NoError(t, err)

	// The raw REST disconnect skips the local check; the server refuses.
	_, err = e.c.DataPools.Disconnect(ctx, fleet.Ref())
	require.ErrorIs(t, err, octane.ErrPoolNotEmpty)
	var oe *octane.Error
	require.ErrorAs(t, err, &oe)
	assert.Equal(t, octane.REST, oe.Layer)
	assert.NotZero(t, oe.Code)

	// A transfer to a pool that does not exist, sent raw.
	_, err = e.c.DataPools.Transfer(ctx, octane.TransferRequest{From: fleet.Ref(), ToProviderID: "1", ToLineSeqNo: "77", ServiceNumbers: []string{e.consumers[0]}})
	require.ErrorIs(t, err, octane.ErrUnknownPool)

	// Unknown pool, unknown service, unknown order.
	_, err = e.c.DataPools.Get(ctx, octane.PoolRef{CustNo: fleet.CustNo, LineSeqNo: "77"})
	require.ErrorIs(t, err, octane.ErrUnknownPool)
	_, err = e.c.Services.Detail(ctx, fleet.CustNo, "0400000000")
	require.ErrorIs(t, err, octane.ErrUnknownService)
	_, err = e.c.Orders.Query(ctx, "1")
	require.ErrorIs(t, err, octane.ErrUnknownOrder)
	require.ErrorAs(t, err, &oe)
	assert.Equal(t, "1", oe.OrderID)
	_, err = e.c.Orders.Wait(ctx, "1", nil)
	require.ErrorIs(t, err, octane.ErrUnknownOrder, "an unknown order ends the wait at once")
}

func TestE2EFailedOrderAndReset(t *testing.T) {
	e := newE2E(t)
	ctx := context.Background()
	e.srv.FailNextOrder("provisioning system unavailable")
	p, err := e.c.Pools.Create(ctx, octane.PoolCreateRequest{CustNo: octanetest.DefaultCustNo, ProviderPlanID: octanetest.DefaultProviderPlan, PoolName: "Doomed"})
	require.ErrorIs(t, err, octane.ErrOrderFailed)
	require.NotNil(t, p, "the order id is kept for the caller")
	require.NotEmpty(t, p.OrderID)
	assert.Empty(t, p.ProviderID)
	var oe *octane.Error
	require.ErrorAs(t, err, &oe)
	assert.Equal(t, p.OrderID, oe.OrderID)
	assert.Contains(t, oe.Message, "provisioning system unavailable")

	o, err := e.c.Orders.Query(ctx, p.OrderID)
	require.NoError(t, err)
	assert.True(t, o.Status.Failed())
	assert.Equal(t, "provisioning system unavailable", o.Message)

	require.NoError(t, e.c.Orders.Reset(ctx, p.OrderID))
	o, err = e.c.Orders.Wait(ctx, p.OrderID, nil)
	require.NoError(t, err)
	assert.True(t, o.Status.Done())
	require.NotEmpty(t, o.PoolServiceNumber)
	got, err := e.c.Pools.Lookup(ctx, octanetest.DefaultCustNo, o.PoolServiceNumber)
	require.NoError(t, err)
	assert.NotEmpty(t, got.ProviderID)

	// A done order cannot be reset.
	err = e.c.Orders.Reset(ctx, p.OrderID)
	require.Error(t, err)
	require.ErrorAs(t, err, &oe)
	assert.NotZero(t, oe.Code)
}

func TestE2EWaitEndsWithContext(t *testing.T) {
	e := newE2E(t, octanetest.WithOrderDelay(time.Hour))
	ctx := context.Background()
	id, err := e.c.Orders.CreateDataPool(ctx, octane.PoolCreateRequest{CustNo: octanetest.DefaultCustNo, ProviderPlanID: octanetest.DefaultProviderPlan, PoolName: "Slow"})
	require.NoError(t, err)
	short, cancel := context.WithTimeout(ctx, 30*time.Millisecond)
	defer cancel()
	o, err := e.c.Orders.Wait(short, id, nil)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.NotNil(t, o)
	assert.False(t, o.Status.Terminal())
	assert.Contains(t, err.Error(), id)

	e.srv.CompleteOrders()
	o, err = e.c.Orders.Wait(ctx, id, nil)
	require.NoError(t, err)
	assert.Equal(t, octane.OrderCommitted, o.Status)
}

func TestE2EWaitOutlastsTransientFailures(t *testing.T) {
	e := newE2E(t)
	ctx := context.Background()
	id, err := e.c.Orders.CreateDataPool(ctx, octane.PoolCreateRequest{CustNo: octanetest.DefaultCustNo, ProviderPlanID: octanetest.DefaultProviderPlan, PoolName: "Bumpy"})
	require.NoError(t, err)
	// More 503s than one query's retries: Wait keeps polling through them.
	e.srv.InjectFault(octanetest.Fault{Path: "/UtbOrder", Status: http.StatusServiceUnavailable, Times: 5})
	o, err := e.c.Orders.Wait(ctx, id, nil)
	require.NoError(t, err)
	assert.True(t, o.Status.Done())
}

func TestE2EAuthFailures(t *testing.T) {
	e := newE2E(t)
	c, err := octane.New(octane.Credentials{Username: octanetest.DefaultUsername, Password: octane.NewSecret("wrong")},
		octane.WithSOAPBaseURL(e.srv.SOAPBaseURL()), octane.WithRESTBaseURL(e.srv.RESTBaseURL()))
	require.NoError(t, err)
	ctx := context.Background()
	_, err = c.Orders.Query(ctx, "5000001")
	require.ErrorIs(t, err, octane.ErrAuthFailed)
	require.ErrorIs(t, err, octane.ErrFault)
	_, err = c.DataPools.Get(ctx, octane.PoolRef{CustNo: octanetest.DefaultCustNo, LineSeqNo: "1"})
	require.ErrorIs(t, err, octane.ErrAuthFailed)
	var oe *octane.Error
	require.ErrorAs(t, err, &oe)
	assert.Equal(t, http.StatusUnauthorized, oe.HTTPStatus)
}

func TestE2ERawCalls(t *testing.T) {
	e := newE2E(t)
	ctx := context.Background()
	fleet := e.pool(t, "Fleet")

	var pool struct {
		Provider struct {
			MemberID string `json:"memberId"`
		} `json:"provider"`
	}
	err := e.c.DoREST(ctx, http.MethodGet, "/v1/datapool", url.Values{"custno": {fleet.CustNo}, "lineseqno": {fleet.LineSeqNo}}, nil, &pool)
	require.NoError(t, err)
	assert.Equal(t, fleet.ProviderID, pool.Provider.MemberID)

	type serviceDetail struct {
		XMLName       struct{} `xml:"serviceDetail"`
		CustNo        string   `xml:"serviceDetails>custno"`
		ServiceNumber string   `xml:"serviceDetails>serviceNumber"`
	}
	var ret struct {
		LineSeqNo string `xml:"Instances>Instance>serviceNumberDetail>lineSeqno"`
	}
	err = e.c.CallSOAP(ctx, "/UtbServiceV3", "http://v3.service.frontend.ws.utilibill.com.au/", "getServiceDetail", true, &ret,
		serviceDetail{CustNo: fleet.CustNo, ServiceNumber: fleet.ServiceNumber})
	require.NoError(t, err)
	assert.Equal(t, fleet.LineSeqNo, ret.LineSeqNo)

	err = e.c.CallSOAP(ctx, "/UtbServiceV3", "http://v3.service.frontend.ws.utilibill.com.au/", "getServiceDetail", true, &ret,
		serviceDetail{CustNo: fleet.CustNo, ServiceNumber: "0400000000"})
	require.ErrorIs(t, err, octane.ErrUnknownService)
}

func TestE2EConcurrentPools(t *testing.T) {
	e := newE2E(t)
	ctx := context.Background()
	errs := make(chan error, 6)
	for i := 0; i < 6; i++ {
		go func() {
			_, err := e.c.Pools.Create(ctx, octane.PoolCreateRequest{CustNo: octanetest.DefaultCustNo, ProviderPlanID: octanetest.DefaultProviderPlan, PoolName: "P"})
			errs <- err
		}()
	}
	for i := 0; i < 6; i++ {
		require.NoError(t, <-errs)
	}
	assert.Len(t, e.srv.Pools(), 6)
	seen := map[string]bool{}
	for _, p := range e.srv.Pools() {
		assert.False(t, seen[p.LineSeqNo], "line sequence numbers are unique")
		seen[p.LineSeqNo] = true
	}
}

// TestE2EBulkAnswerShapes: steps 4 and 8 work whichever shape the server
// answers orderCreateBulk in (the fake's default is the unwrapped one).
func TestE2EBulkAnswerShapes(t *testing.T) {
	for name, opts := range map[string][]octanetest.Option{
		"unwrapped": nil,
		"wrapped":   {octanetest.WithWrappedBulkAnswers()},
	} {
		t.Run(name, func(t *testing.T) {
			e := newE2E(t, opts...)
			ctx := context.Background()
			p := e.pool(t, "Fleet")
			res, err := e.c.Pools.AddConsumers(ctx, *p, e.consumers[0], e.stranger)
			require.Error(t, err, "the stranger is not on a consumer plan")
			require.Len(t, res, 2)
			assert.NoError(t, res[0].Err)
			assert.True(t, res[0].Status.Done())
			assert.Error(t, res[1].Err)
			assert.Empty(t, res[1].OrderID)
			got, _ := e.srv.Pool(p.ProviderID)
			assert.Equal(t, []string{e.consumers[0]}, got.Consumers)

			res, err = e.c.Pools.RemoveConsumers(ctx, *p, e.consumers[0])
			require.NoError(t, err)
			assert.True(t, res[0].Status.Done())
			got, _ = e.srv.Pool(p.ProviderID)
			assert.Empty(t, got.Consumers)
		})
	}
}

// TestE2ESuccessStatus: a server that reports completed orders as SUCCESS
// (as two public clients expect) runs the flow as one that says COMMITTED.
func TestE2ESuccessStatus(t *testing.T) {
	e := newE2E(t, octanetest.WithSuccessStatus())
	ctx := context.Background()
	p := e.pool(t, "Fleet")
	o, err := e.c.Orders.Query(ctx, p.OrderID)
	require.NoError(t, err)
	assert.Equal(t, octane.OrderSuccess, o.Status)
	assert.Equal(t, octanetest.DefaultProviderPlan, o.PlanName)
	res, err := e.c.Pools.AddConsumers(ctx, *p, e.consumers[0])
	require.NoError(t, err)
	assert.Equal(t, octane.OrderSuccess, res[0].Status)
	o, err = e.c.Orders.Wait(ctx, res[0].OrderID, nil)
	require.NoError(t, err)
	assert.Equal(t, octanetest.DefaultConsumerPlan, o.PlanName)
}

// TestE2EPollingDefaults: without WithPollInterval a client asks about an
// order once and then waits 30 minutes, as the vendor asks; with it, as
// often as the caller says.
func TestE2EPollingDefaults(t *testing.T) {
	assert.Equal(t, 30*time.Minute, octane.DefaultPollMin)
	assert.Equal(t, 30*time.Minute, octane.DefaultPollMax)
	srv := octanetest.NewServer(octanetest.WithOrderDelay(time.Hour))
	t.Cleanup(srv.Close)
	creds := octane.Credentials{Username: octanetest.DefaultUsername, Password: octane.NewSecret(octanetest.DefaultPassword)}
	order := octane.PoolCreateRequest{CustNo: octanetest.DefaultCustNo, ProviderPlanID: octanetest.DefaultProviderPlan, PoolName: "Fleet"}
	for _, tc := range []struct {
		name    string
		opts    []octane.Option
		atLeast int // queries within the window
		atMost  int
	}{
		{"default", nil, 1, 1},
		{"explicit", []octane.Option{octane.WithPollInterval(time.Millisecond, 5*time.Millisecond)}, 5, 1000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := octane.New(creds, append([]octane.Option{octane.WithSOAPBaseURL(srv.SOAPBaseURL()), octane.WithRESTBaseURL(srv.RESTBaseURL())}, tc.opts...)...)
			require.NoError(t, err)
			id, err := c.Orders.CreateDataPool(context.Background(), order)
			require.NoError(t, err)
			srv.ResetRequests()
			ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
			defer cancel()
			o, err := c.Orders.Wait(ctx, id, nil)
			require.ErrorIs(t, err, context.DeadlineExceeded)
			require.NotNil(t, o)
			assert.False(t, o.Status.Terminal())
			n := srv.RequestCount("/UtbOrder")
			assert.GreaterOrEqual(t, n, tc.atLeast, "orderQuery calls")
			assert.LessOrEqual(t, n, tc.atMost, "orderQuery calls")
		})
	}
}

// TestE2EBalances: a consumer's data allowance and use (queryBalanceV3), the
// per-service half of step 6, from the usage the fake tracks.
func TestE2EBalances(t *testing.T) {
	e := newE2E(t)
	ctx := context.Background()
	p := e.pool(t, "Fleet")
	a1, a2 := e.consumers[0], e.consumers[1]
	_, err := e.c.Pools.AddConsumers(ctx, *p, a1, a2)
	require.NoError(t, err)
	_, err = e.c.Pools.SetDataLimit(ctx, *p, a1, octane.GB(5))
	require.NoError(t, err)
	e.srv.SetUsage(a1, int64(octane.GB(1.5)))
	e.srv.SetUsage(a2, int64(octane.MB(300)))

	dp, err := e.c.Pools.Get(ctx, *p)
	require.NoError(t, err)
	want := map[string][2]octane.Size{a1: {octane.GB(5), octane.GB(1.5)}, a2: {dp.MaxCap, octane.MB(300)}}
	for _, cs := range dp.Consumers {
		b, err := e.c.Services.Balance(ctx, p.CustNo, cs.LineSeqNo)
		require.NoError(t, err)
		allowance, used, ok := b.Data()
		require.True(t, ok, "%+v", b)
		assert.Equal(t, want[cs.ServiceNumber], [2]octane.Size{allowance, used}, cs.ServiceNumber)
		assert.Equal(t, cs.DataUsage, used, "the balance agrees with the pool's consumer list")
	}

	// The pool's own line: its cap and total usage.
	b, err := e.c.Services.Balance(ctx, p.CustNo, p.LineSeqNo)
	require.NoError(t, err)
	allowance, used, ok := b.Data()
	assert.True(t, ok)
	assert.Equal(t, dp.MaxCap, allowance)
	assert.Equal(t, octane.GB(1.5)+octane.MB(300), used, "exact, where the pool GET's text (%s) is rounded", dp.UsageText)

	_, err = e.c.Services.Balance(ctx, p.CustNo, "999")
	assert.ErrorIs(t, err, octane.ErrUnknownService)
}

// TestE2EWaitOptions: a per-call interval overrides the client's 30-minute
// default; a bad one is refused before anything is sent.
func TestE2EWaitOptions(t *testing.T) {
	srv := octanetest.NewServer(octanetest.WithOrderDelay(20 * time.Millisecond))
	defer srv.Close()
	c, err := octane.New(octane.Credentials{Username: octanetest.DefaultUsername, Password: octane.NewSecret(octanetest.DefaultPassword)},
		octane.WithSOAPBaseURL(srv.SOAPBaseURL()), octane.WithRESTBaseURL(srv.RESTBaseURL())) // default: 30 minutes
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	id, err := c.Orders.CreateDataPool(ctx, octane.PoolCreateRequest{CustNo: octanetest.DefaultCustNo, ProviderPlanID: octanetest.DefaultProviderPlan, PoolName: "Quick"})
	require.NoError(t, err)

	n := srv.RequestCount("")
	for name, opts := range map[string]*octane.WaitOptions{
		"negative min":   {MinInterval: -time.Second},
		"negative max":   {MaxInterval: -time.Second},
		"max below min":  {MinInterval: time.Second, MaxInterval: time.Millisecond},
		"negative both":  {MinInterval: -1, MaxInterval: -1},
		"max below min2": {MinInterval: 2 * time.Millisecond, MaxInterval: time.Millisecond},
	} {
		_, err := c.Orders.Wait(ctx, id, opts)
		var ve *octane.ValidationError
		require.ErrorAs(t, err, &ve, name)
		assert.ErrorIs(t, err, octane.ErrInvalidInput, name)
	}
	assert.Equal(t, n, srv.RequestCount(""), "nothing sent")

	start := time.Now()
	o, err := c.Orders.Wait(ctx, id, &octane.WaitOptions{MinInterval: time.Millisecond, MaxInterval: 4 * time.Millisecond})
	require.NoError(t, err)
	assert.True(t, o.Status.Done())
	assert.Less(t, time.Since(start), 5*time.Second)

	// Only MinInterval: the client's 30-minute maximum holds, and the first
	// pause is short.
	id, err = c.Orders.CreateDataPool(ctx, octane.PoolCreateRequest{CustNo: octanetest.DefaultCustNo, ProviderPlanID: octanetest.DefaultProviderPlan, PoolName: "Quick2"})
	require.NoError(t, err)
	time.Sleep(25 * time.Millisecond)
	o, err = c.Orders.Wait(ctx, id, &octane.WaitOptions{MinInterval: time.Millisecond})
	require.NoError(t, err)
	assert.True(t, o.Status.Done())
}
