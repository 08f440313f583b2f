package alianza_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ispkit/ispkit/alianza"
	"github.com/ispkit/ispkit/alianza/alianzatest"
)

// End-to-end tests of the file operations (files.go, media.go,
// csvfiles.go, ssofiles.go) against alianzatest: each typed method, the
// upload read back by its download where the spec pairs them, the content
// type and the bytes checked, and the multipart form the fake parsed.

const fp = "/v2/partition/" + alianzatest.DefaultPartitionID

// wantFile checks a downloaded file's media type, bytes and name.
func wantFile(t *testing.T, f *alianza.File, err error, mediaType, data, name string) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	if f.MediaType() != mediaType || string(f.Data) != data || f.Name != name {
		t.Errorf("got %q %q name %q, want %q %q name %q", f.MediaType(), f.Data, f.Name, mediaType, data, name)
	}
}

// seed stores a file in the fake.
func seed(t *testing.T, srv *alianzatest.Server, path, ct, name, data string) {
	t.Helper()
	if err := srv.SetFile(path, alianzatest.File{ContentType: ct, Name: name, Data: []byte(data)}); err != nil {
		t.Fatal(err)
	}
}

// lastUpload parses the multipart body of the last request: its fields
// and the file part's name, content type and data.
func lastUpload(t *testing.T, srv *alianzatest.Server, fileField string) (map[string]string, alianzatest.File) {
	t.Helper()
	reqs := srv.Requests()
	r := reqs[len(reqs)-1]
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		t.Fatalf("%s %s: Content-Type %q", r.Method, r.Path, r.Header.Get("Content-Type"))
	}
	form, err := multipart.NewReader(bytes.NewReader(r.Body), params["boundary"]).ReadForm(1 << 20)
	if err != nil {
		t.Fatal(err)
	}
	fields := map[string]string{}
	for k, v := range form.Value {
		fields[k] = v[0]
	}
	fh := form.File[fileField]
	if len(fh) != 1 {
		t.Fatalf("%d parts %q", len(fh), fileField)
	}
	f, _ := fh[0].Open()
	var b bytes.Buffer
	_, _ = b.ReadFrom(f)
	return fields, alianzatest.File{ContentType: fh[0].Header.Get("Content-Type"), Name: fh[0].Filename, Data: b.Bytes()}
}

var csvUpload = alianza.UploadRequest{Name: "lines.csv", ContentType: "text/csv", Data: []byte("a,b\n1,2\n")}

// fileE2E is the end-to-end test of each file operation, by ledger key,
// with the method the ledger names.
var fileE2E = map[string]struct {
	method string
	run    func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client)
}{
	"GET /v2/ref/account/bulkstatuschange": {"Accounts.BulkStatusChangeTemplate", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		f, err := c.Accounts.BulkStatusChangeTemplate(ctx)
		wantFile(t, f, err, "text/csv", "accountId,status\n", "")
	}},
	"GET /v2/partition/{partitionId}/account/{accountId}/device/{macAddress}/csv": {"Devices.LinesCSV", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		f, err := c.Devices.LinesCSV(ctx, "A 1", "0004f2abcdef")
		wantFile(t, f, err, "text/csv", "LINE_NUMBER,LINE_TYPE,REFERENCE,REFERENCE_NAME\n", "")
	}},
	"POST /v2/partition/{partitionId}/account/{accountId}/device/{macAddress}": {"Devices.ImportLines", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		refused, err := c.Devices.ImportLines(ctx, "A 1", "0004f2abcdef", csvUpload)
		if err != nil || len(refused) != 0 {
			t.Fatal(refused, err)
		}
		_, part := lastUpload(t, srv, "file")
		if part.Name != "lines.csv" || part.ContentType != "text/csv" || string(part.Data) != "a,b\n1,2\n" {
			t.Errorf("sent %+v", part)
		}
		f, err := c.Devices.LinesCSV(ctx, "A 1", "0004f2abcdef")
		wantFile(t, f, err, "text/csv", "a,b\n1,2\n", "lines.csv")
	}},
	"GET /v2/job/{jobId}/input": {"Jobs.Input", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		job, err := c.BulkJobs.CreateFromFile(ctx, alianza.BulkJobUploadRequest{TransformObjectType: "CreateUserInput", TargetAccountID: "A1",
			JobTypeID: "create users", File: alianza.UploadRequest{Name: "users.csv", Data: []byte("name\nann\n")}})
		if err != nil {
			t.Fatal(err)
		}
		f, err := c.Jobs.Input(ctx, job.ID)
		wantFile(t, f, err, "application/octet-stream", "name\nann\n", "users.csv")
		if _, err := c.Jobs.Input(ctx, "no-such-job"); !errors.Is(err, alianza.ErrNotFound) {
			t.Errorf("missing job: %v", err)
		}
	}},
	"GET /v2/job/{jobId}/output": {"Jobs.Output", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		job, err := c.Numbers.ExportInventory(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Jobs.Wait(ctx, job.ID, nil); err != nil {
			t.Fatal(err)
		}
		f, err := c.Jobs.Output(ctx, job.ID)
		if err != nil || f.MediaType() != "text/csv" || !strings.HasPrefix(string(f.Data), "telephoneNumber,") {
			t.Fatalf("%+v %v", f, err)
		}
		sync, err := c.Numbers.ExportInventoryCSV(ctx)
		wantFile(t, sync, err, "text/csv", string(f.Data), "")
	}},
	"POST /v2/bulk-user-operation/collection": {"BulkCollections.Create", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		col, err := c.BulkCollections.Create(ctx, alianza.BulkCollectionUploadRequest{TransformObjectType: "CreateUserInput", JobTypeID: "create users",
			File: alianza.UploadRequest{Name: "users.csv", ContentType: "text/csv", Data: []byte("name\nann\nbob\n")}})
		if err != nil || col.ID == "" || col.Size != 2 || col.TransformObjectType != "CreateUserInput" {
			t.Fatalf("%+v %v", col, err)
		}
		fields, _ := lastUpload(t, srv, "transformObjectsFile")
		if fields["transformObjectType"] != "CreateUserInput" || fields["jobTypeId"] != "create users" {
			t.Errorf("fields %v", fields)
		}
		if _, empty := fields["columnTypes"]; empty {
			t.Error("an empty ColumnTypes was sent")
		}
		f, err := c.BulkCollections.File(ctx, col.ID, "csv")
		wantFile(t, f, err, "application/octet-stream", "name\nann\nbob\n", "users.csv")
	}},
	"GET /v2/bulk-user-operation/collection/{collectionId}/{extension}": {"BulkCollections.File", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		seed(t, srv, "/v2/bulk-user-operation/collection/C1/json", "application/octet-stream", "", `[{"name":"ann"}]`)
		f, err := c.BulkCollections.File(ctx, "C1", "json")
		wantFile(t, f, err, "application/octet-stream", `[{"name":"ann"}]`, "")
		if _, err := c.BulkCollections.File(ctx, "C2", "json"); !errors.Is(err, alianza.ErrNotFound) {
			t.Errorf("missing collection: %v", err)
		}
	}},
	"POST /v2/bulk-user-operation/job": {"BulkJobs.CreateFromFile", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		job, err := c.BulkJobs.CreateFromFile(ctx, alianza.BulkJobUploadRequest{TransformObjectType: "DeleteUserInput", TargetAccountID: "A 1",
			JobTypeID: "delete users", File: alianza.UploadRequest{Name: "del.csv", Data: []byte("id\nU1\n")}})
		if err != nil || job.ID == "" || job.TargetAccountID != "A 1" || job.JobTypeID != "delete users" {
			t.Fatalf("%+v %v", job, err)
		}
		fields, part := lastUpload(t, srv, "transformObjectFile")
		if fields["transformObjectType"] != "DeleteUserInput" || fields["targetAccountId"] != "A 1" || part.ContentType != "application/octet-stream" {
			t.Errorf("sent %v %+v", fields, part)
		}
	}},
	"GET /v2/partition/{partitionId}/account/{accountId}/business-line/voicemail-box/{voicemailBoxId}/message/{messageId}/media": {"BusinessLines.VoicemailMessageMedia", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		seed(t, srv, fp+"/account/A1/business-line/voicemail-box/V1/message/M1/media", "audio/mpeg", "m1.mp3", "ID3\x00mp3")
		f, err := c.BusinessLines.VoicemailMessageMedia(ctx, "A1", "V1", "M1")
		wantFile(t, f, err, "audio/mpeg", "ID3\x00mp3", "m1.mp3")
	}},
	"GET /v2/ref/default-callingplan-definition": {"CallingPlans.DefaultDefinition", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		seed(t, srv, "/v2/ref/default-callingplan-definition", "text/csv", "default.csv", "prefix,rate\n1,0.01\n")
		f, err := c.CallingPlans.DefaultDefinition(ctx)
		wantFile(t, f, err, "text/csv", "prefix,rate\n1,0.01\n", "default.csv")
	}},
	"POST /v2/partition/{partitionId}/callingplanproduct/import": {"CallingPlanProducts.Import", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		cpp, err := c.CallingPlanProducts.Import(ctx, alianza.UploadRequest{Name: "plan.csv", Data: []byte("prefix,rate\n44,0.1\n")})
		if err != nil || cpp.ID == "" {
			t.Fatalf("%+v %v", cpp, err)
		}
		f, err := c.CallingPlanProducts.Definition(ctx, cpp.ID)
		wantFile(t, f, err, "text/csv", "prefix,rate\n44,0.1\n", "plan.csv")
	}},
	"GET /v2/partition/{partitionId}/callingplanproduct/{cppId}/callingplanproductdefinition": {"CallingPlanProducts.Definition", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		f, err := c.CallingPlanProducts.Definition(ctx, "CPP-none")
		wantFile(t, f, err, "text/csv", "prefix,description,rate\n", "")
	}},
	"POST /v2/partition/{partitionId}/callingplanproduct/{cppId}/callingplanproductdefinition": {"CallingPlanProducts.AddRates", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		if refused, err := c.CallingPlanProducts.AddRates(ctx, "CPP1", csvUpload); err != nil || len(refused) != 0 {
			t.Fatal(refused, err)
		}
		f, err := c.CallingPlanProducts.Definition(ctx, "CPP1")
		wantFile(t, f, err, "text/csv", "a,b\n1,2\n", "lines.csv")
	}},
	"GET /v2/partition/{partitionId}/localprefixes/export/csv": {"LocalCallingAreas.ExportCSV", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		f, err := c.LocalCallingAreas.ExportCSV(ctx)
		wantFile(t, f, err, "text/csv", "", "")
	}},
	"POST /v2/partition/{partitionId}/localprefixes/import": {"LocalCallingAreas.Import", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		up := alianza.UploadRequest{Name: "prefixes.csv", Data: []byte("801,801|485|901\n")}
		if refused, err := c.LocalCallingAreas.Import(ctx, up); err != nil || len(refused) != 0 {
			t.Fatal(refused, err)
		}
		f, err := c.LocalCallingAreas.ExportCSV(ctx)
		wantFile(t, f, err, "text/csv", "801,801|485|901\n", "prefixes.csv")
	}},
	"GET /v2/partition/{partitionId}/managementuser/usergroups": {"ManagementUsers.GroupsCSV", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		f, err := c.ManagementUsers.GroupsCSV(ctx)
		wantFile(t, f, err, "text/csv", "username,groups\n", "")
	}},
	"POST /v2/partition/{partitionId}/managementuser/usergroups": {"ManagementUsers.ImportGroups", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		up := alianza.UploadRequest{Name: "groups.csv", Data: []byte("username,groups\nann,admins\nbob,ops\n")}
		msgs, err := c.ManagementUsers.ImportGroups(ctx, up)
		if err != nil || len(msgs) != 1 || msgs[0] != "2 lines imported" {
			t.Fatal(msgs, err)
		}
		f, err := c.ManagementUsers.GroupsCSV(ctx)
		wantFile(t, f, err, "text/csv", string(up.Data), "groups.csv")
	}},
	"POST /v2/partition/{partitionId}/account/{accountId}/media_2": {"MediaFiles.Upload", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		wav := alianza.UploadRequest{Name: "prompt.wav", ContentType: "audio/wave", Data: []byte("RIFF\x00\x01WAVE")}
		res, err := c.MediaFiles.Upload(ctx, "A1", alianza.MediaUploadRequest{File: &wav})
		if err != nil || res.Media == nil || res.Media.ID == "" || res.Job != nil {
			t.Fatalf("%+v %v", res, err)
		}
		f, err := c.MediaFiles.Download(ctx, "A1", res.Media.ID, alianza.MediaIVRPrompt)
		wantFile(t, f, err, "audio/wave", "RIFF\x00\x01WAVE", "prompt.wav")
		res, err = c.MediaFiles.Upload(ctx, "A1", alianza.MediaUploadRequest{JobUploadKey: "K1"})
		if err != nil || res.Job == nil || res.Job.ID == "" || res.Media != nil {
			t.Fatalf("hold music: %+v %v", res, err)
		}
		if r := srv.Requests(); len(r[len(r)-1].Body) != 0 || r[len(r)-1].Header.Get("Content-Type") != "" {
			t.Errorf("hold music sent a body: %q %q", r[len(r)-1].Header.Get("Content-Type"), r[len(r)-1].Body)
		}
		if _, err := c.Jobs.Wait(ctx, res.Job.ID, nil); err != nil {
			t.Fatal(err)
		}
	}},
	"GET /v2/partition/{partitionId}/account/{accountId}/media_2/{id}": {"MediaFiles.Download", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		seed(t, srv, fp+"/account/A1/media_2/HM1", "audio/mpeg", "", "music")
		f, err := c.MediaFiles.Download(ctx, "A1", "HM1", alianza.MediaHoldMusic)
		wantFile(t, f, err, "audio/mpeg", "music", "")
		if r := srv.Requests(); !strings.Contains(r[len(r)-1].Path, "HM1") {
			t.Errorf("path %s", r[len(r)-1].Path)
		}
	}},
	"GET /v2/ref/routeplan-definition-template": {"ReferenceData.RoutePlanTemplate", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		f, err := c.ReferenceData.RoutePlanTemplate(ctx)
		wantFile(t, f, err, "text/csv", "prefix,description,rate,route\n", "")
	}},
	"PUT /v2/authn/sso-config/accounts/{accountId}": {"SSOConfigurations.UpdateForAccount", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		cert := alianza.UploadRequest{Name: "idp.pem", ContentType: "application/x-pem-file", Data: []byte("-----BEGIN CERTIFICATE-----\nX\n")}
		got, err := c.SSOConfigurations.UpdateForAccount(ctx, "A1", alianza.SSOConfigUploadRequest{SSOName: "okta", IdentityProviderSignInURL: "https://idp.example/sso",
			ExternalIDAttributeFieldMapping: "nameId", UserIDAttributeFieldMapping: "not-sent", Certificate: cert})
		if err != nil || got.SSOName != "okta" || got.AccountID != "A1" || got.IdentityProviderSigningKeyName != "idp.pem" {
			t.Fatalf("%+v %v", got, err)
		}
		fields, _ := lastUpload(t, srv, "identityProviderSigningCertificate")
		if _, sent := fields["userIdAttributeFieldMapping"]; sent || fields["identityProviderSignInUrl"] != "https://idp.example/sso" {
			t.Errorf("fields %v", fields)
		}
		kept, ok := srv.File("/v2/authn/sso-config/accounts/A1")
		if !ok || string(kept.Data) != string(cert.Data) || kept.ContentType != "application/x-pem-file" {
			t.Errorf("kept %+v %v", kept, ok)
		}
	}},
	"GET /v2/authn/sso-config/accounts/{accountId}/signing-certificate": {"SSOConfigurations.AccountSigningCertificate", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		f, err := c.SSOConfigurations.AccountSigningCertificate(ctx, "A1", "")
		wantFile(t, f, err, "application/octet-stream", alianzatest.DefaultSigningCertificate, "signing-certificate.pem")
		seed(t, srv, "/v2/authn/sso-config/accounts/A1/signing-certificate", "application/pkix-cert", "sp.cer", "\x30\x82")
		f, err = c.SSOConfigurations.AccountSigningCertificate(ctx, "A1", "cer")
		wantFile(t, f, err, "application/pkix-cert", "\x30\x82", "sp.cer")
		if r := srv.Requests(); !strings.HasSuffix(r[len(r)-1].Path, "signing-certificate") {
			t.Errorf("path %s", r[len(r)-1].Path)
		}
	}},
	"PUT /v2/authn/sso-config/partitions/enforced/{partitionId}": {"SSOConfigurations.UpdateForPartition", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		got, err := c.SSOConfigurations.UpdateForPartition(ctx, alianzatest.DefaultPartitionID, alianza.SSOConfigUploadRequest{SSOName: "okta",
			IdentityProviderSignInURL: "https://idp.example/sso", ExternalIDAttributeFieldMapping: "nameId", UserIDAttributeFieldMapping: "uid",
			IdentityProviderLogoutURL: "https://idp.example/logout", Certificate: alianza.UploadRequest{Name: "idp.cer", Data: []byte{0x30, 0x82}}})
		if err != nil || got.PartitionID != alianzatest.DefaultPartitionID || got.AlianzaUserIDFieldMapping != "uid" || got.IdentityProviderLogoutURL != "https://idp.example/logout" {
			t.Fatalf("%+v %v", got, err)
		}
	}},
	"GET /v2/authn/sso-config/partitions/enforced/{partitionId}/signing-certificate": {"SSOConfigurations.PartitionSigningCertificate", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		f, err := c.SSOConfigurations.PartitionSigningCertificate(ctx, alianzatest.DefaultPartitionID, "pem")
		wantFile(t, f, err, "application/octet-stream", alianzatest.DefaultSigningCertificate, "signing-certificate.pem")
	}},
	"POST /v2/rpc/specialty-line/validate-sip-username": {"SpecialtyLines.ValidateSIPUsername", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		srv.SetSIPUsernameTaken("taken1")
		if ok, err := c.SpecialtyLines.ValidateSIPUsername(ctx, "free1"); err != nil || !ok {
			t.Errorf("free1: %v %v", ok, err)
		}
		if ok, err := c.SpecialtyLines.ValidateSIPUsername(ctx, "taken1"); err != nil || ok {
			t.Errorf("taken1: %v %v", ok, err)
		}
		if r := srv.Requests(); string(r[len(r)-1].Body) != `{"username":"taken1"}` {
			t.Errorf("sent %s", r[len(r)-1].Body)
		}
	}},
	"GET /v2/partition/{partitionId}/telephonenumber/export": {"Numbers.ExportInventoryCSV", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		f, err := c.Numbers.ExportInventoryCSV(ctx)
		if err != nil || f.MediaType() != "text/csv" || !strings.HasPrefix(string(f.Data), "telephoneNumber,rateCenter,") {
			t.Fatalf("%+v %v", f, err)
		}
	}},
	"GET /v2/partition/{partitionId}/telephonenumber/exportstatussearch": {"Numbers.ExportStatusSearchCSV", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, _ *alianza.Client) {
		// A client whose transport keeps the query sent (the fake records
		// paths only).
		var query url.Values
		hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
			if strings.HasSuffix(r.URL.Path, "/exportstatussearch") {
				query = r.URL.Query()
			}
			return http.DefaultTransport.RoundTrip(r)
		})}
		c, err := alianza.New(alianza.Credentials{Username: alianzatest.DefaultUsername, Password: alianza.NewSecret(alianzatest.DefaultPassword)},
			alianza.WithBaseURL(srv.URL), alianza.WithHTTPClient(hc))
		if err != nil {
			t.Fatal(err)
		}
		yes := true
		f, err := c.Numbers.ExportStatusSearchCSV(ctx, &alianza.NumbersExportStatusSearchOptions{AccountID: "A1", StatusType: []string{"PENDING", "FOC"}, IncludeSubTns: &yes})
		if err != nil || f.MediaType() != "text/csv" || !strings.HasPrefix(string(f.Data), "telephoneNumber,") {
			t.Fatalf("%+v %v", f, err)
		}
		want := url.Values{"accountId": {"A1"}, "statusType": {"PENDING", "FOC"}, "includeSubTns": {"true"}}
		if !reflect.DeepEqual(query, want) {
			t.Errorf("query %v, want %v", query, want)
		}
	}},
	"GET /v2/partition/{partitionId}/account/{accountId}/business-line/voicemail-box/{voicemailBoxId}/greetings/{greetingType}/media": {"VoicemailBoxes.BusinessLineGreeting", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		if _, err := c.VoicemailBoxes.BusinessLineGreeting(ctx, "A1", "V1", alianza.GreetingPersonalBusy); !errors.Is(err, alianza.ErrNotFound) {
			t.Errorf("no greeting: %v", err)
		}
		seed(t, srv, fp+"/account/A1/business-line/voicemail-box/V1/greetings/PersonalBusy/media", "audio/ogg", "busy.ogg", "OggS")
		f, err := c.VoicemailBoxes.BusinessLineGreeting(ctx, "A1", "V1", alianza.GreetingPersonalBusy)
		wantFile(t, f, err, "audio/ogg", "OggS", "busy.ogg")
	}},
	"PUT /v2/partition/{partitionId}/account/{accountId}/business-line/voicemail-box/{voicemailBoxId}/greetings/{greetingType}/media": {"VoicemailBoxes.UploadBusinessLineGreeting", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		up := alianza.UploadRequest{Name: "main.mp3", ContentType: "audio/mpeg", Data: []byte("ID3 main")}
		if err := c.VoicemailBoxes.UploadBusinessLineGreeting(ctx, "A 1", "V/1", alianza.GreetingPrimaryGreeting, up); err != nil {
			t.Fatal(err)
		}
		f, err := c.VoicemailBoxes.BusinessLineGreeting(ctx, "A 1", "V/1", alianza.GreetingPrimaryGreeting)
		wantFile(t, f, err, "audio/mpeg", "ID3 main", "main.mp3")
	}},
	"GET /v2/partition/{partitionId}/account/{accountId}/voicemailbox/{voicemailBoxId}/greetings/{greetingType}/media": {"VoicemailBoxes.Greeting", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		seed(t, srv, fp+"/account/A1/voicemailbox/V1/greetings/Personal/media", "audio/wave", "", "RIFF")
		f, err := c.VoicemailBoxes.Greeting(ctx, "A1", "V1", alianza.GreetingPersonal)
		wantFile(t, f, err, "audio/wave", "RIFF", "")
	}},
	"PUT /v2/partition/{partitionId}/account/{accountId}/voicemailbox/{voicemailBoxId}/greetings/{greetingType}/media": {"VoicemailBoxes.UploadGreeting", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		up := alianza.UploadRequest{Name: `my "name".wav`, Data: []byte("RIFF name")}
		if err := c.VoicemailBoxes.UploadGreeting(ctx, "A1", "V1", alianza.GreetingPersonalName, up); err != nil {
			t.Fatal(err)
		}
		_, part := lastUpload(t, srv, "file")
		if part.Name != `my "name".wav` || part.ContentType != "application/octet-stream" {
			t.Errorf("sent %+v", part)
		}
		f, err := c.VoicemailBoxes.Greeting(ctx, "A1", "V1", alianza.GreetingPersonalName)
		wantFile(t, f, err, "application/octet-stream", "RIFF name", `my "name".wav`)
	}},
	"GET /v2/partition/{partitionId}/account/{accountId}/voicemailbox/{voicemailBoxId}/voicemailmessage/{messageId}/content": {"VoicemailMessages.Content", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		seed(t, srv, fp+"/account/A1/voicemailbox/V1/voicemailmessage/M1/content", "audio/wave", "m1.wav", "RIFF m1")
		f, err := c.VoicemailMessages.Content(ctx, "A1", "V1", "M1", &alianza.VoicemailMessagesContentOptions{Accept: "audio/wave", FileName: "m1.wav"})
		wantFile(t, f, err, "audio/wave", "RIFF m1", "m1.wav")
		if r := srv.Requests(); r[len(r)-1].Header.Get("Accept") != "audio/wave" {
			t.Errorf("Accept %q", r[len(r)-1].Header.Get("Accept"))
		}
	}},
	"GET /v2/partition/{partitionId}/account/{accountId}/voicemailbox/{voicemailBoxId}/voicemailmessage/{messageId}/content_2": {"VoicemailMessages.Media", func(ctx context.Context, t *testing.T, srv *alianzatest.Server, c *alianza.Client) {
		seed(t, srv, fp+"/account/A1/voicemailbox/V1/voicemailmessage/M1/content_2", "audio/mpeg", "", "ID3 m1")
		f, err := c.VoicemailMessages.Media(ctx, "A1", "V1", "M1", "mp3")
		wantFile(t, f, err, "audio/mpeg", "ID3 m1", "")
	}},
}

// TestE2EFiles runs every file operation's end-to-end test, each against
// a server of its own, and checks that the ledger marks each hand-written
// with the method the test calls.
func TestE2EFiles(t *testing.T) {
	_, entries := readLedger(t)
	c0, err := alianza.New(alianza.Credentials{Username: "u", Password: alianza.NewSecret("p")})
	if err != nil {
		t.Fatal(err)
	}
	for key, e := range fileE2E {
		if le := entries[key]; le.Status != "handwritten" || le.Method != e.method || !hasMethod(c0, e.method) {
			t.Errorf("%s: the ledger says %s %s; the test calls %s", key, le.Status, le.Method, e.method)
		}
		t.Run(key, func(t *testing.T) {
			t.Parallel()
			srv, c := newE2E(t)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			e.run(ctx, t, srv, c)
		})
	}
	if len(fileE2E) != 33 {
		t.Errorf("%d file operations tested, want 33", len(fileE2E))
	}
}

// A download answers a non-2xx status with the usual *Error, and a name
// in Content-Disposition that is a path is dropped.
func TestFileErrorsAndNames(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	_, err := c.VoicemailBoxes.Greeting(ctx, "A1", "V1", alianza.GreetingPersonal)
	var e *alianza.Error
	if !errors.As(err, &e) || e.HTTPStatus != http.StatusNotFound || !strings.HasPrefix(e.Error(), "alianza: VoicemailBoxes.Greeting") {
		t.Errorf("got %v", err)
	}
	for _, name := range []string{"../etc/passwd", `..\boot.ini`, "..", "a\x01b"} {
		seed(t, srv, fp+"/account/A1/voicemailbox/V1/greetings/Personal/media", "audio/wave", name, "RIFF")
		f, err := c.VoicemailBoxes.Greeting(ctx, "A1", "V1", alianza.GreetingPersonal)
		if err != nil || f.Name != "" {
			t.Errorf("%q: name %q, %v", name, f.Name, err)
		}
	}
	// An expired token: one new login, and the download is answered.
	logins := srv.LoginCount()
	srv.ExpireTokens()
	if _, err := c.VoicemailBoxes.Greeting(ctx, "A1", "V1", alianza.GreetingPersonal); err != nil {
		t.Fatal(err)
	}
	if n := srv.LoginCount() - logins; n != 1 {
		t.Errorf("%d logins after the token expired", n)
	}
	// The response size cap holds for a file as for any answer.
	small, err := alianza.New(alianza.Credentials{Username: alianzatest.DefaultUsername, Password: alianza.NewSecret(alianzatest.DefaultPassword)},
		alianza.WithBaseURL(srv.URL), alianza.WithMaxResponseSize(1024))
	if err != nil {
		t.Fatal(err)
	}
	seed(t, srv, fp+"/account/A1/voicemailbox/V1/greetings/PersonalBusy/media", "audio/wave", "", strings.Repeat("x", 4096))
	if _, err := small.VoicemailBoxes.Greeting(ctx, "A1", "V1", alianza.GreetingPersonalBusy); !errors.Is(err, alianza.ErrBadResponse) {
		t.Errorf("a 4 KiB file under a 1 KiB cap: %v", err)
	}
	if _, err := c.VoicemailBoxes.Greeting(ctx, "A1", "V1", alianza.GreetingPersonalBusy); err != nil {
		t.Errorf("the same file with the default cap: %v", err)
	}
	// An upload refused by the server is an *Error, and not sent twice.
	srv.InjectFault(alianzatest.Fault{Path: "/greetings/Personal/media", Status: http.StatusServiceUnavailable, Times: 1})
	srv.ResetRequests()
	err = c.VoicemailBoxes.UploadGreeting(ctx, "A1", "V1", alianza.GreetingPersonal, alianza.UploadRequest{Name: "g.wav", Data: []byte("RIFF")})
	if !errors.As(err, &e) || e.HTTPStatus != http.StatusServiceUnavailable {
		t.Errorf("got %v", err)
	}
	if n := srv.RequestCount("/greetings/Personal/media"); n != 1 {
		t.Errorf("the upload was sent %d times", n)
	}
	// A download is a read: retried after the same 503.
	srv.InjectFault(alianzatest.Fault{Path: "/greetings/Personal/media", Status: http.StatusServiceUnavailable, Times: 1})
	srv.ResetRequests()
	if _, err := c.VoicemailBoxes.Greeting(ctx, "A1", "V1", alianza.GreetingPersonal); err != nil {
		t.Fatal(err)
	}
	if n := srv.RequestCount("/greetings/Personal/media"); n != 2 {
		t.Errorf("the download was sent %d times", n)
	}
}

// Bad input is refused with a *ValidationError before anything is sent
// (no request reaches the fake, not even the login).
func TestFileInputErrors(t *testing.T) {
	srv, c := newE2E(t)
	ctx := context.Background()
	ok := alianza.UploadRequest{Name: "g.wav", Data: []byte("RIFF")}
	var nilCtx context.Context
	cases := map[string]func() error{
		"nil ctx download": func() error { _, err := c.VoicemailBoxes.Greeting(nilCtx, "A1", "V1", "Personal"); return err },
		"nil ctx upload":   func() error { return c.VoicemailBoxes.UploadGreeting(nilCtx, "A1", "V1", "Personal", ok) },
		"nil ctx ref":      func() error { _, err := c.ReferenceData.RoutePlanTemplate(nilCtx); return err },
		"nil ctx bulk job": func() error {
			_, err := c.BulkJobs.CreateFromFile(nilCtx, alianza.BulkJobUploadRequest{"T", "A1", "J", ok})
			return err
		},
		"nil ctx sso": func() error {
			_, err := c.SSOConfigurations.UpdateForAccount(nilCtx, "A1", alianza.SSOConfigUploadRequest{SSOName: "s", IdentityProviderSignInURL: "u", ExternalIDAttributeFieldMapping: "x", Certificate: ok})
			return err
		},
		"empty account": func() error { _, err := c.VoicemailBoxes.Greeting(ctx, "", "V1", "Personal"); return err },
		"dot-dot box":   func() error { return c.VoicemailBoxes.UploadGreeting(ctx, "A1", "..", "Personal", ok) },
		"control in id": func() error { _, err := c.Devices.LinesCSV(ctx, "A1", "00\n04"); return err },
		"empty job id":  func() error { _, err := c.Jobs.Output(ctx, " "); return err },
		"empty file": func() error {
			return c.VoicemailBoxes.UploadGreeting(ctx, "A1", "V1", "Personal", alianza.UploadRequest{Name: "g.wav"})
		},
		"unnamed file": func() error {
			_, err := c.LocalCallingAreas.Import(ctx, alianza.UploadRequest{Data: []byte("x")})
			return err
		},
		"CR LF in name": func() error {
			_, err := c.Devices.ImportLines(ctx, "A1", "M1", alianza.UploadRequest{Name: "a.csv\r\nX-Evil: 1", Data: []byte("x")})
			return err
		},
		"NUL in name": func() error {
			_, err := c.CallingPlanProducts.Import(ctx, alianza.UploadRequest{Name: "a\x00.csv", Data: []byte("x")})
			return err
		},
		"bad UTF-8 name": func() error {
			_, err := c.ManagementUsers.ImportGroups(ctx, alianza.UploadRequest{Name: "a\xff.csv", Data: []byte("x")})
			return err
		},
		"bad content type": func() error {
			_, err := c.CallingPlanProducts.AddRates(ctx, "C1", alianza.UploadRequest{Name: "a.csv", ContentType: "text/csv\r\nX: 1", Data: []byte("x")})
			return err
		},
		"media neither": func() error { _, err := c.MediaFiles.Upload(ctx, "A1", alianza.MediaUploadRequest{}); return err },
		"media both": func() error {
			_, err := c.MediaFiles.Upload(ctx, "A1", alianza.MediaUploadRequest{File: &ok, JobUploadKey: "K"})
			return err
		},
		"media no type": func() error { _, err := c.MediaFiles.Download(ctx, "A1", "M1", ""); return err },
		"collection type": func() error {
			_, err := c.BulkCollections.Create(ctx, alianza.BulkCollectionUploadRequest{File: ok})
			return err
		},
		"bulk job account": func() error {
			_, err := c.BulkJobs.CreateFromFile(ctx, alianza.BulkJobUploadRequest{"T", "", "J", ok})
			return err
		},
		"sso no cert": func() error {
			_, err := c.SSOConfigurations.UpdateForAccount(ctx, "A1", alianza.SSOConfigUploadRequest{SSOName: "s", IdentityProviderSignInURL: "u", ExternalIDAttributeFieldMapping: "x"})
			return err
		},
		"sso partition uid": func() error {
			_, err := c.SSOConfigurations.UpdateForPartition(ctx, "P1", alianza.SSOConfigUploadRequest{SSOName: "s", IdentityProviderSignInURL: "u", ExternalIDAttributeFieldMapping: "x", Certificate: ok})
			return err
		},
		"empty SIP user": func() error { _, err := c.SpecialtyLines.ValidateSIPUsername(ctx, ""); return err },
		"Accept with LF": func() error {
			_, err := c.VoicemailMessages.Content(ctx, "A1", "V1", "M1", &alianza.VoicemailMessagesContentOptions{Accept: "audio/wave\nX: 1"})
			return err
		},
	}
	for name, f := range cases {
		err := f()
		var ve *alianza.ValidationError
		if !errors.As(err, &ve) || !errors.Is(err, alianza.ErrInvalidInput) {
			t.Errorf("%s: got %v, want a *ValidationError", name, err)
		}
	}
	if n := srv.RequestCount(""); n != 0 {
		t.Errorf("%d requests reached the server", n)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// A greeting uploaded from a file and read back: the upload is a
// multipart form, the download a File with the server's content type and
// file name.
func ExampleVoicemailBoxesService_UploadGreeting() {
	c, stop := exampleClient()
	defer stop()
	ctx := context.Background()

	audio := alianza.UploadRequest{Name: "greeting.wav", ContentType: "audio/wave", Data: []byte("RIFF....WAVE")}
	if err := c.VoicemailBoxes.UploadGreeting(ctx, "A1", "V1", alianza.GreetingPersonal, audio); err != nil {
		log.Fatal(err)
	}
	f, err := c.VoicemailBoxes.Greeting(ctx, "A1", "V1", alianza.GreetingPersonal)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(f.MediaType(), f.Name, len(f.Data), "bytes")

	// Nothing is sent for an empty file.
	err = c.VoicemailBoxes.UploadGreeting(ctx, "A1", "V1", alianza.GreetingPersonal, alianza.UploadRequest{Name: "empty.wav"})
	fmt.Println(err)
	// Output:
	// audio/wave greeting.wav 12 bytes
	// alianza: VoicemailBoxes.UploadGreeting: invalid audio.Data: is empty
}
