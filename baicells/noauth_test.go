package baicells_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/baicells/baicellstest"
)

// WithoutAuthHeaders, for local OMC+BOSS installs that check neither
// header: over a plain httptest server, against the fake with and without
// WithAnonymousAccess, and with the credentials kept out of errors.

func TestWithoutAuthHeadersOverHTTP(t *testing.T) {
	var mu sync.Mutex
	var headers []http.Header
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		headers = append(headers, r.Header.Clone())
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"session_id":"1","result_code":"200","message":"Success"}`))
	}))
	t.Cleanup(srv.Close)
	ctx := context.Background()

	with, err := baicells.New(defaultCreds, baicells.WithBaseURL(srv.URL+"/baicellsapi"))
	require.NoError(t, err)
	require.NoError(t, with.Subscribers.Activate(ctx, "s1"))
	without, err := baicells.New(baicells.Credentials{}, baicells.WithBaseURL(srv.URL+"/baicellsapi"), baicells.WithoutAuthHeaders())
	require.NoError(t, err)
	require.NoError(t, without.Subscribers.Activate(ctx, "s1"))

	mu.Lock()
	defer mu.Unlock()
	require.Len(t, headers, 2)
	// net/http canonicalises the received key: cloud_key arrives as Cloud_key.
	assert.Equal(t, []string{baicellstest.DefaultCloudKey}, headers[0].Values("cloud_key"))
	assert.NotEmpty(t, headers[0].Get("Authorization"))
	assert.Empty(t, headers[1].Values("cloud_key"))
	assert.Empty(t, headers[1].Values("Authorization"))
	assert.Equal(t, "application/json", headers[1].Get("Content-Type"), "the other headers are unchanged")
}

func TestEndToEndWithoutAuthHeaders(t *testing.T) {
	ctx := context.Background()
	srv := baicellstest.NewServer(baicellstest.WithAnonymousAccess())
	t.Cleanup(srv.Close)
	c, err := baicells.New(baicells.Credentials{}, baicells.WithBaseURL(srv.BaseURL()), baicells.WithoutAuthHeaders())
	require.NoError(t, err)

	require.NoError(t, c.Plans.Create(ctx, baicells.Plan{ID: "P10", Name: "10M", Uplink: 5, Downlink: 10}))
	require.NoError(t, c.Subscribers.Create(ctx, baicells.Profile{ID: "local-1", Name: "Ada"}))
	require.NoError(t, c.Subscribers.BindPlan(ctx, "local-1", "P10"))
	require.NoError(t, c.Subscribers.BindIMSI(ctx, "local-1", "311980000000001"))
	require.NoError(t, c.Subscribers.Activate(ctx, "local-1"))
	sub, ok := srv.Subscriber("local-1")
	require.True(t, ok)
	assert.True(t, sub.Active)
	for _, r := range srv.Requests() {
		assert.Empty(t, r.Header.Values("cloud_key"), "%s %s", r.Method, r.Path)
		assert.Empty(t, r.Header.Values("Authorization"), "%s %s", r.Method, r.Path)
	}

	// The anonymous caller is the default account: a client with its
	// credentials sees the same subscriber, and wrong ones are still refused.
	named, err := baicells.New(defaultCreds, baicells.WithBaseURL(srv.BaseURL()))
	require.NoError(t, err)
	got, err := named.Subscribers.Get(ctx, "local-1")
	require.NoError(t, err)
	assert.Equal(t, "Ada", got.Name)
	wrong := defaultCreds
	wrong.Password = baicells.NewSecret("not-the-password")
	bad, err := baicells.New(wrong, baicells.WithBaseURL(srv.BaseURL()))
	require.NoError(t, err)
	_, err = bad.Subscribers.Get(ctx, "local-1")
	assert.ErrorIs(t, err, baicells.ErrUnauthorized)
}

// A server that checks the headers (CloudCore, the fake by default) refuses
// every call of a client without them: 5002.
func TestWithoutAuthHeadersRefusedWhereChecked(t *testing.T) {
	srv := baicellstest.NewServer()
	t.Cleanup(srv.Close)
	c, err := baicells.New(baicells.Credentials{}, baicells.WithBaseURL(srv.BaseURL()), baicells.WithoutAuthHeaders())
	require.NoError(t, err)
	err = c.Subscribers.Create(context.Background(), baicells.Profile{ID: "x"})
	assert.ErrorIs(t, err, baicells.ErrUnauthorized)
	var e *baicells.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, baicells.CodeCloudKeyRequired, e.Code)
}

// Credentials given with WithoutAuthHeaders are not sent, and are still
// scrubbed from what a server echoes.
func TestWithoutAuthHeadersStillScrubs(t *testing.T) {
	const password = "s3cret-local-pw"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnprocessableEntity)
		_, _ = w.Write([]byte(`{"session_id":"1","result_code":"5001","message":"System error near ` + password + `"}`))
	}))
	t.Cleanup(srv.Close)
	c, err := baicells.New(baicells.Credentials{CloudKey: baicells.NewSecret("local-key-123"), Username: "u", Password: baicells.NewSecret(password)},
		baicells.WithBaseURL(srv.URL), baicells.WithoutAuthHeaders(), baicells.WithRetry(baicells.RetryPolicy{MaxAttempts: 1}))
	require.NoError(t, err)
	err = c.Subscribers.Create(context.Background(), baicells.Profile{ID: "x"})
	require.Error(t, err)
	assert.False(t, strings.Contains(err.Error(), password), err.Error())
}
