// Command quickstart runs each vendor's main flow end to end and prints every
// step. Without credentials in the environment it runs against the in-memory
// fakes of the suite, so it works on any machine with Go:
//
//	go run ./examples/quickstart
//
// With credentials (see each flow's file for the variables) it talks to the
// real service. Flags select flows: go run ./examples/quickstart baicells
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"time"
)

// flow is one vendor's walk-through. It returns an error to stop the program.
type flow struct {
	name string // selects it on the command line
	desc string
	run  func(ctx context.Context, p *printer) error
}

// flows grows as vendor packages land.
var flows = []flow{
	{name: "baicells", desc: "Baicells BOSS: LTE subscribers", run: runBaicells},
	{name: "alianza", desc: "Alianza: cloud voice accounts and SIP lines", run: runAlianza},
	{name: "octane", desc: "Telcoinabox Octane: mobile data pools", run: runOctane},
	{name: "telecloud", desc: "TeleCloud.app: MVNO customers, orders and tickets", run: runTeleCloud},
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	selected := map[string]bool{}
	for _, a := range os.Args[1:] {
		selected[strings.ToLower(a)] = true
	}
	p := &printer{}
	failed := false
	for _, f := range flows {
		if len(selected) > 0 && !selected[f.name] {
			continue
		}
		p.title(f.desc)
		if err := f.run(ctx, p); err != nil {
			fmt.Fprintf(os.Stderr, "\n%s flow failed: %v\n", f.name, err)
			failed = true
		}
	}
	if failed {
		os.Exit(1)
	}
}

// printer writes the steps of a flow.
type printer struct{}

func (p *printer) title(s string) {
	fmt.Printf("\n== %s ==\n", s)
}

func (p *printer) note(format string, args ...any) {
	fmt.Printf("   %s\n", fmt.Sprintf(format, args...))
}

// step runs one step, timing it and printing its outcome.
func (p *printer) step(name string, fn func() (string, error)) error {
	start := time.Now()
	detail, err := fn()
	d := time.Since(start).Round(100 * time.Microsecond)
	if err != nil {
		fmt.Printf(" ✗ %-34s %v\n", name, err)
		return fmt.Errorf("%s: %w", name, err)
	}
	if detail != "" {
		detail = "  " + detail
	}
	fmt.Printf(" ✓ %-34s%s  (%s)\n", name, detail, d)
	return nil
}
