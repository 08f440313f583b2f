package alianza

import (
	"context"
	"encoding/json"
	"net/http"
)

// Discriminator values ("@type") of RingFailoverAction.
const (
	RingFailoverBusy      = "BusyRingFailoverAction"
	RingFailoverForward   = "ForwardRingFailoverAction"
	RingFailoverVoicemail = "VoicemailRingFailoverAction"
)

// Discriminator values ("@type") of RingTimeoutConfiguration.
const (
	RingTimeoutLimited   = "LimitedRingTimeoutConfiguration"
	RingTimeoutUnlimited = "UnlimitedRingTimeoutConfiguration"
)

// RingFailoverAction is the spec's RingFailoverAction: what a business line
// does with a call it cannot ring (busy, unregistered, unanswered). Exactly
// one of Busy, Forward, Voicemail or Unknown is set; the "@type"
// discriminator is written from it. Unknown keeps, as sent, an action whose
// "@type" this package does not know.
type RingFailoverAction struct {
	Busy      *BusyRingFailoverAction
	Forward   *ForwardRingFailoverAction
	Voicemail *VoicemailRingFailoverAction
	Unknown   json.RawMessage
}

// BusyRingFailoverAction is the spec's BusyRingFailoverAction: the caller
// hears busy.
type BusyRingFailoverAction struct{}

// ForwardRingFailoverAction is the spec's ForwardRingFailoverAction: the
// call is forwarded to a number.
type ForwardRingFailoverAction struct {
	ForwardToPhoneNumber string `json:"forwardToPhoneNumber"`
}

// VoicemailRingFailoverAction is the spec's VoicemailRingFailoverAction: the
// call goes to the line's voicemail box.
type VoicemailRingFailoverAction struct{}

// Type is the "@type" of the variant that is set ("" when none is, or the
// Unknown one's when it can be read).
func (a RingFailoverAction) Type() string {
	switch {
	case a.Busy != nil:
		return RingFailoverBusy
	case a.Forward != nil:
		return RingFailoverForward
	case a.Voicemail != nil:
		return RingFailoverVoicemail
	case a.Unknown != nil:
		tag, _ := unionTag("RingFailoverAction", a.Unknown, "@type")
		return tag
	}
	return ""
}

// MarshalJSON writes the variant that is set with its "@type"; none or more
// than one is an error.
func (a RingFailoverAction) MarshalJSON() ([]byte, error) {
	const family = "RingFailoverAction"
	if err := checkUnion(family, a.Unknown, a.Busy != nil, a.Forward != nil, a.Voicemail != nil); err != nil {
		return nil, err
	}
	switch {
	case a.Busy != nil:
		return encodeTagged("@type", RingFailoverBusy, a.Busy)
	case a.Forward != nil:
		return encodeTagged("@type", RingFailoverForward, a.Forward)
	case a.Voicemail != nil:
		return encodeTagged("@type", RingFailoverVoicemail, a.Voicemail)
	}
	return a.Unknown, nil
}

// UnmarshalJSON chooses the variant from "@type"; an unknown or missing one
// is kept in Unknown.
func (a *RingFailoverAction) UnmarshalJSON(data []byte) error {
	const family = "RingFailoverAction"
	if isNull(data) {
		*a = RingFailoverAction{Unknown: json.RawMessage("null")}
		return nil
	}
	tag, err := unionTag(family, data, "@type")
	if err != nil {
		return err
	}
	*a = RingFailoverAction{}
	switch tag {
	case RingFailoverBusy:
		a.Busy, err = decodeVariant[BusyRingFailoverAction](family, data)
	case RingFailoverForward:
		a.Forward, err = decodeVariant[ForwardRingFailoverAction](family, data)
	case RingFailoverVoicemail:
		a.Voicemail, err = decodeVariant[VoicemailRingFailoverAction](family, data)
	default:
		a.Unknown = keepRaw(data)
	}
	return err
}

// RingTimeoutConfiguration is the spec's RingTimeoutConfiguration: how long
// a business line rings. Exactly one of Limited, Unlimited or Unknown is set.
type RingTimeoutConfiguration struct {
	Limited   *LimitedRingTimeout
	Unlimited *UnlimitedRingTimeout
	Unknown   json.RawMessage
}

// LimitedRingTimeout is the spec's LimitedRingTimeoutConfiguration: ring for
// TimeoutSeconds, then take NoAnswerAction.
type LimitedRingTimeout struct {
	TimeoutSeconds *int                `json:"timeoutSeconds,omitempty"`
	NoAnswerAction *RingFailoverAction `json:"noAnswerAction,omitempty"`
}

// UnlimitedRingTimeout is the spec's UnlimitedRingTimeoutConfiguration: ring
// until the caller hangs up.
type UnlimitedRingTimeout struct{}

// Type is the "@type" of the variant that is set.
func (r RingTimeoutConfiguration) Type() string {
	switch {
	case r.Limited != nil:
		return RingTimeoutLimited
	case r.Unlimited != nil:
		return RingTimeoutUnlimited
	case r.Unknown != nil:
		tag, _ := unionTag("RingTimeoutConfiguration", r.Unknown, "@type")
		return tag
	}
	return ""
}

// MarshalJSON writes the variant that is set with its "@type".
func (r RingTimeoutConfiguration) MarshalJSON() ([]byte, error) {
	const family = "RingTimeoutConfiguration"
	if err := checkUnion(family, r.Unknown, r.Limited != nil, r.Unlimited != nil); err != nil {
		return nil, err
	}
	switch {
	case r.Limited != nil:
		return encodeTagged("@type", RingTimeoutLimited, r.Limited)
	case r.Unlimited != nil:
		return encodeTagged("@type", RingTimeoutUnlimited, r.Unlimited)
	}
	return r.Unknown, nil
}

// UnmarshalJSON chooses the variant from "@type"; an unknown or missing one
// is kept in Unknown.
func (r *RingTimeoutConfiguration) UnmarshalJSON(data []byte) error {
	const family = "RingTimeoutConfiguration"
	if isNull(data) {
		*r = RingTimeoutConfiguration{Unknown: json.RawMessage("null")}
		return nil
	}
	tag, err := unionTag(family, data, "@type")
	if err != nil {
		return err
	}
	*r = RingTimeoutConfiguration{}
	switch tag {
	case RingTimeoutLimited:
		r.Limited, err = decodeVariant[LimitedRingTimeout](family, data)
	case RingTimeoutUnlimited:
		r.Unlimited, err = decodeVariant[UnlimitedRingTimeout](family, data)
	default:
		r.Unknown = keepRaw(data)
	}
	return err
}

// ActiveCallHandling is what a business line does with a call: ring the
// line, or forward it.
type ActiveCallHandling string

// The spec's active call handlings.
const (
	ActiveCallHandlingRingLine ActiveCallHandling = "RING_LINE"
	ActiveCallHandlingForward  ActiveCallHandling = "FORWARD"
)

// BusinessLineCallHandling is the spec's CallHandling of a business line
// (the name CallHandling is the generated type of a user's call handling).
type BusinessLineCallHandling struct {
	ActiveCallHandling         ActiveCallHandling        `json:"activeCallHandling,omitempty"`
	CallWaitingEnabled         *bool                     `json:"callWaitingEnabled,omitempty"`
	BusyFailoverAction         *RingFailoverAction       `json:"busyFailoverAction,omitempty"`
	UnregisteredFailoverAction *RingFailoverAction       `json:"unregisteredFailoverAction,omitempty"`
	RingTimeoutConfiguration   *RingTimeoutConfiguration `json:"ringTimeoutConfiguration,omitempty"`
	ForwardToPhoneNumber       string                    `json:"forwardToPhoneNumber,omitempty"`
	VoicemailBoxID             string                    `json:"voicemailBoxId,omitempty"`
}

// BusinessLineCallHandlingRequest is what BusinessLines.UpdateCallHandling
// sends: the whole call handling (PUT), usually one read with
// BusinessLines.CallHandling and changed.
type BusinessLineCallHandlingRequest BusinessLineCallHandling

// BusinessLineExpanded is the spec's BusinessLineExpandedView: a business
// line with its call handling, SIP user name and device port.
type BusinessLineExpanded struct {
	ID                           string                    `json:"id,omitempty"`
	Name                         string                    `json:"name,omitempty"`
	CallerIDPhoneNumber          string                    `json:"callerIdPhoneNumber,omitempty"`
	CallerIDVisible              *bool                     `json:"callerIdVisible,omitempty"`
	EmergencyCallbackPhoneNumber string                    `json:"emergencyCallbackPhoneNumber,omitempty"`
	AccountID                    string                    `json:"accountId,omitempty"`
	PartitionID                  string                    `json:"partitionId,omitempty"`
	CallHandling                 *BusinessLineCallHandling `json:"callHandling,omitempty"`
	SIPCredentials               *BusinessLineSIPUsername  `json:"sipCredentials,omitempty"`
	Device                       *BusinessLinePortView     `json:"device,omitempty"`
}

// BusinessLineSIPUsername is the spec's SipCredentialsView (the user name
// only; the expanded view carries no password).
type BusinessLineSIPUsername struct {
	SIPUsername string `json:"sipUsername,omitempty"`
}

// BusinessLinePortView is the spec's PortAssignmentView.
type BusinessLinePortView struct {
	DeviceTypeID string `json:"deviceTypeId,omitempty"`
	MACAddress   string `json:"macAddress,omitempty"`
	PortNumber   *int   `json:"portNumber,omitempty"`
	FaxEnabled   *bool  `json:"faxEnabled,omitempty"`
}

// CallHandling is the spec's "Retrieve business line call handling" (GET
// /v2/partition/{partitionId}/account/{accountId}/business-line/{businessLineId}/call-handling).
// An empty id, or one that cannot be a path segment, is refused before
// anything is sent (ErrInvalidInput).
func (s *BusinessLinesService) CallHandling(ctx context.Context, accountID, businessLineID string) (*BusinessLineCallHandling, error) {
	const op = "BusinessLines.CallHandling"
	if err := checkIDs(op, "accountID", accountID, "businessLineID", businessLineID); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out BusinessLineCallHandling
	if err := s.c.do(ctx, call{op: op, method: http.MethodGet, path: partitionPath(p, "account", accountID, "business-line", businessLineID, "call-handling")}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// UpdateCallHandling is the spec's "Update business line call handling"
// (PUT
// /v2/partition/{partitionId}/account/{accountId}/business-line/{businessLineId}/call-handling).
// A failover action or ring timeout with no variant set, or more than one,
// is refused before anything is sent, as are bad ids (ErrInvalidInput).
func (s *BusinessLinesService) UpdateCallHandling(ctx context.Context, accountID, businessLineID string, req BusinessLineCallHandlingRequest) (*BusinessLineCallHandling, error) {
	const op = "BusinessLines.UpdateCallHandling"
	if err := checkIDs(op, "accountID", accountID, "businessLineID", businessLineID); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out BusinessLineCallHandling
	if err := s.c.do(ctx, call{op: op, method: http.MethodPut, path: partitionPath(p, "account", accountID, "business-line", businessLineID, "call-handling"), body: req}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ListExpanded is the spec's "Retrieve business line list with lines in
// expanded view format" (GET
// /v2/partition/{partitionId}/account/{accountId}/business-line/views/expanded).
func (s *BusinessLinesService) ListExpanded(ctx context.Context, accountID string) ([]BusinessLineExpanded, error) {
	const op = "BusinessLines.ListExpanded"
	if err := checkID(op, "accountID", accountID); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out []BusinessLineExpanded
	if err := s.c.do(ctx, call{op: op, method: http.MethodGet, path: partitionPath(p, "account", accountID, "business-line", "views", "expanded")}, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// GetExpanded is the spec's "Retrieve business line in expanded view
// format" (GET
// /v2/partition/{partitionId}/account/{accountId}/business-line/{businessLineId}/views/expanded).
func (s *BusinessLinesService) GetExpanded(ctx context.Context, accountID, businessLineID string) (*BusinessLineExpanded, error) {
	const op = "BusinessLines.GetExpanded"
	if err := checkIDs(op, "accountID", accountID, "businessLineID", businessLineID); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out BusinessLineExpanded
	if err := s.c.do(ctx, call{op: op, method: http.MethodGet, path: partitionPath(p, "account", accountID, "business-line", businessLineID, "views", "expanded")}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
