package alianzatest

import (
	"net/http"
	"slices"
	"time"
)

// StatusEvent is a service activation event (the spec's
// ServiceActivationEventX): an activation, port, disconnect or 911 address
// change of telephone numbers, with its status, as the fake records it and
// the status search answers it. MainTelephoneNumber is the first number of
// the event, SubTelephoneNumbers the others.
type StatusEvent struct {
	ID                   string           `json:"id"`
	PartitionID          string           `json:"partitionId"`
	AccountID            string           `json:"accountId,omitempty"`
	ServiceType          string           `json:"serviceType"`
	ReferenceType        string           `json:"referenceType,omitempty"`
	ReferenceID          string           `json:"referenceId,omitempty"`
	ActivationStatusType string           `json:"activationStatusType"`
	CreatedDate          time.Time        `json:"createdDate"`
	LastUpdatedDate      time.Time        `json:"lastUpdatedDate"`
	FOCDate              *time.Time       `json:"focDate,omitempty"`
	CRDDate              *time.Time       `json:"crdDate,omitempty"`
	City                 string           `json:"city,omitempty"`
	MainTelephoneNumber  string           `json:"mainTelephoneNumber,omitempty"`
	SubTelephoneNumbers  []string         `json:"subTelephoneNumbers,omitempty"`
	FirstName            string           `json:"firstName,omitempty"`
	LastName             string           `json:"lastName,omitempty"`
	CompanyName          string           `json:"companyName,omitempty"`
	State                string           `json:"state,omitempty"`
	InboundCarrierType   string           `json:"inboundCarrierType,omitempty"`
	Logs                 []StatusEventLog `json:"logs"`
}

// StatusEventLog is one step of a StatusEvent (ServiceActivationEventLogX):
// each status it took, when.
type StatusEventLog struct {
	Status       string    `json:"status"`
	ActionDate   time.Time `json:"actionDate"`
	CreationDate time.Time `json:"creationDate"`
	Message      string    `json:"message,omitempty"`
}

func (e *StatusEvent) clone() StatusEvent {
	out := *e
	out.SubTelephoneNumbers = slices.Clone(e.SubTelephoneNumbers)
	out.Logs = slices.Clone(e.Logs)
	if e.FOCDate != nil {
		t := *e.FOCDate
		out.FOCDate = &t
	}
	if e.CRDDate != nil {
		t := *e.CRDDate
		out.CRDDate = &t
	}
	return out
}

// numbers are the event's telephone numbers.
func (e *StatusEvent) numbers() []string {
	if e.MainTelephoneNumber == "" {
		return e.SubTelephoneNumbers
	}
	return append([]string{e.MainTelephoneNumber}, e.SubTelephoneNumbers...)
}

// terminalStatuses are the statuses of a finished event: its numbers are
// free to be removed.
var terminalStatuses = []string{"COMPLETED", "CORRECTED_COMPLETED", "CANCELLED", "CARRIER_CANCELLED", "REJECTED", "COOLDOWN"}

// recordEvent stores a new event of acct about tns (at least one), with
// the subscriber's name, company, city and state from a customer service
// record. s.mu must be held.
func (s *Server) recordEvent(acct *account, e StatusEvent, tns []string, csr map[string]any) {
	e.ID, e.PartitionID, e.AccountID = s.newID(kindStatusEvent), acct.PartitionID, acct.ID
	e.MainTelephoneNumber, e.SubTelephoneNumbers = tns[0], slices.Clone(tns[1:])
	e.LastUpdatedDate = e.CreatedDate
	e.Logs = []StatusEventLog{{Status: e.ActivationStatusType, ActionDate: e.CreatedDate, CreationDate: e.CreatedDate}}
	str := func(k string) string { v, _ := csr[k].(string); return v }
	e.FirstName, e.LastName, e.CompanyName, e.City, e.State = str("firstName"), str("lastName"), str("businessName"), str("city"), str("state")
	s.events = append(s.events, &e)
}

// eventPending reports whether an unfinished event of the account names
// the number. s.mu must be held.
func (s *Server) eventPending(accountID, tn string) bool {
	for _, e := range s.events {
		if e.AccountID == accountID && !slices.Contains(terminalStatuses, e.ActivationStatusType) && slices.Contains(e.numbers(), tn) {
			return true
		}
	}
	return false
}

// SeedStatusEvent stores a status event at once and returns it as stored:
// an empty ID is a new one, an empty PartitionID the account's (or
// DefaultPartitionID), an empty ServiceType ACTIVATION, an empty
// ActivationStatusType COMPLETED, a zero CreatedDate now, a zero
// LastUpdatedDate the CreatedDate, and no Logs one log of the status. The
// event is not checked against the account's numbers.
func (s *Server) SeedStatusEvent(e StatusEvent) StatusEvent {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e.PartitionID == "" {
		e.PartitionID = DefaultPartitionID
		if a, ok := s.accounts[e.AccountID]; ok {
			e.PartitionID = a.PartitionID
		}
	}
	if e.ID == "" {
		e.ID = s.newID(kindStatusEvent)
	}
	s.ids[e.ID] = true
	if e.ServiceType == "" {
		e.ServiceType = "ACTIVATION"
	}
	if e.ActivationStatusType == "" {
		e.ActivationStatusType = "COMPLETED"
	}
	if e.CreatedDate.IsZero() {
		e.CreatedDate = s.now()
	}
	if e.LastUpdatedDate.IsZero() {
		e.LastUpdatedDate = e.CreatedDate
	}
	if e.Logs == nil {
		e.Logs = []StatusEventLog{{Status: e.ActivationStatusType, ActionDate: e.CreatedDate, CreationDate: e.CreatedDate}}
	}
	stored := e.clone()
	s.events = append(s.events, &stored)
	return stored.clone()
}

// StatusEvents returns copies of the status events of a partition ("" for
// every partition), oldest first.
func (s *Server) StatusEvents(partitionID string) []StatusEvent {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []StatusEvent
	for _, e := range s.events {
		if partitionID == "" || e.PartitionID == partitionID {
			out = append(out, e.clone())
		}
	}
	return out
}

// UpdateStatusEvent moves an event to a status of the spec's enum, as the
// carrier would, logging the step, and reports whether the event exists.
// COMPLETED and CORRECTED_COMPLETED make the event's numbers still on hold
// or pending a port ACTIVE; CANCELLED, CARRIER_CANCELLED and REJECTED take
// them off the account (back to the inventory). It panics on a status
// outside the enum.
func (s *Server) UpdateStatusEvent(id, status string) bool {
	if !slices.Contains(activationStatuses, status) {
		panic("alianzatest: UpdateStatusEvent: " + status + " is not an activation status")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	i := slices.IndexFunc(s.events, func(e *StatusEvent) bool { return e.ID == id })
	if i < 0 {
		return false
	}
	e, now := s.events[i], s.now()
	e.ActivationStatusType, e.LastUpdatedDate = status, now
	e.Logs = append(e.Logs, StatusEventLog{Status: status, ActionDate: now, CreationDate: now})
	acct := s.accounts[e.AccountID]
	if acct == nil {
		return true
	}
	for _, tn := range e.numbers() {
		n := acct.number(tn)
		if n == nil || n.CarrierStatus != "ACTIVATION_ON_HOLD" && n.CarrierStatus != "PORT_PENDING" {
			continue
		}
		switch status {
		case "COMPLETED", "CORRECTED_COMPLETED":
			n.CarrierStatus = "ACTIVE"
		case "CANCELLED", "CARRIER_CANCELLED", "REJECTED":
			s.dropNumber(acct, n)
		}
	}
	return true
}

// GET /v2/partition/{partitionId}/telephonenumber/statussearch: the
// partition's events, oldest first, that match every filter given:
// accountId, telephoneNumber (the main or a sub number), eventType and
// statusType (any of, repeated), and startDate and endDate (YYYY-MM-DD, or
// RFC 3339 instants) applied to the date dateType names (CreatedDate by
// default; an event without a FOC date has none). Paged with
// firstResultIndex and maxResult (default 50).
func (s *Server) searchStatusEvents(c *call) reply {
	q := c.r.URL.Query()
	var errs keys
	tn := q.Get("telephoneNumber")
	if tn != "" {
		var ok bool
		if tn, ok = canonicalTN(tn); !ok {
			errs.add(MessageInvalidTelephoneNumber)
		}
	}
	types := enums(q, "eventType", eventTypes, MessageInvalidEventType, &errs)
	statuses := enums(q, "statusType", activationStatuses, MessageInvalidStatusType, &errs)
	dateType := q.Get("dateType")
	errs.enum(dateType, dateTypes, MessageInvalidDateType)
	from, to := dateRange(q, true, &errs)
	first, size := pageOf(q, DefaultStatusPageSize, &errs)
	if errs != nil {
		return fail(http.StatusBadRequest, errs...)
	}
	acctID := q.Get("accountId")
	var found []StatusEvent
	for _, e := range s.events {
		if e.PartitionID != c.args[0] || acctID != "" && e.AccountID != acctID || tn != "" && !slices.Contains(e.numbers(), tn) ||
			len(types) > 0 && !slices.Contains(types, e.ServiceType) ||
			len(statuses) > 0 && !slices.Contains(statuses, e.ActivationStatusType) {
			continue
		}
		if !from.IsZero() || !to.IsZero() {
			var when *time.Time
			switch dateType {
			case "FOCDate":
				when = e.FOCDate
			case "UpdatedDate":
				when = &e.LastUpdatedDate
			default:
				when = &e.CreatedDate
			}
			if when == nil || !within(*when, from, to) {
				continue
			}
		}
		found = append(found, e.clone())
	}
	return answer(http.StatusOK, searchJSON[StatusEvent]{TotalRecords: len(found), Results: window(found, first, size)})
}
