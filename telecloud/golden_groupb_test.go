package telecloud

import "fmt"

// replyMessage791 is the body of reply 791 of Ticket_Search: HTML the
// reference prints without CDATA (entities unescaped, as in the JSON form).
const replyMessage791 = `<p>GSM Network iPHone:<br><br>Apple iPhone - Internet and MMS (iOS Version 6 or Later)<br>Go to "Settings", tap on WiFi and temporarily turn it OFF<br>Back in "Settings", scroll down to "Messages" and tap to open it. Make sure MMS is OFF<br>Go back to "Settings", tap on "General" and then "Cellular". Make sure "Enable 3G" is OFF & "Data Roaming" is ON.<br>Scroll down & tap on "Cellular Data Network"<br>Under "Cellular Data Network" put in the following:<br>Cellular Data APN: pwg<br>MMS APN: pwg<br>MMSC: http://pwg.mmsmvno.com/mms.wapenc (needs to be ".com/mms/wapenc"<br>MMS Proxy: 216.155.165.50 (deleted this, and MMS could send to non iphones)<br>MMS Max Message Size: 1048576<br>MMS UA Prof URL: http://www.apple.com/mms/uaprof.rdf<br>Leave all other fields blank<br><br></p><p>Click on the Home button to go back to the main phone screen<br>Go back to "Settings" one more time, scroll down and tap on "Messages" and turn it ON<br>Press the Home button and you're set to send & receive MMS on PWG<br>Once you have set it up and tested to see it works, you can re-enable WiFi, turn off Data Roaming and turn on 3G<br></p><p><br></p><p><br></p>`

// wantChurn is the churn of Reports_Search: 30 days of 0, 2019-07-31 back to 2019-07-02.
func wantChurn() []ChurnDay {
	var out []ChurnDay
	for d := 31; d >= 2; d-- {
		out = append(out, ChurnDay{Date: mustTime(fmt.Sprintf("2019-07-%02d", d)), Count: 0})
	}
	return out
}

// wantHistory is the history of Reports_Search: 0.00 for June 2019 back to July 2018.
func wantHistory() MonthlyHistory {
	m := func(name, ym string) MonthAmount {
		return MonthAmount{MonthName: name, MonthYear: ym, Amount: MustMoney("0.00")}
	}
	return MonthlyHistory{
		Month1: m("JUNE", "2019-06"), Month2: m("MAY", "2019-05"), Month3: m("APRIL", "2019-04"),
		Month4: m("MARCH", "2019-03"), Month5: m("FEBRUARY", "2019-02"), Month6: m("JANUARY", "2019-01"),
		Month7: m("DECEMBER", "2018-12"), Month8: m("NOVEMBER", "2018-11"), Month9: m("OCTOBER", "2018-10"),
		Month10: m("SEPTEMBER", "2018-09"), Month11: m("AUGUST", "2018-08"), Month12: m("JULY", "2018-07"),
	}
}

// clearHistoryMonths drops what the JSON form of a history loses.
func clearHistoryMonths(h *MonthlyHistory) {
	for _, m := range []*MonthAmount{&h.Month1, &h.Month2, &h.Month3, &h.Month4, &h.Month5, &h.Month6,
		&h.Month7, &h.Month8, &h.Month9, &h.Month10, &h.Month11, &h.Month12} {
		m.MonthName, m.MonthYear = "", ""
	}
}

// orderVar is a variable of Order_Search (value form, with its definition).
func orderVar(slot int, name string, swap Flag, typ VariableType, options []string, desc, value string) Variable {
	return Variable{Slot: slot, Name: name, Value: value, Type: typ, Options: options, Description: desc, Swappable: swap}
}

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

var goldenGroupB = []golden{
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

	// Reports
	{op: "Reports/Search", file: "Reports_Search", want: &ReportSearchResponse{
		Report: Report{
			AccountNumber: "7105045",
			Orders:        OrderCounts{Active: 2, Suspended: 1, NonPay: 0, Cancelled: 7, Churn: wantChurn()},
			Financial: FinancialReport{
				WholesaleSpend: MoneyHistory{CurrentMonth: MustMoney("0.00"), PreviousMonth: MustMoney("0.00"), History: wantHistory()},
				Income:         MoneyHistory{CurrentMonth: MustMoney("0.00"), PreviousMonth: MustMoney("0.00"), History: wantHistory()},
			},
			Tickets: TicketReport{
				Internal: TicketCounts{Closed: 1},
				External: TicketCounts{Closed: 2},
			},
		},
	},
		jsonLoses: []string{
			"Report.Orders.Churn[i].Date, .Churn (date/churn attributes of churn items)",
			"Report.Financial.{WholesaleSpend,Income}.History.MonthN.{MonthName,MonthYear} (month_name/month_year attributes)",
		},
		jsonAdjust: func(v any) {
			r := &v.(*ReportSearchResponse).Report
			for i := range r.Orders.Churn {
				r.Orders.Churn[i].Date, r.Orders.Churn[i].Churn = Time{}, ""
			}
			clearHistoryMonths(&r.Financial.WholesaleSpend.History)
			clearHistoryMonths(&r.Financial.Income.History)
		}},

	// Ticket
	{op: "Ticket/Search", file: "Ticket_Search", want: &TicketSearchResponse{
		Results: 1,
		Tickets: []Ticket{{
			TicketID:    "WHE-77971",
			TicketEmail: "440-WHE-77971@telecloud.app",
			Date: TicketDate{
				Time:        mustTime("2016-01-15 18:59:02"),
				Unix:        1452902342,
				LastReply:   mustTime("0000-00-00 00:00:00"),
				ElapsedTime: "About 1275 day(s) ago.",
			},
			Core:       TicketAccount{CloudAccountNumber: "0628198300", Name: "Hawkins Enterprise Group LLC"},
			VAR:        TicketAccount{CloudAccountNumber: "1992093958", Name: "ZillaTalk"},
			Direction:  TicketExternal,
			OpenedBy:   TicketPerson{IconURL: "https://telecloud.app/images/icon_person_placeholder.png", Name: "Chad Hawkins [VAR]"},
			OpenedVia:  "POST",
			Department: DepartmentTechSupport,
			Subject:    "Connection and MMS Issues",
			Message:    "<p>Customer having a problem with connection and MMS issue son iPhone 6+</p><p>Don</p>",
			Attachments: TicketAttachments{Results: 2, Files: []string{
				"https://telecloud.app/attachments/1563155912634.jpg",
				"https://telecloud.app/attachments/1563155912534.png",
			}},
			Status: TicketClosed,
			Replies: []TicketReply{
				{
					MessageID: "791",
					Date:      TicketDate{Time: mustTime("2016-01-15 19:00:02"), Unix: 1452902402, ElapsedTime: "About 1275 day(s) ago."},
					PostedBy:  TicketPerson{Type: "STAFF", IconURL: "https://telecloud.app/images/icon_person_placeholder.png", Name: "Chad Hawkins [VAR]"},
					PostedVia: "POST",
					Message:   replyMessage791,
				},
				{
					MessageID: "814",
					Date:      TicketDate{Time: mustTime("2016-01-29 08:58:22"), Unix: 1454075902, ElapsedTime: "About 1261 day(s) ago."},
					PostedBy:  TicketPerson{Type: "STAFF", IconURL: "https://telecloud.app/images/icon_person_placeholder.png", Name: "DON HAWKINS [CORE]"},
					PostedVia: "POST",
					Message:   "<p><br></p>",
				},
			},
		}},
	},
		jsonLoses: []string{
			"Tickets[i].Date.{Unix,LastReply,ElapsedTime} and Replies[j].Date.{Unix,ElapsedTime} (attributes of <date>)",
			"Tickets[i].Core.CloudAccountNumber, Tickets[i].VAR.CloudAccountNumber (attributes of <CORE>, <VAR>)",
			"Tickets[i].OpenedBy.IconURL, Replies[j].PostedBy.{Type,IconURL} (attributes of <opened_by>, <posted_by>)",
		},
		jsonAdjust: func(v any) {
			for i := range v.(*TicketSearchResponse).Tickets {
				t := &v.(*TicketSearchResponse).Tickets[i]
				t.Date = TicketDate{Time: t.Date.Time}
				t.Core.CloudAccountNumber, t.VAR.CloudAccountNumber = "", ""
				t.OpenedBy = TicketPerson{Name: t.OpenedBy.Name}
				for j := range t.Replies {
					r := &t.Replies[j]
					r.Date = TicketDate{Time: r.Date.Time}
					r.PostedBy = TicketPerson{Name: r.PostedBy.Name}
				}
			}
		}},
	{op: "Ticket/Create", file: "Ticket_Create", want: &TicketCreateResponse{
		Meta:   Meta{TransID: "3123957"},
		Ticket: TicketRef{TicketID: "PBCM-91777"},
	}},
	{op: "Ticket/Reply", file: "Ticket_Reply", want: &TicketReplyResponse{
		Meta:   Meta{TransID: "3124051"},
		Ticket: TicketRef{TicketID: "UWXCLP-96302"},
	}},
	{op: "Ticket/Edit", file: "Ticket_Edit", want: &TicketEditResponse{
		Meta:   Meta{TransID: "3124157"},
		Ticket: TicketRef{TicketID: "MVEM-23948"},
	}},

	// Transaction
	{op: "Transaction/Search", file: "Transaction_Search", want: &TransactionSearchResponse{
		Transactions: []Transaction{{
			TransID:      "3123534",
			Service:      "PaymentMethod/Create",
			User:         "user_name455",
			FullRequest:  `{"format":"xml","service":"PaymentMethod","method":"Create","API_USER_ID":"test@telecloud.app","account_number":""}`,
			RequestingIP: "95.162.36.222",
			Status:       TransactionFailed,
		}},
	}},

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

	// User
	{op: "User/Search", file: "User_Search", want: &UserSearchResponse{
		Users: []User{
			{
				UserID: "232", ProfileImage: "https://secureaccesspoint.com/profileimg/112333587627.png",
				Username: "some_one1", Email: "test@hawkinsegroup.com", FirstName: "Test", LastName: "User",
				InitialPassword: NewSecret("144era"), AccessLevel: AccessAdmin, Status: UserActive,
				LastLogin: mustTime("2019-07-07 12:59:52"), LastIP: "24.745.11.13",
			},
			{
				UserID: "233", ProfileImage: "https://secureaccesspoint.com/profileimg/20488774561722452.jpg",
				Username: "some_one2", Email: "legal@hawkinsegroup.com", FirstName: "Chris", LastName: "Cooper",
				InitialPassword: NewSecret("788733rr"), AccessLevel: AccessAdmin, Status: UserActive,
				LastLogin: mustTime("2018-04-09 18:27:56"), LastIP: "91.422.38.250",
			},
		},
	}},
	{op: "User/Create", file: "User_Create", want: &UserCreateResponse{
		Meta: Meta{TransID: "3123913"},
		User: User{UserID: "4717", Username: "chris_westbrook2", InitialPassword: NewSecret("2ne6j")},
	}},
	{op: "User/Edit", file: "User_Edit", want: &UserEditResponse{
		Meta: Meta{TransID: "3123901"},
		User: User{UserID: "518"},
	}},
}
