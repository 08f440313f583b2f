package alianzatest

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// DeviceLine is a device line (a SIP line, the spec's DeviceX) as the fake
// keeps it, under its wire names. MACAddress is stored normalised: 12
// lower-case hex digits without separators. Other fields of the schema are
// accepted in requests and dropped.
type DeviceLine struct {
	ID              string `json:"id"`
	DeviceTypeID    string `json:"deviceTypeId,omitempty"`
	AccountID       string `json:"accountId"`
	PartitionID     string `json:"partitionId"`
	MACAddress      string `json:"macAddress,omitempty"`
	DeviceName      string `json:"deviceName,omitempty"`
	EmergencyNumber string `json:"emergencyNumber,omitempty"`
	FaxEnabled      bool   `json:"faxEnabled"`
	LineNumber      int    `json:"lineNumber"`
	UserID          string `json:"userId,omitempty"`
	SIPPassword     string `json:"sipPassword,omitempty"`
	SIPUsername     string `json:"sipUsername,omitempty"`
	LineType        string `json:"lineType,omitempty"`
	ReferenceID     string `json:"referenceId,omitempty"`
}

// normalizeMAC reads a MAC address: 12 hex digits, in either case, bare or
// with ':', '-' or '.' separators ("00:04:F2:AB:CD:EF", "0004.f2ab.cdef"),
// and returns them lower-case without separators.
func normalizeMAC(s string) (string, bool) {
	d := macDigits(strings.TrimSpace(s))
	return d, len(d) == 12
}

// macDigits strips the separators ':', '-' and '.' from s and returns the
// rest in lower case if it is all hex digits, "" otherwise.
func macDigits(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case c == ':' || c == '-' || c == '.':
		case c >= '0' && c <= '9', c >= 'a' && c <= 'f':
			b.WriteRune(c)
		case c >= 'A' && c <= 'F':
			b.WriteRune(c + 'a' - 'A')
		default:
			return ""
		}
	}
	return b.String()
}

// SeedDeviceLine stores a device line of the account d.AccountID at once and
// returns it as stored: PartitionID is the account's, the MAC address is
// normalised, and an absent ID, line number, SIP username or SIP password is
// assigned as on create. A line with the ID of one of the same account
// replaces it. It panics, as on a mistake in the test, if the account does
// not exist, the ID is a line of another account, the user is not one of
// the account, the MAC address is invalid or another account's, or the SIP
// username is in use.
func (s *Server) SeedDeviceLine(d DeviceLine) DeviceLine {
	s.mu.Lock()
	defer s.mu.Unlock()
	acct, ok := s.accounts[d.AccountID]
	if !ok {
		panic("alianzatest: SeedDeviceLine: no account " + d.AccountID)
	}
	var cur *DeviceLine
	if d.ID != "" {
		var owner *account
		if owner, cur = s.lineByID(d.ID); cur != nil && owner != acct {
			panic("alianzatest: SeedDeviceLine: device line " + d.ID + " belongs to account " + owner.ID)
		}
	}
	d.PartitionID = acct.PartitionID
	if cur != nil {
		fillFrom(&d, cur)
	}
	for _, key := range s.validateLine(&d, acct, cur) {
		if key != MessageUserIDRequired {
			panic("alianzatest: SeedDeviceLine: " + key)
		}
	}
	s.assignLine(&d, acct, cur)
	if cur != nil {
		*cur = d
		return d
	}
	if d.ID == "" {
		d.ID = s.newID(kindDeviceLine)
	}
	s.ids[d.ID] = true
	stored := d
	acct.lines = append(acct.lines, &stored)
	return d
}

// DeviceLines returns copies of the device lines of an account, oldest
// first (nil for an account without lines or one that does not exist).
func (s *Server) DeviceLines(accountID string) []DeviceLine {
	s.mu.Lock()
	defer s.mu.Unlock()
	acct, ok := s.accounts[accountID]
	if !ok || len(acct.lines) == 0 {
		return nil
	}
	out := make([]DeviceLine, len(acct.lines))
	for i, l := range acct.lines {
		out[i] = *l
	}
	return out
}

// lineByID finds a device line of any account. s.mu must be held.
func (s *Server) lineByID(id string) (*account, *DeviceLine) {
	for _, a := range s.accounts {
		for _, l := range a.lines {
			if l.ID == id {
				return a, l
			}
		}
	}
	return nil, nil
}

// lineByMAC finds a device line of any account with a normalised MAC
// address. s.mu must be held.
func (s *Server) lineByMAC(mac string) *DeviceLine {
	for _, a := range s.sortedAccounts("") {
		for _, l := range a.lines {
			if l.MACAddress == mac {
				return l
			}
		}
	}
	return nil
}

// fillFrom keeps the server-assigned fields of cur that d leaves out (an
// update that does not send them).
func fillFrom(d, cur *DeviceLine) {
	if d.LineNumber == 0 {
		d.LineNumber = cur.LineNumber
	}
	if d.SIPUsername == "" {
		d.SIPUsername = cur.SIPUsername
	}
	if d.SIPPassword == "" {
		d.SIPPassword = cur.SIPPassword
	}
	if d.DeviceTypeID == "" {
		d.DeviceTypeID = cur.DeviceTypeID
	}
}

// validateLine checks a device line of acct, normalising its MAC address,
// and returns the message keys of every rule it breaks, nil if none. cur is
// the line being replaced (nil for a new one). s.mu must be held.
func (s *Server) validateLine(d *DeviceLine, acct *account, cur *DeviceLine) []string {
	var errs []string
	add := func(key string) { errs = append(errs, key) }
	switch {
	case d.UserID == "":
		add(MessageUserIDRequired)
	case accountUser(acct, d.UserID) == nil:
		add(MessageInvalidUserID)
	}
	if d.MACAddress != "" {
		mac, ok := normalizeMAC(d.MACAddress)
		if !ok {
			add(MessageInvalidMacAddress)
		} else {
			d.MACAddress = mac
			if l := s.lineByMAC(mac); l != nil && l.AccountID != acct.ID {
				add(MessageMacAddressInUse)
			}
		}
	}
	switch {
	case d.LineNumber < 0:
		add(MessageInvalidLineNumber)
	case d.LineNumber > 0 && lineNumberTaken(acct, d.MACAddress, d.LineNumber, cur):
		add(MessageLineNumberInUse)
	}
	if d.SIPUsername != "" {
		if strings.TrimSpace(d.SIPUsername) == "" || strings.ContainsAny(d.SIPUsername, " \t\r\n@:") {
			add(MessageInvalidSipUsername)
		} else if s.sipUsernameTaken(d.SIPUsername, cur) {
			add(MessageSIPUsernameInUse)
		}
	}
	if d.LineType != "" && !slices.Contains(lineTypes, d.LineType) {
		add(MessageInvalidLineType)
	}
	return errs
}

// lineNumberTaken reports whether a line of acct other than self, on the
// same MAC address (or, for mac "", on none), has the line number.
func lineNumberTaken(acct *account, mac string, n int, self *DeviceLine) bool {
	for _, l := range acct.lines {
		if l != self && l.MACAddress == mac && l.LineNumber == n {
			return true
		}
	}
	return false
}

// sipUsernameTaken reports whether a line other than self, of any account
// of any partition, has the SIP username (case-insensitive). s.mu must be
// held.
func (s *Server) sipUsernameTaken(name string, self *DeviceLine) bool {
	for _, a := range s.accounts {
		for _, l := range a.lines {
			if l != self && strings.EqualFold(l.SIPUsername, name) {
				return true
			}
		}
	}
	return false
}

// assignLine fills what the server assigns to a valid line: the lowest
// free line number of its MAC address, a SIP username ("sip" and seven
// digits) and a SIP password. s.mu must be held.
func (s *Server) assignLine(d *DeviceLine, acct *account, cur *DeviceLine) {
	if d.LineNumber == 0 {
		n := 1
		for lineNumberTaken(acct, d.MACAddress, n, cur) {
			n++
		}
		d.LineNumber = n
	}
	for d.SIPUsername == "" {
		s.nextSIP++
		if name := fmt.Sprintf("sip%07d", s.nextSIP); !s.sipUsernameTaken(name, cur) {
			d.SIPUsername = name
		}
	}
	if d.SIPPassword == "" {
		d.SIPPassword = randomPassword()
	}
}

// pathLine finds the account and the device line the path names: 404
// AccountNotFound or DeviceNotFound otherwise. s.mu must be held.
func (s *Server) pathLine(c *call) (*account, *DeviceLine, reply, bool) {
	acct, rep, ok := s.pathAccount(c)
	if !ok {
		return nil, nil, rep, false
	}
	for _, l := range acct.lines {
		if l.ID == c.args[2] {
			return acct, l, reply{}, true
		}
	}
	return nil, nil, fail(http.StatusNotFound, MessageDeviceNotFound), false
}

// GET …/account/{accountId}/deviceline?filterType=&filter=: the account's
// lines, oldest first, all of them without a filter, or those whose MAC
// address (MAC_ADDRESS, MAC_ADDRESS_INVENTORY), owning user (OWNING_USERID)
// or referenced user (REFERENCED_USERID) is the filter; ACCOUNT gives all
// of them when the filter is the account's id, none otherwise.
func (s *Server) listDeviceLines(c *call) reply {
	acct, rep, ok := s.pathAccount(c)
	if !ok {
		return rep
	}
	q := c.r.URL.Query()
	ft, filter := q.Get("filterType"), strings.TrimSpace(q.Get("filter"))
	keep := func(*DeviceLine) bool { return true }
	switch {
	case ft == "" && filter == "":
	case ft == "":
		return fail(http.StatusBadRequest, MessageFilterTypeRequired)
	case !slices.Contains(filterTypes, ft):
		return fail(http.StatusBadRequest, MessageInvalidFilterType)
	case filter == "":
		return fail(http.StatusBadRequest, MessageFilterRequired)
	case ft == "MAC_ADDRESS" || ft == "MAC_ADDRESS_INVENTORY":
		mac, ok := normalizeMAC(filter)
		if !ok {
			return fail(http.StatusBadRequest, MessageInvalidMacAddress)
		}
		keep = func(l *DeviceLine) bool { return l.MACAddress == mac }
	case ft == "OWNING_USERID":
		keep = func(l *DeviceLine) bool { return l.UserID == filter }
	case ft == "REFERENCED_USERID":
		keep = func(l *DeviceLine) bool { return l.ReferenceID == filter }
	default: // ACCOUNT
		keep = func(*DeviceLine) bool { return filter == acct.ID }
	}
	out := []DeviceLine{}
	for _, l := range acct.lines {
		if keep(l) {
			out = append(out, *l)
		}
	}
	return answer(http.StatusOK, out)
}

// POST …/account/{accountId}/deviceline (201). The device type must be one
// of the catalog (GET /v2/ref/devicetype), with a MAC address when it needs
// one.
func (s *Server) createDeviceLine(c *call) reply {
	acct, rep, ok := s.pathAccount(c)
	if !ok {
		return rep
	}
	var d DeviceLine
	if rep, ok := decodeBody(c.raw, &d); !ok {
		return rep
	}
	d.ID, d.AccountID, d.PartitionID = "", acct.ID, acct.PartitionID
	errs := s.validateLine(&d, acct, nil)
	s.checkDeviceType(&d, func(key string) { errs = append(errs, key) })
	if errs != nil {
		return fail(http.StatusBadRequest, errs...)
	}
	s.assignLine(&d, acct, nil)
	d.ID = s.newID(kindDeviceLine)
	acct.lines = append(acct.lines, &d)
	s.logHistory(c, acct, AccountHistory{AccountHistoryType: "DEVICE", Action: "CREATE", ReferenceType: "Device",
		ReferenceID: d.ID, ReferenceName: lineName(&d)})
	return answer(http.StatusCreated, d)
}

// GET …/account/{accountId}/deviceline/{deviceId}.
func (s *Server) getDeviceLine(c *call) reply {
	_, l, rep, ok := s.pathLine(c)
	if !ok {
		return rep
	}
	return answer(http.StatusOK, *l)
}

// PUT …/account/{accountId}/deviceline/{deviceId}: replaces every editable
// field; an absent line number, SIP username or SIP password keeps the
// current one.
func (s *Server) putDeviceLine(c *call) reply {
	acct, cur, rep, ok := s.pathLine(c)
	if !ok {
		return rep
	}
	var d DeviceLine
	if rep, ok := decodeBody(c.raw, &d); !ok {
		return rep
	}
	return s.replaceLine(c, acct, cur, d)
}

// PATCH …/account/{accountId}/deviceline/{deviceId}: a JSON merge patch.
func (s *Server) patchDeviceLine(c *call) reply {
	acct, cur, rep, ok := s.pathLine(c)
	if !ok {
		return rep
	}
	var d DeviceLine
	if rep, ok := patchBody(*cur, c.raw, &d); !ok {
		return rep
	}
	return s.replaceLine(c, acct, cur, d)
}

// replaceLine validates and stores d as the new state of cur, recording
// what changed (never the SIP password). s.mu must be held.
func (s *Server) replaceLine(c *call, acct *account, cur *DeviceLine, d DeviceLine) reply {
	d.ID, d.AccountID, d.PartitionID = cur.ID, cur.AccountID, cur.PartitionID
	fillFrom(&d, cur)
	errs := s.validateLine(&d, acct, cur)
	if d.DeviceTypeID != cur.DeviceTypeID {
		s.checkDeviceType(&d, func(key string) { errs = append(errs, key) })
	}
	if errs != nil {
		return fail(http.StatusBadRequest, errs...)
	}
	if before, after := changes(*cur, d, "sipPassword"); before != "" || after != "" {
		s.logHistory(c, acct, AccountHistory{AccountHistoryType: "DEVICE", Action: "UPDATE", ReferenceType: "Device",
			ReferenceID: d.ID, ReferenceName: lineName(&d), OldValue: before, NewValue: after})
	}
	*cur = d
	return answer(http.StatusOK, d)
}

// DELETE …/account/{accountId}/deviceline/{deviceId} (204).
func (s *Server) deleteDeviceLine(c *call) reply {
	acct, l, rep, ok := s.pathLine(c)
	if !ok {
		return rep
	}
	acct.lines = slices.DeleteFunc(acct.lines, func(x *DeviceLine) bool { return x == l })
	delete(s.registered, l.ID)
	s.logHistory(c, acct, AccountHistory{AccountHistoryType: "DEVICE", Action: "DELETE", ReferenceType: "Device",
		ReferenceID: l.ID, ReferenceName: lineName(l)})
	return answer(http.StatusNoContent, nil)
}

// lineName is how history names a device line: its device name, else its
// SIP username.
func lineName(d *DeviceLine) string {
	if d.DeviceName != "" {
		return d.DeviceName
	}
	return d.SIPUsername
}
