package alianza

// Golden tests of the shapes seen in the field (testdata/alianza/field, see
// its README.md): the login answered 201, a 401 in either form, the device
// line a provisioning tool creates, the registration status.

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/internal/transport"
)

const fieldDir = "../testdata/alianza/field"

func fieldRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fieldDir, name))
	require.NoError(t, err)
	return b
}

// fieldAnswer is one answer of a fieldServer.
type fieldAnswer struct {
	status int
	body   []byte
}

// fieldServer answers the logins and the other calls in order, each from
// its own list (the last answer repeats), recording the calls' bodies.
type fieldServer struct {
	*httptest.Server
	mu            sync.Mutex
	logins, calls []fieldAnswer
	nLogin, nCall int
	bodies        [][]byte
	tokens        []string
}

func newFieldServer(t *testing.T, logins, calls []fieldAnswer) *fieldServer {
	t.Helper()
	s := &fieldServer{logins: logins, calls: calls}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		var a fieldAnswer
		if r.Method == http.MethodPost && r.URL.Path == pathAuthorize {
			a = s.logins[min(s.nLogin, len(s.logins)-1)]
			s.nLogin++
		} else {
			a = s.calls[min(s.nCall, len(s.calls)-1)]
			s.nCall++
			s.bodies = append(s.bodies, b)
			s.tokens = append(s.tokens, r.Header.Get(headerAuthToken))
		}
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(a.status)
		_, _ = w.Write(a.body)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *fieldServer) client(t *testing.T) *Client {
	t.Helper()
	c, err := New(Credentials{Username: "field-user", Password: NewSecret("field-pw")}, WithBaseURL(s.URL), WithRetry(RetryPolicy{MaxAttempts: 1}))
	require.NoError(t, err)
	return c
}

// The login answered 201 (as production answers) or 200 (the spec gives no
// status): its token and partition are used.
func TestFieldLogin201(t *testing.T) {
	login := fieldRead(t, "authorize_response_201.json")
	for _, status := range []int{http.StatusCreated, http.StatusOK} {
		s := newFieldServer(t, []fieldAnswer{{status, login}}, []fieldAnswer{{http.StatusOK, []byte(`[]`)}})
		c := s.client(t)
		p, err := c.Login(context.Background())
		require.NoError(t, err, "HTTP %d", status)
		assert.Equal(t, "3a7c9e1b-5d2f-4b8a-a6c4-0e9f1d2b3c4a", p)
		_, err = c.Accounts.List(context.Background())
		require.NoError(t, err)
		assert.Equal(t, []string{"5f0c7a52-3b8e-4c1d-9a77-2e1f4d6b8c90"}, s.tokens)
		var tok wireLoginToken
		require.NoError(t, decode("Login", &transport.Response{StatusCode: status, Body: login}, &tok))
		want := wireLoginToken{AuthToken: "5f0c7a52-3b8e-4c1d-9a77-2e1f4d6b8c90", UserID: "8d1e3f20-6a4b-4c59-8e2d-7b9a0c1f2e34",
			UserType: "ManagementUser", Username: "provisioning-api", PartitionID: "3a7c9e1b-5d2f-4b8a-a6c4-0e9f1d2b3c4a", MaxLifeInHours: 12}
		assert.Empty(t, cmp.Diff(want, tok), "(-want +got)")
	}
}

// A 401 in either form: the client logs in again once and retries; a second
// 401 is the answer. Both forms match ErrUnauthorized; only the
// PublicApiException form names the expired token.
func TestField401Forms(t *testing.T) {
	login := fieldRead(t, "authorize_response_201.json")
	for _, tc := range []struct {
		file     string
		messages []string
		expired  bool
	}{
		{"unauthorized_401_gateway.json", []string{"Unauthorized"}, false},
		{"expired_auth_token_401.json", []string{MessageExpiredAuthToken}, true},
	} {
		t.Run(tc.file, func(t *testing.T) {
			refused := fieldAnswer{http.StatusUnauthorized, fieldRead(t, tc.file)}
			// Refused once: one new login, the call succeeds.
			s := newFieldServer(t, []fieldAnswer{{http.StatusCreated, login}}, []fieldAnswer{refused, {http.StatusOK, []byte(`{"id":"a1"}`)}})
			a, err := s.client(t).Accounts.Get(context.Background(), "a1")
			require.NoError(t, err)
			assert.Equal(t, "a1", a.ID)
			assert.Equal(t, 2, s.nLogin)
			assert.Equal(t, 2, s.nCall)

			// Refused twice: the second 401 is the answer.
			s = newFieldServer(t, []fieldAnswer{{http.StatusCreated, login}}, []fieldAnswer{refused})
			_, err = s.client(t).Accounts.Get(context.Background(), "a1")
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, http.StatusUnauthorized, e.HTTPStatus)
			assert.Equal(t, tc.messages, e.Messages)
			assert.ErrorIs(t, err, ErrUnauthorized)
			assert.Equal(t, tc.expired, errors.Is(err, ErrTokenExpired))
			assert.Equal(t, 2, s.nLogin, "one new login, not more")
			assert.Equal(t, 2, s.nCall)

			// The login itself refused in that form.
			s = newFieldServer(t, []fieldAnswer{refused}, []fieldAnswer{{http.StatusOK, []byte(`[]`)}})
			_, err = s.client(t).Accounts.List(context.Background())
			require.ErrorAs(t, err, &e)
			assert.Equal(t, "Accounts.List (login)", e.Op)
			assert.Equal(t, tc.messages, e.Messages)
			assert.ErrorIs(t, err, ErrUnauthorized)
			assert.Equal(t, 1, s.nLogin, "a refused login is not retried")
			assert.Zero(t, s.nCall)
		})
	}
}

// The device line a provisioning tool creates, with the device type id from
// the reference data, is what DeviceLines.Create sends.
func TestFieldDeviceLineCreateRequest(t *testing.T) {
	login := fieldRead(t, "authorize_response_201.json")
	s := newFieldServer(t, []fieldAnswer{{http.StatusCreated, login}}, []fieldAnswer{{http.StatusCreated, []byte(`{"id":"d1"}`)}})
	_, err := s.client(t).DeviceLines.Create(context.Background(), "a1", DeviceLine{
		DeviceTypeID: "SIP_4_Port_MTA", MACAddress: "00:04:F2:AB:CD:EF", DeviceName: "Port 1", EmergencyNumber: "8015550100",
		LineNumber: 1, UserID: "e0000000-0000-4000-8000-000000000001", SIPPassword: NewSecret("Xk7pQ2mV9sLt4RwZ"), SIPUsername: "cust1001-port1",
		LineType: "Line",
	})
	require.NoError(t, err)
	require.Len(t, s.bodies, 1)
	assert.JSONEq(t, string(fieldRead(t, "deviceline_create_request.json")), string(s.bodies[0]))
}

func TestFieldRegistrationStatus(t *testing.T) {
	login := fieldRead(t, "authorize_response_201.json")
	s := newFieldServer(t, []fieldAnswer{{http.StatusCreated, login}}, []fieldAnswer{{http.StatusOK, fieldRead(t, "registrationstatus_response.json")}})
	st, err := s.client(t).DeviceLines.RegistrationStatus(context.Background(), "a1", "d1")
	require.NoError(t, err)
	assert.Equal(t, &RegistrationStatus{Registered: true}, st)
}

// Every file of the directory is used above and described by its README.
func TestFieldFilesCovered(t *testing.T) {
	entries, err := os.ReadDir(fieldDir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		if e.Name() != "README.md" {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	assert.Equal(t, []string{"authorize_response_201.json", "deviceline_create_request.json", "expired_auth_token_401.json",
		"registrationstatus_response.json", "unauthorized_401_gateway.json"}, names)
	readme := string(fieldRead(t, "README.md"))
	for _, n := range names {
		assert.Contains(t, readme, "`"+n+"`")
	}
}
