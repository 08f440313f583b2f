package telecloud

import (
	"context"
	"strings"
	"unicode/utf8"
)

// TicketStatus is the status of a support ticket.
type TicketStatus string

// The ticket statuses.
const (
	TicketOpen     TicketStatus = "OPEN"
	TicketAnswered TicketStatus = "ANSWERED"
	TicketWorking  TicketStatus = "WORKING"
	TicketClosed   TicketStatus = "CLOSED"
	TicketOnHold   TicketStatus = "ON-HOLD" // set with Ticket/Edit
)

// TicketDirection says who can see a ticket and who opened it.
type TicketDirection string

// The ticket directions.
const (
	// TicketInternal tickets are between you and the accounts above you.
	TicketInternal TicketDirection = "INTERNAL"
	// TicketExternal tickets are visible to the customer.
	TicketExternal TicketDirection = "EXTERNAL"
	// TicketExternalCustomer tickets are opened by the customer
	// (Ticket/Create only; the account number is required).
	TicketExternalCustomer TicketDirection = "EXTERNAL-CUSTOMER"
)

// TicketDepartment is the department a ticket is addressed to.
type TicketDepartment string

// The ticket departments.
const (
	DepartmentSales       TicketDepartment = "SALES"
	DepartmentTechSupport TicketDepartment = "TECH SUPPORT"
	DepartmentBilling     TicketDepartment = "BILLING"
)

// TicketSearchRequest holds the criteria of Ticket/Search.
type TicketSearchRequest struct {
	// TicketID shows only that ticket, with the messages posted on it.
	TicketID string
	// AccountNumber shows the tickets of a customer account.
	AccountNumber string
	// OrderNumber shows the tickets of an order.
	OrderNumber string
	// CloudAccountType is the type of the cloud account searched; needed only
	// for tickets of a cloud account under your control.
	CloudAccountType AccountType
	// CloudAccountNumber shows the tickets of a cloud account under your control.
	CloudAccountNumber string
	// Direction is INTERNAL or EXTERNAL.
	Direction TicketDirection
	// Status shows only tickets with that status (OPEN, ANSWERED, CLOSED or WORKING).
	Status TicketStatus
}

func (r *TicketSearchRequest) validate() error {
	switch r.Direction {
	case "", TicketInternal, TicketExternal:
	default:
		return invalidField("Direction", "direction", "must be INTERNAL or EXTERNAL")
	}
	switch r.Status {
	case "", TicketOpen, TicketAnswered, TicketClosed, TicketWorking, TicketOnHold:
	default:
		return invalidField("Status", "status", "must be OPEN, ANSWERED, CLOSED, WORKING or ON-HOLD")
	}
	return checkCloudAccountPair(r.CloudAccountType, r.CloudAccountNumber)
}

// TicketSearchResponse is the answer of Ticket/Search.
type TicketSearchResponse struct {
	Meta
	// Tickets are the tickets found.
	Tickets []Ticket `tc:"Tickets>ticket"`
	// Results is the number of tickets TeleCloud reports (the results
	// attribute of <Tickets>).
	Results int `tc:"Tickets>results,attr"`
}

// Ticket is a support ticket, as Ticket/Search lists it.
type Ticket struct {
	// TicketID identifies the ticket, e.g. "WHE-77971".
	TicketID string `tc:"ticket_id,attr"`
	// TicketEmail is the address that posts replies to the ticket by e-mail.
	TicketEmail string `tc:"ticket_email,attr"`
	// Date is when the ticket was opened.
	Date TicketDate `tc:"date"`
	// Core is the CORE account of the ticket.
	Core TicketAccount `tc:"CORE"`
	// VAR is the VAR account of the ticket.
	VAR TicketAccount `tc:"VAR"`
	// Direction is INTERNAL or EXTERNAL.
	Direction TicketDirection `tc:"direction"`
	// OpenedBy is who opened the ticket.
	OpenedBy TicketPerson `tc:"opened_by"`
	// OpenedVia is how the ticket was opened, e.g. "POST".
	OpenedVia string `tc:"opened_via"`
	// Department is the department addressed.
	Department TicketDepartment `tc:"department"`
	// Subject is the ticket's subject.
	Subject string `tc:"subject"`
	// Message is the original message, as HTML.
	Message string `tc:"message"`
	// Attachments are the files attached to the ticket.
	Attachments TicketAttachments `tc:"attachments"`
	// Status is the ticket's status.
	Status TicketStatus `tc:"status"`
	// Replies are the messages posted on the ticket (when searching by TicketID).
	Replies []TicketReply `tc:"reply"`
}

// TicketDate is the date of a ticket or reply, with what the XML form adds.
type TicketDate struct {
	// Time is the date.
	Time Time `tc:",text"`
	// Unix is the date as a Unix timestamp. The JSON form does not carry it.
	Unix int64 `tc:"unix,attr"`
	// LastReply is the date of the last reply (tickets only; zero when none).
	// The JSON form does not carry it.
	LastReply Time `tc:"last_reply,attr"`
	// ElapsedTime is a human description of the age, e.g.
	// "About 1275 day(s) ago.". The JSON form does not carry it.
	ElapsedTime string `tc:"elapsed_time,attr"`
}

// TicketAccount is a cloud account named on a ticket.
type TicketAccount struct {
	// CloudAccountNumber is the account's number. The JSON form does not carry it.
	CloudAccountNumber string `tc:"cloud_account_number,attr"`
	// Name is the account's name.
	Name string `tc:",text"`
}

// TicketPerson is who opened a ticket or posted a reply.
type TicketPerson struct {
	// Type is the kind of poster, e.g. "STAFF" (replies only). The JSON form
	// does not carry it.
	Type string `tc:"type,attr"`
	// IconURL is the poster's picture. The JSON form does not carry it.
	IconURL string `tc:"icon_url,attr"`
	// Name is the poster's name, e.g. "Chad Hawkins [VAR]".
	Name string `tc:",text"`
}

// TicketAttachments are the files attached to a ticket.
type TicketAttachments struct {
	// Results is the number of files.
	Results int `tc:"results,attr"`
	// Files are the files' URLs.
	Files []string `tc:"file"`
}

// TicketReply is a message posted on a ticket.
type TicketReply struct {
	// MessageID identifies the message.
	MessageID string `tc:"message_id,attr"`
	// Date is when the message was posted.
	Date TicketDate `tc:"date"`
	// PostedBy is who posted the message.
	PostedBy TicketPerson `tc:"posted_by"`
	// PostedVia is how the message was posted, e.g. "POST".
	PostedVia string `tc:"posted_via"`
	// Message is the message, as HTML.
	Message string `tc:"message"`
}

// Search finds support tickets (Ticket/Search). With TicketID it gives the
// ticket and the messages posted on it.
func (s *TicketsService) Search(ctx context.Context, req TicketSearchRequest, opts ...CallOption) (*TicketSearchResponse, error) {
	return call[TicketSearchResponse](ctx, s.c, "Ticket/Search", &req, opts)
}

// TicketCreateRequest holds the parameters of Ticket/Create. A ticket is
// opened by the customer when Direction is EXTERNAL-CUSTOMER (AccountNumber
// is then required), by a guest when GuestEmail is given, and otherwise by
// you (the API user).
type TicketCreateRequest struct {
	// Subject is the ticket's subject, at least 10 characters. Required.
	Subject string
	// Department is SALES, TECH SUPPORT or BILLING.
	Department TicketDepartment
	// Message is the original message or request. Required.
	Message string
	// Direction is INTERNAL, EXTERNAL or EXTERNAL-CUSTOMER. Customers can see
	// EXTERNAL tickets; EXTERNAL-CUSTOMER tickets are opened by the customer.
	Direction TicketDirection
	// GuestEmail is the e-mail address of a customer or potential customer
	// (guest) opening the ticket.
	GuestEmail string
	// AccountNumber links the ticket to a customer account.
	AccountNumber string
	// OrderNumber links the ticket to an order of AccountNumber.
	OrderNumber string
	// CloudAccountType is the type of the cloud account under your control to
	// link the ticket to.
	CloudAccountType AccountType
	// CloudAccountNumber is the cloud account under your control to link the
	// ticket to.
	CloudAccountNumber string
	// Attachments are the full URLs of images to attach (sent comma-separated).
	Attachments []string
}

// minTicketSubject is the shortest subject Ticket/Create accepts.
const minTicketSubject = 10

func (r *TicketCreateRequest) validate() error {
	if utf8.RuneCountInString(strings.TrimSpace(r.Subject)) < minTicketSubject {
		return invalidField("Subject", "subject", "must be at least 10 characters")
	}
	switch r.Department {
	case "", DepartmentSales, DepartmentTechSupport, DepartmentBilling:
	default:
		return invalidField("Department", "department", "must be SALES, TECH SUPPORT or BILLING")
	}
	switch r.Direction {
	case "", TicketInternal, TicketExternal:
	case TicketExternalCustomer:
		if blank(r.AccountNumber) {
			return invalidField("AccountNumber", "account_number", "is required when Direction is EXTERNAL-CUSTOMER")
		}
	default:
		return invalidField("Direction", "direction", "must be INTERNAL, EXTERNAL or EXTERNAL-CUSTOMER")
	}
	if r.OrderNumber != "" && blank(r.AccountNumber) {
		return invalidField("AccountNumber", "account_number", "is required with OrderNumber")
	}
	return checkCloudAccountPair(r.CloudAccountType, r.CloudAccountNumber)
}

// TicketRef is the <ticket> element Ticket/Create, Ticket/Reply and
// Ticket/Edit answer with.
type TicketRef struct {
	// TicketID identifies the ticket.
	TicketID string `tc:"ticket_id,attr"`
}

// TicketCreateResponse is the answer of Ticket/Create.
type TicketCreateResponse struct {
	Meta
	// Ticket gives the new ticket's ID.
	Ticket TicketRef `tc:"ticket"`
}

// Create opens a support ticket (Ticket/Create).
func (s *TicketsService) Create(ctx context.Context, req TicketCreateRequest, opts ...CallOption) (*TicketCreateResponse, error) {
	return call[TicketCreateResponse](ctx, s.c, "Ticket/Create", &req, opts)
}

// TicketReplyRequest holds the parameters of Ticket/Reply. The rules of
// Ticket/Create apply: with AccountNumber the reply is posted as the customer.
type TicketReplyRequest struct {
	// TicketID is the ticket to reply on. Required.
	TicketID string
	// Message is the reply. Required.
	Message string
	// GuestEmail is the e-mail address of a customer or potential customer
	// (guest) replying.
	GuestEmail string
	// AccountNumber posts the reply as that customer.
	AccountNumber string
	// Attachments are the full URLs of images to attach (sent comma-separated).
	Attachments []string
	// Working, when Yes, puts the ticket in WORKING status.
	Working Flag
}

func (r *TicketReplyRequest) validate() error {
	if !r.Working.Valid() {
		return invalidField("Working", "working", "must be Y or N")
	}
	return nil
}

// TicketReplyResponse is the answer of Ticket/Reply.
type TicketReplyResponse struct {
	Meta
	// Ticket gives the ticket's ID.
	Ticket TicketRef `tc:"ticket"`
}

// Reply posts a reply on a support ticket (Ticket/Reply).
func (s *TicketsService) Reply(ctx context.Context, req TicketReplyRequest, opts ...CallOption) (*TicketReplyResponse, error) {
	return call[TicketReplyResponse](ctx, s.c, "Ticket/Reply", &req, opts)
}

// TicketEditRequest holds the parameters of Ticket/Edit.
type TicketEditRequest struct {
	// TicketID is the ticket whose status changes. Required.
	TicketID string
	// Status is the new status: CLOSED or ON-HOLD (other changes are
	// automatic). Required.
	Status TicketStatus
}

func (r *TicketEditRequest) validate() error {
	switch r.Status {
	case "", TicketClosed, TicketOnHold:
		return nil
	}
	return invalidField("Status", "status", "must be CLOSED or ON-HOLD")
}

// TicketEditResponse is the answer of Ticket/Edit.
type TicketEditResponse struct {
	Meta
	// Ticket gives the ticket's ID.
	Ticket TicketRef `tc:"ticket"`
}

// Edit changes the status of a support ticket to CLOSED or ON-HOLD
// (Ticket/Edit).
func (s *TicketsService) Edit(ctx context.Context, req TicketEditRequest, opts ...CallOption) (*TicketEditResponse, error) {
	return call[TicketEditResponse](ctx, s.c, "Ticket/Edit", &req, opts)
}
