package telecloud_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/telecloud"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

// End-to-end tests of CloudAccount (see e2e_test.go).

func TestE2ECloudAccounts(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		created, err := e.c.CloudAccounts.Create(e.ctx, telecloud.CloudAccountCreateRequest{
			CloudAccountType: telecloud.AccountPartner, CompanyName: "Metro Partners LLC", FirstName: "Pat", LastName: "Partner",
			Address1: "1 Market St", Address2: "SUITE 200", City: "Philadelphia", State: "PA", ZipCode: "19107", Country: "United States",
			Email: "ops@metro.example", ContactPhone: "2155550100", FundingType: telecloud.FundingPrepaid,
			MaintenanceFeeType: telecloud.FeeMonthly, DeductWholesale: telecloud.Yes, MaintenanceFee: money("25.00"),
			MaintenanceFeeDay: 5, PerOrderFee: money("1.00"), RestrictCustomers: telecloud.Yes, CCReload: telecloud.Yes,
		})
		require.NoError(t, err)
		assert.NotEmpty(t, created.TransID)
		ref := created.CloudAccount
		assert.Equal(t, "2901", ref.ID)
		assert.Equal(t, "2502093001", ref.CloudAccountNumber)
		assert.Equal(t, telecloud.AccountPartner, ref.AccountType)

		// The VAR lists the accounts under it: the new one, with what was sent.
		list, err := e.c.CloudAccounts.Search(e.ctx, telecloud.CloudAccountSearchRequest{})
		require.NoError(t, err)
		require.Len(t, list.CloudAccounts, 1)
		a := list.CloudAccounts[0]
		assert.Equal(t, ref.ID, a.ID)
		assert.Equal(t, ref.CloudAccountNumber, a.CloudAccountNumber)
		assert.Equal(t, telecloud.AccountPartner, a.AccountType)
		assert.Equal(t, telecloud.AccountPartner, a.Type)
		assert.Equal(t, telecloudtest.SeedCoreAccount, a.CoreID)
		assert.Equal(t, telecloudtest.SeedVARAccount, a.VARID)
		assert.Equal(t, ref.CloudAccountNumber, a.PartnerID)
		assert.Equal(t, "Metro Partners LLC", a.CompanyName)
		assert.Equal(t, "Pat", a.FirstName)
		assert.Equal(t, "Partner", a.LastName)
		assert.Equal(t, "1 Market St", a.Address1)
		assert.Equal(t, "SUITE 200", a.Address2)
		assert.Equal(t, "Philadelphia", a.City)
		assert.Equal(t, "PA", a.State)
		assert.Equal(t, "19107", a.ZipCode)
		assert.Equal(t, "United States", a.Country)
		assert.Equal(t, "2155550100", a.ContactPhone)
		assert.Equal(t, "ops@metro.example", a.NotificationEmail)
		assertMoney(t, "25.00", a.MaintenanceFee)
		assert.Equal(t, 5, a.MaintenanceFeeDay)
		assert.Equal(t, telecloud.FeeMonthly, a.MaintenanceFeeType)
		assertMoney(t, "0.00", a.SpendingLimit)
		assert.Equal(t, telecloud.StatusActive, a.Status)
		assert.Equal(t, telecloud.FundingPrepaid, a.FundingType)
		assert.Equal(t, "2024-03-15", a.Since.Raw)
		assert.Equal(t, "metropartnersllc2502093001@secureaccesspoint.com", a.TicketPipeEmail)

		one, err := e.c.CloudAccounts.Search(e.ctx, telecloud.CloudAccountSearchRequest{CloudAccountType: telecloud.AccountPartner,
			CloudAccountNumber: ref.CloudAccountNumber})
		require.NoError(t, err)
		require.Len(t, one.CloudAccounts, 1)
		assert.Equal(t, "Metro Partners LLC", one.CloudAccounts[0].CompanyName)
		own, err := e.c.CloudAccounts.Search(e.ctx, telecloud.CloudAccountSearchRequest{Dashboard: telecloud.Yes})
		require.NoError(t, err)
		require.Len(t, own.CloudAccounts, 1)
		assert.Equal(t, telecloudtest.SeedVARAccount, own.CloudAccounts[0].CloudAccountNumber, "dashboard: the caller's own")
		assertMoney(t, "1000.00", own.CloudAccounts[0].SpendingLimit)
		_, err = e.c.CloudAccounts.Search(e.ctx, telecloud.CloudAccountSearchRequest{Orders: telecloud.Yes})
		invalidInput(t, err, "Orders")

		// Edit: fields and the status; a suspended account's API users are refused.
		const pid, pkey = "metro-api-id", "metro-api-key"
		_, err = e.srv.AddCredentials(ref.CloudAccountNumber, pid, pkey)
		require.NoError(t, err)
		partner := newClient(t, e.srv, pid, pkey, e.format, e.style)
		ed, err := e.c.CloudAccounts.Edit(e.ctx, telecloud.CloudAccountEditRequest{CloudAccountNumber: ref.CloudAccountNumber,
			CloudAccountType: telecloud.AccountPartner, CompanyName: "Metro Partners Inc", MaintenanceFee: money("30.00"), Status: telecloud.StatusSuspended})
		require.NoError(t, err)
		assert.Equal(t, ref, ed.CloudAccount)
		one, err = e.c.CloudAccounts.Search(e.ctx, telecloud.CloudAccountSearchRequest{CloudAccountType: telecloud.AccountPartner,
			CloudAccountNumber: ref.CloudAccountNumber})
		require.NoError(t, err)
		require.Len(t, one.CloudAccounts, 1)
		assert.Equal(t, "Metro Partners Inc", one.CloudAccounts[0].CompanyName)
		assertMoney(t, "30.00", one.CloudAccounts[0].MaintenanceFee)
		assert.Equal(t, telecloud.StatusSuspended, one.CloudAccounts[0].Status)
		assert.Equal(t, "Pat", one.CloudAccounts[0].FirstName, "fields not sent are kept")
		_, err = partner.Customers.Create(e.ctx, telecloud.CustomerCreateRequest{FirstName: "Paul", LastName: "Metro"})
		vendorError(t, err, "This cloud account is suspended.")
		_, err = e.c.CloudAccounts.Edit(e.ctx, telecloud.CloudAccountEditRequest{CloudAccountNumber: ref.CloudAccountNumber, Status: telecloud.StatusActive})
		require.NoError(t, err)
		_, err = e.c.CloudAccounts.Edit(e.ctx, telecloud.CloudAccountEditRequest{CloudAccountNumber: ref.CloudAccountNumber, MaintenanceFeeDay: 30})
		vendorError(t, err, "Invalid maintenance_fee_day: the day of the month must be between 1 and 28.")

		// Delete: not while it has customers.
		cust, err := partner.Customers.Create(e.ctx, telecloud.CustomerCreateRequest{FirstName: "Paul", LastName: "Metro"})
		require.NoError(t, err)
		_, err = e.c.CloudAccounts.Delete(e.ctx, telecloud.CloudAccountDeleteRequest{CloudAccountType: telecloud.AccountPartner, CloudAccountNumber: ref.CloudAccountNumber})
		vendorError(t, err, "Cloud account 2502093001 has customer accounts and cannot be deleted.")
		_, err = partner.Customers.Delete(e.ctx, telecloud.CustomerDeleteRequest{AccountNumber: cust.AccountNumber})
		require.NoError(t, err)
		del, err := e.c.CloudAccounts.Delete(e.ctx, telecloud.CloudAccountDeleteRequest{CloudAccountType: telecloud.AccountPartner, CloudAccountNumber: ref.CloudAccountNumber})
		require.NoError(t, err)
		assert.Equal(t, ref, del.CloudAccount)
		list, err = e.c.CloudAccounts.Search(e.ctx, telecloud.CloudAccountSearchRequest{})
		require.NoError(t, err)
		assert.Empty(t, list.CloudAccounts)
		_, err = partner.Users.Search(e.ctx, telecloud.UserSearchRequest{})
		vendorError(t, err, "Invalid API credentials.")

		// The hierarchy: a VAR creates below its level only.
		_, err = e.c.CloudAccounts.Create(e.ctx, telecloud.CloudAccountCreateRequest{CloudAccountType: telecloud.AccountVAR,
			CompanyName: "Rival Wireless", Email: "x@rival.example"})
		vendorError(t, err, "A VAR account can only create accounts below its own level, not VAR accounts.")
	})
}
