package alianzatest

import (
	"net/http"
	"reflect"
	"testing"
	"time"
)

func TestExportJob(t *testing.T) {
	clk := newClock() // 2025-03-04 05:06:07 UTC
	s := newTestServer(t, withClock(clk), WithJobDelay(10*time.Second), WithCredentials("other", "pw", "partition-2"))
	c := newSession(t, s)
	s.SeedInventoryNumber(InventoryNumber{PhoneNumber: "15185550100", RateCenter: "ALBANY", State: "NY", PostalCode: "12207", CarrierID: "c-1"})
	s.SeedNumbers("18015550100")
	s.SeedInventoryNumber(InventoryNumber{PhoneNumber: "15145550100", PartitionID: "partition-2"})
	export := c.ppath("telephonenumber", "export_2")

	r := want(t, c.do(http.MethodGet, export, nil), http.StatusAccepted)
	const started = `{"id":"70000000-0000-4000-8000-000000000001","name":"asyncExportTnInventory","userId":"f0000000-0000-4000-8000-000000000001",` +
		`"status":"PENDING","errors":[],"start":"2025-03-04T05:06:07Z","lastUpdated":"2025-03-04T05:06:07Z"}`
	if string(r.raw) != started {
		t.Fatalf("export answered\n%s", r.raw)
	}
	job := "/v2/job/70000000-0000-4000-8000-000000000001"
	s.SeedNumbers("18015550101") // after the export: not in its output

	clk.add(4 * time.Second)
	m := want200(t, c.do(http.MethodGet, job, nil)).obj(t)
	if m["status"] != "IN_PROGRESS" || m["lastUpdated"] != "2025-03-04T05:06:11Z" || m["outputKey"] != nil {
		t.Fatalf("running %v", m)
	}
	wantError(t, c.do(http.MethodGet, job+"/output", nil), http.StatusNotFound, MessageJobOutputNotFound)
	clk.add(6 * time.Second)
	m = want200(t, c.do(http.MethodGet, job, nil)).obj(t)
	if m["status"] != "DONE" || m["lastUpdated"] != "2025-03-04T05:06:17Z" || m["outputKey"] != "jobs/70000000-0000-4000-8000-000000000001/output" ||
		len(m["errors"].([]any)) != 0 {
		t.Fatalf("done %v", m)
	}
	out := want200(t, c.do(http.MethodGet, job+"/output", nil))
	const csv = "telephoneNumber,rateCenter,state,country,postalCode,functionType,carrierId\n" +
		"15185550100,ALBANY,NY,US,12207,ELS,c-1\n18015550100,,,US,,ELS,\n"
	if string(out.raw) != csv || out.header.Get("Content-Type") != "text/csv" {
		t.Fatalf("output %q %v", out.raw, out.header)
	}

	// Failures, one a call, in order; then success again.
	s.FailNextJob("line 2: not a telephone number")
	s.FailNextJob("carrier unavailable")
	var ids []string
	for range 3 {
		ids = append(ids, want(t, c.do(http.MethodGet, export, nil), http.StatusAccepted).obj(t)["id"].(string))
	}
	clk.add(10 * time.Second)
	var statuses, errs []any
	for _, id := range ids {
		m := want200(t, c.do(http.MethodGet, "/v2/job/"+id, nil)).obj(t)
		statuses = append(statuses, m["status"])
		errs = append(errs, m["errors"])
	}
	wantErrs := []any{[]any{map[string]any{"error": "line 2: not a telephone number"}}, []any{map[string]any{"error": "carrier unavailable"}}, []any{}}
	if !reflect.DeepEqual(statuses, []any{"FAILED", "FAILED", "DONE"}) || !reflect.DeepEqual(errs, wantErrs) {
		t.Fatalf("statuses %v, errors %v", statuses, errs)
	}
	wantError(t, c.do(http.MethodGet, "/v2/job/"+ids[0]+"/output", nil), http.StatusNotFound, MessageJobOutputNotFound)

	// Jobs are the partition's; unknown ones are not found.
	other := sessionAs(t, s, "other", "pw", "partition-2")
	wantError(t, other.do(http.MethodGet, job, nil), http.StatusNotFound, MessageJobNotFound)
	wantError(t, other.do(http.MethodGet, job+"/output", nil), http.StatusNotFound, MessageJobNotFound)
	wantError(t, c.do(http.MethodGet, "/v2/job/nope", nil), http.StatusNotFound, MessageJobNotFound)
	wantError(t, send(t, s, http.MethodGet, job, "", nil), http.StatusUnauthorized, MessageMissingAuthToken)
	wantError(t, c.do(http.MethodPost, job, nil), http.StatusMethodNotAllowed, MessageMethodNotAllowed)
}

func TestJobWithoutDelay(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	id := want(t, c.do(http.MethodGet, c.ppath("telephonenumber", "export_2"), nil), http.StatusAccepted).obj(t)["id"].(string)
	if m := want200(t, c.do(http.MethodGet, "/v2/job/"+id, nil)).obj(t); m["status"] != "DONE" {
		t.Fatalf("job %v", m)
	}
	if out := want200(t, c.do(http.MethodGet, "/v2/job/"+id+"/output", nil)); string(out.raw) != "telephoneNumber,rateCenter,state,country,postalCode,functionType,carrierId\n" {
		t.Fatalf("output %q", out.raw)
	}
}
