package telecloud_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/telecloud"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

// End-to-end tests of Billing (see e2e_test.go).

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
