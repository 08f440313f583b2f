package baicellstest

import (
	"bytes"
	"strconv"
	"testing"
	"time"
)

func usageRecords(t *testing.T, r result, key string) []map[string]any {
	t.Helper()
	expect(t, r, "200")
	raw, ok := r.m[key].([]any)
	if !ok {
		t.Fatalf("no %s array: %s", key, r.raw)
	}
	out := make([]map[string]any, len(raw))
	for i, v := range raw {
		out[i] = v.(map[string]any)
	}
	return out
}

// checkSplit checks up + down = total, all decimal strings.
func checkSplit(t *testing.T, rec map[string]any) {
	t.Helper()
	n := func(k string) uint64 {
		s, ok := rec[k].(string)
		v, err := strconv.ParseUint(s, 10, 64)
		if !ok || err != nil {
			t.Fatalf("%s = %v in %v", k, rec[k], rec)
		}
		return v
	}
	if n("up_usage")+n("down_usage") != n("total_usage") {
		t.Fatalf("up + down != total in %v", rec)
	}
}

func TestUsageByHour(t *testing.T) {
	s := newTestServer(t)
	s.SeedSubscriber(DefaultCloudKey, Subscriber{ID: "b", IMSI: "001010000000002"})
	s.SeedSubscriber(DefaultCloudKey, Subscriber{ID: "a", IMSI: "001010000000001"})
	s.SeedSubscriber(DefaultCloudKey, Subscriber{ID: "none"})
	s.SeedSubscriber("other", Subscriber{ID: "x", IMSI: "001010000000003"})

	q := j("imsi", "6000000000000001", "begin_time", "2018-11-22 08:00:00", "end_time", "2018-11-22 12:00:00")
	first := post(t, s, "/usage/querybyhour", q)
	recs := usageRecords(t, first, "usage_infos")
	var times []string
	for _, rec := range recs {
		if rec["imsi"] != "6000000000000001" {
			t.Fatalf("imsi %v", rec["imsi"])
		}
		checkSplit(t, rec)
		times = append(times, rec["usage_time"].(string))
	}
	want := []string{"2018-11-22 08:00:00", "2018-11-22 09:00:00", "2018-11-22 10:00:00", "2018-11-22 11:00:00", "2018-11-22 12:00:00"}
	if !equal(times, want) {
		t.Fatalf("usage_time %v, want %v", times, want)
	}
	second := post(t, s, "/usage/querybyhour", q)
	if !bytes.Equal(first.raw, second.raw) {
		t.Fatalf("not deterministic:\n%s\n%s", first.raw, second.raw)
	}
	// A fresh server gives the same data.
	if third := post(t, newTestServer(t), "/usage/querybyhour", q); !bytes.Equal(first.raw, third.raw) {
		t.Fatal("usage differs between servers")
	}

	// Empty imsi: every IMSI of the caller, sorted; begin not on the hour.
	recs = usageRecords(t, post(t, s, "/usage/querybyhour",
		j("imsi", "", "begin_time", "2018-11-22 08:30:00", "end_time", "2018-11-22 10:15:00")), "usage_infos")
	var got []string
	for _, rec := range recs {
		got = append(got, rec["imsi"].(string)+" "+rec["usage_time"].(string))
	}
	want = []string{
		"001010000000001 2018-11-22 09:00:00", "001010000000001 2018-11-22 10:00:00",
		"001010000000002 2018-11-22 09:00:00", "001010000000002 2018-11-22 10:00:00",
	}
	if !equal(got, want) {
		t.Fatalf("all IMSIs: %v", got)
	}

	for _, tt := range []struct {
		body map[string]any
		code string
	}{
		{j("end_time", "2018-11-22 12:00:00"), "4701"},
		{j("begin_time", "2018-11-22 12:00:00"), "4702"},
		{j("begin_time", "2018-11-22T08:00:00", "end_time", "2018-11-22 12:00:00"), "4703"},
		{j("begin_time", "2018-11-22 08:00:00", "end_time", "22/11/2018"), "4703"},
		{j("begin_time", "2018-11-22 12:00:00", "end_time", "2018-11-22 08:00:00"), "4703"},
		{j("begin_time", "2018-11-01 00:00:00", "end_time", "2018-12-02 00:00:01"), "4704"},
		{j("begin_time", "2018-11-01 00:00:00", "end_time", "2018-12-02 00:00:00"), "200"},
	} {
		expect(t, post(t, s, "/usage/querybyhour", tt.body), tt.code)
	}
}

func TestUsageCDR(t *testing.T) {
	s := newTestServer(t)
	q := j("imsi", 6000000000000001, "begin_time", "2018-11-22 08:14:32", "end_time", "2018-11-22 12:14:31")
	first := post(t, s, "/usage/querycdr", q)
	recs := usageRecords(t, first, "cdr_infos")
	var dates []string
	for _, rec := range recs {
		checkSplit(t, rec)
		d, err := strconv.Atoi(rec["duration"].(string))
		if err != nil || d < 1 || d > 3600 {
			t.Fatalf("duration %v", rec["duration"])
		}
		if rec["imsi"] != "6000000000000001" {
			t.Fatalf("imsi %v", rec["imsi"])
		}
		dates = append(dates, rec["cdrdate"].(string))
	}
	want := []string{"2018-11-22 08:14:32", "2018-11-22 09:14:32", "2018-11-22 10:14:32", "2018-11-22 11:14:32"}
	if !equal(dates, want) {
		t.Fatalf("cdrdate %v, want %v", dates, want)
	}
	if second := post(t, s, "/usage/querycdr", q); !bytes.Equal(first.raw, second.raw) {
		t.Fatal("CDR not deterministic")
	}
	expect(t, post(t, s, "/usage/querycdr", j("begin_time", "2018-11-01 00:00:00", "end_time", "2018-11-08 00:00:01")), "4705")
	expect(t, post(t, s, "/usage/querycdr", j("begin_time", "2018-11-01 00:00:00", "end_time", "2018-11-08 00:00:00")), "200")
	expect(t, post(t, s, "/usage/querycdr", j("begin_time", "2018-11-01", "end_time", "2018-11-02 00:00:00")), "4703")
	expect(t, post(t, s, "/usage/querycdr", j("begin_time", "2018-11-01 00:00:00")), "4702")
	expect(t, post(t, s, "/usage/querycdr", j()), "4701")
}

func TestUsageLocation(t *testing.T) {
	loc := time.FixedZone("IST", 5*3600+1800)
	s := newTestServer(t, WithLocation(loc))
	recs := usageRecords(t, post(t, s, "/usage/querybyhour",
		j("imsi", "001010000000001", "begin_time", "2018-11-22 08:00:00", "end_time", "2018-11-22 10:00:00")), "usage_infos")
	var times []string
	for _, rec := range recs {
		times = append(times, rec["usage_time"].(string))
	}
	if want := []string{"2018-11-22 08:00:00", "2018-11-22 09:00:00", "2018-11-22 10:00:00"}; !equal(times, want) {
		t.Fatalf("usage_time in a half-hour zone %v", times)
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
