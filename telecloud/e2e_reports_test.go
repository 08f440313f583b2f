package telecloud_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/telecloud"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

// End-to-end tests of Reports (see e2e_test.go).

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
