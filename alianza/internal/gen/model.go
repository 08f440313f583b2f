package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/ispkit/ispkit/internal/transport"
)

// problems says why an operation cannot be generated, "" when it can: the
// reasons the ledger gives for deferring one. It is also the check that an
// operation the ledger marks generated really is plain.
func (g *gen) problems(o specOp) string {
	var out []string
	add := func(s string) {
		if !contains(out, s) {
			out = append(out, s)
		}
	}
	if rb := o.Op.RequestBody; rb != nil {
		switch {
		case rb.Content["multipart/form-data"] != nil:
			add("multipart upload")
		case rb.Content["application/json"] == nil:
			add("request body is not JSON")
		default:
			s := rb.Content["application/json"].Schema
			if s == nil || !(s.Ref != "" || s.Type == "array" && s.Items != nil && s.Items.Ref != "" || s.Type == "string" && len(s.Enum) == 0 ||
				s.Type == "array" && s.Items != nil && s.Items.Type == "string" && len(s.Items.Enum) == 0) {
				add("inline request schema")
			}
			g.schemaProblems(s, map[string]bool{}, add)
		}
	}
	for code, r := range o.Op.Responses {
		if code[0] != '2' {
			continue
		}
		for ct, m := range r.Content {
			if ct != "application/json" {
				add("answers " + ct + ", not JSON")
				continue
			}
			s := m.Schema
			if s == nil || !(s.Ref != "" || s.Type == "array" && s.Items != nil && s.Items.Ref != "" ||
				(s.Type == "string" || s.Type == "boolean" || s.Type == "integer") && len(s.Enum) == 0 ||
				(s.Type == "array" || s.Type == "object") && !s.Free && valueType(s)) {
				add("inline answer schema")
			}
			g.schemaProblems(s, map[string]bool{}, add)
		}
	}
	for _, p := range o.Op.Parameters {
		switch {
		case p.In == "header":
			add("header parameter")
		case p.In == "query" && p.Schema == nil:
			add("untyped query parameter")
		case p.In == "query" && p.Schema.Type == "array" && (p.Schema.Items == nil || p.Schema.Items.Type != "string"):
			add("query parameter array of non-strings")
		case p.In == "query" && p.Schema.Type == "object":
			add("object query parameter")
		}
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// secretName matches a property that holds a secret: a string property so
// named is a Secret (REDACTED in every print, revealed only in the body of
// a request, through the model's wire form).
var secretName = regexp.MustCompile(`(?i)(password|passcode|secret|token|pin|cvv|ssn|cardnumber)$`)

func (g *gen) schemaProblems(s *schema, seen map[string]bool, add func(string)) {
	if s == nil {
		return
	}
	if s.Ref != "" {
		name := refName(s.Ref)
		if seen[name] {
			return
		}
		seen[name] = true
		t := g.doc.Components.Schemas[name]
		if t == nil {
			add("unknown schema " + name)
			return
		}
		g.schemaProblems(t, seen, add)
		return
	}
	if s.polymorphic() {
		add("polymorphic model (anyOf/allOf/oneOf/discriminator)")
		return
	}
	switch s.Type {
	case "array":
		if s.Items != nil && s.Items.Ref == "" && !s.Items.Free && (s.Items.Type == "object" || s.Items.Type == "array") && !valueType(s.Items) {
			add("inline schema")
		}
		g.schemaProblems(s.Items, seen, add)
	case "object", "":
		if v := s.mapValue(); v != nil && len(s.Properties) == 0 {
			g.schemaProblems(v, seen, add)
		}
		for _, p := range s.Properties {
			ps := p.Schema
			switch {
			case ps.Ref != "":
				g.schemaProblems(ps, seen, add)
			case ps.polymorphic():
				add("polymorphic model (anyOf/allOf/oneOf/discriminator)")
			case ps.Type == "object" && len(ps.Properties) > 0:
				add("inline schema")
			case ps.Type == "object" && ps.mapValue() != nil:
				v := ps.mapValue()
				if v.Ref == "" && (v.Type == "object" || v.Type == "array") {
					add("inline schema")
				}
				if v.Ref != "" && g.secretful(refName(v.Ref)) {
					add("a secret field inside a map")
				}
				g.schemaProblems(v, seen, add)
			case ps.Type == "array":
				if ps.Items != nil && ps.Items.Ref == "" && !ps.Items.Free && (ps.Items.Type == "object" || ps.Items.Type == "array" || ps.Items.polymorphic()) {
					add("inline schema")
				}
				g.schemaProblems(ps.Items, seen, add)
			}
		}
	}
}

func refName(ref string) string { return ref[strings.LastIndex(ref, "/")+1:] }

// handWritten is every top-level name declared by the package's
// hand-written files (and the fake's): generated names must not take one.
func handWritten(dir string) (map[string]bool, error) {
	out := map[string]bool{}
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") || strings.HasPrefix(n, "zz_") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, n), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				name := d.Name.Name
				if d.Recv != nil {
					name = recvName(d.Recv.List[0].Type) + "." + name
				}
				out[name] = true
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						out[s.Name.Name] = true
					case *ast.ValueSpec:
						for _, n := range s.Names {
							out[n.Name] = true
						}
					}
				}
			}
		}
	}
	return out, nil
}

func recvName(e ast.Expr) string {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// initialisms are written in capitals in Go names.
var initialisms = map[string]bool{
	"ID": true, "URL": true, "URI": true, "SIP": true, "IVR": true, "TN": true, "CDR": true, "MAC": true,
	"API": true, "SSO": true, "JSON": true, "HTTP": true, "IP": true, "DID": true, "PBX": true,
	"CSV": true, "UUID": true, "SMS": true, "VM": true, "PIN": true, "E911": true, "CNAM": true,
	"LOA": true, "DTMF": true, "CLI": true, "IDP": true, "SAML": true, "OTP": true, "DNS": true, "TLS": true,
	"UDP": true, "TCP": true, "MWI": true, "BLF": true, "CPE": true, "LNP": true, "OCN": true, "LATA": true,
	"NPA": true, "NXX": true, "ENM": true, "SMTP": true, "PSAP": true,
}

// words splits a spec name into words: at non-alphanumerics and at case
// changes (sipTrunkID → sip Trunk ID).
func words(s string) []string {
	var out []string
	var cur []rune
	rs := []rune(s)
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = nil
		}
	}
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsUpper(r) && len(cur) > 0:
			prevLower := unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1])
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if prevLower || (unicode.IsUpper(rs[i-1]) && nextLower) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return out
}

// goName is an exported Go name for a spec name.
func goName(s string) string {
	var b strings.Builder
	for _, w := range words(s) {
		u := strings.ToUpper(w)
		if initialisms[u] {
			b.WriteString(u)
			continue
		}
		b.WriteString(strings.ToUpper(w[:1]) + strings.ToLower(w[1:]))
	}
	out := b.String()
	if out == "" || !unicode.IsLetter(rune(out[0])) {
		out = "V" + out
	}
	return out
}

// lowerName is an unexported Go name (parameters).
func lowerName(s string) string {
	n := goName(s)
	ws := words(n)
	if len(ws) == 0 {
		return "v"
	}
	first := ws[0]
	if initialisms[strings.ToUpper(first)] {
		first = strings.ToLower(first)
	} else {
		first = strings.ToLower(first[:1]) + first[1:]
	}
	out := first + strings.TrimPrefix(n, ws[0])
	switch out {
	case "type", "func", "range", "map", "chan", "go", "select", "default", "case", "var", "const", "package",
		"import", "return", "interface", "struct", "break", "continue", "for", "if", "else", "switch", "fallthrough", "goto", "defer",
		"ctx", "op", "p", "q", "err", "out", "s", "req", "opts", "raw", "resp", "url", "http":
		out += "Arg"
	}
	return out
}

// docText turns spec prose into one paragraph of comment text: tags out,
// whitespace collapsed.
var tagRE = regexp.MustCompile(`<[^>]*>`)

func docText(s string) string {
	s = tagRE.ReplaceAllString(s, "")
	s = strings.Join(strings.Fields(s), " ")
	return s
}

// comment wraps text into // lines.
func comment(text string) string {
	var b strings.Builder
	line := "//"
	for _, w := range strings.Fields(text) {
		if len(line)+1+len(w) > 78 && line != "//" {
			b.WriteString(line + "\n")
			line = "//"
		}
		line += " " + w
	}
	if line != "//" {
		b.WriteString(line + "\n")
	}
	return b.String()
}

func fail(format string, args ...any) error { return fmt.Errorf(format, args...) }

// isSecret reports whether a property holds a secret.
func isSecret(p property) bool {
	return secretName.MatchString(p.Name) && p.Schema.Ref == "" && p.Schema.Type == "string" && len(p.Schema.Enum) == 0
}

// unredacted lists the secret properties of the generated models whose
// names the transport does not know as secret: it scrubs a secret field's
// value from every error and log only when it knows the name.
func (g *gen) unredacted() []string {
	var out []string
	for n := range g.needed {
		for _, p := range g.doc.Components.Schemas[n].Properties {
			if isSecret(p) && !transport.IsSecretKey(p.Name) {
				out = append(out, n+"."+p.Name)
			}
		}
	}
	sort.Strings(out)
	return out
}

// secretful reports whether a schema holds a secret, itself or in a model
// it contains.
func (g *gen) secretful(name string) bool {
	if v, ok := g.secretMemo[name]; ok {
		return v
	}
	g.secretMemo[name] = false // a cycle holds no secret by itself
	s := g.doc.Components.Schemas[name]
	found := false
	if s != nil {
		for _, p := range s.Properties {
			if isSecret(p) {
				found = true
			}
		}
		g.walkRefs(s, func(r string) {
			if g.secretful(r) {
				found = true
			}
		})
	}
	g.secretMemo[name] = found
	return found
}
