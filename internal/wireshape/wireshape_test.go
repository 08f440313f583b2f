package wireshape

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/ispkit/ispkit/telecloud"
)

func TestJSON(t *testing.T) {
	type inner struct {
		N int `json:"n"`
	}
	type embedded struct {
		E string `json:"e"`
	}
	type sample struct {
		embedded
		S      string            `json:"s,omitempty"`
		P      *bool             `json:"p"`
		T      *time.Time        `json:"t"`
		L      []inner           `json:"l"`
		Raw    json.RawMessage   `json:"raw"`
		M      map[string]string `json:"m"`
		Q      int               `json:"q,string"`
		Skip   string            `json:"-"`
		hidden string            //lint:ignore U1000 an unexported field is not read: the case under test
		Plain  float64
	}
	got := JSON(reflect.TypeFor[sample](), "$")
	want := map[string]string{"$": "object|null", "$.e": "string|null", "$.s": "string|null", "$.p": "bool|null",
		"$.t": "string|null", "$.l": "array|null", "$.l[]": "object|null", "$.l[].n": "number|null", "$.raw": KindAny,
		"$.m": KindAny, "$.q": "string|null", "$.Plain": "number|null"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sdkJSON = %v\nwant %v", got, want)
	}
	// Everything under a path taken whole is covered.
	e := Entry{Optional: want}
	if !e.UnderAny("$.raw.x[].y") || !e.UnderAny("$.m.<key>") || e.UnderAny("$.rawer") || e.UnderAny("$.s.x") {
		t.Error("UnderAny")
	}
	if !e.Expects("$.l[].n") || !e.Expects("$.raw.x") || e.Expects("$.other") {
		t.Error("Expects")
	}
}

func TestTeleCloudXML(t *testing.T) {
	got := TeleCloudXML(reflect.TypeFor[telecloud.PlanSearchResponse](), "/telecloud")
	for path, kind := range map[string]string{
		"/telecloud":                               "element|empty",
		"/telecloud/@trans_id":                     "attr",
		"/telecloud/Plans":                         "element|empty",
		"/telecloud/Plans/@product_group_id":       "attr",
		"/telecloud/Plans/product/name":            "text|empty",
		"/telecloud/Plans/product/UsageComponents": "element|empty",
		"/telecloud/Plans/product/UsageComponents/component/@component_id": "attr",
		"/telecloud/Plans/product/plan/@rate_plan_id":                      "attr",
	} {
		if got[path] != kind {
			t.Errorf("sdkXML[%s] = %q, want %q", path, got[path], kind)
		}
	}
}

func TestXML(t *testing.T) {
	type item struct {
		ID   string `xml:"id,attr"`
		Text string `xml:",chardata"`
	}
	type ret struct {
		Code  string `xml:"errorCode"`
		Items []item `xml:"items>item"`
		Inner string `xml:",innerxml"`
	}
	type answer struct {
		XMLName struct{} `xml:"answer"`
		ret
		When time.Time `xml:"when"`
	}
	got := XML(reflect.TypeFor[answer](), "/r")
	want := map[string]string{"/r": KindAny, "/r/errorCode": "text|empty", "/r/items": "element|empty",
		"/r/items/item": "text|empty|element", "/r/items/item/@id": "attr", "/r/when": "text|empty"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("XML = %v\nwant %v", got, want)
	}
}

func TestMatches(t *testing.T) {
	e := Entry{Method: "GET", Path: "/partition/{}/account/{}", Status: 2}
	for _, c := range []struct {
		method, path string
		status       int
		want         bool
	}{
		{"GET", "/alianza/v2/partition/p1/account/a1", 200, true},
		{"GET", "/alianza/v2/partition/p1/account/a1", 404, false},
		{"POST", "/alianza/v2/partition/p1/account/a1", 200, false},
		{"GET", "/alianza/v2/partition/p1/account", 200, false},
		{"GET", "/account/a1", 200, false},
	} {
		if got := e.Matches(c.method, c.path, c.status); got != c.want {
			t.Errorf("Matches(%s %s %d) = %v", c.method, c.path, c.status, got)
		}
	}
}
