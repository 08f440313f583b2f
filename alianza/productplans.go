package alianza

import (
	"context"
	"net/http"
)

// UserProductPlan is a user product plan: the platform features available
// to an end user (the spec's UserProductPlanX). Its ID is one of STANDARD
// (basic phone service, for every user), ADVANCED (adds the Cymbus
// softphone) and PROFESSIONAL (adds Cymbus collaboration); ADVANCED and
// PROFESSIONAL need an ADVANCED account with a Cymbus group, and a user with
// an email address (EmailAddressRequired). User.UserProductPlan takes the ID.
type UserProductPlan struct {
	ID                   string `json:"id"`
	DisplayName          string `json:"displayName"`
	Description          string `json:"description"`
	EmailAddressRequired bool   `json:"emailAddressRequired"`
}

// ProductPlansService is the user product plans available to accounts.
type ProductPlansService struct{ c *Client }

// List returns the user product plans available to an account's users (GET
// …/account/{accountId}/user-product-plans).
func (s *ProductPlansService) List(ctx context.Context, accountID string) ([]UserProductPlan, error) {
	const op = "ProductPlans.List"
	if err := checkID(op, "accountID", accountID); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out []UserProductPlan
	err = s.c.do(ctx, call{op: op, method: http.MethodGet, path: partitionPath(p, "account", accountID, "user-product-plans")}, &out)
	return out, err
}
