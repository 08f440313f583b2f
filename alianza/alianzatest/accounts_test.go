package alianzatest

import (
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestAccountCreateAndGet(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	body := with(simpleAccount("ACC-1"),
		"id", "mine", "partitionId", "partition-9", "callingPlans", []any{map[string]any{"planMinutes": 5}}, // read-only: ignored
		"inboundRatePlanProductId", InboundRatePlanStandard, "sendWelcomeEmail", true, // sendWelcomeEmail is not kept: dropped
		"customField", "crm-42", "languageTag", "en-US", "platformType", "CPE1", "regulatoryType", "RESIDENTIAL",
		"holdTimeoutSeconds", 60, "extensionLength", 4)
	r := want(t, c.do(http.MethodPost, c.path(), body), http.StatusOK)
	const wantRaw = `{"id":"a0000000-0000-4000-8000-000000000001","partitionId":"partition-1","accountNumber":"ACC-1",` +
		`"accountName":"Account ACC-1","billingCycleDay":1,"customField":"crm-42","status":"ACTIVE","timeZone":"US/Mountain",` +
		`"languageTag":"en-US","accountType":"SIMPLE","platformType":"CPE1","extensionLength":4,"dialingBehaviorType":"TEN_DIGIT",` +
		`"holdTimeoutSeconds":60,"regulatoryType":"RESIDENTIAL","inboundRatePlanProductId":"irp-standard","endUserCount":0}`
	if string(r.raw) != wantRaw {
		t.Fatalf("create answered\n%s\nwant\n%s", r.raw, wantRaw)
	}
	id := "a0000000-0000-4000-8000-000000000001"
	if got := want(t, c.do(http.MethodGet, c.path(id), nil), http.StatusOK); string(got.raw) != wantRaw {
		t.Fatalf("GET %s", got.raw)
	}
	if got := want(t, c.do(http.MethodGet, c.path(id)+"?accountIdType=Id", nil), http.StatusOK); string(got.raw) != wantRaw {
		t.Fatalf("GET ?accountIdType=Id %s", got.raw)
	}
	a, ok := s.Account(id)
	wantAcct := Account{
		ID: id, PartitionID: DefaultPartitionID, AccountNumber: "ACC-1", AccountName: "Account ACC-1", BillingCycleDay: 1,
		CustomField: "crm-42", Status: "ACTIVE", TimeZone: "US/Mountain", LanguageTag: "en-US", AccountType: "SIMPLE",
		InboundRatePlanProductID: InboundRatePlanStandard, PlatformType: "CPE1", ExtensionLength: 4, DialingBehaviorType: "TEN_DIGIT", HoldTimeoutSeconds: 60, RegulatoryType: "RESIDENTIAL",
	}
	if !ok || !reflect.DeepEqual(a, wantAcct) {
		t.Fatalf("Account = %+v, %v", a, ok)
	}
	wantError(t, c.do(http.MethodGet, c.path("a0000000-0000-4000-8000-000000000099"), nil), http.StatusNotFound, MessageAccountNotFound)
	if _, ok := s.Account("nope"); ok {
		t.Fatal("Account(nope) found")
	}

	// The minimal account: status defaults to ACTIVE, nothing optional is sent.
	minimal := with(simpleAccount("ACC-2"), "timeZone", nil)
	m := want(t, c.do(http.MethodPost, c.path(), minimal), http.StatusOK).obj(t)
	for _, k := range []string{"timeZone", "customField", "extensionLength", "platformType", "callingPlans"} {
		if _, ok := m[k]; ok {
			t.Errorf("%s answered for an account without one: %v", k, m)
		}
	}
	if m["status"] != "ACTIVE" || m["endUserCount"] != float64(0) {
		t.Fatalf("minimal account %v", m)
	}
	// A status given on create is kept.
	m = want(t, c.do(http.MethodPost, c.path(), with(simpleAccount("ACC-3"), "status", "PENDING")), http.StatusOK).obj(t)
	if m["status"] != "PENDING" {
		t.Fatalf("status %v", m["status"])
	}
}

func TestAccountValidation(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	c.createAccount(simpleAccount("TAKEN"))
	adv := with(simpleAccount("ADV-X"), "accountType", "ADVANCED")
	for _, tc := range []struct {
		name string
		body map[string]any
		want []string // nil: accepted
	}{
		{"empty", map[string]any{}, []string{MessageAccountNumberRequired, MessageAccountNameRequired, MessageAccountTypeRequired,
			MessageBillingCycleDayRequired, MessageDialingBehaviorTypeRequired}},
		{"number blank", with(simpleAccount(""), "accountNumber", "   "), []string{MessageAccountNumberRequired}},
		{"number short", simpleAccount("AB"), []string{MessageInvalidAccountNumber}},
		{"number long", with(simpleAccount(strings.Repeat("9", 257)), "accountName", "Long"), []string{MessageInvalidAccountNumber}},
		{"number 256", with(simpleAccount(strings.Repeat("9", 256)), "accountName", "Long"), nil},
		{"number in use", simpleAccount("TAKEN"), []string{MessageAccountNumberInUse}},
		{"number differs in case", simpleAccount("taken"), nil},
		{"name missing", with(simpleAccount("N-1"), "accountName", nil), []string{MessageAccountNameRequired}},
		{"name short", with(simpleAccount("N-2"), "accountName", "Al"), []string{MessageInvalidAccountName}},
		{"name runes", with(simpleAccount("N-3"), "accountName", "Zoë"), nil},
		{"type missing", with(simpleAccount("T-1"), "accountType", nil), []string{MessageAccountTypeRequired}},
		{"type bad", with(simpleAccount("T-2"), "accountType", "simple"), []string{MessageInvalidAccountType}},
		{"type bad, dial nine", with(simpleAccount("T-3"), "accountType", "BASIC", "dialingBehaviorType", "DIAL_NINE_TEN_DIGIT"),
			[]string{MessageInvalidAccountType, MessageInvalidDialingBehaviorType}},
		{"day missing", with(simpleAccount("D-1"), "billingCycleDay", nil), []string{MessageBillingCycleDayRequired}},
		{"day 0", with(simpleAccount("D-2"), "billingCycleDay", 0), []string{MessageBillingCycleDayRequired}},
		{"day 29", with(simpleAccount("D-3"), "billingCycleDay", 29), []string{MessageInvalidBillingCycleDay}},
		{"day -1", with(simpleAccount("D-4"), "billingCycleDay", -1), []string{MessageInvalidBillingCycleDay}},
		{"day 28", with(simpleAccount("D-5"), "billingCycleDay", 28), nil},
		{"dial missing", with(simpleAccount("B-1"), "dialingBehaviorType", nil), []string{MessageDialingBehaviorTypeRequired}},
		{"dial bad", with(simpleAccount("B-2"), "dialingBehaviorType", "NINE"), []string{MessageInvalidDialingBehaviorType}},
		{"dial nine simple", with(simpleAccount("B-3"), "dialingBehaviorType", "DIAL_NINE_SEVEN_DIGIT"), []string{MessageInvalidDialingBehaviorType}},
		{"dial nine advanced", with(adv, "accountNumber", "B-4", "dialingBehaviorType", "DIAL_NINE_SEVEN_DIGIT"), nil},
		{"open dial plan ten", with(simpleAccount("B-5"), "dialingBehaviorType", "OPEN_DIAL_PLAN_TEN_DIGIT"), nil},
		{"ext 2", with(adv, "accountNumber", "E-1", "extensionLength", 2), []string{MessageInvalidExtensionLength}},
		{"ext 7", with(adv, "accountNumber", "E-2", "extensionLength", 7), []string{MessageInvalidExtensionLength}},
		{"ext 6", with(adv, "accountNumber", "E-3", "extensionLength", 6), nil},
		{"ext on simple", with(simpleAccount("E-4"), "extensionLength", 3), nil},
		{"status bad", with(simpleAccount("S-1"), "status", "GONE"), []string{MessageInvalidAccountStatus}},
		{"status disabled", with(simpleAccount("S-2"), "status", "DISABLED"), nil},
		{"zone bad", with(simpleAccount("Z-1"), "timeZone", "Europe/Dublin"), []string{MessageInvalidTimeZone}},
		{"platform bad", with(simpleAccount("P-1"), "platformType", "V3"), []string{MessageInvalidPlatformType}},
		{"regulatory bad", with(simpleAccount("R-1"), "regulatoryType", "HOME"), []string{MessageInvalidRegulatoryType}},
		{"custom short", with(simpleAccount("C-1"), "customField", "ab"), []string{MessageInvalidCustomField}},
		{"hold 29", with(simpleAccount("H-1"), "holdTimeoutSeconds", 29), []string{MessageInvalidHoldTimeoutSeconds}},
		{"hold 601", with(simpleAccount("H-2"), "holdTimeoutSeconds", 601), []string{MessageInvalidHoldTimeoutSeconds}},
		{"hold 600", with(simpleAccount("H-3"), "holdTimeoutSeconds", 600), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.do(http.MethodPost, c.path(), tc.body)
			if tc.want == nil {
				want(t, r, http.StatusOK)
				return
			}
			wantError(t, r, http.StatusBadRequest, tc.want...)
		})
	}
}

func TestMalformedBodies(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	id := c.createAccount(simpleAccount("ACC-1"))
	for _, tc := range []struct {
		body, msg string
	}{
		{"", "request body is required"},
		{"  ", "request body is required"},
		{"{", "malformed JSON request body"},
		{"accountNumber=1", "malformed JSON request body"},
		{`{"accountNumber":"A-1"} {}`, "malformed JSON request body"},
		{`[]`, "request body must be a JSON object"},
		{`null`, "request body must be a JSON object"},
		{`{"billingCycleDay":"5"}`, "billingCycleDay must be an integer"},
		{`{"billingCycleDay":1.5}`, "billingCycleDay must be an integer"},
		{`{"accountName":5}`, "accountName must be a string"},
		{`{"callingPlans":5}`, "callingPlans must be an array"},
	} {
		for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodPatch} {
			p := c.path(id)
			if method == http.MethodPost {
				p = c.path()
			}
			wantValidation(t, c.do(method, p, tc.body), tc.msg)
		}
	}
	// Wrong types in the other resources too.
	wantValidation(t, c.do(http.MethodPost, c.path(id, "user"), `{"firstName":true}`), "firstName must be a string")
	wantValidation(t, c.do(http.MethodPost, c.path(id, "deviceline"), `{"faxEnabled":"yes"}`), "faxEnabled must be a boolean")
	wantValidation(t, c.do(http.MethodPost, c.path(id, "deviceline"), `{"lineNumber":{}}`), "lineNumber must be an integer")
	if n := len(s.Accounts()); n != 1 {
		t.Fatalf("%d accounts after malformed requests", n)
	}
}

func TestAccountLookups(t *testing.T) {
	s := newTestServer(t, WithCredentials("other", "pw", "partition-2"))
	c := newSession(t, s)
	id := c.createAccount(simpleAccount("CUST-1001"))
	u := c.createUser(id, map[string]any{"firstName": "Ada"})
	c.createLine(id, map[string]any{"userId": u, "macAddress": "00:04:F2:AB:CD:EF"})
	other := s.SeedAccount(Account{PartitionID: "partition-2", AccountNumber: "CUST-2002"})
	otherUser := s.SeedUser(User{AccountID: other.ID})
	s.SeedDeviceLine(DeviceLine{AccountID: other.ID, UserID: otherUser.ID, MACAddress: "0004f2000002"})

	for _, tc := range []struct {
		key, idType string
		found       bool
	}{
		{"CUST-1001", "AccountNumber", true},
		{"cust-1001", "AccountNumber", false},
		{"CUST-2002", "AccountNumber", false}, // another partition's
		{"0004f2abcdef", "MacAddress", true},
		{"00-04-f2-ab-cd-ef", "MacAddress", true},
		{"0004f2000002", "MacAddress", false}, // another partition's
		{"0004f2000003", "MacAddress", false},
		{"8015550100", "PhoneNumber", false}, // on no account (see TestAccountNumberLifecycle)
		{id, "Id", true},
		{other.ID, "Id", false},
	} {
		r := c.do(http.MethodGet, c.path(tc.key)+"?accountIdType="+tc.idType, nil)
		if !tc.found {
			wantError(t, r, http.StatusNotFound, MessageAccountNotFound)
			continue
		}
		if m := want(t, r, http.StatusOK).obj(t); m["id"] != id || m["endUserCount"] != float64(1) {
			t.Fatalf("%s %s: %v", tc.idType, tc.key, m)
		}
	}
	wantError(t, c.do(http.MethodGet, c.path("zz:zz")+"?accountIdType=MacAddress", nil), http.StatusBadRequest, MessageInvalidMacAddress)
	// An unknown accountIdType is the ApiSingleException shape.
	r := c.do(http.MethodGet, c.path(id)+"?accountIdType=accountNumber", nil)
	if r.status != http.StatusBadRequest || string(r.raw) != `{"code":400,"message":"InvalidAccountIdType"}` {
		t.Fatalf("HTTP %d %s", r.status, r.raw)
	}
}

func TestAccountListAndSearch(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	if r := want(t, c.do(http.MethodGet, c.path(), nil), http.StatusOK); string(r.raw) != "[]" {
		t.Fatalf("empty list %s", r.raw)
	}
	ids := []string{
		c.createAccount(with(simpleAccount("CUST-1001"), "accountName", "Ada Lovelace", "platformType", "CPE1")),
		c.createAccount(with(simpleAccount("CUST-1002"), "accountName", "Charles Babbage")),
		c.createAccount(with(simpleAccount("ZX-9"), "accountName", "Grace Hopper", "accountType", "ADVANCED", "status", "DISABLED")),
	}
	u := c.createUser(ids[1], map[string]any{"emailAddress": "charles@engine.example"})
	c.createLine(ids[2], map[string]any{"userId": c.createUser(ids[2], nil), "macAddress": "AA:BB:CC:00:11:22"})
	c.createLine(ids[1], map[string]any{"userId": u})

	list := want(t, c.do(http.MethodGet, c.path(), nil), http.StatusOK).arr(t)
	if len(list) != 3 {
		t.Fatalf("list %v", list)
	}
	for i, a := range list {
		if a["id"] != ids[i] {
			t.Fatalf("list not in creation order: %v", list)
		}
	}
	if list[1]["endUserCount"] != float64(1) || list[2]["endUserCount"] != float64(1) {
		t.Fatalf("endUserCount: %v", list)
	}

	search := func(q string) []map[string]any {
		t.Helper()
		return want(t, c.do(http.MethodGet, c.path("search")+"?q="+q, nil), http.StatusOK).arr(t)
	}
	got := search("cust-100")
	if len(got) != 2 || got[0]["id"] != ids[0] || got[1]["id"] != ids[1] {
		t.Fatalf("search cust-100: %v", got)
	}
	wantView := map[string]any{
		"partitionId": DefaultPartitionID, "id": ids[0], "accountNumber": "CUST-1001", "accountName": "Ada Lovelace",
		"type": "SIMPLE", "accountStatus": "ACTIVE", "platformType": "CPE1", "matches": map[string]any{"accountNumber": "CUST-1001"},
	}
	if !reflect.DeepEqual(got[0], wantView) {
		t.Fatalf("AccountViewX %v\nwant %v", got[0], wantView)
	}
	for q, wantMatches := range map[string]map[string]any{
		"lovelace":          {"accountName": "Ada Lovelace"},
		"ENGINE":            {"emailAddress": "charles@engine.example"},
		"bb:cc:00":          {"macAddress": "aabbcc001122"},
		"a":                 {"accountName": "Ada Lovelace"},
		"Grace%20Hopper":    {"accountName": "Grace Hopper"},
		"zx-9":              {"accountNumber": "ZX-9"},
		"aabbcc001122":      {"macAddress": "aabbcc001122"},
		"no-such-customer":  nil,
		"charles%40engine.": {"emailAddress": "charles@engine.example"},
	} {
		got := search(q)
		if wantMatches == nil {
			if len(got) != 0 {
				t.Errorf("search %q: %v", q, got)
			}
			continue
		}
		if len(got) == 0 || !reflect.DeepEqual(got[0]["matches"], wantMatches) {
			t.Errorf("search %q: %v, want first matches %v", q, got, wantMatches)
		}
	}
	if got := search("ZX"); len(got) != 1 || got[0]["type"] != "ADVANCED" || got[0]["accountStatus"] != "DISABLED" {
		t.Fatalf("search ZX: %v", got)
	}
	all := search("")
	if len(all) != 3 {
		t.Fatalf("empty q: %v", all)
	}
	if _, ok := all[0]["matches"]; ok {
		t.Fatalf("matches for an empty q: %v", all[0])
	}
}

func TestAccountPut(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	id := c.createAccount(with(simpleAccount("ACC-1"), "customField", "crm-1", "status", "DISABLED"))
	c.createAccount(simpleAccount("ACC-2"))

	// Everything editable is replaced: what is left out is gone, except the
	// status, which stays.
	body := with(simpleAccount("ACC-1B"), "id", "ignored", "partitionId", "ignored", "accountType", "ADVANCED",
		"dialingBehaviorType", "DIAL_NINE_TEN_DIGIT", "extensionLength", 3, "timeZone", nil)
	m := want(t, c.do(http.MethodPut, c.path(id), body), http.StatusOK).obj(t)
	if m["id"] != id || m["partitionId"] != DefaultPartitionID || m["accountNumber"] != "ACC-1B" || m["status"] != "DISABLED" ||
		m["accountType"] != "ADVANCED" || m["extensionLength"] != float64(3) {
		t.Fatalf("PUT answered %v", m)
	}
	for _, k := range []string{"customField", "timeZone"} {
		if _, ok := m[k]; ok {
			t.Errorf("%s kept by PUT: %v", k, m)
		}
	}
	if a, _ := s.Account(id); a.AccountNumber != "ACC-1B" || a.CustomField != "" || a.Status != "DISABLED" {
		t.Fatalf("stored %+v", a)
	}
	// A status given is set.
	if m := want(t, c.do(http.MethodPut, c.path(id), with(simpleAccount("ACC-1B"), "status", "ACTIVE")), http.StatusOK).obj(t); m["status"] != "ACTIVE" {
		t.Fatalf("status %v", m["status"])
	}
	// Validated as a create; its own number is no conflict, another's is.
	want(t, c.do(http.MethodPut, c.path(id), simpleAccount("ACC-1B")), http.StatusOK)
	wantError(t, c.do(http.MethodPut, c.path(id), simpleAccount("ACC-2")), http.StatusBadRequest, MessageAccountNumberInUse)
	wantError(t, c.do(http.MethodPut, c.path(id), map[string]any{"accountName": "Renamed"}), http.StatusBadRequest,
		MessageAccountNumberRequired, MessageAccountTypeRequired, MessageBillingCycleDayRequired, MessageDialingBehaviorTypeRequired)
	wantError(t, c.do(http.MethodPut, c.path("nope"), simpleAccount("ACC-9")), http.StatusNotFound, MessageAccountNotFound)
	if a, _ := s.Account(id); a.AccountNumber != "ACC-1B" || a.AccountType != "SIMPLE" {
		t.Fatalf("a refused PUT changed the account: %+v", a)
	}
}

func TestAccountPatch(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	id := c.createAccount(with(simpleAccount("ACC-1"), "customField", "crm-1"))
	c.createAccount(simpleAccount("ACC-2"))

	m := want(t, c.do(http.MethodPatch, c.path(id), `{"status":"DISABLED","billingCycleDay":15,"customField":null,"id":"x"}`), http.StatusOK).obj(t)
	if m["status"] != "DISABLED" || m["billingCycleDay"] != float64(15) || m["accountName"] != "Account ACC-1" || m["id"] != id {
		t.Fatalf("PATCH answered %v", m)
	}
	if _, ok := m["customField"]; ok {
		t.Fatalf("null did not remove customField: %v", m)
	}
	// Validated as a whole: DIAL_NINE needs ADVANCED, in the same patch or before.
	wantError(t, c.do(http.MethodPatch, c.path(id), `{"dialingBehaviorType":"DIAL_NINE_TEN_DIGIT"}`), http.StatusBadRequest, MessageInvalidDialingBehaviorType)
	want(t, c.do(http.MethodPatch, c.path(id), `{"dialingBehaviorType":"DIAL_NINE_TEN_DIGIT","accountType":"ADVANCED","extensionLength":4}`), http.StatusOK)
	wantError(t, c.do(http.MethodPatch, c.path(id), `{"accountType":"SIMPLE"}`), http.StatusBadRequest, MessageInvalidDialingBehaviorType)
	for body, key := range map[string]string{
		`{"billingCycleDay":0}`:           MessageBillingCycleDayRequired,
		`{"billingCycleDay":31}`:          MessageInvalidBillingCycleDay,
		`{"billingCycleDay":null}`:        MessageBillingCycleDayRequired,
		`{"accountNumber":"ACC-2"}`:       MessageAccountNumberInUse,
		`{"accountName":"X"}`:             MessageInvalidAccountName,
		`{"status":"GONE"}`:               MessageInvalidAccountStatus,
		`{"extensionLength":9}`:           MessageInvalidExtensionLength,
		`{"timeZone":"UTC"}`:              MessageInvalidTimeZone,
		`{"holdTimeoutSeconds":1}`:        MessageInvalidHoldTimeoutSeconds,
		`{"dialingBehaviorType":"SEVEN"}`: MessageInvalidDialingBehaviorType,
	} {
		wantError(t, c.do(http.MethodPatch, c.path(id), body), http.StatusBadRequest, key)
	}
	// A null status keeps the current one; nested objects merge (and are
	// dropped: the fake keeps no call screening settings).
	m = want(t, c.do(http.MethodPatch, c.path(id), `{"status":null,"callScreeningSettings":{"anonymousCallScreen":"Block"}}`), http.StatusOK).obj(t)
	if m["status"] != "DISABLED" || m["accountType"] != "ADVANCED" || m["extensionLength"] != float64(4) {
		t.Fatalf("after refused patches %v", m)
	}
	wantError(t, c.do(http.MethodPatch, c.path("nope"), `{}`), http.StatusNotFound, MessageAccountNotFound)
}

func TestMergePatch(t *testing.T) {
	got := mergePatch(map[string]any{"a": 1.0, "b": map[string]any{"c": 1.0, "d": 2.0}, "e": "x"},
		map[string]any{"a": nil, "b": map[string]any{"c": nil, "f": 3.0}, "e": []any{1.0}, "g": map[string]any{"h": nil, "i": 1.0}})
	want := map[string]any{"b": map[string]any{"d": 2.0, "f": 3.0}, "e": []any{1.0}, "g": map[string]any{"i": 1.0}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("mergePatch = %v, want %v", got, want)
	}
	if got := mergePatch(nil, map[string]any{"a": "b"}); !reflect.DeepEqual(got, map[string]any{"a": "b"}) {
		t.Fatalf("into nil: %v", got)
	}
}

func TestAccountDelete(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	id := c.createAccount(simpleAccount("ACC-1"))
	u := c.createUser(id, map[string]any{"username": "ada-l"})
	c.createLine(id, map[string]any{"userId": u, "sipUsername": "ada-sip", "macAddress": "0004f2000001"})

	r := want(t, c.do(http.MethodDelete, c.path(id), nil), http.StatusOK)
	if len(r.raw) != 0 {
		t.Fatalf("DELETE body %q", r.raw)
	}
	wantError(t, c.do(http.MethodGet, c.path(id), nil), http.StatusNotFound, MessageAccountNotFound)
	wantError(t, c.do(http.MethodDelete, c.path(id), nil), http.StatusNotFound, MessageAccountNotFound)
	wantError(t, c.do(http.MethodGet, c.path(id, "deviceline"), nil), http.StatusNotFound, MessageAccountNotFound)
	if _, ok := s.Account(id); ok || s.DeviceLines(id) != nil || s.Users(id) != nil || len(s.Accounts()) != 0 {
		t.Fatal("account state kept after DELETE")
	}
	// Its number, user name, SIP username and MAC address are free again;
	// the new account gets a new id.
	id2 := c.createAccount(simpleAccount("ACC-1"))
	if id2 == id {
		t.Fatal("id reused")
	}
	u2 := c.createUser(id2, map[string]any{"username": "ada-l"})
	c.createLine(id2, map[string]any{"userId": u2, "sipUsername": "ada-sip", "macAddress": "0004f2000001"})
}

func TestSeedAccount(t *testing.T) {
	s := newTestServer(t)
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	a := s.SeedAccount(Account{AccountNumber: "SEED-1", AccountName: "Seeded", AccountType: "SIMPLE", BillingCycleDay: 3,
		DialingBehaviorType: "TEN_DIGIT", CallingPlans: []CallingPlan{{ID: "cp-1", CallingPlanProductID: "p-100", StartDate: start, PlanMinutes: 100, SecondsRemaining: 5400}}})
	if a.ID != "a0000000-0000-4000-8000-000000000001" || a.PartitionID != DefaultPartitionID || a.Status != "ACTIVE" {
		t.Fatalf("seeded %+v", a)
	}
	c := newSession(t, s)
	m := want(t, c.do(http.MethodGet, c.path(a.ID), nil), http.StatusOK).obj(t)
	wantPlans := []any{map[string]any{"id": "cp-1", "callingPlanProductId": "p-100", "startDate": "2025-01-01T00:00:00Z", "planMinutes": 100.0, "secondsRemaining": 5400.0}}
	if !reflect.DeepEqual(m["callingPlans"], wantPlans) {
		t.Fatalf("callingPlans %v", m["callingPlans"])
	}
	// Calling plans are read-only over the wire: PUT and PATCH keep them.
	want(t, c.do(http.MethodPut, c.path(a.ID), with(simpleAccount("SEED-1"), "callingPlans", []any{})), http.StatusOK)
	want(t, c.do(http.MethodPatch, c.path(a.ID), `{"callingPlans":null,"accountName":"Renamed"}`), http.StatusOK)
	got, _ := s.Account(a.ID)
	if len(got.CallingPlans) != 1 || !got.CallingPlans[0].StartDate.Equal(start) || got.CallingPlans[0].EndDate != (time.Time{}) {
		t.Fatalf("calling plans after PUT and PATCH: %+v", got.CallingPlans)
	}
	got.CallingPlans[0].PlanMinutes = 1 // a copy
	if again, _ := s.Account(a.ID); again.CallingPlans[0].PlanMinutes != 100 {
		t.Fatal("Account shares its calling plans")
	}

	// The fake keeps what a seed says, valid or not; an id it names is
	// kept, and generated ids go around it.
	odd := s.SeedAccount(Account{ID: "a0000000-0000-4000-8000-000000000002", AccountNumber: "X", Status: "DELETED", PartitionID: "p-7"})
	if odd.AccountNumber != "X" || odd.Status != "DELETED" || odd.PartitionID != "p-7" {
		t.Fatalf("seeded %+v", odd)
	}
	if next := s.SeedAccount(Account{AccountNumber: "SEED-3"}); next.ID != "a0000000-0000-4000-8000-000000000003" {
		t.Fatalf("generated id %q", next.ID)
	}
	// The same id replaces, keeping users and lines, moved with it.
	u := s.SeedUser(User{AccountID: odd.ID})
	s.SeedDeviceLine(DeviceLine{AccountID: odd.ID, UserID: u.ID})
	moved := s.SeedAccount(Account{ID: odd.ID, AccountNumber: "X", PartitionID: "p-8"})
	if moved.Status != "ACTIVE" || s.Users(odd.ID)[0].PartitionID != "p-8" || s.DeviceLines(odd.ID)[0].PartitionID != "p-8" {
		t.Fatalf("replaced %+v, users %+v, lines %+v", moved, s.Users(odd.ID), s.DeviceLines(odd.ID))
	}
	if n := len(s.Accounts()); n != 3 {
		t.Fatalf("%d accounts", n)
	}
	if accts := s.Accounts(); accts[0].ID != a.ID || accts[1].ID != odd.ID {
		t.Fatalf("Accounts not oldest first: %+v", accts)
	}

	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "SEED-1") {
			t.Fatalf("recovered %v", r)
		}
	}()
	s.SeedAccount(Account{AccountNumber: "SEED-1"})
}

func TestCallingPlanJSON(t *testing.T) {
	end := time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)
	p := CallingPlan{ReferenceID: "r", ReferenceType: "ACCOUNT", EndDate: end}
	b, err := p.MarshalJSON()
	if err != nil || string(b) != `{"referenceId":"r","referenceType":"ACCOUNT","endDate":"2025-02-01T00:00:00Z","planMinutes":0,"secondsRemaining":0}` {
		t.Fatalf("%s %v", b, err)
	}
	var back CallingPlan
	if err := back.UnmarshalJSON(b); err != nil || !reflect.DeepEqual(back, p) {
		t.Fatalf("%+v %v", back, err)
	}
	if err := back.UnmarshalJSON([]byte(`{"planMinutes":"x"}`)); err == nil {
		t.Fatal("no error for a bad plan")
	}
}
