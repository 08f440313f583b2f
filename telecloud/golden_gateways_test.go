package telecloud

// The verbatim samples of Gateways and what each decodes to.

var goldenGateways = []golden{
	{op: "Gateways/Search", file: "Gateways_Search",
		want: &GatewaySearchResponse{Gateways: []Gateway{{
			GatewayID:         "3",
			DefaultCCGateway:  No,
			DefaultACHGateway: No,
			Name:              "STRIPE",
			Credentials1:      GatewayCredential{Label: "API KEY", Value: NewSecret("fejhfbweufbu34b2")},
		}}},
		jsonLoses: []string{"Gateways[0].Credentials1.Label (<credentials_1 name> beside its text)"},
		jsonAdjust: func(v any) {
			r := v.(*GatewaySearchResponse)
			r.Gateways[0].Credentials1.Label = ""
		}},
	{op: "Gateways/Create", file: "Gateways_Create",
		want: &GatewayCreateResponse{Meta: Meta{TransID: "3130130"}, Gateway: Gateway{GatewayID: "732232"}}},
	{op: "Gateways/Delete", file: "Gateways_Delete",
		want: &GatewayDeleteResponse{Meta: Meta{TransID: "3130133"}, Gateway: Gateway{GatewayID: "1"}}},
	{op: "Gateways/Edit", file: "Gateways_Edit",
		want: &GatewayEditResponse{Meta: Meta{TransID: "3130152"}, Gateway: Gateway{GatewayID: "8433434", DefaultCCGateway: Yes, DefaultACHGateway: Yes}}},
}
