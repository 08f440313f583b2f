// Package baicellstest is an in-memory Baicells BOSS server for tests and
// examples, in the style of net/http/httptest.
//
// It implements all 25 endpoints of the BOSS API Manual v1.6 over HTTP under
// /baicellsapi (Server.URL is the root, Server.BaseURL the API's base URL): subscribers (query, create, bind plan and IMSI, activate,
// change plan and speed, bulk create/activate/deactivate, APN and static IP,
// modify, delete), service plans (create, modify and the four GET queries)
// and data usage (hourly and CDR). It enforces the manual's validations and
// answers with its result codes: HTTP 422 and a body
//
//	{"session_id": "...", "result_code": "4002", "message": "Subscribers do not exist"}
//
// on failure, HTTP 200 with result_code "200" on success. Where a section
// lists its own codes the fake uses those: a duplicate create is 4001
// ("sub_idConflict", section 2.1.2's code), never Table 1-1's 4005.
//
// Every server starts with one account (DefaultCloudKey, DefaultUsername,
// DefaultPassword); WithCredentials adds more tenants. WithAnonymousAccess
// serves requests without a cloud_key or Authorization header as the
// default account, as some local OMC+BOSS installs do. Subscribers and plans
// belong to the cloud key that created them, as on a real CloudCore. The
// Authorization header is accepted both as the bare base64 of
// "username:password" the manual shows and with a "Basic " prefix.
//
// Like the vendor's servers, the fake is lenient in what it accepts:
// identifiers, IMSIs and speeds may be sent as JSON strings or numbers, and
// paths may carry a trailing slash. Its usage data is synthetic but
// deterministic: the same query always returns the same body.
//
// Tests inspect and prepare state directly with SeedPlan, SeedSubscriber,
// Subscriber, Subscribers and Plans, check what a client sent with Requests
// and RequestCount, and exercise retry logic with InjectFault (HTTP status
// with Retry-After, latency, dropped connections).
//
// A typical test:
//
//	srv := baicellstest.NewServer()
//	defer srv.Close()
//	srv.SeedPlan(baicellstest.DefaultCloudKey, baicellstest.Plan{ID: "P5", Name: "5M", Uplink: 5, Downlink: 5})
//	c := srv.Client() // a *baicells.Client with the default credentials
//	// … exercise the code under test with c, then check the state:
//	sub, ok := srv.Subscriber("20161201")
package baicellstest
