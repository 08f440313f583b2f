package telecloud

// Wire tables of Order, PaymentMethod, Plan, ProductGroup, Promo, Reports,
// Ticket, Transaction, UsageComponent and User.
//
// seen() is used only where the reference's own text names the parameter for
// that method (in the parameter's description, a sibling parameter's
// description or the method's description). Every other name is inf(): the
// comment beside it says what it was derived from when that is not simply
// "the response element or attribute of the same name".

import "net/http"

var orderWire = service{Name: "Order", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		inf("AccountNumber", "account_number"),
		inf("OrderNumber", "order_number"),     // the description lost the name ("Provide to search for a specific order"); <order order_number>
		inf("HideCancelled", "hide_cancelled"), // "Provide a 'Y' to hide cancelled orders"
		inf("Status", "status"),
		inf("ProductID", "product_id"),    // "a specific CORE productid"; <product product_id>
		inf("RatePlanID", "rate_plan_id"), // "a specific VAR productid": a VAR's product is its rate plan; <plan rate_plan_id>
		inf("Vars", "var%d"),
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		inf("AccountNumber", "account_number").req(),
		inf("RatePlanID", "rate_plan_id").req(), // "The VAR rate plan ID"; <plan rate_plan_id>
		seen("PaymentMethodID", "payment_method_id"),
		inf("PrimaryOrderNumber", "order_number"), // nameless "Required when placing an order for a add-on product only": the order the add-on joins
		inf("ReferralCode", "referral_code"),      // "The referral code of the refferring customer"
		inf("PromoCode", "promo_code"),            // "a promotional code"; Promo/Search <promo_code>
		seen("AttachedComponents", "attached_components"),
		inf("Vars", "var%d"),
	}},
	{Method: "Status", Verb: http.MethodPost, Params: []param{
		inf("AccountNumber", "account_number").req(),
		inf("OrderNumber", "order_number").req(),
	}},
	{Method: "Move", Verb: http.MethodPost, Params: []param{
		inf("OrderNumber", "order_number").req(),
		inf("AccountNumber", "account_number").req(),
		inf("NewAccountNumber", "new_account_number").req(), // Order/Move <new_account_number>
	}},
	{Method: "Cancel", Verb: http.MethodPost, Params: []param{
		inf("AccountNumber", "account_number").req(),
		inf("OrderNumber", "order_number").req(),
	}},
	{Method: "Swap", Verb: http.MethodPost, Params: []param{
		inf("AccountNumber", "account_number").req(),
		inf("OrderNumber", "order_number").req(),
		inf("Vars", "var%d"),
	}},
	{Method: "Replenish", Verb: http.MethodPost, Params: []param{
		inf("AccountNumber", "account_number").req(),
		inf("OrderNumber", "order_number").req(),
		inf("RatePlanID", "rate_plan_id"), // "The VAR rate plan ID."
		seen("PaymentMethodID", "paymentmethod_id"),
	}},
	{Method: "Update", Verb: http.MethodPatch, Params: []param{
		inf("AccountNumber", "account_number").req(),
		inf("OrderNumber", "order_number").req(),
		inf("Status", "status"),
		inf("ExpirationDate", "expiration_date"), // "The new cycle end date"; <expiration_date> of Order/Replenish and Order/Search
		inf("ErrorMessage", "error"),             // "the error returned can be stored here": the envelope's <error>
		inf("Vars", "var%d"),
	}},
	{Method: "Unstack", Verb: http.MethodPost, Params: []param{
		inf("AccountNumber", "account_number").req(),
		inf("OrderNumber", "order_number").req(),
		inf("StackedPlanID", "stacked_plan_id").req(), // "The ID of the stacked plan"; no sample
	}},
	{Method: "ReportUsage", Verb: http.MethodPost, Params: []param{
		inf("AccountNumber", "account_number").req(),
		inf("ComponentID", "component_id").req(), // "The component associated with the usage"; <component component_id>
		inf("OrderNumber", "order_number").req(),
		seen("Units", "units").req(), // the next description quotes 'units'
		inf("Mode", "type"),          // "Choices are 'additive' … and 'cumulative'": named like the other choice parameters (type)
	}},
}}

var paymentMethodWire = service{Name: "PaymentMethod", Routes: []route{
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		seen("AccountNumber", "account_number"),          // the method's description: "provide the 'account_number' parameter"
		inf("Type", "type").req(),                        // "When type is CC …"; PaymentMethod/Search <paymentmethod type>
		inf("Number", "payment_account_number").secret(), // "The credit card or bank account number"; PaymentMethod/Search <payment_account_number>
		inf("RoutingNumber", "routing_number").secret(),  // "the bank routing number"
		inf("BankAccountType", "bank_account_type"),      // "Personal Checking … Business Savings"
		inf("ExpirationMonth", "expiration_month"),
		inf("ExpirationYear", "expiration_year"),
		inf("CVV", "cvv").secret(),                       // "card security code or CVV"
		inf("PlaidAccountID", "account_id").secret(),     // "The account_id as provided by Plaid": Plaid's own field name
		inf("PlaidAccessToken", "access_token").secret(), // "The access_tokeb as provided by Plaid"
		inf("PlaidItemID", "item_id").secret(),           // "The item_id as provided by Plaid"
	}},
	{Method: "Edit", Verb: http.MethodPatch, Params: []param{
		inf("PaymentMethodID", "payment_method_id").req(), // "The ID of the payment method"; named so in Order/Create and PaymentMethod/Search
		seen("AccountNumber", "account_number"),
		inf("Type", "type"), // "Either CC … or BA"; <paymentmethod type>
	}},
	{Method: "Delete", Verb: http.MethodDelete, Params: []param{
		inf("PaymentMethodID", "payment_method_id").req(), // as Edit
		inf("AccountNumber", "account_number").req(),
		inf("Type", "type"),
	}},
	{Method: "Verify", Verb: http.MethodPost, Params: []param{
		inf("PaymentMethodID", "payment_method_id").req(), // as Edit
		inf("Type", "type"),
		inf("Amount1", "amount_1").req(), // "The amount of the first micro debit"; numbered like month_1
		inf("Amount2", "amount_2").req(), // "The amount of the second micro debit"
	}},
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		seen("AccountNumber", "account_number"),
		seen("PaymentMethodID", "payment_method_id"),
	}},
}}

var planWire = service{Name: "Plan", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		inf("CloudAccountType", "cloud_account_type"),     // named so in Reports/Search
		inf("CloudAccountNumber", "cloud_account_number"), // named so in CloudAccount/Search
		inf("ProductGroupID", "product_group_id"),         // <Plans product_group_id>
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		seen("ProductID", "product_id"),
		inf("Name", "name"),
		inf("Description", "description"),
		inf("RecurringPrice", "recurring_price"),
		inf("SetupPrice", "setup_price"),
		inf("AutopayDiscount", "autopay_discount"), // "The discount … for customers utilizing auto-pay"
		inf("Status", "status"),
		inf("ProductGroupID", "product_group_id"),
		inf("CycleLength", "cycle_length"),
		inf("ProductType", "product_type"),
		inf("PromptForVariables", "prompt_for_variables"),
		inf("ReplenishWithPlan", "replenish_with_plan"),
		inf("CarrierProductID", "carrier_product_id"), // "The plan name; ID; or code to provision with the carrier"; <product carrier_product_id>
		inf("ComponentIDs", "component_ids"),          // "a comma seperated list of component_id's"
	}},
	{Method: "Edit", Verb: http.MethodPatch, Params: []param{
		seen("ProductID", "product_id"),
		seen("RatePlanID", "rate_plan_id"),
		inf("Name", "name"),
		inf("Description", "description"),
		inf("RecurringPrice", "recurring_price"),
		inf("SetupPrice", "setup_price"),
		inf("AutopayDiscount", "autopay_discount"),       // as Create
		inf("AttachedComponents", "attached_components"), // "JSON list of component id's and their associated limits (see example above)": Order/Create's attached_components
		inf("Status", "status"),
		inf("CycleLength", "cycle_length"),
		inf("PromptForVariables", "prompt_for_variables"),
		inf("ReplenishWithPlan", "replenish_with_plan"),
		inf("CarrierProductID", "carrier_product_id"), // as Create
		inf("ComponentIDs", "component_ids"),          // as Create
	}},
	{Method: "Delete", Verb: http.MethodDelete, Params: []param{
		seen("ProductID", "product_id"),
		seen("RatePlanID", "rate_plan_id"),
	}},
}}

var productGroupWire = service{Name: "ProductGroup", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		seen("ProductGroupID", "product_group_id"), // "Provide a prouct_group_id" (sic)
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		inf("Name", "name"),
		inf("Description", "description"),
		inf("ModuleOrder", "moduleid_order"),         // <group moduleid_order>
		inf("ModuleReplenish", "moduleid_replenish"), // <group moduleid_replenish>
		inf("ModuleStatus", "moduleid_status"),       // <group moduleid_status>; UsageComponent/Create quotes 'moduleid_status'
		inf("ModuleSwap", "moduleid_swap"),           // <group moduleid_swap>
		inf("ModuleCancel", "moduleid_cancel"),       // <group moduleid_cancel>
		inf("Vars", "var%d"),                         // "The value of variable N in the proper variable format": one pipe-separated definition per slot (DefineVariables), named like the order values var1 … var20
	}},
	{Method: "Edit", Verb: http.MethodPatch, Params: []param{
		inf("ProductGroupID", "product_group_id").req(), // "The ID of the product group you wish to edit"
		inf("Name", "name"),
		inf("Description", "description"),
		inf("ModuleOrder", "moduleid_order"),
		inf("ModuleReplenish", "moduleid_replenish"),
		inf("ModuleStatus", "moduleid_status"),
		inf("ModuleSwap", "moduleid_swap"),
		inf("ModuleCancel", "moduleid_cancel"),
		inf("Vars", "var%d"),    // as Create
		inf("Status", "status"), // <group status>
	}},
}}

var promoWire = service{Name: "Promo", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		inf("PromoCode", "promo_code"),
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		inf("PromoCode", "promo_code").req(),
		inf("Value", "value").req(),
		inf("ExpirationDate", "expiration_date"),
		seen("RatePlanID", "rate_plan_id"),
	}},
	{Method: "Delete", Verb: http.MethodDelete, Params: []param{
		inf("PromoCode", "promo_code").req(), // "The promotion code you wish to delete"
	}},
}}

var reportsWire = service{Name: "Reports", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		inf("AccountNumber", "account_number"),
		seen("CloudAccountType", "cloud_account_type"),    // the next description: "Provide only if cloud_account_type is set"
		inf("CloudAccountNumber", "cloud_account_number"), // named so in CloudAccount/Search
		inf("Dashboard", "dashboard"),                     // "Provide a 'Y' to enable dahsboard mode"
	}},
}}

var ticketWire = service{Name: "Ticket", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		seen("TicketID", "ticket_id"),
		inf("AccountNumber", "account_number"),
		inf("OrderNumber", "order_number"),
		inf("CloudAccountType", "cloud_account_type"),     // named so in Reports/Search
		inf("CloudAccountNumber", "cloud_account_number"), // named so in CloudAccount/Search
		inf("Direction", "direction"),                     // named so in Ticket/Create
		inf("Status", "status"),
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		inf("Subject", "subject").req(), // named so in Announcements/Create
		inf("Department", "department"),
		inf("Message", "message").req(),
		seen("Direction", "direction"),
		seen("GuestEmail", "guest_email"),
		seen("AccountNumber", "account_number"),
		inf("OrderNumber", "order_number"),
		inf("CloudAccountType", "cloud_account_type"),     // named so in Reports/Search
		inf("CloudAccountNumber", "cloud_account_number"), // named so in CloudAccount/Search
		inf("Attachments", "attachments"),                 // "A comma seperated list of images"; Ticket/Search <attachments>
	}},
	{Method: "Reply", Verb: http.MethodPost, Params: []param{
		seen("TicketID", "ticket_id").req(),
		inf("Message", "message").req(),
		inf("GuestEmail", "guest_email"), // named so in Ticket/Create
		seen("AccountNumber", "account_number"),
		inf("Attachments", "attachments"), // as Create
		inf("Working", "working"),         // "To place the ticket in a WORKING status provide a 'Y'"
	}},
	{Method: "Edit", Verb: http.MethodPatch, Params: []param{
		seen("TicketID", "ticket_id").req(),
		inf("Status", "status").req(),
	}},
}}

var transactionWire = service{Name: "Transaction", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		seen("TransID", "trans_id"),
		inf("AccountNumber", "account_number"),
		seen("OrderNumber", "order_number"),
		inf("Service", "service"),
		inf("Status", "status"),
	}},
}}

var usageComponentWire = service{Name: "UsageComponent", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		seen("ComponentID", "component_id"),
		inf("ProductID", "product_id"),            // "linked to a specific product ID"
		inf("ProductGroupID", "product_group_id"), // "linked to a specific product group"; <component product_group_id>
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		inf("ProductGroupID", "product_group_id").req(),
		inf("Name", "name").req(),
		inf("Description", "description"),
		inf("StartingQuantity", "starting_quantity"),
		inf("UnitPrice", "unit_price"),
		inf("ResetWithCycle", "reset_with_cycle"),
		inf("VarSetsMaximum", "var_sets_maximum"),
	}},
	{Method: "Edit", Verb: http.MethodPatch, Params: []param{
		inf("ComponentID", "component_id").req(), // "The id of the component you wish to edit"
		inf("Name", "name"),
		inf("Description", "description"),
		inf("StartingQuantity", "starting_quantity"),
		inf("UnitPrice", "unit_price"),
		inf("ResetWithCycle", "reset_with_cycle"),
		inf("VarSetsMaximum", "var_sets_maximum"),
		inf("Status", "status"),
	}},
	{Method: "Delete", Verb: http.MethodDelete, Params: []param{
		seen("ComponentID", "component_id").req(),
	}},
}}

var userWire = service{Name: "User", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		seen("UserID", "user_id"),
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		inf("Email", "email").req(),
		inf("FirstName", "first_name"),
		inf("LastName", "last_name"),
		inf("AccessLevel", "access_level"),
	}},
	{Method: "Edit", Verb: http.MethodPatch, Params: []param{
		seen("UserID", "user_id").req(),
		inf("FirstName", "first_name"),
		inf("LastName", "last_name"),
		inf("Email", "email"),
		inf("AccessLevel", "access_level"),
		inf("Status", "status"),
		inf("ProfileImage", "profile_img"), // "a new url to a profile image"; <user profile_img>
	}},
}}
