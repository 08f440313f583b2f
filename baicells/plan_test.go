package baicells_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/baicells/baicellstest"
)

const (
	swapIMSIA = "311980000000101"
	swapIMSIB = "311980000000102"
)

// seedSwap seeds two active customers; the swap tests exchange their CPEs.
func seedSwap(srv *baicellstest.Server) {
	srv.SeedPlan(baicellstest.DefaultCloudKey, baicellstest.Plan{ID: "P10", Name: "10M", Uplink: 5, Downlink: 10})
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "A", IMSI: swapIMSIA, PlanID: "P10", Active: true})
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "B", IMSI: swapIMSIB, PlanID: "P10", Active: true})
}

func writes(srv *baicellstest.Server) []string {
	var out []string
	for _, r := range srv.Requests() {
		switch r.Path {
		case "/customers/querybyid", "/customers/query", "/products/queryallplans":
		default:
			out = append(out, r.Path)
		}
	}
	return out
}

// TestPlanReadsOnly: Plan returns the calls and the checks made by reading,
// and sends no write.
func TestPlanReadsOnly(t *testing.T) {
	ctx := context.Background()
	c, srv := e2e(t)
	srv.SeedPlan(baicellstest.DefaultCloudKey, baicellstest.Plan{ID: "P10", Name: "10M", Uplink: 5, Downlink: 10})
	want := baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: "s1", Name: "Ada"}, PlanID: "P10", IMSI: swapIMSIA, Active: true}
	p, err := c.Subscribers.Plan(ctx, want)
	require.NoError(t, err)
	assert.Nil(t, p.Current)
	assert.Equal(t, want, p.Request)
	assert.Equal(t, []baicells.ActionKind{baicells.ActionCreate, baicells.ActionBindPlan, baicells.ActionBindIMSI, baicells.ActionActivate}, kinds(p.Actions))
	assert.Equal(t, []string{`plan "P10" exists`, "IMSI 3119…0101 free"}, p.Checks)
	assert.Empty(t, writes(srv), "Plan only reads")
	_, exists := srv.Subscriber("s1")
	assert.False(t, exists)

	done, err := c.Subscribers.Apply(ctx, p)
	require.NoError(t, err)
	assert.Equal(t, p.Actions, done)
	s, _ := srv.Subscriber("s1")
	assert.True(t, s.Active)

	p, err = c.Subscribers.Plan(ctx, want)
	require.NoError(t, err)
	assert.Empty(t, p.Actions)
	require.NotNil(t, p.Current)
	assert.Equal(t, swapIMSIA, p.Current.IMSI)
}

func TestPlanRefusesMissingPlan(t *testing.T) {
	c, srv := e2e(t)
	_, err := c.Subscribers.Plan(context.Background(), baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: "s1"}, PlanID: "NOPE"})
	assert.ErrorIs(t, err, baicells.ErrPlanNotFound)
	assert.Empty(t, writes(srv))
}

func TestApplyNilPlan(t *testing.T) {
	c, srv := e2e(t)
	done, err := c.Subscribers.Apply(context.Background(), nil)
	assert.ErrorIs(t, err, baicells.ErrInvalidInput)
	assert.Empty(t, done)
	assert.Empty(t, srv.Requests())
}

// TestReconcileCPESwapRefused: A and B exchange CPEs. Reconciling A alone
// cannot succeed (A's new IMSI is B's), so it is refused before A is
// deactivated or unbound. (Before Plan existed, A was deactivated and lost
// its IMSI, then bind-imsi failed with 4302.)
func TestReconcileCPESwapRefused(t *testing.T) {
	ctx := context.Background()
	c, srv := e2e(t)
	seedSwap(srv)
	actions, err := c.Subscribers.Reconcile(ctx, baicells.SubscriberReconcileRequest{
		Profile: baicells.Profile{ID: "A"}, PlanID: "P10", IMSI: swapIMSIB, Active: true,
	})
	assert.ErrorIs(t, err, baicells.ErrIMSIInUse)
	assert.Contains(t, err.Error(), `subscriber "B"`)
	assert.Empty(t, actions)
	assert.Empty(t, writes(srv), "nothing written")
	a, _ := srv.Subscriber("A")
	assert.True(t, a.Active, "A stays online")
	assert.Equal(t, swapIMSIA, a.IMSI)
}
