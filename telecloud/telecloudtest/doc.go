// Package telecloudtest is an in-memory TeleCloud.app API server for tests
// and examples, in the style of net/http/httptest. It speaks the wire format,
// not Go: any client, in any language, can be pointed at it.
//
// # Wire format
//
// Every one of the reference's 76 service/methods is served at
// /API/{format}/{Service}/{Method} (the older reference page's route),
// format being xml or json; an unknown format is answered with an XML error
// envelope, an unknown service or method with one in the format asked for,
// and a path outside /API/ and the host form below with HTTP 404.
//
// # Routes
//
// The vendor's newer reference page routes a method as
// /API/{format}/{Service}/, the verb selecting the method, with examples
// against https://api.telecloud.app/{format}/{Service}/ (no /API). The
// server serves both, and the host form of the method path,
// /{format}/{Service}/{Method}, which no source shows (the telecloud
// package sends it in its RouteVerbAPIHost style). At /{Service}/, GET
// selects Search, POST Create, PATCH Edit and DELETE Delete when the
// service has that method, else the service's only method with that verb
// (PATCH /API/xml/Order/ is Order/Update); a verb that selects nothing (PUT,
// DELETE on Order) is refused in the envelope. The 17 methods that share
// their verb with the one it selects (Customer/Qualify and Estimate,
// Notifications/SearchTemplate, and the POST methods other than Create of
// Billing, Customer, Discount, Order, PaymentMethod and Ticket) are reached
// only with the method in the path. Fault paths and RequestCount match a
// request in any form by the /API/{format}/{Service}/{Method} of the method
// it reaches; Requests records the path as sent.
//
// # Verbs and parameters
//
// The verb of each method follows one rule:
// Search*, Qualify and Estimate are GET, Create is POST, Edit and Update are
// PATCH, Delete is DELETE, every other method (Copy, Reverse, AddFunds,
// Notation, Credit, Status, Move, Cancel, Swap, Replenish, Unstack,
// ReportUsage, Verify, Reply) is POST; another verb is refused in the
// envelope. Parameters are read from the query string and from a
// form-urlencoded body (the newer page shows a PATCH's parameters both
// ways), the body winning (a body of another content type is
// refused); values are trimmed and a blank value counts as not given. The
// parameter names are those of the telecloud package's wire tables
// (account_number, rate_plan_id, var1 … var20, cloud_account_type, …).
//
// Every answer is HTTP 200 (only injected faults answer otherwise) and a
// <telecloud> envelope shaped as the reference's samples, or, in JSON,
// PHP's conversion of that XML: the root dropped and its attributes under a
// top-level "@attributes", one child an object and several an array, an
// element with text just the text (its attributes lost), an empty element
// {}, CDATA content (alert content, announcement contents, notation content,
// notification HTML) {}, every value a string, "/" written "\/". A refusal
// is <telecloud trans_id="N"><error>message</error></telecloud>
// ({"@attributes":{"trans_id":"N"},"error":"message"}).
//
// Every call of a method that is not a read (GET) gets a trans_id, on
// success and on refusal, increasing from 3130001, and is recorded: with
// Transaction/Search a caller finds its own account's calls and those of
// the accounts under it, by trans_id, account_number, order_number, service
// ("Order/Create") and status (SUCCESS, PENDING, FAILED; FAILURE is read as
// FAILED), with the request as full_request (secrets redacted) and, when
// FAILED, the error text in <error>. Reads (Search*, Qualify, Estimate) have
// no trans_id and are not recorded.
//
// # Authentication
//
// API_ID_KEY and API_KEY are parameters of every request. Missing ones are
// refused with "API_ID_KEY and API_KEY are required.", wrong ones with
// "Invalid API credentials.", a locked user's with "This user is locked.",
// a suspended cloud account's with "This cloud account is suspended.".
// DefaultAPIIDKey and DefaultAPIKey belong to an ADMIN of the VAR account
// SeedVARAccount (what an ISP holds), CoreAPIIDKey and CoreAPIKey to an
// ADMIN of the CORE account SeedCoreAccount; the option WithCredentials adds
// more on the seed accounts, AddCredentials on any account of a running
// server. Requests returns what was received with both keys redacted.
//
// # State
//
// One CORE account with a VAR under it, as the Seed constants describe:
// a product group with IMEI, ICCID and MDN variables, a product, the VAR's
// rate plan on it, a promo code, a customer, the CORE's default payment
// gateway and a module. What each method does to it:
//
//   - CloudAccount: Create makes a VAR, PARTNER or AFFILIATE below the
//     caller (with an initial ADMIN login from the e-mail), Edit changes
//     and suspends (status 2) one, Delete removes one with no accounts and
//     no customers under it; Search lists the accounts under the caller,
//     one account with its last orders, billing transactions and discounts
//     on request (<orders>, <billing>, <discounts>), or (dashboard) the
//     caller's own.
//   - Billing: every account has a balance and a billing history. Create
//     credits or debits an account under the caller (and alerts its users),
//     Reverse undoes one transaction once, AddFunds credits the caller's own
//     account from one of its verified payment methods (the default when
//     none is given) through its controlling account's default gateway.
//     Orders, replenishments and reported usage debit the customer's cloud
//     account the wholesale price: its discount on the product (or, below a
//     VAR, on the rate plan) when it has one, else the CORE product's price
//     for a VAR and the VAR plan's price for a PARTNER or AFFILIATE. A
//     PREPAID account cannot go below zero, a POSTPAID one below minus its
//     spending limit (its transactions are unbilled, billed=N).
//   - Discount: Create sets (or replaces) an account's price for a product,
//     Copy copies one account's discounts to another (replace=Y first
//     deletes the target's), Delete removes them all.
//   - Customer: Create, Edit, Delete (not with orders), Search by any field
//     (case-insensitive) or by order criteria, with its notations when
//     account_number is given; Notation adds one; Credit adds or deducts
//     account credit, which the next order or replenishment paid with one
//     of the customer's payment methods spends first. Qualify lists the
//     CORE products with the VAR's rate plans on them (VARProduct), Estimate
//     prices a plan for the customer (less a promo code) and for the cloud
//     account (against its balance).
//   - PaymentMethod: a customer's cards and bank accounts are VERIFIED at
//     once (the first is its default); a cloud account's are UNVERIFIED
//     until Verify gives the two micro debits (see MicroDebits), then its
//     default. Edit toggles the default flag, Delete removes a customer's.
//   - Order: Create places an order, PENDING for WithOrderDelay and then
//     ACTIVE (at once without a delay), or FAILED when FailNextOrder asked
//     for it (refunded, with <error> in Order/Search and on its Order/Create
//     transaction, and an alert for its submitter); CompleteOrders ends the
//     wait. Status toggles ACTIVE and SUSPENDED, Move puts an order on
//     another customer of the same VAR, Cancel ends it (refunding a PENDING
//     one), Swap changes SWAPABLE variables, Replenish adds a cycle (on
//     another plan of the product group the plan is stacked, and Unstack
//     applies it at once), Update sets status (PENDING to FAILED stores
//     the error on the Order/Create transaction), expiration and variables,
//     ReportUsage adds or sets a usage component's units and bills those
//     beyond its starting quantity.
//   - Plan: for a CORE, Create, Edit and Delete manage products; for a
//     VAR, rate plans on them. Search lists, by product group, the products
//     at the price the account pays, with its rate plans (<plan>).
//   - ProductGroup, UsageComponent, Module, Gateways, Promo, Notifications,
//     Announcements, Alerts, Ticket, User: kept as created, edited and
//     deleted; an announcement alerts the users of the accounts it is shown
//     to (Announcements/Create requires email_notification and takes the
//     show flags as optional, as the newer page lists them); Alerts/Edit
//     requires only status, as the newer page lists it, and changes the
//     alert an alert_id names or, without one, every alert of the API user
//     (the vendor does not say which alerts it changes; the answer has one
//     <alert> per alert changed); tickets take replies and the statuses
//     OPEN, ANSWERED, WORKING, CLOSED and ON-HOLD; locking a user (status 2)
//     locks its API access.
//   - Reports: order counts by status, churn (cancellations) over 30 days,
//     wholesale spend and income by month, tickets by direction and status,
//     for the caller's account, an account under it, or a customer.
//
// Beyond the samples, answers carry what the reference describes without a
// sample: <error> in a FAILED order and a FAILED transaction, an order's
// <ProductComponents> (units reported) and <stacked_plans> (each with its
// stacked_plan_id), a customer's <notation> elements, a payment method's
// <transactions>, and the <orders>, <billing> and <discounts> of
// CloudAccount/Search. Order/Create and Discount/Create answers carry a
// trans_id, which their samples do not show.
//
// # Errors
//
// Every rule the reference states is enforced, with a message in the
// vendor's style (the one message the reference quotes, "A full dollar
// amount must be supplied for the discount price.", is the model): required
// parameters ("The account_number parameter is required."), Y/N flags
// ("Invalid show_var: it must be Y or N."), enumerations and numeric
// statuses ("Invalid type: valid options are DEBIT or CREDIT."), dollar
// amounts ("A full dollar amount must be supplied for the amount."),
// unknown or foreign ids ("Customer account 404 not found."), the day of a
// maintenance fee (1 to 28), ten-character names and subjects, and the
// state rules (customers with orders, credit without a payment method,
// unverified payment methods, swapping a variable that is not SWAPABLE,
// insufficient funds, …).
//
// # Faults
//
// InjectFault makes the server misbehave for a client's retry tests: an HTTP
// status with Retry-After, latency, a dropped connection, for every request
// or those whose path ends in a suffix, a number of times or until
// ClearFaults. A faulted request is recorded but never reaches the state.
//
// A typical test:
//
//	srv := telecloudtest.NewServer()
//	defer srv.Close()
//	c := srv.Client() // or point any client at srv.BaseURL() with DefaultAPIIDKey and DefaultAPIKey
//	// … call the API through c, then read the state back:
//	bal, _ := srv.Balance(telecloudtest.SeedVARAccount)
package telecloudtest
