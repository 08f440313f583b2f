package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/ispkit/ispkit/alianza/alianzatest"
	"github.com/ispkit/ispkit/baicells/baicellstest"
	"github.com/ispkit/ispkit/octane/octanetest"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

// defaultSandboxAddr is where the sandbox listens unless -addr says
// otherwise: loopback only, so a team machine does not share it by accident.
const defaultSandboxAddr = "127.0.0.1:8722"

// The path prefix of each vendor under the sandbox's one address. Each fake
// sees the path with its prefix removed, so its own routes are unchanged.
const (
	prefixBaicells  = "/baicells"
	prefixTeleCloud = "/telecloud"
	prefixAlianza   = "/alianza"
	prefixOctane    = "/octane"
)

// fakeSet is the four fakes of a sandbox at one moment; reset replaces one.
type fakeSet struct {
	baicells  *baicellstest.Server
	telecloud *telecloudtest.Server
	alianza   *alianzatest.Server
	octane    *octanetest.Server
}

// The pool the sandbox seeds for Octane, and its consumer (neither is one
// the quickstart moves).
const (
	sandboxPool         = "0412999000"
	sandboxPoolConsumer = "0412000099"
)

// sandbox is the four fakes behind one handler, with the console.
type sandbox struct {
	root string
	mu   sync.Mutex
	set  fakeSet
	// octaneConsumers are the consumer services seeded for the quickstart's
	// Octane flow.
	octaneConsumers []string
	// initial is the state every fake starts from and a reset returns to:
	// the -state file's, the -seed file's, or nil for the fakes' own.
	initial *snapshot
	log     requestLog
	mux     *http.ServeMux
}

// newSandbox builds the fakes for a sandbox reached at root (scheme, host
// and port, no trailing slash), starting from initial (nil: the fakes' own
// starting state and the quickstart's three Octane services).
func newSandbox(root string, initial *snapshot) (*sandbox, error) {
	sb := &sandbox{root: root, initial: initial}
	for i := 1; i <= 3; i++ {
		sb.octaneConsumers = append(sb.octaneConsumers, fmt.Sprintf("04120000%02d", i))
	}
	for _, v := range vendorKeys {
		set, err := sb.fresh(v, sb.set)
		if err != nil {
			return nil, err
		}
		sb.set = set
	}
	sb.mux = http.NewServeMux()
	for _, v := range vendorKeys {
		prefix := "/" + v
		sb.mux.Handle(prefix+"/", http.StripPrefix(prefix, sb.api(v)))
	}
	sb.mux.HandleFunc("GET /{$}", sb.console)
	sb.mux.HandleFunc("POST /console/{vendor}/{action}", sb.action)
	return sb, nil
}

// vendorKeys are the vendors' path prefixes, without the slash, in the
// order the console shows them.
var vendorKeys = []string{"baicells", "telecloud", "alianza", "octane"}

func (sb *sandbox) known(vendor string) bool {
	for _, v := range vendorKeys {
		if v == vendor {
			return true
		}
	}
	return false
}

// fresh returns set with the vendor's fake replaced by a new one in the
// sandbox's starting state.
func (sb *sandbox) fresh(vendor string, set fakeSet) (fakeSet, error) {
	switch vendor {
	case "baicells":
		set.baicells = baicellstest.NewHandler()
		set.baicells.URL = sb.root + prefixBaicells
	case "telecloud":
		set.telecloud = telecloudtest.NewHandler()
		set.telecloud.URL = sb.root + prefixTeleCloud
	case "alianza":
		set.alianza = alianzatest.NewHandler()
		set.alianza.URL = sb.root + prefixAlianza
	case "octane":
		set.octane = octanetest.NewHandler()
		set.octane.URL = sb.root + prefixOctane
		if sb.initial == nil || sb.initial.Octane == nil {
			// The quickstart's Octane flow moves three existing services
			// between pools; a real account has them, so the sandbox
			// seeds them. A real account has a pool too, with a consumer
			// of its own: ispkit check reads it (OCTANE_POOL).
			for _, sn := range append(sb.octaneConsumers, sandboxPoolConsumer) {
				set.octane.SeedService(octanetest.Service{CustNo: octanetest.DefaultCustNo, ServiceNumber: sn, PlanNo: octanetest.DefaultConsumerPlan})
			}
			set.octane.SeedPool(octanetest.Pool{CustNo: octanetest.DefaultCustNo, ServiceNumber: sandboxPool,
				PlanNo: octanetest.DefaultProviderPlan, Name: "Sandbox pool", Consumers: []string{sandboxPoolConsumer}})
		}
	}
	if sb.initial != nil {
		if err := seedVendor(vendor, set, sb.initial); err != nil {
			return set, err
		}
	}
	return set, nil
}

// fakes returns the current fakes.
func (sb *sandbox) fakes() fakeSet {
	sb.mu.Lock()
	defer sb.mu.Unlock()
	return sb.set
}

// reset puts one vendor back in its starting state. Requests in flight
// finish against the old fake.
func (sb *sandbox) reset(vendor string) {
	sb.mu.Lock()
	old := sb.set
	// The starting state loaded once already, so it loads again.
	sb.set, _ = sb.fresh(vendor, sb.set)
	sb.mu.Unlock()
	old.get(vendor).Close()
}

// fake is what the sandbox does with any vendor's fake alike.
type fake interface {
	http.Handler
	Close()
	ClearFaults()
}

// get returns the vendor's fake.
func (set fakeSet) get(vendor string) fake {
	switch vendor {
	case "baicells":
		return set.baicells
	case "telecloud":
		return set.telecloud
	case "alianza":
		return set.alianza
	default:
		return set.octane
	}
}

// api serves one vendor's API from its current fake and logs each request.
func (sb *sandbox) api(vendor string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := sb.fakes().get(vendor)
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			// A dropped connection (a fault) answers nothing: status 0.
			sb.log.add(logEntry{Time: start, Vendor: vendor, Method: r.Method, Path: "/" + vendor + r.URL.Path,
				Status: sw.status, Duration: time.Since(start)})
		}()
		h.ServeHTTP(sw, r)
	})
}

func (sb *sandbox) ServeHTTP(w http.ResponseWriter, r *http.Request) { sb.mux.ServeHTTP(w, r) }

// Close ends any injected latency still sleeping in the fakes.
func (sb *sandbox) Close() {
	f := sb.fakes()
	for _, v := range vendorKeys {
		f.get(v).Close()
	}
}

// envVar is one environment variable the quickstart (and the vendors'
// examples) read.
type envVar struct{ Name, Value string }

// vendorInfo is what a user needs to point an SDK client at one fake.
type vendorInfo struct {
	Key  string
	Name string
	Env  []envVar
}

// vendors lists, per vendor, the environment the quickstart reads to use
// the sandbox instead of its built-in fakes.
func (sb *sandbox) vendors() []vendorInfo {
	f := sb.fakes()
	out := []vendorInfo{
		{"baicells", "Baicells BOSS", []envVar{
			{"BAICELLS_BASE_URL", f.baicells.BaseURL()},
			{"BAICELLS_CLOUD_KEY", baicellstest.DefaultCloudKey},
			{"BAICELLS_USERNAME", baicellstest.DefaultUsername},
			{"BAICELLS_PASSWORD", baicellstest.DefaultPassword},
		}},
		{"telecloud", "TeleCloud", []envVar{
			{"TELECLOUD_BASE_URL", f.telecloud.BaseURL()},
			{"TELECLOUD_API_ID_KEY", telecloudtest.DefaultAPIIDKey},
			{"TELECLOUD_API_KEY", telecloudtest.DefaultAPIKey},
		}},
		{"alianza", "Alianza", []envVar{
			{"ALIANZA_BASE_URL", f.alianza.BaseURL()},
			{"ALIANZA_USERNAME", alianzatest.DefaultUsername},
			{"ALIANZA_PASSWORD", alianzatest.DefaultPassword},
		}},
		{"octane", "Octane", []envVar{
			{"OCTANE_SOAP_URL", f.octane.SOAPBaseURL()},
			{"OCTANE_REST_URL", f.octane.RESTBaseURL()},
			{"OCTANE_USERNAME", octanetest.DefaultUsername},
			{"OCTANE_PASSWORD", octanetest.DefaultPassword},
			{"OCTANE_CUSTNO", octanetest.DefaultCustNo},
			{"OCTANE_PROVIDER_PLAN", octanetest.DefaultProviderPlan},
			{"OCTANE_CONSUMERS", strings.Join(sb.octaneConsumers, ",")},
		}},
	}
	// ispkit check's pool reads: the first pool the sandbox holds.
	if pools := f.octane.Pools(); len(pools) > 0 {
		v := &out[len(out)-1]
		v.Env = append(v.Env, envVar{"OCTANE_POOL", pools[0].ServiceNumber})
	}
	return out
}

// isLoopback reports whether a listen address's host only accepts
// connections from this machine. An empty host or an unspecified address
// (0.0.0.0, ::) listens on every interface.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func runSandbox(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("ispkit sandbox", stderr, "usage: ispkit sandbox [flags]",
		"Serves in-memory fakes of Baicells BOSS, TeleCloud, Alianza and Octane on one",
		"address, each under its own path prefix (/baicells, /telecloud, /alianza,",
		"/octane), and prints the environment the quickstart reads to use them.",
		"State is in memory; -seed starts it from a file, -state keeps it across",
		"restarts (TeleCloud: its customers only). It listens on loopback unless",
		"-allow-remote is given.")
	addr := fs.String("addr", defaultSandboxAddr, "`host:port` to listen on (port 0 picks a free port)")
	allowRemote := fs.Bool("allow-remote", false, "allow an -addr that is reachable from other machines")
	seedFile := fs.String("seed", "", "JSON `file` of the starting state (BOSS plans and subscribers, TeleCloud customers, Alianza accounts, users and SIP lines, Octane pools and services)")
	stateFile := fs.String("state", "", "JSON `file` the state is saved to on shutdown and restored from on start (when it exists, it is used instead of -seed)")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "ispkit sandbox: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		fmt.Fprintf(stderr, "ispkit sandbox: -addr %q: %v\n", *addr, err)
		return exitUsage
	}
	if !isLoopback(host) && !*allowRemote {
		fmt.Fprintf(stderr, "ispkit sandbox: -addr %q is reachable from other machines; add -allow-remote to mean it\n", *addr)
		return exitUsage
	}
	initial, err := startingState(*seedFile, *stateFile)
	if err != nil {
		fmt.Fprintf(stderr, "ispkit sandbox: %v\n", err)
		return exitFail
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "ispkit sandbox: %v\n", err)
		return exitFail
	}
	return serveSandbox(ctx, ln, sandboxConfig{initial: initial, stateFile: *stateFile}, stdout, stderr)
}

// startingState is the state the sandbox starts from: the -state file's
// when it exists, else the -seed file's, else nil (the fakes' own).
func startingState(seedFile, stateFile string) (*snapshot, error) {
	if stateFile != "" {
		s, err := readSnapshot(stateFile, true)
		if err != nil || s != nil {
			if err != nil {
				err = fmt.Errorf("-state: %w", err)
			}
			return s, err
		}
	}
	if seedFile != "" {
		s, err := readSnapshot(seedFile, false)
		if err != nil {
			return nil, fmt.Errorf("-seed: %w", err)
		}
		return s, nil
	}
	return nil, nil
}

// sandboxConfig is what serveSandbox needs beyond the listener.
type sandboxConfig struct {
	initial   *snapshot
	stateFile string // "": the state is not saved
}

// serveSandbox serves on ln until ctx ends.
func serveSandbox(ctx context.Context, ln net.Listener, cfg sandboxConfig, stdout, stderr io.Writer) int {
	root := "http://" + ln.Addr().String()
	sb, err := newSandbox(root, cfg.initial)
	if err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "ispkit sandbox: the starting state: %v\n", err)
		return exitFail
	}
	defer sb.Close()
	srv := &http.Server{Handler: sb, ReadHeaderTimeout: 10 * time.Second}

	fmt.Fprintf(stdout, "ispkit sandbox: serving on %s (console: %s/)\n", root, root)
	fmt.Fprintln(stdout, "# the quickstart uses the sandbox with this environment:")
	for _, v := range sb.vendors() {
		for _, e := range v.Env {
			fmt.Fprintf(stdout, "export %s=%s\n", e.Name, e.Value)
		}
	}

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		fmt.Fprintf(stderr, "ispkit sandbox: %v\n", err)
		return exitFail
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		fmt.Fprintf(stderr, "ispkit sandbox: shutdown: %v\n", err)
		return exitFail
	}
	if cfg.stateFile != "" {
		if err := writeSnapshot(cfg.stateFile, sb.snapshotOf()); err != nil {
			fmt.Fprintf(stderr, "ispkit sandbox: saving the state: %v\n", err)
			return exitFail
		}
		fmt.Fprintf(stdout, "ispkit sandbox: state saved to %s\n", cfg.stateFile)
	}
	return exitOK
}
