package alianza

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// AccountType is Account.accountType.
type AccountType string

// Account types. SIMPLE accounts have one number, one user and one device;
// ADVANCED ones have several, with extension dialling.
const (
	AccountSimple   AccountType = "SIMPLE"
	AccountAdvanced AccountType = "ADVANCED"
)

// DialingBehavior is Account.dialingBehaviorType.
type DialingBehavior string

// Dialling behaviours of the spec. The DIAL_NINE ones are for ADVANCED
// accounts only.
const (
	DialSevenDigit           DialingBehavior = "SEVEN_DIGIT"
	DialTenDigit             DialingBehavior = "TEN_DIGIT"
	DialOpenDialPlan         DialingBehavior = "OPEN_DIAL_PLAN"
	DialOpenDialPlanTenDigit DialingBehavior = "OPEN_DIAL_PLAN_TEN_DIGIT"
	DialNineSevenDigit       DialingBehavior = "DIAL_NINE_SEVEN_DIGIT"
	DialNineTenDigit         DialingBehavior = "DIAL_NINE_TEN_DIGIT"
)

var dialingBehaviors = []DialingBehavior{DialSevenDigit, DialTenDigit, DialOpenDialPlan, DialOpenDialPlanTenDigit, DialNineSevenDigit, DialNineTenDigit}

// DialNine reports the DIAL_NINE behaviours, allowed for ADVANCED accounts only.
func (d DialingBehavior) DialNine() bool { return strings.HasPrefix(string(d), "DIAL_NINE_") }

// Account.timeZone values of the spec.
var timeZones = []string{
	"US/Samoa", "US/Hawaii", "US/Alaska", "US/Pacific", "US/Arizona", "US/Mountain", "US/Central", "US/Eastern",
	"America/St_Thomas", "Canada/Pacific", "Canada/Mountain", "Canada/Central", "Canada/Eastern", "Canada/Atlantic",
	"Canada/Newfoundland",
}

// Account.platformType and regulatoryType values of the spec.
var (
	platformTypes   = []string{"V2_0", "V2_1", "CPE1", "CPE2"}
	regulatoryTypes = []string{"RESIDENTIAL", "COMMERCIAL", "GOVERNMENT"}
)

// Account is the spec's Account schema. Fields left at their zero value are
// not sent; the server fills its defaults.
type Account struct {
	ID                       string          `json:"id,omitempty"`
	PartitionID              string          `json:"partitionId,omitempty"`
	AccountNumber            string          `json:"accountNumber,omitempty"` // unique in the partition; links the CRM customer
	AccountName              string          `json:"accountName,omitempty"`
	BillingCycleDay          int             `json:"billingCycleDay,omitempty"` // 1–28
	CustomField              string          `json:"customField,omitempty"`
	Status                   AccountStatus   `json:"status,omitempty"`
	TimeZone                 string          `json:"timeZone,omitempty"`    // ReferenceData.TimeZones; SupportedTimeZone
	LanguageTag              string          `json:"languageTag,omitempty"` // ReferenceData.Languages
	DeletionDate             *time.Time      `json:"deletionDate,omitempty"`
	AccountType              AccountType     `json:"accountType,omitempty"`
	PlatformType             string          `json:"platformType,omitempty"`
	PlatformChangeDate       *time.Time      `json:"platformChangeDate,omitempty"`
	InboundRatePlanProductID string          `json:"inboundRatePlanProductId,omitempty"`
	ExtensionLength          int             `json:"extensionLength,omitempty"` // 3–6, ADVANCED only
	DialingBehaviorType      DialingBehavior `json:"dialingBehaviorType,omitempty"`
	RoutePlanID              string          `json:"routePlanId,omitempty"`
	CallScreeningSettings    json.RawMessage `json:"callScreeningSettings,omitempty"`
	HoldMusicMediaID         string          `json:"holdMusicMediaId,omitempty"`
	HoldTimeoutSeconds       int             `json:"holdTimeoutSeconds,omitempty"` // 30–600
	AllowDangerousExtensions bool            `json:"allowDangerousExtensions,omitempty"`
	Domain                   string          `json:"domain,omitempty"`
	SendWelcomeEmail         bool            `json:"sendWelcomeEmail,omitempty"`
	RegulatoryType           string          `json:"regulatoryType,omitempty"`
	EndUserCount             int64           `json:"endUserCount,omitempty"`
	CustomHoldMusicMediaID   string          `json:"customHoldMusicMediaId,omitempty"`
	CallingPlans             []CallingPlan   `json:"callingPlans,omitempty"`
}

// CallingPlan is the spec's CallingPlanX schema.
type CallingPlan struct {
	ID                   string     `json:"id,omitempty"`
	ReferenceID          string     `json:"referenceId,omitempty"`
	ReferenceType        string     `json:"referenceType,omitempty"`
	CallingPlanProductID string     `json:"callingPlanProductId,omitempty"`
	StartDate            *time.Time `json:"startDate,omitempty"`
	EndDate              *time.Time `json:"endDate,omitempty"`
	PlanMinutes          int        `json:"planMinutes,omitempty"`
	SecondsRemaining     int64      `json:"secondsRemaining,omitempty"`
}

// AccountView is the spec's AccountViewX, one result of Search.
type AccountView struct {
	ID            string          `json:"id"`
	PartitionID   string          `json:"partitionId"`
	AccountNumber string          `json:"accountNumber"`
	AccountName   string          `json:"accountName"`
	Type          AccountType     `json:"type"`
	AccountStatus AccountStatus   `json:"accountStatus"`
	PlatformType  string          `json:"platformType"`
	Matches       json.RawMessage `json:"matches,omitempty"`
}

// validate applies the spec's rules to the fields that are set; create also
// requires the fields every new account needs.
func (a *Account) validate(op string, create bool) error {
	if create {
		switch {
		case strings.TrimSpace(a.AccountNumber) == "":
			return invalid(op, "AccountNumber", "is empty")
		case strings.TrimSpace(a.AccountName) == "":
			return invalid(op, "AccountName", "is empty")
		case a.AccountType == "":
			return invalid(op, "AccountType", "is empty: SIMPLE or ADVANCED")
		case a.BillingCycleDay == 0:
			return invalid(op, "BillingCycleDay", "is not set: a day from 1 to 28")
		case a.DialingBehaviorType == "":
			return invalid(op, "DialingBehaviorType", "is empty")
		case a.ID != "":
			return invalid(op, "ID", "is set: the server assigns it")
		}
	}
	if n := len(a.AccountNumber); n != 0 && (n < 3 || n > 256) {
		return invalid(op, "AccountNumber", "has %d characters, want 3 to 256", n)
	}
	if n := len(a.AccountName); n != 0 && (n < 3 || n > 256) {
		return invalid(op, "AccountName", "has %d characters, want 3 to 256", n)
	}
	if n := len(a.CustomField); n != 0 && (n < 3 || n > 256) {
		return invalid(op, "CustomField", "has %d characters, want 3 to 256", n)
	}
	return validateSettings(op, a.AccountType, a.BillingCycleDay, a.DialingBehaviorType, a.ExtensionLength,
		a.Status, a.TimeZone, a.PlatformType, a.RegulatoryType, a.HoldTimeoutSeconds)
}

// validateSettings checks the enumerated and ranged fields that are set.
// accountType may be "" (a patch), in which case the ADVANCED-only rules
// cannot be checked here and are left to the server.
func validateSettings(op string, typ AccountType, billingDay int, dial DialingBehavior, extLen int,
	status AccountStatus, tz, platform, regulatory string, holdTimeout int) error {
	switch {
	case typ != "" && typ != AccountSimple && typ != AccountAdvanced:
		return invalid(op, "AccountType", "%q is not SIMPLE or ADVANCED", typ)
	case billingDay != 0 && (billingDay < 1 || billingDay > 28):
		return invalid(op, "BillingCycleDay", "%d is not a day from 1 to 28", billingDay)
	case dial != "" && !slices.Contains(dialingBehaviors, dial):
		return invalid(op, "DialingBehaviorType", "%q is not one of %v", dial, dialingBehaviors)
	case dial.DialNine() && typ == AccountSimple:
		return invalid(op, "DialingBehaviorType", "%s is for ADVANCED accounts only", dial)
	case extLen != 0 && (extLen < 3 || extLen > 6):
		return invalid(op, "ExtensionLength", "%d is not from 3 to 6", extLen)
	case extLen != 0 && typ == AccountSimple:
		return invalid(op, "ExtensionLength", "is for ADVANCED accounts only")
	case status != "" && !status.Valid():
		return invalid(op, "Status", "%q is not an account status of the spec", status)
	case tz != "" && !slices.Contains(timeZones, tz):
		return invalid(op, "TimeZone", "%s", timeZoneReason(tz))
	case platform != "" && !slices.Contains(platformTypes, platform):
		return invalid(op, "PlatformType", "%q is not one of %v", platform, platformTypes)
	case regulatory != "" && !slices.Contains(regulatoryTypes, regulatory):
		return invalid(op, "RegulatoryType", "%q is not one of %v", regulatory, regulatoryTypes)
	case holdTimeout != 0 && (holdTimeout < 30 || holdTimeout > 600):
		return invalid(op, "HoldTimeoutSeconds", "%d is not from 30 to 600", holdTimeout)
	}
	return nil
}

// AccountsService is the account resource of a partition.
type AccountsService struct{ c *Client }

// List returns every account of the partition (GET …/account).
func (s *AccountsService) List(ctx context.Context) ([]Account, error) {
	const op = "Accounts.List"
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out []Account
	err = s.c.do(ctx, call{op: op, method: http.MethodGet, path: accountsPath(p)}, &out)
	return out, err
}

// Search finds accounts whose number, name and other fields match q (GET
// …/account/search?q=).
func (s *AccountsService) Search(ctx context.Context, q string) ([]AccountView, error) {
	const op = "Accounts.Search"
	if strings.TrimSpace(q) == "" {
		return nil, invalid(op, "q", "is empty")
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out []AccountView
	err = s.c.do(ctx, call{op: op, method: http.MethodGet, path: accountSearchPath(p), query: url.Values{querySearch: {q}}}, &out)
	return out, err
}

// Get returns an account by id.
func (s *AccountsService) Get(ctx context.Context, id string) (*Account, error) {
	return s.get(ctx, "Accounts.Get", id, "")
}

// GetByNumber returns an account by its account number, the field a CRM
// links its customer with (GET …/account/{number}?accountIdType=AccountNumber).
// An unknown number matches ErrNotFound.
func (s *AccountsService) GetByNumber(ctx context.Context, accountNumber string) (*Account, error) {
	return s.get(ctx, "Accounts.GetByNumber", accountNumber, "AccountNumber")
}

func (s *AccountsService) get(ctx context.Context, op, id, idType string) (*Account, error) {
	if err := checkID(op, "id", id); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var q url.Values
	if idType != "" {
		q = url.Values{queryAccountIDType: {idType}}
	}
	var out Account
	if err := s.c.do(ctx, call{op: op, method: http.MethodGet, path: accountPath(p, id), query: q}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Create creates an account (POST …/account). AccountNumber, AccountName,
// AccountType, BillingCycleDay and DialingBehaviorType are required; the
// DIAL_NINE behaviours and ExtensionLength (3–6) are for ADVANCED accounts
// only. Not re-sent automatically.
func (s *AccountsService) Create(ctx context.Context, a Account) (*Account, error) {
	const op = "Accounts.Create"
	if err := a.validate(op, true); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out Account
	if err := s.c.do(ctx, call{op: op, method: http.MethodPost, path: accountsPath(p), body: a}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Update replaces an account's editable fields (PUT …/account/{id}); a.ID
// names it. Read it first (Get) and change what is needed: fields left at
// their zero value are not sent. Retried per the policy (PUT is idempotent).
func (s *AccountsService) Update(ctx context.Context, a Account) (*Account, error) {
	const op = "Accounts.Update"
	if err := checkID(op, "ID", a.ID); err != nil {
		return nil, err
	}
	if err := a.validate(op, false); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out Account
	if err := s.c.do(ctx, call{op: op, method: http.MethodPut, path: accountPath(p, a.ID), body: a}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// AccountPatchRequest is the input of AccountsService.Patch, a partial
// update: only the fields that are not nil are sent (PATCH …/account/{id}).
type AccountPatchRequest struct {
	AccountName         *string          `json:"accountName,omitempty"`
	Status              *AccountStatus   `json:"status,omitempty"`
	BillingCycleDay     *int             `json:"billingCycleDay,omitempty"`
	DialingBehaviorType *DialingBehavior `json:"dialingBehaviorType,omitempty"`
	ExtensionLength     *int             `json:"extensionLength,omitempty"`
	TimeZone            *string          `json:"timeZone,omitempty"`
	CustomField         *string          `json:"customField,omitempty"`
	LanguageTag         *string          `json:"languageTag,omitempty"`
	HoldTimeoutSeconds  *int             `json:"holdTimeoutSeconds,omitempty"`
}

func deref[T any](p *T) (v T) {
	if p != nil {
		v = *p
	}
	return v
}

// Patch changes the given fields of an account. The ADVANCED-only rules
// cannot be checked without the account's type; the server checks them.
// Not re-sent automatically (PATCH).
func (s *AccountsService) Patch(ctx context.Context, id string, patch AccountPatchRequest) (*Account, error) {
	const op = "Accounts.Patch"
	if err := checkID(op, "id", id); err != nil {
		return nil, err
	}
	if patch == (AccountPatchRequest{}) {
		return nil, invalid(op, "patch", "changes nothing")
	}
	if n := patch.AccountName; n != nil && (len(*n) < 3 || len(*n) > 256) {
		return nil, invalid(op, "AccountName", "has %d characters, want 3 to 256", len(*n))
	}
	if b := patch.BillingCycleDay; b != nil && *b == 0 {
		return nil, invalid(op, "BillingCycleDay", "0 is not a day from 1 to 28")
	}
	if e := patch.ExtensionLength; e != nil && *e == 0 {
		return nil, invalid(op, "ExtensionLength", "0 is not from 3 to 6")
	}
	if err := validateSettings(op, "", deref(patch.BillingCycleDay), deref(patch.DialingBehaviorType), deref(patch.ExtensionLength),
		deref(patch.Status), deref(patch.TimeZone), "", "", deref(patch.HoldTimeoutSeconds)); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out Account
	if err := s.c.do(ctx, call{op: op, method: http.MethodPatch, path: accountPath(p, id), body: patch}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Delete deletes an account (DELETE …/account/{id}).
func (s *AccountsService) Delete(ctx context.Context, id string) error {
	const op = "Accounts.Delete"
	if err := checkID(op, "id", id); err != nil {
		return err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return err
	}
	return s.c.do(ctx, call{op: op, method: http.MethodDelete, path: accountPath(p, id)}, nil)
}

// EnsureStatus applies the CRM rule to an account: ACTIVE when the customer
// is current, DISABLED otherwise (see StatusChange). It reads the account
// and writes only when the status differs, returning the account as it is
// afterwards and whether it was changed.
func (s *AccountsService) EnsureStatus(ctx context.Context, id string, customerCurrent bool) (*Account, bool, error) {
	a, err := s.Get(ctx, id)
	if err != nil {
		return nil, false, err
	}
	want, change := StatusChange(a.Status, customerCurrent)
	if !change {
		return a, false, nil
	}
	updated, err := s.Patch(ctx, a.ID, AccountPatchRequest{Status: &want})
	if err != nil {
		return a, false, err
	}
	return updated, true, nil
}
