package baicells_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/baicells"
)

// Answers the client cannot use: a redirect, a body over the cap, a 429.
// Each is a *Error whose HTTPStatus says an answer arrived.

// A 302 answered to Subscribers.Create was followed as a GET; a target
// answering {"result_code":"200"} made the call report success while nothing
// was created. The redirect is the answer now: an error naming the status,
// and the target sees nothing.
func TestRedirectedCreateIsNotSuccess(t *testing.T) {
	for _, status := range []int{http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther, http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		t.Run(http.StatusText(status), func(t *testing.T) {
			var targetHits atomic.Int32
			target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				targetHits.Add(1)
				_, _ = io.WriteString(w, `{"result_code":"200"}`)
			}))
			t.Cleanup(target.Close)
			origin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, target.URL+r.URL.Path, status)
			}))
			t.Cleanup(origin.Close)

			c, err := baicells.New(defaultCreds, baicells.WithBaseURL(origin.URL), baicells.WithRetry(fastRetry))
			require.NoError(t, err)
			err = c.Subscribers.Create(context.Background(), baicells.Profile{ID: "s1"})
			require.Error(t, err, "a redirect is not a success")
			assert.ErrorIs(t, err, baicells.ErrBadResponse)
			var e *baicells.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, status, e.HTTPStatus)
			assert.Equal(t, "Subscribers.Create", e.Op)
			assert.NotEmpty(t, e.RequestID)
			assert.Contains(t, err.Error(), "redirect")
			assert.Zero(t, targetHits.Load(), "the redirect was followed")
		})
	}
}

// A success body over the cap: HTTPStatus 200, ErrResponseTooLarge and
// ErrBadResponse.
func TestResponseTooLarge(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, `{"session_id":"1","result_code":"200","sub_id":"`+strings.Repeat("x", 4096)+`"}`)
	}))
	t.Cleanup(srv.Close)
	c, err := baicells.New(defaultCreds, baicells.WithBaseURL(srv.URL), baicells.WithMaxResponseSize(1024), baicells.WithRetry(fastRetry))
	require.NoError(t, err)
	_, err = c.Subscribers.Get(context.Background(), "s1")
	assert.ErrorIs(t, err, baicells.ErrResponseTooLarge)
	assert.ErrorIs(t, err, baicells.ErrBadResponse)
	assert.NotErrorIs(t, err, baicells.ErrInvalidInput)
	var e *baicells.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, http.StatusOK, e.HTTPStatus)

	// Raised knowingly, the same answer is read.
	c, err = baicells.New(defaultCreds, baicells.WithBaseURL(srv.URL), baicells.WithMaxResponseSize(8192))
	require.NoError(t, err)
	sub, err := c.Subscribers.Get(context.Background(), "s1")
	require.NoError(t, err)
	assert.Len(t, sub.ID, 4096)
}

// A body cut short: HTTPStatus 200 and ErrBadResponse, not ErrResponseTooLarge.
func TestResponseTruncated(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "500")
		_, _ = io.WriteString(w, `{"session_id":"1","result_code":"200"`)
	}))
	t.Cleanup(srv.Close)
	c, err := baicells.New(defaultCreds, baicells.WithBaseURL(srv.URL), baicells.WithRetry(baicells.RetryPolicy{MaxAttempts: 1}))
	require.NoError(t, err)
	err = c.Subscribers.Create(context.Background(), baicells.Profile{ID: "s1"})
	assert.ErrorIs(t, err, baicells.ErrBadResponse)
	assert.NotErrorIs(t, err, baicells.ErrResponseTooLarge)
	var e *baicells.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, http.StatusOK, e.HTTPStatus)
}

// A 429 on a create is not sent again; the error carries the server's
// Retry-After so that the caller knows when to try.
func TestRetryAfterOnError(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Retry-After", "7")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	t.Cleanup(srv.Close)
	c, err := baicells.New(defaultCreds, baicells.WithBaseURL(srv.URL), baicells.WithRetry(fastRetry))
	require.NoError(t, err)
	err = c.Subscribers.Create(context.Background(), baicells.Profile{ID: "s1"})
	var e *baicells.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, http.StatusTooManyRequests, e.HTTPStatus)
	assert.Equal(t, 7*time.Second, e.RetryAfter)
	assert.EqualValues(t, 1, hits.Load(), "a create is not re-sent after a 429")
}

// The RetryAfter of a 503 answered with a BOSS envelope is kept too.
func TestRetryAfterWithResultCode(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "30")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = io.WriteString(w, `{"session_id":"1","result_code":"5001","message":"System error"}`)
	}))
	t.Cleanup(srv.Close)
	c, err := baicells.New(defaultCreds, baicells.WithBaseURL(srv.URL), baicells.WithRetry(baicells.RetryPolicy{MaxAttempts: 1}))
	require.NoError(t, err)
	err = c.Subscribers.Delete(context.Background(), "s1")
	assert.ErrorIs(t, err, baicells.ErrSystem)
	var e *baicells.Error
	require.True(t, errors.As(err, &e))
	assert.Equal(t, 30*time.Second, e.RetryAfter)
	assert.Equal(t, http.StatusServiceUnavailable, e.HTTPStatus)
}
