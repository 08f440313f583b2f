package alianzatest

import "net/http"

// UserProductPlan is a user product plan (the spec's UserProductPlanX): the
// platform features available to an end user. Its ID is what
// User.UserProductPlan takes.
type UserProductPlan struct {
	ID                   string `json:"id"`
	DisplayName          string `json:"displayName"`
	Description          string `json:"description"`
	EmailAddressRequired bool   `json:"emailAddressRequired"`
}

// DefaultUserProductPlans returns the fixed list of user product plans the
// fake serves, from the spec's description of UserProductPlanX: STANDARD
// (basic phone service, for every user), ADVANCED (adds the Cymbus
// softphone) and PROFESSIONAL (adds the Cymbus collaboration features); the
// last two need an email address. A SIMPLE account is offered STANDARD
// only, an ADVANCED account all three (the spec adds "once a Cymbus group
// has been created"; the fake has no Cymbus groups and assumes one).
func DefaultUserProductPlans() []UserProductPlan {
	return []UserProductPlan{
		{ID: "STANDARD", DisplayName: "Standard", Description: "Basic phone service, available to all users."},
		{ID: "ADVANCED", DisplayName: "Advanced", Description: "Standard phone service plus the Cymbus softphone client.",
			EmailAddressRequired: true},
		{ID: "PROFESSIONAL", DisplayName: "Professional",
			Description: "Phone service, the Cymbus softphone client and the Cymbus collaboration features.", EmailAddressRequired: true},
	}
}

// GET …/account/{accountId}/user-product-plans: the plans the account's
// users may have (see DefaultUserProductPlans).
func (s *Server) listUserProductPlans(c *call) reply {
	acct, rep, ok := s.pathAccount(c)
	if !ok {
		return rep
	}
	plans := DefaultUserProductPlans()
	if acct.AccountType != "ADVANCED" {
		plans = plans[:1]
	}
	return answer(http.StatusOK, plans)
}
