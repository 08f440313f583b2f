package telecloud

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type treeOut struct {
	Meta
	Name  string   `tc:"item>name"`
	ID    string   `tc:"item>id,attr"`
	Tags  []string `tc:"item>tag"`
	Note  string   `tc:"note"`
	Count int      `tc:"count"`
	Group struct {
		ID   string `tc:"id,attr"`
		Name string `tc:",text"`
	} `tc:"group"`
	Options []string  `tc:"options,attr"`
	On      bool      `tc:"on"`
	Vars    Variables `tc:"vars,values"`
}

func decodeBoth(t *testing.T, xmlBody, jsonBody string) (x, j treeOut) {
	t.Helper()
	dx, err := parseXML([]byte(xmlBody))
	require.NoError(t, err)
	require.NoError(t, decodeDoc(dx, &x))
	dj, err := parseJSON([]byte(jsonBody))
	require.NoError(t, err)
	require.NoError(t, decodeDoc(dj, &j))
	return x, j
}

func TestPHPQuirks(t *testing.T) {
	x, j := decodeBoth(t,
		`<telecloud trans_id="7" options="A, B"><item id="4"><name> Widget </name><tag>a</tag></item><note/><count>3</count><group id="9">G</group><on>Y</on></telecloud>`,
		`{"@attributes":{"trans_id":"7","options":"A, B"},"item":{"@attributes":{"id":"4"},"name":"\nWidget\n","tag":"a"},"note":{},"count":"3","group":"G","options":"A, B","on":"Y"}`)
	assert.Equal(t, "7", x.TransID)
	assert.Equal(t, "4", x.ID, "a path may end in an attribute")
	assert.Equal(t, "Widget", x.Name, "text is trimmed")
	assert.Equal(t, []string{"a"}, x.Tags, "one child is a one-element slice")
	assert.Equal(t, "", x.Note)
	assert.Equal(t, 3, x.Count)
	assert.Equal(t, "9", x.Group.ID)
	assert.Equal(t, []string{"A", "B"}, x.Options, "a list in an attribute is comma-separated")
	assert.True(t, x.On)

	assert.Equal(t, x.Name, j.Name)
	assert.Equal(t, x.ID, j.ID)
	assert.Equal(t, x.Tags, j.Tags)
	assert.Equal(t, "", j.Group.ID, "PHP drops the attributes of an element with text")
	assert.Equal(t, "G", j.Group.Name)

	_, j = decodeBoth(t, `<telecloud/>`, `{"item":[{"tag":["a","b"]},{"tag":"c"}]}`)
	assert.Equal(t, []string{"a", "b", "c"}, j.Tags, "arrays and single objects collect alike")

	// Some PHP versions keep the text beside the attributes under "0".
	_, j = decodeBoth(t, `<telecloud/>`, `{"group":{"@attributes":{"id":"9"},"0":"G"}}`)
	assert.Equal(t, "9", j.Group.ID)
	assert.Equal(t, "G", j.Group.Name)
}

func TestJSONScalarsAndEscapes(t *testing.T) {
	_, j := decodeBoth(t, `<telecloud/>`,
		`{"item":{"name":"a\/b \"q\" \u00e9 \ud83d\ude00 \t\n","id":"x"},"count":12,"on":true,"note":null}`)
	assert.Equal(t, "a/b \"q\" é 😀", j.Name)
	assert.Equal(t, 12, j.Count)
	assert.True(t, j.On)
	assert.Equal(t, "", j.Note)
}

func TestJSONRejects(t *testing.T) {
	for _, bad := range []string{
		``, `[]`, `"x"`, `{`, `{"a":`, `{"a":"b"`, `{"a":"b",}`, `{"a" "b"}`, `{"a":[["x"]]}`,
		`{"a":"\x01"}`, `{"a":"\q"}`, `{"a":"\u12"}`, `{"a":tru}`, `{} x`, `{"a":"b"]`,
		`{"@attributes":"x"}`, `{"a":{"@attributes":{"x":"1"}},"@attributes":{"c":"d"}}`,
		strings.Repeat(`{"a":`, 200) + `"x"` + strings.Repeat(`}`, 200),
	} {
		_, err := parseJSON([]byte(bad))
		assert.Error(t, err, "%q", bad)
	}
}

func TestXMLForms(t *testing.T) {
	var out treeOut
	d, err := parseXML([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?><telecloud><item><name>Caf` + "\xe9" + `</name></item></telecloud>`))
	require.NoError(t, err)
	require.NoError(t, decodeDoc(d, &out))
	assert.Equal(t, "Café", out.Name)

	d, err = parseXML([]byte(`<telecloud><note><![CDATA[<p>Hi & bye</p>]]></note></telecloud>`))
	require.NoError(t, err)
	out = treeOut{}
	require.NoError(t, decodeDoc(d, &out))
	assert.Equal(t, "<p>Hi & bye</p>", out.Note, "CDATA is text")

	// HTML sent without CDATA (as the reference prints ticket messages).
	d, err = parseXML([]byte(`<telecloud><note> <p>One<br>two &amp; three</p> </note><count>2</count></telecloud>`))
	require.NoError(t, err)
	out = treeOut{}
	require.NoError(t, decodeDoc(d, &out))
	assert.Equal(t, "<p>One<br>two & three</p>", out.Note)
	assert.Equal(t, 2, out.Count)

	// The lenient reading repairs unclosed elements; truncation is still an error.
	_, err = parseXML([]byte(`<telecloud><a></telecloud>`))
	assert.NoError(t, err)

	for _, bad := range []string{
		`<telecloud><a>`, `<telecloud><a x="1`, `<telecloud>`, `<telecloud></telecloud><x/>`, `text`,
		`<?xml version="1.0" encoding="EBCDIC"?><telecloud/>`, `<telecloud></telecloud>tail`, `</x>`,
	} {
		_, err := parseXML([]byte(bad))
		assert.Error(t, err, "%q", bad)
	}
}

func TestVariablesBothForms(t *testing.T) {
	var defs struct {
		Vars Variables `tc:"g>variables,vars"`
	}
	d, err := parseXML([]byte(`<telecloud><g><variables><VAR4 TYPE="OPTIONS" OPTIONS="YES,NO" DESCRIPTION="Port?" SWAPABLE="N" PROMPT="Y" CATEGORY="Porting">Number_Port</VAR4><VAR1 TYPE="TEXT" OPTIONS="" DESCRIPTION="" SWAPABLE="Y" PROMPT="Y" CATEGORY="">IMEI</VAR1><OTHER/></variables></g></telecloud>`))
	require.NoError(t, err)
	require.NoError(t, decodeDoc(d, &defs))
	require.Len(t, defs.Vars, 2)
	assert.Equal(t, Variable{Slot: 4, Name: "Number_Port", Type: VarOptions, Options: []string{"YES", "NO"}, Description: "Port?", Swappable: No, Prompt: Yes, Category: "Porting"}, defs.Vars[0])
	assert.Equal(t, Yes, defs.Vars[1].Swappable)

	var vals struct {
		Vars Variables `tc:"o>variables,values"`
	}
	d, err = parseXML([]byte(`<telecloud><o><variables><VAR1 NAME="IMEI" SWAPABLE="Y" TYPE="TEXT" OPTIONS="" DESCRIPTION="d">3531</VAR1><VAR7 NAME="SSN" SWAPABLE="Y" TYPE="TEXT" OPTIONS="" DESCRIPTION=""/></variables></o></telecloud>`))
	require.NoError(t, err)
	require.NoError(t, decodeDoc(d, &vals))
	assert.Equal(t, Variable{Slot: 1, Name: "IMEI", Value: "3531", Type: VarText, Description: "d", Swappable: Yes}, vals.Vars[0])
	assert.Equal(t, "", vals.Vars[1].Value)

	var bad struct {
		Vars Variables `tc:"o>variables,values"`
	}
	d, _ = parseXML([]byte(`<telecloud><o><variables><VAR1 SWAPABLE="maybe">x</VAR1></variables></o></telecloud>`))
	assert.Error(t, decodeDoc(d, &bad))
}

func TestDecodeErrorsNameThePath(t *testing.T) {
	var out treeOut
	d, _ := parseXML([]byte(`<telecloud><count>3.5</count></telecloud>`))
	err := decodeDoc(d, &out)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "telecloud/count")
	assert.Contains(t, err.Error(), `"3.5" is not a whole number`)

	d, _ = parseXML([]byte(`<telecloud><on>perhaps</on></telecloud>`))
	assert.Error(t, decodeDoc(d, &out))

	var badTag struct {
		X string `tc:"x,sideways"`
	}
	assert.Error(t, decodeDoc(d, &badTag))
	var badVars struct {
		X string `tc:"x,vars"`
	}
	assert.Error(t, decodeDoc(d, &badVars))
	var floaty struct {
		X float64 `tc:"on"`
	}
	assert.Error(t, decodeDoc(d, &floaty), "no float64 anywhere")
	assert.Error(t, decodeDoc(d, out), "not a pointer")
}
