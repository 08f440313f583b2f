package octane

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// ActionKind names one change Plan schedules and Apply makes.
type ActionKind string

const (
	ActionAddConsumers    ActionKind = "add-consumers"    // orderCreateBulk WME_OPT_IN_CONSUMER (step 4)
	ActionSetDataLimit    ActionKind = "set-data-limit"   // POST /v1/datapool/modify-consumer-data-limit (step 7)
	ActionRemoveConsumers ActionKind = "remove-consumers" // orderCreateBulk WME_OPT_OUT_CONSUMER (step 8)
	ActionDisconnect      ActionKind = "disconnect"       // POST /v1/datapool/disconnect (step 9)
)

// Action is one change of a pool: one consumer added, limited or removed, or
// the pool disconnected. Apply sends the actions of one kind together, in
// one call.
type Action struct {
	Kind ActionKind
	// ID is the consumer's service number, or for ActionDisconnect the pool's
	// identity (see MirrorResult.ID).
	ID string
	// Detail says what changes, e.g. "limit 5 GB → 10 GB".
	Detail string
}

func (a Action) String() string {
	if a.Detail == "" {
		return string(a.Kind) + " " + a.ID
	}
	return string(a.Kind) + " " + a.ID + ": " + a.Detail
}

// PoolReconcileRequest is the state a billing system wants one pool in.
type PoolReconcileRequest struct {
	// Pool names the pool: CustNo and LineSeqNo are required; ProviderID,
	// when given, must be the pool's (it is read from the pool otherwise).
	Pool Pool
	// Consumers are every service wanted in the pool; the others are
	// removed.
	Consumers []DesiredConsumer
	// Disconnect removes every consumer, then disconnects the pool;
	// Consumers must be empty.
	Disconnect bool
}

// DesiredConsumer is a service wanted in a pool.
type DesiredConsumer struct {
	ServiceNumber string
	// DataLimit is the consumer's wanted data limit; zero: no limit wanted.
	// A limit once set cannot be removed (the flow's rule), so zero for a
	// consumer that has one is refused by Plan (ErrLimitRequired).
	DataLimit Size
}

// PoolPlan is what Plan found and what Apply will do.
type PoolPlan struct {
	Request PoolReconcileRequest
	// Actions are the changes, in the order Apply makes them: the missing
	// consumers added, the limits set, the extra consumers removed, the pool
	// disconnected. Empty when the pool is as wanted.
	Actions []Action
	// Checks are the preconditions Plan verified by reading the pool.
	Checks []string

	// pool is Request.Pool with the provider id read; lines are the line
	// sequence numbers of the consumers already in the pool; limits the
	// limits to set, as planned (a later change to Request is not sent).
	pool   Pool
	lines  map[string]string
	limits map[string]Size
	made   bool
}

// poolID is a pool's identity in reports: its service number when known,
// otherwise custNo/lineSeqNo.
func poolID(p Pool) string {
	if p.ServiceNumber != "" {
		return p.ServiceNumber
	}
	return p.CustNo + "/" + p.LineSeqNo
}

// Plan reads the pool once (its consumers and their limits) and works out
// the actions that bring it to the state r wants, without changing
// anything. It refuses, with a *ValidationError and before any write, a
// change the flow forbids or the input cannot express:
//
//   - a consumer that has a data limit, wanted without one: a limit can be
//     changed, never removed (errors.Is ErrLimitRequired);
//   - Disconnect with Consumers, a duplicate or malformed service number, a
//     negative limit (errors.Is ErrInvalidInput);
//
// and, with an *Error, a pool that is not there (ErrUnknownPool), whose
// provider id differs from r.Pool.ProviderID, that is disconnected (or being
// disconnected) while consumers are wanted, or that a wanted consumer is
// still leaving (an opt-out order is pending: run again once it is done).
func (s *PoolsService) Plan(ctx context.Context, r PoolReconcileRequest) (*PoolPlan, error) {
	const op = "Pools.Plan"
	if err := s.checkRequest(op, r); err != nil {
		return nil, err
	}
	dp, err := s.c.DataPools.Get(ctx, r.Pool.Ref())
	if err != nil {
		return nil, err
	}
	return s.plan(op, r, dp)
}

// checkRequest is Plan's input validation: nothing is read yet.
func (s *PoolsService) checkRequest(op string, r PoolReconcileRequest) error {
	if err := r.Pool.Ref().validate(op, "Pool"); err != nil {
		return err
	}
	if r.Pool.ProviderID != "" {
		if err := checkID(op, "Pool.ProviderID", r.Pool.ProviderID); err != nil {
			return err
		}
	}
	if r.Disconnect && len(r.Consumers) > 0 {
		return invalid(op, "Consumers", "holds %d consumer(s) with Disconnect: a pool must be empty to be disconnected", len(r.Consumers))
	}
	seen := make(map[string]int, len(r.Consumers))
	for i, c := range r.Consumers {
		field := fmt.Sprintf("Consumers[%d]", i)
		if err := checkID(op, field+".ServiceNumber", c.ServiceNumber); err != nil {
			return err
		}
		if j, dup := seen[c.ServiceNumber]; dup {
			return invalid(op, field+".ServiceNumber", "repeats Consumers[%d]", j)
		}
		seen[c.ServiceNumber] = i
		if c.DataLimit < 0 {
			return invalid(op, field+".DataLimit", "is negative (%d bytes); zero means no limit", int64(c.DataLimit))
		}
	}
	return nil
}

// plan compares the pool read with the request.
func (s *PoolsService) plan(op string, r PoolReconcileRequest, dp *DataPool) (*PoolPlan, error) {
	r.Consumers = append([]DesiredConsumer(nil), r.Consumers...) // the plan's own copy
	p := &PoolPlan{Request: r, pool: r.Pool, lines: map[string]string{}, limits: map[string]Size{}, made: true}
	sc := s.c.t.Scrub // the read is the server's words
	if r.Pool.ProviderID != "" && dp.ProviderID != r.Pool.ProviderID {
		return nil, &Error{Op: op, Message: fmt.Sprintf("the pool's provider id is %s, not %s", sc(dp.ProviderID), r.Pool.ProviderID), Err: ErrUnknownPool}
	}
	p.pool.ProviderID = dp.ProviderID
	if p.pool.ServiceNumber == "" {
		p.pool.ServiceNumber = dp.ServiceNumber
	}
	id := poolID(r.Pool)
	p.Checks = append(p.Checks, fmt.Sprintf("pool %s exists: provider id %s, status %s", id, sc(dp.ProviderID), sc(string(dp.Status))))

	current := make(map[string]Consumer, len(dp.Consumers))
	var leaving []string
	for _, c := range dp.Consumers {
		switch {
		case !c.Active():
		case c.Status == PoolOptedOutPending:
			leaving = append(leaving, c.ServiceNumber)
		default:
			current[c.ServiceNumber] = c
			p.lines[c.ServiceNumber] = c.LineSeqNo
		}
	}
	closed := dp.Status == PoolOptedOut || dp.Status == PoolOptedOutPending
	if closed && len(r.Consumers) > 0 {
		return nil, &Error{Op: op, Message: fmt.Sprintf("pool %s is %s: no consumer can be added or kept", id, sc(string(dp.Status))), Err: ErrUnknownPool}
	}
	if len(r.Consumers) > 0 {
		p.Checks = append(p.Checks, fmt.Sprintf("pool %s accepts consumers (not opted out)", id))
	}

	var add, limit []Action
	wanted := make(map[string]bool, len(r.Consumers))
	isLeaving := make(map[string]bool, len(leaving))
	for _, n := range leaving {
		isLeaving[n] = true
	}
	for i, want := range r.Consumers {
		wanted[want.ServiceNumber] = true
		p.limits[want.ServiceNumber] = want.DataLimit
		if isLeaving[want.ServiceNumber] {
			return nil, &Error{Op: op, Message: fmt.Sprintf("consumer %s is leaving pool %s (OPTED-OUT PENDING); run again once its order is done", want.ServiceNumber, id)}
		}
		have, in := current[want.ServiceNumber]
		if !in {
			add = append(add, Action{Kind: ActionAddConsumers, ID: want.ServiceNumber})
			if want.DataLimit > 0 {
				limit = append(limit, Action{Kind: ActionSetDataLimit, ID: want.ServiceNumber, Detail: "limit " + want.DataLimit.String()})
			}
			continue
		}
		limited := hasLimit(have)
		switch {
		case want.DataLimit == 0 && limited:
			return nil, &ValidationError{Op: op, Field: fmt.Sprintf("Consumers[%d].DataLimit", i),
				Reason: fmt.Sprintf("is zero, but consumer %s has a data limit of %s: a limit can be raised or lowered but never removed; give a positive size", want.ServiceNumber, limitText(have, sc)),
				Err:    ErrLimitRequired}
		case want.DataLimit == 0:
		case !limited:
			limit = append(limit, Action{Kind: ActionSetDataLimit, ID: want.ServiceNumber, Detail: "limit " + want.DataLimit.String()})
		case have.DataLimit != want.DataLimit:
			limit = append(limit, Action{Kind: ActionSetDataLimit, ID: want.ServiceNumber, Detail: "limit " + limitText(have, sc) + " → " + want.DataLimit.String()})
		}
	}
	var remove []Action
	extra := make([]string, 0)
	for n := range current {
		if !wanted[n] {
			extra = append(extra, n)
		}
	}
	sort.Strings(extra)
	for _, n := range extra {
		remove = append(remove, Action{Kind: ActionRemoveConsumers, ID: n})
	}
	p.Checks = append(p.Checks, fmt.Sprintf("%d consumer(s) in pool %s, %d wanted: %d to add, %d to remove, %d limit(s) to set", len(current), id, len(r.Consumers), len(add), len(remove), len(limit)))
	p.Actions = append(append(append(p.Actions, add...), limit...), remove...)
	if r.Disconnect {
		switch {
		case dp.Status == PoolOptedOut && len(current) == 0:
			p.Checks = append(p.Checks, fmt.Sprintf("pool %s is already disconnected (OPTED-OUT)", id))
		case dp.Status == PoolOptedOutPending:
			p.Checks = append(p.Checks, fmt.Sprintf("pool %s is already being disconnected (OPTED-OUT PENDING)", id))
		default:
			if len(leaving) > 0 {
				return nil, &Error{Op: op, Message: fmt.Sprintf("%d consumer(s) still leaving pool %s (OPTED-OUT PENDING): %s; run again once their orders are done", len(leaving), id, sc(strings.Join(leaving, ", "))), Err: ErrPoolNotEmpty}
			}
			p.Checks = append(p.Checks, fmt.Sprintf("pool %s will be empty before it is disconnected", id))
			p.Actions = append(p.Actions, Action{Kind: ActionDisconnect, ID: id})
		}
	}
	return p, nil
}

// hasLimit reports a consumer with a data limit: a positive one, or a text
// that does not read as a size (kept as a limit, since a limit cannot be
// removed). "0 B" or "0" is no limit.
func hasLimit(c Consumer) bool {
	if c.DataLimit > 0 {
		return true
	}
	if c.DataLimitText == "" {
		return false
	}
	_, err := ParseSize(c.DataLimitText)
	return err != nil
}

func limitText(c Consumer, sc func(string) string) string {
	if c.DataLimit > 0 {
		return c.DataLimit.String()
	}
	return fmt.Sprintf("%q", sc(c.DataLimitText))
}

// Apply makes the plan's actions in order, those of one kind in one call
// (AddConsumers, SetDataLimits, RemoveConsumers, then Disconnect, which reads
// the pool again to check that it is empty), waiting for their orders as the
// other Pools calls do. It returns the actions that took effect and stops at
// the first failure: its error is the call's (an *OrdersError when some of a
// call's orders failed; the actions returned say which succeeded). A plan
// must come from Plan; one with no actions sends nothing.
func (s *PoolsService) Apply(ctx context.Context, p *PoolPlan) ([]Action, error) {
	done, _, err := s.apply(ctx, p, nil)
	return done, err
}

// apply is Apply, calling wait (when not nil) before each write call, and
// counting them.
func (s *PoolsService) apply(ctx context.Context, p *PoolPlan, wait func(context.Context) error) (done []Action, writes int, err error) {
	const op = "Pools.Apply"
	if p == nil || !p.made {
		return nil, 0, invalid(op, "plan", "was not made by Plan")
	}
	acts := p.Actions
	for len(acts) > 0 {
		kind := acts[0].Kind
		n := 1
		for n < len(acts) && acts[n].Kind == kind {
			n++
		}
		batch := acts[:n]
		acts = acts[n:]
		if wait != nil {
			if err := wait(ctx); err != nil {
				return done, writes, err
			}
		}
		writes++
		ok, err := s.applyBatch(ctx, p, kind, batch)
		done = append(done, ok...)
		if err != nil {
			return done, writes, err
		}
	}
	return done, writes, nil
}

// applyBatch makes the actions of one kind and returns those that took effect.
func (s *PoolsService) applyBatch(ctx context.Context, p *PoolPlan, kind ActionKind, batch []Action) ([]Action, error) {
	ids := make([]string, len(batch))
	for i, a := range batch {
		ids[i] = a.ID
	}
	succeeded := func(res []OrderResult, err error) ([]Action, error) {
		var ok []Action
		for i, r := range res {
			if r.Err == nil && i < len(batch) {
				ok = append(ok, batch[i])
			}
		}
		return ok, err
	}
	switch kind {
	case ActionAddConsumers:
		return succeeded(s.AddConsumers(ctx, p.pool, ids...))
	case ActionRemoveConsumers:
		return succeeded(s.RemoveConsumers(ctx, p.pool, ids...))
	case ActionSetDataLimit:
		limits := make([]ConsumerLimit, len(batch))
		for i, a := range batch {
			line := p.lines[a.ID]
			if line == "" {
				// A consumer added by this plan: its line sequence number
				// was not in the pool read.
				d, err := s.c.Services.Detail(ctx, p.pool.CustNo, a.ID)
				if err != nil {
					return nil, err
				}
				line = d.LineSeqNo
			}
			limits[i] = ConsumerLimit{CustNo: p.pool.CustNo, LineSeqNo: line, Limit: p.limits[a.ID]}
		}
		res, err := s.c.DataPools.SetDataLimits(ctx, limits...)
		if err != nil {
			return nil, err
		}
		for i := range res {
			res[i].ServiceNumber = batch[i].ID
		}
		return succeeded(s.waitAll(ctx, "Pools.Apply", res))
	case ActionDisconnect:
		if _, err := s.Disconnect(ctx, p.pool); err != nil {
			return nil, err
		}
		return batch, nil
	}
	return nil, invalid("Pools.Apply", "plan", "has an action of unknown kind %q", kind)
}

// Reconcile is Plan then Apply: it brings one pool to the state r wants and
// returns the actions made. A pool already so is read once and nothing is
// written.
func (s *PoolsService) Reconcile(ctx context.Context, r PoolReconcileRequest) ([]Action, error) {
	p, err := s.Plan(ctx, r)
	if err != nil {
		return nil, err
	}
	return s.Apply(ctx, p)
}
