package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/baicells/baicellstest"
)

// Real BOSS credentials; when any is missing the flow runs against an
// in-process baicellstest server.
const (
	envBaicellsBaseURL  = "BAICELLS_BASE_URL"
	envBaicellsCloudKey = "BAICELLS_CLOUD_KEY"
	envBaicellsUsername = "BAICELLS_USERNAME"
	envBaicellsPassword = "BAICELLS_PASSWORD"
)

func baicellsClient(p *printer) (*baicells.Client, func(), error) {
	creds := baicells.Credentials{
		CloudKey: baicells.NewSecret(os.Getenv(envBaicellsCloudKey)),
		Username: os.Getenv(envBaicellsUsername),
		Password: baicells.NewSecret(os.Getenv(envBaicellsPassword)),
	}
	base := os.Getenv(envBaicellsBaseURL)
	if base != "" && !creds.CloudKey.IsZero() && creds.Username != "" && !creds.Password.IsZero() {
		p.note("using BOSS at %s (from %s)", base, envBaicellsBaseURL)
		c, err := baicells.New(creds, baicells.WithBaseURL(base), baicells.WithUserAgent("ispkit-quickstart"))
		return c, func() {}, err
	}
	srv := baicellstest.NewServer()
	p.note("using an in-memory BOSS (set %s, %s, %s and %s for a real one)",
		envBaicellsBaseURL, envBaicellsCloudKey, envBaicellsUsername, envBaicellsPassword)
	return srv.Client(baicells.WithUserAgent("ispkit-quickstart")), srv.Close, nil
}

// runBaicells: create a plan and a subscriber, bind, activate, change speed,
// query, bulk create 500, reconcile an IMSI change, deactivate, delete.
func runBaicells(ctx context.Context, p *printer) error {
	c, done, err := baicellsClient(p)
	if err != nil {
		return err
	}
	defer done()

	// Ids unique per run, so that the flow can run against a real BOSS
	// repeatedly; IMSIs in the 001/01 test network.
	run := time.Now().Unix() % 100000
	planID := fmt.Sprintf("ispkit-demo-%d", run)
	subID := fmt.Sprintf("ispkit-demo-%d-1", run)
	imsi := fmt.Sprintf("00101%05d00001", run)
	newIMSI := fmt.Sprintf("00101%05d00002", run)

	plan := baicells.Plan{ID: planID, Name: "Demo 25/5", Uplink: 5, Downlink: 25, Comments: "ispkit quickstart"}
	steps := []struct {
		name string
		fn   func() (string, error)
	}{
		{"create plan", func() (string, error) {
			acts, err := c.Plans.Ensure(ctx, plan)
			return fmt.Sprintf("%s %d/%d MB %v", plan.ID, plan.Uplink, plan.Downlink, acts), err
		}},
		{"create subscriber", func() (string, error) {
			return subID, c.Subscribers.Create(ctx, baicells.Profile{ID: subID, Name: "Ada Lovelace", Email: "ada@example.net", Phone: "5550100"})
		}},
		{"bind plan", func() (string, error) { return planID, c.Subscribers.BindPlan(ctx, subID, planID) }},
		{"bind IMSI", func() (string, error) { return imsi, c.Subscribers.BindIMSI(ctx, subID, imsi) }},
		{"activate", func() (string, error) { return "", c.Subscribers.Activate(ctx, subID) }},
		{"change speed", func() (string, error) {
			return "10/50 MB", c.Subscribers.ChangeSpeed(ctx, subID, baicells.Speed{Uplink: 10, Downlink: 50})
		}},
		{"query subscriber", func() (string, error) {
			s, err := c.Subscribers.Get(ctx, subID)
			if err != nil {
				return "", err
			}
			return fmt.Sprintf("%s %q IMSI %s plan %s %s, %d/%d MB", s.ID, s.Name, s.IMSI, s.PlanID, s.Status, s.UplinkRate, s.DownlinkRate), nil
		}},
		{"query by IMSI", func() (string, error) {
			q, err := c.Subscribers.QueryByIMSI(ctx, imsi)
			if err != nil || q.Subscriber == nil {
				return "", errors.Join(err, errors.New("IMSI not reported bound"))
			}
			return fmt.Sprintf("held by %s (available: %t)", q.Subscriber.ID, q.Available), nil
		}},
		{"bulk create 500", func() (string, error) {
			subs := make([]baicells.SubscriberCreateRequest, 500)
			for i := range subs {
				subs[i] = baicells.SubscriberCreateRequest{
					Profile: baicells.Profile{ID: fmt.Sprintf("%s-bulk-%03d", planID, i), Name: fmt.Sprintf("Bulk %d", i)},
					IMSI:    fmt.Sprintf("00101%05d1%04d", run, i),
				}
			}
			res, err := c.Subscribers.BulkCreate(ctx, subs, &baicells.BulkOptions{PlanID: planID})
			if res == nil {
				return "", err
			}
			return fmt.Sprintf("%d created, %d failed, in %d calls", len(res.Created), len(res.Failed), res.Batches), err
		}},
		{"reconcile a changed IMSI", func() (string, error) {
			acts, err := c.Subscribers.Reconcile(ctx, baicells.SubscriberReconcileRequest{
				Profile: baicells.Profile{ID: subID}, PlanID: planID, IMSI: newIMSI, Active: true,
			})
			return fmt.Sprint(acts), err
		}},
		{"reconcile again", func() (string, error) {
			acts, err := c.Subscribers.Reconcile(ctx, baicells.SubscriberReconcileRequest{
				Profile: baicells.Profile{ID: subID}, PlanID: planID, IMSI: newIMSI, Active: true,
			})
			return fmt.Sprintf("%d actions", len(acts)), err
		}},
		{"unbind while active is refused", func() (string, error) {
			err := c.Subscribers.UnbindIMSI(ctx, subID)
			if !errors.Is(err, baicells.ErrMustDeactivate) {
				return "", fmt.Errorf("expected ErrMustDeactivate, got %v", err)
			}
			return firstLine(err.Error()), nil
		}},
		{"deactivate", func() (string, error) { return "", c.Subscribers.Deactivate(ctx, subID) }},
		{"delete", func() (string, error) { return subID, c.Subscribers.Delete(ctx, subID) }},
		{"delete the bulk subscribers", func() (string, error) {
			var errs []error
			for i := 0; i < 500; i++ {
				if err := c.Subscribers.Delete(ctx, fmt.Sprintf("%s-bulk-%03d", planID, i)); err != nil && !errors.Is(err, baicells.ErrSubscriberNotFound) {
					errs = append(errs, err)
				}
			}
			return fmt.Sprintf("%d failures", len(errs)), errors.Join(errs...)
		}},
		{"subscriber is gone", func() (string, error) {
			_, err := c.Subscribers.Get(ctx, subID)
			if !errors.Is(err, baicells.ErrSubscriberNotFound) {
				return "", fmt.Errorf("expected ErrSubscriberNotFound, got %v", err)
			}
			return "ErrSubscriberNotFound", nil
		}},
	}
	for _, s := range steps {
		if err := p.step(s.name, s.fn); err != nil {
			return err
		}
	}
	return nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
