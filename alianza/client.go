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

	"github.com/ispkit/ispkit"
	"github.com/ispkit/ispkit/internal/transport"
)

// Credentials are an Alianza API user (as in the Alianza admin GUI). They
// print as REDACTED in every fmt verb, in slog and in JSON (the user name is
// shown); the client reveals the password only in the login request.
type Credentials struct {
	Username string
	Password Secret
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

// MarshalJSON writes the user name and the password as REDACTED.
func (c Credentials) MarshalJSON() ([]byte, error) {
	user, err := json.Marshal(c.Username)
	if err != nil {
		return nil, err
	}
	return []byte(`{"Username":` + string(user) + `,"Password":"` + transport.Redacted + `"}`), nil
}

// Option configures a Client.
type Option func(*settings) error

type settings struct {
	transport        []transport.Option
	partition        string
	pollMin, pollMax time.Duration // WithPollInterval
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
// partition of the login answer is used. An id that is not one (see
// ErrInvalidInput) or holds '/', '?' or '#' is refused.
func WithPartition(id string) Option {
	return func(s *settings) error {
		if err := checkID("WithPartition", "id", id); err != nil {
			return err
		}
		if strings.ContainsAny(id, "/?#") {
			return invalid("WithPartition", "id", "%q holds '/', '?' or '#'", id)
		}
		s.partition = id
		return nil
	}
}

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

// WithRetry sets the retry policy. GET, PUT and DELETE are retried per the
// policy; POST and PATCH are re-sent only when the connection could not be
// made at all.
func WithRetry(p RetryPolicy) Option { return shared(transport.WithRetry(p)) }

// WithLogger logs every attempt at debug level through l, with secrets
// redacted. Bodies are never logged.
func WithLogger(l *slog.Logger) Option { return shared(transport.WithLogger(l)) }

// WithObserver reports every HTTP attempt of every call, retries and a
// re-login included, to o: the operation, attempt number, status, duration,
// scrubbed error and correlation id (see [ispkit.Attempt]; Alianza documents
// no request id, so RequestID is empty). Feed metrics or traces from it.
func WithObserver(o ispkit.Observer) Option { return shared(transport.WithObserver(o)) }

// WithTimeout bounds every call, retries and a re-login included, when ctx
// has no earlier deadline.
func WithTimeout(d time.Duration) Option { return shared(transport.WithTimeout(d)) }

// WithMaxResponseSize caps a success body (default 32 MiB). A larger answer
// is refused (ErrResponseTooLarge), before it is read when its
// Content-Length says so.
func WithMaxResponseSize(n int64) Option { return shared(transport.WithMaxResponseSize(n)) }

// WithMaxIdleConnsPerHost sets how many idle connections the client keeps
// for reuse (default 64). A client shared by more goroutines than that —
// a worker pool, a high bulk concurrency — should set it to their number, or
// it opens new connections where it could reuse one. Refused together with
// WithHTTPClient, whose transport is the caller's to size.
func WithMaxIdleConnsPerHost(n int) Option { return shared(transport.WithMaxIdleConnsPerHost(n)) }

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

	// BulkCollections: the bulk user operations' collections, created from
	// a file (files.go) and read back (Get, generated).
	BulkCollections *BulkCollectionsService
	// LocalCallingAreas: the partition's local calling area prefixes, as
	// CSV (files.go).
	LocalCallingAreas *LocalCallingAreasService

	// The services below are generated from the spec (zz_*.gen.go; see
	// internal/gen and the ledger in internal/gen/config.yml).

	// AccountUsers: the spec's "Account User" operations (generated).
	AccountUsers *AccountUsersService
	// Addresses: the spec's "Address" operations (generated).
	Addresses *AddressesService
	// BrandSettings: the spec's "Brand Settings" operations (generated).
	BrandSettings *BrandSettingsService
	// BulkJobs: the spec's "Bulk Operation Job" operations (generated).
	BulkJobs *BulkJobsService
	// BusinessLines: the spec's "Business Line" operations (generated).
	BusinessLines *BusinessLinesService
	// CDRs: the spec's "CDRs" operations (generated).
	CDRs *CDRsService
	// CallGroups: the spec's "Call Group" operations (generated).
	CallGroups *CallGroupsService
	// CallParkingSpots: the spec's "Call Parking Spot" operations (generated).
	CallParkingSpots *CallParkingSpotsService
	// CallerIDMappings: the spec's "Sip Trunk Caller ID Mapping" operations (generated).
	CallerIDMappings *CallerIDMappingsService
	// CallingPlanProducts: the spec's "Calling Plan Product" operations (generated).
	CallingPlanProducts *CallingPlanProductsService
	// CymbusUserProducts: the spec's "Cymbus User Product" operations (generated).
	CymbusUserProducts *CymbusUserProductsService
	// DeviceInventories: the spec's "Device Inventory Management" operations (generated).
	DeviceInventories *DeviceInventoriesService
	// Devices: the spec's "Account Device" operations (generated).
	Devices *DevicesService
	// Documents: the spec's "Document Repository" operations (generated).
	Documents *DocumentsService
	// DynamicInventories: the spec's "Dynamic Inventory" operations (generated).
	DynamicInventories *DynamicInventoriesService
	// EdgeNodes: the spec's "Edge Node" operations (generated).
	EdgeNodes *EdgeNodesService
	// EmergencyNotifications: the spec's "Emergency Notification" operations (generated).
	EmergencyNotifications *EmergencyNotificationsService
	// HuntGroups: the spec's "Business Line Hunt Group" operations (generated).
	HuntGroups *HuntGroupsService
	// IVRs: the spec's "IVR" operations (generated).
	IVRs *IVRsService
	// Languages: the spec's "Language Reference" operations (generated).
	Languages *LanguagesService
	// ManagementUsers: the spec's "Management User" operations (generated).
	ManagementUsers *ManagementUsersService
	// MediaFiles: the spec's "Media" operations (generated).
	MediaFiles *MediaFilesService
	// PagingGroups: the spec's "Paging Group" operations (generated).
	PagingGroups *PagingGroupsService
	// Partitions: the spec's "Partition" operations (generated).
	Partitions *PartitionsService
	// PickupGroups: the spec's "Pickup Group" operations (generated).
	PickupGroups *PickupGroupsService
	// Ports: the spec's "Port" operations (generated).
	Ports *PortsService
	// Prevalidations: the spec's "Account Prevalidate" operations (generated).
	Prevalidations *PrevalidationsService
	// RateCenters: the spec's "Rate Center Inventory" operations (generated).
	RateCenters *RateCentersService
	// Reports: the spec's "Report" operations (generated).
	Reports *ReportsService
	// SIPTrunkGroups: the spec's "SIP Trunk Group" operations (generated).
	SIPTrunkGroups *SIPTrunkGroupsService
	// SIPTrunks: the spec's "SIP Trunk" operations (generated).
	SIPTrunks *SIPTrunksService
	// SSOConfigurations: the spec's "SSO Configuration" operations (generated).
	SSOConfigurations *SSOConfigurationsService
	// SSOExemptions: the spec's "SSO Exemptions" operations (generated).
	SSOExemptions *SSOExemptionsService
	// SSOLinks: the spec's "SSO Authentication" operations (generated).
	SSOLinks *SSOLinksService
	// SecurityGroups: the spec's "Security Groups" operations (generated).
	SecurityGroups *SecurityGroupsService
	// ServiceActivations: the spec's "Service Activation" operations (generated).
	ServiceActivations *ServiceActivationsService
	// SpecialtyLines: the spec's "Specialty Line" operations (generated).
	SpecialtyLines *SpecialtyLinesService
	// SupportedRateCenters: the spec's "Supported Rate Centers" operations (generated).
	SupportedRateCenters *SupportedRateCentersService
	// UserGroups: the spec's "User Groups" operations (generated).
	UserGroups *UserGroupsService
	// VirtualFaxLines: the spec's "Virtual Fax Line" operations (generated).
	VirtualFaxLines *VirtualFaxLinesService
	// VirtualFaxes: the spec's "Virtual Fax" operations (generated).
	VirtualFaxes *VirtualFaxesService
	// VoicemailBoxes: the spec's "Voicemail Box" operations (generated).
	VoicemailBoxes *VoicemailBoxesService
	// VoicemailMessages: the spec's "Voicemail Message" operations (generated).
	VoicemailMessages *VoicemailMessagesService

	t         *transport.Client
	sess      *session
	partition string // configured; "" means the login's

	pollMin, pollMax time.Duration // Jobs.Wait's defaults; 0: DefaultPollMin/Max
}

// New returns a client for the user. It sends nothing: the first call logs
// in (ErrUnauthorized if the credentials are refused).
func New(creds Credentials, opts ...Option) (*Client, error) {
	switch {
	case strings.TrimSpace(creds.Username) == "":
		return nil, invalid("New", "Credentials.Username", "is empty")
	case creds.Password.IsZero():
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
		Secrets:           []string{creds.Password.Reveal()}, // in every spelling
	}, st.transport)
	if err != nil {
		return nil, fmt.Errorf("alianza: %w", err)
	}
	c := &Client{t: t, partition: st.partition, pollMin: st.pollMin, pollMax: st.pollMax}
	c.sess = &session{creds: creds, login: c.login}
	c.Accounts = &AccountsService{c: c}
	c.Users = &UsersService{c: c}
	c.DeviceLines = &DeviceLinesService{c: c}
	c.Numbers = &NumbersService{c: c}
	c.CallingPlans = &CallingPlansService{c: c}
	c.ProductPlans = &ProductPlansService{c: c}
	c.Jobs = &JobsService{c: c}
	c.ReferenceData = &ReferenceDataService{c: c}
	c.BulkCollections = &BulkCollectionsService{c: c}
	c.LocalCallingAreas = &LocalCallingAreasService{c: c}
	c.initGenerated()
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
	body   any // encoded by encodeBody
	// raw, when not nil, is sent as is instead of body, with contentType
	// (a multipart upload, files.go).
	raw         []byte
	contentType string
	header      http.Header     // extra headers (an Accept)
	retry       transport.Retry // RetryByMethod unless set (uploads: RetryUnsafe)
}

// do sends a call with the session's token, logging in first when needed
// and once more when the token is refused, and decodes a JSON answer into
// out when out is not nil.
func (c *Client) do(ctx context.Context, cl call, out any) error {
	_, err := c.send(ctx, cl, out)
	return err
}

// send is do, returning also the final answer when one arrived, for the
// callers that read it further: its Scrub and Error know the password, the
// token and the secret fields of the request body.
func (c *Client) send(ctx context.Context, cl call, out any) (*transport.Response, error) {
	if ctx == nil {
		return nil, invalid(cl.op, "ctx", "is nil")
	}
	var body []byte
	if cl.body != nil {
		b, err := encodeBody(cl.body)
		if err != nil {
			return nil, &ValidationError{Op: cl.op, Field: "body", Reason: "cannot be encoded as JSON", Err: err}
		}
		body = b // the transport adds the values of its secret fields to the call's secrets
	}
	if cl.raw != nil {
		body = cl.raw
	}
	var refused *authToken // the token refused with 401, when retrying
	for {
		tok, err := c.sess.token(ctx)
		if err != nil {
			return nil, c.loginError(cl.op, err)
		}
		// The token, scrubbed from every error and log line of the call:
		// the header's slice, shared and never modified, so no allocation.
		// The retry after a 401 scrubs the refused token too.
		secrets := tok.secrets
		if refused != nil {
			secrets = append([]string{refused.tok}, tok.secrets...)
		}
		resp, err := c.t.Do(context.WithValue(ctx, tokenKey{}, tok), &transport.Request{
			Op: cl.op, Method: cl.method, Path: cl.path, Query: cl.query, Body: body, Secrets: secrets,
			ContentType: cl.contentType, Header: cl.header, Retry: cl.retry,
		})
		if err != nil {
			return nil, transportError(cl.op, err)
		}
		if resp.StatusCode == http.StatusUnauthorized && refused == nil {
			// The token expired or was revoked: one new login, one retry.
			c.sess.invalidate(tok)
			refused = tok
			continue
		}
		return resp, decode(cl.op, resp, out)
	}
}

// transportError is the *Error of a call that got no usable answer: the
// status when one arrived (a redirect, a body too large or cut short) and
// the server's Retry-After. The transport scrubbed err of the call's secrets.
func transportError(op string, err error) *Error {
	return &Error{Op: op, HTTPStatus: transport.StatusOf(err), RetryAfter: transport.RetryAfterOf(err), Err: err}
}

// decode turns a 2xx JSON answer into out, and anything else into an *Error.
// Every text taken from the answer is scrubbed with the call's scrubber.
func decode(op string, resp *transport.Response, out any) error {
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return statusError(op, resp)
	}
	if out == nil {
		return nil
	}
	body := bytes.TrimSpace(resp.Body)
	if len(body) == 0 {
		return &Error{Op: op, HTTPStatus: resp.StatusCode, Err: fmt.Errorf("%w: an empty body where JSON was expected", ErrBadResponse)}
	}
	if err := json.Unmarshal(body, out); err != nil {
		return badAnswer(op, resp, err)
	}
	return nil
}

// badAnswer is the *Error of a 2xx answer that cannot be used: ErrBadResponse
// with the decoding error, scrubbed (and hidden when its text held a
// secret), and a scrubbed excerpt of the answer. A time that does not parse
// is described without its value: time's error quotes the raw JSON text,
// still escaped, and quoting it once more would add a layer of escaping to
// whatever the server sent; the excerpt shows the value.
func badAnswer(op string, resp *transport.Response, cause error) *Error {
	var pe *time.ParseError
	if errors.As(cause, &pe) {
		cause = errBadTime
	}
	return &Error{Op: op, HTTPStatus: resp.StatusCode, Body: resp.Excerpt(excerptSize),
		Err: resp.Error(fmt.Errorf("%w: %w", ErrBadResponse, cause))}
}

var errBadTime = errors.New("a time is not in the RFC 3339 format")

// statusError reads any of the spec's error shapes; a body that is none of
// them keeps an excerpt.
func statusError(op string, resp *transport.Response) error {
	e := &Error{Op: op, HTTPStatus: resp.StatusCode, RetryAfter: resp.RetryAfter}
	body := bytes.TrimSpace(resp.Body)
	var w wireError
	if len(body) > 0 && body[0] == '{' && json.Unmarshal(body, &w) == nil {
		e.Status = int(w.Status)
		for _, m := range w.messages() {
			e.Messages = append(e.Messages, resp.Scrub(m))
		}
		e.Code = resp.Scrub(strings.TrimSpace(string(w.Code)))
		if d := bytes.TrimSpace(w.Data); len(d) > 0 && !bytes.Equal(d, []byte("null")) && !bytes.Equal(d, []byte("{}")) {
			e.Data = json.RawMessage(resp.Scrub(string(transport.RedactBody(d))))
		}
		if len(e.Messages) > 0 || e.Code != "" {
			return e
		}
	}
	if len(body) > 0 {
		e.Body = resp.Excerpt(excerptSize)
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

// Do sends a request the typed layer does not cover (yet): method and path
// under the base URL, with "{partition}" in path replaced by the partition
// (e.g. "/v2/partition/{partition}/account/ID/user"), body marshalled as
// JSON when not nil, and a JSON answer decoded into out when out is not nil.
// Login and the one re-login on 401 are handled as for every call.
//
// A path with a "." or ".." segment (also percent-encoded), a control
// character or invalid UTF-8 is refused before anything is sent. The body
// is encoded with encoding/json, in which a Secret is REDACTED, except for
// the package's types that hold one — DeviceLine, User, Port and
// NumberActivation, pointers to them and slices of the first three — which
// are sent with their secrets, as the typed calls send them.
func (c *Client) Do(ctx context.Context, method, path string, query url.Values, body, out any) error {
	_, err := c.doPath(ctx, "Do", method, path, query, body, out)
	return err
}

// doPath is Do for the operation op (Do, Jobs.Start), returning the answer.
func (c *Client) doPath(ctx context.Context, op, method, path string, query url.Values, body, out any) (*transport.Response, error) {
	if ctx == nil {
		return nil, invalid(op, "ctx", "is nil")
	}
	if err := checkPath(op, path); err != nil {
		return nil, err
	}
	if strings.Contains(path, "{partition}") {
		p, err := c.partitionID(ctx)
		if err != nil {
			return nil, c.loginError(op+" "+path, err)
		}
		path = strings.ReplaceAll(path, "{partition}", url.PathEscape(p))
	}
	return c.send(ctx, call{op: op + " " + method + " " + path, method: method, path: path, query: query, body: body}, out)
}

// checkPath refuses a path for Do that does not start with '/' or has a
// segment that, decoded, is "." or "..", holds a control character or is
// not valid UTF-8 (see segmentProblem); empty segments are allowed.
func checkPath(op, path string) error {
	if !strings.HasPrefix(path, "/") {
		return invalid(op, "path", "must start with '/'")
	}
	for _, seg := range strings.Split(path[1:], "/") {
		dec, err := url.PathUnescape(seg)
		if err != nil {
			return invalid(op, "path", "segment %q is not properly escaped", seg)
		}
		if reason := segmentProblem(dec); reason != "" {
			return invalid(op, "path", "segment %q %s", seg, reason)
		}
	}
	return nil
}
