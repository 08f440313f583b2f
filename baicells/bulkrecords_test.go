package baicells_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/baicells/baicellstest"
)

// One malformed IMSI among 1,000 records fails that record alone: the other
// 999 are sent and created, and every record is reported once, in input order.
func TestBulkCreateReportsEveryRecord(t *testing.T) {
	ctx := context.Background()
	c, srv := e2e(t)
	var subs []baicells.SubscriberCreateRequest
	for i := 0; i < 1000; i++ {
		subs = append(subs, baicells.SubscriberCreateRequest{
			Profile: baicells.Profile{ID: fmt.Sprintf("s%04d", i)},
			IMSI:    fmt.Sprintf("3119800000%05d", i),
		})
	}
	subs[500].IMSI = "31198x"
	res, err := c.Subscribers.BulkCreate(ctx, subs, nil)
	require.NoError(t, err, "a refused record is not an error")
	assert.Len(t, res.Created, 999)
	require.Len(t, res.Failed, 1)
	f := res.Failed[0]
	assert.Equal(t, "s0500", f.SubID)
	assert.Equal(t, "31198x", f.IMSI)
	assert.Zero(t, f.Code, "not sent: no server code")
	assert.ErrorIs(t, f.Err, baicells.ErrInvalidInput)
	var ve *baicells.ValidationError
	require.ErrorAs(t, f.Err, &ve)
	assert.Equal(t, "Subscribers.BulkCreate", ve.Op)
	assert.Equal(t, "subs[500].IMSI", ve.Field)
	assert.Equal(t, "s0499", res.Created[499].SubID)
	assert.Equal(t, "s0501", res.Created[500].SubID, "input order kept around the refused record")
	assert.Equal(t, 5, res.Batches)
	_, stored := srv.Subscriber("s0500")
	assert.False(t, stored)
	_, stored = srv.Subscriber("s0999")
	assert.True(t, stored)
}

// Every kind of local refusal is one failed record; repeats fail after the
// first, which is sent; each input record is in exactly one list.
func TestBulkCreateRefusedRecords(t *testing.T) {
	ctx := context.Background()
	c, srv := e2e(t)
	subs := []baicells.SubscriberCreateRequest{
		{Profile: baicells.Profile{ID: "a"}, IMSI: "311980000000001"},   // sent
		{Profile: baicells.Profile{ID: ""}, IMSI: "311980000000002"},    // empty sub_id
		{Profile: baicells.Profile{ID: "c"}, IMSI: ""},                  // empty IMSI: required
		{Profile: baicells.Profile{ID: "a"}, IMSI: "311980000000004"},   // repeats subs[0]'s sub_id
		{Profile: baicells.Profile{ID: "e"}, IMSI: "311980000000001"},   // repeats subs[0]'s IMSI
		{Profile: baicells.Profile{ID: "f\n"}, IMSI: "311980000000006"}, // control character
		{Profile: baicells.Profile{ID: "g", Name: "\xff"}, IMSI: "311980000000007"},
		{Profile: baicells.Profile{ID: "h"}, IMSI: "311980000000008"}, // sent
	}
	res, err := c.Subscribers.BulkCreate(ctx, subs, &baicells.BulkOptions{BatchSize: 1, Concurrency: 1})
	require.NoError(t, err)
	assert.Equal(t, 2, res.Batches, "only the two valid records are sent")
	assert.Equal(t, 2, srv.RequestCount("/customers/bulkcreate"))
	require.Len(t, res.Created, 2)
	assert.Equal(t, "a", res.Created[0].SubID)
	assert.Equal(t, "h", res.Created[1].SubID)
	wantFields := []string{"subs[1].ID", "subs[2].IMSI", "subs[3].ID", "subs[4].IMSI", "subs[5].ID", "subs[6].Name"}
	require.Len(t, res.Failed, len(wantFields))
	for i, f := range res.Failed {
		var ve *baicells.ValidationError
		require.ErrorAs(t, f.Err, &ve, "record %d", i)
		assert.Equal(t, wantFields[i], ve.Field)
		assert.Equal(t, subs[i+1].ID, f.SubID)
		assert.Equal(t, subs[i+1].IMSI, f.IMSI)
		assert.Zero(t, f.Code)
		assert.Empty(t, f.Message)
	}
	assert.Contains(t, res.Failed[2].Err.Error(), "repeats subs[0]")

	// All refused: nothing sent, nothing is an error.
	srv.ResetRequests()
	res, err = c.Subscribers.BulkCreate(ctx, subs[1:3], nil)
	require.NoError(t, err)
	assert.Zero(t, res.Batches)
	assert.Len(t, res.Failed, 2)
	assert.Empty(t, srv.Requests())
}

func TestBulkActivateRefusedIDs(t *testing.T) {
	ctx := context.Background()
	c, srv := e2e(t)
	srv.SeedPlan(baicellstest.DefaultCloudKey, baicellstest.Plan{ID: "P", Name: "p", Uplink: 1, Downlink: 1})
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "a", IMSI: "311980000000001", PlanID: "P"})
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "b", IMSI: "311980000000002", PlanID: "P"})
	for name, call := range map[string]func(context.Context, []string, *baicells.BulkOptions) (*baicells.BulkResult, error){
		"BulkActivate": c.Subscribers.BulkActivate, "BulkDeactivate": c.Subscribers.BulkDeactivate,
	} {
		res, err := call(ctx, []string{"a", "..", "a", "", "b"}, nil)
		require.NoError(t, err, name)
		assert.Equal(t, []string{"a", "b"}, res.Succeeded, name)
		require.Len(t, res.Failed, 3, name)
		for i, want := range []string{"subIDs[1]", "subIDs[2]", "subIDs[3]"} {
			var ve *baicells.ValidationError
			require.ErrorAs(t, res.Failed[i].Err, &ve, name)
			assert.Equal(t, want, ve.Field, name)
			assert.Equal(t, "Subscribers."+name, ve.Op)
		}
		assert.Equal(t, "..", res.Failed[0].SubID)
		assert.Equal(t, "a", res.Failed[1].SubID, "the repeat fails, the first is sent")
		assert.Equal(t, 1, res.Batches, name)
	}
}

// Every failed record's Err is non-nil; a coded one is an *Error with the
// call's op and session_id that matches its code's sentinel.
func TestBulkFailureErrAlwaysSet(t *testing.T) {
	ctx := context.Background()
	c, srv := e2e(t)
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "taken"})
	srv.SeedSubscriber(baicellstest.DefaultCloudKey, baicellstest.Subscriber{ID: "holder", IMSI: "311980000000099"})
	ctx = baicells.WithSessionID(ctx, "777")
	res, err := c.Subscribers.BulkCreate(ctx, []baicells.SubscriberCreateRequest{
		{Profile: baicells.Profile{ID: "taken"}, IMSI: "311980000000001"},
		{Profile: baicells.Profile{ID: "new"}, IMSI: "311980000000099"},
	}, nil)
	require.NoError(t, err)
	require.Len(t, res.Failed, 2)
	for i, sentinel := range []error{baicells.ErrSubscriberExists, baicells.ErrIMSIInUse} {
		f := res.Failed[i]
		require.Error(t, f.Err)
		var e *baicells.Error
		require.True(t, errors.As(f.Err, &e))
		assert.Equal(t, "Subscribers.BulkCreate", e.Op)
		assert.Equal(t, f.Code, e.Code)
		assert.Equal(t, f.Message, e.Message)
		assert.Equal(t, "777", e.RequestID)
		assert.ErrorIs(t, f.Err, sentinel)
		assert.ErrorIs(t, f.Err, f.Code)
	}
	assert.NotErrorIs(t, res.Failed[0].Err, baicells.ErrIMSIInUse)

	// A whole call failed with a code: every record carries the call's *Error.
	act, err := c.Subscribers.BulkActivate(ctx, []string{"ghost", "taken"}, nil)
	require.Error(t, err)
	require.Len(t, act.Failed, 2)
	for _, f := range act.Failed {
		var e *baicells.Error
		require.ErrorAs(t, f.Err, &e)
		assert.Equal(t, "Subscribers.BulkActivate", e.Op)
		assert.Equal(t, baicells.CodeSubscribersNotReady, f.Code)
		assert.ErrorIs(t, f.Err, baicells.ErrSubscriberNotFound)
	}
}
