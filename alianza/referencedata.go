package alianza

// Reference data: the lists a provisioning flow takes ids and values from
// (the OpenAPI specification's "Reference Resources", "Calling Plan
// Product" and "Inbound Rate Plan Product" tags). What each create needs:
//
//   - Accounts.Create: timeZone (TimeZones), languageTag (Languages),
//     inboundRatePlanProductId for an account with toll-free numbers
//     (InboundRatePlans); routePlanId has no list call in the spec (route
//     plans are made for a partition by Alianza);
//   - Users.Create: timeZone, required (TimeZones), languageTag (Languages),
//     userProductPlan (ProductPlans.List, per account);
//   - DeviceLines.Create: deviceTypeId, required (DeviceTypes); a device
//     line cannot be created without one (seen against production);
//   - CallingPlans.Set: callingPlanReferenceId, a calling plan product's id
//     (CallingPlanProducts).

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Reference data paths.
const (
	pathDeviceTypes = "/v2/ref/devicetype" // getDeviceTypes, getDeviceTypeById
	pathTimeZones   = "/v2/ref/timezones"  // getTimeZones
	pathLanguages   = "/v2/ref/language"   // getLanguages
)

// DeviceType is a kind of equipment a device line can be (the spec's
// DeviceTypeX): DeviceLine.DeviceTypeID takes its ID, e.g.
// "SIP_4_Port_MTA". NumLines is how many lines it has; MACAddressRequired
// says whether its lines need the device's MAC address.
type DeviceType struct {
	ID                         string              `json:"id"`
	Name                       string              `json:"name"`
	NumLines                   int                 `json:"numLines"`
	DeviceTypeManufacturer     string              `json:"deviceTypeManufacturer,omitempty"` // CISCO_LINKSYS_SIPURA, POLYCOM, YEALINK, THIRD_PARTY, SOFT_PHONE, …
	AcceptsRemoteResync        bool                `json:"acceptsRemoteResync"`
	FaxSupported               bool                `json:"faxSupported"`
	MACAddressRequired         bool                `json:"macAddressRequired"`
	ShowProvisionStatus        bool                `json:"showProvisionStatus"`
	EnforceUniqueAdminPassword bool                `json:"enforceUniqueAdminPassword"`
	CustomEncryptionKeys       bool                `json:"customEncryptionKeys"`
	SIPPagingEnabled           bool                `json:"sipPagingEnabled"`
	DistinctiveRingInfo        string              `json:"distinctiveRingInfo,omitempty"`
	SMBDevice                  bool                `json:"smbDevice"`
	SideCarTypeIDs             []string            `json:"sideCarTypeIds,omitempty"`
	MaxSideCars                int                 `json:"maxSideCars"`
	RingTypeAlertInfo          []RingTypeAlertInfo `json:"ringTypeAlertInfo,omitempty"`
	SIPRegMax                  int                 `json:"sipRegMax"`
	DeviceKind                 string              `json:"deviceKind,omitempty"`
	// LineFunctionality maps a kind of key to the line types it can take
	// (Line, AdvancedSharedLine, ReferencedUser, …).
	LineFunctionality map[string][]string `json:"lineFunctionality,omitempty"`
}

// RingTypeAlertInfo is the spec's RingTypeAlertInfoX: the SIP Alert-Info
// header value a device type uses for a ring type.
type RingTypeAlertInfo struct {
	RingType             string `json:"ringType"` // StandardRing, Ring1 … Ring7
	AlertInfoHeaderValue string `json:"alertInfoHeaderValue"`
}

// Language is a language the platform supports (the spec's
// LanguageReferenceX). Account.LanguageTag and User.LanguageTag take an
// RFC 5646 tag such as "en-US"; the spec points them at this list.
type Language struct {
	ID       string `json:"id"`
	Country  string `json:"country"`
	Language string `json:"language"`
}

// CallingPlanProduct is a calling plan product of the partition (the
// spec's CallingPlanProduct): CallingPlanModifyRequest.CallingPlanReferenceID and
// CallingPlan.CallingPlanProductID take its ID.
type CallingPlanProduct struct {
	ID                       string  `json:"id"`
	Name                     string  `json:"name"`
	PlanMinutes              int     `json:"planMinutes"`
	UnlimitedDisplay         bool    `json:"unlimitedDisplay"`
	AllowOverage             bool    `json:"allowOverage"`
	PreventForwarding        bool    `json:"preventForwarding"`
	DefaultPlan              bool    `json:"defaultPlan"`
	CallRateFor411           float64 `json:"callRateFor411"`
	Allow411                 bool    `json:"allow411"`
	RateTypeFor411           string  `json:"rateTypeFor411,omitempty"` // PER_CALL, PER_MINUTE
	CallRateForOperator      float64 `json:"callRateForOperator"`
	AllowOperator            bool    `json:"allowOperator"`
	RateTypeForOperator      string  `json:"rateTypeForOperator,omitempty"` // PER_CALL, PER_MINUTE
	PartitionID              string  `json:"partitionId,omitempty"`
	AllowUnlimitedLocal      bool    `json:"allowUnlimitedLocal"`
	RateIntraPartitionAsFree bool    `json:"rateIntraPartitionAsFree"`
}

// InboundRatePlan is an inbound rate plan product of the partition (the
// spec's InboundRatePlanProductX): it controls how toll-free numbers are
// handled, and Account.InboundRatePlanProductID takes its ID (needed only
// by accounts with toll-free numbers).
type InboundRatePlan struct {
	ID          string                 `json:"id"`
	PartitionID string                 `json:"partitionId,omitempty"`
	Name        string                 `json:"name"`
	DefaultPlan bool                   `json:"defaultPlan"`
	Archived    bool                   `json:"archived"`
	Rates       map[string]InboundRate `json:"rates,omitempty"`
}

// InboundRate is the spec's InboundRate: a per-minute rate and whether such
// calls are taken.
type InboundRate struct {
	Rate       float64 `json:"rate"`
	AllowCalls bool    `json:"allowCalls"`
}

// ReferenceDataService is the reference data provisioning takes ids and
// values from: device types, time zones, languages, calling plan products
// and inbound rate plans. The user product plans an account's users can
// have are per account: ProductPlans.List.
type ReferenceDataService struct{ c *Client }

// DeviceTypes lists the device types available to the partition (GET
// /v2/ref/devicetype?partitionid=…): DeviceLines.Create needs one's ID.
func (s *ReferenceDataService) DeviceTypes(ctx context.Context) ([]DeviceType, error) {
	const op = "ReferenceData.DeviceTypes"
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out []DeviceType
	err = s.c.do(ctx, call{op: op, method: http.MethodGet, path: pathDeviceTypes, query: url.Values{"partitionid": {p}}}, &out)
	return out, err
}

// DeviceType returns one device type (GET /v2/ref/devicetype/{id}); an
// unknown id matches ErrNotFound.
func (s *ReferenceDataService) DeviceType(ctx context.Context, id string) (*DeviceType, error) {
	const op = "ReferenceData.DeviceType"
	if err := checkID(op, "id", id); err != nil {
		return nil, err
	}
	var out DeviceType
	if err := s.c.do(ctx, call{op: op, method: http.MethodGet, path: pathDeviceTypes + "/" + url.PathEscape(id)}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// TimeZones lists the time zones accounts and users may have (GET
// /v2/ref/timezones), in the spec's spelling: "US/Central", not
// "America/Chicago" (see SupportedTimeZone). The spec answers an object
// whose member holds the list without naming the member; every list in it
// is read, and a bare array too.
func (s *ReferenceDataService) TimeZones(ctx context.Context) ([]string, error) {
	const op = "ReferenceData.TimeZones"
	var raw json.RawMessage
	resp, err := s.c.send(ctx, call{op: op, method: http.MethodGet, path: pathTimeZones}, &raw)
	if err != nil {
		return nil, err
	}
	zones, err := stringLists(raw)
	if err != nil {
		return nil, badAnswer(op, resp, err)
	}
	return zones, nil
}

// stringLists reads {"name": ["a", …], …} (members in name order) or
// ["a", …].
func stringLists(raw json.RawMessage) ([]string, error) {
	var list []string
	if err := json.Unmarshal(raw, &list); err == nil {
		return list, nil
	}
	var m map[string][]string
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("not an object of string lists: %w", err)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := []string{}
	for _, k := range keys {
		out = append(out, m[k]...)
	}
	return out, nil
}

// Languages lists the languages the platform supports (GET
// /v2/ref/language): Account.LanguageTag and User.LanguageTag take one.
func (s *ReferenceDataService) Languages(ctx context.Context) ([]Language, error) {
	const op = "ReferenceData.Languages"
	var out []Language
	err := s.c.do(ctx, call{op: op, method: http.MethodGet, path: pathLanguages}, &out)
	return out, err
}

// CallingPlanProducts lists the partition's calling plan products (GET
// …/callingplanproduct), archived ones too when includeArchived is set:
// CallingPlans.Set takes one's ID as CallingPlanReferenceID.
func (s *ReferenceDataService) CallingPlanProducts(ctx context.Context, includeArchived bool) ([]CallingPlanProduct, error) {
	const op = "ReferenceData.CallingPlanProducts"
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var q url.Values
	if includeArchived {
		q = url.Values{"includeArchived": {strconv.FormatBool(true)}}
	}
	var out []CallingPlanProduct
	err = s.c.do(ctx, call{op: op, method: http.MethodGet, path: partitionPath(p, "callingplanproduct"), query: q}, &out)
	return out, err
}

// InboundRatePlans lists the partition's inbound rate plans (GET
// …/inboundrateplanproduct): Account.InboundRatePlanProductID takes one's
// ID.
func (s *ReferenceDataService) InboundRatePlans(ctx context.Context) ([]InboundRatePlan, error) {
	const op = "ReferenceData.InboundRatePlans"
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out []InboundRatePlan
	err = s.c.do(ctx, call{op: op, method: http.MethodGet, path: partitionPath(p, "inboundrateplanproduct")}, &out)
	return out, err
}

// InboundRatePlan returns one inbound rate plan (GET
// …/inboundrateplanproduct/{ratePlanId}); an unknown id matches ErrNotFound.
func (s *ReferenceDataService) InboundRatePlan(ctx context.Context, id string) (*InboundRatePlan, error) {
	const op = "ReferenceData.InboundRatePlan"
	if err := checkID(op, "id", id); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out InboundRatePlan
	if err := s.c.do(ctx, call{op: op, method: http.MethodGet, path: partitionPath(p, "inboundrateplanproduct", id)}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// timeZoneAliases maps IANA zone names to the spec's name for the same zone
// (the tz database's "backward" links: US/Central is America/Chicago).
var timeZoneAliases = map[string]string{
	"Pacific/Pago_Pago":   "US/Samoa",
	"Pacific/Samoa":       "US/Samoa",
	"Pacific/Honolulu":    "US/Hawaii",
	"America/Anchorage":   "US/Alaska",
	"America/Los_Angeles": "US/Pacific",
	"America/Phoenix":     "US/Arizona",
	"America/Denver":      "US/Mountain",
	"America/Chicago":     "US/Central",
	"America/New_York":    "US/Eastern",
	"America/Puerto_Rico": "America/St_Thomas",
	"America/Vancouver":   "Canada/Pacific",
	"America/Edmonton":    "Canada/Mountain",
	"America/Winnipeg":    "Canada/Central",
	"America/Toronto":     "Canada/Eastern",
	"America/Halifax":     "Canada/Atlantic",
	"America/St_Johns":    "Canada/Newfoundland",
}

// SupportedTimeZone returns the name Alianza accepts for a time zone: tz
// itself when it is one of the spec's 15 (US/Central, Canada/Eastern, …),
// the spec's name for the same zone when tz is its canonical IANA name
// (America/Chicago gives US/Central), and false otherwise. Accounts and
// users refuse any other spelling.
func SupportedTimeZone(tz string) (string, bool) {
	if slices.Contains(timeZones, tz) {
		return tz, true
	}
	alias, ok := timeZoneAliases[tz]
	return alias, ok
}

// timeZoneReason explains a time zone the spec does not list.
func timeZoneReason(tz string) string {
	if alias, ok := timeZoneAliases[tz]; ok {
		return fmt.Sprintf("%q is not one of the spec's time zones; use %q, its name for the same zone (see SupportedTimeZone)", tz, alias)
	}
	return fmt.Sprintf("%q is not one of the spec's time zones: %s (ReferenceData.TimeZones lists them)", tz, strings.Join(timeZones, ", "))
}
