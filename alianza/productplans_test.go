package alianza

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProductPlansList(t *testing.T) {
	w, c := newWireRecorder(t, func(*http.Request, []byte) (int, string) {
		return 200, `[{"id":"STANDARD","displayName":"Standard","description":"Basic phone service","emailAddressRequired":false},
			{"id":"ADVANCED","displayName":"Advanced","description":"Standard plus the Cymbus softphone","emailAddressRequired":true}]`
	})
	s := &ProductPlansService{c: c}
	plans, err := s.List(context.Background(), "a/1")
	require.NoError(t, err)
	r := w.last(t)
	assert.Equal(t, "GET /v2/partition/part%201/account/a%2F1/user-product-plans tok-1", r.method+" "+r.path+" "+r.token)
	assert.Equal(t, []UserProductPlan{
		{ID: "STANDARD", DisplayName: "Standard", Description: "Basic phone service"},
		{ID: "ADVANCED", DisplayName: "Advanced", Description: "Standard plus the Cymbus softphone", EmailAddressRequired: true},
	}, plans)

	_, err = s.List(context.Background(), " ")
	assert.ErrorIs(t, err, ErrInvalidInput)
	assert.Equal(t, 1, w.count())
}
