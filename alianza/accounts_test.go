package alianza

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wireRecorder answers logins and records every other request, answering
// with the status and body its handler picks.
type wireRecorder struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []recorded
	// answer returns the status and body for a non-login request.
	answer func(r *http.Request, body []byte) (int, string)
}

type recorded struct {
	method, path, query, token string
	body                       []byte
}

func newWireRecorder(t *testing.T, answer func(*http.Request, []byte) (int, string)) (*wireRecorder, *Client) {
	t.Helper()
	w := &wireRecorder{answer: answer}
	w.Server = httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rw.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/v2/authorize" {
			_, _ = io.WriteString(rw, `{"authToken":"tok-1","partitionId":"part 1"}`)
			return
		}
		w.mu.Lock()
		w.reqs = append(w.reqs, recorded{r.Method, r.URL.EscapedPath(), r.URL.RawQuery, r.Header.Get("X-AUTH-TOKEN"), body})
		w.mu.Unlock()
		status, out := w.answer(r, body)
		rw.WriteHeader(status)
		_, _ = io.WriteString(rw, out)
	}))
	t.Cleanup(w.Close)
	c, err := New(Credentials{Username: "u", Password: NewSecret("p")}, WithBaseURL(w.URL),
		WithRetry(RetryPolicy{MaxAttempts: 1}))
	require.NoError(t, err)
	return w, c
}

func (w *wireRecorder) last(t *testing.T) recorded {
	t.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	require.NotEmpty(t, w.reqs)
	return w.reqs[len(w.reqs)-1]
}

func (w *wireRecorder) count() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.reqs)
}

const accountJSON = `{"id":"a/1","partitionId":"part 1","accountNumber":"CUST-1001","accountName":"Ada Lovelace",` +
	`"billingCycleDay":15,"status":"ACTIVE","accountType":"ADVANCED","platformType":"V2_1","extensionLength":4,` +
	`"dialingBehaviorType":"DIAL_NINE_TEN_DIGIT","timeZone":"US/Eastern",` +
	`"callingPlans":[{"id":"cp1","startDate":"2026-11-01T00:00:00Z","planMinutes":1000,"secondsRemaining":54000}]}`

func TestAccountsWire(t *testing.T) {
	w, c := newWireRecorder(t, func(r *http.Request, _ []byte) (int, string) {
		switch {
		case r.URL.Path == "/v2/partition/part 1/account" && r.Method == http.MethodGet:
			return 200, "[" + accountJSON + "]"
		case r.URL.Path == "/v2/partition/part 1/account/search":
			return 200, `[{"id":"a/1","accountNumber":"CUST-1001","type":"ADVANCED","accountStatus":"ACTIVE"}]`
		case r.Method == http.MethodDelete:
			return 200, ""
		}
		return 200, accountJSON
	})
	ctx := context.Background()

	list, err := c.Accounts.List(ctx)
	require.NoError(t, err)
	require.Len(t, list, 1)
	got := list[0]
	assert.Equal(t, "CUST-1001", got.AccountNumber)
	assert.Equal(t, AccountAdvanced, got.AccountType)
	assert.Equal(t, DialNineTenDigit, got.DialingBehaviorType)
	assert.Equal(t, AccountActive, got.Status)
	require.Len(t, got.CallingPlans, 1)
	assert.Equal(t, int64(54000), got.CallingPlans[0].SecondsRemaining)
	assert.Equal(t, 2026, got.CallingPlans[0].StartDate.Year())
	r := w.last(t)
	assert.Equal(t, "GET /v2/partition/part%201/account tok-1", r.method+" "+r.path+" "+r.token)

	views, err := c.Accounts.Search(ctx, "Ada L")
	require.NoError(t, err)
	require.Len(t, views, 1)
	assert.Equal(t, AccountActive, views[0].AccountStatus)
	assert.Equal(t, "q=Ada+L", w.last(t).query)

	_, err = c.Accounts.Get(ctx, "a/1")
	require.NoError(t, err)
	assert.Equal(t, "/v2/partition/part%201/account/a%2F1", w.last(t).path, "ids are escaped")
	assert.Empty(t, w.last(t).query)

	_, err = c.Accounts.GetByNumber(ctx, "CUST-1001")
	require.NoError(t, err)
	assert.Equal(t, "accountIdType=AccountNumber", w.last(t).query)

	created, err := c.Accounts.Create(ctx, Account{
		AccountNumber: "CUST-1001", AccountName: "Ada Lovelace", AccountType: AccountAdvanced,
		BillingCycleDay: 15, DialingBehaviorType: DialNineTenDigit, ExtensionLength: 4,
	})
	require.NoError(t, err)
	assert.Equal(t, "a/1", created.ID)
	r = w.last(t)
	assert.Equal(t, http.MethodPost, r.method)
	assert.JSONEq(t, `{"accountNumber":"CUST-1001","accountName":"Ada Lovelace","accountType":"ADVANCED",
		"billingCycleDay":15,"dialingBehaviorType":"DIAL_NINE_TEN_DIGIT","extensionLength":4}`, string(r.body))

	got.AccountName = "Ada King"
	_, err = c.Accounts.Update(ctx, got)
	require.NoError(t, err)
	r = w.last(t)
	assert.Equal(t, http.MethodPut, r.method)
	var sent map[string]any
	require.NoError(t, json.Unmarshal(r.body, &sent))
	assert.Equal(t, "Ada King", sent["accountName"])
	assert.Equal(t, "a/1", sent["id"])

	name := "Ada K."
	_, err = c.Accounts.Patch(ctx, "a/1", AccountPatchRequest{AccountName: &name})
	require.NoError(t, err)
	r = w.last(t)
	assert.Equal(t, http.MethodPatch, r.method)
	assert.JSONEq(t, `{"accountName":"Ada K."}`, string(r.body))

	require.NoError(t, c.Accounts.Delete(ctx, "a/1"))
	assert.Equal(t, http.MethodDelete, w.last(t).method)
}

func TestAccountValidationSendsNothing(t *testing.T) {
	w, c := newWireRecorder(t, func(*http.Request, []byte) (int, string) { return 200, accountJSON })
	ctx := context.Background()
	good := Account{AccountNumber: "CUST-1", AccountName: "Name", AccountType: AccountSimple, BillingCycleDay: 1, DialingBehaviorType: DialTenDigit}
	bad := func(f func(a *Account)) Account { a := good; f(&a); return a }
	for name, a := range map[string]Account{
		"no number":           bad(func(a *Account) { a.AccountNumber = "" }),
		"short number":        bad(func(a *Account) { a.AccountNumber = "ab" }),
		"no name":             bad(func(a *Account) { a.AccountName = " " }),
		"no type":             bad(func(a *Account) { a.AccountType = "" }),
		"unknown type":        bad(func(a *Account) { a.AccountType = "BUSINESS" }),
		"no billing day":      bad(func(a *Account) { a.BillingCycleDay = 0 }),
		"billing day 29":      bad(func(a *Account) { a.BillingCycleDay = 29 }),
		"billing day -1":      bad(func(a *Account) { a.BillingCycleDay = -1 }),
		"no dialing":          bad(func(a *Account) { a.DialingBehaviorType = "" }),
		"unknown dialing":     bad(func(a *Account) { a.DialingBehaviorType = "NINE" }),
		"dial nine on SIMPLE": bad(func(a *Account) { a.DialingBehaviorType = DialNineSevenDigit }),
		"extension on SIMPLE": bad(func(a *Account) { a.ExtensionLength = 4 }),
		"extension 2":         bad(func(a *Account) { a.AccountType = AccountAdvanced; a.ExtensionLength = 2 }),
		"extension 7":         bad(func(a *Account) { a.AccountType = AccountAdvanced; a.ExtensionLength = 7 }),
		"unknown status":      bad(func(a *Account) { a.Status = "ON" }),
		"unknown time zone":   bad(func(a *Account) { a.TimeZone = "Europe/Dublin" }),
		"unknown platform":    bad(func(a *Account) { a.PlatformType = "V3" }),
		"unknown regulatory":  bad(func(a *Account) { a.RegulatoryType = "MILITARY" }),
		"hold timeout 10":     bad(func(a *Account) { a.HoldTimeoutSeconds = 10 }),
		"id set":              bad(func(a *Account) { a.ID = "x" }),
	} {
		_, err := c.Accounts.Create(ctx, a)
		assert.ErrorIs(t, err, ErrInvalidInput, name)
	}
	adv := good
	adv.AccountType, adv.DialingBehaviorType, adv.ExtensionLength = AccountAdvanced, DialNineSevenDigit, 6
	_, err := c.Accounts.Create(ctx, adv)
	require.NoError(t, err, "DIAL_NINE and an extension length are fine on ADVANCED")
	require.Equal(t, 1, w.count())

	zero, day := 0, 31
	_, err = c.Accounts.Patch(ctx, "a", AccountPatchRequest{})
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, err = c.Accounts.Patch(ctx, "a", AccountPatchRequest{BillingCycleDay: &day})
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, err = c.Accounts.Patch(ctx, "a", AccountPatchRequest{ExtensionLength: &zero})
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, err = c.Accounts.Update(ctx, Account{AccountName: "x"})
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, err = c.Accounts.Get(ctx, "")
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, err = c.Accounts.Search(ctx, " ")
	assert.ErrorIs(t, err, ErrInvalidInput)
	assert.ErrorIs(t, c.Accounts.Delete(ctx, ""), ErrInvalidInput)
	assert.Equal(t, 1, w.count(), "nothing else was sent")
}

func TestEnsureStatusWritesOnlyOnChange(t *testing.T) {
	status := "ACTIVE"
	var mu sync.Mutex
	w, c := newWireRecorder(t, func(r *http.Request, body []byte) (int, string) {
		mu.Lock()
		defer mu.Unlock()
		if r.Method == http.MethodPatch {
			var p struct{ Status string }
			_ = json.Unmarshal(body, &p)
			status = p.Status
		}
		return 200, `{"id":"a1","accountNumber":"N-1","status":"` + status + `"}`
	})
	ctx := context.Background()

	a, changed, err := c.Accounts.EnsureStatus(ctx, "a1", true)
	require.NoError(t, err)
	assert.False(t, changed)
	assert.Equal(t, AccountActive, a.Status)
	assert.Equal(t, 1, w.count(), "a read, no write")

	a, changed, err = c.Accounts.EnsureStatus(ctx, "a1", false)
	require.NoError(t, err)
	assert.True(t, changed)
	assert.Equal(t, AccountDisabled, a.Status)
	r := w.last(t)
	assert.Equal(t, http.MethodPatch, r.method)
	assert.JSONEq(t, `{"status":"DISABLED"}`, string(r.body))

	_, changed, err = c.Accounts.EnsureStatus(ctx, "a1", false)
	require.NoError(t, err)
	assert.False(t, changed)
	assert.Equal(t, 4, w.count())
}

func TestErrorShapes(t *testing.T) {
	cases := []struct {
		status   int
		body     string
		messages []string
		code     string
		is       []error
	}{
		{400, `{"status":400,"messages":["SipUsernameInUse"],"data":{"sipPassword":"s3cret"}}`, []string{"SipUsernameInUse"}, "", []error{ErrSIPUsernameInUse, ErrValidation}},
		{400, `{"status":400,"messages":["InvalidMacAddress"]}`, []string{"InvalidMacAddress"}, "", []error{ErrInvalidMAC, ErrValidation}},
		{404, `{"status":404,"messages":["AccountNotFound"],"data":{}}`, []string{"AccountNotFound"}, "", []error{ErrNotFound}},
		{400, `{"errors":["accountName: size must be between 3 and 256"]}`, []string{"accountName: size must be between 3 and 256"}, "", []error{ErrValidation}},
		{400, `{"code":1002,"message":"Bad account id"}`, []string{"Bad account id"}, "1002", []error{ErrValidation}},
		{409, `{"code":"BRAND","description":"Brand exists"}`, []string{"Brand exists"}, "BRAND", nil},
		{502, `<html>Bad gateway</html>`, nil, "", nil},
	}
	for _, tc := range cases {
		_, c := newWireRecorder(t, func(*http.Request, []byte) (int, string) { return tc.status, tc.body })
		_, err := c.Accounts.Get(context.Background(), "a1")
		var e *Error
		require.ErrorAs(t, err, &e, tc.body)
		assert.Equal(t, tc.status, e.HTTPStatus)
		assert.Equal(t, tc.messages, e.Messages, tc.body)
		assert.Equal(t, tc.code, e.Code, tc.body)
		for _, s := range tc.is {
			assert.ErrorIs(t, err, s, tc.body)
		}
		assert.NotContains(t, err.Error()+string(e.Data), "s3cret", "data is redacted")
		if tc.messages == nil {
			assert.Contains(t, e.Body, "Bad gateway")
		}
	}
}
