package octanetest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// SOAP 1.1 and the two services' namespaces.
const (
	soapEnvNS   = "http://schemas.xmlsoap.org/soap/envelope/"
	nsOrder     = "http://order.frontend.ws.utilibill.com.au/"
	nsService   = "http://v3.service.frontend.ws.utilibill.com.au/"
	nsMobile    = "http://mobileservice.frontend.ws.utilibill.com.au/"
	soapContent = "text/xml; charset=utf-8"

	orderTypeService  = "SRVC_ORD"
	custReqDateLayout = "2006-01-02"

	// faultAuth is the faultstring of a refused login.
	faultAuth = "Authentication failed: invalid userName or password"
)

// soapService is one SOAP endpoint and its operations.
type soapService struct {
	ns  string
	ops map[string]soapOp
}

// soapOp is one operation: the child element it takes besides <login>, and
// its handler, which returns the content of <return> after <errorCode>0
// </errorCode>. Handlers run with s.mu held. A bare operation answers
// without <return> (and without errorCode 0): the handler's content sits
// directly in the {op}Response element, unless WithWrappedBulkAnswers.
type soapOp struct {
	child  string
	handle func(s *Server, req *soapRequest) (string, *apiError)
	bare   bool
}

var soapServices = map[string]*soapService{
	pathOrder: {ns: nsOrder, ops: map[string]soapOp{
		"orderCreate":     {"createRequest", (*Server).orderCreate, false},
		"orderQuery":      {"request", (*Server).orderQuery, false},
		"orderCreateBulk": {"orders", (*Server).orderCreateBulk, true},
		"orderReset":      {"request", (*Server).orderReset, false},
	}},
	pathService: {ns: nsService, ops: map[string]soapOp{
		"getServiceDetail": {"serviceDetail", (*Server).getServiceDetail, false},
	}},
	pathMobile: {ns: nsMobile, ops: map[string]soapOp{
		"queryBalanceV3": {"queryBalanceRequest", (*Server).queryBalance, false},
	}},
}

// soapRequest is a decoded operation: its login and its one argument.
type soapRequest struct {
	op      string
	login   *soapLogin
	create  *soapCreateRequest
	request *soapOrderRequest
	orders  *soapBulkOrders
	detail  *soapServiceDetail
	balance *soapBalanceRequest
}

type soapLogin struct {
	UserName string `xml:"userName"`
	Password string `xml:"password"`
}

type soapCreateRequest struct {
	CustNo      string `xml:"custNo"`
	OrderType   string `xml:"orderType"`
	OrderAction string `xml:"orderAction"`
	Item        *struct {
		Department        string `xml:"department"`
		PlanNo            string `xml:"planNo"`
		ServiceNotes      string `xml:"serviceNotes"`
		NotificationEmail string `xml:"notificationEmail"`
		PoolName          string `xml:"poolName"`
	} `xml:"orderItems>WmeNewDataPoolReqItem"`
}

type soapOrderRequest struct {
	OrderID    string `xml:"orderId"`
	RetryOrder string `xml:"retryOrder"`
}

type soapBulkOrders struct {
	Orders []soapBulkOrder `xml:"orderCreate"`
}

type soapBulkOrder struct {
	CustNo      string `xml:"custNo"`
	OrderType   string `xml:"orderType"`
	OrderAction string `xml:"orderAction"`
	CustReqDate string `xml:"custReqDate"`
	OptIn       *struct {
		ProviderID    string `xml:"providerId"`
		ServiceNumber string `xml:"serviceNumber"`
	} `xml:"orderItems>WmeOptInConsumerReqItem"`
	OptOut *struct {
		ServiceNumber string `xml:"serviceNumber"`
	} `xml:"orderItems>WmeOptOutConsumerReqItem"`
}

type soapBalanceRequest struct {
	CustNo    string `xml:"custNo"`
	LineSeqNo string `xml:"lineSeqNo"`
}

type soapServiceDetail struct {
	CustNo        string `xml:"serviceDetails>custno"`
	ServiceNumber string `xml:"serviceDetails>serviceNumber"`
}

// soapFault is a refusal answered with a SOAP Fault.
type soapFault struct {
	status int
	msg    string
}

// serveSOAP serves one SOAP request to svc.
func (s *Server) serveSOAP(w http.ResponseWriter, r *http.Request, svc *soapService, raw []byte) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeFault(w, http.StatusMethodNotAllowed, "HTTP method "+r.Method+" is not supported; use POST")
		return
	}
	ct := r.Header.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "text/xml" {
		writeFault(w, http.StatusUnsupportedMediaType, "Unsupported Content-Type: "+ct+" Supported ones are: [text/xml]")
		return
	}
	req, f := parseEnvelope(raw, svc)
	if f != nil {
		writeFault(w, f.status, f.msg)
		return
	}

	s.mu.Lock()
	s.advance()
	if req.login.UserName != s.user || req.login.Password != s.pass {
		s.mu.Unlock()
		writeFault(w, http.StatusInternalServerError, faultAuth)
		return
	}
	spec := svc.ops[req.op]
	inner, err := spec.handle(s, req)
	s.mu.Unlock()

	wrap := !spec.bare || s.wrappedBulk
	var b strings.Builder
	if wrap {
		b.WriteString("<return>")
	}
	if err != nil {
		b.WriteString("<errorCode>" + strconv.Itoa(err.code) + "</errorCode>")
		element(&b, "errorMessage", err.msg)
	} else {
		if wrap {
			b.WriteString("<errorCode>0</errorCode>")
		}
		b.WriteString(inner)
	}
	if wrap {
		b.WriteString("</return>")
	}
	writeSOAP(w, http.StatusOK, `<ns2:`+req.op+`Response xmlns:ns2="`+svc.ns+`">`+b.String()+`</ns2:`+req.op+`Response>`)
}

// parseEnvelope decodes a SOAP 1.1 request for svc: the Envelope, its Body
// and the operation in it, whose children must be unqualified and expected.
func parseEnvelope(raw []byte, svc *soapService) (*soapRequest, *soapFault) {
	malformed := func(err error) *soapFault {
		return &soapFault{http.StatusInternalServerError, "Malformed SOAP message: " + err.Error()}
	}
	bad := func(msg string) *soapFault { return &soapFault{http.StatusInternalServerError, msg} }

	dec := xml.NewDecoder(bytes.NewReader(raw))
	env, err := nextChild(dec)
	if err != nil {
		return nil, malformed(err)
	}
	if env == nil || env.Name.Local != "Envelope" || env.Name.Space != soapEnvNS {
		return nil, bad("Not a SOAP 1.1 message: the root element must be {" + soapEnvNS + "}Envelope")
	}
	var body *xml.StartElement
	for body == nil {
		el, err := nextChild(dec)
		switch {
		case err != nil:
			return nil, malformed(err)
		case el == nil:
			return nil, bad("SOAP Body is missing")
		case el.Name.Space == soapEnvNS && el.Name.Local == "Header":
			if err := dec.Skip(); err != nil {
				return nil, malformed(err)
			}
		case el.Name.Space == soapEnvNS && el.Name.Local == "Body":
			body = el
		default:
			return nil, bad("Unexpected element " + qname(el.Name) + " in the SOAP Envelope")
		}
	}
	opEl, err := nextChild(dec)
	if err != nil {
		return nil, malformed(err)
	}
	if opEl == nil {
		return nil, bad("SOAP Body holds no operation")
	}
	spec, ok := svc.ops[opEl.Name.Local]
	if !ok || opEl.Name.Space != svc.ns {
		return nil, bad("Cannot find dispatch method for " + qname(opEl.Name))
	}
	req := &soapRequest{op: opEl.Name.Local}
	for {
		el, err := nextChild(dec)
		if err != nil {
			return nil, malformed(err)
		}
		if el == nil {
			break
		}
		var target any
		switch {
		case el.Name.Space != "":
			// Qualified children are not the operation's: JAX-WS does not see them.
		case el.Name.Local == "login":
			req.login = new(soapLogin)
			target = req.login
		case el.Name.Local == spec.child:
			target = req.argument()
		}
		if target == nil {
			return nil, bad("Unmarshalling Error: unexpected element " + qname(el.Name) +
				". Expected elements are <{}login>,<{}" + spec.child + ">")
		}
		if err := dec.DecodeElement(target, el); err != nil {
			return nil, malformed(err)
		}
	}
	// The rest must still be well-formed.
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			return nil, malformed(err)
		}
	}
	if req.login == nil {
		return nil, bad("Missing <login>: every operation needs <login><userName/><password/></login>")
	}
	return req, nil
}

// argument allocates the operation's argument and returns it to decode into.
func (req *soapRequest) argument() any {
	switch req.op {
	case "orderCreate":
		req.create = new(soapCreateRequest)
		return req.create
	case "orderQuery", "orderReset":
		req.request = new(soapOrderRequest)
		return req.request
	case "orderCreateBulk":
		req.orders = new(soapBulkOrders)
		return req.orders
	case "queryBalanceV3":
		req.balance = new(soapBalanceRequest)
		return req.balance
	default: // getServiceDetail
		req.detail = new(soapServiceDetail)
		return req.detail
	}
}

// nextChild returns the next child element of the element being read, nil
// at its end (or at the end of the document).
func nextChild(dec *xml.Decoder) (*xml.StartElement, error) {
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil, errors.New("unexpected end of document")
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return &t, nil
		case xml.EndElement:
			return nil, nil
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return nil, errors.New("unexpected text " + strconv.Quote(string(t)))
			}
		}
	}
}

// qname writes a name as JAX-WS does: {namespace}local.
func qname(n xml.Name) string { return "{" + n.Space + "}" + n.Local }

// element writes <name>text</name>, the text escaped.
func element(b *strings.Builder, name, text string) {
	b.WriteString("<" + name + ">")
	_ = xml.EscapeText(b, []byte(text))
	b.WriteString("</" + name + ">")
}

const (
	envelopeOpen  = `<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S="` + soapEnvNS + `"><S:Body>`
	envelopeClose = `</S:Body></S:Envelope>`
)

// writeSOAP writes a SOAP envelope around body.
func writeSOAP(w http.ResponseWriter, status int, body string) {
	out := envelopeOpen + body + envelopeClose
	w.Header().Set("Content-Type", soapContent)
	w.Header().Set("Content-Length", strconv.Itoa(len(out)))
	w.WriteHeader(status)
	_, _ = io.WriteString(w, out)
}

// writeFault writes a client Fault.
func writeFault(w http.ResponseWriter, status int, msg string) {
	var b strings.Builder
	b.WriteString("<S:Fault><faultcode>S:Client</faultcode>")
	element(&b, "faultstring", msg)
	b.WriteString("</S:Fault>")
	writeSOAP(w, status, b.String())
}

// ---- operations ----

// orderCreate places an ADD_WME_NEW order: a new data pool (step 1).
func (s *Server) orderCreate(req *soapRequest) (string, *apiError) {
	c := req.create
	if c == nil {
		return "", fail(CodeInvalidInput, "createRequest is required")
	}
	c.CustNo = strings.TrimSpace(c.CustNo)
	switch {
	case strings.TrimSpace(c.OrderType) != orderTypeService:
		return "", fail(CodeInvalidInput, "Invalid orderType "+strconv.Quote(c.OrderType)+"; expected "+orderTypeService)
	case strings.TrimSpace(c.OrderAction) != ActionNewDataPool:
		return "", fail(CodeInvalidInput, "Invalid orderAction "+strconv.Quote(c.OrderAction)+" for orderCreate; expected "+ActionNewDataPool)
	case s.customers[c.CustNo] == nil:
		return "", fail(CodeUnknownCustomer, "Customer "+c.CustNo+" not found")
	case c.Item == nil:
		return "", fail(CodeInvalidInput, "orderItems/WmeNewDataPoolReqItem is required")
	}
	item := c.Item
	planNo := strings.TrimSpace(item.PlanNo)
	capBytes, ok := s.providerPlans[planNo]
	if !ok {
		return "", fail(CodeUnknownPlan, "Plan "+planNo+" is not a data pool provider plan")
	}
	name := strings.TrimSpace(item.PoolName)
	if name == "" {
		return "", fail(CodeInvalidInput, "poolName is required")
	}
	o := s.place(&order{
		Order: Order{CustNo: c.CustNo, Action: ActionNewDataPool},
		newPool: Pool{
			CustNo:            c.CustNo,
			Name:              name,
			PlanNo:            planNo,
			Department:        item.Department,
			Notes:             item.ServiceNotes,
			NotificationEmail: item.NotificationEmail,
			MaxCap:            capBytes,
		},
	})
	return "<orderId>" + o.ID + "</orderId>", nil
}

// orderQuery reports an order (step 2), with the new pool's number once an
// ADD_WME_NEW order is COMMITTED.
func (s *Server) orderQuery(req *soapRequest) (string, *apiError) {
	o, err := s.requestedOrder(req)
	if err != nil {
		return "", err
	}
	status := s.status(o)
	var b strings.Builder
	b.WriteString("<orderQueryResponse>")
	element(&b, "orderId", o.ID)
	element(&b, "action", o.Action)
	element(&b, "internalStatus", status)
	if status == OrderFailed {
		element(&b, "statusMessage", o.Message)
	}
	element(&b, "createdOn", o.Created.UTC().Format(time.RFC3339))
	if plan := s.planOf(o); plan != "" {
		element(&b, "planName", plan)
	}
	if status == s.doneStatus && o.Action == ActionNewDataPool {
		b.WriteString("<orderItems><wmeNewReqItem>")
		element(&b, "msn", o.poolSN)
		b.WriteString("</wmeNewReqItem></orderItems>")
	}
	b.WriteString("</orderQueryResponse>")
	return b.String(), nil
}

// planOf is the plan an order concerns, reported as its planName: the new
// pool's, the disconnected pool's, or the consumer's. The fake's plans have
// no names of their own, so the name is the plan number. s.mu must be held.
func (s *Server) planOf(o *order) string {
	switch o.Action {
	case ActionNewDataPool:
		return o.newPool.PlanNo
	case ActionDisconnect:
		if p, ok := s.pools[o.providerID]; ok {
			return p.PlanNo
		}
		return ""
	}
	if svc, ok := s.services[o.serviceNumber]; ok {
		return svc.PlanNo
	}
	return ""
}

// orderReset re-runs a FAILED order.
func (s *Server) orderReset(req *soapRequest) (string, *apiError) {
	o, err := s.requestedOrder(req)
	if err != nil {
		return "", err
	}
	if flag := strings.TrimSpace(req.request.RetryOrder); flag != "true" {
		return "", fail(CodeInvalidInput, "retryOrder must be true, got "+strconv.Quote(flag))
	}
	if status := s.status(o); status != OrderFailed {
		return "", fail(CodeOrderNotFailed, "Order "+o.ID+" is not FAILED (status "+status+")")
	}
	s.begin(o)
	return "", nil
}

// requestedOrder finds the order of a <request><orderId/>.
func (s *Server) requestedOrder(req *soapRequest) (*order, *apiError) {
	if req.request == nil || strings.TrimSpace(req.request.OrderID) == "" {
		return nil, fail(CodeInvalidInput, "request/orderId is required")
	}
	id := strings.TrimSpace(req.request.OrderID)
	o, ok := s.orders[id]
	if !ok {
		return nil, fail(CodeNotFound, "Order "+id+" not found")
	}
	return o, nil
}

// orderCreateBulk places opt-in and opt-out orders (steps 4 and 8), each
// answered on its own: a refused one does not stop the others.
func (s *Server) orderCreateBulk(req *soapRequest) (string, *apiError) {
	if req.orders == nil || len(req.orders.Orders) == 0 {
		return "", fail(CodeInvalidInput, "orders must hold at least one orderCreate")
	}
	var b strings.Builder
	b.WriteString("<ordersCreateResponse>")
	for i := range req.orders.Orders {
		b.WriteString("<orderResponse>")
		if o, err := s.bulkOrder(&req.orders.Orders[i]); err != nil {
			b.WriteString("<errorCode>" + strconv.Itoa(err.code) + "</errorCode>")
			element(&b, "errorMessage", err.msg)
		} else {
			b.WriteString("<errorCode>0</errorCode>")
			element(&b, "orderId", o.ID)
		}
		b.WriteString("</orderResponse>")
	}
	b.WriteString("</ordersCreateResponse>")
	return b.String(), nil
}

// bulkOrder checks and places one order of an orderCreateBulk.
func (s *Server) bulkOrder(b *soapBulkOrder) (*order, *apiError) {
	custNo := strings.TrimSpace(b.CustNo)
	action := strings.TrimSpace(b.OrderAction)
	date := strings.TrimSpace(b.CustReqDate)
	if t := strings.TrimSpace(b.OrderType); t != orderTypeService {
		return nil, fail(CodeInvalidInput, "Invalid orderType "+strconv.Quote(t)+"; expected "+orderTypeService)
	}
	if _, err := time.Parse(custReqDateLayout, date); err != nil {
		return nil, fail(CodeInvalidInput, "Invalid custReqDate "+strconv.Quote(date)+"; expected YYYY-MM-DD")
	}
	if s.customers[custNo] == nil {
		return nil, fail(CodeUnknownCustomer, "Customer "+custNo+" not found")
	}
	switch action {
	case ActionOptIn:
		if b.OptIn == nil {
			return nil, fail(CodeInvalidInput, "orderItems/WmeOptInConsumerReqItem is required")
		}
		pid, number := strings.TrimSpace(b.OptIn.ProviderID), strings.TrimSpace(b.OptIn.ServiceNumber)
		if pid == "" || number == "" {
			return nil, fail(CodeInvalidInput, "providerId and serviceNumber are required")
		}
		if p, ok := s.pools[pid]; !ok || p.CustNo != custNo {
			return nil, fail(CodeNotFound, "Data pool "+pid+" not found")
		}
		if _, err := s.activePool(pid); err != nil {
			return nil, err
		}
		svc, err := s.customerService(custNo, number)
		if err != nil {
			return nil, err
		}
		if !s.consumerPlans[svc.PlanNo] {
			return nil, fail(CodeNotConsumerPlan, "Service "+number+" is not on a data pool consumer plan")
		}
		if svc.PoolProviderID != "" {
			return nil, fail(CodeConflict, "Service "+number+" is already in data pool "+svc.PoolProviderID)
		}
		if err := checkMovable(svc); err != nil {
			return nil, err
		}
		return s.place(&order{Order: Order{CustNo: custNo, Action: ActionOptIn}, serviceNumber: number, providerID: pid}), nil
	case ActionOptOut:
		if b.OptOut == nil {
			return nil, fail(CodeInvalidInput, "orderItems/WmeOptOutConsumerReqItem is required")
		}
		number := strings.TrimSpace(b.OptOut.ServiceNumber)
		if number == "" {
			return nil, fail(CodeInvalidInput, "serviceNumber is required")
		}
		svc, err := s.customerService(custNo, number)
		if err != nil {
			return nil, err
		}
		if svc.PoolProviderID == "" {
			return nil, notInPool(number)
		}
		if err := checkMovable(svc); err != nil {
			return nil, err
		}
		return s.place(&order{Order: Order{CustNo: custNo, Action: ActionOptOut}, serviceNumber: number, providerID: svc.PoolProviderID}), nil
	default:
		return nil, fail(CodeInvalidInput, "Invalid orderAction "+strconv.Quote(action)+" for orderCreateBulk; expected "+
			ActionOptIn+" or "+ActionOptOut)
	}
}

// customerService returns custNo's consumer-capable service by number.
func (s *Server) customerService(custNo, number string) (*service, *apiError) {
	svc, ok := s.services[number]
	if !ok || svc.CustNo != custNo {
		return nil, serviceNotFound(number)
	}
	return svc, nil
}

// getServiceDetail reports a service of a customer, a consumer or a pool:
// its lineSeqNo above all (step 2).
func (s *Server) getServiceDetail(req *soapRequest) (string, *apiError) {
	d := req.detail
	if d == nil || strings.TrimSpace(d.CustNo) == "" || strings.TrimSpace(d.ServiceNumber) == "" {
		return "", fail(CodeInvalidInput, "serviceDetails/custno and serviceDetails/serviceNumber are required")
	}
	custNo, number := strings.TrimSpace(d.CustNo), strings.TrimSpace(d.ServiceNumber)
	var line, plan, status string
	if svc, ok := s.services[number]; ok && svc.CustNo == custNo {
		line, plan, status = svc.LineSeqNo, svc.PlanNo, "Active"
	} else if id, ok := s.poolBySN[number]; ok && s.pools[id].CustNo == custNo {
		p := s.pools[id]
		line, plan, status = p.LineSeqNo, p.PlanNo, "Active"
		if p.Status == StatusOptedOut {
			status = "Disconnected"
		}
	} else {
		return "", serviceNotFound(number)
	}
	var b strings.Builder
	b.WriteString("<Instances><Instance><serviceNumberDetail>")
	element(&b, "serviceNumber", number)
	element(&b, "lineSeqno", line)
	element(&b, "status", status)
	element(&b, "planNo", plan)
	b.WriteString("</serviceNumberDetail></Instance></Instances>")
	return b.String(), nil
}

// queryBalance reports a service's balances (queryBalanceV3): one DATA
// balance with its amounts as bare integers of bytes, the way the public
// client that reads this call parses them. A consumer's allowance is its
// data limit, or its pool's cap when it has none (0 outside a pool); its use
// is its usage (SetUsage). A pool's own line reports the pool's cap and the
// sum of its members' usage.
func (s *Server) queryBalance(req *soapRequest) (string, *apiError) {
	q := req.balance
	if q == nil || strings.TrimSpace(q.CustNo) == "" || strings.TrimSpace(q.LineSeqNo) == "" {
		return "", fail(CodeInvalidInput, "queryBalanceRequest/custNo and queryBalanceRequest/lineSeqNo are required")
	}
	custNo, line := strings.TrimSpace(q.CustNo), strings.TrimSpace(q.LineSeqNo)
	var allowance, used int64
	if p, ok := s.poolAt(custNo, line); ok {
		allowance, used = p.MaxCap, s.poolSnapshot(p).Usage
	} else if svc, ok := s.services[s.lines[lineKey{custNo, line}]]; ok && svc.CustNo == custNo {
		allowance, used = svc.DataLimit, svc.DataUsage
		if p, ok := s.pools[svc.PoolProviderID]; ok && allowance == 0 {
			allowance = p.MaxCap
		}
	} else {
		return "", fail(CodeNotFound, "Service with lineSeqNo "+line+" not found for customer "+custNo)
	}
	var b strings.Builder
	b.WriteString("<balances><balance>")
	element(&b, "type", "DATA")
	element(&b, "allowanceFmt", strconv.FormatInt(allowance, 10))
	element(&b, "usedFmt", strconv.FormatInt(used, 10))
	b.WriteString("</balance></balances>")
	return b.String(), nil
}
