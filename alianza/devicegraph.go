package alianza

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
)

// DeviceGraph is the answer of Devices.Graph, the spec's inline oneOf of
// DeviceGraphLimited and DeviceGraphUnlimited: the fields both share, and
// exactly one of Limited or Unlimited. The spec gives no discriminator, so
// the variant is told from the fields present: "tnas" is Unlimited,
// "telephoneNumbers" is Limited; an answer with neither (or both) keeps its
// whole JSON in Unknown so nothing is lost.
type DeviceGraph struct {
	DeviceTypeID    string `json:"deviceTypeId,omitempty"`
	AccountID       string `json:"accountId,omitempty"`
	PartitionID     string `json:"partitionId,omitempty"`
	MACAddress      string `json:"macAddress,omitempty"`
	DeviceName      string `json:"deviceName,omitempty"`
	EmergencyNumber string `json:"emergencyNumber,omitempty"`
	FaxEnabled      *bool  `json:"faxEnabled,omitempty"`
	LineNumber      *int   `json:"lineNumber,omitempty"`
	UserID          string `json:"userId,omitempty"`
	SIPUsername     string `json:"sipUsername,omitempty"`
	LineType        string `json:"linetype,omitempty"`

	Limited   *DeviceGraphLimited   `json:"-"`
	Unlimited *DeviceGraphUnlimited `json:"-"`
	Unknown   json.RawMessage       `json:"-"`
}

// DeviceGraphLimited is the spec's DeviceGraphLimited's own field: the
// device's telephone numbers only.
type DeviceGraphLimited struct {
	TelephoneNumbers []string `json:"telephoneNumbers"`
}

// DeviceGraphUnlimited is the spec's DeviceGraphUnlimited's own field: the
// device's numbers with their accounts, as the generated
// TelephoneNumberAccountV2.
type DeviceGraphUnlimited struct {
	TNAs []TelephoneNumberAccountV2 `json:"tnas"`
}

// deviceGraphCommon is DeviceGraph's own fields, without its methods.
type deviceGraphCommon struct {
	DeviceTypeID    string `json:"deviceTypeId,omitempty"`
	AccountID       string `json:"accountId,omitempty"`
	PartitionID     string `json:"partitionId,omitempty"`
	MACAddress      string `json:"macAddress,omitempty"`
	DeviceName      string `json:"deviceName,omitempty"`
	EmergencyNumber string `json:"emergencyNumber,omitempty"`
	FaxEnabled      *bool  `json:"faxEnabled,omitempty"`
	LineNumber      *int   `json:"lineNumber,omitempty"`
	UserID          string `json:"userId,omitempty"`
	SIPUsername     string `json:"sipUsername,omitempty"`
	LineType        string `json:"linetype,omitempty"`
}

// MarshalJSON writes the shared fields and the variant that is set; an
// Unknown graph is written as kept.
func (g DeviceGraph) MarshalJSON() ([]byte, error) {
	const family = "DeviceGraph"
	if err := checkUnion(family, g.Unknown, g.Limited != nil, g.Unlimited != nil); err != nil {
		return nil, err
	}
	if g.Unknown != nil {
		return g.Unknown, nil
	}
	common := g.common()
	if g.Limited != nil {
		return encodeTagged("", "", common, g.Limited)
	}
	return encodeTagged("", "", common, g.Unlimited)
}

func (g DeviceGraph) common() deviceGraphCommon {
	return deviceGraphCommon{g.DeviceTypeID, g.AccountID, g.PartitionID, g.MACAddress, g.DeviceName,
		g.EmergencyNumber, g.FaxEnabled, g.LineNumber, g.UserID, g.SIPUsername, g.LineType}
}

// UnmarshalJSON reads the shared fields and chooses the variant from the
// fields present.
func (g *DeviceGraph) UnmarshalJSON(data []byte) error {
	const family = "DeviceGraph"
	if isNull(data) {
		*g = DeviceGraph{Unknown: json.RawMessage("null")}
		return nil
	}
	if _, err := unionTag(family, data, ""); err != nil { // an object, or an error
		return err
	}
	c, err := decodeVariant[deviceGraphCommon](family, data)
	if err != nil {
		return err
	}
	*g = DeviceGraph{DeviceTypeID: c.DeviceTypeID, AccountID: c.AccountID, PartitionID: c.PartitionID,
		MACAddress: c.MACAddress, DeviceName: c.DeviceName, EmergencyNumber: c.EmergencyNumber,
		FaxEnabled: c.FaxEnabled, LineNumber: c.LineNumber, UserID: c.UserID, SIPUsername: c.SIPUsername, LineType: c.LineType}
	limited, unlimited := hasField(data, "telephoneNumbers"), hasField(data, "tnas")
	switch {
	case limited && !unlimited:
		g.Limited, err = decodeVariant[DeviceGraphLimited](family, data)
	case unlimited && !limited:
		g.Unlimited, err = decodeVariant[DeviceGraphUnlimited](family, data)
	default:
		g.Unknown = keepRaw(data)
	}
	return err
}

// DeviceGraphOptions are the optional inputs of Devices.Graph.
type DeviceGraphOptions struct {
	// Limited asks for the limited graph (telephone numbers only) when
	// true, the unlimited one (numbers with their accounts) when false;
	// nil leaves it to the server.
	Limited *bool
}

// Graph is the spec's "Device Graph" (GET /v2/ces/deviceGraph/{macaddress}):
// a device with its line and numbers. An empty MAC address, or one that
// cannot be a path segment, is refused before anything is sent
// (ErrInvalidInput).
func (s *DevicesService) Graph(ctx context.Context, macAddress string, opts *DeviceGraphOptions) (*DeviceGraph, error) {
	const op = "Devices.Graph"
	if err := checkID(op, "macAddress", macAddress); err != nil {
		return nil, err
	}
	var q url.Values
	if opts != nil && opts.Limited != nil {
		q = url.Values{"limited": {strconv.FormatBool(*opts.Limited)}}
	}
	var out DeviceGraph
	if err := s.c.do(ctx, call{op: op, method: http.MethodGet, path: genPath("ces", "deviceGraph", macAddress), query: q}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
