package telecloud

import "context"

// UsageComponentSearchRequest holds the criteria of UsageComponent/Search.
type UsageComponentSearchRequest struct {
	// ComponentID finds a specific component.
	ComponentID string
	// ProductID finds the components linked to a product.
	ProductID string
	// ProductGroupID finds the components of a product group.
	ProductGroupID string
}

// UsageComponentSearchResponse is the answer of UsageComponent/Search.
type UsageComponentSearchResponse struct {
	Meta
	// Components are the components found.
	Components []UsageComponent `tc:"ProductComponents>component"`
}

// UsageComponent is a metered component of a product (minutes, megabytes …),
// billed per unit beyond a starting quantity.
type UsageComponent struct {
	// ComponentID identifies the component.
	ComponentID string `tc:"component_id,attr"`
	// ProductGroupID is the component's product group.
	ProductGroupID string `tc:"product_group_id,attr"`
	// Name is the component's name.
	Name string `tc:"name"`
	// Description describes the component; VARs and customers may see it.
	Description string `tc:"description"`
	// StartingQuantity is the quantity included before billing starts.
	StartingQuantity int `tc:"starting_quantity"`
	// UnitPrice is the price of one unit.
	UnitPrice Money `tc:"unit_price"`
	// ResetWithCycle is Y when an order's unit count restarts on replenishment.
	ResetWithCycle Flag `tc:"reset_with_cycle"`
	// VarSetsMaximum is Y when the VAR may set a maximum.
	VarSetsMaximum Flag `tc:"var_sets_maximum"`
	// Status is 1 (active), 2 (suspended: not billed) or 3 (deleted).
	Status Status `tc:"status"`
}

// Search finds usage components (UsageComponent/Search).
func (s *UsageComponentsService) Search(ctx context.Context, req UsageComponentSearchRequest, opts ...CallOption) (*UsageComponentSearchResponse, error) {
	return call[UsageComponentSearchResponse](ctx, s.c, "UsageComponent/Search", &req, opts)
}

// checkComponentFields checks the fields Create and Edit share.
func checkComponentFields(start *int, price Money, reset, varMax Flag) error {
	if start != nil && *start < 0 {
		return invalidField("StartingQuantity", "starting_quantity", "must not be negative")
	}
	if price.Cmp(Money{}) < 0 {
		return invalidField("UnitPrice", "unit_price", "must not be negative")
	}
	if !reset.Valid() {
		return invalidField("ResetWithCycle", "reset_with_cycle", "must be Y or N")
	}
	if !varMax.Valid() {
		return invalidField("VarSetsMaximum", "var_sets_maximum", "must be Y or N")
	}
	return nil
}

// UsageComponentCreateRequest holds the parameters of UsageComponent/Create.
type UsageComponentCreateRequest struct {
	// ProductGroupID is the product group the component belongs to. Required.
	ProductGroupID string
	// Name is a name of your choosing. Required.
	Name string
	// Description describes the component; VARs and customers may see it.
	Description string
	// StartingQuantity is the quantity after which billing starts; a pointer,
	// as 0 (no starting quantity) is sent.
	StartingQuantity *int
	// UnitPrice is the price per unit, e.g. 0.01 or 0.0050.
	UnitPrice Money
	// ResetWithCycle says whether an order's unit count restarts on replenishment.
	ResetWithCycle Flag
	// VarSetsMaximum says whether the VAR may set a maximum; when an order
	// reaches it, the product group's status module (moduleid_status) is notified.
	VarSetsMaximum Flag
}

func (r *UsageComponentCreateRequest) validate() error {
	return checkComponentFields(r.StartingQuantity, r.UnitPrice, r.ResetWithCycle, r.VarSetsMaximum)
}

// UsageComponentCreateResponse is the answer of UsageComponent/Create.
type UsageComponentCreateResponse struct {
	Meta
	// Component is the new component.
	Component UsageComponent `tc:"component"`
}

// Create creates a usage component for a product group (UsageComponent/Create).
func (s *UsageComponentsService) Create(ctx context.Context, req UsageComponentCreateRequest, opts ...CallOption) (*UsageComponentCreateResponse, error) {
	return call[UsageComponentCreateResponse](ctx, s.c, "UsageComponent/Create", &req, opts)
}

// UsageComponentEditRequest holds the parameters of UsageComponent/Edit.
type UsageComponentEditRequest struct {
	// ComponentID is the component to edit. Required.
	ComponentID string
	// Name is a name of your choosing.
	Name string
	// Description describes the component; VARs and customers may see it.
	Description string
	// StartingQuantity is the quantity after which billing starts; a pointer,
	// as 0 (no starting quantity) is sent.
	StartingQuantity *int
	// UnitPrice is the price per unit, e.g. 0.01 or 0.0050.
	UnitPrice Money
	// ResetWithCycle says whether an order's unit count restarts on replenishment.
	ResetWithCycle Flag
	// VarSetsMaximum says whether the VAR may set a maximum; when an order
	// reaches it, the product group's status module (moduleid_status) is notified.
	VarSetsMaximum Flag
	// Status is StatusActive or StatusSuspended (suspended components are not billed).
	Status Status
}

func (r *UsageComponentEditRequest) validate() error {
	switch r.Status {
	case 0, StatusActive, StatusSuspended:
	default:
		return invalidField("Status", "status", "must be 1 (ACTIVE) or 2 (SUSPENDED)")
	}
	return checkComponentFields(r.StartingQuantity, r.UnitPrice, r.ResetWithCycle, r.VarSetsMaximum)
}

// UsageComponentEditResponse is the answer of UsageComponent/Edit.
type UsageComponentEditResponse struct {
	Meta
	// Component is the edited component.
	Component UsageComponent `tc:"component"`
}

// Edit changes a usage component (UsageComponent/Edit).
func (s *UsageComponentsService) Edit(ctx context.Context, req UsageComponentEditRequest, opts ...CallOption) (*UsageComponentEditResponse, error) {
	return call[UsageComponentEditResponse](ctx, s.c, "UsageComponent/Edit", &req, opts)
}

// UsageComponentDeleteRequest holds the parameters of UsageComponent/Delete.
type UsageComponentDeleteRequest struct {
	// ComponentID is the component to delete. Required.
	ComponentID string
}

// UsageComponentDeleteResponse is the answer of UsageComponent/Delete.
type UsageComponentDeleteResponse struct {
	Meta
	// Component gives the deleted component's ID and its status (3, deleted).
	Component UsageComponent `tc:"component"`
}

// Delete deletes a usage component (UsageComponent/Delete); VAR rate plans
// using it are no longer billed for it.
func (s *UsageComponentsService) Delete(ctx context.Context, req UsageComponentDeleteRequest, opts ...CallOption) (*UsageComponentDeleteResponse, error) {
	return call[UsageComponentDeleteResponse](ctx, s.c, "UsageComponent/Delete", &req, opts)
}
