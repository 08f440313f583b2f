package transport

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostile is a secret holding every character that some encoding escapes.
const hostile = `Zq8<&>"'+/=%;\Wm é`

// spellings writes s the ways servers, libraries and fmt do; each is checked
// independently of the scrubber's own decoding.
func spellings(s string) map[string]string {
	jsonOf := func(html bool) string {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(html)
		_ = enc.Encode(s)
		return strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(b.String()), `"`), `"`)
	}
	var x bytes.Buffer
	_ = xml.EscapeText(&x, []byte(s))
	lowerHex := func(e string) string {
		var b strings.Builder
		for i := 0; i < len(e); i++ {
			if e[i] == '%' && i+2 < len(e) {
				b.WriteString(strings.ToLower(e[i : i+3]))
				i += 2
				continue
			}
			b.WriteByte(e[i])
		}
		return b.String()
	}
	q := strconv.Quote(s)
	qa := strconv.QuoteToASCII(s)
	return map[string]string{
		"raw":             s,
		"%q":              q[1 : len(q)-1],
		"%+q":             qa[1 : len(qa)-1],
		"query":           url.QueryEscape(s),
		"query lower hex": lowerHex(url.QueryEscape(s)),
		"path":            url.PathEscape(s),
		"json":            jsonOf(true),
		"json no html":    jsonOf(false),
		"php json":        strings.ReplaceAll(jsonOf(true), "/", `\/`),
		"html":            html.EscapeString(s),
		"xml":             x.String(),
		"named entities":  strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;").Replace(s),
		"hex entities":    strings.NewReplacer("&", "&#x26;", "<", "&#X3c;", ">", "&#x3E;", `"`, "&#x22;", "'", "&#x00027;").Replace(s),
		"json of html":    strings.NewReplacer("&", `\u0026`).Replace(html.EscapeString(s)),
		"query of json":   url.QueryEscape(jsonOf(true)),
		"base64":          base64.StdEncoding.EncodeToString([]byte(s)),
		"base64 url":      base64.URLEncoding.EncodeToString([]byte(s)),
		"base64 raw":      base64.RawStdEncoding.EncodeToString([]byte(s)),
		"hex":             hex.EncodeToString([]byte(s)),
		"hex upper":       strings.ToUpper(hex.EncodeToString([]byte(s))),
		"hex of json":     hex.EncodeToString([]byte(jsonOf(true))),
		"hex, odd start":  "a" + hex.EncodeToString([]byte(s)),
		"query, mixed":    url.QueryEscape(s[:5]) + url.QueryEscape(url.QueryEscape(s[5:])),
	}
}

func TestScrubberEverySpelling(t *testing.T) {
	sc := NewScrubber(hostile)
	for name, sp := range spellings(hostile) {
		for _, text := range []string{sp, "before " + sp + " after", `{"m":"` + sp + `"}`, "<p>" + sp + "</p>"} {
			got := sc.Scrub(text)
			assert.Contains(t, got, Redacted, "%s: %q", name, text)
			assert.NotContains(t, got, "Zq8", "%s: %q → %q", name, text, got)
			assert.NotContains(t, got, "Wm", "%s: %q → %q", name, text, got)
		}
	}
	// Text around a secret is kept as it was.
	assert.Equal(t, "key=REDACTED&next=1", sc.Scrub("key="+url.QueryEscape(hostile)+"&next=1"))
	assert.Equal(t, `{"m":"REDACTED","n":"&lt;x&gt;"}`, sc.Scrub(`{"m":"`+html.EscapeString(hostile)+`","n":"&lt;x&gt;"}`))
}

// A secret inside a longer base64 text (a Basic token of user:password) is
// found at any of the three alignments.
func TestScrubberBase64Inside(t *testing.T) {
	sc := NewScrubber("pa55-w0rd-long")
	for _, user := range []string{"u", "us", "usr", "user1"} {
		tok := base64.StdEncoding.EncodeToString([]byte(user + ":pa55-w0rd-long"))
		got := sc.Scrub("Authorization: Basic " + tok)
		assert.Contains(t, got, Redacted, user)
		// What remains of the token cannot decode to the password.
		rest := strings.TrimPrefix(got, "Authorization: Basic ")
		assert.Less(t, len(strings.ReplaceAll(rest, Redacted, "")), 12, "%s: %q", user, got)
	}
}

// Scrubbed, then cut: a secret that straddles the cut leaves no part of itself.
func TestExcerptScrubsBeforeCutting(t *testing.T) {
	sc := NewScrubber(hostile)
	for name, sp := range spellings(hostile) {
		for pad := 0; pad < 120; pad++ {
			body := []byte(strings.Repeat("x", pad) + sp + strings.Repeat("y", 300))
			for _, n := range []int{40, 80, 100} {
				got := sc.Excerpt(body, n)
				assert.NotContains(t, got, "Zq8", "%s pad %d n %d", name, pad, n)
				for _, frag := range []string{"Zq8<", "q8<&", "\\Wm", "Wm é"} {
					assert.NotContains(t, got, frag, "%s pad %d n %d", name, pad, n)
				}
				if strings.Contains(got, "Z") || strings.Contains(got, "W") {
					t.Fatalf("%s pad %d n %d: a piece of the secret survived: %q", name, pad, n, got)
				}
			}
		}
	}
}

func TestScrubberError(t *testing.T) {
	sc := NewScrubber("hunter22")
	clean := fmt.Errorf("wrapped: %w", context.DeadlineExceeded)
	assert.Same(t, clean, sc.Error(clean), "an error without a secret is kept as is")
	assert.Nil(t, sc.Error(nil))

	leaky := fmt.Errorf("parsing time %q: %w", "hunter22", io.ErrUnexpectedEOF)
	got := sc.Error(leaky)
	assert.Equal(t, `parsing time "REDACTED": unexpected EOF`, got.Error())
	assert.ErrorIs(t, got, io.ErrUnexpectedEOF, "errors.Is still sees the cause")
	assert.Nil(t, errors.Unwrap(got), "the cause is not reachable")
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
		assert.NotContains(t, fmt.Sprintf(verb, got), "hunter22", verb)
	}
	// A secret deep in the chain, absent from the outer text.
	deep := &hidingError{inner: errors.New("token hunter22 refused")}
	assert.NotSame(t, deep, sc.Error(deep))
	assert.Nil(t, errors.Unwrap(sc.Error(deep)))

	// Timeout survives scrubbing.
	to := sc.Error(&timeoutError{"dial hunter22: i/o timeout"})
	var te interface{ Timeout() bool }
	require.ErrorAs(t, to, &te)
	assert.True(t, te.Timeout())
}

type hidingError struct{ inner error }

func (e *hidingError) Error() string { return "request failed" }
func (e *hidingError) Unwrap() error { return e.inner }

type timeoutError struct{ s string }

func (e *timeoutError) Error() string { return e.s }
func (e *timeoutError) Timeout() bool { return true }

func FuzzScrub(f *testing.F) {
	for _, s := range []string{"", "%", "%4", "\\u00", "\\ud83d\\ude00", "&#", "&#x;", "&amp;lt;", "\\x", hostile, "%%%%", "&#99999999999;"} {
		f.Add(s, "s3cret!")
	}
	f.Fuzz(func(t *testing.T, text, secret string) {
		sc := NewScrubber(secret)
		got := sc.Scrub(text)
		if secret != "" && len(secret) >= shortLen && strings.Contains(canon(got), canon(secret)) {
			t.Fatalf("secret survived: %q", got)
		}
		if ex := sc.Excerpt([]byte(text), 32); len(strings.TrimSuffix(ex, "…")) > 32 {
			t.Fatalf("excerpt too long: %q", ex)
		}
	})
}

// A short secret is not found in random bytes that decoding ordinary words
// as base64 or hex gives ("cAdd" is base64 of three bytes).
func TestScrubberShortSecretNotInDecodedWords(t *testing.T) {
	raw, err := base64.StdEncoding.DecodeString("cAdd")
	require.NoError(t, err)
	sc := NewScrubber(string(raw), "s3cr3t-long")
	assert.Equal(t, "InvalidMacAddress", sc.Scrub("InvalidMacAddress"))
}
