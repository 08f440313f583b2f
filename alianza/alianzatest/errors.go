package alianzatest

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

// Message keys the fake puts in PublicApiException.messages. Alianza
// documents the error shape but not its keys: ExpiredAuthToken,
// InvalidMacAddress and SipUsernameInUse are keys seen from the real
// server; every other key is the fake's own choice, named after the field
// or the condition, in the same style. Tests may compare them; a client
// should rely on the HTTP status and the three real keys.
const (
	// Authentication and routing.
	MessageInvalidCredentials = "InvalidCredentials" // 401: login with a wrong user name or password
	MessageFailedToUpdate     = "FailedToUpdate"     // 400: a new password that breaks the password rules (the spec's key)
	MessageMissingAuthToken   = "MissingAuthToken"   // 401: no X-AUTH-TOKEN header
	MessageExpiredAuthToken   = "ExpiredAuthToken"   // 401: a token unknown, logged out, expired or forced to expire (real key)
	MessageNotPermitted       = "NotPermitted"       // 403: a partition other than the token's
	MessageNotFound           = "NotFound"           // 404: no such endpoint
	MessageMethodNotAllowed   = "MethodNotAllowed"   // 405: the endpoint has no such method

	// Look-ups (404).
	MessageAccountNotFound = "AccountNotFound"
	MessageUserNotFound    = "UserNotFound"
	MessageDeviceNotFound  = "DeviceNotFound"

	// Accounts (400).
	MessageAccountNumberRequired       = "AccountNumberRequired"
	MessageInvalidAccountNumber        = "InvalidAccountNumber" // not 3–256 characters
	MessageAccountNumberInUse          = "AccountNumberInUse"   // another account of the partition has it
	MessageAccountNameRequired         = "AccountNameRequired"
	MessageInvalidAccountName          = "InvalidAccountName" // not 3–256 characters
	MessageAccountTypeRequired         = "AccountTypeRequired"
	MessageInvalidAccountType          = "InvalidAccountType" // not SIMPLE or ADVANCED
	MessageBillingCycleDayRequired     = "BillingCycleDayRequired"
	MessageInvalidBillingCycleDay      = "InvalidBillingCycleDay" // not 1–28
	MessageDialingBehaviorTypeRequired = "DialingBehaviorTypeRequired"
	MessageInvalidDialingBehaviorType  = "InvalidDialingBehaviorType" // not in the enum, or DIAL_NINE_* on a SIMPLE account
	MessageInvalidExtensionLength      = "InvalidExtensionLength"     // not 3–6
	MessageInvalidAccountStatus        = "InvalidAccountStatus"
	MessageInvalidTimeZone             = "InvalidTimeZone" // accounts and users
	MessageInvalidPlatformType         = "InvalidPlatformType"
	MessageInvalidRegulatoryType       = "InvalidRegulatoryType"
	MessageInvalidCustomField          = "InvalidCustomField"        // not 3–256 characters
	MessageInvalidHoldTimeoutSeconds   = "InvalidHoldTimeoutSeconds" // not 30–600

	// Reference data values of accounts and users (400).
	MessageInvalidLanguageTag              = "InvalidLanguageTag"              // not a language of GET /v2/ref/language
	MessageInvalidInboundRatePlanProductID = "InvalidInboundRatePlanProductId" // not an inbound rate plan of GET …/inboundrateplanproduct

	// Account users (400).
	MessageTimeZoneRequired       = "TimeZoneRequired" // neither the user nor its account has one
	MessageInvalidUsername        = "InvalidUsername"  // not 3–256 characters
	MessageUsernameInUse          = "UsernameInUse"    // any user of any account has it (case-insensitive)
	MessageInvalidFirstName       = "InvalidFirstName" // not 3–256 characters
	MessageInvalidLastName        = "InvalidLastName"  // not 3–256 characters
	MessageInvalidEmailAddress    = "InvalidEmailAddress"
	MessageInvalidExtension       = "InvalidExtension" // on a SIMPLE account, or not digits of the account's extension length
	MessageExtensionInUse         = "ExtensionInUse"   // another user of the account has it
	MessageInvalidEndUserType     = "InvalidEndUserType"
	MessageInvalidUserProductPlan = "InvalidUserProductPlan"
	MessageInvalidIDType          = "InvalidIdType" // GET user ?idType= not ID or UserName

	// Device lines (400).
	MessageSIPUsernameInUse   = "SipUsernameInUse"   // any line of any account and partition has it (real key)
	MessageInvalidSipUsername = "InvalidSipUsername" // blank, white space, '@' or ':'
	MessageInvalidMacAddress  = "InvalidMacAddress"  // not 12 hex digits (real key)
	MessageMacAddressInUse    = "MacAddressInUse"    // a line of another account has it
	MessageUserIDRequired     = "UserIdRequired"
	MessageInvalidUserID      = "InvalidUserId" // not a user of the account
	MessageInvalidLineNumber  = "InvalidLineNumber"
	MessageLineNumberInUse    = "LineNumberInUse" // another line of the account on the same MAC address has it
	MessageInvalidLineType    = "InvalidLineType"
	MessageInvalidFilterType  = "InvalidFilterType"
	MessageFilterRequired     = "FilterRequired"     // filterType without filter
	MessageFilterTypeRequired = "FilterTypeRequired" // filter without filterType

	// Device types of device lines (400).
	MessageDeviceTypeIDRequired = "DeviceTypeIdRequired" // a line without deviceTypeId (the spec requires it)
	MessageInvalidDeviceTypeID  = "InvalidDeviceTypeId"  // not a device type of GET /v2/ref/devicetype
	MessageMacAddressRequired   = "MacAddressRequired"   // no macAddress for a device type whose macAddressRequired is set

	// Reference data (404, 400).
	MessageDeviceTypeNotFound      = "DeviceTypeNotFound"      // 404: GET /v2/ref/devicetype/{id}
	MessageInboundRatePlanNotFound = "InboundRatePlanNotFound" // 404: GET …/inboundrateplanproduct/{ratePlanId}
	MessageInvalidIncludeArchived  = "InvalidIncludeArchived"  // 400: includeArchived not a boolean

	// Telephone numbers: the partition's inventory, reservations and the
	// numbers of accounts.
	MessageInvalidTelephoneNumber        = "InvalidTelephoneNumber"           // 400: not 10 to 15 digits (after an optional '+')
	MessageTelephoneNumberNotFound       = "TelephoneNumberNotFound"          // 404: not in the partition's inventory, or not on the account
	MessageTelephoneNumberInUse          = "TelephoneNumberInUse"             // 400: on an account (any partition), or a port of a number Alianza already has
	MessageTelephoneNumberReserved       = "TelephoneNumberReserved"          // 400: reserved by another management user
	MessageTelephoneNumberNotInInventory = "TelephoneNumberNotInInventory"    // 400: an activation of a number the partition's inventory does not have
	MessageReservationNotFound           = "ReservationNotFound"              // 404: a release of a number nobody reserved
	MessageTelephoneNumbersRequired      = "TelephoneNumbersRequired"         // 400: an activation without numbers or a port with numbers
	MessageDuplicateTelephoneNumber      = "DuplicateTelephoneNumber"         // 400: an activation naming a number twice
	MessageActivationPending             = "TelephoneNumberActivationPending" // 400: a removal while the number has an unfinished status event
	MessageInvalidReferenceType          = "InvalidReferenceType"             // numbers and calling plans
	MessageReferenceTypeRequired         = "ReferenceTypeRequired"            // a referenceId without referenceType
	MessageReferenceIDRequired           = "ReferenceIdRequired"              // a referenceType without referenceId
	MessageInvalidReferenceID            = "InvalidReferenceId"               // END_USER: not a user of the account
	MessageInvalidFunctionType           = "InvalidFunctionType"
	MessageInvalidOperationalStatus      = "InvalidOperationalStatus"
	MessageInvalidServicePackageType     = "InvalidServicePackageType"
	MessageInvalidRingType               = "InvalidRingType"
	MessageInvalidLimitedData            = "InvalidLimitedData" // limitedData not a boolean

	// The inventory search (…/telephonenumber/search).
	MessageInvalidSearchType  = "InvalidSearchType"  // 400: type not in the spec's enum
	MessageSearchTermRequired = "SearchTermRequired" // 400: no q (every type but LAT_LONG)
	MessageInvalidSearchTerm  = "InvalidSearchTerm"  // 422: q is not of the type's form
	MessageInvalidLatLong     = "InvalidLatLong"     // 400: LAT_LONG without lat and long, or out of range
	MessageInvalidMaxResults  = "InvalidMaxResults"  // 400: maxResults not a positive integer
	MessageInvalidCarrierID   = "InvalidCarrierId"   // 400: carrierId blank

	// Calling plans (…/callingplan).
	MessageCallingPlanReferenceIDRequired = "CallingPlanReferenceIdRequired" // neither callingPlanReferenceId nor callingPlanProductId
	MessageInvalidCallingPlanProductID    = "InvalidCallingPlanProductId"    // 400: no such calling plan product, or the two ids differ
	MessageInvalidCallingPlanType         = "InvalidCallingPlanType"
	MessageInvalidMinutesUsed             = "InvalidMinutesUsed"     // negative
	MessageInvalidSharedReference         = "InvalidSharedReference" // 400: SHARED_CALLING_PLAN with itself or a reference that shares
	MessageCallingPlanShared              = "CallingPlanShared"      // 400: the reference shares another's list, or another shares its list
	MessageCallingPlanNotShared           = "CallingPlanNotShared"   // 400: UNSHARED_CALLING_PLAN for a reference that shares nothing
	MessageCallingPlanNotFound            = "CallingPlanNotFound"    // 404: a removal of a plan the reference does not have
	MessageReferenceNotFound              = "ReferenceNotFound"      // 404: the reference is not the account or one of its users

	// Jobs (/v2/job/{jobId}).
	MessageJobNotFound       = "JobNotFound"       // 404: no such job in the caller's partition
	MessageJobOutputNotFound = "JobOutputNotFound" // 404: the job has not ended DONE (yet)

	// The paged searches (statussearch, accounthistorysearch, cdrsearch).
	MessageInvalidFirstResultIndex   = "InvalidFirstResultIndex" // not an integer ≥ 0
	MessageInvalidMaxResult          = "InvalidMaxResult"        // not an integer ≥ 1
	MessageInvalidStartDate          = "InvalidStartDate"
	MessageInvalidEndDate            = "InvalidEndDate"
	MessageStartDateRequired         = "StartDateRequired" // cdrsearch
	MessageEndDateRequired           = "EndDateRequired"   // cdrsearch
	MessageInvalidDateRange          = "InvalidDateRange"  // startDate after endDate
	MessageInvalidEventType          = "InvalidEventType"
	MessageInvalidStatusType         = "InvalidStatusType"
	MessageInvalidDateType           = "InvalidDateType"
	MessageInvalidAccountHistoryType = "InvalidAccountHistoryType"
	MessageInvalidCallCategory       = "InvalidCallCategory"
	MessageInvalidCallFlagType       = "InvalidCallFlagType"
	MessageInvalidCallType           = "InvalidCallType"
	MessageInvalidMinCost            = "InvalidMinCost"
	MessageInvalidSort               = "InvalidSort"
	MessageInvalidSortOrder          = "InvalidSortOrder"
	MessageInvalidStartTime          = "InvalidStartTime"
	MessageInvalidEndTime            = "InvalidEndTime"
	MessageInvalidAccountID          = "InvalidAccountId" // cdrsearch: not letters, digits, '-' and '_'

	// MessageInvalidAccountIDType is the message of the ApiSingleException
	// ({"code":400,"message":…}) answered for an accountIdType that is not
	// Id, AccountNumber, PhoneNumber or MacAddress, the one shape the spec
	// gives that look-up's 400.
	MessageInvalidAccountIDType = "InvalidAccountIdType"
)

// reply is an answer: a status and a body, JSON-encoded unless nil (an
// empty body).
type reply struct {
	status int
	body   any
	// raw, when contentType is set, is answered as is instead of body.
	raw         []byte
	contentType string
	// header holds extra headers of a raw answer (a Content-Disposition).
	header http.Header
}

// answer is a successful answer.
func answer(status int, body any) reply { return reply{status: status, body: body} }

// publicAPIException is the PublicApiException schema, the usual error
// shape.
type publicAPIException struct {
	Status   int            `json:"status"`
	Messages []string       `json:"messages"`
	Data     map[string]any `json:"data"`
}

// fail is a PublicApiException answer. A message key of a value taken from
// reference data is followed by a message saying what is valid and which
// call lists it (messageHints).
func fail(status int, messages ...string) reply {
	return reply{status: status, body: publicAPIException{Status: status, Messages: withHints(messages), Data: map[string]any{}}}
}

// messageHints explain the message keys of values that come from reference
// data: the valid values, or the call that lists them. They are the fake's
// own (Alianza's answers carry keys only, as far as the notes show), so
// that a refusal says where a valid value is found.
var messageHints = map[string]string{
	MessageInvalidTimeZone:    "timeZone must be one of " + strings.Join(timeZones, ", ") + " (GET /v2/ref/timezones)",
	MessageTimeZoneRequired:   "timeZone is required (the user's, or its account's): one of " + strings.Join(timeZones, ", ") + " (GET /v2/ref/timezones)",
	MessageInvalidLanguageTag: "languageTag must be one of " + strings.Join(languageIDs(), ", ") + " (GET /v2/ref/language)",
	MessageInvalidInboundRatePlanProductID: "inboundRatePlanProductId must be the id of an inbound rate plan: " +
		"GET /v2/partition/{partitionId}/inboundrateplanproduct lists them",
	MessageDeviceTypeIDRequired: "deviceTypeId is required: GET /v2/ref/devicetype lists the device types",
	MessageInvalidDeviceTypeID:  "deviceTypeId must be the id of a device type: GET /v2/ref/devicetype lists them",
	MessageMacAddressRequired:   "the device type requires a macAddress (macAddressRequired in GET /v2/ref/devicetype/{id})",
	MessageCallingPlanReferenceIDRequired: "callingPlanReferenceId is required: the id of a calling plan product " +
		"(GET /v2/partition/{partitionId}/callingplanproduct)",
	MessageInvalidCallingPlanProductID: "callingPlanReferenceId must be the id of a calling plan product " +
		"(GET /v2/partition/{partitionId}/callingplanproduct), and callingPlanProductId, if sent, the same",
	MessageInvalidUserProductPlan: "userProductPlan must be one of " + strings.Join(userProductPlans, ", ") +
		" (GET /v2/partition/{partitionId}/account/{accountId}/user-product-plans)",
}

// withHints returns messages with the hint of each key that has one after
// it.
func withHints(messages []string) []string {
	n := 0
	for _, m := range messages {
		if _, ok := messageHints[m]; ok {
			n++
		}
	}
	if n == 0 {
		return messages
	}
	out := make([]string, 0, len(messages)+n)
	for _, m := range messages {
		out = append(out, m)
		if h, ok := messageHints[m]; ok {
			out = append(out, h)
		}
	}
	return out
}

// gatewayUnauthorized is the body of a 401 the gateway in front of Alianza
// answers (WithGatewayUnauthorized).
type gatewayUnauthorized struct {
	Message string `json:"message"`
}

// validationErrorResponse is the ValidationErrorResponse schema: the fake
// answers it, with HTTP 400, for a body that is not JSON of the schema's
// types.
type validationErrorResponse struct {
	Errors []string `json:"errors"`
}

func invalidBody(msg string) reply {
	return reply{status: http.StatusBadRequest, body: validationErrorResponse{Errors: []string{msg}}}
}

// apiSingleException is the ApiSingleException schema.
type apiSingleException struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

// writeReply writes an answer.
func writeReply(w http.ResponseWriter, rep reply) {
	if rep.contentType != "" {
		for k, v := range rep.header {
			w.Header()[k] = v
		}
		w.Header().Set("Content-Type", rep.contentType)
		w.Header().Set("Content-Length", strconv.Itoa(len(rep.raw)))
		w.WriteHeader(rep.status)
		_, _ = w.Write(rep.raw)
		return
	}
	if rep.body == nil {
		w.Header().Set("Content-Length", "0")
		w.WriteHeader(rep.status)
		return
	}
	b, err := json.Marshal(rep.body)
	if err != nil {
		rep.status = http.StatusInternalServerError
		b = []byte(`{"status":500,"messages":["InternalServerError"],"data":{}}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(rep.status)
	_, _ = w.Write(b)
}
