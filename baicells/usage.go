package baicells

import (
	"context"
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/ispkit/ispkit/internal/transport"
)

// UsageService covers data usage (2.3; local OMC+BOSS only).
type UsageService struct{ c *Client }

// Window limits of the manual: hourly usage 31 days (4704), CDR detail 7 days (4705).
const (
	HourlyWindow = 31 * 24 * time.Hour
	CDRWindow    = 7 * 24 * time.Hour
)

// UsageRequest selects usage records between From and To (both included, to the
// second). IMSI "" means every IMSI of the cloud key.
type UsageRequest struct {
	IMSI     string
	From, To time.Time
}

// HourlyUsage is one hour of one IMSI's traffic, in KB. Time is the end of the
// hour: 10:00:00 covers 09:00–10:00.
type HourlyUsage struct {
	IMSI                  string
	Time                  time.Time
	TotalKB, UpKB, DownKB int64
	RawTime               string // usage_time as sent
}

// CDR is one charging record, in bytes.
type CDR struct {
	IMSI                           string
	Time                           time.Time // cdrdate
	TotalBytes, UpBytes, DownBytes int64
	Duration                       time.Duration
	RawTime                        string // cdrdate as sent
}

// Hourly walks hourly usage over any range, one query per window of at most 31
// days (manual 2.3.1, POST usage/querybyhour), yielding records as they come.
// An invalid query yields one error before anything is sent; a failed window
// yields its error and ends the walk. Stop early by breaking out of the loop.
func (s *UsageService) Hourly(ctx context.Context, q UsageRequest) iter.Seq2[HourlyUsage, error] {
	return func(yield func(HourlyUsage, error) bool) {
		rt := routeUsageHourly
		for w, err := range s.windows(ctx, rt, q, HourlyWindow) {
			if err != nil {
				yield(HourlyUsage{}, err)
				return
			}
			w.SessionID = s.c.nextSessionID(ctx)
			var out wireHourlyResp
			resp, err := s.c.callResp(ctx, rt, w.SessionID, &w, &out)
			if err != nil {
				yield(HourlyUsage{}, err)
				return
			}
			for _, u := range out.UsageInfos {
				rec := HourlyUsage{IMSI: string(u.IMSI), TotalKB: int64(u.TotalUsage), UpKB: int64(u.UpUsage), DownKB: int64(u.DownUsage), RawTime: string(u.UsageTime)}
				rec.Time, err = s.parseTime(rt, w.SessionID, resp, "usage_time", rec.RawTime)
				if !yield(rec, err) {
					return
				}
			}
		}
	}
}

// CDRs walks CDR detail over any range, one query per window of at most 7 days
// (manual 2.3.2, POST usage/querycdr), like Hourly.
func (s *UsageService) CDRs(ctx context.Context, q UsageRequest) iter.Seq2[CDR, error] {
	return func(yield func(CDR, error) bool) {
		rt := routeUsageCDR
		for w, err := range s.windows(ctx, rt, q, CDRWindow) {
			if err != nil {
				yield(CDR{}, err)
				return
			}
			w.SessionID = s.c.nextSessionID(ctx)
			var out wireCDRResp
			resp, err := s.c.callResp(ctx, rt, w.SessionID, &w, &out)
			if err != nil {
				yield(CDR{}, err)
				return
			}
			for _, u := range out.CDRInfos {
				rec := CDR{
					IMSI: string(u.IMSI), TotalBytes: int64(u.TotalUsage), UpBytes: int64(u.UpUsage),
					DownBytes: int64(u.DownUsage), Duration: time.Duration(u.Duration) * time.Second, RawTime: string(u.CDRDate),
				}
				rec.Time, err = s.parseTime(rt, w.SessionID, resp, "cdrdate", rec.RawTime)
				if !yield(rec, err) {
					return
				}
			}
		}
	}
}

// windows validates q and yields the request bodies of consecutive windows
// [b, b+size-1s] covering [From, To], each second exactly once.
func (s *UsageService) windows(ctx context.Context, rt route, q UsageRequest, size time.Duration) iter.Seq2[wireUsageQuery, error] {
	return func(yield func(wireUsageQuery, error) bool) {
		switch {
		case ctx == nil:
			yield(wireUsageQuery{}, checkCtx(ctx, rt.op))
			return
		case q.From.IsZero():
			yield(wireUsageQuery{}, invalid(rt.op, "From", "is zero"))
			return
		case q.To.IsZero():
			yield(wireUsageQuery{}, invalid(rt.op, "To", "is zero"))
			return
		case q.To.Before(q.From):
			yield(wireUsageQuery{}, invalid(rt.op, "To", "%s is before From %s", q.To.Format(time.RFC3339), q.From.Format(time.RFC3339)))
			return
		}
		if q.IMSI != "" {
			// Digits only; the length is not checked because the manual's own
			// usage example carries a 16-digit IMSI.
			if strings.Trim(q.IMSI, "0123456789") != "" {
				yield(wireUsageQuery{}, invalid(rt.op, "IMSI", "%q: an IMSI has digits only", q.IMSI))
				return
			}
		}
		from, to := q.From.Truncate(time.Second), q.To.Truncate(time.Second)
		for b := from; !b.After(to); b = b.Add(size) {
			e := b.Add(size - time.Second)
			if e.After(to) {
				e = to
			}
			w := wireUsageQuery{IMSI: q.IMSI, BeginTime: s.formatTime(b), EndTime: s.formatTime(e)}
			if !yield(w, nil) {
				return
			}
		}
	}
}

func (s *UsageService) formatTime(t time.Time) string {
	return t.In(s.c.loc).Format(usageTimeLayout)
}

// parseTime reads a record's time. A record whose time does not parse is
// still yielded, with its raw time, alongside the error.
func (s *UsageService) parseTime(rt route, sessionID string, resp *transport.Response, field, raw string) (time.Time, error) {
	t, err := time.ParseInLocation(usageTimeLayout, strings.TrimSpace(raw), s.c.loc)
	if err != nil {
		e := answerError(rt, sessionID, resp)
		e.Err = fmt.Errorf("%w: %s %s is not yyyy-MM-dd HH:mm:ss", ErrBadResponse, field, quoted(resp, raw))
		return time.Time{}, e
	}
	return t, nil
}
