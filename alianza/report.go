package alianza

import (
	"context"
	"errors"
	"slices"
	"sync"
)

// AccountReport is what the CRM integration shows about an account (the
// "Status Section" of Alianza's CRM integration guide): number, name, status,
// type, platform and billing day (in Account), the product plans, the
// calling plans with start date, plan minutes and seconds remaining, and the
// SIP lines with line number, SIP username and password, display name,
// emergency number and MAC address, and whether each is registered.
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
	// Registered tells, by SIPLine.DeviceID, whether each SIP line's device
	// is registered (DeviceLines.RegistrationStatus). A line deleted while
	// the report was gathered (404) is left out.
	Registered map[string]bool
	// Calls is how many requests the report took.
	Calls int
}

// Report gathers an account's status report in few calls: the account
// (with its calling plans) first — an account that cannot be read ends the
// report after one call — then its users (for the product plans) and its
// device lines, two GETs sent at once, then the registration status of each
// SIP line, at most reportConcurrency at a time.
func (s *AccountsService) Report(ctx context.Context, accountID string) (*AccountReport, error) {
	const op = "Accounts.Report"
	if _, err := s.c.accountScope(ctx, op, accountID); err != nil {
		return nil, err // bad input or a failed login: before any call
	}
	acct, err := s.Get(ctx, accountID)
	if err != nil {
		return nil, err
	}
	var (
		wg    sync.WaitGroup
		users []User
		lines []SIPLine
		errs  [2]error
	)
	wg.Add(2)
	go func() { defer wg.Done(); users, errs[0] = s.c.Users.List(ctx, accountID) }()
	go func() { defer wg.Done(); lines, errs[1] = s.c.DeviceLines.SIPLines(ctx, accountID) }()
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	registered, err := s.c.DeviceLines.registrations(ctx, accountID, lines)
	if err != nil {
		return nil, err
	}
	r := &AccountReport{Account: *acct, CallingPlans: acct.CallingPlans, SIPLines: lines, Registered: registered, Calls: 3 + len(lines)}
	for _, u := range users {
		if u.UserProductPlan != "" && !slices.Contains(r.ProductPlans, u.UserProductPlan) {
			r.ProductPlans = append(r.ProductPlans, u.UserProductPlan)
		}
	}
	slices.Sort(r.ProductPlans)
	return r, nil
}

// reportConcurrency bounds the registration status calls of one report.
const reportConcurrency = 4

// registrations reads the registration status of lines, a few at a time.
// A line that is gone (404) is left out; any other failure is the result.
func (s *DeviceLinesService) registrations(ctx context.Context, accountID string, lines []SIPLine) (map[string]bool, error) {
	out := make(map[string]bool, len(lines))
	var (
		mu       sync.Mutex
		wg       sync.WaitGroup
		firstErr error
	)
	sem := make(chan struct{}, reportConcurrency)
	for _, l := range lines {
		wg.Add(1)
		sem <- struct{}{}
		go func(id string) {
			defer func() { <-sem; wg.Done() }()
			st, err := s.RegistrationStatus(ctx, accountID, id)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				out[id] = st.Registered
			case errors.Is(err, ErrNotFound):
			case firstErr == nil:
				firstErr = err
			}
		}(l.DeviceID)
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	return out, nil
}
