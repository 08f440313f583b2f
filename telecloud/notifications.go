package telecloud

import "context"

// NotificationEvent is an event that can send a notification, named after
// the call that raises it.
type NotificationEvent string

// The notification events of Notifications/Create and Edit.
const (
	EventCloudAccountCreate NotificationEvent = "CloudAccount/Create"
	EventTicketCreate       NotificationEvent = "Ticket/Create"
	EventTicketReply        NotificationEvent = "Ticket/Reply"
	EventOrderCreate        NotificationEvent = "Order/Create"
	EventOrderReplenish     NotificationEvent = "Order/Replenish"
	EventOrderReminder      NotificationEvent = "Order/Reminder" // a reminder before an order expires
	EventOrderCancel        NotificationEvent = "Order/Cancel"
)

func eventParam(e NotificationEvent) error {
	switch e {
	case "", EventCloudAccountCreate, EventTicketCreate, EventTicketReply, EventOrderCreate,
		EventOrderReplenish, EventOrderReminder, EventOrderCancel:
		return nil
	}
	return invalidField("Event", "event", "must be CloudAccount/Create, Ticket/Create, Ticket/Reply, Order/Create, Order/Replenish, Order/Reminder or Order/Cancel")
}

// notifyParams checks NotifyCustomer and that a customer notification has
// its HTML.
func notifyParams(notify Flag, htmlCustomer string) error {
	if err := flagParam("NotifyCustomer", "notify_customer", notify); err != nil {
		return err
	}
	if notify == Yes && blank(htmlCustomer) {
		return invalidField("HTMLCustomer", "html_customer", "is required when NotifyCustomer is Y")
	}
	return nil
}

// TemplateStatus says whether a notification template is ready to send.
type TemplateStatus string

// The template statuses.
const (
	TemplateReady    TemplateStatus = "READY"
	TemplateNotReady TemplateStatus = "NOT READY"
)

// NotificationSearchRequest filters Notifications/Search.
type NotificationSearchRequest struct {
	// Event is the type of notification.
	Event NotificationEvent
	// NotificationID selects one notification.
	NotificationID string
}

func (r *NotificationSearchRequest) validate() error { return eventParam(r.Event) }

// NotificationSearchResponse is the answer of Notifications/Search.
type NotificationSearchResponse struct {
	Meta
	// Notifications are your notifications with their settings.
	Notifications []Notification `tc:"Notifications>notification"`
}

// Notification is a notification set up for an event: the HTML sent to you
// and, optionally, the HTML sent to the customer. The HTML is sent as
// CDATA, which the JSON format loses: use XML to read it.
type Notification struct {
	// NotificationID identifies the notification.
	NotificationID string `tc:"notification_id,attr"`
	// NotifyCustomer says whether the customer is notified too
	// (Notifications/Create gives it on the envelope instead: see
	// NotificationCreateResponse).
	NotifyCustomer Flag `tc:"notify_customer,attr"`
	// Event is the event notified.
	Event NotificationEventInfo `tc:"event"`
	// FromEmail is the sender address.
	FromEmail string `tc:"from_email"`
	// HTML is the notification sent to you.
	HTML string `tc:"html"`
	// HTMLCustomer is the notification sent to the customer.
	HTMLCustomer string `tc:"html_customer"`
}

// NotificationEventInfo is an <event> element: the event, and whether it can notify a
// customer (Notifications/Search and SearchTemplate only; the JSON format
// loses it).
type NotificationEventInfo struct {
	// Name is the event, e.g. EventOrderCreate.
	Name NotificationEvent `tc:",text"`
	// CustomerNotificationAvailable says whether the event can send a
	// customer notification (only events with a customer account can).
	CustomerNotificationAvailable Flag `tc:"customer_notification_available,attr"`
}

// NotificationCreateRequest is the input of Notifications/Create.
type NotificationCreateRequest struct {
	// Event is the event to notify. Required.
	Event NotificationEvent
	// NotifyCustomer: Y also notifies the customer (events with a customer
	// account only).
	NotifyCustomer Flag
	// HTML is the content of the notification.
	HTML string
	// HTMLCustomer is the content sent to the customer; required when
	// NotifyCustomer is Y.
	HTMLCustomer string
	// FromEmail is the address the notification is sent from.
	FromEmail string
}

func (r *NotificationCreateRequest) validate() error {
	if err := eventParam(r.Event); err != nil {
		return err
	}
	return notifyParams(r.NotifyCustomer, r.HTMLCustomer)
}

// NotificationCreateResponse is the answer of Notifications/Create.
type NotificationCreateResponse struct {
	Meta
	// NotifyCustomer says whether the customer is notified (an attribute of
	// the envelope in this answer).
	NotifyCustomer Flag `tc:"notify_customer,attr"`
	// Notification is the new notification.
	Notification Notification `tc:"notification"`
}

// NotificationEditRequest is the input of Notifications/Edit. Empty fields
// are not sent.
type NotificationEditRequest struct {
	// NotificationID is the notification to edit. Required.
	NotificationID string
	// Event is the event to notify.
	Event NotificationEvent
	// NotifyCustomer: Y also notifies the customer (events with a customer
	// account only).
	NotifyCustomer Flag
	// HTML is the content of the notification.
	HTML string
	// HTMLCustomer is the content sent to the customer; required when
	// NotifyCustomer is Y.
	HTMLCustomer string
	// FromEmail is the address the notification is sent from.
	FromEmail string
}

func (r *NotificationEditRequest) validate() error {
	if err := eventParam(r.Event); err != nil {
		return err
	}
	return notifyParams(r.NotifyCustomer, r.HTMLCustomer)
}

// NotificationEditResponse is the answer of Notifications/Edit. The
// reference's sample has an empty notification_id.
type NotificationEditResponse struct {
	Meta
	// Notification is the notification as edited.
	Notification Notification `tc:"notification"`
}

// NotificationDeleteRequest is the input of Notifications/Delete.
type NotificationDeleteRequest struct {
	// NotificationID is the notification to delete. Required.
	NotificationID string
}

// NotificationDeleteResponse is the answer of Notifications/Delete.
type NotificationDeleteResponse struct {
	Meta
	// Notification identifies the deleted notification (NotificationID only).
	Notification Notification `tc:"notification"`
}

// NotificationSearchTemplateRequest filters Notifications/SearchTemplate.
type NotificationSearchTemplateRequest struct {
	// Event is the event whose template to show; empty lists them all.
	Event NotificationEvent
}

func (r *NotificationSearchTemplateRequest) validate() error { return eventParam(r.Event) }

// NotificationSearchTemplateResponse is the answer of
// Notifications/SearchTemplate.
type NotificationSearchTemplateResponse struct {
	Meta
	// Templates are the original templates, one per event.
	Templates []NotificationTemplate `tc:"templates>notification_template"`
}

// NotificationTemplate is the original template of an event's notification.
type NotificationTemplate struct {
	// TemplateID identifies the template.
	TemplateID string `tc:"template_id,attr"`
	// Event is the event, and whether it can notify a customer.
	Event NotificationEventInfo `tc:"event"`
	// CloudNotificationStatus says whether the notification to you is ready.
	CloudNotificationStatus TemplateStatus `tc:"cloud_notification_status"`
	// CustomerNotificationStatus says whether the customer's is ready.
	CustomerNotificationStatus TemplateStatus `tc:"customer_notification_status"`
}

// Search lists your notifications and their settings (Notifications/Search).
// The HTML needs the XML format (the default).
func (s *NotificationsService) Search(ctx context.Context, req NotificationSearchRequest, opts ...CallOption) (*NotificationSearchResponse, error) {
	return call[NotificationSearchResponse](ctx, s.c, "Notifications/Search", &req, opts)
}

// Create sets up a notification for an event (Notifications/Create).
func (s *NotificationsService) Create(ctx context.Context, req NotificationCreateRequest, opts ...CallOption) (*NotificationCreateResponse, error) {
	return call[NotificationCreateResponse](ctx, s.c, "Notifications/Create", &req, opts)
}

// Edit changes a notification (Notifications/Edit).
func (s *NotificationsService) Edit(ctx context.Context, req NotificationEditRequest, opts ...CallOption) (*NotificationEditResponse, error) {
	return call[NotificationEditResponse](ctx, s.c, "Notifications/Edit", &req, opts)
}

// Delete deletes a notification (Notifications/Delete).
func (s *NotificationsService) Delete(ctx context.Context, req NotificationDeleteRequest, opts ...CallOption) (*NotificationDeleteResponse, error) {
	return call[NotificationDeleteResponse](ctx, s.c, "Notifications/Delete", &req, opts)
}

// SearchTemplate shows the original template of an event's notification,
// or of every event, and whether each is ready
// (Notifications/SearchTemplate).
func (s *NotificationsService) SearchTemplate(ctx context.Context, req NotificationSearchTemplateRequest, opts ...CallOption) (*NotificationSearchTemplateResponse, error) {
	return call[NotificationSearchTemplateResponse](ctx, s.c, "Notifications/SearchTemplate", &req, opts)
}
