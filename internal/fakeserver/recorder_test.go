package fakeserver

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// publicRequest is a fake's public RecordedRequest: it must convert.
type publicRequest struct {
	Method string
	Path   string
	Header http.Header
	Body   []byte
}

var _ = Request(publicRequest{})

func record(rec *Recorder, method, path string) {
	r := httptest.NewRequest(method, "http://fake"+path, strings.NewReader("body"))
	r.Header.Set("X-Path", path)
	rec.Record(r, path, []byte("body of "+path))
}

func TestRecorderRecord(t *testing.T) {
	var rec Recorder
	r := httptest.NewRequest(http.MethodPost, "http://fake/base/a/", nil)
	r.Header.Set("Authorization", "secret")
	body := []byte("raw")
	rec.Record(r, "/a", body)
	r.Header.Set("Authorization", "changed") // the record holds a copy

	got := rec.Snapshot()
	if len(got) != 1 {
		t.Fatalf("%d records", len(got))
	}
	g := got[0]
	if g.Method != http.MethodPost || g.Path != "/a" || g.Header.Get("Authorization") != "secret" || string(g.Body) != "raw" {
		t.Fatalf("record %+v", g)
	}
	if &g.Body[0] != &body[0] {
		t.Error("body copied: it is documented as kept")
	}
}

func TestRecorderSnapshotIsolation(t *testing.T) {
	var rec Recorder
	if got := rec.Snapshot(); got != nil {
		t.Fatalf("empty recorder: %v", got)
	}
	record(&rec, http.MethodGet, "/a")
	record(&rec, http.MethodPost, "/b")
	snap := rec.Snapshot()
	record(&rec, http.MethodGet, "/c")
	if len(snap) != 2 || snap[0].Path != "/a" || snap[1].Path != "/b" {
		t.Fatalf("snapshot changed by a later record: %+v", snap)
	}
	snap[0].Path = "/changed"
	if got := rec.Snapshot(); len(got) != 3 || got[0].Path != "/a" || got[2].Path != "/c" {
		t.Fatalf("record changed through a snapshot, or not oldest first: %+v", got)
	}
	rec.Reset()
	if len(snap) != 2 || snap[1].Path != "/b" {
		t.Fatalf("snapshot changed by Reset: %+v", snap)
	}
	if got := rec.Snapshot(); got != nil {
		t.Fatalf("after Reset: %v", got)
	}
	if n := rec.Count("", Suffix); n != 0 {
		t.Fatalf("Count after Reset: %d", n)
	}
	record(&rec, http.MethodGet, "/d")
	if got := rec.Snapshot(); len(got) != 1 || got[0].Path != "/d" {
		t.Fatalf("record after Reset: %+v", got)
	}
}

func TestRequests(t *testing.T) {
	var rec Recorder
	if got := Requests[publicRequest](&rec); got != nil {
		t.Fatalf("empty recorder: %v", got)
	}
	record(&rec, http.MethodGet, "/a")
	record(&rec, http.MethodPost, "/b")
	got := Requests[publicRequest](&rec)
	if len(got) != 2 || got[0].Method != http.MethodGet || got[1].Path != "/b" ||
		got[1].Header.Get("X-Path") != "/b" || string(got[1].Body) != "body of /b" {
		t.Fatalf("Requests = %+v", got)
	}
}

func TestRecorderCount(t *testing.T) {
	var rec Recorder
	for _, p := range []string{"/tiab/UtbOrder", "/tiab/api/v1/datapool", "/tiab/api/v1/datapool/transfer", "/tiab/UtbOrder", ""} {
		record(&rec, http.MethodPost, p)
	}
	for _, c := range []struct {
		pattern string
		match   Match
		want    int
	}{
		{"/UtbOrder", Suffix, 2},
		{"/v1/datapool", Suffix, 1},
		{"/transfer", Suffix, 1},
		{"", Suffix, 5}, // every path ends in ""
		{"/tiab/UtbOrder", Exact, 2},
		{"/UtbOrder", Exact, 0},
		{"", Exact, 1}, // an empty pattern is not a catch-all
	} {
		if n := rec.Count(c.pattern, c.match); n != c.want {
			t.Errorf("Count(%q) = %d, want %d", c.pattern, n, c.want)
		}
	}
}

func TestRecorderConcurrent(t *testing.T) {
	var rec Recorder
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 10 {
				record(&rec, http.MethodGet, "/a")
				_ = rec.Snapshot()
				_ = rec.Count("/a", Exact)
			}
		}()
	}
	wg.Wait()
	if n := rec.Count("/a", Exact); n != 200 {
		t.Fatalf("%d records, want 200", n)
	}
}
