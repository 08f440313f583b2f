package octane

import (
	"errors"
	"testing"
	"time"
)

func TestWaitOptionsIntervals(t *testing.T) {
	const dMin, dMax = 30 * time.Minute, 30 * time.Minute
	for _, tc := range []struct {
		name   string
		opts   *WaitOptions
		lo, hi time.Duration
		bad    string
	}{
		{"nil", nil, dMin, dMax, ""},
		{"zero", &WaitOptions{}, dMin, dMax, ""},
		{"both", &WaitOptions{MinInterval: time.Second, MaxInterval: time.Minute}, time.Second, time.Minute, ""},
		{"equal", &WaitOptions{MinInterval: time.Second, MaxInterval: time.Second}, time.Second, time.Second, ""},
		{"min only, below default max", &WaitOptions{MinInterval: time.Second}, time.Second, dMax, ""},
		{"min only, above default max", &WaitOptions{MinInterval: time.Hour}, time.Hour, time.Hour, ""},
		{"max only, below default min", &WaitOptions{MaxInterval: time.Second}, time.Second, time.Second, ""},
		{"negative min", &WaitOptions{MinInterval: -1}, 0, 0, "MinInterval"},
		{"negative max", &WaitOptions{MaxInterval: -1}, 0, 0, "MaxInterval"},
		{"max below min", &WaitOptions{MinInterval: time.Minute, MaxInterval: time.Second}, 0, 0, "MaxInterval"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lo, hi, err := tc.opts.intervals("Orders.Wait", dMin, dMax)
			if tc.bad != "" {
				var ve *ValidationError
				if !errors.As(err, &ve) || ve.Field != tc.bad || !errors.Is(err, ErrInvalidInput) {
					t.Fatalf("err %v, want a ValidationError on %s", err, tc.bad)
				}
				return
			}
			if err != nil || lo != tc.lo || hi != tc.hi {
				t.Fatalf("got %v %v %v, want %v %v", lo, hi, err, tc.lo, tc.hi)
			}
		})
	}
}
