package alianzatest

import (
	"net/http"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

var sipPasswordRE = regexp.MustCompile(`^[A-Za-z0-9]{16}$`)

func TestDeviceLineLifecycle(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	acct := c.createAccount(simpleAccount("ACC-1"))
	user := c.createUser(acct, map[string]any{"firstName": "Ada"})

	m := c.createLine(acct, map[string]any{
		"id": "ignored", "accountId": "ignored", "partitionId": "ignored",
		"userId": user, "deviceTypeId": DeviceTypePolycomVVX450, "deviceName": "Kitchen", "emergencyNumber": "8015550100",
		"macAddress": "00:04:F2:AB:CD:EF", "faxEnabled": false, "emergencyNumberReservationId": "dropped",
	})
	pw, _ := m["sipPassword"].(string)
	if !sipPasswordRE.MatchString(pw) {
		t.Fatalf("generated sipPassword %q", pw)
	}
	delete(m, "sipPassword")
	wantLine := map[string]any{
		"id": "d0000000-0000-4000-8000-000000000001", "deviceTypeId": DeviceTypePolycomVVX450, "accountId": acct, "partitionId": DefaultPartitionID,
		"macAddress": "0004f2abcdef", "deviceName": "Kitchen", "emergencyNumber": "8015550100", "faxEnabled": false,
		"lineNumber": 1.0, "userId": user, "sipUsername": "sip0000001",
	}
	if !reflect.DeepEqual(m, wantLine) {
		t.Fatalf("created\n%v\nwant\n%v", m, wantLine)
	}
	id := wantLine["id"].(string)
	got := want(t, c.do(http.MethodGet, c.path(acct, "deviceline", id), nil), http.StatusOK).obj(t)
	if got["sipPassword"] != pw || got["macAddress"] != "0004f2abcdef" {
		t.Fatalf("GET %v", got)
	}
	lines := s.DeviceLines(acct)
	if len(lines) != 1 || lines[0].SIPPassword != pw || lines[0].SIPUsername != "sip0000001" || lines[0].MACAddress != "0004f2abcdef" {
		t.Fatalf("DeviceLines %+v", lines)
	}

	// PUT replaces; absent server-assigned fields and the device type stay.
	m = want(t, c.do(http.MethodPut, c.path(acct, "deviceline", id), map[string]any{"userId": user, "deviceName": "Hall", "faxEnabled": true}), http.StatusOK).obj(t)
	if m["deviceName"] != "Hall" || m["faxEnabled"] != true || m["lineNumber"] != 1.0 || m["sipUsername"] != "sip0000001" || m["sipPassword"] != pw || m["id"] != id {
		t.Fatalf("PUT answered %v", m)
	}
	for _, k := range []string{"macAddress", "emergencyNumber"} {
		if _, ok := m[k]; ok {
			t.Errorf("%s kept by PUT", k)
		}
	}
	if m["deviceTypeId"] != DeviceTypePolycomVVX450 {
		t.Errorf("PUT without deviceTypeId: %v (a line keeps its device type)", m["deviceTypeId"])
	}
	// PATCH merges; a null server-assigned field stays too.
	m = want(t, c.do(http.MethodPatch, c.path(acct, "deviceline", id), `{"sipUsername":"ada-1","sipPassword":"s3cret-pw","macAddress":"0004F2ABCDEF","lineNumber":null}`), http.StatusOK).obj(t)
	if m["sipUsername"] != "ada-1" || m["sipPassword"] != "s3cret-pw" || m["macAddress"] != "0004f2abcdef" || m["deviceName"] != "Hall" || m["lineNumber"] != 1.0 {
		t.Fatalf("PATCH answered %v", m)
	}
	wantError(t, c.do(http.MethodPatch, c.path(acct, "deviceline", id), `{"userId":null}`), http.StatusBadRequest, MessageUserIDRequired)
	wantValidation(t, c.do(http.MethodPatch, c.path(acct, "deviceline", id), `{"faxEnabled":1}`), "faxEnabled must be a boolean")

	r := want(t, c.do(http.MethodDelete, c.path(acct, "deviceline", id), nil), http.StatusNoContent)
	if len(r.raw) != 0 {
		t.Fatalf("DELETE body %q", r.raw)
	}
	if s.DeviceLines(acct) != nil || s.DeviceLines("nope") != nil {
		t.Fatal("line kept")
	}
	for _, method := range []string{http.MethodGet, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		wantError(t, c.do(method, c.path(acct, "deviceline", id), `{}`), http.StatusNotFound, MessageDeviceNotFound)
		wantError(t, c.do(method, c.path("nope", "deviceline", id), `{}`), http.StatusNotFound, MessageAccountNotFound)
	}
	wantError(t, c.do(http.MethodPost, c.path("nope", "deviceline"), `{}`), http.StatusNotFound, MessageAccountNotFound)
	wantError(t, c.do(http.MethodGet, c.path("nope", "deviceline"), nil), http.StatusNotFound, MessageAccountNotFound)
	// A line of another account is not found through this one.
	other := c.createAccount(simpleAccount("ACC-2"))
	line := c.createLine(other, map[string]any{"userId": c.createUser(other, nil)})
	wantError(t, c.do(http.MethodGet, c.path(acct, "deviceline", line["id"].(string)), nil), http.StatusNotFound, MessageDeviceNotFound)
}

func TestDeviceLineMAC(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	acct := c.createAccount(simpleAccount("ACC-1"))
	user := c.createUser(acct, nil)
	for _, in := range []string{"0004f2abcd01", "0004F2ABCD02", "00:04:f2:ab:cd:03", "00-04-F2-AB-CD-04", "0004.f2ab.cd05", " 0004f2abcd06 "} {
		m := c.createLine(acct, map[string]any{"userId": user, "macAddress": in})
		if mac := m["macAddress"].(string); len(mac) != 12 || mac != strings.ToLower(mac) || mac[:10] != "0004f2abcd" {
			t.Errorf("%q stored as %q", in, mac)
		}
	}
	for _, in := range []string{"0004f2abcd0", "0004f2abcd0011", "0004f2abcdxz", "00:04:f2:ab:cd", "MAC", "0004f2 abcd07", "   "} {
		wantError(t, c.do(http.MethodPost, c.path(acct, "deviceline"), map[string]any{"deviceTypeId": DeviceTypeGenericSIP, "userId": user, "macAddress": in}),
			http.StatusBadRequest, MessageInvalidMacAddress)
	}
	// The lines of one phone share its MAC address and number themselves;
	// another account may not use it.
	a := c.createLine(acct, map[string]any{"userId": user, "macAddress": "AA:BB:CC:DD:EE:FF"})
	b := c.createLine(acct, map[string]any{"userId": user, "macAddress": "aabbccddeeff"})
	d := c.createLine(acct, map[string]any{"userId": user, "macAddress": "aabbccddeeff", "lineNumber": 4})
	e := c.createLine(acct, map[string]any{"userId": user, "macAddress": "aabbccddeeff"})
	if a["lineNumber"] != 1.0 || b["lineNumber"] != 2.0 || d["lineNumber"] != 4.0 || e["lineNumber"] != 3.0 {
		t.Fatalf("line numbers %v %v %v %v", a["lineNumber"], b["lineNumber"], d["lineNumber"], e["lineNumber"])
	}
	wantError(t, c.do(http.MethodPost, c.path(acct, "deviceline"), map[string]any{"deviceTypeId": DeviceTypeGenericSIP, "userId": user, "macAddress": "aabbccddeeff", "lineNumber": 2}),
		http.StatusBadRequest, MessageLineNumberInUse)
	wantError(t, c.do(http.MethodPost, c.path(acct, "deviceline"), map[string]any{"deviceTypeId": DeviceTypeGenericSIP, "userId": user, "lineNumber": -1}),
		http.StatusBadRequest, MessageInvalidLineNumber)
	// A line keeps its own number; moving it to a phone where the number is
	// taken is refused.
	want(t, c.do(http.MethodPut, c.path(acct, "deviceline", b["id"].(string)), map[string]any{"userId": user, "macAddress": "aabbccddeeff", "lineNumber": 2}), http.StatusOK)
	wantError(t, c.do(http.MethodPatch, c.path(acct, "deviceline", b["id"].(string)), `{"lineNumber":1}`), http.StatusBadRequest, MessageLineNumberInUse)
	solo := c.createLine(acct, map[string]any{"userId": user})
	if solo["lineNumber"] != 1.0 {
		t.Fatalf("first line without a MAC address: %v", solo["lineNumber"])
	}
	wantError(t, c.do(http.MethodPatch, c.path(acct, "deviceline", solo["id"].(string)), `{"macAddress":"aabbccddeeff"}`), http.StatusBadRequest, MessageLineNumberInUse)

	other := c.createAccount(simpleAccount("ACC-2"))
	otherUser := c.createUser(other, nil)
	wantError(t, c.do(http.MethodPost, c.path(other, "deviceline"), map[string]any{"deviceTypeId": DeviceTypeGenericSIP, "userId": otherUser, "macAddress": "aa-bb-cc-dd-ee-ff"}),
		http.StatusBadRequest, MessageMacAddressInUse)
	// Even in another partition.
	elsewhere := s.SeedAccount(Account{PartitionID: "partition-2", AccountNumber: "P2"})
	eu := s.SeedUser(User{AccountID: elsewhere.ID})
	func() {
		defer func() {
			if r := recover(); r == nil || !strings.Contains(r.(string), MessageMacAddressInUse) {
				t.Fatalf("recovered %v", r)
			}
		}()
		s.SeedDeviceLine(DeviceLine{AccountID: elsewhere.ID, UserID: eu.ID, MACAddress: "AABBCCDDEEFF"})
	}()
}

func TestDeviceLineSIPUsernames(t *testing.T) {
	s := newTestServer(t, WithCredentials("other", "pw", "partition-2"))
	c := newSession(t, s)
	two := &session{t: t, s: s, tok: want(t, loginAs(t, s, "other", "pw"), http.StatusCreated).obj(t)["authToken"].(string), partition: "partition-2"}
	a := c.createAccount(simpleAccount("ACC-1"))
	b := c.createAccount(simpleAccount("ACC-2"))
	x := two.createAccount(simpleAccount("ACC-X"))
	ua, ub, ux := c.createUser(a, nil), c.createUser(b, nil), two.createUser(x, nil)

	first := c.createLine(a, map[string]any{"userId": ua, "sipUsername": "Alice.Home", "sipPassword": "given-pw"})
	if first["sipUsername"] != "Alice.Home" || first["sipPassword"] != "given-pw" {
		t.Fatalf("given SIP credentials not kept: %v", first)
	}
	// Unique over every account of every partition, whatever the case.
	for _, tc := range []struct {
		c    *session
		acct string
		user string
		name string
	}{
		{c, a, ua, "Alice.Home"},
		{c, b, ub, "alice.home"},
		{two, x, ux, "ALICE.HOME"},
	} {
		wantError(t, tc.c.do(http.MethodPost, tc.c.path(tc.acct, "deviceline"), map[string]any{"deviceTypeId": DeviceTypeGenericSIP, "userId": tc.user, "sipUsername": tc.name}),
			http.StatusBadRequest, MessageSIPUsernameInUse)
	}
	// Generated names go around the ones taken.
	s.SeedDeviceLine(DeviceLine{AccountID: b, UserID: ub, SIPUsername: "sip0000001"})
	if m := two.createLine(x, map[string]any{"userId": ux}); m["sipUsername"] != "sip0000002" {
		t.Fatalf("generated %v", m["sipUsername"])
	}
	// A line keeps its own name; taking another's is refused; a deleted
	// line's name is free.
	id := first["id"].(string)
	want(t, c.do(http.MethodPatch, c.path(a, "deviceline", id), `{"sipUsername":"alice.home"}`), http.StatusOK)
	wantError(t, c.do(http.MethodPatch, c.path(a, "deviceline", id), `{"sipUsername":"sip0000002"}`), http.StatusBadRequest, MessageSIPUsernameInUse)
	want(t, c.do(http.MethodDelete, c.path(a, "deviceline", id), nil), http.StatusNoContent)
	c.createLine(b, map[string]any{"userId": ub, "sipUsername": "Alice.Home"})

	for _, bad := range []string{" ", "alice home", "alice@example.com", "sip:alice"} {
		wantError(t, c.do(http.MethodPost, c.path(a, "deviceline"), map[string]any{"deviceTypeId": DeviceTypeGenericSIP, "userId": ua, "sipUsername": bad}),
			http.StatusBadRequest, MessageInvalidSipUsername)
	}
}

func TestDeviceLineValidation(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	acct := c.createAccount(simpleAccount("ACC-1"))
	other := c.createAccount(simpleAccount("ACC-2"))
	otherUser := c.createUser(other, nil)
	user := c.createUser(acct, nil)
	c.createLine(acct, map[string]any{"userId": user, "sipUsername": "taken"})
	for _, tc := range []struct {
		name string
		body map[string]any
		want []string
	}{
		{"no user", map[string]any{"deviceTypeId": DeviceTypeGenericSIP}, []string{MessageUserIDRequired}},
		{"unknown user", map[string]any{"deviceTypeId": DeviceTypeGenericSIP, "userId": "nope"}, []string{MessageInvalidUserID}},
		{"another account's user", map[string]any{"deviceTypeId": DeviceTypeGenericSIP, "userId": otherUser}, []string{MessageInvalidUserID}},
		{"line type", map[string]any{"deviceTypeId": DeviceTypeGenericSIP, "userId": user, "lineType": "Fax"}, []string{MessageInvalidLineType}},
		{"line type ok", map[string]any{"deviceTypeId": DeviceTypeGenericSIP, "userId": user, "lineType": "ReferencedUser", "referenceId": user}, nil},
		// The device type: required (the spec; seen in the field), one of
		// GET /v2/ref/devicetype, with a MAC address when the type needs one.
		{"no device type", map[string]any{"userId": user}, []string{MessageDeviceTypeIDRequired}},
		{"unknown device type", map[string]any{"userId": user, "deviceTypeId": "generic"}, []string{MessageInvalidDeviceTypeID}},
		{"device type needs a MAC", map[string]any{"userId": user, "deviceTypeId": DeviceTypeSIP4PortMTA}, []string{MessageMacAddressRequired}},
		{"device type with its MAC", map[string]any{"userId": user, "deviceTypeId": DeviceTypeSIP4PortMTA, "macAddress": "00:04:f2:00:00:01"}, nil},
		{"everything", map[string]any{"macAddress": "x", "lineNumber": -2, "sipUsername": "TAKEN", "lineType": "x", "deviceTypeId": "x"},
			[]string{MessageUserIDRequired, MessageInvalidMacAddress, MessageInvalidLineNumber, MessageSIPUsernameInUse, MessageInvalidLineType,
				MessageInvalidDeviceTypeID}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.do(http.MethodPost, c.path(acct, "deviceline"), tc.body)
			if tc.want == nil {
				want(t, r, http.StatusCreated)
				return
			}
			wantError(t, r, http.StatusBadRequest, tc.want...)
		})
	}
}

func TestDeviceLineFilters(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	acct := c.createAccount(simpleAccount("ACC-1"))
	ada, bob := c.createUser(acct, nil), c.createUser(acct, nil)
	l1 := c.createLine(acct, map[string]any{"userId": ada, "macAddress": "0004f2000001"})
	l2 := c.createLine(acct, map[string]any{"userId": ada, "macAddress": "0004f2000001"})
	l3 := c.createLine(acct, map[string]any{"userId": bob, "macAddress": "0004f2000002", "lineType": "ReferencedUser", "referenceId": ada})
	l4 := c.createLine(acct, map[string]any{"userId": bob})

	ids := func(query string) []string {
		t.Helper()
		list := want(t, c.do(http.MethodGet, c.path(acct, "deviceline")+query, nil), http.StatusOK).arr(t)
		out := []string{}
		for _, l := range list {
			out = append(out, l["id"].(string))
		}
		return out
	}
	id := func(m map[string]any) string { return m["id"].(string) }
	for query, wantIDs := range map[string][]string{
		"": {id(l1), id(l2), id(l3), id(l4)},
		"?filterType=MAC_ADDRESS&filter=00:04:F2:00:00:01":      {id(l1), id(l2)},
		"?filterType=MAC_ADDRESS_INVENTORY&filter=0004f2000002": {id(l3)},
		"?filterType=MAC_ADDRESS&filter=0004f2000009":           {},
		"?filterType=OWNING_USERID&filter=" + bob:               {id(l3), id(l4)},
		"?filterType=REFERENCED_USERID&filter=" + ada:           {id(l3)},
		"?filterType=ACCOUNT&filter=" + acct:                    {id(l1), id(l2), id(l3), id(l4)},
		"?filterType=ACCOUNT&filter=other":                      {},
	} {
		if got := ids(query); !reflect.DeepEqual(got, wantIDs) {
			t.Errorf("%q: %v, want %v", query, got, wantIDs)
		}
	}
	for query, key := range map[string]string{
		"?filterType=MAC_ADDRESS":              MessageFilterRequired,
		"?filterType=MAC_ADDRESS&filter=%20":   MessageFilterRequired,
		"?filter=0004f2000001":                 MessageFilterTypeRequired,
		"?filterType=mac&filter=0004f2000001":  MessageInvalidFilterType,
		"?filterType=MAC_ADDRESS&filter=nope":  MessageInvalidMacAddress,
		"?filterType=PHONE&filter=8015550100":  MessageInvalidFilterType,
		"?filterType=OWNING_USERID&filter=":    MessageFilterRequired,
		"?filterType=&filter=" + ada:           MessageFilterTypeRequired,
		"?filterType=ACCOUNT&filter=&other=1":  MessageFilterRequired,
		"?filterType=REFERENCED_USERID&filter": MessageFilterRequired,
	} {
		wantError(t, c.do(http.MethodGet, c.path(acct, "deviceline")+query, nil), http.StatusBadRequest, key)
	}
}

func TestSeedDeviceLine(t *testing.T) {
	s := newTestServer(t)
	a := s.SeedAccount(Account{AccountNumber: "A-1"})
	b := s.SeedAccount(Account{AccountNumber: "B-1"})
	u := s.SeedUser(User{AccountID: a.ID})
	// A seeded line may have no user; the rest is assigned as on create.
	l := s.SeedDeviceLine(DeviceLine{AccountID: a.ID, MACAddress: "00:04:F2:00:00:01", PartitionID: "ignored"})
	if l.ID != "d0000000-0000-4000-8000-000000000001" || l.PartitionID != DefaultPartitionID || l.MACAddress != "0004f2000001" ||
		l.LineNumber != 1 || l.SIPUsername != "sip0000001" || !sipPasswordRE.MatchString(l.SIPPassword) || l.UserID != "" {
		t.Fatalf("seeded %+v", l)
	}
	// The same id replaces, keeping what it leaves out.
	r := s.SeedDeviceLine(DeviceLine{ID: l.ID, AccountID: a.ID, UserID: u.ID, DeviceName: "Desk"})
	if r.SIPUsername != l.SIPUsername || r.SIPPassword != l.SIPPassword || r.LineNumber != 1 || r.MACAddress != "" || r.UserID != u.ID {
		t.Fatalf("replaced %+v", r)
	}
	s.SeedDeviceLine(DeviceLine{ID: "line-2", AccountID: a.ID, SIPUsername: "given", SIPPassword: "pw", LineNumber: 7})
	got := s.DeviceLines(a.ID)
	if len(got) != 2 || got[0].DeviceName != "Desk" || got[1].ID != "line-2" || got[1].LineNumber != 7 || got[1].SIPPassword != "pw" {
		t.Fatalf("DeviceLines %+v", got)
	}

	for name, f := range map[string]func(){
		"no account":      func() { s.SeedDeviceLine(DeviceLine{AccountID: "nope"}) },
		"another account": func() { s.SeedDeviceLine(DeviceLine{ID: "line-2", AccountID: b.ID}) },
		"bad MAC":         func() { s.SeedDeviceLine(DeviceLine{AccountID: a.ID, MACAddress: "x"}) },
		"bad user":        func() { s.SeedDeviceLine(DeviceLine{AccountID: b.ID, UserID: u.ID}) },
		"SIP username":    func() { s.SeedDeviceLine(DeviceLine{AccountID: b.ID, SIPUsername: "GIVEN"}) },
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

func TestNormalizeMAC(t *testing.T) {
	for in, want := range map[string]string{
		"0004F2ABCDEF": "0004f2abcdef", "00:04:f2:ab:cd:ef": "0004f2abcdef", "00-04-F2-aB-Cd-eF": "0004f2abcdef",
		"0004.f2ab.cdef": "0004f2abcdef", "\t0004f2abcdef\n": "0004f2abcdef",
		"": "", "0004f2abcde": "", "0004f2abcdefa": "", "0004f2abcdeg": "", "00_04_f2_ab_cd_ef": "",
	} {
		got, ok := normalizeMAC(in)
		if ok != (want != "") || (ok && got != want) {
			t.Errorf("normalizeMAC(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
