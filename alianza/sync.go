package alianza

// This file holds the CRM integration's SIP line synchronisation (rule c of
// the Azotel SIMPLer "Alianza API integration" document, "Synchronizing SIP
// Lines"): a pure planner that compares
// the CRM's SIP lines with Alianza's device lines, and a helper that applies
// the plan to the CRM through a store the caller provides.

import (
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ispkit/ispkit"
	"github.com/ispkit/ispkit/internal/transport"
)

// Secret holds a credential such as a SIP password. It prints as REDACTED in
// every fmt verb, in slog and in JSON, so a SIPLine, a SyncPlan or a
// SyncResult can be logged without leaking one; Reveal returns the value for
// the one place that must send or store it.
type Secret = ispkit.Secret

// NewSecret returns a Secret holding s.
func NewSecret(s string) Secret { return ispkit.NewSecret(s) }

// SIPLine is a SIP line (an Alianza device line, DeviceX) as the CRM keeps
// it: the fields the CRM document lists for each line (lineNumber,
// sipUsername, sipPassword, displayName, emergencyNumber, macAddress) and
// the device line id.
type SIPLine struct {
	DeviceID        string // Alianza's device line id (DeviceX.id); "" for a line only known locally
	LineNumber      int    // DeviceX.lineNumber
	SIPUsername     string // DeviceX.sipUsername, globally unique in Alianza: the key the planner matches on
	SIPPassword     Secret // DeviceX.sipPassword; prints REDACTED
	DisplayName     string // DeviceX.deviceName
	EmergencyNumber string // DeviceX.emergencyNumber
	MACAddress      string // DeviceX.macAddress
}

// SyncMode is how PlanSIPLineSync treats the CRM's lines that Alianza does
// not have. The zero SyncMode is not a mode (PlanSIPLineSync refuses it), so
// a caller that forgets to choose cannot delete anything.
type SyncMode int

// The two synchronisation modes of the CRM document.
const (
	// SyncFull: "Alianza SIP accounts in SIMPLer will match exactly what is
	// in Alianza": lines are added, updated, and the local lines Alianza does
	// not have are deleted.
	SyncFull SyncMode = iota + 1
	// SyncAddOnly: "new accounts and modifications to existing ones will be
	// synchronized": lines are added and updated, never deleted.
	SyncAddOnly
)

// String returns "full", "add-only", or SyncMode(n) for any other value.
func (m SyncMode) String() string {
	switch m {
	case SyncFull:
		return "full"
	case SyncAddOnly:
		return "add-only"
	}
	return "SyncMode(" + strconv.Itoa(int(m)) + ")"
}

func (m SyncMode) valid() bool { return m == SyncFull || m == SyncAddOnly }

// LineUpdate is a line both sides have that differs in a synced field.
type LineUpdate struct {
	Local  SIPLine // the CRM's version
	Remote SIPLine // Alianza's version: what the CRM line becomes
	// Fields are the SIPLine fields that differ, by Go field name, sorted:
	// any of DeviceID, DisplayName, EmergencyNumber, LineNumber, MACAddress,
	// SIPPassword, SIPUsername.
	Fields []string
}

// SyncPlan is what PlanSIPLineSync decided. Every list is sorted by SIP
// username (see PlanSIPLineSync) and nil when empty, so the same inputs in
// any order give an equal plan.
type SyncPlan struct {
	Mode   SyncMode
	Add    []SIPLine    // Alianza lines the CRM does not have
	Update []LineUpdate // lines both have that differ
	Delete []SIPLine    // SyncFull: CRM lines Alianza does not have
	Keep   []SIPLine    // SyncAddOnly: CRM lines Alianza does not have, left alone
	// Unchanged counts the lines both sides have with no difference.
	Unchanged int
}

// Empty reports whether the plan makes no change (Keep is not a change).
func (p SyncPlan) Empty() bool {
	return len(p.Add) == 0 && len(p.Update) == 0 && len(p.Delete) == 0
}

// PlanSIPLineSync compares the CRM's SIP lines (local) with Alianza's
// device lines of the same account (remote) and plans how to make the CRM
// follow Alianza in the given mode. It is pure: it neither reads nor writes
// anything.
//
// Lines are matched on SIPUsername (Alianza keeps it globally unique),
// compared after trimming surrounding white space and case-insensitively
// (Unicode lower case). A matched pair is an update when any field differs:
// LineNumber, SIPPassword, DisplayName and EmergencyNumber compared exactly;
// MACAddress compared normalised (case, surrounding white space and the
// separators ':', '-' and '.' are ignored, so an equivalent spelling is left
// as the CRM has it); DeviceID compared exactly (a local line without a
// DeviceID getting Alianza's is an update); and SIPUsername spelled
// differently (in case or surrounding space: the CRM takes Alianza's
// spelling).
//
// The planner refuses (an error matching ErrInvalidInput, naming every
// problem, and an empty plan) rather than guess when:
//   - mode is neither SyncFull nor SyncAddOnly;
//   - a remote line has no SIP username: it cannot be matched or kept in
//     step. Leave out the device lines that are not SIP registrations
//     before planning;
//   - two lines of the same side have the same SIP username.
//
// A local line without a SIP username is never matched (several of them are
// not duplicates): it is a line Alianza does not have, deleted by SyncFull
// and kept by SyncAddOnly.
//
// The plan is deterministic: Add and Update are sorted by SIP username
// (trimmed, lower case), Delete and Keep too, with lines without a username
// first and ties broken by the other fields. Note that SyncFull with an
// empty remote deletes every local line: pass remote only after a
// successful read of the account's device lines.
func PlanSIPLineSync(local, remote []SIPLine, mode SyncMode) (SyncPlan, error) {
	const op = "PlanSIPLineSync"
	if !mode.valid() {
		return SyncPlan{}, &ValidationError{Op: op, Field: "mode", Reason: mode.String() + " is not SyncFull or SyncAddOnly"}
	}

	// Every line's key is computed once, and each side sorted once by it
	// (the plan's order); lines are then matched by walking both sorted
	// sides together, and duplicates are neighbours. Lines are moved by
	// index until the plan is built.
	rs, ls := lineKeys(remote), lineKeys(local)
	var errs []error
	for _, r := range rs { // in input order
		if r.key == "" {
			errs = append(errs, &ValidationError{Op: op, Field: "remote SIPUsername",
				Reason: "the line " + describeLine(remote[r.i]) + " has no SIP username and cannot be synced"})
		}
	}
	sortBoth(remote, rs, local, ls)
	errs = append(errs, duplicates(op, "remote", remote, rs)...)
	errs = append(errs, duplicates(op, "local", local, ls)...)
	if len(errs) > 0 {
		return SyncPlan{}, joinErrors(errs)
	}

	plan := SyncPlan{Mode: mode}
	type update struct {
		local, remote int32
		differ        uint8 // bit i: syncedFields[i] differs
	}
	adds := make([]int32, 0, len(remote))
	updates := make([]update, 0, min(len(remote), len(local)))
	only := make([]int32, 0, len(local))
	nFields := 0
	j := 0
	for _, r := range rs {
		for j < len(ls) && ls[j].less(&r) {
			only = append(only, ls[j].i) // lines without a username come first
			j++
		}
		if j == len(ls) || ls[j].key != r.key {
			adds = append(adds, r.i)
			continue
		}
		d := lineDiffers(&local[ls[j].i], &remote[r.i])
		if d == 0 {
			plan.Unchanged++
		} else {
			updates = append(updates, update{ls[j].i, r.i, d})
			nFields += bits.OnesCount8(d)
		}
		j++
	}
	for ; j < len(ls); j++ {
		only = append(only, ls[j].i)
	}

	if len(adds) > 0 {
		plan.Add = make([]SIPLine, len(adds))
		for k, i := range adds {
			plan.Add[k] = remote[i]
		}
	}
	if len(updates) > 0 {
		plan.Update = make([]LineUpdate, len(updates))
		fields := make([]string, 0, nFields) // every update's Fields share one array
		for k, u := range updates {
			start := len(fields)
			for f, name := range syncedFields {
				if u.differ&(1<<f) != 0 {
					fields = append(fields, name)
				}
			}
			plan.Update[k] = LineUpdate{Local: local[u.local], Remote: remote[u.remote], Fields: fields[start:len(fields):len(fields)]}
		}
	}
	var onlyLines []SIPLine
	if len(only) > 0 {
		onlyLines = make([]SIPLine, len(only))
		for k, i := range only {
			onlyLines[k] = local[i]
		}
	}
	if mode == SyncFull {
		plan.Delete = onlyLines
	} else {
		plan.Keep = onlyLines
	}
	return plan, nil
}

// keyed is a line's index and matching key (see sipKey), with the key's
// first sixteen bytes in two integers, which decide most comparisons
// without reading the key.
type keyed struct {
	key    string
	p0, p1 uint64
	i      int32
}

// compare orders k's and o's keys as strings.Compare does.
func (k *keyed) compare(o *keyed) int {
	if k.p0 != o.p0 {
		return cmp.Compare(k.p0, o.p0)
	}
	if k.p1 != o.p1 {
		return cmp.Compare(k.p1, o.p1)
	}
	if len(k.key) == len(o.key) && len(k.key) <= 16 {
		return 0 // the same key
	}
	return strings.Compare(k.key, o.key)
}

// less reports whether k's key sorts before o's.
func (k *keyed) less(o *keyed) bool { return k.compare(o) < 0 }

// lineKeys returns the key of every line, in input order.
func lineKeys(lines []SIPLine) []keyed {
	s := make([]keyed, len(lines))
	for i := range lines {
		k := sipKey(lines[i])
		var p [16]byte
		copy(p[:], k)
		s[i] = keyed{k, binary.BigEndian.Uint64(p[:8]), binary.BigEndian.Uint64(p[8:]), int32(i)}
	}
	return s
}

// sortLines sorts the keys of lines as the plan orders lines: by key, then
// by every other field (see compareFields), so that the order does not
// depend on the input's.
func sortLines(lines []SIPLine, s []keyed) {
	slices.SortFunc(s, func(a, b keyed) int {
		if c := a.compare(&b); c != 0 {
			return c
		}
		return compareFields(&lines[a.i], &lines[b.i])
	})
}

// sortBoth sorts both sides, at the same time when they are large enough
// for a second goroutine to pay for itself (the plan is a pure function:
// the goroutine ends before sortBoth returns).
func sortBoth(remote []SIPLine, rs []keyed, local []SIPLine, ls []keyed) {
	if len(rs) < 4096 || len(ls) < 4096 {
		sortLines(remote, rs)
		sortLines(local, ls)
		return
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		sortLines(remote, rs)
	}()
	sortLines(local, ls)
	<-done
}

// duplicates reports every SIP username that more than one line of a side
// uses, in key order, naming the lines in the plan's order; sorted is the
// side as sortLines sorts it. Lines without a username are not
// duplicates of each other.
func duplicates(op, side string, lines []SIPLine, sorted []keyed) []error {
	var errs []error
	for i := 0; i < len(sorted); {
		j := i + 1
		for j < len(sorted) && sorted[j].key == sorted[i].key {
			j++
		}
		if g := sorted[i:j]; len(g) > 1 && g[0].key != "" {
			described := make([]string, len(g))
			for k, d := range g {
				l := &lines[d.i]
				described[k] = fmt.Sprintf("%q (line %d, device %q)", l.SIPUsername, l.LineNumber, l.DeviceID)
			}
			errs = append(errs, &ValidationError{Op: op, Field: side + " SIPUsername",
				Reason: fmt.Sprintf("%d lines share the SIP username %q: %s", len(g), strings.TrimSpace(lines[g[0].i].SIPUsername), strings.Join(described, ", "))})
		}
		i = j
	}
	return errs
}

// sipKey is the matching key of a line: its SIP username trimmed and in
// lower case.
func sipKey(l SIPLine) string { return strings.ToLower(strings.TrimSpace(l.SIPUsername)) }

// normMAC is a MAC address for comparison: trimmed, lower case, without the
// ':', '-' and '.' separators.
func normMAC(mac string) string {
	return strings.Map(func(r rune) rune {
		if isMACSeparator(r) {
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(mac)))
}

func isMACSeparator(r rune) bool { return r == ':' || r == '-' || r == '.' }

// sameMAC reports whether normMAC(a) == normMAC(b), without building either.
func sameMAC(a, b string) bool {
	if a == b {
		return true
	}
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	for {
		ra, na := nextMACRune(a)
		rb, nb := nextMACRune(b)
		if ra != rb {
			return false
		}
		if ra < 0 {
			return true
		}
		a, b = a[na:], b[nb:]
	}
}

// nextMACRune returns the next rune of s in lower case that is not a
// separator (-1 at the end), and the bytes it took.
func nextMACRune(s string) (rune, int) {
	n := 0
	for n < len(s) {
		r, w := utf8.DecodeRuneInString(s[n:])
		n += w
		if r = unicode.ToLower(r); !isMACSeparator(r) {
			return r, n
		}
	}
	return -1, n
}

// The synced fields, in the sorted order LineUpdate.Fields lists them.
var syncedFields = [...]string{"DeviceID", "DisplayName", "EmergencyNumber", "LineNumber", "MACAddress", "SIPPassword", "SIPUsername"}

// lineDiffers reports which of syncedFields differ between local and
// remote: bit i for syncedFields[i].
func lineDiffers(local, remote *SIPLine) uint8 {
	var d uint8
	for i, differ := range [len(syncedFields)]bool{
		local.DeviceID != remote.DeviceID,
		local.DisplayName != remote.DisplayName,
		local.EmergencyNumber != remote.EmergencyNumber,
		local.LineNumber != remote.LineNumber,
		!sameMAC(local.MACAddress, remote.MACAddress),
		local.SIPPassword.Reveal() != remote.SIPPassword.Reveal(),
		local.SIPUsername != remote.SIPUsername,
	} {
		if differ {
			d |= 1 << i
		}
	}
	return d
}

// compareFields orders two lines of the same key by every other field, so
// that the order does not depend on the input's.
func compareFields(a, b *SIPLine) int {
	if c := strings.Compare(a.SIPUsername, b.SIPUsername); c != 0 {
		return c
	}
	if c := strings.Compare(a.DeviceID, b.DeviceID); c != 0 {
		return c
	}
	if c := cmp.Compare(a.LineNumber, b.LineNumber); c != 0 {
		return c
	}
	if c := strings.Compare(a.DisplayName, b.DisplayName); c != 0 {
		return c
	}
	if c := strings.Compare(a.EmergencyNumber, b.EmergencyNumber); c != 0 {
		return c
	}
	if c := strings.Compare(a.MACAddress, b.MACAddress); c != 0 {
		return c
	}
	return strings.Compare(a.SIPPassword.Reveal(), b.SIPPassword.Reveal())
}

// describeLine names a line in a message: by SIP username when it has one,
// otherwise by line number and device id. Never by password.
func describeLine(l SIPLine) string {
	if u := strings.TrimSpace(l.SIPUsername); u != "" {
		return strconv.Quote(u)
	}
	return fmt.Sprintf("without SIP username (line %d, device %q)", l.LineNumber, l.DeviceID)
}

// SIPLineStore is where the CRM keeps an account's SIP lines; the caller
// implements it for ApplySIPLineSync. A store finds its row for
// UpdateSIPLine and DeleteSIPLine by SIP username matched as the planner
// does (trimmed, case-insensitive), or by DeviceID when the line has one.
type SIPLineStore interface {
	// AddSIPLine adds a line Alianza has and the CRM does not.
	AddSIPLine(ctx context.Context, line SIPLine) error
	// UpdateSIPLine receives the remote (Alianza) version of a line the CRM
	// has, and makes the CRM's line equal to it.
	UpdateSIPLine(ctx context.Context, line SIPLine) error
	// DeleteSIPLine removes a CRM line that Alianza does not have (SyncFull
	// plans only).
	DeleteSIPLine(ctx context.Context, line SIPLine) error
}

// SyncResult is what ApplySIPLineSync did: the number of successful calls of
// each kind and every failed one.
type SyncResult struct {
	Added, Updated, Deleted int
	Failed                  []SyncFailure
}

// SyncFailure is one store call that failed. It is an error whose text
// names the action and the line by SIP username, never the password (the
// line's password is also scrubbed from the store's error text); Unwrap
// gives the store's error for errors.Is and errors.As — unless the text of
// that error, or of one it wraps, holds the line's password: Err is then an
// error with the scrubbed text that matches what the store's error matched
// under errors.Is, and the original cannot be reached.
type SyncFailure struct {
	Action string  // "add", "update" or "delete"
	Line   SIPLine // the line passed to the store
	Err    error   // the store's error
}

func (f SyncFailure) Error() string {
	return "alianza: ApplySIPLineSync: " + f.Action + " SIP line " + describeLine(f.Line) + ": " + f.reason()
}

// Unwrap returns the store's error.
func (f SyncFailure) Unwrap() error { return f.Err }

// GoString implements fmt.GoStringer so that %#v shows the store's error
// as scrubbed text rather than its inner structure.
func (f SyncFailure) GoString() string {
	return fmt.Sprintf("alianza.SyncFailure{Action:%q, Line:%#v, Err:%q}", f.Action, f.Line, f.reason())
}

// reason is the store's error text without the line's SIP password.
func (f SyncFailure) reason() string {
	if f.Err == nil {
		return "failed"
	}
	return transport.NewScrubber(f.Line.SIPPassword.Reveal()).Scrub(f.Err.Error())
}

// ApplySIPLineSync carries out a plan from PlanSIPLineSync on the CRM's
// store: deletes first, then updates, then adds (so that a line number or
// MAC address freed by one is available to the next), each list in the
// plan's order. UpdateSIPLine receives the remote version of each line.
//
// A failed store call does not stop the others: it is recorded in
// SyncResult.Failed and the returned error joins every failure, each naming
// its line by SIP username. When ctx ends, no further call is made and the
// error (matching ctx's error) lists every change not made. The counts in
// SyncResult are the calls that succeeded.
//
// Keep is never acted on. A plan whose Mode is SyncAddOnly never causes a
// delete: one with lines in Delete is refused before any call, as is a plan
// with an unknown Mode or a nil store (errors matching ErrInvalidInput).
func ApplySIPLineSync(ctx context.Context, store SIPLineStore, plan SyncPlan) (SyncResult, error) {
	const op = "ApplySIPLineSync"
	var res SyncResult
	switch {
	case !plan.Mode.valid():
		return res, &ValidationError{Op: op, Field: "Mode", Reason: plan.Mode.String() + " is not SyncFull or SyncAddOnly"}
	case plan.Mode == SyncAddOnly && len(plan.Delete) > 0:
		return res, &ValidationError{Op: op, Field: "Delete", Reason: fmt.Sprintf("an add-only plan has %d lines to delete", len(plan.Delete))}
	case store == nil:
		return res, &ValidationError{Op: op, Field: "store", Reason: "is nil"}
	case ctx == nil:
		return res, &ValidationError{Op: op, Field: "ctx", Reason: "is nil"}
	}

	type step struct {
		action string
		line   SIPLine
		call   func(context.Context, SIPLine) error
		done   *int
	}
	steps := make([]step, 0, len(plan.Delete)+len(plan.Update)+len(plan.Add))
	for _, l := range plan.Delete {
		steps = append(steps, step{"delete", l, store.DeleteSIPLine, &res.Deleted})
	}
	for _, u := range plan.Update {
		steps = append(steps, step{"update", u.Remote, store.UpdateSIPLine, &res.Updated})
	}
	for _, l := range plan.Add {
		steps = append(steps, step{"add", l, store.AddSIPLine, &res.Added})
	}

	var errs []error
	for i, s := range steps {
		if ctx.Err() != nil {
			var notDone []string
			for _, n := range steps[i:] {
				notDone = append(notDone, n.action+" "+describeLine(n.line))
			}
			errs = append(errs, fmt.Errorf("alianza: %s: stopped with %d of %d changes not made (%s): %w",
				op, len(notDone), len(steps), strings.Join(notDone, ", "), ctxErr(ctx)))
			break
		}
		if err := s.call(ctx, s.line); err != nil {
			f := SyncFailure{Action: s.action, Line: s.line, Err: transport.NewScrubber(s.line.SIPPassword.Reveal()).Error(err)}
			res.Failed = append(res.Failed, f)
			errs = append(errs, f)
			continue
		}
		*s.done++
	}
	return res, joinErrors(errs)
}

// ctxErr is ctx's error, with its cause when one was given.
func ctxErr(ctx context.Context) error {
	err := ctx.Err()
	if cause := context.Cause(ctx); cause != nil && cause != err {
		return fmt.Errorf("%w: %w", err, cause)
	}
	return err
}

// joinedErrors is errors.Join's result with fmt methods of its own: fmt does
// not call the methods of values it reaches through unexported fields, so
// %#v of errors.Join's value would print each SyncFailure's line, SIP
// password included.
type joinedErrors []error

// joinErrors is errors.Join for this package: nil for no errors.
func joinErrors(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	return joinedErrors(errs)
}

func (e joinedErrors) Error() string {
	texts := make([]string, len(e))
	for i, err := range e {
		texts[i] = err.Error()
	}
	return strings.Join(texts, "\n")
}

// Unwrap returns the errors, for errors.Is and errors.As.
func (e joinedErrors) Unwrap() []error { return e }

// Format prints the error text for every verb (%#v included), never the
// values inside.
func (e joinedErrors) Format(f fmt.State, verb rune) {
	if verb == 'q' {
		fmt.Fprintf(f, "%q", e.Error())
		return
	}
	_, _ = io.WriteString(f, e.Error())
}
