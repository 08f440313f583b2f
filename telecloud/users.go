package telecloud

import "context"

// AccessLevel is the access level of a user of your cloud account.
type AccessLevel string

// The access levels.
const (
	AccessAdmin   AccessLevel = "ADMIN"
	AccessStaff   AccessLevel = "STAFF"
	AccessSupport AccessLevel = "SUPPORT"
)

// checkAccessLevel checks an AccessLevel field (empty allowed).
func checkAccessLevel(l AccessLevel) error {
	switch l {
	case "", AccessAdmin, AccessStaff, AccessSupport:
		return nil
	}
	return invalidField("AccessLevel", "access_level", "must be ADMIN, STAFF or SUPPORT")
}

// UserStatus is the status of a user.
type UserStatus int

// The user statuses.
const (
	UserActive UserStatus = 1
	UserLocked UserStatus = 2
)

// String returns "ACTIVE", "LOCKED" or the number.
func (s UserStatus) String() string {
	switch s {
	case UserActive:
		return "ACTIVE"
	case UserLocked:
		return "LOCKED"
	}
	return Status(s).String()
}

// UserSearchRequest holds the criteria of User/Search.
type UserSearchRequest struct {
	// UserID gives the details of one user.
	UserID string
}

// UserSearchResponse is the answer of User/Search.
type UserSearchResponse struct {
	Meta
	// Users are the users found.
	Users []User `tc:"Users>user"`
}

// User is a user of your cloud account.
type User struct {
	// UserID identifies the user.
	UserID string `tc:"user_id,attr"`
	// ProfileImage is the URL of the user's profile image.
	ProfileImage string `tc:"profile_img,attr"`
	// Username is the login name.
	Username string `tc:"username"`
	// Email is the user's e-mail address.
	Email string `tc:"email"`
	// FirstName is the user's first name.
	FirstName string `tc:"first_name"`
	// LastName is the user's last name.
	LastName string `tc:"last_name"`
	// InitialPassword is the password the user was created with (User/Search,
	// User/Create). It is a credential: do not log it.
	InitialPassword Secret `tc:"initial_password"`
	// AccessLevel is ADMIN, STAFF or SUPPORT.
	AccessLevel AccessLevel `tc:"access_level"`
	// Status is active or locked.
	Status UserStatus `tc:"status"`
	// LastLogin is when the user last logged in.
	LastLogin Time `tc:"last_login"`
	// LastIP is the address of the last login.
	LastIP string `tc:"last_ip"`
}

// Search lists the users of your cloud account, or one user (User/Search).
func (s *UsersService) Search(ctx context.Context, req UserSearchRequest, opts ...CallOption) (*UserSearchResponse, error) {
	return call[UserSearchResponse](ctx, s.c, "User/Search", &req, opts)
}

// UserCreateRequest holds the parameters of User/Create.
type UserCreateRequest struct {
	// Email is the user's e-mail address; the initial password is sent there.
	// Required.
	Email string
	// FirstName is the user's first name.
	FirstName string
	// LastName is the user's last name.
	LastName string
	// AccessLevel is ADMIN, STAFF or SUPPORT.
	AccessLevel AccessLevel
}

func (r *UserCreateRequest) validate() error { return checkAccessLevel(r.AccessLevel) }

// UserCreateResponse is the answer of User/Create.
type UserCreateResponse struct {
	Meta
	// User gives the new user's ID, username and initial password.
	User User `tc:"user"`
}

// Create creates a user of your cloud account (User/Create); the initial
// password is e-mailed to the user and returned.
func (s *UsersService) Create(ctx context.Context, req UserCreateRequest, opts ...CallOption) (*UserCreateResponse, error) {
	return call[UserCreateResponse](ctx, s.c, "User/Create", &req, opts)
}

// UserEditRequest holds the parameters of User/Edit.
type UserEditRequest struct {
	// UserID is the user to edit. Required.
	UserID string
	// FirstName is the user's first name.
	FirstName string
	// LastName is the user's last name.
	LastName string
	// Email is the user's e-mail address.
	Email string
	// AccessLevel is ADMIN, STAFF or SUPPORT.
	AccessLevel AccessLevel
	// Status is UserActive or UserLocked.
	Status UserStatus
	// ProfileImage is the URL of a new profile image; TeleCloud fetches and
	// stores it.
	ProfileImage string
}

func (r *UserEditRequest) validate() error {
	switch r.Status {
	case 0, UserActive, UserLocked:
	default:
		return invalidField("Status", "status", "must be 1 (active) or 2 (locked)")
	}
	return checkAccessLevel(r.AccessLevel)
}

// UserEditResponse is the answer of User/Edit.
type UserEditResponse struct {
	Meta
	// User gives the edited user's ID.
	User User `tc:"user"`
}

// Edit changes a user of your cloud account (User/Edit).
func (s *UsersService) Edit(ctx context.Context, req UserEditRequest, opts ...CallOption) (*UserEditResponse, error) {
	return call[UserEditResponse](ctx, s.c, "User/Edit", &req, opts)
}
