package telecloud_test

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/telecloud"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

// End-to-end tests of UsageComponent (see e2e_test.go).

// orderComponents reads the <ProductComponents> Order/Search adds to an
// order, which the typed Order does not carry.
type orderComponents struct {
	Orders []struct {
		Components []struct {
			ID       string `tc:"component_id,attr"`
			Units    int    `tc:"units"`
			MaxUnits string `tc:"max_units"`
		} `tc:"ProductComponents>component"`
	} `tc:"Orders>order"`
}

func TestE2EUsageComponents(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		cr, err := e.core.UsageComponents.Create(e.ctx, telecloud.UsageComponentCreateRequest{ProductGroupID: telecloudtest.SeedProductGroup,
			Name: "Voice minutes", Description: "Minutes beyond the plan.", StartingQuantity: intp(0), UnitPrice: money("0.0050"),
			ResetWithCycle: telecloud.No, VarSetsMaximum: telecloud.Yes})
		require.NoError(t, err)
		assert.NotEmpty(t, cr.TransID)
		want := telecloud.UsageComponent{ComponentID: "8417871", ProductGroupID: telecloudtest.SeedProductGroup, Name: "Voice minutes",
			Description: "Minutes beyond the plan.", StartingQuantity: 0, UnitPrice: money("0.005"), ResetWithCycle: telecloud.No,
			VarSetsMaximum: telecloud.Yes, Status: telecloud.StatusActive}
		assert.Equal(t, want, cr.Component)
		assert.Equal(t, "0.005", cr.Component.UnitPrice.String(), "a fraction of a cent is kept")

		search := func(req telecloud.UsageComponentSearchRequest) []telecloud.UsageComponent {
			t.Helper()
			res, err := e.core.UsageComponents.Search(e.ctx, req)
			require.NoError(t, err)
			return res.Components
		}
		assert.Equal(t, []telecloud.UsageComponent{want}, search(telecloud.UsageComponentSearchRequest{ComponentID: "8417871"}))
		assert.Len(t, search(telecloud.UsageComponentSearchRequest{ProductGroupID: telecloudtest.SeedProductGroup}), 1)
		assert.Empty(t, search(telecloud.UsageComponentSearchRequest{ProductID: telecloudtest.SeedProduct}), "not linked yet")

		// Linked to the product, the VAR limits it on its rate plan.
		_, err = e.core.Plans.Edit(e.ctx, telecloud.PlanEditRequest{ProductID: telecloudtest.SeedProduct, ComponentIDs: []string{"8417871"}})
		require.NoError(t, err)
		assert.Len(t, search(telecloud.UsageComponentSearchRequest{ProductID: telecloudtest.SeedProduct}), 1)
		ps, err := e.core.Plans.Search(e.ctx, telecloud.PlanSearchRequest{})
		require.NoError(t, err)
		require.Len(t, ps.Groups[0].Products[0].Components, 1)
		pc := ps.Groups[0].Products[0].Components[0]
		assert.Equal(t, "8417871", pc.ComponentID)
		assert.Equal(t, telecloud.StatusActive, pc.Status)
		assertMoney(t, "0.005", pc.UnitPrice)
		_, err = e.c.Plans.Edit(e.ctx, telecloud.PlanEditRequest{RatePlanID: telecloudtest.SeedRatePlan,
			AttachedComponents: telecloud.AttachedComponents{{ComponentID: "8417871", MaxUnits: 100}}})
		require.NoError(t, err)
		res, err := e.c.Orders.Create(e.ctx, telecloud.OrderCreateRequest{AccountNumber: telecloudtest.SeedCustomer, RatePlanID: telecloudtest.SeedRatePlan,
			Vars: telecloud.VarValues{1: testIMEI, 2: testICCID}, AttachedComponents: telecloud.AttachedComponents{{ComponentID: "8417871"}}})
		require.NoError(t, err)
		var oc orderComponents
		require.NoError(t, e.raw.Call(e.ctx, "Order/Search", url.Values{"order_number": {res.Order.OrderNumber}}, &oc))
		require.Len(t, oc.Orders, 1)
		require.Len(t, oc.Orders[0].Components, 1)
		assert.Equal(t, "100", oc.Orders[0].Components[0].MaxUnits, "the rate plan's maximum")

		// Edit.
		ed, err := e.core.UsageComponents.Edit(e.ctx, telecloud.UsageComponentEditRequest{ComponentID: "8417871", Name: "Voice minutes (intl)",
			UnitPrice: money("0.01"), StartingQuantity: intp(100), ResetWithCycle: telecloud.Yes, Status: telecloud.StatusSuspended})
		require.NoError(t, err)
		assert.Equal(t, "Voice minutes (intl)", ed.Component.Name)
		got := search(telecloud.UsageComponentSearchRequest{ComponentID: "8417871"})
		require.Len(t, got, 1)
		assert.Equal(t, "Voice minutes (intl)", got[0].Name)
		assert.Equal(t, "Minutes beyond the plan.", got[0].Description, "fields not sent are kept")
		assertMoney(t, "0.01", got[0].UnitPrice)
		assert.Equal(t, 100, got[0].StartingQuantity)
		assert.Equal(t, telecloud.Yes, got[0].ResetWithCycle)
		assert.Equal(t, telecloud.StatusSuspended, got[0].Status)
		_, err = e.core.UsageComponents.Edit(e.ctx, telecloud.UsageComponentEditRequest{ComponentID: "8417871", StartingQuantity: intp(-1)})
		invalidInput(t, err, "StartingQuantity")

		// Delete: it leaves the product.
		del, err := e.core.UsageComponents.Delete(e.ctx, telecloud.UsageComponentDeleteRequest{ComponentID: "8417871"})
		require.NoError(t, err)
		assert.Equal(t, "8417871", del.Component.ComponentID)
		assert.Equal(t, telecloud.StatusDeleted, del.Component.Status)
		assert.Empty(t, search(telecloud.UsageComponentSearchRequest{ComponentID: "8417871"}))
		assert.Empty(t, search(telecloud.UsageComponentSearchRequest{ProductID: telecloudtest.SeedProduct}))
		e.newOrder(telecloudtest.SeedCustomer) // no attached_components needed any more

		_, err = e.c.UsageComponents.Create(e.ctx, telecloud.UsageComponentCreateRequest{ProductGroupID: telecloudtest.SeedProductGroup, Name: "Mine", UnitPrice: money("1.00")})
		vendorError(t, err, "Only CORE accounts can manage usage components.")
		_, err = e.core.UsageComponents.Create(e.ctx, telecloud.UsageComponentCreateRequest{ProductGroupID: telecloudtest.SeedProductGroup, Name: "Free"})
		vendorError(t, err, "The unit_price parameter is required.")
	})
}
