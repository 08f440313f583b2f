package telecloud

// The wire table of CloudAccount (CloudAccountsService): see documented and
// inferred in wire.go for what each marks.
//
// A cloud account's type and number are cloud_account_type and
// cloud_account_number everywhere (Billing/Search echoes both as elements,
// CloudAccount/Search's description names cloud_account_number and
// Reports/Search's names cloud_account_type).

import "net/http"

var cloudAccountWire = service{Name: "CloudAccount", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		// The description says both "omit account_number and type" and "when
		// a specific cloud_account_number is specified"; the second is the
		// name every other cloud account parameter has.
		documented("CloudAccountNumber", "cloud_account_number"),
		inferred("CloudAccountType", "cloud_account_type"), // "The type of TeleCloud.app account"; named so in Reports/Search
		inferred("Orders", "orders"),                       // "Provide a Y to return the last 50 service orders"
		inferred("Transactions", "transactions"),           // "… the last 100 billing transactions"
		inferred("Discounts", "discounts"),                 // "… the product discounts set for this account"
		inferred("Dashboard", "dashboard"),                 // "Dashboard mode"; Reports/Search has the same parameter
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		inferred("CloudAccountType", "cloud_account_type"), // "The type of account you wish to create"; <cloud_account account_type>
		inferred("CompanyName", "company_name"),
		inferred("FirstName", "first_name"),
		inferred("LastName", "last_name"),
		inferred("Address1", "address1"),
		inferred("Address2", "address2"), // "The second line of the street address": the pair of <ADDRESS1>
		inferred("City", "city"),
		inferred("State", "state"),
		inferred("ZipCode", "zip_code"),
		inferred("Country", "country"),
		inferred("Email", "email"), // "The email address of the account holder; will be used to create the initial login" (the Search answer has only <NOTIFICATION_EMAIL>)
		inferred("ContactPhone", "contact_phone"),
		inferred("SpendingLimit", "spending_limit"),
		inferred("FundingType", "funding_type"),
		inferred("MaintenanceFeeType", "maintenance_fee_type"),
		inferred("DeductWholesale", "deduct_wholesale"), // "Set to Y to deduct the wholesale spend … from the mainteance fee"
		inferred("MaintenanceFee", "maintenance_fee"),
		inferred("MaintenanceFeeDay", "maintenance_fee_day"),
		inferred("MaintenanceFeeMonth", "maintenance_fee_month"),
		inferred("PerOrderFee", "per_order_fee"),            // "A fee charged for each order active within the monthly period"
		inferred("RestrictCustomers", "restrict_customers"), // "If set to Y this account will only be able to view customers accounts they created"
		inferred("CCReload", "cc_reload"),                   // "Provide a 'Y' if this account can reload via credit card"
	}},
	{Method: "Edit", Verb: http.MethodPatch, Params: []param{
		inferred("CloudAccountNumber", "cloud_account_number").req(), // "The 10 digit account number of the cloud account your editing"
		inferred("CloudAccountType", "cloud_account_type"),
		inferred("CompanyName", "company_name"),
		inferred("FirstName", "first_name"),
		inferred("LastName", "last_name"),
		inferred("Address1", "address1"),
		inferred("Address2", "address2"), // as Create
		inferred("City", "city"),
		inferred("State", "state"),
		inferred("ZipCode", "zip_code"),
		inferred("Country", "country"),
		inferred("Email", "email"), // as Create
		inferred("ContactPhone", "contact_phone"),
		inferred("SpendingLimit", "spending_limit"),
		inferred("FundingType", "funding_type"),
		inferred("MaintenanceFeeType", "maintenance_fee_type"),
		inferred("MaintenanceFee", "maintenance_fee"),
		inferred("MaintenanceFeeDay", "maintenance_fee_day"),
		inferred("MaintenanceFeeMonth", "maintenance_fee_month"),
		inferred("PerOrderFee", "per_order_fee"),            // as Create
		inferred("RestrictCustomers", "restrict_customers"), // as Create
		inferred("CCReload", "cc_reload"),                   // as Create
		inferred("Status", "status"),
	}},
	{Method: "Delete", Verb: http.MethodDelete, Params: []param{
		inferred("CloudAccountType", "cloud_account_type").req(),     // "The type of account you wish to delete"
		inferred("CloudAccountNumber", "cloud_account_number").req(), // "The 10 digit account number of the cloud account your deleting"
	}},
}}
