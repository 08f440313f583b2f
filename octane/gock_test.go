package octane

// Wire tests with gock, intercepting the client's own *http.Client: the
// headers, paths, namespaces, element order and JSON key casing of every
// operation, and the retry rules (queries retried, orders never re-sent once
// they may have reached the server). gock's registry is global: these tests
// must not run in parallel.

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ispkit/ispkit/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/h2non/gock.v1"
)

const (
	gockHost     = "http://octane.test"
	gockSOAPBase = gockHost + "/tiab"
	gockRESTBase = gockHost + "/tiab/api"
	gockUser     = "gock-user"
	// gockPassword has XML-special characters: the <login> element must
	// escape them, and the Basic token must carry them as they are.
	gockPassword = `gock-pw&<1>"'`
	gockCust     = "20005678"
)

// gockBasic is the REST Authorization value.
var gockBasic = "Basic " + base64.StdEncoding.EncodeToString([]byte(gockUser+":"+gockPassword))

// gockClient returns a client whose *http.Client is intercepted by gock (no
// retries unless opts say otherwise), and removes every mock and the
// interception when the test ends.
func gockClient(t *testing.T, opts ...Option) *Client {
	t.Helper()
	c, err := New(Credentials{Username: gockUser, Password: NewSecret(gockPassword)}, append([]Option{
		WithSOAPBaseURL(gockSOAPBase), WithRESTBaseURL(gockRESTBase),
		WithRetry(RetryPolicy{MaxAttempts: 1}), WithLocation(time.UTC),
		WithPollInterval(time.Millisecond, time.Millisecond),
	}, opts...)...)
	require.NoError(t, err)
	gock.InterceptClient(c.HTTPClient())
	t.Cleanup(func() {
		gock.OffAll()
		gock.RestoreClient(c.HTTPClient())
	})
	return c
}

// gockRetryPolicy retries quickly: three attempts, millisecond waits.
func gockRetryPolicy() Option {
	return WithRetry(RetryPolicy{MaxAttempts: 3, MinWait: time.Millisecond, MaxWait: 2 * time.Millisecond, MaxRetryAfter: 3 * time.Second})
}

// gockUnmatched describes the requests gock could not match, for failures.
func gockUnmatched() string {
	var b strings.Builder
	for _, r := range gock.GetUnmatchedRequests() {
		fmt.Fprintf(&b, "\n  %s %s headers=%v", r.Method, r.URL, r.Header)
	}
	return b.String()
}

// gockSOAPAction matches the SOAPAction header under its exact spelling.
// gock's MatchHeader cannot: it canonicalises the key to "Soapaction".
func gockSOAPAction(req *http.Request, _ *gock.Request) (bool, error) {
	//lint:ignore SA1008 the client sends the conventional spelling, non-canonical on purpose
	v := req.Header["SOAPAction"]
	return len(v) == 1 && v[0] == `""`, nil
}

// gockNoAuthorization matches requests without an Authorization header.
func gockNoAuthorization(req *http.Request, _ *gock.Request) (bool, error) {
	_, has := req.Header["Authorization"]
	return !has, nil
}

// gockSOAPAnswer is a JAX-WS answer to op carrying inner in <return>.
func gockSOAPAnswer(op, ns, inner string) string {
	return `<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>` +
		`<ns2:` + op + `Response xmlns:ns2="` + ns + `"><return>` + inner + `</return></ns2:` + op + `Response></S:Body></S:Envelope>`
}

// gockSOAPBareAnswer is a JAX-WS answer to op carrying inner directly, with
// no <return>: orderCreateBulk's, as a public client reads it.
func gockSOAPBareAnswer(op, ns, inner string) string {
	return `<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>` +
		`<ns2:` + op + `Response xmlns:ns2="` + ns + `">` + inner + `</ns2:` + op + `Response></S:Body></S:Envelope>`
}

// gockNode is an element of a parsed request body.
type gockNode struct {
	name xml.Name
	text string
	kids []*gockNode
}

func gockTree(t *testing.T, body []byte) *gockNode {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(body))
	root := &gockNode{}
	stack := []*gockNode{root}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "request body: %s", body)
		switch tk := tok.(type) {
		case xml.StartElement:
			n := &gockNode{name: tk.Name}
			top := stack[len(stack)-1]
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			stack[len(stack)-1].text += strings.TrimSpace(string(tk))
		}
	}
	require.Len(t, root.kids, 1, "one root element")
	return root.kids[0]
}

// gockAllUnqualified asserts that n and everything under it has no namespace.
func gockAllUnqualified(t *testing.T, n *gockNode) {
	t.Helper()
	assert.Empty(t, n.name.Space, "<%s> must be unqualified", n.name.Local)
	for _, k := range n.kids {
		gockAllUnqualified(t, k)
	}
}

// gockSOAPShape checks a request envelope: soapenv Envelope and Body, the
// operation element qualified with ns, <login> first with password then
// userName (the WSDL-generated order), every child unqualified. It returns the names of the
// operation's children after <login>.
func gockSOAPShape(t *testing.T, body []byte, ns, op string) []string {
	t.Helper()
	env := gockTree(t, body)
	assert.Equal(t, xml.Name{Space: soapEnvNS, Local: "Envelope"}, env.name)
	require.Len(t, env.kids, 1, "Envelope has only a Body (no Header)")
	b := env.kids[0]
	assert.Equal(t, xml.Name{Space: soapEnvNS, Local: "Body"}, b.name)
	require.Len(t, b.kids, 1)
	opEl := b.kids[0]
	assert.Equal(t, xml.Name{Space: ns, Local: op}, opEl.name, "operation element and its namespace")
	require.NotEmpty(t, opEl.kids)
	login := opEl.kids[0]
	assert.Equal(t, "login", login.name.Local, "<login> is the first child")
	require.Len(t, login.kids, 2)
	assert.Equal(t, "password", login.kids[0].name.Local)
	assert.Equal(t, gockPassword, login.kids[0].text)
	assert.Equal(t, "userName", login.kids[1].name.Local)
	assert.Equal(t, gockUser, login.kids[1].text)
	var rest []string
	for _, k := range opEl.kids {
		gockAllUnqualified(t, k)
		rest = append(rest, k.name.Local)
	}
	// The password travels escaped, never raw.
	assert.Contains(t, string(body), "<password>gock-pw&amp;&lt;1&gt;&#34;&#39;</password>")
	return rest[1:]
}

// gockSOAPCase is one SOAP operation of the typed client.
type gockSOAPCase struct {
	name     string
	path, ns string
	op       string
	parts    []string // the operation's children after <login>
	reply    string   // the <return> content of the answer
	call     func(context.Context, *Client) error
	bare     bool // reply sits directly in {op}Response, without <return>
}

// answer is the case's whole answer.
func (tc gockSOAPCase) answer() string {
	if tc.bare {
		return gockSOAPBareAnswer(tc.op, tc.ns, tc.reply)
	}
	return gockSOAPAnswer(tc.op, tc.ns, tc.reply)
}

func gockSOAPCases() []gockSOAPCase {
	list := `<ordersCreateResponse><orderResponse><errorCode>0</errorCode><orderId>7000011</orderId></orderResponse>` +
		`<orderResponse><errorCode>0</errorCode><orderId>7000012</orderId></orderResponse></ordersCreateResponse>`
	bulk := `<errorCode>0</errorCode>` + list
	return []gockSOAPCase{
		{"orderCreate", "/tiab/UtbOrder", nsOrder, "orderCreate", []string{"createRequest"},
			`<errorCode>0</errorCode><orderId>7000001</orderId>`,
			func(ctx context.Context, c *Client) error {
				id, err := c.Orders.CreateDataPool(ctx, PoolCreateRequest{CustNo: gockCust, ProviderPlanID: "P1", PoolName: "Pool"})
				return gockWant(id, "7000001", err)
			}, false},
		{"orderQuery", "/tiab/UtbOrder", nsOrder, "orderQuery", []string{"request"},
			`<errorCode>0</errorCode><orderQueryResponse><orderId>7000001</orderId><internalStatus>IN_PROG</internalStatus><planName>Pool 100GB</planName></orderQueryResponse>`,
			func(ctx context.Context, c *Client) error {
				o, err := c.Orders.Query(ctx, "7000001")
				if err != nil {
					return err
				}
				return gockWant(string(o.Status)+" "+o.PlanName, "IN_PROG Pool 100GB", nil)
			}, false},
		{"getServiceDetail", "/tiab/UtbServiceV3", nsService, "getServiceDetail", []string{"serviceDetail"},
			`<errorCode>0</errorCode><Instances><Instance><serviceNumberDetail><lineSeqno>5</lineSeqno></serviceNumberDetail></Instance></Instances>`,
			func(ctx context.Context, c *Client) error {
				d, err := c.Services.Detail(ctx, gockCust, "0491000005")
				if err != nil {
					return err
				}
				return gockWant(d.LineSeqNo, "5", nil)
			}, false},
		{"orderCreateBulk (opt in)", "/tiab/UtbOrder", nsOrder, "orderCreateBulk", []string{"orders"}, bulk,
			func(ctx context.Context, c *Client) error {
				res, err := c.Orders.AddConsumers(ctx, gockCust, "PRV-1", "0412000001", "0412000002")
				return gockResults(res, err, "7000011", "7000012")
			}, false},
		{"orderCreateBulk (opt out)", "/tiab/UtbOrder", nsOrder, "orderCreateBulk", []string{"orders"}, bulk,
			func(ctx context.Context, c *Client) error {
				res, err := c.Orders.RemoveConsumers(ctx, gockCust, "0412000001", "0412000002")
				return gockResults(res, err, "7000011", "7000012")
			}, false},
		{"orderCreateBulk (opt in, unwrapped)", "/tiab/UtbOrder", nsOrder, "orderCreateBulk", []string{"orders"}, list,
			func(ctx context.Context, c *Client) error {
				res, err := c.Orders.AddConsumers(ctx, gockCust, "PRV-1", "0412000001", "0412000002")
				return gockResults(res, err, "7000011", "7000012")
			}, true},
		{"orderCreateBulk (opt out, unwrapped)", "/tiab/UtbOrder", nsOrder, "orderCreateBulk", []string{"orders"}, list,
			func(ctx context.Context, c *Client) error {
				res, err := c.Orders.RemoveConsumers(ctx, gockCust, "0412000001", "0412000002")
				return gockResults(res, err, "7000011", "7000012")
			}, true},
		{"orderReset", "/tiab/UtbOrder", nsOrder, "orderReset", []string{"request"}, `<errorCode>0</errorCode>`,
			func(ctx context.Context, c *Client) error { return c.Orders.Reset(ctx, "7000001") }, false},
		{"queryBalanceV3", "/tiab/UtbMobile", nsMobile, "queryBalanceV3", []string{"queryBalanceRequest"},
			`<errorCode>0</errorCode><balances><balance><type>DATA</type><allowanceFmt>5368709120</allowanceFmt><usedFmt>1073741824</usedFmt></balance></balances>`,
			func(ctx context.Context, c *Client) error {
				b, err := c.Services.Balance(ctx, gockCust, "11")
				if err != nil {
					return err
				}
				allowance, used, ok := b.Data()
				return gockWant(fmt.Sprint(allowance, " ", used, " ", ok), "5 GB 1 GB true", nil)
			}, false},
		{"CallSOAP", "/tiab/UtbMobile", "http://mobile.frontend.ws.utilibill.com.au/", "queryBalanceV3", []string{"request"},
			`<errorCode>0</errorCode><balance>12</balance>`,
			func(ctx context.Context, c *Client) error {
				type request struct {
					XMLName     xml.Name `xml:"request"`
					ServiceNumb string   `xml:"serviceNumber"`
				}
				var out struct {
					Balance string `xml:"balance"`
				}
				err := c.CallSOAP(ctx, "/UtbMobile", "http://mobile.frontend.ws.utilibill.com.au/", "queryBalanceV3", true, &out, request{ServiceNumb: "0412000001"})
				return gockWant(out.Balance, "12", err)
			}, false},
	}
}

func gockWant(got, want string, err error) error {
	if err == nil && got != want {
		err = fmt.Errorf("got %q, want %q", got, want)
	}
	return err
}

func gockResults(res []OrderResult, err error, ids ...string) error {
	if err != nil {
		return err
	}
	if len(res) != len(ids) {
		return fmt.Errorf("%d results, want %d", len(res), len(ids))
	}
	for i, r := range res {
		if r.Err != nil || r.OrderID != ids[i] {
			return fmt.Errorf("result %d: %+v", i, r)
		}
	}
	return nil
}

// TestGockSOAPEveryOperation checks path, method, headers and envelope of
// each SOAP operation.
func TestGockSOAPEveryOperation(t *testing.T) {
	for _, tc := range gockSOAPCases() {
		t.Run(tc.name, func(t *testing.T) {
			c := gockClient(t)
			rec := &testkit.Recorder{}
			gock.New(gockHost).Post(tc.path).
				MatchHeader("Content-Type", "^text/xml; charset=utf-8$").
				MatchHeader("User-Agent", "^ispkit/").
				AddMatcher(gockSOAPAction).
				AddMatcher(gockNoAuthorization).
				AddMatcher(rec.Match).
				Reply(http.StatusOK).
				SetHeader("Content-Type", "text/xml;charset=utf-8").
				BodyString(tc.answer())

			require.NoError(t, tc.call(context.Background(), c), "unmatched requests:%s", gockUnmatched())
			assert.True(t, gock.IsDone(), "mock not consumed")
			seen := rec.All()
			require.Len(t, seen, 1)
			got := seen[0]
			assert.Equal(t, http.MethodPost, got.Method)
			assert.Equal(t, tc.path, got.Path)
			assert.Empty(t, got.Query)
			assert.Equal(t, "text/xml; charset=utf-8", got.Header.Get("Content-Type"))
			//lint:ignore SA1008 the client sends the conventional spelling, non-canonical on purpose
			assert.Equal(t, []string{`""`}, got.Header["SOAPAction"], "SOAPAction present, empty and quoted")
			assert.Nil(t, got.Header["Soapaction"], "SOAPAction must not be canonicalised")
			assert.NotContains(t, got.Header, "Authorization", "SOAP carries its credentials in the body only")
			assert.Equal(t, "text/xml", got.Header.Get("Accept"))
			assert.Equal(t, tc.parts, gockSOAPShape(t, got.Body, tc.ns, tc.op))
		})
	}
}

// TestGockSOAPElementOrder checks the order of the children the vendor's
// stack may depend on, beyond <login>: the create request, the bulk orders
// and the reset.
func TestGockSOAPElementOrder(t *testing.T) {
	c := gockClient(t)
	rec := &testkit.Recorder{}
	gock.New(gockHost).Post("/tiab/UtbOrder").AddMatcher(rec.Match).Reply(http.StatusOK).
		BodyString(gockSOAPAnswer("orderCreate", nsOrder, `<errorCode>0</errorCode><orderId>1</orderId>`))
	ctx := context.Background()
	_, err := c.Orders.CreateDataPool(ctx, PoolCreateRequest{CustNo: gockCust, ProviderPlanID: "P1", PoolName: "Pool"})
	require.NoError(t, err)
	gock.New(gockHost).Post("/tiab/UtbOrder").AddMatcher(rec.Match).Reply(http.StatusOK).
		BodyString(gockSOAPAnswer("orderCreateBulk", nsOrder, `<errorCode>0</errorCode><ordersCreateResponse><orderResponse><errorCode>0</errorCode><orderId>2</orderId></orderResponse></ordersCreateResponse>`))
	_, err = c.Orders.AddConsumers(ctx, gockCust, "PRV-1", "0412000001")
	require.NoError(t, err)
	seen := rec.All()
	require.Len(t, seen, 2)

	names := func(n *gockNode) []string {
		var out []string
		for _, k := range n.kids {
			out = append(out, k.name.Local)
		}
		return out
	}
	create := gockTree(t, seen[0].Body).kids[0].kids[0].kids[1] // Envelope/Body/orderCreate/createRequest
	assert.Equal(t, []string{"custNo", "orderType", "orderAction", "orderItems"}, names(create))
	// Optional fields left empty are not sent.
	assert.Equal(t, []string{"planNo", "poolName"}, names(create.kids[3].kids[0]))

	order := gockTree(t, seen[1].Body).kids[0].kids[0].kids[1].kids[0] // .../orders/orderCreate
	assert.Equal(t, []string{"custNo", "orderType", "orderAction", "custReqDate", "orderItems"}, names(order))
	assert.Equal(t, time.Now().UTC().Format("2006-01-02"), order.kids[3].text, "custReqDate is today in the client's location")
}

// gockRESTCase is one REST operation of the typed client.
type gockRESTCase struct {
	name, method, path string
	query              url.Values
	body               string // "" for the GET
	reply              string
	call               func(context.Context, *Client) error
}

func gockRESTCases() []gockRESTCase {
	ref := PoolRef{CustNo: gockCust, LineSeqNo: "3"}
	return []gockRESTCase{
		{"get", http.MethodGet, "/tiab/api/v1/datapool", url.Values{"custno": {gockCust}, "lineseqno": {"3"}}, "",
			`{"errorCode":0,"success":true,"provider":{"memberId":"PRV-1","dataPoolStatus":"OPTED-IN"}}`,
			func(ctx context.Context, c *Client) error {
				p, err := c.DataPools.Get(ctx, ref)
				if err != nil {
					return err
				}
				return gockWant(p.ProviderID, "PRV-1", nil)
			}},
		{"transfer", http.MethodPost, "/tiab/api/v1/datapool/transfer", nil,
			`{"custno":"20005678","lineseqno":"3","newProviderId":"PRV-2","newProviderLineseqno":"9","serviceNumbers":["0412000001"]}`,
			`{"errorCode":0,"success":true,"orderDetails":[{"success":true,"orderId":"7000021"}]}`,
			func(ctx context.Context, c *Client) error {
				res, err := c.DataPools.Transfer(ctx, TransferRequest{From: ref, ToProviderID: "PRV-2", ToLineSeqNo: "9", ServiceNumbers: []string{"0412000001"}})
				return gockResults(res, err, "7000021")
			}},
		{"modify limit", http.MethodPost, "/tiab/api/v1/datapool/modify-consumer-data-limit", nil,
			`{"consumerServices":[{"custNo":"20005678","lineSeqNo":"11","dataLimit":5368709120}]}`,
			`{"errorCode":0,"success":"true","orderDetails":[{"success":"true","orderId":"7000031"}]}`,
			func(ctx context.Context, c *Client) error {
				res, err := c.DataPools.SetDataLimits(ctx, ConsumerLimit{CustNo: gockCust, LineSeqNo: "11", Limit: GB(5)})
				return gockResults(res, err, "7000031")
			}},
		{"disconnect", http.MethodPost, "/tiab/api/v1/datapool/disconnect", nil,
			`{"custno":"20005678","lineseqno":"3"}`,
			`{"errorCode":0,"success":true,"orderId":"7000041"}`,
			func(ctx context.Context, c *Client) error {
				id, err := c.DataPools.Disconnect(ctx, ref)
				return gockWant(id, "7000041", err)
			}},
		{"DoREST", http.MethodPost, "/tiab/api/v1/datapool/other", nil, `{"custno":"20005678"}`,
			`{"errorCode":0,"success":true,"value":"x"}`,
			func(ctx context.Context, c *Client) error {
				var out struct {
					Value string `json:"value"`
				}
				err := c.DoREST(ctx, http.MethodPost, "/v1/datapool/other", nil, map[string]string{"custno": gockCust}, &out)
				return gockWant(out.Value, "x", err)
			}},
	}
}

// TestGockRESTEveryOperation checks method, path, query, headers and body of
// each REST operation.
func TestGockRESTEveryOperation(t *testing.T) {
	for _, tc := range gockRESTCases() {
		t.Run(tc.name, func(t *testing.T) {
			c := gockClient(t)
			rec := &testkit.Recorder{}
			mock := gock.New(gockHost)
			if tc.method == http.MethodGet {
				mock = mock.Get(tc.path)
			} else {
				mock = mock.Post(tc.path).MatchType("json").JSON(tc.body)
			}
			mock.MatchHeader("Authorization", "^"+strings.ReplaceAll(gockBasic, "+", `\+`)+"$").
				AddMatcher(rec.Match).
				Reply(http.StatusOK).
				SetHeader("Content-Type", "application/json;charset=UTF-8").
				BodyString(tc.reply)

			require.NoError(t, tc.call(context.Background(), c), "unmatched requests:%s", gockUnmatched())
			assert.True(t, gock.IsDone(), "mock not consumed")
			seen := rec.All()
			require.Len(t, seen, 1)
			got := seen[0]
			assert.Equal(t, tc.method, got.Method)
			assert.Equal(t, tc.path, got.Path)
			assert.Equal(t, gockBasic, got.Header.Get("Authorization"))
			assert.Equal(t, "application/json", got.Header.Get("Accept"))
			assert.NotContains(t, got.Header, "SOAPAction")
			assert.NotContains(t, got.Header, "Soapaction")
			if tc.query == nil {
				assert.Empty(t, got.Query)
			} else {
				assert.Equal(t, tc.query, got.Query, "query parameter names and values")
			}
			if tc.method == http.MethodGet {
				assert.Empty(t, got.Body)
				assert.Empty(t, got.Header.Get("Content-Type"))
				return
			}
			assert.Equal(t, "application/json", got.Header.Get("Content-Type"))
			assert.JSONEq(t, tc.body, string(got.Body))
		})
	}
}

// gockKeys returns the keys of a JSON object, sorted.
func gockKeys(t *testing.T, m any) []string {
	t.Helper()
	obj, ok := m.(map[string]any)
	require.True(t, ok, "%v is not an object", m)
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestGockRESTKeyCasing: custno/lineseqno are lower-case in transfer and
// disconnect but camelCase (custNo/lineSeqNo) in modify-consumer-data-limit,
// and lower-case again in the GET's query. Each endpoint is checked on its own.
func TestGockRESTKeyCasing(t *testing.T) {
	ref := PoolRef{CustNo: gockCust, LineSeqNo: "3"}
	capture := func(t *testing.T, c *Client, path, reply string, call func() error) map[string]any {
		t.Helper()
		rec := &testkit.Recorder{}
		gock.New(gockHost).Post(path).AddMatcher(rec.Match).Reply(http.StatusOK).BodyString(reply)
		require.NoError(t, call())
		seen := rec.All()
		require.Len(t, seen, 1)
		var m map[string]any
		require.NoError(t, json.Unmarshal(seen[0].Body, &m))
		return m
	}

	t.Run("transfer: lower-case custno, lineseqno", func(t *testing.T) {
		c := gockClient(t)
		m := capture(t, c, "/tiab/api/v1/datapool/transfer", `{"success":true,"orderDetails":[{"success":true,"orderId":"1"}]}`, func() error {
			_, err := c.DataPools.Transfer(context.Background(), TransferRequest{From: ref, ToProviderID: "PRV-2", ToLineSeqNo: "9", ServiceNumbers: []string{"0412000001"}})
			return err
		})
		assert.Equal(t, []string{"custno", "lineseqno", "newProviderId", "newProviderLineseqno", "serviceNumbers"}, gockKeys(t, m))
		assert.Equal(t, gockCust, m["custno"])
		assert.Equal(t, "3", m["lineseqno"])
		assert.Equal(t, "PRV-2", m["newProviderId"])
		assert.Equal(t, "9", m["newProviderLineseqno"])
		assert.Equal(t, []any{"0412000001"}, m["serviceNumbers"])
	})

	t.Run("modify-consumer-data-limit: camelCase custNo, lineSeqNo", func(t *testing.T) {
		c := gockClient(t)
		m := capture(t, c, "/tiab/api/v1/datapool/modify-consumer-data-limit", `{"success":true,"orderDetails":[{"success":true,"orderId":"1"},{"success":true,"orderId":"2"}]}`, func() error {
			_, err := c.DataPools.SetDataLimits(context.Background(),
				ConsumerLimit{CustNo: gockCust, LineSeqNo: "11", Limit: MB(512)},
				ConsumerLimit{CustNo: gockCust, LineSeqNo: "12", Limit: 1})
			return err
		})
		assert.Equal(t, []string{"consumerServices"}, gockKeys(t, m))
		list, ok := m["consumerServices"].([]any)
		require.True(t, ok)
		require.Len(t, list, 2)
		for i, want := range []struct {
			seq   string
			limit float64
		}{{"11", 536870912}, {"12", 1}} {
			assert.Equal(t, []string{"custNo", "dataLimit", "lineSeqNo"}, gockKeys(t, list[i]))
			e := list[i].(map[string]any)
			assert.Equal(t, gockCust, e["custNo"])
			assert.Equal(t, want.seq, e["lineSeqNo"])
			assert.Equal(t, want.limit, e["dataLimit"], "dataLimit is a JSON number of bytes")
		}
	})

	t.Run("disconnect: lower-case custno, lineseqno", func(t *testing.T) {
		c := gockClient(t)
		m := capture(t, c, "/tiab/api/v1/datapool/disconnect", `{"success":true,"orderId":"1"}`, func() error {
			_, err := c.DataPools.Disconnect(context.Background(), ref)
			return err
		})
		assert.Equal(t, []string{"custno", "lineseqno"}, gockKeys(t, m))
		assert.Equal(t, map[string]any{"custno": gockCust, "lineseqno": "3"}, m)
	})

	t.Run("GET datapool: query custno, lineseqno", func(t *testing.T) {
		c := gockClient(t)
		rec := &testkit.Recorder{}
		gock.New(gockHost).Get("/tiab/api/v1/datapool").AddMatcher(rec.Match).Reply(http.StatusOK).
			BodyString(`{"success":true,"provider":{"memberId":"PRV-1"}}`)
		_, err := c.DataPools.Get(context.Background(), ref)
		require.NoError(t, err)
		seen := rec.All()
		require.Len(t, seen, 1)
		var keys []string
		for k := range seen[0].Query {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		assert.Equal(t, []string{"custno", "lineseqno"}, keys)
	})
}

// ---- retries ----

// gockOp is one call and how a mock for it is set up.
type gockOp struct {
	name   string
	method string
	path   string
	reply  string // a success answer
	call   func(context.Context, *Client) error
}

// gockQueries are the calls that may be retried.
func gockQueries() []gockOp {
	var out []gockOp
	for _, tc := range gockSOAPCases() {
		if tc.op == "orderQuery" || tc.op == "getServiceDetail" || tc.op == "queryBalanceV3" {
			out = append(out, gockOp{tc.name, http.MethodPost, tc.path, tc.answer(), tc.call})
		}
	}
	for _, tc := range gockRESTCases() {
		if tc.method == http.MethodGet {
			out = append(out, gockOp{"REST " + tc.name, tc.method, tc.path, tc.reply, tc.call})
		}
	}
	return out
}

// gockOrders are the calls that must never be re-sent once they may have
// reached the server.
func gockOrders() []gockOp {
	var out []gockOp
	for _, tc := range gockSOAPCases() {
		if tc.op == "orderCreate" || tc.op == "orderCreateBulk" || tc.op == "orderReset" {
			out = append(out, gockOp{tc.name, http.MethodPost, tc.path, tc.answer(), tc.call})
		}
	}
	out = append(out, gockOp{"CallSOAP not idempotent", http.MethodPost, "/tiab/UtbOrder",
		gockSOAPAnswer("orderCreate", nsOrder, `<errorCode>0</errorCode><orderId>1</orderId>`),
		func(ctx context.Context, c *Client) error {
			return c.CallSOAP(ctx, "/UtbOrder", nsOrder, "orderCreate", false, nil)
		}})
	for _, tc := range gockRESTCases() {
		if tc.method == http.MethodPost {
			out = append(out, gockOp{"REST " + tc.name, tc.method, tc.path, tc.reply, tc.call})
		}
	}
	return out
}

func gockMock(op gockOp, rec *testkit.Recorder) *gock.Request {
	m := gock.New(gockHost)
	if op.method == http.MethodGet {
		m = m.Get(op.path)
	} else {
		m = m.Post(op.path)
	}
	return m.AddMatcher(rec.Match)
}

// TestGockQueriesRetriedOn503: orderQuery, getServiceDetail and the REST GET
// are sent again after a 503, and succeed on the third attempt.
func TestGockQueriesRetriedOn503(t *testing.T) {
	for _, op := range gockQueries() {
		t.Run(op.name, func(t *testing.T) {
			c := gockClient(t, gockRetryPolicy())
			rec := &testkit.Recorder{}
			gockMock(op, rec).Times(2).Reply(http.StatusServiceUnavailable).BodyString("busy")
			gockMock(op, rec).Reply(http.StatusOK).BodyString(op.reply)

			require.NoError(t, op.call(context.Background(), c), "unmatched:%s", gockUnmatched())
			assert.True(t, gock.IsDone())
			assert.Len(t, rec.All(), 3, "attempts")
		})
	}
}

// TestGockQueriesGiveUp: a query that keeps getting 503 ends with the last
// answer as an *Error after MaxAttempts.
func TestGockQueriesGiveUp(t *testing.T) {
	for _, op := range gockQueries() {
		t.Run(op.name, func(t *testing.T) {
			c := gockClient(t, gockRetryPolicy())
			rec := &testkit.Recorder{}
			gockMock(op, rec).Times(3).Reply(http.StatusServiceUnavailable).SetHeader("Content-Type", "text/plain").BodyString("busy")

			err := op.call(context.Background(), c)
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, http.StatusServiceUnavailable, e.HTTPStatus)
			assert.ErrorIs(t, err, ErrBadResponse)
			assert.Equal(t, "busy", e.Body)
			assert.Len(t, rec.All(), 3)
			assert.True(t, gock.IsDone())
		})
	}
}

// gockReset is a connection reset after the request was written.
var gockReset = &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}

// gockRefused is a connection that could not be made: nothing was sent.
var gockRefused = &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}

// TestGockQueriesRetriedAfterReset: a query is safe to send again.
func TestGockQueriesRetriedAfterReset(t *testing.T) {
	for _, op := range gockQueries() {
		t.Run(op.name, func(t *testing.T) {
			c := gockClient(t, gockRetryPolicy())
			rec := &testkit.Recorder{}
			gockMock(op, rec).ReplyError(gockReset)
			gockMock(op, rec).Reply(http.StatusOK).BodyString(op.reply)

			require.NoError(t, op.call(context.Background(), c))
			assert.Len(t, rec.All(), 2)
			assert.True(t, gock.IsDone())
		})
	}
}

// TestGockOrdersResentAfterDialError: when the connection could not be made
// at all, nothing reached the server, and the order is sent again (WithRetry).
func TestGockOrdersResentAfterDialError(t *testing.T) {
	for _, op := range gockOrders() {
		t.Run(op.name, func(t *testing.T) {
			c := gockClient(t, gockRetryPolicy())
			rec := &testkit.Recorder{}
			gockMock(op, rec).ReplyError(gockRefused)
			gockMock(op, rec).Reply(http.StatusOK).BodyString(op.reply)

			require.NoError(t, op.call(context.Background(), c), "unmatched:%s", gockUnmatched())
			assert.Len(t, rec.All(), 2)
			assert.True(t, gock.IsDone())
		})
	}
}

// TestGockRetryAfter: a query waits as long as the server's Retry-After
// says, not the (millisecond) backoff; a Retry-After beyond MaxRetryAfter
// ends the retries with that answer at once.
func TestGockRetryAfter(t *testing.T) {
	queries := gockQueries()
	t.Run("honoured", func(t *testing.T) {
		op := queries[0] // orderQuery
		c := gockClient(t, gockRetryPolicy())
		rec := &testkit.Recorder{}
		gockMock(op, rec).Reply(http.StatusServiceUnavailable).SetHeader("Retry-After", "1")
		gockMock(op, rec).Reply(http.StatusOK).BodyString(op.reply)

		start := time.Now()
		require.NoError(t, op.call(context.Background(), c))
		assert.GreaterOrEqual(t, time.Since(start), 900*time.Millisecond, "Retry-After: 1 was not waited for")
		assert.Len(t, rec.All(), 2)
	})
	t.Run("too long", func(t *testing.T) {
		op := queries[len(queries)-1] // the REST GET
		c := gockClient(t, gockRetryPolicy())
		first, second := &testkit.Recorder{}, &testkit.Recorder{}
		gockMock(op, first).Reply(http.StatusServiceUnavailable).SetHeader("Retry-After", "3600")
		gockMock(op, second).Reply(http.StatusOK).BodyString(op.reply)

		start := time.Now()
		err := op.call(context.Background(), c)
		assert.Less(t, time.Since(start), time.Second)
		var e *Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, http.StatusServiceUnavailable, e.HTTPStatus)
		assert.Len(t, first.All(), 1)
		assert.Empty(t, second.All())
	})
	t.Run("context deadline", func(t *testing.T) {
		op := queries[0]
		c := gockClient(t, gockRetryPolicy())
		first, second := &testkit.Recorder{}, &testkit.Recorder{}
		gockMock(op, first).Reply(http.StatusServiceUnavailable).SetHeader("Retry-After", "2")
		gockMock(op, second).Reply(http.StatusOK).BodyString(op.reply)

		ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
		defer cancel()
		err := op.call(ctx, c)
		var e *Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, http.StatusServiceUnavailable, e.HTTPStatus, "the last answer, not a deadline error")
		assert.Empty(t, second.All())
	})
}

// ---- nothing is sent ----

// TestGockValidationSendsNothing: invalid input and the flow's rules refuse
// a call before anything is sent, so a catch-all mock stays pending.
func TestGockValidationSendsNothing(t *testing.T) {
	ctx := context.Background()
	pool := Pool{CustNo: gockCust, LineSeqNo: "3", ProviderID: "PRV-1"}
	cases := []struct {
		name string
		want error
		call func(*Client) error
	}{
		{"empty custNo", ErrInvalidInput, func(c *Client) error {
			_, err := c.Orders.CreateDataPool(ctx, PoolCreateRequest{ProviderPlanID: "P", PoolName: "N"})
			return err
		}},
		{"no provider plan", ErrInvalidInput, func(c *Client) error {
			_, err := c.Orders.CreateDataPool(ctx, PoolCreateRequest{CustNo: gockCust, PoolName: "N"})
			return err
		}},
		{"bad email", ErrInvalidInput, func(c *Client) error {
			_, err := c.Orders.CreateDataPool(ctx, PoolCreateRequest{CustNo: gockCust, ProviderPlanID: "P", PoolName: "N", NotificationEmail: "nobody"})
			return err
		}},
		{"control character in pool name", ErrInvalidInput, func(c *Client) error {
			_, err := c.Orders.CreateDataPool(ctx, PoolCreateRequest{CustNo: gockCust, ProviderPlanID: "P", PoolName: "a\x00b"})
			return err
		}},
		{"empty order id", ErrInvalidInput, func(c *Client) error {
			_, err := c.Orders.Query(ctx, " ")
			return err
		}},
		{"newline in order id", ErrInvalidInput, func(c *Client) error { return c.Orders.Reset(ctx, "1\n2") }},
		{"no consumers", ErrInvalidInput, func(c *Client) error {
			_, err := c.Orders.AddConsumers(ctx, gockCust, "PRV-1")
			return err
		}},
		{"duplicate consumers", ErrInvalidInput, func(c *Client) error {
			_, err := c.Orders.RemoveConsumers(ctx, gockCust, "0412000001", "0412000001")
			return err
		}},
		{"transfer to the same pool", ErrInvalidInput, func(c *Client) error {
			_, err := c.DataPools.Transfer(ctx, TransferRequest{From: pool.Ref(), ToProviderID: "PRV-2", ToLineSeqNo: "3", ServiceNumbers: []string{"0412000001"}})
			return err
		}},
		{"zero limit", ErrLimitRequired, func(c *Client) error {
			_, err := c.DataPools.SetDataLimits(ctx, ConsumerLimit{CustNo: gockCust, LineSeqNo: "11", Limit: 0})
			return err
		}},
		{"negative limit (Pools)", ErrLimitRequired, func(c *Client) error {
			_, err := c.Pools.SetDataLimit(ctx, pool, "0412000001", -1)
			return err
		}},
		{"no limits", ErrInvalidInput, func(c *Client) error {
			_, err := c.DataPools.SetDataLimits(ctx)
			return err
		}},
		{"pool without provider id", ErrInvalidInput, func(c *Client) error {
			_, err := c.Pools.AddConsumers(ctx, Pool{CustNo: gockCust, LineSeqNo: "3"}, "0412000001")
			return err
		}},
		{"nil context", ErrInvalidInput, func(c *Client) error {
			//lint:ignore SA1012 a nil context must be refused, not sent
			_, err := c.Orders.Query(nil, "1")
			return err
		}},
		{"DoREST relative path", ErrInvalidInput, func(c *Client) error {
			return c.DoREST(ctx, http.MethodGet, "v1/datapool", nil, nil, nil)
		}},
		{"CallSOAP bad operation", ErrInvalidInput, func(c *Client) error {
			return c.CallSOAP(ctx, "/UtbOrder", nsOrder, "a b", true, nil)
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := gockClient(t)
			rec := &testkit.Recorder{}
			gock.New(gockHost).Path(".*").AddMatcher(rec.Match).Reply(http.StatusOK).BodyString("{}")

			err := tc.call(c)
			assert.ErrorIs(t, err, tc.want)
			assert.ErrorIs(t, err, ErrInvalidInput)
			var ve *ValidationError
			assert.ErrorAs(t, err, &ve)
			assert.True(t, gock.IsPending(), "the catch-all mock was consumed")
			assert.Empty(t, rec.All(), "a request was sent")
			assert.False(t, gock.HasUnmatchedRequest(), "a request was sent:%s", gockUnmatched())
		})
	}
}

// TestGockRulesCheckFirst: Pools.Disconnect reads the pool and refuses one
// with consumers; Pools.Transfer reads the target and refuses an unknown
// one. Neither sends its POST.
func TestGockRulesCheckFirst(t *testing.T) {
	ctx := context.Background()
	pool := Pool{CustNo: gockCust, LineSeqNo: "3", ProviderID: "PRV-1"}

	t.Run("disconnect a pool with consumers", func(t *testing.T) {
		c := gockClient(t)
		post := &testkit.Recorder{}
		gock.New(gockHost).Get("/tiab/api/v1/datapool").Reply(http.StatusOK).BodyString(
			`{"success":true,"provider":{"memberId":"PRV-1"},"consumers":[` +
				`{"serviceNumber":"0412000001","dataPoolStatus":"OPTED-IN"},{"serviceNumber":"0412000002","dataPoolStatus":"OPTED-OUT"}]}`)
		gock.New(gockHost).Post("/tiab/api/v1/datapool/disconnect").AddMatcher(post.Match).Reply(http.StatusOK).BodyString(`{"success":true,"orderId":"1"}`)

		id, err := c.Pools.Disconnect(ctx, pool)
		assert.Empty(t, id)
		assert.ErrorIs(t, err, ErrPoolNotEmpty)
		assert.Contains(t, err.Error(), "0412000001")
		assert.NotContains(t, err.Error(), "0412000002", "an opted-out consumer does not count")
		assert.Empty(t, post.All())
	})

	t.Run("transfer to an unknown pool", func(t *testing.T) {
		c := gockClient(t)
		post := &testkit.Recorder{}
		gock.New(gockHost).Get("/tiab/api/v1/datapool").Reply(http.StatusOK).BodyString(
			`{"errorCode":1,"errorMessage":"Data pool not found","success":false}`)
		gock.New(gockHost).Post("/tiab/api/v1/datapool/transfer").AddMatcher(post.Match).Reply(http.StatusOK).BodyString(`{"success":true}`)

		to := Pool{CustNo: gockCust, LineSeqNo: "9", ProviderID: "PRV-2"}
		res, err := c.Pools.Transfer(ctx, pool, to, "0412000001")
		assert.Nil(t, res)
		assert.ErrorIs(t, err, ErrUnknownPool)
		assert.Empty(t, post.All())
	})

	t.Run("transfer to a pool whose provider id differs", func(t *testing.T) {
		c := gockClient(t)
		post := &testkit.Recorder{}
		gock.New(gockHost).Get("/tiab/api/v1/datapool").Reply(http.StatusOK).BodyString(
			`{"success":true,"provider":{"memberId":"PRV-3","dataPoolStatus":"OPTED-IN"}}`)
		gock.New(gockHost).Post("/tiab/api/v1/datapool/transfer").AddMatcher(post.Match).Reply(http.StatusOK).BodyString(`{"success":true}`)

		to := Pool{CustNo: gockCust, LineSeqNo: "9", ProviderID: "PRV-2"}
		_, err := c.Pools.Transfer(ctx, pool, to, "0412000001")
		assert.ErrorIs(t, err, ErrUnknownPool)
		assert.Empty(t, post.All())
	})
}

// TestGockInterceptBeforeNew: gock.Intercept (or any library that replaces
// http.DefaultTransport) must not make New panic.
func TestGockInterceptBeforeNew(t *testing.T) {
	gock.Intercept()
	t.Cleanup(gock.OffAll)
	require.NotPanics(t, func() {
		c, err := New(Credentials{Username: gockUser, Password: NewSecret(gockPassword)})
		require.NoError(t, err)
		require.NotNil(t, c)
	})
}

// TestGockUnreachableIsError: the transport's failure is an *Error wrapping
// the cause, without a status.
func TestGockUnreachableIsError(t *testing.T) {
	c := gockClient(t)
	gock.New(gockHost).Post("/tiab/UtbOrder").ReplyError(errors.New("boom"))
	_, err := c.Orders.Query(context.Background(), "1")
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, SOAP, e.Layer)
	assert.Equal(t, "orderQuery", e.Op)
	assert.Zero(t, e.HTTPStatus)
	assert.Contains(t, err.Error(), "boom")
}

// TestGockBulkAnswerShapes: orderCreateBulk's answer is read with or without
// <return>, a top-level errorCode is honoured where it is but never
// required, and an answer listing orders in both places is refused.
func TestGockBulkAnswerShapes(t *testing.T) {
	one := `<ordersCreateResponse><orderResponse><errorCode>0</errorCode><orderId>2</orderId></orderResponse></ordersCreateResponse>`
	for _, tc := range []struct {
		name, body string
		code       int  // the refusal's errorCode, 0 for none
		bad        bool // ErrBadResponse
	}{
		{"unwrapped", gockSOAPBareAnswer("orderCreateBulk", nsOrder, one), 0, false},
		{"wrapped without errorCode", gockSOAPAnswer("orderCreateBulk", nsOrder, one), 0, false},
		{"unwrapped with errorCode 0", gockSOAPBareAnswer("orderCreateBulk", nsOrder, `<errorCode>0</errorCode>`+one), 0, false},
		{"unwrapped refusal", gockSOAPBareAnswer("orderCreateBulk", nsOrder, `<errorCode>5</errorCode><errorMessage>Invalid login</errorMessage>`), 5, false},
		{"wrapped refusal", gockSOAPAnswer("orderCreateBulk", nsOrder, `<errorCode>5</errorCode><errorMessage>Invalid login</errorMessage>`), 5, false},
		{"refusal outside, orders inside", gockSOAPBareAnswer("orderCreateBulk", nsOrder, `<errorCode>5</errorCode><return><errorCode>0</errorCode>`+one+`</return>`), 5, false},
		{"refusal inside, orders outside", gockSOAPBareAnswer("orderCreateBulk", nsOrder, `<return><errorCode>5</errorCode></return>`+one), 5, false},
		{"orders in both places", gockSOAPBareAnswer("orderCreateBulk", nsOrder, `<return>`+one+`</return>`+one), 0, true},
		{"no orders", gockSOAPBareAnswer("orderCreateBulk", nsOrder, ``), 0, true},
		{"errorCode not a number", gockSOAPBareAnswer("orderCreateBulk", nsOrder, `<errorCode>x</errorCode>`+one), 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := gockClient(t)
			gock.New(gockHost).Post("/tiab/UtbOrder").Reply(http.StatusOK).SetHeader("Content-Type", "text/xml").BodyString(tc.body)
			res, err := c.Orders.AddConsumers(context.Background(), gockCust, "PRV-1", "0412000001")
			switch {
			case tc.bad:
				require.ErrorIs(t, err, ErrBadResponse)
				assert.Nil(t, res)
			case tc.code != 0:
				var e *Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, tc.code, e.Code)
				assert.Nil(t, res)
			default:
				require.NoError(t, err)
				assert.Equal(t, []OrderResult{{ServiceNumber: "0412000001", OrderID: "2"}}, res)
			}
			assert.True(t, gock.IsDone())
		})
	}
}

// TestGockBalanceRequest: queryBalanceV3's request carries the customer and
// the line sequence number, in that order, and bad input sends nothing.
func TestGockBalanceRequest(t *testing.T) {
	c := gockClient(t)
	rec := &testkit.Recorder{}
	gock.New(gockHost).Post("/tiab/UtbMobile").AddMatcher(rec.Match).Reply(http.StatusOK).
		BodyString(gockSOAPAnswer("queryBalanceV3", nsMobile, `<errorCode>0</errorCode>`))
	b, err := c.Services.Balance(context.Background(), gockCust, "7")
	require.NoError(t, err)
	assert.Equal(t, &ServiceBalance{CustNo: gockCust, LineSeqNo: "7", Balances: []Balance{}}, b, "no balances: an empty list")
	_, _, ok := b.Data()
	assert.False(t, ok)
	seen := rec.All()
	require.Len(t, seen, 1)
	q := gockTree(t, seen[0].Body).kids[0].kids[0].kids[1] // Envelope/Body/queryBalanceV3/queryBalanceRequest
	require.Len(t, q.kids, 2)
	assert.Equal(t, []string{"custNo", gockCust, "lineSeqNo", "7"}, []string{q.kids[0].name.Local, q.kids[0].text, q.kids[1].name.Local, q.kids[1].text})

	for _, args := range [][2]string{{"", "7"}, {gockCust, ""}, {gockCust, "7\n"}} {
		_, err := c.Services.Balance(context.Background(), args[0], args[1])
		assert.ErrorIs(t, err, ErrInvalidInput)
	}
	assert.Len(t, rec.All(), 1)
}
