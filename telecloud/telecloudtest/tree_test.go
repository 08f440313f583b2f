package telecloudtest

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// samplesDir holds the reference's verbatim samples.
const samplesDir = "../../testdata/telecloud"

// parseSample reads an XML document into a node tree, marking CDATA
// content, for checking the renderers against the reference's samples.
func parseSample(t *testing.T, raw []byte) *node {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(raw))
	var stack []*node
	var root *node
	for {
		off := d.InputOffset()
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: tok.Name.Local}
			for _, a := range tok.Attr {
				n.set(a.Name.Local, a.Value)
			}
			if len(stack) > 0 {
				stack[len(stack)-1].add(n)
			} else {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 {
				continue
			}
			n := stack[len(stack)-1]
			if bytes.HasPrefix(raw[off:], []byte("<![CDATA[")) {
				n.cdata = true
			}
			n.text += string(tok)
		}
	}
	if root == nil {
		t.Fatal("no root element")
	}
	trimTree(root)
	return root
}

// trimTree trims text, and drops the whitespace between child elements.
func trimTree(n *node) {
	n.text = strings.TrimSpace(n.text)
	if len(n.kids) > 0 {
		n.text = ""
	}
	for _, k := range n.kids {
		trimTree(k)
	}
}

// normJSON decodes a JSON document with every string trimmed.
func normJSON(t *testing.T, raw []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("bad JSON %s: %v", raw, err)
	}
	return trimJSON(v)
}

func trimJSON(v any) any {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case []any:
		for i := range v {
			v[i] = trimJSON(v[i])
		}
	case map[string]any:
		for k := range v {
			v[k] = trimJSON(v[k])
		}
	}
	return v
}

// TestRenderersMatchSamples parses every sample XML into a tree and checks
// that the JSON renderer gives the sample JSON, and the XML renderer XML
// that parses back to the same tree.
func TestRenderersMatchSamples(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(samplesDir, "*.xml"))
	if len(files) < 70 {
		t.Fatalf("only %d samples in %s", len(files), samplesDir)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".xml")
		if name == "Ticket_Search" {
			continue // unescaped HTML in the sample: not XML (see TestRenderTicketHTML)
		}
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(f, ".xml") + ".json")
			if err != nil {
				t.Fatal(err)
			}
			tree := parseSample(t, raw)
			if got, w := normJSON(t, jsonDoc(tree)), normJSON(t, want); !reflect.DeepEqual(got, w) {
				t.Errorf("JSON rendering differs from the sample\n got: %s\nwant: %s", jsonDoc(tree), want)
			}
			again := parseSample(t, xmlDoc(tree))
			if !reflect.DeepEqual(again, tree) {
				t.Errorf("XML rendering does not parse back to the sample's tree:\n%s", xmlDoc(tree))
			}
		})
	}
}

// TestRenderTicketHTML checks an HTML message is escaped in XML and a plain
// string in JSON, as the Ticket/Search sample's JSON shows it.
func TestRenderTicketHTML(t *testing.T) {
	root := el("telecloud", el("Tickets", el("ticket",
		leaf("message", `<p>Don & "co"</p>`),
		el("attachments", leaf("file", "https://x/1.jpg"), leaf("file", "https://x/2.png")).set("results", "2"),
	).set("ticket_id", "A-1")).set("results", "1"))
	x := string(xmlDoc(root))
	if !strings.Contains(x, `<message>&lt;p&gt;Don &amp; "co"&lt;/p&gt;</message>`) {
		t.Errorf("XML: %s", x)
	}
	want := `{"Tickets":{"@attributes":{"results":"1"},"ticket":{"@attributes":{"ticket_id":"A-1"},"message":"<p>Don & \"co\"<\/p>","attachments":{"@attributes":{"results":"2"},"file":["https:\/\/x\/1.jpg","https:\/\/x\/2.png"]}}}}`
	if got := string(jsonDoc(root)); got != want {
		t.Errorf("JSON:\n got %s\nwant %s", got, want)
	}
}

func TestRenderEdgeCases(t *testing.T) {
	root := el("telecloud",
		cdataLeaf("c", "a]]>b"),
		cdataLeaf("empty", ""),
		leaf("ctl", "x\x01y\r"),
		leaf("uni", "é😀/"),
		el("a").set("k", "v\n\"<"),
		leaf("t", "text").set("lost", "1"),
	).set("trans_id", "7")
	x := string(xmlDoc(root))
	for _, want := range []string{
		`<c><![CDATA[a]]]]><![CDATA[>b]]></c>`, `<empty/>`, "<ctl>x\uFFFDy&#13;</ctl>",
		`<a k="v&#10;&quot;&lt;"/>`, `<t lost="1">text</t>`,
	} {
		if !strings.Contains(x, want) {
			t.Errorf("XML lacks %s: %s", want, x)
		}
	}
	var parsed struct {
		C string `xml:"c"`
	}
	if err := xml.Unmarshal([]byte(x), &parsed); err != nil || parsed.C != "a]]>b" {
		t.Errorf("CDATA round trip: %q %v", parsed.C, err)
	}
	want := `{"@attributes":{"trans_id":"7"},"c":{},"empty":{},"ctl":"x\u0001y\r","uni":"\u00e9\ud83d\ude00\/","a":{"@attributes":{"k":"v\n\"<"}},"t":"text"}`
	if got := string(jsonDoc(root)); got != want {
		t.Errorf("JSON:\n got %s\nwant %s", got, want)
	}
	var v map[string]any
	if err := json.Unmarshal(jsonDoc(root), &v); err != nil || v["uni"] != "é😀/" {
		t.Errorf("JSON decode: %v %v", v["uni"], err)
	}
}
