package testkit

import (
	"context"
	"sync"

	"github.com/ispkit/ispkit"
)

// Attempts records what an ispkit.Observer is given; Observe is the
// observer. It is safe for concurrent use.
type Attempts struct {
	mu   sync.Mutex
	seen []ispkit.Attempt
}

// Observe records a.
func (r *Attempts) Observe(_ context.Context, a ispkit.Attempt) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.seen = append(r.seen, a)
}

// All returns the attempts recorded so far, in order.
func (r *Attempts) All() []ispkit.Attempt {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]ispkit.Attempt(nil), r.seen...)
}

// Reset forgets the attempts recorded so far.
func (r *Attempts) Reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.seen = nil
}
