// Package alianza is a client for the Alianza Public API v2 (cloud voice),
// for ISPs that keep their CRM and Alianza in step: create an account when a
// customer signs up, mirror the customer's status, and keep the SIP lines of
// the account in the CRM's own equipment provisioning.
//
//	c, err := alianza.New(alianza.Credentials{Username: user, Password: alianza.NewSecret(pass)}, alianza.WithBeta())
//	acct, err := c.Accounts.GetByNumber(ctx, "CUST-1001")
//	acct, changed, err := c.Accounts.EnsureStatus(ctx, acct.ID, customerIsCurrent)
//
// # Resources
//
//	Accounts      List, Search, Get, GetByNumber, Create, Update, Patch, Delete,
//	              History and CDRs (iterators), Report, EnsureStatus
//	Users         List, Get, Create, Update, Patch, Delete (an account's end users)
//	DeviceLines   List (with the spec's filters), ByMAC, Get, Create, Update, Patch, Delete,
//	              RegistrationStatus, SIPLines (the lines in the sync planner's shape)
//	Numbers       account numbers: List, Add, Get, Update, Patch, Remove; the partition's
//	              inventory: Search, Reserve, Release; StatusEvents (iterator)
//	CallingPlans  Get, Set, Remove, for the account or one of its users
//	ProductPlans  List (the user product plans available to an account)
//	Jobs          Get, Wait (the 202 job tracker), Start
//	ReferenceData DeviceTypes, DeviceType, TimeZones, Languages, CallingPlanProducts,
//	              InboundRatePlans, InboundRatePlan (the ids provisioning needs)
//
// # Generated calls
//
// Coverage: 417 of the 421 live operations of the vendor's OpenAPI spec
// are typed, 97 hand-written, 320 generated; the other 4 are UI-only SSO
// browser flows, excluded like the 50 deprecated operations. The
// polymorphic models (call handling, hunting, failover
// actions, IVR components, the device graph) are tagged unions: one
// pointer per variant, and Unknown, the JSON of a variant the package does
// not know, kept as sent. The calls that answer a file (CSV, audio,
// certificates) return a *File, and the multipart uploads take an
// UploadRequest (files.go). The ledger,
// internal/gen/config.yml, gives every operation's status and reason, and
// TestLedger holds this count to it.
//
// The generated calls (zz_*.gen.go, from go generate ./alianza) hang off
// Client as services of their own (SIPTrunks, VoicemailBoxes, Ports,
// Reports …) or beside the hand-written methods of an existing one
// (Numbers.Inventory, DeviceLines.ProvisioningStatus …). They go through
// the same call path as the rest: login, re-login, retries, errors,
// redaction; ids are checked before anything is sent. Their models take
// every field as optional (the spec's required lists are not trusted);
// booleans and numbers of request bodies are pointers, so that false and 0
// can be sent. A password, PIN, token or API secret is a Secret: REDACTED
// in every print, revealed only in the body of the request that sends it,
// and scrubbed from every error and log. A 202 answer is a *Job for
// Jobs.Wait, and the three paged searches are iterators.
//
// Searches that page with firstResultIndex/maxResult are iter.Seq2
// iterators that stop on a short or empty page, without a total.
//
// # CRM integration rules
//
// From the SIMPLer integration document:
//
//   - account status follows the customer: AccountStatusFor and StatusChange
//     say what it should be, Accounts.EnsureStatus writes only when it differs;
//   - the status report: Accounts.Report gathers number, name, status, type,
//     platform, product plans, billing day, calling plans and SIP lines: the
//     account first (a missing account ends it there), then its users and
//     device lines in two concurrent GETs, then whether each SIP line is
//     registered (one GET per line, a few at a time);
//   - SIP line sync: PlanSIPLineSync is a pure planner over the CRM's lines and
//     Alianza's, in the modes SyncFull (add, update, delete) and SyncAddOnly
//     (never delete); ApplySIPLineSync carries a plan out on the caller's
//     SIPLineStore.
//
// # Authentication
//
// The client logs in with POST /v2/authorize when a call first needs a token
// (production answers it 201, the spec gives no status: any 2xx is taken),
// and sends the token as X-AUTH-TOKEN. All goroutines share it: at most one
// login is in flight, and the others wait for it. A login creates nothing,
// so it is retried like a GET (see Safety): one 503 does not fail the calls
// waiting for it. When a call is refused with 401 (an expired or revoked
// token, as a PublicApiException with ExpiredAuthToken or as the gateway's
// {"message":"Unauthorized"}: both are seen in the field), the client logs
// in again, once, and retries that call once; however many calls were
// refused with the same token, there is one new login. The partition comes
// from the login answer unless WithPartition names one (a login answer
// whose partitionId could not stand in a path counts as none). Logout ends
// the session. SessionInfo says who the session's user is (without its
// token); ChangePassword changes that user's password, and the client then
// logs in with the new one. WithProduction (the default) and WithBeta select the
// vendor's hosts.
//
// # Errors
//
// Every failure is an *Error with the operation, the HTTP status and the
// messages of whichever error shape the server sent: PublicApiException
// {status, messages, data}, ValidationErrorResponse {errors}, or
// {code, message|description}; or a *ValidationError for input refused
// before sending. HTTPStatus is set whenever an answer arrived — also a
// redirect that was not followed and an answer too large or cut short — and
// is 0 when none did. RetryAfter is the server's Retry-After on a 429 or
// 503. Sentinels: ErrNotFound, ErrUnauthorized, ErrTokenExpired,
// ErrSIPUsernameInUse, ErrInvalidMAC, ErrValidation, ErrInvalidInput (bad
// input, nothing sent), ErrBadResponse (an answer that is not JSON or not
// the expected shape, one cut short, one over the cap, or a redirect that
// was not followed), ErrResponseTooLarge (an answer over the cap set with
// WithMaxResponseSize: raise it knowingly) and ErrJobFailed.
//
// # Validation
//
// Input is checked against the spec before anything is sent: account types
// and dialling behaviours from its enums, DIAL_NINE_* and extension length
// (3–6) for ADVANCED accounts only, billing cycle day 1–28, the required
// fields of a new account, time zones, platform and regulatory types.
//
// Refused before anything is sent, the login included, with a
// *ValidationError matching ErrInvalidInput: a nil context, on every call;
// an id that goes into a URL path (account, user, device line, job, device
// type and rate plan ids, account numbers, telephone numbers, the
// partition of WithPartition) when it is empty or blank, "." or "..", or
// holds a control character (NUL, CR, LF …) or invalid UTF-8; a path for
// Client.Do or Jobs.Start with such a segment (also percent-encoded). An id
// is sent as it is, escaped, and never altered.
//
// # Reference data
//
// Provisioning needs ids the caller cannot guess: a device line's
// deviceTypeId (ReferenceData.DeviceTypes; production refuses a line
// without one), a calling plan's product (ReferenceData.CallingPlanProducts),
// an account's inboundRatePlanProductId when it has toll-free numbers
// (ReferenceData.InboundRatePlans), a user's product plan
// (ProductPlans.List), languageTag (ReferenceData.Languages), and a time
// zone of the spec's 15 names (ReferenceData.TimeZones): "US/Central", not
// the "America/Chicago" a CRM keeps. SupportedTimeZone maps the canonical
// IANA name to the spec's, and a local refusal of a time zone names the one
// to use; a refusal of a missing device type, calling plan product or time
// zone names the call that lists the valid ones. Route plans
// (Account.RoutePlanID) have no list call in the spec.
//
// # Paging
//
// [NumbersService.StatusEvents], [AccountsService.History] and
// [AccountsService.CDRs] are iterators
// (iter.Seq2) over searches that page with firstResultIndex/maxResult.
// Nothing is sent until the iterator is used; on the first pull it resolves
// the partition (logging in when needed), then asks for PageSize results at
// a time from index 0. It stops after an empty page; once the results reach
// the answer's total when the answer has one (a server that returns fewer
// than PageSize per page does not end the walk early); without a total,
// after a page with fewer than PageSize results (so a total that is a
// multiple of PageSize costs one request for an empty page); on an error,
// which it yields once; and when the loop stops (break), without asking for
// another page. Invalid input is yielded as the one error
// ([ErrInvalidInput]).
// A page longer than PageSize (a server that ignores maxResult) is taken
// whole and the next request starts after it. Ranging over the iterator
// again starts again from index 0.
//
// # What is not confirmed
//
// From the spec and what was seen in the field, still to check against a real
// partition: the member name of the /v2/ref/timezones answer (the spec
// leaves it unnamed; every member is read); whether /v2/ref/devicetype
// needs its partitionid (the client sends it); the values of languageTag
// (the spec points at /v2/ref/language without showing one); and which
// 401s come in the gateway's form (both forms are handled alike).
//
// # Safety
//
// The password, the session token and the secrets a call sends (a device
// line's SIP password, a port's wireless PIN) never appear in an error,
// anywhere in its chain, or in a log line: every text taken from an answer
// is scrubbed of them before it is used or cut, in every spelling — as
// written, percent-encoded, backslash-escaped as JSON, PHP and Go write
// strings, as HTML/XML entities, any two of these layered, and the secret
// in base64 (standard and URL alphabets) — a secret of four bytes or more
// wherever it stands, a shorter one where it stands as a whole word. An
// error whose cause printed a secret keeps the cause's errors.Is matches
// but not the cause itself. Credentials, Secret and the types that hold one
// print REDACTED in every fmt verb, in slog's text and JSON handlers and
// through encoding/json; the client sends the values through its own
// encoding. Bodies are never logged.
//
// GET, PUT and DELETE, and the login, are retried per WithRetry (on 5xx
// except 501, 429 and a connection that failed after sending); POST and
// PATCH are re-sent only when the connection could not be made at all.
// Only GET and HEAD follow redirects: for any other method the redirect is
// the answer (an *Error with its status, matching ErrBadResponse). No
// request carries a Referer; a redirect that leaves the host (another host
// or port, or https to http) loses X-AUTH-TOKEN and is not followed when a
// secret would still travel in its URL. A success body over the cap is
// refused (ErrResponseTooLarge), before it is read when its Content-Length
// says so.
package alianza
