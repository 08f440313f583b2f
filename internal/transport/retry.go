package transport

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/ispkit/ispkit"
)

// checkRetry decides after every attempt. The rules:
//   - the context ending stops everything;
//   - a request that never reached the server (a dial failure) is retried,
//     whatever its method;
//   - any other transport failure, 429 and 5xx except 501 are retried only for
//     idempotent requests, so a POST that may have been processed is never re-sent;
//   - a 500 of a request marked Answers500 (a SOAP Fault) is final;
//   - a wait that would outlast the context deadline ends the retries with the
//     last answer, instead of sleeping into a deadline error.
func (c *Client) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	st, _ := ctx.Value(callKey{}).(*call)
	if ctx.Err() != nil || st == nil {
		return false, ctx.Err() // the last attempt: Do reports it
	}
	retry := false
	switch {
	case err != nil:
		retry = isDialError(err) || (st.idempotent && !isPermanent(err))
	case resp.StatusCode == http.StatusTooManyRequests:
		retry = st.idempotent
	case resp.StatusCode == http.StatusInternalServerError && st.req.Answers500:
		retry = false
	case resp.StatusCode >= 500 && resp.StatusCode != http.StatusNotImplemented:
		retry = st.idempotent
	}
	if !retry || st.attempts >= c.retry.MaxAttempts {
		return false, nil
	}
	wait, ok := c.plannedWait(st.attempts-1, resp)
	if !ok {
		return false, nil // Retry-After longer than we are willing to wait
	}
	if dl, has := ctx.Deadline(); has && time.Until(dl) < wait {
		return false, nil
	}
	status := 0
	if resp != nil {
		status = resp.StatusCode
	}
	var cause error
	if err != nil {
		cause = st.scrubber().Error(classify(err))
	}
	c.endAttempt(ctx, st, status, st.req.RequestID, cause, true)
	return true, nil
}

// isDialError reports a failure to connect at all: nothing was sent.
func isDialError(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	var dns *net.DNSError
	return errors.As(err, &dns)
}

// isPermanent reports transport failures that another attempt cannot fix.
func isPermanent(err error) bool {
	var (
		verify    *tls.CertificateVerificationError
		authority x509.UnknownAuthorityError
		hostname  x509.HostnameError
		invalid   x509.CertificateInvalidError
	)
	if isBadLocation(err) {
		return true // another attempt gets the same answer
	}
	return errors.As(err, &verify) || errors.As(err, &authority) || errors.As(err, &hostname) ||
		errors.As(err, &invalid) || errors.Is(err, ErrResponseTooLarge)
}

// plannedWait is the longest the backoff will wait before attempt n+1; ok is false
// when the server asks for more than MaxRetryAfter.
func (c *Client) plannedWait(n int, resp *http.Response) (time.Duration, bool) {
	if ra, has := retryAfter(resp); has {
		if ra > c.retry.MaxRetryAfter {
			return 0, false
		}
		return ra, true
	}
	return c.expWait(n), true
}

func (c *Client) expWait(n int) time.Duration {
	w := c.retry.MinWait
	for i := 0; i < n && w < c.retry.MaxWait; i++ {
		w *= 2
	}
	return min(w, c.retry.MaxWait)
}

// backoff is the wait before the next attempt: the server's Retry-After when it
// sent one (checkRetry has already refused one above the cap), otherwise
// exponential with jitter in [w/2, w].
func (c *Client) backoff(_, _ time.Duration, n int, resp *http.Response) time.Duration {
	if ra, has := retryAfter(resp); has {
		return min(ra, c.retry.MaxRetryAfter)
	}
	w := c.expWait(n)
	if w <= 1 {
		return w
	}
	half := w / 2
	return half + rand.N(w-half+1)
}

// retryAfter parses Retry-After as seconds or an HTTP date, on 429 and 503.
func retryAfter(resp *http.Response) (time.Duration, bool) {
	if resp == nil || (resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable) {
		return 0, false
	}
	v := resp.Header.Get("Retry-After")
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.Atoi(v); err == nil {
		if secs < 0 {
			return 0, false
		}
		return time.Duration(secs) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(time.Until(t), 0), true
	}
	return 0, false
}

// endAttempt reports an attempt that ended (a debug log line, the
// Observer): status is the answer's, 0 when none arrived; err, already
// scrubbed, is why the attempt got no usable answer.
func (c *Client) endAttempt(ctx context.Context, st *call, status int, requestID string, err error, retrying bool) {
	debug := c.logger != nil && c.logger.Enabled(ctx, slog.LevelDebug)
	if !debug && c.observer == nil {
		return
	}
	d := time.Since(st.start)
	u := st.redactedURL(c.resolve(st.req))
	if requestID != "" { // a server's text: scrubbed like the rest
		requestID = st.scrubber().Scrub(requestID)
	}
	if debug {
		attrs := make([]slog.Attr, 0, 8)
		attrs = append(attrs,
			slog.String("op", st.req.Op),
			slog.String("method", st.req.Method),
			slog.String("url", u),
			slog.Int("attempt", st.attempts),
			slog.Duration("duration", d),
		)
		if requestID != "" {
			attrs = append(attrs, slog.String("request_id", requestID))
		}
		if status != 0 {
			attrs = append(attrs, slog.Int("status", status))
		}
		if err != nil {
			attrs = append(attrs, slog.String("error", err.Error()))
		}
		if retrying {
			attrs = append(attrs, slog.Bool("retrying", true))
		}
		c.logger.LogAttrs(ctx, slog.LevelDebug, "ispkit request", attrs...)
	}
	if c.observer != nil {
		c.observer(ctx, ispkit.Attempt{
			Op: st.req.Op, Number: st.attempts, Method: st.req.Method, URL: u,
			StatusCode: status, Duration: d, RequestID: requestID,
			Err: err, Retrying: retrying,
		})
	}
}

// classify is an attempt's error as the caller's error gives it: without
// net/http's wrapper and its URL, and classified.
func classify(err error) error {
	err, _ = netHTTPAnswerError(stripURLError(err))
	return err
}
