package telecloud_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/telecloud"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

// End-to-end tests of Plan (see e2e_test.go).

func TestE2EPlansOfTheVAR(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		cr, err := e.c.Plans.Create(e.ctx, telecloud.PlanCreateRequest{ProductID: telecloudtest.SeedProduct, Name: "Unlimited Monthly",
			Description: "Unlimited data, talk and text.", RecurringPrice: money("40.00"), SetupPrice: money("5.00"), AutopayDiscount: money("2.00")})
		require.NoError(t, err)
		assert.NotEmpty(t, cr.TransID)
		assert.Nil(t, cr.Product, "a VAR makes rate plans")
		require.NotNil(t, cr.Plan)
		assert.Equal(t, telecloud.RatePlan{RatePlanID: "52748", Name: "Unlimited Monthly", Description: "Unlimited data, talk and text.",
			RecurringPrice: money("40.00"), SetupPrice: money("5.00"), Status: telecloud.PlanActive}, *cr.Plan)

		// The customer can now order it.
		qualifyPlans := func() map[string]telecloud.QualifyVARProduct {
			t.Helper()
			q, err := e.c.Customers.Qualify(e.ctx, telecloud.CustomerQualifyRequest{AccountNumber: telecloudtest.SeedCustomer})
			require.NoError(t, err)
			out := map[string]telecloud.QualifyVARProduct{}
			for _, p := range q.RatePlans() {
				out[p.Plan.RatePlanID] = p.Plan
			}
			return out
		}
		plans := qualifyPlans()
		require.Len(t, plans, 2)
		assertMoney(t, "40.00", plans["52748"].Price)
		assertMoney(t, "5.00", plans["52748"].SetupPrice)

		// Plan/Search lists the products the VAR sells, at its price.
		ps, err := e.c.Plans.Search(e.ctx, telecloud.PlanSearchRequest{ProductGroupID: telecloudtest.SeedProductGroup})
		require.NoError(t, err)
		require.Len(t, ps.Groups, 1)
		g := ps.Groups[0]
		assert.Equal(t, telecloudtest.SeedProductGroup, g.ProductGroupID)
		assert.Equal(t, "GSMA Network", g.ProductGroupName)
		require.Len(t, g.Products, 1)
		p := g.Products[0]
		assert.Equal(t, telecloudtest.SeedProduct, p.ProductID)
		assert.Equal(t, telecloudtest.SeedProductGroup, p.ProductGroupID)
		assert.Equal(t, "GSMA-GIG", p.CarrierProductID)
		assert.Equal(t, telecloud.ProductTraditional, p.ProductType)
		assert.Equal(t, "[Smartphone] By The Gig", p.Name)
		assertMoney(t, "20.00", p.DiscountRecurringPrice)
		assertMoney(t, "0.00", p.DiscountSetupPrice)
		assert.Equal(t, 30, p.CycleLength)
		assert.Equal(t, telecloud.Yes, p.PromptForVariables)
		assert.Equal(t, telecloud.No, p.ReplenishWithPlan)
		assert.Equal(t, telecloud.PlanActive, p.Status)
		// The VAR's rate plans on the product are listed under it.
		var ids []string
		for _, rp := range p.RatePlans {
			ids = append(ids, rp.RatePlanID)
		}
		assert.Contains(t, ids, telecloudtest.SeedRatePlan)
		none, err := e.c.Plans.Search(e.ctx, telecloud.PlanSearchRequest{ProductGroupID: "999"})
		require.NoError(t, err)
		assert.Empty(t, none.Groups)

		// Edit: replenishments only, a new price.
		ed, err := e.c.Plans.Edit(e.ctx, telecloud.PlanEditRequest{RatePlanID: "52748", Name: "Unlimited Monthly (legacy)",
			RecurringPrice: money("45.00"), Status: telecloud.PlanReplenishOnly})
		require.NoError(t, err)
		assert.Nil(t, ed.Product)
		require.NotNil(t, ed.Plan)
		assert.Equal(t, "Unlimited Monthly (legacy)", ed.Plan.Name)
		assert.Equal(t, "Unlimited data, talk and text.", ed.Plan.Description, "fields not sent are kept")
		assertMoney(t, "45.00", ed.Plan.RecurringPrice)
		assert.Equal(t, telecloud.PlanReplenishOnly, ed.Plan.Status)
		assert.NotContains(t, qualifyPlans(), "52748", "not for new orders")
		_, err = e.c.Orders.Create(e.ctx, telecloud.OrderCreateRequest{AccountNumber: telecloudtest.SeedCustomer, RatePlanID: "52748",
			Vars: telecloud.VarValues{1: testIMEI, 2: testICCID}})
		vendorError(t, err, "Rate plan 52748 is available for replenishments only.")
		_, err = e.c.Plans.Edit(e.ctx, telecloud.PlanEditRequest{RatePlanID: "52748", Name: "Short"})
		vendorError(t, err, "The name must be at least 10 characters.")

		// Delete: gone for good.
		del, err := e.c.Plans.Delete(e.ctx, telecloud.PlanDeleteRequest{RatePlanID: "52748"})
		require.NoError(t, err)
		require.NotNil(t, del.Plan)
		assert.Equal(t, "52748", del.Plan.RatePlanID)
		assert.Equal(t, telecloud.PlanDeleted, del.Plan.Status)
		_, err = e.c.Customers.Estimate(e.ctx, telecloud.CustomerEstimateRequest{AccountNumber: telecloudtest.SeedCustomer, RatePlanID: "52748"})
		vendorError(t, err, "Rate plan 52748 has been deleted.")
		_, err = e.c.Plans.Delete(e.ctx, telecloud.PlanDeleteRequest{RatePlanID: "52748"})
		vendorError(t, err, "Rate plan 52748 not found.")
		_, err = e.c.Plans.Delete(e.ctx, telecloud.PlanDeleteRequest{RatePlanID: "52748", ProductID: "330"})
		invalidInput(t, err, "ProductID")
	})
}

func TestE2EPlansOfTheCORE(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		cr, err := e.core.Plans.Create(e.ctx, telecloud.PlanCreateRequest{ProductGroupID: telecloudtest.SeedProductGroup,
			Name: "[Tablet] Data Only", Description: "Data only, for tablets.", RecurringPrice: money("12.00"), CycleLength: 30,
			ProductType: telecloud.ProductTraditional, PromptForVariables: telecloud.No, CarrierProductID: "GSMA-TAB"})
		require.NoError(t, err)
		assert.Nil(t, cr.Plan, "a CORE makes products")
		require.NotNil(t, cr.Product)
		p := *cr.Product
		assert.Equal(t, "331", p.ProductID)
		assert.Equal(t, telecloudtest.SeedProductGroup, p.ProductGroupID)
		assert.Equal(t, "GSMA-TAB", p.CarrierProductID)
		assert.Equal(t, telecloud.ProductTraditional, p.ProductType)
		assert.Equal(t, "[Tablet] Data Only", p.Name)
		assertMoney(t, "12.00", p.RecurringPrice)
		assertMoney(t, "0.00", p.SetupPrice)
		assert.Equal(t, 30, p.CycleLength)
		assert.Equal(t, telecloud.No, p.PromptForVariables)
		assert.Equal(t, telecloud.PlanActive, p.Status)

		products := func(c *telecloud.Client) map[string]telecloud.Product {
			t.Helper()
			ps, err := c.Plans.Search(e.ctx, telecloud.PlanSearchRequest{})
			require.NoError(t, err)
			out := map[string]telecloud.Product{}
			for _, g := range ps.Groups {
				for _, p := range g.Products {
					out[p.ProductID] = p
				}
			}
			return out
		}
		assert.Len(t, products(e.core), 2)
		forVAR := products(e.c)
		require.Contains(t, forVAR, "331", "the VAR can build on it")
		assertMoney(t, "12.00", forVAR["331"].DiscountRecurringPrice)
		byCore, err := e.core.Plans.Search(e.ctx, telecloud.PlanSearchRequest{CloudAccountType: telecloud.AccountVAR, CloudAccountNumber: telecloudtest.SeedVARAccount})
		require.NoError(t, err)
		require.Len(t, byCore.Groups, 1)
		assert.Len(t, byCore.Groups[0].Products, 2)

		// Edit: the VAR's price follows the CORE's.
		ed, err := e.core.Plans.Edit(e.ctx, telecloud.PlanEditRequest{ProductID: "331", RecurringPrice: money("14.00"), CycleLength: 28})
		require.NoError(t, err)
		require.NotNil(t, ed.Product)
		assertMoney(t, "14.00", ed.Product.RecurringPrice)
		assert.Equal(t, 28, ed.Product.CycleLength)
		assert.Equal(t, "[Tablet] Data Only", ed.Product.Name)
		assertMoney(t, "14.00", products(e.c)["331"].DiscountRecurringPrice)
		_, err = e.core.Plans.Edit(e.ctx, telecloud.PlanEditRequest{ProductID: "331", ReplenishWithPlan: telecloud.Yes})
		vendorError(t, err, "replenish_with_plan applies to ADD-ON products only.")

		// Delete: the product is no longer listed.
		del, err := e.core.Plans.Delete(e.ctx, telecloud.PlanDeleteRequest{ProductID: "331"})
		require.NoError(t, err)
		assert.NotEmpty(t, del.TransID)
		assert.NotContains(t, products(e.core), "331")
		assert.NotContains(t, products(e.c), "331")
		t.Run("CORE Plan/Delete answers its product", func(t *testing.T) {
			require.NotNil(t, del.Product)
			assert.Equal(t, "331", del.Product.ProductID)
			assert.Equal(t, telecloud.PlanDeleted, del.Product.Status)
		})

		// The server's CORE-only requirements.
		_, err = e.core.Plans.Create(e.ctx, telecloud.PlanCreateRequest{ProductGroupID: telecloudtest.SeedProductGroup,
			Name: "[Watch] Wearables", Description: "For smart watches.", RecurringPrice: money("5.00")})
		vendorError(t, err, "The cycle_length parameter is required for CORE products.")
		_, err = e.c.Plans.Create(e.ctx, telecloud.PlanCreateRequest{Name: "No product here", Description: "Nothing to build on.", RecurringPrice: money("5.00")})
		vendorError(t, err, "The product_id parameter is required for VAR rate plans.")
	})
}
