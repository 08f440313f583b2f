package telecloud

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/ispkit/ispkit/internal/transport"
)

func fuzzSeeds(f *testing.F, ext string) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "telecloud", "*."+ext))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

var fuzzClient = sync.OnceValue(func() *Client {
	c, err := New(Credentials{APIIDKey: NewSecret(testIDKey), APIKey: NewSecret(testAPIKey)})
	if err != nil {
		panic(err)
	}
	return c
})

// fuzzAnswer runs a body through the whole answer path once, then decodes
// its tree into every response type: never a panic, and every failure an
// *Error. (That no secret shows in an error is the conformance matrix's
// part: a Response built here has no call whose secrets it would know.)
func fuzzAnswer(t *testing.T, body []byte, format Format) {
	c := fuzzClient()
	var out struct {
		Meta
		Status OrderStatus `tc:"order>status"`
	}
	err := c.answer("Fuzz/Decode", format, &transport.Response{StatusCode: 200, Body: body}, &out)
	if err != nil {
		if _, ok := err.(*Error); !ok {
			t.Fatalf("error is %T, not *Error: %v", err, err)
		}
		if !strings.HasPrefix(err.Error(), "telecloud: ") {
			t.Fatalf("error without the package prefix: %v", err)
		}
	}
	d, err := parseAnswer(bytes.TrimSpace(body), format)
	if err != nil || len(bytes.TrimSpace(body)) == 0 {
		return
	}
	for _, g := range allGolden() {
		_ = decodeDoc(d, reflect.New(reflect.TypeOf(g.want).Elem()).Interface())
	}
}

func FuzzDecodeXML(f *testing.F) {
	fuzzSeeds(f, "xml")
	f.Add([]byte(`<telecloud trans_id="1"><error>x</error></telecloud>`))
	f.Add([]byte(`<telecloud><a><b></telecloud>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		if d, err := parseXML(body); err == nil {
			if len(d.nodes) == 0 {
				t.Fatal("a parsed document has a root")
			}
		}
		fuzzAnswer(t, body, FormatXML)
	})
}

func FuzzDecodeJSON(f *testing.F) {
	fuzzSeeds(f, "json")
	f.Add([]byte(`{"@attributes":{"trans_id":"1"},"error":"x"}`))
	f.Add([]byte(`{"a":{"@attributes":{"x":"1"},"0":"t"},"b":["1",{"c":{}}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		if d, err := parseJSON(body); err == nil {
			if d.nodes[0].name != rootName {
				t.Fatal("the root of a JSON answer is <telecloud>")
			}
		}
		fuzzAnswer(t, body, FormatJSON)
	})
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"100.00", "$10.00", "0.0050", "-$1.25", "1,000", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMoney(s)
		if err != nil {
			return
		}
		back, err := ParseMoney(m.String())
		if err != nil || back != m {
			t.Fatalf("%q → %s → %v, %v", s, m, back, err)
		}
	})
}
