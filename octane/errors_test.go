package octane

// Unit tests of errors.go: the text of each kind of *Error, errors.Is for
// every sentinel (the exact causes and the heuristics documented on
// Error.Is), and ValidationError.

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ispkit/ispkit/internal/transport"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestErrorText(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  *Error
		want string
	}{
		{"fault with text", &Error{Layer: SOAP, Op: "orderQuery", HTTPStatus: 500, FaultCode: "S:Server", Message: "boom", OrderID: "5000001"},
			"octane: SOAP orderQuery: SOAP fault S:Server (boom) [HTTP 500, order 5000001]"},
		{"fault without text", &Error{Layer: SOAP, Op: "orderReset", HTTPStatus: 500, FaultCode: "S:Client"},
			"octane: SOAP orderReset: SOAP fault S:Client [HTTP 500]"},
		{"fault with a detail excerpt", &Error{Layer: SOAP, Op: "orderCreate", HTTPStatus: 500, FaultCode: "S:Client", Body: "<message>x</message>"},
			"octane: SOAP orderCreate: SOAP fault S:Client [HTTP 500]: body: <message>x</message>"},
		{"fault before code", &Error{Layer: SOAP, Op: "orderCreate", FaultCode: "S:Client", Code: 4, Message: "m"},
			"octane: SOAP orderCreate: SOAP fault S:Client (m)"},
		{"code with message", &Error{Layer: REST, Op: "POST /v1/datapool/disconnect", HTTPStatus: 200, Code: 1, Message: "Data pool still has 2 consumers"},
			"octane: REST POST /v1/datapool/disconnect: errorCode 1 (Data pool still has 2 consumers) [HTTP 200]"},
		{"code without message", &Error{Layer: SOAP, Op: "orderCreate", HTTPStatus: 200, Code: 17, OrderID: "5000002"},
			"octane: SOAP orderCreate: errorCode 17 [HTTP 200, order 5000002]"},
		{"negative code", &Error{Layer: SOAP, Op: "orderCreate", Code: -1},
			"octane: SOAP orderCreate: errorCode -1"},
		{"message with cause", &Error{Op: "Orders.Wait", OrderID: "5000012", Message: "order FAILED (no plan)", Err: ErrOrderFailed},
			"octane: Orders.Wait: order FAILED (no plan) (octane: order failed) [order 5000012]"},
		{"message only", &Error{Layer: REST, Op: "POST /v1/datapool/transfer", OrderID: "7", Message: "success is false"},
			"octane: REST POST /v1/datapool/transfer: success is false [order 7]"},
		{"cause only", &Error{Layer: REST, Op: "GET /v1/datapool", HTTPStatus: 502, Body: "<html>", Err: fmt.Errorf("%w: HTML", ErrBadResponse)},
			"octane: REST GET /v1/datapool: octane: unexpected response: HTML [HTTP 502]: body: <html>"},
		{"retry after", &Error{Layer: REST, Op: "POST /v1/datapool/transfer", HTTPStatus: 429, RetryAfter: 7 * time.Second, Body: "busy", Err: fmt.Errorf("%w: text/plain", ErrBadResponse)},
			"octane: REST POST /v1/datapool/transfer: octane: unexpected response: text/plain [HTTP 429, retry after 7s]: body: busy"},
		{"nothing", &Error{Layer: SOAP, Op: "orderReset"},
			"octane: SOAP orderReset: unexpected response"},
		{"no layer", &Error{Op: "Pools.Disconnect", Message: "1 consumer(s) still in the pool: 0412000001; remove them first", Err: ErrPoolNotEmpty},
			"octane: Pools.Disconnect: 1 consumer(s) still in the pool: 0412000001; remove them first (octane: data pool still has consumers)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.err.Error())
			assert.Equal(t, tc.want, fmt.Sprintf("%v", tc.err))
			assert.Equal(t, tc.err.Err, tc.err.Unwrap())
		})
	}
}

// TestErrorIs checks errors.Is for every sentinel against the exact causes
// and each heuristic of Error.Is, with the near misses.
func TestErrorIs(t *testing.T) {
	const (
		disconnect = "POST /v1/datapool/disconnect"
		limit      = "POST /v1/datapool/modify-consumer-data-limit"
		get        = "GET /v1/datapool"
	)
	for _, tc := range []struct {
		name string
		err  *Error
		is   []error // every sentinel it matches; it matches no other
	}{
		// ErrAuthFailed: the status, or a Fault or errorCode about the login.
		{"HTTP 401", &Error{Layer: REST, Op: get, HTTPStatus: 401}, []error{ErrAuthFailed}},
		{"HTTP 403", &Error{Layer: SOAP, Op: "orderQuery", HTTPStatus: 403, Err: ErrBadResponse}, []error{ErrAuthFailed, ErrBadResponse}},
		{"HTTP 400", &Error{Layer: REST, Op: get, HTTPStatus: 400}, nil},
		{"fault about the login", &Error{Layer: SOAP, Op: "orderQuery", FaultCode: "S:Client", Message: "Login failed"}, []error{ErrFault, ErrAuthFailed}},
		{"fault about authentication", &Error{Layer: SOAP, Op: "getServiceDetail", FaultCode: "S:Server", Message: "AUTHENTICATION ERROR"}, []error{ErrFault, ErrAuthFailed}},
		{"code about the password", &Error{Layer: SOAP, Op: "orderCreateBulk", Code: 5, Message: "bad password"}, []error{ErrAuthFailed}},
		{"code about credentials", &Error{Layer: REST, Op: get, Code: 9, Message: "Invalid credentials"}, []error{ErrAuthFailed}},
		{"code: unauthorised", &Error{Layer: REST, Op: get, Code: 9, Message: "Unauthorized"}, []error{ErrAuthFailed}},
		{"login words without a code or fault", &Error{Op: "Orders.Wait", Message: "login service order FAILED", Err: ErrOrderFailed}, []error{ErrOrderFailed}},
		{"fault about something else", &Error{Layer: SOAP, Op: "orderQuery", FaultCode: "S:Server", Message: "Server busy"}, []error{ErrFault}},
		{"code without a message", &Error{Layer: SOAP, Op: "orderQuery", Code: 1}, nil},

		// ErrFault and ErrBadResponse.
		{"fault code only", &Error{Layer: SOAP, Op: "orderReset", FaultCode: "S:Client"}, []error{ErrFault}},
		{"empty fault", &Error{Layer: SOAP, Op: "orderReset", Err: fmt.Errorf("%w with no faultcode or faultstring (%w)", ErrFault, ErrBadResponse)}, []error{ErrFault, ErrBadResponse}},
		{"bad response", &Error{Layer: REST, Op: get, HTTPStatus: 200, Err: fmt.Errorf("%w: truncated", ErrBadResponse)}, []error{ErrBadResponse}},

		// ErrUnknownOrder: an order operation's "not found" about an order.
		{"order not found", &Error{Layer: SOAP, Op: "orderQuery", Code: 1, Message: "Order 5 not found"}, []error{ErrUnknownOrder}},
		{"order does not exist", &Error{Layer: SOAP, Op: "orderReset", Code: 1, Message: "order 5 does not exist"}, []error{ErrUnknownOrder}},
		{"unknown order (fault)", &Error{Layer: SOAP, Op: "orderQuery", FaultCode: "S:Client", Message: "Unknown order id"}, []error{ErrFault, ErrUnknownOrder}},
		{"order not found from another op", &Error{Layer: SOAP, Op: "getServiceDetail", Code: 1, Message: "Order not found"}, nil},
		{"not found without an order", &Error{Layer: SOAP, Op: "orderQuery", Code: 1, Message: "Record not found"}, nil},
		{"order not found, no code", &Error{Layer: SOAP, Op: "orderQuery", Message: "Order not found"}, nil},
		{"no orderQueryResponse", &Error{Layer: SOAP, Op: "orderQuery", OrderID: "5", Message: "the answer has no orderQueryResponse", Err: ErrUnknownOrder}, []error{ErrUnknownOrder}},

		// ErrUnknownService: "not found" about a service, from any operation.
		{"service not found", &Error{Layer: SOAP, Op: "getServiceDetail", Code: 2, Message: "Service 0499 not found for customer 1"}, []error{ErrUnknownService}},
		{"service does not exist (REST)", &Error{Layer: REST, Op: "POST /v1/datapool/transfer", Code: 2, Message: "service 0412 does not exist"}, []error{ErrUnknownService}},
		{"service suspended", &Error{Layer: SOAP, Op: "getServiceDetail", Code: 2, Message: "Service is suspended"}, nil},
		{"service not found, no code", &Error{Layer: SOAP, Op: "getServiceDetail", Message: "no instance with a lineSeqno for service 1", Err: ErrUnknownService}, []error{ErrUnknownService}},

		// ErrUnknownPool: "not found" about a pool.
		{"pool not found", &Error{Layer: REST, Op: get, Code: 1, Message: "Data pool not found"}, []error{ErrUnknownPool}},
		{"unknown pool", &Error{Layer: REST, Op: "POST /v1/datapool/transfer", Code: 3, Message: "Unknown data pool PRV-9"}, []error{ErrUnknownPool}},
		{"pool not found, no code", &Error{Layer: REST, Op: get, Message: "pool not found"}, nil},
		{"no provider.memberId", &Error{Layer: REST, Op: get, Message: "the answer has no provider.memberId", Err: ErrUnknownPool}, []error{ErrUnknownPool}},

		// ErrPoolNotEmpty: a refused disconnect mentioning consumers.
		{"disconnect refused: consumers", &Error{Layer: REST, Op: disconnect, Code: 1, Message: "Data pool still has 2 consumers"}, []error{ErrPoolNotEmpty}},
		{"disconnect refused otherwise", &Error{Layer: REST, Op: disconnect, Code: 1, Message: "Pool is locked"}, nil},
		{"consumers elsewhere", &Error{Layer: REST, Op: get, Code: 1, Message: "too many consumers"}, nil},
		{"consumers, no code", &Error{Layer: REST, Op: disconnect, HTTPStatus: 409, Message: "still has consumers"}, nil},
		{"Pools.Disconnect's own check", &Error{Op: "Pools.Disconnect", Message: "1 consumer(s)", Err: ErrPoolNotEmpty}, []error{ErrPoolNotEmpty}},

		// ErrLimitRequired: a refused limit change saying "removed".
		{"limit cannot be removed", &Error{Layer: REST, Op: limit, Code: 1, Message: "A data limit cannot be removed"}, []error{ErrLimitRequired}},
		{"limit refused otherwise", &Error{Layer: REST, Op: limit, Code: 1, Message: "limit too high"}, nil},
		{"removed elsewhere", &Error{Layer: REST, Op: disconnect, Code: 1, Message: "already removed"}, nil},

		// ErrOrderFailed only as the cause.
		{"failed order", &Error{Op: "Orders.Wait", OrderID: "1", Message: "order FAILED", Err: ErrOrderFailed}, []error{ErrOrderFailed}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			goldenSentinelsExactly(t, tc.err, tc.is...)
			// Through a wrapper, as Pools calls join them.
			wrapped := fmt.Errorf("service 1: %w", tc.err)
			goldenSentinelsExactly(t, errors.Join(wrapped), tc.is...)
		})
	}
}

// TestErrorIsWrappedCause: a transport failure is reachable through Unwrap.
func TestErrorIsWrappedCause(t *testing.T) {
	e := &Error{Layer: SOAP, Op: "orderQuery", Err: context.DeadlineExceeded}
	assert.ErrorIs(t, e, context.DeadlineExceeded)
	goldenSentinelsExactly(t, e)
	var target *Error
	require.ErrorAs(t, fmt.Errorf("x: %w", e), &target)
	assert.Same(t, e, target)
}

func TestValidationError(t *testing.T) {
	ve := &ValidationError{Op: "orderQuery", Field: "orderID", Reason: "is empty"}
	assert.Equal(t, "octane: orderQuery: invalid orderID: is empty", ve.Error())
	assert.ErrorIs(t, ve, ErrInvalidInput)
	assert.Nil(t, ve.Unwrap())
	goldenSentinelsExactly(t, ve, ErrInvalidInput)

	limit := &ValidationError{Op: "Pools.SetDataLimit", Field: "limit", Reason: "0 bytes", Err: ErrLimitRequired}
	assert.Equal(t, ErrLimitRequired, limit.Unwrap())
	goldenSentinelsExactly(t, limit, ErrInvalidInput, ErrLimitRequired)
	goldenSentinelsExactly(t, fmt.Errorf("wrapped: %w", limit), ErrInvalidInput, ErrLimitRequired)
}

// TestValidationFromCalls: the calls' own refusals, as a caller sees them.
func TestValidationFromCalls(t *testing.T) {
	c, err := New(Credentials{Username: "u", Password: NewSecret("p")}, WithSOAPBaseURL("http://127.0.0.1:1"), WithRESTBaseURL("http://127.0.0.1:1"))
	require.NoError(t, err)
	ctx := context.Background()

	_, err = c.DataPools.SetDataLimits(ctx, ConsumerLimit{CustNo: "1", LineSeqNo: "11", Limit: 0})
	goldenSentinelsExactly(t, err, ErrInvalidInput, ErrLimitRequired)
	assert.Equal(t, "octane: POST /v1/datapool/modify-consumer-data-limit: invalid limits[0].Limit: 0 bytes: "+
		"a data limit can be raised or lowered but never removed; give a positive size", err.Error())

	_, err = c.Pools.SetDataLimit(ctx, Pool{CustNo: "1"}, "0412000001", -GB(1))
	goldenSentinelsExactly(t, err, ErrInvalidInput, ErrLimitRequired)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "Pools.SetDataLimit", ve.Op)
	assert.Equal(t, "limit", ve.Field)
	assert.Contains(t, ve.Reason, "-1073741824 bytes")

	_, err = c.Orders.AddConsumers(ctx, "1", "PRV-1", "0412000001", "0412000001")
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, `octane: orderCreateBulk: invalid serviceNumbers[1]: repeats serviceNumbers[0]`, err.Error())
	goldenSentinelsExactly(t, err, ErrInvalidInput)

	_, err = c.Orders.CreateDataPool(ctx, PoolCreateRequest{CustNo: "1", PoolName: "p"})
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "ProviderPlanID", ve.Field)
}

// TestNewRefuses: New validates the credentials (ValidationError) and the
// options (plain errors naming the option).
func TestNewRefuses(t *testing.T) {
	for _, tc := range []struct {
		name  string
		creds Credentials
		field string
	}{
		{"empty user", Credentials{Password: NewSecret("p")}, "Credentials.Username"},
		{"blank user", Credentials{Username: "  ", Password: NewSecret("p")}, "Credentials.Username"},
		{"empty password", Credentials{Username: "u"}, "Credentials.Password"},
		{"colon in user", Credentials{Username: "a:b", Password: NewSecret("p")}, "Credentials.Username"},
		{"NUL in password", Credentials{Username: "u", Password: NewSecret("p\x00")}, "Credentials"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := New(tc.creds)
			assert.Nil(t, c)
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, "New", ve.Op)
			assert.Equal(t, tc.field, ve.Field)
			assert.ErrorIs(t, err, ErrInvalidInput)
			if pw := tc.creds.Password.Reveal(); strings.Contains(pw, "\x00") {
				assert.NotContains(t, err.Error(), pw)
			}
		})
	}

	creds := Credentials{Username: "u", Password: NewSecret("p")}
	for _, tc := range []struct {
		name string
		opt  Option
		want string
	}{
		{"poll min zero", WithPollInterval(0, time.Second), "octane: WithPollInterval"},
		{"poll max below min", WithPollInterval(time.Second, time.Millisecond), "octane: WithPollInterval"},
		{"nil location", WithLocation(nil), "octane: WithLocation"},
		{"SOAP URL scheme", WithSOAPBaseURL("ftp://x"), "octane: WithSOAPBaseURL"},
		{"SOAP URL credentials", WithSOAPBaseURL("https://u:p@x"), "octane: WithSOAPBaseURL"},
		{"REST URL", WithRESTBaseURL("not a url"), "octane: "},
		{"nil HTTP client", WithHTTPClient(nil), "octane: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := New(creds, tc.opt)
			assert.Nil(t, c)
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), tc.want), "%q", err.Error())
			assert.NotErrorIs(t, err, ErrInvalidInput)
		})
	}
	c, err := New(creds, nil) // a nil option is ignored
	require.NoError(t, err)
	assert.Equal(t, TestSOAPBaseURL, c.SOAPBaseURL())
	assert.Equal(t, TestRESTBaseURL, c.RESTBaseURL())
	c, err = New(creds, WithSOAPBaseURL("https://soap.example/tiab/"), WithRESTBaseURL("https://rest.example/api/"))
	require.NoError(t, err)
	assert.Equal(t, "https://soap.example/tiab", c.SOAPBaseURL(), "trailing slash dropped")
	assert.Equal(t, "octane.Client{SOAP:https://soap.example/tiab REST:https://rest.example/api}", c.String())
}

// TestDefinitive: which failures end Orders.Wait at once (a refusal) and
// which another poll may get past.
func TestDefinitive(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		want bool
	}{
		{"validation", &ValidationError{Op: "orderQuery", Field: "orderID", Reason: "is empty"}, true},
		{"errorCode", &Error{Layer: SOAP, Op: "orderQuery", HTTPStatus: 200, Code: 3}, true},
		{"fault", &Error{Layer: SOAP, Op: "orderQuery", HTTPStatus: 500, FaultCode: "S:Client"}, true},
		{"unknown order", &Error{Layer: SOAP, Op: "orderQuery", Err: ErrUnknownOrder}, true},
		{"404 page", &Error{Layer: SOAP, Op: "orderQuery", HTTPStatus: http.StatusNotFound, Err: ErrBadResponse}, true},
		{"401", &Error{Layer: SOAP, Op: "orderQuery", HTTPStatus: http.StatusUnauthorized, Err: ErrBadResponse}, true},
		{"429", &Error{Layer: SOAP, Op: "orderQuery", HTTPStatus: http.StatusTooManyRequests, Err: ErrBadResponse}, false},
		{"408", &Error{Layer: SOAP, Op: "orderQuery", HTTPStatus: http.StatusRequestTimeout, Err: ErrBadResponse}, false},
		{"502 page", &Error{Layer: SOAP, Op: "orderQuery", HTTPStatus: http.StatusBadGateway, Err: ErrBadResponse}, false},
		{"200 page", &Error{Layer: SOAP, Op: "orderQuery", HTTPStatus: http.StatusOK, Err: ErrBadResponse}, false},
		{"transport", &Error{Layer: SOAP, Op: "orderQuery", Err: errors.New("connection reset")}, false},
		{"over the cap", &Error{Layer: SOAP, Op: "orderQuery", HTTPStatus: 200, Err: &transport.Error{Err: transport.ErrResponseTooLarge}}, true},
		{"redirect", &Error{Layer: SOAP, Op: "orderQuery", HTTPStatus: 302, Err: &transport.Error{Err: &transport.RedirectError{StatusCode: 302}}}, true},
		{"cut short", &Error{Layer: SOAP, Op: "orderQuery", HTTPStatus: 200, Err: &transport.Error{Err: transport.ErrResponseTruncated}}, false},
	} {
		assert.Equal(t, tc.want, definitive(tc.err), tc.name)
	}
}

// TestInvalidUTF8Refused: validXMLText ranges over the string, and a byte
// that is not UTF-8 reads as U+FFFD, which XML allows; encoding/xml then
// writes U+FFFD in its place. So a user name or identifier with such a byte
// is accepted and a different value is sent in the SOAP body (the Basic
// token keeps the raw byte).
func TestInvalidUTF8Refused(t *testing.T) {
	_, err := New(Credentials{Username: "u\xff", Password: NewSecret("p")})
	assert.ErrorIs(t, err, ErrInvalidInput, "user name")
	_, err = New(Credentials{Username: "u", Password: NewSecret("p\xff")})
	assert.ErrorIs(t, err, ErrInvalidInput, "password")
	c, err := New(Credentials{Username: "u", Password: NewSecret("p")}, WithSOAPBaseURL("http://127.0.0.1:1"), WithRetry(RetryPolicy{MaxAttempts: 1}))
	require.NoError(t, err)
	_, err = c.Orders.Query(context.Background(), "5\xff")
	assert.ErrorIs(t, err, ErrInvalidInput, "order id")
}

// TestNewErrorsPrefixed walks every error New can return (bad credentials,
// each option that can refuse its value, a refused combination): each text
// starts with "octane: ".
func TestNewErrorsPrefixed(t *testing.T) {
	good := Credentials{Username: "u", Password: NewSecret("p")}
	cases := []struct {
		name  string
		creds Credentials
		opts  []Option
	}{
		{"empty user", Credentials{Password: NewSecret("p")}, nil},
		{"blank user", Credentials{Username: " ", Password: NewSecret("p")}, nil},
		{"empty password", Credentials{Username: "u"}, nil},
		{"colon in user", Credentials{Username: "a:b", Password: NewSecret("p")}, nil},
		{"XML in password", Credentials{Username: "u", Password: NewSecret("p\x01")}, nil},
		{"SOAP URL", good, []Option{WithSOAPBaseURL("ftp://x")}},
		{"SOAP URL no host", good, []Option{WithSOAPBaseURL("https://")}},
		{"SOAP URL credentials", good, []Option{WithSOAPBaseURL("https://u:p@x")}},
		{"REST URL", good, []Option{WithRESTBaseURL("not a url")}},
		{"REST URL credentials", good, []Option{WithRESTBaseURL("https://u:p@x")}},
		{"nil HTTP client", good, []Option{WithHTTPClient(nil)}},
		{"user agent line break", good, []Option{WithUserAgent("a\nb")}},
		{"retry attempts", good, []Option{WithRetry(RetryPolicy{})}},
		{"retry negative", good, []Option{WithRetry(RetryPolicy{MaxAttempts: 1, MinWait: -1})}},
		{"timeout", good, []Option{WithTimeout(-1)}},
		{"response size", good, []Option{WithMaxResponseSize(0)}},
		{"idle conns", good, []Option{WithMaxIdleConnsPerHost(0)}},
		{"idle conns with client", good, []Option{WithHTTPClient(&http.Client{}), WithMaxIdleConnsPerHost(4)}},
		{"poll zero", good, []Option{WithPollInterval(0, time.Second)}},
		{"poll max below min", good, []Option{WithPollInterval(time.Second, time.Millisecond)}},
		{"location", good, []Option{WithLocation(nil)}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := New(tc.creds, tc.opts...)
			assert.Nil(t, c)
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), "octane: "), "%q", err.Error())
		})
	}
}
