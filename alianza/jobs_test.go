package alianza

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func jobJSON(status string) string {
	return `{"id":"job/1","name":"tnExport","userId":"u1","status":"` + status + `","errors":[],"inputKey":"",
		"outputKey":"exports/tn.csv","start":"2026-11-23T10:00:00Z","lastUpdated":"2026-11-23T10:00:05Z"}`
}

// jobServer answers GET /v2/job/… with the statuses in turn, repeating the
// last one.
func jobServer(t *testing.T, bodies ...string) (*wireRecorder, *JobsService, *[]time.Duration) {
	t.Helper()
	var mu sync.Mutex
	n := 0
	w, c := newWireRecorder(t, func(*http.Request, []byte) (int, string) {
		mu.Lock()
		defer mu.Unlock()
		b := bodies[min(n, len(bodies)-1)]
		n++
		return 200, b
	})
	var pauses []time.Duration
	c.pollMin, c.pollMax = time.Millisecond, 4*time.Millisecond
	s := &JobsService{c: c,
		sleep: func(ctx context.Context, d time.Duration) error {
			pauses = append(pauses, d)
			return ctx.Err()
		}}
	return w, s, &pauses
}

func TestJobsGet(t *testing.T) {
	w, s, _ := jobServer(t, jobJSON("IN_PROGRESS"))
	j, err := s.Get(context.Background(), "job/1")
	require.NoError(t, err)
	r := w.last(t)
	assert.Equal(t, "GET /v2/job/job%2F1 tok-1", r.method+" "+r.path+" "+r.token, "jobs are not under the partition")
	assert.Equal(t, Job{ID: "job/1", Name: "tnExport", UserID: "u1", Status: JobInProgress, Errors: []JobError{},
		OutputKey: "exports/tn.csv", Start: ptr(time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)),
		LastUpdated: ptr(time.Date(2026, 11, 23, 10, 0, 5, 0, time.UTC))}, *j)
	assert.False(t, j.Status.Terminal())

	_, err = s.Get(context.Background(), "")
	assert.ErrorIs(t, err, ErrInvalidInput)
	assert.Equal(t, 1, w.count())
}

func ptr[T any](v T) *T { return &v }

func TestJobsWaitBacksOff(t *testing.T) {
	w, s, pauses := jobServer(t, jobJSON("PENDING"), jobJSON("IN_PROGRESS"), jobJSON("IN_PROGRESS"),
		jobJSON("IN_PROGRESS"), jobJSON("IN_PROGRESS"), jobJSON("DONE"))
	j, err := s.Wait(context.Background(), "job/1", nil)
	require.NoError(t, err)
	assert.Equal(t, JobDone, j.Status)
	assert.True(t, j.Status.Terminal())
	assert.Equal(t, 6, w.count())
	ms := time.Millisecond
	assert.Equal(t, []time.Duration{ms, 2 * ms, 4 * ms, 4 * ms, 4 * ms}, *pauses, "doubling up to MaxInterval")
	assert.Equal(t, "/v2/job/job%2F1", w.last(t).path)
}

func TestJobsWaitDefaultsAndRealTimer(t *testing.T) {
	_, s, _ := jobServer(t, jobJSON("PENDING"), jobJSON("DONE"))
	s.sleep = nil
	s.c.pollMin, s.c.pollMax = 0, 0
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	j, err := s.Wait(ctx, "job/1", nil)
	require.Error(t, err, "the default first pause is a second")
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	require.NotNil(t, j)
	assert.Equal(t, JobPending, j.Status)

	j, err = s.Wait(context.Background(), "job/1", &WaitOptions{MinInterval: time.Millisecond}) // a default max below the min is the min
	require.NoError(t, err)
	assert.Equal(t, JobDone, j.Status)
}

func TestJobsWaitFailed(t *testing.T) {
	failed := `{"id":"job/1","name":"deviceImport","status":"FAILED","errors":[
		{"error":"Invalid MAC address","lineNumber":3,"column":"B","input":"0004f2aabbcc,sip-user,p4ssw0rd"},
		{"error":"Duplicate SIP username","lineNumber":7,"input":"x"},
		{"error":"Unknown device type","column":"C"},
		{"error":"Line too long","lineNumber":9}]}`
	_, s, _ := jobServer(t, jobJSON("IN_PROGRESS"), failed)
	j, err := s.Wait(context.Background(), "job/1", nil)
	require.ErrorIs(t, err, ErrJobFailed)
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "Jobs.Wait", e.Op)
	assert.Equal(t, `alianza: Jobs.Wait: alianza: job failed: job "job/1" (deviceImport): line 3, column B: Invalid MAC address; `+
		`line 7: Duplicate SIP username; column C: Unknown device type; and 1 more [HTTP 200]`, err.Error())
	assert.NotContains(t, err.Error(), "p4ssw0rd", "input lines stay out of the text")
	require.NotNil(t, j)
	assert.Equal(t, JobFailed, j.Status)
	require.Len(t, j.Errors, 4)
	assert.Equal(t, JobError{Error: "Invalid MAC address", LineNumber: 3, Column: "B", Input: "0004f2aabbcc,sip-user,p4ssw0rd"}, j.Errors[0])

	_, s, _ = jobServer(t, `{"id":"job/2","status":"FAILED"}`)
	_, err = s.Wait(context.Background(), "job/2", nil)
	require.ErrorIs(t, err, ErrJobFailed)
	assert.Equal(t, `alianza: Jobs.Wait: alianza: job failed: job "job/2" [HTTP 200]`, err.Error())
}

func TestJobsWaitUnknownStatus(t *testing.T) {
	for _, status := range []string{"CANCELLED", ""} {
		w, s, _ := jobServer(t, jobJSON(status))
		j, err := s.Wait(context.Background(), "job/1", nil)
		require.ErrorIs(t, err, ErrBadResponse, status)
		assert.NotErrorIs(t, err, ErrJobFailed)
		require.NotNil(t, j)
		assert.Equal(t, JobStatus(status), j.Status)
		assert.Equal(t, 1, w.count(), "no polling on a status Wait cannot judge")
	}
}

func TestJobsWaitContextEnds(t *testing.T) {
	_, s, _ := jobServer(t, jobJSON("IN_PROGRESS"))
	ctx, cancel := context.WithCancel(context.Background())
	polls := 0
	s.sleep = func(ctx context.Context, _ time.Duration) error {
		polls++
		if polls == 3 {
			cancel()
		}
		return ctx.Err()
	}
	j, err := s.Wait(ctx, "job/1", nil)
	require.ErrorIs(t, err, context.Canceled)
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "Jobs.Wait", e.Op)
	assert.Contains(t, err.Error(), `job "job/1" still IN_PROGRESS`)
	require.NotNil(t, j, "the job as last seen")
	assert.Equal(t, JobInProgress, j.Status)

	// Ended before the first poll answered.
	done, cancel2 := context.WithCancel(context.Background())
	cancel2()
	j, err = s.Wait(done, "job/1", nil)
	require.ErrorIs(t, err, context.Canceled)
	assert.Nil(t, j)
	assert.Contains(t, err.Error(), "not read yet")
}

func TestJobsWaitPollFails(t *testing.T) {
	var mu sync.Mutex
	n := 0
	w, c := newWireRecorder(t, func(*http.Request, []byte) (int, string) {
		mu.Lock()
		defer mu.Unlock()
		n++
		if n == 1 {
			return 200, jobJSON("PENDING")
		}
		return 404, `{"status":404,"messages":["JobNotFound"]}`
	})
	s := &JobsService{c: c, sleep: func(context.Context, time.Duration) error { return nil }}
	j, err := s.Wait(context.Background(), "job/1", nil)
	require.ErrorIs(t, err, ErrNotFound)
	require.NotNil(t, j)
	assert.Equal(t, JobPending, j.Status)
	assert.Equal(t, 2, w.count())

	_, err = s.Wait(context.Background(), " ", nil)
	assert.ErrorIs(t, err, ErrInvalidInput)
	var nilCtx context.Context
	_, err = s.Wait(nilCtx, "job/1", nil)
	assert.ErrorIs(t, err, ErrInvalidInput)
	assert.Equal(t, 2, w.count())
}

func TestJobFromJSON(t *testing.T) {
	j, ok := jobFromJSON([]byte(" " + jobJSON("PENDING") + "\n"))
	require.True(t, ok)
	assert.Equal(t, "job/1", j.ID)
	j, ok = jobFromJSON([]byte(`{"id":"j2","status":"DONE","name":null}`))
	require.True(t, ok, "a null counts")
	assert.Equal(t, JobDone, j.Status)

	for _, body := range []string{
		``, `null`, `[]`, `"job"`, `{`, `{}`,
		`{"id":"a1","status":"PENDING","accountNumber":"N-1"}`,       // an Account
		`{"id":"j1","status":"PENDING"}`,                             // nothing else of a Job
		`{"id":"","status":"DONE","name":"x"}`,                       // no id
		`{"id":"j1","status":"ACTIVE","name":"x"}`,                   // not a job status
		`{"id":"j1","status":"DONE","start":"yesterday"}`,            // does not decode
		`{"totalRecords":1,"results":[{"id":"j1","status":"DONE"}]}`, // a search answer
	} {
		_, ok := jobFromJSON([]byte(body))
		assert.False(t, ok, body)
	}
}

func TestJobsStart(t *testing.T) {
	answer := jobJSON("PENDING")
	w, c := newWireRecorder(t, func(*http.Request, []byte) (int, string) { return 202, answer })
	s := &JobsService{c: c}
	ctx := context.Background()
	j, err := s.Start(ctx, http.MethodGet, "/v2/partition/{partition}/report/tn/csv_2", nil, nil)
	require.NoError(t, err)
	assert.Equal(t, "job/1", j.ID)
	assert.Equal(t, JobPending, j.Status)
	r := w.last(t)
	assert.Equal(t, "GET /v2/partition/part%201/report/tn/csv_2", r.method+" "+r.path)

	_, err = s.Start(ctx, http.MethodPost, "/v2/partition/{partition}/telephonenumber/bulkimport_2", nil, map[string]string{"file": "k"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"file":"k"}`, string(w.last(t).body))

	answer = `{"id":"a1","status":"PENDING","accountNumber":"N-1"}`
	_, err = s.Start(ctx, http.MethodGet, "/v2/partition/{partition}/report/tn/csv_2", nil, nil)
	require.ErrorIs(t, err, ErrBadResponse)
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Contains(t, e.Body, "accountNumber")

	answer = `{"status":500,"messages":["ReportFailed"]}`
	w2, c2 := newWireRecorder(t, func(*http.Request, []byte) (int, string) { return 500, answer })
	_, err = (&JobsService{c: c2}).Start(ctx, http.MethodGet, "/v2/partition/{partition}/report/tn/csv_2", nil, nil)
	require.Error(t, err)
	assert.NotErrorIs(t, err, ErrBadResponse)
	assert.Equal(t, 1, w2.count())

	var nilCtx context.Context
	_, err = s.Start(nilCtx, http.MethodGet, "/v2/job/x", nil, nil)
	assert.ErrorIs(t, err, ErrInvalidInput)
}

func TestJobsWaitOptions(t *testing.T) {
	w, s, pauses := jobServer(t, jobJSON("PENDING"), jobJSON("PENDING"), jobJSON("PENDING"), jobJSON("DONE"))
	ms := time.Millisecond
	j, err := s.Wait(context.Background(), "job/1", &WaitOptions{MinInterval: 3 * ms, MaxInterval: 5 * ms})
	require.NoError(t, err)
	assert.Equal(t, JobDone, j.Status)
	assert.Equal(t, []time.Duration{3 * ms, 5 * ms, 5 * ms}, *pauses, "the options win over the client's defaults")
	n := w.count()

	_, s2, pauses2 := jobServer(t, jobJSON("PENDING"), jobJSON("PENDING"), jobJSON("DONE"))
	_, err = s2.Wait(context.Background(), "job/1", &WaitOptions{MaxInterval: 2 * ms})
	require.NoError(t, err)
	assert.Equal(t, []time.Duration{ms, 2 * ms}, *pauses2, "a zero field is the client's default")

	for _, o := range []WaitOptions{
		{MinInterval: -ms},
		{MaxInterval: -ms},
		{MinInterval: 2 * ms, MaxInterval: ms},
	} {
		j, err := s.Wait(context.Background(), "job/1", &o)
		assert.Nil(t, j)
		var ve *ValidationError
		require.ErrorAs(t, err, &ve, "%+v", o)
		assert.Equal(t, "Jobs.Wait", ve.Op)
		assert.ErrorIs(t, err, ErrInvalidInput)
	}
	assert.Equal(t, n, w.count(), "nothing sent for refused options")
}

func TestWithPollInterval(t *testing.T) {
	creds := Credentials{Username: "u", Password: NewSecret("p")}
	c, err := New(creds, WithPollInterval(2*time.Second, time.Minute))
	require.NoError(t, err)
	assert.Equal(t, 2*time.Second, c.pollMin)
	assert.Equal(t, time.Minute, c.pollMax)
	c, err = New(creds, WithPollInterval(0, 0))
	require.NoError(t, err)
	assert.Zero(t, c.pollMin, "zero keeps the defaults")
	for _, iv := range [][2]time.Duration{{-1, 0}, {0, -1}, {time.Minute, time.Second}} {
		_, err := New(creds, WithPollInterval(iv[0], iv[1]))
		var ve *ValidationError
		require.ErrorAs(t, err, &ve, "%v", iv)
		assert.Equal(t, "WithPollInterval", ve.Op)
	}
}
