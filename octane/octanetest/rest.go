package octanetest

import (
	"bytes"
	"encoding/json"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// restRoute is one REST endpoint. Handlers run with s.mu held and return
// the HTTP status and the answer.
type restRoute struct {
	method string
	handle func(s *Server, r *http.Request, body []byte) (int, object)
}

// restRoutes maps each path after /tiab/api to its endpoint.
var restRoutes = map[string]restRoute{
	pathDataPool:    {http.MethodGet, (*Server).getDataPool},
	pathTransfer:    {http.MethodPost, (*Server).transfer},
	pathModifyLimit: {http.MethodPost, (*Server).modifyLimit},
	pathDisconnect:  {http.MethodPost, (*Server).disconnect},
}

// serveREST serves one request to the REST API; path is after /tiab/api.
func (s *Server) serveREST(w http.ResponseWriter, r *http.Request, path string, raw []byte) {
	rt, ok := restRoutes[path]
	if !ok {
		writeJSON(w, http.StatusNotFound, failure(fail(codeRouteNotFound, "Not Found")))
		return
	}
	if user, pass, ok := r.BasicAuth(); !ok || user != s.user || pass != s.pass {
		w.Header().Set("WWW-Authenticate", `Basic realm="octane"`)
		writeJSON(w, http.StatusUnauthorized, failure(fail(codeUnauthorized, "Unauthorized")))
		return
	}
	if r.Method != rt.method {
		w.Header().Set("Allow", rt.method)
		writeJSON(w, http.StatusMethodNotAllowed, failure(fail(codeMethodNotAllowed, "Method Not Allowed")))
		return
	}
	s.mu.Lock()
	s.advance()
	status, out := rt.handle(s, r, raw)
	s.mu.Unlock()
	writeJSON(w, status, out)
}

// failure is the envelope of a refusal.
func failure(err *apiError) object {
	return object{{"errorCode", err.code}, {"errorMessage", err.msg}, {"success", false}}
}

// badRequest is an HTTP 400 answer: the request itself is malformed.
func badRequest(msg string) (int, object) {
	return http.StatusBadRequest, failure(fail(CodeInvalidInput, msg))
}

// refused is an HTTP 200 answer with a non-zero errorCode: the request was
// understood but breaks a rule.
func refused(err *apiError) (int, object) { return http.StatusOK, failure(err) }

// success is the envelope of a success (success a JSON boolean) followed by
// the answer's own fields.
func success(fields ...field) (int, object) {
	return http.StatusOK, append(object{{"errorCode", CodeOK}, {"errorMessage", ""}, {"success", true}}, fields...)
}

// getDataPool answers GET /v1/datapool?custno=&lineseqno= with the pool at
// that line of the customer and its consumers (steps 3 and 6). Its success
// is the string "true", as seen in the field.
func (s *Server) getDataPool(r *http.Request, _ []byte) (int, object) {
	q := r.URL.Query()
	custNo, line := strings.TrimSpace(q.Get("custno")), strings.TrimSpace(q.Get("lineseqno"))
	if custNo == "" || line == "" {
		return badRequest("custno and lineseqno are required")
	}
	p, ok := s.poolAt(custNo, line)
	if !ok {
		return refused(fail(CodeNotFound, "Data pool not found"))
	}
	type entry struct {
		svc    *service
		status string
	}
	var entries []entry
	var usage int64
	for _, svc := range s.services {
		switch {
		case svc.PoolProviderID == p.ProviderID:
			usage += svc.DataUsage
			status := StatusOptedIn
			if svc.pending != "" && s.incoming(svc) != p.ProviderID {
				status = StatusOptOutPending // an opt-out or a transfer out
			}
			entries = append(entries, entry{svc, status})
		case s.incoming(svc) == p.ProviderID:
			entries = append(entries, entry{svc, StatusOptInPending})
		}
	}
	slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.svc.ServiceNumber, b.svc.ServiceNumber) })
	consumers := make([]object, 0, len(entries))
	for _, e := range entries {
		limit := ""
		if e.svc.DataLimit > 0 {
			limit = formatExact(e.svc.DataLimit)
		}
		consumers = append(consumers, object{
			{"serviceNumber", e.svc.ServiceNumber},
			{"lineSeqNo", e.svc.LineSeqNo},
			{"dataPoolStatus", e.status},
			{"dataLimit", limit},
			{"dataUsage", formatUsage(e.svc.DataUsage)},
		})
	}
	return http.StatusOK, object{
		{"errorCode", CodeOK},
		{"errorMessage", ""},
		{"success", "true"},
		{"provider", object{
			{"memberId", p.ProviderID},
			{"dataPoolStatus", p.Status},
			{"dataMaxCap", formatExact(p.MaxCap)},
			{"dataUsage", formatUsage(usage)},
			{"serviceNumber", p.ServiceNumber},
		}},
		{"consumers", consumers},
	}
}

// transfer answers POST /v1/datapool/transfer: one order per service moving
// it from the pool at custno+lineseqno to the pool newProviderId (step 5).
// Every service is checked before any order is placed.
func (s *Server) transfer(_ *http.Request, raw []byte) (int, object) {
	m, err := strictObject(raw, "custno", "lineseqno", "newProviderId", "newProviderLineseqno", "serviceNumbers")
	if err != nil {
		return badRequest(err.msg)
	}
	var ids [4]string
	for i, key := range []string{"custno", "lineseqno", "newProviderId", "newProviderLineseqno"} {
		if ids[i], err = m.id(key); err != nil {
			return badRequest(err.msg)
		}
	}
	custNo, line, targetID, targetLine := ids[0], ids[1], ids[2], ids[3]
	numbers, err := m.idList("serviceNumbers")
	if err != nil {
		return badRequest(err.msg)
	}
	if custNo == "" || line == "" || targetID == "" || targetLine == "" {
		return badRequest("custno, lineseqno, newProviderId and newProviderLineseqno are required")
	}
	if len(numbers) == 0 {
		return badRequest("serviceNumbers must list at least one service")
	}
	source, ok := s.poolAt(custNo, line)
	if !ok {
		return refused(fail(CodeNotFound, "Data pool not found"))
	}
	target, ok := s.pools[targetID]
	if !ok || target.CustNo != custNo || target.LineSeqNo != targetLine || target.Status != StatusOptedIn {
		return refused(fail(CodeTargetNotFound, "Target data pool not found"))
	}
	if target == source {
		return refused(fail(CodeInvalidInput, "The target data pool is the source data pool"))
	}
	seen := map[string]bool{}
	for _, n := range numbers {
		if n == "" || seen[n] {
			return refused(fail(CodeInvalidInput, "serviceNumbers holds an empty or repeated number "+strconv.Quote(n)))
		}
		seen[n] = true
		svc, err := s.customerService(custNo, n)
		if err != nil {
			return refused(err)
		}
		if svc.PoolProviderID != source.ProviderID {
			return refused(fail(CodeConflict, "Service "+n+" is not in data pool "+source.ProviderID))
		}
		if err := checkMovable(svc); err != nil {
			return refused(err)
		}
	}
	details := make([]object, 0, len(numbers))
	for _, n := range numbers {
		o := s.place(&order{Order: Order{CustNo: custNo, Action: ActionTransfer}, serviceNumber: n, providerID: targetID, sourceID: source.ProviderID})
		details = append(details, object{{"success", true}, {"orderId", o.ID}, {"serviceNumber", n}})
	}
	return success(field{"orderDetails", details})
}

// modifyLimit answers POST /v1/datapool/modify-consumer-data-limit: one
// order per consumer setting its data limit (step 7). A limit can be raised
// or lowered, never removed: zero, negative or no dataLimit is refused.
// Every consumer is checked before any order is placed.
func (s *Server) modifyLimit(_ *http.Request, raw []byte) (int, object) {
	m, err := strictObject(raw, "consumerServices")
	if err != nil {
		return badRequest(err.msg)
	}
	items, err := m.list("consumerServices")
	if err != nil {
		return badRequest(err.msg)
	}
	if len(items) == 0 {
		return badRequest("consumerServices must list at least one consumer")
	}
	type change struct {
		custNo, line string
		limit        int64
		set          bool
		svc          *service
	}
	changes := make([]change, len(items))
	for i, item := range items {
		cm, err := strictObject(item, "custNo", "lineSeqNo", "dataLimit")
		if err != nil {
			return badRequest(err.msg)
		}
		c := &changes[i]
		if c.custNo, err = cm.id("custNo"); err != nil {
			return badRequest(err.msg)
		}
		if c.line, err = cm.id("lineSeqNo"); err != nil {
			return badRequest(err.msg)
		}
		if c.limit, c.set, err = cm.integer("dataLimit"); err != nil {
			return badRequest(err.msg)
		}
		if c.custNo == "" || c.line == "" {
			return badRequest("consumerServices: custNo and lineSeqNo are required")
		}
	}
	for i := range changes {
		c := &changes[i]
		if !c.set || c.limit <= 0 {
			return refused(fail(CodeLimitRequired, "A data limit cannot be removed, only increased or decreased"))
		}
		svc, ok := s.services[s.lines[lineKey{c.custNo, c.line}]]
		if !ok {
			return refused(fail(CodeNotFound, "Service with lineSeqNo "+c.line+" of customer "+c.custNo+" not found"))
		}
		if svc.PoolProviderID == "" {
			return refused(notInPool(svc.ServiceNumber))
		}
		c.svc = svc
	}
	details := make([]object, 0, len(changes))
	for _, c := range changes {
		o := s.place(&order{Order: Order{CustNo: c.custNo, Action: ActionDataLimit}, serviceNumber: c.svc.ServiceNumber, limit: c.limit})
		details = append(details, object{{"success", true}, {"orderId", o.ID}})
	}
	return success(field{"orderDetails", details})
}

// disconnect answers POST /v1/datapool/disconnect: an order ending the pool
// at custno+lineseqno, which must have no consumers, not even on their way
// in (step 9). The pool reads OPTED-OUT PENDING until it completes, then
// OPTED-OUT.
func (s *Server) disconnect(_ *http.Request, raw []byte) (int, object) {
	m, err := strictObject(raw, "custno", "lineseqno")
	if err != nil {
		return badRequest(err.msg)
	}
	custNo, err := m.id("custno")
	if err != nil {
		return badRequest(err.msg)
	}
	line, err := m.id("lineseqno")
	if err != nil {
		return badRequest(err.msg)
	}
	if custNo == "" || line == "" {
		return badRequest("custno and lineseqno are required")
	}
	p, ok := s.poolAt(custNo, line)
	if !ok {
		return refused(fail(CodeNotFound, "Data pool not found"))
	}
	if p.Status != StatusOptedIn {
		return refused(fail(CodeConflict, "Data pool "+p.ProviderID+" is "+p.Status))
	}
	if n := s.consumerCount(p.ProviderID); n > 0 {
		return refused(poolNotEmpty(n))
	}
	o := s.place(&order{Order: Order{CustNo: custNo, Action: ActionDisconnect}, providerID: p.ProviderID})
	return success(field{"orderId", o.ID})
}

// ---- strict JSON ----

// jsonObject is a request object, its values still raw.
type jsonObject map[string]json.RawMessage

// strictObject decodes a JSON object whose keys must all be in allowed, in
// exactly that case (encoding/json alone matches keys case-insensitively).
func strictObject(raw []byte, allowed ...string) (jsonObject, *apiError) {
	var m jsonObject
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fail(CodeInvalidInput, "invalid JSON: "+err.Error())
	}
	if m == nil {
		return nil, fail(CodeInvalidInput, "invalid JSON: expected an object")
	}
	var unknown []string
	for k := range m {
		if !slices.Contains(allowed, k) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		return nil, fail(CodeInvalidInput, "unknown field "+strconv.Quote(unknown[0]))
	}
	return m, nil
}

// id reads an identifier sent as a JSON string or number ("" when missing
// or null).
func (m jsonObject) id(key string) (string, *apiError) {
	return idValue(key, m[key])
}

func idValue(key string, raw json.RawMessage) (string, *apiError) {
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) == 0 || string(raw) == "null":
		return "", nil
	case raw[0] == '"':
		var t string
		if err := json.Unmarshal(raw, &t); err != nil {
			return "", fail(CodeInvalidInput, "field "+strconv.Quote(key)+": "+err.Error())
		}
		return strings.TrimSpace(t), nil
	case raw[0] == '-' || (raw[0] >= '0' && raw[0] <= '9'):
		return string(raw), nil
	default:
		return "", fail(CodeInvalidInput, "field "+strconv.Quote(key)+" must be a string or a number")
	}
}

// list reads an array (nil when missing or null).
func (m jsonObject) list(key string) ([]json.RawMessage, *apiError) {
	raw := m[key]
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var out []json.RawMessage
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, fail(CodeInvalidInput, "field "+strconv.Quote(key)+" must be an array")
	}
	return out, nil
}

// idList reads an array of identifiers.
func (m jsonObject) idList(key string) ([]string, *apiError) {
	items, err := m.list(key)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(items))
	for i, raw := range items {
		if out[i], err = idValue(key, raw); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// integer reads a whole number sent as a JSON number or a string holding
// one; set is false when it is missing or null.
func (m jsonObject) integer(key string) (n int64, set bool, _ *apiError) {
	text, err := m.id(key)
	if err != nil || text == "" {
		return 0, false, err
	}
	if n, err := strconv.ParseInt(text, 10, 64); err == nil {
		return n, true, nil
	}
	f, perr := strconv.ParseFloat(text, 64)
	if perr != nil || f != math.Trunc(f) || math.Abs(f) > 1<<62 {
		return 0, false, fail(CodeInvalidInput, "field "+strconv.Quote(key)+" must be a whole number of bytes")
	}
	return int64(f), true, nil
}

// ---- answers ----

// field is one key/value pair of an ordered JSON object.
type field struct {
	key string
	val any
}

// object is a JSON object that keeps its keys in the order written, so
// answers read errorCode, errorMessage, success first.
type object []field

// MarshalJSON writes the fields in order.
func (o object) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, _ := json.Marshal(f.key)
		buf.Write(k)
		buf.WriteByte(':')
		v, err := json.Marshal(f.val)
		if err != nil {
			return nil, err
		}
		buf.Write(v)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// writeJSON writes a JSON answer.
func writeJSON(w http.ResponseWriter, status int, o object) {
	b, _ := o.MarshalJSON() // strings, numbers, booleans and objects of them: never fails
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
