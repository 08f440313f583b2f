package telecloud

// The wire table of Reports (ReportsService): see documented and
// inferred in wire.go for what each marks.

import "net/http"

var reportsWire = service{Name: "Reports", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		inferred("AccountNumber", "account_number"),
		documented("CloudAccountType", "cloud_account_type"),   // the next description: "Provide only if cloud_account_type is set"
		inferred("CloudAccountNumber", "cloud_account_number"), // named so in CloudAccount/Search
		inferred("Dashboard", "dashboard"),                     // "Provide a 'Y' to enable dahsboard mode"
	}},
}}
