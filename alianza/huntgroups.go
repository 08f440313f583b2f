package alianza

import (
	"context"
	"encoding/json"
	"net/http"
)

// Discriminator values ("@type") of HuntingConfiguration.
const (
	HuntingLinear       = "LinearHuntingConfiguration"
	HuntingSequential   = "SequentialHuntingConfiguration"
	HuntingSimultaneous = "SimultaneousHuntingConfiguration"
)

// Discriminator values ("@type") of FailoverAction.
const (
	FailoverBusy      = "BusyFailoverAction"
	FailoverForward   = "ForwardFailoverAction"
	FailoverVoicemail = "VoicemailFailoverAction"
)

// FailoverReason is why a hunt group fails over: the {reason} of its
// failover-action path and a FailoverAction's failoverReason.
type FailoverReason string

// The spec's failover reasons.
const (
	FailoverReasonBusy         FailoverReason = "BUSY"
	FailoverReasonNoAnswer     FailoverReason = "NO_ANSWER"
	FailoverReasonUnregistered FailoverReason = "UNREGISTERED"
)

// HuntGroup is the spec's HuntGroup: a business line hunt group.
type HuntGroup struct {
	ID                           string                `json:"id,omitempty"`
	Name                         string                `json:"name,omitempty"`
	PartitionID                  string                `json:"partitionId,omitempty"`
	AccountID                    string                `json:"accountId,omitempty"`
	HuntingConfiguration         *HuntingConfiguration `json:"huntingConfiguration,omitempty"`
	ActiveForwardConfigurationID string                `json:"activeForwardConfigurationId,omitempty"`
}

// HuntGroupRequest is what HuntGroups.Create and HuntGroups.Update send
// (the whole hunt group: Update is a PUT).
type HuntGroupRequest HuntGroup

// HuntingConfiguration is the spec's HuntingConfiguration: how a hunt group
// rings its members. Exactly one of Linear, Sequential, Simultaneous or
// Unknown is set; the "@type" discriminator is written from it. Unknown
// keeps, as sent, a configuration whose "@type" this package does not know.
type HuntingConfiguration struct {
	Linear       *LinearHunting
	Sequential   *SequentialHunting
	Simultaneous *SimultaneousHunting
	Unknown      json.RawMessage
}

// LinearHunting is the spec's LinearHuntingConfiguration: members in
// order, each rung for RingTimeoutSeconds.
type LinearHunting struct {
	RingTimeoutSeconds int            `json:"ringTimeoutSeconds"`
	Members            []LinearMember `json:"members,omitempty"`
}

// LinearMember is the spec's LinearMember.
type LinearMember struct {
	BusinessLineID string `json:"businessLineId"`
	SequenceOrder  int    `json:"sequenceOrder"`
}

// SequentialHunting is the spec's SequentialHuntingConfiguration: members
// in order, each with its own ring timeout.
type SequentialHunting struct {
	Members []SequentialMember `json:"members,omitempty"`
}

// SequentialMember is the spec's SequentialMember.
type SequentialMember struct {
	BusinessLineID     string `json:"businessLineId"`
	RingTimeoutSeconds int    `json:"ringTimeoutSeconds"`
	SequenceOrder      int    `json:"sequenceOrder"`
}

// SimultaneousHunting is the spec's SimultaneousHuntingConfiguration: all
// members (business line ids) at once.
type SimultaneousHunting struct {
	RingTimeoutSeconds int      `json:"ringTimeoutSeconds"`
	Members            []string `json:"members"`
}

// Type is the "@type" of the variant that is set.
func (h HuntingConfiguration) Type() string {
	switch {
	case h.Linear != nil:
		return HuntingLinear
	case h.Sequential != nil:
		return HuntingSequential
	case h.Simultaneous != nil:
		return HuntingSimultaneous
	case h.Unknown != nil:
		tag, _ := unionTag("HuntingConfiguration", h.Unknown, "@type")
		return tag
	}
	return ""
}

// MarshalJSON writes the variant that is set with its "@type".
func (h HuntingConfiguration) MarshalJSON() ([]byte, error) {
	const family = "HuntingConfiguration"
	if err := checkUnion(family, h.Unknown, h.Linear != nil, h.Sequential != nil, h.Simultaneous != nil); err != nil {
		return nil, err
	}
	switch {
	case h.Linear != nil:
		return encodeTagged("@type", HuntingLinear, h.Linear)
	case h.Sequential != nil:
		return encodeTagged("@type", HuntingSequential, h.Sequential)
	case h.Simultaneous != nil:
		return encodeTagged("@type", HuntingSimultaneous, h.Simultaneous)
	}
	return h.Unknown, nil
}

// UnmarshalJSON chooses the variant from "@type"; an unknown or missing one
// is kept in Unknown.
func (h *HuntingConfiguration) UnmarshalJSON(data []byte) error {
	const family = "HuntingConfiguration"
	if isNull(data) {
		*h = HuntingConfiguration{Unknown: json.RawMessage("null")}
		return nil
	}
	tag, err := unionTag(family, data, "@type")
	if err != nil {
		return err
	}
	*h = HuntingConfiguration{}
	switch tag {
	case HuntingLinear:
		h.Linear, err = decodeVariant[LinearHunting](family, data)
	case HuntingSequential:
		h.Sequential, err = decodeVariant[SequentialHunting](family, data)
	case HuntingSimultaneous:
		h.Simultaneous, err = decodeVariant[SimultaneousHunting](family, data)
	default:
		h.Unknown = keepRaw(data)
	}
	return err
}

// FailoverAction is the spec's FailoverAction: what a hunt group does when
// it fails over for Reason. Exactly one of Busy, Forward, Voicemail or
// Unknown is set; the "@type" discriminator is written from it (Unknown is
// written as kept, Reason included).
type FailoverAction struct {
	Reason    FailoverReason
	Busy      *BusyFailoverAction
	Forward   *ForwardFailoverAction
	Voicemail *VoicemailFailoverAction
	Unknown   json.RawMessage
}

// FailoverActionRequest is what HuntGroups.UpdateFailoverAction sends.
type FailoverActionRequest = FailoverAction

// BusyFailoverAction is the spec's BusyFailoverAction.
type BusyFailoverAction struct{}

// ForwardFailoverAction is the spec's ForwardFailoverAction.
type ForwardFailoverAction struct {
	ForwardToPhoneNumber string `json:"forwardToPhoneNumber"`
}

// VoicemailFailoverAction is the spec's VoicemailFailoverAction.
type VoicemailFailoverAction struct {
	VoicemailBoxID string `json:"voicemailBoxId"`
}

// failoverCommon is the field every FailoverAction has.
type failoverCommon struct {
	Reason FailoverReason `json:"failoverReason,omitempty"`
}

// Type is the "@type" of the variant that is set.
func (f FailoverAction) Type() string {
	switch {
	case f.Busy != nil:
		return FailoverBusy
	case f.Forward != nil:
		return FailoverForward
	case f.Voicemail != nil:
		return FailoverVoicemail
	case f.Unknown != nil:
		tag, _ := unionTag("FailoverAction", f.Unknown, "@type")
		return tag
	}
	return ""
}

// MarshalJSON writes failoverReason and the variant that is set with its
// "@type".
func (f FailoverAction) MarshalJSON() ([]byte, error) {
	const family = "FailoverAction"
	if err := checkUnion(family, f.Unknown, f.Busy != nil, f.Forward != nil, f.Voicemail != nil); err != nil {
		return nil, err
	}
	common := failoverCommon{f.Reason}
	switch {
	case f.Busy != nil:
		return encodeTagged("@type", FailoverBusy, common, f.Busy)
	case f.Forward != nil:
		return encodeTagged("@type", FailoverForward, common, f.Forward)
	case f.Voicemail != nil:
		return encodeTagged("@type", FailoverVoicemail, common, f.Voicemail)
	}
	return f.Unknown, nil
}

// UnmarshalJSON chooses the variant from "@type"; an unknown or missing one
// is kept in Unknown (Reason is read in every case).
func (f *FailoverAction) UnmarshalJSON(data []byte) error {
	const family = "FailoverAction"
	if isNull(data) {
		*f = FailoverAction{Unknown: json.RawMessage("null")}
		return nil
	}
	tag, err := unionTag(family, data, "@type")
	if err != nil {
		return err
	}
	*f = FailoverAction{}
	c, err := decodeVariant[failoverCommon](family, data)
	if err != nil {
		return err
	}
	f.Reason = c.Reason
	switch tag {
	case FailoverBusy:
		f.Busy, err = decodeVariant[BusyFailoverAction](family, data)
	case FailoverForward:
		f.Forward, err = decodeVariant[ForwardFailoverAction](family, data)
	case FailoverVoicemail:
		f.Voicemail, err = decodeVariant[VoicemailFailoverAction](family, data)
	default:
		f.Unknown = keepRaw(data)
	}
	return err
}

func huntGroupsPath(p, accountID string, more ...string) string {
	return partitionPath(p, append([]string{"account", accountID, "business-line-hunt-group"}, more...)...)
}

// List is the spec's "Retrieve business line hunt group list" (GET
// /v2/partition/{partitionId}/account/{accountId}/business-line-hunt-group).
func (s *HuntGroupsService) List(ctx context.Context, accountID string) ([]HuntGroup, error) {
	const op = "HuntGroups.List"
	if err := checkID(op, "accountID", accountID); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out []HuntGroup
	if err := s.c.do(ctx, call{op: op, method: http.MethodGet, path: huntGroupsPath(p, accountID)}, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// Create is the spec's "Create a new business line hunt group" (POST
// /v2/partition/{partitionId}/account/{accountId}/business-line-hunt-group).
// A hunting configuration with no variant set, or more than one, is refused
// before anything is sent (ErrInvalidInput).
func (s *HuntGroupsService) Create(ctx context.Context, accountID string, req HuntGroupRequest) (*HuntGroup, error) {
	const op = "HuntGroups.Create"
	if err := checkID(op, "accountID", accountID); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out HuntGroup
	if err := s.c.do(ctx, call{op: op, method: http.MethodPost, path: huntGroupsPath(p, accountID), body: req}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Get is the spec's "Retrieve business line hunt group" (GET
// /v2/partition/{partitionId}/account/{accountId}/business-line-hunt-group/{huntGroupId}).
func (s *HuntGroupsService) Get(ctx context.Context, accountID, huntGroupID string) (*HuntGroup, error) {
	const op = "HuntGroups.Get"
	if err := checkIDs(op, "accountID", accountID, "huntGroupID", huntGroupID); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out HuntGroup
	if err := s.c.do(ctx, call{op: op, method: http.MethodGet, path: huntGroupsPath(p, accountID, huntGroupID)}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Update is the spec's "Update business line hunt group" (PUT
// /v2/partition/{partitionId}/account/{accountId}/business-line-hunt-group/{huntGroupId}).
func (s *HuntGroupsService) Update(ctx context.Context, accountID, huntGroupID string, req HuntGroupRequest) (*HuntGroup, error) {
	const op = "HuntGroups.Update"
	if err := checkIDs(op, "accountID", accountID, "huntGroupID", huntGroupID); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out HuntGroup
	if err := s.c.do(ctx, call{op: op, method: http.MethodPut, path: huntGroupsPath(p, accountID, huntGroupID), body: req}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// FailoverAction is the spec's "Retrieve business line hunt group failover
// action for the specified reason" (GET
// /v2/partition/{partitionId}/account/{accountId}/business-line-hunt-group/{huntGroupId}/failover-action/{reason}).
func (s *HuntGroupsService) FailoverAction(ctx context.Context, accountID, huntGroupID string, reason FailoverReason) (*FailoverAction, error) {
	const op = "HuntGroups.FailoverAction"
	if err := checkIDs(op, "accountID", accountID, "huntGroupID", huntGroupID, "reason", string(reason)); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out FailoverAction
	if err := s.c.do(ctx, call{op: op, method: http.MethodGet, path: huntGroupsPath(p, accountID, huntGroupID, "failover-action", string(reason))}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// UpdateFailoverAction is the spec's "Update business line hunt group
// failover action for the specified reason" (PUT
// /v2/partition/{partitionId}/account/{accountId}/business-line-hunt-group/{huntGroupId}/failover-action/{reason}).
// An action with no variant set, or more than one, is refused before
// anything is sent (ErrInvalidInput).
func (s *HuntGroupsService) UpdateFailoverAction(ctx context.Context, accountID, huntGroupID string, reason FailoverReason, req FailoverActionRequest) (*FailoverAction, error) {
	const op = "HuntGroups.UpdateFailoverAction"
	if err := checkIDs(op, "accountID", accountID, "huntGroupID", huntGroupID, "reason", string(reason)); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out FailoverAction
	if err := s.c.do(ctx, call{op: op, method: http.MethodPut, path: huntGroupsPath(p, accountID, huntGroupID, "failover-action", string(reason)), body: req}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
