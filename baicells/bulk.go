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

// SubscriberCreateRequest is one subscriber of BulkCreate: its profile and
// the IMSI to bind to it. (Create, which cannot bind an IMSI, takes the
// Profile alone.)
//
// Required: Profile.ID (sub_id, see ValidateSubID) and IMSI (see
// ValidateIMSI). The manual's field table (2.1.17) marks nothing required,
// but its example gives every record an IMSI and Table 1-1 has 4300 "IMSI
// field is required" for a record without one, so a record without an IMSI
// is refused before sending. Name, IDNumber, Phone, Email and Address are
// optional free text (valid UTF-8). Validate applies these rules.
type SubscriberCreateRequest struct {
	Profile
	IMSI string // required: 6 to 15 digits
}

// BulkCreated is a subscriber the server created.
type BulkCreated struct {
	SubID string
	IMSI  string
}

// BulkFailure is a record that was not processed, or may not have been.
//
// Err is never nil and works with errors.Is and errors.As:
//   - a record refused before sending (a malformed or empty sub_id or IMSI,
//     a repeat of an earlier record's sub_id or IMSI) has a *ValidationError
//     matching ErrInvalidInput, and Code 0: it was not sent;
//   - a record the server failed, alone (its fail_list entry) or with its
//     whole call, has an *Error with Op the bulk call, Code the result_code,
//     Message the server's text (scrubbed of secrets) and RequestID the
//     call's session_id; errors.Is(f.Err, sentinel) holds for the code's
//     sentinel (ErrIMSIInUse for 4302 …) and for the code itself;
//   - a call that failed without a code (a connection failure, the context
//     ending: the record may or may not have been applied), a record the
//     answer did not list, and a record whose result_code is not a number
//     have an *Error with Code 0 and the cause; the last two match
//     ErrBadResponse.
//
// Code and Message repeat the *Error's Code and Message (kept for
// compatibility): Code is 0 unless the server gave a code that is a number,
// and Message is "" unless the server gave a text; both are zero for a
// record refused before sending.
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
// run with bounded concurrency (manual 2.1.17, POST customers/bulkcreate).
//
// Each record needs a sub_id and an IMSI (see SubscriberCreateRequest). A
// record that fails these checks, or repeats the sub_id or IMSI of an
// earlier record that is sent, is not sent: it is reported in Failed with a
// *ValidationError (the first of the repeats is sent). The other records are
// sent. Per-record failures, local or from the server (4001, 4302 ...), are
// in Failed and are not an error; the error is non-nil when whole calls
// failed (their records are in Failed too) or ctx ended. A nil ctx or bad
// opts (BatchSize, Concurrency, PlanID) is an error and nothing is sent.
// opts may be nil: no plan is bound, and the batching defaults apply.
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
	// refused[i] is why subs[i] is not sent; send lists the records that are.
	refused := make([]*ValidationError, len(subs))
	send := make([]SubscriberCreateRequest, 0, len(subs))
	ids := make(map[string]int, len(subs))
	imsis := make(map[string]int, len(subs))
	// The field's name is built only for an error.
	field := func(i int, name string) string { return "subs[" + strconv.Itoa(i) + "]." + name }
	for i, sub := range subs {
		if e := sub.check(rt.op, field(i, "")); e != nil {
			refused[i] = e
			continue
		}
		if j, dup := ids[sub.ID]; dup {
			refused[i] = &ValidationError{Op: rt.op, Field: field(i, "ID"), Reason: fmt.Sprintf("%q repeats subs[%d], which is sent", sub.ID, j)}
			continue
		}
		if j, dup := imsis[sub.IMSI]; dup {
			refused[i] = &ValidationError{Op: rt.op, Field: field(i, "IMSI"), Reason: fmt.Sprintf("%q repeats subs[%d], which is sent", sub.IMSI, j)}
			continue
		}
		ids[sub.ID], imsis[sub.IMSI] = i, i
		send = append(send, sub)
	}

	batches := split(len(send), size)
	outs := make([]createBatch, len(batches))
	runBatches(ctx, len(batches), conc, func(ctx context.Context, b int) {
		subs := send[batches[b][0]:batches[b][1]]
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
			o := createBatch{err: err, records: make([]recordOutcome, len(subs))}
			for i, sub := range subs {
				o.records[i] = recordOutcome{failed: true, failure: failureFrom(sub.ID, sub.IMSI, err)}
			}
			outs[b] = o
			return
		}
		outs[b] = mergeBulkCreate(rt, sid, subs, resp, &out)
	})

	res := &BulkCreateResult{Batches: len(batches)}
	var errs []error
	for _, o := range outs {
		if o.err != nil {
			errs = append(errs, o.err)
		}
	}
	// Put the refused records back among the sent ones, in input order. The
	// sent records' outcomes are in send order: batch after batch.
	next := 0
	for i, sub := range subs {
		if refused[i] != nil {
			res.Failed = append(res.Failed, BulkFailure{SubID: sub.ID, IMSI: sub.IMSI, Err: refused[i]})
			continue
		}
		r := outs[next/size].records[next%size]
		next++
		if r.failed {
			res.Failed = append(res.Failed, r.failure)
		} else {
			res.Created = append(res.Created, BulkCreated{SubID: sub.ID, IMSI: sub.IMSI})
		}
	}
	return res, joinBatchErrors(errs)
}

// createBatch is the outcome of one bulk create call: one entry per record
// of the batch, in its order.
type createBatch struct {
	records []recordOutcome
	err     error
}

// recordOutcome is one record's outcome: created, or failed as failure says.
type recordOutcome struct {
	failed  bool
	failure BulkFailure
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
	// Every record's error starts from the call's: op, status, session_id
	// (the echoed one when the answer held it, as for a failed call).
	base := answerError(rt, sessionID, resp)
	if out.SessionID != "" {
		base.RequestID = resp.Scrub(string(out.SessionID))
	}
	o.records = make([]recordOutcome, len(subs))
	for i, sub := range subs {
		if f, bad := fail[sub.ID]; bad {
			bf := BulkFailure{SubID: sub.ID, IMSI: sub.IMSI, Message: resp.Scrub(string(f.ResultMessage))}
			e := *base
			e.Message = bf.Message
			if code, ok := parseCode(f.ResultCode); ok {
				bf.Code, e.Code = code, code
			} else {
				e.Err = fmt.Errorf("%w: fail_list result_code %s is not a number", ErrBadResponse, quoted(resp, string(f.ResultCode)))
			}
			bf.Err = &e
			o.records[i] = recordOutcome{failed: true, failure: bf}
			continue
		}
		if ok[sub.ID] {
			continue // created: the zero recordOutcome
		}
		e := *base
		e.Err = errNotReported
		o.records[i] = recordOutcome{failed: true, failure: BulkFailure{SubID: sub.ID, IMSI: sub.IMSI, Err: &e}}
	}
	return o
}

// errNotReported is the cause of a record the answer did not list; its
// *Error matches ErrBadResponse (an answer arrived and could not be used for
// this record). The record may or may not have been created.
var errNotReported = errors.New("the bulk answer did not list this record")

// BulkResult merges the batches of a bulk activate or deactivate. Every input
// sub_id is in exactly one of Succeeded and Failed, in input order.
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
// customers/bulkactivate), split into calls of at most 200. Each sub_id is
// required and must pass ValidateSubID; one that does not, or repeats an
// earlier sub_id, is not sent and is reported in Failed with a
// *ValidationError (the first of the repeats is sent). The others are sent.
// BOSS answers for a whole call, so a failed call fails every sub_id in it
// (4011 when one of them does not exist or lacks an IMSI or a plan), each
// with the call's *Error. Every input sub_id is in exactly one of Succeeded
// and Failed, in input order. A nil ctx or bad opts is an error and nothing
// is sent; opts may be nil.
func (s *SubscribersService) BulkActivate(ctx context.Context, subIDs []string, opts *BulkOptions) (*BulkResult, error) {
	return s.bulkIDs(ctx, routeBulkActivate, subIDs, opts)
}

// BulkDeactivate deactivates many subscribers (manual 2.1.11, POST
// customers/bulkdeactivate), split, checked and reported like BulkActivate.
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
	refused := make([]*ValidationError, len(subIDs))
	send := make([]string, 0, len(subIDs))
	seen := make(map[string]int, len(subIDs))
	for i, id := range subIDs {
		if r := idProblem(id); r != "" {
			refused[i] = &ValidationError{Op: rt.op, Field: "subIDs[" + strconv.Itoa(i) + "]", Reason: r}
			continue
		}
		if j, dup := seen[id]; dup {
			refused[i] = &ValidationError{Op: rt.op, Field: "subIDs[" + strconv.Itoa(i) + "]", Reason: fmt.Sprintf("%q repeats subIDs[%d], which is sent", id, j)}
			continue
		}
		seen[id] = i
		send = append(send, id)
	}
	batches := split(len(send), size)
	errs := make([]error, len(batches))
	runBatches(ctx, len(batches), conc, func(ctx context.Context, b int) {
		ids := send[batches[b][0]:batches[b][1]]
		sid := s.c.nextSessionID(ctx)
		if cerr := ctx.Err(); cerr != nil {
			errs[b] = &Error{Op: rt.op, RequestID: sid, Err: cerr} // not sent: ctx ended
		} else {
			errs[b] = s.c.call(ctx, rt, sid, &wireBulkIDs{SessionID: sid, Data: ids}, new(envelope))
		}
	})
	res := &BulkResult{Batches: len(batches)}
	var failed []error
	for _, err := range errs {
		if err != nil {
			failed = append(failed, err)
		}
	}
	next := 0
	for i, id := range subIDs {
		if refused[i] != nil {
			res.Failed = append(res.Failed, BulkFailure{SubID: id, Err: refused[i]})
			continue
		}
		err := errs[next/size]
		next++
		if err == nil {
			res.Succeeded = append(res.Succeeded, id)
		} else {
			res.Failed = append(res.Failed, failureFrom(id, "", err))
		}
	}
	return res, joinBatchErrors(failed)
}

// failureFrom reports a record of a call that failed as a whole: Err is the
// call's error, and Code and Message repeat its code and message if it had one.
func failureFrom(subID, imsi string, err error) BulkFailure {
	f := BulkFailure{SubID: subID, IMSI: imsi, Err: err}
	var e *Error
	if errors.As(err, &e) && e.Code != 0 {
		f.Code, f.Message = e.Code, e.Message
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
