package telecloud

// The wire table of ProductGroup (ProductGroupsService): see documented and
// inferred in wire.go for what each marks.

import "net/http"

var productGroupWire = service{Name: "ProductGroup", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		documented("ProductGroupID", "product_group_id"), // "Provide a prouct_group_id" (sic)
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		inferred("Name", "name"),
		inferred("Description", "description"),
		inferred("ModuleOrder", "moduleid_order"),         // <group moduleid_order>
		inferred("ModuleReplenish", "moduleid_replenish"), // <group moduleid_replenish>
		inferred("ModuleStatus", "moduleid_status"),       // <group moduleid_status>; UsageComponent/Create quotes 'moduleid_status'
		inferred("ModuleSwap", "moduleid_swap"),           // <group moduleid_swap>
		inferred("ModuleCancel", "moduleid_cancel"),       // <group moduleid_cancel>
		inferred("Vars", "var%d"),                         // "The value of variable N in the proper variable format": one pipe-separated definition per slot (DefineVariables), named like the order values var1 … var20
	}},
	{Method: "Edit", Verb: http.MethodPatch, Params: []param{
		inferred("ProductGroupID", "product_group_id").req(), // "The ID of the product group you wish to edit"
		inferred("Name", "name"),
		inferred("Description", "description"),
		inferred("ModuleOrder", "moduleid_order"),
		inferred("ModuleReplenish", "moduleid_replenish"),
		inferred("ModuleStatus", "moduleid_status"),
		inferred("ModuleSwap", "moduleid_swap"),
		inferred("ModuleCancel", "moduleid_cancel"),
		inferred("Vars", "var%d"),    // as Create
		inferred("Status", "status"), // <group status>
	}},
}}
