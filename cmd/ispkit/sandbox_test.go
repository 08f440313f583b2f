package main

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ispkit/ispkit/alianza"
	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/octane"
	"github.com/ispkit/ispkit/telecloud"
)

// startSandbox serves a sandbox on a free loopback port and returns the
// environment it printed.
func startSandbox(t *testing.T) (root string, env map[string]string) {
	root, env, _ = startSandboxWith(t, sandboxConfig{})
	return root, env
}

// startSandboxWith is startSandbox with a configuration; stop ends the
// sandbox as a signal would and returns its exit code (it is also called at
// cleanup when the test did not).
func startSandboxWith(t *testing.T, cfg sandboxConfig) (root string, env map[string]string, stop func() int) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		code := serveSandbox(ctx, ln, cfg, pw, io.Discard)
		pw.Close()
		done <- code
	}()
	code, stopped := 0, false
	stop = func() int {
		if !stopped {
			cancel()
			code, stopped = <-done, true
		}
		return code
	}
	t.Cleanup(func() {
		if c := stop(); c != exitOK {
			t.Errorf("sandbox exit code %d, want %d", c, exitOK)
		}
	})
	env = map[string]string{}
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "export "); ok {
			k, v, _ := strings.Cut(rest, "=")
			env[k] = v
			if k == "OCTANE_CONSUMERS" { // the last line
				break
			}
		}
	}
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	return "http://" + ln.Addr().String(), env, stop
}

// TestSandboxServesEveryVendor points each SDK at the URLs and credentials
// the sandbox printed and makes one call through each.
func TestSandboxServesEveryVendor(t *testing.T) {
	root, env := startSandbox(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for _, k := range []string{"BAICELLS_BASE_URL", "TELECLOUD_BASE_URL", "ALIANZA_BASE_URL", "OCTANE_SOAP_URL", "OCTANE_REST_URL"} {
		if !strings.HasPrefix(env[k], root+"/") {
			t.Errorf("%s = %q, want a URL under %s", k, env[k], root)
		}
	}

	bc, err := baicells.New(baicells.Credentials{CloudKey: baicells.NewSecret(env["BAICELLS_CLOUD_KEY"]),
		Username: env["BAICELLS_USERNAME"], Password: baicells.NewSecret(env["BAICELLS_PASSWORD"])},
		baicells.WithBaseURL(env["BAICELLS_BASE_URL"]))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bc.Plans.List(ctx); err != nil {
		t.Errorf("baicells Plans.List: %v", err)
	}

	tc, err := telecloud.New(telecloud.Credentials{APIIDKey: telecloud.NewSecret(env["TELECLOUD_API_ID_KEY"]),
		APIKey: telecloud.NewSecret(env["TELECLOUD_API_KEY"])}, telecloud.WithBaseURL(env["TELECLOUD_BASE_URL"]))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tc.Customers.Search(ctx, telecloud.CustomerSearchRequest{}); err != nil {
		t.Errorf("telecloud Customers.Search: %v", err)
	}

	al, err := alianza.New(alianza.Credentials{Username: env["ALIANZA_USERNAME"], Password: alianza.NewSecret(env["ALIANZA_PASSWORD"])},
		alianza.WithBaseURL(env["ALIANZA_BASE_URL"]))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := al.ReferenceData.DeviceTypes(ctx); err != nil {
		t.Errorf("alianza ReferenceData.DeviceTypes: %v", err)
	}

	oc, err := octane.New(octane.Credentials{Username: env["OCTANE_USERNAME"], Password: octane.NewSecret(env["OCTANE_PASSWORD"])},
		octane.WithSOAPBaseURL(env["OCTANE_SOAP_URL"]), octane.WithRESTBaseURL(env["OCTANE_REST_URL"]))
	if err != nil {
		t.Fatal(err)
	}
	consumers := strings.Split(env["OCTANE_CONSUMERS"], ",")
	if len(consumers) != 3 {
		t.Fatalf("OCTANE_CONSUMERS = %q, want three service numbers", env["OCTANE_CONSUMERS"])
	}
	for _, sn := range consumers {
		if _, err := oc.Services.Detail(ctx, env["OCTANE_CUSTNO"], sn); err != nil {
			t.Errorf("octane Services.Detail(%s): %v", sn, err)
		}
	}

	// A wrong credential is refused: the sandbox checks, it does not wave
	// everything through.
	bad, err := baicells.New(baicells.Credentials{CloudKey: baicells.NewSecret(env["BAICELLS_CLOUD_KEY"]),
		Username: env["BAICELLS_USERNAME"], Password: baicells.NewSecret("not-the-password")},
		baicells.WithBaseURL(env["BAICELLS_BASE_URL"]))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bad.Plans.List(ctx); err == nil {
		t.Error("baicells with a wrong password: no error")
	}
}

// TestSandboxIndex checks the root page lists every vendor's environment.
func TestSandboxIndex(t *testing.T) {
	root, env := startSandbox(t)
	resp, err := http.Get(root + "/")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /: %s", resp.Status)
	}
	for k, v := range env {
		if !strings.Contains(string(body), k) || !strings.Contains(string(body), v) {
			t.Errorf("index page lacks %s=%s", k, v)
		}
	}
	resp2, err := http.Get(root + "/nowhere")
	if err != nil {
		t.Fatal(err)
	}
	resp2.Body.Close()
	if resp2.StatusCode != http.StatusNotFound {
		t.Errorf("GET /nowhere: %s, want 404", resp2.Status)
	}
}

func TestCommandLine(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		args []string
		code int
		out  string // in stdout or stderr
	}{
		{nil, exitUsage, "usage: ispkit"},
		{[]string{"-h"}, exitOK, "sandbox"},
		{[]string{"nope"}, exitUsage, `unknown command "nope"`},
		{[]string{"sandbox", "-h"}, exitOK, "-allow-remote"},
		{[]string{"sandbox", "-addr", "0.0.0.0:0"}, exitUsage, "reachable from other machines"},
		{[]string{"sandbox", "-addr", ":0"}, exitUsage, "reachable from other machines"},
		{[]string{"sandbox", "-addr", "nonsense"}, exitUsage, "-addr"},
		{[]string{"sandbox", "extra"}, exitUsage, "unexpected argument"},
	} {
		var out strings.Builder
		code := run(ctx, tc.args, &out, &out)
		if code != tc.code || !strings.Contains(out.String(), tc.out) {
			t.Errorf("ispkit %q: exit %d, output %q; want exit %d and %q", tc.args, code, out.String(), tc.code, tc.out)
		}
	}
}

func TestIsLoopback(t *testing.T) {
	for host, want := range map[string]bool{"127.0.0.1": true, "::1": true, "localhost": true, "127.9.9.9": true,
		"": false, "0.0.0.0": false, "::": false, "10.0.0.1": false, "example.com": false} {
		if got := isLoopback(host); got != want {
			t.Errorf("isLoopback(%q) = %v, want %v", host, got, want)
		}
	}
}
