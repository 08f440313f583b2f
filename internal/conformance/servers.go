package conformance

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// role is which of an op's four servers received a request.
type role int

const (
	roleOrigin    role = iota // plain HTTP on 127.0.0.1: where the client is pointed
	roleOriginTLS             // HTTPS on 127.0.0.1: the origin of the https→http scenarios
	roleOffHost               // plain HTTP on 127.0.0.2: another host
	roleOtherPort             // plain HTTP on 127.0.0.1, another port (and the https→http target)
)

var roleNames = [...]string{"origin", "origin-tls", "off-host 127.0.0.2", "same host, other port"}

func (r role) String() string { return roleNames[r] }

func (r role) target() bool { return r == roleOffHost || r == roleOtherPort }

// recorded is one request as a server received it.
type recorded struct {
	role   role
	method string
	uri    string // request URI with the call's path prefix removed
	body   []byte
	req    *http.Request // the request with the prefix removed, for Adapter.Unsafe
	login  bool          // answered by Adapter.Login
	follow int           // the redirect number this request follows, 0 when none
}

// redirect is one redirect a server answered with.
type redirect struct {
	method string // of the redirected request
	code   int
	to     string // the target's role name
}

// caseState is one call: one op in one scenario. Requests reach it by the
// path prefix /k<id> of its Env.BaseURL.
type caseState struct {
	id  int
	sc  *scenario
	op  *Op
	set *serverSet

	mu        sync.Mutex
	reqs      []recorded
	redirects []redirect
}

func (cs *caseState) add(r recorded) {
	cs.mu.Lock()
	cs.reqs = append(cs.reqs, r)
	cs.mu.Unlock()
}

// newRedirect registers a redirect and returns its number (from 1).
func (cs *caseState) newRedirect(method string, code int, to role) int {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	cs.redirects = append(cs.redirects, redirect{method, code, to.String()})
	return len(cs.redirects)
}

func (cs *caseState) snapshot() ([]recorded, []redirect) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	return append([]recorded(nil), cs.reqs...), append([]redirect(nil), cs.redirects...)
}

// serverSet is the four servers of one op, shared by that op's calls.
type serverSet struct {
	k       *kit
	servers [4]*httptest.Server
	stop    chan struct{}

	mu    sync.Mutex
	cases map[int]*caseState
	conns []*recConn // accepted by the targets
}

// newServerSet starts the servers. The off-host one is nil when 127.0.0.2
// cannot be listened on.
func newServerSet(k *kit) (*serverSet, error) {
	s := &serverSet{k: k, stop: make(chan struct{}), cases: map[int]*caseState{}}
	for ro := roleOrigin; ro <= roleOtherPort; ro++ {
		addr := "127.0.0.1:0"
		if ro == roleOffHost {
			addr = "127.0.0.2:0"
		}
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			if ro == roleOffHost {
				continue
			}
			s.close()
			return nil, err
		}
		srv := httptest.NewUnstartedServer(s.handler(ro))
		_ = srv.Listener.Close()
		if ro.target() {
			ln = &recListener{Listener: ln, set: s}
			srv.Config.ConnContext = func(ctx context.Context, c net.Conn) context.Context {
				if rc, ok := c.(*recConn); ok {
					return context.WithValue(ctx, connKey{}, rc)
				}
				return ctx
			}
		}
		srv.Listener = ln
		srv.Config.ErrorLog = discardLogger
		if ro == roleOriginTLS {
			srv.StartTLS()
		} else {
			srv.Start()
		}
		s.servers[ro] = srv
	}
	return s, nil
}

func (s *serverSet) url(ro role) string { return s.servers[ro].URL }

func (s *serverSet) close() {
	select {
	case <-s.stop:
		return
	default:
		close(s.stop)
	}
	for _, srv := range s.servers {
		if srv != nil {
			srv.CloseClientConnections()
			srv.Close()
		}
	}
}

func (s *serverSet) register(cs *caseState) {
	s.mu.Lock()
	s.cases[cs.id] = cs
	s.mu.Unlock()
}

func (s *serverSet) lookup(id int) *caseState {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cases[id]
}

// raw returns every byte the targets received on the connections of call id.
func (s *serverSet) raw(id int) map[role][]byte {
	s.mu.Lock()
	conns := append([]*recConn(nil), s.conns...)
	s.mu.Unlock()
	out := map[role][]byte{}
	for _, c := range conns {
		c.mu.Lock()
		if c.caseID == id {
			out[c.role] = append(out[c.role], c.buf.Bytes()...)
		}
		c.mu.Unlock()
	}
	return out
}

var caseRE = regexp.MustCompile(`^/k([0-9]+)(/.*)?$`)

func (s *serverSet) handler(ro role) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		m := caseRE.FindStringSubmatch(r.URL.EscapedPath())
		if m == nil {
			http.NotFound(w, r)
			return
		}
		id, _ := strconv.Atoi(m[1])
		if rc, ok := r.Context().Value(connKey{}).(*recConn); ok {
			rc.bind(id)
		}
		cs := s.lookup(id)
		if cs == nil {
			http.NotFound(w, r)
			return
		}
		body, _ := io.ReadAll(io.LimitReader(r.Body, 16<<20))
		rest := m[2]
		if rest == "" {
			rest = "/"
		}
		uri := rest
		if r.URL.RawQuery != "" {
			uri += "?" + r.URL.RawQuery
		}
		stripped := r.Clone(context.Background())
		if u, err := url.ParseRequestURI(uri); err == nil {
			stripped.URL = u
		}
		stripped.RequestURI = uri
		stripped.Body = io.NopCloser(bytes.NewReader(body))
		rec := recorded{role: ro, method: r.Method, uri: uri, body: body, req: stripped}

		ex := &exchange{cs: cs, role: ro, w: w, r: r, body: body}
		if n, ok := strings.CutPrefix(stripped.URL.Path, "/__redir/"); ok {
			rec.follow, _ = strconv.Atoi(strings.SplitN(n, "/", 2)[0])
			cs.add(rec)
			ex.answerEnvelope(s.k.envelopes[0])
			return
		}
		if ro.target() {
			cs.add(rec)
			ex.answerEnvelope(s.k.envelopes[0])
			return
		}
		if s.k.a.Login != nil {
			login := stripped.Clone(context.Background())
			login.Body = io.NopCloser(bytes.NewReader(body))
			if s.k.a.Login(w, login) {
				rec.login = true
				cs.add(rec)
				return
			}
		}
		cs.add(rec)
		cs.sc.serve(ex)
	})
}

// recListener wraps the targets' connections so that every byte they
// receive is kept.
type recListener struct {
	net.Listener
	set *serverSet
}

func (l *recListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	ro := roleOtherPort
	if strings.HasPrefix(l.Addr().String(), "127.0.0.2:") {
		ro = roleOffHost
	}
	rc := &recConn{Conn: c, role: ro, caseID: -1}
	l.set.mu.Lock()
	l.set.conns = append(l.set.conns, rc)
	l.set.mu.Unlock()
	return rc, nil
}

type connKey struct{}

// recConn keeps what it reads. The client's transport is per call, so a
// connection belongs to one call; the first request on it says which.
type recConn struct {
	net.Conn
	role   role
	mu     sync.Mutex
	buf    bytes.Buffer
	caseID int
}

func (c *recConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 {
		c.mu.Lock()
		if c.buf.Len() < 64<<20 {
			c.buf.Write(p[:n])
		}
		c.mu.Unlock()
	}
	return n, err
}

func (c *recConn) bind(id int) {
	c.mu.Lock()
	if c.caseID < 0 {
		c.caseID = id
	}
	c.mu.Unlock()
}

// hijack takes the connection over, for answers net/http cannot write.
func hijack(w http.ResponseWriter) (net.Conn, error) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		return nil, errors.New("conformance: response writer cannot be hijacked")
	}
	c, _, err := hj.Hijack()
	return c, err
}

// hostPortRE matches the test servers' addresses, plain or escaped, which
// change from run to run: they are replaced before any check so that no
// port number can match a secret by chance.
var hostPortRE = regexp.MustCompile(`127\.0\.0\.[12](:|%3[Aa])[0-9]+`)

// addressRE matches the pointer addresses fmt prints (%#v of a struct
// holding pointers), which also change from run to run.
var addressRE = regexp.MustCompile(`0x[0-9a-f]{6,16}`)

func normalize(s string) string {
	if strings.Contains(s, "127.0.0.") {
		s = hostPortRE.ReplaceAllString(s, "HOST:PORT")
	}
	if strings.Contains(s, "0x") {
		s = addressRE.ReplaceAllString(s, "0xADDR")
	}
	return s
}
