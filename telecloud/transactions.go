package telecloud

import (
	"context"
	"strings"
)

// TransactionStatus is the status of a transaction (an API call as the
// transaction log records it).
type TransactionStatus string

// The transaction statuses. The reference lists PENDING, SUCCESS and FAILURE
// as search criteria, and its sample answers FAILED; both spellings of a
// failure are kept.
const (
	TransactionPending TransactionStatus = "PENDING"
	TransactionSuccess TransactionStatus = "SUCCESS"
	TransactionFailure TransactionStatus = "FAILURE" // the search criterion
	TransactionFailed  TransactionStatus = "FAILED"  // as answered
)

// Pending reports whether the transaction has not finished.
func (s TransactionStatus) Pending() bool {
	return strings.EqualFold(string(s), string(TransactionPending))
}

// Failed reports whether the transaction failed (FAILURE or FAILED).
func (s TransactionStatus) Failed() bool {
	return strings.EqualFold(string(s), string(TransactionFailure)) || strings.EqualFold(string(s), string(TransactionFailed))
}

// Succeeded reports whether the transaction succeeded.
func (s TransactionStatus) Succeeded() bool {
	return strings.EqualFold(string(s), string(TransactionSuccess))
}

// TransactionSearchRequest holds the criteria of Transaction/Search. With
// none, the last 350 transactions are shown.
type TransactionSearchRequest struct {
	// TransID is the trans_id any service returned.
	TransID string
	// AccountNumber shows the transactions of a customer account.
	AccountNumber string
	// OrderNumber shows the transactions of an order.
	OrderNumber string
	// Service shows the transactions of one service/method, e.g.
	// "PaymentMethod/Create".
	Service string
	// Status shows the transactions with that status: PENDING, SUCCESS or FAILURE.
	Status TransactionStatus
}

func (r *TransactionSearchRequest) validate() error {
	switch r.Status {
	case "", TransactionPending, TransactionSuccess, TransactionFailure, TransactionFailed:
		return nil
	}
	return invalidField("Status", "status", "must be PENDING, SUCCESS or FAILURE")
}

// TransactionSearchResponse is the answer of Transaction/Search.
type TransactionSearchResponse struct {
	Meta
	// Transactions are the transactions found.
	Transactions []Transaction `tc:"transactions>transaction"`
}

// Transaction is one API call as the transaction log records it. For a new
// order, its status tells whether provisioning finished.
type Transaction struct {
	// TransID identifies the transaction.
	TransID string `tc:"trans_id,attr"`
	// Service is the service/method called, e.g. "PaymentMethod/Create".
	Service string `tc:"service"`
	// User is the API user who made the call.
	User string `tc:"user"`
	// FullRequest is the request as recorded (JSON text).
	FullRequest string `tc:"full_request"`
	// RequestingIP is the address the call came from.
	RequestingIP string `tc:"requesting_ip"`
	// Status is the transaction's status.
	Status TransactionStatus `tc:"status"`
	// Error is the error text of a failed transaction, when the answer
	// carries one (an <error> element; not in the reference's sample, which
	// shows none: inferred from the error envelope and from Order/Update,
	// whose error text "will be shown on the original Order/Create
	// transaction").
	Error string `tc:"error"`
}

// Search finds transactions (Transaction/Search): the log of API calls, used
// to follow a new order's provisioning by its trans_id.
func (s *TransactionsService) Search(ctx context.Context, req TransactionSearchRequest, opts ...CallOption) (*TransactionSearchResponse, error) {
	return call[TransactionSearchResponse](ctx, s.c, "Transaction/Search", &req, opts)
}
