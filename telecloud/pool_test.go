package telecloud_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/telecloud"
)

// The connection pool is sized by WithMaxIdleConnsPerHost (default 64).
func TestWithMaxIdleConnsPerHost(t *testing.T) {
	c, err := telecloud.New(telecloud.Credentials{APIIDKey: telecloud.NewSecret("id-test"), APIKey: telecloud.NewSecret("key-test")})
	require.NoError(t, err)
	assert.Equal(t, 64, c.HTTPClient().Transport.(*http.Transport).MaxIdleConnsPerHost)

	c, err = telecloud.New(telecloud.Credentials{APIIDKey: telecloud.NewSecret("id-test"), APIKey: telecloud.NewSecret("key-test")}, telecloud.WithMaxIdleConnsPerHost(256))
	require.NoError(t, err)
	assert.Equal(t, 256, c.HTTPClient().Transport.(*http.Transport).MaxIdleConnsPerHost)

	_, err = telecloud.New(telecloud.Credentials{APIIDKey: telecloud.NewSecret("id-test"), APIKey: telecloud.NewSecret("key-test")}, telecloud.WithMaxIdleConnsPerHost(0))
	assert.Error(t, err)
	_, err = telecloud.New(telecloud.Credentials{APIIDKey: telecloud.NewSecret("id-test"), APIKey: telecloud.NewSecret("key-test")}, telecloud.WithMaxIdleConnsPerHost(8), telecloud.WithHTTPClient(&http.Client{}))
	assert.Error(t, err, "the caller's transport is theirs to size")
}
