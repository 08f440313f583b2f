package alianza

import (
	"context"
	"encoding/json"
	"iter"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// This file is an account's call detail records (Accounts.CDRs) and
// their enums.

// CDRSearchRequest filters AccountsService.CDRs (GET …/account/{accountId}/cdrsearch).
// StartDate and EndDate are required.
type CDRSearchRequest struct {
	// StartDate and EndDate are startDate and endDate, sent as yyyy-MM-dd
	// (the date of each in its own location).
	StartDate, EndDate time.Time
	CallCategories     []CallCategory // callCategory, any of
	CallFlagTypes      []CallFlagType // callFlagType, any of
	CallTypes          []CallType     // callType, any of
	DialedNumber       string         // dialedNumber, sent as given
	OrigNumber         string         // origNumber, sent as given
	TermNumber         string         // termNumber, sent as given
	// StartTime and EndTime are startTime and endTime, sent as given: the
	// spec does not give their format.
	StartTime, EndTime string
	MinCost            *float64  // minCost, the minimum cost of a call
	Sort               CDRSort   // sort
	SortOrder          SortOrder // sortOrder
	// PageSize is maxResult, the results per request; 0 is the spec's
	// default, 20.
	PageSize int
}

func (cq CDRSearchRequest) values(op string) (url.Values, int, error) {
	size, err := checkPageSize(op, cq.PageSize, defaultCDRPageSize)
	if err != nil {
		return nil, 0, err
	}
	q := url.Values{}
	if err := firstErr(
		setDates(op, q, cq.StartDate, cq.EndDate, true),
		addEnums(op, "CallCategories", q, "callCategory", cq.CallCategories, callCategories),
		addEnums(op, "CallFlagTypes", q, "callFlagType", cq.CallFlagTypes, callFlagTypes),
		addEnums(op, "CallTypes", q, "callType", cq.CallTypes, callTypes),
		checkEnum(op, "Sort", cq.Sort, cdrSorts),
		checkEnum(op, "SortOrder", cq.SortOrder, sortOrders),
	); err != nil {
		return nil, 0, err
	}
	if cq.MinCost != nil && *cq.MinCost < 0 {
		return nil, 0, invalid(op, "MinCost", "%v is negative", *cq.MinCost)
	}
	for _, kv := range [][2]string{
		{"dialedNumber", cq.DialedNumber}, {"origNumber", cq.OrigNumber}, {"termNumber", cq.TermNumber},
		{"startTime", cq.StartTime}, {"endTime", cq.EndTime}, {"sort", string(cq.Sort)}, {"sortOrder", string(cq.SortOrder)},
	} {
		if kv[1] != "" {
			q.Set(kv[0], kv[1])
		}
	}
	if cq.MinCost != nil {
		q.Set("minCost", strconv.FormatFloat(*cq.MinCost, 'f', -1, 64))
	}
	return q, size, nil
}

// validCDRAccountID is the spec's rule for cdrsearch's accountId: letters,
// digits, '-' and '_'.
func validCDRAccountID(id string) bool {
	return id != "" && strings.Trim(id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") == ""
}

// CDRs iterates over the call detail records of an account (GET
// /v2/partition/{partitionId}/account/{accountId}/cdrsearch), req.PageSize
// at a time. Nothing is sent until the iterator is used; an invalid request
// (req.StartDate and req.EndDate are required) is yielded as its one error
// (ErrInvalidInput). See Paging in the package documentation for when it
// stops.
func (s *AccountsService) CDRs(ctx context.Context, accountID string, req CDRSearchRequest) iter.Seq2[CallDetailRecord, error] {
	const op = "Accounts.CDRs"
	if !validCDRAccountID(accountID) {
		return failed[CallDetailRecord](invalid(op, "accountID", "%q is not letters, digits, '-' and '_'", accountID))
	}
	q, size, err := req.values(op)
	if err != nil {
		return failed[CallDetailRecord](err)
	}
	return pages(ctx, s.c, op, func(p string) string { return partitionPath(p, "account", accountID, "cdrsearch") },
		q, size, resultsOf[CallDetailRecord])
}

// CallDetailRecord is one leg of a call (the spec's CallDetailRecord). Cost
// and RatePerMinute are in the partition's currency. ApplicationData is one
// of the spec's CdrApplicationData shapes (SIP trunk, virtual fax), kept as
// raw JSON.
type CallDetailRecord struct {
	ID                         string              `json:"id"`
	PartitionID                string              `json:"partitionId"`
	StartTime                  *time.Time          `json:"startTime"`
	ConnectTime                *time.Time          `json:"connectTime"`
	EndTime                    *time.Time          `json:"endTime"`
	CreatedDate                *time.Time          `json:"createdDate"`
	ActualCallLengthSeconds    int64               `json:"actualCallLengthSeconds"`
	BillCallLengthSeconds      int64               `json:"billCallLengthSeconds"`
	RatePerMinute              float64             `json:"ratePerMinute"`
	Cost                       float64             `json:"cost"`
	InPlan                     bool                `json:"inPlan"`
	DialedNumber               string              `json:"dialedNumber"`
	OrigNumber                 string              `json:"origNumber"`
	OrigLocation               string              `json:"origLocation"`
	OrigCityName               string              `json:"origCityName"`
	OrigAbbrRCName             string              `json:"origAbbrRCName"`
	OrigState                  string              `json:"origState"`
	OrigCountry                string              `json:"origCountry"`
	OrigCarrier                string              `json:"origCarrier"`
	OrigCallCategory           CallCategory        `json:"origCallCategory"`
	IdentityAttestLevel        string              `json:"identityAttestLevel"`
	IdentityOriginationID      string              `json:"identityOriginationId"`
	IdentitySignOrganization   string              `json:"identitySignOrganization"`
	IdentitySignSPCode         string              `json:"identitySignSPCode"`
	Verstat                    Verstat             `json:"verstat"`
	VerstatReason              VerstatReason       `json:"verstatReason"`
	CorrelationData            map[string][]string `json:"correlationData"`
	AccountCode                string              `json:"accountCode"`
	TermNumber                 string              `json:"termNumber"`
	TermLocation               string              `json:"termLocation"`
	TermCityName               string              `json:"termCityName"`
	TermAbbrRCName             string              `json:"termAbbrRCName"`
	TermState                  string              `json:"termState"`
	TermCountry                string              `json:"termCountry"`
	TermCarrier                string              `json:"termCarrier"`
	TermCallCategory           CallCategory        `json:"termCallCategory"`
	ForwardingNumber           string              `json:"forwardingNumber"`
	ForwardingNumberCityName   string              `json:"forwardingNumberCityName"`
	ForwardingNumberAbbrRCName string              `json:"forwardingNumberAbbrRCName"`
	ForwardingNumberLocation   string              `json:"forwardingNumberLocation"`
	ForwardingNumberState      string              `json:"forwardingNumberState"`
	ForwardingNumberCountry    string              `json:"forwardingNumberCountry"`
	MediaServerType            string              `json:"mediaServerType"`
	LegType                    LegType             `json:"legType"`
	CallType                   CallType            `json:"callType"`
	CallFlagType               CallFlagType        `json:"callFlagType"`
	DisconnectType             DisconnectType      `json:"disconnectType"`
	MetroServiceArea           string              `json:"metroServiceArea"`
	RateType                   RateType            `json:"rateType"`
	RateLocalFromNumber        string              `json:"rateLocalFromNumber"`
	ServiceType                CDRServiceType      `json:"serviceType"`
	Local                      bool                `json:"local"`
	SessionID                  string              `json:"sessionId"`
	AccountBillableNumber      string              `json:"accountBillableNumber"`
	AccountBillableCityName    string              `json:"accountBillableCityName"`
	AccountBillableAbbrRCName  string              `json:"accountBillableAbbrRCName"`
	AccountBillableLocation    string              `json:"accountBillableLocation"`
	AccountBillableState       string              `json:"accountBillableState"`
	AccountBillableCountry     string              `json:"accountBillableCountry"`
	ReferenceID                string              `json:"referenceId"`
	ReferenceType              CDRReferenceType    `json:"referenceType"`
	ReferenceName              string              `json:"referenceName"`
	AcctID                     string              `json:"acctId"`
	AccountID                  string              `json:"accountId"`
	CallingPlanProductID       string              `json:"callingPlanProductId"`
	CallingPlanProductName     string              `json:"callingPlanProductName"`
	AccountNumber              string              `json:"accountNumber"`
	AccountCustomField         string              `json:"accountCustomField"`
	PartitionBillingCode       string              `json:"partitionBillingCode"`
	AccountBillingCycleDay     int                 `json:"accountBillingCycleDay"`
	AccountTimeZone            string              `json:"accountTimeZone"`
	SIPCallIDs                 []string            `json:"sipCallIds"`
	MeanOpinionScoreAverage    float64             `json:"meanOpinionScoreAverage"`
	MeanOpinionScores          map[string]float64  `json:"meanOpinionScores"`
	CallPickupFromID           string              `json:"callPickupFromId"`
	CallPickupByID             string              `json:"callPickupById"`
	ApplicationData            json.RawMessage     `json:"applicationData"`
	OrigCNAM                   string              `json:"origCnam"`
	TermCNAM                   string              `json:"termCnam"`
	ForwardingCNAM             string              `json:"forwardingCnam"`
}

// CallCategory is the category of a call's origin or termination
// (CallDetailRecord.origCallCategory, termCallCategory, the CDR search's
// callCategory).
type CallCategory string

// Call categories.
const (
	CategoryOffNet                        CallCategory = "OffNet"
	CategoryOnNet                         CallCategory = "OnNet"
	CategoryDirectoryAssistance           CallCategory = "DirectoryAssistance"
	CategoryEmergency                     CallCategory = "Emergency"
	CategoryOperator                      CallCategory = "Operator"
	CategoryPhoneSupport                  CallCategory = "PhoneSupport"
	CategoryTeleRelayService              CallCategory = "TeleRelayService"
	CategoryNonEmergencyServices          CallCategory = "NonEmergencyServices"
	CategoryOther                         CallCategory = "Other"
	CategoryPublicServices                CallCategory = "PublicServices"
	CategoryNotResolved                   CallCategory = "NotResolved"
	CategoryEmergencyServicesVerification CallCategory = "EmergencyServicesVerification"
)

var callCategories = []CallCategory{
	CategoryOffNet, CategoryOnNet, CategoryDirectoryAssistance, CategoryEmergency, CategoryOperator,
	CategoryPhoneSupport, CategoryTeleRelayService, CategoryNonEmergencyServices, CategoryOther,
	CategoryPublicServices, CategoryNotResolved, CategoryEmergencyServicesVerification,
}

// Verstat is CallDetailRecord.verstat: the caller id verification (STIR/SHAKEN).
type Verstat string

// Caller id verification results.
const (
	VerstatTNValidationPassed Verstat = "TN_VALIDATION_PASSED"
	VerstatTNValidationFailed Verstat = "TN_VALIDATION_FAILED"
	VerstatNoTNValidation     Verstat = "NO_TN_VALIDATION"
)

// VerstatReason is CallDetailRecord.verstatReason.
type VerstatReason string

// Reasons for a caller id verification result.
const (
	VerstatReasonBadIdentityInfo           VerstatReason = "BAD_IDENTITY_INFO"
	VerstatReasonClaimToSIPMismatch        VerstatReason = "CLAIM_TO_SIP_MISMATCH"
	VerstatReasonIdentityHeaderRequired    VerstatReason = "IDENTITY_HEADER_REQUIRED"
	VerstatReasonInvalidIdentityHeader     VerstatReason = "INVALID_IDENTITY_HEADER"
	VerstatReasonMalformedIdentityHeader   VerstatReason = "MALFORMED_IDENTITY_HEADER"
	VerstatReasonStaleDate                 VerstatReason = "STALE_DATE"
	VerstatReasonUnsupportedCredential     VerstatReason = "UNSUPPORTED_CREDENTIAL"
	VerstatReasonUnsupportedPassportFormat VerstatReason = "UNSUPPORTED_PASSPORT_FORMAT"
)

// LegType is CallDetailRecord.legType.
type LegType string

// Call legs.
const (
	LegOrigination LegType = "Origination"
	LegTermination LegType = "Termination"
	LegForward     LegType = "Forward"
)

// CallType is the direction of a call (CallDetailRecord.callType, the CDR search's callType).
type CallType string

// Call directions.
const (
	CallInbound  CallType = "INBOUND"
	CallOutbound CallType = "OUTBOUND"
)

var callTypes = []CallType{CallInbound, CallOutbound}

// CallFlagType is what happened to a call (CallDetailRecord.callFlagType, the
// CDR search's callFlagType).
type CallFlagType string

// Call flags.
const (
	FlagMissed    CallFlagType = "MISSED"
	FlagVoicemail CallFlagType = "VOICEMAIL"
	FlagForwarded CallFlagType = "FORWARDED"
	FlagBusy      CallFlagType = "BUSY"
	FlagAnswered  CallFlagType = "ANSWERED"
	FlagOther     CallFlagType = "OTHER"
	FlagPickup    CallFlagType = "PICKUP"
	FlagPickedUp  CallFlagType = "PICKED_UP"
)

var callFlagTypes = []CallFlagType{
	FlagMissed, FlagVoicemail, FlagForwarded, FlagBusy, FlagAnswered, FlagOther, FlagPickup, FlagPickedUp,
}

// DisconnectType is CallDetailRecord.disconnectType: why a call ended.
type DisconnectType string

// Disconnect reasons.
const (
	DisconnectBusy               DisconnectType = "Busy"
	DisconnectNoAnswer           DisconnectType = "NoAnswer"
	DisconnectHangUp             DisconnectType = "HangUp"
	DisconnectHangUpOther        DisconnectType = "HangUpOther"
	DisconnectBlindTransfer      DisconnectType = "BlindTransfer"
	DisconnectSupervisedTransfer DisconnectType = "SupervisedTransfer"
	DisconnectError              DisconnectType = "Error"
	DisconnectCancelled          DisconnectType = "Cancelled"
	DisconnectNextMenu           DisconnectType = "NextMenu"
	DisconnectNetworkBusy        DisconnectType = "NetworkBusy"
	DisconnectUnauthorized       DisconnectType = "Unauthorized"
	DisconnectPickedUp           DisconnectType = "PickedUp"
	DisconnectNoURL              DisconnectType = "NoURL"
	DisconnectBadURL             DisconnectType = "BadURL"
	DisconnectURLExpired         DisconnectType = "URLExpired"
	DisconnectNoCallWaiting      DisconnectType = "NoCallWaiting"
	DisconnectImportantCall      DisconnectType = "ImportantCall"
	DisconnectRefreshTimeout     DisconnectType = "RefreshTimeout"
	DisconnectLocationCapacity   DisconnectType = "LocationCapacity"
	DisconnectCapacity           DisconnectType = "Capacity"
	DisconnectSystemHangUp       DisconnectType = "SystemHangUp"
	DisconnectRejected           DisconnectType = "Rejected"
	DisconnectNotFound           DisconnectType = "NotFound"
	DisconnectOther              DisconnectType = "Other"
	DisconnectForward            DisconnectType = "Forward"
	DisconnectScreened           DisconnectType = "Screened"
	DisconnectUnregistered       DisconnectType = "Unregistered"
)

// RateType is CallDetailRecord.rateType: how a call was rated.
type RateType string

// Rate types.
const (
	RateLocal              RateType = "Local"
	RateOnPlanMinutes      RateType = "OnPlanMinutes"
	RateOnPlanRated        RateType = "OnPlanRated"
	RateOffPlanRated       RateType = "OffPlanRated"
	RateFree               RateType = "Free"
	RateTollFree           RateType = "TollFree"
	Rate411                RateType = "_411"
	RateOperator           RateType = "Operator"
	RateIntraPartitionFree RateType = "IntraPartitionFree"
	RateSIPTrunkInbound    RateType = "SipTrunkInbound"
)

// CDRServiceType is CallDetailRecord.serviceType.
type CDRServiceType string

// Call service types.
const (
	CDRServiceInterstate    CDRServiceType = "INTERSTATE"
	CDRServiceIntrastate    CDRServiceType = "INTRASTATE"
	CDRServiceInternational CDRServiceType = "INTERNATIONAL"
	CDRServiceTollFree      CDRServiceType = "TOLL_FREE"
	CDRServiceNotApplicable CDRServiceType = "NOT_APPLICABLE"
	CDRServiceUnknown       CDRServiceType = "UNKNOWN"
)

// CDRReferenceType is CallDetailRecord.referenceType: what made or took a call.
type CDRReferenceType string

// What made or took a call.
const (
	CDRRefSIPTrunk      CDRReferenceType = "SIP_TRUNK"
	CDRRefEndUser       CDRReferenceType = "END_USER"
	CDRRefAccount       CDRReferenceType = "ACCOUNT"
	CDRRefSpecialtyLine CDRReferenceType = "SPECIALTY_LINE"
)

// CDRSort is the sort field of the CDR search.
type CDRSort string

// CDR sort fields.
const (
	CDRSortByCost       CDRSort = "COST"
	CDRSortByCallLength CDRSort = "CALL_LENGTH"
	CDRSortByDate       CDRSort = "DATE"
)

var cdrSorts = []CDRSort{CDRSortByCost, CDRSortByCallLength, CDRSortByDate}

// SortOrder is a sort order.
type SortOrder string

// Sort orders.
const (
	SortAsc  SortOrder = "ASC"
	SortDesc SortOrder = "DESC"
)

var sortOrders = []SortOrder{SortAsc, SortDesc}
