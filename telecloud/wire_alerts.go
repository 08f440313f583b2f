package telecloud

// The wire table of Alerts (AlertsService): see documented and
// inferred in wire.go for what each marks.

import "net/http"

var alertsWire = service{Name: "Alerts", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		documented("Type", "type"),     // [notes; newer page] GET /API/{format}/Alerts/Search
		documented("Status", "status"), // [notes; newer page]
	}},
	{Method: "Edit", Verb: http.MethodPatch, Params: []param{
		// [newer page] PATCH /API/{format}/Alerts/, parameters: status,
		// required, and nothing else: no parameter says which alerts. The
		// alert_id this table used to send (inferred from Alerts/Search's
		// <alert alert_id>) is not sent; WithParam("alert_id", …) adds it.
		documented("Status", "status").req(),
	}},
}}
