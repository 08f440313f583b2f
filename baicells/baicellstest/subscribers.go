package baicellstest

import (
	"encoding/json"
	"net"
	"strconv"
	"strings"
)

// Limits from the manual.
const (
	maxBulk       = 200 // subscribers per bulk call (4012, 4503)
	maxAPNName    = 64  // characters of apn_name (4109)
	maxStaticIPs  = 16  // static IPs per APN (4601)
	minIMSIDigits = 6
	maxIMSIDigits = 15
)

// validIMSI reports whether imsi is 6 to 15 decimal digits.
func validIMSI(imsi string) bool {
	if len(imsi) < minIMSIDigits || len(imsi) > maxIMSIDigits {
		return false
	}
	for _, c := range imsi {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// status is the wire form of a subscriber's status: "0" active, "1" deactive.
func status(active bool) string {
	if active {
		return "0"
	}
	return "1"
}

// ownSubscriber looks up the subscriber named by the body's sub_id and
// checks that the caller owns it: 4000, 4002 or 4009 otherwise.
func (s *Server) ownSubscriber(c *call) (*subscriber, int) {
	id := c.body.get("sub_id")
	if id.empty() {
		return nil, 4000
	}
	return s.ownSubscriberByID(c, id.str())
}

func (s *Server) ownSubscriberByID(c *call, id string) (*subscriber, int) {
	sub, ok := s.subs[id]
	if !ok {
		return nil, 4002
	}
	if sub.owner != c.tenant {
		return nil, 4009
	}
	return sub, 0
}

// ownPlan looks up a plan the caller may use: 4202 or 4207 otherwise.
func (s *Server) ownPlan(c *call, id string) (*plan, int) {
	p, ok := s.plans[id]
	if !ok {
		return nil, 4202
	}
	if p.owner != c.tenant {
		return nil, 4207
	}
	return p, 0
}

// POST /customers/query: is an IMSI free, and if not, whose is it.
func (s *Server) querySubscriber(c *call) (any, int) {
	imsi := c.body.get("imsi")
	if imsi.empty() {
		return nil, 4300
	}
	if !validIMSI(imsi.str()) {
		return nil, 4301
	}
	id, used := s.imsiIndex[imsi.str()]
	if !used {
		return object{{"available", true}}, 0
	}
	sub := s.subs[id]
	if sub.owner != c.tenant {
		return object{{"available", false}}, 0
	}
	return object{
		{"available", false},
		{"sub_id", sub.ID},
		{"sub_name", sub.Name},
		{"id_num", sub.IDNumber},
		{"phone_number", sub.Phone},
		{"email", sub.Email},
		{"address", sub.Address},
		{"service_plan_id", sub.PlanID},
		{"sub_status", status(sub.Active)},
	}, 0
}

// POST /customers/create. Its section (2.1.2) lists 4000/4001 as its
// errors and shows a duplicate sub_id answered 4001, whoever owns the
// existing one; Table 1-1's 4005 ("Subscribers already exist") is named by
// no section, so the fake never sends it.
func (s *Server) createSubscriber(c *call) (any, int) {
	id := c.body.get("sub_id")
	if id.empty() {
		return nil, 4000
	}
	if _, ok := s.subs[id.str()]; ok {
		return nil, 4001
	}
	s.subs[id.str()] = &subscriber{
		Subscriber: Subscriber{
			ID:       id.str(),
			Name:     c.body.get("sub_name").str(),
			IDNumber: c.body.get("id_num").str(),
			Phone:    c.body.get("phone_number").str(),
			Email:    c.body.get("email").str(),
			Address:  c.body.get("address").str(),
		},
		owner: c.tenant,
	}
	return nil, 0
}

// POST /customers/bindservice: bind the first plan; changing it is
// /customers/update.
func (s *Server) bindService(c *call) (any, int) {
	if c.body.get("sub_id").empty() {
		return nil, 4000
	}
	planID := c.body.get("service_plan_id")
	if planID.empty() {
		return nil, 4200
	}
	sub, code := s.ownSubscriber(c)
	if code != 0 {
		return nil, code
	}
	p, code := s.ownPlan(c, planID.str())
	if code != 0 {
		return nil, code
	}
	if sub.PlanID != "" {
		return nil, 4006
	}
	sub.PlanID, sub.UpRate, sub.DownRate = p.ID, p.Uplink, p.Downlink
	return nil, 0
}

// POST /customers/update: change the bound plan (and so the speeds).
func (s *Server) changePlan(c *call) (any, int) {
	if c.body.get("sub_id").empty() {
		return nil, 4000
	}
	planID := c.body.get("new_service_plan_id")
	if planID.empty() {
		return nil, 4203
	}
	sub, code := s.ownSubscriber(c)
	if code != 0 {
		return nil, code
	}
	p, code := s.ownPlan(c, planID.str())
	if code != 0 {
		return nil, code
	}
	sub.PlanID, sub.UpRate, sub.DownRate = p.ID, p.Uplink, p.Downlink
	return nil, 0
}

// POST /customers/updateuplink: set the subscriber's own speeds.
func (s *Server) changeSpeed(c *call) (any, int) {
	if c.body.get("sub_id").empty() {
		return nil, 4000
	}
	up, down, code := speeds(c.body)
	if code != 0 {
		return nil, code
	}
	sub, code := s.ownSubscriber(c)
	if code != 0 {
		return nil, code
	}
	sub.UpRate, sub.DownRate = up, down
	return nil, 0
}

// speeds reads the required uplink and downlink fields: 4401/4402 when
// missing, 4403/4404 when not a non-negative whole number.
func speeds(b body) (up, down int, code int) {
	u, d := b.get("uplink"), b.get("downlink")
	if u.empty() {
		return 0, 0, 4401
	}
	if d.empty() {
		return 0, 0, 4402
	}
	up, ok := u.integer()
	if !ok || up < 0 {
		return 0, 0, 4403
	}
	down, ok = d.integer()
	if !ok || down < 0 {
		return 0, 0, 4404
	}
	return up, down, 0
}

// POST /customers/bindimsi.
func (s *Server) bindIMSI(c *call) (any, int) {
	if c.body.get("sub_id").empty() {
		return nil, 4000
	}
	imsi := c.body.get("imsi")
	if imsi.empty() {
		return nil, 4300
	}
	if !validIMSI(imsi.str()) {
		return nil, 4301
	}
	sub, code := s.ownSubscriber(c)
	if code != 0 {
		return nil, code
	}
	if sub.IMSI != "" {
		return nil, 4007
	}
	if _, used := s.imsiIndex[imsi.str()]; used {
		return nil, 4302
	}
	sub.IMSI = imsi.str()
	s.imsiIndex[sub.IMSI] = sub.ID
	return nil, 0
}

// POST /customers/unbindimsi: only a deactivated subscriber (4303).
func (s *Server) unbindIMSI(c *call) (any, int) {
	sub, code := s.ownSubscriber(c)
	if code != 0 {
		return nil, code
	}
	if sub.Active {
		return nil, 4303
	}
	if sub.IMSI == "" {
		return nil, 4003
	}
	delete(s.imsiIndex, sub.IMSI)
	sub.IMSI = ""
	return nil, 0
}

// activatable is the activation rule: an IMSI (4003), then a plan (4004).
func activatable(sub *subscriber) int {
	if sub.IMSI == "" {
		return 4003
	}
	if sub.PlanID == "" {
		return 4004
	}
	return 0
}

// POST /customers/activate.
func (s *Server) activate(c *call) (any, int) {
	sub, code := s.ownSubscriber(c)
	if code != 0 {
		return nil, code
	}
	if code := activatable(sub); code != 0 {
		return nil, code
	}
	sub.Active = true
	return nil, 0
}

// POST /customers/deactivate.
func (s *Server) deactivate(c *call) (any, int) {
	sub, code := s.ownSubscriber(c)
	if code != 0 {
		return nil, code
	}
	sub.Active = false
	return nil, 0
}

// bulkIDs reads the data list of a bulk activate/deactivate: 4010 when
// missing or empty, 4012 when longer than 200.
func bulkIDs(b body) ([]string, int) {
	raw, ok := b["data"]
	if !ok {
		return nil, 4010
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil || len(items) == 0 {
		return nil, 4010
	}
	if len(items) > maxBulk {
		return nil, 4012
	}
	ids := make([]string, len(items))
	for i, item := range items {
		ids[i] = valueOf(item).str()
	}
	return ids, 0
}

// bulkSetActive changes every listed subscriber or none (4011).
func (s *Server) bulkSetActive(c *call, active bool) (any, int) {
	ids, code := bulkIDs(c.body)
	if code != 0 {
		return nil, code
	}
	subs := make([]*subscriber, len(ids))
	for i, id := range ids {
		sub, code := s.ownSubscriberByID(c, id)
		if code != 0 || (active && activatable(sub) != 0) {
			return nil, 4011
		}
		subs[i] = sub
	}
	for _, sub := range subs {
		sub.Active = active
	}
	return nil, 0
}

// POST /customers/bulkactivate.
func (s *Server) bulkActivate(c *call) (any, int) { return s.bulkSetActive(c, true) }

// POST /customers/bulkdeactivate.
func (s *Server) bulkDeactivate(c *call) (any, int) { return s.bulkSetActive(c, false) }

// POST /customers/querybyid.
func (s *Server) queryByID(c *call) (any, int) {
	sub, code := s.ownSubscriber(c)
	if code != 0 {
		return nil, code
	}
	apns := make([]object, 0, len(sub.APNs))
	for _, a := range sub.APNs {
		o := object{{"apn_name", a.Name}, {"apn_ambr_ul", a.AMBRUplink}, {"apn_ambr_dl", a.AMBRDownlink}}
		if len(a.IPs) > 0 {
			o = append(o, field{"ipv4", a.IPs[0]}, field{"ip_list", a.IPs})
		}
		apns = append(apns, o)
	}
	return object{
		{"imsi", sub.IMSI},
		{"sub_id", sub.ID},
		{"sub_name", sub.Name},
		{"id_num", sub.IDNumber},
		{"phone_number", sub.Phone},
		{"email", sub.Email},
		{"address", sub.Address},
		{"service_plan_id", sub.PlanID},
		{"sub_status", status(sub.Active)},
		{"up_rate", strconv.Itoa(sub.UpRate)},
		{"down_rate", strconv.Itoa(sub.DownRate)},
		{"apn_info_list", apns},
	}, 0
}

// POST /customers/bindapnip.
func (s *Server) bindAPNIP(c *call) (any, int) {
	if c.body.get("sub_id").empty() {
		return nil, 4000
	}
	name := c.body.get("apn_name")
	if name.empty() {
		return nil, 4108
	}
	if len([]rune(name.str())) > maxAPNName {
		return nil, 4109
	}
	ul, dl := c.body.get("apn_ambr_ul"), c.body.get("apn_ambr_dl")
	if ul.empty() {
		return nil, 4110
	}
	ambrUL, ok := ul.integer()
	if !ok || ambrUL < 0 {
		return nil, 4111
	}
	if dl.empty() {
		return nil, 4112
	}
	ambrDL, ok := dl.integer()
	if !ok || ambrDL < 0 {
		return nil, 4113
	}
	ips, code := staticIPs(c.body.get("ip_addr"))
	if code != 0 {
		return nil, code
	}
	sub, code := s.ownSubscriber(c)
	if code != 0 {
		return nil, code
	}
	for _, a := range sub.APNs {
		if a.Name == name.str() {
			return nil, 4106
		}
	}
	sub.APNs = append(sub.APNs, APN{Name: name.str(), AMBRUplink: ambrUL, AMBRDownlink: ambrDL, IPs: ips})
	return nil, 0
}

// staticIPs reads ip_addr: empty or missing means no static IP, otherwise a
// comma-separated list of at most 16 IPv4 addresses (4601, 4101).
func staticIPs(v value) ([]string, int) {
	if v.empty() {
		return nil, 0
	}
	parts := strings.Split(v.str(), ",")
	if len(parts) > maxStaticIPs {
		return nil, 4601
	}
	ips := make([]string, len(parts))
	for i, p := range parts {
		p = strings.TrimSpace(p)
		ip := net.ParseIP(p)
		if ip == nil || ip.To4() == nil || strings.Contains(p, ":") {
			return nil, 4101
		}
		ips[i] = p
	}
	return ips, 0
}

// POST /customers/removeapnip.
func (s *Server) removeAPNIP(c *call) (any, int) {
	if c.body.get("sub_id").empty() {
		return nil, 4000
	}
	name := c.body.get("apn_name")
	if name.empty() {
		return nil, 4108
	}
	sub, code := s.ownSubscriber(c)
	if code != 0 {
		return nil, code
	}
	for i, a := range sub.APNs {
		if a.Name == name.str() {
			sub.APNs = append(sub.APNs[:i:i], sub.APNs[i+1:]...)
			return nil, 0
		}
	}
	return nil, 4107
}

// POST /customers/modify: change the profile fields present in the body.
func (s *Server) modifySubscriber(c *call) (any, int) {
	sub, code := s.ownSubscriber(c)
	if code != 0 {
		return nil, code
	}
	for key, dst := range map[string]*string{
		"sub_name":     &sub.Name,
		"id_num":       &sub.IDNumber,
		"phone_number": &sub.Phone,
		"email":        &sub.Email,
		"address":      &sub.Address,
	} {
		if v := c.body.get(key); v.present {
			*dst = v.str()
		}
	}
	return nil, 0
}

// POST /customers/delete: allowed in any state; frees the IMSI.
func (s *Server) deleteSubscriber(c *call) (any, int) {
	sub, code := s.ownSubscriber(c)
	if code != 0 {
		return nil, code
	}
	if sub.IMSI != "" {
		delete(s.imsiIndex, sub.IMSI)
	}
	delete(s.subs, sub.ID)
	return nil, 0
}

// bulkItem is one record of a bulk create's sub_list.
type bulkItem struct {
	SubID   value `json:"sub_id"`
	IMSI    value `json:"imsi"`
	SubName value `json:"sub_name"`
	IDNum   value `json:"id_num"`
	Phone   value `json:"phone_number"`
	Email   value `json:"email"`
	Address value `json:"address"`
}

// bulkSuccess is one entry of a bulk create's success_list.
type bulkSuccess struct {
	SubID string `json:"sub_id"`
	IMSI  string `json:"imsi"`
}

// bulkFailure is one entry of a bulk create's fail_list.
type bulkFailure struct {
	SubID   string `json:"sub_id"`
	IMSI    string `json:"imsi"`
	Code    string `json:"result_code"`
	Message string `json:"result_message"`
}

// POST /customers/bulkcreate: up to 200 subscribers, each created deactive
// with its IMSI and the optional plan bound; per-item failures are listed.
func (s *Server) bulkCreate(c *call) (any, int) {
	raw, ok := c.body["sub_list"]
	if !ok || string(raw) == "null" {
		return nil, 4501
	}
	var items []bulkItem
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, 4502
	}
	if len(items) > maxBulk {
		return nil, 4503
	}
	var p *plan
	if planID := c.body.get("service_plan_id"); !planID.empty() {
		var code int
		if p, code = s.ownPlan(c, planID.str()); code != 0 {
			return nil, code
		}
	}
	success := make([]bulkSuccess, 0, len(items))
	failed := make([]bulkFailure, 0)
	for _, item := range items {
		id, imsi := item.SubID, item.IMSI
		code := 0
		switch {
		case id.empty():
			code = 4000
		case s.subs[id.str()] != nil:
			code = 4001
		case imsi.empty():
			code = 4300
		case !validIMSI(imsi.str()):
			code = 4301
		case s.imsiIndex[imsi.str()] != "":
			code = 4302
		}
		if code != 0 {
			failed = append(failed, bulkFailure{id.str(), imsi.str(), codeString(code), message(code)})
			continue
		}
		sub := &subscriber{
			Subscriber: Subscriber{
				ID:       id.str(),
				Name:     item.SubName.str(),
				IDNumber: item.IDNum.str(),
				Phone:    item.Phone.str(),
				Email:    item.Email.str(),
				Address:  item.Address.str(),
				IMSI:     imsi.str(),
			},
			owner: c.tenant,
		}
		if p != nil {
			sub.PlanID, sub.UpRate, sub.DownRate = p.ID, p.Uplink, p.Downlink
		}
		s.subs[sub.ID] = sub
		s.imsiIndex[sub.IMSI] = sub.ID
		success = append(success, bulkSuccess{sub.ID, sub.IMSI})
	}
	return object{
		{"total", len(items)},
		{"successful quantity", len(success)},
		{"unsuccessful quantity", len(failed)},
		{"success_list", success},
		{"fail_list", failed},
	}, 0
}
