package alianza

// This file holds the Alianza wire details the Go types do not: hosts,
// paths, query parameters and header names, all from the vendor's OpenAPI
// specification of the Alianza Public API v2. JSON field names are the
// struct tags of the public types, copied from the spec's schemas.

import (
	"encoding/json"
	"net/url"
	"strings"
)

// Hosts of the Alianza Public API. Integrations are certified on beta
// first.
const (
	ProductionBaseURL = "https://api.alianza.com"
	BetaBaseURL       = "https://api.b2.alianza.com"
)

const (
	// headerAuthToken is the spec's X-AUTH-TOKEN in Go's canonical spelling,
	// so that Header.Get in interceptors and RoundTrippers finds it (header
	// names are case-insensitive on the wire).
	headerAuthToken = "X-Auth-Token"

	pathAuthorize = "/v2/authorize"          // POST logUserIn
	pathLogout    = "/v2/authorize/logout"   // PUT logOut
	pathUserInfo  = "/v2/authorize/userinfo" // GET getLoginInfo

	queryAccountIDType = "accountIdType" // retrieveAccount: Id, AccountNumber, PhoneNumber, MacAddress
	querySearch        = "q"             // accountSearch
)

// partitionPath is /v2/partition/{partitionId} followed by the escaped
// segments, built with one allocation.
func partitionPath(partition string, segments ...string) string {
	const prefix = "/v2/partition/"
	partition = url.PathEscape(partition) // returns its argument when nothing needs escaping
	n := len(prefix) + len(partition)
	for _, seg := range segments {
		n += 1 + len(url.PathEscape(seg)) // no allocation unless seg needs escaping
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(prefix)
	b.WriteString(partition)
	for _, seg := range segments {
		b.WriteByte('/')
		b.WriteString(url.PathEscape(seg))
	}
	return b.String()
}

// Account paths under the partition.
func accountsPath(partition string) string { return partitionPath(partition, "account") }
func accountSearchPath(partition string) string {
	return partitionPath(partition, "account", "search")
}
func accountPath(partition, id string) string { return partitionPath(partition, "account", id) }

// wireLogin is the Login schema.
type wireLogin struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

// wireChangePassword is the Login schema as changePassword (PUT
// /v2/authorize) takes it: the current credentials and the new password.
type wireChangePassword struct {
	Username       string `json:"username"`
	Password       string `json:"password"`
	ChangePassword string `json:"changePassword"`
}

// wireLoginToken is the part of LoginTokenX the client uses.
type wireLoginToken struct {
	AuthToken      string `json:"authToken"`
	UserID         string `json:"userId"`
	UserType       string `json:"userType"`
	Username       string `json:"username"`
	PartitionID    string `json:"partitionId"`
	PartitionName  string `json:"partitionName"`
	AccountID      string `json:"accountId"`
	MaxLifeInHours int    `json:"maxLifeInHours"`
}

// The public types that hold a Secret (DeviceLine.SIPPassword,
// DeviceLinePatchRequest.SIPPassword,
// Port.WirelessPin, and User and NumberActivation, which hold those) encode
// it as REDACTED through encoding/json, like every Secret: json.Marshal and
// slog's JSON handler never show it. The server needs the value, so request
// bodies are encoded through the wire types below, whose secret fields are
// strings. Each embeds the public type under a method-less name, so every
// other field keeps its tag; the wire type's own field, shallower, wins.

type (
	plainDeviceLine       DeviceLine
	plainPort             Port
	plainUser             User
	plainNumberActivation NumberActivation
	plainDeviceLinePatch  DeviceLinePatchRequest
)

type wireDeviceLine struct {
	plainDeviceLine
	SIPPassword string `json:"sipPassword,omitempty"`
}

type wireDeviceLinePatch struct {
	plainDeviceLinePatch
	SIPPassword string `json:"sipPassword,omitempty"`
}

type wirePort struct {
	plainPort
	WirelessPin string `json:"wirelessPin,omitempty"`
}

type wireUser struct {
	plainUser
	Devices []wireDeviceLine `json:"devices,omitempty"`
}

type wireNumberActivation struct {
	plainNumberActivation
	Port *wirePort `json:"port,omitempty"`
}

func (d DeviceLine) wire() wireDeviceLine {
	return wireDeviceLine{plainDeviceLine(d), d.SIPPassword.Reveal()}
}

func (p DeviceLinePatchRequest) wire() wireDeviceLinePatch {
	return wireDeviceLinePatch{plainDeviceLinePatch(p), p.SIPPassword.Reveal()}
}

func (p Port) wire() wirePort { return wirePort{plainPort(p), p.WirelessPin.Reveal()} }

func (u User) wire() wireUser { return wireUser{plainUser(u), wireSlice(u.Devices, DeviceLine.wire)} }

func (a NumberActivation) wire() wireNumberActivation {
	var port *wirePort
	if a.Port != nil {
		p := a.Port.wire()
		port = &p
	}
	return wireNumberActivation{plainNumberActivation(a), port}
}

// encodeBody encodes a request body as JSON, the package's types that hold
// a secret (values, pointers and slices of them) through their wire types.
func encodeBody(v any) ([]byte, error) {
	switch x := v.(type) {
	case DeviceLine:
		v = x.wire()
	case *DeviceLine:
		if x != nil {
			v = x.wire()
		}
	case DeviceLinePatchRequest:
		v = x.wire()
	case *DeviceLinePatchRequest:
		if x != nil {
			v = x.wire()
		}
	case Port:
		v = x.wire()
	case *Port:
		if x != nil {
			v = x.wire()
		}
	case User:
		v = x.wire()
	case *User:
		if x != nil {
			v = x.wire()
		}
	case NumberActivation:
		v = x.wire()
	case *NumberActivation:
		if x != nil {
			v = x.wire()
		}
	case []DeviceLine:
		v = wireSlice(x, DeviceLine.wire)
	case []User:
		v = wireSlice(x, User.wire)
	case []Port:
		v = wireSlice(x, Port.wire)
	}
	return json.Marshal(v)
}

// wireSlice is the wire form of a slice (nil stays nil: JSON null).
func wireSlice[T, W any](s []T, wire func(T) W) []W {
	if s == nil {
		return nil
	}
	out := make([]W, len(s))
	for i, x := range s {
		out[i] = wire(x)
	}
	return out
}
