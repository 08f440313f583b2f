package alianzatest

import (
	"fmt"
	"net/http"
	"reflect"
	"testing"
	"time"
)

// page reads a paged search answer: totalRecords and the results.
func page(t *testing.T, r result) (int, []map[string]any) {
	t.Helper()
	m := want200(t, r).obj(t)
	total, ok := m["totalRecords"].(float64)
	if !ok {
		t.Fatalf("no totalRecords: %s", r.raw)
	}
	res, ok := m["results"].([]any)
	if !ok {
		t.Fatalf("results not an array: %s", r.raw)
	}
	return int(total), toMaps(append([]any{}, res...))
}

func field(list []map[string]any, key string) []string {
	var out []string
	for _, m := range list {
		out = append(out, fmt.Sprint(m[key]))
	}
	return out
}

func TestPageOf(t *testing.T) {
	items := []int{0, 1, 2, 3, 4}
	for _, tc := range []struct {
		first, size int
		want        []int
	}{
		{0, 2, []int{0, 1}}, {4, 2, []int{4}}, {5, 2, []int{}}, {9, 2, []int{}}, {1, 1 << 62, []int{1, 2, 3, 4}},
	} {
		if got := window(items, tc.first, tc.size); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("window(%d, %d) = %v", tc.first, tc.size, got)
		}
	}
}

func TestStatusSearch(t *testing.T) {
	clk := newClock()
	s := newTestServer(t, withClock(clk))
	acct := s.SeedAccount(Account{AccountNumber: "ACC-1"})
	foc := time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC)
	for i := range 12 {
		e := StatusEvent{AccountID: acct.ID, MainTelephoneNumber: fmt.Sprintf("1801555%04d", i)}
		switch i % 3 {
		case 1:
			e.ServiceType, e.ActivationStatusType = "PORT_REQUEST", "PENDING"
			e.FOCDate = &foc
		case 2:
			e.ServiceType, e.SubTelephoneNumbers = "DISCONNECT", []string{"14355550100"}
		}
		s.SeedStatusEvent(e)
		clk.add(24 * time.Hour)
	}
	c := newSession(t, s)
	other := s.SeedStatusEvent(StatusEvent{ID: "mine", PartitionID: "partition-2", ServiceType: "PORT_REQUEST",
		CreatedDate: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), LastUpdatedDate: time.Date(2020, 2, 1, 0, 0, 0, 0, time.UTC),
		Logs: []StatusEventLog{}})
	if other.ID != "mine" || other.ActivationStatusType != "COMPLETED" || len(other.Logs) != 0 || other.LastUpdatedDate.Month() != 2 {
		t.Fatalf("seeded %+v", other)
	}
	first := s.StatusEvents(DefaultPartitionID)[0]
	if first.ID != "40000000-0000-4000-8000-000000000001" || first.PartitionID != DefaultPartitionID || first.ServiceType != "ACTIVATION" ||
		first.ActivationStatusType != "COMPLETED" || !first.CreatedDate.Equal(newClock().now()) || len(first.Logs) != 1 {
		t.Fatalf("seeded %+v", first)
	}
	if n := len(s.StatusEvents("")); n != 13 {
		t.Fatalf("%d events", n)
	}
	search := func(query string) (int, []map[string]any) {
		t.Helper()
		return page(t, c.do(http.MethodGet, c.ppath("telephonenumber", "statussearch")+"?"+query, nil))
	}

	// Pages: totalRecords is every match; results the window asked for.
	total, res := search("")
	if total != 12 || len(res) != 12 || res[0]["id"] != first.ID {
		t.Fatalf("all: %d %v", total, field(res, "id"))
	}
	for _, tc := range []struct {
		query string
		tns   []string
	}{
		{"maxResult=5", []string{"18015550000", "18015550001", "18015550002", "18015550003", "18015550004"}},
		{"firstResultIndex=5&maxResult=5", []string{"18015550005", "18015550006", "18015550007", "18015550008", "18015550009"}},
		{"firstResultIndex=10&maxResult=5", []string{"18015550010", "18015550011"}},
		{"firstResultIndex=12&maxResult=5", nil},
		{"firstResultIndex=99", nil},
		{"eventType=PORT_REQUEST&eventType=DISCONNECT&maxResult=3", []string{"18015550001", "18015550002", "18015550004"}},
		{"statusType=PENDING&firstResultIndex=2", []string{"18015550007", "18015550010"}},
		{"telephoneNumber=8015550003", []string{"18015550003"}},
		{"telephoneNumber=%2B14355550100&maxResult=2", []string{"18015550002", "18015550005"}},
		{"accountId=" + acct.ID + "&maxResult=1", []string{"18015550000"}},
		{"accountId=nobody", nil},
		{"startDate=2025-03-05&endDate=2025-03-06", []string{"18015550001", "18015550002"}},
		{"dateType=CreatedDate&startDate=2025-03-14", []string{"18015550010", "18015550011"}},
		{"endDate=2025-03-04", []string{"18015550000"}},
		{"startDate=2025-03-05T05:06:07Z&endDate=2025-03-05T05:06:07Z", []string{"18015550001"}},
		{"dateType=FOCDate&startDate=2025-03-10&endDate=2025-03-10", []string{"18015550001", "18015550004", "18015550007", "18015550010"}},
		{"dateType=FOCDate&startDate=2025-03-11", nil},
		{"dateType=UpdatedDate&endDate=2025-03-04", []string{"18015550000"}},
	} {
		_, res := search(tc.query)
		if got := field(res, "mainTelephoneNumber"); !reflect.DeepEqual(got, tc.tns) {
			t.Errorf("%s: %v, want %v", tc.query, got, tc.tns)
		}
	}
	if total, _ := search("eventType=DISCONNECT&maxResult=1"); total != 4 {
		t.Fatalf("total %d", total)
	}
	// 50 a page unless maxResult says otherwise.
	for range 45 {
		s.SeedStatusEvent(StatusEvent{})
	}
	if total, res := search(""); total != 57 || len(res) != DefaultStatusPageSize {
		t.Fatalf("default page: %d of %d", len(res), total)
	}

	for query, keys := range map[string][]string{
		"telephoneNumber=555":                     {MessageInvalidTelephoneNumber},
		"eventType=PORT":                          {MessageInvalidEventType},
		"statusType=DONE&statusType=X":            {MessageInvalidStatusType},
		"dateType=Today":                          {MessageInvalidDateType},
		"startDate=March":                         {MessageInvalidStartDate},
		"endDate=2025-13-01":                      {MessageInvalidEndDate},
		"startDate=2025-03-05&endDate=2025-03-04": {MessageInvalidDateRange},
		"firstResultIndex=-1":                     {MessageInvalidFirstResultIndex},
		"firstResultIndex=x&maxResult=0":          {MessageInvalidFirstResultIndex, MessageInvalidMaxResult},
		"maxResult=1.5":                           {MessageInvalidMaxResult},
	} {
		wantError(t, c.do(http.MethodGet, c.ppath("telephonenumber", "statussearch")+"?"+query, nil), http.StatusBadRequest, keys...)
	}
}

func TestHistoryRecorded(t *testing.T) {
	clk := newClock()
	s := newTestServer(t, withClock(clk))
	c := newSession(t, s)
	acct := c.createAccount(with(simpleAccount("ACC-1"), "accountType", "ADVANCED"))
	clk.add(time.Minute)
	want200(t, c.do(http.MethodPatch, c.path(acct), `{"status":"DISABLED"}`))
	want200(t, c.do(http.MethodPatch, c.path(acct), `{"accountName":"Renamed","customField":"crm-1"}`))
	want200(t, c.do(http.MethodPut, c.path(acct), with(simpleAccount("ACC-1"), "accountType", "ADVANCED", "accountName", "Renamed",
		"customField", "crm-1"))) // the same: nothing recorded
	u := c.createUser(acct, map[string]any{"username": "ada", "firstName": "Ada"})
	want200(t, c.do(http.MethodPatch, c.path(acct, "user", u), `{"lastName":"Lovelace"}`))
	want200(t, c.do(http.MethodPut, c.path(acct, "user", u), map[string]any{"username": "ada", "firstName": "Ada", "lastName": "Lovelace"}))
	line := c.createLine(acct, map[string]any{"userId": u})["id"].(string)
	want200(t, c.do(http.MethodPatch, c.path(acct, "deviceline", line), `{"deviceName":"Desk","sipPassword":"new-secret"}`))
	want200(t, c.do(http.MethodPut, c.path(acct, "deviceline", line), map[string]any{"userId": u, "deviceName": "Desk"}))
	want(t, c.do(http.MethodDelete, c.path(acct, "deviceline", line), nil), http.StatusNoContent)
	u2 := c.createUser(acct, map[string]any{"username": "bob"})
	want(t, c.do(http.MethodDelete, c.path(acct, "user", u2), nil), http.StatusNoContent)
	u3 := c.createUser(acct, map[string]any{})
	want(t, c.do(http.MethodDelete, c.path(acct, "user", u3), nil), http.StatusNoContent)

	type rec struct{ typ, action, ref, name, old, new string }
	var got []rec
	for _, h := range s.History(acct) {
		got = append(got, rec{h.AccountHistoryType, h.Action, h.ReferenceType, h.ReferenceName, h.OldValue, h.NewValue})
		if h.UserName != DefaultUsername || h.UserType != "ManagementUser" || h.UserID == "" || h.AccountNumber != "ACC-1" ||
			h.PartitionName != DefaultPartitionID || h.AccountID != acct {
			t.Fatalf("record %+v", h)
		}
	}
	wantRecs := []rec{
		{"ACCOUNT", "CREATE", "Account", "Account ACC-1", "", "ACC-1"},
		{"ACCOUNT_STATUS", "UPDATE", "Account", "Account ACC-1", "ACTIVE", "DISABLED"},
		{"ACCOUNT", "UPDATE", "Account", "Renamed", "accountName=Account ACC-1", "accountName=Renamed, customField=crm-1"},
		{"USER", "CREATE", "EndUser", "Ada", "", ""},
		{"USER", "UPDATE", "EndUser", "Ada Lovelace", "", "lastName=Lovelace"},
		{"DEVICE", "CREATE", "Device", "sip0000001", "", ""},
		{"DEVICE", "UPDATE", "Device", "Desk", "", "deviceName=Desk"},
		{"DEVICE", "DELETE", "Device", "Desk", "", ""},
		{"USER", "CREATE", "EndUser", "bob", "", ""},
		{"USER", "DELETE", "EndUser", "bob", "", ""},
		{"USER", "CREATE", "EndUser", u3, "", ""},
		{"USER", "DELETE", "EndUser", u3, "", ""},
	}
	if !reflect.DeepEqual(got, wantRecs) {
		t.Fatalf("history\n%v\nwant\n%v", got, wantRecs)
	}
	if s.History("nope") != nil {
		t.Fatal("history of no account")
	}
}

func TestHistorySearch(t *testing.T) {
	clk := newClock()
	s := newTestServer(t, withClock(clk))
	c := newSession(t, s)
	acct := s.SeedAccount(Account{AccountNumber: "ACC-1"})
	for i := range 25 {
		typ := "VOICEMAIL"
		if i%5 == 0 {
			typ = "CALL_FORWARDING"
		}
		h := s.SeedAccountHistory(AccountHistory{AccountID: acct.ID, AccountHistoryType: typ, NewValue: fmt.Sprint(i),
			LoggedDate: newClock().now().AddDate(0, 0, i)})
		if i == 0 && (h.ID != "50000000-0000-4000-8000-000000000001" || h.AccountNumber != "ACC-1" || h.Action != "UPDATE" ||
			h.PartitionName != DefaultPartitionID) {
			t.Fatalf("seeded %+v", h)
		}
	}
	if h := s.SeedAccountHistory(AccountHistory{AccountID: acct.ID}); h.AccountHistoryType != "ACCOUNT" || !h.LoggedDate.Equal(clk.now()) {
		t.Fatalf("seeded %+v", h)
	}
	mustPanic(t, "no account", func() { s.SeedAccountHistory(AccountHistory{AccountID: "nope"}) })
	search := func(query string) (int, []map[string]any) {
		t.Helper()
		return page(t, c.do(http.MethodGet, c.path(acct.ID, "accounthistorysearch")+"?"+query, nil))
	}
	m := want200(t, c.do(http.MethodGet, c.path(acct.ID, "accounthistorysearch"), nil)).obj(t)
	if m["totalRecords"] != 26.0 || len(m["results"].([]any)) != DefaultHistoryPageSize ||
		m["accountCreatedDate"] != "2025-03-04T05:06:07Z" || m["accountLastUpdatedDate"] != "2025-03-04T05:06:07Z" {
		t.Fatalf("default page: %v %v %v", m["totalRecords"], m["accountCreatedDate"], m["accountLastUpdatedDate"])
	}
	for _, tc := range []struct {
		query string
		vals  []string
	}{
		{"maxResult=3", []string{"0", "1", "2"}},
		{"firstResultIndex=23&maxResult=3", []string{"23", "24", "<nil>"}},
		{"firstResultIndex=26", nil},
		{"accountHistoryType=CALL_FORWARDING", []string{"0", "5", "10", "15", "20"}},
		{"accountHistoryType=CALL_FORWARDING&accountHistoryType=ACCOUNT&firstResultIndex=4", []string{"20", "<nil>"}},
		{"startDate=2025-03-25&endDate=2025-03-26", []string{"21", "22"}},
		{"startDate=2025-03-28", []string{"24"}},
		{"endDate=2025-03-05&accountHistoryType=VOICEMAIL", []string{"1"}},
	} {
		_, res := search(tc.query)
		if got := field(res, "newValue"); !reflect.DeepEqual(got, tc.vals) {
			t.Errorf("%s: %v, want %v", tc.query, got, tc.vals)
		}
	}
	// The last updated date follows the newest record.
	clk.add(time.Hour)
	s.SeedAccountHistory(AccountHistory{AccountID: acct.ID})
	c = newSession(t, s)
	if m := want200(t, c.do(http.MethodGet, c.path(acct.ID, "accounthistorysearch"), nil)).obj(t); m["accountLastUpdatedDate"] != "2025-03-04T06:06:07Z" {
		t.Fatalf("last updated %v", m["accountLastUpdatedDate"])
	}
	for query, keys := range map[string][]string{
		"accountHistoryType=PHONE":                {MessageInvalidAccountHistoryType},
		"startDate=2025-03-05T00:00:00Z":          {MessageInvalidStartDate}, // YYYY-MM-DD only
		"endDate=yesterday&maxResult=-2":          {MessageInvalidEndDate, MessageInvalidMaxResult},
		"startDate=2025-03-06&endDate=2025-03-05": {MessageInvalidDateRange},
		"firstResultIndex=-1":                     {MessageInvalidFirstResultIndex},
	} {
		wantError(t, c.do(http.MethodGet, c.path(acct.ID, "accounthistorysearch")+"?"+query, nil), http.StatusBadRequest, keys...)
	}
	wantError(t, c.do(http.MethodGet, c.path("nope", "accounthistorysearch"), nil), http.StatusNotFound, MessageAccountNotFound)
}

func TestCDRSearch(t *testing.T) {
	clk := newClock() // 2025-03-04 05:06:07 UTC
	s := newTestServer(t, withClock(clk))
	c := newSession(t, s)
	acct := c.createAccount(simpleAccount("ACC-1"))
	s.SeedNumbers("18015550199")
	want200(t, c.do(http.MethodPost, c.path(acct, "telephonenumber"), activation("18015550199")))
	seeded := s.SeedCDRs(acct, 12)
	if r := seeded[0]; r.ID != "60000000-0000-4000-8000-000000000001" || r.PartitionID != DefaultPartitionID || r.AccountNumber != "ACC-1" ||
		!r.StartTime.Equal(time.Date(2025, 3, 4, 4, 54, 7, 0, time.UTC)) || r.ActualCallLengthSeconds != 60 || r.BillCallLengthSeconds != 60 ||
		r.Cost != 0.02 || r.CallType != "OUTBOUND" || r.OrigNumber != "18015550199" || r.TermNumber != "18015552000" ||
		!r.EndTime.Equal(r.StartTime.Add(time.Minute)) {
		t.Fatalf("seeded %+v", r)
	}
	if r := seeded[1]; r.CallType != "INBOUND" || r.TermNumber != "18015550199" || r.Cost != 0.04 || r.BillCallLengthSeconds != 120 {
		t.Fatalf("seeded %+v", r)
	}
	if seeded[4].CallFlagType != "MISSED" || seeded[3].CallFlagType != "ANSWERED" {
		t.Fatal("flags")
	}
	// Yesterday's calls, by hand.
	y := s.SeedCDR(CDR{AccountID: acct, StartTime: time.Date(2025, 3, 3, 22, 0, 0, 0, time.UTC), ActualCallLengthSeconds: 600, Cost: 1.5,
		CallType: "OUTBOUND", CallFlagType: "VOICEMAIL", OrigCallCategory: "OnNet", TermCallCategory: "Emergency", DialedNumber: "911"})
	if !y.EndTime.Equal(time.Date(2025, 3, 3, 22, 10, 0, 0, time.UTC)) {
		t.Fatalf("end %v", y.EndTime)
	}
	if now := s.SeedCDR(CDR{AccountID: acct}); !now.StartTime.Equal(clk.now()) {
		t.Fatalf("start %v", now.StartTime)
	}
	mustPanic(t, "no account", func() { s.SeedCDR(CDR{AccountID: "nope"}) })
	mustPanic(t, "no account", func() { s.SeedCDRs("nope", 1) })
	if got := s.SeedCDRs(c.createAccount(simpleAccount("ACC-2")), 1)[0]; got.OrigNumber != "18015550100" {
		t.Fatalf("without numbers %+v", got)
	}

	base := c.path(acct, "cdrsearch") + "?startDate=2025-03-03&endDate=2025-03-04"
	search := func(query string) (int, []map[string]any) {
		t.Helper()
		return page(t, c.do(http.MethodGet, base+"&"+query, nil))
	}
	total, res := search("")
	if total != 14 || len(res) != DefaultCDRPageSize && len(res) != 14 || res[0]["dialedNumber"] != "911" {
		t.Fatalf("all: %d %v", total, field(res, "dialedNumber"))
	}
	for _, tc := range []struct {
		query string
		costs []string
	}{
		{"maxResult=3", []string{"1.5", "0.02", "0.04"}},
		{"firstResultIndex=12&maxResult=3", []string{"0.04", "0"}},
		{"firstResultIndex=14", nil},
		{"callType=INBOUND&maxResult=2", []string{"0.04", "0.04"}},
		{"callFlagType=VOICEMAIL&callFlagType=MISSED", []string{"1.5", "0.04", "0.04"}},
		{"callCategory=Emergency", []string{"1.5"}},
		{"callCategory=OffNet&callType=OUTBOUND&maxResult=2", []string{"0.02", "0.04"}},
		{"dialedNumber=911", []string{"1.5"}},
		{"origNumber=18015552001", []string{"0.04"}},
		{"termNumber=18015552002", []string{"0.04"}},
		{"minCost=1", []string{"1.5"}},
		{"sort=COST&sortOrder=DESC&maxResult=2", []string{"1.5", "0.04"}},
		{"sort=COST&maxResult=2", []string{"0", "0.02"}},
		{"sort=CALL_LENGTH&sortOrder=DESC&maxResult=1", []string{"1.5"}},
		{"sort=DATE&sortOrder=DESC&maxResult=2", []string{"0", "0.04"}},
		{"startTime=21:00&endTime=23:00", []string{"1.5"}},
		{"startTime=05:03:00&endTime=06:00", []string{"0.04", "0.04", "0.04", "0"}},
		{"startTime=2025-03-04T05:05:00Z", []string{"0.04", "0"}},
		{"endTime=2025-03-03T23:00:00Z", []string{"1.5"}},
	} {
		_, res := search(tc.query)
		if got := field(res, "cost"); !reflect.DeepEqual(got, tc.costs) {
			t.Errorf("%s: %v, want %v", tc.query, got, tc.costs)
		}
	}
	if total, res := page(t, c.do(http.MethodGet, c.path(acct, "cdrsearch")+"?startDate=2025-03-04&endDate=2025-03-04", nil)); total != 13 || len(res) != 13 {
		t.Fatalf("today: %d", total)
	}
	for range 10 {
		s.SeedCDR(CDR{AccountID: acct})
	}
	if total, res := search(""); total != 24 || len(res) != DefaultCDRPageSize {
		t.Fatalf("default page: %d of %d", len(res), total)
	}

	for query, keys := range map[string][]string{
		"":                                      {MessageStartDateRequired, MessageEndDateRequired},
		"startDate=2025-03-03":                  {MessageEndDateRequired},
		"startDate=3/3/2025&endDate=2025-03-04": {MessageInvalidStartDate},
		"startDate=2025-03-05&endDate=2025-03-04": {MessageInvalidDateRange},
		"startDate=2025-03-03&endDate=2025-03-04&callCategory=Home&callFlagType=X&callType=X": {MessageInvalidCallCategory,
			MessageInvalidCallFlagType, MessageInvalidCallType},
		"startDate=2025-03-03&endDate=2025-03-04&minCost=cheap&sort=NAME&sortOrder=UP": {MessageInvalidMinCost, MessageInvalidSort,
			MessageInvalidSortOrder},
		"startDate=2025-03-03&endDate=2025-03-04&minCost=NaN":                     {MessageInvalidMinCost},
		"startDate=2025-03-03&endDate=2025-03-04&startTime=noon&endTime=25:00":    {MessageInvalidStartTime, MessageInvalidEndTime},
		"startDate=2025-03-03&endDate=2025-03-04&firstResultIndex=-1&maxResult=0": {MessageInvalidFirstResultIndex, MessageInvalidMaxResult},
	} {
		wantError(t, c.do(http.MethodGet, c.path(acct, "cdrsearch")+"?"+query, nil), http.StatusBadRequest, keys...)
	}
	wantError(t, c.do(http.MethodGet, c.path("a.b", "cdrsearch")+"?startDate=2025-03-03&endDate=2025-03-04", nil), http.StatusBadRequest, MessageInvalidAccountID)
	wantError(t, c.do(http.MethodGet, c.path("nope", "cdrsearch")+"?startDate=2025-03-03&endDate=2025-03-04", nil), http.StatusNotFound, MessageAccountNotFound)
}
