package telecloud

// The verbatim samples of Plan and what each decodes to.

var goldenPlans = []golden{
	// Plan
	{op: "Plan/Search", file: "Plan_Search", want: &PlanSearchResponse{
		Groups: []PlanGroup{{
			ProductGroupID: "10", ProductGroupName: "TWC Internet",
			Products: []Product{{
				ProductID: "1", ProductGroupID: "10", CarrierProductID: "VZW-15GB-UNLTT", ProductType: ProductTraditional,
				Name:                   "TWC / Residential 10x1.5 Dynamic IP",
				Description:            "Includes download speeds of 10Mpbs and upload speeds up to 1.5Mbps. All speeds are guaranteed on this business class residential connection.",
				DiscountRecurringPrice: MustMoney("50.00"),
				DiscountSetupPrice:     MustMoney("0.00"),
				CycleLength:            30,
				PromptForVariables:     Yes,
				ReplenishWithPlan:      Yes,
				Components: []PlanComponent{{
					ComponentID: "8417872", ProductGroupID: "10", Status: StatusActive,
					Name:             "Data Used",
					Description:      "These are the megabytes used in the cycle.",
					StartingQuantity: 0,
					UnitPrice:        MustMoney("0.050"),
					ResetWithCycle:   Yes,
					VarSetsMaximum:   Yes,
				}},
				Status: PlanActive,
			}},
		}},
	}},
	{op: "Plan/Create", file: "Plan_Create", want: &PlanCreateResponse{
		Meta: Meta{TransID: "3123808"},
		Plan: &RatePlan{
			RatePlanID:     "98814",
			Name:           "Test Rate Plan",
			Description:    "For hotspot and data only devices. No voice.",
			RecurringPrice: MustMoney("$10.00"),
			SetupPrice:     MustMoney("$25.00"),
			Status:         PlanActive,
		},
	}},
	{op: "Plan/Edit", file: "Plan_Edit", want: &PlanEditResponse{
		Meta: Meta{TransID: "3123820"},
		Product: &Product{
			ProductID: "108", ProductGroupID: "26", CarrierProductID: "VZW-15GB-UNLTT", ProductType: ProductTraditional,
			Name:               "Comcast Residential 16x3 Dynamic IP",
			Description:        "Test desscription for editing a plan.",
			RecurringPrice:     MustMoney("$10.00"),
			SetupPrice:         MustMoney("$20.00"),
			CycleLength:        25,
			PromptForVariables: Yes,
			ReplenishWithPlan:  Yes,
			Status:             PlanActive,
		},
	}},
	{op: "Plan/Delete", file: "Plan_Delete", want: &PlanDeleteResponse{
		Meta: Meta{TransID: "3123829"},
		Plan: &RatePlan{RatePlanID: "52562", Status: PlanDeleted},
	}},
}
