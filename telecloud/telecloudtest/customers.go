package telecloudtest

import (
	"slices"
	"strconv"
	"strings"
)

// Customers

// defaultPM is a customer's default payment method, nil when none.
func (st *state) defaultPM(cu *customer) *paymentMethod {
	for _, p := range st.paymentMethod {
		if p.customer == cu && !p.deleted && p.isDefault {
			return p
		}
	}
	return nil
}

// hasPM reports whether a customer has a payment method.
func (st *state) hasPM(cu *customer) bool {
	for _, p := range st.paymentMethod {
		if p.customer == cu && !p.deleted {
			return true
		}
	}
	return false
}

func (st *state) renderCustomer(cu *customer, withNotes bool) *node {
	pmType, pmID := "", ""
	if p := st.defaultPM(cu); p != nil {
		pmType, pmID = p.typ, p.id
	}
	n := el("customer",
		leaf("COREID", ancestorNumber(cu.owner, typeCore)),
		leaf("VARID", ancestorNumber(cu.owner, typeVAR)),
		leaf("PARTNERID", ancestorNumber(cu.owner, typePartner)),
		leaf("AFFILIATEID", ancestorNumber(cu.owner, typeAffiliate)),
		leaf("CREATION_DATE", cu.created.Format(layoutDate)),
		leaf("CREATION_USER", cu.createdBy),
		leaf("COMPANY", cu.company),
		leaf("FIRST_NAME", cu.first),
		leaf("LAST_NAME", cu.last),
		leaf("ADDRESS", cu.address),
		leaf("UNIT_TYPE", cu.unitType),
		leaf("UNIT_NUMBER", cu.unitNumber),
		leaf("CITY", cu.city),
		leaf("STATE", cu.region),
		leaf("ZIP_CODE", cu.zip),
		leaf("COUNTRY", cu.country),
		leaf("EMAIL", cu.email),
		leaf("PHONE", cu.phone),
		leaf("PASSWORD", cu.password),
		leaf("DL", cu.dl),
		leaf("SSN", cu.ssn),
		leaf("CUSTOM_FIELD_1", cu.custom1),
		leaf("CUSTOM_FIELD_2", cu.custom2),
		leaf("PAYMENT_METHOD_TYPE", pmType),
		leaf("PAYMENT_METHOD_ID", pmID),
		leaf("LOCATION_TYPE", cu.locationType),
		leaf("ACCOUNT_CREDIT", fmtMoney(cu.credit)),
		leaf("STATUS", strconv.Itoa(cu.status)),
	).set("account_number", cu.number)
	if withNotes {
		for _, nt := range cu.notations {
			n.add(el("notation",
				leaf("date", nt.date.Format(layoutDateTime)),
				leaf("user", nt.user),
				leaf("subject", nt.subject),
				cdataLeaf("content", nt.content),
			).set("id", nt.id))
		}
	}
	return n
}

// customerFields are the fields Create and Edit set, and Search matches.
func customerFields(cu *customer) []struct {
	name string
	dst  *string
} {
	return []struct {
		name string
		dst  *string
	}{
		{"company", &cu.company}, {"first_name", &cu.first}, {"last_name", &cu.last}, {"address", &cu.address},
		{"unit_type", &cu.unitType}, {"unit_number", &cu.unitNumber}, {"city", &cu.city}, {"state", &cu.region},
		{"zip_code", &cu.zip}, {"country", &cu.country}, {"email", &cu.email}, {"phone", &cu.phone},
		{"password", &cu.password}, {"dl", &cu.dl}, {"ssn", &cu.ssn},
		{"custom_field_1", &cu.custom1}, {"custom_field_2", &cu.custom2},
	}
}

func customerSearch(st *state, c *call) (*node, error) {
	acct := c.get("account_number")
	on, status, pid, rpid := c.get("order_number"), c.get("status"), c.get("product_id"), c.get("rate_plan_id")
	vars := c.vars()
	orderCriteria := on != "" || status != "" || pid != "" || rpid != "" || len(vars) > 0
	root := el("telecloud")
	for _, cu := range st.customers {
		if !under(cu.owner, c.acct) || (acct != "" && cu.number != acct) {
			continue
		}
		match := true
		for _, f := range customerFields(cu) {
			want := c.get(f.name)
			switch {
			case want == "":
			case f.name == "custom_field_1":
				match = match && (strings.EqualFold(cu.custom1, want) || strings.EqualFold(cu.custom2, want))
			default:
				match = match && strings.EqualFold(*f.dst, want)
			}
		}
		if match && orderCriteria {
			match = false
			for _, o := range st.orders {
				if o.customer == cu && (on == "" || o.number == on) && (status == "" || strings.EqualFold(o.status, status)) &&
					(pid == "" || o.plan.product.id == pid) && (rpid == "" || o.plan.id == rpid) && varsMatch(o.vars, vars) {
					match = true
				}
			}
		}
		if match {
			root.add(st.renderCustomer(cu, acct != ""))
		}
	}
	return root, nil
}

// varsMatch reports whether an order's variables hold every value wanted.
func varsMatch(have, want map[int]string) bool {
	for slot, v := range want {
		if !strings.EqualFold(have[slot], v) {
			return false
		}
	}
	return true
}

// setCustomer applies the given fields to cu and checks the result.
func setCustomer(c *call, cu *customer) error {
	for _, f := range customerFields(cu) {
		if c.has(f.name) {
			*f.dst = c.get(f.name)
		}
	}
	switch {
	case strings.TrimSpace(cu.first) == "" || strings.TrimSpace(cu.last) == "":
		return fail("The first_name and last_name parameters are required.")
	case cu.unitNumber != "" && cu.unitType == "":
		return fail("The unit_type parameter is required when a unit_number is given.")
	case cu.email != "" && !validEmail(cu.email):
		return fail("Invalid email: %s is not an e-mail address.", cu.email)
	case cu.password != "" && !digits(cu.password, 8, 8):
		return fail("Invalid password: it must be eight numeric digits.")
	}
	if cu.country == "" {
		cu.country = "United States"
	}
	return nil
}

// digits reports whether s is between lo and hi decimal digits.
func digits(s string, lo, hi int) bool {
	if len(s) < lo || len(s) > hi {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func customerCreate(st *state, c *call) (*node, error) {
	cu := &customer{owner: c.acct, created: c.now, createdBy: c.user.username, locationType: "Residential", status: statusActive}
	if err := setCustomer(c, cu); err != nil {
		return nil, err
	}
	cu.number = st.next("customer")
	st.customers = append(st.customers, cu)
	c.tx.account = cu.number
	return el("telecloud", el("customer", leaf("account_number", cu.number))), nil
}

func customerEdit(st *state, c *call) (*node, error) {
	cu, err := st.customerFor(c, c.get("account_number"))
	if err != nil {
		return nil, err
	}
	edited := *cu
	if err := setCustomer(c, &edited); err != nil {
		return nil, err
	}
	*cu = edited
	return el("telecloud", el("customer", leaf("account_number", cu.number))), nil
}

func customerDelete(st *state, c *call) (*node, error) {
	cu, err := st.customerFor(c, c.get("account_number"))
	if err != nil {
		return nil, err
	}
	for _, o := range st.orders {
		if o.customer == cu {
			return nil, fail("Customer account %s has orders and cannot be deleted.", cu.number)
		}
	}
	st.customers = slices.DeleteFunc(st.customers, func(x *customer) bool { return x == cu })
	for _, p := range st.paymentMethod {
		if p.customer == cu {
			p.deleted = true
		}
	}
	return el("telecloud", leaf("account_number", cu.number), leaf("status", strconv.Itoa(statusDeleted))), nil
}

// renderVarDefs adds a product group's variable definitions to n, as
// Customer/Qualify and ProductGroup/Search show them.
func renderVarDefs(n *node, g *productGroup) {
	for slot := 1; slot <= maxVars; slot++ {
		v := g.vars[slot]
		if v == nil {
			continue
		}
		n.add(leaf("VAR"+strconv.Itoa(slot), v.name).set("TYPE", v.typ).set("OPTIONS", v.options).
			set("DESCRIPTION", v.description).set("SWAPABLE", v.swapable).set("PROMPT", v.prompt).set("CATEGORY", v.category))
	}
}

// customerQualify lists the CORE products the customer can be given, each
// with the rate plans of the customer's VAR on it.
func customerQualify(st *state, c *call) (*node, error) {
	cu, err := st.customerFor(c, c.get("account_number"))
	if err != nil {
		return nil, err
	}
	qt, err := c.oneOf("qualify_type", "NEW", "REPLENISH")
	if err != nil {
		return nil, err
	}
	pt, err := c.oneOf("product_type", "TRADITIONAL", "ADD-ON")
	if err != nil {
		return nil, err
	}
	var o *order
	if qt == "REPLENISH" || pt == "ADD-ON" {
		on := c.get("order_number")
		if on == "" {
			return nil, fail("The order_number parameter is required when qualify_type is REPLENISH or product_type is ADD-ON.")
		}
		if o = st.orderOf(cu, on); o == nil {
			return nil, fail("Order %s not found on account %s.", on, cu.number)
		}
	}
	owner := planOwner(cu.owner)
	q := el("qualify")
	for _, p := range st.products {
		if p.status != statusActive || p.account != coreOf(cu.owner) || p.group.status != statusActive ||
			(pt != "" && p.ptype != pt) || (o != nil && p.group != o.plan.product.group) {
			continue
		}
		cp := el("COREProduct").set("id", p.id)
		setup, price := st.wholesale(cu.owner, nil, p)
		expiration := strconv.Itoa(p.cycle)
		if p.ptype == "ADD-ON" {
			expiration = "WITH PLAN"
		}
		cp.add(
			leaf("REPLENISH_GROUP", p.group.id),
			leaf("NAME", p.name),
			leaf("TYPE", p.ptype),
			leaf("DESCRIPTION", p.description),
			leaf("SETUP_PRICE", fmtMoney(setup)),
			leaf("PRICE", fmtMoney(price)),
			leaf("EXPIRATION_DAYS", expiration),
			leaf("STATUS", strconv.Itoa(p.status)),
			leaf("GROUP", p.group.name).set("id", p.group.id),
			leaf("PROMPT_FOR_VARIABLES", p.prompt),
			leaf("REPLENISH_WITH_PLAN", p.replenishWith),
		)
		renderVarDefs(cp, p.group)
		plans := 0
		for _, rp := range st.plans {
			if rp.product != p || owner == nil || rp.account != owner ||
				!(rp.status == statusActive || (qt == "REPLENISH" && rp.status == statusReplenishOnly)) {
				continue
			}
			plans++
			cp.add(el("VARProduct",
				leaf("STATUS", strconv.Itoa(rp.status)),
				leaf("SETUP_PRICE", fmtMoney(rp.setup)),
				leaf("PRICE", fmtMoney(rp.recurring)),
				leaf("DESCRIPTION", rp.description),
				leaf("NAME", rp.name),
				leaf("VARID", rp.account.number),
				leaf("PRODUCTID", p.id),
			).set("id", rp.id))
		}
		if plans > 0 {
			q.add(cp)
		}
	}
	return el("telecloud", el("customer", q).set("account_number", cu.number)), nil
}

// customerEstimate prices a new order or a replenishment, for the customer
// (the rate plan, less a promo code) and for the cloud account (the
// wholesale price, against its balance).
func customerEstimate(st *state, c *call) (*node, error) {
	cu, err := st.customerFor(c, c.get("account_number"))
	if err != nil {
		return nil, err
	}
	typ, err := c.oneOf("type", "NEW", "REPLENISH")
	if err != nil {
		return nil, err
	}
	rp, err := st.orderablePlan(cu, c.get("rate_plan_id"), typ == "REPLENISH")
	if err != nil {
		return nil, err
	}
	pr, err := st.promoFor(c, cu, rp, c.get("promo_code"))
	if err != nil {
		return nil, err
	}
	q := st.quote(cu, rp, pr, typ != "REPLENISH")
	return el("telecloud", el("customer", el("estimate",
		el("plan").set("rate_plan_id", rp.id).set("product_id", rp.product.id),
		el("customer",
			leaf("setup_price", fmtMoney(q.setup)),
			leaf("recurring_price", fmtMoney(q.recurring)),
			leaf("promo", fmtMoney(q.promo)).set("promo_code", q.promoCode),
			leaf("total", fmtMoney(q.total)),
			leaf("cycle_length", strconv.Itoa(rp.product.cycle)),
			leaf("expiration_date", day(c.now).AddDate(0, 0, rp.product.cycle).Format(layoutUSDate)),
		),
		el("client",
			leaf("setup_price", fmtMoney(q.wholesaleSetup)),
			leaf("recurring_price", fmtMoney(q.wholesaleRecurring)),
			leaf("total", fmtMoney(q.wholesale)),
			leaf("balance", fmtMoney(cu.owner.balance)),
			leaf("end_balance", fmtMoney(cu.owner.balance-q.wholesale)),
		),
	)).set("account_number", cu.number)), nil
}

func customerNotation(st *state, c *call) (*node, error) {
	cu, err := st.customerFor(c, c.get("account_number"))
	if err != nil {
		return nil, err
	}
	nt := &notation{id: st.next("notation"), subject: c.get("subject"), content: c.p.Get("content"), date: c.now, user: c.user.username}
	cu.notations = append(cu.notations, nt)
	return el("telecloud", el("customer", el("notation",
		leaf("subject", nt.subject),
		cdataLeaf("content", nt.content),
	).set("id", nt.id)).set("account_number", cu.number)), nil
}

// customerCredit issues or deducts account credit. Credit is spent on the
// next order or replenishment paid with one of the customer's payment
// methods, so only customers with a payment method can hold it.
func customerCredit(st *state, c *call) (*node, error) {
	cu, err := st.customerFor(c, c.get("account_number"))
	if err != nil {
		return nil, err
	}
	typ, err := c.oneOf("type", "DEBIT", "CREDIT")
	if err != nil {
		return nil, err
	}
	amount, _, err := c.money("amount", "amount")
	if err != nil {
		return nil, err
	}
	if amount == 0 {
		return nil, fail("The amount must be greater than 0.00.")
	}
	if !st.hasPM(cu) {
		return nil, fail("Customer account %s has no payment method: credit is only used with a payment method on the customer's account.", cu.number)
	}
	if typ == "DEBIT" {
		if amount > cu.credit {
			return nil, fail("The debit of %s exceeds the available credit of %s.", fmtDollars(amount), fmtDollars(cu.credit))
		}
		cu.credit -= amount
	} else {
		cu.credit += amount
	}
	return el("telecloud", el("customer", el("credit",
		leaf("type", typ),
		leaf("amount", fmtDollars(amount)),
		leaf("credit_available", fmtDollars(cu.credit)),
	)).set("account_number", cu.number)), nil
}

// Payment methods

// cardType names a card's network from its number.
func cardType(num string) string {
	switch {
	case strings.HasPrefix(num, "4"):
		return "Visa"
	case strings.HasPrefix(num, "34"), strings.HasPrefix(num, "37"):
		return "American Express"
	case strings.HasPrefix(num, "6011"), strings.HasPrefix(num, "65"):
		return "Discover"
	case num >= "51" && num < "56", num >= "2221" && num < "2721":
		return "Master Card"
	}
	return "Unknown"
}

// luhn reports whether a card number's check digit is right.
func luhn(num string) bool {
	sum := 0
	for i := range num {
		d := int(num[len(num)-1-i] - '0')
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

var bankAccountTypes = []string{"Personal Checking", "Personal Savings", "Business Checking", "Business Savings"}

func paymentMethodCreate(st *state, c *call) (*node, error) {
	typ, err := c.oneOf("type", "CC", "BA")
	if err != nil {
		return nil, err
	}
	pm := &paymentMethod{typ: typ, created: c.now}
	if c.has("account_number") {
		if pm.customer, err = st.customerFor(c, c.get("account_number")); err != nil {
			return nil, err
		}
		c.tx.account = pm.customer.number
	} else {
		pm.account = c.acct
	}
	num := strings.NewReplacer(" ", "", "-", "").Replace(c.get("payment_account_number"))
	if typ == "CC" {
		if num == "" {
			return nil, fail("The payment_account_number parameter is required.")
		}
		if !digits(num, 13, 19) || !luhn(num) {
			return nil, fail("Invalid payment_account_number: not a valid card number.")
		}
		m, y := c.get("expiration_month"), c.get("expiration_year")
		if mi, err := strconv.Atoi(m); len(m) != 2 || err != nil || mi < 1 || mi > 12 {
			return nil, fail("Invalid expiration_month: give the month with a leading zero, for example 02.")
		}
		if !digits(y, 2, 2) {
			return nil, fail("Invalid expiration_year: give the two digit year, for example 27.")
		}
		if "20"+y+m < c.now.Format("200601") {
			return nil, fail("The card has expired.")
		}
		cvv := c.get("cvv")
		if cvv == "" {
			return nil, fail("The cvv parameter is required for credit cards.")
		}
		if !validCVV(cvv) {
			return nil, fail("Invalid cvv: it must be 3 or 4 digits.")
		}
		pm.expMonth, pm.expYear, pm.cardType, pm.prefix = m, y, cardType(num), num[:4]
	} else {
		plaid := c.has("account_id") && c.has("access_token") && c.has("item_id")
		if !plaid {
			if num == "" || !c.has("routing_number") {
				return nil, fail("Bank accounts are added with Plaid's instant verification: account_id, access_token and item_id are required.")
			}
			if !digits(c.get("routing_number"), 9, 9) {
				return nil, fail("Invalid routing_number: it must be 9 digits.")
			}
			if !digits(num, 4, 17) {
				return nil, fail("Invalid payment_account_number: not a bank account number.")
			}
		}
		bt, err := c.oneOf("bank_account_type", bankAccountTypes...)
		if err != nil {
			return nil, err
		}
		if bt == "" {
			bt = "Personal Checking"
		}
		pm.cardType = bt
		if num == "" {
			num = c.get("account_id")
		}
	}
	if len(num) >= 4 {
		pm.last4 = num[len(num)-4:]
	}
	pm.id = st.next("payment")
	n, _ := strconv.Atoi(pm.id)
	if pm.customer != nil {
		pm.status = "VERIFIED"
		pm.isDefault = st.defaultPM(pm.customer) == nil
	} else {
		// Two micro debits, 0.01 to 0.99, different from each other.
		a := int64(1 + n*37%99)
		b := int64(1 + n*53%99)
		if a == b {
			b = a%99 + 1
		}
		pm.status, pm.micro = "UNVERIFIED", [2]int64{a, b}
	}
	st.paymentMethod = append(st.paymentMethod, pm)
	return el("telecloud", el("paymentmethod").set("id", pm.id)), nil
}

// paymentMethodFor finds a live payment method: a customer's when
// account_number is given, else one of the caller's cloud account or of a
// customer under its control.
func (st *state) paymentMethodFor(c *call) (*paymentMethod, error) {
	id := c.get("payment_method_id")
	var cu *customer
	if c.has("account_number") {
		var err error
		if cu, err = st.customerFor(c, c.get("account_number")); err != nil {
			return nil, err
		}
	}
	for _, p := range st.paymentMethod {
		if p.id != id || p.deleted {
			continue
		}
		switch {
		case cu != nil && p.customer == cu,
			cu == nil && p.customer == nil && p.account == c.acct,
			cu == nil && p.customer != nil && under(p.customer.owner, c.acct):
			typ, err := c.oneOf("type", "CC", "BA")
			if err != nil {
				return nil, err
			}
			if typ != "" && typ != p.typ {
				return nil, fail("Payment method %s is not of type %s.", id, typ)
			}
			return p, nil
		}
	}
	if cu != nil {
		return nil, fail("Payment method %s not found on account %s.", id, cu.number)
	}
	return nil, fail("Payment method %s not found.", id)
}

// paymentMethodEdit toggles a payment method's default flag.
func paymentMethodEdit(st *state, c *call) (*node, error) {
	p, err := st.paymentMethodFor(c)
	if err != nil {
		return nil, err
	}
	if !p.isDefault && p.status != "VERIFIED" {
		return nil, fail("Payment method %s is not verified: use PaymentMethod/Verify first.", p.id)
	}
	if !p.isDefault {
		for _, o := range st.paymentMethod {
			if o.customer == p.customer && o.account == p.account {
				o.isDefault = false
			}
		}
	}
	p.isDefault = !p.isDefault
	acct := ""
	if p.customer != nil {
		acct = p.customer.number
		c.tx.account = acct
	}
	def := "N"
	if p.isDefault {
		def = "Y"
	}
	return el("telecloud", leaf("account_number", acct), el("paymentmethod").set("id", p.id).set("default", def)), nil
}

func paymentMethodDelete(st *state, c *call) (*node, error) {
	p, err := st.paymentMethodFor(c)
	if err != nil {
		return nil, err
	}
	p.deleted, p.isDefault = true, false
	return el("telecloud", leaf("account_number", p.customer.number), el("paymentmethod").set("id", p.id)), nil
}

// paymentMethodVerify checks the two micro debits of a cloud account's
// payment method (in either order); a verified method becomes the
// account's default.
func paymentMethodVerify(st *state, c *call) (*node, error) {
	p, err := st.paymentMethodFor(c)
	if err != nil {
		return nil, err
	}
	if p.customer != nil {
		return nil, fail("Payment methods on customer accounts need no verification.")
	}
	if p.status == "VERIFIED" {
		return nil, fail("Payment method %s is already verified.", p.id)
	}
	a, _, err := c.money("amount_1", "first micro debit")
	if err != nil {
		return nil, err
	}
	b, _, err := c.money("amount_2", "second micro debit")
	if err != nil {
		return nil, err
	}
	if !(a == p.micro[0] && b == p.micro[1]) && !(a == p.micro[1] && b == p.micro[0]) {
		p.verifyMiss++
		return nil, fail("The micro debit amounts do not match.")
	}
	for _, o := range st.paymentMethod {
		if o.customer == nil && o.account == p.account {
			o.isDefault = false
		}
	}
	p.status, p.isDefault = "VERIFIED", true
	return el("telecloud", el("paymentmethod").set("id", p.id)), nil
}

func paymentMethodSearch(st *state, c *call) (*node, error) {
	var list []*paymentMethod
	switch {
	case c.has("payment_method_id"):
		p, err := st.paymentMethodFor(c)
		if err != nil {
			return nil, err
		}
		list = append(list, p)
	case c.has("account_number"):
		cu, err := st.customerFor(c, c.get("account_number"))
		if err != nil {
			return nil, err
		}
		for _, p := range st.paymentMethod {
			if p.customer == cu && !p.deleted {
				list = append(list, p)
			}
		}
	default:
		for _, p := range st.paymentMethod {
			if p.customer == nil && p.account == c.acct && !p.deleted {
				list = append(list, p)
			}
		}
	}
	root := el("telecloud")
	for _, p := range slices.Backward(list) {
		masked := "XXXXXX" + p.last4
		if p.typ == "CC" {
			masked = p.prefix + "-XXXX-XXXX-" + p.last4
		}
		n := el("paymentmethod",
			leaf("payment_account_number", masked),
			leaf("expiration_month", p.expMonth),
			leaf("expiration_year", p.expYear),
			leaf("card_type", p.cardType),
			leaf("status", p.status),
		).set("id", p.id).set("type", p.typ)
		if c.has("payment_method_id") && len(p.charges) > 0 {
			tl := el("transactions")
			for _, ch := range p.charges {
				tl.add(el("transaction",
					leaf("date", ch.date.Format(layoutDateTime)),
					leaf("amount", fmtMoney(ch.amount)),
					leaf("details", ch.details),
				))
			}
			n.add(tl)
		}
		root.add(n)
	}
	return root, nil
}
