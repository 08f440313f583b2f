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

	c, err := baicells.New(baicells.Credentials{
		CloudKey: baicells.NewSecret(baicellstest.DefaultCloudKey),
		Username: baicellstest.DefaultUsername,
		Password: baicells.NewSecret(baicellstest.DefaultPassword),
	}, baicells.WithBaseURL(srv.BaseURL()))
	if err != nil {
		log.Fatal(err)
	}
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
	c, _ := baicells.New(baicells.Credentials{
		CloudKey: baicells.NewSecret(baicellstest.DefaultCloudKey), Username: baicellstest.DefaultUsername,
		Password: baicells.NewSecret(baicellstest.DefaultPassword),
	}, baicells.WithBaseURL(srv.BaseURL()))
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
	// [create cust-7 bind-plan cust-7: P25 bind-imsi cust-7: 311980000000007 activate cust-7]
	// [deactivate cust-7: before IMSI change unbind-imsi cust-7: 311980000000007 bind-imsi cust-7: 311980000000008 activate cust-7]
	// 0
}

// Usage over any range is walked in windows of at most 31 days.
func ExampleUsageService_Hourly() {
	srv := baicellstest.NewServer()
	defer srv.Close()
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "u1", IMSI: "311980000000001"})
	c, _ := baicells.New(baicells.Credentials{
		CloudKey: baicells.NewSecret(baicellstest.DefaultCloudKey), Username: baicellstest.DefaultUsername,
		Password: baicells.NewSecret(baicellstest.DefaultPassword),
	}, baicells.WithBaseURL(srv.BaseURL()))

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
