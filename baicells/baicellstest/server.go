package baicellstest

import (
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ispkit/ispkit/internal/fakeserver"
)

// The account every server starts with. Requests carrying these credentials
// are accepted without any setup.
const (
	// DefaultCloudKey is the cloud_key header value of the default account.
	DefaultCloudKey = "test-cloud-key"
	// DefaultUsername is the user name of the default account.
	DefaultUsername = "test-user"
	// DefaultPassword is the password of the default account.
	DefaultPassword = "test-password"
)

// basePath is the prefix every BOSS endpoint lives under.
const basePath = "/baicellsapi"

// maxBodyBytes caps a request body; a BOSS request is small even for a bulk
// create of 200 records.
const maxBodyBytes = 8 << 20

// account is one BOSS tenant: the operator's cloud key and the API user that
// may act on it. Subscribers and plans belong to the cloud key that created
// them.
type account struct {
	CloudKey string
	Username string
	Password string
}

// Subscriber is a subscriber as the fake stores it. Active reports the
// status BOSS calls "0" (active); a new subscriber is deactive ("1").
// UpRate and DownRate are the speeds reported by querybyid: the bound plan's
// speeds, or whatever /customers/updateuplink last set.
type Subscriber struct {
	ID       string
	Name     string
	IDNumber string
	Phone    string
	Email    string
	Address  string
	IMSI     string
	PlanID   string
	Active   bool
	UpRate   int
	DownRate int
	APNs     []APN
}

// APN is an APN bound to a subscriber by /customers/bindapnip, with its
// AMBR limits and the static IPv4 addresses given for it (possibly none).
type APN struct {
	Name         string
	AMBRUplink   int
	AMBRDownlink int
	IPs          []string
}

// Plan is a service plan (package/profile). Uplink and Downlink are in MB as
// in the manual. Inactive plans are reported with state "1".
type Plan struct {
	ID       string
	Name     string
	Uplink   int
	Downlink int
	Inactive bool
	Comments string
}

// Fault describes a misbehaviour the server shows instead of, or before,
// handling a request, for testing a client's retries and timeouts. Faults
// are applied before authentication; the first matching fault wins.
type Fault struct {
	// Path is a suffix of the request path as sent, a trailing slash
	// ignored on both: "/customers/query" matches a request to
	// /baicellsapi/customers/query, and so does the full path.
	// "" matches every request.
	Path string
	// Status, if non-zero, is the HTTP status answered instead of handling
	// the request. A 5xx status carries the body
	// {"result_code":"5001","message":"System error"}; any other is empty.
	Status int
	// RetryAfter, if set, is sent as the Retry-After header.
	RetryAfter string
	// Latency is slept before anything else; the sleep ends early, and the
	// request is abandoned, when the request's context ends.
	Latency time.Duration
	// Drop closes the connection without writing any response.
	Drop bool
	// Times is how many requests the fault applies to; 0 means forever.
	Times int
}

// RecordedRequest is one request as the server received it. Path is the
// path after /baicellsapi without a trailing slash (the full path for
// requests outside /baicellsapi). Body is shared with the server's record:
// treat it as read-only.
type RecordedRequest struct {
	Method string
	Path   string
	Header http.Header
	Body   []byte
}

// Server is an in-memory Baicells BOSS server. It implements all 25
// endpoints of the BOSS API Manual v1.6 with their validations and result
// codes, keeps subscribers and plans per tenant, records every request and
// can inject faults. It is safe for concurrent use.
type Server struct {
	// URL is the root of a started server, scheme://host:port, exactly as
	// httptest.Server.URL, e.g. http://127.0.0.1:1234. The API lives under
	// URL + "/baicellsapi": BaseURL returns that. URL is empty for a server
	// made by NewHandler.
	URL string

	ts     *httptest.Server
	loc    *time.Location
	closed fakeserver.Shutdown

	// faults and requests lock themselves. ServeHTTP records a request and
	// takes its fault under mu, and InjectFault and ClearFaults change the
	// faults under mu, so a fault added after a request is seen recorded
	// never applies to it.
	faults   fakeserver.Faults
	requests fakeserver.Recorder

	mu        sync.Mutex
	accounts  map[string]account // by cloud key
	subs      map[string]*subscriber
	imsiIndex map[string]string // IMSI → sub_id, over all tenants
	plans     map[string]*plan
	anonymous bool // WithAnonymousAccess; read-only after construction
}

// subscriber is a stored subscriber and the tenant that owns it.
type subscriber struct {
	Subscriber
	owner string
}

// plan is a stored plan and the tenant that owns it.
type plan struct {
	Plan
	owner string
}

// Option configures a Server.
type Option func(*Server)

// WithCredentials adds a tenant besides the default one: the operator's
// cloud key and the BOSS user that may act on it (the cloud_key header and
// the user and password of the Authorization header). Subscribers and plans
// belong to the cloud key that created them. Credentials with the cloud key
// of an existing tenant replace its user.
func WithCredentials(cloudKey, username, password string) Option {
	return func(s *Server) {
		s.accounts[cloudKey] = account{CloudKey: cloudKey, Username: username, Password: password}
	}
}

// WithAnonymousAccess makes the server act as a local OMC+BOSS install
// that does not check credentials: a request carrying neither a cloud_key
// nor an Authorization header is served as the default account
// (DefaultCloudKey). A request carrying either is still checked as usual.
// By default, as on CloudCore, a request without a cloud_key gets 5002.
func WithAnonymousAccess() Option {
	return func(s *Server) { s.anonymous = true }
}

// WithLocation sets the time zone in which begin_time, end_time and the
// times of usage records (yyyy-MM-dd HH:mm:ss) are read and written. The
// default is UTC.
func WithLocation(loc *time.Location) Option {
	return func(s *Server) {
		if loc != nil {
			s.loc = loc
		}
	}
}

// NewServer starts a server on a loopback httptest.Server. Its BaseURL is
// what to give baicells.WithBaseURL (Client does so). Close stops it.
func NewServer(opts ...Option) *Server {
	s := NewHandler(opts...)
	s.ts = httptest.NewServer(s)
	s.URL = s.ts.URL
	return s
}

// BaseURL returns the base URL of the API, URL + "/baicellsapi", to pass
// to baicells.WithBaseURL. It is empty for a server made by NewHandler.
func (s *Server) BaseURL() string {
	if s.URL == "" {
		return ""
	}
	return s.URL + basePath
}

// NewHandler returns a server that is not started: it is an http.Handler
// serving the API under /baicellsapi, for use with any net.Listener or mux.
func NewHandler(opts ...Option) *Server {
	s := &Server{
		loc:       time.UTC,
		accounts:  map[string]account{},
		subs:      map[string]*subscriber{},
		imsiIndex: map[string]string{},
		plans:     map[string]*plan{},
	}
	s.accounts[DefaultCloudKey] = account{CloudKey: DefaultCloudKey, Username: DefaultUsername, Password: DefaultPassword}
	for _, opt := range opts {
		opt(s)
	}
	return s
}

// Close stops a server started by NewServer and ends any injected latency
// still sleeping. It is safe to call more than once and on a server made by
// NewHandler.
func (s *Server) Close() {
	s.closed.Close()
	if s.ts != nil {
		s.ts.Close()
	}
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

// SeedPlan stores a plan owned by the tenant cloudKey, replacing any plan
// with the same ID.
func (s *Server) SeedPlan(cloudKey string, p Plan) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.plans[p.ID] = &plan{Plan: p, owner: cloudKey}
}

// SeedSubscriber stores a subscriber owned by the tenant cloudKey, replacing
// any subscriber with the same ID. If it has a plan and neither rate is set,
// the rates are taken from the plan. It panics if the IMSI is already bound
// to another subscriber.
func (s *Server) SeedSubscriber(cloudKey string, sub Subscriber) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sub.IMSI != "" {
		if other, ok := s.imsiIndex[sub.IMSI]; ok && other != sub.ID {
			panic("baicellstest: SeedSubscriber: IMSI " + sub.IMSI + " is bound to subscriber " + other)
		}
	}
	if old, ok := s.subs[sub.ID]; ok && old.IMSI != "" {
		delete(s.imsiIndex, old.IMSI)
	}
	if p, ok := s.plans[sub.PlanID]; ok && sub.UpRate == 0 && sub.DownRate == 0 {
		sub.UpRate, sub.DownRate = p.Uplink, p.Downlink
	}
	sub.APNs = cloneAPNs(sub.APNs)
	s.subs[sub.ID] = &subscriber{Subscriber: sub, owner: cloudKey}
	if sub.IMSI != "" {
		s.imsiIndex[sub.IMSI] = sub.ID
	}
}

// Subscriber returns a copy of the subscriber with the given ID, of any
// tenant.
func (s *Server) Subscriber(id string) (Subscriber, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sub, ok := s.subs[id]
	if !ok {
		return Subscriber{}, false
	}
	return sub.snapshot(), true
}

// Subscribers returns copies of all subscribers of every tenant, sorted by
// ID.
func (s *Server) Subscribers() []Subscriber {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Subscriber, 0, len(s.subs))
	for _, sub := range s.subs {
		out = append(out, sub.snapshot())
	}
	slices.SortFunc(out, func(a, b Subscriber) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// Plans returns copies of all plans of every tenant, sorted by ID.
func (s *Server) Plans() []Plan {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Plan, 0, len(s.plans))
	for _, p := range s.plans {
		out = append(out, p.Plan)
	}
	slices.SortFunc(out, func(a, b Plan) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// Requests returns the requests received so far, oldest first, including
// those answered by a fault.
func (s *Server) Requests() []RecordedRequest {
	return fakeserver.Requests[RecordedRequest](&s.requests)
}

// ResetRequests forgets the recorded requests.
func (s *Server) ResetRequests() {
	s.requests.Reset()
}

// RequestCount returns how many recorded requests had the given path, e.g.
// "/customers/create" (a leading /baicellsapi and a trailing slash are
// ignored).
func (s *Server) RequestCount(path string) int {
	return s.requests.Count(fakeserver.TrimPath(strings.TrimPrefix(path, basePath)), fakeserver.Exact)
}

func (sub *subscriber) snapshot() Subscriber {
	out := sub.Subscriber
	out.APNs = cloneAPNs(out.APNs)
	return out
}

func cloneAPNs(apns []APN) []APN {
	if apns == nil {
		return nil
	}
	out := make([]APN, len(apns))
	for i, a := range apns {
		a.IPs = slices.Clone(a.IPs)
		out[i] = a
	}
	return out
}

// call is one authenticated API request being handled.
type call struct {
	r       *http.Request
	tenant  string // the caller's cloud key
	body    body   // nil for GET
	session string
	args    []string // path segments after a GET route's prefix
}

// route is one endpoint.
type route struct {
	method string
	// prefix routes take path segments after the path as arguments.
	prefix bool
	// bulk marks /customers/bulkcreate, whose malformed body is 4502.
	bulk    bool
	handler func(s *Server, c *call) (any, int)
}

// routes maps each path after /baicellsapi to its endpoint.
var routes = map[string]route{
	"/customers/query":          {method: http.MethodPost, handler: (*Server).querySubscriber},
	"/customers/create":         {method: http.MethodPost, handler: (*Server).createSubscriber},
	"/customers/bindservice":    {method: http.MethodPost, handler: (*Server).bindService},
	"/customers/bindimsi":       {method: http.MethodPost, handler: (*Server).bindIMSI},
	"/customers/unbindimsi":     {method: http.MethodPost, handler: (*Server).unbindIMSI},
	"/customers/activate":       {method: http.MethodPost, handler: (*Server).activate},
	"/customers/deactivate":     {method: http.MethodPost, handler: (*Server).deactivate},
	"/customers/update":         {method: http.MethodPost, handler: (*Server).changePlan},
	"/customers/updateuplink":   {method: http.MethodPost, handler: (*Server).changeSpeed},
	"/customers/bulkactivate":   {method: http.MethodPost, handler: (*Server).bulkActivate},
	"/customers/bulkdeactivate": {method: http.MethodPost, handler: (*Server).bulkDeactivate},
	"/customers/querybyid":      {method: http.MethodPost, handler: (*Server).queryByID},
	"/customers/bindapnip":      {method: http.MethodPost, handler: (*Server).bindAPNIP},
	"/customers/removeapnip":    {method: http.MethodPost, handler: (*Server).removeAPNIP},
	"/customers/modify":         {method: http.MethodPost, handler: (*Server).modifySubscriber},
	"/customers/delete":         {method: http.MethodPost, handler: (*Server).deleteSubscriber},
	"/customers/bulkcreate":     {method: http.MethodPost, bulk: true, handler: (*Server).bulkCreate},
	"/products/create":          {method: http.MethodPost, handler: (*Server).createPlan},
	"/products/modify":          {method: http.MethodPost, handler: (*Server).modifyPlan},
	"/products/queryallplans":   {method: http.MethodGet, handler: (*Server).queryAllPlans},
	"/products/querybyuplink":   {method: http.MethodGet, prefix: true, handler: (*Server).queryPlansByUplink},
	"/products/querybydownlink": {method: http.MethodGet, prefix: true, handler: (*Server).queryPlansByDownlink},
	"/products/querybylink":     {method: http.MethodGet, prefix: true, handler: (*Server).queryPlansByLink},
	"/usage/querybyhour":        {method: http.MethodPost, handler: (*Server).usageByHour},
	"/usage/querycdr":           {method: http.MethodPost, handler: (*Server).usageCDR},
}

// lookupRoute finds the endpoint for a path after /baicellsapi.
func lookupRoute(path string) (route, []string, bool) {
	if rt, ok := routes[path]; ok {
		return rt, nil, true
	}
	// /products/querybyuplink/{uplink}, /products/querybylink/{u}/{d}.
	parts := strings.Split(strings.TrimPrefix(path, "/"), "/")
	if len(parts) > 2 {
		if rt, ok := routes["/"+parts[0]+"/"+parts[1]]; ok && rt.prefix {
			return rt, parts[2:], true
		}
	}
	return route{}, nil, false
}

// ServeHTTP serves the BOSS API under /baicellsapi.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	path := r.URL.Path
	sent := fakeserver.TrimPath(path)
	inAPI := path == basePath || strings.HasPrefix(path, basePath+"/")
	if inAPI {
		path = strings.TrimPrefix(path, basePath)
	}
	path = fakeserver.TrimPath(path)

	s.mu.Lock()
	s.requests.Record(r, path, raw)
	fault, faulted := s.faults.Take(sent, fakeserver.Suffix)
	s.mu.Unlock()

	if faulted && !fakeserver.Apply(w, r, fault, s.closed.Done(), writeFaultStatus) {
		return
	}

	rt, args, ok := lookupRoute(path)
	if !inAPI || !ok {
		writeBody(w, http.StatusNotFound, encode(object{{"session_id", ""}, {"result_code", codeString(5001)}, {"message", message(5001)}}))
		return
	}
	if r.Method != rt.method {
		w.Header().Set("Allow", rt.method)
		writeBody(w, http.StatusMethodNotAllowed, encode(object{{"session_id", ""}, {"result_code", codeString(5001)}, {"message", message(5001)}}))
		return
	}

	c := &call{r: r, args: args}
	var parseErr error
	if rt.method == http.MethodPost {
		c.body, parseErr = parseBody(raw)
		if parseErr == nil {
			c.session = c.body.get("session_id").str()
		}
	}

	status, resp := s.dispatch(rt, c, parseErr)
	writeBody(w, status, resp)
}

// dispatch authenticates and handles one routed request under the lock and
// returns the encoded response, so a slow client never holds the lock.
func (s *Server) dispatch(rt route, c *call, parseErr error) (int, []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	tenant, code := s.authenticate(c.r)
	if code != 0 {
		return failure(c.session, code)
	}
	c.tenant = tenant
	if rt.method == http.MethodPost {
		if parseErr != nil {
			if rt.bulk {
				return failure(c.session, 4502)
			}
			return failure(c.session, 5001)
		}
		if c.body.get("session_id").empty() {
			return failure(c.session, 4008)
		}
	}
	payload, code := rt.handler(s, c)
	if code != 0 {
		return failure(c.session, code)
	}
	if rt.method == http.MethodGet {
		return http.StatusOK, encode(payload)
	}
	out := object{{"session_id", c.session}, {"result_code", codeString(codeSuccess)}, {"message", message(codeSuccess)}}
	if extra, ok := payload.(object); ok {
		out = append(out, extra...)
	}
	return http.StatusOK, encode(out)
}

// writeFaultStatus answers a fault's status: a 5xx with the body of a 5001,
// any other with an empty body.
func writeFaultStatus(w http.ResponseWriter, status int) {
	if status >= 500 {
		writeBody(w, status, systemError)
		return
	}
	w.WriteHeader(status)
}

// authenticate checks the cloud_key and Authorization headers and returns
// the caller's cloud key, or a result code. s.mu must be held.
func (s *Server) authenticate(r *http.Request) (string, int) {
	if s.anonymous && len(r.Header.Values("cloud_key")) == 0 && len(r.Header.Values("Authorization")) == 0 {
		return DefaultCloudKey, 0
	}
	key := strings.TrimSpace(r.Header.Get("cloud_key"))
	if key == "" {
		return "", 5002
	}
	acct, ok := s.accounts[key]
	if !ok {
		return "", 5003
	}
	user, pass, ok := parseAuthorization(r.Header.Get("Authorization"))
	if !ok {
		return "", 5004
	}
	if user == acct.Username && pass == acct.Password {
		return key, 0
	}
	for _, other := range s.accounts {
		if user == other.Username && pass == other.Password {
			return "", 5005
		}
	}
	return "", 5004
}

// parseAuthorization decodes base64("user:pass"), bare as the manual shows
// or with a "Basic " scheme as HTTP clients send it.
func parseAuthorization(h string) (user, pass string, ok bool) {
	h = strings.TrimSpace(h)
	if len(h) > 6 && strings.EqualFold(h[:6], "basic ") {
		h = strings.TrimSpace(h[6:])
	}
	if h == "" {
		return "", "", false
	}
	dec, err := base64.StdEncoding.DecodeString(h)
	if err != nil {
		if dec, err = base64.RawStdEncoding.DecodeString(h); err != nil {
			return "", "", false
		}
	}
	user, pass, ok = strings.Cut(string(dec), ":")
	return user, pass, ok
}

// failure encodes a BOSS error: HTTP 422 with the code and its message.
func failure(session string, code int) (int, []byte) {
	return http.StatusUnprocessableEntity, encode(object{
		{"session_id", session},
		{"result_code", codeString(code)},
		{"message", message(code)},
	})
}

// systemError is the body of a 5001 without a session.
var systemError = encode(object{{"result_code", codeString(5001)}, {"message", message(5001)}})

// encode marshals a response body.
func encode(v any) []byte {
	var b []byte
	var err error
	if o, ok := v.(object); ok {
		b, err = o.MarshalJSON() // already compact; skip json.Marshal's re-compaction
	} else {
		b, err = json.Marshal(v)
	}
	if err != nil {
		return []byte(`{"result_code":"5001","message":"System error"}`)
	}
	return b
}

// writeBody writes an encoded JSON response.
func writeBody(w http.ResponseWriter, status int, b []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
