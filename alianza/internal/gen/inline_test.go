package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const inlineSpec = `
paths:
  /v2/thing/{id}:
    patch:
      operationId: patchThing
      requestBody:
        content:
          application/json:
            schema:
              type: object
              additionalProperties: true
      responses:
        "200":
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/ThingX'
  /v2/thing/activate:
    post:
      operationId: activate
      responses:
        "200":
          content:
            application/json:
              schema:
                type: object
                properties:
                  success: {type: boolean}
                  message: {type: string}
  /v2/ref/kinds:
    get:
      operationId: kinds
      responses:
        "200":
          content:
            application/json:
              schema:
                type: object
                additionalProperties:
                  type: array
                  items: {type: string, enum: [A, B]}
components:
  schemas:
    ThingX:
      type: object
      properties:
        name: {type: string}
        members:
          type: array
          items:
            type: object
            properties:
              userId: {type: string}
        other:
          type: array
          items:
            type: object
            properties:
              userId: {type: integer}
`

// inlineGen loads inlineSpec with the naming table entries given.
func inlineGen(t *testing.T, entries []inlineConfig) (*gen, error) {
	t.Helper()
	f := filepath.Join(t.TempDir(), "openapi.yml")
	if err := os.WriteFile(f, []byte(inlineSpec), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, ops, err := loadDocument(f)
	if err != nil {
		t.Fatal(err)
	}
	g := &gen{doc: doc, ops: ops, cfg: &config{Types: map[string]string{}, Inline: entries},
		inlineWhere: map[string]string{}, opNotes: map[string][]string{}, secretMemo: map[string]bool{}}
	return g, g.applyInline()
}

func opOf(g *gen, key string) specOp {
	for _, o := range g.ops {
		if o.Key == key {
			return o
		}
	}
	panic(key)
}

func TestInlineNamingTable(t *testing.T) {
	g, err := inlineGen(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Without the table, each operation is deferred for its inline schema.
	for key, want := range map[string]string{
		"PATCH /v2/thing/{id}":    "inline request schema",
		"POST /v2/thing/activate": "inline answer schema",
		"GET /v2/ref/kinds":       "inline answer schema",
	} {
		if p := g.problems(opOf(g, key)); !strings.Contains(p, want) {
			t.Errorf("%s: problems %q, want %q", key, p, want)
		}
	}

	g, err = inlineGen(t, []inlineConfig{
		{Op: "PATCH /v2/thing/{id}", In: "request", As: "ThingX", Why: "A fragment of the thing."},
		{Op: "POST /v2/thing/activate", In: "answer", Type: "ActivationResult"},
		{Op: "GET /v2/ref/kinds", In: "answer", At: "{}[]", Enum: "Kind"},
		{Schema: "ThingX", At: ".members[]", Type: "Member"},
	})
	if err != nil {
		t.Fatal(err)
	}
	// ThingX still holds an unnamed inline schema (other).
	if p := g.problems(opOf(g, "PATCH /v2/thing/{id}")); p != "inline schema" {
		t.Errorf("with other unnamed: problems %q, want inline schema", p)
	}
	g, err = inlineGen(t, []inlineConfig{
		{Op: "PATCH /v2/thing/{id}", In: "request", As: "ThingX", Why: "A fragment of the thing."},
		{Op: "POST /v2/thing/activate", In: "answer", Type: "ActivationResult"},
		{Op: "GET /v2/ref/kinds", In: "answer", At: "{}[]", Enum: "Kind"},
		{Schema: "ThingX", At: ".members[]", Type: "Member"},
		{Schema: "ThingX", At: ".other[]", Type: "OtherMember"},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"PATCH /v2/thing/{id}", "POST /v2/thing/activate", "GET /v2/ref/kinds"} {
		if p := g.problems(opOf(g, key)); p != "" {
			t.Errorf("%s: still %q with the naming table", key, p)
		}
	}
	if s := opOf(g, "PATCH /v2/thing/{id}").Op.RequestBody.Content["application/json"].Schema; s.Ref != "#/components/schemas/ThingX" {
		t.Errorf("the PATCH body is %+v, want a $ref to ThingX", s)
	}
	if got := g.opNotes["PATCH /v2/thing/{id}"]; len(got) != 1 || got[0] != "A fragment of the thing." {
		t.Errorf("the doc notes of the PATCH: %q", got)
	}
	r := g.doc.Components.Schemas["ActivationResult"]
	if r == nil || len(r.Properties) != 2 || g.cfg.Types["ActivationResult"] != "ActivationResult" {
		t.Fatalf("ActivationResult is not a model: %+v", r)
	}
	if w := g.inlineWhere["ActivationResult"]; w != "the answer of POST /v2/thing/activate" {
		t.Errorf("ActivationResult's origin: %q", w)
	}
	if m := g.doc.Components.Schemas["Member"]; m == nil || m.Properties[0].Name != "userId" {
		t.Errorf("Member is not a model: %+v", m)
	}
}

func TestInlineNamingTableRefusals(t *testing.T) {
	for name, tc := range map[string]struct {
		entry inlineConfig
		want  string
	}{
		"two kinds":       {inlineConfig{Schema: "ThingX", At: ".members[]", Type: "M", Enum: "E"}, "exactly one"},
		"as without why":  {inlineConfig{Op: "PATCH /v2/thing/{id}", In: "request", As: "ThingX"}, "need a why"},
		"no operation":    {inlineConfig{Op: "PATCH /v2/nothing", In: "request", Type: "T"}, "no such operation"},
		"bad in":          {inlineConfig{Op: "PATCH /v2/thing/{id}", In: "body", Type: "T"}, "request or answer"},
		"no schema":       {inlineConfig{Schema: "Nope", Type: "T"}, "no such schema"},
		"bad step":        {inlineConfig{Schema: "ThingX", At: "members", Type: "T"}, "bad step"},
		"no property":     {inlineConfig{Schema: "ThingX", At: ".nobody[]", Type: "T"}, "no property nobody"},
		"not an array":    {inlineConfig{Schema: "ThingX", At: ".name[]", Type: "T"}, "non-array"},
		"type of a ref":   {inlineConfig{Op: "PATCH /v2/thing/{id}", In: "answer", Type: "T"}, "not one"},
		"as of an object": {inlineConfig{Op: "POST /v2/thing/activate", In: "answer", As: "ThingX", Why: "x"}, "not one"},
		"as of nothing":   {inlineConfig{Op: "PATCH /v2/thing/{id}", In: "request", As: "Nope", Why: "x"}, "no schema Nope"},
		"enum of object":  {inlineConfig{Schema: "ThingX", At: ".members[]", Enum: "E"}, "not one"},
		"spec's name":     {inlineConfig{Schema: "ThingX", At: ".members[]", Type: "ThingX"}, "name of a schema"},
	} {
		if _, err := inlineGen(t, []inlineConfig{tc.entry}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error with %q", name, err, tc.want)
		}
	}
	// One type name for two different schemas is refused; for two equal
	// ones it is one model.
	_, err := inlineGen(t, []inlineConfig{
		{Schema: "ThingX", At: ".members[]", Type: "Member"},
		{Schema: "ThingX", At: ".other[]", Type: "Member"},
	})
	if err == nil || !strings.Contains(err.Error(), "two different schemas") {
		t.Errorf("one name for two schemas: %v", err)
	}
}

func TestValueType(t *testing.T) {
	str := &schema{Type: "string"}
	enum := &schema{Type: "string", Enum: []string{"A"}}
	named := &schema{Type: "string", Enum: []string{"A"}, EnumName: "Kind"}
	obj := &schema{Type: "object", Properties: properties{{"a", str}}}
	for _, tc := range []struct {
		s    *schema
		want bool
	}{
		{&schema{Type: "array", Items: str}, true},
		{&schema{Type: "array", Items: enum}, false},
		{&schema{Type: "array", Items: named}, true},
		{&schema{Type: "array", Items: obj}, false},
		{&schema{Type: "object", AdditionalProperties: additional{&schema{Ref: "#/components/schemas/X"}}}, true},
		{&schema{Type: "object"}, false},
		{&schema{Type: "object", Free: true}, true},
		{&schema{OneOf: []*schema{str}}, false},
	} {
		if got := valueType(tc.s); got != tc.want {
			t.Errorf("valueType(%+v) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestFlatten(t *testing.T) {
	base := &schema{Type: "object", Properties: properties{{"referenceId", &schema{Type: "string"}}}}
	poly := &schema{AnyOf: []*schema{{Ref: "#/components/schemas/Base"}}, Discriminator: map[string]any{"propertyName": "type"}}
	extra := &schema{Type: "object", Properties: properties{{"enabled", &schema{Type: "boolean"}}}}
	mk := func() *gen {
		return &gen{doc: &document{}, cfg: &config{Flatten: []string{"Sub"}}}
	}
	for name, tc := range map[string]struct {
		sub  *schema
		want string // "" when it flattens
	}{
		"one base and more":      {&schema{AllOf: []*schema{{Ref: "#/components/schemas/Base"}, extra}}, ""},
		"polymorphic base":       {&schema{AllOf: []*schema{{Ref: "#/components/schemas/Poly"}, extra}}, "not a plain model"},
		"two bases":              {&schema{AllOf: []*schema{{Ref: "#/components/schemas/Base"}, {Ref: "#/components/schemas/Base"}}}, "more than one base"},
		"no base":                {&schema{AllOf: []*schema{extra}}, "no base model"},
		"a property twice":       {&schema{AllOf: []*schema{{Ref: "#/components/schemas/Base"}, base}}, "in the base and added"},
		"an anyOf beside":        {&schema{AllOf: []*schema{{Ref: "#/components/schemas/Base"}}, AnyOf: []*schema{extra}}, "not an allOf alone"},
		"a polymorphic part":     {&schema{AllOf: []*schema{{Ref: "#/components/schemas/Base"}, poly}}, "not a plain object"},
		"not polymorphic at all": {base, "not an allOf alone"},
	} {
		g := mk()
		g.doc.Components.Schemas = map[string]*schema{"Base": base, "Poly": poly, "Sub": tc.sub}
		err := g.flatten()
		if tc.want != "" {
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s: %v, want an error with %q", name, err, tc.want)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got := g.doc.Components.Schemas["Sub"]
		if got.polymorphic() || len(got.Properties) != 2 || got.Properties[0].Name != "referenceId" || got.Properties[1].Name != "enabled" {
			t.Errorf("%s: flattened to %+v, want referenceId then enabled", name, got)
		}
	}
}
