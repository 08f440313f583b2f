package telecloud

// The verbatim samples of Alerts, Announcements, Billing, CloudAccount,
// Customer, Discount, Gateways, Module and Notifications, and what each
// decodes to. Alerts/Edit has no sample.

// v3Notice is the CDATA body of the Alerts/Search and Announcements/Search
// samples.
const v3Notice = "<p>After four years, we are officially sunsetting TeleKloud V3 (this system). This basically means we will no longer make updates or repairs to the TeleKloud interface or API. <br /> <br /> TeleCloud.app (previously known as V4) is launching in early October and includes an all-new API, interface, and many new tools based on suggestions we received from you during our six month suggestion period in 2018.<br /> <br /> With the new TeleCloud.app you'll have the ability to get things done faster and provide a better experience for your customers. We look forward to introducing it!<br /> <br /> Thank you for understanding.<br /> <br /> Team MVNOU</p>"

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

var goldenGroupA = []golden{
	{op: "Alerts/Search", file: "Alerts_Search",
		want: &AlertSearchResponse{Alerts: []Alert{{
			AlertID: "41",
			Date:    mustTime("October 18th, 2019 12:21pm"),
			UserID:  "don_hawkins1",
			Subject: "TeleKloud V3 End of LIfe Notice",
			Content: v3Notice,
			Status:  AlertUnread,
			Type:    AlertTypeAnnouncement,
		}}},
		jsonLoses: []string{"Alerts[0].Content (CDATA)"},
		jsonAdjust: func(v any) {
			r := v.(*AlertSearchResponse)
			r.Alerts[0].Content = ""
		}},

	{op: "Announcements/Search", file: "Announcements_Search",
		want: &AnnouncementSearchResponse{Announcements: []Announcement{{
			ID:            "89",
			ShowPartner:   No,
			ShowAffiliate: No,
			Read:          900,
			Unread:        500,
			Date:          mustTime("September 19th, 2019 12:00am"),
			Subject:       "TeleKloud V3 End of LIfe Notice",
			Contents:      v3Notice,
		}}},
		jsonLoses: []string{"Announcements[0].Contents (CDATA)"},
		jsonAdjust: func(v any) {
			r := v.(*AnnouncementSearchResponse)
			r.Announcements[0].Contents = ""
		}},
	{op: "Announcements/Create", file: "Announcements_Create",
		want: &AnnouncementCreateResponse{Meta: Meta{TransID: "3132190"}, Announcement: AnnouncementRef{AnnouncementID: "91"}}},
	{op: "Announcements/Delete", file: "Announcements_Delete",
		want: &AnnouncementDeleteResponse{Meta: Meta{TransID: "3132354"}, Announcement: AnnouncementRef{AnnouncementID: "100"}}},

	{op: "Billing/Search", file: "Billing_Search",
		want: &BillingSearchResponse{
			CloudAccountType:   AccountPartner,
			CloudAccountNumber: "5881761312",
			Transactions: []BillingTransaction{{
				TransID:    "43329",
				Date:       mustTime("2019-06-01 13:10:01"),
				Type:       "MONTHLY MAINTENANCE FEE",
				Details:    "Monthly maintenance fee for system access and hosting.",
				User:       "AUTO",
				Amount:     MustMoney("0.00"),
				Billed:     Yes,
				EndBalance: MustMoney("385.22"),
				Status:     "COMPLETED",
			}},
		}},
	{op: "Billing/Create", file: "Billing_Create",
		want: &BillingCreateResponse{Meta: Meta{TransID: "3123792"}, Billing: BillingEntry{
			BillingTransID:     "43982",
			CloudAccountNumber: "2502093947",
			CloudAccountType:   AccountVAR,
			Type:               BillingCredit,
			Amount:             MustMoney("100.00"),
			Notes:              "Test credit",
			EndingBalance:      MustMoney("251.00"),
		}}},
	{op: "Billing/Reverse", file: "Billing_Reverse",
		want: &BillingReverseResponse{Meta: Meta{TransID: "3123793"}, Billing: BillingEntry{
			BillingTransID:     "43982",
			CloudAccountNumber: "2502093947",
			CloudAccountType:   AccountVAR,
			Type:               BillingCredit,
			Amount:             MustMoney("100.00"),
			Notes:              "Manual CREDIT issued by COREID 554777700.",
			EndingBalance:      MustMoney("151.00"),
		}}},
	{op: "Billing/AddFunds", file: "Billing_AddFunds",
		want: &BillingAddFundsResponse{Meta: Meta{TransID: "3124063"}, Billing: BillingEntry{
			BillingTransID: "44425",
			Type:           BillingCredit,
			Amount:         MustMoney("5.00"),
			EndingBalance:  MustMoney("657.00"),
		}}},

	{op: "CloudAccount/Search", file: "CloudAccount_Search",
		want: &CloudAccountSearchResponse{CloudAccounts: []CloudAccount{{
			ID:                  "2900",
			CloudAccountNumber:  "181818872",
			AccountType:         AccountPartner,
			CoreID:              "8187871817",
			VARID:               "1912093447",
			PartnerID:           "181818872",
			Type:                AccountPartner,
			CompanyName:         "Test Dealer",
			FirstName:           "Test",
			LastName:            "Dealer",
			Address1:            "1710 S First St",
			City:                "GARLAND",
			State:               "TX",
			ZipCode:             "75040",
			Country:             "United States",
			ContactPhone:        "8885551212",
			NotificationEmail:   "test@telecloud.app",
			MaintenanceFee:      MustMoney("0.00"),
			MaintenanceFeeDay:   1,
			MaintenanceFeeType:  FeeYearly,
			MaintenanceFeeMonth: "January",
			SpendingLimit:       MustMoney("1000.00"),
			Status:              StatusActive,
			FundingType:         FundingPrepaid,
			Since:               mustTime("2016-10-18"),
			TicketPipeEmail:     "testdealer290b4S4mW@secureaccesspoint.com",
		}}}},
	{op: "CloudAccount/Create", file: "CloudAccount_Create",
		want: &CloudAccountCreateResponse{Meta: Meta{TransID: "3123704"},
			CloudAccount: CloudAccountRef{ID: "474", CloudAccountNumber: "1819543527", AccountType: AccountVAR}}},
	{op: "CloudAccount/Edit", file: "CloudAccount_Edit",
		want: &CloudAccountEditResponse{Meta: Meta{TransID: "3123723"},
			CloudAccount: CloudAccountRef{ID: "474", CloudAccountNumber: "1819543527", AccountType: AccountVAR}}},
	{op: "CloudAccount/Delete", file: "CloudAccount_Delete",
		want: &CloudAccountDeleteResponse{Meta: Meta{TransID: "3123724"},
			CloudAccount: CloudAccountRef{ID: "473", CloudAccountNumber: "9261376490", AccountType: AccountVAR}}},

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

	{op: "Module/Search", file: "Module_Search",
		want: &ModuleSearchResponse{Modules: []Module{{
			ModuleID:    "26",
			Name:        "VZW 4G SIM Swap",
			Description: "Swap the SIM on a Verizon 4G plan.",
			URL:         "https://yourwebsite.com/modules_folder/sim_swap.asp",
		}}}},
	{op: "Module/Create", file: "Module_Create",
		want: &ModuleCreateResponse{Meta: Meta{TransID: "4404915"}, Module: Module{ModuleID: "7", Type: ModulePrebuilt}}},
	{op: "Module/Edit", file: "Module_Edit",
		want: &ModuleEditResponse{Meta: Meta{TransID: "3123887"}, Module: Module{ModuleID: "32"}}},
	{op: "Module/Delete", file: "Module_Delete",
		want: &ModuleDeleteResponse{Meta: Meta{TransID: "3123893"}, Module: Module{ModuleID: "8"}}},

	{op: "Notifications/Search", file: "Notifications_Search",
		want: &NotificationSearchResponse{Notifications: []Notification{{
			NotificationID: "7",
			NotifyCustomer: Yes,
			Event:          NotificationEventInfo{Name: EventOrderCreate, CustomerNotificationAvailable: Yes},
			FromEmail:      "newemail@mybrand.com",
			HTML:           "<p><html>New Client HTML</html></p>",
			HTMLCustomer:   "<p><html>New Customer HTML</html></p>",
		}}},
		jsonLoses: []string{
			"Notifications[0].HTML, HTMLCustomer (CDATA)",
			"Notifications[0].Event.CustomerNotificationAvailable (<event customer_notification_available> beside its text)",
		},
		jsonAdjust: func(v any) {
			n := &v.(*NotificationSearchResponse).Notifications[0]
			n.HTML, n.HTMLCustomer = "", ""
			n.Event.CustomerNotificationAvailable = ""
		}},
	{op: "Notifications/Create", file: "Notifications_Create",
		want: &NotificationCreateResponse{Meta: Meta{TransID: "3129380"}, NotifyCustomer: Yes, Notification: Notification{
			NotificationID: "7",
			Event:          NotificationEventInfo{Name: EventOrderCreate},
			FromEmail:      "orders@mybrand.com",
			HTML:           "<p><html>Stuff</html></p>",
			HTMLCustomer:   "<p><html>Customer Stuff</html></p>",
		}},
		jsonLoses: []string{"Notification.HTML, HTMLCustomer (CDATA)"},
		jsonAdjust: func(v any) {
			n := &v.(*NotificationCreateResponse).Notification
			n.HTML, n.HTMLCustomer = "", ""
		}},
	{op: "Notifications/Edit", file: "Notifications_Edit",
		want: &NotificationEditResponse{Meta: Meta{TransID: "3129383"}, Notification: Notification{
			NotifyCustomer: Yes,
			Event:          NotificationEventInfo{Name: EventOrderCreate},
			FromEmail:      "newemail@mybrand.com",
			HTML:           "<p><html>New Client HTML</html></p>",
			HTMLCustomer:   "<p><html>New Customer HTML</html></p>",
		}},
		jsonLoses: []string{"Notification.HTML, HTMLCustomer (CDATA)"},
		jsonAdjust: func(v any) {
			n := &v.(*NotificationEditResponse).Notification
			n.HTML, n.HTMLCustomer = "", ""
		}},
	{op: "Notifications/Delete", file: "Notifications_Delete",
		want: &NotificationDeleteResponse{Meta: Meta{TransID: "3129072"}, Notification: Notification{NotificationID: "181871"}}},
	{op: "Notifications/SearchTemplate", file: "Notifications_SearchTemplate",
		want: &NotificationSearchTemplateResponse{Templates: []NotificationTemplate{
			{TemplateID: "6", Event: NotificationEventInfo{Name: EventTicketReply, CustomerNotificationAvailable: Yes}, CloudNotificationStatus: TemplateNotReady, CustomerNotificationStatus: TemplateNotReady},
			{TemplateID: "5", Event: NotificationEventInfo{Name: EventOrderCancel, CustomerNotificationAvailable: Yes}, CloudNotificationStatus: TemplateNotReady, CustomerNotificationStatus: TemplateNotReady},
			{TemplateID: "4", Event: NotificationEventInfo{Name: EventOrderReplenish, CustomerNotificationAvailable: Yes}, CloudNotificationStatus: TemplateNotReady, CustomerNotificationStatus: TemplateNotReady},
			{TemplateID: "3", Event: NotificationEventInfo{Name: EventOrderCreate, CustomerNotificationAvailable: Yes}, CloudNotificationStatus: TemplateReady, CustomerNotificationStatus: TemplateReady},
			{TemplateID: "2", Event: NotificationEventInfo{Name: EventCloudAccountCreate, CustomerNotificationAvailable: No}, CloudNotificationStatus: TemplateNotReady, CustomerNotificationStatus: TemplateNotReady},
			{TemplateID: "1", Event: NotificationEventInfo{Name: EventTicketCreate, CustomerNotificationAvailable: Yes}, CloudNotificationStatus: TemplateNotReady, CustomerNotificationStatus: TemplateNotReady},
		}},
		jsonLoses: []string{"Templates[*].Event.CustomerNotificationAvailable (<event customer_notification_available> beside its text)"},
		jsonAdjust: func(v any) {
			r := v.(*NotificationSearchTemplateResponse)
			for i := range r.Templates {
				r.Templates[i].Event.CustomerNotificationAvailable = ""
			}
		}},
}
