package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"html/template"
	"io"
	"net"
	"net/http"
	"strings"
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

// sandbox is the four fakes behind one handler.
type sandbox struct {
	baicells  *baicellstest.Server
	telecloud *telecloudtest.Server
	alianza   *alianzatest.Server
	octane    *octanetest.Server
	// octaneConsumers are the consumer services seeded for the quickstart's
	// Octane flow.
	octaneConsumers []string
	mux             *http.ServeMux
}

// newSandbox builds the fakes for a sandbox reached at root (scheme, host
// and port, no trailing slash).
func newSandbox(root string) *sandbox {
	sb := &sandbox{
		baicells:  baicellstest.NewHandler(),
		telecloud: telecloudtest.NewHandler(),
		alianza:   alianzatest.NewHandler(),
		octane:    octanetest.NewHandler(),
	}
	sb.baicells.URL = root + prefixBaicells
	sb.telecloud.URL = root + prefixTeleCloud
	sb.alianza.URL = root + prefixAlianza
	sb.octane.URL = root + prefixOctane
	// The quickstart's Octane flow moves three existing services between
	// pools; the real account has them, so the sandbox seeds them.
	for i := 1; i <= 3; i++ {
		sn := fmt.Sprintf("04120000%02d", i)
		sb.octane.SeedService(octanetest.Service{CustNo: octanetest.DefaultCustNo, ServiceNumber: sn, PlanNo: octanetest.DefaultConsumerPlan})
		sb.octaneConsumers = append(sb.octaneConsumers, sn)
	}
	sb.mux = http.NewServeMux()
	sb.mux.Handle(prefixBaicells+"/", http.StripPrefix(prefixBaicells, sb.baicells))
	sb.mux.Handle(prefixTeleCloud+"/", http.StripPrefix(prefixTeleCloud, sb.telecloud))
	sb.mux.Handle(prefixAlianza+"/", http.StripPrefix(prefixAlianza, sb.alianza))
	sb.mux.Handle(prefixOctane+"/", http.StripPrefix(prefixOctane, sb.octane))
	sb.mux.HandleFunc("/{$}", sb.index)
	return sb
}

func (sb *sandbox) ServeHTTP(w http.ResponseWriter, r *http.Request) { sb.mux.ServeHTTP(w, r) }

// Close ends any injected latency still sleeping in the fakes.
func (sb *sandbox) Close() {
	sb.baicells.Close()
	sb.telecloud.Close()
	sb.alianza.Close()
	sb.octane.Close()
}

// envVar is one environment variable the quickstart (and the vendors'
// examples) read.
type envVar struct{ Name, Value string }

// vendorInfo is what a user needs to point an SDK client at one fake.
type vendorInfo struct {
	Name string
	Env  []envVar
}

// vendors lists, per vendor, the environment the quickstart reads to use
// the sandbox instead of its built-in fakes.
func (sb *sandbox) vendors() []vendorInfo {
	return []vendorInfo{
		{"Baicells BOSS", []envVar{
			{"BAICELLS_BASE_URL", sb.baicells.BaseURL()},
			{"BAICELLS_CLOUD_KEY", baicellstest.DefaultCloudKey},
			{"BAICELLS_USERNAME", baicellstest.DefaultUsername},
			{"BAICELLS_PASSWORD", baicellstest.DefaultPassword},
		}},
		{"TeleCloud", []envVar{
			{"TELECLOUD_BASE_URL", sb.telecloud.BaseURL()},
			{"TELECLOUD_API_ID_KEY", telecloudtest.DefaultAPIIDKey},
			{"TELECLOUD_API_KEY", telecloudtest.DefaultAPIKey},
		}},
		{"Alianza", []envVar{
			{"ALIANZA_BASE_URL", sb.alianza.BaseURL()},
			{"ALIANZA_USERNAME", alianzatest.DefaultUsername},
			{"ALIANZA_PASSWORD", alianzatest.DefaultPassword},
		}},
		{"Octane", []envVar{
			{"OCTANE_SOAP_URL", sb.octane.SOAPBaseURL()},
			{"OCTANE_REST_URL", sb.octane.RESTBaseURL()},
			{"OCTANE_USERNAME", octanetest.DefaultUsername},
			{"OCTANE_PASSWORD", octanetest.DefaultPassword},
			{"OCTANE_CUSTNO", octanetest.DefaultCustNo},
			{"OCTANE_PROVIDER_PLAN", octanetest.DefaultProviderPlan},
			{"OCTANE_CONSUMERS", strings.Join(sb.octaneConsumers, ",")},
		}},
	}
}

var indexPage = template.Must(template.New("index").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ispkit sandbox</title></head>
<body>
<h1>ispkit sandbox</h1>
<p>In-memory fakes of four vendors. The credentials below are the fakes' own
test values, not secrets.</p>
{{range .}}<section>
<h2>{{.Name}}</h2>
<table>{{range .Env}}
<tr><th scope="row"><code>{{.Name}}</code></th><td><code>{{.Value}}</code></td></tr>{{end}}
</table>
</section>
{{end}}</body></html>
`))

func (sb *sandbox) index(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_ = indexPage.Execute(w, sb.vendors())
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
	fs := flag.NewFlagSet("ispkit sandbox", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", defaultSandboxAddr, "`host:port` to listen on (port 0 picks a free port)")
	allowRemote := fs.Bool("allow-remote", false, "allow an -addr that is reachable from other machines")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: ispkit sandbox [flags]")
		fmt.Fprintln(fs.Output())
		fmt.Fprintln(fs.Output(), "Serves in-memory fakes of Baicells BOSS, TeleCloud, Alianza and Octane on one")
		fmt.Fprintln(fs.Output(), "address, each under its own path prefix (/baicells, /telecloud, /alianza,")
		fmt.Fprintln(fs.Output(), "/octane), and prints the environment the quickstart reads to use them.")
		fmt.Fprintln(fs.Output(), "State is in memory and ends with the process. It listens on loopback unless")
		fmt.Fprintln(fs.Output(), "-allow-remote is given.")
		fmt.Fprintln(fs.Output())
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
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
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "ispkit sandbox: %v\n", err)
		return exitFail
	}
	return serveSandbox(ctx, ln, stdout, stderr)
}

// serveSandbox serves on ln until ctx ends.
func serveSandbox(ctx context.Context, ln net.Listener, stdout, stderr io.Writer) int {
	root := "http://" + ln.Addr().String()
	sb := newSandbox(root)
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
	return exitOK
}
