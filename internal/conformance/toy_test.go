package conformance

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The toy is a tiny client built on net/http directly that keeps every
// promise the kit checks: it never shows the server's text, follows only
// GET redirects and strips its credentials when they leave the origin, caps
// bodies, retries only what is safe, and honours the deadline. Its flaws
// switch on one broken behaviour each, for the self-test.

type toyFlaw int

const (
	flawNone        toyFlaw = iota
	flawCut40               // the error shows the body's first 40 bytes, cut before the secrets are removed
	flawJSONEscaped         // the log shows the request headers as JSON, the secrets removed after encoding
	flawFollowPOST          // every redirect is followed
	flawAuthOffHost         // Authorization is put back on every redirect
	flawRetryPOST           // a POST is re-sent after a 5xx
	flawAllocCL             // the body buffer is allocated from Content-Length
	flawNoDeadline          // the request ignores the caller's deadline
)

var (
	toyUser    = "opsZ7v"
	toyKey     = Secret("key")
	toyPass    = Secret("pw")
	toyBasic   = base64.StdEncoding.EncodeToString([]byte(toyUser + ":" + toyPass))
	toySession = Secret("sess")
	toyPIN     = "58204731966"
)

var (
	errToyTransport   = errors.New("toy: transport failure")
	errToyBadResponse = errors.New("toy: unexpected response")
)

// toyCredentials print without their secrets.
type toyCredentials struct {
	User, Key, Password string
}

func (c toyCredentials) String() string {
	return "toy.Credentials{User:" + c.User + " Key:REDACTED Password:REDACTED}"
}
func (c toyCredentials) GoString() string           { return c.String() }
func (c toyCredentials) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }
func (c toyCredentials) LogValue() slog.Value {
	return slog.GroupValue(slog.String("user", c.User), slog.String("key", "REDACTED"))
}
func (c toyCredentials) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]string{"user": c.User})
}

type toyClient struct {
	base  string
	hc    *http.Client
	creds toyCredentials
	basic string
	log   *slog.Logger
	cap   int64
	retry Retry
	flaw  toyFlaw
}

func (c *toyClient) String() string             { return "toy.Client{" + c.base + "}" }
func (c *toyClient) GoString() string           { return c.String() }
func (c *toyClient) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }
func (c *toyClient) LogValue() slog.Value       { return slog.StringValue(c.String()) }

func newToy(env Env, flaw toyFlaw) *toyClient {
	c := &toyClient{base: env.BaseURL, creds: toyCredentials{toyUser, toyKey, toyPass}, basic: toyBasic,
		log: env.Logger, cap: env.MaxResponseSize, retry: env.Retry, flaw: flaw}
	if c.cap == 0 {
		c.cap = 32 << 20
	}
	if c.log == nil {
		c.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	hc := *env.HTTPClient
	hc.CheckRedirect = c.checkRedirect
	c.hc = &hc
	return c
}

var toyCredentialHeaders = []string{"Authorization", "X-Api-Key", "X-Session", "Cookie", "Referer"}

func (c *toyClient) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= 5 {
		return errors.New("toy: too many redirects")
	}
	orig := via[0]
	switch c.flaw {
	case flawFollowPOST:
		return nil
	case flawAuthOffHost:
		req.Header.Set("Authorization", orig.Header.Get("Authorization"))
		return nil
	}
	if orig.Method != http.MethodGet && orig.Method != http.MethodHead {
		return http.ErrUseLastResponse
	}
	if req.URL.Host != orig.URL.Host || req.URL.Scheme != orig.URL.Scheme {
		for _, h := range toyCredentialHeaders {
			req.Header.Del(h)
		}
	}
	return nil
}

// toyError is every failure. It never holds the server's text.
type toyError struct {
	Op         string
	Kind       string // "api", "bad response", "redirect", "rate limited", "server error", "transport"
	Status     int
	RetryAfter time.Duration
	Detail     string // only with flawCut40
	cause      error
}

func (e *toyError) Error() string {
	s := "toy: " + e.Op + ": " + e.Kind
	if e.Status != 0 {
		s += " (HTTP " + strconv.Itoa(e.Status) + ")"
	}
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

func (e *toyError) Unwrap() error { return e.cause }

// do sends one logical request with retries and decodes {"ok":true}.
func (c *toyClient) do(ctx context.Context, op, method, path string, body []byte, header http.Header) error {
	safe := method == http.MethodGet || method == http.MethodHead
	for attempt := 1; ; attempt++ {
		err, retry := c.attempt(ctx, op, method, path, body, header, attempt)
		if err == nil {
			return nil
		}
		var te *toyError
		errors.As(err, &te)
		if !retry || attempt >= c.retry.MaxAttempts {
			return err
		}
		_ = safe
		select {
		case <-ctx.Done():
			return &toyError{Op: op, Kind: "transport", cause: ctx.Err()}
		case <-time.After(c.retry.MinWait):
		}
	}
}

func (c *toyClient) attempt(ctx context.Context, op, method, path string, body []byte, header http.Header, n int) (error, bool) {
	safe := method == http.MethodGet || method == http.MethodHead
	reqCtx := ctx
	if c.flaw == flawNoDeadline {
		reqCtx = context.Background()
	}
	req, err := http.NewRequestWithContext(reqCtx, method, c.base+path, bytes.NewReader(body))
	if err != nil {
		return &toyError{Op: op, Kind: "invalid request", cause: errToyTransport}, false
	}
	for k, v := range header {
		req.Header[k] = v
	}
	req.Header.Set("Authorization", "Basic "+c.basic)
	req.Header.Set("X-Api-Key", c.creds.Key)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.flaw == flawJSONEscaped {
		b, _ := json.Marshal(req.Header)
		line := string(b)
		for _, s := range []string{c.creds.Key, c.basic, c.creds.Password} {
			line = strings.ReplaceAll(line, s, "REDACTED")
		}
		c.log.Debug("toy headers", "headers", line)
	}
	resp, err := c.hc.Do(req)
	c.log.Debug("toy request", "op", op, "method", method, "path", strings.SplitN(path, "?", 2)[0], "attempt", n)
	if err != nil {
		if ctx.Err() != nil {
			return &toyError{Op: op, Kind: "transport", cause: ctx.Err()}, false
		}
		var op2 *net.OpError
		dial := errors.As(err, &op2) && op2.Op == "dial"
		if errs := err.Error(); strings.Contains(errs, "Location header") || strings.Contains(errs, "malformed HTTP") {
			return &toyError{Op: op, Kind: "bad response", cause: errToyBadResponse}, false
		}
		return &toyError{Op: op, Kind: "transport", cause: errToyTransport}, dial || safe
	}
	defer resp.Body.Close()
	c.log.Debug("toy response", "op", op, "status", resp.StatusCode)
	st := resp.StatusCode
	switch {
	case st >= 200 && st < 300:
		b, err := c.read(resp)
		if err != nil {
			if ctx.Err() != nil {
				return &toyError{Op: op, Kind: "transport", Status: st, cause: ctx.Err()}, false
			}
			return &toyError{Op: op, Kind: "bad response", Status: st, cause: errToyBadResponse}, false
		}
		var v struct{ OK bool }
		if json.Unmarshal(b, &v) != nil || !v.OK {
			return c.withDetail(&toyError{Op: op, Kind: "bad response", Status: st, cause: errToyBadResponse}, b), false
		}
		return nil, false
	case st >= 300 && st < 400:
		return &toyError{Op: op, Kind: "redirect", Status: st}, false
	case st == http.StatusTooManyRequests:
		e := &toyError{Op: op, Kind: "rate limited", Status: st}
		if secs, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil {
			e.RetryAfter = time.Duration(secs) * time.Second
		}
		return e, safe && e.RetryAfter <= c.retry.MaxRetryAfter
	case st >= 500:
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		return c.withDetail(&toyError{Op: op, Kind: "server error", Status: st}, b), safe || c.flaw == flawRetryPOST
	default:
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		return c.withDetail(&toyError{Op: op, Kind: "api", Status: st}, b), false
	}
}

// withDetail adds the body excerpt of flawCut40: cut, then scrubbed.
func (c *toyClient) withDetail(e *toyError, body []byte) error {
	if c.flaw == flawCut40 {
		s := string(body[:min(40, len(body))])
		for _, sec := range []string{c.creds.Key, c.creds.Password, c.basic, toySession} {
			s = strings.ReplaceAll(s, sec, "REDACTED")
		}
		e.Detail = s
	}
	return e
}

func (c *toyClient) read(resp *http.Response) ([]byte, error) {
	if c.flaw == flawAllocCL && resp.ContentLength > 0 && resp.ContentLength <= c.cap {
		buf := make([]byte, resp.ContentLength)
		_, err := io.ReadFull(resp.Body, buf)
		return buf, err
	}
	// A buffer that doubles up to the cap and then jumps to it (io.ReadAll
	// grows by smaller steps on older Go versions, allocating more in all).
	b := make([]byte, 0, 4096)
	for int64(len(b)) <= c.cap {
		if len(b) == cap(b) {
			n := int64(cap(b)) * 2
			if n >= c.cap {
				n = c.cap + 1
			}
			nb := make([]byte, len(b), n)
			copy(nb, b)
			b = nb
		}
		n, err := resp.Body.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(b)) > c.cap {
		return nil, errors.New("toy: body over the cap")
	}
	return b, nil
}

// The toy's operations.

func (c *toyClient) Get(ctx context.Context) error {
	return c.do(ctx, "Get", http.MethodGet, "/items/1", nil, nil)
}

func (c *toyClient) Create(ctx context.Context, name string) error {
	b, _ := json.Marshal(map[string]string{"name": name, "pin": toyPIN})
	return c.do(ctx, "Create", http.MethodPost, "/items", b, nil)
}

// Me logs in (POST /login) and reads the session's user with its token.
func (c *toyClient) Me(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/login", strings.NewReader(`{"user":"`+c.creds.User+`"}`))
	if err != nil {
		return &toyError{Op: "Me", Kind: "invalid request", cause: errToyTransport}
	}
	req.Header.Set("X-Api-Key", c.creds.Key)
	resp, err := c.hc.Do(req)
	if err != nil {
		return &toyError{Op: "Me", Kind: "transport", cause: errToyTransport}
	}
	defer resp.Body.Close()
	var tok struct{ Token string }
	if resp.StatusCode != http.StatusOK || json.NewDecoder(io.LimitReader(resp.Body, 4096)).Decode(&tok) != nil {
		return &toyError{Op: "Me", Kind: "bad response", Status: resp.StatusCode, cause: errToyBadResponse}
	}
	return c.do(ctx, "Me", http.MethodGet, "/me", nil, http.Header{"X-Session": {tok.Token}})
}

func isToy(err error, kind string) bool {
	var e *toyError
	return errors.As(err, &e) && e.Kind == kind
}

// toyAdapter is the adapter of the toy with one flaw.
func toyAdapter(flaw toyFlaw) Adapter {
	return Adapter{
		Vendor:      "toy",
		Secrets:     []string{toyKey, toyPass, toyBasic, toySession, toyPIN},
		Credentials: []string{toyKey, toyPass, toyBasic, toySession},
		New:         func(env Env) (any, error) { return newToy(env, flaw), nil },
		Ops: []Op{
			{"Get", func(ctx context.Context, c any) error { return c.(*toyClient).Get(ctx) }},
			{"Create", func(ctx context.Context, c any) error { return c.(*toyClient).Create(ctx, "widget") }},
			{"Me", func(ctx context.Context, c any) error { return c.(*toyClient).Me(ctx) }},
		},
		Login: func(w http.ResponseWriter, r *http.Request) bool {
			if r.Method != http.MethodPost || r.URL.Path != "/login" {
				return false
			}
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{"token":`+strconv.Quote(toySession)+`}`)
			return true
		},
		Unsafe: func(r *http.Request, _ []byte) bool { return r.Method == http.MethodPost && r.URL.Path == "/items" },
		Envelopes: []Envelope{
			{Name: "api-error", Status: http.StatusBadRequest, ContentType: "application/json",
				Body: func(echo string) string {
					b, _ := json.Marshal(map[string]any{"error": map[string]string{"message": echo, "code": echo, "request_id": echo}})
					return string(b)
				},
				Expect: func(err error) bool { return isToy(err, "api") }},
			{Name: "ok-undecodable", Status: http.StatusOK, ContentType: "application/json",
				Body: func(echo string) string {
					b, _ := json.Marshal(echo)
					return `{"ok":true,"status":` + string(b) + `,"items":[`
				},
				Expect: func(err error) bool { return isToy(err, "bad response") }},
		},
		Classify: Classifier{
			IsBadResponse: func(err error) bool { return isToy(err, "bad response") },
			IsRedirect:    func(err error) bool { return isToy(err, "redirect") },
			IsRateLimited: func(err error) bool { return isToy(err, "rate limited") },
			RetryAfter: func(err error) (time.Duration, bool) {
				var e *toyError
				if errors.As(err, &e) && e.Kind == "rate limited" {
					return e.RetryAfter, true
				}
				return 0, false
			},
			IsServerError: func(err error) bool { return isToy(err, "server error") },
			IsTimeout:     func(err error) bool { return isToy(err, "transport") },
		},
		Printables: []any{toyCredentials{toyUser, toyKey, toyPass}, &toyClient{base: "http://x", creds: toyCredentials{toyUser, toyKey, toyPass}, basic: toyBasic}},
	}
}
