package telecloud_test

import (
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/telecloud"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

// End-to-end tests of Customer (see e2e_test.go).

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
