package alianza_test

import (
	"context"
	"fmt"
	"log"

	"github.com/ispkit/ispkit/alianza"
	"github.com/ispkit/ispkit/alianza/alianzatest"
)

// exampleClient is a client of a new in-memory Alianza; stop ends it.
func exampleClient(opts ...alianzatest.Option) (c *alianza.Client, stop func()) {
	srv := alianzatest.NewServer(opts...)
	return srv.Client(), srv.Close
}

// exampleAccount creates the account the examples provision.
func exampleAccount(ctx context.Context, c *alianza.Client) *alianza.Account {
	zone, _ := alianza.SupportedTimeZone("America/Chicago")
	a, err := c.Accounts.Create(ctx, alianza.Account{AccountNumber: "CUST-1001", AccountName: "Ada Lovelace",
		AccountType: alianza.AccountSimple, BillingCycleDay: 1, DialingBehaviorType: alianza.DialTenDigit, TimeZone: zone})
	if err != nil {
		log.Fatal(err)
	}
	return a
}

// An account's time zone must be one of the spec's names: SupportedTimeZone
// turns the IANA name a CRM keeps into it, and ReferenceData.TimeZones lists
// them. An account with toll-free numbers takes an inbound rate plan from
// ReferenceData.InboundRatePlans.
func ExampleAccountsService_Create() {
	c, stop := exampleClient()
	defer stop()
	ctx := context.Background()

	_, err := c.Accounts.Create(ctx, alianza.Account{AccountNumber: "CUST-1001", AccountName: "Ada Lovelace",
		AccountType: alianza.AccountSimple, BillingCycleDay: 1, DialingBehaviorType: alianza.DialTenDigit, TimeZone: "America/Chicago"})
	fmt.Println(err)

	zone, ok := alianza.SupportedTimeZone("America/Chicago")
	fmt.Println(zone, ok)
	plans, err := c.ReferenceData.InboundRatePlans(ctx)
	if err != nil {
		log.Fatal(err)
	}
	var tollFree string
	for _, p := range plans {
		if p.DefaultPlan {
			tollFree = p.ID
		}
	}
	a, err := c.Accounts.Create(ctx, alianza.Account{AccountNumber: "CUST-1001", AccountName: "Ada Lovelace",
		AccountType: alianza.AccountSimple, BillingCycleDay: 1, DialingBehaviorType: alianza.DialTenDigit,
		TimeZone: zone, InboundRatePlanProductID: tollFree})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.AccountNumber, a.Status, a.TimeZone, a.InboundRatePlanProductID)
	// Output:
	// alianza: Accounts.Create: invalid TimeZone: "America/Chicago" is not one of the spec's time zones; use "US/Central", its name for the same zone (see SupportedTimeZone)
	// US/Central true
	// CUST-1001 ACTIVE US/Central irp-standard
}

// A user needs a time zone of the spec's list (ReferenceData.TimeZones); its
// product plan is one ProductPlans.List offers the account, and a calling
// plan comes from ReferenceData.CallingPlanProducts.
func ExampleUsersService_Create() {
	c, stop := exampleClient()
	defer stop()
	ctx := context.Background()
	acct := exampleAccount(ctx, c)

	zones, err := c.ReferenceData.TimeZones(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(zones), "time zones, from", zones[0], "to", zones[len(zones)-1])
	u, err := c.Users.Create(ctx, acct.ID, alianza.User{FirstName: "Ada", LastName: "Lovelace", TimeZone: "US/Central",
		UserProductPlan: "STANDARD"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(u.FirstName, u.TimeZone, u.UserProductPlan)

	products, err := c.ReferenceData.CallingPlanProducts(ctx, false)
	if err != nil {
		log.Fatal(err)
	}
	plan, err := c.CallingPlans.Set(ctx, acct.ID, alianza.CallingPlanModifyRequest{ReferenceType: alianza.PlanRefEndUser, ReferenceID: u.ID,
		CallingPlanReferenceID: products[0].ID})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(products[0].Name, plan.PlanMinutes)
	// Output:
	// 15 time zones, from US/Samoa to Canada/Newfoundland
	// Ada US/Central STANDARD
	// 500 Minutes 500
}

// A device line needs a device type id: ReferenceData.DeviceTypes lists the
// partition's, and says whether its lines need the device's MAC address.
// The server refuses a guessed id and names the call that lists them.
func ExampleDeviceLinesService_Create() {
	c, stop := exampleClient()
	defer stop()
	ctx := context.Background()
	acct := exampleAccount(ctx, c)
	u, err := c.Users.Create(ctx, acct.ID, alianza.User{FirstName: "Ada", TimeZone: "US/Central"})
	if err != nil {
		log.Fatal(err)
	}

	_, err = c.DeviceLines.Create(ctx, acct.ID, alianza.DeviceLine{DeviceTypeID: "generic", DeviceName: "Port 1", UserID: u.ID})
	fmt.Println(err)

	types, err := c.ReferenceData.DeviceTypes(ctx)
	if err != nil {
		log.Fatal(err)
	}
	var mta alianza.DeviceType
	for _, t := range types {
		if t.ID == "SIP_4_Port_MTA" {
			mta = t
		}
	}
	fmt.Println(mta.Name, mta.NumLines, "lines, MAC required:", mta.MACAddressRequired)
	d, err := c.DeviceLines.Create(ctx, acct.ID, alianza.DeviceLine{DeviceTypeID: mta.ID, DeviceName: "Port 1", UserID: u.ID,
		MACAddress: "00:04:F2:AB:CD:EF", LineType: "Line"})
	if err != nil {
		log.Fatal(err)
	}
	st, err := c.DeviceLines.RegistrationStatus(ctx, acct.ID, d.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.DeviceTypeID, d.MACAddress, d.LineNumber, "registered:", st.Registered)
	// Output:
	// alianza: DeviceLines.Create: InvalidDeviceTypeId; deviceTypeId must be the id of a device type: GET /v2/ref/devicetype lists them [HTTP 400]
	// SIP 4 Port MTA 4 lines, MAC required: true
	// SIP_4_Port_MTA 0004f2abcdef 1 registered: false
}
