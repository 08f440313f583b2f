package alianzatest

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"time"
)

// job is an asynchronous job: it runs from start to end (start plus the
// job delay) and then is DONE, with its output, or FAILED with its error.
type job struct {
	id, name, partition string
	user                *mgmtUser
	start, end          time.Time
	failure             string // the error of a job that fails; "" for one that succeeds
	output              []byte
}

// jobErrorJSON is the JobError schema.
type jobErrorJSON struct {
	Error      string `json:"error"`
	LineNumber int    `json:"lineNumber,omitempty"`
}

// jobJSON is the Job schema.
type jobJSON struct {
	ID          string         `json:"id"`
	Name        string         `json:"name"`
	UserID      string         `json:"userId"`
	Status      string         `json:"status"`
	Errors      []jobErrorJSON `json:"errors"`
	InputKey    string         `json:"inputKey,omitempty"`
	OutputKey   string         `json:"outputKey,omitempty"`
	Start       time.Time      `json:"start"`
	LastUpdated time.Time      `json:"lastUpdated"`
}

// done reports whether the job has ended at now.
func (j *job) done(now time.Time) bool { return !now.Before(j.end) }

// wire is the job as read at now: PENDING when just started (started is
// true), IN_PROGRESS until it ends, DONE or FAILED from then on.
func (j *job) wire(now time.Time, started bool) jobJSON {
	out := jobJSON{ID: j.id, Name: j.name, UserID: j.user.id, Errors: []jobErrorJSON{}, Start: j.start, LastUpdated: j.start}
	switch {
	case started:
		out.Status = "PENDING"
	case !j.done(now):
		out.Status, out.LastUpdated = "IN_PROGRESS", now
	case j.failure != "":
		out.Status, out.LastUpdated = "FAILED", j.end
		out.Errors = []jobErrorJSON{{Error: j.failure}}
	default:
		out.Status, out.LastUpdated, out.OutputKey = "DONE", j.end, "jobs/"+j.id+"/output"
	}
	return out
}

// FailNextJob makes the next job started end FAILED, with msg as its one
// error, instead of DONE. Each call fails one more job, in order.
func (s *Server) FailNextJob(msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failJobs = append(s.failJobs, msg)
}

// startJob stores a new job of the caller with its output and answers 202
// with it. s.mu must be held.
func (s *Server) startJob(c *call, name string, output []byte) reply {
	now := s.now()
	j := &job{id: s.newID(kindJob), name: name, partition: c.user.partition, user: c.user, start: now, end: now.Add(s.jobDelay), output: output}
	if len(s.failJobs) > 0 {
		j.failure, s.failJobs = s.failJobs[0], s.failJobs[1:]
	}
	s.jobs[j.id] = j
	return answer(http.StatusAccepted, j.wire(now, true))
}

// pathJob finds the job the path names among those of the caller's
// partition: 404 JobNotFound otherwise. s.mu must be held.
func (s *Server) pathJob(c *call) (*job, reply, bool) {
	j, ok := s.jobs[c.args[0]]
	if !ok || j.partition != c.user.partition {
		return nil, fail(http.StatusNotFound, MessageJobNotFound), false
	}
	return j, reply{}, true
}

// GET /v2/job/{jobId}.
func (s *Server) getJob(c *call) reply {
	j, rep, ok := s.pathJob(c)
	if !ok {
		return rep
	}
	return answer(http.StatusOK, j.wire(s.now(), false))
}

// GET /v2/job/{jobId}/output: the output of a job that ended DONE, as
// text/csv; 404 JobOutputNotFound before it ends and for a failed job.
func (s *Server) getJobOutput(c *call) reply {
	j, rep, ok := s.pathJob(c)
	if !ok {
		return rep
	}
	if !j.done(s.now()) || j.failure != "" {
		return fail(http.StatusNotFound, MessageJobOutputNotFound)
	}
	return reply{status: http.StatusOK, raw: j.output, contentType: "text/csv"}
}

// GET /v2/partition/{partitionId}/telephonenumber/export_2
// (asyncExportTnInventory): 202 and a job whose output is the partition's
// inventory as it is now, in CSV: a header line, then one line a number in
// the order of its digits.
func (s *Server) exportInventory(c *call) reply {
	return s.startJob(c, "asyncExportTnInventory", s.inventoryCSV(c.args[0]))
}

// inventoryCSV is the partition's inventory in CSV. s.mu must be held.
func (s *Server) inventoryCSV(partition string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write([]string{"telephoneNumber", "rateCenter", "state", "country", "postalCode", "functionType", "carrierId"})
	for _, n := range s.sortedInventory(partition) {
		_ = w.Write([]string{n.PhoneNumber, n.RateCenter, n.State, n.Country, n.PostalCode, n.FunctionType, n.CarrierID})
	}
	w.Flush()
	return b.Bytes()
}
