package telecloud

// Golden requests in the shape of the vendor's newer reference page
// (testdata/telecloud/newer-page, described in its README): the client, in
// the route style the file shows, sends the file's verb, host, path,
// content type and parameters (plus the credentials, which the files leave
// out). gock's registry is global: these tests must not run in parallel.

import (
	"bufio"
	"context"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ispkit/ispkit/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/h2non/gock.v1"
)

// fixtureRequest is one request file: request line, headers, blank line,
// body.
type fixtureRequest struct {
	verb, host, path, contentType string
	query, form                   url.Values
}

// params is the query and the form body together.
func (f fixtureRequest) params() url.Values {
	out := url.Values{}
	for k, v := range f.query {
		out[k] = v
	}
	for k, v := range f.form {
		out[k] = v
	}
	return out
}

func readFixtureRequest(t *testing.T, name string) fixtureRequest {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "telecloud", "newer-page", name))
	require.NoError(t, err)
	head, body, _ := strings.Cut(string(b), "\n\n")
	sc := bufio.NewScanner(strings.NewReader(head))
	require.True(t, sc.Scan())
	verb, rest, _ := strings.Cut(sc.Text(), " ")
	target, proto, _ := strings.Cut(rest, " ")
	require.Equal(t, "HTTP/1.1", proto, name)
	u, err := url.Parse(target)
	require.NoError(t, err, name)
	f := fixtureRequest{verb: verb, path: u.EscapedPath(), query: u.Query()}
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), ":")
		switch strings.ToLower(k) {
		case "host":
			f.host = strings.TrimSpace(v)
		case "content-type":
			f.contentType = strings.TrimSpace(v)
		}
	}
	f.form, err = url.ParseQuery(strings.TrimSpace(body))
	require.NoError(t, err, name)
	return f
}

// newerPageRequests are the request files, the style each shows, and the
// typed call that sends it.
var newerPageRequests = []struct {
	file  string
	style RouteStyle
	call  func(context.Context, *Client) error
}{
	{"Alerts_Search.http", RouteMethodPath, func(ctx context.Context, c *Client) error {
		_, err := c.Alerts.Search(ctx, AlertSearchRequest{Type: AlertTypeAnnouncement, Status: AlertUnread})
		return err
	}},
	{"Alerts_Edit.http", RouteVerb, func(ctx context.Context, c *Client) error {
		_, err := c.Alerts.Edit(ctx, AlertEditRequest{Status: AlertDismissed})
		return err
	}},
	{"Alerts_Edit_query.http", RouteVerb, func(ctx context.Context, c *Client) error {
		_, err := c.Alerts.Edit(ctx, AlertEditRequest{Status: AlertDismissed})
		return err
	}},
	{"Alerts_Edit_api_host.http", RouteVerbAPIHost, func(ctx context.Context, c *Client) error {
		_, err := c.Alerts.Edit(ctx, AlertEditRequest{Status: AlertDismissed})
		return err
	}},
	{"Announcements_Create.http", RouteVerb, func(ctx context.Context, c *Client) error {
		_, err := c.Announcements.Create(ctx, AnnouncementCreateRequest{Subject: "Scheduled maintenance",
			Description: "<p>The portal is down Sunday 1am-3am.</p>", ShowVAR: Yes, ShowPartner: No, ShowAffiliate: No,
			EmailNotification: No})
		return err
	}},
}

func TestGoldenNewerPageRequests(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "telecloud", "newer-page", "*.http"))
	require.NoError(t, err)
	require.Len(t, files, len(newerPageRequests), "every request file has a case")
	for _, tc := range newerPageRequests {
		t.Run(tc.file, func(t *testing.T) {
			f := readFixtureRequest(t, tc.file)
			// No WithBaseURL: each style's own host.
			gock.OffAll()
			c, err := New(Credentials{APIIDKey: NewSecret(gkIDKey), APIKey: NewSecret(gkAPIKey)}, WithRouteStyle(tc.style), WithRetry(RetryPolicy{MaxAttempts: 1}))
			require.NoError(t, err)
			gock.InterceptClient(c.t.HTTPClient())
			t.Cleanup(func() {
				gock.OffAll()
				gock.RestoreClient(c.t.HTTPClient())
			})
			rec := &testkit.Recorder{}
			gkExpect(rec, "https://"+f.host, f.verb, f.path).Reply(http.StatusOK).BodyString(gkOK)
			require.NoError(t, tc.call(context.Background(), c), "unmatched:%s", gkUnmatched())
			seen := rec.All()
			require.Len(t, seen, 1)
			// The client puts a GET's parameters in the query string and
			// every other verb's in a form body: the query-string PATCH of
			// the newer page carries the same parameters, which the fake
			// accepts too (telecloudtest's newerpage_test.go).
			gkCheck(t, seen[0], f.verb, f.path, f.params())
			if f.verb != http.MethodGet && len(f.query) == 0 {
				assert.Equal(t, f.contentType, seen[0].Header.Get("Content-Type"))
			}
			gkDone(t)
		})
	}
}
