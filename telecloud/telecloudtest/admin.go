package telecloudtest

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// Transactions

// newTxn records a non-search call. Its status is settled when the call
// ends (or, for an order, when provisioning ends).
func (st *state) newTxn(c *call) *txn {
	t := &txn{id: st.next("trans"), op: c.op, ip: c.ip, time: c.now,
		account: c.get("account_number"), order: c.get("order_number")}
	st.txns = append(st.txns, t)
	return t
}

// transactionSearch lists the recorded calls of the caller's account and
// the accounts under it, newest first, the last 350 at most.
func transactionSearch(st *state, c *call) (*node, error) {
	status, err := c.oneOf("status", txPending, txSuccess, "FAILURE", txFailed)
	if err != nil {
		return nil, err
	}
	if status == "FAILURE" {
		status = txFailed
	}
	id, acct, on, svc := c.get("trans_id"), c.get("account_number"), c.get("order_number"), c.get("service")
	list := el("transactions")
	for _, t := range slices.Backward(st.txns) {
		switch {
		case len(list.kids) >= 350,
			t.cloud == nil || !under(t.cloud, c.acct),
			id != "" && t.id != id,
			acct != "" && t.account != acct,
			on != "" && t.order != on,
			svc != "" && !strings.EqualFold(t.op, svc),
			status != "" && t.status != status:
			continue
		}
		n := el("transaction",
			leaf("service", t.op),
			leaf("user", t.user),
			leaf("full_request", t.fullRequest),
			leaf("requesting_ip", t.ip),
			leaf("status", t.status),
		).set("trans_id", t.id)
		if t.status == txFailed {
			n.add(leaf("error", t.errText))
		}
		list.add(n)
	}
	return el("telecloud", list), nil
}

// Users

func userSearch(st *state, c *call) (*node, error) {
	id := c.get("user_id")
	list := el("Users")
	for _, u := range st.users {
		if u.deleted || u.account != c.acct || (id != "" && u.id != id) {
			continue
		}
		last := ""
		if !u.lastLogin.IsZero() {
			last = u.lastLogin.Format(layoutDateTime)
		}
		list.add(el("user",
			leaf("username", u.username),
			leaf("email", u.email),
			leaf("first_name", u.first),
			leaf("last_name", u.last),
			leaf("initial_password", u.initialPassword),
			leaf("access_level", u.accessLevel),
			leaf("status", strconv.Itoa(u.status)),
			leaf("last_login", last),
			leaf("last_ip", u.lastIP),
		).set("user_id", u.id).set("profile_img", u.profileImg))
	}
	return el("telecloud", list), nil
}

// adminOnly refuses callers that are not ADMIN users.
func adminOnly(c *call) error {
	if c.user.accessLevel != "ADMIN" {
		return fail("Only ADMIN users can manage users.")
	}
	return nil
}

// emailTaken reports whether a live user other than except has that e-mail.
func (st *state) emailTaken(email string, except *user) bool {
	for _, u := range st.users {
		if u != except && !u.deleted && strings.EqualFold(u.email, email) {
			return true
		}
	}
	return false
}

var accessLevels = []string{"ADMIN", "STAFF", "SUPPORT"}

func userCreate(st *state, c *call) (*node, error) {
	if err := adminOnly(c); err != nil {
		return nil, err
	}
	email := c.get("email")
	if !validEmail(email) {
		return nil, fail("Invalid email: %s is not an e-mail address.", email)
	}
	if st.emailTaken(email, nil) {
		return nil, fail("A user with the e-mail address %s already exists.", email)
	}
	level, err := c.oneOf("access_level", accessLevels...)
	if err != nil {
		return nil, err
	}
	if level == "" {
		level = "STAFF"
	}
	u := &user{id: st.next("user"), account: c.acct, email: email, first: c.get("first_name"), last: c.get("last_name"),
		accessLevel: level, status: statusActive}
	u.username = st.newUsername(u.first, u.last, email)
	u.initialPassword = initialPassword(u.id)
	st.users = append(st.users, u)
	return el("telecloud", el("user",
		leaf("username", u.username),
		leaf("initial_password", u.initialPassword),
	).set("user_id", u.id)), nil
}

func userEdit(st *state, c *call) (*node, error) {
	if err := adminOnly(c); err != nil {
		return nil, err
	}
	id := c.get("user_id")
	var u *user
	for _, x := range st.users {
		if x.id == id && x.account == c.acct && !x.deleted {
			u = x
		}
	}
	if u == nil {
		return nil, fail("User %s not found.", id)
	}
	edited := *u
	if c.has("first_name") {
		edited.first = c.get("first_name")
	}
	if c.has("last_name") {
		edited.last = c.get("last_name")
	}
	if email := c.get("email"); email != "" {
		if !validEmail(email) {
			return nil, fail("Invalid email: %s is not an e-mail address.", email)
		}
		if st.emailTaken(email, u) {
			return nil, fail("A user with the e-mail address %s already exists.", email)
		}
		edited.email = email
	}
	level, err := c.oneOf("access_level", accessLevels...)
	if err != nil {
		return nil, err
	}
	if level != "" {
		edited.accessLevel = level
	}
	status, err := c.status("status", statusActive, statusLocked)
	if err != nil {
		return nil, err
	}
	if status != 0 {
		if u == c.user && status == statusLocked {
			return nil, fail("You cannot lock your own user.")
		}
		edited.status = status
	}
	if img := c.get("profile_img"); img != "" {
		if !validURL(img) {
			return nil, fail("Invalid profile_img: give the full URL of an image.")
		}
		edited.profileImg = img
	}
	*u = edited
	return el("telecloud", el("user").set("user_id", u.id)), nil
}

// Reports

// reportsSearch aggregates a customer account's orders and tickets, or
// those of a cloud account (the caller's by default) and the accounts
// under it, with its wholesale spend and income by month.
func reportsSearch(st *state, c *call) (*node, error) {
	dash, err := c.yn("dashboard")
	if err != nil {
		return nil, err
	}
	if c.has("cloud_account_number") && !c.has("cloud_account_type") {
		return nil, fail("The cloud_account_type parameter is required with cloud_account_number.")
	}
	target, err := st.cloudTarget(c, "cloud_account_type", "cloud_account_number")
	if err != nil {
		return nil, err
	}
	var cu *customer
	if c.has("account_number") {
		if cu, err = st.customerFor(c, c.get("account_number")); err != nil {
			return nil, err
		}
		target = cu.owner
	}
	mine := func(o *order) bool {
		if cu != nil {
			return o.customer == cu
		}
		return under(o.customer.owner, target)
	}
	counts := map[string]int{}
	churn := map[string]int{}
	for _, o := range st.orders {
		if !mine(o) {
			continue
		}
		counts[o.status]++
		if o.status == orderCancelled {
			churn[o.cancelled.Format(layoutDate)]++
		}
	}
	orders := el("orders",
		leaf("active", strconv.Itoa(counts[orderActive])),
		leaf("suspended", strconv.Itoa(counts[orderSuspended])),
		leaf("non-pay", strconv.Itoa(counts[orderNonPay])),
		leaf("cancelled", strconv.Itoa(counts[orderCancelled])),
	)
	today := day(c.now)
	if dash != "Y" {
		ch := el("churn")
		for i := 1; i <= 30; i++ {
			d := today.AddDate(0, 0, -i).Format(layoutDate)
			ch.add(leaf("item", strconv.Itoa(churn[d])).set("date", d).set("churn", ""))
		}
		orders.add(ch)
	}

	// Money by month: index 0 is the current month, k is k months back.
	monthOf := func(t time.Time) int {
		return (today.Year()-t.Year())*12 + int(today.Month()) - int(t.Month())
	}
	var spend, income [13]int64
	for _, b := range st.billing {
		if !b.wholesale || b.account != target || (cu != nil && b.customer != cu.number) {
			continue
		}
		if m := monthOf(b.date); m >= 0 && m <= 12 {
			if b.credit {
				spend[m] -= b.amount
			} else {
				spend[m] += b.amount
			}
		}
	}
	for _, o := range st.orders {
		if !mine(o) {
			continue
		}
		for _, ch := range o.income {
			if m := monthOf(ch.date); m >= 0 && m <= 12 {
				income[m] += ch.amount
			}
		}
	}
	money := func(name string, v [13]int64) *node {
		n := el(name, leaf("current_month", fmtMoney(v[0])), leaf("previous_month", fmtMoney(v[1])))
		if dash != "Y" {
			h := el("history")
			for k := 1; k <= 12; k++ {
				m := time.Date(today.Year(), today.Month()-time.Month(k), 1, 0, 0, 0, 0, today.Location())
				h.add(leaf("month_"+strconv.Itoa(k), fmtMoney(v[k])).
					set("month_name", strings.ToUpper(m.Month().String())).set("month_year", m.Format("2006-01")))
			}
			n.add(h)
		}
		return n
	}

	tickets := map[string]map[string]int{"INTERNAL": {}, "EXTERNAL": {}}
	for _, t := range st.tickets {
		if (cu != nil && t.customer != cu) || (cu == nil && !under(t.account, target)) {
			continue
		}
		tickets[t.direction][t.status]++
	}
	tk := func(dir string) *node {
		m := tickets[dir]
		return el(strings.ToLower(dir),
			leaf("open", strconv.Itoa(m["OPEN"])),
			leaf("answered", strconv.Itoa(m["ANSWERED"])),
			leaf("working", strconv.Itoa(m["WORKING"])),
			leaf("closed", strconv.Itoa(m["CLOSED"])),
		)
	}
	acct := ""
	if cu != nil {
		acct = cu.number
	}
	return el("telecloud", el("Reports",
		leaf("account_number", acct),
		orders,
		el("financial", money("wholesale_spend", spend), money("income", income)),
		el("tickets", tk("INTERNAL"), tk("EXTERNAL")),
	)), nil
}
