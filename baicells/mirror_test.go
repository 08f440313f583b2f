package baicells_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"

	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/baicells/baicellstest"
)

func statuses(rep *baicells.MirrorReport) []baicells.MirrorStatus {
	out := []baicells.MirrorStatus{}
	for _, r := range rep.Results {
		out = append(out, r.Status)
	}
	return out
}

// TestMirrorCPESwap: with both customers of a CPE swap desired, Mirror frees
// both IMSIs before binding them, and both end active on the other's IMSI.
func TestMirrorCPESwap(t *testing.T) {
	ctx := context.Background()
	c, srv := e2e(t)
	seedSwap(srv)
	want := []baicells.SubscriberReconcileRequest{
		{Profile: baicells.Profile{ID: "A"}, PlanID: "P10", IMSI: swapIMSIB, Active: true},
		{Profile: baicells.Profile{ID: "B"}, PlanID: "P10", IMSI: swapIMSIA, Active: true},
	}
	rep, err := c.Subscribers.Mirror(ctx, want, nil)
	require.NoError(t, err)
	for _, r := range rep.Results {
		require.NoError(t, r.Err, r.ID)
	}
	assert.Equal(t, []baicells.MirrorStatus{baicells.MirrorChanged, baicells.MirrorChanged}, statuses(rep))
	a, _ := srv.Subscriber("A")
	b, _ := srv.Subscriber("B")
	assert.Equal(t, swapIMSIB, a.IMSI)
	assert.Equal(t, swapIMSIA, b.IMSI)
	assert.True(t, a.Active)
	assert.True(t, b.Active)
	assert.Equal(t, map[baicells.ActionKind]int{baicells.ActionDeactivate: 2, baicells.ActionUnbindIMSI: 2, baicells.ActionBindIMSI: 2, baicells.ActionActivate: 2}, rep.Counts)
	// 2 reads (the owners of both IMSIs are known from them), 1 bulk
	// deactivate, 2 unbinds, 2 binds, 1 bulk activate.
	assert.Equal(t, 2, rep.Reads)
	assert.Equal(t, 6, rep.Writes)
	assert.Len(t, srv.Requests(), rep.Reads+rep.Writes)

	srv.ResetRequests()
	rep, err = c.Subscribers.Mirror(ctx, want, nil)
	require.NoError(t, err)
	assert.Equal(t, []baicells.MirrorStatus{baicells.MirrorUnchanged, baicells.MirrorUnchanged}, statuses(rep))
	assert.Zero(t, rep.Writes)
	assert.Empty(t, writes(srv), "a second run writes nothing")
}

// A swap whose other half is not in the run is refused for that customer,
// who stays online; the rest of the population proceeds.
// TestMirrorImportReadsOncePerCustomer: importing a billing export of 1,000
// new customers reads each once, and the plan list once, even when one customer's
// IMSI is held by a subscriber outside the export: that record alone fails
// with ErrIMSIInUse, the holder is untouched, the rest are created.
func TestMirrorImportReadsOncePerCustomer(t *testing.T) {
	ctx := context.Background()
	c, srv := e2e(t)
	srv.SeedPlan(baicellstest.DefaultCloudKey, baicellstest.Plan{ID: "P10", Name: "10M", Uplink: 5, Downlink: 10})
	const held = "311980999999999"
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "outside", IMSI: held, PlanID: "P10", Active: true})
	const n = 1000
	want := make([]baicells.SubscriberReconcileRequest, n)
	for i := range want {
		want[i] = baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: fmt.Sprintf("n%06d", i)},
			PlanID: "P10", IMSI: fmt.Sprintf("3119802%08d", i), Active: true}
	}
	want[500].IMSI = held
	srv.ResetRequests()
	rep, err := c.Subscribers.Mirror(ctx, want, nil)
	require.NoError(t, err)
	// One read per customer, and the plan list once (P10 is bound to no
	// subscriber read, so its existence is checked in the catalogue).
	assert.Equal(t, n, srv.RequestCount("/customers/querybyid"))
	assert.Equal(t, 1, srv.RequestCount("/products/queryallplans"))
	assert.Zero(t, srv.RequestCount("/customers/query"), "no owner query for a new customer's IMSI")
	assert.Equal(t, n+1, rep.Reads)
	for i, r := range rep.Results {
		if i == 500 {
			assert.Equal(t, baicells.MirrorFailed, r.Status)
			assert.ErrorIs(t, r.Err, baicells.ErrIMSIInUse)
			continue
		}
		require.NoError(t, r.Err, r.ID)
		assert.Equal(t, baicells.MirrorChanged, r.Status, r.ID)
	}
	_, created := srv.Subscriber(want[500].Profile.ID)
	assert.False(t, created, "the refused record is not created")
	o, _ := srv.Subscriber("outside")
	assert.True(t, o.Active)
	assert.Equal(t, held, o.IMSI)
	assert.Len(t, srv.Subscribers(), n) // 999 created + outside
	assert.Equal(t, len(srv.Requests()), rep.Reads+rep.Writes)
}

func TestMirrorRefusesIMSIHeldOutside(t *testing.T) {
	ctx := context.Background()
	c, srv := e2e(t)
	seedSwap(srv)
	rep, err := c.Subscribers.Mirror(ctx, []baicells.SubscriberReconcileRequest{
		{Profile: baicells.Profile{ID: "A"}, PlanID: "P10", IMSI: swapIMSIB, Active: true},
		{Profile: baicells.Profile{ID: "C"}, PlanID: "P10", IMSI: "311980000000103", Active: true},
	}, nil)
	require.NoError(t, err)
	assert.Equal(t, []baicells.MirrorStatus{baicells.MirrorFailed, baicells.MirrorChanged}, statuses(rep))
	assert.ErrorIs(t, rep.Results[0].Err, baicells.ErrIMSIInUse)
	assert.Empty(t, rep.Results[0].Actions)
	a, _ := srv.Subscriber("A")
	assert.True(t, a.Active, "A stays online")
	assert.Equal(t, swapIMSIA, a.IMSI)
	cs, _ := srv.Subscriber("C")
	assert.True(t, cs.Active)
	assert.Equal(t, 1, srv.RequestCount("/customers/bulkcreate"))
}

// A swap partner that keeps its IMSI makes the other's change impossible.
func TestMirrorRefusesIMSIKeptByPopulation(t *testing.T) {
	c, srv := e2e(t)
	seedSwap(srv)
	rep, err := c.Subscribers.Mirror(context.Background(), []baicells.SubscriberReconcileRequest{
		{Profile: baicells.Profile{ID: "A"}, PlanID: "P10", IMSI: swapIMSIB, Active: true},
		{Profile: baicells.Profile{ID: "B", Name: "Bob"}, PlanID: "P10", IMSI: swapIMSIB, Active: true},
	}, nil)
	require.NoError(t, err)
	// The two records want the same IMSI: both are invalid.
	assert.Equal(t, []baicells.MirrorStatus{baicells.MirrorFailed, baicells.MirrorFailed}, statuses(rep))
	assert.ErrorIs(t, rep.Results[0].Err, baicells.ErrInvalidInput)
	assert.Empty(t, writes(srv))

	rep, err = c.Subscribers.Mirror(context.Background(), []baicells.SubscriberReconcileRequest{
		{Profile: baicells.Profile{ID: "A"}, PlanID: "P10", IMSI: swapIMSIB, Active: true},
		{Profile: baicells.Profile{ID: "B", Name: "Bob"}, PlanID: "P10", Active: true, Delete: false, IMSI: ""},
	}, nil)
	require.NoError(t, err)
	assert.Equal(t, []baicells.MirrorStatus{baicells.MirrorChanged, baicells.MirrorChanged}, statuses(rep), "B gives its IMSI up, A takes it")
	a, _ := srv.Subscriber("A")
	assert.Equal(t, swapIMSIB, a.IMSI)
}

func TestMirrorValidation(t *testing.T) {
	c, srv := e2e(t)
	var nilCtx context.Context // what is tested
	_, err := c.Subscribers.Mirror(nilCtx, nil, nil)
	assert.ErrorIs(t, err, baicells.ErrInvalidInput)
	_, err = c.Subscribers.Mirror(context.Background(), nil, &baicells.MirrorOptions{Concurrency: -1})
	assert.ErrorIs(t, err, baicells.ErrInvalidInput)

	rep, err := c.Subscribers.Mirror(context.Background(), []baicells.SubscriberReconcileRequest{
		{Profile: baicells.Profile{ID: "d1"}},
		{Profile: baicells.Profile{ID: "d1", Name: "again"}},
		{Profile: baicells.Profile{ID: "bad"}, IMSI: "12"},
		{Profile: baicells.Profile{ID: "ok", Name: "Ok"}},
	}, nil)
	require.NoError(t, err)
	assert.Equal(t, []baicells.MirrorStatus{baicells.MirrorFailed, baicells.MirrorFailed, baicells.MirrorFailed, baicells.MirrorChanged}, statuses(rep))
	for _, r := range rep.Results[:3] {
		var ve *baicells.ValidationError
		assert.ErrorAs(t, r.Err, &ve)
	}
	assert.Contains(t, rep.Results[2].Err.Error(), "want[2].IMSI")
	assert.Equal(t, 1, srv.RequestCount("/customers/querybyid"), "invalid records are not read")
	_, ok := srv.Subscriber("ok")
	assert.True(t, ok)
}

// population seeds n-n/4 of n customers, a tenth of them differing from
// the desired state, and returns the desired state of all n.
func population(srv *baicellstest.Server, n int) []baicells.SubscriberReconcileRequest {
	srv.SeedPlan(baicellstest.DefaultCloudKey, baicellstest.Plan{ID: "P10", Name: "10M", Uplink: 5, Downlink: 10})
	srv.SeedPlan(baicellstest.DefaultCloudKey, baicellstest.Plan{ID: "P25", Name: "25M", Uplink: 10, Downlink: 25})
	want := make([]baicells.SubscriberReconcileRequest, n)
	for i := range want {
		id := fmt.Sprintf("c%06d", i)
		imsi := fmt.Sprintf("3119800%08d", i)
		plan := []string{"P10", "P25"}[i%2]
		want[i] = baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: id, Name: "Customer " + id}, PlanID: plan, IMSI: imsi, Active: i%7 != 0}
		if i >= n-n/4 {
			continue // new customer
		}
		seed := baicellstest.Subscriber{ID: id, Name: "Customer " + id, IMSI: imsi, PlanID: plan, Active: i%7 != 0}
		switch i % 10 {
		case 1:
			seed.Active = !seed.Active
		case 3:
			seed.Name = "Old name"
		case 5:
			seed.IMSI = fmt.Sprintf("3119801%08d", i) // CPE replaced
		}
		srv.SeedSubscriber(baicellstest.DefaultCloudKey, seed)
	}
	return want
}

// TestMirrorPopulation: 1,000 customers cost one read each plus the writes,
// and one owner query per existing subscriber moving to an IMSI no
// subscriber read holds; a second run only reads.
func TestMirrorPopulation(t *testing.T) {
	ctx := context.Background()
	c, srv := e2e(t)
	const n = 1000
	want := population(srv, n)
	var last baicells.MirrorProgress
	calls := 0
	rep, err := c.Subscribers.Mirror(ctx, want, &baicells.MirrorOptions{
		Limiter:  rate.NewLimiter(rate.Inf, 1),
		Progress: func(p baicells.MirrorProgress) { last = p; calls++ },
	})
	require.NoError(t, err)
	for _, r := range rep.Results {
		require.NoError(t, r.Err, r.ID)
	}
	assert.Equal(t, baicells.MirrorProgress{Phase: baicells.MirrorPhaseApply, Done: last.Total, Total: last.Total}, last)
	assert.Positive(t, calls)
	assert.Equal(t, n, srv.RequestCount("/customers/querybyid"), "each subscriber read once")
	newIMSIs := (n - n/4) / 10 // replaced CPEs; a new customer's IMSI is checked by bulk create
	assert.Equal(t, newIMSIs, srv.RequestCount("/customers/query"), "owners of the IMSIs existing subscribers move to")
	assert.Len(t, srv.Requests(), rep.Reads+rep.Writes)
	assert.Equal(t, n+newIMSIs, rep.Reads)
	// The 250 new customers are created in bulk, one call per plan, so the
	// writes are far fewer than the actions.
	assert.Equal(t, 2, srv.RequestCount("/customers/bulkcreate"))
	assert.Zero(t, srv.RequestCount("/customers/create"))
	assert.Less(t, rep.Writes, 400)
	for _, s := range srv.Subscribers() {
		i := 0
		fmt.Sscanf(s.ID, "c%06d", &i)
		assert.Equal(t, want[i].IMSI, s.IMSI, s.ID)
		assert.Equal(t, want[i].Active, s.Active, s.ID)
		assert.Equal(t, want[i].PlanID, s.PlanID, s.ID)
	}
	assert.Len(t, srv.Subscribers(), n)

	srv.ResetRequests()
	rep, err = c.Subscribers.Mirror(ctx, want, nil)
	require.NoError(t, err)
	assert.Zero(t, rep.Writes)
	assert.Equal(t, n, rep.Reads)
	assert.Equal(t, n, len(srv.Requests()), "a second run reads each subscriber once and writes nothing")
	assert.Empty(t, rep.Counts)
}

func TestMirrorDryRun(t *testing.T) {
	c, srv := e2e(t)
	want := population(srv, 40)
	rep, err := c.Subscribers.Mirror(context.Background(), want, &baicells.MirrorOptions{DryRun: true})
	require.NoError(t, err)
	assert.True(t, rep.DryRun)
	assert.Empty(t, writes(srv))
	assert.Zero(t, rep.Writes)
	planned := 0
	for _, r := range rep.Results {
		require.NoError(t, r.Err)
		if r.Status == baicells.MirrorPlanned {
			planned++
			assert.NotEmpty(t, r.Actions)
		}
	}
	assert.Equal(t, 10+9, planned, "10 new customers, 9 differing")
	assert.Equal(t, 10, rep.Counts[baicells.ActionCreate])
}

// A bulk call that fails is retried record by record, so each record gets
// its own outcome.
func TestMirrorBulkFailureFallsBackToSingles(t *testing.T) {
	c, srv := e2e(t, baicells.WithRetry(baicells.RetryPolicy{MaxAttempts: 1}))
	want := population(srv, 20)
	srv.InjectFault(baicellstest.Fault{Path: "/customers/bulkactivate", Status: 503})
	rep, err := c.Subscribers.Mirror(context.Background(), want, nil)
	require.NoError(t, err)
	for _, r := range rep.Results {
		require.NoError(t, r.Err, r.ID)
	}
	assert.Equal(t, 1, srv.RequestCount("/customers/bulkactivate"))
	assert.Equal(t, rep.Counts[baicells.ActionActivate], srv.RequestCount("/customers/activate"))
	for _, s := range srv.Subscribers() {
		for _, w := range want {
			if w.Profile.ID == s.ID {
				assert.Equal(t, w.Active, s.Active, s.ID)
			}
		}
	}
}

func TestMirrorRefusesMissingPlan(t *testing.T) {
	c, srv := e2e(t)
	seedSwap(srv)
	rep, err := c.Subscribers.Mirror(context.Background(), []baicells.SubscriberReconcileRequest{
		{Profile: baicells.Profile{ID: "A"}, PlanID: "NOPE", IMSI: swapIMSIA, Active: true},
		{Profile: baicells.Profile{ID: "B"}, PlanID: "P10", IMSI: swapIMSIB},
	}, nil)
	require.NoError(t, err)
	assert.Equal(t, []baicells.MirrorStatus{baicells.MirrorFailed, baicells.MirrorChanged}, statuses(rep))
	assert.ErrorIs(t, rep.Results[0].Err, baicells.ErrPlanNotFound)
	assert.Equal(t, 1, srv.RequestCount("/products/queryallplans"), "the plan list is read once, for the plan no subscriber has")
	a, _ := srv.Subscriber("A")
	assert.True(t, a.Active)
}

// When the holder of a swapped IMSI fails to free it at apply time (BOSS
// changed), the customer waiting for it is not bound and is reported failed.
func TestMirrorHolderFailsAtApply(t *testing.T) {
	c, srv := e2e(t, baicells.WithRetry(baicells.RetryPolicy{MaxAttempts: 1}))
	seedSwap(srv)
	srv.InjectFault(baicellstest.Fault{Path: "/customers/unbindimsi", Status: 503})
	rep, err := c.Subscribers.Mirror(context.Background(), []baicells.SubscriberReconcileRequest{
		{Profile: baicells.Profile{ID: "A"}, PlanID: "P10", IMSI: swapIMSIB, Active: true},
		{Profile: baicells.Profile{ID: "B"}, PlanID: "P10", IMSI: swapIMSIA, Active: true},
	}, nil)
	require.NoError(t, err)
	assert.Equal(t, []baicells.MirrorStatus{baicells.MirrorFailed, baicells.MirrorFailed}, statuses(rep))
	assert.Zero(t, srv.RequestCount("/customers/bindimsi"), "no bind of an IMSI that was not freed")
	// A was deactivated before its unbind failed; the run gives its service
	// back (its IMSI was never unbound), so A ends as it began.
	assert.Equal(t, []baicells.ActionKind{baicells.ActionDeactivate, baicells.ActionActivate}, kinds(rep.Results[0].Actions))
	assert.Contains(t, rep.Results[0].Actions[1].Detail, "restore")
	for _, id := range []string{"A", "B"} {
		s, _ := srv.Subscriber(id)
		assert.True(t, s.Active, "%s online", id)
	}
	assert.Equal(t, len(srv.Requests()), rep.Reads+rep.Writes)
}

// Every call waits on the limiter, and progress comes from one goroutine
// at a time, ending with Done == Total in each phase.
func TestMirrorLimiterAndProgress(t *testing.T) {
	c, srv := e2e(t)
	want := population(srv, 60)
	lim := rate.NewLimiter(rate.Inf, 0)
	var inside, maxInside int
	last := map[baicells.MirrorPhase]baicells.MirrorProgress{}
	rep, err := c.Subscribers.Mirror(context.Background(), want, &baicells.MirrorOptions{
		Limiter: lim, Concurrency: 4,
		Progress: func(p baicells.MirrorProgress) {
			inside++
			maxInside = max(maxInside, inside)
			last[p.Phase] = p
			inside--
		},
	})
	require.NoError(t, err)
	assert.Equal(t, 1, maxInside)
	for _, ph := range []baicells.MirrorPhase{baicells.MirrorPhaseRead, baicells.MirrorPhaseApply} {
		assert.Equal(t, last[ph].Total, last[ph].Done, ph)
		assert.Positive(t, last[ph].Total, ph)
	}
	assert.Len(t, srv.Requests(), rep.Reads+rep.Writes)

	// A limiter that never allows a call fails every record; nothing is sent.
	srv.ResetRequests()
	rep, err = c.Subscribers.Mirror(context.Background(), want[:3], &baicells.MirrorOptions{Limiter: rate.NewLimiter(0, 0)})
	require.NoError(t, err)
	for _, r := range rep.Results {
		assert.Equal(t, baicells.MirrorFailed, r.Status)
	}
	assert.Empty(t, srv.Requests())
}

// Checks and errors abbreviate IMSIs.
func TestMirrorTextsAbbreviateIMSIs(t *testing.T) {
	c, srv := e2e(t)
	seedSwap(srv)
	rep, err := c.Subscribers.Mirror(context.Background(), []baicells.SubscriberReconcileRequest{
		{Profile: baicells.Profile{ID: "A"}, PlanID: "P10", IMSI: swapIMSIB, Active: true},
		{Profile: baicells.Profile{ID: "C"}, PlanID: "P10", IMSI: "311980000000103"},
	}, &baicells.MirrorOptions{DryRun: true})
	require.NoError(t, err)
	for _, r := range rep.Results {
		for _, a := range r.Actions {
			assert.NotContains(t, a.String(), "3119800000", r.ID)
		}
		if r.Err != nil {
			assert.NotContains(t, r.Err.Error(), "3119800000", r.ID)
		}
	}
	p, err := c.Subscribers.Plan(context.Background(), baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: "C"}, PlanID: "P10", IMSI: "311980000000103"})
	require.NoError(t, err)
	for _, chk := range p.Checks {
		assert.NotContains(t, chk, "3119800000")
	}
}
