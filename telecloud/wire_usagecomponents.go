package telecloud

// The wire table of UsageComponent (UsageComponentsService): see documented and
// inferred in wire.go for what each marks.

import "net/http"

var usageComponentWire = service{Name: "UsageComponent", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		documented("ComponentID", "component_id"),
		inferred("ProductID", "product_id"),            // "linked to a specific product ID"
		inferred("ProductGroupID", "product_group_id"), // "linked to a specific product group"; <component product_group_id>
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		inferred("ProductGroupID", "product_group_id").req(),
		inferred("Name", "name").req(),
		inferred("Description", "description"),
		inferred("StartingQuantity", "starting_quantity"),
		inferred("UnitPrice", "unit_price"),
		inferred("ResetWithCycle", "reset_with_cycle"),
		inferred("VarSetsMaximum", "var_sets_maximum"),
	}},
	{Method: "Edit", Verb: http.MethodPatch, Params: []param{
		inferred("ComponentID", "component_id").req(), // "The id of the component you wish to edit"
		inferred("Name", "name"),
		inferred("Description", "description"),
		inferred("StartingQuantity", "starting_quantity"),
		inferred("UnitPrice", "unit_price"),
		inferred("ResetWithCycle", "reset_with_cycle"),
		inferred("VarSetsMaximum", "var_sets_maximum"),
		inferred("Status", "status"),
	}},
	{Method: "Delete", Verb: http.MethodDelete, Params: []param{
		documented("ComponentID", "component_id").req(),
	}},
}}
