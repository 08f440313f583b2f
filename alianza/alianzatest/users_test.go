package alianzatest

import (
	"net/http"
	"reflect"
	"strings"
	"testing"
)

func TestUserLifecycle(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	acct := c.createAccount(simpleAccount("ACC-1"))

	r := want(t, c.do(http.MethodPost, c.path(acct, "user"), map[string]any{
		"id": "ignored", "accountId": "ignored", "username": "ada-l", "firstName": "Ada", "lastName": "Lovelace",
		"emailAddress": "ada@example.com", "endUserType": "STANDARD", "userProductPlan": "STANDARD", "languageTag": "fr-CA",
		"mustChangePassword": true, // not kept
	}), http.StatusOK)
	const wantRaw = `{"id":"e0000000-0000-4000-8000-000000000001","username":"ada-l","firstName":"Ada","lastName":"Lovelace",` +
		`"emailAddress":"ada@example.com","languageTag":"fr-CA","partitionId":"partition-1","accountId":"a0000000-0000-4000-8000-000000000001",` +
		`"timeZone":"US/Mountain","endUserType":"STANDARD","userProductPlan":"STANDARD","devices":[]}`
	if string(r.raw) != wantRaw {
		t.Fatalf("create answered\n%s\nwant\n%s", r.raw, wantRaw)
	}
	id := "e0000000-0000-4000-8000-000000000001"
	if r := want(t, c.do(http.MethodGet, c.path(acct, "user", id), nil), http.StatusOK); string(r.raw) != wantRaw {
		t.Fatalf("GET %s", r.raw)
	}
	if r := want(t, c.do(http.MethodGet, c.path(acct, "user", "ADA-L")+"?idType=UserName", nil), http.StatusOK); string(r.raw) != wantRaw {
		t.Fatalf("GET by user name %s", r.raw)
	}
	if r := want(t, c.do(http.MethodGet, c.path(acct, "user", id)+"?idType=ID", nil), http.StatusOK); string(r.raw) != wantRaw {
		t.Fatalf("GET ?idType=ID %s", r.raw)
	}
	wantError(t, c.do(http.MethodGet, c.path(acct, "user", "nobody")+"?idType=UserName", nil), http.StatusNotFound, MessageUserNotFound)
	wantError(t, c.do(http.MethodGet, c.path(acct, "user", id)+"?idType=Email", nil), http.StatusBadRequest, MessageInvalidIDType)

	// The user's lines are its devices.
	line := c.createLine(acct, map[string]any{"userId": id, "deviceName": "Kitchen"})
	m := want(t, c.do(http.MethodGet, c.path(acct, "user", id), nil), http.StatusOK).obj(t)
	if devs, _ := m["devices"].([]any); len(devs) != 1 || devs[0].(map[string]any)["id"] != line["id"] {
		t.Fatalf("devices %v", m["devices"])
	}

	// PUT replaces: what is left out is gone, except timeZone.
	m = want(t, c.do(http.MethodPut, c.path(acct, "user", id), map[string]any{"firstName": "Augusta", "id": "x"}), http.StatusOK).obj(t)
	if m["id"] != id || m["firstName"] != "Augusta" || m["timeZone"] != "US/Mountain" || m["accountId"] != acct {
		t.Fatalf("PUT answered %v", m)
	}
	for _, k := range []string{"username", "lastName", "emailAddress"} {
		if _, ok := m[k]; ok {
			t.Errorf("%s kept by PUT", k)
		}
	}
	// PATCH merges.
	m = want(t, c.do(http.MethodPatch, c.path(acct, "user", id), `{"lastName":"King","timeZone":"US/Pacific"}`), http.StatusOK).obj(t)
	if m["firstName"] != "Augusta" || m["lastName"] != "King" || m["timeZone"] != "US/Pacific" {
		t.Fatalf("PATCH answered %v", m)
	}
	wantError(t, c.do(http.MethodPatch, c.path(acct, "user", id), `{"emailAddress":"not-an-address"}`), http.StatusBadRequest, MessageInvalidEmailAddress)
	wantValidation(t, c.do(http.MethodPatch, c.path(acct, "user", id), `{"lastName":1}`), "lastName must be a string")

	list := want(t, c.do(http.MethodGet, c.path(acct, "user")+"?limitedData=true", nil), http.StatusOK).arr(t)
	if len(list) != 1 || list[0]["lastName"] != "King" {
		t.Fatalf("list %v", list)
	}
	if got := s.Users(acct); len(got) != 1 || got[0].LastName != "King" || got[0].TimeZone != "US/Pacific" {
		t.Fatalf("Users %+v", got)
	}

	// Deleting the user deletes its lines.
	r = want(t, c.do(http.MethodDelete, c.path(acct, "user", id), nil), http.StatusNoContent)
	if len(r.raw) != 0 {
		t.Fatalf("DELETE body %q", r.raw)
	}
	wantError(t, c.do(http.MethodGet, c.path(acct, "user", id), nil), http.StatusNotFound, MessageUserNotFound)
	wantError(t, c.do(http.MethodDelete, c.path(acct, "user", id), nil), http.StatusNotFound, MessageUserNotFound)
	if s.Users(acct) != nil || s.DeviceLines(acct) != nil {
		t.Fatal("user or its lines kept")
	}
	if r := want(t, c.do(http.MethodGet, c.path(acct, "user"), nil), http.StatusOK); string(r.raw) != "[]" {
		t.Fatalf("empty list %s", r.raw)
	}
	for _, method := range []string{http.MethodGet, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		wantError(t, c.do(method, c.path("nope", "user", id), `{}`), http.StatusNotFound, MessageAccountNotFound)
		wantError(t, c.do(method, c.path(acct, "user", "nope"), `{}`), http.StatusNotFound, MessageUserNotFound)
	}
	wantError(t, c.do(http.MethodGet, c.path("nope", "user"), nil), http.StatusNotFound, MessageAccountNotFound)
	wantError(t, c.do(http.MethodPost, c.path("nope", "user"), `{}`), http.StatusNotFound, MessageAccountNotFound)
}

func TestUserValidation(t *testing.T) {
	s := newTestServer(t, WithCredentials("other", "pw", "partition-2"))
	c := newSession(t, s)
	simple := c.createAccount(simpleAccount("SIMPLE-1"))
	adv := c.createAccount(with(simpleAccount("ADV-1"), "accountType", "ADVANCED", "extensionLength", 4))
	adv2 := c.createAccount(with(simpleAccount("ADV-2"), "accountType", "ADVANCED"))
	noZone := c.createAccount(with(simpleAccount("NOZONE"), "timeZone", nil))
	c.createUser(adv, map[string]any{"username": "taken", "extension": "1000"})
	// User names are unique across partitions.
	elsewhere := s.SeedAccount(Account{PartitionID: "partition-2", AccountNumber: "P2"})
	s.SeedUser(User{AccountID: elsewhere.ID, Username: "far-away"})

	long := strings.Repeat("x", 257)
	for _, tc := range []struct {
		name string
		acct string
		body map[string]any
		want []string
	}{
		{"empty", simple, map[string]any{}, nil},
		{"no zone anywhere", noZone, map[string]any{}, []string{MessageTimeZoneRequired}},
		{"own zone", noZone, map[string]any{"timeZone": "Canada/Atlantic"}, nil},
		{"bad zone", simple, map[string]any{"timeZone": "Mars/Olympus"}, []string{MessageInvalidTimeZone}},
		{"username short", simple, map[string]any{"username": "ab"}, []string{MessageInvalidUsername}},
		{"username taken", simple, map[string]any{"username": "TAKEN"}, []string{MessageUsernameInUse}},
		{"username taken elsewhere", simple, map[string]any{"username": "far-away"}, []string{MessageUsernameInUse}},
		{"first short", simple, map[string]any{"firstName": "Al"}, []string{MessageInvalidFirstName}},
		{"last long", simple, map[string]any{"lastName": long}, []string{MessageInvalidLastName}},
		{"email bad", simple, map[string]any{"emailAddress": "ada"}, []string{MessageInvalidEmailAddress}},
		{"email named", simple, map[string]any{"emailAddress": "Ada <ada@example.com>"}, []string{MessageInvalidEmailAddress}},
		{"extension on simple", simple, map[string]any{"extension": "100"}, []string{MessageInvalidExtension}},
		{"extension wrong length", adv, map[string]any{"extension": "100"}, []string{MessageInvalidExtension}},
		{"extension not digits", adv, map[string]any{"extension": "10a0"}, []string{MessageInvalidExtension}},
		{"extension in use", adv, map[string]any{"extension": "1000"}, []string{MessageExtensionInUse}},
		{"extension ok", adv, map[string]any{"extension": "1001"}, nil},
		{"extension without length 3", adv2, map[string]any{"extension": "100"}, nil},
		{"extension without length 7", adv2, map[string]any{"extension": "1000000"}, []string{MessageInvalidExtension}},
		{"end user type", simple, map[string]any{"endUserType": "BOSS"}, []string{MessageInvalidEndUserType}},
		{"product plan", simple, map[string]any{"userProductPlan": "BASIC"}, []string{MessageInvalidUserProductPlan}},
		{"several", simple, map[string]any{"username": "ab", "firstName": "Al", "extension": "1"},
			[]string{MessageInvalidUsername, MessageInvalidFirstName, MessageInvalidExtension}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.do(http.MethodPost, c.path(tc.acct, "user"), tc.body)
			if tc.want == nil {
				want(t, r, http.StatusOK)
				return
			}
			wantError(t, r, http.StatusBadRequest, tc.want...)
		})
	}
	// A user keeps its own name and extension on update.
	id := c.createUser(adv, map[string]any{"username": "mine", "extension": "2000"})
	want(t, c.do(http.MethodPut, c.path(adv, "user", id), map[string]any{"username": "MINE", "extension": "2000"}), http.StatusOK)
	wantError(t, c.do(http.MethodPut, c.path(adv, "user", id), map[string]any{"username": "taken", "extension": "1000"}), http.StatusBadRequest,
		MessageUsernameInUse, MessageExtensionInUse)
}

func TestSeedUser(t *testing.T) {
	s := newTestServer(t)
	a := s.SeedAccount(Account{AccountNumber: "A-1", TimeZone: "US/Eastern"})
	u := s.SeedUser(User{AccountID: a.ID, FirstName: "Ada", PartitionID: "ignored"})
	want := User{ID: "e0000000-0000-4000-8000-000000000001", FirstName: "Ada", PartitionID: DefaultPartitionID, AccountID: a.ID, TimeZone: "US/Eastern"}
	if u != want {
		t.Fatalf("seeded %+v", u)
	}
	// An id of the account replaces; a new id is added.
	s.SeedUser(User{ID: u.ID, AccountID: a.ID, FirstName: "Augusta", TimeZone: "US/Pacific"})
	s.SeedUser(User{ID: "u-2", AccountID: a.ID})
	got := s.Users(a.ID)
	if len(got) != 2 || got[0].FirstName != "Augusta" || got[0].TimeZone != "US/Pacific" || got[1].ID != "u-2" {
		t.Fatalf("Users %+v", got)
	}
	if s.Users("nope") != nil {
		t.Fatal("users of no account")
	}
	// Over the wire too.
	c := newSession(t, s)
	m := c.do(http.MethodGet, c.path(a.ID, "user", "u-2"), nil).obj(t)
	if !reflect.DeepEqual(m, map[string]any{"id": "u-2", "partitionId": DefaultPartitionID, "accountId": a.ID, "timeZone": "US/Eastern", "devices": []any{}}) {
		t.Fatalf("seeded user answered %v", m)
	}

	b := s.SeedAccount(Account{AccountNumber: "B-1"})
	for name, f := range map[string]func(){
		"no account":      func() { s.SeedUser(User{AccountID: "nope"}) },
		"another account": func() { s.SeedUser(User{ID: "u-2", AccountID: b.ID}) },
	} {
		func() {
			defer func() {
				if r := recover(); r == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}
