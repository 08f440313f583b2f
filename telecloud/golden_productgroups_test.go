package telecloud

// The verbatim samples of ProductGroup and what each decodes to.

// groupVar is a variable definition of ProductGroup_Search.
func groupVar(slot int, name string, typ VariableType, options []string, desc string, swap, prompt Flag, category string) Variable {
	return Variable{Slot: slot, Name: name, Type: typ, Options: options, Description: desc, Swappable: swap, Prompt: prompt, Category: category}
}

// groupVarsJSON keeps of definitions what the JSON form carries: the slot and name.
func groupVarsJSON(vs Variables) {
	for i := range vs {
		vs[i] = Variable{Slot: vs[i].Slot, Name: vs[i].Name}
	}
}

var goldenProductGroups = []golden{
	// ProductGroup
	{op: "ProductGroup/Search", file: "ProductGroup_Search", want: &ProductGroupSearchResponse{
		Groups: []ProductGroup{
			{
				GroupID: "22", Status: ProductGroupUnlocked,
				ModuleOrder: "1", ModuleReplenish: "10", ModuleStatus: "2", ModuleSwap: "4", ModuleCancel: "",
				Name:        "YW T-Mobile Network",
				Description: "Includes service plans on the YW T-Mobile GSM network.",
				Variables: Variables{
					groupVar(1, "IMEI", VarText, nil, "Enter the IMEI from the GSM device.", Yes, Yes, ""),
					groupVar(2, "ICCID", VarText, nil, "Enter the ICCID from the SIM card.", Yes, Yes, ""),
					groupVar(3, "MDN", VarText, nil, "The customers 10 digit wireless number.", No, No, ""),
					groupVar(4, "Number_Port", VarOptions, []string{"NO", "YES"}, "Choose YES or NO if porting, then complete all below fields.", No, Yes, "Porting Information"),
					groupVar(5, "Account_Number", VarText, nil, "Enter the account number as listed with the previous provider.", No, Yes, "Porting Information"),
					groupVar(6, "PIN", VarText, nil, "The PIN or Account Password as listed with the previous provider.", No, Yes, "Porting Information"),
					groupVar(7, "SSN_or_TAX_ID", VarText, nil, "Enter the primary account holders social security number or tax ID.", No, Yes, "Porting Information"),
					groupVar(8, "Mobile_Number", VarText, nil, "The mobile number the customer wishes to port.", No, Yes, "Porting Information"),
					groupVar(9, "MINUTES_REMAINING", VarText, nil, "Minutes remaining on the current plan.", No, No, "Usage Information"),
					groupVar(10, "SMS_REMAINING", VarText, nil, "SMS remaining on the current plan.", No, No, "Usage Information"),
					groupVar(11, "DATA_REMAINING", VarText, nil, "DATA remaining on the current plan.", No, No, "Usage Information"),
					groupVar(12, "CASH_BALANCE", VarText, nil, "Cash remaining on the account for extra services.", No, No, "Usage Information"),
					groupVar(13, "ORDER_ID", VarText, nil, "The order ID from the HEG YW system.", No, No, "Account Information"),
					groupVar(15, "PREVIOUS_CARRIER", VarText, nil, "The name of the carrier the customer is porting from.", No, Yes, "Porting Information"),
				},
			},
			{
				GroupID: "72", Status: ProductGroupLocked,
				ModuleOrder: "1", ModuleReplenish: "10", ModuleStatus: "5", ModuleSwap: "4", ModuleCancel: "",
				Name:        "YW Sprint Network",
				Description: "Service on the nationwide Sprint network. Include the unlimited Sprint plan.",
				Variables: Variables{
					groupVar(1, "MEID", VarText, nil, "Enter the 15 or 18 digit MEID.", Yes, Yes, ""),
					groupVar(2, "ICCID", VarText, nil, "Enter the ICCID from the Sprint SIM card.", Yes, Yes, ""),
					groupVar(3, "MDN", VarText, nil, "The customers 10 digit wireless number.", No, No, ""),
					groupVar(4, "Number_Port", VarOptions, []string{"NO", "YES"}, "Choose YES or NO if porting, then complete all below fields.", No, Yes, "Porting Information"),
					groupVar(5, "Account_Number", VarText, nil, "Enter the account number as listed with the previous provider.", No, Yes, "Porting Information"),
					groupVar(6, "PIN", VarText, nil, "The PIN or Account Password as listed with the previous provider.", No, Yes, "Porting Information"),
					groupVar(7, "SSN_or_TAX_ID", VarText, nil, "Enter the primary account holders social security number or tax ID.", No, Yes, "Porting Information"),
					groupVar(8, "Mobile_Number", VarText, nil, "The mobile number the customer wishes to port.", No, Yes, "Porting Information"),
					groupVar(9, "MINUTES_REMAINING", VarText, nil, "Minutes remaining on the current plan.", No, No, "Porting Information"),
					groupVar(10, "SMS_REMAINING", VarText, nil, "SMS remaining on the current plan.", No, No, "Usage Information"),
					groupVar(11, "DATA_REMAINING", VarText, nil, "DATA remaining on the current plan.", No, No, "Usage Information"),
					groupVar(12, "CASH_BALANCE", VarText, nil, "Cash remaining on the account for extra services.", No, No, "Usage Information"),
					groupVar(13, "ORDER_ID", VarText, nil, "The order ID from the HEG YW system.", No, No, "Usage Information"),
					groupVar(15, "PREVIOUS_CARRIER", VarText, nil, "The name of the previous carrier the customer is porting from.", No, Yes, "Porting Information"),
				},
			},
		},
	},
		jsonLoses: []string{"Groups[i].Variables[j].{Type,Options,Description,Swappable,Prompt,Category} (TYPE/OPTIONS/DESCRIPTION/SWAPABLE/PROMPT/CATEGORY attributes of VARn elements with text)"},
		jsonAdjust: func(v any) {
			for _, g := range v.(*ProductGroupSearchResponse).Groups {
				groupVarsJSON(g.Variables)
			}
		}},
	{op: "ProductGroup/Create", file: "ProductGroup_Create", want: &ProductGroupCreateResponse{
		Meta:         Meta{TransID: "3123869"},
		ProductGroup: ProductGroupRef{ProductGroupID: "75"},
	}},
	{op: "ProductGroup/Edit", file: "ProductGroup_Edit", want: &ProductGroupEditResponse{
		Meta:         Meta{TransID: "3123999"},
		ProductGroup: ProductGroupRef{ProductGroupID: "75"},
	}},
}
