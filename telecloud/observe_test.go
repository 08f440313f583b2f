package telecloud

import "testing"

func TestLeadingTransID(t *testing.T) {
	for body, want := range map[string]string{
		`<?xml version="1.0"?> <telecloud trans_id="3132190"> <announcement announcement_id="91"/> </telecloud>`: "3132190",
		`<telecloud trans_id = '42'/>`:                                     "42",
		`{ "@attributes": { "trans_id": "3132190" }, "announcement": {} }`: "3132190",
		`{"@attributes":{"trans_id":"T-9"}}`:                               "T-9",
		`<telecloud><Alerts/></telecloud>`:                                 "",
		`<telecloud trans_id="">`:                                          "",
		`<telecloud trans_id="a b">`:                                       "",
		`<telecloud trans_id="` + string(make([]byte, 100)) + `">`:         "",
		`<telecloud trans_id="unterminated`:                                "",
		`<telecloud billing_trans_idx="1">`:                                "",
		`<telecloud><alert billing_trans_id="77"/></telecloud>`:            "",
		`<telecloud><alert billing_trans_id="77" trans_id="5"/>`:           "",
		`<telecloud billing_trans_id="77" trans_id="6">`:                   "6",
		`{"Alerts":{"@attributes":{"trans_id":"8"}}}`:                      "",
		`trans_id`: "",
		``:         "",
	} {
		if got := leadingTransID(nil, []byte(body)); got != want {
			t.Errorf("leadingTransID(%q) = %q, want %q", body, got, want)
		}
	}
}
