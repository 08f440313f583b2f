package fakeserver

import (
	"net/http"
	"slices"
	"sync"
)

// Request is one request as a fake received it. It has the fields of each
// fake's public RecordedRequest, in the same order, so that the two convert;
// Path is whatever the fake records (see its RecordedRequest).
type Request struct {
	Method string
	Path   string
	Header http.Header
	Body   []byte
}

// RequestLike is a fake's own record type: any type with Request's fields,
// in Request's order.
type RequestLike interface {
	~struct {
		Method string
		Path   string
		Header http.Header
		Body   []byte
	}
}

// Recorder keeps the requests a fake received, oldest first. The zero value
// is empty. It is safe for concurrent use.
type Recorder struct {
	mu   sync.Mutex
	reqs []Request
}

// Record appends r as recorded under path: its method, a copy of its header,
// and body, what the fake read of its body (kept, not copied).
func (rec *Recorder) Record(r *http.Request, path string, body []byte) {
	req := Request{Method: r.Method, Path: path, Header: r.Header.Clone(), Body: body}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	rec.reqs = append(rec.reqs, req)
}

// Snapshot returns the recorded requests, oldest first, in a new slice: later
// records and Reset do not change it. Header and Body are shared with the
// record. It is nil when nothing was recorded since the start or the last
// Reset.
func (rec *Recorder) Snapshot() []Request {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return slices.Clone(rec.reqs)
}

// Requests returns rec.Snapshot() as a fake's own record type T, nil where
// Snapshot is nil.
func Requests[T RequestLike](rec *Recorder) []T {
	reqs := rec.Snapshot()
	if reqs == nil {
		return nil
	}
	out := make([]T, len(reqs))
	for i, r := range reqs {
		out[i] = T(r)
	}
	return out
}

// Reset forgets the recorded requests.
func (rec *Recorder) Reset() {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	rec.reqs = nil
}

// Count returns how many recorded requests have a Path matching pattern.
// Unlike a fault's Path, an empty pattern is given to match like any other.
// match is called with the recorder locked: it must not call back into rec.
func (rec *Recorder) Count(pattern string, match Match) int {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	n := 0
	for _, r := range rec.reqs {
		if match(r.Path, pattern) {
			n++
		}
	}
	return n
}
