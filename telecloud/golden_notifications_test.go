package telecloud

// The verbatim samples of Notifications and what each decodes to.

var goldenNotifications = []golden{
	{op: "Notifications/Search", file: "Notifications_Search",
		want: &NotificationSearchResponse{Notifications: []Notification{{
			NotificationID: "7",
			NotifyCustomer: Yes,
			Event:          NotificationEventInfo{Name: EventOrderCreate, CustomerNotificationAvailable: Yes},
			FromEmail:      "newemail@mybrand.com",
			HTML:           "<p><html>New Client HTML</html></p>",
			HTMLCustomer:   "<p><html>New Customer HTML</html></p>",
		}}},
		jsonLoses: []string{
			"Notifications[0].HTML, HTMLCustomer (CDATA)",
			"Notifications[0].Event.CustomerNotificationAvailable (<event customer_notification_available> beside its text)",
		},
		jsonAdjust: func(v any) {
			n := &v.(*NotificationSearchResponse).Notifications[0]
			n.HTML, n.HTMLCustomer = "", ""
			n.Event.CustomerNotificationAvailable = ""
		}},
	{op: "Notifications/Create", file: "Notifications_Create",
		want: &NotificationCreateResponse{Meta: Meta{TransID: "3129380"}, NotifyCustomer: Yes, Notification: Notification{
			NotificationID: "7",
			Event:          NotificationEventInfo{Name: EventOrderCreate},
			FromEmail:      "orders@mybrand.com",
			HTML:           "<p><html>Stuff</html></p>",
			HTMLCustomer:   "<p><html>Customer Stuff</html></p>",
		}},
		jsonLoses: []string{"Notification.HTML, HTMLCustomer (CDATA)"},
		jsonAdjust: func(v any) {
			n := &v.(*NotificationCreateResponse).Notification
			n.HTML, n.HTMLCustomer = "", ""
		}},
	{op: "Notifications/Edit", file: "Notifications_Edit",
		want: &NotificationEditResponse{Meta: Meta{TransID: "3129383"}, Notification: Notification{
			NotifyCustomer: Yes,
			Event:          NotificationEventInfo{Name: EventOrderCreate},
			FromEmail:      "newemail@mybrand.com",
			HTML:           "<p><html>New Client HTML</html></p>",
			HTMLCustomer:   "<p><html>New Customer HTML</html></p>",
		}},
		jsonLoses: []string{"Notification.HTML, HTMLCustomer (CDATA)"},
		jsonAdjust: func(v any) {
			n := &v.(*NotificationEditResponse).Notification
			n.HTML, n.HTMLCustomer = "", ""
		}},
	{op: "Notifications/Delete", file: "Notifications_Delete",
		want: &NotificationDeleteResponse{Meta: Meta{TransID: "3129072"}, Notification: Notification{NotificationID: "181871"}}},
	{op: "Notifications/SearchTemplate", file: "Notifications_SearchTemplate",
		want: &NotificationSearchTemplateResponse{Templates: []NotificationTemplate{
			{TemplateID: "6", Event: NotificationEventInfo{Name: EventTicketReply, CustomerNotificationAvailable: Yes}, CloudNotificationStatus: TemplateNotReady, CustomerNotificationStatus: TemplateNotReady},
			{TemplateID: "5", Event: NotificationEventInfo{Name: EventOrderCancel, CustomerNotificationAvailable: Yes}, CloudNotificationStatus: TemplateNotReady, CustomerNotificationStatus: TemplateNotReady},
			{TemplateID: "4", Event: NotificationEventInfo{Name: EventOrderReplenish, CustomerNotificationAvailable: Yes}, CloudNotificationStatus: TemplateNotReady, CustomerNotificationStatus: TemplateNotReady},
			{TemplateID: "3", Event: NotificationEventInfo{Name: EventOrderCreate, CustomerNotificationAvailable: Yes}, CloudNotificationStatus: TemplateReady, CustomerNotificationStatus: TemplateReady},
			{TemplateID: "2", Event: NotificationEventInfo{Name: EventCloudAccountCreate, CustomerNotificationAvailable: No}, CloudNotificationStatus: TemplateNotReady, CustomerNotificationStatus: TemplateNotReady},
			{TemplateID: "1", Event: NotificationEventInfo{Name: EventTicketCreate, CustomerNotificationAvailable: Yes}, CloudNotificationStatus: TemplateNotReady, CustomerNotificationStatus: TemplateNotReady},
		}},
		jsonLoses: []string{"Templates[*].Event.CustomerNotificationAvailable (<event customer_notification_available> beside its text)"},
		jsonAdjust: func(v any) {
			r := v.(*NotificationSearchTemplateResponse)
			for i := range r.Templates {
				r.Templates[i].Event.CustomerNotificationAvailable = ""
			}
		}},
}
