package telecloud

import (
	"context"
	"time"
)

// PromoSearchRequest holds the criteria of Promo/Search.
type PromoSearchRequest struct {
	// PromoCode finds a specific promotion.
	PromoCode string
}

// PromoSearchResponse is the answer of Promo/Search.
type PromoSearchResponse struct {
	Meta
	// Promos are the promotions found.
	Promos []Promo `tc:"Promotions>promo"`
}

// Promo is a promotion code, as Promo/Search lists it.
type Promo struct {
	// PromoID identifies the promotion.
	PromoID string `tc:"promo_id,attr"`
	// RatePlanID is the rate plan the code is limited to; empty for any plan.
	RatePlanID string `tc:"rate_plan_id,attr"`
	// PromoCode is the code customers give.
	PromoCode string `tc:"promo_code"`
	// Value is the discount.
	Value Money `tc:"value"`
	// ExpirationDate is the day the code stops being valid; zero for never.
	ExpirationDate Time `tc:"expiration_date"`
}

// Search lists the promotions you created (Promo/Search).
func (s *PromosService) Search(ctx context.Context, req PromoSearchRequest, opts ...CallOption) (*PromoSearchResponse, error) {
	return call[PromoSearchResponse](ctx, s.c, "Promo/Search", &req, opts)
}

// PromoCreateRequest holds the parameters of Promo/Create.
type PromoCreateRequest struct {
	// PromoCode is the promotion code to create. Required.
	PromoCode string
	// Value is the value of the code in full dollars. Required.
	Value Money
	// ExpirationDate is the day the code stops being valid (sent as YYYY-MM-DD).
	ExpirationDate time.Time
	// RatePlanID limits the code to one rate plan.
	RatePlanID string
}

func (r *PromoCreateRequest) validate() error {
	if r.Value.Cmp(Money{}) < 0 {
		return invalidField("Value", "value", "must not be negative")
	}
	return nil
}

// PromoRef is the <promo> element Promo/Create and Promo/Delete answer with.
type PromoRef struct {
	// PromoID identifies the promotion.
	PromoID string `tc:"promo_id,attr"`
}

// PromoCreateResponse is the answer of Promo/Create.
type PromoCreateResponse struct {
	Meta
	// Promo gives the new promotion's ID.
	Promo PromoRef `tc:"promo"`
}

// Create creates a promotion code for your customers (Promo/Create).
func (s *PromosService) Create(ctx context.Context, req PromoCreateRequest, opts ...CallOption) (*PromoCreateResponse, error) {
	return call[PromoCreateResponse](ctx, s.c, "Promo/Create", &req, opts)
}

// PromoDeleteRequest holds the parameters of Promo/Delete.
type PromoDeleteRequest struct {
	// PromoCode is the promotion code to delete. Required.
	PromoCode string
}

// PromoDeleteResponse is the answer of Promo/Delete.
type PromoDeleteResponse struct {
	Meta
	// Promo gives the deleted promotion's ID.
	Promo PromoRef `tc:"promo"`
}

// Delete deletes a promotion code (Promo/Delete).
func (s *PromosService) Delete(ctx context.Context, req PromoDeleteRequest, opts ...CallOption) (*PromoDeleteResponse, error) {
	return call[PromoDeleteResponse](ctx, s.c, "Promo/Delete", &req, opts)
}
