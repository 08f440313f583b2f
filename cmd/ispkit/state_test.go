package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ispkit/ispkit/alianza"
	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/baicells/baicellstest"
	"github.com/ispkit/ispkit/octane"
	"github.com/ispkit/ispkit/telecloud"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

func bossClient(t *testing.T, env map[string]string) *baicells.Client {
	t.Helper()
	c, err := baicells.New(baicells.Credentials{CloudKey: baicells.NewSecret(env["BAICELLS_CLOUD_KEY"]),
		Username: env["BAICELLS_USERNAME"], Password: baicells.NewSecret(env["BAICELLS_PASSWORD"])},
		baicells.WithBaseURL(env["BAICELLS_BASE_URL"]))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestSandboxStateSurvivesRestart makes state through the SDKs, stops the
// sandbox (which saves it), starts another on the same file and reads the
// state back through the SDKs.
func TestSandboxStateSurvivesRestart(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	file := filepath.Join(t.TempDir(), "state.json")
	_, env, stop := startSandboxWith(t, sandboxConfig{stateFile: file})

	bc := bossClient(t, env)
	if err := bc.Plans.Create(ctx, baicells.Plan{ID: "P25", Name: "25 Mbps", Uplink: 5, Downlink: 25}); err != nil {
		t.Fatal(err)
	}
	if _, err := bc.Subscribers.Reconcile(ctx, baicells.SubscriberReconcileRequest{Profile: baicells.Profile{ID: "kept-1", Name: "Kept"},
		PlanID: "P25", IMSI: "311980000004242", Active: true}); err != nil {
		t.Fatal(err)
	}
	al, err := alianza.New(alianza.Credentials{Username: env["ALIANZA_USERNAME"], Password: alianza.NewSecret(env["ALIANZA_PASSWORD"])},
		alianza.WithBaseURL(env["ALIANZA_BASE_URL"]))
	if err != nil {
		t.Fatal(err)
	}
	acct, err := al.Accounts.Create(ctx, alianza.Account{AccountNumber: "ACC-77", AccountName: "Kept Voice",
		AccountType: alianza.AccountSimple, BillingCycleDay: 1, DialingBehaviorType: alianza.DialTenDigit})
	if err != nil {
		t.Fatal(err)
	}
	oc, err := octane.New(octane.Credentials{Username: env["OCTANE_USERNAME"], Password: octane.NewSecret(env["OCTANE_PASSWORD"])},
		octane.WithSOAPBaseURL(env["OCTANE_SOAP_URL"]), octane.WithRESTBaseURL(env["OCTANE_REST_URL"]),
		octane.WithPollInterval(time.Millisecond, 10*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	pool, err := oc.Pools.Create(ctx, octane.PoolCreateRequest{CustNo: env["OCTANE_CUSTNO"], ProviderPlanID: env["OCTANE_PROVIDER_PLAN"], PoolName: "Kept"})
	if err != nil {
		t.Fatal(err)
	}
	consumer := strings.Split(env["OCTANE_CONSUMERS"], ",")[0]
	if _, err := oc.Pools.Reconcile(ctx, octane.PoolReconcileRequest{Pool: *pool,
		Consumers: []octane.DesiredConsumer{{ServiceNumber: consumer, DataLimit: octane.GB(5)}}}); err != nil {
		t.Fatal(err)
	}

	tc, err := telecloud.New(telecloud.Credentials{APIIDKey: telecloud.NewSecret(env["TELECLOUD_API_ID_KEY"]),
		APIKey: telecloud.NewSecret(env["TELECLOUD_API_KEY"])}, telecloud.WithBaseURL(env["TELECLOUD_BASE_URL"]))
	if err != nil {
		t.Fatal(err)
	}
	cust, err := tc.Customers.Create(ctx, telecloud.CustomerCreateRequest{FirstName: "Kept", LastName: "Customer", Email: "kept@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	ratePlan, err := tc.Plans.Create(ctx, telecloud.PlanCreateRequest{ProductID: telecloudtest.SeedProduct, Name: "Kept rate plan",
		Description: "A rate plan made through the API", RecurringPrice: telecloud.MustMoney("33.00")})
	if err != nil || ratePlan.Plan == nil {
		t.Fatalf("Plans.Create: %+v, %v", ratePlan, err)
	}
	order, err := tc.Orders.Create(ctx, telecloud.OrderCreateRequest{AccountNumber: cust.AccountNumber, RatePlanID: ratePlan.Plan.RatePlanID,
		Vars: telecloud.VarValues{1: "353145418070512", 2: "8901410327181008559"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tc.Orders.Status(ctx, telecloud.OrderStatusRequest{AccountNumber: cust.AccountNumber, OrderNumber: order.Order.OrderNumber}); err != nil {
		t.Fatal(err) // suspended: a state the fresh fake would not have
	}

	if code := stop(); code != exitOK {
		t.Fatalf("first sandbox exit %d", code)
	}
	if fi, err := os.Stat(file); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("state file: %v %v, want mode 0600", fi, err)
	}

	// The -state file wins over -seed once it exists.
	initial, err := startingState(filepath.Join(t.TempDir(), "unused-seed.json"), file)
	if err != nil || initial == nil {
		t.Fatalf("startingState: %v, %v", initial, err)
	}
	_, env, _ = startSandboxWith(t, sandboxConfig{stateFile: file, initial: initial})
	bc = bossClient(t, env)
	sub, err := bc.Subscribers.Get(ctx, "kept-1")
	if err != nil || sub.IMSI != "311980000004242" || sub.PlanID != "P25" || !sub.Active() {
		t.Fatalf("BOSS subscriber after restart: %+v, %v", sub, err)
	}
	al, _ = alianza.New(alianza.Credentials{Username: env["ALIANZA_USERNAME"], Password: alianza.NewSecret(env["ALIANZA_PASSWORD"])},
		alianza.WithBaseURL(env["ALIANZA_BASE_URL"]))
	if got, err := al.Accounts.Get(ctx, acct.ID); err != nil || got.AccountName != "Kept Voice" {
		t.Fatalf("Alianza account after restart: %+v, %v", got, err)
	}
	tc, _ = telecloud.New(telecloud.Credentials{APIIDKey: telecloud.NewSecret(env["TELECLOUD_API_ID_KEY"]),
		APIKey: telecloud.NewSecret(env["TELECLOUD_API_KEY"])}, telecloud.WithBaseURL(env["TELECLOUD_BASE_URL"]))
	found, err := tc.Customers.Search(ctx, telecloud.CustomerSearchRequest{AccountNumber: cust.AccountNumber})
	if err != nil || len(found.Customers) != 1 || found.Customers[0].FirstName != "Kept" {
		t.Fatalf("TeleCloud customer after restart: %+v, %v", found, err)
	}
	orders, err := tc.Orders.Search(ctx, telecloud.OrderSearchRequest{AccountNumber: cust.AccountNumber})
	if err != nil || len(orders.Orders) != 1 || orders.Orders[0].OrderNumber != order.Order.OrderNumber || orders.Orders[0].Status != telecloud.OrderSuspended {
		t.Fatalf("TeleCloud order after restart: %+v, %v; want %s SUSPENDED", orders, err, order.Order.OrderNumber)
	}
	if got := orders.Orders[0].Product.Plan.RatePlanID; got != ratePlan.Plan.RatePlanID {
		t.Errorf("the restored order is on rate plan %s, want the one made through the API, %s", got, ratePlan.Plan.RatePlanID)
	}
	oc, _ = octane.New(octane.Credentials{Username: env["OCTANE_USERNAME"], Password: octane.NewSecret(env["OCTANE_PASSWORD"])},
		octane.WithSOAPBaseURL(env["OCTANE_SOAP_URL"]), octane.WithRESTBaseURL(env["OCTANE_REST_URL"]),
		octane.WithPollInterval(time.Millisecond, 10*time.Millisecond))
	// The same desired state plans no action: the pool, its consumer and
	// the limit came back.
	plan, err := oc.Pools.Plan(ctx, octane.PoolReconcileRequest{Pool: *pool,
		Consumers: []octane.DesiredConsumer{{ServiceNumber: consumer, DataLimit: octane.GB(5)}}})
	if err != nil || len(plan.Actions) != 0 {
		t.Fatalf("Octane pool after restart: plan %+v, %v; want no action", plan, err)
	}
}

// TestStartingState: no file yet under -state falls back to -seed.
func TestStartingState(t *testing.T) {
	dir := t.TempDir()
	seed := filepath.Join(dir, "seed.json")
	if err := os.WriteFile(seed, []byte(`{"baicells":{"plans":[{"ID":"P1","Name":"One"}]}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := startingState(seed, filepath.Join(dir, "state.json"))
	if err != nil || s == nil || s.Baicells == nil || len(s.Baicells.Plans) != 1 {
		t.Fatalf("startingState = %+v, %v; want the seed", s, err)
	}
	if s, err := startingState("", ""); s != nil || err != nil {
		t.Errorf("no files: %+v, %v", s, err)
	}
}

// TestSandboxSeedAndReset starts from a seed file; a reset from the console
// returns to it, not to an empty fake.
func TestSandboxSeedAndReset(t *testing.T) {
	ctx := context.Background()
	seed := &snapshot{Baicells: &baicellsState{Subscribers: []baicellstest.Subscriber{{ID: "seeded-1", Name: "Seeded", IMSI: "311980000005151"}}}}
	root, env, _ := startSandboxWith(t, sandboxConfig{initial: seed})
	bc := bossClient(t, env)
	if _, err := bc.Subscribers.Get(ctx, "seeded-1"); err != nil {
		t.Fatalf("seeded subscriber: %v", err)
	}
	if err := bc.Subscribers.Delete(ctx, "seeded-1"); err != nil {
		t.Fatal(err)
	}
	post(t, root, "/console/baicells/reset", nil)
	if _, err := bc.Subscribers.Get(ctx, "seeded-1"); err != nil {
		t.Fatalf("after reset: %v, want the seeded subscriber back", err)
	}
}

// TestSandboxBadStartingState: a seed that the fakes refuse (two pools on
// one service number) ends the command with a clear error, and a malformed
// file too.
func TestSandboxBadStartingState(t *testing.T) {
	dir := t.TempDir()
	conflict := filepath.Join(dir, "conflict.json")
	if err := os.WriteFile(conflict, []byte(`{"octane":{"pools":[{"ServiceNumber":"0491000001"},{"ServiceNumber":"0491000001"}]}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"baicells":`), 0o600); err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{conflict: "in use", bad: "bad.json", filepath.Join(dir, "none.json"): "no such file"} {
		var out strings.Builder
		code := run(context.Background(), []string{"sandbox", "-addr", "127.0.0.1:0", "-seed", file}, &out, &out)
		if code != exitFail || !strings.Contains(out.String(), want) {
			t.Errorf("-seed %s: exit %d, %q; want exit %d and %q", filepath.Base(file), code, out.String(), exitFail, want)
		}
	}
}

// TestRestorableTeleCloud: a rate plan on a product a fresh fake lacks is
// not saved (it could not be taken back), nor the orders on it, nor an
// add-on on those.
func TestRestorableTeleCloud(t *testing.T) {
	plans := []telecloudtest.RatePlan{
		{ID: "60001", CloudAccount: telecloudtest.SeedVARAccount, ProductID: telecloudtest.SeedProduct, Name: "Kept plan"},
		{ID: "60002", CloudAccount: telecloudtest.SeedVARAccount, ProductID: "99999", Name: "On a product made through the API"},
	}
	customers := []telecloudtest.Customer{{AccountNumber: "7200001", FirstName: "A", LastName: "B"}}
	orders := []telecloudtest.Order{
		{Number: "9001A9001", AccountNumber: "7200001", RatePlanID: "60001"},
		{Number: "9002B9002", AccountNumber: "7200001", RatePlanID: "60002"},
		{Number: "9003C9003", AccountNumber: "7200001", RatePlanID: "60001", Parent: "9002B9002"},
		{Number: "9004D9004", AccountNumber: "7200001", RatePlanID: telecloudtest.SeedRatePlan, Parent: "9001A9001"},
	}
	got := restorableTeleCloud(plans, customers, orders)
	var ids []string
	for _, rp := range got.RatePlans {
		ids = append(ids, rp.ID)
	}
	for _, o := range got.Orders {
		ids = append(ids, o.Number)
	}
	if strings.Join(ids, ",") != "60001,9001A9001,9004D9004" || len(got.Customers) != 1 {
		t.Errorf("restorableTeleCloud kept %v and %d customers, want [60001 9001A9001 9004D9004] and 1", ids, len(got.Customers))
	}
}
