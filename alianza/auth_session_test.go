package alianza_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/alianza"
	"github.com/ispkit/ispkit/alianza/alianzatest"
	"github.com/ispkit/ispkit/internal/conformance"
)

// ChangePassword against the fake: what is sent, the stored password
// changed, the answer's token used, later re-logins with the new password.
func TestE2EChangePassword(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	_, err := c.Login(ctx)
	require.NoError(t, err)
	require.Equal(t, 1, srv.LoginCount())
	srv.ResetRequests()

	const newPass = "n3w-Passw0rd"
	require.NoError(t, c.ChangePassword(ctx, alianza.NewSecret(newPass)))
	r := lastRequest(t, srv)
	assert.Equal(t, "PUT", r.Method)
	assert.Equal(t, "/v2/authorize", r.Path)
	assert.JSONEq(t, `{"username":`+jsonText(alianzatest.DefaultUsername)+`,"password":`+jsonText(alianzatest.DefaultPassword)+
		`,"changePassword":"n3w-Passw0rd"}`, string(r.Body))
	assert.Empty(t, r.Header.Get("X-Auth-Token"), "the spec's changePassword needs no token")
	assert.Equal(t, 1, srv.PasswordChangeCount())

	// The answer's token is the session's: no new login.
	srv.ResetRequests()
	info, err := c.SessionInfo(ctx)
	require.NoError(t, err)
	assert.Equal(t, 1, srv.LoginCount(), "the token of the answer is used")
	r = lastRequest(t, srv)
	assert.Equal(t, "GET", r.Method)
	assert.Equal(t, "/v2/authorize/userinfo", r.Path)
	assert.NotEmpty(t, r.Header.Get("X-Auth-Token"))
	assert.Equal(t, alianzatest.DefaultUsername, info.Username)
	assert.Equal(t, alianzatest.DefaultPartitionID, info.PartitionID)
	assert.Equal(t, alianza.UserTypeManagementUser, info.UserType)
	assert.NotEmpty(t, info.UserID)
	assert.Equal(t, 1, info.MaxLifeInHours)
	assert.NotContains(t, fmt.Sprintf("%+v", info), r.Header.Get("X-Auth-Token"), "SessionInfo holds no token")

	// A re-login sends the new password.
	srv.ExpireTokens()
	srv.ResetRequests()
	_, err = c.SessionInfo(ctx)
	require.NoError(t, err)
	reqs := srv.Requests()
	require.Len(t, reqs, 3, "refused, login, retried")
	assert.Equal(t, "/v2/authorize", reqs[1].Path)
	assert.JSONEq(t, `{"username":`+jsonText(alianzatest.DefaultUsername)+`,"password":"n3w-Passw0rd"}`, string(reqs[1].Body))

	// The old password no longer logs in; the new one does.
	old, err := alianza.New(alianza.Credentials{Username: alianzatest.DefaultUsername, Password: alianza.NewSecret(alianzatest.DefaultPassword)},
		alianza.WithBaseURL(srv.URL))
	require.NoError(t, err)
	_, err = old.Login(ctx)
	require.ErrorIs(t, err, alianza.ErrUnauthorized)
	fresh, err := alianza.New(alianza.Credentials{Username: alianzatest.DefaultUsername, Password: alianza.NewSecret(newPass)},
		alianza.WithBaseURL(srv.URL))
	require.NoError(t, err)
	_, err = fresh.Login(ctx)
	require.NoError(t, err)

	// Changed again, from the new one.
	require.NoError(t, c.ChangePassword(ctx, alianza.NewSecret("th1rd-Passw0rd")))
	assert.Equal(t, 2, srv.PasswordChangeCount())

	// The fake's rule: a short password is refused, 400 FailedToUpdate,
	// and the client keeps its password.
	err = c.ChangePassword(ctx, alianza.NewSecret("short"))
	require.ErrorIs(t, err, alianza.ErrValidation)
	var e *alianza.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, http.StatusBadRequest, e.HTTPStatus)
	assert.Contains(t, err.Error(), alianzatest.MessageFailedToUpdate)
	srv.ExpireTokens()
	_, err = c.SessionInfo(ctx)
	require.NoError(t, err, "the re-login still uses th1rd-Passw0rd")
	assert.Equal(t, 2, srv.PasswordChangeCount())
}

// Bad input to ChangePassword is refused before anything is sent.
func TestChangePasswordInputErrors(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	for name, pw := range map[string]alianza.Secret{
		"empty":   alianza.NewSecret(""),
		"zero":    {},
		"current": alianza.NewSecret(alianzatest.DefaultPassword),
	} {
		err := c.ChangePassword(ctx, pw)
		require.ErrorIs(t, err, alianza.ErrInvalidInput, name)
		var ve *alianza.ValidationError
		require.ErrorAs(t, err, &ve, name)
		assert.Equal(t, "newPassword", ve.Field, name)
		assert.NotContains(t, err.Error(), alianzatest.DefaultPassword, name)
	}
	//lint:ignore SA1012 the nil context is the input under test
	require.ErrorIs(t, c.ChangePassword(nil, alianza.NewSecret("n3w-Passw0rd")), alianza.ErrInvalidInput)
	assert.Empty(t, srv.Requests(), "nothing was sent")
	assert.Equal(t, 0, srv.PasswordChangeCount())
}

// The password change is never sent twice once it may have arrived: a 503
// and a reset after the request are errors, not retries.
func TestChangePasswordNotRetried(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	srv.InjectFault(alianzatest.Fault{Path: "/v2/authorize", Status: http.StatusServiceUnavailable, Times: 1})
	err := c.ChangePassword(ctx, alianza.NewSecret("n3w-Passw0rd"))
	require.Error(t, err)
	assert.Equal(t, 1, srv.RequestCount("/v2/authorize"), "sent once")
	assert.Equal(t, 0, srv.PasswordChangeCount())
	// The client kept its password.
	_, err = c.Login(ctx)
	require.NoError(t, err)
}

// changeServer answers PUT /v2/authorize with change and GET
// /v2/authorize/userinfo with info; the login answers secToken.
func changeServer(t *testing.T, change, info http.HandlerFunc) (*alianza.Client, *bytes.Buffer) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodPost && r.URL.Path == "/v2/authorize":
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusCreated)
			_, _ = io.WriteString(w, `{"authToken":"`+secToken+`","partitionId":"P1"}`)
		case r.Method == http.MethodPut && r.URL.Path == "/v2/authorize":
			change(w, r)
		case r.URL.Path == "/v2/authorize/userinfo":
			info(w, r)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	logs := &bytes.Buffer{}
	c, err := alianza.New(confCredentials(), alianza.WithBaseURL(srv.URL),
		alianza.WithRetry(alianza.RetryPolicy{MaxAttempts: 3, MinWait: time.Millisecond, MaxWait: 2 * time.Millisecond}),
		alianza.WithLogger(slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	require.NoError(t, err)
	return c, logs
}

// newSecretPassword has the characters every escaping changes.
var newSecretPassword = conformance.Secret("newpw")

// echoes is every secret of a password change in the spellings a server
// may echo it: raw, JSON-escaped, URL-escaped.
func echoes(secrets ...string) string {
	var b strings.Builder
	for _, s := range secrets {
		b.WriteString(s + " " + strings.Trim(jsonText(s), `"`) + " " + url.QueryEscape(s) + " " + url.PathEscape(s) + " ")
	}
	return b.String()
}

func noChangeSecret(t *testing.T, what string, texts ...string) {
	t.Helper()
	for _, text := range texts {
		for _, s := range []string{confPassword, newSecretPassword, secToken, "tokNEW7f00d"} {
			for _, form := range []string{s, strings.Trim(jsonText(s), `"`), url.QueryEscape(s), url.PathEscape(s)} {
				if strings.Contains(text, form) {
					t.Errorf("%s shows the secret %.6s…: %.400q", what, s, text)
				}
			}
		}
	}
}

// A server that echoes the old and the new password and the session's
// token in its error, in a body that is not JSON, or in an answer that
// cannot be read shows none of them: not in the error, its chain, fmt's
// verbs or the log.
func TestChangePasswordErrorsScrubbed(t *testing.T) {
	ctx := context.Background()
	for name, answer := range map[string]func(w http.ResponseWriter, body []byte){
		"400 JSON": func(w http.ResponseWriter, body []byte) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			_, _ = io.WriteString(w, `{"status":400,"messages":["FailedToUpdate",`+jsonText(echoes(confPassword, newSecretPassword, secToken))+`],"data":{"body":`+jsonText(string(body))+`}}`)
		},
		"401 text": func(w http.ResponseWriter, body []byte) {
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = io.WriteString(w, "refused "+string(body)+" "+echoes(confPassword, newSecretPassword, secToken))
		},
		"200 unreadable": func(w http.ResponseWriter, body []byte) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{"authToken":"tokNEW7f00d","echo":`+jsonText(echoes(confPassword, newSecretPassword, secToken)+string(body))+`,"maxLifeInHours":"x"}`)
		},
	} {
		t.Run(name, func(t *testing.T) {
			var sent atomic.Int32
			c, logs := changeServer(t, func(w http.ResponseWriter, r *http.Request) {
				sent.Add(1)
				body, _ := io.ReadAll(r.Body)
				answer(w, body)
			}, func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(http.StatusBadRequest)
				_, _ = io.WriteString(w, "token "+r.Header.Get("X-Auth-Token")+" "+echoes(confPassword, newSecretPassword, secToken))
			})
			_, err := c.Login(ctx)
			require.NoError(t, err)
			err = c.ChangePassword(ctx, alianza.NewSecret(newSecretPassword))
			require.Error(t, err)
			assert.Equal(t, int32(1), sent.Load(), "sent once")
			if name == "200 unreadable" {
				require.ErrorIs(t, err, alianza.ErrBadResponse)
			}
			noChangeSecret(t, "ChangePassword", append(errorTexts(err), logs.String())...)
			assert.Contains(t, fmt.Sprintf("%v %s", err, logs), "REDACTED", "what was echoed shows scrubbed")

			// A later call's errors, with the new password in use, show
			// none of them either.
			_, err = c.SessionInfo(ctx)
			require.Error(t, err)
			noChangeSecret(t, "SessionInfo", append(errorTexts(err), logs.String())...)
		})
	}
}

// SessionInfo drops the auth token and the password hash LoginTokenX
// carries: a SessionInfo printed or encoded shows neither.
func TestSessionInfoDropsToken(t *testing.T) {
	c, logs := changeServer(t, func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) },
		func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{"authToken":`+jsonText(r.Header.Get("X-Auth-Token"))+`,"pwdHash":"HASHq9z","userId":"M1","userType":"ManagementUser",
				"endUserType":"ADMIN","username":"ops","firstName":"Ada","lastName":"King","emailAddress":"ada@example.com",
				"partitionId":"P1","partitionName":"ISP","accountId":"A1","permissions":{"ACCOUNT":"EDIT","CDR":"READ"},
				"featureToggles":{"beta":true},"mustChangePassword":true,"subPartitionIds":["P2"],"tokenSource":"LOGIN",
				"grantedAuthorities":["ROLE_X"],"mustAddEmail":false,"maxLifeInHours":12,"groupId":"G1","groupName":"Ops"}`)
		})
	info, err := c.SessionInfo(context.Background())
	require.NoError(t, err)
	assert.Equal(t, &alianza.SessionInfo{UserID: "M1", UserType: alianza.UserTypeManagementUser, EndUserType: alianza.EndUserTypeAdmin,
		Username: "ops", FirstName: "Ada", LastName: "King", EmailAddress: "ada@example.com", PartitionID: "P1", PartitionName: "ISP",
		AccountID: "A1", Permissions: map[string]alianza.MaxAccessType{"ACCOUNT": alianza.MaxAccessTypeEdit, "CDR": alianza.MaxAccessTypeRead},
		FeatureToggles: map[string]bool{"beta": true}, MustChangePassword: true, SubPartitionIDs: []string{"P2"}, TokenSource: "LOGIN",
		GrantedAuthorities: []string{"ROLE_X"}, MaxLifeInHours: 12, GroupID: "G1", GroupName: "Ops"}, info)
	js, err := json.Marshal(info)
	require.NoError(t, err)
	for _, text := range []string{fmt.Sprintf("%v %+v %#v", info, info, *info), string(js), logs.String()} {
		assert.NotContains(t, text, secToken)
		assert.NotContains(t, text, "HASHq9z")
	}
	var e *alianza.Error
	assert.False(t, errors.As(err, &e))
}

// Calls running while the password changes finish with the session they
// had; afterwards the client works on the new password (run with -race).
func TestChangePasswordConcurrentCalls(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	_, err := c.Login(ctx)
	require.NoError(t, err)
	errs := make(chan error, 20)
	for range 20 {
		go func() { _, err := c.SessionInfo(ctx); errs <- err }()
	}
	require.NoError(t, c.ChangePassword(ctx, alianza.NewSecret("n3w-Passw0rd")))
	for range 20 {
		require.NoError(t, <-errs)
	}
	srv.ExpireTokens()
	info, err := c.SessionInfo(ctx)
	require.NoError(t, err, "a re-login with the new password")
	assert.Equal(t, alianzatest.DefaultUsername, info.Username)
	assert.Equal(t, 2, srv.LoginCount(), "the first login and the re-login: the change's answer gave a token")
}
