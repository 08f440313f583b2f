package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/ispkit/ispkit/alianza/alianzatest"
	"github.com/ispkit/ispkit/baicells/baicellstest"
	"github.com/ispkit/ispkit/octane/octanetest"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

// snapshot is the sandbox's state as a file holds it: what -seed reads and
// what -state writes on shutdown and reads on start. It is JSON; every part
// is optional. TeleCloud keeps its VAR rate plans, customer accounts
// (names, email, credit, status) and their orders (rate plan, status,
// dates, variables, usage) on top of the fake's built-in catalogue of
// product groups and CORE products. Not kept: products made through the
// API (nor the rate plans and orders on them), payment methods (card and
// bank numbers do not belong in a file), tickets, billing history.
type snapshot struct {
	Baicells  *baicellsState  `json:"baicells,omitempty"`
	TeleCloud *telecloudState `json:"telecloud,omitempty"`
	Alianza   *alianzaState   `json:"alianza,omitempty"`
	Octane    *octaneState    `json:"octane,omitempty"`
}

type baicellsState struct {
	Plans       []baicellstest.Plan       `json:"plans,omitempty"`
	Subscribers []baicellstest.Subscriber `json:"subscribers,omitempty"`
}

type telecloudState struct {
	RatePlans []telecloudtest.RatePlan `json:"ratePlans,omitempty"`
	Customers []telecloudtest.Customer `json:"customers,omitempty"`
	Orders    []telecloudtest.Order    `json:"orders,omitempty"`
}

type alianzaState struct {
	Accounts    []alianzatest.Account    `json:"accounts,omitempty"`
	Users       []alianzatest.User       `json:"users,omitempty"`
	DeviceLines []alianzatest.DeviceLine `json:"deviceLines,omitempty"`
}

type octaneState struct {
	Pools    []octanetest.Pool    `json:"pools,omitempty"`
	Services []octanetest.Service `json:"services,omitempty"`
}

// readSnapshot reads a state file. A file that does not exist is (nil, nil)
// when missingOK.
func readSnapshot(path string, missingOK bool) (*snapshot, error) {
	data, err := os.ReadFile(path)
	if missingOK && errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var s snapshot
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return &s, nil
}

// writeSnapshot writes a state file atomically (a temporary file renamed),
// readable by its owner only: it holds the fakes' data, SIP passwords
// included.
func writeSnapshot(path string, s *snapshot) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".ispkit-state-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// seedVendor loads a snapshot's part for one vendor into a fresh set. The
// fakes' Seed calls panic on conflicting data (a number in use); that is
// an error here.
func seedVendor(vendor string, set fakeSet, s *snapshot) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: %v", vendor, r)
		}
	}()
	switch vendor {
	case "baicells":
		if s.Baicells == nil {
			return nil
		}
		for _, p := range s.Baicells.Plans {
			set.baicells.SeedPlan(baicellstest.DefaultCloudKey, p)
		}
		for _, sub := range s.Baicells.Subscribers {
			set.baicells.SeedSubscriber(baicellstest.DefaultCloudKey, sub)
		}
	case "telecloud":
		if s.TeleCloud == nil {
			return nil
		}
		for _, rp := range s.TeleCloud.RatePlans {
			set.telecloud.SeedRatePlan(rp)
		}
		for _, c := range s.TeleCloud.Customers {
			set.telecloud.SeedCustomer(c)
		}
		for _, o := range s.TeleCloud.Orders {
			set.telecloud.SeedOrder(o)
		}
	case "alianza":
		if s.Alianza == nil {
			return nil
		}
		for _, a := range s.Alianza.Accounts {
			set.alianza.SeedAccount(a)
		}
		for _, u := range s.Alianza.Users {
			set.alianza.SeedUser(u)
		}
		for _, d := range s.Alianza.DeviceLines {
			set.alianza.SeedDeviceLine(d)
		}
	case "octane":
		if s.Octane == nil {
			return nil
		}
		for _, p := range s.Octane.Pools {
			set.octane.SeedPool(p)
		}
		for _, svc := range s.Octane.Services {
			set.octane.SeedService(svc)
			if svc.DataUsage > 0 {
				set.octane.SetUsage(svc.ServiceNumber, svc.DataUsage)
			}
		}
	}
	return nil
}

// snapshotOf reads the fakes' current state.
func (sb *sandbox) snapshotOf() *snapshot {
	f := sb.fakes()
	s := &snapshot{
		Baicells:  &baicellsState{Plans: f.baicells.Plans(), Subscribers: f.baicells.Subscribers()},
		TeleCloud: restorableTeleCloud(f.telecloud.RatePlans(), f.telecloud.Customers(), f.telecloud.Orders()),
		Alianza:   &alianzaState{},
		Octane:    &octaneState{},
	}
	for _, a := range f.alianza.Accounts() {
		s.Alianza.Accounts = append(s.Alianza.Accounts, a)
		s.Alianza.Users = append(s.Alianza.Users, f.alianza.Users(a.ID)...)
		s.Alianza.DeviceLines = append(s.Alianza.DeviceLines, f.alianza.DeviceLines(a.ID)...)
	}
	// Octane's fake lists pools, not services: the services kept are the
	// pools' consumers and the ones the sandbox seeded.
	seen := map[string]bool{}
	addService := func(sn string) {
		if seen[sn] {
			return
		}
		seen[sn] = true
		if svc, ok := f.octane.Service(sn); ok {
			s.Octane.Services = append(s.Octane.Services, svc)
		}
	}
	for _, p := range f.octane.Pools() {
		consumers := p.Consumers
		p.Consumers, p.Usage = nil, 0
		s.Octane.Pools = append(s.Octane.Pools, p)
		for _, sn := range consumers {
			addService(sn)
		}
	}
	for _, sn := range sb.octaneConsumers {
		addService(sn)
	}
	return s
}

// restorableTeleCloud is the part of TeleCloud's state a fresh fake takes
// back, found by giving it to one: a rate plan on a product made through
// the API (products are not kept) is dropped, and so is an order on a
// dropped rate plan or an add-on on a dropped order.
func restorableTeleCloud(ratePlans []telecloudtest.RatePlan, customers []telecloudtest.Customer, orders []telecloudtest.Order) *telecloudState {
	fresh := telecloudtest.NewHandler()
	defer fresh.Close()
	takes := func(seed func()) (ok bool) {
		defer func() {
			if recover() != nil {
				ok = false
			}
		}()
		seed()
		return true
	}
	out := &telecloudState{Customers: customers}
	for _, rp := range ratePlans {
		if takes(func() { fresh.SeedRatePlan(rp) }) {
			out.RatePlans = append(out.RatePlans, rp)
		}
	}
	for _, c := range customers {
		fresh.SeedCustomer(c)
	}
	for _, o := range orders {
		if takes(func() { fresh.SeedOrder(o) }) {
			out.Orders = append(out.Orders, o)
		}
	}
	return out
}
