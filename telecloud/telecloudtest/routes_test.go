package telecloudtest

import (
	"bytes"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// The route forms the server serves: the older page's
// /API/{format}/{Service}/{Method}, the newer page's /API/{format}/{Service}/
// with the verb selecting the method, and the host form of the newer page's
// examples (https://api.telecloud.app/{format}/{Service}/), without /API.

// verbShared are the 17 methods that share their verb with the method the
// verb selects at /API/{format}/{Service}/ (GET Search, POST Create): a call
// without the method in the path cannot reach them. Spelled out here, not
// derived from the routes.
var verbShared = []string{
	"Billing/Reverse", "Billing/AddFunds",
	"Customer/Qualify", "Customer/Estimate", "Customer/Notation", "Customer/Credit",
	"Discount/Copy",
	"Notifications/SearchTemplate",
	"Order/Status", "Order/Move", "Order/Cancel", "Order/Swap", "Order/Replenish", "Order/Unstack", "Order/ReportUsage",
	"PaymentMethod/Verify",
	"Ticket/Reply",
}

// doAt calls path with verb as who: a GET's parameters in the query string,
// others form-urlencoded in the body.
func doAt(t *testing.T, s *Server, who creds, verb, path string, params url.Values) result {
	t.Helper()
	q := url.Values{}
	for k, v := range params {
		q[k] = v
	}
	q.Set(paramAPIIDKey, who.id)
	q.Set(paramAPIKey, who.key)
	if verb == http.MethodGet {
		return raw(t, s, verb, path+"?"+q.Encode(), "", "")
	}
	return raw(t, s, verb, path, q.Encode(), "application/x-www-form-urlencoded")
}

// Every method answers the same in every form that can name it, on fresh
// servers with the same history: the method in the path under /API/ and
// under the host form, and, where the verb selects it, the bare service
// under both.
func TestEveryMethodInEveryRouteForm(t *testing.T) {
	if len(verbShared) != 17 {
		t.Fatalf("%d methods listed", len(verbShared))
	}
	bare := 0
	for _, tc := range opCases {
		service, method, _ := strings.Cut(tc.op, "/")
		verb := verbFor(method)
		forms := []string{"/API/xml/" + tc.op, "/xml/" + tc.op, "/API/json/" + tc.op + "/", "/json/" + tc.op + "/"}
		if !slices.Contains(verbShared, tc.op) {
			forms = append(forms, "/API/xml/"+service+"/", "/xml/"+service+"/", "/API/json/"+service+"/", "/json/"+service)
			bare++
		}
		t.Run(strings.ReplaceAll(tc.op, "/", "_"), func(t *testing.T) {
			t.Parallel()
			answers := map[string][]byte{}
			for _, path := range forms {
				s := newFixed(t)
				f := setup(t, s)
				r := doAt(t, s, tc.who, verb, path, tc.params(t, s, f))
				format := "xml"
				if strings.Contains(path, "/json/") {
					format = "json"
					r.okJSON(t)
				} else {
					r.ok(t)
				}
				if want, ok := answers[format]; !ok {
					answers[format] = r.raw
				} else if !bytes.Equal(want, r.raw) {
					t.Errorf("%s %s answers\n%s\nnot\n%s", verb, path, r.raw, want)
				}
			}
		})
	}
	if bare != 76-17 {
		t.Errorf("%d methods reached by verb, want %d", bare, 76-17)
	}
}

// What the verb selects where a service has several methods with it: the
// verb's own method (Search, Create, Edit, Delete), else the one method of
// the service with that verb (Order/Update), else nothing.
func TestVerbSelectsTheMethod(t *testing.T) {
	s := newFixed(t)
	for _, prefix := range []string{"/API/xml/", "/xml/"} {
		r := doAt(t, s, varUser, http.MethodPost, prefix+"Order/", p("account_number", SeedCustomer, "rate_plan_id", SeedRatePlan,
			"var1", "353145418070501", "var2", "8901410327181008559"))
		order := r.ok(t).child("order").attr("order_number")
		if order == "" {
			t.Fatalf("POST %sOrder/ did not create an order: %s", prefix, r.raw)
		}
		// PATCH is Order/Update, the only PATCH method of Order.
		doAt(t, s, varUser, http.MethodPatch, prefix+"Order/", p("account_number", SeedCustomer, "order_number", order, "status", "SUSPENDED")).ok(t)
		if o, _ := s.Order(order); o.Status != "SUSPENDED" {
			t.Errorf("PATCH %sOrder/: the order is %s", prefix, o.Status)
		}
		// GET is Customer/Search, not Qualify or Estimate.
		if n := doAt(t, s, varUser, http.MethodGet, prefix+"Customer/", p("account_number", SeedCustomer)).ok(t).child("customer"); n.attr("account_number") != SeedCustomer {
			t.Errorf("GET %sCustomer/ is not Customer/Search", prefix)
		}
		// No DELETE method on Order, no PUT anywhere.
		doAt(t, s, varUser, http.MethodDelete, prefix+"Order/", nil).
			wantErr(t, "Invalid request: DELETE "+prefix+"Order/ selects no method of Order; name it in the path: "+prefix+"Order/{Method}.")
		doAt(t, s, varUser, http.MethodPut, prefix+"Alerts/", nil).
			wantErr(t, "Invalid request: PUT "+prefix+"Alerts/ selects no method of Alerts; name it in the path: "+prefix+"Alerts/{Method}.")
		// An unknown service, by verb: its Search.
		doAt(t, s, varUser, http.MethodGet, prefix+"Nothing/", nil).wantErr(t, "Unknown service or method: Nothing/Search.")
	}
	// Neither form: not found.
	for _, path := range []string{"/yaml/Customer/Search", "/Customer/Search", "/", "/API"} {
		if r := raw(t, s, http.MethodGet, path, "", ""); r.status != http.StatusNotFound {
			t.Errorf("%s: HTTP %d", path, r.status)
		}
	}
}
