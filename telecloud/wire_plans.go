package telecloud

// The wire table of Plan (PlansService): see documented and
// inferred in wire.go for what each marks.

import "net/http"

var planWire = service{Name: "Plan", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		inferred("CloudAccountType", "cloud_account_type"),     // named so in Reports/Search
		inferred("CloudAccountNumber", "cloud_account_number"), // named so in CloudAccount/Search
		inferred("ProductGroupID", "product_group_id"),         // <Plans product_group_id>
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		documented("ProductID", "product_id"),
		inferred("Name", "name"),
		inferred("Description", "description"),
		inferred("RecurringPrice", "recurring_price"),
		inferred("SetupPrice", "setup_price"),
		inferred("AutopayDiscount", "autopay_discount"), // "The discount … for customers utilizing auto-pay"
		inferred("Status", "status"),
		inferred("ProductGroupID", "product_group_id"),
		inferred("CycleLength", "cycle_length"),
		inferred("ProductType", "product_type"),
		inferred("PromptForVariables", "prompt_for_variables"),
		inferred("ReplenishWithPlan", "replenish_with_plan"),
		inferred("CarrierProductID", "carrier_product_id"), // "The plan name; ID; or code to provision with the carrier"; <product carrier_product_id>
		inferred("ComponentIDs", "component_ids"),          // "a comma seperated list of component_id's"
	}},
	{Method: "Edit", Verb: http.MethodPatch, Params: []param{
		documented("ProductID", "product_id"),
		documented("RatePlanID", "rate_plan_id"),
		inferred("Name", "name"),
		inferred("Description", "description"),
		inferred("RecurringPrice", "recurring_price"),
		inferred("SetupPrice", "setup_price"),
		inferred("AutopayDiscount", "autopay_discount"),       // as Create
		inferred("AttachedComponents", "attached_components"), // "JSON list of component id's and their associated limits (see example above)": Order/Create's attached_components
		inferred("Status", "status"),
		inferred("CycleLength", "cycle_length"),
		inferred("PromptForVariables", "prompt_for_variables"),
		inferred("ReplenishWithPlan", "replenish_with_plan"),
		inferred("CarrierProductID", "carrier_product_id"), // as Create
		inferred("ComponentIDs", "component_ids"),          // as Create
	}},
	{Method: "Delete", Verb: http.MethodDelete, Params: []param{
		documented("ProductID", "product_id"),
		documented("RatePlanID", "rate_plan_id"),
	}},
}}
