package telecloud

import (
	"context"
	"fmt"
	"strings"
)

// ProductGroupStatus says whether a product group is locked.
type ProductGroupStatus int

// The product group statuses.
const (
	ProductGroupUnlocked ProductGroupStatus = 1
	ProductGroupLocked   ProductGroupStatus = 2
)

// String returns "UNLOCKED", "LOCKED" or the number.
func (s ProductGroupStatus) String() string {
	switch s {
	case ProductGroupUnlocked:
		return "UNLOCKED"
	case ProductGroupLocked:
		return "LOCKED"
	}
	return fmt.Sprint(int(s))
}

// ProductGroupSearchRequest holds the criteria of ProductGroup/Search.
type ProductGroupSearchRequest struct {
	// ProductGroupID shows one product group.
	ProductGroupID string
}

// ProductGroupSearchResponse is the answer of ProductGroup/Search.
type ProductGroupSearchResponse struct {
	Meta
	// Groups are the product groups found.
	Groups []ProductGroup `tc:"ProductGroups>group"`
}

// ProductGroup is a product group: the variables its orders carry and the
// modules called for each step of an order's life.
type ProductGroup struct {
	// GroupID identifies the product group (the product_group_id of other calls).
	GroupID string `tc:"group_id,attr"`
	// Status says whether the group is locked.
	Status ProductGroupStatus `tc:"status,attr"`
	// ModuleOrder is the module called for new orders.
	ModuleOrder string `tc:"moduleid_order,attr"`
	// ModuleReplenish is the module called for replenishments.
	ModuleReplenish string `tc:"moduleid_replenish,attr"`
	// ModuleStatus is the module called for order status changes.
	ModuleStatus string `tc:"moduleid_status,attr"`
	// ModuleSwap is the module called when variables are swapped.
	ModuleSwap string `tc:"moduleid_swap,attr"`
	// ModuleCancel is the module called when orders are cancelled.
	ModuleCancel string `tc:"moduleid_cancel,attr"`
	// Name is the group's name.
	Name string `tc:"name"`
	// Description describes the group.
	Description string `tc:"description"`
	// Variables are the group's variable definitions (VAR1 … VAR20). The
	// JSON form keeps only their names.
	Variables Variables `tc:"variables,vars"`
}

// Search lists the product groups of your cloud account (ProductGroup/Search).
func (s *ProductGroupsService) Search(ctx context.Context, req ProductGroupSearchRequest, opts ...CallOption) (*ProductGroupSearchResponse, error) {
	return call[ProductGroupSearchResponse](ctx, s.c, "ProductGroup/Search", &req, opts)
}

// DefineVariables formats variable definitions for the Vars of
// ProductGroupCreateRequest and ProductGroupEditRequest, by Slot. Each is
// written in the reference's "proper variable format":
//
//	Name|Prompt (Y/N)|Type (TEXT/OPTIONS)|Options|Description|Swappable (Y/N)|Category
//
// where Options is the comma-separated list of choices (or the URL of an
// XML list). An empty Prompt or Swappable is written N, an empty Type TEXT.
// Value is ignored. A part containing '|' (the separator) is refused.
//
// The reference also says variables "should be seperated by hashes"; as each
// definition is a parameter of its own (var1 … var20, by the same inferred
// names as the order values), that sentence is read as describing the
// separator of the format line, which it prints as '|'. Callers who find
// otherwise can put any text in Vars, or override a parameter with WithParam.
func DefineVariables(defs Variables) (VarValues, error) {
	out := VarValues{}
	for _, d := range defs {
		if d.Slot < 1 || d.Slot > MaxVariables {
			return nil, invalidf("Vars", "variable %q: slot %d is outside 1–%d", d.Name, d.Slot, MaxVariables)
		}
		if _, dup := out[d.Slot]; dup {
			return nil, invalidf("Vars", "slot %d is defined twice", d.Slot)
		}
		s, err := variableDefinition(d)
		if err != nil {
			return nil, err
		}
		out[d.Slot] = s
	}
	return out, nil
}

// variableDefinition writes one definition in the pipe-separated format.
func variableDefinition(d Variable) (string, error) {
	slot := fmt.Sprintf("VAR%d", d.Slot)
	if strings.TrimSpace(d.Name) == "" {
		return "", invalidf("Vars", "%s has no Name", slot)
	}
	typ := d.Type
	if typ == "" {
		typ = VarText
	}
	if typ != VarText && typ != VarOptions {
		return "", invalidf("Vars", "%s: Type must be TEXT or OPTIONS", slot)
	}
	if typ == VarOptions && len(d.Options) == 0 {
		return "", invalidf("Vars", "%s: an OPTIONS variable needs Options", slot)
	}
	for _, o := range d.Options {
		if strings.Contains(o, ",") {
			return "", invalidf("Vars", "%s: option %q contains a comma", slot, o)
		}
	}
	flag := func(f Flag, what string) (string, error) {
		switch f {
		case "":
			return string(No), nil
		case Yes, No:
			return string(f), nil
		}
		return "", invalidf("Vars", "%s: %s must be Y or N", slot, what)
	}
	prompt, err := flag(d.Prompt, "Prompt")
	if err != nil {
		return "", err
	}
	swap, err := flag(d.Swappable, "Swappable")
	if err != nil {
		return "", err
	}
	parts := []string{d.Name, prompt, string(typ), strings.Join(d.Options, ","), d.Description, swap, d.Category}
	for _, p := range parts {
		if strings.Contains(p, "|") {
			return "", invalidf("Vars", "%s: %q contains '|'", slot, p)
		}
	}
	return strings.Join(parts, "|"), nil
}

// ProductGroupCreateRequest holds the parameters of ProductGroup/Create.
type ProductGroupCreateRequest struct {
	// Name is the new product group's name.
	Name string
	// Description describes the product group, for your reference.
	Description string
	// ModuleOrder is the module to call for new orders.
	ModuleOrder string
	// ModuleReplenish is the module to call for replenishments.
	ModuleReplenish string
	// ModuleStatus is the module to call for order status changes.
	ModuleStatus string
	// ModuleSwap is the module to call when variables are swapped on an order.
	ModuleSwap string
	// ModuleCancel is the module to call when orders are cancelled.
	ModuleCancel string
	// Vars are the variable definitions VAR1 … VAR20, each in the "proper
	// variable format" (Name|Prompt|Type|Options|Description|Swappable|Category);
	// build them with DefineVariables.
	Vars VarValues
}

// ProductGroupRef is the <productgroup> element ProductGroup/Create and
// ProductGroup/Edit answer with.
type ProductGroupRef struct {
	// ProductGroupID identifies the product group.
	ProductGroupID string `tc:"product_group_id,attr"`
}

// ProductGroupCreateResponse is the answer of ProductGroup/Create.
type ProductGroupCreateResponse struct {
	Meta
	// ProductGroup gives the new product group's ID.
	ProductGroup ProductGroupRef `tc:"productgroup"`
}

// Create creates a product group (ProductGroup/Create).
func (s *ProductGroupsService) Create(ctx context.Context, req ProductGroupCreateRequest, opts ...CallOption) (*ProductGroupCreateResponse, error) {
	return call[ProductGroupCreateResponse](ctx, s.c, "ProductGroup/Create", &req, opts)
}

// ProductGroupEditRequest holds the parameters of ProductGroup/Edit.
type ProductGroupEditRequest struct {
	// ProductGroupID is the product group to edit. Required.
	ProductGroupID string
	// Name is the product group's name.
	Name string
	// Description describes the product group, for your reference.
	Description string
	// ModuleOrder is the module to call for new orders.
	ModuleOrder string
	// ModuleReplenish is the module to call for replenishments.
	ModuleReplenish string
	// ModuleStatus is the module to call for order status changes.
	ModuleStatus string
	// ModuleSwap is the module to call when variables are swapped on an order.
	ModuleSwap string
	// ModuleCancel is the module to call when orders are cancelled.
	ModuleCancel string
	// Vars are the variable definitions VAR1 … VAR20, each in the "proper
	// variable format" (Name|Prompt|Type|Options|Description|Swappable|Category);
	// build them with DefineVariables.
	Vars VarValues
	// Status is ProductGroupUnlocked or ProductGroupLocked.
	Status ProductGroupStatus
}

func (r *ProductGroupEditRequest) validate() error {
	switch r.Status {
	case 0, ProductGroupUnlocked, ProductGroupLocked:
		return nil
	}
	return invalidField("Status", "status", "must be 1 (unlocked) or 2 (locked)")
}

// ProductGroupEditResponse is the answer of ProductGroup/Edit.
type ProductGroupEditResponse struct {
	Meta
	// ProductGroup gives the edited product group's ID.
	ProductGroup ProductGroupRef `tc:"productgroup"`
}

// Edit changes a product group (ProductGroup/Edit).
func (s *ProductGroupsService) Edit(ctx context.Context, req ProductGroupEditRequest, opts ...CallOption) (*ProductGroupEditResponse, error) {
	return call[ProductGroupEditResponse](ctx, s.c, "ProductGroup/Edit", &req, opts)
}
