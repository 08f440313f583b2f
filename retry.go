package ispkit

import "time"

// The retry defaults every vendor package starts with.
const (
	DefaultMaxAttempts   = 4
	DefaultMinWait       = 250 * time.Millisecond
	DefaultMaxWait       = 5 * time.Second
	DefaultMaxRetryAfter = 30 * time.Second
)

// RetryPolicy says how often and how patiently a call is sent again after a
// failure that may be retried: a connection that failed, a 429, or a 502,
// 503 or 504. Whether a call may be sent again at all is decided per call,
// not by the policy: a call that may act twice (a create, a payment) is sent
// again only when it provably never left the machine (the connection was
// never made). Every vendor package takes one through its WithRetry option
// and re-exports DefaultRetryPolicy; start from it and change one field:
//
//	p := baicells.DefaultRetryPolicy()
//	p.MaxAttempts = 2
//	c, err := baicells.New(creds, baicells.WithRetry(p))
type RetryPolicy struct {
	// MaxAttempts is the number of attempts, the first one included; 1
	// disables retries. It must be at least 1.
	MaxAttempts int
	// MinWait and MaxWait bound the exponential backoff between attempts
	// (MinWait, doubling, with jitter, at most MaxWait). Neither may be
	// negative, and MaxWait may not be shorter than MinWait.
	MinWait, MaxWait time.Duration
	// MaxRetryAfter caps a server's Retry-After. A longer Retry-After, or
	// one that would outlast the context's deadline, ends the retries: the
	// call returns that answer's error, whose RetryAfter says when to try.
	MaxRetryAfter time.Duration
}

// DefaultRetryPolicy is the policy every client starts with: 4 attempts,
// waits from 250 ms to 5 s, a Retry-After honoured up to 30 s.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{
		MaxAttempts:   DefaultMaxAttempts,
		MinWait:       DefaultMinWait,
		MaxWait:       DefaultMaxWait,
		MaxRetryAfter: DefaultMaxRetryAfter,
	}
}
