package alianzatest

import (
	"net/http"
	"time"
)

// loginRequest is the Login schema.
type loginRequest struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

// changePasswordRequest is the Login schema as PUT /v2/authorize takes it.
type changePasswordRequest struct {
	Username       string `json:"username"`
	Password       string `json:"password"`
	ChangePassword string `json:"changePassword"`
}

// MinPasswordLength is the fake's password rule for PUT /v2/authorize: the
// spec answers 400 FailedToUpdate for a new password that "doesn't satisfy
// the password requirements" without stating them, so the fake has a simple
// one of its own: at least MinPasswordLength characters, different from the
// current password and from the user name.
const MinPasswordLength = 8

// loginToken is the part of the LoginTokenX schema the fake answers.
type loginToken struct {
	AuthToken      string `json:"authToken"`
	UserID         string `json:"userId"`
	UserType       string `json:"userType"`
	Username       string `json:"username"`
	PartitionID    string `json:"partitionId"`
	MaxLifeInHours int    `json:"maxLifeInHours"`
}

// login answers POST /v2/authorize: 201 Created with a new token for a
// management user, as production answers (seen in the field; the spec
// gives no status), or 401
// InvalidCredentials (also for a missing user name or password). The
// password is never part of an answer.
func (s *Server) login(c *call) reply {
	var req loginRequest
	if rep, ok := decodeBody(c.raw, &req); !ok {
		return rep
	}
	var user *mgmtUser
	for _, u := range s.users {
		if req.Username != "" && req.Username == u.username && req.Password == u.password {
			user = u
			break
		}
	}
	if user == nil {
		return fail(http.StatusUnauthorized, MessageInvalidCredentials)
	}
	tok := randomToken()
	s.tokens[tok] = &token{user: user, expires: s.now().Add(s.lifetime)}
	s.logins++
	return answer(http.StatusCreated, loginToken{
		AuthToken:      tok,
		UserID:         user.id,
		UserType:       "ManagementUser",
		Username:       user.username,
		PartitionID:    user.partition,
		MaxLifeInHours: hoursRoundedUp(s.lifetime),
	})
}

// hoursRoundedUp is d in whole hours, rounded up.
func hoursRoundedUp(d time.Duration) int {
	return int((d + time.Hour - 1) / time.Hour)
}

// logout answers PUT /v2/authorize/logout: the token ends (200, no body).
func (s *Server) logout(c *call) reply {
	delete(s.tokens, c.token)
	return answer(http.StatusOK, nil)
}

// changePassword answers PUT /v2/authorize (the spec's changePassword; no
// token needed): 401 InvalidCredentials unless username and password are a
// user's, as for a login; 400 FailedToUpdate for a new password that breaks
// the rule of MinPasswordLength; else the user's password is the new one
// and the answer is a login's, with a new token, 200. Tokens issued before
// stay valid until they expire or log out.
func (s *Server) changePassword(c *call) reply {
	var req changePasswordRequest
	if rep, ok := decodeBody(c.raw, &req); !ok {
		return rep
	}
	var user *mgmtUser
	for _, u := range s.users {
		if req.Username != "" && req.Username == u.username && req.Password == u.password {
			user = u
			break
		}
	}
	if user == nil {
		return fail(http.StatusUnauthorized, MessageInvalidCredentials)
	}
	if len([]rune(req.ChangePassword)) < MinPasswordLength || req.ChangePassword == user.password || req.ChangePassword == user.username {
		return fail(http.StatusBadRequest, MessageFailedToUpdate)
	}
	user.password = req.ChangePassword
	s.passwordChanges++
	tok := randomToken()
	s.tokens[tok] = &token{user: user, expires: s.now().Add(s.lifetime)}
	return answer(http.StatusOK, s.tokenAnswer(tok, user))
}

// userInfo answers GET /v2/authorize/userinfo (the spec's getLoginInfo): the
// LoginTokenX of the request's token, that token included, as the spec's
// schema has it.
func (s *Server) userInfo(c *call) reply {
	return answer(http.StatusOK, s.tokenAnswer(c.token, c.user))
}

// tokenAnswer is the LoginTokenX of a token of user.
func (s *Server) tokenAnswer(tok string, user *mgmtUser) loginToken {
	return loginToken{
		AuthToken:      tok,
		UserID:         user.id,
		UserType:       "ManagementUser",
		Username:       user.username,
		PartitionID:    user.partition,
		MaxLifeInHours: hoursRoundedUp(s.lifetime),
	}
}

// PasswordChangeCount returns how many password changes succeeded so far.
func (s *Server) PasswordChangeCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.passwordChanges
}
