package telecloudtest

import (
	"html"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Alerts

// alertsSearch lists the calling user's alerts, newest first.
func alertsSearch(st *state, c *call) (*node, error) {
	typ, err := c.oneOf("type", "ALERT", "ANNOUNCEMENT")
	if err != nil {
		return nil, err
	}
	status, err := c.status("status", statusActive, statusLocked)
	if err != nil {
		return nil, err
	}
	list := el("Alerts")
	for _, a := range slices.Backward(st.alerts) {
		if a.user != c.user || (typ != "" && a.typ != typ) || (status != 0 && a.status != status) {
			continue
		}
		list.add(el("alert",
			leaf("date", fmtLongDate(a.date)),
			leaf("user_id", a.user.username),
			leaf("subject", html.EscapeString(a.subject)),
			cdataLeaf("content", a.content),
			leaf("status", strconv.Itoa(a.status)),
			leaf("type", a.typ),
		).set("alert_id", a.id).set("order_number", a.order).set("account_number", a.account).
			set("transaction_id", a.transaction).set("billing_trans_id", a.bill))
	}
	return el("telecloud", list), nil
}

// alertsEdit sets alerts NEW (1) or DISMISSED (2). The vendor's newer page
// lists status as its only parameter and says nothing of which alerts it
// changes: without an alert_id (the name the telecloud package infers from
// Alerts/Search) every alert of the API user is changed, with one only that
// alert. The answer has one <alert> per alert changed (the reference shows
// no sample).
func alertsEdit(st *state, c *call) (*node, error) {
	status, err := c.status("status", statusActive, statusLocked)
	if err != nil {
		return nil, err
	}
	id := c.get("alert_id")
	root := el("telecloud")
	for _, a := range st.alerts {
		if a.user == c.user && (id == "" || a.id == id) {
			a.status = status
			root.add(el("alert", leaf("status", strconv.Itoa(status))).set("alert_id", a.id))
		}
	}
	if id != "" && len(root.kids) == 0 {
		return nil, fail("Alert %s not found.", id)
	}
	return root, nil
}

// Announcements

func announcementsSearch(st *state, c *call) (*node, error) {
	id := c.get("announcement_id")
	list := el("Announcements")
	for _, an := range slices.Backward(st.announcements) {
		if an.deleted || an.account != c.acct || (id != "" && an.id != id) {
			continue
		}
		read, unread := 0, 0
		for _, a := range st.alerts {
			if a.announcement == an {
				if a.status == statusActive {
					unread++
				} else {
					read++
				}
			}
		}
		list.add(el("announcement",
			leaf("date", fmtLongDate(an.date)),
			leaf("subject", html.EscapeString(an.subject)),
			cdataLeaf("contents", an.contents),
		).set("announcements_id", an.id).set("show_var", an.showVAR).set("show_partner", an.showPartner).
			set("show_affiliate", an.showAffiliate).set("read", strconv.Itoa(read)).set("unread", strconv.Itoa(unread)))
	}
	return el("telecloud", list), nil
}

// announcementsCreate posts an announcement: every user of the accounts
// under the caller's whose type it is shown to gets an ANNOUNCEMENT alert.
func announcementsCreate(st *state, c *call) (*node, error) {
	an := &announcement{account: c.acct, date: c.now, subject: c.get("subject"), contents: c.get("description")}
	var err error
	for _, f := range []struct {
		name string
		dst  *string
	}{{"show_var", &an.showVAR}, {"show_partner", &an.showPartner}, {"show_affiliate", &an.showAffiliate}, {"email_notification", &an.email}} {
		if *f.dst, err = c.yn(f.name); err != nil {
			return nil, err
		}
		if *f.dst == "" { // optional in the newer page's list; email_notification is required
			*f.dst = "N"
		}
	}
	an.id = st.next("announcement")
	st.announcements = append(st.announcements, an)
	shown := map[string]bool{typeVAR: an.showVAR == "Y", typePartner: an.showPartner == "Y", typeAffiliate: an.showAffiliate == "Y"}
	for _, u := range st.users {
		if u.deleted || u.account.deleted || u.account == c.acct || !under(u.account, c.acct) || !shown[u.account.typ] {
			continue
		}
		st.alerts = append(st.alerts, &alert{id: st.next("alert"), user: u, date: c.now, subject: an.subject,
			content: an.contents, status: statusActive, typ: "ANNOUNCEMENT", announcement: an})
	}
	return el("telecloud", el("announcement").set("announcement_id", an.id)), nil
}

// announcementsDelete removes an announcement and the alerts it made.
func announcementsDelete(st *state, c *call) (*node, error) {
	id := c.get("announcement_id")
	for _, an := range st.announcements {
		if an.id == id && an.account == c.acct && !an.deleted {
			an.deleted = true
			st.alerts = slices.DeleteFunc(st.alerts, func(a *alert) bool { return a.announcement == an })
			return el("telecloud", el("announcement").set("announcement_id", id)), nil
		}
	}
	return nil, fail("Announcement %s not found.", id)
}

// Notifications

// notificationEvents are the events notifications exist for, by template id,
// with whether a customer notification is available.
var notificationEvents = []struct {
	event    string
	customer string
}{
	{"Ticket/Create", "Y"},       // template 1
	{"CloudAccount/Create", "N"}, // 2
	{"Order/Create", "Y"},        // 3
	{"Order/Replenish", "Y"},     // 4
	{"Order/Cancel", "Y"},        // 5
	{"Ticket/Reply", "Y"},        // 6
	{"Order/Reminder", "Y"},      // 7
}

// eventParam reads an event parameter: "" when not given, else one of
// notificationEvents, with whether it has a customer notification.
func eventParam(c *call, name string) (event string, customer bool, err error) {
	v := c.get(name)
	if v == "" {
		return "", false, nil
	}
	names := make([]string, len(notificationEvents))
	for i, e := range notificationEvents {
		if strings.EqualFold(v, e.event) {
			return e.event, e.customer == "Y", nil
		}
		names[i] = e.event
	}
	return "", false, fail("Invalid %s: valid options are %s.", name, orList(names))
}

func customerAvailable(event string) string {
	for _, e := range notificationEvents {
		if e.event == event {
			return e.customer
		}
	}
	return "N"
}

func notificationsSearch(st *state, c *call) (*node, error) {
	event, _, err := eventParam(c, "event")
	if err != nil {
		return nil, err
	}
	id := c.get("notification_id")
	list := el("Notifications")
	for _, n := range st.notifications {
		if n.deleted || n.account != c.acct || (event != "" && n.event != event) || (id != "" && n.id != id) {
			continue
		}
		list.add(el("notification",
			leaf("event", n.event).set("customer_notification_available", customerAvailable(n.event)),
			leaf("from_email", n.fromEmail),
			cdataLeaf("html", n.html),
			cdataLeaf("html_customer", n.htmlCustomer),
		).set("notification_id", n.id).set("notify_customer", n.notifyCustomer))
	}
	return el("telecloud", list), nil
}

// checkNotification validates a notification's settings.
func checkNotification(n *notification) error {
	if n.notifyCustomer == "Y" && customerAvailable(n.event) != "Y" {
		return fail("Customer notifications are not available for %s.", n.event)
	}
	if n.notifyCustomer == "Y" && strings.TrimSpace(n.htmlCustomer) == "" {
		return fail("The html_customer parameter is required when notify_customer is Y.")
	}
	if n.fromEmail != "" && !validEmail(n.fromEmail) {
		return fail("Invalid from_email: %s is not an e-mail address.", n.fromEmail)
	}
	return nil
}

// setNotification applies the given parameters to n.
func setNotification(c *call, n *notification) error {
	event, _, err := eventParam(c, "event")
	if err != nil {
		return err
	}
	notify, err := c.yn("notify_customer")
	if err != nil {
		return err
	}
	if event != "" {
		n.event = event
	}
	if notify != "" {
		n.notifyCustomer = notify
	}
	if c.has("html") {
		n.html = c.p.Get("html")
	}
	if c.has("html_customer") {
		n.htmlCustomer = c.p.Get("html_customer")
	}
	if c.has("from_email") {
		n.fromEmail = c.get("from_email")
	}
	return checkNotification(n)
}

func notificationsCreate(st *state, c *call) (*node, error) {
	n := &notification{account: c.acct, notifyCustomer: "N"}
	if err := setNotification(c, n); err != nil {
		return nil, err
	}
	for _, o := range st.notifications {
		if !o.deleted && o.account == c.acct && o.event == n.event {
			return nil, fail("A notification for %s already exists (notification_id %s).", n.event, o.id)
		}
	}
	n.id = st.next("notification")
	st.notifications = append(st.notifications, n)
	return el("telecloud", el("notification",
		leaf("event", n.event),
		leaf("from_email", n.fromEmail),
		cdataLeaf("html", n.html),
		cdataLeaf("html_customer", n.htmlCustomer),
	).set("notification_id", n.id)).set("notify_customer", n.notifyCustomer), nil
}

func (st *state) notificationFor(c *call) (*notification, error) {
	id := c.get("notification_id")
	for _, n := range st.notifications {
		if n.id == id && n.account == c.acct && !n.deleted {
			return n, nil
		}
	}
	return nil, fail("Notification %s not found.", id)
}

func notificationsEdit(st *state, c *call) (*node, error) {
	n, err := st.notificationFor(c)
	if err != nil {
		return nil, err
	}
	edited := *n
	if err := setNotification(c, &edited); err != nil {
		return nil, err
	}
	for _, o := range st.notifications {
		if o != n && !o.deleted && o.account == c.acct && o.event == edited.event {
			return nil, fail("A notification for %s already exists (notification_id %s).", edited.event, o.id)
		}
	}
	*n = edited
	return el("telecloud", el("notification",
		leaf("event", n.event),
		leaf("from_email", n.fromEmail),
		cdataLeaf("html", n.html),
		cdataLeaf("html_customer", n.htmlCustomer),
	).set("notification_id", n.id).set("notify_customer", n.notifyCustomer)), nil
}

func notificationsDelete(st *state, c *call) (*node, error) {
	n, err := st.notificationFor(c)
	if err != nil {
		return nil, err
	}
	n.deleted = true
	return el("telecloud", el("notification").set("notification_id", n.id)), nil
}

// notificationsSearchTemplate lists the event templates, with whether the
// caller's notification for each is READY.
func notificationsSearchTemplate(st *state, c *call) (*node, error) {
	event, _, err := eventParam(c, "event")
	if err != nil {
		return nil, err
	}
	list := el("templates")
	for i := len(notificationEvents) - 1; i >= 0; i-- {
		e := notificationEvents[i]
		if event != "" && e.event != event {
			continue
		}
		cloud, cust := "NOT READY", "NOT READY"
		for _, n := range st.notifications {
			if !n.deleted && n.account == c.acct && n.event == e.event {
				if strings.TrimSpace(n.html) != "" {
					cloud = "READY"
				}
				if n.notifyCustomer == "Y" && strings.TrimSpace(n.htmlCustomer) != "" {
					cust = "READY"
				}
			}
		}
		list.add(el("notification_template",
			leaf("event", e.event).set("customer_notification_available", e.customer),
			leaf("cloud_notification_status", cloud),
			leaf("customer_notification_status", cust),
		).set("template_id", strconv.Itoa(i+1)))
	}
	return el("telecloud", list), nil
}

// Tickets

// Ticket statuses.
var ticketStatuses = []string{"OPEN", "ANSWERED", "WORKING", "CLOSED", "ON-HOLD"}

const iconURL = "https://telecloud.app/images/icon_person_placeholder.png"

// ticketPrefix is the initials of a company, for ticket ids.
func ticketPrefix(company string) string {
	var b strings.Builder
	for _, w := range strings.Fields(company) {
		r := []rune(w)[0]
		if unicode.IsLetter(r) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	if b.Len() == 0 {
		return "TC"
	}
	return b.String()
}

// attachmentsParam reads a comma-separated list of image URLs.
func attachmentsParam(c *call) ([]string, error) {
	var out []string
	for _, u := range strings.Split(c.get("attachments"), ",") {
		u = strings.TrimSpace(u)
		if u == "" {
			continue
		}
		if !validURL(u) {
			return nil, fail("Invalid attachments: %s is not the full URL of an image.", u)
		}
		out = append(out, u)
	}
	return out, nil
}

// staffName is how a user is shown as a ticket's author: "Name [VAR]".
func staffName(u *user) string {
	return strings.TrimSpace(u.first+" "+u.last) + " [" + u.account.typ + "]"
}

func ticketCreate(st *state, c *call) (*node, error) {
	subject := c.get("subject")
	if len([]rune(subject)) < 10 {
		return nil, fail("The subject must be at least 10 characters.")
	}
	dept, err := c.oneOf("department", "SALES", "TECH SUPPORT", "BILLING")
	if err != nil {
		return nil, err
	}
	if dept == "" {
		dept = "TECH SUPPORT"
	}
	dir, err := c.oneOf("direction", "INTERNAL", "EXTERNAL", "EXTERNAL-CUSTOMER")
	if err != nil {
		return nil, err
	}
	guest := c.get("guest_email")
	if guest != "" && !validEmail(guest) {
		return nil, fail("Invalid guest_email: %s is not an e-mail address.", guest)
	}
	attachments, err := attachmentsParam(c)
	if err != nil {
		return nil, err
	}
	t := &ticket{account: c.acct, department: dept, subject: subject, message: c.p.Get("message"),
		attachments: attachments, status: "OPEN", date: c.now, via: "POST"}
	if dir == "EXTERNAL-CUSTOMER" && !c.has("account_number") {
		return nil, fail("The account_number parameter is required when direction is EXTERNAL-CUSTOMER.")
	}
	if c.has("account_number") {
		if t.customer, err = st.customerFor(c, c.get("account_number")); err != nil {
			return nil, err
		}
		c.tx.account = t.customer.number
	}
	if on := c.get("order_number"); on != "" {
		if t.customer == nil {
			return nil, fail("The account_number parameter is required with order_number.")
		}
		if st.orderOf(t.customer, on) == nil {
			return nil, fail("Order %s not found on account %s.", on, t.customer.number)
		}
		t.order = on
	}
	if c.has("cloud_account_number") || c.has("cloud_account_type") {
		if t.account, err = st.cloudTarget(c, "cloud_account_type", "cloud_account_number"); err != nil {
			return nil, err
		}
	} else if t.customer != nil {
		t.account = t.customer.owner
	}
	switch {
	case dir == "EXTERNAL-CUSTOMER":
		t.direction, t.openedType = "EXTERNAL", "CUSTOMER"
		t.openedBy = strings.TrimSpace(t.customer.first+" "+t.customer.last) + " [CUSTOMER]"
	case guest != "":
		t.direction, t.openedType, t.openedBy = dir, "GUEST", guest+" [GUEST]"
		if t.direction == "" {
			t.direction = "EXTERNAL"
		}
	default:
		t.direction, t.openedType, t.openedBy = dir, "STAFF", staffName(c.user)
		if t.direction == "" {
			t.direction = "INTERNAL"
		}
	}
	t.id = ticketPrefix(c.acct.company) + "-" + st.next("ticket")
	t.email = c.acct.id + "-" + t.id + "@telecloud.app"
	st.tickets = append(st.tickets, t)
	return el("telecloud", el("ticket").set("ticket_id", t.id)), nil
}

// ticketFor returns a ticket the caller can see.
func (st *state) ticketFor(c *call) (*ticket, error) {
	id := c.get("ticket_id")
	for _, t := range st.tickets {
		if strings.EqualFold(t.id, id) && under(t.account, c.acct) {
			return t, nil
		}
	}
	return nil, fail("Ticket %s not found.", id)
}

func ticketReply(st *state, c *call) (*node, error) {
	t, err := st.ticketFor(c)
	if err != nil {
		return nil, err
	}
	working, err := c.yn("working")
	if err != nil {
		return nil, err
	}
	guest := c.get("guest_email")
	if guest != "" && !validEmail(guest) {
		return nil, fail("Invalid guest_email: %s is not an e-mail address.", guest)
	}
	attachments, err := attachmentsParam(c)
	if err != nil {
		return nil, err
	}
	r := &reply{id: st.next("reply"), date: c.now, message: c.p.Get("message"), attachments: attachments}
	switch {
	case c.has("account_number"):
		cu, err := st.customerFor(c, c.get("account_number"))
		if err != nil {
			return nil, err
		}
		if t.customer != nil && t.customer != cu {
			return nil, fail("Customer account %s is not linked to ticket %s.", cu.number, t.id)
		}
		c.tx.account = cu.number
		r.postedType, r.postedBy = "CUSTOMER", strings.TrimSpace(cu.first+" "+cu.last)+" [CUSTOMER]"
		t.status = "OPEN"
	case guest != "":
		r.postedType, r.postedBy = "GUEST", guest+" [GUEST]"
		t.status = "OPEN"
	default:
		r.postedType, r.postedBy = "STAFF", staffName(c.user)
		t.status = "ANSWERED"
		if working == "Y" {
			t.status = "WORKING"
		}
	}
	t.replies = append(t.replies, r)
	t.lastReply = c.now
	return el("telecloud", el("ticket").set("ticket_id", t.id)), nil
}

func ticketEdit(st *state, c *call) (*node, error) {
	t, err := st.ticketFor(c)
	if err != nil {
		return nil, err
	}
	status, err := c.oneOf("status", ticketStatuses...)
	if err != nil {
		return nil, err
	}
	if status != "CLOSED" && status != "ON-HOLD" {
		return nil, fail("Invalid status: a ticket can only be set to CLOSED or ON-HOLD.")
	}
	t.status = status
	return el("telecloud", el("ticket").set("ticket_id", t.id)), nil
}

func ticketSearch(st *state, c *call) (*node, error) {
	dir, err := c.oneOf("direction", "INTERNAL", "EXTERNAL")
	if err != nil {
		return nil, err
	}
	status, err := c.oneOf("status", ticketStatuses...)
	if err != nil {
		return nil, err
	}
	var target *cloudAccount
	if c.has("cloud_account_number") || c.has("cloud_account_type") {
		if target, err = st.cloudTarget(c, "cloud_account_type", "cloud_account_number"); err != nil {
			return nil, err
		}
	}
	id, acct, on := c.get("ticket_id"), c.get("account_number"), c.get("order_number")
	list := el("Tickets")
	n := 0
	for _, t := range slices.Backward(st.tickets) {
		switch {
		case !under(t.account, c.acct),
			id != "" && !strings.EqualFold(t.id, id),
			acct != "" && (t.customer == nil || t.customer.number != acct),
			on != "" && t.order != on,
			target != nil && t.account != target,
			dir != "" && t.direction != dir,
			status != "" && t.status != status:
			continue
		}
		n++
		list.add(renderTicket(t, c.now, id != ""))
	}
	list.set("results", strconv.Itoa(n))
	return el("telecloud", list), nil
}

// elapsed is the vendor's "About 3 day(s) ago.".
func elapsed(now, t time.Time) string {
	return "About " + strconv.Itoa(int(now.Sub(t).Hours()/24)) + " day(s) ago."
}

func renderTicket(t *ticket, now time.Time, withReplies bool) *node {
	last := "0000-00-00 00:00:00"
	if !t.lastReply.IsZero() {
		last = t.lastReply.Format(layoutDateTime)
	}
	core, vr := coreOf(t.account), ancestor(t.account, typeVAR)
	coreName, varName, varNum := "", "", ""
	if core != nil {
		coreName = core.company
	}
	if vr != nil {
		varName, varNum = vr.company, vr.number
	}
	files := el("attachments").set("results", strconv.Itoa(len(t.attachments)))
	for _, f := range t.attachments {
		files.add(leaf("file", f))
	}
	n := el("ticket",
		leaf("date", t.date.Format(layoutDateTime)).set("unix", strconv.FormatInt(t.date.Unix(), 10)).
			set("last_reply", last).set("elapsed_time", elapsed(now, t.date)),
		leaf("CORE", coreName).set("cloud_account_number", ancestorNumber(t.account, typeCore)),
		leaf("VAR", varName).set("cloud_account_number", varNum),
		leaf("direction", t.direction),
		leaf("opened_by", t.openedBy).set("icon_url", iconURL),
		leaf("opened_via", t.via),
		leaf("department", t.department),
		leaf("subject", t.subject),
		leaf("message", t.message),
		files,
		leaf("status", t.status),
	).set("ticket_id", t.id).set("ticket_email", t.email)
	if withReplies {
		for _, r := range t.replies {
			rn := el("reply",
				leaf("date", r.date.Format(layoutDateTime)).set("unix", strconv.FormatInt(r.date.Unix(), 10)).
					set("elapsed_time", elapsed(now, r.date)),
				leaf("posted_by", r.postedBy).set("type", r.postedType).set("icon_url", iconURL),
				leaf("posted_via", "POST"),
				leaf("message", r.message),
			).set("message_id", r.id)
			if len(r.attachments) > 0 {
				rf := el("attachments").set("results", strconv.Itoa(len(r.attachments)))
				for _, f := range r.attachments {
					rf.add(leaf("file", f))
				}
				rn.add(rf)
			}
			n.add(rn)
		}
	}
	return n
}
