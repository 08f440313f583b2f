package telecloud_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/telecloud"
)

// End-to-end tests of Module (see e2e_test.go).

func TestE2EModules(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		cr, err := e.core.Modules.Create(e.ctx, telecloud.ModuleCreateRequest{Type: telecloud.ModuleExternal, Name: "Porting",
			Description: "Ports numbers in.", URL: "https://modules.example/port.php"})
		require.NoError(t, err)
		assert.NotEmpty(t, cr.TransID)
		assert.Equal(t, "27", cr.Module.ModuleID)
		assert.Equal(t, telecloud.ModuleExternal, cr.Module.Type)
		pre, err := e.core.Modules.Create(e.ctx, telecloud.ModuleCreateRequest{Type: telecloud.ModulePrebuilt, Name: "AT&T",
			Provider: "att_mobility", Credentials1: telecloud.NewSecret("att-user"), Credentials2: telecloud.NewSecret("att-pass"), Status: telecloud.StatusSuspended})
		require.NoError(t, err)
		assert.Equal(t, telecloud.ModulePrebuilt, pre.Module.Type)

		one, err := e.core.Modules.Search(e.ctx, telecloud.ModuleSearchRequest{ModuleID: "27"})
		require.NoError(t, err)
		require.Len(t, one.Modules, 1)
		assert.Equal(t, telecloud.Module{ModuleID: "27", Name: "Porting", Description: "Ports numbers in.",
			URL: "https://modules.example/port.php", Status: telecloud.StatusActive}, one.Modules[0])
		all, err := e.core.Modules.Search(e.ctx, telecloud.ModuleSearchRequest{})
		require.NoError(t, err)
		require.Len(t, all.Modules, 3, "the seeded module and the two new ones")
		assert.Equal(t, "GSMA Activation", all.Modules[0].Name)
		assert.Equal(t, telecloud.StatusSuspended, all.Modules[2].Status)

		ed, err := e.core.Modules.Edit(e.ctx, telecloud.ModuleEditRequest{ModuleID: "27", Name: "Porting v2", Status: telecloud.StatusSuspended})
		require.NoError(t, err)
		assert.Equal(t, "27", ed.Module.ModuleID)
		one, err = e.core.Modules.Search(e.ctx, telecloud.ModuleSearchRequest{ModuleID: "27"})
		require.NoError(t, err)
		require.Len(t, one.Modules, 1)
		assert.Equal(t, "Porting v2", one.Modules[0].Name)
		assert.Equal(t, telecloud.StatusSuspended, one.Modules[0].Status)
		assert.Equal(t, "https://modules.example/port.php", one.Modules[0].URL)
		_, err = e.core.Modules.Edit(e.ctx, telecloud.ModuleEditRequest{ModuleID: "27", URL: "ftp://nope"})
		vendorError(t, err, "Invalid url: give the full URL of the module file.")

		del, err := e.core.Modules.Delete(e.ctx, telecloud.ModuleDeleteRequest{ModuleID: "27"})
		require.NoError(t, err)
		assert.Equal(t, "27", del.Module.ModuleID)
		one, err = e.core.Modules.Search(e.ctx, telecloud.ModuleSearchRequest{ModuleID: "27"})
		require.NoError(t, err)
		assert.Empty(t, one.Modules)

		// Only a CORE makes modules; the server requires a name.
		_, err = e.c.Modules.Create(e.ctx, telecloud.ModuleCreateRequest{Type: telecloud.ModuleExternal, Name: "Mine", URL: "https://x.example/m.php"})
		vendorError(t, err, "Only CORE accounts can manage modules.")
		_, err = e.core.Modules.Create(e.ctx, telecloud.ModuleCreateRequest{Type: telecloud.ModuleExternal, URL: "https://x.example/m.php"})
		vendorError(t, err, "The name parameter is required.")
		_, err = e.core.Modules.Create(e.ctx, telecloud.ModuleCreateRequest{Type: telecloud.ModuleExternal, Name: "No URL"})
		invalidInput(t, err, "URL")
	})
}
