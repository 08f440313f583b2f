package alianza

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// The spec's polymorphic models (RingFailoverAction, RingTimeoutConfiguration,
// HuntingConfiguration, FailoverAction, IVRComponentX and deviceGraph's
// oneOf) are typed as tagged unions: a struct with one pointer per variant,
// of which exactly one is set, and Unknown, the JSON of a variant this
// package does not know, kept as the server sent it so that nothing is lost
// and no answer fails to decode. UnmarshalJSON chooses the variant from the
// discriminator field (or, where there is none, from the fields present);
// MarshalJSON writes the chosen variant with its discriminator, and refuses
// (an error, before anything is sent) a union with no variant or more than
// one. The helpers below are shared by all of them.

// errUnionEmpty and errUnionAmbiguous are the encoding errors of a union
// with no variant set, or more than one.
var (
	errUnionEmpty     = errors.New("no variant is set")
	errUnionAmbiguous = errors.New("more than one variant is set")
)

// unionTag reads the string discriminator field of a JSON object: "" when
// absent or null. Anything but an object, or a discriminator that is not a
// string, is an error.
func unionTag(family string, data []byte, field string) (string, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return "", fmt.Errorf("alianza: %s: %w", family, err)
	}
	if fields == nil {
		return "", fmt.Errorf("alianza: %s: not a JSON object", family)
	}
	raw, ok := fields[field]
	if !ok || string(raw) == "null" {
		return "", nil
	}
	var tag string
	if err := json.Unmarshal(raw, &tag); err != nil {
		return "", fmt.Errorf("alianza: %s: %q is not a string", family, field)
	}
	return tag, nil
}

// hasField reports whether the JSON object data has the field.
func hasField(data []byte, field string) bool {
	var fields map[string]json.RawMessage
	if json.Unmarshal(data, &fields) != nil {
		return false
	}
	_, ok := fields[field]
	return ok
}

// countSet counts the non-nil values among the variant pointers.
func countSet(set ...bool) int {
	n := 0
	for _, s := range set {
		if s {
			n++
		}
	}
	return n
}

// checkUnion is the encoding check of a union: exactly one variant set,
// or only Unknown, which must be JSON (what was read: an object, or null).
func checkUnion(family string, unknown json.RawMessage, set ...bool) error {
	n := countSet(set...)
	if unknown != nil {
		if n > 0 {
			return fmt.Errorf("alianza: %s: %w (and Unknown)", family, errUnionAmbiguous)
		}
		if !json.Valid(unknown) {
			return fmt.Errorf("alianza: %s: Unknown is not JSON", family)
		}
		return nil
	}
	switch n {
	case 0:
		return fmt.Errorf("alianza: %s: %w", family, errUnionEmpty)
	case 1:
		return nil
	}
	return fmt.Errorf("alianza: %s: %w", family, errUnionAmbiguous)
}

// encodeTagged writes {field: tag, ...the fields of each part}: each part
// is a struct that encodes as a JSON object (nil parts are skipped).
func encodeTagged(field, tag string, parts ...any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	if field != "" {
		k, _ := json.Marshal(field)
		v, _ := json.Marshal(tag)
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	for _, p := range parts {
		if p == nil {
			continue
		}
		pb, err := json.Marshal(p)
		if err != nil {
			return nil, err
		}
		pb = bytes.TrimSpace(pb)
		if len(pb) < 2 || pb[0] != '{' {
			return nil, fmt.Errorf("alianza: %T does not encode as an object", p)
		}
		inner := bytes.TrimSpace(pb[1 : len(pb)-1])
		if len(inner) == 0 {
			continue
		}
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		b.Write(inner)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// decodeVariant decodes data into a new T.
func decodeVariant[T any](family string, data []byte) (*T, error) {
	v := new(T)
	if err := json.Unmarshal(data, v); err != nil {
		return nil, fmt.Errorf("alianza: %s: %w", family, err)
	}
	return v, nil
}

// keepRaw is a compact copy of data (json.Unmarshal's buffer is not ours
// to keep).
func keepRaw(data []byte) json.RawMessage {
	var b bytes.Buffer
	if json.Compact(&b, data) != nil {
		return append(json.RawMessage(nil), bytes.TrimSpace(data)...)
	}
	return b.Bytes()
}

// isNull reports whether data is the JSON null: a union read from null
// keeps it in Unknown, so that it is written back as null.
func isNull(data []byte) bool { return string(bytes.TrimSpace(data)) == "null" }

// maxUnionDepth bounds the JSON nesting of a model whose unions nest (an
// IVR's components: a menu's DTMF entries and failure, a schedule's rules).
// Each level's UnmarshalJSON reads its whole subtree again, so decoding is
// quadratic in the nesting: a hostile answer 300 KB deep would take tens
// of seconds. Real IVRs nest a few levels.
const maxUnionDepth = 64

// jsonDepth is the deepest nesting of objects and arrays in data, read in
// one pass (brackets inside strings do not count).
func jsonDepth(data []byte) int {
	depth, max := 0, 0
	inString, escaped := false, false
	for _, b := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case b == '\\':
				escaped = true
			case b == '"':
				inString = false
			}
		case b == '"':
			inString = true
		case b == '{' || b == '[':
			depth++
			if depth > max {
				max = depth
			}
		case b == '}' || b == ']':
			depth--
		}
	}
	return max
}
