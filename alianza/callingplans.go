package alianza

import (
	"context"
	"net/http"
	"net/url"
	"strings"
)

// This file is the calling plans of an account or of one of its users
// (…/account/{accountId}/callingplan). The plans themselves are CallingPlan,
// the spec's CallingPlanX (accounts.go).

// CallingPlanReferenceType is the referenceType of a calling plan
// (CallingPlanX, ModifyCallingPlanX): what the plan belongs to.
// CallingPlan.ReferenceType holds the same values as a string.
type CallingPlanReferenceType string

// What a calling plan belongs to. An account's own plans are PlanRefAccount;
// a user's are PlanRefEndUser.
const (
	PlanRefSIPTrunk      CallingPlanReferenceType = "SIP_TRUNK"
	PlanRefEndUser       CallingPlanReferenceType = "END_USER"
	PlanRefIVR           CallingPlanReferenceType = "IVR"
	PlanRefAccount       CallingPlanReferenceType = "ACCOUNT"
	PlanRefSpecialtyLine CallingPlanReferenceType = "SPECIALTY_LINE"
	PlanRefContactCenter CallingPlanReferenceType = "CONTACT_CENTER"
)

var callingPlanReferenceTypes = []CallingPlanReferenceType{
	PlanRefSIPTrunk, PlanRefEndUser, PlanRefIVR, PlanRefAccount, PlanRefSpecialtyLine, PlanRefContactCenter,
}

// CallingPlanType is ModifyCallingPlanX.callingPlanType.
type CallingPlanType string

// Calling plan changes. PlanNew changes the reference's own calling plan
// list; PlanShared makes the reference share the list of another reference
// (CallingPlanReferenceID names that reference); PlanUnshared stops sharing.
const (
	PlanShared   CallingPlanType = "SHARED_CALLING_PLAN"
	PlanNew      CallingPlanType = "NEW_CALLING_PLAN"
	PlanUnshared CallingPlanType = "UNSHARED_CALLING_PLAN"
)

var callingPlanTypes = []CallingPlanType{PlanShared, PlanNew, PlanUnshared}

// CallingPlanRef names what calling plans belong to. The zero value is the
// account of the call itself (PlanRefAccount with the account's id); a
// user's plans are CallingPlanRef{Type: PlanRefEndUser, ID: userID}.
type CallingPlanRef struct {
	Type CallingPlanReferenceType
	ID   string
}

// resolve checks a reference and fills in the account for the zero value.
func (r CallingPlanRef) resolve(op, field, accountID string) (CallingPlanRef, error) {
	switch {
	case r.Type == "" && r.ID == "":
		return CallingPlanRef{Type: PlanRefAccount, ID: accountID}, nil
	case r.Type == "":
		return r, invalid(op, field+"Type", "is empty while the id is set")
	case r.Type == PlanRefAccount && r.ID == "":
		r.ID = accountID
	case strings.TrimSpace(r.ID) == "":
		return r, invalid(op, field+"ID", "is empty while the type is %s", r.Type)
	}
	if r.Type == PlanRefAccount && r.ID != accountID {
		return r, invalid(op, field+"ID", "%q is not the account %q", r.ID, accountID)
	}
	return r, checkEnum(op, field+"Type", r.Type, callingPlanReferenceTypes)
}

// CallingPlanModifyRequest is a change to the calling plans of an account or a user
// (the spec's ModifyCallingPlanX), for CallingPlansService.Set and Remove.
// Leave ReferenceType and ReferenceID empty for the account of the call.
type CallingPlanModifyRequest struct {
	ReferenceType CallingPlanReferenceType `json:"referenceType,omitempty"`
	ReferenceID   string                   `json:"referenceId,omitempty"`
	// CallingPlanProductID is deprecated by the spec in favour of
	// CallingPlanReferenceID; set one of them.
	CallingPlanProductID string `json:"callingPlanProductId,omitempty"`
	// CallingPlanReferenceID is the calling plan product's id
	// (ReferenceData.CallingPlanProducts lists them), or with PlanShared the
	// id of the reference whose calling plan list is shared.
	CallingPlanReferenceID string          `json:"callingPlanReferenceId,omitempty"`
	CallingPlanType        CallingPlanType `json:"callingPlanType,omitempty"`
	// Pending delays the change to the account's billing date; false applies
	// it now. Not for PlanShared.
	Pending bool `json:"pending"`
	// MinutesUsed are minutes already used, for a new plan that is not
	// pending (Set only, not for PlanShared).
	MinutesUsed int `json:"minutesUsed,omitempty"`
}

// checked validates a change and fills in the account reference.
func (m CallingPlanModifyRequest) checked(op, accountID string, add bool) (CallingPlanModifyRequest, error) {
	ref, err := CallingPlanRef{Type: m.ReferenceType, ID: m.ReferenceID}.resolve(op, "Reference", accountID)
	if err != nil {
		return m, err
	}
	m.ReferenceType, m.ReferenceID = ref.Type, ref.ID
	switch {
	case m.CallingPlanReferenceID == "" && m.CallingPlanProductID == "":
		return m, invalid(op, "CallingPlanReferenceID", "is empty (and so is the deprecated CallingPlanProductID): ReferenceData.CallingPlanProducts lists the calling plan products")
	case m.CallingPlanReferenceID != "" && m.CallingPlanProductID != "" && m.CallingPlanReferenceID != m.CallingPlanProductID:
		return m, invalid(op, "CallingPlanProductID", "%q differs from CallingPlanReferenceID %q; set only CallingPlanReferenceID", m.CallingPlanProductID, m.CallingPlanReferenceID)
	case m.MinutesUsed < 0:
		return m, invalid(op, "MinutesUsed", "%d is negative", m.MinutesUsed)
	case m.MinutesUsed != 0 && !add:
		return m, invalid(op, "MinutesUsed", "is only used when adding a plan")
	case m.MinutesUsed != 0 && m.Pending:
		return m, invalid(op, "MinutesUsed", "is not applied to a pending plan")
	case m.CallingPlanType == PlanShared && (m.Pending || m.MinutesUsed != 0):
		return m, invalid(op, "CallingPlanType", "Pending and MinutesUsed do not apply to SHARED_CALLING_PLAN")
	}
	return m, checkEnum(op, "CallingPlanType", m.CallingPlanType, callingPlanTypes)
}

// CallingPlansService is the calling plans of accounts and their users.
type CallingPlansService struct{ c *Client }

func callingPlanPath(p, accountID string) string {
	return partitionPath(p, "account", accountID, "callingplan")
}

// Get returns the calling plans of an account (a zero ref) or of what ref
// names in it, e.g. a user (GET …/account/{accountId}/callingplan with
// referenceType and referenceId).
func (s *CallingPlansService) Get(ctx context.Context, accountID string, ref CallingPlanRef) ([]CallingPlan, error) {
	const op = "CallingPlans.Get"
	if err := checkID(op, "accountID", accountID); err != nil {
		return nil, err
	}
	ref, err := ref.resolve(op, "ref.", accountID)
	if err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	q := url.Values{"referenceType": {string(ref.Type)}, "referenceId": {ref.ID}}
	var out []CallingPlan
	err = s.c.do(ctx, call{op: op, method: http.MethodGet, path: callingPlanPath(p, accountID), query: q}, &out)
	return out, err
}

// Set adds a calling plan to an account or a user, or shares or stops
// sharing a calling plan list (PUT …/account/{accountId}/callingplan,
// addPlan), and returns the plan. Retried per the policy (PUT).
func (s *CallingPlansService) Set(ctx context.Context, accountID string, m CallingPlanModifyRequest) (*CallingPlan, error) {
	const op = "CallingPlans.Set"
	if err := checkID(op, "accountID", accountID); err != nil {
		return nil, err
	}
	m, err := m.checked(op, accountID, true)
	if err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out CallingPlan
	if err := s.c.do(ctx, call{op: op, method: http.MethodPut, path: callingPlanPath(p, accountID), body: m}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Remove removes a calling plan from an account or a user (DELETE
// …/account/{accountId}/callingplan with m as the body, removePlan). The
// spec answers with the removed plan, which Remove does not need: a 204 is
// accepted as well.
func (s *CallingPlansService) Remove(ctx context.Context, accountID string, m CallingPlanModifyRequest) error {
	const op = "CallingPlans.Remove"
	if err := checkID(op, "accountID", accountID); err != nil {
		return err
	}
	m, err := m.checked(op, accountID, false)
	if err != nil {
		return err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return err
	}
	return s.c.do(ctx, call{op: op, method: http.MethodDelete, path: callingPlanPath(p, accountID), body: m}, nil)
}
