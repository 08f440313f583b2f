package telecloud

// The wire table of Discount (DiscountsService): see documented and
// inferred in wire.go for what each marks.

import "net/http"

var discountWire = service{Name: "Discount", Routes: []route{
	{Method: "Search", Verb: http.MethodGet, Params: []param{
		inferred("CloudAccountType", "cloud_account_type"),     // "The type of account"
		inferred("CloudAccountNumber", "cloud_account_number"), // "The 10 digit account number of the cloud account"
		documented("ProductGroupID", "product_group_id"),
	}},
	{Method: "Create", Verb: http.MethodPost, Params: []param{
		inferred("CloudAccountType", "cloud_account_type").req(),
		inferred("CloudAccountNumber", "cloud_account_number").req(),
		documented("ProductID", "product_id").req(), // "The core product_id or the VAR rate plan ID"
		inferred("DiscountSetupPrice", "discount_setup_price"),
		inferred("DiscountPrice", "discount_price"), // "The discount recurring price"; <discount><discount_price>
	}},
	{Method: "Copy", Verb: http.MethodPost, Params: []param{
		inferred("CloudAccountType", "cloud_account_type").req(),
		inferred("CloudAccountNumber", "cloud_account_number").req(),
		inferred("FromCloudAccountType", "from_cloud_account_type").req(),     // "The type of account you wish to copy discounts from"
		inferred("FromCloudAccountNumber", "from_cloud_account_number").req(), // "… the cloud account your copying the discounts from"
		inferred("Replace", "replace"),                                        // "Provide a "Y" to delete all existing discounts and replace them"
	}},
	{Method: "Delete", Verb: http.MethodDelete, Params: []param{
		inferred("CloudAccountType", "cloud_account_type").req(),
		inferred("CloudAccountNumber", "cloud_account_number").req(),
	}},
}}
