package alianzatest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestURLAndClose(t *testing.T) {
	s := newTestServer(t)
	if !strings.HasPrefix(s.URL, "http://127.0.0.1:") {
		t.Fatalf("URL %q", s.URL)
	}
	s.Close()
	s.Close() // twice is fine
}

func TestNewHandler(t *testing.T) {
	h := NewHandler()
	defer h.Close() // a no-op without a listener of its own
	if h.URL != "" {
		t.Fatalf("URL %q", h.URL)
	}
	mux := http.NewServeMux()
	mux.Handle("/v2/", h)
	ts := httptest.NewServer(mux)
	defer ts.Close()
	resp, err := http.Post(ts.URL+"/v2/authorize", "application/json",
		strings.NewReader(`{"username":"alianza-api","password":"alianza-secret"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated || h.LoginCount() != 1 {
		t.Fatalf("HTTP %d, %d logins", resp.StatusCode, h.LoginCount())
	}

	// A recorder works too, with a request that has no body at all.
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, "/v2/partition/partition-1/account", nil)
	req.Body = nil
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusUnauthorized || !strings.Contains(rec.Body.String(), MessageMissingAuthToken) {
		t.Fatalf("HTTP %d %s", rec.Code, rec.Body)
	}
}

var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestLogin(t *testing.T) {
	s := newTestServer(t)
	r := want(t, loginAs(t, s, DefaultUsername, DefaultPassword), http.StatusCreated)
	m := r.obj(t)
	tok, _ := m["authToken"].(string)
	if !uuidRE.MatchString(tok) {
		t.Fatalf("authToken %q", tok)
	}
	delete(m, "authToken")
	wantBody := map[string]any{
		"userId":         "f0000000-0000-4000-8000-000000000001",
		"userType":       "ManagementUser",
		"username":       DefaultUsername,
		"partitionId":    DefaultPartitionID,
		"maxLifeInHours": float64(1),
	}
	if fmt.Sprint(m) != fmt.Sprint(wantBody) {
		t.Fatalf("login answer %v, want %v", m, wantBody)
	}
	if r.header.Get("Content-Type") != "application/json" {
		t.Fatalf("Content-Type %q", r.header.Get("Content-Type"))
	}
	// Every login is a new token; both stay good.
	tok2 := newToken(t, s)
	if tok2 == tok {
		t.Fatal("same token twice")
	}
	for _, k := range []string{tok, tok2} {
		want(t, send(t, s, http.MethodGet, "/v2/partition/partition-1/account", k, nil), http.StatusOK)
	}
	if n := s.LoginCount(); n != 2 {
		t.Fatalf("LoginCount %d", n)
	}
}

func TestLoginFailures(t *testing.T) {
	s := newTestServer(t)
	for _, c := range []struct{ user, pass string }{
		{DefaultUsername, "wrong-secret"},
		{"nobody", DefaultPassword},
		{DefaultUsername, ""},
		{"", ""},
	} {
		r := loginAs(t, s, c.user, c.pass)
		wantError(t, r, http.StatusUnauthorized, MessageInvalidCredentials)
		if c.pass != "" && strings.Contains(string(r.raw), c.pass) {
			t.Fatalf("password echoed: %s", r.raw)
		}
	}
	wantValidation(t, send(t, s, http.MethodPost, "/v2/authorize", "", nil), "request body is required")
	wantValidation(t, send(t, s, http.MethodPost, "/v2/authorize", "", `{"username":`), "malformed JSON request body")
	wantValidation(t, send(t, s, http.MethodPost, "/v2/authorize", "", `["a"]`), "request body must be a JSON object")
	wantValidation(t, send(t, s, http.MethodPost, "/v2/authorize", "", `{"username":1,"password":"x"}`), "username must be a string")
	if n := s.LoginCount(); n != 0 {
		t.Fatalf("LoginCount %d after failures", n)
	}
}

func TestTokenRequired(t *testing.T) {
	s := newTestServer(t)
	p := "/v2/partition/partition-1/account"
	wantError(t, send(t, s, http.MethodGet, p, "", nil), http.StatusUnauthorized, MessageMissingAuthToken)
	wantError(t, send(t, s, http.MethodGet, p, "not-a-token", nil), http.StatusUnauthorized, MessageExpiredAuthToken)
	wantError(t, send(t, s, http.MethodPut, "/v2/authorize/logout", "", nil), http.StatusUnauthorized, MessageMissingAuthToken)
	// The token is read from X-AUTH-TOKEN only.
	req, _ := http.NewRequest(http.MethodGet, s.URL+p, nil)
	req.Header.Set("Authorization", "Bearer "+newToken(t, s))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("Authorization header accepted: HTTP %d", resp.StatusCode)
	}
}

func TestTokenLifetime(t *testing.T) {
	clk := newClock()
	s := newTestServer(t, withClock(clk), WithTokenLifetime(90*time.Minute))
	r := want(t, loginAs(t, s, DefaultUsername, DefaultPassword), http.StatusCreated)
	if h := r.obj(t)["maxLifeInHours"]; h != float64(2) {
		t.Fatalf("maxLifeInHours %v for 90m, want 2 (rounded up)", h)
	}
	tok := r.obj(t)["authToken"].(string)
	p := "/v2/partition/partition-1/account"
	clk.add(90*time.Minute - time.Second)
	want(t, send(t, s, http.MethodGet, p, tok, nil), http.StatusOK)
	clk.add(time.Second)
	wantError(t, send(t, s, http.MethodGet, p, tok, nil), http.StatusUnauthorized, MessageExpiredAuthToken)
	wantError(t, send(t, s, http.MethodGet, p, tok, nil), http.StatusUnauthorized, MessageExpiredAuthToken)
	// A new login lasts from its own time.
	tok2 := newToken(t, s)
	clk.add(time.Hour)
	want(t, send(t, s, http.MethodGet, p, tok2, nil), http.StatusOK)

	for _, c := range []struct {
		d    time.Duration
		want float64
	}{{time.Millisecond, 1}, {time.Hour, 1}, {time.Hour + time.Nanosecond, 2}, {24 * time.Hour, 24}, {0, 1}, {-time.Hour, 1}} {
		s := NewHandler(WithTokenLifetime(c.d))
		if got := hoursRoundedUp(s.lifetime); float64(got) != c.want {
			t.Errorf("lifetime %v: maxLifeInHours %d, want %v", c.d, got, c.want)
		}
	}
}

func TestExpireTokens(t *testing.T) {
	s := newTestServer(t)
	a, b := newToken(t, s), newToken(t, s)
	p := "/v2/partition/partition-1/account"
	s.ExpireTokens()
	for _, tok := range []string{a, b} {
		wantError(t, send(t, s, http.MethodGet, p, tok, nil), http.StatusUnauthorized, MessageExpiredAuthToken)
	}
	c := newToken(t, s)
	want(t, send(t, s, http.MethodGet, p, c, nil), http.StatusOK)
	if n := s.LoginCount(); n != 3 {
		t.Fatalf("LoginCount %d", n)
	}
}

func TestLogout(t *testing.T) {
	s := newTestServer(t)
	a, b := newToken(t, s), newToken(t, s)
	r := want(t, send(t, s, http.MethodPut, "/v2/authorize/logout", a, nil), http.StatusOK)
	if len(r.raw) != 0 {
		t.Fatalf("logout body %q", r.raw)
	}
	p := "/v2/partition/partition-1/account"
	wantError(t, send(t, s, http.MethodGet, p, a, nil), http.StatusUnauthorized, MessageExpiredAuthToken)
	wantError(t, send(t, s, http.MethodPut, "/v2/authorize/logout", a, nil), http.StatusUnauthorized, MessageExpiredAuthToken)
	want(t, send(t, s, http.MethodGet, p, b, nil), http.StatusOK) // only that token ended
}

func TestCredentialsAndUsers(t *testing.T) {
	s := newTestServer(t,
		WithCredentials("ops", "pw-1", ""),
		WithCredentials("other", "pw-2", "partition-2"),
		WithCredentials("third", "x", "partition-3"),
		WithCredentials("third", "pw-3", "partition-9"), // replaces
		WithCredentials(DefaultUsername, "new-pw", "partition-4"),
	)
	wantError(t, loginAs(t, s, DefaultUsername, DefaultPassword), http.StatusUnauthorized, MessageInvalidCredentials)
	wantError(t, loginAs(t, s, "third", "x"), http.StatusUnauthorized, MessageInvalidCredentials)
	for _, c := range []struct{ user, pass, partition, id string }{
		{DefaultUsername, "new-pw", "partition-4", "f0000000-0000-4000-8000-000000000001"},
		{"ops", "pw-1", DefaultPartitionID, "f0000000-0000-4000-8000-000000000002"},
		{"other", "pw-2", "partition-2", "f0000000-0000-4000-8000-000000000003"},
		{"third", "pw-3", "partition-9", "f0000000-0000-4000-8000-000000000004"},
	} {
		m := want(t, loginAs(t, s, c.user, c.pass), http.StatusCreated).obj(t)
		if m["partitionId"] != c.partition || m["userId"] != c.id || m["username"] != c.user {
			t.Fatalf("%s: %v", c.user, m)
		}
	}
}

func TestPartitionCheck(t *testing.T) {
	s := newTestServer(t, WithCredentials("other", "pw-2", "partition-2"))
	one := newSession(t, s)
	two := &session{t: t, s: s, tok: want(t, loginAs(t, s, "other", "pw-2"), http.StatusCreated).obj(t)["authToken"].(string), partition: "partition-2"}
	id1 := one.createAccount(simpleAccount("ACC-1"))
	id2 := two.createAccount(simpleAccount("ACC-1")) // numbers are unique per partition only

	// A token's own partition only, for every route under it.
	other := &session{t: t, s: s, tok: one.tok, partition: "partition-2"}
	for _, c := range []struct{ method, path string }{
		{http.MethodGet, other.path()},
		{http.MethodPost, other.path()},
		{http.MethodGet, other.path("search") + "?q=ACC"},
		{http.MethodGet, other.path(id2)},
		{http.MethodDelete, other.path(id2)},
		{http.MethodGet, other.path(id2, "user")},
		{http.MethodGet, other.path(id2, "deviceline")},
		{http.MethodGet, other.path(id2, "deviceline", "x")},
		{http.MethodPut, other.path(id2, "user", "x")},
		{http.MethodGet, other.path(id2, "telephonenumber")},
		{http.MethodDelete, other.path(id2, "telephonenumber", "18015550100")},
		{http.MethodPut, other.path(id2, "callingplan")},
		{http.MethodGet, other.path(id2, "user-product-plans")},
		{http.MethodGet, other.path(id2, "accounthistorysearch")},
		{http.MethodGet, other.path(id2, "cdrsearch")},
		{http.MethodGet, other.ppath("telephonenumber", "search") + "?q=1801"},
		{http.MethodGet, other.ppath("telephonenumber", "statussearch")},
		{http.MethodGet, other.ppath("telephonenumber", "export_2")},
		{http.MethodPut, other.ppath("telephonenumber", "18015550100", "reserve")},
	} {
		wantError(t, other.do(c.method, c.path, simpleAccount("X-1")), http.StatusForbidden, MessageNotPermitted)
	}
	// An account of another partition is not found through one's own.
	wantError(t, one.do(http.MethodGet, one.path(id2), nil), http.StatusNotFound, MessageAccountNotFound)
	wantError(t, two.do(http.MethodDelete, two.path(id1), nil), http.StatusNotFound, MessageAccountNotFound)
	if len(one.do(http.MethodGet, one.path(), nil).arr(t)) != 1 || len(two.do(http.MethodGet, two.path(), nil).arr(t)) != 1 {
		t.Fatal("lists mix partitions")
	}
	if a, _ := s.Account(id2); a.PartitionID != "partition-2" {
		t.Fatalf("account %+v", a)
	}
}

func TestRouting(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	id := c.createAccount(simpleAccount("ACC-1"))
	for _, p := range []string{
		"/", "/v1/authorize", "/v2", "/v2/nothing", "/v2/authorize/nothing", "/v2/partition",
		"/v2/partition/partition-1/users", "/v2/partition/partition-1/account/" + id + "/nothing",
		"/v2/partition/partition-1/account/" + id + "/user/u/extra",
		"/v2/partition/partition-1/account//user",
		"/v2/job", "/v2/job/j/input/x", "/v2/partition/partition-1/telephonenumber/18015550100/reserve/x",
		"/v2/partition/partition-1/account/" + id + "/telephonenumber/18015550100/destination/x",
	} {
		// Unknown paths are 404 before authentication.
		wantError(t, send(t, s, http.MethodGet, p, "", nil), http.StatusNotFound, MessageNotFound)
	}
	for _, m := range []struct{ method, path, allow string }{
		{http.MethodGet, "/v2/authorize", "POST, PUT"},
		{http.MethodPost, "/v2/authorize/logout", "PUT"},
		{http.MethodDelete, c.path(), "GET, POST"},
		{http.MethodPost, c.path("search"), "GET"},
		{http.MethodPost, c.path(id), "DELETE, GET, PATCH, PUT"},
		{http.MethodDelete, c.path(id, "deviceline"), "GET, POST"},
		{http.MethodPost, c.path(id, "user", "u"), "DELETE, GET, PATCH, PUT"},
		{http.MethodPut, c.path(id, "telephonenumber"), "GET, POST"},
		{http.MethodPost, c.path(id, "telephonenumber", "18015550100"), "DELETE, GET, PATCH, PUT"},
		{http.MethodPost, c.path(id, "callingplan"), "DELETE, GET, PUT"},
		{http.MethodPost, c.path(id, "user-product-plans"), "GET"},
		{http.MethodPost, c.path(id, "accounthistorysearch"), "GET"},
		{http.MethodPost, c.path(id, "cdrsearch"), "GET"},
		{http.MethodPost, c.ppath("telephonenumber", "search"), "GET"},
		{http.MethodPost, c.ppath("telephonenumber", "statussearch"), "GET"},
		{http.MethodPost, c.ppath("telephonenumber", "export_2"), "GET"},
		{http.MethodPost, c.ppath("telephonenumber", "18015550100", "reserve"), "DELETE, PUT"},
		{http.MethodDelete, "/v2/job/j", "GET"},
		{http.MethodPut, "/v2/job/j/output", "GET"},
	} {
		r := send(t, s, m.method, m.path, "", nil)
		wantError(t, r, http.StatusMethodNotAllowed, MessageMethodNotAllowed)
		if got := r.header.Get("Allow"); got != m.allow {
			t.Errorf("%s %s: Allow %q, want %q", m.method, m.path, got, m.allow)
		}
	}
	// A trailing slash is ignored; escaped segments are read unescaped.
	want(t, c.do(http.MethodGet, c.path()+"/", nil), http.StatusOK)
	num := c.createAccount(simpleAccount("CUST 1/2"))
	m := want(t, c.do(http.MethodGet, c.path("CUST%201%2F2")+"?accountIdType=AccountNumber", nil), http.StatusOK).obj(t)
	if m["id"] != num {
		t.Fatalf("escaped number: %v", m)
	}
}

func TestRecording(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	id := c.createAccount(simpleAccount("ACC-1"))
	c.do(http.MethodGet, c.path(id)+"/", nil)
	c.do(http.MethodGet, c.path(id, "deviceline"), nil)

	reqs := s.Requests()
	if len(reqs) != 4 {
		t.Fatalf("%d requests", len(reqs))
	}
	if r := reqs[0]; r.Method != http.MethodPost || r.Path != "/v2/authorize" || !strings.Contains(string(r.Body), DefaultPassword) {
		t.Fatalf("login recorded as %+v", r)
	}
	if r := reqs[1]; r.Path != "/v2/partition/partition-1/account" || r.Header.Get(headerAuthToken) != c.tok || !strings.Contains(string(r.Body), "ACC-1") {
		t.Fatalf("create recorded as %s %s %v %s", r.Method, r.Path, r.Header, r.Body)
	}
	if r := reqs[2]; r.Path != c.path(id) {
		t.Fatalf("trailing slash recorded: %q", r.Path)
	}
	for suffix, n := range map[string]int{"": 4, "/v2/authorize": 1, "/authorize/": 1, "/account": 1, "/" + id: 1, "/deviceline": 1, "/user": 0} {
		if got := s.RequestCount(suffix); got != n {
			t.Errorf("RequestCount(%q) = %d, want %d", suffix, got, n)
		}
	}
	s.ResetRequests()
	if s.Requests() != nil || s.RequestCount("") != 0 {
		t.Fatal("ResetRequests kept requests")
	}
}

func TestWithJobDelay(t *testing.T) {
	s := NewHandler(WithJobDelay(time.Second), WithJobDelay(-1))
	if s.jobDelay != time.Second {
		t.Fatalf("jobDelay %v", s.jobDelay)
	}
}

func TestConcurrentUse(t *testing.T) {
	s := newTestServer(t)
	c := newSession(t, s)
	shared := c.createAccount(simpleAccount("SHARED"))
	user := c.createUser(shared, map[string]any{"firstName": "Ada"})

	const n = 16
	var wg sync.WaitGroup
	var mu sync.Mutex
	won := 0
	errs := make(chan string, 4*n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := trySend(s, http.MethodPost, "/v2/authorize", "", map[string]string{"username": DefaultUsername, "password": DefaultPassword})
			var login struct{ AuthToken string }
			if err != nil || json.Unmarshal(r.raw, &login) != nil {
				errs <- fmt.Sprintf("login %d: %v %s", i, err, r.raw)
				return
			}
			tok := login.AuthToken
			p := "/v2/partition/partition-1/account"
			if r, err := trySend(s, http.MethodPost, p, tok, simpleAccount(fmt.Sprintf("ACC-%03d", i))); err != nil || r.status != http.StatusOK {
				errs <- fmt.Sprintf("create %d: %v HTTP %d %s", i, err, r.status, r.raw)
			}
			// Every goroutine wants the same SIP username: one wins.
			r, err = trySend(s, http.MethodPost, p+"/"+shared+"/deviceline", tok, map[string]any{"userId": user, "sipUsername": "contended", "deviceTypeId": DeviceTypeGenericSIP})
			switch {
			case err != nil:
				errs <- err.Error()
			case r.status == http.StatusCreated:
				mu.Lock()
				won++
				mu.Unlock()
			case r.status != http.StatusBadRequest || !strings.Contains(string(r.raw), MessageSIPUsernameInUse):
				errs <- fmt.Sprintf("line %d: HTTP %d %s", i, r.status, r.raw)
			}
			if _, err := trySend(s, http.MethodGet, p+"/search?q=ACC", tok, nil); err != nil {
				errs <- err.Error()
			}
			s.Accounts()
			s.DeviceLines(shared)
			s.Requests()
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if won != 1 {
		t.Fatalf("%d lines got the contended SIP username", won)
	}
	if got := len(s.Accounts()); got != n+1 {
		t.Fatalf("%d accounts", got)
	}
	if s.LoginCount() != n+1 {
		t.Fatalf("LoginCount %d", s.LoginCount())
	}
}
