package alianza

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// authServer is a minimal Alianza: POST /v2/authorize hands out numbered
// tokens; GET /v2/partition/p1/account answers [] for the current token and
// 401 ExpiredAuthToken for any other.
type authServer struct {
	*httptest.Server
	logins     atomic.Int32
	loginDelay time.Duration
	refuse     atomic.Bool  // refuse every login
	busyLogin  atomic.Int32 // answer this attempt of the login (1, 2 …) with a 503
	attempts   atomic.Int32 // login attempts
	mu         sync.Mutex
	current    string
	seen       []string // X-AUTH-TOKEN of every account request
	loginBody  []byte
}

func newAuthServer(t *testing.T) *authServer {
	s := &authServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.Method == http.MethodPost && r.URL.Path == "/v2/authorize":
			body, _ := io.ReadAll(r.Body)
			time.Sleep(s.loginDelay)
			if n := s.attempts.Add(1); n == s.busyLogin.Load() {
				w.WriteHeader(http.StatusServiceUnavailable)
				_, _ = io.WriteString(w, `{"status":503,"messages":["ServiceUnavailable"]}`)
				return
			}
			if s.refuse.Load() {
				w.WriteHeader(http.StatusUnauthorized)
				_, _ = io.WriteString(w, `{"status":401,"messages":["InvalidCredentials"],"data":{}}`)
				return
			}
			n := s.logins.Add(1)
			tok := fmt.Sprintf("token-%d", n)
			s.mu.Lock()
			s.current, s.loginBody = tok, body
			s.mu.Unlock()
			_, _ = fmt.Fprintf(w, `{"authToken":%q,"partitionId":"p1","userId":"u1","userType":"ManagementUser","maxLifeInHours":1}`, tok)
		case r.Method == http.MethodPut && r.URL.Path == "/v2/authorize/logout":
			s.mu.Lock()
			if r.Header.Get("X-AUTH-TOKEN") == s.current {
				s.current = ""
			}
			s.mu.Unlock()
		case r.URL.Path == "/v2/partition/p1/account":
			tok := r.Header.Get("X-AUTH-TOKEN")
			s.mu.Lock()
			s.seen = append(s.seen, tok)
			ok := tok != "" && tok == s.current
			s.mu.Unlock()
			if !ok {
				w.WriteHeader(http.StatusUnauthorized)
				_, _ = io.WriteString(w, `{"status":401,"messages":["ExpiredAuthToken"],"data":{}}`)
				return
			}
			_, _ = io.WriteString(w, `[]`)
		default:
			w.WriteHeader(http.StatusNotFound)
			_, _ = io.WriteString(w, `{"status":404,"messages":["NotFound"],"data":{}}`)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

// expire makes the current token invalid, as the server's clock would.
func (s *authServer) expire() {
	s.mu.Lock()
	s.current = "expired"
	s.mu.Unlock()
}

func newAuthClient(t *testing.T, s *authServer, opts ...Option) *Client {
	t.Helper()
	c, err := New(Credentials{Username: "api-user", Password: NewSecret("pa55-wörd")}, append([]Option{WithBaseURL(s.URL)}, opts...)...)
	require.NoError(t, err)
	return c
}

func TestLoginIsLazyAndShared(t *testing.T) {
	s := newAuthServer(t)
	c := newAuthClient(t, s)
	assert.Zero(t, s.logins.Load(), "New sends nothing")
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		_, err := c.Accounts.List(ctx)
		require.NoError(t, err)
	}
	assert.EqualValues(t, 1, s.logins.Load())
	var login wireLogin
	require.NoError(t, json.Unmarshal(s.loginBody, &login))
	assert.Equal(t, wireLogin{Username: "api-user", Password: "pa55-wörd"}, login)
	assert.Equal(t, []string{"token-1", "token-1", "token-1"}, s.seen)
}

// listConcurrently lists the accounts from n goroutines released at once
// and returns their errors.
func listConcurrently(c *Client, n int) []error {
	var wg sync.WaitGroup
	errs := make([]error, n)
	start := make(chan struct{})
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			_, errs[i] = c.Accounts.List(context.Background())
		}()
	}
	close(start)
	wg.Wait()
	return errs
}

// 100 goroutines hit an expired token at once: exactly one new login, and
// every call succeeds with the new token.
func TestExpiredTokenOneLoginForManyGoroutines(t *testing.T) {
	s := newAuthServer(t)
	s.loginDelay = 20 * time.Millisecond // keep the login in flight while the others arrive
	c := newAuthClient(t, s)
	_, err := c.Accounts.List(context.Background())
	require.NoError(t, err)
	require.EqualValues(t, 1, s.logins.Load())

	s.expire()
	for _, err := range listConcurrently(c, 100) {
		require.NoError(t, err)
	}
	assert.EqualValues(t, 2, s.logins.Load(), "one login at first, exactly one after the expiry")
	tok, _ := c.sess.current()
	assert.Equal(t, "token-2", tok.tok)
}

// A login creates nothing, so it is retried like a GET: when the one
// re-login after an expiry gets a 503, the 100 callers waiting for it all
// succeed (82 of 100 used to fail).
func TestReloginRetriedAfter503(t *testing.T) {
	s := newAuthServer(t)
	s.loginDelay = 20 * time.Millisecond
	s.busyLogin.Store(2) // the re-login's first attempt
	c := newAuthClient(t, s, WithRetry(RetryPolicy{MaxAttempts: 3, MinWait: time.Millisecond, MaxWait: 5 * time.Millisecond, MaxRetryAfter: time.Second}))
	_, err := c.Accounts.List(context.Background())
	require.NoError(t, err)

	s.expire()
	failed := 0
	for _, err := range listConcurrently(c, 100) {
		if err != nil {
			failed++
		}
	}
	assert.Zero(t, failed, "callers failed")
	assert.EqualValues(t, 3, s.attempts.Load(), "the first login, the re-login's 503 and its retry")
	assert.EqualValues(t, 2, s.logins.Load())
}

// 100 goroutines start with no token: one login.
func TestFirstLoginSharedByManyGoroutines(t *testing.T) {
	s := newAuthServer(t)
	s.loginDelay = 20 * time.Millisecond
	c := newAuthClient(t, s)
	var wg sync.WaitGroup
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.Accounts.List(context.Background())
			assert.NoError(t, err)
		}()
	}
	wg.Wait()
	assert.EqualValues(t, 1, s.logins.Load())
}

// A token refused again right after a new login is reported, not retried
// forever: one re-login, one retry.
func TestReloginOnlyOnce(t *testing.T) {
	s := newAuthServer(t)
	c := newAuthClient(t, s)
	ctx := context.Background()
	_, err := c.Accounts.List(ctx)
	require.NoError(t, err)

	// Every token is refused from now on, the new one included.
	s.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v2/authorize" {
			s.logins.Add(1)
			_, _ = io.WriteString(w, `{"authToken":"token-x","partitionId":"p1"}`)
			return
		}
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = io.WriteString(w, `{"status":401,"messages":["ExpiredAuthToken"],"data":{}}`)
	})
	_, err = c.Accounts.List(ctx)
	require.ErrorIs(t, err, ErrTokenExpired)
	require.ErrorIs(t, err, ErrUnauthorized)
	assert.EqualValues(t, 2, s.logins.Load(), "exactly one re-login")
	assert.NotContains(t, err.Error(), "token-x")
}

func TestLoginRefused(t *testing.T) {
	s := newAuthServer(t)
	s.refuse.Store(true)
	c := newAuthClient(t, s)
	_, err := c.Accounts.List(context.Background())
	require.ErrorIs(t, err, ErrUnauthorized)
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "Accounts.List (login)", e.Op)
	assert.Equal(t, []string{"InvalidCredentials"}, e.Messages)
	assert.NotContains(t, fmt.Sprintf("%v %+v %#v", err, err, c), "pa55")
}

// A waiter whose leader gave up (its context ended) logs in by itself.
func TestWaiterOutlivesCancelledLeader(t *testing.T) {
	s := newAuthServer(t)
	s.loginDelay = 50 * time.Millisecond
	c := newAuthClient(t, s)
	leaderCtx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	leaderDone := make(chan error, 1)
	go func() { _, err := c.Accounts.List(leaderCtx); leaderDone <- err }()
	time.Sleep(2 * time.Millisecond)
	_, err := c.Accounts.List(context.Background())
	require.NoError(t, err)
	require.ErrorIs(t, <-leaderDone, context.DeadlineExceeded)
}

func TestPartitionFromLoginOrOption(t *testing.T) {
	s := newAuthServer(t)
	c := newAuthClient(t, s)
	p, err := c.Login(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "p1", p)

	c2 := newAuthClient(t, s, WithPartition("other"))
	_, err = c2.Accounts.List(context.Background())
	require.ErrorIs(t, err, ErrNotFound, "the configured partition is used, not the login's")
}

func TestLogout(t *testing.T) {
	s := newAuthServer(t)
	c := newAuthClient(t, s)
	ctx := context.Background()
	require.NoError(t, c.Logout(ctx), "no session: nothing to do")
	_, err := c.Accounts.List(ctx)
	require.NoError(t, err)
	require.NoError(t, c.Logout(ctx))
	tok, _ := c.sess.current()
	assert.Nil(t, tok)
	_, err = c.Accounts.List(ctx)
	require.NoError(t, err)
	assert.EqualValues(t, 2, s.logins.Load(), "the next call logs in again")
}

func TestNamedHosts(t *testing.T) {
	for opt, want := range map[string]Option{ProductionBaseURL: WithProduction(), BetaBaseURL: WithBeta()} {
		c, err := New(Credentials{Username: "u", Password: NewSecret("p")}, want)
		require.NoError(t, err)
		assert.Equal(t, opt, c.BaseURL())
	}
	c, err := New(Credentials{Username: "u", Password: NewSecret("p")})
	require.NoError(t, err)
	assert.Equal(t, ProductionBaseURL, c.BaseURL())
	_, err = New(Credentials{Username: "u", Password: NewSecret("p")}, WithPartition("a/b"))
	require.Error(t, err)
	_, err = New(Credentials{Username: "u"})
	require.ErrorIs(t, err, ErrInvalidInput)
	assert.False(t, errors.Is(err, ErrBadResponse))
	assert.NotContains(t, strings.ToLower(fmt.Sprint(Credentials{Username: "u", Password: NewSecret("hunter2")})), "hunter2")
}
