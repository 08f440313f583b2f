package alianza_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/alianza"
	"github.com/ispkit/ispkit/alianza/alianzatest"
)

// roundTrip decodes data into a new T, encodes it again and requires the
// same JSON back; it returns the decoded value.
func roundTrip[T any](t *testing.T, data string) T {
	t.Helper()
	var v T
	require.NoError(t, json.Unmarshal([]byte(data), &v), data)
	b, err := json.Marshal(v)
	require.NoError(t, err, data)
	assert.JSONEq(t, data, string(b))
	return v
}

func TestRingFailoverActionVariants(t *testing.T) {
	a := roundTrip[alianza.RingFailoverAction](t, `{"@type":"BusyRingFailoverAction"}`)
	assert.NotNil(t, a.Busy)
	assert.Equal(t, alianza.RingFailoverBusy, a.Type())
	a = roundTrip[alianza.RingFailoverAction](t, `{"@type":"ForwardRingFailoverAction","forwardToPhoneNumber":"18015551212"}`)
	require.NotNil(t, a.Forward)
	assert.Equal(t, "18015551212", a.Forward.ForwardToPhoneNumber)
	a = roundTrip[alianza.RingFailoverAction](t, `{"@type":"VoicemailRingFailoverAction"}`)
	assert.NotNil(t, a.Voicemail)
	a = roundTrip[alianza.RingFailoverAction](t, `{"@type":"AnnouncementRingFailoverAction","promptId":"p1"}`)
	assert.Nil(t, a.Busy)
	assert.JSONEq(t, `{"@type":"AnnouncementRingFailoverAction","promptId":"p1"}`, string(a.Unknown))
	assert.Equal(t, "AnnouncementRingFailoverAction", a.Type())
}

func TestRingTimeoutConfigurationVariants(t *testing.T) {
	r := roundTrip[alianza.RingTimeoutConfiguration](t, `{"@type":"LimitedRingTimeoutConfiguration","timeoutSeconds":25,"noAnswerAction":{"@type":"ForwardRingFailoverAction","forwardToPhoneNumber":"1"}}`)
	require.NotNil(t, r.Limited)
	assert.Equal(t, 25, *r.Limited.TimeoutSeconds)
	require.NotNil(t, r.Limited.NoAnswerAction.Forward)
	r = roundTrip[alianza.RingTimeoutConfiguration](t, `{"@type":"UnlimitedRingTimeoutConfiguration"}`)
	assert.NotNil(t, r.Unlimited)
	r = roundTrip[alianza.RingTimeoutConfiguration](t, `{"timeoutSeconds":3}`) // no discriminator: kept
	assert.NotNil(t, r.Unknown)
}

func TestHuntingConfigurationVariants(t *testing.T) {
	h := roundTrip[alianza.HuntingConfiguration](t, `{"@type":"LinearHuntingConfiguration","ringTimeoutSeconds":20,"members":[{"businessLineId":"b1","sequenceOrder":0},{"businessLineId":"b2","sequenceOrder":1}]}`)
	require.NotNil(t, h.Linear)
	assert.Len(t, h.Linear.Members, 2)
	h = roundTrip[alianza.HuntingConfiguration](t, `{"@type":"SequentialHuntingConfiguration","members":[{"businessLineId":"b1","ringTimeoutSeconds":10,"sequenceOrder":0}]}`)
	require.NotNil(t, h.Sequential)
	assert.Equal(t, 10, h.Sequential.Members[0].RingTimeoutSeconds)
	h = roundTrip[alianza.HuntingConfiguration](t, `{"@type":"SimultaneousHuntingConfiguration","ringTimeoutSeconds":30,"members":["b1","b2"]}`)
	require.NotNil(t, h.Simultaneous)
	assert.Equal(t, []string{"b1", "b2"}, h.Simultaneous.Members)
	h = roundTrip[alianza.HuntingConfiguration](t, `{"@type":"RoundRobinHuntingConfiguration","members":["b1"]}`)
	assert.Equal(t, "RoundRobinHuntingConfiguration", h.Type())
	assert.NotNil(t, h.Unknown)
}

func TestFailoverActionVariants(t *testing.T) {
	f := roundTrip[alianza.FailoverAction](t, `{"@type":"BusyFailoverAction","failoverReason":"BUSY"}`)
	assert.NotNil(t, f.Busy)
	assert.Equal(t, alianza.FailoverReasonBusy, f.Reason)
	f = roundTrip[alianza.FailoverAction](t, `{"@type":"ForwardFailoverAction","failoverReason":"NO_ANSWER","forwardToPhoneNumber":"18015551212"}`)
	require.NotNil(t, f.Forward)
	f = roundTrip[alianza.FailoverAction](t, `{"@type":"VoicemailFailoverAction","failoverReason":"UNREGISTERED","voicemailBoxId":"v1"}`)
	require.NotNil(t, f.Voicemail)
	assert.Equal(t, "v1", f.Voicemail.VoicemailBoxID)
	f = roundTrip[alianza.FailoverAction](t, `{"@type":"HangupFailoverAction","failoverReason":"BUSY","x":[1]}`)
	assert.Equal(t, alianza.FailoverReasonBusy, f.Reason)
	assert.Equal(t, "HangupFailoverAction", f.Type())
}

// ivrAll is an IVR with a component of every type, one of them nested as
// the spec nests them (a menu's DTMF entries and failure, a schedule's
// rules), and a LINE_HUNTGROUP component, which the spec lists but gives no
// schema.
const ivrAll = `{"name":"main","ivrComponents":[
 {"id":"in","type":"INCOMING","name":"start","left":"1","top":"2"},
 {"id":"m","type":"MENU","initPromptId":"p1","allowBargeInDuringInitPrompt":true,"menuPromptId":"p2","menuRepeatDelay":3,
  "dtmf":[{"id":"d1","type":"DTMF","digit":"1"}],
  "failure":{"id":"f","type":"MENU_FAILURE","menuTimeout":5,"invalidSelectionPrompt":"p3","maxInvalidSelections":2}},
 {"id":"dir","type":"DIRECTORY","introPrompt":"p4","directoryDialType":"NAME"},
 {"id":"g","type":"GROUP","routedToList":[{"id":"u1","timeoutSeconds":10}],"ringType":"SEQUENTIAL","groupType":"USER","timeoutSeconds":30,"timeoutComponentId":"h"},
 {"id":"s","type":"SCHEDULE","scheduleComponent":[{"id":"r","type":"SCHEDULE_RULE_COMPONENT","weekly":{"w":{"MON":{"startTime":"09:00","endTime":"17:00"}}},"custom":{"date":"2026-12-24T00:00:00Z","startTime":"09:00","endTime":"12:00"}}]},
 {"id":"u","type":"USER","userId":"u1","sendDirectlyToVoicemail":false},
 {"id":"fw","type":"FORWARD","toNumber":"18015551212"},
 {"id":"h","type":"HANGUP","goodBye":"p5"},
 {"id":"lh","type":"LINE_HUNTGROUP","huntGroupId":"hg1"}
],"ivrComponentMappings":[{"fromIvrComponentId":"in","toIvrComponentId":"m"}]}`

func TestIVRComponentVariants(t *testing.T) {
	ivr := roundTrip[alianza.IVR](t, ivrAll)
	cs := ivr.IVRComponents
	require.Len(t, cs, 9)
	assert.NotNil(t, cs[0].Incoming)
	require.NotNil(t, cs[1].Menu)
	require.Len(t, cs[1].Menu.DTMF, 1)
	assert.Equal(t, "1", cs[1].Menu.DTMF[0].DTMF.Digit)
	// The discriminator fix: MENU_FAILURE names no schema in the spec; it is
	// MenuFailureX.
	require.NotNil(t, cs[1].Menu.Failure)
	require.NotNil(t, cs[1].Menu.Failure.MenuFailure)
	assert.Equal(t, 2, cs[1].Menu.Failure.MenuFailure.MaxInvalidSelections)
	require.NotNil(t, cs[2].Directory)
	assert.Equal(t, alianza.IVRDirectoryByName, cs[2].Directory.DirectoryDialType)
	require.NotNil(t, cs[3].Group)
	assert.Equal(t, "u1", cs[3].Group.RoutedToList[0].ID)
	assert.Equal(t, alianza.IVRGroupRingSequential, cs[3].Group.RingType)
	assert.Equal(t, alianza.IVRGroupOfUsers, cs[3].Group.GroupType)
	require.NotNil(t, cs[4].Schedule)
	require.NotNil(t, cs[4].Schedule.ScheduleComponent[0].ScheduleRule)
	assert.Equal(t, "09:00", cs[4].Schedule.ScheduleComponent[0].ScheduleRule.Weekly["w"].Mon.StartTime)
	require.NotNil(t, cs[5].User)
	assert.False(t, *cs[5].User.SendDirectlyToVoicemail)
	assert.NotNil(t, cs[6].Forward)
	assert.NotNil(t, cs[7].Hangup)
	// LINE_HUNTGROUP has no schema: kept whole.
	assert.Equal(t, alianza.IVRLineHuntGroup, cs[8].Type)
	assert.JSONEq(t, `{"id":"lh","type":"LINE_HUNTGROUP","huntGroupId":"hg1"}`, string(cs[8].Unknown))
}

func TestDeviceGraphVariants(t *testing.T) {
	g := roundTrip[alianza.DeviceGraph](t, `{"macAddress":"0004f2abcdef","lineNumber":1,"telephoneNumbers":["18015551212"]}`)
	require.NotNil(t, g.Limited)
	assert.Nil(t, g.Unlimited)
	assert.Equal(t, "0004f2abcdef", g.MACAddress)
	g = roundTrip[alianza.DeviceGraph](t, `{"macAddress":"0004f2abcdef","tnas":[{"phoneNumber":"18015551212","referenceType":"END_USER"}]}`)
	require.NotNil(t, g.Unlimited)
	assert.Equal(t, "18015551212", g.Unlimited.TNAs[0].PhoneNumber)
	g = roundTrip[alianza.DeviceGraph](t, `{"macAddress":"0004f2abcdef"}`) // neither: kept
	assert.NotNil(t, g.Unknown)
}

func TestIVRDepthCountsOnlyStructure(t *testing.T) {
	// Brackets inside strings, after an escaped quote too, are not nesting.
	deepName := strings.Repeat("[{", 100)
	ivr := roundTrip[alianza.IVR](t, `{"name":"`+deepName+`","ivrComponents":[{"id":"h","type":"HANGUP","goodBye":"\\\"`+strings.Repeat("[", 70)+`"}],"ivrComponentMappings":[]}`)
	assert.Equal(t, deepName, ivr.Name)
}

func TestUnionNullIsKept(t *testing.T) {
	roundTrip[alianza.IVR](t, `{"name":"n","ivrComponents":[null],"ivrComponentMappings":[]}`)
	roundTrip[alianza.RingFailoverAction](t, `null`)
	roundTrip[alianza.DeviceGraph](t, `null`)
}

func TestUnionMalformed(t *testing.T) {
	for _, tc := range []struct {
		name string
		into any
		data string
	}{
		{"not an object", new(alianza.RingFailoverAction), `"BusyRingFailoverAction"`},
		{"array", new(alianza.HuntingConfiguration), `[{"@type":"LinearHuntingConfiguration"}]`},
		{"tag not a string", new(alianza.FailoverAction), `{"@type":7}`},
		{"variant field of the wrong type", new(alianza.HuntingConfiguration), `{"@type":"LinearHuntingConfiguration","ringTimeoutSeconds":"x"}`},
		{"reason of the wrong type", new(alianza.FailoverAction), `{"@type":"BusyFailoverAction","failoverReason":{}}`},
		{"ivr type not a string", new(alianza.IVRComponent), `{"id":"a","type":["MENU"]}`},
		{"ivr nested component bad", new(alianza.IVRComponent), `{"id":"a","type":"MENU","dtmf":[{"id":"d","type":"DTMF","digit":1}]}`},
		{"graph list of the wrong type", new(alianza.DeviceGraph), `{"telephoneNumbers":"1"}`},
		{"truncated", new(alianza.RingTimeoutConfiguration), `{"@type":"Limited`},
		// Nesting beyond 64 is refused before the components are read
		// (decoding nested unions is quadratic in the depth).
		{"ivr nested too deep", new(alianza.IVR), `{"ivrComponents":[` + strings.Repeat(`{"id":"a","type":"MENU","failure":`, 70) + `null` + strings.Repeat(`}`, 70) + `]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Error(t, json.Unmarshal([]byte(tc.data), tc.into))
		})
	}
}

func TestUnionEncodingRefusesNoneOrTwo(t *testing.T) {
	for _, v := range []any{
		alianza.RingFailoverAction{},
		alianza.RingFailoverAction{Busy: &alianza.BusyRingFailoverAction{}, Voicemail: &alianza.VoicemailRingFailoverAction{}},
		alianza.RingTimeoutConfiguration{},
		alianza.HuntingConfiguration{Linear: &alianza.LinearHunting{}, Unknown: json.RawMessage(`{}`)},
		alianza.FailoverAction{Reason: alianza.FailoverReasonBusy},
		alianza.IVRComponent{ID: "a"},
		alianza.IVRComponent{ID: "a", Type: alianza.IVRMenu, Hangup: &alianza.IVRHangupComponent{}}, // Type disagrees
		alianza.DeviceGraph{},
		alianza.FailoverAction{Unknown: json.RawMessage(`{"a":`)},
	} {
		_, err := json.Marshal(v)
		assert.Error(t, err, "%#v", v)
	}
	// The type is written from the variant.
	b, err := json.Marshal(alianza.IVRComponent{ID: "a", Hangup: &alianza.IVRHangupComponent{GoodBye: "p"}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"a","type":"HANGUP","goodBye":"p"}`, string(b))
}

// storedJSON is the JSON the fake keeps at path.
func storedJSON(t *testing.T, srv interface {
	Object(string, any) (bool, error)
}, path string) string {
	t.Helper()
	var raw json.RawMessage
	ok, err := srv.Object(path, &raw)
	require.NoError(t, err)
	require.True(t, ok, "nothing stored at %s", path)
	return string(raw)
}

// encoded is v as JSON.
func encoded(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

func TestE2EHuntGroups(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	part := alianzatest.DefaultPartitionID
	hg, err := c.HuntGroups.Create(ctx, "A1", alianza.HuntGroupRequest{Name: "sales", HuntingConfiguration: &alianza.HuntingConfiguration{
		Linear: &alianza.LinearHunting{RingTimeoutSeconds: 20, Members: []alianza.LinearMember{{BusinessLineID: "b1"}, {BusinessLineID: "b2", SequenceOrder: 1}}}}})
	require.NoError(t, err)
	require.NotEmpty(t, hg.ID)
	require.NotNil(t, hg.HuntingConfiguration.Linear)
	path := "/v2/partition/" + part + "/account/A1/business-line-hunt-group/" + hg.ID
	assert.JSONEq(t, storedJSON(t, srv, path), encoded(t, hg))
	assert.Contains(t, storedJSON(t, srv, path), `"@type":"LinearHuntingConfiguration"`)

	got, err := c.HuntGroups.Get(ctx, "A1", hg.ID)
	require.NoError(t, err)
	assert.Equal(t, hg, got)

	upd := alianza.HuntGroupRequest(*got)
	upd.HuntingConfiguration = &alianza.HuntingConfiguration{Sequential: &alianza.SequentialHunting{Members: []alianza.SequentialMember{{BusinessLineID: "b1", RingTimeoutSeconds: 15}}}}
	got, err = c.HuntGroups.Update(ctx, "A1", hg.ID, upd)
	require.NoError(t, err)
	require.NotNil(t, got.HuntingConfiguration.Sequential)
	assert.Equal(t, hg.ID, got.ID)

	// A variant the package does not know comes back as sent.
	require.NoError(t, srv.SetObject("/v2/partition/"+part+"/account/A1/business-line-hunt-group/H9",
		json.RawMessage(`{"id":"H9","name":"x","huntingConfiguration":{"@type":"RoundRobinHuntingConfiguration","members":["b1"]}}`)))
	list, err := c.HuntGroups.List(ctx, "A1")
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.Equal(t, "RoundRobinHuntingConfiguration", list[1].HuntingConfiguration.Type())
	assert.JSONEq(t, `{"id":"H9","name":"x","huntingConfiguration":{"@type":"RoundRobinHuntingConfiguration","members":["b1"]}}`, encoded(t, list[1]))

	// Failover actions, by reason.
	fa, err := c.HuntGroups.UpdateFailoverAction(ctx, "A1", hg.ID, alianza.FailoverReasonNoAnswer,
		alianza.FailoverActionRequest{Voicemail: &alianza.VoicemailFailoverAction{VoicemailBoxID: "v1"}})
	require.NoError(t, err)
	assert.Equal(t, alianza.FailoverReasonNoAnswer, fa.Reason)
	fa, err = c.HuntGroups.FailoverAction(ctx, "A1", hg.ID, alianza.FailoverReasonNoAnswer)
	require.NoError(t, err)
	require.NotNil(t, fa.Voicemail)
	assert.Equal(t, "v1", fa.Voicemail.VoicemailBoxID)
	assert.JSONEq(t, storedJSON(t, srv, path+"/failover-action/NO_ANSWER"), encoded(t, fa))
	_, err = c.HuntGroups.FailoverAction(ctx, "A1", hg.ID, alianza.FailoverReasonBusy)
	assert.True(t, errors.Is(err, alianza.ErrNotFound), "%v", err)
	_, err = c.HuntGroups.UpdateFailoverAction(ctx, "A1", "nohg", alianza.FailoverReasonBusy, alianza.FailoverActionRequest{Busy: &alianza.BusyFailoverAction{}})
	assert.True(t, errors.Is(err, alianza.ErrNotFound), "%v", err)

	// Bad input is refused before anything is sent.
	n := len(srv.Requests())
	_, err = c.HuntGroups.Create(ctx, "A1", alianza.HuntGroupRequest{Name: "x", HuntingConfiguration: &alianza.HuntingConfiguration{}})
	assert.True(t, errors.Is(err, alianza.ErrInvalidInput), "%v", err)
	_, err = c.HuntGroups.FailoverAction(ctx, "A1", hg.ID, "")
	assert.True(t, errors.Is(err, alianza.ErrInvalidInput), "%v", err)
	_, err = c.HuntGroups.Get(ctx, "A1", "..")
	assert.True(t, errors.Is(err, alianza.ErrInvalidInput), "%v", err)
	assert.Equal(t, n, len(srv.Requests()))
}

func TestE2EBusinessLineCallHandling(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	part := alianzatest.DefaultPartitionID
	line, err := c.BusinessLines.Create(ctx, "A1", alianza.BusinessLineRequest{Name: "front desk"})
	require.NoError(t, err)
	yes := true
	ch, err := c.BusinessLines.UpdateCallHandling(ctx, "A1", line.ID, alianza.BusinessLineCallHandlingRequest{
		ActiveCallHandling: alianza.ActiveCallHandlingRingLine, CallWaitingEnabled: &yes,
		BusyFailoverAction:         &alianza.RingFailoverAction{Forward: &alianza.ForwardRingFailoverAction{ForwardToPhoneNumber: "18015551212"}},
		UnregisteredFailoverAction: &alianza.RingFailoverAction{Busy: &alianza.BusyRingFailoverAction{}},
		RingTimeoutConfiguration: &alianza.RingTimeoutConfiguration{Limited: &alianza.LimitedRingTimeout{
			NoAnswerAction: &alianza.RingFailoverAction{Voicemail: &alianza.VoicemailRingFailoverAction{}}}},
	})
	require.NoError(t, err)
	path := "/v2/partition/" + part + "/account/A1/business-line/" + line.ID + "/call-handling"
	assert.JSONEq(t, storedJSON(t, srv, path), encoded(t, ch))
	got, err := c.BusinessLines.CallHandling(ctx, "A1", line.ID)
	require.NoError(t, err)
	assert.Equal(t, ch, got)
	require.NotNil(t, got.RingTimeoutConfiguration.Limited)
	assert.NotNil(t, got.RingTimeoutConfiguration.Limited.NoAnswerAction.Voicemail)

	exp, err := c.BusinessLines.GetExpanded(ctx, "A1", line.ID)
	require.NoError(t, err)
	assert.Equal(t, "front desk", exp.Name)
	assert.Equal(t, ch, exp.CallHandling)
	all, err := c.BusinessLines.ListExpanded(ctx, "A1")
	require.NoError(t, err)
	require.Len(t, all, 1)
	assert.Equal(t, *exp, all[0])
	_, err = c.BusinessLines.UpdateCallHandling(ctx, "A1", "nope", alianza.BusinessLineCallHandlingRequest(*ch))
	assert.True(t, errors.Is(err, alianza.ErrNotFound), "%v", err)
	_, err = c.BusinessLines.GetExpanded(ctx, "A1", "nope")
	assert.True(t, errors.Is(err, alianza.ErrNotFound), "%v", err)

	_, err = c.BusinessLines.UpdateCallHandling(ctx, "A1", line.ID, alianza.BusinessLineCallHandlingRequest{
		BusyFailoverAction: &alianza.RingFailoverAction{Busy: &alianza.BusyRingFailoverAction{}, Forward: &alianza.ForwardRingFailoverAction{}}})
	assert.True(t, errors.Is(err, alianza.ErrInvalidInput), "%v", err)
}

func TestE2EIVRs(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	part := alianzatest.DefaultPartitionID
	var req alianza.IVRRequest
	require.NoError(t, json.Unmarshal([]byte(ivrAll), &req))
	ivr, err := c.IVRs.Create(ctx, "A1", req)
	require.NoError(t, err)
	require.NotEmpty(t, ivr.ID)
	path := "/v2/partition/" + part + "/account/A1/ivr/" + ivr.ID
	assert.JSONEq(t, storedJSON(t, srv, path), encoded(t, ivr))
	// What was sent arrived whole, the LINE_HUNTGROUP component included.
	var sent map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(storedJSON(t, srv, path)), &sent))
	var want map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(ivrAll), &want))
	assert.JSONEq(t, string(want["ivrComponents"]), string(sent["ivrComponents"]))

	got, err := c.IVRs.Get(ctx, "A1", ivr.ID)
	require.NoError(t, err)
	assert.Equal(t, ivr, got)
	upd := alianza.IVRRequest(*got)
	upd.IVRComponents = append(upd.IVRComponents, alianza.IVRComponent{ID: "x", Forward: &alianza.IVRForwardComponent{ToNumber: "1"}})
	got, err = c.IVRs.Update(ctx, "A1", ivr.ID, upd)
	require.NoError(t, err)
	require.Len(t, got.IVRComponents, 10)
	assert.Equal(t, alianza.IVRForward, got.IVRComponents[9].Type)
	list, err := c.IVRs.List(ctx, "A1")
	require.NoError(t, err)
	require.Len(t, list, 1)
	assert.Equal(t, *got, list[0])
	_, err = c.IVRs.Get(ctx, "A1", "missing")
	assert.True(t, errors.Is(err, alianza.ErrNotFound), "%v", err)
	_, err = c.IVRs.Update(ctx, "A1", "missing", upd)
	assert.True(t, errors.Is(err, alianza.ErrNotFound), "%v", err)
}

func TestE2EDeviceGraph(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	limited := `{"macAddress":"0004f2abcdef","accountId":"A1","telephoneNumbers":["18015551212"]}`
	unlimited := `{"macAddress":"0004f2abcde0","tnas":[{"phoneNumber":"18015551212","referenceType":"END_USER","accountId":"A1"}]}`
	require.NoError(t, srv.SetObject("/v2/ces/deviceGraph/0004f2abcdef", json.RawMessage(limited)))
	require.NoError(t, srv.SetObject("/v2/ces/deviceGraph/0004f2abcde0", json.RawMessage(unlimited)))
	yes := true
	g, err := c.Devices.Graph(ctx, "0004f2abcdef", &alianza.DeviceGraphOptions{Limited: &yes})
	require.NoError(t, err)
	require.NotNil(t, g.Limited)
	assert.JSONEq(t, limited, encoded(t, g))
	g, err = c.Devices.Graph(ctx, "0004f2abcde0", nil)
	require.NoError(t, err)
	require.NotNil(t, g.Unlimited)
	assert.JSONEq(t, unlimited, encoded(t, g))
	_, err = c.Devices.Graph(ctx, "000000000000", nil)
	assert.True(t, errors.Is(err, alianza.ErrNotFound), "%v", err)
	_, err = c.Devices.Graph(ctx, "", nil)
	assert.True(t, errors.Is(err, alianza.ErrInvalidInput), "%v", err)
}

// queryRecorder records the query of every request it carries.
type queryRecorder struct {
	next    http.RoundTripper
	queries *[]string
}

func (q queryRecorder) RoundTrip(r *http.Request) (*http.Response, error) {
	*q.queries = append(*q.queries, r.URL.Path+"?"+r.URL.RawQuery)
	return q.next.RoundTrip(r)
}

func TestDeviceGraphLimitedQuery(t *testing.T) {
	srv := alianzatest.NewServer()
	t.Cleanup(srv.Close)
	require.NoError(t, srv.SetObject("/v2/ces/deviceGraph/0004f2abcdef", json.RawMessage(`{"telephoneNumbers":[]}`)))
	var queries []string
	c, err := alianza.New(alianza.Credentials{Username: alianzatest.DefaultUsername, Password: alianza.NewSecret(alianzatest.DefaultPassword)},
		alianza.WithBaseURL(srv.URL), alianza.WithHTTPClient(&http.Client{Transport: queryRecorder{http.DefaultTransport, &queries}}))
	require.NoError(t, err)
	ctx := context.Background()
	yes, no := true, false
	for _, opts := range []*alianza.DeviceGraphOptions{{Limited: &yes}, {Limited: &no}, {}, nil} {
		g, err := c.Devices.Graph(ctx, "0004f2abcdef", opts)
		require.NoError(t, err)
		require.NotNil(t, g.Limited)
	}
	var graph []string
	for _, q := range queries {
		if strings.HasPrefix(q, "/v2/ces/") {
			graph = append(graph, q)
		}
	}
	assert.Equal(t, []string{
		"/v2/ces/deviceGraph/0004f2abcdef?limited=true",
		"/v2/ces/deviceGraph/0004f2abcdef?limited=false",
		"/v2/ces/deviceGraph/0004f2abcdef?",
		"/v2/ces/deviceGraph/0004f2abcdef?",
	}, graph)
}
