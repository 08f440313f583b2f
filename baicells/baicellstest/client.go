package baicellstest

import (
	"github.com/ispkit/ispkit/baicells"
)

// Client returns a baicells client pointed at the server (its BaseURL) with
// the default account's credentials (DefaultCloudKey, DefaultUsername,
// DefaultPassword), followed by opts: a later option wins, so
// baicells.WithBaseURL or baicells.WithRetry override the defaults.
//
// BOSS has no asynchronous operation, so there is no poll interval to set.
//
// Like httptest.NewServer, which panics when it cannot listen, Client
// panics when baicells.New refuses an option, and when the server was made
// by NewHandler (it has no URL to point at).
//
// This is the only place the fake uses the SDK: its handlers do not import
// it, so that it stays an independent check of the client.
func (s *Server) Client(opts ...baicells.Option) *baicells.Client {
	if s.URL == "" {
		panic("baicellstest: Server.Client: the server is not started (made by NewHandler); use NewServer")
	}
	creds := baicells.Credentials{
		CloudKey: baicells.NewSecret(DefaultCloudKey),
		Username: DefaultUsername,
		Password: baicells.NewSecret(DefaultPassword),
	}
	all := append([]baicells.Option{baicells.WithBaseURL(s.BaseURL())}, opts...)
	c, err := baicells.New(creds, all...)
	if err != nil {
		panic("baicellstest: Server.Client: " + err.Error())
	}
	return c
}
