package octane

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
)

// PoolsService is the mobile data pool flow with its business rules. Each call
// places its orders and returns once they have finished (polling as
// WithPollInterval says, bounded by ctx), with every order id for audit:
//
//   - Create returns only when the pool's service number, line sequence number
//     and provider id are all known;
//   - SetDataLimit refuses a zero or negative limit locally: a limit can be
//     raised or lowered, never removed (ErrLimitRequired);
//   - Disconnect refuses a pool that still has consumers, checked first
//     (ErrPoolNotEmpty);
//   - Transfer checks that the target pool exists first (ErrUnknownPool).
//
// The raw steps are on Orders, Services and DataPools.
type PoolsService struct{ c *Client }

// Pool is everything the flow needs to know about a data pool.
type Pool struct {
	CustNo string
	// ServiceNumber is the pool's own service number (the creation order's msn).
	ServiceNumber string
	// LineSeqNo is the pool service's line sequence number: with CustNo, the
	// key of the REST calls.
	LineSeqNo string
	// ProviderID is the id consumers are added and transferred to.
	ProviderID string
	// Name is the pool's name, when this client created it.
	Name string
	// OrderID is the creation order, when this client created it.
	OrderID string
}

// Ref is the pool's REST key.
func (p Pool) Ref() PoolRef { return PoolRef{CustNo: p.CustNo, LineSeqNo: p.LineSeqNo} }

func (p Pool) validate(op, field string) error {
	if err := p.Ref().validate(op, field); err != nil {
		return err
	}
	return checkID(op, field+".ProviderID", p.ProviderID)
}

// Create runs steps 1 to 3: it orders the pool, waits for the order, finds
// the pool's service number (orderQuery), its line sequence number
// (getServiceDetail) and its provider id (the REST pool details), and returns
// the complete Pool. If a later step fails, the Pool returned with the error
// holds what is known (at least OrderID), so that the caller can record the
// order and resume with Lookup.
func (s *PoolsService) Create(ctx context.Context, o PoolCreateRequest) (*Pool, error) {
	id, err := s.c.Orders.CreateDataPool(ctx, o)
	if err != nil {
		return nil, err
	}
	p := &Pool{CustNo: o.CustNo, Name: o.PoolName, OrderID: id}
	order, err := s.c.Orders.Wait(ctx, id, nil)
	if err != nil {
		return p, err
	}
	if order.PoolServiceNumber == "" {
		return p, &Error{Layer: SOAP, Op: "Pools.Create", OrderID: id, Err: fmt.Errorf("%w: the finished order carries no pool service number (msn)", ErrBadResponse)}
	}
	p.ServiceNumber = order.PoolServiceNumber
	found, err := s.Lookup(ctx, o.CustNo, p.ServiceNumber)
	if found != nil {
		p.LineSeqNo, p.ProviderID = found.LineSeqNo, found.ProviderID
	}
	if err != nil {
		s.c.setOrderID(err, id)
		return p, err
	}
	return p, nil
}

// Lookup finds an existing pool by its service number: its line sequence
// number (getServiceDetail) and provider id (the REST pool details).
func (s *PoolsService) Lookup(ctx context.Context, custNo, poolServiceNumber string) (*Pool, error) {
	d, err := s.c.Services.Detail(ctx, custNo, poolServiceNumber)
	if err != nil {
		return nil, err
	}
	p := &Pool{CustNo: custNo, ServiceNumber: poolServiceNumber, LineSeqNo: d.LineSeqNo}
	dp, err := s.c.DataPools.Get(ctx, p.Ref())
	if err != nil {
		return p, err
	}
	p.ProviderID = dp.ProviderID
	return p, nil
}

// Get reads the pool's details: status, cap, usage, and its consumers with
// their limits and usage (step 6).
func (s *PoolsService) Get(ctx context.Context, p Pool) (*DataPool, error) {
	return s.c.DataPools.Get(ctx, p.Ref())
}

// AddConsumers adds services to the pool (step 4) and waits for their orders.
// Each service must be on a data pool consumer plan. The results come in the
// order of serviceNumbers, each with its order id and final status; the
// error, when not nil, is an *OrdersError listing the failures (errors.Is and
// errors.As work through it), and the results still say which succeeded.
func (s *PoolsService) AddConsumers(ctx context.Context, p Pool, serviceNumbers ...string) ([]OrderResult, error) {
	if err := p.validate("Pools.AddConsumers", "pool"); err != nil {
		return nil, err
	}
	res, err := s.c.Orders.AddConsumers(ctx, p.CustNo, p.ProviderID, serviceNumbers...)
	if err != nil {
		return nil, err
	}
	return s.waitAll(ctx, "Pools.AddConsumers", res)
}

// RemoveConsumers takes services out of the pool (step 8) and waits for their
// orders. A plan change to a non-pooling plan may be wanted afterwards.
func (s *PoolsService) RemoveConsumers(ctx context.Context, p Pool, serviceNumbers ...string) ([]OrderResult, error) {
	if err := p.validate("Pools.RemoveConsumers", "pool"); err != nil {
		return nil, err
	}
	res, err := s.c.Orders.RemoveConsumers(ctx, p.CustNo, serviceNumbers...)
	if err != nil {
		return nil, err
	}
	return s.waitAll(ctx, "Pools.RemoveConsumers", res)
}

// Transfer moves services from one pool to another (step 5) and waits for the
// orders. The target must exist, checked first: a target that the REST API
// does not know, whose provider id differs, or that is opted out, gives
// ErrUnknownPool and nothing is sent.
func (s *PoolsService) Transfer(ctx context.Context, from, to Pool, serviceNumbers ...string) ([]OrderResult, error) {
	const op = "Pools.Transfer"
	if err := from.validate(op, "from"); err != nil {
		return nil, err
	}
	if err := to.validate(op, "to"); err != nil {
		return nil, err
	}
	if err := checkServiceNumbers(op, serviceNumbers); err != nil {
		return nil, err
	}
	target, err := s.c.DataPools.Get(ctx, to.Ref())
	switch {
	case errors.Is(err, ErrUnknownPool):
		return nil, &Error{Op: op, Message: "the target pool does not exist", Err: err}
	case err != nil:
		return nil, err
	case target.ProviderID != to.ProviderID:
		// The pool read is the server's words: scrubbed, with the client's
		// scrubber (the read sent no secret but the credentials).
		return nil, &Error{Op: op, Message: fmt.Sprintf("the target pool's provider id is %s, not %s", s.c.t.Scrub(target.ProviderID), to.ProviderID), Err: ErrUnknownPool}
	case target.Status == PoolOptedOut || target.Status == PoolOptedOutPending:
		return nil, &Error{Op: op, Message: "the target pool is " + string(target.Status), Err: ErrUnknownPool}
	}
	res, err := s.c.DataPools.Transfer(ctx, TransferRequest{
		From: from.Ref(), ToProviderID: to.ProviderID, ToLineSeqNo: to.LineSeqNo, ServiceNumbers: serviceNumbers,
	})
	if err != nil {
		return nil, err
	}
	return s.waitAll(ctx, op, res)
}

// SetDataLimit sets a consumer's data limit (step 7) and waits for the order.
// A limit can be raised or lowered but never removed: a zero or negative
// limit is refused before anything is sent (ErrLimitRequired). The consumer's
// line sequence number is looked up by service number (getServiceDetail).
func (s *PoolsService) SetDataLimit(ctx context.Context, p Pool, serviceNumber string, limit Size) (OrderResult, error) {
	const op = "Pools.SetDataLimit"
	res := OrderResult{ServiceNumber: serviceNumber}
	if err := checkLimit(op, "limit", limit); err != nil {
		return res, err
	}
	if err := checkID(op, "pool.CustNo", p.CustNo); err != nil {
		return res, err
	}
	if err := checkID(op, "serviceNumber", serviceNumber); err != nil {
		return res, err
	}
	d, err := s.c.Services.Detail(ctx, p.CustNo, serviceNumber)
	if err != nil {
		return res, err
	}
	out, err := s.c.DataPools.SetDataLimits(ctx, ConsumerLimit{CustNo: p.CustNo, LineSeqNo: d.LineSeqNo, Limit: limit})
	if err != nil {
		return res, err
	}
	out[0].ServiceNumber = serviceNumber
	done, _ := s.waitAll(ctx, op, out)
	return done[0], done[0].Err
}

// Disconnect disconnects an empty pool (step 9) and waits for the order. It
// reads the pool first and refuses one that still has consumers
// (ErrPoolNotEmpty, naming them), so nothing is sent.
func (s *PoolsService) Disconnect(ctx context.Context, p Pool) (orderID string, err error) {
	const op = "Pools.Disconnect"
	if err := p.Ref().validate(op, "pool"); err != nil {
		return "", err
	}
	dp, err := s.c.DataPools.Get(ctx, p.Ref())
	if err != nil {
		return "", err
	}
	var in []string
	for _, c := range dp.Consumers {
		if c.Active() {
			in = append(in, c.ServiceNumber)
		}
	}
	if len(in) > 0 {
		return "", &Error{Op: op, Message: fmt.Sprintf("%d consumer(s) still in the pool: %s; remove them first", len(in), s.c.t.Scrub(strings.Join(in, ", "))), Err: ErrPoolNotEmpty}
	}
	id, err := s.c.DataPools.Disconnect(ctx, p.Ref())
	if err != nil {
		return "", err
	}
	if _, err := s.c.Orders.Wait(ctx, id, nil); err != nil {
		return id, err
	}
	return id, nil
}

// maxConcurrentWaits bounds the orders one call polls at the same time.
const maxConcurrentWaits = 8

// waitAll waits, a few at a time, for every placed order of res and fills in
// the final status. When any order was refused or failed, the error is an
// *OrdersError listing them.
func (s *PoolsService) waitAll(ctx context.Context, op string, res []OrderResult) ([]OrderResult, error) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, maxConcurrentWaits)
	for i := range res {
		if res[i].Err != nil || res[i].OrderID == "" {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func(r *OrderResult) {
			defer func() { <-sem; wg.Done() }()
			o, err := s.c.Orders.Wait(ctx, r.OrderID, nil)
			if o != nil {
				r.Status = o.Status
			}
			r.Err = err
		}(&res[i])
	}
	wg.Wait()
	var failed []OrderResult
	for _, r := range res {
		if r.Err != nil {
			// The order id and status are the server's words.
			r.OrderID, r.Status = s.c.t.Scrub(r.OrderID), OrderStatus(s.c.t.Scrub(string(r.Status)))
			failed = append(failed, r)
		}
	}
	if len(failed) == 0 {
		return res, nil
	}
	return res, &OrdersError{Op: op, Total: len(res), Failed: failed}
}

// OrdersError reports the orders of one call that were refused or failed;
// the call's results say which succeeded. errors.Is and errors.As look
// through every failure.
type OrdersError struct {
	Op     string
	Total  int
	Failed []OrderResult
}

func (e *OrdersError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "octane: %s: %d of %d orders failed", e.Op, len(e.Failed), e.Total)
	for i, r := range e.Failed {
		sep := "; "
		if i == 0 {
			sep = ": "
		}
		fmt.Fprintf(&b, "%sservice %s: %v", sep, r.ServiceNumber, r.Err)
	}
	return b.String()
}

// Unwrap returns each failure's error.
func (e *OrdersError) Unwrap() []error {
	errs := make([]error, len(e.Failed))
	for i, r := range e.Failed {
		errs[i] = r.Err
	}
	return errs
}
