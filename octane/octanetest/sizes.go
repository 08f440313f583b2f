package octanetest

import (
	"math"
	"strconv"
)

// Binary units, as the REST answers write them ("100 GB" is 100 × 2³⁰ bytes).
var units = []struct {
	name string
	size int64
}{
	{"TB", 1 << 40},
	{"GB", 1 << 30},
	{"MB", 1 << 20},
	{"KB", 1 << 10},
	{"B", 1},
}

// formatExact renders a cap or a limit in the largest unit that divides it
// exactly: "100 GB", "1536 MB", "7 B". Zero is "0 B".
func formatExact(n int64) string {
	if n == 0 {
		return "0 B"
	}
	for _, u := range units {
		if n%u.size == 0 {
			return strconv.FormatInt(n/u.size, 10) + " " + u.name
		}
	}
	return strconv.FormatInt(n, 10) + " B" // unreachable: 1 divides everything
}

// formatUsage renders a usage in the largest unit of which it holds at least
// one, with at most two decimals: "0 B", "512 MB", "1.5 GB", "1.33 KB".
func formatUsage(n int64) string {
	if n <= 0 {
		return "0 B"
	}
	for _, u := range units {
		if n >= u.size {
			v := math.Round(float64(n)/float64(u.size)*100) / 100
			return strconv.FormatFloat(v, 'f', -1, 64) + " " + u.name
		}
	}
	return "0 B" // unreachable: n ≥ 1
}
