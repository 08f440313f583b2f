package telecloud

// The wire table of Module (ModulesService): see documented and
// inferred in wire.go for what each marks.

import "net/http"

var moduleWire = service{Name: "Module", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		documented("ModuleID", "module_id"),
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		inferred("Type", "type").req(), // "Either 'external' or 'prebuilt'"; <module type="prebuilt">
		inferred("Name", "name"),
		inferred("Description", "description"),
		inferred("URL", "url"),
		documented("Provider", "provider"),                 // the next descriptions: "depending on the 'provider'"
		inferred("Credentials1", "credentials_1").secret(), // "specific authentication credentials": numbered like Gateways' <credentials_1>
		inferred("Credentials2", "credentials_2").secret(),
		inferred("Credentials3", "credentials_3").secret(),
		inferred("Credentials4", "credentials_4").secret(),
		inferred("Status", "status"),
	}},
	{Method: "Edit", Verb: http.MethodPatch, Params: []param{
		documented("ModuleID", "module_id").req(),
		inferred("Name", "name"),
		inferred("Description", "description"),
		inferred("URL", "url"),
		inferred("Status", "status"),
	}},
	{Method: "Delete", Verb: http.MethodDelete, Params: []param{
		documented("ModuleID", "module_id").req(),
	}},
}}
