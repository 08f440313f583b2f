package octanetest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

func TestURLs(t *testing.T) {
	s := newTestServer(t)
	if !strings.HasPrefix(s.URL, "http://127.0.0.1:") || s.SOAPBaseURL() != s.URL+"/tiab" || s.RESTBaseURL() != s.URL+"/tiab/api" {
		t.Fatalf("URL %q SOAPBaseURL %q RESTBaseURL %q", s.URL, s.SOAPBaseURL(), s.RESTBaseURL())
	}
	s.Close()
	s.Close() // twice is fine
}

func TestNewHandler(t *testing.T) {
	h := NewHandler()
	if h.URL != "" || h.SOAPBaseURL() != "/tiab" || h.RESTBaseURL() != "/tiab/api" {
		t.Fatalf("URL %q SOAPBaseURL %q RESTBaseURL %q", h.URL, h.SOAPBaseURL(), h.RESTBaseURL())
	}
	defer h.Close() // a no-op without a listener of its own

	mux := http.NewServeMux()
	mux.Handle("/tiab/", h)
	ts := httptest.NewServer(mux)
	defer ts.Close()
	resp, err := http.Post(ts.URL+"/tiab/UtbOrder", "text/xml; charset=utf-8",
		strings.NewReader(createPoolXML(DefaultCustNo, DefaultProviderPlan, "via mux")))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("HTTP %d", resp.StatusCode)
	}
	if p := h.Pools(); len(p) != 1 || p[0].Name != "via mux" {
		t.Fatalf("pools %+v", p)
	}

	// A recorder works too.
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, "/tiab/api/v1/datapool?custno=100001&lineseqno=1", nil)
	req.SetBasicAuth(DefaultUsername, DefaultPassword)
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"memberId":"880001"`) {
		t.Fatalf("HTTP %d %s", rec.Code, rec.Body)
	}
}

func TestSeeding(t *testing.T) {
	s := NewHandler()
	// Lines are per customer, shared by services and pools; numbers are
	// generated around the ones taken.
	s.SeedService(Service{CustNo: DefaultCustNo, ServiceNumber: "0491000002"})
	if line := s.SeedService(Service{CustNo: "300003"}); line != "1" {
		t.Fatalf("first line of a new customer %q", line)
	}
	p := s.SeedPool(Pool{})
	if p.LineSeqNo != "2" || p.ServiceNumber != "0491000003" || p.ProviderID != "880001" || p.CustNo != DefaultCustNo ||
		p.PlanNo != DefaultProviderPlan || p.MaxCap != DefaultProviderCap || p.Status != StatusOptedIn || p.Consumers == nil || len(p.Consumers) != 0 {
		t.Fatalf("SeedPool %+v", p)
	}
	if svc, _ := s.Service("0491000001"); svc.CustNo != "300003" || svc.PlanNo != DefaultConsumerPlan || svc.LineSeqNo != "1" {
		t.Fatalf("generated service %+v", svc)
	}
	if line := s.SeedService(Service{CustNo: DefaultCustNo, LineSeqNo: "10"}); line != "10" {
		t.Fatalf("explicit line %q", line)
	}
	if line := s.SeedService(Service{CustNo: DefaultCustNo}); line != "11" {
		t.Fatalf("line after an explicit one %q", line)
	}
	s.SeedService(Service{CustNo: DefaultCustNo, LineSeqNo: "x"})
	s.SeedService(Service{CustNo: DefaultCustNo, LineSeqNo: "5"})
	if line := s.SeedService(Service{CustNo: DefaultCustNo}); line != "12" {
		t.Fatalf("line %q", line)
	}
	// A seeded line in the future is skipped over.
	s.mu.Lock()
	s.lines[lineKey{DefaultCustNo, "13"}] = "x"
	s.mu.Unlock()
	if line := s.SeedService(Service{CustNo: DefaultCustNo}); line != "14" {
		t.Fatalf("line %q", line)
	}
	q := s.SeedPool(Pool{ProviderID: "P-1", ServiceNumber: "0200000000", LineSeqNo: "50", PlanNo: "NONE", Name: "n", Status: StatusOptedOut})
	if q.MaxCap != 0 || q.Status != StatusOptedOut || q.ProviderID != "P-1" {
		t.Fatalf("explicit pool %+v", q)
	}
	s.SeedService(Service{CustNo: DefaultCustNo, ServiceNumber: "0400", PoolProviderID: p.ProviderID, DataLimit: 5, DataUsage: 9})
	if got, _ := s.Pool(p.ProviderID); got.Usage != 9 || len(got.Consumers) != 1 {
		t.Fatalf("pool with a seeded consumer %+v", got)
	}
	pools := s.Pools()
	if len(pools) != 2 || pools[0].ProviderID != "P-1" || pools[1].ProviderID != "880001" { // shorter ids first
		t.Fatalf("Pools %+v", pools)
	}
	if _, ok := s.Pool("nope"); ok {
		t.Fatal("Pool of an unknown id")
	}
	if _, ok := s.Service(p.ServiceNumber); ok {
		t.Fatal("Service returns a pool")
	}

	// Snapshots are copies.
	got, _ := s.Pool(p.ProviderID)
	got.Consumers[0] = "changed"
	if again, _ := s.Pool(p.ProviderID); again.Consumers[0] != "0400" {
		t.Fatal("Pool shares its Consumers slice")
	}

	// SeedService defaults CustNo as SeedPool does.
	ln := s.SeedService(Service{ServiceNumber: "0499000001"})
	if svc, ok := s.Service("0499000001"); !ok || svc.CustNo != DefaultCustNo || svc.LineSeqNo != ln {
		t.Fatalf("SeedService without CustNo: %+v %v", svc, ok)
	}

	for name, f := range map[string]func(){
		"number in use":      func() { s.SeedService(Service{CustNo: "1", ServiceNumber: "0400"}) },
		"pool number in use": func() { s.SeedService(Service{CustNo: "1", ServiceNumber: p.ServiceNumber}) },
		"line in use":        func() { s.SeedService(Service{CustNo: DefaultCustNo, LineSeqNo: "1"}) },
		"unknown pool":       func() { s.SeedService(Service{CustNo: "1", PoolProviderID: "none"}) },
		"provider id in use": func() { s.SeedPool(Pool{ProviderID: "P-1"}) },
		"pool number taken":  func() { s.SeedPool(Pool{ServiceNumber: "0400"}) },
		"pool line taken":    func() { s.SeedPool(Pool{LineSeqNo: "1"}) },
		"usage of unknown":   func() { s.SetUsage("0000", 1) },
		"usage of a pool":    func() { s.SetUsage(p.ServiceNumber, 1) },
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if r := recover(); r == nil || !strings.HasPrefix(fmt.Sprint(r), "octanetest: ") {
					t.Fatalf("recovered %v", r)
				}
			}()
			f()
		})
	}

	// Generated provider ids skip seeded ones.
	s.SeedPool(Pool{ProviderID: "880002"})
	if p := s.SeedPool(Pool{}); p.ProviderID != "880003" {
		t.Fatalf("generated provider id %q", p.ProviderID)
	}
}

func TestRecordedRequests(t *testing.T) {
	s := newTestServer(t)
	postSOAP(t, s, "/UtbOrder", queryXML("1"))
	postSOAP(t, s, "/UtbServiceV3/", detailXML("1", "2"))
	getPool(t, s, DefaultCustNo, "1")
	postREST(t, s, "/v1/datapool/transfer", map[string]any{})

	reqs := s.Requests()
	if len(reqs) != 4 {
		t.Fatalf("%d requests", len(reqs))
	}
	if reqs[0].Method != http.MethodPost || reqs[0].Path != "/tiab/UtbOrder" || !strings.Contains(string(reqs[0].Body), "<orderId>1</orderId>") {
		t.Errorf("first %+v", reqs[0])
	}
	if reqs[0].Header.Get("Content-Type") != "text/xml; charset=utf-8" || reqs[0].Header.Get("SOAPAction") != `""` {
		t.Errorf("headers %v", reqs[0].Header)
	}
	if reqs[1].Path != "/tiab/UtbServiceV3" || reqs[2].Path != "/tiab/api/v1/datapool" || reqs[2].Method != http.MethodGet {
		t.Errorf("paths %q %q", reqs[1].Path, reqs[2].Path)
	}
	if _, _, ok := (&http.Request{Header: reqs[2].Header}).BasicAuth(); !ok {
		t.Error("Authorization not recorded")
	}
	for suffix, want := range map[string]int{"/UtbOrder": 1, "/UtbServiceV3": 1, "/tiab/UtbOrder/": 1, "/v1/datapool": 1,
		"/v1/datapool/transfer": 1, "/transfer": 1, "": 4, "/nothing": 0} {
		if n := s.RequestCount(suffix); n != want {
			t.Errorf("RequestCount(%q) = %d, want %d", suffix, n, want)
		}
	}
	reqs[0].Method = "changed"
	if s.Requests()[0].Method != http.MethodPost {
		t.Error("Requests shares its slice")
	}
	s.ResetRequests()
	if len(s.Requests()) != 0 || s.RequestCount("") != 0 {
		t.Error("ResetRequests left requests")
	}
}

func TestConcurrentUse(t *testing.T) {
	s := newTestServer(t)
	const workers = 12
	var wg sync.WaitGroup
	for i := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cust := fmt.Sprintf("9%05d", i)
			s.SeedCustomer(cust)
			a := s.SeedService(Service{CustNo: cust, ServiceNumber: fmt.Sprintf("0450%06d", i)})
			r := postSOAP(t, s, "/UtbOrder", createPoolXML(cust, DefaultProviderPlan, "pool "+cust))
			soapOK(t, r)
			msn := orderStatus(t, s, r.ret.text("orderId")).text("orderItems/wmeNewReqItem/msn")
			line := postSOAP(t, s, "/UtbServiceV3", detailXML(cust, msn)).ret.text("Instances/Instance/serviceNumberDetail/lineSeqno")
			g := getPool(t, s, cust, line)
			pid, _ := g.m["provider"].(map[string]any)["memberId"].(string)
			placeOK(t, bulk(t, s, optInXML(cust, pid, fmt.Sprintf("0450%06d", i))))
			s.SetUsage(fmt.Sprintf("0450%06d", i), int64(i)<<20)
			restOK(t, postREST(t, s, "/v1/datapool/modify-consumer-data-limit", map[string]any{"consumerServices": []any{
				map[string]any{"custNo": cust, "lineSeqNo": a, "dataLimit": 1 << 30}}}))
			s.Pools()
			s.Orders()
			s.Requests()
			s.CompleteOrders()
		}()
	}
	wg.Wait()
	pools := s.Pools()
	if len(pools) != workers {
		t.Fatalf("%d pools", len(pools))
	}
	seen := map[string]bool{}
	for _, p := range pools {
		if len(p.Consumers) != 1 || seen[p.ServiceNumber] {
			t.Errorf("pool %+v", p)
		}
		seen[p.ServiceNumber] = true
	}
	for _, o := range s.Orders() {
		if o.Status != OrderCommitted {
			t.Errorf("order %+v", o)
		}
	}
	if n := len(s.Orders()); n != 3*workers {
		t.Errorf("%d orders", n)
	}
}

func TestSizes(t *testing.T) {
	exact := []struct {
		n    int64
		want string
	}{
		{0, "0 B"}, {7, "7 B"}, {1023, "1023 B"}, {1024, "1 KB"}, {1536, "1536 B"}, {3 << 10, "3 KB"},
		{1 << 20, "1 MB"}, {1536 << 20, "1536 MB"}, {100 << 30, "100 GB"}, {1 << 40, "1 TB"}, {2048 << 40, "2048 TB"},
		{5<<30 + 1, "5368709121 B"},
	}
	for _, tt := range exact {
		if got := formatExact(tt.n); got != tt.want {
			t.Errorf("formatExact(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
	usage := []struct {
		n    int64
		want string
	}{
		{0, "0 B"}, {-5, "0 B"}, {1, "1 B"}, {1023, "1023 B"}, {1024, "1 KB"}, {1536, "1.5 KB"}, {1365, "1.33 KB"},
		{512 << 20, "512 MB"}, {3 << 29, "1.5 GB"}, {1<<30 - 1, "1024 MB"}, {100 << 30, "100 GB"}, {1<<40 + 1<<38, "1.25 TB"},
		{5000 << 40, "5000 TB"}, {1<<30 + 1<<20, "1 GB"}, {1<<30 + 10<<20, "1.01 GB"},
	}
	for _, tt := range usage {
		if got := formatUsage(tt.n); got != tt.want {
			t.Errorf("formatUsage(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
