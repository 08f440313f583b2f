package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/baicells/baicellstest"
)

// TestDemoSync runs the built-in two days of changes against the in-memory
// BOSS: day 2 applies the Powercode actions, the repeat of day 2 makes none,
// and BOSS ends in the billing system's state.
func TestDemoSync(t *testing.T) {
	srv := baicellstest.NewServer()
	defer srv.Close()
	c, err := baicells.New(baicells.Credentials{
		CloudKey: baicells.NewSecret(baicellstest.DefaultCloudKey), Username: baicellstest.DefaultUsername,
		Password: baicells.NewSecret(baicellstest.DefaultPassword),
	}, baicells.WithBaseURL(srv.BaseURL()))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run(context.Background(), c, [][]customer{demoDay1, demoDay2, demoDay2}, &out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if strings.Contains(text, "error:") {
		t.Fatalf("a reconcile failed:\n%s", text)
	}
	_, third, ok := strings.Cut(text, "-- sync 3 --")
	if !ok || strings.Count(third, "in sync") != len(demoDay2) {
		t.Fatalf("the repeated sync should find everything in sync:\n%s", text)
	}
	ada, _ := srv.Subscriber("C-1001")
	if ada.PlanID != "BIZ-100" || ada.IMSI != "001010000001011" || !ada.Active || ada.Email != "ada@example.org" {
		t.Errorf("C-1001 = %+v", ada)
	}
	if grace, _ := srv.Subscriber("C-1002"); !grace.Active || grace.IMSI != "001010000001002" {
		t.Errorf("C-1002 = %+v", grace)
	}
	if _, exists := srv.Subscriber("C-1003"); exists {
		t.Error("C-1003 should be deleted")
	}
}
