package octane

import (
	"reflect"
	"testing"

	"github.com/ispkit/ispkit/internal/wireshape"
)

// TestCheckEntriesCoverWireTypes: every answer ispkit check confirms
// (internal/wireshape.Octane) names every element and field the SDK reads
// from it, as this package's wire types read them, so the check's table
// cannot drift from wire.go.
func TestCheckEntriesCoverWireTypes(t *testing.T) {
	type decoded struct {
		typ  reflect.Type
		root string
		xml  bool
	}
	soap := func(op soapOp, typ reflect.Type) decoded {
		return decoded{typ, "/Envelope/Body/" + op.name + "Response/return", true}
	}
	decodes := map[string]decoded{
		pathService:  soap(opGetServiceDetail, reflect.TypeFor[xmlServiceDetailReturn]()),
		pathMobile:   soap(opQueryBalance, reflect.TypeFor[xmlBalanceReturn]()),
		pathDataPool: {reflect.TypeFor[restPool](), "$", false},
	}
	if len(wireshape.Octane) != len(decodes) {
		t.Errorf("%d entries, %d known wire types: map each entry to the type its answer is decoded into", len(wireshape.Octane), len(decodes))
	}
	for _, e := range wireshape.Octane {
		d, ok := decodes[e.Path]
		if !ok {
			t.Errorf("%s: no wire type known for %s", e.Name, e.Path)
			continue
		}
		paths := wireshape.JSON(d.typ, d.root)
		if d.xml {
			paths = wireshape.XML(d.typ, d.root)
		}
		for p := range paths {
			if !e.Expects(p) {
				t.Errorf("%s: the SDK reads %s (%s), the entry does not name it", e.Name, p, d.typ)
			}
		}
	}
}
