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
