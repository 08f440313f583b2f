package telecloud_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/telecloud"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

// End-to-end tests of ProductGroup (see e2e_test.go).

func TestE2EProductGroups(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		defs, err := telecloud.DefineVariables(telecloud.Variables{
			{Slot: 1, Name: "MAC", Prompt: telecloud.Yes, Swappable: telecloud.Yes, Description: "The modem's MAC address.", Category: "Device"},
			{Slot: 2, Name: "Speed", Prompt: telecloud.Yes, Type: telecloud.VarOptions, Options: []string{"100M", "1G"}, Description: "The line speed."},
			{Slot: 3, Name: "Install notes"},
		})
		require.NoError(t, err)
		cr, err := e.core.ProductGroups.Create(e.ctx, telecloud.ProductGroupCreateRequest{Name: "Fiber Internet",
			Description: "Fiber to the home.", ModuleOrder: "26", ModuleCancel: "26", Vars: defs})
		require.NoError(t, err)
		assert.NotEmpty(t, cr.TransID)
		assert.Equal(t, "74", cr.ProductGroup.ProductGroupID)

		group := func(id string) telecloud.ProductGroup {
			t.Helper()
			res, err := e.core.ProductGroups.Search(e.ctx, telecloud.ProductGroupSearchRequest{ProductGroupID: id})
			require.NoError(t, err)
			require.Len(t, res.Groups, 1)
			return res.Groups[0]
		}
		g := group("74")
		assert.Equal(t, "74", g.GroupID)
		assert.Equal(t, telecloud.ProductGroupUnlocked, g.Status)
		assert.Equal(t, "26", g.ModuleOrder)
		assert.Empty(t, g.ModuleReplenish)
		assert.Equal(t, "26", g.ModuleCancel)
		assert.Equal(t, "Fiber Internet", g.Name)
		assert.Equal(t, "Fiber to the home.", g.Description)
		require.Len(t, g.Variables, 3)
		speed, ok := g.Variables.ByName("Speed")
		require.True(t, ok)
		assert.Equal(t, 2, speed.Slot)
		if e.xml() {
			assert.Equal(t, telecloud.Variable{Slot: 2, Name: "Speed", Type: telecloud.VarOptions, Options: []string{"100M", "1G"},
				Description: "The line speed.", Swappable: telecloud.No, Prompt: telecloud.Yes}, speed)
			mac, _ := g.Variables.Slot(1)
			assert.Equal(t, telecloud.Yes, mac.Swappable)
			assert.Equal(t, "Device", mac.Category)
		} else {
			assert.Equal(t, telecloud.Variable{Slot: 2, Name: "Speed"}, speed, "JSON keeps the names only")
		}
		all, err := e.core.ProductGroups.Search(e.ctx, telecloud.ProductGroupSearchRequest{})
		require.NoError(t, err)
		assert.Len(t, all.Groups, 2)
		seed := group(telecloudtest.SeedProductGroup)
		assert.Equal(t, "GSMA Network", seed.Name)
		assert.Equal(t, "26", seed.ModuleOrder)

		// Edit: a new definition of VAR3, a module, the name.
		def3, err := telecloud.DefineVariables(telecloud.Variables{{Slot: 3, Name: "Install date", Prompt: telecloud.Yes}})
		require.NoError(t, err)
		ed, err := e.core.ProductGroups.Edit(e.ctx, telecloud.ProductGroupEditRequest{ProductGroupID: "74", Name: "Fiber Internet 2",
			ModuleReplenish: "26", Vars: def3})
		require.NoError(t, err)
		assert.Equal(t, "74", ed.ProductGroup.ProductGroupID)
		g = group("74")
		assert.Equal(t, "Fiber Internet 2", g.Name)
		assert.Equal(t, "26", g.ModuleReplenish)
		v3, _ := g.Variables.Slot(3)
		assert.Equal(t, "Install date", v3.Name)
		v1, _ := g.Variables.Slot(1)
		assert.Equal(t, "MAC", v1.Name, "slots not sent are kept")

		// Locking the seeded group takes its products off sale.
		_, err = e.core.ProductGroups.Edit(e.ctx, telecloud.ProductGroupEditRequest{ProductGroupID: telecloudtest.SeedProductGroup, Status: telecloud.ProductGroupLocked})
		require.NoError(t, err)
		assert.Equal(t, telecloud.ProductGroupLocked, group(telecloudtest.SeedProductGroup).Status)
		q, err := e.c.Customers.Qualify(e.ctx, telecloud.CustomerQualifyRequest{AccountNumber: telecloudtest.SeedCustomer})
		require.NoError(t, err)
		assert.Empty(t, q.Products)
		_, err = e.c.Orders.Create(e.ctx, telecloud.OrderCreateRequest{AccountNumber: telecloudtest.SeedCustomer, RatePlanID: telecloudtest.SeedRatePlan,
			Vars: telecloud.VarValues{1: testIMEI, 2: testICCID}})
		vendorError(t, err, "The product of rate plan 52747 is not available.")
		_, err = e.core.ProductGroups.Edit(e.ctx, telecloud.ProductGroupEditRequest{ProductGroupID: telecloudtest.SeedProductGroup, Status: telecloud.ProductGroupUnlocked})
		require.NoError(t, err)
		e.newOrder(telecloudtest.SeedCustomer)

		// The rules.
		_, err = e.core.ProductGroups.Create(e.ctx, telecloud.ProductGroupCreateRequest{Name: "Bad module", ModuleOrder: "99"})
		vendorError(t, err, "Invalid moduleid_order: module 99 not found.")
		_, err = e.core.ProductGroups.Create(e.ctx, telecloud.ProductGroupCreateRequest{Name: "Bad variable", Vars: telecloud.VarValues{1: "just a name"}})
		vendorError(t, err, "Invalid var1: variables are written Name|Prompt (Y or N)|TEXT or OPTIONS|options|description|Swappable (Y or N)|category.")
		_, err = e.c.ProductGroups.Create(e.ctx, telecloud.ProductGroupCreateRequest{Name: "Mine"})
		vendorError(t, err, "Only CORE accounts can manage product groups.")
		_, err = e.core.ProductGroups.Create(e.ctx, telecloud.ProductGroupCreateRequest{Description: "No name"})
		vendorError(t, err, "The name parameter is required.")
		_, err = telecloud.DefineVariables(telecloud.Variables{{Slot: 1, Name: "Color", Type: telecloud.VarOptions, Options: []string{"Black, matte"}}})
		invalidInput(t, err, "Vars")
	})
}
