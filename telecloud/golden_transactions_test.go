package telecloud

// The verbatim samples of Transaction and what each decodes to.

var goldenTransactions = []golden{
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
}
