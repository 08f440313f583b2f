package baicells

import (
	"context"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SubscriberStatus is sub_status on the wire: "0" active, "1" deactive. Other
// values a server may send are kept as they came.
type SubscriberStatus string

const (
	StatusActive   SubscriberStatus = "0"
	StatusInactive SubscriberStatus = "1"
)

// Active reports whether the subscriber is active.
func (s SubscriberStatus) Active() bool { return s == StatusActive }

// String returns "active", "inactive", or the raw value.
func (s SubscriberStatus) String() string {
	switch s {
	case StatusActive:
		return "active"
	case StatusInactive:
		return "inactive"
	}
	return string(s)
}

// PlanState is a service plan's state on the wire: "0" active, "1" inactive.
type PlanState string

const (
	PlanActive   PlanState = "0"
	PlanInactive PlanState = "1"
)

// String returns "active", "inactive", or the raw value.
func (s PlanState) String() string {
	switch s {
	case PlanActive:
		return "active"
	case PlanInactive:
		return "inactive"
	}
	return string(s)
}

// Profile is a subscriber's identity and contact data. ID is the caller's own
// subscriber id (sub_id). In Modify, empty fields are not sent and so are left
// unchanged: the manual offers no way to clear a field.
type Profile struct {
	ID       string // sub_id
	Name     string // sub_name
	IDNumber string // id_num, the subscriber's ID document number
	Phone    string // phone_number
	Email    string
	Address  string
}

// Subscriber is a subscriber as BOSS reports it.
type Subscriber struct {
	Profile
	IMSI   string // "" when none is bound
	PlanID string // service_plan_id, "" when none is bound
	Status SubscriberStatus
	// UplinkRate and DownlinkRate (up_rate/down_rate) are the speeds in force,
	// in the manual's unit "MB". Only Get reports them.
	UplinkRate, DownlinkRate int
	// APNs are the APN bindings (local OMC+BOSS only). Only Get reports them.
	APNs []APNInfo
}

// Active reports whether the subscriber is active.
func (s *Subscriber) Active() bool { return s.Status.Active() }

// APNInfo is one entry of apn_info_list.
type APNInfo struct {
	Name         string
	AMBRUplink   int
	AMBRDownlink int
	IPv4         string // as sent, "" when no static IP
}

// IMSIQuery is the answer to QueryByIMSI. Available is true when no
// subscriber holds the IMSI; otherwise Subscriber is the holder, when it
// belongs to this cloud key.
type IMSIQuery struct {
	Available  bool
	Subscriber *Subscriber
}

// Speed is an uplink/downlink pair in the manual's unit "MB".
type Speed struct {
	Uplink   int
	Downlink int
}

// APNRequest is the input of BindAPN and RemoveAPN (local OMC+BOSS only).
type APNRequest struct {
	SubID        string
	Name         string // apn_name
	AMBRUplink   int    // apn_ambr_ul
	AMBRDownlink int    // apn_ambr_dl
	// IPs are the static IPv4 addresses, at most 16 (code 4601); none means no
	// static IP. RemoveAPN ignores them.
	IPs []netip.Addr
}

// MaxAPNIPs is the most static IPs one binding may carry (code 4601).
const MaxAPNIPs = 16

// Plan is a service plan (package/profile). Comments is write-only: the list
// queries do not return it.
type Plan struct {
	ID       string // service_plan_id
	Name     string // service_plan_name
	Uplink   int    // "MB"
	Downlink int    // "MB"
	Comments string
	State    PlanState // reported by the list queries; ignored by Create and Modify
}

// ---- validation shared by the services ----

const (
	imsiMinLen = 6  // 3-digit MCC, 2-digit MNC, at least one MSIN digit
	imsiMaxLen = 15 // 3GPP TS 23.003: at most 15 digits
)

// ValidateIMSI reports whether imsi is an IMSI the client sends: 6 to 15
// ASCII digits (a 3-digit MCC, a 2-digit MNC and at least one MSIN digit;
// 3GPP TS 23.003 allows at most 15). It returns nil or a *ValidationError
// with Field "IMSI" matching ErrInvalidInput. Every call that takes an IMSI
// (QueryByIMSI, BindIMSI, BulkCreate …) applies this rule before sending.
func ValidateIMSI(imsi string) error {
	if r := imsiProblem(imsi); r != "" {
		return &ValidationError{Op: "ValidateIMSI", Field: "IMSI", Reason: r}
	}
	return nil
}

// ValidateSubID reports whether id is a sub_id the client sends: not empty or
// blank, not "." or "..", valid UTF-8 and free of control characters (NUL,
// CR, LF, DEL, C1). It returns nil or a *ValidationError with Field "SubID"
// matching ErrInvalidInput. Every call that takes a sub_id (Create, Get,
// BulkCreate, BulkActivate …) applies this rule before sending.
func ValidateSubID(id string) error {
	if r := idProblem(id); r != "" {
		return &ValidationError{Op: "ValidateSubID", Field: "SubID", Reason: r}
	}
	return nil
}

// Validate checks r as BulkCreate checks each record before sending it: the
// sub_id (Profile.ID, see ValidateSubID) and the IMSI (see ValidateIMSI) are
// required, and the profile's free-text fields must be valid UTF-8. It
// returns nil or a *ValidationError matching ErrInvalidInput whose Field is
// "ID", "Name", "IDNumber", "Phone", "Email", "Address" or "IMSI". It cannot
// see what only the server knows (a sub_id or IMSI already taken) nor a
// repeat within one BulkCreate input.
func (r SubscriberCreateRequest) Validate() error {
	if err := r.check("SubscriberCreateRequest.Validate", ""); err != nil {
		return err
	}
	return nil
}

// check is Validate with the op and a prefix for the field's name
// ("subs[3]."). Validate converts its nil to a nil error.
func (r SubscriberCreateRequest) check(op, prefix string) *ValidationError {
	if f, why := profileProblem(r.Profile); why != "" {
		return &ValidationError{Op: op, Field: prefix + f, Reason: why}
	}
	if why := imsiProblem(r.IMSI); why != "" {
		return &ValidationError{Op: op, Field: prefix + "IMSI", Reason: why}
	}
	return nil
}

func checkIMSI(op, field, imsi string) error {
	if r := imsiProblem(imsi); r != "" {
		return invalid(op, field, "%s", r)
	}
	return nil
}

// imsiProblem says why imsi is not an IMSI, "" when it is. The reasons are
// built only on failure: BulkCreate checks thousands of records.
func imsiProblem(imsi string) string {
	if imsi == "" {
		return "is empty"
	}
	if len(imsi) < imsiMinLen || len(imsi) > imsiMaxLen {
		return fmt.Sprintf("%q has %d characters; an IMSI has %d to %d digits", imsi, len(imsi), imsiMinLen, imsiMaxLen)
	}
	for i := 0; i < len(imsi); i++ {
		if imsi[i] < '0' || imsi[i] > '9' {
			return fmt.Sprintf("%q: an IMSI has digits only", imsi)
		}
	}
	return ""
}

// checkID refuses an id that BOSS could not store as given or a path could
// not carry: empty or blank, "." or "..", not UTF-8 (json.Marshal would
// send U+FFFD in place of the bad bytes, so that two ids became one), or
// holding a control character (NUL, CR, LF, DEL, C1).
func checkID(op, field, id string) error {
	if r := idProblem(id); r != "" {
		return invalid(op, field, "%s", r)
	}
	return nil
}

// checkRequired refuses a required value that is blank, not UTF-8 or holds
// a control character.
func checkRequired(op, field, v string) error {
	if r := requiredProblem(v); r != "" {
		return invalid(op, field, "%s", r)
	}
	return nil
}

// checkText refuses optional free text that is not UTF-8: it would be
// altered on the wire.
func checkText(op, field, v string) error {
	if r := textProblem(v); r != "" {
		return invalid(op, field, "%s", r)
	}
	return nil
}

// checkProfile checks a profile's id and its free-text fields; prefix is
// put before the field's name in the error.
func checkProfile(op, prefix string, p Profile) error {
	if f, r := profileProblem(p); r != "" {
		return invalid(op, prefix+f, "%s", r)
	}
	return nil
}

// The *Problem functions say why a value cannot be sent, "" when it can.
// They allocate nothing for a good value.

func idProblem(id string) string {
	if r := requiredProblem(id); r != "" {
		return r
	}
	if id == "." || id == ".." {
		return strconv.Quote(id) + " is not an id"
	}
	return ""
}

func requiredProblem(v string) string {
	switch {
	case strings.TrimSpace(v) == "":
		return "is empty"
	case !utf8.ValidString(v):
		return "is not valid UTF-8"
	case strings.IndexFunc(v, unicode.IsControl) >= 0:
		return "contains a control character"
	}
	return ""
}

func textProblem(v string) string {
	if !utf8.ValidString(v) {
		return "is not valid UTF-8"
	}
	return ""
}

// profileProblem returns the field at fault ("ID", "Name" …) and why.
func profileProblem(p Profile) (field, reason string) {
	if r := idProblem(p.ID); r != "" {
		return "ID", r
	}
	for _, f := range [...]struct{ name, v string }{
		{"Name", p.Name}, {"IDNumber", p.IDNumber}, {"Phone", p.Phone}, {"Email", p.Email}, {"Address", p.Address},
	} {
		if r := textProblem(f.v); r != "" {
			return f.name, r
		}
	}
	return "", ""
}

// checkPlan checks what Plans.Create and Plans.Modify send.
func checkPlan(op string, p Plan) error {
	if err := checkID(op, "Plan.ID", p.ID); err != nil {
		return err
	}
	if err := checkRequired(op, "Plan.Name", p.Name); err != nil {
		return err
	}
	if err := checkText(op, "Plan.Comments", p.Comments); err != nil {
		return err
	}
	return checkSpeed(op, Speed{Uplink: p.Uplink, Downlink: p.Downlink})
}

// checkCtx refuses a nil context before anything else is done.
func checkCtx(ctx context.Context, op string) error {
	if ctx == nil {
		return invalid(op, "ctx", "is nil")
	}
	return nil
}

func checkSpeed(op string, s Speed) error {
	if s.Uplink < 0 {
		return invalid(op, "Uplink", "%d is negative", s.Uplink)
	}
	if s.Downlink < 0 {
		return invalid(op, "Downlink", "%d is negative", s.Downlink)
	}
	return nil
}
