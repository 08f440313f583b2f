package baicellstest

import (
	"encoding/json"
	"net/http"
	"reflect"
	"testing"
)

// getPlans GETs a plan query and decodes the bare array.
func getPlans(t *testing.T, s *Server, path string) []map[string]string {
	t.Helper()
	r := send(t, s, defaultCreds, http.MethodGet, path, nil)
	if r.status != http.StatusOK {
		t.Fatalf("GET %s: HTTP %d %s", path, r.status, r.raw)
	}
	var out []map[string]string
	if err := json.Unmarshal(r.raw, &out); err != nil {
		t.Fatalf("GET %s: not a bare array of strings: %s", path, r.raw)
	}
	return out
}

func planIDs(ps []map[string]string) []string {
	ids := []string{}
	for _, p := range ps {
		ids = append(ids, p["service_plan_id"])
	}
	return ids
}

func TestPlanCreateAndModify(t *testing.T) {
	s := newTestServer(t)
	for _, tt := range []struct {
		body map[string]any
		code string
	}{
		{j("service_plan_name", "n", "uplink", 1, "downlink", 1), "4200"},
		{j("service_plan_id", "A", "uplink", 1, "downlink", 1), "4205"},
		{j("service_plan_id", "A", "service_plan_name", "n", "downlink", 1), "4401"},
		{j("service_plan_id", "A", "service_plan_name", "n", "uplink", 1), "4402"},
		{j("service_plan_id", "A", "service_plan_name", "n", "uplink", "x", "downlink", 1), "4403"},
		{j("service_plan_id", "A", "service_plan_name", "n", "uplink", 1, "downlink", -2), "4404"},
		{j("service_plan_id", "A", "service_plan_name", "n", "uplink", "5", "downlink", 10, "comments", "c"), "200"},
		{j("service_plan_id", "A", "service_plan_name", "n", "uplink", 1, "downlink", 1), "4201"},
	} {
		expect(t, post(t, s, "/products/create", tt.body), tt.code)
	}
	if got := s.Plans(); !reflect.DeepEqual(got, []Plan{{ID: "A", Name: "n", Uplink: 5, Downlink: 10, Comments: "c"}}) {
		t.Fatalf("plans %+v", got)
	}

	s.SeedSubscriber(DefaultCloudKey, Subscriber{ID: "on-A", PlanID: "A"})
	expect(t, post(t, s, "/products/modify", j("service_plan_name", "x")), "4200")
	expect(t, post(t, s, "/products/modify", j("service_plan_id", "Z", "service_plan_name", "x")), "4202")
	expect(t, post(t, s, "/products/modify", j("service_plan_id", "A", "uplink", "fast")), "4403")
	expect(t, post(t, s, "/products/modify", j("service_plan_id", "A", "downlink", "fast")), "4404")
	expect(t, post(t, s, "/products/modify", j("service_plan_id", "A", "service_plan_name", "renamed", "downlink", "20")), "200")
	if got := s.Plans(); !reflect.DeepEqual(got, []Plan{{ID: "A", Name: "renamed", Uplink: 5, Downlink: 20, Comments: "c"}}) {
		t.Fatalf("after modify %+v", got)
	}
	if sub, _ := s.Subscriber("on-A"); sub.UpRate != 5 || sub.DownRate != 20 {
		t.Fatalf("subscriber on modified plan %+v", sub)
	}
}

func TestPlanQueries(t *testing.T) {
	s := newTestServer(t)
	s.SeedPlan(DefaultCloudKey, Plan{ID: "T2", Name: "2M", Uplink: 1, Downlink: 2})
	s.SeedPlan(DefaultCloudKey, Plan{ID: "T1", Name: "1M", Uplink: 1, Downlink: 1})
	s.SeedPlan(DefaultCloudKey, Plan{ID: "T3", Name: "old", Uplink: 2, Downlink: 2, Inactive: true})
	s.SeedPlan("someone-else", Plan{ID: "X", Name: "x", Uplink: 1, Downlink: 1})

	all := getPlans(t, s, "/products/queryallplans")
	want := []map[string]string{
		{"service_plan_id": "T1", "service_plan_name": "1M", "uplink": "1", "downlink": "1", "state": "0"},
		{"service_plan_id": "T2", "service_plan_name": "2M", "uplink": "1", "downlink": "2", "state": "0"},
		{"service_plan_id": "T3", "service_plan_name": "old", "uplink": "2", "downlink": "2", "state": "1"},
	}
	if !reflect.DeepEqual(all, want) {
		t.Fatalf("queryallplans %v", all)
	}
	for path, ids := range map[string][]string{
		"/products/queryallplans/":       {"T1", "T2", "T3"},
		"/products/querybyuplink/1":      {"T1", "T2"},
		"/products/querybyuplink/1/":     {"T1", "T2"},
		"/products/querybyuplink/9":      {},
		"/products/querybydownlink/2":    {"T2", "T3"},
		"/products/querybylink/1/2":      {"T2"},
		"/products/querybylink/2/2":      {"T3"},
		"/products/querybylink/2/1":      {},
		"/products/querybydownlink/0001": {"T1"},
	} {
		if got := planIDs(getPlans(t, s, path)); !reflect.DeepEqual(got, ids) {
			t.Errorf("GET %s = %v, want %v", path, got, ids)
		}
	}
	for path, code := range map[string]string{
		"/products/querybyuplink/abc":   "4403",
		"/products/querybyuplink/-1":    "4403",
		"/products/querybydownlink/1.5": "4404",
		"/products/querybylink/x/1":     "4403",
		"/products/querybylink/1/x":     "4404",
		"/products/querybyuplink":       "4401",
		"/products/querybylink/1":       "4402",
	} {
		expect(t, send(t, s, defaultCreds, http.MethodGet, path, nil), code)
	}
}
