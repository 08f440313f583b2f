package transport

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/ispkit/ispkit"
)

// Version is the ispkit release carried in every User-Agent.
const Version = "0.1.0"

// Defaults shared by every vendor package.
const (
	DefaultMaxAttempts     = ispkit.DefaultMaxAttempts
	DefaultMaxResponseSize = 32 << 20 // success bodies
	MaxErrorBodySize       = 1 << 20  // error bodies are read up to this and truncated
)

// RetryPolicy is the public ispkit.RetryPolicy.
type RetryPolicy = ispkit.RetryPolicy

// DefaultRetryPolicy is the policy a client starts with.
func DefaultRetryPolicy() RetryPolicy { return ispkit.DefaultRetryPolicy() }

func validateRetry(p RetryPolicy) error {
	switch {
	case p.MaxAttempts < 1:
		return errors.New("retry policy: MaxAttempts must be at least 1")
	case p.MinWait < 0 || p.MaxWait < 0 || p.MaxRetryAfter < 0:
		return errors.New("retry policy: waits must not be negative")
	case p.MaxWait < p.MinWait:
		return errors.New("retry policy: MaxWait is shorter than MinWait")
	}
	return nil
}

// Config is what the options build. Vendor packages never read it directly;
// New turns it into a Client.
type Config struct {
	baseURL         *url.URL
	httpClient      *http.Client
	userAgentApp    string
	retry           RetryPolicy
	logger          *slog.Logger
	observer        ispkit.Observer
	timeout         time.Duration
	maxResponseSize int64
	idlePerHost     int
}

// Option configures a client. Options validate their input and return an error
// instead of panicking or silently ignoring it. The same option means the same
// thing in every vendor package.
type Option func(*Config) error

// WithBaseURL points the client at another server: a local install, a sandbox,
// or an in-memory fake. The URL must be absolute http or https; a path prefix is kept.
func WithBaseURL(raw string) Option {
	return func(c *Config) error {
		u, err := ParseBaseURL(raw)
		if err != nil {
			return err
		}
		c.baseURL = u
		return nil
	}
}

// ParseBaseURL validates a base URL as WithBaseURL does (absolute http or
// https, a host, no credentials) and normalises it: no trailing slash, no query
// or fragment. Vendor packages with more than one root use it for their own
// base URL options.
func ParseBaseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("base URL: %w", errors.Unwrap(err))
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("base URL %q: scheme must be http or https", RedactURL(u))
	}
	if u.Host == "" {
		return nil, fmt.Errorf("base URL %q: missing host", RedactURL(u))
	}
	if u.User != nil {
		return nil, errors.New("base URL: credentials in the URL are not accepted; use the package's Credentials")
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	u.RawQuery, u.Fragment = "", ""
	return u, nil
}

// WithHTTPClient uses hc for the connections (proxies, TLS, transport tuning).
// The client keeps its own copy of *hc so that its redirect rule can be installed
// without changing the caller's value; hc.Timeout still applies to each attempt.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Config) error {
		if hc == nil {
			return errors.New("WithHTTPClient: nil *http.Client")
		}
		c.httpClient = hc
		return nil
	}
}

// WithUserAgent appends the application's own product token, e.g. "billing-sync/2.3",
// to the ispkit User-Agent.
func WithUserAgent(app string) Option {
	return func(c *Config) error {
		app = strings.TrimSpace(app)
		if strings.ContainsAny(app, "\r\n") {
			return errors.New("WithUserAgent: value contains a line break")
		}
		c.userAgentApp = app
		return nil
	}
}

// WithRetry replaces the retry policy. Use WithRetry(RetryPolicy{MaxAttempts: 1}) to
// disable retries.
func WithRetry(p RetryPolicy) Option {
	return func(c *Config) error {
		if err := validateRetry(p); err != nil {
			return err
		}
		c.retry = p
		return nil
	}
}

// WithLogger logs every attempt (method, redacted URL, status, attempt, duration)
// at debug level. Logging is off by default.
func WithLogger(l *slog.Logger) Option {
	return func(c *Config) error {
		c.logger = l
		return nil
	}
}

// WithObserver reports every attempt of every call to o (see
// ispkit.Observer); nil reports nothing.
func WithObserver(o ispkit.Observer) Option {
	return func(c *Config) error {
		c.observer = o
		return nil
	}
}

// WithTimeout bounds each call, all attempts and backoff included, when the
// caller's context has no earlier deadline. Zero means no bound beyond the context.
func WithTimeout(d time.Duration) Option {
	return func(c *Config) error {
		if d < 0 {
			return errors.New("WithTimeout: negative duration")
		}
		c.timeout = d
		return nil
	}
}

// WithMaxResponseSize caps a success body; a larger body is an error rather than a
// memory hazard. Error bodies are always read up to 1 MiB and truncated.
func WithMaxResponseSize(n int64) Option {
	return func(c *Config) error {
		if n <= 0 {
			return errors.New("WithMaxResponseSize: size must be positive")
		}
		c.maxResponseSize = n
		return nil
	}
}

// DefaultMaxIdleConnsPerHost is how many idle connections to one host the
// client's own transport keeps for reuse. Go's default of 2 makes a client
// shared by many goroutines open a new connection for most calls.
const DefaultMaxIdleConnsPerHost = 64

// WithMaxIdleConnsPerHost sets how many idle connections to one host the
// client keeps (default 64). Set it to the number of goroutines that share
// the client — a bulk call's concurrency, a worker pool's size — so that a
// busy client reuses its connections instead of opening new ones. It applies
// to the client's own transport; with WithHTTPClient the caller's transport
// is left as it is and this option is refused.
func WithMaxIdleConnsPerHost(n int) Option {
	return func(c *Config) error {
		if n < 1 {
			return errors.New("WithMaxIdleConnsPerHost: need at least 1")
		}
		c.idlePerHost = n
		return nil
	}
}
