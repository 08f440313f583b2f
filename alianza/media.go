package alianza

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
)

// Audio and media files: voicemail greetings (users' and business lines'),
// voicemail messages, and the account's IVR prompts and hold music. The
// downloads and uploads go through the shared paths of files.go.

// Greeting types of the greeting calls (the spec's greetingType).
const (
	GreetingPersonal         = "Personal"
	GreetingPersonalNoAnswer = "PersonalNoAnswer"
	GreetingPersonalBusy     = "PersonalBusy"
	GreetingPersonalName     = "PersonalName"
	GreetingPrimaryGreeting  = "PrimaryGreeting"
)

// greetingField is the spec's form field of a greeting upload.
const greetingField = "file"

// Greeting downloads the greeting of type greetingType (GreetingPersonal …)
// of a user's voicemail box (the spec's "Retrieve User Greeting media file
// by specified greeting type", GET
// /v2/partition/{partitionId}/account/{accountId}/voicemailbox/{voicemailBoxId}/greetings/{greetingType}/media).
// An empty id, or one that cannot be a path segment, is refused before
// anything is sent (ErrInvalidInput).
func (s *VoicemailBoxesService) Greeting(ctx context.Context, accountID, voicemailBoxID, greetingType string) (*File, error) {
	const op = "VoicemailBoxes.Greeting"
	if err := checkIDs(op, "accountID", accountID, "voicemailBoxID", voicemailBoxID, "greetingType", greetingType); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	return s.c.download(ctx, call{op: op, method: http.MethodGet,
		path: partitionPath(p, "account", accountID, "voicemailbox", voicemailBoxID, "greetings", greetingType, "media")})
}

// UploadGreeting uploads audio (wav, mp3 or ogg) as the greeting of type
// greetingType of a user's voicemail box (the spec's "Upload User Greeting
// media file", PUT …/voicemailbox/{voicemailBoxId}/greetings/{greetingType}/media,
// multipart/form-data with the file in "file"). Greeting reads it back. An
// upload is sent again only when it never reached the server (see
// files.go). Bad ids and an empty or unnamed file are refused before
// anything is sent (ErrInvalidInput).
func (s *VoicemailBoxesService) UploadGreeting(ctx context.Context, accountID, voicemailBoxID, greetingType string, audio UploadRequest) error {
	const op = "VoicemailBoxes.UploadGreeting"
	if err := checkIDs(op, "accountID", accountID, "voicemailBoxID", voicemailBoxID, "greetingType", greetingType); err != nil {
		return err
	}
	if err := checkUpload(op, "audio", audio); err != nil {
		return err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return err
	}
	_, err = s.c.upload(ctx, call{op: op, method: http.MethodPut,
		path: partitionPath(p, "account", accountID, "voicemailbox", voicemailBoxID, "greetings", greetingType, "media")},
		nil, []formFile{{greetingField, audio}}, nil)
	return err
}

// BusinessLineGreeting downloads the greeting of type greetingType of a
// business line's voicemail box (the spec's "Retrieve Greeting media file",
// GET
// /v2/partition/{partitionId}/account/{accountId}/business-line/voicemail-box/{voicemailBoxId}/greetings/{greetingType}/media).
// Bad ids are refused before anything is sent (ErrInvalidInput).
func (s *VoicemailBoxesService) BusinessLineGreeting(ctx context.Context, accountID, voicemailBoxID, greetingType string) (*File, error) {
	const op = "VoicemailBoxes.BusinessLineGreeting"
	if err := checkIDs(op, "accountID", accountID, "voicemailBoxID", voicemailBoxID, "greetingType", greetingType); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	return s.c.download(ctx, call{op: op, method: http.MethodGet,
		path: partitionPath(p, "account", accountID, "business-line", "voicemail-box", voicemailBoxID, "greetings", greetingType, "media")})
}

// UploadBusinessLineGreeting uploads audio (wav, mp3 or ogg) as the
// greeting of type greetingType of a business line's voicemail box (the
// spec's "Upload Business-Line Greeting media file", PUT
// …/business-line/voicemail-box/{voicemailBoxId}/greetings/{greetingType}/media,
// multipart/form-data with the file in "file"). BusinessLineGreeting reads
// it back. Bad ids and an empty or unnamed file are refused before
// anything is sent (ErrInvalidInput).
func (s *VoicemailBoxesService) UploadBusinessLineGreeting(ctx context.Context, accountID, voicemailBoxID, greetingType string, audio UploadRequest) error {
	const op = "VoicemailBoxes.UploadBusinessLineGreeting"
	if err := checkIDs(op, "accountID", accountID, "voicemailBoxID", voicemailBoxID, "greetingType", greetingType); err != nil {
		return err
	}
	if err := checkUpload(op, "audio", audio); err != nil {
		return err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return err
	}
	_, err = s.c.upload(ctx, call{op: op, method: http.MethodPut,
		path: partitionPath(p, "account", accountID, "business-line", "voicemail-box", voicemailBoxID, "greetings", greetingType, "media")},
		nil, []formFile{{greetingField, audio}}, nil)
	return err
}

// VoicemailMessagesContentOptions are the optional parameters of
// VoicemailMessages.Content; nil, or a zero field, sends none.
type VoicemailMessagesContentOptions struct {
	// Accept asks for a format: "audio/mpeg" or "audio/wave".
	Accept string
	// FileName is the spec's fileName query parameter.
	FileName string
}

// Content downloads the audio of a voicemail message (the spec's "Get
// contents of a voicemail message", GET
// …/voicemailbox/{voicemailBoxId}/voicemailmessage/{messageId}/content): an
// audio/mpeg or audio/wave File. Bad ids, or an Accept with a control
// character, are refused before anything is sent (ErrInvalidInput).
func (s *VoicemailMessagesService) Content(ctx context.Context, accountID, voicemailBoxID, messageID string, opts *VoicemailMessagesContentOptions) (*File, error) {
	const op = "VoicemailMessages.Content"
	if err := checkIDs(op, "accountID", accountID, "voicemailBoxID", voicemailBoxID, "messageID", messageID); err != nil {
		return nil, err
	}
	q := url.Values{}
	var h http.Header
	if opts != nil {
		if opts.Accept != "" {
			if reason := textProblem(opts.Accept); reason != "" {
				return nil, invalid(op, "opts.Accept", "%q %s", opts.Accept, reason)
			}
			h = http.Header{"Accept": {opts.Accept}}
		}
		if opts.FileName != "" {
			q.Set("fileName", opts.FileName)
		}
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	return s.c.download(ctx, call{op: op, method: http.MethodGet, query: q, header: h,
		path: partitionPath(p, "account", accountID, "voicemailbox", voicemailBoxID, "voicemailmessage", messageID, "content")})
}

// Media downloads the audio of a voicemail message in mediaType, "mp3" or
// "wav" ("": the spec's default, wav) (the spec's "Get contents of
// voicemail message", GET …/voicemailmessage/{messageId}/content_2). The
// server answers with a redirect to the file, which the client follows for
// a GET without sending its token to another host. Bad ids are refused
// before anything is sent (ErrInvalidInput).
func (s *VoicemailMessagesService) Media(ctx context.Context, accountID, voicemailBoxID, messageID, mediaType string) (*File, error) {
	const op = "VoicemailMessages.Media"
	if err := checkIDs(op, "accountID", accountID, "voicemailBoxID", voicemailBoxID, "messageID", messageID); err != nil {
		return nil, err
	}
	q := url.Values{}
	if mediaType != "" {
		q.Set("mediatype", mediaType)
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	return s.c.download(ctx, call{op: op, method: http.MethodGet, query: q,
		path: partitionPath(p, "account", accountID, "voicemailbox", voicemailBoxID, "voicemailmessage", messageID, "content_2")})
}

// VoicemailMessageMedia downloads the audio of a business line's
// voicemail message (the spec's "Retrieve a business line voicemail message
// media", GET
// …/business-line/voicemail-box/{voicemailBoxId}/message/{messageId}/media):
// an audio/mpeg or audio/wave File. Bad ids are refused before anything is
// sent (ErrInvalidInput).
func (s *BusinessLinesService) VoicemailMessageMedia(ctx context.Context, accountID, voicemailBoxID, messageID string) (*File, error) {
	const op = "BusinessLines.VoicemailMessageMedia"
	if err := checkIDs(op, "accountID", accountID, "voicemailBoxID", voicemailBoxID, "messageID", messageID); err != nil {
		return nil, err
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	return s.c.download(ctx, call{op: op, method: http.MethodGet,
		path: partitionPath(p, "account", accountID, "business-line", "voicemail-box", voicemailBoxID, "message", messageID, "media")})
}

// Media types of MediaFiles.Download (the spec's mediaType).
const (
	MediaHoldMusic = "HoldMusic"
	MediaIVRPrompt = "IvrPrompt"
)

// Download downloads a media file of the account, of mediaType
// MediaHoldMusic or MediaIVRPrompt (the spec's "Retrieve Media", GET
// /v2/partition/{partitionId}/account/{accountId}/media_2/{id}). The server
// may answer with a redirect to the file, which the client follows for a
// GET without sending its token to another host. Bad ids and an empty
// mediaType are refused before anything is sent (ErrInvalidInput).
func (s *MediaFilesService) Download(ctx context.Context, accountID, mediaID, mediaType string) (*File, error) {
	const op = "MediaFiles.Download"
	if err := checkIDs(op, "accountID", accountID, "mediaID", mediaID); err != nil {
		return nil, err
	}
	if mediaType == "" {
		return nil, invalid(op, "mediaType", "is empty (MediaHoldMusic or MediaIVRPrompt)")
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	return s.c.download(ctx, call{op: op, method: http.MethodGet, query: url.Values{"mediaType": {mediaType}},
		path: partitionPath(p, "account", accountID, "media_2", mediaID)})
}

// UploadedMedia is the answer to an IVR prompt upload (the spec's MediaX):
// the media's id and a temporary download URL.
type UploadedMedia struct {
	ID  string `json:"id,omitempty"`
	URL string `json:"url,omitempty"`
}

// MediaUploadRequest is what MediaFiles.Upload sends, one of the two: an
// IVR prompt (File, a wav file), or hold music uploaded before to the
// pre-signed URL of Jobs.InputURL, named by the key it gave
// (JobUploadKey).
type MediaUploadRequest struct {
	File         *UploadRequest
	JobUploadKey string
}

// MediaUploadResult is the answer of MediaFiles.Upload: the media of an
// IVR prompt (200), or the job that installs hold music (202; see
// Jobs.Wait).
type MediaUploadResult struct {
	Media *UploadedMedia
	Job   *Job
}

// Upload uploads an IVR prompt or installs hold music (the spec's "Upload
// IVR Prompt or Account Hold Music", POST
// /v2/partition/{partitionId}/account/{accountId}/media_2,
// multipart/form-data with the wav file in "file", or the jobUploadKey
// query parameter). A write: sent again only when it never reached the
// server. Bad ids, neither or both of File and JobUploadKey, and an empty
// or unnamed File are refused before anything is sent (ErrInvalidInput).
func (s *MediaFilesService) Upload(ctx context.Context, accountID string, m MediaUploadRequest) (*MediaUploadResult, error) {
	const op = "MediaFiles.Upload"
	if err := checkID(op, "accountID", accountID); err != nil {
		return nil, err
	}
	if (m.File == nil) == (m.JobUploadKey == "") {
		return nil, invalid(op, "m", "needs one of File and JobUploadKey")
	}
	var files []formFile
	q := url.Values{}
	if m.File != nil {
		if err := checkUpload(op, "m.File", *m.File); err != nil {
			return nil, err
		}
		files = []formFile{{"file", *m.File}}
	} else {
		q.Set("jobUploadKey", m.JobUploadKey)
	}
	p, err := s.c.partitionOf(ctx, op)
	if err != nil {
		return nil, err
	}
	var raw json.RawMessage
	resp, err := s.c.upload(ctx, call{op: op, method: http.MethodPost, query: q,
		path: partitionPath(p, "account", accountID, "media_2")}, nil, files, &raw)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusAccepted {
		job, ok := jobFromJSON(raw)
		if !ok {
			return nil, notA(op, resp, "a job")
		}
		return &MediaUploadResult{Job: job}, nil
	}
	var media UploadedMedia
	if err := decode(op, resp, &media); err != nil {
		return nil, err
	}
	return &MediaUploadResult{Media: &media}, nil
}
