package baicells_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/baicells"
)

// Server text that carries a secret reaches the caller scrubbed: the
// reproductions of issue 10's baicells findings. The conformance matrix
// checks every spelling on every operation; these tests pin each finding to
// the code path that had it.

// A cloud key with a quote, so that %q spells it differently from its raw
// form, and long enough that a 40-byte cut keeps most of it.
const leakyKey = `ck-"quoted"-secret-cloud-key-5f1e77a9`

var leakyCreds = baicells.Credentials{CloudKey: baicells.NewSecret(leakyKey), Username: "operator", Password: baicells.NewSecret("pw-secret-9a7c31")}

// secretShown reports where err shows a fragment (8 bytes or more) of
// secret, raw or Go-quoted, through its text, fmt's verbs and its unwrap
// chain; "" when nowhere.
func secretShown(err error, secret string) string {
	if err == nil {
		return ""
	}
	texts := map[string]string{
		"Error()": err.Error(), "%+v": fmt.Sprintf("%+v", err), "%#v": fmt.Sprintf("%#v", err), "%q": fmt.Sprintf("%q", err),
	}
	for i, e := 0, errors.Unwrap(err); e != nil && i < 16; i, e = i+1, errors.Unwrap(e) {
		texts[fmt.Sprintf("chain[%d] %T", i+1, e)] = e.Error()
	}
	quoted := strconv.Quote(secret)
	forms := []string{secret, quoted[1 : len(quoted)-1]}
	for where, text := range texts {
		for _, form := range forms {
			for i := 0; i+8 <= len(form); i++ {
				if strings.Contains(text, form[i:i+8]) {
					return fmt.Sprintf("%s shows %q of the secret: %s", where, form[i:i+8], text)
				}
			}
		}
	}
	return ""
}

// echoServer answers every request with answer(request's cloud_key,
// request body).
func echoServer(t *testing.T, answer func(key string, body []byte) (int, string)) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		status, text := answer(r.Header.Get("cloud_key"), body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, text)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func leakyClient(t *testing.T, url string) *baicells.Client {
	t.Helper()
	c, err := baicells.New(leakyCreds, baicells.WithBaseURL(url+"/baicellsapi"), baicells.WithRetry(baicells.RetryPolicy{MaxAttempts: 1}))
	require.NoError(t, err)
	return c
}

// A result_code that is not a number was put into the error as %.40q of the
// raw value: an echoed cloud key showed its first 36 bytes.
func TestNonNumericResultCodeScrubbed(t *testing.T) {
	srv := echoServer(t, func(key string, _ []byte) (int, string) {
		return http.StatusOK, `{"session_id":"1","result_code":` + jsonString(key) + `,"message":"x"}`
	})
	c := leakyClient(t, srv.URL)
	err := c.Subscribers.Activate(context.Background(), "s1")
	require.Error(t, err)
	assert.ErrorIs(t, err, baicells.ErrBadResponse)
	assert.Empty(t, secretShown(err, leakyKey))
	assert.Contains(t, err.Error(), "result_code", "the error still says what was wrong")
}

// The bulk create answer's fail_list: a non-numeric result_code went into
// BulkFailure.Err as %.40q, and result_message into BulkFailure.Message as
// it came.
func TestBulkFailListScrubbed(t *testing.T) {
	srv := echoServer(t, func(key string, _ []byte) (int, string) {
		return http.StatusOK, `{"session_id":"1","total":2,"successful quantity":0,"unsuccessful quantity":2,"success_list":[],"fail_list":[` +
			`{"sub_id":"b1","imsi":"311980000000011","result_code":` + jsonString(key) + `,"result_message":` + jsonString("refused for "+key) + `},` +
			`{"sub_id":"b2","imsi":"311980000000012","result_code":"4302","result_message":` + jsonString("IMSI in use; key "+key) + `}]}`
	})
	c := leakyClient(t, srv.URL)
	res, err := c.Subscribers.BulkCreate(context.Background(), []baicells.SubscriberCreateRequest{
		{Profile: baicells.Profile{ID: "b1"}, IMSI: "311980000000011"},
		{Profile: baicells.Profile{ID: "b2"}, IMSI: "311980000000012"},
	}, nil)
	require.NoError(t, err, "per-record failures are not an error")
	require.Len(t, res.Failed, 2)

	bad := res.Failed[0]
	assert.Equal(t, "b1", bad.SubID)
	assert.Zero(t, bad.Code)
	require.Error(t, bad.Err)
	assert.ErrorIs(t, bad.Err, baicells.ErrBadResponse)
	assert.Empty(t, secretShown(bad.Err, leakyKey))
	assert.NotContains(t, bad.Message, "secret-cloud-key")
	assert.Contains(t, bad.Message, "refused for")

	inUse := res.Failed[1]
	assert.Equal(t, baicells.CodeIMSIInUse, inUse.Code)
	assert.ErrorIs(t, inUse.Err, baicells.ErrIMSIInUse)
	assert.Empty(t, secretShown(inUse.Err, leakyKey))
	assert.NotContains(t, inUse.Message, "secret-cloud-key")
	assert.Contains(t, inUse.Message, "IMSI in use")
	for _, f := range res.Failed {
		assert.NotContains(t, fmt.Sprintf("%+v", f), "secret-cloud-key")
	}
}

// Client.Do scrubbed only the client's credentials from a BOSS error: a
// secret field of the request body (a password) echoed in the message came
// back whole.
func TestDoScrubsRequestBodySecrets(t *testing.T) {
	const bodyPassword = "Zk7q-9f1c-71c2e9-Wv"
	srv := echoServer(t, func(_ string, body []byte) (int, string) {
		return http.StatusOK, `{"session_id":"1","result_code":"5001","message":` + jsonString("System error: "+string(body)) + `}`
	})
	c := leakyClient(t, srv.URL)
	err := c.Do(context.Background(), http.MethodPost, "/customers/create", map[string]any{"sub_id": "s1", "password": bodyPassword}, nil)
	require.Error(t, err)
	assert.ErrorIs(t, err, baicells.ErrSystem)
	assert.Empty(t, secretShown(err, bodyPassword))
	assert.Contains(t, err.Error(), "System error")
}

// A usage record whose time does not parse was reported as %.40q of the
// raw time: an echoed cloud key showed.
func TestUsageTimeScrubbed(t *testing.T) {
	srv := echoServer(t, func(key string, _ []byte) (int, string) {
		return http.StatusOK, `{"session_id":"1","result_code":"200","usage_infos":[{"imsi":"311980000000001","total_usage":1,"usage_time":` + jsonString(key) + `}]}`
	})
	c := leakyClient(t, srv.URL)
	var errs []error
	for _, err := range c.Usage.Hourly(context.Background(), baicells.UsageRequest{From: confFrom, To: confFrom.Add(1)}) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], baicells.ErrBadResponse)
	assert.Empty(t, secretShown(errs[0], leakyKey))
	var e *baicells.Error
	require.ErrorAs(t, errs[0], &e)
	assert.Equal(t, http.StatusOK, e.HTTPStatus, "an answer arrived")
}

// WithoutAuthHeaders and no credentials: the base64 of ":" ("Og==") is no
// secret, and a server text holding it is shown as it is.
func TestWithoutAuthHeadersNoEmptyToken(t *testing.T) {
	var hits atomic.Int32
	srv := echoServer(t, func(string, []byte) (int, string) {
		hits.Add(1)
		return http.StatusOK, `{"session_id":"1","result_code":"5001","message":"token Og== refused"}`
	})
	c, err := baicells.New(baicells.Credentials{}, baicells.WithBaseURL(srv.URL), baicells.WithoutAuthHeaders(),
		baicells.WithRetry(baicells.RetryPolicy{MaxAttempts: 1}))
	require.NoError(t, err)
	err = c.Subscribers.Activate(context.Background(), "s1")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "token Og== refused")
	assert.EqualValues(t, 1, hits.Load())
}

// Credentials had String, GoString, Format and LogValue but no JSON
// masking: json.Marshal and slog's JSON handler printed both secrets.
func TestCredentialsJSONMasked(t *testing.T) {
	b, err := json.Marshal(leakyCreds)
	require.NoError(t, err)
	assert.JSONEq(t, `{"cloud_key":"REDACTED","username":"operator","password":"REDACTED"}`, string(b))
	b, err = json.Marshal(struct {
		C  baicells.Credentials
		P  *baicells.Credentials
		CS []baicells.Credentials
	}{leakyCreds, &leakyCreds, []baicells.Credentials{leakyCreds}})
	require.NoError(t, err)
	assert.NotContains(t, string(b), "secret-cloud-key")
	assert.NotContains(t, string(b), "pw-secret")
	assert.Equal(t, leakyKey, leakyCreds.CloudKey.Reveal(), "the value is still there to send")
}
