package telecloudtest

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Cloud accounts

var months = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

func renderCloudAccount(a *cloudAccount) *node {
	var addr2 *node
	if a.address2 != "" {
		addr2 = leaf("ADDRESS2", a.address2)
	}
	return el("cloud_account",
		leaf("COREID", ancestorNumber(a, typeCore)),
		leaf("VARID", ancestorNumber(a, typeVAR)),
		leaf("PARTNERID", ancestorNumber(a, typePartner)),
		leaf("ACCOUNT_TYPE", a.typ),
		leaf("COMPANY_NAME", a.company),
		leaf("FIRST_NAME", a.first),
		leaf("LAST_NAME", a.last),
		leaf("ADDRESS1", a.address1),
		addr2,
		leaf("CITY", a.city),
		leaf("STATE", a.stateName),
		leaf("ZIP_CODE", a.zip),
		leaf("COUNTRY", a.country),
		leaf("CONTACT_PHONE", a.phone),
		leaf("NOTIFICATION_EMAIL", a.email),
		leaf("MAINTENANCE_FEE", fmtMoney(a.fee)),
		leaf("MAINTENANCE_FEE_DAY", strconv.Itoa(a.feeDay)),
		leaf("MAINTENANCE_FEE_TYPE", a.feeType),
		leaf("MAINTENANCE_FEE_MONTH", a.feeMonth),
		leaf("SPENDING_LIMIT", fmtMoney(a.spendingLimit)),
		leaf("STATUS", strconv.Itoa(a.status)),
		leaf("FUNDING_TYPE", a.fundingType),
		leaf("SINCE", a.since.Format(layoutDate)),
		leaf("TICKET_PIPE_EMAIL", a.pipeEmail),
	).set("id", a.id).set("cloud_account_number", a.number).set("account_type", a.typ)
}

// cloudAccountSearch lists the accounts under the caller's (the caller's
// own in dashboard mode), or one account, with its last orders, billing
// transactions and discounts on request.
func cloudAccountSearch(st *state, c *call) (*node, error) {
	flags := map[string]string{}
	for _, f := range []string{"orders", "transactions", "discounts", "dashboard"} {
		v, err := c.yn(f)
		if err != nil {
			return nil, err
		}
		flags[f] = v
	}
	typ, err := c.oneOf("cloud_account_type", accountTypes...)
	if err != nil {
		return nil, err
	}
	root := el("telecloud")
	switch {
	case flags["dashboard"] == "Y":
		root.add(renderCloudAccount(c.acct))
	case c.has("cloud_account_number"):
		a, err := st.cloudTarget(c, "cloud_account_type", "cloud_account_number")
		if err != nil {
			return nil, err
		}
		n := renderCloudAccount(a)
		if flags["orders"] == "Y" {
			list := el("orders")
			count := 0
			for _, o := range slices.Backward(st.orders) {
				if o.customer.owner == a && count < 50 {
					list.add(st.renderOrder(o))
					count++
				}
			}
			n.add(list)
		}
		if flags["transactions"] == "Y" {
			list := el("billing")
			count := 0
			for _, b := range slices.Backward(st.billing) {
				if b.account == a && count < 100 {
					list.add(renderBillingTx(b))
					count++
				}
			}
			n.add(list)
		}
		if flags["discounts"] == "Y" {
			n.add(st.renderDiscounts(a, ""))
		}
		root.add(n)
	default:
		for _, a := range st.accounts {
			if !a.deleted && a != c.acct && under(a, c.acct) && (typ == "" || a.typ == typ) {
				root.add(renderCloudAccount(a))
			}
		}
	}
	return root, nil
}

// setCloudAccount applies the given fields of Create and Edit to a.
func setCloudAccount(c *call, a *cloudAccount) error {
	for _, f := range []struct {
		name string
		dst  *string
	}{
		{"company_name", &a.company}, {"first_name", &a.first}, {"last_name", &a.last},
		{"address1", &a.address1}, {"address2", &a.address2}, {"city", &a.city}, {"state", &a.stateName},
		{"zip_code", &a.zip}, {"country", &a.country}, {"email", &a.email}, {"contact_phone", &a.phone},
	} {
		if c.has(f.name) {
			*f.dst = c.get(f.name)
		}
	}
	if !validEmail(a.email) {
		return fail("Invalid email: %s is not an e-mail address.", a.email)
	}
	var err error
	var v string
	if v, err = c.oneOf("funding_type", "PREPAID", "POSTPAID"); err != nil {
		return err
	} else if v != "" {
		a.fundingType = v
	}
	if v, err = c.oneOf("maintenance_fee_type", "Monthly", "Yearly"); err != nil {
		return err
	} else if v != "" {
		a.feeType = v
	}
	for _, f := range []struct {
		name string
		dst  *string
	}{{"deduct_wholesale", &a.deductWholesale}, {"restrict_customers", &a.restrictCustomers}, {"cc_reload", &a.ccReload}} {
		if v, err = c.yn(f.name); err != nil {
			return err
		} else if v != "" {
			*f.dst = v
		}
	}
	for _, f := range []struct {
		name, label string
		dst         *int64
	}{{"maintenance_fee", "maintenance fee", &a.fee}, {"per_order_fee", "per order fee", &a.perOrderFee}, {"spending_limit", "spending limit", &a.spendingLimit}} {
		cents, set, err := c.money(f.name, f.label)
		if err != nil {
			return err
		}
		if set {
			*f.dst = cents
		}
	}
	if d, set, err := c.intIn("maintenance_fee_day", 1, 28, "Invalid maintenance_fee_day: the day of the month must be between 1 and 28."); err != nil {
		return err
	} else if set {
		a.feeDay = d
	}
	if m, err := c.oneOf("maintenance_fee_month", months...); err != nil {
		return err
	} else if m != "" {
		a.feeMonth = m
	}
	if a.deductWholesale == "Y" && a.feeType != "Monthly" {
		return fail("deduct_wholesale applies to Monthly maintenance fees only.")
	}
	if a.ccReload == "Y" && a.fundingType != "PREPAID" {
		return fail("cc_reload is available to PREPAID accounts only.")
	}
	return nil
}

// newUsername makes a unique user name from a name or an e-mail address.
func (st *state) newUsername(first, last, email string) string {
	base := strings.ToLower(strings.TrimSpace(first) + "_" + strings.TrimSpace(last))
	if strings.Trim(base, "_") == "" {
		base, _, _ = strings.Cut(strings.ToLower(email), "@")
	}
	base = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' {
			return r
		}
		return -1
	}, base)
	if base == "" {
		base = "user"
	}
	for i := 1; ; i++ {
		name := base + strconv.Itoa(i)
		taken := false
		for _, u := range st.users {
			if u.username == name {
				taken = true
			}
		}
		if !taken {
			return name
		}
	}
}

// initialPassword is a new user's first password, derived from its id.
func initialPassword(id string) string {
	const alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
	n, _ := strconv.Atoi(id)
	h := uint32(n)*2654435761 + 12345
	var b []byte
	for range 6 {
		b = append(b, alphabet[h%uint32(len(alphabet))])
		h = h/uint32(len(alphabet)) + uint32(n)*7919
	}
	return string(b)
}

func cloudAccountCreate(st *state, c *call) (*node, error) {
	typ, err := c.oneOf("cloud_account_type", accountTypes...)
	if err != nil {
		return nil, err
	}
	if level(typ) <= level(c.acct.typ) {
		return nil, fail("A %s account can only create accounts below its own level, not %s accounts.", c.acct.typ, typ)
	}
	a := &cloudAccount{typ: typ, parent: c.acct, country: "United States", fundingType: "PREPAID",
		feeType: "Monthly", deductWholesale: "N", feeDay: 1, restrictCustomers: "N", ccReload: "N",
		status: statusActive, since: day(c.now)}
	if err := setCloudAccount(c, a); err != nil {
		return nil, err
	}
	a.id = st.next("account")
	a.number = st.next("accountNum")
	prefix := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, a.company)
	a.pipeEmail = prefix + a.number + "@secureaccesspoint.com"
	st.accounts = append(st.accounts, a)
	// The initial login, made from the e-mail address.
	u := &user{id: st.next("user"), account: a, email: a.email, first: a.first, last: a.last,
		accessLevel: "ADMIN", status: statusActive}
	u.username = st.newUsername(a.first, a.last, a.email)
	u.initialPassword = initialPassword(u.id)
	st.users = append(st.users, u)
	return el("telecloud", el("cloud_account").set("id", a.id).set("cloud_account_number", a.number).set("account_type", a.typ)), nil
}

// subAccount resolves a cloud account strictly under the caller's.
func (st *state) subAccount(c *call) (*cloudAccount, error) {
	a, err := st.cloudTarget(c, "cloud_account_type", "cloud_account_number")
	if err != nil {
		return nil, err
	}
	if a == c.acct {
		return nil, fail("Cloud account %s is your own account: only accounts under your control can be changed here.", a.number)
	}
	return a, nil
}

func cloudAccountEdit(st *state, c *call) (*node, error) {
	a, err := st.subAccount(c)
	if err != nil {
		return nil, err
	}
	status, err := c.status("status", statusActive, statusLocked)
	if err != nil {
		return nil, err
	}
	edited := *a
	if err := setCloudAccount(c, &edited); err != nil {
		return nil, err
	}
	if status != 0 {
		edited.status = status
	}
	*a = edited
	return el("telecloud", el("cloud_account").set("id", a.id).set("cloud_account_number", a.number).set("account_type", a.typ)), nil
}

func cloudAccountDelete(st *state, c *call) (*node, error) {
	a, err := st.subAccount(c)
	if err != nil {
		return nil, err
	}
	for _, b := range st.accounts {
		if !b.deleted && b.parent == a {
			return nil, fail("Cloud account %s has cloud accounts under it and cannot be deleted.", a.number)
		}
	}
	for _, cu := range st.customers {
		if cu.owner == a {
			return nil, fail("Cloud account %s has customer accounts and cannot be deleted.", a.number)
		}
	}
	a.deleted = true
	for _, u := range st.users {
		if u.account == a {
			u.deleted = true
		}
	}
	return el("telecloud", el("cloud_account").set("id", a.id).set("cloud_account_number", a.number).set("account_type", a.typ)), nil
}

// Billing

func renderBillingTx(b *billingTx) *node {
	return el("transaction",
		leaf("date", b.date.Format(layoutDateTime)),
		leaf("type", b.typ),
		leaf("descriptor", ""),
		leaf("details", b.details),
		leaf("user", b.user),
		leaf("amount", fmtMoney(b.amount)),
		leaf("billed", b.billed),
		leaf("end_balance", fmtMoney(b.endBalance)),
		leaf("status", b.status),
	).set("trans_id", b.id)
}

func billingSearch(st *state, c *call) (*node, error) {
	a, err := st.cloudTarget(c, "cloud_account_type", "cloud_account_number")
	if err != nil {
		return nil, err
	}
	start, _, err := c.date("start_date")
	if err != nil {
		return nil, err
	}
	end, endSet, err := c.date("end_date")
	if err != nil {
		return nil, err
	}
	billed, err := c.yn("billed")
	if err != nil {
		return nil, err
	}
	id, acct, on := c.get("trans_id"), c.get("account_number"), c.get("order_number")
	list := el("billing")
	for _, b := range slices.Backward(st.billing) {
		switch {
		case b.account != a,
			id != "" && b.id != id,
			acct != "" && b.customer != acct,
			on != "" && b.order != on,
			!start.IsZero() && b.date.Before(start),
			endSet && !b.date.Before(end.AddDate(0, 0, 1)),
			billed != "" && b.billed != billed:
			continue
		}
		list.add(renderBillingTx(b))
	}
	return el("telecloud", leaf("cloud_account_type", a.typ), leaf("cloud_account_number", a.number), list), nil
}

func billingCreate(st *state, c *call) (*node, error) {
	a, err := st.subAccount(c)
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
	notes := c.get("notes")
	if notes == "" {
		notes = "Manual " + typ + " issued by " + c.acct.typ + "ID " + c.acct.number + "."
	}
	b := st.bill(c.now, c.user.username, a, typ, amount, typ == "CREDIT", notes)
	st.alertUsers(c, a, "Billing "+strings.ToLower(typ)+" of "+fmtMoney(amount), notes, func(al *alert) {
		al.bill, al.transaction = b.id, c.tx.id
	})
	return el("telecloud", el("billing",
		leaf("type", typ),
		leaf("amount", fmtMoney(amount)),
		leaf("notes", notes),
		leaf("ending_balance", fmtMoney(a.balance)),
	).set("billing_trans_id", b.id).set("cloud_account_number", a.number).set("cloud_account_type", a.typ)), nil
}

func billingReverse(st *state, c *call) (*node, error) {
	a, err := st.subAccount(c)
	if err != nil {
		return nil, err
	}
	id := c.get("billing_trans_id")
	var orig *billingTx
	for _, b := range st.billing {
		if b.id == id && b.account == a {
			orig = b
		}
	}
	switch {
	case orig == nil:
		return nil, fail("Billing transaction %s not found on cloud account %s.", id, a.number)
	case orig.status == "REVERSED":
		return nil, fail("Billing transaction %s has already been reversed.", id)
	case orig.typ == "REVERSAL":
		return nil, fail("Billing transaction %s is a reversal and cannot be reversed.", id)
	}
	orig.status = "REVERSED"
	rev := st.bill(c.now, c.user.username, a, "REVERSAL", orig.amount, !orig.credit, "Reversal of billing transaction "+orig.id+".")
	rev.customer, rev.order, rev.wholesale = orig.customer, orig.order, orig.wholesale
	return el("telecloud", el("billing",
		leaf("type", orig.typ),
		leaf("amount", fmtMoney(orig.amount)),
		leaf("notes", orig.details),
		leaf("ending_balance", fmtMoney(a.balance)),
	).set("billing_trans_id", orig.id).set("cloud_account_number", a.number).set("cloud_account_type", a.typ)), nil
}

// validCVV reports whether s is a card security code: 3 or 4 digits.
func validCVV(s string) bool { return digits(s, 3, 4) }

// billingAddFunds reloads the caller's own (non-CORE) account from one of
// its verified payment methods, through its controlling account's default
// gateway.
func billingAddFunds(st *state, c *call) (*node, error) {
	if c.acct.typ == typeCore {
		return nil, fail("Only VAR, PARTNER and AFFILIATE accounts can add funds.")
	}
	amount, _, err := c.money("amount", "amount")
	if err != nil {
		return nil, err
	}
	if amount == 0 {
		return nil, fail("The amount must be greater than 0.00.")
	}
	typ, err := c.oneOf("type", "CC", "BA")
	if err != nil {
		return nil, err
	}
	var pm *paymentMethod
	if id := c.get("payment_method_id"); id != "" {
		for _, p := range st.paymentMethod {
			if p.id == id && p.customer == nil && p.account == c.acct && !p.deleted {
				pm = p
			}
		}
		if pm == nil {
			return nil, fail("Payment method %s not found.", id)
		}
	} else {
		for _, p := range st.paymentMethod {
			if p.customer == nil && p.account == c.acct && !p.deleted && p.isDefault {
				pm = p
			}
		}
		if pm == nil {
			return nil, fail("The payment_method_id parameter is required: the account has no default payment method.")
		}
	}
	if typ != "" && typ != pm.typ {
		return nil, fail("Payment method %s is not of type %s.", pm.id, typ)
	}
	if pm.status != "VERIFIED" {
		return nil, fail("Payment method %s is not verified: use PaymentMethod/Verify first.", pm.id)
	}
	if pm.typ == "CC" {
		cvv := c.get("cvv")
		if cvv == "" {
			return nil, fail("The cvv parameter is required for credit cards.")
		}
		if !validCVV(cvv) {
			return nil, fail("Invalid cvv: it must be 3 or 4 digits.")
		}
		if c.acct.ccReload != "Y" {
			return nil, fail("This account cannot reload via credit card.")
		}
	}
	found := false
	for _, g := range st.gateways {
		if g.account == c.acct.parent && !g.deleted && ((pm.typ == "CC" && g.defaultCC == "Y") || (pm.typ == "BA" && g.defaultACH == "Y")) {
			found = true
		}
	}
	if !found {
		return nil, fail("The controlling account has no default payment gateway for this payment type.")
	}
	b := st.bill(c.now, c.user.username, c.acct, "CREDIT", amount, true, "Funds added with payment method "+pm.id+".")
	pm.charges = append(pm.charges, charge{date: c.now, amount: amount, details: "Billing/AddFunds " + b.id})
	return el("telecloud", el("billing",
		leaf("type", "CREDIT"),
		leaf("amount", fmtMoney(amount)),
		leaf("ending_balance", fmtMoney(c.acct.balance)),
	).set("billing_trans_id", b.id)), nil
}

// Discounts

// discountOf returns a's discount on a product or rate plan id.
func (st *state) discountOf(a *cloudAccount, productID string) *discount {
	for _, d := range st.discounts {
		if d.account == a && d.productID == productID {
			return d
		}
	}
	return nil
}

// discountProduct resolves a discount's product id: a CORE product of a's
// CORE, or (for accounts below a VAR) a rate plan of its VAR.
func (st *state) discountProduct(a *cloudAccount, id string) (*product, *ratePlan) {
	for _, p := range st.products {
		if p.id == id && p.status != statusDeleted && p.account == coreOf(a) {
			return p, nil
		}
	}
	if owner := planOwner(a); owner != nil && owner != a {
		for _, rp := range st.plans {
			if rp.id == id && rp.status != statusDeleted && rp.account == owner {
				return rp.product, rp
			}
		}
	}
	return nil, nil
}

func (st *state) renderDiscounts(a *cloudAccount, groupID string) *node {
	list := el("discounts").set("limit", "50000")
	for _, d := range st.discounts {
		if d.account != a {
			continue
		}
		p, _ := st.discountProduct(a, d.productID)
		if p == nil || (groupID != "" && p.group.id != groupID) {
			continue
		}
		plans := el("var_plans")
		for _, rp := range st.plans {
			if rp.product == p && rp.status != statusDeleted && planOwner(a) != nil && rp.account == planOwner(a) {
				plans.add(el("plan",
					leaf("name", rp.name),
					leaf("setup_price", fmtMoney(rp.setup)),
					leaf("price", fmtMoney(rp.recurring)),
				).set("id", rp.id))
			}
		}
		list.add(el("discount",
			leaf("product_id", d.productID),
			leaf("core_product_name", p.name),
			leaf("core_product_description", p.description),
			leaf("discount_setup_price", fmtMoney(d.setup)),
			leaf("discount_price", fmtMoney(d.price)),
			plans,
		).set("id", d.id))
	}
	return list
}

func discountSearch(st *state, c *call) (*node, error) {
	a, err := st.cloudTarget(c, "cloud_account_type", "cloud_account_number")
	if err != nil {
		return nil, err
	}
	return el("telecloud", st.renderDiscounts(a, c.get("product_group_id"))), nil
}

func discountCreate(st *state, c *call) (*node, error) {
	a, err := st.subAccount(c)
	if err != nil {
		return nil, err
	}
	pid := c.get("product_id")
	if p, _ := st.discountProduct(a, pid); p == nil {
		return nil, fail("Product %s not found.", pid)
	}
	setup, _, err := c.money("discount_setup_price", "discount setup price")
	if err != nil {
		return nil, err
	}
	price, set, err := c.money("discount_price", "discount price")
	if err != nil {
		return nil, err
	}
	if !set {
		return nil, fail("A full dollar amount must be supplied for the discount price.")
	}
	d := st.discountOf(a, pid)
	if d == nil {
		d = &discount{id: st.next("discount"), account: a, productID: pid}
		st.discounts = append(st.discounts, d)
	}
	d.setup, d.price = setup, price
	return el("telecloud", el("discount",
		leaf("product_id", d.productID),
		leaf("discount_setup_price", fmtMoney(d.setup)),
		leaf("discount_price", fmtMoney(d.price)),
	).set("id", d.id)), nil
}

func discountCopy(st *state, c *call) (*node, error) {
	to, err := st.subAccount(c)
	if err != nil {
		return nil, err
	}
	from, err := st.cloudTarget(c, "from_cloud_account_type", "from_cloud_account_number")
	if err != nil {
		return nil, err
	}
	if from == to {
		return nil, fail("The cloud account to copy from is the account being edited.")
	}
	replace, err := c.yn("replace")
	if err != nil {
		return nil, err
	}
	if replace == "Y" {
		st.discounts = slices.DeleteFunc(st.discounts, func(d *discount) bool { return d.account == to })
	}
	for _, src := range slices.Clone(st.discounts) {
		if src.account != from {
			continue
		}
		if p, _ := st.discountProduct(to, src.productID); p == nil {
			continue // a rate plan the target cannot sell
		}
		d := st.discountOf(to, src.productID)
		if d == nil {
			d = &discount{id: st.next("discount"), account: to, productID: src.productID}
			st.discounts = append(st.discounts, d)
		}
		d.setup, d.price = src.setup, src.price
	}
	return el("telecloud"), nil
}

func discountDelete(st *state, c *call) (*node, error) {
	a, err := st.subAccount(c)
	if err != nil {
		return nil, err
	}
	st.discounts = slices.DeleteFunc(st.discounts, func(d *discount) bool { return d.account == a })
	return el("telecloud"), nil
}
