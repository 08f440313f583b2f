package conformance

import (
	"encoding/json"
	"fmt"
	"reflect"
)

// printResult is the printing sweep of one Printables value.
type printResult struct {
	name string
	res  *result
}

// printSweep prints every Printables value every way a program might and
// looks for the secrets in the output.
func (k *kit) printSweep() []*printResult {
	var out []*printResult
	for i, v := range k.a.Printables {
		name := fmt.Sprintf("%d-%T", i, v)
		pr := &printResult{name: name, res: &result{}}
		out = append(out, pr)
		if v == nil {
			continue
		}
		func() {
			defer func() {
				if p := recover(); p != nil {
					pr.res.add(kindPanic, "printing %s panicked: %s", name, k.det.mask(fmt.Sprint(p)))
				}
			}()
			k.scan(pr.res, printSurfaces(v), kindLeak)
		}()
	}
	return out
}

// printForms are v bare, behind a pointer, in a slice of values and one of
// pointers, as a map value, and in a wrapper struct by value and by pointer.
func printForms(v any) []struct {
	name string
	v    any
} {
	rv := reflect.ValueOf(v)
	t := rv.Type()
	ptr := reflect.New(t)
	ptr.Elem().Set(rv)
	vals := reflect.MakeSlice(reflect.SliceOf(t), 1, 1)
	vals.Index(0).Set(rv)
	ptrs := reflect.MakeSlice(reflect.SliceOf(ptr.Type()), 1, 1)
	ptrs.Index(0).Set(ptr)
	m := reflect.MakeMap(reflect.MapOf(reflect.TypeOf(""), t))
	m.SetMapIndex(reflect.ValueOf("k"), rv)
	byVal := reflect.New(reflect.StructOf([]reflect.StructField{{Name: "V", Type: t}})).Elem()
	byVal.Field(0).Set(rv)
	byPtr := reflect.New(reflect.StructOf([]reflect.StructField{{Name: "P", Type: ptr.Type()}})).Elem()
	byPtr.Field(0).Set(ptr)
	return []struct {
		name string
		v    any
	}{
		{"bare", v}, {"pointer", ptr.Interface()}, {"slice of values", vals.Interface()},
		{"slice of pointers", ptrs.Interface()}, {"map value", m.Interface()},
		{"struct field", byVal.Interface()}, {"struct pointer field", byPtr.Interface()},
	}
}

func printSurfaces(v any) []surface {
	var out []surface
	forms := printForms(v)
	for _, f := range forms {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d"} {
			out = append(out, surface{f.name + " " + verb, safeString(func() string { return fmt.Sprintf(verb, f.v) })})
		}
		out = append(out, surface{f.name + " json.Marshal", safeString(func() string {
			b, err := json.Marshal(f.v)
			if err != nil {
				return "json error: " + err.Error()
			}
			return string(b)
		})})
	}
	for _, f := range forms {
		if f.name != "bare" && f.name != "slice of values" && f.name != "struct field" {
			continue
		}
		logger, text, js := newLogger()
		func() {
			defer func() { _ = recover() }()
			logger.Info("print", "v", f.v)
		}()
		out = append(out, surface{f.name + " slog text", text.String()}, surface{f.name + " slog JSON", js.String()})
	}
	return out
}
