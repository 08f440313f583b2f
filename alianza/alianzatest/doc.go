// Package alianzatest is an in-memory Alianza Public API v2 (cloud voice)
// for tests and examples, in the style of net/http/httptest. It speaks the
// wire format, not Go: any client, in any language, can be pointed at it.
// [Server.BaseURL] is what to give alianza.WithBaseURL, and [Server.Client]
// returns an alianza.Client already pointed at the server and logged in as
// the default user (that method is the package's only use of the SDK).
// [Server.InjectFault] makes the server misbehave for the requests whose
// path ends in [Fault].Path.
//
// It serves, under URL (every path starts with /v2), with the names, shapes
// and statuses of the vendor's OpenAPI spec:
//
//   - POST /v2/authorize (Login → LoginTokenX, 201) and PUT
//     /v2/authorize/logout;
//   - /v2/partition/{partitionId}/account: GET (list), POST (create, 200);
//     …/account/search?q= (GET, AccountViewX[]); …/account/{accountId}: GET
//     (with ?accountIdType=Id|AccountNumber|PhoneNumber|MacAddress), PUT,
//     PATCH, DELETE (200);
//   - …/account/{accountId}/user: GET, POST (200); …/user/{userId}: GET
//     (with ?idType=ID|UserName), PUT, PATCH, DELETE (204);
//   - …/account/{accountId}/deviceline: GET (with filterType and filter),
//     POST (201); …/deviceline/{deviceId}: GET, PUT, PATCH, DELETE (204);
//     …/deviceline/{deviceId}/registrationstatus: GET ({registered});
//   - …/account/{accountId}/telephonenumber: GET (with limitedData), POST
//     (200, an activation or a port); …/telephonenumber/{tn}: GET, PUT,
//     PATCH, DELETE (204);
//   - …/account/{accountId}/callingplan: GET (with referenceType and
//     referenceId), PUT (addPlan), DELETE (removePlan, with a body);
//   - …/account/{accountId}/user-product-plans: GET;
//   - …/account/{accountId}/accounthistorysearch and …/cdrsearch: GET,
//     paged;
//   - /v2/partition/{partitionId}/telephonenumber/search: GET (the
//     inventory); …/telephonenumber/statussearch: GET, paged;
//     …/telephonenumber/{tn}/reserve: PUT, DELETE (204);
//     …/telephonenumber/export_2: GET, 202 and a Job;
//   - /v2/job/{jobId}: GET; /v2/job/{jobId}/output: GET (text/csv);
//   - the reference data: /v2/ref/devicetype (with partitionid) and
//     /v2/ref/devicetype/{id}, /v2/ref/timezones, /v2/ref/language,
//     /v2/partition/{partitionId}/callingplanproduct (with
//     includeArchived), …/inboundrateplanproduct and
//     …/inboundrateplanproduct/{ratePlanId}: GET.
//
// It also serves every operation the SDK's generator types (the list is
// GeneratedRoutes), from a generic in-memory store behind the same login,
// partition check, faults and recording: POST to a collection creates an
// object with a new id, GET reads one or lists a collection's (the paged
// searches with firstResultIndex and maxResult), PUT replaces and PATCH
// merges (404 NotFound for an object never stored), DELETE removes (404 the
// second time), a 202 call starts a job, and any other call (a check, an
// action) answers an empty value of its answer's shape. The store keeps
// what it is sent, and checks that a body is JSON and keeps the rules the
// spec's schemas state for its fields, at any depth: an enum's values, a
// string's length, a number's range (400 naming the field, nothing
// stored). Rules the spec states only in prose (what must exist first) it
// does not know. A test seeds and inspects it with SetObject, Object
// and ObjectCount, and scripts the answer of any generated call with
// ScriptAnswer.
//
// Any other path is answered 404 NotFound, a known path with another
// method 405 MethodNotAllowed (with Allow), both before authentication. Request bodies are JSON
// objects; fields the fake does not keep are accepted and dropped (see
// Account, User and DeviceLine for what it keeps).
//
// # Authentication
//
// Every server starts with one management user, DefaultUsername and
// DefaultPassword, in the partition DefaultPartitionID; WithCredentials
// adds users, in that partition or others. A login
// answers a random authToken, the user's userId and partitionId, userType
// "ManagementUser" and maxLifeInHours (the lifetime rounded up to whole
// hours), with HTTP 201, the status production answers (seen in the field;
// the spec gives none). Every other
// call needs the token in X-AUTH-TOKEN: without one it
// is answered 401 MissingAuthToken; with one that is unknown, logged out,
// past its lifetime (WithTokenLifetime, one hour by default) or forced to
// expire by ExpireTokens, 401 ExpiredAuthToken. A wrong user name or
// password is 401 InvalidCredentials; the password is never echoed.
// LoginCount counts the logins that succeeded. With WithGatewayUnauthorized
// every 401 is answered {"message":"Unauthorized"} instead, the form a 401
// takes when the gateway in front of Alianza answers it (seen in the field).
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
// AccountNumberInUse, …). That includes every key of the numbers, calling
// plans, jobs and searches below (TelephoneNumberReserved,
// TelephoneNumberInUse, TelephoneNumberActivationPending,
// InvalidSearchTerm, CallingPlanNotFound, JobNotFound,
// InvalidFirstResultIndex, …): their statuses follow the spec, their names
// are invented. A client should rely on the HTTP status and the three real
// keys; tests may compare any of them.
//
// A key refusing a value that comes from reference data is followed, in
// messages, by a sentence naming the valid values or the call that lists
// them (the fake's own, to help a client's user): InvalidTimeZone and
// TimeZoneRequired (the spec's 15 zones, GET /v2/ref/timezones),
// InvalidLanguageTag (GET /v2/ref/language), DeviceTypeIdRequired,
// InvalidDeviceTypeId and MacAddressRequired (GET /v2/ref/devicetype),
// CallingPlanReferenceIdRequired and InvalidCallingPlanProductId
// (…/callingplanproduct), InvalidInboundRatePlanProductId
// (…/inboundrateplanproduct) and InvalidUserProductPlan
// (…/user-product-plans), e.g.
// {"status":400,"messages":["InvalidDeviceTypeId","deviceTypeId must be the
// id of a device type: GET /v2/ref/devicetype lists them"],"data":{}}.
//
// # Reference data
//
// The device type catalog is DefaultDeviceTypes (SeedDeviceType adds
// more): SIP_4_Port_MTA, an id seen against production, and four of the
// fake's own in its style (Polycom_VVX_450, Yealink_T54W, Obihai_OBi202,
// and Generic_SIP_Line, the only one that needs no MAC address). The time
// zones are the spec's 15, answered as {"timeZones":[…]} (the spec leaves
// the member unnamed); the languages en-US, es-US, en-CA and fr-CA; the
// calling plan products the catalog of DefaultCallingPlanProducts, fewest
// minutes first, CallingPlanProduct500 the default; the inbound rate plans
// DefaultInboundRatePlans in every partition. An unknown device type or
// inbound rate plan id is 404 DeviceTypeNotFound or
// InboundRatePlanNotFound.
//
// # Accounts
//
// Create requires accountNumber (3–256 characters, unique in the
// partition: AccountNumberInUse), accountName (3–256), accountType (SIMPLE
// or ADVANCED), billingCycleDay (1–28; 0 reads as absent) and
// dialingBehaviorType (the spec's enum; the DIAL_NINE_* ones for ADVANCED
// accounts only). extensionLength (3–6), status (default ACTIVE),
// timeZone, platformType, regulatoryType, customField (3–256),
// holdTimeoutSeconds (30–600), languageTag (GET /v2/ref/language) and
// inboundRatePlanProductId (…/inboundrateplanproduct) are checked when
// present. The spec also
// lists id, partitionId, extensionLength, inboundRatePlanProductId,
// regulatoryType, status and timeZone as required, which its own field
// descriptions contradict; the fake follows the descriptions and the
// integration guide. extensionLength is kept for any account but matters
// only for ADVANCED ones, whose users' extensions must have that many
// digits.
//
// id and partitionId are assigned by the server and never changed by a
// request, callingPlans change only through …/callingplan (or SeedAccount),
// and endUserCount is the number of users. PUT replaces every editable field
// and is validated as a create, except that an absent status keeps the
// current one; PATCH is a JSON merge patch (RFC 7396) of the account,
// validated as a whole. DELETE removes the account with its users and
// device lines (the spec: deleted accounts are no longer retained), and
// returns its telephone numbers to the inventory. Search
// matches q, case-insensitively, in the account number and name, the users'
// e-mail addresses and the device lines' MAC addresses, and names what
// matched in matches; an empty q lists every account. Look-up by
// PhoneNumber finds the account that has the number. Lists are in creation
// order.
//
// # Users
//
// Account users (the spec's EndUserV2X) take username, firstName,
// lastName, emailAddress (3–256 characters each; the address well formed),
// timeZone (required by the spec; the account's when absent), extension,
// endUserType, userProductPlan and languageTag (one of GET
// /v2/ref/language). User names are unique over
// every account, case-insensitively (UsernameInUse). Only an ADVANCED
// account's users have extensions: digits, of the account's extensionLength
// (3–6 without one), unique in the account (ExtensionInUse); an extension on
// a SIMPLE account is InvalidExtension. Answers list the user's device
// lines as devices. Deleting a user deletes the device lines it owns and
// its calling plans, and routes the numbers that went to it nowhere.
//
// # Device lines
//
// A device line (DeviceX) needs userId, a user of the account
// (UserIdRequired, InvalidUserId), and deviceTypeId, a device type of the
// catalog (DeviceTypeIdRequired, InvalidDeviceTypeId: the spec requires it,
// and production refuses a line without one), with a macAddress when the
// type's macAddressRequired is set (MacAddressRequired); PUT and PATCH keep
// the current type when none is sent, and check a new one. SeedDeviceLine
// does not check the type. sipUsername is unique over every
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
// lineNumber, sipUsername, sipPassword or deviceTypeId keeps the current
// one; PATCH is a JSON merge patch.
//
// A line's device is not registered until SetRegistered says so: GET
// …/registrationstatus answers {"registered":false} for a new line.
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
// # Telephone numbers
//
// Telephone numbers are bare digits, 10 to 15 of them after an optional
// '+' (InvalidTelephoneNumber otherwise); ten digits are a NANP number
// without its country code and get the 1 the spec assumes, in paths,
// queries and bodies alike. A number is in at most one place: a
// partition's inventory, or one account of any partition.
//
// The inventory is seeded (SeedNumbers, SeedInventoryNumber; the fake does
// not serve the inventory's own create and import). The search
// (…/telephonenumber/search) answers TelephoneNumberViewX, with the number
// as its id, for the numbers of the path's partition of functiontype (ELS
// by default) and carrierId (when given) that match q by type: TN, the
// numbers that start with q's digits; POSTALCODE, those of that postal code
// (matchesZip; the fake knows no nearby codes); POSTALCODE_OR_TN (the
// default), TN for ten digits or more, POSTALCODE otherwise; RATECENTER and
// RATECENTER_CARRIER, those of that rate center, or rate center and state
// ("ALBANY.NY"), case-insensitively; LAT_LONG, every number with a location,
// nearest first, with its distance in miles. Results are in the order of
// their digits, up to maxResults (DefaultSearchResults, 20, without: the
// spec gives no default). A bad type or function type, maxResults,
// lat/long or a missing q is 400; a q not of the type's form 422
// InvalidSearchTerm.
//
// A reservation (PUT …/telephonenumber/{tn}/reserve, 200
// TelephoneNumberReservedX) holds an inventory number for the management
// user who made it: another user of the partition does not find it in a
// search and is refused it on reserve, release and activation (400
// TelephoneNumberReserved); reserving it again answers the same
// reservation. DELETE ends it (204); nothing to release is 404
// ReservationNotFound. A number on an account of the partition is 400
// TelephoneNumberInUse, one the partition does not have 404
// TelephoneNumberNotFound. Reservations do not expire.
//
// POST …/account/{accountId}/telephonenumber takes a
// TelephoneNumberActivationsV2X and answers it as stored (with a new id and
// each number's id, functionType and portId). Its telephoneNumbers come
// from the partition's inventory (TelephoneNumberNotInInventory otherwise)
// and leave it, consuming the caller's reservation; port.telephoneNumbers
// are ported in from another carrier and must be unknown to Alianza
// (TelephoneNumberInUse when on an account or in an inventory; a port
// number may also be listed in telephoneNumbers for its settings). Any
// number on an account is TelephoneNumberInUse; a number named twice is
// DuplicateTelephoneNumber; no number at all TelephoneNumbersRequired. The
// activation is all or nothing. Each number is checked as on PUT, plus its
// functionType. Numbers from the inventory are ACTIVE (carrierStatus), or
// ACTIVATION_ON_HOLD with holdActivation, and keep the inventory's function
// type and carrier; ported ones are PORT_PENDING with the port's id. The
// activation's customerServiceRecord, e911Address and directoryListing go
// to every number, byotnCarrierId too (the fake does not do BYOTN: every
// number still comes from the inventory or a port).
//
// A number's PUT replaces referenceType and referenceId (together, from the
// spec's enum; an END_USER must be a user of the account:
// InvalidReferenceId), canAcceptSMS, operationalStatus, servicePackageType,
// ringType, assignAsCallerId and the three nested objects, kept as sent;
// id, phoneNumber, accountId, partitionId, functionType, carrierStatus,
// portId, carrierId, byotnCarrierId and tollFree are kept. PATCH is a JSON
// merge patch. DELETE (204) puts the number back into the inventory it came
// from (the fake has no cooldown; ported numbers join the account's
// partition's inventory), refused with 400 TelephoneNumberActivationPending
// while a status event of the number is unfinished (an activation on hold,
// a pending port) — UpdateStatusEvent finishes it. The list answers every
// field, or with limitedData=true the ids, destinations and statuses only.
//
// # Status events
//
// The fake records service activation events (ServiceActivationEventX) as
// calls happen: an activation (ACTIVATION, COMPLETED, or ON_HOLD with
// holdActivation) and a port (PORT_REQUEST, PENDING, with the port's
// carrier type and CRD date) per POST, a DISCONNECT (COMPLETED) per removed
// number and per deleted account with numbers, a NINE_ONE_ONE_ADDRESS
// (COMPLETED) per PUT or PATCH that changes a number's e911Address. An
// event's main number is the first, its sub numbers the others, and its
// names, city and state come from the customer service record.
// UpdateStatusEvent moves one on (COMPLETED makes its numbers ACTIVE;
// CANCELLED, CARRIER_CANCELLED and REJECTED take them off the account);
// SeedStatusEvent adds any.
//
// # Calling plans
//
// A calling plan is an instance of a calling plan product (the catalog:
// DefaultCallingPlanProducts, SeedCallingPlanProduct) on a reference: the
// account (ACCOUNT, or no reference at all) or one of its users (END_USER);
// the fake has no SIP trunks, IVRs, specialty lines or contact centers
// (404 ReferenceNotFound). GET answers the plans the reference uses. PUT
// (ModifyCallingPlanX) with NEW_CALLING_PLAN (the default) adds a plan of
// the product callingPlanReferenceId (or the deprecated
// callingPlanProductId; both must agree): planMinutes from the product,
// startDate now, secondsRemaining the plan's minutes less minutesUsed (not
// below 0); pending starts it on the account's next billing day
// (billingCycleDay, midnight UTC) with no minutes used. Adding a product
// the reference has already answers that plan (PUT is idempotent). PUT
// with SHARED_CALLING_PLAN makes the reference use the list of the
// reference callingPlanReferenceId names (the account's or a user's id),
// UNSHARED_CALLING_PLAN stops that; both answer a CallingPlanX naming the
// reference only. A reference that shares, or whose list is shared, cannot
// share, and its list cannot change (CallingPlanShared). DELETE removes the
// reference's plan of the product (404 CallingPlanNotFound), at once or,
// pending, on the next billing day (its endDate), and answers the plan.
// SetSecondsRemaining stands for usage.
//
// # User product plans
//
// …/user-product-plans answers the fixed list DefaultUserProductPlans:
// STANDARD to a SIMPLE account, STANDARD, ADVANCED and PROFESSIONAL to an
// ADVANCED one.
//
// # Jobs
//
// GET …/telephonenumber/export_2 (asyncExportTnInventory) answers 202 and a
// Job (PENDING) whose output is the partition's inventory at that moment,
// as CSV. The job is IN_PROGRESS until WithJobDelay has passed on the
// server's clock (at once without it), then DONE, with an outputKey and its
// output at /v2/job/{jobId}/output, or FAILED with one error after
// FailNextJob. Jobs are visible to the management users of their partition
// only (404 JobNotFound).
//
// # Paged searches
//
// The number status search (…/telephonenumber/statussearch), the account
// history (…/accounthistorysearch) and the CDR search (…/cdrsearch) answer
// {"totalRecords": every match, "results": the page}: the matches from
// index firstResultIndex (default 0) on, up to maxResult of them (default 50
// for the status search, 20 for the others, as in the spec; there is no
// upper bound). A firstResultIndex past the end is an empty page. A
// firstResultIndex below 0 or a maxResult below 1 is 400. The spec
// describes cdrsearch's maxResult as "Last result to display"; the fake
// reads it, like the others' and as its name says, as a count. Dates are
// YYYY-MM-DD days in UTC, both ends inclusive (the status search also takes
// RFC 3339 instants); a start after the end is InvalidDateRange.
//
// The status search filters by accountId, telephoneNumber, eventType and
// statusType (repeated: any of), and by dateType (CreatedDate by default,
// UpdatedDate, FOCDate) between startDate and endDate; oldest first.
//
// The account history is recorded as calls happen, by the calling
// management user: ACCOUNT (create, and an update listing the fields that
// changed as field=value in oldValue and newValue), ACCOUNT_STATUS (old and
// new status), USER and DEVICE (create, update, delete; never a SIP
// password), PHONE_NUMBER (add, update, remove), ADDRESS_E911 and
// CALLING_PLAN; a request that changes nothing records nothing.
// SeedAccountHistory adds records. The search filters by
// accountHistoryType (repeated) and startDate/endDate, oldest first, and
// answers accountCreatedDate and accountLastUpdatedDate.
//
// The fake makes no calls: call detail records are seeded (SeedCDRs,
// SeedCDR). The CDR search requires startDate and endDate (of the call's
// start) and filters by callCategory (the origin's or the termination's),
// callFlagType and callType (repeated), dialedNumber, origNumber and
// termNumber (equal), minCost, and startTime/endTime (HH:MM[:SS], a time of
// day in UTC, or an RFC 3339 instant); it sorts by sort (DATE by default,
// COST, CALL_LENGTH) in sortOrder (ASC by default, DESC). An accountId that
// is not letters, digits, '-' and '_' is 400 InvalidAccountId, as the spec
// says.
//
// # State, recording and faults
//
// Tests prepare and read state directly with SeedAccount, SeedUser,
// SeedDeviceLine, SeedNumbers, SeedInventoryNumber, SeedStatusEvent,
// SeedAccountHistory, SeedCDR, SeedCDRs and SeedCallingPlanProduct (no
// validation beyond what would make the state inconsistent), move it on
// with UpdateStatusEvent, SetSecondsRemaining and FailNextJob, and read it
// with Account, Accounts, Users, DeviceLines, InventoryNumbers,
// AccountNumbers, CallingPlans, StatusEvents and History; generated ids
// are UUID-shaped and deterministic ("a0000000-0000-4000-8000-000000000001"
// is the first account, "c…" calling plans, "1…" activations, "2…" ports,
// "3…" reservations, "4…" status events, "5…" history records, "6…" CDRs,
// "7…" jobs). Times (tokens, jobs, plans, events, history) come from the
// server's clock. They check what a client sent with Requests and
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
