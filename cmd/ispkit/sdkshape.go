package main

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strings"
	"time"
)

// The expected answer shapes of TeleCloud and Alianza are not written by
// hand: they are read from the types the SDK decodes those answers into (the
// json tags of alianza's types, the tc tags of telecloud's), so ispkit check
// compares an answer with exactly what the SDK reads, and a field added to
// the SDK is expected at once. BOSS and Octane decode into unexported wire
// types, so their entries in wiretable.go are written out, from the
// packages' wire.go.

// kindAny accepts any value, and everything under it (a json.RawMessage,
// a map keyed by data, VAR1…VAR20 definitions).
const kindAny = "any"

var (
	textUnmarshalerT = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonUnmarshalerT = reflect.TypeFor[json.Unmarshaler]()
	rawMessageT      = reflect.TypeFor[json.RawMessage]()
	timeT            = reflect.TypeFor[time.Time]()
)

// sdkJSON returns the paths under root (such as "$" or "$[]") that
// encoding/json reads into a value of type t, with the kinds it accepts
// there. encoding/json takes null for any type, so every kind admits null.
func sdkJSON(t reflect.Type, root string) map[string]string {
	m := map[string]string{}
	walkJSONType(m, t, root, 0)
	return m
}

func walkJSONType(m map[string]string, t reflect.Type, path string, depth int) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if depth > 8 { // a recursive type: what lies deeper is not checked
		m[path] = kindAny
		return
	}
	switch {
	case t == rawMessageT, t.Kind() == reflect.Interface, t.Kind() == reflect.Map:
		m[path] = kindAny
		return
	case t == timeT:
		m[path] = "string|null" // RFC 3339, as encoding/json reads time.Time
		return
	case reflect.PointerTo(t).Implements(jsonUnmarshalerT):
		m[path] = kindAny
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
		m[path] = kindAny
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

// sdkXML returns the paths under the element root that the TeleCloud
// decoder reads into a value of type t, following its tc tags (see
// telecloud/decode.go): child elements ("a>b" a path through them),
// attributes (",attr"), the element's own text (",text") and VAR
// definitions or values (",vars", ",values", taken whole). An element may
// be empty wherever the SDK reads one: it reads an empty one as its zero
// value.
func sdkXML(t reflect.Type, root string) map[string]string {
	m := map[string]string{}
	walkXMLType(m, t, root, 0)
	return m
}

func walkXMLType(m map[string]string, t reflect.Type, path string, depth int) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8 {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || reflect.PointerTo(t).Implements(textUnmarshalerT) {
		m[path] = "text|empty"
		return
	}
	if depth > 8 {
		m[path] = kindAny
		return
	}
	m[path] = "element|empty"
	xmlFieldsOf(m, t, path, depth)
}

func xmlFieldsOf(m map[string]string, t reflect.Type, path string, depth int) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag, hasTag := f.Tag.Lookup("tc")
		if f.Anonymous && f.Type.Name() == "Meta" {
			m[path+"/@trans_id"] = "attr"
			continue
		}
		if f.Anonymous && !hasTag && f.Type.Kind() == reflect.Struct {
			xmlFieldsOf(m, f.Type, path, depth)
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
				m[path] = kindAny
				continue
			}
			m[path+"/"+strings.Join(segs, "/")] = kindAny
		default:
			p := path
			for _, s := range segs[:len(segs)-1] {
				p += "/" + s
				m[p] = "element|empty"
			}
			walkXMLType(m, f.Type, p+"/"+segs[len(segs)-1], depth+1)
		}
	}
}
