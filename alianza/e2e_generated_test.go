package alianza_test

import (
	"context"
	"sort"
	"testing"
)

// TestE2EGenerated calls every generated operation through its typed
// method against alianzatest (genE2E, written by the generator beside the
// methods) and checks the answer: what the test stored comes back typed,
// what it sends is stored, a delete removes, a job runs to its end, a
// scripted answer is decoded.
func TestE2EGenerated(t *testing.T) {
	keys := make([]string, 0, len(genE2E))
	for k := range genE2E {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Run(k, func(t *testing.T) {
			srv, c := newE2E(t) // a fresh store for each
			genE2E[k](context.Background(), t, srv, c)
		})
	}
}
