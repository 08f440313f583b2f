// Package flex holds lenient JSON scalars for vendor APIs that mix strings,
// numbers and booleans for the same field (BOSS, Octane's REST API). Each
// accepts every form such a server sends, without allocating in the common case.
package flex

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// String accepts a JSON string, number, boolean or null.
type String string

// UnmarshalJSON implements json.Unmarshaler.
func (f *String) UnmarshalJSON(b []byte) error {
	if len(b) == 0 {
		return nil
	}
	switch b[0] {
	case '"':
		if inner, ok := plainString(b); ok {
			*f = String(inner)
			return nil
		}
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = String(s)
	case 'n':
		*f = ""
	case '{', '[':
		return fmt.Errorf("expected a string or number, got %s", kindOf(b))
	default: // number or boolean, kept as written
		*f = String(b)
	}
	return nil
}

// Int accepts a JSON number or a string holding one ("" and null are 0).
type Int int64

// UnmarshalJSON implements json.Unmarshaler.
func (f *Int) UnmarshalJSON(b []byte) error {
	if len(b) == 0 || b[0] == 'n' {
		*f = 0
		return nil
	}
	if n, ok := plainInt(b); ok {
		*f = Int(n)
		return nil
	}
	var s string
	if b[0] == '"' {
		inner, ok := plainString(b)
		if !ok {
			if err := json.Unmarshal(b, &inner); err != nil {
				return err
			}
		}
		s = strings.TrimSpace(inner)
		if s == "" {
			*f = 0
			return nil
		}
	}
	if b[0] != '"' {
		s = string(b)
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		*f = Int(n)
		return nil
	}
	// "5.0" or 5e3: accept whole numbers written as floats.
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || x != float64(int64(x)) {
		return fmt.Errorf("expected an integer, got %.40q", s)
	}
	*f = Int(int64(x))
	return nil
}

// Bool accepts true/false, "true"/"false", 1/0 and "1"/"0".
type Bool bool

// UnmarshalJSON implements json.Unmarshaler.
func (f *Bool) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	switch strings.ToLower(s) {
	case "true", "1":
		*f = true
	case "false", "0", "", "null":
		*f = false
	default:
		return fmt.Errorf("expected a boolean, got %.40q", s)
	}
	return nil
}

// plainInt parses a JSON integer or a quoted one made of digits only,
// without allocating.
func plainInt(b []byte) (int64, bool) {
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' {
		b = b[1 : len(b)-1]
	}
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// plainString returns the content of a JSON string literal that needs no
// unescaping (the common case), without the cost of a nested json.Unmarshal.
// encoding/json has already validated the literal.
func plainString(b []byte) (string, bool) {
	if len(b) < 2 || b[len(b)-1] != '"' {
		return "", false
	}
	inner := b[1 : len(b)-1]
	for _, c := range inner {
		if c == '\\' || c < 0x20 || c >= 0x80 {
			return "", false // escapes and non-ASCII take the exact path
		}
	}
	return string(inner), true
}

func kindOf(b []byte) string {
	switch b[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	}
	return "a value"
}
