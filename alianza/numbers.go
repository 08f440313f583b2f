package alianza

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// This file is the telephone numbers of an account
// (…/account/{accountId}/telephonenumber) and the partition's number
// inventory (…/telephonenumber/search and …/telephonenumber/{tn}/reserve).
// The status search iterator, NumbersService.StatusEvents, is in paging.go.

// NormalizeTelephoneNumber returns a telephone number as Alianza spells it,
// bare digits, or ok=false when tn is not one.
//
// Accepted: 10 to 15 digits, optionally after one leading '+', and nothing
// else (no spaces, dashes, dots or parentheses: a number is an id here, and
// guessing at a format would hide typos). The '+' is dropped, because the
// spec's numbers are bare digits ("11 digits no spaces or dashes (include
// country code)", q=18015551212). Ten digits is a NANP number without its
// country code, which some endpoints take ("10 digits … 1 is assumed"); 11
// is one with it; 15 is the E.164 maximum. Alianza serves the US and Canada,
// so most numbers are 11 digits; no digits are added or removed, and the
// server has the last word on whether a number exists.
func NormalizeTelephoneNumber(tn string) (string, bool) {
	s := strings.TrimPrefix(tn, "+")
	if n := len(s); n < 10 || n > 15 || !allDigits(s) {
		return "", false
	}
	return s, true
}

// checkTN normalises a telephone number or refuses it.
func checkTN(op, field, tn string) (string, error) {
	n, ok := NormalizeTelephoneNumber(tn)
	if !ok {
		if tn == "" {
			return "", invalid(op, field, "is empty")
		}
		return "", invalid(op, field, "%q is not a telephone number: 10 to 15 digits, optionally after '+'", tn)
	}
	return n, nil
}

// checkEnum accepts "" (not set) and the values of the spec's enum.
func checkEnum[T ~string](op, field string, v T, values []T) error {
	if v != "" && !slices.Contains(values, v) {
		return invalid(op, field, "%q is not one of %v", v, values)
	}
	return nil
}

// checkLen accepts "" (not set) and lengths from min to max.
func checkLen(op, field, v string, lo, hi int) error {
	if n := len(v); n != 0 && (n < lo || n > hi) {
		return invalid(op, field, "has %d characters, want %d to %d", n, lo, hi)
	}
	return nil
}

// firstErr returns the first error that is not nil.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// TelephoneNumber is a telephone number on an account (the spec's
// TelephoneNumberAccountV2X). Update replaces it: read it with Get and change
// what is needed. Its booleans are always sent, so that a false read is
// written back as false; other zero values are not sent.
type TelephoneNumber struct {
	ID                    string                 `json:"id,omitempty"`
	PhoneNumber           string                 `json:"phoneNumber,omitempty"`
	ReferenceType         NumberReferenceType    `json:"referenceType,omitempty"` // what kind of destination gets its calls
	ReferenceID           string                 `json:"referenceId,omitempty"`   // the destination's id, e.g. a user id for NumberRefEndUser
	FunctionType          FunctionType           `json:"functionType,omitempty"`
	CanAcceptSMS          bool                   `json:"canAcceptSMS"`
	OperationalStatus     OperationalStatus      `json:"operationalStatus,omitempty"`
	PortID                string                 `json:"portId,omitempty"`
	ServicePackageType    ServicePackage         `json:"servicePackageType,omitempty"`
	AccountID             string                 `json:"accountId,omitempty"`
	PartitionID           string                 `json:"partitionId,omitempty"`
	CustomerServiceRecord *CustomerServiceRecord `json:"customerServiceRecord,omitempty"`
	CarrierStatus         CarrierStatus          `json:"carrierStatus,omitempty"`
	OrderVersion          string                 `json:"orderVersion,omitempty"`
	E911Address           *E911Address           `json:"e911Address,omitempty"`
	TemporaryNumber       string                 `json:"temporaryNumber,omitempty"`
	DirectoryListing      *DirectoryListing      `json:"directoryListing,omitempty"`
	AssignAsCallerID      bool                   `json:"assignAsCallerId"`
	BYOTNCarrierID        string                 `json:"byotnCarrierId,omitempty"`
	RingType              RingType               `json:"ringType,omitempty"` // the number's default ring
	CarrierID             string                 `json:"carrierId,omitempty"`
	TollFree              bool                   `json:"tollFree"`
}

// BareTelephoneNumber is one number of a NumberActivation (the spec's
// TelephoneNumberAccountBareX).
type BareTelephoneNumber struct {
	ID                 string              `json:"id,omitempty"`
	PhoneNumber        string              `json:"phoneNumber,omitempty"`
	ReferenceType      NumberReferenceType `json:"referenceType,omitempty"`
	ReferenceID        string              `json:"referenceId,omitempty"`
	FunctionType       FunctionType        `json:"functionType,omitempty"`
	CanAcceptSMS       bool                `json:"canAcceptSMS"`
	OperationalStatus  OperationalStatus   `json:"operationalStatus,omitempty"`
	PortID             string              `json:"portId,omitempty"`
	ServicePackageType ServicePackage      `json:"servicePackageType,omitempty"`
	TollFree           bool                `json:"tollFree"`
}

// NumberActivation adds numbers to an account: new numbers from the
// inventory, or a port (the spec's TelephoneNumberActivationsV2X).
type NumberActivation struct {
	ID                    string                 `json:"id,omitempty"`
	PartitionID           string                 `json:"partitionId,omitempty"`
	AccountID             string                 `json:"accountId,omitempty"`
	Port                  *Port                  `json:"port,omitempty"`
	L3Settings            *L3Settings            `json:"l3Settings,omitempty"`
	CustomerServiceRecord *CustomerServiceRecord `json:"customerServiceRecord,omitempty"`
	DirectoryListing      *DirectoryListing      `json:"directoryListing,omitempty"`
	E911Address           *E911Address           `json:"e911Address,omitempty"`
	// HoldActivation prevents carrier activation until a later date.
	HoldActivation   bool                  `json:"holdActivation"`
	TelephoneNumbers []BareTelephoneNumber `json:"telephoneNumbers,omitempty"`
	BYOTNCarrierID   string                `json:"byotnCarrierId,omitempty"`
}

// CustomerServiceRecord is the spec's CustomerServiceRecordX: the
// subscriber's name and service address as the carrier knows them.
type CustomerServiceRecord struct {
	ID                           string            `json:"id,omitempty"`
	FirstName                    string            `json:"firstName,omitempty"` // 1–256 characters
	MiddleInitial                string            `json:"middleInitial,omitempty"`
	LastName                     string            `json:"lastName,omitempty"`
	BusinessName                 string            `json:"businessName,omitempty"`
	StreetNumber                 string            `json:"streetNumber,omitempty"`
	StreetNumberSuffix           string            `json:"streetNumberSuffix,omitempty"`
	PreDirectional               Directional       `json:"preDirectional,omitempty"`
	StreetName                   string            `json:"streetName,omitempty"`
	StreetSuffix                 string            `json:"streetSuffix,omitempty"`
	PostDirectional              Directional       `json:"postDirectional,omitempty"`
	City                         string            `json:"city,omitempty"`
	State                        string            `json:"state,omitempty"`   // two letters
	Country                      string            `json:"country,omitempty"` // the US or Canada
	PostalCode                   string            `json:"postalCode,omitempty"`
	SecondaryLocationDescription SecondaryLocation `json:"secondaryLocationDescription,omitempty"`
	Unit                         string            `json:"unit,omitempty"` // up to 10 characters
	CustomerType                 CustomerType      `json:"customerType,omitempty"`
	FirstNameSecondary           string            `json:"firstNameSecondary,omitempty"`
	BlockCustomerName            bool              `json:"blockCustomerName"`
	CustomerName                 string            `json:"customerName,omitempty"`
}

// E911Address is the spec's E911AddressX: where emergency services go.
type E911Address struct {
	ID                           string            `json:"id,omitempty"`
	FirstName                    string            `json:"firstName,omitempty"`
	MiddleInitial                string            `json:"middleInitial,omitempty"`
	LastName                     string            `json:"lastName,omitempty"`
	BusinessName                 string            `json:"businessName,omitempty"`
	StreetNumber                 string            `json:"streetNumber,omitempty"`
	StreetNumberSuffix           string            `json:"streetNumberSuffix,omitempty"`
	PreDirectional               Directional       `json:"preDirectional,omitempty"`
	StreetName                   string            `json:"streetName,omitempty"`
	StreetSuffix                 string            `json:"streetSuffix,omitempty"`
	PostDirectional              Directional       `json:"postDirectional,omitempty"`
	City                         string            `json:"city,omitempty"`
	State                        string            `json:"state,omitempty"`
	Country                      string            `json:"country,omitempty"`
	PostalCode                   string            `json:"postalCode,omitempty"`
	SecondaryLocationDescription SecondaryLocation `json:"secondaryLocationDescription,omitempty"`
	Unit                         string            `json:"unit,omitempty"`
	CustomerType                 CustomerType      `json:"customerType,omitempty"`
	Latitude                     string            `json:"latitude,omitempty"`  // -90 to 90, 4 to 6 decimals
	Longitude                    string            `json:"longitude,omitempty"` // -180 to 180, 4 to 6 decimals
	Language                     string            `json:"language,omitempty"`  // see /v2/ref/language
}

// DirectoryListing is the spec's DirectoryListingX.
type DirectoryListing struct {
	Listed  bool        `json:"listed"`
	Type    ListingType `json:"type,omitempty"`
	Address *Address    `json:"address,omitempty"`
}

// Address is the spec's AddressX (a directory listing's address).
type Address struct {
	ID                           string            `json:"id,omitempty"`
	FirstName                    string            `json:"firstName,omitempty"` // 1–256 characters
	MiddleInitial                string            `json:"middleInitial,omitempty"`
	LastName                     string            `json:"lastName,omitempty"`
	BusinessName                 string            `json:"businessName,omitempty"`
	StreetNumber                 string            `json:"streetNumber,omitempty"`
	StreetNumberSuffix           string            `json:"streetNumberSuffix,omitempty"`
	PreDirectional               Directional       `json:"preDirectional,omitempty"`
	StreetName                   string            `json:"streetName,omitempty"`
	StreetSuffix                 string            `json:"streetSuffix,omitempty"`
	PostDirectional              Directional       `json:"postDirectional,omitempty"`
	City                         string            `json:"city,omitempty"`
	State                        string            `json:"state,omitempty"`   // two letters
	Country                      string            `json:"country,omitempty"` // USA or CAN
	PostalCode                   string            `json:"postalCode,omitempty"`
	SecondaryLocationDescription SecondaryLocation `json:"secondaryLocationDescription,omitempty"`
	Unit                         string            `json:"unit,omitempty"` // up to 10 characters
}

// Port is a port-in request (the spec's PortX). WirelessPin is REDACTED in
// fmt, slog and encoding/json output; the client sends it as is.
type Port struct {
	ID                     string                 `json:"id,omitempty"`
	PartitionID            string                 `json:"partitionId,omitempty"`
	AccountID              string                 `json:"accountId,omitempty"`
	TelephoneNumbers       []string               `json:"telephoneNumbers,omitempty"`
	Status                 CarrierStatus          `json:"status,omitempty"`
	SendLoa                bool                   `json:"sendLoa"`
	LoaSaved               bool                   `json:"loaSaved"`
	CarrierID              string                 `json:"carrierId,omitempty"`
	CarrierType            CarrierType            `json:"carrierType,omitempty"`
	CustomerServiceRecord  *CustomerServiceRecord `json:"customerServiceRecord,omitempty"`
	CRDDate                *time.Time             `json:"crdDate,omitempty"`
	BillingTelephoneNumber string                 `json:"billingTelephoneNumber,omitempty"`
	PortingWireType        PortingWireType        `json:"portingWireType,omitempty"`
	PortingAuthorizedName  string                 `json:"portingAuthorizedName,omitempty"`
	WirelessAccountNumber  string                 `json:"wirelessAccountNumber,omitempty"`
	WirelessPin            Secret                 `json:"wirelessPin,omitempty"` // up to 15 characters
	FOCDate                *time.Time             `json:"focDate,omitempty"`
	FOCDateTimeZone        string                 `json:"focDateTimeZone,omitempty"` // one of the spec's time zones, as Account.TimeZone
	CreatedDate            *time.Time             `json:"createdDate,omitempty"`
	CompletedDate          *time.Time             `json:"completedDate,omitempty"`
	CancelType             CancelType             `json:"cancelType,omitempty"`
	TelecomSettings        *TelecomSettings       `json:"telecomSettings,omitempty"`
	HotCutPortID           string                 `json:"hotCutPortId,omitempty"`
	PortNow                bool                   `json:"portNow"`
	CanAcceptSMS           bool                   `json:"canAcceptSMS"`
	SMSCallbackURL         string                 `json:"smsCallbackUrl,omitempty"`
}

// TelecomSettings is the spec's TelecomSettingsX: the losing carrier's
// details of a port.
type TelecomSettings struct {
	Notes                       string            `json:"notes,omitempty"`
	CurrentCarrier              string            `json:"currentCarrier,omitempty"`
	CurrentCarrierName          string            `json:"currentCarrierName,omitempty"`
	LocalReseller               string            `json:"localReseller,omitempty"`
	LoaDate                     *time.Time        `json:"loaDate,omitempty"`
	DisconnectInternetService   bool              `json:"disconnectInternetService"`
	DisconnectTelevisionService bool              `json:"disconnectTelevisionService"`
	TnData                      map[string]TNData `json:"tnData,omitempty"`
}

// TNData is the spec's TnData: one number of a port.
type TNData struct {
	TN         string `json:"tn,omitempty"`
	RateCenter string `json:"rateCenter,omitempty"`
	Wireless   bool   `json:"wireless"`
}

// L3Settings is the spec's L3SettingsX (Level 3 carrier settings).
type L3Settings struct {
	ServicePackage                ServicePackage   `json:"servicePackage,omitempty"`
	AvailableServicePackages      []ServicePackage `json:"availableServicePackages,omitempty"`
	SeasonalSuspendServicePackage ServicePackage   `json:"seasonalSuspendServicePackage,omitempty"`
	B2BPartnerID                  string           `json:"b2BPartnerID,omitempty"`
	CustomerServiceName           string           `json:"customerServiceName,omitempty"`
	BizOrg                        string           `json:"bizOrg,omitempty"`
	ParentBizOrg                  string           `json:"parentBizOrg,omitempty"`
}

// NumberView is a number of the partition's inventory, one result of
// NumbersService.Search (the spec's TelephoneNumberViewX).
type NumberView struct {
	ID                    string            `json:"id"`
	PartitionID           string            `json:"partitionId"`
	PhoneNumber           string            `json:"phoneNumber"`
	RateCenter            string            `json:"rateCenter"`
	RateCenterReorderName string            `json:"rateCenterReorderName"`
	State                 string            `json:"state"`
	Country               string            `json:"country"`
	Prefix                string            `json:"prefix"`
	AccountID             string            `json:"accountId"`
	CarrierID             string            `json:"carrierId"` // the inbound carrier that serves the number
	CooldownExpireDate    *time.Time        `json:"cooldownExpireDate"`
	CooldownRecoveredDate *time.Time        `json:"cooldownRecoveredDate"`
	FunctionType          FunctionType      `json:"functionType"`
	ClaimTicketID         string            `json:"claimTicketId"`
	MatchesZip            bool              `json:"matchesZip"` // a postal code search: the number is in that postal code, not a nearby one
	Distance              float64           `json:"distance"`   // a postal code search: how far a nearby number is
	BYOTN                 bool              `json:"byotn"`      // bring your own telephone number
	ActivationDate        int64             `json:"activationDate"`
	IsInInventory         bool              `json:"isInInventory"`
	OperationalStatus     OperationalStatus `json:"operationalStatus"`
	Port                  bool              `json:"port"`
}

// NumberReservation is a reservation of an inventory number (the spec's
// TelephoneNumberReservedX).
type NumberReservation struct {
	ID           string     `json:"id"`
	TN           string     `json:"tn"`
	ReservedTime *time.Time `json:"reservedTime"`
	Reserved     bool       `json:"reserved"`
}

// NumberSearchRequest is the query of NumbersService.Search (GET
// …/telephonenumber/search).
type NumberSearchRequest struct {
	// Query is q: a telephone number (18015551212), a postal code (84062), a
	// rate center (ALBANY) or a rate center and state (ALBANY.NY). Required,
	// except with SearchLatLong, which does not use it.
	Query string
	// Type is type; "" leaves the spec's default, SearchPostalCodeOrTN.
	Type NumberSearchType
	// FunctionType is functiontype; "" leaves the spec's default, FunctionELS.
	FunctionType FunctionType
	// CarrierID is carrierId, an inbound carrier's id.
	CarrierID string
	// Lat and Long are lat and long, for SearchLatLong only (and required by it).
	Lat, Long *float64
	// MaxResults is maxResults, the number of results; 0 leaves the server's default.
	MaxResults int
}

// values checks the search and returns its query.
func (s NumberSearchRequest) values(op string) (url.Values, error) {
	if err := firstErr(
		checkEnum(op, "Type", s.Type, numberSearchTypes),
		checkEnum(op, "FunctionType", s.FunctionType, functionTypes),
	); err != nil {
		return nil, err
	}
	if s.MaxResults < 0 {
		return nil, invalid(op, "MaxResults", "%d is negative", s.MaxResults)
	}
	q := url.Values{}
	if s.Type == SearchLatLong {
		switch {
		case s.Lat == nil || s.Long == nil:
			return nil, invalid(op, "Lat/Long", "are required by SearchLatLong")
		case *s.Lat < -90 || *s.Lat > 90:
			return nil, invalid(op, "Lat", "%v is not from -90 to 90", *s.Lat)
		case *s.Long < -180 || *s.Long > 180:
			return nil, invalid(op, "Long", "%v is not from -180 to 180", *s.Long)
		case s.Query != "":
			return nil, invalid(op, "Query", "is not used by SearchLatLong")
		}
		q.Set("lat", strconv.FormatFloat(*s.Lat, 'f', -1, 64))
		q.Set("long", strconv.FormatFloat(*s.Long, 'f', -1, 64))
	} else {
		query := strings.TrimSpace(s.Query)
		switch {
		case s.Lat != nil || s.Long != nil:
			return nil, invalid(op, "Lat/Long", "are for SearchLatLong only")
		case query == "":
			return nil, invalid(op, "Query", "is empty")
		case s.Type == SearchTN:
			tn, err := checkTN(op, "Query", query)
			if err != nil {
				return nil, err
			}
			query = tn
		default:
			if tn, ok := NormalizeTelephoneNumber(query); ok {
				query = tn // "+1…" as the bare digits the server knows
			}
		}
		q.Set("q", query)
	}
	if s.Type != "" {
		q.Set("type", string(s.Type))
	}
	if s.FunctionType != "" {
		q.Set("functiontype", string(s.FunctionType))
	}
	if s.CarrierID != "" {
		q.Set("carrierId", s.CarrierID)
	}
	if s.MaxResults > 0 {
		q.Set("maxResults", strconv.Itoa(s.MaxResults))
	}
	return q, nil
}

// NumberListOptions are the options of NumbersService.List.
type NumberListOptions struct {
	// LimitedData asks for less data per number, so that accounts with many
	// numbers answer quickly (limitedData=true).
	LimitedData bool
}

// NumbersService is the telephone numbers of accounts and the partition's
// number inventory.
type NumbersService struct{ c *Client }

func numbersPath(p, accountID string, tn ...string) string {
	return partitionPath(p, append([]string{"account", accountID, "telephonenumber"}, tn...)...)
}

// List returns the telephone numbers of an account (GET
// …/account/{accountId}/telephonenumber); nil opts means the full data.
func (s *NumbersService) List(ctx context.Context, accountID string, opts *NumberListOptions) ([]TelephoneNumber, error) {
	const op = "Numbers.List"
	if err := checkID(op, "accountID", accountID); err != nil {
		return nil, err
	}
	var q url.Values
	if opts != nil && opts.LimitedData {
		q = url.Values{"limitedData": {"true"}}
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out []TelephoneNumber
	err = s.c.do(ctx, call{op: op, method: http.MethodGet, path: numbersPath(p, accountID), query: q}, &out)
	return out, err
}

// Get returns one telephone number of an account (GET
// …/account/{accountId}/telephonenumber/{tn}). An unknown number matches
// ErrNotFound.
func (s *NumbersService) Get(ctx context.Context, accountID, tn string) (*TelephoneNumber, error) {
	const op = "Numbers.Get"
	if err := checkID(op, "accountID", accountID); err != nil {
		return nil, err
	}
	tn, err := checkTN(op, "tn", tn)
	if err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out TelephoneNumber
	if err := s.c.do(ctx, call{op: op, method: http.MethodGet, path: numbersPath(p, accountID, tn)}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Add creates telephone numbers on an account, adds existing ones to it or
// starts a port (POST …/account/{accountId}/telephonenumber), and returns the
// activation as the server stored it. At least one number is needed, in
// TelephoneNumbers or in Port.TelephoneNumbers; every number is checked and
// sent as bare digits (see NormalizeTelephoneNumber), as is
// Port.BillingTelephoneNumber. Not re-sent automatically (POST).
func (s *NumbersService) Add(ctx context.Context, accountID string, a NumberActivation) (*NumberActivation, error) {
	const op = "Numbers.Add"
	if err := checkID(op, "accountID", accountID); err != nil {
		return nil, err
	}
	a, err := a.checked(op, accountID)
	if err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out NumberActivation
	if err := s.c.do(ctx, call{op: op, method: http.MethodPost, path: numbersPath(p, accountID), body: a}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Update replaces a telephone number of an account (PUT
// …/account/{accountId}/telephonenumber/{tn}); n.PhoneNumber names it. Read
// it first (Get) and change what is needed, e.g. ReferenceType and
// ReferenceID to route it to another user. Retried per the policy (PUT).
func (s *NumbersService) Update(ctx context.Context, accountID string, n TelephoneNumber) (*TelephoneNumber, error) {
	const op = "Numbers.Update"
	if err := checkID(op, "accountID", accountID); err != nil {
		return nil, err
	}
	n, err := n.checked(op, accountID)
	if err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out TelephoneNumber
	if err := s.c.do(ctx, call{op: op, method: http.MethodPut, path: numbersPath(p, accountID, n.PhoneNumber), body: n}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// TelephoneNumberPatchRequest is the input of NumbersService.Patch, a
// partial update: only the fields that are not nil are sent (PATCH
// …/account/{accountId}/telephonenumber/{tn}).
type TelephoneNumberPatchRequest struct {
	ReferenceType         *NumberReferenceType   `json:"referenceType,omitempty"`
	ReferenceID           *string                `json:"referenceId,omitempty"`
	OperationalStatus     *OperationalStatus     `json:"operationalStatus,omitempty"`
	ServicePackageType    *ServicePackage        `json:"servicePackageType,omitempty"`
	RingType              *RingType              `json:"ringType,omitempty"`
	CanAcceptSMS          *bool                  `json:"canAcceptSMS,omitempty"`
	AssignAsCallerID      *bool                  `json:"assignAsCallerId,omitempty"`
	TemporaryNumber       *string                `json:"temporaryNumber,omitempty"`
	CustomerServiceRecord *CustomerServiceRecord `json:"customerServiceRecord,omitempty"`
	E911Address           *E911Address           `json:"e911Address,omitempty"`
	DirectoryListing      *DirectoryListing      `json:"directoryListing,omitempty"`
}

// Patch changes the given fields of a telephone number on an account
// (PATCH …/account/{accountId}/telephonenumber/{tn}) and returns the number
// as the server stored it. tn is checked and sent as bare digits (see
// NormalizeTelephoneNumber). Not re-sent automatically (PATCH).
func (s *NumbersService) Patch(ctx context.Context, accountID, tn string, patch TelephoneNumberPatchRequest) (*TelephoneNumber, error) {
	const op = "Numbers.Patch"
	if err := checkID(op, "accountID", accountID); err != nil {
		return nil, err
	}
	tn, err := checkTN(op, "tn", tn)
	if err != nil {
		return nil, err
	}
	if patch == (TelephoneNumberPatchRequest{}) {
		return nil, invalid(op, "patch", "changes nothing")
	}
	if id := patch.ReferenceID; id != nil && strings.TrimSpace(*id) == "" {
		return nil, invalid(op, "ReferenceID", "is empty")
	}
	if patch.ReferenceType != nil && *patch.ReferenceType == "" {
		return nil, invalid(op, "ReferenceType", "is empty")
	}
	ref := deref(patch.ReferenceType)
	if err := firstErr(
		checkEnum(op, "ReferenceType", ref, numberReferenceTypes),
		checkEnum(op, "OperationalStatus", deref(patch.OperationalStatus), operationalStatuses),
		checkEnum(op, "ServicePackageType", deref(patch.ServicePackageType), servicePackages),
		checkEnum(op, "RingType", deref(patch.RingType), ringTypes),
		patch.CustomerServiceRecord.check(op, "CustomerServiceRecord."),
		patch.E911Address.check(op, "E911Address."),
		patch.DirectoryListing.check(op, "DirectoryListing."),
	); err != nil {
		return nil, err
	}
	if ref != "" && patch.ReferenceID != nil {
		if err := checkReference(op, "", ref, *patch.ReferenceID); err != nil {
			return nil, err
		}
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out TelephoneNumber
	if err := s.c.do(ctx, call{op: op, method: http.MethodPatch, path: numbersPath(p, accountID, tn), body: patch}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Remove deletes a telephone number from an account (DELETE
// …/account/{accountId}/telephonenumber/{tn}, 204). The number goes into
// cooldown for the partition's tnDeleteCooldownDays, then back to its
// carrier unless reclaimed. Refused (ErrValidation) while the number has an
// unfinished activation event or port.
func (s *NumbersService) Remove(ctx context.Context, accountID, tn string) error {
	const op = "Numbers.Remove"
	if err := checkID(op, "accountID", accountID); err != nil {
		return err
	}
	tn, err := checkTN(op, "tn", tn)
	if err != nil {
		return err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return err
	}
	return s.c.do(ctx, call{op: op, method: http.MethodDelete, path: numbersPath(p, accountID, tn)}, nil)
}

// Search finds numbers in the partition's inventory (GET
// /v2/partition/{partitionId}/telephonenumber/search).
func (s *NumbersService) Search(ctx context.Context, search NumberSearchRequest) ([]NumberView, error) {
	const op = "Numbers.Search"
	q, err := search.values(op)
	if err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out []NumberView
	err = s.c.do(ctx, call{op: op, method: http.MethodGet, path: partitionPath(p, "telephonenumber", "search"), query: q}, &out)
	return out, err
}

// Reserve reserves an inventory number so that no one else takes it (PUT
// /v2/partition/{partitionId}/telephonenumber/{tn}/reserve).
func (s *NumbersService) Reserve(ctx context.Context, tn string) (*NumberReservation, error) {
	const op = "Numbers.Reserve"
	tn, err := checkTN(op, "tn", tn)
	if err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out NumberReservation
	if err := s.c.do(ctx, call{op: op, method: http.MethodPut, path: partitionPath(p, "telephonenumber", tn, "reserve")}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Release ends the reservation of an inventory number (DELETE
// /v2/partition/{partitionId}/telephonenumber/{tn}/reserve, 204).
func (s *NumbersService) Release(ctx context.Context, tn string) error {
	const op = "Numbers.Release"
	tn, err := checkTN(op, "tn", tn)
	if err != nil {
		return err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return err
	}
	return s.c.do(ctx, call{op: op, method: http.MethodDelete, path: partitionPath(p, "telephonenumber", tn, "reserve")}, nil)
}

// checkReference checks a destination: a type and an id, or neither.
func checkReference(op, prefix string, typ NumberReferenceType, id string) error {
	switch {
	case typ != "" && strings.TrimSpace(id) == "":
		return invalid(op, prefix+"ReferenceID", "is empty while ReferenceType is %s", typ)
	case typ == "" && id != "":
		return invalid(op, prefix+"ReferenceType", "is empty while ReferenceID is set")
	}
	return checkEnum(op, prefix+"ReferenceType", typ, numberReferenceTypes)
}

// checked validates a number for Update and returns it with its phone
// number normalised.
func (n TelephoneNumber) checked(op, accountID string) (TelephoneNumber, error) {
	tn, err := checkTN(op, "PhoneNumber", n.PhoneNumber)
	if err != nil {
		return n, err
	}
	n.PhoneNumber = tn
	if n.AccountID != "" && n.AccountID != accountID {
		return n, invalid(op, "AccountID", "%q is not the account %q", n.AccountID, accountID)
	}
	return n, firstErr(
		checkReference(op, "", n.ReferenceType, n.ReferenceID),
		checkEnum(op, "FunctionType", n.FunctionType, functionTypes),
		checkEnum(op, "OperationalStatus", n.OperationalStatus, operationalStatuses),
		checkEnum(op, "ServicePackageType", n.ServicePackageType, servicePackages),
		checkEnum(op, "RingType", n.RingType, ringTypes),
		n.CustomerServiceRecord.check(op, "CustomerServiceRecord."),
		n.E911Address.check(op, "E911Address."),
		n.DirectoryListing.check(op, "DirectoryListing."),
	)
}

// checked validates an activation and returns a copy with every telephone
// number normalised (the caller's slices are left alone).
func (a NumberActivation) checked(op, accountID string) (NumberActivation, error) {
	switch {
	case a.ID != "":
		return a, invalid(op, "ID", "is set: the server assigns it")
	case a.AccountID != "" && a.AccountID != accountID:
		return a, invalid(op, "AccountID", "%q is not the account %q", a.AccountID, accountID)
	case len(a.TelephoneNumbers) == 0 && (a.Port == nil || len(a.Port.TelephoneNumbers) == 0):
		return a, invalid(op, "TelephoneNumbers", "is empty (and there is no port with numbers)")
	}
	nums := make([]BareTelephoneNumber, len(a.TelephoneNumbers))
	for i, n := range a.TelephoneNumbers {
		field := "TelephoneNumbers[" + strconv.Itoa(i) + "]."
		tn, err := checkTN(op, field+"PhoneNumber", n.PhoneNumber)
		if err != nil {
			return a, err
		}
		n.PhoneNumber = tn
		if err := firstErr(
			checkReference(op, field, n.ReferenceType, n.ReferenceID),
			checkEnum(op, field+"FunctionType", n.FunctionType, functionTypes),
			checkEnum(op, field+"OperationalStatus", n.OperationalStatus, operationalStatuses),
			checkEnum(op, field+"ServicePackageType", n.ServicePackageType, servicePackages),
		); err != nil {
			return a, err
		}
		nums[i] = n
	}
	if a.TelephoneNumbers != nil {
		a.TelephoneNumbers = nums
	}
	if a.Port != nil {
		port, err := a.Port.checked(op, "Port.")
		if err != nil {
			return a, err
		}
		a.Port = &port
	}
	return a, firstErr(
		a.L3Settings.check(op, "L3Settings."),
		a.CustomerServiceRecord.check(op, "CustomerServiceRecord."),
		a.E911Address.check(op, "E911Address."),
		a.DirectoryListing.check(op, "DirectoryListing."),
	)
}

// checked validates a port and returns a copy with its numbers normalised.
func (p Port) checked(op, prefix string) (Port, error) {
	nums := make([]string, len(p.TelephoneNumbers))
	for i, tn := range p.TelephoneNumbers {
		n, err := checkTN(op, prefix+"TelephoneNumbers["+strconv.Itoa(i)+"]", tn)
		if err != nil {
			return p, err
		}
		nums[i] = n
	}
	if p.TelephoneNumbers != nil {
		p.TelephoneNumbers = nums
	}
	if p.BillingTelephoneNumber != "" {
		n, err := checkTN(op, prefix+"BillingTelephoneNumber", p.BillingTelephoneNumber)
		if err != nil {
			return p, err
		}
		p.BillingTelephoneNumber = n
	}
	if n := len(p.WirelessPin.Reveal()); n > 15 {
		return p, invalid(op, prefix+"WirelessPin", "has %d characters, want at most 15", n)
	}
	if p.FOCDateTimeZone != "" && !slices.Contains(timeZones, p.FOCDateTimeZone) {
		return p, invalid(op, prefix+"FOCDateTimeZone", "%q is not one of the spec's time zones", p.FOCDateTimeZone)
	}
	return p, firstErr(
		checkEnum(op, prefix+"CarrierType", p.CarrierType, carrierTypes),
		checkEnum(op, prefix+"PortingWireType", p.PortingWireType, portingWireTypes),
		checkEnum(op, prefix+"CancelType", p.CancelType, cancelTypes),
		p.CustomerServiceRecord.check(op, prefix+"CustomerServiceRecord."),
	)
}

func (l *L3Settings) check(op, prefix string) error {
	if l == nil {
		return nil
	}
	for i, sp := range l.AvailableServicePackages {
		if err := checkEnum(op, prefix+"AvailableServicePackages["+strconv.Itoa(i)+"]", sp, servicePackages); err != nil {
			return err
		}
	}
	return firstErr(
		checkEnum(op, prefix+"ServicePackage", l.ServicePackage, servicePackages),
		checkEnum(op, prefix+"SeasonalSuspendServicePackage", l.SeasonalSuspendServicePackage, servicePackages),
	)
}

// checkAddress checks the fields the three address schemas share.
func checkAddress(op, prefix string, pre, post Directional, loc SecondaryLocation, unit string) error {
	return firstErr(
		checkEnum(op, prefix+"PreDirectional", pre, directionals),
		checkEnum(op, prefix+"PostDirectional", post, directionals),
		checkEnum(op, prefix+"SecondaryLocationDescription", loc, secondaryLocations),
		checkLen(op, prefix+"Unit", unit, 1, 10), // the server ignores what is beyond 10
	)
}

// checkState accepts "" and two letters.
func checkState(op, field, state string) error {
	if state == "" {
		return nil
	}
	if len(state) != 2 || strings.Trim(state, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") != "" {
		return invalid(op, field, "%q is not a two-letter abbreviation", state)
	}
	return nil
}

func (r *CustomerServiceRecord) check(op, prefix string) error {
	if r == nil {
		return nil
	}
	return firstErr(
		checkLen(op, prefix+"FirstName", r.FirstName, 1, 256),
		checkLen(op, prefix+"MiddleInitial", r.MiddleInitial, 1, 256),
		checkLen(op, prefix+"LastName", r.LastName, 1, 256),
		checkLen(op, prefix+"BusinessName", r.BusinessName, 1, 256),
		checkLen(op, prefix+"StreetName", r.StreetName, 1, 256),
		checkLen(op, prefix+"City", r.City, 1, 256),
		checkState(op, prefix+"State", r.State),
		checkAddress(op, prefix, r.PreDirectional, r.PostDirectional, r.SecondaryLocationDescription, r.Unit),
		checkEnum(op, prefix+"CustomerType", r.CustomerType, customerTypes),
	)
}

func (a *Address) check(op, prefix string) error {
	if a == nil {
		return nil
	}
	return firstErr(
		checkLen(op, prefix+"FirstName", a.FirstName, 1, 256),
		checkLen(op, prefix+"MiddleInitial", a.MiddleInitial, 1, 256),
		checkLen(op, prefix+"LastName", a.LastName, 1, 256),
		checkLen(op, prefix+"BusinessName", a.BusinessName, 1, 256),
		checkLen(op, prefix+"StreetName", a.StreetName, 1, 256),
		checkLen(op, prefix+"City", a.City, 1, 256),
		checkState(op, prefix+"State", a.State),
		checkAddress(op, prefix, a.PreDirectional, a.PostDirectional, a.SecondaryLocationDescription, a.Unit),
	)
}

func (a *E911Address) check(op, prefix string) error {
	if a == nil {
		return nil
	}
	return firstErr(
		checkAddress(op, prefix, a.PreDirectional, a.PostDirectional, a.SecondaryLocationDescription, a.Unit),
		checkEnum(op, prefix+"CustomerType", a.CustomerType, customerTypes),
		checkCoordinate(op, prefix+"Latitude", a.Latitude, 90),
		checkCoordinate(op, prefix+"Longitude", a.Longitude, 180),
	)
}

// checkCoordinate accepts "" and a decimal from -limit to limit with 4 to 6
// decimals, as the spec's E911AddressX asks.
func checkCoordinate(op, field, v string, limit float64) error {
	if v == "" {
		return nil
	}
	f, err := strconv.ParseFloat(v, 64)
	dot := strings.IndexByte(v, '.')
	switch {
	case err != nil || strings.ContainsAny(v, "eEnN"):
		return invalid(op, field, "%q is not a decimal number", v)
	case f < -limit || f > limit:
		return invalid(op, field, "%s is not from -%v to %v", v, limit, limit)
	case dot < 0 || len(v)-dot-1 < 4 || len(v)-dot-1 > 6:
		return invalid(op, field, "%s does not have 4 to 6 decimals", v)
	}
	return nil
}

func (d *DirectoryListing) check(op, prefix string) error {
	if d == nil {
		return nil
	}
	return firstErr(
		checkEnum(op, prefix+"Type", d.Type, listingTypes),
		d.Address.check(op, prefix+"Address."),
	)
}

// NumberReferenceType is TelephoneNumberAccountV2X.referenceType: the kind of
// destination that gets a number's calls.
type NumberReferenceType string

// Destinations of a telephone number.
const (
	NumberRefSIPTrunk              NumberReferenceType = "SIP_TRUNK"
	NumberRefEndUser               NumberReferenceType = "END_USER"
	NumberRefIVR                   NumberReferenceType = "IVR"
	NumberRefLineAppearance        NumberReferenceType = "LINE_APPEARANCE"
	NumberRefLineHuntGroup         NumberReferenceType = "LINE_HUNTGROUP"
	NumberRefTelephone             NumberReferenceType = "TELEPHONE"
	NumberRefVFax                  NumberReferenceType = "VFAX"
	NumberRefBusinessLine          NumberReferenceType = "BUSINESS_LINE"
	NumberRefBusinessLineHuntGroup NumberReferenceType = "BUSINESS_LINE_HUNT_GROUP"
	NumberRefCallGroup             NumberReferenceType = "CALL_GROUP"
	NumberRefCallQueue             NumberReferenceType = "CALL_QUEUE"
	NumberRefAutoAttendant         NumberReferenceType = "AUTO_ATTENDANT"
	NumberRefSpecialtyLine         NumberReferenceType = "SPECIALTY_LINE"
	NumberRefContactCenter         NumberReferenceType = "CONTACT_CENTER"
)

var numberReferenceTypes = []NumberReferenceType{
	NumberRefSIPTrunk, NumberRefEndUser, NumberRefIVR, NumberRefLineAppearance, NumberRefLineHuntGroup,
	NumberRefTelephone, NumberRefVFax, NumberRefBusinessLine, NumberRefBusinessLineHuntGroup,
	NumberRefCallGroup, NumberRefCallQueue, NumberRefAutoAttendant, NumberRefSpecialtyLine,
	NumberRefContactCenter,
}

// FunctionType is the functionType of a telephone number.
type FunctionType string

// Function types of a telephone number. The search's default is FunctionELS.
const (
	FunctionELS             FunctionType = "ELS"
	FunctionTollFree        FunctionType = "TollFree"
	FunctionTemporaryNumber FunctionType = "TemporaryNumber"
	FunctionSPTN            FunctionType = "SPTN"
)

var functionTypes = []FunctionType{FunctionELS, FunctionTollFree, FunctionTemporaryNumber, FunctionSPTN}

// OperationalStatus is the operationalStatus of a telephone number.
type OperationalStatus string

// Operational statuses of a telephone number.
const (
	OperationalActive OperationalStatus = "ACTIVE"
	OperationalStaged OperationalStatus = "STAGED"
)

var operationalStatuses = []OperationalStatus{OperationalActive, OperationalStaged}

// ServicePackage is a Level 3 service package (servicePackageType, L3SettingsX.servicePackage).
type ServicePackage string

// Service packages.
const (
	PackageUsage                               ServicePackage = "Usage"
	PackagePrimaryLocalFlatRate                ServicePackage = "PrimaryLocalFlatRate"
	PackagePrimaryLocalAndDomesticLDFlatRate   ServicePackage = "PrimaryLocalAndDomesticLDFlatRate"
	PackageSecondaryLocalFlatRate              ServicePackage = "SecondaryLocalFlatRate"
	PackageSecondaryLocalAndDomesticLDFlatRate ServicePackage = "SecondaryLocalAndDomesticLDFlatRate"
)

var servicePackages = []ServicePackage{
	PackageUsage, PackagePrimaryLocalFlatRate, PackagePrimaryLocalAndDomesticLDFlatRate,
	PackageSecondaryLocalFlatRate, PackageSecondaryLocalAndDomesticLDFlatRate,
}

// CarrierStatus is the carrier status of a telephone number or a port
// (carrierStatus, PortX.status).
type CarrierStatus string

// Carrier statuses (EXPIDITED is the spec's spelling).
const (
	CarrierStatusActive              CarrierStatus = "ACTIVE"
	CarrierStatusActivationOnHold    CarrierStatus = "ACTIVATION_ON_HOLD"
	CarrierStatusActivationPending   CarrierStatus = "ACTIVATION_PENDING"
	CarrierStatusPortPending         CarrierStatus = "PORT_PENDING"
	CarrierStatusCancelPort          CarrierStatus = "CANCEL_PORT"
	CarrierStatusCancelPortExpidited CarrierStatus = "CANCEL_PORT_EXPIDITED"
	CarrierStatusDeletePending       CarrierStatus = "DELETE_PENDING"
	CarrierStatusDeleted             CarrierStatus = "DELETED"
	CarrierStatusCancelPortComplete  CarrierStatus = "CANCEL_PORT_COMPLETE"
	CarrierStatusPortRejected        CarrierStatus = "PORT_REJECTED"
	CarrierStatusInventory           CarrierStatus = "INVENTORY"
	CarrierStatusInventoryClaimed    CarrierStatus = "INVENTORY_CLAIMED"
	CarrierStatusCooldown            CarrierStatus = "COOLDOWN"
	CarrierStatusRecovered           CarrierStatus = "RECOVERED"
)

// RingType is the default ring of a telephone number.
type RingType string

// Ring types.
const (
	RingStandard RingType = "StandardRing"
	Ring1        RingType = "Ring1"
	Ring2        RingType = "Ring2"
	Ring3        RingType = "Ring3"
	Ring4        RingType = "Ring4"
	Ring5        RingType = "Ring5"
	Ring6        RingType = "Ring6"
	Ring7        RingType = "Ring7"
)

var ringTypes = []RingType{RingStandard, Ring1, Ring2, Ring3, Ring4, Ring5, Ring6, Ring7}

// Directional is a street pre- or post-directional of an address.
type Directional string

// Directionals. The spec also allows "", the zero value.
const (
	DirN  Directional = "N"
	DirNE Directional = "NE"
	DirE  Directional = "E"
	DirSE Directional = "SE"
	DirS  Directional = "S"
	DirSW Directional = "SW"
	DirW  Directional = "W"
	DirNW Directional = "NW"
)

var directionals = []Directional{DirN, DirNE, DirE, DirSE, DirS, DirSW, DirW, DirNW}

// SecondaryLocation is the kind of an address's secondary location
// (secondaryLocationDescription), with its unit.
type SecondaryLocation string

// Secondary locations. The spec also allows "", the zero value.
const (
	LocationApartment  SecondaryLocation = "APARTMENT"
	LocationBuilding   SecondaryLocation = "BUILDING"
	LocationBasement   SecondaryLocation = "BASEMENT"
	LocationDepartment SecondaryLocation = "DEPARTMENT"
	LocationFloor      SecondaryLocation = "FLOOR"
	LocationFront      SecondaryLocation = "FRONT"
	LocationHanger     SecondaryLocation = "HANGER"
	LocationKey        SecondaryLocation = "KEY"
	LocationLobby      SecondaryLocation = "LOBBY"
	LocationLot        SecondaryLocation = "LOT"
	LocationLower      SecondaryLocation = "LOWER"
	LocationOffice     SecondaryLocation = "OFFICE"
	LocationPenthouse  SecondaryLocation = "PENTHOUSE"
	LocationPier       SecondaryLocation = "PIER"
	LocationRear       SecondaryLocation = "REAR"
	LocationRoom       SecondaryLocation = "ROOM"
	LocationSide       SecondaryLocation = "SIDE"
	LocationSlip       SecondaryLocation = "SLIP"
	LocationSpace      SecondaryLocation = "SPACE"
	LocationSuite      SecondaryLocation = "SUITE"
	LocationStop       SecondaryLocation = "STOP"
	LocationTrailer    SecondaryLocation = "TRAILER"
	LocationUnit       SecondaryLocation = "UNIT"
	LocationUpper      SecondaryLocation = "UPPER"
)

var secondaryLocations = []SecondaryLocation{
	LocationApartment, LocationBuilding, LocationBasement, LocationDepartment, LocationFloor, LocationFront,
	LocationHanger, LocationKey, LocationLobby, LocationLot, LocationLower, LocationOffice, LocationPenthouse,
	LocationPier, LocationRear, LocationRoom, LocationSide, LocationSlip, LocationSpace, LocationSuite,
	LocationStop, LocationTrailer, LocationUnit, LocationUpper,
}

// CustomerType is the customer type of a customer service record or E911 address.
type CustomerType string

// Customer types.
const (
	CustomerBusiness    CustomerType = "BUSINESS"
	CustomerResidential CustomerType = "RESIDENTIAL"
)

var customerTypes = []CustomerType{CustomerBusiness, CustomerResidential}

// ListingType is DirectoryListingX.type: how a number is listed in the directory.
type ListingType string

// Directory listing types.
const (
	ListingError             ListingType = "ERROR"
	ListingListPublish       ListingType = "LIST_PUBLISH"
	ListingListNotPublish    ListingType = "LIST_NOT_PUBLISH"
	ListingNotListNotPublish ListingType = "NOT_LIST_NOT_PUBLISH"
	ListingPorted            ListingType = "PORTED"
	ListingComplex           ListingType = "COMPLEX"
)

var listingTypes = []ListingType{
	ListingError, ListingListPublish, ListingListNotPublish, ListingNotListNotPublish, ListingPorted,
	ListingComplex,
}

// CarrierType is the type of an inbound carrier (PortX.carrierType,
// ServiceActivationEventX.inboundCarrierType).
type CarrierType string

// Inbound carrier types.
const (
	CarrierLevel3                 CarrierType = "LEVEL_3"
	CarrierNoAPI                  CarrierType = "NO_API"
	CarrierE911                   CarrierType = "E911"
	CarrierTelus                  CarrierType = "TELUS"
	CarrierTelusAPI               CarrierType = "TELUS_API"
	CarrierTelusOneVoice          CarrierType = "TELUS_ONEVOICE"
	CarrierProvtel                CarrierType = "PROVTEL"
	CarrierVerizonCarianza        CarrierType = "VERIZON_CARIANZA"
	CarrierOnvoyCarianza          CarrierType = "ONVOY_CARIANZA"
	CarrierLevel3Carianza         CarrierType = "LEVEL3_CARIANZA"
	CarrierBandwidth              CarrierType = "BANDWIDTH"
	CarrierLumenIMS               CarrierType = "LUMEN_IMS"
	CarrierLumenVoiceLIELS        CarrierType = "LUMEN_VOICE_LI_ELS"
	CarrierSinch                  CarrierType = "SINCH"
	CarrierServiceProviderCarrier CarrierType = "SERVICE_PROVIDER_CARRIER"
)

var carrierTypes = []CarrierType{
	CarrierLevel3, CarrierNoAPI, CarrierE911, CarrierTelus, CarrierTelusAPI, CarrierTelusOneVoice,
	CarrierProvtel, CarrierVerizonCarianza, CarrierOnvoyCarianza, CarrierLevel3Carianza, CarrierBandwidth,
	CarrierLumenIMS, CarrierLumenVoiceLIELS, CarrierSinch, CarrierServiceProviderCarrier,
}

// PortingWireType is PortX.portingWireType.
type PortingWireType string

// Porting wire types.
const (
	PortingWireless PortingWireType = "Wireless"
	PortingWireline PortingWireType = "Wireline"
)

var portingWireTypes = []PortingWireType{PortingWireless, PortingWireline}

// CancelType is PortX.cancelType.
type CancelType string

// Port cancel types (EXPIDITED is the spec's spelling).
const (
	CancelNormal    CancelType = "NORMAL"
	CancelExpidited CancelType = "EXPIDITED"
	CancelByCarrier CancelType = "BY_CARRIER"
)

var cancelTypes = []CancelType{CancelNormal, CancelExpidited, CancelByCarrier}

// NumberSearchType is the type of a telephone number search.
type NumberSearchType string

// Search types. The spec's default is SearchPostalCodeOrTN.
const (
	SearchPostalCodeOrTN    NumberSearchType = "POSTALCODE_OR_TN"
	SearchTN                NumberSearchType = "TN"
	SearchPostalCode        NumberSearchType = "POSTALCODE"
	SearchLatLong           NumberSearchType = "LAT_LONG"
	SearchRateCenter        NumberSearchType = "RATECENTER"
	SearchRateCenterCarrier NumberSearchType = "RATECENTER_CARRIER"
)

var numberSearchTypes = []NumberSearchType{
	SearchPostalCodeOrTN, SearchTN, SearchPostalCode, SearchLatLong, SearchRateCenter, SearchRateCenterCarrier,
}
