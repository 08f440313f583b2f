package octane

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ispkit/ispkit/internal/transport"
)

// OrdersService is Octane's SOAP order service (UtbOrder). Every change in
// Octane is an asynchronous order: these calls place or inspect orders; Wait
// follows one to its end. The Pools service does all of this for you.
type OrdersService struct{ c *Client }

// PoolCreateRequest is the input of step 1 of the flow, an order for a new
// data pool: of [OrdersService.CreateDataPool] and [PoolsService.Create].
type PoolCreateRequest struct {
	// CustNo is the customer the pool belongs to. Required.
	CustNo string
	// ProviderPlanID is the data pool provider plan (the order's planNo). There
	// is no way to find it through the API: copy the Data Pool Provider Plan
	// template in Octane or ask the vendor's billing team. Required.
	ProviderPlanID string
	// PoolName names the pool. Required.
	PoolName string
	// Department, Notes (the order's serviceNotes) and NotificationEmail are
	// optional.
	Department        string
	Notes             string
	NotificationEmail string
}

func (o *PoolCreateRequest) validate(op string) error {
	if err := checkID(op, "CustNo", o.CustNo); err != nil {
		return err
	}
	if strings.TrimSpace(o.ProviderPlanID) == "" {
		return invalid(op, "ProviderPlanID", "is empty: a data pool provider plan is required")
	}
	if err := checkID(op, "ProviderPlanID", o.ProviderPlanID); err != nil {
		return err
	}
	if strings.TrimSpace(o.PoolName) == "" {
		return invalid(op, "PoolName", "is empty")
	}
	if o.NotificationEmail != "" && !strings.Contains(o.NotificationEmail, "@") {
		return invalid(op, "NotificationEmail", "is not an email address")
	}
	for _, f := range [...]struct{ name, v string }{
		{"PoolName", o.PoolName}, {"Department", o.Department}, {"Notes", o.Notes}, {"NotificationEmail", o.NotificationEmail},
	} {
		if !validXMLText(f.v) {
			return invalid(op, f.name, "contains characters XML cannot carry")
		}
	}
	return nil
}

// CreateDataPool places the order for a new data pool (step 1, SOAP
// orderCreate) and returns its order id. The pool exists once the order is
// done: see Wait, or use Pools.Create, which does the whole sequence. The
// order is never re-sent automatically.
func (s *OrdersService) CreateDataPool(ctx context.Context, o PoolCreateRequest) (orderID string, err error) {
	if err := o.validate(opOrderCreate.name); err != nil {
		return "", err
	}
	req := xmlCreateRequest{
		CustNo: o.CustNo, OrderType: orderTypeService, OrderAction: actionNewDataPool,
		Item: xmlNewDataPoolItem{
			Department: o.Department, PlanNo: o.ProviderPlanID, ServiceNotes: o.Notes,
			NotificationEmail: o.NotificationEmail, PoolName: o.PoolName,
		},
	}
	ret, resp, err := soapCall[xmlOrderCreateReturn](ctx, s.c, opOrderCreate, req)
	if err != nil {
		if ret != nil {
			s.c.setOrderID(err, strings.TrimSpace(ret.OrderID))
		}
		return "", err
	}
	id := strings.TrimSpace(ret.OrderID)
	if id == "" {
		e := answerError(SOAP, opOrderCreate.name, resp)
		e.Err = fmt.Errorf("%w: errorCode 0 without an orderId", ErrBadResponse)
		return "", e
	}
	return id, nil
}

// setOrderID names the order an error concerns, when it names none yet. The
// id may come from an answer: it is scrubbed with the client's scrubber,
// the scrubber of every typed call (they send no secret but the
// credentials).
func (c *Client) setOrderID(err error, id string) {
	var e *Error
	if id != "" && errors.As(err, &e) && e.OrderID == "" {
		e.OrderID = c.t.Scrub(id)
	}
}

// Order is an order as orderQuery reports it (step 2).
type Order struct {
	ID string
	// Status is internalStatus; see OrderStatus.Done and Failed.
	Status OrderStatus
	// Action is the order action, e.g. "ADD_WME_NEW".
	Action string
	// Message is the text that comes with a failed order.
	Message string
	// CreatedOn is the server's text; its format is not documented.
	CreatedOn string
	// PlanName is the name of the plan the order concerns, where the server
	// sends it.
	PlanName string
	// PoolServiceNumber is the new pool's service number (msn), once a pool
	// creation order has it.
	PoolServiceNumber string
}

// Query asks about an order (step 2, SOAP orderQuery): its status and, for a
// pool creation order, the new pool's service number. Queries are retried per
// the policy.
func (s *OrdersService) Query(ctx context.Context, orderID string) (*Order, error) {
	o, _, err := s.query(ctx, orderID)
	return o, err
}

// query is Query with the answer, for the errors Wait builds from it.
func (s *OrdersService) query(ctx context.Context, orderID string) (*Order, *transport.Response, error) {
	if err := checkID(opOrderQuery.name, "orderID", orderID); err != nil {
		return nil, nil, err
	}
	ret, resp, err := soapCall[xmlOrderQueryReturn](ctx, s.c, opOrderQuery, xmlOrderRequest{OrderID: orderID})
	if err != nil {
		s.c.setOrderID(err, orderID)
		return nil, resp, err
	}
	if ret.Order == nil {
		e := answerError(SOAP, opOrderQuery.name, resp)
		e.OrderID, e.Message = s.c.t.Scrub(orderID), "the answer has no orderQueryResponse"
		e.Err = fmt.Errorf("%w (%w)", ErrUnknownOrder, ErrBadResponse)
		return nil, resp, e
	}
	q := ret.Order
	o := &Order{
		ID:                strings.TrimSpace(q.OrderID),
		Status:            OrderStatus(strings.TrimSpace(q.Status)),
		Action:            strings.TrimSpace(q.Action),
		Message:           strings.TrimSpace(q.StatusMessage),
		CreatedOn:         strings.TrimSpace(q.CreatedOn),
		PlanName:          strings.TrimSpace(q.PlanName),
		PoolServiceNumber: strings.TrimSpace(q.PoolMSN),
	}
	if o.Message != "" {
		// The failure text of an order: the server's words, scrubbed.
		o.Message = s.c.scrubber(resp).Scrub(o.Message)
	}
	if o.ID == "" {
		o.ID = orderID
	}
	return o, resp, nil
}

// Reset re-runs a failed order (SOAP orderReset with retryOrder=true). It is
// never re-sent automatically.
func (s *OrdersService) Reset(ctx context.Context, orderID string) error {
	if err := checkID(opOrderReset.name, "orderID", orderID); err != nil {
		return err
	}
	_, _, err := soapCall[xmlResult](ctx, s.c, opOrderReset, xmlOrderRequest{OrderID: orderID, RetryOrder: retryOrderFlagTrue})
	s.c.setOrderID(err, orderID)
	return err
}

// WaitOptions tunes one [OrdersService.Wait]. A nil *WaitOptions, or a zero
// field, means the client's default (see [WithPollInterval]).
type WaitOptions struct {
	// MinInterval is the first pause between two polls; each pause doubles
	// up to MaxInterval. Zero means the client's default (DefaultPollMin
	// unless WithPollInterval set another).
	MinInterval time.Duration
	// MaxInterval is the longest pause between two polls. Zero means the
	// client's default (DefaultPollMax unless WithPollInterval set another),
	// raised to MinInterval when that is longer.
	MaxInterval time.Duration
}

// intervals are the pauses of one wait: opts over the client's defaults.
func (o *WaitOptions) intervals(op string, defMin, defMax time.Duration) (lo, hi time.Duration, err error) {
	lo, hi = defMin, defMax
	if o == nil {
		return lo, hi, nil
	}
	switch {
	case o.MinInterval < 0:
		return 0, 0, invalid(op, "MinInterval", "is negative")
	case o.MaxInterval < 0:
		return 0, 0, invalid(op, "MaxInterval", "is negative")
	case o.MinInterval > 0 && o.MaxInterval > 0 && o.MaxInterval < o.MinInterval:
		return 0, 0, invalid(op, "MaxInterval", "is shorter than MinInterval")
	}
	if o.MinInterval > 0 {
		lo = o.MinInterval
	}
	if o.MaxInterval > 0 {
		hi = o.MaxInterval
	}
	if o.MaxInterval == 0 && hi < lo {
		hi = lo
	}
	if o.MinInterval == 0 && lo > hi {
		lo = hi
	}
	return lo, hi, nil
}

// Wait polls an order until it is done, has failed, or ctx ends: one
// orderQuery at once, then after opts.MinInterval, the pause doubling up to
// opts.MaxInterval. A nil opts or a zero field means the client's default
// ([WithPollInterval]): by default one orderQuery every 30 minutes, as the
// vendor asks (DefaultPollMin, DefaultPollMax). A negative interval, or a
// MaxInterval shorter than MinInterval, is refused with a *ValidationError
// and nothing is sent. A server's Retry-After (on a 429 or 503) lengthens
// the next pause. A done order
// is returned with a nil error. A failed one is returned with an *Error
// matching ErrOrderFailed that carries the order's status and text,
// scrubbed; [OrdersService.Reset] may re-run it. When ctx ends, the last answer
// (possibly nil) comes back with an *Error wrapping ctx.Err() and, when the
// last poll failed, that poll's error, whose HTTPStatus and RetryAfter it
// repeats. Transport failures of single polls and answers that cannot be
// read are retried until ctx ends; the server's refusals (unknown order,
// authentication), an answer over the size cap and a redirect end the wait
// at once.
func (s *OrdersService) Wait(ctx context.Context, orderID string, opts *WaitOptions) (*Order, error) {
	const op = "Orders.Wait"
	if err := checkID(op, "orderID", orderID); err != nil {
		return nil, err
	}
	if ctx == nil {
		return nil, invalid(op, "ctx", "is nil")
	}
	interval, maxInterval, err := opts.intervals(op, s.c.pollMin, s.c.pollMax)
	if err != nil {
		return nil, err
	}
	var (
		last     *Order
		lastResp *transport.Response // the answer last was read from
		lastErr  error
	)
	for {
		o, resp, err := s.query(ctx, orderID)
		if err != nil && ctx.Err() != nil {
			// A poll cut short by ctx: the one before, if any, says more.
			if lastErr == nil {
				lastErr = err
			}
			return last, s.stopped(ctx, orderID, last, lastResp, lastErr)
		}
		next := interval
		switch {
		case err == nil:
			last, lastResp, lastErr = o, resp, nil
			if o.Status.Done() {
				return o, nil
			}
			if o.Status.Failed() {
				// The status and the text are the server's words.
				sc := s.c.scrubber(resp)
				return o, &Error{Op: op, OrderID: s.c.t.Scrub(orderID), Message: orderFailureText(sc, o), Err: ErrOrderFailed}
			}
		case definitive(err):
			return last, err
		default:
			lastErr = err
			next = max(next, retryAfterOf(err))
		}
		t := time.NewTimer(next)
		select {
		case <-ctx.Done():
			t.Stop()
			return last, s.stopped(ctx, orderID, last, lastResp, lastErr)
		case <-t.C:
		}
		interval = min(interval*2, maxInterval)
	}
}

// stopped is Wait's error when ctx ends: the order's last status, scrubbed,
// and the last poll's failure, when it failed.
func (s *OrdersService) stopped(ctx context.Context, orderID string, last *Order, lastResp *transport.Response, lastErr error) error {
	e := &Error{Op: "Orders.Wait", OrderID: s.c.t.Scrub(orderID), Err: ctx.Err()}
	status := "not yet queried"
	if last != nil {
		status = "still " + s.c.scrubber(lastResp).Scrub(string(last.Status))
	}
	e.Message = "stopped waiting, order " + status
	if lastErr != nil {
		e.Err = fmt.Errorf("%w (last poll: %w)", ctx.Err(), lastErr)
		var pe *Error
		if errors.As(lastErr, &pe) {
			e.HTTPStatus, e.RetryAfter = pe.HTTPStatus, pe.RetryAfter
		}
	}
	return e
}

// retryAfterOf is the Retry-After an *Error carries.
func retryAfterOf(err error) time.Duration {
	var e *Error
	if errors.As(err, &e) {
		return e.RetryAfter
	}
	return 0
}

func orderFailureText(sc *transport.Scrubber, o *Order) string {
	if o.Message != "" {
		return fmt.Sprintf("order %s (%s)", sc.Scrub(string(o.Status)), o.Message)
	}
	return fmt.Sprintf("order %s", sc.Scrub(string(o.Status)))
}

// definitive reports an answer another poll cannot change: a refusal by the
// server (an errorCode, a Fault, a 4xx), an answer over the size cap, a
// redirect, or bad input. Transport failures and undecodable answers (a
// proxy's error page) may pass.
func definitive(err error) bool {
	var e *Error
	if !errors.As(err, &e) {
		return true // a ValidationError
	}
	if e.Code != 0 || e.FaultCode != "" || errors.Is(err, ErrUnknownOrder) ||
		errors.Is(err, ErrResponseTooLarge) || errors.Is(err, transport.ErrRedirect) {
		return true
	}
	return e.HTTPStatus >= 400 && e.HTTPStatus < 500 && e.HTTPStatus != 429 && e.HTTPStatus != 408
}

// OrderResult is the outcome of one service's order in a call that places
// several (adding, removing, transferring consumers, changing limits).
type OrderResult struct {
	// ServiceNumber is the service the order is for.
	ServiceNumber string
	// OrderID is the order placed; "" when the order was refused.
	OrderID string
	// Status is the order's final status when the call waited for it
	// (Pools calls), "" otherwise.
	Status OrderStatus
	// Err is why the order was refused or failed; nil on success.
	Err error
}

// AddConsumers places one order per service to add it to the pool whose
// providerId is given (step 4, SOAP orderCreateBulk with WME_OPT_IN_CONSUMER),
// all in one call. Each service must already be on a data pool consumer plan.
// The results come in the order of serviceNumbers; a refused order has Err
// set and does not stop the others. The call is never re-sent automatically.
func (s *OrdersService) AddConsumers(ctx context.Context, custNo, providerID string, serviceNumbers ...string) ([]OrderResult, error) {
	const op = "orderCreateBulk"
	if err := checkID(op, "custNo", custNo); err != nil {
		return nil, err
	}
	if err := checkID(op, "providerID", providerID); err != nil {
		return nil, err
	}
	if err := checkServiceNumbers(op, serviceNumbers); err != nil {
		return nil, err
	}
	date := s.c.today()
	orders := xmlBulkOrders{Orders: make([]xmlBulkOrder, len(serviceNumbers))}
	for i, sn := range serviceNumbers {
		orders.Orders[i] = xmlBulkOrder{
			CustNo: custNo, OrderType: orderTypeService, OrderAction: actionOptIn, CustReqDate: date,
			OptIn: &xmlOptInItem{ProviderID: providerID, ServiceNumber: sn},
		}
	}
	return s.bulk(ctx, serviceNumbers, orders)
}

// RemoveConsumers places one order per service to take it out of its pool
// (step 8). The flow document calls this a REST call, but the vendor lists no
// such endpoint; the known shape is a SOAP order with WME_OPT_OUT_CONSUMER,
// which this sends through orderCreateBulk [field, low confidence]. Afterwards
// a plan change to a non-pooling plan may be wanted. Never re-sent
// automatically.
func (s *OrdersService) RemoveConsumers(ctx context.Context, custNo string, serviceNumbers ...string) ([]OrderResult, error) {
	const op = "orderCreateBulk"
	if err := checkID(op, "custNo", custNo); err != nil {
		return nil, err
	}
	if err := checkServiceNumbers(op, serviceNumbers); err != nil {
		return nil, err
	}
	date := s.c.today()
	orders := xmlBulkOrders{Orders: make([]xmlBulkOrder, len(serviceNumbers))}
	for i, sn := range serviceNumbers {
		orders.Orders[i] = xmlBulkOrder{
			CustNo: custNo, OrderType: orderTypeService, OrderAction: actionOptOut, CustReqDate: date,
			OptOut: &xmlOptOutItem{ServiceNumber: sn},
		}
	}
	return s.bulk(ctx, serviceNumbers, orders)
}

func (s *OrdersService) bulk(ctx context.Context, serviceNumbers []string, orders xmlBulkOrders) ([]OrderResult, error) {
	ret, resp, err := soapCall[xmlBulkAnswer](ctx, s.c, opOrderCreateBulk, orders)
	if err != nil {
		return nil, err
	}
	op := opOrderCreateBulk.name
	answers, ok := ret.orders()
	if !ok {
		e := answerError(SOAP, op, resp)
		e.Err = fmt.Errorf("%w: orderResponse elements both inside and outside <return>", ErrBadResponse)
		return nil, e
	}
	if len(answers) != len(serviceNumbers) {
		e := answerError(SOAP, op, resp)
		e.Err = fmt.Errorf("%w: %d orders sent, %d answers", ErrBadResponse, len(serviceNumbers), len(answers))
		return nil, e
	}
	out := make([]OrderResult, len(serviceNumbers))
	for i, r := range answers {
		out[i] = OrderResult{ServiceNumber: serviceNumbers[i], OrderID: strings.TrimSpace(r.OrderID)}
		code, cerr := parseErrorCode(r.ErrorCode)
		switch {
		case cerr != nil:
			e := answerError(SOAP, op, resp)
			e.Err = s.c.badResponse(resp, cerr)
			out[i].Err = e
		case code != 0:
			sc := s.c.scrubber(resp)
			e := answerError(SOAP, op, resp)
			e.Code, e.OrderID, e.Message, e.refused = code, sc.Scrub(out[i].OrderID), sc.Scrub(strings.TrimSpace(r.ErrorMessage)), true
			out[i].Err = e
		case out[i].OrderID == "":
			e := answerError(SOAP, op, resp)
			e.Err = fmt.Errorf("%w: errorCode 0 without an orderId", ErrBadResponse)
			out[i].Err = e
		}
	}
	return out, nil
}

func checkServiceNumbers(op string, sns []string) error {
	if len(sns) == 0 {
		return invalid(op, "serviceNumbers", "is empty")
	}
	seen := make(map[string]int, len(sns))
	for i, sn := range sns {
		if err := checkID(op, fmt.Sprintf("serviceNumbers[%d]", i), sn); err != nil {
			return err
		}
		if j, dup := seen[sn]; dup {
			return invalid(op, fmt.Sprintf("serviceNumbers[%d]", i), "repeats serviceNumbers[%d]", j)
		}
		seen[sn] = i
	}
	return nil
}
