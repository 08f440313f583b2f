package telecloud_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/telecloud"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

// End-to-end tests of Promo (see e2e_test.go).

func TestE2EPromos(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		cr, err := e.c.Promos.Create(e.ctx, telecloud.PromoCreateRequest{PromoCode: "SPRING5", Value: money("5.00"),
			ExpirationDate: time.Date(2024, 4, 30, 0, 0, 0, 0, time.UTC), RatePlanID: telecloudtest.SeedRatePlan})
		require.NoError(t, err)
		assert.NotEmpty(t, cr.TransID)
		assert.Equal(t, "2", cr.Promo.PromoID)

		list, err := e.c.Promos.Search(e.ctx, telecloud.PromoSearchRequest{})
		require.NoError(t, err)
		require.Len(t, list.Promos, 2)
		p := list.Promos[0]
		assert.Equal(t, "2", p.PromoID, "newest first")
		assert.Equal(t, telecloudtest.SeedRatePlan, p.RatePlanID)
		assert.Equal(t, "SPRING5", p.PromoCode)
		assertMoney(t, "5.00", p.Value)
		assert.Equal(t, time.Date(2024, 4, 30, 0, 0, 0, 0, time.UTC), p.ExpirationDate.Time)
		seed := list.Promos[1]
		assert.Equal(t, telecloudtest.SeedPromoCode, seed.PromoCode)
		assert.Empty(t, seed.RatePlanID, "any plan")
		assert.True(t, seed.ExpirationDate.IsZero(), "never expires")
		one, err := e.c.Promos.Search(e.ctx, telecloud.PromoSearchRequest{PromoCode: "spring5"})
		require.NoError(t, err)
		require.Len(t, one.Promos, 1)

		est, err := e.c.Customers.Estimate(e.ctx, telecloud.CustomerEstimateRequest{AccountNumber: telecloudtest.SeedCustomer,
			RatePlanID: telecloudtest.SeedRatePlan, PromoCode: "SPRING5"})
		require.NoError(t, err)
		assertMoney(t, "5.00", est.Estimate.Customer.Promo.Discount)
		assertMoney(t, "20.00", est.Estimate.Customer.Total)

		_, err = e.c.Promos.Create(e.ctx, telecloud.PromoCreateRequest{PromoCode: "SPRING5", Value: money("1.00")})
		vendorError(t, err, "Promo code SPRING5 already exists.")
		_, err = e.c.Promos.Create(e.ctx, telecloud.PromoCreateRequest{PromoCode: "OLD", Value: money("1.00"), ExpirationDate: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)})
		vendorError(t, err, "The expiration_date 2024-03-01 has already passed.")
		_, err = e.c.Promos.Create(e.ctx, telecloud.PromoCreateRequest{PromoCode: "FREE", Value: telecloud.MoneyFromCents(0)})
		vendorError(t, err, "The promo value must be greater than 0.00.")
		_, err = e.c.Promos.Create(e.ctx, telecloud.PromoCreateRequest{PromoCode: "NEG", Value: money("-1.00")})
		invalidInput(t, err, "Value")

		del, err := e.c.Promos.Delete(e.ctx, telecloud.PromoDeleteRequest{PromoCode: "SPRING5"})
		require.NoError(t, err)
		assert.Equal(t, "2", del.Promo.PromoID)
		one, err = e.c.Promos.Search(e.ctx, telecloud.PromoSearchRequest{PromoCode: "SPRING5"})
		require.NoError(t, err)
		assert.Empty(t, one.Promos)
		_, err = e.c.Customers.Estimate(e.ctx, telecloud.CustomerEstimateRequest{AccountNumber: telecloudtest.SeedCustomer,
			RatePlanID: telecloudtest.SeedRatePlan, PromoCode: "SPRING5"})
		vendorError(t, err, "Invalid promo code SPRING5.")
		_, err = e.c.Promos.Delete(e.ctx, telecloud.PromoDeleteRequest{PromoCode: "SPRING5"})
		vendorError(t, err, "Promo code SPRING5 not found.")
	})
}
