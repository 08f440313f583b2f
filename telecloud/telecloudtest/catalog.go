package telecloudtest

import (
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Prices

// wholesale is what account a pays for an order on rate plan rp (or, with
// rp nil, on product p): its discount on the product or on the rate plan
// when it has one, else the CORE product's price for a VAR (or a CORE), and
// the VAR's rate plan price for a PARTNER or AFFILIATE.
func (st *state) wholesale(a *cloudAccount, rp *ratePlan, p *product) (setup, recurring int64) {
	if rp != nil {
		p = rp.product
	}
	if d := st.discountOf(a, p.id); d != nil {
		return d.setup, d.price
	}
	if rp != nil {
		if d := st.discountOf(a, rp.id); d != nil {
			return d.setup, d.price
		}
		if a.typ == typePartner || a.typ == typeAffiliate {
			return rp.setup, rp.recurring
		}
	}
	return p.setup, p.recurring
}

// quote is the price of an order or a replenishment.
type quote struct {
	setup, recurring, promo, total                int64 // the customer's
	promoCode                                     string
	wholesaleSetup, wholesaleRecurring, wholesale int64 // the cloud account's
}

// quote prices rate plan rp for customer cu, with promo pr (nil for none);
// setup prices apply to new orders only.
func (st *state) quote(cu *customer, rp *ratePlan, pr *promo, isNew bool) quote {
	q := quote{recurring: rp.recurring}
	ws, wr := st.wholesale(cu.owner, rp, nil)
	q.wholesaleRecurring = wr
	if isNew {
		q.setup, q.wholesaleSetup = rp.setup, ws
	}
	if pr != nil {
		q.promoCode = pr.code
		q.promo = min(pr.value, q.setup+q.recurring)
	}
	q.total = q.setup + q.recurring - q.promo
	q.wholesale = q.wholesaleSetup + q.wholesaleRecurring
	return q
}

// orderablePlan returns a rate plan customer cu can be given: one of its
// VAR's, active (or REPLENISH ONLY, for replenishments), on an active
// product in an unlocked product group.
func (st *state) orderablePlan(cu *customer, id string, replenish bool) (*ratePlan, error) {
	owner := planOwner(cu.owner)
	for _, rp := range st.plans {
		if rp.id != id || owner == nil || rp.account != owner {
			continue
		}
		switch {
		case rp.status == statusDeleted:
			return nil, fail("Rate plan %s has been deleted.", id)
		case rp.status == statusLocked:
			return nil, fail("Rate plan %s is locked.", id)
		case rp.status == statusReplenishOnly && !replenish:
			return nil, fail("Rate plan %s is available for replenishments only.", id)
		case rp.product.status != statusActive || rp.product.group.status != statusActive:
			return nil, fail("The product of rate plan %s is not available.", id)
		}
		return rp, nil
	}
	return nil, fail("Rate plan %s not found.", id)
}

// promoFor resolves a promo code for an order of cu on rp; nil for "".
func (st *state) promoFor(c *call, cu *customer, rp *ratePlan, code string) (*promo, error) {
	if code == "" {
		return nil, nil
	}
	for _, pr := range st.promos {
		if pr.deleted || !strings.EqualFold(pr.code, code) || (pr.account != cu.owner && pr.account != planOwner(cu.owner)) {
			continue
		}
		if !pr.expiration.IsZero() && day(c.now).After(pr.expiration) {
			return nil, fail("Promo code %s has expired.", code)
		}
		if pr.plan != nil && pr.plan != rp {
			return nil, fail("Promo code %s is not valid for rate plan %s.", code, rp.id)
		}
		return pr, nil
	}
	return nil, fail("Invalid promo code %s.", code)
}

// coreOnly refuses callers other than CORE accounts.
func coreOnly(c *call, what string) error {
	if c.acct.typ != typeCore {
		return fail("Only CORE accounts can manage %s.", what)
	}
	return nil
}

// Product groups

func renderGroup(g *productGroup) *node {
	vars := el("variables")
	renderVarDefs(vars, g)
	n := el("group", leaf("name", g.name), leaf("description", g.description), vars).
		set("group_id", g.id).set("status", strconv.Itoa(g.status))
	for i, slot := range moduleSlots {
		n.set(slot, g.modules[i])
	}
	return n
}

func productGroupSearch(st *state, c *call) (*node, error) {
	id := c.get("product_group_id")
	list := el("ProductGroups")
	for _, g := range st.groups {
		if g.account == coreOf(c.acct) && (id == "" || g.id == id) {
			list.add(renderGroup(g))
		}
	}
	return el("telecloud", list), nil
}

// parseVarDef reads a variable definition:
// Name|Prompt (Y/N)|TEXT or OPTIONS|options|description|Swappable (Y/N)|category.
func parseVarDef(slot int, s string) (*varDef, error) {
	sep := "|"
	if !strings.Contains(s, "|") && strings.Contains(s, "#") {
		sep = "#"
	}
	parts := strings.Split(s, sep)
	bad := fail("Invalid var%d: variables are written Name|Prompt (Y or N)|TEXT or OPTIONS|options|description|Swappable (Y or N)|category.", slot)
	if len(parts) < 6 || len(parts) > 7 {
		return nil, bad
	}
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	parts = append(parts, "")
	v := &varDef{name: parts[0], prompt: strings.ToUpper(parts[1]), typ: strings.ToUpper(parts[2]), options: parts[3],
		description: parts[4], swapable: strings.ToUpper(parts[5]), category: parts[6]}
	switch {
	case v.name == "", v.prompt != "Y" && v.prompt != "N", v.swapable != "Y" && v.swapable != "N",
		v.typ != "TEXT" && v.typ != "OPTIONS":
		return nil, bad
	case v.typ == "OPTIONS" && v.options == "":
		return nil, fail("Invalid var%d: an OPTIONS variable needs a comma separated list of options (or an XML URL).", slot)
	}
	return v, nil
}

// setGroup applies the given parameters to g.
func (st *state) setGroup(c *call, g *productGroup) error {
	if c.has("name") {
		g.name = c.get("name")
	}
	if c.has("description") {
		g.description = c.get("description")
	}
	for i, slot := range moduleSlots {
		id := c.get(slot)
		if id == "" {
			continue
		}
		if st.moduleOf(c.acct, id) == nil {
			return fail("Invalid %s: module %s not found.", slot, id)
		}
		g.modules[i] = id
	}
	for slot, v := range c.vars() {
		d, err := parseVarDef(slot, v)
		if err != nil {
			return err
		}
		g.vars[slot] = d
	}
	return nil
}

func productGroupCreate(st *state, c *call) (*node, error) {
	if err := coreOnly(c, "product groups"); err != nil {
		return nil, err
	}
	g := &productGroup{account: c.acct, status: statusActive}
	if err := st.setGroup(c, g); err != nil {
		return nil, err
	}
	g.id = st.next("group")
	st.groups = append(st.groups, g)
	return el("telecloud", el("productgroup").set("product_group_id", g.id)), nil
}

func productGroupEdit(st *state, c *call) (*node, error) {
	if err := coreOnly(c, "product groups"); err != nil {
		return nil, err
	}
	g := st.groupOf(c.acct, c.get("product_group_id"))
	if g == nil {
		return nil, fail("Product group %s not found.", c.get("product_group_id"))
	}
	status, err := c.status("status", statusActive, statusLocked)
	if err != nil {
		return nil, err
	}
	edited := *g
	if err := st.setGroup(c, &edited); err != nil {
		return nil, err
	}
	if status != 0 {
		edited.status = status
	}
	*g = edited
	return el("telecloud", el("productgroup").set("product_group_id", g.id)), nil
}

// groupOf returns a product group of a's CORE.
func (st *state) groupOf(a *cloudAccount, id string) *productGroup {
	for _, g := range st.groups {
		if g.id == id && g.account == coreOf(a) {
			return g
		}
	}
	return nil
}

// Plans

func renderComponent(name string, u *usageComponent, statusAttr bool) *node {
	n := el(name,
		leaf("name", u.name),
		leaf("description", u.description),
		leaf("starting_quantity", u.startQty),
		leaf("unit_price", u.unitPrice),
		leaf("reset_with_cycle", u.reset),
		leaf("var_sets_maximum", u.varMax),
	).set("component_id", u.id).set("product_group_id", u.group.id)
	if statusAttr {
		return n.set("status", strconv.Itoa(u.status))
	}
	return n.add(leaf("status", strconv.Itoa(u.status)))
}

func renderProduct(p *product, recurring, setup string, full bool) *node {
	n := el("product",
		leaf("name", p.name),
		leaf("description", p.description),
	).set("product_id", p.id).set("product_group_id", p.group.id).set("carrier_product_id", p.carrierID).set("product_type", p.ptype)
	if full {
		n.add(leaf("discount_recurring_price", recurring), leaf("discount_setup_price", setup))
	} else {
		n.add(leaf("recurring_price", recurring), leaf("setup_price", setup))
	}
	n.add(leaf("cycle_length", strconv.Itoa(p.cycle)),
		leaf("prompt_for_variables", p.prompt),
		leaf("replenish_with_plan", p.replenishWith))
	if full {
		comps := el("UsageComponents")
		for _, u := range p.components {
			comps.add(renderComponent("component", u, true))
		}
		n.add(comps)
	}
	return n.add(leaf("status", strconv.Itoa(p.status)))
}

func renderPlan(rp *ratePlan) *node {
	return el("plan",
		leaf("name", rp.name),
		leaf("description", rp.description),
		leaf("recurring_price", fmtDollars(rp.recurring)),
		leaf("setup_price", fmtDollars(rp.setup)),
		leaf("status", strconv.Itoa(rp.status)),
	).set("rate_plan_id", rp.id)
}

// planSearch lists, by product group, the CORE products an account can
// sell at the price it pays, with its (or its VAR's) rate plans on each.
func planSearch(st *state, c *call) (*node, error) {
	a, err := st.cloudTarget(c, "cloud_account_type", "cloud_account_number")
	if err != nil {
		return nil, err
	}
	gid := c.get("product_group_id")
	root := el("telecloud")
	for _, g := range st.groups {
		if g.account != coreOf(a) || (gid != "" && g.id != gid) {
			continue
		}
		plans := el("Plans").set("product_group_id", g.id).set("product_group_name", g.name)
		for _, p := range st.products {
			if p.group != g || p.status == statusDeleted {
				continue
			}
			setup, recurring := st.wholesale(a, nil, p)
			pn := renderProduct(p, fmtMoney(recurring), fmtMoney(setup), true)
			for _, rp := range st.plans {
				if rp.product == p && rp.status != statusDeleted && planOwner(a) != nil && rp.account == planOwner(a) {
					pn.add(renderPlan(rp))
				}
			}
			plans.add(pn)
		}
		if len(plans.kids) > 0 {
			root.add(plans)
		}
	}
	return root, nil
}

// planText reads a name or description of ten characters or more.
func planText(c *call, name string, dst *string, required bool) error {
	v := c.get(name)
	if v == "" && !required {
		return nil
	}
	if len([]rune(v)) < 10 {
		return fail("The %s must be at least 10 characters.", name)
	}
	*dst = v
	return nil
}

// setPrices applies the price parameters of Plan/Create and Plan/Edit.
func setPrices(c *call, recurring, setup, autopay *int64, requireRecurring bool) error {
	r, set, err := c.money("recurring_price", "recurring price")
	if err != nil {
		return err
	}
	if !set && requireRecurring {
		return fail("A full dollar amount must be supplied for the recurring price.")
	}
	if set {
		*recurring = r
	}
	for _, f := range []struct {
		name, label string
		dst         *int64
	}{{"setup_price", "setup price", setup}, {"autopay_discount", "auto-pay discount", autopay}} {
		v, set, err := c.money(f.name, f.label)
		if err != nil {
			return err
		}
		if set {
			*f.dst = v
		}
	}
	return nil
}

// setProduct applies the CORE-only parameters of Plan/Create and Plan/Edit.
func (st *state) setProduct(c *call, p *product) error {
	if n, set, err := c.intIn("cycle_length", 1, 3650, "Invalid cycle_length: give the number of days of a cycle, for example 30."); err != nil {
		return err
	} else if set {
		p.cycle = n
	}
	if v, err := c.oneOf("product_type", "TRADITIONAL", "ADD-ON"); err != nil {
		return err
	} else if v != "" {
		p.ptype = v
	}
	for _, f := range []struct {
		name string
		dst  *string
	}{{"prompt_for_variables", &p.prompt}, {"replenish_with_plan", &p.replenishWith}} {
		if v, err := c.yn(f.name); err != nil {
			return err
		} else if v != "" {
			*f.dst = v
		}
	}
	if p.replenishWith == "Y" && p.ptype != "ADD-ON" {
		return fail("replenish_with_plan applies to ADD-ON products only.")
	}
	if c.has("carrier_product_id") {
		p.carrierID = c.get("carrier_product_id")
	}
	if c.has("component_ids") {
		var comps []*usageComponent
		for _, id := range strings.Split(c.get("component_ids"), ",") {
			if id = strings.TrimSpace(id); id == "" {
				continue
			}
			u := st.componentOf(c.acct, id)
			if u == nil || u.group != p.group {
				return fail("Usage component %s not found in product group %s.", id, p.group.id)
			}
			comps = append(comps, u)
		}
		p.components = comps
	}
	return nil
}

// productOf returns a live product of a's CORE.
func (st *state) productOf(a *cloudAccount, id string) *product {
	for _, p := range st.products {
		if p.id == id && p.account == coreOf(a) && p.status != statusDeleted {
			return p
		}
	}
	return nil
}

// ratePlanOf returns a live rate plan owned by a.
func (st *state) ratePlanOf(a *cloudAccount, id string) *ratePlan {
	for _, rp := range st.plans {
		if rp.id == id && rp.account == a && rp.status != statusDeleted {
			return rp
		}
	}
	return nil
}

// planCreate makes a CORE product (CORE callers) or a VAR rate plan on one
// (VAR callers).
func planCreate(st *state, c *call) (*node, error) {
	switch c.acct.typ {
	case typeCore:
		if !c.has("product_group_id") {
			return nil, fail("The product_group_id parameter is required for CORE products.")
		}
		g := st.groupOf(c.acct, c.get("product_group_id"))
		if g == nil {
			return nil, fail("Product group %s not found.", c.get("product_group_id"))
		}
		if !c.has("cycle_length") {
			return nil, fail("The cycle_length parameter is required for CORE products.")
		}
		p := &product{account: c.acct, group: g, status: statusActive, ptype: "TRADITIONAL", prompt: "N", replenishWith: "N"}
		if err := planText(c, "name", &p.name, true); err != nil {
			return nil, err
		}
		if err := planText(c, "description", &p.description, true); err != nil {
			return nil, err
		}
		if err := setPrices(c, &p.recurring, &p.setup, &p.autopay, true); err != nil {
			return nil, err
		}
		status, err := c.status("status", statusActive, statusLocked)
		if err != nil {
			return nil, err
		}
		if status != 0 {
			p.status = status
		}
		if err := st.setProduct(c, p); err != nil {
			return nil, err
		}
		p.id = st.next("product")
		st.products = append(st.products, p)
		return el("telecloud", renderProduct(p, fmtDollars(p.recurring), fmtDollars(p.setup), false)), nil
	case typeVAR:
		if !c.has("product_id") {
			return nil, fail("The product_id parameter is required for VAR rate plans.")
		}
		p := st.productOf(c.acct, c.get("product_id"))
		if p == nil {
			return nil, fail("Product %s not found.", c.get("product_id"))
		}
		rp := &ratePlan{account: c.acct, product: p, status: statusActive}
		if err := planText(c, "name", &rp.name, true); err != nil {
			return nil, err
		}
		if err := planText(c, "description", &rp.description, true); err != nil {
			return nil, err
		}
		if err := setPrices(c, &rp.recurring, &rp.setup, &rp.autopay, true); err != nil {
			return nil, err
		}
		status, err := c.status("status", statusActive, statusLocked, statusReplenishOnly)
		if err != nil {
			return nil, err
		}
		if status != 0 {
			rp.status = status
		}
		rp.id = st.next("plan")
		st.plans = append(st.plans, rp)
		return el("telecloud", renderPlan(rp)), nil
	}
	return nil, fail("Only CORE and VAR accounts can create rate plans.")
}

// componentMaxima reads a VAR's JSON list of components and maxima.
func componentMaxima(c *call, p *product) (map[string]string, bool, error) {
	raw := c.get("attached_components")
	if raw == "" && strings.HasPrefix(c.get("component_ids"), "[") {
		raw = c.get("component_ids")
	}
	if raw == "" {
		return nil, false, nil
	}
	list, err := parseAttached(raw)
	if err != nil {
		return nil, false, err
	}
	out := map[string]string{}
	for _, a := range list {
		u := attachedTo(p, a.ComponentID)
		if u == nil {
			return nil, false, fail("Usage component %s is not attached to product %s.", a.ComponentID, p.id)
		}
		if a.MaxUnits != "" && u.varMax != "Y" {
			return nil, false, fail("Usage component %s does not let a VAR set a maximum.", a.ComponentID)
		}
		out[a.ComponentID] = a.MaxUnits
	}
	return out, true, nil
}

// attached is one entry of an attached_components list.
type attached struct {
	ComponentID string
	MaxUnits    string
}

// parseAttached reads [{"component_id":"1","max_units":"5"}, …]; the
// values may be strings or numbers.
func parseAttached(raw string) ([]attached, error) {
	var list []map[string]any
	if err := json.Unmarshal([]byte(raw), &list); err != nil {
		return nil, fail(`Invalid attached_components: give a JSON list such as [{"component_id":"15178187","max_units":"1"}].`)
	}
	var out []attached
	for _, m := range list {
		a := attached{ComponentID: jsonString(m["component_id"]), MaxUnits: jsonString(m["max_units"])}
		if a.ComponentID == "" {
			return nil, fail("Invalid attached_components: every entry needs a component_id.")
		}
		if a.MaxUnits != "" {
			if _, err := strconv.ParseFloat(a.MaxUnits, 64); err != nil {
				return nil, fail("Invalid attached_components: max_units of component %s is not a number.", a.ComponentID)
			}
		}
		out = append(out, a)
	}
	return out, nil
}

func jsonString(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return ""
}

// attachedTo returns the live component with that id attached to p.
func attachedTo(p *product, id string) *usageComponent {
	for _, u := range p.components {
		if u.id == id && u.status != statusDeleted {
			return u
		}
	}
	return nil
}

func planEdit(st *state, c *call) (*node, error) {
	switch c.acct.typ {
	case typeCore:
		if !c.has("product_id") {
			return nil, fail("The product_id parameter is required.")
		}
		p := st.productOf(c.acct, c.get("product_id"))
		if p == nil {
			return nil, fail("Product %s not found.", c.get("product_id"))
		}
		edited := *p
		if err := planText(c, "name", &edited.name, false); err != nil {
			return nil, err
		}
		if err := planText(c, "description", &edited.description, false); err != nil {
			return nil, err
		}
		if err := setPrices(c, &edited.recurring, &edited.setup, &edited.autopay, false); err != nil {
			return nil, err
		}
		status, err := c.status("status", statusActive, statusLocked)
		if err != nil {
			return nil, err
		}
		if status != 0 {
			edited.status = status
		}
		if err := st.setProduct(c, &edited); err != nil {
			return nil, err
		}
		*p = edited
		return el("telecloud", renderProduct(p, fmtDollars(p.recurring), fmtDollars(p.setup), false)), nil
	case typeVAR:
		if !c.has("rate_plan_id") {
			return nil, fail("The rate_plan_id parameter is required.")
		}
		rp := st.ratePlanOf(c.acct, c.get("rate_plan_id"))
		if rp == nil {
			return nil, fail("Rate plan %s not found.", c.get("rate_plan_id"))
		}
		edited := *rp
		if err := planText(c, "name", &edited.name, false); err != nil {
			return nil, err
		}
		if err := planText(c, "description", &edited.description, false); err != nil {
			return nil, err
		}
		if err := setPrices(c, &edited.recurring, &edited.setup, &edited.autopay, false); err != nil {
			return nil, err
		}
		status, err := c.status("status", statusActive, statusLocked, statusReplenishOnly)
		if err != nil {
			return nil, err
		}
		if status != 0 {
			edited.status = status
		}
		maxima, set, err := componentMaxima(c, rp.product)
		if err != nil {
			return nil, err
		}
		if set {
			edited.maxUnits = maxima
		}
		*rp = edited
		return el("telecloud", renderPlan(rp)), nil
	}
	return nil, fail("Only CORE and VAR accounts can edit rate plans.")
}

func planDelete(st *state, c *call) (*node, error) {
	switch c.acct.typ {
	case typeCore:
		if !c.has("product_id") {
			return nil, fail("The product_id parameter is required.")
		}
		p := st.productOf(c.acct, c.get("product_id"))
		if p == nil {
			return nil, fail("Product %s not found.", c.get("product_id"))
		}
		p.status = statusDeleted
		// A CORE's answers name its product, as Plan/Create and Plan/Edit do.
		return el("telecloud", el("product", leaf("status", strconv.Itoa(statusDeleted))).set("product_id", p.id)), nil
	case typeVAR:
		if !c.has("rate_plan_id") {
			return nil, fail("The rate_plan_id parameter is required.")
		}
		rp := st.ratePlanOf(c.acct, c.get("rate_plan_id"))
		if rp == nil {
			return nil, fail("Rate plan %s not found.", c.get("rate_plan_id"))
		}
		rp.status = statusDeleted
		return el("telecloud", el("plan", leaf("status", strconv.Itoa(statusDeleted))).set("rate_plan_id", rp.id)), nil
	}
	return nil, fail("Only CORE and VAR accounts can delete rate plans.")
}

// Promos

func promoSearch(st *state, c *call) (*node, error) {
	code := c.get("promo_code")
	list := el("Promotions")
	for _, pr := range slices.Backward(st.promos) {
		if pr.deleted || pr.account != c.acct || (code != "" && !strings.EqualFold(pr.code, code)) {
			continue
		}
		exp, plan := "", ""
		if !pr.expiration.IsZero() {
			exp = pr.expiration.Format(layoutUSDate)
		}
		if pr.plan != nil {
			plan = pr.plan.id
		}
		list.add(el("promo",
			leaf("promo_code", pr.code),
			leaf("value", fmtMoney(pr.value)),
			leaf("expiration_date", exp),
		).set("promo_id", pr.id).set("rate_plan_id", plan))
	}
	return el("telecloud", list), nil
}

func promoCreate(st *state, c *call) (*node, error) {
	code := c.get("promo_code")
	for _, pr := range st.promos {
		if !pr.deleted && pr.account == c.acct && strings.EqualFold(pr.code, code) {
			return nil, fail("Promo code %s already exists.", code)
		}
	}
	value, _, err := c.money("value", "promo value")
	if err != nil {
		return nil, err
	}
	if value == 0 {
		return nil, fail("The promo value must be greater than 0.00.")
	}
	pr := &promo{account: c.acct, code: code, value: value}
	exp, set, err := c.date("expiration_date")
	if err != nil {
		return nil, err
	}
	if set {
		if exp.Format(layoutDate) < c.now.Format(layoutDate) {
			return nil, fail("The expiration_date %s has already passed.", exp.Format(layoutDate))
		}
		pr.expiration = time.Date(exp.Year(), exp.Month(), exp.Day(), 0, 0, 0, 0, c.now.Location())
	}
	if c.has("rate_plan_id") {
		if pr.plan = st.ratePlanOf(c.acct, c.get("rate_plan_id")); pr.plan == nil {
			return nil, fail("Rate plan %s not found.", c.get("rate_plan_id"))
		}
	}
	pr.id = st.next("promo")
	st.promos = append(st.promos, pr)
	return el("telecloud", el("promo").set("promo_id", pr.id)), nil
}

func promoDelete(st *state, c *call) (*node, error) {
	code := c.get("promo_code")
	for _, pr := range st.promos {
		if !pr.deleted && pr.account == c.acct && strings.EqualFold(pr.code, code) {
			pr.deleted = true
			return el("telecloud", el("promo").set("promo_id", pr.id)), nil
		}
	}
	return nil, fail("Promo code %s not found.", code)
}

// Usage components

// componentOf returns a live usage component of a's CORE.
func (st *state) componentOf(a *cloudAccount, id string) *usageComponent {
	for _, u := range st.components {
		if u.id == id && u.group.account == coreOf(a) && u.status != statusDeleted {
			return u
		}
	}
	return nil
}

func usageComponentSearch(st *state, c *call) (*node, error) {
	id, gid := c.get("component_id"), c.get("product_group_id")
	var p *product
	if c.has("product_id") {
		if p = st.productOf(c.acct, c.get("product_id")); p == nil {
			return nil, fail("Product %s not found.", c.get("product_id"))
		}
	}
	list := el("ProductComponents")
	for _, u := range st.components {
		if u.status == statusDeleted || u.group.account != coreOf(c.acct) || (id != "" && u.id != id) ||
			(gid != "" && u.group.id != gid) || (p != nil && attachedTo(p, u.id) == nil) {
			continue
		}
		list.add(renderComponent("component", u, false))
	}
	return el("telecloud", list), nil
}

var unitPriceRE = regexp.MustCompile(`^[0-9]{1,7}(\.[0-9]{1,4})?$`)

// setComponent applies the given parameters to u.
func setComponent(c *call, u *usageComponent) error {
	if c.has("name") {
		u.name = c.get("name")
	}
	if c.has("description") {
		u.description = c.get("description")
	}
	if v := c.get("starting_quantity"); v != "" {
		if !digits(v, 1, 12) {
			return fail("Invalid starting_quantity: give a whole number of units, 0 for none.")
		}
		n, _ := strconv.ParseInt(v, 10, 64)
		u.startQty = strconv.FormatInt(n, 10)
	}
	if v := c.get("unit_price"); v != "" {
		if !unitPriceRE.MatchString(v) {
			return fail("Invalid unit_price: give a decimal amount such as 0.01 or 0.0050.")
		}
		u.unitPrice = v
	}
	for _, f := range []struct {
		name string
		dst  *string
	}{{"reset_with_cycle", &u.reset}, {"var_sets_maximum", &u.varMax}} {
		if v, err := c.yn(f.name); err != nil {
			return err
		} else if v != "" {
			*f.dst = v
		}
	}
	return nil
}

func usageComponentCreate(st *state, c *call) (*node, error) {
	if err := coreOnly(c, "usage components"); err != nil {
		return nil, err
	}
	g := st.groupOf(c.acct, c.get("product_group_id"))
	if g == nil {
		return nil, fail("Product group %s not found.", c.get("product_group_id"))
	}
	if !c.has("unit_price") {
		return nil, fail("The unit_price parameter is required.")
	}
	u := &usageComponent{group: g, startQty: "0", reset: "N", varMax: "N", status: statusActive}
	if err := setComponent(c, u); err != nil {
		return nil, err
	}
	u.id = st.next("component")
	st.components = append(st.components, u)
	return el("telecloud", renderComponent("component", u, false)), nil
}

func usageComponentEdit(st *state, c *call) (*node, error) {
	if err := coreOnly(c, "usage components"); err != nil {
		return nil, err
	}
	u := st.componentOf(c.acct, c.get("component_id"))
	if u == nil {
		return nil, fail("Usage component %s not found.", c.get("component_id"))
	}
	status, err := c.status("status", statusActive, statusLocked)
	if err != nil {
		return nil, err
	}
	edited := *u
	if err := setComponent(c, &edited); err != nil {
		return nil, err
	}
	if status != 0 {
		edited.status = status
	}
	*u = edited
	return el("telecloud", renderComponent("component", u, false)), nil
}

func usageComponentDelete(st *state, c *call) (*node, error) {
	if err := coreOnly(c, "usage components"); err != nil {
		return nil, err
	}
	u := st.componentOf(c.acct, c.get("component_id"))
	if u == nil {
		return nil, fail("Usage component %s not found.", c.get("component_id"))
	}
	u.status = statusDeleted
	for _, p := range st.products {
		p.components = slices.DeleteFunc(p.components, func(x *usageComponent) bool { return x == u })
	}
	return el("telecloud", el("component", leaf("status", strconv.Itoa(statusDeleted))).set("component_id", u.id)), nil
}

// Modules

// moduleOf returns a live module of a.
func (st *state) moduleOf(a *cloudAccount, id string) *module {
	for _, m := range st.modules {
		if m.id == id && m.account == a && !m.deleted {
			return m
		}
	}
	return nil
}

func moduleSearch(st *state, c *call) (*node, error) {
	id := c.get("module_id")
	list := el("Modules")
	for _, m := range st.modules {
		if m.deleted || m.account != c.acct || (id != "" && m.id != id) {
			continue
		}
		list.add(el("module",
			leaf("name", m.name),
			leaf("description", m.description),
			leaf("url", m.url),
			leaf("status", strconv.Itoa(m.status)),
		).set("module_id", m.id))
	}
	return el("telecloud", list), nil
}

func moduleCreate(st *state, c *call) (*node, error) {
	if err := coreOnly(c, "modules"); err != nil {
		return nil, err
	}
	typ, err := c.oneOf("type", "external", "prebuilt")
	if err != nil {
		return nil, err
	}
	m := &module{account: c.acct, typ: typ, name: c.get("name"), description: c.get("description"), status: statusActive}
	if typ == "external" {
		if !c.has("url") {
			return nil, fail("The url parameter is required for external modules.")
		}
	} else {
		if !c.has("provider") {
			return nil, fail("The provider parameter is required for prebuilt modules.")
		}
		m.provider = c.get("provider")
		for i := range m.creds {
			m.creds[i] = c.get("credentials_" + strconv.Itoa(i+1))
		}
	}
	if err := setModuleURLStatus(c, m); err != nil {
		return nil, err
	}
	m.id = st.next("module")
	st.modules = append(st.modules, m)
	return el("telecloud", el("module").set("module_id", m.id).set("type", m.typ)), nil
}

func setModuleURLStatus(c *call, m *module) error {
	if u := c.get("url"); u != "" {
		if !validURL(u) {
			return fail("Invalid url: give the full URL of the module file.")
		}
		m.url = u
	}
	status, err := c.status("status", statusActive, statusLocked)
	if err != nil {
		return err
	}
	if status != 0 {
		m.status = status
	}
	return nil
}

func moduleEdit(st *state, c *call) (*node, error) {
	m := st.moduleOf(c.acct, c.get("module_id"))
	if m == nil {
		return nil, fail("Module %s not found.", c.get("module_id"))
	}
	edited := *m
	if c.has("name") {
		edited.name = c.get("name")
	}
	if c.has("description") {
		edited.description = c.get("description")
	}
	if err := setModuleURLStatus(c, &edited); err != nil {
		return nil, err
	}
	*m = edited
	return el("telecloud", el("module").set("module_id", m.id)), nil
}

func moduleDelete(st *state, c *call) (*node, error) {
	m := st.moduleOf(c.acct, c.get("module_id"))
	if m == nil {
		return nil, fail("Module %s not found.", c.get("module_id"))
	}
	m.deleted = true
	return el("telecloud", el("module").set("module_id", m.id)), nil
}

// Gateways

// supportedGateways are the payment gateways, with the names of their
// credentials.
var supportedGateways = []struct {
	name  string
	creds []string
}{
	{"STRIPE", []string{"API KEY"}},
	{"AUTHORIZE.NET", []string{"API LOGIN ID", "TRANSACTION KEY"}},
	{"NMI", []string{"SECURITY KEY"}},
	{"PAYPAL", []string{"CLIENT ID", "SECRET"}},
}

func gatewayCreds(name string) []string {
	for _, g := range supportedGateways {
		if g.name == name {
			return g.creds
		}
	}
	return nil
}

func renderGateway(name, id, cc, ach string, creds [4]string) *node {
	n := el("gateway", leaf("name", name)).set("gateway_id", id).set("default_cc_gateway", cc).set("default_ach_gateway", ach)
	for i, label := range gatewayCreds(name) {
		n.add(leaf("credentials_"+strconv.Itoa(i+1), creds[i]).set("name", label))
	}
	return n
}

// gatewaysSearch lists the caller's gateways and, without a gateway_id, the
// supported gateways not set up yet (with an empty gateway_id).
func gatewaysSearch(st *state, c *call) (*node, error) {
	id := c.get("gateway_id")
	list := el("Gateways")
	setUp := map[string]bool{}
	for _, g := range st.gateways {
		if g.deleted || g.account != c.acct {
			continue
		}
		setUp[g.name] = true
		if id == "" || g.id == id {
			list.add(renderGateway(g.name, g.id, g.defaultCC, g.defaultACH, g.creds))
		}
	}
	if id == "" {
		for _, sg := range supportedGateways {
			if !setUp[sg.name] {
				list.add(renderGateway(sg.name, "", "N", "N", [4]string{}))
			}
		}
	}
	return el("telecloud", list), nil
}

func gatewaysCreate(st *state, c *call) (*node, error) {
	name := strings.ToUpper(c.get("name"))
	creds := gatewayCreds(name)
	if creds == nil {
		names := make([]string, len(supportedGateways))
		for i, g := range supportedGateways {
			names[i] = g.name
		}
		return nil, fail("Unsupported payment gateway %s: supported gateways are %s.", c.get("name"), orList(names))
	}
	for _, g := range st.gateways {
		if !g.deleted && g.account == c.acct && g.name == name {
			return nil, fail("The %s gateway is already set up (gateway_id %s).", name, g.id)
		}
	}
	g := &gateway{account: c.acct, name: name, defaultCC: "N", defaultACH: "N"}
	for i, label := range creds {
		v := c.get("credentials_" + strconv.Itoa(i+1))
		if v == "" {
			return nil, fail("The credentials_%d parameter (%s) is required for %s.", i+1, label, name)
		}
		g.creds[i] = v
	}
	g.id = st.next("gateway")
	st.gateways = append(st.gateways, g)
	return el("telecloud", el("gateway").set("gateway_id", g.id)), nil
}

func (st *state) gatewayFor(c *call) (*gateway, error) {
	id := c.get("gateway_id")
	for _, g := range st.gateways {
		if g.id == id && g.account == c.acct && !g.deleted {
			return g, nil
		}
	}
	return nil, fail("Gateway %s not found.", id)
}

func gatewaysEdit(st *state, c *call) (*node, error) {
	g, err := st.gatewayFor(c)
	if err != nil {
		return nil, err
	}
	cc, err := c.yn("default_cc_gateway")
	if err != nil {
		return nil, err
	}
	ach, err := c.yn("default_ach_gateway")
	if err != nil {
		return nil, err
	}
	for i := range gatewayCreds(g.name) {
		if v := c.get("credentials_" + strconv.Itoa(i+1)); v != "" {
			g.creds[i] = v
		}
	}
	for _, o := range st.gateways {
		if o.account == g.account && o != g {
			if cc == "Y" {
				o.defaultCC = "N"
			}
			if ach == "Y" {
				o.defaultACH = "N"
			}
		}
	}
	if cc != "" {
		g.defaultCC = cc
	}
	if ach != "" {
		g.defaultACH = ach
	}
	return el("telecloud", el("gateway").set("gateway_id", g.id).set("default_cc_gateway", g.defaultCC).set("default_ach_gateway", g.defaultACH)), nil
}

func gatewaysDelete(st *state, c *call) (*node, error) {
	g, err := st.gatewayFor(c)
	if err != nil {
		return nil, err
	}
	g.deleted = true
	return el("telecloud", el("gateway").set("gateway_id", g.id)), nil
}
