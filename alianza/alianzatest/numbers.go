package alianzatest

import (
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// DefaultSearchResults is how many numbers the inventory search answers
// without maxResults (the spec gives no default; this is the fake's).
const DefaultSearchResults = 20

// canonicalTN reads a telephone number as the fake keeps it: 10 to 15 digits
// after an optional '+'. Ten digits are a NANP number without its country
// code and get the 1 the spec assumes ("10 digits … 1 is assumed"), so that
// 8015550100 and 18015550100 are the same number.
func canonicalTN(s string) (string, bool) {
	d := strings.TrimPrefix(strings.TrimSpace(s), "+")
	if n := len(d); n < 10 || n > 15 || !allDigits(d) {
		return "", false
	}
	if len(d) == 10 {
		d = "1" + d
	}
	return d, true
}

// allDigits reports a non-empty string of ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// InventoryNumber is a telephone number of a partition's inventory: one the
// partition may put on its accounts. Search answers it as a
// TelephoneNumberViewX, with the phone number as id and prefix the NPA-NXX
// (the six digits after a NANP number's 1). PostalCode, Lat and Long are not
// answered; the postal code and lat/long searches match them (Lat and Long
// both 0 is no location).
type InventoryNumber struct {
	PhoneNumber  string
	PartitionID  string
	RateCenter   string // e.g. ALBANY
	State        string // two letters, e.g. NY
	Country      string // US unless set
	PostalCode   string // e.g. 84062 or K1A 0B1
	Lat, Long    float64
	FunctionType string // ELS unless set
	CarrierID    string // the inbound carrier that serves the number

	// ReservedBy is the user name of the management user who holds a
	// reservation of the number, "" for none, and ReservedTime when it was
	// made. Both are read-only: seeding ignores them.
	ReservedBy   string
	ReservedTime time.Time
}

// inventoryNumber is a stored inventory number and its reservation.
type inventoryNumber struct {
	InventoryNumber
	reservedBy    *mgmtUser
	reservationID string
}

func (n *inventoryNumber) snapshot() InventoryNumber {
	out := n.InventoryNumber
	out.ReservedBy, out.ReservedTime = "", time.Time{}
	if n.reservedBy != nil {
		out.ReservedBy, out.ReservedTime = n.reservedBy.username, n.InventoryNumber.ReservedTime
	}
	return out
}

// prefix is a number's NPA-NXX: the six digits after a NANP number's 1, the
// first six of any other.
func prefix(tn string) string {
	if len(tn) == 11 && tn[0] == '1' {
		return tn[1:7]
	}
	return tn[:6]
}

// SeedNumbers puts numbers into the inventory of DefaultPartitionID, as ELS
// numbers of the US without a rate center or location (SeedInventoryNumber
// sets those). It panics, as on a mistake in the test, on a number that is
// not one (10 to 15 digits, optionally after '+'; ten digits get the NANP
// 1), or that an inventory or an account already has.
func (s *Server) SeedNumbers(tns ...string) {
	for _, tn := range tns {
		s.seedInventory(InventoryNumber{PhoneNumber: tn}, false)
	}
}

// SeedInventoryNumber puts one number into a partition's inventory, with its
// rate center, state, postal code, location, function type and carrier, and
// returns it as stored: an empty PartitionID is DefaultPartitionID, an empty
// Country US, an empty FunctionType ELS. A number already in an inventory
// is replaced (and loses its reservation). It panics on a number that is
// not one, or that an account has.
func (s *Server) SeedInventoryNumber(n InventoryNumber) InventoryNumber {
	return s.seedInventory(n, true)
}

func (s *Server) seedInventory(n InventoryNumber, replace bool) InventoryNumber {
	s.mu.Lock()
	defer s.mu.Unlock()
	tn, ok := canonicalTN(n.PhoneNumber)
	if !ok {
		panic("alianzatest: seeding the inventory: " + strconv.Quote(n.PhoneNumber) + " is not a telephone number")
	}
	if a, _ := s.numberOwner(tn); a != nil {
		panic("alianzatest: seeding the inventory: " + tn + " is on account " + a.ID)
	}
	if _, dup := s.inventory[tn]; dup && !replace {
		panic("alianzatest: seeding the inventory: " + tn + " is in the inventory already")
	}
	n.PhoneNumber, n.ReservedBy, n.ReservedTime = tn, "", time.Time{}
	if n.PartitionID == "" {
		n.PartitionID = DefaultPartitionID
	}
	if n.Country == "" {
		n.Country = "US"
	}
	if n.FunctionType == "" {
		n.FunctionType = "ELS"
	}
	s.inventory[tn] = &inventoryNumber{InventoryNumber: n}
	return n
}

// InventoryNumbers returns copies of the numbers of a partition's inventory
// ("" for every partition), in the order of their digits. A number on an
// account is not in the inventory.
func (s *Server) InventoryNumbers(partitionID string) []InventoryNumber {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []InventoryNumber
	for _, n := range s.sortedInventory(partitionID) {
		out = append(out, n.snapshot())
	}
	return out
}

// sortedInventory returns the inventory of a partition ("" for all) in the
// order of the digits. s.mu must be held.
func (s *Server) sortedInventory(partition string) []*inventoryNumber {
	var out []*inventoryNumber
	for _, n := range s.inventory {
		if partition == "" || n.PartitionID == partition {
			out = append(out, n)
		}
	}
	slices.SortFunc(out, func(a, b *inventoryNumber) int { return strings.Compare(a.PhoneNumber, b.PhoneNumber) })
	return out
}

// TelephoneNumber is a telephone number on an account (the spec's
// TelephoneNumberAccountV2X) as the fake keeps it, under its wire names. ID
// is the phone number. CustomerServiceRecord, E911Address and
// DirectoryListing are kept as the JSON objects sent.
type TelephoneNumber struct {
	ID                    string         `json:"id"`
	PhoneNumber           string         `json:"phoneNumber"`
	ReferenceType         string         `json:"referenceType,omitempty"`
	ReferenceID           string         `json:"referenceId,omitempty"`
	FunctionType          string         `json:"functionType,omitempty"`
	CanAcceptSMS          bool           `json:"canAcceptSMS"`
	OperationalStatus     string         `json:"operationalStatus,omitempty"`
	PortID                string         `json:"portId,omitempty"`
	ServicePackageType    string         `json:"servicePackageType,omitempty"`
	AccountID             string         `json:"accountId"`
	PartitionID           string         `json:"partitionId"`
	CustomerServiceRecord map[string]any `json:"customerServiceRecord,omitempty"`
	CarrierStatus         string         `json:"carrierStatus,omitempty"`
	E911Address           map[string]any `json:"e911Address,omitempty"`
	DirectoryListing      map[string]any `json:"directoryListing,omitempty"`
	AssignAsCallerID      bool           `json:"assignAsCallerId"`
	BYOTNCarrierID        string         `json:"byotnCarrierId,omitempty"`
	RingType              string         `json:"ringType,omitempty"`
	CarrierID             string         `json:"carrierId,omitempty"`
	TollFree              bool           `json:"tollFree"`
}

// limitedNumberJSON is the answer of the list with limitedData=true.
type limitedNumberJSON struct {
	ID            string `json:"id"`
	PhoneNumber   string `json:"phoneNumber"`
	ReferenceType string `json:"referenceType,omitempty"`
	ReferenceID   string `json:"referenceId,omitempty"`
	FunctionType  string `json:"functionType,omitempty"`
	AccountID     string `json:"accountId"`
	PartitionID   string `json:"partitionId"`
	CarrierStatus string `json:"carrierStatus,omitempty"`
}

// accountNumber is a number on an account and the inventory entry it came
// from (what it goes back to on removal).
type accountNumber struct {
	TelephoneNumber
	origin InventoryNumber
}

// AccountNumbers returns copies of the telephone numbers of an account, in
// the order added (nil for an account without numbers or one that does not
// exist).
func (s *Server) AccountNumbers(accountID string) []TelephoneNumber {
	s.mu.Lock()
	defer s.mu.Unlock()
	acct, ok := s.accounts[accountID]
	if !ok || len(acct.numbers) == 0 {
		return nil
	}
	out := make([]TelephoneNumber, len(acct.numbers))
	for i, n := range acct.numbers {
		out[i] = n.TelephoneNumber
		out[i].CustomerServiceRecord = cloneObject(n.CustomerServiceRecord)
		out[i].E911Address = cloneObject(n.E911Address)
		out[i].DirectoryListing = cloneObject(n.DirectoryListing)
	}
	return out
}

// cloneObject deep-copies a JSON object kept as sent.
func cloneObject(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	b, _ := json.Marshal(m)
	var out map[string]any
	_ = json.Unmarshal(b, &out)
	return out
}

// numberOwner finds the account, of any partition, that has a number. s.mu
// must be held.
func (s *Server) numberOwner(tn string) (*account, *accountNumber) {
	for _, a := range s.accounts {
		if n := a.number(tn); n != nil {
			return a, n
		}
	}
	return nil, nil
}

// number finds a number of the account.
func (a *account) number(tn string) *accountNumber {
	for _, n := range a.numbers {
		if n.PhoneNumber == tn {
			return n
		}
	}
	return nil
}

// keys gathers the message keys of the rules a request breaks, each once,
// in the order found.
type keys []string

func (k *keys) add(key string) {
	if !slices.Contains(*k, key) {
		*k = append(*k, key)
	}
}

// enum adds key when v is set and not one of values.
func (k *keys) enum(v string, values []string, key string) {
	if v != "" && !slices.Contains(values, v) {
		k.add(key)
	}
}

// checkNumberFields checks the editable fields of a number of acct.
func checkNumberFields(k *keys, acct *account, refType, refID, opStatus, pkg string) {
	switch {
	case refType == "" && refID != "":
		k.add(MessageReferenceTypeRequired)
	case refType == "":
	case !slices.Contains(numberReferenceTypes, refType):
		k.add(MessageInvalidReferenceType)
	case strings.TrimSpace(refID) == "":
		k.add(MessageReferenceIDRequired)
	case refType == "END_USER" && accountUser(acct, refID) == nil:
		k.add(MessageInvalidReferenceID)
	}
	k.enum(opStatus, operationalStatuses, MessageInvalidOperationalStatus)
	k.enum(pkg, servicePackages, MessageInvalidServicePackageType)
}

// numberViewJSON is the TelephoneNumberViewX schema, one search result.
type numberViewJSON struct {
	ID            string  `json:"id"`
	PartitionID   string  `json:"partitionId"`
	PhoneNumber   string  `json:"phoneNumber"`
	RateCenter    string  `json:"rateCenter,omitempty"`
	State         string  `json:"state,omitempty"`
	Country       string  `json:"country,omitempty"`
	Prefix        string  `json:"prefix"`
	CarrierID     string  `json:"carrierId,omitempty"`
	FunctionType  string  `json:"functionType"`
	MatchesZip    bool    `json:"matchesZip"`
	Distance      float64 `json:"distance"`
	BYOTN         bool    `json:"byotn"`
	IsInInventory bool    `json:"isInInventory"`
	Port          bool    `json:"port"`
}

// postalCode reads a US ZIP code (5 digits, or ZIP+4, of which the first 5
// count) or a Canadian postal code (A1A 1A1, with or without the space),
// upper-case without spaces.
func postalCode(s string) (string, bool) {
	s = strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	if len(s) == 10 && s[5] == '-' && allDigits(s[6:]) {
		s = s[:5]
	}
	if len(s) == 5 && allDigits(s) {
		return s, true
	}
	if len(s) == 6 {
		for i, c := range s {
			letter := c >= 'A' && c <= 'Z'
			if letter != (i%2 == 0) || !letter && (c < '0' || c > '9') {
				return "", false
			}
		}
		return s, true
	}
	return "", false
}

// distanceMiles is the great-circle distance between two points, in miles,
// to a tenth.
func distanceMiles(lat1, long1, lat2, long2 float64) float64 {
	const earthMiles = 3958.8
	rad := math.Pi / 180
	dLat, dLong := (lat2-lat1)*rad, (long2-long1)*rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLong/2)*math.Sin(dLong/2)
	return math.Round(2*earthMiles*math.Asin(math.Sqrt(h))*10) / 10
}

// GET /v2/partition/{partitionId}/telephonenumber/search: the partition's
// inventory numbers of the function type (ELS by default) and carrier that
// match q by type (POSTALCODE_OR_TN by default), up to maxResults, in the
// order of their digits (nearest first for LAT_LONG). Numbers reserved by
// another management user are left out.
func (s *Server) searchInventory(c *call) reply {
	q := c.r.URL.Query()
	typ, ft := q.Get("type"), q.Get("functiontype")
	if typ == "" {
		typ = "POSTALCODE_OR_TN"
	}
	if ft == "" {
		ft = "ELS"
	}
	var errs keys
	errs.enum(typ, numberSearchTypes, MessageInvalidSearchType)
	errs.enum(ft, functionTypes, MessageInvalidFunctionType)
	limit := DefaultSearchResults
	if v := q.Get("maxResults"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			errs.add(MessageInvalidMaxResults)
		}
		limit = n
	}
	term := strings.TrimSpace(q.Get("q"))
	var lat, long float64
	if typ == "LAT_LONG" {
		var err1, err2 error
		lat, err1 = strconv.ParseFloat(q.Get("lat"), 64)
		long, err2 = strconv.ParseFloat(q.Get("long"), 64)
		if err1 != nil || err2 != nil || math.Abs(lat) > 90 || math.Abs(long) > 180 {
			errs.add(MessageInvalidLatLong)
		}
	} else if term == "" {
		errs.add(MessageSearchTermRequired)
	}
	if errs != nil {
		return fail(http.StatusBadRequest, errs...)
	}

	// match reports whether n matches the term, with a distance for
	// LAT_LONG.
	var match func(n *inventoryNumber) (ok, zip bool, dist float64)
	digits := strings.TrimPrefix(term, "+")
	if typ == "POSTALCODE_OR_TN" {
		typ = "POSTALCODE"
		if allDigits(digits) && len(digits) >= 10 {
			typ = "TN"
		}
	}
	switch typ {
	case "TN":
		if !allDigits(digits) || len(digits) > 15 {
			return fail(http.StatusUnprocessableEntity, MessageInvalidSearchTerm)
		}
		if len(digits) == 10 {
			digits = "1" + digits
		}
		match = func(n *inventoryNumber) (bool, bool, float64) {
			return strings.HasPrefix(n.PhoneNumber, digits), false, 0
		}
	case "POSTALCODE":
		pc, ok := postalCode(term)
		if !ok {
			return fail(http.StatusUnprocessableEntity, MessageInvalidSearchTerm)
		}
		match = func(n *inventoryNumber) (bool, bool, float64) {
			got, _ := postalCode(n.PostalCode)
			return got == pc, true, 0
		}
	case "LAT_LONG":
		match = func(n *inventoryNumber) (bool, bool, float64) {
			if n.Lat == 0 && n.Long == 0 {
				return false, false, 0
			}
			return true, false, distanceMiles(lat, long, n.Lat, n.Long)
		}
	default: // RATECENTER, RATECENTER_CARRIER
		name, state := term, ""
		if i := strings.LastIndexByte(term, '.'); i >= 0 {
			name, state = term[:i], term[i+1:]
		}
		if strings.TrimSpace(name) == "" {
			return fail(http.StatusUnprocessableEntity, MessageInvalidSearchTerm)
		}
		match = func(n *inventoryNumber) (bool, bool, float64) {
			return strings.EqualFold(n.RateCenter, name) && (state == "" || strings.EqualFold(n.State, state)), false, 0
		}
	}
	carrier := q.Get("carrierId")
	out := []numberViewJSON{}
	for _, n := range s.sortedInventory(c.args[0]) {
		if n.FunctionType != ft || carrier != "" && n.CarrierID != carrier || n.reservedBy != nil && n.reservedBy != c.user {
			continue
		}
		ok, zip, dist := match(n)
		if !ok {
			continue
		}
		out = append(out, numberViewJSON{
			ID: n.PhoneNumber, PartitionID: n.PartitionID, PhoneNumber: n.PhoneNumber, RateCenter: n.RateCenter,
			State: n.State, Country: n.Country, Prefix: prefix(n.PhoneNumber), CarrierID: n.CarrierID,
			FunctionType: n.FunctionType, MatchesZip: zip, Distance: dist, IsInInventory: true,
		})
	}
	if typ == "LAT_LONG" {
		slices.SortStableFunc(out, func(a, b numberViewJSON) int { return cmpFloat(a.Distance, b.Distance) })
	}
	if len(out) > limit {
		out = out[:limit]
	}
	return answer(http.StatusOK, out)
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// reservationJSON is the TelephoneNumberReservedX schema.
type reservationJSON struct {
	ID           string    `json:"id"`
	TN           string    `json:"tn"`
	ReservedTime time.Time `json:"reservedTime"`
	Reserved     bool      `json:"reserved"`
}

// pathInventoryNumber finds the inventory number of the path's partition
// that …/telephonenumber/{tn}/… names: 400 InvalidTelephoneNumber for
// something else, 400 TelephoneNumberInUse for a number on an account of
// the partition, 404 TelephoneNumberNotFound for one the partition does not
// have. s.mu must be held.
func (s *Server) pathInventoryNumber(c *call) (*inventoryNumber, reply, bool) {
	tn, ok := canonicalTN(c.args[1])
	if !ok {
		return nil, fail(http.StatusBadRequest, MessageInvalidTelephoneNumber), false
	}
	n := s.inventory[tn]
	if n == nil || n.PartitionID != c.args[0] {
		if a, _ := s.numberOwner(tn); a != nil && a.PartitionID == c.args[0] {
			return nil, fail(http.StatusBadRequest, MessageTelephoneNumberInUse), false
		}
		return nil, fail(http.StatusNotFound, MessageTelephoneNumberNotFound), false
	}
	return n, reply{}, true
}

// PUT /v2/partition/{partitionId}/telephonenumber/{tn}/reserve: the number
// is held for the caller (a management user): no one else finds it in a
// search, adds it to an account or reserves it (400 TelephoneNumberReserved)
// until it is released or the caller adds it to an account. Reserving it
// again answers the same reservation.
func (s *Server) reserveNumber(c *call) reply {
	n, rep, ok := s.pathInventoryNumber(c)
	if !ok {
		return rep
	}
	switch n.reservedBy {
	case nil:
		n.reservedBy, n.ReservedTime, n.reservationID = c.user, s.now(), s.newID(kindReservation)
	case c.user:
	default:
		return fail(http.StatusBadRequest, MessageTelephoneNumberReserved)
	}
	return answer(http.StatusOK, reservationJSON{ID: n.reservationID, TN: n.PhoneNumber, ReservedTime: n.ReservedTime, Reserved: true})
}

// DELETE /v2/partition/{partitionId}/telephonenumber/{tn}/reserve (204):
// the caller's reservation ends. A number nobody reserved is 404
// ReservationNotFound, another user's reservation 400
// TelephoneNumberReserved.
func (s *Server) releaseNumber(c *call) reply {
	n, rep, ok := s.pathInventoryNumber(c)
	if !ok {
		return rep
	}
	switch n.reservedBy {
	case nil:
		return fail(http.StatusNotFound, MessageReservationNotFound)
	case c.user:
		n.reservedBy, n.ReservedTime, n.reservationID = nil, time.Time{}, ""
		return answer(http.StatusNoContent, nil)
	}
	return fail(http.StatusBadRequest, MessageTelephoneNumberReserved)
}

// activationRequest is the TelephoneNumberActivationsV2X schema as read.
// The nested objects are kept as sent.
type activationRequest struct {
	Port                  map[string]any `json:"port"`
	L3Settings            map[string]any `json:"l3Settings"`
	CustomerServiceRecord map[string]any `json:"customerServiceRecord"`
	DirectoryListing      map[string]any `json:"directoryListing"`
	E911Address           map[string]any `json:"e911Address"`
	HoldActivation        bool           `json:"holdActivation"`
	TelephoneNumbers      []bareNumber   `json:"telephoneNumbers"`
	BYOTNCarrierID        string         `json:"byotnCarrierId"`
}

// activationJSON is the TelephoneNumberActivationsV2X answer.
type activationJSON struct {
	ID                    string         `json:"id"`
	PartitionID           string         `json:"partitionId"`
	AccountID             string         `json:"accountId"`
	Port                  map[string]any `json:"port,omitempty"`
	L3Settings            map[string]any `json:"l3Settings,omitempty"`
	CustomerServiceRecord map[string]any `json:"customerServiceRecord,omitempty"`
	DirectoryListing      map[string]any `json:"directoryListing,omitempty"`
	E911Address           map[string]any `json:"e911Address,omitempty"`
	HoldActivation        bool           `json:"holdActivation"`
	TelephoneNumbers      []bareNumber   `json:"telephoneNumbers"`
	BYOTNCarrierID        string         `json:"byotnCarrierId,omitempty"`
}

// bareNumber is the TelephoneNumberAccountBareX schema.
type bareNumber struct {
	ID                 string `json:"id,omitempty"`
	PhoneNumber        string `json:"phoneNumber"`
	ReferenceType      string `json:"referenceType,omitempty"`
	ReferenceID        string `json:"referenceId,omitempty"`
	FunctionType       string `json:"functionType,omitempty"`
	CanAcceptSMS       bool   `json:"canAcceptSMS"`
	OperationalStatus  string `json:"operationalStatus,omitempty"`
	PortID             string `json:"portId,omitempty"`
	ServicePackageType string `json:"servicePackageType,omitempty"`
	TollFree           bool   `json:"tollFree"`
}

// portRequest is the part of PortX the fake reads.
type portRequest struct {
	TelephoneNumbers []string   `json:"telephoneNumbers"`
	CarrierType      string     `json:"carrierType"`
	CRDDate          *time.Time `json:"crdDate"`
}

// decodeNested reads a nested object of a request body, already decoded
// into m, as v: a field of the wrong type is answered as decodeBody answers
// it, named from the body's root (prefix).
func decodeNested(prefix string, m map[string]any, v any) (reply, bool) {
	b, _ := json.Marshal(m)
	if err := json.Unmarshal(b, v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return invalidBody(prefix + te.Field + " must be " + typeName(te.Type)), false
		}
		return invalidBody("malformed JSON request body"), false // a value that does not parse, e.g. a date-time
	}
	return reply{}, true
}

// activationItem is one number of an activation.
type activationItem struct {
	bare   bareNumber
	tn     string
	ported bool
}

// POST …/account/{accountId}/telephonenumber (200): numbers of the
// partition's inventory are put on the account (leaving the inventory, and
// consuming the caller's reservations), and the numbers of port are ported
// in; the answer is the activation as stored. See the package doc for the
// rules and the status events recorded.
func (s *Server) addAccountNumbers(c *call) reply {
	acct, rep, ok := s.pathAccount(c)
	if !ok {
		return rep
	}
	var req activationRequest
	if rep, ok := decodeBody(c.raw, &req); !ok {
		return rep
	}
	var port portRequest
	if req.Port != nil {
		if rep, ok := decodeNested("port.", req.Port, &port); !ok {
			return rep
		}
	}
	var errs keys
	var items []activationItem
	seen := map[string]bool{}
	ported := map[string]bool{}
	var portTNs []string
	for _, p := range port.TelephoneNumbers {
		tn, ok := canonicalTN(p)
		switch {
		case !ok:
			errs.add(MessageInvalidTelephoneNumber)
		case ported[tn]:
			errs.add(MessageDuplicateTelephoneNumber)
		default:
			ported[tn] = true
			portTNs = append(portTNs, tn)
		}
	}
	for _, b := range req.TelephoneNumbers {
		tn, ok := canonicalTN(b.PhoneNumber)
		switch {
		case !ok:
			errs.add(MessageInvalidTelephoneNumber)
			continue
		case seen[tn]:
			errs.add(MessageDuplicateTelephoneNumber)
			continue
		}
		seen[tn] = true
		checkNumberFields(&errs, acct, b.ReferenceType, b.ReferenceID, b.OperationalStatus, b.ServicePackageType)
		errs.enum(b.FunctionType, functionTypes, MessageInvalidFunctionType)
		items = append(items, activationItem{bare: b, tn: tn, ported: ported[tn]})
	}
	for _, tn := range portTNs {
		if !seen[tn] {
			seen[tn] = true
			items = append(items, activationItem{bare: bareNumber{PhoneNumber: tn}, tn: tn, ported: true})
		}
	}
	if len(items) == 0 && errs == nil {
		errs.add(MessageTelephoneNumbersRequired)
	}
	for _, it := range items {
		inv := s.inventory[it.tn]
		switch owner, _ := s.numberOwner(it.tn); {
		case owner != nil, it.ported && inv != nil:
			errs.add(MessageTelephoneNumberInUse)
		case it.ported:
		case inv == nil || inv.PartitionID != acct.PartitionID:
			errs.add(MessageTelephoneNumberNotInInventory)
		case inv.reservedBy != nil && inv.reservedBy != c.user:
			errs.add(MessageTelephoneNumberReserved)
		}
	}
	if errs != nil {
		return fail(http.StatusBadRequest, errs...)
	}

	now := s.now()
	out := activationJSON{
		ID: s.newID(kindActivation), PartitionID: acct.PartitionID, AccountID: acct.ID, L3Settings: req.L3Settings,
		CustomerServiceRecord: req.CustomerServiceRecord, DirectoryListing: req.DirectoryListing, E911Address: req.E911Address,
		HoldActivation: req.HoldActivation, BYOTNCarrierID: req.BYOTNCarrierID, TelephoneNumbers: []bareNumber{},
	}
	portID := ""
	if len(portTNs) > 0 {
		portID = s.newID(kindPort)
		out.Port = req.Port
		out.Port["id"], out.Port["status"], out.Port["partitionId"], out.Port["accountId"] = portID, "PORT_PENDING", acct.PartitionID, acct.ID
		out.Port["telephoneNumbers"] = portTNs
	}
	var activated []string
	for _, it := range items {
		n := &accountNumber{TelephoneNumber: TelephoneNumber{
			ID: it.tn, PhoneNumber: it.tn, ReferenceType: it.bare.ReferenceType, ReferenceID: it.bare.ReferenceID,
			FunctionType: it.bare.FunctionType, CanAcceptSMS: it.bare.CanAcceptSMS, OperationalStatus: it.bare.OperationalStatus,
			ServicePackageType: it.bare.ServicePackageType, AccountID: acct.ID, PartitionID: acct.PartitionID,
			CustomerServiceRecord: req.CustomerServiceRecord, E911Address: req.E911Address, DirectoryListing: req.DirectoryListing,
			BYOTNCarrierID: req.BYOTNCarrierID, TollFree: it.bare.TollFree, CarrierStatus: "ACTIVE",
		}}
		if n.OperationalStatus == "" {
			n.OperationalStatus = "ACTIVE"
		}
		if it.ported {
			n.PortID, n.CarrierStatus = portID, "PORT_PENDING"
			if n.FunctionType == "" {
				n.FunctionType = "ELS"
			}
			n.origin = InventoryNumber{PhoneNumber: it.tn, PartitionID: acct.PartitionID, Country: "US", FunctionType: n.FunctionType}
		} else {
			inv := s.inventory[it.tn]
			delete(s.inventory, it.tn)
			n.origin = inv.InventoryNumber
			n.origin.ReservedTime = time.Time{}
			n.FunctionType, n.CarrierID = inv.FunctionType, inv.CarrierID
			if req.HoldActivation {
				n.CarrierStatus = "ACTIVATION_ON_HOLD"
			}
			activated = append(activated, it.tn)
		}
		n.TollFree = n.TollFree || n.FunctionType == "TollFree"
		acct.numbers = append(acct.numbers, n)
		b := it.bare
		b.ID, b.PhoneNumber, b.PortID, b.FunctionType, b.TollFree, b.OperationalStatus = n.ID, n.PhoneNumber, n.PortID, n.FunctionType, n.TollFree, n.OperationalStatus
		out.TelephoneNumbers = append(out.TelephoneNumbers, b)
		s.logHistory(c, acct, AccountHistory{AccountHistoryType: "PHONE_NUMBER", Action: "CREATE", ReferenceType: "Telephone",
			ReferenceID: n.ID, ReferenceName: n.PhoneNumber, NewValue: n.PhoneNumber})
	}
	if len(activated) > 0 {
		status := "COMPLETED"
		if req.HoldActivation {
			status = "ON_HOLD"
		}
		s.recordEvent(acct, StatusEvent{ServiceType: "ACTIVATION", ReferenceType: "TELEPHONE", ReferenceID: out.ID,
			ActivationStatusType: status, CreatedDate: now}, activated, req.CustomerServiceRecord)
	}
	if portID != "" {
		s.recordEvent(acct, StatusEvent{ServiceType: "PORT_REQUEST", ReferenceType: "PORT", ReferenceID: portID,
			ActivationStatusType: "PENDING", CreatedDate: now, CRDDate: port.CRDDate, InboundCarrierType: port.CarrierType},
			portTNs, req.CustomerServiceRecord)
	}
	return answer(http.StatusOK, out)
}

// GET …/account/{accountId}/telephonenumber?limitedData=: the account's
// numbers in the order added; with limitedData=true only their ids,
// destinations and statuses.
func (s *Server) listAccountNumbers(c *call) reply {
	acct, rep, ok := s.pathAccount(c)
	if !ok {
		return rep
	}
	limited := false
	if v := c.r.URL.Query().Get("limitedData"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fail(http.StatusBadRequest, MessageInvalidLimitedData)
		}
		limited = b
	}
	if limited {
		out := make([]limitedNumberJSON, len(acct.numbers))
		for i, n := range acct.numbers {
			out[i] = limitedNumberJSON{ID: n.ID, PhoneNumber: n.PhoneNumber, ReferenceType: n.ReferenceType, ReferenceID: n.ReferenceID,
				FunctionType: n.FunctionType, AccountID: n.AccountID, PartitionID: n.PartitionID, CarrierStatus: n.CarrierStatus}
		}
		return answer(http.StatusOK, out)
	}
	out := make([]TelephoneNumber, len(acct.numbers))
	for i, n := range acct.numbers {
		out[i] = n.TelephoneNumber
	}
	return answer(http.StatusOK, out)
}

// pathNumber finds the account and its number the path names: 404
// AccountNotFound, 400 InvalidTelephoneNumber or 404 TelephoneNumberNotFound
// otherwise. s.mu must be held.
func (s *Server) pathNumber(c *call) (*account, *accountNumber, reply, bool) {
	acct, rep, ok := s.pathAccount(c)
	if !ok {
		return nil, nil, rep, false
	}
	tn, ok := canonicalTN(c.args[2])
	if !ok {
		return nil, nil, fail(http.StatusBadRequest, MessageInvalidTelephoneNumber), false
	}
	n := acct.number(tn)
	if n == nil {
		return nil, nil, fail(http.StatusNotFound, MessageTelephoneNumberNotFound), false
	}
	return acct, n, reply{}, true
}

// GET …/account/{accountId}/telephonenumber/{tn}.
func (s *Server) getAccountNumber(c *call) reply {
	_, n, rep, ok := s.pathNumber(c)
	if !ok {
		return rep
	}
	return answer(http.StatusOK, n.TelephoneNumber)
}

// PUT …/account/{accountId}/telephonenumber/{tn}: replaces the editable
// fields (see the package doc).
func (s *Server) putAccountNumber(c *call) reply {
	acct, cur, rep, ok := s.pathNumber(c)
	if !ok {
		return rep
	}
	var n TelephoneNumber
	if rep, ok := decodeBody(c.raw, &n); !ok {
		return rep
	}
	return s.replaceNumber(c, acct, cur, n)
}

// PATCH …/account/{accountId}/telephonenumber/{tn}: a JSON merge patch.
func (s *Server) patchAccountNumber(c *call) reply {
	acct, cur, rep, ok := s.pathNumber(c)
	if !ok {
		return rep
	}
	var n TelephoneNumber
	if rep, ok := patchBody(cur.TelephoneNumber, c.raw, &n); !ok {
		return rep
	}
	return s.replaceNumber(c, acct, cur, n)
}

// replaceNumber validates and stores n as the new state of cur, keeping its
// read-only fields. A changed e911Address is a NINE_ONE_ONE_ADDRESS event.
// s.mu must be held.
func (s *Server) replaceNumber(c *call, acct *account, cur *accountNumber, n TelephoneNumber) reply {
	old := cur.TelephoneNumber
	n.ID, n.PhoneNumber, n.AccountID, n.PartitionID = old.ID, old.PhoneNumber, old.AccountID, old.PartitionID
	n.FunctionType, n.PortID, n.CarrierStatus, n.CarrierID, n.BYOTNCarrierID, n.TollFree =
		old.FunctionType, old.PortID, old.CarrierStatus, old.CarrierID, old.BYOTNCarrierID, old.TollFree
	var errs keys
	checkNumberFields(&errs, acct, n.ReferenceType, n.ReferenceID, n.OperationalStatus, n.ServicePackageType)
	errs.enum(n.RingType, ringTypes, MessageInvalidRingType)
	if errs != nil {
		return fail(http.StatusBadRequest, errs...)
	}
	cur.TelephoneNumber = n
	if !reflect.DeepEqual(old, n) {
		s.logHistory(c, acct, AccountHistory{AccountHistoryType: "PHONE_NUMBER", Action: "UPDATE", ReferenceType: "Telephone",
			ReferenceID: n.ID, ReferenceName: n.PhoneNumber})
	}
	if !reflect.DeepEqual(old.E911Address, n.E911Address) {
		s.logHistory(c, acct, AccountHistory{AccountHistoryType: "ADDRESS_E911", Action: "UPDATE", ReferenceType: "Telephone",
			ReferenceID: n.ID, ReferenceName: n.PhoneNumber})
		s.recordEvent(acct, StatusEvent{ServiceType: "NINE_ONE_ONE_ADDRESS", ReferenceType: "TELEPHONE", ReferenceID: n.ID,
			ActivationStatusType: "COMPLETED", CreatedDate: s.now()}, []string{n.PhoneNumber}, n.CustomerServiceRecord)
	}
	return answer(http.StatusOK, n)
}

// DELETE …/account/{accountId}/telephonenumber/{tn} (204): the number goes
// back to the inventory of the account's partition (the fake has no
// cooldown), with a DISCONNECT event. Refused, 400
// TelephoneNumberActivationPending, while a status event of the number is
// not finished (an activation on hold, a pending port).
func (s *Server) removeAccountNumber(c *call) reply {
	acct, n, rep, ok := s.pathNumber(c)
	if !ok {
		return rep
	}
	if s.eventPending(acct.ID, n.PhoneNumber) {
		return fail(http.StatusBadRequest, MessageActivationPending)
	}
	s.dropNumber(acct, n)
	s.logHistory(c, acct, AccountHistory{AccountHistoryType: "PHONE_NUMBER", Action: "DELETE", ReferenceType: "Telephone",
		ReferenceID: n.ID, ReferenceName: n.PhoneNumber, OldValue: n.PhoneNumber})
	s.recordEvent(acct, StatusEvent{ServiceType: "DISCONNECT", ReferenceType: "TELEPHONE", ReferenceID: n.ID,
		ActivationStatusType: "COMPLETED", CreatedDate: s.now()}, []string{n.PhoneNumber}, n.CustomerServiceRecord)
	return answer(http.StatusNoContent, nil)
}

// dropNumber takes a number off its account and puts it back into the
// inventory it came from, unreserved. s.mu must be held.
func (s *Server) dropNumber(acct *account, n *accountNumber) {
	acct.numbers = slices.DeleteFunc(acct.numbers, func(x *accountNumber) bool { return x == n })
	s.inventory[n.PhoneNumber] = &inventoryNumber{InventoryNumber: n.origin}
}
