package conformance

import (
	"context"
	"log/slog"
	"net/http"
	"reflect"
	"sort"
	"time"
)

// Adapter tells the kit how to build one vendor client and call every one of
// its operations. It is written once per vendor package, in that package's
// _test.go files.
type Adapter struct {
	// Vendor names the client in messages and the summary.
	Vendor string
	// Secrets is every secret the client is given or its operations send:
	// credentials, the session tokens Login hands out, per-call secrets (SIP
	// passwords, card numbers, PINs). None may appear in any output, whole or
	// in part (see the package documentation for the rule on digits).
	Secrets []string
	// Credentials is the subset of Secrets that must never reach a host the
	// request was not addressed to: keys, passwords, tokens, the Basic token.
	Credentials []string
	// New builds a fresh client for one call, pointed at env.BaseURL (octane:
	// both roots under it) with env.HTTPClient, env.Logger, env.Retry and,
	// when not zero, env.MaxResponseSize. Anything that varies from run to
	// run (session ids, request ids) must be made deterministic here, or the
	// leak checks could match it by chance.
	New func(env Env) (any, error)
	// Ops is every exported operation of the client.
	Ops []Op
	// Login, when set, answers session set-up requests (a token endpoint)
	// properly so that the hostile answer reaches the operation itself. It
	// sees every request the origin server gets, with the per-call path
	// prefix removed, and reports whether it answered.
	Login func(w http.ResponseWriter, r *http.Request) bool
	// Unsafe reports whether a request, as the server received it (path
	// prefix removed), must not arrive twice: a write that is not safe to
	// repeat. Nil means every request except GET and HEAD is unsafe.
	Unsafe func(r *http.Request, body []byte) bool
	// Envelopes are the vendor's own answer shapes with an echo text placed in
	// its message, code, correlation-id or status fields: error envelopes and
	// success-shaped bodies that fail to decode. The first one also answers
	// redirected requests. When empty, a generic JSON error is used.
	Envelopes []Envelope
	// Classify holds the client's error predicates the kit checks.
	Classify Classifier
	// Printables holds one populated value of every exported type that holds
	// a secret, for the printing sweep.
	Printables []any
	// Scenarios, when not empty, runs only the scenarios whose names start
	// with one of these prefixes (for debugging one area; see ScenarioNames).
	Scenarios []string
}

// Op is one exported operation. Call makes the call with valid arguments on
// the client New returned (a type assertion away) and returns its error;
// iterators are drained and their first error returned.
type Op struct {
	Name string
	Call func(ctx context.Context, client any) error
}

// Envelope is one of the vendor's answer shapes. Body returns the whole body
// with echo placed in its text fields (JSON-escaped, XML-escaped ... as the
// format needs).
type Envelope struct {
	Name        string
	Status      int
	ContentType string
	Body        func(echo string) string
	// Expect, when set, must hold for the error of an operation given this
	// answer (e.g. errors.Is(err, ErrBadResponse)); a nil error fails it too.
	Expect func(err error) bool
}

// Env is what New gets for one call.
type Env struct {
	// BaseURL is the hostile server's root for this call (with a path of its
	// own: keep it and append the vendor's paths).
	BaseURL string
	// HTTPClient trusts the test servers' certificate; use it as is.
	HTTPClient *http.Client
	// Logger records at debug level into the text and JSON handlers whose
	// output is checked; pass it to the client's logger option.
	Logger *slog.Logger
	// MaxResponseSize is the success-body cap to set; 0 means keep the
	// client's default.
	MaxResponseSize int64
	// Retry is a fast retry policy to set (tiny waits, MaxRetryAfter far
	// below the 7 s the rate-limit scenario asks for). Its fields are those
	// of the project's RetryPolicy, in order, so that it converts directly.
	Retry Retry
}

// Retry is a retry policy: attempts in total, backoff bounds, and the
// longest Retry-After the client may wait for.
type Retry struct {
	MaxAttempts   int
	MinWait       time.Duration
	MaxWait       time.Duration
	MaxRetryAfter time.Duration
}

// DefaultRetry is the policy every call's Env carries.
var DefaultRetry = Retry{MaxAttempts: 3, MinWait: time.Millisecond, MaxWait: 5 * time.Millisecond, MaxRetryAfter: 10 * time.Millisecond}

// Classifier holds the client's error predicates. A nil predicate that a
// scenario needs is reported as a failure of that scenario's classification
// check, so that a missing classification is not mistaken for a pass.
type Classifier struct {
	// IsBadResponse: the server's answer could not be understood (truncated,
	// over the cap, not the vendor's format).
	IsBadResponse func(error) bool
	// IsRedirect: the answer was a redirect that was not followed (any 3xx).
	IsRedirect func(error) bool
	// IsRateLimited: HTTP 429.
	IsRateLimited func(error) bool
	// RetryAfter returns the server's Retry-After carried by the error.
	RetryAfter func(error) (time.Duration, bool)
	// IsServerError: HTTP 5xx.
	IsServerError func(error) bool
	// IsTimeout, when set, must hold for a call ended by its deadline, in
	// addition to errors.Is(err, context.DeadlineExceeded), which is always
	// required.
	IsTimeout func(error) bool
}

// Secret returns a distinctive secret for tests: a fixed head, the tag, the
// characters that escaping schemes treat differently (<&>"'+/=%;\) in pairs
// separated by capitals, and a fixed tail. The capitals keep every 4-byte
// window distinctive: a bare run such as <&>" also occurs in ordinary text
// about escaping. Use a different tag for every secret. A vendor that
// refuses some of these characters needs its own variant; keep it long and
// distinctive.
func Secret(tag string) string { return "Zq8" + tag + `<&Q>"X'+J/=V%;K\` + "Wm" }

// Uncovered returns the names "prefix.Method" of the exported methods of v
// (a pointer to a service, or a client) that no Op is named after, skipping
// those listed in skip. An Op covers a method when its name is the method's
// name or starts with it followed by '/' or ' ' (variants such as "Do/GET").
// A vendor test asserts it is empty so that a new method cannot be forgotten.
func Uncovered(ops []Op, prefix string, v any, skip ...string) []string {
	t := reflect.TypeOf(v)
	var out []string
	for i := 0; i < t.NumMethod(); i++ {
		name := t.Method(i).Name
		full := name
		if prefix != "" {
			full = prefix + "." + name
		}
		if contains(skip, name) || contains(skip, full) {
			continue
		}
		covered := false
		for _, op := range ops {
			if op.Name == full || len(op.Name) > len(full) && op.Name[:len(full)] == full && (op.Name[len(full)] == '/' || op.Name[len(full)] == ' ') {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, full)
		}
	}
	sort.Strings(out)
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
