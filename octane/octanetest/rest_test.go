package octanetest

import (
	"encoding/base64"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestRESTAuth(t *testing.T) {
	s := newTestServer(t)
	f := seedFixture(t, s, 0, 0)
	path := "/v1/datapool?custno=" + DefaultCustNo + "&lineseqno=" + f.pool.LineSeqNo
	tests := []struct {
		name string
		a    auth
	}{
		{"none", ""},
		{"wrong password", basic(DefaultUsername, "nope")},
		{"wrong user", basic("admin", DefaultPassword)},
		{"bearer", "Bearer " + auth(base64.StdEncoding.EncodeToString([]byte(DefaultUsername+":"+DefaultPassword)))},
		{"bare base64", auth(base64.StdEncoding.EncodeToString([]byte(DefaultUsername + ":" + DefaultPassword)))},
		{"not base64", "Basic %%%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, req := range []struct{ method, path string }{
				{http.MethodGet, path},
				{http.MethodPost, "/v1/datapool/disconnect"},
				{http.MethodPost, "/v1/datapool/transfer"},
				{http.MethodPost, "/v1/datapool/modify-consumer-data-limit"},
			} {
				r := sendREST(t, s, tt.a, req.method, req.path, map[string]any{"custno": DefaultCustNo, "lineseqno": f.pool.LineSeqNo})
				if r.status != http.StatusUnauthorized || r.raw != `{"errorCode":401,"errorMessage":"Unauthorized","success":false}` {
					t.Fatalf("%s %s: HTTP %d %s", req.method, req.path, r.status, r.raw)
				}
				if got := r.header.Get("WWW-Authenticate"); got != `Basic realm="octane"` {
					t.Fatalf("WWW-Authenticate %q", got)
				}
			}
		})
	}
	if p, _ := s.Pool(f.pool.ProviderID); p.Status != StatusOptedIn {
		t.Fatal("an unauthenticated disconnect went through")
	}
	// The scheme is case-insensitive; custom credentials apply.
	restOK(t, postREST(t, s, "/v1/datapool/disconnect", map[string]any{"custno": DefaultCustNo, "lineseqno": f.pool.LineSeqNo}))
	c := newTestServer(t, WithCredentials("alice", "s3cret"))
	r := sendREST(t, c, "basic "+auth(base64.StdEncoding.EncodeToString([]byte("alice:s3cret"))), http.MethodGet, "/v1/datapool?custno=1&lineseqno=1", nil)
	restErr(t, r, http.StatusOK, CodeNotFound, "Data pool not found")
	restErr(t, sendREST(t, c, defaultAuth, http.MethodGet, "/v1/datapool?custno=1&lineseqno=1", nil), http.StatusUnauthorized, 401, "Unauthorized")
}

func TestRESTRouting(t *testing.T) {
	s := newTestServer(t)
	restErr(t, sendREST(t, s, defaultAuth, http.MethodGet, "/v1/pools", nil), http.StatusNotFound, 404, "Not Found")
	restErr(t, sendREST(t, s, "", http.MethodGet, "", nil), http.StatusNotFound, 404, "Not Found")
	for _, tt := range []struct{ method, path, allow string }{
		{http.MethodPost, "/v1/datapool", http.MethodGet},
		{http.MethodGet, "/v1/datapool/transfer", http.MethodPost},
		{http.MethodPut, "/v1/datapool/disconnect", http.MethodPost},
		{http.MethodDelete, "/v1/datapool/modify-consumer-data-limit", http.MethodPost},
	} {
		r := sendREST(t, s, defaultAuth, tt.method, tt.path, nil)
		restErr(t, r, http.StatusMethodNotAllowed, 405, "Method Not Allowed")
		if r.header.Get("Allow") != tt.allow {
			t.Errorf("%s %s: Allow %q", tt.method, tt.path, r.header.Get("Allow"))
		}
	}
	// A trailing slash is tolerated.
	restErr(t, sendREST(t, s, defaultAuth, http.MethodGet, "/v1/datapool/?custno=1&lineseqno=1", nil), http.StatusOK, CodeNotFound, "Data pool not found")

	// Outside /tiab: a plain 404.
	for _, p := range []string{"/", "/tiab", "/tiab/UtbPlan", "/other/UtbOrder"} {
		resp, err := http.Post(s.URL+p, "text/xml", strings.NewReader(envelope("")))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: HTTP %d", p, resp.StatusCode)
		}
	}
}

func TestGetDataPool(t *testing.T) {
	s := newTestServer(t)
	s.SeedCustomer("200002")
	f := seedFixture(t, s, 3, 1)
	a, b, c := f.consumers[0], f.consumers[1], f.consumers[2]
	s.SetUsage(a.ServiceNumber, 0)
	s.SetUsage(b.ServiceNumber, 1536)
	s.SetUsage(c.ServiceNumber, 3<<40+1<<39)
	s.SetUsage(f.consumers[3].ServiceNumber, 1<<30) // not in the pool: not counted
	restOK(t, postREST(t, s, "/v1/datapool/modify-consumer-data-limit", map[string]any{"consumerServices": []any{
		map[string]any{"custNo": DefaultCustNo, "lineSeqNo": b.LineSeqNo, "dataLimit": 7},
		map[string]any{"custNo": DefaultCustNo, "lineSeqNo": c.LineSeqNo, "dataLimit": 1536 << 20},
	}}))

	r := getPool(t, s, DefaultCustNo, f.pool.LineSeqNo)
	want := `{"errorCode":0,"errorMessage":"","success":"true","provider":{"memberId":"880001","dataPoolStatus":"OPTED-IN","dataMaxCap":"100 GB","dataUsage":"3.5 TB","serviceNumber":"0491000001"},"consumers":[` +
		`{"serviceNumber":"0491000002","lineSeqNo":"2","dataPoolStatus":"OPTED-IN","dataLimit":"","dataUsage":"0 B"},` +
		`{"serviceNumber":"0491000003","lineSeqNo":"3","dataPoolStatus":"OPTED-IN","dataLimit":"7 B","dataUsage":"1.5 KB"},` +
		`{"serviceNumber":"0491000004","lineSeqNo":"4","dataPoolStatus":"OPTED-IN","dataLimit":"1536 MB","dataUsage":"3.5 TB"}]}`
	if r.status != http.StatusOK || r.raw != want {
		t.Fatalf("GET HTTP %d\n got %s\nwant %s", r.status, r.raw, want)
	}
	if p, _ := s.Pool(f.pool.ProviderID); p.Usage != 1536+3<<40+1<<39 || len(p.Consumers) != 3 {
		t.Fatalf("Pool %+v", p)
	}

	// An empty pool lists no consumers as [].
	empty := s.SeedPool(Pool{CustNo: "200002", MaxCap: 10 << 30})
	r = getPool(t, s, "200002", empty.LineSeqNo)
	if !strings.HasSuffix(r.raw, `"dataMaxCap":"10 GB","dataUsage":"0 B","serviceNumber":"`+empty.ServiceNumber+`"},"consumers":[]}`) {
		t.Fatalf("empty pool %s", r.raw)
	}

	// Not found: HTTP 200, success the boolean false.
	for _, q := range [][2]string{{DefaultCustNo, "99"}, {"200002", "2"}, {DefaultCustNo, a.LineSeqNo}, {"999", "1"}} {
		r = getPool(t, s, q[0], q[1])
		if r.raw != `{"errorCode":104,"errorMessage":"Data pool not found","success":false}` || r.status != http.StatusOK {
			t.Fatalf("%v: HTTP %d %s", q, r.status, r.raw)
		}
	}
	// Missing parameters (names are case-sensitive): HTTP 400.
	for _, q := range []string{"", "?custno=" + DefaultCustNo, "?lineseqno=1", "?custNo=" + DefaultCustNo + "&lineSeqNo=1"} {
		r = sendREST(t, s, defaultAuth, http.MethodGet, "/v1/datapool"+q, nil)
		restErr(t, r, http.StatusBadRequest, CodeInvalidInput, "custno and lineseqno are required")
	}
}

func TestTransferRules(t *testing.T) {
	s := newTestServer(t)
	s.SeedCustomer("200002")
	f := seedFixture(t, s, 2, 1)
	in1, in2, free := f.consumers[0].ServiceNumber, f.consumers[1].ServiceNumber, f.consumers[2].ServiceNumber
	target := s.SeedPool(Pool{Name: "target"})
	foreign := s.SeedPool(Pool{CustNo: "200002"})
	s.SeedService(Service{CustNo: "200002", ServiceNumber: "0400000009", PoolProviderID: foreign.ProviderID})
	closed := s.SeedPool(Pool{Status: StatusOptedOut})
	body := func(over map[string]any) map[string]any {
		m := map[string]any{"custno": DefaultCustNo, "lineseqno": f.pool.LineSeqNo, "newProviderId": target.ProviderID,
			"newProviderLineseqno": target.LineSeqNo, "serviceNumbers": []string{in1}}
		for k, v := range over {
			if v == nil {
				delete(m, k)
			} else {
				m[k] = v
			}
		}
		return m
	}
	tests := []struct {
		name   string
		body   any
		status int
		code   int
		msg    string
	}{
		{"camelCase custNo", body(map[string]any{"custno": nil, "custNo": DefaultCustNo}), 400, CodeInvalidInput, `unknown field "custNo"`},
		{"camelCase lineSeqNo", body(map[string]any{"lineseqno": nil, "lineSeqNo": f.pool.LineSeqNo}), 400, CodeInvalidInput, `unknown field "lineSeqNo"`},
		{"newProviderLineSeqNo", body(map[string]any{"newProviderLineseqno": nil, "newProviderLineSeqNo": target.LineSeqNo}), 400, CodeInvalidInput, `unknown field "newProviderLineSeqNo"`},
		{"bad JSON", `{"custno":`, 400, CodeInvalidInput, ""},
		{"not an object", `[1]`, 400, CodeInvalidInput, ""},
		{"null", `null`, 400, CodeInvalidInput, "invalid JSON: expected an object"},
		{"id as bool", body(map[string]any{"custno": true}), 400, CodeInvalidInput, `field "custno" must be a string or a number`},
		{"numbers not a list", body(map[string]any{"serviceNumbers": "0491"}), 400, CodeInvalidInput, `field "serviceNumbers" must be an array`},
		{"number as object", body(map[string]any{"serviceNumbers": []any{map[string]any{}}}), 400, CodeInvalidInput, `field "serviceNumbers" must be a string or a number`},
		{"missing custno", body(map[string]any{"custno": nil}), 400, CodeInvalidInput, "custno, lineseqno, newProviderId and newProviderLineseqno are required"},
		{"empty target", body(map[string]any{"newProviderId": ""}), 400, CodeInvalidInput, "custno, lineseqno, newProviderId and newProviderLineseqno are required"},
		{"no numbers", body(map[string]any{"serviceNumbers": []string{}}), 400, CodeInvalidInput, "serviceNumbers must list at least one service"},
		{"null numbers", body(map[string]any{"serviceNumbers": nil}), 400, CodeInvalidInput, "serviceNumbers must list at least one service"},
		{"unknown source", body(map[string]any{"lineseqno": "77"}), 200, CodeNotFound, "Data pool not found"},
		{"unknown target", body(map[string]any{"newProviderId": "1"}), 200, CodeTargetNotFound, "Target data pool not found"},
		{"target line mismatch", body(map[string]any{"newProviderLineseqno": f.pool.LineSeqNo}), 200, CodeTargetNotFound, "Target data pool not found"},
		{"other customer's target", body(map[string]any{"newProviderId": foreign.ProviderID, "newProviderLineseqno": foreign.LineSeqNo}), 200, CodeTargetNotFound, "Target data pool not found"},
		{"target not OPTED-IN", body(map[string]any{"newProviderId": closed.ProviderID, "newProviderLineseqno": closed.LineSeqNo}), 200, CodeTargetNotFound, "Target data pool not found"},
		{"target is source", body(map[string]any{"newProviderId": f.pool.ProviderID, "newProviderLineseqno": f.pool.LineSeqNo}), 200, CodeInvalidInput, "The target data pool is the source data pool"},
		{"not in source", body(map[string]any{"serviceNumbers": []string{in1, free}}), 200, CodeConflict, "Service " + free + " is not in data pool " + f.pool.ProviderID},
		{"unknown service", body(map[string]any{"serviceNumbers": []string{"0400"}}), 200, CodeNotFound, "Service 0400 not found"},
		{"other customer's service", body(map[string]any{"serviceNumbers": []string{"0400000009"}}), 200, CodeNotFound, "Service 0400000009 not found"},
		{"repeated", body(map[string]any{"serviceNumbers": []string{in1, in1}}), 200, CodeInvalidInput, `serviceNumbers holds an empty or repeated number "` + in1 + `"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := postREST(t, s, "/v1/datapool/transfer", tt.body)
			restErr(t, r, tt.status, tt.code, tt.msg)
		})
	}
	if n := len(s.Orders()); n != 0 {
		t.Fatalf("%d orders placed by refused transfers", n)
	}

	// Numbers are accepted for ids; one order per service.
	r := postREST(t, s, "/v1/datapool/transfer", `{"custno":100001,"lineseqno":`+f.pool.LineSeqNo+`,"newProviderId":`+target.ProviderID+
		`,"newProviderLineseqno":"`+target.LineSeqNo+`","serviceNumbers":["`+in1+`","`+in2+`"]}`)
	restOK(t, r)
	if ids := orderIDs(t, r); len(ids) != 2 {
		t.Fatalf("transfer %s", r.raw)
	}
	if !strings.HasPrefix(r.raw, `{"errorCode":0,"errorMessage":"","success":true,"orderDetails":[{"success":true,"orderId":"`) {
		t.Fatalf("transfer answer %s", r.raw)
	}
	p, _ := s.Pool(target.ProviderID)
	if strings.Join(p.Consumers, ",") != in1+","+in2 {
		t.Fatalf("target %+v", p)
	}
	for _, o := range s.Orders() {
		if o.Action != ActionTransfer || o.Status != OrderCommitted {
			t.Fatalf("order %+v", o)
		}
	}
}

func TestTransferPending(t *testing.T) {
	c := newClock()
	s := newTestServer(t, withClock(c), WithOrderDelay(time.Minute))
	f := seedFixture(t, s, 1, 0)
	number := f.consumers[0].ServiceNumber
	target := s.SeedPool(Pool{Name: "target"})
	req := map[string]any{"custno": DefaultCustNo, "lineseqno": f.pool.LineSeqNo, "newProviderId": target.ProviderID,
		"newProviderLineseqno": target.LineSeqNo, "serviceNumbers": []string{number}}
	r := postREST(t, s, "/v1/datapool/transfer", req)
	restOK(t, r)
	id := orderIDs(t, r)[0]

	// A second transfer of the same service waits for the first.
	restErr(t, postREST(t, s, "/v1/datapool/transfer", req), http.StatusOK, CodeConflict, "Service "+number+" has pending order "+id)
	// On its way out of the source, on its way into the target.
	consumer := func(line string) map[string]any {
		g := getPool(t, s, DefaultCustNo, line)
		list := g.m["consumers"].([]any)
		if len(list) != 1 {
			t.Fatalf("consumers %s", g.raw)
		}
		return list[0].(map[string]any)
	}
	if st := consumer(f.pool.LineSeqNo)["dataPoolStatus"]; st != StatusOptOutPending {
		t.Fatalf("in source: %v", st)
	}
	if st := consumer(target.LineSeqNo)["dataPoolStatus"]; st != StatusOptInPending {
		t.Fatalf("in target: %v", st)
	}
	// The target cannot be disconnected while it waits for a consumer.
	restErr(t, postREST(t, s, "/v1/datapool/disconnect", map[string]any{"custno": DefaultCustNo, "lineseqno": target.LineSeqNo}),
		http.StatusOK, CodePoolNotEmpty, "Data pool has 1 consumers; remove them first")
	c.add(time.Minute)
	if svc, _ := s.Service(number); svc.PoolProviderID != target.ProviderID {
		t.Fatalf("after completion %+v", svc)
	}
	restOK(t, postREST(t, s, "/v1/datapool/disconnect", map[string]any{"custno": DefaultCustNo, "lineseqno": f.pool.LineSeqNo}))
}

func TestModifyLimitRules(t *testing.T) {
	s := newTestServer(t)
	f := seedFixture(t, s, 2, 1)
	in1, in2, free := f.consumers[0], f.consumers[1], f.consumers[2]
	one := func(item map[string]any) map[string]any { return map[string]any{"consumerServices": []any{item}} }
	item := func(over map[string]any) map[string]any {
		m := map[string]any{"custNo": DefaultCustNo, "lineSeqNo": in1.LineSeqNo, "dataLimit": 1 << 30}
		for k, v := range over {
			if v == "-" {
				delete(m, k)
			} else {
				m[k] = v
			}
		}
		return m
	}
	const noRemove = "A data limit cannot be removed, only increased or decreased"
	tests := []struct {
		name   string
		body   any
		status int
		code   int
		msg    string
	}{
		{"lower-case custno", one(item(map[string]any{"custNo": "-", "custno": DefaultCustNo})), 400, CodeInvalidInput, `unknown field "custno"`},
		{"lower-case lineseqno", one(item(map[string]any{"lineSeqNo": "-", "lineseqno": in1.LineSeqNo})), 400, CodeInvalidInput, `unknown field "lineseqno"`},
		{"top-level key", map[string]any{"consumers": []any{item(nil)}}, 400, CodeInvalidInput, `unknown field "consumers"`},
		{"bad JSON", `{"consumerServices":[`, 400, CodeInvalidInput, ""},
		{"item not an object", `{"consumerServices":[1]}`, 400, CodeInvalidInput, ""},
		{"not a list", map[string]any{"consumerServices": "x"}, 400, CodeInvalidInput, `field "consumerServices" must be an array`},
		{"empty list", map[string]any{"consumerServices": []any{}}, 400, CodeInvalidInput, "consumerServices must list at least one consumer"},
		{"missing list", map[string]any{}, 400, CodeInvalidInput, "consumerServices must list at least one consumer"},
		{"custNo as bool", one(item(map[string]any{"custNo": false})), 400, CodeInvalidInput, `field "custNo" must be a string or a number`},
		{"lineSeqNo as list", one(item(map[string]any{"lineSeqNo": []int{1}})), 400, CodeInvalidInput, `field "lineSeqNo" must be a string or a number`},
		{"limit as text", one(item(map[string]any{"dataLimit": "5 GB"})), 400, CodeInvalidInput, `field "dataLimit" must be a whole number of bytes`},
		{"limit a fraction", one(item(map[string]any{"dataLimit": 1.5})), 400, CodeInvalidInput, `field "dataLimit" must be a whole number of bytes`},
		{"limit as bool", one(item(map[string]any{"dataLimit": true})), 400, CodeInvalidInput, `field "dataLimit" must be a string or a number`},
		{"missing custNo", one(item(map[string]any{"custNo": "-"})), 400, CodeInvalidInput, "consumerServices: custNo and lineSeqNo are required"},
		{"zero", one(item(map[string]any{"dataLimit": 0})), 200, CodeLimitRequired, noRemove},
		{"negative", one(item(map[string]any{"dataLimit": -1})), 200, CodeLimitRequired, noRemove},
		{"null", one(item(map[string]any{"dataLimit": nil})), 200, CodeLimitRequired, noRemove},
		{"missing", one(item(map[string]any{"dataLimit": "-"})), 200, CodeLimitRequired, noRemove},
		{"empty string", one(item(map[string]any{"dataLimit": ""})), 200, CodeLimitRequired, noRemove},
		{"unknown line", one(item(map[string]any{"lineSeqNo": "99"})), 200, CodeNotFound, "Service with lineSeqNo 99 of customer 100001 not found"},
		{"pool's own line", one(item(map[string]any{"lineSeqNo": f.pool.LineSeqNo})), 200, CodeNotFound, "Service with lineSeqNo " + f.pool.LineSeqNo + " of customer 100001 not found"},
		{"not in a pool", one(item(map[string]any{"lineSeqNo": free.LineSeqNo})), 200, CodeConflict, "Service " + free.ServiceNumber + " is not in a data pool"},
		{"one bad among good", map[string]any{"consumerServices": []any{item(nil), item(map[string]any{"dataLimit": 0})}}, 200, CodeLimitRequired, noRemove},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			restErr(t, postREST(t, s, "/v1/datapool/modify-consumer-data-limit", tt.body), tt.status, tt.code, tt.msg)
		})
	}
	if n := len(s.Orders()); n != 0 {
		t.Fatalf("%d orders placed by refused changes", n)
	}

	// Limits as numbers, numeric strings, whole floats; ids as numbers.
	r := postREST(t, s, "/v1/datapool/modify-consumer-data-limit",
		`{"consumerServices":[{"custNo":100001,"lineSeqNo":`+in1.LineSeqNo+`,"dataLimit":"5368709120"},`+
			`{"custNo":"100001","lineSeqNo":"`+in2.LineSeqNo+`","dataLimit":2e9}]}`)
	restOK(t, r)
	if want := `{"errorCode":0,"errorMessage":"","success":true,"orderDetails":[{"success":true,"orderId":"5000001"},{"success":true,"orderId":"5000002"}]}`; r.raw != want {
		t.Fatalf("answer\n got %s\nwant %s", r.raw, want)
	}
	if svc, _ := s.Service(in1.ServiceNumber); svc.DataLimit != 5<<30 {
		t.Fatalf("limit %+v", svc)
	}
	if svc, _ := s.Service(in2.ServiceNumber); svc.DataLimit != 2e9 {
		t.Fatalf("limit %+v", svc)
	}
	for _, o := range s.Orders() {
		if o.Action != ActionDataLimit || o.Status != OrderCommitted {
			t.Fatalf("order %+v", o)
		}
	}
}

func TestModifyLimitAppliesAtCompletion(t *testing.T) {
	c := newClock()
	s := newTestServer(t, withClock(c), WithOrderDelay(time.Minute))
	f := seedFixture(t, s, 1, 0)
	restOK(t, postREST(t, s, "/v1/datapool/modify-consumer-data-limit", map[string]any{"consumerServices": []any{
		map[string]any{"custNo": DefaultCustNo, "lineSeqNo": f.consumers[0].LineSeqNo, "dataLimit": 3 << 20}}}))
	if svc, _ := s.Service(f.consumers[0].ServiceNumber); svc.DataLimit != 0 {
		t.Fatalf("limit applied before completion: %+v", svc)
	}
	c.add(time.Minute)
	if svc, _ := s.Service(f.consumers[0].ServiceNumber); svc.DataLimit != 3<<20 {
		t.Fatalf("limit after completion: %+v", svc)
	}
}

func TestDisconnectRules(t *testing.T) {
	c := newClock()
	s := newTestServer(t, withClock(c), WithOrderDelay(time.Minute))
	f := seedFixture(t, s, 2, 1)
	disc := func(body any) restResult { return postREST(t, s, "/v1/datapool/disconnect", body) }
	ref := map[string]any{"custno": DefaultCustNo, "lineseqno": f.pool.LineSeqNo}

	restErr(t, disc(map[string]any{"custNo": DefaultCustNo, "lineseqno": "1"}), 400, CodeInvalidInput, `unknown field "custNo"`)
	restErr(t, disc(`{"custno":}`), 400, CodeInvalidInput, "")
	restErr(t, disc(map[string]any{"custno": []int{}, "lineseqno": "1"}), 400, CodeInvalidInput, `field "custno" must be a string or a number`)
	restErr(t, disc(map[string]any{"custno": DefaultCustNo, "lineseqno": map[string]any{}}), 400, CodeInvalidInput, `field "lineseqno" must be a string or a number`)
	restErr(t, disc(map[string]any{"custno": DefaultCustNo}), 400, CodeInvalidInput, "custno and lineseqno are required")
	restErr(t, disc(map[string]any{"custno": DefaultCustNo, "lineseqno": "42"}), 200, CodeNotFound, "Data pool not found")
	restErr(t, disc(map[string]any{"custno": DefaultCustNo, "lineseqno": f.consumers[0].LineSeqNo}), 200, CodeNotFound, "Data pool not found")
	restErr(t, disc(ref), 200, CodePoolNotEmpty, "Data pool has 2 consumers; remove them first")

	// Consumers on their way out still count; on their way in count too.
	placeOK(t, bulk(t, s, optOutXML(DefaultCustNo, f.consumers[0].ServiceNumber), optOutXML(DefaultCustNo, f.consumers[1].ServiceNumber)))
	restErr(t, disc(ref), 200, CodePoolNotEmpty, "Data pool has 2 consumers; remove them first")
	c.add(time.Minute)
	placeOK(t, bulk(t, s, optInXML(DefaultCustNo, f.pool.ProviderID, f.consumers[2].ServiceNumber)))
	restErr(t, disc(ref), 200, CodePoolNotEmpty, "Data pool has 1 consumers; remove them first")
	c.add(time.Minute)
	placeOK(t, bulk(t, s, optOutXML(DefaultCustNo, f.consumers[2].ServiceNumber)))
	c.add(time.Minute)

	r := disc(map[string]any{"custno": 100001, "lineseqno": f.pool.LineSeqNo})
	restOK(t, r)
	if !strings.HasPrefix(r.raw, `{"errorCode":0,"errorMessage":"","success":true,"orderId":"`) {
		t.Fatalf("answer %s", r.raw)
	}
	status := func() any {
		return getPool(t, s, DefaultCustNo, f.pool.LineSeqNo).m["provider"].(map[string]any)["dataPoolStatus"]
	}
	if st := status(); st != StatusOptOutPending {
		t.Fatalf("pending disconnect: %v", st)
	}
	restErr(t, disc(ref), 200, CodeConflict, "Data pool "+f.pool.ProviderID+" is OPTED-OUT PENDING")
	c.add(time.Minute)
	if st := status(); st != StatusOptedOut {
		t.Fatalf("after disconnect: %v", st)
	}
	restErr(t, disc(ref), 200, CodeConflict, "Data pool "+f.pool.ProviderID+" is OPTED-OUT")
	if p, ok := s.Pool(f.pool.ProviderID); !ok || p.Status != StatusOptedOut {
		t.Fatalf("Pool %+v", p)
	}
}
