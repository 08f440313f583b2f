package baicellstest

import (
	"hash/fnv"
	"slices"
	"strconv"
	"time"
)

// timeLayout is the manual's yyyy-MM-dd HH:mm:ss.
const timeLayout = "2006-01-02 15:04:05"

// Query windows from the manual.
const (
	maxHourWindow = 31 * 24 * time.Hour // 4704
	maxCDRWindow  = 7 * 24 * time.Hour  // 4705
	cdrOffset     = 14*time.Minute + 32*time.Second
)

// usageQuery reads imsi, begin_time and end_time, checks the window against
// limit (tooLong is its code) and returns the IMSIs to report, sorted.
func (s *Server) usageQuery(c *call, limit time.Duration, tooLong int) (imsis []string, begin, end time.Time, code int) {
	b, e := c.body.get("begin_time"), c.body.get("end_time")
	if b.empty() {
		return nil, begin, end, 4701
	}
	if e.empty() {
		return nil, begin, end, 4702
	}
	begin, err1 := time.ParseInLocation(timeLayout, b.str(), s.loc)
	end, err2 := time.ParseInLocation(timeLayout, e.str(), s.loc)
	if err1 != nil || err2 != nil || end.Before(begin) {
		return nil, begin, end, 4703
	}
	if end.Sub(begin) > limit {
		return nil, begin, end, tooLong
	}
	if imsi := c.body.get("imsi"); !imsi.empty() {
		return []string{imsi.str()}, begin, end, 0
	}
	for _, sub := range s.subs {
		if sub.owner == c.tenant && sub.IMSI != "" {
			imsis = append(imsis, sub.IMSI)
		}
	}
	slices.Sort(imsis)
	return imsis, begin, end, 0
}

// hourOf is the whole hour, in t's zone, at or before t.
func hourOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), 0, 0, 0, t.Location())
}

// hash derives the deterministic usage figures of one record.
func hash(parts ...string) uint64 {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// split divides total into up and down (up is 5–30% of total).
func split(h, total uint64) (up, down uint64) {
	up = total * (5 + (h>>32)%26) / 100
	return up, total - up
}

func u64(n uint64) string { return strconv.FormatUint(n, 10) }

// POST /usage/querybyhour: one record per IMSI and whole hour H with
// begin <= H <= end (the interval includes both ends, to the second, as for
// CDRs); the record at H covers the hour before it. KB.
func (s *Server) usageByHour(c *call) (any, int) {
	imsis, begin, end, code := s.usageQuery(c, maxHourWindow, 4704)
	if code != 0 {
		return nil, code
	}
	first := hourOf(begin)
	if first.Before(begin) {
		first = first.Add(time.Hour)
	}
	infos := []object{}
	for _, imsi := range imsis {
		for h := first; !h.After(end); h = h.Add(time.Hour) {
			at := h.In(s.loc).Format(timeLayout)
			sum := hash("hour", imsi, at)
			total := sum % (1 << 20)
			up, down := split(sum, total)
			infos = append(infos, object{
				{"imsi", imsi},
				{"total_usage", u64(total)},
				{"up_usage", u64(up)},
				{"down_usage", u64(down)},
				{"usage_time", at},
			})
		}
	}
	return object{{"usage_infos", infos}}, 0
}

// POST /usage/querycdr: one CDR per IMSI and whole hour H with
// begin <= H+14m32s <= end, dated H:14:32. Bytes and seconds.
func (s *Server) usageCDR(c *call) (any, int) {
	imsis, begin, end, code := s.usageQuery(c, maxCDRWindow, 4705)
	if code != 0 {
		return nil, code
	}
	first := hourOf(begin).Add(cdrOffset)
	if first.Before(begin) {
		first = first.Add(time.Hour)
	}
	infos := []object{}
	for _, imsi := range imsis {
		for t := first; !t.After(end); t = t.Add(time.Hour) {
			at := t.In(s.loc).Format(timeLayout)
			sum := hash("cdr", imsi, at)
			total := sum % (1 << 30)
			up, down := split(sum, total)
			infos = append(infos, object{
				{"imsi", imsi},
				{"total_usage", u64(total)},
				{"up_usage", u64(up)},
				{"down_usage", u64(down)},
				{"duration", u64(1 + (sum>>40)%3600)},
				{"cdrdate", at},
			})
		}
	}
	return object{{"cdr_infos", infos}}, 0
}
