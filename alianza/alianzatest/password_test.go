package alianzatest

import (
	"net/http"
	"testing"
)

func TestChangePassword(t *testing.T) {
	s := newTestServer(t)
	change := func(user, pass, next string) result {
		return send(t, s, http.MethodPut, "/v2/authorize", "", map[string]string{"username": user, "password": pass, "changePassword": next})
	}
	wantError(t, change(DefaultUsername, "wrong", "n3w-Passw0rd"), http.StatusUnauthorized, MessageInvalidCredentials)
	wantError(t, change(DefaultUsername, DefaultPassword, "short"), http.StatusBadRequest, MessageFailedToUpdate)
	wantError(t, change(DefaultUsername, DefaultPassword, DefaultPassword), http.StatusBadRequest, MessageFailedToUpdate)
	wantError(t, change(DefaultUsername, DefaultPassword, DefaultUsername), http.StatusBadRequest, MessageFailedToUpdate)
	if n := s.PasswordChangeCount(); n != 0 {
		t.Fatalf("%d changes after refusals", n)
	}

	m := want(t, change(DefaultUsername, DefaultPassword, "n3w-Passw0rd"), http.StatusOK).obj(t)
	tok, _ := m["authToken"].(string)
	if tok == "" || m["username"] != DefaultUsername || m["partitionId"] != DefaultPartitionID {
		t.Fatalf("change answered %v", m)
	}
	if s.PasswordChangeCount() != 1 {
		t.Fatal("the change is not counted")
	}
	wantError(t, loginAs(t, s, DefaultUsername, DefaultPassword), http.StatusUnauthorized, MessageInvalidCredentials)
	want(t, loginAs(t, s, DefaultUsername, "n3w-Passw0rd"), http.StatusCreated)

	// The answer's token works, and userinfo answers its user.
	info := want(t, send(t, s, http.MethodGet, "/v2/authorize/userinfo", tok, nil), http.StatusOK).obj(t)
	if info["authToken"] != tok || info["username"] != DefaultUsername || info["userType"] != "ManagementUser" || info["partitionId"] != DefaultPartitionID {
		t.Fatalf("userinfo answered %v", info)
	}
	wantError(t, send(t, s, http.MethodGet, "/v2/authorize/userinfo", "", nil), http.StatusUnauthorized, MessageMissingAuthToken)
	wantError(t, send(t, s, http.MethodGet, "/v2/authorize/userinfo", "nope", nil), http.StatusUnauthorized, MessageExpiredAuthToken)
}
