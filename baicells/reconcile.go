package baicells

import (
	"context"
	"errors"
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
	// Detail says what changed, e.g. "IMSI 3111… → 3112…".
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
func (s *SubscribersService) Reconcile(ctx context.Context, d SubscriberReconcileRequest) ([]Action, error) {
	const op = "Subscribers.Reconcile"
	id := d.Profile.ID
	if err := checkCtx(ctx, op); err != nil {
		return nil, err
	}
	if err := checkID(op, "Profile.ID", id); err != nil {
		return nil, err
	}
	if !d.Delete {
		if err := checkProfile(op, "Profile.", d.Profile); err != nil {
			return nil, err
		}
		if d.PlanID != "" {
			if err := checkID(op, "PlanID", d.PlanID); err != nil {
				return nil, err
			}
		}
		if d.IMSI != "" {
			if err := checkIMSI(op, "IMSI", d.IMSI); err != nil {
				return nil, err
			}
		}
	}

	var actions []Action
	do := func(kind ActionKind, detail string, call func() error) error {
		if err := call(); err != nil {
			return &stepError{op: op, step: string(kind) + " " + id, err: err}
		}
		actions = append(actions, Action{Kind: kind, ID: id, Detail: detail})
		return nil
	}

	cur, err := s.Get(ctx, id)
	switch {
	case errors.Is(err, ErrSubscriberNotFound):
		if d.Delete {
			return nil, nil
		}
		if err := do(ActionCreate, "", func() error { return s.Create(ctx, d.Profile) }); err != nil {
			return actions, err
		}
		cur, err = &Subscriber{Profile: d.Profile, Status: StatusInactive}, nil
	case err != nil:
		return nil, err
	}

	active := cur.Active()
	deactivate := func(why string) error {
		if !active {
			return nil
		}
		active = false
		return do(ActionDeactivate, why, func() error { return s.Deactivate(ctx, id) })
	}

	if d.Delete {
		if err := deactivate("before delete"); err != nil {
			return actions, err
		}
		return actions, do(ActionDelete, "", func() error { return s.Delete(ctx, id) })
	}

	if diff := profileDiff(cur.Profile, d.Profile); diff != "" {
		if err := do(ActionModify, diff, func() error { return s.Modify(ctx, d.Profile) }); err != nil {
			return actions, err
		}
	}

	imsiChange := cur.IMSI != d.IMSI
	wantActive := d.Active && d.PlanID != "" && d.IMSI != ""
	switch {
	case d.PlanID == "" && active:
		err = deactivate("no service")
	case imsiChange && cur.IMSI != "":
		err = deactivate("before IMSI change")
	case !wantActive:
		err = deactivate("")
	}
	if err != nil {
		return actions, err
	}

	switch {
	case d.PlanID == "" || d.PlanID == cur.PlanID:
	case cur.PlanID == "":
		err = do(ActionBindPlan, d.PlanID, func() error { return s.BindPlan(ctx, id, d.PlanID) })
	default:
		err = do(ActionChangePlan, cur.PlanID+" → "+d.PlanID, func() error { return s.ChangePlan(ctx, id, d.PlanID) })
	}
	if err != nil {
		return actions, err
	}

	if imsiChange {
		if cur.IMSI != "" {
			if err := do(ActionUnbindIMSI, cur.IMSI, func() error { return s.UnbindIMSI(ctx, id) }); err != nil {
				return actions, err
			}
		}
		if d.IMSI != "" {
			if err := do(ActionBindIMSI, d.IMSI, func() error { return s.BindIMSI(ctx, id, d.IMSI) }); err != nil {
				return actions, err
			}
		}
	}

	if wantActive && !active {
		if err := do(ActionActivate, "", func() error { return s.Activate(ctx, id) }); err != nil {
			return actions, err
		}
	}
	return actions, nil
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
