// Package alianza is a client for the Alianza Public API v2 (cloud voice),
// for ISPs that keep their CRM and Alianza in step: create an account when a
// customer signs up, mirror the customer's status, and keep the SIP lines of
// the account in the CRM's own equipment provisioning.
//
//	c, err := alianza.New(alianza.Credentials{Username: user, Password: pass}, alianza.WithBeta())
//	acct, err := c.Accounts.GetByNumber(ctx, "CUST-1001")
//	acct, changed, err := c.Accounts.EnsureStatus(ctx, acct.ID, customerIsCurrent)
//
// # Resources
//
//	Accounts      List, Search, Get, GetByNumber, Create, Update, Patch, Delete,
//	              History and CDRs (iterators), Report, EnsureStatus
//	Users         List, Get, Create, Update, Delete (an account's end users)
//	DeviceLines   List (with the spec's filters), ByMAC, Get, Create, Update, Delete,
//	              RegistrationStatus, SIPLines (the lines in the sync planner's shape)
//	Numbers       account numbers: List, Add, Get, Update, Remove; the partition's
//	              inventory: Search, Reserve, Release; StatusEvents (iterator)
//	CallingPlans  Get, Set, Remove, for the account or one of its users
//	ProductPlans  List (the user product plans available to an account)
//	Jobs          Get, Wait (the 202 job tracker), Start
//	ReferenceData DeviceTypes, DeviceType, TimeZones, Languages, CallingPlanProducts,
//	              InboundRatePlans, InboundRatePlan (the ids provisioning needs)
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
//     platform, product plans, billing day, calling plans and SIP lines in
//     three concurrent GETs, then whether each SIP line is registered (one
//     GET per line, a few at a time);
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
// login is in flight, and the others wait for it. When a call is refused
// with 401 (an expired or revoked token, as a PublicApiException with
// ExpiredAuthToken or as the gateway's {"message":"Unauthorized"}: both are
// seen in the field), the client logs in again, once,
// and retries that call once; however many calls were refused with the same
// token, there is one new login. The partition comes from the login answer
// unless WithPartition names one. Logout ends the session. WithProduction
// (the default) and WithBeta select the vendor's hosts.
//
// # Errors
//
// Every failure is an *Error with the operation, the HTTP status and the
// messages of whichever error shape the server sent: PublicApiException
// {status, messages, data}, ValidationErrorResponse {errors}, or
// {code, message|description}. Sentinels: ErrNotFound, ErrUnauthorized,
// ErrTokenExpired, ErrSIPUsernameInUse, ErrInvalidMAC, ErrValidation,
// ErrInvalidInput (bad input, nothing sent) and ErrBadResponse.
//
// # Validation
//
// Input is checked against the spec before anything is sent: account types
// and dialling behaviours from its enums, DIAL_NINE_* and extension length
// (3–6) for ADVANCED accounts only, billing cycle day 1–28, the required
// fields of a new account, time zones, platform and regulatory types.
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
// # What is not confirmed
//
// From the spec and the field notes, still to check against a real
// partition: the member name of the /v2/ref/timezones answer (the spec
// leaves it unnamed; every member is read); whether /v2/ref/devicetype
// needs its partitionid (the client sends it); the values of languageTag
// (the spec points at /v2/ref/language without showing one); and which
// 401s come in the gateway's form (both forms are handled alike).
//
// # Safety
//
// The password and the token never appear in logs, errors or fmt output.
// GET, PUT and DELETE are retried per WithRetry; POST and PATCH are re-sent
// only when the connection could not be made at all.
package alianza
