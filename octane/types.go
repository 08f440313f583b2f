package octane

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Size is an amount of data in bytes. Octane writes sizes as text ("100 GB",
// "1.5 GB", "512 MB"); ParseSize reads them. The units are taken as binary
// (1 GB = 1024 MB): public clients send a data limit of n GB as n × 1024³
// bytes [field: 2 clients], but the units of the sizes Octane writes are not
// documented [guess].
type Size int64

// Units of Size.
const (
	Byte     Size = 1
	Kilobyte      = 1024 * Byte
	Megabyte      = 1024 * Kilobyte
	Gigabyte      = 1024 * Megabyte
	Terabyte      = 1024 * Gigabyte
)

// sizeUnit is the step between two units above, 1024 [guess]; ParseSize and
// String step by it.
const sizeUnit = 1024

// GB returns n gigabytes.
func GB(n float64) Size { return Size(math.Round(n * float64(Gigabyte))) }

// MB returns n megabytes.
func MB(n float64) Size { return Size(math.Round(n * float64(Megabyte))) }

// GB returns s in gigabytes.
func (s Size) GB() float64 { return float64(s) / float64(Gigabyte) }

var sizeUnits = []struct {
	name string
	size Size
}{{"TB", Terabyte}, {"GB", Gigabyte}, {"MB", Megabyte}, {"KB", Kilobyte}, {"B", Byte}}

// String writes s as Octane does: "100 GB", "1.5 GB", "1023 B", "0 B" (two
// decimals at most, in the largest unit that s reaches).
func (s Size) String() string {
	sign, mag := "", uint64(s)
	if s < 0 {
		sign, mag = "-", uint64(-(s+1))+1 // no overflow at math.MinInt64
	}
	for i, u := range sizeUnits {
		if mag < uint64(u.size) && u.size != Byte {
			continue
		}
		v := math.Round(float64(mag)/float64(u.size)*100) / 100
		if v >= sizeUnit && i > 0 { // 1048575 B is "1 MB", not "1024 KB"
			u = sizeUnits[i-1]
			v = math.Round(float64(mag)/float64(u.size)*100) / 100
		}
		return sign + strconv.FormatFloat(v, 'f', -1, 64) + " " + u.name
	}
	return "0 B"
}

var errSize = errors.New("not a data size")

// ParseSize reads "100 GB", "1.5GB", "512 mb", "2048 KB", "7 B" or a bare
// number of bytes. Units are binary (see Size).
func ParseSize(text string) (Size, error) {
	t := strings.TrimSpace(text)
	if t == "" {
		return 0, fmt.Errorf("%w: empty", errSize)
	}
	i := len(t)
	for i > 0 && (t[i-1] < '0' || t[i-1] > '9') && t[i-1] != '.' {
		i--
	}
	num, unit := strings.TrimSpace(t[:i]), strings.ToUpper(strings.TrimSpace(t[i:]))
	if !plainDecimal(num) {
		return 0, fmt.Errorf("%w: %.40q", errSize, text)
	}
	mult := Byte
	switch unit {
	case "", "B", "BYTES":
	case "K", "KB", "KIB":
		mult = Kilobyte
	case "M", "MB", "MIB":
		mult = Megabyte
	case "G", "GB", "GIB":
		mult = Gigabyte
	case "T", "TB", "TIB":
		mult = Terabyte
	default:
		return 0, fmt.Errorf("%w: %.40q", errSize, text)
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) || v*float64(mult) > math.MaxInt64/2 {
		return 0, fmt.Errorf("%w: %.40q", errSize, text)
	}
	return Size(math.Round(v * float64(mult))), nil
}

// plainDecimal accepts digits with at most one '.', and at least one digit:
// no sign, exponent or thousands separator.
func plainDecimal(s string) bool {
	digits, dots := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			dots++
		default:
			return false
		}
	}
	return digits > 0 && dots <= 1
}

// PoolStatus is a data pool's (or a consumer's) dataPoolStatus [field]; the
// server may use values beyond the constants.
type PoolStatus string

// The statuses seen in the field.
const (
	PoolOptedInPending  PoolStatus = "OPTED-IN PENDING"
	PoolOptedIn         PoolStatus = "OPTED-IN"
	PoolOptedOutPending PoolStatus = "OPTED-OUT PENDING"
	PoolOptedOut        PoolStatus = "OPTED-OUT"
)

// OrderStatus is an order's internalStatus [field: 2 clients]. Octane
// documents no list; these are the values two public clients handle.
type OrderStatus string

// Order statuses.
const (
	OrderPending    OrderStatus = "PENDING"
	OrderInProgress OrderStatus = "IN_PROG"
	OrderCommitted  OrderStatus = "COMMITTED" // done
	OrderSuccess    OrderStatus = "SUCCESS"   // done, like COMMITTED [field: 2 clients]
	OrderRejected   OrderStatus = "REJECTED"
	OrderFailed     OrderStatus = "FAILED"
)

// Done reports a successfully finished order: COMMITTED or SUCCESS (two
// public clients treat both as done), and COMPLETE or COMPLETED in case the
// server words it so.
func (s OrderStatus) Done() bool {
	switch OrderStatus(strings.ToUpper(string(s))) {
	case OrderCommitted, "COMPLETE", "COMPLETED", "SUCCESS":
		return true
	}
	return false
}

// Failed reports an order that ended without effect: FAILED, REJECTED,
// CANCELLED or ERROR. Such an order may be re-run with Orders.Reset.
func (s OrderStatus) Failed() bool {
	switch OrderStatus(strings.ToUpper(string(s))) {
	case OrderFailed, OrderRejected, "CANCELLED", "CANCELED", "ERROR":
		return true
	}
	return false
}

// Terminal reports Done or Failed. Any other status, including one this
// package does not know, is taken as still running.
func (s OrderStatus) Terminal() bool { return s.Done() || s.Failed() }
