package alianzatest

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
)

// Kinds of generated ids: the first character of the id, so that an id of
// one kind is never taken for another's.
const (
	kindAccount        = 'a'
	kindDeviceLine     = 'd'
	kindEndUser        = 'e'
	kindManagementUser = 'f'
	kindCallingPlan    = 'c'
	kindActivation     = '1'
	kindPort           = '2'
	kindReservation    = '3'
	kindStatusEvent    = '4'
	kindHistory        = '5'
	kindCDR            = '6'
	kindJob            = '7'
)

// newID returns an unused UUID-shaped id of a kind, from the kind's counter:
// the first account is "a0000000-0000-4000-8000-000000000001". s.mu must be
// held (or s not yet shared).
func (s *Server) newID(kind byte) string {
	for {
		s.next[kind]++
		id := fmt.Sprintf("%c0000000-0000-4000-8000-%012d", kind, s.next[kind])
		if !s.ids[id] {
			s.ids[id] = true
			return id
		}
	}
}

// randomToken returns a random version 4 UUID, the form of an auth token.
func randomToken() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// passwordAlphabet is what a generated SIP password is made of.
const passwordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"

// randomPassword returns a random SIP password of 16 characters.
func randomPassword() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	for i := range b {
		b[i] = passwordAlphabet[int(b[i])%len(passwordAlphabet)]
	}
	return string(b[:])
}

// decodeBody decodes a request body, which must be a JSON object, into v.
// A body that is empty, not JSON, not an object or not of v's types is
// answered 400 with a ValidationErrorResponse (false).
func decodeBody(raw []byte, v any) (reply, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return invalidBody("request body is required"), false
	}
	if raw[0] != '{' {
		if !json.Valid(raw) {
			return invalidBody("malformed JSON request body"), false
		}
		return invalidBody("request body must be a JSON object"), false
	}
	if err := json.Unmarshal(raw, v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return invalidBody(te.Field + " must be " + typeName(te.Type)), false
		}
		return invalidBody("malformed JSON request body"), false
	}
	return reply{}, true
}

// typeName names a Go type as a JSON type, for a ValidationErrorResponse.
func typeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	}
	return "an object"
}

// patchBody applies a JSON merge patch (RFC 7396) to the wire form of
// current and decodes the result into out: the fields of the patch replace
// those of current, a null removes one, nested objects merge. A patch that
// is not a JSON object, or whose result is not of out's types, is answered
// as decodeBody answers.
func patchBody(current any, raw []byte, out any) (reply, bool) {
	var patch map[string]any
	if rep, ok := decodeBody(raw, &patch); !ok {
		return rep, false
	}
	b, err := json.Marshal(current)
	if err != nil {
		return fail(500, "InternalServerError"), false
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		return fail(500, "InternalServerError"), false
	}
	merged, err := json.Marshal(mergePatch(doc, patch))
	if err != nil {
		return fail(500, "InternalServerError"), false
	}
	return decodeBody(merged, out)
}

// mergePatch applies patch to target (RFC 7396) and returns the result.
func mergePatch(target, patch map[string]any) map[string]any {
	if target == nil {
		target = map[string]any{}
	}
	for k, v := range patch {
		switch pv := v.(type) {
		case nil:
			delete(target, k)
		case map[string]any:
			tv, _ := target[k].(map[string]any)
			target[k] = mergePatch(tv, pv)
		default:
			target[k] = v
		}
	}
	return target
}

// length reports whether s has from lo to hi characters.
func length(s string, lo, hi int) bool {
	n := utf8.RuneCountInString(s)
	return n >= lo && n <= hi
}

// Enumerations of the spec.
var (
	accountTypes     = []string{"SIMPLE", "ADVANCED"}
	accountStatuses  = []string{"ACTIVE", "DISABLED", "DELETED", "DELETE_PENDING", "SUSPENDED", "PENDING"}
	dialingBehaviors = []string{"SEVEN_DIGIT", "TEN_DIGIT", "OPEN_DIAL_PLAN", "DIAL_NINE_SEVEN_DIGIT", "DIAL_NINE_TEN_DIGIT", "OPEN_DIAL_PLAN_TEN_DIGIT"}
	timeZones        = []string{
		"US/Samoa", "US/Hawaii", "US/Alaska", "US/Pacific", "US/Arizona", "US/Mountain", "US/Central", "US/Eastern",
		"America/St_Thomas", "Canada/Pacific", "Canada/Mountain", "Canada/Central", "Canada/Eastern", "Canada/Atlantic",
		"Canada/Newfoundland",
	}
	platformTypes    = []string{"V2_0", "V2_1", "CPE1", "CPE2"}
	regulatoryTypes  = []string{"RESIDENTIAL", "COMMERCIAL", "GOVERNMENT"}
	endUserTypes     = []string{"ADMIN", "ADVANCED_ADMIN", "BASIC_ADMIN", "STANDARD", "STANDARD_ADMIN", "SUPER_ADMIN"}
	userProductPlans = []string{"STANDARD", "ADVANCED", "PROFESSIONAL"}
	lineTypes        = []string{"Line", "AdvancedSharedLine", "ReferencedUser", "IntercomLine", "PresenceBlfUser", "SpeedDialUser", "SpeedDialTn", "CallParkingSpot", "SipPaging", "Custom"}
	filterTypes      = []string{"MAC_ADDRESS", "MAC_ADDRESS_INVENTORY", "OWNING_USERID", "REFERENCED_USERID", "ACCOUNT"}

	numberReferenceTypes = []string{"SIP_TRUNK", "END_USER", "IVR", "LINE_APPEARANCE", "LINE_HUNTGROUP", "TELEPHONE", "VFAX",
		"BUSINESS_LINE", "BUSINESS_LINE_HUNT_GROUP", "CALL_GROUP", "CALL_QUEUE", "AUTO_ATTENDANT", "SPECIALTY_LINE", "CONTACT_CENTER"}
	functionTypes       = []string{"ELS", "TollFree", "TemporaryNumber", "SPTN"}
	operationalStatuses = []string{"ACTIVE", "STAGED"}
	servicePackages     = []string{"Usage", "PrimaryLocalFlatRate", "PrimaryLocalAndDomesticLDFlatRate", "SecondaryLocalFlatRate",
		"SecondaryLocalAndDomesticLDFlatRate"}
	ringTypes         = []string{"StandardRing", "Ring1", "Ring2", "Ring3", "Ring4", "Ring5", "Ring6", "Ring7"}
	numberSearchTypes = []string{"POSTALCODE_OR_TN", "TN", "POSTALCODE", "LAT_LONG", "RATECENTER", "RATECENTER_CARRIER"}

	planReferenceTypes = []string{"SIP_TRUNK", "END_USER", "IVR", "ACCOUNT", "SPECIALTY_LINE", "CONTACT_CENTER"}
	callingPlanTypes   = []string{"SHARED_CALLING_PLAN", "NEW_CALLING_PLAN", "UNSHARED_CALLING_PLAN"}

	eventTypes = []string{"PORT_REQUEST", "CSR_CHANGE_REQUEST", "ACTIVATION", "NINE_ONE_ONE_ADDRESS", "DISCONNECT",
		"DYNAMIC_RESERVATION", "BYOTN_REQUEST", "SERVICE_PROVIDER_TN"}
	activationStatuses = []string{"PENDING", "IN_PROGRESS", "REJECTED", "FOC_RECEIVED", "FOC_REMOVED", "CANCELLED",
		"CANCEL_PENDING", "CARRIER_CANCELLED", "DELETE_PENDING", "DELETE_SCHEDULED", "COMPLETED", "CORRECTED_COMPLETED",
		"COOLDOWN", "HOT_CUT_PORT", "ON_HOLD", "RESELLER_PENDING"}
	dateTypes           = []string{"FOCDate", "UpdatedDate", "CreatedDate"}
	accountHistoryTypes = []string{"PHONE_NUMBER", "PROVISIONING", "CALL_FORWARDING", "CALL_SCREENING", "ADDRESS",
		"ADDRESS_CSR", "ADDRESS_E911", "ADDRESS_DIRECTORY_LISTING", "ACCOUNT_STATUS", "VOICEMAIL", "CALLING_PLAN",
		"INBOUND_CALLING_PLAN", "IVR", "SIP_TRUNK", "SIP_TRUNK_FORWARD", "SIP_TRUNK_GROUP", "DEVICE", "DEVICE_METADATA",
		"USER", "USER_API_AUTH", "LINE_HUNTGROUP", "ACCOUNT", "LINE_APPEARANCE", "LINE_HARDWARE", "VFAX", "PAGING_GROUP",
		"PICKUP_GROUP", "GROUP_OF_REFERENCES", "CALL_PARKING_SPOT", "ACCOUNT_USER", "SIP_CREDENTIALS", "BUSINESS_LINE",
		"BUSINESS_LINE_HUNT_GROUP", "CALL_GROUP", "CALL_QUEUE", "USER_DEVICE_LINE", "EMERGENCY_NOTIFICATION",
		"DYNAMIC_RESERVATION", "SPECIALTY_LINE", "AUTHORITY", "AUTO_ATTENDANT", "CONTACT", "CONTACT_CENTER",
		"CALL_RECORDING", "ACCOUNT_CODE", "SHORT_CODE", "MEDIA_MANAGEMENT", "SOUNDS", "USER_GROUP"}
	callCategories = []string{"OffNet", "OnNet", "DirectoryAssistance", "Emergency", "Operator", "PhoneSupport",
		"TeleRelayService", "NonEmergencyServices", "Other", "PublicServices", "NotResolved", "EmergencyServicesVerification"}
	callFlagTypes = []string{"MISSED", "VOICEMAIL", "FORWARDED", "BUSY", "ANSWERED", "OTHER", "PICKUP", "PICKED_UP"}
	callTypes     = []string{"INBOUND", "OUTBOUND"}
	cdrSorts      = []string{"COST", "CALL_LENGTH", "DATE"}
	sortOrders    = []string{"ASC", "DESC"}
)

// dialNine reports the DIAL_NINE_* behaviours, for ADVANCED accounts only.
func dialNine(d string) bool { return strings.HasPrefix(d, "DIAL_NINE_") }
