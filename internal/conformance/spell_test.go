package conformance

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var testSecrets = []string{Secret("key"), Secret("pw"), "4929301184476305", base64.StdEncoding.EncodeToString([]byte("opsZ7v:" + Secret("pw")))}

func TestDetectorFindsEverySpelling(t *testing.T) {
	d := newDetector(testSecrets)
	for i, s := range testSecrets {
		for _, sp := range spellings {
			text := "error: " + sp.f(s) + " end"
			if ms := d.find(text, true); len(ms) == 0 {
				t.Errorf("secret[%d] spelled %s: not found", i, sp.name)
			}
		}
		for pre := 0; pre < 3; pre++ {
			for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding} {
				text := "x " + enc.EncodeToString([]byte(strings.Repeat("p", pre)+s+"tail")) + " y"
				if !d.contains(text) {
					t.Errorf("secret[%d] in base64 after %d bytes: not found", i, pre)
				}
			}
		}
	}
}

func TestDetectorFindsFragmentsAtCuts(t *testing.T) {
	d := newDetector([]string{Secret("key")})
	s := Secret("key")
	for cut := 4; cut <= len(s)-4; cut++ {
		for _, sp := range spellings {
			if sp.name == "hex" || sp.name == "hex-upper" {
				continue
			}
			head, tail := sp.f(s[:cut]), sp.f(s[cut:])
			if !d.contains("…" + head) {
				t.Errorf("head of %d bytes spelled %s: not found", cut, sp.name)
			}
			if !d.contains(tail + "…") {
				t.Errorf("tail from byte %d spelled %s: not found", cut, sp.name)
			}
		}
	}
	// Three bytes are not a fragment.
	if d.contains("Zq8 and Wm") {
		t.Error("three-byte pieces matched")
	}
}

func TestDetectorDigitsWhole(t *testing.T) {
	d := newDetector([]string{"4111111111111111"})
	if d.contains("port 41111 id 111111111") {
		t.Error("a digit run matched a digit secret by part")
	}
	if !d.contains("card=4111111111111111;") {
		t.Error("the whole digit secret was not found")
	}
}

func TestMaskedWindowHidesSecret(t *testing.T) {
	d := newDetector(testSecrets)
	s := Secret("key")
	text := strings.Repeat("a", 50) + s + " and " + base64.StdEncoding.EncodeToString([]byte(s)) + strings.Repeat("b", 50)
	ms := d.find(text, true)
	if len(ms) == 0 {
		t.Fatal("not found")
	}
	w := d.window(text, ms[0], 40)
	if d.contains(w) || strings.Contains(w, "Zq8") {
		t.Errorf("window shows the secret: %s", d.mask(w))
	}
	if !strings.Contains(w, "«secret»") {
		t.Errorf("window not masked: %s", d.mask(w))
	}
}

// TestDetectorNoChanceMatches scans the project's own sources and test data:
// ordinary text must not match the default secrets in any spelling.
func TestDetectorNoChanceMatches(t *testing.T) {
	d := newDetector(testSecrets)
	root := filepath.Join("..", "..")
	n := 0
	_ = filepath.WalkDir(root, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || strings.Contains(p, "conformance") {
			return nil
		}
		if ext := filepath.Ext(p); ext != ".go" && ext != ".json" && ext != ".xml" && ext != ".md" && ext != ".golden" && ext != ".txt" {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		if strings.Contains(string(b), `<&Q>"X'+J/=V%;K\`) {
			return nil // a test that builds secrets in the kit's shape on purpose
		}
		n += len(b)
		if ms := d.find(string(b), true); len(ms) > 0 {
			t.Errorf("%s: chance match %s at %s", p, ms[0].describe(), d.window(string(b), ms[0], 20))
		}
		return nil
	})
	t.Logf("scanned %d bytes", n)
}
