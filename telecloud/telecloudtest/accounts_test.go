package telecloudtest

import (
	"net/url"
	"testing"
)

// ruleCase is a call refused with a message.
type ruleCase struct {
	who    creds
	op     string
	params url.Values
	msg    string
}

// checkRules runs refused calls in both formats: the same message, and a
// trans_id on the non-search ones.
func checkRules(t *testing.T, s *Server, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		for _, format := range []string{"xml", "json"} {
			r := do(t, s, tc.who, format, tc.op, tc.params)
			t.Run(tc.op+"_"+format, func(t *testing.T) {
				r.wantErr(t, tc.msg)
				if (r.transID(t) == "") != routes[tc.op].search {
					t.Errorf("%s: trans_id %q", tc.op, r.transID(t))
				}
			})
		}
	}
}

func TestCloudAccountRules(t *testing.T) {
	s := newTestServer(t)
	f := setup(t, s)
	create := func(kv ...string) url.Values {
		return p(append([]string{"cloud_account_type", "PARTNER", "company_name", "Dealer Two", "email", "two@example.com"}, kv...)...)
	}
	checkRules(t, s, []ruleCase{
		{varUser, "CloudAccount/Create", p("company_name", "X", "email", "x@example.com"), "The cloud_account_type parameter is required."},
		{varUser, "CloudAccount/Create", create("cloud_account_type", "RESELLER"), "Invalid cloud_account_type: valid options are CORE, VAR, PARTNER or AFFILIATE."},
		{varUser, "CloudAccount/Create", create("cloud_account_type", "VAR"), "A VAR account can only create accounts below its own level, not VAR accounts."},
		{coreUser, "CloudAccount/Create", create("cloud_account_type", "CORE"), "A CORE account can only create accounts below its own level, not CORE accounts."},
		{varUser, "CloudAccount/Create", create("email", "nope"), "Invalid email: nope is not an e-mail address."},
		{varUser, "CloudAccount/Create", create("funding_type", "CREDIT"), "Invalid funding_type: valid options are PREPAID or POSTPAID."},
		{varUser, "CloudAccount/Create", create("maintenance_fee_type", "Weekly"), "Invalid maintenance_fee_type: valid options are Monthly or Yearly."},
		{varUser, "CloudAccount/Create", create("maintenance_fee", "50"+"x"), "A full dollar amount must be supplied for the maintenance fee."},
		{varUser, "CloudAccount/Create", create("per_order_fee", "1.234"), "A full dollar amount must be supplied for the per order fee."},
		{varUser, "CloudAccount/Create", create("spending_limit", "-5.00"), "A full dollar amount must be supplied for the spending limit."},
		{varUser, "CloudAccount/Create", create("maintenance_fee_day", "29"), "Invalid maintenance_fee_day: the day of the month must be between 1 and 28."},
		{varUser, "CloudAccount/Create", create("maintenance_fee_day", "0"), "Invalid maintenance_fee_day: the day of the month must be between 1 and 28."},
		{varUser, "CloudAccount/Create", create("maintenance_fee_day", "first"), "Invalid maintenance_fee_day: the day of the month must be between 1 and 28."},
		{varUser, "CloudAccount/Create", create("maintenance_fee_month", "Smarch"), "Invalid maintenance_fee_month: valid options are January, February, March, April, May, June, July, August, September, October, November or December."},
		{varUser, "CloudAccount/Create", create("restrict_customers", "yes"), "Invalid restrict_customers: it must be Y or N."},
		{varUser, "CloudAccount/Create", create("maintenance_fee_type", "Yearly", "deduct_wholesale", "Y"), "deduct_wholesale applies to Monthly maintenance fees only."},
		{varUser, "CloudAccount/Create", create("funding_type", "POSTPAID", "cc_reload", "Y"), "cc_reload is available to PREPAID accounts only."},
		{varUser, "CloudAccount/Edit", p("cloud_account_number", SeedVARAccount), "Cloud account " + SeedVARAccount + " is your own account: only accounts under your control can be changed here."},
		{varUser, "CloudAccount/Edit", p("cloud_account_number", SeedCoreAccount), "Cloud account " + SeedCoreAccount + " not found."},
		{varUser, "CloudAccount/Edit", p("cloud_account_number", f.partner, "cloud_account_type", "AFFILIATE"), "Cloud account " + f.partner + " is a PARTNER account, not AFFILIATE."},
		{varUser, "CloudAccount/Edit", p("cloud_account_number", f.partner, "status", "3"), "Invalid status: valid options are 1 or 2."},
		{varUser, "CloudAccount/Edit", p("cloud_account_number", f.partner, "email", "bad"), "Invalid email: bad is not an e-mail address."},
		{coreUser, "CloudAccount/Delete", p("cloud_account_type", "VAR", "cloud_account_number", SeedVARAccount), "Cloud account " + SeedVARAccount + " has cloud accounts under it and cannot be deleted."},
		{varUser, "CloudAccount/Search", p("orders", "1"), "Invalid orders: it must be Y or N."},
		{varUser, "CloudAccount/Search", p("cloud_account_type", "SHOP"), "Invalid cloud_account_type: valid options are CORE, VAR, PARTNER or AFFILIATE."},
		{varUser, "CloudAccount/Search", p("cloud_account_number", "1"), "Cloud account 1 not found."},
	})

	// A CORE deletes a VAR only once it has no accounts and no customers.
	v := must(t, s, coreUser, "CloudAccount/Create", p("cloud_account_type", "VAR", "company_name", "Second VAR", "email", "v2@example.com")).child("cloud_account")
	num := v.attr("cloud_account_number")
	c := must(t, s, coreUser, "Customer/Create", p("first_name", "A", "last_name", "B")).text1("customer/account_number")
	_ = c
	if _, err := s.AddCredentials(num, "v2", "v2key"); err != nil {
		t.Fatal(err)
	}
	must(t, s, creds{"v2", "v2key"}, "Customer/Create", p("first_name", "C", "last_name", "D"))
	do(t, s, coreUser, "xml", "CloudAccount/Delete", p("cloud_account_type", "VAR", "cloud_account_number", num)).
		wantErr(t, "Cloud account "+num+" has customer accounts and cannot be deleted.")
}

func TestCloudAccountLifecycle(t *testing.T) {
	s := newFixed(t)
	f := setup(t, s)
	// Create: the initial login is made from the e-mail.
	a := must(t, s, varUser, "CloudAccount/Create", p("cloud_account_type", "AFFILIATE", "company_name", "Corner Shop", "first_name", "Al",
		"last_name", "Shop", "address1", "1 Main", "address2", "Suite 2", "city", "Town", "state", "TX", "zip_code", "75001",
		"email", "al@shop.example", "contact_phone", "5551234", "funding_type", "PREPAID", "maintenance_fee_type", "Yearly",
		"maintenance_fee", "50.00", "maintenance_fee_month", "march", "per_order_fee", "1.00", "restrict_customers", "Y", "cc_reload", "Y")).child("cloud_account")
	if a.attr("account_type") != "AFFILIATE" || len(a.attr("cloud_account_number")) != 10 || a.attr("id") == "" {
		t.Fatalf("created %v", a.attrs)
	}
	num := a.attr("cloud_account_number")
	got := must(t, s, varUser, "CloudAccount/Search", p("cloud_account_number", num)).child("cloud_account")
	for path, want := range map[string]string{
		"COREID": SeedCoreAccount, "VARID": SeedVARAccount, "PARTNERID": "", "ACCOUNT_TYPE": "AFFILIATE",
		"COMPANY_NAME": "Corner Shop", "ADDRESS2": "Suite 2", "MAINTENANCE_FEE": "50.00", "MAINTENANCE_FEE_TYPE": "Yearly",
		"MAINTENANCE_FEE_MONTH": "March", "SPENDING_LIMIT": "0.00", "STATUS": "1", "FUNDING_TYPE": "PREPAID",
		"SINCE": "2019-07-31", "NOTIFICATION_EMAIL": "al@shop.example", "TICKET_PIPE_EMAIL": "cornershop" + num + "@secureaccesspoint.com",
	} {
		if got.text1(path) != want {
			t.Errorf("%s = %q, want %q", path, got.text1(path), want)
		}
	}
	// The list: every account under the caller, or of one type; dashboard
	// mode: the caller only.
	if n := len(must(t, s, varUser, "CloudAccount/Search", nil).all("cloud_account")); n != 2 {
		t.Errorf("%d accounts under the VAR", n)
	}
	if n := len(must(t, s, coreUser, "CloudAccount/Search", p("cloud_account_type", "AFFILIATE")).all("cloud_account")); n != 1 {
		t.Errorf("%d affiliates", n)
	}
	if d := must(t, s, varUser, "CloudAccount/Search", p("dashboard", "Y")).all("cloud_account"); len(d) != 1 || d[0].attr("cloud_account_number") != SeedVARAccount {
		t.Errorf("dashboard: %d", len(d))
	}
	// One account with its orders, billing and discounts.
	one := must(t, s, coreUser, "CloudAccount/Search", p("cloud_account_number", SeedVARAccount, "orders", "Y", "transactions", "Y", "discounts", "Y")).child("cloud_account")
	if n := len(one.at("orders").all("order")); n != 3 {
		t.Errorf("%d orders", n)
	}
	if n := len(one.at("billing").all("transaction")); n < 4 {
		t.Errorf("%d billing transactions", n)
	}
	if d := one.at("discounts/discount"); d.text1("product_id") != SeedProduct || d.text1("discount_price") != "18.00" {
		t.Errorf("discount %s %s", d.text1("product_id"), d.text1("discount_price"))
	}
	// Edit and suspend.
	must(t, s, varUser, "CloudAccount/Edit", p("cloud_account_number", num, "cloud_account_type", "AFFILIATE", "company_name", "Corner Store", "status", "2", "maintenance_fee_day", "15"))
	got = must(t, s, varUser, "CloudAccount/Search", p("cloud_account_number", num)).child("cloud_account")
	if got.text1("COMPANY_NAME") != "Corner Store" || got.text1("STATUS") != "2" || got.text1("MAINTENANCE_FEE_DAY") != "15" {
		t.Errorf("after Edit: %s %s", got.text1("COMPANY_NAME"), got.text1("STATUS"))
	}
	// Delete.
	d := must(t, s, varUser, "CloudAccount/Delete", p("cloud_account_type", "AFFILIATE", "cloud_account_number", num)).child("cloud_account")
	if d.attr("cloud_account_number") != num {
		t.Errorf("deleted %v", d.attrs)
	}
	do(t, s, varUser, "xml", "CloudAccount/Search", p("cloud_account_number", num)).wantErr(t, "Cloud account "+num+" not found.")
	if _, ok := s.Balance(num); ok {
		t.Error("Balance of a deleted account")
	}
	_ = f
}

func TestBilling(t *testing.T) {
	s := newFixed(t)
	f := setup(t, s)
	checkRules(t, s, []ruleCase{
		{coreUser, "Billing/Create", p("cloud_account_type", "VAR", "cloud_account_number", SeedVARAccount, "type", "REFUND", "amount", "1.00"), "Invalid type: valid options are DEBIT or CREDIT."},
		{coreUser, "Billing/Create", p("cloud_account_type", "VAR", "cloud_account_number", SeedVARAccount, "type", "DEBIT", "amount", "ten"), "A full dollar amount must be supplied for the amount."},
		{coreUser, "Billing/Create", p("cloud_account_type", "VAR", "cloud_account_number", SeedVARAccount, "type", "DEBIT", "amount", "0.00"), "The amount must be greater than 0.00."},
		{coreUser, "Billing/Create", p("cloud_account_type", "VAR", "type", "DEBIT", "amount", "1.00"), "The cloud_account_number parameter is required."},
		{coreUser, "Billing/Create", p("cloud_account_type", "CORE", "cloud_account_number", SeedCoreAccount, "type", "DEBIT", "amount", "1.00"), "Cloud account " + SeedCoreAccount + " is your own account: only accounts under your control can be changed here."},
		{varUser, "Billing/Create", p("cloud_account_type", "CORE", "cloud_account_number", SeedCoreAccount, "type", "CREDIT", "amount", "1.00"), "Cloud account " + SeedCoreAccount + " not found."},
		{coreUser, "Billing/Reverse", p("cloud_account_type", "VAR", "cloud_account_number", SeedVARAccount, "billing_trans_id", "1"), "Billing transaction 1 not found on cloud account " + SeedVARAccount + "."},
		{varUser, "Billing/Search", p("start_date", "07/01/2019x"), "Invalid start_date: dates are written YYYY-MM-DD."},
		{varUser, "Billing/Search", p("end_date", "tomorrow"), "Invalid end_date: dates are written YYYY-MM-DD."},
		{varUser, "Billing/Search", p("billed", "maybe"), "Invalid billed: it must be Y or N."},
		{varUser, "Billing/Search", p("cloud_account_type", "PARTNER"), "The cloud_account_number parameter is required."},
	})
	// A debit, then its reversal; a reversal cannot be reversed, nor the
	// debit twice.
	b := must(t, s, coreUser, "Billing/Create", p("cloud_account_type", "VAR", "cloud_account_number", SeedVARAccount, "type", "DEBIT", "amount", "$20.5")).child("billing")
	if b.text1("amount") != "20.50" || b.text1("ending_balance") != "661.50" || b.text1("notes") != "Manual DEBIT issued by COREID "+SeedCoreAccount+"." {
		t.Errorf("debit: %s %s %q", b.text1("amount"), b.text1("ending_balance"), b.text1("notes"))
	}
	id := b.attr("billing_trans_id")
	r := must(t, s, coreUser, "Billing/Reverse", p("cloud_account_type", "VAR", "cloud_account_number", SeedVARAccount, "billing_trans_id", id)).child("billing")
	if r.attr("billing_trans_id") != id || r.text1("type") != "DEBIT" || r.text1("ending_balance") != "682.00" {
		t.Errorf("reversal: %s %s", r.text1("type"), r.text1("ending_balance"))
	}
	do(t, s, coreUser, "xml", "Billing/Reverse", p("cloud_account_type", "VAR", "cloud_account_number", SeedVARAccount, "billing_trans_id", id)).
		wantErr(t, "Billing transaction "+id+" has already been reversed.")
	hist := must(t, s, varUser, "Billing/Search", nil)
	if hist.text1("cloud_account_type") != "VAR" || hist.text1("cloud_account_number") != SeedVARAccount {
		t.Errorf("echo: %s %s", hist.text1("cloud_account_type"), hist.text1("cloud_account_number"))
	}
	latest := hist.at("billing/transaction")
	if latest.text1("type") != "REVERSAL" || latest.text1("user") != CoreUsername || latest.text1("billed") != "Y" || latest.text1("status") != "COMPLETED" {
		t.Errorf("latest %s %s", latest.text1("type"), latest.text1("user"))
	}
	do(t, s, coreUser, "xml", "Billing/Reverse", p("cloud_account_type", "VAR", "cloud_account_number", SeedVARAccount, "billing_trans_id", latest.attr("trans_id"))).
		wantErr(t, "Billing transaction "+latest.attr("trans_id")+" is a reversal and cannot be reversed.")
	if one := must(t, s, varUser, "Billing/Search", p("trans_id", id)).at("billing"); len(one.kids) != 1 || one.kids[0].text1("status") != "REVERSED" {
		t.Errorf("by trans_id: %d", len(one.kids))
	}
	// Filters: customer, order, dates.
	for _, tc := range []struct {
		params []string
		want   int
	}{
		{[]string{"account_number", SeedCustomer}, 2},
		{[]string{"order_number", f.order2}, 1},
		{[]string{"start_date", "2019-07-31", "end_date", "2019-07-31"}, len(hist.at("billing").kids)},
		{[]string{"start_date", "2019-08-01"}, 0},
		{[]string{"end_date", "2019-07-30"}, 0},
		{[]string{"billed", "N"}, 0},
	} {
		if n := len(must(t, s, varUser, "Billing/Search", p(tc.params...)).at("billing").kids); n != tc.want {
			t.Errorf("Billing/Search %v: %d, want %d", tc.params, n, tc.want)
		}
	}
	// A credit alerts the account's users.
	al := must(t, s, varUser, "Alerts/Search", p("type", "ALERT")).all("Alerts")[0].kids
	found := false
	for _, a := range al {
		if a.attr("billing_trans_id") == f.billing {
			found = true
		}
	}
	if !found {
		t.Error("no alert for the credit")
	}
}

func TestAddFunds(t *testing.T) {
	s := newTestServer(t)
	f := setup(t, s)
	checkRules(t, s, []ruleCase{
		{coreUser, "Billing/AddFunds", p("amount", "5.00"), "Only VAR, PARTNER and AFFILIATE accounts can add funds."},
		{varUser, "Billing/AddFunds", p("amount", "5"+".001"), "A full dollar amount must be supplied for the amount."},
		{varUser, "Billing/AddFunds", p("amount", "0"), "The amount must be greater than 0.00."},
		{varUser, "Billing/AddFunds", p("amount", "5.00", "type", "CASH"), "Invalid type: valid options are CC or BA."},
		{varUser, "Billing/AddFunds", p("amount", "5.00", "payment_method_id", f.pm), "Payment method " + f.pm + " not found."},
		{varUser, "Billing/AddFunds", p("amount", "5.00", "payment_method_id", f.cloudPM, "type", "BA"), "Payment method " + f.cloudPM + " is not of type BA."},
		{varUser, "Billing/AddFunds", p("amount", "5.00", "payment_method_id", f.cloudPM2, "cvv", "123"), "Payment method " + f.cloudPM2 + " is not verified: use PaymentMethod/Verify first."},
		{varUser, "Billing/AddFunds", p("amount", "5.00", "payment_method_id", f.cloudPM), "The cvv parameter is required for credit cards."},
		{varUser, "Billing/AddFunds", p("amount", "5.00", "payment_method_id", f.cloudPM, "cvv", "12"), "Invalid cvv: it must be 3 or 4 digits."},
	})
	// The default (verified) method is used when none is given.
	b := must(t, s, varUser, "Billing/AddFunds", p("amount", "5.00", "cvv", "123")).child("billing")
	if b.text1("type") != "CREDIT" || b.text1("amount") != "5.00" || b.text1("ending_balance") != "687.00" {
		t.Errorf("added: %s %s", b.text1("amount"), b.text1("ending_balance"))
	}
	if bal, _ := s.Balance(SeedVARAccount); bal != "687.00" {
		t.Errorf("balance %s", bal)
	}
	// Card reloads need cc_reload; any reload needs the CORE's default gateway.
	must(t, s, coreUser, "CloudAccount/Edit", p("cloud_account_number", SeedVARAccount, "cc_reload", "N"))
	do(t, s, varUser, "xml", "Billing/AddFunds", p("amount", "5.00", "cvv", "123")).wantErr(t, "This account cannot reload via credit card.")
	must(t, s, coreUser, "CloudAccount/Edit", p("cloud_account_number", SeedVARAccount, "cc_reload", "Y"))
	must(t, s, coreUser, "Gateways/Edit", p("gateway_id", SeedGateway, "default_cc_gateway", "N"))
	do(t, s, varUser, "xml", "Billing/AddFunds", p("amount", "5.00", "cvv", "123")).wantErr(t, "The controlling account has no default payment gateway for this payment type.")
	// Without any verified method.
	s2 := newTestServer(t)
	do(t, s2, varUser, "xml", "Billing/AddFunds", p("amount", "5.00")).wantErr(t, "The payment_method_id parameter is required: the account has no default payment method.")
	// A bank account, verified, through the default ACH gateway.
	ba := must(t, s2, varUser, "PaymentMethod/Create", p("type", "BA", "account_id", "plaid-acct", "access_token", "plaid-token", "item_id", "plaid-item")).child("paymentmethod").attr("id")
	x, y, _ := s2.MicroDebits(ba)
	must(t, s2, varUser, "PaymentMethod/Verify", p("payment_method_id", ba, "type", "BA", "amount_1", x, "amount_2", y))
	must(t, s2, varUser, "Billing/AddFunds", p("amount", "100", "type", "BA"))
	if bal, _ := s2.Balance(SeedVARAccount); bal != "757.00" {
		t.Errorf("balance %s", bal)
	}
}

func TestDiscounts(t *testing.T) {
	s := newTestServer(t)
	f := setup(t, s)
	checkRules(t, s, []ruleCase{
		{coreUser, "Discount/Create", p("cloud_account_type", "VAR", "cloud_account_number", SeedVARAccount, "product_id", SeedProduct, "discount_price", "two"), "A full dollar amount must be supplied for the discount price."},
		{coreUser, "Discount/Create", p("cloud_account_type", "VAR", "cloud_account_number", SeedVARAccount, "product_id", SeedProduct), "A full dollar amount must be supplied for the discount price."},
		{coreUser, "Discount/Create", p("cloud_account_type", "VAR", "cloud_account_number", SeedVARAccount, "product_id", SeedProduct, "discount_price", "1.00", "discount_setup_price", "1,00"), "A full dollar amount must be supplied for the discount setup price."},
		{coreUser, "Discount/Create", p("cloud_account_type", "VAR", "cloud_account_number", SeedVARAccount, "product_id", "9", "discount_price", "1.00"), "Product 9 not found."},
		{coreUser, "Discount/Create", p("cloud_account_type", "VAR", "cloud_account_number", SeedVARAccount, "product_id", SeedRatePlan, "discount_price", "1.00"), "Product " + SeedRatePlan + " not found."},
		{coreUser, "Discount/Create", p("cloud_account_type", "PARTNER", "cloud_account_number", SeedVARAccount, "product_id", SeedProduct, "discount_price", "1.00"), "Cloud account " + SeedVARAccount + " is a VAR account, not PARTNER."},
		{coreUser, "Discount/Create", p("cloud_account_number", SeedVARAccount, "product_id", SeedProduct, "discount_price", "1.00"), "The cloud_account_type parameter is required."},
		{varUser, "Discount/Copy", p("cloud_account_type", "PARTNER", "cloud_account_number", f.partner, "from_cloud_account_type", "PARTNER", "from_cloud_account_number", f.partner), "The cloud account to copy from is the account being edited."},
		{varUser, "Discount/Copy", p("cloud_account_type", "PARTNER", "cloud_account_number", f.partner, "from_cloud_account_type", "PARTNER", "from_cloud_account_number", f.partner+"0"), "Cloud account " + f.partner + "0 not found."},
		{varUser, "Discount/Copy", p("cloud_account_type", "PARTNER", "cloud_account_number", f.partner, "from_cloud_account_type", "VAR", "from_cloud_account_number", SeedVARAccount, "replace", "all"), "Invalid replace: it must be Y or N."},
		{varUser, "Discount/Delete", p("cloud_account_type", "VAR", "cloud_account_number", SeedVARAccount), "Cloud account " + SeedVARAccount + " is your own account: only accounts under your control can be changed here."},
	})
	// A PARTNER's discount may be on its VAR's rate plan; a discount is
	// replaced by another on the same product.
	must(t, s, varUser, "Discount/Create", p("cloud_account_type", "PARTNER", "cloud_account_number", f.partner, "product_id", SeedRatePlan, "discount_price", "22.00"))
	d := must(t, s, varUser, "Discount/Create", p("cloud_account_type", "PARTNER", "cloud_account_number", f.partner, "product_id", SeedRatePlan, "discount_price", "21.00", "discount_setup_price", "1.00")).child("discount")
	list := must(t, s, varUser, "Discount/Search", p("cloud_account_type", "PARTNER", "cloud_account_number", f.partner)).at("discounts")
	if len(list.kids) != 1 || list.kids[0].attr("id") != d.attr("id") || list.kids[0].text1("discount_price") != "21.00" ||
		list.kids[0].text1("core_product_name") != "[Smartphone] By The Gig" || list.attr("limit") != "50000" {
		t.Fatalf("partner discounts: %d", len(list.kids))
	}
	if plans := list.kids[0].at("var_plans").all("plan"); len(plans) != 2 {
		t.Errorf("%d VAR plans on the product", len(plans))
	}
	// A partner's customers order at the partner's price.
	if _, err := s.AddCredentials(f.partner, "p-id", "p-key"); err != nil {
		t.Fatal(err)
	}
	partner := creds{"p-id", "p-key"}
	must(t, s, coreUser, "Billing/Create", p("cloud_account_type", "PARTNER", "cloud_account_number", f.partner, "type", "CREDIT", "amount", "100.00"))
	cu := must(t, s, partner, "Customer/Create", p("first_name", "P", "last_name", "Customer")).text1("customer/account_number")
	must(t, s, partner, "Order/Create", p("account_number", cu, "rate_plan_id", SeedRatePlan, "var1", "1", "var2", "2"))
	if b, _ := s.Balance(f.partner); b != "78.00" {
		t.Errorf("partner balance %s", b)
	}
	must(t, s, partner, "Order/Create", p("account_number", cu, "rate_plan_id", f.plan3, "var1", "1", "var2", "2"))
	if b, _ := s.Balance(f.partner); b != "18.00" { // no discount on plan3: its price and setup price
		t.Errorf("partner balance %s", b)
	}
	// Copy from the VAR (its product discount) to the partner, adding to or
	// replacing what it has.
	must(t, s, coreUser, "Discount/Copy", p("cloud_account_type", "PARTNER", "cloud_account_number", f.partner, "from_cloud_account_type", "VAR", "from_cloud_account_number", SeedVARAccount))
	if n := len(must(t, s, coreUser, "Discount/Search", p("cloud_account_type", "PARTNER", "cloud_account_number", f.partner)).at("discounts").kids); n != 2 {
		t.Errorf("%d discounts after a copy", n)
	}
	must(t, s, coreUser, "Discount/Copy", p("cloud_account_type", "PARTNER", "cloud_account_number", f.partner, "from_cloud_account_type", "VAR", "from_cloud_account_number", SeedVARAccount, "replace", "Y"))
	l := must(t, s, coreUser, "Discount/Search", p("cloud_account_type", "PARTNER", "cloud_account_number", f.partner)).at("discounts")
	if len(l.kids) != 1 || l.kids[0].text1("product_id") != SeedProduct || l.kids[0].text1("discount_price") != "18.00" {
		t.Errorf("after replace: %d", len(l.kids))
	}
	// Copying a partner's rate plan discount to a VAR skips it.
	must(t, s, coreUser, "Discount/Create", p("cloud_account_type", "PARTNER", "cloud_account_number", f.partner, "product_id", SeedRatePlan, "discount_price", "20.00"))
	v2 := must(t, s, coreUser, "CloudAccount/Create", p("cloud_account_type", "VAR", "company_name", "VAR Two", "email", "v2@example.com")).child("cloud_account").attr("cloud_account_number")
	must(t, s, coreUser, "Discount/Copy", p("cloud_account_type", "VAR", "cloud_account_number", v2, "from_cloud_account_type", "PARTNER", "from_cloud_account_number", f.partner))
	if n := len(must(t, s, coreUser, "Discount/Search", p("cloud_account_type", "VAR", "cloud_account_number", v2)).at("discounts").kids); n != 1 {
		t.Errorf("%d discounts copied to a VAR", n)
	}
	// Filter by product group; delete all.
	if n := len(must(t, s, coreUser, "Discount/Search", p("cloud_account_type", "VAR", "cloud_account_number", SeedVARAccount, "product_group_id", "1")).at("discounts").kids); n != 0 {
		t.Errorf("%d discounts in group 1", n)
	}
	must(t, s, coreUser, "Discount/Delete", p("cloud_account_type", "PARTNER", "cloud_account_number", f.partner))
	if n := len(must(t, s, coreUser, "Discount/Search", p("cloud_account_type", "PARTNER", "cloud_account_number", f.partner)).at("discounts").kids); n != 0 {
		t.Errorf("%d discounts after Delete", n)
	}
}
