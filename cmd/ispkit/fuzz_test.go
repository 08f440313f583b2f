package main

import (
	"encoding/json"
	"encoding/xml"
	"sort"
	"strings"
	"testing"
)

// FuzzAnswerShape: whatever a server answers, reading its shape does not
// panic, every path the report prints is made of names and placeholders
// only, and a value (a JSON string, XML text or attribute value) never
// becomes part of a path.
func FuzzAnswerShape(f *testing.F) {
	f.Add([]byte(`{"a":[{"b":1}],"c":null}`), "alice@example.com")
	f.Add([]byte(`<telecloud trans_id="1"><customer account_number="7105045"><EMAIL>x@y</EMAIL></customer></telecloud>`), "7105045")
	f.Add([]byte(`<?xml version="1.0"?><s:Envelope xmlns:s="x"><s:Body/></s:Envelope>`), "<&>\"'")
	f.Add([]byte(`{"7105045":{"ab12cd34ef":true}}`), "VAR12")
	f.Fuzz(func(t *testing.T, body []byte, value string) {
		for _, read := range []func([]byte) (shape, error){jsonShape, xmlShape} {
			s, err := read(body)
			if err != nil {
				continue
			}
			for p := range s.Kinds {
				for _, seg := range strings.FieldsFunc(printablePath(p), func(r rune) bool { return r == '.' || r == '/' || r == '$' }) {
					seg = strings.TrimSuffix(seg, "[]")
					for strings.HasSuffix(seg, "[]") {
						seg = strings.TrimSuffix(seg, "[]")
					}
					if seg != "" && seg != "<key>" && !safeName.MatchString(seg) {
						t.Fatalf("printable path %q of %q holds %q", printablePath(p), p, seg)
					}
				}
			}
		}

		// A value in the value's places: the paths are the document's
		// names, whatever the value.
		js, _ := json.Marshal(map[string]any{"k": value, "l": []string{value}})
		s, err := jsonShape(js)
		if err != nil {
			t.Fatalf("jsonShape of marshalled JSON: %v", err)
		}
		if got := paths(s); got != "$ $.k $.l $.l[]" {
			t.Fatalf("paths of a JSON value %q: %s", value, got)
		}
		var esc strings.Builder
		if err := xml.EscapeText(&esc, []byte(value)); err != nil {
			return
		}
		doc := `<r a="` + esc.String() + `"><t>` + esc.String() + `</t></r>`
		s, err = xmlShape([]byte(doc))
		if err != nil {
			return // a value XML cannot carry (a control character)
		}
		if got := paths(s); got != "/r /r/@a /r/t" {
			t.Fatalf("paths of an XML value %q: %s", value, got)
		}
	})
}

func paths(s shape) string {
	var ps []string
	for p := range s.Kinds {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	return strings.Join(ps, " ")
}
