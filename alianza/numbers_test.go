package alianza

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// telephoneNumberJSON is a TelephoneNumberAccountV2X as the server sends it.
const telephoneNumberJSON = `{"id":"18015551212","phoneNumber":"18015551212","referenceType":"END_USER","referenceId":"u/1",
	"functionType":"ELS","canAcceptSMS":true,"operationalStatus":"ACTIVE","portId":"p1",
	"servicePackageType":"PrimaryLocalFlatRate","accountId":"a/1","partitionId":"part 1",
	"customerServiceRecord":{"id":"csr1","firstName":"Ada","lastName":"Lovelace","streetNumber":"12","preDirectional":"N",
		"streetName":"Main","streetSuffix":"St","city":"Provo","state":"UT","country":"USA","postalCode":"84601",
		"secondaryLocationDescription":"APARTMENT","unit":"4B","customerType":"RESIDENTIAL","blockCustomerName":true},
	"carrierStatus":"ACTIVE","orderVersion":"3",
	"e911Address":{"id":"e1","streetNumber":"12","streetName":"Main","city":"Provo","state":"UT","country":"USA",
		"postalCode":"84601","latitude":"40.2338","longitude":"-111.6585","language":"en-US","customerType":"RESIDENTIAL"},
	"temporaryNumber":"","directoryListing":{"listed":true,"type":"LIST_PUBLISH",
		"address":{"firstName":"Ada","city":"Provo","state":"UT","postDirectional":"SW"}},
	"assignAsCallerId":true,"byotnCarrierId":"","ringType":"Ring2","carrierId":"c1","tollFree":false}`

const activationJSON = `{"id":"act1","partitionId":"part 1","accountId":"a/1","holdActivation":false,
	"telephoneNumbers":[{"phoneNumber":"18015551212","referenceType":"END_USER","referenceId":"u/1","functionType":"ELS",
		"canAcceptSMS":false,"tollFree":false}],
	"port":{"id":"port1","telephoneNumbers":["18015550000"],"status":"PORT_PENDING","sendLoa":true,"loaSaved":false,
		"carrierType":"BANDWIDTH","crdDate":"2026-12-01T17:00:00Z","focDate":"2026-12-03T17:00:00Z",
		"focDateTimeZone":"US/Mountain","portingWireType":"Wireless","wirelessPin":"9876",
		"telecomSettings":{"currentCarrier":"OldCo","loaDate":"2026-11-20T00:00:00Z","disconnectInternetService":false,
			"disconnectTelevisionService":true,"tnData":{"18015550000":{"tn":"18015550000","rateCenter":"PROVO","wireless":true}}},
		"portNow":false,"canAcceptSMS":false},
	"l3Settings":{"servicePackage":"Usage","availableServicePackages":["Usage","PrimaryLocalFlatRate"],"b2BPartnerID":"b2b"}}`

const numberViewJSON = `[{"id":"18015551212","partitionId":"part 1","phoneNumber":"18015551212","rateCenter":"PROVO",
	"rateCenterReorderName":"PROVO","state":"UT","country":"US","prefix":"801555","accountId":"","carrierId":"c1",
	"cooldownExpireDate":"2026-12-24T00:00:00Z","functionType":"ELS","claimTicketId":"t1","matchesZip":true,
	"distance":1.5,"byotn":false,"activationDate":1767225600000,"isInInventory":true,"operationalStatus":"STAGED","port":false}]`

func TestNumbersWire(t *testing.T) {
	w, c := newWireRecorder(t, func(r *http.Request, _ []byte) (int, string) {
		switch {
		case strings.HasSuffix(r.URL.Path, "/reserve") && r.Method == http.MethodPut:
			return 200, `{"id":"r1","tn":"18015551212","reservedTime":"2026-11-23T10:00:00Z","reserved":true}`
		case r.Method == http.MethodDelete:
			return 204, ""
		case strings.HasSuffix(r.URL.Path, "/telephonenumber/search"):
			return 200, numberViewJSON
		case strings.HasSuffix(r.URL.Path, "/telephonenumber") && r.Method == http.MethodGet:
			return 200, "[" + telephoneNumberJSON + "]"
		case r.Method == http.MethodPost:
			return 200, activationJSON
		}
		return 200, telephoneNumberJSON
	})
	s := &NumbersService{c: c}
	ctx := context.Background()

	list, err := s.List(ctx, "a/1", &NumberListOptions{})
	require.NoError(t, err)
	require.Len(t, list, 1)
	r := w.last(t)
	assert.Equal(t, "GET /v2/partition/part%201/account/a%2F1/telephonenumber tok-1", r.method+" "+r.path+" "+r.token)
	assert.Empty(t, r.query)
	n := list[0]
	assert.Equal(t, "18015551212", n.PhoneNumber)
	assert.Equal(t, NumberRefEndUser, n.ReferenceType)
	assert.Equal(t, "u/1", n.ReferenceID)
	assert.Equal(t, FunctionELS, n.FunctionType)
	assert.Equal(t, OperationalActive, n.OperationalStatus)
	assert.Equal(t, PackagePrimaryLocalFlatRate, n.ServicePackageType)
	assert.Equal(t, CarrierStatusActive, n.CarrierStatus)
	assert.Equal(t, Ring2, n.RingType)
	assert.True(t, n.CanAcceptSMS)
	assert.True(t, n.AssignAsCallerID)
	require.NotNil(t, n.CustomerServiceRecord)
	assert.Equal(t, DirN, n.CustomerServiceRecord.PreDirectional)
	assert.Equal(t, LocationApartment, n.CustomerServiceRecord.SecondaryLocationDescription)
	assert.Equal(t, CustomerResidential, n.CustomerServiceRecord.CustomerType)
	assert.True(t, n.CustomerServiceRecord.BlockCustomerName)
	require.NotNil(t, n.E911Address)
	assert.Equal(t, "40.2338", n.E911Address.Latitude)
	require.NotNil(t, n.DirectoryListing)
	assert.Equal(t, ListingListPublish, n.DirectoryListing.Type)
	require.NotNil(t, n.DirectoryListing.Address)
	assert.Equal(t, DirSW, n.DirectoryListing.Address.PostDirectional)

	_, err = s.List(ctx, "a/1", &NumberListOptions{LimitedData: true})
	require.NoError(t, err)
	assert.Equal(t, "limitedData=true", w.last(t).query)

	got, err := s.Get(ctx, "a/1", "+18015551212")
	require.NoError(t, err)
	assert.Equal(t, "c1", got.CarrierID)
	r = w.last(t)
	assert.Equal(t, "GET /v2/partition/part%201/account/a%2F1/telephonenumber/18015551212", r.method+" "+r.path, "the + is dropped")

	got.ReferenceID = "u/2"
	got.AssignAsCallerID = false
	upd, err := s.Update(ctx, "a/1", *got)
	require.NoError(t, err)
	assert.Equal(t, "18015551212", upd.PhoneNumber)
	r = w.last(t)
	assert.Equal(t, "PUT /v2/partition/part%201/account/a%2F1/telephonenumber/18015551212", r.method+" "+r.path)
	assert.JSONEq(t, `{"id":"18015551212","phoneNumber":"18015551212","referenceType":"END_USER","referenceId":"u/2",
		"functionType":"ELS","canAcceptSMS":true,"operationalStatus":"ACTIVE","portId":"p1",
		"servicePackageType":"PrimaryLocalFlatRate","accountId":"a/1","partitionId":"part 1",
		"customerServiceRecord":{"id":"csr1","firstName":"Ada","lastName":"Lovelace","streetNumber":"12","preDirectional":"N",
			"streetName":"Main","streetSuffix":"St","city":"Provo","state":"UT","country":"USA","postalCode":"84601",
			"secondaryLocationDescription":"APARTMENT","unit":"4B","customerType":"RESIDENTIAL","blockCustomerName":true},
		"carrierStatus":"ACTIVE","orderVersion":"3",
		"e911Address":{"id":"e1","streetNumber":"12","streetName":"Main","city":"Provo","state":"UT","country":"USA",
			"postalCode":"84601","latitude":"40.2338","longitude":"-111.6585","language":"en-US","customerType":"RESIDENTIAL"},
		"directoryListing":{"listed":true,"type":"LIST_PUBLISH",
			"address":{"firstName":"Ada","city":"Provo","state":"UT","postDirectional":"SW"}},
		"assignAsCallerId":false,"ringType":"Ring2","carrierId":"c1","tollFree":false}`, string(r.body),
		"a false read is written back as false")

	require.NoError(t, s.Remove(ctx, "a/1", "18015551212"))
	r = w.last(t)
	assert.Equal(t, "DELETE /v2/partition/part%201/account/a%2F1/telephonenumber/18015551212", r.method+" "+r.path)
	assert.Empty(t, r.body)

	views, err := s.Search(ctx, NumberSearchRequest{Query: "84062", Type: SearchPostalCode, FunctionType: FunctionTollFree, MaxResults: 5, CarrierID: "c 1"})
	require.NoError(t, err)
	r = w.last(t)
	assert.Equal(t, "GET /v2/partition/part%201/telephonenumber/search", r.method+" "+r.path)
	assert.Equal(t, "carrierId=c+1&functiontype=TollFree&maxResults=5&q=84062&type=POSTALCODE", r.query)
	require.Len(t, views, 1)
	v := views[0]
	assert.Equal(t, "PROVO", v.RateCenter)
	assert.Equal(t, 1.5, v.Distance)
	assert.True(t, v.MatchesZip)
	assert.True(t, v.IsInInventory)
	assert.Equal(t, int64(1767225600000), v.ActivationDate)
	assert.Equal(t, OperationalStaged, v.OperationalStatus)
	require.NotNil(t, v.CooldownExpireDate)
	assert.Equal(t, time.December, v.CooldownExpireDate.Month())
	assert.Nil(t, v.CooldownRecoveredDate)

	_, err = s.Search(ctx, NumberSearchRequest{Query: "+18015551212"})
	require.NoError(t, err)
	assert.Equal(t, "q=18015551212", w.last(t).query, "a number in a POSTALCODE_OR_TN search is sent bare")
	_, err = s.Search(ctx, NumberSearchRequest{Query: "ALBANY.NY", Type: SearchRateCenter})
	require.NoError(t, err)
	assert.Equal(t, "q=ALBANY.NY&type=RATECENTER", w.last(t).query)
	_, err = s.Search(ctx, NumberSearchRequest{Query: "+18015551212", Type: SearchTN})
	require.NoError(t, err)
	assert.Equal(t, "q=18015551212&type=TN", w.last(t).query)
	lat, long := 40.2338, -111.6585
	_, err = s.Search(ctx, NumberSearchRequest{Type: SearchLatLong, Lat: &lat, Long: &long})
	require.NoError(t, err)
	assert.Equal(t, "lat=40.2338&long=-111.6585&type=LAT_LONG", w.last(t).query)

	res, err := s.Reserve(ctx, "18015551212")
	require.NoError(t, err)
	r = w.last(t)
	assert.Equal(t, "PUT /v2/partition/part%201/telephonenumber/18015551212/reserve", r.method+" "+r.path)
	assert.Empty(t, r.body)
	assert.True(t, res.Reserved)
	assert.Equal(t, "18015551212", res.TN)
	require.NotNil(t, res.ReservedTime)
	assert.Equal(t, 10, res.ReservedTime.Hour())

	require.NoError(t, s.Release(ctx, "+18015551212"))
	r = w.last(t)
	assert.Equal(t, "DELETE /v2/partition/part%201/telephonenumber/18015551212/reserve", r.method+" "+r.path)
}

func TestNumbersAdd(t *testing.T) {
	w, c := newWireRecorder(t, func(*http.Request, []byte) (int, string) { return 200, activationJSON })
	s := &NumbersService{c: c}
	nums := []BareTelephoneNumber{{PhoneNumber: "+18015551212", ReferenceType: NumberRefEndUser, ReferenceID: "u/1", FunctionType: FunctionELS}}
	crd := time.Date(2026, 12, 1, 17, 0, 0, 0, time.UTC)
	port := &Port{
		TelephoneNumbers: []string{"+18015550000"}, BillingTelephoneNumber: "+18015550000", SendLoa: true,
		CarrierType: CarrierBandwidth, CRDDate: &crd, FOCDateTimeZone: "US/Mountain", PortingWireType: PortingWireless,
		WirelessPin: NewSecret("9876"), CancelType: CancelNormal,
	}
	out, err := s.Add(context.Background(), "a/1", NumberActivation{
		AccountID: "a/1", TelephoneNumbers: nums, Port: port,
		L3Settings:            &L3Settings{ServicePackage: PackageUsage, AvailableServicePackages: []ServicePackage{PackageUsage}},
		CustomerServiceRecord: &CustomerServiceRecord{FirstName: "Ada", State: "UT", CustomerType: CustomerResidential, Unit: "4B"},
		E911Address:           &E911Address{StreetName: "Main", Latitude: "40.233800", Longitude: "-111.6585"},
		DirectoryListing:      &DirectoryListing{Listed: false, Type: ListingNotListNotPublish},
	})
	require.NoError(t, err)
	r := w.last(t)
	assert.Equal(t, "POST /v2/partition/part%201/account/a%2F1/telephonenumber", r.method+" "+r.path)
	assert.JSONEq(t, `{"accountId":"a/1","holdActivation":false,
		"telephoneNumbers":[{"phoneNumber":"18015551212","referenceType":"END_USER","referenceId":"u/1","functionType":"ELS",
			"canAcceptSMS":false,"tollFree":false}],
		"port":{"telephoneNumbers":["18015550000"],"billingTelephoneNumber":"18015550000","sendLoa":true,"loaSaved":false,
			"carrierType":"BANDWIDTH","crdDate":"2026-12-01T17:00:00Z","focDateTimeZone":"US/Mountain",
			"portingWireType":"Wireless","wirelessPin":"9876","cancelType":"NORMAL","portNow":false,"canAcceptSMS":false},
		"l3Settings":{"servicePackage":"Usage","availableServicePackages":["Usage"]},
		"customerServiceRecord":{"firstName":"Ada","state":"UT","customerType":"RESIDENTIAL","unit":"4B","blockCustomerName":false},
		"e911Address":{"streetName":"Main","latitude":"40.233800","longitude":"-111.6585"},
		"directoryListing":{"listed":false,"type":"NOT_LIST_NOT_PUBLISH"}}`, string(r.body))
	assert.Equal(t, "+18015551212", nums[0].PhoneNumber, "the caller's numbers are left alone")
	assert.Equal(t, "+18015550000", port.TelephoneNumbers[0])

	assert.Equal(t, "act1", out.ID)
	require.Len(t, out.TelephoneNumbers, 1)
	assert.Equal(t, NumberRefEndUser, out.TelephoneNumbers[0].ReferenceType)
	require.NotNil(t, out.Port)
	assert.Equal(t, CarrierStatusPortPending, out.Port.Status)
	assert.Equal(t, "9876", out.Port.WirelessPin.Reveal())
	assert.Equal(t, 3, out.Port.FOCDate.Day())
	require.NotNil(t, out.Port.TelecomSettings)
	assert.True(t, out.Port.TelecomSettings.DisconnectTelevisionService)
	assert.Equal(t, TNData{TN: "18015550000", RateCenter: "PROVO", Wireless: true}, out.Port.TelecomSettings.TnData["18015550000"])
	require.NotNil(t, out.L3Settings)
	assert.Equal(t, []ServicePackage{PackageUsage, PackagePrimaryLocalFlatRate}, out.L3Settings.AvailableServicePackages)
	assert.Equal(t, "b2b", out.L3Settings.B2BPartnerID)

	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
		assert.NotContains(t, fmt.Sprintf(verb, *out.Port), "9876", verb)
	}

	// A port alone carries the numbers.
	_, err = s.Add(context.Background(), "a/1", NumberActivation{Port: &Port{TelephoneNumbers: []string{"18015550000"}}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"holdActivation":false,"port":{"telephoneNumbers":["18015550000"],"sendLoa":false,"loaSaved":false,
		"portNow":false,"canAcceptSMS":false}}`, string(w.last(t).body))
}

func TestNormalizeTelephoneNumber(t *testing.T) {
	for in, want := range map[string]string{
		"18015551212":      "18015551212",
		"+18015551212":     "18015551212",
		"8015551212":       "8015551212",
		"+441632960961":    "441632960961",
		"123456789012345":  "123456789012345",
		"+123456789012345": "123456789012345",
	} {
		got, ok := NormalizeTelephoneNumber(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"", "+", "801555121", "1234567890123456", "1-801-555-1212", "(801) 555-1212",
		"801.555.1212", " 18015551212", "++18015551212", "1801555121x", "١٨٠١٥٥٥١٢١٢"} {
		_, ok := NormalizeTelephoneNumber(in)
		assert.False(t, ok, in)
	}
}

func TestNumbersValidationSendsNothing(t *testing.T) {
	w, c := newWireRecorder(t, func(*http.Request, []byte) (int, string) { return 200, telephoneNumberJSON })
	s := &NumbersService{c: c}
	ctx := context.Background()
	good := func() TelephoneNumber {
		return TelephoneNumber{PhoneNumber: "18015551212", ReferenceType: NumberRefEndUser, ReferenceID: "u1"}
	}
	upd := func(f func(n *TelephoneNumber)) TelephoneNumber { n := good(); f(&n); return n }
	for name, n := range map[string]TelephoneNumber{
		"no number":           upd(func(n *TelephoneNumber) { n.PhoneNumber = "" }),
		"dashes":              upd(func(n *TelephoneNumber) { n.PhoneNumber = "801-555-1212" }),
		"other account":       upd(func(n *TelephoneNumber) { n.AccountID = "a2" }),
		"type without id":     upd(func(n *TelephoneNumber) { n.ReferenceID = " " }),
		"id without type":     upd(func(n *TelephoneNumber) { n.ReferenceType = "" }),
		"unknown reference":   upd(func(n *TelephoneNumber) { n.ReferenceType = "USER" }),
		"unknown function":    upd(func(n *TelephoneNumber) { n.FunctionType = "MOBILE" }),
		"unknown operational": upd(func(n *TelephoneNumber) { n.OperationalStatus = "LIVE" }),
		"unknown package":     upd(func(n *TelephoneNumber) { n.ServicePackageType = "Flat" }),
		"unknown ring":        upd(func(n *TelephoneNumber) { n.RingType = "Ring8" }),
		"csr directional":     upd(func(n *TelephoneNumber) { n.CustomerServiceRecord = &CustomerServiceRecord{PreDirectional: "NNE"} }),
		"csr location": upd(func(n *TelephoneNumber) {
			n.CustomerServiceRecord = &CustomerServiceRecord{SecondaryLocationDescription: "HANGAR"}
		}),
		"csr unit 11":       upd(func(n *TelephoneNumber) { n.CustomerServiceRecord = &CustomerServiceRecord{Unit: "12345678901"} }),
		"csr state":         upd(func(n *TelephoneNumber) { n.CustomerServiceRecord = &CustomerServiceRecord{State: "Utah"} }),
		"csr state digits":  upd(func(n *TelephoneNumber) { n.CustomerServiceRecord = &CustomerServiceRecord{State: "U1"} }),
		"csr customer type": upd(func(n *TelephoneNumber) { n.CustomerServiceRecord = &CustomerServiceRecord{CustomerType: "HOME"} }),
		"csr long name": upd(func(n *TelephoneNumber) {
			n.CustomerServiceRecord = &CustomerServiceRecord{LastName: strings.Repeat("x", 257)}
		}),
		"e911 latitude range":   upd(func(n *TelephoneNumber) { n.E911Address = &E911Address{Latitude: "91.0000"} }),
		"e911 latitude decimal": upd(func(n *TelephoneNumber) { n.E911Address = &E911Address{Latitude: "40.23"} }),
		"e911 longitude text":   upd(func(n *TelephoneNumber) { n.E911Address = &E911Address{Longitude: "west"} }),
		"e911 longitude NaN":    upd(func(n *TelephoneNumber) { n.E911Address = &E911Address{Longitude: "NaN"} }),
		"e911 no decimals":      upd(func(n *TelephoneNumber) { n.E911Address = &E911Address{Longitude: "-111"} }),
		"e911 customer type":    upd(func(n *TelephoneNumber) { n.E911Address = &E911Address{CustomerType: "HOME"} }),
		"listing type":          upd(func(n *TelephoneNumber) { n.DirectoryListing = &DirectoryListing{Type: "PUBLISH"} }),
		"listing address":       upd(func(n *TelephoneNumber) { n.DirectoryListing = &DirectoryListing{Address: &Address{State: "XYZ"}} }),
		"listing address unit": upd(func(n *TelephoneNumber) {
			n.DirectoryListing = &DirectoryListing{Address: &Address{Unit: "12345678901"}}
		}),
	} {
		_, err := s.Update(ctx, "a1", n)
		assert.ErrorIs(t, err, ErrInvalidInput, name)
	}
	_, err := s.Update(ctx, "", good())
	assert.ErrorIs(t, err, ErrInvalidInput)

	one := []BareTelephoneNumber{{PhoneNumber: "18015551212"}}
	for name, a := range map[string]NumberActivation{
		"no numbers":         {},
		"port without":       {Port: &Port{}},
		"id set":             {ID: "x", TelephoneNumbers: one},
		"other account":      {AccountID: "a2", TelephoneNumbers: one},
		"bad number":         {TelephoneNumbers: []BareTelephoneNumber{{PhoneNumber: "555-1212"}}},
		"bad reference":      {TelephoneNumbers: []BareTelephoneNumber{{PhoneNumber: "18015551212", ReferenceID: "u1"}}},
		"bad function":       {TelephoneNumbers: []BareTelephoneNumber{{PhoneNumber: "18015551212", FunctionType: "X"}}},
		"bad port number":    {Port: &Port{TelephoneNumbers: []string{"18015551212", "x"}}},
		"bad billing number": {TelephoneNumbers: one, Port: &Port{BillingTelephoneNumber: "5551212"}},
		"long pin":           {TelephoneNumbers: one, Port: &Port{WirelessPin: NewSecret("1234567890123456")}},
		"foc time zone":      {TelephoneNumbers: one, Port: &Port{FOCDateTimeZone: "Europe/Dublin"}},
		"carrier type":       {TelephoneNumbers: one, Port: &Port{CarrierType: "AT&T"}},
		"wire type":          {TelephoneNumbers: one, Port: &Port{PortingWireType: "Fibre"}},
		"cancel type":        {TelephoneNumbers: one, Port: &Port{CancelType: "EXPEDITED"}},
		"port csr":           {TelephoneNumbers: one, Port: &Port{CustomerServiceRecord: &CustomerServiceRecord{State: "Utah"}}},
		"l3 package":         {TelephoneNumbers: one, L3Settings: &L3Settings{ServicePackage: "Flat"}},
		"l3 available":       {TelephoneNumbers: one, L3Settings: &L3Settings{AvailableServicePackages: []ServicePackage{PackageUsage, "Flat"}}},
		"l3 seasonal":        {TelephoneNumbers: one, L3Settings: &L3Settings{SeasonalSuspendServicePackage: "Flat"}},
		"csr":                {TelephoneNumbers: one, CustomerServiceRecord: &CustomerServiceRecord{Unit: "12345678901"}},
		"e911":               {TelephoneNumbers: one, E911Address: &E911Address{Latitude: "1"}},
		"listing":            {TelephoneNumbers: one, DirectoryListing: &DirectoryListing{Type: "X"}},
	} {
		_, err := s.Add(ctx, "a1", a)
		assert.ErrorIs(t, err, ErrInvalidInput, name)
	}
	_, err = s.Add(ctx, " ", NumberActivation{TelephoneNumbers: one})
	assert.ErrorIs(t, err, ErrInvalidInput)

	lat, bad := 40.0, 200.0
	for name, q := range map[string]NumberSearchRequest{
		"empty":             {},
		"blank":             {Query: "  "},
		"unknown type":      {Query: "84062", Type: "ZIP"},
		"unknown function":  {Query: "84062", FunctionType: "Mobile"},
		"negative max":      {Query: "84062", MaxResults: -1},
		"TN not a number":   {Query: "84062", Type: SearchTN},
		"lat without type":  {Query: "84062", Lat: &lat},
		"lat long missing":  {Type: SearchLatLong, Lat: &lat},
		"lat long with q":   {Type: SearchLatLong, Lat: &lat, Long: &lat, Query: "x"},
		"latitude range":    {Type: SearchLatLong, Lat: &bad, Long: &lat},
		"longitude range":   {Type: SearchLatLong, Lat: &lat, Long: &bad},
		"negative latitude": {Type: SearchLatLong, Lat: func() *float64 { v := -90.5; return &v }(), Long: &lat},
	} {
		_, err := s.Search(ctx, q)
		assert.ErrorIs(t, err, ErrInvalidInput, name)
	}

	_, err = s.List(ctx, "", &NumberListOptions{})
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, err = s.Get(ctx, "a1", "555-1212")
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, err = s.Get(ctx, "", "18015551212")
	assert.ErrorIs(t, err, ErrInvalidInput)
	assert.ErrorIs(t, s.Remove(ctx, "a1", ""), ErrInvalidInput)
	assert.ErrorIs(t, s.Remove(ctx, "", "18015551212"), ErrInvalidInput)
	_, err = s.Reserve(ctx, "+1 801 555 1212")
	assert.ErrorIs(t, err, ErrInvalidInput)
	assert.ErrorIs(t, s.Release(ctx, "12345"), ErrInvalidInput)
	var nilCtx context.Context // a nil context is refused, not dereferenced
	_, err = s.Get(nilCtx, "a1", "18015551212")
	assert.ErrorIs(t, err, ErrInvalidInput)

	assert.Equal(t, 0, w.count(), "nothing was sent")

	var ve *ValidationError
	_, err = s.Get(ctx, "a1", "801-555-1212")
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "tn", ve.Field)
	assert.Contains(t, err.Error(), "Numbers.Get")
}

func TestNumbersServerErrors(t *testing.T) {
	status, body := 404, `{"status":404,"messages":["TelephoneNumberNotFound"]}`
	w, c := newWireRecorder(t, func(*http.Request, []byte) (int, string) { return status, body })
	s := &NumbersService{c: c}
	ctx := context.Background()
	_, err := s.Get(ctx, "a1", "18015551212")
	assert.ErrorIs(t, err, ErrNotFound)
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "Numbers.Get", e.Op)

	status, body = 400, `{"status":400,"messages":["TelephoneNumberHasActiveServiceActivationEvent"],"data":["PORT_PENDING"]}`
	err = s.Remove(ctx, "a1", "18015551212")
	assert.ErrorIs(t, err, ErrValidation)
	require.ErrorAs(t, err, &e)
	assert.Equal(t, []string{"TelephoneNumberHasActiveServiceActivationEvent"}, e.Messages)

	status, body = 200, `{"id":`
	_, err = s.Reserve(ctx, "18015551212")
	assert.ErrorIs(t, err, ErrBadResponse)
	_, err = s.Search(ctx, NumberSearchRequest{Query: "84062"})
	assert.ErrorIs(t, err, ErrBadResponse)
	assert.Equal(t, 4, w.count())
}

// TestServicesLoginAndServerErrors runs every call of the new services
// through a login that fails and through a server that fails.
func TestServicesLoginAndServerErrors(t *testing.T) {
	calls := func(c *Client) map[string]func(context.Context) error {
		ns, cp, pp, js := &NumbersService{c: c}, &CallingPlansService{c: c}, &ProductPlansService{c: c}, &JobsService{c: c}
		one := []BareTelephoneNumber{{PhoneNumber: "18015551212"}}
		drop := func(_ any, err error) error { return err }
		return map[string]func(context.Context) error{
			"Numbers.List": func(ctx context.Context) error { return drop(ns.List(ctx, "a1", &NumberListOptions{})) },
			"Numbers.Get":  func(ctx context.Context) error { return drop(ns.Get(ctx, "a1", "18015551212")) },
			"Numbers.Add": func(ctx context.Context) error {
				return drop(ns.Add(ctx, "a1", NumberActivation{TelephoneNumbers: one}))
			},
			"Numbers.Update": func(ctx context.Context) error {
				return drop(ns.Update(ctx, "a1", TelephoneNumber{PhoneNumber: "18015551212"}))
			},
			"Numbers.Remove":   func(ctx context.Context) error { return ns.Remove(ctx, "a1", "18015551212") },
			"Numbers.Search":   func(ctx context.Context) error { return drop(ns.Search(ctx, NumberSearchRequest{Query: "84062"})) },
			"Numbers.Reserve":  func(ctx context.Context) error { return drop(ns.Reserve(ctx, "18015551212")) },
			"Numbers.Release":  func(ctx context.Context) error { return ns.Release(ctx, "18015551212") },
			"CallingPlans.Get": func(ctx context.Context) error { return drop(cp.Get(ctx, "a1", CallingPlanRef{})) },
			"CallingPlans.Set": func(ctx context.Context) error {
				return drop(cp.Set(ctx, "a1", CallingPlanModifyRequest{CallingPlanReferenceID: "cpp"}))
			},
			"CallingPlans.Remove": func(ctx context.Context) error {
				return cp.Remove(ctx, "a1", CallingPlanModifyRequest{CallingPlanReferenceID: "cpp"})
			},
			"ProductPlans.List": func(ctx context.Context) error { return drop(pp.List(ctx, "a1")) },
			"Jobs.Get":          func(ctx context.Context) error { return drop(js.Get(ctx, "j1")) },
			"Jobs.Wait":         func(ctx context.Context) error { return drop(js.Wait(ctx, "j1", nil)) },
		}
	}

	_, c := newWireRecorder(t, func(*http.Request, []byte) (int, string) { return 200, "{}" })
	c.sess.login = func(context.Context) (*wireLoginToken, error) { return nil, &Error{Op: "Login", HTTPStatus: 401} }
	for op, f := range calls(c) {
		err := f(context.Background())
		assert.ErrorIs(t, err, ErrUnauthorized, op)
		var e *Error
		if assert.ErrorAs(t, err, &e, op) {
			assert.Equal(t, op+" (login)", e.Op)
		}
	}

	w, c := newWireRecorder(t, func(*http.Request, []byte) (int, string) {
		return 503, `{"status":503,"messages":["ServiceUnavailable"]}`
	})
	for op, f := range calls(c) {
		err := f(context.Background())
		var e *Error
		if assert.ErrorAs(t, err, &e, op) {
			assert.Equal(t, op, e.Op)
			assert.Equal(t, 503, e.HTTPStatus, op)
			assert.Equal(t, []string{"ServiceUnavailable"}, e.Messages, op)
		}
	}
	assert.Equal(t, 14, w.count(), "one request each")
}
