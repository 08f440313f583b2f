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
	c.logAttempt(ctx, st, resp, err)
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	if st == nil {
		return false, nil
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

func (c *Client) logAttempt(ctx context.Context, st *call, resp *http.Response, err error) {
	if c.logger == nil || st == nil || !c.logger.Enabled(ctx, slog.LevelDebug) {
		return
	}
	attrs := []slog.Attr{
		slog.String("op", st.req.Op),
		slog.String("method", st.req.Method),
		slog.String("url", st.redactedURL(c.resolve(st.req))),
		slog.Int("attempt", st.attempts),
		slog.Duration("duration", time.Since(st.start)),
	}
	if resp != nil {
		attrs = append(attrs, slog.Int("status", resp.StatusCode))
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", st.scrubber().Scrub(logText(err))))
	}
	c.logger.LogAttrs(ctx, slog.LevelDebug, "ispkit request", attrs...)
}

// logText is the text of an attempt's error as the caller's error gives it:
// without net/http's wrapper and its URL, and classified.
func logText(err error) string {
	err, _ = netHTTPAnswerError(stripURLError(err))
	return err.Error()
}
