package alianza_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/alianza"
	"github.com/ispkit/ispkit/alianza/alianzatest"
)

// SIPTrunkGroups.UpdateForwarding sends the rules the GET answers and the
// fake stores them: the GET then answers what was sent.
func TestE2ESIPTrunkGroupUpdateForwarding(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	a := newAccount(t, c, "CUST-4001")
	g, err := c.SIPTrunkGroups.Create(ctx, a.ID, alianza.SIPTrunkGroupRequest{Name: "PBX trunks"})
	require.NoError(t, err)
	require.NotEmpty(t, g.ID)

	rules := alianza.SIPTrunkGroupForwardRules{
		UnconditionalForward: &alianza.SIPTrunkForwardAlwaysReference{ReferenceID: "18015550100", ReferenceType: alianza.ForwardReferenceTypeTelephone, Enabled: ptr(false)},
		UnreachableForward:   []alianza.SIPTrunkForwardReference{{ReferenceID: "T2", ReferenceType: alianza.ForwardReferenceTypeSIPTrunk}},
	}
	srv.ResetRequests()
	got, err := c.SIPTrunkGroups.UpdateForwarding(ctx, a.ID, g.ID, rules)
	require.NoError(t, err)
	r := lastRequest(t, srv)
	assert.Equal(t, "PUT", r.Method)
	assert.Equal(t, "/v2/partition/"+alianzatest.DefaultPartitionID+"/account/"+a.ID+"/siptrunkgroup/"+g.ID+"/forward", r.Path)
	assert.JSONEq(t, `{"unconditionalForward":{"referenceId":"18015550100","referenceType":"TELEPHONE","enabled":false},
		"unreachableForward":[{"referenceId":"T2","referenceType":"SIP_TRUNK"}]}`, string(r.Body))
	want := rules
	want.PartitionID, want.AccountID, want.SIPTrunkGroupID = alianzatest.DefaultPartitionID, a.ID, g.ID
	assert.Equal(t, &want, got)

	read, err := c.SIPTrunkGroups.Forwarding(ctx, a.ID, g.ID)
	require.NoError(t, err)
	assert.Equal(t, &want, read, "the GET answers what the PUT stored")

	// Sent back whole, with its ids, as read.
	read.CapacityForward = []alianza.SIPTrunkForwardReference{{ReferenceID: "U1", ReferenceType: alianza.ForwardReferenceTypeEndUser}}
	got, err = c.SIPTrunkGroups.UpdateForwarding(ctx, a.ID, g.ID, *read)
	require.NoError(t, err)
	assert.Equal(t, read, got)

	_, err = c.SIPTrunkGroups.UpdateForwarding(ctx, a.ID, "no-such-group", rules)
	require.ErrorIs(t, err, alianza.ErrNotFound)

	// Bad input is refused before anything is sent.
	srv.ResetRequests()
	for name, call := range map[string]func() error{
		"account id": func() error { return second(c.SIPTrunkGroups.UpdateForwarding(ctx, "", g.ID, rules)) },
		"group id":   func() error { return second(c.SIPTrunkGroups.UpdateForwarding(ctx, a.ID, "..", rules)) },
		"other group": func() error {
			return second(c.SIPTrunkGroups.UpdateForwarding(ctx, a.ID, g.ID, alianza.SIPTrunkGroupForwardRules{SIPTrunkGroupID: "G9"}))
		},
		"other account": func() error {
			return second(c.SIPTrunkGroups.UpdateForwarding(ctx, a.ID, g.ID, alianza.SIPTrunkGroupForwardRules{AccountID: "A9"}))
		},
		"other partition": func() error {
			return second(c.SIPTrunkGroups.UpdateForwarding(ctx, a.ID, g.ID, alianza.SIPTrunkGroupForwardRules{PartitionID: "P9"}))
		},
	} {
		require.ErrorIs(t, call(), alianza.ErrInvalidInput, name)
	}
	assert.Empty(t, srv.Requests(), "nothing was sent")
}
