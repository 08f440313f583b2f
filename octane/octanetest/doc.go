// Package octanetest is an in-memory Telcoinabox Octane server for the
// mobile data pool flow, for tests and examples, in the style of
// net/http/httptest. It speaks the wire format, not Go: any client, in any
// language, can be pointed at it.
//
// It serves both of Octane's layers over HTTP:
//
//   - SOAP 1.1 under SOAPBaseURL (/tiab): at /tiab/UtbOrder the operations
//     orderCreate (a new pool, ADD_WME_NEW), orderQuery, orderCreateBulk
//     (consumers in, WME_OPT_IN_CONSUMER, and out, WME_OPT_OUT_CONSUMER) and
//     orderReset, in namespace http://order.frontend.ws.utilibill.com.au/;
//     at /tiab/UtbServiceV3 getServiceDetail, in namespace
//     http://v3.service.frontend.ws.utilibill.com.au/; at /tiab/UtbMobile
//     queryBalanceV3 (a service's DATA balance, from the usage SetUsage
//     sets and the limit or the pool's cap, as bare integers of bytes), in
//     namespace http://mobileservice.frontend.ws.utilibill.com.au/.
//     Credentials travel in the body, as
//     <login><password/><userName/></login> (the order of WSDL-generated
//     requests; the other order is accepted too). Answers are
//     JAX-WS style, <ns2:{op}Response><return><errorCode>0</errorCode>…,
//     except orderCreateBulk's, which by default carries its
//     <ordersCreateResponse> directly, with no <return> and no top-level
//     errorCode, as a public client reads the real server's (see
//     WithWrappedBulkAnswers for the other shape);
//     a malformed request (not XML, no Envelope or Body, an unknown
//     operation or one in the wrong namespace, a qualified or unexpected
//     child, no <login>) or a wrong login is answered with a SOAP Fault
//     (faultcode S:Client, HTTP 500), a method other than POST with a Fault
//     and HTTP 405, a Content-Type other than text/xml with a Fault and
//     HTTP 415.
//   - JSON REST under RESTBaseURL (/tiab/api), with HTTP Basic authentication:
//     GET /v1/datapool?custno=&lineseqno= (a pool and its consumers, sizes
//     as "100 GB"), POST /v1/datapool/transfer,
//     /v1/datapool/modify-consumer-data-limit and /v1/datapool/disconnect.
//     Request keys are matched in exactly the vendor's case (custno on
//     transfer and disconnect, custNo in the data limit change); an unknown
//     key is answered HTTP 400. Identifiers may be JSON strings or numbers.
//     Every answer carries errorCode, errorMessage and success, which is the
//     string "true" on the GET and a JSON boolean elsewhere, as both are
//     seen from the real server.
//
// Every change is an order, as on Octane: it is answered with an order id at
// once and takes effect when the order completes (PENDING, then IN_PROG
// after half of WithOrderDelay, then COMMITTED, or SUCCESS under
// WithSuccessStatus; by default at the first request or state read after
// the one that placed it). orderQuery reports the order's planName (the
// plan number: the fake's plans have no other name). A pool does not exist
// until its creation order completes; a disconnected pool stays visible as
// OPTED-OUT. FailNextOrder makes an order end FAILED, orderReset runs it
// again, CompleteOrders finishes every pending order at once.
//
// Every server starts with the credentials DefaultUsername and
// DefaultPassword (see WithCredentials), the customer DefaultCustNo, the
// provider plan DefaultProviderPlan (a 100 GB cap) and the consumer plan
// DefaultConsumerPlan. Tests add customers, plans, services and pools with
// SeedCustomer, SeedProviderPlan, SeedConsumerPlan, SeedService and
// SeedPool, set usage with SetUsage, read state back with Pool, Pools,
// Service, Order and Orders, check what was sent with Requests and
// RequestCount, and exercise retries with InjectFault (an HTTP status with
// Retry-After, latency, a dropped connection).
//
// # Error codes
//
// Octane does not document its error codes. The fake answers a request that
// breaks a rule with HTTP 200 and a non-zero errorCode of its own choosing
// (the Code constants: CodeUnknownCustomer 100, CodeUnknownPlan 101,
// CodeNotConsumerPlan 102, CodeInvalidInput 103, CodeNotFound 104,
// CodePoolNotEmpty 105, CodeLimitRequired 106, CodeTargetNotFound 107,
// CodeOrderNotFailed 108, CodeConflict 109) and an errorMessage in the
// vendor's words where the vendor gives them ("Service 0491000001 is not on
// a data pool consumer plan", "A data limit cannot be removed, only
// increased or decreased"). A malformed REST request is answered HTTP 400
// with errorCode 103; a refused login HTTP 401 with errorCode 401. The
// numbers are not the real server's: a client should rely on the messages
// and statuses, and tests may compare the numbers.
//
// The octane client polls an order at most once every 30 minutes by
// default, as the vendor asks; against the fake, whose orders complete in
// milliseconds, a test chooses its interval explicitly, e.g.
// octane.WithPollInterval(time.Millisecond, 10*time.Millisecond).
// [Server.Client] returns a client pointed at the fake, with its
// credentials and a fast interval chosen so.
//
// A typical test:
//
//	srv := octanetest.NewServer()
//	defer srv.Close()
//	pool := srv.SeedPool(octanetest.Pool{Name: "Fleet"})
//	srv.SeedService(octanetest.Service{CustNo: octanetest.DefaultCustNo, PoolProviderID: pool.ProviderID})
//	c := srv.Client() // or octane.New(…, octane.WithSOAPBaseURL(srv.SOAPBaseURL()), octane.WithRESTBaseURL(srv.RESTBaseURL()))
//	// … exercise c …
//	got, _ := srv.Pool(pool.ProviderID)
package octanetest
