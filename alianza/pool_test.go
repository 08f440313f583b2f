package alianza_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/alianza"
)

// The connection pool is sized by WithMaxIdleConnsPerHost (default 64).
func TestWithMaxIdleConnsPerHost(t *testing.T) {
	c, err := alianza.New(alianza.Credentials{Username: "u", Password: alianza.NewSecret("pw-test")})
	require.NoError(t, err)
	assert.Equal(t, 64, c.HTTPClient().Transport.(*http.Transport).MaxIdleConnsPerHost)

	c, err = alianza.New(alianza.Credentials{Username: "u", Password: alianza.NewSecret("pw-test")}, alianza.WithMaxIdleConnsPerHost(256))
	require.NoError(t, err)
	assert.Equal(t, 256, c.HTTPClient().Transport.(*http.Transport).MaxIdleConnsPerHost)

	_, err = alianza.New(alianza.Credentials{Username: "u", Password: alianza.NewSecret("pw-test")}, alianza.WithMaxIdleConnsPerHost(0))
	assert.Error(t, err)
	_, err = alianza.New(alianza.Credentials{Username: "u", Password: alianza.NewSecret("pw-test")}, alianza.WithMaxIdleConnsPerHost(8), alianza.WithHTTPClient(&http.Client{}))
	assert.Error(t, err, "the caller's transport is theirs to size")
}
