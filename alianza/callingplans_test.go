package alianza

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const callingPlanJSON = `{"id":"cp/1","referenceId":"u/1","referenceType":"END_USER","callingPlanProductId":"cpp-unlimited",
	"startDate":"2026-11-01T00:00:00Z","endDate":"2026-12-01T00:00:00Z","planMinutes":3000,"secondsRemaining":171000}`

func TestCallingPlansWire(t *testing.T) {
	w, c := newWireRecorder(t, func(r *http.Request, _ []byte) (int, string) {
		switch r.Method {
		case http.MethodGet:
			return 200, "[" + callingPlanJSON + "]"
		case http.MethodDelete:
			return 204, ""
		}
		return 200, callingPlanJSON
	})
	s := &CallingPlansService{c: c}
	ctx := context.Background()

	plans, err := s.Get(ctx, "a/1", CallingPlanRef{})
	require.NoError(t, err)
	r := w.last(t)
	assert.Equal(t, "GET /v2/partition/part%201/account/a%2F1/callingplan tok-1", r.method+" "+r.path+" "+r.token)
	assert.Equal(t, "referenceId=a%2F1&referenceType=ACCOUNT", r.query, "the zero ref is the account")
	require.Len(t, plans, 1)
	p := plans[0]
	assert.Equal(t, "cp/1", p.ID)
	assert.Equal(t, string(PlanRefEndUser), p.ReferenceType)
	assert.Equal(t, "cpp-unlimited", p.CallingPlanProductID)
	assert.Equal(t, 3000, p.PlanMinutes)
	assert.Equal(t, int64(171000), p.SecondsRemaining)
	assert.Equal(t, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), *p.EndDate)

	_, err = s.Get(ctx, "a/1", CallingPlanRef{Type: PlanRefEndUser, ID: "u/1"})
	require.NoError(t, err)
	assert.Equal(t, "referenceId=u%2F1&referenceType=END_USER", w.last(t).query)
	_, err = s.Get(ctx, "a/1", CallingPlanRef{Type: PlanRefAccount})
	require.NoError(t, err)
	assert.Equal(t, "referenceId=a%2F1&referenceType=ACCOUNT", w.last(t).query)

	got, err := s.Set(ctx, "a/1", CallingPlanModifyRequest{ReferenceType: PlanRefEndUser, ReferenceID: "u/1",
		CallingPlanReferenceID: "cpp-unlimited", CallingPlanType: PlanNew, MinutesUsed: 120})
	require.NoError(t, err)
	assert.Equal(t, int64(171000), got.SecondsRemaining)
	r = w.last(t)
	assert.Equal(t, "PUT /v2/partition/part%201/account/a%2F1/callingplan", r.method+" "+r.path)
	assert.JSONEq(t, `{"referenceType":"END_USER","referenceId":"u/1","callingPlanReferenceId":"cpp-unlimited",
		"callingPlanType":"NEW_CALLING_PLAN","pending":false,"minutesUsed":120}`, string(r.body))

	_, err = s.Set(ctx, "a/1", CallingPlanModifyRequest{CallingPlanReferenceID: "cpp-1000", Pending: true})
	require.NoError(t, err)
	assert.JSONEq(t, `{"referenceType":"ACCOUNT","referenceId":"a/1","callingPlanReferenceId":"cpp-1000","pending":true}`,
		string(w.last(t).body), "the account itself by default")

	_, err = s.Set(ctx, "a/1", CallingPlanModifyRequest{ReferenceType: PlanRefEndUser, ReferenceID: "u/2",
		CallingPlanReferenceID: "u/1", CallingPlanType: PlanShared})
	require.NoError(t, err)
	assert.JSONEq(t, `{"referenceType":"END_USER","referenceId":"u/2","callingPlanReferenceId":"u/1",
		"callingPlanType":"SHARED_CALLING_PLAN","pending":false}`, string(w.last(t).body))

	require.NoError(t, s.Remove(ctx, "a/1", CallingPlanModifyRequest{ReferenceType: PlanRefEndUser, ReferenceID: "u/1",
		CallingPlanProductID: "cpp-unlimited"}))
	r = w.last(t)
	assert.Equal(t, "DELETE /v2/partition/part%201/account/a%2F1/callingplan", r.method+" "+r.path)
	assert.JSONEq(t, `{"referenceType":"END_USER","referenceId":"u/1","callingPlanProductId":"cpp-unlimited","pending":false}`,
		string(r.body), "DELETE carries the body")
}

func TestCallingPlanRemoveAcceptsTheSpecAnswer(t *testing.T) {
	_, c := newWireRecorder(t, func(*http.Request, []byte) (int, string) { return 200, callingPlanJSON })
	s := &CallingPlansService{c: c}
	require.NoError(t, s.Remove(context.Background(), "a1", CallingPlanModifyRequest{CallingPlanReferenceID: "cpp"}))
}

func TestCallingPlansValidationSendsNothing(t *testing.T) {
	w, c := newWireRecorder(t, func(*http.Request, []byte) (int, string) { return 200, callingPlanJSON })
	s := &CallingPlansService{c: c}
	ctx := context.Background()
	for name, ref := range map[string]CallingPlanRef{
		"id without type":   {ID: "u1"},
		"type without id":   {Type: PlanRefEndUser},
		"blank id":          {Type: PlanRefIVR, ID: " "},
		"unknown type":      {Type: "USER", ID: "u1"},
		"another account":   {Type: PlanRefAccount, ID: "a2"},
		"lower-case spells": {Type: "end_user", ID: "u1"},
	} {
		_, err := s.Get(ctx, "a1", ref)
		assert.ErrorIs(t, err, ErrInvalidInput, name)
	}
	_, err := s.Get(ctx, "", CallingPlanRef{})
	assert.ErrorIs(t, err, ErrInvalidInput)

	for name, m := range map[string]CallingPlanModifyRequest{
		"no plan":             {},
		"two different ids":   {CallingPlanReferenceID: "a", CallingPlanProductID: "b"},
		"negative minutes":    {CallingPlanReferenceID: "a", MinutesUsed: -1},
		"minutes pending":     {CallingPlanReferenceID: "a", MinutesUsed: 5, Pending: true},
		"shared pending":      {CallingPlanReferenceID: "u2", CallingPlanType: PlanShared, Pending: true, ReferenceType: PlanRefEndUser, ReferenceID: "u1"},
		"unknown plan type":   {CallingPlanReferenceID: "a", CallingPlanType: "NEW"},
		"reference id alone":  {CallingPlanReferenceID: "a", ReferenceID: "u1"},
		"reference type only": {CallingPlanReferenceID: "a", ReferenceType: PlanRefSIPTrunk},
	} {
		_, err := s.Set(ctx, "a1", m)
		assert.ErrorIs(t, err, ErrInvalidInput, name)
	}
	_, err = s.Set(ctx, "", CallingPlanModifyRequest{CallingPlanReferenceID: "a"})
	assert.ErrorIs(t, err, ErrInvalidInput)
	assert.ErrorIs(t, s.Remove(ctx, "a1", CallingPlanModifyRequest{CallingPlanReferenceID: "a", MinutesUsed: 5}), ErrInvalidInput,
		"minutes are for adding only")
	assert.ErrorIs(t, s.Remove(ctx, "a1", CallingPlanModifyRequest{}), ErrInvalidInput)
	assert.ErrorIs(t, s.Remove(ctx, "", CallingPlanModifyRequest{CallingPlanReferenceID: "a"}), ErrInvalidInput)
	assert.Equal(t, 0, w.count(), "nothing was sent")

	_, err = s.Set(ctx, "a1", CallingPlanModifyRequest{CallingPlanReferenceID: "a", CallingPlanProductID: "a"})
	require.NoError(t, err, "the deprecated id may repeat the new one")
}
