package telecloudtest

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestUsers(t *testing.T) {
	s := newFixed(t)
	f := setup(t, s)
	if _, err := s.AddCredentials(SeedVARAccount, "x", "y"); err != nil {
		t.Fatal(err)
	}
	checkRules(t, s, []ruleCase{
		{varUser, "User/Create", p("email", "bad"), "Invalid email: bad is not an e-mail address."},
		{varUser, "User/Create", p("email", "CHRIS@yourbrand.example"), "A user with the e-mail address CHRIS@yourbrand.example already exists."},
		{varUser, "User/Create", p("email", "new@x.example", "access_level", "ROOT"), "Invalid access_level: valid options are ADMIN, STAFF or SUPPORT."},
		{varUser, "User/Edit", p("user_id", "232"), "User 232 not found."},
		{varUser, "User/Edit", p("user_id", f.user, "status", "3"), "Invalid status: valid options are 1 or 2."},
		{varUser, "User/Edit", p("user_id", f.user, "email", "x"), "Invalid email: x is not an e-mail address."},
		{varUser, "User/Edit", p("user_id", f.user, "email", "var@yourbrand.example"), "A user with the e-mail address var@yourbrand.example already exists."},
		{varUser, "User/Edit", p("user_id", f.user, "access_level", "BOSS"), "Invalid access_level: valid options are ADMIN, STAFF or SUPPORT."},
		{varUser, "User/Edit", p("user_id", f.user, "profile_img", "me.png"), "Invalid profile_img: give the full URL of an image."},
		{varUser, "User/Edit", p("user_id", "233", "status", "2"), "You cannot lock your own user."},
	})
	// Create: user name from the name, a first password; default STAFF.
	u := must(t, s, varUser, "User/Create", p("email", "chris2@yourbrand.example", "first_name", "Chris", "last_name", "Westbrook")).child("user")
	if u.text1("username") != "chris_westbrook2" || len(u.text1("initial_password")) != 6 {
		t.Errorf("user %s %s", u.text1("username"), u.text1("initial_password"))
	}
	if n := must(t, s, varUser, "User/Create", p("email", "solo@x.example")).text1("user/username"); n != "solo1" {
		t.Errorf("username from the e-mail: %s", n)
	}
	list := must(t, s, varUser, "User/Search", p("user_id", u.attr("user_id"))).at("Users").all("user")
	if len(list) != 1 || list[0].text1("access_level") != "STAFF" || list[0].text1("status") != "1" || list[0].text1("last_login") != "" {
		t.Fatalf("search: %d", len(list))
	}
	me := must(t, s, varUser, "User/Search", p("user_id", "233")).at("Users/user")
	if me.text1("last_login") != "2019-07-31 10:30:00" || me.text1("last_ip") != "127.0.0.1" || me.text1("username") != DefaultUsername {
		t.Errorf("the API user: %s %s", me.text1("last_login"), me.text1("last_ip"))
	}
	if n := len(must(t, s, varUser, "User/Search", nil).at("Users").kids); n != 5 {
		t.Errorf("%d users", n)
	}
	// Edit everything; a STAFF API user cannot manage users.
	must(t, s, varUser, "User/Edit", p("user_id", u.attr("user_id"), "first_name", "C", "last_name", "W", "email", "cw@yourbrand.example",
		"access_level", "SUPPORT", "status", "2", "profile_img", "https://img.example/cw.jpg"))
	e := must(t, s, varUser, "User/Search", p("user_id", u.attr("user_id"))).at("Users/user")
	if e.text1("first_name") != "C" || e.text1("email") != "cw@yourbrand.example" || e.text1("access_level") != "SUPPORT" || e.text1("status") != "2" ||
		e.attr("profile_img") != "https://img.example/cw.jpg" {
		t.Errorf("edited: %s", jsonDoc(e))
	}
	for _, x := range must(t, s, varUser, "User/Search", nil).at("Users").all("user") {
		if strings.HasPrefix(x.text1("username"), "api_user") {
			must(t, s, varUser, "User/Edit", p("user_id", x.attr("user_id"), "access_level", "STAFF"))
		}
	}
	do(t, s, creds{"x", "y"}, "xml", "User/Create", p("email", "z@x.example")).wantErr(t, "Only ADMIN users can manage users.")
	do(t, s, creds{"x", "y"}, "xml", "User/Edit", p("user_id", f.user)).wantErr(t, "Only ADMIN users can manage users.")
	if n := len(must(t, s, coreUser, "User/Search", nil).at("Users").kids); n != 1 {
		t.Errorf("the CORE has %d users", n)
	}
}

func TestTransactionSearch(t *testing.T) {
	s := newFixed(t)
	f := setup(t, s)
	do(t, s, varUser, "xml", "Customer/Delete", p("account_number", SeedCustomer))
	checkRules(t, s, []ruleCase{
		{varUser, "Transaction/Search", p("status", "DONE"), "Invalid status: valid options are PENDING, SUCCESS, FAILURE or FAILED."},
	})
	all := must(t, s, varUser, "Transaction/Search", nil).at("transactions").all("transaction")
	if len(all) < 20 {
		t.Fatalf("%d transactions", len(all))
	}
	failed := all[0]
	if failed.text1("service") != "Customer/Delete" || failed.text1("status") != "FAILED" ||
		failed.text1("error") != "Customer account "+SeedCustomer+" has orders and cannot be deleted." || failed.text1("user") != DefaultUsername ||
		failed.text1("requesting_ip") != "127.0.0.1" {
		t.Errorf("latest: %s", jsonDoc(failed))
	}
	if fr := failed.text1("full_request"); fr != `{"format":"xml","service":"Customer","method":"Delete","API_USER_ID":"var@yourbrand.example","account_number":"`+SeedCustomer+`"}` {
		t.Errorf("full_request %s", fr)
	}
	for _, tc := range []struct {
		params []string
		want   int
	}{
		{[]string{"trans_id", failed.attr("trans_id")}, 1},
		{[]string{"order_number", f.order3}, 2}, // Create and Replenish
		{[]string{"account_number", f.customer2}, 3},
		{[]string{"service", "order/create"}, 3},
		{[]string{"status", "FAILURE"}, 1},
		{[]string{"status", "PENDING"}, 0},
	} {
		if n := len(must(t, s, varUser, "Transaction/Search", p(tc.params...)).at("transactions").kids); n != tc.want {
			t.Errorf("Transaction/Search %v: %d, want %d", tc.params, n, tc.want)
		}
	}
	// The CORE sees the VAR's calls too; the VAR not the CORE's.
	coreAll := must(t, s, coreUser, "Transaction/Search", nil).at("transactions").kids
	varAll := must(t, s, varUser, "Transaction/Search", nil).at("transactions").kids
	if len(coreAll) <= len(varAll) {
		t.Errorf("CORE %d, VAR %d", len(coreAll), len(varAll))
	}
	for _, x := range varAll {
		if x.text1("user") == CoreUsername {
			t.Fatal("the VAR sees a CORE call")
		}
	}
	// At most 350.
	for i := range 360 {
		do(t, s, varUser, "xml", "Alerts/Edit", p("alert_id", "0", "status", fmt.Sprint(1+i%2)))
	}
	if n := len(must(t, s, varUser, "Transaction/Search", nil).at("transactions").kids); n != 350 {
		t.Errorf("%d transactions listed", n)
	}
	tx, ok := s.Transaction(failed.attr("trans_id"))
	if !ok || tx.Service != "Customer/Delete" || tx.CloudAccount != SeedVARAccount || tx.AccountNumber != SeedCustomer || tx.User != DefaultUsername {
		t.Errorf("Transaction() = %+v", tx)
	}
	if _, ok := s.Transaction("1"); ok {
		t.Error("Transaction(1)")
	}
}

func TestReports(t *testing.T) {
	clk := &clock{t: testNow}
	s := newTestServer(t, WithClock(clk.now))
	f := setup(t, s)
	must(t, s, varUser, "Order/Cancel", p("account_number", f.customer2, "order_number", f.order3))
	must(t, s, varUser, "Order/Status", p("account_number", SeedCustomer, "order_number", f.order1))
	checkRules(t, s, []ruleCase{
		{varUser, "Reports/Search", p("dashboard", "1"), "Invalid dashboard: it must be Y or N."},
		{varUser, "Reports/Search", p("cloud_account_number", f.partner), "The cloud_account_type parameter is required with cloud_account_number."},
		{varUser, "Reports/Search", p("account_number", "1"), "Customer account 1 not found."},
		{varUser, "Reports/Search", p("cloud_account_type", "CORE", "cloud_account_number", SeedCoreAccount), "Cloud account " + SeedCoreAccount + " not found."},
	})
	r := must(t, s, varUser, "Reports/Search", nil).child("Reports")
	if r.text1("account_number") != "" || r.text1("orders/active") != "1" || r.text1("orders/suspended") != "1" || r.text1("orders/cancelled") != "1" || r.text1("orders/non-pay") != "0" {
		t.Errorf("orders: %s", jsonDoc(r.child("orders")))
	}
	churn := r.at("orders/churn").all("item")
	if len(churn) != 30 || churn[0].attr("date") != "2019-07-30" || churn[29].attr("date") != "2019-07-01" {
		t.Errorf("churn: %d items", len(churn))
	}
	// The wholesale spend: the three orders (20.00 + 15.00 + 20.00) and the
	// replenishment on plan3 (the product's 20.00); the income: what the
	// customers paid for the plans.
	if got := r.text1("financial/wholesale_spend/current_month"); got != "75.00" {
		t.Errorf("wholesale spend %s", got)
	}
	if got := r.text1("financial/income/current_month"); got != "110.00" { // 25 + 15 + 25 + 45
		t.Errorf("income %s", got)
	}
	// Next month: the cancellation is churn, this month is "previous".
	clk.add(24 * time.Hour)
	r = must(t, s, varUser, "Reports/Search", nil).child("Reports")
	if churn := r.at("orders/churn").all("item"); churn[0].attr("date") != "2019-07-31" || churn[0].text != "1" {
		t.Errorf("churn %s = %s", churn[0].attr("date"), churn[0].text)
	}
	if r.text1("financial/wholesale_spend/previous_month") != "75.00" || r.text1("financial/wholesale_spend/current_month") != "0.00" {
		t.Errorf("months: %s", jsonDoc(r.child("financial")))
	}
	if m1 := r.at("financial/income/history").child("month_1"); m1.attr("month_name") != "JULY" || m1.attr("month_year") != "2019-07" || m1.text != "110.00" {
		t.Errorf("month_1 %v %s", m1.attrs, m1.text)
	}
	// Dashboard mode: no history, no churn.
	d := must(t, s, varUser, "Reports/Search", p("dashboard", "Y")).child("Reports")
	if d.at("orders/churn") != nil || d.at("financial/income/history") != nil || d.at("financial/wholesale_spend/current_month") == nil {
		t.Errorf("dashboard: %s", jsonDoc(d))
	}
	// A cloud account under the caller's, and a customer.
	pr := must(t, s, varUser, "Reports/Search", p("cloud_account_type", "PARTNER", "cloud_account_number", f.partner)).child("Reports")
	if pr.text1("orders/active") != "0" || pr.text1("financial/income/previous_month") != "0.00" {
		t.Errorf("partner: %s", jsonDoc(pr.child("orders")))
	}
	cr := must(t, s, coreUser, "Reports/Search", p("account_number", f.customer2)).child("Reports")
	if cr.text1("account_number") != f.customer2 || cr.text1("orders/cancelled") != "1" || cr.text1("financial/wholesale_spend/previous_month") != "40.00" || cr.text1("financial/income/previous_month") != "70.00" {
		t.Errorf("customer: %s", jsonDoc(cr))
	}
}

// TestConcurrency runs many clients at once (go test -race).
func TestConcurrency(t *testing.T) {
	s := newTestServer(t, WithOrderDelay(5*time.Millisecond))
	must(t, s, coreUser, "Billing/Create", p("cloud_account_type", "VAR", "cloud_account_number", SeedVARAccount, "type", "CREDIT", "amount", "10000.00"))
	var wg sync.WaitGroup
	errs := make(chan error, 200)
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 10 {
				format := []string{"xml", "json"}[i%2]
				r, err := tryDo(s, varUser, format, "Customer/Create", p("first_name", "W", "last_name", fmt.Sprint(w, "-", i)))
				if err != nil || r.status != 200 || strings.Contains(string(r.raw), "error") {
					errs <- fmt.Errorf("create: %v %s", err, r.raw)
					return
				}
				r, err = tryDo(s, varUser, "xml", "Order/Create", p("account_number", SeedCustomer, "rate_plan_id", SeedRatePlan, "var1", "1", "var2", "2"))
				if err != nil || !strings.Contains(string(r.raw), "<status>") {
					errs <- fmt.Errorf("order: %v %s", err, r.raw)
					return
				}
				for _, op := range []string{"Order/Search", "Transaction/Search", "Reports/Search"} {
					if _, err := tryDo(s, coreUser, format, op, nil); err != nil {
						errs <- err
						return
					}
				}
				_, _ = s.Balance(SeedVARAccount)
				_ = s.Requests()
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for range 20 {
			s.CompleteOrders()
			s.FailNextOrder("busy")
			time.Sleep(time.Millisecond)
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	s.CompleteOrders()
	orders := must(t, s, varUser, "Order/Search", p("account_number", SeedCustomer)).at("Orders").all("order")
	failed := 0
	for _, o := range orders {
		switch o.text1("status") {
		case "FAILED":
			failed++
		case "ACTIVE":
		default:
			t.Errorf("order %s is %s", o.attr("order_number"), o.text1("status"))
		}
	}
	if len(orders) != 80 {
		t.Errorf("%d orders", len(orders))
	}
	// Every order charged 20.00, every failed one refunded.
	want := fmtMoney(65700 + 1000000 - int64(80-failed)*2000)
	if b, _ := s.Balance(SeedVARAccount); b != want {
		t.Errorf("balance %s, want %s (%d failed)", b, want, failed)
	}
	if n := len(must(t, s, varUser, "Customer/Search", p("first_name", "W")).all("customer")); n != 80 {
		t.Errorf("%d customers", n)
	}
}
