package alianza

import (
	"context"
	"iter"
	"net/url"
	"time"
)

// This file is an account's history (Accounts.History) and its enums.

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
