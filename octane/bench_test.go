package octane_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/ispkit/ispkit/octane"
)

// orderQueryAnswer is a JAX-WS orderQuery answer for a finished pool order.
const orderQueryAnswer = `<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/">` +
	`<S:Body><ns2:orderQueryResponse xmlns:ns2="http://order.frontend.ws.utilibill.com.au/"><return><errorCode>0</errorCode>` +
	`<orderQueryResponse><orderId>5000001</orderId><action>ADD_WME_NEW</action><internalStatus>COMMITTED</internalStatus>` +
	`<createdOn>2026-11-23T10:00:00+11:00</createdOn><orderItems><wmeNewReqItem><msn>0491000001</msn></wmeNewReqItem></orderItems>` +
	`</orderQueryResponse></return></ns2:orderQueryResponse></S:Body></S:Envelope>`

// benchServer answers every request with orderQueryAnswer after reading the
// body, so that both contenders do the same work on the wire.
func benchServer(b *testing.B) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		w.Header().Set("Content-Length", strconv.Itoa(len(orderQueryAnswer)))
		_, _ = io.WriteString(w, orderQueryAnswer)
	}))
	b.Cleanup(srv.Close)
	return srv
}

// rawEnvelope is what a careful hand-written client would decode.
type rawEnvelope struct {
	Body struct {
		Fault *struct {
			Code   string `xml:"faultcode"`
			String string `xml:"faultstring"`
		} `xml:"Fault"`
		Response struct {
			Return struct {
				ErrorCode    int    `xml:"errorCode"`
				ErrorMessage string `xml:"errorMessage"`
				Order        struct {
					OrderID string `xml:"orderId"`
					Status  string `xml:"internalStatus"`
					MSN     string `xml:"orderItems>wmeNewReqItem>msn"`
				} `xml:"orderQueryResponse"`
			} `xml:"return"`
		} `xml:"orderQueryResponse"`
	} `xml:"Body"`
}

// BenchmarkOrderQuery compares one SOAP round trip, Orders.Query, with a
// hand-written net/http + encoding/xml call to the same loopback server.
// Report the ratio of the two ns/op and the difference of allocs/op.
func BenchmarkOrderQuery(b *testing.B) {
	srv := benchServer(b)
	ctx := context.Background()

	b.Run("raw", func(b *testing.B) {
		hc := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
		url := srv.URL + "/tiab/UtbOrder"
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			var body bytes.Buffer
			body.WriteString(`<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><ns:orderQuery xmlns:ns="http://order.frontend.ws.utilibill.com.au/"><login><password>`)
			_ = xml.EscapeText(&body, []byte("pass"))
			body.WriteString(`</password><userName>`)
			_ = xml.EscapeText(&body, []byte("user"))
			body.WriteString(`</userName></login><request><orderId>`)
			_ = xml.EscapeText(&body, []byte("5000001"))
			body.WriteString(`</orderId></request></ns:orderQuery></soapenv:Body></soapenv:Envelope>`)
			req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, &body)
			if err != nil {
				b.Fatal(err)
			}
			req.Header.Set("Content-Type", "text/xml; charset=utf-8")
			req.Header["SOAPAction"] = []string{`""`}
			resp, err := hc.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			raw, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				b.Fatal(err)
			}
			var env rawEnvelope
			if err := xml.Unmarshal(raw, &env); err != nil {
				b.Fatal(err)
			}
			if env.Body.Fault != nil || env.Body.Response.Return.ErrorCode != 0 || env.Body.Response.Return.Order.Status != "COMMITTED" {
				b.Fatalf("unexpected answer %+v", env)
			}
		}
	})

	b.Run("octane", func(b *testing.B) {
		c, err := octane.New(octane.Credentials{Username: "user", Password: octane.NewSecret("pass")},
			octane.WithSOAPBaseURL(srv.URL+"/tiab"), octane.WithRESTBaseURL(srv.URL+"/tiab/api"))
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			o, err := c.Orders.Query(ctx, "5000001")
			if err != nil {
				b.Fatal(err)
			}
			if o.Status != octane.OrderCommitted {
				b.Fatalf("status %q", o.Status)
			}
		}
	})
}
