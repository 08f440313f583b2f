package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"sort"
	"strings"
)

// A shape is the set of paths an answer holds, each with the kinds of value
// seen there. It carries names and kinds, never values. JSON paths read
// ".field", "[]" for any element; XML paths "/element", "/@attr".
type shape struct {
	Kinds map[string]map[string]bool // path → kinds
	// Empty holds the paths of arrays seen with no element, whose element
	// fields could not be checked.
	Empty map[string]bool
}

func newShape() shape {
	return shape{Kinds: map[string]map[string]bool{}, Empty: map[string]bool{}}
}

func (s shape) add(path, kind string) {
	if s.Kinds[path] == nil {
		s.Kinds[path] = map[string]bool{}
	}
	s.Kinds[path][kind] = true
}

// kinds returns the kinds seen at path, sorted and joined with "|".
func (s shape) kinds(path string) string {
	var ks []string
	for k := range s.Kinds[path] {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, "|")
}

// jsonShape reads a JSON document's shape. Kinds: object, array, string,
// number, bool, null.
func jsonShape(body []byte) (shape, error) {
	var v any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return shape{}, errors.New("not JSON")
	}
	s := newShape()
	walkJSON(s, "$", v)
	return s, nil
}

func walkJSON(s shape, path string, v any) {
	switch v := v.(type) {
	case map[string]any:
		s.add(path, "object")
		for k, e := range v {
			// A key that is not a plain name may be data (an id, an
			// address used as a key): it never enters the shape.
			if !safeName.MatchString(k) {
				k = "<key>"
			}
			walkJSON(s, path+"."+k, e)
		}
	case []any:
		s.add(path, "array")
		if len(v) == 0 {
			s.Empty[path] = true
		}
		for _, e := range v {
			walkJSON(s, path+"[]", e)
		}
	case string:
		s.add(path, "string")
	case json.Number:
		s.add(path, "number")
	case bool:
		s.add(path, "bool")
	case nil:
		s.add(path, "null")
	}
}

// xmlShape reads an XML document's shape, namespaces dropped. Kinds:
// element (has child elements), text (text only), empty.
func xmlShape(body []byte) (shape, error) {
	s := newShape()
	dec := xml.NewDecoder(bytes.NewReader(body))
	type frame struct {
		path     string
		children bool
		text     bool
	}
	var stack []frame
	seen := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return shape{}, errors.New("not XML")
		}
		switch t := tok.(type) {
		case xml.StartElement:
			seen = true
			parent := ""
			if n := len(stack); n > 0 {
				stack[n-1].children = true
				parent = stack[n-1].path
			}
			p := parent + "/" + t.Name.Local
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
					continue
				}
				s.add(p+"/@"+a.Name.Local, "attr")
			}
			stack = append(stack, frame{path: p})
		case xml.CharData:
			if n := len(stack); n > 0 && len(bytes.TrimSpace(t)) > 0 {
				stack[n-1].text = true
			}
		case xml.EndElement:
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch {
			case f.children:
				s.add(f.path, "element")
			case f.text:
				s.add(f.path, "text")
			default:
				s.add(f.path, "empty")
			}
		}
	}
	if !seen {
		return shape{}, errors.New("not XML")
	}
	return s, nil
}

// safeName reports whether a path segment is one the report may print: a
// field or element name (a letter first, then letters, digits, '_' or '-',
// at most 48 in all, with at most three digits: allow911Calls, VAR12).
// Anything else (a key that is data, such as an id, a number or an address
// used as a map key) is printed as "<key>".
var safeName = nameSegment{}

type nameSegment struct{}

var nameRE = regexp.MustCompile(`^[@]?[A-Za-z_][A-Za-z0-9_-]{0,47}$`)

func (nameSegment) MatchString(s string) bool {
	if !nameRE.MatchString(s) {
		return false
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			digits++
		}
	}
	return digits <= 3
}

// printablePath rewrites a shape path so that no segment can carry data.
func printablePath(p string) string {
	var b strings.Builder
	seg := strings.Builder{}
	flush := func() {
		if seg.Len() == 0 {
			return
		}
		if safeName.MatchString(seg.String()) {
			b.WriteString(seg.String())
		} else {
			b.WriteString("<key>")
		}
		seg.Reset()
	}
	for i := 0; i < len(p); i++ {
		switch c := p[i]; c {
		case '.', '/', '$':
			flush()
			b.WriteByte(c)
		case '[':
			flush()
			if strings.HasPrefix(p[i:], "[]") {
				b.WriteString("[]")
				i++
			}
		default:
			seg.WriteByte(c)
		}
	}
	flush()
	return b.String()
}

// printableURLPath rewrites a request path for the report: a segment that
// is not a plain word (letters only) is an identifier and prints as "{}".
func printableURLPath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		if s == "" {
			continue
		}
		plain := true
		for _, r := range s {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
				plain = false
				break
			}
		}
		if !plain || len(s) > 40 {
			segs[i] = "{}"
		}
	}
	return strings.Join(segs, "/")
}
