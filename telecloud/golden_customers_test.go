package telecloud

// The verbatim samples of Customer and what each decodes to.

// qualifyVar builds a variable definition of the Customer/Qualify sample.
func qualifyVar(slot int, name string, typ VariableType, options []string, desc string, swap, prompt Flag, category string) Variable {
	return Variable{Slot: slot, Name: name, Type: typ, Options: options, Description: desc, Swappable: swap, Prompt: prompt, Category: category}
}

// stripVarMetadata keeps only what the JSON form of a definition carries:
// the slot and the name (the text).
func stripVarMetadata(vs Variables) {
	for i := range vs {
		vs[i] = Variable{Slot: vs[i].Slot, Name: vs[i].Name}
	}
}

var goldenCustomers = []golden{
	{op: "Customer/Search", file: "Customer_Search",
		want: &CustomerSearchResponse{Customers: []Customer{{
			AccountNumber: "7104734",
			CoreID:        "9987418300",
			VARID:         "1141482592",
			CreationDate:  mustTime("2018-05-15"),
			CreationUser:  "some_username1",
			FirstName:     "Gina",
			LastName:      "Hammond",
			Address:       "3132 Main St",
			City:          "HARRISBURG",
			State:         "PA",
			ZipCode:       "17109",
			Country:       "United States",
			Email:         "customer@gmail.com",
			Phone:         "2145551212",
			Password:      NewSecret("88888811"),
			LocationType:  "Residential",
			AccountCredit: MustMoney("65.00"),
			Status:        StatusActive,
		}}}},
	{op: "Customer/Create", file: "Customer_Create",
		want: &CustomerCreateResponse{Meta: Meta{TransID: "3123489"}, AccountNumber: "88515144"}},
	{op: "Customer/Edit", file: "Customer_Edit",
		want: &CustomerEditResponse{Meta: Meta{TransID: "3123489"}, AccountNumber: "88515144"}},
	{op: "Customer/Delete", file: "Customer_Delete",
		want: &CustomerDeleteResponse{Meta: Meta{TransID: "3123489"}, AccountNumber: "8565441", Status: StatusSuspended}},
	{op: "Customer/Qualify", file: "Customer_Qualify",
		want: &CustomerQualifyResponse{CustomerQualifyResult: CustomerQualifyResult{
			AccountNumber: "9105012",
			Products: []QualifyProduct{{
				ProductID:          "337",
				ReplenishGroup:     "73",
				Name:               "POWER PACK - 1GB OF DATA",
				Type:               ProductAddOn,
				Description:        "Use this add-on to add 1GB of data ($8 cash value) to the cash balance for subscribers on the By the Gig plan.",
				SetupPrice:         MustMoney("0.00"),
				Price:              MustMoney("8.00"),
				ExpirationDays:     "WITH PLAN",
				Status:             StatusActive,
				Group:              QualifyGroup{ID: "73", Name: "GSMA Network"},
				PromptForVariables: No,
				ReplenishWithPlan:  No,
				Variables: Variables{
					qualifyVar(1, "IMEI", VarText, nil, "Enter the IMEI from the GSM device.", Yes, Yes, "Device Information"),
					qualifyVar(2, "ICCID", VarText, nil, "The ICCID or number from the SIM card.", Yes, Yes, "Device Information"),
					qualifyVar(3, "MDN", VarText, nil, "The subscribers mobile device number.", No, No, "Mobile Number"),
					qualifyVar(4, "Number_Port", VarOptions, []string{"YES", "NO"}, "Select YES if porting an existing number.", No, Yes, "Porting Information"),
					qualifyVar(5, "Account_Number", VarText, nil, "The customers account number with the previous provider.", Yes, Yes, "Porting Information"),
					qualifyVar(6, "PIN_or_Password", VarText, nil, "The PIN or password with the previous provider.", Yes, Yes, "Porting Information"),
					qualifyVar(7, "SSN_or_Tax_ID", VarText, nil, "Required when porting from a postpaid accounts only.", Yes, Yes, "Porting Information"),
					qualifyVar(8, "Number_to_Port", VarText, nil, "Enter the 10 digit mobile number you wish to port.", No, Yes, "Porting Information"),
					qualifyVar(9, "MINUTES_USAGE", VarText, nil, "Minutes utilized on the current plan.", No, No, "Usage Information"),
					qualifyVar(10, "SMS_USAGE", VarText, nil, "SMS utilized on the current plan.", No, No, "Usage Information"),
					qualifyVar(11, "DATA_USAGE", VarText, nil, "Data utilized on the current plan.", No, No, "Usage Information"),
					qualifyVar(12, "CASH_BALANCE", VarText, nil, "Cash remaining on the account for extra services.", No, No, "Usage Information"),
					qualifyVar(13, "ACTIVATION_ID", VarText, nil, "Activation ID from the HEG wireless API", No, No, "Account Information"),
					qualifyVar(14, "SUBSCRIBER_ID", VarText, nil, "The HEG subscriber ID", No, No, "Account Information"),
					qualifyVar(15, "PORT_STATUS", VarText, nil, "The status code of the number port.", No, No, "Porting Information"),
				},
				VARProducts: []QualifyVARProduct{{
					RatePlanID:  "52808",
					Status:      StatusActive,
					SetupPrice:  MustMoney("0.00"),
					Price:       MustMoney("8.00"),
					Description: "$8 of cash value or 1GB of data.",
					Name:        "YourBrand PowerPack",
					VARID:       "1992093776",
					ProductID:   "337",
				}},
			}},
		}},
		jsonLoses: []string{
			"Products[0].Group.ID (<GROUP id> beside its text)",
			"Products[0].Variables[*] TYPE, OPTIONS, DESCRIPTION, SWAPABLE, PROMPT, CATEGORY (attributes of VARn beside its text)",
		},
		jsonAdjust: func(v any) {
			r := v.(*CustomerQualifyResponse)
			r.Products[0].Group.ID = ""
			stripVarMetadata(r.Products[0].Variables)
		}},
	{op: "Customer/Estimate", file: "Customer_Estimate",
		want: &CustomerEstimateResponse{CustomerEstimateResult: CustomerEstimateResult{
			AccountNumber: "7105045",
			Estimate: CustomerEstimate{
				Plan: EstimatePlan{RatePlanID: "52747", ProductID: "330"},
				Customer: EstimateCustomer{
					SetupPrice:     MustMoney("0.00"),
					RecurringPrice: MustMoney("25.00"),
					Promo:          EstimatePromo{PromoCode: "20off", Discount: MustMoney("12.35")},
					Total:          MustMoney("12.65"),
					CycleLength:    30,
					ExpirationDate: mustTime("8/15/2019"),
				},
				Client: EstimateClient{
					SetupPrice:     MustMoney("0.00"),
					RecurringPrice: MustMoney("20.00"),
					Total:          MustMoney("20.00"),
					Balance:        MustMoney("657.00"),
					EndBalance:     MustMoney("637.00"),
				},
			},
		}},
		jsonLoses: []string{"Estimate.Customer.Promo.PromoCode (<promo promo_code> beside its text)"},
		jsonAdjust: func(v any) {
			r := v.(*CustomerEstimateResponse)
			r.Estimate.Customer.Promo.PromoCode = ""
		}},
	{op: "Customer/Notation", file: "Customer_Notation",
		want: &CustomerNotationResponse{Meta: Meta{TransID: "3123489"}, CustomerNotationResult: CustomerNotationResult{
			AccountNumber: "7105045",
			Notation:      CustomerNotation{ID: "152", Subject: "Checking New API", Content: "Does the new API work?"},
		}},
		jsonLoses: []string{"Notation.Content (CDATA)"},
		jsonAdjust: func(v any) {
			r := v.(*CustomerNotationResponse)
			r.Notation.Content = ""
		}},
	{op: "Customer/Credit", file: "Customer_Credit",
		want: &CustomerCreditResponse{Meta: Meta{TransID: "3123832"}, CustomerCreditResult: CustomerCreditResult{
			AccountNumber: "41055910",
			Credit:        CustomerCredit{Type: BillingCredit, Amount: MustMoney("10.00"), CreditAvailable: MustMoney("10.00")},
		}}},
}
