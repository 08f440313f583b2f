package telecloud_test

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/telecloud"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

// End-to-end tests of Ticket (see e2e_test.go).

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
