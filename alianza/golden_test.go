package alianza

// Golden tests: every example of the vendor's OpenAPI spec that belongs to
// an operation or a schema this package covers, copied verbatim under
// testdata/alianza (see its README.md), goes through the public calls of the
// client. Answers are served by an httptest server and compared with
// hand-written values (never with the output of the decoder under test),
// with no value of the example left unread; request examples must equal what
// the client sends.
//
// The spec has no example of a resource answer (LoginTokenX, Account,
// AccountViewX, EndUserV2X, DeviceX, the telephone number schemas,
// CallingPlanX, UserProductPlanX, Job, the paged search answers): what it
// has are four PATCH fragments and the error shapes.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goldenDir holds the spec's examples (see its README.md).
const goldenDir = "../testdata/alianza"

const (
	goldenUser     = "golden-user"
	goldenPassword = "golden-pw"
	// goldenPartition needs escaping in a path.
	goldenPartition        = "golden part/1"
	goldenPartitionEscaped = "golden%20part%2F1"
)

// goldenSentinels are every sentinel of the package, for the "and no other"
// half of the sentinel checks.
var goldenSentinels = []error{
	ErrNotFound, ErrUnauthorized, ErrTokenExpired, ErrSIPUsernameInUse, ErrInvalidMAC,
	ErrValidation, ErrInvalidInput, ErrBadResponse, ErrJobFailed,
}

type goldenRequest struct {
	method, escapedPath, rawQuery string
	header                        http.Header
	body                          []byte
}

// goldenServer hands out numbered tokens at POST /v2/authorize (or answers
// the login with the example too, when loginToo is set) and answers every
// other request with status and body, recording it.
type goldenServer struct {
	*httptest.Server
	status   int
	body     []byte
	loginToo bool

	mu     sync.Mutex
	logins int
	reqs   []goldenRequest
}

func newGoldenServer(t *testing.T, status int, body []byte) *goldenServer {
	t.Helper()
	s := &goldenServer{status: status, body: body}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		s.mu.Lock()
		defer s.mu.Unlock()
		if r.Method == http.MethodPost && r.URL.Path == pathAuthorize {
			s.logins++
			if !s.loginToo {
				fmt.Fprintf(w, `{"authToken":"golden-token-%d","partitionId":%q,"userId":"golden-uid","userType":"ManagementUser","maxLifeInHours":1}`,
					s.logins, goldenPartition)
				return
			}
		} else {
			s.reqs = append(s.reqs, goldenRequest{method: r.Method, escapedPath: r.URL.EscapedPath(), rawQuery: r.URL.RawQuery, header: r.Header.Clone(), body: b})
		}
		w.WriteHeader(s.status)
		_, _ = w.Write(s.body)
	}))
	t.Cleanup(s.Close)
	return s
}

// client is a client of the server, without retries.
func (s *goldenServer) client(t *testing.T) *Client {
	t.Helper()
	c, err := New(Credentials{Username: goldenUser, Password: NewSecret(goldenPassword)}, WithBaseURL(s.URL), WithRetry(RetryPolicy{MaxAttempts: 1}))
	require.NoError(t, err)
	return c
}

func (s *goldenServer) counts() (logins, calls int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.logins, len(s.reqs)
}

func (s *goldenServer) only(t *testing.T) goldenRequest {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	require.Len(t, s.reqs, 1, "requests received besides the login")
	return s.reqs[0]
}

func goldenRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(goldenDir, name))
	require.NoError(t, err)
	return b
}

// goldenRawJSON compares json.RawMessage values as JSON, not as bytes: the
// files are indented, the server's answers need not be.
var goldenRawJSON = cmp.Comparer(func(a, b json.RawMessage) bool {
	if len(a) == 0 || len(b) == 0 {
		return len(a) == len(b)
	}
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return bytes.Equal(a, b)
	}
	return cmp.Equal(x, y)
})

// goldenDiff fails the test when want and got differ, reported as (-want +got).
func goldenDiff(t *testing.T, want, got any) {
	t.Helper()
	if d := cmp.Diff(want, got, goldenRawJSON); d != "" {
		t.Errorf("mismatch (-want +got):\n%s", d)
	}
}

// goldenSentinelsExactly: errors.Is holds for the sentinels listed and for
// no other sentinel of the package.
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

// goldenLeaves returns every scalar of a JSON text by path ("a.b[0]"),
// written as its JSON text (strings unquoted). Paths under skip are left out.
func goldenLeaves(t *testing.T, b []byte, skip ...string) map[string]string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	require.NoError(t, dec.Decode(&v), "JSON: %s", b)
	out := map[string]string{}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		for _, s := range skip {
			if path == s || strings.HasPrefix(path, s+".") || strings.HasPrefix(path, s+"[") {
				return
			}
		}
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				p := k
				if path != "" {
					p = path + "." + k
				}
				walk(p, e)
			}
		case []any:
			for i, e := range x {
				walk(path+"["+strconv.Itoa(i)+"]", e)
			}
		case nil:
			out[path] = "null"
		case string:
			out[path] = x
		default:
			out[path] = fmt.Sprint(x)
		}
	}
	walk("", v)
	return out
}

// goldenNothingLost checks that every scalar of the example (but those under
// skip) is a scalar of got, marshalled to JSON: nothing the example carries
// was dropped on the way.
func goldenNothingLost(t *testing.T, example []byte, got any, skip ...string) {
	t.Helper()
	b, err := json.Marshal(got)
	require.NoError(t, err)
	have := map[string]bool{}
	for _, v := range goldenLeaves(t, b) {
		have[v] = true
	}
	want := goldenLeaves(t, example, skip...)
	require.NotEmpty(t, want, "the example has values")
	for path, v := range want {
		assert.True(t, have[v], "the example's %s = %q is not in the result %s", path, v, b)
	}
}

// ---- request examples: the four PATCH fragments ----

// goldenPatch is one of the spec's PATCH request examples, sent through
// Client.Do (the typed layer has no PATCH for these resources, and
// AccountPatchRequest has no callScreeningSettings: see the README) with the typed
// value that produces it.
type goldenPatch struct {
	file, path, wantPath string
	body                 any
	answer               string
	out                  func() any // a new value of the resource's type
	want                 any        // the answer, decoded
	// typed: the example is a fragment of the resource's Go type, which
	// reads it back losing nothing.
	typed bool
}

func goldenPatches() []goldenPatch {
	return []goldenPatch{
		{
			file: "account_patch_request.json",
			path: "/v2/partition/{partition}/account/" + url.PathEscape("acct/7"), wantPath: "/v2/partition/" + goldenPartitionEscaped + "/account/acct%2F7",
			// Account's fields are all omitempty: a value with one field set
			// is a fragment.
			body:   Account{CallScreeningSettings: json.RawMessage(`{"anonymousCallScreen":"Block"}`)},
			answer: `{"id":"acct/7","accountNumber":"CUST-7","callScreeningSettings":{"anonymousCallScreen":"Block"}}`,
			out:    func() any { return new(Account) },
			want:   &Account{ID: "acct/7", AccountNumber: "CUST-7", CallScreeningSettings: json.RawMessage(`{"anonymousCallScreen":"Block"}`)},
			typed:  true,
		},
		{
			file: "deviceline_patch_request.json",
			path: "/v2/partition/{partition}/account/acct%2F7/deviceline/dev%201", wantPath: "/v2/partition/" + goldenPartitionEscaped + "/account/acct%2F7/deviceline/dev%201",
			body:   DeviceLine{DeviceName: "newDeviceName"},
			answer: `{"id":"dev 1","accountId":"acct/7","deviceName":"newDeviceName","lineNumber":1}`,
			out:    func() any { return new(DeviceLine) },
			want:   &DeviceLine{ID: "dev 1", AccountID: "acct/7", DeviceName: "newDeviceName", LineNumber: 1},
			typed:  true,
		},
		{
			file: "user_patch_request.json",
			path: "/v2/partition/{partition}/account/acct%2F7/user/u%3F1", wantPath: "/v2/partition/" + goldenPartitionEscaped + "/account/acct%2F7/user/u%3F1",
			body:   User{LanguageTag: "fr-CA"},
			answer: `{"id":"u?1","languageTag":"fr-CA","timeZone":"Canada/Eastern"}`,
			out:    func() any { return new(User) },
			want:   &User{ID: "u?1", LanguageTag: "fr-CA", TimeZone: "Canada/Eastern"},
			typed:  true,
		},
		{
			file: "telephonenumber_patch_request.json",
			path: "/v2/partition/{partition}/account/acct%2F7/telephonenumber/18015551212", wantPath: "/v2/partition/" + goldenPartitionEscaped + "/account/acct%2F7/telephonenumber/18015551212",
			// TelephoneNumber always sends its booleans, so it cannot be a
			// fragment (see TestGoldenTelephoneNumberIsNotAFragment).
			body: struct {
				ReferenceType NumberReferenceType `json:"referenceType"`
				ReferenceID   string              `json:"referenceId"`
			}{NumberRefEndUser, "someId"},
			answer: `{"id":"18015551212","phoneNumber":"18015551212","referenceType":"END_USER","referenceId":"someId","canAcceptSMS":true}`,
			out:    func() any { return new(TelephoneNumber) },
			want:   &TelephoneNumber{ID: "18015551212", PhoneNumber: "18015551212", ReferenceType: NumberRefEndUser, ReferenceID: "someId", CanAcceptSMS: true},
		},
	}
}

func TestGoldenPatchRequests(t *testing.T) {
	for _, tc := range goldenPatches() {
		t.Run(tc.file, func(t *testing.T) {
			example := goldenRead(t, tc.file)
			s := newGoldenServer(t, http.StatusOK, []byte(tc.answer))
			c := s.client(t)
			out := tc.out()
			require.NoError(t, c.Do(context.Background(), http.MethodPatch, tc.path, nil, tc.body, out))
			got := s.only(t)
			assert.Equal(t, http.MethodPatch, got.method)
			assert.Equal(t, tc.wantPath, got.escapedPath)
			assert.Empty(t, got.rawQuery)
			assert.Equal(t, "golden-token-1", got.header.Get(headerAuthToken))
			assert.Equal(t, "application/json", got.header.Get("Content-Type"))
			assert.JSONEq(t, string(example), string(got.body))
			goldenDiff(t, tc.want, out)

			if tc.typed {
				back := tc.out()
				require.NoError(t, json.Unmarshal(example, back))
				goldenNothingLost(t, example, back)
			}
		})
	}
}

// The typed TelephoneNumber is not a PATCH fragment: its booleans are
// always written. This pins the reason the example above goes through a
// struct of its own.
func TestGoldenTelephoneNumberIsNotAFragment(t *testing.T) {
	b, err := json.Marshal(TelephoneNumber{ReferenceType: NumberRefEndUser, ReferenceID: "someId"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"referenceType":"END_USER","referenceId":"someId","canAcceptSMS":false,"assignAsCallerId":false,"tollFree":false}`, string(b))
}

// ---- error examples ----

// goldenErrorCase is an error example served with status to every call of
// goldenErrorCalls. body builds the answer from the files (property-level
// examples are wrapped in their schema; whole answers are served as they
// are).
type goldenErrorCase struct {
	files  []string
	status int
	body   func(files [][]byte) []byte
	// want is the *Error every call returns, but Op.
	want      Error
	sentinels []error
	// unread are the paths of the example the client has no field for.
	unread []string
}

func goldenAsIs(files [][]byte) []byte { return files[0] }

func goldenErrorCases() []goldenErrorCase {
	const emailMsg = "path param emailAddress must be a well-formed email address"
	return []goldenErrorCase{
		{
			files:  []string{"public_api_exception_data.json"},
			status: http.StatusBadRequest,
			body: func(f [][]byte) []byte {
				return []byte(`{"status":400,"messages":["InvalidRequest"],"data":` + string(f[0]) + `}`)
			},
			want: Error{HTTPStatus: 400, Status: 400, Messages: []string{"InvalidRequest"},
				Data: json.RawMessage(`{"key":"value","key2":"value2"}`)},
			sentinels: []error{ErrValidation},
		},
		{
			files:     []string{"validation_error_response_errors.json"},
			status:    http.StatusBadRequest,
			body:      func(f [][]byte) []byte { return []byte(`{"errors":` + string(f[0]) + `}`) },
			want:      Error{HTTPStatus: 400, Messages: []string{emailMsg}},
			sentinels: []error{ErrValidation},
		},
		{
			files:     []string{"validation_error_response_sso_400.json"},
			status:    http.StatusBadRequest,
			body:      goldenAsIs,
			want:      Error{HTTPStatus: 400, Messages: []string{emailMsg}},
			sentinels: []error{ErrValidation},
		},
		{
			// The two property examples of OAuthErrorResponse, as one answer;
			// served with 401, as the whole 401 example carries the same code.
			files:  []string{"oauth_error_response_code.json", "oauth_error_response_message.json"},
			status: http.StatusUnauthorized,
			body: func(f [][]byte) []byte {
				return []byte(`{"code":` + string(bytes.TrimSpace(f[0])) + `,"message":` + string(bytes.TrimSpace(f[1])) + `}`)
			},
			want:      Error{HTTPStatus: 401, Code: "INVALID_STATE", Messages: []string{"State token validation failed"}},
			sentinels: []error{ErrUnauthorized},
		},
		{
			files:     []string{"oauth_error_response_400_invalid_authorization_code.json"},
			status:    http.StatusBadRequest,
			body:      goldenAsIs,
			want:      Error{HTTPStatus: 400, Code: "INVALID_AUTHORIZATION_CODE", Messages: []string{"Authorization code is invalid or has expired"}},
			sentinels: []error{ErrValidation},
			unread:    []string{"details"},
		},
		{
			files:     []string{"oauth_error_response_400_redirect_uri_mismatch.json"},
			status:    http.StatusBadRequest,
			body:      goldenAsIs,
			want:      Error{HTTPStatus: 400, Code: "REDIRECT_URI_MISMATCH", Messages: []string{"Redirect URI does not match the original request"}},
			sentinels: []error{ErrValidation},
			unread:    []string{"details"},
		},
		{
			files:     []string{"oauth_error_response_401_invalid_state.json"},
			status:    http.StatusUnauthorized,
			body:      goldenAsIs,
			want:      Error{HTTPStatus: 401, Code: "INVALID_STATE", Messages: []string{"State token validation failed - possible CSRF attack"}},
			sentinels: []error{ErrUnauthorized},
			unread:    []string{"details"},
		},
		{
			files:     []string{"oauth_error_response_404_session_expired.json"},
			status:    http.StatusNotFound,
			body:      goldenAsIs,
			want:      Error{HTTPStatus: 404, Code: "SESSION_EXPIRED", Messages: []string{"Authentication session has expired. Please initiate SSO login again."}},
			sentinels: []error{ErrNotFound},
			unread:    []string{"details"},
		},
	}
}

// goldenErrorCalls are calls of every service, each with the Op its error
// names.
var goldenErrorCalls = []struct {
	op   string
	call func(context.Context, *Client) error
}{
	{"Accounts.Get", func(ctx context.Context, c *Client) error { _, err := c.Accounts.Get(ctx, "acct/7"); return err }},
	{"Accounts.Search", func(ctx context.Context, c *Client) error { _, err := c.Accounts.Search(ctx, "Ada"); return err }},
	{"Accounts.Create", func(ctx context.Context, c *Client) error {
		_, err := c.Accounts.Create(ctx, Account{AccountNumber: "CUST-7", AccountName: "Ada Lovelace", AccountType: AccountSimple,
			BillingCycleDay: 1, DialingBehaviorType: DialTenDigit})
		return err
	}},
	{"Accounts.Patch", func(ctx context.Context, c *Client) error {
		_, err := c.Accounts.Patch(ctx, "acct/7", AccountPatchRequest{LanguageTag: ptr("fr-CA")})
		return err
	}},
	{"Accounts.History", func(ctx context.Context, c *Client) error {
		for _, err := range c.Accounts.History(ctx, "acct/7", &HistoryOptions{}) {
			if err != nil {
				return err
			}
		}
		return nil
	}},
	{"Users.List", func(ctx context.Context, c *Client) error { _, err := c.Users.List(ctx, "acct/7"); return err }},
	{"DeviceLines.Get", func(ctx context.Context, c *Client) error {
		_, err := c.DeviceLines.Get(ctx, "acct/7", "dev 1")
		return err
	}},
	{"Numbers.Search", func(ctx context.Context, c *Client) error {
		_, err := c.Numbers.Search(ctx, NumberSearchRequest{Query: "84062"})
		return err
	}},
	{"CallingPlans.Get", func(ctx context.Context, c *Client) error {
		_, err := c.CallingPlans.Get(ctx, "acct/7", CallingPlanRef{})
		return err
	}},
	{"ProductPlans.List", func(ctx context.Context, c *Client) error { _, err := c.ProductPlans.List(ctx, "acct/7"); return err }},
	{"Jobs.Get", func(ctx context.Context, c *Client) error { _, err := c.Jobs.Get(ctx, "job-1"); return err }},
	{"Do PATCH /v2/partition/" + goldenPartitionEscaped + "/account/acct%2F7", func(ctx context.Context, c *Client) error {
		return c.Do(ctx, http.MethodPatch, "/v2/partition/{partition}/account/acct%2F7", nil, map[string]string{"languageTag": "fr-CA"}, nil)
	}},
}

func TestGoldenErrorExamples(t *testing.T) {
	for _, tc := range goldenErrorCases() {
		var files [][]byte
		for _, f := range tc.files {
			files = append(files, goldenRead(t, f))
		}
		body := tc.body(files)
		t.Run(strings.Join(tc.files, "+"), func(t *testing.T) {
			for _, gc := range goldenErrorCalls {
				t.Run(gc.op, func(t *testing.T) {
					s := newGoldenServer(t, tc.status, body)
					err := gc.call(context.Background(), s.client(t))
					want := tc.want
					want.Op = gc.op
					goldenCheckErr(t, err, &want, tc.sentinels...)
					logins, calls := s.counts()
					if tc.status == http.StatusUnauthorized {
						// Refused: one new login, one retry, then the answer.
						assert.Equal(t, 2, logins, "logins")
						assert.Equal(t, 2, calls, "calls")
					} else {
						assert.Equal(t, 1, logins, "logins")
						assert.Equal(t, 1, calls, "calls")
					}
					for _, f := range files {
						goldenNothingLost(t, f, err, tc.unread...)
					}
				})
			}
			// The same answer to the login itself: never a second login.
			t.Run("Login", func(t *testing.T) {
				s := newGoldenServer(t, tc.status, body)
				s.loginToo = true
				_, err := s.client(t).Login(context.Background())
				want := tc.want
				want.Op = "Login (login)"
				goldenCheckErr(t, err, &want, tc.sentinels...)
				logins, calls := s.counts()
				assert.Equal(t, 1, logins, "logins")
				assert.Zero(t, calls)
			})
		})
	}
}

// goldenCheckErr checks that err is an *Error equal to want and matches
// exactly the sentinels listed.
func goldenCheckErr(t *testing.T, err error, want *Error, sentinels ...error) {
	t.Helper()
	require.Error(t, err)
	var e *Error
	require.ErrorAs(t, err, &e, "error %T: %v", err, err)
	goldenDiff(t, want, e)
	goldenSentinelsExactly(t, err, sentinels...)
	assert.True(t, strings.HasPrefix(err.Error(), "alianza: "+want.Op+": "), "%q", err.Error())
}

// ---- the files themselves ----

// goldenFiles are every file the tests above use, for the check that the
// directory holds nothing else and that its README describes each.
func goldenFiles() []string {
	var names []string
	for _, p := range goldenPatches() {
		names = append(names, p.file)
	}
	for _, c := range goldenErrorCases() {
		names = append(names, c.files...)
	}
	sort.Strings(names)
	return names
}

func TestGoldenFilesCovered(t *testing.T) {
	entries, err := os.ReadDir(goldenDir)
	require.NoError(t, err)
	var onDisk []string
	for _, e := range entries {
		if e.Name() != "README.md" && !e.IsDir() { // field/ has its own test: golden_field_test.go
			onDisk = append(onDisk, e.Name())
		}
	}
	sort.Strings(onDisk)
	used := goldenFiles()
	assert.Equal(t, onDisk, used, "every file of %s is used by a test, and every file used exists", goldenDir)
	readme := string(goldenRead(t, "README.md"))
	for _, name := range used {
		assert.Contains(t, readme, "`"+name+"`", "README.md describes %s", name)
		// The files are the spec's JSON: valid, and untouched by hand.
		assert.True(t, json.Valid(goldenRead(t, name)), "%s is JSON", name)
	}
}
