// Package alianzatest is an in-memory Alianza Public API v2 (cloud voice)
// for tests and examples, in the style of net/http/httptest. It speaks the
// wire format, not Go: any client, in any language, can be pointed at it.
//
// It serves, under URL (every path starts with /v2), with the names, shapes
// and statuses of the vendor's OpenAPI spec:
//
//   - POST /v2/authorize (Login → LoginTokenX) and PUT /v2/authorize/logout;
//   - /v2/partition/{partitionId}/account: GET (list), POST (create, 200);
//     …/account/search?q= (GET, AccountViewX[]); …/account/{accountId}: GET
//     (with ?accountIdType=Id|AccountNumber|PhoneNumber|MacAddress), PUT,
//     PATCH, DELETE (200);
//   - …/account/{accountId}/user: GET, POST (200); …/user/{userId}: GET
//     (with ?idType=ID|UserName), PUT, PATCH, DELETE (204);
//   - …/account/{accountId}/deviceline: GET (with filterType and filter),
//     POST (201); …/deviceline/{deviceId}: GET, PUT, PATCH, DELETE (204).
//
// Any other path is answered 404 NotFound, a known path with another
// method 405 MethodNotAllowed (with Allow), both before authentication. Request bodies are JSON
// objects; fields the fake does not keep are accepted and dropped (see
// Account, User and DeviceLine for what it keeps).
//
// # Authentication
//
// Every server starts with one management user, DefaultUsername and
// DefaultPassword (WithCredentials changes them), in the partition
// DefaultPartitionID; WithUser adds users in other partitions. A login
// answers a random authToken, the user's userId and partitionId, userType
// "ManagementUser" and maxLifeInHours (the lifetime rounded up to whole
// hours). Every other call needs the token in X-AUTH-TOKEN: without one it
// is answered 401 MissingAuthToken; with one that is unknown, logged out,
// past its lifetime (WithTokenLifetime, one hour by default) or forced to
// expire by ExpireTokens, 401 ExpiredAuthToken. A wrong user name or
// password is 401 InvalidCredentials; the password is never echoed.
// LoginCount counts the logins that succeeded.
//
// A token is good for its own partition only: a path with another
// partitionId is answered 403 NotPermitted (the spec documents 404 for an
// unknown partition; the fake answers 403 so that a client pointed at the
// wrong partition cannot mistake it for "no such account").
//
// # Errors
//
// Three shapes, as in the spec:
//
//   - PublicApiException, for nearly everything: HTTP 400, 401, 403, 404
//     or 405 and a body such as
//     {"status":400,"messages":["InvalidBillingCycleDay"],"data":{}}. A
//     request that breaks several rules lists every broken rule's key, in
//     the order of the fields.
//   - ValidationErrorResponse, HTTP 400 and {"errors":["…"]}, for a body
//     that cannot be read as the schema: empty, not JSON, not an object, or
//     a field of the wrong JSON type ("billingCycleDay must be an
//     integer").
//   - ApiSingleException, HTTP 400 and
//     {"code":400,"message":"InvalidAccountIdType"}, for an account look-up
//     with an unknown accountIdType, the one 400 the spec gives that shape.
//
// ExpiredAuthToken, InvalidMacAddress and SipUsernameInUse are keys seen
// from the real server. Alianza does not document its other keys: every
// other Message constant is the fake's own choice, named in the same style
// (InvalidCredentials, MissingAuthToken, NotPermitted, AccountNotFound,
// AccountNumberInUse, …). A client should rely on the HTTP status and the
// three real keys; tests may compare any of them.
//
// # Accounts
//
// Create requires accountNumber (3–256 characters, unique in the
// partition: AccountNumberInUse), accountName (3–256), accountType (SIMPLE
// or ADVANCED), billingCycleDay (1–28; 0 reads as absent) and
// dialingBehaviorType (the spec's enum; the DIAL_NINE_* ones for ADVANCED
// accounts only). extensionLength (3–6), status (default ACTIVE),
// timeZone, platformType, regulatoryType, customField (3–256) and
// holdTimeoutSeconds (30–600) are checked when present. The spec also
// lists id, partitionId, extensionLength, inboundRatePlanProductId,
// regulatoryType, status and timeZone as required, which its own field
// descriptions contradict; the fake follows the descriptions and the
// integration guide. extensionLength is kept for any account but matters
// only for ADVANCED ones, whose users' extensions must have that many
// digits.
//
// id and partitionId are assigned by the server and never changed by a
// request, callingPlans are read-only (SeedAccount sets them), and
// endUserCount is the number of users. PUT replaces every editable field
// and is validated as a create, except that an absent status keeps the
// current one; PATCH is a JSON merge patch (RFC 7396) of the account,
// validated as a whole. DELETE removes the account with its users and
// device lines (the spec: deleted accounts are no longer retained). Search
// matches q, case-insensitively, in the account number and name, the users'
// e-mail addresses and the device lines' MAC addresses, and names what
// matched in matches; an empty q lists every account. Look-up by
// PhoneNumber finds nothing: the fake keeps no telephone numbers. Lists
// are in creation order.
//
// # Users
//
// Account users (the spec's EndUserV2X) take username, firstName,
// lastName, emailAddress (3–256 characters each; the address well formed),
// timeZone (required by the spec; the account's when absent), extension,
// endUserType, userProductPlan and languageTag. User names are unique over
// every account, case-insensitively (UsernameInUse). Only an ADVANCED
// account's users have extensions: digits, of the account's extensionLength
// (3–6 without one), unique in the account (ExtensionInUse); an extension on
// a SIMPLE account is InvalidExtension. Answers list the user's device
// lines as devices. Deleting a user deletes the device lines it owns.
//
// # Device lines
//
// A device line (DeviceX) needs userId, a user of the account
// (UserIdRequired, InvalidUserId). sipUsername is unique over every
// account of every partition, case-insensitively (SipUsernameInUse); when
// absent the fake assigns one ("sip" and seven digits). sipPassword is
// generated when absent and answered, like every field, by every GET.
// macAddress must be 12 hex digits, in either case, bare or with ':', '-'
// or '.' separators (InvalidMacAddress); it is stored and answered as 12
// lower-case digits without separators, lower case because the spec's
// device endpoints refuse a MAC address "not all lower case". Lines of one
// account may share a MAC address (the lines of one phone); a line of
// another account may not (MacAddressInUse: the spec says a MAC address in
// use elsewhere, even in another partition, is not acceptable). lineNumber
// (the spec requires it on POST and PUT) is assigned when absent: the
// lowest number not used by another line of the account on the same MAC
// address (lines without one count as one device); a number in use is
// LineNumberInUse. PUT replaces every editable field, except that an absent
// lineNumber, sipUsername or sipPassword keeps the current one; PATCH is a
// JSON merge patch.
//
// The list takes filterType and filter together (FilterRequired,
// FilterTypeRequired, InvalidFilterType): MAC_ADDRESS and
// MAC_ADDRESS_INVENTORY keep the lines with that MAC address (any
// spelling), OWNING_USERID those of that userId, REFERENCED_USERID those
// whose referenceId it is, ACCOUNT all of them when the filter is the
// account's id. Without a filter every line of the account is listed (the
// spec's "devices owned by the acting user only" is for end users; a
// management user owns none).
//
// # State, recording and faults
//
// Tests prepare and read state directly with SeedAccount, SeedUser,
// SeedDeviceLine (no validation beyond what would make the state
// inconsistent), Account, Accounts, Users and DeviceLines; generated ids are
// UUID-shaped and deterministic ("a0000000-0000-4000-8000-000000000001" is
// the first account). They check what a client sent with Requests and
// RequestCount, and exercise retries with InjectFault (an HTTP status with
// Retry-After, latency, a dropped connection), applied before routing and
// authentication.
//
// A typical test:
//
//	srv := alianzatest.NewServer()
//	defer srv.Close()
//	acct := srv.SeedAccount(alianzatest.Account{AccountNumber: "CUST-1001", AccountName: "Ada Lovelace",
//		AccountType: "SIMPLE", BillingCycleDay: 1, DialingBehaviorType: "TEN_DIGIT"})
//	// point the client under test at srv.URL with DefaultUsername and DefaultPassword …
//	lines := srv.DeviceLines(acct.ID)
package alianzatest
