// Package octane is a client for Telcoinabox Octane's mobile data pool flow:
// create a pool, add consumer services to it, move services between pools,
// cap individual consumers, remove them, and disconnect empty pools.
//
// Octane serves the flow over two wire layers, and one Client speaks both:
// legacy SOAP 1.1 (credentials inside the body's <login> element, one
// namespace per service, JAX-WS answers) and a JSON REST API with Basic
// authentication. The base URLs of both are options; the defaults are the
// vendor's test environment (TestSOAPBaseURL, TestRESTBaseURL), since the
// vendor documents no production hosts. Two public clients use the SOAP
// root https://api-octane.telcoinabox.com.au/tiabwsv2 in production: an
// example, not a default (an account's roots come from Telcoinabox, and the
// production REST root is not public):
//
//	c, err := octane.New(octane.Credentials{Username: user, Password: octane.NewSecret(pass)},
//		octane.WithSOAPBaseURL("https://api-octane.telcoinabox.com.au/tiabwsv2"),
//		octane.WithRESTBaseURL(restURL))
//
// # The nine steps
//
// Each step of the vendor's flow is one typed call; Client.Pools runs them in
// order with the rules, the other services are the raw steps:
//
//	step  what                                   raw call                    layer  with the rules
//	1     create a data pool                     Orders.CreateDataPool       SOAP   Pools.Create
//	2     query the order: the pool's number     Orders.Query, Orders.Wait   SOAP   Pools.Create
//	      service number → line sequence number  Services.Detail             SOAP   Pools.Create, Pools.Lookup
//	3     pool details: the provider id          DataPools.Get               REST   Pools.Create, Pools.Lookup
//	4     add consumers (several in one call)    Orders.AddConsumers         SOAP   Pools.AddConsumers
//	5     transfer services to another pool      DataPools.Transfer          REST   Pools.Transfer
//	6     pool with consumers, usage, limits     DataPools.Get               REST   Pools.Get
//	      a service's data allowance and use     Services.Balance            SOAP
//	7     update consumer data limits            DataPools.SetDataLimits     REST   Pools.SetDataLimit
//	8     remove consumers                       Orders.RemoveConsumers      SOAP   Pools.RemoveConsumers
//	9     disconnect a pool                      DataPools.Disconnect        REST   Pools.Disconnect
//	      re-run a failed order                  Orders.Reset                SOAP
//
// # The rules
//
// Every change in Octane is an asynchronous order that takes minutes. The
// Pools calls wait for their orders ([OrdersService.Wait]: polling with backoff per
// WithPollInterval, bounded by the context) and return each order id for
// audit. By default an order is queried at once and then at most once every
// 30 minutes, as the vendor's flow page asks of integrators polling an order
// to completion, so a Pools call whose order is not done at the first look
// returns after half an hour at the earliest; polling faster is an explicit
// choice ([WithPollInterval] for the client, [WaitOptions] for one
// [OrdersService.Wait]). They also enforce the flow's business rules
// before sending:
//
//   - Pools.Create returns only when the pool's service number, line sequence
//     number and provider id are known;
//   - a data limit can be raised or lowered but never removed: a zero or
//     negative limit is refused locally (ErrLimitRequired, ErrInvalidInput);
//   - a pool with consumers cannot be disconnected: Pools.Disconnect checks
//     first (ErrPoolNotEmpty);
//   - a transfer's target pool must exist: Pools.Transfer checks first
//     (ErrUnknownPool);
//   - a consumer must be on a data pool consumer plan (only the server can
//     check this; its refusal comes back per service).
//
// Sizes such as "100 GB" are Size values in bytes (binary units; GB and MB
// build them). Statuses are PoolStatus and OrderStatus constants.
//
// # Desired state: plan, apply, mirror
//
// A billing system that knows which services belong in a pool, and their
// limits, states it in a PoolReconcileRequest and lets the package work out
// the orders:
//
//   - [PoolsService.Plan] reads the pool once and returns a PoolPlan: its
//     Actions, in the order they will be made (the missing consumers added
//     in one call, the limits set in one call, the extra consumers removed
//     in one call, the pool disconnected last), and the Checks it verified
//     by reading. It writes nothing. It refuses, before any write, what the
//     flow forbids: a consumer that has a limit wanted without one
//     (ErrLimitRequired; a limit is changed, never removed), Disconnect
//     with consumers, a duplicate or malformed service number;
//   - [PoolsService.Apply] makes a plan's actions and stops at the first
//     failure, returning the actions that took effect;
//   - [PoolsService.Reconcile] is both; on a pool already as wanted it
//     reads once and writes nothing;
//   - [PoolsService.Mirror] does many pools: each read once, a few at a
//     time (MirrorOptions.Concurrency), paced by a rate.Limiter, with a
//     dry run that returns every plan and writes nothing, progress, and a
//     MirrorReport with one result per pool and the counts of actions,
//     reads and writes. A second run with the same input writes nothing.
//
// A consumer is compared with the pool's read: one OPTED-OUT counts as
// absent, one OPTED-OUT PENDING as leaving (a plan that wants it is refused
// until its order is done), one OPTED-IN PENDING as present. A limit is
// compared in bytes with the size the server writes, so a limit the server
// rounds in its answer would be sent again on every run.
//
// # Errors
//
// Every failure of a call is an *Error naming the layer (SOAP or REST), the
// operation, Octane's errorCode and message, the SOAP faultcode, the HTTP
// status and the order id where there is one; the waits and rules of
// [OrdersService.Wait] and the Pools calls have errors of their own (no layer) that
// wrap the call's. Octane documents no error codes, so the sentinels
// ErrAuthFailed, ErrUnknownOrder, ErrUnknownService, ErrUnknownPool,
// ErrPoolNotEmpty and ErrLimitRequired are recognised from the status, the
// Fault and the message as [Error.Is] describes; ErrFault matches any SOAP
// Fault. ErrBadResponse matches an answer that could not be understood (an
// HTML page, XML or JSON that does not decode, a Fault without text) or
// used: cut short, over the size cap, or a redirect that was not followed.
// ErrResponseTooLarge matches an answer over the cap set with
// WithMaxResponseSize (32 MiB by default): raise it knowingly.
//
// Error.HTTPStatus is the status of the answer whenever one arrived, the
// unusable ones included (a redirect, a body cut short or over the cap);
// 0 means no answer arrived. Error.RetryAfter is the server's Retry-After
// on a 429 or 503: an order is not sent again, and its error says when to
// try; [OrdersService.Wait] waits at least that long before its next poll.
//
// Refused before anything is sent, with a *ValidationError matching
// ErrInvalidInput: a nil context, in every call; an identifier (customer,
// service, order, pool, provider, plan or line sequence number) that is
// empty or blank, "." or "..", not UTF-8, or holds a control character
// (NUL, CR, LF, tab …) or a character XML cannot carry; the same service
// twice in one call; a data limit of zero or less (ErrLimitRequired); a raw
// call's path that does not start with '/', holds a "." or ".." segment
// (escaped or not), '?', '#', a space or a control character; a raw
// call's method, SOAP operation or namespace that is not one. An
// identifier is sent as given or refused, never altered, and the error does
// not quote it. The flow's rules (ErrPoolNotEmpty, ErrUnknownPool) are
// checked by reading first, as Pools describes.
//
// # Safety
//
// The password travels inside SOAP bodies (<login>) and, base64-encoded,
// in the REST Authorization header (the Basic token). The password and the
// token, and the values of the secret fields a raw call sends (a JSON key
// or XML element named like password, newPassword, pin, token, secret or
// apiKey), are removed from the text of every
// error (Error, Message, Body, FaultCode and OrderID; every error of the
// unwrap chain; every fmt verb) and from the debug log lines, in every
// spelling the shared scrubber knows: as written; percent-encoded (either
// case of hex, '+' for a space); backslash-escaped as JSON, PHP and Go write
// strings; as HTML and XML entities (named, decimal, hex); any two of
// these layered; and base64, standard or URL alphabet, at any alignment,
// for secrets of six bytes or more. A secret of four bytes or more is
// removed wherever it stands; a shorter one only where it stands as a whole
// word. Text is scrubbed whole, then cut: an excerpt of an answer (256
// bytes) or a decoding cause never holds the piece of a secret the cut
// left. Bodies are never logged. Credentials print their password as
// REDACTED in every fmt verb, in slog and in JSON (the Secret type); the
// Client prints without it.
//
// Redirects: only a GET (DataPools.Get, Pools.Get and the reads of the other
// Pools calls, a DoREST GET) follows one; every SOAP call and every REST
// POST gets the redirect as its answer, an *Error with the 3xx status that
// matches ErrBadResponse, so an order is never re-sent elsewhere nor
// reported done by another URL. No request carries a Referer. A redirect
// that leaves the host (another host or port, or https to http) drops the
// Authorization header, and one that would still carry a credential there
// is not followed.
//
// Orders (orderCreate, orderCreateBulk, orderReset) and REST POSTs are
// never re-sent after they may have reached the server; queries
// (orderQuery, getServiceDetail, queryBalanceV3, the REST GET) are retried
// per WithRetry.
//
// # Wire assumptions
//
// The vendor's endpoint pages were not available. The source file wire.go
// holds every element, path and key name, each marked [doc] (vendor documentation),
// [vendor page] (its flow pages), [field] (what a public third-party
// integration sends), [field: 2 clients] (seen in two or more of them),
// [field: 1 client] or [guess].
//
// Confirmed by two or more public clients: the namespaces and service
// paths; step 1's item and its children's order; errorCode as an integer,
// 0 = OK; orderQuery's request and answer (orderId, internalStatus, action,
// createdOn, planName, the pool's msn) and its statuses PENDING, IN_PROG,
// COMMITTED, SUCCESS (done, like COMMITTED), FAILED, REJECTED;
// getServiceDetail; the pool GET's provider fields; the transfer, limit
// (dataLimit in bytes, n GB sent as n × 1024³) and disconnect bodies and
// answers; REST Basic authentication. Seen in one client: <password> before
// <userName> in <login> (WSDL-generated templates); orderCreateBulk's
// answer without <return> (both shapes are read); queryBalanceV3.
//
// What a user with WSDL access ({soapBase}/UtbOrder?wsdl) should check
// first, still unconfirmed:
//
//   - where orderCreateBulk's ordersCreateResponse sits (directly in the
//     response, as one client reads it, or in <return>), and whether a
//     refusal of the whole call has a top-level errorCode;
//   - the failed order's text (statusMessage, a guess);
//   - step 8: WME_OPT_OUT_CONSUMER through orderCreateBulk with only a
//     serviceNumber, and whether it takes the custReqDate sent (low
//     confidence: the one template has none and never ran as written; the
//     flow document calls step 8 REST);
//   - step 6: the consumer list of GET /v1/datapool ("consumers" with
//     serviceNumber, lineSeqNo, dataPoolStatus, dataLimit, dataUsage:
//     guesses), and how queryBalanceV3's allowanceFmt and usedFmt are
//     written (read as bytes when bare integers, or as sizes with units);
//   - the units of the sizes Octane writes ("100 GB": binary is assumed);
//   - custReqDate's format per order type (YYYY-MM-DD is sent; a plan
//     change was seen with DD-MM-YYYY);
//   - how the SOAP services report a refused login (a Fault is assumed),
//     the SOAPAction value (sent empty) and non-200 REST bodies.
//
// [Client.CallSOAP] and [Client.DoREST] reach anything the typed layer does not cover, so a
// wrong guess never blocks a user. The in-memory fake in package octanetest
// implements the same wire and rules for tests and demos.
package octane
