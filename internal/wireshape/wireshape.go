// Package wireshape holds what ispkit check expects of the vendors'
// answers: the entries of the answer shapes it confirms, and the functions
// that read the expected paths off the very types an SDK package decodes an
// answer into. A vendor package's own tests check its entries against its
// wire types (the one table of its wire details, wire.go), so an entry here
// cannot drift from what the SDK reads.
//
// A shape path reads "$", ".field" and "[]" (any element) for JSON, and
// "/element" and "/@attr" for XML. Kinds: object, array, string, number,
// bool, null (JSON); element, text, empty, attr (XML); several joined with
// "|"; KindAny takes any value and everything under it.
package wireshape

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strings"
	"time"
)

// Entry is one answer as the SDK expects it.
type Entry struct {
	Name   string // what the report calls it
	Method string
	// Path is a suffix of the request path; a "{}" segment matches any one
	// segment.
	Path string
	// MediaType, if set, is the Content-Type the answer must have
	// (parameters such as charset ignored).
	MediaType string
	// Status is the expected HTTP status class of this answer: 2 for a
	// success, 4 for a refusal (an error envelope).
	Status int
	// Required must be there with one of the kinds; Optional may be.
	Required map[string]string
	Optional map[string]string
	// Source says where the expectation comes from, as the package's wire
	// table marks it.
	Source string
}

// Matches reports whether a request's method, path and answer status are
// this entry's.
func (e Entry) Matches(method, path string, status int) bool {
	if method != e.Method || status/100 != e.Status {
		return false
	}
	want := strings.Split(strings.Trim(e.Path, "/"), "/")
	got := strings.Split(strings.Trim(path, "/"), "/")
	if len(got) < len(want) {
		return false
	}
	got = got[len(got)-len(want):]
	for i := range want {
		if want[i] != "{}" && want[i] != got[i] {
			return false
		}
	}
	return true
}

// Expects reports whether the entry names path, as required or optional,
// or takes a path above it whole (KindAny).
func (e Entry) Expects(path string) bool {
	if _, ok := e.Required[path]; ok {
		return true
	}
	if _, ok := e.Optional[path]; ok {
		return true
	}
	return e.UnderAny(path)
}

// UnderAny reports whether path lies under a path the entry takes whole.
func (e Entry) UnderAny(path string) bool {
	for _, m := range []map[string]string{e.Required, e.Optional} {
		for p, k := range m {
			if k != KindAny || len(path) <= len(p) || !strings.HasPrefix(path, p) {
				continue
			}
			if c := path[len(p)]; c == '.' || c == '[' || c == '/' {
				return true
			}
		}
	}
	return false
}

// Fields makes a map of paths to kinds from pairs.
func Fields(pairs ...string) map[string]string {
	m := map[string]string{}
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = pairs[i+1]
	}
	return m
}

// KindAny accepts any value, and everything under it (a json.RawMessage,
// a map keyed by data, VAR1…VAR20 definitions).
const KindAny = "any"

var (
	textUnmarshalerT = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonUnmarshalerT = reflect.TypeFor[json.Unmarshaler]()
	rawMessageT      = reflect.TypeFor[json.RawMessage]()
	timeT            = reflect.TypeFor[time.Time]()
)

// JSON returns the paths under root (such as "$" or "$[]") that
// encoding/json reads into a value of type t, with the kinds it accepts
// there. encoding/json takes null for any type, so every kind admits null.
func JSON(t reflect.Type, root string) map[string]string {
	m := map[string]string{}
	walkJSONType(m, t, root, 0)
	return m
}

func walkJSONType(m map[string]string, t reflect.Type, path string, depth int) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if depth > 8 { // a recursive type: what lies deeper is not checked
		m[path] = KindAny
		return
	}
	switch {
	case t == rawMessageT, t.Kind() == reflect.Interface, t.Kind() == reflect.Map:
		m[path] = KindAny
		return
	case t == timeT:
		m[path] = "string|null" // RFC 3339, as encoding/json reads time.Time
		return
	case reflect.PointerTo(t).Implements(jsonUnmarshalerT):
		m[path] = KindAny
		return
	case reflect.PointerTo(t).Implements(textUnmarshalerT):
		m[path] = "string|null"
		return
	}
	switch t.Kind() {
	case reflect.String:
		m[path] = "string|null"
	case reflect.Bool:
		m[path] = "bool|null"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		m[path] = "number|null"
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			m[path] = "string|null" // base64
			return
		}
		m[path] = "array|null"
		walkJSONType(m, t.Elem(), path+"[]", depth+1)
	case reflect.Struct:
		m[path] = "object|null"
		jsonFieldsOf(m, t, path, depth)
	default:
		m[path] = KindAny
	}
}

func jsonFieldsOf(m map[string]string, t reflect.Type, path string, depth int) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				jsonFieldsOf(m, ft, path, depth)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		p := path + "." + name
		if strings.Contains(","+opts+",", ",string,") {
			m[p] = "string|null"
			continue
		}
		walkJSONType(m, f.Type, p, depth+1)
	}
}

// TeleCloudXML returns the paths under the element root that the TeleCloud
// decoder reads into a value of type t, following its tc tags (see
// telecloud/decode.go): child elements ("a>b" a path through them),
// attributes (",attr"), the element's own text (",text") and VAR
// definitions or values (",vars", ",values", taken whole). An element may
// be empty wherever the SDK reads one: it reads an empty one as its zero
// value.
func TeleCloudXML(t reflect.Type, root string) map[string]string {
	m := map[string]string{}
	walkTCType(m, t, root, 0)
	return m
}

func walkTCType(m map[string]string, t reflect.Type, path string, depth int) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8 {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || reflect.PointerTo(t).Implements(textUnmarshalerT) {
		m[path] = "text|empty"
		return
	}
	if depth > 8 {
		m[path] = KindAny
		return
	}
	m[path] = "element|empty"
	tcFieldsOf(m, t, path, depth)
}

func tcFieldsOf(m map[string]string, t reflect.Type, path string, depth int) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag, hasTag := f.Tag.Lookup("tc")
		if f.Anonymous && f.Type.Name() == "Meta" {
			m[path+"/@trans_id"] = "attr"
			continue
		}
		if f.Anonymous && !hasTag && f.Type.Kind() == reflect.Struct {
			tcFieldsOf(m, f.Type, path, depth)
			continue
		}
		if !hasTag || tag == "-" || !f.IsExported() {
			continue
		}
		name, opt, _ := strings.Cut(tag, ",")
		segs := strings.Split(name, ">")
		switch opt {
		case "attr":
			p := path
			for _, s := range segs[:len(segs)-1] {
				p += "/" + s
				if _, ok := m[p]; !ok {
					m[p] = "element|empty"
				}
			}
			m[p+"/@"+segs[len(segs)-1]] = "attr"
		case "text":
			m[path] = "text|empty|element"
		case "vars", "values":
			if name == "" {
				m[path] = KindAny
				continue
			}
			m[path+"/"+strings.Join(segs, "/")] = KindAny
		default:
			p := path
			for _, s := range segs[:len(segs)-1] {
				p += "/" + s
				m[p] = "element|empty"
			}
			walkTCType(m, f.Type, p+"/"+segs[len(segs)-1], depth+1)
		}
	}
}

// XML returns the paths under the element root that encoding/xml reads
// into a value of type t, following its xml tags: child elements ("a>b" a
// path through them), attributes (",attr"), the element's text
// (",chardata"), and ",innerxml" or ",any" taken whole. Every element may
// be empty.
func XML(t reflect.Type, root string) map[string]string {
	m := map[string]string{}
	walkXMLType(m, t, root, 0)
	return m
}

func walkXMLType(m map[string]string, t reflect.Type, path string, depth int) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8 {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || t == timeT || reflect.PointerTo(t).Implements(textUnmarshalerT) {
		m[path] = "text|empty"
		return
	}
	if depth > 8 {
		m[path] = KindAny
		return
	}
	m[path] = "element|empty"
	xmlFieldsOf(m, t, path, depth)
}

func xmlFieldsOf(m map[string]string, t reflect.Type, path string, depth int) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag, hasTag := f.Tag.Lookup("xml")
		if f.Anonymous && !hasTag {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				xmlFieldsOf(m, ft, path, depth)
				continue
			}
		}
		if tag == "-" || !f.IsExported() || f.Name == "XMLName" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" && opts == "" {
			name = f.Name
		}
		switch {
		case strings.Contains(opts, "attr"):
			m[path+"/@"+name] = "attr"
		case strings.Contains(opts, "chardata"):
			m[path] = "text|empty|element"
		case strings.Contains(opts, "innerxml"), strings.Contains(opts, "any"):
			m[path] = KindAny
		case strings.Contains(opts, "comment"):
		default:
			segs := strings.Split(name, ">")
			p := path
			for _, s := range segs[:len(segs)-1] {
				p += "/" + s
				m[p] = "element|empty"
			}
			walkXMLType(m, f.Type, p+"/"+segs[len(segs)-1], depth+1)
		}
	}
}
