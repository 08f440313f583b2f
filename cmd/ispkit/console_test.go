package main

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/baicells/baicellstest"
	"github.com/ispkit/ispkit/telecloud"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

func getPage(t *testing.T, root string) string {
	t.Helper()
	resp, err := http.Get(root + "/")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /: %s", resp.Status)
	}
	return string(b)
}

// post submits a console form as a browser on the page would.
func post(t *testing.T, root, path string, form url.Values) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, root+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", root)
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}

// TestConsole walks the console as a user would, over HTTP: a subscriber
// created through the API shows, a fault injected from the console fails
// the SDK's call with it, clearing it lets the call through, and a reset
// empties the state.
func TestConsole(t *testing.T) {
	root, env := startSandbox(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	bc, err := baicells.New(baicells.Credentials{CloudKey: baicells.NewSecret(env["BAICELLS_CLOUD_KEY"]),
		Username: env["BAICELLS_USERNAME"], Password: baicells.NewSecret(env["BAICELLS_PASSWORD"])},
		baicells.WithBaseURL(env["BAICELLS_BASE_URL"]), baicells.WithRetry(baicells.RetryPolicy{MaxAttempts: 1}))
	if err != nil {
		t.Fatal(err)
	}
	const subID = "console-sub-7731"
	if err := bc.Subscribers.Create(ctx, baicells.Profile{ID: subID, Name: "Console Test"}); err != nil {
		t.Fatal(err)
	}
	if page := getPage(t, root); !strings.Contains(page, subID) || !strings.Contains(page, "Console Test") {
		t.Fatalf("the console does not show the subscriber created through the API")
	}

	resp := post(t, root, "/console/baicells/fault", url.Values{"path": {"/customers/querybyid"}, "status": {"503"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("inject fault: %s", resp.Status)
	}
	_, err = bc.Subscribers.Get(ctx, subID)
	var be *baicells.Error
	if !errors.As(err, &be) || be.HTTPStatus != http.StatusServiceUnavailable {
		t.Fatalf("Get with a 503 fault injected: %v, want a *baicells.Error with HTTP status 503", err)
	}
	if page := getPage(t, root); !strings.Contains(page, "<td>503</td>") {
		t.Error("the request log does not show the faulted 503")
	}
	post(t, root, "/console/baicells/clear", nil)
	if _, err := bc.Subscribers.Get(ctx, subID); err != nil {
		t.Fatalf("Get after clearing faults: %v", err)
	}

	post(t, root, "/console/baicells/reset", nil)
	if _, err := bc.Subscribers.Get(ctx, subID); !errors.Is(err, baicells.ErrSubscriberNotFound) {
		t.Fatalf("Get after reset: %v, want ErrSubscriberNotFound", err)
	}
	if page := getPage(t, root); strings.Contains(page, "Console Test") {
		t.Error("the console still shows the subscriber after a reset")
	}
}

// TestConsoleLogHoldsNoCredential sends TeleCloud calls, whose keys travel
// in the query string, and a BOSS login, whose password is in the body,
// and checks that the request log shows neither.
func TestConsoleLogHoldsNoCredential(t *testing.T) {
	root, env := startSandbox(t)
	ctx := context.Background()
	tc, err := telecloud.New(telecloud.Credentials{APIIDKey: telecloud.NewSecret(env["TELECLOUD_API_ID_KEY"]),
		APIKey: telecloud.NewSecret(env["TELECLOUD_API_KEY"])}, telecloud.WithBaseURL(env["TELECLOUD_BASE_URL"]))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tc.Customers.Search(ctx, telecloud.CustomerSearchRequest{}); err != nil {
		t.Fatal(err)
	}
	bc, err := baicells.New(baicells.Credentials{CloudKey: baicells.NewSecret(env["BAICELLS_CLOUD_KEY"]),
		Username: env["BAICELLS_USERNAME"], Password: baicells.NewSecret(env["BAICELLS_PASSWORD"])},
		baicells.WithBaseURL(env["BAICELLS_BASE_URL"]))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bc.Plans.List(ctx); err != nil {
		t.Fatal(err)
	}
	page := getPage(t, root)
	_, log, ok := strings.Cut(page, `<section id="log">`)
	if !ok || !strings.Contains(log, "/telecloud/API/") || !strings.Contains(log, "/baicells/baicellsapi/") {
		t.Fatalf("the log lacks the calls made:\n%s", log)
	}
	for _, secret := range []string{telecloudtest.DefaultAPIIDKey, telecloudtest.DefaultAPIKey, baicellstest.DefaultPassword, baicellstest.DefaultCloudKey} {
		for _, spelling := range []string{secret, url.QueryEscape(secret), secret[:len(secret)/2]} {
			if strings.Contains(log, spelling) {
				t.Errorf("the request log shows %q", spelling)
			}
		}
	}
}

// TestConsoleRefusesCrossOriginForms: a page on another site cannot reset
// or fault the sandbox through a developer's browser.
func TestConsoleRefusesCrossOriginForms(t *testing.T) {
	root, _ := startSandbox(t)
	for _, h := range []map[string]string{{"Origin": "http://evil.example"}, {"Sec-Fetch-Site": "cross-site"}} {
		req, _ := http.NewRequest(http.MethodPost, root+"/console/baicells/reset", nil)
		for k, v := range h {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("POST with %v: %s, want 403", h, resp.Status)
		}
	}
	for _, p := range []string{"/console/nobody/reset", "/console/baicells/explode"} {
		if resp := post(t, root, p, nil); resp.StatusCode != http.StatusNotFound {
			t.Errorf("POST %s: %s, want 404", p, resp.Status)
		}
	}
	if resp := post(t, root, "/console/baicells/fault", url.Values{"status": {"abc"}}); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("a fault with a bad status: %s, want 400", resp.Status)
	}
}
