package telecloud

// The wire table of Transaction (TransactionsService): see documented and
// inferred in wire.go for what each marks.

import "net/http"

var transactionWire = service{Name: "Transaction", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		documented("TransID", "trans_id"),
		inferred("AccountNumber", "account_number"),
		documented("OrderNumber", "order_number"),
		inferred("Service", "service"),
		inferred("Status", "status"),
	}},
}}
