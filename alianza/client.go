package alianza

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/ispkit/ispkit/internal/transport"
)

// Credentials are an Alianza API user (as in the Alianza admin GUI). They
// print as REDACTED in every fmt verb and in slog (the user name is shown).
type Credentials struct {
	Username string
	Password string
}

// String implements fmt.Stringer without the password.
func (c Credentials) String() string {
	return fmt.Sprintf("alianza.Credentials{Username:%q Password:%s}", c.Username, transport.Redacted)
}

// GoString implements fmt.GoStringer without the password.
func (c Credentials) GoString() string { return c.String() }

// Format implements fmt.Formatter so that no verb shows the password.
func (c Credentials) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }

// LogValue implements slog.LogValuer.
func (c Credentials) LogValue() slog.Value {
	return slog.GroupValue(slog.String("username", c.Username), slog.String("password", transport.Redacted))
}

// Option configures a Client.
type Option func(*settings) error

type settings struct {
	transport []transport.Option
	partition string
}

func shared(o transport.Option) Option {
	return func(s *settings) error { s.transport = append(s.transport, o); return nil }
}

// WithBaseURL points the client at another host, e.g. an alianzatest server.
// The default is ProductionBaseURL; see WithBeta.
func WithBaseURL(u string) Option { return shared(transport.WithBaseURL(u)) }

// WithProduction selects ProductionBaseURL (the default).
func WithProduction() Option { return WithBaseURL(ProductionBaseURL) }

// WithBeta selects BetaBaseURL, where integrations are certified first.
func WithBeta() Option { return WithBaseURL(BetaBaseURL) }

// WithPartition sets the partition every call works in. Without it the
// partition of the login answer is used.
func WithPartition(id string) Option {
	return func(s *settings) error {
		if strings.TrimSpace(id) == "" || strings.ContainsAny(id, "/?#") {
			return fmt.Errorf("alianza: WithPartition: %q is not a partition id", id)
		}
		s.partition = id
		return nil
	}
}

// WithHTTPClient sends requests through hc (the client keeps its own copy).
func WithHTTPClient(hc *http.Client) Option { return shared(transport.WithHTTPClient(hc)) }

// WithUserAgent appends the application's product token to the User-Agent.
func WithUserAgent(app string) Option { return shared(transport.WithUserAgent(app)) }

// RetryPolicy is the shared retry policy; see WithRetry.
type RetryPolicy = transport.RetryPolicy

// WithRetry sets the retry policy. GET, PUT and DELETE are retried per the
// policy; POST and PATCH are re-sent only when the connection could not be
// made at all.
func WithRetry(p RetryPolicy) Option { return shared(transport.WithRetry(p)) }

// WithLogger logs every attempt at debug level through l, with secrets
// redacted. Bodies are never logged.
func WithLogger(l *slog.Logger) Option { return shared(transport.WithLogger(l)) }

// WithTimeout bounds every call, retries and a re-login included, when ctx
// has no earlier deadline.
func WithTimeout(d time.Duration) Option { return shared(transport.WithTimeout(d)) }

// WithMaxResponseSize caps a success body (default 32 MiB).
func WithMaxResponseSize(n int64) Option { return shared(transport.WithMaxResponseSize(n)) }

// Client is an Alianza Public API v2 client. It logs in lazily, shares one
// token between all goroutines, and logs in again once when the token is
// refused. It is safe for concurrent use.
type Client struct {
	// Accounts: accounts in the partition, and the CRM status rule.
	Accounts *AccountsService
	// Users: the end users of an account.
	Users *UsersService
	// DeviceLines: the device lines (SIP lines) of an account.
	DeviceLines *DeviceLinesService
	// Numbers: telephone numbers of accounts, the partition's inventory, and the status search.
	Numbers *NumbersService
	// CallingPlans: calling plans of accounts and their users.
	CallingPlans *CallingPlansService
	// ProductPlans: user product plans available to an account.
	ProductPlans *ProductPlansService
	// Jobs: asynchronous jobs (202 answers): Get, Wait, Start.
	Jobs *JobsService
	// ReferenceData: the device types, time zones, languages, calling plan
	// products and inbound rate plans provisioning takes ids from.
	ReferenceData *ReferenceDataService

	t         *transport.Client
	sess      *session
	partition string // configured; "" means the login's
}

// New returns a client for the user. It sends nothing: the first call logs
// in (ErrUnauthorized if the credentials are refused).
func New(creds Credentials, opts ...Option) (*Client, error) {
	switch {
	case strings.TrimSpace(creds.Username) == "":
		return nil, invalid("New", "Credentials.Username", "is empty")
	case creds.Password == "":
		return nil, invalid("New", "Credentials.Password", "is empty")
	}
	var st settings
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(&st); err != nil {
			return nil, err
		}
	}
	t, err := transport.New(transport.Vendor{
		Name:           "alianza",
		DefaultBaseURL: ProductionBaseURL,
		Authenticate: func(r *http.Request) {
			if tok, ok := r.Context().Value(tokenKey{}).(*authToken); ok {
				r.Header[headerAuthToken] = tok.header // shared, never modified
			}
		},
		CredentialHeaders: []string{headerAuthToken},
		Secrets:           []string{creds.Password}, // in every spelling
	}, st.transport)
	if err != nil {
		return nil, fmt.Errorf("alianza: %w", err)
	}
	c := &Client{t: t, partition: st.partition}
	c.sess = &session{login: func(ctx context.Context) (*wireLoginToken, error) {
		return c.login(ctx, creds)
	}}
	c.Accounts = &AccountsService{c: c}
	c.Users = &UsersService{c: c}
	c.DeviceLines = &DeviceLinesService{c: c}
	c.Numbers = &NumbersService{c: c}
	c.CallingPlans = &CallingPlansService{c: c}
	c.ProductPlans = &ProductPlansService{c: c}
	c.Jobs = &JobsService{c: c}
	c.ReferenceData = &ReferenceDataService{c: c}
	return c, nil
}

// String describes the client without its credentials or token.
func (c *Client) String() string {
	return fmt.Sprintf("alianza.Client{BaseURL:%s Partition:%q}", c.t.BaseURL(), c.partition)
}

// GoString describes the client without its credentials or token.
func (c *Client) GoString() string { return c.String() }

// HTTPClient returns the *http.Client the client sends through (for test
// interceptors such as gock.InterceptClient).
func (c *Client) HTTPClient() *http.Client { return c.t.HTTPClient() }

// BaseURL returns the base URL in use.
func (c *Client) BaseURL() string { return c.t.BaseURL() }

// partitionOf checks ctx and resolves the partition of a call, logging in
// when needed.
func (c *Client) partitionOf(ctx context.Context, op string) (string, error) {
	if ctx == nil {
		return "", invalid(op, "ctx", "is nil")
	}
	p, err := c.partitionID(ctx)
	if err != nil {
		return "", c.loginError(op, err)
	}
	return p, nil
}

// tokenKey carries the token of one call to Vendor.Authenticate.
type tokenKey struct{}

// call is one request of the typed layer.
type call struct {
	op     string
	method string
	path   string
	query  url.Values
	body   any
}

// do sends a call with the session's token, logging in first when needed
// and once more when the token is refused, and decodes a JSON answer into
// out when out is not nil.
func (c *Client) do(ctx context.Context, cl call, out any) error {
	if ctx == nil {
		return invalid(cl.op, "ctx", "is nil")
	}
	var body []byte
	var bodySecrets []string
	if cl.body != nil {
		b, err := json.Marshal(cl.body)
		if err != nil {
			return &Error{Op: cl.op, Err: fmt.Errorf("encoding request: %w", err)}
		}
		body = b // the transport scrubs its secret fields by itself
	}
	for attempt := 0; ; attempt++ {
		tok, err := c.sess.token(ctx)
		if err != nil {
			return c.loginError(cl.op, err)
		}
		resp, err := c.t.Do(context.WithValue(ctx, tokenKey{}, tok), &transport.Request{
			Op: cl.op, Method: cl.method, Path: cl.path, Query: cl.query, Body: body,
		})
		if err != nil {
			return &Error{Op: cl.op, Err: err}
		}
		if resp.StatusCode == http.StatusUnauthorized && attempt == 0 {
			// The token expired or was revoked: one new login, one retry.
			c.sess.invalidate(tok)
			continue
		}
		return c.decode(cl.op, callSecrets{tok: tok.tok, body: bodySecrets}, resp, out)
	}
}

// decode turns a 2xx JSON answer into out, and anything else into an *Error.
func (c *Client) decode(op string, sec callSecrets, resp *transport.Response, out any) error {
	body := bytes.TrimSpace(resp.Body)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return c.statusError(op, sec, resp)
	}
	if out == nil {
		return nil
	}
	if len(body) == 0 {
		return &Error{Op: op, HTTPStatus: resp.StatusCode, Err: fmt.Errorf("%w: an empty body where JSON was expected", ErrBadResponse)}
	}
	if err := json.Unmarshal(body, out); err != nil {
		return &Error{Op: op, HTTPStatus: resp.StatusCode, Body: c.excerpt(sec, resp), Err: fmt.Errorf("%w: %s", ErrBadResponse, c.scrub(sec, err.Error()))}
	}
	return nil
}

// statusError reads any of the spec's error shapes; a body that is none of
// them keeps an excerpt.
func (c *Client) statusError(op string, sec callSecrets, resp *transport.Response) error {
	e := &Error{Op: op, HTTPStatus: resp.StatusCode}
	body := bytes.TrimSpace(resp.Body)
	var w wireError
	if len(body) > 0 && body[0] == '{' && json.Unmarshal(body, &w) == nil {
		e.Status = int(w.Status)
		for _, m := range w.messages() {
			e.Messages = append(e.Messages, c.scrub(sec, m))
		}
		e.Code = c.scrub(sec, strings.TrimSpace(string(w.Code)))
		if d := bytes.TrimSpace(w.Data); len(d) > 0 && !bytes.Equal(d, []byte("null")) && !bytes.Equal(d, []byte("{}")) {
			e.Data = json.RawMessage(c.scrub(sec, string(transport.RedactBody(d))))
		}
		if len(e.Messages) > 0 || e.Code != "" {
			return e
		}
	}
	if len(body) > 0 {
		e.Body = c.excerpt(sec, resp)
	}
	return e
}

// loginError wraps a failed login for the call that needed it.
func (c *Client) loginError(op string, err error) error {
	var e *Error
	if errors.As(err, &e) {
		cp := *e
		cp.Op = op + " (login)"
		return &cp
	}
	return &Error{Op: op + " (login)", Err: err}
}

const excerptSize = 256

// callSecrets are the secrets of one call beyond the password: its token
// and the secret values of its request body (a SIP password, a PIN), which
// an answer quoting the request would otherwise carry into an error.
type callSecrets struct {
	tok  string
	body []string
}

// scrub removes the password and the call's secrets from text.
func (c *Client) scrub(sec callSecrets, text string) string {
	text = c.t.Scrub(text)
	if sec.tok != "" {
		text = strings.ReplaceAll(text, sec.tok, transport.Redacted)
	}
	for _, v := range sec.body {
		text = strings.ReplaceAll(text, v, transport.Redacted)
	}
	return text
}

func (c *Client) excerpt(sec callSecrets, resp *transport.Response) string {
	s := c.scrub(sec, resp.Scrubber().Excerpt(resp.Body, excerptSize))
	if resp.Truncated {
		s += " (truncated)"
	}
	return s
}

// Do sends a request the typed layer does not cover (yet): method and path
// under the base URL, with "{partition}" in path replaced by the partition
// (e.g. "/v2/partition/{partition}/account/ID/user"), body marshalled as
// JSON when not nil, and a JSON answer decoded into out when out is not nil.
// Login and the one re-login on 401 are handled as for every call.
func (c *Client) Do(ctx context.Context, method, path string, query url.Values, body, out any) error {
	if ctx == nil {
		return invalid("Do", "ctx", "is nil")
	}
	if !strings.HasPrefix(path, "/") {
		return invalid("Do", "path", "must start with '/'")
	}
	if strings.Contains(path, "{partition}") {
		p, err := c.partitionID(ctx)
		if err != nil {
			return c.loginError("Do "+path, err)
		}
		path = strings.ReplaceAll(path, "{partition}", url.PathEscape(p))
	}
	return c.do(ctx, call{op: "Do " + method + " " + path, method: method, path: path, query: query, body: body}, out)
}
