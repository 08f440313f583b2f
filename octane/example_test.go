package octane_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/ispkit/ispkit/octane"
	"github.com/ispkit/ispkit/octane/octanetest"
)

// newExampleClient returns a client against an in-memory Octane with two
// services on a data pool consumer plan.
func newExampleClient() (*octane.Client, *octanetest.Server) {
	srv := octanetest.NewServer()
	for _, sn := range []string{"0412000001", "0412000002"} {
		srv.SeedService(octanetest.Service{CustNo: octanetest.DefaultCustNo, ServiceNumber: sn, PlanNo: octanetest.DefaultConsumerPlan})
	}
	c, err := octane.New(
		octane.Credentials{Username: octanetest.DefaultUsername, Password: octane.NewSecret(octanetest.DefaultPassword)},
		octane.WithSOAPBaseURL(srv.SOAPBaseURL()),
		octane.WithRESTBaseURL(srv.RESTBaseURL()),
		octane.WithPollInterval(time.Millisecond, 10*time.Millisecond),
	)
	if err != nil {
		log.Fatal(err)
	}
	return c, srv
}

// The data pool flow with its rules: create a pool, add consumers, cap one,
// and disconnect the pool once it is empty.
func Example() {
	c, srv := newExampleClient()
	defer srv.Close()
	ctx := context.Background()

	pool, err := c.Pools.Create(ctx, octane.PoolCreateRequest{
		CustNo:         octanetest.DefaultCustNo,
		ProviderPlanID: octanetest.DefaultProviderPlan,
		PoolName:       "Fleet",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("pool", pool.ServiceNumber, "provider", pool.ProviderID)

	if _, err := c.Pools.AddConsumers(ctx, *pool, "0412000001", "0412000002"); err != nil {
		log.Fatal(err)
	}
	if _, err := c.Pools.SetDataLimit(ctx, *pool, "0412000001", octane.GB(5)); err != nil {
		log.Fatal(err)
	}
	details, err := c.Pools.Get(ctx, *pool)
	if err != nil {
		log.Fatal(err)
	}
	for _, cs := range details.Consumers {
		fmt.Println(cs.ServiceNumber, "limit", cs.DataLimit)
	}

	_, err = c.Pools.Disconnect(ctx, *pool)
	fmt.Println("not empty:", errors.Is(err, octane.ErrPoolNotEmpty))

	if _, err := c.Pools.RemoveConsumers(ctx, *pool, "0412000001", "0412000002"); err != nil {
		log.Fatal(err)
	}
	if _, err := c.Pools.Disconnect(ctx, *pool); err != nil {
		log.Fatal(err)
	}
	fmt.Println("disconnected")
	// Output:
	// pool 0491000001 provider 880001
	// 0412000001 limit 5 GB
	// 0412000002 limit 0 B
	// not empty: true
	// disconnected
}

// A data limit can be raised or lowered but never removed: zero is refused
// before anything is sent.
func ExamplePoolsService_SetDataLimit() {
	c, srv := newExampleClient()
	defer srv.Close()

	pool := octane.Pool{CustNo: octanetest.DefaultCustNo, LineSeqNo: "3", ProviderID: "880001"}
	_, err := c.Pools.SetDataLimit(context.Background(), pool, "0412000001", 0)
	fmt.Println(errors.Is(err, octane.ErrLimitRequired), errors.Is(err, octane.ErrInvalidInput), srv.RequestCount("") == 0)
	// Output: true true true
}

// Octane writes sizes as text; Size holds bytes.
func ExampleParseSize() {
	s, err := octane.ParseSize("1.5 GB")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(int64(s), s, s == octane.GB(1.5))
	// Output: 1610612736 1.5 GB true
}

// Orders.Wait follows an order until it is done or has failed.
func ExampleOrdersService_Wait() {
	c, srv := newExampleClient()
	defer srv.Close()
	ctx := context.Background()

	srv.FailNextOrder("no capacity")
	id, err := c.Orders.CreateDataPool(ctx, octane.PoolCreateRequest{
		CustNo: octanetest.DefaultCustNo, ProviderPlanID: octanetest.DefaultProviderPlan, PoolName: "Fleet",
	})
	if err != nil {
		log.Fatal(err)
	}
	_, err = c.Orders.Wait(ctx, id, nil)
	fmt.Println(errors.Is(err, octane.ErrOrderFailed))

	// A failed order can be re-run.
	if err := c.Orders.Reset(ctx, id); err != nil {
		log.Fatal(err)
	}
	o, err := c.Orders.Wait(ctx, id, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(o.Status, o.PoolServiceNumber)
	// Output:
	// true
	// COMMITTED 0491000001
}

// A consumer's data allowance and use, the per-service half of step 6:
// queryBalanceV3, keyed by the service's line sequence number.
func ExampleServicesService_Balance() {
	c, srv := newExampleClient()
	defer srv.Close()
	ctx := context.Background()
	srv.SetUsage("0412000001", int64(octane.MB(750)))

	d, err := c.Services.Detail(ctx, octanetest.DefaultCustNo, "0412000001")
	if err != nil {
		log.Fatal(err)
	}
	b, err := c.Services.Balance(ctx, octanetest.DefaultCustNo, d.LineSeqNo)
	if err != nil {
		log.Fatal(err)
	}
	for _, x := range b.Balances {
		fmt.Printf("%s: %q used of %q\n", x.Type, x.UsedText, x.AllowanceText)
	}
	if _, used, ok := b.Data(); ok {
		fmt.Println("data used:", used)
	}
	// Output:
	// DATA: "786432000" used of "0"
	// data used: 750 MB
}
