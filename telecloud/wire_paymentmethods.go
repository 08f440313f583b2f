package telecloud

// The wire table of PaymentMethod (PaymentMethodsService): see documented and
// inferred in wire.go for what each marks.

import "net/http"

var paymentMethodWire = service{Name: "PaymentMethod", Routes: []route{
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		documented("AccountNumber", "account_number"),         // the method's description: "provide the 'account_number' parameter"
		inferred("Type", "type").req(),                        // "When type is CC …"; PaymentMethod/Search <paymentmethod type>
		inferred("Number", "payment_account_number").secret(), // "The credit card or bank account number"; PaymentMethod/Search <payment_account_number>
		inferred("RoutingNumber", "routing_number").secret(),  // "the bank routing number"
		inferred("BankAccountType", "bank_account_type"),      // "Personal Checking … Business Savings"
		inferred("ExpirationMonth", "expiration_month"),
		inferred("ExpirationYear", "expiration_year"),
		inferred("CVV", "cvv").secret(),                       // "card security code or CVV"
		inferred("PlaidAccountID", "account_id").secret(),     // "The account_id as provided by Plaid": Plaid's own field name
		inferred("PlaidAccessToken", "access_token").secret(), // "The access_tokeb as provided by Plaid"
		inferred("PlaidItemID", "item_id").secret(),           // "The item_id as provided by Plaid"
	}},
	{Method: "Edit", Verb: http.MethodPatch, Params: []param{
		inferred("PaymentMethodID", "payment_method_id").req(), // "The ID of the payment method"; named so in Order/Create and PaymentMethod/Search
		documented("AccountNumber", "account_number"),
		inferred("Type", "type"), // "Either CC … or BA"; <paymentmethod type>
	}},
	{Method: "Delete", Verb: http.MethodDelete, Params: []param{
		inferred("PaymentMethodID", "payment_method_id").req(), // as Edit
		inferred("AccountNumber", "account_number").req(),
		inferred("Type", "type"),
	}},
	{Method: "Verify", Verb: http.MethodPost, Params: []param{
		inferred("PaymentMethodID", "payment_method_id").req(), // as Edit
		inferred("Type", "type"),
		inferred("Amount1", "amount_1").req(), // "The amount of the first micro debit"; numbered like month_1
		inferred("Amount2", "amount_2").req(), // "The amount of the second micro debit"
	}},
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		documented("AccountNumber", "account_number"),
		documented("PaymentMethodID", "payment_method_id"),
	}},
}}
