package octane

// This file is the only place that knows Octane's wire format: every SOAP
// path, namespace, operation and element name, and every REST path, query
// parameter and JSON key. The vendor's endpoint pages were not available, so
// each name carries where it comes from:
//
//	[doc]               the vendor's documentation site
//	[vendor page]       the vendor's own flow pages on that site
//	[field]             what a public third-party integration sends and parses
//	[field: 2 clients]  the same, seen in two or more independent public clients
//	[field: 1 client]   the same, seen in one client only
//	[guess]             our reading; check it against the WSDL ({soapBase}/UtbOrder?wsdl) first
//
// A correction is a one-line change here.

import (
	"encoding/xml"
	"net/http"

	"github.com/ispkit/ispkit/internal/flex"
)

// Test environment roots [doc]. The vendor documents no production hosts.
// Two public clients use the SOAP root
// https://api-octane.telcoinabox.com.au/tiabwsv2 (order service at
// …/tiabwsv2/UtbOrder?wsdl) [field: 2 clients]: an example for
// WithSOAPBaseURL, not a default, since an account's root comes from
// Telcoinabox. The production REST root is not public.
//
// Polling an order to completion: orderQuery at most once every 30 minutes
// [vendor page]; DefaultPollMin and DefaultPollMax follow it.
const (
	TestSOAPBaseURL = "https://benzine.telcoinabox.com/tiab"     // SOAP services live under it
	TestRESTBaseURL = "https://benzine.telcoinabox.com/tiab/api" // REST paths start with /v1
)

// ---- SOAP ----

const (
	soapEnvNS   = "http://schemas.xmlsoap.org/soap/envelope/" // SOAP 1.1
	soapContent = "text/xml; charset=utf-8"                   // [doc]
	// soapAction is sent empty, quoted as SOAP 1.1 writes an empty action:
	// the vendor does not document one [doc: "not documented (send empty)"].
	soapAction = `""`

	pathOrder   = "/UtbOrder"     // [doc]
	pathService = "/UtbServiceV3" // [doc]
	pathMobile  = "/UtbMobile"    // [doc]; [field: 2 clients]

	nsOrder   = "http://order.frontend.ws.utilibill.com.au/"         // [doc]
	nsService = "http://v3.service.frontend.ws.utilibill.com.au/"    // [field: 2 clients]; the same for the paths above
	nsMobile  = "http://mobileservice.frontend.ws.utilibill.com.au/" // [field: 1 client]
)

// soapOp is one SOAP operation. The operation element is namespace-qualified
// (prefix "ns"), its children are not [doc]. The answer is the element
// name+"Response" holding <return> [field], except where whole is set.
type soapOp struct {
	name       string // operation element, e.g. "orderCreate"
	path       string // service endpoint under the SOAP base URL
	ns         string
	idempotent bool // queries may be re-sent; orders never are
	// whole: the answer may come without <return>, so the decoder is given
	// the whole name+"Response" element (its type reads both shapes).
	whole bool
}

var (
	opOrderCreate      = soapOp{"orderCreate", pathOrder, nsOrder, false, false}         // step 1 [doc]
	opOrderQuery       = soapOp{"orderQuery", pathOrder, nsOrder, true, false}           // step 2 [field: 2 clients]
	opOrderCreateBulk  = soapOp{"orderCreateBulk", pathOrder, nsOrder, false, true}      // steps 4 and 8 [field]; answer: see xmlBulkAnswer
	opOrderReset       = soapOp{"orderReset", pathOrder, nsOrder, false, false}          // [doc]
	opGetServiceDetail = soapOp{"getServiceDetail", pathService, nsService, true, false} // step 2, lineSeqNo [field: 2 clients]
	opQueryBalance     = soapOp{"queryBalanceV3", pathMobile, nsMobile, true, false}     // step 6, per service [field: 1 client]
)

// soapHeaders go with every SOAP request. SOAPAction keeps its conventional
// spelling (older SOAP stacks compare it case-sensitively); a header map
// key is sent as written.
var soapHeaders = http.Header{"Accept": {"text/xml"}, "SOAPAction": {soapAction}}

// Order type and actions [field].
const (
	orderTypeService   = "SRVC_ORD"
	actionNewDataPool  = "ADD_WME_NEW"
	actionOptIn        = "WME_OPT_IN_CONSUMER"
	actionOptOut       = "WME_OPT_OUT_CONSUMER" // [field, low confidence]
	custReqDateLayout  = "2006-01-02"           // custReqDate, YYYY-MM-DD [field]
	retryOrderFlagTrue = "true"                 // orderReset's retryOrder [doc]
)

// <login> is the first child of every operation [doc]. Inside it the
// WSDL-generated request templates of a public client put <password> before
// <userName> [field: WSDL-generated templates], the order sent:
// <login><password/><userName/></login>. New writes it once by hand, so the
// password never sits in a marshalled struct.
const (
	elemLogin    = "login"
	elemUserName = "userName"
	elemPassword = "password"
)

// orderCreate (step 1): <createRequest> [field]; the item's children in this
// order [field: 2 clients].
type xmlCreateRequest struct {
	XMLName     xml.Name           `xml:"createRequest"`
	CustNo      string             `xml:"custNo"`
	OrderType   string             `xml:"orderType"`
	OrderAction string             `xml:"orderAction"`
	Item        xmlNewDataPoolItem `xml:"orderItems>WmeNewDataPoolReqItem"`
}

type xmlNewDataPoolItem struct {
	Department        string `xml:"department,omitempty"`
	PlanNo            string `xml:"planNo"`
	ServiceNotes      string `xml:"serviceNotes,omitempty"`
	NotificationEmail string `xml:"notificationEmail,omitempty"`
	PoolName          string `xml:"poolName"`
}

// orderQuery and orderReset: <request> [field: 2 clients]/[doc].
type xmlOrderRequest struct {
	XMLName    xml.Name `xml:"request"`
	OrderID    string   `xml:"orderId"`
	RetryOrder string   `xml:"retryOrder,omitempty"`
}

// orderCreateBulk (steps 4 and 8): <orders> of <orderCreate> [field]. Step 8's
// item (WmeOptOutConsumerReqItem with only serviceNumber) is [field, low
// confidence]: the flow document names a REST call the site does not list.
type xmlBulkOrders struct {
	XMLName xml.Name       `xml:"orders"`
	Orders  []xmlBulkOrder `xml:"orderCreate"`
}

type xmlBulkOrder struct {
	CustNo      string         `xml:"custNo"`
	OrderType   string         `xml:"orderType"`
	OrderAction string         `xml:"orderAction"`
	CustReqDate string         `xml:"custReqDate"`
	OptIn       *xmlOptInItem  `xml:"orderItems>WmeOptInConsumerReqItem,omitempty"`
	OptOut      *xmlOptOutItem `xml:"orderItems>WmeOptOutConsumerReqItem,omitempty"`
}

type xmlOptInItem struct {
	ProviderID    string `xml:"providerId"`
	ServiceNumber string `xml:"serviceNumber"`
}

type xmlOptOutItem struct {
	ServiceNumber string `xml:"serviceNumber"`
}

// getServiceDetail: <serviceDetail><serviceDetails><custno/><serviceNumber/> [field: 2 clients].
type xmlServiceDetailRequest struct {
	XMLName       xml.Name `xml:"serviceDetail"`
	CustNo        string   `xml:"serviceDetails>custno"`
	ServiceNumber string   `xml:"serviceDetails>serviceNumber"`
}

// queryBalanceV3: <queryBalanceRequest><custNo/><lineSeqNo/> [field: 1
// client, a WSDL-generated template].
type xmlBalanceRequest struct {
	XMLName   xml.Name `xml:"queryBalanceRequest"`
	CustNo    string   `xml:"custNo"`
	LineSeqNo string   `xml:"lineSeqNo"`
}

// ---- SOAP answers: the content of <return> ----

// xmlResult is what every <return> carries: errorCode, an integer, 0 = OK
// [field: 2 clients], errorMessage on failure [field].
type xmlResult struct {
	ErrorCode    string `xml:"errorCode"`
	ErrorMessage string `xml:"errorMessage"`
}

func (r *xmlResult) result() *xmlResult { return r }

type xmlOrderCreateReturn struct {
	xmlResult
	OrderID string `xml:"orderId"` // [field]
}

type xmlOrderQueryReturn struct {
	xmlResult
	Order *xmlOrderQuery `xml:"orderQueryResponse"` // [field]
}

type xmlOrderQuery struct {
	OrderID       string `xml:"orderId"`                      // [field: 2 clients]
	Action        string `xml:"action"`                       // [field: 2 clients]
	Status        string `xml:"internalStatus"`               // [field: 2 clients]; values PENDING, IN_PROG, COMMITTED, SUCCESS, FAILED, REJECTED
	StatusMessage string `xml:"statusMessage"`                // [guess]: the failure text of a FAILED/REJECTED order
	CreatedOn     string `xml:"createdOn"`                    // [field: 2 clients]
	PlanName      string `xml:"planName"`                     // [field: 2 clients]
	PoolMSN       string `xml:"orderItems>wmeNewReqItem>msn"` // [field: 2 clients]: the new pool's service number
}

// xmlBulkAnswer is the whole orderCreateBulkResponse (steps 4 and 8). Its
// orders' answers are ordersCreateResponse/orderResponse[], one per order, in
// order [field]. Where they sit is [field: 1 client]: the Laravel client
// reads them directly under orderCreateBulkResponse, with no <return> (while
// it reads <return> for every other operation), which is the shape the fake
// answers by default; our first reading had them inside <return>. Both are
// accepted. A top-level errorCode is read where there is one (in <return> or
// directly under the response) and never required.
type xmlBulkAnswer struct {
	Wrapped       *xmlBulkReturn `xml:"return"`
	xmlBulkReturn                // the unwrapped shape
}

type xmlBulkReturn struct {
	xmlResult
	Orders []xmlOrderResponse `xml:"ordersCreateResponse>orderResponse"` // [field], one per order, in order
}

// result is the top-level errorCode: a refusal in either place counts.
func (a *xmlBulkAnswer) result() *xmlResult {
	if a.Wrapped != nil && isZeroCode(a.xmlResult.ErrorCode) {
		return &a.Wrapped.xmlResult
	}
	return &a.xmlResult
}

// orders are the orders' answers from whichever shape carries them; ok is
// false when both do.
func (a *xmlBulkAnswer) orders() (orders []xmlOrderResponse, ok bool) {
	if a.Wrapped == nil || len(a.Wrapped.Orders) == 0 {
		return a.Orders, true
	}
	return a.Wrapped.Orders, len(a.Orders) == 0
}

type xmlOrderResponse struct {
	xmlResult
	OrderID string `xml:"orderId"`
}

type xmlServiceDetailReturn struct {
	xmlResult
	Instances []xmlInstance `xml:"Instances>Instance"` // [field: 2 clients]
}

type xmlInstance struct {
	LineSeqNo     string `xml:"serviceNumberDetail>lineSeqno"`     // [field: 2 clients]
	ServiceNumber string `xml:"serviceNumberDetail>serviceNumber"` // [guess]
	Status        string `xml:"serviceNumberDetail>status"`        // [guess]
	PlanNo        string `xml:"serviceNumberDetail>planNo"`        // [guess]
}

// queryBalanceV3's answer: return/balances/balance[] [field: 1 client, which
// reads <return> here and sums the DATA balances].
type xmlBalanceReturn struct {
	xmlResult
	Balances []xmlBalance `xml:"balances>balance"`
}

type xmlBalance struct {
	Type      string `xml:"type"`         // "DATA", … [field: 1 client]
	Allowance string `xml:"allowanceFmt"` // [field: 1 client]; how it is written: see balanceSize
	Used      string `xml:"usedFmt"`      // [field: 1 client]; as allowanceFmt
}

// balanceTypeData is the type of a data balance [field: 1 client].
const balanceTypeData = "DATA"

// xmlFault is a SOAP 1.1 Fault.
type xmlFault struct {
	Code   string `xml:"faultcode"`
	String string `xml:"faultstring"`
	Actor  string `xml:"faultactor"`
	Detail struct {
		Inner string `xml:",innerxml"`
	} `xml:"detail"`
}

// ---- REST ----

const (
	pathDataPool    = "/v1/datapool"                            // GET, steps 3 and 6 [doc]
	pathTransfer    = "/v1/datapool/transfer"                   // POST, step 5 [field: 2 clients]
	pathModifyLimit = "/v1/datapool/modify-consumer-data-limit" // POST, step 7 [field: 2 clients]
	pathDisconnect  = "/v1/datapool/disconnect"                 // POST, step 9 [field: 2 clients]
	queryCustNo     = "custno"                                  // [field: 2 clients]
	queryLineSeqNo  = "lineseqno"                               // [field: 2 clients]
)

// REST authentication: HTTP Basic, base64(user:pass) [doc; field: 2
// clients]; New sets it.

// restEnvelope is the REST answer's frame: errorCode 0 = OK, errorMessage,
// success as true or "true" [doc, one endpoint; field].
type restEnvelope struct {
	ErrorCode    flex.Int    `json:"errorCode"`
	ErrorMessage flex.String `json:"errorMessage"`
	Success      *flex.Bool  `json:"success"` // nil when absent: errorCode decides
}

func (e *restEnvelope) envelope() *restEnvelope { return e }

// Step 3/6 answer [field: 2 clients]; the consumer list's names are [guess].
type restPool struct {
	restEnvelope
	Provider  *restProvider  `json:"provider"`
	Consumers []restConsumer `json:"consumers"` // [guess]
}

type restProvider struct {
	MemberID      flex.String `json:"memberId"`       // the providerId [field: 2 clients]
	Status        flex.String `json:"dataPoolStatus"` // [field: 2 clients]
	MaxCap        flex.String `json:"dataMaxCap"`     // "100 GB" [field: 2 clients]; binary units [guess]
	Usage         flex.String `json:"dataUsage"`      // [field: 2 clients]
	ServiceNumber flex.String `json:"serviceNumber"`  // [guess]
}

type restConsumer struct {
	ServiceNumber flex.String `json:"serviceNumber"`  // [guess]
	LineSeqNo     flex.String `json:"lineSeqNo"`      // [guess]
	Status        flex.String `json:"dataPoolStatus"` // [guess]
	DataLimit     flex.String `json:"dataLimit"`      // [guess]; "" when none is set
	DataUsage     flex.String `json:"dataUsage"`      // [guess]
}

// Step 5 request: note the lower-case custno/lineseqno here [field: 2 clients].
type restTransfer struct {
	CustNo               string   `json:"custno"`
	LineSeqNo            string   `json:"lineseqno"`
	NewProviderID        string   `json:"newProviderId"`
	NewProviderLineSeqNo string   `json:"newProviderLineseqno"`
	ServiceNumbers       []string `json:"serviceNumbers"`
}

// Step 7 request: camelCase custNo/lineSeqNo here [field: 2 clients]; the
// limit in bytes, binary units (a client sends GB × 1024³, commented "Limit
// In Bytes") [field: 2 clients].
type restModifyLimits struct {
	ConsumerServices []restConsumerLimit `json:"consumerServices"`
}

type restConsumerLimit struct {
	CustNo    string `json:"custNo"`
	LineSeqNo string `json:"lineSeqNo"`
	DataLimit int64  `json:"dataLimit"`
}

// Step 9 request [field: 2 clients].
type restPoolRef struct {
	CustNo    string `json:"custno"`
	LineSeqNo string `json:"lineseqno"`
}

// Steps 5 and 7 answer: one order per service [field: 2 clients].
type restOrders struct {
	restEnvelope
	OrderDetails []restOrderDetail `json:"orderDetails"`
}

type restOrderDetail struct {
	Success       *flex.Bool  `json:"success"`
	OrderID       flex.String `json:"orderId"`
	ServiceNumber flex.String `json:"serviceNumber"` // [guess]
	ErrorMessage  flex.String `json:"errorMessage"`  // [guess]
}

// Step 9 answer [field: 2 clients].
type restDisconnect struct {
	restEnvelope
	OrderID flex.String `json:"orderId"`
}
