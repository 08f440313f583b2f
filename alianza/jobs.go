package alianza

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/ispkit/ispkit/internal/transport"
)

// This file is the asynchronous jobs of the API. Bulk and long operations
// (the _2 and _3 CSV reports, the telephone number export, status search
// export and bulk import, hold music uploads, device inventory imports …)
// answer 202 with a Job, to poll at /v2/job/{jobId} until it is DONE or
// FAILED.

// ErrJobFailed: a job ended with status FAILED ([JobsService.Wait]). The
// *Error's text has the job's first errors; the Job returned with it has
// them all.
var ErrJobFailed = errors.New("alianza: job failed")

// JobStatus is Job.status.
type JobStatus string

// Job statuses of the spec. JobDone and JobFailed are terminal.
const (
	JobPending    JobStatus = "PENDING"
	JobInProgress JobStatus = "IN_PROGRESS"
	JobDone       JobStatus = "DONE"
	JobFailed     JobStatus = "FAILED"
)

// Valid reports whether s is one of the spec's job statuses.
func (s JobStatus) Valid() bool {
	switch s {
	case JobPending, JobInProgress, JobDone, JobFailed:
		return true
	}
	return false
}

// Terminal reports whether a job with status s has ended (JobDone or
// JobFailed).
func (s JobStatus) Terminal() bool { return s == JobDone || s == JobFailed }

// Job is an asynchronous job (the spec's Job). Its output, when it has one,
// is read with Jobs.Output (or its URL with Jobs.OutputURL), its input
// with Jobs.Input.
type Job struct {
	ID          string     `json:"id"`
	Name        string     `json:"name"`
	UserID      string     `json:"userId"`
	Status      JobStatus  `json:"status"`
	Errors      []JobError `json:"errors"`
	InputKey    string     `json:"inputKey"`
	OutputKey   string     `json:"outputKey"`
	Start       *time.Time `json:"start"`
	LastUpdated *time.Time `json:"lastUpdated"`
}

// JobError is one error of a job, e.g. a line of an imported file that was
// refused (the spec's JobError).
type JobError struct {
	Error      string `json:"error"`
	LineNumber int    `json:"lineNumber"`
	Column     string `json:"column"`
	Input      string `json:"input"` // the input line; may hold secrets of an import, never put in error texts
}

// jobKeys are the Job fields other than id and status. Among the answers of
// the spec, only a Job has id, status and any of them.
var jobKeys = []string{"name", "userId", "errors", "inputKey", "outputKey", "start", "lastUpdated"}

// jobFromJSON recognises a Job in an answer. The endpoints that work
// asynchronously answer 202 with a Job ("Use Jobs API to check status");
// some of them answer their result instead when they can (200). c.do does
// not pass the status on, so the body tells them apart: a JSON object with a
// non-empty id, a status of the Job schema's enum, and at least one of the
// Job's other fields (name, userId, errors, inputKey, outputKey, start,
// lastUpdated; a null counts). An Account, say, has an id and may have the
// status PENDING, but none of the others. ok is false for anything else,
// including a Job that does not decode.
func jobFromJSON(body []byte) (job *Job, ok bool) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 || body[0] != '{' {
		return nil, false
	}
	var keys map[string]json.RawMessage
	if json.Unmarshal(body, &keys) != nil {
		return nil, false
	}
	other := false
	for _, k := range jobKeys {
		if _, has := keys[k]; has {
			other = true
			break
		}
	}
	var j Job
	if !other || json.Unmarshal(body, &j) != nil || strings.TrimSpace(j.ID) == "" || !j.Status.Valid() {
		return nil, false
	}
	return &j, true
}

// Default polling intervals of [JobsService.Wait], when neither
// [WaitOptions] nor [WithPollInterval] set them.
const (
	DefaultPollMin = time.Second
	DefaultPollMax = 30 * time.Second
)

// WaitOptions tunes one [JobsService.Wait]. A nil *WaitOptions, or a zero
// field, means the client's default ([WithPollInterval], else
// [DefaultPollMin] and [DefaultPollMax]).
type WaitOptions struct {
	// MinInterval is the first pause between two polls; the pause doubles
	// after every poll, up to MaxInterval.
	MinInterval time.Duration
	// MaxInterval is the longest pause between two polls.
	MaxInterval time.Duration
}

// WithPollInterval sets the client's default pauses of [JobsService.Wait]:
// the first pause is min, doubling after every poll up to max. A zero
// value keeps [DefaultPollMin] or [DefaultPollMax]. A negative value, or a
// max below min when both are set, is refused ([ErrInvalidInput]).
func WithPollInterval(min, max time.Duration) Option {
	return func(s *settings) error {
		if err := checkIntervals("WithPollInterval", "min", "max", min, max); err != nil {
			return err
		}
		s.pollMin, s.pollMax = min, max
		return nil
	}
}

// checkIntervals refuses negative intervals and a max below min when both
// are set.
func checkIntervals(op, minName, maxName string, lo, hi time.Duration) error {
	switch {
	case lo < 0:
		return invalid(op, minName, "is negative (%s)", lo)
	case hi < 0:
		return invalid(op, maxName, "is negative (%s)", hi)
	case lo > 0 && hi > 0 && hi < lo:
		return invalid(op, maxName, "(%s) is shorter than %s (%s)", hi, minName, lo)
	}
	return nil
}

// JobsService is the asynchronous jobs of the API.
type JobsService struct {
	c *Client

	// sleep pauses for d or until ctx ends; nil is a timer (tests record
	// the pauses).
	sleep func(ctx context.Context, d time.Duration) error
}

func jobPath(id string) string { return "/v2/job/" + url.PathEscape(id) }

// Get returns a job (GET /v2/job/{jobId}). An unknown id matches
// ErrNotFound.
func (s *JobsService) Get(ctx context.Context, jobID string) (*Job, error) {
	return s.get(ctx, "Jobs.Get", jobID)
}

func (s *JobsService) get(ctx context.Context, op, jobID string) (*Job, error) {
	j, _, err := s.poll(ctx, op, jobID)
	return j, err
}

// poll reads a job and returns the answer too, whose scrubber Wait uses on
// the texts of the job it puts in an error.
func (s *JobsService) poll(ctx context.Context, op, jobID string) (*Job, *transport.Response, error) {
	if err := checkID(op, "jobID", jobID); err != nil {
		return nil, nil, err
	}
	var out Job
	resp, err := s.c.send(ctx, call{op: op, method: http.MethodGet, path: jobPath(jobID)}, &out)
	if err != nil {
		return nil, nil, err
	}
	return &out, resp, nil
}

// Start sends a request that answers with a Job, such as the _2 CSV reports
// or the telephone number export, and returns the job, to [JobsService.Wait]
// for. method, path, query and body are as for [Client.Do] ("{partition}" in path is the
// partition); an answer that is not a Job is ErrBadResponse: a Job is a
// JSON object with a non-empty id, a status of the spec's enum and at least
// one of the Job's other fields (name, userId, errors, inputKey, outputKey,
// start, lastUpdated). As with Client.Do, a POST is not re-sent automatically.
//
//	job, err := c.Jobs.Start(ctx, http.MethodGet, "/v2/partition/{partition}/report/tn/csv_2", nil, nil)
//	job, err = c.Jobs.Wait(ctx, job.ID, nil)
func (s *JobsService) Start(ctx context.Context, method, path string, query url.Values, body any) (*Job, error) {
	var raw json.RawMessage
	resp, err := s.c.doPath(ctx, "Jobs.Start", method, path, query, body, &raw)
	if err != nil {
		return nil, err
	}
	job, ok := jobFromJSON(raw)
	if !ok {
		return nil, &Error{Op: "Jobs.Start " + method + " " + path, HTTPStatus: resp.StatusCode,
			Err: fmt.Errorf("%w: the answer is not a job", ErrBadResponse), Body: resp.Excerpt(excerptSize)}
	}
	return job, nil
}

// Wait polls a job (GET /v2/job/{jobId}) until it ends and returns it: at
// once, then after opts.MinInterval, and after twice the previous pause
// each time, up to opts.MaxInterval (nil opts or a zero field: the client's
// default, see [WithPollInterval]). Negative intervals, or a MaxInterval
// below MinInterval, are refused before anything is sent
// ([ErrInvalidInput]). A job that ends DONE returns nil; one that ends
// FAILED returns an *[Error] matching [ErrJobFailed], with the job. A status
// outside the spec's enum (PENDING, IN_PROGRESS, DONE, FAILED) is
// [ErrBadResponse], with the job,
// rather than polling for ever on a state Wait cannot judge. A failed poll
// returns its error and the job as last seen. When ctx ends, Wait returns
// the job as last seen (nil if never read) and an *Error wrapping
// ctx.Err(), which matches it under errors.Is.
func (s *JobsService) Wait(ctx context.Context, jobID string, opts *WaitOptions) (*Job, error) {
	const op = "Jobs.Wait"
	if ctx == nil {
		return nil, invalid(op, "ctx", "is nil")
	}
	if err := checkID(op, "jobID", jobID); err != nil {
		return nil, err
	}
	lo, hi := s.c.pollMin, s.c.pollMax
	if opts != nil {
		if err := checkIntervals(op, "WaitOptions.MinInterval", "WaitOptions.MaxInterval", opts.MinInterval, opts.MaxInterval); err != nil {
			return nil, err
		}
		if opts.MinInterval > 0 {
			lo = opts.MinInterval
		}
		if opts.MaxInterval > 0 {
			hi = opts.MaxInterval
		}
	}
	if lo <= 0 {
		lo = DefaultPollMin
	}
	if hi <= 0 {
		hi = DefaultPollMax
	}
	hi = max(hi, lo) // a default max below a chosen min is the min
	sleep := s.sleep
	if sleep == nil {
		sleep = sleepCtx
	}
	var last *Job
	for pause := lo; ; pause = min(2*pause, hi) {
		j, resp, err := s.poll(ctx, op, jobID)
		if err != nil {
			if ctx.Err() != nil {
				return last, waitEnded(op, jobID, last, ctx.Err())
			}
			return last, err
		}
		last = j
		switch j.Status {
		case JobDone:
			return j, nil
		case JobFailed:
			return j, failure(op, j, resp)
		case JobPending, JobInProgress:
		default:
			// The status is the server's text: scrubbed, as every text of
			// the answer put in an error.
			return j, &Error{Op: op, HTTPStatus: resp.StatusCode,
				Err: fmt.Errorf("%w: job %q has status %s, not one of the spec's", ErrBadResponse, jobID,
					resp.Scrub(strconv.Quote(string(j.Status))))}
		}
		if err := sleep(ctx, pause); err != nil {
			return last, waitEnded(op, jobID, last, err)
		}
	}
}

// waitEnded is the error of a Wait whose context ended.
func waitEnded(op, jobID string, last *Job, cause error) error {
	status := "not read yet"
	if last != nil {
		status = "still " + string(last.Status)
	}
	return &Error{Op: op, Err: fmt.Errorf("job %q %s: %w", jobID, status, cause)}
}

// maxJobErrors is how many of a failed job's errors the error text shows.
const maxJobErrors = 3

// failure is the *Error of a FAILED job: its first errors, without their
// input lines (which may hold secrets of an import), scrubbed with the
// scrubber of the poll that read it.
func failure(op string, j *Job, resp *transport.Response) error {
	var parts []string
	for i, e := range j.Errors {
		if i == maxJobErrors {
			parts = append(parts, fmt.Sprintf("and %d more", len(j.Errors)-maxJobErrors))
			break
		}
		var where []string
		if e.LineNumber > 0 {
			where = append(where, "line "+strconv.Itoa(e.LineNumber))
		}
		if e.Column != "" {
			where = append(where, "column "+e.Column)
		}
		msg := strings.TrimSpace(e.Error)
		if len(where) > 0 {
			msg = strings.Join(where, ", ") + ": " + msg
		}
		parts = append(parts, msg)
	}
	text := fmt.Sprintf("job %q", j.ID)
	if j.Name != "" {
		text += " (" + j.Name + ")"
	}
	if len(parts) > 0 {
		text += ": " + strings.Join(parts, "; ")
	}
	return &Error{Op: op, HTTPStatus: resp.StatusCode, Err: fmt.Errorf("%w: %s", ErrJobFailed, resp.Scrub(text))}
}

// sleepCtx pauses for d or until ctx ends.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
