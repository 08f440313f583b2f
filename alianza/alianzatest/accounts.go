package alianzatest

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Account is an account as the fake keeps it: the fields of the spec's
// Account schema it stores, under their wire names (the JSON tags). Fields
// of the schema not listed here are accepted in requests and dropped.
// endUserCount is answered too, computed from the account's users.
//
// Over the wire, ID and PartitionID are assigned by the server and
// CallingPlans, the account's own calling plans, are changed with
// …/account/{accountId}/callingplan only (or SeedAccount), not by PUT or
// PATCH; the rest is editable with PUT and PATCH. An account that shares
// one of its users' calling plan lists answers that list as its
// callingPlans.
type Account struct {
	ID                  string        `json:"id"`
	PartitionID         string        `json:"partitionId"`
	AccountNumber       string        `json:"accountNumber"`
	AccountName         string        `json:"accountName"`
	BillingCycleDay     int           `json:"billingCycleDay"`
	CustomField         string        `json:"customField,omitempty"`
	Status              string        `json:"status"`
	TimeZone            string        `json:"timeZone,omitempty"`
	LanguageTag         string        `json:"languageTag,omitempty"`
	AccountType         string        `json:"accountType"`
	PlatformType        string        `json:"platformType,omitempty"`
	ExtensionLength     int           `json:"extensionLength,omitempty"`
	DialingBehaviorType string        `json:"dialingBehaviorType"`
	HoldTimeoutSeconds  int           `json:"holdTimeoutSeconds,omitempty"`
	RegulatoryType      string        `json:"regulatoryType,omitempty"`
	CallingPlans        []CallingPlan `json:"callingPlans,omitempty"`

	// InboundRatePlanProductID is an inbound rate plan's id (GET
	// …/inboundrateplanproduct), for accounts with toll-free numbers.
	InboundRatePlanProductID string `json:"inboundRatePlanProductId,omitempty"`
}

// CallingPlan is a calling plan of an account (the spec's CallingPlanX), as
// SeedAccount sets it and the account answers list it. Zero times are not
// sent.
type CallingPlan struct {
	ID                   string
	ReferenceID          string
	ReferenceType        string
	CallingPlanProductID string
	StartDate            time.Time
	EndDate              time.Time
	PlanMinutes          int
	SecondsRemaining     int64
}

// callingPlanJSON is the wire form of a CallingPlan.
type callingPlanJSON struct {
	ID                   string     `json:"id,omitempty"`
	ReferenceID          string     `json:"referenceId,omitempty"`
	ReferenceType        string     `json:"referenceType,omitempty"`
	CallingPlanProductID string     `json:"callingPlanProductId,omitempty"`
	StartDate            *time.Time `json:"startDate,omitempty"`
	EndDate              *time.Time `json:"endDate,omitempty"`
	PlanMinutes          int        `json:"planMinutes"`
	SecondsRemaining     int64      `json:"secondsRemaining"`
}

// MarshalJSON writes the CallingPlanX wire form.
func (p CallingPlan) MarshalJSON() ([]byte, error) {
	w := callingPlanJSON{
		ID: p.ID, ReferenceID: p.ReferenceID, ReferenceType: p.ReferenceType, CallingPlanProductID: p.CallingPlanProductID,
		PlanMinutes: p.PlanMinutes, SecondsRemaining: p.SecondsRemaining,
	}
	if !p.StartDate.IsZero() {
		w.StartDate = &p.StartDate
	}
	if !p.EndDate.IsZero() {
		w.EndDate = &p.EndDate
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads the CallingPlanX wire form.
func (p *CallingPlan) UnmarshalJSON(b []byte) error {
	var w callingPlanJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*p = CallingPlan{
		ID: w.ID, ReferenceID: w.ReferenceID, ReferenceType: w.ReferenceType, CallingPlanProductID: w.CallingPlanProductID,
		PlanMinutes: w.PlanMinutes, SecondsRemaining: w.SecondsRemaining,
	}
	if w.StartDate != nil {
		p.StartDate = *w.StartDate
	}
	if w.EndDate != nil {
		p.EndDate = *w.EndDate
	}
	return nil
}

// account is a stored account with what belongs to it, each in creation
// order: users, device lines, telephone numbers, history and call detail
// records, and the calling plans of its users and who shares whose.
type account struct {
	Account
	seq     int
	created time.Time
	users   []*User
	lines   []*DeviceLine
	numbers []*accountNumber
	history []*AccountHistory
	cdrs    []*CDR
	plans   map[planRef][]CallingPlan // the users' own plans (the account's are Account.CallingPlans)
	shares  map[planRef]planRef       // a reference that shares another's list → that reference
}

// snapshot copies the account's public part.
func (a *account) snapshot() Account {
	out := a.Account
	out.CallingPlans = slices.Clone(out.CallingPlans)
	return out
}

// accountJSON is the Account wire form of an answer.
type accountJSON struct {
	Account
	EndUserCount int `json:"endUserCount"`
}

func (a *account) wire() accountJSON {
	out := a.snapshot()
	out.CallingPlans = slices.Clone(a.effective(accountRef(a)))
	return accountJSON{Account: out, EndUserCount: len(a.users)}
}

// accountViewJSON is the AccountViewX schema, one result of a search.
type accountViewJSON struct {
	PartitionID   string            `json:"partitionId"`
	ID            string            `json:"id"`
	AccountNumber string            `json:"accountNumber"`
	AccountName   string            `json:"accountName"`
	Type          string            `json:"type"`
	AccountStatus string            `json:"accountStatus"`
	PlatformType  string            `json:"platformType,omitempty"`
	Matches       map[string]string `json:"matches,omitempty"`
}

// SeedAccount stores an account at once, without validation (so a test can
// set up states the API would refuse), and returns it as stored. An empty
// PartitionID is DefaultPartitionID, an empty Status ACTIVE, an empty ID a
// new one. An account with the ID of a stored one replaces it and keeps its
// users and device lines. It panics if another account of the partition
// has the account number.
func (s *Server) SeedAccount(a Account) Account {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a.PartitionID == "" {
		a.PartitionID = DefaultPartitionID
	}
	if a.Status == "" {
		a.Status = "ACTIVE"
	}
	if other := s.accountByNumber(a.PartitionID, a.AccountNumber); other != nil && other.ID != a.ID {
		panic("alianzatest: SeedAccount: account number " + a.AccountNumber + " is in use in partition " + a.PartitionID)
	}
	a.CallingPlans = slices.Clone(a.CallingPlans)
	if old, ok := s.accounts[a.ID]; ok && a.ID != "" {
		old.Account = a
		for _, u := range old.users {
			u.PartitionID = a.PartitionID
		}
		for _, l := range old.lines {
			l.PartitionID = a.PartitionID
		}
		return old.snapshot()
	}
	if a.ID == "" {
		a.ID = s.newID(kindAccount)
	}
	s.ids[a.ID] = true
	return s.addAccount(a).snapshot()
}

// addAccount stores a new account. s.mu must be held.
func (s *Server) addAccount(a Account) *account {
	s.seq++
	acct := &account{Account: a, seq: s.seq, created: s.now()}
	s.accounts[a.ID] = acct
	return acct
}

// Account returns a copy of the account with that id, of any partition.
func (s *Server) Account(id string) (Account, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.accounts[id]
	if !ok {
		return Account{}, false
	}
	return a.snapshot(), true
}

// Accounts returns copies of every account of every partition, oldest
// first.
func (s *Server) Accounts() []Account {
	s.mu.Lock()
	defer s.mu.Unlock()
	accts := s.sortedAccounts("")
	out := make([]Account, len(accts))
	for i, a := range accts {
		out[i] = a.snapshot()
	}
	return out
}

// sortedAccounts returns the accounts of a partition ("" for all), oldest
// first. s.mu must be held.
func (s *Server) sortedAccounts(partition string) []*account {
	out := make([]*account, 0, len(s.accounts))
	for _, a := range s.accounts {
		if partition == "" || a.PartitionID == partition {
			out = append(out, a)
		}
	}
	slices.SortFunc(out, func(a, b *account) int { return a.seq - b.seq })
	return out
}

// accountByNumber finds the account of a partition with that number. s.mu
// must be held.
func (s *Server) accountByNumber(partition, number string) *account {
	for _, a := range s.accounts {
		if a.PartitionID == partition && a.AccountNumber == number {
			return a
		}
	}
	return nil
}

// pathAccount finds the account the path names by id in the path's
// partition: 404 AccountNotFound otherwise. s.mu must be held.
func (s *Server) pathAccount(c *call) (*account, reply, bool) {
	a, ok := s.accounts[c.args[1]]
	if !ok || a.PartitionID != c.args[0] {
		return nil, fail(http.StatusNotFound, MessageAccountNotFound), false
	}
	return a, reply{}, true
}

// validateAccount checks a whole account against the spec and returns the
// message keys of every rule it breaks, nil if none. self is the id of the
// account being replaced ("" for a new one). s.mu must be held.
func (s *Server) validateAccount(a *Account, self string) []string {
	var errs []string
	add := func(key string) { errs = append(errs, key) }
	switch {
	case strings.TrimSpace(a.AccountNumber) == "":
		add(MessageAccountNumberRequired)
	case !length(a.AccountNumber, 3, 256):
		add(MessageInvalidAccountNumber)
	default:
		if other := s.accountByNumber(a.PartitionID, a.AccountNumber); other != nil && other.ID != self {
			add(MessageAccountNumberInUse)
		}
	}
	switch {
	case strings.TrimSpace(a.AccountName) == "":
		add(MessageAccountNameRequired)
	case !length(a.AccountName, 3, 256):
		add(MessageInvalidAccountName)
	}
	switch {
	case a.AccountType == "":
		add(MessageAccountTypeRequired)
	case !slices.Contains(accountTypes, a.AccountType):
		add(MessageInvalidAccountType)
	}
	switch {
	case a.BillingCycleDay == 0:
		add(MessageBillingCycleDayRequired)
	case a.BillingCycleDay < 1 || a.BillingCycleDay > 28:
		add(MessageInvalidBillingCycleDay)
	}
	switch {
	case a.DialingBehaviorType == "":
		add(MessageDialingBehaviorTypeRequired)
	case !slices.Contains(dialingBehaviors, a.DialingBehaviorType),
		dialNine(a.DialingBehaviorType) && a.AccountType != "ADVANCED":
		add(MessageInvalidDialingBehaviorType)
	}
	if a.ExtensionLength != 0 && (a.ExtensionLength < 3 || a.ExtensionLength > 6) {
		add(MessageInvalidExtensionLength)
	}
	if !slices.Contains(accountStatuses, a.Status) {
		add(MessageInvalidAccountStatus)
	}
	if a.TimeZone != "" && !slices.Contains(timeZones, a.TimeZone) {
		add(MessageInvalidTimeZone)
	}
	if a.LanguageTag != "" && !slices.Contains(languageIDs(), a.LanguageTag) {
		add(MessageInvalidLanguageTag)
	}
	if a.InboundRatePlanProductID != "" && !inboundRatePlanKnown(a.InboundRatePlanProductID) {
		add(MessageInvalidInboundRatePlanProductID)
	}
	if a.PlatformType != "" && !slices.Contains(platformTypes, a.PlatformType) {
		add(MessageInvalidPlatformType)
	}
	if a.RegulatoryType != "" && !slices.Contains(regulatoryTypes, a.RegulatoryType) {
		add(MessageInvalidRegulatoryType)
	}
	if a.CustomField != "" && !length(a.CustomField, 3, 256) {
		add(MessageInvalidCustomField)
	}
	if a.HoldTimeoutSeconds != 0 && (a.HoldTimeoutSeconds < 30 || a.HoldTimeoutSeconds > 600) {
		add(MessageInvalidHoldTimeoutSeconds)
	}
	return errs
}

// GET /v2/partition/{partitionId}/account: every account of the partition,
// oldest first.
func (s *Server) listAccounts(c *call) reply {
	accts := s.sortedAccounts(c.args[0])
	out := make([]accountJSON, len(accts))
	for i, a := range accts {
		out[i] = a.wire()
	}
	return answer(http.StatusOK, out)
}

// POST /v2/partition/{partitionId}/account.
func (s *Server) createAccount(c *call) reply {
	var a Account
	if rep, ok := decodeBody(c.raw, &a); !ok {
		return rep
	}
	a.ID, a.PartitionID, a.CallingPlans = "", c.args[0], nil
	if a.Status == "" {
		a.Status = "ACTIVE"
	}
	if errs := s.validateAccount(&a, ""); errs != nil {
		return fail(http.StatusBadRequest, errs...)
	}
	a.ID = s.newID(kindAccount)
	acct := s.addAccount(a)
	s.logHistory(c, acct, AccountHistory{AccountHistoryType: "ACCOUNT", Action: "CREATE", ReferenceType: "Account",
		ReferenceID: acct.ID, ReferenceName: acct.AccountName, NewValue: acct.AccountNumber})
	return answer(http.StatusOK, acct.wire())
}

// GET /v2/partition/{partitionId}/account/search?q=: the accounts of the
// partition whose number, name, user e-mail addresses or device line MAC
// addresses contain q (case-insensitive), oldest first; every account for
// an empty q.
func (s *Server) searchAccounts(c *call) reply {
	q := strings.ToLower(strings.TrimSpace(c.r.URL.Query().Get("q")))
	qMAC := macDigits(q)
	out := []accountViewJSON{}
	for _, a := range s.sortedAccounts(c.args[0]) {
		matches := map[string]string{}
		if q != "" {
			if strings.Contains(strings.ToLower(a.AccountNumber), q) {
				matches["accountNumber"] = a.AccountNumber
			}
			if strings.Contains(strings.ToLower(a.AccountName), q) {
				matches["accountName"] = a.AccountName
			}
			for _, u := range a.users {
				if _, seen := matches["emailAddress"]; !seen && u.EmailAddress != "" && strings.Contains(strings.ToLower(u.EmailAddress), q) {
					matches["emailAddress"] = u.EmailAddress
				}
			}
			for _, l := range a.lines {
				if _, seen := matches["macAddress"]; !seen && qMAC != "" && strings.Contains(l.MACAddress, qMAC) {
					matches["macAddress"] = l.MACAddress
				}
			}
			if len(matches) == 0 {
				continue
			}
		}
		out = append(out, accountViewJSON{
			PartitionID:   a.PartitionID,
			ID:            a.ID,
			AccountNumber: a.AccountNumber,
			AccountName:   a.AccountName,
			Type:          a.AccountType,
			AccountStatus: a.Status,
			PlatformType:  a.PlatformType,
			Matches:       matches,
		})
	}
	return answer(http.StatusOK, out)
}

// GET /v2/partition/{partitionId}/account/{accountId}?accountIdType=: by
// Id (the default), AccountNumber, PhoneNumber (any of its telephone
// numbers; ten digits get the NANP 1) or MacAddress (of any of its device
// lines).
func (s *Server) getAccount(c *call) reply {
	part, key := c.args[0], c.args[1]
	var found *account
	switch idType := c.r.URL.Query().Get("accountIdType"); idType {
	case "", "Id":
		found = s.accounts[key]
		if found != nil && found.PartitionID != part {
			found = nil
		}
	case "AccountNumber":
		found = s.accountByNumber(part, key)
	case "PhoneNumber":
		if tn, ok := canonicalTN(key); ok {
			if a, _ := s.numberOwner(tn); a != nil && a.PartitionID == part {
				found = a
			}
		}
	case "MacAddress":
		mac, ok := normalizeMAC(key)
		if !ok {
			return fail(http.StatusBadRequest, MessageInvalidMacAddress)
		}
		if l := s.lineByMAC(mac); l != nil && l.PartitionID == part {
			found = s.accounts[l.AccountID]
		}
	default:
		return answer(http.StatusBadRequest, apiSingleException{Code: http.StatusBadRequest, Message: MessageInvalidAccountIDType})
	}
	if found == nil {
		return fail(http.StatusNotFound, MessageAccountNotFound)
	}
	return answer(http.StatusOK, found.wire())
}

// PUT /v2/partition/{partitionId}/account/{accountId}: replaces every
// editable field, validated as on create. An absent status keeps the
// current one.
func (s *Server) putAccount(c *call) reply {
	acct, rep, ok := s.pathAccount(c)
	if !ok {
		return rep
	}
	var a Account
	if rep, ok := decodeBody(c.raw, &a); !ok {
		return rep
	}
	return s.replaceAccount(c, acct, a)
}

// PATCH /v2/partition/{partitionId}/account/{accountId}: a JSON merge patch
// of the account, validated as a whole.
func (s *Server) patchAccount(c *call) reply {
	acct, rep, ok := s.pathAccount(c)
	if !ok {
		return rep
	}
	var a Account
	if rep, ok := patchBody(acct.Account, c.raw, &a); !ok {
		return rep
	}
	return s.replaceAccount(c, acct, a)
}

// replaceAccount validates and stores a as the new state of acct, keeping
// its read-only fields, and records what changed: an ACCOUNT_STATUS record
// for the status, an ACCOUNT one for the other fields. s.mu must be held.
func (s *Server) replaceAccount(c *call, acct *account, a Account) reply {
	a.ID, a.PartitionID, a.CallingPlans = acct.ID, acct.PartitionID, acct.CallingPlans
	if a.Status == "" {
		a.Status = acct.Status
	}
	if errs := s.validateAccount(&a, acct.ID); errs != nil {
		return fail(http.StatusBadRequest, errs...)
	}
	old := acct.Account
	acct.Account = a
	if old.Status != a.Status {
		s.logHistory(c, acct, AccountHistory{AccountHistoryType: "ACCOUNT_STATUS", Action: "UPDATE", ReferenceType: "Account",
			ReferenceID: a.ID, ReferenceName: a.AccountName, OldValue: old.Status, NewValue: a.Status})
	}
	if before, after := changes(old, a, "status", "callingPlans"); before != "" || after != "" {
		s.logHistory(c, acct, AccountHistory{AccountHistoryType: "ACCOUNT", Action: "UPDATE", ReferenceType: "Account",
			ReferenceID: a.ID, ReferenceName: a.AccountName, OldValue: before, NewValue: after})
	}
	return answer(http.StatusOK, acct.wire())
}

// DELETE /v2/partition/{partitionId}/account/{accountId}: the account, its
// users and its device lines are gone (the spec: "deleted accounts are no
// longer retained"); their SIP usernames and MAC addresses are free again,
// and its telephone numbers go back to the inventory (one DISCONNECT
// event for them all).
func (s *Server) deleteAccount(c *call) reply {
	acct, rep, ok := s.pathAccount(c)
	if !ok {
		return rep
	}
	var tns []string
	for _, n := range slices.Clone(acct.numbers) {
		tns = append(tns, n.PhoneNumber)
		s.dropNumber(acct, n)
	}
	if tns != nil {
		s.recordEvent(acct, StatusEvent{ServiceType: "DISCONNECT", ReferenceType: "TELEPHONE", ReferenceID: acct.ID,
			ActivationStatusType: "COMPLETED", CreatedDate: s.now()}, tns, nil)
	}
	delete(s.accounts, acct.ID)
	return answer(http.StatusOK, nil)
}
