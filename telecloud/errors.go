package telecloud

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ispkit/ispkit/internal/transport"
)

// Sentinels for errors.Is. Every failure of a call is an *Error or a
// *ValidationError, so errors.As gives the details.
var (
	// ErrVendor: TeleCloud answered with its error envelope
	// (<telecloud trans_id="…"><error>…</error></telecloud>). The reference
	// documents no error codes: Error.Message is the vendor's text.
	ErrVendor = errors.New("telecloud: refused by TeleCloud")
	// ErrHTTPStatus: the server answered with an HTTP status other than 200
	// and no error envelope.
	ErrHTTPStatus = errors.New("telecloud: unexpected HTTP status")
	// ErrBadResponse: the answer could not be used: an HTML page, malformed
	// XML or JSON, a value of the wrong kind, a body cut short or larger than
	// the cap (see ErrResponseTooLarge), or a redirect that was not followed.
	ErrBadResponse = errors.New("telecloud: unexpected response")
	// ErrResponseTooLarge: the answer exceeded the cap set with
	// WithMaxResponseSize; raise it knowingly. Such an error matches
	// ErrBadResponse too.
	ErrResponseTooLarge = errors.New("telecloud: response too large")
	// ErrOrderFailed: [OrdersService.Wait] saw the order FAILED.
	ErrOrderFailed = errors.New("telecloud: order failed")
	// ErrInvalidInput: the call was refused before anything was sent.
	ErrInvalidInput = errors.New("telecloud: invalid input")
)

// Error is a failed call.
type Error struct {
	// Op names the call as "Service/Method", e.g. "Customer/Create".
	Op string
	// RequestID is the vendor's correlation id of the call: the trans_id
	// attribute of TeleCloud's answer, when it gave one;
	// [TransactionsService.Search] looks it up (failed non-Search calls are
	// recorded). A successful answer carries it as Meta.TransID.
	RequestID string
	// Message is the vendor's error text (secrets removed).
	Message string
	// HTTPStatus is the status of the answer whenever one arrived (a
	// redirect that was not followed, a body cut short or over the cap
	// included); 0 means no answer arrived (a connection failure, the
	// context ending before the answer).
	HTTPStatus int
	// RetryAfter is the server's Retry-After on a 429 or 503, 0 when none;
	// a call that was not sent again tells the caller when to try.
	RetryAfter time.Duration
	// Body is a capped, redacted excerpt of an answer that could not be read.
	Body string
	// Err is the sentinel (ErrVendor, ErrHTTPStatus, ErrBadResponse,
	// ErrOrderFailed) or the transport's error.
	Err error
}

// Error writes "telecloud: Customer/Create (trans_id 3123860): A full dollar amount …".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("telecloud: ")
	b.WriteString(e.Op)
	if e.RequestID != "" {
		b.WriteString(" (trans_id ")
		b.WriteString(e.RequestID)
		b.WriteString(")")
	}
	if e.Op != "" || e.RequestID != "" {
		b.WriteString(": ")
	}
	switch {
	case e.Message != "":
		b.WriteString(e.Message)
	case e.Err != nil:
		b.WriteString(strings.TrimPrefix(e.Err.Error(), "telecloud: "))
	default:
		b.WriteString("failed")
	}
	var te *transport.Error
	if e.HTTPStatus != 0 && e.HTTPStatus != 200 && !errors.As(e.Err, &te) { // a transport error names it
		b.WriteString(" (HTTP ")
		b.WriteString(strconv.Itoa(e.HTTPStatus))
		b.WriteString(")")
	}
	if e.Body != "" {
		b.WriteString("; body: ")
		b.WriteString(e.Body)
	}
	return b.String()
}

// Unwrap returns the sentinel or cause.
func (e *Error) Unwrap() error { return e.Err }

// Is matches ErrBadResponse for an answer the transport could not use (cut
// short, over the cap, a redirect not followed), and ErrResponseTooLarge for
// one over the cap.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrBadResponse:
		return transport.IsBadResponse(e.Err)
	case ErrResponseTooLarge:
		return errors.Is(e.Err, transport.ErrResponseTooLarge)
	}
	return false
}

// ValidationError reports input refused before anything was sent.
type ValidationError struct {
	// Op is "Service/Method".
	Op string
	// Field is the Go field of the request, Param its wire name (when known).
	Field, Param string
	Reason       string
	// Err is the cause, when the refusal has one (an option the transport
	// refused); nil otherwise. ValidationError matches ErrInvalidInput
	// whatever Err is.
	Err error
}

func (e *ValidationError) Error() string {
	name := e.Field
	if e.Param != "" && e.Field != "" {
		name = e.Field + " (" + e.Param + ")"
	} else if e.Param != "" {
		name = e.Param
	}
	if e.Op == "" {
		return fmt.Sprintf("telecloud: invalid %s: %s", name, e.Reason)
	}
	return fmt.Sprintf("telecloud: %s: invalid %s: %s", e.Op, name, e.Reason)
}

// Is makes every ValidationError match ErrInvalidInput.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalidInput }

// Unwrap returns the cause, if any.
func (e *ValidationError) Unwrap() error { return e.Err }

// invalidField builds a ValidationError; the op is filled in by the caller.
func invalidField(field, param, reason string) error {
	return &ValidationError{Field: field, Param: param, Reason: reason}
}

// invalidf builds a ValidationError for a Go field.
func invalidf(field, format string, args ...any) error {
	return &ValidationError{Field: field, Reason: fmt.Sprintf(format, args...)}
}
