package baicellstest

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/ispkit/ispkit/internal/testkit"
)

// The fault promises every fake shares, checked by the shared kit.
func TestFaultKit(t *testing.T) {
	request := func(method, path, body string) func(context.Context, string) *http.Request {
		return func(ctx context.Context, root string) *http.Request {
			req, _ := http.NewRequestWithContext(ctx, method, root+"/baicellsapi"+path, strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("cloud_key", DefaultCloudKey)
			req.Header.Set("Authorization", bareAuth(DefaultUsername, DefaultPassword))
			return req
		}
	}
	testkit.RunFaultTests(t, testkit.Fake{
		Start: func(t *testing.T) testkit.FakeServer {
			s := newTestServer(t)
			return testkit.ServerOf[Fault](s.URL, s)
		},
		Request:      request(http.MethodGet, "/products/queryallplans", ""),
		Path:         "/products/queryallplans",
		NormalStatus: http.StatusOK,
		Other:        request(http.MethodPost, "/customers/query", `{"imsi":"001010000000001"}`),
	})
}
