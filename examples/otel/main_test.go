package main

import (
	"bytes"
	"context"
	"testing"
)

// The example's output: the retried 503 is its own span and data point.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), &out); err != nil {
		t.Fatal(err)
	}
	want := `spans:
  Subscribers.Create HTTP 200 Unset
  Subscribers.Get HTTP 503 Error
  Subscribers.Get HTTP 200 Unset
ispkit.attempts:
  Subscribers.Create HTTP 200: 1
  Subscribers.Get HTTP 200: 1
  Subscribers.Get HTTP 503: 1
`
	if out.String() != want {
		t.Fatalf("output:\n%s\nwant:\n%s", out.String(), want)
	}
}
