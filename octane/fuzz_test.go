package octane

// Fuzz tests of the SOAP and REST decoders, ParseSize and Size.String, and
// the error paths of every call. Seeded from testdata/octane plus odd
// bodies. Each target favours direct decode calls (decodeSOAP, decodeREST)
// and an in-memory RoundTripper over sockets, so that a 5 s CI run does
// real work. The properties: no panic; an error is an *Error or a
// *ValidationError whose text never holds the password (raw or
// XML-escaped) or the Basic token; a refusal is never a success; a result
// and an error never come together.

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ispkit/ispkit/internal/transport"
)

const (
	fuzzUser = "fuzz-operator"
	// fuzzPassword has every XML-special character.
	fuzzPassword = `p&ss<w0rd>"'`
	// fuzzPasswordXML is the password as the <login> element carries it.
	fuzzPasswordXML = `p&amp;ss&lt;w0rd&gt;&#34;&#39;`
	fuzzCust        = "10001234"
)

var (
	fuzzToken   = base64.StdEncoding.EncodeToString([]byte(fuzzUser + ":" + fuzzPassword))
	fuzzSecrets = []string{fuzzPassword, fuzzPasswordXML, fuzzToken}
)

// fuzzOddXML are bodies added to the XML files of testdata/octane.
var fuzzOddXML = []string{
	"",
	" ",
	"<",
	"<S:Envelope/>",
	`<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body/></S:Envelope>`,
	`<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Header><a/></S:Header><S:Body><ns2:orderQueryResponse><return><errorCode>0</errorCode></return></ns2:orderQueryResponse></S:Body></S:Envelope>`,
	`<Envelope><Body><orderCreateResponse><return><errorCode> 7 </errorCode><errorMessage>x</errorMessage></return></orderCreateResponse></Body></Envelope>`,
	`<Envelope><Body><orderCreateResponse><return><errorCode>abc</errorCode></return></orderCreateResponse></Body></Envelope>`,
	`<Envelope><Body><orderCreateResponse><return><errorCode>99999999999999999999</errorCode></return></orderCreateResponse></Body></Envelope>`,
	`<Envelope><Body><orderCreateResponse></orderCreateResponse></Body></Envelope>`,
	`<Envelope><Body><orderCreateResponse><return/><return><orderId>2</orderId></return></orderCreateResponse></Body></Envelope>`,
	`<Envelope><Body><orderCreateBulkResponse><return><ordersCreateResponse><orderResponse><errorCode>x</errorCode></orderResponse><orderResponse/></ordersCreateResponse></return></orderCreateBulkResponse></Body></Envelope>`,
	`<Envelope><Body><getServiceDetailResponse><return><Instances><Instance><serviceNumberDetail><lineSeqno>1</lineSeqno><serviceNumber>other</serviceNumber></serviceNumberDetail></Instance><Instance/></Instances></return></getServiceDetailResponse></Body></Envelope>`,
	`<Envelope><Body><Fault><faultcode>a</faultcode><faultstring>` + strings.Repeat("x", 600) + `</faultstring></Fault></Body></Envelope>`,
	`<Envelope><Body><Fault><detail><password>` + fuzzPasswordXML + `</password><login><userName>u</userName><password>` + fuzzPasswordXML + `</password></login></detail></Fault></Body></Envelope>`,
	`<Envelope><Body><Fault><faultstring>` + fuzzPasswordXML + `</faultstring></Fault></Body></Envelope>`,
	`<Envelope><Body><orderQueryResponse><return><errorCode>1</errorCode><errorMessage>bad ` + fuzzPasswordXML + ` and ` + fuzzToken + `</errorMessage></return></orderQueryResponse></Body></Envelope>`,
	`<Envelope><Body><orderQueryResponse><return><errorCode>0</errorCode><orderQueryResponse><internalStatus>FAILED</internalStatus><statusMessage>` + fuzzPasswordXML + `</statusMessage></orderQueryResponse></return></orderQueryResponse></Body></Envelope>`,
	`<?xml version="1.0" encoding="ISO-8859-1"?><Envelope><Body><orderResetResponse><return><errorCode>0</errorCode></return></orderResetResponse></Body></Envelope>`,
	`<?xml version="1.0" encoding="UTF-16"?><Envelope/>`,
	`<?xml version="1.0" encoding="us-ascii"?><Envelope><Body><orderResetResponse><return><errorCode>0</errorCode></return></orderResetResponse></Body></Envelope>`,
	"<Envelope><Body><orderResetResponse><return><errorCode>0</errorCode><x>&bogus;</x></return></orderResetResponse></Body></Envelope>",
	"<Envelope><Body><orderResetResponse><return><![CDATA[<errorCode>1</errorCode>]]></return></orderResetResponse></Body></Envelope>",
	strings.Repeat("<a>", 3000) + strings.Repeat("</a>", 3000),
	"<Envelope>" + strings.Repeat("<Body>", 2000),
	"\xef\xbb\xbf<Envelope/>",
	"<html><body>502</body></html>",
	`{"errorCode":0}`,
}

// fuzzOddJSON are bodies added to the JSON files of testdata/octane.
var fuzzOddJSON = []string{
	"",
	"null",
	"[]",
	"{}",
	`{"errorCode":0}`,
	`{"errorCode":"0","success":"true"}`,
	`{"errorCode":"1"}`,
	`{"errorCode":1.0,"errorMessage":null}`,
	`{"errorCode":1.5}`,
	`{"errorCode":"x","success":false}`,
	`{"errorCode":0,"success":"maybe"}`,
	`{"success":0}`,
	`{"success":"0","errorMessage":"` + fuzzToken + `"}`,
	`{"errorCode":401,"errorMessage":"Basic ` + fuzzToken + ` ` + fuzzPassword + `"}`,
	`{"success":true,"provider":null}`,
	`{"success":true,"provider":{"memberId":1,"dataMaxCap":100,"dataUsage":"-5 GB"},"consumers":null}`,
	`{"success":true,"provider":{"memberId":"P"},"consumers":[null,{},{"dataLimit":"9999999999999 TB"}]}`,
	`{"success":true,"provider":{"memberId":"P"},"consumers":{}}`,
	`{"success":true,"orderDetails":[{"success":true,"orderId":"1"},{"success":false}]}`,
	`{"success":true,"orderDetails":[{"serviceNumber":"0412000002","orderId":"1"},{"serviceNumber":"0412000001","orderId":"2"}]}`,
	`{"success":true,"orderDetails":[{"success":"nope"}]}`,
	`{"success":true,"orderDetails":null}`,
	`{"success":true,"orderId":""}`,
	`{"success":true,"orderId":12}`,
	`{"Success":false,"ERRORCODE":3}`,
	`{"errorCode":0,"errorCode":5}`,
	`{"errorCode":0` + strings.Repeat(",", 10),
	`{"a":` + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + `}`,
	"\xef\xbb\xbf{}",
	`{"errorMessage":"\ud800"}`,
	"<html>no</html>",
}

// fuzzSeeds adds the files of testdata/octane with the extensions given and
// the odd bodies.
func fuzzSeeds(f *testing.F, odd []string, exts ...string) {
	f.Helper()
	n := 0
	for _, ext := range exts {
		paths, err := filepath.Glob(filepath.Join(goldenDir, "*"+ext))
		if err != nil {
			f.Fatal(err)
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
			n++
		}
	}
	if n == 0 {
		f.Fatalf("no seed files in %s", goldenDir)
	}
	for _, s := range odd {
		f.Add([]byte(s))
	}
}

// fuzzRoundTripper answers from a function, without a network.
type fuzzRoundTripper func(*http.Request, []byte) (*http.Response, error)

func (rt fuzzRoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		body, _ = io.ReadAll(req.Body)
		_ = req.Body.Close()
	}
	return rt(req, body)
}

// fuzzAnswer is a response with status, content type and body.
func fuzzAnswer(req *http.Request, status int, contentType string, body []byte) *http.Response {
	return &http.Response{
		StatusCode:    status,
		Status:        strconv.Itoa(status) + " " + http.StatusText(status),
		Header:        http.Header{"Content-Type": {contentType}},
		Body:          io.NopCloser(bytes.NewReader(body)),
		ContentLength: int64(len(body)),
		Request:       req,
		Proto:         "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
	}
}

// fuzzClient is a client whose requests are answered by rt.
func fuzzClient(t testing.TB, rt fuzzRoundTripper) *Client {
	t.Helper()
	c, err := New(Credentials{Username: fuzzUser, Password: NewSecret(fuzzPassword)},
		WithSOAPBaseURL("http://octane.fuzz/tiab"), WithRESTBaseURL("http://octane.fuzz/tiab/api"),
		WithRetry(RetryPolicy{MaxAttempts: 1}), WithLocation(time.UTC),
		WithPollInterval(time.Millisecond, time.Millisecond),
		WithHTTPClient(&http.Client{Transport: rt}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// fuzzFixed answers every request with status and body.
func fuzzFixed(status int, contentType string, body []byte) fuzzRoundTripper {
	return func(req *http.Request, _ []byte) (*http.Response, error) {
		return fuzzAnswer(req, status, contentType, body), nil
	}
}

// fuzzNoSecret fails when text holds a credential.
func fuzzNoSecret(t *testing.T, what, text string) {
	t.Helper()
	for _, s := range fuzzSecrets {
		if strings.Contains(text, s) {
			t.Fatalf("%s: a credential (%.6s…) leaked: %.300q", what, s, text)
		}
	}
}

// fuzzCheckErr asserts that err, when set, is an *Error or a
// *ValidationError with a text free of credentials, and that errors.Is runs
// on every sentinel.
func fuzzCheckErr(t *testing.T, what string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var e *Error
	var ve *ValidationError
	switch {
	case errors.As(err, &e):
		fuzzNoSecret(t, what+" Message", e.Message)
		fuzzNoSecret(t, what+" Body", e.Body)
		fuzzNoSecret(t, what+" FaultCode", e.FaultCode)
	case errors.As(err, &ve):
	default:
		t.Fatalf("%s: error %T is neither an *Error nor a *ValidationError: %v", what, err, err)
	}
	text := err.Error()
	if !strings.HasPrefix(text, "octane: ") {
		t.Fatalf("%s: error text %.100q does not name the package", what, text)
	}
	fuzzNoSecret(t, what, text)
	fuzzNoSecret(t, what+" %+v", fmt.Sprintf("%+v", err))
	for _, s := range goldenSentinels {
		_ = errors.Is(err, s)
	}
}

// fuzzSOAPOuts pairs every SOAP operation with the <return> it decodes.
func fuzzSOAPOuts() []struct {
	op  soapOp
	out func() resulter
} {
	return []struct {
		op  soapOp
		out func() resulter
	}{
		{opOrderCreate, func() resulter { return new(xmlOrderCreateReturn) }},
		{opOrderQuery, func() resulter { return new(xmlOrderQueryReturn) }},
		{opOrderCreateBulk, func() resulter { return new(xmlBulkAnswer) }},
		{opOrderReset, func() resulter { return new(xmlResult) }},
		{opGetServiceDetail, func() resulter { return new(xmlServiceDetailReturn) }},
		{opQueryBalance, func() resulter { return new(xmlBalanceReturn) }},
	}
}

// FuzzSOAPDecode: any body, as the answer to every SOAP operation, decodes
// to a <return> or an *Error; through the typed calls it is a result or an
// error, never both, and a result is never read from a non-2xx answer.
func FuzzSOAPDecode(f *testing.F) {
	fuzzSeeds(f, fuzzOddXML, ".xml", ".html")
	dec := fuzzClient(f, fuzzFixed(200, "text/xml", nil))
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, status := range []int{http.StatusOK, http.StatusInternalServerError} {
			resp := &transport.Response{StatusCode: status, Header: http.Header{"Content-Type": {"text/xml; charset=utf-8"}}, Body: body}
			for _, o := range fuzzSOAPOuts() {
				out := o.out()
				err := dec.decodeSOAP(o.op, resp, out)
				what := fmt.Sprintf("decodeSOAP %s HTTP %d", o.op.name, status)
				fuzzCheckErr(t, what, err)
				if err == nil {
					if status != http.StatusOK {
						t.Fatalf("%s: decoded without error", what)
					}
					if !bytes.Contains(body, []byte(o.op.name+"Response")) {
						t.Fatalf("%s: decoded an answer without an %sResponse", what, o.op.name)
					}
					_, _ = parseErrorCode(out.result().ErrorCode)
				}
			}
		}

		// The typed calls, end to end over an in-memory transport.
		c := fuzzClient(t, fuzzFixed(http.StatusOK, "text/xml", body))
		ctx := context.Background()
		id, err := c.Orders.CreateDataPool(ctx, PoolCreateRequest{CustNo: fuzzCust, ProviderPlanID: "P", PoolName: "N"})
		fuzzResultXorErr(t, "CreateDataPool", id != "", err)
		o, err := c.Orders.Query(ctx, "5000001")
		fuzzResultXorErr(t, "Query", o != nil, err)
		if o != nil {
			fuzzNoSecret(t, "Order.Message", o.Message)
			if o.ID == "" {
				t.Fatalf("Query: an order without an id")
			}
		}
		d, err := c.Services.Detail(ctx, fuzzCust, "0491000001")
		fuzzResultXorErr(t, "Detail", d != nil, err)
		if d != nil && d.LineSeqNo == "" {
			t.Fatalf("Detail: no lineSeqNo")
		}
		b, err := c.Services.Balance(ctx, fuzzCust, "11")
		fuzzResultXorErr(t, "Balance", b != nil, err)
		if b != nil {
			for _, x := range b.Balances {
				if x.Sized && (!x.IsData() || x.Allowance < 0 || x.Used < 0) {
					t.Fatalf("Balance: %+v read as a size", x)
				}
				if !x.Sized && (x.Allowance != 0 || x.Used != 0) {
					t.Fatalf("Balance: %+v has sizes it could not read", x)
				}
			}
			if a, u, ok := b.Data(); !ok && (a != 0 || u != 0) {
				t.Fatalf("Balance.Data: %d, %d without ok", a, u)
			}
		}
		res, err := c.Orders.AddConsumers(ctx, fuzzCust, "PRV-1", "0412000001", "0412000002")
		fuzzResultXorErr(t, "AddConsumers", res != nil, err)
		fuzzCheckResults(t, "AddConsumers", res, 2)
		res, err = c.Orders.RemoveConsumers(ctx, fuzzCust, "0412000001")
		fuzzResultXorErr(t, "RemoveConsumers", res != nil, err)
		fuzzCheckResults(t, "RemoveConsumers", res, 1)
		fuzzCheckErr(t, "Reset", c.Orders.Reset(ctx, "5000009"))
		var raw struct {
			ID string `xml:"orderId"`
		}
		fuzzCheckErr(t, "CallSOAP", c.CallSOAP(ctx, "/UtbOrder", nsOrder, "orderQuery", true, &raw))
	})
}

// fuzzResultXorErr: a call returns a result or an error, never both or neither.
func fuzzResultXorErr(t *testing.T, what string, hasResult bool, err error) {
	t.Helper()
	fuzzCheckErr(t, what, err)
	if hasResult == (err != nil) {
		t.Fatalf("%s: result %v with error %v", what, hasResult, err)
	}
}

// fuzzCheckResults: one result per service sent, each with an order id or
// an error (an order neither placed nor refused would be silently lost).
func fuzzCheckResults(t *testing.T, what string, res []OrderResult, n int) {
	t.Helper()
	if res == nil {
		return
	}
	if len(res) != n {
		t.Fatalf("%s: %d results for %d services", what, len(res), n)
	}
	for i, r := range res {
		fuzzCheckErr(t, fmt.Sprintf("%s[%d]", what, i), r.Err)
		if r.OrderID == "" && r.Err == nil {
			t.Fatalf("%s[%d]: neither an order id nor an error: %+v", what, i, r)
		}
	}
}

// fuzzJSONRefusal says, independently of the code under test, whether a body
// is a JSON object whose top-level errorCode is a non-zero integer or whose
// success is false (encoding/json's rules: the last case-insensitive match of
// a key wins).
func fuzzJSONRefusal(body []byte) bool {
	var top map[string]json.RawMessage
	if json.Unmarshal(bytes.TrimSpace(body), &top) != nil {
		return false
	}
	// encoding/json matches keys case-insensitively, the last one wins; a
	// map keeps them all, so look for exactly one spelling of each.
	find := func(key string) (json.RawMessage, bool) {
		var v json.RawMessage
		n := 0
		for k, raw := range top {
			if strings.EqualFold(k, key) {
				v = raw
				n++
			}
		}
		return v, n == 1
	}
	refused := false
	if raw, ok := find("errorCode"); ok {
		var n int64
		var s string
		switch {
		case json.Unmarshal(raw, &n) == nil:
			refused = n != 0
		case json.Unmarshal(raw, &s) == nil:
			if v, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64); err == nil {
				refused = v != 0
			}
		}
	}
	if raw, ok := find("success"); ok {
		switch strings.ToLower(strings.Trim(string(raw), `"`)) {
		case "false", "0":
			refused = true
		}
	}
	return refused
}

// FuzzRESTDecode: any body, as the answer to every REST call, decodes or is
// an *Error; a refusal (non-zero errorCode, success false) is always an
// error; through the typed calls it is a result or an error, never both.
func FuzzRESTDecode(f *testing.F) {
	fuzzSeeds(f, fuzzOddJSON, ".json", ".html")
	dec := fuzzClient(f, fuzzFixed(200, "application/json", nil))
	f.Fuzz(func(t *testing.T, body []byte) {
		refused := fuzzJSONRefusal(body)
		for _, status := range []int{http.StatusOK, http.StatusBadRequest} {
			resp := &transport.Response{StatusCode: status, Header: http.Header{"Content-Type": {"application/json"}}, Body: body}
			for _, out := range []enveloper{new(restEnvelope), new(restPool), new(restOrders), new(restDisconnect)} {
				err := dec.decodeREST("GET /v1/datapool", resp, out)
				what := fmt.Sprintf("decodeREST %T HTTP %d", out, status)
				fuzzCheckErr(t, what, err)
				if err == nil && status != http.StatusOK {
					t.Fatalf("%s: decoded without error", what)
				}
				if err == nil && refused {
					t.Fatalf("%s: a refusal decoded without error: %.200q", what, body)
				}
			}
		}

		c := fuzzClient(t, fuzzFixed(http.StatusOK, "application/json", body))
		ctx := context.Background()
		ref := PoolRef{CustNo: fuzzCust, LineSeqNo: "3"}
		p, err := c.DataPools.Get(ctx, ref)
		fuzzResultXorErr(t, "Get", p != nil, err)
		if p != nil {
			if p.ProviderID == "" {
				t.Fatalf("Get: a pool without a provider id")
			}
			for _, s := range []Size{p.MaxCap, p.Usage} {
				if s < 0 {
					t.Fatalf("Get: negative size %d", s)
				}
			}
		}
		res, err := c.DataPools.Transfer(ctx, TransferRequest{From: ref, ToProviderID: "PRV-2", ToLineSeqNo: "9", ServiceNumbers: []string{"0412000001", "0412000002"}})
		fuzzResultXorErr(t, "Transfer", res != nil, err)
		fuzzCheckResults(t, "Transfer", res, 2)
		res, err = c.DataPools.SetDataLimits(ctx, ConsumerLimit{CustNo: fuzzCust, LineSeqNo: "11", Limit: GB(1)})
		fuzzResultXorErr(t, "SetDataLimits", res != nil, err)
		fuzzCheckResults(t, "SetDataLimits", res, 1)
		id, err := c.DataPools.Disconnect(ctx, ref)
		fuzzResultXorErr(t, "Disconnect", id != "", err)
		var out map[string]any
		err = c.DoREST(ctx, http.MethodGet, "/v1/datapool", nil, nil, &out)
		fuzzCheckErr(t, "DoREST", err)
		if err == nil && refused {
			t.Fatalf("DoREST: a refusal without error")
		}
	})
}

// FuzzParseSize: any text parses to a non-negative size or an error; a size
// prints as text that parses back to it within String's rounding (two
// decimals of the unit); a bare number of bytes parses to itself; any int64
// prints without a panic.
func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"100 GB", "1.5GB", "512 mb", "2048 KB", "7 B", "0", "12.5 GB", "1 TB", "0 B", "3 KiB", "4 tib",
		"", " ", "GB", "-1 GB", "1e3 GB", "NaN", "Inf GB", "1e400", "0x10", ".5 G", "5. M", "1,5 GB", "100 GBs",
		"8388608 TB", "4194304 TB", "9223372036854775807", "9223372036854775808 B", "1 PB", "١٢ GB"} {
		f.Add(s, int64(len(s)))
	}
	f.Add("", int64(math.MaxInt64))
	f.Add("", int64(-1))
	f.Fuzz(func(t *testing.T, text string, n int64) {
		s, err := ParseSize(text)
		if err != nil {
			if s != 0 {
				t.Fatalf("ParseSize(%q): %d with error %v", text, s, err)
			}
		} else {
			if s < 0 {
				t.Fatalf("ParseSize(%q) = %d, negative", text, s)
			}
			fuzzSizeRoundTrip(t, s)
		}

		str := Size(n).String()
		if n < 0 {
			if !strings.HasPrefix(str, "-") {
				t.Fatalf("Size(%d).String() = %q", n, str)
			}
			return
		}
		if _, err := ParseSize(str); err == nil {
			fuzzSizeRoundTrip(t, Size(n))
		}
		if n <= 1<<53 {
			if got, err := ParseSize(strconv.FormatInt(n, 10)); err != nil || got != Size(n) {
				t.Fatalf("ParseSize(%d) = %d, %v", n, got, err)
			}
		}
	})
}

// fuzzSizeRoundTrip: String then ParseSize gives s back within half a
// hundredth of the unit String chose (at most 0.5% of s), or one byte.
func fuzzSizeRoundTrip(t *testing.T, s Size) {
	t.Helper()
	str := s.String()
	back, err := ParseSize(str)
	if err != nil {
		t.Fatalf("ParseSize(%d.String() = %q): %v", s, str, err)
	}
	diff := math.Abs(float64(back) - float64(s))
	if diff > float64(s)/200+1 {
		t.Fatalf("%d prints as %q, which parses to %d", s, str, back)
	}
}

// FuzzErrorPaths drives every call with arbitrary identifiers against a
// server that fails in the ways servers do, echoing what it received (the
// <login> element, the Authorization header) into its answers. Every error
// must be an *Error or a *ValidationError, and no error text may hold a
// credential. Identifiers that contain a credential are the caller's own
// words and are not checked.
func FuzzErrorPaths(f *testing.F) {
	for i, s := range []string{"5000001", "", " ", "10001234", "a\x00b", "a\nb", "0412000001", strings.Repeat("9", 300), "<x>&amp;", "\xff"} {
		f.Add(uint8(i), s, "0412000001", int64(1<<30), []byte(`<faultstring>x</faultstring>`))
	}
	f.Add(uint8(4), "1", "2", int64(0), []byte(`{"errorCode":3,"errorMessage":"Data pool not found"}`))
	f.Add(uint8(5), "1", "2", int64(-1), []byte(`<Envelope><Body><Fault><faultcode>S:Client</faultcode></Fault></Body></Envelope>`))
	f.Add(uint8(6), "1", "1", int64(1), []byte(`{"success":"false"}`))
	// A pool with no consumers and a disconnect order that the (JSON-only)
	// server never reports on: Pools.Disconnect waits until its ctx ends.
	f.Add(uint8(5), "1", "2", int64(1), []byte(`{"success":true,"provider":{"memberId":"x"},"orderId":"1"}`))
	f.Fuzz(func(t *testing.T, mode uint8, id, sn string, limit int64, extra []byte) {
		for _, s := range fuzzSecrets {
			if strings.Contains(id, s) || strings.Contains(sn, s) {
				t.Skip("the identifiers carry a credential")
			}
		}
		c := fuzzClient(t, fuzzEchoServer(mode, extra))
		ctx := context.Background()
		var errs []error
		add := func(err error) {
			if err != nil {
				errs = append(errs, err)
			}
		}
		_, err := c.Orders.CreateDataPool(ctx, PoolCreateRequest{CustNo: id, ProviderPlanID: sn, PoolName: id, Notes: sn})
		add(err)
		_, err = c.Orders.Query(ctx, id)
		add(err)
		add(c.Orders.Reset(ctx, id))
		_, err = c.Services.Detail(ctx, id, sn)
		add(err)
		_, err = c.Orders.AddConsumers(ctx, id, sn, sn, id)
		add(err)
		_, err = c.Orders.RemoveConsumers(ctx, id, sn)
		add(err)
		ref := PoolRef{CustNo: id, LineSeqNo: sn}
		_, err = c.DataPools.Get(ctx, ref)
		add(err)
		_, err = c.DataPools.Transfer(ctx, TransferRequest{From: ref, ToProviderID: id, ToLineSeqNo: id, ServiceNumbers: []string{sn}})
		add(err)
		_, err = c.DataPools.SetDataLimits(ctx, ConsumerLimit{CustNo: id, LineSeqNo: sn, Limit: Size(limit)})
		add(err)
		_, err = c.DataPools.Disconnect(ctx, ref)
		add(err)
		add(c.CallSOAP(ctx, "/"+sn, nsOrder, "orderQuery", true, nil))
		add(c.DoREST(ctx, http.MethodPost, "/v1/"+url2path(sn), nil, map[string]string{"id": id}, nil))

		wctx, cancel := context.WithTimeout(ctx, 2*time.Millisecond)
		_, err = c.Orders.Wait(wctx, id, nil)
		cancel()
		add(err)
		// Pools calls wait for their orders, polling until ctx ends: bound them.
		pctx, pcancel := context.WithTimeout(ctx, 5*time.Millisecond)
		pool := Pool{CustNo: id, LineSeqNo: sn, ProviderID: id}
		_, err = c.Pools.SetDataLimit(pctx, pool, sn, Size(limit))
		add(err)
		_, err = c.Pools.Disconnect(pctx, pool)
		add(err)
		pcancel()
		for i, err := range errs {
			fuzzCheckErr(t, fmt.Sprintf("mode %d call %d", mode%7, i), err)
		}
	})
}

// url2path keeps a fuzzed path segment usable in a URL.
func url2path(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// fuzzEchoServer fails every request in one of seven ways, each echoing the
// request's body and credentials back.
func fuzzEchoServer(mode uint8, extra []byte) fuzzRoundTripper {
	return func(req *http.Request, body []byte) (*http.Response, error) {
		auth := req.Header.Get("Authorization")
		soap := bytes.Contains(body, []byte("<login>"))
		escaped := func(b []byte) string {
			var out bytes.Buffer
			for _, c := range string(b) {
				switch c {
				case '<':
					out.WriteString("&lt;")
				case '>':
					out.WriteString("&gt;")
				case '&':
					out.WriteString("&amp;")
				default:
					out.WriteRune(c)
				}
			}
			return out.String()
		}
		switch mode % 7 {
		case 0: // the connection drops after the request was written
			return nil, &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
		case 1: // a proxy's error page quoting the request
			page := "<html><body><pre>" + string(body) + "\n" + auth + "\n" + string(extra) + "</pre></body></html>"
			return fuzzAnswer(req, http.StatusInternalServerError, "text/html", []byte(page)), nil
		case 2: // a Fault quoting the request in faultstring and detail
			f := `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><S:Fault><faultcode>S:Client</faultcode>` +
				`<faultstring>bad request ` + escaped(body) + ` ` + escaped([]byte(auth)) + `</faultstring><detail>` + string(body) + string(extra) + `</detail></S:Fault></S:Body></S:Envelope>`
			return fuzzAnswer(req, http.StatusInternalServerError, "text/xml", []byte(f)), nil
		case 3: // a Fault with only the detail
			f := `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><S:Fault><faultcode>S:Client</faultcode>` +
				`<detail>` + string(body) + auth + `</detail></S:Fault></S:Body></S:Envelope>`
			return fuzzAnswer(req, http.StatusInternalServerError, "text/xml", []byte(f)), nil
		case 4: // a refusal echoing the credentials in its message
			if soap {
				op := "orderQuery"
				if i := bytes.Index(body, []byte("<ns:")); i >= 0 {
					if j := bytes.IndexAny(body[i+4:], " >"); j > 0 {
						op = string(body[i+4 : i+4+j])
					}
				}
				a := `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><ns2:` + op + `Response xmlns:ns2="` + nsOrder + `"><return>` +
					`<errorCode>9</errorCode><errorMessage>login failed: ` + escaped(body) + `</errorMessage></return></ns2:` + op + `Response></S:Body></S:Envelope>`
				return fuzzAnswer(req, http.StatusOK, "text/xml", []byte(a)), nil
			}
			msg, _ := json.Marshal("refused " + auth + " " + fuzzPassword + " " + string(extra))
			return fuzzAnswer(req, http.StatusUnauthorized, "application/json", []byte(`{"errorCode":401,"errorMessage":`+string(msg)+`,"success":false}`)), nil
		case 5: // the extra bytes as they are, with a 200
			return fuzzAnswer(req, http.StatusOK, "application/octet-stream", extra), nil
		default: // the extra bytes with a 502, after the request body
			return fuzzAnswer(req, http.StatusBadGateway, "text/plain", append(append(body, '\n'), extra...)), nil
		}
	}
}
