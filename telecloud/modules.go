package telecloud

import "context"

// ModuleType is the kind of a real-time module.
type ModuleType string

// The module types.
const (
	ModuleExternal ModuleType = "external" // your own script at a URL
	ModulePrebuilt ModuleType = "prebuilt" // one of TeleCloud's providers, e.g. att_mobility
)

func moduleStatusParam(s Status) error {
	if s != 0 && s != StatusActive && s != StatusSuspended {
		return invalidField("Status", "status", "must be 1 (active) or 2 (suspended)")
	}
	return nil
}

// ModuleSearchRequest filters Module/Search.
type ModuleSearchRequest struct {
	// ModuleID selects one real-time module; empty lists them all.
	ModuleID string
}

// ModuleSearchResponse is the answer of Module/Search.
type ModuleSearchResponse struct {
	Meta
	// Modules are the modules under your control.
	Modules []Module `tc:"Modules>module"`
}

// Module is a real-time provisioning module, which product groups call to
// order, replenish, swap, cancel and check services.
type Module struct {
	// ModuleID identifies the module.
	ModuleID string `tc:"module_id,attr"`
	// Type is external or prebuilt (Module/Create's answer only).
	Type ModuleType `tc:"type,attr"`
	// Name is the module's name.
	Name string `tc:"name"`
	// Description describes it.
	Description string `tc:"description"`
	// URL is where an external module lives.
	URL string `tc:"url"`
	// Status is StatusActive or StatusSuspended (0 when the answer leaves
	// it empty, as the reference's sample does).
	Status Status `tc:"status"`
}

// ModuleCreateRequest is the input of Module/Create. An external module
// needs a URL; a prebuilt one a Provider and the credentials that provider
// takes.
type ModuleCreateRequest struct {
	// Type is ModuleExternal or ModulePrebuilt. Required.
	Type ModuleType
	// Name helps you recognise the module.
	Name string
	// Description is for future reference.
	Description string
	// URL is the full URL of your module file; required for an external module.
	URL string
	// Provider is the name of a supported provider, e.g. "att_mobility";
	// required for a prebuilt module.
	Provider string
	// Credentials1 … Credentials4 are the provider's authentication
	// credentials (prebuilt modules; what each holds depends on the
	// provider). Secrets.
	Credentials1 Secret
	// Credentials2 is the provider's second credential. A secret.
	Credentials2 Secret
	// Credentials3 is the provider's third credential. A secret.
	Credentials3 Secret
	// Credentials4 is the provider's fourth credential. A secret.
	Credentials4 Secret
	// Status is StatusActive (1) or StatusSuspended (2).
	Status Status
}

func (r *ModuleCreateRequest) validate() error {
	switch r.Type {
	case ModuleExternal:
		if blank(r.URL) {
			return invalidField("URL", "url", "is required for an external module")
		}
	case ModulePrebuilt:
		if blank(r.Provider) {
			return invalidField("Provider", "provider", "is required for a prebuilt module")
		}
	default:
		return invalidField("Type", "type", "must be external or prebuilt")
	}
	return moduleStatusParam(r.Status)
}

// ModuleCreateResponse is the answer of Module/Create.
type ModuleCreateResponse struct {
	Meta
	// Module identifies the new module (ModuleID and Type only).
	Module Module `tc:"module"`
}

// ModuleEditRequest is the input of Module/Edit. Empty fields are not sent.
type ModuleEditRequest struct {
	// ModuleID is the module to edit. Required.
	ModuleID string
	// Name is the module's name.
	Name string
	// Description is for future reference.
	Description string
	// URL is the full URL of your module file.
	URL string
	// Status is StatusActive (1) or StatusSuspended (2).
	Status Status
}

func (r *ModuleEditRequest) validate() error { return moduleStatusParam(r.Status) }

// ModuleEditResponse is the answer of Module/Edit.
type ModuleEditResponse struct {
	Meta
	// Module identifies the edited module (ModuleID only).
	Module Module `tc:"module"`
}

// ModuleDeleteRequest is the input of Module/Delete.
type ModuleDeleteRequest struct {
	// ModuleID is the module to delete. Required.
	ModuleID string
}

// ModuleDeleteResponse is the answer of Module/Delete.
type ModuleDeleteResponse struct {
	Meta
	// Module identifies the deleted module (ModuleID only).
	Module Module `tc:"module"`
}

// Search lists the real-time modules under your control (Module/Search).
func (s *ModulesService) Search(ctx context.Context, req ModuleSearchRequest, opts ...CallOption) (*ModuleSearchResponse, error) {
	return call[ModuleSearchResponse](ctx, s.c, "Module/Search", &req, opts)
}

// Create adds a real-time module for product groups, external or prebuilt
// (Module/Create).
func (s *ModulesService) Create(ctx context.Context, req ModuleCreateRequest, opts ...CallOption) (*ModuleCreateResponse, error) {
	return call[ModuleCreateResponse](ctx, s.c, "Module/Create", &req, opts)
}

// Edit changes a module (Module/Edit).
func (s *ModulesService) Edit(ctx context.Context, req ModuleEditRequest, opts ...CallOption) (*ModuleEditResponse, error) {
	return call[ModuleEditResponse](ctx, s.c, "Module/Edit", &req, opts)
}

// Delete deletes a module (Module/Delete). Product groups it was assigned
// to can no longer use it.
func (s *ModulesService) Delete(ctx context.Context, req ModuleDeleteRequest, opts ...CallOption) (*ModuleDeleteResponse, error) {
	return call[ModuleDeleteResponse](ctx, s.c, "Module/Delete", &req, opts)
}
