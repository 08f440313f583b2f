package octane

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ispkit/ispkit/internal/transport"
)

// Layer names the wire layer a call went over.
type Layer string

// The two layers of the Octane API.
const (
	SOAP Layer = "SOAP"
	REST Layer = "REST"
)

// Sentinels for the common conditions, for errors.Is. Octane documents no
// error codes, so the ones that come from the server are recognised by HTTP
// status, by SOAP Fault, by the operation and by the wording of the message
// (see Error.Is); those raised by this package are exact.
var (
	// ErrAuthFailed: the server refused the user name or password (HTTP 401 or
	// 403, or a Fault or message about the login).
	ErrAuthFailed = errors.New("octane: authentication failed")
	// ErrPoolNotEmpty: a pool with consumers cannot be disconnected.
	ErrPoolNotEmpty = errors.New("octane: data pool still has consumers")
	// ErrUnknownOrder: no order has that id.
	ErrUnknownOrder = errors.New("octane: unknown order")
	// ErrUnknownService: no service has that number (or line sequence number)
	// for the customer.
	ErrUnknownService = errors.New("octane: unknown service")
	// ErrUnknownPool: no data pool at that customer and line sequence number,
	// or the target of a transfer does not exist.
	ErrUnknownPool = errors.New("octane: unknown data pool")
	// ErrFault: the server answered with a SOAP Fault.
	ErrFault = errors.New("octane: SOAP fault")
	// ErrOrderFailed: an order ended FAILED or REJECTED (see
	// [OrdersService.Wait]).
	ErrOrderFailed = errors.New("octane: order failed")
	// ErrLimitRequired: a consumer data limit cannot be removed, only raised or
	// lowered; zero is refused.
	ErrLimitRequired = errors.New("octane: a data limit cannot be removed")
	// ErrInvalidInput: the call was rejected before sending, by local validation.
	ErrInvalidInput = errors.New("octane: invalid input")
	// ErrBadResponse: the server's answer could not be understood (an HTML
	// page, XML or JSON that does not decode, a Fault without text, an
	// unexpected status) or could not be used: cut short, over the size cap
	// (ErrResponseTooLarge), or a redirect that was not followed.
	ErrBadResponse = errors.New("octane: unexpected response")
	// ErrResponseTooLarge: the answer exceeded the cap set with
	// WithMaxResponseSize; raise it knowingly. It matches ErrBadResponse too.
	ErrResponseTooLarge = errors.New("octane: response too large")
)

// Error is every failure of an Octane call. Its text names the layer and the
// operation, the server's error code and message, the HTTP status and the
// order id where there is one, and never contains a credential.
type Error struct {
	// Layer is SOAP or REST.
	Layer Layer
	// Op is the operation: the SOAP operation ("orderCreate") or the REST
	// method and path ("POST /v1/datapool/disconnect"), or a helper's name
	// ("Orders.Wait", "Pools.Disconnect").
	Op string
	// HTTPStatus is the status of the answer whenever one arrived (a
	// redirect, a body cut short or over the cap included; for a refused
	// order in a bulk answer, that answer's); 0 when none did. The errors
	// of the waits and rules (no Layer) carry 0, but for a wait ended by
	// its context, which repeats its last poll's status.
	HTTPStatus int
	// RequestID is the vendor's correlation id of the call. Octane documents
	// no request id; this is always empty until it does.
	RequestID string
	// RetryAfter is the server's Retry-After on a 429 or 503, 0 when none;
	// a call that was not sent again tells the caller when to try.
	RetryAfter time.Duration
	// Code is Octane's errorCode, 0 when the server sent none.
	Code int
	// Message is the server's errorMessage, faultstring or failed order's text.
	Message string
	// FaultCode is the SOAP faultcode of a Fault ("S:Client").
	FaultCode string
	// OrderID is the order concerned, when there is one.
	OrderID string
	// Body is a redacted excerpt of an answer that could not be understood.
	Body string
	// Err is the cause: the connection, the context, a sentinel, a decoding error.
	Err error

	// refused marks the server's own refusal (an errorCode, a Fault, a failed
	// order entry): the only errors whose wording Is reads.
	refused bool
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("octane: ")
	if e.Layer != "" {
		b.WriteString(string(e.Layer))
		b.WriteByte(' ')
	}
	b.WriteString(e.Op)
	b.WriteString(": ")
	switch {
	case e.FaultCode != "":
		b.WriteString("SOAP fault ")
		b.WriteString(e.FaultCode)
		if e.Message != "" {
			fmt.Fprintf(&b, " (%s)", e.Message)
		}
	case e.Code != 0:
		b.WriteString("errorCode ")
		b.WriteString(strconv.Itoa(e.Code))
		if e.Message != "" {
			fmt.Fprintf(&b, " (%s)", e.Message)
		}
	case e.Message != "":
		b.WriteString(e.Message)
		if e.Err != nil {
			fmt.Fprintf(&b, " (%v)", e.Err)
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
	if e.RetryAfter > 0 {
		meta = append(meta, "retry after "+e.RetryAfter.String())
	}
	if e.OrderID != "" {
		meta = append(meta, "order "+e.OrderID)
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

// Is recognises the sentinels. Octane documents no error codes, so besides
// the exact causes this package sets, it reads:
//   - ErrAuthFailed: HTTP 401/403, or a Fault or message about the login,
//     password, credentials or authentication;
//   - ErrFault: any SOAP Fault;
//   - ErrBadResponse: an answer cut short, over the size cap or a redirect
//     not followed (besides the undecodable answers, whose cause it is);
//   - ErrResponseTooLarge: an answer over the size cap;
//   - ErrUnknownOrder / ErrUnknownService / ErrUnknownPool: a "not found" or
//     "does not exist" message from an order, service-detail or pool call;
//   - ErrPoolNotEmpty: a refused disconnect whose message mentions consumers;
//   - ErrLimitRequired: a refused limit change whose message says "removed".
func (e *Error) Is(target error) bool {
	switch target {
	case ErrAuthFailed:
		return e.HTTPStatus == 401 || e.HTTPStatus == 403 || ((e.FaultCode != "" || e.Code != 0) && mentionsAuth(e.Message))
	case ErrFault:
		return e.FaultCode != ""
	case ErrBadResponse:
		// An answer the transport could not use; an undecodable one has
		// ErrBadResponse as its cause.
		return transport.IsBadResponse(e.Err)
	case ErrResponseTooLarge:
		return errors.Is(e.Err, transport.ErrResponseTooLarge)
	}
	if e.Code == 0 && e.FaultCode == "" && !e.refused {
		return false
	}
	msg := strings.ToLower(e.Message)
	notFound := strings.Contains(msg, "not found") || strings.Contains(msg, "does not exist") || strings.Contains(msg, "unknown")
	switch target {
	case ErrUnknownOrder:
		return notFound && (strings.HasPrefix(e.Op, "order") && strings.Contains(msg, "order"))
	case ErrUnknownService:
		return notFound && strings.Contains(msg, "service")
	case ErrUnknownPool:
		return notFound && strings.Contains(msg, "pool")
	case ErrPoolNotEmpty:
		return strings.HasSuffix(e.Op, pathDisconnect) && strings.Contains(msg, "consumer")
	case ErrLimitRequired:
		return strings.HasSuffix(e.Op, pathModifyLimit) && strings.Contains(msg, "remove")
	}
	return false
}

func mentionsAuth(msg string) bool {
	m := strings.ToLower(msg)
	for _, w := range []string{"authenticat", "login", "password", "credential", "unauthori"} {
		if strings.Contains(m, w) {
			return true
		}
	}
	return false
}

// ValidationError reports input rejected before anything was sent.
type ValidationError struct {
	Op     string
	Field  string
	Reason string
	// Err is a more specific sentinel (ErrLimitRequired), or nil.
	Err error
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("octane: %s: invalid %s: %s", e.Op, e.Field, e.Reason)
}

// Is makes every ValidationError match ErrInvalidInput.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalidInput }

// Unwrap returns the more specific sentinel, if any.
func (e *ValidationError) Unwrap() error { return e.Err }

func invalid(op, field, format string, args ...any) error {
	return &ValidationError{Op: op, Field: field, Reason: fmt.Sprintf(format, args...)}
}
