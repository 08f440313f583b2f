package octanetest

import (
	"cmp"
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

// The account and the data every server starts with.
const (
	// DefaultUsername is the API user name accepted by both layers.
	DefaultUsername = "octane-api"
	// DefaultPassword is the password of DefaultUsername.
	DefaultPassword = "octane-secret"
	// DefaultCustNo is the customer every server starts with.
	DefaultCustNo = "100001"
	// DefaultProviderPlan is the seeded data-pool provider plan, with a cap
	// of DefaultProviderCap.
	DefaultProviderPlan = "DP-PROVIDER"
	// DefaultConsumerPlan is the seeded data-pool consumer plan.
	DefaultConsumerPlan = "DP-CONSUMER"
	// DefaultProviderCap is the cap of DefaultProviderPlan: 100 GB.
	DefaultProviderCap int64 = 100 << 30
)

// Data pool statuses, as dataPoolStatus reports them for a pool and for each
// of its consumers.
const (
	StatusOptInPending  = "OPTED-IN PENDING"  // a consumer on its way in
	StatusOptedIn       = "OPTED-IN"          // an active pool, a member
	StatusOptOutPending = "OPTED-OUT PENDING" // a pool being disconnected, a consumer on its way out
	StatusOptedOut      = "OPTED-OUT"         // a disconnected pool
)

// Order statuses, as orderQuery's internalStatus reports them.
const (
	OrderPending    = "PENDING"   // placed (or reset), not started
	OrderInProgress = "IN_PROG"   // half its delay has passed
	OrderCommitted  = "COMMITTED" // done: its effect is applied
	OrderSuccess    = "SUCCESS"   // done, as WithSuccessStatus reports it
	OrderFailed     = "FAILED"    // ended without effect; see Order.Message
)

// Order actions. The first three are the vendor's [field] names; the vendor
// does not say what orders the REST calls create, so the last three are the
// fake's own names.
const (
	ActionNewDataPool = "ADD_WME_NEW"
	ActionOptIn       = "WME_OPT_IN_CONSUMER"
	ActionOptOut      = "WME_OPT_OUT_CONSUMER"
	ActionTransfer    = "WME_TRANSFER_CONSUMER"
	ActionDataLimit   = "WME_MODIFY_DATA_LIMIT"
	ActionDisconnect  = "WME_DISCONNECT_POOL"
)

// Paths, relative to the server's root.
const (
	soapBase    = "/tiab"
	restBase    = "/tiab/api"
	pathOrder   = "/UtbOrder"
	pathService = "/UtbServiceV3"
	pathMobile  = "/UtbMobile"

	pathDataPool    = "/v1/datapool"
	pathTransfer    = "/v1/datapool/transfer"
	pathModifyLimit = "/v1/datapool/modify-consumer-data-limit"
	pathDisconnect  = "/v1/datapool/disconnect"
)

// maxBodyBytes caps a request body.
const maxBodyBytes = 8 << 20

// First identifiers handed out.
const (
	firstOrderID  = 5000001
	firstMemberID = 880001
)

// Service is a customer's mobile service that can join a data pool, as
// seeded by SeedService. PoolProviderID is the memberId of the pool it is a
// consumer of, "" when it is in none; DataLimit is its limit in bytes within
// the pool, 0 for none; DataUsage its usage in bytes (see SetUsage).
type Service struct {
	CustNo         string
	ServiceNumber  string
	LineSeqNo      string
	PlanNo         string
	PoolProviderID string
	DataLimit      int64
	DataUsage      int64
}

// Pool is a data pool: a service of its customer (ServiceNumber, LineSeqNo)
// on a provider plan, known to consumers by ProviderID (the memberId of the
// REST answers). MaxCap is the plan's cap in bytes; Usage the sum of its
// members' usage; Consumers the service numbers of its members, sorted.
//
// Consumers holds members only: a service whose opt-in or transfer into the
// pool is pending is not in it yet, one whose opt-out or transfer out is
// pending still is. The REST GET lists both kinds, as OPTED-IN PENDING and
// OPTED-OUT PENDING. A pool is never OPTED-IN PENDING itself: it does not
// exist until its creation order completes.
type Pool struct {
	CustNo            string
	ServiceNumber     string
	LineSeqNo         string
	ProviderID        string
	Name              string
	PlanNo            string
	Department        string
	Notes             string
	NotificationEmail string
	Status            string // StatusOptedIn, StatusOptOutPending, StatusOptedOut
	MaxCap            int64
	Usage             int64
	Consumers         []string
}

// Order is an order as the fake keeps it. Status is one of OrderPending,
// OrderInProgress, OrderCommitted (OrderSuccess under WithSuccessStatus),
// OrderFailed; Message is the failure text
// of a FAILED order; Created is when it was placed.
type Order struct {
	ID      string
	CustNo  string
	Action  string
	Status  string
	Message string
	Created time.Time
}

// Fault describes a misbehaviour the server shows instead of, or before,
// handling a request, for testing a client's retries and timeouts. Faults
// are applied after the request is recorded and before anything else; the
// first matching fault wins.
type Fault struct {
	// Path is a suffix of the request path (a trailing slash ignored), e.g.
	// "/UtbOrder", "/UtbServiceV3", "/v1/datapool" (only the GET, not
	// "/v1/datapool/transfer") or "/v1/datapool/transfer". "" matches every
	// request.
	Path string
	// Status, if non-zero, is the HTTP status answered instead of handling
	// the request, with an HTML body such as a proxy in front of the vendor
	// would send (never a SOAP envelope or the JSON envelope).
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

// RecordedRequest is one request as the server received it. Path is the full
// request path without a trailing slash, e.g. "/tiab/UtbOrder" or
// "/tiab/api/v1/datapool". Body is exactly what was sent (a SOAP body holds
// the password of its <login>) and is shared with the server's record:
// treat it as read-only.
type RecordedRequest struct {
	Method string
	Path   string
	Header http.Header
	Body   []byte
}

// Server is an in-memory Octane server for the mobile data pool flow: the
// SOAP order and service-detail operations under /tiab and the REST data
// pool API under /tiab/api. It keeps customers, plans, services, pools and
// orders, records every request and can inject faults. It is safe for
// concurrent use.
type Server struct {
	// URL is the root of a started server, e.g. http://127.0.0.1:1234, as
	// httptest.Server.URL; the SOAP services are under SOAPBaseURL and the
	// REST API under RESTBaseURL. It is
	// empty for a server made by NewHandler.
	URL string

	ts     *httptest.Server
	closed fakeserver.Shutdown

	// faults and requests lock themselves. ServeHTTP records a request and
	// takes its fault under mu, and InjectFault and ClearFaults change the
	// faults under mu, so a fault added after a request is seen recorded
	// never applies to it.
	faults   fakeserver.Faults
	requests fakeserver.Recorder

	mu            sync.Mutex
	user, pass    string
	delay         time.Duration
	now           func() time.Time
	customers     map[string]*customer
	providerPlans map[string]int64 // plan → cap in bytes
	consumerPlans map[string]bool
	services      map[string]*service // consumer-capable services by number
	pools         map[string]*Pool    // by providerID; Usage and Consumers unused
	poolBySN      map[string]string   // pool service number → providerID
	lines         map[lineKey]string  // customer + lineSeqNo → service number
	orders        map[string]*order
	nextOrder     int
	nextMember    int
	nextNumber    int
	failNext      []string
	wrappedBulk   bool   // set by WithWrappedBulkAnswers, then read-only
	doneStatus    string // a completed order's status; set by WithSuccessStatus, then read-only
}

// customer is a stored customer.
type customer struct {
	lastLine int // the highest numeric lineSeqNo handed out
}

// service is a stored consumer-capable service.
type service struct {
	Service
	pending string // the pending opt-in, opt-out or transfer order moving it
}

type lineKey struct{ custNo, lineSeqNo string }

// Option configures a Server.
type Option func(*Server)

// WithCredentials replaces the default user name and password, on both
// layers.
func WithCredentials(user, pass string) Option {
	return func(s *Server) { s.user, s.pass = user, pass }
}

// WithOrderDelay sets how long an order takes from placement (or reset) to
// completion. An order reads PENDING until half the delay has passed, then
// IN_PROG, then COMMITTED or FAILED. The default, 0, completes an order at
// the first look after the request that placed it: any later request, or
// any method of the Server that reads state. CompleteOrders finishes pending
// orders at once whatever the delay.
func WithOrderDelay(d time.Duration) Option {
	return func(s *Server) {
		if d > 0 {
			s.delay = d
		}
	}
}

// WithWrappedBulkAnswers makes orderCreateBulk answer in the wrapped shape:
// <return><errorCode>0</errorCode><ordersCreateResponse>…</return>, as the
// other operations answer. By default the fake answers as a public client
// reads the real server: ordersCreateResponse directly under
// orderCreateBulkResponse, with no <return> and no top-level errorCode (a
// refusal of the whole call, which only an empty <orders> gets, then has its
// errorCode and errorMessage directly under orderCreateBulkResponse: the
// fake's choice). A client should accept both shapes.
func WithWrappedBulkAnswers() Option {
	return func(s *Server) { s.wrappedBulk = true }
}

// WithSuccessStatus makes completed orders read SUCCESS instead of
// COMMITTED. Public clients treat both as a completed order; this lets a
// test check that its client does.
func WithSuccessStatus() Option {
	return func(s *Server) { s.doneStatus = OrderSuccess }
}

// NewServer starts a server on a loopback httptest.Server. Give a client
// SOAPBaseURL and RESTBaseURL, or use Client. Close stops it.
func NewServer(opts ...Option) *Server {
	s := NewHandler(opts...)
	s.ts = httptest.NewServer(s)
	s.URL = s.ts.URL
	return s
}

// NewHandler returns a server that is not started: an http.Handler serving
// the SOAP services under /tiab and the REST API under /tiab/api, for use
// with any listener or mux.
func NewHandler(opts ...Option) *Server {
	s := &Server{
		user:          DefaultUsername,
		pass:          DefaultPassword,
		now:           time.Now,
		customers:     map[string]*customer{DefaultCustNo: {}},
		providerPlans: map[string]int64{DefaultProviderPlan: DefaultProviderCap},
		consumerPlans: map[string]bool{DefaultConsumerPlan: true},
		services:      map[string]*service{},
		pools:         map[string]*Pool{},
		poolBySN:      map[string]string{},
		lines:         map[lineKey]string{},
		orders:        map[string]*order{},
		nextOrder:     firstOrderID,
		nextMember:    firstMemberID,
		nextNumber:    1,
		doneStatus:    OrderCommitted,
	}
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

// SOAPBaseURL is what to pass to octane.WithSOAPBaseURL: the base URL of the
// SOAP services, URL + "/tiab". The order service is at
// SOAPBaseURL()+"/UtbOrder", service details at SOAPBaseURL()+"/UtbServiceV3".
func (s *Server) SOAPBaseURL() string { return s.URL + soapBase }

// RESTBaseURL is what to pass to octane.WithRESTBaseURL: the base URL of the REST API: URL + "/tiab/api"; its paths
// start with /v1/datapool.
func (s *Server) RESTBaseURL() string { return s.URL + restBase }

// SeedCustomer adds a customer (a no-op if it exists).
func (s *Server) SeedCustomer(custNo string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.customer(custNo)
}

// customer returns the customer custNo, adding it if needed. s.mu must be
// held.
func (s *Server) customer(custNo string) *customer {
	c, ok := s.customers[custNo]
	if !ok {
		c = &customer{}
		s.customers[custNo] = c
	}
	return c
}

// SeedProviderPlan adds (or replaces) a data-pool provider plan with a cap
// in bytes: a pool created on it gets that cap.
func (s *Server) SeedProviderPlan(planNo string, capBytes int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.providerPlans[planNo] = capBytes
}

// SeedConsumerPlan adds a data-pool consumer plan: only services on such a
// plan may join a pool.
func (s *Server) SeedConsumerPlan(planNo string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.consumerPlans[planNo] = true
}

// SeedService stores a mobile service of svc.CustNo (DefaultCustNo when
// empty; the customer is added if needed) and returns its lineSeqNo. An empty LineSeqNo gets the customer's
// next one ("1", "2", …, shared with its pools); an empty ServiceNumber a
// new one ("0491" and six digits); an empty PlanNo DefaultConsumerPlan. A
// non-empty PoolProviderID makes it a member of that pool at once. It panics
// on a service number or lineSeqNo already in use or an unknown pool: those are mistakes in the test.
func (s *Server) SeedService(svc Service) (lineSeqNo string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if svc.CustNo == "" {
		svc.CustNo = DefaultCustNo
	}
	if svc.ServiceNumber != "" && s.numberTaken(svc.ServiceNumber) {
		panic("octanetest: SeedService: service number " + svc.ServiceNumber + " is in use")
	}
	s.checkLine("SeedService", svc.CustNo, svc.LineSeqNo)
	if svc.PoolProviderID != "" {
		if _, ok := s.pools[svc.PoolProviderID]; !ok {
			panic("octanetest: SeedService: no data pool " + svc.PoolProviderID)
		}
	}
	if svc.ServiceNumber == "" {
		svc.ServiceNumber = s.newServiceNumber()
	}
	svc.LineSeqNo = s.takeLine(svc.CustNo, svc.LineSeqNo, svc.ServiceNumber)
	if svc.PlanNo == "" {
		svc.PlanNo = DefaultConsumerPlan
	}
	s.services[svc.ServiceNumber] = &service{Service: svc}
	return svc.LineSeqNo
}

// SeedPool stores a data pool at once, without an order, and returns it as
// stored. CustNo defaults to DefaultCustNo (the customer is added if
// needed), PlanNo to DefaultProviderPlan, MaxCap to the plan's cap (0 if the
// plan is unknown), Status to OPTED-IN; an empty ServiceNumber, LineSeqNo or
// ProviderID is generated as for a pool created by an order. Usage and
// Consumers are ignored: add consumers with SeedService. It panics on a
// service number, lineSeqNo or provider id already in use.
func (s *Server) SeedPool(p Pool) Pool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p.CustNo == "" {
		p.CustNo = DefaultCustNo
	}
	if p.PlanNo == "" {
		p.PlanNo = DefaultProviderPlan
	}
	if p.MaxCap == 0 {
		p.MaxCap = s.providerPlans[p.PlanNo]
	}
	if p.Status == "" {
		p.Status = StatusOptedIn
	}
	if _, ok := s.pools[p.ProviderID]; ok {
		panic("octanetest: SeedPool: provider id " + p.ProviderID + " is in use")
	}
	if p.ServiceNumber != "" && s.numberTaken(p.ServiceNumber) {
		panic("octanetest: SeedPool: service number " + p.ServiceNumber + " is in use")
	}
	s.checkLine("SeedPool", p.CustNo, p.LineSeqNo)
	if p.ProviderID == "" {
		p.ProviderID = s.newMemberID()
	}
	if p.ServiceNumber == "" {
		p.ServiceNumber = s.newServiceNumber()
	}
	p.LineSeqNo = s.takeLine(p.CustNo, p.LineSeqNo, p.ServiceNumber)
	p.Usage, p.Consumers = 0, nil
	s.addPool(&p)
	return s.poolSnapshot(&p)
}

// addPool stores a new pool. s.mu must be held.
func (s *Server) addPool(p *Pool) {
	s.pools[p.ProviderID] = p
	s.poolBySN[p.ServiceNumber] = p.ProviderID
}

// checkLine panics if a seed asks for a lineSeqNo already in use. s.mu
// must be held.
func (s *Server) checkLine(caller, custNo, line string) {
	if _, taken := s.lines[lineKey{custNo, line}]; taken && line != "" {
		panic("octanetest: " + caller + ": lineSeqNo " + line + " of customer " + custNo + " is in use")
	}
}

// takeLine reserves a lineSeqNo of custNo for serviceNumber: want (free), or
// the next free one if want is "". s.mu must be held.
func (s *Server) takeLine(custNo, want, serviceNumber string) string {
	c := s.customer(custNo)
	if want == "" {
		for {
			c.lastLine++
			want = strconv.Itoa(c.lastLine)
			if _, taken := s.lines[lineKey{custNo, want}]; !taken {
				break
			}
		}
	} else if n, err := strconv.Atoi(want); err == nil && n > c.lastLine {
		c.lastLine = n
	}
	s.lines[lineKey{custNo, want}] = serviceNumber
	return want
}

// numberTaken reports whether a service or pool has that number. s.mu must
// be held.
func (s *Server) numberTaken(n string) bool {
	_, svc := s.services[n]
	_, pool := s.poolBySN[n]
	return svc || pool
}

// newServiceNumber returns an unused mobile number, "0491" and six digits.
// s.mu must be held.
func (s *Server) newServiceNumber() string {
	for {
		n := "0491" + leftPad(s.nextNumber, 6)
		s.nextNumber++
		if !s.numberTaken(n) {
			return n
		}
	}
}

// newMemberID returns an unused provider id. s.mu must be held.
func (s *Server) newMemberID() string {
	for {
		id := strconv.Itoa(s.nextMember)
		s.nextMember++
		if _, ok := s.pools[id]; !ok {
			return id
		}
	}
}

func leftPad(n, width int) string {
	t := strconv.Itoa(n)
	if len(t) < width {
		t = strings.Repeat("0", width-len(t)) + t
	}
	return t
}

// SetUsage sets a consumer-capable service's data usage in bytes. A pool's
// usage is the sum of its consumers'. It panics if no service (seeded with
// SeedService) has that number.
func (s *Server) SetUsage(serviceNumber string, bytes int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	svc, ok := s.services[serviceNumber]
	if !ok {
		panic("octanetest: SetUsage: no service " + serviceNumber + " (a pool's usage is the sum of its consumers')")
	}
	svc.DataUsage = bytes
}

// Pool returns a copy of the pool with that provider id (memberId), in any
// status; a pool whose creation order is pending does not exist yet.
func (s *Server) Pool(providerID string) (Pool, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.advance()
	p, ok := s.pools[providerID]
	if !ok {
		return Pool{}, false
	}
	return s.poolSnapshot(p), true
}

// Pools returns copies of every pool, sorted by provider id.
func (s *Server) Pools() []Pool {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.advance()
	out := make([]Pool, 0, len(s.pools))
	for _, p := range s.pools {
		out = append(out, s.poolSnapshot(p))
	}
	slices.SortFunc(out, func(a, b Pool) int { return compareIDs(a.ProviderID, b.ProviderID) })
	return out
}

// poolSnapshot copies p with its consumers and usage. s.mu must be held.
func (s *Server) poolSnapshot(p *Pool) Pool {
	out := *p
	out.Consumers = []string{}
	out.Usage = 0
	for _, svc := range s.members(p.ProviderID) {
		out.Consumers = append(out.Consumers, svc.ServiceNumber)
		out.Usage += svc.DataUsage
	}
	return out
}

// members returns the services in the pool, sorted by number. s.mu must be
// held.
func (s *Server) members(providerID string) []*service {
	var out []*service
	for _, svc := range s.services {
		if svc.PoolProviderID == providerID {
			out = append(out, svc)
		}
	}
	slices.SortFunc(out, func(a, b *service) int { return strings.Compare(a.ServiceNumber, b.ServiceNumber) })
	return out
}

// Service returns a copy of the service seeded with that number (pools are
// read with Pool).
func (s *Server) Service(serviceNumber string) (Service, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.advance()
	svc, ok := s.services[serviceNumber]
	if !ok {
		return Service{}, false
	}
	return svc.Service, true
}

// Order returns a copy of the order with that id, with its current status.
func (s *Server) Order(id string) (Order, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.advance()
	o, ok := s.orders[id]
	if !ok {
		return Order{}, false
	}
	return s.orderSnapshot(o), true
}

// Orders returns copies of every order, oldest first.
func (s *Server) Orders() []Order {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.advance()
	out := make([]Order, 0, len(s.orders))
	for _, o := range s.orders {
		out = append(out, s.orderSnapshot(o))
	}
	slices.SortFunc(out, func(a, b Order) int { return compareIDs(a.ID, b.ID) })
	return out
}

// FailNextOrder makes the next order placed (or reset) end FAILED, with
// message as its statusMessage, when it completes. Calls queue up: two calls
// fail the next two orders.
func (s *Server) FailNextOrder(message string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failNext = append(s.failNext, message)
}

// CompleteOrders finishes every pending order now, oldest first, whatever
// the order delay.
func (s *Server) CompleteOrders() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.finishDue(func(*order) bool { return true })
}

// compareIDs orders numeric ids by value (shorter first), others as text.
func compareIDs(a, b string) int {
	return cmp.Or(cmp.Compare(len(a), len(b)), strings.Compare(a, b))
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
// those answered by a fault.
func (s *Server) Requests() []RecordedRequest {
	return fakeserver.Requests[RecordedRequest](&s.requests)
}

// ResetRequests forgets the recorded requests.
func (s *Server) ResetRequests() {
	s.requests.Reset()
}

// RequestCount returns how many recorded requests had a path ending in
// pathSuffix (a trailing slash ignored): "/UtbOrder" counts every order
// service call, "/v1/datapool" only the GETs of a pool. "" counts every
// request.
func (s *Server) RequestCount(pathSuffix string) int {
	return s.requests.Count(fakeserver.TrimPath(pathSuffix), fakeserver.Suffix)
}

// ServeHTTP serves the SOAP services under /tiab and the REST API under
// /tiab/api.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var raw []byte
	if r.Body != nil { // nil in a request made for a client, passed here directly
		raw, _ = io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	}
	path := fakeserver.TrimPath(r.URL.Path)

	s.mu.Lock()
	s.requests.Record(r, path, raw)
	s.advance() // any request is a look: orders whose time has come complete
	fault, faulted := s.faults.Take(path, fakeserver.Suffix)
	s.mu.Unlock()

	if faulted && !fakeserver.Apply(w, r, fault, s.closed.Done(), writeFaultStatus) {
		return
	}

	switch {
	case path == restBase || strings.HasPrefix(path, restBase+"/"):
		s.serveREST(w, r, strings.TrimPrefix(path, restBase), raw)
	case path == soapBase+pathOrder:
		s.serveSOAP(w, r, soapServices[pathOrder], raw)
	case path == soapBase+pathService:
		s.serveSOAP(w, r, soapServices[pathService], raw)
	case path == soapBase+pathMobile:
		s.serveSOAP(w, r, soapServices[pathMobile], raw)
	default:
		http.NotFound(w, r)
	}
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
