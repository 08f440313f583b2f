package octane

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ispkit/ispkit"
	"github.com/ispkit/ispkit/internal/transport"
)

// Secret holds a credential: the password. It prints as REDACTED in every
// fmt verb, in slog and in JSON; Reveal returns the value.
type Secret = ispkit.Secret

// NewSecret returns a Secret holding s.
func NewSecret(s string) Secret { return ispkit.NewSecret(s) }

// Credentials are the Octane API user. The password prints as REDACTED in
// every fmt verb, in slog and in JSON (the user name is shown):
//
//	octane.Credentials{Username: user, Password: octane.NewSecret(pass)}
type Credentials struct {
	Username string
	Password Secret
}

// String implements fmt.Stringer without the password.
func (c Credentials) String() string {
	return fmt.Sprintf("octane.Credentials{Username:%q Password:%s}", c.Username, transport.Redacted)
}

// GoString implements fmt.GoStringer without the password.
func (c Credentials) GoString() string { return c.String() }

// Format implements fmt.Formatter so that no verb shows the password.
func (c Credentials) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }

// MarshalJSON writes the user name and the password as REDACTED.
func (c Credentials) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct{ Username, Password string }{c.Username, transport.Redacted})
}

// LogValue implements slog.LogValuer.
func (c Credentials) LogValue() slog.Value {
	return slog.GroupValue(slog.String("username", c.Username), slog.String("password", transport.Redacted))
}

// Option configures a Client.
type Option func(*settings) error

type settings struct {
	transport        []transport.Option
	soapBase         string
	loc              *time.Location
	pollMin, pollMax time.Duration
}

func shared(o transport.Option) Option {
	return func(s *settings) error { s.transport = append(s.transport, o); return nil }
}

// WithSOAPBaseURL sets the root of the SOAP services (the order service is
// {root}/UtbOrder). The default is TestSOAPBaseURL, the vendor's test
// environment; production hosts come from Telcoinabox.
func WithSOAPBaseURL(u string) Option {
	return func(s *settings) error {
		parsed, err := transport.ParseBaseURL(u)
		if err != nil {
			return fmt.Errorf("octane: WithSOAPBaseURL: %w", err)
		}
		s.soapBase = parsed.String()
		return nil
	}
}

// WithRESTBaseURL sets the root of the REST API (paths start with /v1). The
// default is TestRESTBaseURL, the vendor's test environment. It is Octane's
// form of the WithBaseURL option of the other ispkit packages.
func WithRESTBaseURL(u string) Option { return shared(transport.WithBaseURL(u)) }

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

// WithRetry sets the retry policy. Queries (orderQuery, getServiceDetail, the
// REST GET) are retried; orders and REST POSTs are re-sent only when the
// connection could not be made at all.
func WithRetry(p RetryPolicy) Option { return shared(transport.WithRetry(p)) }

// WithLogger logs every attempt at debug level through l, with secrets
// redacted. Bodies are never logged.
func WithLogger(l *slog.Logger) Option { return shared(transport.WithLogger(l)) }

// WithObserver reports every HTTP attempt of every call, retries included,
// to o: the operation, attempt number, status, duration, scrubbed error and
// correlation id (see [ispkit.Attempt]; Octane documents no correlation id,
// so RequestID is empty). Feed metrics or traces from it.
func WithObserver(o ispkit.Observer) Option { return shared(transport.WithObserver(o)) }

// WithTimeout bounds every call, retries included, when ctx has no earlier
// deadline. It does not bound the waits for orders; their context does.
func WithTimeout(d time.Duration) Option { return shared(transport.WithTimeout(d)) }

// WithMaxResponseSize caps a success body (default 32 MiB). A larger answer
// is refused, unread past the cap, with an *Error matching
// ErrResponseTooLarge and ErrBadResponse.
func WithMaxResponseSize(n int64) Option { return shared(transport.WithMaxResponseSize(n)) }

// WithMaxIdleConnsPerHost sets how many idle connections the client keeps
// for reuse (default 64). A client shared by more goroutines than that —
// a worker pool, a high bulk concurrency — should set it to their number, or
// it opens new connections where it could reuse one. Refused together with
// WithHTTPClient, whose transport is the caller's to size.
func WithMaxIdleConnsPerHost(n int) Option { return shared(transport.WithMaxIdleConnsPerHost(n)) }

// WithPollInterval sets how often [OrdersService.Wait] (and every Pools
// call, which waits for its orders) asks about an order: at once, then after
// min, the pause doubling up to max. A [WaitOptions] given to one Wait
// overrides it for that call. The defaults, DefaultPollMin and DefaultPollMax, are
// both 30 minutes: the vendor's flow page asks integrators polling an order
// to completion to call orderQuery at most once every 30 minutes [vendor
// page]. Polling faster is the caller's explicit choice, made here; tests
// against the octanetest fake, whose orders take milliseconds, make it.
func WithPollInterval(min, max time.Duration) Option {
	return func(s *settings) error {
		if min <= 0 || max < min {
			return errors.New("octane: WithPollInterval: need 0 < min <= max")
		}
		s.pollMin, s.pollMax = min, max
		return nil
	}
}

// WithLocation sets the time zone of the dates sent with orders (custReqDate,
// "today" in that zone). The default is Australia/Sydney, or a fixed UTC+10
// where the time zone database is missing.
func WithLocation(loc *time.Location) Option {
	return func(s *settings) error {
		if loc == nil {
			return errors.New("octane: WithLocation: nil location")
		}
		s.loc = loc
		return nil
	}
}

// Defaults of WithPollInterval: at most one orderQuery per order every 30
// minutes, as the vendor asks of integrators polling an order to completion
// [vendor page].
const (
	DefaultPollMin = 30 * time.Minute
	DefaultPollMax = 30 * time.Minute
)

// Client is an Octane API client over both wire layers. It is safe for
// concurrent use.
type Client struct {
	// Pools is the data-pool flow with its business rules: start here.
	Pools *PoolsService
	// Orders is the SOAP order service (UtbOrder): steps 1, 2, 4 and 8 of the
	// flow, order reset, and Wait.
	Orders *OrdersService
	// Services is the SOAP service lookup: step 2's service number → line
	// sequence number (UtbServiceV3), and a service's balances (UtbMobile).
	Services *ServicesService
	// DataPools is the REST data-pool API: steps 3, 5, 6, 7 and 9, one call each,
	// without the rules.
	DataPools *DataPoolsService

	t                *transport.Client
	soapBase         string
	writeLogin       func(*bytes.Buffer) // closes over the credentials: never printed
	loc              *time.Location
	pollMin, pollMax time.Duration
}

// New returns a client for the user. It sends nothing; bad credentials are
// reported by the first call (ErrAuthFailed).
func New(creds Credentials, opts ...Option) (*Client, error) {
	switch {
	case strings.TrimSpace(creds.Username) == "":
		return nil, invalid("New", "Credentials.Username", "is empty")
	case creds.Password.IsZero():
		return nil, invalid("New", "Credentials.Password", "is empty")
	case strings.Contains(creds.Username, ":"):
		return nil, invalid("New", "Credentials.Username", "contains ':', which basic authentication cannot carry")
	case !validXMLText(creds.Username) || !validXMLText(creds.Password.Reveal()):
		return nil, invalid("New", "Credentials", "contain characters XML cannot carry")
	}
	st := settings{soapBase: TestSOAPBaseURL, pollMin: DefaultPollMin, pollMax: DefaultPollMax}
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(&st); err != nil {
			return nil, err
		}
	}
	if st.loc == nil {
		st.loc = defaultLocation()
	}

	password := creds.Password.Reveal()
	token := base64.StdEncoding.EncodeToString([]byte(creds.Username + ":" + password))
	authValue := []string{"Basic " + token}
	var user, pass bytes.Buffer
	_ = xml.EscapeText(&user, []byte(creds.Username))
	_ = xml.EscapeText(&pass, []byte(password))
	login := []byte("<" + elemLogin + "><" + elemPassword + ">" + pass.String() + "</" + elemPassword + "><" +
		elemUserName + ">" + user.String() + "</" + elemUserName + "></" + elemLogin + ">") // order: see wire.go

	t, err := transport.New(transport.Vendor{
		Name:           "octane",
		DefaultBaseURL: TestRESTBaseURL,
		Authenticate:   func(r *http.Request) { r.Header["Authorization"] = authValue },
		// Every spelling of both (XML-escaped in <login>, base64 in the
		// header) is the scrubber's business.
		Secrets: []string{password, token},
	}, st.transport)
	if err != nil {
		return nil, fmt.Errorf("octane: %w", err)
	}
	c := &Client{
		t:          t,
		soapBase:   st.soapBase,
		writeLogin: func(b *bytes.Buffer) { b.Write(login) },
		loc:        st.loc,
		pollMin:    st.pollMin,
		pollMax:    st.pollMax,
	}
	c.Orders = &OrdersService{c: c}
	c.Services = &ServicesService{c: c}
	c.DataPools = &DataPoolsService{c: c}
	c.Pools = &PoolsService{c: c}
	return c, nil
}

func defaultLocation() *time.Location {
	if loc, err := time.LoadLocation("Australia/Sydney"); err == nil {
		return loc
	}
	return time.FixedZone("AEST", 10*60*60)
}

// String describes the client without its credentials.
func (c *Client) String() string {
	return fmt.Sprintf("octane.Client{SOAP:%s REST:%s}", c.soapBase, c.t.BaseURL())
}

// GoString describes the client without its credentials.
func (c *Client) GoString() string { return c.String() }

// HTTPClient returns the *http.Client both layers send through (for test
// interceptors such as gock.InterceptClient).
func (c *Client) HTTPClient() *http.Client { return c.t.HTTPClient() }

// SOAPBaseURL returns the root of the SOAP services in use.
func (c *Client) SOAPBaseURL() string { return c.soapBase }

// RESTBaseURL returns the root of the REST API in use.
func (c *Client) RESTBaseURL() string { return c.t.BaseURL() }

// today is the date sent as custReqDate.
func (c *Client) today() string { return time.Now().In(c.loc).Format(custReqDateLayout) }

const (
	// excerptSize bounds the excerpt of an answer kept in Error.Body.
	excerptSize = 256
	// causeSize bounds the text of a decoding cause, cut once scrubbed.
	causeSize = 300
)

// scrubber is the call's scrubber: the client's secrets and those the call
// sent (the secret fields of a raw call's body). Every error built from an
// answer's text goes through it. A Response made outside the transport
// (tests of the decoders) has none, and the client's stands in.
func (c *Client) scrubber(resp *transport.Response) *transport.Scrubber {
	if s := resp.Scrubber(); s != nil {
		return s
	}
	return c.t.Scrubber()
}

// excerpt is a scrubbed excerpt of the answer's body for an error: secret
// fields redacted and secrets scrubbed first, then cut.
func (c *Client) excerpt(resp *transport.Response) string {
	s := c.scrubber(resp).Excerpt(resp.Body, excerptSize)
	if resp.Truncated {
		s += " (truncated)"
	}
	return s
}

// answerError starts the *Error of an answer that arrived: its status and
// the server's Retry-After.
func answerError(layer Layer, op string, resp *transport.Response) *Error {
	return &Error{Layer: layer, Op: op, HTTPStatus: resp.StatusCode, RetryAfter: resp.RetryAfter}
}

// sendError is the *Error of a call that got no usable answer. The
// transport's error is scrubbed of the call's secrets already; it names the
// status of an answer that arrived but could not be used (a redirect, a
// body cut short or over the cap) and the server's Retry-After.
func sendError(layer Layer, op string, err error) *Error {
	return &Error{Layer: layer, Op: op, HTTPStatus: transport.StatusOf(err), RetryAfter: transport.RetryAfterOf(err), Err: err}
}

// clip cuts s to at most n bytes on a rune boundary, for text that has been
// scrubbed already.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
