package telecloud

import (
	"context"
	"strconv"
	"strings"
)

// FundingType is how a cloud account pays for what it uses.
type FundingType string

// The funding types.
const (
	FundingPrepaid  FundingType = "PREPAID"  // spends a balance reloaded in advance
	FundingPostpaid FundingType = "POSTPAID" // billed afterwards, within a daily spending limit
)

// FeeFrequency is how often a cloud account's maintenance fee is charged.
type FeeFrequency string

// The maintenance fee frequencies (written as TeleCloud writes them).
const (
	FeeMonthly FeeFrequency = "Monthly"
	FeeYearly  FeeFrequency = "Yearly"
)

// CloudAccountSearchRequest filters CloudAccount/Search. With no
// CloudAccountNumber and CloudAccountType every cloud account under yours is
// listed. Orders, Transactions and Discounts take effect only with a
// specific CloudAccountNumber.
type CloudAccountSearchRequest struct {
	// CloudAccountNumber is the cloud account to load (usually 10 digits).
	CloudAccountNumber string
	// CloudAccountType is VAR, PARTNER or AFFILIATE; required with
	// CloudAccountNumber.
	CloudAccountType AccountType
	// Orders: Y returns the account's last 50 service orders.
	Orders Flag
	// Transactions: Y returns the account's last 100 billing transactions.
	Transactions Flag
	// Discounts: Y returns the product discounts set for the account.
	Discounts Flag
	// Dashboard: Y loads only the calling account, not every connected one.
	Dashboard Flag
}

func (r *CloudAccountSearchRequest) validate() error {
	if err := cloudAccountParams("CloudAccountType", "cloud_account_type", r.CloudAccountType, "CloudAccountNumber", r.CloudAccountNumber); err != nil {
		return err
	}
	for _, f := range []struct {
		field, param string
		v            Flag
	}{{"Orders", "orders", r.Orders}, {"Transactions", "transactions", r.Transactions}, {"Discounts", "discounts", r.Discounts}, {"Dashboard", "dashboard", r.Dashboard}} {
		if err := flagParam(f.field, f.param, f.v); err != nil {
			return err
		}
	}
	if r.CloudAccountNumber == "" {
		for _, f := range []struct {
			field, param string
			v            Flag
		}{{"Orders", "orders", r.Orders}, {"Transactions", "transactions", r.Transactions}, {"Discounts", "discounts", r.Discounts}} {
			if f.v == Yes {
				return invalidField(f.field, f.param, "needs a specific CloudAccountNumber")
			}
		}
	}
	return nil
}

// CloudAccountSearchResponse is the answer of CloudAccount/Search.
type CloudAccountSearchResponse struct {
	Meta
	// CloudAccounts are the accounts found.
	CloudAccounts []CloudAccount `tc:"cloud_account"`
}

// CloudAccount is a TeleCloud.app (cloud) account: a CORE, VAR, PARTNER or
// AFFILIATE. The reference's sample shows no cloud users, orders,
// transactions or discounts, so they are not read.
type CloudAccount struct {
	// ID is the account's internal id.
	ID string `tc:"id,attr"`
	// CloudAccountNumber is the account number (usually 10 digits).
	CloudAccountNumber string `tc:"cloud_account_number,attr"`
	// AccountType is CORE, VAR, PARTNER or AFFILIATE.
	AccountType AccountType `tc:"account_type,attr"`
	// CoreID, VARID, PartnerID and AffiliateID are the accounts above this
	// one (and this one itself at its own level).
	CoreID      string `tc:"COREID"`
	VARID       string `tc:"VARID"`
	PartnerID   string `tc:"PARTNERID"`
	AffiliateID string `tc:"AFFILIATEID"`
	// Type is the ACCOUNT_TYPE element: the same as AccountType.
	Type AccountType `tc:"ACCOUNT_TYPE"`
	// CompanyName is the company's name.
	CompanyName string `tc:"COMPANY_NAME"`
	// FirstName and LastName are the account holder's.
	FirstName string `tc:"FIRST_NAME"`
	LastName  string `tc:"LAST_NAME"`
	// Address1 and Address2 are the street address lines.
	Address1 string `tc:"ADDRESS1"`
	Address2 string `tc:"ADDRESS2"`
	// City, State, ZipCode and Country complete the address.
	City    string `tc:"CITY"`
	State   string `tc:"STATE"`
	ZipCode string `tc:"ZIP_CODE"`
	Country string `tc:"COUNTRY"`
	// ContactPhone is the company's telephone number.
	ContactPhone string `tc:"CONTACT_PHONE"`
	// NotificationEmail receives the account's notifications.
	NotificationEmail string `tc:"NOTIFICATION_EMAIL"`
	// MaintenanceFee is the amount of the maintenance fee.
	MaintenanceFee Money `tc:"MAINTENANCE_FEE"`
	// MaintenanceFeeDay is the day of the month the fee is charged.
	MaintenanceFeeDay int `tc:"MAINTENANCE_FEE_DAY"`
	// MaintenanceFeeType is Monthly or Yearly.
	MaintenanceFeeType FeeFrequency `tc:"MAINTENANCE_FEE_TYPE"`
	// MaintenanceFeeMonth is the month a yearly fee is charged, e.g. "January".
	MaintenanceFeeMonth string `tc:"MAINTENANCE_FEE_MONTH"`
	// SpendingLimit is the daily spending limit (postpaid accounts).
	SpendingLimit Money `tc:"SPENDING_LIMIT"`
	// Status is StatusActive or StatusSuspended.
	Status Status `tc:"STATUS"`
	// FundingType is PREPAID or POSTPAID.
	FundingType FundingType `tc:"FUNDING_TYPE"`
	// Since is when the account was created.
	Since Time `tc:"SINCE"`
	// TicketPipeEmail is the address that turns e-mail into tickets.
	TicketPipeEmail string `tc:"TICKET_PIPE_EMAIL"`
}

// CloudAccountRef is the <cloud_account id=… cloud_account_number=…
// account_type=…/> of CloudAccount/Create, Edit and Delete.
type CloudAccountRef struct {
	// ID is the account's internal id.
	ID string `tc:"id,attr"`
	// CloudAccountNumber is the account number.
	CloudAccountNumber string `tc:"cloud_account_number,attr"`
	// AccountType is CORE, VAR, PARTNER or AFFILIATE.
	AccountType AccountType `tc:"account_type,attr"`
}

// CloudAccountCreateRequest is the input of CloudAccount/Create. Which
// account types you may create depends on your own level.
type CloudAccountCreateRequest struct {
	// CloudAccountType is the type of account to create: CORE, VAR,
	// PARTNER or AFFILIATE.
	CloudAccountType AccountType
	// CompanyName is the name of the company.
	CompanyName string
	// FirstName is the account holder's first name.
	FirstName string
	// LastName is the account holder's last name.
	LastName string
	// Address1 is the first line of the street address.
	Address1 string
	// Address2 is the second line, with unit type and number.
	Address2 string
	// City is the city of the address.
	City string
	// State is the state or province of the address.
	State string
	// ZipCode is the postal code of the address.
	ZipCode string
	// Country is the account holder's country, e.g. "United States".
	Country string
	// Email is the account holder's e-mail address; it is used to create
	// the initial login.
	Email string
	// ContactPhone is the company's contact telephone number.
	ContactPhone string
	// SpendingLimit is the daily spending limit (postpaid accounts only).
	SpendingLimit Money
	// FundingType is FundingPostpaid or FundingPrepaid.
	FundingType FundingType
	// MaintenanceFeeType is how often the maintenance fee is charged:
	// FeeMonthly or FeeYearly.
	MaintenanceFeeType FeeFrequency
	// DeductWholesale: Y deducts the wholesale spend of new orders and
	// replenishments from the maintenance fee (monthly fees only).
	DeductWholesale Flag
	// MaintenanceFee is the maintenance fee in full dollar form, e.g. 0.00
	// or 50.00.
	MaintenanceFee Money
	// MaintenanceFeeDay is the day of the month the fee is charged, 1–31
	// (monthly fees only).
	MaintenanceFeeDay int
	// MaintenanceFeeMonth is the month of the year the fee is charged
	// (yearly fees only), e.g. "January" as CloudAccount/Search shows it.
	MaintenanceFeeMonth string
	// PerOrderFee is a fee charged for each order active within the monthly
	// period (monthly fees only).
	PerOrderFee Money
	// RestrictCustomers: Y lets the account see only the customer accounts
	// it created.
	RestrictCustomers Flag
	// CCReload: Y lets the account reload its balance by credit card
	// (prepaid accounts only).
	CCReload Flag
}

// cloudAccountFields are the checks Create and Edit share.
func cloudAccountFields(t AccountType, funding FundingType, feeType FeeFrequency, fee, limit, perOrder Money, day int, month string, flags map[string]Flag) error {
	if err := accountTypeParam("CloudAccountType", "cloud_account_type", t); err != nil {
		return err
	}
	switch funding {
	case "", FundingPrepaid, FundingPostpaid:
	default:
		return invalidField("FundingType", "funding_type", "must be PREPAID or POSTPAID")
	}
	switch feeType {
	case "", FeeMonthly, FeeYearly:
	default:
		return invalidField("MaintenanceFeeType", "maintenance_fee_type", "must be Monthly or Yearly")
	}
	if err := priceParam("MaintenanceFee", "maintenance_fee", fee); err != nil {
		return err
	}
	if err := priceParam("SpendingLimit", "spending_limit", limit); err != nil {
		return err
	}
	if err := priceParam("PerOrderFee", "per_order_fee", perOrder); err != nil {
		return err
	}
	if day < 0 || day > 31 {
		return invalidField("MaintenanceFeeDay", "maintenance_fee_day", "must be a day of the month, 1–31")
	}
	if month != "" && !validMonth(month) {
		return invalidField("MaintenanceFeeMonth", "maintenance_fee_month", "must be a month: January … December, or 1–12")
	}
	for _, f := range [][2]string{{"DeductWholesale", "deduct_wholesale"}, {"RestrictCustomers", "restrict_customers"}, {"CCReload", "cc_reload"}} {
		if v, ok := flags[f[0]]; ok {
			if err := flagParam(f[0], f[1], v); err != nil {
				return err
			}
		}
	}
	return nil
}

// validMonth accepts an English month name (any case) or 1–12.
func validMonth(s string) bool {
	if n, err := strconv.Atoi(s); err == nil {
		return n >= 1 && n <= 12
	}
	for m := 1; m <= 12; m++ {
		if strings.EqualFold(s, monthNames[m-1]) {
			return true
		}
	}
	return false
}

var monthNames = [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

func (r *CloudAccountCreateRequest) validate() error {
	return cloudAccountFields(r.CloudAccountType, r.FundingType, r.MaintenanceFeeType, r.MaintenanceFee, r.SpendingLimit, r.PerOrderFee,
		r.MaintenanceFeeDay, r.MaintenanceFeeMonth,
		map[string]Flag{"DeductWholesale": r.DeductWholesale, "RestrictCustomers": r.RestrictCustomers, "CCReload": r.CCReload})
}

// CloudAccountCreateResponse is the answer of CloudAccount/Create.
type CloudAccountCreateResponse struct {
	Meta
	// CloudAccount identifies the new account.
	CloudAccount CloudAccountRef `tc:"cloud_account"`
}

// CloudAccountEditRequest is the input of CloudAccount/Edit. Empty fields
// are not sent.
type CloudAccountEditRequest struct {
	// CloudAccountNumber is the account to edit (usually 10 digits). Required.
	CloudAccountNumber string
	// CloudAccountType is the type of the account: CORE, VAR, PARTNER or
	// AFFILIATE.
	CloudAccountType AccountType
	// CompanyName is the name of the company.
	CompanyName string
	// FirstName is the account holder's first name.
	FirstName string
	// LastName is the account holder's last name.
	LastName string
	// Address1 is the first line of the street address.
	Address1 string
	// Address2 is the second line, with unit type and number.
	Address2 string
	// City is the city of the address.
	City string
	// State is the state or province of the address.
	State string
	// ZipCode is the postal code of the address.
	ZipCode string
	// Country is the account holder's country, e.g. "United States".
	Country string
	// Email is the account holder's e-mail address.
	Email string
	// ContactPhone is the company's contact telephone number.
	ContactPhone string
	// SpendingLimit is the daily spending limit (postpaid accounts only).
	SpendingLimit Money
	// FundingType is FundingPostpaid or FundingPrepaid.
	FundingType FundingType
	// MaintenanceFeeType is FeeMonthly or FeeYearly.
	MaintenanceFeeType FeeFrequency
	// MaintenanceFee is the maintenance fee in full dollar form.
	MaintenanceFee Money
	// MaintenanceFeeDay is the day of the month the fee is charged, 1–31
	// (monthly fees only).
	MaintenanceFeeDay int
	// MaintenanceFeeMonth is the month of the year the fee is charged
	// (yearly fees only), e.g. "January".
	MaintenanceFeeMonth string
	// PerOrderFee is a fee charged for each order active within the monthly
	// period (monthly fees only).
	PerOrderFee Money
	// RestrictCustomers: Y lets the account see only the customer accounts
	// it created.
	RestrictCustomers Flag
	// CCReload: Y lets the account reload its balance by credit card
	// (prepaid accounts only).
	CCReload Flag
	// Status is StatusActive (1) or StatusSuspended (2).
	Status Status
}

func (r *CloudAccountEditRequest) validate() error {
	if r.Status != 0 && r.Status != StatusActive && r.Status != StatusSuspended {
		return invalidField("Status", "status", "must be 1 (active) or 2 (suspended)")
	}
	return cloudAccountFields(r.CloudAccountType, r.FundingType, r.MaintenanceFeeType, r.MaintenanceFee, r.SpendingLimit, r.PerOrderFee,
		r.MaintenanceFeeDay, r.MaintenanceFeeMonth,
		map[string]Flag{"RestrictCustomers": r.RestrictCustomers, "CCReload": r.CCReload})
}

// CloudAccountEditResponse is the answer of CloudAccount/Edit.
type CloudAccountEditResponse struct {
	Meta
	// CloudAccount identifies the edited account.
	CloudAccount CloudAccountRef `tc:"cloud_account"`
}

// CloudAccountDeleteRequest is the input of CloudAccount/Delete.
type CloudAccountDeleteRequest struct {
	// CloudAccountType is the type of the account to delete: CORE, VAR,
	// PARTNER or AFFILIATE. Required.
	CloudAccountType AccountType
	// CloudAccountNumber is the account to delete (usually 10 digits). Required.
	CloudAccountNumber string
}

func (r *CloudAccountDeleteRequest) validate() error {
	return cloudAccountParams("CloudAccountType", "cloud_account_type", r.CloudAccountType, "CloudAccountNumber", r.CloudAccountNumber)
}

// CloudAccountDeleteResponse is the answer of CloudAccount/Delete.
type CloudAccountDeleteResponse struct {
	Meta
	// CloudAccount identifies the deleted account.
	CloudAccount CloudAccountRef `tc:"cloud_account"`
}

// Search lists the cloud accounts under yours, or loads one
// (CloudAccount/Search). Orders, transactions and discounts are returned
// only for a specific CloudAccountNumber (validate refuses the flags
// without one).
func (s *CloudAccountsService) Search(ctx context.Context, req CloudAccountSearchRequest, opts ...CallOption) (*CloudAccountSearchResponse, error) {
	return call[CloudAccountSearchResponse](ctx, s.c, "CloudAccount/Search", &req, opts)
}

// Create opens a VAR, PARTNER or AFFILIATE account under yours
// (CloudAccount/Create), depending on your own level.
func (s *CloudAccountsService) Create(ctx context.Context, req CloudAccountCreateRequest, opts ...CallOption) (*CloudAccountCreateResponse, error) {
	return call[CloudAccountCreateResponse](ctx, s.c, "CloudAccount/Create", &req, opts)
}

// Edit changes a cloud account under yours (CloudAccount/Edit).
func (s *CloudAccountsService) Edit(ctx context.Context, req CloudAccountEditRequest, opts ...CallOption) (*CloudAccountEditResponse, error) {
	return call[CloudAccountEditResponse](ctx, s.c, "CloudAccount/Edit", &req, opts)
}

// Delete deletes a cloud account under yours (CloudAccount/Delete). It
// cannot be undone.
func (s *CloudAccountsService) Delete(ctx context.Context, req CloudAccountDeleteRequest, opts ...CallOption) (*CloudAccountDeleteResponse, error) {
	return call[CloudAccountDeleteResponse](ctx, s.c, "CloudAccount/Delete", &req, opts)
}
