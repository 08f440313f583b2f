package alianza

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// DeviceLine is a device line, which is how Alianza models a SIP line (the
// spec's DeviceX). SIPPassword is REDACTED in fmt, slog and encoding/json
// output; the client sends and receives it as is.
type DeviceLine struct {
	ID                           string `json:"id,omitempty"`
	DeviceTypeID                 string `json:"deviceTypeId,omitempty"` // ReferenceData.DeviceTypes; required on create
	AccountID                    string `json:"accountId,omitempty"`
	PartitionID                  string `json:"partitionId,omitempty"`
	MACAddress                   string `json:"macAddress,omitempty"`
	DeviceName                   string `json:"deviceName,omitempty"` // the line's display name
	EmergencyNumber              string `json:"emergencyNumber,omitempty"`
	EmergencyNumberReservationID string `json:"emergencyNumberReservationId,omitempty"`
	FaxEnabled                   bool   `json:"faxEnabled,omitempty"`
	LineNumber                   int    `json:"lineNumber,omitempty"`
	UserID                       string `json:"userId,omitempty"`
	SIPPassword                  Secret `json:"sipPassword,omitempty"`
	SIPUsername                  string `json:"sipUsername,omitempty"` // globally unique
	Zipcode                      string `json:"zipcode,omitempty"`
	State                        string `json:"state,omitempty"`
	LineType                     string `json:"lineType,omitempty"` // Line, AdvancedSharedLine, ReferencedUser, IntercomLine, PresenceBlfUser, SpeedDialUse
	ReferenceID                  string `json:"referenceId,omitempty"`
}

// SIPLine is the line as the CRM keeps it (see PlanSIPLineSync).
func (d DeviceLine) SIPLine() SIPLine {
	return SIPLine{
		DeviceID: d.ID, LineNumber: d.LineNumber, SIPUsername: d.SIPUsername, SIPPassword: d.SIPPassword,
		DisplayName: d.DeviceName, EmergencyNumber: d.EmergencyNumber, MACAddress: d.MACAddress,
	}
}

var lineTypes = []string{"Line", "AdvancedSharedLine", "ReferencedUser", "IntercomLine", "PresenceBlfUser", "SpeedDialUse"}

// NormalizeMAC returns a MAC address as 12 lower-case hex digits, accepting
// the ':' '-' '.' separators, or ok=false when it is not a MAC address. The
// spec gives no format for macAddress, but its generateadminpassword call
// refuses a MAC that is "not all lower case": the package sends that form.
func NormalizeMAC(mac string) (string, bool) {
	var b strings.Builder
	for _, r := range strings.TrimSpace(mac) {
		switch {
		case r == ':' || r == '-' || r == '.':
		case r >= '0' && r <= '9', r >= 'a' && r <= 'f', r >= 'A' && r <= 'F':
			b.WriteRune(r)
		default:
			return "", false
		}
	}
	if b.Len() != 12 {
		return "", false
	}
	return strings.ToLower(b.String()), true
}

func (d *DeviceLine) validate(op string, create bool) error {
	switch {
	case create && d.ID != "":
		return invalid(op, "ID", "is set: the server assigns it")
	case create && strings.TrimSpace(d.DeviceName) == "":
		return invalid(op, "DeviceName", "is empty (the spec requires it)")
	case create && strings.TrimSpace(d.UserID) == "":
		return invalid(op, "UserID", "is empty: a device line belongs to a user")
	case create && strings.TrimSpace(d.DeviceTypeID) == "":
		return invalid(op, "DeviceTypeID", "is empty (the spec requires it): ReferenceData.DeviceTypes lists the partition's device types, such as SIP_4_Port_MTA")
	case d.LineNumber < 0:
		return invalid(op, "LineNumber", "%d is negative", d.LineNumber)
	case d.LineType != "" && !slices.Contains(lineTypes, d.LineType):
		return invalid(op, "LineType", "%q is not one of %v", d.LineType, lineTypes)
	case strings.ContainsAny(d.SIPUsername, " \t\r\n@:"):
		return invalid(op, "SIPUsername", "%q contains a space, '@' or ':'", d.SIPUsername)
	}
	if d.MACAddress != "" {
		mac, ok := NormalizeMAC(d.MACAddress)
		if !ok {
			return &ValidationError{Op: op, Field: "MACAddress", Reason: "is not 12 hex digits (':' '-' '.' separators allowed)", Err: ErrInvalidMAC}
		}
		d.MACAddress = mac
	}
	return nil
}

// DeviceLineListOptions narrows DeviceLinesService.List (the spec's
// filterType/filter): both set, or both empty for every line.
type DeviceLineListOptions struct {
	Type  DeviceLineFilterType
	Value string
}

// DeviceLineFilterType is the spec's filterType.
type DeviceLineFilterType string

// Filter types of GET …/deviceline.
const (
	FilterMACAddress          DeviceLineFilterType = "MAC_ADDRESS"
	FilterMACAddressInventory DeviceLineFilterType = "MAC_ADDRESS_INVENTORY" // the lines available on a device
	FilterOwningUserID        DeviceLineFilterType = "OWNING_USERID"
	FilterReferencedUserID    DeviceLineFilterType = "REFERENCED_USERID"
	FilterAccount             DeviceLineFilterType = "ACCOUNT"
)

var filterTypes = []DeviceLineFilterType{FilterMACAddress, FilterMACAddressInventory, FilterOwningUserID, FilterReferencedUserID, FilterAccount}

// DeviceLinesService is the device lines (SIP lines) of an account.
type DeviceLinesService struct{ c *Client }

func deviceLinesPath(p, accountID string, id ...string) string {
	return partitionPath(p, append([]string{"account", accountID, "deviceline"}, id...)...)
}

// List returns the device lines of an account (GET …/deviceline), all of
// them when opts is nil or zero, else those that match its filter.
func (s *DeviceLinesService) List(ctx context.Context, accountID string, opts *DeviceLineListOptions) ([]DeviceLine, error) {
	const op = "DeviceLines.List"
	var f DeviceLineListOptions
	if opts != nil {
		f = *opts
	}
	var q url.Values
	if f.Type != "" || f.Value != "" {
		switch {
		case !slices.Contains(filterTypes, f.Type):
			return nil, invalid(op, "filter.Type", "%q is not one of %v", f.Type, filterTypes)
		case strings.TrimSpace(f.Value) == "":
			return nil, invalid(op, "filter.Value", "is empty (the spec requires it with a type)")
		}
		v := f.Value
		if f.Type == FilterMACAddress || f.Type == FilterMACAddressInventory {
			mac, ok := NormalizeMAC(v)
			if !ok {
				return nil, &ValidationError{Op: op, Field: "filter.Value", Reason: "is not a MAC address", Err: ErrInvalidMAC}
			}
			v = mac
		}
		q = url.Values{"filterType": {string(f.Type)}, "filter": {v}}
	}
	p, err := s.c.accountScope(ctx, op, accountID)
	if err != nil {
		return nil, err
	}
	var out []DeviceLine
	err = s.c.do(ctx, call{op: op, method: http.MethodGet, path: deviceLinesPath(p, accountID), query: q}, &out)
	return out, err
}

// ByMAC returns the device lines on a device, by MAC address.
func (s *DeviceLinesService) ByMAC(ctx context.Context, accountID, mac string) ([]DeviceLine, error) {
	return s.List(ctx, accountID, &DeviceLineListOptions{Type: FilterMACAddress, Value: mac})
}

// Get returns one device line (GET …/deviceline/{deviceId}).
func (s *DeviceLinesService) Get(ctx context.Context, accountID, deviceID string) (*DeviceLine, error) {
	const op = "DeviceLines.Get"
	if err := checkID(op, "deviceID", deviceID); err != nil {
		return nil, err
	}
	p, err := s.c.accountScope(ctx, op, accountID)
	if err != nil {
		return nil, err
	}
	var out DeviceLine
	if err := s.c.do(ctx, call{op: op, method: http.MethodGet, path: deviceLinesPath(p, accountID, deviceID)}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Create adds a device line for a user (POST …/deviceline). DeviceName,
// DeviceTypeID and UserID are required; a SIP username already used anywhere
// in Alianza gives ErrSIPUsernameInUse; the MAC address is checked and sent
// as 12 lower-case hex digits. Not re-sent automatically.
func (s *DeviceLinesService) Create(ctx context.Context, accountID string, d DeviceLine) (*DeviceLine, error) {
	const op = "DeviceLines.Create"
	if err := d.validate(op, true); err != nil {
		return nil, err
	}
	p, err := s.c.accountScope(ctx, op, accountID)
	if err != nil {
		return nil, err
	}
	var out DeviceLine
	if err := s.c.do(ctx, call{op: op, method: http.MethodPost, path: deviceLinesPath(p, accountID), body: d}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Update replaces a device line (PUT …/deviceline/{deviceId}); d.ID names
// it. To change a MAC address or device type Alianza recommends its swap
// endpoint (reach it with Client.Do). Retried per the policy.
func (s *DeviceLinesService) Update(ctx context.Context, accountID string, d DeviceLine) (*DeviceLine, error) {
	const op = "DeviceLines.Update"
	if err := checkID(op, "ID", d.ID); err != nil {
		return nil, err
	}
	if err := d.validate(op, false); err != nil {
		return nil, err
	}
	p, err := s.c.accountScope(ctx, op, accountID)
	if err != nil {
		return nil, err
	}
	var out DeviceLine
	if err := s.c.do(ctx, call{op: op, method: http.MethodPut, path: deviceLinesPath(p, accountID, d.ID), body: d}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// DeviceLinePatchRequest is the input of DeviceLinesService.Patch, a
// partial update: only the fields that are set are sent (PATCH
// …/deviceline/{deviceId}); a nil pointer, or a zero SIPPassword, leaves the
// field as it is.
type DeviceLinePatchRequest struct {
	DeviceName                   *string `json:"deviceName,omitempty"`
	MACAddress                   *string `json:"macAddress,omitempty"` // sent as 12 lower-case hex digits
	EmergencyNumber              *string `json:"emergencyNumber,omitempty"`
	EmergencyNumberReservationID *string `json:"emergencyNumberReservationId,omitempty"`
	FaxEnabled                   *bool   `json:"faxEnabled,omitempty"`
	LineNumber                   *int    `json:"lineNumber,omitempty"`
	UserID                       *string `json:"userId,omitempty"`
	SIPUsername                  *string `json:"sipUsername,omitempty"` // globally unique
	SIPPassword                  Secret  `json:"sipPassword,omitempty"` // zero: unchanged
	Zipcode                      *string `json:"zipcode,omitempty"`
	State                        *string `json:"state,omitempty"`
}

// checked validates a patch and returns a copy with the MAC address
// normalised (the caller's string is left alone).
func (p DeviceLinePatchRequest) checked(op string) (DeviceLinePatchRequest, error) {
	if p == (DeviceLinePatchRequest{}) {
		return p, invalid(op, "patch", "changes nothing")
	}
	switch {
	case p.DeviceName != nil && strings.TrimSpace(*p.DeviceName) == "":
		return p, invalid(op, "DeviceName", "is empty: a device line has a name")
	case p.UserID != nil && strings.TrimSpace(*p.UserID) == "":
		return p, invalid(op, "UserID", "is empty: a device line belongs to a user")
	case p.LineNumber != nil && *p.LineNumber < 0:
		return p, invalid(op, "LineNumber", "%d is negative", *p.LineNumber)
	case p.SIPUsername != nil && strings.TrimSpace(*p.SIPUsername) == "":
		return p, invalid(op, "SIPUsername", "is empty")
	case p.SIPUsername != nil && strings.ContainsAny(*p.SIPUsername, " \t\r\n@:"):
		return p, invalid(op, "SIPUsername", "%q contains a space, '@' or ':'", *p.SIPUsername)
	}
	if p.MACAddress != nil {
		mac, ok := NormalizeMAC(*p.MACAddress)
		if !ok {
			return p, &ValidationError{Op: op, Field: "MACAddress", Reason: "is not 12 hex digits (':' '-' '.' separators allowed)", Err: ErrInvalidMAC}
		}
		p.MACAddress = &mac
	}
	return p, nil
}

// Patch changes the given fields of a device line (PATCH
// …/deviceline/{deviceId}) and returns the line as the server stored it. A
// SIP username already used anywhere in Alianza gives ErrSIPUsernameInUse.
// Not re-sent automatically (PATCH).
func (s *DeviceLinesService) Patch(ctx context.Context, accountID, deviceID string, patch DeviceLinePatchRequest) (*DeviceLine, error) {
	const op = "DeviceLines.Patch"
	if err := checkID(op, "deviceID", deviceID); err != nil {
		return nil, err
	}
	patch, err := patch.checked(op)
	if err != nil {
		return nil, err
	}
	p, err := s.c.accountScope(ctx, op, accountID)
	if err != nil {
		return nil, err
	}
	var out DeviceLine
	if err := s.c.do(ctx, call{op: op, method: http.MethodPatch, path: deviceLinesPath(p, accountID, deviceID), body: patch}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Delete removes a device line (DELETE …/deviceline/{deviceId}).
func (s *DeviceLinesService) Delete(ctx context.Context, accountID, deviceID string) error {
	const op = "DeviceLines.Delete"
	if err := checkID(op, "deviceID", deviceID); err != nil {
		return err
	}
	p, err := s.c.accountScope(ctx, op, accountID)
	if err != nil {
		return err
	}
	return s.c.do(ctx, call{op: op, method: http.MethodDelete, path: deviceLinesPath(p, accountID, deviceID)}, nil)
}

// SIPLines returns an account's SIP lines in the CRM's shape, for
// PlanSIPLineSync: the device lines of type Line (or without a type) that
// have a SIP username.
func (s *DeviceLinesService) SIPLines(ctx context.Context, accountID string) ([]SIPLine, error) {
	lines, err := s.List(ctx, accountID, nil)
	if err != nil {
		return nil, err
	}
	out := make([]SIPLine, 0, len(lines))
	for _, d := range lines {
		if (d.LineType == "" || d.LineType == "Line") && strings.TrimSpace(d.SIPUsername) != "" {
			out = append(out, d.SIPLine())
		}
	}
	return out, nil
}
