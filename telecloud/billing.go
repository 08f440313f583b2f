package telecloud

import (
	"context"
	"time"
)

// BillingType is the direction of a manual billing entry or customer credit.
type BillingType string

// The billing entry types of Billing/Create and Customer/Credit.
const (
	BillingDebit  BillingType = "DEBIT"  // takes money from the balance
	BillingCredit BillingType = "CREDIT" // adds money to the balance
)

func billingTypeParam(field, param string, t BillingType) error {
	switch t {
	case "", BillingDebit, BillingCredit:
		return nil
	}
	return invalidField(field, param, "must be DEBIT or CREDIT")
}

// BillingSearchRequest filters Billing/Search. Leave CloudAccountType and
// CloudAccountNumber empty for your own account's transactions.
type BillingSearchRequest struct {
	// BillingTransID selects one billing transaction.
	BillingTransID string
	// AccountNumber selects the transactions of one customer account.
	AccountNumber string
	// OrderNumber selects the transactions of one order.
	OrderNumber string
	// CloudAccountType is the type of the cloud account whose transactions
	// to list; empty for your own, required with CloudAccountNumber.
	CloudAccountType AccountType
	// CloudAccountNumber is the cloud account whose transactions to list;
	// empty for your own.
	CloudAccountNumber string
	// StartDate is the first day to list (sent as YYYY-MM-DD).
	StartDate time.Time
	// EndDate is the last day to list (sent as YYYY-MM-DD).
	EndDate time.Time
	// Billed: N shows unbilled transactions (postpaid cloud accounts only).
	Billed Flag
}

func (r *BillingSearchRequest) validate() error {
	if err := cloudAccountParams("CloudAccountType", "cloud_account_type", r.CloudAccountType, "CloudAccountNumber", r.CloudAccountNumber); err != nil {
		return err
	}
	if err := flagParam("Billed", "billed", r.Billed); err != nil {
		return err
	}
	if !r.StartDate.IsZero() && !r.EndDate.IsZero() && r.EndDate.Before(r.StartDate) {
		return invalidField("EndDate", "end_date", "is before StartDate")
	}
	return nil
}

// BillingSearchResponse is the answer of Billing/Search.
type BillingSearchResponse struct {
	Meta
	// CloudAccountType and CloudAccountNumber echo the cloud account searched.
	CloudAccountType   AccountType `tc:"cloud_account_type"`
	CloudAccountNumber string      `tc:"cloud_account_number"`
	// Transactions are the billing history entries.
	Transactions []BillingTransaction `tc:"billing>transaction"`
}

// BillingTransaction is one entry of a cloud account's billing history.
type BillingTransaction struct {
	// TransID identifies the entry (Billing/Reverse's BillingTransID).
	TransID string `tc:"trans_id,attr"`
	// Date is when it was posted.
	Date Time `tc:"date"`
	// Type describes the entry, e.g. "MONTHLY MAINTENANCE FEE".
	Type string `tc:"type"`
	// Descriptor is the entry's short descriptor, often empty.
	Descriptor string `tc:"descriptor"`
	// Details is the entry's description.
	Details string `tc:"details"`
	// User is who posted it ("AUTO" for the system).
	User string `tc:"user"`
	// Amount is the amount of the entry.
	Amount Money `tc:"amount"`
	// Billed says whether the entry has been billed (postpaid accounts).
	Billed Flag `tc:"billed"`
	// EndBalance is the balance after the entry.
	EndBalance Money `tc:"end_balance"`
	// Status is the entry's status, e.g. "COMPLETED".
	Status string `tc:"status"`
}

// BillingCreateRequest is the input of Billing/Create: a manual debit or
// credit to a cloud account under your control.
type BillingCreateRequest struct {
	// CloudAccountType is the type of the cloud account to debit or
	// credit. Required.
	CloudAccountType AccountType
	// CloudAccountNumber is the cloud account to debit or credit. Required.
	CloudAccountNumber string
	// Type is BillingDebit or BillingCredit. Required.
	Type BillingType
	// Amount is the amount in full dollar form, e.g. 10.00. Required.
	Amount Money
	// Notes is a more detailed description of the transaction.
	Notes string
}

func (r *BillingCreateRequest) validate() error {
	if err := cloudAccountParams("CloudAccountType", "cloud_account_type", r.CloudAccountType, "CloudAccountNumber", r.CloudAccountNumber); err != nil {
		return err
	}
	if err := billingTypeParam("Type", "type", r.Type); err != nil {
		return err
	}
	return amountParam("Amount", "amount", r.Amount)
}

// BillingEntry is the <billing> element that Billing/Create, Billing/Reverse
// and Billing/AddFunds answer with. AddFunds leaves the cloud account and
// notes empty.
type BillingEntry struct {
	// BillingTransID identifies the billing transaction (for Reverse, the
	// transaction reversed).
	BillingTransID string `tc:"billing_trans_id,attr"`
	// CloudAccountNumber and CloudAccountType are the account billed.
	CloudAccountNumber string      `tc:"cloud_account_number,attr"`
	CloudAccountType   AccountType `tc:"cloud_account_type,attr"`
	// Type is DEBIT or CREDIT.
	Type BillingType `tc:"type"`
	// Amount is the amount of the entry.
	Amount Money `tc:"amount"`
	// Notes describes the entry.
	Notes string `tc:"notes"`
	// EndingBalance is the account's balance after the entry.
	EndingBalance Money `tc:"ending_balance"`
}

// BillingCreateResponse is the answer of Billing/Create.
type BillingCreateResponse struct {
	Meta
	// Billing is the new entry.
	Billing BillingEntry `tc:"billing"`
}

// BillingReverseRequest is the input of Billing/Reverse.
type BillingReverseRequest struct {
	// CloudAccountType is the type of the cloud account the transaction
	// belongs to; empty for your own account, required with
	// CloudAccountNumber.
	CloudAccountType AccountType
	// CloudAccountNumber is the cloud account the transaction belongs to;
	// empty for your own account.
	CloudAccountNumber string
	// BillingTransID is the billing history transaction to reverse
	// (BillingTransaction.TransID, BillingEntry.BillingTransID). Required.
	BillingTransID string
}

func (r *BillingReverseRequest) validate() error {
	return cloudAccountParams("CloudAccountType", "cloud_account_type", r.CloudAccountType, "CloudAccountNumber", r.CloudAccountNumber)
}

// BillingReverseResponse is the answer of Billing/Reverse.
type BillingReverseResponse struct {
	Meta
	// Billing describes the reversed entry and the balance after it.
	Billing BillingEntry `tc:"billing"`
}

// BillingAddFundsRequest is the input of Billing/AddFunds.
type BillingAddFundsRequest struct {
	// PaymentMethodID is the payment method to reload the account with.
	PaymentMethodID string
	// Type is PaymentCard (CC) or PaymentBank (BA).
	Type PaymentType
	// Amount is the amount to add, in full dollar form. Required.
	Amount Money
	// CVV is the card security code; required for a credit card only. A
	// secret: never logged nor shown in errors.
	CVV Secret
}

func (r *BillingAddFundsRequest) validate() error {
	if err := checkPaymentMethodType("Type", "type", r.Type); err != nil {
		return err
	}
	if r.Type == PaymentCard && blank(r.CVV.Reveal()) {
		return invalidField("CVV", "cvv", "is required for a credit card (Type CC)")
	}
	if r.Type == PaymentBank && !r.CVV.IsZero() {
		return invalidField("CVV", "cvv", "is for a credit card only, not a bank account (Type BA)")
	}
	return amountParam("Amount", "amount", r.Amount)
}

// BillingAddFundsResponse is the answer of Billing/AddFunds.
type BillingAddFundsResponse struct {
	Meta
	// Billing is the credit added.
	Billing BillingEntry `tc:"billing"`
}

// Search lists billing transactions, your own account's or those of a cloud
// account, customer account or order (Billing/Search).
func (s *BillingService) Search(ctx context.Context, req BillingSearchRequest, opts ...CallOption) (*BillingSearchResponse, error) {
	return call[BillingSearchResponse](ctx, s.c, "Billing/Search", &req, opts)
}

// Create posts a manual debit or credit to a cloud account under your
// control (Billing/Create).
func (s *BillingService) Create(ctx context.Context, req BillingCreateRequest, opts ...CallOption) (*BillingCreateResponse, error) {
	return call[BillingCreateResponse](ctx, s.c, "Billing/Create", &req, opts)
}

// Reverse reverses a billing transaction on a cloud account under your
// control (Billing/Reverse).
func (s *BillingService) Reverse(ctx context.Context, req BillingReverseRequest, opts ...CallOption) (*BillingReverseResponse, error) {
	return call[BillingReverseResponse](ctx, s.c, "Billing/Reverse", &req, opts)
}

// AddFunds lets a VAR, PARTNER or AFFILIATE add funds to its own account,
// charged through the controlling account's default payment gateway
// (Billing/AddFunds). It is never re-sent automatically.
func (s *BillingService) AddFunds(ctx context.Context, req BillingAddFundsRequest, opts ...CallOption) (*BillingAddFundsResponse, error) {
	return call[BillingAddFundsResponse](ctx, s.c, "Billing/AddFunds", &req, opts)
}
