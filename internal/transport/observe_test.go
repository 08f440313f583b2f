package transport

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/internal/testkit"
)

func TestObserverSeesEveryAttemptOnce(t *testing.T) {
	srv := newAttemptServer(t, statusSequence(503, 502, 200))
	var rec testkit.Attempts
	c := newClient(t, Vendor{}, WithBaseURL(srv.URL), WithRetry(fastRetry()), WithObserver(rec.Observe))
	resp, err := c.Do(context.Background(), &Request{Op: "Things.List", Method: http.MethodGet, Path: "/things", RequestID: "sess-1"})
	require.NoError(t, err)
	require.Equal(t, 200, resp.StatusCode)

	got := rec.All()
	require.Len(t, got, srv.count(), "one Attempt per request the server saw")
	for i, a := range got {
		assert.Equal(t, i+1, a.Number)
		assert.Equal(t, "Things.List", a.Op)
		assert.Equal(t, http.MethodGet, a.Method)
		assert.Equal(t, srv.URL+"/things", a.URL)
		assert.Equal(t, "sess-1", a.RequestID)
		assert.NoError(t, a.Err, "an answer arrived")
		assert.Equal(t, i < 2, a.Retrying, "attempt %d", i+1)
		assert.Positive(t, a.Duration)
	}
	assert.Equal(t, []int{503, 502, 200}, []int{got[0].StatusCode, got[1].StatusCode, got[2].StatusCode})
}

func TestObserverSeesTheFailureOfTheLastAttempt(t *testing.T) {
	t.Run("reset of a POST, not sent again", func(t *testing.T) {
		srv := newAttemptServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { hijackClose(w) })
		var rec testkit.Attempts
		c := newClient(t, Vendor{}, WithBaseURL(srv.URL), WithRetry(fastRetry()), WithObserver(rec.Observe))
		_, err := c.Do(context.Background(), &Request{Op: "Things.Create", Method: http.MethodPost, Path: "/things", Body: []byte(`{}`)})
		require.Error(t, err)
		got := rec.All()
		require.Len(t, got, 1)
		assert.Zero(t, got[0].StatusCode)
		assert.Error(t, got[0].Err)
		assert.False(t, got[0].Retrying)
	})
	t.Run("answer over the cap", func(t *testing.T) {
		srv := newAttemptServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
			_, _ = w.Write(bytes.Repeat([]byte("x"), 4096))
		})
		var rec testkit.Attempts
		c := newClient(t, Vendor{}, WithBaseURL(srv.URL), WithMaxResponseSize(1024), WithObserver(rec.Observe))
		_, err := c.Do(context.Background(), &Request{Op: "Things.List", Method: http.MethodGet, Path: "/things"})
		require.ErrorIs(t, err, ErrResponseTooLarge)
		got := rec.All()
		require.Len(t, got, 1)
		assert.Equal(t, 200, got[0].StatusCode)
		assert.ErrorIs(t, got[0].Err, ErrResponseTooLarge)
	})
	t.Run("context ended", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		srv := newAttemptServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
			cancel()
			w.WriteHeader(503)
		})
		var rec testkit.Attempts
		c := newClient(t, Vendor{}, WithBaseURL(srv.URL), WithRetry(fastRetry()), WithObserver(rec.Observe))
		_, err := c.Do(ctx, &Request{Op: "Things.List", Method: http.MethodGet, Path: "/things"})
		require.ErrorIs(t, err, context.Canceled)
		got := rec.All()
		require.Len(t, got, srv.count())
		last := got[len(got)-1]
		assert.False(t, last.Retrying)
		assert.ErrorIs(t, last.Err, context.Canceled)
	})
}

func TestObserverAndLogCarryTheResponsesRequestID(t *testing.T) {
	srv := newAttemptServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`<telecloud><trans_id>T-42</trans_id></telecloud>`))
	})
	var rec testkit.Attempts
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c := newClient(t, Vendor{}, WithBaseURL(srv.URL), WithObserver(rec.Observe), WithLogger(logger))
	_, err := c.Do(context.Background(), &Request{
		Op: "Customer/Search", Method: http.MethodGet, Path: "/x",
		ResponseRequestID: func(_ http.Header, body []byte) string {
			_, after, _ := bytes.Cut(body, []byte("<trans_id>"))
			id, _, _ := bytes.Cut(after, []byte("<"))
			return string(id)
		},
	})
	require.NoError(t, err)
	got := rec.All()
	require.Len(t, got, 1)
	assert.Equal(t, "T-42", got[0].RequestID)
	assert.Contains(t, logs.String(), "request_id=T-42")
	assert.Contains(t, logs.String(), "op=Customer/Search")
}

// An Attempt holds no secret of the call in any field, in any fmt verb,
// whatever the server answers.
func TestObserverNeverSeesASecret(t *testing.T) {
	const key = "sk_live_Observer9Key"
	const pass = "Hunter2-observer-pw"
	srv := newAttemptServer(t, func(n int, w http.ResponseWriter, r *http.Request) {
		switch n {
		case 1: // retried: a 503
			w.WriteHeader(503)
		default: // a redirect whose Location carries both secrets
			w.Header().Set("Location", "http://127.0.0.2:1/x?api_key="+key+"&p="+pass)
			w.WriteHeader(http.StatusFound)
		}
	})
	var rec testkit.Attempts
	c := newClient(t, Vendor{Secrets: []string{key}}, WithBaseURL(srv.URL), WithRetry(fastRetry()), WithObserver(rec.Observe))
	_, err := c.Do(context.Background(), &Request{
		Op: "Things.Search", Method: http.MethodGet, Path: "/things",
		Query: map[string][]string{"api_key": {key}}, Secrets: []string{pass}, RequestID: "id-" + pass,
	})
	require.Error(t, err)
	got := rec.All()
	require.Len(t, got, 2)
	var redirect *RedirectError
	require.ErrorAs(t, got[1].Err, &redirect, "the redirect is the last attempt's error")
	for _, a := range got {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
			text := fmt.Sprintf(verb, a)
			if a.Err != nil {
				text += a.Err.Error()
				for u := errors.Unwrap(a.Err); u != nil; u = errors.Unwrap(u) {
					text += u.Error()
				}
			}
			for _, s := range []string{key, pass, key[4:12], pass[2:10]} {
				assert.False(t, strings.Contains(text, s), "attempt %d %s holds %q: %s", a.Number, verb, s, text)
			}
		}
	}
}
