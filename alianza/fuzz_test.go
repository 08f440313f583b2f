package alianza

// Fuzz tests of error decoding (statusError and decode, over arbitrary
// statuses and bodies) and of resource decoding through the public calls:
// Account, DeviceLine, the paged searches, Job and the login answer
// (LoginTokenX). Seeded from testdata/alianza and odd bodies. Requests are
// answered by an in-memory RoundTripper, so that a 5 s CI run does real
// work. The properties: no panic; an error is an *Error or a
// *ValidationError whose text starts "alianza: " and never holds the
// password or the token; a decoded resource survives a marshal and decode
// unchanged (what Update sends back is what Get read).

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

const (
	fuzzUser     = "fuzz-operator"
	fuzzPassword = "fuzz-Pa55w0rd!"
	fuzzToken    = "fuzz-token-5ca1ab1e"
)

var fuzzSecrets = []string{fuzzPassword, fuzzToken}

// fuzzDay is the date of the CDR searches.
var fuzzDay = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// fuzzOdd are bodies added to the files of testdata/alianza.
var fuzzOdd = []string{
	"",
	" ",
	"null",
	"[]",
	"{}",
	"[null]",
	"[{}]",
	`"x"`,
	"<html><body>502 Bad Gateway</body></html>",
	"\xef\xbb\xbf{}",
	`{"status":401,"messages":["ExpiredAuthToken"],"data":{}}`,
	`{"status":"404","messages":["AccountNotFound"],"data":null}`,
	`{"status":400,"messages":["SipUsernameInUse"],"data":{"sipPassword":"s3cret","password":"` + fuzzPassword + `"}}`,
	`{"status":400,"messages":["bad ` + fuzzPassword + ` and ` + fuzzToken + `"],"data":{"echo":"` + fuzzToken + `"}}`,
	`{"status":400,"messages":[12,true,null,"  "],"data":[1,2]}`,
	`{"status":1e3,"messages":"one"}`,
	`{"errors":["a","b"]}`,
	`{"code":"X","message":"m","description":"d"}`,
	`{"code":{"nested":1}}`,
	`{"code":"` + fuzzToken + `","description":"` + fuzzPassword + `"}`,
	`{"messages":[` + strings.Repeat(`"m",`, 300) + `"m"]}`,
	`{"data":` + strings.Repeat("[", 3000) + strings.Repeat("]", 3000) + `}`,
	`{"status":400` + strings.Repeat(",", 5),
	`{"messages":["\ud800"]}`,
	`{"id":"a1","accountNumber":"CUST-1","billingCycleDay":15,"status":"ACTIVE","deletionDate":"2026-11-01T00:00:00.5+01:00",` +
		`"callScreeningSettings":{ "anonymousCallScreen" : "Block" },"callingPlans":[{"id":"cp1","startDate":"2026-11-01T00:00:00Z","planMinutes":100}]}`,
	`[{"id":"a1"},{"id":"a2","extensionLength":4,"callScreeningSettings":null}]`,
	`{"id":"d1","sipUsername":"u1","sipPassword":"pw","lineNumber":1,"lineType":"Line","faxEnabled":true}`,
	`[{"id":"d1","sipUsername":" u1 ","sipPassword":"pw"},{"id":"d2","lineType":"IntercomLine","sipUsername":"u2"},{"id":"d3"}]`,
	`{"totalRecords":3,"results":[{"id":"e1","logs":[{"status":"PENDING"}]},{"id":"e2","subTelephoneNumbers":["1"]},{"id":"e3"}]}`,
	`{"totalRecords":1,"results":null}`,
	`{"results":{}}`,
	`{"id":"j1","status":"FAILED","name":"import","errors":[{"error":"bad line","lineNumber":3,"column":"B","input":"secret-input"}]}`,
	`{"id":"j1","status":"DONE","outputKey":"k"}`,
	`{"id":"j1","status":"PENDING","start":null}`,
	`{"id":"j1","status":"WEIRD","name":"x"}`,
	`{"authToken":"` + fuzzToken + `","partitionId":"p1","userId":"u1","maxLifeInHours":1}`,
	`{"authToken":"  ","partitionId":"p1"}`,
	`{"authToken":"t\r\nX-Evil: 1","partitionId":"p1"}`,
	`{"authToken":"tok","partitionId":""}`,
	`{"authToken":"tok","partitionId":"p1","maxLifeInHours":"1"}`,
}

// fuzzSeeds adds the files of testdata/alianza and the odd bodies, each with
// the statuses given.
func fuzzSeeds(f *testing.F, statuses ...int) {
	f.Helper()
	paths, err := filepath.Glob(filepath.Join(goldenDir, "*.json"))
	if err != nil || len(paths) == 0 {
		f.Fatalf("no seed files in %s: %v", goldenDir, err)
	}
	var bodies [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		bodies = append(bodies, b)
	}
	for _, s := range fuzzOdd {
		bodies = append(bodies, []byte(s))
	}
	for _, b := range bodies {
		for _, st := range statuses {
			f.Add(st, b)
		}
	}
}

// fuzzStatus maps any int onto 100–599.
func fuzzStatus(n int) int {
	if n < 0 {
		n = -(n + 1)
	}
	return 100 + n%500
}

// fuzzRoundTripper answers from a function, without a network.
type fuzzRoundTripper func(*http.Request) (int, []byte)

func (rt fuzzRoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		_, _ = io.Copy(io.Discard, req.Body)
		_ = req.Body.Close()
	}
	status, body := rt(req)
	return &http.Response{
		StatusCode: status, Status: strconv.Itoa(status) + " " + http.StatusText(status),
		Header:        http.Header{"Content-Type": {"application/json"}},
		Body:          io.NopCloser(bytes.NewReader(body)),
		ContentLength: int64(len(body)),
		Request:       req,
		Proto:         "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
	}, nil
}

// fuzzLoginAnswer is the login answer of fuzzClient.
var fuzzLoginAnswer = []byte(`{"authToken":"` + fuzzToken + `","partitionId":"fuzz-part","userId":"u1"}`)

// fuzzClient is a client whose login gets fuzzToken and whose other
// requests are answered by answer.
func fuzzClient(t testing.TB, answer func(*http.Request) (int, []byte)) *Client {
	t.Helper()
	rt := fuzzRoundTripper(func(r *http.Request) (int, []byte) {
		if r.URL.Path == pathAuthorize {
			return http.StatusOK, fuzzLoginAnswer
		}
		return answer(r)
	})
	c, err := New(Credentials{Username: fuzzUser, Password: NewSecret(fuzzPassword)}, WithBaseURL("http://alianza.fuzz"),
		WithRetry(RetryPolicy{MaxAttempts: 1}), WithHTTPClient(&http.Client{Transport: rt}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// fuzzFixed answers every request with status and body.
func fuzzFixed(status int, body []byte) func(*http.Request) (int, []byte) {
	return func(*http.Request) (int, []byte) { return status, body }
}

// fuzzCheckErr asserts that err, when set, is an *Error or a
// *ValidationError whose text starts "alianza: " and holds neither the
// password nor the token in any verb or field, that an *Error's Data is
// JSON, and that errors.Is runs on every sentinel.
func fuzzCheckErr(t *testing.T, what string, err error) {
	t.Helper()
	fuzzCheckErrWithout(t, what, err, fuzzSecrets...)
}

// fuzzCheckErrWithout is fuzzCheckErr with the secrets given.
// containsOutsideEscape reports whether s occurs in text other than as the
// tail of a Go escape sequence: %#v writes the byte 0x1f before "uzz" as
// `\x1fuzz`, which spells "fuzz" without the body holding it.
func containsOutsideEscape(text, s string) bool {
	for off := 0; ; {
		i := strings.Index(text[off:], s)
		if i < 0 {
			return false
		}
		i += off
		if !insideEscape(text, i) {
			return true
		}
		off = i + 1
	}
}

// insideEscape reports whether text[i] belongs to a \xHH, \uHHHH or
// \UHHHHHHHH escape that starts before i.
func insideEscape(text string, i int) bool {
	for _, e := range []struct {
		lead byte
		n    int
	}{{'x', 2}, {'u', 4}, {'U', 8}} {
		for k := 1; k < e.n+1; k++ { // text[i] is hex digit number k of the escape
			start := i - k - 1 // the backslash
			if start < 0 || text[start] != '\\' || text[start+1] != e.lead || k > e.n {
				continue
			}
			if i-start-2 < e.n && isHexDigits(text[start+2:i+1]) {
				return true
			}
		}
	}
	return false
}

func isHexDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !strings.ContainsRune("0123456789abcdefABCDEF", rune(s[i])) {
			return false
		}
	}
	return s != ""
}

func fuzzCheckErrWithout(t *testing.T, what string, err error, secrets ...string) {
	t.Helper()
	if err == nil {
		return
	}
	texts := []string{err.Error(), fmt.Sprintf("%v", err), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err)}
	var e *Error
	var v *ValidationError
	switch {
	case errors.As(err, &e):
		texts = append(texts, fmt.Sprintf("%#v", *e), e.Body, e.Code, string(e.Data), strings.Join(e.Messages, "\n"))
		if len(e.Data) > 0 && !json.Valid(e.Data) {
			t.Fatalf("%s: Error.Data is not JSON: %q", what, e.Data)
		}
	case errors.As(err, &v):
	default:
		t.Fatalf("%s: error %T is neither *Error nor *ValidationError: %v", what, err, err)
	}
	if !strings.HasPrefix(err.Error(), "alianza: ") {
		t.Fatalf("%s: error text does not start with \"alianza: \": %q", what, err.Error())
	}
	for _, text := range texts {
		for _, s := range secrets {
			if containsOutsideEscape(text, s) {
				t.Fatalf("%s: a secret (%.6s…) leaked: %.300q", what, s, text)
			}
		}
	}
	for _, s := range goldenSentinels {
		_ = errors.Is(err, s)
	}
}

// FuzzStatusError reads arbitrary answers with arbitrary statuses through
// calls: one that decodes an account, one that reads the answer raw
// (Client.Do into a json.RawMessage) and one that reads nothing (Delete).
func FuzzStatusError(f *testing.F) {
	fuzzSeeds(f, 400, 401, 404, 500, 200)
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		status = fuzzStatus(status)
		c := fuzzClient(t, fuzzFixed(status, body))
		ctx := context.Background()
		ok := status >= 200 && status <= 299

		_, err := c.Accounts.Get(ctx, "a1")
		fuzzCheckErr(t, "Accounts.Get", err)
		var out json.RawMessage
		rawErr := c.Do(ctx, http.MethodGet, "/v2/partition/{partition}/account/a1", nil, nil, &out)
		fuzzCheckErr(t, "Do", rawErr)
		delErr := c.Accounts.Delete(ctx, "a1")
		fuzzCheckErr(t, "Accounts.Delete", delErr)
		switch {
		case !ok && (rawErr == nil || delErr == nil):
			t.Fatalf("HTTP %d was accepted: %v, %v", status, rawErr, delErr)
		case ok && rawErr == nil && !json.Valid(out):
			t.Fatalf("Do gave invalid JSON: %q", out)
		case ok && delErr != nil:
			t.Fatalf("HTTP %d to a Delete is an error: %v", status, delErr)
		}
		if ok {
			return
		}
		for _, err := range []error{rawErr, delErr} {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("HTTP %d gave %T %v", status, err, err)
			}
			if e.HTTPStatus != status {
				t.Fatalf("HTTP %d gave HTTPStatus %d: %v", status, e.HTTPStatus, err)
			}
			if (status == 401 || status == 403) && !errors.Is(err, ErrUnauthorized) {
				t.Fatalf("HTTP %d is not ErrUnauthorized: %v", status, err)
			}
		}
	})
}

// fuzzRawJSON compares json.RawMessage values as JSON, with no value and
// null the same: a nil RawMessage is written as null and read back as "null".
var fuzzRawJSON = cmp.Comparer(func(a, b json.RawMessage) bool {
	norm := func(r json.RawMessage) any {
		if len(bytes.TrimSpace(r)) == 0 {
			return nil
		}
		var v any
		if json.Unmarshal(r, &v) != nil {
			return string(r)
		}
		return v
	}
	return cmp.Equal(norm(a), norm(b))
})

// fuzzEquateEmpty is cmpopts.EquateEmpty but for json.RawMessage, which
// fuzzRawJSON compares.
var fuzzEquateEmpty = cmp.FilterPath(func(p cmp.Path) bool {
	return p.Last().Type() != reflect.TypeOf(json.RawMessage(nil))
}, cmpopts.EquateEmpty())

// fuzzEqual compares a decoded value with its marshal and decode: raw JSON
// as JSON, times with Equal, an empty list as no list (omitempty drops an
// empty callingPlans: testdata/fuzz/FuzzDecodeAccount/294160863508c9d3).
func fuzzEqual(t *testing.T, what string, want, got any) {
	t.Helper()
	if d := cmp.Diff(want, got, fuzzRawJSON, fuzzEquateEmpty); d != "" {
		t.Fatalf("%s does not survive a marshal and decode (-read +again):\n%s", what, d)
	}
}

// fuzzRoundTrip marshals v as the client sends it (its wire form: with the
// secrets) and decodes it into a new value of its type.
func fuzzRoundTrip[T any](t *testing.T, what string, v T) {
	t.Helper()
	b, err := encodeBody(v)
	if err != nil {
		t.Fatalf("%s: marshal: %v", what, err)
	}
	var again T
	if err := json.Unmarshal(b, &again); err != nil {
		t.Fatalf("%s: decode of %s: %v", what, b, err)
	}
	fuzzEqual(t, what, v, again)
}

// FuzzDecodeAccount decodes arbitrary answers to the account reads.
func FuzzDecodeAccount(f *testing.F) {
	fuzzSeeds(f, 200)
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		if status != 200 && status != 201 {
			status = 200
		}
		c := fuzzClient(t, fuzzFixed(status, body))
		ctx := context.Background()
		a, err := c.Accounts.Get(ctx, "a1")
		fuzzCheckErr(t, "Accounts.Get", err)
		if err == nil {
			if a == nil {
				t.Fatal("Accounts.Get: no account and no error")
			}
			fuzzRoundTrip(t, "Account", *a)
		}
		list, err := c.Accounts.List(ctx)
		fuzzCheckErr(t, "Accounts.List", err)
		if err == nil {
			fuzzRoundTrip(t, "[]Account", list)
		}
		views, err := c.Accounts.Search(ctx, "q")
		fuzzCheckErr(t, "Accounts.Search", err)
		if err == nil {
			fuzzRoundTrip(t, "[]AccountView", views)
		}
	})
}

// FuzzDecodeDeviceLine decodes arbitrary answers to the device line reads.
func FuzzDecodeDeviceLine(f *testing.F) {
	fuzzSeeds(f, 200)
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		_ = status
		c := fuzzClient(t, fuzzFixed(http.StatusOK, body))
		ctx := context.Background()
		d, err := c.DeviceLines.Get(ctx, "a1", "d1")
		fuzzCheckErr(t, "DeviceLines.Get", err)
		if err == nil {
			if d == nil {
				t.Fatal("DeviceLines.Get: no line and no error")
			}
			fuzzRoundTrip(t, "DeviceLine", *d)
			if got := d.SIPLine(); got.SIPPassword.Reveal() != d.SIPPassword.Reveal() || got.SIPUsername != d.SIPUsername {
				t.Fatalf("SIPLine lost the credentials: %#v", got)
			}
		}
		lines, err := c.DeviceLines.List(ctx, "a1", &DeviceLineListOptions{})
		fuzzCheckErr(t, "DeviceLines.List", err)
		if err == nil {
			fuzzRoundTrip(t, "[]DeviceLine", lines)
		}
		sip, err := c.DeviceLines.SIPLines(ctx, "a1")
		fuzzCheckErr(t, "DeviceLines.SIPLines", err)
		for _, l := range sip {
			if strings.TrimSpace(l.SIPUsername) == "" {
				t.Fatalf("SIPLines kept a line without SIP username: %#v", l)
			}
		}
		if err == nil && len(sip) > len(lines) {
			t.Fatalf("SIPLines has %d lines, the account %d", len(sip), len(lines))
		}
	})
}

// FuzzDecodePages decodes arbitrary first pages of the three paged
// searches; every later page is empty, so the walk takes at most two
// requests whatever the first page's totalRecords says.
func FuzzDecodePages(f *testing.F) {
	fuzzSeeds(f, 200)
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		_ = status
		var mu sync.Mutex
		requests := 0
		c := fuzzClient(t, func(r *http.Request) (int, []byte) {
			mu.Lock()
			requests++
			mu.Unlock()
			if r.URL.Query().Get(queryFirstResultIndex) != "0" {
				return http.StatusOK, []byte(`{"totalRecords":0,"results":[]}`)
			}
			return http.StatusOK, body
		})
		ctx := context.Background()
		const size = 2
		check := func(what string, n int, errs []error) {
			t.Helper()
			if len(errs) > 1 {
				t.Fatalf("%s: %d errors, want at most one: %v", what, len(errs), errs)
			}
			for _, err := range errs {
				fuzzCheckErr(t, what, err)
			}
			mu.Lock()
			got := requests
			requests = 0
			mu.Unlock()
			// An empty page ends the walk; the second page is empty.
			switch {
			case len(errs) == 0 && n == 0 && got != 1:
				t.Fatalf("%s: an empty first page and %d requests, want 1", what, got)
			case got > 2:
				t.Fatalf("%s: %d requests for one non-empty page", what, got)
			}
		}

		var events []StatusEvent
		var errs []error
		for ev, err := range c.Numbers.StatusEvents(ctx, &StatusEventOptions{PageSize: size}) {
			if err != nil {
				errs = append(errs, err)
				continue
			}
			events = append(events, ev)
		}
		check("Numbers.StatusEvents", len(events), errs)
		fuzzRoundTrip(t, "[]StatusEvent", events)

		var hist []AccountHistory
		errs = nil
		for h, err := range c.Accounts.History(ctx, "a1", &HistoryOptions{PageSize: size}) {
			if err != nil {
				errs = append(errs, err)
				continue
			}
			hist = append(hist, h)
		}
		check("Accounts.History", len(hist), errs)
		fuzzRoundTrip(t, "[]AccountHistory", hist)

		var cdrs []CallDetailRecord
		errs = nil
		for r, err := range c.Accounts.CDRs(ctx, "a1", CDRSearchRequest{StartDate: fuzzDay, EndDate: fuzzDay, PageSize: size}) {
			if err != nil {
				errs = append(errs, err)
				continue
			}
			cdrs = append(cdrs, r)
		}
		check("Accounts.CDRs", len(cdrs), errs)
		fuzzRoundTrip(t, "[]CallDetailRecord", cdrs)
	})
}

// FuzzDecodeJob decodes arbitrary answers as a Job: Jobs.Get, Jobs.Start
// (which must agree with jobFromJSON), and one poll of Jobs.Wait.
func FuzzDecodeJob(f *testing.F) {
	fuzzSeeds(f, 200, 202)
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		if status != 200 && status != 202 {
			status = 200
		}
		c := fuzzClient(t, fuzzFixed(status, body))
		c.Jobs.sleep = func(context.Context, time.Duration) error { return context.DeadlineExceeded }
		ctx := context.Background()

		j, err := c.Jobs.Get(ctx, "j1")
		fuzzCheckErr(t, "Jobs.Get", err)
		if err == nil {
			fuzzRoundTrip(t, "Job", *j)
		}

		want, isJob := jobFromJSON(body)
		started, err := c.Jobs.Start(ctx, http.MethodGet, "/v2/partition/{partition}/report/tn/csv_2", nil, nil)
		fuzzCheckErr(t, "Jobs.Start", err)
		switch {
		case isJob && err != nil:
			t.Fatalf("Jobs.Start refused a job: %v", err)
		case !isJob && err == nil:
			t.Fatalf("Jobs.Start accepted what jobFromJSON refuses: %#v", started)
		case isJob:
			fuzzEqual(t, "Jobs.Start", want, started)
			if strings.TrimSpace(started.ID) == "" || !started.Status.Valid() {
				t.Fatalf("Jobs.Start gave a job without id or with status %q", started.Status)
			}
		}

		w, err := c.Jobs.Wait(ctx, "j1", nil)
		fuzzCheckErr(t, "Jobs.Wait", err)
		if err == nil && (w == nil || w.Status != JobDone) {
			t.Fatalf("Jobs.Wait ended without error on %#v", w)
		}
		if w != nil && w.Status == JobFailed && !errors.Is(err, ErrJobFailed) {
			t.Fatalf("a FAILED job is not ErrJobFailed: %v", err)
		}
	})
}

// FuzzLogin answers the login with arbitrary statuses and bodies
// (LoginTokenX).
func FuzzLogin(f *testing.F) {
	fuzzSeeds(f, 200, 401)
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		status = fuzzStatus(status)
		var mu sync.Mutex
		var sent []string
		rt := fuzzRoundTripper(func(r *http.Request) (int, []byte) {
			if r.URL.Path == pathAuthorize {
				return status, body
			}
			mu.Lock()
			sent = append(sent, strings.Join(gockHeader(r.Header, headerAuthToken), ","))
			mu.Unlock()
			return http.StatusOK, []byte(`[]`)
		})
		c, err := New(Credentials{Username: fuzzUser, Password: NewSecret(fuzzPassword)}, WithBaseURL("http://alianza.fuzz"),
			WithRetry(RetryPolicy{MaxAttempts: 1}), WithHTTPClient(&http.Client{Transport: rt}))
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		p, err := c.Login(ctx)
		// No token exists before a login succeeds: fuzzToken in the
		// body is only text here.
		fuzzCheckErrWithout(t, "Login", err, fuzzPassword)
		if err != nil {
			var e *Error
			if errors.As(err, &e) && e.Op != "Login (login)" {
				t.Fatalf("a failed login is reported as %q", e.Op)
			}
			// A login without a partition keeps its token (the next call
			// may name a partition through Client.Do); no other failure does.
			if tok, part := c.sess.current(); tok != nil && part != "" {
				t.Fatalf("a failed login left the token %q", tok.tok)
			}
			return
		}
		if status < 200 || status > 299 {
			t.Fatalf("a login answered with HTTP %d succeeded", status)
		}
		cur, part := c.sess.current()
		tok := ""
		if cur != nil {
			tok = cur.tok
		}
		switch {
		case p == "" || p != part:
			t.Fatalf("Login gave the partition %q, the session has %q", p, part)
		case tok == "" || tok != strings.TrimSpace(tok):
			t.Fatalf("the session token %q is empty or not trimmed", tok)
		}
		if _, err = c.Accounts.List(ctx); err != nil {
			t.Fatalf("the call after the login failed: %v", err)
		}
		mu.Lock()
		defer mu.Unlock()
		if len(sent) != 1 || sent[0] != tok {
			t.Fatalf("the call after the login sent X-AUTH-TOKEN %q, want [%q]", sent, tok)
		}
	})
}

func TestContainsOutsideEscape(t *testing.T) {
	for text, want := range map[string]bool{
		`Body:"fuzz-Pa55"`:              true,
		`Body:"\x1fuzz-Pa55"`:           false, // 0x1f then "uzz-Pa55"
		`Body:"\u00afuzz-Pa55"`:         false,
		`Body:"\x1f fuzz-Pa55"`:         true,
		`Body:"\x1fuzz-Pa55 fuzz-Pa55"`: true,
	} {
		if got := containsOutsideEscape(text, "fuzz-Pa55"); got != want {
			t.Errorf("%s: got %v, want %v", text, got, want)
		}
	}
}
