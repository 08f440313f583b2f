package alianza_test

import (
	"context"
	"slices"
	"testing"

	"github.com/ispkit/ispkit/alianza"
	"github.com/ispkit/ispkit/internal/conformance"
)

// The hand-written operations of the polymorphic models (callhandling.go,
// huntgroups.go, ivr.go, devicegraph.go) through the hostile-server matrix.
// They take the same call/do/send path as every other call, so, as for the
// generated and file operations, two representatives run the whole matrix
// in TestConformance (a create with a union in its body, and a read whose
// answer is decoded by a union's UnmarshalJSON), and the others the reduced
// one (TestConformancePolymorphic).

var confPolyRepresentatives = []string{"HuntGroups.Create", "IVRs.Get"}

func confPolyOps() []conformance.Op {
	hg := alianza.HuntGroupRequest{Name: "h", HuntingConfiguration: &alianza.HuntingConfiguration{
		Simultaneous: &alianza.SimultaneousHunting{RingTimeoutSeconds: 20, Members: []string{"BL1"}}}}
	ch := alianza.BusinessLineCallHandlingRequest{ActiveCallHandling: alianza.ActiveCallHandlingRingLine,
		BusyFailoverAction:       &alianza.RingFailoverAction{Voicemail: &alianza.VoicemailRingFailoverAction{}},
		RingTimeoutConfiguration: &alianza.RingTimeoutConfiguration{Unlimited: &alianza.UnlimitedRingTimeout{}}}
	fa := alianza.FailoverActionRequest{Reason: alianza.FailoverReasonBusy, Forward: &alianza.ForwardFailoverAction{ForwardToPhoneNumber: "18015551212"}}
	ivr := alianza.IVRRequest{Name: "i", IVRComponents: []alianza.IVRComponent{{ID: "c1", Hangup: &alianza.IVRHangupComponent{}}}}
	return []conformance.Op{
		confOp("HuntGroups.Create", func(ctx context.Context, c *alianza.Client) error { return second(c.HuntGroups.Create(ctx, "A1", hg)) }),
		confOp("HuntGroups.List", func(ctx context.Context, c *alianza.Client) error { return second(c.HuntGroups.List(ctx, "A1")) }),
		confOp("HuntGroups.Get", func(ctx context.Context, c *alianza.Client) error { return second(c.HuntGroups.Get(ctx, "A1", "H1")) }),
		confOp("HuntGroups.Update", func(ctx context.Context, c *alianza.Client) error {
			return second(c.HuntGroups.Update(ctx, "A1", "H1", hg))
		}),
		confOp("HuntGroups.FailoverAction", func(ctx context.Context, c *alianza.Client) error {
			return second(c.HuntGroups.FailoverAction(ctx, "A1", "H1", alianza.FailoverReasonBusy))
		}),
		confOp("HuntGroups.UpdateFailoverAction", func(ctx context.Context, c *alianza.Client) error {
			return second(c.HuntGroups.UpdateFailoverAction(ctx, "A1", "H1", alianza.FailoverReasonBusy, fa))
		}),
		confOp("BusinessLines.CallHandling", func(ctx context.Context, c *alianza.Client) error {
			return second(c.BusinessLines.CallHandling(ctx, "A1", "BL1"))
		}),
		confOp("BusinessLines.UpdateCallHandling", func(ctx context.Context, c *alianza.Client) error {
			return second(c.BusinessLines.UpdateCallHandling(ctx, "A1", "BL1", ch))
		}),
		confOp("BusinessLines.ListExpanded", func(ctx context.Context, c *alianza.Client) error {
			return second(c.BusinessLines.ListExpanded(ctx, "A1"))
		}),
		confOp("BusinessLines.GetExpanded", func(ctx context.Context, c *alianza.Client) error {
			return second(c.BusinessLines.GetExpanded(ctx, "A1", "BL1"))
		}),
		confOp("IVRs.List", func(ctx context.Context, c *alianza.Client) error { return second(c.IVRs.List(ctx, "A1")) }),
		confOp("IVRs.Create", func(ctx context.Context, c *alianza.Client) error { return second(c.IVRs.Create(ctx, "A1", ivr)) }),
		confOp("IVRs.Get", func(ctx context.Context, c *alianza.Client) error { return second(c.IVRs.Get(ctx, "A1", "I1")) }),
		confOp("IVRs.Update", func(ctx context.Context, c *alianza.Client) error { return second(c.IVRs.Update(ctx, "A1", "I1", ivr)) }),
		confOp("Devices.Graph", func(ctx context.Context, c *alianza.Client) error {
			return second(c.Devices.Graph(ctx, "0004f2abcdef", nil))
		}),
	}
}

// confPoly returns the polymorphic Ops: the representatives when rep is
// true, the others when false.
func confPoly(rep bool) []conformance.Op {
	var out []conformance.Op
	for _, op := range confPolyOps() {
		if slices.Contains(confPolyRepresentatives, op.Name) == rep {
			out = append(out, op)
		}
	}
	return out
}

// TestConformancePolymorphic runs the polymorphic operations other than
// the representatives through the reduced matrix (see
// confReducedScenarios).
func TestConformancePolymorphic(t *testing.T) {
	a := confAdapter()
	a.Ops = confPoly(false)
	a.Scenarios = confReducedScenarios
	if len(a.Ops)+len(confPolyRepresentatives) != len(confPolyOps()) {
		t.Fatalf("a representative is not among the polymorphic ops")
	}
	conformance.Run(t, a)
}
