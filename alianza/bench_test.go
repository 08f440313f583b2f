package alianza_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/ispkit/ispkit/alianza"
)

// benchAccount is an Account answer with the fields an integration reads.
const benchAccount = `{"id":"a1","partitionId":"p1","accountNumber":"CUST-1001","accountName":"Ada Lovelace",` +
	`"billingCycleDay":15,"status":"ACTIVE","accountType":"ADVANCED","platformType":"V2_1","extensionLength":4,` +
	`"dialingBehaviorType":"DIAL_NINE_TEN_DIGIT","timeZone":"US/Eastern","regulatoryType":"RESIDENTIAL",` +
	`"callingPlans":[{"id":"cp1","referenceType":"ACCOUNT","startDate":"2026-11-01T00:00:00Z","planMinutes":1000,"secondsRemaining":54000}]}`

// benchServer answers logins and every other request with benchAccount
// after reading the body, so that both contenders do the same work.
func benchServer(b *testing.B) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/v2/authorize" {
			_, _ = io.WriteString(w, `{"authToken":"tok","partitionId":"p1"}`)
			return
		}
		if r.Header.Get("X-AUTH-TOKEN") != "tok" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(benchAccount)))
		_, _ = io.WriteString(w, benchAccount)
	}))
	b.Cleanup(srv.Close)
	return srv
}

// BenchmarkAccountGet compares Accounts.Get (after its login) with a
// hand-written net/http + encoding/json GET of the same account. Report the
// ratio of the two ns/op and the difference of allocs/op.
func BenchmarkAccountGet(b *testing.B) {
	srv := benchServer(b)
	ctx := context.Background()

	b.Run("raw", func(b *testing.B) {
		hc := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
		url := srv.URL + "/v2/partition/p1/account/a1"
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
			if err != nil {
				b.Fatal(err)
			}
			req.Header.Set("X-AUTH-TOKEN", "tok")
			req.Header.Set("Accept", "application/json")
			resp, err := hc.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			var a alianza.Account
			err = json.NewDecoder(resp.Body).Decode(&a)
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if err != nil || resp.StatusCode != http.StatusOK || a.AccountNumber != "CUST-1001" {
				b.Fatalf("status %d, err %v", resp.StatusCode, err)
			}
		}
	})

	b.Run("alianza", func(b *testing.B) {
		c, err := alianza.New(alianza.Credentials{Username: "u", Password: alianza.NewSecret("p")}, alianza.WithBaseURL(srv.URL))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := c.Login(ctx); err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			a, err := c.Accounts.Get(ctx, "a1")
			if err != nil {
				b.Fatal(err)
			}
			if a.AccountNumber != "CUST-1001" {
				b.Fatalf("got %+v", a)
			}
		}
	})
}
