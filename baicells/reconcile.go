package baicells

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
)

// ActionKind names one BOSS call made by Reconcile or Ensure.
type ActionKind string

const (
	ActionCreate     ActionKind = "create"      // customers/create
	ActionModify     ActionKind = "modify"      // customers/modify
	ActionBindPlan   ActionKind = "bind-plan"   // customers/bindservice
	ActionChangePlan ActionKind = "change-plan" // customers/update
	ActionBindIMSI   ActionKind = "bind-imsi"   // customers/bindimsi
	ActionUnbindIMSI ActionKind = "unbind-imsi" // customers/unbindimsi
	ActionActivate   ActionKind = "activate"    // customers/activate
	ActionDeactivate ActionKind = "deactivate"  // customers/deactivate
	ActionDelete     ActionKind = "delete"      // customers/delete
	ActionCreatePlan ActionKind = "create-plan" // products/create
	ActionModifyPlan ActionKind = "modify-plan" // products/modify
)

// Action is one call Reconcile or Ensure made.
type Action struct {
	Kind ActionKind
	// ID is the sub_id or service_plan_id acted on.
	ID string
	// Detail says what changed, e.g. "IMSI 3119…0007"; IMSIs are abbreviated.
	Detail string
}

func (a Action) String() string {
	if a.Detail == "" {
		return string(a.Kind) + " " + a.ID
	}
	return string(a.Kind) + " " + a.ID + ": " + a.Detail
}

// SubscriberReconcileRequest is the state a billing system wants one subscriber in.
type SubscriberReconcileRequest struct {
	// Profile.ID is required. Other empty fields are not managed: BOSS cannot
	// clear a field, so an empty field never causes a change.
	Profile Profile
	// PlanID is the plan to bind; "" means no Baicells service, which BOSS
	// expresses as deactivated (it has no call to unbind a plan).
	PlanID string
	// IMSI is the SIM to bind; "" means none.
	IMSI string
	// Active asks for activation; it is honoured only when a plan and an IMSI
	// are wanted too (Powercode: "status and service both Active").
	Active bool
	// Delete removes the subscriber entirely; the other fields are ignored.
	Delete bool
}

// Reconcile reads the subscriber from BOSS and makes the fewest valid calls to
// reach the desired state, following the Powercode action table: create, then
// modify the profile, deactivate before any IMSI change (code 4303) or when
// service ends, bind or change the plan, unbind the old IMSI and bind the new
// one, and activate last, only when plan and IMSI are bound (codes 4003/4004).
// It returns the calls made, in order; run again with the same state it makes
// none. On error the actions already made are returned with it.
//
// Reconcile is Plan followed by Apply: a change that cannot succeed (the new
// IMSI held by another subscriber, a plan that does not exist) is refused
// before anything is written, so a customer is never taken offline for it.
func (s *SubscribersService) Reconcile(ctx context.Context, d SubscriberReconcileRequest) ([]Action, error) {
	const op = "Subscribers.Reconcile"
	p, err := s.plan(ctx, op, d)
	if err != nil {
		return nil, err
	}
	return s.apply(ctx, op, p)
}

// SubscriberPlan is what Plan found and what Apply will do: the calls to
// make, in order, and the preconditions Plan checked by reading.
type SubscriberPlan struct {
	// Request is the state asked for.
	Request SubscriberReconcileRequest
	// Current is the subscriber as read, nil when it does not exist.
	Current *Subscriber
	// Actions are the calls Apply makes, in execution order; empty when the
	// subscriber is already in the desired state.
	Actions []Action
	// Checks are the preconditions verified by reading, in words, e.g.
	// "IMSI 3119… free". They never hold a secret or a whole IMSI.
	Checks []string
}

// Plan reads the subscriber (and, when a change needs them, the owner of the
// wanted IMSI and the plan list) and returns the calls that reach the desired
// state, without writing anything. A change that cannot succeed is refused
// here with the error the server would have answered: an *Error whose Code is
// CodeIMSIInUse (ErrIMSIInUse) when the new IMSI belongs to another
// subscriber, CodePlanNotFound (ErrPlanNotFound) when the plan does not exist;
// invalid input is a *ValidationError.
func (s *SubscribersService) Plan(ctx context.Context, d SubscriberReconcileRequest) (*SubscriberPlan, error) {
	return s.plan(ctx, "Subscribers.Plan", d)
}

// Apply makes the calls of a plan in order and returns those that succeeded.
// It stops at the first failure and returns the actions made with the error.
// Everything Plan could check was checked when the plan was made; a call that
// fails now means BOSS changed in between. When the subscriber was active
// when planned and the plan had already deactivated it (an IMSI change), Apply
// then restores its service: it binds back the IMSI it unbound and activates
// it again, and reports those calls as actions with a "restore" detail; the
// error is still returned. A nil plan is a *ValidationError and nothing is
// sent.
func (s *SubscribersService) Apply(ctx context.Context, p *SubscriberPlan) ([]Action, error) {
	const op = "Subscribers.Apply"
	if err := checkCtx(ctx, op); err != nil {
		return nil, err
	}
	if p == nil {
		return nil, invalid(op, "plan", "is nil")
	}
	if err := checkDesired(op, p.Request); err != nil {
		return nil, err
	}
	return s.apply(ctx, op, p)
}

func checkDesired(op string, d SubscriberReconcileRequest) error {
	if err := checkID(op, "Profile.ID", d.Profile.ID); err != nil {
		return err
	}
	if d.Delete {
		return nil
	}
	if err := checkProfile(op, "Profile.", d.Profile); err != nil {
		return err
	}
	if d.PlanID != "" {
		if err := checkID(op, "PlanID", d.PlanID); err != nil {
			return err
		}
	}
	if d.IMSI != "" {
		if err := checkIMSI(op, "IMSI", d.IMSI); err != nil {
			return err
		}
	}
	return nil
}

func (s *SubscribersService) plan(ctx context.Context, op string, d SubscriberReconcileRequest) (*SubscriberPlan, error) {
	if err := checkCtx(ctx, op); err != nil {
		return nil, err
	}
	if err := checkDesired(op, d); err != nil {
		return nil, err
	}
	cur, err := s.Get(ctx, d.Profile.ID)
	switch {
	case errors.Is(err, ErrSubscriberNotFound):
		cur = nil
	case err != nil:
		return nil, err
	}
	p := planSubscriber(d, cur)
	if planID := p.newPlanID(); planID != "" {
		plans, err := s.c.Plans.List(ctx)
		if err != nil {
			return nil, err
		}
		if !slices.ContainsFunc(plans, func(pl Plan) bool { return pl.ID == planID }) {
			return nil, refusal(op, CodePlanNotFound, "service plan "+strconv.Quote(planID)+" does not exist")
		}
		p.Checks = append(p.Checks, "plan "+strconv.Quote(planID)+" exists")
	}
	if imsi := p.newIMSI(); imsi != "" {
		q, err := s.QueryByIMSI(ctx, imsi)
		if err != nil {
			return nil, err
		}
		if !q.Available {
			return nil, imsiRefusal(op, imsi, q.Subscriber)
		}
		p.Checks = append(p.Checks, "IMSI "+shortIMSI(imsi)+" free")
	}
	return p, nil
}

// refusal is a change refused at planning time: the *Error the server would
// have answered, with no HTTP status and no session_id, as nothing was sent.
func refusal(op string, code ResultCode, why string) error {
	return &Error{Op: op, Code: code, Message: why + "; refused before any change"}
}

func imsiRefusal(op, imsi string, holder *Subscriber) error {
	why := "IMSI " + shortIMSI(imsi) + " is bound to another subscriber"
	if holder != nil && holder.ID != "" {
		why = "IMSI " + shortIMSI(imsi) + " is bound to subscriber " + strconv.Quote(holder.ID)
	}
	return refusal(op, CodeIMSIInUse, why)
}

// shortIMSI abbreviates an IMSI for texts, keeping enough to tell two
// apart: "3119…0007".
func shortIMSI(imsi string) string {
	if len(imsi) <= 8 {
		return imsi
	}
	return imsi[:4] + "…" + imsi[len(imsi)-4:]
}

// newPlanID is the plan a bind-plan or change-plan action binds, "" if none.
func (p *SubscriberPlan) newPlanID() string {
	for _, a := range p.Actions {
		if a.Kind == ActionBindPlan || a.Kind == ActionChangePlan {
			return p.Request.PlanID
		}
	}
	return ""
}

// newIMSI is the IMSI a bind-imsi action binds, "" if none.
func (p *SubscriberPlan) newIMSI() string {
	for _, a := range p.Actions {
		if a.Kind == ActionBindIMSI {
			return p.Request.IMSI
		}
	}
	return ""
}

// frees reports whether the plan releases the subscriber's current IMSI.
func (p *SubscriberPlan) frees() bool {
	for _, a := range p.Actions {
		if a.Kind == ActionUnbindIMSI || a.Kind == ActionDelete {
			return true
		}
	}
	return false
}

// planSubscriber computes the calls from the current state (nil: absent) to
// d, in the order of the Powercode action table. It does no I/O.
func planSubscriber(d SubscriberReconcileRequest, cur *Subscriber) *SubscriberPlan {
	id := d.Profile.ID
	p := &SubscriberPlan{Request: d, Current: cur}
	add := func(kind ActionKind, detail string) {
		p.Actions = append(p.Actions, Action{Kind: kind, ID: id, Detail: detail})
	}
	if cur == nil {
		if d.Delete {
			p.Checks = append(p.Checks, "subscriber "+strconv.Quote(id)+" absent")
			return p
		}
		add(ActionCreate, "")
		cur = &Subscriber{Profile: d.Profile, Status: StatusInactive}
	}
	active := cur.Active()
	deactivate := func(why string) {
		if active {
			active = false
			add(ActionDeactivate, why)
		}
	}
	if d.Delete {
		deactivate("before delete")
		add(ActionDelete, "")
		return p
	}
	if diff := profileDiff(cur.Profile, d.Profile); diff != "" {
		add(ActionModify, diff)
	}
	imsiChange := cur.IMSI != d.IMSI
	wantActive := d.Active && d.PlanID != "" && d.IMSI != ""
	switch {
	case d.PlanID == "" && active:
		deactivate("no service")
	case imsiChange && cur.IMSI != "":
		deactivate("before IMSI change")
	case !wantActive:
		deactivate("")
	}
	switch {
	case d.PlanID == "" || d.PlanID == cur.PlanID:
	case cur.PlanID == "":
		add(ActionBindPlan, d.PlanID)
	default:
		add(ActionChangePlan, cur.PlanID+" → "+d.PlanID)
	}
	if imsiChange {
		if cur.IMSI != "" {
			add(ActionUnbindIMSI, "IMSI "+shortIMSI(cur.IMSI))
		}
		if d.IMSI != "" {
			add(ActionBindIMSI, "IMSI "+shortIMSI(d.IMSI))
		}
	}
	if wantActive && !active {
		add(ActionActivate, "")
	}
	return p
}

// apply makes the plan's calls in order, stopping at the first failure, and
// then restores the service the plan's own deactivation took away.
func (s *SubscribersService) apply(ctx context.Context, op string, p *SubscriberPlan) ([]Action, error) {
	var done []Action
	for _, a := range p.Actions {
		if err := s.do(ctx, p.Request, a); err != nil {
			return s.restore(ctx, op, p, done, &stepError{op: op, step: string(a.Kind) + " " + a.ID, err: err})
		}
		done = append(done, a)
	}
	return done, nil
}

// restore runs after a step of p failed with cause, done being the steps
// made. When the subscriber was active when planned and the plan itself
// deactivated it (an IMSI change starts so, code 4303), it binds back the
// IMSI the plan unbound if no new one was bound, and activates the
// subscriber again: a change that became impossible after planning (the new
// IMSI taken meanwhile) leaves the customer as it was, online. The restoring
// calls are appended to done with a "restore" detail; cause is returned,
// joined with the restoring call's error if one failed.
func (s *SubscribersService) restore(ctx context.Context, op string, p *SubscriberPlan, done []Action, cause error) ([]Action, error) {
	cur := p.Current
	if cur == nil || !cur.Active() {
		return done, cause
	}
	var deactivated, unbound, bound bool
	for _, a := range done {
		switch a.Kind {
		case ActionDeactivate:
			deactivated = true
		case ActionUnbindIMSI:
			unbound = true
		case ActionBindIMSI:
			bound = true
		case ActionDelete:
			return done, cause
		}
	}
	if !deactivated {
		return done, cause
	}
	// The restoring calls use the caller's context: a caller who ended it
	// asked for no more calls (and every call returns by its deadline), so
	// a cancelled Apply leaves the customer as the steps made left it, and
	// says so in the error.
	rctx := ctx
	id := p.Request.Profile.ID
	if unbound && !bound && cur.IMSI != "" {
		if err := s.BindIMSI(rctx, id, cur.IMSI); err != nil {
			return done, errors.Join(cause, &stepError{op: op, step: "restore: bind-imsi " + id, err: err})
		}
		done = append(done, Action{Kind: ActionBindIMSI, ID: id, Detail: "restore IMSI " + shortIMSI(cur.IMSI)})
	}
	if err := s.Activate(rctx, id); err != nil {
		return done, errors.Join(cause, &stepError{op: op, step: "restore: activate " + id, err: err})
	}
	done = append(done, Action{Kind: ActionActivate, ID: id, Detail: "restore service"})
	return done, cause
}

// do makes the single call of one action of d's plan.
func (s *SubscribersService) do(ctx context.Context, d SubscriberReconcileRequest, a Action) error {
	id := d.Profile.ID
	if a.ID != id {
		return invalid("Subscribers.Apply", "Actions", "action for %q in the plan of %q", a.ID, id)
	}
	switch a.Kind {
	case ActionCreate:
		return s.Create(ctx, d.Profile)
	case ActionModify:
		return s.Modify(ctx, d.Profile)
	case ActionDeactivate:
		return s.Deactivate(ctx, id)
	case ActionActivate:
		return s.Activate(ctx, id)
	case ActionDelete:
		return s.Delete(ctx, id)
	case ActionBindPlan:
		return s.BindPlan(ctx, id, d.PlanID)
	case ActionChangePlan:
		return s.ChangePlan(ctx, id, d.PlanID)
	case ActionUnbindIMSI:
		return s.UnbindIMSI(ctx, id)
	case ActionBindIMSI:
		return s.BindIMSI(ctx, id, d.IMSI)
	}
	return invalid("Subscribers.Apply", "Actions", "%q is not a subscriber action", a.Kind)
}

func profileDiff(cur, want Profile) string {
	var diff string
	add := func(name, c, w string) {
		if w != "" && w != c {
			if diff != "" {
				diff += ", "
			}
			diff += name
		}
	}
	add("name", cur.Name, want.Name)
	add("id number", cur.IDNumber, want.IDNumber)
	add("phone", cur.Phone, want.Phone)
	add("email", cur.Email, want.Email)
	add("address", cur.Address, want.Address)
	return diff
}

// stepError is the failure of one call made by Reconcile or Ensure: its text
// is "baicells: <op>: <step>: <the call's error without its own prefix>",
// and it unwraps to the call's error (a *Error or *ValidationError).
type stepError struct {
	op, step string
	err      error
}

func (e *stepError) Error() string {
	s := "baicells: " + e.op + ": "
	if e.step != "" {
		s += e.step + ": "
	}
	return s + strings.TrimPrefix(e.err.Error(), "baicells: ")
}

func (e *stepError) Unwrap() error { return e.err }
