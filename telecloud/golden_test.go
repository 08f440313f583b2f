package telecloud

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// golden is one verbatim sample of the reference and what it must decode to.
type golden struct {
	op   string // "Customer/Search"
	file string // testdata/telecloud/<file>.xml and .json
	want any    // pointer to the response struct
	// jsonLoses names the fields the JSON form cannot carry (CDATA content,
	// attributes of elements that also have text); jsonAdjust clears them in
	// a copy of want.
	jsonLoses  []string
	jsonAdjust func(any)
	// notCaptured lists XML paths the response struct deliberately ignores.
	notCaptured []string
}

func allGolden() []golden {
	var all []golden
	all = append(all, goldenAlerts...)
	all = append(all, goldenAnnouncements...)
	all = append(all, goldenBilling...)
	all = append(all, goldenCloudAccounts...)
	all = append(all, goldenCustomers...)
	all = append(all, goldenDiscounts...)
	all = append(all, goldenGateways...)
	all = append(all, goldenModules...)
	all = append(all, goldenNotifications...)
	all = append(all, goldenOrders...)
	all = append(all, goldenPaymentMethods...)
	all = append(all, goldenPlans...)
	all = append(all, goldenProductGroups...)
	all = append(all, goldenPromos...)
	all = append(all, goldenReports...)
	all = append(all, goldenTickets...)
	all = append(all, goldenTransactions...)
	all = append(all, goldenUsageComponents...)
	all = append(all, goldenUsers...)
	return all
}

func mustTime(s string) Time {
	t, err := ParseTime(s)
	if err != nil {
		panic(err)
	}
	return t
}

var cmpOpts = []cmp.Option{
	cmp.AllowUnexported(Money{}, Quantity{}),
	cmpopts.EquateEmpty(),
}

func readSample(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "telecloud", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// decodeTracked decodes and returns the XML paths nothing captured.
func decodeTracked(t *testing.T, body []byte, json bool, out any) []string {
	t.Helper()
	var d *doc
	var err error
	if json {
		d, err = parseJSON(body)
	} else {
		d, err = parseXML(body)
	}
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	d.seenNode = make([]bool, len(d.nodes))
	d.seenAttr = make([]bool, len(d.attrs))
	if err := decodeDoc(d, out); err != nil {
		t.Fatalf("decode: %v", err)
	}
	var lost []string
	var walk func(i int32, path string)
	walk = func(i int32, path string) {
		n := &d.nodes[i]
		p := path + "/" + n.name
		if !d.seenNode[i] {
			lost = append(lost, p)
			return
		}
		for a := n.a0; a < n.a1; a++ {
			if !d.seenAttr[a] && !(i == 0 && d.attrs[a].name == "trans_id") {
				lost = append(lost, p+"/@"+d.attrs[a].name)
			}
		}
		for c := n.first; c >= 0; c = d.nodes[c].next {
			walk(c, p)
		}
	}
	walk(0, "")
	sort.Strings(lost)
	return slicesCompact(lost)
}

func slicesCompact(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

func TestGoldenSamples(t *testing.T) {
	seen := map[string]bool{}
	for _, g := range allGolden() {
		t.Run(g.file, func(t *testing.T) {
			seen[g.file] = true
			if _, err := lookupRoute(g.op); err != nil {
				t.Fatalf("op %s: %v", g.op, err)
			}
			typ := reflect.TypeOf(g.want).Elem()

			x := reflect.New(typ).Interface()
			lost := decodeTracked(t, readSample(t, g.file+".xml"), false, x)
			if diff := cmp.Diff(g.want, x, cmpOpts...); diff != "" {
				t.Errorf("XML (-want +got):\n%s", diff)
			}
			var unexpected []string
			for _, l := range lost {
				ok := false
				for _, n := range g.notCaptured {
					if strings.HasPrefix(l, n) {
						ok = true
					}
				}
				if !ok {
					unexpected = append(unexpected, l)
				}
			}
			if len(unexpected) > 0 {
				t.Errorf("XML content no field captured:\n%s", strings.Join(unexpected, "\n"))
			}

			j := reflect.New(typ).Interface()
			decodeTracked(t, readSample(t, g.file+".json"), true, j)
			w := reflect.New(typ).Interface()
			decodeTracked(t, readSample(t, g.file+".xml"), false, w)
			if g.jsonAdjust != nil {
				g.jsonAdjust(w)
			}
			if (g.jsonAdjust == nil) != (len(g.jsonLoses) == 0) {
				t.Errorf("jsonLoses and jsonAdjust must come together")
			}
			if diff := cmp.Diff(w, j, cmpOpts...); diff != "" {
				t.Errorf("JSON differs from XML beyond %v (-xml +json):\n%s", g.jsonLoses, diff)
			}
		})
	}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "telecloud", "*.xml"))
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".xml")
		if !seen[name] {
			t.Errorf("sample %s has no golden entry", name)
		}
	}
}

// v3Notice is the CDATA body of the Alerts/Search and Announcements/Search
// samples.
const v3Notice = "<p>After four years, we are officially sunsetting TeleKloud V3 (this system). This basically means we will no longer make updates or repairs to the TeleKloud interface or API. <br /> <br /> TeleCloud.app (previously known as V4) is launching in early October and includes an all-new API, interface, and many new tools based on suggestions we received from you during our six month suggestion period in 2018.<br /> <br /> With the new TeleCloud.app you'll have the ability to get things done faster and provide a better experience for your customers. We look forward to introducing it!<br /> <br /> Thank you for understanding.<br /> <br /> Team MVNOU</p>"
