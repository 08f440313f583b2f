package baicells

// This file is the only place that knows the BOSS wire format: every path,
// verb and JSON field name of the manual (v1.6) is here, so a correction is a
// one-line change. Everything else in the package works with the Go types.

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/ispkit/ispkit/internal/flex"
)

// route is one BOSS endpoint.
type route struct {
	op     string // the Go method, used in errors and logs
	method string
	path   string // under the base URL (which ends in /baicellsapi)
	// idempotent routes may be re-sent after a failure that may have reached the
	// server: the queries, and the calls that set a state (sending them twice
	// leaves the same state). Creating, binding, unbinding and deleting are not.
	idempotent bool
}

var (
	routeQueryByIMSI     = route{"Subscribers.QueryByIMSI", http.MethodPost, "/customers/query", true}             // 2.1.1
	routeCreate          = route{"Subscribers.Create", http.MethodPost, "/customers/create", false}                // 2.1.2
	routeBindPlan        = route{"Subscribers.BindPlan", http.MethodPost, "/customers/bindservice", false}         // 2.1.3
	routeBindIMSI        = route{"Subscribers.BindIMSI", http.MethodPost, "/customers/bindimsi", false}            // 2.1.4
	routeUnbindIMSI      = route{"Subscribers.UnbindIMSI", http.MethodPost, "/customers/unbindimsi", false}        // 2.1.5
	routeActivate        = route{"Subscribers.Activate", http.MethodPost, "/customers/activate", true}             // 2.1.6 (the manual prints "customers /activate")
	routeDeactivate      = route{"Subscribers.Deactivate", http.MethodPost, "/customers/deactivate", true}         // 2.1.7
	routeChangePlan      = route{"Subscribers.ChangePlan", http.MethodPost, "/customers/update", true}             // 2.1.8
	routeChangeSpeed     = route{"Subscribers.ChangeSpeed", http.MethodPost, "/customers/updateuplink", true}      // 2.1.9
	routeBulkActivate    = route{"Subscribers.BulkActivate", http.MethodPost, "/customers/bulkactivate", true}     // 2.1.10
	routeBulkDeactivate  = route{"Subscribers.BulkDeactivate", http.MethodPost, "/customers/bulkdeactivate", true} // 2.1.11
	routeGet             = route{"Subscribers.Get", http.MethodPost, "/customers/querybyid", true}                 // 2.1.12
	routeBindAPN         = route{"Subscribers.BindAPN", http.MethodPost, "/customers/bindapnip", false}            // 2.1.13
	routeRemoveAPN       = route{"Subscribers.RemoveAPN", http.MethodPost, "/customers/removeapnip", false}        // 2.1.14
	routeModify          = route{"Subscribers.Modify", http.MethodPost, "/customers/modify", true}                 // 2.1.15
	routeDelete          = route{"Subscribers.Delete", http.MethodPost, "/customers/delete", false}                // 2.1.16
	routeBulkCreate      = route{"Subscribers.BulkCreate", http.MethodPost, "/customers/bulkcreate", false}        // 2.1.17 (the manual's example shows /customers/create)
	routePlanCreate      = route{"Plans.Create", http.MethodPost, "/products/create", false}                       // 2.2.1
	routePlanModify      = route{"Plans.Modify", http.MethodPost, "/products/modify", true}                        // 2.2.2
	routePlansByUplink   = route{"Plans.ListByUplink", http.MethodGet, "/products/querybyuplink/", true}           // 2.2.3 + {uplink}
	routePlansByDownlink = route{"Plans.ListByDownlink", http.MethodGet, "/products/querybydownlink/", true}       // 2.2.4 + {downlink}
	routePlansBySpeed    = route{"Plans.ListBySpeed", http.MethodGet, "/products/querybylink/", true}              // 2.2.5 + {uplink}/{downlink}
	routePlansAll        = route{"Plans.List", http.MethodGet, "/products/queryallplans", true}                    // 2.2.6
	routeUsageHourly     = route{"Usage.Hourly", http.MethodPost, "/usage/querybyhour", true}                      // 2.3.1
	routeUsageCDR        = route{"Usage.CDRs", http.MethodPost, "/usage/querycdr", true}                           // 2.3.2
)

// Header names. The manual spells the key header in lower case with an
// underscore; it is sent exactly so (not canonicalised to "Cloud_key").
// Both are left out under WithoutAuthHeaders, for local installs that do
// not check them (one public PHP snippet; not in the manual).
const (
	headerCloudKey      = "cloud_key"
	headerAuthorization = "Authorization"
)

// usageTimeLayout is the manual's "yyyy-MM-dd HH:mm:ss".
const usageTimeLayout = "2006-01-02 15:04:05"

// resultOK is the result_code of success.
const resultOK = "200"

// ---- request bodies ----

type wireSubscriberID struct {
	SessionID string `json:"session_id"`
	SubID     string `json:"sub_id"`
}

type wireQueryByIMSI struct {
	SessionID string `json:"session_id"`
	IMSI      string `json:"imsi"`
}

type wireProfile struct {
	SessionID   string `json:"session_id"`
	SubID       string `json:"sub_id"`
	SubName     string `json:"sub_name,omitempty"`
	IDNum       string `json:"id_num,omitempty"`
	PhoneNumber string `json:"phone_number,omitempty"`
	Email       string `json:"email,omitempty"`
	Address     string `json:"address,omitempty"`
}

type wireBindPlan struct {
	SessionID     string `json:"session_id"`
	SubID         string `json:"sub_id"`
	ServicePlanID string `json:"service_plan_id"`
}

type wireBindIMSI struct {
	SessionID string `json:"session_id"`
	SubID     string `json:"sub_id"`
	IMSI      string `json:"imsi"`
}

type wireChangePlan struct {
	SessionID        string `json:"session_id"`
	SubID            string `json:"sub_id"`
	NewServicePlanID string `json:"new_service_plan_id"`
}

type wireChangeSpeed struct {
	SessionID string `json:"session_id"`
	SubID     string `json:"sub_id"`
	Downlink  int    `json:"downlink"`
	Uplink    int    `json:"uplink"`
}

type wireBulkIDs struct {
	SessionID string   `json:"session_id"`
	Data      []string `json:"data"`
}

// wireBindAPN: ip_addr is one string. Error 4601 ("Configure 16 IP addresses at
// most") implies it may hold several; we send them comma-separated (assumed).
type wireBindAPN struct {
	SessionID string `json:"session_id"`
	SubID     string `json:"sub_id"`
	APNName   string `json:"apn_name"`
	AMBRUL    int    `json:"apn_ambr_ul"`
	AMBRDL    int    `json:"apn_ambr_dl"`
	IPAddr    string `json:"ip_addr,omitempty"`
}

const ipAddrSeparator = ","

// wireRemoveAPN: the manual types the AMBR values as strings here.
type wireRemoveAPN struct {
	SessionID string `json:"session_id"`
	SubID     string `json:"sub_id"`
	APNName   string `json:"apn_name"`
	AMBRUL    string `json:"apn_ambr_ul,omitempty"`
	AMBRDL    string `json:"apn_ambr_dl,omitempty"`
}

type wireBulkSubscriber struct {
	SubID       string `json:"sub_id"`
	SubName     string `json:"sub_name,omitempty"`
	IMSI        string `json:"imsi"`
	IDNum       string `json:"id_num,omitempty"`
	PhoneNumber string `json:"phone_number,omitempty"`
	Email       string `json:"email,omitempty"`
	Address     string `json:"address,omitempty"`
}

type wireBulkCreate struct {
	SessionID     string               `json:"session_id"`
	ServicePlanID string               `json:"service_plan_id,omitempty"`
	SubList       []wireBulkSubscriber `json:"sub_list"`
}

type wirePlan struct {
	SessionID       string `json:"session_id,omitempty"`
	ServicePlanID   string `json:"service_plan_id"`
	ServicePlanName string `json:"service_plan_name"`
	Uplink          int    `json:"uplink"`
	Downlink        int    `json:"downlink"`
	Comments        string `json:"comments,omitempty"`
}

type wireUsageQuery struct {
	SessionID string `json:"session_id"`
	IMSI      string `json:"imsi,omitempty"`
	BeginTime string `json:"begin_time"`
	EndTime   string `json:"end_time"`
}

// ---- response bodies ----

// envelope is what every object response carries.
type envelope struct {
	SessionID  flexString `json:"session_id"`
	ResultCode flexString `json:"result_code"`
	Message    flexString `json:"message"`
}

func (e *envelope) env() *envelope { return e }

// ok reports a success answer: result_code "200", or none at all (bulk
// create's answer carries none). Surrounding spaces are ignored.
func (e *envelope) ok() bool {
	code := strings.TrimSpace(string(e.ResultCode))
	return code == "" || code == resultOK
}

type enveloped interface{ env() *envelope }

type wireSubscriberResp struct {
	envelope
	Available     *flexBool    `json:"available"`
	IMSI          flexString   `json:"imsi"`
	SubID         flexString   `json:"sub_id"`
	SubName       flexString   `json:"sub_name"`
	IDNum         flexString   `json:"id_num"`
	PhoneNumber   flexString   `json:"phone_number"`
	Email         flexString   `json:"email"`
	Address       flexString   `json:"address"`
	ServicePlanID flexString   `json:"service_plan_id"`
	SubStatus     flexString   `json:"sub_status"`
	UpRate        flexInt      `json:"up_rate"`
	DownRate      flexInt      `json:"down_rate"`
	APNInfoList   wireAPNInfos `json:"apn_info_list"`
}

type wireAPNInfo struct {
	APNName flexString `json:"apn_name"`
	AMBRUL  flexInt    `json:"apn_ambr_ul"`
	AMBRDL  flexInt    `json:"apn_ambr_dl"`
	IPv4    flexString `json:"ipv4"`
}

// wireAPNInfos is the array the example shows. The field table announces a
// "JSON String" instead (an array encoded inside a string): encoding/json
// reports that as a type error on this field after decoding everything else,
// and fixAPNInfos then reads the string form.
type wireAPNInfos []wireAPNInfo

// fixAPNInfos completes a decode whose only failure was apn_info_list sent as
// a string.
func (w *wireSubscriberResp) fixAPNInfos(body []byte, err error) error {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) || te.Field != "apn_info_list" || te.Value != "string" {
		return err
	}
	var holder struct {
		List string `json:"apn_info_list"`
	}
	if err := json.Unmarshal(body, &holder); err != nil {
		return err
	}
	w.APNInfoList = nil
	if s := strings.TrimSpace(holder.List); s != "" && s != "null" {
		if err := json.Unmarshal([]byte(s), &w.APNInfoList); err != nil {
			return fmt.Errorf("apn_info_list: %w", err)
		}
	}
	return nil
}

// decodeFixer is implemented by answers that can recover from a decode error.
type decodeFixer interface {
	fixAPNInfos(body []byte, err error) error
}

type wireBulkItem struct {
	SubID         flexString `json:"sub_id"`
	IMSI          flexString `json:"imsi"`
	ResultCode    flexString `json:"result_code"`
	ResultMessage flexString `json:"result_message"`
}

type wireBulkCreateResp struct {
	envelope
	Total        flexInt        `json:"total"`
	Successful   flexInt        `json:"successful quantity"`
	Unsuccessful flexInt        `json:"unsuccessful quantity"`
	SuccessList  []wireBulkItem `json:"success_list"`
	FailList     []wireBulkItem `json:"fail_list"`
}

type wirePlanResp struct {
	ServicePlanID   flexString `json:"service_plan_id"`
	ServicePlanName flexString `json:"service_plan_name"`
	Uplink          flexInt    `json:"uplink"`
	Downlink        flexInt    `json:"downlink"`
	State           flexString `json:"state"`
	Comments        flexString `json:"comments"`
}

type wireHourlyUsage struct {
	IMSI       flexString `json:"imsi"`
	TotalUsage flexInt    `json:"total_usage"`
	UpUsage    flexInt    `json:"up_usage"`
	DownUsage  flexInt    `json:"down_usage"`
	UsageTime  flexString `json:"usage_time"`
}

type wireHourlyResp struct {
	envelope
	UsageInfos []wireHourlyUsage `json:"usage_infos"`
}

type wireCDR struct {
	IMSI       flexString `json:"imsi"`
	TotalUsage flexInt    `json:"total_usage"`
	UpUsage    flexInt    `json:"up_usage"`
	DownUsage  flexInt    `json:"down_usage"`
	Duration   flexInt    `json:"duration"`
	CDRDate    flexString `json:"cdrdate"`
}

type wireCDRResp struct {
	envelope
	CDRInfos []wireCDR `json:"cdr_infos"`
}

// ---- lenient scalars ----
// BOSS and the clients in the field mix strings and numbers for the same
// fields; the internal/flex types accept either and never fail on a type the
// server may send.

type (
	flexString = flex.String
	flexInt    = flex.Int
	flexBool   = flex.Bool
)
