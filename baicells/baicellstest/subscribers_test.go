package baicellstest

import (
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

// j builds a request body with a session_id.
func j(kv ...any) map[string]any {
	m := map[string]any{"session_id": "sess"}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}

func TestSubscriberLifecycle(t *testing.T) {
	s := newTestServer(t)
	expect(t, post(t, s, "/products/create", j("service_plan_id", "2016001", "service_plan_name", "5M", "uplink", 5, "downlink", 10, "comments", "c")), "200")

	expect(t, post(t, s, "/customers/create", j("sub_id", "20161201", "sub_name", "test name", "id_num", "123456",
		"phone_number", "123456", "email", "test@test.com", "address", "test address")), "200")
	sub, _ := s.Subscriber("20161201")
	if sub.Active || sub.Name != "test name" {
		t.Fatalf("new subscriber %+v", sub)
	}

	// The IMSI is free until bound.
	r := post(t, s, "/customers/query", j("imsi", "460010000000001"))
	expect(t, r, "200")
	if r.m["available"] != true {
		t.Fatalf("query before bind: %s", r.raw)
	}

	expect(t, post(t, s, "/customers/bindservice", j("sub_id", "20161201", "service_plan_id", "2016001")), "200")
	expect(t, post(t, s, "/customers/bindimsi", j("sub_id", "20161201", "imsi", "460010000000001")), "200")
	expect(t, post(t, s, "/customers/activate", j("sub_id", "20161201")), "200")

	r = post(t, s, "/customers/querybyid", j("sub_id", "20161201"))
	expect(t, r, "200")
	want := map[string]any{
		"session_id": "sess", "result_code": "200", "message": "Success",
		"imsi": "460010000000001", "sub_id": "20161201", "sub_name": "test name", "id_num": "123456",
		"phone_number": "123456", "email": "test@test.com", "address": "test address",
		"service_plan_id": "2016001", "sub_status": "0", "up_rate": "5", "down_rate": "10",
		"apn_info_list": []any{},
	}
	if !reflect.DeepEqual(r.m, want) {
		t.Fatalf("querybyid\n got %v\nwant %v", r.m, want)
	}

	r = post(t, s, "/customers/query", j("imsi", "460010000000001"))
	expect(t, r, "200")
	if r.m["available"] != false || r.str("sub_id") != "20161201" || r.str("sub_status") != "0" ||
		r.str("service_plan_id") != "2016001" || r.str("email") != "test@test.com" {
		t.Fatalf("query after bind: %s", r.raw)
	}

	expect(t, post(t, s, "/customers/updateuplink", j("sub_id", "20161201", "uplink", 20, "downlink", "40")), "200")
	r = post(t, s, "/customers/querybyid", j("sub_id", "20161201"))
	if r.str("up_rate") != "20" || r.str("down_rate") != "40" {
		t.Fatalf("after updateuplink: %s", r.raw)
	}

	expect(t, post(t, s, "/customers/unbindimsi", j("sub_id", "20161201")), "4303")
	expect(t, post(t, s, "/customers/deactivate", j("sub_id", "20161201")), "200")
	if sub, _ := s.Subscriber("20161201"); sub.Active {
		t.Fatal("still active after deactivate")
	}
	r = post(t, s, "/customers/querybyid", j("sub_id", "20161201"))
	if r.str("sub_status") != "1" {
		t.Fatalf("status after deactivate: %s", r.raw)
	}
	expect(t, post(t, s, "/customers/unbindimsi", j("sub_id", "20161201")), "200")
	if r := post(t, s, "/customers/query", j("imsi", "460010000000001")); r.m["available"] != true {
		t.Fatalf("IMSI not freed by unbind: %s", r.raw)
	}
	expect(t, post(t, s, "/customers/unbindimsi", j("sub_id", "20161201")), "4003")

	expect(t, post(t, s, "/customers/delete", j("sub_id", "20161201")), "200")
	if _, ok := s.Subscriber("20161201"); ok {
		t.Fatal("subscriber still there after delete")
	}
	expect(t, post(t, s, "/customers/querybyid", j("sub_id", "20161201")), "4002")
	expect(t, post(t, s, "/customers/delete", j("sub_id", "20161201")), "4002")
}

func TestChangePlan(t *testing.T) {
	s := newTestServer(t)
	s.SeedPlan(DefaultCloudKey, Plan{ID: "A", Name: "a", Uplink: 1, Downlink: 2})
	s.SeedPlan(DefaultCloudKey, Plan{ID: "B", Name: "b", Uplink: 3, Downlink: 4})
	s.SeedSubscriber(DefaultCloudKey, Subscriber{ID: "s1", PlanID: "A"})
	if sub, _ := s.Subscriber("s1"); sub.UpRate != 1 || sub.DownRate != 2 {
		t.Fatalf("seeded rates %+v", sub)
	}
	expect(t, post(t, s, "/customers/bindservice", j("sub_id", "s1", "service_plan_id", "B")), "4006")
	expect(t, post(t, s, "/customers/update", j("sub_id", "s1")), "4203")
	expect(t, post(t, s, "/customers/update", j("sub_id", "s1", "new_service_plan_id", "Z")), "4202")
	expect(t, post(t, s, "/customers/update", j("new_service_plan_id", "B")), "4000")
	expect(t, post(t, s, "/customers/update", j("sub_id", "s1", "new_service_plan_id", "B")), "200")
	if sub, _ := s.Subscriber("s1"); sub.PlanID != "B" || sub.UpRate != 3 || sub.DownRate != 4 {
		t.Fatalf("after plan change %+v", sub)
	}
}

func TestStateRules(t *testing.T) {
	s := newTestServer(t)
	s.SeedPlan(DefaultCloudKey, Plan{ID: "P", Name: "p", Uplink: 1, Downlink: 1})
	for _, id := range []string{"a", "b"} {
		expect(t, post(t, s, "/customers/create", j("sub_id", id)), "200")
	}
	// Activation needs an IMSI first, then a plan.
	expect(t, post(t, s, "/customers/activate", j("sub_id", "a")), "4003")
	expect(t, post(t, s, "/customers/bindservice", j("sub_id", "a", "service_plan_id", "P")), "200")
	expect(t, post(t, s, "/customers/activate", j("sub_id", "a")), "4003")
	expect(t, post(t, s, "/customers/bindimsi", j("sub_id", "b", "imsi", "001010000000002")), "200")
	expect(t, post(t, s, "/customers/activate", j("sub_id", "b")), "4004")

	expect(t, post(t, s, "/customers/bindservice", j("sub_id", "a", "service_plan_id", "P")), "4006")
	expect(t, post(t, s, "/customers/bindimsi", j("sub_id", "b", "imsi", "001010000000003")), "4007")
	expect(t, post(t, s, "/customers/bindimsi", j("sub_id", "a", "imsi", "001010000000002")), "4302")

	// Field validation.
	expect(t, post(t, s, "/customers/bindimsi", j("sub_id", "a")), "4300")
	expect(t, post(t, s, "/customers/bindimsi", j("sub_id", "a", "imsi", "12345")), "4301")
	expect(t, post(t, s, "/customers/bindimsi", j("sub_id", "a", "imsi", "1234567890123456")), "4301")
	expect(t, post(t, s, "/customers/bindimsi", j("sub_id", "a", "imsi", "00101000000000x")), "4301")
	expect(t, post(t, s, "/customers/bindimsi", j("imsi", "001010000000009")), "4000")
	expect(t, post(t, s, "/customers/bindimsi", j("sub_id", "zz", "imsi", "001010000000009")), "4002")
	expect(t, post(t, s, "/customers/bindservice", j("sub_id", "b")), "4200")
	expect(t, post(t, s, "/customers/bindservice", j("sub_id", "b", "service_plan_id", "nope")), "4202")
	expect(t, post(t, s, "/customers/create", j("sub_name", "x")), "4000")
	expect(t, post(t, s, "/customers/create", j("sub_id", "a")), "4001") // 2.1.2: 4000/4001
	expect(t, post(t, s, "/customers/activate", j()), "4000")
	expect(t, post(t, s, "/customers/activate", j("sub_id", "zz")), "4002")
	expect(t, post(t, s, "/customers/query", j()), "4300")
	expect(t, post(t, s, "/customers/query", j("imsi", "abc")), "4301")

	// Deleting an active subscriber is allowed and frees its IMSI.
	expect(t, post(t, s, "/customers/bindimsi", j("sub_id", "a", "imsi", "001010000000001")), "200")
	expect(t, post(t, s, "/customers/activate", j("sub_id", "a")), "200")
	expect(t, post(t, s, "/customers/delete", j("sub_id", "a")), "200")
	expect(t, post(t, s, "/customers/bindimsi", j("sub_id", "b2", "imsi", "001010000000001")), "4002")
	expect(t, post(t, s, "/customers/create", j("sub_id", "b2")), "200")
	expect(t, post(t, s, "/customers/bindimsi", j("sub_id", "b2", "imsi", "001010000000001")), "200")
}

func TestSpeedValidation(t *testing.T) {
	s := newTestServer(t)
	s.SeedSubscriber(DefaultCloudKey, Subscriber{ID: "s"})
	for _, tt := range []struct {
		body map[string]any
		code string
	}{
		{j("uplink", 1, "downlink", 1), "4000"},
		{j("sub_id", "s", "downlink", 1), "4401"},
		{j("sub_id", "s", "uplink", 1), "4402"},
		{j("sub_id", "s", "uplink", "abc", "downlink", 1), "4403"},
		{j("sub_id", "s", "uplink", -1, "downlink", 1), "4403"},
		{j("sub_id", "s", "uplink", true, "downlink", 1), "4403"},
		{j("sub_id", "s", "uplink", 1, "downlink", "abc"), "4404"},
		{j("sub_id", "s", "uplink", 1, "downlink", "-3"), "4404"},
		{j("sub_id", "nope", "uplink", 1, "downlink", 1), "4002"},
		{j("sub_id", "s", "uplink", "7", "downlink", 8.0), "200"},
	} {
		expect(t, post(t, s, "/customers/updateuplink", tt.body), tt.code)
	}
	if sub, _ := s.Subscriber("s"); sub.UpRate != 7 || sub.DownRate != 8 {
		t.Fatalf("rates %+v", sub)
	}
}

func TestNumbersOrStrings(t *testing.T) {
	s := newTestServer(t)
	expect(t, post(t, s, "/products/create", `{"session_id":1,"service_plan_id":9001,"service_plan_name":"n","uplink":"5","downlink":5}`), "200")
	expect(t, post(t, s, "/customers/create", `{"session_id":1,"sub_id":20161201,"id_num":123456,"phone_number":5551234567}`), "200")
	expect(t, post(t, s, "/customers/bindservice", `{"session_id":1,"sub_id":"20161201","service_plan_id":9001}`), "200")
	expect(t, post(t, s, "/customers/bindimsi", `{"session_id":1,"sub_id":20161201,"imsi":460010000000001}`), "200")
	expect(t, post(t, s, "/customers/activate", `{"session_id":"1","sub_id":20161201}`), "200")
	expect(t, post(t, s, "/customers/bulkdeactivate", `{"session_id":"1","data":[20161201]}`), "200")
	sub, ok := s.Subscriber("20161201")
	want := Subscriber{ID: "20161201", IDNumber: "123456", Phone: "5551234567", IMSI: "460010000000001", PlanID: "9001", UpRate: 5, DownRate: 5}
	if !ok || !reflect.DeepEqual(sub, want) {
		t.Fatalf("got %+v, want %+v", sub, want)
	}
	r := post(t, s, "/customers/query", `{"session_id":7,"imsi":460010000000001}`)
	if r.m["available"] != false || r.str("id_num") != "123456" || r.str("session_id") != "7" {
		t.Fatalf("query by numeric imsi: %s", r.raw)
	}
}

func TestModifySubscriber(t *testing.T) {
	s := newTestServer(t)
	s.SeedSubscriber(DefaultCloudKey, Subscriber{ID: "m", Name: "old", Email: "old@x", Phone: "1", Address: "addr"})
	expect(t, post(t, s, "/customers/modify", j("sub_name", "n")), "4000")
	expect(t, post(t, s, "/customers/modify", j("sub_id", "nope", "sub_name", "n")), "4002")
	expect(t, post(t, s, "/customers/modify", j("sub_id", "m", "sub_name", "new", "phone_number", 42, "address", "")), "200")
	sub, _ := s.Subscriber("m")
	if sub.Name != "new" || sub.Phone != "42" || sub.Email != "old@x" || sub.Address != "" {
		t.Fatalf("after modify %+v", sub)
	}
}

func TestTenants(t *testing.T) {
	c2 := creds{cloudKey: "k2", auth: "Basic " + bareAuth("u2", "p2")}
	s := newTestServer(t, WithCredentials("k2", "u2", "p2"))
	post2 := func(path string, body any) result { return send(t, s, c2, http.MethodPost, path, body) }

	expect(t, post(t, s, "/products/create", j("service_plan_id", "P1", "service_plan_name", "p", "uplink", 1, "downlink", 1)), "200")
	expect(t, post2("/products/create", j("service_plan_id", "P1", "service_plan_name", "p", "uplink", 1, "downlink", 1)), "4201")
	expect(t, post2("/products/create", j("service_plan_id", "P2", "service_plan_name", "p", "uplink", 2, "downlink", 2)), "200")

	expect(t, post(t, s, "/customers/create", j("sub_id", "S1")), "200")
	expect(t, post(t, s, "/customers/create", j("sub_id", "S1")), "4001") // the same tenant: 2.1.2 lists 4000/4001 only
	expect(t, post2("/customers/create", j("sub_id", "S1")), "4001")
	expect(t, post2("/customers/create", j("sub_id", "S2")), "200")

	// Another tenant's subscriber: 4009 everywhere.
	for _, tt := range []struct {
		path string
		body map[string]any
	}{
		{"/customers/bindservice", j("sub_id", "S1", "service_plan_id", "P2")},
		{"/customers/bindimsi", j("sub_id", "S1", "imsi", "001010000000001")},
		{"/customers/unbindimsi", j("sub_id", "S1")},
		{"/customers/activate", j("sub_id", "S1")},
		{"/customers/deactivate", j("sub_id", "S1")},
		{"/customers/update", j("sub_id", "S1", "new_service_plan_id", "P2")},
		{"/customers/updateuplink", j("sub_id", "S1", "uplink", 1, "downlink", 1)},
		{"/customers/querybyid", j("sub_id", "S1")},
		{"/customers/bindapnip", j("sub_id", "S1", "apn_name", "a", "apn_ambr_ul", 1, "apn_ambr_dl", 1)},
		{"/customers/removeapnip", j("sub_id", "S1", "apn_name", "a")},
		{"/customers/modify", j("sub_id", "S1", "sub_name", "x")},
		{"/customers/delete", j("sub_id", "S1")},
	} {
		t.Run(tt.path, func(t *testing.T) { expect(t, post2(tt.path, tt.body), "4009") })
	}

	// Another tenant's plan: 4207.
	expect(t, post2("/customers/bindservice", j("sub_id", "S2", "service_plan_id", "P1")), "4207")
	expect(t, post2("/customers/update", j("sub_id", "S2", "new_service_plan_id", "P1")), "4207")
	expect(t, post2("/products/modify", j("service_plan_id", "P1", "service_plan_name", "x")), "4207")
	expect(t, post2("/customers/bulkcreate", j("service_plan_id", "P1", "sub_list", []any{})), "4207")

	// An IMSI is unique across tenants, but its owner is only shown to its tenant.
	expect(t, post(t, s, "/customers/bindimsi", j("sub_id", "S1", "imsi", "001010000000001")), "200")
	expect(t, post2("/customers/bindimsi", j("sub_id", "S2", "imsi", "001010000000001")), "4302")
	r := post2("/customers/query", j("imsi", "001010000000001"))
	expect(t, r, "200")
	if r.m["available"] != false || len(r.m) != 4 {
		t.Fatalf("other tenant's IMSI leaked details: %s", r.raw)
	}

	// Plan lists are per tenant.
	r = send(t, s, c2, http.MethodGet, "/products/queryallplans", nil)
	if !strings.Contains(string(r.raw), `"P2"`) || strings.Contains(string(r.raw), `"P1"`) {
		t.Fatalf("tenant 2 plans: %s", r.raw)
	}
}

func TestBulkCreate(t *testing.T) {
	s := newTestServer(t)
	s.SeedPlan(DefaultCloudKey, Plan{ID: "P", Name: "p", Uplink: 3, Downlink: 6})
	s.SeedSubscriber(DefaultCloudKey, Subscriber{ID: "exists", IMSI: "001010000000099"})
	list := []any{
		map[string]any{"sub_id": "n1", "imsi": "001010000000001", "sub_name": "one", "email": "1@x"},
		map[string]any{"sub_id": 2, "imsi": 1010000000002},
		map[string]any{"sub_id": "exists", "imsi": "001010000000003"},
		map[string]any{"sub_id": "n1", "imsi": "001010000000004"},
		map[string]any{"imsi": "001010000000005"},
		map[string]any{"sub_id": "n6"},
		map[string]any{"sub_id": "n7", "imsi": "12ab"},
		map[string]any{"sub_id": "n8", "imsi": "001010000000099"},
		map[string]any{"sub_id": "n9", "imsi": "001010000000001"},
	}
	r := post(t, s, "/customers/bulkcreate", j("service_plan_id", "P", "sub_list", list))
	expect(t, r, "200")
	if r.m["total"] != 9.0 || r.m["successful quantity"] != 2.0 || r.m["unsuccessful quantity"] != 7.0 {
		t.Fatalf("counts: %s", r.raw)
	}
	wantOK := []any{
		map[string]any{"sub_id": "n1", "imsi": "001010000000001"},
		map[string]any{"sub_id": "2", "imsi": "1010000000002"},
	}
	if !reflect.DeepEqual(r.m["success_list"], wantOK) {
		t.Errorf("success_list %v", r.m["success_list"])
	}
	var codes []string
	for _, f := range r.m["fail_list"].([]any) {
		item := f.(map[string]any)
		codes = append(codes, item["sub_id"].(string)+":"+item["result_code"].(string))
		if item["result_message"] != message(atoi(item["result_code"].(string))) {
			t.Errorf("fail item %v", item)
		}
	}
	wantFail := []string{"exists:4001", "n1:4001", ":4000", "n6:4300", "n7:4301", "n8:4302", "n9:4302"}
	if !reflect.DeepEqual(codes, wantFail) {
		t.Errorf("fail codes %v, want %v", codes, wantFail)
	}
	sub, _ := s.Subscriber("n1")
	if sub.Active || sub.PlanID != "P" || sub.UpRate != 3 || sub.IMSI != "001010000000001" || sub.Name != "one" {
		t.Errorf("created %+v", sub)
	}

	// Whole-call failures.
	expect(t, post(t, s, "/customers/bulkcreate", j()), "4501")
	expect(t, post(t, s, "/customers/bulkcreate", j("sub_list", "x")), "4502")
	expect(t, post(t, s, "/customers/bulkcreate", j("sub_list", []any{1})), "4502")
	expect(t, post(t, s, "/customers/bulkcreate", j("service_plan_id", "none", "sub_list", []any{})), "4202")
	big := make([]any, 201)
	for i := range big {
		big[i] = map[string]any{"sub_id": fmt.Sprint("big", i), "imsi": fmt.Sprintf("0010200000%05d", i)}
	}
	r = post(t, s, "/customers/bulkcreate", j("sub_list", big))
	expect(t, r, "4503")
	if _, ok := s.Subscriber("big0"); ok {
		t.Error("4503 call created subscribers")
	}
	// Without a plan, subscribers are created unbound.
	expect(t, post(t, s, "/customers/bulkcreate", j("sub_list", big[:200])), "200")
	if sub, _ := s.Subscriber("big0"); sub.PlanID != "" || sub.IMSI == "" {
		t.Errorf("created without plan %+v", sub)
	}
}

func TestBulkActivate(t *testing.T) {
	s := newTestServer(t)
	s.SeedPlan(DefaultCloudKey, Plan{ID: "P", Name: "p", Uplink: 1, Downlink: 1})
	s.SeedSubscriber(DefaultCloudKey, Subscriber{ID: "a", IMSI: "001010000000001", PlanID: "P"})
	s.SeedSubscriber(DefaultCloudKey, Subscriber{ID: "b", IMSI: "001010000000002", PlanID: "P"})
	s.SeedSubscriber(DefaultCloudKey, Subscriber{ID: "noimsi", PlanID: "P"})
	s.SeedSubscriber(DefaultCloudKey, Subscriber{ID: "noplan", IMSI: "001010000000003"})
	s.SeedSubscriber("other", Subscriber{ID: "foreign", IMSI: "001010000000004", PlanID: "P"})

	active := func() (ids []string) {
		for _, sub := range s.Subscribers() {
			if sub.Active {
				ids = append(ids, sub.ID)
			}
		}
		return ids
	}
	for _, bad := range [][]any{{"a", "b", "noimsi"}, {"a", "noplan"}, {"a", "missing"}, {"a", "foreign"}} {
		expect(t, post(t, s, "/customers/bulkactivate", j("data", bad)), "4011")
		if got := active(); len(got) != 0 {
			t.Fatalf("4011 for %v still activated %v", bad, got)
		}
	}
	expect(t, post(t, s, "/customers/bulkactivate", j()), "4010")
	expect(t, post(t, s, "/customers/bulkactivate", j("data", []any{})), "4010")
	expect(t, post(t, s, "/customers/bulkdeactivate", j("data", "a")), "4010")
	many := make([]any, 201)
	for i := range many {
		many[i] = "a"
	}
	expect(t, post(t, s, "/customers/bulkactivate", j("data", many)), "4012")
	expect(t, post(t, s, "/customers/bulkdeactivate", j("data", many)), "4012")

	expect(t, post(t, s, "/customers/bulkactivate", j("data", []any{"a", "b"})), "200")
	if got := active(); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Fatalf("active %v", got)
	}
	// Deactivation does not need IMSI or plan, but does need ownership.
	expect(t, post(t, s, "/customers/bulkdeactivate", j("data", []any{"a", "foreign"})), "4011")
	expect(t, post(t, s, "/customers/bulkdeactivate", j("data", []any{"a", "noimsi"})), "200")
	if got := active(); !reflect.DeepEqual(got, []string{"b"}) {
		t.Fatalf("active %v", got)
	}
}

func TestAPN(t *testing.T) {
	s := newTestServer(t)
	s.SeedSubscriber(DefaultCloudKey, Subscriber{ID: "s"})
	ips17 := strings.TrimSuffix(strings.Repeat("10.0.0.1,", 17), ",")
	for _, tt := range []struct {
		body map[string]any
		code string
	}{
		{j("apn_name", "a", "apn_ambr_ul", 1, "apn_ambr_dl", 1), "4000"},
		{j("sub_id", "s", "apn_ambr_ul", 1, "apn_ambr_dl", 1), "4108"},
		{j("sub_id", "s", "apn_name", strings.Repeat("x", 65), "apn_ambr_ul", 1, "apn_ambr_dl", 1), "4109"},
		{j("sub_id", "s", "apn_name", "a", "apn_ambr_dl", 1), "4110"},
		{j("sub_id", "s", "apn_name", "a", "apn_ambr_ul", "x", "apn_ambr_dl", 1), "4111"},
		{j("sub_id", "s", "apn_name", "a", "apn_ambr_ul", -1, "apn_ambr_dl", 1), "4111"},
		{j("sub_id", "s", "apn_name", "a", "apn_ambr_ul", 1), "4112"},
		{j("sub_id", "s", "apn_name", "a", "apn_ambr_ul", 1, "apn_ambr_dl", "x"), "4113"},
		{j("sub_id", "s", "apn_name", "a", "apn_ambr_ul", 1, "apn_ambr_dl", 1, "ip_addr", "300.1.1.1"), "4101"},
		{j("sub_id", "s", "apn_name", "a", "apn_ambr_ul", 1, "apn_ambr_dl", 1, "ip_addr", "::1"), "4101"},
		{j("sub_id", "s", "apn_name", "a", "apn_ambr_ul", 1, "apn_ambr_dl", 1, "ip_addr", "10.0.0.1,bad"), "4101"},
		{j("sub_id", "s", "apn_name", "a", "apn_ambr_ul", 1, "apn_ambr_dl", 1, "ip_addr", ips17), "4601"},
		{j("sub_id", "nope", "apn_name", "a", "apn_ambr_ul", 1, "apn_ambr_dl", 1), "4002"},
		{j("sub_id", "s", "apn_name", "apn1", "apn_ambr_ul", 4, "apn_ambr_dl", "8", "ip_addr", "192.168.1.10, 192.168.1.11"), "200"},
		{j("sub_id", "s", "apn_name", "apn1", "apn_ambr_ul", 4, "apn_ambr_dl", 8), "4106"},
		{j("sub_id", "s", "apn_name", "apn2", "apn_ambr_ul", "4", "apn_ambr_dl", "8", "ip_addr", ""), "200"},
	} {
		expect(t, post(t, s, "/customers/bindapnip", tt.body), tt.code)
	}
	r := post(t, s, "/customers/querybyid", j("sub_id", "s"))
	want := []any{
		map[string]any{"apn_name": "apn1", "apn_ambr_ul": 4.0, "apn_ambr_dl": 8.0, "ipv4": "192.168.1.10",
			"ip_list": []any{"192.168.1.10", "192.168.1.11"}},
		map[string]any{"apn_name": "apn2", "apn_ambr_ul": 4.0, "apn_ambr_dl": 8.0},
	}
	if !reflect.DeepEqual(r.m["apn_info_list"], want) {
		t.Fatalf("apn_info_list %v", r.m["apn_info_list"])
	}

	expect(t, post(t, s, "/customers/removeapnip", j("apn_name", "apn1")), "4000")
	expect(t, post(t, s, "/customers/removeapnip", j("sub_id", "s")), "4108")
	expect(t, post(t, s, "/customers/removeapnip", j("sub_id", "nope", "apn_name", "apn1")), "4002")
	expect(t, post(t, s, "/customers/removeapnip", j("sub_id", "s", "apn_name", "apn1", "apn_ambr_ul", "4", "apn_ambr_dl", "8")), "200")
	expect(t, post(t, s, "/customers/removeapnip", j("sub_id", "s", "apn_name", "apn1")), "4107")
	sub, _ := s.Subscriber("s")
	if len(sub.APNs) != 1 || sub.APNs[0].Name != "apn2" || sub.APNs[0].IPs != nil {
		t.Fatalf("APNs after remove %+v", sub.APNs)
	}
	// Snapshots are copies.
	sub.APNs[0].Name = "changed"
	if again, _ := s.Subscriber("s"); again.APNs[0].Name != "apn2" {
		t.Fatal("Subscriber returned shared state")
	}
}
