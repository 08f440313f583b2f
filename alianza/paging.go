package alianza

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"
)

// This file holds the machinery of the searches that page with
// firstResultIndex and maxResult (Numbers.StatusEvents in events.go,
// Accounts.History in history.go, Accounts.CDRs in cdrs.go). Their answers
// carry a totalRecords, but Alianza does not promise it (no total or next
// link is guaranteed), so the iterators do not rely on it: they stop at the
// first page shorter than the page size.

const (
	queryFirstResultIndex = "firstResultIndex"
	queryMaxResult        = "maxResult"
)

// Default page sizes: the spec's default maxResult of each search.
const (
	defaultStatusPageSize  = 50
	defaultHistoryPageSize = 20
	defaultCDRPageSize     = 20
)

// pages iterates over the results of a search that pages with
// firstResultIndex/maxResult, with or without a total. On the first pull it
// resolves the partition (logging in when needed) and builds the path with
// path; then it asks for pageSize results at a time, from index 0, and
// extract takes the results, and the total when the answer has one (else
// -1), out of each answer. It stops:
//   - after an empty page;
//   - with a total: once the results reach it (a server that returns fewer
//     than pageSize per page does not end the walk early);
//   - without a total: after a page with fewer than pageSize results: that
//     was the end, so a total that is a multiple of pageSize costs one
//     request for an empty page, and no request follows it;
//   - on an error, which it yields once (with a zero T);
//   - when the consumer stops (break), without asking for another page.
//
// A page longer than pageSize (a server that ignores maxResult) is taken
// whole and the next request starts after it. Ranging over the iterator
// again starts again from index 0.
func pages[T any](ctx context.Context, c *Client, op string, path func(partition string) string,
	query url.Values, pageSize int, extract func([]byte) ([]T, int, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		p, err := c.partitionOf(ctx, op)
		if err != nil {
			yield(zero, err)
			return
		}
		for first := 0; ; {
			q := make(url.Values, len(query)+2)
			for k, v := range query {
				q[k] = slices.Clone(v)
			}
			q.Set(queryFirstResultIndex, strconv.Itoa(first))
			q.Set(queryMaxResult, strconv.Itoa(pageSize))
			var raw json.RawMessage
			resp, err := c.send(ctx, call{op: op, method: http.MethodGet, path: path(p), query: q}, &raw)
			if err != nil {
				yield(zero, err)
				return
			}
			items, total, err := extract(raw)
			if err != nil {
				// The call's scrubber knows the token too: a decoding
				// error such as `parsing time "…"` may quote the answer.
				yield(zero, badAnswer(op, resp, err))
				return
			}
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			switch {
			case len(items) == 0:
				return
			case total >= 0:
				// A total, when the answer has one, decides: a server that
				// caps maxResult below pageSize does not end the walk early.
				if first+len(items) >= total {
					return
				}
			case len(items) < pageSize:
				return
			}
			first += len(items)
		}
	}
}

// failed is an iterator that yields err once: a query refused before
// sending.
func failed[T any](err error) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		yield(zero, err)
	}
}

// resultsOf takes the results and, when present, totalRecords out of the
// spec's search answers ({totalRecords, results}); the total is -1 when the
// answer has none.
func resultsOf[T any](body []byte) ([]T, int, error) {
	var page struct {
		TotalRecords *int `json:"totalRecords"`
		Results      []T  `json:"results"`
	}
	if err := json.Unmarshal(body, &page); err != nil {
		return nil, 0, err
	}
	total := -1
	if page.TotalRecords != nil && *page.TotalRecords >= 0 {
		total = *page.TotalRecords
	}
	return page.Results, total, nil
}

// pageSize checks a query's page size, 0 meaning the default.
func checkPageSize(op string, n, def int) (int, error) {
	switch {
	case n < 0:
		return 0, invalid(op, "PageSize", "%d is negative", n)
	case n == 0:
		return def, nil
	}
	return n, nil
}

// setDates checks and sets a date interval, as the YYYY-MM-DD the searches
// take (the date of each time in its own location); zero times are left out.
func setDates(op string, q url.Values, start, end time.Time, required bool) error {
	switch {
	case required && (start.IsZero() || end.IsZero()):
		return invalid(op, "StartDate/EndDate", "are required")
	case !start.IsZero() && !end.IsZero() && start.Format(time.DateOnly) > end.Format(time.DateOnly):
		return invalid(op, "StartDate", "%s is after EndDate %s", start.Format(time.DateOnly), end.Format(time.DateOnly))
	}
	if !start.IsZero() {
		q.Set("startDate", start.Format(time.DateOnly))
	}
	if !end.IsZero() {
		q.Set("endDate", end.Format(time.DateOnly))
	}
	return nil
}

// addEnums checks the values of a repeated enum parameter and adds them.
func addEnums[T ~string](op, field string, q url.Values, key string, values []T, valid []T) error {
	for i, v := range values {
		if v == "" || !slices.Contains(valid, v) {
			return invalid(op, field+"["+strconv.Itoa(i)+"]", "%q is not one of %v", v, valid)
		}
		q.Add(key, string(v))
	}
	return nil
}
