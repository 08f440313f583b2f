package telecloud

// The wire table of Customer (CustomersService): see documented and
// inferred in wire.go for what each marks.

import "net/http"

var customerWire = service{Name: "Customer", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		documented("AccountNumber", "account_number"), // the method's description: "When account_number is provided …"
		inferred("Company", "company"),
		inferred("FirstName", "first_name"),
		inferred("LastName", "last_name"),
		inferred("Address", "address"),
		inferred("UnitType", "unit_type"),
		inferred("UnitNumber", "unit_number"), // named so in Customer/Create
		inferred("ZipCode", "zip_code"),
		inferred("Email", "email"),
		inferred("Phone", "phone"),
		inferred("Password", "password").secret(),
		inferred("DL", "dl").secret(),
		inferred("SSN", "ssn").secret(),
		inferred("CustomField", "custom_field_1"), // "The value (if any) of the custom field": the first of <CUSTOM_FIELD_1>, <CUSTOM_FIELD_2>
		documented("OrderNumber", "order_number"), // the next description: "if order_number is provided"
		inferred("OrderStatus", "status"),         // "[Orders] The service staus"; Order/Search <status>
		inferred("ProductID", "product_id"),       // "[Orders] The product ID"; Order/Search <product product_id>
		inferred("RatePlanID", "rate_plan_id"),    // "[Orders] The VAR product ID"; Order/Search <plan rate_plan_id>
		inferred("Vars", "var%d"),                 // "[Orders] VARn as listed on an order"
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		// The reference kept only seven nameless descriptions for Create
		// and Edit; the fields are those of the Customer/Search answer.
		inferred("Company", "company"),
		inferred("FirstName", "first_name"),
		inferred("LastName", "last_name"),
		inferred("Address", "address"),
		inferred("UnitType", "unit_type"),       // "Required if providing a unit_number. Examples include APT or SUITE."
		documented("UnitNumber", "unit_number"), // named by the unit type's description
		inferred("City", "city"),
		inferred("State", "state"),
		inferred("ZipCode", "zip_code"),
		inferred("Country", "country"), // "Leave blank to default to United States"
		inferred("Email", "email"),
		inferred("Phone", "phone"),
		inferred("Password", "password").secret(), // "Eight numeric digits" most likely (the Search sample's password is 88888811)
		inferred("DL", "dl").secret(),
		inferred("SSN", "ssn").secret(),
		inferred("CustomField1", "custom_field_1"), // "Optional custom value for your records."
		inferred("CustomField2", "custom_field_2"), // "Optional custom value for your records."
	}},
	{Method: "Edit", Verb: http.MethodPatch, Params: []param{
		inferred("AccountNumber", "account_number").req(), // "The account number you wish to edit"
		inferred("Company", "company"),
		inferred("FirstName", "first_name"),
		inferred("LastName", "last_name"),
		inferred("Address", "address"),
		inferred("UnitType", "unit_type"),
		documented("UnitNumber", "unit_number"), // named by the unit type's description
		inferred("City", "city"),
		inferred("State", "state"),
		inferred("ZipCode", "zip_code"),
		inferred("Country", "country"),
		inferred("Email", "email"),
		inferred("Phone", "phone"),
		inferred("Password", "password").secret(),
		inferred("DL", "dl").secret(),
		inferred("SSN", "ssn").secret(),
		inferred("CustomField1", "custom_field_1"),
		inferred("CustomField2", "custom_field_2"),
	}},
	{Method: "Delete", Verb: http.MethodDelete, Params: []param{
		inferred("AccountNumber", "account_number").req(), // "The account number you wish to delete"
	}},
	{Method: "Qualify", Verb: http.MethodGet, Params: []param{
		inferred("AccountNumber", "account_number").req(), // "The customer account number"
		inferred("OrderNumber", "order_number"),           // "Required when qualify_type is REPLENISH …": an order; Order/Search <order order_number>
		documented("QualifyType", "qualify_type"),         // named by the order number's description
		documented("ProductType", "product_type"),         // named by the order number's description
		inferred("Vars", "var%d"),                         // "Provide the value of VARn to post it to any real-time option URL's"
	}},
	{Method: "Estimate", Verb: http.MethodGet, Params: []param{
		inferred("Type", "type"),                          // "Options are 'NEW' … or 'REPLENISH'": a choice, named like the others (type)
		inferred("AccountNumber", "account_number").req(), // "The customers account number"; <customer account_number>
		documented("RatePlanID", "rate_plan_id").req(),    // "The VAR rate_plan_id"
		documented("PromoCode", "promo_code"),             // "provide the promo_code value"
	}},
	{Method: "Notation", Verb: http.MethodPost, Params: []param{
		// The reference describes no parameter; the names are those of the answer.
		inferred("AccountNumber", "account_number").req(), // <customer account_number>
		inferred("Subject", "subject"),                    // <notation><subject>
		inferred("Content", "content"),                    // <notation><content>
	}},
	{Method: "Credit", Verb: http.MethodPost, Params: []param{
		inferred("AccountNumber", "account_number").req(), // "The customers account number"; <customer account_number>
		inferred("Type", "type").req(),                    // "'DEBIT' and 'CREDIT' are valid options"; <credit><type>
		inferred("Amount", "amount").req(),                // <credit><amount>
	}},
}}
