package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/ispkit/ispkit/telecloud"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

// Real TeleCloud.app credentials; when any is missing the flow runs against an
// in-process telecloudtest server. Against the real service it creates a
// customer and places (then cancels) a real order on the first rate plan the
// customer qualifies for; a card is added only when TELECLOUD_CARD_NUMBER,
// TELECLOUD_CARD_EXP (MM/YY) and TELECLOUD_CARD_CVV are set.
const (
	envTeleCloudIDKey   = "TELECLOUD_API_ID_KEY"
	envTeleCloudAPIKey  = "TELECLOUD_API_KEY"
	envTeleCloudBaseURL = "TELECLOUD_BASE_URL"
	envTeleCloudCard    = "TELECLOUD_CARD_NUMBER"
	envTeleCloudCardExp = "TELECLOUD_CARD_EXP"
	envTeleCloudCardCVV = "TELECLOUD_CARD_CVV"
)

// teleCloudCard is the test card of the in-memory server.
type teleCloudCard struct{ number, month, year, cvv string }

// teleCloudSetup prepares the in-memory catalogue as its CORE account would:
// a metered usage component on the seeded product.
func teleCloudSetup(ctx context.Context, base string) (string, error) {
	core, err := telecloud.New(telecloud.Credentials{APIIDKey: telecloud.NewSecret(telecloudtest.CoreAPIIDKey), APIKey: telecloud.NewSecret(telecloudtest.CoreAPIKey)},
		telecloud.WithBaseURL(base), telecloud.WithUserAgent("ispkit-quickstart"))
	if err != nil {
		return "", err
	}
	zero := 0
	comp, err := core.UsageComponents.Create(ctx, telecloud.UsageComponentCreateRequest{
		ProductGroupID: telecloudtest.SeedProductGroup, Name: "Data usage (MB)", Description: "Megabytes beyond the plan.",
		StartingQuantity: &zero, UnitPrice: telecloud.MustMoney("0.0100"), ResetWithCycle: telecloud.Yes, VarSetsMaximum: telecloud.No,
	})
	if err != nil {
		return "", err
	}
	id := comp.Component.ComponentID
	_, err = core.Plans.Edit(ctx, telecloud.PlanEditRequest{ProductID: telecloudtest.SeedProduct, ComponentIDs: []string{id}})
	return id, err
}

func teleCloudClient(p *printer) (*telecloud.Client, *teleCloudCard, func(), error) {
	creds := telecloud.Credentials{APIIDKey: telecloud.NewSecret(os.Getenv(envTeleCloudIDKey)), APIKey: telecloud.NewSecret(os.Getenv(envTeleCloudAPIKey))}
	base := os.Getenv(envTeleCloudBaseURL)
	if !creds.APIIDKey.IsZero() && !creds.APIKey.IsZero() && base != "" {
		p.note("using TeleCloud.app at %s (from %s)", base, envTeleCloudBaseURL)
		c, err := telecloud.New(creds, telecloud.WithBaseURL(base), telecloud.WithUserAgent("ispkit-quickstart"))
		var card *teleCloudCard
		if n, exp, cvv := os.Getenv(envTeleCloudCard), os.Getenv(envTeleCloudCardExp), os.Getenv(envTeleCloudCardCVV); n != "" && len(exp) == 5 && cvv != "" {
			card = &teleCloudCard{number: n, month: exp[:2], year: exp[3:], cvv: cvv}
		}
		return c, card, func() {}, err
	}
	srv := telecloudtest.NewServer(telecloudtest.WithOrderDelay(300 * time.Millisecond))
	p.note("using an in-memory TeleCloud.app (set %s, %s and %s for the real one)", envTeleCloudIDKey, envTeleCloudAPIKey, envTeleCloudBaseURL)
	comp, err := teleCloudSetup(context.Background(), srv.BaseURL())
	if err != nil {
		srv.Close()
		return nil, nil, nil, fmt.Errorf("setting up the in-memory catalogue: %w", err)
	}
	p.note("the CORE account metered product %s with usage component %s", telecloudtest.SeedProduct, comp)
	c := srv.Client(telecloud.WithUserAgent("ispkit-quickstart"))
	return c, &teleCloudCard{number: "4111111111111111", month: "12", year: "30", cvv: "123"}, srv.Close, nil
}

// runTeleCloud: create a customer, qualify and estimate, add a card, place an
// order and wait until it is active, swap a SIM, report usage, replenish,
// open and answer a ticket, and cancel the order.
func runTeleCloud(ctx context.Context, p *printer) error {
	c, card, done, err := teleCloudClient(p)
	if err != nil {
		return err
	}
	defer done()
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()

	var account, paymentID, orderNumber, ticketID string
	var plan telecloud.QualifyRatePlan
	var components []telecloud.UsageComponent
	steps := []struct {
		name string
		fn   func() (string, error)
	}{
		{"create customer", func() (string, error) {
			res, err := c.Customers.Create(ctx, telecloud.CustomerCreateRequest{
				FirstName: "Ada", LastName: "Lovelace", Address: "12 Analytical Way", City: "Harrisburg",
				State: "PA", ZipCode: "17109", Email: "ada@example.com", Phone: "2145551212", Password: telecloud.NewSecret("88888811"),
			})
			if err != nil {
				return "", err
			}
			account = res.AccountNumber
			return "account " + account + ", trans_id " + res.TransID, nil
		}},
		{"qualify", func() (string, error) {
			res, err := c.Customers.Qualify(ctx, telecloud.CustomerQualifyRequest{AccountNumber: account, QualifyType: telecloud.QualifyNew})
			if err != nil {
				return "", err
			}
			plans := res.RatePlans()
			for _, rp := range plans {
				if rp.Product.Type != telecloud.ProductAddOn {
					plan = rp
					break
				}
			}
			if plan.Product == nil {
				return "", errors.New("the customer qualifies for no rate plan")
			}
			prompts := 0
			for _, v := range plan.Product.Variables {
				if v.Prompt.Bool() {
					prompts++
				}
			}
			comps, err := c.UsageComponents.Search(ctx, telecloud.UsageComponentSearchRequest{ProductID: plan.Product.ProductID})
			if err != nil {
				return "", err
			}
			components = comps.Components
			return fmt.Sprintf("%d rate plan(s); %q at $%s, %d variables to fill, %d usage component(s)",
				len(plans), plan.Plan.Name, plan.Plan.Price, prompts, len(components)), nil
		}},
		{"estimate with a promo", func() (string, error) {
			res, err := c.Customers.Estimate(ctx, telecloud.CustomerEstimateRequest{
				Type: telecloud.QualifyNew, AccountNumber: account, RatePlanID: plan.Plan.RatePlanID, PromoCode: telecloudtest.SeedPromoCode,
			})
			if err != nil {
				return "", err
			}
			e := res.Estimate
			return fmt.Sprintf("customer pays $%s (promo −$%s), you pay $%s, balance after $%s",
				e.Customer.Total, e.Customer.Promo.Discount, e.Client.Total, e.Client.EndBalance), nil
		}},
		{"add a card", func() (string, error) {
			if card == nil {
				return "skipped: no card in the environment", nil
			}
			res, err := c.PaymentMethods.Create(ctx, telecloud.PaymentMethodCreateRequest{
				AccountNumber: account, Type: telecloud.PaymentCard, Number: telecloud.NewSecret(card.number),
				ExpirationMonth: card.month, ExpirationYear: card.year, CVV: telecloud.NewSecret(card.cvv),
			})
			if err != nil {
				return "", err
			}
			paymentID = res.PaymentMethod.ID
			return "payment method " + paymentID, nil
		}},
		{"create order", func() (string, error) {
			res, err := c.Orders.Create(ctx, telecloud.OrderCreateRequest{
				AccountNumber: account, RatePlanID: plan.Plan.RatePlanID, PaymentMethodID: paymentID,
				PromoCode:          telecloudtest.SeedPromoCode,
				Vars:               teleCloudVars(plan.Product.Variables, "353145418070512", "8901410327181008559"),
				AttachedComponents: attach(components),
			})
			if err != nil {
				return "", err
			}
			orderNumber = res.Order.OrderNumber
			return fmt.Sprintf("order %s is %s (trans_id %s)", orderNumber, res.Order.Status, res.TransID), nil
		}},
		{"wait until active", func() (string, error) {
			o, err := c.Orders.Wait(ctx, orderNumber, &telecloud.WaitOptions{MinInterval: 100 * time.Millisecond, AccountNumber: account})
			if err != nil {
				return "", err
			}
			if o.Status != telecloud.OrderActive {
				return "", fmt.Errorf("order %s ended %s", orderNumber, o.Status)
			}
			return fmt.Sprintf("%s, plan %q expires %s", o.Status, o.Product.Plan.Name, o.Product.Plan.ExpirationDate.Format("2006-01-02")), nil
		}},
		{"swap the SIM", func() (string, error) {
			iccid, ok := plan.Product.Variables.ByName("ICCID")
			if !ok || !iccid.Swappable.Bool() {
				return "skipped: the product has no swappable ICCID", nil
			}
			_, err := c.Orders.Swap(ctx, telecloud.OrderSwapRequest{
				AccountNumber: account, OrderNumber: orderNumber, Vars: telecloud.VarValues{iccid.Slot: "8901410327181008567"},
			})
			if err != nil {
				return "", err
			}
			return fmt.Sprintf("VAR%d (ICCID) is now 8901410327181008567", iccid.Slot), nil
		}},
		{"report usage", func() (string, error) {
			if len(components) == 0 {
				return "skipped: the product has no usage component", nil
			}
			units := 250
			res, err := c.Orders.ReportUsage(ctx, telecloud.OrderReportUsageRequest{
				AccountNumber: account, OrderNumber: orderNumber, ComponentID: components[0].ComponentID,
				Units: &units, Mode: telecloud.UsageAdditive,
			})
			if err != nil {
				return "", err
			}
			detail := fmt.Sprintf("%d units of %q", units, components[0].Name)
			for _, u := range res.Order.Components {
				detail += fmt.Sprintf("; %s → %s units, $%s", u.OldValue, u.NewValue, u.Total)
			}
			return detail, nil
		}},
		{"replenish", func() (string, error) {
			res, err := c.Orders.Replenish(ctx, telecloud.OrderReplenishRequest{
				AccountNumber: account, OrderNumber: orderNumber, RatePlanID: plan.Plan.RatePlanID, PaymentMethodID: paymentID,
			})
			if err != nil {
				return "", err
			}
			return "expires " + res.Order.ExpirationDate.Format("2006-01-02"), nil
		}},
		{"open a ticket as the customer", func() (string, error) {
			res, err := c.Tickets.Create(ctx, telecloud.TicketCreateRequest{
				Subject: "No data after the SIM swap", Message: "The phone shows no data since this morning.",
				Direction: telecloud.TicketExternalCustomer, AccountNumber: account, OrderNumber: orderNumber,
			})
			if err != nil {
				return "", err
			}
			ticketID = res.Ticket.TicketID
			return "ticket " + ticketID, nil
		}},
		{"answer the ticket", func() (string, error) {
			_, err := c.Tickets.Reply(ctx, telecloud.TicketReplyRequest{
				TicketID: ticketID, Message: "Please restart the phone: the new SIM is active.",
			})
			if err != nil {
				return "", err
			}
			res, err := c.Tickets.Search(ctx, telecloud.TicketSearchRequest{TicketID: ticketID})
			if err != nil {
				return "", err
			}
			if len(res.Tickets) != 1 {
				return "", fmt.Errorf("ticket %s not found", ticketID)
			}
			return fmt.Sprintf("%s, %d replies", res.Tickets[0].Status, len(res.Tickets[0].Replies)), nil
		}},
		{"cancel the order", func() (string, error) {
			res, err := c.Orders.Cancel(ctx, telecloud.OrderCancelRequest{AccountNumber: account, OrderNumber: orderNumber})
			if err != nil {
				return "", err
			}
			return string(res.Order.Status), nil
		}},
		{"a refusal, typed", func() (string, error) {
			_, err := c.Customers.Delete(ctx, telecloud.CustomerDeleteRequest{AccountNumber: account})
			var e *telecloud.Error
			if !errors.As(err, &e) {
				return "", fmt.Errorf("deleting a customer with orders: want a *telecloud.Error, got %v", err)
			}
			return fmt.Sprintf("Customer/Delete refused (trans_id %s): %s", e.RequestID, e.Message), nil
		}},
	}
	for _, s := range steps {
		if err := p.step(s.name, s.fn); err != nil {
			return err
		}
	}
	return nil
}

// attach lists every usage component of the product on the order.
func attach(comps []telecloud.UsageComponent) telecloud.AttachedComponents {
	var out telecloud.AttachedComponents
	for _, c := range comps {
		out = append(out, telecloud.AttachedComponent{ComponentID: c.ComponentID})
	}
	return out
}

// teleCloudVars fills the IMEI and ICCID variables of a product by name.
func teleCloudVars(defs telecloud.Variables, imei, iccid string) telecloud.VarValues {
	vals := telecloud.VarValues{}
	if v, ok := defs.ByName("IMEI"); ok {
		vals[v.Slot] = imei
	}
	if v, ok := defs.ByName("ICCID"); ok {
		vals[v.Slot] = iccid
	}
	return vals
}
