package transport

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// A Scrubber removes known secret values from text, in every spelling a
// server or a library may give them:
//
//   - as written;
//   - percent-encoded (query or path, upper- or lower-case hex, '+' for a space);
//   - backslash-escaped as JSON, PHP and Go write strings (\" \\ \/ \n,
//     \u003c with surrogate pairs, \U0001F600, \x3c);
//   - as HTML and XML write text (&lt; &amp; &quot; &apos;, &#60; &#x3C;);
//   - any two of these layered (JSON of HTML-escaped text, a URL-encoded
//     JSON string …);
//   - hex (either case, at either digit of a longer hex run) and base64
//     (either alphabet, at any alignment in a longer run), and any of the
//     escapes above inside them.
//
// A secret of four bytes or more is removed wherever it stands. A shorter
// one (a three-digit CVV) is removed where it stands as a whole word: inside
// a longer run of letters and digits it cannot be told from ordinary text.
//
// It works by decoding the text, up to three layers deep, while remembering
// where each decoded byte came from, finding the secrets in every layer, and
// replacing the original bytes they came from. The zero value and nil
// scrub nothing. A Scrubber is immutable and safe for concurrent use.
type Scrubber struct {
	secrets []string // canonical forms (see canon), distinct, non-empty
	spaced  bool     // a secret holds a space (canon's '+'), so views are compared in canonical form
	maxLen  int      // of the longest secret, for Excerpt's window
}

// NewScrubber builds a Scrubber for the given secret values. Empty values are
// ignored.
func NewScrubber(secrets ...string) *Scrubber {
	return (*Scrubber)(nil).With(secrets...)
}

// With returns a Scrubber that also removes the given values (a call's own
// secrets: a session token, a SIP password, a card number). s is unchanged.
func (s *Scrubber) With(secrets ...string) *Scrubber {
	out := &Scrubber{}
	if s != nil {
		if len(secrets) == 0 {
			return s
		}
		out.secrets = append(out.secrets, s.secrets...)
		out.maxLen = s.maxLen
		out.spaced = s.spaced
	}
	add := func(v string) {
		v = canon(v)
		if v == "" || slices.Contains(out.secrets, v) {
			return
		}
		out.secrets = append(out.secrets, v)
		out.maxLen = max(out.maxLen, len(v))
		out.spaced = out.spaced || strings.IndexByte(v, ' ') >= 0
	}
	for _, v := range secrets {
		add(v)
		for _, b := range base64Forms(v) {
			add(b)
		}
	}
	return out
}

// Empty reports whether s knows no secret.
func (s *Scrubber) Empty() bool { return s == nil || len(s.secrets) == 0 }

// base64Forms are the parts of the base64 of v that do not depend on what
// stands around v in a longer encoded text: for each of the three alignments,
// the encoding of the whole 3-byte groups that v fills alone.
func base64Forms(v string) []string {
	if len(v) < 6 {
		return nil
	}
	var out []string
	for k := 0; k < 3; k++ {
		start := (3 - k) % 3
		n := (len(v) - start) / 3 * 3
		if n < 3 || (k != 0 && n < 6) {
			continue
		}
		chunk := []byte(v[start : start+n])
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding} {
			e := enc.EncodeToString(chunk)
			if k == 0 && n == len(v) {
				out = append(out, e) // whole value, no padding needed
			} else {
				out = append(out, e)
			}
		}
		if k == 0 && n < len(v) {
			// The whole value as a token on its own, with its padding.
			out = append(out, base64.StdEncoding.EncodeToString([]byte(v)), base64.URLEncoding.EncodeToString([]byte(v)),
				base64.RawStdEncoding.EncodeToString([]byte(v)), base64.RawURLEncoding.EncodeToString([]byte(v)))
		}
	}
	return out
}

// canon makes '+' and ' ' the same character: form encoding writes a space
// as '+', and a '+' in a secret must match either way.
func canon(v string) string { return strings.ReplaceAll(v, "+", " ") }

// shortLen is the length below which a secret is matched only as a whole word.
const shortLen = 4

// maxLayers is how many layers of escapes are decoded; maxBinaryLayers how
// many beneath a hex or base64 layer, which is read from the text itself
// (an echo encodes what it received as a whole).
const (
	maxLayers       = 3
	maxBinaryLayers = 2
)

// Scrub returns text with every known secret replaced by REDACTED.
func (s *Scrubber) Scrub(text string) string {
	if s.Empty() || text == "" {
		return text
	}
	spans := s.find(text)
	if len(spans) == 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	last := 0
	for _, sp := range spans {
		b.WriteString(text[last:sp[0]])
		b.WriteString(Redacted)
		last = sp[1]
	}
	b.WriteString(text[last:])
	return b.String()
}

// Contains reports whether text holds a known secret in any spelling.
func (s *Scrubber) Contains(text string) bool {
	return !s.Empty() && text != "" && len(s.find(text)) > 0
}

// view is the text after some decoding, with the original span of each byte
// (from and to are nil for the text itself).
type view struct {
	b        []byte
	from, to []int32
	depth    int  // layers of escapes decoded
	binary   bool // a hex or base64 layer was decoded
}

// find returns the sorted, merged spans of text that spell a secret. It looks
// in the text and in every view of it that decoding gives: up to maxLayers
// layers of escapes, and a hex or base64 layer of the text itself (at every
// alignment) with up to maxBinaryLayers layers of escapes beneath.
func (s *Scrubber) find(text string) [][2]int {
	var spans [][2]int
	queue := []view{{b: []byte(text)}}
	for len(queue) > 0 {
		v := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		hay := v.b
		if s.spaced && bytes.IndexByte(hay, '+') >= 0 {
			hay = bytes.ReplaceAll(hay, []byte("+"), []byte(" "))
		}
		for _, sec := range s.secrets {
			if v.binary && len(sec) < shortLen {
				// Decoding ordinary words as base64 or hex makes random
				// bytes, among which a three-byte value turns up by chance.
				continue
			}
			spans = appendMatches(spans, hay, sec, v.from, v.to)
		}
		limit := maxLayers
		if v.binary {
			limit = maxBinaryLayers
		}
		if v.depth < limit && bytes.ContainsAny(v.b, `%\&`) {
			if next, from, to, changed := decodeLayer(v.b, v.from, v.to); changed {
				queue = append(queue, view{b: next, from: from, to: to, depth: v.depth + 1, binary: v.binary})
			}
		}
		if v.depth == 0 && !v.binary {
			for align := 0; align < 2; align++ {
				if next, from, to, changed := decodeHex(v.b, v.from, v.to, align); changed {
					queue = append(queue, view{b: next, from: from, to: to, depth: v.depth, binary: true})
				}
			}
			for align := 0; align < 4; align++ {
				if next, from, to, changed := decodeBase64(v.b, v.from, v.to, align); changed {
					queue = append(queue, view{b: next, from: from, to: to, depth: v.depth, binary: true})
				}
			}
		}
	}
	if len(spans) < 2 {
		return spans
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	merged := spans[:1]
	for _, sp := range spans[1:] {
		cur := &merged[len(merged)-1]
		if sp[0] <= cur[1] {
			cur[1] = max(cur[1], sp[1])
			continue
		}
		merged = append(merged, sp)
	}
	return merged
}

// viewBuilder writes a decoded view: each output byte with the span of the
// original text it came from. inFrom and inTo map the input view to the
// original (nil: the input is the original).
type viewBuilder struct {
	inFrom, inTo []int32
	out          []byte
	from, to     []int32
}

func newViewBuilder(inFrom, inTo []int32, capacity int) *viewBuilder {
	return &viewBuilder{inFrom: inFrom, inTo: inTo,
		out: make([]byte, 0, capacity), from: make([]int32, 0, capacity), to: make([]int32, 0, capacity)}
}

// emit writes bytes decoded from input bytes [i, j).
func (v *viewBuilder) emit(i, j int, bs ...byte) {
	f, t := int32(i), int32(j)
	if v.inFrom != nil {
		f, t = v.inFrom[i], v.inTo[j-1]
	}
	for _, c := range bs {
		v.out = append(v.out, c)
		v.from = append(v.from, f)
		v.to = append(v.to, t)
	}
}

// gap writes one NUL for any number of skipped input bytes (binary views
// keep only their runs): no secret spans it.
func (v *viewBuilder) gap() {
	if n := len(v.out); n > 0 && v.out[n-1] == 0 && v.from[n-1] < 0 {
		return
	}
	v.out = append(v.out, 0)
	v.from = append(v.from, -1)
	v.to = append(v.to, -1)
}

func (v *viewBuilder) view() ([]byte, []int32, []int32) { return v.out, v.from, v.to }

// minBase64Run is the shortest run of base64 characters read as base64.
const minBase64Run = 8

func base64Val(c byte) (byte, bool) {
	switch {
	case c >= 'A' && c <= 'Z':
		return c - 'A', true
	case c >= 'a' && c <= 'z':
		return c - 'a' + 26, true
	case c >= '0' && c <= '9':
		return c - '0' + 52, true
	case c == '+' || c == '-':
		return 62, true
	case c == '/' || c == '_':
		return 63, true
	}
	return 0, false
}

// decodeBase64 decodes every run of at least minBase64Run base64 characters
// (standard or URL alphabet), starting align characters into the run, four
// characters to three bytes; a final group of two or three characters gives
// one or two bytes. Other bytes pass as they are.
func decodeBase64(in []byte, inFrom, inTo []int32, align int) (out []byte, from, to []int32, changed bool) {
	isB64 := func(c byte) bool { _, ok := base64Val(c); return ok }
	if !hasRun(in, isB64, minBase64Run+align) {
		return nil, nil, nil, false
	}
	v := newViewBuilder(inFrom, inTo, len(in)/4)
	for i := 0; i < len(in); {
		j := i
		for j < len(in) && isB64(in[j]) {
			j++
		}
		if j-i < minBase64Run+align {
			v.gap()
			i = max(j, i+1)
			continue
		}
		i += align
		for i+1 < j {
			n := min(4, j-i)
			var w uint32
			for k := 0; k < 4; k++ {
				w <<= 6
				if k < n {
					d, _ := base64Val(in[i+k])
					w |= uint32(d)
				}
			}
			for k := 0; k < n-1; k++ {
				v.emit(i, i+n, byte(w>>(16-8*k)))
			}
			changed = true
			i += n
		}
		v.gap()
		i = j
	}
	out, from, to = v.view()
	return out, from, to, changed
}

// hasRun reports whether in holds at least n bytes in a row for which ok is true.
func hasRun(in []byte, ok func(byte) bool, n int) bool {
	run := 0
	for _, c := range in {
		if !ok(c) {
			run = 0
			continue
		}
		if run++; run >= n {
			return true
		}
	}
	return false
}

// minHexRun is the shortest run of hex digits read as hex-encoded bytes.
const minHexRun = 8

// decodeHex decodes every run of at least minHexRun hex digits as bytes, two
// digits each, starting align digits into the run (a hex dump of a longer
// text may start a secret on either digit). Other bytes pass as they are.
func decodeHex(in []byte, inFrom, inTo []int32, align int) (out []byte, from, to []int32, changed bool) {
	isHex := func(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
	if !hasRun(in, isHex, minHexRun) {
		return nil, nil, nil, false
	}
	v := newViewBuilder(inFrom, inTo, len(in)/4)
	for i := 0; i < len(in); {
		j := i
		for j < len(in) && isHex(in[j]) {
			j++
		}
		if j-i < minHexRun {
			v.gap()
			i = max(j, i+1)
			continue
		}
		for i += align; i+1 < j; i += 2 {
			w, _ := hexVal(in[i : i+2])
			v.emit(i, i+2, byte(w))
			changed = true
		}
		v.gap()
		i = j
	}
	out, from, to = v.view()
	return out, from, to, changed
}

// appendMatches adds the original spans of every occurrence of sec in layer.
func appendMatches(spans [][2]int, layer []byte, sec string, from, to []int32) [][2]int {
	short := len(sec) < shortLen
	for off := 0; off < len(layer); {
		i := bytes.Index(layer[off:], []byte(sec))
		if i < 0 {
			break
		}
		i += off
		j := i + len(sec)
		off = i + 1
		if short && (i > 0 && isWordByte(layer[i-1]) || j < len(layer) && isWordByte(layer[j])) {
			continue
		}
		if from == nil {
			spans = append(spans, [2]int{i, j})
		} else if from[i] >= 0 && to[j-1] >= 0 {
			spans = append(spans, [2]int{int(from[i]), int(to[j-1])})
		}
	}
	return spans
}

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// decodeLayer decodes one layer of escapes. For every output byte it records
// the original span [from, to) of the escape (or character) it came from;
// from and to of the input layer map input positions to the original text
// (nil: the input is the original).
func decodeLayer(in []byte, inFrom, inTo []int32) (out []byte, from, to []int32, changed bool) {
	v := newViewBuilder(inFrom, inTo, len(in))
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(in); {
		decoded, n := decodeToken(in[i:], buf[:0])
		if n == 0 {
			v.emit(i, i+1, in[i])
			i++
			continue
		}
		changed = true
		v.emit(i, i+n, decoded...)
		i += n
	}
	out, from, to = v.view()
	return out, from, to, changed
}

// decodeToken decodes the escape at the start of b into dst and returns it
// with the number of bytes it took; n is 0 when b does not start with one.
func decodeToken(b []byte, dst []byte) ([]byte, int) {
	if len(b) < 2 {
		return nil, 0
	}
	switch b[0] {
	case '%':
		if len(b) >= 3 {
			if v, ok := hexVal(b[1:3]); ok {
				// %25 followed by two hex digits is an escape escaped again
				// (%253C): decoded whole, so that a value escaped once in one
				// place and twice in another still reads as one.
				n := 3
				for v == '%' && len(b) >= n+2 {
					w, ok := hexVal(b[n : n+2])
					if !ok {
						break
					}
					v, n = w, n+2
				}
				return append(dst, byte(v)), n
			}
		}
	case '\\':
		switch c := b[1]; c {
		case 'u':
			if len(b) >= 6 {
				if v, ok := hexVal(b[2:6]); ok {
					r := rune(v)
					n := 6
					if utf16.IsSurrogate(r) && len(b) >= 12 && b[6] == '\\' && b[7] == 'u' {
						if v2, ok := hexVal(b[8:12]); ok {
							if rr := utf16.DecodeRune(r, rune(v2)); rr != utf8.RuneError {
								r, n = rr, 12
							}
						}
					}
					return utf8.AppendRune(dst, r), n
				}
			}
		case 'U':
			if len(b) >= 10 {
				if v, ok := hexVal(b[2:10]); ok && v <= utf8.MaxRune {
					return utf8.AppendRune(dst, rune(v)), 10
				}
			}
		case 'x':
			if len(b) >= 4 {
				if v, ok := hexVal(b[2:4]); ok {
					return append(dst, byte(v)), 4
				}
			}
		default:
			if r, ok := simpleEscapes[c]; ok {
				return append(dst, r), 2
			}
		}
	case '&':
		end := bytes.IndexByte(b[:min(len(b), 14)], ';')
		if end < 2 {
			return nil, 0
		}
		ent := b[1:end]
		if ent[0] == '#' {
			var v uint64
			var ok bool
			if len(ent) > 1 && (ent[1] == 'x' || ent[1] == 'X') {
				v, ok = hexVal(ent[2:])
			} else {
				v, ok = decVal(ent[1:])
			}
			if ok && v <= utf8.MaxRune {
				return utf8.AppendRune(dst, rune(v)), end + 1
			}
			return nil, 0
		}
		if r, ok := namedEntities[string(ent)]; ok {
			return append(dst, r), end + 1
		}
	}
	return nil, 0
}

var simpleEscapes = map[byte]byte{
	'"': '"', '\\': '\\', '/': '/', '\'': '\'', '`': '`',
	'n': '\n', 'r': '\r', 't': '\t', 'b': '\b', 'f': '\f', 'v': '\v', 'a': '\a', '0': 0,
}

var namedEntities = map[string]byte{
	"lt": '<', "gt": '>', "amp": '&', "quot": '"', "apos": '\'', "nbsp": ' ',
	"LT": '<', "GT": '>', "AMP": '&', "QUOT": '"',
	"sol": '/', "bsol": '\\', "percnt": '%', "semi": ';', "equals": '=', "plus": '+', "num": '#', "colon": ':',
}

func hexVal(b []byte) (uint64, bool) {
	if len(b) == 0 || len(b) > 8 {
		return 0, false
	}
	var v uint64
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			v = v<<4 | uint64(c-'0')
		case c >= 'a' && c <= 'f':
			v = v<<4 | uint64(c-'a'+10)
		case c >= 'A' && c <= 'F':
			v = v<<4 | uint64(c-'A'+10)
		default:
			return 0, false
		}
	}
	return v, true
}

func decVal(b []byte) (uint64, bool) {
	if len(b) == 0 || len(b) > 10 {
		return 0, false
	}
	var v uint64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + uint64(c-'0')
	}
	return v, true
}

// excerptMargin bounds how many bytes one secret byte can take once spelled
// (two layers of escaping, e.g. \u0026#x0003C;): an excerpt scrubs this much
// past its cut so that no secret that starts before the cut survives.
const excerptMargin = 24

// Excerpt is a printable, redacted, length-capped piece of a body for an
// error message: secret fields (RedactBody) and known secrets (Scrub) are
// removed first, then the text is cut to at most n bytes on a rune boundary.
// A nil Scrubber removes secret fields only.
func (s *Scrubber) Excerpt(body []byte, n int) string {
	n = max(n, 0)
	body = bytes.TrimSpace(body)
	// Only a window that can reach the first n bytes is scrubbed. Scrubbing
	// shortens the text (a spelled secret becomes REDACTED), so the window
	// grows until the scrubbed text runs a margin past the cut: a secret cut
	// by the window's edge then ends well after the first n bytes.
	margin := 64
	if s != nil {
		margin += excerptMargin * s.maxLen
	}
	var text string
	cutWindow := false
	for window := n + 2*margin; ; window *= 2 {
		part := body
		cutWindow = len(body) > window
		if cutWindow {
			part = body[:window]
		}
		text = string(RedactBody(part))
		if s != nil {
			text = s.Scrub(text)
		}
		if !cutWindow || len(text) >= n+2*margin {
			break
		}
	}
	text = strings.ToValidUTF8(strings.TrimSpace(text), "\uFFFD")
	if len(text) <= n {
		if cutWindow {
			return text + "…"
		}
		return text
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return text[:cut] + "…"
}

// Error returns err unchanged when no error of its chain holds a secret.
// Otherwise it returns an error whose text is scrubbed, which matches what
// err matches under errors.Is, and which has no Unwrap: the original, whose
// text holds the secret, cannot be reached through the chain, through
// errors.As or through fmt. nil stays nil.
func (s *Scrubber) Error(err error) error {
	if err == nil || s.Empty() {
		return err
	}
	if !s.chainHolds(err) {
		return err
	}
	return &scrubbedError{text: s.Scrub(err.Error()), cause: err}
}

// chainHolds reports whether any error of err's chain prints a secret.
func (s *Scrubber) chainHolds(err error) bool {
	for depth := 0; err != nil && depth < 64; depth++ {
		if s.Contains(err.Error()) {
			return true
		}
		switch u := err.(type) {
		case interface{ Unwrap() []error }:
			for _, e := range u.Unwrap() {
				if s.chainHolds(e) {
					return true
				}
			}
			return false
		case interface{ Unwrap() error }:
			err = u.Unwrap()
		default:
			return false
		}
	}
	return false
}

// scrubbedError is an error whose text had a secret removed. It keeps what
// its cause matches for errors.Is (context.DeadlineExceeded,
// io.ErrUnexpectedEOF, a sentinel) and hides the cause itself.
type scrubbedError struct {
	text  string
	cause error
}

func (e *scrubbedError) Error() string { return e.text }

// Is reports what the hidden cause matches.
func (e *scrubbedError) Is(target error) bool { return errors.Is(e.cause, target) }

// Timeout reports a cause that timed out (net.Error's method).
func (e *scrubbedError) Timeout() bool {
	var t interface{ Timeout() bool }
	return errors.As(e.cause, &t) && t.Timeout()
}

// Format prints the scrubbed text under every verb, so that %#v and %+v do
// not reach the cause either.
func (e *scrubbedError) Format(f fmt.State, verb rune) {
	switch verb {
	case 'q':
		fmt.Fprintf(f, "%q", e.text)
	default:
		_, _ = io.WriteString(f, e.text)
	}
}
