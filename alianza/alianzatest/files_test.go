package alianzatest

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
)

// The file routes over the wire: uploads parsed and kept for their
// download, refusals of a body that is not a usable upload, the login and
// partition checks, and the seeding helpers.

// sendForm posts a multipart form with fields and, when fileField is not
// empty, a file part.
func sendForm(t *testing.T, s *Server, method, path, token string, fields map[string]string, fileField, name string, data []byte) result {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	if fileField != "" {
		fw, err := w.CreateFormFile(fileField, name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write(data)
	}
	_ = w.Close()
	req, err := http.NewRequest(method, s.URL+path, &b)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", w.FormDataContentType())
	if token != "" {
		req.Header.Set(headerAuthToken, token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return result{status: resp.StatusCode, header: resp.Header, raw: raw}
}

func TestFileRoutes(t *testing.T) {
	s := newTestServer(t)
	tok := newToken(t, s)
	p := "/v2/partition/" + DefaultPartitionID
	greeting := p + "/account/A1/voicemailbox/V1/greetings/Personal/media"

	if r := send(t, s, http.MethodGet, greeting, tok, nil); r.status != http.StatusNotFound {
		t.Errorf("no greeting yet: HTTP %d", r.status)
	}
	if r := sendForm(t, s, http.MethodPut, greeting, "", nil, "file", "g.wav", []byte("RIFF")); r.status != http.StatusUnauthorized {
		t.Errorf("no token: HTTP %d", r.status)
	}
	if r := sendForm(t, s, http.MethodPut, "/v2/partition/other/account/A1/voicemailbox/V1/greetings/Personal/media", tok, nil, "file", "g.wav", []byte("RIFF")); r.status != http.StatusForbidden {
		t.Errorf("other partition: HTTP %d", r.status)
	}
	if r := send(t, s, http.MethodPut, greeting, tok, `{"file":"RIFF"}`); r.status != http.StatusUnsupportedMediaType {
		t.Errorf("JSON body: HTTP %d %s", r.status, r.raw)
	}
	if r := sendForm(t, s, http.MethodPut, greeting, tok, map[string]string{"x": "y"}, "", "", nil); r.status != http.StatusBadRequest || !strings.Contains(string(r.raw), MessageFileRequired) {
		t.Errorf("no file part: HTTP %d %s", r.status, r.raw)
	}
	if r := sendForm(t, s, http.MethodPut, greeting, tok, nil, "file", "g.wav", nil); r.status != http.StatusBadRequest {
		t.Errorf("empty file: HTTP %d %s", r.status, r.raw)
	}
	if r := sendForm(t, s, http.MethodPut, greeting, tok, nil, "file", "g.wav", []byte("RIFF g")); r.status != http.StatusAccepted {
		t.Fatalf("upload: HTTP %d %s", r.status, r.raw)
	}
	r := send(t, s, http.MethodGet, greeting, tok, nil)
	if r.status != http.StatusOK || string(r.raw) != "RIFF g" || r.header.Get("Content-Type") != "application/octet-stream" ||
		r.header.Get("Content-Disposition") != `attachment; filename=g.wav` {
		t.Errorf("download: HTTP %d %q %v", r.status, r.raw, r.header)
	}
	if f, ok := s.File(greeting); !ok || f.Name != "g.wav" || string(f.Data) != "RIFF g" {
		t.Errorf("File: %+v %v", f, ok)
	}

	// A required form field missing.
	if r := sendForm(t, s, http.MethodPost, "/v2/bulk-user-operation/job", tok, map[string]string{"transformObjectType": "CreateUserInput"},
		"transformObjectFile", "u.csv", []byte("x")); r.status != http.StatusBadRequest || !strings.Contains(string(r.raw), MessageFieldRequired) {
		t.Errorf("bulk job without fields: HTTP %d %s", r.status, r.raw)
	}

	// Seeded files, and the SIP username check.
	if err := s.SetFile(p+"/account/A1/voicemailbox/V1/voicemailmessage/M1/content", File{ContentType: "audio/mpeg", Data: []byte("ID3")}); err != nil {
		t.Fatal(err)
	}
	if r := send(t, s, http.MethodGet, p+"/account/A1/voicemailbox/V1/voicemailmessage/M1/content", tok, nil); r.status != http.StatusOK ||
		r.header.Get("Content-Type") != "audio/mpeg" || string(r.raw) != "ID3" || r.header.Get("Content-Disposition") != "" {
		t.Errorf("seeded message: HTTP %d %q %v", r.status, r.raw, r.header)
	}
	s.SetSIPUsernameTaken("used")
	for name, want := range map[string]string{"used": "false", "free": "true"} {
		r := send(t, s, http.MethodPost, "/v2/rpc/specialty-line/validate-sip-username", tok, map[string]string{"username": name})
		if r.status != http.StatusOK || string(r.raw) != want || r.header.Get("Content-Type") != "text/plain" {
			t.Errorf("%s: HTTP %d %q", name, r.status, r.raw)
		}
	}
	if r := send(t, s, http.MethodGet, "/v2/ref/routeplan-definition-template", tok, nil); r.status != http.StatusOK || r.header.Get("Content-Type") != "text/csv" {
		t.Errorf("template: HTTP %d %v", r.status, r.header)
	}
}
