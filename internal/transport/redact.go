package transport

import (
	"bytes"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/ispkit/ispkit"
)

// Redacted is what every secret is replaced with.
const Redacted = ispkit.Redacted

// secretKeys are names (of query parameters, headers, JSON/form fields, XML
// elements) whose values are secrets, normalised by normKey. One list for every
// vendor: a name that is secret in one API is treated as secret in all of them.
var secretKeys = map[string]bool{
	"password": true, "passwd": true, "pwd": true, "pass": true, "passcode": true,
	"newpassword": true, "oldpassword": true, "userpassword": true, "customerpassword": true,
	"sippassword": true, "voicemailpassword": true, "pin": true, "voicemailpin": true, "wirelesspin": true,
	"secret": true, "clientsecret": true, "apisecret": true,
	"adminpassword": true, "apipassword": true, // Alianza: a device's admin password, a carrier's API password
	"apikey": true, "apiidkey": true, "apitoken": true, "cloudkey": true,
	"token": true, "authtoken": true, "xauthtoken": true, "accesstoken": true, "refreshtoken": true,
	"plaidtoken": true, "plaidpublictoken": true, "plaidaccesstoken": true, "publictoken": true,
	"authorization": true, "proxyauthorization": true, "cookie": true, "setcookie": true,
	"cardnumber": true, "ccnumber": true, "creditcardnumber": true, "cardno": true, "pan": true,
	"cvv": true, "cvv2": true, "cvc": true, "cvn": true, "securitycode": true, "cardcode": true,
	"bankaccountnumber": true, "bankaccount": true, "achaccountnumber": true, "accountnumberbank": true,
	"routingnumber": true, "bankroutingnumber": true, "abanumber": true,
	"ssn": true, "socialsecuritynumber": true, "taxid": true,
	"licensenumber": true, "licencenumber": true, "driverslicense": true, "driverslicence": true, "dlnumber": true,
}

func normKey(k string) string {
	var b strings.Builder
	b.Grow(len(k))
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case c == '_' || c == '-' || c == ' ' || c == '.':
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// IsSecretKey reports whether a parameter, header or field name carries a secret.
// Comparison ignores case, '_', '-', '.' and spaces, and an XML namespace prefix.
func IsSecretKey(name string) bool {
	if i := strings.LastIndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	return secretKeys[normKey(name)]
}

// RedactURL renders u with user-info passwords and secret query values
// replaced: those of secret-looking keys, and of the extra keys given.
func RedactURL(u *url.URL, extra ...string) string {
	if u == nil {
		return ""
	}
	if u.User == nil && u.RawQuery == "" {
		return u.String()
	}
	c := *u
	if c.User != nil {
		if _, has := c.User.Password(); has {
			c.User = url.UserPassword(c.User.Username(), Redacted)
		}
	}
	if c.RawQuery != "" {
		c.RawQuery = redactQuery(c.RawQuery, extra)
	}
	return c.String()
}

// RedactURLString is RedactURL for a raw string; an unparseable URL is dropped
// entirely rather than risk printing it.
func RedactURLString(raw string, extra ...string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "<unparseable URL>"
	}
	return RedactURL(u, extra...)
}

// redactQuery keeps the order and encoding of a query string and replaces the
// values of secret keys. Pairs are separated by '&' or ';' (older form
// encoders), and separators are kept as they were.
func redactQuery(q string, extra []string) string {
	var b strings.Builder
	b.Grow(len(q))
	for len(q) > 0 {
		n := strings.IndexAny(q, "&;")
		pair, sep := q, ""
		if n >= 0 {
			pair, sep, q = q[:n], q[n:n+1], q[n+1:]
		} else {
			q = ""
		}
		if k, _, hasValue := strings.Cut(pair, "="); hasValue {
			if uk, err := url.QueryUnescape(k); err == nil {
				k = uk
			}
			if IsSecretKey(k) || slices.Contains(extra, k) {
				pair = pair[:strings.IndexByte(pair, '=')+1] + Redacted
			}
		}
		b.WriteString(pair)
		b.WriteString(sep)
	}
	return b.String()
}

// RedactHeader returns a copy of h with the values of secret headers (and of the
// extra names given) replaced.
func RedactHeader(h http.Header, extra ...string) http.Header {
	out := make(http.Header, len(h))
	for k, v := range h {
		secret := IsSecretKey(k)
		for _, e := range extra {
			if strings.EqualFold(k, e) {
				secret = true
			}
		}
		if secret {
			out[k] = []string{Redacted}
			continue
		}
		out[k] = append([]string(nil), v...)
	}
	return out
}

// RedactBody returns body with the values of secret fields replaced. It
// understands JSON, XML (SOAP included) and form encoding; anything else is
// returned unchanged (callers still pass it through Scrub).
func RedactBody(body []byte) []byte {
	t := bytes.TrimSpace(body)
	if len(t) == 0 {
		return body
	}
	switch t[0] {
	case '{', '[':
		if out, ok := redactJSON(t); ok {
			return out
		}
		return redactJSONText(body)
	case '<':
		return redactXML(body)
	}
	if bytes.IndexByte(t, '=') > 0 && !bytes.ContainsAny(t, " \n<>{}") {
		// key=value pairs; redactQuery copes with what url.ParseQuery refuses
		// (a stray '%' or ';'), which must not let a secret through.
		return []byte(redactQuery(string(t), nil))
	}
	return body
}

// redactJSON redacts every value of a JSON text or stream (NDJSON, trailing
// data); anything that does not decode falls back to the textual redaction.
func redactJSON(body []byte) ([]byte, bool) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var (
		vals    []any
		changed bool
	)
	for {
		var v any
		err := dec.Decode(&v)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, false
		}
		if redactValue(v) {
			changed = true
		}
		vals = append(vals, v)
	}
	if !changed {
		return body, true
	}
	var out bytes.Buffer
	for i, v := range vals {
		if i > 0 {
			out.WriteByte('\n')
		}
		b, err := json.Marshal(v)
		if err != nil {
			return nil, false
		}
		out.Write(b)
	}
	return out.Bytes(), true
}

func redactValue(v any) (changed bool) {
	switch t := v.(type) {
	case map[string]any:
		for k, e := range t {
			if IsSecretKey(k) {
				t[k] = Redacted
				changed = true
				continue
			}
			if redactValue(e) {
				changed = true
			}
		}
	case []any:
		for _, e := range t {
			if redactValue(e) {
				changed = true
			}
		}
	}
	return changed
}

// jsonPair matches "key": "value" or "key": number in text that is not valid JSON
// (truncated bodies, the vendor manuals' examples).
var jsonPair = regexp.MustCompile(`"([^"\\]{1,64})"\s*:\s*("(?:[^"\\]|\\.)*"?|[-0-9.eE+]+)`)

func redactJSONText(body []byte) []byte {
	return jsonPair.ReplaceAllFunc(body, func(m []byte) []byte {
		sub := jsonPair.FindSubmatch(m)
		if !IsSecretKey(string(sub[1])) {
			return m
		}
		return []byte(`"` + string(sub[1]) + `":"` + Redacted + `"`)
	})
}

var xmlElem = regexp.MustCompile(`(?s)<([A-Za-z_][\w.:-]*)(\s[^<>]*)?>([^<]*|<!\[CDATA\[.*?\]\]>)(</[\w.:-]*>|$)`)

func redactXML(body []byte) []byte {
	return xmlElem.ReplaceAllFunc(body, func(m []byte) []byte {
		sub := xmlElem.FindSubmatch(m)
		if !IsSecretKey(string(sub[1])) {
			return m
		}
		var b bytes.Buffer
		b.WriteByte('<')
		b.Write(sub[1])
		b.Write(sub[2])
		b.WriteByte('>')
		b.WriteString(Redacted)
		b.Write(sub[4])
		return b.Bytes()
	})
}

// bodySecrets returns the values of the secret fields of a request body
// (JSON, form or XML: the names IsSecretKey knows and the extra names
// given), so that an answer quoting the request cannot carry them into an
// error or a log line.
func bodySecrets(body []byte, extra []string) []string {
	t := bytes.TrimSpace(body)
	if len(t) == 0 {
		return nil
	}
	var out []string
	switch t[0] {
	case '{', '[':
		dec := json.NewDecoder(bytes.NewReader(t))
		dec.UseNumber()
		var v any
		if dec.Decode(&v) != nil {
			return nil
		}
		var walk func(any)
		walk = func(v any) {
			switch x := v.(type) {
			case map[string]any:
				for k, e := range x {
					if IsSecretKey(k) || slices.Contains(extra, k) {
						switch s := e.(type) {
						case string:
							out = append(out, s)
							continue
						case json.Number:
							out = append(out, s.String())
							continue
						}
					}
					walk(e)
				}
			case []any:
				for _, e := range x {
					walk(e)
				}
			}
		}
		walk(v)
	case '<':
		for _, m := range xmlElem.FindAllSubmatch(t, -1) {
			if !IsSecretKey(string(m[1])) && !slices.Contains(extra, string(m[1])) {
				continue
			}
			v := m[3]
			if bytes.HasPrefix(v, []byte("<![CDATA[")) {
				v = bytes.TrimSuffix(bytes.TrimPrefix(v, []byte("<![CDATA[")), []byte("]]>"))
			} else {
				v = []byte(html.UnescapeString(string(v)))
			}
			out = append(out, string(v))
		}
	default:
		out = querySecrets(string(t), extra)
	}
	return out
}

// querySecrets returns the values of the secret parameters of a query or
// form-encoded string.
func querySecrets(q string, extra []string) []string {
	var out []string
	for len(q) > 0 {
		var pair string
		pair, q, _ = strings.Cut(q, "&")
		k, v, ok := strings.Cut(pair, "=")
		if !ok {
			continue
		}
		if uk, err := url.QueryUnescape(k); err == nil {
			k = uk
		}
		if !IsSecretKey(k) && !slices.Contains(extra, k) {
			continue
		}
		if uv, err := url.QueryUnescape(v); err == nil {
			v = uv
		}
		out = append(out, v)
	}
	return out
}
