package alianza

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pagedServer serves total status events, honouring firstResultIndex and
// maxResult; fail, when it returns true for a request's first index, makes
// that request answer 500.
func pagedServer(t *testing.T, total int, fail func(first int) bool) (*wireRecorder, *NumbersService) {
	t.Helper()
	w, c := newWireRecorder(t, func(r *http.Request, _ []byte) (int, string) {
		q := r.URL.Query()
		first, err1 := strconv.Atoi(q.Get("firstResultIndex"))
		max, err2 := strconv.Atoi(q.Get("maxResult"))
		if err1 != nil || err2 != nil {
			return 400, `{"status":400,"messages":["BadPaging"]}`
		}
		if fail != nil && fail(first) {
			return 500, `{"status":500,"messages":["InternalError"]}`
		}
		var results []string
		for i := first; i < total && i < first+max; i++ {
			results = append(results, fmt.Sprintf(`{"id":"ev%d","serviceType":"ACTIVATION","activationStatusType":"COMPLETED"}`, i))
		}
		return 200, fmt.Sprintf(`{"totalRecords":%d,"results":[%s]}`, total, strings.Join(results, ","))
	})
	return w, &NumbersService{c: c}
}

// firsts returns the firstResultIndex of every request.
func (w *wireRecorder) firsts(t *testing.T) []int {
	t.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []int
	for _, r := range w.reqs {
		q, err := url.ParseQuery(r.query)
		require.NoError(t, err)
		n, err := strconv.Atoi(q.Get("firstResultIndex"))
		require.NoError(t, err)
		out = append(out, n)
	}
	return out
}

func collect[T any](t *testing.T, seq func(func(T, error) bool)) ([]T, []error) {
	t.Helper()
	var items []T
	var errs []error
	for v, err := range seq {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		items = append(items, v)
	}
	return items, errs
}

func TestPagerStopsOnShortPage(t *testing.T) {
	w, s := pagedServer(t, 5, nil)
	evs, errs := collect(t, s.StatusEvents(context.Background(), &StatusEventOptions{PageSize: 2}))
	require.Empty(t, errs)
	require.Len(t, evs, 5)
	for i, ev := range evs {
		assert.Equal(t, fmt.Sprintf("ev%d", i), ev.ID)
	}
	assert.Equal(t, []int{0, 2, 4}, w.firsts(t), "the short page at 4 is the end")
	assert.Equal(t, "firstResultIndex=4&maxResult=2", w.last(t).query)
}

// With totalRecords, a total that is a multiple of the page size costs no
// extra request.
func TestPagerExactBoundaryWithTotal(t *testing.T) {
	w, s := pagedServer(t, 4, nil)
	evs, errs := collect(t, s.StatusEvents(context.Background(), &StatusEventOptions{PageSize: 2}))
	require.Empty(t, errs)
	assert.Len(t, evs, 4)
	assert.Equal(t, []int{0, 2}, w.firsts(t), "the total says the second page was the last")
}

// A server that caps maxResult below the page size asked for does not end
// the walk early when it reports a total.
func TestPagerServerCapWithTotal(t *testing.T) {
	w, c := newWireRecorder(t, func(r *http.Request, _ []byte) (int, string) {
		first, _ := strconv.Atoi(r.URL.Query().Get("firstResultIndex"))
		var results []string
		for i := first; i < 7 && i < first+3; i++ { // at most 3 per page, whatever was asked
			results = append(results, fmt.Sprintf(`{"id":"ev%d"}`, i))
		}
		return 200, fmt.Sprintf(`{"totalRecords":7,"results":[%s]}`, strings.Join(results, ","))
	})
	evs, errs := collect(t, (&NumbersService{c: c}).StatusEvents(context.Background(), &StatusEventOptions{PageSize: 5}))
	require.Empty(t, errs)
	assert.Len(t, evs, 7)
	assert.Equal(t, []int{0, 3, 6}, w.firsts(t))
}

// Without a total, a full last page costs one empty request, and nothing
// after it.
func TestPagerExactBoundaryWithoutTotal(t *testing.T) {
	w, c := newWireRecorder(t, func(r *http.Request, _ []byte) (int, string) {
		first, _ := strconv.Atoi(r.URL.Query().Get("firstResultIndex"))
		var results []string
		for i := first; i < 4 && i < first+2; i++ {
			results = append(results, fmt.Sprintf(`{"id":"ev%d"}`, i))
		}
		return 200, fmt.Sprintf(`{"results":[%s]}`, strings.Join(results, ","))
	})
	evs, errs := collect(t, (&NumbersService{c: c}).StatusEvents(context.Background(), &StatusEventOptions{PageSize: 2}))
	require.Empty(t, errs)
	assert.Len(t, evs, 4)
	assert.Equal(t, []int{0, 2, 4}, w.firsts(t), "one empty page, and nothing after it")
}

func TestPagerEmpty(t *testing.T) {
	w, s := pagedServer(t, 0, nil)
	evs, errs := collect(t, s.StatusEvents(context.Background(), &StatusEventOptions{}))
	assert.Empty(t, errs)
	assert.Empty(t, evs)
	assert.Equal(t, []int{0}, w.firsts(t))
	assert.Equal(t, "firstResultIndex=0&maxResult=50", w.last(t).query, "the spec's default page size")
}

func TestPagerBreakStopsRequests(t *testing.T) {
	w, s := pagedServer(t, 100, nil)
	n := 0
	for ev, err := range s.StatusEvents(context.Background(), &StatusEventOptions{PageSize: 10}) {
		require.NoError(t, err)
		n++
		if ev.ID == "ev13" { // mid-page
			break
		}
	}
	assert.Equal(t, 14, n)
	assert.Equal(t, []int{0, 10}, w.firsts(t))

	// A break on the last item of a page does not fetch the next one.
	w, s = pagedServer(t, 100, nil)
	for ev := range s.StatusEvents(context.Background(), &StatusEventOptions{PageSize: 10}) {
		if ev.ID == "ev9" {
			break
		}
	}
	assert.Equal(t, []int{0}, w.firsts(t))
}

func TestPagerErrorMidStream(t *testing.T) {
	w, s := pagedServer(t, 10, func(first int) bool { return first == 4 })
	var ids []string
	var errs []error
	for ev, err := range s.StatusEvents(context.Background(), &StatusEventOptions{PageSize: 2}) {
		if err != nil {
			errs = append(errs, err)
			assert.Equal(t, StatusEvent{}, ev, "a zero value with the error")
			continue // the iterator stops by itself
		}
		ids = append(ids, ev.ID)
	}
	assert.Equal(t, []string{"ev0", "ev1", "ev2", "ev3"}, ids)
	require.Len(t, errs, 1, "the error is yielded once")
	var e *Error
	require.ErrorAs(t, errs[0], &e)
	assert.Equal(t, "Numbers.StatusEvents", e.Op)
	assert.Equal(t, 500, e.HTTPStatus)
	assert.Equal(t, []int{0, 2, 4}, w.firsts(t), "nothing after the failed page")
}

func TestPagerBadPage(t *testing.T) {
	body := `{"totalRecords":1,"results":{"id":"x"}}`
	w, c := newWireRecorder(t, func(*http.Request, []byte) (int, string) { return 200, body })
	s := &NumbersService{c: c}
	_, errs := collect(t, s.StatusEvents(context.Background(), &StatusEventOptions{}))
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrBadResponse)
	assert.Equal(t, 1, w.count())

	body = `<html>`
	_, errs = collect(t, s.StatusEvents(context.Background(), &StatusEventOptions{}))
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrBadResponse)
}

func TestPagerLongPage(t *testing.T) {
	// A server that ignores maxResult: the long page is taken whole, and
	// the next request starts after it.
	w, c := newWireRecorder(t, func(r *http.Request, _ []byte) (int, string) {
		if r.URL.Query().Get("firstResultIndex") == "0" {
			return 200, `{"results":[{"id":"a"},{"id":"b"},{"id":"c"}]}`
		}
		return 200, `{"results":[]}`
	})
	s := &NumbersService{c: c}
	evs, errs := collect(t, s.StatusEvents(context.Background(), &StatusEventOptions{PageSize: 2}))
	require.Empty(t, errs)
	assert.Len(t, evs, 3)
	assert.Equal(t, []int{0, 3}, w.firsts(t))
}

func TestPagerRangesAgain(t *testing.T) {
	w, s := pagedServer(t, 3, nil)
	seq := s.StatusEvents(context.Background(), &StatusEventOptions{PageSize: 2})
	a, _ := collect(t, seq)
	b, _ := collect(t, seq)
	assert.Equal(t, a, b)
	assert.Equal(t, []int{0, 2, 0, 2}, w.firsts(t))
}

func TestPagerLoginFailure(t *testing.T) {
	_, c := newWireRecorder(t, func(*http.Request, []byte) (int, string) { return 200, `{"results":[]}` })
	c.sess.login = func(context.Context) (*wireLoginToken, error) {
		return nil, &Error{Op: "Login", HTTPStatus: 401}
	}
	_, errs := collect(t, (&NumbersService{c: c}).StatusEvents(context.Background(), &StatusEventOptions{}))
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrUnauthorized)
	var e *Error
	require.ErrorAs(t, errs[0], &e)
	assert.Equal(t, "Numbers.StatusEvents (login)", e.Op)
}

func TestPagerContextEnds(t *testing.T) {
	w, s := pagedServer(t, 100, nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var errs []error
	n := 0
	for _, err := range s.StatusEvents(ctx, &StatusEventOptions{PageSize: 10}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if n++; n == 10 {
			cancel()
		}
	}
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], context.Canceled)
	assert.Equal(t, 1, w.count(), "the second page was never sent")
}

func TestPagesGeneric(t *testing.T) {
	// pages with its own extract, on a plain array answer.
	w, c := newWireRecorder(t, func(r *http.Request, _ []byte) (int, string) {
		switch r.URL.Query().Get("firstResultIndex") {
		case "0":
			return 200, `[1,2,3]`
		case "3":
			return 200, `[4]`
		}
		return 200, `[]`
	})
	extract := func(b []byte) ([]int, int, error) {
		var out []int
		return out, -1, json.Unmarshal(b, &out)
	}
	var got []int
	for v, err := range pages(context.Background(), c, "Test.Pages", func(p string) string { return partitionPath(p, "x") },
		url.Values{"k": {"v"}}, 3, extract) {
		require.NoError(t, err)
		got = append(got, v)
	}
	assert.Equal(t, []int{1, 2, 3, 4}, got)
	assert.Equal(t, "firstResultIndex=3&k=v&maxResult=3", w.last(t).query)
	assert.Equal(t, "/v2/partition/part%201/x", w.last(t).path)

	boom := errors.New("boom")
	var errs []error
	for _, err := range pages(context.Background(), c, "Test.Pages", func(p string) string { return partitionPath(p, "x") },
		nil, 3, func([]byte) ([]int, int, error) { return nil, 0, boom }) {
		errs = append(errs, err)
	}
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrBadResponse)
	assert.Contains(t, errs[0].Error(), "boom")
}

func TestStatusEventsWire(t *testing.T) {
	w, c := newWireRecorder(t, func(*http.Request, []byte) (int, string) {
		return 200, `{"totalRecords":1,"results":[{"id":"sae1","partitionId":"part 1","accountId":"a/1",
			"serviceType":"PORT_REQUEST","referenceType":"PORT","referenceId":"port1","activationStatusType":"FOC_RECEIVED",
			"createdDate":"2026-11-01T09:00:00Z","lastUpdatedDate":"2026-11-02T09:00:00Z","focDate":"2026-11-10T17:00:00Z",
			"crdDate":"2026-11-09T17:00:00Z","city":"Provo","mainTelephoneNumber":"18015550000",
			"subTelephoneNumbers":["18015550001","18015550002"],"firstName":"Ada","lastName":"Lovelace","companyName":"",
			"state":"UT","l3Reaction":"RESUBMIT","parentOrderId":"o1","editableFieldTypes":["crdDate","wirelessPin"],
			"losingCarrier":"OldCo","inboundCarrierType":"BANDWIDTH",
			"logs":[{"status":"PENDING","actionDate":"2026-11-01T09:00:00Z","code":"0","message":"Submitted",
				"creationDate":"2026-11-01T09:00:01Z","generatedTicketId":"t1"}]}]}`
	})
	s := &NumbersService{c: c}
	evs, errs := collect(t, s.StatusEvents(context.Background(), &StatusEventOptions{
		AccountID: "a/1", TelephoneNumber: "+18015550000",
		EventTypes:  []EventType{EventPortRequest, Event911Address},
		StatusTypes: []ActivationStatus{ActivationFOCReceived, ActivationPending},
		DateType:    DateFOC,
		StartDate:   time.Date(2026, 11, 1, 23, 0, 0, 0, time.UTC),
		EndDate:     time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC),
		PageSize:    25,
	}))
	require.Empty(t, errs)
	r := w.last(t)
	assert.Equal(t, "GET /v2/partition/part%201/telephonenumber/statussearch", r.method+" "+r.path)
	assert.Equal(t, "accountId=a%2F1&dateType=FOCDate&endDate=2026-11-30&eventType=PORT_REQUEST&eventType=NINE_ONE_ONE_ADDRESS"+
		"&firstResultIndex=0&maxResult=25&startDate=2026-11-01&statusType=FOC_RECEIVED&statusType=PENDING"+
		"&telephoneNumber=18015550000", r.query)
	require.Len(t, evs, 1)
	ev := evs[0]
	assert.Equal(t, EventPortRequest, ev.ServiceType)
	assert.Equal(t, EventRefPort, ev.ReferenceType)
	assert.Equal(t, ActivationFOCReceived, ev.ActivationStatusType)
	assert.Equal(t, L3Resubmit, ev.L3Reaction)
	assert.Equal(t, []EditableField{EditableCRDDate, EditableWirelessPin}, ev.EditableFieldTypes)
	assert.Equal(t, CarrierBandwidth, ev.InboundCarrierType)
	assert.Equal(t, []string{"18015550001", "18015550002"}, ev.SubTelephoneNumbers)
	assert.Equal(t, 10, ev.FOCDate.Day())
	require.Len(t, ev.Logs, 1)
	assert.Equal(t, StatusEventLog{Status: ActivationPending, ActionDate: ptr(time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)),
		Code: "0", Message: "Submitted", CreationDate: ptr(time.Date(2026, 11, 1, 9, 0, 1, 0, time.UTC)), GeneratedTicketID: "t1"}, ev.Logs[0])
}

func TestAccountHistoryWire(t *testing.T) {
	w, c := newWireRecorder(t, func(*http.Request, []byte) (int, string) {
		return 200, `{"totalRecords":2,"accountCreatedDate":"2025-01-01T00:00:00Z","accountLastUpdatedDate":"2026-11-01T00:00:00Z",
			"results":[{"id":"h1","accountId":"a/1","accountNumber":"CUST-1001","oldValue":"ACTIVE","newValue":"DISABLED",
				"userName":"crm-api","userId":"mu1","userType":"ManagementUser","partitionName":"ISP","accountHistoryType":"ACCOUNT_STATUS",
				"loggedDate":"2026-11-01T12:00:00Z","referenceType":"Account","referenceId":"a/1","referenceName":"Ada Lovelace",
				"action":"UPDATE"},
				{"id":"h2","accountHistoryType":"SIP_CREDENTIALS","referenceType":"SIP_CREDENTIALS","userType":"EndUser","action":"CREATE"}]}`
	})
	s := &AccountsService{c: c}
	hs, errs := collect(t, s.History(context.Background(), "a/1", &HistoryOptions{
		Types:     []AccountHistoryType{HistoryAccountStatus, HistorySIPCredentials},
		StartDate: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC),
	}))
	require.Empty(t, errs)
	r := w.last(t)
	assert.Equal(t, "GET /v2/partition/part%201/account/a%2F1/accounthistorysearch", r.method+" "+r.path)
	assert.Equal(t, "accountHistoryType=ACCOUNT_STATUS&accountHistoryType=SIP_CREDENTIALS&firstResultIndex=0&maxResult=20&startDate=2026-10-01", r.query)
	require.Len(t, hs, 2)
	assert.Equal(t, AccountHistory{ID: "h1", AccountID: "a/1", AccountNumber: "CUST-1001", OldValue: "ACTIVE", NewValue: "DISABLED",
		UserName: "crm-api", UserID: "mu1", UserType: ChangedByManagementUser, PartitionName: "ISP", AccountHistoryType: HistoryAccountStatus,
		LoggedDate: ptr(time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)), ReferenceType: HistoryRefAccount, ReferenceID: "a/1",
		ReferenceName: "Ada Lovelace", Action: ActionUpdate}, hs[0])
	assert.Equal(t, HistoryRefSIPCredentials, hs[1].ReferenceType)
	assert.Equal(t, ChangedByEndUser, hs[1].UserType)
	assert.Equal(t, ActionCreate, hs[1].Action)
}

func TestCDRsWire(t *testing.T) {
	w, c := newWireRecorder(t, func(*http.Request, []byte) (int, string) {
		return 200, `{"totalRecords":1,"results":[{"id":"3fa85f64-5717-4562-b3fc-2c963f66afa6","partitionId":"part 1",
			"startTime":"2026-11-01T10:00:00Z","connectTime":"2026-11-01T10:00:05Z","endTime":"2026-11-01T10:03:05Z",
			"createdDate":"2026-11-01T10:03:06Z","actualCallLengthSeconds":180,"billCallLengthSeconds":180,"ratePerMinute":0.012,
			"cost":0.036,"inPlan":true,"dialedNumber":"18015551212","origNumber":"18015550000","origCityName":"Provo",
			"origAbbrRCName":"PROVO","origState":"UT","origCountry":"US","origCallCategory":"OffNet","identityAttestLevel":"A",
			"verstat":"TN_VALIDATION_PASSED","verstatReason":"STALE_DATE","correlationData":{"crm":["t1","t2"]},
			"termNumber":"18015551212","termCallCategory":"OnNet","legType":"Origination","callType":"OUTBOUND",
			"callFlagType":"ANSWERED","disconnectType":"HangUp","rateType":"_411","serviceType":"INTRASTATE","local":true,
			"sessionId":"s1","referenceId":"u/1","referenceType":"END_USER","referenceName":"Ada","acctId":"a/1","accountId":"a/1",
			"accountNumber":"CUST-1001","accountBillingCycleDay":15,"accountTimeZone":"US/Mountain","sipCallIds":["c1@x"],
			"meanOpinionScoreAverage":4.3,"meanOpinionScores":{"caller":4.4,"callee":4.2},
			"applicationData":{"trunkGroup":"tg1"},"origCnam":"ADA LOVELACE"}]}`
	})
	s := &AccountsService{c: c}
	minCost := 0.01
	recs, errs := collect(t, s.CDRs(context.Background(), "a-1_x", CDRSearchRequest{
		StartDate: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), EndDate: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC),
		CallCategories: []CallCategory{CategoryOffNet}, CallFlagTypes: []CallFlagType{FlagAnswered, FlagMissed},
		CallTypes: []CallType{CallOutbound}, DialedNumber: "1801", OrigNumber: "18015550000", TermNumber: "x",
		StartTime: "08:00", EndTime: "18:00", MinCost: &minCost, Sort: CDRSortByCost, SortOrder: SortDesc, PageSize: 100,
	}))
	require.Empty(t, errs)
	r := w.last(t)
	assert.Equal(t, "GET /v2/partition/part%201/account/a-1_x/cdrsearch", r.method+" "+r.path)
	assert.Equal(t, "callCategory=OffNet&callFlagType=ANSWERED&callFlagType=MISSED&callType=OUTBOUND&dialedNumber=1801"+
		"&endDate=2026-11-30&endTime=18%3A00&firstResultIndex=0&maxResult=100&minCost=0.01&origNumber=18015550000"+
		"&sort=COST&sortOrder=DESC&startDate=2026-11-01&startTime=08%3A00&termNumber=x", r.query)
	require.Len(t, recs, 1)
	rec := recs[0]
	assert.Equal(t, "3fa85f64-5717-4562-b3fc-2c963f66afa6", rec.ID)
	assert.Equal(t, int64(180), rec.BillCallLengthSeconds)
	assert.InDelta(t, 0.036, rec.Cost, 1e-9)
	assert.Equal(t, CategoryOffNet, rec.OrigCallCategory)
	assert.Equal(t, CategoryOnNet, rec.TermCallCategory)
	assert.Equal(t, VerstatTNValidationPassed, rec.Verstat)
	assert.Equal(t, VerstatReasonStaleDate, rec.VerstatReason)
	assert.Equal(t, map[string][]string{"crm": {"t1", "t2"}}, rec.CorrelationData)
	assert.Equal(t, LegOrigination, rec.LegType)
	assert.Equal(t, CallOutbound, rec.CallType)
	assert.Equal(t, FlagAnswered, rec.CallFlagType)
	assert.Equal(t, DisconnectHangUp, rec.DisconnectType)
	assert.Equal(t, Rate411, rec.RateType)
	assert.Equal(t, CDRServiceIntrastate, rec.ServiceType)
	assert.Equal(t, CDRRefEndUser, rec.ReferenceType)
	assert.Equal(t, []string{"c1@x"}, rec.SIPCallIDs)
	assert.Equal(t, map[string]float64{"caller": 4.4, "callee": 4.2}, rec.MeanOpinionScores)
	assert.JSONEq(t, `{"trunkGroup":"tg1"}`, string(rec.ApplicationData))
	assert.Equal(t, "ADA LOVELACE", rec.OrigCNAM)
	assert.Equal(t, 15, rec.AccountBillingCycleDay)
	assert.Equal(t, 3, rec.EndTime.Minute())
}

func TestPagingValidationSendsNothing(t *testing.T) {
	w, c := newWireRecorder(t, func(*http.Request, []byte) (int, string) { return 200, `{"results":[]}` })
	ns, as := &NumbersService{c: c}, &AccountsService{c: c}
	ctx := context.Background()
	day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	check := func(name string, errs []error) {
		t.Helper()
		require.Len(t, errs, 1, name)
		assert.ErrorIs(t, errs[0], ErrInvalidInput, name)
	}
	for name, q := range map[string]StatusEventOptions{
		"negative page":    {PageSize: -1},
		"bad number":       {TelephoneNumber: "555-1212"},
		"bad event type":   {EventTypes: []EventType{"PORT"}},
		"empty event type": {EventTypes: []EventType{""}},
		"bad status":       {StatusTypes: []ActivationStatus{"DONE"}},
		"bad date type":    {DateType: "Today"},
		"dates reversed":   {StartDate: day(2), EndDate: day(1)},
	} {
		_, errs := collect(t, ns.StatusEvents(ctx, &q))
		check(name, errs)
	}
	for name, q := range map[string]HistoryOptions{
		"negative page":  {PageSize: -5},
		"bad type":       {Types: []AccountHistoryType{"STATUS"}},
		"dates reversed": {StartDate: day(2), EndDate: day(1)},
	} {
		_, errs := collect(t, as.History(ctx, "a1", &q))
		check(name, errs)
	}
	_, errs := collect(t, as.History(ctx, "", &HistoryOptions{}))
	check("no account", errs)

	good := CDRSearchRequest{StartDate: day(1), EndDate: day(2)}
	cdr := func(f func(q *CDRSearchRequest)) CDRSearchRequest { q := good; f(&q); return q }
	neg := -1.0
	for name, q := range map[string]CDRSearchRequest{
		"no dates":       {},
		"no end":         {StartDate: day(1)},
		"dates reversed": cdr(func(q *CDRSearchRequest) { q.StartDate, q.EndDate = day(3), day(2) }),
		"negative page":  cdr(func(q *CDRSearchRequest) { q.PageSize = -1 }),
		"bad category":   cdr(func(q *CDRSearchRequest) { q.CallCategories = []CallCategory{"offnet"} }),
		"bad flag":       cdr(func(q *CDRSearchRequest) { q.CallFlagTypes = []CallFlagType{"DROPPED"} }),
		"bad call type":  cdr(func(q *CDRSearchRequest) { q.CallTypes = []CallType{"BOTH"} }),
		"bad sort":       cdr(func(q *CDRSearchRequest) { q.Sort = "NAME" }),
		"bad order":      cdr(func(q *CDRSearchRequest) { q.SortOrder = "UP" }),
		"negative cost":  cdr(func(q *CDRSearchRequest) { q.MinCost = &neg }),
	} {
		_, errs := collect(t, as.CDRs(ctx, "a1", q))
		check(name, errs)
	}
	for _, id := range []string{"", "a/1", "a 1", "a.1"} {
		_, errs := collect(t, as.CDRs(ctx, id, good))
		check("account "+id, errs)
	}
	var nilCtx context.Context
	_, errs = collect(t, ns.StatusEvents(nilCtx, &StatusEventOptions{}))
	check("nil ctx", errs)
	assert.Equal(t, 0, w.count(), "nothing was sent")

	// The same day in both is an interval of one day.
	_, errs = collect(t, as.CDRs(ctx, "a1", CDRSearchRequest{StartDate: day(1), EndDate: day(1).Add(3 * time.Hour)}))
	assert.Empty(t, errs)
	assert.Equal(t, "endDate=2026-11-01&firstResultIndex=0&maxResult=20&startDate=2026-11-01", w.last(t).query)
}
