package conformance

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file is the kit's own spelling generator and secret detector. It
// deliberately shares nothing with the project's redaction code: the kit is
// the independent oracle that code is checked against.

// spelling is one way a client, a log handler or a server may write a string.
// Every spelling here maps runes independently (no context), so the spelling
// of a fragment is a substring of the spelling of the whole: spelling each
// 4-byte fragment finds every longer leak too. Base64 is not rune-wise and is
// handled apart (see base64Needles).
type spelling struct {
	name string
	f    func(string) string
}

var spellings = []spelling{
	{"raw", func(s string) string { return s }},
	{"go-quoted", func(s string) string { return inner(strconv.Quote(s)) }},
	{"ascii-quoted", func(s string) string { return inner(strconv.QuoteToASCII(s)) }},
	{"query-escaped", url.QueryEscape},
	{"path-escaped", url.PathEscape},
	{"query-escaped-lower", func(s string) string { return lowerHex(url.QueryEscape(s)) }},
	{"path-escaped-lower", func(s string) string { return lowerHex(url.PathEscape(s)) }},
	{"percent-all", func(s string) string { return percentAll(s, "%%%02X") }},
	{"percent-all-lower", func(s string) string { return percentAll(s, "%%%02x") }},
	{"json", func(s string) string { return jsonString(s, true) }},
	{"json-nohtml", func(s string) string { return jsonString(s, false) }},
	{"json-php", phpJSON},
	{"html", html.EscapeString},
	{"xml", xmlText},
	{"entities-named", namedEntities},
	{"entities-hex", hexEntities},
	{"hex", func(s string) string { return hex.EncodeToString([]byte(s)) }},
	{"hex-upper", func(s string) string { return strings.ToUpper(hex.EncodeToString([]byte(s))) }},
}

// requoting are the spellings applied a second time on top of any other:
// a log handler or a second encoder quotes again what a client had already
// escaped (a JSON-escaped secret inside a slog line is escaped twice).
var requoting = map[string]bool{"go-quoted": true, "ascii-quoted": true, "json": true, "json-nohtml": true}

// inner drops the quotes around a Go-quoted string.
func inner(q string) string { return q[1 : len(q)-1] }

// lowerHex lower-cases the two hex digits after every '%'.
func lowerHex(s string) string {
	b := []byte(s)
	for i := 0; i+2 < len(b); i++ {
		if b[i] == '%' {
			b[i+1] = lowerASCII(b[i+1])
			b[i+2] = lowerASCII(b[i+2])
			i += 2
		}
	}
	return string(b)
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// percentAll percent-encodes every byte outside RFC 3986's unreserved set.
func percentAll(s, format string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, format, c)
	}
	return b.String()
}

func jsonString(s string, escapeHTML bool) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(escapeHTML)
	_ = enc.Encode(s)
	return inner(strings.TrimSuffix(buf.String(), "\n"))
}

// phpJSON is PHP's json_encode default: '/' as "\/", non-ASCII as \uXXXX,
// no HTML escaping.
func phpJSON(s string) string {
	var b strings.Builder
	for _, r := range jsonString(s, false) {
		switch {
		case r == '/':
			b.WriteString(`\/`)
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		case r > 0xFFFF:
			r1, r2 := surrogates(r)
			fmt.Fprintf(&b, `\u%04x\u%04x`, r1, r2)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

func surrogates(r rune) (rune, rune) {
	r -= 0x10000
	return 0xD800 + (r>>10)&0x3FF, 0xDC00 + r&0x3FF
}

func xmlText(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

var namedEntityReplacer = strings.NewReplacer(`&`, "&amp;", `<`, "&lt;", `>`, "&gt;", `"`, "&quot;", `'`, "&apos;")

func namedEntities(s string) string { return namedEntityReplacer.Replace(s) }

var hexEntityReplacer = strings.NewReplacer(`&`, "&#x26;", `<`, "&#x3C;", `>`, "&#x3E;", `"`, "&#x22;", `'`, "&#x27;")

func hexEntities(s string) string { return hexEntityReplacer.Replace(s) }

// base64Needles returns the base64 characters that the bytes frag alone
// determine when frag sits at byte offset align (0, 1 or 2) of an encoded
// stream: a client that base64-encodes anything containing frag writes them,
// whatever precedes or follows it. A character is determined when all six of
// its bits come from frag.
func base64Needles(frag string, enc *base64.Encoding) []string {
	var out []string
	for align := 0; align < 3; align++ {
		buf := make([]byte, align+len(frag))
		copy(buf[align:], frag)
		for len(buf)%3 != 0 {
			buf = append(buf, 0)
		}
		s := enc.WithPadding(base64.NoPadding).EncodeToString(buf)
		lo, hi := 8*align, 8*(align+len(frag))
		first, last := -1, -1
		for i := range s {
			if 6*i >= lo && 6*i+6 <= hi {
				if first < 0 {
					first = i
				}
				last = i
			}
		}
		if first >= 0 {
			out = append(out, s[first:last+1])
		}
	}
	return out
}

// needle is one spelled fragment of one secret.
type needle struct {
	text     string
	secret   int // index into the detector's secrets
	lo, hi   int // byte range of the fragment in the secret
	spelling string
}

// detector finds spelled fragments of a set of secrets in text.
type detector struct {
	secrets []string
	needles []needle
	byKey   map[uint32][]int32 // first four bytes of a needle → needles
	filter  []uint64           // bit set over a hash of those four bytes
	short   []int32            // needles under four bytes, searched one by one
}

const filterBits = 20

// fragments returns the byte ranges a secret is checked by: every minimal
// run of at least four bytes that starts and ends on rune boundaries; the
// whole secret when it is shorter or made of digits only (a four-digit run
// occurs in ports, lengths and ids by chance, so a card number or a PIN is
// checked whole).
func fragments(s string) [][2]int {
	if len(s) <= 4 || allDigits(s) {
		return [][2]int{{0, len(s)}}
	}
	var out [][2]int
	for lo := 0; lo < len(s); {
		hi := lo
		for hi < len(s) && hi-lo < 4 {
			_, n := utf8.DecodeRuneInString(s[hi:])
			hi += n
		}
		if hi-lo < 4 {
			break
		}
		out = append(out, [2]int{lo, hi})
		_, n := utf8.DecodeRuneInString(s[lo:])
		lo += n
	}
	return out
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func newDetector(secrets []string) *detector {
	d := &detector{secrets: secrets, byKey: map[uint32][]int32{}, filter: make([]uint64, 1<<filterBits/64)}
	seen := map[string]bool{}
	add := func(n needle) {
		if n.text == "" || seen[n.text] {
			return
		}
		seen[n.text] = true
		i := int32(len(d.needles))
		d.needles = append(d.needles, n)
		if len(n.text) < 4 {
			d.short = append(d.short, i)
			return
		}
		k := key4(n.text)
		d.byKey[k] = append(d.byKey[k], i)
		h := hash4(k)
		d.filter[h/64] |= 1 << (h % 64)
	}
	for si, s := range secrets {
		if s == "" {
			continue
		}
		for _, fr := range fragments(s) {
			frag := s[fr[0]:fr[1]]
			for _, sp := range spellings {
				t := sp.f(frag)
				add(needle{t, si, fr[0], fr[1], sp.name})
				// A log handler or a second encoder quotes again what a
				// client had already escaped.
				for _, outer := range spellings {
					if requoting[outer.name] {
						add(needle{outer.f(t), si, fr[0], fr[1], sp.name + "+" + outer.name})
					}
				}
			}
			for _, e := range []struct {
				name string
				enc  *base64.Encoding
			}{{"base64", base64.StdEncoding}, {"base64url", base64.URLEncoding}} {
				for _, t := range base64Needles(frag, e.enc) {
					if len(t) >= 4 || fr[1]-fr[0] < 4 {
						add(needle{t, si, fr[0], fr[1], e.name})
					}
				}
			}
		}
	}
	return d
}

func key4(s string) uint32 {
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

func hash4(k uint32) uint32 { return (k * 2654435761) >> (32 - filterBits) }

// match is one needle found at text[pos:pos+len(needle.text)].
type match struct {
	pos int
	n   *needle
}

func (m match) end() int { return m.pos + len(m.n.text) }

// find returns the matches in text: all of them, or the first when first is set.
func (d *detector) find(text string, first bool) []match {
	var out []match
	d.each(text, func(m match) bool {
		out = append(out, m)
		return !first
	})
	return out
}

// each calls f for every match in text (short needles first, then in order
// of position) until f returns false.
func (d *detector) each(text string, f func(match) bool) {
	for _, i := range d.short {
		n := &d.needles[i]
		if p := strings.Index(text, n.text); p >= 0 {
			if !f(match{p, n}) {
				return
			}
		}
	}
	for p := 0; p+4 <= len(text); p++ {
		k := uint32(text[p]) | uint32(text[p+1])<<8 | uint32(text[p+2])<<16 | uint32(text[p+3])<<24
		h := hash4(k)
		if d.filter[h/64]&(1<<(h%64)) == 0 {
			continue
		}
		for _, i := range d.byKey[k] {
			n := &d.needles[i]
			if strings.HasPrefix(text[p:], n.text) {
				if !f(match{p, n}) {
					return
				}
			}
		}
	}
}

// contains reports whether any needle occurs in text.
func (d *detector) contains(text string) bool { return len(d.find(text, true)) > 0 }

// describe names a match without showing the secret: which secret, which
// bytes of it, which spelling.
func (m match) describe() string {
	return fmt.Sprintf("secret[%d] bytes %d..%d spelled %s", m.n.secret, m.n.lo, m.n.hi, m.n.spelling)
}

// window returns up to radius bytes either side of m, with every match of
// d there masked, quoted, so that test output never shows a secret.
func (d *detector) window(text string, m match, radius int) string {
	// The matches near m: a stretch wide enough that every occurrence
	// reaching into the window is seen whole.
	const reach = 512
	lo0, hi0 := max(m.pos-radius-reach, 0), min(m.end()+radius+reach, len(text))
	region := text[lo0:hi0]
	covered := coverage(region, d.find(region, false))
	lo, hi := max(m.pos-radius, 0)-lo0, min(m.end()+radius, len(text))-lo0
	// Widen over any occurrence that crosses an edge, so that none shows in part.
	for lo > 0 && covered[lo] {
		lo--
	}
	for hi < len(region) && covered[hi-1] {
		hi++
	}
	return strconv.Quote(masked(region[lo:hi], covered[lo:hi]))
}

func coverage(text string, ms []match) []bool {
	covered := make([]bool, len(text))
	for _, x := range ms {
		for i := x.pos; i < x.end(); i++ {
			covered[i] = true
		}
	}
	return covered
}

func masked(text string, covered []bool) string {
	var b strings.Builder
	for i := 0; i < len(text); {
		if covered[i] {
			for i < len(text) && covered[i] {
				i++
			}
			b.WriteString("«secret»")
			continue
		}
		b.WriteByte(text[i])
		i++
	}
	return b.String()
}

// mask replaces every match of d in text, for messages that must quote text.
func (d *detector) mask(text string) string {
	ms := d.find(text, false)
	if len(ms) == 0 {
		return text
	}
	return masked(text, coverage(text, ms))
}
