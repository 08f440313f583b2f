package telecloudtest

import (
	"io"
	"mime"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ispkit/ispkit/internal/fakeserver"
)

// The API users every server starts with. The default credentials are those
// of an ADMIN user of the VAR account SeedVARAccount, the account an ISP
// holds; the CORE credentials are those of an ADMIN user of SeedCoreAccount,
// for the CORE-only methods (products, product groups, modules, usage
// components, VAR accounts).
const (
	// DefaultAPIIDKey is the API_ID_KEY of the VAR's API user.
	DefaultAPIIDKey = "tc-var-api-id"
	// DefaultAPIKey is the API_KEY of the VAR's API user.
	DefaultAPIKey = "tc-var-api-key-0123456789"
	// DefaultUsername is the user name of the VAR's API user, as
	// submitted_by, user and user_id show it.
	DefaultUsername = "var_admin1"
	// CoreAPIIDKey is the API_ID_KEY of the CORE's API user.
	CoreAPIIDKey = "tc-core-api-id"
	// CoreAPIKey is the API_KEY of the CORE's API user.
	CoreAPIKey = "tc-core-api-key-0123456789"
	// CoreUsername is the user name of the CORE's API user.
	CoreUsername = "core_admin1"
)

// The data every server starts with (and Reset restores).
const (
	// SeedCoreAccount is the CORE cloud account: it owns the product group,
	// the product and the default payment gateway.
	SeedCoreAccount = "8187871817"
	// SeedVARAccount is the VAR cloud account under the CORE: it owns the
	// rate plan, the promo code and the customer. Its balance starts at
	// SeedVARBalance.
	SeedVARAccount = "1912093447"
	// SeedVARBalance is the VAR account's balance at the start.
	SeedVARBalance = "657.00"
	// SeedCustomer is a customer account of the VAR, with no orders and no
	// payment method.
	SeedCustomer = "7105045"
	// SeedProductGroup is the CORE's product group "GSMA Network", with the
	// variables VAR1 IMEI (swappable, prompted), VAR2 ICCID (swappable,
	// prompted) and VAR3 MDN (neither).
	SeedProductGroup = "73"
	// SeedProduct is the CORE product "[Smartphone] By The Gig" in the
	// product group: TRADITIONAL, a 30-day cycle, wholesale 20.00 a cycle
	// and no setup price.
	SeedProduct = "330"
	// SeedRatePlan is the VAR's rate plan "Pay By The Gig" on the product:
	// 25.00 a cycle, no setup price.
	SeedRatePlan = "52747"
	// SeedPromoCode is the VAR's promo code, worth SeedPromoValue on any of
	// its rate plans, without expiration.
	SeedPromoCode = "20off"
	// SeedPromoValue is the value of SeedPromoCode.
	SeedPromoValue = "12.35"
	// SeedGateway is the CORE's STRIPE payment gateway, the default for card
	// and ACH billing (Billing/AddFunds needs one).
	SeedGateway = "3"
)

// Paths and limits.
const (
	apiPrefix    = "/API/"
	maxBodyBytes = 8 << 20
	redacted     = "REDACTED"
)

// Authentication parameter names.
const (
	paramAPIIDKey = "API_ID_KEY"
	paramAPIKey   = "API_KEY"
)

// Fault describes a misbehaviour the server shows instead of, or before,
// handling a request, for testing a client's retries and timeouts. Faults
// are applied after the request is recorded and before anything else
// (routing, authentication); the first matching fault wins. A faulted
// request never reaches the state and gets no trans_id.
type Fault struct {
	// Path is a suffix of the request path (a trailing slash ignored), e.g.
	// "/Order/Create", "/Search" (every search) or "/API/json/Order/Search".
	// It is matched against the path as sent and against the path of the
	// method the server routes it to, /API/{format}/{Service}/{Method}, so
	// that "/Order/Create" also matches a POST to /API/xml/Order/ or to
	// /xml/Order/. "" matches every request.
	Path string
	// Status, if non-zero, is the HTTP status answered instead of handling
	// the request, with an HTML body such as a proxy in front of the vendor
	// would send (never the <telecloud> envelope: the vendor itself answers
	// HTTP 200 even for its errors).
	Status int
	// RetryAfter, if set, is sent as the Retry-After header.
	RetryAfter string
	// Latency is slept before anything else; the sleep ends early, and the
	// request is abandoned, when the request's context ends or the server
	// is closed.
	Latency time.Duration
	// Drop closes the connection without writing any response.
	Drop bool
	// Times is how many requests the fault applies to; 0 means until
	// ClearFaults.
	Times int
}

// RecordedRequest is one request as the server received it, with the values
// of API_ID_KEY and API_KEY replaced by "REDACTED" wherever they appear.
// Path is the request path without a trailing slash, followed by "?" and the
// (redacted) query string when there is one, e.g.
// "/API/xml/Customer/Search?API_ID_KEY=REDACTED&API_KEY=REDACTED&account_number=7105045".
// Body is the (redacted) body. Params returns the parameters of both.
type RecordedRequest struct {
	Method string
	Path   string
	Header http.Header
	Body   []byte
}

// Params returns the request's parameters: those of the query string, and
// those of a form-urlencoded body (which win), credentials redacted.
func (r RecordedRequest) Params() url.Values {
	out := url.Values{}
	if _, q, ok := strings.Cut(r.Path, "?"); ok {
		out, _ = url.ParseQuery(q)
	}
	if body, err := url.ParseQuery(string(r.Body)); err == nil {
		for k, v := range body {
			out[k] = v
		}
	}
	return out
}

// Server is an in-memory TeleCloud.app API: the 76 documented
// service/methods at /API/{xml|json}/{Service}/{Method}, at the newer page's
// /API/{xml|json}/{Service}/ (the verb selecting the method) and in its host
// form without /API, over shared state.
// It records every request and can inject faults. It is safe for concurrent
// use.
type Server struct {
	// URL is the base URL of a started server, e.g. http://127.0.0.1:1234:
	// give it to a client as its base URL (calls go to
	// URL+"/API/{format}/{Service}/{Method}", URL+"/API/{format}/{Service}/"
	// or URL+"/{format}/{Service}/"). It is empty for a server made by
	// NewHandler.
	URL string

	ts     *httptest.Server
	closed fakeserver.Shutdown

	// faults and requests lock themselves. ServeHTTP records a request and
	// takes its fault under mu, so a fault added after a request is seen
	// recorded never applies to it.
	faults   fakeserver.Faults
	requests fakeserver.Recorder

	mu    sync.Mutex
	delay time.Duration
	now   func() time.Time
	st    *state
	// users are the API users of WithCredentials, added to every new state.
	users []apiUser
}

// apiUser is one WithCredentials user.
type apiUser struct{ cloudAccount, apiIDKey, apiKey string }

// Option configures a Server.
type Option func(*Server)

// WithOrderDelay sets how long a new order stays PENDING before it becomes
// ACTIVE (or FAILED, see FailNextOrder). The default, 0, makes Order/Create
// answer ACTIVE at once. Pending orders are looked at on every request and
// every accessor call; CompleteOrders finishes them at once.
func WithOrderDelay(d time.Duration) Option {
	return func(s *Server) {
		if d > 0 {
			s.delay = d
		}
	}
}

// WithCredentials adds an ADMIN API user with the given API_ID_KEY and
// API_KEY to a cloud account of the seed data (SeedVARAccount for an ISP's
// view, SeedCoreAccount for the CORE's), besides the Default and Core users.
// Reset keeps it. NewServer and NewHandler panic when the account is not in
// the seed data, a key is empty or the API_ID_KEY is already in use. For an
// account created while the server runs (CloudAccount/Create), use
// AddCredentials.
func WithCredentials(cloudAccount, apiIDKey, apiKey string) Option {
	return func(s *Server) {
		s.users = append(s.users, apiUser{cloudAccount, apiIDKey, apiKey})
	}
}

// WithClock makes the server read the time from now instead of time.Now:
// dates in answers, order delays, expiration dates and promo expirations
// all follow it.
func WithClock(now func() time.Time) Option {
	return func(s *Server) {
		if now != nil {
			s.now = now
		}
	}
}

// NewServer starts a server on a loopback httptest.Server, seeded with the
// Seed data, the default and CORE API users and those of WithCredentials.
// Point a client at BaseURL (or take one from Client); Close stops it. It
// panics when an option cannot be applied (see WithCredentials).
func NewServer(opts ...Option) *Server {
	s := NewHandler(opts...)
	s.ts = httptest.NewServer(s)
	s.URL = s.ts.URL
	return s
}

// NewHandler returns a server that is not started: an http.Handler serving
// the API under /API/, for use with any listener or mux. Its URL is empty.
// It panics as NewServer does.
func NewHandler(opts ...Option) *Server {
	s := &Server{now: time.Now}
	for _, opt := range opts {
		if opt != nil {
			opt(s)
		}
	}
	s.st = s.seed()
	return s
}

// seed is a new state: the Seed data and the API users of WithCredentials.
func (s *Server) seed() *state {
	st := newState(s.now(), s.delay)
	for _, u := range s.users {
		if _, err := st.addAPIUser(u.cloudAccount, u.apiIDKey, u.apiKey); err != nil {
			panic("telecloudtest: WithCredentials: " + err.Error())
		}
	}
	return st
}

// BaseURL returns what to pass to telecloud.WithBaseURL: the root of the
// server, URL (calls go to BaseURL()+"/API/{format}/{Service}/{Method}").
// It is empty for a server made by NewHandler.
func (s *Server) BaseURL() string { return s.URL }

// Close stops a server started by New and ends any injected latency still
// sleeping. It is safe to call more than once and on a server made by
// NewHandler.
func (s *Server) Close() {
	s.closed.Close()
	if s.ts != nil {
		s.ts.Close()
	}
}

// Reset puts the state back to the seed data: every account, customer,
// order, transaction and user created since is forgotten, queued
// FailNextOrder messages and users added by AddCredentials included (those
// of WithCredentials stay). Faults and recorded requests are cleared too.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st = s.seed()
	s.faults.Clear()
	s.requests.Reset()
}

// InjectFault adds a fault. Faults are tried in the order added.
func (s *Server) InjectFault(f Fault) {
	f.Path = fakeserver.TrimPath(f.Path)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.Add(fakeserver.Fault(f))
}

// ClearFaults removes every fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.Clear()
}

// Requests returns the requests received so far, oldest first, including
// those answered by a fault, with the credentials redacted.
func (s *Server) Requests() []RecordedRequest {
	return fakeserver.Requests[RecordedRequest](&s.requests)
}

// ResetRequests forgets the recorded requests.
func (s *Server) ResetRequests() { s.requests.Reset() }

// RequestCount returns how many recorded requests had a path (without its
// query string) ending in pathSuffix, a trailing slash ignored, as sent or as
// the path of the method the server routes it to (as Fault.Path): "/Search"
// counts every search, "/Order/Create" the order creations, a POST to
// /API/xml/Order/ included. "" counts every request.
func (s *Server) RequestCount(pathSuffix string) int {
	pattern := fakeserver.TrimPath(pathSuffix)
	n := 0
	for _, r := range s.requests.Snapshot() {
		path, _, _ := strings.Cut(r.Path, "?")
		if strings.HasSuffix(path, pattern) || strings.HasSuffix(resolve(r.Method, path).canonical(path), pattern) {
			n++
		}
	}
	return n
}

// ServeHTTP serves the API under /API/ and in the host form (see the
// package documentation, "Routes").
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var raw []byte
	if r.Body != nil { // nil in a request made for a client, passed here directly
		raw, _ = io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	}
	path := fakeserver.TrimPath(r.URL.Path)
	query, _ := url.ParseQuery(r.URL.RawQuery)
	body, bodyErr := formBody(r, raw)
	secrets := []string{query.Get(paramAPIIDKey), query.Get(paramAPIKey), body.Get(paramAPIIDKey), body.Get(paramAPIKey)}
	recPath := path
	if r.URL.RawQuery != "" {
		recPath += "?" + redact(r.URL.RawQuery, secrets)
	}

	rt := resolve(r.Method, path)

	s.mu.Lock()
	s.requests.Record(r, recPath, []byte(redact(string(raw), secrets)))
	now := s.now()
	s.st.advance(now)
	fault, faulted := s.faults.Take(path, func(path, pattern string) bool {
		return fakeserver.Suffix(path, pattern) || fakeserver.Suffix(rt.canonical(path), pattern)
	})
	s.mu.Unlock()

	if faulted && !fakeserver.Apply(w, r, fault, s.closed.Done(), writeFaultStatus) {
		return
	}
	if rt.notFound {
		http.NotFound(w, r)
		return
	}
	if rt.err != "" {
		writeAnswer(w, rt.format, errorRoot("", rt.err))
		return
	}
	format := rt.format
	op := rt.service + "/" + rt.method
	spec, ok := routes[op]
	if !ok {
		writeAnswer(w, format, errorRoot("", "Unknown service or method: "+op+"."))
		return
	}

	// Parameters: the query string, then a form body (which wins).
	params := url.Values{}
	for k, v := range query {
		params[k] = v
	}
	for k, v := range body {
		params[k] = v
	}
	c := &call{op: op, service: rt.service, method: rt.method, format: format, p: params, ip: remoteIP(r), now: now}

	s.mu.Lock()
	root := s.st.serve(c, spec, r.Method, bodyErr)
	s.mu.Unlock()
	writeAnswer(w, format, root)
}

// routed is where a request path leads.
type routed struct {
	notFound        bool   // neither under /API/ nor the host form /{xml|json}/…
	format          string // the answer format
	service, method string // set when err is empty
	err             string // an error envelope's message, answered in format
}

// resolve reads a request path (without its trailing slash): the older
// page's /API/{format}/{Service}/{Method}, the newer page's
// /API/{format}/{Service} with the verb selecting the method, and both
// without /API (the host form of the newer page's examples,
// https://api.telecloud.app/{format}/{Service}/).
func resolve(verb, path string) routed {
	prefix := apiPrefix
	rest, ok := strings.CutPrefix(path, apiPrefix)
	if !ok {
		prefix = "/"
		rest, _ = strings.CutPrefix(path, "/")
		if f, _, _ := strings.Cut(rest, "/"); f != "xml" && f != "json" {
			return routed{notFound: true}
		}
	}
	parts := strings.Split(rest, "/")
	format := parts[0]
	if format != "xml" && format != "json" {
		return routed{format: "xml", err: "Invalid format: use /API/xml/ or /API/json/."}
	}
	if len(parts) == 2 && parts[1] != "" {
		m, ok := verbMethod(parts[1], verb)
		if !ok {
			base := prefix + format + "/" + parts[1] + "/"
			return routed{format: format, err: "Invalid request: " + verb + " " + base + " selects no method of " + parts[1] +
				"; name it in the path: " + base + "{Method}."}
		}
		parts = append(parts, m)
	}
	if len(parts) != 3 || parts[1] == "" || parts[2] == "" {
		return routed{format: format, err: "Invalid request: calls are made to /API/{format}/{Service}/{Method}."}
	}
	return routed{format: format, service: parts[1], method: parts[2]}
}

// canonical is the request's path in the older page's form,
// /API/{format}/{Service}/{Method}, for matching faults and counting
// requests whatever form they came in; path itself when it leads nowhere.
func (rt routed) canonical(path string) string {
	if rt.service == "" {
		return path
	}
	return apiPrefix + rt.format + "/" + rt.service + "/" + rt.method
}

// shortMethods maps each verb of /API/{format}/{Service}/ to the method it
// selects, as the newer page pairs them (Search GET, Create POST, Edit
// PATCH; DELETE is named as used).
var shortMethods = map[string]string{
	http.MethodGet:    "Search",
	http.MethodPost:   "Create",
	http.MethodPatch:  "Edit",
	http.MethodDelete: "Delete",
}

// verbMethod returns the method a call to /API/{format}/{Service}/ selects:
// the verb's own (shortMethods) when the service has it or is unknown (the
// caller then answers "Unknown service or method"), else the service's only
// method with that verb (Order/Update for PATCH). ok is false when the verb
// selects nothing: PUT, or several methods and none the verb's own.
func verbMethod(service, verb string) (method string, ok bool) {
	own, known := shortMethods[verb]
	if !known {
		return "", false
	}
	if _, has := routes[service+"/"+own]; has {
		return own, true
	}
	found, n, anyOfService := "", 0, false
	for op, spec := range routes {
		s, m, _ := strings.Cut(op, "/")
		if s != service {
			continue
		}
		anyOfService = true
		if spec.verb == verb {
			found, n = m, n+1
		}
	}
	if !anyOfService {
		return own, true
	}
	return found, n == 1
}

// formBody parses a form-urlencoded body. A body of another type is an
// error (reported in the envelope); an empty body has no parameters.
func formBody(r *http.Request, raw []byte) (url.Values, error) {
	if len(raw) == 0 {
		return url.Values{}, nil
	}
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || mt != "application/x-www-form-urlencoded" {
			return url.Values{}, errUnsupportedBody
		}
	}
	v, err := url.ParseQuery(string(raw))
	if err != nil {
		return url.Values{}, errUnsupportedBody
	}
	return v, nil
}

// redact replaces the credentials' values, in their raw and form-encoded
// spellings, in a query string or body.
func redact(s string, secrets []string) string {
	sort.Slice(secrets, func(i, j int) bool { return len(secrets[i]) > len(secrets[j]) })
	for _, v := range secrets {
		if v == "" {
			continue
		}
		for _, form := range []string{url.QueryEscape(v), url.PathEscape(v), v} {
			s = strings.ReplaceAll(s, form, redacted)
		}
	}
	return s
}

// remoteIP is the client's address without its port.
func remoteIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// writeAnswer writes an envelope in the format asked for, HTTP 200.
func writeAnswer(w http.ResponseWriter, format string, root *node) {
	var b []byte
	if format == "json" {
		b = jsonDoc(root)
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
	} else {
		b = xmlDoc(root)
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(b)
}

// errorRoot is the error envelope, with a trans_id when one is given.
func errorRoot(transID, msg string) *node {
	root := el("telecloud", leaf("error", msg))
	if transID != "" {
		root.set("trans_id", transID)
	}
	return root
}

// writeFaultStatus answers a fault's status with an HTML body such as a
// proxy in front of the vendor would send.
func writeFaultStatus(w http.ResponseWriter, status int) {
	text := strconv.Itoa(status) + " " + http.StatusText(status)
	body := "<html><head><title>" + text + "</title></head><body><h1>" + text + "</h1></body></html>\n"
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}
