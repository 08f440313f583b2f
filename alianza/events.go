package alianza

import (
	"context"
	"iter"
	"net/url"
	"time"
)

// This file is the partition's telephone number status search
// (Numbers.StatusEvents): service activation events and their enums.

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
