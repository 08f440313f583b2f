package alianza

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/ispkit/ispkit/internal/flex"
)

// Message keys Alianza puts in PublicApiException.messages that this package
// recognises (alianza-notes.md: "message keys seen in the field").
const (
	MessageExpiredAuthToken = "ExpiredAuthToken"
	MessageInvalidMAC       = "InvalidMacAddress"
	MessageSIPUsernameInUse = "SipUsernameInUse"
)

// Sentinels for the common conditions, for errors.Is. Every failure of a
// call is an *Error (or a *ValidationError before sending), so errors.As
// gives the details.
var (
	// ErrNotFound: HTTP 404, or a message key ending in "NotFound".
	ErrNotFound = errors.New("alianza: not found")
	// ErrUnauthorized: HTTP 401 or 403: bad credentials, or a token refused
	// even after the one re-login.
	ErrUnauthorized = errors.New("alianza: unauthorized")
	// ErrTokenExpired: the ExpiredAuthToken message. The client logs in again
	// once by itself; this reaches the caller only if that did not help.
	ErrTokenExpired = errors.New("alianza: auth token expired")
	// ErrSIPUsernameInUse: the SipUsernameInUse message (SIP usernames are
	// globally unique).
	ErrSIPUsernameInUse = errors.New("alianza: SIP username in use")
	// ErrInvalidMAC: the InvalidMacAddress message, or a MAC address refused
	// locally.
	ErrInvalidMAC = errors.New("alianza: invalid MAC address")
	// ErrValidation: the server refused the input (HTTP 400 or 422, or the
	// ValidationErrorResponse shape).
	ErrValidation = errors.New("alianza: validation failed")
	// ErrInvalidInput: the call was rejected before sending, by local validation.
	ErrInvalidInput = errors.New("alianza: invalid input")
	// ErrBadResponse: the answer could not be understood (not JSON, truncated,
	// an HTML page, an unexpected status).
	ErrBadResponse = errors.New("alianza: unexpected response")
)

// Error is every failure of an Alianza call. Its text names the operation,
// the HTTP status and the server's messages, and never contains a password,
// a token or a SIP password.
type Error struct {
	// Op is the operation, e.g. "Accounts.Create".
	Op string
	// HTTPStatus is the response status, 0 when no response arrived.
	HTTPStatus int
	// Status is PublicApiException.status (usually the HTTP status again).
	Status int
	// Messages are PublicApiException.messages (message keys such as
	// "SipUsernameInUse"), ValidationErrorResponse.errors, or the message or
	// description of the {code, message|description} shape.
	Messages []string
	// Code is the code of the {code, message|description} shape.
	Code string
	// Data is PublicApiException.data, redacted, when the server sent one.
	Data json.RawMessage
	// Body is a redacted excerpt of an answer that could not be understood.
	Body string
	// Err is the cause: the connection, the context, ErrBadResponse.
	Err error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("alianza: ")
	b.WriteString(e.Op)
	b.WriteString(": ")
	switch {
	case len(e.Messages) > 0:
		b.WriteString(strings.Join(e.Messages, "; "))
	case e.Err != nil:
		b.WriteString(e.Err.Error())
	case e.HTTPStatus != 0:
		b.WriteString("refused")
	default:
		b.WriteString("unexpected response")
	}
	var meta []string
	if e.HTTPStatus != 0 {
		meta = append(meta, "HTTP "+strconv.Itoa(e.HTTPStatus))
	}
	if e.Code != "" {
		meta = append(meta, "code "+e.Code)
	}
	if len(meta) > 0 {
		b.WriteString(" [" + strings.Join(meta, ", ") + "]")
	}
	if e.Body != "" {
		b.WriteString(": body: " + e.Body)
	}
	return b.String()
}

// Unwrap returns the cause, if any.
func (e *Error) Unwrap() error { return e.Err }

// Is matches the sentinels by HTTP status and message key.
func (e *Error) Is(target error) bool {
	has := func(key string) bool {
		return slices.ContainsFunc(e.Messages, func(m string) bool { return strings.EqualFold(strings.TrimSpace(m), key) })
	}
	switch target {
	case ErrNotFound:
		return e.HTTPStatus == 404 || slices.ContainsFunc(e.Messages, func(m string) bool { return strings.HasSuffix(strings.ToLower(m), "notfound") })
	case ErrUnauthorized:
		return e.HTTPStatus == 401 || e.HTTPStatus == 403
	case ErrTokenExpired:
		return has(MessageExpiredAuthToken) || has("Expired Auth Token")
	case ErrSIPUsernameInUse:
		return has(MessageSIPUsernameInUse)
	case ErrInvalidMAC:
		return has(MessageInvalidMAC)
	case ErrValidation:
		return e.HTTPStatus == 400 || e.HTTPStatus == 422
	}
	return false
}

// ValidationError reports input rejected before anything was sent.
type ValidationError struct {
	Op     string
	Field  string
	Reason string
	// Err is a more specific sentinel (ErrInvalidMAC), or nil.
	Err error
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("alianza: %s: invalid %s: %s", e.Op, e.Field, e.Reason)
}

// Is makes every ValidationError match ErrInvalidInput.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalidInput }

// Unwrap returns the more specific sentinel, if any.
func (e *ValidationError) Unwrap() error { return e.Err }

func invalid(op, field, format string, args ...any) error {
	return &ValidationError{Op: op, Field: field, Reason: fmt.Sprintf(format, args...)}
}

// wireError reads every error shape of the spec at once: PublicApiException
// {status, messages, data}, ValidationErrorResponse {errors}, and the
// {code, message} / {code, description} shapes of a few endpoints.
type wireError struct {
	Status      flex.Int        `json:"status"`
	Messages    []flex.String   `json:"messages"`
	Data        json.RawMessage `json:"data"`
	Errors      []flex.String   `json:"errors"`
	Code        flex.String     `json:"code"`
	Message     flex.String     `json:"message"`
	Description flex.String     `json:"description"`
}

// messages gathers the texts of whichever shape was sent.
func (w *wireError) messages() []string {
	var out []string
	for _, list := range [][]flex.String{w.Messages, w.Errors} {
		for _, m := range list {
			if s := strings.TrimSpace(string(m)); s != "" {
				out = append(out, s)
			}
		}
	}
	for _, m := range []flex.String{w.Message, w.Description} {
		if s := strings.TrimSpace(string(m)); s != "" {
			out = append(out, s)
		}
	}
	return out
}
