package octane_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ispkit/ispkit/internal/conformance"
	"github.com/ispkit/ispkit/octane"
)

// The conformance adapter: every operation of the client, over both wire
// layers, through the hostile-server matrix of internal/conformance.

var (
	// confUser is distinctive, and makes a Basic token without a run of
	// four hex digits, which a pointer printed by %#v could show by chance.
	confUser     = "octZuser"
	confPassword = conformance.Secret("pw")
	confToken    = base64.StdEncoding.EncodeToString([]byte(confUser + ":" + confPassword))
	// confTokenSecret is the part of the Basic token the password
	// determines: its first characters encode "octZuser:", which is no
	// secret, and which the base64 of any echoed body spells too.
	confTokenSecret = confToken[4*len(confUser+":")/3:]
	// confNewPassword is a raw call's own secret, sent in its body.
	confNewPassword = conformance.Secret("np")
)

const (
	confCust = "10001234"
	// confPoll is the poll interval of Orders.Wait and the Pools calls,
	// longer than confWait: a wait makes one poll, which meets the scenario,
	// then ends with its context (polling itself is tested in e2e_test.go).
	// More polls would only repeat the same answer, and the memory check
	// counts every body a call reads.
	confPoll = time.Hour
	// confWait bounds the calls that wait for orders, well inside the
	// matrix's deadlines.
	confWait = time.Second
)

func confCredentials() octane.Credentials {
	return octane.Credentials{Username: confUser, Password: octane.NewSecret(confPassword)}
}

func confClient(env conformance.Env) (*octane.Client, error) {
	opts := []octane.Option{
		octane.WithSOAPBaseURL(env.BaseURL + "/soap"),
		octane.WithRESTBaseURL(env.BaseURL + "/rest"),
		octane.WithHTTPClient(env.HTTPClient),
		octane.WithLogger(env.Logger),
		octane.WithRetry(octane.RetryPolicy(env.Retry)),
		octane.WithPollInterval(confPoll, confPoll),
		octane.WithLocation(time.UTC),
	}
	if env.MaxResponseSize > 0 {
		opts = append(opts, octane.WithMaxResponseSize(env.MaxResponseSize))
	}
	return octane.New(confCredentials(), opts...)
}

func confOp(name string, f func(ctx context.Context, c *octane.Client) error) conformance.Op {
	return conformance.Op{Name: name, Call: func(ctx context.Context, c any) error { return f(ctx, c.(*octane.Client)) }}
}

// confWaiting is confOp for a call that waits for orders: bounded by confWait.
func confWaiting(name string, f func(ctx context.Context, c *octane.Client) error) conformance.Op {
	return confOp(name, func(ctx context.Context, c *octane.Client) error {
		ctx, cancel := context.WithTimeout(ctx, confWait)
		defer cancel()
		return f(ctx, c)
	})
}

func second[T any](_ T, err error) error { return err }

// results is the call's error joined with the error of every order it
// placed, so that the per-order errors are checked too.
func results(res []octane.OrderResult, err error) error {
	errs := []error{err}
	for _, r := range res {
		errs = append(errs, r.Err)
	}
	return errors.Join(errs...)
}

func result(r octane.OrderResult, err error) error { return errors.Join(err, r.Err) }

var (
	confPool  = octane.Pool{CustNo: confCust, ServiceNumber: "0491000001", LineSeqNo: "3", ProviderID: "PRV-1"}
	confOther = octane.Pool{CustNo: confCust, ServiceNumber: "0491000002", LineSeqNo: "8", ProviderID: "PRV-2"}
	// confReconcile wants one consumer in, limited, and the others out.
	confReconcile = octane.PoolReconcileRequest{Pool: confPool, Consumers: []octane.DesiredConsumer{{ServiceNumber: "0412000001", DataLimit: octane.GB(5)}}}
	confOrder     = octane.PoolCreateRequest{CustNo: confCust, ProviderPlanID: "WME-POOL", PoolName: "Fleet", NotificationEmail: "noc@example.net"}
)

// confPasswordChange is a raw SOAP part carrying a secret of the call.
type confPasswordChange struct {
	XMLName     xml.Name `xml:"passwordChange"`
	UserName    string   `xml:"userName"`
	NewPassword string   `xml:"newPassword"`
}

// confOps is every exported operation; TestConformanceOpsComplete keeps it so.
var confOps = []conformance.Op{
	confOp("Orders.CreateDataPool", func(ctx context.Context, c *octane.Client) error {
		return second(c.Orders.CreateDataPool(ctx, confOrder))
	}),
	confOp("Orders.Query", func(ctx context.Context, c *octane.Client) error { return second(c.Orders.Query(ctx, "5000001")) }),
	confOp("Orders.Reset", func(ctx context.Context, c *octane.Client) error { return c.Orders.Reset(ctx, "5000001") }),
	confWaiting("Orders.Wait", func(ctx context.Context, c *octane.Client) error { return second(c.Orders.Wait(ctx, "5000001", nil)) }),
	confOp("Orders.AddConsumers", func(ctx context.Context, c *octane.Client) error {
		return results(c.Orders.AddConsumers(ctx, confCust, "PRV-1", "0412000001", "0412000002"))
	}),
	confOp("Orders.RemoveConsumers", func(ctx context.Context, c *octane.Client) error {
		return results(c.Orders.RemoveConsumers(ctx, confCust, "0412000001", "0412000002"))
	}),
	confOp("Services.Detail", func(ctx context.Context, c *octane.Client) error {
		return second(c.Services.Detail(ctx, confCust, "0491000001"))
	}),
	confOp("Services.Balance", func(ctx context.Context, c *octane.Client) error {
		return second(c.Services.Balance(ctx, confCust, "11"))
	}),
	confOp("DataPools.Get", func(ctx context.Context, c *octane.Client) error { return second(c.DataPools.Get(ctx, confPool.Ref())) }),
	confOp("DataPools.Transfer", func(ctx context.Context, c *octane.Client) error {
		return results(c.DataPools.Transfer(ctx, octane.TransferRequest{
			From: confPool.Ref(), ToProviderID: "PRV-2", ToLineSeqNo: "8", ServiceNumbers: []string{"0412000001", "0412000002"},
		}))
	}),
	confOp("DataPools.SetDataLimits", func(ctx context.Context, c *octane.Client) error {
		return results(c.DataPools.SetDataLimits(ctx,
			octane.ConsumerLimit{CustNo: confCust, LineSeqNo: "11", Limit: octane.GB(5)},
			octane.ConsumerLimit{CustNo: confCust, LineSeqNo: "12", Limit: octane.MB(512)}))
	}),
	confOp("DataPools.Disconnect", func(ctx context.Context, c *octane.Client) error {
		return second(c.DataPools.Disconnect(ctx, confPool.Ref()))
	}),
	confWaiting("Pools.Create", func(ctx context.Context, c *octane.Client) error { return second(c.Pools.Create(ctx, confOrder)) }),
	confOp("Pools.Lookup", func(ctx context.Context, c *octane.Client) error {
		return second(c.Pools.Lookup(ctx, confCust, "0491000001"))
	}),
	confOp("Pools.Get", func(ctx context.Context, c *octane.Client) error { return second(c.Pools.Get(ctx, confPool)) }),
	confWaiting("Pools.AddConsumers", func(ctx context.Context, c *octane.Client) error {
		return results(c.Pools.AddConsumers(ctx, confPool, "0412000001", "0412000002"))
	}),
	confWaiting("Pools.RemoveConsumers", func(ctx context.Context, c *octane.Client) error {
		return results(c.Pools.RemoveConsumers(ctx, confPool, "0412000001", "0412000002"))
	}),
	confWaiting("Pools.Transfer", func(ctx context.Context, c *octane.Client) error {
		return results(c.Pools.Transfer(ctx, confPool, confOther, "0412000001", "0412000002"))
	}),
	confWaiting("Pools.SetDataLimit", func(ctx context.Context, c *octane.Client) error {
		return result(c.Pools.SetDataLimit(ctx, confPool, "0412000001", octane.GB(5)))
	}),
	confWaiting("Pools.Disconnect", func(ctx context.Context, c *octane.Client) error { return second(c.Pools.Disconnect(ctx, confPool)) }),
	confOp("Pools.Plan", func(ctx context.Context, c *octane.Client) error { return second(c.Pools.Plan(ctx, confReconcile)) }),
	confWaiting("Pools.Apply", func(ctx context.Context, c *octane.Client) error {
		p, err := c.Pools.Plan(ctx, confReconcile)
		if err != nil {
			return err
		}
		return second(c.Pools.Apply(ctx, p))
	}),
	confWaiting("Pools.Reconcile", func(ctx context.Context, c *octane.Client) error {
		return second(c.Pools.Reconcile(ctx, confReconcile))
	}),
	confWaiting("Pools.Mirror", func(ctx context.Context, c *octane.Client) error {
		rep, err := c.Pools.Mirror(ctx, []octane.PoolReconcileRequest{confReconcile}, &octane.MirrorOptions{Concurrency: 1})
		errs := []error{err}
		if rep != nil {
			for _, r := range rep.Results {
				errs = append(errs, r.Err)
			}
		}
		return errors.Join(errs...)
	}),
	confOp("CallSOAP/query", func(ctx context.Context, c *octane.Client) error {
		var out struct {
			OrderID string `xml:"orderQueryResponse>orderId"`
		}
		type request struct {
			XMLName xml.Name `xml:"request"`
			OrderID string   `xml:"orderId"`
		}
		return c.CallSOAP(ctx, "/UtbOrder", confNSOrder, "orderQuery", true, &out, request{OrderID: "5000001"})
	}),
	confOp("CallSOAP/change", func(ctx context.Context, c *octane.Client) error {
		return c.CallSOAP(ctx, "/UtbCustomer", confNSCustomer, "changePassword", false, nil,
			confPasswordChange{UserName: "portal-user", NewPassword: confNewPassword})
	}),
	confOp("DoREST/GET", func(ctx context.Context, c *octane.Client) error {
		var out json.RawMessage
		return c.DoREST(ctx, http.MethodGet, "/v1/datapool", map[string][]string{"custno": {confCust}, "lineseqno": {"3"}}, nil, &out)
	}),
	confOp("DoREST/POST", func(ctx context.Context, c *octane.Client) error {
		var out map[string]any
		return c.DoREST(ctx, http.MethodPost, "/v1/user/password", nil,
			map[string]string{"custno": confCust, "newPassword": confNewPassword}, &out)
	}),
}

const (
	confNSOrder    = "http://order.frontend.ws.utilibill.com.au/"
	confNSCustomer = "http://customer.frontend.ws.utilibill.com.au/"
)

// confUnsafeSOAP are the SOAP operations that must not arrive twice: the
// orders, and the raw call sent as not idempotent.
var confUnsafeSOAP = []string{"orderCreate", "orderCreateBulk", "orderReset", "changePassword"}

func confUnsafe(r *http.Request, body []byte) bool {
	if r.Method != http.MethodPost {
		return false
	}
	if strings.HasPrefix(r.URL.Path, "/rest/") {
		return true // every REST POST is a change
	}
	for _, op := range confUnsafeSOAP {
		if strings.Contains(string(body), "<ns:"+op+" ") {
			return true
		}
	}
	return false
}

func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func jsonText(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// soapAnswer is a JAX-WS answer to op with inner as the content of its
// response element.
func soapAnswer(op, inner string) string {
	return `<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>` +
		`<ns2:` + op + `Response xmlns:ns2="` + confNSOrder + `">` + inner + `</ns2:` + op + `Response></S:Body></S:Envelope>`
}

func isBad(err error) bool { return errors.Is(err, octane.ErrBadResponse) }

func confEnvelope(name string, status int, ct string, body func(echo string) string, expect func(error) bool) conformance.Envelope {
	return conformance.Envelope{Name: name, Status: status, ContentType: ct, Body: body, Expect: expect}
}

const (
	confXML  = "text/xml; charset=utf-8"
	confJSON = "application/json"
)

// confEnvelopes place the echo in every text field Octane answers with:
// a Fault's code, string and detail; errorCode and errorMessage; an order's
// id, status and text; orderDetails' entries; a pool's provider fields.
// Each SOAP answer is the answer to one operation: to the others (and to
// the REST calls) it is an answer that cannot be read, which the matrix
// checks as well.
var confEnvelopes = []conformance.Envelope{
	confEnvelope("soap-fault", http.StatusInternalServerError, confXML, func(echo string) string {
		e := xmlText(echo)
		return `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><S:Fault><faultcode>S:` + e + `</faultcode>` +
			`<faultstring>` + e + `</faultstring><detail><message>` + e + `</message></detail></S:Fault></S:Body></S:Envelope>`
	}, func(err error) bool { return errors.Is(err, octane.ErrFault) || isBad(err) }),
	confEnvelope("soap-refused", http.StatusOK, confXML, func(echo string) string {
		return soapAnswer("orderQuery", `<return><errorCode>9</errorCode><errorMessage>`+xmlText(echo)+`</errorMessage></return>`)
	}, nil),
	confEnvelope("soap-bad-code", http.StatusOK, confXML, func(echo string) string {
		return soapAnswer("orderQuery", `<return><errorCode>`+xmlText(echo)+`</errorCode></return>`)
	}, isBad),
	confEnvelope("soap-order-create-refused", http.StatusOK, confXML, func(echo string) string {
		e := xmlText(echo)
		return soapAnswer("orderCreate", `<return><errorCode>7</errorCode><errorMessage>`+e+`</errorMessage><orderId>`+e+`</orderId></return>`)
	}, nil),
	confEnvelope("soap-order-running", http.StatusOK, confXML, func(echo string) string {
		e := xmlText(echo)
		return soapAnswer("orderQuery", `<return><errorCode>0</errorCode><orderQueryResponse><orderId>`+e+`</orderId>`+
			`<internalStatus>`+e+`</internalStatus><statusMessage>`+e+`</statusMessage></orderQueryResponse></return>`)
	}, nil),
	confEnvelope("soap-order-failed", http.StatusOK, confXML, func(echo string) string {
		e := xmlText(echo)
		return soapAnswer("orderQuery", `<return><errorCode>0</errorCode><orderQueryResponse><orderId>`+e+`</orderId>`+
			`<internalStatus>FAILED</internalStatus><statusMessage>`+e+`</statusMessage></orderQueryResponse></return>`)
	}, nil),
	confEnvelope("soap-bulk-refused", http.StatusOK, confXML, func(echo string) string {
		e := xmlText(echo)
		return soapAnswer("orderCreateBulk", `<ordersCreateResponse>`+
			`<orderResponse><errorCode>8</errorCode><errorMessage>`+e+`</errorMessage><orderId>`+e+`</orderId></orderResponse>`+
			`<orderResponse><errorCode>`+e+`</errorCode><orderId>`+e+`</orderId></orderResponse></ordersCreateResponse>`)
	}, nil),
	confEnvelope("soap-undecodable", http.StatusOK, confXML, func(echo string) string {
		full := soapAnswer("orderQuery", `<return><errorCode>0</errorCode><errorMessage>`+xmlText(echo)+`</errorMessage></return>`)
		return full[:strings.LastIndex(full, "</return>")] // cut short
	}, isBad),
	confEnvelope("rest-refused", http.StatusBadRequest, confJSON, func(echo string) string {
		return `{"errorCode":3,"errorMessage":` + jsonText(echo) + `,"success":false}`
	}, nil),
	confEnvelope("rest-answers", http.StatusOK, confJSON, func(echo string) string {
		e := jsonText(echo)
		return `{"errorCode":0,"success":true,"orderId":` + e + `,` +
			`"provider":{"memberId":` + e + `,"dataPoolStatus":` + e + `,"dataMaxCap":` + e + `,"serviceNumber":` + e + `},` +
			`"consumers":[{"serviceNumber":` + e + `,"dataPoolStatus":"OPTED-IN"}],` +
			`"orderDetails":[{"success":false,"orderId":` + e + `,"serviceNumber":` + e + `,"errorMessage":` + e + `},{"success":true}]}`
	}, nil),
	confEnvelope("rest-undecodable", http.StatusOK, confJSON, func(echo string) string {
		return `{"errorCode":0,"success":true,"errorMessage":` + jsonText(echo) + `,"provider":{"memberId":`
	}, isBad),
}

func confErr(err error) *octane.Error {
	var e *octane.Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

func confStatus(err error) int {
	if e := confErr(err); e != nil {
		return e.HTTPStatus
	}
	return 0
}

func confAdapter() conformance.Adapter {
	printable, err := octane.New(confCredentials(), octane.WithSOAPBaseURL("http://127.0.0.1:1/soap"), octane.WithRESTBaseURL("http://127.0.0.1:1/rest"))
	if err != nil {
		panic(err)
	}
	return conformance.Adapter{
		Vendor:      "octane",
		Secrets:     []string{confPassword, confTokenSecret, confNewPassword},
		Credentials: []string{confPassword, confTokenSecret, confNewPassword},
		New:         func(env conformance.Env) (any, error) { return confClient(env) },
		Ops:         confOps,
		Unsafe:      confUnsafe,
		Envelopes:   confEnvelopes,
		Classify: conformance.Classifier{
			IsBadResponse: isBad,
			IsRedirect:    func(err error) bool { s := confStatus(err); return s >= 300 && s < 400 },
			IsRateLimited: func(err error) bool { return confStatus(err) == http.StatusTooManyRequests },
			RetryAfter: func(err error) (time.Duration, bool) {
				if e := confErr(err); e != nil && e.RetryAfter > 0 {
					return e.RetryAfter, true
				}
				return 0, false
			},
			IsServerError: func(err error) bool { return confStatus(err) >= 500 },
		},
		Printables: []any{confCredentials(), printable},
	}
}

// TestConformanceOpsComplete: confOps names every exported method.
func TestConformanceOpsComplete(t *testing.T) {
	c, err := octane.New(confCredentials())
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	missing = append(missing, conformance.Uncovered(confOps, "Orders", c.Orders)...)
	missing = append(missing, conformance.Uncovered(confOps, "Services", c.Services)...)
	missing = append(missing, conformance.Uncovered(confOps, "DataPools", c.DataPools)...)
	missing = append(missing, conformance.Uncovered(confOps, "Pools", c.Pools)...)
	missing = append(missing, conformance.Uncovered(confOps, "", c,
		"HTTPClient", "SOAPBaseURL", "RESTBaseURL", "String", "GoString")...)
	if len(missing) > 0 {
		t.Errorf("operations without a conformance Op: %v", missing)
	}
}

// TestConformance runs every operation through the whole hostile-server
// matrix. Not parallel: the memory scenarios measure the process's
// allocations.
func TestConformance(t *testing.T) {
	conformance.Run(t, confAdapter())
}
