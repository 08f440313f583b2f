package telecloud

import (
	"cmp"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/ispkit/ispkit"
	"github.com/ispkit/ispkit/internal/transport"
)

// DefaultBaseURL is TeleCloud.app; calls go to {base}/API/{format}/{Service}/{Method}
// (RouteMethodPath, the default route style; see WithRouteStyle).
const DefaultBaseURL = "https://telecloud.app"

// Format is the answer format, chosen per request as a path segment.
type Format string

// The two formats. XML is the default and the only lossless one: PHP's JSON
// conversion turns CDATA content (alert content, notations, notification
// HTML) into {} and drops the attributes of elements that also carry text
// (such as the metadata of product variables).
const (
	FormatXML  Format = "xml"
	FormatJSON Format = "json"
)

// Credentials are a TeleCloud.app API user: API_ID_KEY (on the Profile
// screen) and API_KEY (generated under "API Credentials"). Both are secrets:
// they print as REDACTED in every fmt verb, in slog and in JSON.
//
//	creds := telecloud.Credentials{APIIDKey: telecloud.NewSecret(id), APIKey: telecloud.NewSecret(key)}
type Credentials struct {
	APIIDKey Secret
	APIKey   Secret
}

// String implements fmt.Stringer without the keys.
func (Credentials) String() string {
	return "telecloud.Credentials{APIIDKey:" + transport.Redacted + " APIKey:" + transport.Redacted + "}"
}

// GoString implements fmt.GoStringer without the keys.
func (c Credentials) GoString() string { return c.String() }

// Format implements fmt.Formatter so that no verb shows the keys.
func (c Credentials) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }

// MarshalJSON writes both keys as REDACTED.
func (Credentials) MarshalJSON() ([]byte, error) {
	return []byte(`{"APIIDKey":"` + transport.Redacted + `","APIKey":"` + transport.Redacted + `"}`), nil
}

// LogValue implements slog.LogValuer.
func (Credentials) LogValue() slog.Value {
	return slog.GroupValue(slog.String("api_id_key", transport.Redacted), slog.String("api_key", transport.Redacted))
}

// Option configures a Client.
type Option func(*settings) error

type settings struct {
	transport []transport.Option
	format    Format
	style     RouteStyle
	// pollMin and pollMax are WithPollInterval's (0: the defaults).
	pollMin, pollMax time.Duration
}

func shared(o transport.Option) Option {
	return func(s *settings) error { s.transport = append(s.transport, o); return nil }
}

// WithBaseURL points the client at another host, e.g. a telecloudtest server.
// It overrides the base URL of every route style (see WithRouteStyle).
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

// WithRetry sets the retry policy. Only Search methods are sent again after a
// failure that may have reached the server; every other call is re-sent only
// when the connection could not be made at all.
func WithRetry(p RetryPolicy) Option { return shared(transport.WithRetry(p)) }

// WithLogger logs every attempt at debug level through l: verb, redacted URL,
// status, attempt and duration. Bodies and secrets are never logged.
func WithLogger(l *slog.Logger) Option { return shared(transport.WithLogger(l)) }

// WithObserver reports every HTTP attempt of every call, retries included,
// to o: the operation ("Customer/Create"), attempt number, status,
// duration, scrubbed error and the answer's trans_id as RequestID (see
// [ispkit.Attempt]). Feed metrics or traces from it.
func WithObserver(o ispkit.Observer) Option { return shared(transport.WithObserver(o)) }

// WithTimeout bounds every call, retries included, when ctx has no earlier deadline.
func WithTimeout(d time.Duration) Option { return shared(transport.WithTimeout(d)) }

// WithMaxResponseSize caps a success body (default 32 MiB); a larger answer
// is an *Error matching ErrResponseTooLarge.
func WithMaxResponseSize(n int64) Option { return shared(transport.WithMaxResponseSize(n)) }

// WithMaxIdleConnsPerHost sets how many idle connections the client keeps
// for reuse (default 64). A client shared by more goroutines than that —
// a worker pool, a high bulk concurrency — should set it to their number, or
// it opens new connections where it could reuse one. Refused together with
// WithHTTPClient, whose transport is the caller's to size.
func WithMaxIdleConnsPerHost(n int) Option { return shared(transport.WithMaxIdleConnsPerHost(n)) }

// WithFormat chooses the answer format of every call (FormatXML by default).
// InFormat overrides it for one call.
func WithFormat(f Format) Option {
	return func(s *settings) error {
		if f != FormatXML && f != FormatJSON {
			return &ValidationError{Op: "New", Field: "WithFormat", Reason: fmt.Sprintf("%q is neither xml nor json", string(f))}
		}
		s.format = f
		return nil
	}
}

// Client is a TeleCloud.app API client. It is safe for concurrent use.
type Client struct {
	Alerts          *AlertsService
	Announcements   *AnnouncementsService
	Billing         *BillingService
	CloudAccounts   *CloudAccountsService
	Customers       *CustomersService
	Discounts       *DiscountsService
	Gateways        *GatewaysService
	Modules         *ModulesService
	Notifications   *NotificationsService
	Orders          *OrdersService
	PaymentMethods  *PaymentMethodsService
	Plans           *PlansService
	ProductGroups   *ProductGroupsService
	Promos          *PromosService
	Reports         *ReportsService
	Tickets         *TicketsService
	Transactions    *TransactionsService
	UsageComponents *UsageComponentsService
	Users           *UsersService

	// style is how calls are addressed (WithRouteStyle).
	style RouteStyle

	t *transport.Client
	// keys returns the credentials. A closure, because fmt prints a func
	// as an address under every verb, where it would print a string or the
	// fields behind a pointer.
	keys   func() (idKey, apiKey string)
	format Format
	// pollMin and pollMax are the default pauses of Orders.Wait.
	pollMin, pollMax time.Duration
}

// New returns a client for the API user. It sends nothing. Every error it
// returns is a *ValidationError matching ErrInvalidInput.
func New(creds Credentials, opts ...Option) (*Client, error) {
	idKey, apiKey := creds.APIIDKey.Reveal(), creds.APIKey.Reveal()
	for _, k := range [...]struct{ name, v string }{{"APIIDKey", idKey}, {"APIKey", apiKey}} {
		if strings.TrimSpace(k.v) == "" {
			return nil, &ValidationError{Op: "New", Field: "Credentials." + k.name, Reason: "is empty"}
		}
		if err := checkText(k.v); err != nil || strings.ContainsAny(k.v, "\r\n") {
			return nil, &ValidationError{Op: "New", Field: "Credentials." + k.name, Reason: "holds characters a key cannot have"}
		}
	}
	st := settings{format: FormatXML}
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(&st); err != nil {
			return nil, err
		}
	}
	if st.style == RouteVerbAPIHost {
		// Before the caller's options, so that WithBaseURL wins.
		st.transport = append([]transport.Option{transport.WithBaseURL(APIHostURL)}, st.transport...)
	}
	t, err := transport.New(transport.Vendor{
		Name:           "telecloud",
		DefaultBaseURL: DefaultBaseURL,
		Secrets:        []string{idKey, apiKey},
	}, st.transport)
	if err != nil {
		// An option the transport refused (a base URL, a retry policy …).
		return nil, &ValidationError{Op: "New", Field: "options", Reason: strings.TrimPrefix(err.Error(), "telecloud: "), Err: err}
	}
	c := &Client{t: t, keys: func() (string, string) { return idKey, apiKey }, format: st.format}
	c.Alerts = &AlertsService{c}
	c.Announcements = &AnnouncementsService{c}
	c.Billing = &BillingService{c}
	c.CloudAccounts = &CloudAccountsService{c}
	c.Customers = &CustomersService{c}
	c.Discounts = &DiscountsService{c}
	c.Gateways = &GatewaysService{c}
	c.Modules = &ModulesService{c}
	c.Notifications = &NotificationsService{c}
	c.Orders = &OrdersService{c}
	c.PaymentMethods = &PaymentMethodsService{c}
	c.Plans = &PlansService{c}
	c.ProductGroups = &ProductGroupsService{c}
	c.Promos = &PromosService{c}
	c.Reports = &ReportsService{c}
	c.Tickets = &TicketsService{c}
	c.Transactions = &TransactionsService{c}
	c.UsageComponents = &UsageComponentsService{c}
	c.Users = &UsersService{c}
	c.style = st.style
	c.pollMin, c.pollMax = cmp.Or(st.pollMin, DefaultPollMin), cmp.Or(st.pollMax, DefaultPollMax)
	return c, nil
}

// HTTPClient returns the *http.Client the client sends through (for test
// interceptors such as gock.InterceptClient), as in the other packages.
func (c *Client) HTTPClient() *http.Client { return c.t.HTTPClient() }

// BaseURL returns the base URL calls go to.
func (c *Client) BaseURL() string { return c.t.BaseURL() }

// String describes the client without its credentials.
func (c *Client) String() string {
	return "telecloud.Client{" + c.t.BaseURL() + " " + string(c.format) + "}"
}

// GoString implements fmt.GoStringer without the credentials.
func (c *Client) GoString() string { return c.String() }

// Format implements fmt.Formatter: every verb prints String.
func (c *Client) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }
