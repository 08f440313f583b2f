package alianza_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"reflect"
	"sort"
	"testing"

	"github.com/ispkit/ispkit/alianza"
	"github.com/ispkit/ispkit/alianza/alianzatest"
)

// TestE2EGenerated calls every generated operation through its typed
// method against alianzatest (genE2E, written by the generator beside the
// methods) and checks the answer: what the test stored comes back typed,
// what it sends is stored, a delete removes, a job runs to its end, a
// scripted answer is decoded.
func TestE2EGenerated(t *testing.T) {
	keys := make([]string, 0, len(genE2E))
	for k := range genE2E {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Run(k, func(t *testing.T) {
			srv, c := newE2E(t) // a fresh store for each
			genE2E[k](context.Background(), t, srv, c)
		})
	}
}

// checkSent: the last request the fake received is method on path (as the
// client escapes it), with the JSON of body (none when body is nil).
func checkSent(t *testing.T, srv *alianzatest.Server, method, path string, body any) {
	t.Helper()
	rs := srv.Requests()
	if len(rs) == 0 {
		t.Fatal("the fake received nothing")
	}
	last := rs[len(rs)-1]
	if last.Method != method {
		t.Errorf("sent %s, want %s", last.Method, method)
	}
	if want, _ := url.PathUnescape(path); last.Path != want {
		t.Errorf("sent to %s, want %s", last.Path, want)
	}
	if body == nil {
		if len(bytes.TrimSpace(last.Body)) != 0 {
			t.Errorf("sent a body %s, want none", last.Body)
		}
		return
	}
	want, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	var got, exp any
	if err := json.Unmarshal(last.Body, &got); err != nil {
		t.Fatalf("sent %q: %v", last.Body, err)
	}
	_ = json.Unmarshal(want, &exp)
	if !reflect.DeepEqual(got, exp) {
		t.Errorf("sent %s, want %s", last.Body, want)
	}
}

// TestGeneratedEnumSchemas: a model field whose spec schema is a named
// string enum ($ref to JobStatusDTO, SipTrunkForwardReference's
// referenceType) decodes and sends as that enum type. Such schemas were
// written as empty structs before, and a real answer
// ("jobStatus":"COMPLETED") failed to decode.
func TestGeneratedEnumSchemas(t *testing.T) {
	ctx := context.Background()
	srv, c := newE2E(t)
	const path = "/v2/bulk-user-operation/job/j1"
	if err := srv.SetObject(path, map[string]any{"id": "j1", "jobStatus": "COMPLETED", "executionStatus": "STARTED"}); err != nil {
		t.Fatal(err)
	}
	job, err := c.BulkJobs.Get(ctx, "j1")
	if err != nil {
		t.Fatal(err)
	}
	if job.JobStatus != alianza.JobStatusDtoCompleted || job.ExecutionStatus != alianza.JobStatusDtoStarted {
		t.Errorf("got %+v, want COMPLETED and STARTED", job)
	}

	req := alianza.SIPTrunkForwardRulesRequest{ForwardAlways: &alianza.SIPTrunkForwardAlwaysReference{
		ReferenceID: "tr1", ReferenceType: alianza.ForwardReferenceTypeSIPTrunk, Enabled: new(bool)}}
	srv.ScriptAnswer("PUT", "/v2/partition/"+alianzatest.DefaultPartitionID+"/account/a1/siptrunk_2/t1/forward", 204, "")
	if err := c.SIPTrunks.UpdateForwarding(ctx, "a1", "t1", req); err != nil {
		t.Fatal(err)
	}
	// The flattened allOf: the base's fields and the added one, side by
	// side; false is sent, as Enabled is a pointer.
	checkSent(t, srv, "PUT", "/v2/partition/"+alianzatest.DefaultPartitionID+"/account/a1/siptrunk_2/t1/forward",
		map[string]any{"forwardAlways": map[string]any{"referenceId": "tr1", "referenceType": "SIP_TRUNK", "enabled": false}})
}
