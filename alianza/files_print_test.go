package alianza_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/ispkit/ispkit/alianza"
)

// TestFilesPrintNoContent: a file's content (a device line export carries
// SIP passwords) never reaches fmt or slog output, whatever the verb.
func TestFilesPrintNoContent(t *testing.T) {
	const content = "mac,sipUsername,sipPassword\n0004f2aabbcc,1001,Zq9-content-secret\n"
	f := &alianza.File{Name: "lines.csv", ContentType: "text/csv", Data: []byte(content)}
	u := alianza.UploadRequest{Name: "lines.csv", ContentType: "text/csv", Data: []byte(content)}
	type holder struct {
		F *alianza.File
		U alianza.UploadRequest
	}
	var out bytes.Buffer
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d"} {
		fmt.Fprintf(&out, verb+"\n", f)
		fmt.Fprintf(&out, verb+"\n", u)
		fmt.Fprintf(&out, verb+"\n", holder{f, u})
		fmt.Fprintf(&out, verb+"\n", &holder{f, u})
	}
	logger := slog.New(slog.NewTextHandler(&out, nil))
	logger.Info("file", "f", f, "u", u)
	slog.New(slog.NewJSONHandler(&out, nil)).Info("file", "f", f, "u", u)
	for _, part := range []string{"Zq9-content-secret", "content-secret", fmt.Sprintf("%x", "Zq9-content")} {
		if strings.Contains(out.String(), part) {
			t.Fatalf("the content reached the output (%q):\n%s", part, out.String())
		}
	}
	if !strings.Contains(out.String(), `Name: "lines.csv"`) || !strings.Contains(out.String(), fmt.Sprintf("Data: %d bytes", len(content))) {
		t.Errorf("output lacks the name and size:\n%s", out.String())
	}
	// JSON is for the caller's own use (a file answer is data): not
	// redacted, stated here so a change to it is deliberate.
	if b, _ := json.Marshal(f); !strings.Contains(string(b), "Data") {
		t.Errorf("json.Marshal(File) = %s", b)
	}
}
