package octane

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// validateClient is a client of a server that counts what reaches it.
func validateClient(t *testing.T) (*Client, *atomic.Int64) {
	t.Helper()
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		n.Add(1)
		http.Error(w, "nothing should arrive", http.StatusTeapot)
	}))
	t.Cleanup(srv.Close)
	c, err := New(Credentials{Username: "u", Password: NewSecret("p")}, WithSOAPBaseURL(srv.URL+"/soap"), WithRESTBaseURL(srv.URL+"/rest"),
		WithRetry(RetryPolicy{MaxAttempts: 1}), WithPollInterval(time.Millisecond, time.Millisecond))
	require.NoError(t, err)
	return c, &n
}

// validateSlots are every identifier and required value of every call: each
// places v in one of them, the others valid.
func validateSlots() map[string]func(ctx context.Context, c *Client, v string) error {
	const cust, sn, line = "10001234", "0412000001", "3"
	pool := func(custNo, lineSeqNo, providerID string) Pool {
		return Pool{CustNo: custNo, LineSeqNo: lineSeqNo, ProviderID: providerID}
	}
	ok := pool(cust, line, "PRV-1")
	other := pool(cust, "8", "PRV-2")
	order := func(custNo, plan, name string) PoolCreateRequest {
		return PoolCreateRequest{CustNo: custNo, ProviderPlanID: plan, PoolName: name}
	}
	two := func(r []OrderResult, err error) error { return err }
	return map[string]func(ctx context.Context, c *Client, v string) error{
		"Orders.CreateDataPool CustNo": func(ctx context.Context, c *Client, v string) error {
			_, err := c.Orders.CreateDataPool(ctx, order(v, "P", "N"))
			return err
		},
		"Orders.CreateDataPool ProviderPlanID": func(ctx context.Context, c *Client, v string) error {
			_, err := c.Orders.CreateDataPool(ctx, order(cust, v, "N"))
			return err
		},
		"Orders.Query": func(ctx context.Context, c *Client, v string) error { _, err := c.Orders.Query(ctx, v); return err },
		"Orders.Reset": func(ctx context.Context, c *Client, v string) error { return c.Orders.Reset(ctx, v) },
		"Orders.Wait":  func(ctx context.Context, c *Client, v string) error { _, err := c.Orders.Wait(ctx, v, nil); return err },
		"Orders.AddConsumers custNo": func(ctx context.Context, c *Client, v string) error {
			return two(c.Orders.AddConsumers(ctx, v, "PRV-1", sn))
		},
		"Orders.AddConsumers providerID": func(ctx context.Context, c *Client, v string) error {
			return two(c.Orders.AddConsumers(ctx, cust, v, sn))
		},
		"Orders.AddConsumers serviceNumber": func(ctx context.Context, c *Client, v string) error {
			return two(c.Orders.AddConsumers(ctx, cust, "PRV-1", sn, v))
		},
		"Orders.RemoveConsumers custNo": func(ctx context.Context, c *Client, v string) error {
			return two(c.Orders.RemoveConsumers(ctx, v, sn))
		},
		"Orders.RemoveConsumers serviceNumber": func(ctx context.Context, c *Client, v string) error {
			return two(c.Orders.RemoveConsumers(ctx, cust, v))
		},
		"Services.Detail custNo": func(ctx context.Context, c *Client, v string) error {
			_, err := c.Services.Detail(ctx, v, sn)
			return err
		},
		"Services.Detail serviceNumber": func(ctx context.Context, c *Client, v string) error {
			_, err := c.Services.Detail(ctx, cust, v)
			return err
		},
		"Services.Balance custNo": func(ctx context.Context, c *Client, v string) error {
			_, err := c.Services.Balance(ctx, v, line)
			return err
		},
		"Services.Balance lineSeqNo": func(ctx context.Context, c *Client, v string) error {
			_, err := c.Services.Balance(ctx, cust, v)
			return err
		},
		"DataPools.Get CustNo": func(ctx context.Context, c *Client, v string) error {
			_, err := c.DataPools.Get(ctx, PoolRef{CustNo: v, LineSeqNo: line})
			return err
		},
		"DataPools.Get LineSeqNo": func(ctx context.Context, c *Client, v string) error {
			_, err := c.DataPools.Get(ctx, PoolRef{CustNo: cust, LineSeqNo: v})
			return err
		},
		"DataPools.Transfer From": func(ctx context.Context, c *Client, v string) error {
			return two(c.DataPools.Transfer(ctx, TransferRequest{From: PoolRef{CustNo: cust, LineSeqNo: v}, ToProviderID: "PRV-2", ToLineSeqNo: "8", ServiceNumbers: []string{sn}}))
		},
		"DataPools.Transfer ToProviderID": func(ctx context.Context, c *Client, v string) error {
			return two(c.DataPools.Transfer(ctx, TransferRequest{From: ok.Ref(), ToProviderID: v, ToLineSeqNo: "8", ServiceNumbers: []string{sn}}))
		},
		"DataPools.Transfer ToLineSeqNo": func(ctx context.Context, c *Client, v string) error {
			return two(c.DataPools.Transfer(ctx, TransferRequest{From: ok.Ref(), ToProviderID: "PRV-2", ToLineSeqNo: v, ServiceNumbers: []string{sn}}))
		},
		"DataPools.Transfer serviceNumber": func(ctx context.Context, c *Client, v string) error {
			return two(c.DataPools.Transfer(ctx, TransferRequest{From: ok.Ref(), ToProviderID: "PRV-2", ToLineSeqNo: "8", ServiceNumbers: []string{v}}))
		},
		"DataPools.SetDataLimits CustNo": func(ctx context.Context, c *Client, v string) error {
			return two(c.DataPools.SetDataLimits(ctx, ConsumerLimit{CustNo: v, LineSeqNo: "11", Limit: GB(1)}))
		},
		"DataPools.SetDataLimits LineSeqNo": func(ctx context.Context, c *Client, v string) error {
			return two(c.DataPools.SetDataLimits(ctx, ConsumerLimit{CustNo: cust, LineSeqNo: v, Limit: GB(1)}))
		},
		"DataPools.Disconnect": func(ctx context.Context, c *Client, v string) error {
			_, err := c.DataPools.Disconnect(ctx, PoolRef{CustNo: cust, LineSeqNo: v})
			return err
		},
		"Pools.Create": func(ctx context.Context, c *Client, v string) error {
			_, err := c.Pools.Create(ctx, order(v, "P", "N"))
			return err
		},
		"Pools.Lookup custNo": func(ctx context.Context, c *Client, v string) error {
			_, err := c.Pools.Lookup(ctx, v, sn)
			return err
		},
		"Pools.Lookup serviceNumber": func(ctx context.Context, c *Client, v string) error {
			_, err := c.Pools.Lookup(ctx, cust, v)
			return err
		},
		"Pools.Get": func(ctx context.Context, c *Client, v string) error {
			_, err := c.Pools.Get(ctx, pool(cust, v, "PRV-1"))
			return err
		},
		"Pools.AddConsumers pool": func(ctx context.Context, c *Client, v string) error {
			return two(c.Pools.AddConsumers(ctx, pool(cust, line, v), sn))
		},
		"Pools.AddConsumers serviceNumber": func(ctx context.Context, c *Client, v string) error {
			return two(c.Pools.AddConsumers(ctx, ok, v))
		},
		"Pools.RemoveConsumers pool": func(ctx context.Context, c *Client, v string) error {
			return two(c.Pools.RemoveConsumers(ctx, pool(v, line, "PRV-1"), sn))
		},
		"Pools.RemoveConsumers serviceNumber": func(ctx context.Context, c *Client, v string) error {
			return two(c.Pools.RemoveConsumers(ctx, ok, v))
		},
		"Pools.Transfer from": func(ctx context.Context, c *Client, v string) error {
			return two(c.Pools.Transfer(ctx, pool(cust, v, "PRV-1"), other, sn))
		},
		"Pools.Transfer to": func(ctx context.Context, c *Client, v string) error {
			return two(c.Pools.Transfer(ctx, ok, pool(cust, "8", v), sn))
		},
		"Pools.Transfer serviceNumber": func(ctx context.Context, c *Client, v string) error {
			return two(c.Pools.Transfer(ctx, ok, other, v))
		},
		"Pools.SetDataLimit pool": func(ctx context.Context, c *Client, v string) error {
			_, err := c.Pools.SetDataLimit(ctx, pool(v, line, "PRV-1"), sn, GB(1))
			return err
		},
		"Pools.SetDataLimit serviceNumber": func(ctx context.Context, c *Client, v string) error {
			_, err := c.Pools.SetDataLimit(ctx, ok, v, GB(1))
			return err
		},
		"Pools.Disconnect": func(ctx context.Context, c *Client, v string) error {
			_, err := c.Pools.Disconnect(ctx, pool(v, line, "PRV-1"))
			return err
		},
		"CallSOAP service": func(ctx context.Context, c *Client, v string) error {
			return c.CallSOAP(ctx, "/"+v, nsOrder, "orderQuery", true, nil)
		},
		"CallSOAP operation": func(ctx context.Context, c *Client, v string) error {
			return c.CallSOAP(ctx, "/UtbOrder", nsOrder, v, true, nil)
		},
		"DoREST path": func(ctx context.Context, c *Client, v string) error {
			return c.DoREST(ctx, http.MethodGet, "/v1/"+v, nil, nil, nil)
		},
	}
}

// TestBadIdentifiersRefused: every identifier and required value is refused
// before anything is sent when it is empty or blank, a dot segment, not
// UTF-8, or holds a control character; the error matches ErrInvalidInput
// and does not quote the value.
func TestBadIdentifiersRefused(t *testing.T) {
	bad := map[string]string{
		"empty": "", "blank": "   ", "tab only": "\t", "no-break space only": "\u00a0", "dot": ".", "dot dot": "..",
		"NUL": "a\x00b", "CR": "a\rb", "LF": "a\nb", "CRLF": "5\r\nX-Injected: 1", "tab": "a\tb", "DEL": "a\x7fb",
		"C1 control": "a\u0085b", "invalid UTF-8": "5\xff", "lone surrogate bytes": "5\xed\xa0\x80",
	}
	c, n := validateClient(t)
	for slot, call := range validateSlots() {
		for name, v := range bad {
			if (slot == "CallSOAP service" || slot == "DoREST path") && (name == "empty" || name == "no-break space only") {
				continue // a path segment of the caller's, not an identifier
			}
			err := call(context.Background(), c, v)
			var ve *ValidationError
			if !assert.ErrorAs(t, err, &ve, "%s: %s", slot, name) {
				continue
			}
			assert.ErrorIs(t, err, ErrInvalidInput, "%s: %s", slot, name)
			if len(v) > 1 {
				assert.NotContains(t, err.Error(), v, "%s: %s: the value is quoted", slot, name)
			}
		}
	}
	assert.Zero(t, n.Load(), "a request reached the server")
}

// TestRawPathsRefused: a raw call's path must not leave its root.
func TestRawPathsRefused(t *testing.T) {
	c, n := validateClient(t)
	for _, p := range []string{"v1/datapool", "/v1/../admin", "/v1/./x", "/v1/%2e%2e/admin", "/v1/%2E/x", "/..", "/v1/x?y=1", "/v1/x#f", "/v1/a b"} {
		assert.ErrorIs(t, c.DoREST(context.Background(), http.MethodGet, p, nil, nil, nil), ErrInvalidInput, p)
		assert.ErrorIs(t, c.CallSOAP(context.Background(), p, nsOrder, "orderQuery", true, nil), ErrInvalidInput, p)
	}
	for _, m := range []string{"GET /x", "GET\r\n", "G(T"} {
		assert.ErrorIs(t, c.DoREST(context.Background(), m, "/v1/datapool", nil, nil, nil), ErrInvalidInput, m)
	}
	for _, ns := range []string{"", " ", "urn:a\nb", `urn:"x"`} {
		assert.ErrorIs(t, c.CallSOAP(context.Background(), "/UtbOrder", ns, "orderQuery", true, nil), ErrInvalidInput, ns)
	}
	assert.Zero(t, n.Load(), "a request reached the server")
	// A valid path is sent.
	err := c.DoREST(context.Background(), http.MethodGet, "/v1/datapool", url.Values{"custno": {"1"}}, nil, nil)
	assert.NotErrorIs(t, err, ErrInvalidInput)
	assert.Equal(t, int64(1), n.Load())
}

// TestNilContextRefused: every call refuses a nil context before sending.
func TestNilContextRefused(t *testing.T) {
	c, n := validateClient(t)
	for slot, call := range validateSlots() {
		var valid string
		switch slot {
		case "CallSOAP service":
			valid = "UtbOrder"
		case "CallSOAP operation":
			valid = "orderQuery"
		case "DoREST path":
			valid = "datapool"
		default:
			valid = "77"
		}
		var nilCtx context.Context // a nil context must be refused, not sent
		err := call(nilCtx, c, valid)
		assert.ErrorIs(t, err, ErrInvalidInput, slot)
	}
	assert.Zero(t, n.Load(), "a request reached the server")
}
