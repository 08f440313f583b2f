package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/baicells/baicellstest"
)

// TestDemoMirror runs the built-in export against yesterday's in-memory
// BOSS: the dry run writes nothing, the run applies it (the CPE swap of
// C-1001 and C-1002 included), and a second run finds everything in sync.
func TestDemoMirror(t *testing.T) {
	srv := demoServer()
	defer srv.Close()
	c, err := baicells.New(baicells.Credentials{
		CloudKey: baicells.NewSecret(baicellstest.DefaultCloudKey), Username: baicellstest.DefaultUsername,
		Password: baicells.NewSecret(baicellstest.DefaultPassword),
	}, baicells.WithBaseURL(srv.BaseURL()))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := readExport(strings.NewReader(demoExport))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	mirror := func(dry bool) string {
		var out bytes.Buffer
		if err := run(ctx, c, rows, &baicells.MirrorOptions{DryRun: dry}, &out); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out.String(), "failed:") {
			t.Fatalf("a customer failed:\n%s", out.String())
		}
		return out.String()
	}
	if out := mirror(true); !strings.Contains(out, "summary (dry run, nothing written)") || !strings.Contains(out, "0 writes") {
		t.Fatalf("dry run:\n%s", out)
	}
	if ada, _ := srv.Subscriber("C-1001"); ada.IMSI != "001010000001001" {
		t.Fatalf("the dry run changed C-1001: %+v", ada)
	}
	mirror(false)
	if out := mirror(false); !strings.Contains(out, "7 unchanged") || !strings.Contains(out, "0 writes") {
		t.Fatalf("the repeated mirror should find everything in sync:\n%s", out)
	}
	ada, _ := srv.Subscriber("C-1001")
	if ada.PlanID != "BIZ-100" || ada.IMSI != "001010000001002" || !ada.Active || ada.Email != "ada@example.org" {
		t.Errorf("C-1001 = %+v", ada)
	}
	if grace, _ := srv.Subscriber("C-1002"); !grace.Active || grace.IMSI != "001010000001001" {
		t.Errorf("C-1002 = %+v", grace)
	}
	if e, _ := srv.Subscriber("C-1004"); e.Active {
		t.Errorf("C-1004 should be suspended: %+v", e)
	}
	if _, exists := srv.Subscriber("C-1003"); exists {
		t.Error("C-1003 should be deleted")
	}
}
