package telecloud

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
)

// parseSlotStrconv is parseSlot as it was, through strconv: the reference
// for the one that makes no error value.
func parseSlotStrconv(name string) (int, bool) {
	if len(name) < 4 || !strings.EqualFold(name[:3], "VAR") {
		return 0, false
	}
	n, err := strconv.Atoi(name[3:])
	if err != nil || n < 1 || n > MaxVariables || name[3] == '0' || name[3] == '+' {
		return 0, false
	}
	return n, true
}

// parseTimeEveryLayout is ParseTime trying every layout, as it did: the
// reference for the one that skips the layouts that cannot match.
func parseTimeEveryLayout(s string) (Time, error) {
	raw := s
	s = strings.TrimSpace(s)
	if s == "" || strings.HasPrefix(s, "0000-00-00") {
		return Time{Raw: raw}, nil
	}
	norm := stripOrdinal(s)
	for _, l := range timeLayouts {
		if t, err := time.ParseInLocation(l, norm, time.UTC); err == nil {
			return Time{Time: t, Raw: raw}, nil
		}
	}
	return Time{}, fmt.Errorf("telecloud: %q is not a date", raw)
}

var slotNames = []string{"VAR1", "var20", "VAR21", "VAR0", "VAR01", "VAR+1", "VAR-1", "VARID", "VARProduct", "VAR", "VAR1x",
	"VAR100", "VAR2_0", "Var9", "VAR19", "VAR20 ", "XAR1", "VAR٣", "VAR 1", "VAR00000000000000000001", "VAR99999999999999999999"}

var timeTexts = []string{"2019-06-01 13:10:01", "2018-05-15", "8/15/2019", "October 18th, 2019 12:21pm", "October 18, 2019 12:21 pm",
	"October 18, 2019", "2019-06-01T13:10:01Z", "2019-06-01T13:10:01+02:00", "8/15/2019 13:10:01", "8/15/2019 1:10pm",
	"2019-06-01 3:10:01", "2019-06-01 13:10:01.25", "2019-6-1", "12/31/2019", "1/2/2006 3:04pm", "october 1, 2019", "0000-00-00 00:00:00",
	"", " ", "2019-13-01", "2019-06-01 13:10", "2019-06-0113:10:01", "Oct 18, 2019", "x", "1/", "2019/06/01", " 2018-05-15 "}

func TestParseSlotMatchesStrconv(t *testing.T) {
	for _, s := range slotNames {
		n, ok := parseSlot(s)
		wn, wok := parseSlotStrconv(s)
		if n != wn || ok != wok {
			t.Errorf("parseSlot(%q) = %d, %v; want %d, %v", s, n, ok, wn, wok)
		}
	}
	if n := testing.AllocsPerRun(100, func() { parseSlot("VARProduct"); parseSlot("VARID") }); n != 0 {
		t.Errorf("parseSlot allocates %v times for names that are not slots", n)
	}
}

func TestParseTimeSkipsOnlyFailingLayouts(t *testing.T) {
	for _, s := range timeTexts {
		checkParseTime(t, s)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = ParseTime("2018-05-15") }); n != 0 {
		t.Errorf("ParseTime of a date allocates %v times", n)
	}
}

func checkParseTime(t *testing.T, s string) {
	t.Helper()
	got, err := ParseTime(s)
	want, werr := parseTimeEveryLayout(s)
	// Zones compare by name and offset: time.Parse builds a new fixed zone
	// for each numeric offset, so two equal zones are different pointers.
	gotZone, gotOff := got.Zone()
	wantZone, wantOff := want.Zone()
	if (err == nil) != (werr == nil) || !got.Time.Equal(want.Time) || got.Raw != want.Raw || gotZone != wantZone || gotOff != wantOff {
		t.Errorf("ParseTime(%q) = %v, %v; every layout gives %v, %v", s, got, err, want, werr)
	}
}

func FuzzParseTime(f *testing.F) {
	for _, s := range timeTexts {
		f.Add(s)
	}
	f.Fuzz(checkParseTime)
}

func FuzzParseSlot(f *testing.F) {
	for _, s := range slotNames {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := parseSlot(s)
		wn, wok := parseSlotStrconv(s)
		if n != wn || ok != wok {
			t.Errorf("parseSlot(%q) = %d, %v; want %d, %v", s, n, ok, wn, wok)
		}
	})
}
