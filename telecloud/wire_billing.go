package telecloud

// The wire table of Billing (BillingService): see documented and
// inferred in wire.go for what each marks.

import "net/http"

var billingWire = service{Name: "Billing", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		inferred("BillingTransID", "trans_id"),                 // "a specific billing transaction ID"; <transaction trans_id>
		inferred("AccountNumber", "account_number"),            // "a customer account number"
		inferred("OrderNumber", "order_number"),                // "an order number"
		inferred("CloudAccountType", "cloud_account_type"),     // echoed as <cloud_account_type>
		inferred("CloudAccountNumber", "cloud_account_number"), // echoed as <cloud_account_number>
		inferred("StartDate", "start_date"),                    // "The start date in the YYYY-MM-DD format"
		inferred("EndDate", "end_date"),                        // "The ending date in the YYYY-MM-DD format"
		inferred("Billed", "billed"),                           // "Provide an 'N' to show unbilled transactions"; <transaction><billed>
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		inferred("CloudAccountType", "cloud_account_type").req(),     // <billing cloud_account_type>
		inferred("CloudAccountNumber", "cloud_account_number").req(), // <billing cloud_account_number>
		inferred("Type", "type").req(),                               // "Either 'DEBIT' or 'CREDIT'"; <billing><type>
		inferred("Amount", "amount").req(),
		inferred("Notes", "notes"), // "a more detailed description of the transaction"; <billing><notes>Test credit</notes>
	}},
	{Method: "Reverse", Verb: http.MethodPost, Params: []param{
		inferred("CloudAccountType", "cloud_account_type"),
		inferred("CloudAccountNumber", "cloud_account_number"),
		inferred("BillingTransID", "billing_trans_id").req(), // "The billing history transaction ID you wish to reverse"; echoed as <billing billing_trans_id>
	}},
	{Method: "AddFunds", Verb: http.MethodPost, Params: []param{
		inferred("PaymentMethodID", "payment_method_id"), // "The payment method you wish to use"; named so in Order/Create and PaymentMethod/Search
		inferred("Type", "type"),                         // "Either 'CC' … or 'BA'": PaymentMethod/Create's "When type is CC"
		inferred("Amount", "amount").req(),               // "The amount you wish to reload"; <billing><amount>
		inferred("CVV", "cvv").secret(),                  // "The cvv or card security code"
	}},
}}
