package alianza

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

var allAccountStatuses = []AccountStatus{
	AccountActive, AccountDisabled, AccountDeleted, AccountDeletePending, AccountSuspended, AccountPending,
}

func TestAccountStatusValid(t *testing.T) {
	want := []string{"ACTIVE", "DISABLED", "DELETED", "DELETE_PENDING", "SUSPENDED", "PENDING"}
	for i, s := range allAccountStatuses {
		assert.Equal(t, want[i], string(s), "the spec's spelling")
		assert.True(t, s.Valid(), s)
	}
	for _, s := range []AccountStatus{"", "active", "Active", "DELETE PENDING", "CLOSED", " ACTIVE"} {
		assert.False(t, s.Valid(), "%q", s)
	}
}

func TestAccountStatusFor(t *testing.T) {
	assert.Equal(t, AccountActive, AccountStatusFor(true), "a current customer is ACTIVE")
	assert.Equal(t, AccountDisabled, AccountStatusFor(false), "any other customer is DISABLED")
}

func TestStatusChange(t *testing.T) {
	tests := []struct {
		current    AccountStatus
		customer   bool
		want       AccountStatus
		wantChange bool
	}{
		{AccountActive, true, AccountActive, false},
		{AccountActive, false, AccountDisabled, true},
		{AccountDisabled, true, AccountActive, true},
		{AccountDisabled, false, AccountDisabled, false},
		{AccountSuspended, true, AccountActive, true},
		{AccountSuspended, false, AccountDisabled, true},
		{AccountPending, true, AccountActive, true},
		{AccountPending, false, AccountDisabled, true},
		// A deleted account is never resurrected nor written to.
		{AccountDeleted, true, AccountDeleted, false},
		{AccountDeleted, false, AccountDeleted, false},
		{AccountDeletePending, true, AccountDeletePending, false},
		{AccountDeletePending, false, AccountDeletePending, false},
		// A status outside the spec is left alone.
		{"", true, "", false},
		{"", false, "", false},
		{"ARCHIVED", true, "ARCHIVED", false},
		{"active", false, "active", false},
	}
	for _, tt := range tests {
		want, change := StatusChange(tt.current, tt.customer)
		assert.Equal(t, tt.want, want, "%q current=%v", tt.current, tt.customer)
		assert.Equal(t, tt.wantChange, change, "%q current=%v", tt.current, tt.customer)
	}
}

// TestStatusChangeIdempotent: writing what StatusChange wants and asking
// again never asks for a second write.
func TestStatusChangeIdempotent(t *testing.T) {
	for _, s := range allAccountStatuses {
		for _, customer := range []bool{true, false} {
			want, _ := StatusChange(s, customer)
			again, change := StatusChange(want, customer)
			assert.False(t, change, "%s current=%v", s, customer)
			assert.Equal(t, want, again)
		}
	}
}
