package telecloud

// The verbatim samples of Order and what each decodes to.

// orderVar is a variable of Order_Search (value form, with its definition).
func orderVar(slot int, name string, swap Flag, typ VariableType, options []string, desc, value string) Variable {
	return Variable{Slot: slot, Name: name, Value: value, Type: typ, Options: options, Description: desc, Swappable: swap}
}

var goldenOrders = []golden{
	// Order
	{op: "Order/Search", file: "Order_Search", want: &OrderSearchResponse{
		Orders: []Order{{
			OrderNumber:    "Z8111Z",
			AccountNumber:  "7105045",
			ActivationDate: mustTime("2019-03-28"),
			Type:           ProductTraditional,
			SubmittedBy:    "syour_brand12",
			LastUpdate:     mustTime("2019-03-28 00:00:00"),
			Status:         OrderCancelled,
			Product: OrderProduct{
				ProductID: "330", ProductGroupID: "73", ProductGroupName: "GSMA Network",
				Name:        "[Smartphone] By The Gig",
				CycleLength: 30,
				Plan: OrderPlan{
					RatePlanID:     "52747",
					Name:           "Pay By The Gig",
					RecurringPrice: MustMoney("25.00"),
					ExpirationDate: mustTime("4/27/2019"),
				},
			},
			Variables: Variables{
				orderVar(1, "IMEI", Yes, VarText, nil, "Enter the IMEI from the GSM device.", "3531454180705"),
				orderVar(2, "ICCID", Yes, VarText, nil, "The ICCID or number from the SIM card.", "8901410327181008559"),
				orderVar(3, "MDN", No, VarText, nil, "The subscribers mobile device number.", "469314399"),
				orderVar(4, "Number_Port", No, VarOptions, []string{"YES", "NO"}, "Select YES if porting an existing number, select NO if not.", "YES"),
				orderVar(5, "Account_Number", Yes, VarText, nil, "The customers account number with the previous provider.", "414792399"),
				orderVar(6, "PIN_or_Password", Yes, VarText, nil, "The PIN or password on the customers account with the previous provider.", "6109"),
				orderVar(7, "SSN_or_Tax_ID", Yes, VarText, nil, "Required when porting from a postpaid accounts only.", ""),
				orderVar(8, "Number_to_Port", No, VarText, nil, "Enter the 10 digit mobile number you wish to port.", "4693792399"),
				orderVar(9, "MINUTES_USAGE", No, VarText, nil, "Minutes utilized on the current plan.", "0"),
				orderVar(10, "SMS_USAGE", No, VarText, nil, "SMS utilized on the current plan.", "0"),
				orderVar(11, "DATA_USAGE", No, VarText, nil, "Data utilized on the current plan.", "0.007"),
				orderVar(12, "CASH_BALANCE", No, VarText, nil, "Cash remaining on the account for extra services.", "0.00"),
				orderVar(13, "ACTIVATION_ID", No, VarText, nil, "Activation ID from the HEG wireless API", "5c9d890c7b415d62f4e1e59d"),
				orderVar(14, "SUBSCRIBER_ID", No, VarText, nil, "The HEG subscriber ID", "511404"),
				orderVar(15, "PORT_STATUS", No, VarText, nil, "The status code of the number port.", "CF"),
			},
		}},
	},
		jsonLoses: []string{"Orders[0].Variables[i].{Name,Type,Options,Description,Swappable} of every variable with a value (NAME/SWAPABLE/TYPE/OPTIONS/DESCRIPTION attributes of VARn elements with text)"},
		jsonAdjust: func(v any) {
			vs := v.(*OrderSearchResponse).Orders[0].Variables
			for i := range vs {
				if vs[i].Value != "" {
					vs[i] = Variable{Slot: vs[i].Slot, Value: vs[i].Value}
				}
			}
		}},
	{op: "Order/Create", file: "Order_Create", want: &OrderCreateResponse{
		Order: OrderResult{OrderNumber: "4617ZU4617", Status: OrderPending},
	}},
	{op: "Order/Status", file: "Order_Status", want: &OrderStatusResponse{
		Meta:  Meta{TransID: "5472"},
		Order: OrderResult{OrderNumber: "GBT83432HH", Status: OrderSuspended},
	}},
	{op: "Order/Move", file: "Order_Move", want: &OrderMoveResponse{
		Meta:  Meta{TransID: "5472"},
		Order: OrderResult{OrderNumber: "GBT83432HH", NewAccountNumber: "9505011"},
	}},
	{op: "Order/Cancel", file: "Order_Cancel", want: &OrderCancelResponse{
		Meta:  Meta{TransID: "5472"},
		Order: OrderResult{OrderNumber: "GBT83432HH", Status: OrderCancelled},
	}},
	{op: "Order/Swap", file: "Order_Swap", want: &OrderSwapResponse{
		Meta:  Meta{TransID: "5472"},
		Order: OrderResult{OrderNumber: "GBT83432HH"},
	}},
	{op: "Order/Replenish", file: "Order_Replenish", want: &OrderReplenishResponse{
		Meta:  Meta{TransID: "3123677"},
		Order: OrderResult{OrderNumber: "GBTU732673F", ExpirationDate: mustTime("6/11/2019")},
	}},
	{op: "Order/Update", file: "Order_Update", want: &OrderUpdateResponse{
		Meta:  Meta{TransID: "3123688"},
		Order: OrderResult{OrderNumber: "GBT8214789"},
	}},
	{op: "Order/ReportUsage", file: "Order_ReportUsage", want: &OrderReportUsageResponse{
		Meta: Meta{TransID: "4182009"},
		Order: OrderResult{OrderNumber: "5401FBZ5401", Components: []UsageReport{{
			ComponentID: "8417871", OldValue: QuantityOf(1014), NewValue: QuantityOf(1514),
			UnitPrice: MustMoney("0.0030"), Total: MustMoney("1.5"),
		}}},
	}},
}
