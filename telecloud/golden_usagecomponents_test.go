package telecloud

// The verbatim samples of UsageComponent and what each decodes to.

var goldenUsageComponents = []golden{
	// UsageComponent
	{op: "UsageComponent/Search", file: "UsageComponent_Search", want: &UsageComponentSearchResponse{
		Components: []UsageComponent{{
			ComponentID: "8417872", ProductGroupID: "10",
			Name:             "Second Component",
			Description:      "This is the second component",
			StartingQuantity: 150,
			UnitPrice:        MustMoney("0.0050"),
			ResetWithCycle:   Yes,
			Status:           StatusActive,
		}},
	}},
	{op: "UsageComponent/Create", file: "UsageComponent_Create", want: &UsageComponentCreateResponse{
		Meta: Meta{TransID: "4045394"},
		Component: UsageComponent{
			ComponentID: "8417875", ProductGroupID: "73",
			Name:             "Third Component for Data",
			Description:      "This is the third data component for this product.",
			StartingQuantity: 150,
			UnitPrice:        MustMoney("0.25"),
			ResetWithCycle:   Yes,
			VarSetsMaximum:   Yes,
			Status:           StatusActive,
		},
	}},
	{op: "UsageComponent/Edit", file: "UsageComponent_Edit", want: &UsageComponentEditResponse{
		Meta: Meta{TransID: "4045784"},
		Component: UsageComponent{
			ComponentID: "8417875", ProductGroupID: "73",
			Name:             "Broadband Download Usage",
			Description:      "Listed in MB, the usage of the downloading for the current cycle. 100MB are included.",
			StartingQuantity: 100,
			UnitPrice:        MustMoney("2.00"),
			ResetWithCycle:   Yes,
			VarSetsMaximum:   No,
			Status:           StatusActive,
		},
	}},
	{op: "UsageComponent/Delete", file: "UsageComponent_Delete", want: &UsageComponentDeleteResponse{
		Meta:      Meta{TransID: "4045790"},
		Component: UsageComponent{ComponentID: "8417871", Status: StatusDeleted},
	}},
}
