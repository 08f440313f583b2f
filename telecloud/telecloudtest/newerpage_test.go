package telecloudtest

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The request files of testdata/telecloud/newer-page (the vendor's newer
// reference page, as telecloud-notes.md records it), replayed against the
// server with the VAR's credentials added: each is served, wherever its
// parameters are (query string or form body) and whichever host form its
// path has.

// replay sends a request file to s as who and returns the answer.
func replay(t *testing.T, s *Server, who creds, name string) result {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "telecloud", "newer-page", name))
	if err != nil {
		t.Fatal(err)
	}
	head, body, _ := strings.Cut(string(b), "\n\n")
	lines := strings.Split(head, "\n")
	verb, rest, _ := strings.Cut(lines[0], " ")
	target, _, _ := strings.Cut(rest, " ")
	contentType := ""
	for _, l := range lines[1:] {
		if k, v, _ := strings.Cut(l, ":"); strings.EqualFold(k, "Content-Type") {
			contentType = strings.TrimSpace(v)
		}
	}
	auth := url.Values{paramAPIIDKey: {who.id}, paramAPIKey: {who.key}}.Encode()
	body = strings.TrimSpace(body)
	if body == "" {
		sep := "?"
		if strings.Contains(target, "?") {
			sep = "&"
		}
		return raw(t, s, verb, target+sep+auth, "", "")
	}
	return raw(t, s, verb, target, auth+"&"+body, contentType)
}

func TestNewerPageRequests(t *testing.T) {
	// Alerts/Search with type and status.
	s := newFixed(t)
	setup(t, s)
	list := replay(t, s, varUser, "Alerts_Search.http").ok(t).at("Alerts").all("alert")
	if len(list) != 1 || list[0].text1("type") != "ANNOUNCEMENT" || list[0].text1("status") != "1" {
		t.Errorf("Alerts_Search: %d alerts", len(list))
	}

	// Alerts/Edit with status alone, in the body, in the query string and in
	// the host form: every alert of the API user changes.
	for _, name := range []string{"Alerts_Edit.http", "Alerts_Edit_query.http", "Alerts_Edit_api_host.http"} {
		s := newFixed(t)
		setup(t, s)
		before := must(t, s, varUser, "Alerts/Search", nil).at("Alerts").all("alert")
		if len(before) < 2 {
			t.Fatalf("%s: the fixture gives the VAR user %d alerts", name, len(before))
		}
		ans := replay(t, s, varUser, name).ok(t)
		if ans.attr("trans_id") == "" || len(ans.all("alert")) != len(before) {
			t.Errorf("%s: answer %s", name, xmlDoc(ans))
		}
		if n := len(must(t, s, varUser, "Alerts/Search", p("status", "1")).at("Alerts").kids); n != 0 {
			t.Errorf("%s: %d alerts still unread", name, n)
		}
		if n := len(must(t, s, varUser, "Alerts/Search", p("status", "2")).at("Alerts").kids); n != len(before) {
			t.Errorf("%s: %d of %d alerts read", name, n, len(before))
		}
		if s.RequestCount("/Alerts/Edit") != 1 {
			t.Errorf("%s: RequestCount(/Alerts/Edit) = %d", name, s.RequestCount("/Alerts/Edit"))
		}
	}

	// Announcements/Create, form-encoded, to /API/xml/Announcements/.
	s = newFixed(t)
	id := replay(t, s, varUser, "Announcements_Create.http").ok(t).child("announcement").attr("announcement_id")
	an := must(t, s, varUser, "Announcements/Search", p("announcement_id", id)).at("Announcements/announcement")
	if an == nil || an.attr("show_var") != "Y" || an.attr("show_partner") != "N" || an.text1("contents") != "<p>The portal is down Sunday 1am-3am.</p>" {
		t.Errorf("Announcements_Create: %v", an)
	}
}

// A raw PATCH to the newer page's route with its parameters in the query
// string, and alert_id naming one alert.
func TestAlertsEditOneOrAll(t *testing.T) {
	s := newFixed(t)
	f := setup(t, s)
	q := url.Values{paramAPIIDKey: {DefaultAPIIDKey}, paramAPIKey: {DefaultAPIKey}, "status": {"2"}, "alert_id": {f.alert}}
	ed := raw(t, s, http.MethodPatch, "/API/xml/Alerts/?"+q.Encode(), "", "").ok(t).all("alert")
	if len(ed) != 1 || ed[0].attr("alert_id") != f.alert {
		t.Fatalf("one alert: %d", len(ed))
	}
	if n := len(must(t, s, varUser, "Alerts/Search", p("status", "1")).at("Alerts").kids); n != 1 {
		t.Errorf("%d unread after editing one of two", n)
	}
	// Without alert_id, every alert of the user; none of another user's.
	core := len(must(t, s, coreUser, "Alerts/Search", p("status", "1")).at("Alerts").kids)
	must(t, s, varUser, "Alerts/Edit", p("status", "2"))
	if n := len(must(t, s, varUser, "Alerts/Search", p("status", "1")).at("Alerts").kids); n != 0 {
		t.Errorf("%d unread after editing all", n)
	}
	if n := len(must(t, s, coreUser, "Alerts/Search", p("status", "1")).at("Alerts").kids); n != core {
		t.Errorf("the CORE user's unread alerts went from %d to %d", core, n)
	}
	// A user with no alerts: nothing changes, and that is not an error.
	if all := len(must(t, s, coreUser, "Alerts/Search", nil).at("Alerts").kids); all != 0 {
		t.Fatalf("the CORE user has %d alerts", all)
	}
	if ans := must(t, s, coreUser, "Alerts/Edit", p("status", "1")); len(ans.kids) != 0 {
		t.Errorf("edit with no alerts: %s", xmlDoc(ans))
	}
}
