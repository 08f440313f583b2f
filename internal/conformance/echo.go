package conformance

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
)

// exchange is one request a server is answering.
type exchange struct {
	cs   *caseState
	role role
	w    http.ResponseWriter
	r    *http.Request
	body []byte

	once  sync.Once
	parts []string
	text  string
}

// echoParts is every part of the request as received: method, URL as sent,
// host, path segments and query names and values decoded, every header name
// and value, the raw body and its decoded values (form values, JSON keys and
// strings, XML text and attributes). The servers' addresses are normalized.
func (ex *exchange) echoParts() []string {
	ex.load()
	return ex.parts
}

// echo is the echo text: every part that holds a secret in every spelling,
// the others as they are.
func (ex *exchange) echo() string {
	ex.load()
	return ex.text
}

func (ex *exchange) load() {
	ex.once.Do(func() {
		ex.parts = requestParts(ex.r, ex.body)
		ex.text = ex.cs.set.k.echoText(ex.parts)
	})
}

func requestParts(r *http.Request, body []byte) []string {
	var parts []string
	seen := map[string]bool{}
	add := func(s string) {
		s = normalize(s)
		if s != "" && !seen[s] {
			seen[s] = true
			parts = append(parts, s)
		}
	}
	add(r.Method)
	add(r.RequestURI)
	add(r.Host)
	for _, seg := range strings.Split(r.URL.EscapedPath(), "/") {
		if v, err := url.PathUnescape(seg); err == nil {
			add(v)
		}
	}
	q := r.URL.Query()
	for _, k := range sortedKeys(q) {
		add(k)
		for _, v := range q[k] {
			add(v)
		}
	}
	for _, k := range sortedKeys(r.Header) {
		add(k)
		for _, v := range r.Header[k] {
			add(v)
		}
	}
	add(string(body))
	if bytes.Contains(body, []byte("=")) {
		if form, err := url.ParseQuery(string(body)); err == nil {
			for _, k := range sortedKeys(form) {
				add(k)
				for _, v := range form[k] {
					add(v)
				}
			}
		}
	}
	for _, s := range jsonStrings(body) {
		add(s)
	}
	for _, s := range xmlStrings(body) {
		add(s)
	}
	return parts
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// jsonStrings returns the keys and string values of a JSON body.
func jsonStrings(body []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(body))
	var out []string
	for {
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		if s, ok := tok.(string); ok {
			out = append(out, s)
		}
	}
}

// xmlStrings returns the text and attribute values of an XML body.
func xmlStrings(body []byte) []string {
	if !bytes.Contains(body, []byte("<")) {
		return nil
	}
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = false
	var out []string
	for {
		tok, err := dec.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return out
			}
			return out
		}
		switch t := tok.(type) {
		case xml.CharData:
			if s := strings.TrimSpace(string(t)); s != "" {
				out = append(out, s)
			}
		case xml.StartElement:
			for _, a := range t.Attr {
				out = append(out, a.Value)
			}
		}
	}
}

// echoText spells every part that holds a secret fragment in every spelling
// (a part without one cannot yield one in any spelling) and joins them.
func (k *kit) echoText(parts []string) string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, p := range parts {
		if !k.det.contains(p) {
			add(p)
			continue
		}
		for _, sp := range spellings {
			add(sp.f(p))
		}
		add(base64.StdEncoding.EncodeToString([]byte(p)))
		add(base64.URLEncoding.EncodeToString([]byte(p)))
	}
	return strings.Join(out, " | ")
}

// excerptCuts are the lengths clients commonly cut excerpts at.
var excerptCuts = []int{40, 80, 256, 512}

// cutEcho puts a secret across every cut of excerptCuts, counted in the
// coordinates of place (the identity for a field's own text, the envelope
// for the whole body), half of it before the cut, then the full echo. The
// secrets are the ones the request carried as they are, in turn.
func (ex *exchange) cutEcho(place func(string) string) string {
	k := ex.cs.set.k
	var found []string
	for _, s := range k.a.Secrets {
		for _, p := range ex.echoParts() {
			if s != "" && strings.Contains(p, s) {
				found = append(found, s)
				break
			}
		}
	}
	if len(found) == 0 {
		found = k.a.Secrets
	}
	const mark = "QQcutQQ"
	at := func(s string) int { return strings.Index(place(s+mark), mark) }
	cur := ""
	for i, c := range excerptCuts {
		if len(found) == 0 {
			break
		}
		s := found[i%len(found)]
		start := at(cur)
		enc := at(cur+s) - start
		pad := c - enc/2 - start
		if start < 0 || pad < 0 {
			continue
		}
		cur += strings.Repeat("x", pad) + s
	}
	return cur + " " + ex.echo()
}

// echoLine is the echo on one line, for a status line or a header.
func (ex *exchange) echoLine() string {
	return strings.NewReplacer("\r", " ", "\n", " ", "\x00", " ").Replace(ex.echo())
}

func (ex *exchange) answer(status int, contentType, body string) {
	if contentType != "" {
		ex.w.Header().Set("Content-Type", contentType)
	}
	ex.w.WriteHeader(status)
	_, _ = io.WriteString(ex.w, body)
}

func (ex *exchange) answerEnvelope(e Envelope) {
	ex.answer(e.Status, e.ContentType, e.Body(ex.echo()))
}

// genericEnvelope answers for adapters without envelopes of their own.
var genericEnvelope = Envelope{
	Name: "generic-json", Status: http.StatusBadRequest, ContentType: "application/json",
	Body: func(echo string) string {
		b, _ := json.Marshal(map[string]any{"error": map[string]string{"code": echo, "message": echo}})
		return string(b)
	},
}
