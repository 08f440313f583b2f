package telecloud

// Consistency of the wire tables (wire.go and the wire_<service>.go tables)
// with the typed methods: every route of the reference has exactly one
// typed method whose request struct and table agree field for field, the
// verb follows the documented rule, no route sends one wire name twice,
// Routes() lists the 76 service/methods of the reference, and every
// parameter that carries a secret is marked so.

import (
	"context"
	"net/http"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/internal/transport"
)

// wtReferenceOps are the 76 service/methods of
// /work/shared/specs/telecloud-api-reference.txt, in its order.
var wtReferenceOps = []string{
	"Alerts/Search", "Alerts/Edit",
	"Announcements/Search", "Announcements/Create", "Announcements/Delete",
	"Billing/Search", "Billing/Create", "Billing/Reverse", "Billing/AddFunds",
	"CloudAccount/Search", "CloudAccount/Create", "CloudAccount/Edit", "CloudAccount/Delete",
	"Customer/Search", "Customer/Create", "Customer/Edit", "Customer/Delete", "Customer/Qualify",
	"Customer/Estimate", "Customer/Notation", "Customer/Credit",
	"Discount/Search", "Discount/Create", "Discount/Copy", "Discount/Delete",
	"Gateways/Search", "Gateways/Create", "Gateways/Delete", "Gateways/Edit",
	"Module/Search", "Module/Create", "Module/Edit", "Module/Delete",
	"Notifications/Search", "Notifications/Create", "Notifications/Edit", "Notifications/Delete",
	"Notifications/SearchTemplate",
	"Order/Search", "Order/Create", "Order/Status", "Order/Move", "Order/Cancel", "Order/Swap",
	"Order/Replenish", "Order/Update", "Order/Unstack", "Order/ReportUsage",
	"PaymentMethod/Create", "PaymentMethod/Edit", "PaymentMethod/Delete", "PaymentMethod/Verify",
	"PaymentMethod/Search",
	"Plan/Search", "Plan/Create", "Plan/Edit", "Plan/Delete",
	"ProductGroup/Search", "ProductGroup/Create", "ProductGroup/Edit",
	"Promo/Search", "Promo/Create", "Promo/Delete",
	"Reports/Search",
	"Ticket/Search", "Ticket/Create", "Ticket/Reply", "Ticket/Edit",
	"Transaction/Search",
	"UsageComponent/Search", "UsageComponent/Create", "UsageComponent/Edit", "UsageComponent/Delete",
	"User/Search", "User/Create", "User/Edit",
}

// wtServiceField maps each wire service name to the Client field serving
// it, as the package documentation lists them.
var wtServiceField = map[string]string{
	"Alerts":         "Alerts",
	"Announcements":  "Announcements",
	"Billing":        "Billing",
	"CloudAccount":   "CloudAccounts",
	"Customer":       "Customers",
	"Discount":       "Discounts",
	"Gateways":       "Gateways",
	"Module":         "Modules",
	"Notifications":  "Notifications",
	"Order":          "Orders",
	"PaymentMethod":  "PaymentMethods",
	"Plan":           "Plans",
	"ProductGroup":   "ProductGroups",
	"Promo":          "Promos",
	"Reports":        "Reports",
	"Ticket":         "Tickets",
	"Transaction":    "Transactions",
	"UsageComponent": "UsageComponents",
	"User":           "Users",
}

// wtSingular is the singular Go name of each wire service, the prefix of its
// request and response types.
var wtSingular = map[string]string{
	"Alerts": "Alert", "Announcements": "Announcement", "Billing": "Billing", "CloudAccount": "CloudAccount",
	"Customer": "Customer", "Discount": "Discount", "Gateways": "Gateway", "Module": "Module",
	"Notifications": "Notification", "Order": "Order", "PaymentMethod": "PaymentMethod", "Plan": "Plan",
	"ProductGroup": "ProductGroup", "Promo": "Promo", "Reports": "Report", "Ticket": "Ticket",
	"Transaction": "Transaction", "UsageComponent": "UsageComponent", "User": "User",
}

var (
	wtCtxT     = reflect.TypeFor[context.Context]()
	wtOptsT    = reflect.TypeFor[[]CallOption]()
	wtErrT     = reflect.TypeFor[error]()
	wtSecretT  = reflect.TypeFor[Secret]()
	wtMetaT    = reflect.TypeFor[Meta]()
	wtClientSt = reflect.TypeFor[Client]()
)

// wtMethod returns the typed method of a route on c (bound to its service),
// or an invalid Value when there is none.
func wtMethod(c *Client, service, method string) reflect.Value {
	field, ok := wtServiceField[service]
	if !ok {
		return reflect.Value{}
	}
	svc := reflect.ValueOf(c).Elem().FieldByName(field)
	if !svc.IsValid() || svc.IsNil() {
		return reflect.Value{}
	}
	return svc.MethodByName(method)
}

// wtRequestType is the request struct type a typed method takes.
func wtRequestType(m reflect.Value) reflect.Type { return m.Type().In(1) }

// wtClient is a client that sends nothing (its methods are only inspected).
func wtClient(t *testing.T) *Client {
	t.Helper()
	c, err := New(Credentials{APIIDKey: NewSecret("wire-id-key"), APIKey: NewSecret("wire-api-key")}, WithBaseURL("http://telecloud.invalid"))
	require.NoError(t, err)
	return c
}

// wtRoutes is every route of the tables with its service.
func wtRoutes() []routeRef {
	var out []routeRef
	for _, s := range services {
		for i := range s.Routes {
			out = append(out, routeRef{service: s.Name, r: &s.Routes[i]})
		}
	}
	return out
}

func TestWireRoutesAreTheReference(t *testing.T) {
	require.Len(t, wtReferenceOps, 76, "the reference has 76 service/methods")
	routes := Routes()
	require.Len(t, routes, 76)
	var ops []string
	for _, r := range routes {
		ops = append(ops, r.Op())
		assert.Equal(t, r.Service+"/"+r.Method, r.Op())
	}
	assert.Equal(t, wtReferenceOps, ops, "Routes() lists the reference's service/methods, in its order")

	// Routes() is a copy: changing it does not change what is sent.
	routes[0].Verb = "TRACE"
	routes[0].Params[0].Name = "changed"
	again := Routes()
	assert.Equal(t, http.MethodGet, again[0].Verb)
	assert.NotEqual(t, "changed", again[0].Params[0].Name)

	// Routes() mirrors the tables.
	for i, ref := range wtRoutes() {
		r := again[i]
		assert.Equal(t, ref.service, r.Service)
		assert.Equal(t, ref.r.Method, r.Method)
		assert.Equal(t, ref.r.Verb, r.Verb)
		require.Len(t, r.Params, len(ref.r.Params), r.Op())
		for j, p := range ref.r.Params {
			assert.Equal(t, Param(p), r.Params[j], r.Op())
		}
	}
	assert.Len(t, routeIndex, 76, "no service/method is listed twice")
}

func TestWireEveryRouteHasATypedMethod(t *testing.T) {
	c := wtClient(t)
	for _, ref := range wtRoutes() {
		op := ref.service + "/" + ref.r.Method
		m := wtMethod(c, ref.service, ref.r.Method)
		if !assert.True(t, m.IsValid(), "%s has no typed method", op) {
			continue
		}
		mt := m.Type()
		if !assert.True(t, mt.NumIn() == 3 && mt.IsVariadic() && mt.NumOut() == 2, "%s: signature %s", op, mt) {
			continue
		}
		assert.Equal(t, wtCtxT, mt.In(0), op)
		assert.Equal(t, wtOptsT, mt.In(2), op)
		assert.Equal(t, wtErrT, mt.Out(1), op)
		// The request by value, the answer by pointer.
		if !assert.Equal(t, reflect.Struct, mt.In(1).Kind(), op) || !assert.Equal(t, reflect.Pointer, mt.Out(0).Kind(), op) {
			continue
		}
		req, resp := mt.In(1), mt.Out(0).Elem()
		assert.Equal(t, wtSingular[ref.service]+ref.r.Method+"Request", req.Name(), op)
		assert.Equal(t, wtSingular[ref.service]+ref.r.Method+"Response", resp.Name(), op)
		if assert.Equal(t, reflect.Struct, resp.Kind(), op) && assert.Positive(t, resp.NumField(), op) {
			f := resp.Field(0)
			assert.True(t, f.Anonymous && f.Type == wtMetaT, "%s: %s embeds Meta first", op, resp.Name())
		}
	}
}

// Every exported method of the services taking a request is a route: no
// typed method is missing from the tables.
func TestWireEveryTypedMethodIsARoute(t *testing.T) {
	c := wtClient(t)
	byField := map[string]string{}
	for svc, field := range wtServiceField {
		byField[field] = svc
	}
	n := 0
	for i := 0; i < wtClientSt.NumField(); i++ {
		f := wtClientSt.Field(i)
		if !f.IsExported() {
			continue
		}
		svc, ok := byField[f.Name]
		if !assert.True(t, ok, "Client.%s is not a service of the documentation", f.Name) {
			continue
		}
		v := reflect.ValueOf(c).Elem().Field(i)
		for j := 0; j < v.NumMethod(); j++ {
			name := v.Type().Method(j).Name
			if svc+"/"+name == "Order/Wait" {
				continue // polls Order/Search: the package's, not a vendor method
			}
			_, err := lookupRoute(svc + "/" + name)
			assert.NoError(t, err, "Client.%s.%s has no route", f.Name, name)
			n++
		}
	}
	assert.Equal(t, 76, n, "76 typed methods")
}

func TestWireTablesMatchRequestStructs(t *testing.T) {
	c := wtClient(t)
	for _, ref := range wtRoutes() {
		op := ref.service + "/" + ref.r.Method
		m := wtMethod(c, ref.service, ref.r.Method)
		if !m.IsValid() {
			t.Errorf("%s: no typed method", op)
			continue
		}
		rt := wtRequestType(m)
		inTable := map[string]bool{}
		for _, p := range ref.r.Params {
			if !assert.NotEmpty(t, p.Field, "%s: param %s has no Field", op, p.Name) {
				continue
			}
			assert.False(t, inTable[p.Field], "%s: field %s is in the table twice", op, p.Field)
			inTable[p.Field] = true
			f, ok := rt.FieldByName(p.Field)
			if assert.True(t, ok, "%s: %s has no field %s (param %s)", op, rt.Name(), p.Field, p.Name) {
				assert.True(t, f.IsExported(), "%s: %s.%s is not exported", op, rt.Name(), p.Field)
			}
		}
		for i := 0; i < rt.NumField(); i++ {
			f := rt.Field(i)
			if f.IsExported() {
				assert.True(t, inTable[f.Name], "%s: %s.%s is not in the table", op, rt.Name(), f.Name)
			}
		}
	}
}

func TestWireVerbRule(t *testing.T) {
	for _, ref := range wtRoutes() {
		op := ref.service + "/" + ref.r.Method
		assert.Equal(t, verbFor(ref.r.Method), ref.r.Verb, "%s follows the verb rule", op)
	}
	// The rule itself, as wire.go and the package documentation state it.
	for method, verb := range map[string]string{
		"Search": "GET", "SearchTemplate": "GET", "Qualify": "GET", "Estimate": "GET",
		"Create": "POST", "Edit": "PATCH", "Update": "PATCH", "Delete": "DELETE",
		"Copy": "POST", "Reverse": "POST", "AddFunds": "POST", "Notation": "POST", "Credit": "POST",
		"Status": "POST", "Move": "POST", "Cancel": "POST", "Swap": "POST", "Replenish": "POST",
		"Unstack": "POST", "ReportUsage": "POST", "Verify": "POST", "Reply": "POST", "Anything": "POST",
	} {
		assert.Equal(t, verb, verbFor(method), method)
	}
	// Only searches are re-sent after a failure that may have reached the server.
	for _, ref := range wtRoutes() {
		assert.Equal(t, strings.HasPrefix(ref.r.Method, "Search"), retryable(ref.r.Method), ref.service+"/"+ref.r.Method)
	}
}

func TestWireNoDuplicateNames(t *testing.T) {
	for _, ref := range wtRoutes() {
		op := ref.service + "/" + ref.r.Method
		seenNames := map[string]string{}
		for _, p := range ref.r.Params {
			if !assert.NotEmpty(t, p.Name, op) {
				continue
			}
			if prev, dup := seenNames[p.Name]; dup {
				t.Errorf("%s: wire name %q is sent by both %s and %s", op, p.Name, prev, p.Field)
			}
			seenNames[p.Name] = p.Field
			assert.NotContains(t, []string{paramAPIIDKey, paramAPIKey}, p.Name, "%s: a table param shadows the credentials", op)
			assert.Equal(t, strings.ToLower(p.Name), p.Name, "%s: wire names are lower-case", op)
			if strings.Contains(p.Name, "%") {
				assert.Equal(t, "var%d", p.Name, "%s: only the variables expand", op)
			}
		}
	}
}

// The VarValues fields, and only they, are sent as var%d.
func TestWireVarsParams(t *testing.T) {
	c := wtClient(t)
	for _, ref := range wtRoutes() {
		op := ref.service + "/" + ref.r.Method
		m := wtMethod(c, ref.service, ref.r.Method)
		if !m.IsValid() {
			continue
		}
		rt := wtRequestType(m)
		for _, p := range ref.r.Params {
			f, ok := rt.FieldByName(p.Field)
			if !ok {
				continue
			}
			assert.Equal(t, f.Type == varValuesT, p.Name == "var%d", "%s: %s (%s) of type %s", op, p.Field, p.Name, f.Type)
		}
	}
}

// wtSecretNames are the wire names of the secrets the reference describes:
// card and bank account numbers, CVV, routing numbers, the Plaid values,
// customer passwords, SSN and driver's licence numbers.
var wtSecretNames = []string{
	"payment_account_number", "cvv", "routing_number",
	"account_id", "access_token", "item_id", // Plaid, on PaymentMethod/Create
	"password", "ssn", "dl", "licence", "license", "drivers_license", "licence_number", "license_number",
}

func TestWireSecretsAreMarked(t *testing.T) {
	c := wtClient(t)
	found := map[string]bool{}
	for _, ref := range wtRoutes() {
		op := ref.service + "/" + ref.r.Method
		m := wtMethod(c, ref.service, ref.r.Method)
		var rt reflect.Type
		if m.IsValid() {
			rt = wtRequestType(m)
		}
		for _, p := range ref.r.Params {
			secret := p.Secret || transport.IsSecretKey(p.Name)
			if slices.Contains(wtSecretNames, p.Name) {
				found[p.Name] = true
				assert.True(t, secret, "%s: %s (%s) carries a secret but is neither marked Secret nor a secret key", op, p.Name, p.Field)
			}
			if rt == nil {
				continue
			}
			f, ok := rt.FieldByName(p.Field)
			if !ok {
				continue
			}
			// A Secret-typed field prints REDACTED, but only the table decides
			// what is scrubbed from errors: the two must agree.
			if f.Type == wtSecretT {
				assert.True(t, secret, "%s: %s is a Secret but its param %s is not marked Secret", op, p.Field, p.Name)
			}
			if p.Secret {
				assert.Equal(t, wtSecretT, f.Type, "%s: param %s is Secret but %s.%s is a %s, which prints its value", op, p.Name, rt.Name(), p.Field, f.Type)
			}
		}
	}
	var missing []string
	for _, n := range []string{"payment_account_number", "cvv", "routing_number", "account_id", "access_token", "item_id", "password", "ssn", "dl"} {
		if !found[n] {
			missing = append(missing, n)
		}
	}
	sort.Strings(missing)
	assert.Empty(t, missing, "the tables send every kind of secret the reference describes")

	// Where each secret is sent, literally.
	want := map[string][]string{
		"PaymentMethod/Create": {"payment_account_number", "routing_number", "cvv", "account_id", "access_token", "item_id"},
		"Billing/AddFunds":     {"cvv"},
		"Customer/Search":      {"password", "dl", "ssn"},
		"Customer/Create":      {"password", "dl", "ssn"},
		"Customer/Edit":        {"password", "dl", "ssn"},
	}
	for op, names := range want {
		ref, err := lookupRoute(op)
		require.NoError(t, err)
		for _, n := range names {
			i := slices.IndexFunc(ref.r.Params, func(p param) bool { return p.Name == n })
			if assert.GreaterOrEqual(t, i, 0, "%s sends %s", op, n) {
				assert.True(t, ref.r.Params[i].Secret, "%s: %s is marked Secret", op, n)
			}
		}
	}
}

// Required params are those the reference or the method's meaning demands;
// the literal list guards against a table losing one by accident.
func TestWireRequiredParams(t *testing.T) {
	for op, names := range map[string][]string{
		"Alerts/Edit":           {"status"},                                       // [newer page]: status alone
		"Announcements/Create":  {"subject", "description", "email_notification"}, // [newer page]
		"Announcements/Delete":  {"announcement_id"},
		"Billing/Create":        {"cloud_account_type", "cloud_account_number", "type", "amount"},
		"Billing/Reverse":       {"billing_trans_id"},
		"Billing/AddFunds":      {"amount"},
		"Customer/Delete":       {"account_number"},
		"Customer/Edit":         {"account_number"},
		"Customer/Qualify":      {"account_number"},
		"Customer/Credit":       {"account_number", "type", "amount"},
		"Order/Create":          {"account_number", "rate_plan_id"},
		"Order/ReportUsage":     {"account_number", "component_id", "order_number", "units"},
		"PaymentMethod/Create":  {"type"},
		"Ticket/Reply":          {"ticket_id", "message"},
		"User/Create":           {"email"},
		"UsageComponent/Delete": {"component_id"},
	} {
		ref, err := lookupRoute(op)
		require.NoError(t, err)
		var got []string
		for _, p := range ref.r.Params {
			if p.Required {
				got = append(got, p.Name)
			}
		}
		assert.ElementsMatch(t, names, got, op)
	}
	// No search requires anything: every criterion is optional.
	for _, ref := range wtRoutes() {
		if strings.HasPrefix(ref.r.Method, "Search") {
			for _, p := range ref.r.Params {
				assert.False(t, p.Required, "%s/%s: %s", ref.service, ref.r.Method, p.Name)
			}
		}
	}
}

// The parameter lists of the vendor's newer reference page (telecloud-notes.md,
// Second look) are followed exactly: what each method sends and requires.
func TestWireNewerPageParameterLists(t *testing.T) {
	for op, want := range map[string][]string{
		"Alerts/Edit":          {"status*"},
		"Alerts/Search":        {"type", "status"},
		"Announcements/Create": {"subject*", "description*", "show_var", "show_partner", "show_affiliate", "email_notification*"},
	} {
		ref, err := lookupRoute(op)
		require.NoError(t, err)
		var got []string
		for _, p := range ref.r.Params {
			assert.False(t, p.Inferred, "%s: %s is on the vendor's list", op, p.Name)
			if p.Required {
				got = append(got, p.Name+"*")
			} else {
				got = append(got, p.Name)
			}
		}
		assert.Equal(t, want, got, "%s sends the vendor's list, * required", op)
	}
}

// The names the vendor's pages show are marked seen, not inferred.
func TestWireSeenNames(t *testing.T) {
	for op, names := range map[string][]string{
		"Alerts/Search":        {"type", "status"},
		"Alerts/Edit":          {"status"},
		"Announcements/Create": {"subject", "description", "show_var", "show_partner", "show_affiliate", "email_notification"},
		"Customer/Qualify":     {"qualify_type", "product_type"},
		"Order/Create":         {"attached_components", "payment_method_id"},
		"Order/Replenish":      {"paymentmethod_id"},
		"Ticket/Create":        {"direction", "guest_email"},
		"Notifications/Create": {"notify_customer"},
	} {
		ref, err := lookupRoute(op)
		require.NoError(t, err)
		for _, n := range names {
			i := slices.IndexFunc(ref.r.Params, func(p param) bool { return p.Name == n })
			if assert.GreaterOrEqual(t, i, 0, "%s sends %s", op, n) {
				assert.False(t, ref.r.Params[i].Inferred, "%s: %s is seen in the vendor's pages", op, n)
			}
		}
	}
	// Every variable slot name is inferred (the reference writes VAR1 … VAR20).
	for _, ref := range wtRoutes() {
		for _, p := range ref.r.Params {
			if p.Name == "var%d" {
				assert.True(t, p.Inferred, "%s/%s", ref.service, ref.r.Method)
			}
		}
	}
}
