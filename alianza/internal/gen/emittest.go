package main

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
)

// stringField is the first plain string property but id of a schema (Go field and
// JSON name), "" when it has none: the field the end-to-end tests send and
// read back.
func (g *gen) stringField(schemaName string) (field, jsonName string) {
	s := g.doc.Components.Schemas[schemaName]
	if s == nil {
		return "", ""
	}
	fields := map[string]bool{}
	for _, p := range s.Properties {
		f := goName(p.Name)
		for fields[f] {
			f += "2"
		}
		fields[f] = true
		if p.Name != "id" && !isSecret(p) && p.Schema.Ref == "" && p.Schema.Type == "string" && len(p.Schema.Enum) == 0 && p.Schema.Format == "" {
			return f, p.Name
		}
	}
	return "", ""
}

// secretField is the first secret property of a schema (Go field and JSON
// name), "" when it has none.
func (g *gen) secretField(schemaName string) (field, jsonName string) {
	s := g.doc.Components.Schemas[schemaName]
	if s == nil {
		return "", ""
	}
	fields := map[string]bool{}
	for _, p := range s.Properties {
		f := goName(p.Name)
		for fields[f] {
			f += "2"
		}
		fields[f] = true
		if isSecret(p) {
			return f, p.Name
		}
	}
	return "", ""
}

// fieldsLit is the Go composite literal fields of a model in the tests:
// value in its string field, secret (a Go expression) in its secret field.
func (g *gen) fieldsLit(schemaName, value, secret string) string {
	var out []string
	if f, _ := g.stringField(schemaName); f != "" {
		out = append(out, fmt.Sprintf("%s: %q", f, value))
	}
	if f, _ := g.secretField(schemaName); f != "" && secret != "" {
		out = append(out, fmt.Sprintf("%s: alianza.NewSecret(%s)", f, secret))
	}
	return strings.Join(out, ", ")
}

// jsonLit is the JSON of the same model, as a Go map literal: what the
// client sends for it and what the fake is seeded with.
func (g *gen) jsonLit(schemaName, value, secret string) string {
	var out []string
	if _, j := g.stringField(schemaName); j != "" {
		out = append(out, fmt.Sprintf("%q: %q", j, value))
	}
	if _, j := g.secretField(schemaName); j != "" && secret != "" {
		out = append(out, fmt.Sprintf("%q: %s", j, secret))
	}
	return "map[string]any{" + strings.Join(out, ", ") + "}"
}

// sentLit is the JSON the tests' call sends, as a Go literal.
func (g *gen) sentLit(m *opModel, value, secret string) string {
	switch m.bodyKind {
	case "ref":
		return g.jsonLit(m.bodySchema, value, secret)
	case "array":
		return "[]any{" + g.jsonLit(m.bodySchema, value, secret) + "}"
	case "string":
		return fmt.Sprintf("%q", value)
	case "strings":
		return fmt.Sprintf("[]any{%q}", value)
	}
	return "nil"
}

// testValue is the value of a path parameter in the tests: a space and a
// slash, so that escaping is tested on the way in and out.
func testValue(spec string) string { return "e2e " + spec + "/1" }

// escapedTestPath is the operation's path as the client sends it in the
// tests.
func (m *opModel) escapedTestPath() string {
	var b strings.Builder
	b.WriteString("/v2")
	if m.partition {
		b.WriteString("/partition/\" + alianzatest.DefaultPartitionID + \"")
	}
	for _, s := range m.segs {
		b.WriteString("/")
		if strings.HasPrefix(s, "{") {
			b.WriteString(url.PathEscape(testValue(strings.Trim(s, "{}"))))
			continue
		}
		b.WriteString(s)
	}
	return "\"" + b.String() + "\""
}

// callExpr is the typed call of the tests, with the test's path values,
// req and opts (nil).
func (g *gen) callExpr(m *opModel, client string) string {
	args := []string{"ctx"}
	for _, p := range m.params {
		args = append(args, fmt.Sprintf("%q", testValue(p.Spec)))
	}
	if m.bodyKind != "" {
		args = append(args, "req")
	}
	if m.optsType != "" {
		args = append(args, "nil")
	}
	return client + "." + m.Svc + "." + m.Name + "(" + strings.Join(args, ", ") + ")"
}

// reqDecl declares req, the body of the tests' call, with value in its
// string field and secret (a Go expression) in its secret field.
func (g *gen) reqDecl(m *opModel, value, secret string) string {
	switch m.bodyKind {
	case "ref":
		return "req := alianza." + g.typeNames[m.bodySchema] + "Request{" + g.fieldsLit(m.bodySchema, value, secret) + "}\n"
	case "array":
		return "req := []alianza." + g.typeNames[m.bodySchema] + "Request{{" + g.fieldsLit(m.bodySchema, value, secret) + "}}\n"
	case "string":
		return fmt.Sprintf("req := %q\n", value)
	case "strings":
		return fmt.Sprintf("req := []string{%q}\n", value)
	}
	return ""
}

// testFile: an end-to-end test of every generated operation against the
// fake, and the conformance Op of every one.
func (g *gen) testFile() []byte {
	var b buf
	b.p("%spackage alianza_test\n\n", header)
	b.p("import (\n\t\"context\"\n\t\"encoding/json\"\n\t\"errors\"\n\t\"reflect\"\n\t\"testing\"\n\n")
	b.p("\t\"github.com/ispkit/ispkit/alianza\"\n\t\"github.com/ispkit/ispkit/alianza/alianzatest\"\n)\n\n")
	b.p("var (\n\t_ = json.Marshal\n\t_ = errors.Is\n\t_ = reflect.DeepEqual\n)\n\n")
	b.p("// genE2E is an end-to-end test of every generated operation, by ledger key:\n")
	b.p("// the typed call against alianzatest, its answer checked.\n")
	b.p("var genE2E = map[string]func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client){\n")
	for _, m := range g.models {
		b.p("%q: func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {\n", m.so.Key)
		g.e2eBody(&b, m)
		b.p("},\n")
	}
	b.p("}\n\n")

	b.p("// genPrintables are a populated value of every generated type that holds a\n// secret, for the conformance suite's printing sweep.\n")
	b.p("var genPrintables = []any{\n")
	var names []string
	for n := range g.needed {
		if g.secretful(n) {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		b.p("%s,\n", g.populated(n, g.typeNames[n], 0))
		if g.reqTop[n] {
			b.p("%s,\n", g.populated(n, g.typeNames[n]+"Request", 0))
		}
	}
	b.p("}\n\n")
	b.p("// genConfOps is the conformance Op of every generated operation.\n")
	b.p("var genConfOps = []genConfOp{\n")
	for _, m := range g.models {
		call := g.callExpr(m, "c")
		var fn string
		switch {
		case m.respKind == "paged":
			fn = "return drain(" + call + ")"
		case m.respKind == "none":
			fn = "return " + call
		default:
			fn = "return second(" + call + ")"
		}
		decl := g.reqDecl(m, "conformance", "confSIP")
		b.p("{%q, %q, func(ctx context.Context, c *alianza.Client) error {\n%s%s\n}},\n", m.Svc+"."+m.Name, shape(m), decl, fn)
	}
	b.p("}\n")
	return b.Bytes()
}

// shape is the kind of call an operation is, for the conformance matrix:
// one operation of each shape runs every scenario. It is what the fake does
// with it (read, list, page, create, put, patch, delete, action, job): the
// generated methods differ by little more than that, and all go through
// the same call path.
func shape(m *opModel) string { return m.fakeKind }

func (g *gen) e2eBody(b *buf, m *opModel) {
	path := m.escapedTestPath()
	call := g.callExpr(m, "c")
	value, secret := "e2e "+m.Name, `"e2e-secret"`
	respT := "alianza." + g.typeNames[m.respSchema]
	field, _ := g.stringField(m.respSchema)
	// want is the typed answer; wantJSON the same as the server sends it
	// (a Secret is REDACTED through encoding/json, so the JSON is written
	// out, not marshalled from want).
	want := respT + "{" + g.fieldsLit(m.respSchema, value, secret) + "}"
	wantJSON := g.jsonLit(m.respSchema, value, secret)
	seed := func(p string) {
		b.p("if err := srv.SetObject(%s, %s); err != nil {\n\tt.Fatal(err)\n}\n", p, wantJSON)
	}
	sent := func() { b.p("checkSent(t, srv, %q, %s, %s)\n", m.so.Method, path, g.sentLit(m, value, secret)) }
	switch m.fakeKind {
	case "read":
		b.p("want := %s\n", want)
		seed(path)
		b.p("got, err := %s\nif err != nil {\n\tt.Fatal(err)\n}\n", call)
		b.p("if !reflect.DeepEqual(*got, want) {\n\tt.Errorf(\"got %%+v, want %%+v\", *got, want)\n}\n")
	case "list", "page":
		b.p("want := %s\n", want)
		seed(path + `+"/e2e-1"`)
		seed(path + `+"/e2e-2"`)
		b.p("var got []%s\n", respT)
		if m.fakeKind == "page" {
			b.p("for v, err := range %s {\n\tif err != nil {\n\t\tt.Fatal(err)\n\t}\n\tgot = append(got, v)\n}\n", call)
		} else {
			b.p("got, err := %s\nif err != nil {\n\tt.Fatal(err)\n}\n", call)
		}
		b.p("if len(got) != 2 || !reflect.DeepEqual(got[0], want) || !reflect.DeepEqual(got[1], want) {\n\tt.Errorf(\"got %%+v, want two of %%+v\", got, want)\n}\n")
	case "create":
		b.p("%s", g.reqDecl(m, value, secret))
		b.p("got, err := %s\nif err != nil {\n\tt.Fatal(err)\n}\nif got == nil {\n\tt.Fatal(\"no answer\")\n}\n", call)
		sent()
		bf, _ := g.stringField(m.bodySchema)
		if field != "" && bf == field {
			b.p("if got.%s != req.%s {\n\tt.Errorf(\"%s: got %%q, want %%q\", got.%s, req.%s)\n}\n", field, bf, field, field, bf)
		}
		b.p("if n := srv.ObjectCount(%s); n != 1 {\n\tt.Errorf(\"the fake holds %%d objects, want 1\", n)\n}\n", path)
	case "put", "patch":
		b.p("if err := srv.SetObject(%s, map[string]string{\"e2eKeep\": \"kept\"}); err != nil {\n\tt.Fatal(err)\n}\n", path)
		b.p("%s", g.reqDecl(m, value, secret))
		if m.respKind == "none" {
			b.p("if err := %s; err != nil {\n\tt.Fatal(err)\n}\n", call)
		} else {
			b.p("if _, err := %s; err != nil {\n\tt.Fatal(err)\n}\n", call)
		}
		sent()
		b.p("var stored map[string]any\nif ok, err := srv.Object(%s, &stored); !ok || err != nil {\n\tt.Fatalf(\"the fake holds no object: %%v\", err)\n}\n", path)
		if bf, bj := g.stringField(m.bodySchema); bf != "" {
			b.p("if stored[%q] != req.%s {\n\tt.Errorf(\"stored %%v, want %s %%q\", stored, req.%s)\n}\n", bj, bf, bj, bf)
		}
		if m.fakeKind == "patch" {
			b.p("if stored[\"e2eKeep\"] != \"kept\" {\n\tt.Errorf(\"a patch dropped a field: %%v\", stored)\n}\n")
		}
	case "delete":
		b.p("if err := srv.SetObject(%s, map[string]string{}); err != nil {\n\tt.Fatal(err)\n}\n", path)
		b.p("if err := %s; err != nil {\n\tt.Fatal(err)\n}\n", call)
		b.p("if ok, _ := srv.Object(%s, nil); ok {\n\tt.Error(\"the object is still there\")\n}\n", path)
		b.p("if err := %s; !errors.Is(err, alianza.ErrNotFound) {\n\tt.Errorf(\"a second delete: %%v, want ErrNotFound\", err)\n}\n", call)
	case "job":
		b.p("%s", g.reqDecl(m, value, secret))
		b.p("job, err := %s\nif err != nil {\n\tt.Fatal(err)\n}\n", call)
		sent()
		b.p("if job.ID == \"\" || job.Status != alianza.JobPending {\n\tt.Fatalf(\"job %%+v, want a pending job\", job)\n}\n")
		b.p("if _, err := c.Jobs.Wait(ctx, job.ID, nil); err != nil {\n\tt.Fatal(err)\n}\n")
	default: // action: the scripted answer comes back typed
		b.p("%s", g.reqDecl(m, value, secret))
		body := wantJSON
		switch m.respKind {
		case "none":
			b.p("srv.ScriptAnswer(%q, %s, 204, \"\")\n", m.so.Method, path)
			b.p("if err := %s; err != nil {\n\tt.Fatal(err)\n}\n", call)
			sent()
			b.p("srv.ScriptAnswer(%q, %s, 404, `{\"status\":404,\"messages\":[\"E2ENotFound\"]}`)\n", m.so.Method, path)
			b.p("if err := %s; !errors.Is(err, alianza.ErrNotFound) {\n\tt.Errorf(\"scripted 404: %%v\", err)\n}\n", call)
			return
		case "prim":
			val := map[string]string{"string": `"e2e"`, "bool": "true", "int64": "7"}[m.respType]
			b.p("want := %s(%s)\n", m.respType, val)
			body = "want"
		case "array":
			b.p("want := []%s{%s}\n", respT, want)
			body = "[]any{" + wantJSON + "}"
		case "value":
			lit, js := g.sample(m.respValue, value, secret)
			b.p("want := %s\n", lit)
			body = js
		default:
			b.p("want := %s\n", want)
		}
		b.p("body, _ := json.Marshal(%s)\nsrv.ScriptAnswer(%q, %s, %d, string(body))\n", body, m.so.Method, path, m.status)
		b.p("got, err := %s\nif err != nil {\n\tt.Fatal(err)\n}\n", call)
		sent()
		if m.respKind == "object" {
			b.p("if !reflect.DeepEqual(*got, want) {\n\tt.Errorf(\"got %%+v, want %%+v\", *got, want)\n}\n")
		} else {
			b.p("if !reflect.DeepEqual(got, want) {\n\tt.Errorf(\"got %%+v, want %%+v\", got, want)\n}\n")
		}
	}
}

// populated is a Go literal of a type holding a secret, every secret in it
// (and in the models it holds, a few levels down) set to confSIP.
func (g *gen) populated(schemaName, typeName string, depth int) string {
	s := g.doc.Components.Schemas[schemaName]
	var out []string
	fields := map[string]bool{}
	for _, p := range s.Properties {
		f := goName(p.Name)
		for fields[f] {
			f += "2"
		}
		fields[f] = true
		ps := p.Schema
		switch {
		case isSecret(p):
			out = append(out, f+": alianza.NewSecret(confSIP)")
		case depth > 3:
		case ps.Ref != "" && g.secretful(refName(ps.Ref)):
			r := refName(ps.Ref)
			out = append(out, f+": &"+g.populated(r, g.typeNames[r], depth+1))
		case ps.Type == "array" && ps.Items != nil && ps.Items.Ref != "" && g.secretful(refName(ps.Items.Ref)):
			r := refName(ps.Items.Ref)
			out = append(out, f+": []alianza."+g.typeNames[r]+"{"+strings.TrimPrefix(g.populated(r, g.typeNames[r], depth+1), "alianza."+g.typeNames[r])+"}")
		}
	}
	return "alianza." + typeName + "{" + strings.Join(out, ", ") + "}"
}

// testType is the Go type of a slice or map answer in the tests (package
// qualified).
func (g *gen) testType(s *schema) string {
	if s.Ref != "" && g.isEnumSchema(refName(s.Ref)) {
		s = g.doc.Components.Schemas[refName(s.Ref)]
	}
	switch {
	case s.Free:
		return "json.RawMessage"
	case s.Ref != "":
		return "alianza." + g.typeNames[refName(s.Ref)]
	case len(s.Enum) > 0:
		return "alianza." + g.enumOf(s).Name
	case s.Type == "array":
		return "[]" + g.testType(s.Items)
	case s.mapValue() != nil:
		return "map[string]" + g.testType(s.mapValue())
	}
	return map[string]string{"string": "string", "boolean": "bool", "integer": "int64", "number": "float64"}[s.Type]
}

// enumOf is the enum type made for s (in build).
func (g *gen) enumOf(s *schema) *enumType {
	vals := append([]string(nil), s.Enum...)
	sort.Strings(vals)
	return g.enumByKey[strings.Join(vals, "\x00")]
}

// sample is a value of a slice or map answer with one element (value in
// its string field, secret in its secret field): the Go literal the typed
// call must return, and the JSON the fake answers, as a Go literal.
func (g *gen) sample(s *schema, value, secret string) (lit, js string) {
	if s.Ref != "" && g.isEnumSchema(refName(s.Ref)) {
		s = g.doc.Components.Schemas[refName(s.Ref)]
	}
	switch {
	case s.Free:
		return "json.RawMessage(`{\"e2e\":1}`)", "map[string]any{\"e2e\": 1}"
	case s.Ref != "":
		r := refName(s.Ref)
		return g.testType(s) + "{" + g.fieldsLit(r, value, secret) + "}", g.jsonLit(r, value, secret)
	case len(s.Enum) > 0:
		e := g.enumOf(s)
		v := e.Values[len(e.Values)-1] // the last: some sets start with ""
		return "alianza." + g.constName(e, v), fmt.Sprintf("%q", v)
	case s.Type == "array":
		l, j := g.sample(s.Items, value, secret)
		return g.testType(s) + "{" + l + "}", "[]any{" + j + "}"
	case s.mapValue() != nil:
		l, j := g.sample(s.mapValue(), value, secret)
		return g.testType(s) + "{\"e2e\": " + l + "}", "map[string]any{\"e2e\": " + j + "}"
	case s.Type == "boolean":
		return "true", "true"
	case s.Type == "integer":
		return "int64(7)", "7"
	case s.Type == "number":
		return "1.5", "1.5"
	}
	return fmt.Sprintf("%q", value), fmt.Sprintf("%q", value)
}
