package telecloud

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/ispkit/ispkit/internal/transport"
)

// CallOption changes one call: extra or overriding parameters, or its format.
type CallOption func(*callSettings)

type callSettings struct {
	params url.Values
	remove []string
	format Format
}

// WithParam sets a wire parameter on one call, adding it or overriding what
// the typed request would send. It is the way around a wrong inferred name:
//
//	c.Customers.Create(ctx, req, telecloud.WithParam("zip", "17109"))
//
// The authentication parameters cannot be overridden.
func WithParam(name, value string) CallOption {
	return func(s *callSettings) {
		if s.params == nil {
			s.params = url.Values{}
		}
		s.params.Set(name, value)
	}
}

// WithParams sets several wire parameters on one call (see WithParam).
func WithParams(p url.Values) CallOption {
	return func(s *callSettings) {
		if s.params == nil {
			s.params = url.Values{}
		}
		for k, v := range p {
			s.params[k] = append([]string(nil), v...)
		}
	}
}

// WithoutParam removes a parameter the typed request would send.
func WithoutParam(name string) CallOption {
	return func(s *callSettings) { s.remove = append(s.remove, name) }
}

// InFormat asks for the answer of one call in format f.
func InFormat(f Format) CallOption { return func(s *callSettings) { s.format = f } }

// call is the typed path: encode by the route's table, send, decode into a new T.
func call[T any](ctx context.Context, c *Client, op string, req any, opts []CallOption) (*T, error) {
	ref, err := lookupRoute(op)
	if err != nil {
		return nil, err
	}
	params, secrets, err := encodeParams(ref.r, req)
	if err != nil {
		var ve *ValidationError
		if errors.As(err, &ve) && ve.Op == "" {
			ve.Op = op
		}
		return nil, err
	}
	out := new(T)
	if err := c.send(ctx, ref.service, ref.r.Method, ref.r.Verb, params, secrets, out, opts); err != nil {
		return nil, err
	}
	return out, nil
}

// Call sends any service/method with the given parameters and decodes the
// answer into out: a pointer to a struct with `tc` tags (see the package
// documentation), a *[]byte for the raw body, or nil. The verb is the table's
// for a typed method, else the package's verb rule (see Routes). Parameters
// whose names mark them as secrets are kept out of errors and logs.
//
//	var out struct {
//		telecloud.Meta
//		Status string `tc:"order>status"`
//	}
//	err := c.Call(ctx, "Order/Status", url.Values{"account_number": {"7105045"}, "order_number": {"GBT83432HH"}}, &out)
func (c *Client) Call(ctx context.Context, op string, params url.Values, out any, opts ...CallOption) error {
	service, method, ok := strings.Cut(op, "/")
	if !ok || service == "" || method == "" || strings.Contains(method, "/") {
		return &ValidationError{Op: op, Field: "op", Reason: `must be "Service/Method"`}
	}
	verb := verbFor(method)
	if ref, err := lookupRoute(op); err == nil {
		verb = ref.r.Verb
	}
	p := url.Values{}
	var secrets []string
	for k, vs := range params {
		p[k] = append([]string(nil), vs...)
		for _, v := range vs {
			if err := checkText(v); err != nil {
				return &ValidationError{Op: op, Param: k, Reason: err.Error()}
			}
			if isSecretParam(k) {
				secrets = append(secrets, v)
			}
		}
	}
	return c.send(ctx, service, method, verb, p, secrets, out, opts)
}

// send performs one call.
func (c *Client) send(ctx context.Context, service, method, verb string, params url.Values, secrets []string, out any, opts []CallOption) error {
	st := callSettings{format: c.format}
	for _, o := range opts {
		if o != nil {
			o(&st)
		}
	}
	if st.format != FormatXML && st.format != FormatJSON {
		return &ValidationError{Op: service + "/" + method, Field: "format", Reason: fmt.Sprintf("%q is neither xml nor json", string(st.format))}
	}
	for k, vs := range st.params {
		for _, v := range vs {
			if err := checkText(v); err != nil {
				return &ValidationError{Op: service + "/" + method, Param: k, Reason: err.Error()}
			}
			if isSecretParam(k) {
				secrets = append(secrets, v)
			}
		}
		params[k] = vs
	}
	for _, k := range st.remove {
		params.Del(k)
	}
	idKey, apiKey := c.keys()
	creds := []string{idKey, apiKey} // one allocation for both values
	params[paramAPIIDKey], params[paramAPIKey] = creds[:1:1], creds[1:]

	req := &transport.Request{
		Op:                 service + "/" + method,
		Method:             verb,
		Path:               routePath(c.style, st.format, service, method, verb),
		CarriesCredentials: true,
		Idempotent:         retryable(method),
		NotIdempotent:      !retryable(method),
		SecretParams:       secretParamNames,
	}
	if verb == http.MethodGet || verb == http.MethodHead {
		req.Query = params
	} else {
		req.Body = []byte(params.Encode())
		req.ContentType = "application/x-www-form-urlencoded"
	}
	scrub := c.scrubber(secrets)
	resp, err := c.t.Do(ctx, req)
	if err != nil {
		return &Error{Service: service, Method: method, Err: scrubError{scrub(err.Error()), err}}
	}
	return c.answer(service, method, st.format, resp, out, scrub)
}

// secretForms returns the spellings a secret may take in an answer: raw,
// JSON-escaped, form-encoded (as a server quoting the request would write
// it) and XML-escaped.
func secretForms(s string) []string {
	var forms []string
	for _, f := range []string{s} { // the scrubber knows every spelling
		if f != "" && !slices.Contains(forms, f) {
			forms = append(forms, f)
		}
	}
	return forms
}

// scrubber returns a function removing the credentials and the call's secret
// values (in every spelling) from text. The shared scrubber ignores values
// under four bytes; a call's own three-character secrets (a CVV) are removed
// where they stand as a whole word.
func (c *Client) scrubber(secrets []string) func(string) string {
	if len(secrets) == 0 {
		return c.t.Scrub
	}
	var forms []string
	var short []*regexp.Regexp
	for _, s := range secrets {
		if len(s) == 3 {
			short = append(short, regexp.MustCompile(`\b`+regexp.QuoteMeta(s)+`\b`))
		}
		forms = append(forms, secretForms(s)...)
	}
	sc := transport.NewScrubber(forms...)
	return func(s string) string {
		s = sc.Scrub(c.t.Scrub(s))
		for _, re := range short {
			s = re.ReplaceAllString(s, transport.Redacted)
		}
		return s
	}
}

// scrubError keeps the cause for errors.Is/As while printing scrubbed text.
type scrubError struct {
	text string
	err  error
}

func (e scrubError) Error() string { return e.text }
func (e scrubError) Unwrap() error { return e.err }

// excerptLen caps the body kept in an error.
const excerptLen = 512

// answer reads a response: the error envelope, or the data into out.
func (c *Client) answer(service, method string, format Format, resp *transport.Response, out any, scrub func(string) string) error {
	fail := func(sentinel error, cause error) error {
		// Scrubbed whole before it is cut, so no secret straddles the cut.
		e := &Error{Service: service, Method: method, HTTPStatus: resp.StatusCode, Err: sentinel,
			Body: resp.Scrubber().Excerpt(resp.Body, excerptLen)}
		if cause != nil {
			e.Err = fmt.Errorf("%w: %s", sentinel, scrub(cause.Error()))
		}
		return e
	}
	if raw, ok := out.(*[]byte); ok && resp.StatusCode == http.StatusOK {
		*raw = resp.Body
		return nil
	}
	body := bytes.TrimSpace(resp.Body)
	if len(body) == 0 {
		if resp.StatusCode != http.StatusOK {
			return fail(ErrHTTPStatus, nil)
		}
		return fail(ErrBadResponse, errors.New("empty body"))
	}
	if resp.Truncated {
		return fail(ErrBadResponse, errors.New("the body exceeds the size limit"))
	}
	d, err := parseAnswer(body, format)
	if err != nil {
		if resp.StatusCode != http.StatusOK {
			return fail(ErrHTTPStatus, nil)
		}
		return fail(ErrBadResponse, err)
	}
	root := &d.nodes[0]
	if root.name != rootName {
		if resp.StatusCode != http.StatusOK {
			return fail(ErrHTTPStatus, nil)
		}
		return fail(ErrBadResponse, fmt.Errorf("the root element is <%s>, not <%s>", root.name, rootName))
	}
	transID := ""
	for a := root.a0; a < root.a1; a++ {
		if d.attrs[a].name == "trans_id" {
			transID = strings.TrimSpace(d.attrs[a].value)
		}
	}
	for ch := root.first; ch >= 0; ch = d.nodes[ch].next {
		if d.nodes[ch].name == "error" {
			dc := &decoder{d: d}
			msg := dc.textOf(ch)
			if msg == "" {
				msg = "(no message)"
			}
			return &Error{Service: service, Method: method, TransID: transID, HTTPStatus: resp.StatusCode,
				Message: scrub(msg), Err: ErrVendor}
		}
	}
	if resp.StatusCode != http.StatusOK {
		return fail(ErrHTTPStatus, nil)
	}
	if out == nil {
		return nil
	}
	if err := decodeDoc(d, out); err != nil {
		e := fail(ErrBadResponse, err).(*Error)
		e.TransID = transID
		return e
	}
	return nil
}

// parseAnswer reads the body in the format it is in: the server is trusted to
// answer in the format asked for, but a body starting with '<' is XML
// whatever was asked (an error page, a server that ignores the format).
func parseAnswer(body []byte, format Format) (*doc, error) {
	if len(body) == 0 {
		return nil, errors.New("empty body")
	}
	switch body[0] {
	case '<':
		d, err := parseXML(body)
		if err != nil {
			return nil, fmt.Errorf("XML: %w", err)
		}
		return d, nil
	case '{':
		return parseJSON(body)
	}
	if format == FormatJSON {
		return nil, errors.New("the body is not a JSON object")
	}
	return nil, errors.New("the body is not XML")
}
