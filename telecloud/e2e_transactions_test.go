package telecloud_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/telecloud"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

// End-to-end tests of Transaction (see e2e_test.go).

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
