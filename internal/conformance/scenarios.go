package conformance

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// scenario is one hostile behaviour of the servers, run against every op.
type scenario struct {
	name     string
	tls      bool // the client is pointed at the HTTPS origin
	offHost  bool // needs the 127.0.0.2 server
	deadline time.Duration
	memory   bool  // run serially with TotalAlloc measured
	cap      int64 // Env.MaxResponseSize
	memLimit uint64
	serve    func(ex *exchange)
	// check returns the classification problems of a call's outcome.
	check func(k *kit, res *result) []string
}

const (
	mib = 1 << 20
	// defaultDeadline is long: the calls it bounds answer in milliseconds,
	// and a busy machine (go test runs packages side by side; -race) must
	// not turn a slow scheduler into a finding. The scenarios that test
	// deadlines use slowDeadline.
	defaultDeadline = 10 * time.Second
	slowDeadline    = time.Second
	memoryCap       = mib // Env.MaxResponseSize of the memory scenarios
	lyingLength     = 30 * mib
	retryAfterSecs  = 7
)

// memoryLimit is the most a call may allocate against a cap: three times
// max(cap, 1 MiB) plus 1 MiB.
func memoryLimit(cap int64) uint64 { return uint64(3*max(cap, mib) + mib) }

func (k *kit) buildScenarios() []*scenario {
	var list []*scenario
	add := func(s *scenario) {
		if s.deadline == 0 {
			s.deadline = defaultDeadline
		}
		if s.check == nil {
			s.check = func(*kit, *result) []string { return nil }
		}
		list = append(list, s)
	}

	// Echo: the request, in every spelling, in the vendor's envelopes and in
	// generic error pages, at excerpt cuts, in the status line and Location.
	for _, e := range k.envelopes {
		e := e
		check := func(k *kit, res *result) []string {
			if e.Expect == nil {
				return nil
			}
			if res.err == nil {
				return []string{fmt.Sprintf("envelope %s: the call returned no error", e.Name)}
			}
			if !e.Expect(res.err) {
				return []string{fmt.Sprintf("envelope %s: Expect is false for the error", e.Name)}
			}
			return nil
		}
		add(&scenario{name: "echo-" + e.Name, check: check, serve: func(ex *exchange) { ex.answerEnvelope(e) }})
		add(&scenario{name: "cut-field-" + e.Name, check: check, serve: func(ex *exchange) {
			ex.answer(e.Status, e.ContentType, e.Body(ex.cutEcho(func(s string) string { return s })))
		}})
		add(&scenario{name: "cut-body-" + e.Name, check: check, serve: func(ex *exchange) {
			ex.answer(e.Status, e.ContentType, e.Body(ex.cutEcho(e.Body)))
		}})
	}
	htmlPage := func(echo string) string {
		return "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1><pre>" + echo + "</pre></body></html>"
	}
	add(&scenario{name: "echo-html-500", check: wantErr("IsServerError"), serve: func(ex *exchange) {
		ex.answer(http.StatusInternalServerError, "text/html; charset=utf-8", htmlPage(ex.echo()))
	}})
	add(&scenario{name: "echo-plain-200", check: ifErr("IsBadResponse"), serve: func(ex *exchange) {
		ex.answer(http.StatusOK, "text/plain; charset=utf-8", ex.echo())
	}})
	add(&scenario{name: "cut-plain-200", check: ifErr("IsBadResponse"), serve: func(ex *exchange) {
		ex.answer(http.StatusOK, "text/plain; charset=utf-8", ex.cutEcho(func(s string) string { return s }))
	}})
	add(&scenario{name: "echo-json-502", check: wantErr("IsServerError"), serve: func(ex *exchange) {
		b, _ := json.Marshal(map[string]string{"error": ex.echo(), "message": ex.echo()})
		ex.answer(http.StatusBadGateway, "application/json", string(b))
	}})
	add(&scenario{name: "status-reason", check: wantErr("IsServerError"), serve: func(ex *exchange) {
		ex.raw("HTTP/1.1 500 "+ex.echoLine()+"\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\nerror", false)
	}})
	add(&scenario{name: "status-malformed", check: wantErr("IsBadResponse"), serve: func(ex *exchange) {
		ex.raw("HTTP/1.1 "+strings.ReplaceAll(ex.echoLine(), " ", "")+"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", false)
	}})
	add(&scenario{name: "location-302", serve: func(ex *exchange) {
		n := ex.cs.newRedirect(ex.r.Method, http.StatusFound, roleOrigin)
		base := fmt.Sprintf("%s/k%d/__redir/%d?e=", ex.cs.set.url(roleOrigin), ex.cs.id, n)
		loc := base + locationEscape(ex.echoLine())
		if _, err := url.Parse(loc); err != nil {
			loc = base + url.QueryEscape(ex.echoLine())
		}
		ex.raw("HTTP/1.1 302 Found\r\nLocation: "+loc+"\r\nContent-Length: 0\r\n\r\n", false)
	}})
	add(&scenario{name: "location-bad", check: wantErr("IsBadResponse", "IsRedirect"), serve: func(ex *exchange) {
		// Not registered as a redirect: net/http fails on it before any
		// redirect policy runs, so only the scenario's own check applies.
		loc := fmt.Sprintf("%s/k%d/__redir/0/%%zz", ex.cs.set.url(roleOrigin), ex.cs.id) + ex.echoLine()
		ex.raw("HTTP/1.1 302 Found\r\nLocation: "+loc+"\r\nContent-Length: 0\r\n\r\n", false)
	}})

	// Redirects to another host, another port, and from HTTPS to HTTP.
	for _, code := range []int{301, 302, 303, 307, 308} {
		for _, tg := range []struct {
			name string
			to   role
			tls  bool
		}{{"offhost", roleOffHost, false}, {"otherport", roleOtherPort, false}, {"https-to-http", roleOtherPort, true}} {
			code, tg := code, tg
			add(&scenario{name: fmt.Sprintf("redirect-%d-%s", code, tg.name), tls: tg.tls, offHost: tg.to == roleOffHost, serve: func(ex *exchange) {
				n := ex.cs.newRedirect(ex.r.Method, code, tg.to)
				ex.w.Header().Set("Location", fmt.Sprintf("%s/k%d/__redir/%d", ex.cs.set.url(tg.to), ex.cs.id, n))
				ex.w.WriteHeader(code)
			}})
		}
	}

	// Failures.
	add(&scenario{name: "reset", check: wantErr(), serve: func(ex *exchange) { ex.raw("", true) }})
	add(&scenario{name: "rate-limited-429", check: check429, serve: func(ex *exchange) {
		ex.w.Header().Set("Retry-After", strconv.Itoa(retryAfterSecs))
		ex.answer(http.StatusTooManyRequests, "text/plain; charset=utf-8", "Too Many Requests")
	}})
	for _, code := range []int{502, 503, 504} {
		code := code
		add(&scenario{name: fmt.Sprintf("status-%d", code), check: wantErr("IsServerError"), serve: func(ex *exchange) {
			ex.answer(code, "text/html", fmt.Sprintf("<html><body><h1>%d %s</h1></body></html>", code, http.StatusText(code)))
		}})
	}

	// Bodies.
	ct := k.envelopes[0].ContentType
	add(&scenario{name: "drip", deadline: slowDeadline, check: checkDeadline, serve: func(ex *exchange) {
		ex.w.Header().Set("Content-Type", ct)
		ex.w.WriteHeader(http.StatusOK)
		ex.flush()
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-ex.r.Context().Done():
				return
			case <-ex.cs.set.stop:
				return
			case <-t.C:
				if _, err := ex.w.Write([]byte{' '}); err != nil {
					return
				}
				ex.flush()
			}
		}
	}})
	add(&scenario{name: "truncated", check: wantErr("IsBadResponse"), serve: func(ex *exchange) {
		full := k.envelopes[0].Body(ex.echo())
		part := full[:len(full)/2]
		ex.raw(fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", ct, len(full)+1000, part), false)
	}})
	add(&scenario{name: "endless", memory: true, cap: memoryCap, deadline: slowDeadline, check: wantErr("IsBadResponse"), serve: func(ex *exchange) {
		ex.w.Header().Set("Content-Type", ct)
		ex.w.WriteHeader(http.StatusOK)
		for {
			select {
			case <-ex.r.Context().Done():
				return
			case <-ex.cs.set.stop:
				return
			default:
			}
			if _, err := ex.w.Write(padding()); err != nil {
				return
			}
		}
	}})
	add(&scenario{name: "gzip-bomb", memory: true, cap: memoryCap, check: wantErr("IsBadResponse"), serve: func(ex *exchange) {
		b := gzipBomb()
		ex.w.Header().Set("Content-Type", ct)
		ex.w.Header().Set("Content-Encoding", "gzip")
		ex.w.Header().Set("Content-Length", strconv.Itoa(len(b)))
		ex.w.WriteHeader(http.StatusOK)
		_, _ = ex.w.Write(b)
	}})
	add(&scenario{name: "oversize-200", memory: true, cap: memoryCap, check: wantErr("IsBadResponse"), serve: func(ex *exchange) {
		const size = 4 * mib
		ex.w.Header().Set("Content-Type", "application/json")
		ex.w.Header().Set("Content-Length", strconv.Itoa(size+len(`{"pad":""}`)))
		ex.w.WriteHeader(http.StatusOK)
		_, _ = io.WriteString(ex.w, `{"pad":"`)
		for n := 0; n < size; n += len(padding()) {
			if _, err := ex.w.Write(padding()); err != nil {
				return
			}
		}
		_, _ = io.WriteString(ex.w, `"}`)
	}})
	add(&scenario{name: "oversize-500", memory: true, cap: memoryCap, check: wantErr("IsServerError", "IsBadResponse"), serve: func(ex *exchange) {
		ex.w.Header().Set("Content-Type", "text/html")
		ex.w.WriteHeader(http.StatusInternalServerError)
		_, _ = io.WriteString(ex.w, "<html><body><pre>"+ex.echo())
		for n := 0; n < 3*mib; n += len(padding()) {
			if _, err := ex.w.Write(padding()); err != nil {
				return
			}
		}
	}})
	add(&scenario{name: "lying-length", memory: true, cap: 0, check: wantErr("IsBadResponse"), serve: func(ex *exchange) {
		ex.raw(fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n{\"result\":", ct, lyingLength), false)
	}})
	for _, s := range list {
		if s.memory {
			s.memLimit = memoryLimit(s.cap)
		}
	}
	return list
}

// raw writes text on the hijacked connection and closes it, with a reset
// (SO_LINGER 0) when reset is set.
func (ex *exchange) raw(text string, reset bool) {
	c, err := hijack(ex.w)
	if err != nil {
		http.Error(ex.w, err.Error(), http.StatusInternalServerError)
		return
	}
	if text != "" {
		_, _ = io.WriteString(c, text)
	}
	if reset {
		if tc, ok := c.(*net.TCPConn); ok {
			_ = tc.SetLinger(0)
		}
	}
	_ = c.Close()
}

func (ex *exchange) flush() {
	if f, ok := ex.w.(http.Flusher); ok {
		f.Flush()
	}
}

// locationEscape makes text safe in a URL's query without changing more than
// it must: '%', space, '#' and non-printable bytes are percent-encoded.
func locationEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' || c == ' ' || c == '#' || c < 0x21 || c > 0x7e {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

var (
	padOnce sync.Once
	padBuf  []byte
)

// padding is a 32 KiB run of 'x', shared, never modified.
func padding() []byte {
	padOnce.Do(func() { padBuf = bytes.Repeat([]byte{'x'}, 32<<10) })
	return padBuf
}

var (
	bombOnce sync.Once
	bombBuf  []byte
)

// gzipBomb is 200 MiB of zeros gzip-compressed, built once: 50 members of
// 4 MiB (a multi-member stream is one gzip body, and much cheaper to make).
func gzipBomb() []byte {
	bombOnce.Do(func() {
		var m bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&m, gzip.BestCompression)
		_, _ = zw.Write(make([]byte, 4*mib))
		_ = zw.Close()
		bombBuf = bytes.Repeat(m.Bytes(), 50)
	})
	return bombBuf
}

// ---- classification checks ----

func wantErr(preds ...string) func(*kit, *result) []string {
	return func(k *kit, res *result) []string {
		if res.err == nil {
			return []string{"the call returned no error"}
		}
		return k.wantAny(res.err, preds...)
	}
}

func ifErr(preds ...string) func(*kit, *result) []string {
	return func(k *kit, res *result) []string {
		if res.err == nil {
			return nil
		}
		return k.wantAny(res.err, preds...)
	}
}

func check429(k *kit, res *result) []string {
	if res.err == nil {
		return []string{"the call returned no error"}
	}
	out := k.wantAny(res.err, "IsRateLimited")
	if f := k.a.Classify.RetryAfter; f == nil {
		out = append(out, "Classify.RetryAfter is nil: the server's Retry-After cannot be read from the error")
	} else if d, ok := f(res.err); !ok || d != retryAfterSecs*time.Second {
		out = append(out, fmt.Sprintf("Retry-After read from the error is %v (found %v), want %ds", d, ok, retryAfterSecs))
	}
	return out
}

func checkDeadline(k *kit, res *result) []string {
	if res.err == nil {
		return []string{"the call returned no error"}
	}
	var out []string
	if !isDeadline(res.err) {
		out = append(out, "errors.Is(err, context.DeadlineExceeded) is false")
	}
	if f := k.a.Classify.IsTimeout; f != nil && !f(res.err) {
		out = append(out, "Classify.IsTimeout is false for the error")
	}
	return out
}

// wantAny is empty when one of the named predicates holds for err.
func (k *kit) wantAny(err error, names ...string) []string {
	if len(names) == 0 {
		return nil
	}
	var missing []string
	for _, n := range names {
		f := k.predicate(n)
		if f == nil {
			missing = append(missing, n)
			continue
		}
		if f(err) {
			return nil
		}
	}
	if len(missing) == len(names) {
		return []string{fmt.Sprintf("Classify.%s is nil", strings.Join(names, "/"))}
	}
	if len(names) == 1 {
		return []string{fmt.Sprintf("Classify.%s is false for the error", names[0])}
	}
	return []string{fmt.Sprintf("Classify.%s are all false for the error", strings.Join(names, ", Classify."))}
}

func (k *kit) predicate(name string) func(error) bool {
	c := k.a.Classify
	switch name {
	case "IsBadResponse":
		return c.IsBadResponse
	case "IsRedirect":
		return c.IsRedirect
	case "IsRateLimited":
		return c.IsRateLimited
	case "IsServerError":
		return c.IsServerError
	case "IsTimeout":
		return c.IsTimeout
	}
	return nil
}
