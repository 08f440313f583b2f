package alianza

import (
	"context"
	"net/http"
)

// UpdateForwarding replaces the forwarding rules of a SIP trunk group (PUT
// /v2/partition/{partitionId}/account/{accountId}/siptrunkgroup/{groupId}/forward,
// the spec's "Updates the forwarding rules") and returns them as the server
// stored them.
//
// [inferred] The spec gives this PUT no request body, only the answer,
// SipTrunkGroupForwardRules. The body sent is that same object, the one
// [SIPTrunkGroupsService.Forwarding] (the GET of the same path) answers, as
// [SIPTrunksService.UpdateForwarding] sends a single trunk's rules in the
// shape the trunk's GET answers: read the rules, change them, send them
// back. The ids of rules, when set, must be the path's; they may be left
// empty. An empty id, or one that cannot be a path segment, is refused
// before anything is sent (ErrInvalidInput). Retried per the policy (PUT).
func (s *SIPTrunkGroupsService) UpdateForwarding(ctx context.Context, accountID, groupID string, rules SIPTrunkGroupForwardRules) (*SIPTrunkGroupForwardRules, error) {
	const op = "SIPTrunkGroups.UpdateForwarding"
	if err := checkID(op, "accountID", accountID); err != nil {
		return nil, err
	}
	if err := checkID(op, "groupID", groupID); err != nil {
		return nil, err
	}
	switch {
	case rules.AccountID != "" && rules.AccountID != accountID:
		return nil, invalid(op, "AccountID", "%q is not the account %q", rules.AccountID, accountID)
	case rules.SIPTrunkGroupID != "" && rules.SIPTrunkGroupID != groupID:
		return nil, invalid(op, "SIPTrunkGroupID", "%q is not the group %q", rules.SIPTrunkGroupID, groupID)
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	if rules.PartitionID != "" && rules.PartitionID != p {
		return nil, invalid(op, "PartitionID", "%q is not the partition %q", rules.PartitionID, p)
	}
	var out SIPTrunkGroupForwardRules
	if err := s.c.do(ctx, call{op: op, method: http.MethodPut, path: partitionPath(p, "account", accountID, "siptrunkgroup", groupID, "forward"), body: rules}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
