package telecloud

// The decoder maps the tree of an answer onto Go structs through `tc` tags:
//
//	tc:"customer"               a child element (a slice collects every child of that name)
//	tc:"Users>user"             a path through child elements
//	tc:"account_number,attr"    an attribute of the element
//	tc:",text"                  the element's own text
//	tc:"variables,vars"         VAR1…VAR20 definitions under a child (",vars": under the element)
//	tc:"variables,values"       VAR1…VAR20 order values
//
// Plans are built once per type and cached.

import (
	"encoding"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

type fieldKind uint8

const (
	kindElem fieldKind = iota
	kindAttr
	kindText
	kindVars
	kindValues
)

type fieldPlan struct {
	index  []int
	path   []string // element path; for attr, path[0] is the attribute
	kind   fieldKind
	goName string
	at     string // "@name" of an attribute of the element, for error paths
}

type structPlan struct {
	elems  map[string][]*fieldPlan // by first path segment
	attrs  map[string]*fieldPlan
	text   *fieldPlan
	inline []*fieldPlan // vars/values of the element itself
	meta   []int        // index of an embedded Meta, if any
}

var (
	plans          sync.Map // reflect.Type → *structPlan
	textUnmarshalT = reflect.TypeFor[encoding.TextUnmarshaler]()
	variablesT     = reflect.TypeFor[Variables]()
	metaT          = reflect.TypeFor[Meta]()
)

func planFor(t reflect.Type) (*structPlan, error) {
	if p, ok := plans.Load(t); ok {
		return p.(*structPlan), nil
	}
	p := &structPlan{elems: map[string][]*fieldPlan{}, attrs: map[string]*fieldPlan{}}
	if err := p.add(t, nil); err != nil {
		return nil, err
	}
	plans.Store(t, p)
	return p, nil
}

func (p *structPlan) add(t reflect.Type, prefix []int) error {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		idx := append(append([]int(nil), prefix...), i)
		tag, hasTag := f.Tag.Lookup("tc")
		if f.Anonymous && f.Type == metaT {
			p.meta = idx
			continue
		}
		if f.Anonymous && !hasTag && f.Type.Kind() == reflect.Struct {
			if err := p.add(f.Type, idx); err != nil {
				return err
			}
			continue
		}
		if !hasTag || tag == "-" || !f.IsExported() {
			continue
		}
		name, opt, _ := strings.Cut(tag, ",")
		fp := &fieldPlan{index: idx, goName: f.Name}
		switch opt {
		case "attr":
			fp.kind = kindAttr
			if i := strings.LastIndex(name, ">"); i >= 0 {
				// "customer>account_number,attr": an attribute of a descendant.
				fp.path = append(strings.Split(name[:i], ">"), name[i+1:])
				p.elems[fp.path[0]] = append(p.elems[fp.path[0]], fp)
				continue
			}
			fp.at = "@" + name
			p.attrs[name] = fp
			continue
		case "text":
			fp.kind = kindText
			p.text = fp
			continue
		case "vars", "values":
			if f.Type != variablesT {
				return fmt.Errorf("telecloud: field %s: %q needs type Variables", f.Name, opt)
			}
			fp.kind = kindVars
			if opt == "values" {
				fp.kind = kindValues
			}
			if name == "" {
				p.inline = append(p.inline, fp)
				continue
			}
		case "":
			fp.kind = kindElem
		default:
			return fmt.Errorf("telecloud: field %s: unknown tag option %q", f.Name, opt)
		}
		fp.path = strings.Split(name, ">")
		p.elems[fp.path[0]] = append(p.elems[fp.path[0]], fp)
	}
	return nil
}

// decoder holds one decode's state.
type decoder struct {
	d    *doc
	path []string // for error messages
	// unmarshals caches whether a type's pointer is a TextUnmarshaler.
	unmarshals map[reflect.Type]bool
}

// textSetter is implemented by this package's TextUnmarshalers: their
// UnmarshalText from a string, which the decoder has without a copy.
type textSetter interface{ setText(string) error }

// isUnmarshaler reports whether *t implements encoding.TextUnmarshaler.
func (dc *decoder) isUnmarshaler(t reflect.Type) bool {
	is, ok := dc.unmarshals[t]
	if !ok {
		if dc.unmarshals == nil {
			dc.unmarshals = make(map[reflect.Type]bool)
		}
		is = reflect.PointerTo(t).Implements(textUnmarshalT)
		dc.unmarshals[t] = is
	}
	return is
}

func (dc *decoder) fail(format string, args ...any) error {
	return fmt.Errorf("%s: %s", strings.Join(dc.path, "/"), fmt.Sprintf(format, args...))
}

func (dc *decoder) markNode(i int32) {
	if dc.d.seenNode != nil {
		dc.d.seenNode[i] = true
	}
}

func (dc *decoder) markTree(i int32) {
	dc.markNode(i)
	n := &dc.d.nodes[i]
	for a := n.a0; a < n.a1; a++ {
		dc.markAttr(a)
	}
	for c := n.first; c >= 0; c = dc.d.nodes[c].next {
		dc.markTree(c)
	}
}

func (dc *decoder) markAttr(i int32) {
	if dc.d.seenAttr != nil {
		dc.d.seenAttr[i] = true
	}
}

// decodeDoc decodes the root element into out, a pointer to a struct.
func decodeDoc(d *doc, out any) error {
	v := reflect.ValueOf(out)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("telecloud: cannot decode into %T (want a pointer to a struct)", out)
	}
	dc := &decoder{d: d, path: []string{d.nodes[0].name}}
	dc.markNode(0)
	return dc.structValue(0, v.Elem())
}

func (dc *decoder) structValue(ni int32, v reflect.Value) error {
	p, err := planFor(v.Type())
	if err != nil {
		return err
	}
	n := &dc.d.nodes[ni]
	for a := n.a0; a < n.a1; a++ {
		at := dc.d.attrs[a]
		if at.name == "trans_id" && p.meta != nil && ni == 0 {
			v.FieldByIndex(p.meta).Field(0).SetString(strings.TrimSpace(at.value))
			dc.markAttr(a)
			if _, ok := p.attrs[at.name]; !ok {
				continue
			}
		}
		fp, ok := p.attrs[at.name]
		if !ok {
			continue
		}
		dc.markAttr(a)
		dc.path = append(dc.path, fp.at)
		err := dc.leaf(v.FieldByIndex(fp.index), strings.TrimSpace(at.value))
		dc.path = dc.path[:len(dc.path)-1]
		if err != nil {
			return err
		}
	}
	if p.text != nil {
		if err := dc.leaf(v.FieldByIndex(p.text.index), dc.textOf(ni)); err != nil {
			return err
		}
	}
	for _, fp := range p.inline {
		if err := dc.variables(ni, v.FieldByIndex(fp.index), fp.kind == kindValues); err != nil {
			return err
		}
	}
	if len(p.elems) == 0 {
		return nil
	}
	for c := n.first; c >= 0; c = dc.d.nodes[c].next {
		fps := p.elems[dc.d.nodes[c].name]
		for _, fp := range fps {
			if err := dc.descend(c, fp, v, 1); err != nil {
				return err
			}
		}
	}
	return nil
}

// descend follows fp's path from node c (which matched path[depth-1]).
func (dc *decoder) descend(c int32, fp *fieldPlan, v reflect.Value, depth int) error {
	dc.markNode(c)
	dc.path = append(dc.path, dc.d.nodes[c].name)
	defer func() { dc.path = dc.path[:len(dc.path)-1] }()
	if fp.kind == kindAttr && depth == len(fp.path)-1 {
		n := &dc.d.nodes[c]
		want := fp.path[depth]
		for a := n.a0; a < n.a1; a++ {
			if dc.d.attrs[a].name == want {
				dc.markAttr(a)
				return dc.leaf(v.FieldByIndex(fp.index), strings.TrimSpace(dc.d.attrs[a].value))
			}
		}
		return nil
	}
	if depth == len(fp.path) {
		f := v.FieldByIndex(fp.index)
		if fp.kind == kindVars || fp.kind == kindValues {
			return dc.variables(c, f, fp.kind == kindValues)
		}
		return dc.value(c, f)
	}
	for g := dc.d.nodes[c].first; g >= 0; g = dc.d.nodes[g].next {
		if dc.d.nodes[g].name == fp.path[depth] {
			if err := dc.descend(g, fp, v, depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// value decodes node ni into f, appending when f is a slice.
func (dc *decoder) value(ni int32, f reflect.Value) error {
	if f.CanAddr() && dc.isUnmarshaler(f.Type()) {
		return dc.leafNode(ni, f)
	}
	switch f.Kind() {
	case reflect.Pointer:
		if f.IsNil() {
			f.Set(reflect.New(f.Type().Elem()))
		}
		return dc.value(ni, f.Elem())
	case reflect.Slice:
		n := f.Len()
		if n == f.Cap() {
			// Room for this element and its like that follow: its
			// siblings of the same name go to the same slice.
			more := 1
			name := dc.d.nodes[ni].name
			for c := dc.d.nodes[ni].next; c >= 0; c = dc.d.nodes[c].next {
				if dc.d.nodes[c].name == name {
					more++
				}
			}
			f.Grow(more)
		}
		f.SetLen(n + 1)
		f.Index(n).SetZero() // what lay beyond the length of a slice given
		if err := dc.value(ni, f.Index(n)); err != nil {
			f.Index(n).SetZero()
			f.SetLen(n)
			return err
		}
		return nil
	case reflect.Struct:
		return dc.structValue(ni, f)
	}
	return dc.leafNode(ni, f)
}

func (dc *decoder) leafNode(ni int32, f reflect.Value) error {
	return dc.leaf(f, dc.textOf(ni))
}

// textOf returns an element's text, trimmed. An element with element children
// and no text of its own (HTML sent without CDATA) gives its inner markup.
func (dc *decoder) textOf(ni int32) string {
	n := &dc.d.nodes[ni]
	if n.hasElement() {
		for c := n.first; c >= 0; c = dc.d.nodes[c].next {
			dc.markTree(c)
		}
		return strings.TrimSpace(dc.d.innerMarkup(ni))
	}
	return strings.TrimSpace(n.text)
}

// leaf stores text in a scalar field.
func (dc *decoder) leaf(f reflect.Value, s string) error {
	if f.Type() == secretT {
		// The setter path of a Secret (its UnmarshalText would copy s).
		f.Set(reflect.ValueOf(NewSecret(s)))
		return nil
	}
	if f.CanAddr() {
		if u, ok := f.Addr().Interface().(textSetter); ok {
			if err := u.setText(s); err != nil {
				return dc.fail("%v", strings.TrimPrefix(err.Error(), "telecloud: "))
			}
			return nil
		}
		if u, ok := f.Addr().Interface().(encoding.TextUnmarshaler); ok {
			if err := u.UnmarshalText([]byte(s)); err != nil {
				return dc.fail("%v", strings.TrimPrefix(err.Error(), "telecloud: "))
			}
			return nil
		}
	}
	switch f.Kind() {
	case reflect.String:
		f.SetString(s)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if s == "" {
			f.SetInt(0)
			return nil
		}
		n, err := strconv.ParseInt(strings.TrimPrefix(s, "+"), 10, 64)
		if err != nil || f.OverflowInt(n) {
			return dc.fail("%q is not a whole number", s)
		}
		f.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if s == "" {
			f.SetUint(0)
			return nil
		}
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil || f.OverflowUint(n) {
			return dc.fail("%q is not a whole number", s)
		}
		f.SetUint(n)
	case reflect.Bool:
		switch strings.ToUpper(s) {
		case "Y", "YES", "TRUE", "1":
			f.SetBool(true)
		case "", "N", "NO", "FALSE", "0":
			f.SetBool(false)
		default:
			return dc.fail("%q is not a yes/no value", s)
		}
	case reflect.Slice:
		if f.Type().Elem().Kind() == reflect.String {
			// A comma-separated list (variable options).
			if s == "" {
				return nil
			}
			for _, part := range strings.Split(s, ",") {
				f.Set(reflect.Append(f, reflect.ValueOf(strings.TrimSpace(part)).Convert(f.Type().Elem())))
			}
			return nil
		}
		return dc.fail("cannot hold text in %s", f.Type())
	default:
		return dc.fail("cannot hold text in %s", f.Type())
	}
	return nil
}

// variables reads the VAR1…VAR20 children of node ni. values selects the
// order form (the text is the value, the NAME attribute the name); otherwise
// the text is the variable's name.
func (dc *decoder) variables(ni int32, f reflect.Value, values bool) error {
	n := 0
	for c := dc.d.nodes[ni].first; c >= 0; c = dc.d.nodes[c].next {
		if _, ok := parseSlot(dc.d.nodes[c].name); ok {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	vs := make(Variables, 0, n)
	for c := dc.d.nodes[ni].first; c >= 0; c = dc.d.nodes[c].next {
		cn := &dc.d.nodes[c]
		slot, ok := parseSlot(cn.name)
		if !ok {
			continue
		}
		dc.markNode(c)
		v := Variable{Slot: slot}
		text := dc.textOf(c)
		if values {
			v.Value = text
		} else {
			v.Name = text
		}
		for a := cn.a0; a < cn.a1; a++ {
			at := dc.d.attrs[a]
			val := strings.TrimSpace(at.value)
			dc.markAttr(a)
			switch strings.ToUpper(at.name) {
			case "NAME":
				v.Name = val
			case "TYPE":
				v.Type = VariableType(strings.ToUpper(val))
			case "OPTIONS":
				if val != "" {
					for _, o := range strings.Split(val, ",") {
						v.Options = append(v.Options, strings.TrimSpace(o))
					}
				}
			case "DESCRIPTION":
				v.Description = val
			case "SWAPABLE", "SWAPPABLE":
				if err := v.Swappable.setText(val); err != nil {
					return dc.fail("%s: %v", cn.name, err)
				}
			case "PROMPT":
				if err := v.Prompt.setText(val); err != nil {
					return dc.fail("%s: %v", cn.name, err)
				}
			case "CATEGORY":
				v.Category = val
			default:
				if dc.d.seenAttr != nil {
					dc.d.seenAttr[a] = false // not captured
				}
			}
		}
		vs = append(vs, v)
	}
	if f.Len() == 0 {
		f.Set(reflect.ValueOf(vs)) // the common case: no copy
	} else {
		f.Set(reflect.AppendSlice(f, reflect.ValueOf(vs)))
	}
	return nil
}

// Meta is embedded in every response: what the envelope says besides the data.
type Meta struct {
	// TransID is the transaction id of the call (the trans_id attribute of
	// <telecloud>), which Transaction/Search looks up. Search methods may
	// answer without one.
	TransID string
}
