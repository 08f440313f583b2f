package octane

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/ispkit/ispkit/internal/flex"
	"github.com/ispkit/ispkit/internal/transport"
)

// DataPoolsService is Octane's REST data-pool API: one method per endpoint,
// with input validation but without the flow's rules (Pools has those).
type DataPoolsService struct{ c *Client }

// PoolRef names a data pool in REST calls: the customer and the pool
// service's line sequence number.
type PoolRef struct {
	CustNo    string
	LineSeqNo string
}

func (r PoolRef) validate(op, field string) error {
	if err := checkID(op, field+".CustNo", r.CustNo); err != nil {
		return err
	}
	return checkID(op, field+".LineSeqNo", r.LineSeqNo)
}

// DataPool is a pool as the REST API reports it (steps 3 and 6).
type DataPool struct {
	PoolRef
	// ProviderID is the pool's id for adding and transferring consumers
	// (provider.memberId).
	ProviderID string
	// ServiceNumber is the pool's own service number, where the server sends it.
	ServiceNumber string
	Status        PoolStatus
	// MaxCap and Usage are the pool's cap and usage. The *Text fields keep the
	// server's words; a size that does not parse leaves the Size at 0.
	MaxCap     Size
	MaxCapText string
	Usage      Size
	UsageText  string
	// Consumers are the services in the pool, with their limits and usage.
	// The field names of this list are not documented [guess]: if the server
	// names them differently, the list is empty.
	Consumers []Consumer
}

// Consumer is a service in a pool.
type Consumer struct {
	ServiceNumber string
	LineSeqNo     string
	Status        PoolStatus
	// DataLimit is the consumer's cap; 0 (DataLimitText "") when none is set.
	DataLimit     Size
	DataLimitText string
	DataUsage     Size
	DataUsageText string
}

// Active reports a consumer that counts as in the pool: any status but
// OPTED-OUT.
func (c Consumer) Active() bool { return c.Status != PoolOptedOut }

// Get reads a pool (steps 3 and 6, GET /v1/datapool): its providerId, status,
// cap, usage, and its consumers with their limits and usage. Retried per the
// policy.
func (s *DataPoolsService) Get(ctx context.Context, ref PoolRef) (*DataPool, error) {
	op := http.MethodGet + " " + pathDataPool
	if err := ref.validate(op, "ref"); err != nil {
		return nil, err
	}
	q := url.Values{queryCustNo: {ref.CustNo}, queryLineSeqNo: {ref.LineSeqNo}}
	ans, resp, err := restCall[restPool](ctx, s.c, http.MethodGet, pathDataPool, q, nil)
	if err != nil {
		return nil, err
	}
	if ans.Provider == nil || strings.TrimSpace(string(ans.Provider.MemberID)) == "" {
		e := answerError(REST, op, resp)
		e.Message, e.Err = "the answer has no provider.memberId", fmt.Errorf("%w (%w)", ErrUnknownPool, ErrBadResponse)
		return nil, e
	}
	p := ans.Provider
	dp := &DataPool{
		PoolRef:       ref,
		ProviderID:    strings.TrimSpace(string(p.MemberID)),
		ServiceNumber: strings.TrimSpace(string(p.ServiceNumber)),
		Status:        PoolStatus(strings.TrimSpace(string(p.Status))),
	}
	dp.MaxCap, dp.MaxCapText = lenientSize(p.MaxCap)
	dp.Usage, dp.UsageText = lenientSize(p.Usage)
	dp.Consumers = make([]Consumer, 0, len(ans.Consumers))
	for _, rc := range ans.Consumers {
		c := Consumer{
			ServiceNumber: strings.TrimSpace(string(rc.ServiceNumber)),
			LineSeqNo:     strings.TrimSpace(string(rc.LineSeqNo)),
			Status:        PoolStatus(strings.TrimSpace(string(rc.Status))),
		}
		c.DataLimit, c.DataLimitText = lenientSize(rc.DataLimit)
		c.DataUsage, c.DataUsageText = lenientSize(rc.DataUsage)
		dp.Consumers = append(dp.Consumers, c)
	}
	return dp, nil
}

// lenientSize keeps the server's text and its size when it parses.
func lenientSize(f flex.String) (Size, string) {
	text := strings.TrimSpace(string(f))
	if text == "" {
		return 0, ""
	}
	n, err := ParseSize(text)
	if err != nil {
		return 0, text
	}
	return n, text
}

// TransferRequest moves services from one pool to another (step 5).
type TransferRequest struct {
	// From is the pool the services are in.
	From PoolRef
	// ToProviderID and ToLineSeqNo name the target pool, which must exist.
	ToProviderID string
	ToLineSeqNo  string
	// ServiceNumbers are the services to move.
	ServiceNumbers []string
}

// Transfer moves services to another pool (step 5, POST
// /v1/datapool/transfer), one order per service. It is not re-sent
// automatically. Pools.Transfer checks that the target exists first.
func (s *DataPoolsService) Transfer(ctx context.Context, r TransferRequest) ([]OrderResult, error) {
	op := http.MethodPost + " " + pathTransfer
	if err := r.From.validate(op, "From"); err != nil {
		return nil, err
	}
	if err := checkID(op, "ToProviderID", r.ToProviderID); err != nil {
		return nil, err
	}
	if err := checkID(op, "ToLineSeqNo", r.ToLineSeqNo); err != nil {
		return nil, err
	}
	if err := checkServiceNumbers(op, r.ServiceNumbers); err != nil {
		return nil, err
	}
	if r.ToLineSeqNo == r.From.LineSeqNo {
		return nil, invalid(op, "ToLineSeqNo", "is the pool the services are in")
	}
	body := restTransfer{
		CustNo: r.From.CustNo, LineSeqNo: r.From.LineSeqNo,
		NewProviderID: r.ToProviderID, NewProviderLineSeqNo: r.ToLineSeqNo,
		ServiceNumbers: r.ServiceNumbers,
	}
	ans, resp, err := restCall[restOrders](ctx, s.c, http.MethodPost, pathTransfer, nil, body)
	if err != nil {
		return nil, err
	}
	return s.c.orderDetails(op, resp, r.ServiceNumbers, ans.OrderDetails)
}

// ConsumerLimit is one consumer's new data limit (step 7).
type ConsumerLimit struct {
	// CustNo and LineSeqNo name the consumer service (its own line sequence
	// number, not the pool's).
	CustNo    string
	LineSeqNo string
	// Limit must be positive: a limit can be raised or lowered, never removed.
	Limit Size
}

// SetDataLimits sets consumers' data limits (step 7, POST
// /v1/datapool/modify-consumer-data-limit), sent in bytes [guess]. A zero or
// negative limit is refused before anything is sent (ErrLimitRequired): once
// set, a limit cannot be removed. Results come per consumer, named by
// LineSeqNo in OrderResult.ServiceNumber. Not re-sent automatically.
func (s *DataPoolsService) SetDataLimits(ctx context.Context, limits ...ConsumerLimit) ([]OrderResult, error) {
	op := http.MethodPost + " " + pathModifyLimit
	if len(limits) == 0 {
		return nil, invalid(op, "limits", "is empty")
	}
	body := restModifyLimits{ConsumerServices: make([]restConsumerLimit, len(limits))}
	keys := make([]string, len(limits))
	for i, l := range limits {
		field := fmt.Sprintf("limits[%d]", i)
		if err := checkID(op, field+".CustNo", l.CustNo); err != nil {
			return nil, err
		}
		if err := checkID(op, field+".LineSeqNo", l.LineSeqNo); err != nil {
			return nil, err
		}
		if err := checkLimit(op, field+".Limit", l.Limit); err != nil {
			return nil, err
		}
		body.ConsumerServices[i] = restConsumerLimit{CustNo: l.CustNo, LineSeqNo: l.LineSeqNo, DataLimit: int64(l.Limit)}
		keys[i] = l.LineSeqNo
	}
	ans, resp, err := restCall[restOrders](ctx, s.c, http.MethodPost, pathModifyLimit, nil, body)
	if err != nil {
		return nil, err
	}
	return s.c.orderDetails(op, resp, keys, ans.OrderDetails)
}

func checkLimit(op, field string, l Size) error {
	if l <= 0 {
		return &ValidationError{Op: op, Field: field, Reason: fmt.Sprintf("%d bytes: a data limit can be raised or lowered but never removed; give a positive size", int64(l)), Err: ErrLimitRequired}
	}
	return nil
}

// Disconnect disconnects a pool (step 9, POST /v1/datapool/disconnect) and
// returns the order id. The pool must be empty; Pools.Disconnect checks that
// first. Not re-sent automatically.
func (s *DataPoolsService) Disconnect(ctx context.Context, ref PoolRef) (orderID string, err error) {
	op := http.MethodPost + " " + pathDisconnect
	if err := ref.validate(op, "ref"); err != nil {
		return "", err
	}
	ans, resp, err := restCall[restDisconnect](ctx, s.c, http.MethodPost, pathDisconnect, nil, restPoolRef(ref))
	if err != nil {
		return "", err
	}
	id := strings.TrimSpace(string(ans.OrderID))
	if id == "" {
		e := answerError(REST, op, resp)
		e.Err = fmt.Errorf("%w: success without an orderId", ErrBadResponse)
		return "", e
	}
	return id, nil
}

// orderDetails pairs the answer's orderDetails with the request's keys: an
// entry naming a service (serviceNumber) takes that service's slot, the others
// take the free slots in order. Every slot ends with an order id or an error.
func (c *Client) orderDetails(op string, resp *transport.Response, keys []string, details []restOrderDetail) ([]OrderResult, error) {
	if len(details) != len(keys) {
		e := answerError(REST, op, resp)
		e.Err = fmt.Errorf("%w: %d orders asked for, %d orderDetails", ErrBadResponse, len(keys), len(details))
		return nil, e
	}
	out := make([]OrderResult, len(keys))
	filled := make([]bool, len(keys))
	slot := make([]int, len(details))
	for i, d := range details {
		slot[i] = -1
		if sn := strings.TrimSpace(string(d.ServiceNumber)); sn != "" {
			for k, key := range keys {
				if key == sn && !filled[k] {
					slot[i], filled[k] = k, true
					break
				}
			}
		}
	}
	next := 0
	for i := range details {
		if slot[i] >= 0 {
			continue
		}
		for filled[next] {
			next++
		}
		slot[i], filled[next] = next, true
	}
	for i, d := range details {
		r := &out[slot[i]]
		r.ServiceNumber = keys[slot[i]]
		r.OrderID = strings.TrimSpace(string(d.OrderID))
		switch {
		case d.Success != nil && !bool(*d.Success):
			msg := strings.TrimSpace(string(d.ErrorMessage))
			if msg == "" {
				msg = "success is false"
			}
			sc := c.scrubber(resp)
			e := answerError(REST, op, resp)
			e.OrderID, e.Message, e.refused = sc.Scrub(r.OrderID), sc.Scrub(msg), true
			r.Err = e
		case r.OrderID == "":
			e := answerError(REST, op, resp)
			e.Err = fmt.Errorf("%w: an orderDetails entry without an orderId", ErrBadResponse)
			r.Err = e
		}
	}
	return out, nil
}
