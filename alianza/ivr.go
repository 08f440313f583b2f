package alianza

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// IVRComponentType is the "type" discriminator of an IVR component.
type IVRComponentType string

// The spec's IVR component types.
const (
	IVRHangup       IVRComponentType = "HANGUP"
	IVRMenu         IVRComponentType = "MENU"
	IVRDirectory    IVRComponentType = "DIRECTORY"
	IVRGroup        IVRComponentType = "GROUP"
	IVRIncoming     IVRComponentType = "INCOMING"
	IVRSchedule     IVRComponentType = "SCHEDULE"
	IVRDTMF         IVRComponentType = "DTMF"
	IVRMenuFailure  IVRComponentType = "MENU_FAILURE"
	IVRScheduleRule IVRComponentType = "SCHEDULE_RULE_COMPONENT"
	IVRUser         IVRComponentType = "USER"
	// IVRLineHuntGroup is in the spec's enum but has no schema: a
	// component of this type is kept in IVRComponent.Unknown.
	IVRLineHuntGroup IVRComponentType = "LINE_HUNTGROUP"
	IVRForward       IVRComponentType = "FORWARD"
)

// IVR is the spec's IVRX: an IVR's components and the mappings that connect
// them.
type IVR struct {
	ID                   string                `json:"id,omitempty"`
	AccountID            string                `json:"accountId,omitempty"`
	PartitionID          string                `json:"partitionId,omitempty"`
	Name                 string                `json:"name,omitempty"`
	Top                  string                `json:"top,omitempty"`
	Left                 string                `json:"left,omitempty"`
	FixedPosition        *bool                 `json:"fixedPosition,omitempty"`
	IVRComponents        []IVRComponent        `json:"ivrComponents"`
	IVRComponentMappings []IVRComponentMapping `json:"ivrComponentMappings"`
}

// UnmarshalJSON decodes an IVR, refusing one nested deeper than
// maxUnionDepth before its components are read (see maxUnionDepth).
func (v *IVR) UnmarshalJSON(data []byte) error {
	if d := jsonDepth(data); d > maxUnionDepth {
		return fmt.Errorf("alianza: IVR: nested %d deep, more than %d", d, maxUnionDepth)
	}
	type plain IVR // without this method
	return json.Unmarshal(data, (*plain)(v))
}

// IVRRequest is what IVRs.Create and IVRs.Update send (the whole IVR:
// Update is a PUT).
type IVRRequest IVR

// IVRComponentMapping is the spec's IVRComponentMappingX: a connection from
// one component (by id) to another.
type IVRComponentMapping struct {
	FromIVRComponentID string `json:"fromIvrComponentId"`
	ToIVRComponentID   string `json:"toIvrComponentId"`
}

// IVRComponent is the spec's IVRComponentX: the fields every component has,
// and exactly one variant (or Unknown) chosen by Type.
//
// The discriminator fix: the spec's IVRComponentX discriminates on "type"
// without a mapping, so each value names a schema of that name, but the
// value MENU_FAILURE names a schema that does not exist (the menu failure
// component's schema is MenuFailureX), and LINE_HUNTGROUP has none at all.
// This type maps MENU_FAILURE to MenuFailure, and keeps LINE_HUNTGROUP
// components, like any type this package does not know, in Unknown.
//
// When encoding, Type is written from the variant that is set (a Type that
// disagrees with it is an error); an Unknown component is written as kept.
type IVRComponent struct {
	ID   string           `json:"id"`
	Left string           `json:"left,omitempty"`
	Top  string           `json:"top,omitempty"`
	Name string           `json:"name,omitempty"`
	Type IVRComponentType `json:"type"`

	Hangup       *IVRHangupComponent       `json:"-"`
	Menu         *IVRMenuComponent         `json:"-"`
	Directory    *IVRDirectoryComponent    `json:"-"`
	Group        *IVRGroupComponent        `json:"-"`
	Incoming     *IVRIncomingComponent     `json:"-"`
	Schedule     *IVRScheduleComponent     `json:"-"`
	DTMF         *IVRDTMFComponent         `json:"-"`
	MenuFailure  *IVRMenuFailureComponent  `json:"-"`
	ScheduleRule *IVRScheduleRuleComponent `json:"-"`
	User         *IVRUserComponent         `json:"-"`
	Forward      *IVRForwardComponent      `json:"-"`
	// Unknown is the whole component, as sent, when its type has no
	// variant here (LINE_HUNTGROUP, or one the spec does not list).
	Unknown json.RawMessage `json:"-"`
}

// IVRHangupComponent is the spec's HANGUP.
type IVRHangupComponent struct {
	GoodBye string `json:"goodBye,omitempty"`
}

// IVRMenuComponent is the spec's MENU: its DTMF entries and Failure are
// components themselves (of type DTMF and MENU_FAILURE).
type IVRMenuComponent struct {
	InitPromptID                 string         `json:"initPromptId"`
	AllowBargeInDuringInitPrompt bool           `json:"allowBargeInDuringInitPrompt"`
	MenuPromptID                 string         `json:"menuPromptId"`
	MenuRepeatDelay              int            `json:"menuRepeatDelay"`
	DTMF                         []IVRComponent `json:"dtmf"`
	Failure                      *IVRComponent  `json:"failure,omitempty"`
}

// IVRDirectoryComponent is the spec's DIRECTORY.
type IVRDirectoryComponent struct {
	IntroPrompt            string               `json:"introPrompt,omitempty"`
	InvalidSelectionPrompt string               `json:"invalidSelectionPrompt,omitempty"`
	DirectoryDialType      IVRDirectoryDialType `json:"directoryDialType,omitempty"`
}

// IVRDirectoryDialType is how callers look a directory entry up.
type IVRDirectoryDialType string

// The spec's directory dial types.
const (
	IVRDirectoryByName      IVRDirectoryDialType = "NAME"
	IVRDirectoryByExtension IVRDirectoryDialType = "EXTENSION"
)

// IVRGroupRingType is how an IVR group rings its members.
type IVRGroupRingType string

// The spec's IVR group ring types.
const (
	IVRGroupRingSimultaneous          IVRGroupRingType = "SIMULTANEOUS"
	IVRGroupRingSequential            IVRGroupRingType = "SEQUENTIAL"
	IVRGroupRingSingleDeviceFromGroup IVRGroupRingType = "SINGLE_DEVICE_FROM_GROUP"
)

// IVRGroupType is what an IVR group's members are.
type IVRGroupType string

// The spec's IVR group types.
const (
	IVRGroupOfUsers   IVRGroupType = "USER"
	IVRGroupOfDevices IVRGroupType = "DEVICE"
)

// IVRGroupComponent is the spec's GROUP.
type IVRGroupComponent struct {
	RoutedToList       []IVRRoutedTo    `json:"routedToList"`
	RingType           IVRGroupRingType `json:"ringType"`
	GroupType          IVRGroupType     `json:"groupType"`
	TimeoutSeconds     *int             `json:"timeoutSeconds,omitempty"`
	TimeoutComponentID string           `json:"timeoutComponentId,omitempty"`
}

// IVRRoutedTo is the spec's RoutedTo: a group member and its timeout.
type IVRRoutedTo struct {
	ID             string `json:"id"`
	TimeoutSeconds int    `json:"timeoutSeconds"`
}

// IVRIncomingComponent is the spec's INCOMING (no fields of its own).
type IVRIncomingComponent struct{}

// IVRScheduleComponent is the spec's SCHEDULE: its rules are components of
// type SCHEDULE_RULE_COMPONENT.
type IVRScheduleComponent struct {
	ScheduleComponent []IVRComponent `json:"scheduleComponent"`
}

// IVRDTMFComponent is the spec's DTMF: the digit of a menu entry.
type IVRDTMFComponent struct {
	Digit string `json:"digit"`
}

// IVRMenuFailureComponent is the spec's MenuFailureX (type MENU_FAILURE).
type IVRMenuFailureComponent struct {
	MenuTimeout            int    `json:"menuTimeout"`
	InvalidSelectionPrompt string `json:"invalidSelectionPrompt"`
	MaxInvalidSelections   int    `json:"maxInvalidSelections"`
}

// IVRScheduleRuleComponent is the spec's SCHEDULE_RULE_COMPONENT, with the
// generated WeeklySchedule and CustomSchedule.
type IVRScheduleRuleComponent struct {
	Weekly map[string]WeeklySchedule `json:"weekly,omitempty"`
	Custom *CustomSchedule           `json:"custom,omitempty"`
}

// IVRUserComponent is the spec's USER.
type IVRUserComponent struct {
	UserID                  string `json:"userId,omitempty"`
	SendDirectlyToVoicemail *bool  `json:"sendDirectlyToVoicemail,omitempty"`
}

// IVRForwardComponent is the spec's FORWARD.
type IVRForwardComponent struct {
	ToNumber string `json:"toNumber,omitempty"`
}

// ivrCommon is IVRComponent's own fields, encoded without its methods.
type ivrCommon struct {
	ID   string           `json:"id"`
	Left string           `json:"left,omitempty"`
	Top  string           `json:"top,omitempty"`
	Name string           `json:"name,omitempty"`
	Type IVRComponentType `json:"type"`
}

// variant is the type and value of the variant that is set, and how many
// are set.
func (c IVRComponent) variant() (IVRComponentType, any, int) {
	var t IVRComponentType
	var v any
	n := 0
	pick := func(set bool, vt IVRComponentType, vv any) {
		if set {
			n++
			t, v = vt, vv
		}
	}
	pick(c.Hangup != nil, IVRHangup, c.Hangup)
	pick(c.Menu != nil, IVRMenu, c.Menu)
	pick(c.Directory != nil, IVRDirectory, c.Directory)
	pick(c.Group != nil, IVRGroup, c.Group)
	pick(c.Incoming != nil, IVRIncoming, c.Incoming)
	pick(c.Schedule != nil, IVRSchedule, c.Schedule)
	pick(c.DTMF != nil, IVRDTMF, c.DTMF)
	pick(c.MenuFailure != nil, IVRMenuFailure, c.MenuFailure)
	pick(c.ScheduleRule != nil, IVRScheduleRule, c.ScheduleRule)
	pick(c.User != nil, IVRUser, c.User)
	pick(c.Forward != nil, IVRForward, c.Forward)
	return t, v, n
}

// MarshalJSON writes the common fields, "type" and the variant that is
// set; an Unknown component is written as kept.
func (c IVRComponent) MarshalJSON() ([]byte, error) {
	const family = "IVRComponent"
	t, v, n := c.variant()
	set := make([]bool, n)
	for i := range set {
		set[i] = true
	}
	if err := checkUnion(family, c.Unknown, set...); err != nil {
		return nil, err
	}
	if c.Unknown != nil {
		return c.Unknown, nil
	}
	if c.Type != "" && c.Type != t {
		return nil, fmt.Errorf("alianza: %s %q: Type is %s but the %s variant is set", family, c.ID, c.Type, t)
	}
	return encodeTagged("", "", ivrCommon{c.ID, c.Left, c.Top, c.Name, t}, v)
}

// UnmarshalJSON reads the common fields and chooses the variant from
// "type" (MENU_FAILURE: MenuFailure); any other type is kept in Unknown.
func (c *IVRComponent) UnmarshalJSON(data []byte) error {
	const family = "IVRComponent"
	if isNull(data) {
		*c = IVRComponent{Unknown: json.RawMessage("null")}
		return nil
	}
	// One pass for the common fields (which refuses anything but an
	// object, and a type that is not a string), one for the variant: the
	// components nest (a menu's DTMF entries and failure, a schedule's
	// rules), so each pass over a subtree counts.
	common, err := decodeVariant[ivrCommon](family, data)
	if err != nil {
		return err
	}
	*c = IVRComponent{ID: common.ID, Left: common.Left, Top: common.Top, Name: common.Name, Type: common.Type}
	switch common.Type {
	case IVRHangup:
		c.Hangup, err = decodeVariant[IVRHangupComponent](family, data)
	case IVRMenu:
		c.Menu, err = decodeVariant[IVRMenuComponent](family, data)
	case IVRDirectory:
		c.Directory, err = decodeVariant[IVRDirectoryComponent](family, data)
	case IVRGroup:
		c.Group, err = decodeVariant[IVRGroupComponent](family, data)
	case IVRIncoming:
		c.Incoming, err = decodeVariant[IVRIncomingComponent](family, data)
	case IVRSchedule:
		c.Schedule, err = decodeVariant[IVRScheduleComponent](family, data)
	case IVRDTMF:
		c.DTMF, err = decodeVariant[IVRDTMFComponent](family, data)
	case IVRMenuFailure: // the spec's mapping names a MENU_FAILURE schema; it is MenuFailureX
		c.MenuFailure, err = decodeVariant[IVRMenuFailureComponent](family, data)
	case IVRScheduleRule:
		c.ScheduleRule, err = decodeVariant[IVRScheduleRuleComponent](family, data)
	case IVRUser:
		c.User, err = decodeVariant[IVRUserComponent](family, data)
	case IVRForward:
		c.Forward, err = decodeVariant[IVRForwardComponent](family, data)
	default:
		c.Unknown = keepRaw(data)
	}
	return err
}

func ivrPath(p, accountID string, more ...string) string {
	return partitionPath(p, append([]string{"account", accountID, "ivr"}, more...)...)
}

// List is the spec's "Retrieve all IVRs for account" (GET
// /v2/partition/{partitionId}/account/{accountId}/ivr).
func (s *IVRsService) List(ctx context.Context, accountID string) ([]IVR, error) {
	const op = "IVRs.List"
	if err := checkID(op, "accountID", accountID); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out []IVR
	if err := s.c.do(ctx, call{op: op, method: http.MethodGet, path: ivrPath(p, accountID)}, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// Create is the spec's "Create IVR" (POST
// /v2/partition/{partitionId}/account/{accountId}/ivr). A component with no
// variant set, more than one, or a Type that disagrees with its variant is
// refused before anything is sent (ErrInvalidInput).
func (s *IVRsService) Create(ctx context.Context, accountID string, req IVRRequest) (*IVR, error) {
	const op = "IVRs.Create"
	if err := checkID(op, "accountID", accountID); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out IVR
	if err := s.c.do(ctx, call{op: op, method: http.MethodPost, path: ivrPath(p, accountID), body: req}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Get is the spec's "Retrieve IVR" (GET
// /v2/partition/{partitionId}/account/{accountId}/ivr/{ivrId}).
func (s *IVRsService) Get(ctx context.Context, accountID, ivrID string) (*IVR, error) {
	const op = "IVRs.Get"
	if err := checkIDs(op, "accountID", accountID, "ivrID", ivrID); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out IVR
	if err := s.c.do(ctx, call{op: op, method: http.MethodGet, path: ivrPath(p, accountID, ivrID)}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Update is the spec's "Update IVR" (PUT
// /v2/partition/{partitionId}/account/{accountId}/ivr/{ivrId}).
func (s *IVRsService) Update(ctx context.Context, accountID, ivrID string, req IVRRequest) (*IVR, error) {
	const op = "IVRs.Update"
	if err := checkIDs(op, "accountID", accountID, "ivrID", ivrID); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out IVR
	if err := s.c.do(ctx, call{op: op, method: http.MethodPut, path: ivrPath(p, accountID, ivrID), body: req}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
