package telecloud

// The verbatim samples of Billing and what each decodes to.

var goldenBilling = []golden{
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
}
