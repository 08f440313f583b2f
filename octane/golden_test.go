package octane

// Golden tests: every file of testdata/octane (wire shapes reconstructed from
// octane-notes.md, see its README.md) goes through the typed client. Request
// files must equal what the client sends (XML compared as namespace-resolved
// token streams, JSON with JSONEq); answer files are served by an httptest
// server and must decode, through the public calls, into hand-written values
// (never the output of the decoder under test), with no value of the file
// left unread; failure files must give the expected *Error and sentinels.

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goldenDir holds the reconstructed wire shapes (see its README.md).
const goldenDir = "../testdata/octane"

// The credentials and customer of every request file.
const (
	goldenUser     = "golden-user"
	goldenPassword = "golden-pw"
	goldenCust     = "10001234"
)

const (
	goldenXMLType  = "text/xml; charset=utf-8"
	goldenJSONType = "application/json"
	goldenHTMLType = "text/html"
)

// The inputs of the request files.
var (
	goldenNewPool = PoolCreateRequest{
		CustNo: goldenCust, ProviderPlanID: "WME-POOL-100GB", PoolName: "Fleet Pool",
		Department: "Operations", Notes: "Created by ispkit", NotificationEmail: "noc@example.com",
	}
	goldenConsumers = []string{"0412000001", "0412000002"}
	goldenPoolRef   = PoolRef{CustNo: goldenCust, LineSeqNo: "3"}
	goldenTransfer  = TransferRequest{From: goldenPoolRef, ToProviderID: "PRV-77002", ToLineSeqNo: "8", ServiceNumbers: goldenConsumers}
	goldenLimits    = []ConsumerLimit{
		{CustNo: goldenCust, LineSeqNo: "11", Limit: 10737418240}, // 10 GB
		{CustNo: goldenCust, LineSeqNo: "12", Limit: 536870912},   // 512 MB
	}
)

// goldenSentinels are every sentinel of the package, for the "and no other"
// half of the sentinel checks.
var goldenSentinels = []error{
	ErrAuthFailed, ErrPoolNotEmpty, ErrUnknownOrder, ErrUnknownService, ErrUnknownPool,
	ErrFault, ErrOrderFailed, ErrLimitRequired, ErrInvalidInput, ErrBadResponse,
}

type goldenRequest struct {
	method, path, rawQuery string
	header                 http.Header
	body                   []byte
}

// goldenCapture records the requests a golden server received.
type goldenCapture struct {
	mu   sync.Mutex
	reqs []goldenRequest
}

func (g *goldenCapture) only(t *testing.T) goldenRequest {
	t.Helper()
	g.mu.Lock()
	defer g.mu.Unlock()
	require.Len(t, g.reqs, 1, "requests received")
	return g.reqs[0]
}

// goldenClient starts a server answering every request with status, content
// type and body, and a client for it: SOAP under /tiab, REST under /tiab/api,
// no retries, dates in UTC, polls every millisecond.
func goldenClient(t *testing.T, status int, contentType string, body []byte) (*Client, *goldenCapture) {
	t.Helper()
	capt := &goldenCapture{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		capt.mu.Lock()
		capt.reqs = append(capt.reqs, goldenRequest{method: r.Method, path: r.URL.Path, rawQuery: r.URL.RawQuery, header: r.Header.Clone(), body: b})
		capt.mu.Unlock()
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(status)
		_, _ = w.Write(body)
	}))
	t.Cleanup(srv.Close)
	c, err := New(Credentials{Username: goldenUser, Password: NewSecret(goldenPassword)},
		WithSOAPBaseURL(srv.URL+"/tiab"), WithRESTBaseURL(srv.URL+"/tiab/api"),
		WithRetry(RetryPolicy{MaxAttempts: 1}), WithLocation(time.UTC),
		WithPollInterval(time.Millisecond, time.Millisecond))
	require.NoError(t, err)
	return c, capt
}

func goldenRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(goldenDir, name))
	require.NoError(t, err)
	return b
}

// goldenDiff fails the test when want and got differ, reported as (-want +got).
func goldenDiff(t *testing.T, want, got any, opts ...cmp.Option) {
	t.Helper()
	// Error's unexported field is behaviour, checked through its sentinels.
	opts = append(opts, cmpopts.IgnoreUnexported(Error{}))
	if d := cmp.Diff(want, got, opts...); d != "" {
		t.Errorf("mismatch (-want +got):\n%s", d)
	}
}

// goldenCheckErr checks that err is an *Error equal to want (its Err compared
// with errors.Is), that it matches exactly the sentinels listed, and that its
// text can be built.
func goldenCheckErr(t *testing.T, err error, want *Error, sentinels ...error) {
	t.Helper()
	require.Error(t, err)
	var e *Error
	require.ErrorAs(t, err, &e, "error %T: %v", err, err)
	goldenDiff(t, *want, *e, cmpopts.EquateErrors())
	goldenSentinelsExactly(t, err, sentinels...)
	assert.NotEmpty(t, err.Error())
}

// goldenSentinelsExactly: errors.Is holds for the sentinels listed and for no
// other sentinel of the package.
func goldenSentinelsExactly(t *testing.T, err error, sentinels ...error) {
	t.Helper()
	for _, s := range goldenSentinels {
		want := false
		for _, w := range sentinels {
			if w == s {
				want = true
			}
		}
		assert.Equal(t, want, errors.Is(err, s), "errors.Is(err, %q) for %v", s, err)
	}
}

// ---- canonical XML ----

// goldenXMLTokens is a document as a list of namespace-resolved tokens:
// elements as <{namespace}local attr=value…>, text trimmed, whitespace-only
// text, comments, processing instructions and namespace declarations dropped.
// Prefixes do not matter; namespaces, order and text do.
func goldenXMLTokens(t *testing.T, b []byte) []string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var out []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		require.NoError(t, err, "XML: %s", b)
		switch tk := tok.(type) {
		case xml.StartElement:
			var attrs []string
			for _, a := range tk.Attr {
				if a.Name.Space == "xmlns" || (a.Name.Space == "" && a.Name.Local == "xmlns") {
					continue
				}
				attrs = append(attrs, fmt.Sprintf(" {%s}%s=%q", a.Name.Space, a.Name.Local, a.Value))
			}
			sort.Strings(attrs)
			out = append(out, "<{"+tk.Name.Space+"}"+tk.Name.Local+strings.Join(attrs, "")+">")
		case xml.EndElement:
			out = append(out, "</{"+tk.Name.Space+"}"+tk.Name.Local+">")
		case xml.CharData:
			if s := strings.TrimSpace(string(tk)); s != "" {
				out = append(out, "text:"+s)
			}
		}
	}
}

var goldenDate = regexp.MustCompile(`^text:(\d{4}-\d{2}-\d{2})$`)

// goldenNormaliseDates replaces the text of every custReqDate with DATE. When
// sent is set, the date must be within a day of now (the client writes
// today's date in its location).
func goldenNormaliseDates(t *testing.T, toks []string, sent bool) {
	t.Helper()
	for i := 1; i < len(toks); i++ {
		if toks[i-1] != "<{}custReqDate>" {
			continue
		}
		m := goldenDate.FindStringSubmatch(toks[i])
		require.NotNil(t, m, "custReqDate %q is not YYYY-MM-DD", toks[i])
		d, err := time.Parse("2006-01-02", m[1])
		require.NoError(t, err)
		if sent {
			assert.WithinDuration(t, time.Now().UTC(), d, 48*time.Hour, "custReqDate %s is not today", m[1])
		}
		toks[i] = "text:DATE"
	}
}

// goldenXMLEqual compares a request file with the body sent.
func goldenXMLEqual(t *testing.T, fixture, sent []byte) {
	t.Helper()
	want, got := goldenXMLTokens(t, fixture), goldenXMLTokens(t, sent)
	goldenNormaliseDates(t, want, false)
	goldenNormaliseDates(t, got, true)
	goldenDiff(t, want, got)
}

// ---- nothing lost ----

// goldenLeaf is one value of an answer file: its path and its text.
type goldenLeaf struct{ path, value string }

// goldenXMLLeaves lists the text of every leaf element inside the SOAP Body,
// by path of local names under the Body.
func goldenXMLLeaves(t *testing.T, b []byte) []goldenLeaf {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var (
		stack  []string
		text   []string
		parent []bool // the element has child elements
		out    []goldenLeaf
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		require.NoError(t, err)
		switch tk := tok.(type) {
		case xml.StartElement:
			if len(parent) > 0 {
				parent[len(parent)-1] = true
			}
			stack = append(stack, tk.Name.Local)
			text = append(text, "")
			parent = append(parent, false)
		case xml.CharData:
			if len(text) > 0 {
				text[len(text)-1] += string(tk)
			}
		case xml.EndElement:
			n := len(stack) - 1
			if v := strings.TrimSpace(text[n]); !parent[n] && v != "" && n >= 2 { // under Envelope/Body
				out = append(out, goldenLeaf{strings.Join(stack[2:], "/"), v})
			}
			stack, text, parent = stack[:n], text[:n], parent[:n]
		}
	}
}

// goldenJSONLeaves lists every scalar of a JSON answer by path.
func goldenJSONLeaves(t *testing.T, b []byte) []goldenLeaf {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	require.NoError(t, dec.Decode(&v))
	var out []goldenLeaf
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch x := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				walk(strings.TrimPrefix(path+"/"+k, "/"), x[k])
			}
		case []any:
			for i, e := range x {
				walk(path+"/"+strconv.Itoa(i), e)
			}
		case string:
			if x != "" {
				out = append(out, goldenLeaf{path, x})
			}
		case json.Number:
			out = append(out, goldenLeaf{path, x.String()})
		case bool:
			out = append(out, goldenLeaf{path, strconv.FormatBool(x)})
		}
	}
	walk("", v)
	return out
}

// goldenRender writes every string, number, Stringer and error text reachable
// from v, following pointers and interfaces (fmt's %#v stops at them).
func goldenRender(v any) string {
	var b strings.Builder
	var walk func(reflect.Value)
	walk = func(v reflect.Value) {
		if !v.IsValid() {
			return
		}
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if v.IsNil() {
				return
			}
		}
		if v.CanInterface() {
			switch x := v.Interface().(type) {
			case error:
				b.WriteString(x.Error() + "\n")
			case fmt.Stringer:
				b.WriteString(x.String() + "\n")
			}
		}
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			walk(v.Elem())
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				walk(v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.String:
			b.WriteString(v.String() + "\n")
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			b.WriteString(strconv.FormatInt(v.Int(), 10) + "\n")
		}
	}
	walk(reflect.ValueOf(v))
	return b.String()
}

// goldenNothingLost checks that every value of the file shows up in what the
// client returned (got: results, errors or both). errorCode 0 and success
// flags are the frame, represented by the outcome itself. dropped lists the
// paths the client is known not to keep, each with the reason in the caller;
// every one must exist in the file.
func goldenNothingLost(t *testing.T, leaves []goldenLeaf, got any, dropped ...string) {
	t.Helper()
	require.NotEmpty(t, leaves, "the file has no values")
	rendered := goldenRender(got)
	isDropped := make(map[string]bool)
	for _, d := range dropped {
		isDropped[d] = true
	}
	found := make(map[string]bool)
	for _, l := range leaves {
		last := l.path[strings.LastIndexByte(l.path, '/')+1:]
		switch {
		case last == "errorCode" && l.value == "0", last == "success":
			continue
		case isDropped[l.path]:
			found[l.path] = true
			continue
		}
		assert.Contains(t, rendered, l.value, "the file's %s (%q) is lost", l.path, l.value)
	}
	for _, d := range dropped {
		assert.True(t, found[d], "dropped path %s is not in the file", d)
	}
}

// ---- the operations ----

// goldenOp is one typed call, with what its errors carry.
type goldenOp struct {
	name    string // Error.Op
	layer   Layer
	path    string // the request path on the server
	orderID string // Error.OrderID of a failure
	call    func(context.Context, *Client) error
}

func goldenSOAPOps() []goldenOp {
	return []goldenOp{
		{"orderCreate", SOAP, "/tiab/UtbOrder", "", func(ctx context.Context, c *Client) error {
			_, err := c.Orders.CreateDataPool(ctx, goldenNewPool)
			return err
		}},
		{"orderQuery", SOAP, "/tiab/UtbOrder", "5000001", func(ctx context.Context, c *Client) error {
			_, err := c.Orders.Query(ctx, "5000001")
			return err
		}},
		{"getServiceDetail", SOAP, "/tiab/UtbServiceV3", "", func(ctx context.Context, c *Client) error {
			_, err := c.Services.Detail(ctx, goldenCust, "0491000001")
			return err
		}},
		{"orderCreateBulk", SOAP, "/tiab/UtbOrder", "", func(ctx context.Context, c *Client) error {
			_, err := c.Orders.AddConsumers(ctx, goldenCust, "PRV-77001", goldenConsumers...)
			return err
		}},
		{"orderCreateBulk", SOAP, "/tiab/UtbOrder", "", func(ctx context.Context, c *Client) error {
			_, err := c.Orders.RemoveConsumers(ctx, goldenCust, goldenConsumers...)
			return err
		}},
		{"orderReset", SOAP, "/tiab/UtbOrder", "5000009", func(ctx context.Context, c *Client) error {
			return c.Orders.Reset(ctx, "5000009")
		}},
		{"queryBalanceV3", SOAP, "/tiab/UtbMobile", "", func(ctx context.Context, c *Client) error {
			_, err := c.Services.Balance(ctx, goldenCust, "11")
			return err
		}},
	}
}

func goldenRESTOps() []goldenOp {
	return []goldenOp{
		{"GET /v1/datapool", REST, "/tiab/api/v1/datapool", "", func(ctx context.Context, c *Client) error {
			_, err := c.DataPools.Get(ctx, goldenPoolRef)
			return err
		}},
		{"POST /v1/datapool/transfer", REST, "/tiab/api/v1/datapool/transfer", "", func(ctx context.Context, c *Client) error {
			_, err := c.DataPools.Transfer(ctx, goldenTransfer)
			return err
		}},
		{"POST /v1/datapool/modify-consumer-data-limit", REST, "/tiab/api/v1/datapool/modify-consumer-data-limit", "", func(ctx context.Context, c *Client) error {
			_, err := c.DataPools.SetDataLimits(ctx, goldenLimits...)
			return err
		}},
		{"POST /v1/datapool/disconnect", REST, "/tiab/api/v1/datapool/disconnect", "", func(ctx context.Context, c *Client) error {
			_, err := c.DataPools.Disconnect(ctx, goldenPoolRef)
			return err
		}},
	}
}

// goldenCheckSOAPRequest runs call against a server answering reply and
// compares the body sent with the request file.
func goldenCheckSOAPRequest(t *testing.T, fixture []byte, path, reply string, call func(context.Context, *Client) error) {
	t.Helper()
	c, capt := goldenClient(t, http.StatusOK, goldenXMLType, goldenRead(t, reply))
	require.NoError(t, call(context.Background(), c))
	got := capt.only(t)
	assert.Equal(t, http.MethodPost, got.method)
	assert.Equal(t, path, got.path)
	assert.Empty(t, got.rawQuery)
	goldenXMLEqual(t, fixture, got.body)
}

// goldenCheckRESTRequest is the same for a REST POST.
func goldenCheckRESTRequest(t *testing.T, fixture []byte, path, reply string, call func(context.Context, *Client) error) {
	t.Helper()
	c, capt := goldenClient(t, http.StatusOK, goldenJSONType, goldenRead(t, reply))
	require.NoError(t, call(context.Background(), c))
	got := capt.only(t)
	assert.Equal(t, http.MethodPost, got.method)
	assert.Equal(t, path, got.path)
	assert.Empty(t, got.rawQuery)
	assert.JSONEq(t, string(fixture), string(got.body))
}

// goldenEachOp serves the file with status to every op and checks the error
// built by want.
func goldenEachOp(t *testing.T, ops []goldenOp, status int, contentType string, fixture []byte, want func(goldenOp) *Error, sentinels ...error) {
	t.Helper()
	for i, op := range ops {
		t.Run(fmt.Sprintf("%d_%s_%d", i, strings.NewReplacer(" ", "_", "/", "_").Replace(op.name), status), func(t *testing.T) {
			c, capt := goldenClient(t, status, contentType, fixture)
			err := op.call(context.Background(), c)
			assert.Equal(t, op.path, capt.only(t).path)
			goldenCheckErr(t, err, want(op), sentinels...)
		})
	}
}

// goldenFailure is the *Error of an answer with a non-zero errorCode.
func goldenFailure(layer Layer, op string, status, code int, msg, orderID string) *Error {
	return &Error{Layer: layer, Op: op, HTTPStatus: status, Code: code, Message: msg, OrderID: orderID}
}

// goldenCases covers every file of goldenDir, by name.
var goldenCases = map[string]func(t *testing.T, f []byte){
	// ---- SOAP requests ----
	"soap_orderCreate_request.xml": func(t *testing.T, f []byte) {
		goldenCheckSOAPRequest(t, f, "/tiab/UtbOrder", "soap_orderCreate_response.xml", goldenSOAPOps()[0].call)
	},
	"soap_orderQuery_request.xml": func(t *testing.T, f []byte) {
		goldenCheckSOAPRequest(t, f, "/tiab/UtbOrder", "soap_orderQuery_response.xml", goldenSOAPOps()[1].call)
	},
	"soap_getServiceDetail_request.xml": func(t *testing.T, f []byte) {
		goldenCheckSOAPRequest(t, f, "/tiab/UtbServiceV3", "soap_getServiceDetail_response.xml", goldenSOAPOps()[2].call)
	},
	"soap_orderCreateBulk_optin_request.xml": func(t *testing.T, f []byte) {
		goldenCheckSOAPRequest(t, f, "/tiab/UtbOrder", "soap_orderCreateBulk_optin_response.xml", goldenSOAPOps()[3].call)
	},
	"soap_orderCreateBulk_optout_request.xml": func(t *testing.T, f []byte) {
		goldenCheckSOAPRequest(t, f, "/tiab/UtbOrder", "soap_orderCreateBulk_optout_response.xml", goldenSOAPOps()[4].call)
	},
	"soap_queryBalanceV3_request.xml": func(t *testing.T, f []byte) {
		goldenCheckSOAPRequest(t, f, "/tiab/UtbMobile", "soap_queryBalanceV3_response.xml", goldenSOAPOps()[6].call)
	},
	"soap_orderReset_request.xml": func(t *testing.T, f []byte) {
		goldenCheckSOAPRequest(t, f, "/tiab/UtbOrder", "soap_orderReset_response.xml", goldenSOAPOps()[5].call)
	},

	// ---- SOAP answers ----
	"soap_orderCreate_response.xml": func(t *testing.T, f []byte) {
		c, _ := goldenClient(t, http.StatusOK, goldenXMLType, f)
		id, err := c.Orders.CreateDataPool(context.Background(), goldenNewPool)
		require.NoError(t, err)
		assert.Equal(t, "5000001", id)
		goldenNothingLost(t, goldenXMLLeaves(t, f), id)
	},
	"soap_orderCreate_error.xml": func(t *testing.T, f []byte) {
		c, _ := goldenClient(t, http.StatusOK, goldenXMLType, f)
		id, err := c.Orders.CreateDataPool(context.Background(), goldenNewPool)
		assert.Empty(t, id)
		// The refused order's id is kept on the error.
		goldenCheckErr(t, err, goldenFailure(SOAP, "orderCreate", 200, 17, "Plan WME-POOL-100GB is not a data pool provider plan", "5000002"))
		assert.Equal(t, "octane: SOAP orderCreate: errorCode 17 (Plan WME-POOL-100GB is not a data pool provider plan) [HTTP 200, order 5000002]", err.Error())
		goldenNothingLost(t, goldenXMLLeaves(t, f), err)
	},
	"soap_orderQuery_response.xml": func(t *testing.T, f []byte) {
		want := &Order{
			ID: "5000001", Status: OrderCommitted, Action: "ADD_WME_NEW",
			CreatedOn: "2026-11-23T10:00:00+11:00", PoolServiceNumber: "0491000001",
		}
		c, _ := goldenClient(t, http.StatusOK, goldenXMLType, f)
		got, err := c.Orders.Query(context.Background(), "5000001")
		require.NoError(t, err)
		goldenDiff(t, want, got)
		goldenNothingLost(t, goldenXMLLeaves(t, f), got)

		// A finished order ends Wait at once.
		got, err = c.Orders.Wait(context.Background(), "5000001", nil)
		require.NoError(t, err)
		goldenDiff(t, want, got)

		// CallSOAP reads the same <return> into the caller's own struct.
		var raw struct {
			Order struct {
				ID     string `xml:"orderId"`
				Status string `xml:"internalStatus"`
				MSN    string `xml:"orderItems>wmeNewReqItem>msn"`
			} `xml:"orderQueryResponse"`
		}
		require.NoError(t, c.CallSOAP(context.Background(), pathOrder, nsOrder, "orderQuery", true, &raw, xmlOrderRequest{OrderID: "5000001"}))
		assert.Equal(t, "5000001", raw.Order.ID)
		assert.Equal(t, "COMMITTED", raw.Order.Status)
		assert.Equal(t, "0491000001", raw.Order.MSN)
	},
	"soap_orderQuery_success_response.xml": func(t *testing.T, f []byte) {
		// SUCCESS, like COMMITTED, is a done order; planName is kept.
		want := &Order{
			ID: "5000011", Status: OrderSuccess, Action: "WME_OPT_IN_CONSUMER",
			CreatedOn: "2026-11-23T10:05:00+11:00", PlanName: "Data Pool Consumer 5GB",
		}
		c, capt := goldenClient(t, http.StatusOK, goldenXMLType, f)
		got, err := c.Orders.Query(context.Background(), "5000011")
		require.NoError(t, err)
		goldenDiff(t, want, got)
		assert.True(t, got.Status.Done())
		assert.False(t, got.Status.Failed())
		goldenNothingLost(t, goldenXMLLeaves(t, f), got)

		got, err = c.Orders.Wait(context.Background(), "5000011", nil)
		require.NoError(t, err)
		goldenDiff(t, want, got)
		capt.mu.Lock()
		assert.Len(t, capt.reqs, 2, "a done order ends Wait at the first query")
		capt.mu.Unlock()
	},
	"soap_orderQuery_failed_order_response.xml": func(t *testing.T, f []byte) {
		want := &Order{
			ID: "5000012", Status: OrderFailed, Action: "WME_OPT_IN_CONSUMER",
			Message:   "Service 0412000002 is not on a data pool consumer plan",
			CreatedOn: "2026-11-23T10:05:00+11:00",
		}
		c, _ := goldenClient(t, http.StatusOK, goldenXMLType, f)
		got, err := c.Orders.Query(context.Background(), "5000012")
		require.NoError(t, err, "a failed order is an answer, not a failed query")
		goldenDiff(t, want, got)
		assert.True(t, got.Status.Failed())
		goldenNothingLost(t, goldenXMLLeaves(t, f), got)

		got, err = c.Orders.Wait(context.Background(), "5000012", nil)
		goldenDiff(t, want, got)
		goldenCheckErr(t, err, &Error{
			Op: "Orders.Wait", OrderID: "5000012", Err: ErrOrderFailed,
			Message: "order FAILED (Service 0412000002 is not on a data pool consumer plan)",
		}, ErrOrderFailed)
	},
	"soap_orderQuery_error.xml": func(t *testing.T, f []byte) {
		want := goldenFailure(SOAP, "orderQuery", 200, 1, "Order 5999999 not found", "5999999")
		c, capt := goldenClient(t, http.StatusOK, goldenXMLType, f)
		got, err := c.Orders.Query(context.Background(), "5999999")
		assert.Nil(t, got)
		goldenCheckErr(t, err, want, ErrUnknownOrder)
		goldenNothingLost(t, goldenXMLLeaves(t, f), err)
		capt.only(t)

		// An unknown order ends a wait at once: one more query, no polling.
		got, err = c.Orders.Wait(context.Background(), "5999999", nil)
		assert.Nil(t, got)
		goldenCheckErr(t, err, want, ErrUnknownOrder)
		capt.mu.Lock()
		assert.Len(t, capt.reqs, 2)
		capt.mu.Unlock()
	},
	"soap_getServiceDetail_response.xml": func(t *testing.T, f []byte) {
		c, _ := goldenClient(t, http.StatusOK, goldenXMLType, f)
		got, err := c.Services.Detail(context.Background(), goldenCust, "0491000001")
		require.NoError(t, err)
		goldenDiff(t, &ServiceDetail{
			CustNo: goldenCust, ServiceNumber: "0491000001", LineSeqNo: "3", Status: "ACTIVE", PlanNo: "WME-POOL-100GB",
		}, got)
		goldenNothingLost(t, goldenXMLLeaves(t, f), got)
	},
	"soap_getServiceDetail_error.xml": func(t *testing.T, f []byte) {
		c, _ := goldenClient(t, http.StatusOK, goldenXMLType, f)
		got, err := c.Services.Detail(context.Background(), goldenCust, "0499999999")
		assert.Nil(t, got)
		goldenCheckErr(t, err, goldenFailure(SOAP, "getServiceDetail", 200, 2, "Service 0499999999 not found for customer 10001234", ""), ErrUnknownService)
		goldenNothingLost(t, goldenXMLLeaves(t, f), err)
	},
	// Steps 4 and 8 in both shapes: inside <return> and, as a public client
	// reads the real server's, directly under orderCreateBulkResponse.
	"soap_orderCreateBulk_optin_response.xml":                    goldenBulkOptIn,
	"soap_orderCreateBulk_optin_unwrapped_response.xml":          goldenBulkOptIn,
	"soap_orderCreateBulk_optin_rejected_response.xml":           goldenBulkOptInRejected,
	"soap_orderCreateBulk_optin_rejected_unwrapped_response.xml": goldenBulkOptInRejected,
	"soap_orderCreateBulk_optout_response.xml":                   goldenBulkOptOut,
	"soap_orderCreateBulk_optout_unwrapped_response.xml":         goldenBulkOptOut,
	"soap_orderCreateBulk_error.xml": func(t *testing.T, f []byte) {
		ops := goldenSOAPOps()[3:5] // AddConsumers, RemoveConsumers
		goldenEachOp(t, ops, http.StatusOK, goldenXMLType, f, func(op goldenOp) *Error {
			return goldenFailure(SOAP, op.name, 200, 5, "Invalid login: user name or password is incorrect", "")
		}, ErrAuthFailed)
		c, _ := goldenClient(t, http.StatusOK, goldenXMLType, f)
		res, err := c.Orders.AddConsumers(context.Background(), goldenCust, "PRV-77001", goldenConsumers...)
		assert.Nil(t, res)
		goldenNothingLost(t, goldenXMLLeaves(t, f), err)
	},
	"soap_queryBalanceV3_response.xml": func(t *testing.T, f []byte) {
		c, _ := goldenClient(t, http.StatusOK, goldenXMLType, f)
		got, err := c.Services.Balance(context.Background(), goldenCust, "11")
		require.NoError(t, err)
		goldenDiff(t, &ServiceBalance{CustNo: goldenCust, LineSeqNo: "11", Balances: []Balance{
			{Type: "DATA", AllowanceText: "10737418240", UsedText: "1342177280", Allowance: GB(10), Used: GB(1.25), Sized: true},
			{Type: "VOICE", AllowanceText: "Unlimited", UsedText: "125"},
			{Type: "DATA", AllowanceText: "2147483648", UsedText: "0", Allowance: GB(2), Used: 0, Sized: true},
		}}, got)
		allowance, used, ok := got.Data()
		assert.True(t, ok)
		assert.Equal(t, GB(12), allowance)
		assert.Equal(t, GB(1.25), used)
		goldenNothingLost(t, goldenXMLLeaves(t, f), got)
	},
	"soap_queryBalanceV3_formatted_response.xml": func(t *testing.T, f []byte) {
		c, _ := goldenClient(t, http.StatusOK, goldenXMLType, f)
		got, err := c.Services.Balance(context.Background(), goldenCust, "11")
		require.NoError(t, err)
		goldenDiff(t, &ServiceBalance{CustNo: goldenCust, LineSeqNo: "11", Balances: []Balance{
			{Type: "DATA", AllowanceText: "5 GB", UsedText: "1.25 GB", Allowance: GB(5), Used: GB(1.25), Sized: true},
			{Type: "DATA", AllowanceText: "Unlimited", UsedText: "300.5"},
		}}, got)
		_, _, ok := got.Data()
		assert.False(t, ok, "one DATA balance cannot be read: no total")
		goldenNothingLost(t, goldenXMLLeaves(t, f), got)
	},
	"soap_queryBalanceV3_error.xml": func(t *testing.T, f []byte) {
		c, _ := goldenClient(t, http.StatusOK, goldenXMLType, f)
		got, err := c.Services.Balance(context.Background(), goldenCust, "99")
		assert.Nil(t, got)
		goldenCheckErr(t, err, goldenFailure(SOAP, "queryBalanceV3", 200, 2, "Service with lineSeqNo 99 not found for customer 10001234", ""), ErrUnknownService)
		goldenNothingLost(t, goldenXMLLeaves(t, f), err)
	},
	"soap_orderReset_response.xml": func(t *testing.T, f []byte) {
		c, capt := goldenClient(t, http.StatusOK, goldenXMLType, f)
		require.NoError(t, c.Orders.Reset(context.Background(), "5000009"))
		assert.Equal(t, "/tiab/UtbOrder", capt.only(t).path)
		// The file carries only errorCode 0: nothing else to keep.
		assert.Equal(t, []goldenLeaf{{"orderResetResponse/return/errorCode", "0"}}, goldenXMLLeaves(t, f))
	},
	"soap_orderReset_error.xml": func(t *testing.T, f []byte) {
		c, _ := goldenClient(t, http.StatusOK, goldenXMLType, f)
		err := c.Orders.Reset(context.Background(), "5000009")
		goldenCheckErr(t, err, goldenFailure(SOAP, "orderReset", 200, 3, "Order 5000009 is not in a failed state", "5000009"))
		goldenNothingLost(t, goldenXMLLeaves(t, f), err)
	},

	// ---- SOAP Faults, served with HTTP 500 to every SOAP operation ----
	"soap_fault_detail.xml": func(t *testing.T, f []byte) {
		detail := "<ns2:AuthenticationException xmlns:ns2=\"http://order.frontend.ws.utilibill.com.au/\">\n" +
			"          <message>WS-AUTH-401 login rejected</message>\n        </ns2:AuthenticationException>"
		goldenEachOp(t, goldenSOAPOps(), http.StatusInternalServerError, goldenXMLType, f, func(op goldenOp) *Error {
			return &Error{Layer: SOAP, Op: op.name, HTTPStatus: 500, FaultCode: "S:Server", Message: "Authentication failed for user golden-user", OrderID: op.orderID, Body: detail}
		}, ErrFault, ErrAuthFailed)
		c, _ := goldenClient(t, http.StatusInternalServerError, goldenXMLType, f)
		_, err := c.Orders.Query(context.Background(), "5000001")
		assert.Equal(t, "octane: SOAP orderQuery: SOAP fault S:Server (Authentication failed for user golden-user) [HTTP 500, order 5000001]: body: "+detail, err.Error())
		goldenNothingLost(t, goldenXMLLeaves(t, f), err)
	},
	"soap_fault_detail_only.xml": func(t *testing.T, f []byte) {
		detail := `<ns2:ValidationException xmlns:ns2="http://order.frontend.ws.utilibill.com.au/"><message>custNo 10001234 is not valid for this account</message></ns2:ValidationException>`
		goldenEachOp(t, goldenSOAPOps(), http.StatusInternalServerError, goldenXMLType, f, func(op goldenOp) *Error {
			return &Error{Layer: SOAP, Op: op.name, HTTPStatus: 500, FaultCode: "S:Client", Body: detail, OrderID: op.orderID}
		}, ErrFault)
		c, _ := goldenClient(t, http.StatusInternalServerError, goldenXMLType, f)
		err := c.Orders.Reset(context.Background(), "5000009")
		goldenNothingLost(t, goldenXMLLeaves(t, f), err)
	},
	"soap_fault_code_only.xml": func(t *testing.T, f []byte) {
		goldenEachOp(t, goldenSOAPOps(), http.StatusInternalServerError, goldenXMLType, f, func(op goldenOp) *Error {
			return &Error{Layer: SOAP, Op: op.name, HTTPStatus: 500, FaultCode: "S:Client", OrderID: op.orderID}
		}, ErrFault)
		c, _ := goldenClient(t, http.StatusInternalServerError, goldenXMLType, f)
		_, err := c.Services.Detail(context.Background(), goldenCust, "0491000001")
		assert.Equal(t, "octane: SOAP getServiceDetail: SOAP fault S:Client [HTTP 500]", err.Error())
		goldenNothingLost(t, goldenXMLLeaves(t, f), err)
	},
	"soap_fault_empty.xml": func(t *testing.T, f []byte) {
		// Nothing to report but the answer itself: a Fault and a bad response.
		goldenEachOp(t, goldenSOAPOps(), http.StatusInternalServerError, goldenXMLType, f, func(op goldenOp) *Error {
			return &Error{Layer: SOAP, Op: op.name, HTTPStatus: 500, Body: strings.TrimSpace(string(f)), OrderID: op.orderID, Err: ErrBadResponse}
		}, ErrFault, ErrBadResponse)
		assert.Empty(t, goldenXMLLeaves(t, f))
	},

	// ---- REST requests ----
	"rest_transfer_request.json": func(t *testing.T, f []byte) {
		goldenCheckRESTRequest(t, f, "/tiab/api/v1/datapool/transfer", "rest_transfer_response.json", goldenRESTOps()[1].call)
	},
	"rest_modify_consumer_data_limit_request.json": func(t *testing.T, f []byte) {
		goldenCheckRESTRequest(t, f, "/tiab/api/v1/datapool/modify-consumer-data-limit", "rest_modify_consumer_data_limit_response.json", goldenRESTOps()[2].call)
	},
	"rest_disconnect_request.json": func(t *testing.T, f []byte) {
		goldenCheckRESTRequest(t, f, "/tiab/api/v1/datapool/disconnect", "rest_disconnect_response.json", goldenRESTOps()[3].call)
	},

	// ---- REST answers ----
	"rest_datapool_response.json": func(t *testing.T, f []byte) {
		goldenCheckPool(t, f, &DataPool{
			PoolRef: goldenPoolRef, ProviderID: "PRV-77001", ServiceNumber: "0491000001", Status: PoolOptedIn,
			MaxCap: 107374182400, MaxCapText: "100 GB", Usage: 13421772800, UsageText: "12.5 GB",
			Consumers: []Consumer{},
		})
	},
	"rest_datapool_success_string_response.json": func(t *testing.T, f []byte) {
		goldenCheckPool(t, f, &DataPool{
			PoolRef: goldenPoolRef, ProviderID: "PRV-77002", ServiceNumber: "0491000002", Status: PoolOptedInPending,
			MaxCap: 53687091200, MaxCapText: "50 GB", Usage: 0, UsageText: "0 B",
			Consumers: []Consumer{},
		})
	},
	"rest_datapool_consumers_response.json": func(t *testing.T, f []byte) {
		got := goldenCheckPool(t, f, &DataPool{
			PoolRef: goldenPoolRef, ProviderID: "PRV-77001", ServiceNumber: "0491000001", Status: PoolOptedIn,
			MaxCap: 107374182400, MaxCapText: "100 GB", Usage: 13421772800, UsageText: "12.5 GB",
			Consumers: []Consumer{
				{ServiceNumber: "0412000001", LineSeqNo: "11", Status: PoolOptedIn,
					DataLimit: 10737418240, DataLimitText: "10 GB", DataUsage: 1342177280, DataUsageText: "1.25 GB"},
				{ServiceNumber: "0412000002", LineSeqNo: "12", Status: PoolOptedInPending,
					DataLimit: 0, DataLimitText: "", DataUsage: 0, DataUsageText: "0 B"},
				{ServiceNumber: "0412000003", LineSeqNo: "13", Status: PoolOptedOut,
					DataLimit: 536870912, DataLimitText: "512 MB", DataUsage: 314572800, DataUsageText: "300 MB"},
			},
		})
		var active []bool
		for _, c := range got.Consumers {
			active = append(active, c.Active())
		}
		assert.Equal(t, []bool{true, true, false}, active)
	},
	"rest_datapool_consumers_success_string_response.json": func(t *testing.T, f []byte) {
		goldenCheckPool(t, f, &DataPool{
			PoolRef: goldenPoolRef, ProviderID: "PRV-77003", ServiceNumber: "0491000003", Status: PoolOptedOutPending,
			MaxCap: 1099511627776, MaxCapText: "1 TB", Usage: 805306368000, UsageText: "750 GB",
			Consumers: []Consumer{
				{ServiceNumber: "0412000031", LineSeqNo: "31", Status: PoolOptedOutPending,
					DataLimit: 2147483648, DataLimitText: "2 GB", DataUsage: 2147483648, DataUsageText: "2048 MB"},
			},
		})
	},
	"rest_datapool_not_found.json": func(t *testing.T, f []byte) {
		for _, status := range []int{http.StatusOK, http.StatusNotFound} {
			goldenEachOp(t, goldenRESTOps()[:1], status, goldenJSONType, f, func(op goldenOp) *Error {
				return goldenFailure(REST, op.name, status, 1, "Data pool not found for custno 10001234 and lineseqno 99", "")
			}, ErrUnknownPool)
		}
		c, _ := goldenClient(t, http.StatusOK, goldenJSONType, f)
		_, err := c.DataPools.Get(context.Background(), goldenPoolRef)
		goldenNothingLost(t, goldenJSONLeaves(t, f), err)
	},
	"rest_transfer_response.json": func(t *testing.T, f []byte) {
		c, _ := goldenClient(t, http.StatusOK, goldenJSONType, f)
		got, err := c.DataPools.Transfer(context.Background(), goldenTransfer)
		require.NoError(t, err)
		goldenDiff(t, []OrderResult{
			{ServiceNumber: "0412000001", OrderID: "5000021"},
			{ServiceNumber: "0412000002", OrderID: "5000022"},
		}, got)
		goldenNothingLost(t, goldenJSONLeaves(t, f), got)
	},
	"rest_transfer_partial_response.json": func(t *testing.T, f []byte) {
		c, _ := goldenClient(t, http.StatusOK, goldenJSONType, f)
		got, err := c.DataPools.Transfer(context.Background(), goldenTransfer)
		require.NoError(t, err, "a refused order is reported per service")
		// The entries come refused-first; they are paired by serviceNumber.
		goldenDiff(t, []OrderResult{
			{ServiceNumber: "0412000001", OrderID: "5000021"},
			{ServiceNumber: "0412000002", Err: &Error{
				Layer: REST, Op: "POST /v1/datapool/transfer", HTTPStatus: 200, Message: "Service 0412000002 is not in data pool PRV-77001",
			}},
		}, got)
		goldenNothingLost(t, goldenJSONLeaves(t, f), got)
	},
	"rest_modify_consumer_data_limit_response.json": func(t *testing.T, f []byte) {
		c, _ := goldenClient(t, http.StatusOK, goldenJSONType, f)
		got, err := c.DataPools.SetDataLimits(context.Background(), goldenLimits...)
		require.NoError(t, err)
		// Named by the consumers' line sequence numbers, the request's keys.
		goldenDiff(t, []OrderResult{
			{ServiceNumber: "11", OrderID: "5000031"},
			{ServiceNumber: "12", OrderID: "5000032"},
		}, got)
		goldenNothingLost(t, goldenJSONLeaves(t, f), got)
	},
	"rest_modify_consumer_data_limit_refusal.json": func(t *testing.T, f []byte) {
		for _, status := range []int{http.StatusOK, http.StatusBadRequest} {
			goldenEachOp(t, goldenRESTOps()[2:3], status, goldenJSONType, f, func(op goldenOp) *Error {
				return goldenFailure(REST, op.name, status, 1, "A data limit cannot be removed, only raised or lowered", "")
			}, ErrLimitRequired)
		}
		c, _ := goldenClient(t, http.StatusOK, goldenJSONType, f)
		_, err := c.DataPools.SetDataLimits(context.Background(), goldenLimits...)
		goldenNothingLost(t, goldenJSONLeaves(t, f), err)
	},
	"rest_disconnect_response.json": func(t *testing.T, f []byte) {
		c, _ := goldenClient(t, http.StatusOK, goldenJSONType, f)
		got, err := c.DataPools.Disconnect(context.Background(), goldenPoolRef)
		require.NoError(t, err)
		assert.Equal(t, "5000041", got)
		goldenNothingLost(t, goldenJSONLeaves(t, f), got)
	},
	"rest_disconnect_refusal.json": func(t *testing.T, f []byte) {
		for _, status := range []int{http.StatusOK, http.StatusConflict} {
			goldenEachOp(t, goldenRESTOps()[3:4], status, goldenJSONType, f, func(op goldenOp) *Error {
				return goldenFailure(REST, op.name, status, 1, "Data pool still has 2 consumers", "")
			}, ErrPoolNotEmpty)
		}
		c, _ := goldenClient(t, http.StatusOK, goldenJSONType, f)
		_, err := c.DataPools.Disconnect(context.Background(), goldenPoolRef)
		assert.Equal(t, "octane: REST POST /v1/datapool/disconnect: errorCode 1 (Data pool still has 2 consumers) [HTTP 200]", err.Error())
		goldenNothingLost(t, goldenJSONLeaves(t, f), err)
	},
	"rest_refusal_unauthorized.json": func(t *testing.T, f []byte) {
		goldenEachOp(t, goldenRESTOps(), http.StatusUnauthorized, goldenJSONType, f, func(op goldenOp) *Error {
			return goldenFailure(REST, op.name, 401, 401, "Full authentication is required to access this resource", "")
		}, ErrAuthFailed)
		c, _ := goldenClient(t, http.StatusUnauthorized, goldenJSONType, f)
		err := c.DoREST(context.Background(), http.MethodGet, "/v1/datapool", nil, nil, nil)
		goldenCheckErr(t, err, goldenFailure(REST, "GET /v1/datapool", 401, 401, "Full authentication is required to access this resource", ""), ErrAuthFailed)
		goldenNothingLost(t, goldenJSONLeaves(t, f), err)
	},

	// ---- answers that are not Octane's ----
	"bad_html_page.html": func(t *testing.T, f []byte) {
		page := strings.TrimSpace(string(f))
		for _, status := range []int{http.StatusOK, http.StatusBadGateway} {
			for _, ops := range [][]goldenOp{goldenSOAPOps(), goldenRESTOps()} {
				goldenEachOp(t, ops, status, goldenHTMLType, f, func(op goldenOp) *Error {
					return &Error{Layer: op.layer, Op: op.name, HTTPStatus: status, Body: page, OrderID: op.orderID, Err: ErrBadResponse}
				}, ErrBadResponse)
			}
		}
		c, _ := goldenClient(t, http.StatusBadGateway, goldenHTMLType, f)
		_, err := c.Orders.Query(context.Background(), "5000001")
		assert.Contains(t, err.Error(), "text/html", "the error names what came back")
		assert.Contains(t, err.Error(), "HTTP 502")
	},
	"bad_truncated.xml": func(t *testing.T, f []byte) {
		goldenEachOp(t, goldenSOAPOps(), http.StatusOK, goldenXMLType, f, func(op goldenOp) *Error {
			return &Error{Layer: SOAP, Op: op.name, HTTPStatus: 200, Body: strings.TrimSpace(string(f)), OrderID: op.orderID, Err: ErrBadResponse}
		}, ErrBadResponse)
	},
	"bad_truncated.json": func(t *testing.T, f []byte) {
		goldenEachOp(t, goldenRESTOps(), http.StatusOK, goldenJSONType, f, func(op goldenOp) *Error {
			return &Error{Layer: REST, Op: op.name, HTTPStatus: 200, Body: strings.TrimSpace(string(f)), Err: ErrBadResponse}
		}, ErrBadResponse)
	},
}

// goldenBulkOptIn: two accepted opt-in orders (step 4).
func goldenBulkOptIn(t *testing.T, f []byte) {
	c, _ := goldenClient(t, http.StatusOK, goldenXMLType, f)
	got, err := c.Orders.AddConsumers(context.Background(), goldenCust, "PRV-77001", goldenConsumers...)
	require.NoError(t, err)
	goldenDiff(t, []OrderResult{
		{ServiceNumber: "0412000001", OrderID: "5000011"},
		{ServiceNumber: "0412000002", OrderID: "5000012"},
	}, got)
	goldenNothingLost(t, goldenXMLLeaves(t, f), got)
}

// goldenBulkOptInRejected: the second opt-in order refused, per order.
func goldenBulkOptInRejected(t *testing.T, f []byte) {
	c, _ := goldenClient(t, http.StatusOK, goldenXMLType, f)
	got, err := c.Orders.AddConsumers(context.Background(), goldenCust, "PRV-77001", goldenConsumers...)
	require.NoError(t, err, "a refused order is reported per service")
	goldenDiff(t, []OrderResult{
		{ServiceNumber: "0412000001", OrderID: "5000011"},
		{ServiceNumber: "0412000002", Err: &Error{
			Layer: SOAP, Op: "orderCreateBulk", HTTPStatus: 200, Code: 31, Message: "Service 0412000002 is not on a data pool consumer plan",
		}},
	}, got)
	goldenSentinelsExactly(t, got[1].Err)
	goldenNothingLost(t, goldenXMLLeaves(t, f), got)
}

// goldenBulkOptOut: two accepted opt-out orders (step 8).
func goldenBulkOptOut(t *testing.T, f []byte) {
	c, _ := goldenClient(t, http.StatusOK, goldenXMLType, f)
	got, err := c.Orders.RemoveConsumers(context.Background(), goldenCust, goldenConsumers...)
	require.NoError(t, err)
	goldenDiff(t, []OrderResult{
		{ServiceNumber: "0412000001", OrderID: "5000051"},
		{ServiceNumber: "0412000002", OrderID: "5000052"},
	}, got)
	goldenNothingLost(t, goldenXMLLeaves(t, f), got)
}

// goldenCheckPool serves a GET /v1/datapool answer and compares the pool.
func goldenCheckPool(t *testing.T, f []byte, want *DataPool) *DataPool {
	t.Helper()
	c, capt := goldenClient(t, http.StatusOK, goldenJSONType, f)
	got, err := c.DataPools.Get(context.Background(), goldenPoolRef)
	require.NoError(t, err)
	req := capt.only(t)
	assert.Equal(t, http.MethodGet, req.method)
	assert.Equal(t, "/tiab/api/v1/datapool", req.path)
	assert.Equal(t, "custno=10001234&lineseqno=3", req.rawQuery)
	assert.Empty(t, req.body)
	goldenDiff(t, want, got)
	goldenNothingLost(t, goldenJSONLeaves(t, f), got)

	// DoREST decodes the same answer into the caller's own value.
	var raw map[string]any
	require.NoError(t, c.DoREST(context.Background(), http.MethodGet, "/v1/datapool", nil, nil, &raw))
	assert.Contains(t, raw, "provider")
	return got
}

func TestGoldenFixtures(t *testing.T) {
	entries, err := os.ReadDir(goldenDir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		if e.Name() != "README.md" {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	// The README lists 49 files; keep the count in step with it.
	assert.Len(t, names, 49, "files in %s", goldenDir)
	readme := string(goldenRead(t, "README.md"))
	seen := make(map[string]bool)
	for _, name := range names {
		seen[name] = true
		assert.Contains(t, readme, "`"+name+"`", "README.md does not describe %s", name)
		check, ok := goldenCases[name]
		if !ok {
			t.Errorf("%s: no golden case covers this file; add one to goldenCases", name)
			continue
		}
		f := goldenRead(t, name)
		t.Run(name, func(t *testing.T) {
			switch filepath.Ext(name) {
			case ".json":
				if !strings.HasPrefix(name, "bad_") {
					require.True(t, json.Valid(f), "the file is not valid JSON")
				}
			case ".xml":
				if !strings.HasPrefix(name, "bad_") {
					goldenXMLTokens(t, f) // well-formed
				}
			}
			check(t, f)
		})
	}
	for name := range goldenCases {
		if !seen[name] {
			t.Errorf("golden case %s has no file in %s", name, goldenDir)
		}
	}
}

// TestGoldenWireNames checks that the files use the names of wire.go: every
// element and key of a file is one wire.go spells (a typo in either would
// otherwise only show as a lost value).
func TestGoldenWireNames(t *testing.T) {
	src, err := os.ReadFile("wire.go")
	require.NoError(t, err)
	wire := string(src)
	// Frame names that are not Octane's: SOAP 1.1 and JAX-WS.
	frame := map[string]bool{"Envelope": true, "Body": true, "Fault": true, "faultcode": true, "faultstring": true, "detail": true,
		"return": true, "AuthenticationException": true, "ValidationException": true, "message": true}
	entries, err := os.ReadDir(goldenDir)
	require.NoError(t, err)
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, "bad_") || name == "README.md" {
			continue
		}
		f := goldenRead(t, name)
		var names []string
		if strings.HasSuffix(name, ".xml") {
			dec := xml.NewDecoder(bytes.NewReader(f))
			for {
				tok, err := dec.Token()
				if err != nil {
					break
				}
				if s, ok := tok.(xml.StartElement); ok {
					names = append(names, s.Name.Local)
				}
			}
		} else {
			for _, l := range goldenJSONLeaves(t, f) {
				for _, p := range strings.Split(l.path, "/") {
					if _, err := strconv.Atoi(p); err != nil {
						names = append(names, p)
					}
				}
			}
		}
		for _, n := range names {
			if frame[n] {
				continue
			}
			// A JAX-WS answer element is the operation's name + "Response".
			assert.True(t, goldenWireName(wire, n) || (strings.HasSuffix(n, "Response") && goldenWireName(wire, strings.TrimSuffix(n, "Response"))),
				"%s: %q is not a wire.go name", name, n)
		}
	}
}

// goldenWireName reports whether wire.go spells name as a tag or string
// constant, or as one step of a tag path ("a>name>b").
func goldenWireName(wire, name string) bool {
	return regexp.MustCompile(`["> ]` + regexp.QuoteMeta(name) + `[">,]`).MatchString(wire)
}

// TestGoldenOrderDetailsPairing: orderDetails entries are paired with the
// services sent by serviceNumber where there is one, else by position. When
// an entry names a service and a later one falls back to the same position
// (or two entries name the same service), one result is overwritten and
// another is left with neither an order id nor an error: a call that
// reports success for an order never placed (Pools calls then skip its wait).
func TestGoldenOrderDetailsPairing(t *testing.T) {
	for name, body := range map[string]string{
		"named then positional":  `{"success":true,"orderDetails":[{"success":true,"orderId":"1","serviceNumber":"0412000002"},{"success":true,"orderId":"2"}]}`,
		"the same service twice": `{"success":true,"orderDetails":[{"success":true,"orderId":"1","serviceNumber":"0412000002"},{"success":true,"orderId":"2","serviceNumber":"0412000002"}]}`,
	} {
		t.Run(name, func(t *testing.T) {
			c, _ := goldenClient(t, http.StatusOK, goldenJSONType, []byte(body))
			res, err := c.DataPools.Transfer(context.Background(), goldenTransfer)
			if err != nil {
				return // refusing the answer is fine too
			}
			for _, r := range res {
				assert.True(t, r.OrderID != "" || r.Err != nil, "service %s: neither an order id nor an error", r.ServiceNumber)
			}
		})
	}
}
