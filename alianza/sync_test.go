package alianza

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// line is a fully populated SIP line for user u; the tests vary one field
// at a time from it.
func line(u string) SIPLine {
	return SIPLine{
		DeviceID:        "dev-" + u,
		LineNumber:      1,
		SIPUsername:     u,
		SIPPassword:     NewSecret("pw-" + u + "-s3cr3t"),
		DisplayName:     "Phone " + u,
		EmergencyNumber: "5551230000",
		MACAddress:      "00:11:22:aa:bb:cc",
	}
}

func with(l SIPLine, f func(*SIPLine)) SIPLine {
	f(&l)
	return l
}

func lines(ls ...SIPLine) []SIPLine { return ls }

// summary is a plan in a form easy to write in a table: usernames, updates
// as "username: Field,Field", and the local-only lines (Delete in SyncFull,
// Keep in SyncAddOnly).
type summary struct {
	Add       []string
	Update    []string
	Only      []string
	Unchanged int
}

func usernames(ls []SIPLine) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.SIPUsername)
	}
	return out
}

func summarize(t *testing.T, p SyncPlan) summary {
	t.Helper()
	s := summary{Add: usernames(p.Add), Unchanged: p.Unchanged}
	for _, u := range p.Update {
		s.Update = append(s.Update, u.Remote.SIPUsername+": "+strings.Join(u.Fields, ","))
	}
	switch p.Mode {
	case SyncFull:
		assert.Nil(t, p.Keep, "SyncFull keeps nothing")
		s.Only = usernames(p.Delete)
	case SyncAddOnly:
		assert.Nil(t, p.Delete, "SyncAddOnly deletes nothing")
		s.Only = usernames(p.Keep)
	}
	return s
}

func TestPlanSIPLineSync(t *testing.T) {
	a, b, c := line("alice"), line("bob"), line("carol")
	tests := []struct {
		name          string
		local, remote []SIPLine
		want          summary
	}{
		{name: "both empty"},
		{name: "nil and empty", local: []SIPLine{}, remote: nil},
		{name: "new account: everything is added", remote: lines(b, a), want: summary{Add: []string{"alice", "bob"}}},
		{name: "nothing in Alianza: everything is local only", local: lines(b, a), want: summary{Only: []string{"alice", "bob"}}},
		{name: "in step", local: lines(a, b), remote: lines(b, a), want: summary{Unchanged: 2}},
		{
			name:   "add, update, local only and unchanged at once",
			local:  lines(a, with(b, func(l *SIPLine) { l.DisplayName = "old" }), line("dave")),
			remote: lines(c, b, a),
			want:   summary{Add: []string{"carol"}, Update: []string{"bob: DisplayName"}, Only: []string{"dave"}, Unchanged: 1},
		},
		{
			name:   "DeviceID differs",
			local:  lines(with(a, func(l *SIPLine) { l.DeviceID = "dev-old" })),
			remote: lines(a),
			want:   summary{Update: []string{"alice: DeviceID"}},
		},
		{
			name:   "a local line without DeviceID gets Alianza's",
			local:  lines(with(a, func(l *SIPLine) { l.DeviceID = "" })),
			remote: lines(a),
			want:   summary{Update: []string{"alice: DeviceID"}},
		},
		{
			name:   "LineNumber differs",
			local:  lines(a),
			remote: lines(with(a, func(l *SIPLine) { l.LineNumber = 2 })),
			want:   summary{Update: []string{"alice: LineNumber"}},
		},
		{
			name:   "SIPPassword differs",
			local:  lines(a),
			remote: lines(with(a, func(l *SIPLine) { l.SIPPassword = NewSecret("rotated-pw") })),
			want:   summary{Update: []string{"alice: SIPPassword"}},
		},
		{
			name:   "DisplayName differs",
			local:  lines(a),
			remote: lines(with(a, func(l *SIPLine) { l.DisplayName = "Kitchen" })),
			want:   summary{Update: []string{"alice: DisplayName"}},
		},
		{
			name:   "DisplayName differs in case only",
			local:  lines(a),
			remote: lines(with(a, func(l *SIPLine) { l.DisplayName = strings.ToUpper(a.DisplayName) })),
			want:   summary{Update: []string{"alice: DisplayName"}},
		},
		{
			name:   "EmergencyNumber differs",
			local:  lines(a),
			remote: lines(with(a, func(l *SIPLine) { l.EmergencyNumber = "5559990000" })),
			want:   summary{Update: []string{"alice: EmergencyNumber"}},
		},
		{
			name:   "MACAddress differs",
			local:  lines(a),
			remote: lines(with(a, func(l *SIPLine) { l.MACAddress = "00:11:22:aa:bb:cd" })),
			want:   summary{Update: []string{"alice: MACAddress"}},
		},
		{
			name:   "MACAddress set in Alianza",
			local:  lines(with(a, func(l *SIPLine) { l.MACAddress = "" })),
			remote: lines(a),
			want:   summary{Update: []string{"alice: MACAddress"}},
		},
		{
			name:   "every field differs: fields sorted",
			local:  lines(a),
			remote: lines(SIPLine{DeviceID: "x", LineNumber: 9, SIPUsername: "ALICE", SIPPassword: NewSecret("y"), DisplayName: "z", EmergencyNumber: "1", MACAddress: "ff"}),
			want:   summary{Update: []string{"ALICE: DeviceID,DisplayName,EmergencyNumber,LineNumber,MACAddress,SIPPassword,SIPUsername"}},
		},
		{
			name:   "usernames match case-insensitively; Alianza's spelling is taken",
			local:  lines(with(a, func(l *SIPLine) { l.SIPUsername = "Alice" }), with(b, func(l *SIPLine) { l.SIPUsername = "BOB" })),
			remote: lines(a, b),
			want:   summary{Update: []string{"alice: SIPUsername", "bob: SIPUsername"}},
		},
		{
			name:   "usernames match after trimming",
			local:  lines(with(a, func(l *SIPLine) { l.SIPUsername = " alice\t" })),
			remote: lines(a),
			want:   summary{Update: []string{"alice: SIPUsername"}},
		},
		{
			name:   "local lines without a SIP username are local only, never duplicates",
			local:  lines(with(a, func(l *SIPLine) { l.SIPUsername = "" }), with(b, func(l *SIPLine) { l.SIPUsername = "  " }), c),
			remote: lines(a, c),
			want:   summary{Add: []string{"alice"}, Only: []string{"", "  "}, Unchanged: 1},
		},
	}
	for _, tt := range tests {
		for _, mode := range []SyncMode{SyncFull, SyncAddOnly} {
			t.Run(tt.name+"/"+mode.String(), func(t *testing.T) {
				plan, err := PlanSIPLineSync(tt.local, tt.remote, mode)
				require.NoError(t, err)
				assert.Equal(t, mode, plan.Mode)
				assert.Equal(t, tt.want, summarize(t, plan))
				assert.Equal(t, len(tt.want.Add)+len(tt.want.Update)+len(tt.want.Only) == 0 ||
					(mode == SyncAddOnly && len(tt.want.Add)+len(tt.want.Update) == 0), plan.Empty())
			})
		}
	}
}

func TestPlanSIPLineSyncMACNormalised(t *testing.T) {
	for _, mac := range []string{
		"00:11:22:aa:bb:cc", "00:11:22:AA:BB:CC", "001122AABBCC", "001122aabbcc",
		"00-11-22-AA-BB-CC", "0011.22aa.bbcc", " 00:11:22:aa:bb:cc ", "00:11-22.aa:BB:cc",
	} {
		local := with(line("alice"), func(l *SIPLine) { l.MACAddress = mac })
		plan, err := PlanSIPLineSync(lines(local), lines(line("alice")), SyncFull)
		require.NoError(t, err)
		assert.Equal(t, 1, plan.Unchanged, mac)
		assert.Empty(t, plan.Update, mac)
	}
}

// TestPlanSIPLineSyncUpdateCarriesBoth: an update has the CRM's line as
// Local and Alianza's as Remote; Add has Alianza's lines as they are.
func TestPlanSIPLineSyncUpdateCarriesBoth(t *testing.T) {
	local := with(line("alice"), func(l *SIPLine) { l.SIPUsername, l.DeviceID = "ALICE", "" })
	remote := with(line("alice"), func(l *SIPLine) { l.LineNumber = 3 })
	added := line("bob")
	plan, err := PlanSIPLineSync(lines(local), lines(remote, added), SyncAddOnly)
	require.NoError(t, err)
	assert.Equal(t, SyncPlan{
		Mode:   SyncAddOnly,
		Add:    []SIPLine{added},
		Update: []LineUpdate{{Local: local, Remote: remote, Fields: []string{"DeviceID", "LineNumber", "SIPUsername"}}},
	}, plan)
}

func TestPlanSIPLineSyncRefuses(t *testing.T) {
	a := line("alice")
	tests := []struct {
		name          string
		local, remote []SIPLine
		mode          SyncMode
		want          []string // substrings of the error
	}{
		{name: "zero mode", mode: 0, want: []string{"SyncMode(0) is not SyncFull or SyncAddOnly"}},
		{name: "unknown mode", mode: 3, want: []string{"SyncMode(3)"}},
		{
			name:   "remote line without SIP username",
			remote: lines(a, with(line("x"), func(l *SIPLine) { l.SIPUsername, l.DeviceID, l.LineNumber = "", "dev-77", 2 })),
			mode:   SyncAddOnly,
			want:   []string{`remote SIPUsername`, `without SIP username (line 2, device "dev-77") has no SIP username`},
		},
		{
			name:   "remote line with a blank SIP username",
			remote: lines(with(a, func(l *SIPLine) { l.SIPUsername = " " })),
			mode:   SyncFull,
			want:   []string{`device "dev-alice"`},
		},
		{
			name:   "duplicate remote usernames, case-insensitively",
			remote: lines(a, with(a, func(l *SIPLine) { l.SIPUsername, l.DeviceID = "Alice ", "dev-2" })),
			mode:   SyncFull,
			want:   []string{`remote SIPUsername`, `2 lines share the SIP username "Alice"`, `"Alice " (line 1, device "dev-2")`, `"alice" (line 1, device "dev-alice")`},
		},
		{
			name:  "duplicate local usernames",
			local: lines(a, with(a, func(l *SIPLine) { l.LineNumber = 2 }), a, line("bob"), line("bob")),
			mode:  SyncAddOnly,
			want:  []string{`local SIPUsername`, `3 lines share the SIP username "alice"`, `2 lines share the SIP username "bob"`},
		},
		{
			name:   "every problem is named",
			local:  lines(a, a),
			remote: lines(line("bob"), line("bob"), with(a, func(l *SIPLine) { l.SIPUsername = "" })),
			mode:   SyncFull,
			want:   []string{`local SIPUsername: 2 lines share the SIP username "alice"`, `remote SIPUsername: 2 lines share the SIP username "bob"`, `has no SIP username`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, err := PlanSIPLineSync(tt.local, tt.remote, tt.mode)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidInput)
			var ve *ValidationError
			assert.ErrorAs(t, err, &ve)
			assert.Equal(t, "PlanSIPLineSync", ve.Op)
			assert.Equal(t, SyncPlan{}, plan, "no partial plan")
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
			assert.NotContains(t, err.Error(), "s3cr3t", "no password in the error")
		})
	}
}

// TestPlanSIPLineSyncDeterministic: the same lines in any order give an
// equal plan, including local lines without a SIP username.
func TestPlanSIPLineSyncDeterministic(t *testing.T) {
	var local, remote []SIPLine
	for i := range 40 {
		u := fmt.Sprintf("user%02d", i)
		switch i % 4 {
		case 0: // Alianza only
			remote = append(remote, line(u))
		case 1: // CRM only
			local = append(local, line(u))
		case 2: // differs
			local = append(local, with(line(u), func(l *SIPLine) { l.LineNumber = i }))
			remote = append(remote, with(line(u), func(l *SIPLine) { l.SIPUsername = strings.ToUpper(u) }))
		default: // same
			local = append(local, line(u))
			remote = append(remote, line(u))
		}
	}
	for i := range 5 {
		local = append(local, with(line("x"), func(l *SIPLine) { l.SIPUsername, l.LineNumber = "", i%3 }))
	}
	rng := rand.New(rand.NewSource(1))
	for _, mode := range []SyncMode{SyncFull, SyncAddOnly} {
		first, err := PlanSIPLineSync(local, remote, mode)
		require.NoError(t, err)
		assert.Len(t, first.Add, 10)
		assert.Len(t, first.Update, 10)
		assert.Equal(t, 10, first.Unchanged)
		assert.Len(t, append(first.Delete, first.Keep...), 15)
		for range 50 {
			l, r := append([]SIPLine(nil), local...), append([]SIPLine(nil), remote...)
			rng.Shuffle(len(l), func(i, j int) { l[i], l[j] = l[j], l[i] })
			rng.Shuffle(len(r), func(i, j int) { r[i], r[j] = r[j], r[i] })
			again, err := PlanSIPLineSync(l, r, mode)
			require.NoError(t, err)
			require.Equal(t, first, again)
		}
	}
}

// memStore is a CRM table of SIP lines in memory, finding rows as
// SIPLineStore documents (by SIP username, trimmed and case-insensitive).
type memStore struct{ rows []SIPLine }

func (m *memStore) find(l SIPLine) int {
	for i, r := range m.rows {
		if sipKey(l) != "" && sipKey(r) == sipKey(l) || sipKey(l) == "" && r == l {
			return i
		}
	}
	return -1
}

func (m *memStore) AddSIPLine(_ context.Context, l SIPLine) error {
	m.rows = append(m.rows, l)
	return nil
}

func (m *memStore) UpdateSIPLine(_ context.Context, l SIPLine) error {
	m.rows[m.find(l)] = l
	return nil
}

func (m *memStore) DeleteSIPLine(_ context.Context, l SIPLine) error {
	i := m.find(l)
	m.rows = append(m.rows[:i], m.rows[i+1:]...)
	return nil
}

// TestSyncConverges plans and applies random syncs and checks the plan's
// invariants, then that a second plan after applying has nothing to do.
func TestSyncConverges(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	random := func(n int, blanks bool) []SIPLine {
		var out []SIPLine
		for _, i := range rng.Perm(12)[:n] {
			u := fmt.Sprintf("u%d", i)
			if rng.Intn(3) == 0 {
				u = strings.ToUpper(u)
			}
			if blanks && rng.Intn(6) == 0 {
				u = ""
			}
			out = append(out, SIPLine{
				DeviceID: []string{"", "d" + u}[rng.Intn(2)], LineNumber: rng.Intn(2), SIPUsername: u,
				SIPPassword: NewSecret([]string{"p1", "p2"}[rng.Intn(2)]), DisplayName: []string{"a", "b"}[rng.Intn(2)],
				EmergencyNumber: []string{"", "911"}[rng.Intn(2)], MACAddress: []string{"AA:BB", "aabb", "aa-bc"}[rng.Intn(3)],
			})
		}
		return out
	}
	for range 300 {
		local, remote := random(rng.Intn(9), true), random(rng.Intn(9), false)
		for _, mode := range []SyncMode{SyncFull, SyncAddOnly} {
			plan, err := PlanSIPLineSync(local, remote, mode)
			require.NoError(t, err)
			only := len(plan.Delete) + len(plan.Keep)
			require.Equal(t, len(remote), len(plan.Add)+len(plan.Update)+plan.Unchanged, "every remote line is accounted for once")
			require.Equal(t, len(local), len(plan.Update)+plan.Unchanged+only, "every local line is accounted for once")
			store := &memStore{rows: slices.Clone(local)}
			res, err := ApplySIPLineSync(context.Background(), store, plan)
			require.NoError(t, err)
			require.Equal(t, SyncResult{Added: len(plan.Add), Updated: len(plan.Update), Deleted: len(plan.Delete)}, res)
			again, err := PlanSIPLineSync(store.rows, remote, mode)
			require.NoError(t, err)
			require.True(t, again.Empty(), "%+v", again)
			require.Equal(t, len(remote), again.Unchanged)
			require.Equal(t, plan.Keep, again.Keep)
			if mode == SyncFull {
				norm := func(ls []SIPLine) []SIPLine {
					out := slices.Clone(ls)
					for i := range out {
						out[i].MACAddress = normMAC(out[i].MACAddress) // an equivalent spelling is kept
					}
					return out
				}
				require.ElementsMatch(t, norm(remote), norm(store.rows), "the CRM matches Alianza")
			}
		}
	}
}

func TestPlanSIPLineSyncDoesNotModifyInputs(t *testing.T) {
	local := lines(line("carol"), line("alice"))
	remote := lines(line("bob"), line("alice"))
	lc, rc := append([]SIPLine(nil), local...), append([]SIPLine(nil), remote...)
	_, err := PlanSIPLineSync(local, remote, SyncFull)
	require.NoError(t, err)
	assert.Equal(t, lc, local)
	assert.Equal(t, rc, remote)
}

func TestSyncModeString(t *testing.T) {
	assert.Equal(t, "full", SyncFull.String())
	assert.Equal(t, "add-only", SyncAddOnly.String())
	assert.Equal(t, "SyncMode(0)", SyncMode(0).String())
	assert.Equal(t, "SyncMode(-1)", SyncMode(-1).String())
}

// fakeStore records the calls made to it and fails those named in fail.
type fakeStore struct {
	t        *testing.T
	calls    []string
	fail     map[string]error // "action username" → error
	noDelete bool             // fail the test if DeleteSIPLine is called
	after    func(n int)      // called after the n-th call (1-based)
	got      []SIPLine
}

func (s *fakeStore) record(ctx context.Context, action string, l SIPLine) error {
	key := action + " " + l.SIPUsername
	s.calls = append(s.calls, key)
	s.got = append(s.got, l)
	if s.after != nil {
		defer s.after(len(s.calls))
	}
	if ctx.Err() != nil {
		s.t.Errorf("%s called with an ended context", key)
	}
	return s.fail[key]
}

func (s *fakeStore) AddSIPLine(ctx context.Context, l SIPLine) error {
	return s.record(ctx, "add", l)
}

func (s *fakeStore) UpdateSIPLine(ctx context.Context, l SIPLine) error {
	return s.record(ctx, "update", l)
}

func (s *fakeStore) DeleteSIPLine(ctx context.Context, l SIPLine) error {
	if s.noDelete {
		s.t.Fatalf("DeleteSIPLine called for %s in an add-only sync", l.SIPUsername)
	}
	return s.record(ctx, "delete", l)
}

// mixedPlan adds carol and dave, updates alice and bob, and has erin and
// frank local only.
func mixedPlan(t *testing.T, mode SyncMode) SyncPlan {
	t.Helper()
	changed := func(u string) SIPLine { return with(line(u), func(l *SIPLine) { l.DisplayName = "old" }) }
	plan, err := PlanSIPLineSync(
		lines(changed("bob"), line("frank"), changed("alice"), line("erin"), line("gina")),
		lines(line("dave"), line("alice"), line("gina"), line("carol"), line("bob")),
		mode)
	require.NoError(t, err)
	return plan
}

func TestApplySIPLineSync(t *testing.T) {
	ctx := context.Background()
	t.Run("full: deletes, updates, adds", func(t *testing.T) {
		store := &fakeStore{t: t}
		res, err := ApplySIPLineSync(ctx, store, mixedPlan(t, SyncFull))
		require.NoError(t, err)
		assert.Equal(t, SyncResult{Added: 2, Updated: 2, Deleted: 2}, res)
		assert.Equal(t, []string{
			"delete erin", "delete frank", "update alice", "update bob", "add carol", "add dave",
		}, store.calls)
		assert.Equal(t, "Phone alice", store.got[2].DisplayName, "an update gets the remote version")
	})
	t.Run("add-only never deletes", func(t *testing.T) {
		store := &fakeStore{t: t, noDelete: true}
		plan := mixedPlan(t, SyncAddOnly)
		assert.Equal(t, []string{"erin", "frank"}, usernames(plan.Keep))
		res, err := ApplySIPLineSync(ctx, store, plan)
		require.NoError(t, err)
		assert.Equal(t, SyncResult{Added: 2, Updated: 2}, res)
		assert.Equal(t, []string{"update alice", "update bob", "add carol", "add dave"}, store.calls)
	})
	t.Run("empty plan makes no call", func(t *testing.T) {
		store := &fakeStore{t: t}
		res, err := ApplySIPLineSync(ctx, store, SyncPlan{Mode: SyncFull, Unchanged: 3})
		require.NoError(t, err)
		assert.Equal(t, SyncResult{}, res)
		assert.Empty(t, store.calls)
	})
}

func TestApplySIPLineSyncRefuses(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name  string
		store SIPLineStore
		plan  SyncPlan
		want  string
	}{
		{name: "zero mode", store: &fakeStore{t: t}, plan: SyncPlan{Add: lines(line("a"))}, want: "invalid Mode: SyncMode(0)"},
		{name: "add-only plan with deletes", store: &fakeStore{t: t, noDelete: true}, plan: SyncPlan{Mode: SyncAddOnly, Add: lines(line("a")), Delete: lines(line("b"))}, want: "an add-only plan has 1 lines to delete"},
		{name: "nil store", plan: SyncPlan{Mode: SyncFull}, want: "invalid store: is nil"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ApplySIPLineSync(ctx, tt.store, tt.plan)
			assert.ErrorIs(t, err, ErrInvalidInput)
			assert.ErrorContains(t, err, tt.want)
			assert.Equal(t, SyncResult{}, res)
			if s, ok := tt.store.(*fakeStore); ok {
				assert.Empty(t, s.calls, "refused before any call")
			}
		})
	}
}

func TestApplySIPLineSyncFailures(t *testing.T) {
	errDB := errors.New("db: constraint violated")
	leaky := fmt.Errorf("db: cannot store password %s", line("carol").SIPPassword.Reveal())
	store := &fakeStore{t: t, fail: map[string]error{
		"delete erin":  errDB,
		"update bob":   errDB,
		"add carol":    leaky,
		"update alice": nil,
	}}
	res, err := ApplySIPLineSync(context.Background(), store, mixedPlan(t, SyncFull))
	require.Error(t, err)
	assert.Len(t, store.calls, 6, "every change is tried")
	assert.Equal(t, 1, res.Added)
	assert.Equal(t, 1, res.Updated)
	assert.Equal(t, 1, res.Deleted)
	require.Len(t, res.Failed, 3)
	assert.Equal(t, "delete", res.Failed[0].Action)
	assert.Equal(t, "erin", res.Failed[0].Line.SIPUsername)
	assert.Equal(t, "update", res.Failed[1].Action)
	assert.Equal(t, "Phone bob", res.Failed[1].Line.DisplayName, "the line passed to the store")
	assert.Equal(t, "add", res.Failed[2].Action)

	assert.ErrorIs(t, err, errDB)
	assert.ErrorIs(t, err, leaky)
	var f SyncFailure
	require.ErrorAs(t, err, &f)
	assert.Equal(t, "erin", f.Line.SIPUsername)
	msg := err.Error()
	for _, w := range []string{
		`alianza: ApplySIPLineSync: delete SIP line "erin": db: constraint violated`,
		`update SIP line "bob": db: constraint violated`,
		`add SIP line "carol": db: cannot store password REDACTED`,
	} {
		assert.Contains(t, msg, w)
	}
	assert.NotContains(t, msg, "s3cr3t")
	all := fmt.Sprintf("%v %+v %#v %s", res, res, res, err)
	assert.NotContains(t, all, "s3cr3t", all)
	assert.Contains(t, fmt.Sprintf("%#v", res.Failed[2]), `Err:"db: cannot store password REDACTED"`)
}

func TestSyncFailureWithoutErr(t *testing.T) {
	f := SyncFailure{Action: "add", Line: with(line("x"), func(l *SIPLine) { l.SIPUsername = "" })}
	assert.Equal(t, `alianza: ApplySIPLineSync: add SIP line without SIP username (line 1, device "dev-x"): failed`, f.Error())
	assert.NoError(t, f.Unwrap())
}

func TestApplySIPLineSyncStopsWhenContextEnds(t *testing.T) {
	t.Run("cancelled midway", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		errDB := errors.New("db down")
		store := &fakeStore{t: t, fail: map[string]error{"delete frank": errDB}, after: func(n int) {
			if n == 3 {
				cancel()
			}
		}}
		res, err := ApplySIPLineSync(ctx, store, mixedPlan(t, SyncFull))
		assert.Equal(t, []string{"delete erin", "delete frank", "update alice"}, store.calls)
		assert.Equal(t, SyncResult{Deleted: 1, Updated: 1, Failed: res.Failed}, res)
		require.Len(t, res.Failed, 1)
		assert.ErrorIs(t, err, context.Canceled)
		assert.ErrorIs(t, err, errDB, "failures before the end are reported too")
		assert.Contains(t, err.Error(), `delete SIP line "frank": db down`)
		assert.Contains(t, err.Error(), `stopped with 3 of 6 changes not made (update "bob", add "carol", add "dave"): context canceled`)
	})
	t.Run("ended before the start", func(t *testing.T) {
		ctx, cancel := context.WithCancelCause(context.Background())
		cause := errors.New("operator pressed stop")
		cancel(cause)
		store := &fakeStore{t: t}
		plan := SyncPlan{Mode: SyncFull, Delete: lines(with(line("x"), func(l *SIPLine) { l.SIPUsername = "" }))}
		res, err := ApplySIPLineSync(ctx, store, plan)
		assert.Empty(t, store.calls)
		assert.Equal(t, SyncResult{}, res)
		assert.ErrorIs(t, err, context.Canceled)
		assert.ErrorIs(t, err, cause)
		assert.ErrorContains(t, err, `1 of 1 changes not made (delete without SIP username (line 1, device "dev-x")): context canceled: operator pressed stop`)
	})
}

// TestNoPasswordInOutput: a line, a plan, a result and every error print
// without a SIP password in any verb.
func TestNoPasswordInOutput(t *testing.T) {
	l := line("alice")
	plan := mixedPlan(t, SyncFull)
	require.NotEmpty(t, plan.Update)
	res, err := ApplySIPLineSync(context.Background(), &fakeStore{t: t, fail: map[string]error{"add carol": errors.New("boom")}}, plan)
	require.Error(t, err)
	_, planErr := PlanSIPLineSync(lines(l, l), nil, SyncFull)
	require.Error(t, planErr)
	for _, s := range []string{
		fmt.Sprintf("%v %+v %#v", l, plan, res),
		fmt.Sprintf("%v %+v %#v", plan, res, l),
		fmt.Sprintf("%+v %#v %v %s", l, plan, res, err),
		fmt.Sprintf("%v %+v %#v", err, planErr, res.Failed),
	} {
		assert.NotContains(t, s, "s3cr3t", s)
		assert.Contains(t, s, "REDACTED")
	}
}

func ExamplePlanSIPLineSync() {
	local := []SIPLine{
		{DeviceID: "d1", LineNumber: 1, SIPUsername: "5551000001", SIPPassword: NewSecret("old-pw"), DisplayName: "Kitchen", MACAddress: "00:04:F2:AA:BB:01"},
		{DeviceID: "d9", LineNumber: 2, SIPUsername: "5551000009", SIPPassword: NewSecret("fax-pw"), DisplayName: "Fax"},
	}
	remote := []SIPLine{ // as read from Alianza's device lines
		{DeviceID: "d2", LineNumber: 2, SIPUsername: "5551000002", SIPPassword: NewSecret("office-pw"), DisplayName: "Office"},
		{DeviceID: "d1", LineNumber: 1, SIPUsername: "5551000001", SIPPassword: NewSecret("new-pw"), DisplayName: "Kitchen", MACAddress: "0004f2aabb01"},
	}
	for _, mode := range []SyncMode{SyncFull, SyncAddOnly} {
		plan, err := PlanSIPLineSync(local, remote, mode)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(mode)
		for _, l := range plan.Add {
			fmt.Println("  add", l.SIPUsername, "password", l.SIPPassword)
		}
		for _, u := range plan.Update {
			fmt.Println("  update", u.Remote.SIPUsername, u.Fields)
		}
		for _, l := range plan.Delete {
			fmt.Println("  delete", l.SIPUsername)
		}
		for _, l := range plan.Keep {
			fmt.Println("  keep", l.SIPUsername)
		}
	}
	// Output:
	// full
	//   add 5551000002 password REDACTED
	//   update 5551000001 [SIPPassword]
	//   delete 5551000009
	// add-only
	//   add 5551000002 password REDACTED
	//   update 5551000001 [SIPPassword]
	//   keep 5551000009
}

// TestPlanSIPLineSyncRefusalOrder pins what every refusal says, and in which
// order: the remote lines without a username in input order, then the
// remote side's duplicates, then the local side's, each side's by username
// (trimmed, lower case), the lines of a group ordered as the plan orders
// lines, and the group named by the first one's spelling.
func TestPlanSIPLineSyncRefusalOrder(t *testing.T) {
	blank := func(dev string, n int) SIPLine {
		return with(line("x"), func(l *SIPLine) { l.SIPUsername, l.DeviceID, l.LineNumber = " ", dev, n })
	}
	remote := lines(
		line("zed"), blank("dev-9", 9), with(line("bob"), func(l *SIPLine) { l.SIPUsername = "bob" }),
		line("Zed"), blank("dev-1", 1), with(line("bob"), func(l *SIPLine) { l.SIPUsername, l.DeviceID = "BOB", "dev-b2" }),
		with(line("zed"), func(l *SIPLine) { l.LineNumber = 0 }),
	)
	local := lines(
		with(line("carol"), func(l *SIPLine) { l.DeviceID = "dev-c2" }), line("amy"), line(" Carol"),
		line("amy"), blank("dev-3", 3), blank("dev-3", 3),
	)
	_, err := PlanSIPLineSync(local, remote, SyncFull)
	require.Error(t, err)
	var got []string
	for _, e := range err.(joinedErrors) {
		var ve *ValidationError
		require.ErrorAs(t, e, &ve)
		got = append(got, ve.Field+": "+ve.Reason)
	}
	assert.Equal(t, []string{
		`remote SIPUsername: the line without SIP username (line 9, device "dev-9") has no SIP username and cannot be synced`,
		`remote SIPUsername: the line without SIP username (line 1, device "dev-1") has no SIP username and cannot be synced`,
		`remote SIPUsername: 2 lines share the SIP username "BOB": "BOB" (line 1, device "dev-b2"), "bob" (line 1, device "dev-bob")`,
		`remote SIPUsername: 3 lines share the SIP username "Zed": "Zed" (line 1, device "dev-Zed"), "zed" (line 0, device "dev-zed"), "zed" (line 1, device "dev-zed")`,
		`local SIPUsername: 2 lines share the SIP username "amy": "amy" (line 1, device "dev-amy"), "amy" (line 1, device "dev-amy")`,
		`local SIPUsername: 2 lines share the SIP username "Carol": " Carol" (line 1, device "dev- Carol"), "carol" (line 1, device "dev-c2")`,
	}, got)
}

// TestPlanSIPLineSyncLocalOnlyOrder pins the order of Delete and Keep: the
// lines without a username first, ordered by the username as written, then
// device id, line number, display name, emergency number, MAC address and
// password; then the others by username (trimmed, lower case).
func TestPlanSIPLineSyncLocalOnlyOrder(t *testing.T) {
	blank := func(u string, f func(*SIPLine)) SIPLine {
		return with(line("x"), func(l *SIPLine) { l.SIPUsername = u; f(l) })
	}
	local := lines(
		line("Mike"),
		blank("", func(l *SIPLine) { l.SIPPassword = NewSecret("b") }),
		blank(" ", func(l *SIPLine) {}),
		blank("", func(l *SIPLine) { l.DeviceID = "a" }),
		line("alpha"),
		blank("", func(l *SIPLine) { l.SIPPassword = NewSecret("a") }),
		blank("", func(l *SIPLine) { l.MACAddress = "0" }),
		blank("", func(l *SIPLine) { l.EmergencyNumber = "0" }),
		blank("", func(l *SIPLine) { l.DisplayName = "A" }),
		blank("", func(l *SIPLine) { l.LineNumber = 0 }),
		line(" kilo"),
	)
	plan, err := PlanSIPLineSync(local, nil, SyncFull)
	require.NoError(t, err)
	var got []string
	for _, l := range plan.Delete {
		got = append(got, fmt.Sprintf("%q %s %d %s %s %s %s", l.SIPUsername, l.DeviceID, l.LineNumber, l.DisplayName, l.EmergencyNumber, l.MACAddress, l.SIPPassword.Reveal()))
	}
	assert.Equal(t, []string{
		`"" a 1 Phone x 5551230000 00:11:22:aa:bb:cc pw-x-s3cr3t`,
		`"" dev-x 0 Phone x 5551230000 00:11:22:aa:bb:cc pw-x-s3cr3t`,
		`"" dev-x 1 A 5551230000 00:11:22:aa:bb:cc pw-x-s3cr3t`,
		`"" dev-x 1 Phone x 0 00:11:22:aa:bb:cc pw-x-s3cr3t`,
		`"" dev-x 1 Phone x 5551230000 0 pw-x-s3cr3t`,
		`"" dev-x 1 Phone x 5551230000 00:11:22:aa:bb:cc a`,
		`"" dev-x 1 Phone x 5551230000 00:11:22:aa:bb:cc b`,
		`" " dev-x 1 Phone x 5551230000 00:11:22:aa:bb:cc pw-x-s3cr3t`,
		`"alpha" dev-alpha 1 Phone alpha 5551230000 00:11:22:aa:bb:cc pw-alpha-s3cr3t`,
		`" kilo" dev- kilo 1 Phone  kilo 5551230000 00:11:22:aa:bb:cc pw- kilo-s3cr3t`,
		`"Mike" dev-Mike 1 Phone Mike 5551230000 00:11:22:aa:bb:cc pw-Mike-s3cr3t`,
	}, got)
	keep, err := PlanSIPLineSync(local, nil, SyncAddOnly)
	require.NoError(t, err)
	assert.Equal(t, plan.Delete, keep.Keep)
}

// TestPlanSIPLineSyncUnicodeKeys: the key is the Unicode lower case of the
// trimmed username, and MAC addresses compare in Unicode lower case too.
func TestPlanSIPLineSyncUnicodeKeys(t *testing.T) {
	local := lines(with(line("ÅSA"), func(l *SIPLine) { l.SIPUsername = "\u00a0ÅSA\u2003"; l.MACAddress = "ÄB:01" }))
	remote := lines(with(line("åsa"), func(l *SIPLine) {
		l.DeviceID = "dev-ÅSA"
		l.MACAddress = "äb01"
		l.SIPPassword = local[0].SIPPassword
		l.DisplayName = local[0].DisplayName
	}))
	plan, err := PlanSIPLineSync(local, remote, SyncFull)
	require.NoError(t, err)
	require.Len(t, plan.Update, 1)
	assert.Equal(t, []string{"SIPUsername"}, plan.Update[0].Fields)
	assert.Nil(t, plan.Add)
	assert.Nil(t, plan.Delete)
}

// TestPlanSIPLineSyncKeyOrder: keys sharing their first sixteen bytes, or
// differing only by a trailing NUL, are ordered as strings are.
func TestPlanSIPLineSyncKeyOrder(t *testing.T) {
	names := []string{"abcdefghijklmnopq", "abcdefghijklmnop", "ab\x00", "ab", "abcdefghijklmnopr", "a", "abcdefghijklmno\x00z"}
	var local []SIPLine
	for _, n := range names {
		local = append(local, line(n))
	}
	plan, err := PlanSIPLineSync(local, nil, SyncFull)
	require.NoError(t, err)
	want := slices.Clone(names)
	slices.Sort(want)
	assert.Equal(t, want, usernames(plan.Delete))
	plan, err = PlanSIPLineSync(local, local, SyncFull)
	require.NoError(t, err)
	assert.Equal(t, len(names), plan.Unchanged)
}
