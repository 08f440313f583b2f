package alianzatest

import (
	"context"
	"net/http"
	"sync"
	"testing"

	"github.com/ispkit/ispkit/internal/testkit"
)

// The fault promises every fake shares, checked by the shared kit. The
// token of each fake is taken at its start, before any fault.
func TestFaultKit(t *testing.T) {
	var mu sync.Mutex
	tokens := map[string]string{} // server URL → token
	request := func(path string) func(context.Context, string) *http.Request {
		return func(ctx context.Context, root string) *http.Request {
			mu.Lock()
			tok := tokens[root]
			mu.Unlock()
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, root+path, nil)
			req.Header.Set("X-AUTH-TOKEN", tok)
			return req
		}
	}
	testkit.RunFaultTests(t, testkit.Fake{
		Start: func(t *testing.T) testkit.FakeServer {
			s := newTestServer(t)
			tok := newToken(t, s)
			mu.Lock()
			tokens[s.URL] = tok
			mu.Unlock()
			return testkit.ServerOf[Fault](s.URL, s)
		},
		Request:      request("/v2/partition/" + DefaultPartitionID + "/account"),
		Path:         "/v2/partition/" + DefaultPartitionID + "/account",
		NormalStatus: http.StatusOK,
		Other:        request("/v2/partition/" + DefaultPartitionID + "/user"),
	})
}
