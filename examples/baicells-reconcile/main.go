// Command baicells-reconcile mirrors a billing system's customer export (a
// CSV file) into Baicells BOSS with Subscribers.Mirror: it states the desired
// BOSS state of every customer and lets Mirror read each subscriber once,
// plan, and make the fewest calls, bulk where it can.
//
//	go run ./examples/baicells-reconcile -dry-run   # show the plan, write nothing
//	go run ./examples/baicells-reconcile            # built-in export, in-memory BOSS
//	go run ./examples/baicells-reconcile -file export.csv -rate 20
//
// The CSV has the header id,name,email,plan,imsi,status; status is the
// billing system's ("Active", "Suspended", "Deleted" …), plan the Baicells
// service plan id ("" for a non-Baicells service) and imsi the customer's CPE
// ("" if none). With BAICELLS_BASE_URL, BAICELLS_CLOUD_KEY, BAICELLS_USERNAME
// and BAICELLS_PASSWORD set, it works on that BOSS instead of an in-memory one
// seeded with yesterday's state (where C-1001 and C-1002 swap CPEs today).
package main

import (
	"context"
	_ "embed"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"sort"
	"strings"

	"golang.org/x/time/rate"

	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/baicells/baicellstest"
)

//go:embed customers.csv
var demoExport string

// customer is one row of the billing export.
type customer struct {
	ID, Name, Email, Plan, IMSI, Status string
}

// desired maps a billing row onto the BOSS state the Powercode integration
// documents: active only when the customer is Active (and then only once a
// plan and an IMSI are bound); deleted when the customer is.
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

// yesterday is the in-memory BOSS's state before today's export.
var yesterday = []baicellstest.Subscriber{
	{ID: "C-1001", Name: "Ada Lovelace", Email: "ada@example.net", PlanID: "RES-25", IMSI: "001010000001001", Active: true},
	{ID: "C-1002", Name: "Grace Hopper", Email: "grace@example.net", PlanID: "BIZ-100", IMSI: "001010000001002", Active: true},
	{ID: "C-1003", Name: "Alan Turing", Email: "alan@example.net", PlanID: "RES-25", IMSI: "001010000001003"},
	{ID: "C-1004", Name: "Edsger Dijkstra", Email: "edsger@example.net", PlanID: "RES-25", IMSI: "001010000001004", Active: true},
	{ID: "C-1005", Name: "Barbara Liskov", Email: "barbara@example.net", PlanID: "RES-25", IMSI: "001010000001005", Active: true},
}

func main() {
	file := flag.String("file", "", "billing export CSV (default: the built-in customers.csv)")
	dryRun := flag.Bool("dry-run", false, "read and plan only; write nothing")
	perSecond := flag.Float64("rate", 0, "calls per second at most (0: unlimited)")
	conc := flag.Int("concurrency", 0, "calls in flight (0: the default)")
	flag.Parse()

	var in io.Reader = strings.NewReader(demoExport)
	if *file != "" {
		f, err := os.Open(*file)
		if err != nil {
			log.Fatal(err)
		}
		defer f.Close()
		in = f
	}
	rows, err := readExport(in)
	if err != nil {
		log.Fatal(err)
	}
	c, done := client()
	defer done()
	opts := &baicells.MirrorOptions{DryRun: *dryRun, Concurrency: *conc}
	if *perSecond > 0 {
		opts.Limiter = rate.NewLimiter(rate.Limit(*perSecond), 1)
	}
	if err := run(context.Background(), c, rows, opts, os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// readExport reads the CSV export; the header names the columns, in any order.
func readExport(r io.Reader) ([]customer, error) {
	recs, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, errors.New("empty export")
	}
	col := map[string]int{}
	for i, name := range recs[0] {
		col[strings.ToLower(strings.TrimSpace(name))] = i
	}
	for _, name := range []string{"id", "name", "email", "plan", "imsi", "status"} {
		if _, ok := col[name]; !ok {
			return nil, fmt.Errorf("export has no %q column", name)
		}
	}
	out := make([]customer, 0, len(recs)-1)
	for _, rec := range recs[1:] {
		get := func(name string) string { return strings.TrimSpace(rec[col[name]]) }
		out = append(out, customer{ID: get("id"), Name: get("name"), Email: get("email"), Plan: get("plan"), IMSI: get("imsi"), Status: get("status")})
	}
	return out, nil
}

// run ensures the plans (unless a dry run), mirrors the export and prints
// progress, each customer that changes or fails, and a summary.
func run(ctx context.Context, c *baicells.Client, rows []customer, opts *baicells.MirrorOptions, w io.Writer) error {
	if !opts.DryRun {
		for _, p := range plans {
			acts, err := c.Plans.Ensure(ctx, p)
			if err != nil {
				return err
			}
			for _, a := range acts {
				fmt.Fprintf(w, "plan %s\n", a)
			}
		}
	}
	want := make([]baicells.SubscriberReconcileRequest, len(rows))
	for i, r := range rows {
		want[i] = r.desired()
	}
	o := *opts
	last := map[baicells.MirrorPhase]int{}
	o.Progress = func(p baicells.MirrorProgress) {
		// Print at most every tenth, and the end of a phase.
		if p.Total > 0 && (p.Done == p.Total || (p.Done-last[p.Phase])*10 >= p.Total) {
			last[p.Phase] = p.Done
			fmt.Fprintf(w, "%-5s %d/%d\n", p.Phase, p.Done, p.Total)
		}
	}
	rep, err := c.Subscribers.Mirror(ctx, want, &o)
	if rep == nil {
		return err
	}
	byStatus := map[baicells.MirrorStatus]int{}
	for _, r := range rep.Results {
		byStatus[r.Status]++
		switch r.Status {
		case baicells.MirrorUnchanged:
			continue
		case baicells.MirrorFailed:
			fmt.Fprintf(w, "%-8s failed: %v\n", r.ID, r.Err)
		}
		for _, a := range r.Actions {
			fmt.Fprintf(w, "%-8s %s\n", r.ID, a)
		}
	}
	mode := "applied"
	if rep.DryRun {
		mode = "dry run, nothing written"
	}
	fmt.Fprintf(w, "summary (%s): %d customers: %d unchanged, %d changed, %d planned, %d failed; %d reads, %d writes\n",
		mode, len(rep.Results), byStatus[baicells.MirrorUnchanged], byStatus[baicells.MirrorChanged],
		byStatus[baicells.MirrorPlanned], byStatus[baicells.MirrorFailed], rep.Reads, rep.Writes)
	kinds := make([]string, 0, len(rep.Counts))
	for k := range rep.Counts {
		kinds = append(kinds, string(k))
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		fmt.Fprintf(w, "  %-12s %d\n", k, rep.Counts[baicells.ActionKind(k)])
	}
	return err
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
	srv := demoServer()
	c, err := baicells.New(baicells.Credentials{
		CloudKey: baicells.NewSecret(baicellstest.DefaultCloudKey), Username: baicellstest.DefaultUsername,
		Password: baicells.NewSecret(baicellstest.DefaultPassword),
	}, baicells.WithBaseURL(srv.BaseURL()))
	if err != nil {
		log.Fatal(err)
	}
	return c, srv.Close
}

// demoServer is an in-memory BOSS holding yesterday's state.
func demoServer() *baicellstest.Server {
	srv := baicellstest.NewServer()
	for _, p := range plans {
		srv.SeedPlan(baicellstest.DefaultCloudKey, baicellstest.Plan{ID: p.ID, Name: p.Name, Uplink: p.Uplink, Downlink: p.Downlink})
	}
	for _, s := range yesterday {
		srv.SeedSubscriber(baicellstest.DefaultCloudKey, s)
	}
	return srv
}
