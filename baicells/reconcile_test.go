package baicells_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/baicells/baicellstest"
)

func kinds(actions []baicells.Action) []baicells.ActionKind {
	out := []baicells.ActionKind{}
	for _, a := range actions {
		out = append(out, a.Kind)
	}
	return out
}

// TestReconcile walks the Powercode action table: each case starts from a
// seeded BOSS state, reconciles to a desired state, checks the calls made and
// the state reached, then reconciles again and expects no call.
func TestReconcile(t *testing.T) {
	const (
		imsiA = "311980000000001"
		imsiB = "311980000000002"
	)
	active := baicellstest.Subscriber{ID: "s1", Name: "Ada", Email: "ada@example.net", IMSI: imsiA, PlanID: "P10", Active: true}
	tests := []struct {
		name    string
		seed    *baicellstest.Subscriber
		desired baicells.SubscriberReconcileRequest
		want    []baicells.ActionKind
		check   func(t *testing.T, s baicellstest.Subscriber, exists bool)
	}{
		{
			name:    "add service to customer, add IMSI, activate",
			desired: baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: "s1", Name: "Ada"}, PlanID: "P10", IMSI: imsiA, Active: true},
			want:    []baicells.ActionKind{baicells.ActionCreate, baicells.ActionBindPlan, baicells.ActionBindIMSI, baicells.ActionActivate},
			check: func(t *testing.T, s baicellstest.Subscriber, _ bool) {
				assert.True(t, s.Active)
				assert.Equal(t, imsiA, s.IMSI)
				assert.Equal(t, "P10", s.PlanID)
			},
		},
		{
			name:    "customer without IMSI yet is not activated",
			desired: baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: "s1"}, PlanID: "P10", Active: true},
			want:    []baicells.ActionKind{baicells.ActionCreate, baicells.ActionBindPlan},
			check:   func(t *testing.T, s baicellstest.Subscriber, _ bool) { assert.False(t, s.Active) },
		},
		{
			name:    "change to a different Baicells service: transfer",
			seed:    &active,
			desired: baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: "s1"}, PlanID: "P25", IMSI: imsiA, Active: true},
			want:    []baicells.ActionKind{baicells.ActionChangePlan},
			check: func(t *testing.T, s baicellstest.Subscriber, _ bool) {
				assert.Equal(t, "P25", s.PlanID)
				assert.True(t, s.Active)
			},
		},
		{
			name:    "change to a non-Baicells service: deactivate",
			seed:    &active,
			desired: baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: "s1"}, IMSI: imsiA, Active: true},
			want:    []baicells.ActionKind{baicells.ActionDeactivate},
			check:   func(t *testing.T, s baicellstest.Subscriber, _ bool) { assert.False(t, s.Active) },
		},
		{
			name:    "edit IMSI: deactivate, unbind old, bind new, activate",
			seed:    &active,
			desired: baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: "s1"}, PlanID: "P10", IMSI: imsiB, Active: true},
			want:    []baicells.ActionKind{baicells.ActionDeactivate, baicells.ActionUnbindIMSI, baicells.ActionBindIMSI, baicells.ActionActivate},
			check: func(t *testing.T, s baicellstest.Subscriber, _ bool) {
				assert.Equal(t, imsiB, s.IMSI)
				assert.True(t, s.Active)
			},
		},
		{
			name:    "delete IMSI equipment: deactivate, unbind",
			seed:    &active,
			desired: baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: "s1"}, PlanID: "P10", Active: true},
			want:    []baicells.ActionKind{baicells.ActionDeactivate, baicells.ActionUnbindIMSI},
			check: func(t *testing.T, s baicellstest.Subscriber, _ bool) {
				assert.Empty(t, s.IMSI)
				assert.False(t, s.Active)
			},
		},
		{
			name:    "edit account information: modify",
			seed:    &active,
			desired: baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: "s1", Name: "Ada L.", Phone: "5550101"}, PlanID: "P10", IMSI: imsiA, Active: true},
			want:    []baicells.ActionKind{baicells.ActionModify},
			check: func(t *testing.T, s baicellstest.Subscriber, _ bool) {
				assert.Equal(t, "Ada L.", s.Name)
				assert.Equal(t, "5550101", s.Phone)
				assert.Equal(t, "ada@example.net", s.Email, "unmanaged fields are kept")
			},
		},
		{
			name:    "status other than Active: deactivate",
			seed:    &active,
			desired: baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: "s1"}, PlanID: "P10", IMSI: imsiA},
			want:    []baicells.ActionKind{baicells.ActionDeactivate},
			check:   func(t *testing.T, s baicellstest.Subscriber, _ bool) { assert.False(t, s.Active) },
		},
		{
			name:    "status and service Active again: activate",
			seed:    &baicellstest.Subscriber{ID: "s1", IMSI: imsiA, PlanID: "P10"},
			desired: baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: "s1"}, PlanID: "P10", IMSI: imsiA, Active: true},
			want:    []baicells.ActionKind{baicells.ActionActivate},
			check:   func(t *testing.T, s baicellstest.Subscriber, _ bool) { assert.True(t, s.Active) },
		},
		{
			name:    "service and IMSI deleted: delete customer",
			seed:    &active,
			desired: baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: "s1"}, Delete: true},
			want:    []baicells.ActionKind{baicells.ActionDeactivate, baicells.ActionDelete},
			check:   func(t *testing.T, _ baicellstest.Subscriber, exists bool) { assert.False(t, exists) },
		},
		{
			name:    "nothing to do",
			seed:    &active,
			desired: baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: "s1", Name: "Ada"}, PlanID: "P10", IMSI: imsiA, Active: true},
			want:    []baicells.ActionKind{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			c, srv := e2e(t)
			srv.SeedPlan(baicellstest.DefaultCloudKey, baicellstest.Plan{ID: "P10", Name: "10M", Uplink: 5, Downlink: 10})
			srv.SeedPlan(baicellstest.DefaultCloudKey, baicellstest.Plan{ID: "P25", Name: "25M", Uplink: 10, Downlink: 25})
			if tt.seed != nil {
				srv.SeedSubscriber(baicellstest.DefaultCloudKey, *tt.seed)
			}
			actions, err := c.Subscribers.Reconcile(ctx, tt.desired)
			require.NoError(t, err)
			assert.Equal(t, tt.want, kinds(actions))
			if tt.check != nil {
				s, ok := srv.Subscriber("s1")
				tt.check(t, s, ok)
			}

			srv.ResetRequests()
			again, err := c.Subscribers.Reconcile(ctx, tt.desired)
			require.NoError(t, err)
			assert.Empty(t, again, "a second run with the same desired state takes no action")
			for _, r := range srv.Requests() {
				assert.Contains(t, []string{"/customers/querybyid"}, r.Path, "the second run only reads")
			}
		})
	}
}

// A new IMSI held by another subscriber is refused before anything is
// written (it used to fail at bind-imsi, after create and bind-plan).
func TestReconcileRefusesIMSIInUseBeforeWriting(t *testing.T) {
	ctx := context.Background()
	c, srv := e2e(t)
	srv.SeedPlan(baicellstest.DefaultCloudKey, baicellstest.Plan{ID: "P10", Name: "10M", Uplink: 5, Downlink: 10})
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "holder", IMSI: "311980000000009"})
	actions, err := c.Subscribers.Reconcile(ctx, baicells.SubscriberReconcileRequest{
		Profile: baicells.Profile{ID: "s1"}, PlanID: "P10", IMSI: "311980000000009", Active: true,
	})
	assert.ErrorIs(t, err, baicells.ErrIMSIInUse)
	assert.ErrorIs(t, err, baicells.CodeIMSIInUse)
	assert.NotContains(t, err.Error(), "311980000000009", "the IMSI is abbreviated")
	assert.Empty(t, actions)
	_, exists := srv.Subscriber("s1")
	assert.False(t, exists, "nothing was written")

	_, err = c.Subscribers.Reconcile(ctx, baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: "s1"}, IMSI: "12"})
	assert.ErrorIs(t, err, baicells.ErrInvalidInput)
}

// When BOSS changes between plan and apply, Apply stops at the failed call
// and reports the calls already made.
func TestReconcileStopsAtFirstFailure(t *testing.T) {
	ctx := context.Background()
	c, srv := e2e(t, baicells.WithRetry(baicells.RetryPolicy{MaxAttempts: 1}))
	srv.SeedPlan(baicellstest.DefaultCloudKey, baicellstest.Plan{ID: "P10", Name: "10M", Uplink: 5, Downlink: 10})
	srv.InjectFault(baicellstest.Fault{Path: "/customers/bindimsi", Status: http.StatusServiceUnavailable})
	actions, err := c.Subscribers.Reconcile(ctx, baicells.SubscriberReconcileRequest{
		Profile: baicells.Profile{ID: "s1"}, PlanID: "P10", IMSI: "311980000000009", Active: true,
	})
	assert.ErrorIs(t, err, baicells.ErrSystem)
	assert.Contains(t, err.Error(), "bind-imsi s1")
	assert.Equal(t, []baicells.ActionKind{baicells.ActionCreate, baicells.ActionBindPlan}, kinds(actions), "the calls already made are reported")
	s, _ := srv.Subscriber("s1")
	assert.False(t, s.Active)
	assert.Zero(t, srv.RequestCount("/customers/activate"))
}

// TestApplyRestoresServiceWhenTheWorldChanged: the new IMSI was free when
// planned and is taken before Apply binds it. The customer, deactivated and
// unbound by the plan's first steps, gets its old IMSI back and is active
// again; the error says why the change failed.
func TestApplyRestoresServiceWhenTheWorldChanged(t *testing.T) {
	ctx := context.Background()
	c, srv := e2e(t)
	srv.SeedPlan(baicellstest.DefaultCloudKey, baicellstest.Plan{ID: "P10", Name: "10M", Uplink: 5, Downlink: 10})
	const oldIMSI, newIMSI = "311980000000101", "311980000000202"
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "A", IMSI: oldIMSI, PlanID: "P10", Active: true})
	p, err := c.Subscribers.Plan(ctx, baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: "A"}, PlanID: "P10", IMSI: newIMSI, Active: true})
	require.NoError(t, err)
	require.Equal(t, []baicells.ActionKind{baicells.ActionDeactivate, baicells.ActionUnbindIMSI, baicells.ActionBindIMSI, baicells.ActionActivate}, kinds(p.Actions))

	// Someone else takes the new IMSI between Plan and Apply.
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "B", IMSI: newIMSI, PlanID: "P10"})
	done, err := c.Subscribers.Apply(ctx, p)
	assert.ErrorIs(t, err, baicells.ErrIMSIInUse)
	assert.Equal(t, []baicells.ActionKind{baicells.ActionDeactivate, baicells.ActionUnbindIMSI, baicells.ActionBindIMSI, baicells.ActionActivate}, kinds(done))
	assert.Contains(t, done[2].Detail, "restore")
	assert.Contains(t, done[3].Detail, "restore")
	a, _ := srv.Subscriber("A")
	assert.True(t, a.Active, "A is online again")
	assert.Equal(t, oldIMSI, a.IMSI)
}

// A subscriber that was inactive when planned is not activated by a restore.
func TestApplyRestoresOnlyWhatItTookAway(t *testing.T) {
	ctx := context.Background()
	c, srv := e2e(t)
	srv.SeedPlan(baicellstest.DefaultCloudKey, baicellstest.Plan{ID: "P10", Name: "10M", Uplink: 5, Downlink: 10})
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "A", IMSI: "311980000000101", PlanID: "P10"})
	p, err := c.Subscribers.Plan(ctx, baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: "A"}, PlanID: "P10", IMSI: "311980000000202"})
	require.NoError(t, err)
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "B", IMSI: "311980000000202", PlanID: "P10"})
	done, err := c.Subscribers.Apply(ctx, p)
	assert.ErrorIs(t, err, baicells.ErrIMSIInUse)
	assert.Equal(t, []baicells.ActionKind{baicells.ActionUnbindIMSI}, kinds(done))
	a, _ := srv.Subscriber("A")
	assert.False(t, a.Active)
	assert.Zero(t, srv.RequestCount("/customers/activate"))
}

func TestReconcileDeleteMissingIsNoop(t *testing.T) {
	c, srv := e2e(t)
	actions, err := c.Subscribers.Reconcile(context.Background(), baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: "gone"}, Delete: true})
	require.NoError(t, err)
	assert.Empty(t, actions)
	assert.Len(t, srv.Requests(), 1)
}

func TestPlansEnsure(t *testing.T) {
	ctx := context.Background()
	c, srv := e2e(t)
	p := baicells.Plan{ID: "P10", Name: "10M", Uplink: 5, Downlink: 10}

	actions, err := c.Plans.Ensure(ctx, p)
	require.NoError(t, err)
	assert.Equal(t, []baicells.ActionKind{baicells.ActionCreatePlan}, kinds(actions))

	actions, err = c.Plans.Ensure(ctx, p)
	require.NoError(t, err)
	assert.Empty(t, actions)

	p.Downlink = 20
	actions, err = c.Plans.Ensure(ctx, p)
	require.NoError(t, err)
	assert.Equal(t, []baicells.ActionKind{baicells.ActionModifyPlan}, kinds(actions))
	assert.Contains(t, actions[0].String(), "5/10 → \"10M\" 5/20")
	plans := srv.Plans()
	require.Len(t, plans, 1)
	assert.Equal(t, 20, plans[0].Downlink)
}

// The errors of Reconcile and Ensure start with "baicells: " once, name the
// step, and unwrap to the failed call's *Error.
func TestReconcileErrorText(t *testing.T) {
	srv := baicellstest.NewServer()
	t.Cleanup(srv.Close)
	c := srv.Client(baicells.WithRetry(baicells.RetryPolicy{MaxAttempts: 1}))
	srv.InjectFault(baicellstest.Fault{Path: "/customers/create", Status: http.StatusServiceUnavailable})
	srv.InjectFault(baicellstest.Fault{Path: "/products/create", Status: http.StatusServiceUnavailable})
	ctx := context.Background()
	_, rerr := c.Subscribers.Reconcile(ctx, baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: "r1"}})
	_, eerr := c.Plans.Ensure(ctx, baicells.Plan{ID: "P", Name: "p", Uplink: 1, Downlink: 1})
	for name, err := range map[string]error{"Reconcile": rerr, "Ensure": eerr} {
		var e *baicells.Error
		if !errors.As(err, &e) || e.HTTPStatus != http.StatusServiceUnavailable {
			t.Errorf("%s: %v, want a *Error with HTTP 503", name, err)
			continue
		}
		if msg := err.Error(); !strings.HasPrefix(msg, "baicells: ") || strings.Count(msg, "baicells: ") != 1 {
			t.Errorf("%s: error text %q", name, msg)
		}
	}
}
