package main

import (
	"fmt"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The parts of the OpenAPI 3.0 document the generator reads.

type document struct {
	Paths      yaml.Node `yaml:"paths"` // a mapping, read in order
	Components struct {
		Schemas    map[string]*schema    `yaml:"schemas"`
		Parameters map[string]*parameter `yaml:"parameters"`
	} `yaml:"components"`
}

type operation struct {
	Tags        []string             `yaml:"tags"`
	Summary     string               `yaml:"summary"`
	Description string               `yaml:"description"`
	OperationID string               `yaml:"operationId"`
	Deprecated  bool                 `yaml:"deprecated"`
	Parameters  []*parameter         `yaml:"parameters"`
	RequestBody *body                `yaml:"requestBody"`
	Responses   map[string]*response `yaml:"responses"`
}

type parameter struct {
	Ref         string  `yaml:"$ref"`
	Name        string  `yaml:"name"`
	In          string  `yaml:"in"`
	Description string  `yaml:"description"`
	Required    bool    `yaml:"required"`
	Schema      *schema `yaml:"schema"`
}

type body struct {
	Content map[string]*media `yaml:"content"`
}

type response struct {
	Description string            `yaml:"description"`
	Content     map[string]*media `yaml:"content"`
}

type media struct {
	Schema *schema `yaml:"schema"`
}

type schema struct {
	Ref                  string         `yaml:"$ref"`
	Type                 string         `yaml:"type"`
	Format               string         `yaml:"format"`
	Description          string         `yaml:"description"`
	Enum                 []string       `yaml:"enum"`
	Items                *schema        `yaml:"items"`
	Properties           properties     `yaml:"properties"`
	AdditionalProperties additional     `yaml:"additionalProperties"`
	AnyOf                []*schema      `yaml:"anyOf"`
	AllOf                []*schema      `yaml:"allOf"`
	OneOf                []*schema      `yaml:"oneOf"`
	Discriminator        map[string]any `yaml:"discriminator"`
	MinLength            *int           `yaml:"minLength"`
	MaxLength            *int           `yaml:"maxLength"`
	Minimum              *float64       `yaml:"minimum"`
	Maximum              *float64       `yaml:"maximum"`

	// Set by the naming table (config.yml, inline), not read from the spec.
	Free     bool   `yaml:"-"` // a free-form object, kept as its JSON
	EnumName string `yaml:"-"` // the Go type of an inline enum
}

// properties keeps the spec's order of an object's properties.
type properties []property

type property struct {
	Name   string
	Schema *schema
}

func (p *properties) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: properties is not a mapping", n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		var s schema
		if err := n.Content[i+1].Decode(&s); err != nil {
			return err
		}
		*p = append(*p, property{n.Content[i].Value, &s})
	}
	return nil
}

// mapValue is the schema of a map's values, nil when the object is not a
// map (or a map of anything).
func (s *schema) mapValue() *schema { return s.AdditionalProperties.s }

// additional is additionalProperties: a schema, or true/false (kept as
// nil: a map of anything is a free-form object).
type additional struct{ s *schema }

func (a *additional) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	a.s = new(schema)
	return n.Decode(a.s)
}

func (s *schema) polymorphic() bool {
	return len(s.AnyOf) > 0 || len(s.AllOf) > 0 || len(s.OneOf) > 0 || s.Discriminator != nil
}

// specOp is one operation of the document, in the document's order.
type specOp struct {
	Key    string // "GET /v2/…", the ledger's key
	Method string // GET, POST, …
	Path   string
	Op     *operation
}

func (o specOp) tag() string {
	if len(o.Op.Tags) == 0 {
		return ""
	}
	return o.Op.Tags[0]
}

var methods = []string{"get", "post", "put", "patch", "delete"}

func loadDocument(file string) (*document, []specOp, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, nil, err
	}
	var doc document
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	var ops []specOp
	n := &doc.Paths
	for i := 0; i+1 < len(n.Content); i += 2 {
		path, item := n.Content[i].Value, n.Content[i+1]
		for j := 0; j+1 < len(item.Content); j += 2 {
			m := item.Content[j].Value
			if !contains(methods, m) {
				continue
			}
			var op operation
			if err := item.Content[j+1].Decode(&op); err != nil {
				return nil, nil, fmt.Errorf("%s %s: %w", m, path, err)
			}
			for k, p := range op.Parameters {
				if p.Ref != "" {
					name := p.Ref[strings.LastIndex(p.Ref, "/")+1:]
					if doc.Components.Parameters[name] == nil {
						return nil, nil, fmt.Errorf("%s %s: unknown parameter %s", m, path, p.Ref)
					}
					op.Parameters[k] = doc.Components.Parameters[name]
				}
			}
			M := strings.ToUpper(m)
			ops = append(ops, specOp{Key: M + " " + path, Method: M, Path: path, Op: &op})
		}
	}
	return &doc, ops, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// The configuration: the naming table and the ledger.

type config struct {
	// Types renames the Go type of a spec schema (after the trailing X is
	// cut), where the plain name is taken by hand-written code.
	Types map[string]string `yaml:"types"`
	// Enums pins the Go name of an enum value set to the model property
	// that first had it ("Schema.property"), so that typing more models
	// does not rename it.
	Enums  map[string]string `yaml:"enums"`
	Inline []inlineConfig    `yaml:"inline"`
	// Flatten lists the models that are an allOf of one plain base model
	// and extra properties: each becomes one plain object.
	Flatten    []string   `yaml:"flatten"`
	Operations []opConfig `yaml:"operations"`
}

// inlineConfig names one inline schema: where it is (the request or answer
// of an operation, or a model, then a path of steps into it) and what Go
// type it becomes. Exactly one of Type, As, Enum and Free is set.
type inlineConfig struct {
	Op     string `yaml:"op"`     // "PATCH /v2/…", with In
	In     string `yaml:"in"`     // request or answer
	Schema string `yaml:"schema"` // a model of the spec, instead of Op and In
	At     string `yaml:"at"`     // steps: .property, [] (items), {} (map values)
	Type   string `yaml:"type"`   // a new model of this Go name
	As     string `yaml:"as"`     // the spec's model it stands for (with Why)
	Enum   string `yaml:"enum"`   // the Go name of an inline enum
	Free   bool   `yaml:"free"`   // a free-form object, kept as json.RawMessage (with Why)
	Why    string `yaml:"why"`    // the reason for As and Free, written into the doc comments
}

type opConfig struct {
	Op     string `yaml:"op"`     // "GET /v2/…"
	ID     string `yaml:"id"`     // the spec's operationId, for the reader only
	Status string `yaml:"status"` // handwritten, generated, excluded, deferred
	Method string `yaml:"method"` // "Service.Method" (handwritten and generated)
	Reason string `yaml:"reason"` // excluded and deferred
}

func loadConfig(file string) (*config, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var c config
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return &c, nil
}
