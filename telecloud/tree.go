package telecloud

// Both answer formats are read into one tree first, so one set of Go structs
// decodes from either. The JSON form is PHP's conversion of the XML, and is
// turned back into the XML's shape here:
//
//	"@attributes": {...}    the attributes of the element
//	"key": "text"           a child element with text
//	"key": {}               an empty child element
//	"key": {...}            a child element with children
//	"key": [ ... ]          several child elements of one name
//	the root object         the <telecloud> element
//
// What PHP's conversion drops (CDATA content, the attributes of elements that
// also carry text) cannot be recovered; XML is the lossless format.

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// rootName is the envelope element.
const rootName = "telecloud"

type attr struct {
	name, value string
}

// Names and texts are, where they can be, substrings of the answer itself
// (doc.str), so the strings a decode stores share its bytes rather than each
// having a copy: no allocation per value, and the decoded values keep the
// answer alive. The parsers therefore own the bytes they are given: nothing
// may modify them afterwards (the client's answers are bodies read for that
// one call and handed to nobody else).
type node struct {
	name string
	// text is the element's direct character data (CDATA included),
	// untrimmed. An XML element with element children keeps it only when
	// its offsets do not index the source (a document converted from
	// another charset): otherwise innerMarkup reads the source, and the
	// white space between children is never gathered.
	text   string
	a0, a1 int32 // attributes: doc.attrs[a0:a1]
	first  int32 // first child, -1 for none
	next   int32 // next sibling, -1 for none
}

// hasElement reports whether the element has element children.
func (n *node) hasElement() bool { return n.first >= 0 }

// span is the byte range of an XML element's inner markup, for mixed
// content such as unescaped HTML.
type span struct{ start, end int32 }

// doc is a parsed answer. Node 0 is the root.
type doc struct {
	nodes []node
	attrs []attr
	src   []byte // the XML source, for inner markup
	str   string // the source (sharing its bytes) that names and texts are cut from
	inner []span // XML: the inner markup of nodes[i]
	// seen marks what a decode read (only when tracking, for the golden tests).
	seenNode []bool
	seenAttr []bool
}

// newNode appends a node, the next child of parent after *last (the
// parent's last child, -1 for none), which it updates.
func (d *doc) newNode(name string, parent int32, last *int32) int32 {
	i := int32(len(d.nodes))
	d.nodes = append(d.nodes, node{name: name, first: -1, next: -1, a0: int32(len(d.attrs)), a1: int32(len(d.attrs))})
	if parent >= 0 {
		if *last >= 0 {
			d.nodes[*last].next = i
		} else {
			d.nodes[parent].first = i
		}
		*last = i
	}
	return i
}

// text returns t, the bytes of source range [start, end) once decoded, as
// a substring of d.str when that is what they are, else as a copy.
func (d *doc) text(t []byte, start, end int64) string {
	if start >= 0 && start <= end && end <= int64(len(d.str)) && string(t) == d.str[start:end] {
		return d.str[start:end]
	}
	return string(t)
}

// innerMarkup returns the unescaped inner markup of an XML element with
// element children: the body of an HTML message the server did not wrap in CDATA.
func (d *doc) innerMarkup(i int32) string {
	n := &d.nodes[i]
	if d.src == nil || int(i) >= len(d.inner) {
		return n.text
	}
	in := d.inner[i]
	if in.end <= in.start || int(in.end) > len(d.src) {
		return n.text
	}
	raw := string(d.src[in.start:in.end])
	raw = strings.ReplaceAll(raw, "<![CDATA[", "")
	raw = strings.ReplaceAll(raw, "]]>", "")
	return html.UnescapeString(raw)
}

// owned returns b as a string without a copy. The parsers take ownership of
// their input (see node): b must not change while the strings cut from it
// are in use, which is the document's and the decoded values' lifetime.
func owned(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// errTruncated is the cause for a document that ends inside an element.
var errTruncated = errors.New("the document ends before its root element is closed")

// parseXML reads an XML answer. A document that is not well-formed XML only
// because of HTML inside an element (as the reference prints ticket messages)
// is read again leniently, with HTML's void elements and entities.
func parseXML(b []byte) (*doc, error) {
	d, err := parseXMLMode(b, true)
	if err == nil || errors.Is(err, errTruncated) {
		return d, err
	}
	if d2, err2 := parseXMLMode(b, false); err2 == nil {
		return d2, nil
	}
	return nil, err
}

func parseXMLMode(b []byte, strict bool) (*doc, error) {
	size := bytes.Count(b, []byte("</")) + bytes.Count(b, []byte("/>")) + 1
	d := &doc{nodes: make([]node, 0, size), inner: make([]span, 0, size), src: b, str: owned(b)}
	dec := xml.NewDecoder(bytes.NewReader(b))
	converted := false // offsets index the converted text, not b
	dec.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		cr, err := charsetReader(label, r)
		converted = converted || cr != r
		return cr, err
	}
	if !strict {
		dec.Strict = false
		dec.AutoClose = xml.HTMLAutoClose
		dec.Entity = xml.HTMLEntity
	}
	// RawToken is enough for well-formed XML and cheaper; only Token applies
	// AutoClose and repairs mismatched end tags.
	next := dec.RawToken
	if !strict {
		next = dec.Token
	}
	// open is an element being read: its node, its last child so far, and
	// whether its text is being gathered in bufs[depth] (text in pieces).
	type open struct {
		node, last int32
		buffered   bool
	}
	stack := make([]open, 0, 16)
	var bufs [][]byte
	closedRoot := false
	var prevEnd int64
	for {
		tok, err := next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if closedRoot {
				return nil, errors.New("content after the root element")
			}
			parent, last := int32(-1), new(int32)
			if len(stack) > 0 {
				parent, last = stack[len(stack)-1].node, &stack[len(stack)-1].last
			} else if len(d.nodes) > 0 {
				return nil, errors.New("more than one root element")
			}
			i := d.newNode(localName(t.Name), parent, last)
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || (a.Name.Space == "" && a.Name.Local == "xmlns") {
					continue
				}
				d.attrs = append(d.attrs, attr{localName(a.Name), a.Value})
			}
			d.nodes[i].a1 = int32(len(d.attrs))
			d.inner = append(d.inner, span{start: int32(dec.InputOffset())})
			stack = append(stack, open{node: i, last: -1})
		case xml.EndElement:
			if len(stack) == 0 {
				return nil, fmt.Errorf("unexpected </%s>", t.Name.Local)
			}
			top := stack[len(stack)-1]
			if strict && d.nodes[top.node].name != localName(t.Name) {
				return nil, fmt.Errorf("element <%s> closed by </%s>", d.nodes[top.node].name, t.Name.Local)
			}
			d.inner[top.node].end = int32(prevEnd)
			if top.buffered {
				d.nodes[top.node].text = string(bufs[len(stack)-1])
			}
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				closedRoot = true
			}
		case xml.CharData:
			if len(stack) > 0 {
				top := &stack[len(stack)-1]
				n := &d.nodes[top.node]
				switch {
				case n.hasElement() && !converted:
					// Between children: innerMarkup reads the source.
				case n.text == "" && !top.buffered:
					n.text = d.text(t, prevEnd, dec.InputOffset())
				default:
					// Text in pieces (around CDATA, comments or, in a
					// converted document, children) is gathered in a
					// buffer per depth, reused, so it costs linear time.
					depth := len(stack) - 1
					for len(bufs) <= depth {
						bufs = append(bufs, nil)
					}
					if !top.buffered {
						bufs[depth] = append(bufs[depth][:0], n.text...)
						top.buffered = true
					}
					bufs[depth] = append(bufs[depth], t...)
				}
			} else if len(bytes.TrimSpace(t)) > 0 {
				return nil, errors.New("text outside the root element")
			}
		}
		prevEnd = dec.InputOffset()
	}
	if len(d.nodes) == 0 {
		return nil, errors.New("no root element")
	}
	if len(stack) > 0 {
		return d, errTruncated
	}
	return d, nil
}

func localName(n xml.Name) string { return n.Local }

// charsetReader accepts the single-byte encodings a PHP server may declare.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return r, nil
	case "iso-8859-1", "latin1", "latin-1", "windows-1252":
		b, err := io.ReadAll(r)
		if err != nil {
			return nil, err
		}
		var sb strings.Builder
		for _, c := range b {
			sb.WriteRune(rune(c))
		}
		return strings.NewReader(sb.String()), nil
	}
	return nil, fmt.Errorf("unsupported encoding %q", label)
}

// parseJSON reads PHP's JSON form into the XML's tree.
func parseJSON(b []byte) (*doc, error) {
	// Every element is a key: presizing the arena saves its regrowth.
	p := jsonParser{b: b, d: &doc{nodes: make([]node, 0, bytes.Count(b, []byte(":"))+1), str: owned(b)}}
	p.skipSpace()
	if p.i >= len(p.b) || p.b[p.i] != '{' {
		return nil, p.fail("the answer is not a JSON object")
	}
	root := p.d.newNode(rootName, -1, nil)
	if err := p.object(root, 0); err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.i != len(p.b) {
		return nil, p.fail("content after the JSON object")
	}
	return p.d, nil
}

const maxDepth = 128

type jsonParser struct {
	b []byte
	i int
	d *doc
}

func (p *jsonParser) fail(msg string) error {
	if p.i >= len(p.b) {
		return fmt.Errorf("JSON: %s (at the end: truncated)", msg)
	}
	return fmt.Errorf("JSON: %s at offset %d", msg, p.i)
}

func (p *jsonParser) skipSpace() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *jsonParser) expect(c byte) error {
	p.skipSpace()
	if p.i >= len(p.b) || p.b[p.i] != c {
		return p.fail(fmt.Sprintf("expected %q", c))
	}
	p.i++
	return nil
}

// members walks an object (at '{'), calling value for each member with the
// position at the start of its value.
func (p *jsonParser) members(value func(key string) error) error {
	if err := p.expect('{'); err != nil {
		return err
	}
	p.skipSpace()
	if p.i < len(p.b) && p.b[p.i] == '}' {
		p.i++
		return nil
	}
	for {
		p.skipSpace()
		key, err := p.str()
		if err != nil {
			return err
		}
		if err := p.expect(':'); err != nil {
			return err
		}
		p.skipSpace()
		if err := value(key); err != nil {
			return err
		}
		p.skipSpace()
		if p.i >= len(p.b) {
			return p.fail("unterminated object")
		}
		if p.b[p.i] == ',' {
			p.i++
			continue
		}
		if p.b[p.i] == '}' {
			p.i++
			return nil
		}
		return p.fail("expected ',' or '}'")
	}
}

// object reads an object (at '{') into node n.
func (p *jsonParser) object(n int32, depth int) error {
	if depth > maxDepth {
		return p.fail("nesting too deep")
	}
	last := int32(-1)
	return p.members(func(key string) error {
		if key == "@attributes" {
			return p.attributes(n)
		}
		return p.member(n, &last, key, depth)
	})
}

// attributes reads "@attributes": {"k": "v"} onto node n.
func (p *jsonParser) attributes(n int32) error {
	nd := &p.d.nodes[n]
	if nd.a1 != int32(len(p.d.attrs)) || nd.a0 != nd.a1 && nd.hasElement() {
		// Attributes must be contiguous; a second "@attributes" after
		// children (never written by PHP) is refused.
		return p.fail("misplaced @attributes")
	}
	return p.members(func(k string) error {
		v, err := p.scalar()
		if err != nil {
			return err
		}
		p.d.attrs = append(p.d.attrs, attr{k, v})
		p.d.nodes[n].a1 = int32(len(p.d.attrs))
		return nil
	})
}

// member reads the value of "key" as child element(s) of n, whose last
// child is *last.
func (p *jsonParser) member(n int32, last *int32, key string, depth int) error {
	if p.i >= len(p.b) {
		return p.fail("missing value")
	}
	switch p.b[p.i] {
	case '[':
		p.i++
		p.skipSpace()
		if p.i < len(p.b) && p.b[p.i] == ']' {
			p.i++
			return nil
		}
		for {
			p.skipSpace()
			if p.i < len(p.b) && p.b[p.i] == '[' {
				return p.fail("nested arrays")
			}
			if err := p.member(n, last, key, depth+1); err != nil {
				return err
			}
			p.skipSpace()
			if p.i >= len(p.b) {
				return p.fail("unterminated array")
			}
			if p.b[p.i] == ',' {
				p.i++
				continue
			}
			if p.b[p.i] == ']' {
				p.i++
				return nil
			}
			return p.fail("expected ',' or ']'")
		}
	case '{':
		c := p.d.newNode(key, n, last)
		return p.object(c, depth+1)
	default:
		if key == "0" && p.d.nodes[n].a1 > p.d.nodes[n].a0 && !p.d.nodes[n].hasElement() {
			// Some PHP versions keep an element's text beside its
			// attributes as {"@attributes": {...}, "0": "text"}.
			v, err := p.scalar()
			if err != nil {
				return err
			}
			p.d.nodes[n].text = v
			return nil
		}
		c := p.d.newNode(key, n, last)
		v, err := p.scalar()
		if err != nil {
			return err
		}
		p.d.nodes[c].text = v
		return nil
	}
}

// scalar reads a string, number, true, false or null as text.
func (p *jsonParser) scalar() (string, error) {
	if p.i >= len(p.b) {
		return "", p.fail("missing value")
	}
	c := p.b[p.i]
	switch {
	case c == '"':
		return p.str()
	case c == 'n':
		return "", p.literal("null")
	case c == 't':
		return "true", p.literal("true")
	case c == 'f':
		return "false", p.literal("false")
	case c == '-' || (c >= '0' && c <= '9'):
		j := p.i
		for p.i < len(p.b) && strings.IndexByte("+-.eE0123456789", p.b[p.i]) >= 0 {
			p.i++
		}
		return p.d.str[j:p.i], nil
	}
	return "", p.fail("unexpected character")
}

func (p *jsonParser) literal(w string) error {
	if !bytes.HasPrefix(p.b[p.i:], []byte(w)) {
		return p.fail("invalid literal")
	}
	p.i += len(w)
	return nil
}

// str reads a JSON string at p.i.
func (p *jsonParser) str() (string, error) {
	if p.i >= len(p.b) || p.b[p.i] != '"' {
		return "", p.fail("expected a string")
	}
	p.i++
	start := p.i
	for p.i < len(p.b) {
		c := p.b[p.i]
		if c == '"' {
			s := p.d.str[start:p.i]
			p.i++
			if !utf8.ValidString(s) {
				s = strings.ToValidUTF8(s, "\uFFFD")
			}
			return s, nil
		}
		if c == '\\' {
			return p.strSlow(start)
		}
		if c < 0x20 {
			return "", p.fail("control character in string")
		}
		p.i++
	}
	return "", p.fail("unterminated string")
}

func (p *jsonParser) strSlow(start int) (string, error) {
	buf := make([]byte, 0, p.i-start+16)
	buf = append(buf, p.b[start:p.i]...)
	for p.i < len(p.b) {
		c := p.b[p.i]
		switch {
		case c == '"':
			p.i++
			return strings.ToValidUTF8(string(buf), "\uFFFD"), nil
		case c < 0x20:
			return "", p.fail("control character in string")
		case c != '\\':
			buf = append(buf, c)
			p.i++
			continue
		}
		p.i++
		if p.i >= len(p.b) {
			break
		}
		e := p.b[p.i]
		p.i++
		switch e {
		case '"', '\\', '/':
			buf = append(buf, e)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r, ok := p.hex4()
			if !ok {
				return "", p.fail("invalid \\u escape")
			}
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if p.i+1 < len(p.b) && p.b[p.i] == '\\' && p.b[p.i+1] == 'u' {
					p.i += 2
					if x, ok := p.hex4(); ok {
						r2 = x
					}
				}
				r = utf16.DecodeRune(r, r2)
			}
			buf = utf8.AppendRune(buf, r)
		default:
			return "", p.fail("invalid escape")
		}
	}
	return "", p.fail("unterminated string")
}

func (p *jsonParser) hex4() (rune, bool) {
	if p.i+4 > len(p.b) {
		return 0, false
	}
	var r rune
	for _, c := range p.b[p.i : p.i+4] {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c-'a') + 10
		case c >= 'A' && c <= 'F':
			r |= rune(c-'A') + 10
		default:
			return 0, false
		}
	}
	p.i += 4
	return r, true
}
