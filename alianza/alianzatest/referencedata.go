package alianzatest

import (
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Reference data: the device types, time zones, languages, calling plan
// products and inbound rate plans a provisioning flow takes ids from, and
// the registration status of device lines.

// DeviceType is a device type of the catalog (the spec's DeviceTypeX, the
// fields the fake keeps), served by GET /v2/ref/devicetype. A device line
// needs the ID of one; its lines need a MAC address when MACAddressRequired
// is set.
type DeviceType struct {
	ID                     string `json:"id"`
	Name                   string `json:"name"`
	NumLines               int    `json:"numLines"`
	DeviceTypeManufacturer string `json:"deviceTypeManufacturer"`
	FaxSupported           bool   `json:"faxSupported"`
	MACAddressRequired     bool   `json:"macAddressRequired"`
	DeviceKind             string `json:"deviceKind,omitempty"`
}

// The device types every server starts with (see DefaultDeviceTypes).
// DeviceTypeSIP4PortMTA's id is one seen against production; the others are the fake's own, in the same style.
const (
	DeviceTypeSIP4PortMTA   = "SIP_4_Port_MTA"   // an MTA with 4 lines, MAC required, fax
	DeviceTypePolycomVVX450 = "Polycom_VVX_450"  // a desk phone with 12 lines, MAC required
	DeviceTypeYealinkT54W   = "Yealink_T54W"     // a desk phone with 16 lines, MAC required
	DeviceTypeObihaiOBi202  = "Obihai_OBi202"    // an ATA with 2 lines, MAC required, fax
	DeviceTypeGenericSIP    = "Generic_SIP_Line" // a line for any SIP device or softphone: 1 line, no MAC
)

// DefaultDeviceTypes returns the device type catalog every server starts
// with. SeedDeviceType adds others.
func DefaultDeviceTypes() []DeviceType {
	return []DeviceType{
		{ID: DeviceTypeSIP4PortMTA, Name: "SIP 4 Port MTA", NumLines: 4, DeviceTypeManufacturer: "THIRD_PARTY", FaxSupported: true, MACAddressRequired: true, DeviceKind: "MTA"},
		{ID: DeviceTypePolycomVVX450, Name: "Polycom VVX 450", NumLines: 12, DeviceTypeManufacturer: "POLYCOM", MACAddressRequired: true, DeviceKind: "PHONE"},
		{ID: DeviceTypeYealinkT54W, Name: "Yealink T54W", NumLines: 16, DeviceTypeManufacturer: "YEALINK", MACAddressRequired: true, DeviceKind: "PHONE"},
		{ID: DeviceTypeObihaiOBi202, Name: "Obihai OBi202", NumLines: 2, DeviceTypeManufacturer: "OBIHAI", FaxSupported: true, MACAddressRequired: true, DeviceKind: "ATA"},
		{ID: DeviceTypeGenericSIP, Name: "Generic SIP Line", NumLines: 1, DeviceTypeManufacturer: "THIRD_PARTY", DeviceKind: "PHONE"},
	}
}

// SeedDeviceType adds a device type to the catalog, or replaces the one
// with its ID. It panics on an empty ID.
func (s *Server) SeedDeviceType(d DeviceType) {
	if strings.TrimSpace(d.ID) == "" {
		panic("alianzatest: SeedDeviceType: empty id")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.deviceTypes[d.ID] = d
}

// InboundRatePlan is an inbound rate plan product (the spec's
// InboundRatePlanProductX), served by GET
// /v2/partition/{partitionId}/inboundrateplanproduct; an account's
// inboundRatePlanProductId must be the ID of one.
type InboundRatePlan struct {
	ID          string                 `json:"id"`
	Name        string                 `json:"name"`
	DefaultPlan bool                   `json:"defaultPlan"`
	Archived    bool                   `json:"archived"`
	Rates       map[string]InboundRate `json:"rates"`
}

// InboundRate is the spec's InboundRate.
type InboundRate struct {
	Rate       float64 `json:"rate"`
	AllowCalls bool    `json:"allowCalls"`
}

// The inbound rate plans every server starts with (the fake's own ids and
// rates: the spec shows none).
const (
	InboundRatePlanStandard = "irp-standard" // the default: US and Canada, 2.5¢ a minute
	InboundRatePlanUSOnly   = "irp-us-only"  // calls from the US only, 2¢ a minute
)

// DefaultInboundRatePlans returns the inbound rate plans every server
// starts with, in every partition.
func DefaultInboundRatePlans() []InboundRatePlan {
	return []InboundRatePlan{
		{ID: InboundRatePlanStandard, Name: "Standard Toll-Free", DefaultPlan: true, Rates: map[string]InboundRate{
			"US": {Rate: 0.025, AllowCalls: true}, "CANADA": {Rate: 0.025, AllowCalls: true}}},
		{ID: InboundRatePlanUSOnly, Name: "US Only Toll-Free", Rates: map[string]InboundRate{
			"US": {Rate: 0.02, AllowCalls: true}, "CANADA": {AllowCalls: false}}},
	}
}

// languages are the languages the server supports (GET /v2/ref/language):
// an account's or user's languageTag must be one of their ids.
var languages = []language{
	{ID: "en-US", Country: "US", Language: "English"},
	{ID: "es-US", Country: "US", Language: "Spanish"},
	{ID: "en-CA", Country: "CA", Language: "English"},
	{ID: "fr-CA", Country: "CA", Language: "French"},
}

// language is the spec's LanguageReferenceX.
type language struct {
	ID       string `json:"id"`
	Country  string `json:"country"`
	Language string `json:"language"`
}

func languageIDs() []string {
	out := make([]string, len(languages))
	for i, l := range languages {
		out[i] = l.ID
	}
	return out
}

// timeZonesMember is the member name of the GET /v2/ref/timezones answer.
// The spec says only that the answer is an object whose members are lists
// of time zones; the name is the fake's choice.
const timeZonesMember = "timeZones"

// SetRegistered sets whether a device line's device is registered, as GET
// …/deviceline/{deviceId}/registrationstatus answers it (a new line is
// not). It reports false when no account has the line.
func (s *Server) SetRegistered(deviceID string, registered bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, l := s.lineByID(deviceID); l == nil {
		return false
	}
	s.registered[deviceID] = registered
	return true
}

// GET /v2/ref/devicetype?partitionid=: the catalog, by id. A partitionid
// other than the caller's is 403 NotPermitted.
func (s *Server) listDeviceTypes(c *call) reply {
	if p := c.r.URL.Query().Get("partitionid"); p != "" && p != c.user.partition {
		return fail(http.StatusForbidden, MessageNotPermitted)
	}
	out := make([]DeviceType, 0, len(s.deviceTypes))
	for _, d := range s.deviceTypes {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return answer(http.StatusOK, out)
}

// GET /v2/ref/devicetype/{id}: 404 DeviceTypeNotFound for an unknown id.
func (s *Server) getDeviceType(c *call) reply {
	d, ok := s.deviceTypes[c.args[0]]
	if !ok {
		return fail(http.StatusNotFound, MessageDeviceTypeNotFound)
	}
	return answer(http.StatusOK, d)
}

// GET /v2/ref/timezones: {"timeZones": [the spec's 15]}.
func (s *Server) listTimeZones(*call) reply {
	return answer(http.StatusOK, map[string][]string{timeZonesMember: timeZones})
}

// GET /v2/ref/language.
func (s *Server) listLanguages(*call) reply { return answer(http.StatusOK, languages) }

// callingPlanProductJSON is the spec's CallingPlanProduct, as listed.
type callingPlanProductJSON struct {
	ID                  string `json:"id"`
	Name                string `json:"name"`
	PlanMinutes         int    `json:"planMinutes"`
	UnlimitedDisplay    bool   `json:"unlimitedDisplay"`
	AllowOverage        bool   `json:"allowOverage"`
	PreventForwarding   bool   `json:"preventForwarding"`
	DefaultPlan         bool   `json:"defaultPlan"`
	Allow411            bool   `json:"allow411"`
	AllowOperator       bool   `json:"allowOperator"`
	PartitionID         string `json:"partitionId"`
	AllowUnlimitedLocal bool   `json:"allowUnlimitedLocal"`
}

// GET /v2/partition/{partitionId}/callingplanproduct?includeArchived=: the
// catalog (the fake archives nothing), fewest minutes first;
// CallingPlanProduct500 is the default plan. includeArchived must be a
// boolean (400 InvalidIncludeArchived).
func (s *Server) listCallingPlanProducts(c *call) reply {
	if v := c.r.URL.Query().Get("includeArchived"); v != "" {
		if _, err := strconv.ParseBool(v); err != nil {
			return fail(http.StatusBadRequest, MessageInvalidIncludeArchived)
		}
	}
	out := make([]callingPlanProductJSON, 0, len(s.products))
	for _, p := range s.products {
		out = append(out, callingPlanProductJSON{ID: p.ID, Name: p.Name, PlanMinutes: p.PlanMinutes, AllowOverage: true,
			DefaultPlan: p.ID == CallingPlanProduct500, Allow411: true, AllowOperator: true, PartitionID: c.args[0],
			AllowUnlimitedLocal: true})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].PlanMinutes != out[j].PlanMinutes {
			return out[i].PlanMinutes < out[j].PlanMinutes
		}
		return out[i].ID < out[j].ID
	})
	return answer(http.StatusOK, out)
}

// inboundRatePlanJSON adds the partition to an InboundRatePlan.
type inboundRatePlanJSON struct {
	InboundRatePlan
	PartitionID string `json:"partitionId"`
}

// GET /v2/partition/{partitionId}/inboundrateplanproduct.
func (s *Server) listInboundRatePlans(c *call) reply {
	out := []inboundRatePlanJSON{}
	for _, p := range DefaultInboundRatePlans() {
		out = append(out, inboundRatePlanJSON{p, c.args[0]})
	}
	return answer(http.StatusOK, out)
}

// GET /v2/partition/{partitionId}/inboundrateplanproduct/{ratePlanId}: 404
// InboundRatePlanNotFound for an unknown id.
func (s *Server) getInboundRatePlan(c *call) reply {
	for _, p := range DefaultInboundRatePlans() {
		if p.ID == c.args[1] {
			return answer(http.StatusOK, inboundRatePlanJSON{p, c.args[0]})
		}
	}
	return fail(http.StatusNotFound, MessageInboundRatePlanNotFound)
}

func inboundRatePlanKnown(id string) bool {
	return slices.ContainsFunc(DefaultInboundRatePlans(), func(p InboundRatePlan) bool { return p.ID == id })
}

// GET …/deviceline/{deviceId}/registrationstatus: {"registered": …}, as
// SetRegistered left it (false for a new line).
func (s *Server) getRegistrationStatus(c *call) reply {
	_, l, rep, ok := s.pathLine(c)
	if !ok {
		return rep
	}
	return answer(http.StatusOK, map[string]bool{"registered": s.registered[l.ID]})
}

// checkDeviceType adds the keys of what is wrong with a line's device type:
// none given (DeviceTypeIdRequired), one not in the catalog
// (InvalidDeviceTypeId), or no MAC address for a type that needs one
// (MacAddressRequired). s.mu must be held.
func (s *Server) checkDeviceType(d *DeviceLine, add func(string)) {
	if strings.TrimSpace(d.DeviceTypeID) == "" {
		add(MessageDeviceTypeIDRequired)
		return
	}
	t, ok := s.deviceTypes[d.DeviceTypeID]
	switch {
	case !ok:
		add(MessageInvalidDeviceTypeID)
	case t.MACAddressRequired && d.MACAddress == "":
		add(MessageMacAddressRequired)
	}
}
