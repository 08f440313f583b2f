package main

import "strings"

// entry is one row of a vendor's wire table that ispkit check can confirm:
// the answer of one call, as the SDK expects it. Paths are in the syntax of
// shape; a kind may list alternatives ("string|number") where the SDK
// reads either, as the vendors' servers send both.
type entry struct {
	Name   string // what the report calls it
	Method string
	// Path is a suffix of the request path; a "{}" segment matches any one
	// segment.
	Path string
	// MediaType, if set, is the Content-Type the answer must have
	// (parameters such as charset ignored).
	MediaType string
	// Status is the expected HTTP status class of this answer: 2 for a
	// success, 4 for a refusal (an error envelope).
	Status int
	// Required must be there with one of the kinds; Optional may be.
	Required map[string]string
	Optional map[string]string
	// Source says where the expectation comes from, as the package's wire
	// table marks it.
	Source string
}

// matches reports whether a request's method and path are this entry's.
func (e entry) matches(method, path string, status int) bool {
	if method != e.Method || status/100 != e.Status {
		return false
	}
	want := strings.Split(strings.Trim(e.Path, "/"), "/")
	got := strings.Split(strings.Trim(path, "/"), "/")
	if len(got) < len(want) {
		return false
	}
	got = got[len(got)-len(want):]
	for i := range want {
		if want[i] != "{}" && want[i] != got[i] {
			return false
		}
	}
	return true
}

func fields(pairs ...string) map[string]string {
	m := map[string]string{}
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = pairs[i+1]
	}
	return m
}

// bossEnvelope is every BOSS answer's envelope (result_code, message).
var bossEnvelope = []string{"$", "object", "$.result_code", "string|number", "$.message", "string"}

// alianzaAccountFields are the fields of an account answer the SDK reads
// (alianza.Account).
var alianzaAccountFields = fields("$.partitionId", "string", "$.accountName", "string", "$.billingCycleDay", "number",
	"$.customField", "string", "$.status", "string", "$.timeZone", "string", "$.languageTag", "string",
	"$.deletionDate", "string|number|null", "$.accountType", "string", "$.platformType", "string",
	"$.platformChangeDate", "string|number|null", "$.inboundRatePlanProductId", "string", "$.extensionLength", "number",
	"$.dialingBehaviorType", "string", "$.routePlanId", "string", "$.callScreeningSettings", "object|null",
	"$.holdMusicMediaId", "string", "$.holdTimeoutSeconds", "number", "$.allowDangerousExtensions", "bool",
	"$.domain", "string", "$.sendWelcomeEmail", "bool", "$.regulatoryType", "string", "$.endUserCount", "number",
	"$.customHoldMusicMediaId", "string", "$.callingPlans", "array|null", "$.callingPlans[]", "object",
	"$.callingPlans[].id", "string", "$.callingPlans[].referenceId", "string", "$.callingPlans[].referenceType", "string",
	"$.callingPlans[].callingPlanProductId", "string", "$.callingPlans[].startDate", "string|number|null",
	"$.callingPlans[].endDate", "string|number|null", "$.callingPlans[].planMinutes", "number",
	"$.callingPlans[].secondsRemaining", "number")

// wireTables are the entries ispkit check confirms, per vendor.
var wireTables = map[string][]entry{
	"baicells": {
		{Name: "plans: GET products/queryallplans", Method: "GET", Path: "/products/queryallplans", Status: 2,
			Required: fields("$", "array", "$[]", "object", "$[].service_plan_id", "string|number", "$[].service_plan_name", "string",
				"$[].uplink", "string|number", "$[].downlink", "string|number"),
			Optional: fields("$[].comments", "string|null", "$[].state", "string|number", "$[].session_id", "string"),
			Source:   "[doc] manual 2.2.6"},
		{Name: "subscriber: POST customers/querybyid", Method: "POST", Path: "/customers/querybyid", Status: 2,
			Required: fields(append(bossEnvelope, "$.sub_id", "string", "$.sub_status", "string|number", "$.imsi", "string|null",
				"$.service_plan_id", "string|number|null")...),
			Optional: fields("$.session_id", "string", "$.sub_name", "string|null", "$.id_num", "string|null", "$.phone_number", "string|null",
				"$.email", "string|null", "$.address", "string|null", "$.up_rate", "string|number", "$.down_rate", "string|number",
				"$.apn_info_list", "array|string|null", "$.apn_info_list[]", "object", "$.apn_info_list[].apn_name", "string",
				"$.apn_info_list[].apn_ambr_ul", "string|number", "$.apn_info_list[].apn_ambr_dl", "string|number",
				"$.apn_info_list[].ipv4", "string|null", "$.available", "string|number|bool"),
			Source: "[doc] manual 2.1.12"},
		{Name: "refusal envelope (unknown subscriber, 4002)", Method: "POST", Path: "/customers/querybyid", Status: 4,
			Required: fields(bossEnvelope...), Optional: fields("$.session_id", "string"), Source: "[doc] manual, error codes"},
		{Name: "write: POST customers/create", Method: "POST", Path: "/customers/create", Status: 2,
			Required: fields(bossEnvelope...), Optional: fields("$.session_id", "string"), Source: "[doc] manual 2.1.2"},
		{Name: "write: POST customers/delete", Method: "POST", Path: "/customers/delete", Status: 2,
			Required: fields(bossEnvelope...), Optional: fields("$.session_id", "string"), Source: "[doc] manual 2.1.16"},
	},
	"telecloud": {
		{Name: "Customer/Search (XML)", Method: "GET", Path: "/API/xml/Customer/Search", Status: 2,
			Required: fields("/telecloud", "element|empty"),
			Optional: fields("/telecloud/@trans_id", "attr", "/telecloud/customer", "element",
				"/telecloud/customer/@account_number", "attr", "/telecloud/customer/FIRST_NAME", "text|empty",
				"/telecloud/customer/LAST_NAME", "text|empty", "/telecloud/customer/EMAIL", "text|empty",
				"/telecloud/customer/STATUS", "text|empty", "/telecloud/customer/ACCOUNT_CREDIT", "text|empty",
				"/telecloud/customer/COMPANY", "text|empty", "/telecloud/customer/ADDRESS", "text|empty",
				"/telecloud/customer/UNIT_TYPE", "text|empty", "/telecloud/customer/UNIT_NUMBER", "text|empty",
				"/telecloud/customer/CITY", "text|empty", "/telecloud/customer/STATE", "text|empty",
				"/telecloud/customer/ZIP_CODE", "text|empty", "/telecloud/customer/COUNTRY", "text|empty",
				"/telecloud/customer/PHONE", "text|empty", "/telecloud/customer/LOCATION_TYPE", "text|empty",
				"/telecloud/customer/CREATION_DATE", "text|empty", "/telecloud/customer/CREATION_USER", "text|empty",
				"/telecloud/customer/COREID", "text|empty", "/telecloud/customer/VARID", "text|empty",
				"/telecloud/customer/PARTNERID", "text|empty", "/telecloud/customer/AFFILIATEID", "text|empty",
				"/telecloud/customer/DL", "text|empty", "/telecloud/customer/SSN", "text|empty",
				"/telecloud/customer/PASSWORD", "text|empty", "/telecloud/customer/PAYMENT_METHOD_ID", "text|empty",
				"/telecloud/customer/PAYMENT_METHOD_TYPE", "text|empty", "/telecloud/customer/CUSTOM_FIELD_1", "text|empty",
				"/telecloud/customer/CUSTOM_FIELD_2", "text|empty", "/telecloud/customer/notation", "element",
				"/telecloud/error", "text"),
			Source: "[doc] API reference, Customer/Search; [inferred] parameter names"},
		{Name: "write: Customer/Create (XML)", Method: "POST", Path: "/API/xml/Customer/Create", Status: 2,
			Required: fields("/telecloud", "element", "/telecloud/customer", "element", "/telecloud/customer/account_number", "text"),
			Optional: fields("/telecloud/@trans_id", "attr"),
			Source:   "[doc] API reference, Customer/Create"},
		{Name: "write: Customer/Delete (XML)", Method: "DELETE", Path: "/API/xml/Customer/Delete", Status: 2,
			Required: fields("/telecloud", "element", "/telecloud/account_number", "text"),
			Optional: fields("/telecloud/@trans_id", "attr", "/telecloud/status", "text"),
			Source:   "[doc] API reference, Customer/Delete"},
	},
	"alianza": {
		{Name: "login: POST /v2/authorize", Method: "POST", Path: "/v2/authorize", Status: 2,
			Required: fields("$", "object", "$.authToken", "string"),
			Optional: fields("$.maxLifeInHours", "number", "$.partitionId", "string", "$.userId", "string",
				"$.userType", "string", "$.username", "string"),
			Source: "[doc] OpenAPI AuthorizationResponse; [field] answered 201"},
		{Name: "device types: GET /v2/ref/devicetype", Method: "GET", Path: "/v2/ref/devicetype", Status: 2, MediaType: "application/json",
			Required: fields("$", "array", "$[]", "object", "$[].id", "string", "$[].name", "string"),
			Optional: fields("$[].deviceKind", "string", "$[].deviceTypeManufacturer", "string", "$[].faxSupported", "bool",
				"$[].macAddressRequired", "bool", "$[].numLines", "number"),
			Source: "[doc] OpenAPI DeviceTypeX"},
		{Name: "write: POST /v2/partition/{}/account", Method: "POST", Path: "/partition/{}/account", Status: 2, MediaType: "application/json",
			Required: fields("$", "object", "$.id", "string", "$.accountNumber", "string"),
			Optional: alianzaAccountFields, Source: "[doc] OpenAPI AccountX"},
		{Name: "write: GET /v2/partition/{}/account/{}", Method: "GET", Path: "/partition/{}/account/{}", Status: 2, MediaType: "application/json",
			Required: fields("$", "object", "$.id", "string", "$.accountNumber", "string"),
			Optional: alianzaAccountFields, Source: "[doc] OpenAPI AccountX"},
		{Name: "write: DELETE /v2/partition/{}/account/{}", Method: "DELETE", Path: "/partition/{}/account/{}", Status: 2,
			Source: "[doc] OpenAPI deleteAccount"},
		{Name: "time zones: GET /v2/ref/timezones", Method: "GET", Path: "/v2/ref/timezones", Status: 2,
			Required: fields("$", "object", "$.timeZones", "array", "$.timeZones[]", "string"),
			Source:   "[doc] OpenAPI"},
	},
	"octane": {
		{Name: "getServiceDetail (SOAP)", Method: "POST", Path: "/UtbServiceV3", Status: 2,
			Required: fields("/Envelope", "element", "/Envelope/Body", "element",
				"/Envelope/Body/getServiceDetailResponse", "element", "/Envelope/Body/getServiceDetailResponse/return", "element"),
			Optional: fields("/Envelope/Body/getServiceDetailResponse/return/errorCode", "text|empty",
				"/Envelope/Body/getServiceDetailResponse/return/errorMessage", "text|empty",
				"/Envelope/Body/getServiceDetailResponse/return/Instances", "element|empty",
				"/Envelope/Body/getServiceDetailResponse/return/Instances/Instance", "element",
				"/Envelope/Body/getServiceDetailResponse/return/Instances/Instance/serviceNumberDetail", "element",
				"/Envelope/Body/getServiceDetailResponse/return/Instances/Instance/serviceNumberDetail/lineSeqno", "text",
				"/Envelope/Body/getServiceDetailResponse/return/Instances/Instance/serviceNumberDetail/planNo", "text|empty",
				"/Envelope/Body/getServiceDetailResponse/return/Instances/Instance/serviceNumberDetail/serviceNumber", "text",
				"/Envelope/Body/getServiceDetailResponse/return/Instances/Instance/serviceNumberDetail/status", "text|empty",
				"/Envelope/Header", "element|empty"),
			Source: "[field: 2 clients] getServiceDetail"},
	},
}
