package baicells

// Golden tests: every example of the vendor manual, copied verbatim under
// testdata/baicells, goes through the typed client end to end. Responses and
// errors are served by an httptest server and compared with hand-written
// values (never with the output of the decoder under test); requests are built
// with the typed client and compared with the example body.

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/internal/transport"
)

// goldenDir holds the manual's examples (see its README.md).
const goldenDir = "../testdata/baicells"

// goldenSessionID is the session_id of every example request.
const goldenSessionID = "2016123456"

// goldenOK is the success answer served while a request example is checked.
const goldenOK = `{"session_id":"2016123456","result_code":"200","message":"Success"}`

// goldenCapture records the requests a golden server received.
type goldenCapture struct {
	mu   sync.Mutex
	reqs []goldenRequest
}

type goldenRequest struct {
	method, path string
	body         []byte
}

func (g *goldenCapture) all() []goldenRequest {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]goldenRequest(nil), g.reqs...)
}

// goldenOnly returns the one request received, failing the test otherwise.
func (g *goldenCapture) goldenOnly(t *testing.T) goldenRequest {
	t.Helper()
	reqs := g.all()
	require.Len(t, reqs, 1, "requests received")
	return reqs[0]
}

// goldenClient starts a server that answers every request with status and
// body, and a client for it (base URL under /baicellsapi, no retries).
func goldenClient(t *testing.T, status int, body []byte) (*Client, *goldenCapture) {
	t.Helper()
	capt := &goldenCapture{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		capt.mu.Lock()
		capt.reqs = append(capt.reqs, goldenRequest{method: r.Method, path: r.URL.Path, body: b})
		capt.mu.Unlock()
		w.Header().Set("Content-Type", "application/json;charset=UTF-8")
		w.WriteHeader(status)
		_, _ = w.Write(body)
	}))
	t.Cleanup(srv.Close)
	c, err := New(Credentials{CloudKey: NewSecret("ck-golden"), Username: "golden", Password: NewSecret("golden-pw")},
		WithBaseURL(srv.URL+"/baicellsapi"), WithRetry(RetryPolicy{MaxAttempts: 1}))
	require.NoError(t, err)
	return c, capt
}

func goldenCtx() context.Context { return WithSessionID(context.Background(), goldenSessionID) }

// goldenDiff fails the test when want and got differ, reported as (-want +got).
func goldenDiff(t *testing.T, want, got any, opts ...cmp.Option) {
	t.Helper()
	if d := cmp.Diff(want, got, opts...); d != "" {
		t.Errorf("mismatch (-want +got):\n%s", d)
	}
}

// goldenCheckRequest builds a request with call and compares its body with the
// example. normalise, when set, rewrites the example where the manual's body
// cannot equal ours (each use says why).
func goldenCheckRequest(t *testing.T, fixture []byte, method, path string, call func(context.Context, *Client) error, normalise func(map[string]any)) {
	t.Helper()
	c, capt := goldenClient(t, http.StatusOK, []byte(goldenOK))
	require.NoError(t, call(goldenCtx(), c))
	got := capt.goldenOnly(t)
	assert.Equal(t, method, got.method)
	assert.Equal(t, "/baicellsapi"+path, got.path)
	want := string(fixture)
	if normalise != nil {
		var m map[string]any
		require.NoError(t, json.Unmarshal(fixture, &m))
		normalise(m)
		b, err := json.Marshal(m)
		require.NoError(t, err)
		want = string(b)
	}
	assert.JSONEq(t, want, string(got.body))
}

// goldenCheckError serves the example with HTTP 422 and checks the *Error the
// call returns and the errors.Is targets it must match.
func goldenCheckError(t *testing.T, fixture []byte, path string, call func(context.Context, *Client) error, want *Error, is ...error) {
	t.Helper()
	c, capt := goldenClient(t, http.StatusUnprocessableEntity, fixture)
	err := call(goldenCtx(), c)
	require.Error(t, err)
	assert.Equal(t, "/baicellsapi"+path, capt.goldenOnly(t).path)
	var e *Error
	require.ErrorAs(t, err, &e)
	goldenDiff(t, want, e)
	for _, target := range is {
		assert.ErrorIs(t, err, target)
	}
	assert.NotErrorIs(t, err, ErrBadResponse, "an answer with a result code is not a bad response")
	assert.NotErrorIs(t, err, ErrInvalidInput)
}

// goldenCheckOK serves a plain success example and expects the call to succeed.
func goldenCheckOK(t *testing.T, fixture []byte, path string, call func(context.Context, *Client) error) {
	t.Helper()
	c, capt := goldenClient(t, http.StatusOK, fixture)
	require.NoError(t, call(goldenCtx(), c))
	assert.Equal(t, "/baicellsapi"+path, capt.goldenOnly(t).path)
}

// goldenErr is the *Error of a 422 example: the session_id is the body's.
func goldenErr(op string, code ResultCode, message string) *Error {
	return &Error{Op: op, HTTPStatus: http.StatusUnprocessableEntity, Code: code, Message: message, RequestID: goldenSessionID}
}

// goldenProfile is the subscriber of the 2.1 examples.
var goldenProfile = Profile{
	ID: "20161201", Name: "test name", IDNumber: "123456",
	Phone: "123456", Email: "test@test.com", Address: "test address",
}

var goldenBulkIDs = []string{"20161201", "20161202", "20161203", "20161204"}

var goldenPlan = Plan{ID: "2016001", Name: "testname", Uplink: 5, Downlink: 5, Comments: "comments"}

var goldenAPN = APNRequest{SubID: "2017062201", Name: "apn1", AMBRUplink: 4, AMBRDownlink: 8}

// goldenUsageQuery is the window of the 2.3 examples, in the client's default
// location (UTC).
var goldenUsageQuery = UsageRequest{
	IMSI: "6000000000000001",
	From: time.Date(2018, 11, 22, 8, 0, 0, 0, time.UTC),
	To:   time.Date(2018, 11, 22, 12, 0, 0, 0, time.UTC),
}

// Calls shared by the request, response and error examples of one operation.
var (
	goldenQuery = func(ctx context.Context, c *Client) error {
		_, err := c.Subscribers.QueryByIMSI(ctx, "460010000000001")
		return err
	}
	goldenCreate = func(ctx context.Context, c *Client) error { return c.Subscribers.Create(ctx, goldenProfile) }
	goldenBind   = func(ctx context.Context, c *Client) error {
		return c.Subscribers.BindPlan(ctx, "20161201", "2016001")
	}
	goldenBindIMSI = func(ctx context.Context, c *Client) error {
		return c.Subscribers.BindIMSI(ctx, "20161201", "460010000000001")
	}
	goldenUnbind     = func(ctx context.Context, c *Client) error { return c.Subscribers.UnbindIMSI(ctx, "20161201") }
	goldenActivate   = func(ctx context.Context, c *Client) error { return c.Subscribers.Activate(ctx, "20161201") }
	goldenDeactivate = func(ctx context.Context, c *Client) error { return c.Subscribers.Deactivate(ctx, "20161201") }
	goldenChangePlan = func(ctx context.Context, c *Client) error {
		return c.Subscribers.ChangePlan(ctx, "20161201", "2016001")
	}
	goldenSpeed = func(ctx context.Context, c *Client) error {
		return c.Subscribers.ChangeSpeed(ctx, "20161201", Speed{Uplink: 5, Downlink: 5})
	}
	goldenBulkActivate = func(ctx context.Context, c *Client) error {
		_, err := c.Subscribers.BulkActivate(ctx, goldenBulkIDs, nil)
		return err
	}
	goldenBulkDeactivate = func(ctx context.Context, c *Client) error {
		_, err := c.Subscribers.BulkDeactivate(ctx, goldenBulkIDs, nil)
		return err
	}
	goldenGet = func(ctx context.Context, c *Client) error {
		_, err := c.Subscribers.Get(ctx, "20161201")
		return err
	}
	goldenBindAPN = func(ctx context.Context, c *Client) error {
		b := goldenAPN
		b.IPs = []netip.Addr{netip.MustParseAddr("192.168.1.10")}
		return c.Subscribers.BindAPN(ctx, b)
	}
	goldenRemoveAPN = func(ctx context.Context, c *Client) error { return c.Subscribers.RemoveAPN(ctx, goldenAPN) }
	goldenModify    = func(ctx context.Context, c *Client) error { return c.Subscribers.Modify(ctx, goldenProfile) }
	goldenDelete    = func(ctx context.Context, c *Client) error { return c.Subscribers.Delete(ctx, "20161201") }
	goldenBulkSubs  = []SubscriberCreateRequest{
		{Profile: goldenProfile, IMSI: "860100011223344"},
		{Profile: Profile{ID: "20161202", Name: "test name2", IDNumber: "123457", Phone: "1234567", Email: "test2@test.com", Address: "test2 address"}, IMSI: "860100011223355"},
	}
	goldenBulkOpts   = &BulkOptions{PlanID: "2016001"}
	goldenBulkCreate = func(ctx context.Context, c *Client) error {
		_, err := c.Subscribers.BulkCreate(ctx, goldenBulkSubs, goldenBulkOpts)
		return err
	}
	goldenPlanCreate = func(ctx context.Context, c *Client) error { return c.Plans.Create(ctx, goldenPlan) }
	goldenPlanModify = func(ctx context.Context, c *Client) error { return c.Plans.Modify(ctx, goldenPlan) }
	goldenHourly     = func(ctx context.Context, c *Client) error {
		for _, err := range c.Usage.Hourly(ctx, goldenUsageQuery) {
			if err != nil {
				return err
			}
		}
		return nil
	}
	goldenCDRs = func(ctx context.Context, c *Client) error {
		for _, err := range c.Usage.CDRs(ctx, goldenUsageQuery) {
			if err != nil {
				return err
			}
		}
		return nil
	}
)

// goldenNumbers turns the listed string values into numbers: the manual
// prints them as strings in one example, the typed client sends JSON numbers.
func goldenNumbers(keys ...string) func(map[string]any) {
	return func(m map[string]any) {
		for _, k := range keys {
			if s, ok := m[k].(string); ok {
				var n float64
				if err := json.Unmarshal([]byte(s), &n); err == nil {
					m[k] = n
				}
			}
		}
	}
}

// goldenCases covers every file of goldenDir, by name.
var goldenCases = map[string]func(t *testing.T, fixture []byte){
	// ---- 2.1.1 Query Subscriber ----
	"2.1.01_query_subscriber_request.json": func(t *testing.T, f []byte) {
		goldenCheckRequest(t, f, http.MethodPost, "/customers/query", goldenQuery, nil)
	},
	"2.1.01_query_subscriber_response.json": func(t *testing.T, f []byte) {
		c, capt := goldenClient(t, http.StatusOK, f)
		got, err := c.Subscribers.QueryByIMSI(goldenCtx(), "460010000000001")
		require.NoError(t, err)
		assert.Equal(t, "/baicellsapi/customers/query", capt.goldenOnly(t).path)
		// The answer carries no imsi: the holder's IMSI is the one queried.
		want := &IMSIQuery{Available: false, Subscriber: &Subscriber{
			Profile: goldenProfile, IMSI: "460010000000001", PlanID: "2016001", Status: StatusActive,
		}}
		goldenDiff(t, want, got)
	},
	"2.1.01_query_subscriber_response_2.json": func(t *testing.T, f []byte) {
		c, _ := goldenClient(t, http.StatusOK, f)
		got, err := c.Subscribers.QueryByIMSI(goldenCtx(), "460010000000001")
		require.NoError(t, err)
		goldenDiff(t, &IMSIQuery{Available: true}, got)
	},

	// ---- 2.1.2 Create Subscriber ----
	"2.1.02_create_subscriber_request.json": func(t *testing.T, f []byte) {
		goldenCheckRequest(t, f, http.MethodPost, "/customers/create", goldenCreate, nil)
	},
	"2.1.02_create_subscriber_response.json": func(t *testing.T, f []byte) {
		goldenCheckOK(t, f, "/customers/create", goldenCreate)
	},
	"2.1.02_create_subscriber_error.json": func(t *testing.T, f []byte) {
		goldenCheckError(t, f, "/customers/create", goldenCreate,
			goldenErr("Subscribers.Create", CodeSubIDConflict, "sub_id conflict"), ErrSubscriberExists, CodeSubIDConflict)
	},

	// ---- 2.1.3 Bind Service Plan ----
	"2.1.03_bind_service_plan_request.json": func(t *testing.T, f []byte) {
		goldenCheckRequest(t, f, http.MethodPost, "/customers/bindservice", goldenBind, nil)
	},
	"2.1.03_bind_service_plan_response.json": func(t *testing.T, f []byte) {
		goldenCheckOK(t, f, "/customers/bindservice", goldenBind)
	},
	"2.1.03_bind_service_plan_error.json": func(t *testing.T, f []byte) {
		goldenCheckError(t, f, "/customers/bindservice", goldenBind,
			goldenErr("Subscribers.BindPlan", CodeSubscriberNotFound, "subscriber dose not exist"), ErrSubscriberNotFound, CodeSubscriberNotFound)
	},

	// ---- 2.1.4 Bind IMSI ----
	"2.1.04_bind_imsi_request.json": func(t *testing.T, f []byte) {
		goldenCheckRequest(t, f, http.MethodPost, "/customers/bindimsi", goldenBindIMSI, nil)
	},
	"2.1.04_bind_imsi_response.json": func(t *testing.T, f []byte) {
		goldenCheckOK(t, f, "/customers/bindimsi", goldenBindIMSI)
	},
	"2.1.04_bind_imsi_error.json": func(t *testing.T, f []byte) {
		goldenCheckError(t, f, "/customers/bindimsi", goldenBindIMSI,
			goldenErr("Subscribers.BindIMSI", CodeIMSIFormat, "IMIS formate error"), CodeIMSIFormat)
	},

	// ---- 2.1.5 Unbind IMSI ----
	"2.1.05_unbind_imsi_request.json": func(t *testing.T, f []byte) {
		goldenCheckRequest(t, f, http.MethodPost, "/customers/unbindimsi", goldenUnbind, nil)
	},
	"2.1.05_unbind_imsi_response.json": func(t *testing.T, f []byte) {
		goldenCheckOK(t, f, "/customers/unbindimsi", goldenUnbind)
	},
	"2.1.05_unbind_imsi_error.json": func(t *testing.T, f []byte) {
		goldenCheckError(t, f, "/customers/unbindimsi", goldenUnbind,
			goldenErr("Subscribers.UnbindIMSI", CodeSubscriberNotFound, "Subscriber dose not exist"), ErrSubscriberNotFound, CodeSubscriberNotFound)
	},

	// ---- 2.1.6 Activate ----
	"2.1.06_activate_request.json": func(t *testing.T, f []byte) {
		goldenCheckRequest(t, f, http.MethodPost, "/customers/activate", goldenActivate, nil)
	},
	"2.1.06_activate_response.json": func(t *testing.T, f []byte) {
		goldenCheckOK(t, f, "/customers/activate", goldenActivate)
	},
	"2.1.06_activate_error.json": func(t *testing.T, f []byte) {
		goldenCheckError(t, f, "/customers/activate", goldenActivate,
			goldenErr("Subscribers.Activate", CodeSubscriberNotFound, "Subscriber dose not exist"), ErrSubscriberNotFound, CodeSubscriberNotFound)
	},

	// ---- 2.1.7 Deactivate ----
	"2.1.07_deactivate_request.json": func(t *testing.T, f []byte) {
		goldenCheckRequest(t, f, http.MethodPost, "/customers/deactivate", goldenDeactivate, nil)
	},
	"2.1.07_deactivate_response.json": func(t *testing.T, f []byte) {
		goldenCheckOK(t, f, "/customers/deactivate", goldenDeactivate)
	},
	"2.1.07_deactivate_error.json": func(t *testing.T, f []byte) {
		goldenCheckError(t, f, "/customers/deactivate", goldenDeactivate,
			goldenErr("Subscribers.Deactivate", CodeSubscriberNotFound, "Subscriber dose not exist"), ErrSubscriberNotFound, CodeSubscriberNotFound)
	},

	// ---- 2.1.8 Change Service Plan ----
	"2.1.08_change_service_plan_request.json": func(t *testing.T, f []byte) {
		goldenCheckRequest(t, f, http.MethodPost, "/customers/update", goldenChangePlan, nil)
	},
	"2.1.08_change_service_plan_response.json": func(t *testing.T, f []byte) {
		goldenCheckOK(t, f, "/customers/update", goldenChangePlan)
	},
	"2.1.08_change_service_plan_error.json": func(t *testing.T, f []byte) {
		goldenCheckError(t, f, "/customers/update", goldenChangePlan,
			goldenErr("Subscribers.ChangePlan", CodeSubscriberNotFound, "Subscriber dose not exist"), ErrSubscriberNotFound, CodeSubscriberNotFound)
	},

	// ---- 2.1.9 Change Speed ----
	"2.1.09_change_speed_request.json": func(t *testing.T, f []byte) {
		goldenCheckRequest(t, f, http.MethodPost, "/customers/updateuplink", goldenSpeed, nil)
	},
	"2.1.09_change_speed_response.json": func(t *testing.T, f []byte) {
		goldenCheckOK(t, f, "/customers/updateuplink", goldenSpeed)
	},
	"2.1.09_change_speed_error.json": func(t *testing.T, f []byte) {
		goldenCheckError(t, f, "/customers/updateuplink", goldenSpeed,
			goldenErr("Subscribers.ChangeSpeed", CodeSubscriberNotFound, "Subscriber dose not exist"), ErrSubscriberNotFound, CodeSubscriberNotFound)
	},

	// ---- 2.1.10 / 2.1.11 Bulk Activate / Deactivate ----
	"2.1.10_bulk_activate_request.json": func(t *testing.T, f []byte) {
		goldenCheckRequest(t, f, http.MethodPost, "/customers/bulkactivate", goldenBulkActivate, nil)
	},
	"2.1.10_bulk_activate_response.json": func(t *testing.T, f []byte) {
		c, _ := goldenClient(t, http.StatusOK, f)
		got, err := c.Subscribers.BulkActivate(goldenCtx(), goldenBulkIDs, nil)
		require.NoError(t, err)
		goldenDiff(t, &BulkResult{Succeeded: goldenBulkIDs, Batches: 1}, got)
	},
	"2.1.10_bulk_activate_error.json": func(t *testing.T, f []byte) {
		goldenCheckError(t, f, "/customers/bulkactivate", goldenBulkActivate,
			goldenErr("Subscribers.BulkActivate", CodeSystemError, "System error"), ErrSystem, CodeSystemError)
		goldenBulkFailed(t, f, "Subscribers.BulkActivate", func(ctx context.Context, c *Client) (*BulkResult, error) {
			return c.Subscribers.BulkActivate(ctx, goldenBulkIDs, nil)
		})
	},
	"2.1.11_bulk_deactivate_request.json": func(t *testing.T, f []byte) {
		goldenCheckRequest(t, f, http.MethodPost, "/customers/bulkdeactivate", goldenBulkDeactivate, nil)
	},
	"2.1.11_bulk_deactivate_response.json": func(t *testing.T, f []byte) {
		c, _ := goldenClient(t, http.StatusOK, f)
		got, err := c.Subscribers.BulkDeactivate(goldenCtx(), goldenBulkIDs, nil)
		require.NoError(t, err)
		goldenDiff(t, &BulkResult{Succeeded: goldenBulkIDs, Batches: 1}, got)
	},
	"2.1.11_bulk_deactivate_error.json": func(t *testing.T, f []byte) {
		goldenCheckError(t, f, "/customers/bulkdeactivate", goldenBulkDeactivate,
			goldenErr("Subscribers.BulkDeactivate", CodeSystemError, "System error"), ErrSystem, CodeSystemError)
		goldenBulkFailed(t, f, "Subscribers.BulkDeactivate", func(ctx context.Context, c *Client) (*BulkResult, error) {
			return c.Subscribers.BulkDeactivate(ctx, goldenBulkIDs, nil)
		})
	},

	// ---- 2.1.12 Query Subscriber by sub_id ----
	"2.1.12_query_subscriber_by_id_request.json": func(t *testing.T, f []byte) {
		goldenCheckRequest(t, f, http.MethodPost, "/customers/querybyid", goldenGet, nil)
	},
	"2.1.12_query_subscriber_by_id_response.json": func(t *testing.T, f []byte) {
		c, capt := goldenClient(t, http.StatusOK, f)
		got, err := c.Subscribers.Get(goldenCtx(), "20161201")
		require.NoError(t, err)
		assert.Equal(t, "/baicellsapi/customers/querybyid", capt.goldenOnly(t).path)
		// up_rate and down_rate are strings ("5", "10") in the example.
		want := &Subscriber{
			Profile: goldenProfile, IMSI: "460010000000001", PlanID: "2016001", Status: StatusActive,
			UplinkRate: 5, DownlinkRate: 10,
			APNs: []APNInfo{{Name: "apn1", AMBRUplink: 4, AMBRDownlink: 8, IPv4: "192.168.1.10"}},
		}
		goldenDiff(t, want, got)
	},

	// ---- 2.1.13 Bind APN & Static IP ----
	"2.1.13_bind_apn_ip_request.json": func(t *testing.T, f []byte) {
		goldenCheckRequest(t, f, http.MethodPost, "/customers/bindapnip", goldenBindAPN, nil)
	},
	"2.1.13_bind_apn_ip_request_2.json": func(t *testing.T, f []byte) {
		// The second example prints apn_ambr_ul/dl as strings ("4", "8"); the
		// param table says int and the typed client sends numbers, as in the
		// first example. Without IPs, ip_addr is left out, as in the example.
		goldenCheckRequest(t, f, http.MethodPost, "/customers/bindapnip",
			func(ctx context.Context, c *Client) error { return c.Subscribers.BindAPN(ctx, goldenAPN) },
			goldenNumbers("apn_ambr_ul", "apn_ambr_dl"))
	},
	"2.1.13_bind_apn_ip_response.json": func(t *testing.T, f []byte) {
		goldenCheckOK(t, f, "/customers/bindapnip", goldenBindAPN)
	},
	"2.1.13_bind_apn_ip_error.json": func(t *testing.T, f []byte) {
		goldenCheckError(t, f, "/customers/bindapnip", goldenBindAPN,
			goldenErr("Subscribers.BindAPN", CodeAPNNameRequired, "apn_name is required"), CodeAPNNameRequired)
	},

	// ---- 2.1.14 Remove APN & Static IP ----
	"2.1.14_remove_apn_ip_request.json": func(t *testing.T, f []byte) {
		// Here the manual types the AMBR values as strings, and so does the client.
		goldenCheckRequest(t, f, http.MethodPost, "/customers/removeapnip", goldenRemoveAPN, nil)
	},
	"2.1.14_remove_apn_ip_response.json": func(t *testing.T, f []byte) {
		goldenCheckOK(t, f, "/customers/removeapnip", goldenRemoveAPN)
	},
	"2.1.14_remove_apn_ip_error.json": func(t *testing.T, f []byte) {
		goldenCheckError(t, f, "/customers/removeapnip", goldenRemoveAPN,
			goldenErr("Subscribers.RemoveAPN", CodeAPNNameRequired, "apn_name is required"), CodeAPNNameRequired)
	},

	// ---- 2.1.15 Modify Subscriber ----
	"2.1.15_modify_subscriber_request.json": func(t *testing.T, f []byte) {
		goldenCheckRequest(t, f, http.MethodPost, "/customers/modify", goldenModify, nil)
	},
	"2.1.15_modify_subscriber_response.json": func(t *testing.T, f []byte) {
		goldenCheckOK(t, f, "/customers/modify", goldenModify)
	},
	"2.1.15_modify_subscriber_error.json": func(t *testing.T, f []byte) {
		goldenCheckError(t, f, "/customers/modify", goldenModify,
			goldenErr("Subscribers.Modify", CodeSubscriberNotFound, "Subscribers dose not exist"), ErrSubscriberNotFound, CodeSubscriberNotFound)
	},

	// ---- 2.1.16 Delete Subscriber ----
	"2.1.16_delete_subscriber_request.json": func(t *testing.T, f []byte) {
		goldenCheckRequest(t, f, http.MethodPost, "/customers/delete", goldenDelete, nil)
	},
	"2.1.16_delete_subscriber_response.json": func(t *testing.T, f []byte) {
		goldenCheckOK(t, f, "/customers/delete", goldenDelete)
	},
	"2.1.16_delete_subscriber_error.json": func(t *testing.T, f []byte) {
		goldenCheckError(t, f, "/customers/delete", goldenDelete,
			goldenErr("Subscribers.Delete", CodeSubscriberNotFound, "Subscribers dose not exist"), ErrSubscriberNotFound, CodeSubscriberNotFound)
	},

	// ---- 2.1.17 Bulk Create ----
	"2.1.17_bulk_create_request.json": func(t *testing.T, f []byte) {
		// The example's sub_name inside sub_list is not in the field table; the
		// client sends it too. Its path is /customers/bulkcreate, not the
		// /customers/create the example is printed under.
		goldenCheckRequest(t, f, http.MethodPost, "/customers/bulkcreate", goldenBulkCreate, nil)
	},
	"2.1.17_bulk_create_response.json": goldenBulkCreateResponse,
	"2.1.17_bulk_create_error.json": func(t *testing.T, f []byte) {
		// The session_id of the error is the body's (198575111866), not the request's.
		want := goldenErr("Subscribers.BulkCreate", CodeBulkLimitExceeded, "exceed 200 records limit.")
		want.RequestID = "198575111866"
		goldenCheckError(t, f, "/customers/bulkcreate", goldenBulkCreate, want, ErrTooMany, CodeBulkLimitExceeded)

		c, _ := goldenClient(t, http.StatusUnprocessableEntity, f)
		res, err := c.Subscribers.BulkCreate(goldenCtx(), goldenBulkSubs, goldenBulkOpts)
		require.Error(t, err)
		// Every record of the failed call carries the call's *Error.
		wantRes := &BulkCreateResult{Batches: 1, Failed: []BulkFailure{
			{SubID: "20161201", IMSI: "860100011223344", Code: CodeBulkLimitExceeded, Message: "exceed 200 records limit.", Err: want},
			{SubID: "20161202", IMSI: "860100011223355", Code: CodeBulkLimitExceeded, Message: "exceed 200 records limit.", Err: want},
		}}
		goldenDiff(t, wantRes, res)
	},

	// ---- 2.2.1 / 2.2.2 Create / Modify Service Plan ----
	"2.2.1_create_plan_request.json": func(t *testing.T, f []byte) {
		goldenCheckRequest(t, f, http.MethodPost, "/products/create", goldenPlanCreate, nil)
	},
	"2.2.1_create_plan_response.json": func(t *testing.T, f []byte) {
		goldenCheckOK(t, f, "/products/create", goldenPlanCreate)
	},
	"2.2.1_create_plan_error.json": func(t *testing.T, f []byte) {
		goldenCheckError(t, f, "/products/create", goldenPlanCreate,
			goldenErr("Plans.Create", CodeSystemError, "System error"), ErrSystem, CodeSystemError)
	},
	"2.2.2_modify_plan_request.json": func(t *testing.T, f []byte) {
		goldenCheckRequest(t, f, http.MethodPost, "/products/modify", goldenPlanModify, nil)
	},
	"2.2.2_modify_plan_response.json": func(t *testing.T, f []byte) {
		goldenCheckOK(t, f, "/products/modify", goldenPlanModify)
	},
	"2.2.2_modify_plan_error.json": func(t *testing.T, f []byte) {
		goldenCheckError(t, f, "/products/modify", goldenPlanModify,
			goldenErr("Plans.Modify", CodeSystemError, "System error"), ErrSystem, CodeSystemError)
	},

	// ---- 2.2.3 to 2.2.6 plan lists (bare arrays, speeds as strings) ----
	"2.2.3_plans_by_uplink_response.json": func(t *testing.T, f []byte) {
		goldenCheckPlans(t, f, "/products/querybyuplink/1", func(ctx context.Context, c *Client) ([]Plan, error) {
			return c.Plans.ListByUplink(ctx, 1)
		}, []Plan{
			{ID: "T201611220001", Name: "1M", Uplink: 1, Downlink: 1, State: PlanActive},
			{ID: "T201611220002", Name: "1M", Uplink: 1, Downlink: 2, State: PlanActive},
		})
	},
	"2.2.4_plans_by_downlink_response.json": func(t *testing.T, f []byte) {
		goldenCheckPlans(t, f, "/products/querybydownlink/2", func(ctx context.Context, c *Client) ([]Plan, error) {
			return c.Plans.ListByDownlink(ctx, 2)
		}, []Plan{
			{ID: "T201611220001", Name: "2M", Uplink: 2, Downlink: 2, State: PlanActive},
			{ID: "T201611220002", Name: "2M", Uplink: 1, Downlink: 2, State: PlanActive},
		})
	},
	"2.2.5_plans_by_link_response.json": func(t *testing.T, f []byte) {
		goldenCheckPlans(t, f, "/products/querybylink/2/2", func(ctx context.Context, c *Client) ([]Plan, error) {
			return c.Plans.ListBySpeed(ctx, Speed{Uplink: 2, Downlink: 2})
		}, []Plan{
			{ID: "T201611220001", Name: "2M", Uplink: 2, Downlink: 2, State: PlanActive},
			{ID: "T201611220002", Name: "2M", Uplink: 2, Downlink: 2, State: PlanActive},
		})
	},
	"2.2.6_all_plans_response.json": func(t *testing.T, f []byte) {
		goldenCheckPlans(t, f, "/products/queryallplans", func(ctx context.Context, c *Client) ([]Plan, error) {
			return c.Plans.List(ctx)
		}, []Plan{
			{ID: "T201611220001", Name: "1M", Uplink: 1, Downlink: 1, State: PlanActive},
			{ID: "T201611220002", Name: "2M", Uplink: 2, Downlink: 2, State: PlanActive},
		})
	},

	// ---- 2.3.1 Usage by hour ----
	"2.3.1_usage_by_hour_request.json": func(t *testing.T, f []byte) {
		// The example's IMSI has 16 digits; usage queries accept it (digits only).
		goldenCheckRequest(t, f, http.MethodPost, "/usage/querybyhour", goldenHourly, nil)
	},
	"2.3.1_usage_by_hour_response.json": func(t *testing.T, f []byte) {
		c, capt := goldenClient(t, http.StatusOK, f)
		var got []HourlyUsage
		for u, err := range c.Usage.Hourly(goldenCtx(), goldenUsageQuery) {
			require.NoError(t, err)
			got = append(got, u)
		}
		assert.Equal(t, "/baicellsapi/usage/querybyhour", capt.goldenOnly(t).path)
		want := []HourlyUsage{{
			IMSI: "6000000000000001", Time: time.Date(2018, 11, 22, 10, 0, 0, 0, time.UTC),
			TotalKB: 204800, UpKB: 1000, DownKB: 203800, RawTime: "2018-11-22 10:00:00",
		}}
		goldenDiff(t, want, got)
	},
	"2.3.1_usage_by_hour_error.json": func(t *testing.T, f []byte) {
		goldenCheckError(t, f, "/usage/querybyhour", goldenHourly,
			goldenErr("Usage.Hourly", CodeBeginTimeRequired, "begin time is required"), CodeBeginTimeRequired)
	},

	// ---- 2.3.2 Usage CDR detail ----
	"2.3.2_usage_cdr_request.json": func(t *testing.T, f []byte) {
		// Path /usage/querycdr, not the /usage/querybyhour the example is printed under.
		goldenCheckRequest(t, f, http.MethodPost, "/usage/querycdr", goldenCDRs, nil)
	},
	"2.3.2_usage_cdr_response.json": func(t *testing.T, f []byte) {
		c, capt := goldenClient(t, http.StatusOK, f)
		var got []CDR
		for u, err := range c.Usage.CDRs(goldenCtx(), goldenUsageQuery) {
			require.NoError(t, err)
			got = append(got, u)
		}
		assert.Equal(t, "/baicellsapi/usage/querycdr", capt.goldenOnly(t).path)
		want := []CDR{{
			IMSI: "6000000000000001", Time: time.Date(2018, 11, 22, 12, 14, 32, 0, time.UTC),
			TotalBytes: 204800, UpBytes: 1000, DownBytes: 203800, Duration: 300 * time.Second,
			RawTime: "2018-11-22 12:14:32",
		}}
		goldenDiff(t, want, got)
	},
	"2.3.2_usage_cdr_error.json": func(t *testing.T, f []byte) {
		goldenCheckError(t, f, "/usage/querycdr", goldenCDRs,
			goldenErr("Usage.CDRs", CodeBeginTimeRequired, "begin time is required"), CodeBeginTimeRequired)
	},

	// ---- Table 1-1, the result codes (code TAB message per line) ----
	"result-codes.tsv": func(t *testing.T, f []byte) {
		var codes []ResultCode
		for i, line := range strings.Split(strings.TrimRight(string(f), "\n"), "\n") {
			code, msg, ok := strings.Cut(strings.TrimRight(line, "\r"), "\t")
			require.True(t, ok, "line %d: %q has no tab", i+1, line)
			n, err := strconv.Atoi(code)
			require.NoError(t, err, "line %d", i+1)
			rc := ResultCode(n)
			assert.True(t, rc.Documented(), "code %d", n)
			assert.Equal(t, msg, rc.Message(), "code %d", n)
			codes = append(codes, rc)
		}
		goldenDiff(t, allCodes[:], codes)
	},
}

// goldenResponse is a 200 answer carrying body, for Client.decode.
func goldenResponse(body []byte) *transport.Response {
	return &transport.Response{StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {"application/json"}}, Body: body}
}

// goldenBulkFailed checks that a failed bulk call reports every sub_id failed
// with the batch's code and message.
func goldenBulkFailed(t *testing.T, f []byte, op string, call func(context.Context, *Client) (*BulkResult, error)) {
	t.Helper()
	c, _ := goldenClient(t, http.StatusUnprocessableEntity, f)
	res, err := call(goldenCtx(), c)
	require.Error(t, err)
	want := &BulkResult{Batches: 1}
	for _, id := range goldenBulkIDs {
		want.Failed = append(want.Failed, BulkFailure{SubID: id, Code: CodeSystemError, Message: "System error", Err: goldenErr(op, CodeSystemError, "System error")})
	}
	goldenDiff(t, want, res)
}

func goldenCheckPlans(t *testing.T, f []byte, path string, call func(context.Context, *Client) ([]Plan, error), want []Plan) {
	t.Helper()
	c, capt := goldenClient(t, http.StatusOK, f)
	got, err := call(context.Background(), c)
	require.NoError(t, err)
	req := capt.goldenOnly(t)
	assert.Equal(t, http.MethodGet, req.method)
	assert.Equal(t, "/baicellsapi"+path, req.path)
	assert.Empty(t, req.body, "GET queries carry no body")
	goldenDiff(t, want, got)
}

// goldenBulkCreateResponse checks the 200 bulk create example, which has no
// result_code and whose sub_ids are not those of the request example: the
// records sent here are the ones the answer lists.
func goldenBulkCreateResponse(t *testing.T, f []byte) {
	// The wire struct keeps everything the example carries, counts included.
	c, _ := goldenClient(t, http.StatusOK, f)
	var wire wireBulkCreateResp
	require.NoError(t, c.decode(routeBulkCreate, goldenSessionID, goldenResponse(f), &wire))
	wantWire := wireBulkCreateResp{
		envelope: envelope{SessionID: "198575111866"},
		Total:    200, Successful: 29, Unsuccessful: 171,
		SuccessList: []wireBulkItem{
			{SubID: "66268756728", IMSI: "601011010167723"},
			{SubID: "66268751752", IMSI: "601011010167747"},
		},
		FailList: []wireBulkItem{
			{SubID: "66268766671", IMSI: "601011000166666", ResultCode: "4302", ResultMessage: "imsi has been used."},
			{SubID: "66268866706aa", IMSI: "601011000166701", ResultCode: "5001", ResultMessage: "system error."},
			{SubID: "66268866707", IMSI: "601111000167702", ResultCode: "4001", ResultMessage: "sub_id conflict."},
		},
	}
	goldenDiff(t, wantWire, wire, cmp.AllowUnexported(wireBulkCreateResp{}))

	// The typed result maps the lists onto the records sent. The counts
	// (total, successful/unsuccessful quantity) are not part of it: they
	// describe the server's 200-record batch; the result accounts for every
	// record sent instead.
	req := []SubscriberCreateRequest{
		{Profile: Profile{ID: "66268756728"}, IMSI: "601011010167723"},
		{Profile: Profile{ID: "66268751752"}, IMSI: "601011010167747"},
		{Profile: Profile{ID: "66268766671"}, IMSI: "601011000166666"},
		{Profile: Profile{ID: "66268866706aa"}, IMSI: "601011000166701"},
		{Profile: Profile{ID: "66268866707"}, IMSI: "601111000167702"},
	}
	c, capt := goldenClient(t, http.StatusOK, f)
	got, err := c.Subscribers.BulkCreate(goldenCtx(), req, &BulkOptions{PlanID: "2016001"})
	require.NoError(t, err)
	assert.Equal(t, "/baicellsapi/customers/bulkcreate", capt.goldenOnly(t).path)
	// The answer's session_id (the example's) is each record's RequestID.
	recordErr := func(code ResultCode, msg string) *Error {
		return &Error{Op: "Subscribers.BulkCreate", HTTPStatus: http.StatusOK, Code: code, Message: msg, RequestID: "198575111866"}
	}
	want := &BulkCreateResult{
		Batches: 1,
		Created: []BulkCreated{
			{SubID: "66268756728", IMSI: "601011010167723"},
			{SubID: "66268751752", IMSI: "601011010167747"},
		},
		Failed: []BulkFailure{
			{SubID: "66268766671", IMSI: "601011000166666", Code: CodeIMSIInUse, Message: "imsi has been used.", Err: recordErr(CodeIMSIInUse, "imsi has been used.")},
			{SubID: "66268866706aa", IMSI: "601011000166701", Code: CodeSystemError, Message: "system error.", Err: recordErr(CodeSystemError, "system error.")},
			{SubID: "66268866707", IMSI: "601111000167702", Code: CodeSubIDConflict, Message: "sub_id conflict.", Err: recordErr(CodeSubIDConflict, "sub_id conflict.")},
		},
	}
	goldenDiff(t, want, got)
	// Each record's Err is an *Error matching its code's sentinel.
	assert.ErrorIs(t, got.Failed[0].Err, ErrIMSIInUse)
	assert.ErrorIs(t, got.Failed[0].Err, CodeIMSIInUse)
	assert.ErrorIs(t, got.Failed[1].Err, ErrSystem)
	assert.ErrorIs(t, got.Failed[2].Err, ErrSubscriberExists)
	assert.NotErrorIs(t, got.Failed[2].Err, ErrIMSIInUse)
}

func TestGoldenFixtures(t *testing.T) {
	entries, err := os.ReadDir(goldenDir)
	require.NoError(t, err)
	seen := make(map[string]bool)
	var names []string
	for _, e := range entries {
		name := e.Name()
		if name == "README.md" {
			continue
		}
		names = append(names, name)
	}
	sort.Strings(names)
	require.NotEmpty(t, names)
	for _, name := range names {
		seen[name] = true
		check, ok := goldenCases[name]
		if !ok {
			t.Errorf("%s: no golden case covers this file; add one to goldenCases", name)
			continue
		}
		fixture, err := os.ReadFile(filepath.Join(goldenDir, name))
		require.NoError(t, err)
		t.Run(strings.TrimSuffix(name, ".json"), func(t *testing.T) {
			if strings.HasSuffix(name, ".json") {
				require.True(t, json.Valid(fixture), "the fixture is not valid JSON")
			}
			check(t, fixture)
		})
	}
	for name := range goldenCases {
		if !seen[name] {
			t.Errorf("golden case %s has no file in %s", name, goldenDir)
		}
	}
	// The README lists 67 JSON examples; keep the count in step with it.
	var examples int
	for _, name := range names {
		if strings.HasSuffix(name, ".json") {
			examples++
		}
	}
	assert.Equal(t, 67, examples, "JSON examples in %s", goldenDir)
}

// TestGoldenErrorText checks that the text of an example error names the
// operation, the code, the server's message, the status and the session_id.
func TestGoldenErrorText(t *testing.T) {
	f, err := os.ReadFile(filepath.Join(goldenDir, "2.1.04_bind_imsi_error.json"))
	require.NoError(t, err)
	c, _ := goldenClient(t, http.StatusUnprocessableEntity, f)
	err = goldenBindIMSI(goldenCtx(), c)
	require.Error(t, err)
	assert.Equal(t, "baicells: Subscribers.BindIMSI: result_code 4301 (IMIS formate error) [HTTP 422, session_id 2016123456]", err.Error())
	assert.False(t, errors.Is(err, ErrIMSIInUse))
}
