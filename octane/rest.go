package octane

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/ispkit/ispkit/internal/transport"
)

// The REST layer: JSON bodies, Basic auth (added per attempt by the
// transport), and the errorCode/errorMessage/success envelope.

type enveloper interface{ envelope() *restEnvelope }

// restCall sends one REST request and decodes the answer into a new T. A
// non-zero errorCode or success=false is an *Error. The answer comes back
// with T, for the errors its caller builds from it.
func restCall[T any, PT interface {
	*T
	enveloper
}](ctx context.Context, c *Client, method, path string, query url.Values, body any) (*T, *transport.Response, error) {
	out := PT(new(T))
	resp, op, err := c.sendREST(ctx, method, path, query, body)
	if err != nil {
		return nil, nil, err
	}
	if err := c.decodeREST(op, resp, out); err != nil {
		return nil, resp, err
	}
	return (*T)(out), resp, nil
}

func (c *Client) sendREST(ctx context.Context, method, path string, query url.Values, body any) (*transport.Response, string, error) {
	op := method + " " + path
	if ctx == nil {
		return nil, op, invalid(op, "ctx", "is nil")
	}
	req := &transport.Request{Op: op, Method: method, Path: path, Query: query}
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, op, &Error{Layer: REST, Op: op, Err: fmt.Errorf("encoding request: %w", err)}
		}
		req.Body = b
	}
	// The call's scrubber adds the values of the body's secret fields (a raw
	// call's password or PIN) to the client's secrets.
	resp, err := c.t.Do(ctx, req)
	if err != nil {
		return nil, op, sendError(REST, op, err)
	}
	return resp, op, nil
}

// decodeREST decodes a JSON object answer into out (which embeds
// restEnvelope) and turns a refusal into an *Error, whatever the HTTP status.
func (c *Client) decodeREST(op string, resp *transport.Response, out enveloper) error {
	body := bytes.TrimSpace(resp.Body)
	if len(body) == 0 || body[0] != '{' {
		return c.restBad(op, resp, nil)
	}
	if err := json.Unmarshal(body, out); err != nil {
		// A refusal we cannot fully decode may still carry its code.
		var env restEnvelope
		if json.Unmarshal(body, &env) == nil && env.failed() {
			return c.restError(op, resp, &env)
		}
		return c.restBad(op, resp, fmt.Errorf("decoding response: %w", err))
	}
	if env := out.envelope(); env.failed() {
		return c.restError(op, resp, env)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return c.restBad(op, resp, nil)
	}
	return nil
}

// failed: a non-zero errorCode, or success explicitly false.
func (e *restEnvelope) failed() bool {
	return e.ErrorCode != 0 || (e.Success != nil && !bool(*e.Success))
}

func (c *Client) restError(op string, resp *transport.Response, env *restEnvelope) error {
	msg := strings.TrimSpace(string(env.ErrorMessage))
	if msg == "" && env.ErrorCode == 0 {
		msg = "success is false"
	}
	e := answerError(REST, op, resp)
	e.Code, e.Message, e.refused = int(env.ErrorCode), c.scrubber(resp).Scrub(msg), true
	return e
}

func (c *Client) restBad(op string, resp *transport.Response, cause error) error {
	if cause == nil {
		cause = errors.New("a body that is not an Octane answer")
	}
	e := answerError(REST, op, resp)
	e.Body, e.Err = c.excerpt(resp), c.badResponse(resp, cause)
	return e
}

// DoREST sends a REST request the typed layer does not cover (yet): method
// and path under the REST base URL (e.g. "/v1/datapool"), query, and body
// marshalled as JSON when not nil. The answer's errorCode/success envelope is
// checked, and the whole answer is decoded into out when out is not nil. GET
// is retried per the policy; other methods are not re-sent.
func (c *Client) DoREST(ctx context.Context, method, path string, query url.Values, body, out any) error {
	if err := checkPath("DoREST", "path", path); err != nil {
		return err
	}
	if method == "" {
		method = http.MethodGet
	}
	if strings.IndexFunc(method, func(r rune) bool { return !strings.ContainsRune(tokenChars, r) }) >= 0 {
		return invalid("DoREST", "method", "is not an HTTP method")
	}
	resp, op, err := c.sendREST(ctx, method, path, query, body)
	if err != nil {
		return err
	}
	var env restEnvelope
	if err := c.decodeREST(op, resp, &env); err != nil {
		return err
	}
	if out != nil {
		if err := json.Unmarshal(resp.Body, out); err != nil {
			return c.restBad(op, resp, fmt.Errorf("decoding response: %w", err))
		}
	}
	return nil
}

// tokenChars are the characters of an HTTP method (RFC 9110's token).
const tokenChars = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
