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
// services on a data pool consumer plan. srv.Client polls orders every 10 to
// 100 milliseconds; a client of the real Octane polls every 30 minutes.
func newExampleClient() (*octane.Client, *octanetest.Server) {
	srv := octanetest.NewServer()
	for _, sn := range []string{"0412000001", "0412000002"} {
		srv.SeedService(octanetest.Service{ServiceNumber: sn, PlanNo: octanetest.DefaultConsumerPlan})
	}
	return srv.Client(), srv
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

// Create a pool (steps 1 to 3: the order, its wait, the pool's numbers), and
// find it again later by its service number.
func ExamplePoolsService_Create() {
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
	fmt.Println(pool.ServiceNumber, pool.LineSeqNo, pool.ProviderID)

	again, err := c.Pools.Lookup(ctx, octanetest.DefaultCustNo, pool.ServiceNumber)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(again.ProviderID == pool.ProviderID)
	// Output:
	// 0491000001 3 880001
	// true
}

// Read a pool and list its consumers (step 6, REST).
func ExampleDataPoolsService_Get() {
	c, srv := newExampleClient()
	defer srv.Close()
	ctx := context.Background()
	p := srv.SeedPool(octanetest.Pool{Name: "Fleet"})
	srv.SeedService(octanetest.Service{ServiceNumber: "0412000003", PoolProviderID: p.ProviderID, DataLimit: int64(octane.GB(2))})

	pool, err := c.DataPools.Get(ctx, octane.PoolRef{CustNo: p.CustNo, LineSeqNo: p.LineSeqNo})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(pool.ProviderID, pool.Status, pool.MaxCap)
	for _, cs := range pool.Consumers {
		fmt.Println(cs.ServiceNumber, cs.Status, cs.DataLimit)
	}
	// Output:
	// 880001 OPTED-IN 100 GB
	// 0412000003 OPTED-IN 2 GB
}

// Move a consumer to another pool (step 5): the target is checked first.
func ExamplePoolsService_Transfer() {
	c, srv := newExampleClient()
	defer srv.Close()
	ctx := context.Background()
	create := func(name string) octane.Pool {
		p, err := c.Pools.Create(ctx, octane.PoolCreateRequest{CustNo: octanetest.DefaultCustNo, ProviderPlanID: octanetest.DefaultProviderPlan, PoolName: name})
		if err != nil {
			log.Fatal(err)
		}
		return *p
	}
	from, to := create("Fleet"), create("Office")
	if _, err := c.Pools.AddConsumers(ctx, from, "0412000001"); err != nil {
		log.Fatal(err)
	}

	res, err := c.Pools.Transfer(ctx, from, to, "0412000001")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res[0].ServiceNumber, res[0].Status)
	got, _ := srv.Pool(to.ProviderID)
	fmt.Println(got.Consumers)

	_, err = c.Pools.Transfer(ctx, to, octane.Pool{CustNo: octanetest.DefaultCustNo, LineSeqNo: "99", ProviderID: "1"}, "0412000001")
	fmt.Println(errors.Is(err, octane.ErrUnknownPool))
	// Output:
	// 0412000001 COMMITTED
	// [0412000001]
	// true
}

// Disconnect a pool (step 9): only an empty one.
func ExamplePoolsService_Disconnect() {
	c, srv := newExampleClient()
	defer srv.Close()
	ctx := context.Background()
	p := srv.SeedPool(octanetest.Pool{Name: "Old"})
	pool, err := c.Pools.Lookup(ctx, p.CustNo, p.ServiceNumber)
	if err != nil {
		log.Fatal(err)
	}

	id, err := c.Pools.Disconnect(ctx, *pool)
	if err != nil {
		log.Fatal(err)
	}
	got, _ := srv.Pool(p.ProviderID)
	fmt.Println(id != "", got.Status)
	// Output: true OPTED-OUT
}

// One Wait may poll faster or slower than the client's default.
func ExampleWaitOptions() {
	c, srv := newExampleClient()
	defer srv.Close()
	ctx := context.Background()

	id, err := c.Orders.CreateDataPool(ctx, octane.PoolCreateRequest{
		CustNo: octanetest.DefaultCustNo, ProviderPlanID: octanetest.DefaultProviderPlan, PoolName: "Fleet",
	})
	if err != nil {
		log.Fatal(err)
	}
	o, err := c.Orders.Wait(ctx, id, &octane.WaitOptions{MinInterval: time.Millisecond, MaxInterval: 20 * time.Millisecond})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(o.Status.Done())

	_, err = c.Orders.Wait(ctx, id, &octane.WaitOptions{MinInterval: time.Second, MaxInterval: time.Millisecond})
	var ve *octane.ValidationError
	fmt.Println(errors.As(err, &ve), ve.Field)
	// Output:
	// true
	// true MaxInterval
}

// Errors match the package's sentinels with errors.Is, and errors.As gives
// the details of an *Error.
func ExampleError() {
	srv := octanetest.NewServer()
	defer srv.Close()
	ctx := context.Background()

	_, err := srv.Client().Orders.Query(ctx, "4040404")
	var e *octane.Error
	if errors.As(err, &e) {
		fmt.Println(e.Layer, e.Op, e.OrderID, errors.Is(err, octane.ErrUnknownOrder))
	}

	bad, err := octane.New(octane.Credentials{Username: "someone", Password: octane.NewSecret("wrong")},
		octane.WithSOAPBaseURL(srv.SOAPBaseURL()), octane.WithRESTBaseURL(srv.RESTBaseURL()))
	if err != nil {
		log.Fatal(err)
	}
	_, err = bad.DataPools.Get(ctx, octane.PoolRef{CustNo: octanetest.DefaultCustNo, LineSeqNo: "1"})
	fmt.Println(errors.Is(err, octane.ErrAuthFailed))
	// Output:
	// SOAP orderQuery 4040404 true
	// true
}

// Reconcile brings a pool to the consumers a billing system wants: the
// missing added, the limits set, the extra removed. Run again, it writes
// nothing.
func ExamplePoolsService_Reconcile() {
	c, srv := newExampleClient()
	defer srv.Close()
	ctx := context.Background()
	p := srv.SeedPool(octanetest.Pool{Name: "Fleet"})
	srv.SeedService(octanetest.Service{ServiceNumber: "0412000009", PoolProviderID: p.ProviderID})
	want := octane.PoolReconcileRequest{
		Pool: octane.Pool{CustNo: p.CustNo, ServiceNumber: p.ServiceNumber, LineSeqNo: p.LineSeqNo},
		Consumers: []octane.DesiredConsumer{
			{ServiceNumber: "0412000001", DataLimit: octane.GB(5)},
			{ServiceNumber: "0412000002"},
		},
	}

	plan, err := c.Pools.Plan(ctx, want)
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range plan.Actions {
		fmt.Println("planned:", a)
	}
	done, err := c.Pools.Apply(ctx, plan)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("made:", len(done))

	again, err := c.Pools.Reconcile(ctx, want)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("second run:", len(again))

	// A limit cannot be removed: refused before anything is sent.
	want.Consumers[0].DataLimit = 0
	_, err = c.Pools.Plan(ctx, want)
	fmt.Println(errors.Is(err, octane.ErrLimitRequired))
	// Output:
	// planned: add-consumers 0412000001
	// planned: add-consumers 0412000002
	// planned: set-data-limit 0412000001: limit 5 GB
	// planned: remove-consumers 0412000009
	// made: 4
	// second run: 0
	// true
}

// Mirror syncs many pools; a dry run reports the plans and writes nothing.
func ExamplePoolsService_Mirror() {
	c, srv := newExampleClient()
	defer srv.Close()
	ctx := context.Background()
	var want []octane.PoolReconcileRequest
	for i, sn := range []string{"0412000001", "0412000002"} {
		p := srv.SeedPool(octanetest.Pool{Name: fmt.Sprint("Pool ", i)})
		want = append(want, octane.PoolReconcileRequest{
			Pool:      octane.Pool{CustNo: p.CustNo, ServiceNumber: p.ServiceNumber, LineSeqNo: p.LineSeqNo},
			Consumers: []octane.DesiredConsumer{{ServiceNumber: sn, DataLimit: octane.GB(1)}},
		})
	}
	opts := &octane.MirrorOptions{DryRun: true, Concurrency: 2}

	rep, err := c.Pools.Mirror(ctx, want, opts)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("dry run:", rep.Results[0].Status, rep.Results[1].Status, rep.Counts[octane.ActionAddConsumers], "adds, writes:", rep.Writes)

	opts.DryRun = false
	rep, _ = c.Pools.Mirror(ctx, want, opts)
	fmt.Println("applied:", rep.Results[0].Status, rep.Results[1].Status, "writes:", rep.Writes)

	rep, _ = c.Pools.Mirror(ctx, want, opts)
	fmt.Println("again:", rep.Results[0].Status, rep.Results[1].Status, "writes:", rep.Writes)
	// Output:
	// dry run: planned planned 2 adds, writes: 0
	// applied: changed changed writes: 4
	// again: unchanged unchanged writes: 0
}
