package telecloud

// The verbatim samples of Promo and what each decodes to.

var goldenPromos = []golden{
	// Promo
	{op: "Promo/Search", file: "Promo_Search", want: &PromoSearchResponse{
		Promos: []Promo{
			{PromoID: "2", RatePlanID: "1441", PromoCode: "51515", Value: MustMoney("50.00")},
			{PromoID: "1", RatePlanID: "", PromoCode: "20off", Value: MustMoney("12.35"), ExpirationDate: mustTime("7/17/2019")},
		},
	}},
	{op: "Promo/Create", file: "Promo_Create", want: &PromoCreateResponse{
		Meta:  Meta{TransID: "3124120"},
		Promo: PromoRef{PromoID: "5547"},
	}},
	{op: "Promo/Delete", file: "Promo_Delete", want: &PromoDeleteResponse{
		Meta:  Meta{TransID: "3124151"},
		Promo: PromoRef{PromoID: "10"},
	}},
}
