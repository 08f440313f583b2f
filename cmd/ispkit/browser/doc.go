// Package browser drives the sandbox console of cmd/ispkit in headless
// Chromium. It is a module of its own so that the browser driver, which
// needs a newer Go than ispkit's minimum, stays out of ispkit's go.mod;
// .ci/run installs Chromium and runs it. It has no exported API.
package browser
