package telecloud

import "context"

// BankAccountKind is the kind of a bank account payment method.
type BankAccountKind string

// The bank account kinds of PaymentMethod/Create.
const (
	BankPersonalChecking BankAccountKind = "Personal Checking"
	BankPersonalSavings  BankAccountKind = "Personal Savings"
	BankBusinessChecking BankAccountKind = "Business Checking"
	BankBusinessSavings  BankAccountKind = "Business Savings"
)

// PaymentMethodStatus is the verification status of a payment method.
// Payment methods of cloud accounts are verified with two micro debits
// (PaymentMethod/Verify); those of customer accounts need no verification.
type PaymentMethodStatus string

// The payment method statuses seen in PaymentMethod/Search.
const (
	PaymentMethodUnverified PaymentMethodStatus = "UNVERIFIED"
	PaymentMethodPending    PaymentMethodStatus = "PENDING"
	PaymentMethodVerified   PaymentMethodStatus = "VERIFIED"
)

// PaymentMethodCreateRequest holds the parameters of PaymentMethod/Create.
// Without AccountNumber the payment method is added to your cloud account,
// where it must then be verified (PaymentMethod/Verify).
//
// The reference notes that bank accounts must be added from the TeleCloud.app
// portal with its instant verification system (Plaid); the bank fields are
// kept for that flow.
type PaymentMethodCreateRequest struct {
	// AccountNumber is the customer account to add the payment method to;
	// only when adding to a customer account.
	AccountNumber string
	// Type is CC for a credit card or BA for a bank account. Required.
	Type PaymentType
	// Number is the card or bank account number (secret).
	Number Secret
	// RoutingNumber is the bank routing number, for BA (secret).
	RoutingNumber Secret
	// BankAccountType is the kind of bank account, for BA.
	BankAccountType BankAccountKind
	// ExpirationMonth is the card's expiration month, two digits ("02"), for CC.
	ExpirationMonth string
	// ExpirationYear is the card's two-digit expiration year ("21"), for CC.
	ExpirationYear string
	// CVV is the card's three- or four-digit security code, for CC (secret).
	CVV Secret
	// PlaidAccountID is the account_id Plaid gave, for bank accounts only (secret).
	PlaidAccountID Secret
	// PlaidAccessToken is the access_token Plaid gave, for bank accounts only (secret).
	PlaidAccessToken Secret
	// PlaidItemID is the item_id Plaid gave, for bank accounts only (secret).
	PlaidItemID Secret
}

func (r *PaymentMethodCreateRequest) validate() error {
	if err := checkPaymentMethodType("Type", "type", r.Type); err != nil {
		return err
	}
	if r.ExpirationMonth != "" {
		if !isDigitsLen(r.ExpirationMonth, 2, 2) || r.ExpirationMonth < "01" || r.ExpirationMonth > "12" {
			return invalidField("ExpirationMonth", "expiration_month", "must be two digits, 01 to 12")
		}
	}
	if r.ExpirationYear != "" && !isDigitsLen(r.ExpirationYear, 2, 2) {
		return invalidField("ExpirationYear", "expiration_year", "must be two digits")
	}
	if !r.CVV.IsZero() && !isDigitsLen(r.CVV.Reveal(), 3, 4) {
		return invalidField("CVV", "cvv", "must be three or four digits")
	}
	switch r.BankAccountType {
	case "", BankPersonalChecking, BankPersonalSavings, BankBusinessChecking, BankBusinessSavings:
	default:
		return invalidField("BankAccountType", "bank_account_type", "must be Personal Checking, Personal Savings, Business Checking or Business Savings")
	}
	plaid := !r.PlaidAccountID.IsZero() || !r.PlaidAccessToken.IsZero() || !r.PlaidItemID.IsZero()
	switch r.Type {
	case PaymentCard:
		if blank(r.Number.Reveal()) {
			return invalidField("Number", "payment_account_number", "is required for a card")
		}
		if r.ExpirationMonth == "" || r.ExpirationYear == "" {
			return invalidf("ExpirationMonth", "a card needs ExpirationMonth and ExpirationYear")
		}
		if !r.RoutingNumber.IsZero() || r.BankAccountType != "" || plaid {
			return invalidf("Type", "bank account fields are set on a card (CC)")
		}
	case PaymentBank:
		if r.ExpirationMonth != "" || r.ExpirationYear != "" || !r.CVV.IsZero() {
			return invalidf("Type", "card fields are set on a bank account (BA)")
		}
		if plaid && (blank(r.PlaidAccountID.Reveal()) || blank(r.PlaidAccessToken.Reveal()) || blank(r.PlaidItemID.Reveal())) {
			return invalidf("PlaidAccountID", "PlaidAccountID, PlaidAccessToken and PlaidItemID go together")
		}
		if !plaid && (blank(r.Number.Reveal()) || blank(r.RoutingNumber.Reveal())) {
			return invalidf("Number", "a bank account needs Number and RoutingNumber, or the Plaid account_id, access_token and item_id")
		}
	}
	return nil
}

// PaymentMethodRef is the <paymentmethod> element the payment method actions
// answer with.
type PaymentMethodRef struct {
	// ID identifies the payment method (the payment_method_id of other calls).
	ID string `tc:"id,attr"`
	// Default is Y when the payment method is now the default
	// (PaymentMethod/Edit).
	Default Flag `tc:"default,attr"`
}

// PaymentMethodCreateResponse is the answer of PaymentMethod/Create.
type PaymentMethodCreateResponse struct {
	Meta
	// PaymentMethod gives the new payment method's ID.
	PaymentMethod PaymentMethodRef `tc:"paymentmethod"`
}

// Create adds a payment method to a customer account, or to your cloud
// account when AccountNumber is empty (PaymentMethod/Create). Cloud account
// payment methods get two micro debits to confirm with Verify.
func (s *PaymentMethodsService) Create(ctx context.Context, req PaymentMethodCreateRequest, opts ...CallOption) (*PaymentMethodCreateResponse, error) {
	return call[PaymentMethodCreateResponse](ctx, s.c, "PaymentMethod/Create", &req, opts)
}

// PaymentMethodEditRequest holds the parameters of PaymentMethod/Edit.
type PaymentMethodEditRequest struct {
	// PaymentMethodID is the payment method (the ID PaymentMethod/Create
	// returned). Required.
	PaymentMethodID string
	// AccountNumber is the customer account, when setting the default payment
	// method of a customer account.
	AccountNumber string
	// Type is CC for a credit card or BA for a bank account.
	Type PaymentType
}

func (r *PaymentMethodEditRequest) validate() error {
	return checkPaymentMethodType("Type", "type", r.Type)
}

// PaymentMethodEditResponse is the answer of PaymentMethod/Edit.
type PaymentMethodEditResponse struct {
	Meta
	// AccountNumber is the customer account of the payment method, if any.
	AccountNumber string `tc:"account_number"`
	// PaymentMethod gives the payment method's ID and whether it is now the default.
	PaymentMethod PaymentMethodRef `tc:"paymentmethod"`
}

// Edit toggles a payment method between default and not default
// (PaymentMethod/Edit). Default payment methods are used for recurring
// billing when that is set up in the superior cloud account.
func (s *PaymentMethodsService) Edit(ctx context.Context, req PaymentMethodEditRequest, opts ...CallOption) (*PaymentMethodEditResponse, error) {
	return call[PaymentMethodEditResponse](ctx, s.c, "PaymentMethod/Edit", &req, opts)
}

// PaymentMethodDeleteRequest holds the parameters of PaymentMethod/Delete.
type PaymentMethodDeleteRequest struct {
	// PaymentMethodID is the payment method (the ID PaymentMethod/Create
	// returned). Required.
	PaymentMethodID string
	// AccountNumber is the customer account the payment method is connected
	// to. Required.
	AccountNumber string
	// Type is CC for a credit card or BA for a bank account.
	Type PaymentType
}

func (r *PaymentMethodDeleteRequest) validate() error {
	return checkPaymentMethodType("Type", "type", r.Type)
}

// PaymentMethodDeleteResponse is the answer of PaymentMethod/Delete.
type PaymentMethodDeleteResponse struct {
	Meta
	// AccountNumber is the customer account of the deleted payment method.
	AccountNumber string `tc:"account_number"`
	// PaymentMethod gives the deleted payment method's ID.
	PaymentMethod PaymentMethodRef `tc:"paymentmethod"`
}

// Delete deletes a payment method of a customer account
// (PaymentMethod/Delete). Cloud account payment methods cannot be deleted.
func (s *PaymentMethodsService) Delete(ctx context.Context, req PaymentMethodDeleteRequest, opts ...CallOption) (*PaymentMethodDeleteResponse, error) {
	return call[PaymentMethodDeleteResponse](ctx, s.c, "PaymentMethod/Delete", &req, opts)
}

// PaymentMethodVerifyRequest holds the parameters of PaymentMethod/Verify.
// The two amounts may be given in either order.
type PaymentMethodVerifyRequest struct {
	// PaymentMethodID is the payment method (the ID PaymentMethod/Create
	// returned). Required.
	PaymentMethodID string
	// Type is CC for a credit card or BA for a bank account.
	Type PaymentType
	// Amount1 is the amount of the first micro debit. Required.
	Amount1 Money
	// Amount2 is the amount of the second micro debit. Required.
	Amount2 Money
}

func (r *PaymentMethodVerifyRequest) validate() error {
	return checkPaymentMethodType("Type", "type", r.Type)
}

// PaymentMethodVerifyResponse is the answer of PaymentMethod/Verify.
type PaymentMethodVerifyResponse struct {
	Meta
	// PaymentMethod gives the verified payment method's ID.
	PaymentMethod PaymentMethodRef `tc:"paymentmethod"`
}

// Verify confirms the two micro debit amounts of a cloud account's payment
// method (PaymentMethod/Verify); the payment method then becomes the cloud
// account's default.
func (s *PaymentMethodsService) Verify(ctx context.Context, req PaymentMethodVerifyRequest, opts ...CallOption) (*PaymentMethodVerifyResponse, error) {
	return call[PaymentMethodVerifyResponse](ctx, s.c, "PaymentMethod/Verify", &req, opts)
}

// PaymentMethodSearchRequest holds the criteria of PaymentMethod/Search.
type PaymentMethodSearchRequest struct {
	// AccountNumber is a customer account: list its payment methods.
	AccountNumber string
	// PaymentMethodID shows one payment method and its associated transactions.
	PaymentMethodID string
}

// PaymentMethodSearchResponse is the answer of PaymentMethod/Search.
type PaymentMethodSearchResponse struct {
	Meta
	// PaymentMethods are the payment methods found.
	PaymentMethods []PaymentMethod `tc:"paymentmethod"`
}

// PaymentMethod is a card or bank account, as PaymentMethod/Search lists it.
type PaymentMethod struct {
	// ID identifies the payment method (payment_method_id).
	ID string `tc:"id,attr"`
	// Type is CC (card) or BA (bank account).
	Type PaymentType `tc:"type,attr"`
	// AccountNumber is the masked card or bank account number,
	// e.g. "5348-XXXX-XXXX-8307".
	AccountNumber string `tc:"payment_account_number"`
	// ExpirationMonth is the card's expiration month ("05").
	ExpirationMonth string `tc:"expiration_month"`
	// ExpirationYear is the card's two-digit expiration year ("21").
	ExpirationYear string `tc:"expiration_year"`
	// CardType is the card brand, e.g. "Master Card".
	CardType string `tc:"card_type"`
	// Status is the verification status.
	Status PaymentMethodStatus `tc:"status"`
}

// Search lists payment methods (PaymentMethod/Search): yours, or a customer
// account's when AccountNumber is set.
func (s *PaymentMethodsService) Search(ctx context.Context, req PaymentMethodSearchRequest, opts ...CallOption) (*PaymentMethodSearchResponse, error) {
	return call[PaymentMethodSearchResponse](ctx, s.c, "PaymentMethod/Search", &req, opts)
}
