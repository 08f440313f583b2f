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
// once so that calls add it without allocating. The same one-element slice
// is the call's transport.Request.Secrets.
type authToken struct {
	tok    string
	header []string
}

func newAuthToken(tok string) *authToken { return &authToken{tok: tok, header: []string{tok}} }

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

// login is POST /v2/authorize. A login creates nothing, so it is retried
// like a GET (on 5xx, 429, a reset): one failed answer does not fail every
// call waiting for it.
func (c *Client) login(ctx context.Context, creds Credentials) (*wireLoginToken, error) {
	const op = "Login"
	body, err := json.Marshal(wireLogin{Username: creds.Username, Password: creds.Password.Reveal()})
	if err != nil {
		return nil, &Error{Op: op, Err: fmt.Errorf("encoding request: %w", err)}
	}
	resp, err := c.t.Do(ctx, &transport.Request{Op: op, Method: http.MethodPost, Path: pathAuthorize, Body: body, Retry: transport.RetrySafe})
	if err != nil {
		return nil, transportError(op, err)
	}
	var ans wireLoginToken
	if err := decode(op, resp, &ans); err != nil {
		return nil, err
	}
	ans.AuthToken = strings.TrimSpace(ans.AuthToken)
	if ans.AuthToken == "" {
		return nil, &Error{Op: op, HTTPStatus: resp.StatusCode, Err: fmt.Errorf("%w: the login answer has no authToken", ErrBadResponse)}
	}
	if segmentProblem(ans.PartitionID) != "" {
		ans.PartitionID = "" // not usable in a path: partitionID says so when it is needed
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
	if strings.TrimSpace(p) == "" {
		return "", &Error{Op: "Login", Err: fmt.Errorf("%w: the login answer has no usable partitionId; use WithPartition", ErrBadResponse)}
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
	resp, err := c.t.Do(context.WithValue(ctx, tokenKey{}, tok), &transport.Request{Op: op, Method: http.MethodPut, Path: pathLogout, Secrets: tok.header})
	if err != nil {
		return transportError(op, err)
	}
	err = decode(op, resp, nil)
	var e *Error
	if errors.As(err, &e) && e.HTTPStatus == http.StatusUnauthorized {
		return nil // already ended
	}
	return err
}
