package telecloud_test

import (
	"context"
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

// End-to-end tests of Order (see e2e_test.go).

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
