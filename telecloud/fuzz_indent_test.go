package telecloud

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// FuzzIndentedCompact decodes an answer written compact and indented, into
// every response type, and requires the same result (or the same error)
// from both: the white space between elements must never change what is
// decoded. JSON is indented and compacted with encoding/json; XML is written
// back from the tree the package read (answers with text beside child
// elements, which indentation would change, are skipped).
//
//	go test ./telecloud -run '^$' -fuzz FuzzIndentedCompact -fuzztime 20s
func FuzzIndentedCompact(f *testing.F) {
	fuzzSeeds(f, "xml")
	fuzzSeeds(f, "json")
	f.Add(searchAnswerXML(3, false))
	f.Add(searchAnswerJSON(3, false))
	f.Add([]byte(`<telecloud><a>x<![CDATA[y]]>z</a><b><c/><c>1</c></b></telecloud>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		body = bytes.TrimSpace(body)
		var compact, indented []byte
		switch {
		case len(body) > 0 && body[0] == '{':
			if !json.Valid(body) {
				return
			}
			var c, i bytes.Buffer
			if json.Compact(&c, body) != nil || json.Indent(&i, body, "", "    ") != nil {
				return
			}
			compact, indented = c.Bytes(), i.Bytes()
		case len(body) > 0 && body[0] == '<':
			if mixed, ok := mixedContent(body); mixed || !ok {
				return // text beside child elements, or not well-formed
			}
			d, err := parseXML(body)
			if err != nil {
				return
			}
			var c, i bytes.Buffer
			writeXML(&c, d, 0, "", "")
			writeXML(&i, d, 0, "\n", "  ")
			compact, indented = c.Bytes(), i.Bytes()
		default:
			return
		}
		dc, errC := parseAnswer(compact, FormatJSON)
		di, errI := parseAnswer(indented, FormatJSON)
		if (errC == nil) != (errI == nil) {
			t.Fatalf("compact: %v; indented: %v\n%s\n%s", errC, errI, compact, indented)
		}
		if errC != nil {
			if body[0] == '<' {
				t.Fatalf("the XML written back does not parse: %v\n%s", errC, compact)
			}
			return
		}
		for _, g := range allGolden() {
			typ := reflect.TypeOf(g.want).Elem()
			oc, oi := reflect.New(typ).Interface(), reflect.New(typ).Interface()
			errC, errI := decodeDoc(dc, oc), decodeDoc(di, oi)
			if (errC == nil) != (errI == nil) || errC != nil && errC.Error() != errI.Error() {
				t.Fatalf("%s: compact: %v; indented: %v", typ, errC, errI)
			}
			if body[0] == '<' {
				// A text field on an element with children reads its
				// markup (HTML sent without CDATA): there, indentation is
				// part of the value, between tags.
				betweenTags(reflect.ValueOf(oc))
				betweenTags(reflect.ValueOf(oi))
			}
			if errC == nil && !reflect.DeepEqual(oc, oi) {
				t.Fatalf("%s decodes differently:\ncompact:  %+v\nindented: %+v\n%s\n%s", typ, oc, oi, compact, indented)
			}
		}
	})
}

// writeXML writes node i of d and its subtree as XML, each child element
// on a line of its own when nl is "\n" (the text of an element with child
// elements is left out: it must be white space).
func writeXML(b *bytes.Buffer, d *doc, i int32, nl, indent string) {
	var write func(i int32, depth int)
	write = func(i int32, depth int) {
		n := &d.nodes[i]
		pad := strings.Repeat(indent, depth)
		b.WriteString(pad + "<" + n.name)
		for _, a := range d.attrs[n.a0:n.a1] {
			b.WriteString(" " + a.name + `="`)
			_ = xml.EscapeText(b, []byte(a.value))
			b.WriteString(`"`)
		}
		b.WriteString(">")
		if !n.hasElement() {
			_ = xml.EscapeText(b, []byte(n.text))
		} else {
			b.WriteString(nl)
			for c := n.first; c >= 0; c = d.nodes[c].next {
				write(c, depth+1)
			}
			b.WriteString(pad)
		}
		b.WriteString("</" + n.name + ">" + nl)
	}
	write(i, 0)
}

// mixedContent reports whether a well-formed XML document has an element
// with both text (not white space) and child elements; ok is false when
// the document is not well-formed.
func mixedContent(body []byte) (mixed, ok bool) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.CharsetReader = charsetReader
	type open struct{ text, child bool }
	var stack []open
	for {
		tok, err := dec.Token()
		if err != nil {
			return false, err == io.EOF && len(stack) == 0
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) > 0 {
				stack[len(stack)-1].child = true
			}
			stack = append(stack, open{})
		case xml.EndElement:
			if len(stack) == 0 {
				return false, false
			}
			if top := stack[len(stack)-1]; top.text && top.child {
				return true, true
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 && len(bytes.TrimSpace(t)) > 0 {
				stack[len(stack)-1].text = true
			}
		}
	}
}

var spaceBetweenTags = regexp.MustCompile(`>\s+<`)

// betweenTags removes the white space between tags from every string
// reachable from v.
func betweenTags(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			betweenTags(v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			betweenTags(v.Field(i))
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			betweenTags(v.Index(i))
		}
	case reflect.String:
		if v.CanSet() {
			v.SetString(spaceBetweenTags.ReplaceAllString(v.String(), "><"))
		}
	}
}
