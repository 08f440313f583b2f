package alianzatest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ispkit/ispkit/internal/fakeserver"
)

// The management user and partition every server starts with.
const (
	// DefaultUsername is the user name of the management user every server
	// starts with (WithCredentials adds others).
	DefaultUsername = "alianza-api"
	// DefaultPassword is the password of DefaultUsername.
	DefaultPassword = "alianza-secret"
	// DefaultPartitionID is the partition of DefaultUsername, and of a
	// seeded account, user or device line that names none.
	DefaultPartitionID = "partition-1"
	// DefaultTokenLifetime is how long an auth token lasts unless
	// WithTokenLifetime says otherwise.
	DefaultTokenLifetime = time.Hour
)

// headerAuthToken is the header every call but the login carries.
const headerAuthToken = "X-AUTH-TOKEN"

// maxBodyBytes caps a request body.
const maxBodyBytes = 8 << 20

// Fault describes a misbehaviour the server shows instead of, or before,
// handling a request, for testing a client's retries and timeouts. Faults
// are applied after the request is recorded and before anything else
// (routing, authentication); the first matching fault wins.
type Fault struct {
	// Path is a suffix of the request path (a trailing slash ignored), e.g.
	// "/v2/authorize" (the login and the password change, not
	// "/v2/authorize/logout"),
	// "/account" (the account list and create of any partition) or
	// "/deviceline". "" matches every request.
	Path string
	// Status, if non-zero, is the HTTP status answered instead of handling
	// the request, with a PublicApiException body whose one message is the
	// status text without spaces: {"status":503,"messages":
	// ["ServiceUnavailable"],"data":{}}.
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

// RecordedRequest is one request as the server received it. Path is the
// request path without a trailing slash, e.g. "/v2/authorize" or
// "/v2/partition/partition-1/account". Header and Body are exactly what was
// sent (a login's body holds the password, every other call's header the
// auth token); Body is shared with the server's record: treat it as
// read-only.
type RecordedRequest struct {
	Method string
	Path   string
	Header http.Header
	Body   []byte
}

// Server is an in-memory Alianza Public API v2: login, logout, password
// change and the session's user information; the
// accounts, account users, device lines, telephone numbers, calling plans,
// history and call detail records of the partitions it knows; their number
// inventories, status events and jobs. It records every request and can
// inject faults. It is safe for concurrent use.
type Server struct {
	// URL is the root of a started server, e.g. http://127.0.0.1:1234; every
	// path starts with /v2 after it. It is empty for a server made by
	// NewHandler.
	URL string

	ts     *httptest.Server
	closed fakeserver.Shutdown

	// faults and requests lock themselves. ServeHTTP records a request and
	// takes its fault under mu, and InjectFault and ClearFaults change the
	// faults under mu, so a fault added after a request is seen recorded
	// never applies to it.
	faults   fakeserver.Faults
	requests fakeserver.Recorder

	mu              sync.Mutex
	lifetime        time.Duration
	jobDelay        time.Duration
	now             func() time.Time
	users           []*mgmtUser       // management users, in the order added
	tokens          map[string]*token // live tokens
	logins          int
	passwordChanges int // PUT /v2/authorize accepted

	accounts map[string]*account // by id, every partition
	seq      int                 // creation order of accounts
	ids      map[string]bool     // every id handed out or seeded
	next     map[byte]int        // per-kind id counters
	nextSIP  int

	inventory map[string]*inventoryNumber   // partition inventories, by phone number
	events    []*StatusEvent                // service activation events, every partition, oldest first
	products  map[string]CallingPlanProduct // calling plan products, by id
	jobs      map[string]*job               // by id
	failJobs  []string                      // the messages of the next jobs to fail, oldest first

	deviceTypes map[string]DeviceType // the device type catalog, by id
	registered  map[string]bool       // device lines whose device is registered, by id
	gateway401  bool                  // 401s in the gateway form (WithGatewayUnauthorized)

	// The generic store of the generated routes (store.go): objects by
	// canonical path, the order they were stored in, and scripted answers
	// by "METHOD path".
	objects     map[string]json.RawMessage
	objectOrder []string
	scripts     map[string]scripted

	// The files of the file routes (files.go), by canonical path, and the
	// SIP usernames the username check reports as taken.
	files    map[string]File
	takenSIP map[string]bool
}

// mgmtUser is a management user: who may log in, and the partition the
// login answers with.
type mgmtUser struct {
	id, username, password, partition string
}

// token is an issued auth token.
type token struct {
	user    *mgmtUser
	expires time.Time
}

// Option configures a Server.
type Option func(*Server)

// WithCredentials adds a management user whose login the server accepts,
// who works in partitionID (DefaultPartitionID when ""). Use it for a user
// of your own, and for tests of partition isolation and of what Alianza
// keeps unique across partitions (SIP usernames, MAC addresses, user
// names). The default user, DefaultUsername with DefaultPassword in
// DefaultPartitionID, is always there; a user with the name of one already
// there (DefaultUsername included) gets pass and partitionID instead.
func WithCredentials(user, pass, partitionID string) Option {
	return func(s *Server) {
		if partitionID == "" {
			partitionID = DefaultPartitionID
		}
		for _, u := range s.users {
			if u.username == user {
				u.password, u.partition = pass, partitionID
				return
			}
		}
		s.users = append(s.users, &mgmtUser{id: s.newID(kindManagementUser), username: user, password: pass, partition: partitionID})
	}
}

// WithTokenLifetime sets how long an auth token is accepted after its login
// (DefaultTokenLifetime unless set; a d of 0 or less keeps the default). The
// login answers maxLifeInHours, the lifetime in whole hours rounded up.
func WithTokenLifetime(d time.Duration) Option {
	return func(s *Server) {
		if d > 0 {
			s.lifetime = d
		}
	}
}

// WithGatewayUnauthorized makes the server answer every 401 (a wrong login,
// a missing, unknown or expired token) as {"message":"Unauthorized"}, the
// form a 401 takes when the gateway in front of Alianza answers it (seen in
// the field), instead of a
// PublicApiException with InvalidCredentials, MissingAuthToken or
// ExpiredAuthToken.
func WithGatewayUnauthorized() Option {
	return func(s *Server) { s.gateway401 = true }
}

// WithJobDelay sets how long a job (the 202 Accepted answer of
// …/telephonenumber/export_2) runs before it ends DONE, or FAILED after
// FailNextJob: it is PENDING when started, IN_PROGRESS when read before the
// delay has passed (on the server's clock), and ended from then on. Without
// it (or with a d of 0 or less) a job has ended by the time it is first
// read.
func WithJobDelay(d time.Duration) Option {
	return func(s *Server) {
		if d > 0 {
			s.jobDelay = d
		}
	}
}

// NewServer starts a server on a loopback httptest.Server. Give a client
// its BaseURL (the root: paths start with /v2), or take one from Client.
// Close stops it.
func NewServer(opts ...Option) *Server {
	s := NewHandler(opts...)
	s.ts = httptest.NewServer(s)
	s.URL = s.ts.URL
	return s
}

// NewHandler returns a server that is not started: an http.Handler serving
// the API under /v2, for use with any listener or mux.
func NewHandler(opts ...Option) *Server {
	s := &Server{
		lifetime:  DefaultTokenLifetime,
		now:       time.Now,
		tokens:    map[string]*token{},
		accounts:  map[string]*account{},
		ids:       map[string]bool{},
		next:      map[byte]int{},
		inventory: map[string]*inventoryNumber{},
		products:  map[string]CallingPlanProduct{},
		jobs:      map[string]*job{},
	}
	s.deviceTypes, s.registered = map[string]DeviceType{}, map[string]bool{}
	for _, p := range DefaultCallingPlanProducts() {
		s.products[p.ID] = p
	}
	for _, d := range DefaultDeviceTypes() {
		s.deviceTypes[d.ID] = d
	}
	s.users = []*mgmtUser{{id: s.newID(kindManagementUser), username: DefaultUsername, password: DefaultPassword, partition: DefaultPartitionID}}
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

// BaseURL returns what to pass to alianza.WithBaseURL for this server: its
// URL, the root under which every path starts with /v2. It is "" for a
// server made by NewHandler.
func (s *Server) BaseURL() string { return s.URL }

// ExpireTokens makes every token issued so far invalid at once, as if its
// lifetime had passed: the next call with one is answered 401
// ExpiredAuthToken. Later logins get fresh tokens.
func (s *Server) ExpireTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.tokens)
}

// LoginCount returns how many logins succeeded so far.
func (s *Server) LoginCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.logins
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
// pathSuffix (a trailing slash ignored): "/v2/authorize" counts the logins
// and password changes,
// "/deviceline" the device line lists and creates of every account. ""
// counts every request.
func (s *Server) RequestCount(pathSuffix string) int {
	return s.requests.Count(fakeserver.TrimPath(pathSuffix), fakeserver.Suffix)
}

// ServeHTTP serves the API under /v2.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var raw []byte
	if r.Body != nil { // nil in a request made for a client, passed here directly
		raw, _ = io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	}
	path := fakeserver.TrimPath(r.URL.Path)

	s.mu.Lock()
	s.requests.Record(r, path, raw)
	fault, faulted := s.faults.Take(path, fakeserver.Suffix)
	s.mu.Unlock()

	if faulted && !fakeserver.Apply(w, r, fault, s.closed.Done(), writeFaultStatus) {
		return
	}

	rt, args, ok := lookupRoute(fakeserver.TrimPath(r.URL.EscapedPath()))
	if !ok {
		writeReply(w, fail(http.StatusNotFound, MessageNotFound))
		return
	}
	h, ok := rt.methods[r.Method]
	if !ok {
		allowed := make([]string, 0, len(rt.methods))
		for m := range rt.methods {
			allowed = append(allowed, m)
		}
		slices.Sort(allowed)
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		writeReply(w, fail(http.StatusMethodNotAllowed, MessageMethodNotAllowed))
		return
	}
	c := &call{r: r, raw: raw, args: args}

	s.mu.Lock()
	rep := s.dispatch(rt, h, c)
	gateway := s.gateway401
	s.mu.Unlock()
	if gateway && rep.status == http.StatusUnauthorized {
		rep = reply{status: http.StatusUnauthorized, body: gatewayUnauthorized{Message: "Unauthorized"}}
	}
	writeReply(w, rep)
}

// dispatch authenticates one routed request and handles it. s.mu must be
// held.
func (s *Server) dispatch(rt route, h handler, c *call) reply {
	if rt.public {
		return h(s, c)
	}
	tok, rep, ok := s.authenticate(c.r)
	if !ok {
		return rep
	}
	c.token, c.user = tok, s.tokens[tok].user
	if rt.partitioned && c.args[0] != c.user.partition {
		return fail(http.StatusForbidden, MessageNotPermitted)
	}
	return h(s, c)
}

// authenticate checks the X-AUTH-TOKEN header: 401 MissingAuthToken without
// one, 401 ExpiredAuthToken for one unknown, logged out or past its
// lifetime. s.mu must be held.
func (s *Server) authenticate(r *http.Request) (string, reply, bool) {
	tok := strings.TrimSpace(r.Header.Get(headerAuthToken))
	if tok == "" {
		return "", fail(http.StatusUnauthorized, MessageMissingAuthToken), false
	}
	t, ok := s.tokens[tok]
	if ok && !s.now().Before(t.expires) {
		delete(s.tokens, tok)
		ok = false
	}
	if !ok {
		return "", fail(http.StatusUnauthorized, MessageExpiredAuthToken), false
	}
	return tok, reply{}, true
}

// call is one routed request being handled.
type call struct {
	r     *http.Request
	raw   []byte
	args  []string // the path's variables: partition, account, user or device
	token string
	user  *mgmtUser
}

// handler handles one endpoint with s.mu held.
type handler func(s *Server, c *call) reply

// route is one path pattern and its methods.
type route struct {
	methods map[string]handler
	// public routes need no token (the login).
	public bool
	// partitioned routes start with /v2/partition/{partitionId}: args[0].
	partitioned bool
}

var (
	routeLogin = route{public: true, methods: map[string]handler{
		http.MethodPost: (*Server).login,
		http.MethodPut:  (*Server).changePassword,
	}}
	routeLogout = route{methods: map[string]handler{
		http.MethodPut: (*Server).logout,
	}}
	routeUserInfo = route{methods: map[string]handler{
		http.MethodGet: (*Server).userInfo,
	}}
	routeJob = route{methods: map[string]handler{
		http.MethodGet: (*Server).getJob,
	}}
	routeJobOutput = route{methods: map[string]handler{
		http.MethodGet: (*Server).getJobOutput,
	}}
	routeAccounts = route{partitioned: true, methods: map[string]handler{
		http.MethodGet:  (*Server).listAccounts,
		http.MethodPost: (*Server).createAccount,
	}}
	routeAccountSearch = route{partitioned: true, methods: map[string]handler{
		http.MethodGet: (*Server).searchAccounts,
	}}
	routeAccount = route{partitioned: true, methods: map[string]handler{
		http.MethodGet:    (*Server).getAccount,
		http.MethodPut:    (*Server).putAccount,
		http.MethodPatch:  (*Server).patchAccount,
		http.MethodDelete: (*Server).deleteAccount,
	}}
	routeUsers = route{partitioned: true, methods: map[string]handler{
		http.MethodGet:  (*Server).listUsers,
		http.MethodPost: (*Server).createUser,
	}}
	routeUser = route{partitioned: true, methods: map[string]handler{
		http.MethodGet:    (*Server).getUser,
		http.MethodPut:    (*Server).putUser,
		http.MethodPatch:  (*Server).patchUser,
		http.MethodDelete: (*Server).deleteUser,
	}}
	routeDeviceLines = route{partitioned: true, methods: map[string]handler{
		http.MethodGet:  (*Server).listDeviceLines,
		http.MethodPost: (*Server).createDeviceLine,
	}}
	routeDeviceLine = route{partitioned: true, methods: map[string]handler{
		http.MethodGet:    (*Server).getDeviceLine,
		http.MethodPut:    (*Server).putDeviceLine,
		http.MethodPatch:  (*Server).patchDeviceLine,
		http.MethodDelete: (*Server).deleteDeviceLine,
	}}
	routeAccountNumbers = route{partitioned: true, methods: map[string]handler{
		http.MethodGet:  (*Server).listAccountNumbers,
		http.MethodPost: (*Server).addAccountNumbers,
	}}
	routeAccountNumber = route{partitioned: true, methods: map[string]handler{
		http.MethodGet:    (*Server).getAccountNumber,
		http.MethodPut:    (*Server).putAccountNumber,
		http.MethodPatch:  (*Server).patchAccountNumber,
		http.MethodDelete: (*Server).removeAccountNumber,
	}}
	routeCallingPlans = route{partitioned: true, methods: map[string]handler{
		http.MethodGet:    (*Server).getCallingPlans,
		http.MethodPut:    (*Server).addCallingPlan,
		http.MethodDelete: (*Server).removeCallingPlan,
	}}
	routeUserProductPlans = route{partitioned: true, methods: map[string]handler{
		http.MethodGet: (*Server).listUserProductPlans,
	}}
	routeHistorySearch = route{partitioned: true, methods: map[string]handler{
		http.MethodGet: (*Server).searchHistory,
	}}
	routeCDRSearch = route{partitioned: true, methods: map[string]handler{
		http.MethodGet: (*Server).searchCDRs,
	}}
	routeNumberSearch = route{partitioned: true, methods: map[string]handler{
		http.MethodGet: (*Server).searchInventory,
	}}
	routeStatusSearch = route{partitioned: true, methods: map[string]handler{
		http.MethodGet: (*Server).searchStatusEvents,
	}}
	routeNumberExport = route{partitioned: true, methods: map[string]handler{
		http.MethodGet: (*Server).exportInventory,
	}}
	routeReserve = route{partitioned: true, methods: map[string]handler{
		http.MethodPut:    (*Server).reserveNumber,
		http.MethodDelete: (*Server).releaseNumber,
	}}
	routeDeviceTypes = route{methods: map[string]handler{
		http.MethodGet: (*Server).listDeviceTypes,
	}}
	routeDeviceType = route{methods: map[string]handler{
		http.MethodGet: (*Server).getDeviceType,
	}}
	routeTimeZones = route{methods: map[string]handler{
		http.MethodGet: (*Server).listTimeZones,
	}}
	routeLanguages = route{methods: map[string]handler{
		http.MethodGet: (*Server).listLanguages,
	}}
	routeCallingPlanProducts = route{partitioned: true, methods: map[string]handler{
		http.MethodGet: (*Server).listCallingPlanProducts,
	}}
	routeInboundRatePlans = route{partitioned: true, methods: map[string]handler{
		http.MethodGet: (*Server).listInboundRatePlans,
	}}
	routeInboundRatePlan = route{partitioned: true, methods: map[string]handler{
		http.MethodGet: (*Server).getInboundRatePlan,
	}}
	routeRegistrationStatus = route{partitioned: true, methods: map[string]handler{
		http.MethodGet: (*Server).getRegistrationStatus,
	}}
)

// routeTable maps path patterns, segments after the leading slash, to
// routes. "*" is a variable; the pattern with the most literal segments
// wins, the first listed among equals. The generated routes (genRoutes)
// are added to it by store.go: a method of a hand-written pattern that it
// lacks, or a pattern of their own. Every
// pattern under v2/partition/* is a partitioned route.
var routeTable = []struct {
	pattern string
	rt      route
}{
	{"v2/authorize", routeLogin},
	{"v2/authorize/logout", routeLogout},
	{"v2/authorize/userinfo", routeUserInfo},
	{"v2/job/*", routeJob},
	{"v2/job/*/output", routeJobOutput},
	{"v2/partition/*/account", routeAccounts},
	{"v2/partition/*/account/search", routeAccountSearch},
	{"v2/partition/*/account/*", routeAccount},
	{"v2/partition/*/account/*/user", routeUsers},
	{"v2/partition/*/account/*/user/*", routeUser},
	{"v2/partition/*/account/*/deviceline", routeDeviceLines},
	{"v2/partition/*/account/*/deviceline/*", routeDeviceLine},
	{"v2/partition/*/account/*/deviceline/*/registrationstatus", routeRegistrationStatus},
	{"v2/partition/*/account/*/telephonenumber", routeAccountNumbers},
	{"v2/partition/*/account/*/telephonenumber/*", routeAccountNumber},
	{"v2/partition/*/account/*/callingplan", routeCallingPlans},
	{"v2/partition/*/account/*/user-product-plans", routeUserProductPlans},
	{"v2/partition/*/account/*/accounthistorysearch", routeHistorySearch},
	{"v2/partition/*/account/*/cdrsearch", routeCDRSearch},
	{"v2/partition/*/telephonenumber/search", routeNumberSearch},
	{"v2/partition/*/telephonenumber/statussearch", routeStatusSearch},
	{"v2/partition/*/telephonenumber/export_2", routeNumberExport},
	{"v2/partition/*/telephonenumber/*/reserve", routeReserve},
	{"v2/partition/*/callingplanproduct", routeCallingPlanProducts},
	{"v2/partition/*/inboundrateplanproduct", routeInboundRatePlans},
	{"v2/partition/*/inboundrateplanproduct/*", routeInboundRatePlan},
	{"v2/ref/devicetype", routeDeviceTypes},
	{"v2/ref/devicetype/*", routeDeviceType},
	{"v2/ref/timezones", routeTimeZones},
	{"v2/ref/language", routeLanguages},
}

// lookupRoute finds the route of an escaped request path and its unescaped
// variables, in the order of the path.
func lookupRoute(escaped string) (route, []string, bool) {
	seg := strings.Split(strings.TrimPrefix(escaped, "/"), "/")
	for i, p := range seg {
		u, err := url.PathUnescape(p)
		if err != nil || u == "" {
			return route{}, nil, false
		}
		seg[i] = u
	}
	// The pattern with the most literal segments wins (…/account/search
	// over …/account/*), the first listed among equals.
	best, bestArgs, bestScore := route{}, []string(nil), -1
next:
	for _, e := range routeTable {
		pat := strings.Split(e.pattern, "/")
		if len(pat) != len(seg) {
			continue
		}
		var args []string
		score := 0
		for i, p := range pat {
			switch {
			case p == "*":
				args = append(args, seg[i])
			case p != seg[i]:
				continue next
			default:
				score++
			}
		}
		if score > bestScore {
			best, bestArgs, bestScore = e.rt, args, score
		}
	}
	return best, bestArgs, bestScore >= 0
}

// writeFaultStatus answers a fault's status as a PublicApiException.
func writeFaultStatus(w http.ResponseWriter, status int) {
	key := strings.ReplaceAll(http.StatusText(status), " ", "")
	if key == "" {
		key = "Status" + strconv.Itoa(status)
	}
	writeReply(w, fail(status, key))
}
