// Package transport is the HTTP core shared by every ispkit vendor package:
// options, an idempotency-aware retry policy on go-retryablehttp, credentials
// applied per attempt, the cross-host redirect rule, redaction, logging, capped
// body reads and the User-Agent. Vendor packages describe their requests with
// Request and build their own typed errors from Response.
package transport

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/go-retryablehttp"
	"github.com/ispkit/ispkit"
)

// Vendor describes what a vendor package contributes to the shared client.
type Vendor struct {
	// Name appears in the User-Agent, e.g. "baicells".
	Name string
	// DefaultBaseURL is used when WithBaseURL is not given.
	DefaultBaseURL string
	// Authenticate sets the credential headers of one attempt. It runs before
	// every attempt, so a refreshed token is picked up by a retry, and it never
	// puts a credential in a URL. Work that can fail (a login) belongs before Do.
	// The attempts of one call share a header map: set values, never Add.
	Authenticate func(*http.Request)
	// CredentialHeaders are the vendor's custom credential headers (e.g. cloud_key,
	// X-AUTH-TOKEN). They are dropped, with Authorization and Cookie, when a
	// redirect leaves the original host, and redacted wherever headers are shown.
	CredentialHeaders []string
	// Secrets are literal secret values scrubbed from every error and log line.
	Secrets []string
}

// Client sends requests for one vendor package. It is safe for concurrent use.
type Client struct {
	base           *url.URL
	hc             *http.Client
	rc             *retryablehttp.Client
	baseString     string
	userAgent      string
	userAgentValue []string
	retry          RetryPolicy
	logger         *slog.Logger
	observer       ispkit.Observer
	timeout        time.Duration
	maxBody        int64
	auth           func(*http.Request)
	credHeaders    []string
	scrubber       *Scrubber
}

// New builds a Client for a vendor from the caller's options.
func New(v Vendor, opts []Option) (*Client, error) {
	cfg := Config{retry: DefaultRetryPolicy(), maxResponseSize: DefaultMaxResponseSize}
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(&cfg); err != nil {
			return nil, err
		}
	}
	if cfg.baseURL == nil {
		u, err := ParseBaseURL(v.DefaultBaseURL)
		if err != nil {
			return nil, fmt.Errorf("%s: default %w", v.Name, err)
		}
		cfg.baseURL = u
	}
	c := &Client{
		base:        cfg.baseURL,
		retry:       cfg.retry,
		logger:      cfg.logger,
		observer:    cfg.observer,
		timeout:     cfg.timeout,
		maxBody:     cfg.maxResponseSize,
		auth:        v.Authenticate,
		credHeaders: append([]string(nil), v.CredentialHeaders...),
		scrubber:    NewScrubber(v.Secrets...),
	}
	c.userAgent = fmt.Sprintf("ispkit/%s (%s) go/%s", Version, v.Name, strings.TrimPrefix(runtime.Version(), "go"))
	if cfg.userAgentApp != "" {
		c.userAgent += " " + cfg.userAgentApp
	}
	c.userAgentValue = []string{c.userAgent}
	c.baseString = c.base.String()

	// Our own copy of the caller's client, so that the redirect rule can be set
	// without touching the caller's value.
	if cfg.httpClient != nil {
		if cfg.idlePerHost != 0 {
			return nil, errors.New("WithMaxIdleConnsPerHost: not with WithHTTPClient; size the connection pool of your own transport")
		}
		hc := *cfg.httpClient
		c.hc = &hc
	} else {
		c.hc = &http.Client{Transport: defaultTransport(cmp.Or(cfg.idlePerHost, DefaultMaxIdleConnsPerHost))}
	}
	c.hc.CheckRedirect = c.checkRedirect(c.hc.CheckRedirect)

	c.rc = &retryablehttp.Client{
		HTTPClient:     c.hc,
		Logger:         nil, // no stderr noise; we log through slog ourselves
		RetryWaitMin:   c.retry.MinWait,
		RetryWaitMax:   c.retry.MaxWait,
		RetryMax:       c.retry.MaxAttempts - 1,
		CheckRetry:     c.checkRetry,
		Backoff:        c.backoff,
		ErrorHandler:   retryablehttp.PassthroughErrorHandler,
		RequestLogHook: c.beforeAttempt,
	}
	return c, nil
}

// defaultTransport clones http.DefaultTransport when it is the standard type;
// another library (a test interceptor, a tracing wrapper) may have replaced it,
// in which case an equivalent transport is built. It keeps idlePerHost idle
// connections per host, and at least as many in all.
func defaultTransport(idlePerHost int) *http.Transport {
	t, ok := http.DefaultTransport.(*http.Transport)
	if ok {
		t = t.Clone()
	} else {
		t = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          100,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   10 * time.Second,
			ExpectContinueTimeout: time.Second,
		}
	}
	t.MaxIdleConnsPerHost = idlePerHost
	t.MaxIdleConns = max(t.MaxIdleConns, idlePerHost)
	return t
}

// HTTPClient returns the *http.Client every request goes through. Tests may wrap
// its Transport (gock.InterceptClient does); credentials are added before the
// Transport runs, so a wrapper sees them.
func (c *Client) HTTPClient() *http.Client { return c.hc }

// BaseURL returns the base URL requests are resolved against.
func (c *Client) BaseURL() string { return c.base.String() }

// UserAgent returns the User-Agent sent with every request.
func (c *Client) UserAgent() string { return c.userAgent }

// Scrub removes the client's known secret values from text.
func (c *Client) Scrub(text string) string { return c.scrubber.Scrub(text) }

// Scrubber returns the client's scrubber (its credentials); a call's own
// secrets are added by Response.Scrubber or Scrubber.With.
func (c *Client) Scrubber() *Scrubber { return c.scrubber }

// Request is one logical call: it may be sent several times.
type Request struct {
	// Op names the operation for logs, e.g. "customers/query".
	Op string
	// Method is the HTTP method.
	Method string
	// Path is appended to the base URL's path as is: it must start with '/' and
	// be escaped already (url.PathEscape each segment built from input).
	Path string
	// Query is encoded onto the URL.
	Query url.Values
	// Body is sent as is; it is rewound for every attempt.
	Body []byte
	// ContentType of Body; "application/json" when empty and Body is set.
	ContentType string
	// Header holds extra headers.
	Header http.Header
	// Retry says whether the request may be sent again after a failure that
	// may have reached the server; the zero value decides by its method.
	Retry Retry
	// BaseURL, when set, replaces the client's base URL for this request, for
	// vendors that serve one API from several roots (Octane's SOAP and REST). It
	// must be a value returned by ParseBaseURL(...).String().
	BaseURL string
	// CarriesCredentials marks a request whose body holds its own credentials
	// (a SOAP <login> element): Vendor.Authenticate is not run for it, so no
	// credential header is sent where none is expected.
	CarriesCredentials bool
	// Answers500 marks a protocol whose HTTP 500 is an answer rather than an
	// outage: SOAP 1.1 sends every Fault, a refused login included, with 500.
	// Such a 500 is never retried; 502, 503, 504 and 429 still are.
	Answers500 bool
	// SecretParams names query parameters whose values are secrets although
	// their names do not say so (TeleCloud's "dl", a driver's licence number):
	// they are redacted from the URL in logs and errors like API_KEY is.
	SecretParams []string
	// RequestID is the vendor's correlation id of the call when it is known
	// before sending (BOSS's session_id): it is in every log line and
	// Attempt of the call.
	RequestID string
	// ResponseRequestID, when set, reads the vendor's correlation id from
	// the final answer (TeleCloud's trans_id); it replaces RequestID in that
	// attempt's log line and Attempt. It must not keep body.
	ResponseRequestID func(h http.Header, body []byte) string
	// Secrets are this call's own secret values beyond the client's (a
	// session token, a SIP password, a card number): they are scrubbed, in
	// every spelling, from the errors and log lines of the call and through
	// the Response's Scrub, Excerpt and Error. The values of secret fields
	// of Body and Query (IsSecretKey names, SecretParams) are added by
	// themselves.
	Secrets []string
}

// Retry says when a request may be sent again. Every request is sent again
// after a failure that proves it never left (the connection was not made);
// Retry decides for the failures after which it may have reached the server
// (a reset, a 429, a 502, 503 or 504 answer).
type Retry int

const (
	// RetryByMethod, the zero value, sends GET, HEAD, PUT, DELETE and
	// OPTIONS again and any other method only when it never left.
	RetryByMethod Retry = iota
	// RetrySafe sends the request again whatever its method: a POST that
	// only reads, or a login.
	RetrySafe
	// RetryUnsafe sends the request again only when it never left,
	// whatever its method: TeleCloud's DELETE and PATCH act once (only its
	// searches are safe to repeat).
	RetryUnsafe
)

// RetrySafeIf is RetrySafe when safe holds, else RetryByMethod.
func RetrySafeIf(safe bool) Retry {
	if safe {
		return RetrySafe
	}
	return RetryByMethod
}

func (r *Request) idempotent() bool {
	switch r.Retry {
	case RetrySafe:
		return true
	case RetryUnsafe:
		return false
	}
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

// Response is the final answer to a Request, whatever its status.
type Response struct {
	StatusCode int
	Header     http.Header
	// Body is the whole body for 2xx (up to the configured cap); for other statuses
	// it is at most 1 MiB, with Truncated set when more was sent.
	Body      []byte
	Truncated bool
	// Attempts is how many times the request was sent.
	Attempts int
	// RetryAfter is the server's Retry-After on a 429 or 503 (0 when none):
	// the answer to a call that was not sent again says when to try.
	RetryAfter time.Duration

	call *call
}

// Scrubber returns the call's scrubber: the client's secrets and the call's own.
func (r *Response) Scrubber() *Scrubber {
	if r == nil || r.call == nil {
		return nil
	}
	return r.call.scrubber()
}

// Scrub removes the client's and the call's secrets from text.
func (r *Response) Scrub(text string) string { return r.Scrubber().Scrub(text) }

// Error is Scrubber().Error(err): err itself when it holds no secret.
func (r *Response) Error(err error) error { return r.Scrubber().Error(err) }

// Excerpt is a scrubbed excerpt of the body of at most n bytes, marked
// "(truncated)" when the server sent more than was read.
func (r *Response) Excerpt(n int) string {
	s := r.Scrubber().Excerpt(r.Body, n)
	if r.Truncated {
		s += " (truncated)"
	}
	return s
}

// Sentinels of the transport errors that follow an answer the vendor layer
// cannot use. Vendor packages match them as their ErrBadResponse.
var (
	// ErrResponseTooLarge: a success body exceeds the configured cap (or
	// declares a Content-Length that does).
	ErrResponseTooLarge = errors.New("response body exceeds the configured maximum size")
	// ErrResponseTruncated: the body ended before it was complete (the
	// connection closed, a Content-Length that was not honoured).
	ErrResponseTruncated = errors.New("response body truncated")
	// ErrRedirect: the server answered with a redirect that was not followed
	// (see RedirectError).
	ErrRedirect = errors.New("redirect not followed")
	// ErrMalformedResponse: what the server sent is not HTTP (a malformed
	// status line or header).
	ErrMalformedResponse = errors.New("malformed HTTP response")
)

// RedirectError is a redirect answer that was not followed: any redirect of
// a method other than GET and HEAD, and a GET or HEAD redirect that would have
// taken a credential to another host. Location is redacted and scrubbed.
type RedirectError struct {
	StatusCode int
	Location   string
}

func (e *RedirectError) Error() string {
	what := "redirect"
	if e.StatusCode != 0 {
		what = fmt.Sprintf("HTTP %d redirect", e.StatusCode)
	}
	if e.Location == "" {
		return what + " not followed"
	}
	return what + " to " + e.Location + " not followed"
}

// Is matches ErrRedirect.
func (e *RedirectError) Is(target error) bool { return target == ErrRedirect }

// Error is a failure to get a usable HTTP response: the connection, the
// context, a redirect, a body too large or cut short. Its text and every
// error of its chain are scrubbed of the client's and the call's secrets.
type Error struct {
	Op       string
	Method   string
	URL      string // redacted
	Attempts int
	// StatusCode is the status of the answer when one arrived (a redirect,
	// a body that was too large or cut short), 0 when none did.
	StatusCode int
	// RetryAfter is the server's Retry-After, when it sent one.
	RetryAfter time.Duration
	Err        error
}

// Error leaves Op out: the vendor error that wraps this one names the operation.
func (e *Error) Error() string {
	if e.StatusCode != 0 {
		return fmt.Sprintf("%s %s (attempt %d, HTTP %d): %v", e.Method, e.URL, e.Attempts, e.StatusCode, e.Err)
	}
	return fmt.Sprintf("%s %s (attempt %d): %v", e.Method, e.URL, e.Attempts, e.Err)
}

// Unwrap returns the cause (context.Canceled, a *net.OpError, ErrResponseTooLarge ...).
func (e *Error) Unwrap() error { return e.Err }

// StatusOf returns the HTTP status of the answer behind err, when err is (or
// wraps) a transport *Error for which an answer arrived; 0 otherwise.
func StatusOf(err error) int {
	var e *Error
	if errors.As(err, &e) {
		return e.StatusCode
	}
	return 0
}

// RetryAfterOf returns the Retry-After behind err, 0 when none.
func RetryAfterOf(err error) time.Duration {
	var e *Error
	if errors.As(err, &e) {
		return e.RetryAfter
	}
	return 0
}

// IsBadResponse reports a transport error about an answer that arrived but
// could not be used: too large, cut short, or a redirect not followed.
func IsBadResponse(err error) bool {
	return errors.Is(err, ErrResponseTooLarge) || errors.Is(err, ErrResponseTruncated) ||
		errors.Is(err, ErrRedirect) || errors.Is(err, ErrMalformedResponse)
}

// isBadLocation reports net/http's error for a redirect whose Location does
// not parse.
func isBadLocation(err error) bool {
	return strings.HasPrefix(stripURLError(err).Error(), "failed to parse Location header")
}

// netHTTPAnswerError classifies the errors net/http gives for an answer it
// could not read as HTTP. A redirect whose Location does not parse is a
// *RedirectError without net/http's text, which quotes the Location and, cut
// by url.Parse at its first '#', could carry part of a secret. A malformed
// status line or header wraps ErrMalformedResponse.
func netHTTPAnswerError(err error) (error, bool) {
	msg := err.Error()
	switch {
	case isBadLocation(err):
		return &RedirectError{Location: "(a Location that does not parse)"}, true
	case strings.HasPrefix(msg, "malformed HTTP"), strings.Contains(msg, "malformed MIME header"),
		strings.HasPrefix(msg, "net/http: HTTP/1.x transport connection broken: malformed"):
		return fmt.Errorf("%w: %w", ErrMalformedResponse, err), true
	}
	return err, false
}

type callKey struct{}

// call is the state of one logical request across its attempts. It lives in the
// request's context so that the shared retryablehttp.Client needs no per-call
// closures; it is only touched from the goroutine running Do.
type call struct {
	c          *Client
	req        *Request
	idempotent bool
	url        string // redacted, computed once
	attempts   int
	start      time.Time
	scrub      *Scrubber // computed on first use: most calls never need it
}

// scrubber is the client's scrubber with the call's own secrets: those it
// was given and the values of the secret fields of its body and query.
func (st *call) scrubber() *Scrubber {
	if st.scrub == nil {
		var extra []string
		extra = append(extra, st.req.Secrets...)
		if len(st.req.Body) > 0 {
			extra = append(extra, bodySecrets(st.req.Body, st.req.SecretParams)...)
		}
		if len(st.req.Query) > 0 {
			extra = append(extra, querySecrets(st.req.Query.Encode(), st.req.SecretParams)...)
		}
		st.scrub = st.c.scrubber.With(extra...)
	}
	return st.scrub
}

// redactedURL is the call's URL with secret parameters redacted and the
// call's secrets scrubbed.
func (st *call) redactedURL(u string) string {
	if st.url == "" {
		st.url = RedactURLString(st.scrubber().Scrub(u), st.req.SecretParams...)
	}
	return st.url
}

// Do sends r with the retry policy and returns the final response. An HTTP error
// status is not an error here: the vendor layer turns it into a typed error.
func (c *Client) Do(ctx context.Context, r *Request) (*Response, error) {
	if ctx == nil {
		return nil, errors.New("transport: nil context")
	}
	if c.timeout > 0 {
		if dl, ok := ctx.Deadline(); !ok || time.Until(dl) > c.timeout {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, c.timeout)
			defer cancel()
		}
	}
	u := c.resolve(r)
	st := &call{c: c, req: r, idempotent: r.idempotent()}
	ctx = context.WithValue(ctx, callKey{}, st)

	var body any
	if r.Body != nil {
		body = r.Body
	}
	rreq, err := retryablehttp.NewRequestWithContext(ctx, r.Method, u, body)
	if err != nil {
		return nil, c.finalError(ctx, st, u, nil, err)
	}
	h := rreq.Header
	for k, v := range r.Header {
		h[k] = v
	}
	// Shared, never-modified value slices: no allocation per request.
	if r.Body != nil {
		if r.ContentType == "" || r.ContentType == "application/json" {
			h["Content-Type"] = jsonValue
		} else {
			h["Content-Type"] = []string{r.ContentType}
		}
	}
	h["User-Agent"] = c.userAgentValue
	if _, set := h["Accept"]; !set {
		h["Accept"] = jsonValue
	}

	resp, err := c.rc.Do(rreq)
	if err != nil {
		if resp != nil {
			drainClose(resp.Body)
		}
		return nil, c.finalError(ctx, st, u, resp, err)
	}
	if isRedirect(resp.StatusCode) {
		// Not followed (checkRedirect's rule): the redirect is the answer.
		drainClose(resp.Body)
		loc := resp.Header.Get("Location")
		if loc != "" {
			// Scrubbed first: a raw '&' in a secret would split it across
			// query parameters, and the redaction would leave a piece.
			loc = RedactURLString(st.scrubber().Scrub(loc), r.SecretParams...)
		}
		return nil, c.finalError(ctx, st, u, resp, &RedirectError{StatusCode: resp.StatusCode, Location: loc})
	}
	out, err := c.readResponse(resp)
	if err != nil {
		return nil, c.finalError(ctx, st, u, resp, err)
	}
	out.Attempts = st.attempts
	out.call = st
	id := r.RequestID
	if r.ResponseRequestID != nil {
		if v := r.ResponseRequestID(out.Header, out.Body); v != "" {
			id = v
		}
	}
	c.endAttempt(ctx, st, resp.StatusCode, id, nil, false)
	return out, nil
}

// finalError is transportError for the call's last attempt, which it
// reports (log line, Observer) with the error the caller gets.
func (c *Client) finalError(ctx context.Context, st *call, u string, resp *http.Response, err error) error {
	terr := c.transportError(st, u, resp, err)
	status := 0
	if resp != nil {
		status = resp.StatusCode
	}
	var cause error = terr
	if e, ok := terr.(*Error); ok {
		cause = e.Err
	}
	if st.attempts > 0 { // 0: the request could not even be built
		c.endAttempt(ctx, st, status, st.req.RequestID, cause, false)
	}
	return terr
}

func isRedirect(status int) bool {
	switch status {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

var jsonValue = []string{"application/json"}

// resolve is the request URL: the base, the path, the query.
func (c *Client) resolve(r *Request) string {
	base := c.baseString
	if r.BaseURL != "" {
		base = r.BaseURL
	}
	u := base + r.Path
	if len(r.Query) > 0 {
		u += "?" + r.Query.Encode()
	}
	return u
}

// transportError is the *Error of a call that got no usable answer; resp is
// the answer when one arrived. Its text is scrubbed of every secret of the
// call, and so is every error of its chain.
func (c *Client) transportError(st *call, u string, resp *http.Response, err error) error {
	err = stripURLError(err)
	if _, isRedirect := err.(*RedirectError); !isRedirect {
		err, _ = netHTTPAnswerError(err)
	}
	e := &Error{
		Op: st.req.Op, Method: st.req.Method, URL: st.redactedURL(u), Attempts: max(st.attempts, 1),
		Err: st.scrubber().Error(err),
	}
	if resp != nil {
		e.StatusCode = resp.StatusCode
		e.RetryAfter, _ = retryAfter(resp)
	}
	return e
}

// stripURLError removes net/http's *url.Error wrapper, whose text carries the
// full, unredacted URL; the caller reports the redacted URL itself.
func stripURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

func (c *Client) readResponse(resp *http.Response) (*Response, error) {
	defer drainClose(resp.Body)
	out := &Response{StatusCode: resp.StatusCode, Header: resp.Header}
	out.RetryAfter, _ = retryAfter(resp)
	if !bodyAllowed(resp) {
		return out, nil
	}
	limit := c.maxBody
	success := resp.StatusCode >= 200 && resp.StatusCode < 300
	if !success {
		limit = MaxErrorBodySize
	}
	if success && resp.ContentLength > limit {
		// Refused before reading: the declared size is over the cap.
		return nil, fmt.Errorf("%w: Content-Length %d, the limit is %d bytes", ErrResponseTooLarge, resp.ContentLength, limit)
	}
	b, over, err := readCapped(resp.Body, limit, resp.ContentLength)
	if err != nil {
		// A body cut short is not shown, not even in part: a secret it
		// quoted could be cut in two and escape the scrubber.
		return nil, fmt.Errorf("%w after %d bytes: %w", ErrResponseTruncated, len(b), err)
	}
	if over {
		if success {
			return nil, fmt.Errorf("%w (%d bytes)", ErrResponseTooLarge, limit)
		}
		out.Truncated = true
	}
	out.Body = b
	return out, nil
}

// bodyAllowed is false for responses that have no body whatever their
// Content-Length says: HEAD, 1xx, 204, 304.
func bodyAllowed(resp *http.Response) bool {
	if resp.Request != nil && resp.Request.Method == http.MethodHead {
		return false
	}
	s := resp.StatusCode
	return !(s >= 100 && s < 200 || s == http.StatusNoContent || s == http.StatusNotModified)
}

// sizeHintMax bounds the first buffer a declared Content-Length may size:
// a small answer is read into a buffer of its own size, and no declared
// length can make the client allocate more than this before bytes arrive.
const sizeHintMax = 32 << 10

// readCapped reads at most limit bytes and reports whether more were
// available. The buffer grows as bytes arrive and never past limit+1, so the
// peak is below 1.5 × limit; a declared length (hint, -1 when unknown) sizes
// only the first buffer, and only up to sizeHintMax.
func readCapped(r io.Reader, limit, hint int64) ([]byte, bool, error) {
	first := int64(512)
	if hint >= 0 && hint < sizeHintMax {
		first = hint + 1 // +1: the read that finds EOF needs room
	}
	buf := make([]byte, 0, min(limit+1, first))
	for {
		if int64(len(buf)) > limit {
			return buf[:limit], true, nil
		}
		if len(buf) == cap(buf) {
			n := int64(cap(buf)) * 2
			if n >= limit {
				n = limit + 1 // straight to the end rather than one byte past a doubling
			}
			nb := make([]byte, len(buf), n)
			copy(nb, buf)
			buf = nb
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			if int64(len(buf)) > limit {
				return buf[:limit], true, nil
			}
			return buf, false, nil
		}
		if err != nil {
			return buf, false, err
		}
	}
}

// drainClose reads a little of what is left so the connection can be reused,
// then closes the body.
func drainClose(b io.ReadCloser) {
	if b == nil {
		return
	}
	buf := drainBufs.Get().(*[512]byte)
	for n := 0; n < 64<<10; {
		m, err := b.Read(buf[:])
		n += m
		if err != nil {
			break
		}
	}
	drainBufs.Put(buf)
	_ = b.Close()
}

var drainBufs = sync.Pool{New: func() any { return new([512]byte) }}

// beforeAttempt runs before every attempt: it adds the credentials and counts.
func (c *Client) beforeAttempt(_ retryablehttp.Logger, req *http.Request, _ int) {
	st, _ := req.Context().Value(callKey{}).(*call)
	if st == nil {
		return
	}
	st.attempts++
	st.start = time.Now()
	if c.auth != nil && !st.req.CarriesCredentials {
		c.auth(req)
	}
}

// isCredentialHeader reports a header that must not leave the original host:
// Authorization, Cookie, the vendor's credential headers (compared without
// regard to case, as header names are), and any secret-looking name.
func (c *Client) isCredentialHeader(name string) bool {
	switch {
	case strings.EqualFold(name, "Authorization"), strings.EqualFold(name, "Proxy-Authorization"), strings.EqualFold(name, "Cookie"):
		return true
	case IsSecretKey(name):
		return true
	}
	for _, h := range c.credHeaders {
		if strings.EqualFold(name, h) {
			return true
		}
	}
	return false
}

// checkRedirect is the redirect rule, the same on every Go version:
//   - only GET and HEAD follow a redirect; for any other method the redirect
//     is the answer (Do turns it into a *RedirectError), so a write is never
//     re-sent as a read and never reported as done by another URL;
//   - no request carries a Referer, which would repeat the previous URL and a
//     credential in its query (TeleCloud's GETs);
//   - a secret in the new URL is followed only as the call sent it (the
//     same query, to the same host): a URL the server built out of a
//     credential is not followed;
//   - leaving the original host (another host or port, or https to http)
//     drops every credential header, and a redirect that would still carry
//     a credential there (a body) is not followed.
//
// It does not rely on req.GetBody, which net/http sets on redirected
// requests only from Go 1.25.
func (c *Client) checkRedirect(next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		first := via[0]
		if first.Method != http.MethodGet && first.Method != http.MethodHead {
			return http.ErrUseLastResponse
		}
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		req.Header.Del("Referer")
		st, _ := req.Context().Value(callKey{}).(*call)
		var sc *Scrubber
		if st != nil {
			sc = st.scrubber()
		} else {
			sc = c.scrubber
		}
		orig := first.URL
		offHost := !strings.EqualFold(req.URL.Host, orig.Host) || (orig.Scheme == "https" && req.URL.Scheme != "https")
		// A secret in the new URL is followed only as the call sent it: the
		// same query on the same host (a path moved). Anything else is a
		// URL the server made out of a credential, and not followed.
		if sc.Contains(req.URL.String()) &&
			(offHost || req.URL.RawQuery != orig.RawQuery || sc.Contains(req.URL.Path) || sc.Contains(req.URL.RawPath) || sc.Contains(req.URL.User.String())) {
			return http.ErrUseLastResponse
		}
		if offHost {
			if st != nil && len(st.req.Body) > 0 {
				return http.ErrUseLastResponse
			}
			for k, vs := range req.Header {
				if c.isCredentialHeader(k) {
					delete(req.Header, k)
					continue
				}
				for _, v := range vs {
					if sc.Contains(v) {
						delete(req.Header, k)
						break
					}
				}
			}
		}
		if next != nil {
			return next(req, via)
		}
		return nil
	}
}
