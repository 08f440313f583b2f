//go:build race

package conformance

// raceEnabled: the race detector changes what TotalAlloc counts (about twice
// as much) and makes every large body slow, so the memory scenarios are
// skipped under it.
const raceEnabled = true
