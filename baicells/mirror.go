package baicells

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"sync/atomic"

	"golang.org/x/time/rate"
)

// DefaultMirrorConcurrency is how many reads and single calls Mirror has in
// flight by default.
const DefaultMirrorConcurrency = 8

// MirrorPhase names the stage of a Mirror run a progress report is about.
type MirrorPhase string

// The phases of a Mirror run.
const (
	MirrorPhaseRead  MirrorPhase = "read"  // reading subscribers, IMSI owners and plans
	MirrorPhaseApply MirrorPhase = "apply" // making the planned changes
)

// MirrorStatus is the outcome of one subscriber of a Mirror run.
type MirrorStatus string

// The outcomes of one subscriber.
const (
	MirrorUnchanged MirrorStatus = "unchanged" // already in the desired state
	MirrorChanged   MirrorStatus = "changed"   // every planned action was made
	MirrorPlanned   MirrorStatus = "planned"   // dry run: Actions would be made
	MirrorFailed    MirrorStatus = "failed"    // refused, or a call failed: see Err
)

// MirrorOptions tunes Mirror. A nil *MirrorOptions, like a zero field, means
// the default.
type MirrorOptions struct {
	// DryRun reads and plans but writes nothing; the report lists the
	// planned actions.
	DryRun bool
	// Concurrency is how many reads and single calls are in flight at once;
	// 0 means DefaultMirrorConcurrency. Bulk calls are at most this many at
	// once too.
	Concurrency int
	// Limiter, if set, is waited on before every call (read, single write or
	// bulk batch); nil means no limit.
	Limiter *rate.Limiter
	// Progress, if set, is called after each read and each action done,
	// from one goroutine at a time. In the read phase Total grows when the
	// IMSI owners and the plan list are queried after the subscribers.
	Progress func(MirrorProgress)
}

// MirrorProgress is one progress report of a Mirror run.
type MirrorProgress struct {
	Phase       MirrorPhase
	Done, Total int
}

// MirrorReport is the outcome of a Mirror run.
type MirrorReport struct {
	// Results has one entry per desired record, in input order.
	Results []MirrorResult
	// Counts is the number of actions of each kind planned (dry run) or made.
	Counts map[ActionKind]int
	// Reads and Writes are the calls sent (a bulk call of 200 records is one
	// write; retries of a call are not counted).
	Reads, Writes int
	DryRun        bool
}

// MirrorResult is the outcome of one desired record.
type MirrorResult struct {
	ID     string
	Status MirrorStatus
	// Actions are the actions made (planned, in a dry run); on failure, those
	// made before it.
	Actions []Action
	// Err is why the record failed: a *ValidationError, a refusal at
	// planning time (an *Error with the code the server would have
	// answered, e.g. CodeIMSIInUse) or the failed call's error.
	Err error
}

// Mirror brings a whole population of subscribers to the desired states of
// want. It validates every record first (a malformed record, or records
// sharing a sub_id or an IMSI, are reported failed and left alone; the others
// proceed), reads each subscriber once with bounded concurrency (BOSS has no
// list call), queries the owner of each IMSI an existing subscriber is to
// move to that no subscriber of the population holds (the read that keeps
// that subscriber online: its IMSI change starts by deactivating it), and
// the plan list only if a wanted plan is bound to none of them. A new
// subscriber's IMSI is not queried: bulk create refuses a record whose IMSI
// is taken (4302) without creating it, so the failure takes nobody offline
// and is reported for that record alone. Mirroring N new customers thus
// reads N times; a run where M existing subscribers move to IMSIs the
// population does not hold reads N + M times (at most one plan list more). It then plans every subscriber as Plan does, except that an IMSI
// held by another subscriber of want that this run frees is allowed: CPE
// swaps work. Unless opts.DryRun, it applies the plans with the fewest calls,
// in this order across subscribers: bulk deactivations; single calls for
// profile, plan, unbind and delete changes and for creations without an
// IMSI; bulk creations grouped by plan (which bind the IMSI) and single IMSI
// binds, once the IMSIs are free; bulk activations. A bulk call that fails
// is retried as single calls, so that each record gets its own outcome.
//
// Per-record failures are in the report, not the error. The error is
// non-nil for invalid arguments (then the report is nil) or when ctx ended
// (then the report says how far the run went). Run again with the same want,
// Mirror makes no write.
func (s *SubscribersService) Mirror(ctx context.Context, want []SubscriberReconcileRequest, opts *MirrorOptions) (*MirrorReport, error) {
	const op = "Subscribers.Mirror"
	if err := checkCtx(ctx, op); err != nil {
		return nil, err
	}
	var o MirrorOptions
	if opts != nil {
		o = *opts
	}
	if o.Concurrency == 0 {
		o.Concurrency = DefaultMirrorConcurrency
	}
	if o.Concurrency < 0 {
		return nil, invalid(op, "MirrorOptions.Concurrency", "%d; must be positive", o.Concurrency)
	}
	m := &mirror{s: s, op: op, o: o, items: make([]*mirrorItem, len(want))}
	m.validate(want)
	m.read(ctx)
	m.check(ctx)
	if !o.DryRun {
		m.apply(ctx)
	}
	rep := m.report()
	if err := ctx.Err(); err != nil {
		return rep, &Error{Op: op, Err: err}
	}
	return rep, nil
}

type mirror struct {
	s     *SubscribersService
	op    string
	o     MirrorOptions
	items []*mirrorItem

	reads, writes atomic.Int64

	progMu      sync.Mutex
	phase       MirrorPhase
	done, total int
}

// mirrorItem is one desired record through the run.
type mirrorItem struct {
	d    SubscriberReconcileRequest
	plan *SubscriberPlan // nil until read
	// holder is the subscriber of the population whose IMSI this one binds;
	// its unbind or delete must be done first.
	holder *mirrorItem
	// released is set, between the stages, once the item's unbind or
	// delete is done; stage 3 reads it while the item itself may be
	// binding its new IMSI.
	released bool
	done     []Action
	err      error
}

func (it *mirrorItem) actions() []Action {
	if it.plan == nil {
		return nil
	}
	return it.plan.Actions
}

func (it *mirrorItem) has(kind ActionKind) bool {
	for _, a := range it.actions() {
		if a.Kind == kind {
			return true
		}
	}
	return false
}

// freed reports whether the item's unbind or delete has been made.
func (it *mirrorItem) freed() bool {
	for _, a := range it.done {
		if a.Kind == ActionUnbindIMSI || a.Kind == ActionDelete {
			return true
		}
	}
	return false
}

func (m *mirror) progress(phase MirrorPhase, done, total int) {
	if m.o.Progress == nil {
		return
	}
	m.progMu.Lock()
	defer m.progMu.Unlock()
	if phase != m.phase {
		m.phase, m.done, m.total = phase, 0, 0
	}
	m.done += done
	m.total += total
	m.o.Progress(MirrorProgress{Phase: m.phase, Done: m.done, Total: m.total})
}

// wait waits for the limiter before a call.
func (m *mirror) wait(ctx context.Context) error {
	if m.o.Limiter == nil {
		return nil
	}
	if err := m.o.Limiter.Wait(ctx); err != nil {
		return &Error{Op: m.op, Err: err}
	}
	return nil
}

// validate checks every record and fails those sharing a sub_id or an IMSI.
func (m *mirror) validate(want []SubscriberReconcileRequest) {
	byID := make(map[string][]int, len(want))
	byIMSI := make(map[string][]int, len(want))
	for i, d := range want {
		it := &mirrorItem{d: d}
		m.items[i] = it
		if err := checkDesired(m.op, d); err != nil {
			if ve, ok := err.(*ValidationError); ok {
				ve.Field = "want[" + strconv.Itoa(i) + "]." + ve.Field
			}
			it.err = err
			continue
		}
		byID[d.Profile.ID] = append(byID[d.Profile.ID], i)
		if !d.Delete && d.IMSI != "" {
			byIMSI[d.IMSI] = append(byIMSI[d.IMSI], i)
		}
	}
	dup := func(groups map[string][]int, field, what string) {
		for _, idx := range groups {
			if len(idx) < 2 {
				continue
			}
			for _, i := range idx {
				if m.items[i].err == nil {
					m.items[i].err = invalid(m.op, "want["+strconv.Itoa(i)+"]."+field, "%s is wanted by %d records", what, len(idx))
				}
			}
		}
	}
	dup(byID, "Profile.ID", "the sub_id")
	dup(byIMSI, "IMSI", "the IMSI")
}

// read reads every valid subscriber once and plans it.
func (m *mirror) read(ctx context.Context) {
	var todo []*mirrorItem
	for _, it := range m.items {
		if it.err == nil {
			todo = append(todo, it)
		}
	}
	m.progress(MirrorPhaseRead, 0, len(todo))
	runBatches(ctx, len(todo), m.o.Concurrency, func(ctx context.Context, k int) {
		it := todo[k]
		defer m.progress(MirrorPhaseRead, 1, 0)
		if err := m.wait(ctx); err != nil {
			it.err = err
			return
		}
		m.reads.Add(1)
		cur, err := m.s.Get(ctx, it.d.Profile.ID)
		switch {
		case errIsNotFound(err):
			cur = nil
		case err != nil:
			it.err = &stepError{op: m.op, step: "read " + it.d.Profile.ID, err: err}
			return
		}
		it.plan = planSubscriber(it.d, cur)
	})
}

// check verifies the plans' preconditions: the wanted plans exist, and each
// wanted IMSI is free or freed by this run.
func (m *mirror) check(ctx context.Context) {
	owner := make(map[string]*mirrorItem)
	known := make(map[string]bool)
	for _, it := range m.items {
		if it.err == nil && it.plan != nil && it.plan.Current != nil {
			if imsi := it.plan.Current.IMSI; imsi != "" {
				owner[imsi] = it
			}
			if p := it.plan.Current.PlanID; p != "" {
				known[p] = true
			}
		}
	}

	var needPlan []*mirrorItem
	var needQuery []*mirrorItem
	for _, it := range m.items {
		if it.err != nil || it.plan == nil {
			continue
		}
		if p := it.plan.newPlanID(); p != "" {
			if known[p] {
				it.plan.Checks = append(it.plan.Checks, "plan "+strconv.Quote(p)+" bound to a subscriber read")
			} else {
				needPlan = append(needPlan, it)
			}
		}
		if imsi := it.plan.newIMSI(); imsi != "" {
			switch h := owner[imsi]; {
			case h != nil && h != it:
				it.holder = h
			case it.plan.Current == nil:
				// A create: bulk create checks the IMSI per record and
				// creates nothing when it is taken.
				it.plan.Checks = append(it.plan.Checks, "IMSI "+shortIMSI(imsi)+" held by no subscriber read; bulk create checks it for this record alone")
			default:
				needQuery = append(needQuery, it)
			}
		}
	}
	m.progress(MirrorPhaseRead, 0, len(needQuery))
	if len(needPlan) > 0 {
		m.progress(MirrorPhaseRead, 0, 1)
		m.checkPlans(ctx, needPlan)
		m.progress(MirrorPhaseRead, 1, 0)
	}
	runBatches(ctx, len(needQuery), m.o.Concurrency, func(ctx context.Context, k int) {
		it := needQuery[k]
		defer m.progress(MirrorPhaseRead, 1, 0)
		if it.err != nil {
			return
		}
		if err := m.wait(ctx); err != nil {
			it.err = err
			return
		}
		m.reads.Add(1)
		imsi := it.plan.newIMSI()
		q, err := m.s.QueryByIMSI(ctx, imsi)
		switch {
		case err != nil:
			it.err = &stepError{op: m.op, step: "read IMSI owner for " + it.d.Profile.ID, err: err}
		case !q.Available:
			it.err = imsiRefusal(m.op, imsi, q.Subscriber)
		default:
			it.plan.Checks = append(it.plan.Checks, "IMSI "+shortIMSI(imsi)+" free")
		}
	})

	// An IMSI held in the population is fine if its holder's plan frees it;
	// a holder that fails (perhaps for its own holder) fails its successor.
	for changed := true; changed; {
		changed = false
		for _, it := range m.items {
			h := it.holder
			if it.err != nil || h == nil {
				continue
			}
			if h.err != nil || !h.plan.frees() {
				imsi := it.plan.newIMSI()
				it.err = refusal(m.op, CodeIMSIInUse, "IMSI "+shortIMSI(imsi)+" is bound to subscriber "+strconv.Quote(h.d.Profile.ID)+", which this run does not free")
				changed = true
			}
		}
	}
	for _, it := range m.items {
		if it.err == nil && it.holder != nil {
			it.plan.Checks = append(it.plan.Checks, "IMSI "+shortIMSI(it.plan.newIMSI())+" freed first by subscriber "+strconv.Quote(it.holder.d.Profile.ID))
		}
	}
}

func (m *mirror) checkPlans(ctx context.Context, need []*mirrorItem) {
	fail := func(err error) {
		for _, it := range need {
			it.err = err
		}
	}
	if err := m.wait(ctx); err != nil {
		fail(err)
		return
	}
	m.reads.Add(1)
	plans, err := m.s.c.Plans.List(ctx)
	if err != nil {
		fail(&stepError{op: m.op, step: "read plans", err: err})
		return
	}
	exists := make(map[string]bool, len(plans))
	for _, p := range plans {
		exists[p.ID] = true
	}
	for _, it := range need {
		p := it.plan.newPlanID()
		if !exists[p] {
			it.err = refusal(m.op, CodePlanNotFound, "service plan "+strconv.Quote(p)+" does not exist")
			continue
		}
		it.plan.Checks = append(it.plan.Checks, "plan "+strconv.Quote(p)+" exists")
	}
}

// stage says when, across subscribers, an action runs: 1 bulk deactivate,
// 2 single calls that free or prepare, 3 creations and IMSI binds, 4 bulk
// activate.
func (it *mirrorItem) stage(a Action) int {
	switch a.Kind {
	case ActionDeactivate:
		return 1
	case ActionActivate:
		return 4
	case ActionBindIMSI:
		return 3
	case ActionCreate, ActionBindPlan:
		if it.bulkCreate() {
			return 3
		}
	}
	return 2
}

// bulkCreate reports whether the item is created by BulkCreate, which binds
// the plan and the IMSI in the same call.
func (it *mirrorItem) bulkCreate() bool {
	return it.has(ActionCreate) && it.has(ActionBindIMSI)
}

func (m *mirror) apply(ctx context.Context) {
	total := 0
	for _, it := range m.items {
		if it.err == nil {
			total += len(it.actions())
		}
	}
	m.progress(MirrorPhaseApply, 0, total)

	m.bulkStatus(ctx, ActionDeactivate)
	m.singles(ctx, 2)
	for _, it := range m.items {
		it.released = it.freed()
	}
	m.bulkCreates(ctx)
	m.singles(ctx, 3)
	m.bulkStatus(ctx, ActionActivate)
	m.restore(ctx)
}

// restore gives back service to every subscriber that failed after this
// run deactivated it, as Apply does (SubscribersService.restore). It runs
// one subscriber at a time: failures are rare, and a restore must not race
// another subscriber's restore for the same IMSI.
func (m *mirror) restore(ctx context.Context) {
	for _, it := range m.items {
		if it.err == nil || it.plan == nil || len(it.done) == 0 {
			continue
		}
		before, cause := len(it.done), it.err
		it.done, it.err = m.s.restore(ctx, m.op, it.plan, it.done, it.err)
		calls := len(it.done) - before
		if it.err != cause {
			calls++ // the restoring call that failed
		}
		m.writes.Add(int64(calls))
	}
}

// pending returns the item's next actions of the stage.
func (it *mirrorItem) pending(stage int) []Action {
	var out []Action
	for _, a := range it.actions() {
		if it.stage(a) == stage && !it.isDone(a) {
			out = append(out, a)
		}
	}
	return out
}

func (it *mirrorItem) isDone(a Action) bool {
	for _, d := range it.done {
		if d.Kind == a.Kind {
			return true
		}
	}
	return false
}

// succeed records actions made; fail records the failure and counts the
// item's remaining actions as done for progress.
func (m *mirror) succeed(it *mirrorItem, as ...Action) {
	it.done = append(it.done, as...)
	m.progress(MirrorPhaseApply, len(as), 0)
}

func (m *mirror) fail(it *mirrorItem, a Action, err error) {
	it.err = &stepError{op: m.op, step: string(a.Kind) + " " + a.ID, err: err}
	m.progress(MirrorPhaseApply, len(it.actions())-len(it.done), 0)
}

// single makes one action's call.
func (m *mirror) single(ctx context.Context, it *mirrorItem, a Action) bool {
	if err := m.wait(ctx); err != nil {
		m.fail(it, a, err)
		return false
	}
	m.writes.Add(1)
	if err := m.s.do(ctx, it.d, a); err != nil {
		m.fail(it, a, err)
		return false
	}
	m.succeed(it, a)
	return true
}

// singles runs every item's single calls of the stage, each item's in order.
func (m *mirror) singles(ctx context.Context, stage int) {
	var todo []*mirrorItem
	for _, it := range m.items {
		if it.err == nil && len(it.pending(stage)) > 0 && !(stage == 3 && it.bulkCreate()) {
			todo = append(todo, it)
		}
	}
	runBatches(ctx, len(todo), m.o.Concurrency, func(ctx context.Context, k int) {
		it := todo[k]
		for _, a := range it.pending(stage) {
			if a.Kind == ActionBindIMSI && !m.holderFreed(it, a) {
				return
			}
			if !m.single(ctx, it, a) {
				return
			}
		}
	})
}

// holderFreed fails the item if the subscriber holding its IMSI did not
// release it (BOSS changed since the reads, or the holder's call failed).
func (m *mirror) holderFreed(it *mirrorItem, a Action) bool {
	if it.holder == nil || it.holder.released {
		return true
	}
	m.fail(it, a, refusal(m.op, CodeIMSIInUse, "IMSI "+shortIMSI(it.d.IMSI)+" was not freed by subscriber "+strconv.Quote(it.holder.d.Profile.ID)))
	return false
}

// bulkStatus deactivates (stage 1) or activates (stage 4) in bulk calls of
// at most MaxBatch; the records of a failed call are tried one by one.
func (m *mirror) bulkStatus(ctx context.Context, kind ActionKind) {
	stage := 1
	if kind == ActionActivate {
		stage = 4
	}
	var todo []*mirrorItem
	for _, it := range m.items {
		if it.err == nil && len(it.pending(stage)) > 0 {
			todo = append(todo, it)
		}
	}
	chunks := split(len(todo), MaxBatch)
	runBatches(ctx, len(chunks), m.o.Concurrency, func(ctx context.Context, b int) {
		items := todo[chunks[b][0]:chunks[b][1]]
		ids := make([]string, len(items))
		for i, it := range items {
			ids[i] = it.d.Profile.ID
		}
		var err error
		if err = m.wait(ctx); err == nil {
			m.writes.Add(1)
			if kind == ActionActivate {
				_, err = m.s.BulkActivate(ctx, ids, &BulkOptions{Concurrency: 1})
			} else {
				_, err = m.s.BulkDeactivate(ctx, ids, &BulkOptions{Concurrency: 1})
			}
		}
		if err == nil {
			for _, it := range items {
				m.succeed(it, it.pending(stage)...)
			}
			return
		}
		for _, it := range items {
			for _, a := range it.pending(stage) {
				if ctx.Err() != nil {
					m.fail(it, a, err)
					break
				}
				if !m.single(ctx, it, a) {
					break
				}
			}
		}
	})
}

// bulkCreates creates the new subscribers that get an IMSI, grouped by plan,
// in calls of at most MaxBatch.
func (m *mirror) bulkCreates(ctx context.Context) {
	groups := make(map[string][]*mirrorItem)
	var order []string
	for _, it := range m.items {
		if it.err != nil || !it.bulkCreate() || len(it.pending(3)) == 0 {
			continue
		}
		if !m.holderFreed(it, Action{Kind: ActionCreate, ID: it.d.Profile.ID}) {
			continue
		}
		p := ""
		if it.has(ActionBindPlan) {
			p = it.d.PlanID
		}
		if _, ok := groups[p]; !ok {
			order = append(order, p)
		}
		groups[p] = append(groups[p], it)
	}
	type call struct {
		plan  string
		items []*mirrorItem
	}
	var calls []call
	for _, p := range order {
		g := groups[p]
		for _, c := range split(len(g), MaxBatch) {
			calls = append(calls, call{p, g[c[0]:c[1]]})
		}
	}
	runBatches(ctx, len(calls), m.o.Concurrency, func(ctx context.Context, b int) {
		c := calls[b]
		subs := make([]SubscriberCreateRequest, len(c.items))
		for i, it := range c.items {
			subs[i] = SubscriberCreateRequest{Profile: it.d.Profile, IMSI: it.d.IMSI}
		}
		create := func(it *mirrorItem) Action { return Action{Kind: ActionCreate, ID: it.d.Profile.ID} }
		if err := m.wait(ctx); err != nil {
			for _, it := range c.items {
				m.fail(it, create(it), err)
			}
			return
		}
		m.writes.Add(1)
		res, err := m.s.BulkCreate(ctx, subs, &BulkOptions{PlanID: c.plan, Concurrency: 1})
		if res == nil {
			for _, it := range c.items {
				m.fail(it, create(it), err)
			}
			return
		}
		failed := make(map[string]BulkFailure, len(res.Failed))
		for _, f := range res.Failed {
			failed[f.SubID] = f
		}
		for _, it := range c.items {
			if f, bad := failed[it.d.Profile.ID]; bad {
				m.fail(it, create(it), bulkFailureErr(f))
				continue
			}
			m.succeed(it, it.pending(3)...)
		}
	})
}

// bulkFailureErr is the error of a record a bulk call did not process.
func bulkFailureErr(f BulkFailure) error {
	if f.Err != nil {
		return f.Err
	}
	return &Error{Op: routeBulkCreate.op, Code: f.Code, Message: f.Message}
}

func (m *mirror) report() *MirrorReport {
	rep := &MirrorReport{
		Results: make([]MirrorResult, len(m.items)),
		Counts:  make(map[ActionKind]int),
		Reads:   int(m.reads.Load()),
		Writes:  int(m.writes.Load()),
		DryRun:  m.o.DryRun,
	}
	for i, it := range m.items {
		r := MirrorResult{ID: it.d.Profile.ID, Actions: it.done, Err: it.err}
		switch {
		case it.err != nil:
			r.Status = MirrorFailed
		case m.o.DryRun && len(it.actions()) > 0:
			r.Status, r.Actions = MirrorPlanned, it.actions()
		case len(it.done) > 0:
			r.Status = MirrorChanged
		default:
			r.Status = MirrorUnchanged
		}
		for _, a := range r.Actions {
			rep.Counts[a.Kind]++
		}
		rep.Results[i] = r
	}
	return rep
}

func errIsNotFound(err error) bool { return errors.Is(err, ErrSubscriberNotFound) }
