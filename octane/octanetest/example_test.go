package octanetest_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/ispkit/ispkit/octane/octanetest"
)

// Example reads a data pool with a raw REST GET, as a client of any
// language would, after seeding a pool with two consumers and their usage.
func Example() {
	srv := octanetest.NewServer()
	defer srv.Close()
	pool := srv.SeedPool(octanetest.Pool{Name: "Fleet"})
	a := octanetest.Service{CustNo: octanetest.DefaultCustNo, ServiceNumber: "0412000001", PoolProviderID: pool.ProviderID, DataLimit: 5 << 30}
	b := octanetest.Service{CustNo: octanetest.DefaultCustNo, ServiceNumber: "0412000002", PoolProviderID: pool.ProviderID}
	srv.SeedService(a)
	srv.SeedService(b)
	srv.SetUsage(a.ServiceNumber, 1<<30)
	srv.SetUsage(b.ServiceNumber, 512<<20)

	req, err := http.NewRequest(http.MethodGet, srv.RESTBaseURL()+"/v1/datapool?custno="+pool.CustNo+"&lineseqno="+pool.LineSeqNo, nil)
	if err != nil {
		panic(err)
	}
	req.SetBasicAuth(octanetest.DefaultUsername, octanetest.DefaultPassword)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	fmt.Println(resp.StatusCode)
	fmt.Println(strings.ReplaceAll(string(body), "},", "},\n"))
	// Output:
	// 200
	// {"errorCode":0,"errorMessage":"","success":"true","provider":{"memberId":"880001","dataPoolStatus":"OPTED-IN","dataMaxCap":"100 GB","dataUsage":"1.5 GB","serviceNumber":"0491000001"},
	// "consumers":[{"serviceNumber":"0412000001","lineSeqNo":"2","dataPoolStatus":"OPTED-IN","dataLimit":"5 GB","dataUsage":"1 GB"},
	// {"serviceNumber":"0412000002","lineSeqNo":"3","dataPoolStatus":"OPTED-IN","dataLimit":"","dataUsage":"512 MB"}]}
}

// Example_soap creates a data pool with a hand-written SOAP orderCreate and
// reads the new pool's number back with orderQuery.
func Example_soap() {
	srv := octanetest.NewServer()
	defer srv.Close()
	call := func(op, inner string) string {
		env := `<?xml version="1.0" encoding="UTF-8"?>` +
			`<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>` +
			`<ns:` + op + ` xmlns:ns="http://order.frontend.ws.utilibill.com.au/">` +
			`<login><password>` + octanetest.DefaultPassword + `</password><userName>` + octanetest.DefaultUsername + `</userName></login>` +
			inner + `</ns:` + op + `></soapenv:Body></soapenv:Envelope>`
		resp, err := http.Post(srv.SOAPBaseURL()+"/UtbOrder", "text/xml; charset=utf-8", strings.NewReader(env))
		if err != nil {
			panic(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		s := string(b)
		return s[strings.Index(s, "<return>") : strings.Index(s, "</return>")+len("</return>")]
	}

	fmt.Println(call("orderCreate", `<createRequest><custNo>100001</custNo><orderType>SRVC_ORD</orderType>`+
		`<orderAction>ADD_WME_NEW</orderAction><orderItems><WmeNewDataPoolReqItem><planNo>DP-PROVIDER</planNo>`+
		`<poolName>Fleet</poolName></WmeNewDataPoolReqItem></orderItems></createRequest>`))
	q := call("orderQuery", `<request><orderId>5000001</orderId></request>`)
	// createdOn is the time of the run: cut it out.
	fmt.Println(q[:strings.Index(q, "<createdOn>")] + q[strings.Index(q, "</createdOn>")+len("</createdOn>"):])
	// Output:
	// <return><errorCode>0</errorCode><orderId>5000001</orderId></return>
	// <return><errorCode>0</errorCode><orderQueryResponse><orderId>5000001</orderId><action>ADD_WME_NEW</action><internalStatus>COMMITTED</internalStatus><planName>DP-PROVIDER</planName><orderItems><wmeNewReqItem><msn>0491000001</msn></wmeNewReqItem></orderItems></orderQueryResponse></return>
}
