package baicells

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"

	"github.com/ispkit/ispkit/internal/transport"
)

// MaxBatch is the most records BOSS takes in one bulk call (code 4503).
const MaxBatch = 200

// DefaultBulkConcurrency is how many bulk calls run at once by default.
const DefaultBulkConcurrency = 4

// SubscriberCreateRequest is one subscriber of BulkCreate: its profile
// and, optionally, the IMSI to bind to it. (Create, which cannot bind an
// IMSI, takes the Profile alone.)
type SubscriberCreateRequest struct {
	Profile
	IMSI string
}

// BulkCreated is a subscriber the server created.
type BulkCreated struct {
	SubID string
	IMSI  string
}

// BulkFailure is a record that was not processed. Code is the server's
// result_code for the record (or for its whole batch) and Message its
// message, scrubbed of secrets. Err is set when there is no code: the batch
// failed without one (a connection failure, the context ending), in which
// case the record may or may not have been applied; the answer did not list
// the record; or the record's result_code was not a number (a *Error
// matching ErrBadResponse).
type BulkFailure struct {
	SubID   string
	IMSI    string // bulk create only
	Code    ResultCode
	Message string
	Err     error
}

// BulkCreateResult merges the answers of every batch. Every input record is in
// exactly one of Created and Failed, in input order.
type BulkCreateResult struct {
	Created []BulkCreated
	Failed  []BulkFailure
	// Batches is the number of calls made.
	Batches int
}

// BulkCreate creates any number of subscribers, split into calls of at most 200
// run with bounded concurrency (manual 2.1.17, POST customers/bulkcreate). The
// whole input is validated first: nothing is sent if one record is malformed
// or two records share a sub_id or IMSI. Per-record failures (4001, 4302 ...)
// are in Failed and are not an error; the error is non-nil when whole batches
// failed (their records are in Failed too) or ctx ended. opts may be nil:
// no plan is bound, and the batching defaults apply.
func (s *SubscribersService) BulkCreate(ctx context.Context, subs []SubscriberCreateRequest, opts *BulkOptions) (*BulkCreateResult, error) {
	rt := routeBulkCreate
	if err := checkCtx(ctx, rt.op); err != nil {
		return nil, err
	}
	var o BulkOptions
	if opts != nil {
		o = *opts
	}
	size, conc, err := batching(rt.op, o.BatchSize, o.Concurrency)
	if err != nil {
		return nil, err
	}
	if o.PlanID != "" {
		if err := checkID(rt.op, "PlanID", o.PlanID); err != nil {
			return nil, err
		}
	}
	ids := make(map[string]int, len(subs))
	imsis := make(map[string]int, len(subs))
	// The field's name is built only for an error.
	field := func(i int, name string) string { return "subs[" + strconv.Itoa(i) + "]." + name }
	for i, sub := range subs {
		if f, r := profileProblem(sub.Profile); r != "" {
			return nil, invalid(rt.op, field(i, f), "%s", r)
		}
		if r := imsiProblem(sub.IMSI); r != "" {
			return nil, invalid(rt.op, field(i, "IMSI"), "%s", r)
		}
		if j, dup := ids[sub.ID]; dup {
			return nil, invalid(rt.op, field(i, "ID"), "%q repeats subs[%d]", sub.ID, j)
		}
		if j, dup := imsis[sub.IMSI]; dup {
			return nil, invalid(rt.op, field(i, "IMSI"), "%q repeats subs[%d]", sub.IMSI, j)
		}
		ids[sub.ID], imsis[sub.IMSI] = i, i
	}

	batches := split(len(subs), size)
	outs := make([]createBatch, len(batches))
	runBatches(ctx, len(batches), conc, func(ctx context.Context, b int) {
		subs := subs[batches[b][0]:batches[b][1]]
		sid := s.c.nextSessionID(ctx)
		body := &wireBulkCreate{SessionID: sid, ServicePlanID: o.PlanID, SubList: make([]wireBulkSubscriber, len(subs))}
		for i, sub := range subs {
			body.SubList[i] = wireBulkSubscriber{
				SubID: sub.ID, SubName: sub.Name, IMSI: sub.IMSI, IDNum: sub.IDNumber,
				PhoneNumber: sub.Phone, Email: sub.Email, Address: sub.Address,
			}
		}
		var (
			out  wireBulkCreateResp
			resp *transport.Response
		)
		var err error
		if cerr := ctx.Err(); cerr != nil {
			err = &Error{Op: rt.op, RequestID: sid, Err: cerr} // not sent: ctx ended
		} else {
			resp, err = s.c.callResp(ctx, rt, sid, body, &out)
		}
		if err != nil {
			o := createBatch{err: err}
			for _, sub := range subs {
				o.failed = append(o.failed, failureFrom(sub.ID, sub.IMSI, err))
			}
			outs[b] = o
			return
		}
		outs[b] = mergeBulkCreate(rt, sid, subs, resp, &out)
	})

	res := &BulkCreateResult{Batches: len(batches)}
	var errs []error
	for _, o := range outs {
		res.Created = append(res.Created, o.created...)
		res.Failed = append(res.Failed, o.failed...)
		if o.err != nil {
			errs = append(errs, o.err)
		}
	}
	return res, joinBatchErrors(errs)
}

// createBatch is the outcome of one bulk create call.
type createBatch struct {
	created []BulkCreated
	failed  []BulkFailure
	err     error
}

// mergeBulkCreate maps the server's lists back onto the batch's records, in
// input order. A record the server did not mention is reported failed: the
// answer did not account for it. The server's texts are scrubbed with the
// call's scrubber.
func mergeBulkCreate(rt route, sessionID string, subs []SubscriberCreateRequest, resp *transport.Response, out *wireBulkCreateResp) (o createBatch) {
	ok := make(map[string]bool, len(out.SuccessList))
	for _, it := range out.SuccessList {
		ok[string(it.SubID)] = true
	}
	fail := make(map[string]wireBulkItem, len(out.FailList))
	for _, it := range out.FailList {
		fail[string(it.SubID)] = it
	}
	for _, sub := range subs {
		if f, bad := fail[sub.ID]; bad {
			bf := BulkFailure{SubID: sub.ID, IMSI: sub.IMSI, Message: resp.Scrub(string(f.ResultMessage))}
			if code, ok := parseCode(f.ResultCode); ok {
				bf.Code = code
			} else {
				e := answerError(rt, sessionID, resp)
				e.Message = bf.Message
				e.Err = fmt.Errorf("%w: fail_list result_code %s is not a number", ErrBadResponse, quoted(resp, string(f.ResultCode)))
				bf.Err = e
			}
			o.failed = append(o.failed, bf)
			continue
		}
		if ok[sub.ID] {
			o.created = append(o.created, BulkCreated{SubID: sub.ID, IMSI: sub.IMSI})
			continue
		}
		o.failed = append(o.failed, BulkFailure{SubID: sub.ID, IMSI: sub.IMSI, Err: errNotReported})
	}
	return o
}

var errNotReported = errors.New("baicells: the bulk answer did not list this record")

// BulkResult merges the batches of a bulk activate or deactivate.
type BulkResult struct {
	Succeeded []string
	Failed    []BulkFailure
	Batches   int
}

// BulkOptions tunes BulkCreate, BulkActivate and BulkDeactivate. A nil
// *BulkOptions, like a zero field, means the default.
type BulkOptions struct {
	// BatchSize is the records or sub_ids per call, 1..200; 0 means 200 (for
	// the activations the limit behind code 4012 is not documented; 200 is
	// assumed from 4503).
	BatchSize int
	// Concurrency is how many calls run at once; 0 means DefaultBulkConcurrency.
	Concurrency int
	// PlanID, BulkCreate only, is the service plan bound to every created
	// subscriber (service_plan_id); "" binds none. BulkActivate and
	// BulkDeactivate refuse it (a *ValidationError), having no plan to bind.
	PlanID string
}

// BulkActivate activates many subscribers (manual 2.1.10, POST
// customers/bulkactivate), split into calls of at most 200. BOSS answers for a
// whole call, so a failed call fails every sub_id in it.
func (s *SubscribersService) BulkActivate(ctx context.Context, subIDs []string, opts *BulkOptions) (*BulkResult, error) {
	return s.bulkIDs(ctx, routeBulkActivate, subIDs, opts)
}

// BulkDeactivate deactivates many subscribers (manual 2.1.11, POST
// customers/bulkdeactivate), split like BulkActivate.
func (s *SubscribersService) BulkDeactivate(ctx context.Context, subIDs []string, opts *BulkOptions) (*BulkResult, error) {
	return s.bulkIDs(ctx, routeBulkDeactivate, subIDs, opts)
}

func (s *SubscribersService) bulkIDs(ctx context.Context, rt route, subIDs []string, opts *BulkOptions) (*BulkResult, error) {
	if err := checkCtx(ctx, rt.op); err != nil {
		return nil, err
	}
	var o BulkOptions
	if opts != nil {
		o = *opts
	}
	if o.PlanID != "" {
		return nil, invalid(rt.op, "BulkOptions.PlanID", "is for BulkCreate only")
	}
	size, conc, err := batching(rt.op, o.BatchSize, o.Concurrency)
	if err != nil {
		return nil, err
	}
	seen := make(map[string]bool, len(subIDs))
	for i, id := range subIDs {
		if r := idProblem(id); r != "" {
			return nil, invalid(rt.op, "subIDs["+strconv.Itoa(i)+"]", "%s", r)
		}
		if seen[id] {
			return nil, invalid(rt.op, "subIDs["+strconv.Itoa(i)+"]", "%q is listed twice", id)
		}
		seen[id] = true
	}
	batches := split(len(subIDs), size)
	errs := make([]error, len(batches))
	runBatches(ctx, len(batches), conc, func(ctx context.Context, b int) {
		ids := subIDs[batches[b][0]:batches[b][1]]
		sid := s.c.nextSessionID(ctx)
		if cerr := ctx.Err(); cerr != nil {
			errs[b] = &Error{Op: rt.op, RequestID: sid, Err: cerr} // not sent: ctx ended
		} else {
			errs[b] = s.c.call(ctx, rt, sid, &wireBulkIDs{SessionID: sid, Data: ids}, new(envelope))
		}
	})
	res := &BulkResult{Batches: len(batches)}
	var failed []error
	for b, err := range errs {
		ids := subIDs[batches[b][0]:batches[b][1]]
		if err == nil {
			res.Succeeded = append(res.Succeeded, ids...)
			continue
		}
		failed = append(failed, err)
		for _, id := range ids {
			res.Failed = append(res.Failed, failureFrom(id, "", err))
		}
	}
	return res, joinBatchErrors(failed)
}

func failureFrom(subID, imsi string, err error) BulkFailure {
	f := BulkFailure{SubID: subID, IMSI: imsi, Err: err}
	var e *Error
	if errors.As(err, &e) && e.Code != 0 {
		f.Code, f.Message, f.Err = e.Code, e.Message, nil
	}
	return f
}

func batching(op string, size, conc int) (int, int, error) {
	if size == 0 {
		size = MaxBatch
	}
	if size < 1 || size > MaxBatch {
		return 0, 0, invalid(op, "BatchSize", "%d; must be 1..%d", size, MaxBatch)
	}
	if conc == 0 {
		conc = DefaultBulkConcurrency
	}
	if conc < 1 {
		return 0, 0, invalid(op, "Concurrency", "%d; must be positive", conc)
	}
	return size, conc, nil
}

// split returns [start, end) bounds of consecutive batches of at most size.
func split(n, size int) [][2]int {
	out := make([][2]int, 0, (n+size-1)/size)
	for i := 0; i < n; i += size {
		out = append(out, [2]int{i, min(i+size, n)})
	}
	return out
}

// runBatches runs fn for every batch index with at most conc running at once.
// fn checks ctx itself, so that batches not started when ctx ends are reported.
func runBatches(ctx context.Context, n, conc int, fn func(context.Context, int)) {
	if n == 1 || conc == 1 {
		for b := 0; b < n; b++ {
			fn(ctx, b)
		}
		return
	}
	sem := make(chan struct{}, conc)
	var wg sync.WaitGroup
	for b := 0; b < n; b++ {
		sem <- struct{}{}
		wg.Add(1)
		go func(b int) {
			defer func() { <-sem; wg.Done() }()
			fn(ctx, b)
		}(b)
	}
	wg.Wait()
}

func joinBatchErrors(errs []error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return errors.Join(errs...)
}
