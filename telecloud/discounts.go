package telecloud

import "context"

// DiscountSearchRequest selects the discounts of Discount/Search.
type DiscountSearchRequest struct {
	// CloudAccountType is the type of the cloud account: CORE, VAR,
	// PARTNER or AFFILIATE; required with CloudAccountNumber.
	CloudAccountType AccountType
	// CloudAccountNumber is the cloud account (usually 10 digits).
	CloudAccountNumber string
	// ProductGroupID limits the discounts to one product group.
	ProductGroupID string
}

func (r *DiscountSearchRequest) validate() error {
	return cloudAccountParams("CloudAccountType", "cloud_account_type", r.CloudAccountType, "CloudAccountNumber", r.CloudAccountNumber)
}

// DiscountSearchResponse is the answer of Discount/Search.
type DiscountSearchResponse struct {
	Meta
	// DiscountList is the <discounts> element; its fields are promoted
	// (resp.Discounts, resp.Limit).
	DiscountList `tc:"discounts"`
}

// DiscountList is the <discounts> element of Discount/Search.
type DiscountList struct {
	// Limit is the most discounts the answer lists.
	Limit int `tc:"limit,attr"`
	// Discounts are the product discounts of the cloud account.
	Discounts []Discount `tc:"discount"`
}

// Discount is the price a cloud account pays for a product: what you
// charge the account below yours, with the VAR rate plans built on the
// product (for PARTNER and AFFILIATE accounts).
type Discount struct {
	// ID identifies the discount.
	ID string `tc:"id,attr"`
	// ProductID is the core product.
	ProductID string `tc:"product_id"`
	// CoreProductName and CoreProductDescription describe it (Discount/Search only).
	CoreProductName        string `tc:"core_product_name"`
	CoreProductDescription string `tc:"core_product_description"`
	// DiscountSetupPrice and DiscountPrice are the setup and recurring
	// prices the cloud account pays.
	DiscountSetupPrice Money `tc:"discount_setup_price"`
	DiscountPrice      Money `tc:"discount_price"`
	// VARPlans are the VAR rate plans on the product (Discount/Search only).
	VARPlans []DiscountVARPlan `tc:"var_plans>plan"`
}

// DiscountVARPlan is a VAR rate plan listed with a discount.
type DiscountVARPlan struct {
	// RatePlanID identifies the rate plan.
	RatePlanID string `tc:"id,attr"`
	// Name is the plan's name.
	Name string `tc:"name"`
	// SetupPrice and Price are the plan's customer prices.
	SetupPrice Money `tc:"setup_price"`
	Price      Money `tc:"price"`
}

// DiscountCreateRequest is the input of Discount/Create.
type DiscountCreateRequest struct {
	// CloudAccountType is the type of the cloud account: CORE, VAR,
	// PARTNER or AFFILIATE. Required.
	CloudAccountType AccountType
	// CloudAccountNumber is the cloud account (usually 10 digits). Required.
	CloudAccountNumber string
	// ProductID is the core product id or the VAR rate plan id (see
	// Plans.Search). Required.
	ProductID string
	// DiscountSetupPrice is the setup price the account is to pay, in full
	// dollar form, e.g. 1.00.
	DiscountSetupPrice Money
	// DiscountPrice is the recurring price the account is to pay, in full
	// dollar form, e.g. 1.00.
	DiscountPrice Money
}

func (r *DiscountCreateRequest) validate() error {
	if err := cloudAccountParams("CloudAccountType", "cloud_account_type", r.CloudAccountType, "CloudAccountNumber", r.CloudAccountNumber); err != nil {
		return err
	}
	if err := priceParam("DiscountSetupPrice", "discount_setup_price", r.DiscountSetupPrice); err != nil {
		return err
	}
	return priceParam("DiscountPrice", "discount_price", r.DiscountPrice)
}

// DiscountCreateResponse is the answer of Discount/Create (the sample
// carries no trans_id).
type DiscountCreateResponse struct {
	Meta
	// Discount is the discount set.
	Discount Discount `tc:"discount"`
}

// DiscountCopyRequest is the input of Discount/Copy.
type DiscountCopyRequest struct {
	// CloudAccountType is the type of the account to copy the discounts
	// to: CORE, VAR, PARTNER or AFFILIATE. Required.
	CloudAccountType AccountType
	// CloudAccountNumber is the account to copy the discounts to. Required.
	CloudAccountNumber string
	// FromCloudAccountType is the type of the account to copy the
	// discounts from. Required.
	FromCloudAccountType AccountType
	// FromCloudAccountNumber is the account to copy the discounts from. Required.
	FromCloudAccountNumber string
	// Replace: Y deletes every existing discount of the target first.
	Replace Flag
}

func (r *DiscountCopyRequest) validate() error {
	if err := cloudAccountParams("CloudAccountType", "cloud_account_type", r.CloudAccountType, "CloudAccountNumber", r.CloudAccountNumber); err != nil {
		return err
	}
	if err := cloudAccountParams("FromCloudAccountType", "from_cloud_account_type", r.FromCloudAccountType, "FromCloudAccountNumber", r.FromCloudAccountNumber); err != nil {
		return err
	}
	return flagParam("Replace", "replace", r.Replace)
}

// DiscountCopyResponse is the answer of Discount/Copy: only a transaction id.
type DiscountCopyResponse struct {
	Meta
}

// DiscountDeleteRequest is the input of Discount/Delete.
type DiscountDeleteRequest struct {
	// CloudAccountType is the type of the cloud account: CORE, VAR,
	// PARTNER or AFFILIATE. Required.
	CloudAccountType AccountType
	// CloudAccountNumber is the cloud account whose discounts to delete. Required.
	CloudAccountNumber string
}

func (r *DiscountDeleteRequest) validate() error {
	return cloudAccountParams("CloudAccountType", "cloud_account_type", r.CloudAccountType, "CloudAccountNumber", r.CloudAccountNumber)
}

// DiscountDeleteResponse is the answer of Discount/Delete: only a
// transaction id.
type DiscountDeleteResponse struct {
	Meta
}

// Search lists the product discounts of a cloud account under yours, with
// the VAR rate plans on each product (Discount/Search). CloudAccounts.Search
// shows discounts too, without the rate plans.
func (s *DiscountsService) Search(ctx context.Context, req DiscountSearchRequest, opts ...CallOption) (*DiscountSearchResponse, error) {
	return call[DiscountSearchResponse](ctx, s.c, "Discount/Search", &req, opts)
}

// Create sets the price a cloud account under yours pays for a product
// (Discount/Create).
func (s *DiscountsService) Create(ctx context.Context, req DiscountCreateRequest, opts ...CallOption) (*DiscountCreateResponse, error) {
	return call[DiscountCreateResponse](ctx, s.c, "Discount/Create", &req, opts)
}

// Copy gives a cloud account under yours the discounts of another
// (Discount/Copy), optionally replacing all of its own.
func (s *DiscountsService) Copy(ctx context.Context, req DiscountCopyRequest, opts ...CallOption) (*DiscountCopyResponse, error) {
	return call[DiscountCopyResponse](ctx, s.c, "Discount/Copy", &req, opts)
}

// Delete deletes ALL the product discounts of a cloud account under yours
// (Discount/Delete); there is no way to delete just one.
func (s *DiscountsService) Delete(ctx context.Context, req DiscountDeleteRequest, opts ...CallOption) (*DiscountDeleteResponse, error) {
	return call[DiscountDeleteResponse](ctx, s.c, "Discount/Delete", &req, opts)
}
