package alianzatest

import (
	"fmt"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// CDR is a call detail record, one leg of a call (the spec's
// CallDetailRecord), with the fields the fake keeps. The fake makes no
// calls: records are seeded (SeedCDRs, SeedCDR).
type CDR struct {
	ID                      string    `json:"id"`
	PartitionID             string    `json:"partitionId"`
	AccountID               string    `json:"accountId"`
	AccountNumber           string    `json:"accountNumber,omitempty"`
	StartTime               time.Time `json:"startTime"`
	EndTime                 time.Time `json:"endTime"`
	ActualCallLengthSeconds int64     `json:"actualCallLengthSeconds"`
	BillCallLengthSeconds   int64     `json:"billCallLengthSeconds"`
	RatePerMinute           float64   `json:"ratePerMinute"`
	Cost                    float64   `json:"cost"`
	InPlan                  bool      `json:"inPlan"`
	DialedNumber            string    `json:"dialedNumber,omitempty"`
	OrigNumber              string    `json:"origNumber,omitempty"`
	TermNumber              string    `json:"termNumber,omitempty"`
	OrigCallCategory        string    `json:"origCallCategory,omitempty"`
	TermCallCategory        string    `json:"termCallCategory,omitempty"`
	CallType                string    `json:"callType,omitempty"`
	CallFlagType            string    `json:"callFlagType,omitempty"`
	DisconnectType          string    `json:"disconnectType,omitempty"`
	LegType                 string    `json:"legType,omitempty"`
	RateType                string    `json:"rateType,omitempty"`
	ReferenceID             string    `json:"referenceId,omitempty"`
	ReferenceType           string    `json:"referenceType,omitempty"`
}

// SeedCDR stores a call detail record of the account r.AccountID and
// returns it as stored: the id is new, PartitionID and AccountNumber are the
// account's, a zero StartTime is now and a zero EndTime StartTime plus
// ActualCallLengthSeconds. It panics if the account does not exist.
func (s *Server) SeedCDR(r CDR) CDR {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.seedCDR(r)
}

func (s *Server) seedCDR(r CDR) CDR {
	acct, ok := s.accounts[r.AccountID]
	if !ok {
		panic("alianzatest: seeding CDRs: no account " + r.AccountID)
	}
	r.ID, r.PartitionID, r.AccountNumber = s.newID(kindCDR), acct.PartitionID, acct.AccountNumber
	if r.StartTime.IsZero() {
		r.StartTime = s.now()
	}
	if r.EndTime.IsZero() {
		r.EndTime = r.StartTime.Add(time.Duration(r.ActualCallLengthSeconds) * time.Second)
	}
	stored := r
	acct.cdrs = append(acct.cdrs, &stored)
	return r
}

// SeedCDRs stores n generated call detail records of an account, one a
// minute, the last starting a minute ago, and returns them oldest first.
// Record k (from 0) lasts 60+k seconds, billed by the started minute at
// 0.02 a minute; even records are OUTBOUND, odd ones INBOUND; every fifth
// (k%5 == 4) is MISSED, the others ANSWERED. The account's side is its first
// telephone number (18015550100 without one), the other side 1801555 and
// four digits from 2000+k. It panics if the account does not exist.
func (s *Server) SeedCDRs(accountID string, n int) []CDR {
	s.mu.Lock()
	defer s.mu.Unlock()
	acct, ok := s.accounts[accountID]
	if !ok {
		panic("alianzatest: SeedCDRs: no account " + accountID)
	}
	own := "18015550100"
	if len(acct.numbers) > 0 {
		own = acct.numbers[0].PhoneNumber
	}
	now := s.now().Truncate(time.Second)
	out := make([]CDR, 0, n)
	for k := range n {
		length := int64(60 + k)
		billed := (length + 59) / 60 * 60
		r := CDR{
			AccountID: accountID, StartTime: now.Add(-time.Duration(n-k) * time.Minute), ActualCallLengthSeconds: length,
			BillCallLengthSeconds: billed, RatePerMinute: 0.02, Cost: math.Round(float64(billed)/60*0.02*10000) / 10000,
			CallFlagType: "ANSWERED", DisconnectType: "HangUp", RateType: "OffPlanRated", ReferenceID: accountID, ReferenceType: "ACCOUNT",
		}
		other := fmt.Sprintf("1801555%04d", 2000+k)
		if k%2 == 0 {
			r.CallType, r.LegType, r.OrigNumber, r.TermNumber, r.DialedNumber = "OUTBOUND", "Origination", own, other, other
			r.OrigCallCategory, r.TermCallCategory = "OnNet", "OffNet"
		} else {
			r.CallType, r.LegType, r.OrigNumber, r.TermNumber, r.DialedNumber = "INBOUND", "Termination", other, own, own
			r.OrigCallCategory, r.TermCallCategory = "OffNet", "OnNet"
		}
		if k%5 == 4 {
			r.CallFlagType = "MISSED"
		}
		out = append(out, s.seedCDR(r))
	}
	return out
}

// timeOfDay reads a startTime or endTime filter: HH:MM or HH:MM:SS (a time
// of day, in UTC) or an RFC 3339 instant.
func timeOfDay(v string) (clock time.Duration, instant time.Time, ok bool) {
	for _, layout := range []string{"15:04", "15:04:05"} {
		if t, err := time.Parse(layout, v); err == nil {
			return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute + time.Duration(t.Second())*time.Second, time.Time{}, true
		}
	}
	t, err := time.Parse(time.RFC3339, v)
	return 0, t, err == nil
}

// sinceMidnight is the time of day of t in UTC.
func sinceMidnight(t time.Time) time.Duration {
	t = t.UTC()
	return t.Sub(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC))
}

// validCDRAccountID is the spec's rule for cdrsearch's accountId: letters,
// digits, '-' and '_'.
func validCDRAccountID(id string) bool {
	return strings.Trim(id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") == ""
}

// GET …/account/{accountId}/cdrsearch: the account's records that started
// from startDate to endDate (yyyy-MM-dd, both required, inclusive, in UTC)
// and match every filter given (see the package doc), sorted by sort (DATE
// by default) in sortOrder (ASC by default), ties in the order stored.
// Paged with firstResultIndex and maxResult (default 20).
func (s *Server) searchCDRs(c *call) reply {
	if !validCDRAccountID(c.args[1]) {
		return fail(http.StatusBadRequest, MessageInvalidAccountID)
	}
	acct, rep, ok := s.pathAccount(c)
	if !ok {
		return rep
	}
	q := c.r.URL.Query()
	var errs keys
	if q.Get("startDate") == "" {
		errs.add(MessageStartDateRequired)
	}
	if q.Get("endDate") == "" {
		errs.add(MessageEndDateRequired)
	}
	from, to := dateRange(q, false, &errs)
	categories := enums(q, "callCategory", callCategories, MessageInvalidCallCategory, &errs)
	flags := enums(q, "callFlagType", callFlagTypes, MessageInvalidCallFlagType, &errs)
	types := enums(q, "callType", callTypes, MessageInvalidCallType, &errs)
	minCost := math.Inf(-1)
	if v := q.Get("minCost"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsNaN(f) {
			errs.add(MessageInvalidMinCost)
		}
		minCost = f
	}
	sortBy, order := q.Get("sort"), q.Get("sortOrder")
	errs.enum(sortBy, cdrSorts, MessageInvalidSort)
	errs.enum(order, sortOrders, MessageInvalidSortOrder)
	var startClock, endClock time.Duration
	var startAt, endAt time.Time
	if v := q.Get("startTime"); v != "" {
		if startClock, startAt, ok = timeOfDay(v); !ok {
			errs.add(MessageInvalidStartTime)
		}
	}
	endClock = 24 * time.Hour
	if v := q.Get("endTime"); v != "" {
		if endClock, endAt, ok = timeOfDay(v); !ok {
			errs.add(MessageInvalidEndTime)
		}
	}
	first, size := pageOf(q, DefaultCDRPageSize, &errs)
	if errs != nil {
		return fail(http.StatusBadRequest, errs...)
	}
	dialed, orig, term := q.Get("dialedNumber"), q.Get("origNumber"), q.Get("termNumber")
	var found []CDR
	for _, r := range acct.cdrs {
		clock := sinceMidnight(r.StartTime)
		switch {
		case !within(r.StartTime, from, to),
			len(categories) > 0 && !slices.Contains(categories, r.OrigCallCategory) && !slices.Contains(categories, r.TermCallCategory),
			len(flags) > 0 && !slices.Contains(flags, r.CallFlagType),
			len(types) > 0 && !slices.Contains(types, r.CallType),
			dialed != "" && r.DialedNumber != dialed, orig != "" && r.OrigNumber != orig, term != "" && r.TermNumber != term,
			r.Cost < minCost,
			!startAt.IsZero() && r.StartTime.Before(startAt), !endAt.IsZero() && r.StartTime.After(endAt),
			startAt.IsZero() && clock < startClock, endAt.IsZero() && clock > endClock:
			continue
		}
		found = append(found, *r)
	}
	slices.SortStableFunc(found, func(a, b CDR) int {
		var d int
		switch sortBy {
		case "COST":
			d = cmpFloat(a.Cost, b.Cost)
		case "CALL_LENGTH":
			d = cmpFloat(float64(a.ActualCallLengthSeconds), float64(b.ActualCallLengthSeconds))
		default:
			d = a.StartTime.Compare(b.StartTime)
		}
		if order == "DESC" {
			d = -d
		}
		return d
	})
	return answer(http.StatusOK, searchJSON[CDR]{TotalRecords: len(found), Results: window(found, first, size)})
}
