package telecloud

import (
	"context"
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"
)

// What the conformance adapter (conformance_test.go, package telecloud_test)
// takes from the package's own tests: one valid call of every typed method,
// built from the wire tables by the generic builder of gock_test.go.

// TypedCall is one typed method with a valid request.
type TypedCall struct {
	// Op is the wire name, "Customer/Create".
	Op string
	// Name is the Go name, "Customers.Create": the Client field and method.
	Name string
	// Call calls the method on c with the request and returns its error.
	Call func(ctx context.Context, c *Client) error
}

// TypedCalls returns a valid call of each of the 76 typed methods, every
// field filled. Each Secret field holds secret(field name): the value must
// still pass the request's validation (a CVV is three or four digits).
func TypedCalls(t *testing.T, secret func(field string) string) []TypedCall {
	t.Helper()
	c := wtClient(t)
	var out []TypedCall
	for _, r := range gkRoutes(t, c) {
		b := gkBuild(t, r.ref, r.reqT)
		req := b.req.Elem()
		for i := 0; i < req.NumField(); i++ {
			if f := req.Field(i); f.Type() == secretT && !f.Interface().(Secret).IsZero() {
				f.Set(reflect.ValueOf(NewSecret(secret(req.Type().Field(i).Name))))
			}
		}
		_, _, err := encodeParams(r.ref.r, b.req.Interface())
		require.NoError(t, err, "%s: the conformance secrets are refused", r.op)
		name := wtServiceField[r.ref.service] + "." + r.ref.r.Method
		reqV := b.req
		out = append(out, TypedCall{Op: r.op, Name: name, Call: func(ctx context.Context, c *Client) error {
			m := wtMethod(c, r.ref.service, r.ref.r.Method)
			res := m.Call([]reflect.Value{reflect.ValueOf(ctx), reqV.Elem()})
			err, _ := res[1].Interface().(error)
			return err
		}})
	}
	return out
}
