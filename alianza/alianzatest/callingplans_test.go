package alianzatest

import (
	"net/http"
	"reflect"
	"testing"
	"time"
)

func TestNextBillingDate(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tc := range []struct {
		day       int
		now, want string
	}{
		{15, "2025-03-04T05:06:07Z", "2025-03-15T00:00:00Z"},
		{4, "2025-03-04T05:06:07Z", "2025-04-04T00:00:00Z"},
		{4, "2025-03-03T23:59:59Z", "2025-03-04T00:00:00Z"},
		{1, "2025-12-31T00:00:00Z", "2026-01-01T00:00:00Z"},
		{0, "2025-03-04T05:06:07Z", "2025-04-01T00:00:00Z"},
		{31, "2025-03-04T05:06:07Z", "2025-04-01T00:00:00Z"},
	} {
		if got := nextBillingDate(&account{Account: Account{BillingCycleDay: tc.day}}, at(tc.now)); !got.Equal(at(tc.want)) {
			t.Errorf("day %d at %s: %v", tc.day, tc.now, got)
		}
	}
}

func TestCallingPlans(t *testing.T) {
	clk := newClock() // 2025-03-04 05:06:07 UTC
	s := newTestServer(t, withClock(clk))
	c := newSession(t, s)
	acct := c.createAccount(with(simpleAccount("ACC-1"), "billingCycleDay", 20))
	u := c.createUser(acct, map[string]any{"firstName": "Ada"})
	u2 := c.createUser(acct, map[string]any{"firstName": "Bob"})
	s.SeedCallingPlanProduct(CallingPlanProduct{ID: "cpp-10", Name: "Ten", PlanMinutes: 10})
	mustPanic(t, "empty id", func() { s.SeedCallingPlanProduct(CallingPlanProduct{ID: " "}) })
	plans := func(query string) []map[string]any {
		t.Helper()
		return want200(t, c.do(http.MethodGet, c.path(acct, "callingplan")+query, nil)).arr(t)
	}
	set := func(body any) result { return c.do(http.MethodPut, c.path(acct, "callingplan"), body) }
	remove := func(body any) result { return c.do(http.MethodDelete, c.path(acct, "callingplan"), body) }
	userQ := "?referenceType=END_USER&referenceId=" + u

	if got := plans(""); len(got) != 0 {
		t.Fatalf("plans %v", got)
	}
	r := want200(t, set(map[string]any{"callingPlanReferenceId": CallingPlanProduct500}))
	const wantRaw = `{"id":"c0000000-0000-4000-8000-000000000001","referenceId":"a0000000-0000-4000-8000-000000000001",` +
		`"referenceType":"ACCOUNT","callingPlanProductId":"cpp-500","startDate":"2025-03-04T05:06:07Z","planMinutes":500,"secondsRemaining":30000}`
	if string(r.raw) != wantRaw {
		t.Fatalf("set answered %s", r.raw)
	}
	// A PUT again answers the same plan; so does the deprecated field.
	if again := want200(t, set(map[string]any{"referenceType": "ACCOUNT", "callingPlanProductId": CallingPlanProduct500,
		"callingPlanReferenceId": CallingPlanProduct500, "callingPlanType": "NEW_CALLING_PLAN"})); string(again.raw) != wantRaw {
		t.Fatalf("set again answered %s", again.raw)
	}
	for _, q := range []string{"", "?referenceType=ACCOUNT", "?referenceType=ACCOUNT&referenceId=" + acct} {
		if got := plans(q); len(got) != 1 || got[0]["id"] != "c0000000-0000-4000-8000-000000000001" {
			t.Fatalf("%s: %v", q, got)
		}
	}
	if m := want200(t, c.do(http.MethodGet, c.path(acct), nil)).obj(t); len(m["callingPlans"].([]any)) != 1 {
		t.Fatalf("account %v", m["callingPlans"])
	}

	// A user's plans: minutes used now, a pending plan from the billing day.
	p := want200(t, set(map[string]any{"referenceType": "END_USER", "referenceId": u, "callingPlanProductId": "cpp-10",
		"minutesUsed": 4})).obj(t)
	if p["secondsRemaining"] != 360.0 || p["referenceId"] != u || p["planMinutes"] != 10.0 {
		t.Fatalf("user plan %v", p)
	}
	if p := want200(t, set(map[string]any{"referenceType": "END_USER", "referenceId": u2, "callingPlanReferenceId": "cpp-10",
		"minutesUsed": 40})).obj(t); p["secondsRemaining"] != 0.0 {
		t.Fatalf("used up: %v", p)
	}
	pend := want200(t, set(map[string]any{"referenceType": "END_USER", "referenceId": u, "callingPlanReferenceId": CallingPlanProduct3000,
		"pending": true, "minutesUsed": 100})).obj(t)
	if pend["startDate"] != "2025-03-20T00:00:00Z" || pend["secondsRemaining"] != 180000.0 {
		t.Fatalf("pending %v", pend)
	}
	if got := plans(userQ); len(got) != 2 || got[1]["id"] != pend["id"] {
		t.Fatalf("user plans %v", got)
	}
	if !s.SetSecondsRemaining(p["id"].(string), 42) || !s.SetSecondsRemaining(wantRawID(), 7) || s.SetSecondsRemaining("nope", 1) {
		t.Fatal("SetSecondsRemaining")
	}
	if got := plans(userQ); got[0]["secondsRemaining"] != 42.0 {
		t.Fatalf("after SetSecondsRemaining: %v", got)
	}
	all := s.CallingPlans(acct)
	if len(all) != 4 || all[0].SecondsRemaining != 7 || all[1].ReferenceID != u || all[3].ReferenceID != u2 || s.CallingPlans("nope") != nil {
		t.Fatalf("CallingPlans %+v", all)
	}

	// Sharing: the account uses u's list; then stops.
	shared := want200(t, set(map[string]any{"callingPlanType": "SHARED_CALLING_PLAN", "callingPlanReferenceId": u})).obj(t)
	if shared["referenceType"] != "ACCOUNT" || shared["referenceId"] != acct || shared["id"] != nil {
		t.Fatalf("shared %v", shared)
	}
	if got := plans(""); len(got) != 2 || got[0]["referenceId"] != u {
		t.Fatalf("shared plans %v", got)
	}
	if m := want200(t, c.do(http.MethodGet, c.path(acct), nil)).obj(t); len(m["callingPlans"].([]any)) != 2 {
		t.Fatalf("account %v", m["callingPlans"])
	}
	wantError(t, set(map[string]any{"callingPlanReferenceId": CallingPlanProduct500}), http.StatusBadRequest, MessageCallingPlanShared)
	wantError(t, remove(map[string]any{"callingPlanReferenceId": CallingPlanProduct500}), http.StatusBadRequest, MessageCallingPlanShared)
	wantError(t, set(map[string]any{"referenceType": "END_USER", "referenceId": u, "callingPlanType": "SHARED_CALLING_PLAN",
		"callingPlanReferenceId": u2}), http.StatusBadRequest, MessageCallingPlanShared) // someone shares u's list
	for _, target := range []string{u, "nobody"} {
		wantError(t, set(map[string]any{"referenceType": "END_USER", "referenceId": u, "callingPlanType": "SHARED_CALLING_PLAN",
			"callingPlanReferenceId": target}), http.StatusBadRequest, MessageInvalidSharedReference)
	}
	wantError(t, set(map[string]any{"referenceType": "END_USER", "referenceId": u2, "callingPlanType": "SHARED_CALLING_PLAN",
		"callingPlanReferenceId": acct}), http.StatusBadRequest, MessageInvalidSharedReference) // the account shares another's
	want200(t, set(map[string]any{"callingPlanType": "UNSHARED_CALLING_PLAN", "callingPlanReferenceId": u}))
	wantError(t, set(map[string]any{"callingPlanType": "UNSHARED_CALLING_PLAN", "callingPlanReferenceId": u}), http.StatusBadRequest,
		MessageCallingPlanNotShared)
	if got := plans(""); len(got) != 1 {
		t.Fatalf("unshared plans %v", got)
	}
	// u2 shares the account's list; deleting u2 ends it.
	want200(t, set(map[string]any{"referenceType": "END_USER", "referenceId": u2, "callingPlanType": "SHARED_CALLING_PLAN",
		"callingPlanReferenceId": acct}))
	if got := plans("?referenceType=END_USER&referenceId=" + u2); len(got) != 1 || got[0]["referenceType"] != "ACCOUNT" {
		t.Fatalf("u2 plans %v", got)
	}
	want(t, c.do(http.MethodDelete, c.path(acct, "user", u2), nil), http.StatusNoContent)
	if len(s.CallingPlans(acct)) != 3 {
		t.Fatalf("after deleting u2: %+v", s.CallingPlans(acct))
	}
	want200(t, set(map[string]any{"callingPlanType": "SHARED_CALLING_PLAN", "callingPlanReferenceId": u})) // no one shares the account's now

	// Remove: pending ends at the billing date, otherwise at once.
	want200(t, set(map[string]any{"callingPlanType": "UNSHARED_CALLING_PLAN", "callingPlanReferenceId": u}))
	r = want200(t, remove(map[string]any{"referenceType": "END_USER", "referenceId": u, "callingPlanReferenceId": "cpp-10", "pending": true}))
	if m := r.obj(t); m["endDate"] != "2025-03-20T00:00:00Z" || m["secondsRemaining"] != 42.0 {
		t.Fatalf("pending removal %v", m)
	}
	if got := plans(userQ); len(got) != 2 || got[0]["endDate"] == nil {
		t.Fatalf("user plans %v", got)
	}
	// A plan ending may be added again: a new one.
	if again := want200(t, set(map[string]any{"referenceType": "END_USER", "referenceId": u, "callingPlanReferenceId": "cpp-10"})).obj(t); again["id"] == p["id"] {
		t.Fatal("the ending plan was answered")
	}
	want200(t, remove(map[string]any{"referenceType": "END_USER", "referenceId": u, "callingPlanReferenceId": CallingPlanProduct3000}))
	want200(t, remove(map[string]any{"callingPlanReferenceId": CallingPlanProduct500}))
	wantError(t, remove(map[string]any{"callingPlanReferenceId": CallingPlanProduct500}), http.StatusNotFound, MessageCallingPlanNotFound)
	if got := plans(""); len(got) != 0 {
		t.Fatalf("account plans %v", got)
	}
	if got := plans(userQ); len(got) != 2 {
		t.Fatalf("user plans %v", got)
	}

	type rec struct{ typ, action, ref string }
	var got []rec
	for _, h := range s.History(acct) {
		if h.AccountHistoryType == "CALLING_PLAN" {
			got = append(got, rec{h.Action, h.ReferenceType, h.NewValue + h.OldValue})
		}
	}
	if len(got) != 13 || got[0] != (rec{"CREATE", "Account", CallingPlanProduct500}) || got[4] != (rec{"UPDATE", "Account", "shared=" + u}) {
		t.Fatalf("history %v", got)
	}

	// Errors.
	for _, tc := range []struct {
		method string
		body   any
		status int
		keys   []string
	}{
		{http.MethodPut, map[string]any{}, 400, []string{MessageCallingPlanReferenceIDRequired}},
		{http.MethodPut, map[string]any{"callingPlanReferenceId": "a", "callingPlanProductId": "b", "callingPlanType": "X", "minutesUsed": -1},
			400, []string{MessageInvalidCallingPlanProductID, MessageInvalidCallingPlanType, MessageInvalidMinutesUsed}},
		{http.MethodPut, map[string]any{"callingPlanReferenceId": "cpp-nope"}, 400, []string{MessageInvalidCallingPlanProductID}},
		{http.MethodPut, map[string]any{"referenceId": u, "callingPlanReferenceId": "cpp-10"}, 400, []string{MessageReferenceTypeRequired}},
		{http.MethodPut, map[string]any{"referenceType": "PHONE", "callingPlanReferenceId": "cpp-10"}, 400, []string{MessageInvalidReferenceType}},
		{http.MethodPut, map[string]any{"referenceType": "END_USER", "callingPlanReferenceId": "cpp-10"}, 400, []string{MessageReferenceIDRequired}},
		{http.MethodPut, map[string]any{"referenceType": "END_USER", "referenceId": "nobody", "callingPlanReferenceId": "cpp-10"}, 404,
			[]string{MessageReferenceNotFound}},
		{http.MethodPut, map[string]any{"referenceType": "SIP_TRUNK", "referenceId": "t-1", "callingPlanReferenceId": "cpp-10"}, 404,
			[]string{MessageReferenceNotFound}},
		{http.MethodPut, map[string]any{"referenceType": "ACCOUNT", "referenceId": "other", "callingPlanReferenceId": "cpp-10"}, 404,
			[]string{MessageReferenceNotFound}},
		{http.MethodDelete, map[string]any{"callingPlanReferenceId": "cpp-10", "callingPlanType": "SHARED_CALLING_PLAN"}, 400,
			[]string{MessageInvalidCallingPlanType}},
		{http.MethodDelete, map[string]any{}, 400, []string{MessageCallingPlanReferenceIDRequired}},
	} {
		wantError(t, c.do(tc.method, c.path(acct, "callingplan"), tc.body), tc.status, tc.keys...)
	}
	wantError(t, c.do(http.MethodGet, c.path(acct, "callingplan")+"?referenceType=IVR&referenceId=x", nil), http.StatusNotFound, MessageReferenceNotFound)
	wantError(t, c.do(http.MethodGet, c.path(acct, "callingplan")+"?referenceType=X", nil), http.StatusBadRequest, MessageInvalidReferenceType)
	wantValidation(t, set(`{"minutesUsed":"ten"}`), "minutesUsed must be an integer")
	wantValidation(t, remove(``), "request body is required")
	for _, m := range []string{http.MethodGet, http.MethodPut, http.MethodDelete} {
		wantError(t, c.do(m, c.path("nope", "callingplan"), map[string]any{}), http.StatusNotFound, MessageAccountNotFound)
	}
}

// wantRawID is the id of the first plan of TestCallingPlans.
func wantRawID() string { return "c0000000-0000-4000-8000-000000000001" }

func TestSeededPlansAndCallingPlanJSON(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	a := s.SeedAccount(Account{AccountNumber: "ACC-1", CallingPlans: []CallingPlan{{ID: "cp-1", CallingPlanProductID: "p-100", PlanMinutes: 100}}})
	got := want200(t, c.do(http.MethodGet, c.path(a.ID, "callingplan"), nil)).arr(t)
	if len(got) != 1 || got[0]["id"] != "cp-1" {
		t.Fatalf("seeded %v", got)
	}
	if !s.SetSecondsRemaining("cp-1", 5) || s.CallingPlans(a.ID)[0].SecondsRemaining != 5 {
		t.Fatal("seeded plan not set")
	}
	if want := []string{"STANDARD", "ADVANCED", "PROFESSIONAL"}; !reflect.DeepEqual(field(toMaps(toAnySlice(DefaultUserProductPlans())), "id"), want) {
		t.Fatal("product plans")
	}
}

func toAnySlice(plans []UserProductPlan) []any {
	var out []any
	for _, p := range plans {
		out = append(out, map[string]any{"id": p.ID})
	}
	return out
}

func TestUserProductPlans(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	adv := c.createAccount(with(simpleAccount("ADV-1"), "accountType", "ADVANCED"))
	simple := c.createAccount(simpleAccount("SIM-1"))
	r := want200(t, c.do(http.MethodGet, c.path(simple, "user-product-plans"), nil))
	const wantSimple = `[{"id":"STANDARD","displayName":"Standard","description":"Basic phone service, available to all users.","emailAddressRequired":false}]`
	if string(r.raw) != wantSimple {
		t.Fatalf("SIMPLE: %s", r.raw)
	}
	plans := want200(t, c.do(http.MethodGet, c.path(adv, "user-product-plans"), nil)).arr(t)
	if got := field(plans, "id"); !reflect.DeepEqual(got, []string{"STANDARD", "ADVANCED", "PROFESSIONAL"}) || plans[2]["emailAddressRequired"] != true {
		t.Fatalf("ADVANCED: %v", plans)
	}
	wantError(t, c.do(http.MethodGet, c.path("nope", "user-product-plans"), nil), http.StatusNotFound, MessageAccountNotFound)
}
