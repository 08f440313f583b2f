// Package baicells is a client for the Baicells BOSS API (CloudCore and local
// OMC+BOSS), which manages the subscribers of an LTE fixed-wireless network:
// service plans, subscribers, their IMSIs, activation, speed and data usage.
//
// It covers the 25 operations of the BOSS API Manual v1.6:
//
//	manual  call                                   wire
//	2.1.1   Subscribers.QueryByIMSI                POST customers/query
//	2.1.2   Subscribers.Create                     POST customers/create
//	2.1.3   Subscribers.BindPlan                   POST customers/bindservice
//	2.1.4   Subscribers.BindIMSI                   POST customers/bindimsi
//	2.1.5   Subscribers.UnbindIMSI                 POST customers/unbindimsi
//	2.1.6   Subscribers.Activate                   POST customers/activate
//	2.1.7   Subscribers.Deactivate                 POST customers/deactivate
//	2.1.8   Subscribers.ChangePlan                 POST customers/update
//	2.1.9   Subscribers.ChangeSpeed                POST customers/updateuplink
//	2.1.10  Subscribers.BulkActivate               POST customers/bulkactivate
//	2.1.11  Subscribers.BulkDeactivate             POST customers/bulkdeactivate
//	2.1.12  Subscribers.Get                        POST customers/querybyid
//	2.1.13  Subscribers.BindAPN                    POST customers/bindapnip      (local OMC+BOSS)
//	2.1.14  Subscribers.RemoveAPN                  POST customers/removeapnip    (local OMC+BOSS)
//	2.1.15  Subscribers.Modify                     POST customers/modify
//	2.1.16  Subscribers.Delete                     POST customers/delete
//	2.1.17  Subscribers.BulkCreate                 POST customers/bulkcreate
//	2.2.1   Plans.Create                           POST products/create
//	2.2.2   Plans.Modify                           POST products/modify
//	2.2.3   Plans.ListByUplink                     GET  products/querybyuplink/{uplink}
//	2.2.4   Plans.ListByDownlink                   GET  products/querybydownlink/{downlink}
//	2.2.5   Plans.ListBySpeed                      GET  products/querybylink/{uplink}/{downlink}
//	2.2.6   Plans.List                             GET  products/queryallplans
//	2.3.1   Usage.Hourly                           POST usage/querybyhour        (local OMC+BOSS)
//	2.3.2   Usage.CDRs                             POST usage/querycdr           (local OMC+BOSS)
//
// On top of them, [SubscribersService.Reconcile] brings one subscriber to a desired
// state with the fewest valid calls (the Powercode integration's action
// table), and [PlansService.Ensure] does the same for a service plan.
// [Client.Do] sends anything the typed layer does not cover.
//
// # Plan, apply, mirror
//
// Desired-state sync comes in three layers. [SubscribersService.Plan] only
// reads: the subscriber, the owner of the IMSI it should get (customers/query)
// and the plan list when a plan is bound or changed. It returns a
// [SubscriberPlan]: the calls to make in order, and the preconditions it
// checked ("IMSI 3119…0101 free"). A change that cannot succeed is refused
// there, with the *Error the server would have answered (CodeIMSIInUse,
// CodePlanNotFound), before anything is written: reconciling one half of a
// CPE swap no longer deactivates and unbinds a customer only to fail on the
// other customer's IMSI. [SubscribersService.Apply] makes the plan's calls and
// stops at the first failure, which can then only mean BOSS changed since the
// plan; a subscriber the plan had already deactivated (an IMSI change) gets
// its old IMSI and its service back, so a change that became impossible
// leaves the customer online. Reconcile is Plan then Apply; Mirror restores
// the same way.
//
// [SubscribersService.Mirror] does the same for a whole population, such as
// a billing export: BOSS has no list call, so it reads each subscriber once,
// with bounded concurrency and an optional [rate.Limiter]; it knows which
// IMSIs and plans the population holds from those reads and queries only the
// rest: the owner of an IMSI an existing subscriber is to move to (that read
// keeps the subscriber online), and the plan list once if a wanted plan is
// bound to no subscriber read. A new customer's IMSI is not queried: bulk
// create refuses a taken IMSI for that record alone and creates nothing, so
// importing N new customers costs N reads (and the plan list) plus the
// writes. It allows an IMSI that another subscriber of the same run gives up,
// so swaps work, and orders the calls across subscribers so that IMSIs are
// freed before they are bound. It uses the bulk calls where it can (bulk
// deactivate, BulkCreate grouped by plan, bulk activate) and single calls for
// the rest. [MirrorOptions] has DryRun, Concurrency, Limiter and Progress;
// the [MirrorReport] has one [MirrorResult] per record, the action counts and
// the calls sent. Run twice with the same input, the second run only reads.
//
// # No waiting
//
// Every BOSS operation completes within its call: the answer reports the
// result, and none of them starts work that finishes later. So, unlike the
// other ispkit packages, baicells has no Wait method, no WaitOptions and no
// poll interval option.
//
// # Errors
//
// Every failure is a [*Error] carrying the operation, the HTTP status, the
// result code, the server's message and the request's session_id (its
// RequestID). A
// result_code other than "200" is a failure even on HTTP 200. The 58 codes of
// the manual's Table 1-1 are ResultCode constants (CodeIMSIInUse …) and are
// errors themselves, and the common conditions have sentinels, so both forms
// work with errors.Is:
//
//	if errors.Is(err, baicells.ErrSubscriberNotFound) { … }
//	if errors.Is(err, baicells.CodeDeactivateBeforeUnbind) { … }
//
// HTTPStatus is set whenever an answer arrived, also when it could not be
// used; 0 means none did (the connection failed, the context ended).
// ErrBadResponse matches an answer without a result code that could not be
// understood (not JSON, an HTML page, a result_code that is not a number) or
// used: a body cut short, one over the cap, and a redirect. ErrResponseTooLarge
// matches a success body over the cap set with WithMaxResponseSize (default
// 32 MiB): raise the cap knowingly. RetryAfter carries the server's
// Retry-After of a 429 or 503, so that a call that was not sent again says
// when to try.
//
// Refused before anything is sent, with a [*ValidationError] matching
// ErrInvalidInput: a nil context, on every call; an id (sub_id, plan id, APN
// name) that is empty or blank, "." or "..", not valid
// UTF-8 or holds a control character (NUL, CR, LF …); a blank plan name; free
// text (a profile's fields, plan comments) that is not valid UTF-8, which the
// JSON encoder would otherwise alter (ids and text are never altered); an
// IMSI that is not 6–15 digits; a negative speed; more than 16 static IPs;
// an inverted time range; a Client.Do path that does not start with '/' or
// holds a "." or ".." segment, a control character or invalid UTF-8. In a
// bulk call the same checks refuse a record alone: it is reported in Failed
// with its *ValidationError and the valid records are still sent.
//
// # Secrets
//
// The cloud key, the password and the Authorization token never appear in
// an error, in the debug log lines of WithLogger or in fmt and slog output,
// and neither do the values of the secret fields of a Client.Do body
// ("password", "token", "secret", "pin" …). Every text taken from the
// server (a message, a result_code, a session_id, an excerpt of a body, a
// bulk record's code and message) is scrubbed before it is cut. A secret is found
// as written, percent-encoded (upper- or lower-case hex, '+' for a space),
// escaped as JSON, PHP and Go write strings, escaped as HTML and XML write
// text (named and numeric entities), under two of these layered, and in
// base64 (standard and URL alphabets, at any alignment, for secrets of six
// bytes or more). A secret of four bytes or more is removed wherever it
// stands; a shorter one where it stands as a whole word. Credentials and
// Secret print as REDACTED in every fmt verb, in slog's handlers and in JSON.
//
// # Batches and windows
//
// BulkCreate, BulkActivate and BulkDeactivate take any number of records,
// send them in calls of at most 200 with bounded concurrency and merge the
// answers: every record is reported, in input order, as done or failed
// ([BulkFailure]), and a failed record's Err is never nil. A record that
// fails the local checks (a sub_id refused by [ValidateSubID], a BulkCreate
// IMSI refused by [ValidateIMSI]: both are required, or a repeat of an
// earlier record's sub_id or IMSI) is not sent and fails with a
// [*ValidationError]; the other records are still sent. A record the server
// fails, alone or with its whole call, carries an [*Error] with its code,
// matching the code's sentinel under errors.Is. A nil context or bad
// [BulkOptions] is an error and nothing is sent. The usage queries take any
// time range and walk it in windows of at most 31 days (hourly) or 7 days
// (CDR) as an iter.Seq2.
//
// # Retries and redirects
//
// Queries (QueryByIMSI, Get, the plan and usage queries) and the calls that
// set a state (Activate, Deactivate, the bulk forms of both, ChangePlan,
// ChangeSpeed, Modify, Plans.Modify) are retried after 429, 5xx other than
// 501 and connection failures; Create, BulkCreate, the binds, unbinds and
// Delete are retried only when the connection was never made, so they are
// never applied twice. Retry-After is honoured up to a cap, and the context's
// deadline bounds all attempts together.
//
// Only the GET queries (the plan lists, Client.Do with GET) follow a
// redirect. Every other call gets the redirect as its answer: a *Error with
// the 3xx HTTPStatus matching ErrBadResponse, so that a write is never
// re-sent as a read nor reported done by another URL. No request carries a
// Referer; a redirect to another host, another port or from https to http
// drops the cloud_key and Authorization headers.
//
// # Credentials and session ids
//
// Every request carries the cloud_key header and an Authorization header with
// the base64 of "username:password", bare as the manual shows (default) or
// with the standard "Basic " prefix (WithAuthScheme). Some local OMC+BOSS
// installs are called with neither header (a public PHP snippet does so):
// WithoutAuthHeaders omits both, never by default, and then New needs no
// credentials. Such requests authenticate nothing; see the option for the
// risk. Each request gets a unique numeric session_id; [WithSessionID] sets one
// for the calls of a context. A failed call's session_id is its
// [Error.RequestID].
//
// # Assumptions about the wire format
//
// The manual is incomplete in places; every wire detail lives in one file of
// this package (wire.go) so that a correction is one line. Assumed: the ip_addr of BindAPN carries
// several addresses comma-separated (error 4601 implies a list); times are in
// UTC unless WithLocation says otherwise (the manual names no zone); a usage
// interval includes both its ends; the bulk activate/deactivate limit is 200
// like bulk create (4012 gives no number); apn_info_list may arrive as an
// array (as in the example) or as a string holding one (as the table says);
// an answer on HTTP 200 without result_code (bulk create's example) is a
// success. Modify sends only the non-empty profile fields. That some local
// installs accept requests without cloud_key and Authorization rests on one
// public snippet, not on the manual (WithoutAuthHeaders).
//
// The package [github.com/ispkit/ispkit/baicells/baicellstest] is an
// in-memory BOSS for tests and demos; its Server.Client method returns a
// client pointed at it.
package baicells
