package telecloud

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// orderServer answers Order/Search with the statuses in turn (the last
// repeats) and Transaction/Search with txBody.
func orderServer(t *testing.T, orderErr, txBody string, statuses ...string) (*Client, func() int) {
	t.Helper()
	var mu sync.Mutex
	polls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		switch r.URL.Path {
		case "/API/xml/Order/Search":
			assert.Equal(t, "Z8111Z", r.URL.Query().Get("order_number"))
			st := statuses[min(polls, len(statuses)-1)]
			polls++
			if st == "" {
				_, _ = io.WriteString(w, `<telecloud><Orders/></telecloud>`)
				return
			}
			errEl := ""
			if orderErr != "" {
				errEl = "<error>" + orderErr + "</error>"
			}
			fmt.Fprintf(w, `<telecloud><Orders><order order_number="Z8111Z"><account_number>7105045</account_number><status>%s</status>%s</order></Orders></telecloud>`, st, errEl)
		case "/API/xml/Transaction/Search":
			_, _ = io.WriteString(w, txBody)
		default:
			t.Errorf("unexpected %s", r.URL.Path)
		}
	}))
	t.Cleanup(srv.Close)
	c, err := New(Credentials{APIIDKey: NewSecret(testIDKey), APIKey: NewSecret(testAPIKey)}, WithBaseURL(srv.URL))
	require.NoError(t, err)
	return c, func() int { mu.Lock(); defer mu.Unlock(); return polls }
}

var fastWait = &WaitOptions{Interval: time.Millisecond, MaxInterval: 4 * time.Millisecond}

func TestWaitForOrderUntilActive(t *testing.T) {
	c, polls := orderServer(t, "", "", "PENDING", "PENDING", "PENDING", "ACTIVE")
	o, err := c.WaitForOrder(context.Background(), "Z8111Z", fastWait)
	require.NoError(t, err)
	assert.Equal(t, OrderActive, o.Status)
	assert.Equal(t, "7105045", o.AccountNumber)
	assert.Equal(t, 4, polls())
}

func TestWaitForOrderFailedWithOrderText(t *testing.T) {
	c, _ := orderServer(t, "ICCID is not available", `<telecloud><transactions><transaction trans_id="31"><service>Order/Create</service><status>FAILED</status></transaction></transactions></telecloud>`, "PENDING", "FAILED")
	o, err := c.WaitForOrder(context.Background(), "Z8111Z", fastWait)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrOrderFailed)
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Contains(t, e.Message, "ICCID is not available")
	assert.Equal(t, "31", e.RequestID, "the failed transaction's id")
	require.NotNil(t, o)
	assert.Equal(t, OrderFailed, o.Status)
}

func TestWaitForOrderFailedWithTransactionText(t *testing.T) {
	c, _ := orderServer(t, "", `<telecloud><transactions><transaction trans_id="30"><service>Order/Create</service><status>SUCCESS</status></transaction><transaction trans_id="32"><service>Order/Create</service><status>FAILURE</status><error>Module timeout</error></transaction></transactions></telecloud>`, "FAILED")
	_, err := c.WaitForOrder(context.Background(), "Z8111Z", fastWait)
	assert.ErrorIs(t, err, ErrOrderFailed)
	assert.Contains(t, err.Error(), "Module timeout")
	assert.Contains(t, err.Error(), "trans_id 32")

	c, _ = orderServer(t, "", `<html>down</html>`, "FAILED")
	_, err = c.WaitForOrder(context.Background(), "Z8111Z", fastWait)
	assert.ErrorIs(t, err, ErrOrderFailed)
	assert.Contains(t, err.Error(), "no error text")
}

func TestWaitForOrderOtherEnds(t *testing.T) {
	c, _ := orderServer(t, "", "", "CANCELLED")
	o, err := c.WaitForOrder(context.Background(), "Z8111Z", nil)
	require.NoError(t, err, "any status but PENDING ends the wait")
	assert.Equal(t, OrderCancelled, o.Status)

	c, _ = orderServer(t, "", "", "")
	_, err = c.WaitForOrder(context.Background(), "Z8111Z", fastWait)
	assert.ErrorIs(t, err, ErrOrderNotFound)

	c, polls := orderServer(t, "", "", "PENDING")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	o, err = c.WaitForOrder(ctx, "Z8111Z", fastWait)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	require.NotNil(t, o, "the last order seen comes back with ctx's error")
	assert.Equal(t, OrderPending, o.Status)
	assert.Greater(t, polls(), 2)

	_, err = c.WaitForOrder(context.Background(), " ", nil)
	assert.ErrorIs(t, err, ErrInvalidInput)
}
