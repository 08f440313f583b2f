package telecloud

import (
	"context"
	"errors"
	"strings"
	"time"
)

// The client's default pauses between the polls of [OrdersService.Wait]:
// the first pause is DefaultPollMin, doubling up to DefaultPollMax. Change
// them for a client with [WithPollInterval], for one wait with WaitOptions.
const (
	DefaultPollMin = 2 * time.Second
	DefaultPollMax = 30 * time.Second
)

// WithPollInterval sets the client's default pauses of [OrdersService.Wait]:
// the first pause is min, doubling up to max. A zero value keeps the
// package's default (DefaultPollMin, DefaultPollMax). New refuses a negative
// value, or a max shorter than min when both are set.
func WithPollInterval(min, max time.Duration) Option {
	return func(s *settings) error {
		if err := checkPoll("New", "WithPollInterval", min, max); err != nil {
			return err
		}
		s.pollMin, s.pollMax = min, max
		return nil
	}
}

// checkPoll refuses negative pauses and a maximum shorter than the minimum.
func checkPoll(op, field string, min, max time.Duration) error {
	switch {
	case min < 0 || max < 0:
		return &ValidationError{Op: op, Field: field, Reason: "a pause is negative"}
	case min > 0 && max > 0 && max < min:
		return &ValidationError{Op: op, Field: field, Reason: "MaxInterval is shorter than MinInterval"}
	}
	return nil
}

// WaitOptions tune one [OrdersService.Wait]. nil, or a zero field, means the
// client's default (see [WithPollInterval]; DefaultPollMin and
// DefaultPollMax unless set).
type WaitOptions struct {
	// MinInterval is the first pause; each following pause doubles, up to
	// MaxInterval.
	MinInterval time.Duration
	// MaxInterval caps the pause.
	MaxInterval time.Duration
	// AccountNumber narrows the searches to one customer account (optional).
	AccountNumber string
}

// ErrOrderNotFound: the Order/Search of [OrdersService.Wait] does not list
// the order.
var ErrOrderNotFound = errors.New("telecloud: order not found")

// Wait polls Order/Search with backoff until the order numbered id leaves
// PENDING, and returns it. Provisioning runs through the product group's
// modules after Order/Create answered, so an order may come back PENDING and
// turn ACTIVE (or FAILED) later. The first pause is opts.MinInterval,
// doubling up to opts.MaxInterval (the client's defaults where nil or zero).
// Negative pauses, or a MaxInterval shorter than MinInterval, are a
// *ValidationError and nothing is sent.
//
// A FAILED order is returned together with an *Error matching ErrOrderFailed,
// whose Message is the failure's text: the order's own <error> element when
// Order/Search gives one, else the error of the order's failed transaction
// (Transaction/Search). Both element names are inferred. When ctx ends first,
// the last order seen is returned with an *Error matching ctx's error
// (context.DeadlineExceeded or context.Canceled). The texts these errors
// take from the answers (messages, trans_ids) are scrubbed of the API keys,
// the only secrets Order/Search and Transaction/Search send, then cut.
func (s *OrdersService) Wait(ctx context.Context, id string, opts *WaitOptions) (*Order, error) {
	c := s.c
	const op = "Order/Wait"
	if ctx == nil {
		return nil, errNilContext(op)
	}
	if strings.TrimSpace(id) == "" {
		return nil, &ValidationError{Op: op, Field: "id", Reason: "is empty"}
	}
	var o WaitOptions
	if opts != nil {
		o = *opts
	}
	if err := checkPoll(op, "WaitOptions", o.MinInterval, o.MaxInterval); err != nil {
		return nil, err
	}
	if o.MinInterval == 0 {
		o.MinInterval = c.pollMin
	}
	if o.MaxInterval == 0 {
		o.MaxInterval = c.pollMax
	}
	o.MaxInterval = max(o.MaxInterval, o.MinInterval)
	pause := o.MinInterval
	var last *Order
	for {
		found, err := c.findOrder(ctx, id, o.AccountNumber)
		if err != nil {
			return last, err
		}
		last = found
		if !found.Status.Pending() {
			if strings.EqualFold(string(found.Status), string(OrderFailed)) {
				return found, c.orderFailure(ctx, found)
			}
			return found, nil
		}
		t := time.NewTimer(pause)
		select {
		case <-ctx.Done():
			t.Stop()
			return last, &Error{Op: "Order/Search",
				Message: "order " + id + " still PENDING: " + ctx.Err().Error(), Err: ctx.Err()}
		case <-t.C:
		}
		pause = min(pause*2, o.MaxInterval)
	}
}

func (c *Client) findOrder(ctx context.Context, number, account string) (*Order, error) {
	res, err := c.Orders.Search(ctx, OrderSearchRequest{OrderNumber: number, AccountNumber: account})
	if err != nil {
		return nil, err
	}
	for i := range res.Orders {
		if res.Orders[i].OrderNumber == number {
			return &res.Orders[i], nil
		}
	}
	return nil, &Error{Op: "Order/Search", RequestID: c.answerText(res.TransID, transIDLen),
		Message: "order " + number + " is not listed", Err: ErrOrderNotFound}
}

// orderFailure builds the error of a FAILED order, with the vendor's text.
func (c *Client) orderFailure(ctx context.Context, o *Order) error {
	e := &Error{Op: "Order/Create", Err: ErrOrderFailed, Message: o.Error}
	// The order's own failure is its Order/Create transaction; later calls
	// on the failed order (a refused Cancel) are FAILED transactions too.
	if tx, err := c.Transactions.Search(ctx, TransactionSearchRequest{OrderNumber: o.OrderNumber, Service: "Order/Create"}); err == nil {
		for _, t := range tx.Transactions {
			if t.Status.Failed() && (t.Service == "" || t.Service == "Order/Create") {
				e.RequestID = c.answerText(t.TransID, transIDLen)
				if e.Message == "" {
					e.Message = t.Error
				}
				break
			}
		}
	}
	if e.Message == "" {
		e.Message = "order " + o.OrderNumber + " FAILED (no error text given)"
	} else {
		e.Message = "order " + o.OrderNumber + " FAILED: " + c.answerText(e.Message, messageLen)
	}
	return e
}

// answerText is a text of an answer of a call that sent no secret but the
// keys, for an error: scrubbed of the keys, then cut to n bytes.
func (c *Client) answerText(s string, n int) string {
	if s == "" {
		return ""
	}
	return c.t.Scrubber().Excerpt([]byte(s), n)
}
