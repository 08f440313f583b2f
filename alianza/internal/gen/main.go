// Command gen writes the generated part of package alianza (zz_*.gen.go)
// and of its fake, alianzatest, from the vendor's OpenAPI document
// (openapi.yml) and the checked-in naming table and ledger (config.yml).
// Run it with go generate ./alianza; CI checks its output is current.
//
// Only the operations the ledger marks "generated" are written: plain JSON
// calls whose models are plain objects. Names come from the ledger, never
// from operationIds. Inline schemas are typed through the ledger's naming
// table (inline: a new model, the spec's model a free-form fragment stands
// for, an inline enum's type, or raw JSON), an allOf of one plain base and
// added fields is flattened where the ledger lists it (flatten), and the
// names of enums that typing more models would change are pinned (enums). Field policy: every field is optional (omitempty; the
// spec's required lists are ignored, they mix request and answer rules);
// booleans and numbers are pointers in request bodies and in the models they
// contain, where zero is a value; enums with the same value set share one
// named type; a 202 answer is the package's *Job.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	dir := flag.String("dir", ".", "the alianza package directory")
	out := flag.String("out", "", "write into this directory instead of -dir (its alianzatest subdirectory for the fake)")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	if out == "" {
		out = dir
	}
	files, err := Generate(dir)
	if err != nil {
		return err
	}
	for name, b := range files {
		p := filepath.Join(out, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
