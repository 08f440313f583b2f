package telecloudtest

import (
	"testing"
)

func TestProductGroups(t *testing.T) {
	s := newTestServer(t)
	f := setup(t, s)
	checkRules(t, s, []ruleCase{
		{varUser, "ProductGroup/Create", p("name", "Mine"), "Only CORE accounts can manage product groups."},
		{varUser, "ProductGroup/Edit", p("product_group_id", SeedProductGroup), "Only CORE accounts can manage product groups."},
		{coreUser, "ProductGroup/Create", p("description", "x"), "The name parameter is required."},
		{coreUser, "ProductGroup/Create", p("name", "G", "moduleid_swap", "404"), "Invalid moduleid_swap: module 404 not found."},
		{coreUser, "ProductGroup/Create", p("name", "G", "var1", "IMEI"), "Invalid var1: variables are written Name|Prompt (Y or N)|TEXT or OPTIONS|options|description|Swappable (Y or N)|category."},
		{coreUser, "ProductGroup/Create", p("name", "G", "var2", "IMEI|maybe|TEXT||d|Y|c"), "Invalid var2: variables are written Name|Prompt (Y or N)|TEXT or OPTIONS|options|description|Swappable (Y or N)|category."},
		{coreUser, "ProductGroup/Create", p("name", "G", "var3", "IMEI|Y|NUMBER||d|Y|c"), "Invalid var3: variables are written Name|Prompt (Y or N)|TEXT or OPTIONS|options|description|Swappable (Y or N)|category."},
		{coreUser, "ProductGroup/Create", p("name", "G", "var4", "|Y|TEXT||d|Y|c"), "Invalid var4: variables are written Name|Prompt (Y or N)|TEXT or OPTIONS|options|description|Swappable (Y or N)|category."},
		{coreUser, "ProductGroup/Create", p("name", "G", "var5", "Port|Y|OPTIONS||d|N|c"), "Invalid var5: an OPTIONS variable needs a comma separated list of options (or an XML URL)."},
		{coreUser, "ProductGroup/Edit", p("product_group_id", "1"), "Product group 1 not found."},
		{coreUser, "ProductGroup/Edit", p("product_group_id", SeedProductGroup, "status", "3"), "Invalid status: valid options are 1 or 2."},
	})
	// Create with modules and variables (pipes, or hashes), then edit one
	// variable and lock it.
	g := must(t, s, coreUser, "ProductGroup/Create", p("name", "YW T-Mobile Network", "description", "T-Mobile plans.",
		"moduleid_order", "26", "moduleid_replenish", f.module, "moduleid_status", "26",
		"var1", "IMEI|Y|text||Enter the IMEI.|y|", "var4", "Number_Port#Y#OPTIONS#NO,YES#Porting?#N#Porting Information",
		"var15", "PREVIOUS_CARRIER|Y|TEXT||The previous carrier.|N")).child("productgroup").attr("product_group_id")
	must(t, s, coreUser, "ProductGroup/Edit", p("product_group_id", g, "name", "YW TMO", "var1", "MEID|Y|TEXT||Enter the MEID.|Y|Device", "status", "2", "moduleid_cancel", "26"))
	grp := must(t, s, varUser, "ProductGroup/Search", p("product_group_id", g)).at("ProductGroups/group")
	if grp.attr("status") != "2" || grp.attr("moduleid_order") != "26" || grp.attr("moduleid_replenish") != f.module || grp.attr("moduleid_swap") != "" ||
		grp.attr("moduleid_cancel") != "26" || grp.text1("name") != "YW TMO" {
		t.Errorf("group %v", grp.attrs)
	}
	v := grp.child("variables")
	if len(v.kids) != 3 || v.text1("VAR1") != "MEID" || v.child("VAR1").attr("CATEGORY") != "Device" ||
		v.child("VAR4").attr("OPTIONS") != "NO,YES" || v.child("VAR4").attr("TYPE") != "OPTIONS" || v.child("VAR4").attr("SWAPABLE") != "N" ||
		v.child("VAR15").attr("CATEGORY") != "" {
		t.Errorf("variables: %s", jsonDoc(v))
	}
	if n := len(must(t, s, varUser, "ProductGroup/Search", nil).at("ProductGroups").kids); n != 2 {
		t.Errorf("%d groups", n)
	}
}

func TestPlans(t *testing.T) {
	s := newFixed(t)
	f := setup(t, s)
	core := func(kv ...string) []string {
		return append([]string{"product_group_id", SeedProductGroup, "name", "Core Product X", "description", "A core product.", "recurring_price", "10.00", "cycle_length", "30"}, kv...)
	}
	vp := func(kv ...string) []string {
		return append([]string{"product_id", SeedProduct, "name", "Var Plan Xyz", "description", "A VAR rate plan.", "recurring_price", "10.00"}, kv...)
	}
	if _, err := s.AddCredentials(f.partner, "pp", "kk"); err != nil {
		t.Fatal(err)
	}
	partner := creds{"pp", "kk"}
	checkRules(t, s, []ruleCase{
		{coreUser, "Plan/Create", p(core("product_group_id", "")...), "The product_group_id parameter is required for CORE products."},
		{coreUser, "Plan/Create", p(core("product_group_id", "5")...), "Product group 5 not found."},
		{coreUser, "Plan/Create", p(core("cycle_length", "")...), "The cycle_length parameter is required for CORE products."},
		{coreUser, "Plan/Create", p(core("cycle_length", "0")...), "Invalid cycle_length: give the number of days of a cycle, for example 30."},
		{coreUser, "Plan/Create", p(core("name", "Short")...), "The name must be at least 10 characters."},
		{coreUser, "Plan/Create", p(core("description", "Short")...), "The description must be at least 10 characters."},
		{coreUser, "Plan/Create", p(core("recurring_price", "")...), "A full dollar amount must be supplied for the recurring price."},
		{coreUser, "Plan/Create", p(core("recurring_price", "10.999")...), "A full dollar amount must be supplied for the recurring price."},
		{coreUser, "Plan/Create", p(core("setup_price", "abc")...), "A full dollar amount must be supplied for the setup price."},
		{coreUser, "Plan/Create", p(core("autopay_discount", "1.2.3")...), "A full dollar amount must be supplied for the auto-pay discount."},
		{coreUser, "Plan/Create", p(core("status", "4")...), "Invalid status: valid options are 1 or 2."},
		{coreUser, "Plan/Create", p(core("product_type", "BUNDLE")...), "Invalid product_type: valid options are TRADITIONAL or ADD-ON."},
		{coreUser, "Plan/Create", p(core("prompt_for_variables", "1")...), "Invalid prompt_for_variables: it must be Y or N."},
		{coreUser, "Plan/Create", p(core("replenish_with_plan", "Y")...), "replenish_with_plan applies to ADD-ON products only."},
		{coreUser, "Plan/Create", p(core("component_ids", "404")...), "Usage component 404 not found in product group " + SeedProductGroup + "."},
		{varUser, "Plan/Create", p(vp("product_id", "")...), "The product_id parameter is required for VAR rate plans."},
		{varUser, "Plan/Create", p(vp("product_id", "1")...), "Product 1 not found."},
		{varUser, "Plan/Create", p(vp("status", "3")...), "Invalid status: valid options are 1, 2 or 4."},
		{varUser, "Plan/Create", p(vp("name", "")...), "The name parameter is required."},
		{partner, "Plan/Create", p(vp()...), "Only CORE and VAR accounts can create rate plans."},
		{partner, "Plan/Edit", p("rate_plan_id", SeedRatePlan), "Only CORE and VAR accounts can edit rate plans."},
		{partner, "Plan/Delete", p("rate_plan_id", SeedRatePlan), "Only CORE and VAR accounts can delete rate plans."},
		{coreUser, "Plan/Edit", nil, "The product_id parameter is required."},
		{coreUser, "Plan/Edit", p("product_id", "1"), "Product 1 not found."},
		{coreUser, "Plan/Edit", p("product_id", SeedProduct, "status", "4"), "Invalid status: valid options are 1 or 2."},
		{coreUser, "Plan/Edit", p("product_id", SeedProduct, "name", "short"), "The name must be at least 10 characters."},
		{coreUser, "Plan/Edit", p("product_id", SeedProduct, "description", "short"), "The description must be at least 10 characters."},
		{coreUser, "Plan/Edit", p("product_id", SeedProduct, "setup_price", "x"), "A full dollar amount must be supplied for the setup price."},
		{coreUser, "Plan/Edit", p("product_id", SeedProduct, "component_ids", "1"), "Usage component 1 not found in product group " + SeedProductGroup + "."},
		{varUser, "Plan/Edit", nil, "The rate_plan_id parameter is required."},
		{varUser, "Plan/Edit", p("rate_plan_id", "1"), "Rate plan 1 not found."},
		{varUser, "Plan/Edit", p("rate_plan_id", SeedRatePlan, "name", "short"), "The name must be at least 10 characters."},
		{varUser, "Plan/Edit", p("rate_plan_id", SeedRatePlan, "description", "short"), "The description must be at least 10 characters."},
		{varUser, "Plan/Edit", p("rate_plan_id", SeedRatePlan, "recurring_price", "x"), "A full dollar amount must be supplied for the recurring price."},
		{varUser, "Plan/Edit", p("rate_plan_id", SeedRatePlan, "status", "5"), "Invalid status: valid options are 1, 2 or 4."},
		{varUser, "Plan/Edit", p("rate_plan_id", f.plan2, "attached_components", "[{"), `Invalid attached_components: give a JSON list such as [{"component_id":"15178187","max_units":"1"}].`},
		{varUser, "Plan/Edit", p("rate_plan_id", f.plan2, "attached_components", `[{"component_id":"7"}]`), "Usage component 7 is not attached to product " + f.product2 + "."},
		{coreUser, "Plan/Delete", nil, "The product_id parameter is required."},
		{coreUser, "Plan/Delete", p("product_id", "2"), "Product 2 not found."},
		{varUser, "Plan/Delete", nil, "The rate_plan_id parameter is required."},
		{varUser, "Plan/Delete", p("rate_plan_id", "2"), "Rate plan 2 not found."},
		{varUser, "Plan/Search", p("cloud_account_type", "CORE", "cloud_account_number", SeedCoreAccount), "Cloud account " + SeedCoreAccount + " not found."},
	})
	// A CORE product, as Plan/Edit's sample shows it.
	pr := must(t, s, coreUser, "Plan/Create", p(core("setup_price", "20.00", "product_type", "ADD-ON", "replenish_with_plan", "Y", "prompt_for_variables", "Y",
		"carrier_product_id", "VZW-1", "component_ids", f.component+", ", "status", "2")...)).child("product")
	if pr.attr("product_type") != "ADD-ON" || pr.attr("carrier_product_id") != "VZW-1" || pr.text1("recurring_price") != "$10.00" ||
		pr.text1("setup_price") != "$20.00" || pr.text1("status") != "2" || pr.text1("replenish_with_plan") != "Y" {
		t.Errorf("product %v", pr.attrs)
	}
	// The VAR sees its price (its discount, else the product's) and its plans.
	pl := must(t, s, varUser, "Plan/Search", nil).all("Plans")
	if len(pl) != 1 || pl[0].attr("product_group_name") != "GSMA Network" {
		t.Fatalf("%d groups of plans", len(pl))
	}
	for _, prod := range pl[0].all("product") {
		switch prod.attr("product_id") {
		case SeedProduct:
			if prod.text1("discount_recurring_price") != "18.00" || len(prod.all("plan")) != 2 {
				t.Errorf("seed product: %s, %d plans", prod.text1("discount_recurring_price"), len(prod.all("plan")))
			}
			if pn := prod.child("plan"); pn.attr("rate_plan_id") != SeedRatePlan || pn.text1("recurring_price") != "$25.00" {
				t.Errorf("plan %v %s", pn.attrs, pn.text1("recurring_price"))
			}
		case f.product2:
			if prod.text1("discount_recurring_price") != "10.00" || prod.at("UsageComponents/component").attr("component_id") != f.component {
				t.Errorf("product2 %s", prod.text1("discount_recurring_price"))
			}
		}
	}
	// The VAR looks at its partner's view; a group with no product is left out.
	must(t, s, coreUser, "ProductGroup/Create", p("name", "Empty Group"))
	if n := len(must(t, s, varUser, "Plan/Search", p("cloud_account_type", "PARTNER", "cloud_account_number", f.partner)).all("Plans")); n != 1 {
		t.Errorf("%d groups for the partner", n)
	}
	if n := len(must(t, s, varUser, "Plan/Search", p("product_group_id", "1")).all("Plans")); n != 0 {
		t.Errorf("%d groups for group 1", n)
	}
	// A VAR plan, then VAR maxima on its components.
	rp := must(t, s, varUser, "Plan/Create", p(vp("setup_price", "25.00", "autopay_discount", "1.00", "status", "4")...)).child("plan")
	if rp.text1("status") != "4" || rp.text1("setup_price") != "$25.00" || rp.text1("name") != "Var Plan Xyz" {
		t.Errorf("plan %s", jsonDoc(rp))
	}
	must(t, s, varUser, "Plan/Edit", p("rate_plan_id", f.plan2, "component_ids", `[{"component_id":"`+f.component+`","max_units":250}]`, "name", "Data Only Plan 2", "status", "1"))
	o := must(t, s, varUser, "Order/Create", p("account_number", SeedCustomer, "rate_plan_id", f.plan2, "attached_components", `[{"component_id":"`+f.component+`"}]`)).child("order").attr("order_number")
	if got := searchOrder(t, s, o).at("ProductComponents/component").text1("max_units"); got != "250" {
		t.Errorf("max_units %s", got)
	}
	// A component whose maximum the VAR may not set.
	u := must(t, s, coreUser, "UsageComponent/Create", p("product_group_id", SeedProductGroup, "name", "Minutes", "unit_price", "0.01")).child("component").attr("component_id")
	must(t, s, coreUser, "Plan/Edit", p("product_id", f.product2, "component_ids", f.component+","+u, "name", "Data Only Product 2", "recurring_price", "11.00", "prompt_for_variables", "N"))
	do(t, s, varUser, "xml", "Plan/Edit", p("rate_plan_id", f.plan2, "attached_components", `[{"component_id":"`+u+`","max_units":"5"}]`)).
		wantErr(t, "Usage component "+u+" does not let a VAR set a maximum.")
	do(t, s, varUser, "xml", "Order/Create", p("account_number", SeedCustomer, "rate_plan_id", f.plan2, "attached_components", `[{"component_id":"`+u+`","max_units":"5"}]`)).
		wantErr(t, "Usage component "+u+" does not let a VAR set a maximum.")
	// Delete: a product (CORE) or a plan (VAR), status 3; orders keep theirs.
	d := must(t, s, coreUser, "Plan/Delete", p("product_id", f.product2)).child("product")
	if d.attr("product_id") != f.product2 || d.text1("status") != "3" {
		t.Errorf("delete %v", d.attrs)
	}
	if o, _ := s.Order(f.order2); o.ProductID != f.product2 {
		t.Errorf("order lost its product: %+v", o)
	}
	do(t, s, varUser, "xml", "Order/Create", p("account_number", SeedCustomer, "rate_plan_id", f.plan2)).wantErr(t, "The product of rate plan "+f.plan2+" is not available.")
}

func TestPromos(t *testing.T) {
	s := newFixed(t)
	f := setup(t, s)
	checkRules(t, s, []ruleCase{
		{varUser, "Promo/Create", p("promo_code", "20OFF", "value", "1.00"), "Promo code 20OFF already exists."},
		{varUser, "Promo/Create", p("promo_code", "X", "value", "1"+"e3"), "A full dollar amount must be supplied for the promo value."},
		{varUser, "Promo/Create", p("promo_code", "X", "value", "0"), "The promo value must be greater than 0.00."},
		{varUser, "Promo/Create", p("promo_code", "X", "value", "1.00", "expiration_date", "soon"), "Invalid expiration_date: dates are written YYYY-MM-DD."},
		{varUser, "Promo/Create", p("promo_code", "X", "value", "1.00", "expiration_date", "2019-07-30"), "The expiration_date 2019-07-30 has already passed."},
		{varUser, "Promo/Create", p("promo_code", "X", "value", "1.00", "rate_plan_id", "9"), "Rate plan 9 not found."},
		{varUser, "Promo/Delete", p("promo_code", "nope"), "Promo code nope not found."},
		{coreUser, "Promo/Delete", p("promo_code", SeedPromoCode), "Promo code 20off not found."},
	})
	must(t, s, varUser, "Promo/Create", p("promo_code", "51515", "value", "50.00", "expiration_date", "8/1/2019", "rate_plan_id", f.plan3))
	list := must(t, s, varUser, "Promo/Search", nil).at("Promotions").all("promo")
	if len(list) != 2 || list[0].text1("promo_code") != "51515" || list[0].attr("rate_plan_id") != f.plan3 || list[0].text1("expiration_date") != "8/1/2019" ||
		list[1].text1("promo_code") != SeedPromoCode || list[1].text1("value") != SeedPromoValue || list[1].text1("expiration_date") != "" {
		t.Fatalf("promos: %d", len(list))
	}
	if one := must(t, s, varUser, "Promo/Search", p("promo_code", "20OFF")).at("Promotions").all("promo"); len(one) != 1 {
		t.Errorf("by code: %d", len(one))
	}
	d := must(t, s, varUser, "Promo/Delete", p("promo_code", SeedPromoCode)).child("promo")
	if d.attr("promo_id") != "1" {
		t.Errorf("deleted %v", d.attrs)
	}
	do(t, s, varUser, "xml", "Customer/Estimate", p("account_number", SeedCustomer, "rate_plan_id", SeedRatePlan, "promo_code", SeedPromoCode)).
		wantErr(t, "Invalid promo code 20off.")
	must(t, s, varUser, "Promo/Create", p("promo_code", SeedPromoCode, "value", "1.00"))
}

func TestUsageComponents(t *testing.T) {
	s := newFixed(t)
	f := setup(t, s)
	checkRules(t, s, []ruleCase{
		{varUser, "UsageComponent/Create", p("product_group_id", SeedProductGroup, "name", "X", "unit_price", "1"), "Only CORE accounts can manage usage components."},
		{varUser, "UsageComponent/Edit", p("component_id", f.component), "Only CORE accounts can manage usage components."},
		{varUser, "UsageComponent/Delete", p("component_id", f.component), "Only CORE accounts can manage usage components."},
		{coreUser, "UsageComponent/Create", p("product_group_id", "8", "name", "X", "unit_price", "1"), "Product group 8 not found."},
		{coreUser, "UsageComponent/Create", p("product_group_id", SeedProductGroup, "name", "X"), "The unit_price parameter is required."},
		{coreUser, "UsageComponent/Create", p("product_group_id", SeedProductGroup, "name", "X", "unit_price", "0.00501"), "Invalid unit_price: give a decimal amount such as 0.01 or 0.0050."},
		{coreUser, "UsageComponent/Create", p("product_group_id", SeedProductGroup, "name", "X", "unit_price", "1", "starting_quantity", "1.5"), "Invalid starting_quantity: give a whole number of units, 0 for none."},
		{coreUser, "UsageComponent/Create", p("product_group_id", SeedProductGroup, "name", "X", "unit_price", "1", "reset_with_cycle", "yes"), "Invalid reset_with_cycle: it must be Y or N."},
		{coreUser, "UsageComponent/Edit", p("component_id", "1"), "Usage component 1 not found."},
		{coreUser, "UsageComponent/Edit", p("component_id", f.component, "status", "3"), "Invalid status: valid options are 1 or 2."},
		{coreUser, "UsageComponent/Edit", p("component_id", f.component, "unit_price", "-1"), "Invalid unit_price: give a decimal amount such as 0.01 or 0.0050."},
		{coreUser, "UsageComponent/Delete", p("component_id", "1"), "Usage component 1 not found."},
		{coreUser, "UsageComponent/Search", p("product_id", "1"), "Product 1 not found."},
	})
	c := must(t, s, coreUser, "UsageComponent/Create", p("product_group_id", SeedProductGroup, "name", "Minutes", "unit_price", "0.01")).child("component")
	if c.text1("starting_quantity") != "0" || c.text1("reset_with_cycle") != "N" || c.text1("var_sets_maximum") != "N" || c.text1("status") != "1" || c.attr("product_group_id") != SeedProductGroup {
		t.Errorf("defaults: %s", jsonDoc(c))
	}
	id := c.attr("component_id")
	for _, tc := range []struct {
		params []string
		want   int
	}{
		{nil, 2},
		{[]string{"product_id", f.product2}, 1},
		{[]string{"product_group_id", SeedProductGroup}, 2},
		{[]string{"product_group_id", "1"}, 0},
		{[]string{"component_id", id}, 1},
	} {
		if n := len(must(t, s, varUser, "UsageComponent/Search", p(tc.params...)).at("ProductComponents").kids); n != tc.want {
			t.Errorf("UsageComponent/Search %v: %d, want %d", tc.params, n, tc.want)
		}
	}
	e := must(t, s, coreUser, "UsageComponent/Edit", p("component_id", f.component, "name", "Data MB", "description", "MB.", "starting_quantity", "007", "reset_with_cycle", "N", "status", "2")).child("component")
	if e.text1("name") != "Data MB" || e.text1("starting_quantity") != "7" || e.text1("status") != "2" || e.text1("unit_price") != "0.0030" {
		t.Errorf("edited: %s", jsonDoc(e))
	}
	// A suspended component is not billed.
	before, _ := s.Balance(SeedVARAccount)
	must(t, s, varUser, "Order/ReportUsage", p("account_number", SeedCustomer, "order_number", f.order2, "component_id", f.component, "units", "1000"))
	if after, _ := s.Balance(SeedVARAccount); after != before {
		t.Errorf("billed a suspended component: %s → %s", before, after)
	}
	// Delete: status 3, gone from searches, products and orders.
	d := must(t, s, coreUser, "UsageComponent/Delete", p("component_id", f.component)).child("component")
	if d.text1("status") != "3" || d.attr("component_id") != f.component {
		t.Errorf("deleted %s", jsonDoc(d))
	}
	if n := len(must(t, s, varUser, "UsageComponent/Search", nil).at("ProductComponents").kids); n != 1 {
		t.Errorf("%d components after Delete", n)
	}
	// The product has no components left: orders need no attached_components.
	must(t, s, varUser, "Order/Create", p("account_number", SeedCustomer, "rate_plan_id", f.plan2))
	do(t, s, varUser, "xml", "Order/ReportUsage", p("account_number", SeedCustomer, "order_number", f.order2, "component_id", f.component, "units", "1")).
		wantErr(t, "Usage component "+f.component+" is not attached to order "+f.order2+".")
}

func TestModules(t *testing.T) {
	s := newTestServer(t)
	f := setup(t, s)
	checkRules(t, s, []ruleCase{
		{varUser, "Module/Create", p("type", "external", "name", "M", "url", "https://x.example/m.php"), "Only CORE accounts can manage modules."},
		{coreUser, "Module/Create", p("type", "internal", "name", "M"), "Invalid type: valid options are external or prebuilt."},
		{coreUser, "Module/Create", p("type", "external", "name", "M"), "The url parameter is required for external modules."},
		{coreUser, "Module/Create", p("type", "external", "name", "M", "url", "ftp://x"), "Invalid url: give the full URL of the module file."},
		{coreUser, "Module/Create", p("type", "prebuilt", "name", "M"), "The provider parameter is required for prebuilt modules."},
		{coreUser, "Module/Create", p("type", "prebuilt", "name", "M", "provider", "att", "status", "0"), "Invalid status: valid options are 1 or 2."},
		{coreUser, "Module/Create", p("type", "prebuilt", "provider", "att"), "The name parameter is required."},
		{coreUser, "Module/Edit", p("module_id", "1"), "Module 1 not found."},
		{coreUser, "Module/Edit", p("module_id", f.module, "url", "not a url"), "Invalid url: give the full URL of the module file."},
		{coreUser, "Module/Delete", p("module_id", "1"), "Module 1 not found."},
		{varUser, "Module/Edit", p("module_id", "26"), "Module 26 not found."},
	})
	m := must(t, s, coreUser, "Module/Create", p("type", "EXTERNAL", "name", "SIM Swap", "description", "Swaps SIMs.", "url", "https://yourwebsite.example/sim_swap.asp")).child("module")
	if m.attr("type") != "external" {
		t.Errorf("type %s", m.attr("type"))
	}
	id := m.attr("module_id")
	must(t, s, coreUser, "Module/Edit", p("module_id", id, "description", "Swaps a SIM.", "url", "https://yourwebsite.example/v2.asp", "status", "2"))
	got := must(t, s, coreUser, "Module/Search", p("module_id", id)).at("Modules/module")
	if got.text1("name") != "SIM Swap" || got.text1("description") != "Swaps a SIM." || got.text1("url") != "https://yourwebsite.example/v2.asp" || got.text1("status") != "2" {
		t.Errorf("module %s", jsonDoc(got))
	}
	if n := len(must(t, s, coreUser, "Module/Search", nil).at("Modules").kids); n != 3 {
		t.Errorf("%d modules", n)
	}
	must(t, s, coreUser, "Module/Delete", p("module_id", id))
	if n := len(must(t, s, coreUser, "Module/Search", nil).at("Modules").kids); n != 2 {
		t.Errorf("%d modules after Delete", n)
	}
	do(t, s, coreUser, "xml", "ProductGroup/Create", p("name", "G", "moduleid_order", id)).wantErr(t, "Invalid moduleid_order: module "+id+" not found.")
}

func TestGateways(t *testing.T) {
	s := newTestServer(t)
	f := setup(t, s)
	checkRules(t, s, []ruleCase{
		{varUser, "Gateways/Create", p("name", "BITPAY"), "Unsupported payment gateway BITPAY: supported gateways are STRIPE, AUTHORIZE.NET, NMI or PAYPAL."},
		{varUser, "Gateways/Create", p("name", "stripe", "credentials_1", "x"), "The STRIPE gateway is already set up (gateway_id " + f.gateway + ")."},
		{varUser, "Gateways/Create", p("name", "AUTHORIZE.NET", "credentials_1", "login"), "The credentials_2 parameter (TRANSACTION KEY) is required for AUTHORIZE.NET."},
		{varUser, "Gateways/Edit", p("gateway_id", SeedGateway), "Gateway " + SeedGateway + " not found."},
		{varUser, "Gateways/Edit", p("gateway_id", f.gateway, "default_cc_gateway", "yes please"), "Invalid default_cc_gateway: it must be Y or N."},
		{varUser, "Gateways/Edit", p("gateway_id", f.gateway, "default_ach_gateway", "0"), "Invalid default_ach_gateway: it must be Y or N."},
		{varUser, "Gateways/Delete", p("gateway_id", "99"), "Gateway 99 not found."},
	})
	// Set up, with the supported ones not set up listed without an id.
	list := must(t, s, varUser, "Gateways/Search", nil).at("Gateways").all("gateway")
	if len(list) != 4 || list[0].attr("gateway_id") != f.gateway || list[0].text1("credentials_1") != "sk_test_var" || list[0].child("credentials_1").attr("name") != "API KEY" {
		t.Fatalf("gateways: %d", len(list))
	}
	for _, g := range list[1:] {
		if g.attr("gateway_id") != "" || g.text1("name") == "STRIPE" {
			t.Errorf("supported gateway %v %s", g.attrs, g.text1("name"))
		}
	}
	auth := must(t, s, varUser, "Gateways/Create", p("name", "authorize.net", "credentials_1", "login", "credentials_2", "key")).child("gateway").attr("gateway_id")
	// One default of each kind.
	must(t, s, varUser, "Gateways/Edit", p("gateway_id", f.gateway, "default_cc_gateway", "Y", "default_ach_gateway", "Y"))
	e := must(t, s, varUser, "Gateways/Edit", p("gateway_id", auth, "default_ach_gateway", "Y", "credentials_2", "key2")).child("gateway")
	if e.attr("default_cc_gateway") != "N" || e.attr("default_ach_gateway") != "Y" {
		t.Errorf("edit %v", e.attrs)
	}
	g := must(t, s, varUser, "Gateways/Search", p("gateway_id", f.gateway)).at("Gateways").all("gateway")
	if len(g) != 1 || g[0].attr("default_cc_gateway") != "Y" || g[0].attr("default_ach_gateway") != "N" {
		t.Errorf("stripe %v", g[0].attrs)
	}
	a := must(t, s, varUser, "Gateways/Search", p("gateway_id", auth)).at("Gateways/gateway")
	if a.text1("credentials_2") != "key2" || a.child("credentials_2").attr("name") != "TRANSACTION KEY" {
		t.Errorf("authorize.net %s", jsonDoc(a))
	}
	must(t, s, varUser, "Gateways/Delete", p("gateway_id", auth))
	if n := len(must(t, s, varUser, "Gateways/Search", p("gateway_id", auth)).at("Gateways").kids); n != 0 {
		t.Errorf("%d after Delete", n)
	}
	// JSON loses the credentials' names (attributes of elements with text).
	j := do(t, s, varUser, "json", "Gateways/Search", p("gateway_id", f.gateway)).okJSON(t)
	if gw := j["Gateways"].(map[string]any)["gateway"].(map[string]any); gw["credentials_1"] != "sk_test_var" {
		t.Errorf("JSON gateway %v", gw)
	}
}
