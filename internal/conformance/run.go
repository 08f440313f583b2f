package conformance

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"
)

var discardLogger = log.New(io.Discard, "", 0)

// kit is one Run: the adapter, its detectors and scenarios.
type kit struct {
	a         Adapter
	det       *detector // every secret
	cred      *detector // the credentials
	envelopes []Envelope
	scenarios []*scenario
	sessions  tls.ClientSessionCache
	nextID    atomic.Int64
}

func newKit(a Adapter) *kit {
	k := &kit{a: a, det: newDetector(a.Secrets), cred: newDetector(a.Credentials), envelopes: a.Envelopes,
		sessions: tls.NewLRUClientSessionCache(256)}
	if len(k.envelopes) == 0 {
		k.envelopes = []Envelope{genericEnvelope}
	}
	k.scenarios = k.buildScenarios()
	return k
}

// ScenarioNames returns the names of the scenarios Run would run for a
// (they depend on its envelopes).
func ScenarioNames(a Adapter) []string {
	k := newKit(a)
	var out []string
	for _, s := range k.selected() {
		out = append(out, s.name)
	}
	return out
}

func (k *kit) selected() []*scenario {
	if len(k.a.Scenarios) == 0 {
		return k.scenarios
	}
	var out []*scenario
	for _, s := range k.scenarios {
		for _, p := range k.a.Scenarios {
			if strings.HasPrefix(s.name, p) {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

// finding kinds.
const (
	kindLeak      = "leak"
	kindOffHost   = "off-host credential"
	kindFollowed  = "redirect followed"
	kindDuplicate = "duplicate"
	kindHang      = "hang"
	kindPanic     = "panic"
	kindClass     = "classification"
	kindMemory    = "memory"
	kindSilent    = "sent nothing"
	kindSetup     = "setup"
)

type finding struct {
	kind string
	msg  string
}

// result is one call's outcome and what the kit found in it.
type result struct {
	sc       *scenario
	op       *Op
	err      error
	returned bool
	elapsed  time.Duration
	alloc    uint64
	findings []finding
	skipped  string
}

func (r *result) add(kind, format string, args ...any) {
	r.findings = append(r.findings, finding{kind, fmt.Sprintf(format, args...)})
}

// report is a whole run: every call's result.
type report struct {
	k       *kit
	results map[string]map[string]*result // scenario → op → result
	order   []*scenario
	prints  []*printResult
	elapsed time.Duration
}

// Run runs every op of a through every scenario and reports each failure in
// a subtest scenario/op, then logs a summary table. Do not call t.Parallel
// in the test that calls Run: the memory scenarios measure the process's
// allocations and must run alone.
func Run(t *testing.T, a Adapter) {
	t.Helper()
	if a.New == nil || len(a.Ops) == 0 {
		t.Fatal("conformance: the adapter needs New and at least one Op")
	}
	rep := execute(a)
	rep.publish(t)
}

// execute runs the matrix and returns the findings, without a testing.T.
func execute(a Adapter) *report {
	start := time.Now()
	k := newKit(a)
	rep := &report{k: k, results: map[string]map[string]*result{}, order: k.selected()}
	sets := make([]*serverSet, len(a.Ops))
	var setErr error
	for i := range a.Ops {
		s, err := newServerSet(k)
		if err != nil {
			setErr = err
			break
		}
		sets[i] = s
	}
	defer func() {
		for _, s := range sets {
			if s != nil {
				s.close()
			}
		}
	}()
	type job struct {
		sc  *scenario
		op  int
		res *result
	}
	var parallel, serial []job
	for _, sc := range rep.order {
		rep.results[sc.name] = map[string]*result{}
		for i := range a.Ops {
			res := &result{sc: sc, op: &a.Ops[i]}
			rep.results[sc.name][a.Ops[i].Name] = res
			switch {
			case setErr != nil:
				res.add(kindSetup, "starting the test servers: %v", setErr)
			case sc.offHost && sets[i].servers[roleOffHost] == nil:
				res.skipped = "cannot listen on 127.0.0.2 (another loopback address is needed for the off-host target)"
			case sc.memory:
				serial = append(serial, job{sc, i, res})
			default:
				parallel = append(parallel, job{sc, i, res})
			}
		}
	}
	if len(serial) > 0 {
		gzipBomb() // built before any measurement
	}
	if raceEnabled {
		// Under the race detector TotalAlloc is not comparable and every
		// byte of a large body costs shadow-memory work: the memory
		// scenarios run only without -race.
		for _, j := range serial {
			j.res.skipped = "memory scenarios run only without -race (the race detector changes TotalAlloc and makes large bodies slow)"
		}
		serial = nil
	}
	// Calls that mostly wait (the slow scenarios) run first, all at once,
	// alone, so that no CPU-bound call delays their deadlines; the others
	// then share two workers per CPU, so that no call's own deadline is
	// eaten by queueing for a CPU.
	var wg sync.WaitGroup
	var busy []job
	for _, j := range parallel {
		if j.sc.deadline < defaultDeadline {
			wg.Add(1)
			go func(j job) {
				defer wg.Done()
				k.runCase(sets[j.op], j.sc, &a.Ops[j.op], j.res)
			}(j)
			continue
		}
		busy = append(busy, j)
	}
	wg.Wait()
	jobs := make(chan job)
	for w := 0; w < max(4, 2*runtime.GOMAXPROCS(0)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				k.runCase(sets[j.op], j.sc, &a.Ops[j.op], j.res)
			}
		}()
	}
	for _, j := range busy {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	for _, j := range serial {
		k.runCase(sets[j.op], j.sc, &a.Ops[j.op], j.res)
	}
	rep.prints = k.printSweep()
	rep.elapsed = time.Since(start)
	return rep
}

// transport is a fresh transport for one call: its connections belong to
// that call alone. It trusts the TLS origin's certificate.
func (k *kit) transport(set *serverSet) *http.Transport {
	pool := x509.NewCertPool()
	if srv := set.servers[roleOriginTLS]; srv != nil {
		pool.AddCert(srv.Certificate())
	}
	return &http.Transport{
		Proxy:                 nil,
		DialContext:           (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		TLSClientConfig:       &tls.Config{RootCAs: pool, ClientSessionCache: k.sessions},
		TLSHandshakeTimeout:   5 * time.Second,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       5 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
}

// logSink is a log handler's output, safe for concurrent writes.
type logSink struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *logSink) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *logSink) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// dropChance removes what changes from run to run: the time, and any
// duration.
func dropChance(groups []string, a slog.Attr) slog.Attr {
	if (a.Key == slog.TimeKey && len(groups) == 0) || a.Key == "duration" || a.Key == "elapsed" {
		return slog.Attr{}
	}
	return a
}

// teeHandler sends every record to several handlers.
type teeHandler []slog.Handler

func (t teeHandler) Enabled(ctx context.Context, l slog.Level) bool {
	for _, h := range t {
		if h.Enabled(ctx, l) {
			return true
		}
	}
	return false
}

func (t teeHandler) Handle(ctx context.Context, r slog.Record) error {
	for _, h := range t {
		if h.Enabled(ctx, r.Level) {
			_ = h.Handle(ctx, r.Clone())
		}
	}
	return nil
}

func (t teeHandler) WithAttrs(as []slog.Attr) slog.Handler {
	out := make(teeHandler, len(t))
	for i, h := range t {
		out[i] = h.WithAttrs(as)
	}
	return out
}

func (t teeHandler) WithGroup(name string) slog.Handler {
	out := make(teeHandler, len(t))
	for i, h := range t {
		out[i] = h.WithGroup(name)
	}
	return out
}

func newLogger() (*slog.Logger, *logSink, *logSink) {
	text, js := &logSink{}, &logSink{}
	opts := &slog.HandlerOptions{Level: slog.LevelDebug, ReplaceAttr: dropChance}
	return slog.New(teeHandler{slog.NewTextHandler(text, opts), slog.NewJSONHandler(js, opts)}), text, js
}

type outcome struct {
	err      error
	panicked any
	stack    []byte
}

// runCase makes one call and checks it.
func (k *kit) runCase(set *serverSet, sc *scenario, op *Op, res *result) {
	cs := &caseState{id: int(k.nextID.Add(1)), sc: sc, op: op, set: set}
	set.register(cs)
	tr := k.transport(set)
	defer tr.CloseIdleConnections()
	logger, textLog, jsonLog := newLogger()
	base := set.url(roleOrigin)
	if sc.tls {
		base = set.url(roleOriginTLS)
	}
	env := Env{
		BaseURL:         fmt.Sprintf("%s/k%d", base, cs.id),
		HTTPClient:      &http.Client{Transport: tr},
		Logger:          logger,
		MaxResponseSize: sc.cap,
		Retry:           DefaultRetry,
	}
	client, err := k.newClient(env)
	if err != nil {
		res.add(kindSetup, "New: %s", k.det.mask(normalize(err.Error())))
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), sc.deadline)
	defer cancel()
	done := make(chan outcome, 1)
	measure := sc.memory && !raceEnabled
	var before, after runtime.MemStats
	if measure {
		runtime.ReadMemStats(&before)
	}
	start := time.Now()
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- outcome{panicked: p, stack: debug.Stack()}
			}
		}()
		done <- outcome{err: op.Call(ctx, client)}
	}()
	var o outcome
	timer := time.NewTimer(sc.deadline + time.Second)
	select {
	case o = <-done:
		res.returned = true
		timer.Stop()
	case <-timer.C:
	}
	res.elapsed = time.Since(start)
	if measure {
		runtime.ReadMemStats(&after)
		res.alloc = after.TotalAlloc - before.TotalAlloc
	}
	res.err = o.err
	cancel()

	switch {
	case !res.returned:
		res.add(kindHang, "the call had not returned 1s after its %v deadline (left running)", sc.deadline)
	case res.elapsed > sc.deadline+time.Second:
		res.add(kindHang, "the call took %v, past its %v deadline plus 1s", res.elapsed.Round(time.Millisecond), sc.deadline)
	}
	if o.panicked != nil {
		res.add(kindPanic, "panic: %s\n%s", k.det.mask(normalize(fmt.Sprint(o.panicked))), k.det.mask(normalize(string(o.stack))))
	}
	if measure && res.alloc > sc.memLimit {
		res.add(kindMemory, "TotalAlloc grew by %.1f MiB during the call; the limit is %.1f MiB (3 × max(cap %s, 1 MiB) + 1 MiB)",
			float64(res.alloc)/mib, float64(sc.memLimit)/mib, capName(sc.cap))
	}
	if res.err != nil {
		logger.Error("call failed", "op", op.Name, "err", res.err)
	}
	reqs, redirects := cs.snapshot()
	k.checkSilent(res, reqs)
	k.checkLeaks(res, textLog.String(), jsonLog.String())
	k.checkOffHost(res, set.raw(cs.id))
	k.checkRedirects(res, reqs, redirects)
	k.checkDuplicates(res, reqs)
	if res.returned && o.panicked == nil {
		for _, p := range sc.check(k, res) {
			res.add(kindClass, "%s (error: %s)", p, k.errText(res.err))
		}
	}
}

// clip shortens s to about n bytes for a message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func capName(c int64) string {
	if c == 0 {
		return "client default"
	}
	return fmt.Sprintf("%d KiB", c>>10)
}

func (k *kit) newClient(env Env) (c any, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the adapter's New panicked: %v", p)
		}
	}()
	return k.a.New(env)
}

// errText is an error's text, safe to print.
func (k *kit) errText(err error) string {
	if err == nil {
		return "<nil>"
	}
	s := safeString(func() string { return err.Error() })
	return fmt.Sprintf("%q", clip(k.det.mask(normalize(s)), 300))
}

func isDeadline(err error) bool { return errors.Is(err, context.DeadlineExceeded) }

// safeString calls f, turning a panic into a note.
func safeString(f func() string) (s string) {
	defer func() {
		if p := recover(); p != nil {
			s = fmt.Sprintf("<panic printing: %v>", p)
		}
	}()
	return f()
}

func (k *kit) checkSilent(res *result, reqs []recorded) {
	for _, r := range reqs {
		if !r.login && r.follow == 0 && !r.role.target() {
			return
		}
	}
	res.add(kindSilent, "the op sent no request (besides any login), so nothing else was tested; its error: %s", k.errText(res.err))
}

// surface is one place a secret must not appear.
type surface struct {
	where string
	text  string
}

// errorSurfaces is err's text, each error of its unwrap chain (depth
// first), and fmt's verbs of it.
func errorSurfaces(err error) []surface {
	if err == nil {
		return nil
	}
	out := []surface{{"err.Error()", safeString(err.Error)}}
	i := 0
	var walk func(e error, depth int)
	walk = func(e error, depth int) {
		if e == nil || i > 200 || depth > 50 {
			return
		}
		out = append(out, surface{fmt.Sprintf("unwrap chain[%d] (%T)", i, e), safeString(e.Error)})
		i++
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			walk(safeUnwrap(u.Unwrap), depth+1)
		case interface{ Unwrap() []error }:
			for _, c := range safeUnwrapAll(u.Unwrap) {
				walk(c, depth+1)
			}
		}
	}
	walk(err, 0)
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
		out = append(out, surface{"fmt " + verb, safeString(func() string { return fmt.Sprintf(verb, err) })})
	}
	return out
}

func safeUnwrap(f func() error) (e error) {
	defer func() { _ = recover() }()
	return f()
}

func safeUnwrapAll(f func() []error) (e []error) {
	defer func() { _ = recover() }()
	return f()
}

// checkLeaks looks for every secret, spelled every way, in the error's
// surfaces and both logs.
func (k *kit) checkLeaks(res *result, textLog, jsonLog string) {
	surfaces := errorSurfaces(res.err)
	surfaces = append(surfaces, surface{"slog text handler", textLog}, surface{"slog JSON handler", jsonLog})
	k.scan(res, surfaces, kindLeak)
}

// scan reports the first match in each distinct text, naming every surface
// that shows the same text.
func (k *kit) scan(res *result, surfaces []surface, kind string) {
	type text struct {
		wheres []string
	}
	order := []string{}
	byText := map[string]*text{}
	for _, s := range surfaces {
		n := normalize(s.text)
		t := byText[n]
		if t == nil {
			t = &text{}
			byText[n] = t
			order = append(order, n)
		}
		t.wheres = append(t.wheres, s.where)
	}
	for _, n := range order {
		ms := k.det.find(n, true)
		if len(ms) == 0 {
			continue
		}
		res.add(kind, "%s: %s%s, in %s", strings.Join(byText[n].wheres, ", "), ms[0].describe(), k.det.spelledIn(n), k.det.window(n, ms[0], 40))
	}
}

// checkOffHost looks for the credentials in every byte the targets received.
func (k *kit) checkOffHost(res *result, raw map[role][]byte) {
	for _, ro := range []role{roleOffHost, roleOtherPort} {
		b := raw[ro]
		if len(b) == 0 {
			continue
		}
		text := normalize(string(b))
		ms := k.cred.find(text, true)
		if len(ms) == 0 {
			continue
		}
		m := ms[0]
		// Name the credential by its place in Secrets as well, where it is one.
		res.add(kindOffHost, "the %s target received credential[%d] bytes %d..%d spelled %s, in %s",
			ro, m.n.secret, m.n.lo, m.n.hi, m.n.spelling, k.cred.window(text, m, 40))
	}
}

// checkRedirects: a redirect of anything but GET or HEAD is not followed,
// and the call's error says it was a redirect.
func (k *kit) checkRedirects(res *result, reqs []recorded, redirects []redirect) {
	unsafe := false
	for _, rd := range redirects {
		if rd.method != http.MethodGet && rd.method != http.MethodHead {
			unsafe = true
		}
	}
	for _, r := range reqs {
		if r.follow < 1 || r.follow > len(redirects) {
			continue
		}
		rd := redirects[r.follow-1]
		if rd.method != http.MethodGet && rd.method != http.MethodHead {
			res.add(kindFollowed, "the %s answered with %d was followed: the %s server received %s %s (%d body bytes)",
				rd.method, rd.code, r.role, r.method, clip(k.det.mask(normalize(r.uri)), 120), len(r.body))
		}
	}
	if unsafe && res.returned {
		if res.err == nil {
			res.add(kindClass, "a %s was answered with a redirect and the call returned no error", methodsOf(redirects))
		} else if f := k.a.Classify.IsRedirect; f == nil {
			res.add(kindClass, "Classify.IsRedirect is nil (a %s was answered with a redirect)", methodsOf(redirects))
		} else if !f(res.err) {
			res.add(kindClass, "Classify.IsRedirect is false for the error of a redirected %s (error: %s)", methodsOf(redirects), k.errText(res.err))
		}
	}
}

func methodsOf(rs []redirect) string {
	for _, r := range rs {
		if r.method != http.MethodGet && r.method != http.MethodHead {
			return r.method
		}
	}
	return "request"
}

// checkDuplicates: no request Adapter.Unsafe marks arrives twice.
func (k *kit) checkDuplicates(res *result, reqs []recorded) {
	count := map[string]int{}
	first := map[string]recorded{}
	var keys []string
	for _, r := range reqs {
		key := r.role.String() + "\x00" + r.method + "\x00" + r.uri + "\x00" + string(r.body)
		if count[key] == 0 {
			first[key] = r
			keys = append(keys, key)
		}
		count[key]++
	}
	for _, key := range keys {
		if count[key] < 2 {
			continue
		}
		r := first[key]
		if !k.unsafe(r) {
			continue
		}
		res.add(kindDuplicate, "%s %s (%d body bytes) arrived %d times at the %s server", r.method, clip(k.det.mask(normalize(r.uri)), 120), len(r.body), count[key], r.role)
	}
}

func (k *kit) unsafe(r recorded) bool {
	if k.a.Unsafe == nil {
		return r.method != http.MethodGet && r.method != http.MethodHead
	}
	return k.a.Unsafe(r.req, r.body)
}

// spelledIn lists the spellings in which secrets occur in text, when there
// are several.
func (d *detector) spelledIn(text string) string {
	var names []string
	seen := map[string]bool{}
	d.each(text, func(m match) bool {
		if !seen[m.n.spelling] {
			seen[m.n.spelling] = true
			names = append(names, m.n.spelling)
		}
		return len(names) < 12
	})
	if len(names) < 2 {
		return ""
	}
	return " (spellings found: " + strings.Join(names, ", ") + ")"
}
