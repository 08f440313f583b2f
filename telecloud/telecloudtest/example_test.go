package telecloudtest_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/ispkit/ispkit/telecloud"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

// call sends one form-urlencoded request with the default credentials and
// returns the body.
func call(srv *telecloudtest.Server, verb, format, op string, params url.Values) string {
	params.Set("API_ID_KEY", telecloudtest.DefaultAPIIDKey)
	params.Set("API_KEY", telecloudtest.DefaultAPIKey)
	u := srv.URL + "/API/" + format + "/" + op
	var body io.Reader
	if verb == http.MethodGet {
		u += "?" + params.Encode()
	} else {
		body = strings.NewReader(params.Encode())
	}
	req, err := http.NewRequest(verb, u, body)
	if err != nil {
		panic(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return strings.TrimSpace(string(b))
}

// Example creates a customer and places an order on the seeded rate plan
// with raw HTTP, as a client of any language would, then looks the order up
// in JSON and reads the VAR's balance back.
func Example() {
	day := time.Date(2019, 7, 31, 12, 21, 0, 0, time.UTC)
	srv := telecloudtest.NewServer(telecloudtest.WithClock(func() time.Time { return day }))
	defer srv.Close()

	fmt.Println(call(srv, http.MethodPost, "xml", "Customer/Create", url.Values{
		"first_name": {"Gina"}, "last_name": {"Hammond"}, "email": {"gina@example.com"},
	}))
	fmt.Println(call(srv, http.MethodPost, "xml", "Order/Create", url.Values{
		"account_number": {"7105046"}, "rate_plan_id": {telecloudtest.SeedRatePlan},
		"var1": {"353145418070501"}, "var2": {"8901410327181008559"},
		"promo_code": {telecloudtest.SeedPromoCode},
	}))
	fmt.Println(call(srv, http.MethodGet, "json", "Transaction/Search", url.Values{"order_number": {"4618QV4618"}}))
	bal, _ := srv.Balance(telecloudtest.SeedVARAccount)
	fmt.Println(bal)
	// Output:
	// <?xml version="1.0"?>
	// <telecloud trans_id="3130001"><customer><account_number>7105046</account_number></customer></telecloud>
	// <?xml version="1.0"?>
	// <telecloud trans_id="3130002"><order order_number="4618QV4618"><status>ACTIVE</status></order></telecloud>
	// {"transactions":{"transaction":{"@attributes":{"trans_id":"3130002"},"service":"Order\/Create","user":"var_admin1","full_request":"{\"format\":\"xml\",\"service\":\"Order\",\"method\":\"Create\",\"API_USER_ID\":\"var@yourbrand.example\",\"account_number\":\"7105046\",\"promo_code\":\"20off\",\"rate_plan_id\":\"52747\",\"var1\":\"353145418070501\",\"var2\":\"8901410327181008559\"}","requesting_ip":"127.0.0.1","status":"SUCCESS"}}}
	// 637.00
}

// Example_pendingOrder shows an order provisioning for a while, then
// failing on demand: Order/Search shows the error, the VAR is refunded.
func Example_pendingOrder() {
	srv := telecloudtest.NewServer(telecloudtest.WithOrderDelay(time.Hour))
	defer srv.Close()
	srv.FailNextOrder("The SIM card is not active.")
	fmt.Println(call(srv, http.MethodPost, "xml", "Order/Create", url.Values{
		"account_number": {telecloudtest.SeedCustomer}, "rate_plan_id": {telecloudtest.SeedRatePlan},
		"var1": {"353145418070501"}, "var2": {"8901410327181008559"},
	}))
	srv.CompleteOrders()
	o, _ := srv.Order("4618QV4618")
	bal, _ := srv.Balance(telecloudtest.SeedVARAccount)
	fmt.Println(o.Status, o.Error, bal)
	// Output:
	// <?xml version="1.0"?>
	// <telecloud trans_id="3130001"><order order_number="4618QV4618"><status>PENDING</status></order></telecloud>
	// FAILED The SIM card is not active. 657.00
}

// Client is a telecloud client already pointed at the server, with the
// default credentials and a fast poll interval for Orders.Wait.
func ExampleServer_Client() {
	srv := telecloudtest.NewServer(telecloudtest.WithOrderDelay(20 * time.Millisecond))
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	res, err := c.Orders.Create(ctx, telecloud.OrderCreateRequest{
		AccountNumber: telecloudtest.SeedCustomer, RatePlanID: telecloudtest.SeedRatePlan,
		Vars: telecloud.VarValues{1: "353145418070501", 2: "8901410327181008559"},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Order.Status)
	o, err := c.Orders.Wait(ctx, res.Order.OrderNumber, nil)
	fmt.Println(o.Status, err)
	// Output:
	// PENDING
	// ACTIVE <nil>
}
