package telecloudtest

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/ispkit/ispkit/internal/testkit"
)

// The fault promises every fake shares, checked by the shared kit.
func TestFaultKit(t *testing.T) {
	request := func(method string) func(context.Context, string) *http.Request {
		return func(ctx context.Context, root string) *http.Request {
			q := url.Values{"API_ID_KEY": {DefaultAPIIDKey}, "API_KEY": {DefaultAPIKey}}
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, root+"/API/xml/"+method+"?"+q.Encode(), nil)
			return req
		}
	}
	testkit.RunFaultTests(t, testkit.Fake{
		Start: func(t *testing.T) testkit.FakeServer {
			s := newTestServer(t)
			return testkit.ServerOf[Fault](s.URL, s)
		},
		Request:      request("Customer/Search"),
		Path:         "/Customer/Search",
		NormalStatus: http.StatusOK,
		Other:        request("Plan/Search"),
	})
}
