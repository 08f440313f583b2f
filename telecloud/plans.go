package telecloud

import (
	"context"
	"strings"
)

// PlanStatus is the status of a rate plan or product.
type PlanStatus int

// The rate plan statuses.
const (
	PlanActive        PlanStatus = 1 // orderable
	PlanLocked        PlanStatus = 2 // not orderable
	PlanDeleted       PlanStatus = 3 // deleted (Plan/Delete)
	PlanReplenishOnly PlanStatus = 4 // VAR rate plans only: existing orders may replenish on it, new orders may not
)

// String returns "ACTIVE", "LOCKED", "DELETED", "REPLENISH ONLY" or the number.
func (s PlanStatus) String() string {
	switch s {
	case PlanActive:
		return "ACTIVE"
	case PlanLocked:
		return "LOCKED"
	case PlanDeleted:
		return "DELETED"
	case PlanReplenishOnly:
		return "REPLENISH ONLY"
	}
	return Status(s).String()
}

// PlanSearchRequest holds the criteria of Plan/Search. Leave the cloud
// account empty to list your own account's plans.
type PlanSearchRequest struct {
	// CloudAccountType is the type of the cloud account whose rate plans to
	// list; empty for your own account.
	CloudAccountType AccountType
	// CloudAccountNumber is the cloud account whose rate plans to list;
	// empty for your own account.
	CloudAccountNumber string
	// ProductGroupID shows the rate plans of one product group.
	ProductGroupID string
}

func (r *PlanSearchRequest) validate() error {
	return checkCloudAccountPair(r.CloudAccountType, r.CloudAccountNumber)
}

// PlanSearchResponse is the answer of Plan/Search.
type PlanSearchResponse struct {
	Meta
	// Groups are the product groups found, each with its products.
	Groups []PlanGroup `tc:"Plans"`
}

// PlanGroup is a product group with its products, as Plan/Search lists them.
type PlanGroup struct {
	// ProductGroupID identifies the product group.
	ProductGroupID string `tc:"product_group_id,attr"`
	// ProductGroupName is the product group's name.
	ProductGroupName string `tc:"product_group_name,attr"`
	// Products are the products (rate plans) of the group.
	Products []Product `tc:"product"`
}

// Product is a CORE product (a CORE rate plan), as Plan/Search lists it and
// Plan/Create and Plan/Edit return it to a CORE.
type Product struct {
	// ProductID identifies the product.
	ProductID string `tc:"product_id,attr"`
	// ProductGroupID is the product's product group.
	ProductGroupID string `tc:"product_group_id,attr"`
	// CarrierProductID is the plan name, ID or code provisioned with the
	// carrier or service provider (passed to the module).
	CarrierProductID string `tc:"carrier_product_id,attr"`
	// ProductType is TRADITIONAL or ADD-ON.
	ProductType ProductType `tc:"product_type,attr"`
	// Name is the product's name.
	Name string `tc:"name"`
	// Description describes the product.
	Description string `tc:"description"`
	// RecurringPrice is the price of a cycle (Plan/Create, Plan/Edit).
	RecurringPrice Money `tc:"recurring_price"`
	// SetupPrice is the setup price (Plan/Create, Plan/Edit).
	SetupPrice Money `tc:"setup_price"`
	// DiscountRecurringPrice is your price of a cycle, after your discount
	// (Plan/Search).
	DiscountRecurringPrice Money `tc:"discount_recurring_price"`
	// DiscountSetupPrice is your setup price, after your discount (Plan/Search).
	DiscountSetupPrice Money `tc:"discount_setup_price"`
	// CycleLength is the number of days of a cycle.
	CycleLength int `tc:"cycle_length"`
	// PromptForVariables is Y when variables are asked for when the product
	// is ordered.
	PromptForVariables Flag `tc:"prompt_for_variables"`
	// ReplenishWithPlan is Y when an add-on is replenished with the primary product.
	ReplenishWithPlan Flag `tc:"replenish_with_plan"`
	// Components are the usage components linked to the product.
	Components []PlanComponent `tc:"UsageComponents>component"`
	// Status is the product's status.
	Status PlanStatus `tc:"status"`
	// RatePlans are the caller's (a VAR's) rate plans on the product, as
	// Plan/Search may list them under it: the reference calls Plan/Search
	// "a list of all rate plans connected to your Cloud account" but its
	// example shows none (inferred; the fake lists them).
	RatePlans []RatePlan `tc:"plan"`
}

// PlanComponent is a usage component linked to a product, as Plan/Search
// lists it (its status is an attribute there).
type PlanComponent struct {
	// ComponentID identifies the usage component.
	ComponentID string `tc:"component_id,attr"`
	// ProductGroupID is the component's product group.
	ProductGroupID string `tc:"product_group_id,attr"`
	// Status is the component's status (1 active, 2 suspended, 3 deleted).
	Status Status `tc:"status,attr"`
	// Name is the component's name.
	Name string `tc:"name"`
	// Description describes the component.
	Description string `tc:"description"`
	// StartingQuantity is the quantity included before billing starts.
	StartingQuantity int `tc:"starting_quantity"`
	// UnitPrice is the price of one unit.
	UnitPrice Money `tc:"unit_price"`
	// ResetWithCycle is Y when the unit count restarts on replenishment.
	ResetWithCycle Flag `tc:"reset_with_cycle"`
	// VarSetsMaximum is Y when the VAR may set a maximum.
	VarSetsMaximum Flag `tc:"var_sets_maximum"`
}

// RatePlan is a VAR rate plan, as Plan/Create and Plan/Delete return it to a VAR.
type RatePlan struct {
	// RatePlanID identifies the rate plan.
	RatePlanID string `tc:"rate_plan_id,attr"`
	// Name is the rate plan's name.
	Name string `tc:"name"`
	// Description describes the rate plan.
	Description string `tc:"description"`
	// RecurringPrice is the price of a cycle.
	RecurringPrice Money `tc:"recurring_price"`
	// SetupPrice is the setup price.
	SetupPrice Money `tc:"setup_price"`
	// Status is the rate plan's status (PlanDeleted after Plan/Delete).
	Status PlanStatus `tc:"status"`
}

// Search lists the rate plans of your cloud account or of a cloud account you
// control (Plan/Search), grouped by product group.
func (s *PlansService) Search(ctx context.Context, req PlanSearchRequest, opts ...CallOption) (*PlanSearchResponse, error) {
	return call[PlanSearchResponse](ctx, s.c, "Plan/Search", &req, opts)
}

// checkPlanStatus checks a PlanStatus field of Create/Edit (0 allowed).
func checkPlanStatus(s PlanStatus) error {
	switch s {
	case 0, PlanActive, PlanLocked, PlanReplenishOnly:
		return nil
	}
	return invalidField("Status", "status", "must be 1 (ACTIVE), 2 (LOCKED) or 4 (REPLENISH ONLY)")
}

// checkComponentIDs checks a list of component ids (no empty item).
func checkComponentIDs(ids []string) error {
	for i, id := range ids {
		if strings.TrimSpace(id) == "" {
			return invalidf("ComponentIDs", "item %d is empty", i)
		}
	}
	return nil
}

// PlanCreateRequest holds the parameters of Plan/Create. A VAR creates a rate
// plan on a CORE product (ProductID); a CORE creates a product (the fields
// marked CORE only).
type PlanCreateRequest struct {
	// ProductID is the CORE product the rate plan is built on. VAR only;
	// required for a VAR rate plan.
	ProductID string
	// Name is the plan's name; it should be 10 characters or more.
	Name string
	// Description describes the plan; it should be 10 characters or more.
	Description string
	// RecurringPrice is the price of a cycle in full dollars (10.50).
	RecurringPrice Money
	// SetupPrice is the setup price in full dollars (35.50).
	SetupPrice Money
	// AutopayDiscount is the discount, in dollars, for customers using auto-pay.
	AutopayDiscount Money
	// Status is PlanActive or PlanLocked; a VAR may also set PlanReplenishOnly.
	Status PlanStatus
	// ProductGroupID is the product group of the new product. CORE only.
	ProductGroupID string
	// CycleLength is the number of days of a cycle (30). CORE only.
	CycleLength int
	// ProductType is TRADITIONAL or ADD-ON. CORE only.
	ProductType ProductType
	// PromptForVariables says whether variables are required when the product
	// is ordered. CORE only.
	PromptForVariables Flag
	// ReplenishWithPlan says whether an add-on is replenished with the
	// primary product. CORE only, add-ons only.
	ReplenishWithPlan Flag
	// CarrierProductID is the plan name, ID or code to provision with the
	// carrier or service provider; it is passed to the module. CORE only.
	CarrierProductID string
	// ComponentIDs links usage components to the product (sent
	// comma-separated). CORE only.
	ComponentIDs []string
}

func (r *PlanCreateRequest) validate() error {
	if err := checkPlanStatus(r.Status); err != nil {
		return err
	}
	switch r.ProductType {
	case "", ProductTraditional, ProductAddOn:
	default:
		return invalidField("ProductType", "product_type", "must be TRADITIONAL or ADD-ON")
	}
	if !r.PromptForVariables.Valid() {
		return invalidField("PromptForVariables", "prompt_for_variables", "must be Y or N")
	}
	if !r.ReplenishWithPlan.Valid() {
		return invalidField("ReplenishWithPlan", "replenish_with_plan", "must be Y or N")
	}
	if r.CycleLength < 0 {
		return invalidField("CycleLength", "cycle_length", "must not be negative")
	}
	return checkComponentIDs(r.ComponentIDs)
}

// PlanCreateResponse is the answer of Plan/Create: Plan for a VAR, Product
// for a CORE.
type PlanCreateResponse struct {
	Meta
	// Plan is the new VAR rate plan (VAR callers).
	Plan *RatePlan `tc:"plan"`
	// Product is the new product (CORE callers).
	Product *Product `tc:"product"`
}

// Create creates a rate plan on a CORE product (VAR callers), or a new
// product (CORE callers) (Plan/Create).
func (s *PlansService) Create(ctx context.Context, req PlanCreateRequest, opts ...CallOption) (*PlanCreateResponse, error) {
	return call[PlanCreateResponse](ctx, s.c, "Plan/Create", &req, opts)
}

// PlanEditRequest holds the parameters of Plan/Edit. Give ProductID (CORE) or
// RatePlanID (VAR), not both.
type PlanEditRequest struct {
	// ProductID is the CORE product to edit. CORE only.
	ProductID string
	// RatePlanID is the VAR rate plan to edit. VAR only.
	RatePlanID string
	// Name is the plan's name; it should be 10 characters or more.
	Name string
	// Description describes the plan; it should be 10 characters or more.
	Description string
	// RecurringPrice is the price of a cycle in full dollars (10.50).
	RecurringPrice Money
	// SetupPrice is the setup price in full dollars (35.50).
	SetupPrice Money
	// AutopayDiscount is the discount, in dollars, for customers using auto-pay.
	AutopayDiscount Money
	// AttachedComponents are the components and the limits the VAR sets on
	// them (the JSON list of Order/Create). VAR only.
	AttachedComponents AttachedComponents
	// Status is PlanActive, PlanLocked or PlanReplenishOnly.
	Status PlanStatus
	// CycleLength is the number of days of a cycle (30). CORE only.
	CycleLength int
	// PromptForVariables says whether variables are required when the product
	// is ordered. CORE only.
	PromptForVariables Flag
	// ReplenishWithPlan says whether an add-on is replenished with the
	// primary product. CORE only, add-ons only.
	ReplenishWithPlan Flag
	// CarrierProductID is the plan name, ID or code to provision with the
	// carrier or service provider; it is passed to the module. CORE only.
	CarrierProductID string
	// ComponentIDs links usage components to the product (sent
	// comma-separated). CORE only; a VAR setting maxima uses AttachedComponents.
	ComponentIDs []string
}

func (r *PlanEditRequest) validate() error {
	if blank(r.ProductID) == blank(r.RatePlanID) || r.ProductID != "" && blank(r.ProductID) || r.RatePlanID != "" && blank(r.RatePlanID) {
		return invalidf("ProductID", "give exactly one of ProductID (CORE) and RatePlanID (VAR)")
	}
	if err := checkPlanStatus(r.Status); err != nil {
		return err
	}
	if !r.PromptForVariables.Valid() {
		return invalidField("PromptForVariables", "prompt_for_variables", "must be Y or N")
	}
	if !r.ReplenishWithPlan.Valid() {
		return invalidField("ReplenishWithPlan", "replenish_with_plan", "must be Y or N")
	}
	if r.CycleLength < 0 {
		return invalidField("CycleLength", "cycle_length", "must not be negative")
	}
	if err := r.AttachedComponents.check("AttachedComponents"); err != nil {
		return err
	}
	return checkComponentIDs(r.ComponentIDs)
}

// PlanEditResponse is the answer of Plan/Edit: Product for a CORE, Plan for a VAR.
type PlanEditResponse struct {
	Meta
	// Product is the edited product (CORE callers).
	Product *Product `tc:"product"`
	// Plan is the edited VAR rate plan (VAR callers).
	Plan *RatePlan `tc:"plan"`
}

// Edit changes a CORE product or a VAR rate plan (Plan/Edit).
func (s *PlansService) Edit(ctx context.Context, req PlanEditRequest, opts ...CallOption) (*PlanEditResponse, error) {
	return call[PlanEditResponse](ctx, s.c, "Plan/Edit", &req, opts)
}

// PlanDeleteRequest holds the parameters of Plan/Delete. Give ProductID
// (CORE) or RatePlanID (VAR), not both.
type PlanDeleteRequest struct {
	// ProductID is the CORE product to delete. CORE only.
	ProductID string
	// RatePlanID is the VAR rate plan to delete. VAR only.
	RatePlanID string
}

func (r *PlanDeleteRequest) validate() error {
	if blank(r.ProductID) == blank(r.RatePlanID) || r.ProductID != "" && blank(r.ProductID) || r.RatePlanID != "" && blank(r.RatePlanID) {
		return invalidf("ProductID", "give exactly one of ProductID (CORE) and RatePlanID (VAR)")
	}
	return nil
}

// PlanDeleteResponse is the answer of Plan/Delete: Plan for a VAR rate plan,
// Product for a CORE product (the reference shows only the VAR form).
type PlanDeleteResponse struct {
	Meta
	// Plan is the deleted VAR rate plan, with Status PlanDeleted.
	Plan *RatePlan `tc:"plan"`
	// Product is the deleted CORE product, when a CORE deletes one.
	Product *Product `tc:"product"`
}

// Delete deletes a CORE product or a VAR rate plan (Plan/Delete). Orders on
// the plan keep it until replenishment, when a new plan must be chosen. It
// cannot be reversed.
func (s *PlansService) Delete(ctx context.Context, req PlanDeleteRequest, opts ...CallOption) (*PlanDeleteResponse, error) {
	return call[PlanDeleteResponse](ctx, s.c, "Plan/Delete", &req, opts)
}
