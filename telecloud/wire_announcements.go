package telecloud

// The wire table of Announcements (AnnouncementsService): see documented and
// inferred in wire.go for what each marks.

import "net/http"

var announcementsWire = service{Name: "Announcements", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		documented("AnnouncementID", "announcement_id"),
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		// [newer page] POST /API/{format}/Announcements/, form-encoded; its
		// parameter list marks which are required.
		documented("Subject", "subject").req(),
		documented("Description", "description").req(),
		documented("ShowVAR", "show_var"),                           // optional
		documented("ShowPartner", "show_partner"),                   // optional
		documented("ShowAffiliate", "show_affiliate"),               // optional
		documented("EmailNotification", "email_notification").req(), // required: "Either a Y or N"
	}},
	{Method: "Delete", Verb: http.MethodDelete, Params: []param{
		documented("AnnouncementID", "announcement_id").req(),
	}},
}}
