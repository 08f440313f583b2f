package telecloud_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/url"
	"time"

	"github.com/ispkit/ispkit/telecloud"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

// newExampleClient returns a client of the VAR's API user against an
// in-memory TeleCloud.app (telecloudtest), whose new orders stay PENDING for
// a moment before provisioning ends.
func newExampleClient() (*telecloud.Client, *telecloudtest.Server) {
	srv := telecloudtest.NewServer(telecloudtest.WithOrderDelay(20 * time.Millisecond))
	// The server's client polls every 10 ms or so (WithPollInterval).
	return srv.Client(), srv
}

// The order flow: open a customer account, qualify it for the products it
// can order, fill in the variables the product asks for, place the order
// and wait for provisioning to end.
func Example() {
	c, srv := newExampleClient()
	defer srv.Close()
	ctx := context.Background()

	cust, err := c.Customers.Create(ctx, telecloud.CustomerCreateRequest{
		FirstName: "Ada", LastName: "Lovelace", Address: "12 Analytical Way", ZipCode: "17109", Email: "ada@example.com",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("customer", cust.AccountNumber)

	q, err := c.Customers.Qualify(ctx, telecloud.CustomerQualifyRequest{AccountNumber: cust.AccountNumber, QualifyType: telecloud.QualifyNew})
	if err != nil {
		log.Fatal(err)
	}
	plan := q.RatePlans()[0]
	fmt.Println("plan", plan.Plan.RatePlanID, plan.Plan.Name, plan.Plan.Price)

	// The device's values, for the variables the product prompts for.
	device := map[string]string{"IMEI": "353145418070501", "ICCID": "8901410327181008559"}
	vars := telecloud.VarValues{}
	for _, v := range plan.Product.Variables {
		if v.Prompt.Bool() {
			vars[v.Slot] = device[v.Name]
		}
	}
	order, err := c.Orders.Create(ctx, telecloud.OrderCreateRequest{AccountNumber: cust.AccountNumber, RatePlanID: plan.Plan.RatePlanID, Vars: vars})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("order", order.Order.OrderNumber, order.Order.Status)

	final, err := c.Orders.Wait(ctx, order.Order.OrderNumber, nil)
	if err != nil {
		log.Fatal(err)
	}
	imei, _ := final.Variables.ByName("IMEI")
	fmt.Println(final.Status, final.Product.Plan.Name, final.Product.Plan.RecurringPrice, imei.Value)
	// Output:
	// customer 7105046
	// plan 52747 Pay By The Gig 25.00
	// order 4618QV4618 PENDING
	// ACTIVE Pay By The Gig 25.00 353145418070501
}

// The life of the main resource, a customer account: create, search, edit
// and delete it.
func ExampleCustomersService() {
	c, srv := newExampleClient()
	defer srv.Close()
	ctx := context.Background()

	created, err := c.Customers.Create(ctx, telecloud.CustomerCreateRequest{FirstName: "Ada", LastName: "Lovelace", ZipCode: "17109"})
	if err != nil {
		log.Fatal(err)
	}
	acct := created.AccountNumber
	if _, err := c.Customers.Edit(ctx, telecloud.CustomerEditRequest{AccountNumber: acct, LastName: "King"}); err != nil {
		log.Fatal(err)
	}
	found, err := c.Customers.Search(ctx, telecloud.CustomerSearchRequest{AccountNumber: acct})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(found.Customers[0].AccountNumber, found.Customers[0].FirstName, found.Customers[0].LastName)
	deleted, err := c.Customers.Delete(ctx, telecloud.CustomerDeleteRequest{AccountNumber: acct})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("deleted", deleted.AccountNumber)
	found, err = c.Customers.Search(ctx, telecloud.CustomerSearchRequest{AccountNumber: acct})
	fmt.Println(len(found.Customers), err)
	// Output:
	// 7105046 Ada King
	// deleted 7105046
	// 0 <nil>
}

// Orders.Wait follows a PENDING order until provisioning ends. A FAILED
// order comes back with an error matching ErrOrderFailed that carries the
// vendor's failure text.
func ExampleOrdersService_Wait() {
	c, srv := newExampleClient()
	defer srv.Close()
	ctx := context.Background()
	order := func() string {
		res, err := c.Orders.Create(ctx, telecloud.OrderCreateRequest{
			AccountNumber: telecloudtest.SeedCustomer, RatePlanID: telecloudtest.SeedRatePlan,
			Vars: telecloud.VarValues{1: "353145418070501", 2: "8901410327181008559"},
		})
		if err != nil {
			log.Fatal(err)
		}
		return res.Order.OrderNumber
	}
	wait := &telecloud.WaitOptions{MaxInterval: 50 * time.Millisecond} // the client's first pause

	o, err := c.Orders.Wait(ctx, order(), wait)
	fmt.Println(o.OrderNumber, o.Status, err)

	srv.FailNextOrder("The SIM card is not active.")
	o, err = c.Orders.Wait(ctx, order(), wait)
	fmt.Println(o.OrderNumber, o.Status, errors.Is(err, telecloud.ErrOrderFailed))
	fmt.Println(err)
	// Output:
	// 4618QV4618 ACTIVE <nil>
	// 4619RV4619 FAILED true
	// telecloud: Order/Create (trans_id 3130002): order 4619RV4619 FAILED: The SIM card is not active.
}

// Call reaches any service/method with raw parameters and decodes the
// answer into a struct with `tc` tags: element paths, attributes (",attr")
// and the package's value types.
func ExampleClient_Call() {
	c, srv := newExampleClient()
	defer srv.Close()

	var out struct {
		telecloud.Meta
		Customers []struct {
			AccountNumber string           `tc:"account_number,attr"`
			FirstName     string           `tc:"FIRST_NAME"`
			LastName      string           `tc:"LAST_NAME"`
			Credit        telecloud.Money  `tc:"ACCOUNT_CREDIT"`
			Status        telecloud.Status `tc:"STATUS"`
		} `tc:"customer"`
	}
	err := c.Call(context.Background(), "Customer/Search", url.Values{"zip_code": {"17109"}}, &out)
	if err != nil {
		log.Fatal(err)
	}
	for _, cu := range out.Customers {
		fmt.Println(cu.AccountNumber, cu.FirstName, cu.LastName, cu.Credit, cu.Status)
	}
	// Output:
	// 7105045 Gina Hammond 0.00 ACTIVE
}

// WithParam sets a wire parameter on one call, overriding what the typed
// request would send under that name: the way around a wrong inferred
// name, or a value the typed layer would refuse.
func ExampleWithParam() {
	c, srv := newExampleClient()
	defer srv.Close()
	ctx := context.Background()

	res, err := c.Customers.Create(ctx, telecloud.CustomerCreateRequest{FirstName: "Ada", LastName: "Lovelace", ZipCode: "00000"},
		telecloud.WithParam("zip_code", "17109"))
	if err != nil {
		log.Fatal(err)
	}
	reqs := srv.Requests()
	fmt.Println("sent zip_code", reqs[len(reqs)-1].Params().Get("zip_code"))

	found, err := c.Customers.Search(ctx, telecloud.CustomerSearchRequest{AccountNumber: res.AccountNumber})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(found.Customers[0].FirstName, found.Customers[0].ZipCode)
	// Output:
	// sent zip_code 17109
	// Ada 17109
}

// TeleCloud answers a refusal with its error envelope, HTTP 200: it comes
// back as an *Error matching ErrVendor, with the call's trans_id and the
// vendor's message. Input refused before sending matches ErrInvalidInput.
func ExampleError() {
	c, srv := newExampleClient()
	defer srv.Close()
	ctx := context.Background()

	_, err := c.Orders.Create(ctx, telecloud.OrderCreateRequest{
		AccountNumber: telecloudtest.SeedCustomer, RatePlanID: telecloudtest.SeedRatePlan,
		Vars: telecloud.VarValues{1: "353145418070501", 2: "8901410327181008559"},
	})
	if err != nil {
		log.Fatal(err)
	}
	_, err = c.Customers.Delete(ctx, telecloud.CustomerDeleteRequest{AccountNumber: telecloudtest.SeedCustomer})
	var te *telecloud.Error
	if errors.As(err, &te) {
		fmt.Println(te.Op, te.RequestID, te.HTTPStatus)
		fmt.Println(te.Message)
	}
	fmt.Println(errors.Is(err, telecloud.ErrVendor))
	fmt.Println(err)

	_, err = c.Customers.Delete(ctx, telecloud.CustomerDeleteRequest{})
	fmt.Println(errors.Is(err, telecloud.ErrInvalidInput), srv.RequestCount("/Customer/Delete"))
	fmt.Println(err)
	// Output:
	// Customer/Delete 3130002 200
	// Customer account 7105045 has orders and cannot be deleted.
	// true
	// telecloud: Customer/Delete (trans_id 3130002): Customer account 7105045 has orders and cannot be deleted.
	// true 1
	// telecloud: Customer/Delete: invalid AccountNumber (account_number): is required
}

// Money is exact: amounts are held in ten-thousandths of a dollar, never
// in a float.
func ExampleMoney() {
	price := telecloud.MustMoney("25.00")
	promo := telecloud.MustMoney("12.35")
	total := price.Sub(promo)
	fmt.Println(total, total.Cents(), total.IsWholeCents())

	unit := telecloud.MustMoney("0.0050")
	fmt.Println(unit, unit.IsWholeCents(), unit.Cmp(telecloud.MoneyFromCents(1)))

	var unset telecloud.Money
	fmt.Printf("%q %v %q\n", unset.String(), unset.IsSet(), telecloud.MoneyFromCents(0).String())
	// Output:
	// 12.65 1265 true
	// 0.005 false -1
	// "" false "0.00"
}

// ParseMoney reads the forms TeleCloud writes amounts in, and refuses
// more than four decimals rather than round.
func ExampleParseMoney() {
	for _, s := range []string{"100.00", "$10.00", "-$1.25", "1,234.5", "0.0050", "12.34567"} {
		m, err := telecloud.ParseMoney(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(m)
	}
	// Output:
	// 100.00
	// 10.00
	// -1.25
	// 1234.50
	// 0.005
	// telecloud: "12.34567" has more than four decimals
}

// A product's Variables are the VAR1 … VAR20 an order carries, with their
// metadata (in XML, the default format): which are prompted for when
// ordering and which Order/Swap may change later.
func ExampleVariables() {
	c, srv := newExampleClient()
	defer srv.Close()

	q, err := c.Customers.Qualify(context.Background(), telecloud.CustomerQualifyRequest{AccountNumber: telecloudtest.SeedCustomer})
	if err != nil {
		log.Fatal(err)
	}
	vars := q.Products[0].Variables
	for _, v := range vars {
		fmt.Printf("VAR%d %-5s %s prompt=%s swappable=%s %q\n", v.Slot, v.Name, v.Type, v.Prompt, v.Swappable, v.Category)
	}

	iccid, _ := vars.ByName("iccid")
	values := telecloud.VarValues{}.Set(iccid.Slot, "8901410327181008559")
	fmt.Println(values)
	// Output:
	// VAR1 IMEI  TEXT prompt=Y swappable=Y "Device Information"
	// VAR2 ICCID TEXT prompt=Y swappable=Y "Device Information"
	// VAR3 MDN   TEXT prompt=N swappable=N "Mobile Number"
	// map[2:8901410327181008559]
}
