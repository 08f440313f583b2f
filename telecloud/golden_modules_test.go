package telecloud

// The verbatim samples of Module and what each decodes to.

var goldenModules = []golden{
	{op: "Module/Search", file: "Module_Search",
		want: &ModuleSearchResponse{Modules: []Module{{
			ModuleID:    "26",
			Name:        "VZW 4G SIM Swap",
			Description: "Swap the SIM on a Verizon 4G plan.",
			URL:         "https://yourwebsite.com/modules_folder/sim_swap.asp",
		}}}},
	{op: "Module/Create", file: "Module_Create",
		want: &ModuleCreateResponse{Meta: Meta{TransID: "4404915"}, Module: Module{ModuleID: "7", Type: ModulePrebuilt}}},
	{op: "Module/Edit", file: "Module_Edit",
		want: &ModuleEditResponse{Meta: Meta{TransID: "3123887"}, Module: Module{ModuleID: "32"}}},
	{op: "Module/Delete", file: "Module_Delete",
		want: &ModuleDeleteResponse{Meta: Meta{TransID: "3123893"}, Module: Module{ModuleID: "8"}}},
}
