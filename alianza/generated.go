package alianza

//go:generate go run ./internal/gen

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
)

// The support of the generated calls (zz_*.gen.go, written by
// internal/gen from the spec in internal/gen/openapi.yml and the ledger in
// internal/gen/config.yml). They go through the same call path as the
// hand-written ones: do and send, with the login, the re-login on 401, the
// error mapping and the redaction that come with it.

// genPath is /v2 followed by the escaped segments: the path of a generated
// call outside a partition.
func genPath(segments ...string) string {
	var b strings.Builder
	b.WriteString("/v2")
	for _, s := range segments {
		b.WriteByte('/')
		b.WriteString(url.PathEscape(s))
	}
	return b.String()
}

// startJob sends a call the spec answers 202 Accepted with a Job, and
// returns the job (see Jobs.Wait). An answer that is not a Job is
// ErrBadResponse.
func (c *Client) startJob(ctx context.Context, cl call) (*Job, error) {
	var raw json.RawMessage
	resp, err := c.send(ctx, cl, &raw)
	if err != nil {
		return nil, err
	}
	job, ok := jobFromJSON(raw)
	if !ok {
		return nil, &Error{Op: cl.op, HTTPStatus: resp.StatusCode,
			Err: fmt.Errorf("%w: the answer is not a job", ErrBadResponse), Body: resp.Excerpt(excerptSize)}
	}
	return job, nil
}

// defaultGenPageSize is the page size of the generated iterators: the
// spec's default maxResult of the searches that page.
const defaultGenPageSize = 50
