package octanetest

// Error codes the fake answers with in a non-zero errorCode, in SOAP
// <return><errorCode> and in the REST envelope alike. Octane does not
// document its codes: these numbers are the fake's own choice, stable so
// that tests may compare them, and not a claim about the real server. A
// client should recognise failures by their message, not by these numbers.
const (
	// CodeOK is the errorCode of every success.
	CodeOK = 0
	// CodeUnknownCustomer: no customer has that custNo.
	CodeUnknownCustomer = 100
	// CodeUnknownPlan: the planNo of a new pool is not a data-pool provider plan.
	CodeUnknownPlan = 101
	// CodeNotConsumerPlan: a service to add to a pool is not on a data-pool
	// consumer plan.
	CodeNotConsumerPlan = 102
	// CodeInvalidInput: a required field is missing or malformed (also the
	// code of every HTTP 400 REST answer).
	CodeInvalidInput = 103
	// CodeNotFound: no such order, service or data pool (for the customer).
	CodeNotFound = 104
	// CodePoolNotEmpty: a pool with consumers (or consumers on their way in)
	// cannot be disconnected.
	CodePoolNotEmpty = 105
	// CodeLimitRequired: a consumer data limit of zero (or none) was asked
	// for; a limit can only be raised or lowered, never removed.
	CodeLimitRequired = 106
	// CodeTargetNotFound: the target of a transfer is not an OPTED-IN pool of
	// the same customer with that memberId and lineSeqNo.
	CodeTargetNotFound = 107
	// CodeOrderNotFailed: orderReset of an order that is not FAILED.
	CodeOrderNotFailed = 108
	// CodeConflict: the request does not fit the current state: the service
	// is already in a pool, is not in the pool named, has an order pending,
	// or the pool is not OPTED-IN.
	CodeConflict = 109
)

// HTTP-level codes of the REST envelope, mirroring the HTTP status.
const (
	codeUnauthorized     = 401
	codeRouteNotFound    = 404
	codeMethodNotAllowed = 405
)

// apiError is a refusal with its errorCode and errorMessage.
type apiError struct {
	code int
	msg  string
}

func (e *apiError) Error() string { return e.msg }

func fail(code int, msg string) *apiError { return &apiError{code: code, msg: msg} }
