package octanetest

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// These helpers speak raw HTTP: hand-written SOAP envelopes and JSON, never
// the octane client.

func newTestServer(t *testing.T, opts ...Option) *Server {
	t.Helper()
	s := NewServer(opts...)
	t.Cleanup(s.Close)
	return s
}

// clock is a settable time source for the order lifecycle.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// withClock makes the server read the time from c.
func withClock(c *clock) Option { return func(s *Server) { s.now = c.now } }

func newClock() *clock { return &clock{t: time.Date(2024, 8, 13, 3, 59, 45, 0, time.UTC)} }

// node is any XML element, for reading answers by path.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
	Nodes   []node     `xml:",any"`
}

// find follows a path of local names ("a/b/c"); nil if absent.
func (n *node) find(path string) *node {
	cur := n
	for _, name := range strings.Split(path, "/") {
		var next *node
		for i := range cur.Nodes {
			if cur.Nodes[i].XMLName.Local == name {
				next = &cur.Nodes[i]
				break
			}
		}
		if next == nil {
			return nil
		}
		cur = next
	}
	return cur
}

// text is the text at path, "" if absent.
func (n *node) text(path string) string {
	if n == nil {
		return ""
	}
	if f := n.find(path); f != nil {
		return f.Text
	}
	return ""
}

// all returns every child of the element at path named name.
func (n *node) all(path, name string) []*node {
	parent := n.find(path)
	if parent == nil {
		return nil
	}
	var out []*node
	for i := range parent.Nodes {
		if parent.Nodes[i].XMLName.Local == name {
			out = append(out, &parent.Nodes[i])
		}
	}
	return out
}

// soapResult is a SOAP answer: the element inside S:Body (the response or
// the Fault) and its <return>.
type soapResult struct {
	status int
	header http.Header
	raw    string
	inBody *node
	ret    *node
}

func (r soapResult) code() string { return r.ret.text("errorCode") }

func (r soapResult) fault() string {
	if r.inBody == nil || r.inBody.XMLName.Local != "Fault" {
		return ""
	}
	return r.inBody.text("faultstring")
}

// envelope wraps an operation element in a SOAP 1.1 envelope.
func envelope(op string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>` +
		`<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>` +
		op + `</soapenv:Body></soapenv:Envelope>`
}

// login is the <login> of the default account, in the order WSDL-generated
// requests use; loginUserFirst is the other order.
const (
	login          = `<login><password>octane-secret</password><userName>octane-api</userName></login>`
	loginUserFirst = `<login><userName>octane-api</userName><password>octane-secret</password></login>`
)

// orderOp writes an order-service operation with the default login.
func orderOp(op, inner string) string {
	return `<ns:` + op + ` xmlns:ns="` + nsOrder + `">` + login + inner + `</ns:` + op + `>`
}

// serviceOp writes a service-detail operation with the default login.
func serviceOp(op, inner string) string {
	return `<ns:` + op + ` xmlns:ns="` + nsService + `">` + login + inner + `</ns:` + op + `>`
}

// postSOAP posts a raw body to a SOAP service path ("/UtbOrder").
func postSOAP(t *testing.T, s *Server, path, body string) soapResult {
	t.Helper()
	return sendSOAP(t, s, http.MethodPost, path, "text/xml; charset=utf-8", body)
}

func sendSOAP(t *testing.T, s *Server, method, path, contentType, body string) soapResult {
	t.Helper()
	req, err := http.NewRequest(method, s.SOAPBaseURL()+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header["SOAPAction"] = []string{`""`}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	r := soapResult{status: resp.StatusCode, header: resp.Header, raw: string(raw)}
	var env node
	if err := xml.Unmarshal(raw, &env); err != nil {
		t.Fatalf("%s %s: answer is not XML: %v\n%s", method, path, err, raw)
	}
	if env.XMLName.Space != soapEnvNS || env.XMLName.Local != "Envelope" {
		t.Fatalf("answer root %v", env.XMLName)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/xml; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	body2 := env.find("Body")
	if body2 == nil || len(body2.Nodes) != 1 {
		t.Fatalf("answer Body: %s", raw)
	}
	r.inBody = &body2.Nodes[0]
	r.ret = r.inBody.find("return")
	if r.ret == nil && strings.HasSuffix(r.inBody.XMLName.Local, "Response") {
		r.ret = r.inBody // an answer without <return>: orderCreateBulk's
	}
	return r
}

// soapOK checks a SOAP answer is HTTP 200 with errorCode 0.
func soapOK(t *testing.T, r soapResult) {
	t.Helper()
	if r.status != http.StatusOK || r.ret == nil || r.code() != "0" {
		t.Fatalf("want HTTP 200 errorCode 0, got HTTP %d: %s", r.status, r.raw)
	}
}

// soapErr checks a SOAP answer is HTTP 200 with the given errorCode and
// message.
func soapErr(t *testing.T, r soapResult, code int, msg string) {
	t.Helper()
	if r.status != http.StatusOK || r.ret == nil || r.code() != fmt.Sprint(code) {
		t.Fatalf("want HTTP 200 errorCode %d, got HTTP %d: %s", code, r.status, r.raw)
	}
	if got := r.ret.text("errorMessage"); got != msg {
		t.Fatalf("errorMessage %q, want %q", got, msg)
	}
}

// expectFault checks a SOAP answer is a client Fault with the given status
// and a faultstring containing want.
func expectFault(t *testing.T, r soapResult, status int, want string) {
	t.Helper()
	if r.status != status || r.inBody.XMLName.Local != "Fault" || r.inBody.XMLName.Space != soapEnvNS {
		t.Fatalf("want a Fault with HTTP %d, got HTTP %d: %s", status, r.status, r.raw)
	}
	if fc := r.inBody.text("faultcode"); fc != "S:Client" {
		t.Errorf("faultcode %q", fc)
	}
	if got := r.fault(); !strings.Contains(got, want) {
		t.Fatalf("faultstring %q, want it to contain %q", got, want)
	}
}

// createPoolXML is an orderCreate for a new pool of the default customer.
func createPoolXML(custNo, plan, name string) string {
	return envelope(orderOp("orderCreate", `<createRequest><custNo>`+custNo+`</custNo><orderType>SRVC_ORD</orderType>`+
		`<orderAction>ADD_WME_NEW</orderAction><orderItems><WmeNewDataPoolReqItem><department>Ops</department>`+
		`<planNo>`+plan+`</planNo><serviceNotes>n</serviceNotes><notificationEmail>a@b.c</notificationEmail>`+
		`<poolName>`+name+`</poolName></WmeNewDataPoolReqItem></orderItems></createRequest>`))
}

// queryXML is an orderQuery.
func queryXML(id string) string {
	return envelope(orderOp("orderQuery", `<request><orderId>`+id+`</orderId></request>`))
}

// resetXML is an orderReset.
func resetXML(id, retry string) string {
	return envelope(orderOp("orderReset", `<request><orderId>`+id+`</orderId><retryOrder>`+retry+`</retryOrder></request>`))
}

// detailXML is a getServiceDetail.
func detailXML(custNo, number string) string {
	return envelope(serviceOp("getServiceDetail", `<serviceDetail><serviceDetails><custno>`+custNo+
		`</custno><serviceNumber>`+number+`</serviceNumber></serviceDetails></serviceDetail>`))
}

// optInXML and optOutXML are one order of an orderCreateBulk.
func optInXML(custNo, providerID, number string) string {
	return `<orderCreate><custNo>` + custNo + `</custNo><orderType>SRVC_ORD</orderType>` +
		`<orderAction>WME_OPT_IN_CONSUMER</orderAction><custReqDate>2024-08-13</custReqDate><orderItems>` +
		`<WmeOptInConsumerReqItem><providerId>` + providerID + `</providerId><serviceNumber>` + number +
		`</serviceNumber></WmeOptInConsumerReqItem></orderItems></orderCreate>`
}

func optOutXML(custNo, number string) string {
	return `<orderCreate><custNo>` + custNo + `</custNo><orderType>SRVC_ORD</orderType>` +
		`<orderAction>WME_OPT_OUT_CONSUMER</orderAction><custReqDate>2024-08-13</custReqDate><orderItems>` +
		`<WmeOptOutConsumerReqItem><serviceNumber>` + number + `</serviceNumber></WmeOptOutConsumerReqItem>` +
		`</orderItems></orderCreate>`
}

// bulkXML is an orderCreateBulk of the given orders.
func bulkXML(orders ...string) string {
	return envelope(orderOp("orderCreateBulk", `<orders>`+strings.Join(orders, "")+`</orders>`))
}

// bulkResult is one orderResponse.
type bulkResult struct{ code, id, msg string }

// bulk posts an orderCreateBulk and returns its orderResponses.
func bulk(t *testing.T, s *Server, orders ...string) []bulkResult {
	t.Helper()
	r := postSOAP(t, s, "/UtbOrder", bulkXML(orders...))
	if r.status != http.StatusOK || r.ret == nil || r.code() != "" || r.ret.find("ordersCreateResponse") == nil {
		t.Fatalf("want HTTP 200, orderCreateBulkResponse/ordersCreateResponse without <return> or errorCode, got HTTP %d: %s", r.status, r.raw)
	}
	var out []bulkResult
	for _, n := range r.ret.all("ordersCreateResponse", "orderResponse") {
		out = append(out, bulkResult{n.text("errorCode"), n.text("orderId"), n.text("errorMessage")})
	}
	if len(out) != len(orders) {
		t.Fatalf("%d orderResponses for %d orders: %s", len(out), len(orders), r.raw)
	}
	return out
}

// placeOK checks every bulk order was placed and returns the order ids.
func placeOK(t *testing.T, rs []bulkResult) []string {
	t.Helper()
	var ids []string
	for i, r := range rs {
		if r.code != "0" || r.id == "" || r.msg != "" {
			t.Fatalf("order %d refused: %+v", i, r)
		}
		ids = append(ids, r.id)
	}
	return ids
}

// restResult is a REST answer.
type restResult struct {
	status int
	header http.Header
	raw    string
	m      map[string]any
}

func (r restResult) code() float64 {
	f, _ := r.m["errorCode"].(float64)
	return f
}

func (r restResult) msg() string {
	s, _ := r.m["errorMessage"].(string)
	return s
}

// auth is a Basic Authorization header value; "" sends none.
type auth string

func basic(user, pass string) auth {
	req, _ := http.NewRequest(http.MethodGet, "/", nil)
	req.SetBasicAuth(user, pass)
	return auth(req.Header.Get("Authorization"))
}

var defaultAuth = basic(DefaultUsername, DefaultPassword)

// sendREST makes one raw REST request; body is marshalled unless it is a
// string.
func sendREST(t *testing.T, s *Server, a auth, method, path string, body any) restResult {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		enc, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(enc)
	}
	req, err := http.NewRequest(method, s.RESTBaseURL()+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if a != "" {
		req.Header.Set("Authorization", string(a))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	r := restResult{status: resp.StatusCode, header: resp.Header, raw: string(raw)}
	if err := json.Unmarshal(raw, &r.m); err != nil {
		t.Fatalf("%s %s: answer is not a JSON object: %v\n%s", method, path, err, raw)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q", ct)
	}
	return r
}

func getPool(t *testing.T, s *Server, custNo, line string) restResult {
	t.Helper()
	return sendREST(t, s, defaultAuth, http.MethodGet, "/v1/datapool?custno="+custNo+"&lineseqno="+line, nil)
}

func postREST(t *testing.T, s *Server, path string, body any) restResult {
	t.Helper()
	return sendREST(t, s, defaultAuth, http.MethodPost, path, body)
}

// restOK checks a REST answer is HTTP 200, errorCode 0, success true (the
// boolean).
func restOK(t *testing.T, r restResult) {
	t.Helper()
	if r.status != http.StatusOK || r.code() != 0 || r.m["success"] != true || r.m["errorMessage"] != "" {
		t.Fatalf("want HTTP 200 errorCode 0 success true, got HTTP %d: %s", r.status, r.raw)
	}
}

// restErr checks a REST refusal: status, errorCode, message and success
// false (the boolean).
func restErr(t *testing.T, r restResult, status, code int, msg string) {
	t.Helper()
	if r.status != status || r.code() != float64(code) || r.m["success"] != false {
		t.Fatalf("want HTTP %d errorCode %d success false, got HTTP %d: %s", status, code, r.status, r.raw)
	}
	if msg != "" && r.msg() != msg {
		t.Fatalf("errorMessage %q, want %q", r.msg(), msg)
	}
}

// orderIDs returns the orderIds of a REST answer's orderDetails.
func orderIDs(t *testing.T, r restResult) []string {
	t.Helper()
	details, _ := r.m["orderDetails"].([]any)
	var ids []string
	for _, d := range details {
		m, _ := d.(map[string]any)
		id, _ := m["orderId"].(string)
		if m["success"] != true || id == "" {
			t.Fatalf("order detail %v", d)
		}
		ids = append(ids, id)
	}
	return ids
}

// fixture is a pool of the default customer with consumers, seeded.
type fixture struct {
	pool      Pool
	consumers []Service
}

// seedFixture seeds a pool and n consumers in it, plus free services.
func seedFixture(t *testing.T, s *Server, inPool, free int) fixture {
	t.Helper()
	f := fixture{pool: s.SeedPool(Pool{Name: "Fleet"})}
	for i := range inPool + free {
		svc := Service{CustNo: DefaultCustNo}
		if i < inPool {
			svc.PoolProviderID = f.pool.ProviderID
		}
		line := s.SeedService(svc)
		got := s.servicesByLine(DefaultCustNo, line)
		f.consumers = append(f.consumers, got)
	}
	return f
}

// servicesByLine finds a seeded service by its line (test helper).
func (s *Server) servicesByLine(custNo, line string) Service {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.services[s.lines[lineKey{custNo, line}]].Service
}

// orderStatus reads an order's status over SOAP.
func orderStatus(t *testing.T, s *Server, id string) *node {
	t.Helper()
	r := postSOAP(t, s, "/UtbOrder", queryXML(id))
	soapOK(t, r)
	return r.ret.find("orderQueryResponse")
}
