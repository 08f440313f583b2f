package baicells

import (
	"context"
	"strconv"
	"strings"
)

// SubscribersService covers the subscriber category of the manual (2.1).
type SubscribersService struct{ c *Client }

// QueryByIMSI tells whether an IMSI is free and, if not, which subscriber
// holds it (manual 2.1.1, POST customers/query).
func (s *SubscribersService) QueryByIMSI(ctx context.Context, imsi string) (*IMSIQuery, error) {
	rt := routeQueryByIMSI
	if err := checkIMSI(rt.op, "imsi", imsi); err != nil {
		return nil, err
	}
	sid := s.c.nextSessionID(ctx)
	var out wireSubscriberResp
	if err := s.c.call(ctx, rt, sid, &wireQueryByIMSI{SessionID: sid, IMSI: imsi}, &out); err != nil {
		return nil, err
	}
	q := &IMSIQuery{Available: out.Available != nil && bool(*out.Available)}
	if out.SubID != "" {
		sub := out.subscriber()
		if sub.IMSI == "" {
			sub.IMSI = imsi
		}
		q.Subscriber = sub
		q.Available = false
	}
	return q, nil
}

// Get returns a subscriber by sub_id, with its speeds and APN bindings
// (manual 2.1.12, POST customers/querybyid). A missing subscriber is
// ErrSubscriberNotFound.
func (s *SubscribersService) Get(ctx context.Context, subID string) (*Subscriber, error) {
	rt := routeGet
	if err := checkID(rt.op, "subID", subID); err != nil {
		return nil, err
	}
	sid := s.c.nextSessionID(ctx)
	var out wireSubscriberResp
	if err := s.c.call(ctx, rt, sid, &wireSubscriberID{SessionID: sid, SubID: subID}, &out); err != nil {
		return nil, err
	}
	sub := out.subscriber()
	if sub.ID == "" {
		sub.ID = subID
	}
	return sub, nil
}

func (w *wireSubscriberResp) subscriber() *Subscriber {
	sub := &Subscriber{
		Profile: Profile{
			ID: string(w.SubID), Name: string(w.SubName), IDNumber: string(w.IDNum),
			Phone: string(w.PhoneNumber), Email: string(w.Email), Address: string(w.Address),
		},
		IMSI:         string(w.IMSI),
		PlanID:       string(w.ServicePlanID),
		Status:       SubscriberStatus(w.SubStatus),
		UplinkRate:   int(w.UpRate),
		DownlinkRate: int(w.DownRate),
	}
	for _, a := range w.APNInfoList {
		sub.APNs = append(sub.APNs, APNInfo{Name: string(a.APNName), AMBRUplink: int(a.AMBRUL), AMBRDownlink: int(a.AMBRDL), IPv4: string(a.IPv4)})
	}
	return sub
}

// Create creates a subscriber, deactivated and with nothing bound (manual
// 2.1.2, POST customers/create). An existing sub_id is ErrSubscriberExists:
// 4001, as the section documents, or 4005 from Table 1-1, read the same.
func (s *SubscribersService) Create(ctx context.Context, p Profile) error {
	return s.sendProfile(ctx, routeCreate, p)
}

// Modify changes a subscriber's profile (manual 2.1.15, POST customers/modify).
// Empty fields are not sent, so they stay as they are.
func (s *SubscribersService) Modify(ctx context.Context, p Profile) error {
	return s.sendProfile(ctx, routeModify, p)
}

func (s *SubscribersService) sendProfile(ctx context.Context, rt route, p Profile) error {
	if err := checkProfile(rt.op, "Profile.", p); err != nil {
		return err
	}
	sid := s.c.nextSessionID(ctx)
	return s.c.call(ctx, rt, sid, &wireProfile{
		SessionID: sid, SubID: p.ID, SubName: p.Name, IDNum: p.IDNumber,
		PhoneNumber: p.Phone, Email: p.Email, Address: p.Address,
	}, new(envelope))
}

// Delete deletes a subscriber (manual 2.1.16, POST customers/delete).
func (s *SubscribersService) Delete(ctx context.Context, subID string) error {
	return s.simple(ctx, routeDelete, subID)
}

// Activate activates a subscriber; it needs a bound IMSI and plan (ErrNotBound)
// (manual 2.1.6, POST customers/activate).
func (s *SubscribersService) Activate(ctx context.Context, subID string) error {
	return s.simple(ctx, routeActivate, subID)
}

// Deactivate deactivates a subscriber (manual 2.1.7, POST customers/deactivate).
func (s *SubscribersService) Deactivate(ctx context.Context, subID string) error {
	return s.simple(ctx, routeDeactivate, subID)
}

// UnbindIMSI removes the subscriber's IMSI; an active subscriber must be
// deactivated first (ErrMustDeactivate) (manual 2.1.5, POST customers/unbindimsi).
func (s *SubscribersService) UnbindIMSI(ctx context.Context, subID string) error {
	return s.simple(ctx, routeUnbindIMSI, subID)
}

func (s *SubscribersService) simple(ctx context.Context, rt route, subID string) error {
	if err := checkID(rt.op, "subID", subID); err != nil {
		return err
	}
	sid := s.c.nextSessionID(ctx)
	return s.c.call(ctx, rt, sid, &wireSubscriberID{SessionID: sid, SubID: subID}, new(envelope))
}

// BindPlan binds a service plan to a subscriber that has none (manual 2.1.3,
// POST customers/bindservice). To replace a bound plan use ChangePlan.
func (s *SubscribersService) BindPlan(ctx context.Context, subID, planID string) error {
	rt := routeBindPlan
	if err := checkID(rt.op, "subID", subID); err != nil {
		return err
	}
	if err := checkID(rt.op, "planID", planID); err != nil {
		return err
	}
	sid := s.c.nextSessionID(ctx)
	return s.c.call(ctx, rt, sid, &wireBindPlan{SessionID: sid, SubID: subID, ServicePlanID: planID}, new(envelope))
}

// ChangePlan moves a subscriber to another service plan (manual 2.1.8, POST
// customers/update).
func (s *SubscribersService) ChangePlan(ctx context.Context, subID, newPlanID string) error {
	rt := routeChangePlan
	if err := checkID(rt.op, "subID", subID); err != nil {
		return err
	}
	if err := checkID(rt.op, "newPlanID", newPlanID); err != nil {
		return err
	}
	sid := s.c.nextSessionID(ctx)
	return s.c.call(ctx, rt, sid, &wireChangePlan{SessionID: sid, SubID: subID, NewServicePlanID: newPlanID}, new(envelope))
}

// BindIMSI binds an IMSI to a subscriber (manual 2.1.4, POST
// customers/bindimsi). An IMSI held by another subscriber is ErrIMSIInUse.
func (s *SubscribersService) BindIMSI(ctx context.Context, subID, imsi string) error {
	rt := routeBindIMSI
	if err := checkID(rt.op, "subID", subID); err != nil {
		return err
	}
	if err := checkIMSI(rt.op, "imsi", imsi); err != nil {
		return err
	}
	sid := s.c.nextSessionID(ctx)
	return s.c.call(ctx, rt, sid, &wireBindIMSI{SessionID: sid, SubID: subID, IMSI: imsi}, new(envelope))
}

// ChangeSpeed sets a subscriber's own uplink and downlink speed (manual 2.1.9,
// POST customers/updateuplink).
func (s *SubscribersService) ChangeSpeed(ctx context.Context, subID string, speed Speed) error {
	rt := routeChangeSpeed
	if err := checkID(rt.op, "subID", subID); err != nil {
		return err
	}
	if err := checkSpeed(rt.op, speed); err != nil {
		return err
	}
	sid := s.c.nextSessionID(ctx)
	return s.c.call(ctx, rt, sid, &wireChangeSpeed{SessionID: sid, SubID: subID, Uplink: speed.Uplink, Downlink: speed.Downlink}, new(envelope))
}

// BindAPN binds an APN, with optional static IPs, to a subscriber (manual
// 2.1.13, POST customers/bindapnip; local OMC+BOSS only).
func (s *SubscribersService) BindAPN(ctx context.Context, b APNRequest) error {
	rt := routeBindAPN
	if err := s.checkAPN(rt, b); err != nil {
		return err
	}
	if len(b.IPs) > MaxAPNIPs {
		return invalid(rt.op, "IPs", "%d addresses; at most %d", len(b.IPs), MaxAPNIPs)
	}
	ips := make([]string, len(b.IPs))
	for i, ip := range b.IPs {
		if !ip.Is4() {
			return invalid(rt.op, "IPs", "%v is not an IPv4 address", ip)
		}
		ips[i] = ip.String()
	}
	sid := s.c.nextSessionID(ctx)
	return s.c.call(ctx, rt, sid, &wireBindAPN{
		SessionID: sid, SubID: b.SubID, APNName: b.Name, AMBRUL: b.AMBRUplink, AMBRDL: b.AMBRDownlink,
		IPAddr: strings.Join(ips, ipAddrSeparator),
	}, new(envelope))
}

// RemoveAPN removes an APN binding and its static IPs (manual 2.1.14, POST
// customers/removeapnip; local OMC+BOSS only).
func (s *SubscribersService) RemoveAPN(ctx context.Context, b APNRequest) error {
	rt := routeRemoveAPN
	if err := s.checkAPN(rt, b); err != nil {
		return err
	}
	sid := s.c.nextSessionID(ctx)
	return s.c.call(ctx, rt, sid, &wireRemoveAPN{
		SessionID: sid, SubID: b.SubID, APNName: b.Name,
		AMBRUL: strconv.Itoa(b.AMBRUplink), AMBRDL: strconv.Itoa(b.AMBRDownlink),
	}, new(envelope))
}

func (s *SubscribersService) checkAPN(rt route, b APNRequest) error {
	if err := checkID(rt.op, "SubID", b.SubID); err != nil {
		return err
	}
	if err := checkID(rt.op, "Name", b.Name); err != nil {
		return err
	}
	if b.AMBRUplink < 0 || b.AMBRDownlink < 0 {
		return invalid(rt.op, "AMBR", "negative rate")
	}
	return nil
}
