package baicells

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAPNInfoListForms: the example sends an array, the field table says
// "JSON String"; both decode to the same value, and the other fields survive.
func TestAPNInfoListForms(t *testing.T) {
	want := wireAPNInfos{{APNName: "apn1", AMBRUL: 4, AMBRDL: 8, IPv4: "192.168.1.10"}}
	for name, body := range map[string]string{
		"array":  `{"sub_id":"s","apn_info_list":[{"apn_name":"apn1","apn_ambr_ul":4,"apn_ambr_dl":"8","ipv4":"192.168.1.10"}],"sub_status":"0"}`,
		"string": `{"sub_id":"s","apn_info_list":"[{\"apn_name\":\"apn1\",\"apn_ambr_ul\":4,\"apn_ambr_dl\":\"8\",\"ipv4\":\"192.168.1.10\"}]","sub_status":"0"}`,
	} {
		var w wireSubscriberResp
		err := json.Unmarshal([]byte(body), &w)
		if err != nil {
			err = w.fixAPNInfos([]byte(body), err)
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if diff := cmp.Diff(want, w.APNInfoList); diff != "" {
			t.Errorf("%s: (-want +got)\n%s", name, diff)
		}
		if w.SubID != "s" || w.SubStatus != "0" {
			t.Errorf("%s: other fields lost: %+v", name, w)
		}
	}
	for _, empty := range []string{`""`, `"null"`, `null`, `[]`} {
		var w wireSubscriberResp
		body := `{"apn_info_list":` + empty + `}`
		err := json.Unmarshal([]byte(body), &w)
		if err != nil {
			err = w.fixAPNInfos([]byte(body), err)
		}
		if err != nil || len(w.APNInfoList) != 0 {
			t.Errorf("%s: %v %v", empty, w.APNInfoList, err)
		}
	}
	var w wireSubscriberResp
	body := `{"apn_info_list":"not json"}`
	if err := w.fixAPNInfos([]byte(body), json.Unmarshal([]byte(body), &w)); err == nil {
		t.Error("a string that is not a JSON array must be an error")
	}
}
