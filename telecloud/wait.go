package telecloud

import (
	"context"
	"errors"
	"strings"
	"time"
)

// WaitOptions tune WaitForOrder. The zero value polls after 2 s, doubling the
// pause up to 30 s, until ctx ends.
type WaitOptions struct {
	// Interval is the first pause (default 2 s).
	Interval time.Duration
	// MaxInterval caps the pause (default 30 s).
	MaxInterval time.Duration
	// AccountNumber narrows the searches to one customer account (optional).
	AccountNumber string
}

// ErrOrderNotFound: WaitForOrder's Order/Search does not list the order.
var ErrOrderNotFound = errors.New("telecloud: order not found")

// WaitForOrder polls Order/Search with backoff until the order leaves
// PENDING, and returns it. Provisioning runs through the product group's
// modules after Order/Create answered, so an order may come back PENDING and
// turn ACTIVE (or FAILED) later.
//
// A FAILED order is returned together with an *Error matching ErrOrderFailed,
// whose Message is the failure's text: the order's own <error> element when
// Order/Search gives one, else the error of the order's failed transaction
// (Transaction/Search). Both element names are inferred. When ctx ends first,
// the last order seen is returned with an *Error matching ctx's error
// (context.DeadlineExceeded or context.Canceled). The texts these errors
// take from the answers (messages, trans_ids) are scrubbed of the API keys,
// the only secrets Order/Search and Transaction/Search send, then cut.
func (c *Client) WaitForOrder(ctx context.Context, orderNumber string, opts *WaitOptions) (*Order, error) {
	if ctx == nil {
		return nil, errNilContext("WaitForOrder")
	}
	if strings.TrimSpace(orderNumber) == "" {
		return nil, &ValidationError{Op: "WaitForOrder", Field: "orderNumber", Reason: "is empty"}
	}
	var o WaitOptions
	if opts != nil {
		o = *opts
	}
	if o.Interval <= 0 {
		o.Interval = 2 * time.Second
	}
	if o.MaxInterval <= 0 {
		o.MaxInterval = 30 * time.Second
	}
	o.MaxInterval = max(o.MaxInterval, o.Interval)
	pause := o.Interval
	var last *Order
	for {
		found, err := c.findOrder(ctx, orderNumber, o.AccountNumber)
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
				Message: "order " + orderNumber + " still PENDING: " + ctx.Err().Error(), Err: ctx.Err()}
		case <-t.C:
		}
		pause = min(pause*2, o.MaxInterval)
	}
}

func (c *Client) findOrder(ctx context.Context, number, account string) (*Order, error) {
	res, err := c.Orders.Search(ctx, &OrderSearchRequest{OrderNumber: number, AccountNumber: account})
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
	if tx, err := c.Transactions.Search(ctx, &TransactionSearchRequest{OrderNumber: o.OrderNumber, Service: "Order/Create"}); err == nil {
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
