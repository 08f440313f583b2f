package transport

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRedactURLExtraKeys(t *testing.T) {
	in := "https://h/p?dl=D123&x=1&API_KEY=k&Dl=D9"
	assert.Equal(t, "https://h/p?dl=REDACTED&x=1&API_KEY=REDACTED&Dl=D9", RedactURLString(in, "dl"), "extra keys match exactly")
	assert.Equal(t, "https://h/p?dl=D123&x=1&API_KEY=REDACTED&Dl=D9", RedactURLString(in))
}

func TestRedactURL(t *testing.T) {
	cases := []struct{ in, want string }{
		{"https://h/p", "https://h/p"},
		{"https://h/p?b=2&a=%20x", "https://h/p?b=2&a=%20x"}, // untouched, encoding kept
		{
			"https://h/p?API_KEY=k1&x=1&API_ID_KEY=k2&password=p1&token=t1&z=2",
			"https://h/p?API_KEY=REDACTED&x=1&API_ID_KEY=REDACTED&password=REDACTED&token=REDACTED&z=2",
		},
		{ // case-insensitive, order preserved
			"https://h/p?z=0&api_key=k1&Api_Id_Key=k2&PASSWORD=p1&Token=t1&a=9",
			"https://h/p?z=0&api_key=REDACTED&Api_Id_Key=REDACTED&PASSWORD=REDACTED&Token=REDACTED&a=9",
		},
		{"https://h/?token=a&token=b", "https://h/?token=REDACTED&token=REDACTED"},
		{"https://h/?API%5FKEY=k1&n=1", "https://h/?API%5FKEY=REDACTED&n=1"}, // escaped key
		{"https://h/?api-key=k1", "https://h/?api-key=REDACTED"},
		{"https://h/?token=", "https://h/?token=REDACTED"},
		{"https://h/?token&x=1", "https://h/?token&x=1"}, // no value to hide
		{"https://bob:hunter2@h/p", "https://bob:REDACTED@h/p"},
		{"https://bob:hunter2@h/p?API_KEY=k", "https://bob:REDACTED@h/p?API_KEY=REDACTED"},
		{"https://bob@h/p", "https://bob@h/p"},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			u, err := url.Parse(tc.in)
			require.NoError(t, err)
			orig := *u
			assert.Equal(t, tc.want, RedactURL(u))
			assert.Equal(t, orig, *u, "the URL passed in is not modified")
			assert.Equal(t, tc.want, RedactURLString(tc.in))
			for _, s := range []string{"k1", "k2", "p1", "t1", "hunter2"} {
				assert.NotContains(t, RedactURL(u), "="+s)
			}
		})
	}
	assert.Equal(t, "", RedactURL(nil))
	got := RedactURLString("http://h/?API_KEY=secret%zz\x7f")
	assert.NotContains(t, got, "secret")
}

func TestIsSecretKey(t *testing.T) {
	for _, k := range []string{
		"API_KEY", "api_key", "apiKey", "API-ID-KEY", "API_ID_KEY", "password", "Password", "sipPassword",
		"cardNumber", "card_number", "cvv", "CVV2", "ssn", "cloud_key", "X-AUTH-TOKEN", "x-auth-token",
		"Authorization", "Cookie", "Set-Cookie", "ns:password", "soapenv:Password", "client.secret",
		"adminPassword", "apiPassword", "apiSecret", "wirelessPin", "authToken",
	} {
		assert.True(t, IsSecretKey(k), k)
	}
	for _, k := range []string{"user", "username", "imsi", "Content-Type", "ns:user", "id", "passwordHint2x", ""} {
		assert.False(t, IsSecretKey(k), k)
	}
}

func TestRedactHeader(t *testing.T) {
	h := http.Header{
		"Authorization":  {"Bearer abc"},
		"Cookie":         {"a=1", "b=2"},
		"X-Auth-Token":   {"tok"},
		"cloud_key":      {"ck"},
		"Content-Type":   {"application/json"},
		"X-Vendor-Extra": {"vx"},
		"X-Request-Id":   {"r1"},
	}
	orig := h.Clone()
	got := RedactHeader(h, "x-vendor-extra")
	want := http.Header{
		"Authorization":  {Redacted},
		"Cookie":         {Redacted},
		"X-Auth-Token":   {Redacted},
		"cloud_key":      {Redacted},
		"Content-Type":   {"application/json"},
		"X-Vendor-Extra": {Redacted},
		"X-Request-Id":   {"r1"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("RedactHeader (-want +got):\n%s", diff)
	}
	assert.Equal(t, orig, h, "input not modified")
	got["Content-Type"][0] = "changed"
	assert.Equal(t, "application/json", h.Get("Content-Type"), "the copy does not share value slices")
	assert.Empty(t, RedactHeader(nil))
}

// decodeJSON decodes with UseNumber, for comparing JSON documents structurally.
func decodeJSON(t *testing.T, b []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	require.NoError(t, dec.Decode(&v), "%s", b)
	return v
}

func TestRedactBodyJSON(t *testing.T) {
	in := `{
		"user": "bob",
		"password": "pw-1",
		"account": {
			"sipPassword": "pw-2",
			"billing": {"cardNumber": "4111111111111111", "cvv": "123", "ssn": "078-05-1120", "zip": "12345"}
		},
		"lines": [{"cloud_key": "ck-1", "n": 1}, {"note": "ok"}, [{"API_KEY": "k-1"}]],
		"amount": 12.50,
		"big": 12345678901234567890,
		"cardNumber": 4111111111111111
	}`
	want := `{
		"user": "bob",
		"password": "REDACTED",
		"account": {
			"sipPassword": "REDACTED",
			"billing": {"cardNumber": "REDACTED", "cvv": "REDACTED", "ssn": "REDACTED", "zip": "12345"}
		},
		"lines": [{"cloud_key": "REDACTED", "n": 1}, {"note": "ok"}, [{"API_KEY": "REDACTED"}]],
		"amount": 12.50,
		"big": 12345678901234567890,
		"cardNumber": "REDACTED"
	}`
	got := RedactBody([]byte(in))
	if diff := cmp.Diff(decodeJSON(t, []byte(want)), decodeJSON(t, got)); diff != "" {
		t.Errorf("RedactBody (-want +got):\n%s", diff)
	}
	for _, s := range []string{"pw-1", "pw-2", "4111", "078-05", "ck-1", "k-1", `"123"`} {
		assert.NotContains(t, string(got), s)
	}

	top := RedactBody([]byte(`[{"password":"x1"},{"user":"u"}]`))
	if diff := cmp.Diff(decodeJSON(t, []byte(`[{"password":"REDACTED"},{"user":"u"}]`)), decodeJSON(t, top)); diff != "" {
		t.Errorf("top-level array (-want +got):\n%s", diff)
	}

	clean := []byte(`{"b":1,"a":[1,2,{"c":"<&>"}]}`)
	assert.Equal(t, string(clean), string(RedactBody(clean)), "a body without secrets is not re-encoded")
}

func TestRedactBodyTruncatedJSON(t *testing.T) {
	cases := []struct{ in, secret string }{
		{`{"password":"abc`, "abc"},
		{`{"user":"bob","password":"hunter2","n":`, "hunter2"},
		{`{"user":"x","cardNumber":4111111111111111,"cv`, "4111111111111111"},
		{`[{"sipPassword": "s1p-pw\"quoted"},{"x":`, "s1p-pw"},
		{`{"a":{"cloud_key":"ck-123"`, "ck-123"},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			got := string(RedactBody([]byte(tc.in)))
			assert.NotContains(t, got, tc.secret)
			assert.Contains(t, got, Redacted)
		})
	}
	assert.Contains(t, string(RedactBody([]byte(`{"user":"bob","n":`))), `"user":"bob"`, "non-secret fields kept")
}

func TestRedactBodyForm(t *testing.T) {
	cases := []struct{ in, want string }{
		{"API_KEY=abc123&x=1", "API_KEY=REDACTED&x=1"},
		{"x=1&API_ID_KEY=id9&password=p%40ss&user=bob", "x=1&API_ID_KEY=REDACTED&password=REDACTED&user=bob"},
		{"cardNumber=4111111111111111&cvv=123&amount=10", "cardNumber=REDACTED&cvv=REDACTED&amount=10"},
		{"user=bob&page=2", "user=bob&page=2"},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, string(RedactBody([]byte(tc.in))), tc.in)
	}
}

func TestRedactBodyXML(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"plain", `<login><user>bob</user><password>x-secret</password></login>`,
			`<login><user>bob</user><password>REDACTED</password></login>`},
		{"namespaced", `<ns:login><ns:user>bob</ns:user><ns:password>x-secret</ns:password></ns:login>`,
			`<ns:login><ns:user>bob</ns:user><ns:password>REDACTED</ns:password></ns:login>`},
		{"CDATA", `<req><password><![CDATA[x-secret<&>]]></password><n>1</n></req>`,
			`<req><password>REDACTED</password><n>1</n></req>`},
		{"attributes kept", `<cardNumber type="visa">x-secret</cardNumber>`,
			`<cardNumber type="visa">REDACTED</cardNumber>`},
		{"truncated", `<req><password>x-secret`, `<req><password>REDACTED`},
		{"SOAP envelope", `<?xml version="1.0"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:v="urn:v">
  <soapenv:Body>
    <v:Login>
      <v:UserName>admin</v:UserName>
      <v:Password>x-secret</v:Password>
      <v:SipPassword>x-secret2</v:SipPassword>
    </v:Login>
  </soapenv:Body>
</soapenv:Envelope>`, `<?xml version="1.0"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:v="urn:v">
  <soapenv:Body>
    <v:Login>
      <v:UserName>admin</v:UserName>
      <v:Password>REDACTED</v:Password>
      <v:SipPassword>REDACTED</v:SipPassword>
    </v:Login>
  </soapenv:Body>
</soapenv:Envelope>`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := string(RedactBody([]byte(tc.in)))
			assert.Equal(t, tc.want, got)
			assert.NotContains(t, got, "x-secret")
		})
	}
}

func TestRedactBodyOther(t *testing.T) {
	for _, in := range []string{"", "   ", "plain text error", "Internal Server Error: try again later", "a=b c"} {
		assert.Equal(t, in, string(RedactBody([]byte(in))), "%q", in)
	}
	assert.Nil(t, RedactBody(nil))
}

// Regression: only the first JSON value used to be redacted, and returned
// unchanged when it held no secret.
func TestRedactBodyConcatenatedJSON(t *testing.T) {
	got := string(RedactBody([]byte("{\"a\":1}\n{\"password\":\"hunter22\"}")))
	assert.NotContains(t, got, "hunter22")

	// Every value is redacted and none is dropped.
	got = string(RedactBody([]byte(`{"password":"a1b2c3"} {"user":"bob","sipPassword":"d4e5f6"}` + "\n" + `[{"cvv":"987"}]`)))
	for _, secret := range []string{"a1b2c3", "d4e5f6", "987"} {
		assert.NotContains(t, got, secret)
	}
	assert.Contains(t, got, `"user":"bob"`)
	assert.Equal(t, 3, strings.Count(got, Redacted), got)

	// A JSON value followed by something that is not JSON.
	got = string(RedactBody([]byte(`{"a":1} trailing "password":"x9y8z7"`)))
	assert.NotContains(t, got, "x9y8z7")
}

// Regression: a form body that url.ParseQuery refused was returned unredacted.
func TestRedactBodyMalformedFormFailsOpen(t *testing.T) {
	for _, in := range []string{"API_KEY=abc123&note=50%", "password=abc123;def&x=1", "x=%zz&token=abc123"} {
		got := string(RedactBody([]byte(in)))
		assert.NotContains(t, got, "abc123", in)
	}
	// Separators are kept as they were.
	assert.Equal(t, "user=bob;password=REDACTED&x=1", string(RedactBody([]byte("user=bob;password=abc123&x=1"))))
}

func TestExcerpt(t *testing.T) {
	assert.Equal(t, "short", noScrub.Excerpt([]byte("  short \n"), 100))
	assert.Equal(t, "h…", noScrub.Excerpt([]byte("héllo"), 2), "é (2 bytes) is not split")
	assert.Equal(t, "hé…", noScrub.Excerpt([]byte("héllo"), 3))
	assert.Equal(t, "abc…", noScrub.Excerpt([]byte("abcdef"), 3))

	t.Run("never splits a rune", func(t *testing.T) {
		body := []byte("a€b😀c日本語 done")
		for n := 0; n <= len(body)+1; n++ {
			got := noScrub.Excerpt(body, n)
			require.True(t, utf8.ValidString(got), "n=%d: %q", n, got)
			cut := strings.TrimSuffix(got, "…")
			assert.LessOrEqual(t, len(cut), n, "n=%d", n)
			assert.True(t, strings.HasPrefix(string(body), cut), "n=%d: %q", n, got)
			assert.NotContains(t, cut, "\uFFFD", "n=%d", n)
			if n >= len(body) {
				assert.Equal(t, string(body), got, "n=%d: no cut, no ellipsis", n)
			} else {
				assert.True(t, strings.HasSuffix(got, "…"), "n=%d: a cut is marked", n)
			}
		}
	})

	t.Run("redacts before cutting", func(t *testing.T) {
		body := []byte(`{"user":"bob","password":"correct-horse-battery-staple","note":"` + strings.Repeat("x", 200) + `"}`)
		for n := 1; n < len(body); n += 7 {
			got := noScrub.Excerpt(body, n)
			assert.NotContains(t, got, "correct", "n=%d", n)
			assert.NotContains(t, got, "horse", "n=%d", n)
		}
		assert.Contains(t, noScrub.Excerpt(body, 1000), Redacted)
	})

	t.Run("invalid UTF-8 is made printable", func(t *testing.T) {
		got := noScrub.Excerpt([]byte("ok\xff\xfeend"), 100)
		assert.True(t, utf8.ValidString(got))
		assert.True(t, strings.HasPrefix(got, "ok"))
		assert.True(t, strings.HasSuffix(got, "end"))
	})
}

var noScrub *Scrubber

func TestScrubber(t *testing.T) {
	sc := NewScrubber("hunter22", "abc", "", "tok-0001")
	assert.Equal(t, "pw REDACTED, REDACTED; REDACTED is whole", sc.Scrub("pw hunter22, tok-0001; abc is whole"))
	assert.Equal(t, "REDACTED", sc.Scrub("hunter22hunter22"))
	assert.Equal(t, "nothing here", sc.Scrub("nothing here"))

	assert.Equal(t, "REDACTED defg xabc abcd", NewScrubber("abc", "de").Scrub("abc defg xabc abcd"),
		"values shorter than 4 bytes are removed where they stand as a whole word only")
	assert.Equal(t, "x REDACTED", NewScrubber("1234").Scrub("x 1234"), "4 bytes is enough")
	assert.Equal(t, "x REDACTEDy", NewScrubber("1234").Scrub("x 1234y"), "4 bytes and more: anywhere")
	assert.Equal(t, "text", NewScrubber().Scrub("text"))
	var nilScrubber *Scrubber
	assert.Equal(t, "text", nilScrubber.Scrub("text"))
	assert.Equal(t, "a REDACTED b", nilScrubber.With("hunter22").Scrub("a hunter22 b"))
}

// Regression: a shorter secret that prefixes a longer one left the longer
// one's tail in the text.
func TestScrubberOverlappingSecrets(t *testing.T) {
	got := NewScrubber("abcd", "abcdef").Scrub("key=abcdef")
	assert.Equal(t, "key=REDACTED", got)
	got = NewScrubber("abcdef", "abcd").Scrub("abcd abcdef")
	assert.Equal(t, "REDACTED REDACTED", got)
}
