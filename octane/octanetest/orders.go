package octanetest

import (
	"slices"
	"strconv"
	"time"
)

// order is a stored order: what it will do and where it is in its life.
// Its Status is PENDING, COMMITTED or FAILED; IN_PROG is worked out from
// the time when it is read.
type order struct {
	Order
	start, due time.Time // placed (or reset) at start, completes at due
	failWith   *string   // FailNextOrder's message, taken at placement or reset

	// What the order does.
	newPool       Pool   // ADD_WME_NEW: the pool to create (no number, line or id yet)
	poolSN        string // ADD_WME_NEW: the created pool's service number, once COMMITTED
	serviceNumber string // opt-in, opt-out, transfer, limit: the consumer
	providerID    string // opt-in and transfer: the target; disconnect: the pool
	sourceID      string // transfer: the pool it leaves
	limit         int64  // limit: the new data limit in bytes
}

// place stores a new order, PENDING, and marks what it reserves. s.mu must
// be held.
func (s *Server) place(o *order) *order {
	o.ID = strconv.Itoa(s.nextOrder)
	s.nextOrder++
	o.Created = s.now()
	s.orders[o.ID] = o
	s.begin(o)
	return o
}

// begin (re)starts an order: PENDING from now, due after the order delay,
// failing if FailNextOrder asked for it. s.mu must be held.
func (s *Server) begin(o *order) {
	o.Status, o.Message = OrderPending, ""
	o.start = s.now()
	o.due = o.start.Add(s.delay)
	o.failWith = nil
	if len(s.failNext) > 0 {
		msg := s.failNext[0]
		s.failNext = s.failNext[1:]
		o.failWith = &msg
	}
	s.mark(o)
}

// mark reserves what a pending order will change: the consumer it moves,
// the pool it disconnects. s.mu must be held.
func (s *Server) mark(o *order) {
	switch o.Action {
	case ActionOptIn, ActionOptOut, ActionTransfer:
		if svc, ok := s.services[o.serviceNumber]; ok && svc.pending == "" {
			svc.pending = o.ID
		}
	case ActionDisconnect:
		if p, ok := s.pools[o.providerID]; ok && p.Status == StatusOptedIn {
			p.Status = StatusOptOutPending
		}
	}
}

// unmark releases what mark reserved; after a failure the pool being
// disconnected is OPTED-IN again. s.mu must be held.
func (s *Server) unmark(o *order, failed bool) {
	if svc, ok := s.services[o.serviceNumber]; ok && svc.pending == o.ID {
		svc.pending = ""
	}
	if o.Action == ActionDisconnect && failed {
		if p, ok := s.pools[o.providerID]; ok && p.Status == StatusOptOutPending {
			p.Status = StatusOptedIn
		}
	}
}

// advance completes every order whose time has come. Every request and
// every state read calls it first. s.mu must be held.
func (s *Server) advance() {
	now := s.now()
	s.finishDue(func(o *order) bool { return !now.Before(o.due) })
}

// finishDue completes the pending orders for which due is true, in the
// order they are due (then placed). s.mu must be held.
func (s *Server) finishDue(due func(*order) bool) {
	var ready []*order
	for _, o := range s.orders {
		if o.Status == OrderPending && due(o) {
			ready = append(ready, o)
		}
	}
	slices.SortFunc(ready, func(a, b *order) int {
		if c := a.due.Compare(b.due); c != 0 {
			return c
		}
		return compareIDs(a.ID, b.ID)
	})
	for _, o := range ready {
		s.finish(o)
	}
}

// finish completes one order: FAILED if FailNextOrder marked it or its
// effect no longer applies, else COMMITTED with its effect applied. s.mu
// must be held.
func (s *Server) finish(o *order) {
	var err *apiError
	if o.failWith != nil {
		err = &apiError{msg: *o.failWith}
	} else {
		err = s.apply(o)
	}
	if err != nil {
		o.Status, o.Message = OrderFailed, err.msg
	} else {
		o.Status = s.doneStatus
	}
	s.unmark(o, err != nil)
}

// apply carries out a completed order, checking again that it still can.
// s.mu must be held.
func (s *Server) apply(o *order) *apiError {
	switch o.Action {
	case ActionNewDataPool:
		p := o.newPool
		p.ProviderID = s.newMemberID()
		p.ServiceNumber = s.newServiceNumber()
		p.LineSeqNo = s.takeLine(p.CustNo, "", p.ServiceNumber)
		p.Status = StatusOptedIn
		s.addPool(&p)
		o.poolSN = p.ServiceNumber
	case ActionOptIn:
		svc, err := s.consumer(o.serviceNumber)
		if err != nil {
			return err
		}
		if svc.PoolProviderID != "" {
			return fail(CodeConflict, "Service "+svc.ServiceNumber+" is already in data pool "+svc.PoolProviderID)
		}
		if _, err := s.activePool(o.providerID); err != nil {
			return err
		}
		svc.PoolProviderID = o.providerID
	case ActionOptOut:
		svc, err := s.consumer(o.serviceNumber)
		if err != nil {
			return err
		}
		if svc.PoolProviderID == "" {
			return notInPool(svc.ServiceNumber)
		}
		svc.PoolProviderID, svc.DataLimit = "", 0
	case ActionTransfer:
		svc, err := s.consumer(o.serviceNumber)
		if err != nil {
			return err
		}
		if svc.PoolProviderID != o.sourceID {
			return fail(CodeConflict, "Service "+svc.ServiceNumber+" is not in data pool "+o.sourceID)
		}
		if _, err := s.activePool(o.providerID); err != nil {
			return fail(CodeTargetNotFound, "Target data pool not found")
		}
		svc.PoolProviderID = o.providerID
	case ActionDataLimit:
		svc, err := s.consumer(o.serviceNumber)
		if err != nil {
			return err
		}
		if svc.PoolProviderID == "" {
			return notInPool(svc.ServiceNumber)
		}
		svc.DataLimit = o.limit
	case ActionDisconnect:
		p, ok := s.pools[o.providerID]
		if !ok {
			return fail(CodeNotFound, "Data pool not found")
		}
		if n := s.consumerCount(p.ProviderID); n > 0 {
			return poolNotEmpty(n)
		}
		p.Status = StatusOptedOut
	}
	return nil
}

// orderSnapshot copies o with its status as of now. s.mu must be held.
func (s *Server) orderSnapshot(o *order) Order {
	out := o.Order
	out.Status = s.status(o)
	return out
}

// status is o's status as of now: a pending order past half its delay is
// IN_PROG. s.mu must be held.
func (s *Server) status(o *order) string {
	if o.Status == OrderPending && o.due.After(o.start) && !s.now().Before(o.start.Add(o.due.Sub(o.start)/2)) {
		return OrderInProgress
	}
	return o.Status
}

// ---- checks shared by the operations ----

// consumer returns a consumer-capable service by number. s.mu must be held.
func (s *Server) consumer(number string) (*service, *apiError) {
	svc, ok := s.services[number]
	if !ok {
		return nil, serviceNotFound(number)
	}
	return svc, nil
}

// activePool returns an OPTED-IN pool by provider id. s.mu must be held.
func (s *Server) activePool(providerID string) (*Pool, *apiError) {
	p, ok := s.pools[providerID]
	if !ok {
		return nil, fail(CodeNotFound, "Data pool "+providerID+" not found")
	}
	if p.Status != StatusOptedIn {
		return nil, fail(CodeConflict, "Data pool "+providerID+" is "+p.Status)
	}
	return p, nil
}

// poolAt returns the pool that is the service lineSeqNo of custNo. s.mu
// must be held.
func (s *Server) poolAt(custNo, lineSeqNo string) (*Pool, bool) {
	id, ok := s.poolBySN[s.lines[lineKey{custNo, lineSeqNo}]]
	if !ok {
		return nil, false
	}
	return s.pools[id], true
}

// consumerCount counts a pool's members and the consumers on their way in
// (a pending opt-in or transfer into it). s.mu must be held.
func (s *Server) consumerCount(providerID string) int {
	n := 0
	for _, svc := range s.services {
		if svc.PoolProviderID == providerID || s.incoming(svc) == providerID {
			n++
		}
	}
	return n
}

// incoming returns the pool a service is on its way into, "" if none. s.mu
// must be held.
func (s *Server) incoming(svc *service) string {
	if svc.pending == "" {
		return ""
	}
	o := s.orders[svc.pending]
	if o.Action == ActionOptIn || o.Action == ActionTransfer {
		return o.providerID
	}
	return ""
}

// checkMovable refuses a service that already has an order moving it. s.mu
// must be held.
func checkMovable(svc *service) *apiError {
	if svc.pending != "" {
		return fail(CodeConflict, "Service "+svc.ServiceNumber+" has pending order "+svc.pending)
	}
	return nil
}

func serviceNotFound(number string) *apiError {
	return fail(CodeNotFound, "Service "+number+" not found")
}

func notInPool(number string) *apiError {
	return fail(CodeConflict, "Service "+number+" is not in a data pool")
}

func poolNotEmpty(n int) *apiError {
	return fail(CodePoolNotEmpty, "Data pool has "+strconv.Itoa(n)+" consumers; remove them first")
}
