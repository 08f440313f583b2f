package baicells

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ispkit/ispkit/internal/transport"
)

// ResultCode is a BOSS result_code. The documented codes are the Code*
// constants. A ResultCode is also an error, so any code can be tested directly:
//
//	errors.Is(err, baicells.CodeIMSIInUse)
type ResultCode int

// Message returns the documented message of Table 1-1, or "" for an undocumented code.
func (c ResultCode) Message() string { return codeMessages[c] }

// Documented reports whether c is one of the 58 codes of Table 1-1.
func (c ResultCode) Documented() bool { _, ok := codeMessages[c]; return ok }

// String returns "4302 IMSI has been used".
func (c ResultCode) String() string {
	if m := c.Message(); m != "" {
		return strconv.Itoa(int(c)) + " " + m
	}
	return strconv.Itoa(int(c))
}

// Error makes a ResultCode an error, usable as an errors.Is target and as
// an error itself.
func (c ResultCode) Error() string { return "baicells: result_code " + c.String() }

// Is reports whether target is the sentinel that covers c (4001 and 4005
// are ErrSubscriberExists …), so that errors.Is(code, sentinel) holds as it
// does for an *Error carrying the code. A code matches itself by equality;
// it matches no other code and no unrelated sentinel.
func (c ResultCode) Is(target error) bool {
	s, ok := sentinels[c]
	return ok && s == target
}

// Sentinels for the common conditions; several codes may map to one sentinel.
// Use them with errors.Is. Every failure of a call is an *Error, so errors.As
// gives the details.
var (
	// ErrSubscriberNotFound: 4002, and 4011 in bulk calls.
	ErrSubscriberNotFound = errors.New("baicells: subscriber not found")
	// ErrSubscriberExists: 4001 (sub_id conflict) and 4005.
	ErrSubscriberExists = errors.New("baicells: subscriber already exists")
	// ErrIMSIInUse: 4302, the IMSI is bound to another subscriber.
	ErrIMSIInUse = errors.New("baicells: IMSI already in use")
	// ErrAlreadyBound: 4006 (a plan) and 4007 (an IMSI) are already bound.
	ErrAlreadyBound = errors.New("baicells: already bound")
	// ErrNotBound: 4003 and 4004, activation without an IMSI or a plan.
	ErrNotBound = errors.New("baicells: IMSI or service plan not bound")
	// ErrMustDeactivate: 4303, unbinding an IMSI from an active subscriber.
	ErrMustDeactivate = errors.New("baicells: subscriber must be deactivated first")
	// ErrPlanNotFound: 4202.
	ErrPlanNotFound = errors.New("baicells: service plan not found")
	// ErrPlanExists: 4201.
	ErrPlanExists = errors.New("baicells: service plan already exists")
	// ErrWrongCloudKey: 4009 and 4207, the object belongs to another cloud key.
	ErrWrongCloudKey = errors.New("baicells: object does not belong to this cloud_key")
	// ErrUnauthorized: 5002–5005, the cloud key or the user credentials are refused.
	ErrUnauthorized = errors.New("baicells: unauthorized")
	// ErrTooMany: 4012 and 4503, a batch over the server's limit.
	ErrTooMany = errors.New("baicells: too many records in one call")
	// ErrTimeRange: 4703–4705, a usage query's time range is refused.
	ErrTimeRange = errors.New("baicells: invalid time range")
	// ErrSystem: 5001.
	ErrSystem = errors.New("baicells: system error")
	// ErrInvalidInput: the call was rejected before sending, by local validation.
	ErrInvalidInput = errors.New("baicells: invalid input")
	// ErrBadResponse: the server's answer could not be understood (not JSON,
	// a result_code that is not a number, an HTML error page, an unexpected
	// status), or could not be used: cut short, over the size cap, or a
	// redirect, which is never followed for a POST.
	ErrBadResponse = errors.New("baicells: unexpected response")
	// ErrResponseTooLarge: the answer exceeded the cap set with
	// WithMaxResponseSize; raise it knowingly. It matches ErrBadResponse too.
	ErrResponseTooLarge = errors.New("baicells: response too large")
)

// sentinels maps each code to the sentinel that covers it. It is the one
// table behind both ResultCode.Is and Error.Is.
var sentinels = map[ResultCode]error{
	CodeSubscriberNotFound:         ErrSubscriberNotFound,
	CodeSubscribersNotReady:        ErrSubscriberNotFound,
	CodeSubIDConflict:              ErrSubscriberExists,
	CodeSubscriberExists:           ErrSubscriberExists,
	CodeIMSIInUse:                  ErrIMSIInUse,
	CodePlanAlreadyBound:           ErrAlreadyBound,
	CodeIMSIAlreadyBound:           ErrAlreadyBound,
	CodeIMSINotBound:               ErrNotBound,
	CodePlanNotBound:               ErrNotBound,
	CodeDeactivateBeforeUnbind:     ErrMustDeactivate,
	CodePlanNotFound:               ErrPlanNotFound,
	CodePlanIDConflict:             ErrPlanExists,
	CodeSubscriberCloudKeyMismatch: ErrWrongCloudKey,
	CodePlanCloudKeyMismatch:       ErrWrongCloudKey,
	CodeCloudKeyRequired:           ErrUnauthorized,
	CodeCloudKeyUnknown:            ErrUnauthorized,
	CodeBadCredentials:             ErrUnauthorized,
	CodeUserCloudKeyMismatch:       ErrUnauthorized,
	CodeTooManySubscribers:         ErrTooMany,
	CodeBulkLimitExceeded:          ErrTooMany,
	CodeTimeFormat:                 ErrTimeRange,
	CodeHourlyRangeTooLong:         ErrTimeRange,
	CodeCDRRangeTooLong:            ErrTimeRange,
	CodeSystemError:                ErrSystem,
}

// Error is every failure of a BOSS call. Its text names the operation, the
// result code and message, the HTTP status and the session_id (RequestID),
// and never contains a credential.
type Error struct {
	// Op is the method that failed, e.g. "Subscribers.BindIMSI".
	Op string
	// HTTPStatus is the status of the answer whenever one arrived (a redirect
	// and a body over the cap or cut short included), 0 when none did.
	HTTPStatus int
	// Code is the BOSS result_code, 0 when the server sent none.
	Code ResultCode
	// Message is the server's message (its wording differs from Table 1-1 at times).
	Message string
	// RequestID is the BOSS session_id of the call (the one the answer
	// echoed when it held one, else the one sent), for correlation with BOSS
	// logs. It is set with [WithSessionID] or generated per call.
	RequestID string
	// Body is a scrubbed excerpt of a body that was not a BOSS answer.
	Body string
	// RetryAfter is the server's Retry-After on a 429 or 503, 0 when none; a
	// call that was not sent again tells the caller when to try.
	RetryAfter time.Duration
	// Err is the cause for failures without a result code: the connection, the
	// context, a redirect, a body that does not decode.
	Err error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("baicells: ")
	b.WriteString(e.Op)
	b.WriteString(": ")
	switch {
	case e.Code != 0:
		b.WriteString("result_code ")
		b.WriteString(strconv.Itoa(int(e.Code)))
		msg := e.Message
		if msg == "" {
			msg = e.Code.Message()
		}
		if msg != "" {
			fmt.Fprintf(&b, " (%s)", msg)
		}
	case e.Err != nil:
		b.WriteString(e.Err.Error())
	default:
		b.WriteString("unexpected response")
	}
	var meta []string
	if e.HTTPStatus != 0 {
		meta = append(meta, "HTTP "+strconv.Itoa(e.HTTPStatus))
	}
	if e.RequestID != "" {
		meta = append(meta, "session_id "+e.RequestID)
	}
	if len(meta) > 0 {
		b.WriteString(" [")
		b.WriteString(strings.Join(meta, ", "))
		b.WriteString("]")
	}
	if e.Body != "" {
		b.WriteString(": body: ")
		b.WriteString(e.Body)
	}
	return b.String()
}

// Unwrap returns the cause, if any.
func (e *Error) Unwrap() error { return e.Err }

// Is matches the sentinel of e's code, the code itself (a ResultCode target),
// ErrBadResponse for answers that carried no result code (those cut short,
// over the cap or redirected included), and ErrResponseTooLarge.
func (e *Error) Is(target error) bool {
	switch t := target.(type) {
	case ResultCode:
		return e.Code != 0 && e.Code == t
	}
	if e.Code != 0 {
		return e.Code.Is(target)
	}
	switch target {
	case ErrBadResponse:
		return e.HTTPStatus != 0 || transport.IsBadResponse(e.Err)
	case ErrResponseTooLarge:
		return errors.Is(e.Err, transport.ErrResponseTooLarge)
	}
	return false
}

// ValidationError reports input rejected before anything was sent. It
// matches ErrInvalidInput under errors.Is.
type ValidationError struct {
	// Op is the method (or option) that refused the input, e.g. "Subscribers.Create".
	Op string
	// Field names the refused input, e.g. "Profile.ID".
	Field string
	// Reason says what is wrong with it.
	Reason string
	// Err is the underlying cause, if any (e.g. a context error for a nil
	// or ended context); nil for most validation failures.
	Err error
}

func (e *ValidationError) Error() string {
	s := fmt.Sprintf("baicells: %s: invalid %s: %s", e.Op, e.Field, e.Reason)
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the cause, if any.
func (e *ValidationError) Unwrap() error { return e.Err }

// Is makes every ValidationError match ErrInvalidInput.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalidInput }

func invalid(op, field, format string, args ...any) error {
	return &ValidationError{Op: op, Field: field, Reason: fmt.Sprintf(format, args...)}
}
