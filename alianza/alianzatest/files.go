package alianzatest

import (
	"bytes"
	"encoding/csv"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"

	"github.com/ispkit/ispkit/internal/fakeserver"
)

// The file routes: the operations that answer a file (CSV reports and
// templates, greetings and voicemail audio, certificates, job input) and
// the multipart/form-data uploads, behind the same login, partition check,
// fault injection and request recording as every other route. Files are
// kept by the canonical path a client downloads them from: an upload
// stores its file where the matching download reads it (a greeting's PUT
// and GET share a path; a device line import is read back from the
// device's /csv; a local prefixes import from /localprefixes/export/csv; an
// IVR prompt from media_2/{id}). A test seeds or reads any of them with
// SetFile and File. A download with nothing stored answers the spec's
// templates for the /v2/ref files, a header-only CSV for the exports, and
// 404 NotFound for audio, certificates and collections.

// File is a file the server serves or was sent.
type File struct {
	// ContentType is sent as the answer's Content-Type (the upload part's,
	// for an uploaded file).
	ContentType string
	// Name, when set, is sent as the Content-Disposition file name (the
	// upload part's file name, for an uploaded file).
	Name string
	// Data is the content.
	Data []byte
}

// kindFile is the kind of the ids of uploaded media, collections and bulk
// jobs.
const kindFile = 'b'

// Message keys of the file routes' refusals.
const (
	// MessageUnsupportedMediaType: an upload that is not multipart/form-data (415).
	MessageUnsupportedMediaType = "UnsupportedMediaType"
	// MessageInvalidMultipart: a multipart body that does not parse (400).
	MessageInvalidMultipart = "InvalidMultipartBody"
	// MessageFileRequired: an upload without its file part, or with an empty one (400).
	MessageFileRequired = "FileRequired"
	// MessageFieldRequired: an upload without a form field the spec requires (400).
	MessageFieldRequired = "FieldRequired"
)

// Templates the /v2/ref file routes answer when nothing is seeded.
var (
	defaultBulkStatusChangeCSV = "accountId,status\n"
	defaultCallingPlanCSV      = "prefix,description,rate\n"
	defaultRoutePlanCSV        = "prefix,description,rate,route\n"
	// DefaultSigningCertificate is the certificate the signing certificate
	// downloads answer when none is seeded (not a real certificate).
	DefaultSigningCertificate = "-----BEGIN CERTIFICATE-----\nYWxpYW56YXRlc3Qgc2lnbmluZyBjZXJ0aWZpY2F0ZQ==\n-----END CERTIFICATE-----\n"
)

// SetFile stores f at path (escaped as a client sends it, without query,
// e.g. "/v2/partition/P/account/A1/voicemailbox/V1/greetings/Personal/media"):
// the download of that path answers it.
func (s *Server) SetFile(path string, f File) error {
	p, err := storePath(path)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.putFile(p, f)
	return nil
}

// File returns the file stored at path (see SetFile), whether seeded or
// uploaded, and whether there is one.
func (s *Server) File(path string) (File, bool) {
	p, err := storePath(path)
	if err != nil {
		return File{}, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.files[p]
	f.Data = bytes.Clone(f.Data)
	return f, ok
}

// SetSIPUsernameTaken makes the SIP username check
// (POST /v2/rpc/specialty-line/validate-sip-username) answer false for
// username: it is in use. Every other username is available.
func (s *Server) SetSIPUsernameTaken(username string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.takenSIP == nil {
		s.takenSIP = map[string]bool{}
	}
	s.takenSIP[username] = true
}

// putFile stores a copy of f at the canonical path p. s.mu must be held.
func (s *Server) putFile(p string, f File) {
	if s.files == nil {
		s.files = map[string]File{}
	}
	f.Data = bytes.Clone(f.Data)
	s.files[p] = f
}

// callPath is the canonical path of the request, without a suffix of n
// segments (0: the path itself).
func callPath(c *call, drop int) string {
	p, err := storePath(fakeserver.TrimPath(c.r.URL.EscapedPath()))
	if err != nil {
		return ""
	}
	for ; drop > 0; drop-- {
		p = parentOf(p)
	}
	return p
}

// fileReply answers f as is, with its name as a Content-Disposition.
func fileReply(f File) reply {
	rep := reply{status: http.StatusOK, raw: f.Data, contentType: f.ContentType}
	if rep.contentType == "" {
		rep.contentType = "application/octet-stream"
	}
	if f.Name != "" {
		rep.header = http.Header{"Content-Disposition": {mime.FormatMediaType("attachment", map[string]string{"filename": f.Name})}}
	}
	return rep
}

// serveFile is a download route: the file stored at the request's path,
// or def when none is (nil: 404 NotFound).
func serveFile(def *File) handler {
	return func(s *Server, c *call) reply {
		if f, ok := s.files[callPath(c, 0)]; ok {
			return fileReply(f)
		}
		if def == nil {
			return fail(http.StatusNotFound, MessageNotFound)
		}
		return fileReply(*def)
	}
}

func csvFile(text string) *File { return &File{ContentType: "text/csv", Data: []byte(text)} }

// upload is a parsed multipart/form-data request: its text fields and its
// file part.
type upload struct {
	fields map[string]string
	file   File
}

// parseUpload reads the multipart body of c and its file part named
// field (required, not empty) and the text fields required. s.mu must be
// held.
func parseUpload(c *call, field string, required ...string) (upload, reply, bool) {
	mt, params, err := mime.ParseMediaType(c.r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		return upload{}, fail(http.StatusUnsupportedMediaType, MessageUnsupportedMediaType), false
	}
	form, err := multipart.NewReader(bytes.NewReader(c.raw), params["boundary"]).ReadForm(maxBodyBytes)
	if err != nil {
		return upload{}, fail(http.StatusBadRequest, MessageInvalidMultipart), false
	}
	defer func() { _ = form.RemoveAll() }()
	u := upload{fields: map[string]string{}}
	for k, v := range form.Value {
		if len(v) > 0 {
			u.fields[k] = v[0]
		}
	}
	for _, k := range required {
		if u.fields[k] == "" {
			return upload{}, fail(http.StatusBadRequest, MessageFieldRequired, k), false
		}
	}
	if field == "" {
		return u, reply{}, true
	}
	fhs := form.File[field]
	if len(fhs) == 0 {
		return upload{}, fail(http.StatusBadRequest, MessageFileRequired, field), false
	}
	f, err := fhs[0].Open()
	if err != nil {
		return upload{}, fail(http.StatusBadRequest, MessageInvalidMultipart), false
	}
	data, err := io.ReadAll(f)
	_ = f.Close()
	if err != nil || len(data) == 0 {
		return upload{}, fail(http.StatusBadRequest, MessageFileRequired, field), false
	}
	u.file = File{ContentType: fhs[0].Header.Get("Content-Type"), Name: fhs[0].Filename, Data: data}
	return u, reply{}, true
}

// importTo is an import route: the file part "file", stored (as text/csv)
// at the request's path with drop segments removed and then suffix
// appended, and answered with status and an empty list of refused lines.
func importTo(drop int, suffix string, status int) handler {
	return func(s *Server, c *call) reply {
		u, rep, ok := parseUpload(c, "file")
		if !ok {
			return rep
		}
		u.file.ContentType = "text/csv"
		s.putFile(callPath(c, drop)+suffix, u.file)
		return answer(status, []struct{}{})
	}
}

// PUT …/greetings/{greetingType}/media: the greeting, kept for the GET of
// the same path; 202 (a user's box) or 200 (a business line's), no body.
func putGreeting(status int) handler {
	return func(s *Server, c *call) reply {
		u, rep, ok := parseUpload(c, "file")
		if !ok {
			return rep
		}
		s.putFile(callPath(c, 0), u.file)
		return reply{status: status}
	}
}

// POST …/account/{accountId}/media_2: an IVR prompt (the file part "file")
// gets an id and is kept at media_2/{id}; a jobUploadKey starts a job.
func (s *Server) uploadMedia(c *call) reply {
	if key := c.r.URL.Query().Get("jobUploadKey"); key != "" {
		return s.startJob(c, "uploadHoldMusic", nil)
	}
	u, rep, ok := parseUpload(c, "file")
	if !ok {
		return rep
	}
	id := s.newID(kindFile)
	p := callPath(c, 0) + "/" + id
	s.putFile(p, u.file)
	return answer(http.StatusOK, map[string]string{"id": id, "url": s.URL + p + "?mediaType=IvrPrompt"})
}

// POST /v2/partition/{partitionId}/callingplanproduct/import: a calling
// plan product with a new id, its definition the uploaded file.
func (s *Server) importCallingPlanProduct(c *call) reply {
	u, rep, ok := parseUpload(c, "file")
	if !ok {
		return rep
	}
	id := s.newID(kindFile)
	u.file.ContentType = "text/csv"
	s.putFile(parentOf(callPath(c, 0))+"/"+id+"/callingplanproductdefinition", u.file)
	return answer(http.StatusOK, map[string]string{"id": id, "name": u.file.Name})
}

// POST /v2/partition/{partitionId}/managementuser/usergroups: the file,
// kept for the GET of the same path, and one message.
func (s *Server) importManagementUserGroups(c *call) reply {
	u, rep, ok := parseUpload(c, "file")
	if !ok {
		return rep
	}
	u.file.ContentType = "text/csv"
	s.putFile(callPath(c, 0), u.file)
	return answer(http.StatusOK, []string{strconv.Itoa(csvRows(u.file.Data)) + " lines imported"})
}

// csvRows counts the records of a CSV file after its header.
func csvRows(b []byte) int {
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil || len(recs) == 0 {
		return 0
	}
	return len(recs) - 1
}

// POST /v2/bulk-user-operation/collection: a collection with a new id, its
// file kept at collection/{id}/csv.
func (s *Server) createCollection(c *call) reply {
	u, rep, ok := parseUpload(c, "transformObjectsFile", "transformObjectType")
	if !ok {
		return rep
	}
	id := s.newID(kindFile)
	u.file.ContentType = "application/octet-stream"
	s.putFile(callPath(c, 0)+"/"+id+"/csv", u.file)
	return answer(http.StatusOK, map[string]any{"id": id, "ownerId": c.user.id, "size": csvRows(u.file.Data),
		"transformObjectType": u.fields["transformObjectType"], "transformObjects": []any{}})
}

// POST /v2/bulk-user-operation/job: a job with a new id, its file kept as
// the job's input (GET /v2/job/{id}/input).
func (s *Server) createBulkJob(c *call) reply {
	u, rep, ok := parseUpload(c, "transformObjectFile", "transformObjectType", "targetAccountId", "jobTypeId")
	if !ok {
		return rep
	}
	id := s.newID(kindFile)
	u.file.ContentType = "application/octet-stream"
	s.putFile("/v2/job/"+id+"/input", u.file)
	return answer(http.StatusOK, map[string]any{"id": id, "ownerId": c.user.id, "jobTypeId": u.fields["jobTypeId"],
		"targetAccountId": u.fields["targetAccountId"]})
}

// GET /v2/job/{jobId}/input: the input kept for the job (a bulk job's
// file, or one seeded with SetFile), 404 otherwise.
func (s *Server) getJobInput(c *call) reply {
	if f, ok := s.files[callPath(c, 0)]; ok {
		return fileReply(f)
	}
	if _, rep, ok := s.pathJob(c); !ok {
		return rep
	}
	return fail(http.StatusNotFound, MessageNotFound)
}

// PUT /v2/authn/sso-config/…: the configuration's fields answered as an
// SSOConfigResponse; the IdP certificate kept at the request's path
// (File(path) reads it).
func updateSSOConfig(partition bool) handler {
	return func(s *Server, c *call) reply {
		required := []string{"ssoName", "identityProviderSignInUrl", "externalIdAttributeFieldMapping"}
		if partition {
			required = append(required, "userIdAttributeFieldMapping")
		}
		u, rep, ok := parseUpload(c, "identityProviderSigningCertificate", required...)
		if !ok {
			return rep
		}
		s.putFile(callPath(c, 0), u.file)
		out := map[string]any{"ssoName": u.fields["ssoName"], "identityProviderSignInUrl": u.fields["identityProviderSignInUrl"],
			"identityProviderSigningKeyName": u.file.Name, "status": "ACTIVE"}
		if partition {
			out["partitionId"] = c.args[0]
			out["alianzaUserIdFieldMapping"] = u.fields["userIdAttributeFieldMapping"]
			out["identityProviderLogoutUrl"] = u.fields["idpLogoutUrl"]
		} else {
			out["accountId"] = c.args[0]
		}
		return answer(http.StatusOK, out)
	}
}

// POST /v2/rpc/specialty-line/validate-sip-username: "true" (text/plain)
// unless the username is taken (SetSIPUsernameTaken); 400 without one.
func (s *Server) validateSIPUsername(c *call) reply {
	var in struct {
		Username string `json:"username"`
	}
	if rep, ok := decodeBody(c.raw, &in); !ok {
		return rep
	}
	if strings.TrimSpace(in.Username) == "" {
		return fail(http.StatusBadRequest, MessageFieldRequired, "username")
	}
	return reply{status: http.StatusOK, contentType: "text/plain", raw: []byte(strconv.FormatBool(!s.takenSIP[in.Username]))}
}

// GET /v2/partition/{partitionId}/telephonenumber/export: the inventory as
// CSV, synchronously (what the export_2 job outputs).
func (s *Server) exportInventoryCSV(c *call) reply {
	return reply{status: http.StatusOK, raw: s.inventoryCSV(c.args[0]), contentType: "text/csv"}
}

// fileRoutes are the file routes, merged into routeTable by init.
var fileRoutes = []struct {
	pattern string
	methods map[string]handler
}{
	{"v2/ref/account/bulkstatuschange", map[string]handler{http.MethodGet: serveFile(csvFile(defaultBulkStatusChangeCSV))}},
	{"v2/ref/default-callingplan-definition", map[string]handler{http.MethodGet: serveFile(csvFile(defaultCallingPlanCSV))}},
	{"v2/ref/routeplan-definition-template", map[string]handler{http.MethodGet: serveFile(csvFile(defaultRoutePlanCSV))}},
	{"v2/partition/*/account/*/device/*", map[string]handler{http.MethodPost: importTo(0, "/csv", http.StatusCreated)}},
	{"v2/partition/*/account/*/device/*/csv", map[string]handler{http.MethodGet: serveFile(csvFile("LINE_NUMBER,LINE_TYPE,REFERENCE,REFERENCE_NAME\n"))}},
	{"v2/job/*/input", map[string]handler{http.MethodGet: (*Server).getJobInput}},
	{"v2/bulk-user-operation/collection", map[string]handler{http.MethodPost: (*Server).createCollection}},
	{"v2/bulk-user-operation/collection/*/*", map[string]handler{http.MethodGet: serveFile(nil)}},
	{"v2/bulk-user-operation/job", map[string]handler{http.MethodPost: (*Server).createBulkJob}},
	{"v2/partition/*/account/*/business-line/voicemail-box/*/message/*/media", map[string]handler{http.MethodGet: serveFile(nil)}},
	{"v2/partition/*/callingplanproduct/import", map[string]handler{http.MethodPost: (*Server).importCallingPlanProduct}},
	{"v2/partition/*/callingplanproduct/*/callingplanproductdefinition", map[string]handler{
		http.MethodGet:  serveFile(csvFile(defaultCallingPlanCSV)),
		http.MethodPost: importTo(0, "", http.StatusOK),
	}},
	{"v2/partition/*/localprefixes/export/csv", map[string]handler{http.MethodGet: serveFile(csvFile(""))}},
	{"v2/partition/*/localprefixes/import", map[string]handler{http.MethodPost: importTo(1, "/export/csv", http.StatusOK)}},
	{"v2/partition/*/managementuser/usergroups", map[string]handler{
		http.MethodGet:  serveFile(csvFile("username,groups\n")),
		http.MethodPost: (*Server).importManagementUserGroups,
	}},
	{"v2/partition/*/account/*/media_2", map[string]handler{http.MethodPost: (*Server).uploadMedia}},
	{"v2/partition/*/account/*/media_2/*", map[string]handler{http.MethodGet: serveFile(nil)}},
	{"v2/authn/sso-config/accounts/*", map[string]handler{http.MethodPut: updateSSOConfig(false)}},
	{"v2/authn/sso-config/accounts/*/signing-certificate", map[string]handler{http.MethodGet: serveFile(&File{ContentType: "application/octet-stream", Name: "signing-certificate.pem", Data: []byte(DefaultSigningCertificate)})}},
	{"v2/authn/sso-config/partitions/enforced/*", map[string]handler{http.MethodPut: updateSSOConfig(true)}},
	{"v2/authn/sso-config/partitions/enforced/*/signing-certificate", map[string]handler{http.MethodGet: serveFile(&File{ContentType: "application/octet-stream", Name: "signing-certificate.pem", Data: []byte(DefaultSigningCertificate)})}},
	{"v2/rpc/specialty-line/validate-sip-username", map[string]handler{http.MethodPost: (*Server).validateSIPUsername}},
	{"v2/partition/*/telephonenumber/export", map[string]handler{http.MethodGet: (*Server).exportInventoryCSV}},
	{"v2/partition/*/telephonenumber/exportstatussearch", map[string]handler{http.MethodGet: serveFile(csvFile("telephoneNumber,status,eventType,accountId,createdDate,updatedDate\n"))}},
	{"v2/partition/*/account/*/business-line/voicemail-box/*/greetings/*/media", map[string]handler{
		http.MethodGet: serveFile(nil),
		http.MethodPut: putGreeting(http.StatusOK),
	}},
	{"v2/partition/*/account/*/voicemailbox/*/greetings/*/media", map[string]handler{
		http.MethodGet: serveFile(nil),
		http.MethodPut: putGreeting(http.StatusAccepted),
	}},
	{"v2/partition/*/account/*/voicemailbox/*/voicemailmessage/*/content", map[string]handler{http.MethodGet: serveFile(nil)}},
	{"v2/partition/*/account/*/voicemailbox/*/voicemailmessage/*/content_2", map[string]handler{http.MethodGet: serveFile(nil)}},
}

// FileRoutes lists the file routes, as "METHOD /v2/path" with the path
// variables as "*".
func FileRoutes() []string {
	var out []string
	for _, fr := range fileRoutes {
		for m := range fr.methods {
			out = append(out, m+" /"+fr.pattern)
		}
	}
	return out
}

func init() {
	for _, fr := range fileRoutes {
		merged := false
		for i := range routeTable {
			if routeTable[i].pattern == fr.pattern {
				for m, h := range fr.methods {
					routeTable[i].rt.methods[m] = h
				}
				merged = true
				break
			}
		}
		if !merged {
			methods := make(map[string]handler, len(fr.methods))
			for m, h := range fr.methods {
				methods[m] = h
			}
			routeTable = append(routeTable, struct {
				pattern string
				rt      route
			}{fr.pattern, route{partitioned: strings.HasPrefix(fr.pattern, "v2/partition/*"), methods: methods}})
		}
	}
}
