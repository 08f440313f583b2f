package telecloudtest

import (
	"errors"
	"maps"
	"strconv"
	"strings"
	"time"
)

// Order is an order as the server keeps it, for tests.
type Order struct {
	Number        string
	AccountNumber string // the customer account it is on
	RatePlanID    string
	ProductID     string
	// Status is ACTIVE, PENDING, SUSPENDED, NON-PAY, FAILED or CANCELLED.
	Status string
	// Error is why a FAILED order failed (FailNextOrder's message, or the
	// error given to Order/Update).
	Error string
	// ActivationDate is when it became ACTIVE (zero while PENDING);
	// ExpirationDate the end of its paid cycles (a day, zero while
	// PENDING).
	ActivationDate, ExpirationDate time.Time
	// Vars are its variable values by slot (1 … 20).
	Vars map[int]string
	// Usage is the units reported per usage component id.
	Usage map[string]float64
	// StackedPlans are the ids of its stacked plans (Order/Unstack), oldest
	// first.
	StackedPlans []string
	// TransID is the trans_id of its Order/Create call.
	TransID string
	// Parent is the number of the primary order of an add-on.
	Parent string
}

// Customer is a customer account as the server keeps it, for tests.
type Customer struct {
	AccountNumber string
	CloudAccount  string // the cloud account that owns it
	FirstName     string
	LastName      string
	Email         string
	Credit        string // its account credit, "10.00"
	Status        int
	// PaymentMethods are the ids of its payment methods.
	PaymentMethods []string
	// Notations are the subjects of its notations, oldest first.
	Notations []string
}

// Transaction is a recorded call (what Transaction/Search shows), for
// tests.
type Transaction struct {
	TransID       string
	Service       string // "Order/Create"
	User          string // the API user's user name
	CloudAccount  string // the caller's cloud account
	AccountNumber string // the customer account it concerns, if any
	OrderNumber   string // the order it concerns, if any
	Status        string // SUCCESS, FAILED or PENDING
	Error         string // the error text of a FAILED one
}

// Order returns the order with that number, with its current status.
func (s *Server) Order(number string) (Order, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.advance(s.now())
	for _, o := range s.st.orders {
		if o.number == number {
			return orderOut(o), true
		}
	}
	return Order{}, false
}

// Orders returns every order, oldest first, with its current status.
func (s *Server) Orders() []Order {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.advance(s.now())
	out := make([]Order, 0, len(s.st.orders))
	for _, o := range s.st.orders {
		out = append(out, orderOut(o))
	}
	return out
}

// orderOut copies an order out of the state; s.mu is held.
func orderOut(o *order) Order {
	out := Order{Number: o.number, AccountNumber: o.customer.number, RatePlanID: o.plan.id,
		ProductID: o.plan.product.id, Status: o.status, Error: o.errText,
		ActivationDate: o.activation, ExpirationDate: o.expiration,
		Vars: maps.Clone(o.vars), Usage: map[string]float64{}}
	for _, oc := range o.components {
		out.Usage[oc.comp.id] = oc.units
	}
	for _, sp := range o.stacked {
		out.StackedPlans = append(out.StackedPlans, sp.id)
	}
	if o.createTx != nil {
		out.TransID = o.createTx.id
	}
	if o.parent != nil {
		out.Parent = o.parent.number
	}
	return out
}

// Customer returns the customer account with that number.
func (s *Server) Customer(accountNumber string) (Customer, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, cu := range s.st.customers {
		if cu.number == accountNumber {
			return s.customerOut(cu), true
		}
	}
	return Customer{}, false
}

// Customers returns every customer account, oldest first.
func (s *Server) Customers() []Customer {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Customer, 0, len(s.st.customers))
	for _, cu := range s.st.customers {
		out = append(out, s.customerOut(cu))
	}
	return out
}

// customerOut copies a customer out of the state; s.mu is held.
func (s *Server) customerOut(cu *customer) Customer {
	out := Customer{AccountNumber: cu.number, CloudAccount: cu.owner.number, FirstName: cu.first,
		LastName: cu.last, Email: cu.email, Credit: fmtMoney(cu.credit), Status: cu.status}
	for _, p := range s.st.paymentMethod {
		if p.customer == cu && !p.deleted {
			out.PaymentMethods = append(out.PaymentMethods, p.id)
		}
	}
	for _, n := range cu.notations {
		out.Notations = append(out.Notations, n.subject)
	}
	return out
}

// Balance returns a cloud account's balance, "657.00".
func (s *Server) Balance(cloudAccount string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.advance(s.now())
	a := s.st.account(cloudAccount)
	if a == nil {
		return "", false
	}
	return fmtMoney(a.balance), true
}

// MicroDebits returns the two micro debit amounts ("0.37") of a cloud
// account's payment method, as PaymentMethod/Verify expects them. ok is
// false for an unknown id and for a customer's payment method (which has
// none).
func (s *Server) MicroDebits(paymentMethodID string) (first, second string, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.st.paymentMethod {
		if p.id == paymentMethodID && p.customer == nil {
			return fmtMoney(p.micro[0]), fmtMoney(p.micro[1]), true
		}
	}
	return "", "", false
}

// Transaction returns the recorded call with that trans_id.
func (s *Server) Transaction(transID string) (Transaction, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.advance(s.now())
	for _, t := range s.st.txns {
		if t.id == transID {
			out := Transaction{TransID: t.id, Service: t.op, User: t.user, AccountNumber: t.account,
				OrderNumber: t.order, Status: t.status, Error: t.errText}
			if t.cloud != nil {
				out.CloudAccount = t.cloud.number
			}
			return out, true
		}
	}
	return Transaction{}, false
}

// SeedCustomer stores a customer account at once, without a transaction
// (so a test, or the sandbox restoring its state, can set one up), and
// returns it as stored. CloudAccount defaults to SeedVARAccount, Status to
// active (1), Credit to "0.00"; an empty AccountNumber is a new one.
// PaymentMethods and Notations are ignored. A customer with the number of a
// stored one replaces its name, email, credit and status. It panics on an
// unknown cloud account or a credit that is not an amount.
func (s *Server) SeedCustomer(c Customer) Customer {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.CloudAccount == "" {
		c.CloudAccount = SeedVARAccount
	}
	owner := s.st.account(c.CloudAccount)
	if owner == nil {
		panic("telecloudtest: SeedCustomer: no cloud account " + c.CloudAccount)
	}
	if c.Credit == "" {
		c.Credit = "0.00"
	}
	credit, ok := parseMoney(c.Credit)
	if !ok {
		panic("telecloudtest: SeedCustomer: credit " + strconv.Quote(c.Credit) + " is not an amount")
	}
	if c.Status == 0 {
		c.Status = statusActive
	}
	var cu *customer
	for _, old := range s.st.customers {
		if c.AccountNumber != "" && old.number == c.AccountNumber {
			cu = old
		}
	}
	if cu == nil {
		cu = &customer{created: s.now(), createdBy: DefaultUsername, locationType: "Residential"}
		if c.AccountNumber == "" {
			c.AccountNumber = s.st.next("customer")
		} else if n, err := strconv.Atoi(c.AccountNumber); err == nil {
			// Numbers given keep the sequence ahead of them.
			if next, ok := s.st.seq["customer"]; !ok && n >= firstIDs["customer"] || ok && n >= next {
				s.st.seq["customer"] = n + 1
			}
		}
		cu.number = c.AccountNumber
		s.st.customers = append(s.st.customers, cu)
	}
	cu.owner, cu.first, cu.last, cu.email, cu.credit, cu.status = owner, c.FirstName, c.LastName, c.Email, credit, c.Status
	return s.customerOut(cu)
}

// RatePlan is a live VAR rate plan as the server keeps it, for tests.
type RatePlan struct {
	ID           string
	CloudAccount string // the cloud account that owns it
	ProductID    string // the CORE product it sells
	Name         string
	Description  string
	// RecurringPrice, SetupPrice and AutopayDiscount are amounts, "25.00".
	RecurringPrice, SetupPrice, AutopayDiscount string
	// Status is 1 (active), 2 (locked) or 4 (replenish only).
	Status int
	// MaxUnits are the maxima the VAR set per usage component id.
	MaxUnits map[string]string
}

// RatePlans returns every live rate plan, oldest first: the built-in
// catalogue's and those made through the API.
func (s *Server) RatePlans() []RatePlan {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []RatePlan
	for _, rp := range s.st.plans {
		if rp.status != statusDeleted {
			out = append(out, ratePlanOut(rp))
		}
	}
	return out
}

func ratePlanOut(rp *ratePlan) RatePlan {
	return RatePlan{ID: rp.id, CloudAccount: rp.account.number, ProductID: rp.product.id, Name: rp.name,
		Description: rp.description, RecurringPrice: fmtMoney(rp.recurring), SetupPrice: fmtMoney(rp.setup),
		AutopayDiscount: fmtMoney(rp.autopay), Status: rp.status, MaxUnits: maps.Clone(rp.maxUnits)}
}

// SeedRatePlan stores a VAR rate plan at once, without a transaction (so a
// test, or the sandbox restoring its state, can set one up), and returns it
// as stored. CloudAccount defaults to SeedVARAccount; ProductID must name a
// live CORE product the account can sell; Status defaults to active (1);
// empty amounts are 0.00. An empty ID is a new one; the ID of a stored rate
// plan replaces it. It panics on data the API would refuse.
func (s *Server) SeedRatePlan(rp RatePlan) RatePlan {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.st
	if rp.CloudAccount == "" {
		rp.CloudAccount = SeedVARAccount
	}
	owner := st.account(rp.CloudAccount)
	if owner == nil {
		panic("telecloudtest: SeedRatePlan: no cloud account " + rp.CloudAccount)
	}
	p := st.productOf(owner, rp.ProductID)
	if p == nil {
		panic("telecloudtest: SeedRatePlan: no product " + strconv.Quote(rp.ProductID) + " for cloud account " + rp.CloudAccount)
	}
	if rp.Status == 0 {
		rp.Status = statusActive
	}
	if rp.Status != statusActive && rp.Status != statusLocked && rp.Status != statusReplenishOnly {
		panic("telecloudtest: SeedRatePlan: status " + strconv.Itoa(rp.Status))
	}
	var amounts [3]int64
	for i, a := range []string{rp.RecurringPrice, rp.SetupPrice, rp.AutopayDiscount} {
		if a == "" {
			continue
		}
		v, ok := parseMoney(a)
		if !ok {
			panic("telecloudtest: SeedRatePlan: " + strconv.Quote(a) + " is not an amount")
		}
		amounts[i] = v
	}
	for id := range rp.MaxUnits {
		if attachedTo(p, id) == nil {
			panic("telecloudtest: SeedRatePlan: usage component " + id + " is not attached to product " + p.id)
		}
	}
	var out *ratePlan
	for _, old := range st.plans {
		if rp.ID != "" && old.id == rp.ID && old.status != statusDeleted {
			out = old
		}
	}
	if out == nil {
		out = &ratePlan{}
		if rp.ID == "" {
			rp.ID = st.next("plan")
		} else if n, err := strconv.Atoi(rp.ID); err == nil {
			// Ids given keep the sequence ahead of them.
			if next, ok := st.seq["plan"]; !ok && n >= firstIDs["plan"] || ok && n >= next {
				st.seq["plan"] = n + 1
			}
		}
		out.id = rp.ID
		st.plans = append(st.plans, out)
	}
	out.account, out.product, out.name, out.description = owner, p, rp.Name, rp.Description
	out.recurring, out.setup, out.autopay, out.status = amounts[0], amounts[1], amounts[2], rp.Status
	out.maxUnits = maps.Clone(rp.MaxUnits)
	return ratePlanOut(out)
}

// SeedOrder stores an order at once, without a transaction, a charge or a
// payment (so a test, or the sandbox restoring its state, can set one up),
// and returns it as stored. AccountNumber must name a stored customer and
// RatePlanID a live rate plan of the customer's cloud account; Parent, if
// set, an order of the same customer (an add-on's primary order). Status
// defaults to ACTIVE; a PENDING order completes after the order delay. An
// ACTIVE or SUSPENDED order without dates gets today's activation and an
// expiration one cycle on. Vars must fit the product group's variables;
// Usage gives the units of the product's usage components. An empty Number
// is a new one; a number in use replaces that order. TransID and
// StackedPlans are ignored. It panics on data the API would refuse.
func (s *Server) SeedOrder(o Order) Order {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, now := s.st, s.now()
	var cu *customer
	for _, c := range st.customers {
		if c.number == o.AccountNumber {
			cu = c
		}
	}
	if cu == nil {
		panic("telecloudtest: SeedOrder: no customer account " + strconv.Quote(o.AccountNumber))
	}
	rp := st.ratePlanOf(cu.owner, o.RatePlanID)
	if rp == nil {
		panic("telecloudtest: SeedOrder: no rate plan " + strconv.Quote(o.RatePlanID) + " of cloud account " + cu.owner.number)
	}
	if o.Status == "" {
		o.Status = orderActive
	}
	switch o.Status {
	case orderActive, orderPending, orderSuspended, orderNonPay, orderFailed, orderCancelled:
	default:
		panic("telecloudtest: SeedOrder: status " + strconv.Quote(o.Status))
	}
	if err := checkVars(rp.product.group, o.Vars, false); err != nil {
		panic("telecloudtest: SeedOrder: " + err.Error())
	}
	var parent *order
	if o.Parent != "" {
		if parent = st.orderOf(cu, o.Parent); parent == nil {
			panic("telecloudtest: SeedOrder: no order " + strconv.Quote(o.Parent) + " on account " + cu.number)
		}
	}
	od := &order{customer: cu, plan: rp, parent: parent, status: o.Status, submittedBy: DefaultUsername, payer: cu.owner,
		created: now, lastUpdate: now, due: now.Add(st.delay), vars: maps.Clone(o.Vars),
		activation: o.ActivationDate, expiration: o.ExpirationDate, errText: o.Error}
	if od.vars == nil {
		od.vars = map[int]string{}
	}
	if (od.status == orderActive || od.status == orderSuspended) && od.activation.IsZero() {
		od.activation = now
	}
	if (od.status == orderActive || od.status == orderSuspended) && od.expiration.IsZero() {
		od.expiration = day(now).AddDate(0, 0, rp.product.cycle)
	}
	if od.status == orderCancelled {
		od.cancelled = now
	}
	for _, u := range rp.product.components {
		if u.status != statusDeleted {
			od.components = append(od.components, &orderComponent{comp: u, max: rp.maxUnits[u.id], units: o.Usage[u.id]})
		}
	}
	if o.Number == "" {
		o.Number = st.newOrderNumber()
	} else if n, err := strconv.Atoi(leadingDigits(o.Number)); err == nil {
		// Numbers given keep the sequence ahead of them.
		if next, ok := st.seq["order"]; !ok && n >= firstIDs["order"] || ok && n >= next {
			st.seq["order"] = n + 1
		}
	}
	od.number = o.Number
	for i, old := range st.orders {
		if old.number == od.number {
			st.orders[i] = od
			return orderOut(od)
		}
	}
	st.orders = append(st.orders, od)
	return orderOut(od)
}

// leadingDigits returns the digits s starts with.
func leadingDigits(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

// FailNextOrder makes the next order placed with Order/Create end FAILED,
// with message as its error, when it completes (at once with no order
// delay, else after it): its wholesale charge is refunded, Order/Search
// shows it FAILED with <error>, and its Order/Create transaction is FAILED
// with the message. Calls queue up: two calls fail the next two orders.
func (s *Server) FailNextOrder(message string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.failNext = append(s.st.failNext, message)
}

// CompleteOrders finishes every PENDING order now, oldest first, whatever
// the order delay.
func (s *Server) CompleteOrders() {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	for _, o := range s.st.orders {
		if o.status == orderPending {
			s.st.complete(o, now)
		}
	}
}

// AddCredentials adds an ADMIN API user to a cloud account of a running
// server (such as one made by CloudAccount/Create), with the given
// credentials, and returns its user name. Use it to call the API as a
// PARTNER or AFFILIATE, or as a second user of an account. WithCredentials
// does the same for the seed accounts when the server is made; this method
// stays because accounts made while the server runs can gain users only so.
// Reset forgets the users it added.
func (s *Server) AddCredentials(cloudAccount, apiIDKey, apiKey string) (username string, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	username, err = s.st.addAPIUser(cloudAccount, apiIDKey, apiKey)
	if err != nil {
		return "", errors.New("telecloudtest: AddCredentials: " + err.Error())
	}
	return username, nil
}

// addAPIUser adds an ADMIN API user to a cloud account.
func (st *state) addAPIUser(cloudAccount, apiIDKey, apiKey string) (username string, err error) {
	if strings.TrimSpace(apiIDKey) == "" || strings.TrimSpace(apiKey) == "" {
		return "", errors.New("empty credentials")
	}
	a := st.account(cloudAccount)
	if a == nil {
		return "", errors.New("no cloud account " + cloudAccount)
	}
	if _, taken := st.creds[apiIDKey]; taken {
		return "", errors.New("API_ID_KEY in use")
	}
	u := &user{id: st.next("user"), account: a, first: "API", last: "User", accessLevel: "ADMIN", status: statusActive}
	u.username = st.newUsername("api", "user", "")
	u.email = u.username + "@" + a.number + ".api.example"
	u.initialPassword = initialPassword(u.id)
	st.users = append(st.users, u)
	st.creds[apiIDKey] = &apiCred{key: apiKey, user: u}
	return u.username, nil
}
