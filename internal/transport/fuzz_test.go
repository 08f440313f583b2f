package transport

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRedact: redaction runs on bodies a server controls. It must never
// panic, Excerpt must stay valid UTF-8 within its bound, and a secret planted
// under a secret key in JSON, form or XML must not survive, whatever bytes
// surround it.
func FuzzRedact(f *testing.F) {
	for _, s := range []string{
		`{"password":"x"}`, `{"a":[{"sipPassword":"y"}]}`, `API_KEY=k&x=1`, `<password>p</password>`,
		`<a><ns:password><![CDATA[p]]></ns:password></a>`, `{"password":"abc`, "{\"a\":1}\n{\"token\":\"t\"}",
		`%zz=1;password=2`, `<html>500</html>`, ``, `"just a string"`, `[1,2,3]`, "\xff\xfe",
	} {
		f.Add([]byte(s), "hunter2secret")
	}
	f.Fuzz(func(t *testing.T, body []byte, secret string) {
		out := RedactBody(body)
		_ = out
		ex := noScrub.Excerpt(body, 64)
		if !utf8.ValidString(ex) {
			t.Fatalf("Excerpt not valid UTF-8: %q", ex)
		}
		if len(strings.TrimSuffix(ex, "…")) > 64 {
			t.Fatalf("Excerpt longer than its bound: %d", len(ex))
		}

		// A planted secret: only values that cannot collide with the
		// surrounding syntax are meaningful here.
		if len(secret) < 6 || strings.ContainsAny(secret, "\"\\<>&=;%+ \t\r\n{}[]:,") || !utf8.ValidString(secret) {
			return
		}
		if bytes.Contains(body, []byte(secret)) {
			return // the fuzzed bytes carry it outside a secret field
		}
		for _, planted := range [][]byte{
			append([]byte(`{"password":"`+secret+`","rest":`), append(append([]byte(nil), quoteJSON(body)...), '}')...),
			[]byte(`password=` + secret + `&rest=x`),
			[]byte(`<r><password>` + secret + `</password></r>`),
		} {
			if got := RedactBody(planted); bytes.Contains(got, []byte(secret)) {
				t.Fatalf("secret survived in %q", got)
			}
		}
	})
}

// quoteJSON renders b as a JSON string literal (bytes as \u escapes where needed).
func quoteJSON(b []byte) []byte {
	var out bytes.Buffer
	out.WriteByte('"')
	for _, r := range string(b) {
		switch {
		case r == '"' || r == '\\':
			out.WriteByte('\\')
			out.WriteRune(r)
		case r < 0x20 || r == utf8.RuneError:
			out.WriteString(`\u0020`)
		default:
			out.WriteRune(r)
		}
	}
	out.WriteByte('"')
	return out.Bytes()
}
