package telecloud

// The wire table of User (UsersService): see documented and
// inferred in wire.go for what each marks.

import "net/http"

var userWire = service{Name: "User", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		documented("UserID", "user_id"),
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		inferred("Email", "email").req(),
		inferred("FirstName", "first_name"),
		inferred("LastName", "last_name"),
		inferred("AccessLevel", "access_level"),
	}},
	{Method: "Edit", Verb: http.MethodPatch, Params: []param{
		documented("UserID", "user_id").req(),
		inferred("FirstName", "first_name"),
		inferred("LastName", "last_name"),
		inferred("Email", "email"),
		inferred("AccessLevel", "access_level"),
		inferred("Status", "status"),
		inferred("ProfileImage", "profile_img"), // "a new url to a profile image"; <user profile_img>
	}},
}}
