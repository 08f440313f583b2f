package octane

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// OrderService is Octane's SOAP order service (UtbOrder). Every change in
// Octane is an asynchronous order: these calls place or inspect orders; Wait
// follows one to its end. The Pools service does all of this for you.
type OrderService struct{ c *Client }

// NewPoolOrder is step 1 of the flow: an order for a new data pool.
type NewPoolOrder struct {
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

func (o *NewPoolOrder) validate(op string) error {
	switch {
	case strings.TrimSpace(o.CustNo) == "":
		return invalid(op, "CustNo", "is empty")
	case strings.TrimSpace(o.ProviderPlanID) == "":
		return invalid(op, "ProviderPlanID", "is empty: a data pool provider plan is required")
	case strings.TrimSpace(o.PoolName) == "":
		return invalid(op, "PoolName", "is empty")
	case o.NotificationEmail != "" && !strings.Contains(o.NotificationEmail, "@"):
		return invalid(op, "NotificationEmail", "%.60q is not an email address", o.NotificationEmail)
	}
	for field, v := range map[string]string{"CustNo": o.CustNo, "ProviderPlanID": o.ProviderPlanID, "PoolName": o.PoolName, "Department": o.Department, "Notes": o.Notes, "NotificationEmail": o.NotificationEmail} {
		if !validXMLText(v) {
			return invalid(op, field, "contains characters XML cannot carry")
		}
	}
	return nil
}

// CreateDataPool places the order for a new data pool (step 1, SOAP
// orderCreate) and returns its order id. The pool exists once the order is
// done: see Wait, or use Pools.Create, which does the whole sequence. The
// order is never re-sent automatically.
func (s *OrderService) CreateDataPool(ctx context.Context, o NewPoolOrder) (orderID string, err error) {
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
	ret, err := soapCall[xmlOrderCreateReturn](ctx, s.c, opOrderCreate, req)
	if err != nil {
		if ret != nil {
			setOrderID(err, strings.TrimSpace(ret.OrderID))
		}
		return "", err
	}
	id := strings.TrimSpace(ret.OrderID)
	if id == "" {
		return "", &Error{Layer: SOAP, Op: opOrderCreate.name, Err: fmt.Errorf("%w: errorCode 0 without an orderId", ErrBadResponse)}
	}
	return id, nil
}

func setOrderID(err error, id string) {
	var e *Error
	if id != "" && errors.As(err, &e) && e.OrderID == "" {
		e.OrderID = id
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
func (s *OrderService) Query(ctx context.Context, orderID string) (*Order, error) {
	if err := checkID(opOrderQuery.name, "orderID", orderID); err != nil {
		return nil, err
	}
	ret, err := soapCall[xmlOrderQueryReturn](ctx, s.c, opOrderQuery, xmlOrderRequest{OrderID: orderID})
	if err != nil {
		setOrderID(err, orderID)
		return nil, err
	}
	if ret.Order == nil {
		return nil, &Error{Layer: SOAP, Op: opOrderQuery.name, OrderID: orderID, Message: "the answer has no orderQueryResponse", Err: fmt.Errorf("%w (%w)", ErrUnknownOrder, ErrBadResponse)}
	}
	q := ret.Order
	o := &Order{
		ID:                strings.TrimSpace(q.OrderID),
		Status:            OrderStatus(strings.TrimSpace(q.Status)),
		Action:            strings.TrimSpace(q.Action),
		Message:           s.c.t.Scrub(strings.TrimSpace(q.StatusMessage)),
		CreatedOn:         strings.TrimSpace(q.CreatedOn),
		PlanName:          strings.TrimSpace(q.PlanName),
		PoolServiceNumber: strings.TrimSpace(q.PoolMSN),
	}
	if o.ID == "" {
		o.ID = orderID
	}
	return o, nil
}

// Reset re-runs a failed order (SOAP orderReset with retryOrder=true). It is
// never re-sent automatically.
func (s *OrderService) Reset(ctx context.Context, orderID string) error {
	if err := checkID(opOrderReset.name, "orderID", orderID); err != nil {
		return err
	}
	_, err := soapCall[xmlResult](ctx, s.c, opOrderReset, xmlOrderRequest{OrderID: orderID, RetryOrder: retryOrderFlagTrue})
	setOrderID(err, orderID)
	return err
}

// Wait polls an order until it is done, has failed, or ctx ends, backing off
// between the intervals of WithPollInterval: by default one orderQuery at
// once and then one every 30 minutes, as the vendor asks. A done order is
// returned with a nil error. A failed one is returned with an *Error
// matching ErrOrderFailed that carries the order's text; Orders.Reset may
// re-run it. When ctx ends, the last answer (possibly nil) comes back with
// an error wrapping ctx.Err().
// Transport failures of single polls are retried until ctx ends; the
// server's refusals (unknown order, authentication) end the wait at once.
func (s *OrderService) Wait(ctx context.Context, orderID string) (*Order, error) {
	const op = "Orders.Wait"
	if err := checkID(op, "orderID", orderID); err != nil {
		return nil, err
	}
	if ctx == nil {
		return nil, invalid(op, "ctx", "is nil")
	}
	interval := s.c.pollMin
	var last *Order
	var lastErr error
	for {
		o, err := s.Query(ctx, orderID)
		switch {
		case err == nil:
			last, lastErr = o, nil
			if o.Status.Done() {
				return o, nil
			}
			if o.Status.Failed() {
				return o, &Error{Op: op, OrderID: orderID, Message: orderFailureText(o), Err: ErrOrderFailed}
			}
		case definitive(err):
			return last, err
		default:
			lastErr = err
		}
		t := time.NewTimer(interval)
		select {
		case <-ctx.Done():
			t.Stop()
			cause := ctx.Err()
			if lastErr != nil {
				cause = fmt.Errorf("%w (last poll: %v)", cause, lastErr)
			}
			status := "not yet queried"
			if last != nil {
				status = "still " + string(last.Status)
			}
			return last, &Error{Op: op, OrderID: orderID, Message: "stopped waiting, order " + status, Err: cause}
		case <-t.C:
		}
		interval = min(interval*3/2, s.c.pollMax)
	}
}

func orderFailureText(o *Order) string {
	if o.Message != "" {
		return fmt.Sprintf("order %s (%s)", o.Status, o.Message)
	}
	return fmt.Sprintf("order %s", o.Status)
}

// definitive reports an answer another poll cannot change: a refusal by the
// server (an errorCode, a Fault, a 4xx) or bad input. Transport failures and
// undecodable answers (a proxy's error page) may pass.
func definitive(err error) bool {
	var e *Error
	if !errors.As(err, &e) {
		return true // a ValidationError
	}
	if e.Code != 0 || e.FaultCode != "" || errors.Is(err, ErrUnknownOrder) {
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
func (s *OrderService) AddConsumers(ctx context.Context, custNo, providerID string, serviceNumbers ...string) ([]OrderResult, error) {
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
func (s *OrderService) RemoveConsumers(ctx context.Context, custNo string, serviceNumbers ...string) ([]OrderResult, error) {
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

func (s *OrderService) bulk(ctx context.Context, serviceNumbers []string, orders xmlBulkOrders) ([]OrderResult, error) {
	ret, err := soapCall[xmlBulkAnswer](ctx, s.c, opOrderCreateBulk, orders)
	if err != nil {
		return nil, err
	}
	answers, ok := ret.orders()
	if !ok {
		return nil, &Error{Layer: SOAP, Op: opOrderCreateBulk.name, Err: fmt.Errorf("%w: orderResponse elements both inside and outside <return>", ErrBadResponse)}
	}
	if len(answers) != len(serviceNumbers) {
		return nil, &Error{Layer: SOAP, Op: opOrderCreateBulk.name, Err: fmt.Errorf("%w: %d orders sent, %d answers", ErrBadResponse, len(serviceNumbers), len(answers))}
	}
	out := make([]OrderResult, len(serviceNumbers))
	for i, r := range answers {
		out[i] = OrderResult{ServiceNumber: serviceNumbers[i], OrderID: strings.TrimSpace(r.OrderID)}
		code, cerr := parseErrorCode(r.ErrorCode)
		switch {
		case cerr != nil:
			out[i].Err = &Error{Layer: SOAP, Op: opOrderCreateBulk.name, Err: fmt.Errorf("%w: %v", ErrBadResponse, cerr)}
		case code != 0:
			out[i].Err = &Error{Layer: SOAP, Op: opOrderCreateBulk.name, Code: code, OrderID: out[i].OrderID, Message: s.c.t.Scrub(strings.TrimSpace(r.ErrorMessage)), refused: true}
		case out[i].OrderID == "":
			out[i].Err = &Error{Layer: SOAP, Op: opOrderCreateBulk.name, Err: fmt.Errorf("%w: errorCode 0 without an orderId", ErrBadResponse)}
		}
	}
	return out, nil
}

// checkID rejects an empty identifier or one XML cannot carry.
func checkID(op, field, v string) error {
	switch {
	case strings.TrimSpace(v) == "":
		return invalid(op, field, "is empty")
	case !validXMLText(v) || strings.ContainsAny(v, "\r\n"):
		return invalid(op, field, "%.40q contains characters an identifier cannot", v)
	}
	return nil
}

func checkServiceNumbers(op string, sns []string) error {
	if len(sns) == 0 {
		return invalid(op, "serviceNumbers", "is empty")
	}
	seen := make(map[string]bool, len(sns))
	for i, sn := range sns {
		if err := checkID(op, fmt.Sprintf("serviceNumbers[%d]", i), sn); err != nil {
			return err
		}
		if seen[sn] {
			return invalid(op, fmt.Sprintf("serviceNumbers[%d]", i), "%q appears twice", sn)
		}
		seen[sn] = true
	}
	return nil
}
