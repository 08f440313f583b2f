package main

import (
	"fmt"
	"net/url"
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
		if p.Name != "id" && p.Schema.Ref == "" && p.Schema.Type == "string" && len(p.Schema.Enum) == 0 && p.Schema.Format == "" {
			return f, p.Name
		}
	}
	return "", ""
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
// string field when it has one.
func (g *gen) reqDecl(m *opModel, value string) string {
	switch m.bodyKind {
	case "ref":
		t := "alianza." + g.typeNames[m.bodySchema] + "Request"
		if f, _ := g.stringField(m.bodySchema); f != "" {
			return fmt.Sprintf("req := %s{%s: %q}\n", t, f, value)
		}
		return "req := " + t + "{}\n"
	case "array":
		t := "alianza." + g.typeNames[m.bodySchema] + "Request"
		if f, _ := g.stringField(m.bodySchema); f != "" {
			return fmt.Sprintf("req := []%s{{%s: %q}}\n", t, f, value)
		}
		return "req := []" + t + "{{}}\n"
	case "string":
		return fmt.Sprintf("req := %q\n", value)
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
		decl := g.reqDecl(m, "conformance")
		b.p("{%q, %q, func(ctx context.Context, c *alianza.Client) error {\n%s%s\n}},\n", m.Svc+"."+m.Name, shape(m), decl, fn)
	}
	b.p("}\n")
	return b.Bytes()
}

// sent checks the last request the fake received: the operation's method
// and path, and the body (the JSON of req, or none).
func (g *gen) sent(b *buf, m *opModel) {
	if m.bodyKind == "" {
		b.p("checkSent(t, srv, %q, %s, nil)\n", m.so.Method, m.escapedTestPath())
		return
	}
	b.p("checkSent(t, srv, %q, %s, req)\n", m.so.Method, m.escapedTestPath())
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
	respT := "alianza." + g.typeNames[m.respSchema]
	field, jsonName := g.stringField(m.respSchema)
	want := respT + "{}"
	if field != "" {
		want = fmt.Sprintf("%s{%s: %q}", respT, field, "e2e "+m.Name)
	}
	seed := func(p string) {
		b.p("if err := srv.SetObject(%s, want); err != nil {\n\tt.Fatal(err)\n}\n", p)
	}
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
		b.p("%s", g.reqDecl(m, "e2e "+m.Name))
		b.p("got, err := %s\nif err != nil {\n\tt.Fatal(err)\n}\nif got == nil {\n\tt.Fatal(\"no answer\")\n}\n", call)
		g.sent(b, m)
		bf, _ := g.stringField(m.bodySchema)
		if field != "" && bf == field {
			b.p("if got.%s != req.%s {\n\tt.Errorf(\"%s: got %%q, want %%q\", got.%s, req.%s)\n}\n", field, bf, field, field, bf)
		}
		b.p("if n := srv.ObjectCount(%s); n != 1 {\n\tt.Errorf(\"the fake holds %%d objects, want 1\", n)\n}\n", path)
	case "put", "patch":
		b.p("if err := srv.SetObject(%s, map[string]string{\"e2eKeep\": \"kept\"}); err != nil {\n\tt.Fatal(err)\n}\n", path)
		b.p("%s", g.reqDecl(m, "e2e "+m.Name))
		if m.respKind == "none" {
			b.p("if err := %s; err != nil {\n\tt.Fatal(err)\n}\n", call)
		} else {
			b.p("if _, err := %s; err != nil {\n\tt.Fatal(err)\n}\n", call)
		}
		g.sent(b, m)
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
		b.p("%s", g.reqDecl(m, "e2e "+m.Name))
		b.p("job, err := %s\nif err != nil {\n\tt.Fatal(err)\n}\n", call)
		g.sent(b, m)
		b.p("if job.ID == \"\" || job.Status != alianza.JobPending {\n\tt.Fatalf(\"job %%+v, want a pending job\", job)\n}\n")
		b.p("if _, err := c.Jobs.Wait(ctx, job.ID, nil); err != nil {\n\tt.Fatal(err)\n}\n")
	default: // action: the scripted answer comes back typed
		b.p("%s", g.reqDecl(m, "e2e "+m.Name))
		switch m.respKind {
		case "none":
			b.p("srv.ScriptAnswer(%q, %s, 204, \"\")\n", m.so.Method, path)
			b.p("if err := %s; err != nil {\n\tt.Fatal(err)\n}\n", call)
			g.sent(b, m)
			b.p("if err := %s; err != nil {\n\tt.Fatal(err)\n}\n", call)
			b.p("srv.ScriptAnswer(%q, %s, 404, `{\"status\":404,\"messages\":[\"E2ENotFound\"]}`)\n", m.so.Method, path)
			b.p("if err := %s; !errors.Is(err, alianza.ErrNotFound) {\n\tt.Errorf(\"scripted 404: %%v\", err)\n}\n", call)
			return
		case "prim":
			val := map[string]string{"string": `"e2e"`, "bool": "true", "int64": "7"}[m.respType]
			b.p("want := %s(%s)\n", m.respType, val)
		case "array":
			b.p("want := []%s{%s}\n", respT, want)
		default:
			b.p("want := %s\n", want)
		}
		b.p("body, _ := json.Marshal(want)\nsrv.ScriptAnswer(%q, %s, %d, string(body))\n", m.so.Method, path, m.status)
		b.p("got, err := %s\nif err != nil {\n\tt.Fatal(err)\n}\n", call)
		g.sent(b, m)
		if m.respKind == "object" {
			b.p("if !reflect.DeepEqual(*got, want) {\n\tt.Errorf(\"got %%+v, want %%+v\", *got, want)\n}\n")
		} else {
			b.p("if !reflect.DeepEqual(got, want) {\n\tt.Errorf(\"got %%+v, want %%+v\", got, want)\n}\n")
		}
	}
	_ = jsonName
}
