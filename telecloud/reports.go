package telecloud

import "context"

// ReportSearchRequest holds the criteria of Reports/Search. With none, the
// reports are about your own account.
type ReportSearchRequest struct {
	// AccountNumber asks for reports about a customer account.
	AccountNumber string
	// CloudAccountType is the type of the cloud account to report on; empty
	// for your own account.
	CloudAccountType AccountType
	// CloudAccountNumber is the cloud account to report on; only with
	// CloudAccountType.
	CloudAccountNumber string
	// Dashboard, when Yes, asks for the faster, limited answer: no wholesale
	// or income history and no churn data.
	Dashboard Flag
}

func (r *ReportSearchRequest) validate() error {
	if !r.Dashboard.Valid() {
		return invalidField("Dashboard", "dashboard", "must be Y or N")
	}
	return checkCloudAccountPair(r.CloudAccountType, r.CloudAccountNumber)
}

// ReportSearchResponse is the answer of Reports/Search.
type ReportSearchResponse struct {
	Meta
	// Report is the summary.
	Report Report `tc:"Reports"`
}

// Report summarises the orders, money and tickets of an account.
type Report struct {
	// AccountNumber is the customer account reported on, if one was asked for.
	AccountNumber string `tc:"account_number"`
	// Orders counts the orders by status, with the daily churn.
	Orders OrderCounts `tc:"orders"`
	// Financial gives the wholesale spend and the income.
	Financial FinancialReport `tc:"financial"`
	// Tickets counts the tickets by direction and status.
	Tickets TicketReport `tc:"tickets"`
}

// OrderCounts counts orders by status.
type OrderCounts struct {
	// Active is the number of ACTIVE orders.
	Active int `tc:"active"`
	// Suspended is the number of SUSPENDED orders.
	Suspended int `tc:"suspended"`
	// NonPay is the number of NON-PAY orders.
	NonPay int `tc:"non-pay"`
	// Cancelled is the number of CANCELLED orders.
	Cancelled int `tc:"cancelled"`
	// Churn is the churn per day, most recent first (not in dashboard mode).
	Churn []ChurnDay `tc:"churn>item"`
}

// ChurnDay is the churn of one day.
type ChurnDay struct {
	// Date is the day. The JSON form does not carry it.
	Date Time `tc:"date,attr"`
	// Churn is the churn attribute of the item, as sent (empty in the
	// reference's sample; its meaning is not documented). The JSON form does
	// not carry it.
	Churn string `tc:"churn,attr"`
	// Count is the day's value.
	Count int `tc:",text"`
}

// FinancialReport gives the wholesale spend and income of an account.
type FinancialReport struct {
	// WholesaleSpend is what the account spent at wholesale.
	WholesaleSpend MoneyHistory `tc:"wholesale_spend"`
	// Income is what the account took in.
	Income MoneyHistory `tc:"income"`
}

// MoneyHistory is an amount for this month, the previous month and each of
// the twelve months before (history, not in dashboard mode).
type MoneyHistory struct {
	// CurrentMonth is the amount of the current month.
	CurrentMonth Money `tc:"current_month"`
	// PreviousMonth is the amount of the previous month.
	PreviousMonth Money `tc:"previous_month"`
	// History is the amount of each of the last twelve months.
	History MonthlyHistory `tc:"history"`
}

// MonthlyHistory is the amount of each of the last twelve months (month_1 is
// the most recent). Months returns them as a slice.
type MonthlyHistory struct {
	// Month1 is the most recent month.
	Month1 MonthAmount `tc:"month_1"`
	// Month2 is the month before Month1.
	Month2 MonthAmount `tc:"month_2"`
	// Month3 is the month before Month2.
	Month3 MonthAmount `tc:"month_3"`
	// Month4 is the month before Month3.
	Month4 MonthAmount `tc:"month_4"`
	// Month5 is the month before Month4.
	Month5 MonthAmount `tc:"month_5"`
	// Month6 is the month before Month5.
	Month6 MonthAmount `tc:"month_6"`
	// Month7 is the month before Month6.
	Month7 MonthAmount `tc:"month_7"`
	// Month8 is the month before Month7.
	Month8 MonthAmount `tc:"month_8"`
	// Month9 is the month before Month8.
	Month9 MonthAmount `tc:"month_9"`
	// Month10 is the month before Month9.
	Month10 MonthAmount `tc:"month_10"`
	// Month11 is the month before Month10.
	Month11 MonthAmount `tc:"month_11"`
	// Month12 is the oldest month.
	Month12 MonthAmount `tc:"month_12"`
}

// Months returns the twelve months, most recent first.
func (h MonthlyHistory) Months() []MonthAmount {
	return []MonthAmount{h.Month1, h.Month2, h.Month3, h.Month4, h.Month5, h.Month6,
		h.Month7, h.Month8, h.Month9, h.Month10, h.Month11, h.Month12}
}

// MonthAmount is the amount of one month.
type MonthAmount struct {
	// MonthName is the month's name, e.g. "JUNE". The JSON form does not carry it.
	MonthName string `tc:"month_name,attr"`
	// MonthYear is the month as YYYY-MM, e.g. "2019-06". The JSON form does
	// not carry it.
	MonthYear string `tc:"month_year,attr"`
	// Amount is the month's amount.
	Amount Money `tc:",text"`
}

// TicketReport counts tickets by direction.
type TicketReport struct {
	// Internal counts the INTERNAL tickets.
	Internal TicketCounts `tc:"internal"`
	// External counts the EXTERNAL tickets.
	External TicketCounts `tc:"external"`
}

// TicketCounts counts tickets by status.
type TicketCounts struct {
	// Open is the number of OPEN tickets.
	Open int `tc:"open"`
	// Answered is the number of ANSWERED tickets.
	Answered int `tc:"answered"`
	// Working is the number of WORKING tickets.
	Working int `tc:"working"`
	// Closed is the number of CLOSED tickets.
	Closed int `tc:"closed"`
}

// Search returns reports on a cloud account under your control, a customer
// account, or your own account (Reports/Search).
func (s *ReportsService) Search(ctx context.Context, req ReportSearchRequest, opts ...CallOption) (*ReportSearchResponse, error) {
	return call[ReportSearchResponse](ctx, s.c, "Reports/Search", &req, opts)
}
