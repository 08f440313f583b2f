package alianza

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ispkit/ispkit/internal/flex"
	"github.com/ispkit/ispkit/internal/transport"
)

// Message keys Alianza puts in PublicApiException.messages that this package
// recognises (keys seen in the field, not all listed by the OpenAPI
// specification).
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
	// ErrBadResponse: the answer could not be used: not JSON, not the
	// expected shape, an HTML page, cut short (truncated), larger than the
	// cap (see ErrResponseTooLarge), or a redirect that was not followed.
	ErrBadResponse = errors.New("alianza: unexpected response")
	// ErrResponseTooLarge: the answer exceeded the cap set with
	// WithMaxResponseSize; raise it knowingly. It also matches
	// ErrBadResponse.
	ErrResponseTooLarge = errors.New("alianza: response too large")
)

// Error is every failure of an Alianza call. Its text names the operation,
// the HTTP status and the server's messages, and never contains the
// password, the token or a secret the call sent (a SIP password, a wireless
// PIN), in any spelling (see the package documentation).
type Error struct {
	// Op is the operation, e.g. "Accounts.Create".
	Op string
	// HTTPStatus is the status of the answer whenever one arrived — also a
	// redirect that was not followed and an answer too large or cut short —
	// and 0 when none did (the connection failed, the context ended, the
	// input was refused).
	HTTPStatus int
	// RequestID is the vendor's correlation id of the call. Alianza
	// documents no request id; this is always empty until it does.
	RequestID string
	// RetryAfter is the server's Retry-After on a 429 or 503, 0 when none; a
	// call that was not sent again tells the caller when to try.
	RetryAfter time.Duration
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
	// Err is the cause: the connection, the context, ErrBadResponse. Its
	// text is scrubbed like the rest of the error; a cause whose own text
	// held a secret is replaced by its scrubbed text, which still matches
	// the same sentinels under errors.Is.
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
	case ErrBadResponse:
		return transport.IsBadResponse(e.Err)
	case ErrResponseTooLarge:
		return errors.Is(e.Err, transport.ErrResponseTooLarge)
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

// checkID refuses an id that cannot be sent as it is as one segment of a
// URL path: empty or blank, or one that segmentProblem refuses. An id is
// never altered to make it fit.
func checkID(op, field, v string) error {
	if strings.TrimSpace(v) == "" {
		return invalid(op, field, "is empty")
	}
	if reason := segmentProblem(v); reason != "" {
		return invalid(op, field, "%q %s", v, reason)
	}
	return nil
}

// segmentProblem says why v, a decoded path segment, cannot be sent: "."
// and ".." (a server or proxy that cleans paths would apply the call to the
// parent: Users.Delete(ctx, "A1", "..") would delete the account), a
// control character (NUL, CR, LF, DEL …) or invalid UTF-8 (which could
// only be sent altered). "" when it can.
func segmentProblem(v string) string {
	if v == "." || v == ".." {
		return "is a dot segment, which a server or proxy may resolve to the parent path"
	}
	for i := 0; i < len(v); {
		r, n := utf8.DecodeRuneInString(v[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			return "is not valid UTF-8"
		case unicode.IsControl(r):
			return "holds a control character"
		}
		i += n
	}
	return ""
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
