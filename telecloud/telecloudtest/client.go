package telecloudtest

import (
	"time"

	"github.com/ispkit/ispkit/telecloud"
)

// Client returns a telecloud client pointed at the server (BaseURL) with the
// default credentials (DefaultAPIIDKey, DefaultAPIKey) and a fast poll
// interval for Orders.Wait (telecloud.WithPollInterval(10ms, 100ms): the
// server's orders are as slow as WithOrderDelay makes them), then opts
// (later options win, WithBaseURL and WithPollInterval included). For the CORE's view, make a client
// with telecloud.New, CoreAPIIDKey, CoreAPIKey and telecloud.WithBaseURL
// (BaseURL()).
//
// Like httptest.NewServer when it cannot listen, Client panics when
// telecloud.New refuses an option, and when the server was made by
// NewHandler (it has no URL to point a client at).
//
// This method is the only part of the package that uses the telecloud
// package: the server itself speaks the wire format and never calls it.
func (s *Server) Client(opts ...telecloud.Option) *telecloud.Client {
	if s.URL == "" {
		panic("telecloudtest: Client: the server is not started (made by NewHandler, it has no URL); use NewServer")
	}
	all := make([]telecloud.Option, 0, 2+len(opts))
	all = append(all, telecloud.WithBaseURL(s.BaseURL()), telecloud.WithPollInterval(10*time.Millisecond, 100*time.Millisecond))
	all = append(all, opts...)
	c, err := telecloud.New(telecloud.Credentials{
		APIIDKey: telecloud.NewSecret(DefaultAPIIDKey),
		APIKey:   telecloud.NewSecret(DefaultAPIKey),
	}, all...)
	if err != nil {
		panic("telecloudtest: Client: " + err.Error())
	}
	return c
}
