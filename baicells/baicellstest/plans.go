package baicellstest

import (
	"slices"
	"strconv"
	"strings"
)

// POST /products/create.
func (s *Server) createPlan(c *call) (any, int) {
	id, name := c.body.get("service_plan_id"), c.body.get("service_plan_name")
	if id.empty() {
		return nil, 4200
	}
	if name.empty() {
		return nil, 4205
	}
	up, down, code := speeds(c.body)
	if code != 0 {
		return nil, code
	}
	if _, exists := s.plans[id.str()]; exists {
		return nil, 4201
	}
	s.plans[id.str()] = &plan{
		Plan:  Plan{ID: id.str(), Name: name.str(), Uplink: up, Downlink: down, Comments: c.body.get("comments").str()},
		owner: c.tenant,
	}
	return nil, 0
}

// POST /products/modify: change the fields present in the body. Subscribers
// on the plan take its new speeds.
func (s *Server) modifyPlan(c *call) (any, int) {
	id := c.body.get("service_plan_id")
	if id.empty() {
		return nil, 4200
	}
	up, down := c.body.get("uplink"), c.body.get("downlink")
	newUp, okUp := up.integer()
	if up.present && (!okUp || newUp < 0) {
		return nil, 4403
	}
	newDown, okDown := down.integer()
	if down.present && (!okDown || newDown < 0) {
		return nil, 4404
	}
	p, code := s.ownPlan(c, id.str())
	if code != 0 {
		return nil, code
	}
	if name := c.body.get("service_plan_name"); !name.empty() {
		p.Name = name.str()
	}
	if comments := c.body.get("comments"); comments.present {
		p.Comments = comments.str()
	}
	if !up.present && !down.present {
		return nil, 0
	}
	if up.present {
		p.Uplink = newUp
	}
	if down.present {
		p.Downlink = newDown
	}
	for _, sub := range s.subs {
		if sub.PlanID == p.ID {
			sub.UpRate, sub.DownRate = p.Uplink, p.Downlink
		}
	}
	return nil, 0
}

// plansOf lists the caller's plans that pass keep, sorted by ID, in the
// wire form of the products/query* endpoints: a bare array, numbers as
// strings.
func (s *Server) plansOf(c *call, keep func(*plan) bool) []object {
	var ps []*plan
	for _, p := range s.plans {
		if p.owner == c.tenant && keep(p) {
			ps = append(ps, p)
		}
	}
	slices.SortFunc(ps, func(a, b *plan) int { return strings.Compare(a.ID, b.ID) })
	out := make([]object, len(ps))
	for i, p := range ps {
		state := "0"
		if p.Inactive {
			state = "1"
		}
		out[i] = object{
			{"service_plan_id", p.ID},
			{"service_plan_name", p.Name},
			{"uplink", strconv.Itoa(p.Uplink)},
			{"downlink", strconv.Itoa(p.Downlink)},
			{"state", state},
		}
	}
	return out
}

// pathSpeed reads a speed from a path segment; ok is false when it is not a
// non-negative whole number.
func pathSpeed(seg string) (int, bool) {
	n, err := strconv.Atoi(seg)
	return n, err == nil && n >= 0
}

// GET /products/queryallplans.
func (s *Server) queryAllPlans(c *call) (any, int) {
	return s.plansOf(c, func(*plan) bool { return true }), 0
}

// GET /products/querybyuplink/{uplink}.
func (s *Server) queryPlansByUplink(c *call) (any, int) {
	if len(c.args) != 1 {
		return nil, 4401
	}
	up, ok := pathSpeed(c.args[0])
	if !ok {
		return nil, 4403
	}
	return s.plansOf(c, func(p *plan) bool { return p.Uplink == up }), 0
}

// GET /products/querybydownlink/{downlink}.
func (s *Server) queryPlansByDownlink(c *call) (any, int) {
	if len(c.args) != 1 {
		return nil, 4402
	}
	down, ok := pathSpeed(c.args[0])
	if !ok {
		return nil, 4404
	}
	return s.plansOf(c, func(p *plan) bool { return p.Downlink == down }), 0
}

// GET /products/querybylink/{uplink}/{downlink}.
func (s *Server) queryPlansByLink(c *call) (any, int) {
	switch {
	case len(c.args) == 0:
		return nil, 4401
	case len(c.args) == 1:
		return nil, 4402
	case len(c.args) > 2:
		return nil, 4404
	}
	up, ok := pathSpeed(c.args[0])
	if !ok {
		return nil, 4403
	}
	down, ok := pathSpeed(c.args[1])
	if !ok {
		return nil, 4404
	}
	return s.plansOf(c, func(p *plan) bool { return p.Uplink == up && p.Downlink == down }), 0
}
