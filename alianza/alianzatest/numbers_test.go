package alianzatest

import (
	"net/http"
	"reflect"
	"testing"
	"time"
)

func TestCanonicalTN(t *testing.T) {
	for in, want := range map[string]string{
		"18015550100": "18015550100", "+18015550100": "18015550100", "8015550100": "18015550100",
		" 8015550100 ": "18015550100", "441632960961": "441632960961", "123456789012345": "123456789012345",
		"801555010": "", "1234567890123456": "", "801-555-0100": "", "": "", "+": "",
	} {
		got, ok := canonicalTN(in)
		if got != want || ok != (want != "") {
			t.Errorf("canonicalTN(%q) = %q, %v", in, got, ok)
		}
	}
	for in, want := range map[string]bool{"84062": true, "84062-1234": true, "k1a 0b1": true, "K1A0B1": true,
		"8406": false, "84062-12": false, "1A1A1A": false, "K1A 0BB": false, "": false} {
		if _, ok := postalCode(in); ok != want {
			t.Errorf("postalCode(%q) = %v", in, ok)
		}
	}
	if prefix("18015550100") != "801555" || prefix("441632960961") != "441632" {
		t.Fatal("prefix")
	}
}

func TestSeedInventory(t *testing.T) {
	s := newTestServer(t)
	s.SeedNumbers("8015550101", "+18015550100")
	n := s.SeedInventoryNumber(InventoryNumber{PhoneNumber: "15185550100", PartitionID: "partition-2", RateCenter: "ALBANY",
		State: "NY", Country: "US", PostalCode: "12207", Lat: 42.65, Long: -73.75, FunctionType: "TollFree", CarrierID: "c-1",
		ReservedBy: "ignored"})
	if n.ReservedBy != "" || n.PartitionID != "partition-2" {
		t.Fatalf("seeded %+v", n)
	}
	all := s.InventoryNumbers("")
	if len(all) != 3 || all[0].PhoneNumber != "15185550100" || all[1].PhoneNumber != "18015550100" {
		t.Fatalf("inventory %+v", all)
	}
	want := InventoryNumber{PhoneNumber: "18015550100", PartitionID: DefaultPartitionID, Country: "US", FunctionType: "ELS"}
	if got := s.InventoryNumbers(DefaultPartitionID); len(got) != 2 || !reflect.DeepEqual(got[0], want) {
		t.Fatalf("partition inventory %+v", got)
	}
	if s.InventoryNumbers("nowhere") != nil {
		t.Fatal("an empty partition's inventory is not nil")
	}
	// Replacing keeps one entry.
	s.SeedInventoryNumber(InventoryNumber{PhoneNumber: "18015550100", RateCenter: "LEHI"})
	if got := s.InventoryNumbers(DefaultPartitionID); len(got) != 2 || got[0].RateCenter != "LEHI" {
		t.Fatalf("replaced %+v", got)
	}

	mustPanic(t, "not a telephone number", func() { s.SeedNumbers("555-0100") })
	mustPanic(t, "in the inventory already", func() { s.SeedNumbers("18015550100") })
	acct := s.SeedAccount(Account{AccountNumber: "ACC-1"})
	c := newSession(t, s)
	want200(t, c.do(http.MethodPost, c.path(acct.ID, "telephonenumber"), activation("18015550100")))
	mustPanic(t, "is on account", func() { s.SeedInventoryNumber(InventoryNumber{PhoneNumber: "18015550100"}) })
}

// want200 checks a 200 answer.
func want200(t *testing.T, r result) result {
	t.Helper()
	return want(t, r, http.StatusOK)
}

// activation is an activation body of inventory numbers.
func activation(tns ...string) map[string]any {
	var nums []any
	for _, tn := range tns {
		nums = append(nums, map[string]any{"phoneNumber": tn})
	}
	return map[string]any{"telephoneNumbers": nums}
}

func phoneNumbers(list []map[string]any) []string {
	var out []string
	for _, m := range list {
		out = append(out, m["phoneNumber"].(string))
	}
	return out
}

func TestInventorySearch(t *testing.T) {
	s := newTestServer(t, WithCredentials("clerk", "pw", DefaultPartitionID))
	c := newSession(t, s)
	s.SeedNumbers("18015550101", "18015550100", "18015560100")
	s.SeedInventoryNumber(InventoryNumber{PhoneNumber: "15185550100", RateCenter: "ALBANY", State: "NY", PostalCode: "12207",
		Lat: 42.6526, Long: -73.7562, CarrierID: "c-1"})
	s.SeedInventoryNumber(InventoryNumber{PhoneNumber: "15185550101", RateCenter: "Albany", State: "GA", PostalCode: "31701",
		Lat: 31.5785, Long: -84.1557, CarrierID: "c-2"})
	s.SeedInventoryNumber(InventoryNumber{PhoneNumber: "16135550100", RateCenter: "OTTAWA", State: "ON", Country: "CA", PostalCode: "K1A 0B1"})
	s.SeedInventoryNumber(InventoryNumber{PhoneNumber: "18005550100", FunctionType: "TollFree"})
	s.SeedInventoryNumber(InventoryNumber{PhoneNumber: "18015550199", PartitionID: "partition-2"})
	search := func(query string) []string {
		t.Helper()
		return phoneNumbers(want200(t, c.do(http.MethodGet, c.ppath("telephonenumber", "search")+"?"+query, nil)).arr(t))
	}
	for query, wantTNs := range map[string][]string{
		"q=18015550100":                                  {"18015550100"},
		"q=%2B18015550100":                               {"18015550100"},
		"q=8015550100":                                   {"18015550100"},
		"q=1801555&type=TN":                              {"18015550100", "18015550101"},
		"q=18015&type=TN&maxResults=2":                   {"18015550100", "18015550101"},
		"q=18015&type=TN&maxResults=10":                  {"18015550100", "18015550101", "18015560100"},
		"q=1800&type=TN&functiontype=TollFree":           {"18005550100"},
		"q=12207":                                        {"15185550100"},
		"q=12207-0001&type=POSTALCODE":                   {"15185550100"},
		"q=k1a+0b1":                                      {"16135550100"},
		"q=ALBANY&type=RATECENTER":                       {"15185550100", "15185550101"},
		"q=albany.ga&type=RATECENTER":                    {"15185550101"},
		"q=ALBANY&type=RATECENTER_CARRIER&carrierId=c-1": {"15185550100"},
		"q=ALBANY.CA&type=RATECENTER":                    nil,
		"q=84062":                                        nil,
		"q=18015550199":                                  nil, // another partition's
		"type=LAT_LONG&lat=42&long=-73":                  {"15185550100", "15185550101"},
		"type=LAT_LONG&lat=31&long=-84":                  {"15185550101", "15185550100"},
	} {
		if got := search(query); !reflect.DeepEqual(got, wantTNs) {
			t.Errorf("%s: %v, want %v", query, got, wantTNs)
		}
	}
	// The whole view.
	r := want200(t, c.do(http.MethodGet, c.ppath("telephonenumber", "search")+"?q=12207", nil))
	const wantRaw = `[{"id":"15185550100","partitionId":"partition-1","phoneNumber":"15185550100","rateCenter":"ALBANY","state":"NY",` +
		`"country":"US","prefix":"518555","carrierId":"c-1","functionType":"ELS","matchesZip":true,"distance":0,"byotn":false,` +
		`"isInInventory":true,"port":false}]`
	if string(r.raw) != wantRaw {
		t.Fatalf("search answered\n%s\nwant\n%s", r.raw, wantRaw)
	}
	m := want200(t, c.do(http.MethodGet, c.ppath("telephonenumber", "search")+"?type=LAT_LONG&lat=42&long=-73", nil)).arr(t)
	if d := m[0]["distance"].(float64); d < 55 || d > 62 {
		t.Fatalf("distance %v", d)
	}
	// 20 results unless maxResults says otherwise.
	for i := range 25 {
		s.SeedInventoryNumber(InventoryNumber{PhoneNumber: "1435555" + pad4(i)})
	}
	if got := search("q=1435&type=TN"); len(got) != DefaultSearchResults {
		t.Fatalf("%d results", len(got))
	}

	// A number reserved by someone else is not offered; one's own is.
	clerk := sessionAs(t, s, "clerk", "pw", DefaultPartitionID)
	want200(t, clerk.do(http.MethodPut, clerk.ppath("telephonenumber", "18015550100", "reserve"), nil))
	if got := search("q=18015550100"); got != nil {
		t.Fatalf("reserved by another: %v", got)
	}
	if got := phoneNumbers(want200(t, clerk.do(http.MethodGet, clerk.ppath("telephonenumber", "search")+"?q=18015550100", nil)).arr(t)); len(got) != 1 {
		t.Fatalf("own reservation: %v", got)
	}

	for query, keys := range map[string][]string{
		"q=1&type=ZIP":                             {MessageInvalidSearchType},
		"q=1&functiontype=X":                       {MessageInvalidFunctionType},
		"q=1&type=X&functiontype=X":                {MessageInvalidSearchType, MessageInvalidFunctionType},
		"q=1&maxResults=0":                         {MessageInvalidMaxResults},
		"q=1&maxResults=many":                      {MessageInvalidMaxResults},
		"type=TN":                                  {MessageSearchTermRequired},
		"q=+++":                                    {MessageSearchTermRequired},
		"type=LAT_LONG":                            {MessageInvalidLatLong},
		"type=LAT_LONG&lat=91&long=0":              {MessageInvalidLatLong},
		"type=LAT_LONG&lat=0&long=-181":            {MessageInvalidLatLong},
		"type=LAT_LONG&lat=x&long=0&maxResults=-1": {MessageInvalidMaxResults, MessageInvalidLatLong},
	} {
		wantError(t, c.do(http.MethodGet, c.ppath("telephonenumber", "search")+"?"+query, nil), http.StatusBadRequest, keys...)
	}
	for _, query := range []string{"q=abc&type=TN", "q=1234567890123456&type=TN", "q=ABCDE&type=POSTALCODE", "q=123",
		"q=.NY&type=RATECENTER"} {
		wantError(t, c.do(http.MethodGet, c.ppath("telephonenumber", "search")+"?"+query, nil), http.StatusUnprocessableEntity,
			MessageInvalidSearchTerm)
	}
}

func pad4(i int) string {
	s := "0000" + itoa(i)
	return s[len(s)-4:]
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

func TestReserveAndRelease(t *testing.T) {
	clk := newClock()
	s := newTestServer(t, withClock(clk), WithCredentials("clerk", "pw", DefaultPartitionID), WithCredentials("other", "pw", "partition-2"))
	c := newSession(t, s)
	clerk := sessionAs(t, s, "clerk", "pw", DefaultPartitionID)
	other := sessionAs(t, s, "other", "pw", "partition-2")
	s.SeedNumbers("18015550100", "18015550101")
	s.SeedInventoryNumber(InventoryNumber{PhoneNumber: "15145550100", PartitionID: "partition-2"})
	reserve := func(c *session, tn string) result {
		return c.do(http.MethodPut, c.ppath("telephonenumber", tn, "reserve"), nil)
	}
	release := func(c *session, tn string) result {
		return c.do(http.MethodDelete, c.ppath("telephonenumber", tn, "reserve"), nil)
	}

	r := want200(t, reserve(c, "8015550100"))
	const wantRaw = `{"id":"30000000-0000-4000-8000-000000000001","tn":"18015550100","reservedTime":"2025-03-04T05:06:07Z","reserved":true}`
	if string(r.raw) != wantRaw {
		t.Fatalf("reserve answered %s", r.raw)
	}
	clk.add(time.Minute)
	if again := want200(t, reserve(c, "18015550100")); string(again.raw) != wantRaw {
		t.Fatalf("reserve again answered %s", again.raw)
	}
	inv := s.InventoryNumbers(DefaultPartitionID)
	if inv[0].ReservedBy != DefaultUsername || !inv[0].ReservedTime.Equal(newClock().now()) || inv[1].ReservedBy != "" {
		t.Fatalf("inventory %+v", inv)
	}
	wantError(t, reserve(clerk, "18015550100"), http.StatusBadRequest, MessageTelephoneNumberReserved)
	wantError(t, release(clerk, "18015550100"), http.StatusBadRequest, MessageTelephoneNumberReserved)
	wantError(t, reserve(c, "555"), http.StatusBadRequest, MessageInvalidTelephoneNumber)
	wantError(t, release(c, "555"), http.StatusBadRequest, MessageInvalidTelephoneNumber)
	wantError(t, reserve(c, "18015559999"), http.StatusNotFound, MessageTelephoneNumberNotFound)
	wantError(t, reserve(c, "15145550100"), http.StatusNotFound, MessageTelephoneNumberNotFound)
	want200(t, reserve(other, "15145550100"))
	wantError(t, release(c, "18015550101"), http.StatusNotFound, MessageReservationNotFound)

	want(t, release(c, "18015550100"), http.StatusNoContent)
	wantError(t, release(c, "18015550100"), http.StatusNotFound, MessageReservationNotFound)
	r = want200(t, reserve(clerk, "18015550100"))
	if m := r.obj(t); m["id"] != "30000000-0000-4000-8000-000000000003" {
		t.Fatalf("a new reservation: %v", m)
	}

	// A number on an account of the partition is in use; of another, not found.
	acct := c.createAccount(simpleAccount("ACC-1"))
	want200(t, c.do(http.MethodPost, c.path(acct, "telephonenumber"), activation("18015550101")))
	wantError(t, reserve(clerk, "18015550101"), http.StatusBadRequest, MessageTelephoneNumberInUse)
	wantError(t, release(clerk, "18015550101"), http.StatusBadRequest, MessageTelephoneNumberInUse)
	wantError(t, reserve(other, "18015550101"), http.StatusNotFound, MessageTelephoneNumberNotFound)
	wantError(t, send(t, s, http.MethodGet, c.ppath("telephonenumber", "18015550101", "reserve"), "", nil),
		http.StatusMethodNotAllowed, MessageMethodNotAllowed)
}

func TestAddAccountNumbers(t *testing.T) {
	clk := newClock()
	s := newTestServer(t, withClock(clk), WithCredentials("clerk", "pw", DefaultPartitionID))
	c := newSession(t, s)
	acct := c.createAccount(with(simpleAccount("ACC-1"), "accountType", "ADVANCED"))
	user := c.createUser(acct, map[string]any{"firstName": "Ada"})
	s.SeedNumbers("18015550100", "18015550101", "18015550102", "18015550103")
	s.SeedInventoryNumber(InventoryNumber{PhoneNumber: "18005550100", FunctionType: "TollFree", CarrierID: "c-9"})
	s.SeedInventoryNumber(InventoryNumber{PhoneNumber: "15145550100", PartitionID: "partition-2"})
	add := func(body any) result { return c.do(http.MethodPost, c.path(acct, "telephonenumber"), body) }

	// The caller's own reservation is consumed.
	want200(t, c.do(http.MethodPut, c.ppath("telephonenumber", "18015550100", "reserve"), nil))
	body := map[string]any{
		"id": "ignored", "holdActivation": false, "byotnCarrierId": "b-1", "l3Settings": map[string]any{"servicePackage": "Usage"},
		"customerServiceRecord": map[string]any{"firstName": "Ada", "lastName": "Lovelace", "businessName": "Engines", "city": "Lehi", "state": "UT"},
		"e911Address":           map[string]any{"streetName": "Main", "city": "Lehi"},
		"directoryListing":      map[string]any{"listed": true},
		"telephoneNumbers": []any{
			map[string]any{"phoneNumber": "+18015550100", "referenceType": "END_USER", "referenceId": user, "canAcceptSMS": true,
				"servicePackageType": "Usage", "operationalStatus": "STAGED"},
			map[string]any{"phoneNumber": "18005550100", "functionType": "ELS"},
		},
	}
	r := want200(t, add(body))
	const wantRaw = `{"id":"10000000-0000-4000-8000-000000000001","partitionId":"partition-1","accountId":"a0000000-0000-4000-8000-000000000001",` +
		`"l3Settings":{"servicePackage":"Usage"},"customerServiceRecord":{"businessName":"Engines","city":"Lehi","firstName":"Ada",` +
		`"lastName":"Lovelace","state":"UT"},"directoryListing":{"listed":true},"e911Address":{"city":"Lehi","streetName":"Main"},` +
		`"holdActivation":false,"telephoneNumbers":[{"id":"18015550100","phoneNumber":"18015550100","referenceType":"END_USER",` +
		`"referenceId":"e0000000-0000-4000-8000-000000000001","functionType":"ELS","canAcceptSMS":true,"operationalStatus":"STAGED",` +
		`"servicePackageType":"Usage","tollFree":false},{"id":"18005550100","phoneNumber":"18005550100","functionType":"TollFree",` +
		`"canAcceptSMS":false,"operationalStatus":"ACTIVE","tollFree":true}],"byotnCarrierId":"b-1"}`
	if string(r.raw) != wantRaw {
		t.Fatalf("activation answered\n%s\nwant\n%s", r.raw, wantRaw)
	}
	nums := s.AccountNumbers(acct)
	wantTN := TelephoneNumber{ID: "18015550100", PhoneNumber: "18015550100", ReferenceType: "END_USER", ReferenceID: user,
		FunctionType: "ELS", CanAcceptSMS: true, OperationalStatus: "STAGED", ServicePackageType: "Usage", AccountID: acct,
		PartitionID: DefaultPartitionID, CarrierStatus: "ACTIVE", BYOTNCarrierID: "b-1",
		CustomerServiceRecord: body["customerServiceRecord"].(map[string]any), E911Address: body["e911Address"].(map[string]any),
		DirectoryListing: map[string]any{"listed": true}}
	if len(nums) != 2 || !reflect.DeepEqual(nums[0], wantTN) || nums[1].CarrierID != "c-9" || !nums[1].TollFree {
		t.Fatalf("numbers %+v", nums)
	}
	nums[0].E911Address["city"] = "changed" // a copy
	if s.AccountNumbers(acct)[0].E911Address["city"] != "Lehi" {
		t.Fatal("AccountNumbers shares its objects")
	}
	if inv := s.InventoryNumbers(DefaultPartitionID); len(inv) != 3 {
		t.Fatalf("inventory %+v", inv)
	}
	events := s.StatusEvents(DefaultPartitionID)
	if len(events) != 1 || events[0].ServiceType != "ACTIVATION" || events[0].ActivationStatusType != "COMPLETED" ||
		events[0].MainTelephoneNumber != "18015550100" || !reflect.DeepEqual(events[0].SubTelephoneNumbers, []string{"18005550100"}) ||
		events[0].FirstName != "Ada" || events[0].CompanyName != "Engines" || events[0].City != "Lehi" || events[0].State != "UT" ||
		events[0].ReferenceID != "10000000-0000-4000-8000-000000000001" || len(events[0].Logs) != 1 {
		t.Fatalf("events %+v", events)
	}
	if h := s.History(acct); len(h) != 4 || h[2].AccountHistoryType != "PHONE_NUMBER" || h[2].Action != "CREATE" || h[3].NewValue != "18005550100" {
		t.Fatalf("history %+v", h)
	}

	// Every rule a request breaks, in order; nothing is added.
	for _, tc := range []struct {
		body any
		keys []string
	}{
		{map[string]any{}, []string{MessageTelephoneNumbersRequired}},
		{map[string]any{"port": map[string]any{"telephoneNumbers": []any{}}}, []string{MessageTelephoneNumbersRequired}},
		{activation("555"), []string{MessageInvalidTelephoneNumber}},
		{activation("18015550101", "8015550101"), []string{MessageDuplicateTelephoneNumber}},
		{activation("18015550100"), []string{MessageTelephoneNumberInUse}},
		{activation("18015559999", "15145550100"), []string{MessageTelephoneNumberNotInInventory}},
		{map[string]any{"telephoneNumbers": []any{
			map[string]any{"phoneNumber": "18015550101", "referenceType": "PHONE", "referenceId": "x"},
			map[string]any{"phoneNumber": "18015550102", "referenceType": "END_USER", "referenceId": "nobody", "functionType": "X"},
			map[string]any{"phoneNumber": "18015550103", "referenceId": "x", "operationalStatus": "X", "servicePackageType": "X"},
		}}, []string{MessageInvalidReferenceType, MessageInvalidReferenceID, MessageInvalidFunctionType, MessageReferenceTypeRequired,
			MessageInvalidOperationalStatus, MessageInvalidServicePackageType}},
		{map[string]any{"telephoneNumbers": []any{map[string]any{"phoneNumber": "18015550101", "referenceType": "IVR"}}},
			[]string{MessageReferenceIDRequired}},
		{map[string]any{"port": map[string]any{"telephoneNumbers": []any{"18015550101", "555", "14355550100", "14355550100"}}},
			[]string{MessageInvalidTelephoneNumber, MessageDuplicateTelephoneNumber, MessageTelephoneNumberInUse}},
	} {
		wantError(t, add(tc.body), http.StatusBadRequest, tc.keys...)
	}
	clerk := sessionAs(t, s, "clerk", "pw", DefaultPartitionID)
	want200(t, clerk.do(http.MethodPut, clerk.ppath("telephonenumber", "18015550101", "reserve"), nil))
	wantError(t, add(activation("18015550101")), http.StatusBadRequest, MessageTelephoneNumberReserved)
	for raw, msg := range map[string]string{
		``:                                     "request body is required",
		`{"telephoneNumbers":{}}`:              "telephoneNumbers must be an array",
		`{"port":[]}`:                          "port must be an object",
		`{"port":{"telephoneNumbers":"1801"}}`: "port.telephoneNumbers must be an array",
		`{"port":{"crdDate":"soon"}}`:          "malformed JSON request body",
		`{"e911Address":"Main St"}`:            "e911Address must be an object",
	} {
		wantValidation(t, add(raw), msg)
	}
	wantError(t, c.do(http.MethodPost, c.path("nope", "telephonenumber"), activation("18015550102")), http.StatusNotFound, MessageAccountNotFound)
	if n := len(s.AccountNumbers(acct)); n != 2 {
		t.Fatalf("%d numbers after refused requests", n)
	}

	// A port: its numbers come from elsewhere, pending; with a number of
	// the inventory in the same activation, and held.
	clk.add(time.Minute)
	r = want200(t, add(map[string]any{"holdActivation": true,
		"port": map[string]any{"telephoneNumbers": []any{"+14355550100", "14355550101"}, "carrierType": "LEVEL_3",
			"crdDate": "2030-01-02T00:00:00Z", "wirelessPin": "1234"},
		"telephoneNumbers": []any{map[string]any{"phoneNumber": "14355550101", "canAcceptSMS": true}, map[string]any{"phoneNumber": "18015550102"}}}))
	m := r.obj(t)
	port := m["port"].(map[string]any)
	if port["id"] != "20000000-0000-4000-8000-000000000001" || port["status"] != "PORT_PENDING" || port["accountId"] != acct ||
		port["wirelessPin"] != "1234" || !reflect.DeepEqual(strs(port["telephoneNumbers"]), []string{"14355550100", "14355550101"}) {
		t.Fatalf("port %v", port)
	}
	if got := phoneNumbers(toMaps(m["telephoneNumbers"])); !reflect.DeepEqual(got, []string{"14355550101", "18015550102", "14355550100"}) {
		t.Fatalf("numbers %v", got)
	}
	nums = s.AccountNumbers(acct)
	if len(nums) != 5 || nums[2].PortID != port["id"] || nums[2].CarrierStatus != "PORT_PENDING" || !nums[2].CanAcceptSMS ||
		nums[3].CarrierStatus != "ACTIVATION_ON_HOLD" || nums[4].PhoneNumber != "14355550100" || nums[4].FunctionType != "ELS" {
		t.Fatalf("numbers %+v", nums)
	}
	events = s.StatusEvents("")
	hold, portEv := events[1], events[2]
	if hold.ServiceType != "ACTIVATION" || hold.ActivationStatusType != "ON_HOLD" || hold.MainTelephoneNumber != "18015550102" ||
		portEv.ServiceType != "PORT_REQUEST" || portEv.ActivationStatusType != "PENDING" || portEv.ReferenceType != "PORT" ||
		portEv.InboundCarrierType != "LEVEL_3" || portEv.CRDDate == nil || portEv.CRDDate.Year() != 2030 ||
		!portEv.CreatedDate.Equal(clk.now()) {
		t.Fatalf("events %+v", events)
	}
}

func toMaps(v any) []map[string]any {
	var out []map[string]any
	for _, x := range v.([]any) {
		out = append(out, x.(map[string]any))
	}
	return out
}

func TestAccountNumberLifecycle(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	acct := c.createAccount(with(simpleAccount("ACC-1"), "accountType", "ADVANCED"))
	user := c.createUser(acct, map[string]any{"firstName": "Ada"})
	s.SeedInventoryNumber(InventoryNumber{PhoneNumber: "18015550100", RateCenter: "LEHI", PostalCode: "84043"})
	s.SeedNumbers("18015550101")
	want200(t, c.do(http.MethodPost, c.path(acct, "telephonenumber"), map[string]any{
		"e911Address": map[string]any{"city": "Lehi"}, "telephoneNumbers": []any{
			map[string]any{"phoneNumber": "18015550100", "referenceType": "END_USER", "referenceId": user},
			map[string]any{"phoneNumber": "18015550101"}}}))

	list := want200(t, c.do(http.MethodGet, c.path(acct, "telephonenumber"), nil)).arr(t)
	if len(list) != 2 || list[0]["e911Address"] == nil || list[0]["assignAsCallerId"] != false {
		t.Fatalf("list %v", list)
	}
	want200(t, c.do(http.MethodGet, c.path(acct, "telephonenumber")+"?limitedData=false", nil))
	r := want200(t, c.do(http.MethodGet, c.path(acct, "telephonenumber")+"?limitedData=true", nil))
	const wantLimited = `[{"id":"18015550100","phoneNumber":"18015550100","referenceType":"END_USER","referenceId":"e0000000-0000-4000-8000-000000000001",` +
		`"functionType":"ELS","accountId":"a0000000-0000-4000-8000-000000000001","partitionId":"partition-1","carrierStatus":"ACTIVE"},` +
		`{"id":"18015550101","phoneNumber":"18015550101","functionType":"ELS","accountId":"a0000000-0000-4000-8000-000000000001",` +
		`"partitionId":"partition-1","carrierStatus":"ACTIVE"}]`
	if string(r.raw) != wantLimited {
		t.Fatalf("limited list\n%s", r.raw)
	}
	wantError(t, c.do(http.MethodGet, c.path(acct, "telephonenumber")+"?limitedData=maybe", nil), http.StatusBadRequest, MessageInvalidLimitedData)
	wantError(t, c.do(http.MethodGet, c.path("nope", "telephonenumber"), nil), http.StatusNotFound, MessageAccountNotFound)

	tnPath := c.path(acct, "telephonenumber", "8015550100")
	got := want200(t, c.do(http.MethodGet, tnPath, nil)).obj(t)
	if got["phoneNumber"] != "18015550100" || got["referenceId"] != user {
		t.Fatalf("get %v", got)
	}
	wantError(t, c.do(http.MethodGet, c.path(acct, "telephonenumber", "555"), nil), http.StatusBadRequest, MessageInvalidTelephoneNumber)
	wantError(t, c.do(http.MethodGet, c.path(acct, "telephonenumber", "18015559999"), nil), http.StatusNotFound, MessageTelephoneNumberNotFound)
	wantError(t, c.do(http.MethodGet, c.path("nope", "telephonenumber", "18015550100"), nil), http.StatusNotFound, MessageAccountNotFound)

	// The account is found by its numbers.
	for _, key := range []string{"18015550100", "8015550101"} {
		if m := want200(t, c.do(http.MethodGet, c.path(key)+"?accountIdType=PhoneNumber", nil)).obj(t); m["id"] != acct {
			t.Fatalf("by %s: %v", key, m)
		}
	}
	wantError(t, c.do(http.MethodGet, c.path("555")+"?accountIdType=PhoneNumber", nil), http.StatusNotFound, MessageAccountNotFound)

	// PUT replaces the editable fields and keeps the read-only ones; a new
	// 911 address is an event.
	s.ResetRequests()
	put := with(got, "phoneNumber", "19999999999", "accountId", "x", "carrierStatus", "DELETED", "functionType", "SPTN", "tollFree", true,
		"referenceType", nil, "referenceId", nil, "ringType", "Ring3", "assignAsCallerId", true, "e911Address", map[string]any{"city": "Provo"},
		"customerServiceRecord", map[string]any{"firstName": "Ada"})
	up := want200(t, c.do(http.MethodPut, tnPath, put)).obj(t)
	if up["phoneNumber"] != "18015550100" || up["accountId"] != acct || up["carrierStatus"] != "ACTIVE" || up["functionType"] != "ELS" ||
		up["tollFree"] != false || up["referenceId"] != nil || up["ringType"] != "Ring3" || up["assignAsCallerId"] != true {
		t.Fatalf("put %v", up)
	}
	ev := s.StatusEvents("")
	if last := ev[len(ev)-1]; last.ServiceType != "NINE_ONE_ONE_ADDRESS" || last.MainTelephoneNumber != "18015550100" || last.FirstName != "Ada" {
		t.Fatalf("events %+v", ev)
	}
	h := s.History(acct)
	if n := len(h); h[n-2].AccountHistoryType != "PHONE_NUMBER" || h[n-1].AccountHistoryType != "ADDRESS_E911" {
		t.Fatalf("history %+v", h[n-2:])
	}
	// The same again records nothing; PATCH merges.
	want200(t, c.do(http.MethodPut, tnPath, put))
	if len(s.History(acct)) != len(h) || len(s.StatusEvents("")) != len(ev) {
		t.Fatal("an unchanged PUT was recorded")
	}
	p := want200(t, c.do(http.MethodPatch, tnPath, `{"ringType":null,"canAcceptSMS":true}`)).obj(t)
	if p["ringType"] != nil || p["canAcceptSMS"] != true || p["e911Address"] == nil {
		t.Fatalf("patch %v", p)
	}
	wantError(t, c.do(http.MethodPut, tnPath, map[string]any{"ringType": "Ring9", "referenceType": "END_USER"}), http.StatusBadRequest,
		MessageReferenceIDRequired, MessageInvalidRingType)
	wantError(t, c.do(http.MethodPatch, tnPath, `{"referenceType":"END_USER","referenceId":"nobody"}`), http.StatusBadRequest, MessageInvalidReferenceID)
	wantValidation(t, c.do(http.MethodPut, tnPath, `[]`), "request body must be a JSON object")
	wantValidation(t, c.do(http.MethodPatch, tnPath, `{"canAcceptSMS":"yes"}`), "canAcceptSMS must be a boolean")
	wantError(t, c.do(http.MethodPut, c.path(acct, "telephonenumber", "18015559999"), put), http.StatusNotFound, MessageTelephoneNumberNotFound)
	wantError(t, c.do(http.MethodPatch, c.path(acct, "telephonenumber", "18015559999"), `{}`), http.StatusNotFound, MessageTelephoneNumberNotFound)

	// Deleting the user routes its numbers nowhere.
	want200(t, c.do(http.MethodPut, c.path(acct, "telephonenumber", "18015550101"),
		map[string]any{"referenceType": "END_USER", "referenceId": user}))
	want(t, c.do(http.MethodDelete, c.path(acct, "user", user), nil), http.StatusNoContent)
	if n := s.AccountNumbers(acct)[1]; n.ReferenceType != "" || n.ReferenceID != "" {
		t.Fatalf("after the user's deletion: %+v", n)
	}

	// Remove: back to the inventory as it was, with a DISCONNECT event.
	want(t, c.do(http.MethodDelete, tnPath, nil), http.StatusNoContent)
	wantError(t, c.do(http.MethodDelete, tnPath, nil), http.StatusNotFound, MessageTelephoneNumberNotFound)
	inv := s.InventoryNumbers(DefaultPartitionID)
	if len(inv) != 1 || inv[0].RateCenter != "LEHI" || inv[0].PostalCode != "84043" {
		t.Fatalf("inventory %+v", inv)
	}
	ev = s.StatusEvents("")
	if last := ev[len(ev)-1]; last.ServiceType != "DISCONNECT" || last.ActivationStatusType != "COMPLETED" {
		t.Fatalf("event %+v", last)
	}
	if h := s.History(acct); h[len(h)-1].Action != "DELETE" || h[len(h)-1].OldValue != "18015550100" {
		t.Fatalf("history %+v", h[len(h)-1])
	}

	// Deleting the account returns its numbers, with one DISCONNECT event.
	want(t, c.do(http.MethodDelete, c.path(acct), nil), http.StatusOK)
	if inv := s.InventoryNumbers(""); len(inv) != 2 {
		t.Fatalf("inventory %+v", inv)
	}
	ev = s.StatusEvents("")
	if last := ev[len(ev)-1]; last.ServiceType != "DISCONNECT" || last.MainTelephoneNumber != "18015550101" || last.AccountID != acct {
		t.Fatalf("event %+v", last)
	}
	if s.AccountNumbers(acct) != nil {
		t.Fatal("numbers of a deleted account")
	}
}

func TestPendingEventsBlockRemoval(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	acct := c.createAccount(simpleAccount("ACC-1"))
	s.SeedNumbers("18015550100", "18015550101")
	add := func(body any) { want200(t, c.do(http.MethodPost, c.path(acct, "telephonenumber"), body)) }
	add(with(activation("18015550100", "18015550101"), "holdActivation", true))
	add(map[string]any{"port": map[string]any{"telephoneNumbers": []any{"14355550100"}}})
	add(map[string]any{"port": map[string]any{"telephoneNumbers": []any{"14355550101"}}})
	ev := s.StatusEvents("")
	remove := func(tn string) result { return c.do(http.MethodDelete, c.path(acct, "telephonenumber", tn), nil) }
	for _, tn := range []string{"18015550100", "14355550100"} {
		wantError(t, remove(tn), http.StatusBadRequest, MessageActivationPending)
	}

	// The carrier moves the events on.
	if s.UpdateStatusEvent("no-such-event", "COMPLETED") {
		t.Fatal("an unknown event updated")
	}
	mustPanic(t, "not an activation status", func() { s.UpdateStatusEvent(ev[0].ID, "DONE") })
	if !s.UpdateStatusEvent(ev[0].ID, "FOC_RECEIVED") {
		t.Fatal("not updated")
	}
	wantError(t, remove("18015550100"), http.StatusBadRequest, MessageActivationPending)
	s.UpdateStatusEvent(ev[0].ID, "COMPLETED")
	for _, n := range s.AccountNumbers(acct)[:2] {
		if n.CarrierStatus != "ACTIVE" {
			t.Fatalf("completed: %+v", n)
		}
	}
	want(t, remove("18015550100"), http.StatusNoContent)
	s.UpdateStatusEvent(ev[1].ID, "REJECTED") // the port failed: the number leaves the account
	wantError(t, remove("14355550100"), http.StatusNotFound, MessageTelephoneNumberNotFound)
	s.UpdateStatusEvent(ev[2].ID, "CORRECTED_COMPLETED")
	want(t, remove("14355550101"), http.StatusNoContent)
	if got := s.StatusEvents("")[0]; got.ActivationStatusType != "COMPLETED" || len(got.Logs) != 3 || got.Logs[2].Status != "COMPLETED" {
		t.Fatalf("event %+v", got)
	}
	// An event of a deleted account still moves.
	want(t, c.do(http.MethodDelete, c.path(acct), nil), http.StatusOK)
	if !s.UpdateStatusEvent(ev[0].ID, "CANCELLED") {
		t.Fatal("not updated")
	}
}
