package baicellstest_test

import (
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/ispkit/ispkit/baicells/baicellstest"
)

// Example walks the manual's activation flow (create, bind plan, bind IMSI,
// activate) against the fake with raw net/http, then checks the result both
// over the wire and through the server's own state.
func Example() {
	srv := baicellstest.NewServer()
	defer srv.Close()
	srv.SeedPlan(baicellstest.DefaultCloudKey, baicellstest.Plan{ID: "2016001", Name: "5M", Uplink: 5, Downlink: 10})

	auth := base64.StdEncoding.EncodeToString([]byte(baicellstest.DefaultUsername + ":" + baicellstest.DefaultPassword))
	call := func(path, body string) string {
		req, err := http.NewRequest(http.MethodPost, srv.BaseURL()+path, strings.NewReader(body))
		if err != nil {
			panic(err)
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("cloud_key", baicellstest.DefaultCloudKey)
		req.Header.Set("Authorization", auth)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			panic(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return fmt.Sprintf("%d %s", resp.StatusCode, b)
	}

	fmt.Println(call("/customers/create", `{"session_id":"1","sub_id":"20161201","sub_name":"test name"}`))
	fmt.Println(call("/customers/activate", `{"session_id":"2","sub_id":"20161201"}`))
	call("/customers/bindservice", `{"session_id":"3","sub_id":"20161201","service_plan_id":"2016001"}`)
	call("/customers/bindimsi", `{"session_id":"4","sub_id":"20161201","imsi":460010000000001}`)
	fmt.Println(call("/customers/activate", `{"session_id":"5","sub_id":"20161201"}`))

	sub, _ := srv.Subscriber("20161201")
	fmt.Println(sub.IMSI, sub.PlanID, sub.Active, sub.UpRate, sub.DownRate)
	// Output:
	// 200 {"session_id":"1","result_code":"200","message":"Success"}
	// 422 {"session_id":"2","result_code":"4003","message":"Subscribers do not bind imsi"}
	// 200 {"session_id":"5","result_code":"200","message":"Success"}
	// 460010000000001 2016001 true 5 10
}
