package alianzatest

import (
	"fmt"
	"time"

	"github.com/ispkit/ispkit/alianza"
)

// Client returns an [alianza.Client] pointed at the server: its [Server.BaseURL],
// logged in (on its first call) as DefaultUsername with DefaultPassword,
// polling jobs quickly ([alianza.WithPollInterval](10*time.Millisecond,
// 100*time.Millisecond): the server's jobs run for [WithJobDelay]), then opts, which win over these (pass alianza.WithPartition, another
// alianza.WithBaseURL …). This method is the only part of the package that
// uses the SDK; the server itself is an independent implementation of the
// API.
//
// Like httptest.NewServer when it cannot listen, Client panics, with the
// error, when [alianza.New] refuses an option, and on a server made by
// [NewHandler], which has no URL to point a client at.
func (s *Server) Client(opts ...alianza.Option) *alianza.Client {
	if s.URL == "" {
		panic("alianzatest: Server.Client: the server was made by NewHandler and has no URL; use NewServer")
	}
	all := append([]alianza.Option{
		alianza.WithBaseURL(s.BaseURL()),
		alianza.WithPollInterval(10*time.Millisecond, 100*time.Millisecond),
	}, opts...)
	c, err := alianza.New(alianza.Credentials{Username: DefaultUsername, Password: alianza.NewSecret(DefaultPassword)}, all...)
	if err != nil {
		panic(fmt.Sprintf("alianzatest: Server.Client: %v", err))
	}
	return c
}
