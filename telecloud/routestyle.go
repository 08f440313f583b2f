package telecloud

// Route styles. The vendor documents two ways of addressing a method:
//
//   - the older reference page: /API/{format}/{Service}/{Method}, every
//     method named in the path;
//   - the newer reference page: /API/{format}/{Service}/, the HTTP verb
//     selecting the method (PATCH /API/{format}/Alerts/ is Alerts/Edit,
//     POST /API/{format}/Announcements/ is Announcements/Create), with
//     examples against https://api.telecloud.app/{format}/{Service}/ (no
//     /API).
//
// Until a real account settles which the server serves (the notes' "Second
// look", December 2026), the user chooses; the older style stays the
// default.

import (
	"fmt"
	"net/http"
	"net/url"
)

// RouteStyle is how a call's service and method are put in its URL. The
// package documentation ("Routes") says which source documents each.
type RouteStyle int

// The route styles.
const (
	// RouteMethodPath sends every call to {base}/API/{format}/{Service}/{Method},
	// as the older reference page routes every method. The default.
	RouteMethodPath RouteStyle = iota
	// RouteVerb sends a call to {base}/API/{format}/{Service}/, the verb
	// selecting the method, as the newer reference page routes Alerts/Edit
	// (PATCH) and Announcements/Create (POST). A method the verb cannot
	// select is sent to {base}/API/{format}/{Service}/{Method}, the route the
	// older page gives it: the newer page has no route for it. The verb
	// selects its own method (GET Search, POST Create, PATCH Edit, DELETE
	// Delete) and Order/Update (the one PATCH of Order); it cannot select the
	// 17 methods that share their verb with one it selects:
	// Billing/Reverse and AddFunds, Customer/Qualify, Estimate, Notation
	// and Credit, Discount/Copy, Notifications/SearchTemplate, Order/Status,
	// Move, Cancel, Swap, Replenish, Unstack and ReportUsage,
	// PaymentMethod/Verify and Ticket/Reply. Route.Path shows each route.
	RouteVerb
	// RouteVerbAPIHost is RouteVerb without the /API prefix:
	// {base}/{format}/{Service}/, as the newer page's examples address
	// https://api.telecloud.app/{format}/{Service}/. Its base URL is
	// APIHostURL unless WithBaseURL says otherwise. A method the verb cannot
	// select is sent to {base}/{format}/{Service}/{Method}, a form no source
	// shows (the method-in-path form of the older page, on this host).
	RouteVerbAPIHost
)

// APIHostURL is the host of the newer reference page's examples, the default
// base URL of RouteVerbAPIHost.
const APIHostURL = "https://api.telecloud.app"

// String returns the style's name: "method-path", "verb" or "verb-api-host".
func (s RouteStyle) String() string {
	switch s {
	case RouteMethodPath:
		return "method-path"
	case RouteVerb:
		return "verb"
	case RouteVerbAPIHost:
		return "verb-api-host"
	}
	return fmt.Sprintf("RouteStyle(%d)", int(s))
}

func (s RouteStyle) valid() bool { return s >= RouteMethodPath && s <= RouteVerbAPIHost }

// WithRouteStyle chooses how calls are addressed (RouteMethodPath by
// default). WithBaseURL, given too, still chooses the host:
//
//	telecloud.New(creds, telecloud.WithRouteStyle(telecloud.RouteVerb))        // https://telecloud.app/API/xml/Alerts/
//	telecloud.New(creds, telecloud.WithRouteStyle(telecloud.RouteVerbAPIHost)) // https://api.telecloud.app/xml/Alerts/
func WithRouteStyle(s RouteStyle) Option {
	return func(st *settings) error {
		if !s.valid() {
			return &ValidationError{Op: "New", Field: "WithRouteStyle", Reason: fmt.Sprintf("unknown style %d", int(s))}
		}
		st.style = s
		return nil
	}
}

// verbMethods pairs each verb of the newer page's routes with the method it
// selects (Search → GET, Create → POST, Edit → PATCH are seen; DELETE is
// named as used, for Delete).
var verbMethods = map[string]string{
	http.MethodGet:    "Search",
	http.MethodPost:   "Create",
	http.MethodPatch:  "Edit",
	http.MethodDelete: "Delete",
}

// verbSelects reports whether the verb alone selects Service/Method in the
// verb styles, so that it is sent to /{format}/{Service}/. The verb selects
// its own method (GET Search, POST Create, PATCH Edit, DELETE Delete), and a
// method that is the only one of its service with its verb (Order/Update,
// the one PATCH of Order). It cannot select the others, which share their
// verb with the method it selects: Customer/Qualify and Estimate and
// Notifications/SearchTemplate (GET, like Search), and the POST methods of
// Billing, Customer, Discount, Order, PaymentMethod and Ticket other than
// Create. Of a service outside the tables (Client.Call), only the verb's own
// method is selected.
func verbSelects(svcName, method, verb string) bool {
	selected, ok := verbMethods[verb]
	if !ok {
		return false
	}
	if method == selected {
		return true
	}
	var svc *service
	for _, s := range services {
		if s.Name == svcName {
			svc = s
		}
	}
	if svc == nil {
		return false // nothing says which other methods the service has
	}
	for _, r := range svc.Routes {
		if r.Method != method && (r.Method == selected || r.Verb == verb) {
			return false
		}
	}
	return true
}

// routePath returns the path of a call under the base URL, in style.
func routePath(style RouteStyle, format Format, service, method, verb string) string {
	prefix := "/API/"
	if style == RouteVerbAPIHost {
		prefix = "/"
	}
	p := prefix + url.PathEscape(string(format)) + "/" + url.PathEscape(service) + "/"
	if style != RouteMethodPath && verbSelects(service, method, verb) {
		return p
	}
	return p + url.PathEscape(method)
}

// Path returns the path the route is sent to under the base URL, in style
// and format: "/API/xml/Order/Status" in RouteMethodPath, "/API/xml/Order/"
// for Order/Create in RouteVerb, "/xml/Order/" in RouteVerbAPIHost.
func (r Route) Path(style RouteStyle, format Format) string {
	return routePath(style, format, r.Service, r.Method, r.Verb)
}
