package baicells

// Fuzz tests of every decoder: the envelope check, each wire response type,
// the plan list path, the typed conversions and the lenient scalars. Seeded
// from the manual's examples in testdata/baicells plus odd bodies. The only
// properties asked for are: no panic, an answer is either a result or an
// *Error, a 422 is always an error, and a result_code other than "200" is
// always an error.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ispkit/ispkit/internal/transport"
)

// fuzzSeedBodies are odd answers added to the manual's examples.
var fuzzSeedBodies = []string{
	"",
	"   ",
	"null",
	"[]",
	"{}",
	"[{}]",
	"42",
	`"200"`,
	"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
	`<?xml version="1.0"?><error><code>5001</code></error>`,
	`{"result_code":"200"`,
	`{"result_code":"4002"}`,
	`{"result_code":4002,"message":"numeric code"}`,
	`{"result_code":200,"session_id":2016123456,"available":"1","up_rate":"5.0","down_rate":1e3}`,
	`{"result_code":"200","available":"maybe"}`,
	`{"result_code":"4302","available":"maybe"}`,
	`{"result_code":" 200 "}`,
	`{"result_code":"abc","message":"not a number"}`,
	`{"result_code":"0"}`,
	`{"result_code":null,"message":null,"session_id":null}`,
	`{"result_code":{"a":1}}`,
	`{"result_code":["200"]}`,
	`{"RESULT_CODE":"4002"}`,
	`{"result_code":"4002","Result_Code":"200"}`,
	`{"result_code":"200","apn_info_list":"[{\"apn_name\":\"a\",\"apn_ambr_ul\":\"4\",\"ipv4\":\"10.0.0.1\"}]"}`,
	`{"result_code":"200","apn_info_list":""}`,
	`{"result_code":"200","apn_info_list":"null"}`,
	`{"result_code":"200","apn_info_list":{}}`,
	`{"result_code":"200","up_rate":"9223372036854775808"}`,
	`{"result_code":"200","up_rate":-9.223372036854775808e18}`,
	`{"result_code":"200","up_rate":"NaN","down_rate":"Inf"}`,
	`{"result_code":"200","usage_infos":[{"imsi":1,"total_usage":"1","usage_time":"2018-11-22 10:00:00"}]}`,
	`{"result_code":"200","usage_infos":[{"usage_time":"yesterday"}]}`,
	`{"result_code":"200","cdr_infos":[{"duration":"9223372036854775807","cdrdate":"2018-02-30 25:61:61"}]}`,
	`{"total":"200","successful quantity":"x","success_list":null,"fail_list":[{"sub_id":"1","result_code":"43o2"}]}`,
	`[{"service_plan_id":1,"uplink":"1.5"}]`,
	`[{"service_plan_id":"T1","uplink":"1","downlink":"2","state":0}, null]`,
	strings.Repeat("[", 5000) + strings.Repeat("]", 5000),
	`{"a":` + strings.Repeat(`{"a":`, 5000) + `1` + strings.Repeat("}", 5001),
	`{"result_code":"200","apn_info_list":` + strings.Repeat("[", 3000) + strings.Repeat("]", 3000) + `}`,
	"\xef\xbb\xbf{\"result_code\":\"200\"}",
	"\u00a0{\"result_code\":\"4002\"}",
	`{"result_code":"4002\u0000","message":"\ud800"}`,
}

// fuzzAddSeeds adds every example of testdata/baicells and the odd bodies.
func fuzzAddSeeds(f *testing.F) {
	f.Helper()
	paths, err := filepath.Glob(filepath.Join(goldenDir, "*.json"))
	if err != nil || len(paths) == 0 {
		f.Fatalf("no seed files in %s: %v", goldenDir, err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range fuzzSeedBodies {
		f.Add([]byte(s))
	}
}

// fuzzRoundTripper answers every request with a fixed status and body,
// without a network.
type fuzzRoundTripper struct {
	status int
	body   []byte
}

func (rt fuzzRoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		_, _ = io.Copy(io.Discard, req.Body)
		_ = req.Body.Close()
	}
	return &http.Response{
		StatusCode:    rt.status,
		Status:        strconv.Itoa(rt.status) + " " + http.StatusText(rt.status),
		Header:        http.Header{"Content-Type": {"application/json"}},
		Body:          io.NopCloser(bytes.NewReader(rt.body)),
		ContentLength: int64(len(rt.body)),
		Request:       req,
		Proto:         "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
	}, nil
}

func fuzzClient(t *testing.T, status int, body []byte) *Client {
	t.Helper()
	c, err := New(Credentials{CloudKey: NewSecret("ck-fuzz"), Username: "fuzz", Password: NewSecret("fuzz-pw")},
		WithBaseURL("http://boss.fuzz/baicellsapi"),
		WithRetry(RetryPolicy{MaxAttempts: 1}),
		WithHTTPClient(&http.Client{Transport: fuzzRoundTripper{status: status, body: body}}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// fuzzResultCode returns what the body's top-level result_code says, read
// independently of the code under test: the value of the last top-level key
// that equals "result_code" case-insensitively (encoding/json's rule), as the
// text of a string, a number or a boolean; present is false when there is no
// such key, when it is null, or when the body is not a JSON object.
func fuzzResultCode(body []byte) (code string, present bool) {
	body = bytes.TrimSpace(body)
	if !json.Valid(body) || len(body) == 0 || body[0] != '{' {
		return "", false
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if _, err := dec.Token(); err != nil { // {
		return "", false
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return "", false
		}
		key, _ := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return "", false
		}
		if !strings.EqualFold(key, "result_code") {
			continue
		}
		switch {
		case len(raw) == 0 || raw[0] == 'n':
			code, present = "", false
		case raw[0] == '"':
			var s string
			if json.Unmarshal(raw, &s) != nil {
				return "", false
			}
			code, present = s, s != ""
		default:
			code, present = string(raw), true
		}
	}
	return code, present
}

// fuzzCheckErr asserts that err, when set, is an *Error (or wraps one) whose
// text can be built.
func fuzzCheckErr(t *testing.T, what string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("%s: error %T is not an *Error: %v", what, err, err)
	}
	if e.Error() == "" {
		t.Fatalf("%s: empty error text", what)
	}
	_ = errors.Is(err, ErrBadResponse)
	_ = errors.Is(err, ErrSubscriberNotFound)
	_ = errors.Is(err, CodeIMSIInUse)
}

func FuzzDecodeResponse(f *testing.F) {
	fuzzAddSeeds(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		code, hasCode := fuzzResultCode(body)
		// Surrounding spaces are tolerated: " 200 " is a success.
		mustFail := hasCode && strings.TrimSpace(code) != resultOK && strings.TrimSpace(code) != ""

		c := fuzzClient(t, http.StatusOK, nil)
		for _, status := range []int{http.StatusOK, http.StatusUnprocessableEntity} {
			resp := &transport.Response{StatusCode: status, Header: http.Header{"Content-Type": {"application/json"}}, Body: body}
			outs := []enveloped{new(envelope), new(wireSubscriberResp), new(wireBulkCreateResp), new(wireHourlyResp), new(wireCDRResp)}
			for _, out := range outs {
				err := c.decode(routeGet, "sid-1", resp, out)
				what := strconv.Itoa(status) + " " + typeName(out)
				fuzzCheckErr(t, what, err)
				if status != http.StatusOK && err == nil {
					t.Fatalf("%s: HTTP %d decoded without error", what, status)
				}
				if mustFail && err == nil {
					t.Fatalf("%s: result_code %q decoded without error", what, code)
				}
				if err != nil {
					var e *Error
					errors.As(err, &e)
					if e.HTTPStatus != status {
						t.Fatalf("%s: HTTPStatus %d", what, e.HTTPStatus)
					}
					continue
				}
				// A result: the conversions the client applies must not panic.
				switch w := out.(type) {
				case *wireSubscriberResp:
					_ = w.subscriber()
				case *wireBulkCreateResp:
					_ = mergeBulkCreate(routeBulkCreate, "1", []SubscriberCreateRequest{{Profile: Profile{ID: "1"}, IMSI: "460010000000001"}}, &transport.Response{StatusCode: status}, w)
				}
			}
		}

		// The typed layer end to end, through the client's own transport.
		for _, status := range []int{http.StatusOK, http.StatusUnprocessableEntity} {
			fuzzTyped(t, status, body, mustFail || status != http.StatusOK, code)
		}
	})
}

// fuzzTyped runs the typed calls on one answer. mustFail: every call must
// report an error.
func fuzzTyped(t *testing.T, status int, body []byte, mustFail bool, code string) {
	t.Helper()
	c := fuzzClient(t, status, body)
	ctx := WithSessionID(context.Background(), "2016123456")
	check := func(what string, hasResult bool, err error) {
		t.Helper()
		fuzzCheckErr(t, what, err)
		if err == nil && !hasResult {
			t.Fatalf("%s: neither a result nor an error", what)
		}
		if err != nil && hasResult {
			t.Fatalf("%s: both a result and an error", what)
		}
		if mustFail && err == nil {
			t.Fatalf("%s (HTTP %d, result_code %q): no error", what, status, code)
		}
	}

	q, err := c.Subscribers.QueryByIMSI(ctx, "460010000000001")
	check("QueryByIMSI", q != nil, err)
	if q != nil && q.Subscriber != nil && q.Available {
		t.Fatalf("QueryByIMSI: available with a holder")
	}
	sub, err := c.Subscribers.Get(ctx, "20161201")
	check("Get", sub != nil, err)
	err = c.Subscribers.Activate(ctx, "20161201")
	check("Activate", err == nil, err)

	br, err := c.Subscribers.BulkActivate(ctx, []string{"1", "2"}, nil)
	check("BulkActivate", err == nil, err)
	if br == nil || len(br.Succeeded)+len(br.Failed) != 2 {
		t.Fatalf("BulkActivate: %+v does not account for 2 records", br)
	}
	cr, err := c.Subscribers.BulkCreate(ctx, []SubscriberCreateRequest{
		{Profile: Profile{ID: "66268756728"}, IMSI: "601011010167723"},
		{Profile: Profile{ID: "66268766671"}, IMSI: "601011000166666"},
	}, nil)
	check("BulkCreate", err == nil, err)
	if cr == nil || len(cr.Created)+len(cr.Failed) != 2 {
		t.Fatalf("BulkCreate: %+v does not account for 2 records", cr)
	}

	plans, err := c.Plans.List(ctx)
	check("Plans.List", err == nil, err)
	if err == nil {
		if tb := bytes.TrimSpace(body); len(tb) == 0 || tb[0] != '[' || status != http.StatusOK {
			t.Fatalf("Plans.List: %d plans from HTTP %d %.40q", len(plans), status, body)
		}
	} else if plans != nil {
		t.Fatalf("Plans.List: both plans and an error")
	}

	usage := UsageRequest{IMSI: "6000000000000001", From: time.Date(2018, 11, 22, 8, 0, 0, 0, time.UTC), To: time.Date(2018, 11, 22, 12, 0, 0, 0, time.UTC)}
	n := 0
	for _, err := range c.Usage.Hourly(ctx, usage) {
		fuzzCheckErr(t, "Usage.Hourly", err)
		if n == 0 && mustFail && err == nil {
			t.Fatalf("Usage.Hourly (HTTP %d, result_code %q): no error", status, code)
		}
		n++
	}
	n = 0
	for _, err := range c.Usage.CDRs(ctx, usage) {
		fuzzCheckErr(t, "Usage.CDRs", err)
		if n == 0 && mustFail && err == nil {
			t.Fatalf("Usage.CDRs (HTTP %d, result_code %q): no error", status, code)
		}
		n++
	}

	var out map[string]any
	err = c.Do(ctx, http.MethodPost, "/customers/query", map[string]any{"imsi": "1"}, &out)
	check("Do", err == nil, err)
}

func typeName(v any) string {
	switch v.(type) {
	case *envelope:
		return "envelope"
	case *wireSubscriberResp:
		return "wireSubscriberResp"
	case *wireBulkCreateResp:
		return "wireBulkCreateResp"
	case *wireHourlyResp:
		return "wireHourlyResp"
	case *wireCDRResp:
		return "wireCDRResp"
	}
	return "?"
}

// FuzzFlexInt: any bytes, valid JSON or not, never panic; a JSON integer, bare
// or quoted, decodes to itself.
func FuzzFlexInt(f *testing.F) {
	for _, s := range []string{`5`, `"5"`, `""`, `null`, `" 7 "`, `5.0`, `"5e3"`, `-0`, `1.5`, `"NaN"`, `"Inf"`, `1e400`,
		`9223372036854775807`, `-9223372036854775808`, `9223372036854775808`, `"`, `"\u0035"`, `true`, `{}`, `[1]`, ``} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var n flexInt
		err := n.UnmarshalJSON(b)
		if err != nil {
			return
		}
		s := strings.TrimSpace(string(b))
		if uq, e := strconv.Unquote(s); e == nil {
			s = strings.TrimSpace(uq)
		}
		if want, e := strconv.ParseInt(s, 10, 64); e == nil && int64(n) != want {
			t.Fatalf("%q decoded to %d, want %d", b, n, want)
		}
		// Through encoding/json (which validates first) a number round-trips.
		var m flexInt
		out, _ := json.Marshal(int64(n))
		if err := json.Unmarshal(out, &m); err != nil || m != n {
			t.Fatalf("%d does not round-trip: %d, %v", n, m, err)
		}
	})
}

// FuzzFlexString: never panic on any bytes; through encoding/json (which
// hands UnmarshalJSON one trimmed, valid value) a JSON string decodes to
// itself, null to "", an object or array is refused and any other scalar is
// kept as written.
func FuzzFlexString(f *testing.F) {
	for _, s := range []string{`"a"`, `""`, ` ""`, `null`, `12`, `-1.5e3`, `true`, `{}`, `[]`, `"\ud800"`, `"`, ``, `"\u00e9"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var direct flexString
		_ = direct.UnmarshalJSON(b)
		if !json.Valid(b) {
			return
		}
		var s flexString
		err := json.Unmarshal(b, &s)
		var v any
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber() // 1e999 is a valid JSON number but no float64
		if dec.Decode(&v) != nil {
			t.Fatalf("%q: valid JSON does not decode", b)
		}
		switch x := v.(type) {
		case string:
			if err != nil || string(s) != x {
				t.Fatalf("%q: got %q, %v; want %q", b, s, err, x)
			}
		case nil:
			if err != nil || s != "" {
				t.Fatalf("null: got %q, %v", s, err)
			}
		case map[string]any, []any:
			if err == nil {
				t.Fatalf("%q: an object or array was accepted as %q", b, s)
			}
		default:
			if want := string(bytes.TrimSpace(b)); err != nil || string(s) != want {
				t.Fatalf("%q: got %q, %v; want it as written", b, s, err)
			}
		}
	})
}

// FuzzFlexScalars runs the remaining lenient decoders on any bytes.
func FuzzFlexScalars(f *testing.F) {
	for _, s := range []string{`true`, `"1"`, `0`, `"false"`, `null`, `"maybe"`, `[{"apn_name":"a"}]`, `"[{\"apn_name\":\"a\"}]"`, `" "`, `"null"`, `"[1]"`, `{}`, ``, `"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var fb flexBool
		_ = fb.UnmarshalJSON(b)
		// apn_info_list as an array or as a string holding one, through the
		// same decode-then-fix path the client takes.
		body := append(append([]byte(`{"apn_info_list":`), b...), '}')
		var sub wireSubscriberResp
		err := json.Unmarshal(body, &sub)
		if err != nil {
			err = sub.fixAPNInfos(body, err)
		}
		if err == nil {
			for _, a := range sub.APNInfoList {
				_ = int(a.AMBRUL) + int(a.AMBRDL)
			}
		}
		var f64 float64
		if json.Unmarshal(b, &f64) == nil && !math.IsNaN(f64) && f64 == math.Trunc(f64) && math.Abs(f64) < 1<<53 {
			var n flexInt
			if err := json.Unmarshal(b, &n); err != nil || float64(n) != f64 {
				t.Fatalf("%q: whole number %v decoded to %d, %v", b, f64, n, err)
			}
		}
	})
}
