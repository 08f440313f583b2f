package telecloud

// The wire table of Promo (PromosService): see documented and
// inferred in wire.go for what each marks.

import "net/http"

var promoWire = service{Name: "Promo", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		inferred("PromoCode", "promo_code"),
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		inferred("PromoCode", "promo_code").req(),
		inferred("Value", "value").req(),
		inferred("ExpirationDate", "expiration_date"),
		documented("RatePlanID", "rate_plan_id"),
	}},
	{Method: "Delete", Verb: http.MethodDelete, Params: []param{
		inferred("PromoCode", "promo_code").req(), // "The promotion code you wish to delete"
	}},
}}
