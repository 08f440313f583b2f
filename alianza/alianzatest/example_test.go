package alianzatest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/ispkit/ispkit/alianza/alianzatest"
)

// Example logs in, creates an account, a user and a SIP line with raw
// net/http, as a client of any language would, and finds the line again by
// its MAC address.
func Example() {
	srv := alianzatest.NewServer()
	defer srv.Close()

	var token string
	call := func(method, path string, body any) (int, map[string]any, []any) {
		var rd io.Reader
		if body != nil {
			b, _ := json.Marshal(body)
			rd = bytes.NewReader(b)
		}
		req, err := http.NewRequest(method, srv.URL+path, rd)
		if err != nil {
			panic(err)
		}
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("X-AUTH-TOKEN", token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			panic(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		var obj map[string]any
		var arr []any
		if json.Unmarshal(raw, &obj) != nil {
			_ = json.Unmarshal(raw, &arr)
		}
		return resp.StatusCode, obj, arr
	}

	status, login, _ := call("POST", "/v2/authorize", map[string]string{
		"username": alianzatest.DefaultUsername, "password": alianzatest.DefaultPassword})
	token = login["authToken"].(string)
	base := "/v2/partition/" + login["partitionId"].(string) + "/account"
	fmt.Println("login", status, login["userType"], login["partitionId"], login["maxLifeInHours"])

	status, acct, _ := call("POST", base, map[string]any{
		"accountNumber": "CUST-1001", "accountName": "Ada Lovelace", "accountType": "SIMPLE",
		"billingCycleDay": 1, "dialingBehaviorType": "TEN_DIGIT", "timeZone": "US/Mountain"})
	fmt.Println("account", status, acct["id"], acct["status"])
	acctPath := base + "/" + acct["id"].(string)

	status, user, _ := call("POST", acctPath+"/user", map[string]any{"firstName": "Ada", "lastName": "Lovelace"})
	fmt.Println("user", status, user["id"], user["timeZone"])

	status, line, _ := call("POST", acctPath+"/deviceline", map[string]any{
		"userId": user["id"], "deviceTypeId": alianzatest.DeviceTypeSIP4PortMTA, "deviceName": "Kitchen", "macAddress": "00:04:F2:AB:CD:EF"})
	fmt.Println("line", status, line["lineNumber"], line["sipUsername"], line["macAddress"], line["sipPassword"] != "")

	status, dup, _ := call("POST", acctPath+"/deviceline", map[string]any{
		"userId": user["id"], "deviceTypeId": alianzatest.DeviceTypeGenericSIP, "sipUsername": line["sipUsername"]})
	fmt.Println("duplicate", status, dup["messages"])

	_, _, lines := call("GET", acctPath+"/deviceline?filterType=MAC_ADDRESS&filter=0004f2abcdef", nil)
	fmt.Println("by MAC", len(lines))

	srv.ExpireTokens()
	status, expired, _ := call("GET", acctPath, nil)
	fmt.Println("expired", status, expired["messages"])
	// Output:
	// login 201 ManagementUser partition-1 1
	// account 200 a0000000-0000-4000-8000-000000000001 ACTIVE
	// user 200 e0000000-0000-4000-8000-000000000001 US/Mountain
	// line 201 1 sip0000001 0004f2abcdef true
	// duplicate 400 [SipUsernameInUse]
	// by MAC 1
	// expired 401 [ExpiredAuthToken]
}

// Client gives an SDK client already pointed at the server and logged in
// as the default user; options passed to it win over its own.
func ExampleServer_Client() {
	srv := alianzatest.NewServer()
	defer srv.Close()
	ctx := context.Background()

	c := srv.Client()
	part, err := c.Login(ctx)
	if err != nil {
		panic(err)
	}
	fmt.Println(part, c.BaseURL() == srv.BaseURL())

	srv.InjectFault(alianzatest.Fault{Path: "/account", Status: http.StatusServiceUnavailable, Times: 1})
	_, err = c.Accounts.List(ctx)
	fmt.Println(err == nil, srv.RequestCount("/account"))
	// Output:
	// partition-1 true
	// true 2
}
