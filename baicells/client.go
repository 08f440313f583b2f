package baicells

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ispkit/ispkit"
	"github.com/ispkit/ispkit/internal/transport"
)

// DefaultBaseURL is the North American CloudCore API of the manual. Local
// OMC+BOSS installs have their own host and port: use WithBaseURL.
const DefaultBaseURL = "http://baiboss.cloudapp.net:47081/baicellsapi"

// Secret holds a credential. It prints as REDACTED in every fmt verb, in
// slog and in JSON; Reveal returns the value for the one place that sends it.
type Secret = ispkit.Secret

// NewSecret returns a Secret holding s.
func NewSecret(s string) Secret { return ispkit.NewSecret(s) }

// Credentials are the operator's cloud key and the BOSS user:
//
//	baicells.Credentials{CloudKey: baicells.NewSecret(key), Username: user, Password: baicells.NewSecret(pw)}
//
// They print as REDACTED in every fmt verb, in slog and in JSON.
type Credentials struct {
	CloudKey Secret
	Username string
	Password Secret
}

// String implements fmt.Stringer without the secrets.
func (c Credentials) String() string {
	return fmt.Sprintf("baicells.Credentials{CloudKey:%s Username:%q Password:%s}", ispkit.Redacted, c.Username, ispkit.Redacted)
}

// GoString implements fmt.GoStringer without the secrets.
func (c Credentials) GoString() string { return c.String() }

// Format implements fmt.Formatter so that no verb shows the secrets.
func (c Credentials) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }

// LogValue implements slog.LogValuer.
func (c Credentials) LogValue() slog.Value {
	return slog.GroupValue(slog.String("cloud_key", ispkit.Redacted), slog.String("username", c.Username), slog.String("password", ispkit.Redacted))
}

// MarshalJSON writes the user and REDACTED in place of the secrets.
func (c Credentials) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		CloudKey string `json:"cloud_key"`
		Username string `json:"username"`
		Password string `json:"password"`
	}{ispkit.Redacted, c.Username, ispkit.Redacted})
}

// AuthScheme selects how the Authorization header carries the credentials.
type AuthScheme int

const (
	// AuthBare sends the base64 of "username:password" alone, as the manual
	// describes and field clients do. The default.
	AuthBare AuthScheme = iota
	// AuthBasic sends the standard "Basic " + base64 form.
	AuthBasic
)

// Option configures a Client.
type Option func(*settings) error

type settings struct {
	transport []transport.Option
	scheme    AuthScheme
	noAuth    bool
	loc       *time.Location
	sessionID func() string
}

func shared(o transport.Option) Option {
	return func(s *settings) error { s.transport = append(s.transport, o); return nil }
}

// WithBaseURL points the client at another BOSS, e.g. a local OMC+BOSS
// ("http://10.0.0.5:7090/baicellsapi") or a baicellstest server (its
// BaseURL; its Client method does this).
func WithBaseURL(u string) Option { return shared(transport.WithBaseURL(u)) }

// WithHTTPClient sends requests through hc (the client keeps its own copy).
func WithHTTPClient(hc *http.Client) Option { return shared(transport.WithHTTPClient(hc)) }

// WithUserAgent appends the application's product token to the User-Agent.
func WithUserAgent(app string) Option { return shared(transport.WithUserAgent(app)) }

// RetryPolicy says how often and how patiently a call is sent again; it is
// [ispkit.RetryPolicy], shared by the four packages. See WithRetry.
type RetryPolicy = ispkit.RetryPolicy

// DefaultRetryPolicy is the policy a client starts with (see
// [ispkit.DefaultRetryPolicy]); change a field of it and pass it to WithRetry.
func DefaultRetryPolicy() RetryPolicy { return ispkit.DefaultRetryPolicy() }

// WithRetry sets the retry policy. Only idempotent calls are retried after a
// failure that may have reached the server (see the package documentation).
func WithRetry(p RetryPolicy) Option { return shared(transport.WithRetry(p)) }

// WithLogger logs every attempt at debug level through l, with secrets redacted.
func WithLogger(l *slog.Logger) Option { return shared(transport.WithLogger(l)) }

// WithObserver reports every HTTP attempt of every call, retries included,
// to o: the operation, attempt number, status, duration, scrubbed error and
// the call's session_id as RequestID (see [ispkit.Attempt]). Feed metrics
// or traces from it.
func WithObserver(o ispkit.Observer) Option { return shared(transport.WithObserver(o)) }

// WithTimeout bounds every call, retries included, when ctx has no earlier deadline.
func WithTimeout(d time.Duration) Option { return shared(transport.WithTimeout(d)) }

// WithMaxResponseSize caps a success body (default 32 MiB). A larger answer
// is an error matching ErrResponseTooLarge.
func WithMaxResponseSize(n int64) Option { return shared(transport.WithMaxResponseSize(n)) }

// WithMaxIdleConnsPerHost sets how many idle connections the client keeps
// for reuse (default 64). A client shared by more goroutines than that —
// a worker pool, a high bulk concurrency — should set it to their number, or
// it opens new connections where it could reuse one. Refused together with
// WithHTTPClient, whose transport is the caller's to size.
func WithMaxIdleConnsPerHost(n int) Option { return shared(transport.WithMaxIdleConnsPerHost(n)) }

// WithAuthScheme selects the Authorization form (default AuthBare).
func WithAuthScheme(s AuthScheme) Option {
	return func(st *settings) error {
		if s != AuthBare && s != AuthBasic {
			return fmt.Errorf("baicells: WithAuthScheme: unknown scheme %d", s)
		}
		st.scheme = s
		return nil
	}
}

// WithoutAuthHeaders sends every request without the cloud_key and
// Authorization headers, for a local OMC+BOSS install that does not check
// them: a public PHP snippet calls one so (host:7090/baicellsapi). It is
// never the default; the manual requires both headers, and CloudCore
// refuses a request without them (5002, ErrUnauthorized).
//
// With it, New requires no credentials: Credentials may be empty, and any
// given are not sent (they are still scrubbed from errors and logs).
//
// Risk: the requests authenticate nothing, so the install accepts them from
// anyone who can reach it. Use it only for an install that really does not
// check (one that does answers 5002 to every call), reached over a network
// you control; BOSS's base URL is plain HTTP.
func WithoutAuthHeaders() Option {
	return func(st *settings) error { st.noAuth = true; return nil }
}

// WithLocation sets the time zone of the manual's "yyyy-MM-dd HH:mm:ss" times
// (usage queries and results). The manual does not name one; the default is UTC.
func WithLocation(loc *time.Location) Option {
	return func(st *settings) error {
		if loc == nil {
			return errors.New("baicells: WithLocation: nil location")
		}
		st.loc = loc
		return nil
	}
}

// WithSessionIDGenerator replaces the generator of session_id values. It must
// be safe for concurrent use and return a non-empty value.
func WithSessionIDGenerator(f func() string) Option {
	return func(st *settings) error {
		if f == nil {
			return errors.New("baicells: WithSessionIDGenerator: nil func")
		}
		st.sessionID = f
		return nil
	}
}

type sessionKey struct{}

// WithSessionID returns a context whose calls use id as their session_id (the
// manual's "business serial number"), for correlation with the caller's own
// records. Without it every request gets a fresh, unique numeric id.
func WithSessionID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, sessionKey{}, id)
}

// Client is a BOSS API client. It is safe for concurrent use.
type Client struct {
	// Subscribers: sections 2.1.1–2.1.17 of the manual, plus Reconcile.
	Subscribers *SubscribersService
	// Plans: sections 2.2.1–2.2.6, plus Ensure.
	Plans *PlansService
	// Usage: sections 2.3.1–2.3.2.
	Usage *UsageService

	t         *transport.Client
	loc       *time.Location
	sessionID func() string
}

// New returns a client for the operator's credentials. It sends nothing; bad
// credentials are reported by the first call (ErrUnauthorized). With
// WithoutAuthHeaders the credentials are optional and never sent.
func New(creds Credentials, opts ...Option) (*Client, error) {
	st := settings{loc: time.UTC}
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(&st); err != nil {
			return nil, err
		}
	}
	key, pw := creds.CloudKey.Reveal(), creds.Password.Reveal()
	switch {
	case st.noAuth: // nothing is sent: nothing to check
	case strings.TrimSpace(key) == "":
		return nil, invalid("New", "Credentials.CloudKey", "is empty")
	case creds.Username == "":
		return nil, invalid("New", "Credentials.Username", "is empty")
	case strings.ContainsAny(key, "\r\n"):
		return nil, invalid("New", "Credentials.CloudKey", "contains a line break")
	case strings.Contains(creds.Username, ":"):
		return nil, invalid("New", "Credentials.Username", "contains ':', which basic authentication cannot carry")
	}
	token := base64.StdEncoding.EncodeToString([]byte(creds.Username + ":" + pw))
	authValue := []string{token}
	if st.scheme == AuthBasic {
		authValue = []string{"Basic " + token}
	}
	cloudKey := []string{key}
	secrets := []string{key, pw}
	if creds.Username != "" || pw != "" {
		// Without credentials (WithoutAuthHeaders) the token would be the
		// base64 of ":", "Og==", which is no secret.
		secrets = append(secrets, token)
	}
	t, err := transport.New(transport.Vendor{
		Name:           "baicells",
		DefaultBaseURL: DefaultBaseURL,
		Authenticate: func(r *http.Request) {
			if st.noAuth {
				return // WithoutAuthHeaders
			}
			r.Header[headerCloudKey] = cloudKey // exact spelling, see wire.go
			r.Header[headerAuthorization] = authValue
		},
		CredentialHeaders: []string{headerCloudKey},
		Secrets:           secrets,
	}, st.transport)
	if err != nil {
		return nil, fmt.Errorf("baicells: %w", err)
	}
	c := &Client{t: t, loc: st.loc, sessionID: st.sessionID}
	if c.sessionID == nil {
		c.sessionID = newSessionIDs()
	}
	c.Subscribers = &SubscribersService{c: c}
	c.Plans = &PlansService{c: c}
	c.Usage = &UsageService{c: c}
	return c, nil
}

// HTTPClient returns the *http.Client the client sends through (for test
// interceptors such as gock.InterceptClient).
func (c *Client) HTTPClient() *http.Client { return c.t.HTTPClient() }

// BaseURL returns the base URL in use.
func (c *Client) BaseURL() string { return c.t.BaseURL() }

// newSessionIDs returns a generator of numeric session ids unique per client
// and, with a random start, across clients: milliseconds since the epoch
// followed by six digits of a counter.
func newSessionIDs() func() string {
	var seed [8]byte
	_, _ = rand.Read(seed[:])
	var n atomic.Uint64
	n.Store(binary.LittleEndian.Uint64(seed[:]) % 1_000_000)
	return func() string {
		seq := n.Add(1) % 1_000_000
		return strconv.FormatUint(uint64(time.Now().UnixMilli())*1_000_000+seq, 10)
	}
}

func (c *Client) nextSessionID(ctx context.Context) string {
	if ctx != nil { // a nil ctx is refused by sendPath
		if id, ok := ctx.Value(sessionKey{}).(string); ok && id != "" {
			return id
		}
	}
	return c.sessionID()
}

// call sends one request and decodes an object answer into out (which embeds
// envelope). A non-"200" result_code is an error whatever the HTTP status.
func (c *Client) call(ctx context.Context, rt route, sessionID string, body any, out enveloped) error {
	_, err := c.callResp(ctx, rt, sessionID, body, out)
	return err
}

// callResp is call that also returns the answer, for the callers that build
// errors from what it held (bulk records, usage times).
func (c *Client) callResp(ctx context.Context, rt route, sessionID string, body any, out enveloped) (*transport.Response, error) {
	resp, err := c.send(ctx, rt, sessionID, body)
	if err != nil {
		return nil, err
	}
	return resp, c.decode(rt, sessionID, resp, out)
}

func (c *Client) send(ctx context.Context, rt route, sessionID string, body any) (*transport.Response, error) {
	return c.sendPath(ctx, rt, rt.path, sessionID, body)
}

func (c *Client) sendPath(ctx context.Context, rt route, path, sessionID string, body any) (*transport.Response, error) {
	if err := checkCtx(ctx, rt.op); err != nil {
		return nil, err
	}
	req := &transport.Request{Op: rt.op, Method: rt.method, Path: path, Retry: transport.RetrySafeIf(rt.idempotent), RequestID: sessionID}
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, &Error{Op: rt.op, RequestID: sessionID, Err: fmt.Errorf("encoding request: %w", err)}
		}
		req.Body = b
	}
	resp, err := c.t.Do(ctx, req)
	if err != nil {
		// The transport's errors are scrubbed of the client's and the call's
		// secrets already; the status is set when an answer arrived.
		return nil, &Error{Op: rt.op, RequestID: sessionID, HTTPStatus: transport.StatusOf(err), RetryAfter: transport.RetryAfterOf(err), Err: err}
	}
	return resp, nil
}

// answerError is the *Error of an answer that arrived; its text fields are
// for the caller to fill, scrubbed with the call's scrubber (resp.Scrub,
// resp.Excerpt, resp.Error).
func answerError(rt route, sessionID string, resp *transport.Response) *Error {
	return &Error{Op: rt.op, HTTPStatus: resp.StatusCode, RetryAfter: resp.RetryAfter, RequestID: sessionID}
}

func (c *Client) decode(rt route, sessionID string, resp *transport.Response, out enveloped) error {
	body := bytes.TrimSpace(resp.Body)
	if len(body) == 0 || body[0] != '{' {
		return c.badResponse(rt, sessionID, resp, nil)
	}
	err := json.Unmarshal(body, out)
	if fixer, ok := out.(decodeFixer); ok && err != nil {
		err = fixer.fixAPNInfos(body, err)
	}
	if err != nil {
		// A failure answer we cannot fully decode may still carry its code.
		var env envelope
		if json.Unmarshal(body, &env) == nil && !env.ok() {
			return c.resultError(rt, sessionID, resp, &env)
		}
		return c.badResponse(rt, sessionID, resp, fmt.Errorf("decoding response: %w", err))
	}
	if env := out.env(); !env.ok() {
		return c.resultError(rt, sessionID, resp, env)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return c.badResponse(rt, sessionID, resp, nil)
	}
	return nil
}

func (c *Client) resultError(rt route, sessionID string, resp *transport.Response, env *envelope) error {
	e := answerError(rt, sessionID, resp)
	e.Message = resp.Scrub(string(env.Message))
	if env.SessionID != "" {
		e.RequestID = resp.Scrub(string(env.SessionID))
	}
	code, ok := parseCode(env.ResultCode)
	if !ok {
		e.Err = fmt.Errorf("%w: result_code %s is not a number", ErrBadResponse, quoted(resp, string(env.ResultCode)))
		e.Body = resp.Excerpt(excerptSize)
		return e
	}
	e.Code = code
	return e
}

// parseCode reads a result_code; 0 and what is not a number are not codes.
func parseCode(raw flexString) (ResultCode, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(string(raw)))
	if err != nil || n == 0 {
		return 0, false
	}
	return ResultCode(n), true
}

// quotedSize caps a server value quoted in an error message.
const quotedSize = 40

// quoted is a server value for an error message: scrubbed with the call's
// scrubber, then cut, then quoted.
func quoted(resp *transport.Response, raw string) string {
	return strconv.Quote(resp.Scrubber().Excerpt([]byte(raw), quotedSize))
}

func (c *Client) badResponse(rt route, sessionID string, resp *transport.Response, cause error) error {
	if cause == nil {
		ct := resp.Header.Get("Content-Type")
		if ct == "" {
			ct = "no content type"
		}
		cause = fmt.Errorf("HTTP %d with a body that is not a BOSS answer (%s, %d bytes)", resp.StatusCode, resp.Scrubber().Excerpt([]byte(ct), quotedSize), len(resp.Body))
	} else {
		cause = resp.Error(cause)
	}
	e := answerError(rt, sessionID, resp)
	e.Body = resp.Excerpt(excerptSize)
	e.Err = cause
	return e
}

const excerptSize = 256

// Do sends a request the typed layer does not cover (yet): method and path
// under the base URL (e.g. "/customers/query"), body marshalled as JSON. A
// map[string]any body without "session_id" gets one. A JSON object answer is
// checked for result_code and decoded into out when out is not nil; an array
// answer is decoded into out as is.
func (c *Client) Do(ctx context.Context, method, path string, body any, out any) error {
	if err := checkCtx(ctx, "Do"); err != nil {
		return err
	}
	if err := checkPath("Do", path); err != nil {
		return err
	}
	rt := route{op: "Do " + path, method: method, path: path, idempotent: method == http.MethodGet}
	sid := c.nextSessionID(ctx)
	if m, ok := body.(map[string]any); ok {
		if _, has := m["session_id"]; !has {
			m2 := make(map[string]any, len(m)+1)
			for k, v := range m {
				m2[k] = v
			}
			m2["session_id"] = sid
			body = m2
		} else {
			sid = fmt.Sprint(m["session_id"])
		}
	}
	resp, err := c.send(ctx, rt, sid, body)
	if err != nil {
		return err
	}
	trimmed := bytes.TrimSpace(resp.Body)
	if len(trimmed) > 0 && trimmed[0] == '[' && resp.StatusCode < 300 {
		if out == nil {
			return nil
		}
		if err := json.Unmarshal(trimmed, out); err != nil {
			return c.badResponse(rt, sid, resp, fmt.Errorf("decoding response: %w", err))
		}
		return nil
	}
	var env envelope
	if err := c.decode(rt, sid, resp, &env); err != nil {
		return err
	}
	if out != nil {
		if err := json.Unmarshal(trimmed, out); err != nil {
			return c.badResponse(rt, sid, resp, fmt.Errorf("decoding response: %w", err))
		}
	}
	return nil
}

// checkPath refuses a Do path that does not start with '/', holds a "." or
// ".." segment (a server or proxy that cleans paths would send the call
// elsewhere), a control character or invalid UTF-8.
func checkPath(op, path string) error {
	if !strings.HasPrefix(path, "/") {
		return invalid(op, "path", "must start with '/'")
	}
	if !utf8.ValidString(path) {
		return invalid(op, "path", "is not valid UTF-8")
	}
	if strings.IndexFunc(path, unicode.IsControl) >= 0 {
		return invalid(op, "path", "contains a control character")
	}
	for _, seg := range strings.Split(path, "/") {
		if seg == "." || seg == ".." {
			return invalid(op, "path", "has a %q segment", seg)
		}
	}
	return nil
}
