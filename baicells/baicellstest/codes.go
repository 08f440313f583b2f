package baicellstest

import "strconv"

// messages is Table 1-1 of the BOSS API Manual v1.6, verbatim: every
// result_code the fake can answer with and its documented message.
var messages = map[int]string{
	200:  "Success",
	4000: "sub_id field is required",
	4001: "sub_idConflict",
	4002: "Subscribers do not exist",
	4003: "Subscribers do not bind imsi",
	4004: "Subscribers do not bind service plan",
	4005: "Subscribers already exist",
	4006: "Subscriber already binds service plan",
	4007: "Subscriber already binds imsi",
	4008: "Session_id field is required",
	4009: "Subscriber does not match this cloud_key",
	4010: "Sub_id_list field is required",
	4011: "Subscribers do not exist or do not bind imsi and service plan",
	4012: "Number of subscribers is too many",
	4100: "Ip field is required",
	4101: "Ip is not a valid IP address",
	4102: "apn_profile field is required",
	4103: "APN does not exist",
	4104: "APN does not contain this IP address",
	4105: "Bind relation (Subscribers-apn-ip) does not exist",
	4106: "Bind relation already exists",
	4107: "Bind relation does not exist",
	4108: "apn_name is required",
	4109: "Data too long for apn_name",
	4110: "apn_ambr_ul is required",
	4111: "apn_ambr_ul format error",
	4112: "apn_ambr_dl is required",
	4113: "apn_ambr_dl format error",
	4200: "Service_plan_id field is required",
	4201: "Service_plan_id conflict",
	4202: "Service plan does not exist",
	4203: "New_Service_plan_id field is required",
	4205: "Service_plan_name field is required",
	4206: "datanode is required",
	4207: "Service plan does not match this cloud_key",
	4300: "IMSI field is required",
	4301: "IMSI format error",
	4302: "IMSI has been used",
	4303: "Please deactivate the subscriber before unbinding imsi!",
	4401: "Uplink field is required",
	4402: "Downlink field is required",
	4403: "Uplink must be a number",
	4404: "Downlink must be a number",
	4501: "Sub_list field is required",
	4502: "Sub_list format error",
	4503: "Exceeded 200 records limit",
	4601: "Configure 16 IP addresses at most",
	4602: "url field is required",
	4603: "url_ip field is required",
	4701: "Begin time is required",
	4702: "End time is required",
	4703: "Incorrect time format",
	4704: "Query usage by hour size. Time interval should not exceed 31 days.",
	4705: "Query CDR detail. Time interval should not exceed 7 days.",
	5001: "System error",
	5002: "cloud_key is required in request header",
	5003: "cloud_key does not exist",
	5004: "User or password error",
	5005: "User does not match this cloud_key",
}

// codeSuccess is the result_code of every successful call.
const codeSuccess = 200

// codeString renders a result code the way BOSS does: a JSON string.
func codeString(code int) string { return strconv.Itoa(code) }

// message returns the Table 1-1 message for code.
func message(code int) string {
	if m, ok := messages[code]; ok {
		return m
	}
	return messages[5001]
}
