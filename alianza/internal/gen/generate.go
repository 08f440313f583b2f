package main

import (
	"bytes"
	"fmt"
	"go/format"
	"net/http"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// The ledger's statuses.
const (
	statusHandwritten = "handwritten"
	statusGenerated   = "generated"
	statusExcluded    = "excluded"
	statusDeferred    = "deferred"
)

type gen struct {
	doc    *document
	ops    []specOp
	cfg    *config
	taken  map[string]bool // hand-written names, package and fake
	models []*opModel

	typeNames map[string]string // schema → Go type
	needed    map[string]bool   // schemas written
	ptrs      map[string]bool   // schemas inside request bodies: pointer scalars
	reqTop    map[string]bool   // schemas that are a request body: XxxRequest too
	enums     map[string]*enumType
	enumByKey map[string]*enumType
	used      map[string]string // generated top-level names → what took them
	paths     map[string]bool   // every path of the spec

	secretMemo map[string]bool // schema → holds a secret (secretful)

	enumRefs    map[string]bool     // schemas that are a string enum, used through a $ref
	inlineWhere map[string]string   // models made from inline schemas → where the spec has them
	opNotes     map[string][]string // ledger key → the naming table's reasons, for the doc comment
}

type enumType struct {
	Name   string
	Values []string
	Doc    string
}

type pathParam struct{ Spec, Go string }

type queryParam struct {
	Spec, Field, Type, Doc string
}

type opModel struct {
	so         specOp
	cfg        opConfig
	Svc, Name  string
	partition  bool     // /v2/partition/{partitionId}/…: the client's partition
	segs       []string // path segments after the partition (or /v2): literal or {param}
	params     []pathParam
	query      []queryParam
	optsType   string
	bodyKind   string // "", "ref", "array", "string"
	bodyType   string
	bodySchema string
	respKind   string // "none", "object", "array", "prim", "job", "paged"
	respType   string // the Go type of object/array element/prim/page item
	respSchema string
	respValue  *schema // respKind "value": a slice or map the answer is, written by goType
	status     int
	fakeKind   string
}

// Generate returns the generated files, by path relative to the package
// directory dir, which holds internal/gen/openapi.yml and config.yml.
func Generate(dir string) (map[string][]byte, error) {
	doc, ops, err := loadDocument(filepath.Join(dir, "internal", "gen", "openapi.yml"))
	if err != nil {
		return nil, err
	}
	cfg, err := loadConfig(filepath.Join(dir, "internal", "gen", "config.yml"))
	if err != nil {
		return nil, err
	}
	taken, err := handWritten(dir)
	if err != nil {
		return nil, err
	}
	g := &gen{doc: doc, ops: ops, cfg: cfg, taken: taken, typeNames: map[string]string{}, needed: map[string]bool{},
		ptrs: map[string]bool{}, reqTop: map[string]bool{}, enums: map[string]*enumType{}, enumByKey: map[string]*enumType{},
		used: map[string]string{}, paths: map[string]bool{}, secretMemo: map[string]bool{},
		inlineWhere: map[string]string{}, opNotes: map[string][]string{}, enumRefs: map[string]bool{}}
	for _, o := range ops {
		g.paths[o.Path] = true
	}
	if g.cfg.Types == nil {
		g.cfg.Types = map[string]string{}
	}
	if err := g.flatten(); err != nil {
		return nil, err
	}
	if err := g.applyInline(); err != nil {
		return nil, err
	}
	if err := g.checkLedger(); err != nil {
		return nil, err
	}
	if err := g.build(); err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	emit := func(name string, src []byte) error {
		b, err := format.Source(src)
		if err != nil {
			return fmt.Errorf("%s: %w\n%s", name, err, numbered(src))
		}
		files[name] = b
		return nil
	}
	if err := emit("zz_types.gen.go", g.typesFile()); err != nil {
		return nil, err
	}
	for _, svc := range g.services() {
		if err := emit("zz_"+strings.ToLower(svc)+".gen.go", g.serviceFile(svc)); err != nil {
			return nil, err
		}
	}
	if err := emit("zz_client.gen.go", g.clientFile()); err != nil {
		return nil, err
	}
	if err := emit(filepath.Join("alianzatest", "zz_routes.gen.go"), g.routesFile()); err != nil {
		return nil, err
	}
	if err := emit("zz_generated.gen_test.go", g.testFile()); err != nil {
		return nil, err
	}
	return files, nil
}

func numbered(src []byte) string {
	var b strings.Builder
	for i, l := range strings.Split(string(src), "\n") {
		fmt.Fprintf(&b, "%5d %s\n", i+1, l)
	}
	return b.String()
}

// checkLedger: every operation of the spec has exactly one entry, with a
// known status, a method where one is needed and a reason where one is
// needed; a generated operation must be plain.
func (g *gen) checkLedger() error {
	byKey := map[string]*opConfig{}
	var errs []string
	for i := range g.cfg.Operations {
		c := &g.cfg.Operations[i]
		if byKey[c.Op] != nil {
			errs = append(errs, c.Op+": listed twice")
		}
		byKey[c.Op] = c
		switch c.Status {
		case statusHandwritten, statusGenerated:
			if strings.Count(c.Method, ".") != 1 {
				errs = append(errs, c.Op+": method is not Service.Method")
			}
		case statusExcluded, statusDeferred:
			if strings.TrimSpace(c.Reason) == "" {
				errs = append(errs, c.Op+": "+c.Status+" without a reason")
			}
		default:
			errs = append(errs, c.Op+": unknown status "+strconv.Quote(c.Status))
		}
	}
	inSpec := map[string]bool{}
	for _, o := range g.ops {
		inSpec[o.Key] = true
		c := byKey[o.Key]
		if c == nil {
			errs = append(errs, o.Key+": not in the ledger")
			continue
		}
		if c.Status == statusGenerated {
			if p := g.problems(o); p != "" {
				errs = append(errs, o.Key+": marked generated but "+p)
			}
		}
	}
	for k := range byKey {
		if !inSpec[k] {
			errs = append(errs, k+": in the ledger, not in the spec")
		}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return fmt.Errorf("config.yml:\n  %s", strings.Join(errs, "\n  "))
	}
	return nil
}

func (g *gen) build() error {
	byKey := map[string]opConfig{}
	for _, c := range g.cfg.Operations {
		byKey[c.Op] = c
	}
	seen := map[string]string{}
	for _, o := range g.ops {
		c := byKey[o.Key]
		if c.Status != statusGenerated {
			continue
		}
		if prev, dup := seen[c.Method]; dup {
			return fail("%s and %s are both %s", prev, o.Key, c.Method)
		}
		seen[c.Method] = o.Key
		svc, name, _ := strings.Cut(c.Method, ".")
		if g.taken[svc+"Service."+name] {
			return fail("%s: %sService.%s is hand-written", o.Key, svc, name)
		}
		m := &opModel{so: o, cfg: c, Svc: svc, Name: name}
		if err := g.model(m); err != nil {
			return fmt.Errorf("%s: %w", o.Key, err)
		}
		g.models = append(g.models, m)
	}
	// Schemas: answers, then request bodies and what they contain.
	for _, m := range g.models {
		if m.respSchema != "" {
			g.need(m.respSchema, false, map[string]bool{})
		}
		if m.respValue != nil {
			g.walkRefs(m.respValue, func(r string) { g.need(r, false, map[string]bool{}) })
		}
	}
	for _, m := range g.models {
		if m.bodySchema != "" {
			g.reqTop[m.bodySchema] = true
			g.need(m.bodySchema, false, map[string]bool{})
			g.needPtr(m.bodySchema, true, map[string]bool{})
		}
	}
	var names []string
	for n := range g.needed {
		names = append(names, n)
	}
	sort.Strings(names)
	var errs []string
	for _, n := range names {
		t := g.cfg.Types[n]
		if t == "" {
			t = goName(strings.TrimSuffix(n, "X"))
		}
		if err := g.claim(t, "schema "+n); err != nil {
			errs = append(errs, err.Error())
		}
		g.typeNames[n] = t
		if g.reqTop[n] {
			if err := g.claim(t+"Request", "request body "+n); err != nil {
				errs = append(errs, err.Error())
			}
		}
	}
	if len(errs) > 0 {
		return fail("%s", strings.Join(errs, "\n"))
	}
	if u := g.unredacted(); len(u) > 0 {
		return fail("secret fields the transport does not redact (add their names to internal/transport's secretKeys): %v", u)
	}
	for _, svc := range g.services() {
		if !g.taken[svc+"Service"] {
			if err := g.claim(svc+"Service", "service"); err != nil {
				return err
			}
		}
	}
	for _, m := range g.models {
		if m.optsType != "" {
			if err := g.claim(m.optsType, m.so.Key); err != nil {
				return err
			}
		}
	}
	// Enums, in a fixed order: the pinned names, schemas by name, then
	// query parameters.
	if err := g.pinEnums(); err != nil {
		return err
	}
	for _, n := range names {
		for _, p := range g.doc.Components.Schemas[n].Properties {
			s := p.Schema
			if s.Type == "array" && s.Items != nil {
				s = s.Items
			}
			if len(s.Enum) > 0 && s.Ref == "" {
				if _, err := g.enum(s, p.Name, g.typeNames[n]); err != nil {
					return err
				}
			}
		}
	}
	// The enums of the answers that are slices or maps (named in the
	// naming table).
	for _, m := range g.models {
		if m.respValue != nil {
			if err := g.enumsOf(m.respValue, m.Svc+m.Name); err != nil {
				return err
			}
		}
	}
	// The spec's enum schemas used through a $ref, after every other
	// enum so that none is renamed: named after the schema (or as
	// config.yml's types says), or the type of the same values.
	var enumRefs []string
	for n := range g.enumRefs {
		enumRefs = append(enumRefs, n)
	}
	sort.Strings(enumRefs)
	for _, n := range enumRefs {
		s := g.doc.Components.Schemas[n]
		vals := append([]string(nil), s.Enum...)
		sort.Strings(vals)
		if e := g.enumByKey[strings.Join(vals, "\x00")]; e != nil {
			g.typeNames[n] = e.Name
			continue
		}
		t := g.cfg.Types[n]
		if t == "" {
			t = goName(strings.TrimSuffix(n, "X"))
		}
		named := *s
		named.EnumName = t
		e, err := g.enum(&named, n, "")
		if err != nil {
			return fail("%v; rename the schema in config.yml (types)", err)
		}
		g.typeNames[n] = e.Name
	}
	for _, m := range g.models {
		for i, q := range m.query {
			if q.Type == "enum" {
				var ps *schema
				for _, p := range m.so.Op.Parameters {
					if p.Name == q.Spec {
						ps = p.Schema
					}
				}
				e, err := g.enum(ps, q.Spec, m.Svc+m.Name)
				if err != nil {
					return err
				}
				m.query[i].Type = e.Name
			}
		}
	}
	return nil
}

func (g *gen) claim(name, what string) error {
	if g.taken[name] {
		return fail("%s: the Go name %s is hand-written; rename it in config.yml (types)", what, name)
	}
	if prev, ok := g.used[name]; ok {
		return fail("%s: the Go name %s is taken by %s", what, name, prev)
	}
	g.used[name] = what
	return nil
}

func (g *gen) need(name string, _ bool, seen map[string]bool) {
	if seen[name] {
		return
	}
	seen[name] = true
	if g.isEnumSchema(name) {
		g.enumRefs[name] = true // an enum type, not a model
		return
	}
	g.needed[name] = true
	g.walkRefs(g.doc.Components.Schemas[name], func(r string) { g.need(r, false, seen) })
}

// needPtr marks the schemas a request body contains (not the body's own
// schema unless it is contained too).
func (g *gen) needPtr(name string, top bool, seen map[string]bool) {
	if seen[name] {
		return
	}
	seen[name] = true
	if !top {
		g.ptrs[name] = true
	}
	g.walkRefs(g.doc.Components.Schemas[name], func(r string) { g.needPtr(r, false, seen) })
}

func (g *gen) walkRefs(s *schema, f func(string)) {
	if s == nil {
		return
	}
	if s.Ref != "" {
		f(refName(s.Ref))
		return
	}
	g.walkRefs(s.Items, f)
	if v := s.mapValue(); v != nil {
		g.walkRefs(v, f)
	}
	for _, p := range s.Properties {
		g.walkRefs(p.Schema, f)
	}
}

// enum returns the named type of an enum's value set, making it on first
// sight: named after the property (or parameter), or owner+property when
// that name is taken.
func (g *gen) enum(s *schema, prop, owner string) (*enumType, error) {
	vals := append([]string(nil), s.Enum...)
	sort.Strings(vals)
	key := strings.Join(vals, "\x00")
	if e := g.enumByKey[key]; e != nil {
		if s.EnumName != "" && s.EnumName != e.Name {
			return nil, fail("enum %s of %s: its values are %s's, so it is %s (config.yml names it %s)", prop, owner, e.Name, e.Name, s.EnumName)
		}
		return e, nil
	}
	free := func(name string) bool {
		e := &enumType{Name: name, Values: s.Enum}
		if g.taken[name] || g.used[name] != "" {
			return false
		}
		for _, v := range s.Enum {
			if c := g.constName(e, v); g.taken[c] || g.used[c] != "" {
				return false
			}
		}
		return true
	}
	name := goName(prop)
	if s.EnumName != "" {
		name = s.EnumName
		if !free(name) {
			return nil, fail("enum %s: the name %s (from config.yml) is taken", prop, name)
		}
	}
	if !free(name) {
		name = owner + goName(prop)
	}
	if !free(name) {
		return nil, fail("enum %s of %s: neither %s nor %s is free", prop, owner, goName(prop), name)
	}
	e := &enumType{Name: name, Values: s.Enum, Doc: docText(s.Description)}
	g.used[name] = "enum " + prop + " of " + owner
	for _, v := range e.Values {
		g.used[g.constName(e, v)] = "enum value " + v
	}
	g.enums[name] = e
	g.enumByKey[key] = e
	return e, nil
}

// constName is the constant of an enum value: the type's name and the
// value's; a value spelled like an earlier one in another case (SIP_TRUNK
// and SipTrunk) gets a number.
func (g *gen) constName(e *enumType, v string) string {
	base := e.Name + goName(v)
	n := 1
	for _, w := range e.Values {
		if w == v {
			break
		}
		if e.Name+goName(w) == base {
			n++
		}
	}
	if n > 1 {
		return base + strconv.Itoa(n)
	}
	return base
}

func (g *gen) services() []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range g.models {
		if !seen[m.Svc] {
			seen[m.Svc] = true
			out = append(out, m.Svc)
		}
	}
	sort.Strings(out)
	return out
}

// model reads one operation's shape.
func (g *gen) model(m *opModel) error {
	o := m.so
	rest := strings.TrimPrefix(o.Path, "/v2/")
	if strings.HasPrefix(o.Path, "/v2/partition/{partitionId}") {
		m.partition = true
		rest = strings.TrimPrefix(strings.TrimPrefix(o.Path, "/v2/partition/{partitionId}"), "/")
	}
	if rest != "" {
		m.segs = strings.Split(rest, "/")
	}
	docs := map[string]string{}
	for _, p := range o.Op.Parameters {
		docs[p.Name] = docText(p.Description)
	}
	names := map[string]bool{}
	for _, s := range m.segs {
		if strings.HasPrefix(s, "{") {
			spec := strings.Trim(s, "{}")
			n := lowerName(spec)
			for names[n] {
				n += "2"
			}
			names[n] = true
			m.params = append(m.params, pathParam{Spec: spec, Go: n})
		}
	}
	paged := false
	for _, p := range o.Op.Parameters {
		if p.In == "query" && (p.Name == "firstResultIndex" || p.Name == "maxResult") {
			paged = true
		}
	}
	// Only a JSON search pages; an export job takes the two as parameters.
	if r := o.Op.Responses["200"]; r == nil || r.Content["application/json"] == nil {
		paged = false
	}
	for _, p := range o.Op.Parameters {
		if p.In != "query" {
			continue
		}
		if paged && (p.Name == "firstResultIndex" || p.Name == "maxResult") {
			continue
		}
		q := queryParam{Spec: p.Name, Field: goName(p.Name), Doc: docText(p.Description)}
		s := p.Schema
		switch {
		case len(s.Enum) > 0:
			q.Type = "enum"
		case s.Type == "boolean":
			q.Type = "*bool"
		case s.Type == "integer":
			q.Type = "*int64"
		case s.Type == "number":
			q.Type = "*float64"
		case s.Type == "array":
			q.Type = "[]string"
		default:
			q.Type = "string"
		}
		m.query = append(m.query, q)
	}
	// The answer.
	codes := []string{"200", "201", "202", "204"}
	m.respKind = "none"
	for _, code := range codes {
		r := o.Op.Responses[code]
		if r == nil {
			continue
		}
		m.status, _ = strconv.Atoi(code)
		if code == "202" {
			m.respKind = "job"
			break
		}
		mt := r.Content["application/json"]
		if mt == nil || mt.Schema == nil {
			break
		}
		s := mt.Schema
		switch {
		case s.Ref != "":
			m.respKind, m.respSchema = "object", refName(s.Ref)
		case s.Type == "array" && s.Items != nil && s.Items.Ref != "":
			m.respKind, m.respSchema = "array", refName(s.Items.Ref)
		case s.Type == "array" || s.Type == "object":
			m.respKind, m.respValue = "value", s
		case s.Type == "string":
			m.respKind, m.respType = "prim", "string"
		case s.Type == "boolean":
			m.respKind, m.respType = "prim", "bool"
		case s.Type == "integer":
			m.respKind, m.respType = "prim", "int64"
		}
		break
	}
	if m.status == 0 {
		// The spec documents no success answer (only errors and
		// "default"): any 2xx is success, and its body is not read.
		m.status, m.respKind = http.StatusNoContent, "none"
	}
	if paged {
		if m.respKind != "object" {
			return fail("paged, but the answer is not an object")
		}
		var item string
		for _, p := range g.doc.Components.Schemas[m.respSchema].Properties {
			if p.Name == "results" && p.Schema.Type == "array" && p.Schema.Items.Ref != "" {
				item = refName(p.Schema.Items.Ref)
			}
		}
		if item == "" {
			return fail("paged, but the answer has no results list")
		}
		m.respKind, m.respSchema = "paged", item
	}
	if len(m.query) > 0 || paged {
		m.optsType = m.Svc + m.Name + "Options"
	}
	// The body.
	if rb := o.Op.RequestBody; rb != nil {
		s := rb.Content["application/json"].Schema
		switch {
		case s.Ref != "":
			m.bodyKind, m.bodySchema = "ref", refName(s.Ref)
		case s.Type == "array" && s.Items.Ref != "":
			m.bodyKind, m.bodySchema = "array", refName(s.Items.Ref)
		case s.Type == "array":
			m.bodyKind, m.bodyType = "strings", "[]string"
		default:
			m.bodyKind, m.bodyType = "string", "string"
		}
	}
	// What the fake does.
	item := len(m.segs) > 0 && strings.HasPrefix(m.segs[len(m.segs)-1], "{")
	hasChild := false
	for p := range g.paths {
		if strings.HasPrefix(p, o.Path+"/{") && strings.Count(p[len(o.Path)+1:], "/") == 0 {
			hasChild = true
		}
	}
	switch {
	case m.respKind == "job":
		m.fakeKind = "job"
	case m.respKind == "prim":
		m.fakeKind = "action"
	case o.Method == "GET" && m.respKind == "paged":
		m.fakeKind = "page"
	case o.Method == "GET" && m.respKind == "array":
		m.fakeKind = "list"
	case o.Method == "GET" && m.respKind == "object":
		m.fakeKind = "read"
	case o.Method == "POST" && !item && hasChild && m.bodyKind == "ref" && m.respKind == "object":
		m.fakeKind = "create"
	case o.Method == "PUT" && m.bodyKind == "ref" && (m.respKind == "object" || m.respKind == "none"):
		m.fakeKind = "put"
	case o.Method == "PATCH" && m.bodyKind == "ref" && (m.respKind == "object" || m.respKind == "none"):
		m.fakeKind = "patch"
	case o.Method == "DELETE" && m.bodyKind == "" && m.respKind == "none":
		m.fakeKind = "delete"
	default:
		m.fakeKind = "action"
	}
	return nil
}

// goType is the Go type of a property: pointer scalars when ptr.
func (g *gen) goType(s *schema, ptr bool, prop, owner string) string {
	switch {
	case s == nil || s.Free:
		return "json.RawMessage"
	case s.Ref != "" && g.isEnumSchema(refName(s.Ref)):
		return g.typeNames[refName(s.Ref)]
	case s.Ref != "":
		return "*" + g.typeNames[refName(s.Ref)]
	case len(s.Enum) > 0 && (s.Type == "string" || s.Type == ""):
		e, err := g.enum(s, prop, owner)
		if err != nil {
			panic(err) // made in build
		}
		return e.Name
	}
	p := ""
	if ptr {
		p = "*"
	}
	switch s.Type {
	case "string":
		return "string"
	case "integer":
		return p + "int64"
	case "number":
		return p + "float64"
	case "boolean":
		return p + "bool"
	case "array":
		t := g.goType(s.Items, false, prop, owner)
		return "[]" + strings.TrimPrefix(t, "*")
	case "object":
		if v := s.mapValue(); v != nil {
			return "map[string]" + strings.TrimPrefix(g.goType(v, false, prop, owner), "*")
		}
	}
	return "json.RawMessage"
}

type buf struct{ bytes.Buffer }

func (b *buf) p(format string, args ...any) { fmt.Fprintf(&b.Buffer, format, args...) }

// enumsOf makes the enums a slice or map answer holds.
func (g *gen) enumsOf(s *schema, owner string) error {
	switch {
	case s == nil || s.Ref != "":
	case len(s.Enum) > 0:
		if _, err := g.enum(s, "value", owner); err != nil {
			return err
		}
	case s.Items != nil:
		return g.enumsOf(s.Items, owner)
	case s.mapValue() != nil:
		return g.enumsOf(s.mapValue(), owner)
	}
	return nil
}

// pinEnums makes the enums config.yml pins, of the models written, first:
// their value sets keep their names whatever else is typed.
func (g *gen) pinEnums() error {
	var pins []string
	for name := range g.cfg.Enums {
		pins = append(pins, name)
	}
	sort.Strings(pins)
	for _, name := range pins {
		at := g.cfg.Enums[name]
		sn, prop, _ := strings.Cut(at, ".")
		s := g.doc.Components.Schemas[sn]
		if s == nil {
			return fail("config.yml, enums: %s: no schema %s", name, sn)
		}
		var es *schema
		for _, p := range s.Properties {
			if p.Name == prop {
				es = p.Schema
				if es.Type == "array" && es.Items != nil {
					es = es.Items
				}
			}
		}
		if es == nil || len(es.Enum) == 0 || es.Ref != "" {
			return fail("config.yml, enums: %s: %s is not an enum property", name, at)
		}
		if !g.needed[sn] {
			continue
		}
		pinned := *es
		pinned.EnumName = name
		if _, err := g.enum(&pinned, prop, g.typeNames[sn]); err != nil {
			return err
		}
	}
	return nil
}

// isEnumSchema reports whether a schema of the spec is a string enum (a
// named type of string, not a model).
func (g *gen) isEnumSchema(name string) bool {
	s := g.doc.Components.Schemas[name]
	return s != nil && len(s.Enum) > 0 && (s.Type == "string" || s.Type == "") && len(s.Properties) == 0
}
