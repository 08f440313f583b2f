package telecloud

// The verbatim samples of Discount and what each decodes to.

var goldenDiscounts = []golden{
	{op: "Discount/Search", file: "Discount_Search",
		want: &DiscountSearchResponse{DiscountList: DiscountList{
			Limit: 50000,
			Discounts: []Discount{{
				ID:                     "30567",
				ProductID:              "330",
				CoreProductName:        "[Smartphone] By The Gig",
				CoreProductDescription: "Allow your customers to pay by the GB. 2GB and unlimited talk and text included. Additional data is available for only $8 per GB. Add additional lines at $8 each and share the data (coming soon).",
				DiscountSetupPrice:     MustMoney("5.00"),
				DiscountPrice:          MustMoney("25.00"),
				VARPlans: []DiscountVARPlan{
					{RatePlanID: "52747", Name: "Pay By The Gig", SetupPrice: MustMoney("0.00"), Price: MustMoney("25.00")},
					{RatePlanID: "52746", Name: "Personal Unlimited", SetupPrice: MustMoney("15.00"), Price: MustMoney("45.00")},
				},
			}, {
				ID:                     "30568",
				ProductID:              "331",
				CoreProductName:        "[Smartphone] Personal Unlimited",
				CoreProductDescription: "Unlimited talk, text, and data. NO HOTSPOT. For personal use only, reasonable usage policy applies. Video streams at 480p. After 22GB data MAY be slowed in times of heavy network congestion.",
				DiscountSetupPrice:     MustMoney("15.00"),
				DiscountPrice:          MustMoney("35.00"),
				VARPlans: []DiscountVARPlan{
					{RatePlanID: "52746", Name: "Personal Unlimited", SetupPrice: MustMoney("15.00"), Price: MustMoney("45.00")},
				},
			}},
		}}},
	{op: "Discount/Create", file: "Discount_Create",
		want: &DiscountCreateResponse{Discount: Discount{
			ID:                 "30574",
			ProductID:          "311",
			DiscountSetupPrice: MustMoney("30.00"),
			DiscountPrice:      MustMoney("2.00"),
		}}},
	{op: "Discount/Copy", file: "Discount_Copy",
		want: &DiscountCopyResponse{Meta: Meta{TransID: "3123763"}}},
	{op: "Discount/Delete", file: "Discount_Delete",
		want: &DiscountDeleteResponse{Meta: Meta{TransID: "3123778"}}},
}
