package alianza

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
)

// FuzzDecodePolymorphic decodes arbitrary answers to the reads of the
// polymorphic models (tagged unions: call handling, expanded views, hunt
// groups, failover actions, IVRs, device graphs): never a panic, an error
// that is an *Error without a secret, and what decodes is encoded again
// (MarshalJSON accepts whatever UnmarshalJSON produced) and decodes to the
// same value.
func FuzzDecodePolymorphic(f *testing.F) {
	for _, s := range []string{
		`{"activeCallHandling":"RING_LINE","busyFailoverAction":{"@type":"ForwardRingFailoverAction","forwardToPhoneNumber":"1"},"ringTimeoutConfiguration":{"@type":"LimitedRingTimeoutConfiguration","timeoutSeconds":5,"noAnswerAction":{"@type":"VoicemailRingFailoverAction"}}}`,
		`{"id":"h","huntingConfiguration":{"@type":"LinearHuntingConfiguration","ringTimeoutSeconds":20,"members":[{"businessLineId":"b","sequenceOrder":0}]}}`,
		`{"@type":"VoicemailFailoverAction","failoverReason":"BUSY","voicemailBoxId":"v"}`,
		`{"name":"i","ivrComponents":[{"id":"m","type":"MENU","dtmf":[{"id":"d","type":"DTMF","digit":"1"}],"failure":{"id":"f","type":"MENU_FAILURE"}},{"id":"l","type":"LINE_HUNTGROUP"},null],"ivrComponentMappings":[]}`,
		`{"macAddress":"m","tnas":[{"phoneNumber":"1"}]}`,
		`{"macAddress":"m","telephoneNumbers":["1"],"tnas":[]}`,
		`[{"id":"b","callHandling":{"busyFailoverAction":{"@type":"X"}}}]`,
		`{"@type":7}`, `null`, `[null]`, `"x"`,
	} {
		f.Add(200, []byte(s))
	}
	fuzzSeeds(f, 200)
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		if status != 200 && status != 201 {
			status = 200
		}
		c := fuzzClient(t, fuzzFixed(status, body))
		ctx := context.Background()
		check := func(what string, v any, err error) {
			fuzzCheckErr(t, what, err)
			if err != nil {
				return
			}
			b, err := encodeBody(v)
			if err != nil {
				t.Fatalf("%s: what decoded does not encode: %v", what, err)
			}
			if !json.Valid(b) {
				t.Fatalf("%s: encoded %s is not JSON", what, b)
			}
		}
		ch, err := c.BusinessLines.CallHandling(ctx, "A1", "B1")
		check("BusinessLines.CallHandling", ch, err)
		if err == nil {
			polyRoundTrip(t, "BusinessLineCallHandling", *ch)
		}
		lines, err := c.BusinessLines.ListExpanded(ctx, "A1")
		check("BusinessLines.ListExpanded", lines, err)
		if err == nil {
			polyRoundTrip(t, "[]BusinessLineExpanded", lines)
		}
		hg, err := c.HuntGroups.Get(ctx, "A1", "H1")
		check("HuntGroups.Get", hg, err)
		if err == nil {
			polyRoundTrip(t, "HuntGroup", *hg)
		}
		fa, err := c.HuntGroups.FailoverAction(ctx, "A1", "H1", FailoverReasonBusy)
		check("HuntGroups.FailoverAction", fa, err)
		if err == nil {
			polyRoundTrip(t, "FailoverAction", *fa)
		}
		ivrs, err := c.IVRs.List(ctx, "A1")
		check("IVRs.List", ivrs, err)
		if err == nil {
			polyRoundTrip(t, "[]IVR", ivrs)
		}
		ivr, err := c.IVRs.Get(ctx, "A1", "I1")
		check("IVRs.Get", ivr, err)
		if err == nil {
			polyRoundTrip(t, "IVR", *ivr)
		}
		g, err := c.Devices.Graph(ctx, "0004f2abcdef", nil)
		check("Devices.Graph", g, err)
		if err == nil {
			polyRoundTrip(t, "DeviceGraph", *g)
		}
	})
}

// polyRoundTrip encodes v, decodes that into a new T and encodes it again:
// the two encodings must be the same bytes. (Comparing the values with
// cmp, as fuzzRoundTrip does, takes minutes on a deeply nested Unknown.)
func polyRoundTrip[T any](t *testing.T, what string, v T) {
	t.Helper()
	b, err := encodeBody(v)
	if err != nil {
		t.Fatalf("%s: marshal: %v", what, err)
	}
	var again T
	if err := json.Unmarshal(b, &again); err != nil {
		t.Fatalf("%s: decode of %s: %v", what, b, err)
	}
	b2, err := encodeBody(again)
	if err != nil {
		t.Fatalf("%s: marshal again: %v", what, err)
	}
	if !bytes.Equal(b, b2) {
		t.Fatalf("%s does not survive a marshal and decode:\n%s\n%s", what, b, b2)
	}
}
