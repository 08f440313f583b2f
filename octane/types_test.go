package octane

// Unit tests of types.go: sizes (ParseSize, Size.String, the GB/MB helpers),
// order statuses and pool statuses.

import (
	"errors"
	"math"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSizeUnits(t *testing.T) {
	assert.Equal(t, Size(1), Byte)
	assert.Equal(t, Size(1024), Kilobyte)
	assert.Equal(t, Size(1048576), Megabyte)
	assert.Equal(t, Size(1073741824), Gigabyte)
	assert.Equal(t, Size(1099511627776), Terabyte)
}

func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Size
	}{
		{"100 GB", 107374182400},
		{"1.5GB", 1610612736},
		{"512 mb", 536870912},
		{"2048 KB", 2097152},
		{"7 B", 7},
		{"7", 7},
		{"0", 0},
		{"0 B", 0},
		{"  12.5 GB  ", 13421772800},
		{"1 TB", 1099511627776},
		{"1.25 gb", 1342177280},
		{"3 KiB", 3072},
		{"4 tib", 4398046511104},
		{"2 g", 2147483648},
		{"1 M", 1048576},
		{"1 k", 1024},
		{"10 bytes", 10},
		{".5 KB", 512},
		{"5. MB", 5242880},
		{"0.4 B", 0}, // rounded to whole bytes
		{"1.5 B", 2}, // half away from zero
		{"4194304 TB", 1 << 62},
	} {
		got, err := ParseSize(tc.in)
		if assert.NoError(t, err, "ParseSize(%q)", tc.in) {
			assert.Equal(t, tc.want, got, "ParseSize(%q)", tc.in)
		}
	}
}

func TestParseSizeRejects(t *testing.T) {
	for _, in := range []string{
		"", "   ", "GB", "B", "-1 GB", "-5", "abc", "5 PB", "5 EB", "5 GBs", "5 G B", "1,5 GB", "1 000 MB",
		"NaN", "Inf", "Inf GB", "1e400", "0x10", "5 GB 5", "GB 5", "4194305 TB", "9223372036854775807 TB",
		"١٢ GB",                            // digits of another script
		"+1 KB", "1e3 GB", "1.2.3 MB", ".", // a plain decimal only
	} {
		got, err := ParseSize(in)
		assert.Error(t, err, "ParseSize(%q) = %d", in, got)
		assert.Zero(t, got, "ParseSize(%q)", in)
		if err != nil {
			assert.True(t, errors.Is(err, errSize), "ParseSize(%q): %v", in, err)
			assert.Contains(t, err.Error(), "not a data size")
		}
	}
	// The error quotes at most 40 bytes of the input.
	_, err := ParseSize(strings.Repeat("x", 500))
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 80)
}

func TestSizeString(t *testing.T) {
	for _, tc := range []struct {
		in   Size
		want string
	}{
		{0, "0 B"},
		{1, "1 B"},
		{1023, "1023 B"},
		{1024, "1 KB"},
		{1536, "1.5 KB"},
		{536870912, "512 MB"},
		{1073741824, "1 GB"},
		{1073741825, "1 GB"},
		{1610612736, "1.5 GB"},
		{13421772800, "12.5 GB"},
		{107374182400, "100 GB"},
		{357913941, "341.33 MB"}, // a third of a GB, two decimals
		{1099511627776, "1 TB"},
		{1125899906842624, "1024 TB"}, // no unit above TB
		{-2147483648, "-2 GB"},
		{-1, "-1 B"},
		{math.MaxInt64, "8388608 TB"},
	} {
		assert.Equal(t, tc.want, tc.in.String(), "Size(%d)", int64(tc.in))
	}
}

// TestSizeRoundTrip: the text String writes parses back to the same size
// for sizes it can write exactly, and within its rounding for the others.
func TestSizeRoundTrip(t *testing.T) {
	for _, s := range []Size{0, 1, 1023, 1024, 1536, MB(512), GB(1), GB(1.5), GB(12.5), GB(100), Terabyte, 3 * Terabyte} {
		got, err := ParseSize(s.String())
		require.NoError(t, err, "%d → %q", s, s.String())
		assert.Equal(t, s, got, "%d → %q", s, s.String())
	}
	for _, s := range []Size{357913941, 1073741825, 123456789012, math.MaxInt64 / 2} {
		got, err := ParseSize(s.String())
		require.NoError(t, err, "%d → %q", s, s.String())
		assert.InEpsilon(t, float64(s), float64(got), 0.005, "%d → %q → %d", s, s.String(), got)
	}
	for _, text := range []string{"100 GB", "1.5 GB", "512 MB", "0 B", "12.5 GB", "1 TB", "7 B", "1.25 GB"} {
		s, err := ParseSize(text)
		require.NoError(t, err)
		assert.Equal(t, text, s.String(), "Octane's own spelling prints back as it came")
	}
}

// TestSizeStringMinInt64: Size(math.MinInt64).String() negates a value that
// has no positive counterpart and calls itself again, forever. Anything that
// prints such a Size (a %v of a ConsumerLimit built from bad input) dies of
// a stack overflow, which no recover can catch; the check runs in a child
// process for that reason.
func TestSizeStringMinInt64(t *testing.T) {
	if os.Getenv("OCTANE_TEST_SIZE_MININT64") == "1" {
		debug.SetMaxStack(1 << 20) // fail in milliseconds, not after a gigabyte
		os.Stdout.WriteString("[" + Size(math.MinInt64).String() + "]\n")
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestSizeStringMinInt64$", "-test.count=1")
	cmd.Env = append(os.Environ(), "OCTANE_TEST_SIZE_MININT64=1")
	out, err := cmd.CombinedOutput()
	tail := string(out)
	if len(tail) > 400 {
		tail = tail[:400]
	}
	require.NoError(t, err, "the child died: %s", tail)
	assert.Contains(t, string(out), "[-8388608 TB]")
}

func TestSizeHelpers(t *testing.T) {
	assert.Equal(t, Size(107374182400), GB(100))
	assert.Equal(t, Size(536870912), GB(0.5))
	assert.Equal(t, Size(1610612736), GB(1.5))
	assert.Equal(t, Size(0), GB(0))
	assert.Equal(t, Size(-1073741824), GB(-1))
	assert.Equal(t, Size(536870912), MB(512))
	assert.Equal(t, Size(1572864), MB(1.5))
	assert.Equal(t, Size(1), MB(1.0/1048576))
	assert.Equal(t, GB(1), MB(1024))

	assert.Equal(t, 1.0, GB(1).GB())
	assert.Equal(t, 0.5, MB(512).GB())
	assert.Equal(t, 12.5, Size(13421772800).GB())
	assert.Equal(t, 0.0, Size(0).GB())
	assert.Equal(t, 1024.0, Terabyte.GB())
}

func TestOrderStatus(t *testing.T) {
	for _, tc := range []struct {
		status                   OrderStatus
		done, failed, isTerminal bool
	}{
		{OrderCommitted, true, false, true},
		{"committed", true, false, true},
		{"COMPLETE", true, false, true},
		{"Completed", true, false, true},
		{"SUCCESS", true, false, true},
		{OrderFailed, false, true, true},
		{OrderRejected, false, true, true},
		{"rejected", false, true, true},
		{"CANCELLED", false, true, true},
		{"CANCELED", false, true, true},
		{"ERROR", false, true, true},
		{OrderPending, false, false, false},
		{OrderInProgress, false, false, false},
		{"", false, false, false},
		{"ON_HOLD", false, false, false}, // unknown: still running
		{" COMMITTED", false, false, false},
	} {
		assert.Equal(t, tc.done, tc.status.Done(), "%q.Done()", tc.status)
		assert.Equal(t, tc.failed, tc.status.Failed(), "%q.Failed()", tc.status)
		assert.Equal(t, tc.isTerminal, tc.status.Terminal(), "%q.Terminal()", tc.status)
	}
	// The wire values of the constants [field].
	assert.Equal(t, []OrderStatus{"PENDING", "IN_PROG", "COMMITTED", "REJECTED", "FAILED"},
		[]OrderStatus{OrderPending, OrderInProgress, OrderCommitted, OrderRejected, OrderFailed})
}

func TestPoolStatus(t *testing.T) {
	// The wire values of the constants [field].
	assert.Equal(t, []PoolStatus{"OPTED-IN PENDING", "OPTED-IN", "OPTED-OUT PENDING", "OPTED-OUT"},
		[]PoolStatus{PoolOptedInPending, PoolOptedIn, PoolOptedOutPending, PoolOptedOut})
	for _, tc := range []struct {
		status PoolStatus
		active bool
	}{
		{PoolOptedIn, true},
		{PoolOptedInPending, true},
		{PoolOptedOutPending, true}, // still in the pool until the opt-out is done
		{PoolOptedOut, false},
		{"", true},
		{"SUSPENDED", true},
	} {
		assert.Equal(t, tc.active, Consumer{Status: tc.status}.Active(), "%q", tc.status)
	}
}

// TestBalanceSize: allowanceFmt and usedFmt are read only where the reading
// is unambiguous.
func TestBalanceSize(t *testing.T) {
	for text, want := range map[string]Size{
		"0": 0, "10737418240": GB(10), " 42 ": 42,
		"5 GB": GB(5), "1.25GB": GB(1.25), "512 MB": MB(512), "7 B": 7,
	} {
		got, ok := balanceSize(text)
		if !ok || got != want {
			t.Errorf("balanceSize(%q) = %d, %v; want %d", text, got, ok, want)
		}
	}
	for _, text := range []string{"", " ", "1.5", "300.5", "-5", "+5", "1,024", "Unlimited", "5 parsecs", "1e9", "99999999999999999999"} {
		if got, ok := balanceSize(text); ok {
			t.Errorf("balanceSize(%q) = %d, true; want unread", text, got)
		}
	}
}
