package telecloud

// The resource services of a Client. Their methods are in one file each
// (alerts.go, customers.go, orders.go …).

// AlertsService reaches Alerts/*: the alerts and announcements addressed to the API user.
type AlertsService struct{ c *Client }

// AnnouncementsService reaches Announcements/*: announcements posted to the accounts below yours.
type AnnouncementsService struct{ c *Client }

// BillingService reaches Billing/*: billing history, manual debits and credits, reversals, adding funds.
type BillingService struct{ c *Client }

// CloudAccountsService reaches CloudAccount/*: the VAR, PARTNER and AFFILIATE accounts under yours.
type CloudAccountsService struct{ c *Client }

// CustomersService reaches Customer/*: customer accounts, qualification, estimates, notations, credits.
type CustomersService struct{ c *Client }

// DiscountsService reaches Discount/*: product discounts of cloud accounts.
type DiscountsService struct{ c *Client }

// GatewaysService reaches Gateways/*: payment gateways.
type GatewaysService struct{ c *Client }

// ModulesService reaches Module/*: real-time provisioning modules of product groups.
type ModulesService struct{ c *Client }

// NotificationsService reaches Notifications/*: customer notifications and their templates.
type NotificationsService struct{ c *Client }

// OrdersService reaches Order/*: orders (services) on customer accounts and their lifecycle.
type OrdersService struct{ c *Client }

// PaymentMethodsService reaches PaymentMethod/*: cards and bank accounts of customers and cloud accounts.
type PaymentMethodsService struct{ c *Client }

// PlansService reaches Plan/*: VAR rate plans built on products.
type PlansService struct{ c *Client }

// ProductGroupsService reaches ProductGroup/*: product groups with their variables and modules.
type ProductGroupsService struct{ c *Client }

// PromosService reaches Promo/*: promotional codes.
type PromosService struct{ c *Client }

// ReportsService reaches Reports/*: order, financial and ticket summaries.
type ReportsService struct{ c *Client }

// TicketsService reaches Ticket/*: support tickets and their replies.
type TicketsService struct{ c *Client }

// TransactionsService reaches Transaction/*: the log of API calls and their status.
type TransactionsService struct{ c *Client }

// UsageComponentsService reaches UsageComponent/*: metered components of products.
type UsageComponentsService struct{ c *Client }

// UsersService reaches User/*: the users of your cloud account.
type UsersService struct{ c *Client }
