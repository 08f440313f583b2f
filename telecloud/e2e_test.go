package telecloud_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

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
// Each service's tests are in e2e_<service>_test.go; this file holds the
// cross-cutting behaviour: the error envelope, required parameters,
// credentials, retries, Client.Call and the call options.

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
