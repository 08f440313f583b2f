package octane_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/octane"
)

// The connection pool is sized by WithMaxIdleConnsPerHost (default 64).
func TestWithMaxIdleConnsPerHost(t *testing.T) {
	c, err := octane.New(octane.Credentials{Username: "u", Password: octane.NewSecret("pw-test")})
	require.NoError(t, err)
	assert.Equal(t, 64, c.HTTPClient().Transport.(*http.Transport).MaxIdleConnsPerHost)

	c, err = octane.New(octane.Credentials{Username: "u", Password: octane.NewSecret("pw-test")}, octane.WithMaxIdleConnsPerHost(256))
	require.NoError(t, err)
	assert.Equal(t, 256, c.HTTPClient().Transport.(*http.Transport).MaxIdleConnsPerHost)

	_, err = octane.New(octane.Credentials{Username: "u", Password: octane.NewSecret("pw-test")}, octane.WithMaxIdleConnsPerHost(0))
	assert.Error(t, err)
	_, err = octane.New(octane.Credentials{Username: "u", Password: octane.NewSecret("pw-test")}, octane.WithMaxIdleConnsPerHost(8), octane.WithHTTPClient(&http.Client{}))
	assert.Error(t, err, "the caller's transport is theirs to size")
}
