// Package conventions holds no code: its tests read the exported API of the
// four vendor packages and their fakes (with go/parser, from the source) and
// fail when the parts ispkit invented itself drift apart — options, errors,
// waiting, fakes, service and input names — or when the README's "What every
// package does the same way" names something a package does not have.
package conventions
