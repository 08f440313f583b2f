package alianza

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// This file holds the searches that page with firstResultIndex and
// maxResult: the partition's telephone number status search, and an
// account's history and call detail records. Their answers carry a
// totalRecords, but the API notes do not promise it (alianza-notes.md: "give
// no total or next link"), so the iterators do not rely on it: they stop at
// the first page shorter than the page size.

const (
	queryFirstResultIndex = "firstResultIndex"
	queryMaxResult        = "maxResult"
)

// Default page sizes: the spec's default maxResult of each search.
const (
	defaultStatusPageSize  = 50
	defaultHistoryPageSize = 20
	defaultCDRPageSize     = 20
)

// pages iterates over the results of a search that pages with
// firstResultIndex/maxResult, with or without a total. On the first pull it
// resolves the partition (logging in when needed) and builds the path with
// path; then it asks for pageSize results at a time, from index 0, and
// extract takes the results, and the total when the answer has one (else
// -1), out of each answer. It stops:
//   - after an empty page;
//   - with a total: once the results reach it (a server that returns fewer
//     than pageSize per page does not end the walk early);
//   - without a total: after a page with fewer than pageSize results: that
//     was the end, so a total that is a multiple of pageSize costs one
//     request for an empty page, and no request follows it;
//   - on an error, which it yields once (with a zero T);
//   - when the consumer stops (break), without asking for another page.
//
// A page longer than pageSize (a server that ignores maxResult) is taken
// whole and the next request starts after it. Ranging over the iterator
// again starts again from index 0.
func pages[T any](ctx context.Context, c *Client, op string, path func(partition string) string,
	query url.Values, pageSize int, extract func([]byte) ([]T, int, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		p, err := c.partitionOf(ctx, op)
		if err != nil {
			yield(zero, err)
			return
		}
		for first := 0; ; {
			q := make(url.Values, len(query)+2)
			for k, v := range query {
				q[k] = slices.Clone(v)
			}
			q.Set(queryFirstResultIndex, strconv.Itoa(first))
			q.Set(queryMaxResult, strconv.Itoa(pageSize))
			var raw json.RawMessage
			resp, err := c.send(ctx, call{op: op, method: http.MethodGet, path: path(p), query: q}, &raw)
			if err != nil {
				yield(zero, err)
				return
			}
			items, total, err := extract(raw)
			if err != nil {
				// The call's scrubber knows the token too: a decoding
				// error such as `parsing time "…"` may quote the answer.
				yield(zero, badAnswer(op, resp, err))
				return
			}
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			switch {
			case len(items) == 0:
				return
			case total >= 0:
				// A total, when the answer has one, decides: a server that
				// caps maxResult below pageSize does not end the walk early.
				if first+len(items) >= total {
					return
				}
			case len(items) < pageSize:
				return
			}
			first += len(items)
		}
	}
}

// failed is an iterator that yields err once: a query refused before
// sending.
func failed[T any](err error) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		yield(zero, err)
	}
}

// resultsOf takes the results and, when present, totalRecords out of the
// spec's search answers ({totalRecords, results}); the total is -1 when the
// answer has none.
func resultsOf[T any](body []byte) ([]T, int, error) {
	var page struct {
		TotalRecords *int `json:"totalRecords"`
		Results      []T  `json:"results"`
	}
	if err := json.Unmarshal(body, &page); err != nil {
		return nil, 0, err
	}
	total := -1
	if page.TotalRecords != nil && *page.TotalRecords >= 0 {
		total = *page.TotalRecords
	}
	return page.Results, total, nil
}

// pageSize checks a query's page size, 0 meaning the default.
func checkPageSize(op string, n, def int) (int, error) {
	switch {
	case n < 0:
		return 0, invalid(op, "PageSize", "%d is negative", n)
	case n == 0:
		return def, nil
	}
	return n, nil
}

// setDates checks and sets a date interval, as the YYYY-MM-DD the searches
// take (the date of each time in its own location); zero times are left out.
func setDates(op string, q url.Values, start, end time.Time, required bool) error {
	switch {
	case required && (start.IsZero() || end.IsZero()):
		return invalid(op, "StartDate/EndDate", "are required")
	case !start.IsZero() && !end.IsZero() && start.Format(time.DateOnly) > end.Format(time.DateOnly):
		return invalid(op, "StartDate", "%s is after EndDate %s", start.Format(time.DateOnly), end.Format(time.DateOnly))
	}
	if !start.IsZero() {
		q.Set("startDate", start.Format(time.DateOnly))
	}
	if !end.IsZero() {
		q.Set("endDate", end.Format(time.DateOnly))
	}
	return nil
}

// addEnums checks the values of a repeated enum parameter and adds them.
func addEnums[T ~string](op, field string, q url.Values, key string, values []T, valid []T) error {
	for i, v := range values {
		if v == "" || !slices.Contains(valid, v) {
			return invalid(op, field+"["+strconv.Itoa(i)+"]", "%q is not one of %v", v, valid)
		}
		q.Add(key, string(v))
	}
	return nil
}

// StatusEventOptions filters NumbersService.StatusEvents (GET
// /v2/partition/{partitionId}/telephonenumber/statussearch). The zero value
// matches every event of the partition.
type StatusEventOptions struct {
	AccountID string // accountId
	// TelephoneNumber is telephoneNumber, checked and sent as bare digits
	// (see NormalizeTelephoneNumber).
	TelephoneNumber string
	EventTypes      []EventType        // eventType, any of
	StatusTypes     []ActivationStatus // statusType, any of
	// DateType is dateType: which date StartDate and EndDate apply to.
	DateType DateType
	// StartDate and EndDate are startDate and endDate, sent as YYYY-MM-DD
	// (the date of each in its own location; the spec gives no format for
	// this search, and YYYY-MM-DD is the one of its other searches). Zero
	// values do not filter.
	StartDate, EndDate time.Time
	// PageSize is maxResult, the results per request; 0 is the spec's
	// default, 50.
	PageSize int
}

func (sq StatusEventOptions) values(op string) (url.Values, int, error) {
	size, err := checkPageSize(op, sq.PageSize, defaultStatusPageSize)
	if err != nil {
		return nil, 0, err
	}
	q := url.Values{}
	if sq.AccountID != "" {
		q.Set("accountId", sq.AccountID)
	}
	if sq.TelephoneNumber != "" {
		tn, err := checkTN(op, "TelephoneNumber", sq.TelephoneNumber)
		if err != nil {
			return nil, 0, err
		}
		q.Set("telephoneNumber", tn)
	}
	if err := firstErr(
		addEnums(op, "EventTypes", q, "eventType", sq.EventTypes, eventTypes),
		addEnums(op, "StatusTypes", q, "statusType", sq.StatusTypes, activationStatuses),
		checkEnum(op, "DateType", sq.DateType, dateTypes),
		setDates(op, q, sq.StartDate, sq.EndDate, false),
	); err != nil {
		return nil, 0, err
	}
	if sq.DateType != "" {
		q.Set("dateType", string(sq.DateType))
	}
	return q, size, nil
}

// StatusEvent is a service activation event: an activation, port, 911
// address change, disconnect … of telephone numbers, with its status (the
// spec's ServiceActivationEventX).
type StatusEvent struct {
	ID                   string             `json:"id"`
	PartitionID          string             `json:"partitionId"`
	AccountID            string             `json:"accountId"`
	ServiceType          EventType          `json:"serviceType"`
	ReferenceType        EventReferenceType `json:"referenceType"`
	ReferenceID          string             `json:"referenceId"`
	ActivationStatusType ActivationStatus   `json:"activationStatusType"`
	CreatedDate          *time.Time         `json:"createdDate"`
	LastUpdatedDate      *time.Time         `json:"lastUpdatedDate"`
	FOCDate              *time.Time         `json:"focDate"` // firm order commitment
	CRDDate              *time.Time         `json:"crdDate"` // customer requested date
	City                 string             `json:"city"`
	MainTelephoneNumber  string             `json:"mainTelephoneNumber"`
	SubTelephoneNumbers  []string           `json:"subTelephoneNumbers"`
	FirstName            string             `json:"firstName"`
	LastName             string             `json:"lastName"`
	CompanyName          string             `json:"companyName"`
	State                string             `json:"state"`
	L3Reaction           L3Reaction         `json:"l3Reaction"`
	ParentOrderID        string             `json:"parentOrderId"`
	EditableFieldTypes   []EditableField    `json:"editableFieldTypes"`
	LosingCarrier        string             `json:"losingCarrier"`
	InboundCarrierType   CarrierType        `json:"inboundCarrierType"`
	Logs                 []StatusEventLog   `json:"logs"`
}

// StatusEventLog is one step of a StatusEvent (the spec's
// ServiceActivationEventLogX).
type StatusEventLog struct {
	Status            ActivationStatus `json:"status"`
	ActionDate        *time.Time       `json:"actionDate"`
	Code              string           `json:"code"`
	Message           string           `json:"message"`
	CreationDate      *time.Time       `json:"creationDate"`
	GeneratedTicketID string           `json:"generatedTicketId"`
}

// StatusEvents iterates over the service activation events of the
// partition that match opts (GET
// /v2/partition/{partitionId}/telephonenumber/statussearch), opts.PageSize
// at a time; nil opts matches every event. Nothing is sent until the
// iterator is used; invalid options are yielded as its one error
// (ErrInvalidInput), and so is the first failed request. See Paging in the
// package documentation for when it stops.
//
//	for ev, err := range c.Numbers.StatusEvents(ctx, &alianza.StatusEventOptions{AccountID: id}) {
//		if err != nil {
//			return err
//		}
//		…
//	}
func (s *NumbersService) StatusEvents(ctx context.Context, opts *StatusEventOptions) iter.Seq2[StatusEvent, error] {
	var sq StatusEventOptions
	if opts != nil {
		sq = *opts
	}
	const op = "Numbers.StatusEvents"
	q, size, err := sq.values(op)
	if err != nil {
		return failed[StatusEvent](err)
	}
	return pages(ctx, s.c, op, func(p string) string { return partitionPath(p, "telephonenumber", "statussearch") },
		q, size, resultsOf[StatusEvent])
}

// HistoryOptions filters AccountsService.History (GET
// …/account/{accountId}/accounthistorysearch). The zero value matches the
// whole history.
type HistoryOptions struct {
	Types []AccountHistoryType // accountHistoryType, any of
	// StartDate and EndDate are startDate and endDate, inclusive, sent as
	// YYYY-MM-DD (the date of each in its own location). Zero values do not
	// filter.
	StartDate, EndDate time.Time
	// PageSize is maxResult, the results per request; 0 is the spec's
	// default, 20.
	PageSize int
}

// AccountHistory is one change to an account: what, when and by whom (the
// spec's AccountHistoryX).
type AccountHistory struct {
	ID                 string               `json:"id"`
	AccountID          string               `json:"accountId"`
	AccountNumber      string               `json:"accountNumber"`
	OldValue           string               `json:"oldValue"`
	NewValue           string               `json:"newValue"`
	UserName           string               `json:"userName"`
	UserID             string               `json:"userId"`
	UserType           HistoryUserType      `json:"userType"`
	PartitionName      string               `json:"partitionName"`
	AccountHistoryType AccountHistoryType   `json:"accountHistoryType"`
	LoggedDate         *time.Time           `json:"loggedDate"`
	ReferenceType      HistoryReferenceType `json:"referenceType"`
	ReferenceID        string               `json:"referenceId"`
	ReferenceName      string               `json:"referenceName"`
	Action             HistoryAction        `json:"action"`
}

// History iterates over the history of an account, in the server's order
// (GET
// /v2/partition/{partitionId}/account/{accountId}/accounthistorysearch),
// opts.PageSize at a time; nil opts is the whole history. Nothing is sent
// until the iterator is used; invalid options are yielded as its one error
// (ErrInvalidInput). See Paging in the package documentation for when it
// stops.
func (s *AccountsService) History(ctx context.Context, accountID string, opts *HistoryOptions) iter.Seq2[AccountHistory, error] {
	var hq HistoryOptions
	if opts != nil {
		hq = *opts
	}
	const op = "Accounts.History"
	if err := checkID(op, "accountID", accountID); err != nil {
		return failed[AccountHistory](err)
	}
	size, err := checkPageSize(op, hq.PageSize, defaultHistoryPageSize)
	if err != nil {
		return failed[AccountHistory](err)
	}
	q := url.Values{}
	if err := firstErr(
		addEnums(op, "Types", q, "accountHistoryType", hq.Types, accountHistoryTypes),
		setDates(op, q, hq.StartDate, hq.EndDate, false),
	); err != nil {
		return failed[AccountHistory](err)
	}
	return pages(ctx, s.c, op, func(p string) string { return partitionPath(p, "account", accountID, "accounthistorysearch") },
		q, size, resultsOf[AccountHistory])
}

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

// EventType is the type of a service activation event
// (ServiceActivationEventX.serviceType, the status search's eventType).
type EventType string

// Service activation event types.
const (
	EventPortRequest        EventType = "PORT_REQUEST"
	EventCSRChangeRequest   EventType = "CSR_CHANGE_REQUEST"
	EventActivation         EventType = "ACTIVATION"
	Event911Address         EventType = "NINE_ONE_ONE_ADDRESS"
	EventDisconnect         EventType = "DISCONNECT"
	EventDynamicReservation EventType = "DYNAMIC_RESERVATION"
	EventBYOTNRequest       EventType = "BYOTN_REQUEST"
	EventServiceProviderTN  EventType = "SERVICE_PROVIDER_TN"
)

var eventTypes = []EventType{
	EventPortRequest, EventCSRChangeRequest, EventActivation, Event911Address, EventDisconnect,
	EventDynamicReservation, EventBYOTNRequest, EventServiceProviderTN,
}

// EventReferenceType is ServiceActivationEventX.referenceType: what an event is about.
type EventReferenceType string

// What a service activation event is about.
const (
	EventRefTelephone        EventReferenceType = "TELEPHONE"
	EventRefPort             EventReferenceType = "PORT"
	EventRefDynamicInventory EventReferenceType = "DYNAMIC_INVENTORY"
	EventRefBYOTN            EventReferenceType = "BYOTN"
	EventRefBYOTNPort        EventReferenceType = "BYOTN_PORT"
)

// ActivationStatus is the status of a service activation event
// (activationStatusType, the status search's statusType,
// ServiceActivationEventLogX.status).
type ActivationStatus string

// Service activation statuses.
const (
	ActivationPending            ActivationStatus = "PENDING"
	ActivationInProgress         ActivationStatus = "IN_PROGRESS"
	ActivationRejected           ActivationStatus = "REJECTED"
	ActivationFOCReceived        ActivationStatus = "FOC_RECEIVED"
	ActivationFOCRemoved         ActivationStatus = "FOC_REMOVED"
	ActivationCancelled          ActivationStatus = "CANCELLED"
	ActivationCancelPending      ActivationStatus = "CANCEL_PENDING"
	ActivationCarrierCancelled   ActivationStatus = "CARRIER_CANCELLED"
	ActivationDeletePending      ActivationStatus = "DELETE_PENDING"
	ActivationDeleteScheduled    ActivationStatus = "DELETE_SCHEDULED"
	ActivationCompleted          ActivationStatus = "COMPLETED"
	ActivationCorrectedCompleted ActivationStatus = "CORRECTED_COMPLETED"
	ActivationCooldown           ActivationStatus = "COOLDOWN"
	ActivationHotCutPort         ActivationStatus = "HOT_CUT_PORT"
	ActivationOnHold             ActivationStatus = "ON_HOLD"
	ActivationResellerPending    ActivationStatus = "RESELLER_PENDING"
)

var activationStatuses = []ActivationStatus{
	ActivationPending, ActivationInProgress, ActivationRejected, ActivationFOCReceived, ActivationFOCRemoved,
	ActivationCancelled, ActivationCancelPending, ActivationCarrierCancelled, ActivationDeletePending,
	ActivationDeleteScheduled, ActivationCompleted, ActivationCorrectedCompleted, ActivationCooldown,
	ActivationHotCutPort, ActivationOnHold, ActivationResellerPending,
}

// L3Reaction is ServiceActivationEventX.l3Reaction.
type L3Reaction string

// Reactions to a Level 3 event.
const (
	L3Ignore    L3Reaction = "IGNORE"
	L3Resubmit  L3Reaction = "RESUBMIT"
	L3Cancel    L3Reaction = "CANCEL"
	L3SendEmail L3Reaction = "SEND_EMAIL"
)

// EditableField is one of ServiceActivationEventX.editableFieldTypes.
type EditableField string

// Fields of an event that can still be edited.
const (
	EditableCRDDate               EditableField = "crdDate"
	EditableWirelessAccountNumber EditableField = "wirelessAccountNumber"
	EditableWirelessPin           EditableField = "wirelessPin"
	EditableName                  EditableField = "name"
)

// DateType is the date a status search's StartDate and EndDate apply to (dateType).
type DateType string

// Date types of the status search.
const (
	DateFOC     DateType = "FOCDate"
	DateUpdated DateType = "UpdatedDate"
	DateCreated DateType = "CreatedDate"
)

var dateTypes = []DateType{DateFOC, DateUpdated, DateCreated}

// AccountHistoryType is what an account history record is about (accountHistoryType).
type AccountHistoryType string

// Account history types.
const (
	HistoryPhoneNumber             AccountHistoryType = "PHONE_NUMBER"
	HistoryProvisioning            AccountHistoryType = "PROVISIONING"
	HistoryCallForwarding          AccountHistoryType = "CALL_FORWARDING"
	HistoryCallScreening           AccountHistoryType = "CALL_SCREENING"
	HistoryAddress                 AccountHistoryType = "ADDRESS"
	HistoryAddressCSR              AccountHistoryType = "ADDRESS_CSR"
	HistoryAddressE911             AccountHistoryType = "ADDRESS_E911"
	HistoryAddressDirectoryListing AccountHistoryType = "ADDRESS_DIRECTORY_LISTING"
	HistoryAccountStatus           AccountHistoryType = "ACCOUNT_STATUS"
	HistoryVoicemail               AccountHistoryType = "VOICEMAIL"
	HistoryCallingPlan             AccountHistoryType = "CALLING_PLAN"
	HistoryInboundCallingPlan      AccountHistoryType = "INBOUND_CALLING_PLAN"
	HistoryIVR                     AccountHistoryType = "IVR"
	HistorySIPTrunk                AccountHistoryType = "SIP_TRUNK"
	HistorySIPTrunkForward         AccountHistoryType = "SIP_TRUNK_FORWARD"
	HistorySIPTrunkGroup           AccountHistoryType = "SIP_TRUNK_GROUP"
	HistoryDevice                  AccountHistoryType = "DEVICE"
	HistoryDeviceMetadata          AccountHistoryType = "DEVICE_METADATA"
	HistoryUser                    AccountHistoryType = "USER"
	HistoryUserAPIAuth             AccountHistoryType = "USER_API_AUTH"
	HistoryLineHuntGroup           AccountHistoryType = "LINE_HUNTGROUP"
	HistoryAccount                 AccountHistoryType = "ACCOUNT"
	HistoryLineAppearance          AccountHistoryType = "LINE_APPEARANCE"
	HistoryLineHardware            AccountHistoryType = "LINE_HARDWARE"
	HistoryVFax                    AccountHistoryType = "VFAX"
	HistoryPagingGroup             AccountHistoryType = "PAGING_GROUP"
	HistoryPickupGroup             AccountHistoryType = "PICKUP_GROUP"
	HistoryGroupOfReferences       AccountHistoryType = "GROUP_OF_REFERENCES"
	HistoryCallParkingSpot         AccountHistoryType = "CALL_PARKING_SPOT"
	HistoryAccountUser             AccountHistoryType = "ACCOUNT_USER"
	HistorySIPCredentials          AccountHistoryType = "SIP_CREDENTIALS"
	HistoryBusinessLine            AccountHistoryType = "BUSINESS_LINE"
	HistoryBusinessLineHuntGroup   AccountHistoryType = "BUSINESS_LINE_HUNT_GROUP"
	HistoryCallGroup               AccountHistoryType = "CALL_GROUP"
	HistoryCallQueue               AccountHistoryType = "CALL_QUEUE"
	HistoryUserDeviceLine          AccountHistoryType = "USER_DEVICE_LINE"
	HistoryEmergencyNotification   AccountHistoryType = "EMERGENCY_NOTIFICATION"
	HistoryDynamicReservation      AccountHistoryType = "DYNAMIC_RESERVATION"
	HistorySpecialtyLine           AccountHistoryType = "SPECIALTY_LINE"
	HistoryAuthority               AccountHistoryType = "AUTHORITY"
	HistoryAutoAttendant           AccountHistoryType = "AUTO_ATTENDANT"
	HistoryContact                 AccountHistoryType = "CONTACT"
	HistoryContactCenter           AccountHistoryType = "CONTACT_CENTER"
	HistoryCallRecording           AccountHistoryType = "CALL_RECORDING"
	HistoryAccountCode             AccountHistoryType = "ACCOUNT_CODE"
	HistoryShortCode               AccountHistoryType = "SHORT_CODE"
	HistoryMediaManagement         AccountHistoryType = "MEDIA_MANAGEMENT"
	HistorySounds                  AccountHistoryType = "SOUNDS"
	HistoryUserGroup               AccountHistoryType = "USER_GROUP"
)

var accountHistoryTypes = []AccountHistoryType{
	HistoryPhoneNumber, HistoryProvisioning, HistoryCallForwarding, HistoryCallScreening, HistoryAddress,
	HistoryAddressCSR, HistoryAddressE911, HistoryAddressDirectoryListing, HistoryAccountStatus,
	HistoryVoicemail, HistoryCallingPlan, HistoryInboundCallingPlan, HistoryIVR, HistorySIPTrunk,
	HistorySIPTrunkForward, HistorySIPTrunkGroup, HistoryDevice, HistoryDeviceMetadata, HistoryUser,
	HistoryUserAPIAuth, HistoryLineHuntGroup, HistoryAccount, HistoryLineAppearance, HistoryLineHardware,
	HistoryVFax, HistoryPagingGroup, HistoryPickupGroup, HistoryGroupOfReferences, HistoryCallParkingSpot,
	HistoryAccountUser, HistorySIPCredentials, HistoryBusinessLine, HistoryBusinessLineHuntGroup,
	HistoryCallGroup, HistoryCallQueue, HistoryUserDeviceLine, HistoryEmergencyNotification,
	HistoryDynamicReservation, HistorySpecialtyLine, HistoryAuthority, HistoryAutoAttendant, HistoryContact,
	HistoryContactCenter, HistoryCallRecording, HistoryAccountCode, HistoryShortCode, HistoryMediaManagement,
	HistorySounds, HistoryUserGroup,
}

// HistoryUserType is AccountHistoryX.userType: the kind of user who made a change.
type HistoryUserType string

// Kinds of users who change accounts.
const (
	ChangedByAccountUser    HistoryUserType = "AccountUser"
	ChangedByEndUser        HistoryUserType = "EndUser"
	ChangedByManagementUser HistoryUserType = "ManagementUser"
	ChangedByAlianzaUser    HistoryUserType = "AlianzaUser"
	ChangedByBusinessLines  HistoryUserType = "BusinessLines"
)

// HistoryReferenceType is AccountHistoryX.referenceType: the kind of object a
// history record is about.
type HistoryReferenceType string

// Kinds of objects in account history records. The spec mixes spellings and has
// both SipTrunk (HistoryRefSipTrunk) and SIP_TRUNK (HistoryRefSIPTrunk).
const (
	HistoryRefAccount                         HistoryReferenceType = "Account"
	HistoryRefLineAppearance                  HistoryReferenceType = "LineAppearance"
	HistoryRefLineHuntGroup                   HistoryReferenceType = "LineHuntGroup"
	HistoryRefSipTrunk                        HistoryReferenceType = "SipTrunk"
	HistoryRefSipTrunkForward                 HistoryReferenceType = "SipTrunkForward"
	HistoryRefDevice                          HistoryReferenceType = "Device"
	HistoryRefTelephone                       HistoryReferenceType = "Telephone"
	HistoryRefIVR                             HistoryReferenceType = "IVR"
	HistoryRefEndUser                         HistoryReferenceType = "EndUser"
	HistoryRefVFax                            HistoryReferenceType = "VFax"
	HistoryRefVoicemailBox                    HistoryReferenceType = "VoicemailBox"
	HistoryRefPagingGroup                     HistoryReferenceType = "PagingGroup"
	HistoryRefGroupOfReferences               HistoryReferenceType = "GroupOfReferences"
	HistoryRefPickupGroup                     HistoryReferenceType = "PickupGroup"
	HistoryRefCallParkingSpot                 HistoryReferenceType = "CallParkingSpot"
	HistoryRefAccountUser                     HistoryReferenceType = "AccountUser"
	HistoryRefSIPCredentials                  HistoryReferenceType = "SIP_CREDENTIALS"
	HistoryRefBusinessLine                    HistoryReferenceType = "BUSINESS_LINE"
	HistoryRefBusinessLineHuntGroup           HistoryReferenceType = "BUSINESS_LINE_HUNT_GROUP"
	HistoryRefCallGroup                       HistoryReferenceType = "CALL_GROUP"
	HistoryRefCallQueue                       HistoryReferenceType = "CALL_QUEUE"
	HistoryRefUserDeviceLine                  HistoryReferenceType = "USER_DEVICE_LINE"
	HistoryRefSIPTrunk                        HistoryReferenceType = "SIP_TRUNK"
	HistoryRefSIPTrunkGroup                   HistoryReferenceType = "SIP_TRUNK_GROUP"
	HistoryRefEmergencyNotificationCompliance HistoryReferenceType = "EMERGENCY_NOTIFICATION_COMPLIANCE"
	HistoryRefDynamicReservation              HistoryReferenceType = "DYNAMIC_RESERVATION"
	HistoryRefSpecialtyLine                   HistoryReferenceType = "SPECIALTY_LINE"
	HistoryRefAuthorityRole                   HistoryReferenceType = "AUTHORITY_ROLE"
	HistoryRefAutoAttendant                   HistoryReferenceType = "AUTO_ATTENDANT"
	HistoryRefEndUserContact                  HistoryReferenceType = "END_USER_CONTACT"
	HistoryRefCustomContact                   HistoryReferenceType = "CUSTOM_CONTACT"
	HistoryRefContactCenter                   HistoryReferenceType = "CONTACT_CENTER"
	HistoryRefCallRecording                   HistoryReferenceType = "CALL_RECORDING"
	HistoryRefAccountCode                     HistoryReferenceType = "ACCOUNT_CODE"
	HistoryRefShortCode                       HistoryReferenceType = "SHORT_CODE"
	HistoryRefMediaManagement                 HistoryReferenceType = "MEDIA_MANAGEMENT"
	HistoryRefSounds                          HistoryReferenceType = "SOUNDS"
	HistoryRefUserGroup                       HistoryReferenceType = "USER_GROUP"
	HistoryRefUserAPIAuth                     HistoryReferenceType = "USER_API_AUTH"
)

// HistoryAction is AccountHistoryX.action.
type HistoryAction string

// Actions of account history records.
const (
	ActionCreate           HistoryAction = "CREATE"
	ActionUpdate           HistoryAction = "UPDATE"
	ActionProvisionRequest HistoryAction = "PROVISION_REQUEST"
	ActionDelete           HistoryAction = "DELETE"
)

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
