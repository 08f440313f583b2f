package baicells_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/baicells/baicellstest"
)

// querybyidAnswer is the manual's 2.1.12 example answer.
const querybyidAnswer = `{"session_id":"2016123456","result_code":"200","imsi":"460010000000001","sub_id":"20161201",` +
	`"sub_name":"test name","id_num":"123456","phone_number":"123456","email":"test@test.com","address":"test address",` +
	`"service_plan_id":"2016001","sub_status":"0","up_rate":"5","down_rate":"10",` +
	`"apn_info_list":[{"apn_name":"apn1","apn_ambr_ul":4,"apn_ambr_dl":8,"ipv4":"192.168.1.10"}]}`

// benchServer answers every request with the 2.1.12 example after reading the
// body, so that both contenders do the same work on the wire.
func benchServer(b *testing.B) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(querybyidAnswer)))
		_, _ = io.WriteString(w, querybyidAnswer)
	}))
	b.Cleanup(srv.Close)
	return srv
}

// rawSubscriber is what a careful hand-written client would decode.
type rawSubscriber struct {
	SessionID     string `json:"session_id"`
	ResultCode    string `json:"result_code"`
	Message       string `json:"message"`
	IMSI          string `json:"imsi"`
	SubID         string `json:"sub_id"`
	SubName       string `json:"sub_name"`
	IDNum         string `json:"id_num"`
	PhoneNumber   string `json:"phone_number"`
	Email         string `json:"email"`
	Address       string `json:"address"`
	ServicePlanID string `json:"service_plan_id"`
	SubStatus     string `json:"sub_status"`
	UpRate        string `json:"up_rate"`
	DownRate      string `json:"down_rate"`
	APNInfoList   []struct {
		APNName string `json:"apn_name"`
		AMBRUL  int    `json:"apn_ambr_ul"`
		AMBRDL  int    `json:"apn_ambr_dl"`
		IPv4    string `json:"ipv4"`
	} `json:"apn_info_list"`
}

// BenchmarkSubscriberGet compares Subscribers.Get with a hand-written net/http
// + encoding/json call to the same loopback server. Report the ratio of the
// two ns/op and the difference of allocs/op.
func BenchmarkSubscriberGet(b *testing.B) {
	srv := benchServer(b)
	ctx := context.Background()

	b.Run("raw", func(b *testing.B) {
		hc := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
		auth := base64.StdEncoding.EncodeToString([]byte("user:pass"))
		url := srv.URL + "/baicellsapi/customers/querybyid"
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			body, err := json.Marshal(map[string]string{"session_id": strconv.Itoa(i), "sub_id": "20161201"})
			if err != nil {
				b.Fatal(err)
			}
			req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
			if err != nil {
				b.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/json")
			req.Header["cloud_key"] = []string{"key"}
			req.Header.Set("Authorization", auth)
			resp, err := hc.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			data, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				b.Fatal(err)
			}
			var out rawSubscriber
			if err := json.Unmarshal(data, &out); err != nil {
				b.Fatal(err)
			}
			if out.ResultCode != "200" || out.SubID != "20161201" {
				b.Fatal("unexpected answer")
			}
		}
	})

	b.Run("ispkit", func(b *testing.B) {
		c, err := baicells.New(baicells.Credentials{CloudKey: baicells.NewSecret("key"), Username: "user", Password: baicells.NewSecret("pass")},
			baicells.WithBaseURL(srv.URL+"/baicellsapi"))
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			sub, err := c.Subscribers.Get(ctx, "20161201")
			if err != nil {
				b.Fatal(err)
			}
			if sub.ID != "20161201" || len(sub.APNs) != 1 {
				b.Fatal("unexpected answer")
			}
		}
	})
}

// BenchmarkBulkCreate10000 creates 10,000 subscribers in a fresh baicellstest
// server per iteration (50 calls of 200, concurrency 4).
func BenchmarkBulkCreate10000(b *testing.B) {
	const n = 10_000
	subs := make([]baicells.SubscriberCreateRequest, n)
	for i := range subs {
		subs[i] = baicells.SubscriberCreateRequest{
			Profile: baicells.Profile{ID: fmt.Sprintf("sub-%05d", i), Name: "Subscriber " + strconv.Itoa(i), Email: "s@example.net"},
			IMSI:    fmt.Sprintf("31198%010d", i),
		}
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		srv := baicellstest.NewServer()
		srv.SeedPlan(baicellstest.DefaultCloudKey, baicellstest.Plan{ID: "P", Name: "p", Uplink: 1, Downlink: 1})
		c, err := baicells.New(defaultCreds, baicells.WithBaseURL(srv.BaseURL()))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := c.Subscribers.BulkCreate(ctx, subs, &baicells.BulkOptions{PlanID: "P"})
		if err != nil || len(res.Created) != n {
			b.Fatalf("created %d, err %v", len(res.Created), err)
		}
		b.StopTimer()
		srv.Close()
		b.StartTimer()
	}
}
