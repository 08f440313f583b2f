package telecloud

// Wire tables of Alerts, Announcements, Billing, CloudAccount, Customer,
// Discount, Gateways, Module and Notifications.
//
// seen() is used only where the reference's own text names the parameter for
// that method (in the parameter's description, a sibling parameter's
// description or the method's description), or where the notes quote it.
// Every other name is inf(): the comment beside it says what it was derived
// from when that is not simply "the response element or attribute of the
// same name". A cloud account's type and number are cloud_account_type and
// cloud_account_number everywhere (Billing/Search echoes both as elements,
// CloudAccount/Search's description names cloud_account_number and
// Reports/Search's names cloud_account_type).

import "net/http"

var alertsWire = service{Name: "Alerts", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		seen("Type", "type"),     // [notes; newer page] GET /API/{format}/Alerts/Search
		seen("Status", "status"), // [notes; newer page]
	}},
	{Method: "Edit", Verb: http.MethodPatch, Params: []param{
		// [newer page] PATCH /API/{format}/Alerts/, parameters: status,
		// required, and nothing else: no parameter says which alerts. The
		// alert_id this table used to send (inferred from Alerts/Search's
		// <alert alert_id>) is not sent; WithParam("alert_id", …) adds it.
		seen("Status", "status").req(),
	}},
}}

var announcementsWire = service{Name: "Announcements", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		seen("AnnouncementID", "announcement_id"),
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		// [newer page] POST /API/{format}/Announcements/, form-encoded; its
		// parameter list marks which are required.
		seen("Subject", "subject").req(),
		seen("Description", "description").req(),
		seen("ShowVAR", "show_var"),                           // optional
		seen("ShowPartner", "show_partner"),                   // optional
		seen("ShowAffiliate", "show_affiliate"),               // optional
		seen("EmailNotification", "email_notification").req(), // required: "Either a Y or N"
	}},
	{Method: "Delete", Verb: http.MethodDelete, Params: []param{
		seen("AnnouncementID", "announcement_id").req(),
	}},
}}

var billingWire = service{Name: "Billing", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		inf("BillingTransID", "trans_id"),                 // "a specific billing transaction ID"; <transaction trans_id>
		inf("AccountNumber", "account_number"),            // "a customer account number"
		inf("OrderNumber", "order_number"),                // "an order number"
		inf("CloudAccountType", "cloud_account_type"),     // echoed as <cloud_account_type>
		inf("CloudAccountNumber", "cloud_account_number"), // echoed as <cloud_account_number>
		inf("StartDate", "start_date"),                    // "The start date in the YYYY-MM-DD format"
		inf("EndDate", "end_date"),                        // "The ending date in the YYYY-MM-DD format"
		inf("Billed", "billed"),                           // "Provide an 'N' to show unbilled transactions"; <transaction><billed>
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		inf("CloudAccountType", "cloud_account_type").req(),     // <billing cloud_account_type>
		inf("CloudAccountNumber", "cloud_account_number").req(), // <billing cloud_account_number>
		inf("Type", "type").req(),                               // "Either 'DEBIT' or 'CREDIT'"; <billing><type>
		inf("Amount", "amount").req(),
		inf("Notes", "notes"), // "a more detailed description of the transaction"; <billing><notes>Test credit</notes>
	}},
	{Method: "Reverse", Verb: http.MethodPost, Params: []param{
		inf("CloudAccountType", "cloud_account_type"),
		inf("CloudAccountNumber", "cloud_account_number"),
		inf("BillingTransID", "billing_trans_id").req(), // "The billing history transaction ID you wish to reverse"; echoed as <billing billing_trans_id>
	}},
	{Method: "AddFunds", Verb: http.MethodPost, Params: []param{
		inf("PaymentMethodID", "payment_method_id"), // "The payment method you wish to use"; named so in Order/Create and PaymentMethod/Search
		inf("Type", "type"),                         // "Either 'CC' … or 'BA'": PaymentMethod/Create's "When type is CC"
		inf("Amount", "amount").req(),               // "The amount you wish to reload"; <billing><amount>
		inf("CVV", "cvv").secret(),                  // "The cvv or card security code"
	}},
}}

var cloudAccountWire = service{Name: "CloudAccount", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		// The description says both "omit account_number and type" and "when
		// a specific cloud_account_number is specified"; the second is the
		// name every other cloud account parameter has.
		seen("CloudAccountNumber", "cloud_account_number"),
		inf("CloudAccountType", "cloud_account_type"), // "The type of TeleCloud.app account"; named so in Reports/Search
		inf("Orders", "orders"),                       // "Provide a Y to return the last 50 service orders"
		inf("Transactions", "transactions"),           // "… the last 100 billing transactions"
		inf("Discounts", "discounts"),                 // "… the product discounts set for this account"
		inf("Dashboard", "dashboard"),                 // "Dashboard mode"; Reports/Search has the same parameter
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		inf("CloudAccountType", "cloud_account_type"), // "The type of account you wish to create"; <cloud_account account_type>
		inf("CompanyName", "company_name"),
		inf("FirstName", "first_name"),
		inf("LastName", "last_name"),
		inf("Address1", "address1"),
		inf("Address2", "address2"), // "The second line of the street address": the pair of <ADDRESS1>
		inf("City", "city"),
		inf("State", "state"),
		inf("ZipCode", "zip_code"),
		inf("Country", "country"),
		inf("Email", "email"), // "The email address of the account holder; will be used to create the initial login" (the Search answer has only <NOTIFICATION_EMAIL>)
		inf("ContactPhone", "contact_phone"),
		inf("SpendingLimit", "spending_limit"),
		inf("FundingType", "funding_type"),
		inf("MaintenanceFeeType", "maintenance_fee_type"),
		inf("DeductWholesale", "deduct_wholesale"), // "Set to Y to deduct the wholesale spend … from the mainteance fee"
		inf("MaintenanceFee", "maintenance_fee"),
		inf("MaintenanceFeeDay", "maintenance_fee_day"),
		inf("MaintenanceFeeMonth", "maintenance_fee_month"),
		inf("PerOrderFee", "per_order_fee"),            // "A fee charged for each order active within the monthly period"
		inf("RestrictCustomers", "restrict_customers"), // "If set to Y this account will only be able to view customers accounts they created"
		inf("CCReload", "cc_reload"),                   // "Provide a 'Y' if this account can reload via credit card"
	}},
	{Method: "Edit", Verb: http.MethodPatch, Params: []param{
		inf("CloudAccountNumber", "cloud_account_number").req(), // "The 10 digit account number of the cloud account your editing"
		inf("CloudAccountType", "cloud_account_type"),
		inf("CompanyName", "company_name"),
		inf("FirstName", "first_name"),
		inf("LastName", "last_name"),
		inf("Address1", "address1"),
		inf("Address2", "address2"), // as Create
		inf("City", "city"),
		inf("State", "state"),
		inf("ZipCode", "zip_code"),
		inf("Country", "country"),
		inf("Email", "email"), // as Create
		inf("ContactPhone", "contact_phone"),
		inf("SpendingLimit", "spending_limit"),
		inf("FundingType", "funding_type"),
		inf("MaintenanceFeeType", "maintenance_fee_type"),
		inf("MaintenanceFee", "maintenance_fee"),
		inf("MaintenanceFeeDay", "maintenance_fee_day"),
		inf("MaintenanceFeeMonth", "maintenance_fee_month"),
		inf("PerOrderFee", "per_order_fee"),            // as Create
		inf("RestrictCustomers", "restrict_customers"), // as Create
		inf("CCReload", "cc_reload"),                   // as Create
		inf("Status", "status"),
	}},
	{Method: "Delete", Verb: http.MethodDelete, Params: []param{
		inf("CloudAccountType", "cloud_account_type").req(),     // "The type of account you wish to delete"
		inf("CloudAccountNumber", "cloud_account_number").req(), // "The 10 digit account number of the cloud account your deleting"
	}},
}}

var customerWire = service{Name: "Customer", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		seen("AccountNumber", "account_number"), // the method's description: "When account_number is provided …"
		inf("Company", "company"),
		inf("FirstName", "first_name"),
		inf("LastName", "last_name"),
		inf("Address", "address"),
		inf("UnitType", "unit_type"),
		inf("UnitNumber", "unit_number"), // named so in Customer/Create
		inf("ZipCode", "zip_code"),
		inf("Email", "email"),
		inf("Phone", "phone"),
		inf("Password", "password").secret(),
		inf("DL", "dl").secret(),
		inf("SSN", "ssn").secret(),
		inf("CustomField", "custom_field_1"), // "The value (if any) of the custom field": the first of <CUSTOM_FIELD_1>, <CUSTOM_FIELD_2>
		seen("OrderNumber", "order_number"),  // the next description: "if order_number is provided"
		inf("OrderStatus", "status"),         // "[Orders] The service staus"; Order/Search <status>
		inf("ProductID", "product_id"),       // "[Orders] The product ID"; Order/Search <product product_id>
		inf("RatePlanID", "rate_plan_id"),    // "[Orders] The VAR product ID"; Order/Search <plan rate_plan_id>
		inf("Vars", "var%d"),                 // "[Orders] VARn as listed on an order"
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		// The reference kept only seven nameless descriptions for Create
		// and Edit; the fields are those of the Customer/Search answer.
		inf("Company", "company"),
		inf("FirstName", "first_name"),
		inf("LastName", "last_name"),
		inf("Address", "address"),
		inf("UnitType", "unit_type"),      // "Required if providing a unit_number. Examples include APT or SUITE."
		seen("UnitNumber", "unit_number"), // named by the unit type's description
		inf("City", "city"),
		inf("State", "state"),
		inf("ZipCode", "zip_code"),
		inf("Country", "country"), // "Leave blank to default to United States"
		inf("Email", "email"),
		inf("Phone", "phone"),
		inf("Password", "password").secret(), // "Eight numeric digits" most likely (the Search sample's password is 88888811)
		inf("DL", "dl").secret(),
		inf("SSN", "ssn").secret(),
		inf("CustomField1", "custom_field_1"), // "Optional custom value for your records."
		inf("CustomField2", "custom_field_2"), // "Optional custom value for your records."
	}},
	{Method: "Edit", Verb: http.MethodPatch, Params: []param{
		inf("AccountNumber", "account_number").req(), // "The account number you wish to edit"
		inf("Company", "company"),
		inf("FirstName", "first_name"),
		inf("LastName", "last_name"),
		inf("Address", "address"),
		inf("UnitType", "unit_type"),
		seen("UnitNumber", "unit_number"), // named by the unit type's description
		inf("City", "city"),
		inf("State", "state"),
		inf("ZipCode", "zip_code"),
		inf("Country", "country"),
		inf("Email", "email"),
		inf("Phone", "phone"),
		inf("Password", "password").secret(),
		inf("DL", "dl").secret(),
		inf("SSN", "ssn").secret(),
		inf("CustomField1", "custom_field_1"),
		inf("CustomField2", "custom_field_2"),
	}},
	{Method: "Delete", Verb: http.MethodDelete, Params: []param{
		inf("AccountNumber", "account_number").req(), // "The account number you wish to delete"
	}},
	{Method: "Qualify", Verb: http.MethodGet, Params: []param{
		inf("AccountNumber", "account_number").req(), // "The customer account number"
		inf("OrderNumber", "order_number"),           // "Required when qualify_type is REPLENISH …": an order; Order/Search <order order_number>
		seen("QualifyType", "qualify_type"),          // named by the order number's description
		seen("ProductType", "product_type"),          // named by the order number's description
		inf("Vars", "var%d"),                         // "Provide the value of VARn to post it to any real-time option URL's"
	}},
	{Method: "Estimate", Verb: http.MethodGet, Params: []param{
		inf("Type", "type"),                          // "Options are 'NEW' … or 'REPLENISH'": a choice, named like the others (type)
		inf("AccountNumber", "account_number").req(), // "The customers account number"; <customer account_number>
		seen("RatePlanID", "rate_plan_id").req(),     // "The VAR rate_plan_id"
		seen("PromoCode", "promo_code"),              // "provide the promo_code value"
	}},
	{Method: "Notation", Verb: http.MethodPost, Params: []param{
		// The reference describes no parameter; the names are those of the answer.
		inf("AccountNumber", "account_number").req(), // <customer account_number>
		inf("Subject", "subject"),                    // <notation><subject>
		inf("Content", "content"),                    // <notation><content>
	}},
	{Method: "Credit", Verb: http.MethodPost, Params: []param{
		inf("AccountNumber", "account_number").req(), // "The customers account number"; <customer account_number>
		inf("Type", "type").req(),                    // "'DEBIT' and 'CREDIT' are valid options"; <credit><type>
		inf("Amount", "amount").req(),                // <credit><amount>
	}},
}}

var discountWire = service{Name: "Discount", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		inf("CloudAccountType", "cloud_account_type"),     // "The type of account"
		inf("CloudAccountNumber", "cloud_account_number"), // "The 10 digit account number of the cloud account"
		seen("ProductGroupID", "product_group_id"),
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		inf("CloudAccountType", "cloud_account_type").req(),
		inf("CloudAccountNumber", "cloud_account_number").req(),
		seen("ProductID", "product_id").req(), // "The core product_id or the VAR rate plan ID"
		inf("DiscountSetupPrice", "discount_setup_price"),
		inf("DiscountPrice", "discount_price"), // "The discount recurring price"; <discount><discount_price>
	}},
	{Method: "Copy", Verb: http.MethodPost, Params: []param{
		inf("CloudAccountType", "cloud_account_type").req(),
		inf("CloudAccountNumber", "cloud_account_number").req(),
		inf("FromCloudAccountType", "from_cloud_account_type").req(),     // "The type of account you wish to copy discounts from"
		inf("FromCloudAccountNumber", "from_cloud_account_number").req(), // "… the cloud account your copying the discounts from"
		inf("Replace", "replace"),                                        // "Provide a "Y" to delete all existing discounts and replace them"
	}},
	{Method: "Delete", Verb: http.MethodDelete, Params: []param{
		inf("CloudAccountType", "cloud_account_type").req(),
		inf("CloudAccountNumber", "cloud_account_number").req(),
	}},
}}

var gatewaysWire = service{Name: "Gateways", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		seen("GatewayID", "gateway_id"),
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		inf("Name", "name").req(),                     // "The name of the payment gateway you wish to setup"; <gateway><name>STRIPE</name>
		inf("Credentials1", "credentials_1").secret(), // "The credentials for the payment gatway"; <gateway><credentials_1>
		inf("Credentials2", "credentials_2").secret(), // numbered after credentials_1
		inf("Credentials3", "credentials_3").secret(),
		inf("Credentials4", "credentials_4").secret(),
	}},
	{Method: "Delete", Verb: http.MethodDelete, Params: []param{
		seen("GatewayID", "gateway_id").req(),
	}},
	{Method: "Edit", Verb: http.MethodPatch, Params: []param{
		seen("GatewayID", "gateway_id").req(),
		inf("DefaultCCGateway", "default_cc_gateway"),   // "the default for credit card billing"; <gateway default_cc_gateway>
		inf("DefaultACHGateway", "default_ach_gateway"), // "the default for ACH billing"; <gateway default_ach_gateway>
		inf("Credentials1", "credentials_1").secret(),   // as Create
		inf("Credentials2", "credentials_2").secret(),
		inf("Credentials3", "credentials_3").secret(),
		inf("Credentials4", "credentials_4").secret(),
	}},
}}

var moduleWire = service{Name: "Module", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		seen("ModuleID", "module_id"),
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		inf("Type", "type").req(), // "Either 'external' or 'prebuilt'"; <module type="prebuilt">
		inf("Name", "name"),
		inf("Description", "description"),
		inf("URL", "url"),
		seen("Provider", "provider"),                  // the next descriptions: "depending on the 'provider'"
		inf("Credentials1", "credentials_1").secret(), // "specific authentication credentials": numbered like Gateways' <credentials_1>
		inf("Credentials2", "credentials_2").secret(),
		inf("Credentials3", "credentials_3").secret(),
		inf("Credentials4", "credentials_4").secret(),
		inf("Status", "status"),
	}},
	{Method: "Edit", Verb: http.MethodPatch, Params: []param{
		seen("ModuleID", "module_id").req(),
		inf("Name", "name"),
		inf("Description", "description"),
		inf("URL", "url"),
		inf("Status", "status"),
	}},
	{Method: "Delete", Verb: http.MethodDelete, Params: []param{
		seen("ModuleID", "module_id").req(),
	}},
}}

var notificationsWire = service{Name: "Notifications", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		inf("Event", "event"),                    // "The type of notification"; <notification><event>
		inf("NotificationID", "notification_id"), // "The ID of a specific notification"; <notification notification_id>
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		inf("Event", "event").req(),               // "The type of event you wish to setup notifications for"
		seen("NotifyCustomer", "notify_customer"), // named by the customer html's description
		inf("HTML", "html"),
		inf("HTMLCustomer", "html_customer"),
		inf("FromEmail", "from_email"),
	}},
	{Method: "Edit", Verb: http.MethodPatch, Params: []param{
		inf("NotificationID", "notification_id").req(), // "The ID of the notification you wish to edit"
		inf("Event", "event"),
		seen("NotifyCustomer", "notify_customer"), // named by the customer html's description
		inf("HTML", "html"),
		inf("HTMLCustomer", "html_customer"),
		inf("FromEmail", "from_email"),
	}},
	{Method: "Delete", Verb: http.MethodDelete, Params: []param{
		seen("NotificationID", "notification_id").req(),
	}},
	{Method: "SearchTemplate", Verb: http.MethodGet, Params: []param{
		inf("Event", "event"), // "The name of the event"; <notification_template><event>
	}},
}}
