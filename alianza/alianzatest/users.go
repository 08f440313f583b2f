package alianzatest

import (
	"net/http"
	"net/mail"
	"slices"
	"strings"
)

// User is an account user (an end user, the spec's EndUserV2X) as the fake
// keeps it: the fields it stores, under their wire names. Other fields of
// the schema are accepted in requests and dropped. Answers add devices, the
// user's device lines.
type User struct {
	ID              string `json:"id"`
	Username        string `json:"username,omitempty"`
	FirstName       string `json:"firstName,omitempty"`
	LastName        string `json:"lastName,omitempty"`
	EmailAddress    string `json:"emailAddress,omitempty"`
	LanguageTag     string `json:"languageTag,omitempty"`
	PartitionID     string `json:"partitionId"`
	AccountID       string `json:"accountId"`
	TimeZone        string `json:"timeZone"`
	Extension       string `json:"extension,omitempty"`
	EndUserType     string `json:"endUserType,omitempty"`
	UserProductPlan string `json:"userProductPlan,omitempty"`
}

// userJSON is the EndUserV2X wire form of an answer.
type userJSON struct {
	User
	Devices []DeviceLine `json:"devices"`
}

// wireUser is the answer for a user of acct. s.mu must be held.
func wireUser(acct *account, u *User) userJSON {
	out := userJSON{User: *u, Devices: []DeviceLine{}}
	for _, l := range acct.lines {
		if l.UserID == u.ID {
			out.Devices = append(out.Devices, *l)
		}
	}
	return out
}

// SeedUser stores a user of the account u.AccountID at once, without
// validation, and returns it as stored: PartitionID is the account's, an
// empty TimeZone the account's, an empty ID a new one. A user with the ID
// of one of the same account replaces it. It panics if the account does
// not exist or the ID is a user of another account.
func (s *Server) SeedUser(u User) User {
	s.mu.Lock()
	defer s.mu.Unlock()
	acct, ok := s.accounts[u.AccountID]
	if !ok {
		panic("alianzatest: SeedUser: no account " + u.AccountID)
	}
	u.PartitionID = acct.PartitionID
	if u.TimeZone == "" {
		u.TimeZone = acct.TimeZone
	}
	if u.ID != "" {
		if owner, old := s.userByID(u.ID); old != nil {
			if owner != acct {
				panic("alianzatest: SeedUser: user " + u.ID + " belongs to account " + owner.ID)
			}
			*old = u
			return u
		}
		s.ids[u.ID] = true
	} else {
		u.ID = s.newID(kindEndUser)
	}
	stored := u
	acct.users = append(acct.users, &stored)
	return u
}

// Users returns copies of the users of an account, oldest first (nil for
// an account without users or one that does not exist).
func (s *Server) Users(accountID string) []User {
	s.mu.Lock()
	defer s.mu.Unlock()
	acct, ok := s.accounts[accountID]
	if !ok || len(acct.users) == 0 {
		return nil
	}
	out := make([]User, len(acct.users))
	for i, u := range acct.users {
		out[i] = *u
	}
	return out
}

// userByID finds a user of any account. s.mu must be held.
func (s *Server) userByID(id string) (*account, *User) {
	for _, a := range s.accounts {
		for _, u := range a.users {
			if u.ID == id {
				return a, u
			}
		}
	}
	return nil, nil
}

// accountUser finds a user of acct by id. s.mu must be held.
func accountUser(acct *account, id string) *User {
	for _, u := range acct.users {
		if u.ID == id {
			return u
		}
	}
	return nil
}

// validEmail reports a bare address such as a@example.com.
func validEmail(e string) bool {
	a, err := mail.ParseAddress(e)
	return err == nil && a.Address == e
}

// validateUser checks a user of acct against the spec and the fake's rules
// and returns the message keys of every rule it breaks, nil if none. self
// is the id of the user being replaced ("" for a new one). s.mu must be
// held.
func (s *Server) validateUser(u *User, acct *account, self string) []string {
	var errs []string
	add := func(key string) { errs = append(errs, key) }
	if u.Username != "" {
		if !length(u.Username, 3, 256) {
			add(MessageInvalidUsername)
		} else if s.usernameTaken(u.Username, self) {
			add(MessageUsernameInUse)
		}
	}
	if u.FirstName != "" && !length(u.FirstName, 3, 256) {
		add(MessageInvalidFirstName)
	}
	if u.LastName != "" && !length(u.LastName, 3, 256) {
		add(MessageInvalidLastName)
	}
	if u.EmailAddress != "" && (!length(u.EmailAddress, 3, 256) || !validEmail(u.EmailAddress)) {
		add(MessageInvalidEmailAddress)
	}
	switch {
	case u.TimeZone == "":
		add(MessageTimeZoneRequired)
	case !slices.Contains(timeZones, u.TimeZone):
		add(MessageInvalidTimeZone)
	}
	if u.Extension != "" {
		if !validExtension(u.Extension, acct) {
			add(MessageInvalidExtension)
		} else {
			for _, other := range acct.users {
				if other.ID != self && other.Extension == u.Extension {
					add(MessageExtensionInUse)
					break
				}
			}
		}
	}
	if u.LanguageTag != "" && !slices.Contains(languageIDs(), u.LanguageTag) {
		add(MessageInvalidLanguageTag)
	}
	if u.EndUserType != "" && !slices.Contains(endUserTypes, u.EndUserType) {
		add(MessageInvalidEndUserType)
	}
	if u.UserProductPlan != "" && !slices.Contains(userProductPlans, u.UserProductPlan) {
		add(MessageInvalidUserProductPlan)
	}
	return errs
}

// validExtension reports an extension acct may give a user: only an
// ADVANCED account has extensions, of its extensionLength digits (3 to 6
// when it has none).
func validExtension(ext string, acct *account) bool {
	if acct.AccountType != "ADVANCED" {
		return false
	}
	for _, c := range ext {
		if c < '0' || c > '9' {
			return false
		}
	}
	if acct.ExtensionLength != 0 {
		return len(ext) == acct.ExtensionLength
	}
	return len(ext) >= 3 && len(ext) <= 6
}

// usernameTaken reports whether a user other than self, of any account,
// has the user name (case-insensitive). s.mu must be held.
func (s *Server) usernameTaken(name, self string) bool {
	for _, a := range s.accounts {
		for _, u := range a.users {
			if u.ID != self && strings.EqualFold(u.Username, name) {
				return true
			}
		}
	}
	return false
}

// pathUser finds the account and the user the path names: 404
// AccountNotFound or UserNotFound otherwise. s.mu must be held.
func (s *Server) pathUser(c *call) (*account, *User, reply, bool) {
	acct, rep, ok := s.pathAccount(c)
	if !ok {
		return nil, nil, rep, false
	}
	u := accountUser(acct, c.args[2])
	if u == nil {
		return nil, nil, fail(http.StatusNotFound, MessageUserNotFound), false
	}
	return acct, u, reply{}, true
}

// GET …/account/{accountId}/user: the account's users, oldest first.
func (s *Server) listUsers(c *call) reply {
	acct, rep, ok := s.pathAccount(c)
	if !ok {
		return rep
	}
	out := make([]userJSON, len(acct.users))
	for i, u := range acct.users {
		out[i] = wireUser(acct, u)
	}
	return answer(http.StatusOK, out)
}

// POST …/account/{accountId}/user (200, as the spec says).
func (s *Server) createUser(c *call) reply {
	acct, rep, ok := s.pathAccount(c)
	if !ok {
		return rep
	}
	var u User
	if rep, ok := decodeBody(c.raw, &u); !ok {
		return rep
	}
	u.ID, u.AccountID, u.PartitionID = "", acct.ID, acct.PartitionID
	if u.TimeZone == "" {
		u.TimeZone = acct.TimeZone
	}
	if errs := s.validateUser(&u, acct, ""); errs != nil {
		return fail(http.StatusBadRequest, errs...)
	}
	u.ID = s.newID(kindEndUser)
	acct.users = append(acct.users, &u)
	s.logHistory(c, acct, AccountHistory{AccountHistoryType: "USER", Action: "CREATE", ReferenceType: "EndUser",
		ReferenceID: u.ID, ReferenceName: userName(&u)})
	return answer(http.StatusOK, wireUser(acct, &u))
}

// GET …/account/{accountId}/user/{userId}?idType=: by ID (the default) or
// UserName (case-insensitive).
func (s *Server) getUser(c *call) reply {
	acct, rep, ok := s.pathAccount(c)
	if !ok {
		return rep
	}
	var u *User
	switch c.r.URL.Query().Get("idType") {
	case "", "ID":
		u = accountUser(acct, c.args[2])
	case "UserName":
		for _, cand := range acct.users {
			if cand.Username != "" && strings.EqualFold(cand.Username, c.args[2]) {
				u = cand
				break
			}
		}
	default:
		return fail(http.StatusBadRequest, MessageInvalidIDType)
	}
	if u == nil {
		return fail(http.StatusNotFound, MessageUserNotFound)
	}
	return answer(http.StatusOK, wireUser(acct, u))
}

// PUT …/account/{accountId}/user/{userId}: replaces every editable field;
// an absent timeZone keeps the current one.
func (s *Server) putUser(c *call) reply {
	acct, cur, rep, ok := s.pathUser(c)
	if !ok {
		return rep
	}
	var u User
	if rep, ok := decodeBody(c.raw, &u); !ok {
		return rep
	}
	return s.replaceUser(c, acct, cur, u)
}

// PATCH …/account/{accountId}/user/{userId}: a JSON merge patch.
func (s *Server) patchUser(c *call) reply {
	acct, cur, rep, ok := s.pathUser(c)
	if !ok {
		return rep
	}
	var u User
	if rep, ok := patchBody(*cur, c.raw, &u); !ok {
		return rep
	}
	return s.replaceUser(c, acct, cur, u)
}

// replaceUser validates and stores u as the new state of cur, recording
// what changed. s.mu must be held.
func (s *Server) replaceUser(c *call, acct *account, cur *User, u User) reply {
	u.ID, u.AccountID, u.PartitionID = cur.ID, cur.AccountID, cur.PartitionID
	if u.TimeZone == "" {
		u.TimeZone = cur.TimeZone
	}
	if errs := s.validateUser(&u, acct, cur.ID); errs != nil {
		return fail(http.StatusBadRequest, errs...)
	}
	if before, after := changes(*cur, u); before != "" || after != "" {
		s.logHistory(c, acct, AccountHistory{AccountHistoryType: "USER", Action: "UPDATE", ReferenceType: "EndUser",
			ReferenceID: u.ID, ReferenceName: userName(&u), OldValue: before, NewValue: after})
	}
	*cur = u
	return answer(http.StatusOK, wireUser(acct, cur))
}

// DELETE …/account/{accountId}/user/{userId} (204): the user, the device
// lines it owns and its calling plans are gone, and the telephone numbers
// routed to it (END_USER) are routed nowhere.
func (s *Server) deleteUser(c *call) reply {
	acct, u, rep, ok := s.pathUser(c)
	if !ok {
		return rep
	}
	acct.users = slices.DeleteFunc(acct.users, func(x *User) bool { return x == u })
	acct.lines = slices.DeleteFunc(acct.lines, func(l *DeviceLine) bool { return l.UserID == u.ID })
	acct.forgetRef(planRef{"END_USER", u.ID})
	for _, n := range acct.numbers {
		if n.ReferenceType == "END_USER" && n.ReferenceID == u.ID {
			n.ReferenceType, n.ReferenceID = "", ""
		}
	}
	s.logHistory(c, acct, AccountHistory{AccountHistoryType: "USER", Action: "DELETE", ReferenceType: "EndUser",
		ReferenceID: u.ID, ReferenceName: userName(u)})
	return answer(http.StatusNoContent, nil)
}

// userName is how history names a user: first and last name, else the
// user name, else the id.
func userName(u *User) string {
	if n := strings.TrimSpace(u.FirstName + " " + u.LastName); n != "" {
		return n
	}
	if u.Username != "" {
		return u.Username
	}
	return u.ID
}
