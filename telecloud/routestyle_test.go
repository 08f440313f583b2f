package telecloud

// The route styles: the path of every route in each (against a literal
// list of the methods the verb cannot select), the option, the base URL
// each style defaults to, Client.Call's routes, and what the client does
// where the verb alone cannot tell two methods of a service apart. gock's
// registry is global: these tests must not run in parallel.

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/ispkit/ispkit/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/h2non/gock.v1"
)

func TestRouteStylePaths(t *testing.T) {
	require.Len(t, gkVerbShared, 17)
	for _, r := range Routes() {
		for _, style := range gkStyles {
			for _, f := range []Format{FormatXML, FormatJSON} {
				assert.Equal(t, gkStylePath(style, f, r.Op()), r.Path(style, f), "%s %s %s", style, f, r.Op())
			}
		}
	}
	// The examples of Route.Path's documentation, and Order/Update, the one
	// method the verb selects that is not the verb's own.
	paths := map[string]string{}
	for _, r := range Routes() {
		paths[r.Op()] = r.Path(RouteVerb, FormatXML)
	}
	assert.Equal(t, "/API/xml/Order/", paths["Order/Create"])
	assert.Equal(t, "/API/xml/Order/", paths["Order/Update"])
	assert.Equal(t, "/API/xml/Order/", paths["Order/Search"])
	assert.Equal(t, "/API/xml/Order/Status", paths["Order/Status"])
	assert.Equal(t, "/API/xml/Alerts/", paths["Alerts/Edit"])
	assert.Equal(t, "/API/xml/Announcements/", paths["Announcements/Create"])
	assert.Equal(t, "/API/xml/Customer/Qualify", paths["Customer/Qualify"])
	// In each style and service, a verb and path lead to one method.
	for _, style := range gkStyles {
		seen := map[string]string{}
		for _, r := range Routes() {
			key := r.Verb + " " + r.Path(style, FormatXML)
			if prev, dup := seen[key]; dup {
				t.Errorf("%s: %s and %s are both %s", style, prev, r.Op(), key)
			}
			seen[key] = r.Op()
		}
	}
}

func TestRouteStyleOption(t *testing.T) {
	assert.Equal(t, "method-path", RouteMethodPath.String())
	assert.Equal(t, "verb", RouteVerb.String())
	assert.Equal(t, "verb-api-host", RouteVerbAPIHost.String())
	assert.Equal(t, "RouteStyle(7)", RouteStyle(7).String())

	creds := Credentials{APIIDKey: NewSecret("id"), APIKey: NewSecret("key")}
	_, err := New(creds, WithRouteStyle(RouteStyle(7)))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "WithRouteStyle")
	_, err = New(creds, WithRouteStyle(RouteStyle(-1)))
	require.Error(t, err)

	// Each style's base URL, and WithBaseURL over it in either order.
	for style, base := range map[RouteStyle]string{
		RouteMethodPath: DefaultBaseURL, RouteVerb: DefaultBaseURL, RouteVerbAPIHost: APIHostURL,
	} {
		c, err := New(creds, WithRouteStyle(style))
		require.NoError(t, err)
		assert.Equal(t, base, c.BaseURL(), style.String())
		c, err = New(creds, WithRouteStyle(style), WithBaseURL("http://local.test/tc"))
		require.NoError(t, err)
		assert.Equal(t, "http://local.test/tc", c.BaseURL(), style.String())
		c, err = New(creds, WithBaseURL("http://local.test/tc"), WithRouteStyle(style))
		require.NoError(t, err)
		assert.Equal(t, "http://local.test/tc", c.BaseURL(), style.String())
	}
	c, err := New(creds)
	require.NoError(t, err)
	assert.Equal(t, DefaultBaseURL, c.BaseURL())
}

// The host form with no WithBaseURL goes to api.telecloud.app, as the
// newer page's examples do; the older style to telecloud.app/API.
func TestRouteStyleDefaultHosts(t *testing.T) {
	for _, tc := range []struct {
		style      RouteStyle
		host, path string
	}{
		{RouteMethodPath, "https://telecloud.app", "/API/xml/Alerts/Search"},
		{RouteVerb, "https://telecloud.app", "/API/xml/Alerts/"},
		{RouteVerbAPIHost, "https://api.telecloud.app", "/xml/Alerts/"},
	} {
		t.Run(tc.style.String(), func(t *testing.T) {
			gock.OffAll()
			c, err := New(Credentials{APIIDKey: NewSecret(gkIDKey), APIKey: NewSecret(gkAPIKey)}, WithRouteStyle(tc.style), WithRetry(RetryPolicy{MaxAttempts: 1}))
			require.NoError(t, err)
			gock.InterceptClient(c.t.HTTPClient())
			t.Cleanup(func() {
				gock.OffAll()
				gock.RestoreClient(c.t.HTTPClient())
			})
			rec := &testkit.Recorder{}
			gkExpect(rec, tc.host, http.MethodGet, tc.path).Reply(http.StatusOK).BodyString(gkOK)
			_, err = c.Alerts.Search(context.Background(), AlertSearchRequest{Type: AlertTypeAlert})
			require.NoError(t, err, "unmatched:%s", gkUnmatched())
			seen := rec.All()
			require.Len(t, seen, 1)
			gkCheck(t, seen[0], http.MethodGet, tc.path, url.Values{"type": {"ALERT"}})
			gkDone(t)
		})
	}
}

// Where the verb alone cannot tell two methods of a service apart, the
// verb styles send the method the verb selects to /{Service}/ and the
// others with the method in the path, as the older page routes them: the
// newer page gives them no route of their own.
func TestRouteStyleVerbSharedMethods(t *testing.T) {
	for _, style := range []RouteStyle{RouteVerb, RouteVerbAPIHost} {
		t.Run(style.String(), func(t *testing.T) {
			c := gkClient(t, WithRouteStyle(style))
			prefix := "/API/xml/"
			if style == RouteVerbAPIHost {
				prefix = "/xml/"
			}
			ctx := context.Background()
			for _, tc := range []struct {
				verb, path string
				call       func() error
			}{
				{"POST", prefix + "Order/", func() error {
					_, err := c.Orders.Create(ctx, OrderCreateRequest{AccountNumber: "7105045", RatePlanID: "52747"})
					return err
				}},
				{"POST", prefix + "Order/Status", func() error {
					_, err := c.Orders.Status(ctx, OrderStatusRequest{AccountNumber: "7105045", OrderNumber: "GBT83432HH"})
					return err
				}},
				{"POST", prefix + "Order/Cancel", func() error {
					_, err := c.Orders.Cancel(ctx, OrderCancelRequest{AccountNumber: "7105045", OrderNumber: "GBT83432HH"})
					return err
				}},
				{"PATCH", prefix + "Order/", func() error {
					_, err := c.Orders.Update(ctx, OrderUpdateRequest{AccountNumber: "7105045", OrderNumber: "GBT83432HH"})
					return err
				}},
				{"GET", prefix + "Customer/", func() error {
					_, err := c.Customers.Search(ctx, CustomerSearchRequest{})
					return err
				}},
				{"GET", prefix + "Customer/Qualify", func() error {
					_, err := c.Customers.Qualify(ctx, CustomerQualifyRequest{AccountNumber: "7105045"})
					return err
				}},
				{"GET", prefix + "Notifications/SearchTemplate", func() error {
					_, err := c.Notifications.SearchTemplate(ctx, NotificationSearchTemplateRequest{})
					return err
				}},
				{"POST", prefix + "Ticket/Reply", func() error {
					_, err := c.Tickets.Reply(ctx, TicketReplyRequest{TicketID: "1", Message: "m"})
					return err
				}},
			} {
				gock.Flush()
				rec := &testkit.Recorder{}
				gkExpect(rec, gkHost, tc.verb, tc.path).Reply(http.StatusOK).BodyString(gkOK)
				require.NoError(t, tc.call(), "%s %s unmatched:%s", tc.verb, tc.path, gkUnmatched())
				require.Len(t, rec.All(), 1, tc.path)
				gkDone(t)
			}
		})
	}
}

// Client.Call follows the same rule; of a service the tables do not know,
// only the verb's own method is sent to /{Service}/.
func TestRouteStyleCall(t *testing.T) {
	c := gkClient(t, WithRouteStyle(RouteVerb))
	for _, tc := range []struct{ op, verb, path string }{
		{"Alerts/Edit", "PATCH", "/API/xml/Alerts/"},
		{"Order/Update", "PATCH", "/API/xml/Order/"},
		{"Order/Status", "POST", "/API/xml/Order/Status"},
		{"Order/Frobnicate", "POST", "/API/xml/Order/Frobnicate"},
		{"Order/Edit", "PATCH", "/API/xml/Order/"},
		{"Widget/Search", "GET", "/API/xml/Widget/"},
		{"Widget/Delete", "DELETE", "/API/xml/Widget/"},
		{"Widget/Update", "PATCH", "/API/xml/Widget/Update"},
		{"Widget/SearchAll", "GET", "/API/xml/Widget/SearchAll"},
	} {
		gock.Flush()
		rec := &testkit.Recorder{}
		gkExpect(rec, gkHost, tc.verb, tc.path).Reply(http.StatusOK).BodyString(gkOK)
		require.NoError(t, c.Call(context.Background(), tc.op, url.Values{"a": {"1"}}, nil), "%s unmatched:%s", tc.op, gkUnmatched())
		seen := rec.All()
		require.Len(t, seen, 1, tc.op)
		gkCheck(t, seen[0], tc.verb, tc.path, url.Values{"a": {"1"}})
		gkDone(t)
	}
	// InFormat changes the format segment only.
	gock.Flush()
	rec := &testkit.Recorder{}
	gkExpect(rec, gkHost, http.MethodGet, "/API/json/Alerts/").Reply(http.StatusOK).BodyString(`{"@attributes":{"trans_id":"77"}}`)
	res, err := c.Alerts.Search(context.Background(), AlertSearchRequest{}, InFormat(FormatJSON))
	require.NoError(t, err, "unmatched:%s", gkUnmatched())
	assert.Equal(t, gkTransID, res.TransID)
	gkDone(t)
}
