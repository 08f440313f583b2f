package baicellstest

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
)

// value is one field of a request body, decoded leniently: BOSS clients in
// the field send identifiers and speeds as JSON strings or as JSON numbers,
// and the fake accepts both. A number keeps its literal text, so a 15-digit
// IMSI sent as a number reads back with every digit.
type value struct {
	present bool   // the key was sent with a non-null value
	text    string // the string's content, or the literal text of anything else
	other   bool   // the value was neither a string nor a number (bool, object, array)
}

// valueOf decodes one raw JSON value. A missing key and an explicit null
// both read as absent.
func valueOf(raw json.RawMessage) value {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return value{}
	}
	switch c := raw[0]; {
	case c == '"' && bytes.IndexByte(raw, '\\') < 0 && len(raw) >= 2 && raw[len(raw)-1] == '"':
		// Fast path: a plain string with no escapes.
		return value{present: true, text: string(raw[1 : len(raw)-1])}
	case c == '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return value{present: true, text: string(raw), other: true}
		}
		return value{present: true, text: s}
	case c == '-' || (c >= '0' && c <= '9'):
		return value{present: true, text: string(raw)}
	default:
		return value{present: true, text: string(raw), other: true}
	}
}

// UnmarshalJSON decodes a field of a typed request struct leniently; it
// never fails, so one odd field cannot break the whole body.
func (v *value) UnmarshalJSON(raw []byte) error {
	*v = valueOf(raw)
	return nil
}

// empty reports whether the field is missing, null or an empty string:
// BOSS treats all three as "field is required".
func (v value) empty() bool { return !v.present || strings.TrimSpace(v.text) == "" }

// str is the field's text ("" when absent).
func (v value) str() string { return v.text }

// integer parses the field as a whole number, from a JSON number or a
// string holding one. Integral floats such as 5.0 are accepted.
func (v value) integer() (int, bool) {
	if !v.present || v.other {
		return 0, false
	}
	t := strings.TrimSpace(v.text)
	if n, err := strconv.Atoi(t); err == nil {
		return n, true
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsInf(f, 0) || f != math.Trunc(f) || math.Abs(f) > math.MaxInt32 {
		return 0, false
	}
	return int(f), true
}

// body is a decoded request body: its top-level keys, each still raw.
type body map[string]json.RawMessage

// errNotObject reports a body that is valid JSON but not an object.
var errNotObject = errors.New("baicellstest: request body is not a JSON object")

// parseBody decodes a request body into its top-level fields. An empty body
// reads as {} so the endpoint can answer with its own "required" code.
func parseBody(b []byte) (body, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return body{}, nil
	}
	var m body
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	if m == nil {
		return nil, errNotObject
	}
	return m, nil
}

// get returns the named field, leniently decoded.
func (b body) get(key string) value { return valueOf(b[key]) }

// field is one key/value pair of an ordered JSON object.
type field struct {
	key string
	val any
}

// object is a JSON object that keeps its keys in the order written, so the
// fake's responses read like the manual's examples (session_id first).
type object []field

// MarshalJSON writes the fields in order.
func (o object) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(32 * len(o))
	buf.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, err := json.Marshal(f.key)
		if err != nil {
			return nil, err
		}
		buf.Write(k)
		buf.WriteByte(':')
		v, err := json.Marshal(f.val)
		if err != nil {
			return nil, err
		}
		buf.Write(v)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}
