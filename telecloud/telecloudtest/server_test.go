package telecloudtest

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

func TestAuthentication(t *testing.T) {
	s := newTestServer(t)
	for _, tc := range []struct {
		name string
		who  creds
		msg  string
	}{
		{"no credentials", creds{}, "API_ID_KEY and API_KEY are required."},
		{"no key", creds{id: DefaultAPIIDKey}, "API_ID_KEY and API_KEY are required."},
		{"no id", creds{key: DefaultAPIKey}, "API_ID_KEY and API_KEY are required."},
		{"wrong key", creds{DefaultAPIIDKey, "nope"}, "Invalid API credentials."},
		{"unknown id", creds{"nope", DefaultAPIKey}, "Invalid API credentials."},
		{"keys of two users", creds{DefaultAPIIDKey, CoreAPIKey}, "Invalid API credentials."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, format := range []string{"xml", "json"} {
				// A search: no trans_id.
				r := do(t, s, tc.who, format, "Customer/Search", nil)
				r.wantErr(t, tc.msg)
				if id := r.transID(t); id != "" {
					t.Errorf("search error with trans_id %s", id)
				}
				// Anything else: a trans_id, recorded but shown to no one.
				r = do(t, s, tc.who, format, "Customer/Create", p("first_name", "A", "last_name", "B"))
				r.wantErr(t, tc.msg)
				id := r.transID(t)
				if id == "" {
					t.Fatal("no trans_id on a refused Create")
				}
				tx, ok := s.Transaction(id)
				if !ok || tx.Status != "FAILED" || tx.Error != tc.msg || tx.CloudAccount != "" {
					t.Errorf("transaction %+v", tx)
				}
			}
		})
	}
	// Both default users work; the answer is HTTP 200 XML or JSON.
	for _, who := range []creds{varUser, coreUser} {
		r := do(t, s, who, "xml", "User/Search", nil)
		if r.status != 200 || r.header.Get("Content-Type") != "text/xml; charset=utf-8" {
			t.Fatalf("HTTP %d %s", r.status, r.header.Get("Content-Type"))
		}
		r.ok(t)
		r = do(t, s, who, "json", "User/Search", nil)
		if r.header.Get("Content-Type") != "application/json; charset=utf-8" {
			t.Fatalf("JSON content type %s", r.header.Get("Content-Type"))
		}
		r.okJSON(t)
	}
}

func TestLockedUserAndSuspendedAccount(t *testing.T) {
	s := newTestServer(t)
	f := setup(t, s)
	if _, err := s.AddCredentials(SeedVARAccount, "staff-id", "staff-key"); err != nil {
		t.Fatal(err)
	}
	staff := creds{"staff-id", "staff-key"}
	users := must(t, s, varUser, "User/Search", nil).at("Users").all("user")
	var staffID string
	for _, u := range users {
		if strings.HasPrefix(u.text1("username"), "api_user") {
			staffID = u.attr("user_id")
		}
	}
	must(t, s, staff, "Customer/Search", nil)
	must(t, s, varUser, "User/Edit", p("user_id", staffID, "status", "2"))
	do(t, s, staff, "xml", "Customer/Search", nil).wantErr(t, "This user is locked.")
	must(t, s, varUser, "User/Edit", p("user_id", staffID, "status", "1"))
	must(t, s, staff, "Customer/Search", nil)

	// A suspended cloud account cannot call; a deleted one's users are gone.
	if _, err := s.AddCredentials(f.partner, "partner-id", "partner-key"); err != nil {
		t.Fatal(err)
	}
	partner := creds{"partner-id", "partner-key"}
	must(t, s, partner, "Customer/Search", nil)
	must(t, s, varUser, "CloudAccount/Edit", p("cloud_account_number", f.partner, "status", "2"))
	do(t, s, partner, "xml", "Customer/Search", nil).wantErr(t, "This cloud account is suspended.")
	must(t, s, varUser, "CloudAccount/Delete", p("cloud_account_type", "PARTNER", "cloud_account_number", f.partner))
	do(t, s, partner, "xml", "Customer/Search", nil).wantErr(t, "Invalid API credentials.")

	for _, bad := range [][3]string{{f.partner, "", "k"}, {"0000000000", "x", "y"}, {SeedVARAccount, "staff-id", "z"}} {
		if _, err := s.AddCredentials(bad[0], bad[1], bad[2]); err == nil {
			t.Errorf("AddCredentials%v accepted", bad)
		}
	}
}

func TestRouting(t *testing.T) {
	s := newTestServer(t)
	q := "?API_ID_KEY=" + DefaultAPIIDKey + "&API_KEY=" + DefaultAPIKey
	// A wrong verb is refused in the envelope, with a trans_id for a
	// non-search method.
	r := raw(t, s, http.MethodPost, "/API/xml/Customer/Search"+q, "", "")
	r.wantErr(t, "Invalid request method POST: Customer/Search must be called with GET.")
	if r.transID(t) != "" {
		t.Error("trans_id on a search")
	}
	r = raw(t, s, http.MethodGet, "/API/json/Customer/Create"+q+"&first_name=A&last_name=B", "", "")
	r.wantErr(t, "Invalid request method GET: Customer/Create must be called with POST.")
	if r.transID(t) == "" {
		t.Error("no trans_id on a refused Create")
	}
	for _, verb := range []string{http.MethodPut, http.MethodPatch, http.MethodDelete} {
		raw(t, s, verb, "/API/xml/Order/Create"+q, "", "").wantErr(t, "Invalid request method "+verb+": Order/Create must be called with POST.")
	}
	// A format other than xml or json: an XML envelope.
	for _, path := range []string{"/API/yaml/Customer/Search", "/API/XML/Customer/Search", "/API//Customer/Search"} {
		r := raw(t, s, http.MethodGet, path+q, "", "")
		if r.format != "xml" {
			t.Errorf("%s answered %s", path, r.format)
		}
		r.wantErr(t, "Invalid format: use /API/xml/ or /API/json/.")
	}
	// Unknown methods, in the format asked for.
	raw(t, s, http.MethodGet, "/API/json/Customer/Frobnicate"+q, "", "").wantErr(t, "Unknown service or method: Customer/Frobnicate.")
	raw(t, s, http.MethodGet, "/API/xml/customer/search"+q, "", "").wantErr(t, "Unknown service or method: customer/search.")
	raw(t, s, http.MethodGet, "/API/xml/Customer/Search/extra"+q, "", "").wantErr(t, "Invalid request: calls are made to /API/{format}/{Service}/{Method}.")
	raw(t, s, http.MethodGet, "/API/xml"+q, "", "").wantErr(t, "Invalid request: calls are made to /API/{format}/{Service}/{Method}.")
	// Outside /API/ and the host form (/{xml|json}/…): not found.
	if r := raw(t, s, http.MethodGet, "/yaml/Customer/Search", "", ""); r.status != http.StatusNotFound {
		t.Errorf("outside /API/: HTTP %d", r.status)
	}
	// A trailing slash is ignored; /API/{format}/{Service}/ takes the method
	// from the verb, as the vendor's newer pages show it.
	must(t, s, varUser, "Customer/Search", nil)
	raw(t, s, http.MethodGet, "/API/xml/Customer/Search/"+q, "", "").ok(t)
	raw(t, s, http.MethodGet, "/API/xml/Alerts/"+q, "", "").ok(t)
	r = raw(t, s, http.MethodPost, "/API/xml/Announcements/", "API_ID_KEY="+DefaultAPIIDKey+"&API_KEY="+DefaultAPIKey+"&subject=Hello&description=World&show_partner=Y&email_notification=N", "application/x-www-form-urlencoded")
	if r.ok(t).child("announcement").attr("announcement_id") == "" {
		t.Errorf("POST /Announcements/: %s", r.raw)
	}
	raw(t, s, http.MethodPut, "/API/xml/Alerts/"+q, "", "").wantErr(t, "Invalid request: PUT /API/xml/Alerts/ selects no method of Alerts; name it in the path: /API/xml/Alerts/{Method}.")
}

func TestParameters(t *testing.T) {
	s := newTestServer(t)
	// A POST's parameters may come in the query string, the body winning.
	r := raw(t, s, http.MethodPost, "/API/xml/Customer/Create?API_ID_KEY="+DefaultAPIIDKey+"&API_KEY="+DefaultAPIKey+"&first_name=Query&last_name=Only", "", "")
	acct := r.ok(t).text1("customer/account_number")
	if c, _ := s.Customer(acct); c.FirstName != "Query" {
		t.Errorf("query parameters: %+v", c)
	}
	r = raw(t, s, http.MethodPost, "/API/xml/Customer/Create?API_ID_KEY="+DefaultAPIIDKey+"&API_KEY="+DefaultAPIKey+"&first_name=Query&last_name=Both",
		"first_name=Body", "application/x-www-form-urlencoded")
	acct = r.ok(t).text1("customer/account_number")
	if c, _ := s.Customer(acct); c.FirstName != "Body" || c.LastName != "Both" {
		t.Errorf("body over query: %+v", c)
	}
	// A body with no content type is read as a form; another type is refused.
	raw(t, s, http.MethodPost, "/API/xml/Customer/Create", "API_ID_KEY="+DefaultAPIIDKey+"&API_KEY="+DefaultAPIKey+"&first_name=No&last_name=Type", "").ok(t)
	raw(t, s, http.MethodPost, "/API/xml/Customer/Create", `{"first_name":"J"}`, "application/json").
		wantErr(t, "Request parameters must be sent form-urlencoded (application/x-www-form-urlencoded).")
	raw(t, s, http.MethodPost, "/API/xml/Customer/Create", "a=%zz", "application/x-www-form-urlencoded").
		wantErr(t, "Request parameters must be sent form-urlencoded (application/x-www-form-urlencoded).")
	// Values are trimmed; blank ones count as missing.
	do(t, s, varUser, "xml", "Customer/Edit", p("account_number", "  ")).wantErr(t, "The account_number parameter is required.")
	must(t, s, varUser, "Customer/Edit", p("account_number", " "+SeedCustomer+" ", "first_name", " Gina "))
	if c, _ := s.Customer(SeedCustomer); c.FirstName != "Gina" {
		t.Errorf("trimmed: %q", c.FirstName)
	}
}

func TestTransIDsIncrease(t *testing.T) {
	s := newTestServer(t)
	last := 0
	for i := range 5 {
		r := do(t, s, varUser, []string{"xml", "json"}[i%2], "Customer/Create", p("first_name", "N", "last_name", strconv.Itoa(i)))
		id, err := strconv.Atoi(r.transID(t))
		if err != nil || id <= last {
			t.Fatalf("trans_id %q after %d", r.transID(t), last)
		}
		last = id
		// Errors take the next one too.
		r = do(t, s, varUser, "xml", "Customer/Delete", p("account_number", "nope"))
		if id, _ := strconv.Atoi(r.transID(t)); id != last+1 {
			t.Fatalf("error trans_id %d after %d", id, last)
		}
		last++
	}
}

func TestRecordedRequests(t *testing.T) {
	s := newTestServer(t)
	do(t, s, varUser, "xml", "Customer/Search", p("last_name", "Hammond"))
	do(t, s, varUser, "json", "Customer/Create", p("first_name", "A", "last_name", "B"))
	reqs := s.Requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests", len(reqs))
	}
	for _, r := range reqs {
		all := r.Path + string(r.Body)
		if strings.Contains(all, DefaultAPIKey) || strings.Contains(all, DefaultAPIIDKey) {
			t.Errorf("credentials recorded: %s %s", r.Path, r.Body)
		}
		if got := r.Params(); got.Get(paramAPIKey) != redacted || got.Get(paramAPIIDKey) != redacted {
			t.Errorf("params %v", got)
		}
	}
	if reqs[0].Method != http.MethodGet || !strings.HasPrefix(reqs[0].Path, "/API/xml/Customer/Search?") || reqs[0].Params().Get("last_name") != "Hammond" {
		t.Errorf("search recorded as %+v", reqs[0])
	}
	if reqs[1].Method != http.MethodPost || reqs[1].Path != "/API/json/Customer/Create" || reqs[1].Params().Get("first_name") != "A" {
		t.Errorf("create recorded as %+v (%s)", reqs[1], reqs[1].Body)
	}
	if n := s.RequestCount("/Search"); n != 1 {
		t.Errorf("RequestCount(/Search) = %d", n)
	}
	if n := s.RequestCount("/Customer/Create/"); n != 1 {
		t.Errorf("RequestCount(/Customer/Create/) = %d", n)
	}
	if n := s.RequestCount(""); n != 2 {
		t.Errorf("RequestCount() = %d", n)
	}
	s.ResetRequests()
	if len(s.Requests()) != 0 {
		t.Error("ResetRequests kept requests")
	}
	// Odd spellings of the keys are redacted too.
	raw(t, s, http.MethodGet, "/API/xml/Alerts/Search?API_ID_KEY=a+b%2Fc&API_KEY=k%3Dv", "", "")
	if r := s.Requests()[0]; strings.Contains(r.Path, "a+b") || strings.Contains(r.Path, "k%3Dv") {
		t.Errorf("recorded %s", r.Path)
	}
}

func TestResetAndHandler(t *testing.T) {
	s := newTestServer(t)
	must(t, s, varUser, "Customer/Create", p("first_name", "A", "last_name", "B"))
	s.InjectFault(Fault{Path: "/Never", Status: 500})
	s.FailNextOrder("queued")
	if _, err := s.AddCredentials(SeedVARAccount, "x-id", "x-key"); err != nil {
		t.Fatal(err)
	}
	s.Reset()
	if n := len(must(t, s, varUser, "Customer/Search", nil).all("customer")); n != 1 {
		t.Errorf("%d customers after Reset, want the seeded one", n)
	}
	do(t, s, creds{"x-id", "x-key"}, "xml", "Customer/Search", nil).wantErr(t, "Invalid API credentials.")
	o := must(t, s, varUser, "Order/Create", p("account_number", SeedCustomer, "rate_plan_id", SeedRatePlan, "var1", "1", "var2", "2"))
	if st := o.text1("order/status"); st != "ACTIVE" {
		t.Errorf("FailNextOrder survived Reset: %s", st)
	}
	if b, _ := s.Balance(SeedVARAccount); b != "637.00" {
		t.Errorf("balance %s", b)
	}
	if len(s.Requests()) != 3 {
		t.Errorf("%d requests recorded since Reset, want 3", len(s.Requests()))
	}

	// NewHandler serves without a listener.
	h := NewHandler()
	defer h.Close()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/API/json/Promo/Search?API_ID_KEY="+DefaultAPIIDKey+"&API_KEY="+DefaultAPIKey, nil))
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"promo_code":"20off"`) {
		t.Errorf("handler: %d %s", rec.Code, rec.Body)
	}
	// A request made for a client, with no body at all.
	req := httptest.NewRequest(http.MethodPost, "/API/xml/Customer/Create?API_ID_KEY="+DefaultAPIIDKey+"&API_KEY="+DefaultAPIKey+"&first_name=A&last_name=B", nil)
	req.Body = nil
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if !strings.Contains(rec.Body.String(), "<account_number>") {
		t.Errorf("nil body: %s", rec.Body)
	}
	h.Close() // twice is fine
	if h.URL != "" {
		t.Error("URL of a handler")
	}
}
