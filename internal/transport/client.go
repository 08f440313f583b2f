// Package transport is the HTTP core shared by every ispkit vendor package:
// options, an idempotency-aware retry policy on go-retryablehttp, credentials
// applied per attempt, the cross-host redirect rule, redaction, logging, capped
// body reads and the User-Agent. Vendor packages describe their requests with
// Request and build their own typed errors from Response.
package transport

import (
	"bytes"
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
		hc := *cfg.httpClient
		c.hc = &hc
	} else {
		c.hc = &http.Client{Transport: defaultTransport()}
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
// in which case an equivalent transport is built.
func defaultTransport() *http.Transport {
	if t, ok := http.DefaultTransport.(*http.Transport); ok {
		t = t.Clone()
		t.MaxIdleConnsPerHost = 16
		return t
	}
	return &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   16,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
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
	// Idempotent marks a request that is safe to send twice. GET, HEAD, PUT,
	// DELETE and OPTIONS are idempotent anyway; set it for POSTs that only read.
	Idempotent bool
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
	// NotIdempotent marks a request that must not be sent twice whatever its
	// method: TeleCloud's DELETE and PATCH act once (only its searches are safe
	// to repeat). It is re-sent only when it provably never left (dial errors).
	NotIdempotent bool
	// SecretParams names query parameters whose values are secrets although
	// their names do not say so (TeleCloud's "dl", a driver's licence number):
	// they are redacted from the URL in logs and errors like API_KEY is.
	SecretParams []string
}

func (r *Request) idempotent() bool {
	if r.NotIdempotent {
		return false
	}
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return r.Idempotent
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
}

// ErrResponseTooLarge is returned when a success body exceeds the configured cap.
var ErrResponseTooLarge = errors.New("response body exceeds the configured maximum size")

// Error is a failure to get any usable HTTP response: the connection, the
// context, or a body too large. Its text never contains a secret.
type Error struct {
	Op       string
	Method   string
	URL      string // redacted
	Attempts int
	Err      error
}

// Error leaves Op out: the vendor error that wraps this one names the operation.
func (e *Error) Error() string {
	return fmt.Sprintf("%s %s (attempt %d): %v", e.Method, e.URL, e.Attempts, e.Err)
}

// Unwrap returns the cause (context.Canceled, a *net.OpError, ErrResponseTooLarge ...).
func (e *Error) Unwrap() error { return e.Err }

type callKey struct{}

// call is the state of one logical request across its attempts. It lives in the
// request's context so that the shared retryablehttp.Client needs no per-call
// closures; it is only touched from the goroutine running Do.
type call struct {
	req        *Request
	idempotent bool
	url        string // redacted, computed once
	attempts   int
	start      time.Time
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
	st := &call{req: r, idempotent: r.idempotent()}
	ctx = context.WithValue(ctx, callKey{}, st)

	var body any
	if r.Body != nil {
		body = r.Body
	}
	rreq, err := retryablehttp.NewRequestWithContext(ctx, r.Method, u, body)
	if err != nil {
		return nil, &Error{Op: r.Op, Method: r.Method, URL: RedactURLString(u, r.SecretParams...), Err: err}
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
		return nil, c.transportError(st, u, err)
	}
	out, err := c.readResponse(resp)
	if err != nil {
		return nil, c.transportError(st, u, err)
	}
	out.Attempts = st.attempts
	return out, nil
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

func (c *Client) transportError(st *call, u string, err error) error {
	err = stripURLError(err)
	return &Error{
		Op: st.req.Op, Method: st.req.Method, URL: RedactURLString(u, st.req.SecretParams...), Attempts: max(st.attempts, 1),
		Err: scrubbedError{err: err, text: c.Scrub(err.Error())},
	}
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

func (c *Client) errText(err error) string { return c.Scrub(stripURLError(err).Error()) }

// scrubbedError keeps the cause for errors.Is/As but prints scrubbed text.
type scrubbedError struct {
	err  error
	text string
}

func (e scrubbedError) Error() string { return e.text }
func (e scrubbedError) Unwrap() error { return e.err }

func (c *Client) readResponse(resp *http.Response) (*Response, error) {
	defer drainClose(resp.Body)
	out := &Response{StatusCode: resp.StatusCode, Header: resp.Header}
	if !bodyAllowed(resp) {
		return out, nil
	}
	limit := c.maxBody
	success := resp.StatusCode >= 200 && resp.StatusCode < 300
	if !success {
		limit = MaxErrorBodySize
	}
	b, over, err := readCapped(resp.Body, resp.ContentLength, limit)
	if err != nil {
		return nil, fmt.Errorf("reading response body (HTTP %d): %w", resp.StatusCode, err)
	}
	if over {
		if success {
			return nil, fmt.Errorf("HTTP %d: %w (%d bytes)", resp.StatusCode, ErrResponseTooLarge, limit)
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

// readCapped reads at most limit bytes and reports whether more were available.
func readCapped(r io.Reader, contentLength, limit int64) ([]byte, bool, error) {
	if contentLength >= 0 && contentLength <= limit {
		buf := make([]byte, contentLength)
		n, err := io.ReadFull(r, buf)
		if err != nil {
			return buf[:n], false, err
		}
		return buf, false, nil
	}
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	if err != nil {
		return buf.Bytes(), false, err
	}
	if n > limit {
		return buf.Bytes()[:limit], true, nil
	}
	return buf.Bytes(), false, nil
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

// checkRedirect drops every credential header when a redirect leaves the
// original host (Go's client already drops Authorization and Cookie on a
// different domain, but forwards custom ones such as cloud_key).
func (c *Client) checkRedirect(next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		orig := via[0].URL
		if !strings.EqualFold(req.URL.Host, orig.Host) || (orig.Scheme == "https" && req.URL.Scheme != "https") {
			// A 307/308 repeats the body, which may hold credentials (a login,
			// a SOAP <login>, a SIP password): such a redirect is not
			// followed off the original host; the caller gets the redirect.
			if req.GetBody != nil && req.Body != nil && req.Body != http.NoBody {
				return http.ErrUseLastResponse
			}
			for k := range req.Header {
				if c.isCredentialHeader(k) {
					delete(req.Header, k)
				}
			}
		}
		if next != nil {
			return next(req, via)
		}
		return nil
	}
}
