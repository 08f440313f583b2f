package telecloudtest

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// order is a service on a customer account.
type order struct {
	number      string
	customer    *customer
	plan        *ratePlan
	parent      *order // the primary order of an add-on
	status      string
	submittedBy string
	payer       *cloudAccount // the cloud account charged the wholesale price

	created, activation, lastUpdate, expiration, cancelled time.Time
	due                                                    time.Time // when a PENDING order completes

	vars       map[int]string
	components []*orderComponent
	stacked    []*stackedPlan

	failMsg    string // FailNextOrder: fail when completing
	errText    string // why it FAILED
	createTx   *txn
	charges    []*billingTx // wholesale charges, refunded when the order fails
	creditUsed int64
	income     []charge // what the customer paid
	promo      string
	referral   string
}

type orderComponent struct {
	comp  *usageComponent
	max   string
	units float64
}

type stackedPlan struct {
	id   string
	plan *ratePlan
}

// orderOf returns the order with that number on customer cu.
func (st *state) orderOf(cu *customer, number string) *order {
	for _, o := range st.orders {
		if o.customer == cu && o.number == number {
			return o
		}
	}
	return nil
}

// orderFor resolves the account_number and order_number of a call.
func (st *state) orderFor(c *call) (*order, error) {
	cu, err := st.customerFor(c, c.get("account_number"))
	if err != nil {
		return nil, err
	}
	on := c.get("order_number")
	o := st.orderOf(cu, on)
	if o == nil {
		return nil, fail("Order %s not found on account %s.", on, cu.number)
	}
	return o, nil
}

// newOrderNumber is like the vendor's 4617ZU4617.
func (st *state) newOrderNumber() string {
	n := st.next("order")
	i, _ := strconv.Atoi(n)
	return n + string(rune('A'+i%26)) + string(rune('A'+(i/26)%26)) + n
}

// advance completes the PENDING orders whose delay has passed.
func (st *state) advance(now time.Time) {
	for _, o := range st.orders {
		if o.status == orderPending && !o.due.After(now) {
			st.complete(o, now)
		}
	}
}

// complete ends a PENDING order: ACTIVE, or FAILED when FailNextOrder
// marked it.
func (st *state) complete(o *order, now time.Time) {
	if o.failMsg != "" {
		st.failOrder(o, now, o.failMsg)
		return
	}
	o.status, o.activation, o.lastUpdate = orderActive, now, now
	o.expiration = day(now).AddDate(0, 0, o.plan.product.cycle)
	if o.createTx != nil && o.createTx.status == txPending {
		o.createTx.status = txSuccess
	}
}

// failOrder marks a PENDING order FAILED: its charges are refunded, its
// Order/Create transaction shows the error, its submitter gets an alert.
func (st *state) failOrder(o *order, now time.Time, msg string) {
	st.unwind(o, now, "Refund of failed order "+o.number+".")
	o.status, o.errText, o.lastUpdate = orderFailed, msg, now
	if o.createTx != nil {
		o.createTx.status, o.createTx.errText = txFailed, msg
	}
	for _, u := range st.users {
		if u.username == o.submittedBy && !u.deleted {
			tx := ""
			if o.createTx != nil {
				tx = o.createTx.id
			}
			st.alerts = append(st.alerts, &alert{id: st.next("alert"), user: u, date: now,
				subject: "Order " + o.number + " failed", content: msg, status: statusActive, typ: "ALERT",
				order: o.number, account: o.customer.number, transaction: tx})
		}
	}
}

// unwind refunds a PENDING order's wholesale charges, the customer's
// credit and payment.
func (st *state) unwind(o *order, now time.Time, details string) {
	for _, b := range o.charges {
		if b.status != "REVERSED" {
			r := st.bill(now, "AUTO", o.payer, "REFUND", b.amount, true, details)
			r.customer, r.order, r.wholesale = o.customer.number, o.number, true
		}
	}
	o.charges = nil
	o.customer.credit += o.creditUsed
	o.creditUsed, o.income = 0, nil
}

// checkVars validates variable values against the order's product group:
// defined slots, OPTIONS values, and (swap) swappable ones.
func checkVars(g *productGroup, vals map[int]string, swap bool) error {
	for slot := 1; slot <= maxVars; slot++ {
		v, ok := vals[slot]
		if !ok {
			continue
		}
		d := g.vars[slot]
		if d == nil {
			return fail("VAR%d is not defined for product group %s.", slot, g.id)
		}
		if swap && d.swapable != "Y" {
			return fail("VAR%d (%s) is not swappable.", slot, d.name)
		}
		if d.typ == "OPTIONS" && !strings.HasPrefix(d.options, "http") {
			opts := strings.Split(d.options, ",")
			if !slices.ContainsFunc(opts, func(o string) bool { return strings.EqualFold(strings.TrimSpace(o), v) }) {
				return fail("Invalid VAR%d (%s): valid options are %s.", slot, d.name, d.options)
			}
		}
	}
	return nil
}

// chargeWholesale debits an order's cloud account the wholesale price,
// within its funds (prepaid) or its spending limit (postpaid); nil when
// there is nothing to charge.
func (st *state) chargeWholesale(c *call, o *order, amount int64, typ, details string) (*billingTx, error) {
	a := o.payer
	if a.fundingType == "PREPAID" && a.typ != typeCore && amount > a.balance {
		return nil, fail("Insufficient funds: the cloud account balance of %s does not cover the wholesale price of %s.", fmtMoney(a.balance), fmtMoney(amount))
	}
	if a.fundingType == "POSTPAID" && a.spendingLimit > 0 && a.balance-amount < -a.spendingLimit {
		return nil, fail("The wholesale price of %s exceeds the cloud account's spending limit of %s.", fmtMoney(amount), fmtMoney(a.spendingLimit))
	}
	if amount == 0 {
		return nil, nil
	}
	b := st.bill(c.now, c.user.username, a, typ, amount, false, details)
	b.customer, b.order, b.wholesale = o.customer.number, o.number, true
	return b, nil
}

// customerPM resolves the payment method a customer pays with (param), nil
// when none is given.
func (st *state) customerPM(c *call, cu *customer, param string) (*paymentMethod, error) {
	id := c.get(param)
	if id == "" {
		return nil, nil
	}
	for _, p := range st.paymentMethod {
		if p.id == id && p.customer == cu && !p.deleted {
			return p, nil
		}
	}
	return nil, fail("Payment method %s not found on account %s.", id, cu.number)
}

// payCustomer takes the customer's price: from its credit first when it
// pays with one of its payment methods (pm), the rest from pm.
func (st *state) payCustomer(c *call, o *order, pm *paymentMethod, total int64) {
	if pm != nil {
		used := min(o.customer.credit, total)
		o.customer.credit -= used
		o.creditUsed += used
		if rest := total - used; rest > 0 {
			pm.charges = append(pm.charges, charge{date: c.now, amount: rest, details: c.op + " " + o.number})
		}
	}
	o.income = append(o.income, charge{date: c.now, amount: total, details: c.op})
}

func orderCreate(st *state, c *call) (*node, error) {
	cu, err := st.customerFor(c, c.get("account_number"))
	if err != nil {
		return nil, err
	}
	rp, err := st.orderablePlan(cu, c.get("rate_plan_id"), false)
	if err != nil {
		return nil, err
	}
	p := rp.product
	o := &order{customer: cu, plan: rp, status: orderPending, submittedBy: c.user.username, payer: cu.owner,
		created: c.now, lastUpdate: c.now, due: c.now.Add(st.delay), vars: c.vars(), referral: c.get("referral_code")}
	if p.ptype == "ADD-ON" {
		on := c.get("order_number")
		if on == "" {
			return nil, fail("The order_number parameter is required when ordering an add-on product.")
		}
		if o.parent = st.orderOf(cu, on); o.parent == nil {
			return nil, fail("Order %s not found on account %s.", on, cu.number)
		}
		if o.parent.plan.product.group != p.group || o.parent.status == orderCancelled || o.parent.status == orderFailed {
			return nil, fail("Add-on rate plan %s cannot be added to order %s.", rp.id, on)
		}
	}
	if err := checkVars(p.group, o.vars, false); err != nil {
		return nil, err
	}
	if p.prompt == "Y" {
		for slot := 1; slot <= maxVars; slot++ {
			if d := p.group.vars[slot]; d != nil && d.prompt == "Y" && o.vars[slot] == "" {
				return nil, fail("VAR%d (%s) is required for this product.", slot, d.name)
			}
		}
	}
	var live []*usageComponent
	for _, u := range p.components {
		if u.status != statusDeleted {
			live = append(live, u)
		}
	}
	if raw := c.get("attached_components"); raw != "" || len(live) > 0 {
		if raw == "" {
			return nil, fail("The attached_components parameter is required: product %s has usage components.", p.id)
		}
		list, err := parseAttached(raw)
		if err != nil {
			return nil, err
		}
		for _, a := range list {
			u := attachedTo(p, a.ComponentID)
			if u == nil {
				return nil, fail("Usage component %s is not attached to product %s.", a.ComponentID, p.id)
			}
			if a.MaxUnits != "" && u.varMax != "Y" {
				return nil, fail("Usage component %s does not let a VAR set a maximum.", a.ComponentID)
			}
			if a.MaxUnits == "" {
				a.MaxUnits = rp.maxUnits[u.id]
			}
			o.components = append(o.components, &orderComponent{comp: u, max: a.MaxUnits})
		}
	}
	pr, err := st.promoFor(c, cu, rp, c.get("promo_code"))
	if err != nil {
		return nil, err
	}
	if pr != nil {
		o.promo = pr.code
	}
	pm, err := st.customerPM(c, cu, "payment_method_id")
	if err != nil {
		return nil, err
	}
	q := st.quote(cu, rp, pr, true)
	o.number = st.newOrderNumber()
	b, err := st.chargeWholesale(c, o, q.wholesale, "ORDER", "New order "+o.number+": "+rp.name+".")
	if err != nil {
		return nil, err
	}
	if b != nil {
		o.charges = append(o.charges, b)
	}
	st.payCustomer(c, o, pm, q.total)
	if len(st.failNext) > 0 {
		o.failMsg, st.failNext = st.failNext[0], st.failNext[1:]
	}
	st.orders = append(st.orders, o)
	o.createTx = c.tx
	c.tx.account, c.tx.order, c.tx.status = cu.number, o.number, txPending
	if st.delay == 0 {
		st.complete(o, c.now)
	}
	return el("telecloud", el("order", leaf("status", o.status)).set("order_number", o.number)), nil
}

func orderStatus(st *state, c *call) (*node, error) {
	o, err := st.orderFor(c)
	if err != nil {
		return nil, err
	}
	switch o.status {
	case orderActive:
		o.status = orderSuspended
	case orderSuspended:
		o.status = orderActive
	default:
		return nil, fail("Only ACTIVE and SUSPENDED orders can be toggled; order %s is %s.", o.number, o.status)
	}
	o.lastUpdate = c.now
	return el("telecloud", el("order", leaf("status", o.status)).set("order_number", o.number)), nil
}

func orderMove(st *state, c *call) (*node, error) {
	o, err := st.orderFor(c)
	if err != nil {
		return nil, err
	}
	to, err := st.customerFor(c, c.get("new_account_number"))
	if err != nil {
		return nil, err
	}
	if to == o.customer {
		return nil, fail("Order %s is already on account %s.", o.number, to.number)
	}
	if planOwner(to.owner) != o.plan.account {
		return nil, fail("Order %s cannot be moved to account %s: its rate plan is not offered there.", o.number, to.number)
	}
	o.customer, o.lastUpdate = to, c.now
	for _, addon := range st.orders {
		if addon.parent == o {
			addon.customer = to
		}
	}
	return el("telecloud", el("order", leaf("new_account_number", to.number)).set("order_number", o.number)), nil
}

// cancel ends an order; a PENDING one is refunded.
func (st *state) cancel(o *order, now time.Time) {
	if o.status == orderPending {
		st.unwind(o, now, "Refund of cancelled order "+o.number+".")
		if o.createTx != nil {
			o.createTx.status, o.createTx.errText = txFailed, "The order was cancelled while pending."
		}
	}
	o.status, o.cancelled, o.lastUpdate = orderCancelled, now, now
}

func orderCancel(st *state, c *call) (*node, error) {
	o, err := st.orderFor(c)
	if err != nil {
		return nil, err
	}
	switch o.status {
	case orderCancelled:
		return nil, fail("Order %s is already cancelled.", o.number)
	case orderFailed:
		return nil, fail("Order %s has failed and cannot be cancelled.", o.number)
	}
	st.cancel(o, c.now)
	return el("telecloud", el("order", leaf("status", o.status)).set("order_number", o.number)), nil
}

// inService refuses orders other than ACTIVE and SUSPENDED ones.
func inService(o *order, what string) error {
	if o.status != orderActive && o.status != orderSuspended {
		return fail("Order %s is %s: only ACTIVE or SUSPENDED orders can be %s.", o.number, o.status, what)
	}
	return nil
}

func orderSwap(st *state, c *call) (*node, error) {
	o, err := st.orderFor(c)
	if err != nil {
		return nil, err
	}
	if err := inService(o, "swapped"); err != nil {
		return nil, err
	}
	vals := c.vars()
	if len(vals) == 0 {
		return nil, fail("Provide at least one variable (var1 … var20) to swap.")
	}
	if err := checkVars(o.plan.product.group, vals, true); err != nil {
		return nil, err
	}
	for slot, v := range vals {
		o.vars[slot] = v
	}
	o.lastUpdate = c.now
	return el("telecloud", el("order").set("order_number", o.number)), nil
}

// orderReplenish adds a cycle: on the same rate plan the expiration moves
// on at once; on another plan of the product group the plan is stacked
// (Order/Unstack applies it) and the expiration moves on by its cycle.
func orderReplenish(st *state, c *call) (*node, error) {
	o, err := st.orderFor(c)
	if err != nil {
		return nil, err
	}
	if o.status != orderActive && o.status != orderSuspended && o.status != orderNonPay {
		return nil, fail("Order %s is %s and cannot be replenished.", o.number, o.status)
	}
	rp := o.plan
	if id := c.get("rate_plan_id"); id != "" {
		if rp, err = st.orderablePlan(o.customer, id, true); err != nil {
			return nil, err
		}
		if rp.product.group != o.plan.product.group {
			return nil, fail("Rate plan %s is not in the product group of order %s.", id, o.number)
		}
	} else if rp.status == statusDeleted {
		return nil, fail("The rate plan of order %s has been deleted: provide a rate_plan_id.", o.number)
	}
	pm, err := st.customerPM(c, o.customer, "paymentmethod_id")
	if err != nil {
		return nil, err
	}
	q := st.quote(o.customer, rp, nil, false)
	if _, err := st.chargeWholesale(c, o, q.wholesale, "REPLENISHMENT", "Replenishment of order "+o.number+": "+rp.name+"."); err != nil {
		return nil, err
	}
	st.payCustomer(c, o, pm, q.total)
	from := o.expiration
	if today := day(c.now); from.Before(today) {
		from = today
	}
	o.expiration = from.AddDate(0, 0, rp.product.cycle)
	if rp != o.plan {
		o.stacked = append(o.stacked, &stackedPlan{id: st.next("stack"), plan: rp})
	}
	for _, oc := range o.components {
		if oc.comp.reset == "Y" {
			oc.units = 0
		}
	}
	if o.status == orderNonPay {
		o.status = orderActive
	}
	o.lastUpdate = c.now
	return el("telecloud", el("order", leaf("expiration_date", o.expiration.Format(layoutUSDate))).set("order_number", o.number)), nil
}

func orderUpdate(st *state, c *call) (*node, error) {
	o, err := st.orderFor(c)
	if err != nil {
		return nil, err
	}
	status, err := c.oneOf("status", orderActive, orderSuspended, orderNonPay, orderFailed, orderCancelled)
	if err != nil {
		return nil, err
	}
	var exp time.Time
	if v := c.get("expiration_date"); v != "" {
		if exp, err = time.ParseInLocation(layoutUSDate, v, c.now.Location()); err != nil {
			return nil, fail("Invalid expiration_date: the format is M/D/YYYY, for example 8/15/2019.")
		}
	}
	vals := c.vars()
	if err := checkVars(o.plan.product.group, vals, false); err != nil {
		return nil, err
	}
	switch {
	case status == "" || status == o.status:
	case o.status == orderPending && status == orderActive:
		o.failMsg = ""
		st.complete(o, c.now)
	case o.status == orderPending && status == orderFailed:
		msg := c.get("error")
		if msg == "" {
			msg = "The order failed."
		}
		st.failOrder(o, c.now, msg)
	case status == orderCancelled:
		st.cancel(o, c.now)
	case o.status == orderPending:
		return nil, fail("A PENDING order can only be set to ACTIVE, FAILED or CANCELLED.")
	case status == orderFailed:
		return nil, fail("Only PENDING orders can be set to FAILED.")
	case o.status == orderCancelled || o.status == orderFailed:
		return nil, fail("Order %s is %s and cannot be changed to %s.", o.number, o.status, status)
	default:
		o.status = status
	}
	if !exp.IsZero() {
		o.expiration = exp
	}
	for slot, v := range vals {
		o.vars[slot] = v
	}
	o.lastUpdate = c.now
	return el("telecloud", el("order").set("order_number", o.number)), nil
}

// orderUnstack applies a stacked plan now: it becomes the order's plan and
// its cycle starts today.
func orderUnstack(st *state, c *call) (*node, error) {
	o, err := st.orderFor(c)
	if err != nil {
		return nil, err
	}
	if err := inService(o, "changed"); err != nil {
		return nil, err
	}
	id := c.get("stacked_plan_id")
	i := slices.IndexFunc(o.stacked, func(sp *stackedPlan) bool { return sp.id == id })
	if i < 0 {
		return nil, fail("Stacked plan %s not found on order %s.", id, o.number)
	}
	sp := o.stacked[i]
	o.stacked = slices.Delete(o.stacked, i, i+1)
	o.plan = sp.plan
	o.expiration = day(c.now).AddDate(0, 0, sp.plan.product.cycle)
	for _, rest := range o.stacked {
		o.expiration = o.expiration.AddDate(0, 0, rest.plan.product.cycle)
	}
	o.lastUpdate = c.now
	return el("telecloud", el("order",
		leaf("rate_plan_id", o.plan.id),
		leaf("expiration_date", o.expiration.Format(layoutUSDate)),
	).set("order_number", o.number)), nil
}

// fmtUnits writes a number of units or an amount as PHP prints a float.
func fmtUnits(f float64) string {
	return strconv.FormatFloat(math.Round(f*10000)/10000, 'f', -1, 64)
}

// orderReportUsage adds (additive) or sets (cumulative) the units of a
// component on an ACTIVE order; the units beyond the component's starting
// quantity are billed to the cloud account at its unit price.
func orderReportUsage(st *state, c *call) (*node, error) {
	o, err := st.orderFor(c)
	if err != nil {
		return nil, err
	}
	if o.status != orderActive {
		return nil, fail("Usage can only be reported on ACTIVE orders; order %s is %s.", o.number, o.status)
	}
	id := c.get("component_id")
	var oc *orderComponent
	for _, x := range o.components {
		if x.comp.id == id && x.comp.status != statusDeleted {
			oc = x
		}
	}
	if oc == nil {
		return nil, fail("Usage component %s is not attached to order %s.", id, o.number)
	}
	units, err := strconv.ParseFloat(c.get("units"), 64)
	if err != nil || units < 0 || math.IsInf(units, 0) || math.IsNaN(units) {
		return nil, fail("Invalid units: give a number of units of zero or more.")
	}
	mode, err := c.oneOf("type", "additive", "cumulative")
	if err != nil {
		return nil, err
	}
	old := oc.units
	next := old + units
	if mode == "cumulative" {
		next = units
	}
	start, _ := strconv.ParseFloat(oc.comp.startQty, 64)
	price, _ := strconv.ParseFloat(oc.comp.unitPrice, 64)
	billable := max(0, next-start) - max(0, old-start)
	total := math.Round(max(0, billable)*price*10000) / 10000
	oc.units = next
	if cents := int64(math.Round(total * 100)); cents > 0 && oc.comp.status == statusActive {
		b := st.bill(c.now, c.user.username, o.payer, "USAGE", cents, false,
			"Usage of "+oc.comp.name+" on order "+o.number+": "+fmtUnits(next-old)+" units.")
		b.customer, b.order, b.wholesale = o.customer.number, o.number, true
	}
	o.lastUpdate = c.now
	return el("telecloud", el("order", el("ProductComponents", el("component",
		leaf("old_value", fmtUnits(old)),
		leaf("new_value", fmtUnits(next)),
		leaf("unit_price", oc.comp.unitPrice),
		leaf("total", fmtUnits(total)),
	).set("component_id", oc.comp.id))).set("order_number", o.number)), nil
}

// renderOrder is an order as Order/Search shows it. Beyond the reference's
// sample it carries <error> when FAILED, its usage components and its
// stacked plans when it has any.
func (st *state) renderOrder(o *order) *node {
	p := o.plan.product
	activation, expiration := "", ""
	if !o.activation.IsZero() {
		activation = o.activation.Format(layoutDate)
	}
	if !o.expiration.IsZero() {
		expiration = o.expiration.Format(layoutUSDate)
	}
	vars := el("variables")
	for slot := 1; slot <= maxVars; slot++ {
		d := p.group.vars[slot]
		if d == nil {
			continue
		}
		vars.add(leaf("VAR"+strconv.Itoa(slot), o.vars[slot]).set("NAME", d.name).set("SWAPABLE", d.swapable).
			set("TYPE", d.typ).set("OPTIONS", d.options).set("DESCRIPTION", d.description))
	}
	n := el("order",
		leaf("account_number", o.customer.number),
		leaf("activation_date", activation),
		leaf("type", p.ptype),
		leaf("submitted_by", o.submittedBy),
		leaf("last_update", o.lastUpdate.Format(layoutDateTime)),
		leaf("status", o.status),
		el("product",
			leaf("name", p.name),
			leaf("cycle_length", strconv.Itoa(p.cycle)),
			el("plan",
				leaf("name", o.plan.name),
				leaf("recurring_price", fmtMoney(o.plan.recurring)),
				leaf("expiration_date", expiration),
			).set("rate_plan_id", o.plan.id),
		).set("product_id", p.id).set("product_group_id", p.group.id).set("product_group_name", p.group.name),
		vars,
	).set("order_number", o.number)
	if o.status == orderFailed {
		n.add(leaf("error", o.errText))
	}
	if len(o.components) > 0 {
		comps := el("ProductComponents")
		for _, oc := range o.components {
			comps.add(el("component",
				leaf("name", oc.comp.name),
				leaf("units", fmtUnits(oc.units)),
				leaf("max_units", oc.max),
				leaf("unit_price", oc.comp.unitPrice),
			).set("component_id", oc.comp.id))
		}
		n.add(comps)
	}
	if len(o.stacked) > 0 {
		stack := el("stacked_plans")
		for _, sp := range o.stacked {
			stack.add(el("plan",
				leaf("name", sp.plan.name),
				leaf("recurring_price", fmtMoney(sp.plan.recurring)),
				leaf("cycle_length", strconv.Itoa(sp.plan.product.cycle)),
			).set("stacked_plan_id", sp.id).set("rate_plan_id", sp.plan.id))
		}
		n.add(stack)
	}
	return n
}

// orderSearch lists orders under the caller's control, newest first: the
// last 50 without criteria.
func orderSearch(st *state, c *call) (*node, error) {
	hide, err := c.yn("hide_cancelled")
	if err != nil {
		return nil, err
	}
	status, err := c.oneOf("status", orderActive, orderPending, orderSuspended, orderNonPay, orderFailed, orderCancelled, "ALL BUT CANCELLED")
	if err != nil {
		return nil, err
	}
	acct, on, pid, rpid := c.get("account_number"), c.get("order_number"), c.get("product_id"), c.get("rate_plan_id")
	vars := c.vars()
	limit := math.MaxInt
	if acct == "" && on == "" && pid == "" && rpid == "" && status == "" && hide == "" && len(vars) == 0 {
		limit = 50
	}
	list := el("Orders")
	for _, o := range slices.Backward(st.orders) {
		switch {
		case len(list.kids) >= limit,
			!under(o.customer.owner, c.acct),
			acct != "" && o.customer.number != acct,
			on != "" && o.number != on,
			pid != "" && o.plan.product.id != pid,
			rpid != "" && o.plan.id != rpid,
			hide == "Y" && o.status == orderCancelled,
			status == "ALL BUT CANCELLED" && o.status == orderCancelled,
			status != "" && status != "ALL BUT CANCELLED" && o.status != status,
			!varsMatch(o.vars, vars):
			continue
		}
		list.add(st.renderOrder(o))
	}
	return el("telecloud", list), nil
}
