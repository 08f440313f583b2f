package octanetest

import (
	"time"

	"github.com/ispkit/ispkit/octane"
)

// Client returns an octane client pointed at the server (SOAPBaseURL and
// RESTBaseURL) with the server's credentials (DefaultUsername and
// DefaultPassword unless WithCredentials replaced them), polling orders
// every 10 to 100 milliseconds (octane.WithPollInterval; the client's own
// default is 30 minutes, as the vendor asks), then opts: later options win.
//
// It panics, with a message naming the refusal, if octane.New refuses an
// option (as httptest.NewServer panics when it cannot listen), and for a
// server made by NewHandler, which has no URL. This is the only place the
// fake uses the octane package: its handlers speak the wire format only.
func (s *Server) Client(opts ...octane.Option) *octane.Client {
	if s.URL == "" {
		panic("octanetest: Client: the server is not started (made by NewHandler, URL is empty); use NewServer")
	}
	all := append([]octane.Option{
		octane.WithSOAPBaseURL(s.SOAPBaseURL()),
		octane.WithRESTBaseURL(s.RESTBaseURL()),
		octane.WithPollInterval(10*time.Millisecond, 100*time.Millisecond),
	}, opts...)
	s.mu.Lock()
	user, pass := s.user, s.pass
	s.mu.Unlock()
	c, err := octane.New(octane.Credentials{Username: user, Password: octane.NewSecret(pass)}, all...)
	if err != nil {
		panic("octanetest: Client: " + err.Error())
	}
	return c
}
