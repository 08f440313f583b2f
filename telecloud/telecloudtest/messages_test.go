package telecloudtest

import (
	"strconv"
	"strings"
	"testing"
)

func TestAlertsAndAnnouncements(t *testing.T) {
	s := newFixed(t)
	f := setup(t, s)
	checkRules(t, s, []ruleCase{
		{varUser, "Alerts/Search", p("type", "NOTICE"), "Invalid type: valid options are ALERT or ANNOUNCEMENT."},
		{varUser, "Alerts/Search", p("status", "3"), "Invalid status: valid options are 1 or 2."},
		{varUser, "Alerts/Edit", p("alert_id", f.alert, "status", "0"), "Invalid status: valid options are 1 or 2."},
		{varUser, "Alerts/Edit", p("alert_id", f.alert), "The status parameter is required."},
		{coreUser, "Alerts/Edit", p("alert_id", f.alert, "status", "2"), "Alert " + f.alert + " not found."},
		{varUser, "Announcements/Create", p("subject", "S", "description", "D", "show_var", "X", "email_notification", "N"), "Invalid show_var: it must be Y or N."},
		{varUser, "Announcements/Create", p("subject", "S", "description", "D", "email_notification", "yes"), "Invalid email_notification: it must be Y or N."},
		// The newer page lists email_notification as required, the show flags as optional.
		{varUser, "Announcements/Create", p("subject", "S", "description", "D", "show_var", "Y"), "The email_notification parameter is required."},
		{varUser, "Announcements/Create", p("description", "D", "email_notification", "N"), "The subject parameter is required."},
		{varUser, "Announcements/Delete", p("announcement_id", "1"), "Announcement 1 not found."},
	})
	// The VAR user has the CORE's announcement and the credit alert.
	al := must(t, s, varUser, "Alerts/Search", nil).at("Alerts").all("alert")
	if len(al) != 2 || al[0].text1("type") != "ANNOUNCEMENT" || al[0].text1("user_id") != DefaultUsername || al[0].text1("date") != "July 31st, 2019 10:30am" {
		t.Fatalf("alerts: %d", len(al))
	}
	if n := len(must(t, s, varUser, "Alerts/Search", p("type", "ALERT")).at("Alerts").kids); n != 1 {
		t.Errorf("%d ALERTs", n)
	}
	// Dismiss one; read counts on the announcement follow.
	ed := must(t, s, varUser, "Alerts/Edit", p("alert_id", al[0].attr("alert_id"), "status", "2")).child("alert")
	if ed.text1("status") != "2" {
		t.Errorf("edit: %s", jsonDoc(ed))
	}
	if n := len(must(t, s, varUser, "Alerts/Search", p("status", "1")).at("Alerts").kids); n != 1 {
		t.Errorf("%d unread", n)
	}
	an := must(t, s, coreUser, "Announcements/Search", nil).at("Announcements/announcement")
	if an.attr("read") != "1" || an.attr("unread") != "0" || an.attr("show_var") != "Y" || an.text1("contents") != "<p>V3 is retired.</p>" {
		t.Errorf("announcement %v", an.attrs)
	}
	// A VAR's announcement reaches its partners' and affiliates' users, its
	// subject HTML-encoded.
	if _, err := s.AddCredentials(f.partner, "pa", "pk"); err != nil {
		t.Fatal(err)
	}
	id := must(t, s, varUser, "Announcements/Create", p("subject", "Fish & Chips", "description", "<p>Friday</p>", "show_partner", "Y", "show_affiliate", "N", "email_notification", "N")).child("announcement").attr("announcement_id")
	pal := must(t, s, creds{"pa", "pk"}, "Alerts/Search", nil).at("Alerts").all("alert")
	if len(pal) != 1 || pal[0].text1("subject") != "Fish &amp; Chips" || pal[0].text1("content") != "<p>Friday</p>" {
		t.Fatalf("partner alerts: %d", len(pal))
	}
	mine := must(t, s, varUser, "Announcements/Search", p("announcement_id", id)).at("Announcements").all("announcement")
	if len(mine) != 1 || mine[0].attr("unread") != "2" || mine[0].attr("show_partner") != "Y" || mine[0].text1("subject") != "Fish &amp; Chips" {
		t.Errorf("announcements: %d", len(mine))
	}
	// Delete takes its alerts away.
	must(t, s, varUser, "Announcements/Delete", p("announcement_id", id))
	if n := len(must(t, s, creds{"pa", "pk"}, "Alerts/Search", nil).at("Alerts").kids); n != 0 {
		t.Errorf("%d partner alerts after Delete", n)
	}
	do(t, s, varUser, "xml", "Announcements/Delete", p("announcement_id", id)).wantErr(t, "Announcement "+id+" not found.")
	// The show flags are optional: an announcement shown to no account type
	// is posted, and alerts nobody.
	nobody := must(t, s, varUser, "Announcements/Create", p("subject", "Draft", "description", "<p>x</p>", "email_notification", "N")).child("announcement").attr("announcement_id")
	shown := must(t, s, varUser, "Announcements/Search", p("announcement_id", nobody)).at("Announcements/announcement")
	if shown.attr("show_var") != "N" || shown.attr("show_partner") != "N" || shown.attr("show_affiliate") != "N" || shown.attr("unread") != "0" {
		t.Errorf("announcement shown to nobody: %v", shown.attrs)
	}
	// JSON loses CDATA.
	j := do(t, s, varUser, "json", "Alerts/Search", p("status", "2")).okJSON(t)
	alert := j["Alerts"].(map[string]any)["alert"].(map[string]any)
	if c, ok := alert["content"].(map[string]any); !ok || len(c) != 0 {
		t.Errorf("JSON content %v", alert["content"])
	}
}

func TestNotifications(t *testing.T) {
	s := newTestServer(t)
	f := setup(t, s)
	checkRules(t, s, []ruleCase{
		{varUser, "Notifications/Create", p("event", "Order/Delete", "html", "x"), "Invalid event: valid options are Ticket/Create, CloudAccount/Create, Order/Create, Order/Replenish, Order/Cancel, Ticket/Reply or Order/Reminder."},
		{varUser, "Notifications/Create", p("event", "Order/Cancel"), "The html parameter is required."},
		{varUser, "Notifications/Create", p("event", "Order/Cancel", "html", "x", "notify_customer", "1"), "Invalid notify_customer: it must be Y or N."},
		{varUser, "Notifications/Create", p("event", "Order/Cancel", "html", "x", "notify_customer", "Y"), "The html_customer parameter is required when notify_customer is Y."},
		{varUser, "Notifications/Create", p("event", "CloudAccount/Create", "html", "x", "notify_customer", "Y", "html_customer", "y"), "Customer notifications are not available for CloudAccount/Create."},
		{varUser, "Notifications/Create", p("event", "Order/Cancel", "html", "x", "from_email", "me"), "Invalid from_email: me is not an e-mail address."},
		{varUser, "Notifications/Create", p("event", "order/create", "html", "x"), "A notification for Order/Create already exists (notification_id " + f.notification + ")."},
		{varUser, "Notifications/Edit", p("notification_id", "1"), "Notification 1 not found."},
		{varUser, "Notifications/Edit", p("notification_id", f.notification, "event", "Nope"), "Invalid event: valid options are Ticket/Create, CloudAccount/Create, Order/Create, Order/Replenish, Order/Cancel, Ticket/Reply or Order/Reminder."},
		{varUser, "Notifications/Delete", p("notification_id", "1"), "Notification 1 not found."},
		{varUser, "Notifications/Search", p("event", "Nope"), "Invalid event: valid options are Ticket/Create, CloudAccount/Create, Order/Create, Order/Replenish, Order/Cancel, Ticket/Reply or Order/Reminder."},
		{varUser, "Notifications/SearchTemplate", p("event", "Nope"), "Invalid event: valid options are Ticket/Create, CloudAccount/Create, Order/Create, Order/Replenish, Order/Cancel, Ticket/Reply or Order/Reminder."},
	})
	// The answer of Create carries notify_customer on the root.
	r := must(t, s, varUser, "Notifications/Create", p("event", "Order/Cancel", "html", "<p>Bye</p>"))
	if r.attr("notify_customer") != "N" || r.at("notification/html").text != "<p>Bye</p>" || !r.at("notification/html").cdata {
		t.Errorf("create: %v", r.attrs)
	}
	cancel := r.child("notification").attr("notification_id")
	tmpl := must(t, s, varUser, "Notifications/SearchTemplate", nil).at("templates").all("notification_template")
	if len(tmpl) != 7 || tmpl[0].attr("template_id") != "7" || tmpl[6].text1("event") != "Ticket/Create" {
		t.Fatalf("templates: %d", len(tmpl))
	}
	ready := map[string][2]string{}
	for _, tp := range tmpl {
		ready[tp.text1("event")] = [2]string{tp.text1("cloud_notification_status"), tp.text1("customer_notification_status")}
	}
	if ready["Order/Create"] != [2]string{"READY", "READY"} || ready["Order/Cancel"] != [2]string{"READY", "NOT READY"} || ready["Ticket/Reply"] != [2]string{"NOT READY", "NOT READY"} {
		t.Errorf("readiness %v", ready)
	}
	if one := must(t, s, varUser, "Notifications/SearchTemplate", p("event", "CloudAccount/Create")).at("templates").all("notification_template"); len(one) != 1 || one[0].child("event").attr("customer_notification_available") != "N" {
		t.Errorf("one template: %d", len(one))
	}
	// Edit: moving onto an event already taken is refused.
	do(t, s, varUser, "xml", "Notifications/Edit", p("notification_id", cancel, "event", "Order/Create")).
		wantErr(t, "A notification for Order/Create already exists (notification_id "+f.notification+").")
	e := must(t, s, varUser, "Notifications/Edit", p("notification_id", cancel, "event", "Order/Replenish", "notify_customer", "Y", "html_customer", "<p>You</p>", "from_email", "a@b.example"))
	n := e.child("notification")
	if n.attr("notification_id") != cancel || n.attr("notify_customer") != "Y" || n.text1("event") != "Order/Replenish" || n.text1("html") != "<p>Bye</p>" {
		t.Errorf("edit %v", n.attrs)
	}
	if l := must(t, s, varUser, "Notifications/Search", p("event", "Order/Replenish")).at("Notifications").all("notification"); len(l) != 1 || l[0].text1("html_customer") != "<p>You</p>" {
		t.Errorf("search by event: %d", len(l))
	}
	if n := len(must(t, s, varUser, "Notifications/Search", nil).at("Notifications").kids); n != 2 {
		t.Errorf("%d notifications", n)
	}
	must(t, s, varUser, "Notifications/Delete", p("notification_id", cancel))
	if n := len(must(t, s, varUser, "Notifications/Search", nil).at("Notifications").kids); n != 1 {
		t.Errorf("%d notifications after Delete", n)
	}
	if n := len(must(t, s, coreUser, "Notifications/Search", nil).at("Notifications").kids); n != 0 {
		t.Errorf("the CORE sees %d of the VAR's notifications", n)
	}
}

func TestTickets(t *testing.T) {
	s := newFixed(t)
	f := setup(t, s)
	ticket := func(kv ...string) []string {
		return append([]string{"subject", "A long enough subject", "message", "Help"}, kv...)
	}
	checkRules(t, s, []ruleCase{
		{varUser, "Ticket/Create", p(ticket("subject", "Too short")...), "The subject must be at least 10 characters."},
		{varUser, "Ticket/Create", p(ticket("department", "HR")...), "Invalid department: valid options are SALES, TECH SUPPORT or BILLING."},
		{varUser, "Ticket/Create", p(ticket("direction", "OUTBOUND")...), "Invalid direction: valid options are INTERNAL, EXTERNAL or EXTERNAL-CUSTOMER."},
		{varUser, "Ticket/Create", p(ticket("direction", "EXTERNAL-CUSTOMER")...), "The account_number parameter is required when direction is EXTERNAL-CUSTOMER."},
		{varUser, "Ticket/Create", p(ticket("guest_email", "guest")...), "Invalid guest_email: guest is not an e-mail address."},
		{varUser, "Ticket/Create", p(ticket("attachments", "https://x.example/a.png,file.png")...), "Invalid attachments: file.png is not the full URL of an image."},
		{varUser, "Ticket/Create", p(ticket("account_number", "0")...), "Customer account 0 not found."},
		{varUser, "Ticket/Create", p(ticket("order_number", f.order1)...), "The account_number parameter is required with order_number."},
		{varUser, "Ticket/Create", p(ticket("account_number", f.customer2, "order_number", f.order1)...), "Order " + f.order1 + " not found on account " + f.customer2 + "."},
		{varUser, "Ticket/Create", p(ticket("cloud_account_type", "AFFILIATE", "cloud_account_number", f.partner)...), "Cloud account " + f.partner + " is a PARTNER account, not AFFILIATE."},
		{varUser, "Ticket/Create", p("subject", "A long enough subject"), "The message parameter is required."},
		{varUser, "Ticket/Reply", p("ticket_id", "X-1", "message", "m"), "Ticket X-1 not found."},
		{varUser, "Ticket/Reply", p("ticket_id", f.ticket, "message", "m", "working", "maybe"), "Invalid working: it must be Y or N."},
		{varUser, "Ticket/Reply", p("ticket_id", f.ticket, "message", "m", "account_number", f.customer2), "Customer account " + f.customer2 + " is not linked to ticket " + f.ticket + "."},
		{varUser, "Ticket/Reply", p("ticket_id", f.ticket, "message", "m", "guest_email", "nope"), "Invalid guest_email: nope is not an e-mail address."},
		{varUser, "Ticket/Reply", p("ticket_id", f.ticket, "message", "m", "attachments", "x"), "Invalid attachments: x is not the full URL of an image."},
		{varUser, "Ticket/Edit", p("ticket_id", f.ticket, "status", "ANSWERED"), "Invalid status: a ticket can only be set to CLOSED or ON-HOLD."},
		{varUser, "Ticket/Edit", p("ticket_id", f.ticket, "status", "DONE"), "Invalid status: valid options are OPEN, ANSWERED, WORKING, CLOSED or ON-HOLD."},
		{varUser, "Ticket/Search", p("direction", "EXTERNAL-CUSTOMER"), "Invalid direction: valid options are INTERNAL or EXTERNAL."},
		{varUser, "Ticket/Search", p("status", "PENDING"), "Invalid status: valid options are OPEN, ANSWERED, WORKING, CLOSED or ON-HOLD."},
		{varUser, "Ticket/Search", p("cloud_account_number", "1", "cloud_account_type", "PARTNER"), "Cloud account 1 not found."},
	})
	// Opened by a customer, a guest, staff; linked to a cloud account.
	byCustomer := must(t, s, varUser, "Ticket/Create", p(ticket("direction", "EXTERNAL-CUSTOMER", "account_number", SeedCustomer, "department", "billing")...)).child("ticket").attr("ticket_id")
	byGuest := must(t, s, varUser, "Ticket/Create", p(ticket("guest_email", "guest@example.com")...)).child("ticket").attr("ticket_id")
	staff := must(t, s, varUser, "Ticket/Create", p(ticket("cloud_account_type", "PARTNER", "cloud_account_number", f.partner)...)).child("ticket").attr("ticket_id")
	if !strings.HasPrefix(byCustomer, "YW-") {
		t.Errorf("ticket id %s", byCustomer)
	}
	get := func(id string) *node {
		t.Helper()
		return must(t, s, varUser, "Ticket/Search", p("ticket_id", id)).at("Tickets/ticket")
	}
	c := get(byCustomer)
	if c.text1("direction") != "EXTERNAL" || c.text1("opened_by") != "Gina Hammond [CUSTOMER]" || c.text1("department") != "BILLING" || c.text1("status") != "OPEN" {
		t.Errorf("customer ticket: %s %s", c.text1("direction"), c.text1("opened_by"))
	}
	g := get(byGuest)
	if g.text1("direction") != "EXTERNAL" || g.text1("opened_by") != "guest@example.com [GUEST]" || g.text1("department") != "TECH SUPPORT" {
		t.Errorf("guest ticket: %s %s", g.text1("direction"), g.text1("opened_by"))
	}
	st := get(staff)
	if st.text1("direction") != "INTERNAL" || st.text1("opened_by") != "Test Dealer [VAR]" || st.child("VAR").attr("cloud_account_number") != SeedVARAccount ||
		st.text1("CORE") != "TeleCloud Core Networks" || st.child("date").attr("last_reply") != "0000-00-00 00:00:00" || st.at("attachments").attr("results") != "0" {
		t.Errorf("staff ticket: %s", jsonDoc(st))
	}
	// Replies set the status: staff ANSWERED (WORKING on request), a
	// customer or guest OPEN.
	reply := func(id string, kv ...string) string {
		t.Helper()
		must(t, s, varUser, "Ticket/Reply", p(append([]string{"ticket_id", id, "message", "Reply"}, kv...)...))
		return get(id).text1("status")
	}
	if got := reply(byCustomer); got != "ANSWERED" {
		t.Errorf("staff reply: %s", got)
	}
	if got := reply(byCustomer, "account_number", SeedCustomer, "attachments", "https://x.example/shot.png"); got != "OPEN" {
		t.Errorf("customer reply: %s", got)
	}
	if got := reply(byCustomer, "working", "Y"); got != "WORKING" {
		t.Errorf("working: %s", got)
	}
	if got := reply(byGuest, "guest_email", "guest@example.com"); got != "OPEN" {
		t.Errorf("guest reply: %s", got)
	}
	rs := get(byCustomer).all("reply")
	if len(rs) != 3 || rs[1].text1("posted_by") != "Gina Hammond [CUSTOMER]" || rs[1].child("posted_by").attr("type") != "CUSTOMER" ||
		rs[1].at("attachments/file").text != "https://x.example/shot.png" {
		t.Errorf("replies: %d", len(rs))
	}
	// Edit, then search by every criterion.
	must(t, s, varUser, "Ticket/Edit", p("ticket_id", strings.ToLower(staff), "status", "ON-HOLD"))
	must(t, s, varUser, "Ticket/Edit", p("ticket_id", byGuest, "status", "CLOSED"))
	for _, tc := range []struct {
		params []string
		want   int
	}{
		{nil, 4},
		{[]string{"account_number", SeedCustomer}, 2},
		{[]string{"order_number", f.order1}, 1},
		{[]string{"direction", "INTERNAL"}, 1},
		{[]string{"status", "CLOSED"}, 1},
		{[]string{"status", "ON-HOLD", "cloud_account_type", "PARTNER", "cloud_account_number", f.partner}, 1},
		{[]string{"cloud_account_type", "VAR", "cloud_account_number", SeedVARAccount}, 3},
	} {
		res := must(t, s, varUser, "Ticket/Search", p(tc.params...)).child("Tickets")
		if n := len(res.all("ticket")); n != tc.want || res.attr("results") != strconv.Itoa(tc.want) {
			t.Errorf("Ticket/Search %v: %d (%s), want %d", tc.params, n, res.attr("results"), tc.want)
		}
		if tc.params == nil && len(res.at("ticket").all("reply")) != 0 {
			t.Error("replies without ticket_id")
		}
	}
	// The CORE sees them all; a partner only its own.
	if n := len(must(t, s, coreUser, "Ticket/Search", nil).at("Tickets").kids); n != 4 {
		t.Errorf("CORE sees %d tickets", n)
	}
	if _, err := s.AddCredentials(f.partner, "pt", "pk"); err != nil {
		t.Fatal(err)
	}
	if n := len(must(t, s, creds{"pt", "pk"}, "Ticket/Search", nil).at("Tickets").kids); n != 1 {
		t.Errorf("partner sees %d tickets", n)
	}
	// Reports count them by direction and status.
	tk := must(t, s, varUser, "Reports/Search", nil).at("Reports/tickets")
	if tk.text1("internal/closed") != "0" || tk.text1("external/closed") != "1" || tk.text1("external/working") != "1" || tk.text1("external/answered") != "1" {
		t.Errorf("ticket report %s", jsonDoc(tk))
	}
}
