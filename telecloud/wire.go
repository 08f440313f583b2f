package telecloud

// The wire layer in one place. The reference lost the parameter NAMES of 73 of
// its 76 methods, and does not give every route, so every wire detail lives
// in the tables below and in the route rule here, where a correction is a
// one-line change:
//
//   - path: /API/{format}/{Service}/{Method} (the older reference page; the
//     notes' most consistent reading of the vendor's
//     request('Service/Method', VERB, params)), or, by choice, the newer
//     page's /API/{format}/{Service}/ with the verb selecting the method
//     (routestyle.go);
//   - verb: Search*, Qualify, Estimate → GET; Create → POST; Edit, Update →
//     PATCH; Delete → DELETE; every other method → POST (Search → GET,
//     Create → POST and Edit → PATCH are seen in the notes; the rest is
//     inferred);
//   - parameters: form-urlencoded in the body, or in the query string for GET
//     (the newer page shows a form-encoded POST, and a PATCH both ways: one
//     example puts its parameters in the query string, another in a form
//     body; the client sends a PATCH's in the body);
//   - authentication: the parameters API_ID_KEY and API_KEY on every request
//     (inferred: the notes say only that both are "passed as part of the
//     request").
//
// A parameter built with documented() has a name the vendor's pages show;
// inferred() marks a name we derived from the parameter's description and from the
// response's element names. Callers can add or override any parameter with
// WithParam, and reach any method with Client.Call.

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/ispkit/ispkit/internal/transport"
)

// Authentication parameter names (inferred).
const (
	paramAPIIDKey = "API_ID_KEY"
	paramAPIKey   = "API_KEY"
)

// verbFor is the verb rule, for methods not in the tables (Client.Call).
func verbFor(method string) string {
	switch {
	case strings.HasPrefix(method, "Search"), method == "Qualify", method == "Estimate":
		return http.MethodGet
	case method == "Create":
		return http.MethodPost
	case method == "Edit", method == "Update":
		return http.MethodPatch
	case method == "Delete":
		return http.MethodDelete
	}
	return http.MethodPost
}

// retryable reports whether a method may be sent again after a failure that
// may have reached the server: only searches, which change nothing.
func retryable(method string) bool { return strings.HasPrefix(method, "Search") }

// retryMode is the transport's setting for retryable: a search is safe to
// send again whatever its verb, and anything else only when it never left.
func retryMode(method string) transport.Retry {
	if retryable(method) {
		return transport.RetrySafe
	}
	return transport.RetryUnsafe
}

type param struct {
	Field    string // Go field of the request struct
	Name     string // wire name; "var%d" expands VarValues
	Inferred bool   // not seen in the vendor's pages: derived by us
	Required bool   // refused before sending when empty
	Secret   bool   // scrubbed from errors and logs
}

// documented is a parameter whose name the reference's own text gives for
// that method (in the parameter's description, a sibling parameter's
// description or the method's description), or the vendor's notes quote.
func documented(field, name string) param { return param{Field: field, Name: name} }

// inferred is a parameter whose name was derived: the comment beside it in
// the service's table (wire_<service>.go) says from what, when that is not
// simply "the response element or attribute of the same name".
func inferred(field, name string) param {
	return param{Field: field, Name: name, Inferred: true}
}

func (p param) req() param    { p.Required = true; return p }
func (p param) secret() param { p.Secret = true; return p }

type route struct {
	Method string
	Verb   string
	Params []param
}

type service struct {
	Name   string
	Routes []route
}

// services lists every table, in the reference's order.
var services = []*service{
	&alertsWire, &announcementsWire, &billingWire, &cloudAccountWire, &customerWire,
	&discountWire, &gatewaysWire, &moduleWire, &notificationsWire, &orderWire,
	&paymentMethodWire, &planWire, &productGroupWire, &promoWire, &reportsWire,
	&ticketWire, &transactionWire, &usageComponentWire, &userWire,
}

type routeRef struct {
	service string
	r       *route
}

var routeIndex = func() map[string]routeRef {
	m := map[string]routeRef{}
	for _, s := range services {
		for i := range s.Routes {
			m[s.Name+"/"+s.Routes[i].Method] = routeRef{s.Name, &s.Routes[i]}
		}
	}
	return m
}()

// secretParamNames are the wire names any table marks secret; with the names
// that say so themselves (transport.IsSecretKey), their values are kept out of
// errors and logs whichever call sends them, Client.Call and WithParam included.
var secretParamNames = func() []string {
	var out []string
	for _, s := range services {
		for _, r := range s.Routes {
			for _, p := range r.Params {
				if p.Secret && !slices.Contains(out, p.Name) {
					out = append(out, p.Name)
				}
			}
		}
	}
	return out
}()

func isSecretParam(name string) bool {
	return transport.IsSecretKey(name) || slices.Contains(secretParamNames, name)
}

func lookupRoute(op string) (routeRef, error) {
	r, ok := routeIndex[op]
	if !ok {
		return routeRef{}, fmt.Errorf("telecloud: no route for %q", op)
	}
	return r, nil
}

// Route describes one service/method on the wire, as the tables have it.
type Route struct {
	Service string  // "Customer"
	Method  string  // "Search"
	Verb    string  // "GET"
	Params  []Param // the parameters the typed request sends
}

// Op returns "Service/Method".
func (r Route) Op() string { return r.Service + "/" + r.Method }

// Param is one wire parameter of a Route.
type Param struct {
	Field    string // the Go field of the request struct
	Name     string // wire name; "var%d" stands for var1 … var20
	Inferred bool   // derived from the reference's descriptions, not seen on the wire
	Required bool
	Secret   bool
}

// Routes returns the wire table of every service/method the package types, so
// that a program can show or check what is sent. Route.Path gives the path of
// each in a route style: /API/{format}/{Service}/{Method} in the default one.
func Routes() []Route {
	var out []Route
	for _, s := range services {
		for _, r := range s.Routes {
			rt := Route{Service: s.Name, Method: r.Method, Verb: r.Verb}
			for _, p := range r.Params {
				rt.Params = append(rt.Params, Param(p))
			}
			out = append(out, rt)
		}
	}
	return out
}
