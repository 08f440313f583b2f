package main

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/ispkit/ispkit/telecloud"
)

func TestSDKJSON(t *testing.T) {
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
	got := sdkJSON(reflect.TypeFor[sample](), "$")
	want := map[string]string{"$": "object|null", "$.e": "string|null", "$.s": "string|null", "$.p": "bool|null",
		"$.t": "string|null", "$.l": "array|null", "$.l[]": "object|null", "$.l[].n": "number|null", "$.raw": kindAny,
		"$.m": kindAny, "$.q": "string|null", "$.Plain": "number|null"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sdkJSON = %v\nwant %v", got, want)
	}
	// Everything under a path taken whole is covered.
	e := entry{Optional: want}
	if !underAny(e, "$.raw.x[].y") || !underAny(e, "$.m.<key>") || underAny(e, "$.rawer") || underAny(e, "$.s.x") {
		t.Error("underAny")
	}
}

func TestSDKXML(t *testing.T) {
	got := sdkXML(reflect.TypeFor[telecloud.PlanSearchResponse](), "/telecloud")
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
