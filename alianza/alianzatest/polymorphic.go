package alianzatest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
)

// The routes of the operations the SDK types by hand because their models
// are polymorphic (business line call handling and expanded views, hunt
// groups and their failover actions, IVRs, the device graph). The generic
// store serves them: it keeps the JSON as sent, so every variant, known or
// not, is answered back as it was written. The expanded views are built
// from the stored business line and its call handling; a call handling is
// written only for a business line, and a failover action only under a
// hunt group, that exists. A test seeds a device
// graph with SetObject at /v2/ces/deviceGraph/{mac}.

// storeRoute is a generic-store handler for one of these routes; byID is
// whether its path ends in the object's id (a PUT there is 404 when the
// object does not exist).
func storeRoute(kind genKind, byID bool, sdk string) handler {
	pattern := "fixed"
	if byID {
		pattern = "*"
	}
	return func(s *Server, c *call) reply {
		return s.serveGenerated(genRoute{method: c.r.Method, pattern: pattern, kind: kind, status: http.StatusOK, empty: "{}", sdk: sdk}, c)
	}
}

// expandedLine is a stored business line with its call handling, as the
// spec's BusinessLineExpandedView. s.mu is held.
func (s *Server) expandedLine(linePath string, line json.RawMessage) json.RawMessage {
	obj := map[string]json.RawMessage{}
	if json.Unmarshal(line, &obj) != nil {
		return line
	}
	if ch, ok := s.objects[linePath+"/call-handling"]; ok {
		obj["callHandling"] = ch
	}
	b, _ := json.Marshal(obj)
	return b
}

func (s *Server) listExpandedLines(c *call) reply {
	p, err := storePath(strings.TrimSuffix(c.r.URL.EscapedPath(), "/views/expanded"))
	if err != nil {
		return fail(http.StatusBadRequest, "InvalidPath")
	}
	out := []json.RawMessage{}
	for _, k := range s.objectOrder {
		if parentOf(k) == p {
			out = append(out, s.expandedLine(k, s.objects[k]))
		}
	}
	return answer(http.StatusOK, out)
}

func (s *Server) getExpandedLine(c *call) reply {
	p, err := storePath(strings.TrimSuffix(c.r.URL.EscapedPath(), "/views/expanded"))
	if err != nil {
		return fail(http.StatusBadRequest, "InvalidPath")
	}
	line, ok := s.objects[p]
	if !ok {
		return fail(http.StatusNotFound, MessageNotFound)
	}
	return rawAnswer(http.StatusOK, string(s.expandedLine(p, line)))
}

// putFailoverAction stores the action of one reason under a hunt group that
// exists (404 otherwise).
func (s *Server) putFailoverAction(c *call) reply {
	p, err := storePath(c.r.URL.EscapedPath())
	if err != nil {
		return fail(http.StatusBadRequest, "InvalidPath")
	}
	group := parentOf(parentOf(p))
	if _, ok := s.objects[group]; !ok {
		return fail(http.StatusNotFound, MessageNotFound)
	}
	obj, rep, ok := objectOf(c.raw)
	if !ok {
		return rep
	}
	reason, _ := url.PathUnescape(p[strings.LastIndex(p, "/")+1:])
	obj["failoverReason"], _ = json.Marshal(reason) // the path names the reason
	b, _ := json.Marshal(obj)
	s.putObject(p, b)
	return rawAnswer(http.StatusOK, string(b))
}

// putCallHandling stores a business line's call handling when the line
// exists (404 otherwise).
func (s *Server) putCallHandling(c *call) reply {
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
	b, _ := json.Marshal(obj)
	s.putObject(p, b)
	return rawAnswer(http.StatusOK, string(b))
}

// polymorphicRoutes are these routes, merged into routeTable by init.
var polymorphicRoutes = []struct {
	pattern string
	methods map[string]handler
}{
	{"v2/partition/*/account/*/business-line/*/call-handling", map[string]handler{
		http.MethodGet: storeRoute(genRead, false, "BusinessLines.CallHandling"),
		http.MethodPut: (*Server).putCallHandling,
	}},
	{"v2/partition/*/account/*/business-line/views/expanded", map[string]handler{http.MethodGet: (*Server).listExpandedLines}},
	{"v2/partition/*/account/*/business-line/*/views/expanded", map[string]handler{http.MethodGet: (*Server).getExpandedLine}},
	{"v2/partition/*/account/*/business-line-hunt-group", map[string]handler{
		http.MethodGet:  storeRoute(genList, false, "HuntGroups.List"),
		http.MethodPost: storeRoute(genCreate, false, "HuntGroups.Create"),
	}},
	{"v2/partition/*/account/*/business-line-hunt-group/*", map[string]handler{
		http.MethodGet: storeRoute(genRead, true, "HuntGroups.Get"),
		http.MethodPut: storeRoute(genPut, true, "HuntGroups.Update"),
	}},
	{"v2/partition/*/account/*/business-line-hunt-group/*/failover-action/*", map[string]handler{
		http.MethodGet: storeRoute(genRead, true, "HuntGroups.FailoverAction"),
		http.MethodPut: (*Server).putFailoverAction,
	}},
	{"v2/partition/*/account/*/ivr", map[string]handler{
		http.MethodGet:  storeRoute(genList, false, "IVRs.List"),
		http.MethodPost: storeRoute(genCreate, false, "IVRs.Create"),
	}},
	{"v2/partition/*/account/*/ivr/*", map[string]handler{
		http.MethodGet: storeRoute(genRead, true, "IVRs.Get"),
		http.MethodPut: storeRoute(genPut, true, "IVRs.Update"),
	}},
	{"v2/ces/deviceGraph/*", map[string]handler{http.MethodGet: storeRoute(genRead, true, "Devices.Graph")}},
}

// PolymorphicRoutes lists these routes, as "METHOD /v2/path" with the path
// variables as "*".
func PolymorphicRoutes() []string {
	var out []string
	for _, pr := range polymorphicRoutes {
		for m := range pr.methods {
			out = append(out, m+" /"+pr.pattern)
		}
	}
	return out
}

func init() {
	for _, pr := range polymorphicRoutes {
		merged := false
		for i := range routeTable {
			if routeTable[i].pattern == pr.pattern {
				for m, h := range pr.methods {
					routeTable[i].rt.methods[m] = h
				}
				merged = true
				break
			}
		}
		if !merged {
			methods := make(map[string]handler, len(pr.methods))
			for m, h := range pr.methods {
				methods[m] = h
			}
			routeTable = append(routeTable, struct {
				pattern string
				rt      route
			}{pr.pattern, route{partitioned: strings.HasPrefix(pr.pattern, "v2/partition/*"), methods: methods}})
		}
	}
}
