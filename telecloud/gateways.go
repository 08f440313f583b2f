package telecloud

import "context"

// GatewaySearchRequest filters Gateways/Search.
type GatewaySearchRequest struct {
	// GatewayID selects one gateway set up earlier; empty lists every
	// supported gateway and those set up on your cloud account.
	GatewayID string
}

// GatewaySearchResponse is the answer of Gateways/Search.
type GatewaySearchResponse struct {
	Meta
	// Gateways are the supported payment gateways and those set up on your
	// cloud account.
	Gateways []Gateway `tc:"Gateways>gateway"`
}

// Gateway is a payment gateway (STRIPE …). Its credentials are numbered;
// each carries a label saying what it is ("API KEY"), which the JSON format
// loses.
type Gateway struct {
	// GatewayID identifies the gateway.
	GatewayID string `tc:"gateway_id,attr"`
	// DefaultCCGateway says whether it is the default for credit card billing.
	DefaultCCGateway Flag `tc:"default_cc_gateway,attr"`
	// DefaultACHGateway says whether it is the default for ACH (bank) billing.
	DefaultACHGateway Flag `tc:"default_ach_gateway,attr"`
	// Name is the gateway's name, e.g. "STRIPE" (Gateways/Create's Name).
	Name string `tc:"name"`
	// Credentials1 … Credentials4 are the gateway's credentials, as
	// Gateways/Create and Edit take them. They are secrets.
	Credentials1 GatewayCredential `tc:"credentials_1"`
	Credentials2 GatewayCredential `tc:"credentials_2"`
	Credentials3 GatewayCredential `tc:"credentials_3"`
	Credentials4 GatewayCredential `tc:"credentials_4"`
}

// GatewayCredential is one credential of a gateway:
// <credentials_1 name="API KEY">…</credentials_1>.
type GatewayCredential struct {
	// Label says what the credential is, e.g. "API KEY" (the name
	// attribute; lost by the JSON format).
	Label string `tc:"name,attr"`
	// Value is the credential.
	Value Secret `tc:",text"`
}

// GatewayCreateRequest is the input of Gateways/Create. What each
// credential holds depends on the gateway: see the labels Gateways/Search
// gives.
type GatewayCreateRequest struct {
	// Name is the gateway to set up, e.g. "STRIPE". Required.
	Name string
	// Credentials1 is the gateway's first credential. A secret.
	Credentials1 Secret
	// Credentials2 is the gateway's second credential. A secret.
	Credentials2 Secret
	// Credentials3 is the gateway's third credential. A secret.
	Credentials3 Secret
	// Credentials4 is the gateway's fourth credential. A secret.
	Credentials4 Secret
}

// GatewayCreateResponse is the answer of Gateways/Create.
type GatewayCreateResponse struct {
	Meta
	// Gateway identifies the new gateway (GatewayID only).
	Gateway Gateway `tc:"gateway"`
}

// GatewayDeleteRequest is the input of Gateways/Delete.
type GatewayDeleteRequest struct {
	// GatewayID is the gateway to delete. Required.
	GatewayID string
}

// GatewayDeleteResponse is the answer of Gateways/Delete.
type GatewayDeleteResponse struct {
	Meta
	// Gateway identifies the deleted gateway (GatewayID only).
	Gateway Gateway `tc:"gateway"`
}

// GatewayEditRequest is the input of Gateways/Edit.
type GatewayEditRequest struct {
	// GatewayID is the gateway to edit. Required.
	GatewayID string
	// DefaultCCGateway: Y makes it the default for credit card billing, N
	// removes it as default.
	DefaultCCGateway Flag
	// DefaultACHGateway: Y makes it the default for ACH billing, N removes
	// it as default.
	DefaultACHGateway Flag
	// Credentials1 is the gateway's first credential. A secret.
	Credentials1 Secret
	// Credentials2 is the gateway's second credential. A secret.
	Credentials2 Secret
	// Credentials3 is the gateway's third credential. A secret.
	Credentials3 Secret
	// Credentials4 is the gateway's fourth credential. A secret.
	Credentials4 Secret
}

func (r *GatewayEditRequest) validate() error {
	if err := flagParam("DefaultCCGateway", "default_cc_gateway", r.DefaultCCGateway); err != nil {
		return err
	}
	return flagParam("DefaultACHGateway", "default_ach_gateway", r.DefaultACHGateway)
}

// GatewayEditResponse is the answer of Gateways/Edit.
type GatewayEditResponse struct {
	Meta
	// Gateway is the gateway with its default settings.
	Gateway Gateway `tc:"gateway"`
}

// Search lists the supported payment gateways and those set up on your
// cloud account (Gateways/Search).
func (s *GatewaysService) Search(ctx context.Context, req GatewaySearchRequest, opts ...CallOption) (*GatewaySearchResponse, error) {
	return call[GatewaySearchResponse](ctx, s.c, "Gateways/Search", &req, opts)
}

// Create sets up a payment gateway with its credentials (Gateways/Create).
func (s *GatewaysService) Create(ctx context.Context, req GatewayCreateRequest, opts ...CallOption) (*GatewayCreateResponse, error) {
	return call[GatewayCreateResponse](ctx, s.c, "Gateways/Create", &req, opts)
}

// Delete removes a payment gateway set up earlier (Gateways/Delete).
func (s *GatewaysService) Delete(ctx context.Context, req GatewayDeleteRequest, opts ...CallOption) (*GatewayDeleteResponse, error) {
	return call[GatewayDeleteResponse](ctx, s.c, "Gateways/Delete", &req, opts)
}

// Edit updates a gateway's credentials and makes it, or stops it being, the
// default for card or ACH billing, which real-time billing uses
// (Gateways/Edit).
func (s *GatewaysService) Edit(ctx context.Context, req GatewayEditRequest, opts ...CallOption) (*GatewayEditResponse, error) {
	return call[GatewayEditResponse](ctx, s.c, "Gateways/Edit", &req, opts)
}
