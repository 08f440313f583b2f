package alianzatest

import (
	"net/http"
	"slices"
	"strings"
	"time"
)

// CallingPlanProduct is a calling plan product of the catalog: what a
// calling plan is an instance of, with its minutes per billing cycle.
type CallingPlanProduct struct {
	ID          string
	Name        string
	PlanMinutes int
}

// The calling plan products every server starts with (see
// DefaultCallingPlanProducts).
const (
	CallingPlanProduct500  = "cpp-500"
	CallingPlanProduct1000 = "cpp-1000"
	CallingPlanProduct3000 = "cpp-3000"
)

// DefaultCallingPlanProducts returns the catalog every server starts with:
// CallingPlanProduct500, CallingPlanProduct1000 and CallingPlanProduct3000,
// of 500, 1000 and 3000 minutes. SeedCallingPlanProduct adds others.
func DefaultCallingPlanProducts() []CallingPlanProduct {
	return []CallingPlanProduct{
		{ID: CallingPlanProduct500, Name: "500 Minutes", PlanMinutes: 500},
		{ID: CallingPlanProduct1000, Name: "1000 Minutes", PlanMinutes: 1000},
		{ID: CallingPlanProduct3000, Name: "3000 Minutes", PlanMinutes: 3000},
	}
}

// SeedCallingPlanProduct adds a product to the catalog, or replaces the one
// with its ID. Plans already made keep their minutes. It panics on an empty
// ID.
func (s *Server) SeedCallingPlanProduct(p CallingPlanProduct) {
	if strings.TrimSpace(p.ID) == "" {
		panic("alianzatest: SeedCallingPlanProduct: empty id")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.products[p.ID] = p
}

// planRef is what calling plans belong to: the account or one of its users.
type planRef struct{ typ, id string }

func accountRef(a *account) planRef { return planRef{"ACCOUNT", a.ID} }

// own is the reference's own list of plans: the account's are
// Account.CallingPlans, its users' are in a.plans.
func (a *account) own(r planRef) []CallingPlan {
	if r.typ == "ACCOUNT" {
		return a.CallingPlans
	}
	return a.plans[r]
}

func (a *account) setOwn(r planRef, list []CallingPlan) {
	if r.typ == "ACCOUNT" {
		a.CallingPlans = list
		return
	}
	if a.plans == nil {
		a.plans = map[planRef][]CallingPlan{}
	}
	if len(list) == 0 {
		delete(a.plans, r)
		return
	}
	a.plans[r] = list
}

// effective is the list a reference uses: the one it shares, or its own.
func (a *account) effective(r planRef) []CallingPlan {
	if t, ok := a.shares[r]; ok {
		return a.own(t)
	}
	return a.own(r)
}

// sharedBy reports whether another reference shares r's list.
func (a *account) sharedBy(r planRef) bool {
	for _, t := range a.shares {
		if t == r {
			return true
		}
	}
	return false
}

// forgetRef drops the plans of a reference that is gone, and the sharing
// of or with it.
func (a *account) forgetRef(r planRef) {
	delete(a.plans, r)
	for k, t := range a.shares {
		if k == r || t == r {
			delete(a.shares, k)
		}
	}
}

// resolveRef reads a reference of acct: none is the account; ACCOUNT
// without an id is the account too. A referenceId without a type is 400
// ReferenceTypeRequired, a type outside the enum 400 InvalidReferenceType,
// another type without an id 400 ReferenceIdRequired, and anything but the
// account or one of its users (the fake has no SIP trunks, IVRs, specialty
// lines or contact centers) 404 ReferenceNotFound.
func resolveRef(acct *account, typ, id string) (planRef, reply, bool) {
	switch {
	case typ == "" && id == "":
		return accountRef(acct), reply{}, true
	case typ == "":
		return planRef{}, fail(http.StatusBadRequest, MessageReferenceTypeRequired), false
	case !slices.Contains(planReferenceTypes, typ):
		return planRef{}, fail(http.StatusBadRequest, MessageInvalidReferenceType), false
	case typ == "ACCOUNT" && (id == "" || id == acct.ID):
		return accountRef(acct), reply{}, true
	case strings.TrimSpace(id) == "":
		return planRef{}, fail(http.StatusBadRequest, MessageReferenceIDRequired), false
	case typ == "END_USER" && accountUser(acct, id) != nil:
		return planRef{typ, id}, reply{}, true
	}
	return planRef{}, fail(http.StatusNotFound, MessageReferenceNotFound), false
}

// refHistoryType is the AccountHistoryX.referenceType of a plan reference.
func refHistoryType(r planRef) string {
	if r.typ == "END_USER" {
		return "EndUser"
	}
	return "Account"
}

// modifyCallingPlan is the ModifyCallingPlanX schema.
type modifyCallingPlan struct {
	ReferenceType          string `json:"referenceType"`
	ReferenceID            string `json:"referenceId"`
	CallingPlanProductID   string `json:"callingPlanProductId"`
	CallingPlanReferenceID string `json:"callingPlanReferenceId"`
	CallingPlanType        string `json:"callingPlanType"`
	Pending                bool   `json:"pending"`
	MinutesUsed            int    `json:"minutesUsed"`
}

// readModify reads a ModifyCallingPlanX body of a call on acct: its
// reference, its callingPlanReferenceId (or the deprecated
// callingPlanProductId) and its type (NEW_CALLING_PLAN by default).
func readModify(c *call, acct *account) (m modifyCallingPlan, ref planRef, rep reply, ok bool) {
	if rep, ok := decodeBody(c.raw, &m); !ok {
		return m, ref, rep, false
	}
	if ref, rep, ok = resolveRef(acct, m.ReferenceType, m.ReferenceID); !ok {
		return m, ref, rep, false
	}
	var errs keys
	switch {
	case m.CallingPlanReferenceID == "" && m.CallingPlanProductID == "":
		errs.add(MessageCallingPlanReferenceIDRequired)
	case m.CallingPlanReferenceID == "":
		m.CallingPlanReferenceID = m.CallingPlanProductID
	case m.CallingPlanProductID != "" && m.CallingPlanProductID != m.CallingPlanReferenceID:
		errs.add(MessageInvalidCallingPlanProductID)
	}
	if m.CallingPlanType == "" {
		m.CallingPlanType = "NEW_CALLING_PLAN"
	}
	errs.enum(m.CallingPlanType, callingPlanTypes, MessageInvalidCallingPlanType)
	if m.MinutesUsed < 0 {
		errs.add(MessageInvalidMinutesUsed)
	}
	if errs != nil {
		return m, ref, fail(http.StatusBadRequest, errs...), false
	}
	return m, ref, reply{}, true
}

// nextBillingDate is the start (midnight UTC) of the account's next billing
// cycle after now: the next billingCycleDay (the 1st without one).
func nextBillingDate(acct *account, now time.Time) time.Time {
	day := acct.BillingCycleDay
	if day < 1 || day > 28 {
		day = 1
	}
	now = now.UTC()
	d := time.Date(now.Year(), now.Month(), day, 0, 0, 0, 0, time.UTC)
	if !d.After(now) {
		d = d.AddDate(0, 1, 0)
	}
	return d
}

// CallingPlans returns copies of every calling plan of an account: its own,
// then those of its users, in the order of the users (nil for an account
// without plans or one that does not exist).
func (s *Server) CallingPlans(accountID string) []CallingPlan {
	s.mu.Lock()
	defer s.mu.Unlock()
	acct, ok := s.accounts[accountID]
	if !ok {
		return nil
	}
	out := slices.Clone(acct.CallingPlans)
	for _, u := range acct.users {
		out = append(out, acct.plans[planRef{"END_USER", u.ID}]...)
	}
	return out
}

// SetSecondsRemaining sets the seconds left in the current cycle of a
// calling plan, of any account or user, as calls would use them, and
// reports whether the plan exists.
func (s *Server) SetSecondsRemaining(planID string, seconds int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range s.accounts {
		for _, list := range append([][]CallingPlan{a.CallingPlans}, mapValues(a.plans)...) {
			for i := range list {
				if list[i].ID == planID {
					list[i].SecondsRemaining = seconds
					return true
				}
			}
		}
	}
	return false
}

func mapValues[K comparable, V any](m map[K]V) []V {
	out := make([]V, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// GET …/account/{accountId}/callingplan?referenceType=&referenceId=: the
// plans the reference uses (its own, or those of the reference whose list
// it shares); the account's without a reference.
func (s *Server) getCallingPlans(c *call) reply {
	acct, rep, ok := s.pathAccount(c)
	if !ok {
		return rep
	}
	q := c.r.URL.Query()
	ref, rep, ok := resolveRef(acct, q.Get("referenceType"), q.Get("referenceId"))
	if !ok {
		return rep
	}
	out := slices.Clone(acct.effective(ref))
	if out == nil {
		out = []CallingPlan{}
	}
	return answer(http.StatusOK, out)
}

// PUT …/account/{accountId}/callingplan (addPlan): see the package doc.
func (s *Server) addCallingPlan(c *call) reply {
	acct, rep, ok := s.pathAccount(c)
	if !ok {
		return rep
	}
	m, ref, rep, ok := readModify(c, acct)
	if !ok {
		return rep
	}
	refOnly := CallingPlan{ReferenceType: ref.typ, ReferenceID: ref.id}
	switch m.CallingPlanType {
	case "SHARED_CALLING_PLAN":
		target := accountRef(acct)
		if m.CallingPlanReferenceID != acct.ID {
			target = planRef{"END_USER", m.CallingPlanReferenceID}
		}
		_, sharing := acct.shares[target]
		switch {
		case target.typ == "END_USER" && accountUser(acct, target.id) == nil, target == ref, sharing:
			return fail(http.StatusBadRequest, MessageInvalidSharedReference)
		case acct.sharedBy(ref):
			return fail(http.StatusBadRequest, MessageCallingPlanShared)
		}
		if acct.shares == nil {
			acct.shares = map[planRef]planRef{}
		}
		acct.shares[ref] = target
		s.logHistory(c, acct, AccountHistory{AccountHistoryType: "CALLING_PLAN", Action: "UPDATE", ReferenceType: refHistoryType(ref),
			ReferenceID: ref.id, NewValue: "shared=" + target.id})
		return answer(http.StatusOK, refOnly)
	case "UNSHARED_CALLING_PLAN":
		target, sharing := acct.shares[ref]
		if !sharing {
			return fail(http.StatusBadRequest, MessageCallingPlanNotShared)
		}
		delete(acct.shares, ref)
		s.logHistory(c, acct, AccountHistory{AccountHistoryType: "CALLING_PLAN", Action: "UPDATE", ReferenceType: refHistoryType(ref),
			ReferenceID: ref.id, OldValue: "shared=" + target.id})
		return answer(http.StatusOK, refOnly)
	}
	if _, sharing := acct.shares[ref]; sharing {
		return fail(http.StatusBadRequest, MessageCallingPlanShared)
	}
	product, ok := s.products[m.CallingPlanReferenceID]
	if !ok {
		return fail(http.StatusBadRequest, MessageInvalidCallingPlanProductID)
	}
	list := acct.own(ref)
	for _, p := range list {
		if p.CallingPlanProductID == product.ID && p.EndDate.IsZero() {
			return answer(http.StatusOK, p) // PUT: adding it again changes nothing
		}
	}
	now := s.now()
	p := CallingPlan{ID: s.newID(kindCallingPlan), ReferenceID: ref.id, ReferenceType: ref.typ, CallingPlanProductID: product.ID,
		StartDate: now.UTC().Truncate(time.Second), PlanMinutes: product.PlanMinutes, SecondsRemaining: int64(product.PlanMinutes) * 60}
	if m.Pending {
		p.StartDate = nextBillingDate(acct, now)
	} else {
		p.SecondsRemaining = max(0, p.SecondsRemaining-int64(m.MinutesUsed)*60)
	}
	acct.setOwn(ref, append(slices.Clone(list), p))
	s.logHistory(c, acct, AccountHistory{AccountHistoryType: "CALLING_PLAN", Action: "CREATE", ReferenceType: refHistoryType(ref),
		ReferenceID: ref.id, ReferenceName: product.Name, NewValue: product.ID})
	return answer(http.StatusOK, p)
}

// DELETE …/account/{accountId}/callingplan (removePlan): the reference's
// plan of the product callingPlanReferenceId ends, now (it is gone) or, when
// pending, at the next billing date (its endDate); the answer is the plan.
func (s *Server) removeCallingPlan(c *call) reply {
	acct, rep, ok := s.pathAccount(c)
	if !ok {
		return rep
	}
	m, ref, rep, ok := readModify(c, acct)
	if !ok {
		return rep
	}
	if m.CallingPlanType != "NEW_CALLING_PLAN" {
		return fail(http.StatusBadRequest, MessageInvalidCallingPlanType)
	}
	if _, sharing := acct.shares[ref]; sharing {
		return fail(http.StatusBadRequest, MessageCallingPlanShared)
	}
	list := slices.Clone(acct.own(ref))
	i := slices.IndexFunc(list, func(p CallingPlan) bool { return p.CallingPlanProductID == m.CallingPlanReferenceID })
	if i < 0 {
		return fail(http.StatusNotFound, MessageCallingPlanNotFound)
	}
	p := list[i]
	if m.Pending {
		p.EndDate = nextBillingDate(acct, s.now())
		list[i] = p
	} else {
		list = slices.Delete(list, i, i+1)
	}
	acct.setOwn(ref, list)
	action := "DELETE"
	if m.Pending {
		action = "UPDATE"
	}
	s.logHistory(c, acct, AccountHistory{AccountHistoryType: "CALLING_PLAN", Action: action, ReferenceType: refHistoryType(ref),
		ReferenceID: ref.id, OldValue: p.CallingPlanProductID})
	return answer(http.StatusOK, p)
}
