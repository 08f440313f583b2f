package telecloud_test

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/telecloud"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

// End-to-end tests of PaymentMethod (see e2e_test.go).

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
