package telecloudtest

import (
	"strconv"
	"time"
)

// Numeric statuses.
const (
	statusActive        = 1 // active, unread/new, unlocked
	statusLocked        = 2 // suspended, locked, read/dismissed
	statusDeleted       = 3
	statusReplenishOnly = 4 // VAR rate plans only
)

// Transaction statuses, as Transaction/Search shows them.
const (
	txSuccess = "SUCCESS"
	txFailed  = "FAILED"
	txPending = "PENDING"
)

// Cloud account types, from the top.
const (
	typeCore      = "CORE"
	typeVAR       = "VAR"
	typePartner   = "PARTNER"
	typeAffiliate = "AFFILIATE"
)

var accountTypes = []string{typeCore, typeVAR, typePartner, typeAffiliate}

// level is an account type's depth: CORE 0 … AFFILIATE 3.
func level(typ string) int {
	for i, t := range accountTypes {
		if t == typ {
			return i
		}
	}
	return -1
}

// Order statuses.
const (
	orderActive    = "ACTIVE"
	orderPending   = "PENDING"
	orderSuspended = "SUSPENDED"
	orderNonPay    = "NON-PAY"
	orderFailed    = "FAILED"
	orderCancelled = "CANCELLED"
)

// state is everything the server keeps. Every method runs with the
// server's lock held.
type state struct {
	delay time.Duration
	seq   map[string]int

	accounts      []*cloudAccount
	users         []*user
	creds         map[string]*apiCred // by API_ID_KEY
	txns          []*txn
	billing       []*billingTx
	customers     []*customer
	paymentMethod []*paymentMethod
	gateways      []*gateway
	modules       []*module
	groups        []*productGroup
	products      []*product
	plans         []*ratePlan
	components    []*usageComponent
	promos        []*promo
	discounts     []*discount
	orders        []*order
	notifications []*notification
	alerts        []*alert
	announcements []*announcement
	tickets       []*ticket
	failNext      []string
}

// cloudAccount is a CORE, VAR, PARTNER or AFFILIATE account.
type cloudAccount struct {
	id, number, typ string
	parent          *cloudAccount

	company, first, last                     string
	address1, address2, city, stateName, zip string
	country, email, phone                    string
	spendingLimit                            int64
	fundingType                              string // PREPAID, POSTPAID
	feeType                                  string // Monthly, Yearly
	deductWholesale                          string
	fee                                      int64
	feeDay                                   int
	feeMonth                                 string
	perOrderFee                              int64
	restrictCustomers, ccReload              string
	status                                   int
	since                                    time.Time
	pipeEmail                                string
	balance                                  int64
	deleted                                  bool
}

// user is a user of a cloud account; API users have credentials.
type user struct {
	id              string
	account         *cloudAccount
	username, email string
	first, last     string
	initialPassword string
	accessLevel     string
	status          int
	lastLogin       time.Time
	lastIP          string
	profileImg      string
	deleted         bool
}

type apiCred struct {
	key  string
	user *user
}

// txn is a recorded call (Transaction/Search).
type txn struct {
	id          string
	op          string
	user        string
	cloud       *cloudAccount
	fullRequest string
	ip          string
	status      string
	errText     string
	account     string // customer account number
	order       string
	time        time.Time
}

// billingTx is a billing transaction of a cloud account.
type billingTx struct {
	id         string
	account    *cloudAccount
	date       time.Time
	typ        string // CREDIT, DEBIT, ORDER, REPLENISHMENT, USAGE, REFUND, REVERSAL
	details    string
	user       string
	amount     int64 // positive
	credit     bool  // adds to the balance
	billed     string
	endBalance int64
	status     string // COMPLETED, REVERSED
	customer   string
	order      string
	wholesale  bool // counts as wholesale spend (orders, replenishments, usage, their refunds)
}

// customer is a customer account.
type customer struct {
	number       string
	owner        *cloudAccount
	created      time.Time
	createdBy    string
	company      string
	first, last  string
	address      string
	unitType     string
	unitNumber   string
	city, region string
	zip, country string
	email, phone string
	password     string
	dl, ssn      string
	custom1      string
	custom2      string
	locationType string
	credit       int64
	status       int
	notations    []*notation
}

type notation struct {
	id, subject, content string
	date                 time.Time
	user                 string
}

// paymentMethod is a card or bank account of a customer or a cloud account.
type paymentMethod struct {
	id         string
	typ        string // CC, BA
	customer   *customer
	account    *cloudAccount // a cloud account's (customer == nil)
	last4      string
	prefix     string
	expMonth   string
	expYear    string
	cardType   string
	status     string // VERIFIED, UNVERIFIED
	micro      [2]int64
	isDefault  bool
	deleted    bool
	created    time.Time
	charges    []charge
	verifyMiss int
}

// charge is a payment taken with a payment method.
type charge struct {
	date    time.Time
	amount  int64
	details string
}

type gateway struct {
	id                    string
	account               *cloudAccount
	name                  string
	creds                 [4]string
	defaultCC, defaultACH string
	deleted               bool
}

type module struct {
	id                     string
	account                *cloudAccount
	typ, name, description string
	url, provider          string
	creds                  [4]string
	status                 int
	deleted                bool
}

// Module slots of a product group, in the order of its attributes.
var moduleSlots = []string{"moduleid_order", "moduleid_replenish", "moduleid_status", "moduleid_swap", "moduleid_cancel"}

type productGroup struct {
	id                string
	account           *cloudAccount
	name, description string
	modules           [5]string
	vars              [maxVars + 1]*varDef // by slot
	status            int
}

// varDef is a product group's definition of one variable.
type varDef struct {
	name, prompt, typ, options, description, swapable, category string
}

// product is a CORE product.
type product struct {
	id                    string
	account               *cloudAccount
	group                 *productGroup
	name, description     string
	recurring, setup      int64
	autopay               int64
	status                int
	cycle                 int
	ptype                 string // TRADITIONAL, ADD-ON
	prompt, replenishWith string
	carrierID             string
	components            []*usageComponent
}

// ratePlan is a VAR rate plan on a CORE product.
type ratePlan struct {
	id                string
	account           *cloudAccount
	product           *product
	name, description string
	recurring, setup  int64
	autopay           int64
	status            int
	maxUnits          map[string]string // component id → maximum set by the VAR
}

type usageComponent struct {
	id                string
	group             *productGroup
	name, description string
	startQty          string
	unitPrice         string
	reset, varMax     string
	status            int
}

type promo struct {
	id         string
	account    *cloudAccount
	code       string
	value      int64
	expiration time.Time // zero: none
	plan       *ratePlan
	deleted    bool
}

// discount is the price a cloud account pays for a product or a rate plan.
type discount struct {
	id           string
	account      *cloudAccount
	productID    string // a CORE product or a VAR rate plan
	setup, price int64
}

type notification struct {
	id                 string
	account            *cloudAccount
	event              string
	notifyCustomer     string
	html, htmlCustomer string
	fromEmail          string
	deleted            bool
}

type alert struct {
	id                                string
	user                              *user
	date                              time.Time
	subject, content                  string
	status                            int
	typ                               string // ALERT, ANNOUNCEMENT
	order, account, transaction, bill string
	announcement                      *announcement
}

type announcement struct {
	id                                  string
	account                             *cloudAccount
	date                                time.Time
	subject, contents                   string
	showVAR, showPartner, showAffiliate string
	email                               string
	deleted                             bool
}

type ticket struct {
	id, email   string
	account     *cloudAccount // the account the ticket belongs to (the caller's, or a linked one)
	customer    *customer
	order       string
	direction   string // INTERNAL, EXTERNAL
	openedBy    string
	openedType  string // STAFF, CUSTOMER, GUEST
	via         string
	department  string
	subject     string
	message     string
	attachments []string
	status      string
	date        time.Time
	lastReply   time.Time
	replies     []*reply
}

type reply struct {
	id          string
	date        time.Time
	postedBy    string
	postedType  string
	message     string
	attachments []string
}

// First identifiers handed out, near the reference's samples.
var firstIDs = map[string]int{
	"trans":        3130001,
	"billing":      44001,
	"account":      2901,
	"accountNum":   2502093001,
	"user":         234,
	"customer":     7105046,
	"order":        4618,
	"product":      331,
	"plan":         52748,
	"group":        74,
	"component":    8417871,
	"module":       27,
	"gateway":      4,
	"notification": 7,
	"alert":        41,
	"announcement": 89,
	"promo":        2,
	"discount":     30567,
	"ticket":       91777,
	"reply":        791,
	"notation":     152,
	"payment":      72,
	"stack":        9001,
}

// next returns the next identifier of a kind.
func (st *state) next(kind string) string {
	n, ok := st.seq[kind]
	if !ok {
		n = firstIDs[kind]
	}
	st.seq[kind] = n + 1
	return strconv.Itoa(n)
}

// newState returns the seed data.
func newState(now time.Time, delay time.Duration) *state {
	st := &state{delay: delay, seq: map[string]int{}, creds: map[string]*apiCred{}}
	since := day(now).AddDate(-1, 0, 0)
	core := &cloudAccount{id: "2899", number: SeedCoreAccount, typ: typeCore,
		company: "TeleCloud Core Networks", first: "Core", last: "Operator",
		address1: "1710 S First St", city: "GARLAND", stateName: "TX", zip: "75040", country: "United States",
		email: "core@telecloud.example", phone: "8885551212", fundingType: "POSTPAID",
		feeType: "Monthly", deductWholesale: "N", feeDay: 1, restrictCustomers: "N", ccReload: "N",
		status: statusActive, since: since, pipeEmail: "core" + SeedCoreAccount + "@secureaccesspoint.com"}
	vr := &cloudAccount{id: "2900", number: SeedVARAccount, typ: typeVAR, parent: core,
		company: "YourBrand Wireless", first: "Test", last: "Dealer",
		address1: "3132 Main St", city: "HARRISBURG", stateName: "PA", zip: "17109", country: "United States",
		email: "var@yourbrand.example", phone: "2145551212", spendingLimit: 100000, fundingType: "PREPAID",
		feeType: "Monthly", deductWholesale: "N", feeDay: 1, restrictCustomers: "N", ccReload: "Y",
		status: statusActive, since: since, pipeEmail: "yourbrand" + SeedVARAccount + "@secureaccesspoint.com"}
	vr.balance, _ = parseMoney(SeedVARBalance)
	st.accounts = []*cloudAccount{core, vr}

	coreUser := &user{id: "232", account: core, username: CoreUsername, email: "core@telecloud.example",
		first: "Core", last: "Operator", initialPassword: "144era", accessLevel: "ADMIN", status: statusActive}
	varUser := &user{id: "233", account: vr, username: DefaultUsername, email: "var@yourbrand.example",
		first: "Test", last: "Dealer", initialPassword: "788733rr", accessLevel: "ADMIN", status: statusActive}
	st.users = []*user{coreUser, varUser}
	st.creds[CoreAPIIDKey] = &apiCred{key: CoreAPIKey, user: coreUser}
	st.creds[DefaultAPIIDKey] = &apiCred{key: DefaultAPIKey, user: varUser}

	st.gateways = []*gateway{{id: SeedGateway, account: core, name: "STRIPE", creds: [4]string{"sk_test_core"}, defaultCC: "Y", defaultACH: "Y"}}
	mod := &module{id: "26", account: core, typ: "external", name: "GSMA Activation",
		description: "Activates SIMs on the GSMA network.", url: "https://modules.example/gsma/activate.php", status: statusActive}
	st.modules = []*module{mod}
	grp := &productGroup{id: SeedProductGroup, account: core, name: "GSMA Network",
		description: "Service plans on the GSMA network.", status: statusActive}
	grp.modules[0] = mod.id
	grp.vars[1] = &varDef{name: "IMEI", prompt: "Y", typ: "TEXT", description: "Enter the IMEI from the GSM device.", swapable: "Y", category: "Device Information"}
	grp.vars[2] = &varDef{name: "ICCID", prompt: "Y", typ: "TEXT", description: "The ICCID or number from the SIM card.", swapable: "Y", category: "Device Information"}
	grp.vars[3] = &varDef{name: "MDN", prompt: "N", typ: "TEXT", description: "The subscribers mobile device number.", swapable: "N", category: "Mobile Number"}
	st.groups = []*productGroup{grp}
	prod := &product{id: SeedProduct, account: core, group: grp, name: "[Smartphone] By The Gig",
		description: "2GB and unlimited talk and text included.", recurring: 2000, status: statusActive,
		cycle: 30, ptype: "TRADITIONAL", prompt: "Y", replenishWith: "N", carrierID: "GSMA-GIG"}
	st.products = []*product{prod}
	st.plans = []*ratePlan{{id: SeedRatePlan, account: vr, product: prod, name: "Pay By The Gig",
		description: "Pay by the gig: 2GB, unlimited talk and text.", recurring: 2500, status: statusActive}}
	promoValue, _ := parseMoney(SeedPromoValue)
	st.promos = []*promo{{id: "1", account: vr, code: SeedPromoCode, value: promoValue}}
	st.customers = []*customer{{number: SeedCustomer, owner: vr, created: since, createdBy: DefaultUsername,
		first: "Gina", last: "Hammond", address: "3132 Main St", city: "HARRISBURG", region: "PA", zip: "17109",
		country: "United States", email: "customer@example.com", phone: "2145551212", password: "88888811",
		locationType: "Residential", status: statusActive}}
	return st
}

// The account tree.

// under reports whether a is root or below it.
func under(a, root *cloudAccount) bool {
	for ; a != nil; a = a.parent {
		if a == root {
			return true
		}
	}
	return false
}

// ancestor returns a's account of type typ in its chain (a itself
// included), nil when there is none.
func ancestor(a *cloudAccount, typ string) *cloudAccount {
	for ; a != nil; a = a.parent {
		if a.typ == typ {
			return a
		}
	}
	return nil
}

// ancestorNumber is ancestor's number, "" when there is none.
func ancestorNumber(a *cloudAccount, typ string) string {
	if x := ancestor(a, typ); x != nil {
		return x.number
	}
	return ""
}

// planOwner is the account whose rate plans a's customers order: a VAR's
// own, a PARTNER's or AFFILIATE's VAR's; a CORE has none.
func planOwner(a *cloudAccount) *cloudAccount { return ancestor(a, typeVAR) }

// account returns the live cloud account with that number.
func (st *state) account(number string) *cloudAccount {
	for _, a := range st.accounts {
		if a.number == number && !a.deleted {
			return a
		}
	}
	return nil
}

// cloudTarget resolves the cloud account a call is about, from its type and
// number parameters: the caller's own when the number is not given (and
// not required), else an account under the caller's control whose type
// matches the type parameter when one is given.
func (st *state) cloudTarget(c *call, typeParam, numberParam string) (*cloudAccount, error) {
	typ, err := c.oneOf(typeParam, accountTypes...)
	if err != nil {
		return nil, err
	}
	num := c.get(numberParam)
	if num == "" {
		if typ != "" && typ != c.acct.typ {
			return nil, fail("The %s parameter is required.", numberParam)
		}
		return c.acct, nil
	}
	a := st.account(num)
	if a == nil || !under(a, c.acct) {
		return nil, fail("Cloud account %s not found.", num)
	}
	if typ != "" && typ != a.typ {
		return nil, fail("Cloud account %s is a %s account, not %s.", num, a.typ, typ)
	}
	return a, nil
}

// customerFor returns a customer account under the caller's control.
func (st *state) customerFor(c *call, number string) (*customer, error) {
	for _, cu := range st.customers {
		if cu.number == number && under(cu.owner, c.acct) {
			return cu, nil
		}
	}
	return nil, fail("Customer account %s not found.", number)
}

// coreOf is the CORE at the top of a's tree.
func coreOf(a *cloudAccount) *cloudAccount { return ancestor(a, typeCore) }

// bill adds a billing transaction to a's history and changes its balance.
func (st *state) bill(at time.Time, by string, a *cloudAccount, typ string, amount int64, credit bool, details string) *billingTx {
	if credit {
		a.balance += amount
	} else {
		a.balance -= amount
	}
	billed := "Y"
	if a.fundingType == "POSTPAID" {
		billed = "N"
	}
	b := &billingTx{id: st.next("billing"), account: a, date: at, typ: typ, details: details,
		user: by, amount: amount, credit: credit, billed: billed, endBalance: a.balance, status: "COMPLETED"}
	st.billing = append(st.billing, b)
	return b
}

// alertUsers adds an ALERT for every live user of a.
func (st *state) alertUsers(c *call, a *cloudAccount, subject, content string, set func(*alert)) {
	for _, u := range st.users {
		if u.account == a && !u.deleted {
			al := &alert{id: st.next("alert"), user: u, date: c.now, subject: subject, content: content,
				status: statusActive, typ: "ALERT"}
			if set != nil {
				set(al)
			}
			st.alerts = append(st.alerts, al)
		}
	}
}
