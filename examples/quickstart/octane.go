package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/ispkit/ispkit/octane"
	"github.com/ispkit/ispkit/octane/octanetest"
)

// Real Octane credentials; when any of the first four is missing the flow
// runs against an in-process octanetest server. Against a real Octane the
// flow also needs a customer, a data pool provider plan and three services on
// a data pool consumer plan; it creates two real pools and disconnects one.
const (
	envOctaneUsername     = "OCTANE_USERNAME"
	envOctanePassword     = "OCTANE_PASSWORD"
	envOctaneSOAPURL      = "OCTANE_SOAP_URL"
	envOctaneRESTURL      = "OCTANE_REST_URL"
	envOctaneCustNo       = "OCTANE_CUSTNO"
	envOctaneProviderPlan = "OCTANE_PROVIDER_PLAN"
	envOctaneConsumers    = "OCTANE_CONSUMERS" // three service numbers, comma-separated
)

// octaneSetup is what the flow runs with.
type octaneSetup struct {
	client       *octane.Client
	custNo       string
	providerPlan string
	consumers    []string
	done         func()
}

func octaneClient(p *printer) (*octaneSetup, error) {
	creds := octane.Credentials{Username: os.Getenv(envOctaneUsername), Password: octane.NewSecret(os.Getenv(envOctanePassword))}
	soapURL, restURL := os.Getenv(envOctaneSOAPURL), os.Getenv(envOctaneRESTURL)
	if creds.Username != "" && !creds.Password.IsZero() && soapURL != "" && restURL != "" {
		consumers := strings.Split(os.Getenv(envOctaneConsumers), ",")
		if len(consumers) != 3 || os.Getenv(envOctaneCustNo) == "" || os.Getenv(envOctaneProviderPlan) == "" {
			return nil, fmt.Errorf("with real credentials, set %s, %s and %s (three service numbers) too",
				envOctaneCustNo, envOctaneProviderPlan, envOctaneConsumers)
		}
		p.note("using Octane at %s and %s (from %s, %s)", soapURL, restURL, envOctaneSOAPURL, envOctaneRESTURL)
		// The default polling: one orderQuery per order every 30 minutes, as
		// Octane asks; each step waits for its orders, so the flow takes hours.
		p.note("orders are polled once every 30 minutes, as Octane asks: each step may take that long")
		c, err := octane.New(creds, octane.WithSOAPBaseURL(soapURL), octane.WithRESTBaseURL(restURL),
			octane.WithUserAgent("ispkit-quickstart"))
		return &octaneSetup{c, os.Getenv(envOctaneCustNo), os.Getenv(envOctaneProviderPlan), consumers, func() {}}, err
	}

	// The fake's orders take 40 ms instead of Octane's minutes, so the client
	// below chooses to poll every 10-50 ms instead of the default 30 minutes.
	srv := octanetest.NewServer(octanetest.WithOrderDelay(40 * time.Millisecond))
	p.note("using an in-memory Octane (set %s, %s, %s and %s for a real one)",
		envOctaneUsername, envOctanePassword, envOctaneSOAPURL, envOctaneRESTURL)
	var consumers []string
	for i, usage := range []octane.Size{octane.GB(3.5), octane.MB(800), octane.GB(1)} {
		sn := fmt.Sprintf("04120000%02d", i+1)
		srv.SeedService(octanetest.Service{CustNo: octanetest.DefaultCustNo, ServiceNumber: sn, PlanNo: octanetest.DefaultConsumerPlan})
		srv.SetUsage(sn, int64(usage))
		consumers = append(consumers, sn)
	}
	c, err := octane.New(octane.Credentials{Username: octanetest.DefaultUsername, Password: octane.NewSecret(octanetest.DefaultPassword)},
		octane.WithSOAPBaseURL(srv.SOAPBaseURL()), octane.WithRESTBaseURL(srv.RESTBaseURL()),
		octane.WithPollInterval(10*time.Millisecond, 50*time.Millisecond),
		octane.WithUserAgent("ispkit-quickstart"))
	return &octaneSetup{c, octanetest.DefaultCustNo, octanetest.DefaultProviderPlan, consumers, srv.Close}, err
}

// runOctane: create two pools, add three consumers, set a limit, transfer
// one, remove the rest, try to disconnect a non-empty pool and show the
// error, disconnect the empty one.
func runOctane(ctx context.Context, p *printer) error {
	s, err := octaneClient(p)
	if err != nil {
		return err
	}
	defer s.done()
	c, a1, a2, a3 := s.client, s.consumers[0], s.consumers[1], s.consumers[2]
	run := time.Now().Unix() % 100000

	var fleet, sales *octane.Pool
	newPool := func(name string, into **octane.Pool) func() (string, error) {
		return func() (string, error) {
			pool, err := c.Pools.Create(ctx, octane.PoolCreateRequest{
				CustNo: s.custNo, ProviderPlanID: s.providerPlan, PoolName: fmt.Sprintf("%s %d", name, run),
				Department: "Operations", NotificationEmail: "noc@example.net",
			})
			if err != nil {
				return "", err
			}
			*into = pool
			return fmt.Sprintf("service %s, line %s, provider %s (order %s)", pool.ServiceNumber, pool.LineSeqNo, pool.ProviderID, pool.OrderID), nil
		}
	}
	if err := p.step("create pool Fleet (steps 1-3)", newPool("Fleet", &fleet)); err != nil {
		return err
	}
	if err := p.step("create pool Sales", newPool("Sales", &sales)); err != nil {
		return err
	}
	if err := p.step("add three consumers (step 4)", func() (string, error) {
		res, err := c.Pools.AddConsumers(ctx, *fleet, a1, a2, a3)
		return orderIDs(res), err
	}); err != nil {
		return err
	}
	if err := p.step("limit "+a1+" to 5 GB (step 7)", func() (string, error) {
		r, err := c.Pools.SetDataLimit(ctx, *fleet, a1, octane.GB(5))
		return "order " + r.OrderID, err
	}); err != nil {
		return err
	}
	if err := p.step("a zero limit is refused locally", func() (string, error) {
		_, err := c.Pools.SetDataLimit(ctx, *fleet, a1, 0)
		if !errors.Is(err, octane.ErrLimitRequired) {
			return "", fmt.Errorf("want ErrLimitRequired, got %v", err)
		}
		return "ErrLimitRequired", nil
	}); err != nil {
		return err
	}
	if err := p.step("transfer "+a3+" to Sales (step 5)", func() (string, error) {
		res, err := c.Pools.Transfer(ctx, *fleet, *sales, a3)
		return orderIDs(res), err
	}); err != nil {
		return err
	}
	if err := p.step("read Fleet (step 6)", func() (string, error) {
		dp, err := c.Pools.Get(ctx, *fleet)
		if err != nil {
			return "", err
		}
		var parts []string
		for _, cs := range dp.Consumers {
			limit := "no limit"
			if cs.DataLimit > 0 {
				limit = "limit " + cs.DataLimit.String()
			}
			parts = append(parts, fmt.Sprintf("%s used %s, %s", cs.ServiceNumber, cs.DataUsage, limit))
		}
		return fmt.Sprintf("%s, cap %s, used %s; %s", dp.Status, dp.MaxCap, dp.Usage, strings.Join(parts, "; ")), nil
	}); err != nil {
		return err
	}
	if err := p.step("disconnect Fleet while not empty", func() (string, error) {
		_, err := c.Pools.Disconnect(ctx, *fleet)
		if !errors.Is(err, octane.ErrPoolNotEmpty) {
			return "", fmt.Errorf("want ErrPoolNotEmpty, got %v", err)
		}
		return "refused: " + err.Error(), nil
	}); err != nil {
		return err
	}
	if err := p.step("remove the rest (step 8)", func() (string, error) {
		res, err := c.Pools.RemoveConsumers(ctx, *fleet, a1, a2)
		return orderIDs(res), err
	}); err != nil {
		return err
	}
	return p.step("disconnect the empty Fleet (step 9)", func() (string, error) {
		id, err := c.Pools.Disconnect(ctx, *fleet)
		return "order " + id, err
	})
}

func orderIDs(res []octane.OrderResult) string {
	ids := make([]string, len(res))
	for i, r := range res {
		ids[i] = r.ServiceNumber + " → order " + r.OrderID
	}
	return strings.Join(ids, ", ")
}
