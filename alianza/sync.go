package alianza

// This file holds the CRM integration's SIP line synchronisation (rule c of
// the Azotel SIMPLer "Alianza API integration" document, alianza-simpler-
// integration.txt, "Synchronizing SIP Lines"): a pure planner that compares
// the CRM's SIP lines with Alianza's device lines, and a helper that applies
// the plan to the CRM through a store the caller provides.

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/ispkit/ispkit/internal/transport"
)

// Secret holds a credential such as a SIP password. It prints as REDACTED in
// every fmt verb, in slog and in JSON, so a SIPLine, a SyncPlan or a
// SyncResult can be logged without leaking one; Reveal returns the value for
// the one place that must send or store it.
type Secret = transport.Secret

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

	var errs []error
	for _, r := range remote {
		if sipKey(r) == "" {
			errs = append(errs, &ValidationError{Op: op, Field: "remote SIPUsername",
				Reason: "the line " + describeLine(r) + " has no SIP username and cannot be synced"})
		}
	}
	errs = append(errs, duplicates(op, "remote", remote)...)
	errs = append(errs, duplicates(op, "local", local)...)
	if len(errs) > 0 {
		return SyncPlan{}, joinErrors(errs)
	}

	byKey := make(map[string]SIPLine, len(local))
	for _, l := range local {
		if k := sipKey(l); k != "" {
			byKey[k] = l
		}
	}
	plan := SyncPlan{Mode: mode}
	matched := make(map[string]bool, len(remote))
	for _, r := range sortedLines(remote) {
		k := sipKey(r)
		l, ok := byKey[k]
		if !ok {
			plan.Add = append(plan.Add, r)
			continue
		}
		matched[k] = true
		if fields := changedFields(l, r); len(fields) > 0 {
			plan.Update = append(plan.Update, LineUpdate{Local: l, Remote: r, Fields: fields})
		} else {
			plan.Unchanged++
		}
	}
	var only []SIPLine
	for _, l := range sortedLines(local) {
		if k := sipKey(l); k == "" || !matched[k] {
			only = append(only, l)
		}
	}
	if mode == SyncFull {
		plan.Delete = only
	} else {
		plan.Keep = only
	}
	return plan, nil
}

// sipKey is the matching key of a line: its SIP username trimmed and in
// lower case.
func sipKey(l SIPLine) string { return strings.ToLower(strings.TrimSpace(l.SIPUsername)) }

// normMAC is a MAC address for comparison: trimmed, lower case, without the
// ':', '-' and '.' separators.
func normMAC(mac string) string {
	return strings.Map(func(r rune) rune {
		if r == ':' || r == '-' || r == '.' {
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(mac)))
}

// changedFields lists the synced fields that differ, in sorted order.
func changedFields(local, remote SIPLine) []string {
	var f []string
	add := func(name string, differ bool) {
		if differ {
			f = append(f, name)
		}
	}
	add("DeviceID", local.DeviceID != remote.DeviceID)
	add("DisplayName", local.DisplayName != remote.DisplayName)
	add("EmergencyNumber", local.EmergencyNumber != remote.EmergencyNumber)
	add("LineNumber", local.LineNumber != remote.LineNumber)
	add("MACAddress", normMAC(local.MACAddress) != normMAC(remote.MACAddress))
	add("SIPPassword", local.SIPPassword.Reveal() != remote.SIPPassword.Reveal())
	add("SIPUsername", local.SIPUsername != remote.SIPUsername)
	return f
}

// duplicates reports every SIP username that more than one line of a side
// uses. Lines without a username are not duplicates of each other.
func duplicates(op, side string, lines []SIPLine) []error {
	groups := make(map[string][]SIPLine)
	for _, l := range lines {
		if k := sipKey(l); k != "" {
			groups[k] = append(groups[k], l)
		}
	}
	var errs []error
	for _, l := range sortedLines(lines) {
		g := groups[sipKey(l)]
		if len(g) < 2 {
			continue
		}
		delete(groups, sipKey(l)) // report each username once
		described := make([]string, len(g))
		for i, d := range sortedLines(g) {
			described[i] = fmt.Sprintf("%q (line %d, device %q)", d.SIPUsername, d.LineNumber, d.DeviceID)
		}
		errs = append(errs, &ValidationError{Op: op, Field: side + " SIPUsername",
			Reason: fmt.Sprintf("%d lines share the SIP username %q: %s", len(g), strings.TrimSpace(l.SIPUsername), strings.Join(described, ", "))})
	}
	return errs
}

// sortedLines returns a sorted copy of lines (see compareLines).
func sortedLines(lines []SIPLine) []SIPLine {
	s := slices.Clone(lines)
	slices.SortFunc(s, compareLines)
	return s
}

// compareLines orders lines by matching key, then by every other field, so
// that the order does not depend on the input's.
func compareLines(a, b SIPLine) int {
	return cmp.Or(
		cmp.Compare(sipKey(a), sipKey(b)),
		cmp.Compare(a.SIPUsername, b.SIPUsername),
		cmp.Compare(a.DeviceID, b.DeviceID),
		cmp.Compare(a.LineNumber, b.LineNumber),
		cmp.Compare(a.DisplayName, b.DisplayName),
		cmp.Compare(a.EmergencyNumber, b.EmergencyNumber),
		cmp.Compare(a.MACAddress, b.MACAddress),
		cmp.Compare(a.SIPPassword.Reveal(), b.SIPPassword.Reveal()),
	)
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
// gives the store's error for errors.Is and errors.As.
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
			f := SyncFailure{Action: s.action, Line: s.line, Err: err}
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
