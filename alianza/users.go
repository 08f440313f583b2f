package alianza

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"time"
)

// User is an account's end user (the spec's EndUserV2X). Nested settings the
// package does not type yet are kept as raw JSON so that an Update sends them
// back unchanged.
type User struct {
	ID                    string          `json:"id,omitempty"`
	Username              string          `json:"username,omitempty"`
	FirstName             string          `json:"firstName,omitempty"`
	LastName              string          `json:"lastName,omitempty"`
	EmailAddress          string          `json:"emailAddress,omitempty"`
	MustChangePassword    bool            `json:"mustChangePassword,omitempty"`
	LanguageTag           string          `json:"languageTag,omitempty"`
	PartitionID           string          `json:"partitionId,omitempty"`
	AccountID             string          `json:"accountId,omitempty"`
	CallingPlans          []CallingPlan   `json:"callingPlans,omitempty"`
	Devices               []DeviceLine    `json:"devices,omitempty"`
	TimeZone              string          `json:"timeZone,omitempty"` // required by the spec
	Extension             string          `json:"extension,omitempty"`
	CallerIDConfig        json.RawMessage `json:"callerIdConfig,omitempty"`
	CallHandlingSettings  json.RawMessage `json:"callHandlingSettings,omitempty"`
	CallScreeningSettings json.RawMessage `json:"callScreeningSettings,omitempty"`
	NewCppID              string          `json:"newCppId,omitempty"`
	MediaFriends          json.RawMessage `json:"mediaFriends,omitempty"`
	CallHandlingSchedules json.RawMessage `json:"callHandlingSchedules,omitempty"`
	VoicemailBoxID        string          `json:"voicemailBoxId,omitempty"`
	EndUserType           string          `json:"endUserType,omitempty"`     // ADMIN, ADVANCED_ADMIN, BASIC_ADMIN, STANDARD, STANDARD_ADMIN, SUPER_ADMIN
	UserProductPlan       string          `json:"userProductPlan,omitempty"` // STANDARD, ADVANCED, PROFESSIONAL
	SoftphoneClientType   string          `json:"softphoneClientType,omitempty"`
	PinLockedOut          bool            `json:"pinLockedOut,omitempty"`
	WelcomeEmailSent      *time.Time      `json:"welcomeEmailSent,omitempty"`
	BlockEmail            bool            `json:"blockEmail,omitempty"`
	AllowPortalAccess     bool            `json:"allowPortalAccess,omitempty"`
	Tags                  string          `json:"tags,omitempty"`
	Group                 json.RawMessage `json:"group,omitempty"`
}

var (
	endUserTypes     = []string{"ADMIN", "ADVANCED_ADMIN", "BASIC_ADMIN", "STANDARD", "STANDARD_ADMIN", "SUPER_ADMIN"}
	userProductPlans = []string{"STANDARD", "ADVANCED", "PROFESSIONAL"}
)

func (u *User) validate(op string, create bool) error {
	switch {
	case create && u.ID != "":
		return invalid(op, "ID", "is set: the server assigns it")
	case create && u.TimeZone == "":
		return invalid(op, "TimeZone", "is empty (the spec requires it): one of the spec's time zones, such as US/Central (ReferenceData.TimeZones lists them)")
	case u.TimeZone != "" && !slices.Contains(timeZones, u.TimeZone):
		return invalid(op, "TimeZone", "%s", timeZoneReason(u.TimeZone))
	case u.EndUserType != "" && !slices.Contains(endUserTypes, u.EndUserType):
		return invalid(op, "EndUserType", "%q is not one of %v", u.EndUserType, endUserTypes)
	case u.UserProductPlan != "" && !slices.Contains(userProductPlans, u.UserProductPlan):
		return invalid(op, "UserProductPlan", "%q is not one of %v (ProductPlans.List lists those available to the account)", u.UserProductPlan, userProductPlans)
	case u.Extension != "" && !allDigits(u.Extension):
		return invalid(op, "Extension", "%q is not digits", u.Extension)
	case u.Extension != "" && (len(u.Extension) < 3 || len(u.Extension) > 6):
		return invalid(op, "Extension", "has %d digits; extensions have 3 to 6 (the account's extension length)", len(u.Extension))
	}
	return nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// UsersService is the end users of an account.
type UsersService struct{ c *Client }

// accountScope checks the account id of a call on an account's
// sub-resource and resolves the partition.
func (c *Client) accountScope(ctx context.Context, op, accountID string) (string, error) {
	if err := checkID(op, "accountID", accountID); err != nil {
		return "", err
	}
	return c.partitionOf(ctx, op)
}

// List returns the users of an account (GET …/account/{accountId}/user).
func (s *UsersService) List(ctx context.Context, accountID string) ([]User, error) {
	const op = "Users.List"
	p, err := s.c.accountScope(ctx, op, accountID)
	if err != nil {
		return nil, err
	}
	var out []User
	err = s.c.do(ctx, call{op: op, method: http.MethodGet, path: partitionPath(p, "account", accountID, "user")}, &out)
	return out, err
}

// Get returns one user (GET …/user/{userId}).
func (s *UsersService) Get(ctx context.Context, accountID, userID string) (*User, error) {
	const op = "Users.Get"
	if err := checkID(op, "userID", userID); err != nil {
		return nil, err
	}
	p, err := s.c.accountScope(ctx, op, accountID)
	if err != nil {
		return nil, err
	}
	var out User
	if err := s.c.do(ctx, call{op: op, method: http.MethodGet, path: partitionPath(p, "account", accountID, "user", userID)}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Create adds a user to an account (POST …/user). TimeZone is required; an
// ADVANCED account's users have an Extension of the account's length. Not
// re-sent automatically.
func (s *UsersService) Create(ctx context.Context, accountID string, u User) (*User, error) {
	const op = "Users.Create"
	if err := u.validate(op, true); err != nil {
		return nil, err
	}
	p, err := s.c.accountScope(ctx, op, accountID)
	if err != nil {
		return nil, err
	}
	var out User
	if err := s.c.do(ctx, call{op: op, method: http.MethodPost, path: partitionPath(p, "account", accountID, "user"), body: u}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Update replaces a user (PUT …/user/{userId}); u.ID names it. Read it first
// and change what is needed. Retried per the policy.
func (s *UsersService) Update(ctx context.Context, accountID string, u User) (*User, error) {
	const op = "Users.Update"
	if err := checkID(op, "ID", u.ID); err != nil {
		return nil, err
	}
	if err := u.validate(op, false); err != nil {
		return nil, err
	}
	p, err := s.c.accountScope(ctx, op, accountID)
	if err != nil {
		return nil, err
	}
	var out User
	if err := s.c.do(ctx, call{op: op, method: http.MethodPut, path: partitionPath(p, "account", accountID, "user", u.ID), body: u}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// UserPatchRequest is the input of UsersService.Patch, a partial update:
// only the fields that are not nil are sent (PATCH …/user/{userId}). The
// nested settings a User keeps as raw JSON are changed with
// UsersService.Update.
type UserPatchRequest struct {
	FirstName          *string `json:"firstName,omitempty"`
	LastName           *string `json:"lastName,omitempty"`
	EmailAddress       *string `json:"emailAddress,omitempty"`
	LanguageTag        *string `json:"languageTag,omitempty"`
	TimeZone           *string `json:"timeZone,omitempty"`  // one of the spec's time zones
	Extension          *string `json:"extension,omitempty"` // 3 to 6 digits, the account's extension length
	EndUserType        *string `json:"endUserType,omitempty"`
	UserProductPlan    *string `json:"userProductPlan,omitempty"`
	VoicemailBoxID     *string `json:"voicemailBoxId,omitempty"`
	MustChangePassword *bool   `json:"mustChangePassword,omitempty"`
	BlockEmail         *bool   `json:"blockEmail,omitempty"`
	AllowPortalAccess  *bool   `json:"allowPortalAccess,omitempty"`
	Tags               *string `json:"tags,omitempty"`
}

// Patch changes the given fields of a user (PATCH …/user/{userId}) and
// returns the user as the server stored it. Not re-sent automatically
// (PATCH).
func (s *UsersService) Patch(ctx context.Context, accountID, userID string, patch UserPatchRequest) (*User, error) {
	const op = "Users.Patch"
	if err := checkID(op, "userID", userID); err != nil {
		return nil, err
	}
	if patch == (UserPatchRequest{}) {
		return nil, invalid(op, "patch", "changes nothing")
	}
	if tz := patch.TimeZone; tz != nil && *tz == "" {
		return nil, invalid(op, "TimeZone", "is empty: a user has a time zone (the spec requires it)")
	}
	if e := patch.Extension; e != nil && *e == "" {
		return nil, invalid(op, "Extension", "is empty: send the extension's digits")
	}
	// The same rules as Create and Update, for the fields that are set.
	u := User{TimeZone: deref(patch.TimeZone), EndUserType: deref(patch.EndUserType),
		UserProductPlan: deref(patch.UserProductPlan), Extension: deref(patch.Extension)}
	if err := u.validate(op, false); err != nil {
		return nil, err
	}
	p, err := s.c.accountScope(ctx, op, accountID)
	if err != nil {
		return nil, err
	}
	var out User
	if err := s.c.do(ctx, call{op: op, method: http.MethodPatch, path: partitionPath(p, "account", accountID, "user", userID), body: patch}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Delete removes a user (DELETE …/user/{userId}).
func (s *UsersService) Delete(ctx context.Context, accountID, userID string) error {
	const op = "Users.Delete"
	if err := checkID(op, "userID", userID); err != nil {
		return err
	}
	p, err := s.c.accountScope(ctx, op, accountID)
	if err != nil {
		return err
	}
	return s.c.do(ctx, call{op: op, method: http.MethodDelete, path: partitionPath(p, "account", accountID, "user", userID)}, nil)
}
