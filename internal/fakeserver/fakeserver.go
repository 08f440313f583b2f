// Package fakeserver holds the machinery the in-memory vendor fakes
// (baicellstest, octanetest, …) share: fault injection and request
// recording. Each fake keeps its own documented public types (Fault,
// RecordedRequest), which have the same fields as Fault and Request here
// and convert to them, and decides for itself how paths are normalized and
// matched and how a fault's status is answered.
package fakeserver

import (
	"strings"
	"sync"
)

// Match reports whether a request path matches a pattern: the Path of a
// fault, or the path given to Recorder.Count.
type Match func(path, pattern string) bool

// Exact matches a path equal to the pattern.
func Exact(path, pattern string) bool { return path == pattern }

// Suffix matches a path ending in the pattern.
func Suffix(path, pattern string) bool { return strings.HasSuffix(path, pattern) }

// TrimPath drops one trailing slash from a request path ("/a/" is served as
// "/a"); "/" stays.
func TrimPath(p string) string {
	if len(p) > 1 {
		p = strings.TrimSuffix(p, "/")
	}
	return p
}

// Shutdown is a fake's closing signal: Done is closed by the first Close,
// and a latency fault in progress ends on it. The zero value is ready.
type Shutdown struct {
	mu   sync.Mutex
	once sync.Once
	ch   chan struct{}
}

// Done returns the channel Close closes.
func (s *Shutdown) Done() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ch == nil {
		s.ch = make(chan struct{})
	}
	return s.ch
}

// Close closes Done's channel; later calls do nothing.
func (s *Shutdown) Close() {
	s.Done()
	s.once.Do(func() { close(s.ch) })
}
