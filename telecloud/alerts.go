package telecloud

import "context"

// AlertType is the kind of an alert addressed to the API user.
type AlertType string

// The alert types.
const (
	AlertTypeAlert        AlertType = "ALERT"        // a system alert about an order, account or transaction
	AlertTypeAnnouncement AlertType = "ANNOUNCEMENT" // an announcement posted by an account above yours
)

// AlertStatus is whether an alert has been read. Alerts/Search calls the two
// values UNREAD and READ, Alerts/Edit NEW and DISMISSED.
type AlertStatus int

// The alert statuses.
const (
	AlertUnread    AlertStatus = 1           // UNREAD (Alerts/Search)
	AlertRead      AlertStatus = 2           // READ (Alerts/Search)
	AlertNew                   = AlertUnread // NEW (Alerts/Edit): the same value as AlertUnread
	AlertDismissed             = AlertRead   // DISMISSED (Alerts/Edit): the same value as AlertRead
)

func (s AlertStatus) valid() bool { return s == 0 || s == AlertUnread || s == AlertRead }

// AlertSearchRequest filters Alerts/Search. Every field is optional.
type AlertSearchRequest struct {
	// Type is ALERT or ANNOUNCEMENT.
	Type AlertType
	// Status is AlertUnread (1) or AlertRead (2).
	Status AlertStatus
}

func (r *AlertSearchRequest) validate() error {
	if r.Type != "" && r.Type != AlertTypeAlert && r.Type != AlertTypeAnnouncement {
		return invalidField("Type", "type", "must be ALERT or ANNOUNCEMENT")
	}
	if !r.Status.valid() {
		return invalidField("Status", "status", "must be 1 (unread) or 2 (read)")
	}
	return nil
}

// AlertSearchResponse is the answer of Alerts/Search.
type AlertSearchResponse struct {
	Meta
	// Alerts are the alerts and announcements addressed to the API user.
	Alerts []Alert `tc:"Alerts>alert"`
}

// Alert is an alert or announcement addressed to the API user. The
// references (order, account, transaction) are empty when the alert is not
// about one.
type Alert struct {
	// AlertID identifies the alert. Alerts/Edit's parameter list has no
	// alert id: see AlertsService.Edit for naming one.
	AlertID string `tc:"alert_id,attr"`
	// OrderNumber is the order the alert is about, if any.
	OrderNumber string `tc:"order_number,attr"`
	// AccountNumber is the customer account the alert is about, if any.
	AccountNumber string `tc:"account_number,attr"`
	// TransactionID is the API transaction (trans_id) the alert is about, if any.
	TransactionID string `tc:"transaction_id,attr"`
	// BillingTransID is the billing transaction the alert is about, if any.
	BillingTransID string `tc:"billing_trans_id,attr"`
	// Date is when the alert was posted.
	Date Time `tc:"date"`
	// UserID is the user the alert is addressed to.
	UserID string `tc:"user_id"`
	// Subject is the alert's subject, HTML-encoded.
	Subject string `tc:"subject"`
	// Content is the alert's body, HTML. It is sent as CDATA, which the
	// JSON format loses: use XML to read it.
	Content string `tc:"content"`
	// Status is AlertUnread or AlertRead.
	Status AlertStatus `tc:"status"`
	// Type is ALERT or ANNOUNCEMENT.
	Type AlertType `tc:"type"`
}

// AlertEditRequest is the input of Alerts/Edit: the vendor's newer reference
// page lists one parameter, status, required. See AlertsService.Edit for
// which alerts it changes.
type AlertEditRequest struct {
	// Status is AlertNew (1) or AlertDismissed (2). Required.
	Status AlertStatus
}

func (r *AlertEditRequest) validate() error {
	if !r.Status.valid() {
		return invalidField("Status", "status", "must be 1 (new) or 2 (dismissed)")
	}
	return nil
}

// AlertEditResponse is the answer of Alerts/Edit. The reference shows no
// sample of it: only the transaction id is read.
type AlertEditResponse struct {
	Meta
}

// Search lists the alerts and announcements addressed to the API user
// (Alerts/Search). Subjects and contents are HTML-encoded; read contents
// with the XML format (the default), as JSON loses them.
func (s *AlertsService) Search(ctx context.Context, req AlertSearchRequest, opts ...CallOption) (*AlertSearchResponse, error) {
	return call[AlertSearchResponse](ctx, s.c, "Alerts/Search", &req, opts)
}

// Edit marks alerts new or dismissed (Alerts/Edit). It sends what the
// vendor's newer reference page lists, status alone, to
// PATCH /API/{format}/Alerts/Edit (or /API/{format}/Alerts/ in the verb route
// styles).
//
// Which alerts it changes: the vendor does not say. Neither page lists a
// parameter naming an alert, and the older page describes the method as
// "Change the status of an alert". The call therefore names none, and what
// the server changes is unconfirmed; telecloudtest changes every alert of
// the API user. To name one alert, add the parameter this package infers
// from Alerts/Search's <alert alert_id> (a name no vendor page shows):
//
//	c.Alerts.Edit(ctx, telecloud.AlertEditRequest{Status: telecloud.AlertDismissed},
//		telecloud.WithParam("alert_id", alert.AlertID))
func (s *AlertsService) Edit(ctx context.Context, req AlertEditRequest, opts ...CallOption) (*AlertEditResponse, error) {
	return call[AlertEditResponse](ctx, s.c, "Alerts/Edit", &req, opts)
}
