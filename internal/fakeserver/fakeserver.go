// Package fakeserver holds the machinery the in-memory vendor fakes
// (baicellstest, octanetest, …) share: fault injection and request
// recording. Each fake keeps its own documented public types (Fault,
// RecordedRequest), which have the same fields as Fault and Request here
// and convert to them, and decides for itself how paths are normalized and
// matched and how a fault's status is answered.
package fakeserver

import "strings"

// Match reports whether a request path matches a pattern: the Path of a
// fault, or the path given to Recorder.Count.
type Match func(path, pattern string) bool

// Exact matches a path equal to the pattern.
func Exact(path, pattern string) bool { return path == pattern }

// Suffix matches a path ending in the pattern.
func Suffix(path, pattern string) bool { return strings.HasSuffix(path, pattern) }
