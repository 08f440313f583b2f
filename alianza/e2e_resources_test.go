package alianza_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/alianza"
	"github.com/ispkit/ispkit/alianza/alianzatest"
)

// End-to-end tests of the numbers, calling plans, product plans, jobs and
// the paged searches: the client against the fake, over HTTP.

// messagesOf returns the server's message keys of a call's error.
func messagesOf(t *testing.T, err error) []string {
	t.Helper()
	var e *alianza.Error
	require.ErrorAs(t, err, &e)
	return e.Messages
}

// secondClient is another management user of the same partition, on the
// same server (the server must have been made WithCredentials("clerk", "clerk-pw",
// DefaultPartitionID)).
func secondClient(t *testing.T, srv *alianzatest.Server) *alianza.Client {
	t.Helper()
	c, err := alianza.New(alianza.Credentials{Username: "clerk", Password: alianza.NewSecret("clerk-pw")}, alianza.WithBaseURL(srv.URL))
	require.NoError(t, err)
	return c
}

func newUser(t *testing.T, c *alianza.Client, accountID, ext string) *alianza.User {
	t.Helper()
	u, err := c.Users.Create(context.Background(), accountID, alianza.User{FirstName: "Ada", LastName: "Lovelace",
		EmailAddress: "ada" + ext + "@example.com", TimeZone: "US/Eastern", Extension: ext})
	require.NoError(t, err)
	return u
}

// collect ranges over a paged search, stopping after limit results (0: all).
func collect[T any](t *testing.T, seq func(func(T, error) bool), limit int) []T {
	t.Helper()
	var out []T
	for v, err := range seq {
		require.NoError(t, err)
		out = append(out, v)
		if limit > 0 && len(out) == limit {
			break
		}
	}
	return out
}

func TestE2ENumberInventory(t *testing.T) {
	srv, c := newE2E(t, alianzatest.WithCredentials("clerk", "clerk-pw", alianzatest.DefaultPartitionID))
	ctx := context.Background()
	srv.SeedNumbers("18015550100", "8015550101", "+18015550102")
	srv.SeedInventoryNumber(alianzatest.InventoryNumber{PhoneNumber: "15185550100", RateCenter: "ALBANY", State: "NY",
		PostalCode: "12207", Lat: 42.6526, Long: -73.7562, CarrierID: "carrier-1"})
	srv.SeedInventoryNumber(alianzatest.InventoryNumber{PhoneNumber: "18005550100", FunctionType: "TollFree"})
	srv.SeedInventoryNumber(alianzatest.InventoryNumber{PhoneNumber: "15145550100", PartitionID: "partition-2"})

	// By number: a full number, with or without its '+1'.
	views, err := c.Numbers.Search(ctx, alianza.NumberSearchRequest{Query: "+18015550101", Type: alianza.SearchTN})
	require.NoError(t, err)
	require.Len(t, views, 1)
	v := views[0]
	assert.Equal(t, "18015550101", v.PhoneNumber, "ten seeded digits got the NANP 1")
	assert.Equal(t, alianzatest.DefaultPartitionID, v.PartitionID)
	assert.Equal(t, "801555", v.Prefix)
	assert.Equal(t, alianza.FunctionELS, v.FunctionType)
	assert.True(t, v.IsInInventory)
	views, err = c.Numbers.Search(ctx, alianza.NumberSearchRequest{Query: "8015550102"}) // POSTALCODE_OR_TN
	require.NoError(t, err)
	require.Len(t, views, 1)

	// By postal code, rate center, location; function type, carrier and max results.
	views, err = c.Numbers.Search(ctx, alianza.NumberSearchRequest{Query: "12207", Type: alianza.SearchPostalCode})
	require.NoError(t, err)
	require.Len(t, views, 1)
	assert.True(t, views[0].MatchesZip)
	views, err = c.Numbers.Search(ctx, alianza.NumberSearchRequest{Query: "albany.ny", Type: alianza.SearchRateCenter, CarrierID: "carrier-1"})
	require.NoError(t, err)
	require.Len(t, views, 1)
	assert.Equal(t, "ALBANY", views[0].RateCenter)
	assert.Equal(t, "carrier-1", views[0].CarrierID)
	lat, long := 42.0, -73.0
	views, err = c.Numbers.Search(ctx, alianza.NumberSearchRequest{Type: alianza.SearchLatLong, Lat: &lat, Long: &long})
	require.NoError(t, err)
	require.Len(t, views, 1)
	assert.InDelta(t, 58, views[0].Distance, 5, "miles from 42,-73 to Albany")
	views, err = c.Numbers.Search(ctx, alianza.NumberSearchRequest{Query: "18005550100", Type: alianza.SearchTN, FunctionType: alianza.FunctionTollFree})
	require.NoError(t, err)
	require.Len(t, views, 1)
	views, err = c.Numbers.Search(ctx, alianza.NumberSearchRequest{Query: "1801555", Type: alianza.SearchRateCenter})
	require.NoError(t, err)
	assert.Empty(t, views)
	views, err = c.Numbers.Search(ctx, alianza.NumberSearchRequest{Query: "15145550100", Type: alianza.SearchTN})
	require.NoError(t, err)
	assert.Empty(t, views, "another partition's inventory is not searched")
	_, err = c.Numbers.Search(ctx, alianza.NumberSearchRequest{Query: "not a zip", Type: alianza.SearchPostalCode})
	require.ErrorIs(t, err, alianza.ErrValidation, "422")

	// Reserve: the number is the caller's until released.
	res, err := c.Numbers.Reserve(ctx, "+18015550100")
	require.NoError(t, err)
	assert.True(t, res.Reserved)
	assert.Equal(t, "18015550100", res.TN)
	assert.NotEmpty(t, res.ID)
	require.NotNil(t, res.ReservedTime)
	again, err := c.Numbers.Reserve(ctx, "18015550100")
	require.NoError(t, err, "reserving one's own reservation again is fine (PUT)")
	assert.Equal(t, res.ID, again.ID)
	for _, n := range srv.InventoryNumbers(alianzatest.DefaultPartitionID) {
		if n.PhoneNumber == "18015550100" {
			assert.Equal(t, alianzatest.DefaultUsername, n.ReservedBy)
		} else {
			assert.Empty(t, n.ReservedBy)
		}
	}

	// … and someone else's: reserved elsewhere.
	clerk := secondClient(t, srv)
	_, err = clerk.Numbers.Reserve(ctx, "18015550100")
	require.ErrorIs(t, err, alianza.ErrValidation)
	assert.Equal(t, []string{alianzatest.MessageTelephoneNumberReserved}, messagesOf(t, err))
	err = clerk.Numbers.Release(ctx, "18015550100")
	require.ErrorIs(t, err, alianza.ErrValidation, "another user's reservation is not released")
	views, err = clerk.Numbers.Search(ctx, alianza.NumberSearchRequest{Query: "18015550100", Type: alianza.SearchTN})
	require.NoError(t, err)
	assert.Empty(t, views, "a number reserved by another is not offered")
	acct := newAccount(t, clerk, "CUST-6001")
	_, err = clerk.Numbers.Add(ctx, acct.ID, alianza.NumberActivation{TelephoneNumbers: []alianza.BareTelephoneNumber{{PhoneNumber: "18015550100"}}})
	require.ErrorIs(t, err, alianza.ErrValidation)
	assert.Equal(t, []string{alianzatest.MessageTelephoneNumberReserved}, messagesOf(t, err))
	views, err = c.Numbers.Search(ctx, alianza.NumberSearchRequest{Query: "18015550100", Type: alianza.SearchTN})
	require.NoError(t, err)
	assert.Len(t, views, 1, "the holder still finds it")

	// Release, then the other may reserve it; unknown numbers are not found.
	require.NoError(t, c.Numbers.Release(ctx, "18015550100"))
	err = c.Numbers.Release(ctx, "18015550100")
	require.ErrorIs(t, err, alianza.ErrNotFound, "nothing to release")
	_, err = clerk.Numbers.Reserve(ctx, "18015550100")
	require.NoError(t, err)
	_, err = c.Numbers.Reserve(ctx, "18015559999")
	require.ErrorIs(t, err, alianza.ErrNotFound)
	_, err = c.Numbers.Reserve(ctx, "15145550100")
	require.ErrorIs(t, err, alianza.ErrNotFound, "another partition's number")

	// A number on an account is in use, not reservable.
	_, err = c.Numbers.Add(ctx, acct.ID, alianza.NumberActivation{TelephoneNumbers: []alianza.BareTelephoneNumber{{PhoneNumber: "18015550101"}}})
	require.NoError(t, err)
	_, err = clerk.Numbers.Reserve(ctx, "18015550101")
	require.ErrorIs(t, err, alianza.ErrValidation)
	assert.Equal(t, []string{alianzatest.MessageTelephoneNumberInUse}, messagesOf(t, err))
}

func TestE2EAccountNumbers(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	srv.SeedNumbers("18015550100", "18015550101", "18015550102", "18015550103")
	a := newAccount(t, c, "CUST-7001")
	u := newUser(t, c, a.ID, "1001")

	act, err := c.Numbers.Add(ctx, a.ID, alianza.NumberActivation{
		E911Address: &alianza.E911Address{StreetNumber: "1", StreetName: "Main", City: "Lehi", State: "UT", PostalCode: "84043"},
		TelephoneNumbers: []alianza.BareTelephoneNumber{
			{PhoneNumber: "+18015550100", ReferenceType: alianza.NumberRefEndUser, ReferenceID: u.ID, CanAcceptSMS: true},
			{PhoneNumber: "8015550101"},
		}})
	require.NoError(t, err)
	assert.NotEmpty(t, act.ID)
	assert.Equal(t, a.ID, act.AccountID)
	require.Len(t, act.TelephoneNumbers, 2)
	assert.Equal(t, "18015550101", act.TelephoneNumbers[1].PhoneNumber, "the NANP 1 is assumed")
	assert.Len(t, srv.InventoryNumbers(""), 2, "added numbers leave the inventory")

	list, err := c.Numbers.List(ctx, a.ID, &alianza.NumberListOptions{})
	require.NoError(t, err)
	require.Len(t, list, 2)
	n := list[0]
	assert.Equal(t, "18015550100", n.PhoneNumber)
	assert.Equal(t, alianza.NumberRefEndUser, n.ReferenceType)
	assert.Equal(t, u.ID, n.ReferenceID)
	assert.True(t, n.CanAcceptSMS)
	assert.Equal(t, alianza.CarrierStatusActive, n.CarrierStatus)
	require.NotNil(t, n.E911Address)
	assert.Equal(t, "Lehi", n.E911Address.City)
	limited, err := c.Numbers.List(ctx, a.ID, &alianza.NumberListOptions{LimitedData: true})
	require.NoError(t, err)
	require.Len(t, limited, 2)
	assert.Nil(t, limited[0].E911Address, "limited data")
	assert.Equal(t, u.ID, limited[0].ReferenceID)

	got, err := c.Numbers.Get(ctx, a.ID, "8015550100")
	require.NoError(t, err)
	assert.Equal(t, n, *got)
	var byPhone alianza.Account
	require.NoError(t, c.Do(ctx, http.MethodGet, "/v2/partition/{partition}/account/8015550101",
		url.Values{"accountIdType": {"PhoneNumber"}}, nil, &byPhone), "an account is found by its number")
	assert.Equal(t, a.ID, byPhone.ID)

	// Update: read, change, write back; booleans written as read.
	got.ReferenceType, got.ReferenceID, got.RingType = "", "", alianza.Ring2
	got.E911Address.City = "Provo"
	up, err := c.Numbers.Update(ctx, a.ID, *got)
	require.NoError(t, err)
	assert.Empty(t, up.ReferenceID)
	assert.Equal(t, alianza.Ring2, up.RingType)
	assert.True(t, up.CanAcceptSMS)
	assert.Equal(t, "Provo", up.E911Address.City)
	_, err = c.Numbers.Update(ctx, a.ID, alianza.TelephoneNumber{PhoneNumber: "18015550100", ReferenceType: alianza.NumberRefEndUser, ReferenceID: "nobody"})
	require.ErrorIs(t, err, alianza.ErrValidation)
	assert.Equal(t, []string{alianzatest.MessageInvalidReferenceID}, messagesOf(t, err))
	_, err = c.Numbers.Update(ctx, a.ID, alianza.TelephoneNumber{PhoneNumber: "18015559999"})
	require.ErrorIs(t, err, alianza.ErrNotFound)

	// A number is on one account only; numbers must come from the inventory.
	b := newAccount(t, c, "CUST-7002")
	_, err = c.Numbers.Add(ctx, b.ID, alianza.NumberActivation{TelephoneNumbers: []alianza.BareTelephoneNumber{{PhoneNumber: "18015550100"}}})
	require.ErrorIs(t, err, alianza.ErrValidation)
	assert.Equal(t, []string{alianzatest.MessageTelephoneNumberInUse}, messagesOf(t, err))
	_, err = c.Numbers.Add(ctx, b.ID, alianza.NumberActivation{TelephoneNumbers: []alianza.BareTelephoneNumber{
		{PhoneNumber: "18015550102"}, {PhoneNumber: "18015559999"}}})
	require.ErrorIs(t, err, alianza.ErrValidation)
	assert.Equal(t, []string{alianzatest.MessageTelephoneNumberNotInInventory}, messagesOf(t, err))
	assert.Empty(t, srv.AccountNumbers(b.ID), "all or nothing")
	_, err = c.Numbers.Get(ctx, b.ID, "18015550100")
	require.ErrorIs(t, err, alianza.ErrNotFound, "another account's number")

	// Remove returns the number to the inventory; it can be added elsewhere.
	require.NoError(t, c.Numbers.Remove(ctx, a.ID, "18015550100"))
	_, err = c.Numbers.Get(ctx, a.ID, "18015550100")
	require.ErrorIs(t, err, alianza.ErrNotFound)
	require.ErrorIs(t, c.Numbers.Remove(ctx, a.ID, "18015550100"), alianza.ErrNotFound)
	_, err = c.Numbers.Add(ctx, b.ID, alianza.NumberActivation{TelephoneNumbers: []alianza.BareTelephoneNumber{{PhoneNumber: "18015550100"}}})
	require.NoError(t, err)
	assert.Len(t, srv.AccountNumbers(b.ID), 1)

	// An activation on hold cannot be removed until its event completes.
	held, err := c.Numbers.Add(ctx, a.ID, alianza.NumberActivation{HoldActivation: true,
		TelephoneNumbers: []alianza.BareTelephoneNumber{{PhoneNumber: "18015550102"}}})
	require.NoError(t, err)
	assert.True(t, held.HoldActivation)
	n2, err := c.Numbers.Get(ctx, a.ID, "18015550102")
	require.NoError(t, err)
	assert.Equal(t, alianza.CarrierStatusActivationOnHold, n2.CarrierStatus)
	err = c.Numbers.Remove(ctx, a.ID, "18015550102")
	require.ErrorIs(t, err, alianza.ErrValidation)
	assert.Equal(t, []string{alianzatest.MessageActivationPending}, messagesOf(t, err))
	var holdEvent string
	for ev, err := range c.Numbers.StatusEvents(ctx, &alianza.StatusEventOptions{TelephoneNumber: "18015550102",
		StatusTypes: []alianza.ActivationStatus{alianza.ActivationOnHold}}) {
		require.NoError(t, err)
		assert.Equal(t, alianza.EventActivation, ev.ServiceType)
		holdEvent = ev.ID
	}
	require.NotEmpty(t, holdEvent)
	require.True(t, srv.UpdateStatusEvent(holdEvent, "COMPLETED"))
	n2, err = c.Numbers.Get(ctx, a.ID, "18015550102")
	require.NoError(t, err)
	assert.Equal(t, alianza.CarrierStatusActive, n2.CarrierStatus)
	require.NoError(t, c.Numbers.Remove(ctx, a.ID, "18015550102"))

	// A port brings a number from another carrier: pending until the port completes.
	crd := time.Date(2030, 1, 2, 0, 0, 0, 0, time.UTC)
	ported, err := c.Numbers.Add(ctx, a.ID, alianza.NumberActivation{Port: &alianza.Port{TelephoneNumbers: []string{"+14355550100"},
		CarrierType: alianza.CarrierLevel3, CRDDate: &crd, WirelessPin: alianza.NewSecret("1234"), PortingWireType: alianza.PortingWireless}})
	require.NoError(t, err)
	require.NotNil(t, ported.Port)
	assert.NotEmpty(t, ported.Port.ID)
	assert.Equal(t, alianza.CarrierStatusPortPending, ported.Port.Status)
	assert.Equal(t, []string{"14355550100"}, ported.Port.TelephoneNumbers)
	assert.Equal(t, "1234", ported.Port.WirelessPin.Reveal())
	pn, err := c.Numbers.Get(ctx, a.ID, "14355550100")
	require.NoError(t, err)
	assert.Equal(t, alianza.CarrierStatusPortPending, pn.CarrierStatus)
	assert.Equal(t, ported.Port.ID, pn.PortID)
	require.ErrorIs(t, c.Numbers.Remove(ctx, a.ID, "14355550100"), alianza.ErrValidation)
}

func TestE2ECallingPlans(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	a := newAccount(t, c, "CUST-8001")
	u := newUser(t, c, a.ID, "1001")
	userRef := alianza.CallingPlanRef{Type: alianza.PlanRefEndUser, ID: u.ID}

	plans, err := c.CallingPlans.Get(ctx, a.ID, alianza.CallingPlanRef{})
	require.NoError(t, err)
	assert.Empty(t, plans)

	before := time.Now().Add(-time.Second)
	p, err := c.CallingPlans.Set(ctx, a.ID, alianza.CallingPlanModifyRequest{CallingPlanReferenceID: alianzatest.CallingPlanProduct1000})
	require.NoError(t, err)
	assert.NotEmpty(t, p.ID)
	assert.Equal(t, string(alianza.PlanRefAccount), p.ReferenceType)
	assert.Equal(t, a.ID, p.ReferenceID)
	assert.Equal(t, 1000, p.PlanMinutes)
	assert.Equal(t, int64(60000), p.SecondsRemaining)
	require.NotNil(t, p.StartDate)
	assert.True(t, p.StartDate.After(before), "not pending: starts now")
	again, err := c.CallingPlans.Set(ctx, a.ID, alianza.CallingPlanModifyRequest{CallingPlanProductID: alianzatest.CallingPlanProduct1000})
	require.NoError(t, err, "the deprecated field works too, and a PUT again changes nothing")
	assert.Equal(t, p.ID, again.ID)

	// A user's plan, minutes already used; a pending one starts on the billing day.
	up, err := c.CallingPlans.Set(ctx, a.ID, alianza.CallingPlanModifyRequest{ReferenceType: alianza.PlanRefEndUser, ReferenceID: u.ID,
		CallingPlanReferenceID: alianzatest.CallingPlanProduct500, CallingPlanType: alianza.PlanNew, MinutesUsed: 100})
	require.NoError(t, err)
	assert.Equal(t, int64(400*60), up.SecondsRemaining)
	pend, err := c.CallingPlans.Set(ctx, a.ID, alianza.CallingPlanModifyRequest{ReferenceType: alianza.PlanRefEndUser, ReferenceID: u.ID,
		CallingPlanReferenceID: alianzatest.CallingPlanProduct3000, Pending: true})
	require.NoError(t, err)
	require.NotNil(t, pend.StartDate)
	assert.True(t, pend.StartDate.After(time.Now()))
	assert.Equal(t, 15, pend.StartDate.Day(), "the account's billing cycle day")

	// Usage, as seeded: the plan answers its seconds remaining.
	require.True(t, srv.SetSecondsRemaining(up.ID, 1234))
	plans, err = c.CallingPlans.Get(ctx, a.ID, userRef)
	require.NoError(t, err)
	require.Len(t, plans, 2)
	assert.Equal(t, int64(1234), plans[0].SecondsRemaining)
	assert.Equal(t, 500, plans[0].PlanMinutes)
	acct, err := c.Accounts.Get(ctx, a.ID)
	require.NoError(t, err)
	require.Len(t, acct.CallingPlans, 1, "the account's own plans are on the account")
	assert.Equal(t, p.ID, acct.CallingPlans[0].ID)

	// Errors: an unknown product, an unknown user, a plan not there.
	_, err = c.CallingPlans.Set(ctx, a.ID, alianza.CallingPlanModifyRequest{CallingPlanReferenceID: "cpp-nope"})
	require.ErrorIs(t, err, alianza.ErrValidation)
	msgs := messagesOf(t, err)
	require.Len(t, msgs, 2)
	assert.Equal(t, alianzatest.MessageInvalidCallingPlanProductID, msgs[0])
	assert.Contains(t, msgs[1], "/callingplanproduct", "the refusal names the call that lists the products")
	_, err = c.CallingPlans.Get(ctx, a.ID, alianza.CallingPlanRef{Type: alianza.PlanRefEndUser, ID: "nobody"})
	require.ErrorIs(t, err, alianza.ErrNotFound)
	err = c.CallingPlans.Remove(ctx, a.ID, alianza.CallingPlanModifyRequest{CallingPlanReferenceID: alianzatest.CallingPlanProduct3000})
	require.ErrorIs(t, err, alianza.ErrNotFound)

	// Sharing: the account uses the user's list until it stops.
	_, err = c.CallingPlans.Set(ctx, a.ID, alianza.CallingPlanModifyRequest{CallingPlanType: alianza.PlanShared, CallingPlanReferenceID: u.ID})
	require.NoError(t, err)
	plans, err = c.CallingPlans.Get(ctx, a.ID, alianza.CallingPlanRef{})
	require.NoError(t, err)
	assert.Len(t, plans, 2, "the user's list")
	_, err = c.CallingPlans.Set(ctx, a.ID, alianza.CallingPlanModifyRequest{CallingPlanType: alianza.PlanUnshared, CallingPlanReferenceID: u.ID})
	require.NoError(t, err)
	plans, err = c.CallingPlans.Get(ctx, a.ID, alianza.CallingPlanRef{})
	require.NoError(t, err)
	assert.Len(t, plans, 1, "its own again")

	// Remove: pending ends at the billing date; otherwise at once.
	require.NoError(t, c.CallingPlans.Remove(ctx, a.ID, alianza.CallingPlanModifyRequest{ReferenceType: alianza.PlanRefEndUser,
		ReferenceID: u.ID, CallingPlanReferenceID: alianzatest.CallingPlanProduct500, Pending: true}))
	plans, err = c.CallingPlans.Get(ctx, a.ID, userRef)
	require.NoError(t, err)
	require.Len(t, plans, 2)
	require.NotNil(t, plans[0].EndDate)
	require.NoError(t, c.CallingPlans.Remove(ctx, a.ID, alianza.CallingPlanModifyRequest{CallingPlanReferenceID: alianzatest.CallingPlanProduct1000}))
	plans, err = c.CallingPlans.Get(ctx, a.ID, alianza.CallingPlanRef{})
	require.NoError(t, err)
	assert.Empty(t, plans)
	assert.Len(t, srv.CallingPlans(a.ID), 2, "the user's two")
}

func TestE2EProductPlans(t *testing.T) {
	_, c := newE2E(t)
	ctx := context.Background()
	adv := newAccount(t, c, "CUST-9001")
	plans, err := c.ProductPlans.List(ctx, adv.ID)
	require.NoError(t, err)
	require.Len(t, plans, 3)
	assert.Equal(t, "STANDARD", plans[0].ID)
	assert.False(t, plans[0].EmailAddressRequired)
	assert.Equal(t, "PROFESSIONAL", plans[2].ID)
	assert.True(t, plans[2].EmailAddressRequired)
	assert.NotEmpty(t, plans[1].DisplayName)

	simple, err := c.Accounts.Create(ctx, alianza.Account{AccountNumber: "CUST-9002", AccountName: "Simple", AccountType: alianza.AccountSimple,
		BillingCycleDay: 1, DialingBehaviorType: alianza.DialTenDigit})
	require.NoError(t, err)
	plans, err = c.ProductPlans.List(ctx, simple.ID)
	require.NoError(t, err)
	require.Len(t, plans, 1)
	assert.Equal(t, "STANDARD", plans[0].ID)

	_, err = c.ProductPlans.List(ctx, "missing")
	require.ErrorIs(t, err, alianza.ErrNotFound)
}

const exportPath = "/v2/partition/{partition}/telephonenumber/export_2"

func TestE2EJobs(t *testing.T) {
	srv, c := newE2E(t, alianzatest.WithJobDelay(200*time.Millisecond))
	wo := &alianza.WaitOptions{MinInterval: 5 * time.Millisecond, MaxInterval: 10 * time.Millisecond}
	ctx := context.Background()
	srv.SeedNumbers("18015550100", "18015550101")

	job, err := c.Jobs.Start(ctx, http.MethodGet, exportPath, nil, nil)
	require.NoError(t, err)
	assert.Equal(t, alianza.JobPending, job.Status)
	assert.NotEmpty(t, job.ID)
	assert.NotEmpty(t, job.UserID)
	got, err := c.Jobs.Get(ctx, job.ID)
	require.NoError(t, err)
	assert.Equal(t, alianza.JobInProgress, got.Status)

	done, err := c.Jobs.Wait(ctx, job.ID, wo)
	require.NoError(t, err)
	assert.Equal(t, alianza.JobDone, done.Status)
	assert.NotEmpty(t, done.OutputKey)
	assert.Greater(t, srv.RequestCount("/v2/job/"+job.ID), 2, "Wait polled")
	require.NoError(t, c.Do(ctx, http.MethodGet, "/v2/job/"+job.ID+"/output", nil, nil, nil), "the output is there")

	// A job made to fail: Wait ends with ErrJobFailed and the job.
	srv.FailNextJob("line 2: not a telephone number")
	job, err = c.Jobs.Start(ctx, http.MethodGet, exportPath, nil, nil)
	require.NoError(t, err)
	failed, err := c.Jobs.Wait(ctx, job.ID, wo)
	require.ErrorIs(t, err, alianza.ErrJobFailed)
	assert.Contains(t, err.Error(), "not a telephone number")
	require.NotNil(t, failed)
	assert.Equal(t, alianza.JobFailed, failed.Status)
	require.Len(t, failed.Errors, 1)
	err = c.Do(ctx, http.MethodGet, "/v2/job/"+job.ID+"/output", nil, nil, nil)
	require.ErrorIs(t, err, alianza.ErrNotFound, "a failed job has no output")

	// The next job succeeds again; unknown jobs are not found; a non-job
	// answer is not taken for one.
	job, err = c.Jobs.Start(ctx, http.MethodGet, exportPath, nil, nil)
	require.NoError(t, err)
	done, err = c.Jobs.Wait(ctx, job.ID, wo)
	require.NoError(t, err)
	assert.Equal(t, alianza.JobDone, done.Status)
	_, err = c.Jobs.Get(ctx, "no-such-job")
	require.ErrorIs(t, err, alianza.ErrNotFound)
	_, err = c.Jobs.Wait(ctx, "no-such-job", wo)
	require.ErrorIs(t, err, alianza.ErrNotFound)
	_, err = c.Jobs.Start(ctx, http.MethodGet, "/v2/partition/{partition}/account", nil, nil)
	require.ErrorIs(t, err, alianza.ErrBadResponse)

	// Wait gives up with the context, returning the job as last seen.
	job, err = c.Jobs.Start(ctx, http.MethodGet, exportPath, nil, nil)
	require.NoError(t, err)
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	last, err := c.Jobs.Wait(short, job.ID, wo)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.NotNil(t, last)
	assert.Equal(t, alianza.JobInProgress, last.Status)
}

func TestE2EStatusEventsPaging(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	a := newAccount(t, c, "CUST-1101")
	srv.SeedNumbers("18015550100")
	_, err := c.Numbers.Add(ctx, a.ID, alianza.NumberActivation{TelephoneNumbers: []alianza.BareTelephoneNumber{{PhoneNumber: "18015550100"}}})
	require.NoError(t, err)
	require.NoError(t, c.Numbers.Remove(ctx, a.ID, "18015550100"))
	for i := range 21 {
		srv.SeedStatusEvent(alianzatest.StatusEvent{AccountID: a.ID, ServiceType: "PORT_REQUEST", ActivationStatusType: "PENDING",
			MainTelephoneNumber: fmt.Sprintf("1435555%04d", i)})
	}
	srv.SeedStatusEvent(alianzatest.StatusEvent{PartitionID: "partition-2", MainTelephoneNumber: "15145550100"})

	// 23 events, 5 a page: five requests, in order.
	srv.ResetRequests()
	events := collect(t, c.Numbers.StatusEvents(ctx, &alianza.StatusEventOptions{PageSize: 5}), 0)
	require.Len(t, events, 23, "the other partition's event is not listed")
	assert.Equal(t, alianza.EventActivation, events[0].ServiceType, "the activation, recorded as it happened")
	assert.Equal(t, alianza.ActivationCompleted, events[0].ActivationStatusType)
	assert.Equal(t, "18015550100", events[0].MainTelephoneNumber)
	assert.Equal(t, alianza.EventDisconnect, events[1].ServiceType)
	assert.Equal(t, "14355550020", events[22].MainTelephoneNumber)
	assert.Equal(t, 5, srv.RequestCount("/statussearch"))
	seen := map[string]bool{}
	for _, e := range events {
		assert.False(t, seen[e.ID], "no event twice")
		seen[e.ID] = true
	}

	// Break mid-stream: no further page is asked for.
	srv.ResetRequests()
	first := collect(t, c.Numbers.StatusEvents(ctx, &alianza.StatusEventOptions{PageSize: 5}), 7)
	assert.Equal(t, events[:7], first)
	assert.Equal(t, 2, srv.RequestCount("/statussearch"))

	// The default page (50) takes them all at once; filters.
	srv.ResetRequests()
	assert.Len(t, collect(t, c.Numbers.StatusEvents(ctx, &alianza.StatusEventOptions{}), 0), 23)
	assert.Equal(t, 1, srv.RequestCount("/statussearch"))
	ports := collect(t, c.Numbers.StatusEvents(ctx, &alianza.StatusEventOptions{AccountID: a.ID, EventTypes: []alianza.EventType{alianza.EventPortRequest},
		StatusTypes: []alianza.ActivationStatus{alianza.ActivationPending}, PageSize: 4}), 0)
	assert.Len(t, ports, 21)
	byTN := collect(t, c.Numbers.StatusEvents(ctx, &alianza.StatusEventOptions{TelephoneNumber: "+18015550100"}), 0)
	assert.Len(t, byTN, 2)
	today := time.Now()
	dated := collect(t, c.Numbers.StatusEvents(ctx, &alianza.StatusEventOptions{DateType: alianza.DateCreated,
		StartDate: today.AddDate(0, 0, -1), EndDate: today.AddDate(0, 0, 1)}), 0)
	assert.Len(t, dated, 23)
	none := collect(t, c.Numbers.StatusEvents(ctx, &alianza.StatusEventOptions{DateType: alianza.DateFOC, StartDate: today.AddDate(0, 0, -1)}), 0)
	assert.Empty(t, none, "no event has a FOC date")
}

func TestE2EHistoryPaging(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	a := newAccount(t, c, "CUST-1201")
	u := newUser(t, c, a.ID, "1001")
	_, err := c.DeviceLines.Create(ctx, a.ID, alianza.DeviceLine{DeviceTypeID: alianzatest.DeviceTypeGenericSIP, DeviceName: "Desk", UserID: u.ID})
	require.NoError(t, err)
	_, _, err = c.Accounts.EnsureStatus(ctx, a.ID, false)
	require.NoError(t, err)
	for i := range 20 {
		srv.SeedAccountHistory(alianzatest.AccountHistory{AccountID: a.ID, AccountHistoryType: "VOICEMAIL", NewValue: fmt.Sprint(i)})
	}

	// What the calls recorded comes first: create, user, device, status.
	srv.ResetRequests()
	hist := collect(t, c.Accounts.History(ctx, a.ID, &alianza.HistoryOptions{PageSize: 6}), 0)
	require.Len(t, hist, 24)
	assert.Equal(t, 4, srv.RequestCount("/accounthistorysearch"), "24 = 4 full pages of 6; totalRecords says there is no fifth")
	want := []alianza.AccountHistoryType{alianza.HistoryAccount, alianza.HistoryUser, alianza.HistoryDevice, alianza.HistoryAccountStatus}
	for i, w := range want {
		assert.Equal(t, w, hist[i].AccountHistoryType, "record %d", i)
		assert.Equal(t, alianzatest.DefaultUsername, hist[i].UserName)
		assert.Equal(t, alianza.ChangedByManagementUser, hist[i].UserType)
		assert.Equal(t, "CUST-1201", hist[i].AccountNumber)
	}
	assert.Equal(t, alianza.ActionCreate, hist[0].Action)
	assert.Equal(t, "ACTIVE", hist[3].OldValue)
	assert.Equal(t, "DISABLED", hist[3].NewValue)
	assert.Equal(t, "19", hist[23].NewValue)

	srv.ResetRequests()
	part := collect(t, c.Accounts.History(ctx, a.ID, &alianza.HistoryOptions{PageSize: 6}), 8)
	assert.Equal(t, hist[:8], part)
	assert.Equal(t, 2, srv.RequestCount("/accounthistorysearch"), "break mid-stream")

	srv.ResetRequests()
	all := collect(t, c.Accounts.History(ctx, a.ID, &alianza.HistoryOptions{}), 0)
	assert.Len(t, all, 24)
	assert.Equal(t, 2, srv.RequestCount("/accounthistorysearch"), "the default page is 20")
	vm := collect(t, c.Accounts.History(ctx, a.ID, &alianza.HistoryOptions{Types: []alianza.AccountHistoryType{alianza.HistoryVoicemail, alianza.HistoryUser},
		StartDate: time.Now().AddDate(0, 0, -1), EndDate: time.Now().AddDate(0, 0, 1), PageSize: 7}), 0)
	assert.Len(t, vm, 21)
	old := collect(t, c.Accounts.History(ctx, a.ID, &alianza.HistoryOptions{EndDate: time.Now().AddDate(0, 0, -2)}), 0)
	assert.Empty(t, old)

	for _, err := range c.Accounts.History(ctx, "missing", &alianza.HistoryOptions{}) {
		require.ErrorIs(t, err, alianza.ErrNotFound)
	}
}

func TestE2ECDRPaging(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	a := newAccount(t, c, "CUST-1301")
	seeded := srv.SeedCDRs(a.ID, 45)
	now := time.Now()
	q := alianza.CDRSearchRequest{StartDate: now.AddDate(0, 0, -1), EndDate: now.AddDate(0, 0, 1)}

	// The default page is 20: three requests for 45.
	srv.ResetRequests()
	cdrs := collect(t, c.Accounts.CDRs(ctx, a.ID, q), 0)
	require.Len(t, cdrs, 45)
	assert.Equal(t, 3, srv.RequestCount("/cdrsearch"))
	for i, r := range cdrs {
		assert.Equal(t, seeded[i].ID, r.ID, "oldest first")
	}
	assert.Equal(t, a.ID, cdrs[0].AccountID)
	assert.Equal(t, "CUST-1301", cdrs[0].AccountNumber)
	require.NotNil(t, cdrs[0].StartTime)
	assert.Equal(t, int64(60), cdrs[0].ActualCallLengthSeconds)

	// Smaller pages, and a total that is a multiple of the page.
	q.PageSize = 9
	srv.ResetRequests()
	assert.Len(t, collect(t, c.Accounts.CDRs(ctx, a.ID, q), 0), 45)
	assert.Equal(t, 5, srv.RequestCount("/cdrsearch"), "5 full pages; totalRecords says there is no sixth")
	q.PageSize = 10
	srv.ResetRequests()
	some := collect(t, c.Accounts.CDRs(ctx, a.ID, q), 15)
	assert.Equal(t, cdrs[:15], some)
	assert.Equal(t, 2, srv.RequestCount("/cdrsearch"), "break mid-stream")

	// Filters and sorting.
	in := collect(t, c.Accounts.CDRs(ctx, a.ID, alianza.CDRSearchRequest{StartDate: q.StartDate, EndDate: q.EndDate,
		CallTypes: []alianza.CallType{alianza.CallInbound}, PageSize: 5}), 0)
	assert.Len(t, in, 22)
	missed := collect(t, c.Accounts.CDRs(ctx, a.ID, alianza.CDRSearchRequest{StartDate: q.StartDate, EndDate: q.EndDate,
		CallFlagTypes: []alianza.CallFlagType{alianza.FlagMissed}}), 0)
	assert.Len(t, missed, 9)
	minCost := 0.04
	byCost := collect(t, c.Accounts.CDRs(ctx, a.ID, alianza.CDRSearchRequest{StartDate: q.StartDate, EndDate: q.EndDate,
		MinCost: &minCost, Sort: alianza.CDRSortByCallLength, SortOrder: alianza.SortDesc}), 0)
	require.Len(t, byCost, 44, "all but the one-minute call")
	assert.Equal(t, int64(104), byCost[0].ActualCallLengthSeconds)
	dialed := collect(t, c.Accounts.CDRs(ctx, a.ID, alianza.CDRSearchRequest{StartDate: q.StartDate, EndDate: q.EndDate, DialedNumber: "18015552000"}), 0)
	assert.Len(t, dialed, 1)
	past := collect(t, c.Accounts.CDRs(ctx, a.ID, alianza.CDRSearchRequest{StartDate: now.AddDate(0, 0, -9), EndDate: now.AddDate(0, 0, -8)}), 0)
	assert.Empty(t, past)

	for _, err := range c.Accounts.CDRs(ctx, "missing", q) {
		require.ErrorIs(t, err, alianza.ErrNotFound)
	}
	for _, err := range c.Accounts.CDRs(ctx, a.ID, alianza.CDRSearchRequest{StartDate: q.StartDate, EndDate: q.EndDate, StartTime: "noon"}) {
		require.ErrorIs(t, err, alianza.ErrValidation)
		assert.True(t, errors.Is(err, alianza.ErrValidation))
	}
}
