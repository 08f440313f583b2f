package telecloudtest

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// node is one element of an answer. Both formats are rendered from it: the
// XML as written, the JSON as PHP's json_encode(simplexml_load_string(xml))
// would turn that XML into.
type node struct {
	name  string
	attrs []attr
	text  string
	cdata bool // text is written as CDATA in XML and lost ({}) in JSON
	kids  []*node
}

type attr struct{ name, value string }

// el returns an element with children.
func el(name string, kids ...*node) *node {
	return &node{name: name, kids: compact(kids)}
}

// leaf returns an element with text ("" renders as an empty element).
func leaf(name, text string) *node { return &node{name: name, text: text} }

// cdataLeaf returns an element whose text is written as CDATA.
func cdataLeaf(name, text string) *node { return &node{name: name, text: text, cdata: true} }

// compact drops nil children, so optional parts can be written inline.
func compact(kids []*node) []*node {
	out := kids[:0]
	for _, k := range kids {
		if k != nil {
			out = append(out, k)
		}
	}
	return out
}

// set adds an attribute (in order) and returns n.
func (n *node) set(name, value string) *node {
	n.attrs = append(n.attrs, attr{name, value})
	return n
}

// add appends children (nil ones are dropped) and returns n.
func (n *node) add(kids ...*node) *node {
	n.kids = append(n.kids, compact(kids)...)
	return n
}

// xmlDoc renders root as an XML document.
func xmlDoc(root *node) []byte {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\"?>\n")
	writeXML(&b, root)
	b.WriteByte('\n')
	return []byte(b.String())
}

func writeXML(b *strings.Builder, n *node) {
	b.WriteByte('<')
	b.WriteString(n.name)
	for _, a := range n.attrs {
		b.WriteByte(' ')
		b.WriteString(a.name)
		b.WriteString(`="`)
		escapeXML(b, a.value, true)
		b.WriteByte('"')
	}
	if len(n.kids) == 0 && n.text == "" {
		b.WriteString("/>")
		return
	}
	b.WriteByte('>')
	switch {
	case n.cdata:
		b.WriteString("<![CDATA[")
		// "]]>" cannot appear inside a CDATA section: split it across two.
		b.WriteString(strings.ReplaceAll(cleanXML(n.text), "]]>", "]]]]><![CDATA[>"))
		b.WriteString("]]>")
	default:
		escapeXML(b, n.text, false)
	}
	for _, k := range n.kids {
		writeXML(b, k)
	}
	b.WriteString("</")
	b.WriteString(n.name)
	b.WriteByte('>')
}

// validXMLRune reports whether r may appear in an XML 1.0 document.
func validXMLRune(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		(r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

// cleanXML replaces what XML cannot carry with U+FFFD.
func cleanXML(s string) string {
	for _, r := range s {
		if r == utf8.RuneError || !validXMLRune(r) {
			return strings.Map(func(r rune) rune {
				if !validXMLRune(r) {
					return utf8.RuneError
				}
				return r
			}, strings.ToValidUTF8(s, string(utf8.RuneError)))
		}
	}
	return s
}

func escapeXML(b *strings.Builder, s string, inAttr bool) {
	for _, r := range cleanXML(s) {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"' && inAttr:
			b.WriteString("&quot;")
		case inAttr && (r == '\n' || r == '\r' || r == '\t'):
			// Attribute values are normalized by parsers: keep them.
			b.WriteString("&#" + strconv.Itoa(int(r)) + ";")
		case r == '\r':
			b.WriteString("&#13;")
		default:
			b.WriteRune(r)
		}
	}
}

// jsonDoc renders root as PHP's JSON conversion of its XML: the root element
// is dropped (its attributes go to a top-level "@attributes"), every element
// becomes an object of its "@attributes" and its children, one child of a
// name an object and several an array, an element with text just the text
// (its attributes are lost), an empty element {}, CDATA content {}, and every
// value a string.
func jsonDoc(root *node) []byte {
	var b strings.Builder
	writeJSONObject(&b, root)
	return []byte(b.String())
}

func writeJSONValue(b *strings.Builder, n *node) {
	if len(n.kids) == 0 {
		if n.text != "" && !n.cdata {
			writeJSONString(b, n.text)
			return
		}
	}
	writeJSONObject(b, n)
}

// writeJSONObject writes n's attributes and children as an object (its text,
// if any, is lost, as PHP loses it).
func writeJSONObject(b *strings.Builder, n *node) {
	b.WriteByte('{')
	first := true
	comma := func() {
		if !first {
			b.WriteByte(',')
		}
		first = false
	}
	if len(n.attrs) > 0 {
		comma()
		b.WriteString(`"@attributes":{`)
		for i, a := range n.attrs {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSONString(b, a.name)
			b.WriteByte(':')
			writeJSONString(b, a.value)
		}
		b.WriteByte('}')
	}
	// Children grouped by name, in the order each name first appears.
	var names []string
	groups := map[string][]*node{}
	for _, k := range n.kids {
		if _, ok := groups[k.name]; !ok {
			names = append(names, k.name)
		}
		groups[k.name] = append(groups[k.name], k)
	}
	for _, name := range names {
		comma()
		writeJSONString(b, name)
		b.WriteByte(':')
		g := groups[name]
		if len(g) == 1 {
			writeJSONValue(b, g[0])
			continue
		}
		b.WriteByte('[')
		for i, k := range g {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSONValue(b, k)
		}
		b.WriteByte(']')
	}
	b.WriteByte('}')
}

// writeJSONString writes s as PHP's json_encode does by default: "/" as
// "\/", every non-ASCII character as \uXXXX (surrogate pairs above the BMP).
func writeJSONString(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, string(utf8.RuneError)) {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '/':
			b.WriteString(`\/`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			switch {
			case r < 0x20 || (r >= 0x7f && r < 0x10000):
				if r < 0x80 && r >= 0x20 {
					b.WriteRune(r)
					continue
				}
				b.WriteString(`\u`)
				b.WriteByte(hex[r>>12&0xf])
				b.WriteByte(hex[r>>8&0xf])
				b.WriteByte(hex[r>>4&0xf])
				b.WriteByte(hex[r&0xf])
			case r >= 0x10000:
				r -= 0x10000
				hi, lo := 0xD800+(r>>10), 0xDC00+(r&0x3ff)
				for _, u := range []rune{hi, lo} {
					b.WriteString(`\u`)
					b.WriteByte(hex[u>>12&0xf])
					b.WriteByte(hex[u>>8&0xf])
					b.WriteByte(hex[u>>4&0xf])
					b.WriteByte(hex[u&0xf])
				}
			default:
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}
