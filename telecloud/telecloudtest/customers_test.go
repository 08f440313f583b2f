package telecloudtest

import (
	"strconv"
	"testing"
)

func TestCustomers(t *testing.T) {
	s := newFixed(t)
	f := setup(t, s)
	checkRules(t, s, []ruleCase{
		{varUser, "Customer/Create", p("first_name", "A"), "The last_name parameter is required."},
		{varUser, "Customer/Create", p("first_name", "A", "last_name", "B", "unit_number", "4"), "The unit_type parameter is required when a unit_number is given."},
		{varUser, "Customer/Create", p("first_name", "A", "last_name", "B", "email", "a@"), "Invalid email: a@ is not an e-mail address."},
		{varUser, "Customer/Create", p("first_name", "A", "last_name", "B", "password", "1234567"), "Invalid password: it must be eight numeric digits."},
		{varUser, "Customer/Create", p("first_name", "A", "last_name", "B", "password", "abcdefgh"), "Invalid password: it must be eight numeric digits."},
		{varUser, "Customer/Edit", p("account_number", "999"), "Customer account 999 not found."},
		{varUser, "Customer/Edit", p("account_number", SeedCustomer, "unit_number", "9"), "The unit_type parameter is required when a unit_number is given."},
		{varUser, "Customer/Delete", p("account_number", SeedCustomer), "Customer account " + SeedCustomer + " has orders and cannot be deleted."},
		{coreUser, "Customer/Notation", p("account_number", SeedCustomer), "The content parameter is required."},
		{varUser, "Customer/Credit", p("account_number", f.customer3, "type", "CREDIT", "amount", "10.00"), "Customer account " + f.customer3 + " has no payment method: credit is only used with a payment method on the customer's account."},
		{varUser, "Customer/Credit", p("account_number", SeedCustomer, "type", "GIFT", "amount", "10.00"), "Invalid type: valid options are DEBIT or CREDIT."},
		{varUser, "Customer/Credit", p("account_number", SeedCustomer, "type", "CREDIT", "amount", "10.505"), "A full dollar amount must be supplied for the amount."},
		{varUser, "Customer/Credit", p("account_number", SeedCustomer, "type", "CREDIT", "amount", "0.00"), "The amount must be greater than 0.00."},
		{varUser, "Customer/Credit", p("account_number", SeedCustomer, "type", "DEBIT", "amount", "1.00"), "The debit of $1.00 exceeds the available credit of $0.00."},
		{varUser, "Customer/Qualify", p("account_number", SeedCustomer, "qualify_type", "OLD"), "Invalid qualify_type: valid options are NEW or REPLENISH."},
		{varUser, "Customer/Qualify", p("account_number", SeedCustomer, "product_type", "BUNDLE"), "Invalid product_type: valid options are TRADITIONAL or ADD-ON."},
		{varUser, "Customer/Qualify", p("account_number", SeedCustomer, "qualify_type", "REPLENISH"), "The order_number parameter is required when qualify_type is REPLENISH or product_type is ADD-ON."},
		{varUser, "Customer/Qualify", p("account_number", SeedCustomer, "qualify_type", "REPLENISH", "order_number", f.order3), "Order " + f.order3 + " not found on account " + SeedCustomer + "."},
		{varUser, "Customer/Estimate", p("account_number", SeedCustomer, "rate_plan_id", SeedRatePlan, "type", "RENEW"), "Invalid type: valid options are NEW or REPLENISH."},
		{varUser, "Customer/Estimate", p("account_number", SeedCustomer, "rate_plan_id", "1"), "Rate plan 1 not found."},
		{varUser, "Customer/Estimate", p("account_number", SeedCustomer, "rate_plan_id", SeedRatePlan, "promo_code", "x"), "Invalid promo code x."},
	})

	// Create with every field, then find it by any of them.
	acct := must(t, s, varUser, "Customer/Create", p("company", "Acme", "first_name", "Wile", "last_name", "Coyote", "address", "1 Desert Rd",
		"unit_type", "SUITE", "unit_number", "9", "city", "Mesa", "state", "AZ", "zip_code", "85201", "email", "wile@acme.example",
		"phone", "4805551212", "password", "12345678", "dl", "D123", "ssn", "123456789", "custom_field_1", "gold", "custom_field_2", "west")).text1("customer/account_number")
	for _, kv := range [][2]string{{"company", "ACME"}, {"first_name", "wile"}, {"last_name", "Coyote"}, {"address", "1 desert rd"},
		{"unit_type", "suite"}, {"unit_number", "9"}, {"zip_code", "85201"}, {"email", "WILE@acme.example"}, {"phone", "4805551212"},
		{"password", "12345678"}, {"dl", "D123"}, {"ssn", "123456789"}, {"custom_field_1", "gold"}, {"custom_field_1", "west"}} {
		got := must(t, s, varUser, "Customer/Search", p(kv[0], kv[1])).all("customer")
		if len(got) != 1 || got[0].attr("account_number") != acct {
			t.Errorf("search by %s=%s: %d customers", kv[0], kv[1], len(got))
		}
	}
	c := must(t, s, varUser, "Customer/Search", p("account_number", acct)).child("customer")
	for path, want := range map[string]string{
		"COREID": SeedCoreAccount, "VARID": SeedVARAccount, "PARTNERID": "", "CREATION_DATE": "2019-07-31", "CREATION_USER": DefaultUsername,
		"COUNTRY": "United States", "STATE": "AZ", "CITY": "Mesa", "LOCATION_TYPE": "Residential", "ACCOUNT_CREDIT": "0.00", "STATUS": "1",
		"PAYMENT_METHOD_ID": "", "CUSTOM_FIELD_2": "west",
	} {
		if c.text1(path) != want {
			t.Errorf("%s = %q, want %q", path, c.text1(path), want)
		}
	}
	// Search by order criteria.
	for _, tc := range []struct {
		params []string
		want   int
	}{
		{[]string{"order_number", f.order3}, 1},
		{[]string{"order_number", f.order3, "status", "ACTIVE"}, 1},
		{[]string{"order_number", f.order3, "status", "CANCELLED"}, 0},
		{[]string{"product_id", f.product2}, 1},
		{[]string{"rate_plan_id", SeedRatePlan}, 2},
		{[]string{"var1", "353145418070502"}, 1},
		{[]string{"var1", "353145418070502", "last_name", "Hammond"}, 0},
		{nil, 4},
	} {
		if n := len(must(t, s, varUser, "Customer/Search", p(tc.params...)).all("customer")); n != tc.want {
			t.Errorf("Customer/Search %v: %d, want %d", tc.params, n, tc.want)
		}
	}
	// The CORE sees the VAR's customers; a partner only its own.
	if n := len(must(t, s, coreUser, "Customer/Search", nil).all("customer")); n != 4 {
		t.Errorf("CORE sees %d customers", n)
	}
	if _, err := s.AddCredentials(f.partner, "p", "k"); err != nil {
		t.Fatal(err)
	}
	if n := len(must(t, s, creds{"p", "k"}, "Customer/Search", nil).all("customer")); n != 0 {
		t.Errorf("partner sees %d customers", n)
	}
	do(t, s, creds{"p", "k"}, "xml", "Customer/Edit", p("account_number", SeedCustomer)).wantErr(t, "Customer account "+SeedCustomer+" not found.")

	// Edit keeps what is not given; notations show with account_number.
	must(t, s, varUser, "Customer/Edit", p("account_number", acct, "city", "Tempe"))
	c = must(t, s, varUser, "Customer/Search", p("account_number", acct)).child("customer")
	if c.text1("CITY") != "Tempe" || c.text1("FIRST_NAME") != "Wile" {
		t.Errorf("after Edit: %s %s", c.text1("CITY"), c.text1("FIRST_NAME"))
	}
	n := must(t, s, varUser, "Customer/Notation", p("account_number", acct, "subject", "Note", "content", "<b>raw]]>html</b>")).at("customer/notation")
	if n.attr("id") == "" || n.text1("content") != "<b>raw]]>html</b>" || !n.child("content").cdata {
		t.Errorf("notation %v %q", n.attrs, n.text1("content"))
	}
	notes := must(t, s, varUser, "Customer/Search", p("account_number", acct)).child("customer").all("notation")
	if len(notes) != 1 || notes[0].text1("subject") != "Note" || notes[0].text1("user") != DefaultUsername {
		t.Errorf("notations: %d", len(notes))
	}
	if len(must(t, s, varUser, "Customer/Search", p("last_name", "Coyote")).child("customer").all("notation")) != 0 {
		t.Error("notations without account_number")
	}
	if got, _ := s.Customer(acct); len(got.Notations) != 1 || got.CloudAccount != SeedVARAccount {
		t.Errorf("Customer() = %+v", got)
	}
	if all := s.Customers(); len(all) < 2 || all[0].AccountNumber != SeedCustomer || all[len(all)-1].AccountNumber != acct {
		t.Errorf("Customers() = %+v, want the seed customer first and %s last", all, acct)
	}
	// Credit and debit it, with a payment method.
	must(t, s, varUser, "Customer/Credit", p("account_number", SeedCustomer, "type", "CREDIT", "amount", "10.50"))
	cr := must(t, s, varUser, "Customer/Credit", p("account_number", SeedCustomer, "type", "DEBIT", "amount", "0.50")).at("customer/credit")
	if cr.text1("type") != "DEBIT" || cr.text1("amount") != "$0.50" || cr.text1("credit_available") != "$10.00" {
		t.Errorf("credit %s %s %s", cr.text1("type"), cr.text1("amount"), cr.text1("credit_available"))
	}
	// Delete one without orders: gone.
	d := must(t, s, varUser, "Customer/Delete", p("account_number", acct))
	if d.text1("account_number") != acct || d.text1("status") != "3" {
		t.Errorf("delete answer %s %s", d.text1("account_number"), d.text1("status"))
	}
	if _, ok := s.Customer(acct); ok {
		t.Error("deleted customer still there")
	}
	do(t, s, varUser, "xml", "Customer/Delete", p("account_number", acct)).wantErr(t, "Customer account "+acct+" not found.")
}

func TestQualifyAndEstimate(t *testing.T) {
	s := newFixed(t)
	f := setup(t, s)
	// Replenishment: the order's product group, replenish-only plans too.
	must(t, s, varUser, "Plan/Edit", p("rate_plan_id", f.plan3, "status", "4"))
	q := must(t, s, varUser, "Customer/Qualify", p("account_number", SeedCustomer)).at("customer/qualify")
	plans := 0
	for _, cp := range q.all("COREProduct") {
		plans += len(cp.all("VARProduct"))
	}
	if plans != 2 {
		t.Errorf("NEW: %d plans", plans)
	}
	q = must(t, s, varUser, "Customer/Qualify", p("account_number", SeedCustomer, "qualify_type", "REPLENISH", "order_number", f.order1)).at("customer/qualify")
	plans = 0
	for _, cp := range q.all("COREProduct") {
		plans += len(cp.all("VARProduct"))
		if cp.text1("PRICE") == "" || cp.child("VAR1").attr("CATEGORY") != "Device Information" {
			t.Errorf("product %s", cp.attr("id"))
		}
	}
	if plans != 3 {
		t.Errorf("REPLENISH: %d plans", plans)
	}
	if n := len(must(t, s, varUser, "Customer/Qualify", p("account_number", SeedCustomer, "product_type", "TRADITIONAL")).at("customer/qualify").kids); n != 2 {
		t.Errorf("TRADITIONAL: %d products", n)
	}
	// Estimate: a replenishment has no setup price; the promo cannot exceed
	// the price; a CORE customer has no plans.
	e := must(t, s, varUser, "Customer/Estimate", p("account_number", SeedCustomer, "rate_plan_id", f.plan3, "type", "REPLENISH")).at("customer/estimate")
	if e.text1("customer/setup_price") != "0.00" || e.text1("customer/recurring_price") != "45.00" || e.text1("customer/total") != "45.00" ||
		e.text1("customer/promo") != "0.00" || e.child("customer").child("promo").attr("promo_code") != "" ||
		e.text1("client/recurring_price") != "18.00" || e.text1("client/balance") != "682.00" || e.text1("client/end_balance") != "664.00" ||
		e.text1("customer/expiration_date") != "8/30/2019" {
		t.Errorf("estimate: %s", jsonDoc(e))
	}
	must(t, s, varUser, "Plan/Edit", p("rate_plan_id", f.plan3, "status", "1"))
	must(t, s, varUser, "Promo/Create", p("promo_code", "BIG", "value", "100.00"))
	e = must(t, s, varUser, "Customer/Estimate", p("account_number", SeedCustomer, "rate_plan_id", f.plan3, "promo_code", "big")).at("customer/estimate")
	if e.text1("customer/setup_price") != "15.00" || e.text1("customer/promo") != "60.00" || e.text1("customer/total") != "0.00" ||
		e.text1("client/setup_price") != "0.00" || e.text1("client/total") != "18.00" {
		t.Errorf("estimate: %s", jsonDoc(e))
	}
	core := must(t, s, coreUser, "Customer/Create", p("first_name", "C", "last_name", "D")).text1("customer/account_number")
	if n := len(must(t, s, coreUser, "Customer/Qualify", p("account_number", core)).at("customer/qualify").kids); n != 0 {
		t.Errorf("CORE customer qualifies for %d products", n)
	}
}

func TestPaymentMethods(t *testing.T) {
	s := newFixed(t)
	f := setup(t, s)
	cc := func(kv ...string) []string {
		return append([]string{"account_number", SeedCustomer, "type", "CC", "payment_account_number", "4111111111111111",
			"expiration_month", "12", "expiration_year", "29", "cvv", "123"}, kv...)
	}
	checkRules(t, s, []ruleCase{
		{varUser, "PaymentMethod/Create", p(cc("type", "PAYPAL")...), "Invalid type: valid options are CC or BA."},
		{varUser, "PaymentMethod/Create", p("type", "CC"), "The payment_account_number parameter is required."},
		{varUser, "PaymentMethod/Create", p(cc("payment_account_number", "4111111111111112")...), "Invalid payment_account_number: not a valid card number."},
		{varUser, "PaymentMethod/Create", p(cc("payment_account_number", "41111")...), "Invalid payment_account_number: not a valid card number."},
		{varUser, "PaymentMethod/Create", p(cc("expiration_month", "2")...), "Invalid expiration_month: give the month with a leading zero, for example 02."},
		{varUser, "PaymentMethod/Create", p(cc("expiration_month", "13")...), "Invalid expiration_month: give the month with a leading zero, for example 02."},
		{varUser, "PaymentMethod/Create", p(cc("expiration_year", "2029")...), "Invalid expiration_year: give the two digit year, for example 27."},
		{varUser, "PaymentMethod/Create", p(cc("expiration_year", "19", "expiration_month", "06")...), "The card has expired."},
		{varUser, "PaymentMethod/Create", p(cc("cvv", "")...), "The cvv parameter is required for credit cards."},
		{varUser, "PaymentMethod/Create", p(cc("cvv", "12a")...), "Invalid cvv: it must be 3 or 4 digits."},
		{varUser, "PaymentMethod/Create", p(cc("account_number", "1")...), "Customer account 1 not found."},
		{varUser, "PaymentMethod/Create", p("type", "BA", "account_id", "a"), "Bank accounts are added with Plaid's instant verification: account_id, access_token and item_id are required."},
		{varUser, "PaymentMethod/Create", p("type", "BA", "payment_account_number", "123456789", "routing_number", "12"), "Invalid routing_number: it must be 9 digits."},
		{varUser, "PaymentMethod/Create", p("type", "BA", "payment_account_number", "12", "routing_number", "123456789"), "Invalid payment_account_number: not a bank account number."},
		{varUser, "PaymentMethod/Create", p("type", "BA", "payment_account_number", "123456789", "routing_number", "123456789", "bank_account_type", "Piggy Bank"), "Invalid bank_account_type: valid options are Personal Checking, Personal Savings, Business Checking or Business Savings."},
		{varUser, "PaymentMethod/Edit", p("payment_method_id", "1"), "Payment method 1 not found."},
		{varUser, "PaymentMethod/Edit", p("payment_method_id", f.pm, "account_number", SeedCustomer, "type", "BA"), "Payment method " + f.pm + " is not of type BA."},
		{varUser, "PaymentMethod/Edit", p("payment_method_id", f.cloudPM2), "Payment method " + f.cloudPM2 + " is not verified: use PaymentMethod/Verify first."},
		{varUser, "PaymentMethod/Delete", p("payment_method_id", f.cloudPM, "account_number", SeedCustomer), "Payment method " + f.cloudPM + " not found on account " + SeedCustomer + "."},
		{varUser, "PaymentMethod/Verify", p("payment_method_id", f.pm, "amount_1", "0.01", "amount_2", "0.02"), "Payment methods on customer accounts need no verification."},
		{varUser, "PaymentMethod/Verify", p("payment_method_id", f.cloudPM, "amount_1", "0.01", "amount_2", "0.02"), "Payment method " + f.cloudPM + " is already verified."},
		{varUser, "PaymentMethod/Verify", p("payment_method_id", f.cloudPM2, "amount_1", "0.00", "amount_2", "0.00"), "The micro debit amounts do not match."},
		{varUser, "PaymentMethod/Verify", p("payment_method_id", f.cloudPM2, "amount_1", "x", "amount_2", "0.00"), "A full dollar amount must be supplied for the first micro debit."},
		{varUser, "PaymentMethod/Verify", p("payment_method_id", f.cloudPM2, "amount_1", "0.01", "amount_2", "y"), "A full dollar amount must be supplied for the second micro debit."},
		{varUser, "PaymentMethod/Search", p("account_number", "2"), "Customer account 2 not found."},
		{coreUser, "PaymentMethod/Search", p("payment_method_id", f.cloudPM), "Payment method " + f.cloudPM + " not found."},
	})
	// Customer methods: verified, the first one the default; cards masked.
	list := must(t, s, varUser, "PaymentMethod/Search", p("account_number", SeedCustomer)).all("paymentmethod")
	if len(list) != 1 || list[0].text1("payment_account_number") != "4111-XXXX-XXXX-1111" || list[0].text1("card_type") != "Visa" || list[0].text1("status") != "VERIFIED" {
		t.Fatalf("customer methods: %d", len(list))
	}
	c := must(t, s, varUser, "Customer/Search", p("account_number", SeedCustomer)).child("customer")
	if c.text1("PAYMENT_METHOD_ID") != f.pm || c.text1("PAYMENT_METHOD_TYPE") != "CC" {
		t.Errorf("customer's default %s %s", c.text1("PAYMENT_METHOD_TYPE"), c.text1("PAYMENT_METHOD_ID"))
	}
	for num, want := range map[string]string{"378282246310005": "American Express", "6011111111111117": "Discover", "2223003122003222": "Master Card", "3530111333300000": "Unknown"} {
		id := must(t, s, varUser, "PaymentMethod/Create", p(cc("payment_account_number", num)...)).child("paymentmethod").attr("id")
		if got := must(t, s, varUser, "PaymentMethod/Search", p("payment_method_id", id)).text1("paymentmethod/card_type"); got != want {
			t.Errorf("%s: %s, want %s", num, got, want)
		}
	}
	// A bank account by number and routing number.
	ba := must(t, s, varUser, "PaymentMethod/Create", p("account_number", SeedCustomer, "type", "BA", "payment_account_number", "000123456789",
		"routing_number", "021000021", "bank_account_type", "business savings")).child("paymentmethod").attr("id")
	b := must(t, s, varUser, "PaymentMethod/Search", p("payment_method_id", ba, "account_number", SeedCustomer)).child("paymentmethod")
	if b.attr("type") != "BA" || b.text1("payment_account_number") != "XXXXXX6789" || b.text1("card_type") != "Business Savings" {
		t.Errorf("bank account %v %s %s", b.attrs, b.text1("payment_account_number"), b.text1("card_type"))
	}
	// Edit toggles the default.
	e := must(t, s, varUser, "PaymentMethod/Edit", p("payment_method_id", ba, "account_number", SeedCustomer, "type", "BA"))
	if e.text1("account_number") != SeedCustomer || e.child("paymentmethod").attr("default") != "Y" {
		t.Errorf("edit: %s %v", e.text1("account_number"), e.child("paymentmethod").attrs)
	}
	if c := must(t, s, varUser, "Customer/Search", p("account_number", SeedCustomer)).child("customer"); c.text1("PAYMENT_METHOD_ID") != ba {
		t.Errorf("default %s", c.text1("PAYMENT_METHOD_ID"))
	}
	if d := must(t, s, varUser, "PaymentMethod/Edit", p("payment_method_id", ba)).child("paymentmethod").attr("default"); d != "N" {
		t.Errorf("toggled back to %s", d)
	}
	// Delete a customer's; a cloud account's cannot be.
	del := must(t, s, varUser, "PaymentMethod/Delete", p("payment_method_id", ba, "account_number", SeedCustomer, "type", "BA"))
	if del.text1("account_number") != SeedCustomer || del.child("paymentmethod").attr("id") != ba {
		t.Errorf("delete: %s", del.text1("account_number"))
	}
	do(t, s, varUser, "xml", "PaymentMethod/Search", p("payment_method_id", ba)).wantErr(t, "Payment method "+ba+" not found.")

	// Cloud account methods: unverified until both micro debits are given
	// (in either order); then the default.
	cloud := must(t, s, varUser, "PaymentMethod/Search", nil).all("paymentmethod")
	if len(cloud) != 2 || cloud[0].attr("id") != f.cloudPM2 || cloud[0].text1("status") != "UNVERIFIED" || cloud[1].text1("status") != "VERIFIED" {
		t.Fatalf("cloud methods: %d", len(cloud))
	}
	a, bb, ok := s.MicroDebits(f.cloudPM2)
	if !ok || a == bb || a < "0.01" || bb > "0.99" {
		t.Errorf("micro debits %s %s", a, bb)
	}
	if _, _, ok := s.MicroDebits(f.pm); ok {
		t.Error("micro debits of a customer's card")
	}
	must(t, s, varUser, "PaymentMethod/Verify", p("payment_method_id", f.cloudPM2, "amount_1", bb, "amount_2", "$"+a))
	cloud = must(t, s, varUser, "PaymentMethod/Search", nil).all("paymentmethod")
	if cloud[0].text1("status") != "VERIFIED" {
		t.Errorf("status %s", cloud[0].text1("status"))
	}
	// The newly verified one is the default: AddFunds uses it.
	must(t, s, varUser, "Billing/AddFunds", p("amount", "1.00", "cvv", "999"))
	tx := must(t, s, varUser, "PaymentMethod/Search", p("payment_method_id", f.cloudPM2)).at("paymentmethod/transactions/transaction")
	if tx.text1("amount") != "1.00" {
		t.Errorf("charge %s", tx.text1("amount"))
	}
}

// TestUnknownIDs: every method taking a customer, order or cloud account
// refuses one the caller does not control.
func TestUnknownIDs(t *testing.T) {
	s := newTestServer(t)
	f := setup(t, s)
	noCustomer := "Customer account 404 not found."
	noOrder := "Order X not found on account " + SeedCustomer + "."
	var cases []ruleCase
	for _, op := range []string{"Order/Status", "Order/Cancel", "Order/Swap", "Order/Replenish", "Order/Update", "Order/Unstack", "Order/ReportUsage", "Order/Move"} {
		params := p("account_number", "404", "order_number", f.order1, "new_account_number", SeedCustomer, "stacked_plan_id", "1", "component_id", "1", "units", "1")
		cases = append(cases, ruleCase{varUser, op, params, noCustomer})
		params = p("account_number", SeedCustomer, "order_number", "X", "new_account_number", SeedCustomer, "stacked_plan_id", "1", "component_id", "1", "units", "1")
		cases = append(cases, ruleCase{varUser, op, params, noOrder})
	}
	for _, op := range []string{"Customer/Delete", "Customer/Qualify", "Customer/Notation", "Customer/Credit", "Customer/Estimate"} {
		cases = append(cases, ruleCase{varUser, op, p("account_number", "404", "content", "c", "type", "CREDIT", "amount", "1.00", "rate_plan_id", SeedRatePlan), noCustomer})
	}
	cases = append(cases,
		ruleCase{varUser, "Discount/Search", p("cloud_account_type", "CORE", "cloud_account_number", SeedCoreAccount), "Cloud account " + SeedCoreAccount + " not found."},
		ruleCase{varUser, "Billing/Reverse", p("cloud_account_type", "CORE", "cloud_account_number", SeedCoreAccount, "billing_trans_id", "1"), "Cloud account " + SeedCoreAccount + " not found."},
		ruleCase{varUser, "Discount/Copy", p("cloud_account_type", "PARTNER", "cloud_account_number", "1", "from_cloud_account_type", "VAR", "from_cloud_account_number", SeedVARAccount), "Cloud account 1 not found."},
		ruleCase{varUser, "Discount/Copy", p("cloud_account_type", "PARTNER", "cloud_account_number", f.partner, "from_cloud_account_type", "CORE", "from_cloud_account_number", SeedVARAccount), "Cloud account " + SeedVARAccount + " is a VAR account, not CORE."},
		ruleCase{varUser, "Discount/Create", p("cloud_account_type", "PARTNER", "cloud_account_number", "1", "product_id", SeedProduct, "discount_price", "1.00"), "Cloud account 1 not found."},
		ruleCase{varUser, "CloudAccount/Delete", p("cloud_account_type", "PARTNER", "cloud_account_number", "1"), "Cloud account 1 not found."},
		ruleCase{varUser, "Billing/Search", p("cloud_account_type", "SHOP"), "Invalid cloud_account_type: valid options are CORE, VAR, PARTNER or AFFILIATE."},
		ruleCase{varUser, "Ticket/Edit", p("ticket_id", "Y-1", "status", "CLOSED"), "Ticket Y-1 not found."},
		ruleCase{varUser, "Ticket/Create", p("subject", "Long enough subject", "message", "m", "cloud_account_type", "PARTNER"), "The cloud_account_number parameter is required."},
		ruleCase{varUser, "PaymentMethod/Verify", p("payment_method_id", f.pm, "account_number", "404", "amount_1", "0.01", "amount_2", "0.02"), noCustomer},
		ruleCase{varUser, "PaymentMethod/Search", p("payment_method_id", f.pm, "type", "XX"), "Invalid type: valid options are CC or BA."},
		ruleCase{varUser, "Order/Update", p("account_number", SeedCustomer, "order_number", f.order1, "status", "CANCELLED", "expiration_date", "13/45/2019"), "Invalid expiration_date: the format is M/D/YYYY, for example 8/15/2019."},
		ruleCase{varUser, "Customer/Estimate", p("account_number", SeedCustomer, "rate_plan_id", SeedRatePlan, "type", "REPLENISH", "promo_code", "zzz"), "Invalid promo code zzz."},
		ruleCase{varUser, "Customer/Edit", p("account_number", SeedCustomer, "password", "1"), "Invalid password: it must be eight numeric digits."},
	)
	checkRules(t, s, cases)
}

func TestSeedCustomer(t *testing.T) {
	s := newFixed(t)
	got := s.SeedCustomer(Customer{AccountNumber: "7200001", FirstName: "Seeded", LastName: "Person", Email: "seeded@example.com", Credit: "12.50"})
	if got.CloudAccount != SeedVARAccount || got.Status != 1 || got.Credit != "12.50" {
		t.Fatalf("SeedCustomer = %+v", got)
	}
	c := must(t, s, varUser, "Customer/Search", p("account_number", "7200001")).child("customer")
	if c.text1("FIRST_NAME") != "Seeded" || c.text1("EMAIL") != "seeded@example.com" {
		t.Errorf("the seeded customer over the API: %s %s", c.text1("FIRST_NAME"), c.text1("EMAIL"))
	}
	// A customer created afterwards gets a number past the seeded one.
	next := must(t, s, varUser, "Customer/Create", p("first_name", "New", "last_name", "One")).text1("customer/account_number")
	if n, _ := strconv.Atoi(next); n <= 7200001 {
		t.Errorf("next account number %s, want above 7200001", next)
	}
	// Seeding a stored number replaces the customer's fields.
	s.SeedCustomer(Customer{AccountNumber: "7200001", FirstName: "Renamed", LastName: "Person", Status: 2})
	if got, _ := s.Customer("7200001"); got.FirstName != "Renamed" || got.Status != 2 || got.Credit != "0.00" {
		t.Errorf("after replacing: %+v", got)
	}
	for name, c := range map[string]Customer{"unknown cloud account": {CloudAccount: "999"}, "bad credit": {Credit: "lots"}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			s.SeedCustomer(c)
		}()
	}
}
