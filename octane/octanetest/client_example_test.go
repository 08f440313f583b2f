package octanetest_test

import (
	"context"
	"fmt"
	"log"

	"github.com/ispkit/ispkit/octane"
	"github.com/ispkit/ispkit/octane/octanetest"
)

// Client gives an octane client pointed at the fake, with its credentials
// and a fast poll interval, so that a Pools call returns in milliseconds.
func ExampleServer_Client() {
	srv := octanetest.NewServer()
	defer srv.Close()
	c := srv.Client()

	pool, err := c.Pools.Create(context.Background(), octane.PoolCreateRequest{
		CustNo: octanetest.DefaultCustNo, ProviderPlanID: octanetest.DefaultProviderPlan, PoolName: "Fleet",
	})
	if err != nil {
		log.Fatal(err)
	}
	got, _ := srv.Pool(pool.ProviderID)
	fmt.Println(got.Name, got.Status)
	// Output: Fleet OPTED-IN
}
