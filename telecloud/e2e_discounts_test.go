package telecloud_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/telecloud"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

// End-to-end tests of Discount (see e2e_test.go).

func TestE2EDiscounts(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		// The CORE gives the VAR a price on its product: orders cost the VAR less.
		d, err := e.core.Discounts.Create(e.ctx, telecloud.DiscountCreateRequest{CloudAccountType: telecloud.AccountVAR,
			CloudAccountNumber: telecloudtest.SeedVARAccount, ProductID: telecloudtest.SeedProduct,
			DiscountSetupPrice: money("0.00"), DiscountPrice: money("15.00")})
		require.NoError(t, err)
		assert.NotEmpty(t, d.TransID)
		assert.Equal(t, "30567", d.Discount.ID)
		assert.Equal(t, telecloudtest.SeedProduct, d.Discount.ProductID)
		assertMoney(t, "0.00", d.Discount.DiscountSetupPrice)
		assertMoney(t, "15.00", d.Discount.DiscountPrice)

		list, err := e.core.Discounts.Search(e.ctx, telecloud.DiscountSearchRequest{CloudAccountType: telecloud.AccountVAR,
			CloudAccountNumber: telecloudtest.SeedVARAccount})
		require.NoError(t, err)
		assert.Equal(t, 50000, list.Limit)
		require.Len(t, list.Discounts, 1)
		ds := list.Discounts[0]
		assert.Equal(t, "30567", ds.ID)
		assert.Equal(t, "[Smartphone] By The Gig", ds.CoreProductName)
		assert.Equal(t, "2GB and unlimited talk and text included.", ds.CoreProductDescription)
		assertMoney(t, "15.00", ds.DiscountPrice)
		require.Len(t, ds.VARPlans, 1)
		assert.Equal(t, telecloud.DiscountVARPlan{RatePlanID: telecloudtest.SeedRatePlan, Name: "Pay By The Gig",
			SetupPrice: money("0.00"), Price: money("25.00")}, ds.VARPlans[0])
		other, err := e.core.Discounts.Search(e.ctx, telecloud.DiscountSearchRequest{CloudAccountType: telecloud.AccountVAR,
			CloudAccountNumber: telecloudtest.SeedVARAccount, ProductGroupID: "999"})
		require.NoError(t, err)
		assert.Empty(t, other.Discounts)

		est, err := e.c.Customers.Estimate(e.ctx, telecloud.CustomerEstimateRequest{AccountNumber: telecloudtest.SeedCustomer, RatePlanID: telecloudtest.SeedRatePlan})
		require.NoError(t, err)
		assertMoney(t, "15.00", est.Estimate.Client.Total)
		e.newOrder(telecloudtest.SeedCustomer)
		assert.Equal(t, "642.00", e.balance(telecloudtest.SeedVARAccount), "657.00 less the discounted 15.00")

		// The reference's one quoted message: a discount needs its price.
		_, err = e.core.Discounts.Create(e.ctx, telecloud.DiscountCreateRequest{CloudAccountType: telecloud.AccountVAR,
			CloudAccountNumber: telecloudtest.SeedVARAccount, ProductID: telecloudtest.SeedProduct})
		vendorError(t, err, "A full dollar amount must be supplied for the discount price.")
		_, err = e.core.Discounts.Create(e.ctx, telecloud.DiscountCreateRequest{CloudAccountType: telecloud.AccountVAR,
			CloudAccountNumber: telecloudtest.SeedVARAccount, ProductID: telecloudtest.SeedProduct, DiscountPrice: money("1.001")})
		invalidInput(t, err, "DiscountPrice")

		// Copy between two PARTNERs of the VAR, with and without replace.
		var partners []string
		for _, name := range []string{"North Partners", "South Partners"} {
			res, err := e.c.CloudAccounts.Create(e.ctx, telecloud.CloudAccountCreateRequest{CloudAccountType: telecloud.AccountPartner,
				CompanyName: name, Email: strings.ToLower(strings.Fields(name)[0]) + "@partners.example"})
			require.NoError(t, err)
			partners = append(partners, res.CloudAccount.CloudAccountNumber)
		}
		search := func(number string) []telecloud.Discount {
			t.Helper()
			res, err := e.c.Discounts.Search(e.ctx, telecloud.DiscountSearchRequest{CloudAccountType: telecloud.AccountPartner, CloudAccountNumber: number})
			require.NoError(t, err)
			return res.Discounts
		}
		_, err = e.c.Discounts.Create(e.ctx, telecloud.DiscountCreateRequest{CloudAccountType: telecloud.AccountPartner,
			CloudAccountNumber: partners[0], ProductID: telecloudtest.SeedRatePlan, DiscountSetupPrice: money("1.00"), DiscountPrice: money("22.00")})
		require.NoError(t, err)
		_, err = e.c.Discounts.Create(e.ctx, telecloud.DiscountCreateRequest{CloudAccountType: telecloud.AccountPartner,
			CloudAccountNumber: partners[1], ProductID: telecloudtest.SeedProduct, DiscountPrice: money("21.00")})
		require.NoError(t, err)
		cp, err := e.c.Discounts.Copy(e.ctx, telecloud.DiscountCopyRequest{CloudAccountType: telecloud.AccountPartner, CloudAccountNumber: partners[1],
			FromCloudAccountType: telecloud.AccountPartner, FromCloudAccountNumber: partners[0]})
		require.NoError(t, err)
		assert.NotEmpty(t, cp.TransID)
		got := search(partners[1])
		require.Len(t, got, 2, "added to the target's own")
		assert.Equal(t, telecloudtest.SeedProduct, got[0].ProductID)
		assert.Equal(t, telecloudtest.SeedRatePlan, got[1].ProductID)
		assertMoney(t, "1.00", got[1].DiscountSetupPrice)
		assertMoney(t, "22.00", got[1].DiscountPrice)
		_, err = e.c.Discounts.Copy(e.ctx, telecloud.DiscountCopyRequest{CloudAccountType: telecloud.AccountPartner, CloudAccountNumber: partners[1],
			FromCloudAccountType: telecloud.AccountPartner, FromCloudAccountNumber: partners[0], Replace: telecloud.Yes})
		require.NoError(t, err)
		got = search(partners[1])
		require.Len(t, got, 1, "replace=Y deletes the target's first")
		assert.Equal(t, telecloudtest.SeedRatePlan, got[0].ProductID)
		assert.Len(t, search(partners[0]), 1, "the source is untouched")
		_, err = e.c.Discounts.Copy(e.ctx, telecloud.DiscountCopyRequest{CloudAccountType: telecloud.AccountPartner, CloudAccountNumber: partners[1],
			FromCloudAccountType: telecloud.AccountPartner, FromCloudAccountNumber: partners[1]})
		vendorError(t, err, "The cloud account to copy from is the account being edited.")

		// Delete removes them all.
		del, err := e.c.Discounts.Delete(e.ctx, telecloud.DiscountDeleteRequest{CloudAccountType: telecloud.AccountPartner, CloudAccountNumber: partners[1]})
		require.NoError(t, err)
		assert.NotEmpty(t, del.TransID)
		assert.Empty(t, search(partners[1]))
		assert.Len(t, search(partners[0]), 1)
	})
}
