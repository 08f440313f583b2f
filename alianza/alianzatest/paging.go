package alianzatest

import (
	"net/url"
	"slices"
	"strconv"
	"time"
)

// The page sizes of the paged searches when maxResult is absent: the
// defaults of the spec.
const (
	DefaultStatusPageSize  = 50 // statussearch
	DefaultHistoryPageSize = 20 // accounthistorysearch
	DefaultCDRPageSize     = 20 // cdrsearch
)

// searchJSON is the answer of a paged search (ServiceActivationEventResponseX,
// CallDetailRecordSearchResponse): the number of results that match, and
// the page asked for.
type searchJSON[T any] struct {
	TotalRecords int `json:"totalRecords"`
	Results      []T `json:"results"`
}

// pageOf reads firstResultIndex (default 0, an integer ≥ 0) and maxResult
// (default def, an integer ≥ 1), adding InvalidFirstResultIndex and
// InvalidMaxResult to errs for anything else.
func pageOf(q url.Values, def int, errs *keys) (first, size int) {
	size = def
	if v := q.Get("firstResultIndex"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			errs.add(MessageInvalidFirstResultIndex)
		}
		first = n
	}
	if v := q.Get("maxResult"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			errs.add(MessageInvalidMaxResult)
		}
		size = n
	}
	return first, size
}

// window is the page of items from first, of up to size items; never nil.
func window[T any](items []T, first, size int) []T {
	if first >= len(items) {
		return []T{}
	}
	end := len(items)
	if size < end-first { // not first+size, which may overflow
		end = first + size
	}
	return slices.Clone(items[first:end])
}

// enums reads a repeated enum parameter, adding key to errs for a value
// outside values.
func enums(q url.Values, name string, values []string, key string, errs *keys) []string {
	got := q[name]
	for _, v := range got {
		if !slices.Contains(values, v) {
			errs.add(key)
		}
	}
	return got
}

// dateRange reads startDate and endDate as the interval [from, to): a
// YYYY-MM-DD date is its whole day in UTC (inclusive, both ends); with
// instants, an RFC 3339 time is that instant. Zero times do not bound. A
// date that cannot be read adds invalidStart or invalidEnd, a start after
// the end InvalidDateRange.
func dateRange(q url.Values, instants bool, errs *keys) (from, to time.Time) {
	read := func(name, key string, end bool) time.Time {
		v := q.Get(name)
		if v == "" {
			return time.Time{}
		}
		if d, err := time.Parse(time.DateOnly, v); err == nil {
			if end {
				d = d.AddDate(0, 0, 1)
			}
			return d
		}
		if instants {
			if t, err := time.Parse(time.RFC3339, v); err == nil {
				if end {
					t = t.Add(time.Nanosecond)
				}
				return t
			}
		}
		errs.add(key)
		return time.Time{}
	}
	from = read("startDate", MessageInvalidStartDate, false)
	to = read("endDate", MessageInvalidEndDate, true)
	if !from.IsZero() && !to.IsZero() && !from.Before(to) {
		errs.add(MessageInvalidDateRange)
	}
	return from, to
}

// within reports whether t is in [from, to), zero bounds not bounding.
func within(t, from, to time.Time) bool {
	return (from.IsZero() || !t.Before(from)) && (to.IsZero() || t.Before(to))
}
