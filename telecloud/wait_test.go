package telecloud

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
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

var fastWait = &WaitOptions{MinInterval: time.Millisecond, MaxInterval: 4 * time.Millisecond}

func TestOrdersWaitUntilActive(t *testing.T) {
	c, polls := orderServer(t, "", "", "PENDING", "PENDING", "PENDING", "ACTIVE")
	o, err := c.Orders.Wait(context.Background(), "Z8111Z", fastWait)
	require.NoError(t, err)
	assert.Equal(t, OrderActive, o.Status)
	assert.Equal(t, "7105045", o.AccountNumber)
	assert.Equal(t, 4, polls())
}

func TestOrdersWaitFailedWithOrderText(t *testing.T) {
	c, _ := orderServer(t, "ICCID is not available", `<telecloud><transactions><transaction trans_id="31"><service>Order/Create</service><status>FAILED</status></transaction></transactions></telecloud>`, "PENDING", "FAILED")
	o, err := c.Orders.Wait(context.Background(), "Z8111Z", fastWait)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrOrderFailed)
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Contains(t, e.Message, "ICCID is not available")
	assert.Equal(t, "31", e.RequestID, "the failed transaction's id")
	require.NotNil(t, o)
	assert.Equal(t, OrderFailed, o.Status)
}

func TestOrdersWaitFailedWithTransactionText(t *testing.T) {
	c, _ := orderServer(t, "", `<telecloud><transactions><transaction trans_id="30"><service>Order/Create</service><status>SUCCESS</status></transaction><transaction trans_id="32"><service>Order/Create</service><status>FAILURE</status><error>Module timeout</error></transaction></transactions></telecloud>`, "FAILED")
	_, err := c.Orders.Wait(context.Background(), "Z8111Z", fastWait)
	assert.ErrorIs(t, err, ErrOrderFailed)
	assert.Contains(t, err.Error(), "Module timeout")
	assert.Contains(t, err.Error(), "trans_id 32")

	c, _ = orderServer(t, "", `<html>down</html>`, "FAILED")
	_, err = c.Orders.Wait(context.Background(), "Z8111Z", fastWait)
	assert.ErrorIs(t, err, ErrOrderFailed)
	assert.Contains(t, err.Error(), "no error text")
}

func TestOrdersWaitOtherEnds(t *testing.T) {
	c, _ := orderServer(t, "", "", "CANCELLED")
	o, err := c.Orders.Wait(context.Background(), "Z8111Z", nil)
	require.NoError(t, err, "any status but PENDING ends the wait")
	assert.Equal(t, OrderCancelled, o.Status)

	c, _ = orderServer(t, "", "", "")
	_, err = c.Orders.Wait(context.Background(), "Z8111Z", fastWait)
	assert.ErrorIs(t, err, ErrOrderNotFound)

	// The context ends once the third poll has arrived, whatever the
	// machine's speed.
	c, polls := orderServer(t, "", "", "PENDING")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		for polls() < 3 {
			time.Sleep(time.Millisecond)
		}
		cancel()
	}()
	o, err = c.Orders.Wait(ctx, "Z8111Z", fastWait)
	assert.ErrorIs(t, err, context.Canceled)
	require.NotNil(t, o, "the last order seen comes back with ctx's error")
	assert.Equal(t, OrderPending, o.Status)
	assert.GreaterOrEqual(t, polls(), 3)

	_, err = c.Orders.Wait(context.Background(), " ", nil)
	assert.ErrorIs(t, err, ErrInvalidInput)
}

// Bad pauses are refused before anything is sent, by Orders.Wait and by
// WithPollInterval.
func TestOrdersWaitRefusesBadPauses(t *testing.T) {
	c, polls := orderServer(t, "", "", "ACTIVE")
	for name, o := range map[string]*WaitOptions{
		"negative min":  {MinInterval: -time.Millisecond},
		"negative max":  {MaxInterval: -time.Millisecond},
		"max below min": {MinInterval: time.Second, MaxInterval: time.Millisecond},
	} {
		_, err := c.Orders.Wait(context.Background(), "Z8111Z", o)
		var ve *ValidationError
		if assert.ErrorAs(t, err, &ve, name) {
			assert.ErrorIs(t, err, ErrInvalidInput, name)
			assert.Equal(t, "Order/Wait", ve.Op, name)
			assert.True(t, strings.HasPrefix(err.Error(), "telecloud: "), name)
		}
	}
	assert.Zero(t, polls(), "nothing is sent")

	cr := Credentials{APIIDKey: NewSecret(testIDKey), APIKey: NewSecret(testAPIKey)}
	for name, o := range map[string]Option{
		"negative min":  WithPollInterval(-1, 0),
		"negative max":  WithPollInterval(0, -1),
		"max below min": WithPollInterval(time.Second, time.Millisecond),
	} {
		_, err := New(cr, o)
		assert.ErrorIs(t, err, ErrInvalidInput, name)
		assert.True(t, strings.HasPrefix(fmt.Sprint(err), "telecloud: New: "), "%s: %v", name, err)
	}
}

// WithPollInterval sets the client's defaults; WaitOptions override them
// field by field.
func TestOrdersWaitUsesTheClientsPollInterval(t *testing.T) {
	c, polls := orderServer(t, "", "", "PENDING", "PENDING", "PENDING", "ACTIVE")
	c2, err := New(Credentials{APIIDKey: NewSecret(testIDKey), APIKey: NewSecret(testAPIKey)},
		WithBaseURL(c.BaseURL()), WithPollInterval(time.Millisecond, 2*time.Millisecond))
	require.NoError(t, err)
	start := time.Now()
	o, err := c2.Orders.Wait(context.Background(), "Z8111Z", nil)
	require.NoError(t, err)
	assert.Equal(t, OrderActive, o.Status)
	assert.Equal(t, 4, polls())
	assert.Less(t, time.Since(start), time.Second, "the client's pauses, not the 2 s default")

	d, err := New(Credentials{APIIDKey: NewSecret(testIDKey), APIKey: NewSecret(testAPIKey)})
	require.NoError(t, err)
	assert.Equal(t, [2]time.Duration{DefaultPollMin, DefaultPollMax}, [2]time.Duration{d.pollMin, d.pollMax})
	assert.Equal(t, [2]time.Duration{2 * time.Second, 30 * time.Second}, [2]time.Duration{DefaultPollMin, DefaultPollMax})
}
