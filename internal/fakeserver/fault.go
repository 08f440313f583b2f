package fakeserver

import (
	"net/http"
	"slices"
	"sync"
	"time"
)

// Fault is a misbehaviour a fake shows instead of, or before, handling a
// request. It has the fields of each fake's public Fault, in the same order,
// so that one converts with Fault(f); their meaning is documented there.
type Fault struct {
	Path       string
	Status     int
	RetryAfter string
	Latency    time.Duration
	Drop       bool
	Times      int
}

// Faults is a list of faults, tried in the order added. The zero value is an
// empty list. It is safe for concurrent use.
type Faults struct {
	mu   sync.Mutex
	list []*Fault
}

// Add appends f. Its Path is stored as given: normalize it first.
func (l *Faults) Add(f Fault) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.list = append(l.list, &f)
}

// Clear removes every fault.
func (l *Faults) Clear() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.list = nil
}

// Take returns the first fault whose Path is "" or matches path, and counts
// its use: a fault with Times > 0 is removed after its last use, one with
// Times <= 0 stays until Clear. The fault is returned as it was before the
// count. match is called with the list locked: it must not call back into l.
func (l *Faults) Take(path string, match Match) (Fault, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, f := range l.list {
		if f.Path != "" && !match(path, f.Path) {
			continue
		}
		applied := *f
		if f.Times > 0 {
			f.Times--
			if f.Times == 0 {
				l.list = slices.Delete(l.list, i, i+1)
			}
		}
		return applied, true
	}
	return Fault{}, false
}

// Apply acts out f on a request and reports whether the request should
// still be handled normally:
//
//   - Latency is slept first. If the request's context ends meanwhile, the
//     request is abandoned (false, nothing written); if closed is closed
//     meanwhile (the fake is shutting down), the handler panics with
//     http.ErrAbortHandler to end the connection rather than answer.
//   - Drop hijacks the connection and closes it without a response (false).
//     Where w cannot be hijacked (HTTP/2, a recorder) it panics with
//     http.ErrAbortHandler instead.
//   - RetryAfter is set as the Retry-After header, whatever follows.
//   - A non-zero Status is answered by writeStatus, which writes the status
//     line and the fake's body for it (false).
//
// A fault with none of these leaves the request to be handled (true).
func Apply(w http.ResponseWriter, r *http.Request, f Fault, closed <-chan struct{}, writeStatus func(w http.ResponseWriter, status int)) bool {
	if f.Latency > 0 {
		t := time.NewTimer(f.Latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return false
		case <-closed:
			t.Stop()
			// Shutting down: end the connection rather than answer.
			panic(http.ErrAbortHandler)
		}
	}
	if f.Drop {
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
				return false
			}
		}
		// No hijacking (HTTP/2, a recorder): abort the response instead.
		panic(http.ErrAbortHandler)
	}
	if f.RetryAfter != "" {
		w.Header().Set("Retry-After", f.RetryAfter)
	}
	if f.Status != 0 {
		writeStatus(w, f.Status)
		return false
	}
	return true
}
