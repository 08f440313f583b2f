package ispkit

import (
	"context"
	"time"
)

// Attempt is what an Observer sees of one attempt of one call: every
// vendor package reports each HTTP attempt it makes, retries included, once
// the attempt has ended.
type Attempt struct {
	// Op is the operation as the package's errors name it, e.g.
	// "Subscribers.Create" (baicells) or "Customer/Create" (telecloud).
	Op string
	// Number is 1 for the first attempt of a call, 2 for its first retry, …
	Number int
	// Method is the HTTP method.
	Method string
	// URL is the request's URL without its credentials and secret
	// parameters, as the package's errors print it.
	URL string
	// StatusCode is the HTTP status of the answer, 0 when none arrived.
	StatusCode int
	// Duration runs from the moment the attempt was sent to its end: the
	// answer's body read (for the last attempt) or the decision to retry.
	Duration time.Duration
	// RequestID is the vendor's correlation id of the call when the
	// package knows one (BOSS session_id, TeleCloud trans_id), else "".
	RequestID string
	// Err is why the attempt got no usable answer (a connection failure,
	// the context ending, a body over the cap or cut short, a redirect
	// that was not followed), with every secret of the call removed; nil
	// when an answer arrived and was read, whatever its status.
	Err error
	// Retrying reports that another attempt follows this one.
	Retrying bool
}

// Observer is called once for every attempt of every call of a client it
// is given to (through the vendor package's WithObserver option), in the
// goroutine of the call, after the attempt ended and before the next
// begins. It must be safe for concurrent use when the client is, and quick:
// the call waits for it. It is the place to feed metrics or traces
// (OpenTelemetry, Prometheus) with the operation's name, which an
// http.RoundTripper does not see.
type Observer func(ctx context.Context, a Attempt)
