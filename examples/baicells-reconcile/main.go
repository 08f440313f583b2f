// Command baicells-reconcile mirrors a billing system's customer list into
// Baicells BOSS: for each customer it computes nothing itself, it states the
// desired BOSS state and lets Subscribers.Reconcile make the minimal calls.
//
//	go run ./examples/baicells-reconcile                 # built-in demo data, in-memory BOSS
//	go run ./examples/baicells-reconcile -file customers.json
//
// The file is a JSON array of {"id","name","email","plan","imsi","status"},
// status being the billing system's ("Active", "Suspended", "Deleted" …). With
// BAICELLS_BASE_URL, BAICELLS_CLOUD_KEY, BAICELLS_USERNAME and
// BAICELLS_PASSWORD set, it works on that BOSS instead.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"strings"

	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/baicells/baicellstest"
)

// customer is one row of the billing system.
type customer struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Email  string `json:"email"`
	Plan   string `json:"plan"`   // the Baicells service plan id, "" for a non-Baicells service
	IMSI   string `json:"imsi"`   // the IMSI of the customer's CPE, "" if none installed
	Status string `json:"status"` // "Active" or anything else
}

// desired maps a billing row onto the BOSS state the Powercode integration
// documents: active only when the customer is Active (and then only once a plan
// and an IMSI are bound); deleted when the customer is.
func (c customer) desired() baicells.SubscriberReconcileRequest {
	return baicells.SubscriberReconcileRequest{
		Profile: baicells.Profile{ID: c.ID, Name: c.Name, Email: c.Email},
		PlanID:  c.Plan,
		IMSI:    c.IMSI,
		Active:  strings.EqualFold(c.Status, "Active"),
		Delete:  strings.EqualFold(c.Status, "Deleted"),
	}
}

var plans = []baicells.Plan{
	{ID: "RES-25", Name: "Residential 25/5", Uplink: 5, Downlink: 25},
	{ID: "BIZ-100", Name: "Business 100/20", Uplink: 20, Downlink: 100},
}

var demoDay1 = []customer{
	{ID: "C-1001", Name: "Ada Lovelace", Email: "ada@example.net", Plan: "RES-25", IMSI: "001010000001001", Status: "Active"},
	{ID: "C-1002", Name: "Grace Hopper", Email: "grace@example.net", Plan: "BIZ-100", Status: "Active"}, // no CPE yet
	{ID: "C-1003", Name: "Alan Turing", Email: "alan@example.net", Plan: "RES-25", IMSI: "001010000001003", Status: "Suspended"},
}

var demoDay2 = []customer{
	{ID: "C-1001", Name: "Ada Lovelace", Email: "ada@example.org", Plan: "BIZ-100", IMSI: "001010000001011", Status: "Active"},   // upgrade + CPE swap
	{ID: "C-1002", Name: "Grace Hopper", Email: "grace@example.net", Plan: "BIZ-100", IMSI: "001010000001002", Status: "Active"}, // CPE installed
	{ID: "C-1003", Name: "Alan Turing", Status: "Deleted"},
}

func main() {
	file := flag.String("file", "", "JSON file of customers (default: built-in demo, two days of changes)")
	flag.Parse()
	batches := [][]customer{demoDay1, demoDay2, demoDay2}
	if *file != "" {
		data, err := os.ReadFile(*file)
		if err != nil {
			log.Fatal(err)
		}
		var list []customer
		if err := json.Unmarshal(data, &list); err != nil {
			log.Fatalf("%s: %v", *file, err)
		}
		batches = [][]customer{list}
	}
	c, done := client()
	defer done()
	if err := run(context.Background(), c, batches, os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// run ensures the plans, then reconciles every batch of customers in turn,
// reporting the calls made. A customer's failure is reported and the sync
// goes on with the next one.
func run(ctx context.Context, c *baicells.Client, batches [][]customer, w io.Writer) error {
	for _, p := range plans {
		acts, err := c.Plans.Ensure(ctx, p)
		if err != nil {
			return err
		}
		report(w, "plan "+p.ID, acts)
	}
	for i, batch := range batches {
		fmt.Fprintf(w, "\n-- sync %d --\n", i+1)
		for _, cust := range batch {
			acts, err := c.Subscribers.Reconcile(ctx, cust.desired())
			report(w, cust.ID, acts)
			if err != nil {
				fmt.Fprintf(w, "   error: %v\n", err)
			}
		}
	}
	return nil
}

func report(w io.Writer, what string, acts []baicells.Action) {
	if len(acts) == 0 {
		fmt.Fprintf(w, "%-12s in sync\n", what)
		return
	}
	for i, a := range acts {
		if i == 0 {
			fmt.Fprintf(w, "%-12s %s\n", what, a)
		} else {
			fmt.Fprintf(w, "%-12s %s\n", "", a)
		}
	}
}

func client() (*baicells.Client, func()) {
	creds := baicells.Credentials{
		CloudKey: baicells.NewSecret(os.Getenv("BAICELLS_CLOUD_KEY")),
		Username: os.Getenv("BAICELLS_USERNAME"),
		Password: baicells.NewSecret(os.Getenv("BAICELLS_PASSWORD")),
	}
	if base := os.Getenv("BAICELLS_BASE_URL"); base != "" && !creds.CloudKey.IsZero() && creds.Username != "" {
		c, err := baicells.New(creds, baicells.WithBaseURL(base))
		if err != nil {
			log.Fatal(err)
		}
		return c, func() {}
	}
	srv := baicellstest.NewServer()
	c, err := baicells.New(baicells.Credentials{
		CloudKey: baicells.NewSecret(baicellstest.DefaultCloudKey), Username: baicellstest.DefaultUsername,
		Password: baicells.NewSecret(baicellstest.DefaultPassword),
	}, baicells.WithBaseURL(srv.BaseURL()))
	if err != nil {
		log.Fatal(err)
	}
	return c, srv.Close
}
