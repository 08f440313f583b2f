package browser

import (
	"bufio"
	"context"
	"errors"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/ispkit/ispkit/baicells"
)

// findBrowser returns the path of a Chromium or Chrome, or "".
func findBrowser() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// startSandbox builds cmd/ispkit, starts "ispkit sandbox" on a free
// loopback port and returns the console's root and the printed environment.
func startSandbox(t *testing.T, ctx context.Context) (root string, env map[string]string) {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "ispkit")
	if out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, "github.com/ispkit/ispkit/cmd/ispkit").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.CommandContext(ctx, bin, "sandbox", "-addr", "127.0.0.1:0")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		_ = cmd.Wait()
	})
	env = map[string]string{}
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "ispkit sandbox: serving on "); ok {
			root, _, _ = strings.Cut(rest, " ")
		}
		if rest, ok := strings.CutPrefix(line, "export "); ok {
			k, v, _ := strings.Cut(rest, "=")
			env[k] = v
			if k == "OCTANE_CONSUMERS" {
				break
			}
		}
	}
	if root == "" || env["BAICELLS_BASE_URL"] == "" {
		t.Fatal("the sandbox printed no address or environment")
	}
	return root, env
}

// TestConsoleInBrowser loads the console in headless Chromium, sees a
// subscriber created through the API, injects a fault from the page and sees
// the SDK's call fail with it, then clears it from the page and sees the
// call succeed.
func TestConsoleInBrowser(t *testing.T) {
	browser := findBrowser()
	if browser == "" {
		if os.Getenv("ISPKIT_REQUIRE_BROWSER") != "" {
			t.Fatal("no Chromium or Chrome on PATH, and ISPKIT_REQUIRE_BROWSER is set")
		}
		t.Skip("skipped: no Chromium or Chrome on PATH (apt-get install chromium)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	root, env := startSandbox(t, ctx)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browser),
		chromedp.NoSandbox, // CI runs as root
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()

	if err := chromedp.Do(bctx, chromedp.Navigate(root+"/")); err != nil {
		t.Fatalf("load the console: %v", err)
	}
	title, err := chromedp.Run(bctx, chromedp.Title())
	if err != nil || title != "ispkit sandbox" {
		t.Fatalf("title %q (%v), want %q", title, err, "ispkit sandbox")
	}

	bc, err := baicells.New(baicells.Credentials{CloudKey: baicells.NewSecret(env["BAICELLS_CLOUD_KEY"]),
		Username: env["BAICELLS_USERNAME"], Password: baicells.NewSecret(env["BAICELLS_PASSWORD"])},
		baicells.WithBaseURL(env["BAICELLS_BASE_URL"]), baicells.WithRetry(baicells.RetryPolicy{MaxAttempts: 1}))
	if err != nil {
		t.Fatal(err)
	}
	const subID = "browser-sub-5521"
	if err := bc.Subscribers.Create(ctx, baicells.Profile{ID: subID, Name: "Browser Test"}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(bctx, chromedp.Reload()); err != nil {
		t.Fatalf("reload the console: %v", err)
	}
	state, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS("#baicells")))
	if err != nil {
		t.Fatalf("read the console: %v", err)
	}
	if !strings.Contains(state, subID) {
		t.Fatalf("the console does not show %s; its BOSS section reads:\n%s", subID, state)
	}

	// Inject a fault from the page: every querybyid answers 503.
	if err := chromedp.Do(bctx,
		chromedp.SetValue(chromedp.CSS(`#baicells form[action$="/fault"] input[name=path]`), "/customers/querybyid"),
		chromedp.SetValue(chromedp.CSS(`#baicells form[action$="/fault"] input[name=status]`), "503"),
		chromedp.Click(chromedp.CSS("#baicells-fault")),
		chromedp.WaitVisible(chromedp.CSS("#done")),
	); err != nil {
		t.Fatalf("inject a fault from the console: %v", err)
	}
	done, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS("#done")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(done, "fault 503 injected") {
		t.Fatalf("after injecting: %q", done)
	}
	_, err = bc.Subscribers.Get(ctx, subID)
	var be *baicells.Error
	if !errors.As(err, &be) || be.HTTPStatus != http.StatusServiceUnavailable {
		t.Fatalf("Get with the fault injected from the console: %v, want HTTP 503", err)
	}

	if path := os.Getenv("ISPKIT_CONSOLE_SCREENSHOT"); path != "" {
		png, err := chromedp.Run(bctx, chromedp.FullScreenshot(80))
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// Clear it from the page: the call goes through again. The page is
	// loaded afresh first, so that #done can only come from the clearing.
	if err := chromedp.Do(bctx,
		chromedp.Navigate(root+"/"),
		chromedp.Click(chromedp.CSS("#baicells-clear")),
		chromedp.WaitVisible(chromedp.CSS("#done")),
	); err != nil {
		t.Fatalf("clear faults from the console: %v", err)
	}
	if done, err = chromedp.Run(bctx, chromedp.Text(chromedp.CSS("#done"))); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(done, "faults cleared") {
		t.Fatalf("after clearing: %q", done)
	}
	if _, err := bc.Subscribers.Get(ctx, subID); err != nil {
		t.Fatalf("Get after clearing faults from the console: %v", err)
	}
}
