package octane

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/ispkit/ispkit/internal/transport"
)

// The SOAP layer: envelopes written with encoding/xml around a hand-written
// frame (the operation element is prefixed, its children unqualified, which
// encoding/xml's default-namespace output cannot express), answers read as
// JAX-WS writes them: Envelope/Body/{op}Response/return, or a Fault.

// envelopeWriter is a buffer with an XML encoder bound to it, pooled so that
// a request costs one allocation for its body rather than an encoder and its
// 4 KiB bufio.Writer.
type envelopeWriter struct {
	buf bytes.Buffer
	enc *xml.Encoder
}

var envelopeWriters = sync.Pool{New: func() any {
	w := new(envelopeWriter)
	w.enc = xml.NewEncoder(&w.buf)
	return w
}}

// buildEnvelope writes the request for op with the login and the parts.
func (c *Client) buildEnvelope(op soapOp, parts ...any) ([]byte, error) {
	w := envelopeWriters.Get().(*envelopeWriter)
	buf := &w.buf
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<soapenv:Envelope xmlns:soapenv="` + soapEnvNS + `"><soapenv:Body><ns:`)
	buf.WriteString(op.name)
	buf.WriteString(` xmlns:ns="`)
	buf.WriteString(op.ns)
	buf.WriteString(`">`)
	c.writeLogin(buf)
	var err error
	for _, p := range parts {
		if err = w.enc.Encode(p); err != nil {
			break
		}
	}
	buf.WriteString(`</ns:`)
	buf.WriteString(op.name)
	buf.WriteString(`></soapenv:Body></soapenv:Envelope>`)
	body := bytes.Clone(buf.Bytes())
	// The buffer held the password: clear it before it is reused.
	clear(buf.Bytes())
	buf.Reset()
	if err != nil {
		// The encoder may hold a half-written element: drop it with the buffer.
		return nil, err
	}
	envelopeWriters.Put(w)
	return body, nil
}

// resulter is the content of a <return>: every one carries errorCode and
// errorMessage.
type resulter interface{ result() *xmlResult }

// soapCall sends op and decodes its <return> into a new T. A non-zero
// errorCode is an *Error; the decoded T is returned with it, for callers
// that want the rest of the answer (an order id). The answer comes back
// whenever one arrived, for the errors its caller builds from it.
func soapCall[T any, PT interface {
	*T
	resulter
}](ctx context.Context, c *Client, op soapOp, parts ...any) (*T, *transport.Response, error) {
	out := PT(new(T))
	resp, err := c.sendSOAP(ctx, op, parts...)
	if err != nil {
		return nil, nil, err
	}
	if err := c.decodeSOAP(op, resp, out); err != nil {
		return nil, resp, err
	}
	if err := c.checkCode(op, resp, out.result()); err != nil {
		if errors.Is(err, ErrBadResponse) {
			return nil, resp, err
		}
		return (*T)(out), resp, err
	}
	return (*T)(out), resp, nil
}

// checkCode turns a <return>'s non-zero errorCode into an *Error with the
// server's message, scrubbed; an errorCode that is not a number is a bad
// response.
func (c *Client) checkCode(op soapOp, resp *transport.Response, r *xmlResult) error {
	code, cerr := parseErrorCode(r.ErrorCode)
	if cerr != nil {
		return c.soapBad(op, resp, cerr)
	}
	if code == 0 {
		return nil
	}
	e := answerError(SOAP, op.name, resp)
	e.Code, e.Message, e.refused = code, c.scrubber(resp).Scrub(strings.TrimSpace(r.ErrorMessage)), true
	return e
}

func (c *Client) sendSOAP(ctx context.Context, op soapOp, parts ...any) (*transport.Response, error) {
	if ctx == nil {
		return nil, invalid(op.name, "ctx", "is nil")
	}
	body, err := c.buildEnvelope(op, parts...)
	if err != nil {
		return nil, &Error{Layer: SOAP, Op: op.name, Err: fmt.Errorf("encoding request: %w", err)}
	}
	// The call's scrubber finds the password in <login> as a secret field
	// of the body; it is the client's secret anyway.
	resp, err := c.t.Do(ctx, &transport.Request{
		Op:                 op.name,
		Method:             http.MethodPost,
		Path:               op.path,
		BaseURL:            c.soapBase,
		CarriesCredentials: true,
		Answers500:         true, // a Fault: a retry would get the same answer
		Body:               body,
		ContentType:        soapContent,
		Header:             soapHeaders,
		Retry:              transport.RetrySafeIf(op.idempotent),
	})
	if err != nil {
		return nil, sendError(SOAP, op.name, err)
	}
	return resp, nil
}

// decodeSOAP finds the Body's first element: a Fault becomes an *Error, the
// operation's Response has its <return> decoded into out, anything else is a
// bad response.
func (c *Client) decodeSOAP(op soapOp, resp *transport.Response, out any) error {
	dec := xml.NewDecoder(bytes.NewReader(resp.Body))
	dec.CharsetReader = charsetReader
	depth := 0 // 0: before Envelope, 1: in Envelope, 2: in Body
	for {
		tok, err := dec.Token()
		if err != nil {
			if err == io.EOF {
				err = errors.New("no SOAP Body")
				if depth == 0 {
					err = errors.New("not a SOAP envelope")
				}
			}
			return c.soapBad(op, resp, err)
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			if _, end := tok.(xml.EndElement); end {
				return c.soapBad(op, resp, errors.New("empty SOAP Body"))
			}
			continue
		}
		switch {
		case depth == 0:
			if start.Name.Local != "Envelope" {
				return c.soapBad(op, resp, fmt.Errorf("not a SOAP envelope (root element <%s>)", start.Name.Local))
			}
			depth = 1
		case depth == 1:
			if start.Name.Local == "Body" {
				depth = 2
			} else if err := dec.Skip(); err != nil { // Header
				return c.soapBad(op, resp, err)
			}
		case start.Name.Local == "Fault":
			var f xmlFault
			if err := dec.DecodeElement(&f, &start); err != nil {
				return c.soapBad(op, resp, fmt.Errorf("decoding Fault: %w", err))
			}
			return c.faultError(op, resp, &f)
		case start.Name.Local == op.name+"Response":
			ret := returnOf{out: out, whole: op.whole}
			if err := dec.DecodeElement(&ret, &start); err != nil {
				return c.soapBad(op, resp, fmt.Errorf("decoding %s: %w", start.Name.Local, err))
			}
			if !ret.found {
				return c.soapBad(op, resp, fmt.Errorf("%s has no <return>", start.Name.Local))
			}
			if resp.StatusCode < 200 || resp.StatusCode > 299 {
				return c.soapBad(op, resp, fmt.Errorf("HTTP %d with a %s", resp.StatusCode, start.Name.Local))
			}
			return nil
		default:
			return c.soapBad(op, resp, fmt.Errorf("unexpected element <%s> in the SOAP Body", start.Name.Local))
		}
	}
}

// returnOf decodes an {op}Response element, handing its <return> to out, or
// the whole element when whole is set.
type returnOf struct {
	out   any
	whole bool
	found bool
}

func (r *returnOf) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	if r.whole {
		r.found = true
		return d.DecodeElement(r.out, &start)
	}
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "return" && !r.found {
				r.found = true
				if err := d.DecodeElement(r.out, &t); err != nil {
					return err
				}
				continue
			}
			if err := d.Skip(); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

func (c *Client) faultError(op soapOp, resp *transport.Response, f *xmlFault) error {
	sc := c.scrubber(resp)
	e := answerError(SOAP, op.name, resp)
	e.FaultCode = sc.Scrub(strings.TrimSpace(f.Code))
	e.Message = sc.Scrub(strings.TrimSpace(f.String))
	e.refused = true
	if detail := strings.TrimSpace(f.Detail.Inner); detail != "" {
		e.Body = sc.Excerpt([]byte(detail), excerptSize)
	}
	if e.FaultCode == "" && e.Message == "" {
		e.Body = c.excerpt(resp)
		e.Err = fmt.Errorf("%w with no faultcode or faultstring (%w)", ErrFault, ErrBadResponse)
		return e
	}
	if e.FaultCode == "" {
		e.FaultCode = "(none)"
	}
	return e
}

func (c *Client) soapBad(op soapOp, resp *transport.Response, cause error) error {
	e := answerError(SOAP, op.name, resp)
	e.Body, e.Err = c.excerpt(resp), c.badResponse(resp, cause)
	return e
}

// badResponse is ErrBadResponse with what was wrong. The cause may quote
// the answer (an element name, a value, the Content-Type), and the answer
// may echo a secret: the text is scrubbed whole, then cut.
func (c *Client) badResponse(resp *transport.Response, cause error) error {
	ct := resp.Header.Get("Content-Type")
	if ct == "" {
		ct = "no content type"
	}
	text := fmt.Sprintf("HTTP %d, %s, %d bytes: %v", resp.StatusCode, ct, len(resp.Body), cause)
	return fmt.Errorf("%w: %s", ErrBadResponse, clip(c.scrubber(resp).Scrub(text), causeSize))
}

// isZeroCode reports an errorCode that is absent or 0.
func isZeroCode(s string) bool {
	code, err := parseErrorCode(s)
	return err == nil && code == 0
}

// parseErrorCode reads errorCode; an absent one is 0.
func parseErrorCode(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("errorCode %q is not a number", s)
	}
	return n, nil
}

// charsetReader accepts the encodings a Java SOAP stack may declare besides
// UTF-8: US-ASCII (a subset) and ISO-8859-1 (mapped byte for byte).
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "us-ascii", "ascii":
		return in, nil
	case "iso-8859-1", "latin1", "latin-1":
		b, err := io.ReadAll(in)
		if err != nil {
			return nil, err
		}
		runes := make([]rune, len(b))
		for i, c := range b {
			runes[i] = rune(c)
		}
		return strings.NewReader(string(runes)), nil
	}
	return nil, fmt.Errorf("unsupported charset %q", label)
}

// CallSOAP sends an operation the typed layer does not cover (yet), e.g.
// one of "/UtbPlan" or "/UtbCustomer": service is the path under the SOAP
// base URL, namespace the service's, operation the element name, parts the
// operation's children after <login> (values encoding/xml can marshal, each
// with its own XMLName). The <return> element is decoded into out when out is
// not nil; a non-zero <errorCode> in it is an *Error. Set idempotent for a
// query, so that it may be retried.
func (c *Client) CallSOAP(ctx context.Context, service, namespace, operation string, idempotent bool, out any, parts ...any) error {
	op := soapOp{name: operation, path: service, ns: namespace, idempotent: idempotent}
	if err := checkPath("CallSOAP", "service", service); err != nil {
		return err
	}
	switch {
	case !elementName(operation):
		return invalid("CallSOAP", "operation", "is not an element name")
	case strings.TrimSpace(namespace) == "" || strings.ContainsAny(namespace, "<>\"&") || !validXMLText(namespace) ||
		strings.IndexFunc(namespace, unicode.IsControl) >= 0:
		return invalid("CallSOAP", "namespace", "is not a namespace URI")
	}
	resp, err := c.sendSOAP(ctx, op, parts...)
	if err != nil {
		return err
	}
	var res struct {
		xmlResult
		Inner []byte `xml:",innerxml"`
	}
	if err := c.decodeSOAP(op, resp, &res); err != nil {
		return err
	}
	if err := c.checkCode(op, resp, &res.xmlResult); err != nil {
		return err
	}
	if out != nil {
		if err := xml.Unmarshal(append(append([]byte("<return>"), res.Inner...), "</return>"...), out); err != nil {
			return c.soapBad(op, resp, fmt.Errorf("decoding return: %w", err))
		}
	}
	return nil
}

// elementName reports an XML name without a prefix: a letter or '_', then
// letters, digits, '_', '-' and '.'.
func elementName(s string) bool {
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || i > 0 && (unicode.IsDigit(r) || r == '-' || r == '.')) {
			return false
		}
	}
	return s != "" && utf8.ValidString(s)
}
