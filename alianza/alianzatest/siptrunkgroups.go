package alianzatest

import (
	"encoding/json"
	"net/http"
	"strings"
)

// The SIP trunk groups are the generic store's (their list, create, read,
// update, delete and the GET of their forwarding rules are generated
// routes). The PUT of their forwarding rules is served here: the spec
// ("Updates the forwarding rules", updateFailover) gives it no request
// body but answers SipTrunkGroupForwardRules, the schema the GET of the
// same path answers; the fake takes that object as the body, as the PUT of
// a single SIP trunk's forwarding rules takes the trunk's.

// putSIPTrunkGroupForwarding answers PUT
// …/account/{accountId}/siptrunkgroup/{groupId}/forward: the group must
// exist (404 NotFound otherwise); the body, a JSON object, replaces the
// group's rules, with partitionId, accountId and sipTrunkGroupId set from
// the path; 200 with the rules as stored.
func (s *Server) putSIPTrunkGroupForwarding(c *call) reply {
	p, err := storePath(c.r.URL.EscapedPath())
	if err != nil {
		return fail(http.StatusBadRequest, "InvalidPath")
	}
	if _, ok := s.objects[parentOf(p)]; !ok {
		return fail(http.StatusNotFound, MessageNotFound)
	}
	obj, rep, ok := objectOf(c.raw)
	if !ok {
		return rep
	}
	for k, v := range map[string]string{"partitionId": c.args[0], "accountId": c.args[1], "sipTrunkGroupId": c.args[2]} {
		b, _ := json.Marshal(v)
		obj[k] = b
	}
	b, _ := json.Marshal(obj)
	s.putObject(p, b)
	return rawAnswer(http.StatusOK, string(b))
}

func init() {
	const pattern = "v2/partition/*/account/*/siptrunkgroup/*/forward"
	h := (*Server).putSIPTrunkGroupForwarding
	for i := range routeTable {
		if routeTable[i].pattern == pattern {
			routeTable[i].rt.methods[http.MethodPut] = h
			return
		}
	}
	routeTable = append(routeTable, struct {
		pattern string
		rt      route
	}{pattern, route{partitioned: strings.HasPrefix(pattern, "v2/partition/*"), methods: map[string]handler{http.MethodPut: h}}})
}
