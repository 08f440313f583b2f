package alianza

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/ispkit/ispkit/internal/transport"
)

// session holds the token all goroutines share. At most one login is in
// flight: the others wait for it.
type session struct {
	login func(context.Context) (*wireLoginToken, error)

	mu        sync.Mutex
	cur       *authToken // current token, nil when none
	partition string     // the login answer's
	userID    string     // the login answer's
	inflight  *loginCall // the login running now, if any
}

// authToken is one login's token with its X-AUTH-TOKEN header value, built
// once so that calls add it without allocating.
type authToken struct {
	tok    string
	header []string
}

func newAuthToken(tok string) *authToken { return &authToken{tok: tok, header: []string{tok}} }

// value is the token, "" for none.
func (t *authToken) value() string {
	if t == nil {
		return ""
	}
	return t.tok
}

// loginCall is one login that several callers may wait for.
type loginCall struct {
	done chan struct{}
	ctx  context.Context // the leader's
	tok  *authToken
	err  error
}

// token returns the current token, logging in when there is none. A caller
// that finds a login in flight waits for it; if that login failed only
// because its leader's context ended, the caller tries its own.
func (s *session) token(ctx context.Context) (*authToken, error) {
	for {
		s.mu.Lock()
		if s.cur != nil {
			tok := s.cur
			s.mu.Unlock()
			return tok, nil
		}
		if lc := s.inflight; lc != nil {
			s.mu.Unlock()
			select {
			case <-lc.done:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			if lc.err == nil {
				return lc.tok, nil
			}
			if lc.ctx.Err() != nil && ctx.Err() == nil {
				continue // the leader gave up; this caller has time left
			}
			return nil, lc.err
		}
		lc := &loginCall{done: make(chan struct{}), ctx: ctx}
		s.inflight = lc
		s.mu.Unlock()

		ans, err := s.login(ctx)
		s.mu.Lock()
		if err == nil {
			s.cur, s.partition, s.userID = newAuthToken(ans.AuthToken), ans.PartitionID, ans.UserID
			lc.tok = s.cur
		}
		lc.err = err
		s.inflight = nil
		s.mu.Unlock()
		close(lc.done)
		return lc.tok, err
	}
}

// invalidate forgets tok if it is still the current token, so that of many
// calls refused with the same token only the first causes a new login.
func (s *session) invalidate(tok *authToken) {
	s.mu.Lock()
	if s.cur == tok {
		s.cur = nil
	}
	s.mu.Unlock()
}

// current returns the token and the login's partition without logging in.
func (s *session) current() (tok *authToken, partition string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cur, s.partition
}

// login is POST /v2/authorize. It is sent once; a dial error is the only
// failure the transport retries.
func (c *Client) login(ctx context.Context, creds Credentials) (*wireLoginToken, error) {
	const op = "Login"
	body, err := json.Marshal(wireLogin(creds))
	if err != nil {
		return nil, &Error{Op: op, Err: fmt.Errorf("encoding request: %w", err)}
	}
	resp, err := c.t.Do(ctx, &transport.Request{Op: op, Method: http.MethodPost, Path: pathAuthorize, Body: body})
	if err != nil {
		return nil, &Error{Op: op, Err: err}
	}
	var ans wireLoginToken
	if err := c.decode(op, callSecrets{}, resp, &ans); err != nil {
		return nil, err
	}
	ans.AuthToken = strings.TrimSpace(ans.AuthToken)
	if ans.AuthToken == "" {
		return nil, &Error{Op: op, HTTPStatus: resp.StatusCode, Err: fmt.Errorf("%w: the login answer has no authToken", ErrBadResponse)}
	}
	return &ans, nil
}

// Login logs in now (calls do it by themselves when needed) and returns the
// partition the client works in.
func (c *Client) Login(ctx context.Context) (partition string, err error) {
	if ctx == nil {
		return "", invalid("Login", "ctx", "is nil")
	}
	p, err := c.partitionID(ctx)
	if err != nil {
		return "", c.loginError("Login", err)
	}
	return p, nil
}

// partitionID is the configured partition, or the login's.
func (c *Client) partitionID(ctx context.Context) (string, error) {
	if c.partition != "" {
		return c.partition, nil
	}
	if _, err := c.sess.token(ctx); err != nil {
		return "", err
	}
	_, p := c.sess.current()
	if p == "" {
		return "", &Error{Op: "Login", Err: fmt.Errorf("%w: the login answer has no partitionId; use WithPartition", ErrBadResponse)}
	}
	return p, nil
}

// Logout ends the session (PUT /v2/authorize/logout). Without a session it
// does nothing. The next call logs in again.
func (c *Client) Logout(ctx context.Context) error {
	const op = "Logout"
	if ctx == nil {
		return invalid(op, "ctx", "is nil")
	}
	tok, _ := c.sess.current()
	if tok == nil {
		return nil
	}
	c.sess.invalidate(tok)
	resp, err := c.t.Do(context.WithValue(ctx, tokenKey{}, tok), &transport.Request{Op: op, Method: http.MethodPut, Path: pathLogout})
	if err != nil {
		return &Error{Op: op, Err: err}
	}
	err = c.decode(op, callSecrets{tok: tok.tok}, resp, nil)
	var e *Error
	if errors.As(err, &e) && e.HTTPStatus == http.StatusUnauthorized {
		return nil // already ended
	}
	return err
}
