// Package telecloud is a client for the TeleCloud.app API (MVNO billing and
// provisioning), for resellers (CORE, VAR, PARTNER and AFFILIATE accounts)
// whose back office creates customers, qualifies and estimates products,
// places and replenishes orders, swaps SIM and device variables, and manages
// plans, promos, discounts, payment methods, billing, tickets and users.
//
//	c, err := telecloud.New(telecloud.Credentials{APIIDKey: telecloud.NewSecret(id), APIKey: telecloud.NewSecret(key)})
//	cust, err := c.Customers.Create(ctx, telecloud.CustomerCreateRequest{…})
//	order, err := c.Orders.Create(ctx, telecloud.OrderCreateRequest{…})
//	final, err := c.Orders.Wait(ctx, order.Order.OrderNumber, nil)
//
// # Services
//
// All 76 service/methods of the reference are typed, one Go method each, on
// the resource services of a Client (the wire service name in brackets):
//
//	Alerts [Alerts]                  Search, Edit
//	Announcements [Announcements]    Search, Create, Delete
//	Billing [Billing]                Search, Create, Reverse, AddFunds
//	CloudAccounts [CloudAccount]     Search, Create, Edit, Delete
//	Customers [Customer]             Search, Create, Edit, Delete, Qualify, Estimate, Notation, Credit
//	Discounts [Discount]             Search, Create, Copy, Delete
//	Gateways [Gateways]              Search, Create, Delete, Edit
//	Modules [Module]                 Search, Create, Edit, Delete
//	Notifications [Notifications]    Search, Create, Edit, Delete, SearchTemplate
//	Orders [Order]                   Search, Create, Status, Move, Cancel, Swap, Replenish,
//	                                 Update, Unstack, ReportUsage
//	PaymentMethods [PaymentMethod]   Create, Edit, Delete, Verify, Search
//	Plans [Plan]                     Search, Create, Edit, Delete
//	ProductGroups [ProductGroup]     Search, Create, Edit
//	Promos [Promo]                   Search, Create, Delete
//	Reports [Reports]                Search
//	Tickets [Ticket]                 Search, Create, Reply, Edit
//	Transactions [Transaction]       Search
//	UsageComponents [UsageComponent] Search, Create, Edit, Delete
//	Users [User]                     Search, Create, Edit
//
// Each method takes a request struct by value (the parameters the reference
// describes, as Go fields; its zero value sends only the credentials) and
// returns a response struct with every field of the reference's samples.
// Each also takes trailing [CallOption]s ([WithParam], [WithoutParam],
// [WithParams], [InFormat]): they exist because TeleCloud's parameter names
// are partly inferred (below), so a caller can correct one call's wire
// parameters without waiting for a release. [OrdersService.Wait] follows a
// PENDING order until provisioning ends.
//
// # Wire format, and what is inferred
//
// The reference lost the names of 73 methods' parameters and most routes.
// What the package sends is therefore decided in one place, a table per
// service, which [Routes] lists:
//
//   - by default every call goes to {base}/API/{format}/{Service}/{Method},
//     format "xml" or "json" (see Routes below for the newer page's style);
//   - Search methods, Qualify and Estimate are GET with the parameters in
//     the query string; Create is POST, Edit and Update are PATCH, Delete is
//     DELETE, every other method POST, with form-urlencoded bodies;
//   - the credentials are the parameters API_ID_KEY and API_KEY;
//   - parameter names are lower-case, taken from the vendor's pages where
//     they show one and otherwise derived from the parameter's description
//     and the response's element names; each table marks the derived ones.
//
// When a name is wrong, WithParam and WithoutParam change one call's
// parameters, and Client.Call reaches any service/method with raw
// parameters, decoding into any struct with `tc` tags.
//
// # What the vendor's newer page confirms, and what is still unconfirmed
//
// The vendor's newer reference page lists parameters with names and
// required/optional for three methods, and the tables follow it exactly: Alerts/Search takes type and status;
// Alerts/Edit takes status alone, required; Announcements/Create requires
// subject, description and email_notification and takes show_var,
// show_partner and show_affiliate as optional, form-encoded. Still
// unconfirmed, until a real account settles it:
//
//   - which route style a real account serves (see Routes), the route of
//     the 17 methods the verb cannot select in the newer style, and whether
//     api.telecloud.app serves /{format}/{Service}/{Method} at all;
//   - the names of the parameters the tables mark inferred (Route's
//     Param.Inferred), 73 methods' worth, and the credentials' names
//     API_ID_KEY and API_KEY;
//   - which alerts Alerts/Edit changes, the vendor naming none (see
//     AlertsService.Edit), and the name alert_id for naming one;
//   - where the server wants a PATCH's parameters: the newer page shows
//     both the query string and a form body; the client sends the body.
//
// # Routes
//
// The vendor documents two route styles, and which one a real account
// serves is not settled; WithRouteStyle chooses:
//
//   - RouteMethodPath (the default): {base}/API/{format}/{Service}/{Method},
//     as the older reference page routes every method and the vendor's PHP
//     class names calls (request('Service/Method', VERB, params));
//   - RouteVerb: {base}/API/{format}/{Service}/, the verb selecting the
//     method, as the newer reference page routes Alerts/Edit (PATCH) and
//     Announcements/Create (POST);
//   - RouteVerbAPIHost: {base}/{format}/{Service}/, the host form of the
//     newer page's examples, whose base URL is APIHostURL
//     (https://api.telecloud.app) unless WithBaseURL gives another.
//
// In the verb styles the verb selects its own method (GET Search, POST
// Create, PATCH Edit, DELETE Delete) or the only method of its service with
// that verb (PATCH is Order/Update). It cannot tell the others from the
// method it selects: the newer page gives no route for Customer/Qualify and
// Estimate, Notifications/SearchTemplate, or the POST methods other than
// Create of Billing, Customer, Discount, Order, PaymentMethod and Ticket (17
// methods). The client sends those with the method in the path, under the
// style's prefix: /API/{format}/Order/Status is the route the older page
// documents; /{format}/Order/Status on api.telecloud.app is our
// extrapolation, seen in no source. Route.Path shows where each method
// goes in each style. telecloudtest serves every style.
//
// # Formats
//
// XML is the default and the only lossless format. JSON (WithFormat or
// InFormat) is PHP's conversion of the XML: it drops CDATA content (alert
// and announcement contents, notations, notification HTML come back empty)
// and the attributes of elements that also carry text (the metadata of
// product variables, the id of a product's GROUP). Both formats decode into
// the same structs: the package reads either into one tree, absorbing
// "@attributes", {} for an empty element, one object where several would be
// an array, and numbers sent as strings. Text is trimmed of surrounding
// white space.
//
// # Values
//
// Money is an exact decimal ("100.00", "$10.00", "0.0050"); Time reads the
// reference's four date formats and keeps the raw text; Flag is Y/N; Status
// is the numeric 1/2/3 status and OrderStatus the word status of orders.
// Variables are the VAR1…VAR20 of product groups, qualify results and
// orders, with their metadata; VarValues sends values by slot.
//
// # Errors
//
// Every error the package returns starts with "telecloud: ". A failed call
// is an *Error naming it (Op "Customer/Create", with Service and Method);
// input refused before anything is sent is a *ValidationError matching
// ErrInvalidInput.
//
// TeleCloud's <telecloud trans_id="…"><error>…</error></telecloud> (and its
// JSON form) becomes an *Error with the trans_id and the vendor's message,
// matching ErrVendor; the reference documents no error codes. A 200 that
// cannot be read (an HTML page, malformed XML or JSON, a value of the wrong
// kind) matches ErrBadResponse, and so does an answer the transport could
// not use: one cut short, one over the cap (which matches
// ErrResponseTooLarge too: raise the cap with WithMaxResponseSize
// knowingly), a redirect that was not followed. Another HTTP status without
// the error envelope matches ErrHTTPStatus. The errors of unreadable answers
// keep a capped excerpt of the body. Error.HTTPStatus is the status of the
// answer whenever one arrived, those above included; 0 means none did (the
// connection failed, the context ended first). Error.RetryAfter is the
// server's Retry-After on a 429 or 503. Every response carries the call's
// TransID (Meta), which Transaction/Search looks up; a refusal carries it as
// Error.RequestID, and Error.Op names the call as "Service/Method".
//
// Refused before sending: a nil context (every call); a required parameter
// that is empty or white space only; text that is not valid UTF-8 or holds
// a NUL; values a request's rules refuse (see each request type); and, for
// Client.Call, an op whose service or method is empty, white space, "." or
// "..", not valid UTF-8 or holds a control character (they go into the
// path, and are never altered).
//
// # Safety
//
// The API keys, and the secrets a call sends (card and bank account
// numbers, CVV, routing numbers, Plaid values, customer passwords, SSN and
// driver's licence numbers, gateway and module credentials) never appear in
// the package's errors, in any error of their chain, nor in its debug log
// lines: the query parameters that hold them are redacted by name
// (API_KEY, dl …), and every text that comes from an answer (the vendor's
// message and trans_id, excerpts of bodies, the values a decoding error
// quotes, a redirect's Location, the transport's own errors) is scrubbed of
// them before it is cut, in every spelling the shared scrubber knows: as
// written, percent-encoded (either case of hex, '+' for a space), escaped
// as JSON, PHP and Go write strings, as HTML and XML entities, any two of
// these layered, and in base64. A secret of four bytes or more is removed
// wherever it stands; a shorter one (a three-digit CVV) where it stands as
// a whole word, between characters that are not letters or digits. Such
// fields are of type Secret, which prints as REDACTED in every fmt verb, in
// slog and in JSON, in requests and in answers (a customer's PASSWORD, DL
// and SSN); Credentials, the Client and its services print without the
// keys. Two limits: a number the server quotes that this call did not send
// (a card in an order's failure text) cannot be told from an IMEI or ICCID
// and is shown; and Customer/Search, a GET like every search, puts its
// password, SSN and licence criteria in the URL, where the server's own
// access logs keep them. Transaction.FullRequest is the vendor's log of a
// request, shown as sent.
//
// The keys travel in every request's parameters, in the query string of a
// GET (every Search, Qualify and Estimate). Only GET follows a redirect: any
// other call gets the redirect as its answer (an *Error matching
// ErrBadResponse, HTTPStatus the redirect's), so a write is never re-sent
// elsewhere. No request carries a Referer, and a redirect to another host,
// port or from https to http is followed only when the new URL carries no
// key (the server chose it), without credential headers.
//
// Only Search methods are sent again after a failure that may have reached
// the server; every other call (Qualify and Estimate included) is re-sent
// only when the connection could not be made.
//
// # Testing
//
// Package telecloudtest is an in-memory TeleCloud.app serving all 76
// methods in both formats, with state, the documented rules and fault
// injection; examples/quickstart runs the whole order flow against it.
package telecloud
