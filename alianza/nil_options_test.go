package alianza_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestNilOptions: every trailing *XxxOptions may be nil, meaning defaults.
func TestNilOptions(t *testing.T) {
	_, c := newE2E(t)
	ctx := context.Background()
	a := newAccount(t, c, "NIL-1")
	_, err := c.DeviceLines.List(ctx, a.ID, nil)
	require.NoError(t, err)
	_, err = c.Numbers.List(ctx, a.ID, nil)
	require.NoError(t, err)
	for _, err := range c.Accounts.History(ctx, a.ID, nil) {
		require.NoError(t, err)
	}
	for _, err := range c.Numbers.StatusEvents(ctx, nil) {
		require.NoError(t, err)
	}
	_, err = c.Jobs.Wait(ctx, "no-such-job", nil)
	require.Error(t, err)
}
