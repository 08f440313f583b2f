package octane_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"

	"github.com/ispkit/ispkit/octane"
	"github.com/ispkit/ispkit/octane/octanetest"
)

// writes counts the changes the fake received: orders placed (orderCreate,
// orderCreateBulk, orderReset) and REST POSTs.
func writes(srv *octanetest.Server) int {
	n := 0
	for _, r := range srv.Requests() {
		switch {
		case r.Method == http.MethodPost && strings.Contains(r.Path, "/api/v1/datapool/"):
			n++
		case strings.HasSuffix(r.Path, "/UtbOrder") && (bytes.Contains(r.Body, []byte("orderCreate")) || bytes.Contains(r.Body, []byte("orderReset"))):
			n++
		}
	}
	return n
}

// reconcileFixture is a pool with three consumers (a, b unlimited; c limited
// to 5 GB) and two free services (d, e) on the consumer plan.
type reconcileFixture struct {
	srv            *octanetest.Server
	c              *octane.Client
	pool           octane.Pool
	a, b, cc, d, e string
}

func newReconcileFixture(t *testing.T) *reconcileFixture {
	t.Helper()
	srv := octanetest.NewServer()
	t.Cleanup(srv.Close)
	p := srv.SeedPool(octanetest.Pool{Name: "Fleet"})
	f := &reconcileFixture{srv: srv, c: srv.Client(),
		pool: octane.Pool{CustNo: p.CustNo, ServiceNumber: p.ServiceNumber, LineSeqNo: p.LineSeqNo, ProviderID: p.ProviderID}}
	f.a, f.b, f.cc, f.d, f.e = "0412000001", "0412000002", "0412000003", "0412000004", "0412000005"
	srv.SeedService(octanetest.Service{ServiceNumber: f.a, PoolProviderID: p.ProviderID})
	srv.SeedService(octanetest.Service{ServiceNumber: f.b, PoolProviderID: p.ProviderID})
	srv.SeedService(octanetest.Service{ServiceNumber: f.cc, PoolProviderID: p.ProviderID, DataLimit: int64(octane.GB(5))})
	srv.SeedService(octanetest.Service{ServiceNumber: f.d})
	srv.SeedService(octanetest.Service{ServiceNumber: f.e})
	return f
}

func (f *reconcileFixture) consumers(t *testing.T) map[string]int64 {
	t.Helper()
	p, ok := f.srv.Pool(f.pool.ProviderID)
	require.True(t, ok)
	out := map[string]int64{}
	for _, n := range p.Consumers {
		svc, _ := f.srv.Service(n)
		out[n] = svc.DataLimit
	}
	return out
}

func TestPoolsReconcileAddRemoveLimit(t *testing.T) {
	f := newReconcileFixture(t)
	ctx := context.Background()
	want := octane.PoolReconcileRequest{Pool: f.pool, Consumers: []octane.DesiredConsumer{
		{ServiceNumber: f.a},                            // kept, unlimited
		{ServiceNumber: f.cc, DataLimit: octane.GB(10)}, // limit changed
		{ServiceNumber: f.d, DataLimit: octane.GB(2)},   // added, limited
		{ServiceNumber: f.e},                            // added
	}} // b removed

	plan, err := f.c.Pools.Plan(ctx, want)
	require.NoError(t, err)
	assert.Equal(t, []octane.Action{
		{Kind: octane.ActionAddConsumers, ID: f.d},
		{Kind: octane.ActionAddConsumers, ID: f.e},
		{Kind: octane.ActionSetDataLimit, ID: f.cc, Detail: "limit 5 GB → 10 GB"},
		{Kind: octane.ActionSetDataLimit, ID: f.d, Detail: "limit 2 GB"},
		{Kind: octane.ActionRemoveConsumers, ID: f.b},
	}, plan.Actions)
	assert.NotEmpty(t, plan.Checks)
	assert.Equal(t, 0, writes(f.srv), "Plan only reads")
	assert.Equal(t, 1, f.srv.RequestCount("/v1/datapool"), "Plan reads the pool once")

	done, err := f.c.Pools.Apply(ctx, plan)
	require.NoError(t, err)
	assert.Equal(t, plan.Actions, done)
	assert.Equal(t, 3, writes(f.srv), "one call per kind: add, limits, remove")
	assert.Equal(t, map[string]int64{f.a: 0, f.cc: int64(octane.GB(10)), f.d: int64(octane.GB(2)), f.e: 0}, f.consumers(t))

	// A second run reads once and writes nothing.
	f.srv.ResetRequests()
	done, err = f.c.Pools.Reconcile(ctx, want)
	require.NoError(t, err)
	assert.Empty(t, done)
	assert.Equal(t, 0, writes(f.srv))
	assert.Equal(t, 1, f.srv.RequestCount(""))
}

// A limit once set cannot be removed: Plan refuses, nothing is written.
func TestPoolsPlanRefusesLimitRemoval(t *testing.T) {
	f := newReconcileFixture(t)
	ctx := context.Background()
	want := octane.PoolReconcileRequest{Pool: f.pool, Consumers: []octane.DesiredConsumer{
		{ServiceNumber: f.a}, {ServiceNumber: f.b}, {ServiceNumber: f.cc}, {ServiceNumber: f.d},
	}}
	_, err := f.c.Pools.Plan(ctx, want)
	var ve *octane.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.ErrorIs(t, err, octane.ErrLimitRequired)
	assert.ErrorIs(t, err, octane.ErrInvalidInput)
	assert.Equal(t, "Consumers[2].DataLimit", ve.Field)
	assert.Contains(t, err.Error(), f.cc)
	assert.Contains(t, err.Error(), "never removed")

	done, err := f.c.Pools.Reconcile(ctx, want)
	assert.ErrorIs(t, err, octane.ErrLimitRequired)
	assert.Empty(t, done)
	assert.Equal(t, 0, writes(f.srv), "refused before any write (d was not added either)")
	assert.Equal(t, map[string]int64{f.a: 0, f.b: 0, f.cc: int64(octane.GB(5))}, f.consumers(t))
}

func TestPoolsPlanRefusesBadInput(t *testing.T) {
	f := newReconcileFixture(t)
	ctx := context.Background()
	for name, r := range map[string]octane.PoolReconcileRequest{
		"disconnect with consumers": {Pool: f.pool, Disconnect: true, Consumers: []octane.DesiredConsumer{{ServiceNumber: f.a}}},
		"duplicate":                 {Pool: f.pool, Consumers: []octane.DesiredConsumer{{ServiceNumber: f.a}, {ServiceNumber: f.a, DataLimit: octane.GB(1)}}},
		"empty service number":      {Pool: f.pool, Consumers: []octane.DesiredConsumer{{ServiceNumber: " "}}},
		"control character":         {Pool: f.pool, Consumers: []octane.DesiredConsumer{{ServiceNumber: "0412\n"}}},
		"negative limit":            {Pool: f.pool, Consumers: []octane.DesiredConsumer{{ServiceNumber: f.a, DataLimit: -1}}},
		"no pool":                   {Consumers: []octane.DesiredConsumer{{ServiceNumber: f.a}}},
	} {
		t.Run(name, func(t *testing.T) {
			f.srv.ResetRequests()
			_, err := f.c.Pools.Plan(ctx, r)
			var ve *octane.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.ErrorIs(t, err, octane.ErrInvalidInput)
			assert.Equal(t, 0, f.srv.RequestCount(""), "refused before reading")
		})
	}

	// A provider id that is not the pool's.
	wrong := f.pool
	wrong.ProviderID = "NOPE"
	_, err := f.c.Pools.Plan(ctx, octane.PoolReconcileRequest{Pool: wrong})
	assert.ErrorIs(t, err, octane.ErrUnknownPool)

	// A plan not made by Plan.
	_, err = f.c.Pools.Apply(ctx, &octane.PoolPlan{Actions: []octane.Action{{Kind: octane.ActionDisconnect, ID: "x"}}})
	assert.ErrorIs(t, err, octane.ErrInvalidInput)
	_, err = f.c.Pools.Apply(ctx, nil)
	assert.ErrorIs(t, err, octane.ErrInvalidInput)
	assert.Equal(t, 0, writes(f.srv))
}

// Disconnect empties the pool first, then disconnects it; a second run
// writes nothing.
func TestPoolsReconcileDisconnect(t *testing.T) {
	f := newReconcileFixture(t)
	ctx := context.Background()
	want := octane.PoolReconcileRequest{Pool: f.pool, Disconnect: true}
	plan, err := f.c.Pools.Plan(ctx, want)
	require.NoError(t, err)
	require.Len(t, plan.Actions, 4)
	assert.Equal(t, octane.Action{Kind: octane.ActionDisconnect, ID: f.pool.ServiceNumber}, plan.Actions[3])
	for _, a := range plan.Actions[:3] {
		assert.Equal(t, octane.ActionRemoveConsumers, a.Kind)
	}

	done, err := f.c.Pools.Apply(ctx, plan)
	require.NoError(t, err)
	assert.Equal(t, plan.Actions, done)
	f.srv.CompleteOrders()
	p, _ := f.srv.Pool(f.pool.ProviderID)
	assert.Equal(t, octanetest.StatusOptedOut, p.Status)
	assert.Empty(t, p.Consumers)

	// The removal came before the disconnect.
	var order []string
	for _, r := range f.srv.Requests() {
		switch {
		case bytes.Contains(r.Body, []byte("WME_OPT_OUT_CONSUMER")):
			order = append(order, "remove")
		case strings.HasSuffix(r.Path, "/v1/datapool/disconnect"):
			order = append(order, "disconnect")
		}
	}
	assert.Equal(t, []string{"remove", "disconnect"}, order)

	f.srv.ResetRequests()
	done, err = f.c.Pools.Reconcile(ctx, want)
	require.NoError(t, err)
	assert.Empty(t, done)
	assert.Equal(t, 0, writes(f.srv))

	// A disconnected pool takes no consumers.
	_, err = f.c.Pools.Plan(ctx, octane.PoolReconcileRequest{Pool: f.pool, Consumers: []octane.DesiredConsumer{{ServiceNumber: f.a}}})
	assert.ErrorIs(t, err, octane.ErrUnknownPool)
}

// Apply stops at the first failure and returns what took effect.
func TestPoolsApplyStopsAtFirstFailure(t *testing.T) {
	f := newReconcileFixture(t)
	ctx := context.Background()
	plan, err := f.c.Pools.Plan(ctx, octane.PoolReconcileRequest{Pool: f.pool, Consumers: []octane.DesiredConsumer{
		{ServiceNumber: f.a}, {ServiceNumber: f.b}, {ServiceNumber: f.cc, DataLimit: octane.GB(5)}, {ServiceNumber: f.d, DataLimit: octane.GB(1)},
	}, Disconnect: false})
	require.NoError(t, err)
	require.Equal(t, []octane.Action{
		{Kind: octane.ActionAddConsumers, ID: f.d},
		{Kind: octane.ActionSetDataLimit, ID: f.d, Detail: "limit 1 GB"},
	}, plan.Actions)

	f.srv.ResetRequests()
	f.srv.InjectFault(octanetest.Fault{Path: "/v1/datapool/modify-consumer-data-limit", Status: http.StatusBadGateway})
	done, err := f.c.Pools.Apply(ctx, plan)
	require.Error(t, err)
	assert.Equal(t, plan.Actions[:1], done, "the add took effect, the limit did not")
	assert.Equal(t, 2, writes(f.srv), "the add, the refused limit call, nothing after")

	// An order that fails: the failed action is not reported as done, and
	// nothing after it is sent.
	g := newReconcileFixture(t)
	plan, err = g.c.Pools.Plan(ctx, octane.PoolReconcileRequest{Pool: g.pool, Consumers: []octane.DesiredConsumer{
		{ServiceNumber: g.a}, {ServiceNumber: g.cc, DataLimit: octane.GB(5)}, {ServiceNumber: g.d, DataLimit: octane.GB(1)},
	}})
	require.NoError(t, err)
	require.Len(t, plan.Actions, 3) // add d, limit d, remove b
	g.srv.FailNextOrder("line barred")
	done, err = g.c.Pools.Apply(ctx, plan)
	var oe *octane.OrdersError
	require.ErrorAs(t, err, &oe)
	assert.ErrorIs(t, err, octane.ErrOrderFailed)
	assert.Empty(t, done)
	assert.Equal(t, 1, writes(g.srv), "only the add was sent")
	assert.Equal(t, map[string]int64{g.a: 0, g.b: 0, g.cc: int64(octane.GB(5))}, g.consumers(t))
}

func TestPoolsMirror(t *testing.T) {
	srv := octanetest.NewServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	var want []octane.PoolReconcileRequest
	for i := 0; i < 6; i++ {
		p := srv.SeedPool(octanetest.Pool{Name: fmt.Sprintf("P%d", i)})
		pool := octane.Pool{CustNo: p.CustNo, ServiceNumber: p.ServiceNumber, LineSeqNo: p.LineSeqNo}
		in := fmt.Sprintf("04130000%d1", i)
		out := fmt.Sprintf("04130000%d2", i)
		srv.SeedService(octanetest.Service{ServiceNumber: in})
		srv.SeedService(octanetest.Service{ServiceNumber: out, PoolProviderID: p.ProviderID})
		r := octane.PoolReconcileRequest{Pool: pool, Consumers: []octane.DesiredConsumer{{ServiceNumber: in, DataLimit: octane.GB(float64(i + 1))}}}
		if i == 5 { // already as wanted
			r.Consumers = []octane.DesiredConsumer{{ServiceNumber: out}}
		}
		want = append(want, r)
	}
	bad := want[0]
	bad.Consumers = []octane.DesiredConsumer{{ServiceNumber: "x"}, {ServiceNumber: "x"}}
	want = append(want, bad)

	var mu sync.Mutex
	var seen []octane.MirrorProgress
	opts := &octane.MirrorOptions{DryRun: true, Concurrency: 3, Limiter: rate.NewLimiter(rate.Every(time.Millisecond), 1),
		Progress: func(p octane.MirrorProgress) { mu.Lock(); seen = append(seen, p); mu.Unlock() }}

	rep, err := c.Pools.Mirror(ctx, want, opts)
	require.NoError(t, err)
	assert.True(t, rep.DryRun)
	assert.Equal(t, 0, writes(srv), "a dry run writes nothing")
	assert.Equal(t, 6, rep.Reads)
	assert.Equal(t, 6, srv.RequestCount("/v1/datapool"), "each pool read once")
	assert.Equal(t, map[octane.ActionKind]int{octane.ActionAddConsumers: 5, octane.ActionSetDataLimit: 5, octane.ActionRemoveConsumers: 5}, rep.Counts)
	require.Len(t, rep.Results, 7)
	for i := 0; i < 5; i++ {
		assert.Equal(t, octane.MirrorPlanned, rep.Results[i].Status)
		assert.Len(t, rep.Results[i].Actions, 3)
		assert.Equal(t, want[i].Pool.ServiceNumber, rep.Results[i].ID)
	}
	assert.Equal(t, octane.MirrorUnchanged, rep.Results[5].Status)
	assert.Equal(t, octane.MirrorFailed, rep.Results[6].Status, "the pool of want[0] again")
	assert.ErrorIs(t, rep.Results[6].Err, octane.ErrInvalidInput)
	require.Len(t, seen, 6)
	assert.Equal(t, octane.MirrorProgress{Phase: octane.MirrorPhaseRead, Done: 6, Total: 6}, seen[5])

	seen = nil
	srv.ResetRequests()
	opts.DryRun = false
	rep, err = c.Pools.Mirror(ctx, want[:6], opts)
	require.NoError(t, err)
	for i := 0; i < 5; i++ {
		assert.Equal(t, octane.MirrorChanged, rep.Results[i].Status, rep.Results[i].Err)
	}
	assert.Equal(t, 15, rep.Writes)
	assert.Equal(t, 15, writes(srv))
	assert.Equal(t, octane.MirrorProgress{Phase: octane.MirrorPhaseApply, Done: 5, Total: 5}, seen[len(seen)-1])

	srv.ResetRequests()
	rep, err = c.Pools.Mirror(ctx, want[:6], nil)
	require.NoError(t, err)
	assert.Equal(t, 0, writes(srv), "a second run writes nothing")
	assert.Equal(t, 0, rep.Writes)
	assert.Empty(t, rep.Counts)
	for _, r := range rep.Results {
		assert.Equal(t, octane.MirrorUnchanged, r.Status)
	}

	_, err = c.Pools.Mirror(ctx, want, &octane.MirrorOptions{Concurrency: -1})
	assert.ErrorIs(t, err, octane.ErrInvalidInput)
}

func TestActionString(t *testing.T) {
	assert.Equal(t, "disconnect 0491000001", octane.Action{Kind: octane.ActionDisconnect, ID: "0491000001"}.String())
	assert.Equal(t, "set-data-limit 0412000001: limit 1 GB", octane.Action{Kind: octane.ActionSetDataLimit, ID: "0412000001", Detail: "limit 1 GB"}.String())
	assert.True(t, errors.Is(&octane.ValidationError{Err: octane.ErrLimitRequired}, octane.ErrLimitRequired))
}

// The server's words for "no limit" ("", "0 B") are no limit; a limit that
// does not read as a size is kept as one.
func TestPoolsPlanReadsLimitTexts(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"errorCode":0,"errorMessage":"","success":"true",
			"provider":{"memberId":"PRV-1","dataPoolStatus":"OPTED-IN","dataMaxCap":"100 GB","dataUsage":"0 B"},
			"consumers":[
				{"serviceNumber":"0412000001","lineSeqNo":"4","dataPoolStatus":"OPTED-IN","dataLimit":"0 B","dataUsage":"0 B"},
				{"serviceNumber":"0412000002","lineSeqNo":"5","dataPoolStatus":"OPTED-IN","dataLimit":"","dataUsage":"0 B"},
				{"serviceNumber":"0412000003","lineSeqNo":"6","dataPoolStatus":"OPTED-IN","dataLimit":"12 GB","dataUsage":"0 B"},
				{"serviceNumber":"0412000004","lineSeqNo":"7","dataPoolStatus":"OPTED-IN","dataLimit":"lots","dataUsage":"0 B"},
				{"serviceNumber":"0412000005","lineSeqNo":"8","dataPoolStatus":"OPTED-OUT","dataLimit":"1 GB","dataUsage":"0 B"}]}`)
	}))
	defer ts.Close()
	c, err := octane.New(octane.Credentials{Username: "u", Password: octane.NewSecret("pw-test")}, octane.WithRESTBaseURL(ts.URL), octane.WithSOAPBaseURL(ts.URL))
	require.NoError(t, err)
	pool := octane.Pool{CustNo: "1", LineSeqNo: "3"}
	want := octane.PoolReconcileRequest{Pool: pool, Consumers: []octane.DesiredConsumer{
		{ServiceNumber: "0412000001"}, {ServiceNumber: "0412000002"}, {ServiceNumber: "0412000003", DataLimit: octane.GB(12)},
		{ServiceNumber: "0412000004", DataLimit: octane.GB(1)},
	}}
	plan, err := c.Pools.Plan(context.Background(), want)
	require.NoError(t, err)
	assert.Equal(t, []octane.Action{{Kind: octane.ActionSetDataLimit, ID: "0412000004", Detail: `limit "lots" → 1 GB`}}, plan.Actions)

	want.Consumers[3].DataLimit = 0
	_, err = c.Pools.Plan(context.Background(), want)
	assert.ErrorIs(t, err, octane.ErrLimitRequired)
}

// A plan is what Plan saw: changing the request afterwards changes nothing
// that Apply sends.
func TestPoolsPlanOwnsItsRequest(t *testing.T) {
	f := newReconcileFixture(t)
	ctx := context.Background()
	consumers := []octane.DesiredConsumer{{ServiceNumber: f.a}, {ServiceNumber: f.b}, {ServiceNumber: f.cc, DataLimit: octane.GB(7)}}
	plan, err := f.c.Pools.Plan(ctx, octane.PoolReconcileRequest{Pool: f.pool, Consumers: consumers})
	require.NoError(t, err)
	consumers[2].DataLimit = 0
	_, err = f.c.Pools.Apply(ctx, plan)
	require.NoError(t, err)
	assert.Equal(t, octane.GB(7), plan.Request.Consumers[2].DataLimit)
	assert.Equal(t, int64(octane.GB(7)), f.consumers(t)[f.cc])
}

// Every read and write call of Mirror waits on the limiter: one that admits
// nothing lets nothing through.
func TestPoolsMirrorLimiter(t *testing.T) {
	f := newReconcileFixture(t)
	want := []octane.PoolReconcileRequest{{Pool: f.pool, Consumers: []octane.DesiredConsumer{{ServiceNumber: f.a}}}}
	rep, err := f.c.Pools.Mirror(context.Background(), want, &octane.MirrorOptions{Limiter: rate.NewLimiter(0, 0)})
	require.NoError(t, err)
	assert.Equal(t, octane.MirrorFailed, rep.Results[0].Status)
	assert.Error(t, rep.Results[0].Err)
	assert.Equal(t, 0, rep.Reads)
	assert.Equal(t, 0, f.srv.RequestCount(""))

	// Two tokens: the read and the first write call (the add of d), then
	// none for the second (d's limit) within the context's deadline.
	lim := rate.NewLimiter(rate.Every(time.Hour), 2)
	want[0].Consumers = append(want[0].Consumers, octane.DesiredConsumer{ServiceNumber: f.d, DataLimit: octane.GB(1)})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	rep, _ = f.c.Pools.Mirror(ctx, want, &octane.MirrorOptions{Limiter: lim})
	assert.Equal(t, octane.MirrorFailed, rep.Results[0].Status)
	assert.Equal(t, []octane.Action{{Kind: octane.ActionAddConsumers, ID: f.d}}, rep.Results[0].Actions, "the add ran; the limit call waited for a token that never came")
	assert.Equal(t, 1, rep.Writes)
	assert.Equal(t, 1, writes(f.srv))
}
