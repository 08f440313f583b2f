package alianza

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// CSV reports, templates and imports, job input and output, the bulk user
// operations' files, SSO certificates, and the one call that answers
// text/plain. The downloads and uploads go through the shared paths of
// files.go; an import's answer lists the refused lines as JobError values
// (the spec's FileImportValidationErrorX has JobError's fields).

// BulkStatusChangeTemplate downloads the default bulk status change
// definition file, CSV (the spec's "Retrieve the default bulkstatuschange
// definition file", GET /v2/ref/account/bulkstatuschange).
func (s *AccountsService) BulkStatusChangeTemplate(ctx context.Context) (*File, error) {
	return s.c.download(ctx, call{op: "Accounts.BulkStatusChangeTemplate", method: http.MethodGet, path: genPath("ref", "account", "bulkstatuschange")})
}

// LinesCSV exports the device lines of the device macAddress as CSV (the
// spec's "CSV export of device lines", GET
// /v2/partition/{partitionId}/account/{accountId}/device/{macAddress}/csv).
// Bad ids are refused before anything is sent (ErrInvalidInput).
func (s *DevicesService) LinesCSV(ctx context.Context, accountID, macAddress string) (*File, error) {
	const op = "Devices.LinesCSV"
	if err := checkIDs(op, "accountID", accountID, "macAddress", macAddress); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	return s.c.download(ctx, call{op: op, method: http.MethodGet, path: partitionPath(p, "account", accountID, "device", macAddress, "csv")})
}

// ImportLines imports the device lines of the device macAddress from a CSV
// file (columns LINE_NUMBER, LINE_TYPE, REFERENCE, REFERENCE_NAME) (the
// spec's "Bulk Import Device Lines", POST
// /v2/partition/{partitionId}/account/{accountId}/device/{macAddress},
// multipart/form-data with the file in "file"), and returns the lines the
// server refused (none when it took all). LinesCSV exports them. A write:
// sent again only when it never reached the server. Bad ids and an empty
// or unnamed file are refused before anything is sent (ErrInvalidInput).
func (s *DevicesService) ImportLines(ctx context.Context, accountID, macAddress string, csv UploadRequest) ([]JobError, error) {
	const op = "Devices.ImportLines"
	if err := checkIDs(op, "accountID", accountID, "macAddress", macAddress); err != nil {
		return nil, err
	}
	return s.c.importFile(ctx, op, csv, func(p string) string { return partitionPath(p, "account", accountID, "device", macAddress) })
}

// importFile uploads csv in the form field "file" with POST to the path
// built from the partition, and returns the refused lines of the answer
// (an array of FileImportValidationErrorX; an empty answer: none).
func (c *Client) importFile(ctx context.Context, op string, csv UploadRequest, path func(partition string) string) ([]JobError, error) {
	if err := checkUpload(op, "csv", csv); err != nil {
		return nil, err
	}
	p, err := c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	resp, err := c.upload(ctx, call{op: op, method: http.MethodPost, path: path(p)}, nil, []formFile{{"file", csv}}, nil)
	if err != nil {
		return nil, err
	}
	var out []JobError
	if len(bytes.TrimSpace(resp.Body)) == 0 {
		return out, nil
	}
	if err := decode(op, resp, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// Input downloads the input file of a job (the spec's "Job Input", GET
// /v2/job/{jobId}/input). A bad id is refused before anything is sent
// (ErrInvalidInput).
func (s *JobsService) Input(ctx context.Context, jobID string) (*File, error) {
	const op = "Jobs.Input"
	if err := checkID(op, "jobID", jobID); err != nil {
		return nil, err
	}
	return s.c.download(ctx, call{op: op, method: http.MethodGet, path: jobPath(jobID) + "/input"})
}

// Output downloads the output of a finished job, e.g. the CSV of an export
// started with Numbers.ExportInventory (the spec's "Job Output", GET
// /v2/job/{jobId}/output); wait for the job with Jobs.Wait first. A bad id
// is refused before anything is sent (ErrInvalidInput).
func (s *JobsService) Output(ctx context.Context, jobID string) (*File, error) {
	const op = "Jobs.Output"
	if err := checkID(op, "jobID", jobID); err != nil {
		return nil, err
	}
	return s.c.download(ctx, call{op: op, method: http.MethodGet, path: jobPath(jobID) + "/output"})
}

// BulkCollectionsService holds the calls of the spec's "Bulk Operation
// Collection" tag that take or give a file (Client.BulkCollections).
type BulkCollectionsService struct{ c *Client }

// BulkCollection is the spec's CollectionDTO: a collection of objects for
// a bulk user operation job.
type BulkCollection struct {
	ID                  string            `json:"id,omitempty"`
	OwnerID             string            `json:"ownerId,omitempty"`
	Size                int               `json:"size,omitempty"`
	TransformObjectType string            `json:"transformObjectType,omitempty"`
	TransformObjects    []json.RawMessage `json:"transformObjects,omitempty"` // free-form objects of the type
	CreatedDateTime     *time.Time        `json:"createdDateTime,omitempty"`
}

// BulkCollectionUploadRequest is what BulkCollections.Create sends.
type BulkCollectionUploadRequest struct {
	// TransformObjectType: CreateUserInput, DeleteUserInput,
	// CreateTelephoneNumberInput or DeleteTelephoneNumberInput. Required.
	TransformObjectType string
	// ColumnTypes and JobTypeID are sent when not empty.
	ColumnTypes string
	JobTypeID   string
	// File holds the objects (sent as "transformObjectsFile"). Required.
	File UploadRequest
}

// Create creates a collection from a file (the spec's "Create new
// collection", POST /v2/bulk-user-operation/collection, multipart/form-data).
// File reads its objects back. A write: sent again only when it never
// reached the server. An empty TransformObjectType and an empty or unnamed
// file are refused before anything is sent (ErrInvalidInput).
func (s *BulkCollectionsService) Create(ctx context.Context, u BulkCollectionUploadRequest) (*BulkCollection, error) {
	const op = "BulkCollections.Create"
	if u.TransformObjectType == "" {
		return nil, invalid(op, "u.TransformObjectType", "is empty")
	}
	if err := checkUpload(op, "u.File", u.File); err != nil {
		return nil, err
	}
	if ctx == nil {
		return nil, invalid(op, "ctx", "is nil")
	}
	var out BulkCollection
	if _, err := s.c.upload(ctx, call{op: op, method: http.MethodPost, path: genPath("bulk-user-operation", "collection")},
		[]formField{{"transformObjectType", u.TransformObjectType}, {"columnTypes", u.ColumnTypes}, {"jobTypeId", u.JobTypeID}},
		[]formFile{{"transformObjectsFile", u.File}}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// File downloads the objects of a collection as extension, "json" or
// "csv" (the spec's "Get collection file", GET
// /v2/bulk-user-operation/collection/{collectionId}/{extension}). Bad ids
// are refused before anything is sent (ErrInvalidInput).
func (s *BulkCollectionsService) File(ctx context.Context, collectionID, extension string) (*File, error) {
	const op = "BulkCollections.File"
	if err := checkIDs(op, "collectionID", collectionID, "extension", extension); err != nil {
		return nil, err
	}
	return s.c.download(ctx, call{op: op, method: http.MethodGet, path: genPath("bulk-user-operation", "collection", collectionID, extension)})
}

// BulkJobUploadRequest is what BulkJobs.CreateFromFile sends (the spec's
// JobFormDTO); every field is required.
type BulkJobUploadRequest struct {
	// TransformObjectType: CreateUserInput, CreateTelephoneNumberInput,
	// DeleteUserInput or DeleteTelephoneNumberInput.
	TransformObjectType string
	// TargetAccountID is the account the data goes into.
	TargetAccountID string
	// JobTypeID: "create users", "create telephone numbers", "delete
	// users" or "delete telephone numbers".
	JobTypeID string
	// File is the data (sent as "transformObjectFile").
	File UploadRequest
}

// CreateFromFile creates a bulk user operation job from a data file (the
// spec's "Create new job", POST /v2/bulk-user-operation/job,
// multipart/form-data). A write: sent again only when it never reached
// the server. A missing field and an empty or unnamed file are refused
// before anything is sent (ErrInvalidInput).
func (s *BulkJobsService) CreateFromFile(ctx context.Context, u BulkJobUploadRequest) (*JobDto, error) {
	const op = "BulkJobs.CreateFromFile"
	switch {
	case u.TransformObjectType == "":
		return nil, invalid(op, "u.TransformObjectType", "is empty")
	case u.JobTypeID == "":
		return nil, invalid(op, "u.JobTypeID", "is empty")
	}
	if err := checkID(op, "u.TargetAccountID", u.TargetAccountID); err != nil {
		return nil, err
	}
	if err := checkUpload(op, "u.File", u.File); err != nil {
		return nil, err
	}
	if ctx == nil {
		return nil, invalid(op, "ctx", "is nil")
	}
	var out JobDto
	if _, err := s.c.upload(ctx, call{op: op, method: http.MethodPost, path: genPath("bulk-user-operation", "job")},
		[]formField{{"transformObjectType", u.TransformObjectType}, {"targetAccountId", u.TargetAccountID}, {"jobTypeId", u.JobTypeID}},
		[]formFile{{"transformObjectFile", u.File}}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// DefaultDefinition downloads the default calling plan definition file,
// CSV (the spec's "Retrieve the default calling plan definition file", GET
// /v2/ref/default-callingplan-definition).
func (s *CallingPlansService) DefaultDefinition(ctx context.Context) (*File, error) {
	return s.c.download(ctx, call{op: "CallingPlans.DefaultDefinition", method: http.MethodGet, path: genPath("ref", "default-callingplan-definition")})
}

// Import creates a calling plan product from a file (the spec's "Import
// calling plan product", POST
// /v2/partition/{partitionId}/callingplanproduct/import,
// multipart/form-data with the file in "file"). A write: sent again only
// when it never reached the server. An empty or unnamed file is refused
// before anything is sent (ErrInvalidInput).
func (s *CallingPlanProductsService) Import(ctx context.Context, file UploadRequest) (*CallingPlanProductModel, error) {
	const op = "CallingPlanProducts.Import"
	if err := checkUpload(op, "file", file); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out CallingPlanProductModel
	if _, err := s.c.upload(ctx, call{op: op, method: http.MethodPost, path: partitionPath(p, "callingplanproduct", "import")},
		nil, []formFile{{"file", file}}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Definition downloads the calling plan definition (its rates) of a
// calling plan product, CSV (the spec's "Retrieve the calling plan
// definition", GET
// /v2/partition/{partitionId}/callingplanproduct/{cppId}/callingplanproductdefinition).
// A bad id is refused before anything is sent (ErrInvalidInput).
func (s *CallingPlanProductsService) Definition(ctx context.Context, cppID string) (*File, error) {
	const op = "CallingPlanProducts.Definition"
	if err := checkID(op, "cppID", cppID); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	return s.c.download(ctx, call{op: op, method: http.MethodGet, path: partitionPath(p, "callingplanproduct", cppID, "callingplanproductdefinition")})
}

// AddRates adds the rates of a CSV file to a calling plan product (the
// spec's "Add calling plan rates", POST
// …/callingplanproduct/{cppId}/callingplanproductdefinition,
// multipart/form-data with the file in "file"), and returns the lines the
// server refused. Definition reads the rates back. A write: sent again
// only when it never reached the server. A bad id and an empty or unnamed
// file are refused before anything is sent (ErrInvalidInput).
func (s *CallingPlanProductsService) AddRates(ctx context.Context, cppID string, csv UploadRequest) ([]JobError, error) {
	const op = "CallingPlanProducts.AddRates"
	if err := checkID(op, "cppID", cppID); err != nil {
		return nil, err
	}
	return s.c.importFile(ctx, op, csv, func(p string) string {
		return partitionPath(p, "callingplanproduct", cppID, "callingplanproductdefinition")
	})
}

// LocalCallingAreasService holds the calls of the spec's "Local Calling
// Areas" tag (Client.LocalCallingAreas): the partition's local calling
// area prefixes, exported and imported as CSV.
type LocalCallingAreasService struct{ c *Client }

// ExportCSV downloads the partition's local calling area prefixes, CSV
// (the spec's "Retrieve list of local calling areas prefixes", GET
// /v2/partition/{partitionId}/localprefixes/export/csv).
func (s *LocalCallingAreasService) ExportCSV(ctx context.Context) (*File, error) {
	const op = "LocalCallingAreas.ExportCSV"
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	return s.c.download(ctx, call{op: op, method: http.MethodGet, path: partitionPath(p, "localprefixes", "export", "csv")})
}

// Import imports the partition's local calling area prefixes from a CSV
// file (lines such as "801,801|485|901") (the spec's "Import local calling
// areas prefixes", POST /v2/partition/{partitionId}/localprefixes/import,
// multipart/form-data with the file in "file"), and returns the lines the
// server refused. ExportCSV reads them back. A write: sent again only when
// it never reached the server. An empty or unnamed file is refused before
// anything is sent (ErrInvalidInput).
func (s *LocalCallingAreasService) Import(ctx context.Context, csv UploadRequest) ([]JobError, error) {
	return s.c.importFile(ctx, "LocalCallingAreas.Import", csv, func(p string) string { return partitionPath(p, "localprefixes", "import") })
}

// GroupsCSV downloads the partition's management users and their groups,
// CSV (the spec's "Retrieve list of management user groups", GET
// /v2/partition/{partitionId}/managementuser/usergroups).
func (s *ManagementUsersService) GroupsCSV(ctx context.Context) (*File, error) {
	const op = "ManagementUsers.GroupsCSV"
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	return s.c.download(ctx, call{op: op, method: http.MethodGet, path: partitionPath(p, "managementuser", "usergroups")})
}

// ImportGroups creates or updates management users and their security
// roles from a CSV file in the format GroupsCSV gives (the spec's "Update
// management users and roles", POST
// /v2/partition/{partitionId}/managementuser/usergroups,
// multipart/form-data with the file in "file"), and returns the server's
// messages. A 400 answer lists the refused lines in Error.Body. A write:
// sent again only when it never reached the server. An empty or unnamed
// file is refused before anything is sent (ErrInvalidInput).
func (s *ManagementUsersService) ImportGroups(ctx context.Context, csv UploadRequest) ([]string, error) {
	const op = "ManagementUsers.ImportGroups"
	if err := checkUpload(op, "csv", csv); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var out []string
	if _, err := s.c.upload(ctx, call{op: op, method: http.MethodPost, path: partitionPath(p, "managementuser", "usergroups")},
		nil, []formFile{{"file", csv}}, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// RoutePlanTemplate downloads the default rates of a route plan, CSV (the
// spec's "RoutePlan default template", GET
// /v2/ref/routeplan-definition-template).
func (s *ReferenceDataService) RoutePlanTemplate(ctx context.Context) (*File, error) {
	return s.c.download(ctx, call{op: "ReferenceData.RoutePlanTemplate", method: http.MethodGet, path: genPath("ref", "routeplan-definition-template")})
}

// ValidateSIPUsername reports whether a SIP username is available for a
// specialty line (the spec's "Validate a SIP username", POST
// /v2/rpc/specialty-line/validate-sip-username, answered "true" or
// "false" as text/plain). Any other answer is ErrBadResponse. An empty
// username is refused before anything is sent (ErrInvalidInput).
func (s *SpecialtyLinesService) ValidateSIPUsername(ctx context.Context, username string) (bool, error) {
	const op = "SpecialtyLines.ValidateSIPUsername"
	if username == "" {
		return false, invalid(op, "username", "is empty")
	}
	// A POST, sent again only when it never left, as every POST of the
	// package but the login.
	resp, err := s.c.send(ctx, call{op: op, method: http.MethodPost, path: genPath("rpc", "specialty-line", "validate-sip-username"),
		body: struct {
			Username string `json:"username"`
		}{username}}, nil)
	if err != nil {
		return false, err
	}
	ok, perr := strconv.ParseBool(string(bytes.TrimSpace(resp.Body)))
	if perr != nil {
		return false, notA(op, resp, `"true" or "false"`)
	}
	return ok, nil
}

// ExportInventoryCSV exports the partition's telephone number inventory
// (subpartitions' included, assigned numbers not) as CSV, synchronously
// (the spec's "Export the partition's telephone number inventory as csv,
// synchronously", GET /v2/partition/{partitionId}/telephonenumber/export).
// For a large inventory use ExportInventory, a job, and Jobs.Output.
func (s *NumbersService) ExportInventoryCSV(ctx context.Context) (*File, error) {
	const op = "Numbers.ExportInventoryCSV"
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	return s.c.download(ctx, call{op: op, method: http.MethodGet, path: partitionPath(p, "telephonenumber", "export")})
}

// ExportStatusSearchCSV exports the telephone number status search as CSV,
// synchronously (the spec's "Export as CSV telephone number status
// search", GET /v2/partition/{partitionId}/telephonenumber/exportstatussearch),
// with the query parameters of ExportStatusSearch, its job version.
func (s *NumbersService) ExportStatusSearchCSV(ctx context.Context, opts *NumbersExportStatusSearchOptions) (*File, error) {
	const op = "Numbers.ExportStatusSearchCSV"
	q := url.Values{}
	if opts != nil {
		set := func(k, v string) {
			if v != "" {
				q.Set(k, v)
			}
		}
		set("accountId", opts.AccountID)
		set("dateType", string(opts.DateType))
		set("endDate", opts.EndDate)
		set("startDate", opts.StartDate)
		set("telephoneNumber", opts.TelephoneNumber)
		for _, v := range opts.EventType {
			q.Add("eventType", v)
		}
		for _, v := range opts.StatusType {
			q.Add("statusType", v)
		}
		if opts.IncludeSubTns != nil {
			q.Set("includeSubTns", strconv.FormatBool(*opts.IncludeSubTns))
		}
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	return s.c.download(ctx, call{op: op, method: http.MethodGet, path: partitionPath(p, "telephonenumber", "exportstatussearch"), query: q})
}
