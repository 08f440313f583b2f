package alianza_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/ispkit/ispkit/alianza"
	"github.com/ispkit/ispkit/internal/conformance"
)

// The file operations (files.go) through the hostile-server matrix: they
// share two paths, a download and a multipart upload, so one download
// (VoicemailBoxes.Greeting) and one upload (Devices.ImportLines, a POST)
// run the whole matrix in TestConformance (confFileRepresentatives), and
// the others the reduced one (TestConformanceFiles), as the generated
// operations do.

var confUpload = alianza.UploadRequest{Name: "conf.csv", ContentType: "text/csv", Data: []byte("a,b\n1,2\n")}

// confFileRepresentatives are the file operations that run the full matrix.
var confFileRepresentatives = []string{"VoicemailBoxes.Greeting", "Devices.ImportLines"}

func confFileOps() []conformance.Op {
	up := confUpload
	sso := alianza.SSOConfigUploadRequest{SSOName: "s", IdentityProviderSignInURL: "https://idp.example/", ExternalIDAttributeFieldMapping: "x",
		UserIDAttributeFieldMapping: "u", Certificate: up}
	return []conformance.Op{
		confOp("VoicemailBoxes.Greeting", func(ctx context.Context, c *alianza.Client) error {
			return second(c.VoicemailBoxes.Greeting(ctx, "A1", "V1", alianza.GreetingPersonal))
		}),
		confOp("Devices.ImportLines", func(ctx context.Context, c *alianza.Client) error {
			return second(c.Devices.ImportLines(ctx, "A1", "0004f2abcdef", up))
		}),
		confOp("Accounts.BulkStatusChangeTemplate", func(ctx context.Context, c *alianza.Client) error {
			return second(c.Accounts.BulkStatusChangeTemplate(ctx))
		}),
		confOp("Devices.LinesCSV", func(ctx context.Context, c *alianza.Client) error {
			return second(c.Devices.LinesCSV(ctx, "A1", "0004f2abcdef"))
		}),
		confOp("Jobs.Input", func(ctx context.Context, c *alianza.Client) error { return second(c.Jobs.Input(ctx, "J1")) }),
		confOp("Jobs.Output", func(ctx context.Context, c *alianza.Client) error { return second(c.Jobs.Output(ctx, "J1")) }),
		confOp("BulkCollections.Create", func(ctx context.Context, c *alianza.Client) error {
			return second(c.BulkCollections.Create(ctx, alianza.BulkCollectionUploadRequest{TransformObjectType: "CreateUserInput", File: up}))
		}),
		confOp("BulkCollections.File", func(ctx context.Context, c *alianza.Client) error {
			return second(c.BulkCollections.File(ctx, "C1", "csv"))
		}),
		confOp("BulkJobs.CreateFromFile", func(ctx context.Context, c *alianza.Client) error {
			return second(c.BulkJobs.CreateFromFile(ctx, alianza.BulkJobUploadRequest{TransformObjectType: "CreateUserInput", TargetAccountID: "A1", JobTypeID: "create users", File: up}))
		}),
		confOp("BusinessLines.VoicemailMessageMedia", func(ctx context.Context, c *alianza.Client) error {
			return second(c.BusinessLines.VoicemailMessageMedia(ctx, "A1", "V1", "M1"))
		}),
		confOp("CallingPlans.DefaultDefinition", func(ctx context.Context, c *alianza.Client) error {
			return second(c.CallingPlans.DefaultDefinition(ctx))
		}),
		confOp("CallingPlanProducts.Import", func(ctx context.Context, c *alianza.Client) error {
			return second(c.CallingPlanProducts.Import(ctx, up))
		}),
		confOp("CallingPlanProducts.Definition", func(ctx context.Context, c *alianza.Client) error {
			return second(c.CallingPlanProducts.Definition(ctx, "CPP1"))
		}),
		confOp("CallingPlanProducts.AddRates", func(ctx context.Context, c *alianza.Client) error {
			return second(c.CallingPlanProducts.AddRates(ctx, "CPP1", up))
		}),
		confOp("LocalCallingAreas.ExportCSV", func(ctx context.Context, c *alianza.Client) error {
			return second(c.LocalCallingAreas.ExportCSV(ctx))
		}),
		confOp("LocalCallingAreas.Import", func(ctx context.Context, c *alianza.Client) error {
			return second(c.LocalCallingAreas.Import(ctx, up))
		}),
		confOp("ManagementUsers.GroupsCSV", func(ctx context.Context, c *alianza.Client) error {
			return second(c.ManagementUsers.GroupsCSV(ctx))
		}),
		confOp("ManagementUsers.ImportGroups", func(ctx context.Context, c *alianza.Client) error {
			return second(c.ManagementUsers.ImportGroups(ctx, up))
		}),
		confOp("MediaFiles.Upload", func(ctx context.Context, c *alianza.Client) error {
			return second(c.MediaFiles.Upload(ctx, "A1", alianza.MediaUploadRequest{File: &up}))
		}),
		confOp("MediaFiles.Download", func(ctx context.Context, c *alianza.Client) error {
			return second(c.MediaFiles.Download(ctx, "A1", "M1", alianza.MediaIVRPrompt))
		}),
		confOp("ReferenceData.RoutePlanTemplate", func(ctx context.Context, c *alianza.Client) error {
			return second(c.ReferenceData.RoutePlanTemplate(ctx))
		}),
		confOp("SSOConfigurations.UpdateForAccount", func(ctx context.Context, c *alianza.Client) error {
			return second(c.SSOConfigurations.UpdateForAccount(ctx, "A1", sso))
		}),
		confOp("SSOConfigurations.AccountSigningCertificate", func(ctx context.Context, c *alianza.Client) error {
			return second(c.SSOConfigurations.AccountSigningCertificate(ctx, "A1", "pem"))
		}),
		confOp("SSOConfigurations.UpdateForPartition", func(ctx context.Context, c *alianza.Client) error {
			return second(c.SSOConfigurations.UpdateForPartition(ctx, "P1", sso))
		}),
		confOp("SSOConfigurations.PartitionSigningCertificate", func(ctx context.Context, c *alianza.Client) error {
			return second(c.SSOConfigurations.PartitionSigningCertificate(ctx, "P1", "pem"))
		}),
		confOp("SpecialtyLines.ValidateSIPUsername", func(ctx context.Context, c *alianza.Client) error {
			return second(c.SpecialtyLines.ValidateSIPUsername(ctx, "line1"))
		}),
		confOp("Numbers.ExportInventoryCSV", func(ctx context.Context, c *alianza.Client) error {
			return second(c.Numbers.ExportInventoryCSV(ctx))
		}),
		confOp("Numbers.ExportStatusSearchCSV", func(ctx context.Context, c *alianza.Client) error {
			return second(c.Numbers.ExportStatusSearchCSV(ctx, &alianza.NumbersExportStatusSearchOptions{AccountID: "A1"}))
		}),
		confOp("VoicemailBoxes.BusinessLineGreeting", func(ctx context.Context, c *alianza.Client) error {
			return second(c.VoicemailBoxes.BusinessLineGreeting(ctx, "A1", "V1", alianza.GreetingPersonal))
		}),
		confOp("VoicemailBoxes.UploadBusinessLineGreeting", func(ctx context.Context, c *alianza.Client) error {
			return c.VoicemailBoxes.UploadBusinessLineGreeting(ctx, "A1", "V1", alianza.GreetingPersonal, up)
		}),
		confOp("VoicemailBoxes.UploadGreeting", func(ctx context.Context, c *alianza.Client) error {
			return c.VoicemailBoxes.UploadGreeting(ctx, "A1", "V1", alianza.GreetingPersonal, up)
		}),
		confOp("VoicemailMessages.Content", func(ctx context.Context, c *alianza.Client) error {
			return second(c.VoicemailMessages.Content(ctx, "A1", "V1", "M1", &alianza.VoicemailMessagesContentOptions{Accept: "audio/wave"}))
		}),
		confOp("VoicemailMessages.Media", func(ctx context.Context, c *alianza.Client) error {
			return second(c.VoicemailMessages.Media(ctx, "A1", "V1", "M1", "mp3"))
		}),
	}
}

// confFiles returns the file Ops: the representatives when rep is true,
// the others when false.
func confFiles(rep bool) []conformance.Op {
	var out []conformance.Op
	for _, op := range confFileOps() {
		if slices.Contains(confFileRepresentatives, op.Name) == rep {
			out = append(out, op)
		}
	}
	return out
}

// TestConformanceFiles runs the file operations other than the
// representatives through the reduced matrix (see confReducedScenarios).
func TestConformanceFiles(t *testing.T) {
	a := confAdapter()
	a.Ops = confFiles(false)
	a.Scenarios = confReducedScenarios
	if len(a.Ops)+len(confFileRepresentatives) != len(confFileOps()) {
		t.Fatalf("a representative is not among the file ops")
	}
	conformance.Run(t, a)
}

// isUpload reports whether a request is a multipart upload: a write, never
// to arrive twice, whatever its method.
func isUpload(contentType string) bool {
	return strings.HasPrefix(strings.ToLower(contentType), "multipart/form-data")
}
