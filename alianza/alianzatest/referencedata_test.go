package alianzatest

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

func TestDeviceTypes(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	list := want(t, c.do(http.MethodGet, "/v2/ref/devicetype?partitionid="+DefaultPartitionID, nil), http.StatusOK).arr(t)
	var ids []string
	for _, d := range list {
		ids = append(ids, d["id"].(string))
	}
	wantIDs := []string{DeviceTypeGenericSIP, DeviceTypeObihaiOBi202, DeviceTypePolycomVVX450, DeviceTypeSIP4PortMTA, DeviceTypeYealinkT54W}
	if !reflect.DeepEqual(ids, wantIDs) {
		t.Fatalf("device types %v, want %v", ids, wantIDs)
	}
	// Without the partition too; another partition's is not permitted.
	if n := len(want(t, c.do(http.MethodGet, "/v2/ref/devicetype", nil), http.StatusOK).arr(t)); n != len(wantIDs) {
		t.Errorf("%d device types without partitionid", n)
	}
	wantError(t, c.do(http.MethodGet, "/v2/ref/devicetype?partitionid=partition-2", nil), http.StatusForbidden, MessageNotPermitted)

	got := want(t, c.do(http.MethodGet, "/v2/ref/devicetype/"+DeviceTypeSIP4PortMTA, nil), http.StatusOK)
	const wantRaw = `{"id":"SIP_4_Port_MTA","name":"SIP 4 Port MTA","numLines":4,"deviceTypeManufacturer":"THIRD_PARTY",` +
		`"faxSupported":true,"macAddressRequired":true,"deviceKind":"MTA"}`
	if string(got.raw) != wantRaw {
		t.Errorf("GET device type\n%s\nwant\n%s", got.raw, wantRaw)
	}
	wantError(t, c.do(http.MethodGet, "/v2/ref/devicetype/generic", nil), http.StatusNotFound, MessageDeviceTypeNotFound)

	// A seeded type can be used at once.
	s.SeedDeviceType(DeviceType{ID: "Cisco_SPA122", Name: "Cisco SPA122", NumLines: 2, DeviceTypeManufacturer: "CISCO_LINKSYS_SIPURA", MACAddressRequired: true})
	acct := c.createAccount(simpleAccount("ACC-1"))
	user := c.createUser(acct, nil)
	line := c.createLine(acct, map[string]any{"userId": user, "deviceTypeId": "Cisco_SPA122", "macAddress": "aabbccddeeff"})
	if line["deviceTypeId"] != "Cisco_SPA122" {
		t.Errorf("line %v", line)
	}
	mustPanic(t, "empty id", func() { s.SeedDeviceType(DeviceType{}) })

	// Changing a line's type checks the new one; keeping it does not.
	id := line["id"].(string)
	wantError(t, c.do(http.MethodPatch, c.path(acct, "deviceline", id), `{"deviceTypeId":"nope"}`), http.StatusBadRequest, MessageInvalidDeviceTypeID)
	wantError(t, c.do(http.MethodPatch, c.path(acct, "deviceline", id), `{"deviceTypeId":"Yealink_T54W","macAddress":null}`),
		http.StatusBadRequest, MessageMacAddressRequired)
	want(t, c.do(http.MethodPatch, c.path(acct, "deviceline", id), `{"deviceTypeId":"Yealink_T54W"}`), http.StatusOK)

	// The reference data needs a token like every call.
	if r := send(t, s, http.MethodGet, "/v2/ref/devicetype", "", nil); r.status != http.StatusUnauthorized {
		t.Errorf("no token: HTTP %d", r.status)
	}
}

func TestTimeZonesAndLanguages(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	var zones map[string][]string
	if err := json.Unmarshal(want(t, c.do(http.MethodGet, "/v2/ref/timezones", nil), http.StatusOK).raw, &zones); err != nil {
		t.Fatal(err)
	}
	if len(zones) != 1 || len(zones["timeZones"]) != 15 || zones["timeZones"][6] != "US/Central" {
		t.Errorf("time zones %v", zones)
	}
	langs := want(t, c.do(http.MethodGet, "/v2/ref/language", nil), http.StatusOK).arr(t)
	if len(langs) != 4 || langs[0]["id"] != "en-US" || langs[3]["id"] != "fr-CA" || langs[3]["language"] != "French" || langs[3]["country"] != "CA" {
		t.Errorf("languages %v", langs)
	}

	// A refusal names the valid values and the call that lists them.
	r := c.do(http.MethodPost, c.path(), with(simpleAccount("TZ-1"), "timeZone", "America/Chicago"))
	wantError(t, r, http.StatusBadRequest, MessageInvalidTimeZone)
	msgs := strs(r.obj(t)["messages"])
	if !strings.Contains(msgs[1], "US/Central") || !strings.Contains(msgs[1], "GET /v2/ref/timezones") {
		t.Errorf("hint %q", msgs[1])
	}
	r = c.do(http.MethodPost, c.path(), with(simpleAccount("LT-1"), "languageTag", "en-GB"))
	wantError(t, r, http.StatusBadRequest, MessageInvalidLanguageTag)
	if h := strs(r.obj(t)["messages"])[1]; h != "languageTag must be one of en-US, es-US, en-CA, fr-CA (GET /v2/ref/language)" {
		t.Errorf("hint %q", h)
	}
	acct := c.createAccount(simpleAccount("ACC-1"))
	wantError(t, c.do(http.MethodPost, c.path(acct, "user"), map[string]any{"languageTag": "de-DE"}), http.StatusBadRequest, MessageInvalidLanguageTag)
	c.createUser(acct, map[string]any{"languageTag": "es-US"})
}

func TestCallingPlanProductsAndInboundRatePlans(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	s.SeedCallingPlanProduct(CallingPlanProduct{ID: "cpp-unlimited", Name: "Unlimited", PlanMinutes: 100000})
	for _, q := range []string{"", "?includeArchived=true", "?includeArchived=false"} {
		list := want(t, c.do(http.MethodGet, c.ppath("callingplanproduct")+q, nil), http.StatusOK).arr(t)
		if len(list) != 4 || list[0]["id"] != CallingPlanProduct500 || list[0]["defaultPlan"] != true || list[3]["id"] != "cpp-unlimited" ||
			list[1]["planMinutes"] != 1000.0 || list[1]["defaultPlan"] != false || list[2]["partitionId"] != DefaultPartitionID {
			t.Fatalf("calling plan products%s: %v", q, list)
		}
	}
	wantError(t, c.do(http.MethodGet, c.ppath("callingplanproduct")+"?includeArchived=maybe", nil), http.StatusBadRequest, MessageInvalidIncludeArchived)
	wantError(t, c.do(http.MethodGet, "/v2/partition/partition-2/callingplanproduct", nil), http.StatusForbidden, MessageNotPermitted)

	list := want(t, c.do(http.MethodGet, c.ppath("inboundrateplanproduct"), nil), http.StatusOK)
	const wantRaw = `[{"id":"irp-standard","name":"Standard Toll-Free","defaultPlan":true,"archived":false,` +
		`"rates":{"CANADA":{"rate":0.025,"allowCalls":true},"US":{"rate":0.025,"allowCalls":true}},"partitionId":"partition-1"},` +
		`{"id":"irp-us-only","name":"US Only Toll-Free","defaultPlan":false,"archived":false,` +
		`"rates":{"CANADA":{"rate":0,"allowCalls":false},"US":{"rate":0.02,"allowCalls":true}},"partitionId":"partition-1"}]`
	if string(list.raw) != wantRaw {
		t.Errorf("inbound rate plans\n%s\nwant\n%s", list.raw, wantRaw)
	}
	one := want(t, c.do(http.MethodGet, c.ppath("inboundrateplanproduct", InboundRatePlanUSOnly), nil), http.StatusOK).obj(t)
	if one["name"] != "US Only Toll-Free" {
		t.Errorf("inbound rate plan %v", one)
	}
	wantError(t, c.do(http.MethodGet, c.ppath("inboundrateplanproduct", "nope"), nil), http.StatusNotFound, MessageInboundRatePlanNotFound)

	// An account takes a known inbound rate plan only; a calling plan a
	// known product only, and both refusals say where the ids are listed.
	r := c.do(http.MethodPost, c.path(), with(simpleAccount("TF-1"), "inboundRatePlanProductId", "irp"))
	wantError(t, r, http.StatusBadRequest, MessageInvalidInboundRatePlanProductID)
	if h := strs(r.obj(t)["messages"])[1]; !strings.Contains(h, "GET /v2/partition/{partitionId}/inboundrateplanproduct") {
		t.Errorf("hint %q", h)
	}
	acct := c.createAccount(with(simpleAccount("TF-2"), "inboundRatePlanProductId", InboundRatePlanUSOnly))
	if a, _ := s.Account(acct); a.InboundRatePlanProductID != InboundRatePlanUSOnly {
		t.Errorf("account %+v", a)
	}
	r = c.do(http.MethodPut, c.path(acct, "callingplan"), map[string]any{"callingPlanReferenceId": "cpp-9999", "pending": false})
	wantError(t, r, http.StatusBadRequest, MessageInvalidCallingPlanProductID)
	if h := strs(r.obj(t)["messages"])[1]; !strings.Contains(h, "GET /v2/partition/{partitionId}/callingplanproduct") {
		t.Errorf("hint %q", h)
	}
}

func TestRegistrationStatus(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	acct := c.createAccount(simpleAccount("ACC-1"))
	user := c.createUser(acct, nil)
	id := c.createLine(acct, map[string]any{"userId": user})["id"].(string)
	path := c.path(acct, "deviceline", id, "registrationstatus")
	if r := want(t, c.do(http.MethodGet, path, nil), http.StatusOK); string(r.raw) != `{"registered":false}` {
		t.Errorf("a new line: %s", r.raw)
	}
	if !s.SetRegistered(id, true) {
		t.Fatal("SetRegistered")
	}
	if r := want(t, c.do(http.MethodGet, path, nil), http.StatusOK); string(r.raw) != `{"registered":true}` {
		t.Errorf("registered: %s", r.raw)
	}
	if s.SetRegistered("nope", true) {
		t.Error("SetRegistered of no line")
	}
	wantError(t, c.do(http.MethodGet, c.path(acct, "deviceline", "nope", "registrationstatus"), nil), http.StatusNotFound, MessageDeviceNotFound)
	want(t, c.do(http.MethodDelete, c.path(acct, "deviceline", id), nil), http.StatusNoContent)
	wantError(t, c.do(http.MethodGet, path, nil), http.StatusNotFound, MessageDeviceNotFound)
	if s.SetRegistered(id, true) {
		t.Error("SetRegistered of a deleted line")
	}
}

// POST /v2/authorize answers 201, as production does; every 401 comes as
// {"message":"Unauthorized"} with WithGatewayUnauthorized.
func TestLoginStatusAndGatewayUnauthorized(t *testing.T) {
	s := newTestServer(t)
	r := loginAs(t, s, DefaultUsername, DefaultPassword)
	if r.status != http.StatusCreated || r.obj(t)["authToken"] == "" {
		t.Fatalf("login: HTTP %d %s", r.status, r.raw)
	}

	g := newTestServer(t, WithGatewayUnauthorized())
	for name, r := range map[string]result{
		"wrong password": loginAs(t, g, DefaultUsername, "nope"),
		"no token":       send(t, g, http.MethodGet, "/v2/partition/partition-1/account", "", nil),
		"unknown token":  send(t, g, http.MethodGet, "/v2/partition/partition-1/account", "not-a-token", nil),
	} {
		if r.status != http.StatusUnauthorized || string(r.raw) != `{"message":"Unauthorized"}` {
			t.Errorf("%s: HTTP %d %s", name, r.status, r.raw)
		}
	}
	c := newSession(t, g)
	want(t, c.do(http.MethodGet, c.path(), nil), http.StatusOK)
	g.ExpireTokens()
	if r := c.do(http.MethodGet, c.path(), nil); r.status != http.StatusUnauthorized || string(r.raw) != `{"message":"Unauthorized"}` {
		t.Errorf("expired: HTTP %d %s", r.status, r.raw)
	}
	// Other refusals keep their shape.
	c = newSession(t, g)
	wantError(t, c.do(http.MethodGet, "/v2/partition/partition-2/account", nil), http.StatusForbidden, MessageNotPermitted)
}
