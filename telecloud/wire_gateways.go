package telecloud

// The wire table of Gateways (GatewaysService): see documented and
// inferred in wire.go for what each marks.

import "net/http"

var gatewaysWire = service{Name: "Gateways", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		documented("GatewayID", "gateway_id"),
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		inferred("Name", "name").req(),                     // "The name of the payment gateway you wish to setup"; <gateway><name>STRIPE</name>
		inferred("Credentials1", "credentials_1").secret(), // "The credentials for the payment gatway"; <gateway><credentials_1>
		inferred("Credentials2", "credentials_2").secret(), // numbered after credentials_1
		inferred("Credentials3", "credentials_3").secret(),
		inferred("Credentials4", "credentials_4").secret(),
	}},
	{Method: "Delete", Verb: http.MethodDelete, Params: []param{
		documented("GatewayID", "gateway_id").req(),
	}},
	{Method: "Edit", Verb: http.MethodPatch, Params: []param{
		documented("GatewayID", "gateway_id").req(),
		inferred("DefaultCCGateway", "default_cc_gateway"),   // "the default for credit card billing"; <gateway default_cc_gateway>
		inferred("DefaultACHGateway", "default_ach_gateway"), // "the default for ACH billing"; <gateway default_ach_gateway>
		inferred("Credentials1", "credentials_1").secret(),   // as Create
		inferred("Credentials2", "credentials_2").secret(),
		inferred("Credentials3", "credentials_3").secret(),
		inferred("Credentials4", "credentials_4").secret(),
	}},
}}
