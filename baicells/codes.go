// The 58 result codes of Table 1-1 of the BOSS API Manual v1.6, with the
// table's messages verbatim. TestCodesMatchManual checks them against the manual.

package baicells

// Result codes of Table 1-1. The code is authoritative: the server's message
// text varies ("sub_id conflict" for 4001, "dose not exist" for 4002).
const (
	CodeSubIDRequired              ResultCode = 4000 // sub_id field is required
	CodeSubIDConflict              ResultCode = 4001 // sub_idConflict
	CodeSubscriberNotFound         ResultCode = 4002 // Subscribers do not exist
	CodeIMSINotBound               ResultCode = 4003 // Subscribers do not bind imsi
	CodePlanNotBound               ResultCode = 4004 // Subscribers do not bind service plan
	CodeSubscriberExists           ResultCode = 4005 // Subscribers already exist
	CodePlanAlreadyBound           ResultCode = 4006 // Subscriber already binds service plan
	CodeIMSIAlreadyBound           ResultCode = 4007 // Subscriber already binds imsi
	CodeSessionIDRequired          ResultCode = 4008 // Session_id field is required
	CodeSubscriberCloudKeyMismatch ResultCode = 4009 // Subscriber does not match this cloud_key
	CodeSubIDListRequired          ResultCode = 4010 // Sub_id_list field is required
	CodeSubscribersNotReady        ResultCode = 4011 // Subscribers do not exist or do not bind imsi and service plan
	CodeTooManySubscribers         ResultCode = 4012 // Number of subscribers is too many
	CodeIPRequired                 ResultCode = 4100 // Ip field is required
	CodeIPInvalid                  ResultCode = 4101 // Ip is not a valid IP address
	CodeAPNProfileRequired         ResultCode = 4102 // apn_profile field is required
	CodeAPNNotFound                ResultCode = 4103 // APN does not exist
	CodeAPNIPMismatch              ResultCode = 4104 // APN does not contain this IP address
	CodeAPNBindingNotFound         ResultCode = 4105 // Bind relation (Subscribers-apn-ip) does not exist
	CodeBindingExists              ResultCode = 4106 // Bind relation already exists
	CodeBindingNotFound            ResultCode = 4107 // Bind relation does not exist
	CodeAPNNameRequired            ResultCode = 4108 // apn_name is required
	CodeAPNNameTooLong             ResultCode = 4109 // Data too long for apn_name
	CodeAPNAMBRULRequired          ResultCode = 4110 // apn_ambr_ul is required
	CodeAPNAMBRULFormat            ResultCode = 4111 // apn_ambr_ul format error
	CodeAPNAMBRDLRequired          ResultCode = 4112 // apn_ambr_dl is required
	CodeAPNAMBRDLFormat            ResultCode = 4113 // apn_ambr_dl format error
	CodePlanIDRequired             ResultCode = 4200 // Service_plan_id field is required
	CodePlanIDConflict             ResultCode = 4201 // Service_plan_id conflict
	CodePlanNotFound               ResultCode = 4202 // Service plan does not exist
	CodeNewPlanIDRequired          ResultCode = 4203 // New_Service_plan_id field is required
	CodePlanNameRequired           ResultCode = 4205 // Service_plan_name field is required
	CodeDataNodeRequired           ResultCode = 4206 // datanode is required
	CodePlanCloudKeyMismatch       ResultCode = 4207 // Service plan does not match this cloud_key
	CodeIMSIRequired               ResultCode = 4300 // IMSI field is required
	CodeIMSIFormat                 ResultCode = 4301 // IMSI format error
	CodeIMSIInUse                  ResultCode = 4302 // IMSI has been used
	CodeDeactivateBeforeUnbind     ResultCode = 4303 // Please deactivate the subscriber before unbinding imsi!
	CodeUplinkRequired             ResultCode = 4401 // Uplink field is required
	CodeDownlinkRequired           ResultCode = 4402 // Downlink field is required
	CodeUplinkNotNumber            ResultCode = 4403 // Uplink must be a number
	CodeDownlinkNotNumber          ResultCode = 4404 // Downlink must be a number
	CodeSubListRequired            ResultCode = 4501 // Sub_list field is required
	CodeSubListFormat              ResultCode = 4502 // Sub_list format error
	CodeBulkLimitExceeded          ResultCode = 4503 // Exceeded 200 records limit
	CodeTooManyIPs                 ResultCode = 4601 // Configure 16 IP addresses at most
	CodeURLRequired                ResultCode = 4602 // url field is required
	CodeURLIPRequired              ResultCode = 4603 // url_ip field is required
	CodeBeginTimeRequired          ResultCode = 4701 // Begin time is required
	CodeEndTimeRequired            ResultCode = 4702 // End time is required
	CodeTimeFormat                 ResultCode = 4703 // Incorrect time format
	CodeHourlyRangeTooLong         ResultCode = 4704 // Query usage by hour size. Time interval should not exceed 31 days.
	CodeCDRRangeTooLong            ResultCode = 4705 // Query CDR detail. Time interval should not exceed 7 days.
	CodeSystemError                ResultCode = 5001 // System error
	CodeCloudKeyRequired           ResultCode = 5002 // cloud_key is required in request header
	CodeCloudKeyUnknown            ResultCode = 5003 // cloud_key does not exist
	CodeBadCredentials             ResultCode = 5004 // User or password error
	CodeUserCloudKeyMismatch       ResultCode = 5005 // User does not match this cloud_key
)

// codeMessages are the documented messages of Table 1-1.
var codeMessages = map[ResultCode]string{
	CodeSubIDRequired:              "sub_id field is required",
	CodeSubIDConflict:              "sub_idConflict",
	CodeSubscriberNotFound:         "Subscribers do not exist",
	CodeIMSINotBound:               "Subscribers do not bind imsi",
	CodePlanNotBound:               "Subscribers do not bind service plan",
	CodeSubscriberExists:           "Subscribers already exist",
	CodePlanAlreadyBound:           "Subscriber already binds service plan",
	CodeIMSIAlreadyBound:           "Subscriber already binds imsi",
	CodeSessionIDRequired:          "Session_id field is required",
	CodeSubscriberCloudKeyMismatch: "Subscriber does not match this cloud_key",
	CodeSubIDListRequired:          "Sub_id_list field is required",
	CodeSubscribersNotReady:        "Subscribers do not exist or do not bind imsi and service plan",
	CodeTooManySubscribers:         "Number of subscribers is too many",
	CodeIPRequired:                 "Ip field is required",
	CodeIPInvalid:                  "Ip is not a valid IP address",
	CodeAPNProfileRequired:         "apn_profile field is required",
	CodeAPNNotFound:                "APN does not exist",
	CodeAPNIPMismatch:              "APN does not contain this IP address",
	CodeAPNBindingNotFound:         "Bind relation (Subscribers-apn-ip) does not exist",
	CodeBindingExists:              "Bind relation already exists",
	CodeBindingNotFound:            "Bind relation does not exist",
	CodeAPNNameRequired:            "apn_name is required",
	CodeAPNNameTooLong:             "Data too long for apn_name",
	CodeAPNAMBRULRequired:          "apn_ambr_ul is required",
	CodeAPNAMBRULFormat:            "apn_ambr_ul format error",
	CodeAPNAMBRDLRequired:          "apn_ambr_dl is required",
	CodeAPNAMBRDLFormat:            "apn_ambr_dl format error",
	CodePlanIDRequired:             "Service_plan_id field is required",
	CodePlanIDConflict:             "Service_plan_id conflict",
	CodePlanNotFound:               "Service plan does not exist",
	CodeNewPlanIDRequired:          "New_Service_plan_id field is required",
	CodePlanNameRequired:           "Service_plan_name field is required",
	CodeDataNodeRequired:           "datanode is required",
	CodePlanCloudKeyMismatch:       "Service plan does not match this cloud_key",
	CodeIMSIRequired:               "IMSI field is required",
	CodeIMSIFormat:                 "IMSI format error",
	CodeIMSIInUse:                  "IMSI has been used",
	CodeDeactivateBeforeUnbind:     "Please deactivate the subscriber before unbinding imsi!",
	CodeUplinkRequired:             "Uplink field is required",
	CodeDownlinkRequired:           "Downlink field is required",
	CodeUplinkNotNumber:            "Uplink must be a number",
	CodeDownlinkNotNumber:          "Downlink must be a number",
	CodeSubListRequired:            "Sub_list field is required",
	CodeSubListFormat:              "Sub_list format error",
	CodeBulkLimitExceeded:          "Exceeded 200 records limit",
	CodeTooManyIPs:                 "Configure 16 IP addresses at most",
	CodeURLRequired:                "url field is required",
	CodeURLIPRequired:              "url_ip field is required",
	CodeBeginTimeRequired:          "Begin time is required",
	CodeEndTimeRequired:            "End time is required",
	CodeTimeFormat:                 "Incorrect time format",
	CodeHourlyRangeTooLong:         "Query usage by hour size. Time interval should not exceed 31 days.",
	CodeCDRRangeTooLong:            "Query CDR detail. Time interval should not exceed 7 days.",
	CodeSystemError:                "System error",
	CodeCloudKeyRequired:           "cloud_key is required in request header",
	CodeCloudKeyUnknown:            "cloud_key does not exist",
	CodeBadCredentials:             "User or password error",
	CodeUserCloudKeyMismatch:       "User does not match this cloud_key",
}

// allCodes lists the documented codes in the table's order.
var allCodes = [...]ResultCode{
	CodeSubIDRequired,
	CodeSubIDConflict,
	CodeSubscriberNotFound,
	CodeIMSINotBound,
	CodePlanNotBound,
	CodeSubscriberExists,
	CodePlanAlreadyBound,
	CodeIMSIAlreadyBound,
	CodeSessionIDRequired,
	CodeSubscriberCloudKeyMismatch,
	CodeSubIDListRequired,
	CodeSubscribersNotReady,
	CodeTooManySubscribers,
	CodeIPRequired,
	CodeIPInvalid,
	CodeAPNProfileRequired,
	CodeAPNNotFound,
	CodeAPNIPMismatch,
	CodeAPNBindingNotFound,
	CodeBindingExists,
	CodeBindingNotFound,
	CodeAPNNameRequired,
	CodeAPNNameTooLong,
	CodeAPNAMBRULRequired,
	CodeAPNAMBRULFormat,
	CodeAPNAMBRDLRequired,
	CodeAPNAMBRDLFormat,
	CodePlanIDRequired,
	CodePlanIDConflict,
	CodePlanNotFound,
	CodeNewPlanIDRequired,
	CodePlanNameRequired,
	CodeDataNodeRequired,
	CodePlanCloudKeyMismatch,
	CodeIMSIRequired,
	CodeIMSIFormat,
	CodeIMSIInUse,
	CodeDeactivateBeforeUnbind,
	CodeUplinkRequired,
	CodeDownlinkRequired,
	CodeUplinkNotNumber,
	CodeDownlinkNotNumber,
	CodeSubListRequired,
	CodeSubListFormat,
	CodeBulkLimitExceeded,
	CodeTooManyIPs,
	CodeURLRequired,
	CodeURLIPRequired,
	CodeBeginTimeRequired,
	CodeEndTimeRequired,
	CodeTimeFormat,
	CodeHourlyRangeTooLong,
	CodeCDRRangeTooLong,
	CodeSystemError,
	CodeCloudKeyRequired,
	CodeCloudKeyUnknown,
	CodeBadCredentials,
	CodeUserCloudKeyMismatch,
}
