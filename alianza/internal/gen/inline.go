package main

import (
	"reflect"
	"strings"
)

// applyInline gives the inline schemas the naming table (config.yml,
// inline) lists a Go type, by rewriting the document before anything else
// reads it:
//
//   - type: the inline object becomes a model of that name (a schema of
//     the document's components, under the Go name, with a $ref where it
//     was), emitted like the spec's own models; two places may name the
//     same type only when their schemas are the same;
//   - as: the inline schema stands for a model of the spec (a PATCH body
//     the spec leaves free-form as "a fragment of the X object", a list
//     item the spec leaves empty): a $ref to it, the reason in the method's
//     doc comment;
//   - enum: an inline enum's Go type name;
//   - free: a free-form object (its keys vary with another field), kept as
//     its JSON.
//
// Nothing is derived from operationIds. An entry that does not find its
// schema, or finds one of the wrong kind, is an error.
func (g *gen) applyInline() error {
	var errs []string
	bad := func(c inlineConfig, format string, args ...any) {
		where := c.Schema
		if c.Op != "" {
			where = c.Op + " " + c.In
		}
		errs = append(errs, where+" "+c.At+": "+fail(format, args...).Error())
	}
	byKey := map[string]specOp{}
	for _, o := range g.ops {
		byKey[o.Key] = o
	}
	hoisted := map[string]bool{}
	for _, c := range g.cfg.Inline {
		set := 0
		for _, b := range []bool{c.Type != "", c.As != "", c.Enum != "", c.Free} {
			if b {
				set++
			}
		}
		if set != 1 {
			bad(c, "set exactly one of type, as, enum and free")
			continue
		}
		if (c.As != "" || c.Free) && strings.TrimSpace(c.Why) == "" {
			bad(c, "as and free need a why")
			continue
		}
		var roots []*schema
		var where string
		switch {
		case c.Op != "" && c.Schema == "":
			o, ok := byKey[c.Op]
			if !ok {
				bad(c, "no such operation")
				continue
			}
			switch c.In {
			case "request":
				if rb := o.Op.RequestBody; rb != nil && rb.Content["application/json"] != nil {
					roots = append(roots, rb.Content["application/json"].Schema)
				}
				where = "the request body of " + c.Op
			case "answer":
				for code, r := range o.Op.Responses {
					if code[0] == '2' && r.Content["application/json"] != nil {
						roots = append(roots, r.Content["application/json"].Schema)
					}
				}
				where = "the answer of " + c.Op
			default:
				bad(c, "in is request or answer")
				continue
			}
			if c.Why != "" {
				g.opNotes[c.Op] = append(g.opNotes[c.Op], c.Why)
			}
		case c.Schema != "" && c.Op == "" && c.In == "":
			s := g.doc.Components.Schemas[c.Schema]
			if s == nil {
				bad(c, "no such schema")
				continue
			}
			roots = append(roots, s)
			where = c.Schema
		default:
			bad(c, "set op and in, or schema")
			continue
		}
		if len(roots) == 0 {
			bad(c, "no JSON schema there")
			continue
		}
		for _, root := range roots {
			s, prop, err := walkSteps(root, c.At)
			if err != nil {
				bad(c, "%v", err)
				continue
			}
			switch {
			case c.Type != "":
				if s.Ref != "" || s.Type != "object" || len(s.Properties) == 0 || s.polymorphic() {
					bad(c, "type names an inline object with properties, this is not one")
					continue
				}
				if hoisted[c.Type] {
					if !reflect.DeepEqual(g.doc.Components.Schemas[c.Type], s) {
						bad(c, "type %s names two different schemas", c.Type)
						continue
					}
					g.inlineWhere[c.Type] += " and " + where + strings.TrimPrefix(" "+c.At, " ")
				} else {
					if g.doc.Components.Schemas[c.Type] != nil {
						bad(c, "type %s is the name of a schema of the spec", c.Type)
						continue
					}
					hoisted[c.Type] = true
					cp := *s
					g.doc.Components.Schemas[c.Type] = &cp
					g.cfg.Types[c.Type] = c.Type
					g.inlineWhere[c.Type] = where + strings.TrimPrefix(" "+c.At, " ")
				}
				*s = schema{Ref: "#/components/schemas/" + c.Type, Description: s.Description}
			case c.As != "":
				if g.doc.Components.Schemas[c.As] == nil {
					bad(c, "as: no schema %s in the spec", c.As)
					continue
				}
				if s.Ref != "" || s.Type != "object" || len(s.Properties) > 0 || s.polymorphic() {
					bad(c, "as stands for an empty or free-form object, this is not one")
					continue
				}
				*s = schema{Ref: "#/components/schemas/" + c.As, Description: s.Description}
			case c.Enum != "":
				if s.Type != "string" || len(s.Enum) == 0 {
					bad(c, "enum names an inline string enum, this is not one")
					continue
				}
				s.EnumName = c.Enum
			case c.Free:
				if s.Ref != "" || s.Type != "object" || len(s.Properties) > 0 || s.polymorphic() {
					bad(c, "free is an object without properties, this is not one")
					continue
				}
				s.Free = true
				if prop != nil {
					prop.Description = strings.TrimSpace(prop.Description + " " + c.Why)
				}
			}
		}
	}
	if len(errs) > 0 {
		return fail("config.yml, inline:\n  %s", strings.Join(errs, "\n  "))
	}
	return nil
}

// walkSteps follows at (.property, [] for array items, {} for map values)
// from s. prop is the schema of the first property stepped into, nil when
// none.
func walkSteps(s *schema, at string) (cur, prop *schema, err error) {
	cur = s
	rest := at
	for rest != "" {
		switch {
		case strings.HasPrefix(rest, "[]"):
			if cur.Type != "array" || cur.Items == nil {
				return nil, nil, fail("[] steps into a non-array")
			}
			cur, rest = cur.Items, rest[2:]
		case strings.HasPrefix(rest, "{}"):
			if cur.mapValue() == nil {
				return nil, nil, fail("{} steps into a non-map")
			}
			cur, rest = cur.mapValue(), rest[2:]
		case strings.HasPrefix(rest, "."):
			name := rest[1:]
			if i := strings.IndexAny(name, ".[{"); i >= 0 {
				name = name[:i]
			}
			var next *schema
			for _, p := range cur.Properties {
				if p.Name == name {
					next = p.Schema
				}
			}
			if next == nil {
				return nil, nil, fail("no property %s", name)
			}
			if prop == nil {
				prop = next
			}
			cur, rest = next, rest[1+len(name):]
		default:
			return nil, nil, fail("bad step %q (.property, [] or {})", rest)
		}
	}
	return cur, prop, nil
}

// valueType reports whether the generator writes s as a Go type without a
// name of its own: a model, a scalar, a named inline enum, a free-form
// object, or a slice or map of those.
func valueType(s *schema) bool {
	switch {
	case s == nil:
		return false
	case s.Ref != "":
		return true
	case s.polymorphic():
		return false
	case s.Free:
		return true
	case s.Type == "string" || s.Type == "boolean" || s.Type == "integer" || s.Type == "number":
		return len(s.Enum) == 0 || s.EnumName != ""
	case s.Type == "array":
		return valueType(s.Items)
	case s.Type == "object" && len(s.Properties) == 0:
		return s.mapValue() != nil && valueType(s.mapValue())
	}
	return false
}

// flatten makes each model config.yml lists (flatten) one plain object: a
// model that is an allOf of exactly one $ref to a plain model (no anyOf,
// oneOf, allOf or discriminator of its own) and inline objects adding
// properties, which is what a subtype without a discriminator is. The
// base's properties come first, in its order, then the added ones; a
// property both define is refused, as is any other shape (a base that is
// itself polymorphic, as the anyOf families with a discriminator are).
// Run before the naming table, so that inline objects inside the added
// properties can still be named.
func (g *gen) flatten() error {
	var errs []string
	for _, name := range g.cfg.Flatten {
		s := g.doc.Components.Schemas[name]
		if s == nil {
			errs = append(errs, name+": no such schema")
			continue
		}
		if len(s.AllOf) == 0 || len(s.AnyOf) > 0 || len(s.OneOf) > 0 || s.Discriminator != nil || len(s.Properties) > 0 {
			errs = append(errs, name+": not an allOf alone")
			continue
		}
		var base *schema
		var baseName string
		var added properties
		ok := true
		for _, part := range s.AllOf {
			switch {
			case part.Ref != "" && base == nil:
				baseName = refName(part.Ref)
				base = g.doc.Components.Schemas[baseName]
				if base == nil || base.polymorphic() || base.Type != "object" && base.Type != "" || base.mapValue() != nil {
					errs = append(errs, name+": its base "+baseName+" is not a plain model")
					ok = false
				}
			case part.Ref != "":
				errs = append(errs, name+": more than one base")
				ok = false
			case part.polymorphic() || part.Type != "object" && part.Type != "" || part.mapValue() != nil:
				errs = append(errs, name+": a part is not a plain object")
				ok = false
			default:
				added = append(added, part.Properties...)
			}
		}
		if base == nil && ok {
			errs = append(errs, name+": no base model")
			ok = false
		}
		if !ok {
			continue
		}
		seen := map[string]bool{}
		var props properties
		for _, p := range append(append(properties(nil), base.Properties...), added...) {
			if seen[p.Name] {
				errs = append(errs, name+": "+p.Name+" is in the base and added")
				ok = false
			}
			seen[p.Name] = true
			props = append(props, p)
		}
		if !ok {
			continue
		}
		desc := s.Description
		if desc == "" {
			desc = base.Description
		}
		g.doc.Components.Schemas[name] = &schema{Type: "object", Description: strings.TrimSpace(desc + " (" + baseName + " and more fields.)"), Properties: props}
	}
	if len(errs) > 0 {
		return fail("config.yml, flatten:\n  %s", strings.Join(errs, "\n  "))
	}
	return nil
}
