package baicells_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/baicells/baicellstest"
)

// The whole life of a subscriber, against the in-memory BOSS.
func Example() {
	srv := baicellstest.NewServer()
	defer srv.Close()

	// Client returns a *baicells.Client pointed at the fake; against a real
	// BOSS use baicells.New(creds, baicells.WithBaseURL(...)).
	c := srv.Client()
	ctx := context.Background()

	if err := c.Plans.Create(ctx, baicells.Plan{ID: "P25", Name: "25 Mbps", Uplink: 5, Downlink: 25}); err != nil {
		log.Fatal(err)
	}
	if err := c.Subscribers.Create(ctx, baicells.Profile{ID: "cust-1001", Name: "Ada Lovelace"}); err != nil {
		log.Fatal(err)
	}
	_ = c.Subscribers.BindPlan(ctx, "cust-1001", "P25")
	_ = c.Subscribers.BindIMSI(ctx, "cust-1001", "311980000001001")
	_ = c.Subscribers.Activate(ctx, "cust-1001")

	sub, err := c.Subscribers.Get(ctx, "cust-1001")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(sub.Name, sub.IMSI, sub.PlanID, sub.Status)

	err = c.Subscribers.UnbindIMSI(ctx, "cust-1001")
	fmt.Println(errors.Is(err, baicells.ErrMustDeactivate))
	// Output:
	// Ada Lovelace 311980000001001 P25 active
	// true
}

// Reconcile mirrors a billing system's view of a customer into BOSS.
func ExampleSubscribersService_Reconcile() {
	srv := baicellstest.NewServer()
	defer srv.Close()
	srv.SeedPlan(baicellstest.DefaultCloudKey, baicellstest.Plan{ID: "P25", Name: "25 Mbps", Uplink: 5, Downlink: 25})
	c := srv.Client()
	ctx := context.Background()

	want := baicells.SubscriberReconcileRequest{
		Profile: baicells.Profile{ID: "cust-7", Name: "Grace"},
		PlanID:  "P25", IMSI: "311980000000007", Active: true,
	}
	actions, _ := c.Subscribers.Reconcile(ctx, want)
	fmt.Println(actions)

	want.IMSI = "311980000000008" // the SIM was swapped
	actions, _ = c.Subscribers.Reconcile(ctx, want)
	fmt.Println(actions)

	actions, _ = c.Subscribers.Reconcile(ctx, want)
	fmt.Println(len(actions))
	// Output:
	// [create cust-7 bind-plan cust-7: P25 bind-imsi cust-7: IMSI 3119…0007 activate cust-7]
	// [deactivate cust-7: before IMSI change unbind-imsi cust-7: IMSI 3119…0007 bind-imsi cust-7: IMSI 3119…0008 activate cust-7]
	// 0
}

// Plan reads and says what Apply will do; a change that cannot succeed is
// refused before anything is written.
func ExampleSubscribersService_Plan() {
	srv := baicellstest.NewServer()
	defer srv.Close()
	srv.SeedPlan(baicellstest.DefaultCloudKey, baicellstest.Plan{ID: "P25", Name: "25 Mbps", Uplink: 5, Downlink: 25})
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "cust-8", IMSI: "311980000000008", PlanID: "P25", Active: true})
	c := srv.Client()
	ctx := context.Background()

	want := baicells.SubscriberReconcileRequest{
		Profile: baicells.Profile{ID: "cust-7", Name: "Grace"},
		PlanID:  "P25", IMSI: "311980000000007", Active: true,
	}
	p, err := c.Subscribers.Plan(ctx, want)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Actions)
	fmt.Println(p.Checks)
	done, err := c.Subscribers.Apply(ctx, p)
	fmt.Println(len(done), err)

	// cust-8's CPE is not free: refused, and cust-7 stays online.
	want.IMSI = "311980000000008"
	_, err = c.Subscribers.Plan(ctx, want)
	fmt.Println(errors.Is(err, baicells.ErrIMSIInUse))
	// Output:
	// [create cust-7 bind-plan cust-7: P25 bind-imsi cust-7: IMSI 3119…0007 activate cust-7]
	// [plan "P25" exists IMSI 3119…0007 free]
	// 4 <nil>
	// true
}

// Mirror brings a whole billing export into BOSS; DryRun shows the plan.
func ExampleSubscribersService_Mirror() {
	srv := baicellstest.NewServer()
	defer srv.Close()
	srv.SeedPlan(baicellstest.DefaultCloudKey, baicellstest.Plan{ID: "P25", Name: "25 Mbps", Uplink: 5, Downlink: 25})
	// Two customers about to swap CPEs.
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "A", IMSI: "311980000000001", PlanID: "P25", Active: true})
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "B", IMSI: "311980000000002", PlanID: "P25", Active: true})
	c := srv.Client()
	ctx := context.Background()

	want := []baicells.SubscriberReconcileRequest{
		{Profile: baicells.Profile{ID: "A"}, PlanID: "P25", IMSI: "311980000000002", Active: true},
		{Profile: baicells.Profile{ID: "B"}, PlanID: "P25", IMSI: "311980000000001", Active: true},
		{Profile: baicells.Profile{ID: "C", Name: "Carol"}, PlanID: "P25", IMSI: "311980000000003", Active: true},
	}
	rep, _ := c.Subscribers.Mirror(ctx, want, &baicells.MirrorOptions{DryRun: true})
	for _, r := range rep.Results {
		fmt.Println(r.ID, r.Status, len(r.Actions))
	}
	fmt.Println("writes:", rep.Writes)

	rep, _ = c.Subscribers.Mirror(ctx, want, nil)
	fmt.Println(rep.Results[0].Status, rep.Results[1].Status, rep.Results[2].Status, "reads:", rep.Reads, "writes:", rep.Writes)
	rep, _ = c.Subscribers.Mirror(ctx, want, nil)
	fmt.Println("again: reads:", rep.Reads, "writes:", rep.Writes)
	// Output:
	// A planned 4
	// B planned 4
	// C planned 4
	// writes: 0
	// changed changed changed reads: 3 writes: 7
	// again: reads: 3 writes: 0
}

// Usage over any range is walked in windows of at most 31 days.
func ExampleUsageService_Hourly() {
	srv := baicellstest.NewServer()
	defer srv.Close()
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "u1", IMSI: "311980000000001"})
	c := srv.Client()

	from := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var hours int
	var total int64
	for u, err := range c.Usage.Hourly(context.Background(), baicells.UsageRequest{From: from, To: from.AddDate(0, 3, 0)}) {
		if err != nil {
			log.Fatal(err)
		}
		hours++
		total += u.TotalKB
	}
	fmt.Println(hours, srv.RequestCount("/usage/querybyhour"), total > 0)
	// Output:
	// 2185 3 true
}

// The plan flow: create, list, modify, and Ensure, which creates or modifies
// only when needed.
func ExamplePlansService() {
	srv := baicellstest.NewServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	if err := c.Plans.Create(ctx, baicells.Plan{ID: "P10", Name: "10 Mbps", Uplink: 2, Downlink: 10}); err != nil {
		log.Fatal(err)
	}
	if err := c.Plans.Modify(ctx, baicells.Plan{ID: "P10", Name: "10 Mbps", Uplink: 3, Downlink: 10}); err != nil {
		log.Fatal(err)
	}
	plans, err := c.Plans.List(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range plans {
		fmt.Println(p.ID, p.Name, p.Uplink, p.Downlink)
	}
	actions, _ := c.Plans.Ensure(ctx, baicells.Plan{ID: "P50", Name: "50 Mbps", Uplink: 10, Downlink: 50})
	fmt.Println(actions)
	actions, _ = c.Plans.Ensure(ctx, baicells.Plan{ID: "P50", Name: "50 Mbps", Uplink: 10, Downlink: 50})
	fmt.Println(len(actions))
	// Output:
	// P10 10 Mbps 3 10
	// [create-plan P50: "50 Mbps" 10/50]
	// 0
}

// Subscribers are modified (only the fields given) and deleted.
func ExampleSubscribersService_Modify() {
	srv := baicellstest.NewServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	if err := c.Subscribers.Create(ctx, baicells.Profile{ID: "cust-2", Name: "Alan", Phone: "555-0100"}); err != nil {
		log.Fatal(err)
	}
	if err := c.Subscribers.Modify(ctx, baicells.Profile{ID: "cust-2", Phone: "555-0199"}); err != nil {
		log.Fatal(err)
	}
	sub, _ := c.Subscribers.Get(ctx, "cust-2")
	fmt.Println(sub.Name, sub.Phone)

	if err := c.Subscribers.Delete(ctx, "cust-2"); err != nil {
		log.Fatal(err)
	}
	_, err := c.Subscribers.Get(ctx, "cust-2")
	fmt.Println(errors.Is(err, baicells.ErrSubscriberNotFound))
	// Output:
	// Alan 555-0199
	// true
}

// Any number of subscribers are created and activated in batches; every
// record is reported as done or failed.
func ExampleSubscribersService_BulkCreate() {
	srv := baicellstest.NewServer()
	defer srv.Close()
	srv.SeedPlan(baicellstest.DefaultCloudKey, baicellstest.Plan{ID: "P25", Name: "25 Mbps", Uplink: 5, Downlink: 25})
	c := srv.Client()
	ctx := context.Background()

	subs := make([]baicells.SubscriberCreateRequest, 450)
	ids := make([]string, len(subs))
	for i := range subs {
		ids[i] = fmt.Sprintf("bulk-%03d", i)
		subs[i] = baicells.SubscriberCreateRequest{
			Profile: baicells.Profile{ID: ids[i]},
			IMSI:    fmt.Sprintf("3119800000%05d", i),
		}
	}
	created, err := c.Subscribers.BulkCreate(ctx, subs, &baicells.BulkOptions{PlanID: "P25"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(created.Created), len(created.Failed), created.Batches)

	activated, err := c.Subscribers.BulkActivate(ctx, ids, nil) // nil: the default batching
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(activated.Succeeded), len(activated.Failed))
	// Output:
	// 450 0 3
	// 450 0
}

// A failure is a *Error: errors.As gives the result code, the HTTP status
// and the session_id (RequestID) to quote to Baicells support.
func ExampleError() {
	srv := baicellstest.NewServer()
	defer srv.Close()
	c := srv.Client(baicells.WithSessionIDGenerator(func() string { return "20240101-1" }))
	ctx := context.Background()

	err := c.Subscribers.BindPlan(ctx, "nobody", "P1")
	var e *baicells.Error
	if errors.As(err, &e) {
		fmt.Println(e.Op, e.Code.String(), e.HTTPStatus, e.RequestID)
	}
	fmt.Println(errors.Is(err, baicells.ErrSubscriberNotFound), errors.Is(err, baicells.CodeSubscriberNotFound))

	err = c.Subscribers.Activate(ctx, "")
	fmt.Println(errors.Is(err, baicells.ErrInvalidInput))
	// Output:
	// Subscribers.BindPlan 4002 Subscribers do not exist 422 20240101-1
	// true true
	// true
}

// ValidateIMSI applies the rule every call that takes an IMSI applies, so
// that input can be checked before it reaches a bulk call.
func ExampleValidateIMSI() {
	for _, imsi := range []string{"311980000000001", "31198-0000001", ""} {
		err := baicells.ValidateIMSI(imsi)
		var ve *baicells.ValidationError
		if errors.As(err, &ve) {
			fmt.Printf("%q: %s %s\n", imsi, ve.Field, ve.Reason)
			continue
		}
		fmt.Printf("%q: ok\n", imsi)
	}
	// Output:
	// "311980000000001": ok
	// "31198-0000001": IMSI "31198-0000001": an IMSI has digits only
	// "": IMSI is empty
}

// ValidateSubID applies the sub_id rule of every call.
func ExampleValidateSubID() {
	fmt.Println(baicells.ValidateSubID("cust-1001"))
	fmt.Println(baicells.ValidateSubID(".."))
	// Output:
	// <nil>
	// baicells: ValidateSubID: invalid SubID: ".." is not an id
}

// Validate checks one BulkCreate record as BulkCreate does before sending.
func ExampleSubscriberCreateRequest_Validate() {
	ok := baicells.SubscriberCreateRequest{Profile: baicells.Profile{ID: "cust-1001"}, IMSI: "311980000000001"}
	noIMSI := baicells.SubscriberCreateRequest{Profile: baicells.Profile{ID: "cust-1002"}}
	fmt.Println(ok.Validate())
	fmt.Println(noIMSI.Validate())
	fmt.Println(errors.Is(noIMSI.Validate(), baicells.ErrInvalidInput))
	// Output:
	// <nil>
	// baicells: SubscriberCreateRequest.Validate: invalid IMSI: is empty
	// true
}

// A bulk call reports every record: a record refused before sending carries
// a *ValidationError, one the server failed an *Error that matches its
// code's sentinel; the valid records are sent.
func ExampleBulkFailure() {
	srv := baicellstest.NewServer()
	defer srv.Close()
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "holder", IMSI: "311980000000009"})
	c := srv.Client()
	ctx := context.Background()

	res, err := c.Subscribers.BulkCreate(ctx, []baicells.SubscriberCreateRequest{
		{Profile: baicells.Profile{ID: "new-1"}, IMSI: "311980000000001"},
		{Profile: baicells.Profile{ID: "new-2"}, IMSI: "not-an-imsi"},
		{Profile: baicells.Profile{ID: "new-3"}, IMSI: "311980000000009"},
	}, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, cr := range res.Created {
		fmt.Println("created", cr.SubID)
	}
	for _, f := range res.Failed {
		var e *baicells.Error
		switch {
		case errors.Is(f.Err, baicells.ErrInvalidInput):
			fmt.Println("not sent", f.SubID)
		case errors.Is(f.Err, baicells.ErrIMSIInUse) && errors.As(f.Err, &e):
			fmt.Println("IMSI in use", f.SubID, e.Code == baicells.CodeIMSIInUse)
		default:
			fmt.Println("failed", f.SubID, f.Err)
		}
	}
	// Output:
	// created new-1
	// not sent new-2
	// IMSI in use new-3 true
}
