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
// that want the rest of the answer (an order id).
func soapCall[T any, PT interface {
	*T
	resulter
}](ctx context.Context, c *Client, op soapOp, parts ...any) (*T, error) {
	out := PT(new(T))
	resp, err := c.sendSOAP(ctx, op, parts...)
	if err != nil {
		return nil, err
	}
	if err := c.decodeSOAP(op, resp, out); err != nil {
		return nil, err
	}
	r := out.result()
	code, cerr := parseErrorCode(r.ErrorCode)
	if cerr != nil {
		return nil, c.soapBad(op, resp, cerr)
	}
	if code != 0 {
		return (*T)(out), &Error{Layer: SOAP, Op: op.name, HTTPStatus: resp.StatusCode, Code: code, Message: c.t.Scrub(strings.TrimSpace(r.ErrorMessage)), refused: true}
	}
	return (*T)(out), nil
}

func (c *Client) sendSOAP(ctx context.Context, op soapOp, parts ...any) (*transport.Response, error) {
	if ctx == nil {
		return nil, invalid(op.name, "ctx", "is nil")
	}
	body, err := c.buildEnvelope(op, parts...)
	if err != nil {
		return nil, &Error{Layer: SOAP, Op: op.name, Err: fmt.Errorf("encoding request: %w", err)}
	}
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
		Idempotent:         op.idempotent,
	})
	if err != nil {
		return nil, &Error{Layer: SOAP, Op: op.name, Err: err}
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
				return c.soapBad(op, resp, fmt.Errorf("not a SOAP envelope (root element <%.40s>)", start.Name.Local))
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
			return c.soapBad(op, resp, fmt.Errorf("unexpected element <%.60s> in the SOAP Body", start.Name.Local))
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
	e := &Error{
		Layer: SOAP, Op: op.name, HTTPStatus: resp.StatusCode,
		FaultCode: c.t.Scrub(strings.TrimSpace(f.Code)),
		Message:   c.t.Scrub(strings.TrimSpace(f.String)),
		refused:   true,
	}
	if detail := strings.TrimSpace(f.Detail.Inner); detail != "" {
		e.Body = resp.Scrubber().Excerpt([]byte(detail), excerptSize)
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
	return &Error{Layer: SOAP, Op: op.name, HTTPStatus: resp.StatusCode, Body: c.excerpt(resp), Err: c.badResponse(resp, cause)}
}

// badResponse is ErrBadResponse with what was wrong, scrubbed: the cause may
// quote the answer, and the answer may echo a credential.
func (c *Client) badResponse(resp *transport.Response, cause error) error {
	ct := resp.Header.Get("Content-Type")
	if ct == "" {
		ct = "no content type"
	}
	return fmt.Errorf("%w: %s", ErrBadResponse, c.t.Scrub(fmt.Sprintf("HTTP %d, %.80s, %d bytes: %v", resp.StatusCode, ct, len(resp.Body), cause)))
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
		return 0, fmt.Errorf("errorCode %.40q is not a number", s)
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
	return nil, fmt.Errorf("unsupported charset %.40q", label)
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
	switch {
	case !strings.HasPrefix(service, "/"):
		return invalid("CallSOAP", "service", "must start with '/'")
	case operation == "" || strings.ContainsAny(operation, "<>:\"' /"):
		return invalid("CallSOAP", "operation", "%.40q is not an element name", operation)
	case namespace == "" || strings.ContainsAny(namespace, "<>\"&"):
		return invalid("CallSOAP", "namespace", "%.60q is not a namespace URI", namespace)
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
	code, cerr := parseErrorCode(res.ErrorCode)
	if cerr != nil {
		return c.soapBad(op, resp, cerr)
	}
	if code != 0 {
		return &Error{Layer: SOAP, Op: op.name, HTTPStatus: resp.StatusCode, Code: code, Message: c.t.Scrub(strings.TrimSpace(res.ErrorMessage)), refused: true}
	}
	if out != nil {
		if err := xml.Unmarshal(append(append([]byte("<return>"), res.Inner...), "</return>"...), out); err != nil {
			return c.soapBad(op, resp, fmt.Errorf("decoding return: %w", err))
		}
	}
	return nil
}
