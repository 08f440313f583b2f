package telecloud

import (
	"context"
	"encoding/json"
	"strings"
	"time"
)

// OrderSearchRequest holds the criteria of Order/Search. With no criteria the
// last 50 orders are shown.
type OrderSearchRequest struct {
	// AccountNumber is a customer account number: show the orders connected to it.
	AccountNumber string
	// OrderNumber searches for a specific order.
	OrderNumber string
	// HideCancelled, when Yes, hides cancelled orders.
	HideCancelled Flag
	// Status searches for orders with a specific status.
	// OrderAllButCancelled returns every order except the cancelled ones.
	Status OrderStatus
	// ProductID searches for orders with rate plans of a specific CORE product.
	ProductID string
	// RatePlanID searches for orders with rate plans of a specific VAR product
	// (the VAR's rate plan).
	RatePlanID string
	// Vars searches for orders by the values of their variables (VAR1 … VAR20
	// as listed on an order).
	Vars VarValues
}

// OrderAllButCancelled is the Order/Search status filter that returns every
// order except the cancelled ones. It is a search criterion, never the status
// of an order.
const OrderAllButCancelled OrderStatus = "ALL BUT CANCELLED"

func (r *OrderSearchRequest) validate() error {
	if !r.HideCancelled.Valid() {
		return invalidField("HideCancelled", "hide_cancelled", "must be Y or N")
	}
	if r.Status != "" && r.Status != OrderAllButCancelled && !knownOrderStatus(r.Status) {
		return invalidField("Status", "status", "must be ACTIVE, PENDING, SUSPENDED, NON-PAY, FAILED, CANCELLED or ALL BUT CANCELLED")
	}
	return nil
}

// knownOrderStatus reports whether s is one of the order statuses of the reference.
func knownOrderStatus(s OrderStatus) bool {
	switch s {
	case OrderActive, OrderPending, OrderSuspended, OrderNonPay, OrderFailed, OrderCancelled:
		return true
	}
	return false
}

// OrderSearchResponse is the answer of Order/Search.
type OrderSearchResponse struct {
	Meta
	// Orders are the orders found.
	Orders []Order `tc:"Orders>order"`
}

// Order is an order (a service) on a customer account, as Order/Search lists it.
type Order struct {
	// OrderNumber identifies the order.
	OrderNumber string `tc:"order_number,attr"`
	// AccountNumber is the customer account the order is on.
	AccountNumber string `tc:"account_number"`
	// ActivationDate is the day the order was activated.
	ActivationDate Time `tc:"activation_date"`
	// Type is the type of the ordered product (TRADITIONAL or ADD-ON).
	Type ProductType `tc:"type"`
	// SubmittedBy is the user who placed the order.
	SubmittedBy string `tc:"submitted_by"`
	// LastUpdate is when the order last changed.
	LastUpdate Time `tc:"last_update"`
	// Status is the service status of the order; PENDING while provisioning
	// runs, FAILED when it did not succeed.
	Status OrderStatus `tc:"status"`
	// Product is the ordered product and its rate plan.
	Product OrderProduct `tc:"product"`
	// Variables are the order's VAR1 … VAR20 values. In XML each also carries
	// its definition (name, type, options, description, swappable); the JSON
	// form keeps the definition only of the variables without a value.
	Variables Variables `tc:"variables,values"`
	// Error is the error text of a FAILED order, when the answer carries one
	// (an <error> element of the order: not in the reference's sample;
	// inferred from Order/Update, whose error text is stored on the order's
	// Order/Create transaction).
	Error string `tc:"error"`
}

// OrderProduct is the product of an order.
type OrderProduct struct {
	// ProductID is the CORE product.
	ProductID string `tc:"product_id,attr"`
	// ProductGroupID is the product group of the product.
	ProductGroupID string `tc:"product_group_id,attr"`
	// ProductGroupName is the name of that product group.
	ProductGroupName string `tc:"product_group_name,attr"`
	// Name is the product's name.
	Name string `tc:"name"`
	// CycleLength is the number of days of a billing cycle.
	CycleLength int `tc:"cycle_length"`
	// Plan is the VAR rate plan the order is billed on.
	Plan OrderPlan `tc:"plan"`
}

// OrderPlan is the rate plan of an order.
type OrderPlan struct {
	// RatePlanID identifies the VAR rate plan.
	RatePlanID string `tc:"rate_plan_id,attr"`
	// Name is the rate plan's name.
	Name string `tc:"name"`
	// RecurringPrice is the price of a cycle.
	RecurringPrice Money `tc:"recurring_price"`
	// ExpirationDate is the end of the current cycle.
	ExpirationDate Time `tc:"expiration_date"`
}

// Search finds orders (Order/Search). With no criteria the last 50 orders are
// shown.
func (s *OrdersService) Search(ctx context.Context, req OrderSearchRequest, opts ...CallOption) (*OrderSearchResponse, error) {
	return call[OrderSearchResponse](ctx, s.c, "Order/Search", &req, opts)
}

// AttachedComponent is a usage component attached to an order (or limited on
// a VAR rate plan), with the maximum the VAR sets, if any.
type AttachedComponent struct {
	// ComponentID identifies the usage component.
	ComponentID string `json:"component_id"`
	// MaxUnits is the maximum number of units the VAR allows (only for
	// components whose VarSetsMaximum is Y); 0 sets no maximum.
	MaxUnits int `json:"max_units,omitempty,string"`
}

// AttachedComponents is the JSON list TeleCloud asks for in Order/Create's
// attached_components (and Plan/Edit's component limits):
// [{"component_id":"15178187"},{"component_id":"889817552","max_units":"1"}].
type AttachedComponents []AttachedComponent

// MarshalText writes the JSON list; an empty list writes nothing (not sent).
func (a AttachedComponents) MarshalText() ([]byte, error) {
	if len(a) == 0 {
		return nil, nil
	}
	return json.Marshal([]AttachedComponent(a))
}

// check refuses components without an id and negative maxima.
func (a AttachedComponents) check(field string) error {
	for i, c := range a {
		if strings.TrimSpace(c.ComponentID) == "" {
			return invalidf(field, "item %d has no ComponentID", i)
		}
		if c.MaxUnits < 0 {
			return invalidf(field, "item %d has a negative MaxUnits", i)
		}
	}
	return nil
}

// OrderCreateRequest holds the parameters of Order/Create.
type OrderCreateRequest struct {
	// AccountNumber is the customer account the order is placed for. Required.
	AccountNumber string
	// RatePlanID is the VAR rate plan ordered. Required.
	RatePlanID string
	// PaymentMethodID, when set, charges that payment method of the customer
	// for the order.
	PaymentMethodID string
	// PrimaryOrderNumber is required when ordering an add-on product only:
	// the order the add-on is placed on. (The reference lost this parameter's
	// name; order_number is inferred.)
	PrimaryOrderNumber string
	// ReferralCode is the referral code of the referring customer, if supplied.
	ReferralCode string
	// PromoCode gives the customer a discount on the order.
	PromoCode string
	// AttachedComponents lists the usage components to attach and, where the
	// VAR may set one, their maximum. Required when the product has attached
	// components.
	AttachedComponents AttachedComponents
	// Vars are the values of VAR1 … VAR20, if any.
	Vars VarValues
}

func (r *OrderCreateRequest) validate() error {
	return r.AttachedComponents.check("AttachedComponents")
}

// OrderCreateResponse is the answer of Order/Create.
type OrderCreateResponse struct {
	Meta
	// Order gives the new order's number and status: ACTIVE, or PENDING while
	// the module provisions it (follow it with [OrdersService.Wait], or with
	// Order/Search or Transaction/Search on TransID).
	Order OrderResult `tc:"order"`
}

// OrderResult is the <order> element the order actions answer with. Each
// action fills only some of it:
//   - Create, Status, Cancel: OrderNumber and Status;
//   - Move: OrderNumber and NewAccountNumber;
//   - Replenish: OrderNumber and ExpirationDate;
//   - Swap, Update: OrderNumber;
//   - ReportUsage: OrderNumber and Components.
type OrderResult struct {
	// OrderNumber identifies the order.
	OrderNumber string `tc:"order_number,attr"`
	// Status is the order's service status after the action.
	Status OrderStatus `tc:"status"`
	// NewAccountNumber is the account the order was moved to (Order/Move).
	NewAccountNumber string `tc:"new_account_number"`
	// ExpirationDate is the new end of the cycle (Order/Replenish).
	ExpirationDate Time `tc:"expiration_date"`
	// Components are the usage totals after Order/ReportUsage.
	Components []UsageReport `tc:"ProductComponents>component"`
}

// UsageReport is the state of a usage component after Order/ReportUsage.
type UsageReport struct {
	// ComponentID identifies the usage component.
	ComponentID string `tc:"component_id,attr"`
	// OldValue is the unit total before the report.
	OldValue Quantity `tc:"old_value"`
	// NewValue is the unit total after the report. Usage may be fractional
	// (the server keeps it as a float; send fractions with
	// WithParam("units", "2.5")).
	NewValue Quantity `tc:"new_value"`
	// UnitPrice is the price of one unit.
	UnitPrice Money `tc:"unit_price"`
	// Total is the amount billed for the usage.
	Total Money `tc:"total"`
}

// Create places and provisions a new order on a customer account
// (Order/Create). Depending on the module the order comes back ACTIVE or
// PENDING; the response's Order gives the order number and status, and its
// TransID the transaction to follow.
func (s *OrdersService) Create(ctx context.Context, req OrderCreateRequest, opts ...CallOption) (*OrderCreateResponse, error) {
	return call[OrderCreateResponse](ctx, s.c, "Order/Create", &req, opts)
}

// OrderStatusRequest holds the parameters of Order/Status.
type OrderStatusRequest struct {
	// AccountNumber is the customer account of the order. Required.
	AccountNumber string
	// OrderNumber is the order whose service status is toggled. Required.
	OrderNumber string
}

// OrderStatusResponse is the answer of Order/Status.
type OrderStatusResponse struct {
	Meta
	// Order gives the order number and its new status.
	Order OrderResult `tc:"order"`
}

// Status toggles the service status of an order (Order/Status): an ACTIVE
// order is SUSPENDED and a SUSPENDED order is made ACTIVE.
func (s *OrdersService) Status(ctx context.Context, req OrderStatusRequest, opts ...CallOption) (*OrderStatusResponse, error) {
	return call[OrderStatusResponse](ctx, s.c, "Order/Status", &req, opts)
}

// OrderMoveRequest holds the parameters of Order/Move.
type OrderMoveRequest struct {
	// OrderNumber is the order to move. Required.
	OrderNumber string
	// AccountNumber is the account the order is on now. Required.
	AccountNumber string
	// NewAccountNumber is the account to move the order to. Required.
	NewAccountNumber string
}

func (r *OrderMoveRequest) validate() error {
	if r.NewAccountNumber == r.AccountNumber {
		return invalidField("NewAccountNumber", "new_account_number", "is the account the order is already on")
	}
	return nil
}

// OrderMoveResponse is the answer of Order/Move.
type OrderMoveResponse struct {
	Meta
	// Order gives the order number and NewAccountNumber.
	Order OrderResult `tc:"order"`
}

// Move moves an order to another customer account (Order/Move).
func (s *OrdersService) Move(ctx context.Context, req OrderMoveRequest, opts ...CallOption) (*OrderMoveResponse, error) {
	return call[OrderMoveResponse](ctx, s.c, "Order/Move", &req, opts)
}

// OrderCancelRequest holds the parameters of Order/Cancel.
type OrderCancelRequest struct {
	// AccountNumber is the account of the order. Required.
	AccountNumber string
	// OrderNumber is the order to cancel. Required.
	OrderNumber string
}

// OrderCancelResponse is the answer of Order/Cancel.
type OrderCancelResponse struct {
	Meta
	// Order gives the order number and its status (CANCELLED).
	Order OrderResult `tc:"order"`
}

// Cancel cancels an order (Order/Cancel). Only a CORE can reverse it, and it
// may cancel services that cannot be un-cancelled.
func (s *OrdersService) Cancel(ctx context.Context, req OrderCancelRequest, opts ...CallOption) (*OrderCancelResponse, error) {
	return call[OrderCancelResponse](ctx, s.c, "Order/Cancel", &req, opts)
}

// OrderSwapRequest holds the parameters of Order/Swap.
type OrderSwapRequest struct {
	// AccountNumber is the account the order is on. Required.
	AccountNumber string
	// OrderNumber is the order. Required.
	OrderNumber string
	// Vars are the new values of the swappable variables to change (at least one).
	Vars VarValues
}

func (r *OrderSwapRequest) validate() error {
	for _, v := range r.Vars {
		if !blank(v) {
			return nil
		}
	}
	return invalidField("Vars", "var%d", "at least one variable value is required")
}

// OrderSwapResponse is the answer of Order/Swap.
type OrderSwapResponse struct {
	Meta
	// Order gives the order number.
	Order OrderResult `tc:"order"`
}

// Swap changes the value of one or more swappable variables of an order
// (Order/Swap), e.g. a new SIM's ICCID.
func (s *OrdersService) Swap(ctx context.Context, req OrderSwapRequest, opts ...CallOption) (*OrderSwapResponse, error) {
	return call[OrderSwapResponse](ctx, s.c, "Order/Swap", &req, opts)
}

// OrderReplenishRequest holds the parameters of Order/Replenish.
type OrderReplenishRequest struct {
	// AccountNumber is the customer account the order is on. Required.
	AccountNumber string
	// OrderNumber is the order to replenish. Required.
	OrderNumber string
	// RatePlanID is the VAR rate plan of the new cycle.
	RatePlanID string
	// PaymentMethodID, when set, charges that payment method of the customer
	// for the replenishment.
	PaymentMethodID string
}

// OrderReplenishResponse is the answer of Order/Replenish.
type OrderReplenishResponse struct {
	Meta
	// Order gives the order number and the new ExpirationDate.
	Order OrderResult `tc:"order"`
}

// Replenish adds a billing cycle to an active order (Order/Replenish).
func (s *OrdersService) Replenish(ctx context.Context, req OrderReplenishRequest, opts ...CallOption) (*OrderReplenishResponse, error) {
	return call[OrderReplenishResponse](ctx, s.c, "Order/Replenish", &req, opts)
}

// CycleDate is a calendar date sent as M/D/YYYY ("6/11/2019"), the form
// Order/Update asks for. The zero CycleDate is not sent.
type CycleDate time.Time

// NewCycleDate returns the date of year, month and day.
func NewCycleDate(year int, month time.Month, day int) CycleDate {
	return CycleDate(time.Date(year, month, day, 0, 0, 0, 0, time.UTC))
}

// Time returns the date as a time.Time.
func (d CycleDate) Time() time.Time { return time.Time(d) }

// MarshalText writes M/D/YYYY; the zero date writes nothing.
func (d CycleDate) MarshalText() ([]byte, error) {
	t := time.Time(d)
	if t.IsZero() {
		return nil, nil
	}
	return []byte(t.Format("1/2/2006")), nil
}

// OrderUpdateRequest holds the parameters of Order/Update. Only the fields
// set are changed.
type OrderUpdateRequest struct {
	// AccountNumber is the customer account the order is on. Required.
	AccountNumber string
	// OrderNumber is the order to update. Required.
	OrderNumber string
	// Status is the new status: ACTIVE, SUSPENDED, NON-PAY, FAILED or
	// CANCELLED. A PENDING order set to CANCELLED or FAILED is refunded.
	Status OrderStatus
	// ExpirationDate is the new cycle end date (sent as M/D/YYYY).
	ExpirationDate CycleDate
	// ErrorMessage, when setting a PENDING order FAILED, is the error to
	// store; it is shown on the original Order/Create transaction.
	ErrorMessage string
	// Vars are the new values of variables; only those passed are updated.
	Vars VarValues
}

func (r *OrderUpdateRequest) validate() error {
	switch r.Status {
	case "", OrderActive, OrderSuspended, OrderNonPay, OrderFailed, OrderCancelled:
	default:
		return invalidField("Status", "status", "must be ACTIVE, SUSPENDED, NON-PAY, FAILED or CANCELLED")
	}
	if r.ErrorMessage != "" && r.Status != OrderFailed {
		return invalidField("ErrorMessage", "error", "is only stored when Status is FAILED")
	}
	return nil
}

// OrderUpdateResponse is the answer of Order/Update.
type OrderUpdateResponse struct {
	Meta
	// Order gives the order number.
	Order OrderResult `tc:"order"`
}

// Update changes the status, expiration date and variables of an order
// (Order/Update). A module finishing a PENDING order reports through it:
// ACTIVE on success, FAILED with ErrorMessage on failure.
func (s *OrdersService) Update(ctx context.Context, req OrderUpdateRequest, opts ...CallOption) (*OrderUpdateResponse, error) {
	return call[OrderUpdateResponse](ctx, s.c, "Order/Update", &req, opts)
}

// OrderUnstackRequest holds the parameters of Order/Unstack.
type OrderUnstackRequest struct {
	// AccountNumber is the account the order is on. Required.
	AccountNumber string
	// OrderNumber is the order with the stacked plan. Required.
	OrderNumber string
	// StackedPlanID is the stacked plan to apply now. Required.
	StackedPlanID string
}

// OrderUnstackResponse is the answer of Order/Unstack. The reference gives no
// sample; it is read like the other order actions.
type OrderUnstackResponse struct {
	Meta
	// Order gives what the answer carries of the order (its number, status
	// and new expiration date, when present).
	Order OrderResult `tc:"order"`
}

// Unstack applies a stacked plan to an order at once and makes it active
// (Order/Unstack).
func (s *OrdersService) Unstack(ctx context.Context, req OrderUnstackRequest, opts ...CallOption) (*OrderUnstackResponse, error) {
	return call[OrderUnstackResponse](ctx, s.c, "Order/Unstack", &req, opts)
}

// UsageMode says how Order/ReportUsage counts the reported units.
type UsageMode string

// The usage modes.
const (
	// UsageAdditive adds the units to the existing total.
	UsageAdditive UsageMode = "additive"
	// UsageCumulative makes the units the entire total.
	UsageCumulative UsageMode = "cumulative"
)

// OrderReportUsageRequest holds the parameters of Order/ReportUsage.
type OrderReportUsageRequest struct {
	// AccountNumber is the account the order is on. Required.
	AccountNumber string
	// ComponentID is the usage component the usage is for. Required.
	ComponentID string
	// OrderNumber is the order the usage is reported for. Required.
	OrderNumber string
	// Units is the number of units reported (a pointer, as 0 is a valid
	// cumulative total). Required.
	Units *int
	// Mode is additive (the units are added to the total) or cumulative (the
	// units are the whole total).
	Mode UsageMode
}

func (r *OrderReportUsageRequest) validate() error {
	if r.Units != nil && *r.Units < 0 {
		return invalidField("Units", "units", "must not be negative")
	}
	switch r.Mode {
	case "", UsageAdditive, UsageCumulative:
	default:
		return invalidField("Mode", "type", "must be additive or cumulative")
	}
	return nil
}

// OrderReportUsageResponse is the answer of Order/ReportUsage.
type OrderReportUsageResponse struct {
	Meta
	// Order gives the order number and the component totals.
	Order OrderResult `tc:"order"`
}

// ReportUsage reports usage of a product component on an active order
// (Order/ReportUsage).
func (s *OrdersService) ReportUsage(ctx context.Context, req OrderReportUsageRequest, opts ...CallOption) (*OrderReportUsageResponse, error) {
	return call[OrderReportUsageResponse](ctx, s.c, "Order/ReportUsage", &req, opts)
}
