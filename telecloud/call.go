package telecloud

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

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
	if ctx == nil {
		return nil, errNilContext(op)
	}
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
	if err := c.send(ctx, op, ref.service, ref.r.Method, ref.r.Verb, params, secrets, out, opts); err != nil {
		return nil, err
	}
	return out, nil
}

// errNilContext refuses a call without a context.
func errNilContext(op string) error {
	return &ValidationError{Op: op, Field: "ctx", Reason: "is nil"}
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
	if ctx == nil {
		return errNilContext(op)
	}
	service, method, ok := strings.Cut(op, "/")
	if !ok || strings.Contains(method, "/") {
		return &ValidationError{Op: op, Field: "op", Reason: `must be "Service/Method"`}
	}
	for _, seg := range [...]string{service, method} {
		if reason := checkSegment(seg); reason != "" {
			return &ValidationError{Op: op, Field: "op", Reason: `must be "Service/Method": ` + reason}
		}
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
	return c.send(ctx, op, service, method, verb, p, secrets, out, opts)
}

// checkSegment says what is wrong with a path segment (a service or method
// name of Call), "" when nothing is: it is sent as it is or not at all.
func checkSegment(s string) string {
	switch {
	case strings.TrimSpace(s) == "":
		return "a part is empty"
	case s == "." || s == "..":
		return "a part is a dot segment"
	case !utf8.ValidString(s):
		return "a part is not valid UTF-8"
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return "a part holds a control character"
		}
	}
	return ""
}

// send performs one call.
func (c *Client) send(ctx context.Context, op, service, method, verb string, params url.Values, secrets []string, out any, opts []CallOption) error {
	st := callSettings{format: c.format}
	for _, o := range opts {
		if o != nil {
			o(&st)
		}
	}
	if st.format != FormatXML && st.format != FormatJSON {
		return &ValidationError{Op: op, Field: "format", Reason: fmt.Sprintf("%q is neither xml nor json", string(st.format))}
	}
	for k, vs := range st.params {
		for _, v := range vs {
			if err := checkText(v); err != nil {
				return &ValidationError{Op: op, Param: k, Reason: err.Error()}
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
		Op:                 op,
		Method:             verb,
		Path:               routePath(c.style, st.format, service, method, verb),
		CarriesCredentials: true,
		Retry:              retryMode(method),
		ResponseRequestID:  leadingTransID,
		SecretParams:       secretParamNames,
		// The card, CVV, SSN, licence, passwords, gateway credentials of this
		// call: scrubbed from its errors and its debug log lines.
		Secrets: secrets,
	}
	if verb == http.MethodGet || verb == http.MethodHead {
		req.Query = params
	} else {
		req.Body = []byte(params.Encode())
		req.ContentType = "application/x-www-form-urlencoded"
	}
	resp, err := c.t.Do(ctx, req)
	if err != nil {
		// The transport's error is scrubbed of the keys and of this call's
		// secrets, its chain included.
		return &Error{Op: op, HTTPStatus: transport.StatusOf(err),
			RetryAfter: transport.RetryAfterOf(err), Err: err}
	}
	return c.answer(op, st.format, resp, out)
}

// The caps of the texts of an answer kept in an error, each scrubbed before
// it is cut: the excerpt of a body, the text of a decoding failure (which
// may quote a value of the answer), the vendor's message and trans_id.
const (
	excerptLen = 512
	causeLen   = 300
	messageLen = 1024
	transIDLen = 64
)

// answer reads a response: the error envelope, or the data into out. Every
// text of an error that comes from the answer is scrubbed of the keys and of
// the call's secrets, then cut.
func (c *Client) answer(op string, format Format, resp *transport.Response, out any) error {
	fail := func(sentinel error, cause error) error {
		e := &Error{Op: op, HTTPStatus: resp.StatusCode, RetryAfter: resp.RetryAfter,
			Err: sentinel, Body: resp.Excerpt(excerptLen)}
		if cause != nil {
			e.Err = fmt.Errorf("%w: %s", sentinel, resp.Scrubber().Excerpt([]byte(cause.Error()), causeLen))
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
		// Only an error status's body is cut (at 1 MiB): no envelope can
		// be read from it.
		return fail(ErrHTTPStatus, nil)
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
			return &Error{Op: op, RequestID: transIDText(resp, transID),
				HTTPStatus: resp.StatusCode, RetryAfter: resp.RetryAfter, Message: resp.Scrubber().Excerpt([]byte(msg), messageLen),
				Err: ErrVendor}
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
		e.RequestID = transIDText(resp, transID)
		return e
	}
	return nil
}

// transIDText is the trans_id attribute for an error: scrubbed, then cut
// (a trans_id is a number; an answer may hold anything there).
func transIDText(resp *transport.Response, transID string) string {
	if transID == "" {
		return ""
	}
	return resp.Scrubber().Excerpt([]byte(transID), transIDLen)
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
