// Command ispkit is the command-line companion of the ispkit SDKs.
//
//	ispkit sandbox [flags]          serve in-memory fakes of all four vendors
//	ispkit check [flags] <vendor>   check the SDK's wire assumptions against an account
//
// Install it with
//
//	go install github.com/ispkit/ispkit/cmd/ispkit@latest
//
// or run it from a checkout with go run ./cmd/ispkit. Every subcommand
// prints its flags with -h. Exit codes: 0 success, 1 failure, 2 usage error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// command is one subcommand.
type command struct {
	name, summary string
	run           func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"sandbox", "serve in-memory fakes of Baicells BOSS, TeleCloud, Alianza and Octane", runSandbox},
		{"check", "check the SDK's wire assumptions against your account (shapes only)", runCheckCommand},
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: ispkit <command> [flags]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, `Run "ispkit <command> -h" for a command's flags.`)
}

// run is main without the process: it returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "ispkit: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitUsage
}

// newFlagSet returns a subcommand's flag set whose -h prints usage, the
// description lines and the flags.
func newFlagSet(name string, stderr io.Writer, usage string, description ...string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), usage)
		fmt.Fprintln(fs.Output())
		for _, l := range description {
			fmt.Fprintln(fs.Output(), l)
		}
		fmt.Fprintln(fs.Output())
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args; when it returns !ok the command ends with code
// (0 after -h, 2 for a usage error).
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	return 0, true
}
