package telecloud_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/telecloud"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

// End-to-end tests of Gateways (see e2e_test.go).

func TestE2EGateways(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		list, err := e.core.Gateways.Search(e.ctx, telecloud.GatewaySearchRequest{})
		require.NoError(t, err)
		var names []string
		for _, g := range list.Gateways {
			names = append(names, g.Name)
		}
		assert.Equal(t, []string{"STRIPE", "AUTHORIZE.NET", "NMI", "PAYPAL"}, names, "the CORE's STRIPE, then the supported ones")
		stripe := list.Gateways[0]
		assert.Equal(t, telecloudtest.SeedGateway, stripe.GatewayID)
		assert.Equal(t, telecloud.Yes, stripe.DefaultCCGateway)
		assert.Equal(t, telecloud.Yes, stripe.DefaultACHGateway)
		assert.Equal(t, "sk_test_core", stripe.Credentials1.Value.Reveal())
		assert.Empty(t, list.Gateways[2].GatewayID, "a supported gateway not set up has no id")
		if e.xml() {
			assert.Equal(t, "API KEY", stripe.Credentials1.Label)
		} else {
			assert.Empty(t, stripe.Credentials1.Label, "JSON loses the attributes of an element with text")
		}

		cr, err := e.core.Gateways.Create(e.ctx, telecloud.GatewayCreateRequest{Name: "NMI", Credentials1: telecloud.NewSecret("nmi-security-key")})
		require.NoError(t, err)
		assert.NotEmpty(t, cr.TransID)
		assert.Equal(t, "4", cr.Gateway.GatewayID)
		one, err := e.core.Gateways.Search(e.ctx, telecloud.GatewaySearchRequest{GatewayID: "4"})
		require.NoError(t, err)
		require.Len(t, one.Gateways, 1)
		assert.Equal(t, "NMI", one.Gateways[0].Name)
		assert.Equal(t, "nmi-security-key", one.Gateways[0].Credentials1.Value.Reveal())
		assert.Equal(t, telecloud.No, one.Gateways[0].DefaultCCGateway)
		_, err = e.core.Gateways.Create(e.ctx, telecloud.GatewayCreateRequest{Name: "NMI", Credentials1: telecloud.NewSecret("again")})
		vendorError(t, err, "The NMI gateway is already set up (gateway_id 4).")
		_, err = e.core.Gateways.Create(e.ctx, telecloud.GatewayCreateRequest{Name: "PAYPAL", Credentials1: telecloud.NewSecret("id-only")})
		vendorError(t, err, "The credentials_2 parameter (SECRET) is required for PAYPAL.")

		// Edit: NMI becomes the card default (STRIPE stops being it) with a new key.
		ed, err := e.core.Gateways.Edit(e.ctx, telecloud.GatewayEditRequest{GatewayID: "4", DefaultCCGateway: telecloud.Yes, Credentials1: telecloud.NewSecret("nmi-key-2")})
		require.NoError(t, err)
		assert.Equal(t, "4", ed.Gateway.GatewayID)
		assert.Equal(t, telecloud.Yes, ed.Gateway.DefaultCCGateway)
		assert.Equal(t, telecloud.No, ed.Gateway.DefaultACHGateway)
		list, err = e.core.Gateways.Search(e.ctx, telecloud.GatewaySearchRequest{})
		require.NoError(t, err)
		byID := map[string]telecloud.Gateway{}
		for _, g := range list.Gateways {
			byID[g.GatewayID] = g
		}
		assert.Equal(t, telecloud.No, byID["3"].DefaultCCGateway)
		assert.Equal(t, telecloud.Yes, byID["3"].DefaultACHGateway)
		assert.Equal(t, telecloud.Yes, byID["4"].DefaultCCGateway)
		assert.Equal(t, "nmi-key-2", byID["4"].Credentials1.Value.Reveal())

		del, err := e.core.Gateways.Delete(e.ctx, telecloud.GatewayDeleteRequest{GatewayID: "4"})
		require.NoError(t, err)
		assert.Equal(t, "4", del.Gateway.GatewayID)
		one, err = e.core.Gateways.Search(e.ctx, telecloud.GatewaySearchRequest{GatewayID: "4"})
		require.NoError(t, err)
		assert.Empty(t, one.Gateways)
		_, err = e.core.Gateways.Edit(e.ctx, telecloud.GatewayEditRequest{GatewayID: "4", DefaultACHGateway: telecloud.Yes})
		vendorError(t, err, "Gateway 4 not found.")
	})
}
