package telecloud

// The wire table of Notifications (NotificationsService): see documented and
// inferred in wire.go for what each marks.

import "net/http"

var notificationsWire = service{Name: "Notifications", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		inferred("Event", "event"),                    // "The type of notification"; <notification><event>
		inferred("NotificationID", "notification_id"), // "The ID of a specific notification"; <notification notification_id>
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		inferred("Event", "event").req(),                // "The type of event you wish to setup notifications for"
		documented("NotifyCustomer", "notify_customer"), // named by the customer html's description
		inferred("HTML", "html"),
		inferred("HTMLCustomer", "html_customer"),
		inferred("FromEmail", "from_email"),
	}},
	{Method: "Edit", Verb: http.MethodPatch, Params: []param{
		inferred("NotificationID", "notification_id").req(), // "The ID of the notification you wish to edit"
		inferred("Event", "event"),
		documented("NotifyCustomer", "notify_customer"), // named by the customer html's description
		inferred("HTML", "html"),
		inferred("HTMLCustomer", "html_customer"),
		inferred("FromEmail", "from_email"),
	}},
	{Method: "Delete", Verb: http.MethodDelete, Params: []param{
		documented("NotificationID", "notification_id").req(),
	}},
	{Method: "SearchTemplate", Verb: http.MethodGet, Params: []param{
		inferred("Event", "event"), // "The name of the event"; <notification_template><event>
	}},
}}
