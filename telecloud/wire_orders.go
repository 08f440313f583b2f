package telecloud

// The wire table of Order (OrdersService): see documented and
// inferred in wire.go for what each marks.

import "net/http"

var orderWire = service{Name: "Order", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		inferred("AccountNumber", "account_number"),
		inferred("OrderNumber", "order_number"),     // the description lost the name ("Provide to search for a specific order"); <order order_number>
		inferred("HideCancelled", "hide_cancelled"), // "Provide a 'Y' to hide cancelled orders"
		inferred("Status", "status"),
		inferred("ProductID", "product_id"),    // "a specific CORE productid"; <product product_id>
		inferred("RatePlanID", "rate_plan_id"), // "a specific VAR productid": a VAR's product is its rate plan; <plan rate_plan_id>
		inferred("Vars", "var%d"),
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		inferred("AccountNumber", "account_number").req(),
		inferred("RatePlanID", "rate_plan_id").req(), // "The VAR rate plan ID"; <plan rate_plan_id>
		documented("PaymentMethodID", "payment_method_id"),
		inferred("PrimaryOrderNumber", "order_number"), // nameless "Required when placing an order for a add-on product only": the order the add-on joins
		inferred("ReferralCode", "referral_code"),      // "The referral code of the refferring customer"
		inferred("PromoCode", "promo_code"),            // "a promotional code"; Promo/Search <promo_code>
		documented("AttachedComponents", "attached_components"),
		inferred("Vars", "var%d"),
	}},
	{Method: "Status", Verb: http.MethodPost, Params: []param{
		inferred("AccountNumber", "account_number").req(),
		inferred("OrderNumber", "order_number").req(),
	}},
	{Method: "Move", Verb: http.MethodPost, Params: []param{
		inferred("OrderNumber", "order_number").req(),
		inferred("AccountNumber", "account_number").req(),
		inferred("NewAccountNumber", "new_account_number").req(), // Order/Move <new_account_number>
	}},
	{Method: "Cancel", Verb: http.MethodPost, Params: []param{
		inferred("AccountNumber", "account_number").req(),
		inferred("OrderNumber", "order_number").req(),
	}},
	{Method: "Swap", Verb: http.MethodPost, Params: []param{
		inferred("AccountNumber", "account_number").req(),
		inferred("OrderNumber", "order_number").req(),
		inferred("Vars", "var%d"),
	}},
	{Method: "Replenish", Verb: http.MethodPost, Params: []param{
		inferred("AccountNumber", "account_number").req(),
		inferred("OrderNumber", "order_number").req(),
		inferred("RatePlanID", "rate_plan_id"), // "The VAR rate plan ID."
		documented("PaymentMethodID", "paymentmethod_id"),
	}},
	{Method: "Update", Verb: http.MethodPatch, Params: []param{
		inferred("AccountNumber", "account_number").req(),
		inferred("OrderNumber", "order_number").req(),
		inferred("Status", "status"),
		inferred("ExpirationDate", "expiration_date"), // "The new cycle end date"; <expiration_date> of Order/Replenish and Order/Search
		inferred("ErrorMessage", "error"),             // "the error returned can be stored here": the envelope's <error>
		inferred("Vars", "var%d"),
	}},
	{Method: "Unstack", Verb: http.MethodPost, Params: []param{
		inferred("AccountNumber", "account_number").req(),
		inferred("OrderNumber", "order_number").req(),
		inferred("StackedPlanID", "stacked_plan_id").req(), // "The ID of the stacked plan"; no sample
	}},
	{Method: "ReportUsage", Verb: http.MethodPost, Params: []param{
		inferred("AccountNumber", "account_number").req(),
		inferred("ComponentID", "component_id").req(), // "The component associated with the usage"; <component component_id>
		inferred("OrderNumber", "order_number").req(),
		documented("Units", "units").req(), // the next description quotes 'units'
		inferred("Mode", "type"),           // "Choices are 'additive' … and 'cumulative'": named like the other choice parameters (type)
	}},
}}
