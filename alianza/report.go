package alianza

import (
	"context"
	"slices"
	"sync"
)

// AccountReport is what the CRM integration shows about an account
// (alianza-simpler-integration.txt, "Status Section"): number, name, status,
// type, platform and billing day (in Account), the product plans, the
// calling plans with start date, plan minutes and seconds remaining, and the
// SIP lines with line number, SIP username and password, display name,
// emergency number and MAC address.
type AccountReport struct {
	Account Account
	// ProductPlans are the user product plans assigned on the account: the
	// distinct userProductPlan of its users. (The spec's user-product-plans
	// call lists the plans available, not those assigned; see
	// ProductPlans.List for those.)
	ProductPlans []string
	// CallingPlans are the account's own calling plans (Account.callingPlans).
	CallingPlans []CallingPlan
	// SIPLines are the account's device lines of type Line.
	SIPLines []SIPLine
	// Calls is how many requests the report took.
	Calls int
}

// Report gathers an account's status report in the fewest calls: the
// account (with its calling plans), its users (for the product plans) and
// its device lines, three GETs sent at once.
func (s *AccountsService) Report(ctx context.Context, accountID string) (*AccountReport, error) {
	const op = "Accounts.Report"
	if _, err := s.c.accountScope(ctx, op, accountID); err != nil {
		return nil, err // bad input or a failed login: before any of the three
	}
	var (
		wg    sync.WaitGroup
		acct  *Account
		users []User
		lines []SIPLine
		errs  [3]error
	)
	wg.Add(3)
	go func() { defer wg.Done(); acct, errs[0] = s.Get(ctx, accountID) }()
	go func() { defer wg.Done(); users, errs[1] = s.c.Users.List(ctx, accountID) }()
	go func() { defer wg.Done(); lines, errs[2] = s.c.DeviceLines.SIPLines(ctx, accountID) }()
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	r := &AccountReport{Account: *acct, CallingPlans: acct.CallingPlans, SIPLines: lines, Calls: 3}
	for _, u := range users {
		if u.UserProductPlan != "" && !slices.Contains(r.ProductPlans, u.UserProductPlan) {
			r.ProductPlans = append(r.ProductPlans, u.UserProductPlan)
		}
	}
	slices.Sort(r.ProductPlans)
	return r, nil
}
