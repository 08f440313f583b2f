package alianza_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/ispkit/ispkit/alianza"
)

// queryServer logs in and answers every other request with answer,
// recording the escaped path and the query of each (and the last body in
// lastBody).
func queryServer(t *testing.T, answer func(r *http.Request) string) (*alianza.Client, func() []*url.URL) {
	t.Helper()
	var mu sync.Mutex
	var seen []*url.URL
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		lastBody = b
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/v2/authorize" {
			w.WriteHeader(http.StatusCreated)
			_, _ = io.WriteString(w, `{"authToken":"t","partitionId":"P1"}`)
			return
		}
		mu.Lock()
		u := *r.URL
		seen = append(seen, &u)
		mu.Unlock()
		_, _ = io.WriteString(w, answer(r))
	}))
	t.Cleanup(srv.Close)
	c, err := alianza.New(alianza.Credentials{Username: "u", Password: alianza.NewSecret("p")}, alianza.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	return c, func() []*url.URL { mu.Lock(); defer mu.Unlock(); return append([]*url.URL(nil), seen...) }
}

// lastBody is the body of the last request a queryServer received (the
// tests using it are not parallel).
var lastBody []byte

// The generated *XxxOptions are sent as the spec's query parameters: each
// kind of field (string, enum, *float64, *int64, *bool, []string) set, a
// zero one left out.
func TestGeneratedOptionsAreSent(t *testing.T) {
	ctx := context.Background()
	c, seen := queryServer(t, func(*http.Request) string { return `{}` })
	lat, n := 40.5, int64(7)
	if _, err := c.SupportedRateCenters.Nearby(ctx, &alianza.SupportedRateCentersNearbyOptions{
		Latitude: &lat, MaxResults: &n, DistanceUnit: alianza.DistanceUnit("MILES"), State: "UT",
	}); err != nil {
		t.Fatal(err)
	}
	f := false
	if _, err := c.MediaFiles.HoldMusic(ctx, "a 1", &alianza.MediaFilesHoldMusicOptions{Custom: &f}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.MediaFiles.HoldMusic(ctx, "a 1", nil); err != nil {
		t.Fatal(err)
	}
	got := seen()
	if len(got) != 3 {
		t.Fatalf("%d requests", len(got))
	}
	if q := got[0].Query(); q.Get("latitude") != "40.5" || q.Get("maxResults") != "7" || q.Get("distanceUnit") != "MILES" ||
		q.Get("state") != "UT" || q.Has("longitude") || q.Has("busOrgId") {
		t.Errorf("Nearby sent %s", got[0].RawQuery)
	}
	if got[1].EscapedPath() != "/v2/partition/P1/account/a%201/media_2/type/holdmusic" || got[1].RawQuery != "custom=false" {
		t.Errorf("HoldMusic sent %s?%s (false must be sent)", got[1].EscapedPath(), got[1].RawQuery)
	}
	if got[2].RawQuery != "" {
		t.Errorf("HoldMusic with nil options sent %q", got[2].RawQuery)
	}
}

// A generated iterator pages with firstResultIndex/maxResult and sends its
// options on every page; it stops on a short page.
func TestGeneratedIteratorPages(t *testing.T) {
	c, seen := queryServer(t, func(r *http.Request) string {
		if r.URL.Query().Get("firstResultIndex") == "0" {
			return `{"totalRecords":3,"results":[{"id":"h1"},{"id":"h2"}]}`
		}
		return `{"totalRecords":3,"results":[{"id":"h3"}]}`
	})
	var ids []string
	for h, err := range c.Accounts.PartitionHistory(context.Background(), &alianza.AccountsPartitionHistoryOptions{
		AccountHistoryType: []string{"A", "B"}, PageSize: 2,
	}) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, h.ID)
	}
	if strings.Join(ids, ",") != "h1,h2,h3" {
		t.Errorf("ids %v", ids)
	}
	got := seen()
	if len(got) != 2 {
		t.Fatalf("%d requests, want 2", len(got))
	}
	for i, u := range got {
		q := u.Query()
		if q.Get("maxResult") != "2" || q.Get("firstResultIndex") != []string{"0", "2"}[i] || strings.Join(q["accountHistoryType"], ",") != "A,B" {
			t.Errorf("page %d sent %s", i, u.RawQuery)
		}
	}
	// A negative page size is refused before anything is sent.
	for _, err := range c.Accounts.PartitionHistory(context.Background(), &alianza.AccountsPartitionHistoryOptions{PageSize: -1}) {
		if !errors.Is(err, alianza.ErrInvalidInput) {
			t.Errorf("PageSize -1: %v", err)
		}
	}
	if len(seen()) != 2 {
		t.Error("a refused search sent a request")
	}
}

// Ids are checked before anything is sent, and a 202 answer that is not a
// job is ErrBadResponse.
func TestGeneratedInputChecksAndJobs(t *testing.T) {
	ctx := context.Background()
	c, seen := queryServer(t, func(*http.Request) string { return `{"id":"x"}` })
	for _, id := range []string{"", " ", "..", "a\x00b"} {
		if _, err := c.VoicemailBoxes.Get(ctx, "a1", id); !errors.Is(err, alianza.ErrInvalidInput) {
			t.Errorf("Get(%q): %v, want ErrInvalidInput", id, err)
		}
	}
	var nilCtx context.Context
	if _, err := c.VoicemailBoxes.Get(nilCtx, "a1", "v1"); !errors.Is(err, alianza.ErrInvalidInput) {
		t.Errorf("nil ctx: %v", err)
	}
	if len(seen()) != 0 {
		t.Fatalf("refused calls sent %d requests", len(seen()))
	}
	if _, err := c.Reports.NumbersCSV(ctx, nil); !errors.Is(err, alianza.ErrBadResponse) {
		t.Errorf("a job call answered with a non-job: %v, want ErrBadResponse", err)
	}
}

// A secret in a generated model, also one nested in another (a port's
// wireless PIN in a prevalidation), is sent as it is, and printed REDACTED.
func TestGeneratedSecretsAreSentNotPrinted(t *testing.T) {
	c, _ := queryServer(t, func(*http.Request) string { return `{}` })
	req := alianza.TelephoneNumberActivationsV2Request{
		AccountID: "CUST-1", Port: &alianza.PortModel{WirelessPIN: alianza.NewSecret("pin-93a1")},
	}
	if _, err := c.Prevalidations.E911(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(lastBody), `"port":{"wirelessPin":"pin-93a1"}`) || !strings.Contains(string(lastBody), `"accountId":"CUST-1"`) {
		t.Errorf("sent %s", lastBody)
	}
	for _, f := range []string{"%v", "%+v", "%#v", "%s"} {
		if out := fmt.Sprintf(f, req); strings.Contains(out, "pin-93a1") {
			t.Errorf("%s prints the PIN: %s", f, out)
		}
	}
	if b, _ := json.Marshal(req); strings.Contains(string(b), "pin-93a1") {
		t.Errorf("json.Marshal shows the PIN: %s", b)
	}
}
