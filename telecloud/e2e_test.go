package telecloud_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/telecloud"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

// End-to-end tests: every one of the 76 service/methods through its typed
// Go method, against an in-memory telecloudtest server over HTTP, in XML
// and in JSON (each test runs once per format; TestMain checks that every
// method/format pair was called). The assertions read the effects back:
// through the API where it shows them, through the server's accessors
// where it does not. What JSON loses (CDATA content, the attributes of
// elements that also carry text) is asserted in XML only.
//
// The file follows the services in the package's order, then the
// cross-cutting behaviour: the error envelope, required parameters,
// credentials, retries, Client.Call and the call options.

// ---------------------------------------------------------------------------
// Alerts and Announcements

func TestE2EAnnouncementsAndAlerts(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		// The CORE posts an announcement to its VARs; the VAR's user gets it
		// as an ANNOUNCEMENT alert.
		created, err := e.core.Announcements.Create(e.ctx, telecloud.AnnouncementCreateRequest{
			Subject: "Maintenance tonight & tomorrow", Description: "<p>The GSMA network is down <b>1am–3am</b>.</p>",
			ShowVAR: telecloud.Yes, ShowPartner: telecloud.No, EmailNotification: telecloud.No,
		})
		require.NoError(t, err)
		assert.Equal(t, "89", created.Announcement.AnnouncementID)
		assert.NotEmpty(t, created.TransID)

		list, err := e.core.Announcements.Search(e.ctx, telecloud.AnnouncementSearchRequest{})
		require.NoError(t, err)
		require.Len(t, list.Announcements, 1)
		an := list.Announcements[0]
		assert.Equal(t, "89", an.ID)
		assert.Equal(t, telecloud.Yes, an.ShowVAR)
		assert.Equal(t, telecloud.No, an.ShowPartner)
		assert.Equal(t, telecloud.No, an.ShowAffiliate)
		assert.Equal(t, 0, an.Read)
		assert.Equal(t, 1, an.Unread, "the VAR's one user has not read it")
		assert.Equal(t, e2eNow, an.Date.Time, "raw %q", an.Date.Raw)
		assert.Equal(t, "Maintenance tonight &amp; tomorrow", an.Subject, "subjects come HTML-encoded")
		if e.xml() {
			assert.Equal(t, "<p>The GSMA network is down <b>1am–3am</b>.</p>", an.Contents)
		} else {
			assert.Empty(t, an.Contents, "JSON loses CDATA")
		}

		alerts, err := e.c.Alerts.Search(e.ctx, telecloud.AlertSearchRequest{Type: telecloud.AlertTypeAnnouncement})
		require.NoError(t, err)
		require.Len(t, alerts.Alerts, 1)
		al := alerts.Alerts[0]
		assert.Equal(t, telecloud.AlertTypeAnnouncement, al.Type)
		assert.Equal(t, telecloud.AlertUnread, al.Status)
		assert.Equal(t, telecloudtest.DefaultUsername, al.UserID)
		assert.Equal(t, "Maintenance tonight &amp; tomorrow", al.Subject)
		if e.xml() {
			assert.Equal(t, "<p>The GSMA network is down <b>1am–3am</b>.</p>", al.Content)
		}
		coreAlerts, err := e.core.Alerts.Search(e.ctx, telecloud.AlertSearchRequest{})
		require.NoError(t, err)
		assert.Empty(t, coreAlerts.Alerts, "the poster is not alerted")

		// Alerts/Edit sends the newer page's list, status alone; the fake then
		// changes every alert of the API user. Here it has one: it is READ for
		// both searches.
		edited, err := e.c.Alerts.Edit(e.ctx, telecloud.AlertEditRequest{Status: telecloud.AlertDismissed})
		require.NoError(t, err)
		assert.NotEmpty(t, edited.TransID)
		unread, err := e.c.Alerts.Search(e.ctx, telecloud.AlertSearchRequest{Status: telecloud.AlertUnread})
		require.NoError(t, err)
		assert.Empty(t, unread.Alerts)
		read, err := e.c.Alerts.Search(e.ctx, telecloud.AlertSearchRequest{Status: telecloud.AlertRead})
		require.NoError(t, err)
		require.Len(t, read.Alerts, 1)
		assert.Equal(t, al.AlertID, read.Alerts[0].AlertID)
		list, err = e.core.Announcements.Search(e.ctx, telecloud.AnnouncementSearchRequest{AnnouncementID: "89"})
		require.NoError(t, err)
		require.Len(t, list.Announcements, 1)
		assert.Equal(t, 1, list.Announcements[0].Read)
		assert.Equal(t, 0, list.Announcements[0].Unread)
		// One alert, named with the inferred alert_id through WithParam: a
		// second announcement makes a second alert, and only the one named
		// changes.
		second, err := e.core.Announcements.Create(e.ctx, telecloud.AnnouncementCreateRequest{Subject: "Second", Description: "y",
			ShowVAR: telecloud.Yes, EmailNotification: telecloud.Yes})
		require.NoError(t, err)
		unread, err = e.c.Alerts.Search(e.ctx, telecloud.AlertSearchRequest{Status: telecloud.AlertUnread})
		require.NoError(t, err)
		require.Len(t, unread.Alerts, 1)
		al2 := unread.Alerts[0]
		require.NotEqual(t, al.AlertID, al2.AlertID)
		_, err = e.c.Alerts.Edit(e.ctx, telecloud.AlertEditRequest{Status: telecloud.AlertNew}, telecloud.WithParam("alert_id", al.AlertID))
		require.NoError(t, err)
		_, err = e.c.Alerts.Edit(e.ctx, telecloud.AlertEditRequest{Status: telecloud.AlertDismissed}, telecloud.WithParam("alert_id", al2.AlertID))
		require.NoError(t, err)
		unread, err = e.c.Alerts.Search(e.ctx, telecloud.AlertSearchRequest{Status: telecloud.AlertUnread})
		require.NoError(t, err)
		require.Len(t, unread.Alerts, 1)
		assert.Equal(t, al.AlertID, unread.Alerts[0].AlertID)
		_, err = e.core.Announcements.Delete(e.ctx, telecloud.AnnouncementDeleteRequest{AnnouncementID: second.Announcement.AnnouncementID})
		require.NoError(t, err)
		_, err = e.c.Alerts.Edit(e.ctx, telecloud.AlertEditRequest{Status: telecloud.AlertNew}, telecloud.WithParam("alert_id", "999"))
		vendorError(t, err, "Alert 999 not found.")
		_, err = e.c.Alerts.Edit(e.ctx, telecloud.AlertEditRequest{})
		invalidInput(t, err, "Status")

		// email_notification is required (the newer page's list); the show
		// flags are optional, and an announcement shown to nobody is posted.
		_, err = e.core.Announcements.Create(e.ctx, telecloud.AnnouncementCreateRequest{Subject: "Nobody", Description: "x"})
		invalidInput(t, err, "EmailNotification")
		nobody, err := e.core.Announcements.Create(e.ctx, telecloud.AnnouncementCreateRequest{Subject: "Nobody", Description: "x",
			EmailNotification: telecloud.No})
		require.NoError(t, err)
		_, err = e.core.Announcements.Delete(e.ctx, telecloud.AnnouncementDeleteRequest{AnnouncementID: nobody.Announcement.AnnouncementID})
		require.NoError(t, err)

		// Deleting it removes it and the alerts it made.
		del, err := e.core.Announcements.Delete(e.ctx, telecloud.AnnouncementDeleteRequest{AnnouncementID: "89"})
		require.NoError(t, err)
		assert.Equal(t, "89", del.Announcement.AnnouncementID)
		list, err = e.core.Announcements.Search(e.ctx, telecloud.AnnouncementSearchRequest{})
		require.NoError(t, err)
		assert.Empty(t, list.Announcements)
		alerts, err = e.c.Alerts.Search(e.ctx, telecloud.AlertSearchRequest{})
		require.NoError(t, err)
		assert.Empty(t, alerts.Alerts)
		_, err = e.core.Announcements.Delete(e.ctx, telecloud.AnnouncementDeleteRequest{AnnouncementID: "89"})
		vendorError(t, err, "Announcement 89 not found.")
	})
}

// ---------------------------------------------------------------------------
// Billing

// cloudAccountBilling reads the <billing> that CloudAccount/Search adds
// with transactions=Y, which the typed CloudAccount does not carry: a
// custom `tc`-tagged struct for Client.Call.
type cloudAccountBilling struct {
	telecloud.Meta
	Accounts []struct {
		Number       string `tc:"cloud_account_number,attr"`
		Company      string `tc:"COMPANY_NAME"`
		Transactions []struct {
			TransID    string          `tc:"trans_id,attr"`
			Type       string          `tc:"type"`
			Amount     telecloud.Money `tc:"amount"`
			EndBalance telecloud.Money `tc:"end_balance"`
		} `tc:"billing>transaction"`
	} `tc:"cloud_account"`
}

func TestE2EBilling(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		// The CORE credits the VAR: the balance moves, everywhere it shows.
		cr, err := e.core.Billing.Create(e.ctx, telecloud.BillingCreateRequest{CloudAccountType: telecloud.AccountVAR,
			CloudAccountNumber: telecloudtest.SeedVARAccount, Type: telecloud.BillingCredit, Amount: money("100.00"), Notes: "Launch bonus"})
		require.NoError(t, err)
		assert.NotEmpty(t, cr.TransID)
		assert.Equal(t, "44001", cr.Billing.BillingTransID)
		assert.Equal(t, telecloudtest.SeedVARAccount, cr.Billing.CloudAccountNumber)
		assert.Equal(t, telecloud.AccountVAR, cr.Billing.CloudAccountType)
		assert.Equal(t, telecloud.BillingCredit, cr.Billing.Type)
		assertMoney(t, "100.00", cr.Billing.Amount)
		assert.Equal(t, "Launch bonus", cr.Billing.Notes)
		assertMoney(t, "757.00", cr.Billing.EndingBalance)
		assert.Equal(t, "757.00", e.balance(telecloudtest.SeedVARAccount))

		// CloudAccount/Search reports it (with transactions=Y) …
		var ca cloudAccountBilling
		require.NoError(t, e.core.Call(e.ctx, "CloudAccount/Search", url.Values{"cloud_account_type": {"VAR"},
			"cloud_account_number": {telecloudtest.SeedVARAccount}, "transactions": {"Y"}}, &ca))
		require.Len(t, ca.Accounts, 1)
		assert.Equal(t, "YourBrand Wireless", ca.Accounts[0].Company)
		require.Len(t, ca.Accounts[0].Transactions, 1)
		assert.Equal(t, "44001", ca.Accounts[0].Transactions[0].TransID)
		assertMoney(t, "757.00", ca.Accounts[0].Transactions[0].EndBalance)
		// … the typed search of the same account still reads its fields …
		accts, err := e.core.CloudAccounts.Search(e.ctx, telecloud.CloudAccountSearchRequest{CloudAccountType: telecloud.AccountVAR,
			CloudAccountNumber: telecloudtest.SeedVARAccount, Transactions: telecloud.Yes, Orders: telecloud.Yes, Discounts: telecloud.Yes})
		require.NoError(t, err)
		require.Len(t, accts.CloudAccounts, 1)
		assert.Equal(t, "YourBrand Wireless", accts.CloudAccounts[0].CompanyName)

		// … and so does the VAR's own billing history.
		hist, err := e.c.Billing.Search(e.ctx, telecloud.BillingSearchRequest{})
		require.NoError(t, err)
		assert.Equal(t, telecloud.AccountVAR, hist.CloudAccountType)
		assert.Equal(t, telecloudtest.SeedVARAccount, hist.CloudAccountNumber)
		require.Len(t, hist.Transactions, 1)
		tx := hist.Transactions[0]
		assert.Equal(t, "44001", tx.TransID)
		assert.Equal(t, "CREDIT", tx.Type)
		assert.Equal(t, "Launch bonus", tx.Details)
		assert.Equal(t, telecloudtest.CoreUsername, tx.User)
		assertMoney(t, "100.00", tx.Amount)
		assertMoney(t, "757.00", tx.EndBalance)
		assert.Equal(t, telecloud.Yes, tx.Billed, "a PREPAID account's entries are billed")
		assert.Equal(t, "COMPLETED", tx.Status)
		assert.Equal(t, e2eNow, tx.Date.Time)

		// The criteria: one transaction, a day range, billed.
		day := e2eNow.Truncate(24 * time.Hour)
		for _, c := range []struct {
			name string
			req  telecloud.BillingSearchRequest
			n    int
		}{
			{"by id", telecloud.BillingSearchRequest{BillingTransID: "44001"}, 1},
			{"unknown id", telecloud.BillingSearchRequest{BillingTransID: "1"}, 0},
			{"today", telecloud.BillingSearchRequest{StartDate: day, EndDate: day}, 1},
			{"yesterday", telecloud.BillingSearchRequest{StartDate: day.AddDate(0, 0, -1), EndDate: day.AddDate(0, 0, -1)}, 0},
			{"unbilled", telecloud.BillingSearchRequest{Billed: telecloud.No}, 0},
		} {
			res, err := e.c.Billing.Search(e.ctx, c.req)
			require.NoError(t, err, c.name)
			assert.Len(t, res.Transactions, c.n, c.name)
		}
		byCore, err := e.core.Billing.Search(e.ctx, telecloud.BillingSearchRequest{CloudAccountType: telecloud.AccountVAR, CloudAccountNumber: telecloudtest.SeedVARAccount})
		require.NoError(t, err)
		require.Len(t, byCore.Transactions, 1, "the CORE sees the VAR's history")

		// The alert the VAR's user got names both transactions.
		alerts, err := e.c.Alerts.Search(e.ctx, telecloud.AlertSearchRequest{Type: telecloud.AlertTypeAlert})
		require.NoError(t, err)
		require.Len(t, alerts.Alerts, 1)
		assert.Equal(t, "44001", alerts.Alerts[0].BillingTransID)
		assert.Equal(t, cr.TransID, alerts.Alerts[0].TransactionID)
		assert.Equal(t, "Billing credit of 100.00", alerts.Alerts[0].Subject)
		if e.xml() {
			assert.Equal(t, "Launch bonus", alerts.Alerts[0].Content)
		}

		// Reverse undoes it once.
		rev, err := e.core.Billing.Reverse(e.ctx, telecloud.BillingReverseRequest{CloudAccountType: telecloud.AccountVAR,
			CloudAccountNumber: telecloudtest.SeedVARAccount, BillingTransID: "44001"})
		require.NoError(t, err)
		assert.NotEmpty(t, rev.TransID)
		assert.Equal(t, "44001", rev.Billing.BillingTransID)
		assert.Equal(t, telecloud.BillingCredit, rev.Billing.Type)
		assertMoney(t, "100.00", rev.Billing.Amount)
		assertMoney(t, "657.00", rev.Billing.EndingBalance)
		assert.Equal(t, telecloudtest.SeedVARBalance, e.balance(telecloudtest.SeedVARAccount))
		hist, err = e.c.Billing.Search(e.ctx, telecloud.BillingSearchRequest{})
		require.NoError(t, err)
		require.Len(t, hist.Transactions, 2)
		assert.Equal(t, "REVERSAL", hist.Transactions[0].Type, "newest first")
		assert.Equal(t, "REVERSED", hist.Transactions[1].Status)
		_, err = e.core.Billing.Reverse(e.ctx, telecloud.BillingReverseRequest{CloudAccountType: telecloud.AccountVAR,
			CloudAccountNumber: telecloudtest.SeedVARAccount, BillingTransID: "44001"})
		vendorError(t, err, "Billing transaction 44001 has already been reversed.")

		// A debit; and the VAR cannot bill itself.
		db, err := e.core.Billing.Create(e.ctx, telecloud.BillingCreateRequest{CloudAccountType: telecloud.AccountVAR,
			CloudAccountNumber: telecloudtest.SeedVARAccount, Type: telecloud.BillingDebit, Amount: money("7.50")})
		require.NoError(t, err)
		assertMoney(t, "649.50", db.Billing.EndingBalance)
		assert.Equal(t, "Manual DEBIT issued by COREID 8187871817.", db.Billing.Notes, "the server's default note")
		_, err = e.c.Billing.Create(e.ctx, telecloud.BillingCreateRequest{CloudAccountType: telecloud.AccountVAR,
			CloudAccountNumber: telecloudtest.SeedVARAccount, Type: telecloud.BillingCredit, Amount: money("1.00")})
		vendorError(t, err, "Cloud account 1912093447 is your own account: only accounts under your control can be changed here.")

		// Amounts are checked before sending.
		_, err = e.core.Billing.Create(e.ctx, telecloud.BillingCreateRequest{CloudAccountType: telecloud.AccountVAR,
			CloudAccountNumber: telecloudtest.SeedVARAccount, Type: telecloud.BillingCredit, Amount: money("1.005")})
		invalidInput(t, err, "Amount")
	})
}

func TestE2EBillingAddFunds(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		_, err := e.c.Billing.AddFunds(e.ctx, telecloud.BillingAddFundsRequest{Amount: money("50.00")})
		vendorError(t, err, "The payment_method_id parameter is required: the account has no default payment method.")

		// A card on the VAR's own cloud account must be verified first.
		pm, err := e.c.PaymentMethods.Create(e.ctx, telecloud.PaymentMethodCreateRequest{Type: telecloud.PaymentCard,
			Number: telecloud.NewSecret(testCard), ExpirationMonth: "12", ExpirationYear: "30", CVV: telecloud.NewSecret("123")})
		require.NoError(t, err)
		_, err = e.c.Billing.AddFunds(e.ctx, telecloud.BillingAddFundsRequest{PaymentMethodID: pm.PaymentMethod.ID,
			Type: telecloud.PaymentCard, CVV: telecloud.NewSecret("123"), Amount: money("50.00")})
		vendorError(t, err, "Payment method "+pm.PaymentMethod.ID+" is not verified: use PaymentMethod/Verify first.")
		a1, a2, ok := e.srv.MicroDebits(pm.PaymentMethod.ID)
		require.True(t, ok)
		_, err = e.c.PaymentMethods.Verify(e.ctx, telecloud.PaymentMethodVerifyRequest{PaymentMethodID: pm.PaymentMethod.ID,
			Amount1: money(a2), Amount2: money(a1)}) // either order
		require.NoError(t, err)

		res, err := e.c.Billing.AddFunds(e.ctx, telecloud.BillingAddFundsRequest{PaymentMethodID: pm.PaymentMethod.ID,
			Type: telecloud.PaymentCard, CVV: telecloud.NewSecret("123"), Amount: money("50.00")})
		require.NoError(t, err)
		assert.NotEmpty(t, res.TransID)
		assert.NotEmpty(t, res.Billing.BillingTransID)
		assert.Equal(t, telecloud.BillingCredit, res.Billing.Type)
		assertMoney(t, "50.00", res.Billing.Amount)
		assertMoney(t, "707.00", res.Billing.EndingBalance)
		assert.Equal(t, "707.00", e.balance(telecloudtest.SeedVARAccount))
		hist, err := e.c.Billing.Search(e.ctx, telecloud.BillingSearchRequest{BillingTransID: res.Billing.BillingTransID})
		require.NoError(t, err)
		require.Len(t, hist.Transactions, 1)
		assert.Equal(t, "Funds added with payment method "+pm.PaymentMethod.ID+".", hist.Transactions[0].Details)

		// Without a payment method id the (now default) verified card is used.
		res, err = e.c.Billing.AddFunds(e.ctx, telecloud.BillingAddFundsRequest{Type: telecloud.PaymentCard, CVV: telecloud.NewSecret("123"), Amount: money("3.00")})
		require.NoError(t, err)
		assertMoney(t, "710.00", res.Billing.EndingBalance)

		// A card needs its CVV (checked before sending); a CORE cannot add funds.
		before := e.srv.RequestCount("")
		_, err = e.c.Billing.AddFunds(e.ctx, telecloud.BillingAddFundsRequest{Type: telecloud.PaymentCard, Amount: money("3.00")})
		invalidInput(t, err, "CVV")
		assert.Equal(t, before, e.srv.RequestCount(""), "nothing was sent")
		_, err = e.core.Billing.AddFunds(e.ctx, telecloud.BillingAddFundsRequest{Amount: money("3.00")})
		vendorError(t, err, "Only VAR, PARTNER and AFFILIATE accounts can add funds.")
	})
}

// ---------------------------------------------------------------------------
// CloudAccount

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

// ---------------------------------------------------------------------------
// Customer

func TestE2ECustomers(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		// Create with every field; Search finds the account with them.
		created, err := e.c.Customers.Create(e.ctx, telecloud.CustomerCreateRequest{
			Company: "Analytical Engines", FirstName: "Ada", LastName: "Lovelace", Address: "12 Analytical Way",
			UnitType: "APT", UnitNumber: "4B", City: "Harrisburg", State: "PA", ZipCode: "17109",
			Email: "ada@example.com", Phone: "2145550100", Password: telecloud.NewSecret("12345678"), DL: telecloud.NewSecret("PA-1234567"), SSN: telecloud.NewSecret("123-45-6789"),
			CustomField1: "crm-42", CustomField2: "gold",
		})
		require.NoError(t, err)
		assert.Equal(t, "7105046", created.AccountNumber)
		assert.Equal(t, "Customer/Create", e.transaction(created.TransID).Service)
		cu := e.customer(created.AccountNumber)
		assert.Equal(t, "7105046", cu.AccountNumber)
		assert.Equal(t, telecloudtest.SeedCoreAccount, cu.CoreID)
		assert.Equal(t, telecloudtest.SeedVARAccount, cu.VARID)
		assert.Empty(t, cu.PartnerID)
		assert.Empty(t, cu.AffiliateID)
		assert.Equal(t, "2024-03-15", cu.CreationDate.Raw)
		assert.Equal(t, telecloudtest.DefaultUsername, cu.CreationUser)
		assert.Equal(t, "Analytical Engines", cu.Company)
		assert.Equal(t, "Ada", cu.FirstName)
		assert.Equal(t, "Lovelace", cu.LastName)
		assert.Equal(t, "12 Analytical Way", cu.Address)
		assert.Equal(t, "APT", cu.UnitType)
		assert.Equal(t, "4B", cu.UnitNumber)
		assert.Equal(t, "Harrisburg", cu.City)
		assert.Equal(t, "PA", cu.State)
		assert.Equal(t, "17109", cu.ZipCode)
		assert.Equal(t, "United States", cu.Country, "the server's default")
		assert.Equal(t, "ada@example.com", cu.Email)
		assert.Equal(t, "2145550100", cu.Phone)
		assert.Equal(t, "12345678", cu.Password.Reveal())
		assert.Equal(t, "PA-1234567", cu.DL.Reveal())
		assert.Equal(t, "123-45-6789", cu.SSN.Reveal())
		assert.Equal(t, "crm-42", cu.CustomField1)
		assert.Equal(t, "gold", cu.CustomField2)
		assert.Empty(t, cu.PaymentMethodID)
		assert.Equal(t, "Residential", cu.LocationType)
		assertMoney(t, "0.00", cu.AccountCredit)
		assert.Equal(t, telecloud.StatusActive, cu.Status)
		printed := fmt.Sprintf("%v %+v %#v", cu, cu, cu)
		for _, secret := range []string{"12345678", "PA-1234567", "123-45-6789"} {
			assert.NotContains(t, printed, secret, "the answer's secrets print redacted")
		}

		// Search by contact criteria (case-insensitive) and custom field.
		for _, c := range []struct {
			name string
			req  telecloud.CustomerSearchRequest
			want []string
		}{
			{"all", telecloud.CustomerSearchRequest{}, []string{telecloudtest.SeedCustomer, "7105046"}},
			{"email", telecloud.CustomerSearchRequest{Email: "ADA@example.COM"}, []string{"7105046"}},
			{"name", telecloud.CustomerSearchRequest{FirstName: "gina", LastName: "hammond"}, []string{telecloudtest.SeedCustomer}},
			{"zip", telecloud.CustomerSearchRequest{ZipCode: "17109"}, []string{telecloudtest.SeedCustomer, "7105046"}},
			{"custom field", telecloud.CustomerSearchRequest{CustomField: "crm-42"}, []string{"7105046"}},
			{"password", telecloud.CustomerSearchRequest{Password: telecloud.NewSecret("12345678")}, []string{"7105046"}},
			{"unit", telecloud.CustomerSearchRequest{UnitType: "APT", UnitNumber: "4b"}, []string{"7105046"}},
			{"nobody", telecloud.CustomerSearchRequest{LastName: "Babbage"}, nil},
		} {
			res, err := e.c.Customers.Search(e.ctx, c.req)
			require.NoError(t, err, c.name)
			var got []string
			for _, x := range res.Customers {
				got = append(got, x.AccountNumber)
			}
			assert.Equal(t, c.want, got, c.name)
		}

		// Edit changes the fields sent and keeps the others.
		ed, err := e.c.Customers.Edit(e.ctx, telecloud.CustomerEditRequest{AccountNumber: "7105046",
			Company: "Difference Engines", Phone: "7175550199", Email: "countess@example.com"})
		require.NoError(t, err)
		assert.Equal(t, "7105046", ed.AccountNumber)
		assert.NotEmpty(t, ed.TransID)
		cu = e.customer("7105046")
		assert.Equal(t, "Difference Engines", cu.Company)
		assert.Equal(t, "7175550199", cu.Phone)
		assert.Equal(t, "countess@example.com", cu.Email)
		assert.Equal(t, "Ada", cu.FirstName)
		assert.Equal(t, "12345678", cu.Password.Reveal())
		_, err = e.c.Customers.Edit(e.ctx, telecloud.CustomerEditRequest{AccountNumber: "7105046", Email: "not-an-email"})
		vendorError(t, err, "Invalid email: not-an-email is not an e-mail address.")
		_, err = e.c.Customers.Edit(e.ctx, telecloud.CustomerEditRequest{AccountNumber: "7105046", Password: telecloud.NewSecret("1234")})
		vendorError(t, err, "Invalid password: it must be eight numeric digits.")
		assert.Equal(t, "countess@example.com", e.customer("7105046").Email, "a refused edit changes nothing")
		_, err = e.c.Customers.Edit(e.ctx, telecloud.CustomerEditRequest{AccountNumber: "404", FirstName: "X"})
		vendorError(t, err, "Customer account 404 not found.")
		_, err = e.c.Customers.Edit(e.ctx, telecloud.CustomerEditRequest{AccountNumber: "7105046", UnitNumber: "9"})
		invalidInput(t, err, "UnitType")

		// The server requires the names, which the typed request leaves optional.
		_, err = e.c.Customers.Create(e.ctx, telecloud.CustomerCreateRequest{Company: "Nameless Inc"})
		vendorError(t, err, "The first_name parameter is required.")

		// Delete: not with orders; without, the account is gone.
		e.newOrder(telecloudtest.SeedCustomer)
		_, err = e.c.Customers.Delete(e.ctx, telecloud.CustomerDeleteRequest{AccountNumber: telecloudtest.SeedCustomer})
		refused := vendorError(t, err, "Customer account 7105045 has orders and cannot be deleted.")
		assert.Equal(t, "Customer/Delete", refused.Op)
		del, err := e.c.Customers.Delete(e.ctx, telecloud.CustomerDeleteRequest{AccountNumber: "7105046"})
		require.NoError(t, err)
		assert.Equal(t, "7105046", del.AccountNumber)
		assert.Equal(t, telecloud.StatusDeleted, del.Status)
		res, err := e.c.Customers.Search(e.ctx, telecloud.CustomerSearchRequest{AccountNumber: "7105046"})
		require.NoError(t, err)
		assert.Empty(t, res.Customers)
		_, ok := e.srv.Customer("7105046")
		assert.False(t, ok)
	})
}

func TestE2ECustomersSearchByOrder(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		other := e.newCustomer("Bob", "Babbage")
		on := e.newOrder(telecloudtest.SeedCustomer)
		for _, c := range []struct {
			name string
			req  telecloud.CustomerSearchRequest
			want []string
		}{
			{"order number", telecloud.CustomerSearchRequest{OrderNumber: on}, []string{telecloudtest.SeedCustomer}},
			{"order status", telecloud.CustomerSearchRequest{OrderStatus: telecloud.OrderActive}, []string{telecloudtest.SeedCustomer}},
			{"no such status", telecloud.CustomerSearchRequest{OrderStatus: telecloud.OrderSuspended}, nil},
			{"product", telecloud.CustomerSearchRequest{ProductID: telecloudtest.SeedProduct}, []string{telecloudtest.SeedCustomer}},
			{"rate plan", telecloud.CustomerSearchRequest{RatePlanID: telecloudtest.SeedRatePlan}, []string{telecloudtest.SeedCustomer}},
			{"IMEI", telecloud.CustomerSearchRequest{Vars: telecloud.VarValues{1: testIMEI}}, []string{telecloudtest.SeedCustomer}},
			{"other IMEI", telecloud.CustomerSearchRequest{Vars: telecloud.VarValues{1: "000"}}, nil},
			{"contact and order", telecloud.CustomerSearchRequest{FirstName: "Bob", OrderNumber: on}, nil},
		} {
			res, err := e.c.Customers.Search(e.ctx, c.req)
			require.NoError(t, err, c.name)
			var got []string
			for _, x := range res.Customers {
				got = append(got, x.AccountNumber)
			}
			assert.Equal(t, c.want, got, c.name)
		}
		assert.NotEqual(t, other, telecloudtest.SeedCustomer)
		_, err := e.c.Customers.Search(e.ctx, telecloud.CustomerSearchRequest{OrderStatus: "LIVE"})
		invalidInput(t, err, "OrderStatus")
	})
}

func TestE2ECustomersQualifyAndEstimate(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		q, err := e.c.Customers.Qualify(e.ctx, telecloud.CustomerQualifyRequest{AccountNumber: telecloudtest.SeedCustomer, QualifyType: telecloud.QualifyNew})
		require.NoError(t, err)
		assert.Empty(t, q.TransID, "reads have no trans_id")
		assert.Equal(t, telecloudtest.SeedCustomer, q.AccountNumber)
		require.Len(t, q.Products, 1)
		p := q.Products[0]
		assert.Equal(t, telecloudtest.SeedProduct, p.ProductID)
		assert.Equal(t, telecloudtest.SeedProductGroup, p.ReplenishGroup)
		assert.Equal(t, "[Smartphone] By The Gig", p.Name)
		assert.Equal(t, telecloud.ProductTraditional, p.Type)
		assert.Equal(t, "2GB and unlimited talk and text included.", p.Description)
		assertMoney(t, "0.00", p.SetupPrice)
		assertMoney(t, "20.00", p.Price, "the VAR's wholesale price")
		assert.Equal(t, "30", p.ExpirationDays)
		assert.Equal(t, telecloud.StatusActive, p.Status)
		assert.Equal(t, "GSMA Network", p.Group.Name)
		assert.Equal(t, telecloud.Yes, p.PromptForVariables)
		assert.Equal(t, telecloud.No, p.ReplenishWithPlan)
		require.Len(t, p.Variables, 3)
		for slot, name := range map[int]string{1: "IMEI", 2: "ICCID", 3: "MDN"} {
			v, ok := p.Variables.Slot(slot)
			require.True(t, ok, "VAR%d", slot)
			assert.Equal(t, name, v.Name)
		}
		imei, _ := p.Variables.ByName("imei")
		mdn, _ := p.Variables.ByName("MDN")
		if e.xml() {
			assert.Equal(t, telecloudtest.SeedProductGroup, p.Group.ID)
			assert.Equal(t, telecloud.Variable{Slot: 1, Name: "IMEI", Type: telecloud.VarText, Description: "Enter the IMEI from the GSM device.",
				Swappable: telecloud.Yes, Prompt: telecloud.Yes, Category: "Device Information"}, imei)
			assert.Equal(t, telecloud.No, mdn.Swappable)
			assert.Equal(t, telecloud.No, mdn.Prompt)
			assert.Equal(t, "Mobile Number", mdn.Category)
		} else {
			assert.Empty(t, p.Group.ID, "JSON loses the attributes of an element with text")
			assert.Equal(t, telecloud.Variable{Slot: 1, Name: "IMEI"}, imei, "JSON keeps the names only")
		}
		require.Len(t, p.VARProducts, 1)
		vp := p.VARProducts[0]
		assert.Equal(t, telecloudtest.SeedRatePlan, vp.RatePlanID)
		assert.Equal(t, telecloud.StatusActive, vp.Status)
		assertMoney(t, "0.00", vp.SetupPrice)
		assertMoney(t, "25.00", vp.Price)
		assert.Equal(t, "Pay By The Gig", vp.Name)
		assert.Equal(t, "Pay by the gig: 2GB, unlimited talk and text.", vp.Description)
		assert.Equal(t, telecloudtest.SeedVARAccount, vp.VARID)
		assert.Equal(t, telecloudtest.SeedProduct, vp.ProductID)
		plans := q.RatePlans()
		require.Len(t, plans, 1)
		assert.Equal(t, "[Smartphone] By The Gig", plans[0].Product.Name)
		assert.Equal(t, telecloudtest.SeedRatePlan, plans[0].Plan.RatePlanID)

		// Add-ons only: the seed product is TRADITIONAL. REPLENISH needs an order.
		on := e.newOrder(telecloudtest.SeedCustomer)
		q, err = e.c.Customers.Qualify(e.ctx, telecloud.CustomerQualifyRequest{AccountNumber: telecloudtest.SeedCustomer,
			OrderNumber: on, ProductType: telecloud.ProductAddOn})
		require.NoError(t, err)
		assert.Empty(t, q.Products)
		q, err = e.c.Customers.Qualify(e.ctx, telecloud.CustomerQualifyRequest{AccountNumber: telecloudtest.SeedCustomer,
			OrderNumber: on, QualifyType: telecloud.QualifyReplenish, Vars: telecloud.VarValues{1: testIMEI}})
		require.NoError(t, err)
		require.Len(t, q.Products, 1)
		_, err = e.c.Customers.Qualify(e.ctx, telecloud.CustomerQualifyRequest{AccountNumber: telecloudtest.SeedCustomer, QualifyType: telecloud.QualifyReplenish})
		invalidInput(t, err, "OrderNumber")
		_, err = e.c.Customers.Qualify(e.ctx, telecloud.CustomerQualifyRequest{AccountNumber: "404"})
		te := vendorError(t, err, "Customer account 404 not found.")
		assert.Empty(t, te.RequestID, "reads have no trans_id")

		// Estimate: the customer's price less the promo, the VAR's wholesale
		// price against its balance.
		est, err := e.c.Customers.Estimate(e.ctx, telecloud.CustomerEstimateRequest{Type: telecloud.QualifyNew,
			AccountNumber: telecloudtest.SeedCustomer, RatePlanID: telecloudtest.SeedRatePlan, PromoCode: telecloudtest.SeedPromoCode})
		require.NoError(t, err)
		assert.Equal(t, telecloudtest.SeedCustomer, est.AccountNumber)
		es := est.Estimate
		assert.Equal(t, telecloudtest.SeedRatePlan, es.Plan.RatePlanID)
		assert.Equal(t, telecloudtest.SeedProduct, es.Plan.ProductID)
		assertMoney(t, "0.00", es.Customer.SetupPrice)
		assertMoney(t, "25.00", es.Customer.RecurringPrice)
		assertMoney(t, telecloudtest.SeedPromoValue, es.Customer.Promo.Discount)
		assertMoney(t, "12.65", es.Customer.Total)
		assert.Equal(t, 30, es.Customer.CycleLength)
		assert.Equal(t, "4/14/2024", es.Customer.ExpirationDate.Raw)
		assert.Equal(t, time.Date(2024, 4, 14, 0, 0, 0, 0, time.UTC), es.Customer.ExpirationDate.Time)
		assertMoney(t, "0.00", es.Client.SetupPrice)
		assertMoney(t, "20.00", es.Client.RecurringPrice)
		assertMoney(t, "20.00", es.Client.Total)
		assertMoney(t, "637.00", es.Client.Balance, "after the order placed above")
		assertMoney(t, "617.00", es.Client.EndBalance)
		if e.xml() {
			assert.Equal(t, telecloudtest.SeedPromoCode, es.Customer.Promo.PromoCode)
		} else {
			assert.Empty(t, es.Customer.Promo.PromoCode, "JSON loses the attributes of an element with text")
		}
		est, err = e.c.Customers.Estimate(e.ctx, telecloud.CustomerEstimateRequest{Type: telecloud.QualifyReplenish,
			AccountNumber: telecloudtest.SeedCustomer, RatePlanID: telecloudtest.SeedRatePlan})
		require.NoError(t, err)
		assertMoney(t, "0.00", est.Estimate.Customer.Promo.Discount)
		assertMoney(t, "25.00", est.Estimate.Customer.Total)
		_, err = e.c.Customers.Estimate(e.ctx, telecloud.CustomerEstimateRequest{AccountNumber: telecloudtest.SeedCustomer,
			RatePlanID: telecloudtest.SeedRatePlan, PromoCode: "nope"})
		vendorError(t, err, "Invalid promo code nope.")
		_, err = e.c.Customers.Estimate(e.ctx, telecloud.CustomerEstimateRequest{AccountNumber: telecloudtest.SeedCustomer, RatePlanID: "1"})
		vendorError(t, err, "Rate plan 1 not found.")
	})
}

// customerNotations reads the notations Customer/Search gives for one
// account, which the typed Customer does not carry.
type customerNotations struct {
	Notations []struct {
		ID      string `tc:"id,attr"`
		User    string `tc:"user"`
		Subject string `tc:"subject"`
		Content string `tc:"content"`
	} `tc:"customer>notation"`
}

func TestE2ECustomersNotationAndCredit(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		n, err := e.c.Customers.Notation(e.ctx, telecloud.CustomerNotationRequest{AccountNumber: telecloudtest.SeedCustomer,
			Subject: "Called in", Content: "<b>Wants</b> a new SIM & a case"})
		require.NoError(t, err)
		assert.NotEmpty(t, n.TransID)
		assert.Equal(t, telecloudtest.SeedCustomer, n.AccountNumber)
		assert.Equal(t, "152", n.Notation.ID)
		assert.Equal(t, "Called in", n.Notation.Subject)
		if e.xml() {
			assert.Equal(t, "<b>Wants</b> a new SIM & a case", n.Notation.Content)
		} else {
			assert.Empty(t, n.Notation.Content, "JSON loses CDATA")
		}
		var notes customerNotations
		require.NoError(t, e.raw.Call(e.ctx, "Customer/Search", url.Values{"account_number": {telecloudtest.SeedCustomer}}, &notes))
		require.Len(t, notes.Notations, 1)
		assert.Equal(t, "152", notes.Notations[0].ID)
		assert.Equal(t, telecloudtest.DefaultUsername, notes.Notations[0].User)
		assert.Equal(t, "Called in", notes.Notations[0].Subject)
		if e.xml() {
			assert.Equal(t, "<b>Wants</b> a new SIM & a case", notes.Notations[0].Content)
		}
		cu, _ := e.srv.Customer(telecloudtest.SeedCustomer)
		assert.Equal(t, []string{"Called in"}, cu.Notations)
		_, err = e.c.Customers.Notation(e.ctx, telecloud.CustomerNotationRequest{AccountNumber: telecloudtest.SeedCustomer, Subject: "Empty"})
		vendorError(t, err, "The content parameter is required.")

		// Credit needs a payment method on the customer's account.
		_, err = e.c.Customers.Credit(e.ctx, telecloud.CustomerCreditRequest{AccountNumber: telecloudtest.SeedCustomer,
			Type: telecloud.BillingCredit, Amount: money("10.00")})
		vendorError(t, err, "Customer account 7105045 has no payment method: credit is only used with a payment method on the customer's account.")
		pm, err := e.c.PaymentMethods.Create(e.ctx, telecloud.PaymentMethodCreateRequest{AccountNumber: telecloudtest.SeedCustomer,
			Type: telecloud.PaymentCard, Number: telecloud.NewSecret(testCard), ExpirationMonth: "12", ExpirationYear: "30", CVV: telecloud.NewSecret("123")})
		require.NoError(t, err)
		cr, err := e.c.Customers.Credit(e.ctx, telecloud.CustomerCreditRequest{AccountNumber: telecloudtest.SeedCustomer,
			Type: telecloud.BillingCredit, Amount: money("10.00")})
		require.NoError(t, err)
		assert.NotEmpty(t, cr.TransID)
		assert.Equal(t, telecloudtest.SeedCustomer, cr.AccountNumber)
		assert.Equal(t, telecloud.BillingCredit, cr.Credit.Type)
		assertMoney(t, "10.00", cr.Credit.Amount)
		assertMoney(t, "10.00", cr.Credit.CreditAvailable)
		cr, err = e.c.Customers.Credit(e.ctx, telecloud.CustomerCreditRequest{AccountNumber: telecloudtest.SeedCustomer,
			Type: telecloud.BillingDebit, Amount: money("4.00")})
		require.NoError(t, err)
		assertMoney(t, "6.00", cr.Credit.CreditAvailable)
		assertMoney(t, "6.00", e.customer(telecloudtest.SeedCustomer).AccountCredit)
		_, err = e.c.Customers.Credit(e.ctx, telecloud.CustomerCreditRequest{AccountNumber: telecloudtest.SeedCustomer,
			Type: telecloud.BillingDebit, Amount: money("100.00")})
		vendorError(t, err, "The debit of $100.00 exceeds the available credit of $6.00.")
		_, err = e.c.Customers.Credit(e.ctx, telecloud.CustomerCreditRequest{AccountNumber: telecloudtest.SeedCustomer,
			Type: telecloud.BillingCredit, Amount: money("0.125")})
		invalidInput(t, err, "Amount")

		// The credit is spent first by an order paid with the customer's card.
		res, err := e.c.Orders.Create(e.ctx, telecloud.OrderCreateRequest{AccountNumber: telecloudtest.SeedCustomer,
			RatePlanID: telecloudtest.SeedRatePlan, PaymentMethodID: pm.PaymentMethod.ID, Vars: telecloud.VarValues{1: testIMEI, 2: testICCID}})
		require.NoError(t, err)
		assert.Equal(t, telecloud.OrderActive, res.Order.Status)
		assertMoney(t, "0.00", e.customer(telecloudtest.SeedCustomer).AccountCredit)
	})
}

// ---------------------------------------------------------------------------
// Discount

func TestE2EDiscounts(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		// The CORE gives the VAR a price on its product: orders cost the VAR less.
		d, err := e.core.Discounts.Create(e.ctx, telecloud.DiscountCreateRequest{CloudAccountType: telecloud.AccountVAR,
			CloudAccountNumber: telecloudtest.SeedVARAccount, ProductID: telecloudtest.SeedProduct,
			DiscountSetupPrice: money("0.00"), DiscountPrice: money("15.00")})
		require.NoError(t, err)
		assert.NotEmpty(t, d.TransID)
		assert.Equal(t, "30567", d.Discount.ID)
		assert.Equal(t, telecloudtest.SeedProduct, d.Discount.ProductID)
		assertMoney(t, "0.00", d.Discount.DiscountSetupPrice)
		assertMoney(t, "15.00", d.Discount.DiscountPrice)

		list, err := e.core.Discounts.Search(e.ctx, telecloud.DiscountSearchRequest{CloudAccountType: telecloud.AccountVAR,
			CloudAccountNumber: telecloudtest.SeedVARAccount})
		require.NoError(t, err)
		assert.Equal(t, 50000, list.Limit)
		require.Len(t, list.Discounts, 1)
		ds := list.Discounts[0]
		assert.Equal(t, "30567", ds.ID)
		assert.Equal(t, "[Smartphone] By The Gig", ds.CoreProductName)
		assert.Equal(t, "2GB and unlimited talk and text included.", ds.CoreProductDescription)
		assertMoney(t, "15.00", ds.DiscountPrice)
		require.Len(t, ds.VARPlans, 1)
		assert.Equal(t, telecloud.DiscountVARPlan{RatePlanID: telecloudtest.SeedRatePlan, Name: "Pay By The Gig",
			SetupPrice: money("0.00"), Price: money("25.00")}, ds.VARPlans[0])
		other, err := e.core.Discounts.Search(e.ctx, telecloud.DiscountSearchRequest{CloudAccountType: telecloud.AccountVAR,
			CloudAccountNumber: telecloudtest.SeedVARAccount, ProductGroupID: "999"})
		require.NoError(t, err)
		assert.Empty(t, other.Discounts)

		est, err := e.c.Customers.Estimate(e.ctx, telecloud.CustomerEstimateRequest{AccountNumber: telecloudtest.SeedCustomer, RatePlanID: telecloudtest.SeedRatePlan})
		require.NoError(t, err)
		assertMoney(t, "15.00", est.Estimate.Client.Total)
		e.newOrder(telecloudtest.SeedCustomer)
		assert.Equal(t, "642.00", e.balance(telecloudtest.SeedVARAccount), "657.00 less the discounted 15.00")

		// The reference's one quoted message: a discount needs its price.
		_, err = e.core.Discounts.Create(e.ctx, telecloud.DiscountCreateRequest{CloudAccountType: telecloud.AccountVAR,
			CloudAccountNumber: telecloudtest.SeedVARAccount, ProductID: telecloudtest.SeedProduct})
		vendorError(t, err, "A full dollar amount must be supplied for the discount price.")
		_, err = e.core.Discounts.Create(e.ctx, telecloud.DiscountCreateRequest{CloudAccountType: telecloud.AccountVAR,
			CloudAccountNumber: telecloudtest.SeedVARAccount, ProductID: telecloudtest.SeedProduct, DiscountPrice: money("1.001")})
		invalidInput(t, err, "DiscountPrice")

		// Copy between two PARTNERs of the VAR, with and without replace.
		var partners []string
		for _, name := range []string{"North Partners", "South Partners"} {
			res, err := e.c.CloudAccounts.Create(e.ctx, telecloud.CloudAccountCreateRequest{CloudAccountType: telecloud.AccountPartner,
				CompanyName: name, Email: strings.ToLower(strings.Fields(name)[0]) + "@partners.example"})
			require.NoError(t, err)
			partners = append(partners, res.CloudAccount.CloudAccountNumber)
		}
		search := func(number string) []telecloud.Discount {
			t.Helper()
			res, err := e.c.Discounts.Search(e.ctx, telecloud.DiscountSearchRequest{CloudAccountType: telecloud.AccountPartner, CloudAccountNumber: number})
			require.NoError(t, err)
			return res.Discounts
		}
		_, err = e.c.Discounts.Create(e.ctx, telecloud.DiscountCreateRequest{CloudAccountType: telecloud.AccountPartner,
			CloudAccountNumber: partners[0], ProductID: telecloudtest.SeedRatePlan, DiscountSetupPrice: money("1.00"), DiscountPrice: money("22.00")})
		require.NoError(t, err)
		_, err = e.c.Discounts.Create(e.ctx, telecloud.DiscountCreateRequest{CloudAccountType: telecloud.AccountPartner,
			CloudAccountNumber: partners[1], ProductID: telecloudtest.SeedProduct, DiscountPrice: money("21.00")})
		require.NoError(t, err)
		cp, err := e.c.Discounts.Copy(e.ctx, telecloud.DiscountCopyRequest{CloudAccountType: telecloud.AccountPartner, CloudAccountNumber: partners[1],
			FromCloudAccountType: telecloud.AccountPartner, FromCloudAccountNumber: partners[0]})
		require.NoError(t, err)
		assert.NotEmpty(t, cp.TransID)
		got := search(partners[1])
		require.Len(t, got, 2, "added to the target's own")
		assert.Equal(t, telecloudtest.SeedProduct, got[0].ProductID)
		assert.Equal(t, telecloudtest.SeedRatePlan, got[1].ProductID)
		assertMoney(t, "1.00", got[1].DiscountSetupPrice)
		assertMoney(t, "22.00", got[1].DiscountPrice)
		_, err = e.c.Discounts.Copy(e.ctx, telecloud.DiscountCopyRequest{CloudAccountType: telecloud.AccountPartner, CloudAccountNumber: partners[1],
			FromCloudAccountType: telecloud.AccountPartner, FromCloudAccountNumber: partners[0], Replace: telecloud.Yes})
		require.NoError(t, err)
		got = search(partners[1])
		require.Len(t, got, 1, "replace=Y deletes the target's first")
		assert.Equal(t, telecloudtest.SeedRatePlan, got[0].ProductID)
		assert.Len(t, search(partners[0]), 1, "the source is untouched")
		_, err = e.c.Discounts.Copy(e.ctx, telecloud.DiscountCopyRequest{CloudAccountType: telecloud.AccountPartner, CloudAccountNumber: partners[1],
			FromCloudAccountType: telecloud.AccountPartner, FromCloudAccountNumber: partners[1]})
		vendorError(t, err, "The cloud account to copy from is the account being edited.")

		// Delete removes them all.
		del, err := e.c.Discounts.Delete(e.ctx, telecloud.DiscountDeleteRequest{CloudAccountType: telecloud.AccountPartner, CloudAccountNumber: partners[1]})
		require.NoError(t, err)
		assert.NotEmpty(t, del.TransID)
		assert.Empty(t, search(partners[1]))
		assert.Len(t, search(partners[0]), 1)
	})
}

// ---------------------------------------------------------------------------
// Gateways

func TestE2EGateways(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		list, err := e.core.Gateways.Search(e.ctx, telecloud.GatewaySearchRequest{})
		require.NoError(t, err)
		var names []string
		for _, g := range list.Gateways {
			names = append(names, g.Name)
		}
		assert.Equal(t, []string{"STRIPE", "AUTHORIZE.NET", "NMI", "PAYPAL"}, names, "the CORE's STRIPE, then the supported ones")
		stripe := list.Gateways[0]
		assert.Equal(t, telecloudtest.SeedGateway, stripe.GatewayID)
		assert.Equal(t, telecloud.Yes, stripe.DefaultCCGateway)
		assert.Equal(t, telecloud.Yes, stripe.DefaultACHGateway)
		assert.Equal(t, "sk_test_core", stripe.Credentials1.Value.Reveal())
		assert.Empty(t, list.Gateways[2].GatewayID, "a supported gateway not set up has no id")
		if e.xml() {
			assert.Equal(t, "API KEY", stripe.Credentials1.Label)
		} else {
			assert.Empty(t, stripe.Credentials1.Label, "JSON loses the attributes of an element with text")
		}

		cr, err := e.core.Gateways.Create(e.ctx, telecloud.GatewayCreateRequest{Name: "NMI", Credentials1: telecloud.NewSecret("nmi-security-key")})
		require.NoError(t, err)
		assert.NotEmpty(t, cr.TransID)
		assert.Equal(t, "4", cr.Gateway.GatewayID)
		one, err := e.core.Gateways.Search(e.ctx, telecloud.GatewaySearchRequest{GatewayID: "4"})
		require.NoError(t, err)
		require.Len(t, one.Gateways, 1)
		assert.Equal(t, "NMI", one.Gateways[0].Name)
		assert.Equal(t, "nmi-security-key", one.Gateways[0].Credentials1.Value.Reveal())
		assert.Equal(t, telecloud.No, one.Gateways[0].DefaultCCGateway)
		_, err = e.core.Gateways.Create(e.ctx, telecloud.GatewayCreateRequest{Name: "NMI", Credentials1: telecloud.NewSecret("again")})
		vendorError(t, err, "The NMI gateway is already set up (gateway_id 4).")
		_, err = e.core.Gateways.Create(e.ctx, telecloud.GatewayCreateRequest{Name: "PAYPAL", Credentials1: telecloud.NewSecret("id-only")})
		vendorError(t, err, "The credentials_2 parameter (SECRET) is required for PAYPAL.")

		// Edit: NMI becomes the card default (STRIPE stops being it) with a new key.
		ed, err := e.core.Gateways.Edit(e.ctx, telecloud.GatewayEditRequest{GatewayID: "4", DefaultCCGateway: telecloud.Yes, Credentials1: telecloud.NewSecret("nmi-key-2")})
		require.NoError(t, err)
		assert.Equal(t, "4", ed.Gateway.GatewayID)
		assert.Equal(t, telecloud.Yes, ed.Gateway.DefaultCCGateway)
		assert.Equal(t, telecloud.No, ed.Gateway.DefaultACHGateway)
		list, err = e.core.Gateways.Search(e.ctx, telecloud.GatewaySearchRequest{})
		require.NoError(t, err)
		byID := map[string]telecloud.Gateway{}
		for _, g := range list.Gateways {
			byID[g.GatewayID] = g
		}
		assert.Equal(t, telecloud.No, byID["3"].DefaultCCGateway)
		assert.Equal(t, telecloud.Yes, byID["3"].DefaultACHGateway)
		assert.Equal(t, telecloud.Yes, byID["4"].DefaultCCGateway)
		assert.Equal(t, "nmi-key-2", byID["4"].Credentials1.Value.Reveal())

		del, err := e.core.Gateways.Delete(e.ctx, telecloud.GatewayDeleteRequest{GatewayID: "4"})
		require.NoError(t, err)
		assert.Equal(t, "4", del.Gateway.GatewayID)
		one, err = e.core.Gateways.Search(e.ctx, telecloud.GatewaySearchRequest{GatewayID: "4"})
		require.NoError(t, err)
		assert.Empty(t, one.Gateways)
		_, err = e.core.Gateways.Edit(e.ctx, telecloud.GatewayEditRequest{GatewayID: "4", DefaultACHGateway: telecloud.Yes})
		vendorError(t, err, "Gateway 4 not found.")
	})
}

// ---------------------------------------------------------------------------
// Module

func TestE2EModules(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		cr, err := e.core.Modules.Create(e.ctx, telecloud.ModuleCreateRequest{Type: telecloud.ModuleExternal, Name: "Porting",
			Description: "Ports numbers in.", URL: "https://modules.example/port.php"})
		require.NoError(t, err)
		assert.NotEmpty(t, cr.TransID)
		assert.Equal(t, "27", cr.Module.ModuleID)
		assert.Equal(t, telecloud.ModuleExternal, cr.Module.Type)
		pre, err := e.core.Modules.Create(e.ctx, telecloud.ModuleCreateRequest{Type: telecloud.ModulePrebuilt, Name: "AT&T",
			Provider: "att_mobility", Credentials1: telecloud.NewSecret("att-user"), Credentials2: telecloud.NewSecret("att-pass"), Status: telecloud.StatusSuspended})
		require.NoError(t, err)
		assert.Equal(t, telecloud.ModulePrebuilt, pre.Module.Type)

		one, err := e.core.Modules.Search(e.ctx, telecloud.ModuleSearchRequest{ModuleID: "27"})
		require.NoError(t, err)
		require.Len(t, one.Modules, 1)
		assert.Equal(t, telecloud.Module{ModuleID: "27", Name: "Porting", Description: "Ports numbers in.",
			URL: "https://modules.example/port.php", Status: telecloud.StatusActive}, one.Modules[0])
		all, err := e.core.Modules.Search(e.ctx, telecloud.ModuleSearchRequest{})
		require.NoError(t, err)
		require.Len(t, all.Modules, 3, "the seeded module and the two new ones")
		assert.Equal(t, "GSMA Activation", all.Modules[0].Name)
		assert.Equal(t, telecloud.StatusSuspended, all.Modules[2].Status)

		ed, err := e.core.Modules.Edit(e.ctx, telecloud.ModuleEditRequest{ModuleID: "27", Name: "Porting v2", Status: telecloud.StatusSuspended})
		require.NoError(t, err)
		assert.Equal(t, "27", ed.Module.ModuleID)
		one, err = e.core.Modules.Search(e.ctx, telecloud.ModuleSearchRequest{ModuleID: "27"})
		require.NoError(t, err)
		require.Len(t, one.Modules, 1)
		assert.Equal(t, "Porting v2", one.Modules[0].Name)
		assert.Equal(t, telecloud.StatusSuspended, one.Modules[0].Status)
		assert.Equal(t, "https://modules.example/port.php", one.Modules[0].URL)
		_, err = e.core.Modules.Edit(e.ctx, telecloud.ModuleEditRequest{ModuleID: "27", URL: "ftp://nope"})
		vendorError(t, err, "Invalid url: give the full URL of the module file.")

		del, err := e.core.Modules.Delete(e.ctx, telecloud.ModuleDeleteRequest{ModuleID: "27"})
		require.NoError(t, err)
		assert.Equal(t, "27", del.Module.ModuleID)
		one, err = e.core.Modules.Search(e.ctx, telecloud.ModuleSearchRequest{ModuleID: "27"})
		require.NoError(t, err)
		assert.Empty(t, one.Modules)

		// Only a CORE makes modules; the server requires a name.
		_, err = e.c.Modules.Create(e.ctx, telecloud.ModuleCreateRequest{Type: telecloud.ModuleExternal, Name: "Mine", URL: "https://x.example/m.php"})
		vendorError(t, err, "Only CORE accounts can manage modules.")
		_, err = e.core.Modules.Create(e.ctx, telecloud.ModuleCreateRequest{Type: telecloud.ModuleExternal, URL: "https://x.example/m.php"})
		vendorError(t, err, "The name parameter is required.")
		_, err = e.core.Modules.Create(e.ctx, telecloud.ModuleCreateRequest{Type: telecloud.ModuleExternal, Name: "No URL"})
		invalidInput(t, err, "URL")
	})
}

// ---------------------------------------------------------------------------
// Notifications

func TestE2ENotifications(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		tpl := func(ev telecloud.NotificationEvent) telecloud.NotificationTemplate {
			t.Helper()
			res, err := e.c.Notifications.SearchTemplate(e.ctx, telecloud.NotificationSearchTemplateRequest{Event: ev})
			require.NoError(t, err)
			require.Len(t, res.Templates, 1)
			return res.Templates[0]
		}
		before := tpl(telecloud.EventOrderCreate)
		assert.Equal(t, "3", before.TemplateID)
		assert.Equal(t, telecloud.EventOrderCreate, before.Event.Name)
		assert.Equal(t, telecloud.TemplateNotReady, before.CloudNotificationStatus)
		assert.Equal(t, telecloud.TemplateNotReady, before.CustomerNotificationStatus)
		all, err := e.c.Notifications.SearchTemplate(e.ctx, telecloud.NotificationSearchTemplateRequest{})
		require.NoError(t, err)
		assert.Len(t, all.Templates, 7, "one per event")

		const html, htmlCustomer = "<h1>New order {order_number}</h1>", "<p>Thanks for your order, {first_name}!</p>"
		cr, err := e.c.Notifications.Create(e.ctx, telecloud.NotificationCreateRequest{Event: telecloud.EventOrderCreate,
			NotifyCustomer: telecloud.Yes, HTML: html, HTMLCustomer: htmlCustomer, FromEmail: "noreply@yourbrand.example"})
		require.NoError(t, err)
		assert.NotEmpty(t, cr.TransID)
		assert.Equal(t, telecloud.Yes, cr.NotifyCustomer, "an attribute of the envelope in this answer")
		assert.Equal(t, "7", cr.Notification.NotificationID)
		assert.Equal(t, telecloud.EventOrderCreate, cr.Notification.Event.Name)
		assert.Equal(t, "noreply@yourbrand.example", cr.Notification.FromEmail)
		if e.xml() {
			assert.Equal(t, html, cr.Notification.HTML)
			assert.Equal(t, htmlCustomer, cr.Notification.HTMLCustomer)
		}

		list, err := e.c.Notifications.Search(e.ctx, telecloud.NotificationSearchRequest{Event: telecloud.EventOrderCreate})
		require.NoError(t, err)
		require.Len(t, list.Notifications, 1)
		n := list.Notifications[0]
		assert.Equal(t, "7", n.NotificationID)
		assert.Equal(t, telecloud.Yes, n.NotifyCustomer)
		assert.Equal(t, telecloud.EventOrderCreate, n.Event.Name)
		assert.Equal(t, "noreply@yourbrand.example", n.FromEmail)
		if e.xml() {
			assert.Equal(t, telecloud.Yes, n.Event.CustomerNotificationAvailable)
			assert.Equal(t, html, n.HTML)
			assert.Equal(t, htmlCustomer, n.HTMLCustomer)
		} else {
			assert.Empty(t, n.Event.CustomerNotificationAvailable, "JSON loses the attributes of an element with text")
			assert.Empty(t, n.HTML, "JSON loses CDATA")
		}
		after := tpl(telecloud.EventOrderCreate)
		assert.Equal(t, telecloud.TemplateReady, after.CloudNotificationStatus)
		assert.Equal(t, telecloud.TemplateReady, after.CustomerNotificationStatus)
		if e.xml() {
			assert.Equal(t, telecloud.Yes, after.Event.CustomerNotificationAvailable)
		}

		// The rules: one per event, customer notifications only where available.
		_, err = e.c.Notifications.Create(e.ctx, telecloud.NotificationCreateRequest{Event: telecloud.EventOrderCreate, HTML: "<p>again</p>"})
		vendorError(t, err, "A notification for Order/Create already exists (notification_id 7).")
		_, err = e.c.Notifications.Create(e.ctx, telecloud.NotificationCreateRequest{Event: telecloud.EventCloudAccountCreate,
			NotifyCustomer: telecloud.Yes, HTML: "<p>x</p>", HTMLCustomer: "<p>y</p>"})
		vendorError(t, err, "Customer notifications are not available for CloudAccount/Create.")
		_, err = e.c.Notifications.Create(e.ctx, telecloud.NotificationCreateRequest{Event: telecloud.EventOrderCancel, NotifyCustomer: telecloud.Yes, HTML: "<p>x</p>"})
		invalidInput(t, err, "HTMLCustomer")

		// Edit: the customer is no longer notified; the HTML changes.
		ed, err := e.c.Notifications.Edit(e.ctx, telecloud.NotificationEditRequest{NotificationID: "7", NotifyCustomer: telecloud.No, HTML: "<h1>Order!</h1>"})
		require.NoError(t, err)
		assert.Equal(t, "7", ed.Notification.NotificationID)
		assert.Equal(t, telecloud.No, ed.Notification.NotifyCustomer)
		list, err = e.c.Notifications.Search(e.ctx, telecloud.NotificationSearchRequest{NotificationID: "7"})
		require.NoError(t, err)
		require.Len(t, list.Notifications, 1)
		assert.Equal(t, telecloud.No, list.Notifications[0].NotifyCustomer)
		if e.xml() {
			assert.Equal(t, "<h1>Order!</h1>", list.Notifications[0].HTML)
			assert.Equal(t, htmlCustomer, list.Notifications[0].HTMLCustomer, "fields not sent are kept")
		}
		assert.Equal(t, telecloud.TemplateNotReady, tpl(telecloud.EventOrderCreate).CustomerNotificationStatus)

		del, err := e.c.Notifications.Delete(e.ctx, telecloud.NotificationDeleteRequest{NotificationID: "7"})
		require.NoError(t, err)
		assert.Equal(t, "7", del.Notification.NotificationID)
		list, err = e.c.Notifications.Search(e.ctx, telecloud.NotificationSearchRequest{})
		require.NoError(t, err)
		assert.Empty(t, list.Notifications)
		assert.Equal(t, telecloud.TemplateNotReady, tpl(telecloud.EventOrderCreate).CloudNotificationStatus)
		_, err = e.c.Notifications.Delete(e.ctx, telecloud.NotificationDeleteRequest{NotificationID: "7"})
		vendorError(t, err, "Notification 7 not found.")
	})
}

// ---------------------------------------------------------------------------
// Order

func TestE2EOrdersLifecycle(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		bob := e.newCustomer("Bob", "Babbage")
		res, err := e.c.Orders.Create(e.ctx, telecloud.OrderCreateRequest{AccountNumber: telecloudtest.SeedCustomer,
			RatePlanID: telecloudtest.SeedRatePlan, Vars: telecloud.VarValues{1: testIMEI, 2: testICCID}, ReferralCode: "friend-1"})
		require.NoError(t, err)
		on := res.Order.OrderNumber
		assert.Equal(t, "4618QV4618", on)
		assert.Equal(t, telecloud.OrderActive, res.Order.Status, "no order delay: ACTIVE at once")
		assert.NotEmpty(t, res.TransID)
		assert.Equal(t, "637.00", e.balance(telecloudtest.SeedVARAccount), "the VAR paid the wholesale 20.00")

		// Order/Search shows what was ordered.
		o := e.order(on)
		assert.Equal(t, on, o.OrderNumber)
		assert.Equal(t, telecloudtest.SeedCustomer, o.AccountNumber)
		assert.Equal(t, "2024-03-15", o.ActivationDate.Raw)
		assert.Equal(t, telecloud.ProductTraditional, o.Type)
		assert.Equal(t, telecloudtest.DefaultUsername, o.SubmittedBy)
		assert.Equal(t, e2eNow, o.LastUpdate.Time)
		assert.Equal(t, telecloud.OrderActive, o.Status)
		assert.Empty(t, o.Error)
		assert.Equal(t, telecloudtest.SeedProduct, o.Product.ProductID)
		assert.Equal(t, telecloudtest.SeedProductGroup, o.Product.ProductGroupID)
		assert.Equal(t, "GSMA Network", o.Product.ProductGroupName)
		assert.Equal(t, "[Smartphone] By The Gig", o.Product.Name)
		assert.Equal(t, 30, o.Product.CycleLength)
		assert.Equal(t, telecloudtest.SeedRatePlan, o.Product.Plan.RatePlanID)
		assert.Equal(t, "Pay By The Gig", o.Product.Plan.Name)
		assertMoney(t, "25.00", o.Product.Plan.RecurringPrice)
		assert.Equal(t, "4/14/2024", o.Product.Plan.ExpirationDate.Raw)
		assert.Equal(t, telecloud.VarValues{1: testIMEI, 2: testICCID}, o.Variables.Values())
		if e.xml() {
			v1, _ := o.Variables.Slot(1)
			assert.Equal(t, telecloud.Variable{Slot: 1, Name: "IMEI", Value: testIMEI, Type: telecloud.VarText,
				Description: "Enter the IMEI from the GSM device.", Swappable: telecloud.Yes}, v1)
			v3, _ := o.Variables.Slot(3)
			assert.Equal(t, "MDN", v3.Name)
			assert.Equal(t, telecloud.No, v3.Swappable)
		} else {
			v1, _ := o.Variables.Slot(1)
			assert.Equal(t, telecloud.Variable{Slot: 1, Value: testIMEI}, v1, "JSON keeps a valued variable's value only")
			v3, _ := o.Variables.Slot(3)
			assert.Equal(t, "MDN", v3.Name, "… and an empty one's definition")
		}
		srvOrder, ok := e.srv.Order(on)
		require.True(t, ok)
		assert.Equal(t, res.TransID, srvOrder.TransID)

		// The search criteria.
		for _, c := range []struct {
			name string
			req  telecloud.OrderSearchRequest
			n    int
		}{
			{"none", telecloud.OrderSearchRequest{}, 1},
			{"account", telecloud.OrderSearchRequest{AccountNumber: telecloudtest.SeedCustomer}, 1},
			{"other account", telecloud.OrderSearchRequest{AccountNumber: bob}, 0},
			{"status", telecloud.OrderSearchRequest{Status: telecloud.OrderActive}, 1},
			{"other status", telecloud.OrderSearchRequest{Status: telecloud.OrderPending}, 0},
			{"product", telecloud.OrderSearchRequest{ProductID: telecloudtest.SeedProduct}, 1},
			{"rate plan", telecloud.OrderSearchRequest{RatePlanID: telecloudtest.SeedRatePlan}, 1},
			{"ICCID", telecloud.OrderSearchRequest{Vars: telecloud.VarValues{2: testICCID}}, 1},
			{"other ICCID", telecloud.OrderSearchRequest{Vars: telecloud.VarValues{2: "1"}}, 0},
		} {
			sr, err := e.c.Orders.Search(e.ctx, c.req)
			require.NoError(t, err, c.name)
			assert.Len(t, sr.Orders, c.n, c.name)
		}

		// Status toggles ACTIVE ↔ SUSPENDED.
		st, err := e.c.Orders.Status(e.ctx, telecloud.OrderStatusRequest{AccountNumber: telecloudtest.SeedCustomer, OrderNumber: on})
		require.NoError(t, err)
		assert.NotEmpty(t, st.TransID)
		assert.Equal(t, on, st.Order.OrderNumber)
		assert.Equal(t, telecloud.OrderSuspended, st.Order.Status)
		assert.Equal(t, telecloud.OrderSuspended, e.order(on).Status)
		st, err = e.c.Orders.Status(e.ctx, telecloud.OrderStatusRequest{AccountNumber: telecloudtest.SeedCustomer, OrderNumber: on})
		require.NoError(t, err)
		assert.Equal(t, telecloud.OrderActive, st.Order.Status)
		assert.Equal(t, telecloud.OrderActive, e.order(on).Status)

		// Swap changes swappable variables only.
		sw, err := e.c.Orders.Swap(e.ctx, telecloud.OrderSwapRequest{AccountNumber: telecloudtest.SeedCustomer, OrderNumber: on,
			Vars: telecloud.VarValues{2: "8901410327181000000"}})
		require.NoError(t, err)
		assert.Equal(t, on, sw.Order.OrderNumber)
		assert.Equal(t, telecloud.VarValues{1: testIMEI, 2: "8901410327181000000"}, e.order(on).Variables.Values())
		_, err = e.c.Orders.Swap(e.ctx, telecloud.OrderSwapRequest{AccountNumber: telecloudtest.SeedCustomer, OrderNumber: on,
			Vars: telecloud.VarValues{1: "353145418070999", 3: "7175550100"}})
		vendorError(t, err, "VAR3 (MDN) is not swappable.")
		assert.Equal(t, telecloud.VarValues{1: testIMEI, 2: "8901410327181000000"}, e.order(on).Variables.Values(), "a refused swap changes nothing")
		_, err = e.c.Orders.Swap(e.ctx, telecloud.OrderSwapRequest{AccountNumber: telecloudtest.SeedCustomer, OrderNumber: on, Vars: telecloud.VarValues{9: "x"}})
		vendorError(t, err, "VAR9 is not defined for product group 73.")
		_, err = e.c.Orders.Swap(e.ctx, telecloud.OrderSwapRequest{AccountNumber: telecloudtest.SeedCustomer, OrderNumber: on})
		invalidInput(t, err, "Vars")

		// Replenish adds a cycle and charges the VAR again.
		rp, err := e.c.Orders.Replenish(e.ctx, telecloud.OrderReplenishRequest{AccountNumber: telecloudtest.SeedCustomer, OrderNumber: on})
		require.NoError(t, err)
		assert.NotEmpty(t, rp.TransID)
		assert.Equal(t, on, rp.Order.OrderNumber)
		assert.Equal(t, "5/14/2024", rp.Order.ExpirationDate.Raw)
		assert.Equal(t, "5/14/2024", e.order(on).Product.Plan.ExpirationDate.Raw)
		assert.Equal(t, "617.00", e.balance(telecloudtest.SeedVARAccount))
		bill, err := e.c.Billing.Search(e.ctx, telecloud.BillingSearchRequest{OrderNumber: on})
		require.NoError(t, err)
		require.Len(t, bill.Transactions, 2)
		assert.Equal(t, "REPLENISHMENT", bill.Transactions[0].Type)
		assert.Equal(t, "ORDER", bill.Transactions[1].Type)

		// Move puts it on Bob's account.
		mv, err := e.c.Orders.Move(e.ctx, telecloud.OrderMoveRequest{OrderNumber: on, AccountNumber: telecloudtest.SeedCustomer, NewAccountNumber: bob})
		require.NoError(t, err)
		assert.Equal(t, on, mv.Order.OrderNumber)
		assert.Equal(t, bob, mv.Order.NewAccountNumber)
		assert.Equal(t, bob, e.order(on).AccountNumber)
		gone, err := e.c.Orders.Search(e.ctx, telecloud.OrderSearchRequest{AccountNumber: telecloudtest.SeedCustomer})
		require.NoError(t, err)
		assert.Empty(t, gone.Orders)
		_, err = e.c.Orders.Move(e.ctx, telecloud.OrderMoveRequest{OrderNumber: on, AccountNumber: bob, NewAccountNumber: bob})
		invalidInput(t, err, "NewAccountNumber")
		_, err = e.c.Orders.Status(e.ctx, telecloud.OrderStatusRequest{AccountNumber: telecloudtest.SeedCustomer, OrderNumber: on})
		vendorError(t, err, "Order 4618QV4618 not found on account 7105045.")

		// Update sets the status, the expiration date and variables.
		up, err := e.c.Orders.Update(e.ctx, telecloud.OrderUpdateRequest{AccountNumber: bob, OrderNumber: on, Status: telecloud.OrderNonPay,
			ExpirationDate: telecloud.NewCycleDate(2024, time.June, 1), Vars: telecloud.VarValues{3: "7175550100"}})
		require.NoError(t, err)
		assert.NotEmpty(t, up.TransID)
		assert.Equal(t, on, up.Order.OrderNumber)
		o = e.order(on)
		assert.Equal(t, telecloud.OrderNonPay, o.Status)
		assert.Equal(t, time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), o.Product.Plan.ExpirationDate.Time)
		assert.Equal(t, telecloud.VarValues{1: testIMEI, 2: "8901410327181000000", 3: "7175550100"}, o.Variables.Values())
		_, err = e.c.Orders.Update(e.ctx, telecloud.OrderUpdateRequest{AccountNumber: bob, OrderNumber: on, Status: telecloud.OrderFailed})
		vendorError(t, err, "Only PENDING orders can be set to FAILED.")
		_, err = e.c.Orders.Update(e.ctx, telecloud.OrderUpdateRequest{AccountNumber: bob, OrderNumber: on, ErrorMessage: "x"})
		invalidInput(t, err, "ErrorMessage")
		// A NON-PAY order is made ACTIVE again by a replenishment.
		rp, err = e.c.Orders.Replenish(e.ctx, telecloud.OrderReplenishRequest{AccountNumber: bob, OrderNumber: on})
		require.NoError(t, err)
		assert.Equal(t, "7/1/2024", rp.Order.ExpirationDate.Raw)
		assert.Equal(t, telecloud.OrderActive, e.order(on).Status)

		// Cancel ends it; cancelled orders can be hidden.
		cn, err := e.c.Orders.Cancel(e.ctx, telecloud.OrderCancelRequest{AccountNumber: bob, OrderNumber: on})
		require.NoError(t, err)
		assert.NotEmpty(t, cn.TransID)
		assert.Equal(t, on, cn.Order.OrderNumber)
		assert.Equal(t, telecloud.OrderCancelled, cn.Order.Status)
		assert.Equal(t, telecloud.OrderCancelled, e.order(on).Status)
		for _, req := range []telecloud.OrderSearchRequest{{HideCancelled: telecloud.Yes}, {Status: telecloud.OrderAllButCancelled}} {
			sr, err := e.c.Orders.Search(e.ctx, req)
			require.NoError(t, err)
			assert.Empty(t, sr.Orders, "%+v", req)
		}
		_, err = e.c.Orders.Cancel(e.ctx, telecloud.OrderCancelRequest{AccountNumber: bob, OrderNumber: on})
		vendorError(t, err, "Order 4618QV4618 is already cancelled.")
		_, err = e.c.Orders.Replenish(e.ctx, telecloud.OrderReplenishRequest{AccountNumber: bob, OrderNumber: on})
		vendorError(t, err, "Order 4618QV4618 is CANCELLED and cannot be replenished.")
		_, err = e.c.Orders.Status(e.ctx, telecloud.OrderStatusRequest{AccountNumber: bob, OrderNumber: on})
		vendorError(t, err, "Only ACTIVE and SUSPENDED orders can be toggled; order 4618QV4618 is CANCELLED.")
	})
}

func TestE2EOrdersCreateRules(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		for _, c := range []struct {
			name string
			req  telecloud.OrderCreateRequest
			msg  string
		}{
			{"prompted variable missing", telecloud.OrderCreateRequest{Vars: telecloud.VarValues{1: testIMEI}}, "VAR2 (ICCID) is required for this product."},
			{"undefined variable", telecloud.OrderCreateRequest{Vars: telecloud.VarValues{1: testIMEI, 2: testICCID, 4: "x"}}, "VAR4 is not defined for product group 73."},
			{"unknown plan", telecloud.OrderCreateRequest{RatePlanID: "1"}, "Rate plan 1 not found."},
			{"bad promo", telecloud.OrderCreateRequest{PromoCode: "nope"}, "Invalid promo code nope."},
			{"foreign payment method", telecloud.OrderCreateRequest{PaymentMethodID: "1"}, "Payment method 1 not found on account 7105045."},
			{"unknown customer", telecloud.OrderCreateRequest{AccountNumber: "404"}, "Customer account 404 not found."},
		} {
			req := c.req
			if req.AccountNumber == "" {
				req.AccountNumber = telecloudtest.SeedCustomer
			}
			if req.RatePlanID == "" {
				req.RatePlanID = telecloudtest.SeedRatePlan
			}
			if req.Vars == nil {
				req.Vars = telecloud.VarValues{1: testIMEI, 2: testICCID}
			}
			_, err := e.c.Orders.Create(e.ctx, req)
			te := vendorError(t, err, c.msg)
			assert.Equal(t, telecloud.TransactionFailed, e.transaction(te.RequestID).Status, c.name)
		}
		assert.Equal(t, telecloudtest.SeedVARBalance, e.balance(telecloudtest.SeedVARAccount), "refused orders cost nothing")

		// A promo code lowers the customer's price, not the VAR's.
		res, err := e.c.Orders.Create(e.ctx, telecloud.OrderCreateRequest{AccountNumber: telecloudtest.SeedCustomer,
			RatePlanID: telecloudtest.SeedRatePlan, PromoCode: telecloudtest.SeedPromoCode, Vars: telecloud.VarValues{1: testIMEI, 2: testICCID}})
		require.NoError(t, err)
		assert.Equal(t, telecloud.OrderActive, res.Order.Status)
		assert.Equal(t, "637.00", e.balance(telecloudtest.SeedVARAccount))

		// Insufficient funds: the VAR is PREPAID.
		_, err = e.core.Billing.Create(e.ctx, telecloud.BillingCreateRequest{CloudAccountType: telecloud.AccountVAR,
			CloudAccountNumber: telecloudtest.SeedVARAccount, Type: telecloud.BillingDebit, Amount: money("630.00")})
		require.NoError(t, err)
		_, err = e.c.Orders.Create(e.ctx, telecloud.OrderCreateRequest{AccountNumber: telecloudtest.SeedCustomer,
			RatePlanID: telecloudtest.SeedRatePlan, Vars: telecloud.VarValues{1: testIMEI, 2: testICCID}})
		vendorError(t, err, "Insufficient funds: the cloud account balance of 7.00 does not cover the wholesale price of 20.00.")
		_, err = e.c.Orders.Create(e.ctx, telecloud.OrderCreateRequest{AccountNumber: telecloudtest.SeedCustomer, RatePlanID: telecloudtest.SeedRatePlan,
			AttachedComponents: telecloud.AttachedComponents{{MaxUnits: 1}}})
		invalidInput(t, err, "AttachedComponents")
	})
}

// stackedPlans reads the <stacked_plans> Order/Search adds to an order with
// a plan waiting, which the typed Order does not carry.
type stackedPlans struct {
	telecloud.Meta
	Orders []struct {
		Number  string `tc:"order_number,attr"`
		Stacked []struct {
			ID         string          `tc:"stacked_plan_id,attr"`
			RatePlanID string          `tc:"rate_plan_id,attr"`
			Name       string          `tc:"name"`
			Price      telecloud.Money `tc:"recurring_price"`
		} `tc:"stacked_plans>plan"`
	} `tc:"Orders>order"`
}

func TestE2EOrdersReplenishOnAnotherPlanAndUnstack(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		pl, err := e.c.Plans.Create(e.ctx, telecloud.PlanCreateRequest{ProductID: telecloudtest.SeedProduct, Name: "Unlimited Monthly",
			Description: "Unlimited data, talk and text.", RecurringPrice: money("40.00")})
		require.NoError(t, err)
		newPlan := pl.Plan.RatePlanID
		on := e.newOrder(telecloudtest.SeedCustomer)

		// Replenishing on another plan of the group stacks it.
		rp, err := e.c.Orders.Replenish(e.ctx, telecloud.OrderReplenishRequest{AccountNumber: telecloudtest.SeedCustomer, OrderNumber: on, RatePlanID: newPlan})
		require.NoError(t, err)
		assert.Equal(t, "5/14/2024", rp.Order.ExpirationDate.Raw)
		var st stackedPlans
		require.NoError(t, e.raw.Call(e.ctx, "Order/Search", url.Values{"order_number": {on}}, &st))
		require.Len(t, st.Orders, 1)
		require.Len(t, st.Orders[0].Stacked, 1)
		sp := st.Orders[0].Stacked[0]
		assert.Equal(t, "9001", sp.ID)
		assert.Equal(t, newPlan, sp.RatePlanID)
		assert.Equal(t, "Unlimited Monthly", sp.Name)
		assertMoney(t, "40.00", sp.Price)
		assert.Equal(t, telecloudtest.SeedRatePlan, e.order(on).Product.Plan.RatePlanID, "the order keeps its plan until unstacked")

		// Unstack applies it now: the new plan, a cycle from today.
		un, err := e.c.Orders.Unstack(e.ctx, telecloud.OrderUnstackRequest{AccountNumber: telecloudtest.SeedCustomer, OrderNumber: on, StackedPlanID: sp.ID})
		require.NoError(t, err)
		assert.NotEmpty(t, un.TransID)
		assert.Equal(t, on, un.Order.OrderNumber)
		assert.Equal(t, "4/14/2024", un.Order.ExpirationDate.Raw)
		o := e.order(on)
		assert.Equal(t, newPlan, o.Product.Plan.RatePlanID)
		assert.Equal(t, "Unlimited Monthly", o.Product.Plan.Name)
		assertMoney(t, "40.00", o.Product.Plan.RecurringPrice)
		srvOrder, _ := e.srv.Order(on)
		assert.Empty(t, srvOrder.StackedPlans)
		_, err = e.c.Orders.Unstack(e.ctx, telecloud.OrderUnstackRequest{AccountNumber: telecloudtest.SeedCustomer, OrderNumber: on, StackedPlanID: sp.ID})
		vendorError(t, err, "Stacked plan 9001 not found on order 4618QV4618.")
	})
}

func TestE2EOrdersReportUsage(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		// The CORE meters data beyond 2 units at 0.50 on its product.
		comp, err := e.core.UsageComponents.Create(e.ctx, telecloud.UsageComponentCreateRequest{ProductGroupID: telecloudtest.SeedProductGroup,
			Name: "Data overage (GB)", StartingQuantity: intp(2), UnitPrice: money("0.50"), ResetWithCycle: telecloud.Yes, VarSetsMaximum: telecloud.Yes})
		require.NoError(t, err)
		id := comp.Component.ComponentID
		_, err = e.core.Plans.Edit(e.ctx, telecloud.PlanEditRequest{ProductID: telecloudtest.SeedProduct, ComponentIDs: []string{id}})
		require.NoError(t, err)

		_, err = e.c.Orders.Create(e.ctx, telecloud.OrderCreateRequest{AccountNumber: telecloudtest.SeedCustomer,
			RatePlanID: telecloudtest.SeedRatePlan, Vars: telecloud.VarValues{1: testIMEI, 2: testICCID}})
		vendorError(t, err, "The attached_components parameter is required: product 330 has usage components.")
		res, err := e.c.Orders.Create(e.ctx, telecloud.OrderCreateRequest{AccountNumber: telecloudtest.SeedCustomer,
			RatePlanID: telecloudtest.SeedRatePlan, Vars: telecloud.VarValues{1: testIMEI, 2: testICCID},
			AttachedComponents: telecloud.AttachedComponents{{ComponentID: id, MaxUnits: 10}}})
		require.NoError(t, err)
		on := res.Order.OrderNumber
		assert.Equal(t, "637.00", e.balance(telecloudtest.SeedVARAccount))

		// Additive: 5 units, 3 beyond the starting quantity, billed 1.50.
		ru, err := e.c.Orders.ReportUsage(e.ctx, telecloud.OrderReportUsageRequest{AccountNumber: telecloudtest.SeedCustomer,
			ComponentID: id, OrderNumber: on, Units: intp(5), Mode: telecloud.UsageAdditive})
		require.NoError(t, err)
		assert.NotEmpty(t, ru.TransID)
		assert.Equal(t, on, ru.Order.OrderNumber)
		require.Len(t, ru.Order.Components, 1)
		u := ru.Order.Components[0]
		assert.Equal(t, id, u.ComponentID)
		assert.Equal(t, telecloud.QuantityOf(0), u.OldValue)
		assert.Equal(t, telecloud.QuantityOf(5), u.NewValue)
		assertMoney(t, "0.50", u.UnitPrice)
		assertMoney(t, "1.50", u.Total)
		assert.Equal(t, "635.50", e.balance(telecloudtest.SeedVARAccount))

		// Cumulative: the total becomes 4, nothing more is billed.
		ru, err = e.c.Orders.ReportUsage(e.ctx, telecloud.OrderReportUsageRequest{AccountNumber: telecloudtest.SeedCustomer,
			ComponentID: id, OrderNumber: on, Units: intp(4), Mode: telecloud.UsageCumulative})
		require.NoError(t, err)
		require.Len(t, ru.Order.Components, 1)
		assert.Equal(t, telecloud.QuantityOf(5), ru.Order.Components[0].OldValue)
		assert.Equal(t, telecloud.QuantityOf(4), ru.Order.Components[0].NewValue)
		assertMoney(t, "0.00", ru.Order.Components[0].Total)
		assert.Equal(t, "635.50", e.balance(telecloudtest.SeedVARAccount))
		srvOrder, _ := e.srv.Order(on)
		assert.Equal(t, map[string]float64{id: 4}, srvOrder.Usage)
		bill, err := e.c.Billing.Search(e.ctx, telecloud.BillingSearchRequest{OrderNumber: on})
		require.NoError(t, err)
		require.NotEmpty(t, bill.Transactions)
		assert.Equal(t, "USAGE", bill.Transactions[0].Type)
		assertMoney(t, "1.50", bill.Transactions[0].Amount)

		// Zero is a valid cumulative total; no units at all is refused before sending.
		ru, err = e.c.Orders.ReportUsage(e.ctx, telecloud.OrderReportUsageRequest{AccountNumber: telecloudtest.SeedCustomer,
			ComponentID: id, OrderNumber: on, Units: intp(0), Mode: telecloud.UsageCumulative})
		require.NoError(t, err)
		assert.Equal(t, telecloud.QuantityOf(0), ru.Order.Components[0].NewValue)
		before := e.srv.RequestCount("")
		_, err = e.c.Orders.ReportUsage(e.ctx, telecloud.OrderReportUsageRequest{AccountNumber: telecloudtest.SeedCustomer, ComponentID: id, OrderNumber: on})
		invalidInput(t, err, "Units")
		assert.Equal(t, before, e.srv.RequestCount(""))
		_, err = e.c.Orders.ReportUsage(e.ctx, telecloud.OrderReportUsageRequest{AccountNumber: telecloudtest.SeedCustomer,
			ComponentID: "1", OrderNumber: on, Units: intp(1)})
		vendorError(t, err, "Usage component 1 is not attached to order "+on+".")
	})
}

// TestE2EOrdersPending uses the real clock: the server finishes orders
// after WithOrderDelay, and Orders.Wait polls until then.
func TestE2EOrdersPending(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		wait := &telecloud.WaitOptions{MinInterval: 5 * time.Millisecond, MaxInterval: 20 * time.Millisecond}
		res, err := e.c.Orders.Create(e.ctx, telecloud.OrderCreateRequest{AccountNumber: telecloudtest.SeedCustomer,
			RatePlanID: telecloudtest.SeedRatePlan, Vars: telecloud.VarValues{1: testIMEI, 2: testICCID}})
		require.NoError(t, err)
		on := res.Order.OrderNumber
		assert.Equal(t, telecloud.OrderPending, res.Order.Status)
		assert.Equal(t, telecloud.TransactionPending, e.transaction(res.TransID).Status)
		searches := e.srv.RequestCount("/Order/Search")
		o, err := e.c.Orders.Wait(e.ctx, on, wait)
		require.NoError(t, err)
		assert.Equal(t, telecloud.OrderActive, o.Status)
		assert.Equal(t, on, o.OrderNumber)
		assert.Greater(t, e.srv.RequestCount("/Order/Search"), searches+1, "it polled while PENDING")
		assert.Equal(t, telecloud.TransactionSuccess, e.transaction(res.TransID).Status)
		assert.Equal(t, "637.00", e.balance(telecloudtest.SeedVARAccount))

		// A failure: the error text, the refund, the alert.
		e.srv.FailNextOrder("The SIM card is not active.")
		res, err = e.c.Orders.Create(e.ctx, telecloud.OrderCreateRequest{AccountNumber: telecloudtest.SeedCustomer,
			RatePlanID: telecloudtest.SeedRatePlan, Vars: telecloud.VarValues{1: testIMEI, 2: testICCID}})
		require.NoError(t, err)
		assert.Equal(t, telecloud.OrderPending, res.Order.Status)
		failed := res.Order.OrderNumber
		assert.Equal(t, "617.00", e.balance(telecloudtest.SeedVARAccount), "charged while PENDING")
		o, err = e.c.Orders.Wait(e.ctx, failed, &telecloud.WaitOptions{MinInterval: 5 * time.Millisecond, AccountNumber: telecloudtest.SeedCustomer})
		require.ErrorIs(t, err, telecloud.ErrOrderFailed)
		assert.NotErrorIs(t, err, telecloud.ErrVendor)
		var te *telecloud.Error
		require.ErrorAs(t, err, &te)
		assert.Equal(t, "order "+failed+" FAILED: The SIM card is not active.", te.Message)
		assert.Equal(t, res.TransID, te.RequestID, "the failed Order/Create transaction")
		require.NotNil(t, o)
		assert.Equal(t, telecloud.OrderFailed, o.Status)
		assert.Equal(t, "The SIM card is not active.", o.Error)
		assert.Equal(t, "637.00", e.balance(telecloudtest.SeedVARAccount), "refunded")
		tx := e.transaction(res.TransID)
		assert.Equal(t, telecloud.TransactionFailed, tx.Status)
		assert.Equal(t, "The SIM card is not active.", tx.Error)
		alerts, err := e.c.Alerts.Search(e.ctx, telecloud.AlertSearchRequest{Type: telecloud.AlertTypeAlert, Status: telecloud.AlertUnread})
		require.NoError(t, err)
		require.Len(t, alerts.Alerts, 1)
		assert.Equal(t, "Order "+failed+" failed", alerts.Alerts[0].Subject)
		assert.Equal(t, failed, alerts.Alerts[0].OrderNumber)
		assert.Equal(t, telecloudtest.SeedCustomer, alerts.Alerts[0].AccountNumber)
		assert.Equal(t, res.TransID, alerts.Alerts[0].TransactionID)
		if e.xml() {
			assert.Equal(t, "The SIM card is not active.", alerts.Alerts[0].Content)
		}

		_, err = e.c.Orders.Wait(e.ctx, "NOPE", wait)
		require.ErrorIs(t, err, telecloud.ErrOrderNotFound)
	}, telecloudtest.WithClock(time.Now), telecloudtest.WithOrderDelay(30*time.Millisecond))
}

// TestE2EOrdersPendingUpdatedByModule: a module reports on a PENDING order
// through Order/Update; Order/Cancel refunds a PENDING order.
func TestE2EOrdersPendingUpdatedByModule(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		place := func() *telecloud.OrderCreateResponse {
			t.Helper()
			res, err := e.c.Orders.Create(e.ctx, telecloud.OrderCreateRequest{AccountNumber: telecloudtest.SeedCustomer,
				RatePlanID: telecloudtest.SeedRatePlan, Vars: telecloud.VarValues{1: testIMEI, 2: testICCID}})
			require.NoError(t, err)
			require.Equal(t, telecloud.OrderPending, res.Order.Status)
			return res
		}
		// FAILED with an error message: stored on the Order/Create transaction.
		a := place()
		_, err := e.c.Orders.Update(e.ctx, telecloud.OrderUpdateRequest{AccountNumber: telecloudtest.SeedCustomer, OrderNumber: a.Order.OrderNumber,
			Status: telecloud.OrderFailed, ErrorMessage: "Port-in rejected by the carrier."})
		require.NoError(t, err)
		_, err = e.c.Orders.Wait(e.ctx, a.Order.OrderNumber, &telecloud.WaitOptions{MinInterval: time.Millisecond})
		require.ErrorIs(t, err, telecloud.ErrOrderFailed)
		assert.Contains(t, err.Error(), "Port-in rejected by the carrier.")
		tx := e.transaction(a.TransID)
		assert.Equal(t, telecloud.TransactionFailed, tx.Status)
		assert.Equal(t, "Port-in rejected by the carrier.", tx.Error)
		failedTx, err := e.c.Transactions.Search(e.ctx, telecloud.TransactionSearchRequest{Status: telecloud.TransactionFailure, Service: "Order/Create"})
		require.NoError(t, err)
		require.Len(t, failedTx.Transactions, 1)
		assert.Equal(t, a.TransID, failedTx.Transactions[0].TransID)

		// ACTIVE: provisioning finished.
		b := place()
		_, err = e.c.Orders.Update(e.ctx, telecloud.OrderUpdateRequest{AccountNumber: telecloudtest.SeedCustomer, OrderNumber: b.Order.OrderNumber, Status: telecloud.OrderActive})
		require.NoError(t, err)
		o, err := e.c.Orders.Wait(e.ctx, b.Order.OrderNumber, nil)
		require.NoError(t, err, "no poll needed: the first search sees it ACTIVE")
		assert.Equal(t, telecloud.OrderActive, o.Status)
		assert.Equal(t, "4/14/2024", o.Product.Plan.ExpirationDate.Raw)

		// Cancelled while PENDING: refunded.
		c := place()
		assert.Equal(t, "617.00", e.balance(telecloudtest.SeedVARAccount), "a refunded, b and c charged")
		_, err = e.c.Orders.Cancel(e.ctx, telecloud.OrderCancelRequest{AccountNumber: telecloudtest.SeedCustomer, OrderNumber: c.Order.OrderNumber})
		require.NoError(t, err)
		assert.Equal(t, "637.00", e.balance(telecloudtest.SeedVARAccount), "c refunded")
		assert.Equal(t, telecloud.TransactionFailed, e.transaction(c.TransID).Status)

		// When ctx ends first, the last order seen comes back with ctx's error.
		p := place()
		ctx, cancel := context.WithTimeout(e.ctx, 30*time.Millisecond)
		defer cancel()
		o, err = e.c.Orders.Wait(ctx, p.Order.OrderNumber, &telecloud.WaitOptions{MinInterval: 5 * time.Millisecond})
		require.ErrorIs(t, err, context.DeadlineExceeded)
		require.NotNil(t, o)
		assert.Equal(t, telecloud.OrderPending, o.Status)

		// CompleteOrders finishes the rest; FailNextOrder applies to the next one placed.
		e.srv.FailNextOrder("No coverage at this address.")
		d := place()
		e.srv.CompleteOrders()
		o, err = e.c.Orders.Wait(e.ctx, d.Order.OrderNumber, nil)
		require.ErrorIs(t, err, telecloud.ErrOrderFailed)
		assert.Equal(t, "No coverage at this address.", o.Error)
		o, err = e.c.Orders.Wait(e.ctx, p.Order.OrderNumber, nil)
		require.NoError(t, err)
		assert.Equal(t, telecloud.OrderActive, o.Status)
	}, telecloudtest.WithOrderDelay(time.Hour))
}

// TestE2EOrdersWaitNamesTheCreateTransaction: the *Error of a
// FAILED order should carry the order's Order/Create transaction and, when
// Order/Search gives no <error> (the reference's sample has none), that
// transaction's error text.
func TestE2EOrdersWaitNamesTheCreateTransaction(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		// A vendor whose Order/Search gives no <error> in a FAILED order.
		inner := telecloudtest.NewHandler(telecloudtest.WithClock(func() time.Time { return e2eNow }), telecloudtest.WithOrderDelay(time.Hour))
		noError := regexp.MustCompile(`<error>[^<]*</error>|,"error":"[^"]*"`)
		ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rec := httptest.NewRecorder()
			inner.ServeHTTP(rec, r)
			body := rec.Body.Bytes()
			if r.Method == http.MethodGet && (strings.HasSuffix(r.URL.Path, "/Order/Search") || strings.HasSuffix(r.URL.Path, "/Order/")) {
				body = noError.ReplaceAll(body, nil)
			}
			w.Header().Set("Content-Type", rec.Header().Get("Content-Type"))
			w.WriteHeader(rec.Code)
			_, _ = w.Write(body)
		}))
		t.Cleanup(ts.Close)
		c, err := telecloud.New(telecloud.Credentials{APIIDKey: telecloud.NewSecret(telecloudtest.DefaultAPIIDKey), APIKey: telecloud.NewSecret(telecloudtest.DefaultAPIKey)},
			telecloud.WithBaseURL(ts.URL), telecloud.WithFormat(e.format), telecloud.WithRouteStyle(e.style))
		require.NoError(t, err)

		inner.FailNextOrder("No coverage at this address.")
		res, err := c.Orders.Create(e.ctx, telecloud.OrderCreateRequest{AccountNumber: telecloudtest.SeedCustomer,
			RatePlanID: telecloudtest.SeedRatePlan, Vars: telecloud.VarValues{1: testIMEI, 2: testICCID}})
		require.NoError(t, err)
		inner.CompleteOrders()
		_, err = c.Orders.Cancel(e.ctx, telecloud.OrderCancelRequest{AccountNumber: telecloudtest.SeedCustomer, OrderNumber: res.Order.OrderNumber})
		vendorError(t, err, "Order 4618QV4618 has failed and cannot be cancelled.")

		_, err = c.Orders.Wait(e.ctx, res.Order.OrderNumber, nil)
		require.ErrorIs(t, err, telecloud.ErrOrderFailed)
		var te *telecloud.Error
		require.ErrorAs(t, err, &te)
		assert.Equal(t, res.TransID, te.RequestID, "the Order/Create transaction (3130001), not the refused Order/Cancel (3130002)")
		assert.Equal(t, "order 4618QV4618 FAILED: No coverage at this address.", te.Message)
	})
}

// TestE2EOrdersReportUsageDecimalUnits: the server takes any number of
// units (2.5 GB) and answers old_value, new_value and total as it keeps
// them; the typed answer reads the fraction exactly.
func TestE2EOrdersReportUsageDecimalUnits(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		comp, err := e.core.UsageComponents.Create(e.ctx, telecloud.UsageComponentCreateRequest{ProductGroupID: telecloudtest.SeedProductGroup,
			Name: "Data (GB)", UnitPrice: money("1.00")})
		require.NoError(t, err)
		id := comp.Component.ComponentID
		_, err = e.core.Plans.Edit(e.ctx, telecloud.PlanEditRequest{ProductID: telecloudtest.SeedProduct, ComponentIDs: []string{id}})
		require.NoError(t, err)
		res, err := e.c.Orders.Create(e.ctx, telecloud.OrderCreateRequest{AccountNumber: telecloudtest.SeedCustomer, RatePlanID: telecloudtest.SeedRatePlan,
			Vars: telecloud.VarValues{1: testIMEI, 2: testICCID}, AttachedComponents: telecloud.AttachedComponents{{ComponentID: id}}})
		require.NoError(t, err)

		ru, err := e.c.Orders.ReportUsage(e.ctx, telecloud.OrderReportUsageRequest{AccountNumber: telecloudtest.SeedCustomer,
			ComponentID: id, OrderNumber: res.Order.OrderNumber, Units: intp(2)}, telecloud.WithParam("units", "2.5"))
		srvOrder, _ := e.srv.Order(res.Order.OrderNumber)
		assert.Equal(t, map[string]float64{id: 2.5}, srvOrder.Usage, "recorded")
		assert.Equal(t, "634.50", e.balance(telecloudtest.SeedVARAccount), "and billed")
		require.NoError(t, err, "the answer of a recorded, billed report must be readable")
		require.Len(t, ru.Order.Components, 1)
		assert.Equal(t, "2.5", ru.Order.Components[0].NewValue.String())
		whole, exact := ru.Order.Components[0].NewValue.Whole()
		assert.Equal(t, int64(2), whole)
		assert.False(t, exact)
	})
}

// ---------------------------------------------------------------------------
// PaymentMethod

func TestE2EPaymentMethodsOfACustomer(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		card, err := e.c.PaymentMethods.Create(e.ctx, telecloud.PaymentMethodCreateRequest{AccountNumber: telecloudtest.SeedCustomer,
			Type: telecloud.PaymentCard, Number: telecloud.NewSecret(testCard), ExpirationMonth: "12", ExpirationYear: "30", CVV: telecloud.NewSecret("123")})
		require.NoError(t, err)
		assert.NotEmpty(t, card.TransID)
		assert.Equal(t, "72", card.PaymentMethod.ID)
		bank, err := e.c.PaymentMethods.Create(e.ctx, telecloud.PaymentMethodCreateRequest{AccountNumber: telecloudtest.SeedCustomer,
			Type: telecloud.PaymentBank, Number: telecloud.NewSecret("000123456789"), RoutingNumber: telecloud.NewSecret("021000021"), BankAccountType: telecloud.BankBusinessChecking})
		require.NoError(t, err)
		assert.Equal(t, "73", bank.PaymentMethod.ID)
		plaid, err := e.c.PaymentMethods.Create(e.ctx, telecloud.PaymentMethodCreateRequest{AccountNumber: telecloudtest.SeedCustomer,
			Type: telecloud.PaymentBank, PlaidAccountID: telecloud.NewSecret("plaid-acct-9876"), PlaidAccessToken: telecloud.NewSecret("access-sandbox-1"), PlaidItemID: telecloud.NewSecret("item-1")})
		require.NoError(t, err)

		list, err := e.c.PaymentMethods.Search(e.ctx, telecloud.PaymentMethodSearchRequest{AccountNumber: telecloudtest.SeedCustomer})
		require.NoError(t, err)
		require.Len(t, list.PaymentMethods, 3)
		byID := map[string]telecloud.PaymentMethod{}
		for _, p := range list.PaymentMethods {
			byID[p.ID] = p
		}
		assert.Equal(t, telecloud.PaymentMethod{ID: "72", Type: telecloud.PaymentCard, AccountNumber: "4111-XXXX-XXXX-1111",
			ExpirationMonth: "12", ExpirationYear: "30", CardType: "Visa", Status: telecloud.PaymentMethodVerified}, byID["72"],
			"a customer's card needs no verification")
		assert.Equal(t, telecloud.PaymentMethod{ID: "73", Type: telecloud.PaymentBank, AccountNumber: "XXXXXX6789",
			CardType: "Business Checking", Status: telecloud.PaymentMethodVerified}, byID["73"])
		assert.Equal(t, "XXXXXX9876", byID[plaid.PaymentMethod.ID].AccountNumber)
		var raw []byte
		require.NoError(t, e.raw.Call(e.ctx, "PaymentMethod/Search", url.Values{"account_number": {telecloudtest.SeedCustomer}}, &raw))
		assert.NotContains(t, string(raw), testCard, "only the masked number comes back")

		// The first is the customer's default.
		cu := e.customer(telecloudtest.SeedCustomer)
		assert.Equal(t, telecloud.PaymentCard, cu.PaymentMethodType)
		assert.Equal(t, "72", cu.PaymentMethodID)

		// Edit toggles the default flag.
		ed, err := e.c.PaymentMethods.Edit(e.ctx, telecloud.PaymentMethodEditRequest{PaymentMethodID: "73", AccountNumber: telecloudtest.SeedCustomer, Type: telecloud.PaymentBank})
		require.NoError(t, err)
		assert.NotEmpty(t, ed.TransID)
		assert.Equal(t, telecloudtest.SeedCustomer, ed.AccountNumber)
		assert.Equal(t, telecloud.PaymentMethodRef{ID: "73", Default: telecloud.Yes}, ed.PaymentMethod)
		cu = e.customer(telecloudtest.SeedCustomer)
		assert.Equal(t, telecloud.PaymentBank, cu.PaymentMethodType)
		assert.Equal(t, "73", cu.PaymentMethodID)
		ed, err = e.c.PaymentMethods.Edit(e.ctx, telecloud.PaymentMethodEditRequest{PaymentMethodID: "73", AccountNumber: telecloudtest.SeedCustomer})
		require.NoError(t, err)
		assert.Equal(t, telecloud.No, ed.PaymentMethod.Default)
		assert.Empty(t, e.customer(telecloudtest.SeedCustomer).PaymentMethodID, "no default left")
		_, err = e.c.PaymentMethods.Edit(e.ctx, telecloud.PaymentMethodEditRequest{PaymentMethodID: "73", Type: telecloud.PaymentCard})
		vendorError(t, err, "Payment method 73 is not of type CC.")

		// Delete removes one; customers' methods need no verification.
		del, err := e.c.PaymentMethods.Delete(e.ctx, telecloud.PaymentMethodDeleteRequest{PaymentMethodID: "72", AccountNumber: telecloudtest.SeedCustomer, Type: telecloud.PaymentCard})
		require.NoError(t, err)
		assert.Equal(t, telecloudtest.SeedCustomer, del.AccountNumber)
		assert.Equal(t, "72", del.PaymentMethod.ID)
		srvCust, _ := e.srv.Customer(telecloudtest.SeedCustomer)
		assert.Equal(t, []string{"73", plaid.PaymentMethod.ID}, srvCust.PaymentMethods)
		_, err = e.c.PaymentMethods.Search(e.ctx, telecloud.PaymentMethodSearchRequest{PaymentMethodID: "72"})
		vendorError(t, err, "Payment method 72 not found.")
		_, err = e.c.PaymentMethods.Verify(e.ctx, telecloud.PaymentMethodVerifyRequest{PaymentMethodID: "73", Amount1: money("0.01"), Amount2: money("0.02")})
		vendorError(t, err, "Payment methods on customer accounts need no verification.")

		// The server's card rules.
		for _, c := range []struct {
			number, year, msg string
		}{
			{"4111111111111112", "30", "Invalid payment_account_number: not a valid card number."},
			{testCard, "20", "The card has expired."},
		} {
			_, err = e.c.PaymentMethods.Create(e.ctx, telecloud.PaymentMethodCreateRequest{AccountNumber: telecloudtest.SeedCustomer,
				Type: telecloud.PaymentCard, Number: telecloud.NewSecret(c.number), ExpirationMonth: "01", ExpirationYear: c.year, CVV: telecloud.NewSecret("123")})
			te := vendorError(t, err, c.msg)
			assert.NotContains(t, te.Error(), c.number)
		}
		_, err = e.c.PaymentMethods.Create(e.ctx, telecloud.PaymentMethodCreateRequest{AccountNumber: telecloudtest.SeedCustomer,
			Type: telecloud.PaymentCard, ExpirationMonth: "01", ExpirationYear: "30"})
		invalidInput(t, err, "Number")
	})
}

func TestE2EPaymentMethodsOfTheCloudAccount(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		pm, err := e.c.PaymentMethods.Create(e.ctx, telecloud.PaymentMethodCreateRequest{Type: telecloud.PaymentCard,
			Number: telecloud.NewSecret("5555555555554444"), ExpirationMonth: "05", ExpirationYear: "29", CVV: telecloud.NewSecret("4321")})
		require.NoError(t, err)
		id := pm.PaymentMethod.ID
		list, err := e.c.PaymentMethods.Search(e.ctx, telecloud.PaymentMethodSearchRequest{})
		require.NoError(t, err)
		require.Len(t, list.PaymentMethods, 1)
		assert.Equal(t, telecloud.PaymentMethod{ID: id, Type: telecloud.PaymentCard, AccountNumber: "5555-XXXX-XXXX-4444",
			ExpirationMonth: "05", ExpirationYear: "29", CardType: "Master Card", Status: telecloud.PaymentMethodUnverified}, list.PaymentMethods[0])
		_, err = e.c.PaymentMethods.Edit(e.ctx, telecloud.PaymentMethodEditRequest{PaymentMethodID: id})
		vendorError(t, err, "Payment method "+id+" is not verified: use PaymentMethod/Verify first.")

		// Verify with the server's two micro debits.
		a1, a2, ok := e.srv.MicroDebits(id)
		require.True(t, ok)
		wrong := money(a1).Add(money("0.01"))
		_, err = e.c.PaymentMethods.Verify(e.ctx, telecloud.PaymentMethodVerifyRequest{PaymentMethodID: id, Amount1: wrong, Amount2: money(a2)})
		vendorError(t, err, "The micro debit amounts do not match.")
		v, err := e.c.PaymentMethods.Verify(e.ctx, telecloud.PaymentMethodVerifyRequest{PaymentMethodID: id, Type: telecloud.PaymentCard,
			Amount1: money(a1), Amount2: money(a2)})
		require.NoError(t, err)
		assert.NotEmpty(t, v.TransID)
		assert.Equal(t, id, v.PaymentMethod.ID)
		one, err := e.c.PaymentMethods.Search(e.ctx, telecloud.PaymentMethodSearchRequest{PaymentMethodID: id})
		require.NoError(t, err)
		require.Len(t, one.PaymentMethods, 1)
		assert.Equal(t, telecloud.PaymentMethodVerified, one.PaymentMethods[0].Status)
		_, err = e.c.PaymentMethods.Verify(e.ctx, telecloud.PaymentMethodVerifyRequest{PaymentMethodID: id, Amount1: money(a1), Amount2: money(a2)})
		vendorError(t, err, "Payment method "+id+" is already verified.")
		// Verified, it is the account's default: Edit toggles it off.
		ed, err := e.c.PaymentMethods.Edit(e.ctx, telecloud.PaymentMethodEditRequest{PaymentMethodID: id})
		require.NoError(t, err)
		assert.Equal(t, telecloud.No, ed.PaymentMethod.Default)
		assert.Empty(t, ed.AccountNumber)
	})
}

// ---------------------------------------------------------------------------
// Plan

func TestE2EPlansOfTheVAR(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		cr, err := e.c.Plans.Create(e.ctx, telecloud.PlanCreateRequest{ProductID: telecloudtest.SeedProduct, Name: "Unlimited Monthly",
			Description: "Unlimited data, talk and text.", RecurringPrice: money("40.00"), SetupPrice: money("5.00"), AutopayDiscount: money("2.00")})
		require.NoError(t, err)
		assert.NotEmpty(t, cr.TransID)
		assert.Nil(t, cr.Product, "a VAR makes rate plans")
		require.NotNil(t, cr.Plan)
		assert.Equal(t, telecloud.RatePlan{RatePlanID: "52748", Name: "Unlimited Monthly", Description: "Unlimited data, talk and text.",
			RecurringPrice: money("40.00"), SetupPrice: money("5.00"), Status: telecloud.PlanActive}, *cr.Plan)

		// The customer can now order it.
		qualifyPlans := func() map[string]telecloud.QualifyVARProduct {
			t.Helper()
			q, err := e.c.Customers.Qualify(e.ctx, telecloud.CustomerQualifyRequest{AccountNumber: telecloudtest.SeedCustomer})
			require.NoError(t, err)
			out := map[string]telecloud.QualifyVARProduct{}
			for _, p := range q.RatePlans() {
				out[p.Plan.RatePlanID] = p.Plan
			}
			return out
		}
		plans := qualifyPlans()
		require.Len(t, plans, 2)
		assertMoney(t, "40.00", plans["52748"].Price)
		assertMoney(t, "5.00", plans["52748"].SetupPrice)

		// Plan/Search lists the products the VAR sells, at its price.
		ps, err := e.c.Plans.Search(e.ctx, telecloud.PlanSearchRequest{ProductGroupID: telecloudtest.SeedProductGroup})
		require.NoError(t, err)
		require.Len(t, ps.Groups, 1)
		g := ps.Groups[0]
		assert.Equal(t, telecloudtest.SeedProductGroup, g.ProductGroupID)
		assert.Equal(t, "GSMA Network", g.ProductGroupName)
		require.Len(t, g.Products, 1)
		p := g.Products[0]
		assert.Equal(t, telecloudtest.SeedProduct, p.ProductID)
		assert.Equal(t, telecloudtest.SeedProductGroup, p.ProductGroupID)
		assert.Equal(t, "GSMA-GIG", p.CarrierProductID)
		assert.Equal(t, telecloud.ProductTraditional, p.ProductType)
		assert.Equal(t, "[Smartphone] By The Gig", p.Name)
		assertMoney(t, "20.00", p.DiscountRecurringPrice)
		assertMoney(t, "0.00", p.DiscountSetupPrice)
		assert.Equal(t, 30, p.CycleLength)
		assert.Equal(t, telecloud.Yes, p.PromptForVariables)
		assert.Equal(t, telecloud.No, p.ReplenishWithPlan)
		assert.Equal(t, telecloud.PlanActive, p.Status)
		none, err := e.c.Plans.Search(e.ctx, telecloud.PlanSearchRequest{ProductGroupID: "999"})
		require.NoError(t, err)
		assert.Empty(t, none.Groups)

		// Edit: replenishments only, a new price.
		ed, err := e.c.Plans.Edit(e.ctx, telecloud.PlanEditRequest{RatePlanID: "52748", Name: "Unlimited Monthly (legacy)",
			RecurringPrice: money("45.00"), Status: telecloud.PlanReplenishOnly})
		require.NoError(t, err)
		assert.Nil(t, ed.Product)
		require.NotNil(t, ed.Plan)
		assert.Equal(t, "Unlimited Monthly (legacy)", ed.Plan.Name)
		assert.Equal(t, "Unlimited data, talk and text.", ed.Plan.Description, "fields not sent are kept")
		assertMoney(t, "45.00", ed.Plan.RecurringPrice)
		assert.Equal(t, telecloud.PlanReplenishOnly, ed.Plan.Status)
		assert.NotContains(t, qualifyPlans(), "52748", "not for new orders")
		_, err = e.c.Orders.Create(e.ctx, telecloud.OrderCreateRequest{AccountNumber: telecloudtest.SeedCustomer, RatePlanID: "52748",
			Vars: telecloud.VarValues{1: testIMEI, 2: testICCID}})
		vendorError(t, err, "Rate plan 52748 is available for replenishments only.")
		_, err = e.c.Plans.Edit(e.ctx, telecloud.PlanEditRequest{RatePlanID: "52748", Name: "Short"})
		vendorError(t, err, "The name must be at least 10 characters.")

		// Delete: gone for good.
		del, err := e.c.Plans.Delete(e.ctx, telecloud.PlanDeleteRequest{RatePlanID: "52748"})
		require.NoError(t, err)
		require.NotNil(t, del.Plan)
		assert.Equal(t, "52748", del.Plan.RatePlanID)
		assert.Equal(t, telecloud.PlanDeleted, del.Plan.Status)
		_, err = e.c.Customers.Estimate(e.ctx, telecloud.CustomerEstimateRequest{AccountNumber: telecloudtest.SeedCustomer, RatePlanID: "52748"})
		vendorError(t, err, "Rate plan 52748 has been deleted.")
		_, err = e.c.Plans.Delete(e.ctx, telecloud.PlanDeleteRequest{RatePlanID: "52748"})
		vendorError(t, err, "Rate plan 52748 not found.")
		_, err = e.c.Plans.Delete(e.ctx, telecloud.PlanDeleteRequest{RatePlanID: "52748", ProductID: "330"})
		invalidInput(t, err, "ProductID")
	})
}

func TestE2EPlansOfTheCORE(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		cr, err := e.core.Plans.Create(e.ctx, telecloud.PlanCreateRequest{ProductGroupID: telecloudtest.SeedProductGroup,
			Name: "[Tablet] Data Only", Description: "Data only, for tablets.", RecurringPrice: money("12.00"), CycleLength: 30,
			ProductType: telecloud.ProductTraditional, PromptForVariables: telecloud.No, CarrierProductID: "GSMA-TAB"})
		require.NoError(t, err)
		assert.Nil(t, cr.Plan, "a CORE makes products")
		require.NotNil(t, cr.Product)
		p := *cr.Product
		assert.Equal(t, "331", p.ProductID)
		assert.Equal(t, telecloudtest.SeedProductGroup, p.ProductGroupID)
		assert.Equal(t, "GSMA-TAB", p.CarrierProductID)
		assert.Equal(t, telecloud.ProductTraditional, p.ProductType)
		assert.Equal(t, "[Tablet] Data Only", p.Name)
		assertMoney(t, "12.00", p.RecurringPrice)
		assertMoney(t, "0.00", p.SetupPrice)
		assert.Equal(t, 30, p.CycleLength)
		assert.Equal(t, telecloud.No, p.PromptForVariables)
		assert.Equal(t, telecloud.PlanActive, p.Status)

		products := func(c *telecloud.Client) map[string]telecloud.Product {
			t.Helper()
			ps, err := c.Plans.Search(e.ctx, telecloud.PlanSearchRequest{})
			require.NoError(t, err)
			out := map[string]telecloud.Product{}
			for _, g := range ps.Groups {
				for _, p := range g.Products {
					out[p.ProductID] = p
				}
			}
			return out
		}
		assert.Len(t, products(e.core), 2)
		forVAR := products(e.c)
		require.Contains(t, forVAR, "331", "the VAR can build on it")
		assertMoney(t, "12.00", forVAR["331"].DiscountRecurringPrice)
		byCore, err := e.core.Plans.Search(e.ctx, telecloud.PlanSearchRequest{CloudAccountType: telecloud.AccountVAR, CloudAccountNumber: telecloudtest.SeedVARAccount})
		require.NoError(t, err)
		require.Len(t, byCore.Groups, 1)
		assert.Len(t, byCore.Groups[0].Products, 2)

		// Edit: the VAR's price follows the CORE's.
		ed, err := e.core.Plans.Edit(e.ctx, telecloud.PlanEditRequest{ProductID: "331", RecurringPrice: money("14.00"), CycleLength: 28})
		require.NoError(t, err)
		require.NotNil(t, ed.Product)
		assertMoney(t, "14.00", ed.Product.RecurringPrice)
		assert.Equal(t, 28, ed.Product.CycleLength)
		assert.Equal(t, "[Tablet] Data Only", ed.Product.Name)
		assertMoney(t, "14.00", products(e.c)["331"].DiscountRecurringPrice)
		_, err = e.core.Plans.Edit(e.ctx, telecloud.PlanEditRequest{ProductID: "331", ReplenishWithPlan: telecloud.Yes})
		vendorError(t, err, "replenish_with_plan applies to ADD-ON products only.")

		// Delete: the product is no longer listed.
		del, err := e.core.Plans.Delete(e.ctx, telecloud.PlanDeleteRequest{ProductID: "331"})
		require.NoError(t, err)
		assert.NotEmpty(t, del.TransID)
		assert.NotContains(t, products(e.core), "331")
		assert.NotContains(t, products(e.c), "331")
		t.Run("CORE Plan/Delete answers its product", func(t *testing.T) {
			require.NotNil(t, del.Product)
			assert.Equal(t, "331", del.Product.ProductID)
			assert.Equal(t, telecloud.PlanDeleted, del.Product.Status)
		})

		// The server's CORE-only requirements.
		_, err = e.core.Plans.Create(e.ctx, telecloud.PlanCreateRequest{ProductGroupID: telecloudtest.SeedProductGroup,
			Name: "[Watch] Wearables", Description: "For smart watches.", RecurringPrice: money("5.00")})
		vendorError(t, err, "The cycle_length parameter is required for CORE products.")
		_, err = e.c.Plans.Create(e.ctx, telecloud.PlanCreateRequest{Name: "No product here", Description: "Nothing to build on.", RecurringPrice: money("5.00")})
		vendorError(t, err, "The product_id parameter is required for VAR rate plans.")
	})
}

// ---------------------------------------------------------------------------
// ProductGroup

func TestE2EProductGroups(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		defs, err := telecloud.DefineVariables(telecloud.Variables{
			{Slot: 1, Name: "MAC", Prompt: telecloud.Yes, Swappable: telecloud.Yes, Description: "The modem's MAC address.", Category: "Device"},
			{Slot: 2, Name: "Speed", Prompt: telecloud.Yes, Type: telecloud.VarOptions, Options: []string{"100M", "1G"}, Description: "The line speed."},
			{Slot: 3, Name: "Install notes"},
		})
		require.NoError(t, err)
		cr, err := e.core.ProductGroups.Create(e.ctx, telecloud.ProductGroupCreateRequest{Name: "Fiber Internet",
			Description: "Fiber to the home.", ModuleOrder: "26", ModuleCancel: "26", Vars: defs})
		require.NoError(t, err)
		assert.NotEmpty(t, cr.TransID)
		assert.Equal(t, "74", cr.ProductGroup.ProductGroupID)

		group := func(id string) telecloud.ProductGroup {
			t.Helper()
			res, err := e.core.ProductGroups.Search(e.ctx, telecloud.ProductGroupSearchRequest{ProductGroupID: id})
			require.NoError(t, err)
			require.Len(t, res.Groups, 1)
			return res.Groups[0]
		}
		g := group("74")
		assert.Equal(t, "74", g.GroupID)
		assert.Equal(t, telecloud.ProductGroupUnlocked, g.Status)
		assert.Equal(t, "26", g.ModuleOrder)
		assert.Empty(t, g.ModuleReplenish)
		assert.Equal(t, "26", g.ModuleCancel)
		assert.Equal(t, "Fiber Internet", g.Name)
		assert.Equal(t, "Fiber to the home.", g.Description)
		require.Len(t, g.Variables, 3)
		speed, ok := g.Variables.ByName("Speed")
		require.True(t, ok)
		assert.Equal(t, 2, speed.Slot)
		if e.xml() {
			assert.Equal(t, telecloud.Variable{Slot: 2, Name: "Speed", Type: telecloud.VarOptions, Options: []string{"100M", "1G"},
				Description: "The line speed.", Swappable: telecloud.No, Prompt: telecloud.Yes}, speed)
			mac, _ := g.Variables.Slot(1)
			assert.Equal(t, telecloud.Yes, mac.Swappable)
			assert.Equal(t, "Device", mac.Category)
		} else {
			assert.Equal(t, telecloud.Variable{Slot: 2, Name: "Speed"}, speed, "JSON keeps the names only")
		}
		all, err := e.core.ProductGroups.Search(e.ctx, telecloud.ProductGroupSearchRequest{})
		require.NoError(t, err)
		assert.Len(t, all.Groups, 2)
		seed := group(telecloudtest.SeedProductGroup)
		assert.Equal(t, "GSMA Network", seed.Name)
		assert.Equal(t, "26", seed.ModuleOrder)

		// Edit: a new definition of VAR3, a module, the name.
		def3, err := telecloud.DefineVariables(telecloud.Variables{{Slot: 3, Name: "Install date", Prompt: telecloud.Yes}})
		require.NoError(t, err)
		ed, err := e.core.ProductGroups.Edit(e.ctx, telecloud.ProductGroupEditRequest{ProductGroupID: "74", Name: "Fiber Internet 2",
			ModuleReplenish: "26", Vars: def3})
		require.NoError(t, err)
		assert.Equal(t, "74", ed.ProductGroup.ProductGroupID)
		g = group("74")
		assert.Equal(t, "Fiber Internet 2", g.Name)
		assert.Equal(t, "26", g.ModuleReplenish)
		v3, _ := g.Variables.Slot(3)
		assert.Equal(t, "Install date", v3.Name)
		v1, _ := g.Variables.Slot(1)
		assert.Equal(t, "MAC", v1.Name, "slots not sent are kept")

		// Locking the seeded group takes its products off sale.
		_, err = e.core.ProductGroups.Edit(e.ctx, telecloud.ProductGroupEditRequest{ProductGroupID: telecloudtest.SeedProductGroup, Status: telecloud.ProductGroupLocked})
		require.NoError(t, err)
		assert.Equal(t, telecloud.ProductGroupLocked, group(telecloudtest.SeedProductGroup).Status)
		q, err := e.c.Customers.Qualify(e.ctx, telecloud.CustomerQualifyRequest{AccountNumber: telecloudtest.SeedCustomer})
		require.NoError(t, err)
		assert.Empty(t, q.Products)
		_, err = e.c.Orders.Create(e.ctx, telecloud.OrderCreateRequest{AccountNumber: telecloudtest.SeedCustomer, RatePlanID: telecloudtest.SeedRatePlan,
			Vars: telecloud.VarValues{1: testIMEI, 2: testICCID}})
		vendorError(t, err, "The product of rate plan 52747 is not available.")
		_, err = e.core.ProductGroups.Edit(e.ctx, telecloud.ProductGroupEditRequest{ProductGroupID: telecloudtest.SeedProductGroup, Status: telecloud.ProductGroupUnlocked})
		require.NoError(t, err)
		e.newOrder(telecloudtest.SeedCustomer)

		// The rules.
		_, err = e.core.ProductGroups.Create(e.ctx, telecloud.ProductGroupCreateRequest{Name: "Bad module", ModuleOrder: "99"})
		vendorError(t, err, "Invalid moduleid_order: module 99 not found.")
		_, err = e.core.ProductGroups.Create(e.ctx, telecloud.ProductGroupCreateRequest{Name: "Bad variable", Vars: telecloud.VarValues{1: "just a name"}})
		vendorError(t, err, "Invalid var1: variables are written Name|Prompt (Y or N)|TEXT or OPTIONS|options|description|Swappable (Y or N)|category.")
		_, err = e.c.ProductGroups.Create(e.ctx, telecloud.ProductGroupCreateRequest{Name: "Mine"})
		vendorError(t, err, "Only CORE accounts can manage product groups.")
		_, err = e.core.ProductGroups.Create(e.ctx, telecloud.ProductGroupCreateRequest{Description: "No name"})
		vendorError(t, err, "The name parameter is required.")
		_, err = telecloud.DefineVariables(telecloud.Variables{{Slot: 1, Name: "Color", Type: telecloud.VarOptions, Options: []string{"Black, matte"}}})
		invalidInput(t, err, "Vars")
	})
}

// ---------------------------------------------------------------------------
// Promo

func TestE2EPromos(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		cr, err := e.c.Promos.Create(e.ctx, telecloud.PromoCreateRequest{PromoCode: "SPRING5", Value: money("5.00"),
			ExpirationDate: time.Date(2024, 4, 30, 0, 0, 0, 0, time.UTC), RatePlanID: telecloudtest.SeedRatePlan})
		require.NoError(t, err)
		assert.NotEmpty(t, cr.TransID)
		assert.Equal(t, "2", cr.Promo.PromoID)

		list, err := e.c.Promos.Search(e.ctx, telecloud.PromoSearchRequest{})
		require.NoError(t, err)
		require.Len(t, list.Promos, 2)
		p := list.Promos[0]
		assert.Equal(t, "2", p.PromoID, "newest first")
		assert.Equal(t, telecloudtest.SeedRatePlan, p.RatePlanID)
		assert.Equal(t, "SPRING5", p.PromoCode)
		assertMoney(t, "5.00", p.Value)
		assert.Equal(t, time.Date(2024, 4, 30, 0, 0, 0, 0, time.UTC), p.ExpirationDate.Time)
		seed := list.Promos[1]
		assert.Equal(t, telecloudtest.SeedPromoCode, seed.PromoCode)
		assert.Empty(t, seed.RatePlanID, "any plan")
		assert.True(t, seed.ExpirationDate.IsZero(), "never expires")
		one, err := e.c.Promos.Search(e.ctx, telecloud.PromoSearchRequest{PromoCode: "spring5"})
		require.NoError(t, err)
		require.Len(t, one.Promos, 1)

		est, err := e.c.Customers.Estimate(e.ctx, telecloud.CustomerEstimateRequest{AccountNumber: telecloudtest.SeedCustomer,
			RatePlanID: telecloudtest.SeedRatePlan, PromoCode: "SPRING5"})
		require.NoError(t, err)
		assertMoney(t, "5.00", est.Estimate.Customer.Promo.Discount)
		assertMoney(t, "20.00", est.Estimate.Customer.Total)

		_, err = e.c.Promos.Create(e.ctx, telecloud.PromoCreateRequest{PromoCode: "SPRING5", Value: money("1.00")})
		vendorError(t, err, "Promo code SPRING5 already exists.")
		_, err = e.c.Promos.Create(e.ctx, telecloud.PromoCreateRequest{PromoCode: "OLD", Value: money("1.00"), ExpirationDate: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)})
		vendorError(t, err, "The expiration_date 2024-03-01 has already passed.")
		_, err = e.c.Promos.Create(e.ctx, telecloud.PromoCreateRequest{PromoCode: "FREE", Value: telecloud.MoneyFromCents(0)})
		vendorError(t, err, "The promo value must be greater than 0.00.")
		_, err = e.c.Promos.Create(e.ctx, telecloud.PromoCreateRequest{PromoCode: "NEG", Value: money("-1.00")})
		invalidInput(t, err, "Value")

		del, err := e.c.Promos.Delete(e.ctx, telecloud.PromoDeleteRequest{PromoCode: "SPRING5"})
		require.NoError(t, err)
		assert.Equal(t, "2", del.Promo.PromoID)
		one, err = e.c.Promos.Search(e.ctx, telecloud.PromoSearchRequest{PromoCode: "SPRING5"})
		require.NoError(t, err)
		assert.Empty(t, one.Promos)
		_, err = e.c.Customers.Estimate(e.ctx, telecloud.CustomerEstimateRequest{AccountNumber: telecloudtest.SeedCustomer,
			RatePlanID: telecloudtest.SeedRatePlan, PromoCode: "SPRING5"})
		vendorError(t, err, "Invalid promo code SPRING5.")
		_, err = e.c.Promos.Delete(e.ctx, telecloud.PromoDeleteRequest{PromoCode: "SPRING5"})
		vendorError(t, err, "Promo code SPRING5 not found.")
	})
}

// ---------------------------------------------------------------------------
// Reports

func TestE2EReports(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		bob := e.newCustomer("Bob", "Babbage")
		active := e.newOrder(telecloudtest.SeedCustomer)
		suspended := e.newOrder(telecloudtest.SeedCustomer)
		cancelled := e.newOrder(bob)
		_, err := e.c.Orders.Status(e.ctx, telecloud.OrderStatusRequest{AccountNumber: telecloudtest.SeedCustomer, OrderNumber: suspended})
		require.NoError(t, err)
		_, err = e.c.Orders.Cancel(e.ctx, telecloud.OrderCancelRequest{AccountNumber: bob, OrderNumber: cancelled})
		require.NoError(t, err)
		_, err = e.c.Tickets.Create(e.ctx, telecloud.TicketCreateRequest{Subject: "Billing question here", Message: "?"})
		require.NoError(t, err)
		tk, err := e.c.Tickets.Create(e.ctx, telecloud.TicketCreateRequest{Subject: "Customer cannot call", Message: "?",
			Direction: telecloud.TicketExternal, AccountNumber: telecloudtest.SeedCustomer, OrderNumber: active})
		require.NoError(t, err)
		_, err = e.c.Tickets.Reply(e.ctx, telecloud.TicketReplyRequest{TicketID: tk.Ticket.TicketID, Message: "Looking into it."})
		require.NoError(t, err)

		res, err := e.c.Reports.Search(e.ctx, telecloud.ReportSearchRequest{})
		require.NoError(t, err)
		assert.Empty(t, res.TransID)
		r := res.Report
		assert.Empty(t, r.AccountNumber)
		assert.Equal(t, 1, r.Orders.Active)
		assert.Equal(t, 1, r.Orders.Suspended)
		assert.Equal(t, 0, r.Orders.NonPay)
		assert.Equal(t, 1, r.Orders.Cancelled)
		require.Len(t, r.Orders.Churn, 30, "the last 30 days")
		assertMoney(t, "60.00", r.Financial.WholesaleSpend.CurrentMonth, "three orders at 20.00")
		assertMoney(t, "0.00", r.Financial.WholesaleSpend.PreviousMonth)
		assertMoney(t, "75.00", r.Financial.Income.CurrentMonth, "three orders at 25.00")
		months := r.Financial.Income.History.Months()
		require.Len(t, months, 12)
		assertMoney(t, "0.00", months[0].Amount)
		assert.Equal(t, 1, r.Tickets.Internal.Open)
		assert.Equal(t, 1, r.Tickets.External.Answered)
		assert.Equal(t, 0, r.Tickets.External.Open)
		if e.xml() {
			assert.Equal(t, "2024-03-14", r.Orders.Churn[0].Date.Raw, "most recent first")
			assert.Equal(t, "FEBRUARY", months[0].MonthName)
			assert.Equal(t, "2024-02", months[0].MonthYear)
			assert.Equal(t, "2023-03", months[11].MonthYear)
		} else {
			assert.Empty(t, r.Orders.Churn[0].Date.Raw, "JSON loses the attributes of an element with text")
			assert.Empty(t, months[0].MonthYear)
		}

		// One customer; dashboard mode; the CORE on its VAR.
		res, err = e.c.Reports.Search(e.ctx, telecloud.ReportSearchRequest{AccountNumber: bob, Dashboard: telecloud.Yes})
		require.NoError(t, err)
		r = res.Report
		assert.Equal(t, bob, r.AccountNumber)
		assert.Equal(t, 0, r.Orders.Active)
		assert.Equal(t, 1, r.Orders.Cancelled)
		assert.Empty(t, r.Orders.Churn, "not in dashboard mode")
		assert.False(t, r.Financial.Income.History.Month1.Amount.IsSet(), "no history in dashboard mode")
		assertMoney(t, "25.00", r.Financial.Income.CurrentMonth)
		assert.Equal(t, 0, r.Tickets.External.Answered, "Bob has no tickets")
		res, err = e.core.Reports.Search(e.ctx, telecloud.ReportSearchRequest{CloudAccountType: telecloud.AccountVAR, CloudAccountNumber: telecloudtest.SeedVARAccount})
		require.NoError(t, err)
		assert.Equal(t, 1, res.Report.Orders.Active)
		assertMoney(t, "60.00", res.Report.Financial.WholesaleSpend.CurrentMonth)
		_, err = e.c.Reports.Search(e.ctx, telecloud.ReportSearchRequest{CloudAccountNumber: telecloudtest.SeedVARAccount})
		invalidInput(t, err, "CloudAccountType")
	})
}

// ---------------------------------------------------------------------------
// Ticket

func TestE2ETickets(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		on := e.newOrder(telecloudtest.SeedCustomer)
		cr, err := e.c.Tickets.Create(e.ctx, telecloud.TicketCreateRequest{Subject: "SIM will not activate", Department: telecloud.DepartmentTechSupport,
			Message: "<p>The SIM shows no service.</p>", Direction: telecloud.TicketExternal, AccountNumber: telecloudtest.SeedCustomer,
			OrderNumber: on, Attachments: []string{"https://img.example/sim.png", "https://img.example/box.png"}})
		require.NoError(t, err)
		assert.NotEmpty(t, cr.TransID)
		id := cr.Ticket.TicketID
		assert.Equal(t, "YW-91777", id, "the VAR company's initials")

		ticket := func() telecloud.Ticket {
			t.Helper()
			res, err := e.c.Tickets.Search(e.ctx, telecloud.TicketSearchRequest{TicketID: id})
			require.NoError(t, err)
			require.Len(t, res.Tickets, 1)
			assert.Equal(t, 1, res.Results)
			return res.Tickets[0]
		}
		tk := ticket()
		assert.Equal(t, id, tk.TicketID)
		assert.Equal(t, "2900-YW-91777@telecloud.app", tk.TicketEmail)
		assert.Equal(t, e2eNow, tk.Date.Time.Time)
		assert.Equal(t, "TeleCloud Core Networks", tk.Core.Name)
		assert.Equal(t, "YourBrand Wireless", tk.VAR.Name)
		assert.Equal(t, telecloud.TicketExternal, tk.Direction)
		assert.Equal(t, "Test Dealer [VAR]", tk.OpenedBy.Name)
		assert.Equal(t, "POST", tk.OpenedVia)
		assert.Equal(t, telecloud.DepartmentTechSupport, tk.Department)
		assert.Equal(t, "SIM will not activate", tk.Subject)
		assert.Equal(t, "<p>The SIM shows no service.</p>", tk.Message)
		assert.Equal(t, telecloud.TicketAttachments{Results: 2, Files: []string{"https://img.example/sim.png", "https://img.example/box.png"}}, tk.Attachments)
		assert.Equal(t, telecloud.TicketOpen, tk.Status)
		assert.Empty(t, tk.Replies)
		if e.xml() {
			assert.Equal(t, e2eNow.Unix(), tk.Date.Unix)
			assert.True(t, tk.Date.LastReply.IsZero(), "0000-00-00 00:00:00: no reply yet")
			assert.Equal(t, "About 0 day(s) ago.", tk.Date.ElapsedTime)
			assert.Equal(t, telecloudtest.SeedCoreAccount, tk.Core.CloudAccountNumber)
			assert.Equal(t, telecloudtest.SeedVARAccount, tk.VAR.CloudAccountNumber)
			assert.NotEmpty(t, tk.OpenedBy.IconURL)
		} else {
			assert.Zero(t, tk.Date.Unix, "JSON loses the attributes of an element with text")
			assert.Empty(t, tk.VAR.CloudAccountNumber)
		}

		// Replies move the status: staff → ANSWERED, working → WORKING, the customer → OPEN.
		for _, r := range []struct {
			req  telecloud.TicketReplyRequest
			want telecloud.TicketStatus
		}{
			{telecloud.TicketReplyRequest{Message: "We are checking the SIM."}, telecloud.TicketAnswered},
			{telecloud.TicketReplyRequest{Message: "Escalated to the carrier.", Working: telecloud.Yes}, telecloud.TicketWorking},
			{telecloud.TicketReplyRequest{Message: "Still no service.", AccountNumber: telecloudtest.SeedCustomer, Attachments: []string{"https://img.example/screen.png"}}, telecloud.TicketOpen},
		} {
			r.req.TicketID = id
			res, err := e.c.Tickets.Reply(e.ctx, r.req)
			require.NoError(t, err)
			assert.NotEmpty(t, res.TransID)
			assert.Equal(t, id, res.Ticket.TicketID)
			assert.Equal(t, r.want, ticket().Status, r.req.Message)
		}
		tk = ticket()
		require.Len(t, tk.Replies, 3)
		assert.Equal(t, "791", tk.Replies[0].MessageID)
		assert.Equal(t, "We are checking the SIM.", tk.Replies[0].Message)
		assert.Equal(t, "Test Dealer [VAR]", tk.Replies[0].PostedBy.Name)
		assert.Equal(t, "POST", tk.Replies[0].PostedVia)
		assert.Equal(t, "Still no service.", tk.Replies[2].Message)
		assert.Equal(t, "Gina Hammond [CUSTOMER]", tk.Replies[2].PostedBy.Name)
		assert.Equal(t, e2eNow, tk.Replies[2].Date.Time.Time)
		if e.xml() {
			assert.Equal(t, "STAFF", tk.Replies[0].PostedBy.Type)
			assert.Equal(t, "CUSTOMER", tk.Replies[2].PostedBy.Type)
			assert.Equal(t, e2eNow, tk.Date.LastReply.Time)
		}
		_, err = e.c.Tickets.Reply(e.ctx, telecloud.TicketReplyRequest{TicketID: id, Message: "Me too", GuestEmail: "not-an-email"})
		vendorError(t, err, "Invalid guest_email: not-an-email is not an e-mail address.")

		// Edit: CLOSED or ON-HOLD only.
		ed, err := e.c.Tickets.Edit(e.ctx, telecloud.TicketEditRequest{TicketID: id, Status: telecloud.TicketOnHold})
		require.NoError(t, err)
		assert.Equal(t, id, ed.Ticket.TicketID)
		assert.Equal(t, telecloud.TicketOnHold, ticket().Status)
		_, err = e.c.Tickets.Edit(e.ctx, telecloud.TicketEditRequest{TicketID: id, Status: telecloud.TicketClosed})
		require.NoError(t, err)
		assert.Equal(t, telecloud.TicketClosed, ticket().Status)
		_, err = e.c.Tickets.Edit(e.ctx, telecloud.TicketEditRequest{TicketID: id, Status: telecloud.TicketAnswered})
		invalidInput(t, err, "Status")
		_, err = e.c.Tickets.Edit(e.ctx, telecloud.TicketEditRequest{TicketID: id, Status: telecloud.TicketClosed}, telecloud.WithParam("status", "ANSWERED"))
		vendorError(t, err, "Invalid status: a ticket can only be set to CLOSED or ON-HOLD.")

		// A second ticket, INTERNAL by default, opened by the customer or a guest.
		in, err := e.c.Tickets.Create(e.ctx, telecloud.TicketCreateRequest{Subject: "Invoice for March please", Department: telecloud.DepartmentBilling, Message: "Thanks"})
		require.NoError(t, err)
		cust, err := e.c.Tickets.Create(e.ctx, telecloud.TicketCreateRequest{Subject: "My phone is not working", Message: "Help",
			Direction: telecloud.TicketExternalCustomer, AccountNumber: telecloudtest.SeedCustomer})
		require.NoError(t, err)
		guest, err := e.c.Tickets.Create(e.ctx, telecloud.TicketCreateRequest{Subject: "Do you cover Harrisburg?", Message: "?",
			GuestEmail: "prospect@example.com", Department: telecloud.DepartmentSales})
		require.NoError(t, err)
		search := func(req telecloud.TicketSearchRequest) []string {
			t.Helper()
			res, err := e.c.Tickets.Search(e.ctx, req)
			require.NoError(t, err)
			assert.Equal(t, len(res.Tickets), res.Results)
			var ids []string
			for _, x := range res.Tickets {
				ids = append(ids, x.TicketID)
			}
			return ids
		}
		assert.Equal(t, []string{guest.Ticket.TicketID, cust.Ticket.TicketID, in.Ticket.TicketID, id}, search(telecloud.TicketSearchRequest{}), "newest first")
		assert.Equal(t, []string{in.Ticket.TicketID}, search(telecloud.TicketSearchRequest{Direction: telecloud.TicketInternal}))
		assert.Equal(t, []string{id}, search(telecloud.TicketSearchRequest{Status: telecloud.TicketClosed}))
		assert.Equal(t, []string{id}, search(telecloud.TicketSearchRequest{OrderNumber: on}))
		assert.Equal(t, []string{cust.Ticket.TicketID, id}, search(telecloud.TicketSearchRequest{AccountNumber: telecloudtest.SeedCustomer}))
		res, err := e.c.Tickets.Search(e.ctx, telecloud.TicketSearchRequest{TicketID: cust.Ticket.TicketID})
		require.NoError(t, err)
		require.Len(t, res.Tickets, 1)
		assert.Equal(t, "Gina Hammond [CUSTOMER]", res.Tickets[0].OpenedBy.Name)
		assert.Equal(t, telecloud.TicketExternal, res.Tickets[0].Direction)
		res, err = e.c.Tickets.Search(e.ctx, telecloud.TicketSearchRequest{TicketID: guest.Ticket.TicketID})
		require.NoError(t, err)
		require.Len(t, res.Tickets, 1)
		assert.Equal(t, "prospect@example.com [GUEST]", res.Tickets[0].OpenedBy.Name)
		coreView, err := e.core.Tickets.Search(e.ctx, telecloud.TicketSearchRequest{CloudAccountType: telecloud.AccountVAR, CloudAccountNumber: telecloudtest.SeedVARAccount})
		require.NoError(t, err)
		assert.Equal(t, 4, coreView.Results, "the CORE sees its VAR's tickets")

		// Subjects: ten characters, checked on both sides.
		before := e.srv.RequestCount("")
		_, err = e.c.Tickets.Create(e.ctx, telecloud.TicketCreateRequest{Subject: "Too short", Message: "x"})
		invalidInput(t, err, "Subject")
		assert.Equal(t, before, e.srv.RequestCount(""))
		err = e.raw.Call(e.ctx, "Ticket/Create", url.Values{"subject": {"Too short"}, "message": {"x"}}, nil)
		vendorError(t, err, "The subject must be at least 10 characters.")
	})
}

// ---------------------------------------------------------------------------
// Transaction

func TestE2ETransactions(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		cr, err := e.c.Customers.Create(e.ctx, telecloud.CustomerCreateRequest{FirstName: "Ada", LastName: "Lovelace", Password: telecloud.NewSecret("12345678")})
		require.NoError(t, err)
		tx := e.transaction(cr.TransID)
		assert.Equal(t, cr.TransID, tx.TransID)
		assert.Equal(t, "Customer/Create", tx.Service)
		assert.Equal(t, telecloudtest.DefaultUsername, tx.User)
		assert.Equal(t, "127.0.0.1", tx.RequestingIP)
		assert.Equal(t, telecloud.TransactionSuccess, tx.Status)
		assert.True(t, tx.Status.Succeeded())
		assert.Empty(t, tx.Error)
		assert.Contains(t, tx.FullRequest, `"format":"`+string(e.format)+`"`)
		assert.Contains(t, tx.FullRequest, `"first_name":"Ada"`)
		assert.Contains(t, tx.FullRequest, `"password":"REDACTED"`)
		assert.NotContains(t, tx.FullRequest, telecloudtest.DefaultAPIKey)

		on := e.newOrder(cr.AccountNumber)
		_, err = e.c.Customers.Edit(e.ctx, telecloud.CustomerEditRequest{AccountNumber: cr.AccountNumber, Email: "nope"})
		refused := vendorError(t, err, "Invalid email: nope is not an e-mail address.")
		ftx := e.transaction(refused.RequestID)
		assert.Equal(t, "Customer/Edit", ftx.Service)
		assert.Equal(t, telecloud.TransactionFailed, ftx.Status)
		assert.True(t, ftx.Status.Failed())
		assert.Equal(t, refused.Message, ftx.Error, "a FAILED transaction carries its error")

		// Reads are not recorded.
		_, err = e.c.Customers.Search(e.ctx, telecloud.CustomerSearchRequest{})
		require.NoError(t, err)

		search := func(c *telecloud.Client, req telecloud.TransactionSearchRequest) []string {
			t.Helper()
			res, err := c.Transactions.Search(e.ctx, req)
			require.NoError(t, err)
			var ids []string
			for _, x := range res.Transactions {
				ids = append(ids, x.Service)
			}
			return ids
		}
		assert.Equal(t, []string{"Customer/Edit", "Order/Create", "Customer/Create"}, search(e.c, telecloud.TransactionSearchRequest{}), "newest first")
		assert.Equal(t, []string{"Customer/Edit", "Order/Create", "Customer/Create"}, search(e.c, telecloud.TransactionSearchRequest{AccountNumber: cr.AccountNumber}))
		assert.Equal(t, []string{"Order/Create"}, search(e.c, telecloud.TransactionSearchRequest{OrderNumber: on}))
		assert.Equal(t, []string{"Order/Create"}, search(e.c, telecloud.TransactionSearchRequest{Service: "Order/Create"}))
		assert.Equal(t, []string{"Customer/Edit"}, search(e.c, telecloud.TransactionSearchRequest{Status: telecloud.TransactionFailure}))
		assert.Equal(t, []string{"Order/Create", "Customer/Create"}, search(e.c, telecloud.TransactionSearchRequest{Status: telecloud.TransactionSuccess}))
		assert.Empty(t, search(e.c, telecloud.TransactionSearchRequest{Status: telecloud.TransactionPending}))

		// The CORE sees the calls of the accounts under it, not the other way.
		assert.Equal(t, []string{"Customer/Create"}, search(e.core, telecloud.TransactionSearchRequest{TransID: cr.TransID}))
		g, err := e.core.Gateways.Create(e.ctx, telecloud.GatewayCreateRequest{Name: "NMI", Credentials1: telecloud.NewSecret("nmi-key")})
		require.NoError(t, err)
		assert.Empty(t, search(e.c, telecloud.TransactionSearchRequest{TransID: g.TransID}))
		gtx := search(e.core, telecloud.TransactionSearchRequest{TransID: g.TransID})
		assert.Equal(t, []string{"Gateways/Create"}, gtx)

		_, err = e.c.Transactions.Search(e.ctx, telecloud.TransactionSearchRequest{Status: "DONE"})
		invalidInput(t, err, "Status")
	})
}

// ---------------------------------------------------------------------------
// UsageComponent

// orderComponents reads the <ProductComponents> Order/Search adds to an
// order, which the typed Order does not carry.
type orderComponents struct {
	Orders []struct {
		Components []struct {
			ID       string `tc:"component_id,attr"`
			Units    int    `tc:"units"`
			MaxUnits string `tc:"max_units"`
		} `tc:"ProductComponents>component"`
	} `tc:"Orders>order"`
}

func TestE2EUsageComponents(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		cr, err := e.core.UsageComponents.Create(e.ctx, telecloud.UsageComponentCreateRequest{ProductGroupID: telecloudtest.SeedProductGroup,
			Name: "Voice minutes", Description: "Minutes beyond the plan.", StartingQuantity: intp(0), UnitPrice: money("0.0050"),
			ResetWithCycle: telecloud.No, VarSetsMaximum: telecloud.Yes})
		require.NoError(t, err)
		assert.NotEmpty(t, cr.TransID)
		want := telecloud.UsageComponent{ComponentID: "8417871", ProductGroupID: telecloudtest.SeedProductGroup, Name: "Voice minutes",
			Description: "Minutes beyond the plan.", StartingQuantity: 0, UnitPrice: money("0.005"), ResetWithCycle: telecloud.No,
			VarSetsMaximum: telecloud.Yes, Status: telecloud.StatusActive}
		assert.Equal(t, want, cr.Component)
		assert.Equal(t, "0.005", cr.Component.UnitPrice.String(), "a fraction of a cent is kept")

		search := func(req telecloud.UsageComponentSearchRequest) []telecloud.UsageComponent {
			t.Helper()
			res, err := e.core.UsageComponents.Search(e.ctx, req)
			require.NoError(t, err)
			return res.Components
		}
		assert.Equal(t, []telecloud.UsageComponent{want}, search(telecloud.UsageComponentSearchRequest{ComponentID: "8417871"}))
		assert.Len(t, search(telecloud.UsageComponentSearchRequest{ProductGroupID: telecloudtest.SeedProductGroup}), 1)
		assert.Empty(t, search(telecloud.UsageComponentSearchRequest{ProductID: telecloudtest.SeedProduct}), "not linked yet")

		// Linked to the product, the VAR limits it on its rate plan.
		_, err = e.core.Plans.Edit(e.ctx, telecloud.PlanEditRequest{ProductID: telecloudtest.SeedProduct, ComponentIDs: []string{"8417871"}})
		require.NoError(t, err)
		assert.Len(t, search(telecloud.UsageComponentSearchRequest{ProductID: telecloudtest.SeedProduct}), 1)
		ps, err := e.core.Plans.Search(e.ctx, telecloud.PlanSearchRequest{})
		require.NoError(t, err)
		require.Len(t, ps.Groups[0].Products[0].Components, 1)
		pc := ps.Groups[0].Products[0].Components[0]
		assert.Equal(t, "8417871", pc.ComponentID)
		assert.Equal(t, telecloud.StatusActive, pc.Status)
		assertMoney(t, "0.005", pc.UnitPrice)
		_, err = e.c.Plans.Edit(e.ctx, telecloud.PlanEditRequest{RatePlanID: telecloudtest.SeedRatePlan,
			AttachedComponents: telecloud.AttachedComponents{{ComponentID: "8417871", MaxUnits: 100}}})
		require.NoError(t, err)
		res, err := e.c.Orders.Create(e.ctx, telecloud.OrderCreateRequest{AccountNumber: telecloudtest.SeedCustomer, RatePlanID: telecloudtest.SeedRatePlan,
			Vars: telecloud.VarValues{1: testIMEI, 2: testICCID}, AttachedComponents: telecloud.AttachedComponents{{ComponentID: "8417871"}}})
		require.NoError(t, err)
		var oc orderComponents
		require.NoError(t, e.raw.Call(e.ctx, "Order/Search", url.Values{"order_number": {res.Order.OrderNumber}}, &oc))
		require.Len(t, oc.Orders, 1)
		require.Len(t, oc.Orders[0].Components, 1)
		assert.Equal(t, "100", oc.Orders[0].Components[0].MaxUnits, "the rate plan's maximum")

		// Edit.
		ed, err := e.core.UsageComponents.Edit(e.ctx, telecloud.UsageComponentEditRequest{ComponentID: "8417871", Name: "Voice minutes (intl)",
			UnitPrice: money("0.01"), StartingQuantity: intp(100), ResetWithCycle: telecloud.Yes, Status: telecloud.StatusSuspended})
		require.NoError(t, err)
		assert.Equal(t, "Voice minutes (intl)", ed.Component.Name)
		got := search(telecloud.UsageComponentSearchRequest{ComponentID: "8417871"})
		require.Len(t, got, 1)
		assert.Equal(t, "Voice minutes (intl)", got[0].Name)
		assert.Equal(t, "Minutes beyond the plan.", got[0].Description, "fields not sent are kept")
		assertMoney(t, "0.01", got[0].UnitPrice)
		assert.Equal(t, 100, got[0].StartingQuantity)
		assert.Equal(t, telecloud.Yes, got[0].ResetWithCycle)
		assert.Equal(t, telecloud.StatusSuspended, got[0].Status)
		_, err = e.core.UsageComponents.Edit(e.ctx, telecloud.UsageComponentEditRequest{ComponentID: "8417871", StartingQuantity: intp(-1)})
		invalidInput(t, err, "StartingQuantity")

		// Delete: it leaves the product.
		del, err := e.core.UsageComponents.Delete(e.ctx, telecloud.UsageComponentDeleteRequest{ComponentID: "8417871"})
		require.NoError(t, err)
		assert.Equal(t, "8417871", del.Component.ComponentID)
		assert.Equal(t, telecloud.StatusDeleted, del.Component.Status)
		assert.Empty(t, search(telecloud.UsageComponentSearchRequest{ComponentID: "8417871"}))
		assert.Empty(t, search(telecloud.UsageComponentSearchRequest{ProductID: telecloudtest.SeedProduct}))
		e.newOrder(telecloudtest.SeedCustomer) // no attached_components needed any more

		_, err = e.c.UsageComponents.Create(e.ctx, telecloud.UsageComponentCreateRequest{ProductGroupID: telecloudtest.SeedProductGroup, Name: "Mine", UnitPrice: money("1.00")})
		vendorError(t, err, "Only CORE accounts can manage usage components.")
		_, err = e.core.UsageComponents.Create(e.ctx, telecloud.UsageComponentCreateRequest{ProductGroupID: telecloudtest.SeedProductGroup, Name: "Free"})
		vendorError(t, err, "The unit_price parameter is required.")
	})
}

// ---------------------------------------------------------------------------
// User

func TestE2EUsers(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		cr, err := e.c.Users.Create(e.ctx, telecloud.UserCreateRequest{Email: "clerk@yourbrand.example", FirstName: "Carla",
			LastName: "Clerk", AccessLevel: telecloud.AccessStaff})
		require.NoError(t, err)
		assert.NotEmpty(t, cr.TransID)
		assert.Equal(t, "234", cr.User.UserID)
		assert.Equal(t, "carla_clerk1", cr.User.Username)
		pw := cr.User.InitialPassword.Reveal()
		assert.Len(t, pw, 6)

		user := func(id string) telecloud.User {
			t.Helper()
			res, err := e.c.Users.Search(e.ctx, telecloud.UserSearchRequest{UserID: id})
			require.NoError(t, err)
			require.Len(t, res.Users, 1)
			return res.Users[0]
		}
		u := user("234")
		assert.Equal(t, telecloud.User{UserID: "234", Username: "carla_clerk1", Email: "clerk@yourbrand.example", FirstName: "Carla",
			LastName: "Clerk", InitialPassword: telecloud.NewSecret(pw), AccessLevel: telecloud.AccessStaff, Status: telecloud.UserActive}, u)
		me := user("233")
		assert.Equal(t, telecloudtest.DefaultUsername, me.Username)
		assert.Equal(t, telecloud.AccessAdmin, me.AccessLevel)
		assert.Equal(t, e2eNow, me.LastLogin.Time, "the API user's own calls log it in")
		assert.Equal(t, "127.0.0.1", me.LastIP)
		all, err := e.c.Users.Search(e.ctx, telecloud.UserSearchRequest{})
		require.NoError(t, err)
		assert.Len(t, all.Users, 2, "the VAR's users only")

		ed, err := e.c.Users.Edit(e.ctx, telecloud.UserEditRequest{UserID: "234", LastName: "Clark", AccessLevel: telecloud.AccessSupport,
			Status: telecloud.UserLocked, ProfileImage: "https://img.example/carla.png"})
		require.NoError(t, err)
		assert.Equal(t, "234", ed.User.UserID)
		u = user("234")
		assert.Equal(t, "Clark", u.LastName)
		assert.Equal(t, "Carla", u.FirstName)
		assert.Equal(t, telecloud.AccessSupport, u.AccessLevel)
		assert.Equal(t, telecloud.UserLocked, u.Status)
		assert.Equal(t, "https://img.example/carla.png", u.ProfileImage)

		_, err = e.c.Users.Create(e.ctx, telecloud.UserCreateRequest{Email: "CLERK@yourbrand.example"})
		vendorError(t, err, "A user with the e-mail address CLERK@yourbrand.example already exists.")
		_, err = e.c.Users.Edit(e.ctx, telecloud.UserEditRequest{UserID: "233", Status: telecloud.UserLocked})
		vendorError(t, err, "You cannot lock your own user.")
		_, err = e.c.Users.Edit(e.ctx, telecloud.UserEditRequest{UserID: "232", FirstName: "X"})
		vendorError(t, err, "User 232 not found.")

		// Locking an API user locks its API access; a STAFF user cannot manage users.
		name, err := e.srv.AddCredentials(telecloudtest.SeedVARAccount, "second-api-id", "second-api-key")
		require.NoError(t, err)
		second := newClient(t, e.srv, "second-api-id", "second-api-key", e.format, e.style)
		all, err = second.Users.Search(e.ctx, telecloud.UserSearchRequest{})
		require.NoError(t, err)
		var secondID string
		for _, x := range all.Users {
			if x.Username == name {
				secondID = x.UserID
			}
		}
		require.NotEmpty(t, secondID)
		_, err = e.c.Users.Edit(e.ctx, telecloud.UserEditRequest{UserID: secondID, Status: telecloud.UserLocked})
		require.NoError(t, err)
		_, err = second.Users.Search(e.ctx, telecloud.UserSearchRequest{})
		vendorError(t, err, "This user is locked.")
		_, err = e.c.Users.Edit(e.ctx, telecloud.UserEditRequest{UserID: secondID, Status: telecloud.UserActive, AccessLevel: telecloud.AccessStaff})
		require.NoError(t, err)
		_, err = second.Users.Create(e.ctx, telecloud.UserCreateRequest{Email: "third@yourbrand.example"})
		vendorError(t, err, "Only ADMIN users can manage users.")
		_, err = e.c.Users.Create(e.ctx, telecloud.UserCreateRequest{Email: "x@yourbrand.example", AccessLevel: "ROOT"})
		invalidInput(t, err, "AccessLevel")
	})
}

// ---------------------------------------------------------------------------
// The error envelope, required parameters, flags and credentials

func TestE2EErrorEnvelope(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		_, err := e.c.Customers.Delete(e.ctx, telecloud.CustomerDeleteRequest{AccountNumber: "404"})
		te := vendorError(t, err, "Customer account 404 not found.")
		assert.Equal(t, "Customer/Delete", te.Op)
		assert.Empty(t, te.Body, "an envelope is read, not quoted")
		assert.Equal(t, "telecloud: Customer/Delete (trans_id "+te.RequestID+"): Customer account 404 not found.", te.Error())
		assert.NotErrorIs(t, err, telecloud.ErrHTTPStatus)
		assert.NotErrorIs(t, err, telecloud.ErrBadResponse)
		// Every refusal is on the transaction log, FAILED with its text.
		tx, ok := e.srv.Transaction(te.RequestID)
		require.True(t, ok)
		assert.Equal(t, "FAILED", tx.Status)
		assert.Equal(t, "Customer/Delete", tx.Service)
		assert.Equal(t, te.Message, tx.Error)

		// A read's refusal has no trans_id.
		_, err = e.c.PaymentMethods.Search(e.ctx, telecloud.PaymentMethodSearchRequest{AccountNumber: "404"})
		te = vendorError(t, err, "Customer account 404 not found.")
		assert.Empty(t, te.RequestID)
		assert.Equal(t, "telecloud: PaymentMethod/Search: Customer account 404 not found.", te.Error())
	})
}

func TestE2EWrongCredentials(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		const badKey = "not-the-key-0123456789"
		bad := newRawClient(t, e.srv, telecloudtest.DefaultAPIIDKey, badKey, e.format, e.style)
		_, err := bad.Customers.Create(e.ctx, telecloud.CustomerCreateRequest{FirstName: "Ada", LastName: "Lovelace"})
		te := vendorError(t, err, "Invalid API credentials.")
		assert.NotContains(t, err.Error(), badKey)
		_, ok := e.srv.Customer("7105046")
		assert.False(t, ok, "nothing was created")
		_, err = bad.Orders.Search(e.ctx, telecloud.OrderSearchRequest{})
		vendorError(t, err, "Invalid API credentials.")
		unknown := newRawClient(t, e.srv, "nobody", "nothing", e.format, e.style)
		_, err = unknown.Users.Search(e.ctx, telecloud.UserSearchRequest{})
		vendorError(t, err, "Invalid API credentials.")
		// The server never records the keys; the refused call's transaction
		// belongs to no account, so nobody's Transaction/Search lists it.
		for _, r := range e.srv.Requests() {
			assert.NotContains(t, r.Path+string(r.Body), badKey)
		}
		res, err := e.core.Transactions.Search(e.ctx, telecloud.TransactionSearchRequest{TransID: te.RequestID})
		require.NoError(t, err)
		assert.Empty(t, res.Transactions)

		// Credentials are parameters of every request.
		e.srv.ResetRequests()
		_, err = e.c.Users.Search(e.ctx, telecloud.UserSearchRequest{})
		require.NoError(t, err)
		reqs := e.srv.Requests()
		require.Len(t, reqs, 1)
		assert.Equal(t, http.MethodGet, reqs[0].Method)
		assert.Equal(t, e.path("User/Search", "")+"?API_ID_KEY=REDACTED&API_KEY=REDACTED", reqs[0].Path)
		_, err = telecloud.New(telecloud.Credentials{APIIDKey: telecloud.NewSecret(telecloudtest.DefaultAPIIDKey)})
		invalidInput(t, err, "Credentials.APIKey")
	})
}

// requiredCase is a method with a parameter the typed request requires: the
// typed call is refused before anything is sent, the same call made raw
// through Client.Call is refused by the server.
type requiredCase struct {
	op    string
	core  bool
	typed func(e *e2e, c *telecloud.Client) error
	field string
	raw   url.Values
	msg   string
}

var requiredCases = []requiredCase{
	{op: "Customer/Edit", field: "AccountNumber", raw: url.Values{"first_name": {"Ada"}}, msg: "The account_number parameter is required.",
		typed: func(e *e2e, c *telecloud.Client) error {
			_, err := c.Customers.Edit(e.ctx, telecloud.CustomerEditRequest{FirstName: "Ada"})
			return err
		}},
	{op: "Customer/Credit", field: "Amount", raw: url.Values{"account_number": {telecloudtest.SeedCustomer}, "type": {"CREDIT"}},
		msg: "The amount parameter is required.",
		typed: func(e *e2e, c *telecloud.Client) error {
			_, err := c.Customers.Credit(e.ctx, telecloud.CustomerCreditRequest{AccountNumber: telecloudtest.SeedCustomer, Type: telecloud.BillingCredit})
			return err
		}},
	{op: "Order/Create", field: "RatePlanID", raw: url.Values{"account_number": {telecloudtest.SeedCustomer}, "var1": {testIMEI}},
		msg: "The rate_plan_id parameter is required.",
		typed: func(e *e2e, c *telecloud.Client) error {
			_, err := c.Orders.Create(e.ctx, telecloud.OrderCreateRequest{AccountNumber: telecloudtest.SeedCustomer, Vars: telecloud.VarValues{1: testIMEI}})
			return err
		}},
	{op: "Order/Unstack", field: "StackedPlanID", raw: url.Values{"account_number": {telecloudtest.SeedCustomer}, "order_number": {"1"}},
		msg: "The stacked_plan_id parameter is required.",
		typed: func(e *e2e, c *telecloud.Client) error {
			_, err := c.Orders.Unstack(e.ctx, telecloud.OrderUnstackRequest{AccountNumber: telecloudtest.SeedCustomer, OrderNumber: "1"})
			return err
		}},
	{op: "Billing/Create", core: true, field: "Type", msg: "The type parameter is required.",
		raw: url.Values{"cloud_account_type": {"VAR"}, "cloud_account_number": {telecloudtest.SeedVARAccount}, "amount": {"1.00"}},
		typed: func(e *e2e, c *telecloud.Client) error {
			_, err := c.Billing.Create(e.ctx, telecloud.BillingCreateRequest{CloudAccountType: telecloud.AccountVAR,
				CloudAccountNumber: telecloudtest.SeedVARAccount, Amount: money("1.00")})
			return err
		}},
	{op: "Promo/Create", field: "Value", raw: url.Values{"promo_code": {"X"}}, msg: "The value parameter is required.",
		typed: func(e *e2e, c *telecloud.Client) error {
			_, err := c.Promos.Create(e.ctx, telecloud.PromoCreateRequest{PromoCode: "X"})
			return err
		}},
	{op: "PaymentMethod/Verify", field: "Amount2", raw: url.Values{"payment_method_id": {"72"}, "amount_1": {"0.10"}},
		msg: "The amount_2 parameter is required.",
		typed: func(e *e2e, c *telecloud.Client) error {
			_, err := c.PaymentMethods.Verify(e.ctx, telecloud.PaymentMethodVerifyRequest{PaymentMethodID: "72", Amount1: money("0.10")})
			return err
		}},
	{op: "Ticket/Reply", field: "Message", raw: url.Values{"ticket_id": {"YW-1"}}, msg: "The message parameter is required.",
		typed: func(e *e2e, c *telecloud.Client) error {
			_, err := c.Tickets.Reply(e.ctx, telecloud.TicketReplyRequest{TicketID: "YW-1"})
			return err
		}},
	{op: "User/Create", field: "Email", raw: url.Values{"first_name": {"Carla"}}, msg: "The email parameter is required.",
		typed: func(e *e2e, c *telecloud.Client) error {
			_, err := c.Users.Create(e.ctx, telecloud.UserCreateRequest{FirstName: "Carla"})
			return err
		}},
	{op: "UsageComponent/Create", core: true, field: "Name", raw: url.Values{"product_group_id": {telecloudtest.SeedProductGroup}},
		msg: "The name parameter is required.",
		typed: func(e *e2e, c *telecloud.Client) error {
			_, err := c.UsageComponents.Create(e.ctx, telecloud.UsageComponentCreateRequest{ProductGroupID: telecloudtest.SeedProductGroup})
			return err
		}},
	// The newer page's lists: email_notification is required, and so is
	// Alerts/Edit's status.
	{op: "Announcements/Create", core: true, field: "EmailNotification", msg: "The email_notification parameter is required.",
		raw: url.Values{"subject": {"s"}, "description": {"d"}, "show_var": {"Y"}},
		typed: func(e *e2e, c *telecloud.Client) error {
			_, err := c.Announcements.Create(e.ctx, telecloud.AnnouncementCreateRequest{Subject: "s", Description: "d", ShowVAR: telecloud.Yes})
			return err
		}},
	{op: "Alerts/Edit", field: "Status", raw: url.Values{"alert_id": {"1"}}, msg: "The status parameter is required.",
		typed: func(e *e2e, c *telecloud.Client) error {
			_, err := c.Alerts.Edit(e.ctx, telecloud.AlertEditRequest{})
			return err
		}},
	{op: "Gateways/Delete", core: true, field: "GatewayID", raw: url.Values{}, msg: "The gateway_id parameter is required.",
		typed: func(e *e2e, c *telecloud.Client) error {
			_, err := c.Gateways.Delete(e.ctx, telecloud.GatewayDeleteRequest{})
			return err
		}},
	{op: "Discount/Copy", field: "FromCloudAccountNumber", msg: "The from_cloud_account_number parameter is required.",
		raw: url.Values{"cloud_account_type": {"PARTNER"}, "cloud_account_number": {"1"}, "from_cloud_account_type": {"PARTNER"}},
		typed: func(e *e2e, c *telecloud.Client) error {
			_, err := c.Discounts.Copy(e.ctx, telecloud.DiscountCopyRequest{CloudAccountType: telecloud.AccountPartner,
				CloudAccountNumber: "1", FromCloudAccountType: telecloud.AccountPartner})
			return err
		}},
}

func TestE2ERequiredParameters(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		rawCore := newRawClient(t, e.srv, telecloudtest.CoreAPIIDKey, telecloudtest.CoreAPIKey, e.format, e.style)
		for _, c := range requiredCases {
			typed, raw := e.c, e.raw
			if c.core {
				typed, raw = e.core, rawCore
			}
			before := e.srv.RequestCount("")
			err := c.typed(e, typed)
			require.Error(t, err, c.op)
			invalidInput(t, err, c.field)
			var ve *telecloud.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, c.op, ve.Op)
			assert.Equal(t, before, e.srv.RequestCount(""), "%s: nothing was sent", c.op)

			err = raw.Call(e.ctx, c.op, c.raw, nil)
			te := vendorError(t, err, c.msg)
			assert.Equal(t, before+1, e.srv.RequestCount(""), c.op)
			tx, ok := e.srv.Transaction(te.RequestID)
			require.True(t, ok, c.op)
			assert.Equal(t, "FAILED", tx.Status, c.op)
			assert.Equal(t, c.msg, tx.Error, c.op)
		}
	})
}

func TestE2EFlags(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		// A bad Y/N is refused before sending by the typed layer …
		before := e.srv.RequestCount("")
		_, err := e.core.Announcements.Create(e.ctx, telecloud.AnnouncementCreateRequest{Subject: "s", Description: "d", ShowVAR: "y",
			EmailNotification: telecloud.No})
		invalidInput(t, err, "ShowVAR")
		_, err = e.c.Orders.Search(e.ctx, telecloud.OrderSearchRequest{HideCancelled: "maybe"})
		invalidInput(t, err, "HideCancelled")
		_, err = e.c.Tickets.Reply(e.ctx, telecloud.TicketReplyRequest{TicketID: "x", Message: "m", Working: "YES"})
		invalidInput(t, err, "Working")
		assert.Equal(t, before, e.srv.RequestCount(""))

		// … and by the server, raw or through WithParam.
		rawCore := newRawClient(t, e.srv, telecloudtest.CoreAPIIDKey, telecloudtest.CoreAPIKey, e.format, e.style)
		err = rawCore.Call(e.ctx, "Announcements/Create", url.Values{"subject": {"s"}, "description": {"d"}, "show_var": {"X"}, "email_notification": {"N"}}, nil)
		vendorError(t, err, "Invalid show_var: it must be Y or N.")
		_, err = e.c.Orders.Search(e.ctx, telecloud.OrderSearchRequest{}, telecloud.WithParam("hide_cancelled", "maybe"))
		te := vendorError(t, err, "Invalid hide_cancelled: it must be Y or N.")
		assert.Empty(t, te.RequestID)
		_, err = e.c.Billing.Search(e.ctx, telecloud.BillingSearchRequest{}, telecloud.WithParam("billed", "X"))
		vendorError(t, err, "Invalid billed: it must be Y or N.")
		_, err = e.core.Gateways.Edit(e.ctx, telecloud.GatewayEditRequest{GatewayID: telecloudtest.SeedGateway}, telecloud.WithParam("default_cc_gateway", "1"))
		vendorError(t, err, "Invalid default_cc_gateway: it must be Y or N.")
		// Lower case is accepted by the server.
		res, err := e.c.Orders.Search(e.ctx, telecloud.OrderSearchRequest{}, telecloud.WithParam("hide_cancelled", "y"))
		require.NoError(t, err)
		assert.Empty(t, res.Orders)
		// Enumerations, likewise.
		err = e.raw.Call(e.ctx, "Customer/Credit", url.Values{"account_number": {telecloudtest.SeedCustomer}, "type": {"REFUND"}, "amount": {"1.00"}}, nil)
		vendorError(t, err, "Invalid type: valid options are DEBIT or CREDIT.")
		err = e.raw.Call(e.ctx, "Customer/Credit", url.Values{"account_number": {telecloudtest.SeedCustomer}, "type": {"CREDIT"}, "amount": {"ten"}}, nil)
		vendorError(t, err, "A full dollar amount must be supplied for the amount.")
	})
}

// ---------------------------------------------------------------------------
// Retries

func TestE2EFaults(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		// A 503 on a search is retried, and the retry succeeds.
		e.srv.InjectFault(telecloudtest.Fault{Path: "/Customer/Search", Status: http.StatusServiceUnavailable, Times: 1})
		res, err := e.c.Customers.Search(e.ctx, telecloud.CustomerSearchRequest{})
		require.NoError(t, err)
		require.Len(t, res.Customers, 1)
		assert.Equal(t, 2, e.srv.RequestCount("/Customer/Search"))

		// Two 503s and a dropped connection: three attempts, then success.
		e.srv.InjectFault(telecloudtest.Fault{Path: "/Order/Search", Status: http.StatusBadGateway, RetryAfter: "0", Times: 1})
		e.srv.InjectFault(telecloudtest.Fault{Path: "/Order/Search", Drop: true, Times: 1})
		_, err = e.c.Orders.Search(e.ctx, telecloud.OrderSearchRequest{})
		require.NoError(t, err)
		assert.Equal(t, 3, e.srv.RequestCount("/Order/Search"))

		// Too many: the search fails with the status, and the proxy's page quoted.
		e.srv.InjectFault(telecloudtest.Fault{Path: "/User/Search", Status: http.StatusServiceUnavailable})
		_, err = e.c.Users.Search(e.ctx, telecloud.UserSearchRequest{})
		require.ErrorIs(t, err, telecloud.ErrHTTPStatus)
		var te *telecloud.Error
		require.ErrorAs(t, err, &te)
		assert.Equal(t, http.StatusServiceUnavailable, te.HTTPStatus)
		assert.Contains(t, te.Body, "503 Service Unavailable")
		assert.Equal(t, 3, e.srv.RequestCount("/User/Search"), "MaxAttempts")
		e.srv.ClearFaults()

		// A 503 on a Create is not re-sent: the order may have been placed.
		e.srv.InjectFault(telecloudtest.Fault{Path: "/Order/Create", Status: http.StatusServiceUnavailable, Times: 1})
		_, err = e.c.Orders.Create(e.ctx, telecloud.OrderCreateRequest{AccountNumber: telecloudtest.SeedCustomer,
			RatePlanID: telecloudtest.SeedRatePlan, Vars: telecloud.VarValues{1: testIMEI, 2: testICCID}})
		require.ErrorIs(t, err, telecloud.ErrHTTPStatus)
		assert.NotErrorIs(t, err, telecloud.ErrVendor)
		assert.Equal(t, 1, e.srv.RequestCount("/Order/Create"), "sent once")
		_, ok := e.srv.Order("4618QV4618")
		assert.False(t, ok, "a faulted request never reaches the state")
		assert.Equal(t, telecloudtest.SeedVARBalance, e.balance(telecloudtest.SeedVARAccount))
		// Nor are Qualify and Estimate, reads but not searches.
		e.srv.InjectFault(telecloudtest.Fault{Path: "/Customer/Qualify", Status: http.StatusServiceUnavailable, Times: 1})
		_, err = e.c.Customers.Qualify(e.ctx, telecloud.CustomerQualifyRequest{AccountNumber: telecloudtest.SeedCustomer})
		require.ErrorIs(t, err, telecloud.ErrHTTPStatus)
		assert.Equal(t, 1, e.srv.RequestCount("/Customer/Qualify"))
		// The fault was used up: the next Create goes through.
		e.newOrder(telecloudtest.SeedCustomer)
		assert.Equal(t, 2, e.srv.RequestCount("/Order/Create"))
	})
}

// ---------------------------------------------------------------------------
// Client.Call and the call options

func TestE2ECall(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		// Raw parameters into a custom struct with `tc` tags.
		var created struct {
			telecloud.Meta
			Account string `tc:"customer>account_number"`
		}
		require.NoError(t, e.raw.Call(e.ctx, "Customer/Create", url.Values{"first_name": {"Ada"}, "last_name": {"Lovelace"},
			"zip_code": {"17109"}, "password": {"12345678"}}, &created))
		assert.Equal(t, "7105046", created.Account)
		assert.NotEmpty(t, created.TransID)
		var found struct {
			telecloud.Meta
			Customers []struct {
				Account  string           `tc:"account_number,attr"`
				First    string           `tc:"FIRST_NAME"`
				Zip      string           `tc:"ZIP_CODE"`
				Password telecloud.Secret `tc:"PASSWORD"`
				Credit   telecloud.Money  `tc:"ACCOUNT_CREDIT"`
				Status   telecloud.Status `tc:"STATUS"`
			} `tc:"customer"`
		}
		require.NoError(t, e.raw.Call(e.ctx, "Customer/Search", url.Values{"zip_code": {"17109"}, "first_name": {"ada"}}, &found))
		require.Len(t, found.Customers, 1)
		assert.Equal(t, "7105046", found.Customers[0].Account)
		assert.Equal(t, "Ada", found.Customers[0].First)
		assert.Equal(t, "12345678", found.Customers[0].Password.Reveal())
		assertMoney(t, "0.00", found.Customers[0].Credit)
		assert.Equal(t, telecloud.StatusActive, found.Customers[0].Status)

		// The verb is the table's for a typed method: Order/Status is a POST.
		on := e.newOrder(telecloudtest.SeedCustomer)
		var st struct {
			telecloud.Meta
			Number string                `tc:"order>order_number,attr"`
			Status telecloud.OrderStatus `tc:"order>status"`
		}
		e.srv.ResetRequests()
		require.NoError(t, e.raw.Call(e.ctx, "Order/Status", url.Values{"account_number": {telecloudtest.SeedCustomer}, "order_number": {on}}, &st))
		assert.Equal(t, on, st.Number)
		assert.Equal(t, telecloud.OrderSuspended, st.Status)
		reqs := e.srv.Requests()
		require.Len(t, reqs, 1)
		assert.Equal(t, http.MethodPost, reqs[0].Method)
		assert.Equal(t, e.path("Order/Status", ""), reqs[0].Path)
		assert.Equal(t, on, reqs[0].Params().Get("order_number"))
		assert.Equal(t, "REDACTED", reqs[0].Params().Get("API_KEY"))

		// The raw body; nil to ignore the answer.
		var body []byte
		require.NoError(t, e.raw.Call(e.ctx, "Order/Search", url.Values{"order_number": {on}}, &body))
		if e.xml() {
			assert.True(t, strings.HasPrefix(string(body), "<?xml"), "%s", body)
		} else {
			assert.True(t, strings.HasPrefix(string(body), "{"), "%s", body)
		}
		assert.Contains(t, string(body), "SUSPENDED")
		require.NoError(t, e.raw.Call(e.ctx, "Order/Status", url.Values{"account_number": {telecloudtest.SeedCustomer}, "order_number": {on}}, nil))
		assert.Equal(t, telecloud.OrderActive, e.order(on).Status)

		// Unknown methods come back as the vendor's error; bad ops are refused.
		err := e.raw.Call(e.ctx, "Order/Teleport", url.Values{}, nil)
		require.ErrorIs(t, err, telecloud.ErrVendor)
		var te *telecloud.Error
		require.ErrorAs(t, err, &te)
		assert.Equal(t, "Unknown service or method: Order/Teleport.", te.Message)
		assert.Empty(t, te.RequestID, "refused before routing: no transaction")
		err = e.raw.Call(e.ctx, "Order", url.Values{}, nil)
		invalidInput(t, err, "op")
		// Secret-named parameters stay out of errors.
		err = e.raw.Call(e.ctx, "PaymentMethod/Create", url.Values{"type": {"CC"}, "payment_account_number": {"4111111111111112"},
			"expiration_month": {"01"}, "expiration_year": {"30"}, "cvv": {"987"}}, nil)
		te = vendorError(t, err, "Invalid payment_account_number: not a valid card number.")
		assert.NotContains(t, te.Error(), "4111111111111112")
		assert.NotContains(t, e.transaction(te.RequestID).FullRequest, "987")
	})
}

func TestE2ECallOptions(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		// WithParam overrides what the typed request sends under a wire name.
		cr, err := e.c.Customers.Create(e.ctx, telecloud.CustomerCreateRequest{FirstName: "Ada", LastName: "Lovelace", ZipCode: "00000"},
			telecloud.WithParam("zip_code", "17109"), telecloud.WithParam("custom_field_2", "from WithParam"))
		require.NoError(t, err)
		cu := e.customer(cr.AccountNumber)
		assert.Equal(t, "17109", cu.ZipCode)
		assert.Equal(t, "from WithParam", cu.CustomField2)
		// … and can add a parameter under another name: the server reads
		// Order/Replenish's payment method as paymentmethod_id.
		pm, err := e.c.PaymentMethods.Create(e.ctx, telecloud.PaymentMethodCreateRequest{AccountNumber: cr.AccountNumber,
			Type: telecloud.PaymentCard, Number: telecloud.NewSecret(testCard), ExpirationMonth: "12", ExpirationYear: "30", CVV: telecloud.NewSecret("123")})
		require.NoError(t, err)
		on := e.newOrder(cr.AccountNumber)
		_, err = e.c.Orders.Replenish(e.ctx, telecloud.OrderReplenishRequest{AccountNumber: cr.AccountNumber, OrderNumber: on},
			telecloud.WithParams(url.Values{"paymentmethod_id": {"999"}}))
		vendorError(t, err, "Payment method 999 not found on account "+cr.AccountNumber+".")
		_, err = e.c.Orders.Replenish(e.ctx, telecloud.OrderReplenishRequest{AccountNumber: cr.AccountNumber, OrderNumber: on, PaymentMethodID: pm.PaymentMethod.ID})
		require.NoError(t, err)

		// WithoutParam removes one.
		_, err = e.c.Customers.Edit(e.ctx, telecloud.CustomerEditRequest{AccountNumber: cr.AccountNumber, FirstName: "Augusta", LastName: "King"},
			telecloud.WithoutParam("last_name"))
		require.NoError(t, err)
		cu = e.customer(cr.AccountNumber)
		assert.Equal(t, "Augusta", cu.FirstName)
		assert.Equal(t, "Lovelace", cu.LastName)
		// The credentials cannot be overridden.
		_, err = e.c.Users.Search(e.ctx, telecloud.UserSearchRequest{}, telecloud.WithParam("API_KEY", "stolen"))
		require.NoError(t, err)

		// InFormat asks for one answer in the other format; the result is the same.
		other := telecloud.FormatJSON
		if !e.xml() {
			other = telecloud.FormatXML
		}
		e.srv.ResetRequests()
		res, err := e.c.Orders.Search(e.ctx, telecloud.OrderSearchRequest{OrderNumber: on}, telecloud.InFormat(other))
		require.NoError(t, err)
		require.Len(t, res.Orders, 1)
		assert.Equal(t, e.order(on).Product, res.Orders[0].Product)
		reqs := e.srv.Requests()
		require.Len(t, reqs, 2)
		assert.True(t, strings.HasPrefix(reqs[0].Path, e.path("Order/Search", other)+"?"), reqs[0].Path)
		assert.True(t, strings.HasPrefix(reqs[1].Path, e.path("Order/Search", "")+"?"), reqs[1].Path)
		_, err = e.c.Orders.Search(e.ctx, telecloud.OrderSearchRequest{}, telecloud.InFormat("yaml"))
		invalidInput(t, err, "format")
	})
}

// TestE2EConcurrentOrders places orders from many goroutines on one client
// (run with -race): each gets its own number and charge.
func TestE2EConcurrentOrders(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		const n = 20
		numbers := make(chan string, n)
		errs := make(chan error, n)
		for range n {
			go func() {
				res, err := e.c.Orders.Create(e.ctx, telecloud.OrderCreateRequest{AccountNumber: telecloudtest.SeedCustomer,
					RatePlanID: telecloudtest.SeedRatePlan, Vars: telecloud.VarValues{1: testIMEI, 2: testICCID}})
				if err != nil {
					errs <- err
					return
				}
				numbers <- res.Order.OrderNumber
			}()
		}
		seen := map[string]bool{}
		for range n {
			select {
			case err := <-errs:
				require.NoError(t, err)
			case on := <-numbers:
				seen[on] = true
			}
		}
		assert.Len(t, seen, n)
		assert.Equal(t, "257.00", e.balance(telecloudtest.SeedVARAccount), "657.00 less 20 × 20.00")
		res, err := e.c.Orders.Search(e.ctx, telecloud.OrderSearchRequest{AccountNumber: telecloudtest.SeedCustomer})
		require.NoError(t, err)
		assert.Len(t, res.Orders, n)
	})
}
