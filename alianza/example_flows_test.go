package alianza_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"time"

	"github.com/ispkit/ispkit/alianza"
	"github.com/ispkit/ispkit/alianza/alianzatest"
)

// Update replaces an account's editable fields: read the account, change
// it, send it back. List returns every account of the partition.
func ExampleAccountsService_Update() {
	c, stop := exampleClient()
	defer stop()
	ctx := context.Background()
	created := exampleAccount(ctx, c)

	a, err := c.Accounts.Get(ctx, created.ID)
	if err != nil {
		log.Fatal(err)
	}
	a.AccountName = "Ada King"
	a.BillingCycleDay = 15
	if _, err := c.Accounts.Update(ctx, *a); err != nil {
		log.Fatal(err)
	}
	all, err := c.Accounts.List(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range all {
		fmt.Println(a.AccountNumber, a.AccountName, a.BillingCycleDay)
	}
	// Output:
	// CUST-1001 Ada King 15
}

// EnsureStatus applies the CRM rule: the Alianza account follows the
// customer's status, and nothing is sent when it already does.
func ExampleAccountsService_EnsureStatus() {
	c, stop := exampleClient()
	defer stop()
	ctx := context.Background()
	a := exampleAccount(ctx, c)

	for _, current := range []bool{true, false, false} {
		got, changed, err := c.Accounts.EnsureStatus(ctx, a.ID, current)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(got.Status, changed)
	}
	// Output:
	// ACTIVE false
	// DISABLED true
	// DISABLED false
}

// Delete removes an account; afterwards it is not found, which errors.Is
// tells apart from other failures.
func ExampleAccountsService_Delete() {
	c, stop := exampleClient()
	defer stop()
	ctx := context.Background()
	a := exampleAccount(ctx, c)

	if err := c.Accounts.Delete(ctx, a.ID); err != nil {
		log.Fatal(err)
	}
	_, err := c.Accounts.Get(ctx, a.ID)
	fmt.Println(errors.Is(err, alianza.ErrNotFound))
	// Output:
	// true
}

// Every failure of a call is an *Error, or a *ValidationError when the
// input was refused before sending; errors.Is matches the sentinels and
// errors.As gives the details.
func ExampleError() {
	c, stop := exampleClient()
	defer stop()
	ctx := context.Background()
	a := exampleAccount(ctx, c)
	u, err := c.Users.Create(ctx, a.ID, alianza.User{FirstName: "Ada", TimeZone: "US/Central"})
	if err != nil {
		log.Fatal(err)
	}

	// A SIP username is unique across every account and partition.
	line := alianza.DeviceLine{DeviceTypeID: alianzatest.DeviceTypeSIP4PortMTA, DeviceName: "Port 1", UserID: u.ID,
		MACAddress: "00:04:F2:AB:CD:EF", LineType: "Line", SIPUsername: "ada-1001", SIPPassword: alianza.NewSecret("s3cret-pw")}
	if _, err := c.DeviceLines.Create(ctx, a.ID, line); err != nil {
		log.Fatal(err)
	}
	line.MACAddress = "00:04:F2:AB:CD:F0"
	_, err = c.DeviceLines.Create(ctx, a.ID, line)
	var e *alianza.Error
	if errors.As(err, &e) {
		fmt.Println(errors.Is(err, alianza.ErrSIPUsernameInUse), e.Op, e.HTTPStatus, e.Messages)
	}

	// Refused locally, before anything is sent.
	line.MACAddress = "not-a-mac"
	_, err = c.DeviceLines.Create(ctx, a.ID, line)
	var ve *alianza.ValidationError
	if errors.As(err, &ve) {
		fmt.Println(errors.Is(err, alianza.ErrInvalidInput), errors.Is(err, alianza.ErrInvalidMAC), ve.Field)
	}
	// Output:
	// true DeviceLines.Create 400 [SipUsernameInUse]
	// true true MACAddress
}

// Jobs.Start sends a request that answers with a job (here the telephone
// number export); Jobs.Wait polls it until it ends. The fake's client polls
// every 10 to 100 ms; a real one every second, doubling up to 30 seconds,
// unless WaitOptions or WithPollInterval say otherwise.
func ExampleJobsService_Wait() {
	c, stop := exampleClient(alianzatest.WithJobDelay(50 * time.Millisecond))
	defer stop()
	ctx := context.Background()

	job, err := c.Jobs.Start(ctx, http.MethodGet, "/v2/partition/{partition}/telephonenumber/export_2", nil, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(job.Status)
	job, err = c.Jobs.Wait(ctx, job.ID, &alianza.WaitOptions{MinInterval: 20 * time.Millisecond, MaxInterval: 40 * time.Millisecond})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(job.Status)

	_, err = c.Jobs.Wait(ctx, job.ID, &alianza.WaitOptions{MinInterval: time.Second, MaxInterval: time.Millisecond})
	fmt.Println(errors.Is(err, alianza.ErrInvalidInput))
	// Output:
	// PENDING
	// DONE
	// true
}

// History iterates over an account's changes, a page at a time; nil
// options are the whole history.
func ExampleAccountsService_History() {
	c, stop := exampleClient()
	defer stop()
	ctx := context.Background()
	a := exampleAccount(ctx, c)
	if _, _, err := c.Accounts.EnsureStatus(ctx, a.ID, false); err != nil {
		log.Fatal(err)
	}

	for h, err := range c.Accounts.History(ctx, a.ID, nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(h.Action, h.ReferenceType)
	}
	// Output:
	// CREATE Account
	// UPDATE Account
}
