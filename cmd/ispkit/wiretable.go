package main

import (
	"reflect"
	"strings"

	"github.com/ispkit/ispkit/alianza"
	"github.com/ispkit/ispkit/internal/wireshape"
	"github.com/ispkit/ispkit/telecloud"
)

// entry is one row of a vendor's wire table that ispkit check can confirm
// (see internal/wireshape).
type entry = wireshape.Entry

var fields = wireshape.Fields

// tcSearch is the entry of a TeleCloud search: the answer's root, and what
// the SDK's response type reads under it.
func tcSearch(service string, t reflect.Type) entry {
	return entry{Name: service + "/Search (XML)", Method: "GET", Path: "/API/xml/" + service + "/Search", Status: 2,
		Required: fields("/telecloud", "element|empty"), Optional: wireshape.TeleCloudXML(t, "/telecloud"),
		Source: "[doc] API reference, " + service + "/Search answer; read by telecloud." + t.Name()}
}

// alianzaEntry is the entry of an Alianza answer decoded into t: required
// are the root and the paths given (as strings), optional everything else
// the type reads.
func alianzaEntry(name, method, path string, t reflect.Type, required ...string) entry {
	opt := wireshape.JSON(t, "$")
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
	"baicells": wireshape.Baicells,
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
			Optional: wireshape.TeleCloudXML(reflect.TypeFor[telecloud.CustomerCreateResponse](), "/telecloud"),
			Source:   "[doc] API reference, Customer/Create; read by telecloud.CustomerCreateResponse"},
		{Name: "write: Customer/Delete (XML)", Method: "DELETE", Path: "/API/xml/Customer/Delete", Status: 2,
			Required: fields("/telecloud", "element|empty"),
			Optional: wireshape.TeleCloudXML(reflect.TypeFor[telecloud.CustomerDeleteResponse](), "/telecloud"),
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
				"$.data", wireshape.KindAny, "$.errors", "array|null", "$.errors[]", "string|number|bool",
				"$.code", "string|number|bool|null", "$.message", "string|number|bool|null", "$.description", "string|number|bool|null"),
			Source: "[doc] OpenAPI PublicApiException"},
	},
	"octane": wireshape.Octane,
}
