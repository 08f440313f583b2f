package octanetest

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/ispkit/ispkit/internal/testkit"
)

// The fault promises every fake shares, checked by the shared kit.
func TestFaultKit(t *testing.T) {
	testkit.RunFaultTests(t, testkit.Fake{
		Start: func(t *testing.T) testkit.FakeServer {
			s := newTestServer(t)
			return testkit.ServerOf[Fault](s.URL, s)
		},
		Request: func(ctx context.Context, root string) *http.Request {
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, root+restBase+"/v1/datapool?custno=1&lineseqno=1", nil)
			req.SetBasicAuth(DefaultUsername, DefaultPassword)
			return req
		},
		Path:         "/api/v1/datapool",
		NormalStatus: http.StatusOK,
		Other: func(ctx context.Context, root string) *http.Request {
			req, _ := http.NewRequestWithContext(ctx, http.MethodPost, root+soapBase+"/UtbOrder", strings.NewReader(queryXML("1")))
			req.Header.Set("Content-Type", "text/xml; charset=utf-8")
			return req
		},
	})
}
