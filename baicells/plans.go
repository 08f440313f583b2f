package baicells

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strconv"
)

// PlansService covers the service plan (package/profile) category (2.2).
type PlansService struct{ c *Client }

// Create creates a service plan (manual 2.2.1, POST products/create). An
// existing id is ErrPlanExists.
func (s *PlansService) Create(ctx context.Context, p Plan) error {
	return s.write(ctx, routePlanCreate, p)
}

// Modify changes a plan's name, speeds and comments (manual 2.2.2, POST
// products/modify).
func (s *PlansService) Modify(ctx context.Context, p Plan) error {
	return s.write(ctx, routePlanModify, p)
}

func (s *PlansService) write(ctx context.Context, rt route, p Plan) error {
	if err := checkPlan(rt.op, p); err != nil {
		return err
	}
	sid := s.c.nextSessionID(ctx)
	return s.c.call(ctx, rt, sid, &wirePlan{
		SessionID: sid, ServicePlanID: p.ID, ServicePlanName: p.Name,
		Uplink: p.Uplink, Downlink: p.Downlink, Comments: p.Comments,
	}, new(envelope))
}

// List returns every service plan of the cloud key (manual 2.2.6, GET
// products/queryallplans).
func (s *PlansService) List(ctx context.Context) ([]Plan, error) {
	return s.list(ctx, routePlansAll, routePlansAll.path)
}

// ListByUplink returns the plans with the given uplink speed (manual 2.2.3,
// GET products/querybyuplink/{uplink}).
func (s *PlansService) ListByUplink(ctx context.Context, uplink int) ([]Plan, error) {
	rt := routePlansByUplink
	if err := checkSpeed(rt.op, Speed{Uplink: uplink}); err != nil {
		return nil, err
	}
	return s.list(ctx, rt, rt.path+strconv.Itoa(uplink))
}

// ListByDownlink returns the plans with the given downlink speed (manual
// 2.2.4, GET products/querybydownlink/{downlink}).
func (s *PlansService) ListByDownlink(ctx context.Context, downlink int) ([]Plan, error) {
	rt := routePlansByDownlink
	if err := checkSpeed(rt.op, Speed{Downlink: downlink}); err != nil {
		return nil, err
	}
	return s.list(ctx, rt, rt.path+strconv.Itoa(downlink))
}

// ListBySpeed returns the plans with both speeds (manual 2.2.5, GET
// products/querybylink/{uplink}/{downlink}).
func (s *PlansService) ListBySpeed(ctx context.Context, speed Speed) ([]Plan, error) {
	rt := routePlansBySpeed
	if err := checkSpeed(rt.op, speed); err != nil {
		return nil, err
	}
	return s.list(ctx, rt, rt.path+strconv.Itoa(speed.Uplink)+"/"+strconv.Itoa(speed.Downlink))
}

// list handles the plan queries' bare JSON array; an object answer is a
// failure envelope.
func (s *PlansService) list(ctx context.Context, rt route, path string) ([]Plan, error) {
	sid := "" // GET queries carry no session_id
	resp, err := s.c.sendPath(ctx, rt, path, sid, nil)
	if err != nil {
		return nil, err
	}
	body := bytes.TrimSpace(resp.Body)
	if len(body) == 0 || body[0] != '[' || resp.StatusCode < 200 || resp.StatusCode > 299 {
		if len(body) > 0 && body[0] == '{' {
			var env envelope
			if err := s.c.decode(rt, sid, resp, &env); err != nil {
				return nil, err
			}
		}
		return nil, s.c.badResponse(rt, sid, resp, nil)
	}
	var wire []wirePlanResp
	if err := json.Unmarshal(body, &wire); err != nil {
		return nil, s.c.badResponse(rt, sid, resp, fmt.Errorf("decoding response: %w", err))
	}
	plans := make([]Plan, len(wire))
	for i, w := range wire {
		plans[i] = Plan{
			ID: string(w.ServicePlanID), Name: string(w.ServicePlanName),
			Uplink: int(w.Uplink), Downlink: int(w.Downlink),
			State: PlanState(w.State), Comments: string(w.Comments),
		}
	}
	return plans, nil
}

// Ensure makes sure a plan with p's id exists with p's name and speeds:
// created when missing, modified when different, left alone otherwise. It
// returns the call made, if any. Comments are written but cannot be compared
// (the list queries do not return them).
func (s *PlansService) Ensure(ctx context.Context, p Plan) ([]Action, error) {
	const op = "Plans.Ensure"
	if err := checkCtx(ctx, op); err != nil {
		return nil, err
	}
	// Everything Create or Modify would refuse is refused before the list.
	if err := checkPlan(op, p); err != nil {
		return nil, err
	}
	plans, err := s.List(ctx)
	if err != nil {
		return nil, err
	}
	for _, cur := range plans {
		if cur.ID != p.ID {
			continue
		}
		if cur.Name == p.Name && cur.Uplink == p.Uplink && cur.Downlink == p.Downlink {
			return nil, nil
		}
		if err := s.Modify(ctx, p); err != nil {
			return nil, &stepError{op: op, err: err}
		}
		detail := fmt.Sprintf("%q %d/%d → %q %d/%d", cur.Name, cur.Uplink, cur.Downlink, p.Name, p.Uplink, p.Downlink)
		return []Action{{Kind: ActionModifyPlan, ID: p.ID, Detail: detail}}, nil
	}
	if err := s.Create(ctx, p); err != nil {
		return nil, &stepError{op: op, err: err}
	}
	return []Action{{Kind: ActionCreatePlan, ID: p.ID, Detail: fmt.Sprintf("%q %d/%d", p.Name, p.Uplink, p.Downlink)}}, nil
}
