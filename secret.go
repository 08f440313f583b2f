// Package ispkit holds what the four vendor packages share in their public
// API: [Secret], the type of every credential and sensitive value the
// packages accept or return; [RetryPolicy], which every package's WithRetry
// takes; and [Attempt] and [Observer], which every package's WithObserver
// reports each HTTP attempt to.
//
// The vendor packages are the place to start:
// [github.com/ispkit/ispkit/baicells], [github.com/ispkit/ispkit/telecloud],
// [github.com/ispkit/ispkit/alianza] and [github.com/ispkit/ispkit/octane].
package ispkit

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
)

// Redacted is what a Secret prints as, and what the packages put in place of
// a secret value they find in an error, a log line or an excerpt of a body.
const Redacted = "REDACTED"

// Secret holds a credential or another sensitive value: a password, an API
// key, a card number, a SIP password. It prints as REDACTED in every fmt
// verb — also where fmt does not call its methods (a struct behind a pointer
// printed with %s or %q prints the address of the value, never the value) —
// in slog's text and JSON handlers, and in JSON and text encodings. Reveal
// returns the value for the one place that must send it.
//
// The zero Secret is empty. Secrets compare with Equal; == compares identity.
type Secret struct {
	// A pointer, so that reflection-based printing sees an address, never
	// the characters.
	v *string
}

// NewSecret returns a Secret holding s.
func NewSecret(s string) Secret {
	if s == "" {
		return Secret{}
	}
	return Secret{v: &s}
}

// Reveal returns the secret's value.
func (s Secret) Reveal() string {
	if s.v == nil {
		return ""
	}
	return *s.v
}

// IsZero reports whether the secret is empty.
func (s Secret) IsZero() bool { return s.v == nil || *s.v == "" }

// Equal reports whether two secrets hold the same value (go-cmp uses it).
func (s Secret) Equal(o Secret) bool { return s.Reveal() == o.Reveal() }

// String implements fmt.Stringer.
func (Secret) String() string { return Redacted }

// GoString implements fmt.GoStringer.
func (Secret) GoString() string { return `ispkit.Secret("` + Redacted + `")` }

// Format implements fmt.Formatter so that no verb (%x, %q, %d …) shows the value.
func (Secret) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, Redacted) }

// LogValue implements slog.LogValuer.
func (Secret) LogValue() slog.Value { return slog.StringValue(Redacted) }

// MarshalJSON writes "REDACTED": a Secret never leaves through encoding/json.
// The packages send the value through their own wire types.
func (Secret) MarshalJSON() ([]byte, error) { return []byte(`"` + Redacted + `"`), nil }

// UnmarshalJSON reads a JSON string (an answer that carries a secret).
func (s *Secret) UnmarshalJSON(b []byte) error {
	var v string
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = NewSecret(v)
	return nil
}

// MarshalText writes REDACTED (encoding/xml, flag and map keys use it).
func (Secret) MarshalText() ([]byte, error) { return []byte(Redacted), nil }

// UnmarshalText reads the value as is.
func (s *Secret) UnmarshalText(b []byte) error {
	*s = NewSecret(string(b))
	return nil
}
