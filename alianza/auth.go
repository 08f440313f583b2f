package alianza

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/ispkit/ispkit/internal/transport"
)

// session holds the token all goroutines share. At most one login is in
// flight: the others wait for it.
type session struct {
	login func(context.Context) (*wireLoginToken, error)

	mu sync.Mutex
	// creds are the credentials logins send: New's, with the password
	// ChangePassword set last.
	creds Credentials
	// changed are the passwords ChangePassword sent (set or refused),
	// scrubbed from every later call's errors and log lines like New's
	// password (which the transport knows).
	changed   []string
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
	// secrets are the call's transport.Request.Secrets: header itself, or,
	// after a password change, the token and the passwords set since New.
	secrets []string
}

func newAuthToken(tok string, changed ...string) *authToken {
	t := &authToken{tok: tok, header: []string{tok}}
	t.secrets = t.header
	if len(changed) > 0 {
		t.secrets = append([]string{tok}, changed...)
	}
	return t
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
			s.cur, s.partition, s.userID = newAuthToken(ans.AuthToken, s.changed...), ans.PartitionID, ans.UserID
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
// calls refused with the same token only the first causes a new login. The
// token's value is compared: a password change may have replaced the
// current *authToken by one with the same value and more secrets.
func (s *session) invalidate(tok *authToken) {
	s.mu.Lock()
	if s.cur != nil && s.cur.tok == tok.tok {
		s.cur = nil
	}
	s.mu.Unlock()
}

// credentials returns what a login sends and the passwords set since New.
func (s *session) credentials() (Credentials, []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.creds, s.changed
}

// remember adds a password ChangePassword is about to send to those every
// later call scrubs, whether the server takes it or not, and returns the
// list.
func (s *session) remember(password string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !slices.Contains(s.changed, password) {
		// A new slice: tokens and calls hold the old one.
		s.changed = append(s.changed[:len(s.changed):len(s.changed)], password)
		if s.cur != nil {
			// The same token, scrubbing the new password too (a call
			// holding the old value still scrubs what it knew).
			s.cur = newAuthToken(s.cur.tok, s.changed...)
		}
	}
	return s.changed
}

// passwordChanged records a password change the server accepted: logins
// send the new password from now on, and the token the answer carried,
// when it carried one, is the session's (without one, the next call logs
// in with the new password).
func (s *session) passwordChanged(password Secret, ans *wireLoginToken) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.creds.Password = password
	s.cur = nil
	if ans == nil || ans.AuthToken == "" {
		return
	}
	s.cur = newAuthToken(ans.AuthToken, s.changed...)
	if ans.PartitionID != "" {
		s.partition = ans.PartitionID
	}
	if ans.UserID != "" {
		s.userID = ans.UserID
	}
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
func (c *Client) login(ctx context.Context) (*wireLoginToken, error) {
	const op = "Login"
	creds, changed := c.sess.credentials()
	body, err := json.Marshal(wireLogin{Username: creds.Username, Password: creds.Password.Reveal()})
	if err != nil {
		return nil, &Error{Op: op, Err: fmt.Errorf("encoding request: %w", err)}
	}
	resp, err := c.t.Do(ctx, &transport.Request{Op: op, Method: http.MethodPost, Path: pathAuthorize, Body: body, Secrets: changed, Retry: transport.RetrySafe})
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
	resp, err := c.t.Do(context.WithValue(ctx, tokenKey{}, tok), &transport.Request{Op: op, Method: http.MethodPut, Path: pathLogout, Secrets: tok.secrets})
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

// ChangePassword changes the password of the client's own user (PUT
// /v2/authorize, the spec's changePassword): it sends the client's user
// name and current password with newPassword. On success the client uses
// the new password from then on, for its re-logins too, and the token the
// answer carries as its session. An empty newPassword, or the current
// one, is refused before anything is sent (ErrInvalidInput); the server's
// password rules are its own (a refusal is an *Error, 400 FailedToUpdate in
// the spec, and changes nothing). A 2xx answer that cannot be read still
// means the password changed: the client uses the new one, logs in again
// at its next call, and the error says the answer was unreadable
// (ErrBadResponse).
//
// It is never re-sent once it may have reached the server: after an error
// without an answer (a reset, a timeout) the password may or may not have
// changed, and the client keeps the old one. Neither password nor any
// token appears in an error or a log line. Calls running meanwhile finish
// with the session they had.
func (c *Client) ChangePassword(ctx context.Context, newPassword Secret) error {
	const op = "ChangePassword"
	if ctx == nil {
		return invalid(op, "ctx", "is nil")
	}
	if newPassword.IsZero() {
		return invalid(op, "newPassword", "is empty")
	}
	creds, _ := c.sess.credentials()
	if newPassword.Equal(creds.Password) {
		return invalid(op, "newPassword", "is the current password")
	}
	body, err := json.Marshal(wireChangePassword{Username: creds.Username, Password: creds.Password.Reveal(), ChangePassword: newPassword.Reveal()})
	if err != nil {
		return &Error{Op: op, Err: fmt.Errorf("encoding request: %w", err)}
	}
	// The body's password field is scrubbed by its name; changePassword is
	// not a secret's name, so the new password is listed, with the
	// passwords sent before and the session's token, which a server may
	// echo too. From now on every call scrubs the new password, whether the
	// server takes it or not.
	changed := c.sess.remember(newPassword.Reveal())
	secrets := append([]string{creds.Password.Reveal()}, changed...)
	if tok, _ := c.sess.current(); tok != nil {
		secrets = append(secrets, tok.tok)
	}
	resp, err := c.t.Do(ctx, &transport.Request{Op: op, Method: http.MethodPut, Path: pathAuthorize, Body: body, Secrets: secrets, Retry: transport.RetryUnsafe})
	if err != nil {
		return transportError(op, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return decode(op, resp, nil)
	}
	var ans wireLoginToken
	if err := decode(op, resp, &ans); err != nil {
		c.sess.passwordChanged(newPassword, nil)
		return err
	}
	ans.AuthToken = strings.TrimSpace(ans.AuthToken)
	if segmentProblem(ans.PartitionID) != "" {
		ans.PartitionID = ""
	}
	c.sess.passwordChanged(newPassword, &ans)
	return nil
}

// SessionInfo is what Alianza says about the session's user (the spec's
// LoginTokenX, as GET /v2/authorize/userinfo answers it), without the auth
// token and the password hash the schema also carries: the package drops
// them, so a SessionInfo holds no secret.
type SessionInfo struct {
	UserID             string                   `json:"userId,omitempty"`
	UserType           UserType                 `json:"userType,omitempty"`
	EndUserType        EndUserType              `json:"endUserType,omitempty"`
	Username           string                   `json:"username,omitempty"`
	FirstName          string                   `json:"firstName,omitempty"`
	LastName           string                   `json:"lastName,omitempty"`
	EmailAddress       string                   `json:"emailAddress,omitempty"`
	PartitionID        string                   `json:"partitionId,omitempty"`
	PartitionName      string                   `json:"partitionName,omitempty"`
	AccountID          string                   `json:"accountId,omitempty"`
	Permissions        map[string]MaxAccessType `json:"permissions,omitempty"`    // by permission name
	FeatureToggles     map[string]bool          `json:"featureToggles,omitempty"` // by feature name
	MustChangePassword bool                     `json:"mustChangePassword,omitempty"`
	MustAddEmail       bool                     `json:"mustAddEmail,omitempty"`
	SubPartitionIDs    []string                 `json:"subPartitionIds,omitempty"`
	TokenSource        string                   `json:"tokenSource,omitempty"`
	GrantedAuthorities []string                 `json:"grantedAuthorities,omitempty"`
	MaxLifeInHours     int                      `json:"maxLifeInHours,omitempty"` // the token's lifetime
	GroupID            string                   `json:"groupId,omitempty"`
	GroupName          string                   `json:"groupName,omitempty"`
}

// SessionInfo returns the session's user as Alianza knows it (GET
// /v2/authorize/userinfo, the spec's getLoginInfo), logging in first when
// there is no session. The answer's auth token and password hash are
// dropped.
func (c *Client) SessionInfo(ctx context.Context) (*SessionInfo, error) {
	const op = "SessionInfo"
	var out SessionInfo
	if err := c.do(ctx, call{op: op, method: http.MethodGet, path: pathUserInfo}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
