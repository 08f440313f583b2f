// Package testkit holds what the vendor packages' tests share: a recorder of
// the requests a gock mock matched (Recorder), the fault tests every fake
// runs (RunFaultTests, ServerOf) and a recorder of an Observer's attempts
// (Attempts). The hostile-server matrix every client runs through lives in
// internal/conformance.
package testkit

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"sync"

	"gopkg.in/h2non/gock.v1"
)

// Seen is a request as the client sent it.
type Seen struct {
	Method, Path string
	Query        url.Values
	Header       http.Header
	Body         []byte
}

// Recorder records every request that reached its Match. It is safe for
// concurrent use.
type Recorder struct {
	mu   sync.Mutex
	seen []Seen
}

// Match is a gock.MatchFunc that records the request (restoring its body)
// and matches it. Add it last, so that it records only matching requests.
func (r *Recorder) Match(req *http.Request, _ *gock.Request) (bool, error) {
	var body []byte
	if req.Body != nil {
		var err error
		if body, err = io.ReadAll(req.Body); err != nil {
			return false, err
		}
		req.Body = io.NopCloser(bytes.NewReader(body))
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.seen = append(r.seen, Seen{Method: req.Method, Path: req.URL.Path, Query: req.URL.Query(), Header: req.Header.Clone(), Body: body})
	return true, nil
}

// All returns the requests recorded so far.
func (r *Recorder) All() []Seen {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Seen(nil), r.seen...)
}

// Len is the number of requests recorded.
func (r *Recorder) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.seen)
}
