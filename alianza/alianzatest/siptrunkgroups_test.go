package alianzatest

import (
	"net/http"
	"testing"
)

func TestSIPTrunkGroupForwardingPut(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	acct := c.createAccount(simpleAccount("ACC-1"))
	g := want(t, c.do(http.MethodPost, c.path(acct, "siptrunkgroup"), `{"name":"trunks"}`), http.StatusCreated).obj(t)
	id, _ := g["id"].(string)
	if id == "" {
		t.Fatalf("create answered %v", g)
	}
	fwd := c.path(acct, "siptrunkgroup", id, "forward")
	m := want(t, c.do(http.MethodPut, fwd, `{"unreachableForward":[{"referenceId":"T2","referenceType":"SIP_TRUNK"}],"sipTrunkGroupId":"other"}`), http.StatusOK).obj(t)
	if m["sipTrunkGroupId"] != id || m["accountId"] != acct || m["partitionId"] != DefaultPartitionID || m["unreachableForward"] == nil {
		t.Fatalf("PUT answered %v", m)
	}
	got := want(t, c.do(http.MethodGet, fwd, nil), http.StatusOK).obj(t)
	if got["sipTrunkGroupId"] != id || got["unreachableForward"] == nil {
		t.Fatalf("GET after PUT answered %v", got)
	}
	wantError(t, c.do(http.MethodPut, c.path(acct, "siptrunkgroup", "nope", "forward"), `{}`), http.StatusNotFound, MessageNotFound)
	wantValidation(t, c.do(http.MethodPut, fwd, `[1]`), "the body is not a JSON object")
}
