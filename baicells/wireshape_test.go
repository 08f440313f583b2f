package baicells

import (
	"reflect"
	"testing"

	"github.com/ispkit/ispkit/internal/wireshape"
)

// TestCheckEntriesCoverWireTypes: every answer ispkit check confirms
// (internal/wireshape.Baicells) names every field the SDK reads from it, as
// this package's wire types read them. A field added to a wire type and not
// to the entry fails here, so the check's table cannot drift from wire.go.
func TestCheckEntriesCoverWireTypes(t *testing.T) {
	type key struct {
		path   string
		status int
	}
	decodes := map[key]reflect.Type{
		{"/products/queryallplans", 2}:     reflect.TypeFor[[]wirePlanResp](),
		{"/products/querybylink/{}/{}", 2}: reflect.TypeFor[[]wirePlanResp](),
		{"/customers/query", 2}:            reflect.TypeFor[wireSubscriberResp](),
		{"/customers/querybyid", 2}:        reflect.TypeFor[wireSubscriberResp](),
		{"/customers/querybyid", 4}:        reflect.TypeFor[envelope](),
		{"/usage/querybyhour", 2}:          reflect.TypeFor[wireHourlyResp](),
		{"/usage/querycdr", 2}:             reflect.TypeFor[wireCDRResp](),
		{"/customers/create", 2}:           reflect.TypeFor[envelope](),
		{"/customers/delete", 2}:           reflect.TypeFor[envelope](),
	}
	if len(wireshape.Baicells) != len(decodes) {
		t.Errorf("%d entries, %d known wire types: map each entry to the type its answer is decoded into", len(wireshape.Baicells), len(decodes))
	}
	for _, e := range wireshape.Baicells {
		typ, ok := decodes[key{e.Path, e.Status}]
		if !ok {
			t.Errorf("%s: no wire type known for %s (status %dxx)", e.Name, e.Path, e.Status)
			continue
		}
		for p := range wireshape.JSON(typ, "$") {
			if !e.Expects(p) {
				t.Errorf("%s: the SDK reads %s (%s), the entry does not name it", e.Name, p, typ)
			}
		}
	}
}
