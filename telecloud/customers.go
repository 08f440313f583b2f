package telecloud

import "context"

// QualifyType says what Customer/Qualify and Customer/Estimate are for.
type QualifyType string

// The qualify (and estimate) types.
const (
	QualifyNew       QualifyType = "NEW"       // a new order
	QualifyReplenish QualifyType = "REPLENISH" // a replenishment of an existing order
)

func qualifyTypeParam(field, param string, t QualifyType) error {
	switch t {
	case "", QualifyNew, QualifyReplenish:
		return nil
	}
	return invalidField(field, param, "must be NEW or REPLENISH")
}

// CustomerSearchRequest filters Customer/Search. Every field is optional;
// the order criteria (OrderNumber and after) find the customers owning
// matching orders, but the answer does not show orders (see Orders.Search).
type CustomerSearchRequest struct {
	// AccountNumber loads one specific account; the answer then also
	// carries the account's notes and notifications.
	AccountNumber string
	// Company is the company name as listed on the account.
	Company string
	// FirstName is the first name as listed on the account.
	FirstName string
	// LastName is the last name as listed on the account.
	LastName string
	// Address is the street address as listed on the account.
	Address string
	// UnitType is the unit type as listed on the account.
	UnitType string
	// UnitNumber is the unit number as listed on the account.
	UnitNumber string
	// ZipCode is the zip code as listed on the account.
	ZipCode string
	// Email is the e-mail address as listed on the account.
	Email string
	// Phone is the phone number as listed on the account.
	Phone string
	// Password is the account password. A secret: never logged nor shown
	// in errors.
	Password Secret
	// DL is the driver's licence as listed on the account. A secret.
	DL Secret
	// SSN is the social security number as listed on the account. A secret.
	SSN Secret
	// CustomField is the value of the custom field (sent as
	// custom_field_1, the first of the account's two custom fields).
	CustomField string
	// OrderNumber finds the customer owning this order.
	OrderNumber string
	// OrderStatus is the service status of the order, with OrderNumber.
	OrderStatus OrderStatus
	// ProductID is the core product of an order on the account.
	ProductID string
	// RatePlanID is the VAR product (rate plan) of an order on the account.
	RatePlanID string
	// Vars are VAR1–VAR20 as listed on an order of the account, by slot.
	Vars VarValues
}

func (r *CustomerSearchRequest) validate() error {
	switch r.OrderStatus {
	case "", OrderActive, OrderPending, OrderSuspended, OrderNonPay, OrderFailed, OrderCancelled:
		return nil
	}
	return invalidField("OrderStatus", "status", "must be ACTIVE, PENDING, SUSPENDED, NON-PAY, FAILED or CANCELLED")
}

// CustomerSearchResponse is the answer of Customer/Search.
type CustomerSearchResponse struct {
	Meta
	// Customers are the accounts found.
	Customers []Customer `tc:"customer"`
}

// Customer is a customer (subscriber) account. The answer carries the
// password, licence and SSN in clear: handle it accordingly.
type Customer struct {
	// AccountNumber identifies the account (7 or 8 digits).
	AccountNumber string `tc:"account_number,attr"`
	// CoreID, VARID, PartnerID and AffiliateID are the cloud accounts the
	// customer belongs to.
	CoreID      string `tc:"COREID"`
	VARID       string `tc:"VARID"`
	PartnerID   string `tc:"PARTNERID"`
	AffiliateID string `tc:"AFFILIATEID"`
	// CreationDate is when the account was created.
	CreationDate Time `tc:"CREATION_DATE"`
	// CreationUser is the user who created it.
	CreationUser string `tc:"CREATION_USER"`
	// Company is the company name.
	Company string `tc:"COMPANY"`
	// FirstName and LastName are the account holder's.
	FirstName string `tc:"FIRST_NAME"`
	LastName  string `tc:"LAST_NAME"`
	// Address, UnitType and UnitNumber are the street address.
	Address    string `tc:"ADDRESS"`
	UnitType   string `tc:"UNIT_TYPE"`
	UnitNumber string `tc:"UNIT_NUMBER"`
	// City, State, ZipCode and Country complete the address.
	City    string `tc:"CITY"`
	State   string `tc:"STATE"`
	ZipCode string `tc:"ZIP_CODE"`
	Country string `tc:"COUNTRY"`
	// Email and Phone are the contact details.
	Email string `tc:"EMAIL"`
	Phone string `tc:"PHONE"`
	// Password is the account password, in clear.
	Password Secret `tc:"PASSWORD"`
	// DL is the driver's licence number.
	DL Secret `tc:"DL"`
	// SSN is the social security number.
	SSN Secret `tc:"SSN"`
	// CustomField1 and CustomField2 are the custom values.
	CustomField1 string `tc:"CUSTOM_FIELD_1"`
	CustomField2 string `tc:"CUSTOM_FIELD_2"`
	// PaymentMethodType and PaymentMethodID are the account's default
	// payment method, if any.
	PaymentMethodType PaymentType `tc:"PAYMENT_METHOD_TYPE"`
	PaymentMethodID   string      `tc:"PAYMENT_METHOD_ID"`
	// LocationType is the kind of address, e.g. "Residential".
	LocationType string `tc:"LOCATION_TYPE"`
	// AccountCredit is the credit available (Customer/Credit); it is used
	// on the next transaction paid with the account's payment method.
	AccountCredit Money `tc:"ACCOUNT_CREDIT"`
	// Status is the account's status (StatusActive …).
	Status Status `tc:"STATUS"`
}

// CustomerCreateRequest is the input of Customer/Create. The reference
// lost the names of these parameters and kept only some descriptions; the
// fields follow the Customer/Search answer.
type CustomerCreateRequest struct {
	// Company is the company name.
	Company string
	// FirstName is the account holder's first name.
	FirstName string
	// LastName is the account holder's last name.
	LastName string
	// Address is the street address.
	Address string
	// UnitType is the unit type, e.g. APT or SUITE; required with a UnitNumber.
	UnitType string
	// UnitNumber is the unit number.
	UnitNumber string
	// City is the city; required for international addresses only.
	City string
	// State is the state or province; required for international addresses only.
	State string
	// ZipCode is the zip or postal code.
	ZipCode string
	// Country is the country; empty means United States.
	Country string
	// Email is the e-mail address.
	Email string
	// Phone is the phone number.
	Phone string
	// Password is the account password: eight numeric digits, most likely
	// (the reference keeps that description without its name). A secret.
	Password Secret
	// DL is the driver's licence number. A secret.
	DL Secret
	// SSN is the social security number. A secret.
	SSN Secret
	// CustomField1 is an optional custom value for your records.
	CustomField1 string
	// CustomField2 is an optional custom value for your records.
	CustomField2 string
}

func (r *CustomerCreateRequest) validate() error {
	return unitParams(r.UnitType, r.UnitNumber)
}

// unitParams checks that a unit number comes with its unit type.
func unitParams(unitType, unitNumber string) error {
	if unitNumber != "" && blank(unitType) {
		return invalidField("UnitType", "unit_type", "is required with a UnitNumber (e.g. APT or SUITE)")
	}
	return nil
}

// CustomerCreateResponse is the answer of Customer/Create.
type CustomerCreateResponse struct {
	Meta
	// AccountNumber is the new account's number.
	AccountNumber string `tc:"customer>account_number"`
}

// CustomerEditRequest is the input of Customer/Edit. Empty fields are not
// sent.
type CustomerEditRequest struct {
	// AccountNumber is the account to edit. Required.
	AccountNumber string
	// Company is the company name.
	Company string
	// FirstName is the account holder's first name.
	FirstName string
	// LastName is the account holder's last name.
	LastName string
	// Address is the street address.
	Address string
	// UnitType is the unit type, e.g. APT or SUITE; required with a UnitNumber.
	UnitType string
	// UnitNumber is the unit number.
	UnitNumber string
	// City is the city; required for international addresses only.
	City string
	// State is the state or province; required for international addresses only.
	State string
	// ZipCode is the zip or postal code.
	ZipCode string
	// Country is the country; empty means United States.
	Country string
	// Email is the e-mail address.
	Email string
	// Phone is the phone number.
	Phone string
	// Password is the account password (most likely eight numeric digits). A secret.
	Password Secret
	// DL is the driver's licence number. A secret.
	DL Secret
	// SSN is the social security number. A secret.
	SSN Secret
	// CustomField1 is an optional custom value for your records.
	CustomField1 string
	// CustomField2 is an optional custom value for your records.
	CustomField2 string
}

func (r *CustomerEditRequest) validate() error {
	return unitParams(r.UnitType, r.UnitNumber)
}

// CustomerEditResponse is the answer of Customer/Edit.
type CustomerEditResponse struct {
	Meta
	// AccountNumber is the edited account's number.
	AccountNumber string `tc:"customer>account_number"`
}

// CustomerDeleteRequest is the input of Customer/Delete.
type CustomerDeleteRequest struct {
	// AccountNumber is the account to delete. Required.
	AccountNumber string
}

// CustomerDeleteResponse is the answer of Customer/Delete.
type CustomerDeleteResponse struct {
	Meta
	// AccountNumber is the deleted account's number.
	AccountNumber string `tc:"account_number"`
	// Status is the account's status afterwards (the sample shows 2).
	Status Status `tc:"status"`
}

// CustomerQualifyRequest is the input of Customer/Qualify.
type CustomerQualifyRequest struct {
	// AccountNumber is the customer account to qualify. Required.
	AccountNumber string
	// OrderNumber is the order to replenish or add to; required when
	// QualifyType is REPLENISH or ProductType is ADD-ON.
	OrderNumber string
	// QualifyType is QualifyNew for new orders, or QualifyReplenish to list
	// only products of the order's product group.
	QualifyType QualifyType
	// ProductType limits the products to TRADITIONAL or ADD-ON; empty
	// lists both.
	ProductType ProductType
	// Vars are VAR1–VAR20 values, by slot, posted to the products'
	// real-time option URLs.
	Vars VarValues
}

func (r *CustomerQualifyRequest) validate() error {
	if err := qualifyTypeParam("QualifyType", "qualify_type", r.QualifyType); err != nil {
		return err
	}
	switch r.ProductType {
	case "", ProductTraditional, ProductAddOn:
	default:
		return invalidField("ProductType", "product_type", "must be TRADITIONAL or ADD-ON")
	}
	if blank(r.OrderNumber) {
		if r.QualifyType == QualifyReplenish {
			return invalidField("OrderNumber", "order_number", "is required when QualifyType is REPLENISH")
		}
		if r.ProductType == ProductAddOn {
			return invalidField("OrderNumber", "order_number", "is required when ProductType is ADD-ON")
		}
	}
	return nil
}

// CustomerQualifyResponse is the answer of Customer/Qualify: the products
// that can be ordered for the account. To order, pick a product and one of
// its rate plans (QualifyVARProduct.RatePlanID), check the price with
// Customers.Estimate, and collect the values of the product's Variables that
// ask for a prompt.
type CustomerQualifyResponse struct {
	Meta
	// CustomerQualifyResult is the <customer> element; its fields are
	// promoted (resp.Products).
	CustomerQualifyResult `tc:"customer"`
}

// CustomerQualifyResult is the <customer> element of Customer/Qualify.
type CustomerQualifyResult struct {
	// AccountNumber is the account qualified.
	AccountNumber string `tc:"account_number,attr"`
	// Products are the core products available, each with the VAR rate
	// plans built on it.
	Products []QualifyProduct `tc:"qualify>COREProduct"`
}

// RatePlans returns every rate plan of every product, in order, each with
// its product.
func (r *CustomerQualifyResult) RatePlans() []QualifyRatePlan {
	var out []QualifyRatePlan
	for i := range r.Products {
		for _, v := range r.Products[i].VARProducts {
			out = append(out, QualifyRatePlan{Product: &r.Products[i], Plan: v})
		}
	}
	return out
}

// QualifyRatePlan is one orderable rate plan with its core product.
type QualifyRatePlan struct {
	// Product is the core product (with the variables to fill in).
	Product *QualifyProduct
	// Plan is the VAR rate plan (RatePlanID is what Order/Create takes).
	Plan QualifyVARProduct
}

// QualifyProduct is a core product (COREProduct) available to the account.
type QualifyProduct struct {
	// ProductID is the core product id.
	ProductID string `tc:"id,attr"`
	// ReplenishGroup is the product group whose products replenish it.
	ReplenishGroup string `tc:"REPLENISH_GROUP"`
	// Name is the product's name.
	Name string `tc:"NAME"`
	// Type is TRADITIONAL or ADD-ON.
	Type ProductType `tc:"TYPE"`
	// Description describes the product.
	Description string `tc:"DESCRIPTION"`
	// SetupPrice and Price are the core (wholesale) prices.
	SetupPrice Money `tc:"SETUP_PRICE"`
	Price      Money `tc:"PRICE"`
	// ExpirationDays is the length of a cycle in days, or "WITH PLAN" for
	// an add-on that expires with the plan it is added to.
	ExpirationDays string `tc:"EXPIRATION_DAYS"`
	// Status is the product's status (StatusActive …).
	Status Status `tc:"STATUS"`
	// Group is the product group the product belongs to.
	Group QualifyGroup `tc:"GROUP"`
	// PromptForVariables says whether ordering asks for the variables.
	PromptForVariables Flag `tc:"PROMPT_FOR_VARIABLES"`
	// ReplenishWithPlan says whether an add-on is replenished with its plan.
	ReplenishWithPlan Flag `tc:"REPLENISH_WITH_PLAN"`
	// Variables are the product group's VAR1–VAR20 definitions: Name
	// (e.g. "IMEI"), Type, Options, Description, Swappable, Prompt,
	// Category. The JSON format keeps only the names.
	Variables Variables `tc:",vars"`
	// VARProducts are the VAR rate plans built on this product.
	VARProducts []QualifyVARProduct `tc:"VARProduct"`
}

// QualifyGroup is the <GROUP id="73">GSMA Network</GROUP> of a qualify
// product. The JSON format loses the ID.
type QualifyGroup struct {
	// ID is the product group id.
	ID string `tc:"id,attr"`
	// Name is the product group's name.
	Name string `tc:",text"`
}

// QualifyVARProduct is a VAR's rate plan on a core product: what the
// customer orders and pays.
type QualifyVARProduct struct {
	// RatePlanID is the rate plan id (the id attribute): the rate_plan_id
	// of Customer/Estimate and Order/Create.
	RatePlanID string `tc:"id,attr"`
	// Status is the plan's status (StatusActive …).
	Status Status `tc:"STATUS"`
	// SetupPrice and Price are the customer's prices.
	SetupPrice Money `tc:"SETUP_PRICE"`
	Price      Money `tc:"PRICE"`
	// Description describes the plan.
	Description string `tc:"DESCRIPTION"`
	// Name is the plan's name.
	Name string `tc:"NAME"`
	// VARID is the VAR account that owns the plan.
	VARID string `tc:"VARID"`
	// ProductID is the core product the plan is built on.
	ProductID string `tc:"PRODUCTID"`
}

// CustomerEstimateRequest is the input of Customer/Estimate.
type CustomerEstimateRequest struct {
	// Type is QualifyNew for a new order or QualifyReplenish for a
	// replenishment.
	Type QualifyType
	// AccountNumber is the customer account. Required.
	AccountNumber string
	// RatePlanID is the VAR rate plan (QualifyVARProduct.RatePlanID). Required.
	RatePlanID string
	// PromoCode is a promotional code to include in the estimate.
	PromoCode string
}

func (r *CustomerEstimateRequest) validate() error {
	return qualifyTypeParam("Type", "type", r.Type)
}

// CustomerEstimateResponse is the answer of Customer/Estimate.
type CustomerEstimateResponse struct {
	Meta
	// CustomerEstimateResult is the <customer> element; its fields are
	// promoted (resp.Estimate).
	CustomerEstimateResult `tc:"customer"`
}

// CustomerEstimateResult is the <customer> element of Customer/Estimate.
type CustomerEstimateResult struct {
	// AccountNumber is the customer account.
	AccountNumber string `tc:"account_number,attr"`
	// Estimate is the estimate.
	Estimate CustomerEstimate `tc:"estimate"`
}

// CustomerEstimate is what an order or replenishment would cost: the
// customer's price and your (the client's) wholesale cost and balance.
type CustomerEstimate struct {
	// Plan is the rate plan and its core product.
	Plan EstimatePlan `tc:"plan"`
	// Customer is what the customer pays.
	Customer EstimateCustomer `tc:"customer"`
	// Client is what your account pays, and its balance before and after.
	Client EstimateClient `tc:"client"`
}

// EstimatePlan names the plan of an estimate.
type EstimatePlan struct {
	// RatePlanID is the VAR rate plan.
	RatePlanID string `tc:"rate_plan_id,attr"`
	// ProductID is its core product.
	ProductID string `tc:"product_id,attr"`
}

// EstimateCustomer is the customer's side of an estimate.
type EstimateCustomer struct {
	// SetupPrice and RecurringPrice are the plan's prices.
	SetupPrice     Money `tc:"setup_price"`
	RecurringPrice Money `tc:"recurring_price"`
	// Promo is the promotional code's discount, if one was given.
	Promo EstimatePromo `tc:"promo"`
	// Total is what the customer pays.
	Total Money `tc:"total"`
	// CycleLength is the length of a cycle in days.
	CycleLength int `tc:"cycle_length"`
	// ExpirationDate is when the order would expire.
	ExpirationDate Time `tc:"expiration_date"`
}

// EstimatePromo is the <promo promo_code="20off">12.35</promo> of an
// estimate. The JSON format loses the code.
type EstimatePromo struct {
	// PromoCode is the code applied.
	PromoCode string `tc:"promo_code,attr"`
	// Discount is the amount taken off.
	Discount Money `tc:",text"`
}

// EstimateClient is your (the client account's) side of an estimate.
type EstimateClient struct {
	// SetupPrice and RecurringPrice are your wholesale costs.
	SetupPrice     Money `tc:"setup_price"`
	RecurringPrice Money `tc:"recurring_price"`
	// Total is what your account is charged.
	Total Money `tc:"total"`
	// Balance and EndBalance are your balance before and after.
	Balance    Money `tc:"balance"`
	EndBalance Money `tc:"end_balance"`
}

// CustomerNotationRequest is the input of Customer/Notation. The reference
// describes no parameters: the names are those of the answer.
type CustomerNotationRequest struct {
	// AccountNumber is the customer account. Required.
	AccountNumber string
	// Subject is the notation's subject.
	Subject string
	// Content is the notation's text.
	Content string
}

// CustomerNotationResponse is the answer of Customer/Notation.
type CustomerNotationResponse struct {
	Meta
	// CustomerNotationResult is the <customer> element; its fields are
	// promoted (resp.Notation).
	CustomerNotationResult `tc:"customer"`
}

// CustomerNotationResult is the <customer> element of Customer/Notation.
type CustomerNotationResult struct {
	// AccountNumber is the customer account.
	AccountNumber string `tc:"account_number,attr"`
	// Notation is the new notation.
	Notation CustomerNotation `tc:"notation"`
}

// CustomerNotation is a note on a customer account.
type CustomerNotation struct {
	// ID identifies the notation.
	ID string `tc:"id,attr"`
	// Subject is its subject.
	Subject string `tc:"subject"`
	// Content is its text, sent as CDATA, which the JSON format loses.
	Content string `tc:"content"`
}

// CustomerCreditRequest is the input of Customer/Credit.
type CustomerCreditRequest struct {
	// AccountNumber is the customer account. Required.
	AccountNumber string
	// Type is BillingCredit to issue a credit or BillingDebit to deduct
	// one. Required.
	Type BillingType
	// Amount is the amount in full dollar form, e.g. 10.50. Required.
	Amount Money
}

func (r *CustomerCreditRequest) validate() error {
	if err := billingTypeParam("Type", "type", r.Type); err != nil {
		return err
	}
	return amountParam("Amount", "amount", r.Amount)
}

// CustomerCreditResponse is the answer of Customer/Credit.
type CustomerCreditResponse struct {
	Meta
	// CustomerCreditResult is the <customer> element; its fields are
	// promoted (resp.Credit).
	CustomerCreditResult `tc:"customer"`
}

// CustomerCreditResult is the <customer> element of Customer/Credit.
type CustomerCreditResult struct {
	// AccountNumber is the customer account.
	AccountNumber string `tc:"account_number,attr"`
	// Credit is the entry and the credit now available.
	Credit CustomerCredit `tc:"credit"`
}

// CustomerCredit is the <credit> of Customer/Credit.
type CustomerCredit struct {
	// Type is DEBIT or CREDIT.
	Type BillingType `tc:"type"`
	// Amount is the amount debited or credited.
	Amount Money `tc:"amount"`
	// CreditAvailable is the account's credit afterwards.
	CreditAvailable Money `tc:"credit_available"`
}

// Search finds customer accounts by account, contact or order criteria
// (Customer/Search). Loading one AccountNumber also returns its notes and
// notifications; orders are never shown (see Orders.Search).
func (s *CustomersService) Search(ctx context.Context, req CustomerSearchRequest, opts ...CallOption) (*CustomerSearchResponse, error) {
	return call[CustomerSearchResponse](ctx, s.c, "Customer/Search", &req, opts)
}

// Create opens a customer account (Customer/Create).
func (s *CustomersService) Create(ctx context.Context, req CustomerCreateRequest, opts ...CallOption) (*CustomerCreateResponse, error) {
	return call[CustomerCreateResponse](ctx, s.c, "Customer/Create", &req, opts)
}

// Edit changes a customer account (Customer/Edit).
func (s *CustomersService) Edit(ctx context.Context, req CustomerEditRequest, opts ...CallOption) (*CustomerEditResponse, error) {
	return call[CustomerEditResponse](ctx, s.c, "Customer/Edit", &req, opts)
}

// Delete deletes a customer account (Customer/Delete). Accounts with orders
// cannot be deleted: TeleCloud refuses them.
func (s *CustomersService) Delete(ctx context.Context, req CustomerDeleteRequest, opts ...CallOption) (*CustomerDeleteResponse, error) {
	return call[CustomerDeleteResponse](ctx, s.c, "Customer/Delete", &req, opts)
}

// Qualify lists the products and rate plans the account can order
// (Customer/Qualify); for some services (wireless, cable internet) it
// qualifies the account's address. Use the result to place an order with
// Orders.Create. Read it in XML (the default): JSON loses the variables'
// metadata and the product group ids.
func (s *CustomersService) Qualify(ctx context.Context, req CustomerQualifyRequest, opts ...CallOption) (*CustomerQualifyResponse, error) {
	return call[CustomerQualifyResponse](ctx, s.c, "Customer/Qualify", &req, opts)
}

// Estimate prices a new order or a replenishment of a rate plan for an
// account, with the expiration date it would have (Customer/Estimate).
func (s *CustomersService) Estimate(ctx context.Context, req CustomerEstimateRequest, opts ...CallOption) (*CustomerEstimateResponse, error) {
	return call[CustomerEstimateResponse](ctx, s.c, "Customer/Estimate", &req, opts)
}

// Notation adds a note to a customer account (Customer/Notation).
func (s *CustomersService) Notation(ctx context.Context, req CustomerNotationRequest, opts ...CallOption) (*CustomerNotationResponse, error) {
	return call[CustomerNotationResponse](ctx, s.c, "Customer/Notation", &req, opts)
}

// Credit issues or deducts account credit (Customer/Credit). The credit is
// used automatically on the account's next transaction (a new order, a
// replenishment), but only when paid with a payment method of the
// customer's account. It is never re-sent automatically.
func (s *CustomersService) Credit(ctx context.Context, req CustomerCreditRequest, opts ...CallOption) (*CustomerCreditResponse, error) {
	return call[CustomerCreditResponse](ctx, s.c, "Customer/Credit", &req, opts)
}
