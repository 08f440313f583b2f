package baicells_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/baicells"
)

// The connection pool is sized by WithMaxIdleConnsPerHost (default 64).
func TestWithMaxIdleConnsPerHost(t *testing.T) {
	c, err := baicells.New(baicells.Credentials{CloudKey: baicells.NewSecret("ck-test"), Username: "u", Password: baicells.NewSecret("pw-test")})
	require.NoError(t, err)
	assert.Equal(t, 64, c.HTTPClient().Transport.(*http.Transport).MaxIdleConnsPerHost)

	c, err = baicells.New(baicells.Credentials{CloudKey: baicells.NewSecret("ck-test"), Username: "u", Password: baicells.NewSecret("pw-test")}, baicells.WithMaxIdleConnsPerHost(256))
	require.NoError(t, err)
	assert.Equal(t, 256, c.HTTPClient().Transport.(*http.Transport).MaxIdleConnsPerHost)

	_, err = baicells.New(baicells.Credentials{CloudKey: baicells.NewSecret("ck-test"), Username: "u", Password: baicells.NewSecret("pw-test")}, baicells.WithMaxIdleConnsPerHost(0))
	assert.Error(t, err)
	_, err = baicells.New(baicells.Credentials{CloudKey: baicells.NewSecret("ck-test"), Username: "u", Password: baicells.NewSecret("pw-test")}, baicells.WithMaxIdleConnsPerHost(8), baicells.WithHTTPClient(&http.Client{}))
	assert.Error(t, err, "the caller's transport is theirs to size")
}
