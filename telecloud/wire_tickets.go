package telecloud

// The wire table of Ticket (TicketsService): see documented and
// inferred in wire.go for what each marks.

import "net/http"

var ticketWire = service{Name: "Ticket", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		documented("TicketID", "ticket_id"),
		inferred("AccountNumber", "account_number"),
		inferred("OrderNumber", "order_number"),
		inferred("CloudAccountType", "cloud_account_type"),     // named so in Reports/Search
		inferred("CloudAccountNumber", "cloud_account_number"), // named so in CloudAccount/Search
		inferred("Direction", "direction"),                     // named so in Ticket/Create
		inferred("Status", "status"),
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		inferred("Subject", "subject").req(), // named so in Announcements/Create
		inferred("Department", "department"),
		inferred("Message", "message").req(),
		documented("Direction", "direction"),
		documented("GuestEmail", "guest_email"),
		documented("AccountNumber", "account_number"),
		inferred("OrderNumber", "order_number"),
		inferred("CloudAccountType", "cloud_account_type"),     // named so in Reports/Search
		inferred("CloudAccountNumber", "cloud_account_number"), // named so in CloudAccount/Search
		inferred("Attachments", "attachments"),                 // "A comma seperated list of images"; Ticket/Search <attachments>
	}},
	{Method: "Reply", Verb: http.MethodPost, Params: []param{
		documented("TicketID", "ticket_id").req(),
		inferred("Message", "message").req(),
		inferred("GuestEmail", "guest_email"), // named so in Ticket/Create
		documented("AccountNumber", "account_number"),
		inferred("Attachments", "attachments"), // as Create
		inferred("Working", "working"),         // "To place the ticket in a WORKING status provide a 'Y'"
	}},
	{Method: "Edit", Verb: http.MethodPatch, Params: []param{
		documented("TicketID", "ticket_id").req(),
		inferred("Status", "status").req(),
	}},
}}
