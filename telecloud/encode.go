package telecloud

import (
	"encoding"
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// validator is implemented by requests with checks beyond required fields.
type validator interface{ validate() error }

var (
	textMarshalT = reflect.TypeFor[encoding.TextMarshaler]()
	timeT        = reflect.TypeFor[time.Time]()
	varValuesT   = reflect.TypeFor[VarValues]()
	secretT      = reflect.TypeFor[Secret]()
)

// encodeParams turns a typed request into wire parameters, following the
// route's table. It returns the values that must never be shown (secrets).
func encodeParams(r *route, req any) (url.Values, []string, error) {
	params := url.Values{}
	var secrets []string
	var v reflect.Value
	if req != nil {
		v = reflect.ValueOf(req)
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				v = reflect.Value{}
			} else {
				v = v.Elem()
			}
		}
		if v.IsValid() && v.Kind() != reflect.Struct {
			return nil, nil, fmt.Errorf("telecloud: request %T is not a struct", req)
		}
	}
	for _, p := range r.Params {
		var f reflect.Value
		if v.IsValid() {
			f = v.FieldByName(p.Field)
			if !f.IsValid() {
				return nil, nil, fmt.Errorf("telecloud: request %T has no field %s", req, p.Field)
			}
		}
		if f.IsValid() && f.Type() == varValuesT {
			vals := f.Interface().(VarValues)
			if err := vals.check(); err != nil {
				return nil, nil, invalidField(p.Field, p.Name, err.Error())
			}
			sent, given := false, false
			for _, slot := range vals.slots() {
				val := vals[slot]
				if err := checkText(val); err != nil {
					return nil, nil, invalidField(p.Field, fmt.Sprintf(p.Name, slot), err.Error())
				}
				if val != "" {
					params.Set(fmt.Sprintf(p.Name, slot), val)
					sent, given = true, given || !blank(val)
				}
			}
			if p.Required && len(vals) == 0 {
				return nil, nil, invalidField(p.Field, p.Name, "is required")
			}
			if p.Required && sent && !given {
				return nil, nil, invalidField(p.Field, p.Name, "holds only blank values")
			}
			continue
		}
		s, set, err := formValue(f)
		if err != nil {
			return nil, nil, invalidField(p.Field, p.Name, err.Error())
		}
		if !set {
			if p.Required {
				return nil, nil, invalidField(p.Field, p.Name, "is required")
			}
			continue
		}
		if err := checkText(s); err != nil {
			return nil, nil, invalidField(p.Field, p.Name, err.Error())
		}
		if p.Required && blank(s) {
			return nil, nil, invalidField(p.Field, p.Name, "is blank")
		}
		params.Set(p.Name, s)
		if p.Secret || isSecretParam(p.Name) {
			secrets = append(secrets, s)
		}
	}
	if val, ok := req.(validator); ok && v.IsValid() {
		if err := val.validate(); err != nil {
			return nil, nil, err
		}
	}
	return params, secrets, nil
}

// checkText refuses what no form value should hold.
func checkText(s string) error {
	if !utf8.ValidString(s) {
		return errors.New("is not valid UTF-8")
	}
	if strings.IndexByte(s, 0) >= 0 {
		return errors.New("contains a NUL byte")
	}
	return nil
}

// formValue formats a field; set is false for a zero value (not sent).
func formValue(f reflect.Value) (s string, set bool, err error) {
	if !f.IsValid() {
		return "", false, nil
	}
	if f.Kind() == reflect.Pointer {
		if f.IsNil() {
			return "", false, nil
		}
		f = f.Elem()
		// A pointer says "send even the zero value".
		s, _, err := formValueAny(f, true)
		return s, true, err
	}
	return formValueAny(f, false)
}

func formValueAny(f reflect.Value, force bool) (string, bool, error) {
	if f.Type() == secretT {
		// Before the TextMarshaler case: a Secret marshals as REDACTED, and
		// the one place that sends its value is here.
		s := f.Interface().(Secret).Reveal()
		return s, s != "" || force, nil
	}
	if f.Type() == timeT {
		t := f.Interface().(time.Time)
		if t.IsZero() {
			return "", false, nil
		}
		return t.Format("2006-01-02"), true, nil
	}
	if f.Type().Implements(textMarshalT) {
		b, err := f.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			return "", false, err
		}
		return string(b), len(b) > 0 || force, nil
	}
	switch f.Kind() {
	case reflect.String:
		s := f.String()
		return s, s != "" || force, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n := f.Int()
		return strconv.FormatInt(n, 10), n != 0 || force, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n := f.Uint()
		return strconv.FormatUint(n, 10), n != 0 || force, nil
	case reflect.Bool:
		if f.Bool() {
			return "Y", true, nil
		}
		return "N", force, nil
	case reflect.Slice:
		if f.Type().Elem().Kind() == reflect.String {
			parts := make([]string, f.Len())
			for i := range parts {
				parts[i] = f.Index(i).String()
				if strings.Contains(parts[i], ",") {
					return "", false, fmt.Errorf("item %q contains a comma", parts[i])
				}
			}
			return strings.Join(parts, ","), len(parts) > 0, nil
		}
	}
	return "", false, fmt.Errorf("cannot send a %s", f.Type())
}
