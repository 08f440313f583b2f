package alianzatest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"
	"time"
)

// AccountHistory is one change to an account (the spec's AccountHistoryX),
// as the fake records it and the history search answers it.
type AccountHistory struct {
	ID                 string    `json:"id"`
	AccountID          string    `json:"accountId"`
	AccountNumber      string    `json:"accountNumber"`
	OldValue           string    `json:"oldValue,omitempty"`
	NewValue           string    `json:"newValue,omitempty"`
	UserName           string    `json:"userName,omitempty"`
	UserID             string    `json:"userId,omitempty"`
	UserType           string    `json:"userType,omitempty"`
	PartitionName      string    `json:"partitionName,omitempty"`
	AccountHistoryType string    `json:"accountHistoryType"`
	LoggedDate         time.Time `json:"loggedDate"`
	ReferenceType      string    `json:"referenceType,omitempty"`
	ReferenceID        string    `json:"referenceId,omitempty"`
	ReferenceName      string    `json:"referenceName,omitempty"`
	Action             string    `json:"action,omitempty"`
}

// logHistory records a change to acct made by the caller: h with its id,
// the account, the caller as a ManagementUser, the partition and the time
// filled in. s.mu must be held.
func (s *Server) logHistory(c *call, acct *account, h AccountHistory) {
	h.ID, h.AccountID, h.AccountNumber, h.PartitionName = s.newID(kindHistory), acct.ID, acct.AccountNumber, acct.PartitionID
	h.UserName, h.UserID, h.UserType = c.user.username, c.user.id, "ManagementUser"
	h.LoggedDate = s.now()
	acct.history = append(acct.history, &h)
}

// changes names the fields that differ between the wire forms of old and
// cur, but those in skip, as "field=value" lists for oldValue and newValue,
// in the order of the field names; "" when nothing changed.
func changes(old, cur any, skip ...string) (before, after string) {
	var a, b map[string]any
	ja, _ := json.Marshal(old)
	jb, _ := json.Marshal(cur)
	_ = json.Unmarshal(ja, &a)
	_ = json.Unmarshal(jb, &b)
	names := map[string]bool{}
	for k := range a {
		names[k] = true
	}
	for k := range b {
		names[k] = true
	}
	var sorted []string
	for k := range names {
		if !slices.Contains(skip, k) {
			sorted = append(sorted, k)
		}
	}
	sort.Strings(sorted)
	var was, now []string
	for _, k := range sorted {
		va, inA := a[k]
		vb, inB := b[k]
		if inA == inB && fmt.Sprint(va) == fmt.Sprint(vb) {
			continue
		}
		if inA {
			was = append(was, fmt.Sprintf("%s=%v", k, va))
		}
		if inB {
			now = append(now, fmt.Sprintf("%s=%v", k, vb))
		}
	}
	return strings.Join(was, ", "), strings.Join(now, ", ")
}

// SeedAccountHistory stores a history record of an account at once and
// returns it as stored: the id is new, AccountID, AccountNumber and
// PartitionName are the account's, an empty AccountHistoryType is ACCOUNT,
// an empty Action UPDATE, and a zero LoggedDate now. It panics if the
// account does not exist.
func (s *Server) SeedAccountHistory(h AccountHistory) AccountHistory {
	s.mu.Lock()
	defer s.mu.Unlock()
	acct, ok := s.accounts[h.AccountID]
	if !ok {
		panic("alianzatest: SeedAccountHistory: no account " + h.AccountID)
	}
	h.ID, h.AccountNumber, h.PartitionName = s.newID(kindHistory), acct.AccountNumber, acct.PartitionID
	if h.AccountHistoryType == "" {
		h.AccountHistoryType = "ACCOUNT"
	}
	if h.Action == "" {
		h.Action = "UPDATE"
	}
	if h.LoggedDate.IsZero() {
		h.LoggedDate = s.now()
	}
	stored := h
	acct.history = append(acct.history, &stored)
	return h
}

// History returns copies of the history records of an account, oldest
// first (nil for an account without any or one that does not exist).
func (s *Server) History(accountID string) []AccountHistory {
	s.mu.Lock()
	defer s.mu.Unlock()
	acct, ok := s.accounts[accountID]
	if !ok {
		return nil
	}
	var out []AccountHistory
	for _, h := range acct.history {
		out = append(out, *h)
	}
	return out
}

// historySearchJSON is the AccountHistorySearchResponseX schema.
type historySearchJSON struct {
	TotalRecords           int              `json:"totalRecords"`
	AccountCreatedDate     time.Time        `json:"accountCreatedDate"`
	AccountLastUpdatedDate time.Time        `json:"accountLastUpdatedDate"`
	Results                []AccountHistory `json:"results"`
}

// GET …/account/{accountId}/accounthistorysearch: the account's history,
// oldest first, of the accountHistoryType given (any of, repeated) and
// logged from startDate to endDate (YYYY-MM-DD, inclusive, in UTC). Paged
// with firstResultIndex and maxResult (default 20).
func (s *Server) searchHistory(c *call) reply {
	acct, rep, ok := s.pathAccount(c)
	if !ok {
		return rep
	}
	q := c.r.URL.Query()
	var errs keys
	types := enums(q, "accountHistoryType", accountHistoryTypes, MessageInvalidAccountHistoryType, &errs)
	from, to := dateRange(q, false, &errs)
	first, size := pageOf(q, DefaultHistoryPageSize, &errs)
	if errs != nil {
		return fail(http.StatusBadRequest, errs...)
	}
	var found []AccountHistory
	for _, h := range acct.history {
		if (len(types) == 0 || slices.Contains(types, h.AccountHistoryType)) && within(h.LoggedDate, from, to) {
			found = append(found, *h)
		}
	}
	updated := acct.created
	if n := len(acct.history); n > 0 && acct.history[n-1].LoggedDate.After(updated) {
		updated = acct.history[n-1].LoggedDate
	}
	return answer(http.StatusOK, historySearchJSON{TotalRecords: len(found), AccountCreatedDate: acct.created,
		AccountLastUpdatedDate: updated, Results: window(found, first, size)})
}
