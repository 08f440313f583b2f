package octane

import (
	"context"
	"fmt"
	"sync"

	"golang.org/x/time/rate"
)

// DefaultMirrorConcurrency is how many pools Mirror reads, and applies, at
// once when MirrorOptions.Concurrency is 0. (Each pool applied waits for its
// orders, so a pool in flight is far longer-lived than one BOSS call;
// baicells' default is 8.)
const DefaultMirrorConcurrency = 4

// MirrorOptions tune Mirror; nil means the defaults.
type MirrorOptions struct {
	// DryRun plans every pool and writes nothing.
	DryRun bool
	// Concurrency is how many pools are read or changed at once; 0 means
	// DefaultMirrorConcurrency.
	Concurrency int
	// Limiter, when not nil, paces Mirror's calls: each pool read and each
	// write call (one per kind of action of a pool) waits on it. The order
	// polls and the lookups a call makes on its own are not paced.
	Limiter *rate.Limiter
	// Progress, when not nil, is called after each pool is read and after
	// each pool is changed, from one goroutine at a time.
	Progress func(MirrorProgress)
}

// MirrorPhase names a phase of Mirror.
type MirrorPhase string

// Mirror reads every pool, then changes those that differ.
const (
	MirrorPhaseRead  MirrorPhase = "read"
	MirrorPhaseApply MirrorPhase = "apply"
)

// MirrorProgress is reported to MirrorOptions.Progress.
type MirrorProgress struct {
	Phase MirrorPhase
	// Done of Total pools have been read (MirrorPhaseRead) or changed
	// (MirrorPhaseApply; Total counts only the pools with actions).
	Done, Total int
}

// MirrorStatus is the outcome for one pool.
type MirrorStatus string

// The outcomes of Mirror.
const (
	MirrorUnchanged MirrorStatus = "unchanged" // already as wanted: nothing written
	MirrorChanged   MirrorStatus = "changed"   // every action made
	MirrorPlanned   MirrorStatus = "planned"   // a dry run's actions, not made
	MirrorFailed    MirrorStatus = "failed"    // Err says why; Actions are those made
)

// MirrorResult is one pool's line of a MirrorReport.
type MirrorResult struct {
	// ID is the pool's identity: its service number when the request names
	// it, otherwise "custNo/lineSeqNo".
	ID     string
	Status MirrorStatus
	// Actions are the actions made (or, in a dry run, planned).
	Actions []Action
	Err     error
}

// MirrorReport is what Mirror did.
type MirrorReport struct {
	// Results come in the order of the requests.
	Results []MirrorResult
	// Counts are the actions made (planned, in a dry run) by kind.
	Counts map[ActionKind]int
	// Reads are the pool reads of the plans; Writes the write calls made
	// (one per kind of action of a pool; Disconnect reads the pool again,
	// not counted).
	Reads, Writes int
	DryRun        bool
}

// Mirror brings many pools to the states want describes: it reads each pool
// once (Plan, concurrently), then, unless opts.DryRun, applies the plans that
// have actions. A pool's failure is in its MirrorResult and does not stop
// the others; a pool named twice fails the second time, unread. A second
// run with the same input reads every pool and writes nothing. The error is
// for invalid options or a context that ended.
func (s *PoolsService) Mirror(ctx context.Context, want []PoolReconcileRequest, opts *MirrorOptions) (*MirrorReport, error) {
	const op = "Pools.Mirror"
	var o MirrorOptions
	if opts != nil {
		o = *opts
	}
	if o.Concurrency < 0 {
		return nil, invalid(op, "opts.Concurrency", "is negative (%d)", o.Concurrency)
	}
	if o.Concurrency == 0 {
		o.Concurrency = DefaultMirrorConcurrency
	}
	wait := func(ctx context.Context) error {
		if o.Limiter == nil {
			return nil
		}
		return o.Limiter.Wait(ctx)
	}
	rep := &MirrorReport{Results: make([]MirrorResult, len(want)), Counts: map[ActionKind]int{}, DryRun: o.DryRun}
	plans := make([]*PoolPlan, len(want))
	var mu sync.Mutex // guards rep's counters and serialises Progress
	progress := func(phase MirrorPhase, done *int, total int) {
		mu.Lock()
		defer mu.Unlock()
		*done++
		if o.Progress != nil {
			o.Progress(MirrorProgress{Phase: phase, Done: *done, Total: total})
		}
	}

	seen := map[PoolRef]int{}
	var toRead []int
	for i, r := range want {
		rep.Results[i].ID = poolID(r.Pool)
		if j, dup := seen[r.Pool.Ref()]; dup {
			rep.Results[i].Status, rep.Results[i].Err = MirrorFailed, invalid(op, fmt.Sprintf("want[%d].Pool", i), "names the pool of want[%d] again", j)
			continue
		}
		seen[r.Pool.Ref()] = i
		toRead = append(toRead, i)
	}

	read := 0
	each(ctx, o.Concurrency, toRead, func(i int) {
		res := &rep.Results[i]
		if err := s.checkRequest("Pools.Plan", want[i]); err != nil {
			res.Status, res.Err = MirrorFailed, err
			progress(MirrorPhaseRead, &read, len(toRead))
			return
		}
		if err := wait(ctx); err != nil {
			res.Status, res.Err = MirrorFailed, err
			progress(MirrorPhaseRead, &read, len(toRead))
			return
		}
		mu.Lock()
		rep.Reads++
		mu.Unlock()
		p, err := s.Plan(ctx, want[i])
		switch {
		case err != nil:
			res.Status, res.Err = MirrorFailed, err
		case len(p.Actions) == 0:
			res.Status = MirrorUnchanged
		case o.DryRun:
			res.Status, res.Actions = MirrorPlanned, p.Actions
		default:
			plans[i] = p
		}
		progress(MirrorPhaseRead, &read, len(toRead))
	})

	var toApply []int
	for i, p := range plans {
		if p != nil {
			toApply = append(toApply, i)
		}
	}
	applied := 0
	each(ctx, o.Concurrency, toApply, func(i int) {
		res := &rep.Results[i]
		done, writes, err := s.apply(ctx, plans[i], wait)
		res.Actions = done
		res.Status, res.Err = MirrorChanged, err
		if err != nil {
			res.Status = MirrorFailed
		}
		mu.Lock()
		rep.Writes += writes
		mu.Unlock()
		progress(MirrorPhaseApply, &applied, len(toApply))
	})

	for i := range rep.Results {
		res := &rep.Results[i]
		if res.Status == "" { // never started: the context ended
			res.Status, res.Err = MirrorFailed, ctx.Err()
		}
		for _, a := range res.Actions {
			rep.Counts[a.Kind]++
		}
	}
	if err := ctx.Err(); err != nil {
		return rep, fmt.Errorf("octane: %s: %w", op, err)
	}
	return rep, nil
}

// each calls f for every index, n at a time, and starts no more once ctx
// has ended.
func each(ctx context.Context, n int, idx []int, f func(int)) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, n)
	for _, i := range idx {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			wg.Wait()
			return
		}
		if ctx.Err() != nil {
			<-sem
			break
		}
		wg.Add(1)
		go func(i int) {
			defer func() { <-sem; wg.Done() }()
			f(i)
		}(i)
	}
	wg.Wait()
}
