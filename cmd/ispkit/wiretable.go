package main

import (
	"reflect"
	"strings"

	"github.com/ispkit/ispkit/alianza"
	"github.com/ispkit/ispkit/telecloud"
)

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

// tcSearch is the entry of a TeleCloud search: the answer's root, and what
// the SDK's response type reads under it.
func tcSearch(service string, t reflect.Type) entry {
	return entry{Name: service + "/Search (XML)", Method: "GET", Path: "/API/xml/" + service + "/Search", Status: 2,
		Required: fields("/telecloud", "element|empty"), Optional: sdkXML(t, "/telecloud"),
		Source: "[doc] API reference, " + service + "/Search answer; read by telecloud." + t.Name()}
}

// alianzaEntry is the entry of an Alianza answer decoded into t: required
// are the root and the paths given (as strings), optional everything else
// the type reads.
func alianzaEntry(name, method, path string, t reflect.Type, required ...string) entry {
	opt := sdkJSON(t, "$")
	req := map[string]string{"$": strings.Split(opt["$"], "|")[0]}
	for _, p := range required {
		req[p] = "string"
	}
	tn := t.String()
	return entry{Name: name, Method: method, Path: path, Status: 2, MediaType: "application/json",
		Required: req, Optional: opt, Source: "[doc] OpenAPI; read by " + tn}
}

// wireTables are the entries ispkit check confirms, per vendor.
var wireTables = map[string][]entry{
	"baicells": {
		{Name: "plans: GET products/queryallplans", Method: "GET", Path: "/products/queryallplans", Status: 2,
			Required: fields("$", "array", "$[]", "object", "$[].service_plan_id", "string|number", "$[].service_plan_name", "string",
				"$[].uplink", "string|number", "$[].downlink", "string|number"),
			Optional: fields("$[].comments", "string|null", "$[].state", "string|number", "$[].session_id", "string"),
			Source:   "[doc] manual 2.2.6"},
		{Name: "plans by speed: GET products/querybylink/{}/{}", Method: "GET", Path: "/products/querybylink/{}/{}", Status: 2,
			Required: fields("$", "array"),
			Optional: fields("$[]", "object", "$[].service_plan_id", "string|number", "$[].service_plan_name", "string",
				"$[].uplink", "string|number", "$[].downlink", "string|number", "$[].comments", "string|null", "$[].state", "string|number",
				"$[].session_id", "string"),
			Source: "[doc] manual 2.2.5"},
		{Name: "IMSI query: POST customers/query", Method: "POST", Path: "/customers/query", Status: 2,
			Required: fields(append(bossEnvelope, "$.available", "bool|string|number")...),
			Optional: fields("$.session_id", "string", "$.sub_id", "string", "$.sub_status", "string|number", "$.imsi", "string|null",
				"$.service_plan_id", "string|number|null", "$.sub_name", "string|null", "$.id_num", "string|null",
				"$.phone_number", "string|null", "$.email", "string|null", "$.address", "string|null",
				"$.up_rate", "string|number", "$.down_rate", "string|number"),
			Source: "[doc] manual 2.1.1"},
		{Name: "hourly usage: POST usage/querybyhour", Method: "POST", Path: "/usage/querybyhour", Status: 2,
			Required: fields(append(bossEnvelope, "$.usage_infos", "array|null")...),
			Optional: fields("$.session_id", "string", "$.usage_infos[]", "object", "$.usage_infos[].imsi", "string",
				"$.usage_infos[].total_usage", "string|number", "$.usage_infos[].up_usage", "string|number",
				"$.usage_infos[].down_usage", "string|number", "$.usage_infos[].usage_time", "string"),
			Source: "[doc] manual 2.3.1"},
		{Name: "CDRs: POST usage/querycdr", Method: "POST", Path: "/usage/querycdr", Status: 2,
			Required: fields(append(bossEnvelope, "$.cdr_infos", "array|null")...),
			Optional: fields("$.session_id", "string", "$.cdr_infos[]", "object", "$.cdr_infos[].imsi", "string",
				"$.cdr_infos[].total_usage", "string|number", "$.cdr_infos[].up_usage", "string|number",
				"$.cdr_infos[].down_usage", "string|number", "$.cdr_infos[].duration", "string|number", "$.cdr_infos[].cdrdate", "string"),
			Source: "[doc] manual 2.3.2"},
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
		tcSearch("CloudAccount", reflect.TypeFor[telecloud.CloudAccountSearchResponse]()),
		tcSearch("ProductGroup", reflect.TypeFor[telecloud.ProductGroupSearchResponse]()),
		tcSearch("Plan", reflect.TypeFor[telecloud.PlanSearchResponse]()),
		tcSearch("UsageComponent", reflect.TypeFor[telecloud.UsageComponentSearchResponse]()),
		tcSearch("Promo", reflect.TypeFor[telecloud.PromoSearchResponse]()),
		tcSearch("Module", reflect.TypeFor[telecloud.ModuleSearchResponse]()),
		tcSearch("Gateways", reflect.TypeFor[telecloud.GatewaySearchResponse]()),
		tcSearch("User", reflect.TypeFor[telecloud.UserSearchResponse]()),
		tcSearch("Customer", reflect.TypeFor[telecloud.CustomerSearchResponse]()),
		tcSearch("Order", reflect.TypeFor[telecloud.OrderSearchResponse]()),
		tcSearch("PaymentMethod", reflect.TypeFor[telecloud.PaymentMethodSearchResponse]()),
		{Name: "write: Customer/Create (XML)", Method: "POST", Path: "/API/xml/Customer/Create", Status: 2,
			Required: fields("/telecloud", "element", "/telecloud/customer", "element", "/telecloud/customer/account_number", "text"),
			Optional: sdkXML(reflect.TypeFor[telecloud.CustomerCreateResponse](), "/telecloud"),
			Source:   "[doc] API reference, Customer/Create; read by telecloud.CustomerCreateResponse"},
		{Name: "write: Customer/Delete (XML)", Method: "DELETE", Path: "/API/xml/Customer/Delete", Status: 2,
			Required: fields("/telecloud", "element|empty"),
			Optional: sdkXML(reflect.TypeFor[telecloud.CustomerDeleteResponse](), "/telecloud"),
			Source:   "[doc] API reference, Customer/Delete; read by telecloud.CustomerDeleteResponse"},
	},
	"alianza": {
		{Name: "login: POST /v2/authorize", Method: "POST", Path: "/v2/authorize", Status: 2,
			Required: fields("$", "object", "$.authToken", "string"),
			Optional: fields("$.maxLifeInHours", "number", "$.partitionId", "string", "$.userId", "string",
				"$.userType", "string", "$.username", "string"),
			Source: "[doc] OpenAPI AuthorizationResponse; [field] answered 201"},
		alianzaEntry("device types: GET /v2/ref/devicetype", "GET", "/v2/ref/devicetype", reflect.TypeFor[[]alianza.DeviceType](), "$[].id", "$[].name"),
		alianzaEntry("device type: GET /v2/ref/devicetype/{}", "GET", "/v2/ref/devicetype/{}", reflect.TypeFor[alianza.DeviceType](), "$.id"),
		{Name: "time zones: GET /v2/ref/timezones", Method: "GET", Path: "/v2/ref/timezones", Status: 2, MediaType: "application/json",
			// A list of names, or a map of regions to lists of names: the
			// SDK reads both (stringLists).
			Required: fields("$", "object|array"),
			Optional: fields("$[]", "string", "$.<key>", "array", "$.<key>[]", "string", "$.timeZones", "array", "$.timeZones[]", "string"),
			Source:   "[doc] OpenAPI getTimeZones; read by ReferenceData.TimeZones"},
		alianzaEntry("languages: GET /v2/ref/language", "GET", "/v2/ref/language", reflect.TypeFor[[]alianza.Language]()),
		alianzaEntry("calling plan products: GET /partition/{}/callingplanproduct", "GET", "/partition/{}/callingplanproduct",
			reflect.TypeFor[[]alianza.CallingPlanProduct](), "$[].id"),
		alianzaEntry("inbound rate plans: GET /partition/{}/inboundrateplanproduct", "GET", "/partition/{}/inboundrateplanproduct",
			reflect.TypeFor[[]alianza.InboundRatePlan](), "$[].id"),
		alianzaEntry("account search: GET /partition/{}/account/search", "GET", "/partition/{}/account/search",
			reflect.TypeFor[[]alianza.AccountView](), "$[].id"),
		alianzaEntry("write: POST /partition/{}/account", "POST", "/partition/{}/account", reflect.TypeFor[alianza.Account](), "$.id", "$.accountNumber"),
		alianzaEntry("account users: GET /partition/{}/account/{}/user", "GET", "/partition/{}/account/{}/user", reflect.TypeFor[[]alianza.User](), "$[].id"),
		alianzaEntry("account device lines: GET /partition/{}/account/{}/deviceline", "GET", "/partition/{}/account/{}/deviceline",
			reflect.TypeFor[[]alianza.DeviceLine](), "$[].id"),
		alianzaEntry("account numbers: GET /partition/{}/account/{}/telephonenumber", "GET", "/partition/{}/account/{}/telephonenumber",
			reflect.TypeFor[[]alianza.TelephoneNumber]()),
		alianzaEntry("account product plans: GET /partition/{}/account/{}/user-product-plans", "GET", "/partition/{}/account/{}/user-product-plans",
			reflect.TypeFor[[]alianza.UserProductPlan](), "$[].id"),
		alianzaEntry("write: GET /partition/{}/account/{}", "GET", "/partition/{}/account/{}", reflect.TypeFor[alianza.Account](), "$.id", "$.accountNumber"),
		{Name: "write: DELETE /partition/{}/account/{}", Method: "DELETE", Path: "/partition/{}/account/{}", Status: 2,
			Source: "[doc] OpenAPI deleteAccount"},
		{Name: "refusal envelope (unknown account, 404)", Method: "GET", Path: "/partition/{}/account/{}", Status: 4, MediaType: "application/json",
			// PublicApiException; the SDK reads every error shape of the
			// spec at once (alianza/errors.go wireError).
			Required: fields("$", "object"),
			Optional: fields("$.status", "number|string", "$.messages", "array|null", "$.messages[]", "string|number|bool",
				"$.data", kindAny, "$.errors", "array|null", "$.errors[]", "string|number|bool",
				"$.code", "string|number|bool|null", "$.message", "string|number|bool|null", "$.description", "string|number|bool|null"),
			Source: "[doc] OpenAPI PublicApiException"},
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
		{Name: "queryBalanceV3 (SOAP)", Method: "POST", Path: "/UtbMobile", Status: 2,
			Required: fields("/Envelope", "element", "/Envelope/Body", "element",
				"/Envelope/Body/queryBalanceV3Response", "element", "/Envelope/Body/queryBalanceV3Response/return", "element"),
			Optional: fields("/Envelope/Body/queryBalanceV3Response/return/errorCode", "text|empty",
				"/Envelope/Body/queryBalanceV3Response/return/errorMessage", "text|empty",
				"/Envelope/Body/queryBalanceV3Response/return/balances", "element|empty",
				"/Envelope/Body/queryBalanceV3Response/return/balances/balance", "element",
				"/Envelope/Body/queryBalanceV3Response/return/balances/balance/type", "text|empty",
				"/Envelope/Body/queryBalanceV3Response/return/balances/balance/allowanceFmt", "text|empty",
				"/Envelope/Body/queryBalanceV3Response/return/balances/balance/usedFmt", "text|empty",
				"/Envelope/Header", "element|empty"),
			Source: "[field: 1 client] queryBalanceV3"},
		{Name: "pool details: GET /v1/datapool (REST)", Method: "GET", Path: "/v1/datapool", Status: 2, MediaType: "application/json",
			Required: fields("$", "object", "$.provider", "object", "$.provider.memberId", "string|number"),
			Optional: fields("$.errorCode", "number|string", "$.errorMessage", "string|null", "$.success", "bool|string",
				"$.provider.dataPoolStatus", "string", "$.provider.dataMaxCap", "string|number", "$.provider.dataUsage", "string|number",
				"$.provider.serviceNumber", "string|number",
				"$.consumers", "array|null", "$.consumers[]", "object", "$.consumers[].serviceNumber", "string|number",
				"$.consumers[].lineSeqNo", "string|number", "$.consumers[].dataPoolStatus", "string",
				"$.consumers[].dataLimit", "string|number|null", "$.consumers[].dataUsage", "string|number"),
			Source: "[field: 2 clients] provider; [guess] consumers"},
	},
}
