package telecloudtest

import (
	"net/http"
	"strings"
)

// routes are the 76 service/methods, each with the parameters refused when
// missing (those the client's wire tables mark required; handlers check the
// ones the reference's descriptions require beyond them).
var routes = map[string]routeSpec{}

func init() {
	add := func(op string, h handler, required ...string) {
		_, method, _ := strings.Cut(op, "/")
		verb := verbFor(method)
		routes[op] = routeSpec{verb: verb, search: verb == http.MethodGet, required: required, h: h}
	}
	add("Alerts/Search", alertsSearch)
	add("Alerts/Edit", alertsEdit, "status")
	add("Announcements/Search", announcementsSearch)
	add("Announcements/Create", announcementsCreate, "subject", "description", "email_notification")
	add("Announcements/Delete", announcementsDelete, "announcement_id")

	add("Billing/Search", billingSearch)
	add("Billing/Create", billingCreate, "cloud_account_type", "cloud_account_number", "type", "amount")
	add("Billing/Reverse", billingReverse, "billing_trans_id")
	add("Billing/AddFunds", billingAddFunds, "amount")

	add("CloudAccount/Search", cloudAccountSearch)
	add("CloudAccount/Create", cloudAccountCreate, "cloud_account_type", "company_name", "email")
	add("CloudAccount/Edit", cloudAccountEdit, "cloud_account_number")
	add("CloudAccount/Delete", cloudAccountDelete, "cloud_account_type", "cloud_account_number")

	add("Customer/Search", customerSearch)
	add("Customer/Create", customerCreate, "first_name", "last_name")
	add("Customer/Edit", customerEdit, "account_number")
	add("Customer/Delete", customerDelete, "account_number")
	add("Customer/Qualify", customerQualify, "account_number")
	add("Customer/Estimate", customerEstimate, "account_number", "rate_plan_id")
	add("Customer/Notation", customerNotation, "account_number", "content")
	add("Customer/Credit", customerCredit, "account_number", "type", "amount")

	add("Discount/Search", discountSearch)
	add("Discount/Create", discountCreate, "cloud_account_type", "cloud_account_number", "product_id")
	add("Discount/Copy", discountCopy, "cloud_account_type", "cloud_account_number", "from_cloud_account_type", "from_cloud_account_number")
	add("Discount/Delete", discountDelete, "cloud_account_type", "cloud_account_number")

	add("Gateways/Search", gatewaysSearch)
	add("Gateways/Create", gatewaysCreate, "name")
	add("Gateways/Delete", gatewaysDelete, "gateway_id")
	add("Gateways/Edit", gatewaysEdit, "gateway_id")

	add("Module/Search", moduleSearch)
	add("Module/Create", moduleCreate, "type", "name")
	add("Module/Edit", moduleEdit, "module_id")
	add("Module/Delete", moduleDelete, "module_id")

	add("Notifications/Search", notificationsSearch)
	add("Notifications/Create", notificationsCreate, "event", "html")
	add("Notifications/Edit", notificationsEdit, "notification_id")
	add("Notifications/Delete", notificationsDelete, "notification_id")
	add("Notifications/SearchTemplate", notificationsSearchTemplate)

	add("Order/Search", orderSearch)
	add("Order/Create", orderCreate, "account_number", "rate_plan_id")
	add("Order/Status", orderStatus, "account_number", "order_number")
	add("Order/Move", orderMove, "order_number", "account_number", "new_account_number")
	add("Order/Cancel", orderCancel, "account_number", "order_number")
	add("Order/Swap", orderSwap, "account_number", "order_number")
	add("Order/Replenish", orderReplenish, "account_number", "order_number")
	add("Order/Update", orderUpdate, "account_number", "order_number")
	add("Order/Unstack", orderUnstack, "account_number", "order_number", "stacked_plan_id")
	add("Order/ReportUsage", orderReportUsage, "account_number", "component_id", "order_number", "units")

	add("PaymentMethod/Create", paymentMethodCreate, "type")
	add("PaymentMethod/Edit", paymentMethodEdit, "payment_method_id")
	add("PaymentMethod/Delete", paymentMethodDelete, "payment_method_id", "account_number")
	add("PaymentMethod/Verify", paymentMethodVerify, "payment_method_id", "amount_1", "amount_2")
	add("PaymentMethod/Search", paymentMethodSearch)

	add("Plan/Search", planSearch)
	add("Plan/Create", planCreate, "name")
	add("Plan/Edit", planEdit)
	add("Plan/Delete", planDelete)

	add("ProductGroup/Search", productGroupSearch)
	add("ProductGroup/Create", productGroupCreate, "name")
	add("ProductGroup/Edit", productGroupEdit, "product_group_id")

	add("Promo/Search", promoSearch)
	add("Promo/Create", promoCreate, "promo_code", "value")
	add("Promo/Delete", promoDelete, "promo_code")

	add("Reports/Search", reportsSearch)

	add("Ticket/Search", ticketSearch)
	add("Ticket/Create", ticketCreate, "subject", "message")
	add("Ticket/Reply", ticketReply, "ticket_id", "message")
	add("Ticket/Edit", ticketEdit, "ticket_id", "status")

	add("Transaction/Search", transactionSearch)

	add("UsageComponent/Search", usageComponentSearch)
	add("UsageComponent/Create", usageComponentCreate, "product_group_id", "name")
	add("UsageComponent/Edit", usageComponentEdit, "component_id")
	add("UsageComponent/Delete", usageComponentDelete, "component_id")

	add("User/Search", userSearch)
	add("User/Create", userCreate, "email")
	add("User/Edit", userEdit, "user_id")
}
