package main

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestQuickstartAgainstSandboxProcess builds the command and the quickstart,
// starts "ispkit sandbox" as a separate process on a free port, and runs
// every quickstart flow through its real-endpoint path with the environment
// the sandbox printed.
func TestQuickstartAgainstSandboxProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two binaries; skipped with -short")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH to build the binaries with")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	dir := t.TempDir()
	ispkit, quickstart := filepath.Join(dir, "ispkit"), filepath.Join(dir, "quickstart")
	for bin, pkg := range map[string]string{ispkit: ".", quickstart: "../../examples/quickstart"} {
		if out, err := exec.CommandContext(ctx, goBin, "build", "-o", bin, pkg).CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", pkg, err, out)
		}
	}

	sb := exec.CommandContext(ctx, ispkit, "sandbox", "-addr", "127.0.0.1:0")
	stdout, err := sb.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	sb.Stderr = os.Stderr
	if err := sb.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = sb.Process.Signal(os.Interrupt)
		_ = sb.Wait()
	})
	var env []string
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "export "); ok {
			env = append(env, rest)
			if strings.HasPrefix(rest, "OCTANE_CONSUMERS=") {
				break
			}
		}
	}
	if len(env) == 0 {
		t.Fatal("the sandbox printed no environment")
	}

	qs := exec.CommandContext(ctx, quickstart)
	qs.Env = append(os.Environ(), env...)
	out, err := qs.CombinedOutput()
	if err != nil {
		t.Fatalf("quickstart against the sandbox: %v\n%s", err, out)
	}
	// Each flow says which endpoint it uses; all four must be the sandbox's,
	// not a built-in fake.
	for _, want := range []string{"using BOSS at http://127.0.0.1:", "using Alianza at http://127.0.0.1:",
		"using Octane at http://127.0.0.1:", "using TeleCloud.app at http://127.0.0.1:"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("quickstart output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(string(out), "in-memory") {
		t.Errorf("a quickstart flow used its built-in fake:\n%s", out)
	}
}
