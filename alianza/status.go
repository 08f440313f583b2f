package alianza

// This file holds the CRM integration's account-status rule (rule a of the
// Azotel SIMPLer "Alianza API integration" document): the Alianza account status follows the customer status.

// AccountStatus is Account.status.
type AccountStatus string

// Account statuses of the spec (Account.status). The CRM rule only ever
// writes AccountActive and AccountDisabled.
const (
	AccountActive        AccountStatus = "ACTIVE"
	AccountDisabled      AccountStatus = "DISABLED"
	AccountDeleted       AccountStatus = "DELETED"
	AccountDeletePending AccountStatus = "DELETE_PENDING"
	AccountSuspended     AccountStatus = "SUSPENDED"
	AccountPending       AccountStatus = "PENDING"
)

// Valid reports whether s is one of the spec's account statuses. The
// comparison is exact: the API spells them in upper case.
func (s AccountStatus) Valid() bool {
	switch s {
	case AccountActive, AccountDisabled, AccountDeleted, AccountDeletePending, AccountSuspended, AccountPending:
		return true
	}
	return false
}

// deleted reports whether s is AccountDeleted or AccountDeletePending: an
// account the CRM rule never writes to (see StatusChange).
func (s AccountStatus) deleted() bool {
	return s == AccountDeleted || s == AccountDeletePending
}

// AccountStatusFor is the CRM rule for the status an Alianza account should
// have. The CRM document (SIMPLer "Alianza API integration", Status section):
// "Account status will be set as ACTIVE if customer is 'current' in SIMPLer
// otherwise it will be set to DISABLED". So a current customer gives
// AccountActive and any other customer status (suspended, pending, ceased,
// …) gives AccountDisabled.
func AccountStatusFor(customerCurrent bool) AccountStatus {
	if customerCurrent {
		return AccountActive
	}
	return AccountDisabled
}

// StatusChange applies the CRM rule (see AccountStatusFor) to an account
// whose status in Alianza is current. It returns the status the account
// should have and whether a write is needed; change is always
// want != current, so a caller writes want only when change is true. The
// document has the status "automatically updated from SIMPLer every time
// customer status changes", which this makes idempotent: an account that
// already has the wanted status needs no write.
//
// Decisions beyond the document:
//   - A deleted account (AccountDeleted or AccountDeletePending) is never
//     resurrected: want is its current status and change is false, whatever
//     the customer status. Deleting is the separate "Account: Delete" action
//     of the document, and re-enabling a deleted account is not the status
//     rule's job.
//   - AccountSuspended and AccountPending follow the rule like ACTIVE and
//     DISABLED: the CRM owns the customer status, so a current customer's
//     account becomes ACTIVE and any other becomes DISABLED.
//   - A status that is not one of the spec's (including "", an answer
//     without a status) is left alone (want is current, change is false): it
//     may be a state added after the spec, possibly a deleted-like one, and
//     the rule only moves an account between statuses it knows.
func StatusChange(current AccountStatus, customerCurrent bool) (want AccountStatus, change bool) {
	if !current.Valid() || current.deleted() {
		return current, false
	}
	want = AccountStatusFor(customerCurrent)
	return want, want != current
}
