package telecloudtest

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

// newOrder places an order on the seeded plan for the seeded customer.
func newOrder(t *testing.T, s *Server, extra ...string) *node {
	t.Helper()
	params := p(append([]string{"account_number", SeedCustomer, "rate_plan_id", SeedRatePlan, "var1", "353145418070501", "var2", "8901410327181008559"}, extra...)...)
	return must(t, s, varUser, "Order/Create", params)
}

// searchOrder is an order as Order/Search shows it.
func searchOrder(t *testing.T, s *Server, number string) *node {
	t.Helper()
	o := must(t, s, varUser, "Order/Search", p("order_number", number)).at("Orders/order")
	if o == nil {
		t.Fatalf("order %s not listed", number)
	}
	return o
}

// txOf is the transaction with that trans_id, as Transaction/Search shows it.
func txOf(t *testing.T, s *Server, who creds, transID string) *node {
	t.Helper()
	tx := must(t, s, who, "Transaction/Search", p("trans_id", transID)).at("transactions/transaction")
	if tx == nil {
		t.Fatalf("transaction %s not listed", transID)
	}
	return tx
}

func TestOrderPendingThenActive(t *testing.T) {
	clk := &clock{t: testNow}
	s := newTestServer(t, WithClock(clk.now), WithOrderDelay(time.Minute))
	r := newOrder(t, s)
	num := r.child("order").attr("order_number")
	transID := r.attr("trans_id")
	if st := r.text1("order/status"); st != "PENDING" {
		t.Fatalf("status %s", st)
	}
	// Charged at once.
	if b, _ := s.Balance(SeedVARAccount); b != "637.00" {
		t.Errorf("balance %s", b)
	}
	o := searchOrder(t, s, num)
	if o.text1("status") != "PENDING" || o.text1("activation_date") != "" || o.text1("product/plan/expiration_date") != "" {
		t.Errorf("pending order: %v %q", o.text1("status"), o.text1("activation_date"))
	}
	tx := txOf(t, s, varUser, transID)
	if tx.text1("status") != "PENDING" || tx.text1("service") != "Order/Create" {
		t.Errorf("transaction %s %s", tx.text1("service"), tx.text1("status"))
	}
	if n := len(must(t, s, varUser, "Transaction/Search", p("order_number", num, "status", "PENDING")).at("transactions").kids); n != 1 {
		t.Errorf("%d PENDING transactions of the order", n)
	}
	clk.add(59 * time.Second)
	if searchOrder(t, s, num).text1("status") != "PENDING" {
		t.Fatal("active before the delay")
	}
	clk.add(time.Second)
	o = searchOrder(t, s, num)
	if o.text1("status") != "ACTIVE" || o.text1("activation_date") != "2019-07-31" || o.text1("product/plan/expiration_date") != "8/30/2019" {
		t.Errorf("after the delay: %s %s %s", o.text1("status"), o.text1("activation_date"), o.text1("product/plan/expiration_date"))
	}
	if st := txOf(t, s, varUser, transID).text1("status"); st != "SUCCESS" {
		t.Errorf("transaction %s", st)
	}
	got, ok := s.Order(num)
	if !ok || got.Status != "ACTIVE" || got.TransID != transID || got.Vars[1] != "353145418070501" || got.ExpirationDate.Format("2006-01-02") != "2019-08-30" {
		t.Errorf("Order() = %+v", got)
	}
	if _, ok := s.Order("nope"); ok {
		t.Error("Order(nope)")
	}
	if all := s.Orders(); len(all) == 0 || all[len(all)-1].Number != num || all[len(all)-1].TransID != transID {
		t.Errorf("Orders() = %+v, want the new order %s last", all, num)
	}
}

func TestOrderCompleteOrders(t *testing.T) {
	s := newTestServer(t, WithOrderDelay(time.Hour))
	a := newOrder(t, s).child("order").attr("order_number")
	b := newOrder(t, s).child("order").attr("order_number")
	s.CompleteOrders()
	for _, n := range []string{a, b} {
		if o, _ := s.Order(n); o.Status != "ACTIVE" {
			t.Errorf("%s: %s", n, o.Status)
		}
	}
}

func TestOrderFailsOnDemand(t *testing.T) {
	for _, delay := range []time.Duration{0, time.Hour} {
		s := newTestServer(t, WithOrderDelay(delay))
		s.FailNextOrder("The SIM card is not active.")
		r := newOrder(t, s)
		num, transID := r.child("order").attr("order_number"), r.attr("trans_id")
		want := "FAILED"
		if delay > 0 {
			want = "PENDING"
		}
		if st := r.text1("order/status"); st != want {
			t.Fatalf("delay %v: status %s", delay, st)
		}
		s.CompleteOrders()
		o := searchOrder(t, s, num)
		if o.text1("status") != "FAILED" || o.text1("error") != "The SIM card is not active." {
			t.Errorf("delay %v: order %s %q", delay, o.text1("status"), o.text1("error"))
		}
		tx := txOf(t, s, varUser, transID)
		if tx.text1("status") != "FAILED" || tx.text1("error") != "The SIM card is not active." {
			t.Errorf("delay %v: transaction %s %q", delay, tx.text1("status"), tx.text1("error"))
		}
		for _, st := range []string{"FAILED", "FAILURE"} {
			if n := len(must(t, s, varUser, "Transaction/Search", p("status", st)).at("transactions").kids); n != 1 {
				t.Errorf("status=%s: %d transactions", st, n)
			}
		}
		// Refunded, alerted; the next order goes through.
		if b, _ := s.Balance(SeedVARAccount); b != SeedVARBalance {
			t.Errorf("balance %s after a refund", b)
		}
		bill := must(t, s, varUser, "Billing/Search", p("order_number", num)).at("billing")
		if len(bill.kids) != 2 || bill.kids[0].text1("type") != "REFUND" || bill.kids[1].text1("type") != "ORDER" {
			t.Errorf("billing of the order: %d", len(bill.kids))
		}
		al := must(t, s, varUser, "Alerts/Search", p("type", "ALERT")).at("Alerts/alert")
		if al.attr("order_number") != num || al.attr("transaction_id") != transID || al.text1("content") != "The SIM card is not active." {
			t.Errorf("alert %v", al.attrs)
		}
		s.CompleteOrders()
		if st := newOrder(t, s).text1("order/status"); st == "FAILED" {
			t.Error("FailNextOrder failed two orders")
		}
	}
	// Calls queue up.
	s := newTestServer(t)
	s.FailNextOrder("one")
	s.FailNextOrder("two")
	for _, want := range []string{"one", "two", ""} {
		num := newOrder(t, s).child("order").attr("order_number")
		if o, _ := s.Order(num); o.Error != want {
			t.Errorf("error %q, want %q", o.Error, want)
		}
	}
}

func TestOrderCreateRules(t *testing.T) {
	s := newTestServer(t)
	f := setup(t, s)
	base := []string{"account_number", SeedCustomer, "rate_plan_id", SeedRatePlan, "var1", "1", "var2", "2"}
	with := func(kv ...string) []string { return append(append([]string{}, base...), kv...) }
	for _, tc := range []struct {
		params []string
		msg    string
	}{
		{[]string{"rate_plan_id", SeedRatePlan}, "The account_number parameter is required."},
		{[]string{"account_number", SeedCustomer}, "The rate_plan_id parameter is required."},
		{with("account_number", "404"), "Customer account 404 not found."},
		{with("rate_plan_id", "404"), "Rate plan 404 not found."},
		{[]string{"account_number", SeedCustomer, "rate_plan_id", SeedRatePlan, "var1", "1"}, "VAR2 (ICCID) is required for this product."},
		{with("var7", "x"), "VAR7 is not defined for product group 73."},
		{[]string{"account_number", SeedCustomer, "rate_plan_id", f.plan2}, "The attached_components parameter is required: product " + f.product2 + " has usage components."},
		{[]string{"account_number", SeedCustomer, "rate_plan_id", f.plan2, "attached_components", "{bad"}, `Invalid attached_components: give a JSON list such as [{"component_id":"15178187","max_units":"1"}].`},
		{[]string{"account_number", SeedCustomer, "rate_plan_id", f.plan2, "attached_components", `[{"max_units":"1"}]`}, "Invalid attached_components: every entry needs a component_id."},
		{[]string{"account_number", SeedCustomer, "rate_plan_id", f.plan2, "attached_components", `[{"component_id":"1"}]`}, "Usage component 1 is not attached to product " + f.product2 + "."},
		{[]string{"account_number", SeedCustomer, "rate_plan_id", f.plan2, "attached_components", `[{"component_id":"` + f.component + `","max_units":"lots"}]`}, "Invalid attached_components: max_units of component " + f.component + " is not a number."},
		{with("payment_method_id", f.cloudPM), "Payment method " + f.cloudPM + " not found on account " + SeedCustomer + "."},
		{with("promo_code", "nope"), "Invalid promo code nope."},
	} {
		do(t, s, varUser, "xml", "Order/Create", p(tc.params...)).wantErr(t, tc.msg)
	}

	// Options variables take one of their options.
	g := must(t, s, coreUser, "ProductGroup/Create", p("name", "Porting Group", "var1", "Number_Port|N|OPTIONS|YES,NO|Porting?|N|Porting")).child("productgroup").attr("product_group_id")
	prod := must(t, s, coreUser, "Plan/Create", p("product_group_id", g, "name", "Porting Product", "description", "A product with options.", "recurring_price", "1.00", "cycle_length", "30")).child("product").attr("product_id")
	plan := must(t, s, varUser, "Plan/Create", p("product_id", prod, "name", "Porting Plan A", "description", "A plan with options.", "recurring_price", "2.00")).child("plan").attr("rate_plan_id")
	do(t, s, varUser, "xml", "Order/Create", p("account_number", SeedCustomer, "rate_plan_id", plan, "var1", "MAYBE")).wantErr(t, "Invalid VAR1 (Number_Port): valid options are YES,NO.")
	must(t, s, varUser, "Order/Create", p("account_number", SeedCustomer, "rate_plan_id", plan, "var1", "yes"))

	// Locked and replenish-only plans, locked product groups.
	must(t, s, varUser, "Plan/Edit", p("rate_plan_id", plan, "status", "2"))
	do(t, s, varUser, "xml", "Order/Create", p("account_number", SeedCustomer, "rate_plan_id", plan)).wantErr(t, "Rate plan "+plan+" is locked.")
	must(t, s, varUser, "Plan/Edit", p("rate_plan_id", plan, "status", "4"))
	do(t, s, varUser, "xml", "Order/Create", p("account_number", SeedCustomer, "rate_plan_id", plan)).wantErr(t, "Rate plan "+plan+" is available for replenishments only.")
	must(t, s, varUser, "Plan/Edit", p("rate_plan_id", plan, "status", "1"))
	must(t, s, coreUser, "ProductGroup/Edit", p("product_group_id", g, "status", "2"))
	do(t, s, varUser, "xml", "Order/Create", p("account_number", SeedCustomer, "rate_plan_id", plan)).wantErr(t, "The product of rate plan "+plan+" is not available.")
	must(t, s, varUser, "Plan/Delete", p("rate_plan_id", plan))
	do(t, s, varUser, "xml", "Order/Create", p("account_number", SeedCustomer, "rate_plan_id", plan)).wantErr(t, "Rate plan "+plan+" has been deleted.")

	// A CORE customer has no VAR plans.
	coreCust := must(t, s, coreUser, "Customer/Create", p("first_name", "Core", "last_name", "Customer")).text1("customer/account_number")
	do(t, s, coreUser, "xml", "Order/Create", p("account_number", coreCust, "rate_plan_id", SeedRatePlan)).wantErr(t, "Rate plan "+SeedRatePlan+" not found.")
}

func TestOrderInsufficientFunds(t *testing.T) {
	s := newTestServer(t)
	must(t, s, coreUser, "Billing/Create", p("cloud_account_type", "VAR", "cloud_account_number", SeedVARAccount, "type", "DEBIT", "amount", "650.00"))
	do(t, s, varUser, "xml", "Order/Create", p("account_number", SeedCustomer, "rate_plan_id", SeedRatePlan, "var1", "1", "var2", "2")).
		wantErr(t, "Insufficient funds: the cloud account balance of 7.00 does not cover the wholesale price of 20.00.")
	if b, _ := s.Balance(SeedVARAccount); b != "7.00" {
		t.Errorf("balance %s", b)
	}
	// A postpaid account may go below zero, within its spending limit.
	must(t, s, coreUser, "CloudAccount/Edit", p("cloud_account_number", SeedVARAccount, "funding_type", "POSTPAID", "cc_reload", "N", "spending_limit", "20.00"))
	newOrder(t, s) // 7.00 - 20.00 = -13.00
	do(t, s, varUser, "xml", "Order/Create", p("account_number", SeedCustomer, "rate_plan_id", SeedRatePlan, "var1", "1", "var2", "2")).
		wantErr(t, "The wholesale price of 20.00 exceeds the cloud account's spending limit of 20.00.")
	// Postpaid transactions are unbilled.
	unbilled := must(t, s, varUser, "Billing/Search", p("billed", "N")).at("billing")
	if len(unbilled.kids) != 1 || unbilled.kids[0].text1("type") != "ORDER" || unbilled.kids[0].text1("end_balance") != "-13.00" {
		t.Errorf("unbilled: %d", len(unbilled.kids))
	}
}

func TestOrderPricesPromoAndCredit(t *testing.T) {
	s := newTestServer(t)
	f := setup(t, s)
	must(t, s, varUser, "Customer/Credit", p("account_number", SeedCustomer, "type", "CREDIT", "amount", "10.00"))
	before, _ := s.Balance(SeedVARAccount)
	// The VAR pays its discount (18.00, set by the CORE); the customer pays
	// the plan less the promo, from its credit first.
	o := newOrder(t, s, "promo_code", "20OFF", "payment_method_id", f.pm).child("order").attr("order_number")
	after, _ := s.Balance(SeedVARAccount)
	if before != "682.00" || after != "664.00" {
		t.Errorf("balance %s → %s", before, after)
	}
	if c, _ := s.Customer(SeedCustomer); c.Credit != "0.00" {
		t.Errorf("credit %s", c.Credit)
	}
	pm := must(t, s, varUser, "PaymentMethod/Search", p("payment_method_id", f.pm)).at("paymentmethod/transactions")
	if last := pm.kids[len(pm.kids)-1]; last.text1("amount") != "2.65" || !strings.Contains(last.text1("details"), o) {
		t.Errorf("card charged %s", last.text1("amount"))
	}
	// Without a payment method the credit stays.
	must(t, s, varUser, "Customer/Credit", p("account_number", SeedCustomer, "type", "CREDIT", "amount", "5.00"))
	newOrder(t, s)
	if c, _ := s.Customer(SeedCustomer); c.Credit != "5.00" {
		t.Errorf("credit %s", c.Credit)
	}
	// Promo rules.
	must(t, s, varUser, "Promo/Create", p("promo_code", "PLAN3", "value", "5.00", "rate_plan_id", f.plan3))
	do(t, s, varUser, "xml", "Order/Create", p("account_number", SeedCustomer, "rate_plan_id", SeedRatePlan, "var1", "1", "var2", "2", "promo_code", "PLAN3")).
		wantErr(t, "Promo code PLAN3 is not valid for rate plan "+SeedRatePlan+".")
	clk := &clock{t: testNow}
	s2 := newTestServer(t, WithClock(clk.now))
	must(t, s2, varUser, "Promo/Create", p("promo_code", "SUMMER", "value", "5.00", "expiration_date", "2019-08-01"))
	must(t, s2, varUser, "Order/Create", p("account_number", SeedCustomer, "rate_plan_id", SeedRatePlan, "var1", "1", "var2", "2", "promo_code", "SUMMER"))
	clk.add(48 * time.Hour)
	do(t, s2, varUser, "xml", "Order/Create", p("account_number", SeedCustomer, "rate_plan_id", SeedRatePlan, "var1", "1", "var2", "2", "promo_code", "SUMMER")).
		wantErr(t, "Promo code SUMMER has expired.")
}

func TestOrderAddOn(t *testing.T) {
	s := newTestServer(t)
	f := setup(t, s)
	addon := must(t, s, coreUser, "Plan/Create", p("product_group_id", SeedProductGroup, "name", "POWER PACK - 1GB", "description", "Adds 1GB of data.",
		"recurring_price", "8.00", "cycle_length", "30", "product_type", "ADD-ON", "replenish_with_plan", "Y")).child("product").attr("product_id")
	plan := must(t, s, varUser, "Plan/Create", p("product_id", addon, "name", "YourBrand PowerPack", "description", "$8 of cash value.", "recurring_price", "8.00")).child("plan").attr("rate_plan_id")
	do(t, s, varUser, "xml", "Order/Create", p("account_number", SeedCustomer, "rate_plan_id", plan)).
		wantErr(t, "The order_number parameter is required when ordering an add-on product.")
	do(t, s, varUser, "xml", "Order/Create", p("account_number", SeedCustomer, "rate_plan_id", plan, "order_number", "X1")).
		wantErr(t, "Order X1 not found on account "+SeedCustomer+".")
	must(t, s, varUser, "Order/Create", p("account_number", SeedCustomer, "rate_plan_id", plan, "order_number", f.order1))
	must(t, s, varUser, "Order/Cancel", p("account_number", SeedCustomer, "order_number", f.order1))
	do(t, s, varUser, "xml", "Order/Create", p("account_number", SeedCustomer, "rate_plan_id", plan, "order_number", f.order1)).
		wantErr(t, "Add-on rate plan "+plan+" cannot be added to order "+f.order1+".")
	// Qualify for add-ons needs the order.
	do(t, s, varUser, "xml", "Customer/Qualify", p("account_number", SeedCustomer, "product_type", "ADD-ON")).
		wantErr(t, "The order_number parameter is required when qualify_type is REPLENISH or product_type is ADD-ON.")
	q := must(t, s, varUser, "Customer/Qualify", p("account_number", SeedCustomer, "product_type", "ADD-ON", "order_number", f.order2)).at("customer/qualify")
	if len(q.kids) != 1 || q.kids[0].text1("TYPE") != "ADD-ON" || q.kids[0].text1("EXPIRATION_DAYS") != "WITH PLAN" || q.kids[0].at("VARProduct").attr("id") != plan {
		t.Errorf("add-on qualify: %d products", len(q.kids))
	}
}

func TestOrderStatusMoveCancel(t *testing.T) {
	s := newTestServer(t, WithOrderDelay(time.Hour))
	f := setup(t, s)
	toggle := func(want string) {
		t.Helper()
		if st := must(t, s, varUser, "Order/Status", p("account_number", SeedCustomer, "order_number", f.order1)).text1("order/status"); st != want {
			t.Errorf("toggled to %s, want %s", st, want)
		}
	}
	toggle("SUSPENDED")
	toggle("ACTIVE")
	do(t, s, varUser, "xml", "Order/Status", p("account_number", f.customer2, "order_number", f.order1)).
		wantErr(t, "Order "+f.order1+" not found on account "+f.customer2+".")
	pending := newOrder(t, s).child("order").attr("order_number")
	do(t, s, varUser, "xml", "Order/Status", p("account_number", SeedCustomer, "order_number", pending)).
		wantErr(t, "Only ACTIVE and SUSPENDED orders can be toggled; order "+pending+" is PENDING.")

	// Move.
	do(t, s, varUser, "xml", "Order/Move", p("order_number", f.order1, "account_number", SeedCustomer, "new_account_number", SeedCustomer)).
		wantErr(t, "Order "+f.order1+" is already on account "+SeedCustomer+".")
	do(t, s, varUser, "xml", "Order/Move", p("order_number", f.order1, "account_number", SeedCustomer, "new_account_number", "404")).
		wantErr(t, "Customer account 404 not found.")
	coreCust := must(t, s, coreUser, "Customer/Create", p("first_name", "Core", "last_name", "Customer")).text1("customer/account_number")
	do(t, s, coreUser, "xml", "Order/Move", p("order_number", f.order1, "account_number", SeedCustomer, "new_account_number", coreCust)).
		wantErr(t, "Order "+f.order1+" cannot be moved to account "+coreCust+": its rate plan is not offered there.")
	if got := must(t, s, varUser, "Order/Move", p("order_number", f.order1, "account_number", SeedCustomer, "new_account_number", f.customer2)).text1("order/new_account_number"); got != f.customer2 {
		t.Errorf("moved to %s", got)
	}
	if o, _ := s.Order(f.order1); o.AccountNumber != f.customer2 {
		t.Errorf("order on %s", o.AccountNumber)
	}
	if n := len(must(t, s, varUser, "Order/Search", p("account_number", f.customer2)).at("Orders").kids); n != 2 {
		t.Errorf("%d orders on the new account", n)
	}

	// Cancel: a PENDING order is refunded.
	before, _ := s.Balance(SeedVARAccount)
	if st := must(t, s, varUser, "Order/Cancel", p("account_number", SeedCustomer, "order_number", pending)).text1("order/status"); st != "CANCELLED" {
		t.Errorf("status %s", st)
	}
	after, _ := s.Balance(SeedVARAccount)
	if before == after {
		t.Errorf("no refund: %s", after)
	}
	do(t, s, varUser, "xml", "Order/Cancel", p("account_number", SeedCustomer, "order_number", pending)).wantErr(t, "Order "+pending+" is already cancelled.")
	if tx, _ := s.Transaction(mustOrder(t, s, pending).TransID); tx.Status != "FAILED" || tx.Error != "The order was cancelled while pending." {
		t.Errorf("create transaction %+v", tx)
	}
	s.FailNextOrder("x")
	failed := newOrder(t, s).child("order").attr("order_number")
	s.CompleteOrders()
	do(t, s, varUser, "xml", "Order/Cancel", p("account_number", SeedCustomer, "order_number", failed)).wantErr(t, "Order "+failed+" has failed and cannot be cancelled.")
	// Search filters on status.
	for _, tc := range []struct {
		params []string
		want   int
	}{
		{[]string{"account_number", SeedCustomer}, 3},
		{[]string{"account_number", SeedCustomer, "hide_cancelled", "Y"}, 2},
		{[]string{"account_number", SeedCustomer, "status", "ALL BUT CANCELLED"}, 2},
		{[]string{"account_number", SeedCustomer, "status", "failed"}, 1},
		{[]string{"product_id", f.product2}, 1},
		{[]string{"rate_plan_id", SeedRatePlan, "var1", "353145418070502"}, 1},
	} {
		if n := len(must(t, s, varUser, "Order/Search", p(tc.params...)).at("Orders").kids); n != tc.want {
			t.Errorf("Order/Search %v: %d orders, want %d", tc.params, n, tc.want)
		}
	}
	do(t, s, varUser, "xml", "Order/Search", p("status", "GONE")).wantErr(t, "Invalid status: valid options are ACTIVE, PENDING, SUSPENDED, NON-PAY, FAILED, CANCELLED or ALL BUT CANCELLED.")
	do(t, s, varUser, "xml", "Order/Search", p("hide_cancelled", "yes")).wantErr(t, "Invalid hide_cancelled: it must be Y or N.")
}

// mustOrder is s.Order, failing the test when there is none.
func mustOrder(t *testing.T, s *Server, number string) Order {
	t.Helper()
	o, ok := s.Order(number)
	if !ok {
		t.Fatalf("no order %s", number)
	}
	return o
}

func TestOrderSwap(t *testing.T) {
	s := newTestServer(t)
	f := setup(t, s)
	do(t, s, varUser, "xml", "Order/Swap", p("account_number", SeedCustomer, "order_number", f.order1)).wantErr(t, "Provide at least one variable (var1 … var20) to swap.")
	do(t, s, varUser, "xml", "Order/Swap", p("account_number", SeedCustomer, "order_number", f.order1, "var3", "4695551212")).wantErr(t, "VAR3 (MDN) is not swappable.")
	do(t, s, varUser, "xml", "Order/Swap", p("account_number", SeedCustomer, "order_number", f.order1, "var9", "x")).wantErr(t, "VAR9 is not defined for product group 73.")
	must(t, s, varUser, "Order/Swap", p("account_number", SeedCustomer, "order_number", f.order1, "var2", "8901410327181000000"))
	v := searchOrder(t, s, f.order1).child("variables")
	if v.text1("VAR2") != "8901410327181000000" || v.child("VAR2").attr("NAME") != "ICCID" || v.text1("VAR1") != "353145418070501" {
		t.Errorf("variables after the swap: %s %s", v.text1("VAR1"), v.text1("VAR2"))
	}
	must(t, s, varUser, "Order/Cancel", p("account_number", SeedCustomer, "order_number", f.order1))
	do(t, s, varUser, "xml", "Order/Swap", p("account_number", SeedCustomer, "order_number", f.order1, "var2", "1")).
		wantErr(t, "Order "+f.order1+" is CANCELLED: only ACTIVE or SUSPENDED orders can be swapped.")
}

func TestOrderReplenishAndUnstack(t *testing.T) {
	clk := &clock{t: testNow}
	s := newTestServer(t, WithClock(clk.now))
	f := setup(t, s)
	before, _ := s.Balance(SeedVARAccount)
	// Same plan: the cycle is added to the expiration, the discount price debited.
	exp := must(t, s, varUser, "Order/Replenish", p("account_number", SeedCustomer, "order_number", f.order1)).text1("order/expiration_date")
	if exp != "9/29/2019" {
		t.Errorf("expiration %s", exp)
	}
	after, _ := s.Balance(SeedVARAccount)
	if before != "682.00" || after != "664.00" {
		t.Errorf("balance %s → %s", before, after)
	}
	if tx := must(t, s, varUser, "Billing/Search", p("order_number", f.order1)).at("billing/transaction"); tx.text1("type") != "REPLENISHMENT" || tx.text1("amount") != "18.00" {
		t.Errorf("billing %s %s", tx.text1("type"), tx.text1("amount"))
	}
	// A plan of another product group is refused; a missing payment method too.
	other := must(t, s, coreUser, "ProductGroup/Create", p("name", "Other Group")).child("productgroup").attr("product_group_id")
	prod := must(t, s, coreUser, "Plan/Create", p("product_group_id", other, "name", "Other Product", "description", "Another product.", "recurring_price", "1.00", "cycle_length", "7")).child("product").attr("product_id")
	plan := must(t, s, varUser, "Plan/Create", p("product_id", prod, "name", "Other Plan 1", "description", "Another plan.", "recurring_price", "1.00")).child("plan").attr("rate_plan_id")
	do(t, s, varUser, "xml", "Order/Replenish", p("account_number", SeedCustomer, "order_number", f.order1, "rate_plan_id", plan)).
		wantErr(t, "Rate plan "+plan+" is not in the product group of order "+f.order1+".")
	do(t, s, varUser, "xml", "Order/Replenish", p("account_number", SeedCustomer, "order_number", f.order1, "paymentmethod_id", "999")).
		wantErr(t, "Payment method 999 not found on account "+SeedCustomer+".")
	// A replenish-only plan may be used; a usage component resets with the cycle.
	must(t, s, varUser, "Plan/Edit", p("rate_plan_id", f.plan3, "status", "4"))
	must(t, s, varUser, "Order/ReportUsage", p("account_number", SeedCustomer, "order_number", f.order2, "component_id", f.component, "units", "50"))
	must(t, s, varUser, "Order/Replenish", p("account_number", SeedCustomer, "order_number", f.order2))
	if o := mustOrder(t, s, f.order2); o.Usage[f.component] != 0 {
		t.Errorf("usage %v after a replenishment", o.Usage)
	}
	// Another plan of the group is stacked.
	exp = must(t, s, varUser, "Order/Replenish", p("account_number", SeedCustomer, "order_number", f.order1, "rate_plan_id", f.plan3, "paymentmethod_id", f.pm)).text1("order/expiration_date")
	if exp != "10/29/2019" {
		t.Errorf("expiration %s", exp)
	}
	o := mustOrder(t, s, f.order1)
	if o.RatePlanID != SeedRatePlan || len(o.StackedPlans) != 1 {
		t.Fatalf("order %+v", o)
	}
	st := searchOrder(t, s, f.order1).at("stacked_plans/plan")
	if st.attr("rate_plan_id") != f.plan3 || st.attr("stacked_plan_id") != o.StackedPlans[0] {
		t.Errorf("stacked plan %v", st.attrs)
	}
	do(t, s, varUser, "xml", "Order/Unstack", p("account_number", SeedCustomer, "order_number", f.order1, "stacked_plan_id", "1")).
		wantErr(t, "Stacked plan 1 not found on order "+f.order1+".")
	clk.add(24 * time.Hour)
	u := must(t, s, varUser, "Order/Unstack", p("account_number", SeedCustomer, "order_number", f.order1, "stacked_plan_id", o.StackedPlans[0])).child("order")
	if u.text1("rate_plan_id") != f.plan3 || u.text1("expiration_date") != "8/31/2019" {
		t.Errorf("unstacked: %s %s", u.text1("rate_plan_id"), u.text1("expiration_date"))
	}
	if o := mustOrder(t, s, f.order1); o.RatePlanID != f.plan3 || len(o.StackedPlans) != 0 {
		t.Errorf("after Unstack: %+v", o)
	}
	// NON-PAY orders come back ACTIVE; cancelled ones cannot be replenished.
	must(t, s, varUser, "Order/Update", p("account_number", SeedCustomer, "order_number", f.order1, "status", "NON-PAY"))
	must(t, s, varUser, "Order/Replenish", p("account_number", SeedCustomer, "order_number", f.order1))
	if o := mustOrder(t, s, f.order1); o.Status != "ACTIVE" {
		t.Errorf("status %s", o.Status)
	}
	must(t, s, varUser, "Order/Cancel", p("account_number", SeedCustomer, "order_number", f.order1))
	do(t, s, varUser, "xml", "Order/Replenish", p("account_number", SeedCustomer, "order_number", f.order1)).wantErr(t, "Order "+f.order1+" is CANCELLED and cannot be replenished.")
	do(t, s, varUser, "xml", "Order/Unstack", p("account_number", SeedCustomer, "order_number", f.order1, "stacked_plan_id", "1")).
		wantErr(t, "Order "+f.order1+" is CANCELLED: only ACTIVE or SUSPENDED orders can be changed.")
	// A deleted plan must be replaced on replenishment.
	must(t, s, varUser, "Plan/Delete", p("rate_plan_id", f.plan2))
	do(t, s, varUser, "xml", "Order/Replenish", p("account_number", SeedCustomer, "order_number", f.order2)).
		wantErr(t, "The rate plan of order "+f.order2+" has been deleted: provide a rate_plan_id.")
}

func TestOrderUpdate(t *testing.T) {
	s := newTestServer(t, WithOrderDelay(time.Hour))
	pending := newOrder(t, s).child("order").attr("order_number")
	do(t, s, varUser, "xml", "Order/Update", p("account_number", SeedCustomer, "order_number", pending, "status", "SUSPENDED")).
		wantErr(t, "A PENDING order can only be set to ACTIVE, FAILED or CANCELLED.")
	do(t, s, varUser, "xml", "Order/Update", p("account_number", SeedCustomer, "order_number", pending, "expiration_date", "2019-08-01")).
		wantErr(t, "Invalid expiration_date: the format is M/D/YYYY, for example 8/15/2019.")
	do(t, s, varUser, "xml", "Order/Update", p("account_number", SeedCustomer, "order_number", pending, "status", "DONE")).
		wantErr(t, "Invalid status: valid options are ACTIVE, SUSPENDED, NON-PAY, FAILED or CANCELLED.")
	// PENDING → FAILED with the module's error: refunded, shown on the
	// Order/Create transaction.
	must(t, s, varUser, "Order/Update", p("account_number", SeedCustomer, "order_number", pending, "status", "FAILED", "error", "Carrier rejected the IMEI."))
	o := mustOrder(t, s, pending)
	tx, _ := s.Transaction(o.TransID)
	if o.Status != "FAILED" || o.Error != "Carrier rejected the IMEI." || tx.Status != "FAILED" || tx.Error != "Carrier rejected the IMEI." {
		t.Errorf("order %+v, transaction %+v", o, tx)
	}
	if b, _ := s.Balance(SeedVARAccount); b != SeedVARBalance {
		t.Errorf("balance %s", b)
	}
	do(t, s, varUser, "xml", "Order/Update", p("account_number", SeedCustomer, "order_number", pending, "status", "ACTIVE")).
		wantErr(t, "Order "+pending+" is FAILED and cannot be changed to ACTIVE.")
	// Without an error text, a default one.
	second := newOrder(t, s).child("order").attr("order_number")
	must(t, s, varUser, "Order/Update", p("account_number", SeedCustomer, "order_number", second, "status", "FAILED"))
	if o := mustOrder(t, s, second); o.Error != "The order failed." {
		t.Errorf("error %q", o.Error)
	}
	// PENDING → ACTIVE completes the order (even one FailNextOrder marked).
	s.FailNextOrder("would fail")
	third := newOrder(t, s).child("order").attr("order_number")
	must(t, s, varUser, "Order/Update", p("account_number", SeedCustomer, "order_number", third, "status", "ACTIVE"))
	if o := mustOrder(t, s, third); o.Status != "ACTIVE" || o.Error != "" {
		t.Errorf("order %+v", o)
	}
	// Set any status but FAILED, the expiration, any variable.
	do(t, s, varUser, "xml", "Order/Update", p("account_number", SeedCustomer, "order_number", third, "status", "FAILED")).
		wantErr(t, "Only PENDING orders can be set to FAILED.")
	must(t, s, varUser, "Order/Update", p("account_number", SeedCustomer, "order_number", third, "status", "NON-PAY", "expiration_date", "12/1/2019", "var3", "4695551212"))
	o = mustOrder(t, s, third)
	if o.Status != "NON-PAY" || o.ExpirationDate.Format("1/2/2006") != "12/1/2019" || o.Vars[3] != "4695551212" {
		t.Errorf("order %+v", o)
	}
	do(t, s, varUser, "xml", "Order/Update", p("account_number", SeedCustomer, "order_number", third, "var6", "x")).
		wantErr(t, "VAR6 is not defined for product group 73.")
	// PENDING → CANCELLED refunds.
	fourth := newOrder(t, s).child("order").attr("order_number")
	must(t, s, varUser, "Order/Update", p("account_number", SeedCustomer, "order_number", fourth, "status", "CANCELLED"))
	if o := mustOrder(t, s, fourth); o.Status != "CANCELLED" {
		t.Errorf("status %s", o.Status)
	}
}

func TestOrderReportUsage(t *testing.T) {
	s := newTestServer(t)
	f := setup(t, s)
	report := func(units, mode string) *node {
		t.Helper()
		return must(t, s, varUser, "Order/ReportUsage", p("account_number", SeedCustomer, "order_number", f.order2,
			"component_id", f.component, "units", units, "type", mode)).at("order/ProductComponents/component")
	}
	before, _ := s.Balance(SeedVARAccount)
	// Starting quantity 100 at 0.0030: the first 100 units are free.
	c := report("60", "")
	if c.text1("old_value") != "0" || c.text1("new_value") != "60" || c.text1("total") != "0" {
		t.Errorf("first report: %s → %s, %s", c.text1("old_value"), c.text1("new_value"), c.text1("total"))
	}
	c = report("1014", "cumulative")
	if c.text1("new_value") != "1014" || c.text1("total") != "2.742" || c.text1("unit_price") != "0.0030" {
		t.Errorf("cumulative: %s %s", c.text1("new_value"), c.text1("total"))
	}
	c = report("500", "additive")
	if c.text1("old_value") != "1014" || c.text1("new_value") != "1514" || c.text1("total") != "1.5" {
		t.Errorf("additive: %s → %s, %s", c.text1("old_value"), c.text1("new_value"), c.text1("total"))
	}
	after, _ := s.Balance(SeedVARAccount)
	if before != "682.00" || after != "677.76" { // 2.74 + 1.50
		t.Errorf("balance %s → %s", before, after)
	}
	o := searchOrder(t, s, f.order2).at("ProductComponents/component")
	if o.text1("units") != "1514" || o.text1("max_units") != "5000" {
		t.Errorf("order usage %s / %s", o.text1("units"), o.text1("max_units"))
	}
	if got := mustOrder(t, s, f.order2).Usage[f.component]; got != 1514 {
		t.Errorf("Usage %v", got)
	}
	usage := must(t, s, varUser, "Reports/Search", p("account_number", SeedCustomer)).text1("Reports/financial/wholesale_spend/current_month")
	if usage != "39.24" { // order1 20.00, order2 15.00, usage 4.24
		t.Errorf("wholesale spend %s", usage)
	}
	for _, tc := range []struct {
		params []string
		msg    string
	}{
		{[]string{"units", "ten"}, "Invalid units: give a number of units of zero or more."},
		{[]string{"units", "-1"}, "Invalid units: give a number of units of zero or more."},
		{[]string{"units", "1", "type", "sum"}, "Invalid type: valid options are additive or cumulative."},
		{[]string{"units", "1", "component_id", "42"}, "Usage component 42 is not attached to order " + f.order2 + "."},
	} {
		params := p("account_number", SeedCustomer, "order_number", f.order2, "component_id", f.component)
		for k, v := range p(tc.params...) {
			params[k] = v
		}
		do(t, s, varUser, "xml", "Order/ReportUsage", params).wantErr(t, tc.msg)
	}
	must(t, s, varUser, "Order/Status", p("account_number", SeedCustomer, "order_number", f.order2))
	do(t, s, varUser, "xml", "Order/ReportUsage", p("account_number", SeedCustomer, "order_number", f.order2, "component_id", f.component, "units", "1")).
		wantErr(t, "Usage can only be reported on ACTIVE orders; order "+f.order2+" is SUSPENDED.")
}

func TestSeedOrder(t *testing.T) {
	clk := &clock{t: testNow}
	s := newTestServer(t, WithClock(clk.now), WithOrderDelay(time.Minute))
	cu := s.SeedCustomer(Customer{AccountNumber: "7200001", FirstName: "Seeded", LastName: "Person"})
	got := s.SeedOrder(Order{Number: "9000AB9000", AccountNumber: cu.AccountNumber, RatePlanID: SeedRatePlan,
		Vars: map[int]string{1: "353145418070501", 2: "8901410327181008559"}})
	if got.Status != "ACTIVE" || got.ActivationDate.IsZero() || got.ExpirationDate.IsZero() || got.ProductID != SeedProduct {
		t.Fatalf("SeedOrder = %+v", got)
	}
	o := searchOrder(t, s, "9000AB9000")
	if o.text1("status") != "ACTIVE" {
		t.Errorf("the seeded order over the API: status %q", o.text1("status"))
	}
	// The API works on it: Order/Status suspends it.
	must(t, s, varUser, "Order/Status", p("account_number", cu.AccountNumber, "order_number", "9000AB9000"))
	if o, _ := s.Order("9000AB9000"); o.Status != "SUSPENDED" {
		t.Errorf("after Order/Status: %s", o.Status)
	}
	// An order placed afterwards gets a number past the seeded one.
	next := newOrder(t, s).child("order").attr("order_number")
	if n, _ := strconv.Atoi(leadingDigits(next)); n <= 9000 {
		t.Errorf("next order number %s, want above 9000", next)
	}
	// A PENDING one completes like a placed one; seeding a stored number
	// replaces that order.
	n := len(s.Orders())
	s.SeedOrder(Order{Number: "9000AB9000", AccountNumber: cu.AccountNumber, RatePlanID: SeedRatePlan, Status: "PENDING"})
	if o, _ := s.Order("9000AB9000"); o.Status != "PENDING" || len(s.Orders()) != n {
		t.Errorf("after replacing: %+v (%d orders, want %d)", o, len(s.Orders()), n)
	}
	s.CompleteOrders()
	if o, _ := s.Order("9000AB9000"); o.Status != "ACTIVE" {
		t.Errorf("after CompleteOrders: %s", o.Status)
	}
	for name, o := range map[string]Order{
		"unknown customer":  {AccountNumber: "1", RatePlanID: SeedRatePlan},
		"unknown rate plan": {AccountNumber: cu.AccountNumber, RatePlanID: "1"},
		"unknown status":    {AccountNumber: cu.AccountNumber, RatePlanID: SeedRatePlan, Status: "DONE"},
		"undefined var":     {AccountNumber: cu.AccountNumber, RatePlanID: SeedRatePlan, Vars: map[int]string{19: "x"}},
		"unknown parent":    {AccountNumber: cu.AccountNumber, RatePlanID: SeedRatePlan, Parent: "1A1"},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			s.SeedOrder(o)
		}()
	}
}

func TestRatePlans(t *testing.T) {
	s := newFixed(t)
	found := false
	for _, rp := range s.RatePlans() {
		if rp.ID == SeedRatePlan {
			found = rp.CloudAccount == SeedVARAccount && rp.ProductID == SeedProduct && rp.Status == 1
		}
	}
	if !found {
		t.Errorf("RatePlans has no %s of %s on product %s: %+v", SeedRatePlan, SeedVARAccount, SeedProduct, s.RatePlans())
	}
}

func TestSeedRatePlan(t *testing.T) {
	s := newFixed(t)
	got := s.SeedRatePlan(RatePlan{ID: "60000", ProductID: SeedProduct, Name: "Seeded Gig Plan", Description: "A seeded rate plan",
		RecurringPrice: "30.00", SetupPrice: "5.00"})
	if got.CloudAccount != SeedVARAccount || got.Status != 1 || got.RecurringPrice != "30.00" || got.AutopayDiscount != "0.00" {
		t.Fatalf("SeedRatePlan = %+v", got)
	}
	// Plan/Search lists it under its product, and it can be ordered.
	var names []string
	for _, plan := range must(t, s, varUser, "Plan/Search", p("product_group_id", SeedProductGroup)).at("Plans/product").all("plan") {
		names = append(names, plan.text1("name"))
	}
	if !strings.Contains(strings.Join(names, ","), "Seeded Gig Plan") {
		t.Errorf("Plan/Search lists %v, want the seeded plan", names)
	}
	must(t, s, varUser, "Order/Create", p("account_number", SeedCustomer, "rate_plan_id", "60000", "var1", "353145418070501", "var2", "8901410327181008559"))
	// A plan created afterwards gets an id past the seeded one.
	next := must(t, s, varUser, "Plan/Create", p("product_id", SeedProduct, "name", "Another plan", "description", "Another rate plan",
		"recurring_price", "10.00")).child("plan").attr("rate_plan_id")
	if n, _ := strconv.Atoi(next); n <= 60000 {
		t.Errorf("next rate plan id %s, want above 60000", next)
	}
	// Seeding a stored id replaces it.
	s.SeedRatePlan(RatePlan{ID: "60000", ProductID: SeedProduct, Name: "Renamed plan", Status: 2})
	for _, rp := range s.RatePlans() {
		if rp.ID == "60000" && (rp.Name != "Renamed plan" || rp.Status != 2 || rp.RecurringPrice != "0.00") {
			t.Errorf("after replacing: %+v", rp)
		}
	}
	for name, rp := range map[string]RatePlan{
		"unknown cloud account": {CloudAccount: "999", ProductID: SeedProduct},
		"unknown product":       {ProductID: "1"},
		"bad amount":            {ProductID: SeedProduct, RecurringPrice: "lots"},
		"bad status":            {ProductID: SeedProduct, Status: 3},
		"unattached component":  {ProductID: SeedProduct, MaxUnits: map[string]string{"1": "5"}},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			s.SeedRatePlan(rp)
		}()
	}
}
