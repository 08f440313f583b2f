package conventions

import (
	"go/ast"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// faultFields are the fields of every fake's Fault, in this order, so that
// fakeserver.Fault converts to each.
var faultFields = []string{"Path", "Status", "RetryAfter", "Latency", "Drop", "Times"}

func TestFakesHaveOneShape(t *testing.T) {
	for _, v := range vendors {
		f := load(t, v+"/"+v+"test")
		name := v + "test"
		for fn, want := range map[string]string{
			"NewServer":  "(...Option) *Server",
			"NewHandler": "(...Option) *Server",
		} {
			if d := f.funcs[fn]; d == nil || sig(d) != want {
				t.Errorf("%s has no func %s%s", name, fn, want)
			}
		}
		if d := f.funcs["WithCredentials"]; d == nil || !strings.HasSuffix(sig(d), " Option") {
			t.Errorf("%s has no option WithCredentials", name)
		}
		if got := f.fields("Server")["URL"]; got != "string" {
			t.Errorf("%s.Server has no URL string field", name)
		}
		methods := map[string]string{
			"InjectFault":   "(Fault)",
			"ClearFaults":   "()",
			"Close":         "()",
			"RequestCount":  "(string) int",
			"Requests":      "() []RecordedRequest",
			"ResetRequests": "()",
			"Client":        "(..." + v + ".Option) *" + v + ".Client",
		}
		for _, o := range baseURLOptions[v] {
			methods[strings.TrimPrefix(o, "With")] = "() string"
		}
		for m, want := range methods {
			if d := f.methods["Server"][m]; d == nil || sig(d) != want {
				got := "none"
				if d != nil {
					got = sig(d)
				}
				t.Errorf("%s: Server.%s is %s, want %s", name, m, got, want)
			}
		}
		var got []string
		if ts := f.types["Fault"]; ts != nil {
			for _, fl := range ts.Type.(*ast.StructType).Fields.List {
				for _, n := range fl.Names {
					got = append(got, n.Name)
				}
			}
		}
		if !reflect.DeepEqual(got, faultFields) {
			t.Errorf("%s.Fault fields %v, want %v", name, got, faultFields)
		}
		for _, old := range []string{"New", "AddFault", "SOAPURL", "RESTURL", "AddAPIUser", "WithUser"} {
			if f.funcs[old] != nil || f.methods["Server"][old] != nil {
				t.Errorf("%s still has %s", name, old)
			}
		}
	}
}

// A fake is an independent oracle of the vendor's behaviour: only its
// client.go, which builds Server.Client, may import the SDK package.
func TestFakesDoNotUseTheSDK(t *testing.T) {
	for _, v := range vendors {
		f := load(t, v+"/"+v+"test")
		var files []string
		for n := range f.files {
			files = append(files, n)
		}
		sort.Strings(files)
		for _, n := range files {
			for _, p := range importsOf(f.files[n]) {
				if p == "github.com/ispkit/ispkit/"+v && n != "client.go" {
					t.Errorf("%stest/%s imports the SDK: only client.go may", v, n)
				}
			}
		}
	}
}
