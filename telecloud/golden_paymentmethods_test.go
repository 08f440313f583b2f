package telecloud

// The verbatim samples of PaymentMethod and what each decodes to.

var goldenPaymentMethods = []golden{
	// PaymentMethod
	{op: "PaymentMethod/Create", file: "PaymentMethod_Create", want: &PaymentMethodCreateResponse{
		Meta:          Meta{TransID: "3123489"},
		PaymentMethod: PaymentMethodRef{ID: "120"},
	}},
	{op: "PaymentMethod/Edit", file: "PaymentMethod_Edit", want: &PaymentMethodEditResponse{
		Meta:          Meta{TransID: "3123506"},
		AccountNumber: "7105045",
		PaymentMethod: PaymentMethodRef{ID: "481", Default: Yes},
	}},
	{op: "PaymentMethod/Delete", file: "PaymentMethod_Delete", want: &PaymentMethodDeleteResponse{
		Meta:          Meta{TransID: "3123509"},
		AccountNumber: "7105045",
		PaymentMethod: PaymentMethodRef{ID: "481"},
	}},
	{op: "PaymentMethod/Verify", file: "PaymentMethod_Verify", want: &PaymentMethodVerifyResponse{
		Meta:          Meta{TransID: "2384387"},
		PaymentMethod: PaymentMethodRef{ID: "34"},
	}},
	{op: "PaymentMethod/Search", file: "PaymentMethod_Search", want: &PaymentMethodSearchResponse{
		PaymentMethods: []PaymentMethod{
			{ID: "95", Type: PaymentCard, AccountNumber: "5348-XXXX-XXXX-8307", ExpirationMonth: "05", ExpirationYear: "21", CardType: "Master Card", Status: PaymentMethodUnverified},
			{ID: "94", Type: PaymentCard, AccountNumber: "5348-XXXX-XXXX-8307", ExpirationMonth: "03", ExpirationYear: "20", CardType: "Master Card", Status: PaymentMethodUnverified},
			{ID: "79", Type: PaymentCard, AccountNumber: "5348-XXXX-XXXX-8307", ExpirationMonth: "07", ExpirationYear: "20", CardType: "Master Card", Status: PaymentMethodPending},
			{ID: "72", Type: PaymentCard, AccountNumber: "5412-XXXX-XXXX-5874", ExpirationMonth: "03", ExpirationYear: "20", CardType: "Master Card", Status: PaymentMethodVerified},
		},
	}},
}
