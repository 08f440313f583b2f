package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/ispkit/ispkit/alianza"
	"github.com/ispkit/ispkit/alianza/alianzatest"
)

// Real Alianza credentials; when username, password or base URL is missing
// the flow runs against an in-process alianzatest server. Against a real
// Alianza (use the beta host) it creates, disables and deletes one account.
const (
	envAlianzaUsername  = "ALIANZA_USERNAME"
	envAlianzaPassword  = "ALIANZA_PASSWORD"
	envAlianzaBaseURL   = "ALIANZA_BASE_URL"
	envAlianzaPartition = "ALIANZA_PARTITION_ID" // optional: the login's partition otherwise
)

func alianzaClient(p *printer) (*alianza.Client, func(), error) {
	creds := alianza.Credentials{Username: os.Getenv(envAlianzaUsername), Password: alianza.NewSecret(os.Getenv(envAlianzaPassword))}
	base := os.Getenv(envAlianzaBaseURL)
	if creds.Username != "" && !creds.Password.IsZero() && base != "" {
		p.note("using Alianza at %s (from %s)", base, envAlianzaBaseURL)
		opts := []alianza.Option{alianza.WithBaseURL(base), alianza.WithUserAgent("ispkit-quickstart")}
		if part := os.Getenv(envAlianzaPartition); part != "" {
			opts = append(opts, alianza.WithPartition(part))
		}
		c, err := alianza.New(creds, opts...)
		return c, func() {}, err
	}
	srv := alianzatest.NewServer()
	p.note("using an in-memory Alianza (set %s, %s and %s for a real one)", envAlianzaUsername, envAlianzaPassword, envAlianzaBaseURL)
	return srv.Client(alianza.WithUserAgent("ispkit-quickstart")), srv.Close, nil
}

// memoryLines is the CRM's own table of SIP lines, for the sync steps.
type memoryLines struct {
	mu    sync.Mutex
	lines map[string]alianza.SIPLine // by SIP username
}

func (m *memoryLines) AddSIPLine(_ context.Context, l alianza.SIPLine) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.lines[l.SIPUsername] = l
	return nil
}

func (m *memoryLines) UpdateSIPLine(ctx context.Context, l alianza.SIPLine) error {
	return m.AddSIPLine(ctx, l)
}

func (m *memoryLines) DeleteSIPLine(_ context.Context, l alianza.SIPLine) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.lines, l.SIPUsername)
	return nil
}

func (m *memoryLines) list() []alianza.SIPLine {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]alianza.SIPLine, 0, len(m.lines))
	for _, l := range m.lines {
		out = append(out, l)
	}
	return out
}

// runAlianza: log in, create an ADVANCED account, add a user and two SIP
// lines, report status, sync lines in both modes, disable the account when
// the customer lapses, delete.
func runAlianza(ctx context.Context, p *printer) error {
	c, done, err := alianzaClient(p)
	if err != nil {
		return err
	}
	defer done()
	run := time.Now().Unix() % 100000
	number := fmt.Sprintf("ISPKIT-DEMO-%d", run)

	if err := p.step("log in", func() (string, error) {
		part, err := c.Login(ctx)
		return "partition " + part, err
	}); err != nil {
		return err
	}
	var acct *alianza.Account
	if err := p.step("create an ADVANCED account", func() (string, error) {
		a, err := c.Accounts.Create(ctx, alianza.Account{
			AccountNumber: number, AccountName: "Ada Lovelace", AccountType: alianza.AccountAdvanced,
			BillingCycleDay: 15, DialingBehaviorType: alianza.DialNineTenDigit, ExtensionLength: 4, TimeZone: "US/Eastern",
		})
		acct = a
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("%s (%s, %s)", a.AccountNumber, a.ID, a.Status), nil
	}); err != nil {
		return err
	}
	// A device line needs a device type id: take it from the partition's
	// reference data, preferring the 4-port MTA seen in the field.
	var deviceType alianza.DeviceType
	if err := p.step("choose a device type", func() (string, error) {
		types, err := c.ReferenceData.DeviceTypes(ctx)
		if err != nil {
			return "", err
		}
		for _, t := range types {
			if t.ID == "SIP_4_Port_MTA" || (deviceType.ID == "" && t.MACAddressRequired && t.NumLines >= 2) {
				deviceType = t
			}
		}
		if deviceType.ID == "" {
			return "", fmt.Errorf("none of the %d device types takes two lines on one MAC address", len(types))
		}
		return fmt.Sprintf("%s (%s, %d lines)", deviceType.ID, deviceType.Name, deviceType.NumLines), nil
	}); err != nil {
		return err
	}
	var user *alianza.User
	if err := p.step("add a user", func() (string, error) {
		u, err := c.Users.Create(ctx, acct.ID, alianza.User{FirstName: "Ada", LastName: "Lovelace", TimeZone: "US/Eastern", Extension: "1001"})
		user = u
		if err != nil {
			return "", err
		}
		return "user " + u.ID + ", extension " + u.Extension, nil
	}); err != nil {
		return err
	}
	if err := p.step("add two SIP lines", func() (string, error) {
		var names []string
		for i := range 2 {
			d, err := c.DeviceLines.Create(ctx, acct.ID, alianza.DeviceLine{
				DeviceTypeID: deviceType.ID, DeviceName: fmt.Sprintf("Port %d", i+1), UserID: user.ID,
				SIPUsername: fmt.Sprintf("demo%d-%d", run, i+1), MACAddress: "00:04:f2:00:00:01", LineNumber: i + 1,
			})
			if err != nil {
				return "", err
			}
			names = append(names, fmt.Sprintf("line %d %s", d.LineNumber, d.SIPUsername))
		}
		return strings.Join(names, ", "), nil
	}); err != nil {
		return err
	}
	if err := p.step("status report", func() (string, error) {
		r, err := c.Accounts.Report(ctx, acct.ID)
		if err != nil {
			return "", err
		}
		registered := 0
		for _, ok := range r.Registered {
			if ok {
				registered++
			}
		}
		return fmt.Sprintf("%s %s %s, billing day %d, %d SIP lines, %d registered (%d calls)",
			r.Account.AccountNumber, r.Account.Status, r.Account.AccountType, r.Account.BillingCycleDay, len(r.SIPLines), registered, r.Calls), nil
	}); err != nil {
		return err
	}

	store := &memoryLines{lines: map[string]alianza.SIPLine{
		"stale-line": {SIPUsername: "stale-line", LineNumber: 9, DisplayName: "Removed in Alianza"},
	}}
	for _, mode := range []alianza.SyncMode{alianza.SyncAddOnly, alianza.SyncFull} {
		if err := p.step("sync SIP lines ("+mode.String()+")", func() (string, error) {
			remote, err := c.DeviceLines.SIPLines(ctx, acct.ID)
			if err != nil {
				return "", err
			}
			plan, err := alianza.PlanSIPLineSync(store.list(), remote, mode)
			if err != nil {
				return "", err
			}
			res, err := alianza.ApplySIPLineSync(ctx, store, plan)
			return fmt.Sprintf("added %d, updated %d, deleted %d; the CRM has %d lines", res.Added, res.Updated, res.Deleted, len(store.list())), err
		}); err != nil {
			return err
		}
	}
	if err := p.step("customer lapses: disable", func() (string, error) {
		a, changed, err := c.Accounts.EnsureStatus(ctx, acct.ID, false)
		if err != nil {
			return "", err
		}
		_, again, err := c.Accounts.EnsureStatus(ctx, acct.ID, false)
		return fmt.Sprintf("%s (changed %v, then %v)", a.Status, changed, again), err
	}); err != nil {
		return err
	}
	return p.step("delete the account", func() (string, error) {
		if err := c.Accounts.Delete(ctx, acct.ID); err != nil {
			return "", err
		}
		_, err := c.Accounts.Get(ctx, acct.ID)
		if errors.Is(err, alianza.ErrNotFound) {
			return "gone", nil
		}
		if err != nil {
			return "", err
		}
		return "marked for deletion", nil
	})
}
