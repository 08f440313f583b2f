package telecloud

// Decoding at scale: a Customer/Search answer of 1,000, 10,000 and 100,000
// customers, indented as real answers are, through the package's path (tree
// + typed decode into CustomerSearchResponse) and through encoding/xml and
// encoding/json decoding the same answer into minimal structs of plain
// strings: the baselines. Each size runs both, so the ratios and the growth
// (ns/customer, B/customer) show in one run:
//
//	go test ./telecloud -run '^$' -bench SearchDecode -benchmem
//	go test ./telecloud -run '^$' -bench SearchDecode -benchtime 1x   # smoke

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strconv"
	"sync"
	"testing"
)

// searchField is one element of a generated customer, in the answer's order.
type searchField struct{ name, value string }

// searchCustomer returns the elements of customer i: every one set, with
// values of the shape of the reference's sample.
func searchCustomer(i int) (account string, fields []searchField) {
	first := []string{"Gina", "Omar", "Lena", "Raj", "Maria", "Tom"}[i%6]
	last := []string{"Hammond", "Okafor", "Schmidt", "Patel", "Garcia", "O'Neil"}[i%6]
	return strconv.Itoa(7104734 + i), []searchField{
		{"COREID", "9987418300"},
		{"VARID", "1141482592"},
		{"PARTNERID", "2203948571"},
		{"AFFILIATEID", "3304958672"},
		{"CREATION_DATE", fmt.Sprintf("2018-%02d-%02d", 1+i%12, 1+i%28)},
		{"CREATION_USER", "some_username1"},
		{"COMPANY", last + " & Sons"},
		{"FIRST_NAME", first},
		{"LAST_NAME", last},
		{"ADDRESS", strconv.Itoa(100+i%9000) + " Main St"},
		{"UNIT_TYPE", "APT"},
		{"UNIT_NUMBER", strconv.Itoa(1 + i%40)},
		{"CITY", "HARRISBURG"},
		{"STATE", "PA"},
		{"ZIP_CODE", "17109"},
		{"COUNTRY", "United States"},
		{"EMAIL", "customer" + strconv.Itoa(i) + "@example.com"},
		{"PHONE", fmt.Sprintf("214555%04d", i%10000)},
		{"PASSWORD", fmt.Sprintf("%08d", 88888811+i)},
		{"DL", fmt.Sprintf("D%07d", i)},
		{"SSN", fmt.Sprintf("123-45-%04d", i%10000)},
		{"CUSTOM_FIELD_1", "ref-" + strconv.Itoa(i)},
		{"CUSTOM_FIELD_2", "tier-" + strconv.Itoa(i%3)},
		{"PAYMENT_METHOD_TYPE", "CC"},
		{"PAYMENT_METHOD_ID", strconv.Itoa(500000 + i)},
		{"LOCATION_TYPE", "Residential"},
		{"ACCOUNT_CREDIT", strconv.Itoa(i%100) + ".00"},
		{"STATUS", strconv.Itoa(1 + i%3)},
	}
}

// searchAnswerXML is an indented Customer/Search answer of n customers.
func searchAnswerXML(n int, indent bool) []byte {
	nl, in1, in2 := "\n", "  ", "    "
	if !indent {
		nl, in1, in2 = "", "", ""
	}
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0"?>` + nl + `<telecloud trans_id="4471930">` + nl)
	for i := 0; i < n; i++ {
		account, fields := searchCustomer(i)
		fmt.Fprintf(&b, "%s<customer account_number=\"%s\">%s", in1, account, nl)
		for _, f := range fields {
			b.WriteString(in2 + "<" + f.name + ">")
			_ = xml.EscapeText(&b, []byte(f.value))
			b.WriteString("</" + f.name + ">" + nl)
		}
		b.WriteString(in1 + "</customer>" + nl)
	}
	b.WriteString("</telecloud>" + nl)
	return b.Bytes()
}

// searchAnswerJSON is the same answer as PHP's JSON_PRETTY_PRINT writes it
// (four spaces; an array for two customers or more).
func searchAnswerJSON(n int, indent bool) []byte {
	nl, in1, in2, in3, sp := "\n", "    ", "        ", "            ", " "
	if !indent {
		nl, in1, in2, in3, sp = "", "", "", "", ""
	}
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	var b bytes.Buffer
	b.WriteString("{" + nl + in1 + `"@attributes":` + sp + "{" + nl + in2 + `"trans_id":` + sp + `"4471930"` + nl + in1 + "}")
	if n > 0 {
		b.WriteString("," + nl + in1 + `"customer":` + sp)
		if n > 1 {
			b.WriteString("[" + nl)
		}
		for i := 0; i < n; i++ {
			account, fields := searchCustomer(i)
			b.WriteString(in2 + "{" + nl + in3 + `"@attributes":` + sp + "{" + nl + in3 + in1 + `"account_number":` + sp + q(account) + nl + in3 + "}")
			for _, f := range fields {
				b.WriteString("," + nl + in3 + q(f.name) + ":" + sp + q(f.value))
			}
			b.WriteString(nl + in2 + "}")
			if i < n-1 {
				b.WriteString(",")
			}
			b.WriteString(nl)
		}
		if n > 1 {
			b.WriteString(in1 + "]")
		}
	}
	b.WriteString(nl + "}" + nl)
	return b.Bytes()
}

type minimalCustomerXML struct {
	AccountNumber     string `xml:"account_number,attr"`
	COREID            string `xml:"COREID"`
	VARID             string `xml:"VARID"`
	PartnerID         string `xml:"PARTNERID"`
	AffiliateID       string `xml:"AFFILIATEID"`
	CreationDate      string `xml:"CREATION_DATE"`
	CreationUser      string `xml:"CREATION_USER"`
	Company           string `xml:"COMPANY"`
	FirstName         string `xml:"FIRST_NAME"`
	LastName          string `xml:"LAST_NAME"`
	Address           string `xml:"ADDRESS"`
	UnitType          string `xml:"UNIT_TYPE"`
	UnitNumber        string `xml:"UNIT_NUMBER"`
	City              string `xml:"CITY"`
	State             string `xml:"STATE"`
	ZipCode           string `xml:"ZIP_CODE"`
	Country           string `xml:"COUNTRY"`
	Email             string `xml:"EMAIL"`
	Phone             string `xml:"PHONE"`
	Password          string `xml:"PASSWORD"`
	DL                string `xml:"DL"`
	SSN               string `xml:"SSN"`
	CustomField1      string `xml:"CUSTOM_FIELD_1"`
	CustomField2      string `xml:"CUSTOM_FIELD_2"`
	PaymentMethodType string `xml:"PAYMENT_METHOD_TYPE"`
	PaymentMethodID   string `xml:"PAYMENT_METHOD_ID"`
	LocationType      string `xml:"LOCATION_TYPE"`
	AccountCredit     string `xml:"ACCOUNT_CREDIT"`
	Status            string `xml:"STATUS"`
}

type minimalSearchXML struct {
	TransID   string               `xml:"trans_id,attr"`
	Customers []minimalCustomerXML `xml:"customer"`
}

type minimalCustomerJSON struct {
	Attributes struct {
		AccountNumber string `json:"account_number"`
	} `json:"@attributes"`
	COREID            string `json:"COREID"`
	VARID             string `json:"VARID"`
	PartnerID         string `json:"PARTNERID"`
	AffiliateID       string `json:"AFFILIATEID"`
	CreationDate      string `json:"CREATION_DATE"`
	CreationUser      string `json:"CREATION_USER"`
	Company           string `json:"COMPANY"`
	FirstName         string `json:"FIRST_NAME"`
	LastName          string `json:"LAST_NAME"`
	Address           string `json:"ADDRESS"`
	UnitType          string `json:"UNIT_TYPE"`
	UnitNumber        string `json:"UNIT_NUMBER"`
	City              string `json:"CITY"`
	State             string `json:"STATE"`
	ZipCode           string `json:"ZIP_CODE"`
	Country           string `json:"COUNTRY"`
	Email             string `json:"EMAIL"`
	Phone             string `json:"PHONE"`
	Password          string `json:"PASSWORD"`
	DL                string `json:"DL"`
	SSN               string `json:"SSN"`
	CustomField1      string `json:"CUSTOM_FIELD_1"`
	CustomField2      string `json:"CUSTOM_FIELD_2"`
	PaymentMethodType string `json:"PAYMENT_METHOD_TYPE"`
	PaymentMethodID   string `json:"PAYMENT_METHOD_ID"`
	LocationType      string `json:"LOCATION_TYPE"`
	AccountCredit     string `json:"ACCOUNT_CREDIT"`
	Status            string `json:"STATUS"`
}

type minimalSearchJSON struct {
	Attributes struct {
		TransID string `json:"trans_id"`
	} `json:"@attributes"`
	Customers []minimalCustomerJSON `json:"customer"`
}

// searchSizes are the answer sizes every decode benchmark runs at.
var searchSizes = []int{1000, 10000, 100000}

// searchAnswers caches the generated answers: building the 100,000-customer
// ones costs about as much as decoding them.
var searchAnswers sync.Map // "xml/1000" → []byte

func searchAnswer(format Format, n int) []byte {
	key := string(format) + "/" + strconv.Itoa(n)
	if b, ok := searchAnswers.Load(key); ok {
		return b.([]byte)
	}
	var b []byte
	if format == FormatXML {
		b = searchAnswerXML(n, true)
	} else {
		b = searchAnswerJSON(n, true)
	}
	searchAnswers.Store(key, b)
	return b
}

// benchDecode runs one contender on an answer of n customers and reports
// per-customer figures besides the per-decode ones.
func benchDecode(b *testing.B, body []byte, n int, decode func([]byte) (int, error)) {
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		got, err := decode(body)
		if err != nil {
			b.Fatal(err)
		}
		if got != n {
			b.Fatalf("decoded %d customers, want %d", got, n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/customer")
}

func BenchmarkSearchDecode(b *testing.B) {
	for _, format := range []Format{FormatXML, FormatJSON} {
		for _, n := range searchSizes {
			body := searchAnswer(format, n)
			prefix := fmt.Sprintf("%s/n=%d/", format, n)
			b.Run(prefix+"telecloud", func(b *testing.B) {
				benchDecode(b, body, n, func(body []byte) (int, error) {
					d, err := parseAnswer(body, format)
					if err != nil {
						return 0, err
					}
					var out CustomerSearchResponse
					err = decodeDoc(d, &out)
					return len(out.Customers), err
				})
			})
			if format == FormatXML {
				b.Run(prefix+"encoding_xml", func(b *testing.B) {
					benchDecode(b, body, n, func(body []byte) (int, error) {
						var out minimalSearchXML
						err := xml.Unmarshal(body, &out)
						return len(out.Customers), err
					})
				})
			} else {
				b.Run(prefix+"encoding_json", func(b *testing.B) {
					benchDecode(b, body, n, func(body []byte) (int, error) {
						var out minimalSearchJSON
						err := json.Unmarshal(body, &out)
						return len(out.Customers), err
					})
				})
			}
		}
	}
}

// TestSearchBenchAnswers keeps the benchmark honest: the package and both
// baselines read the same values from the generated answers, indented or not.
func TestSearchBenchAnswers(t *testing.T) {
	const n = 7
	for _, indent := range []bool{true, false} {
		var x minimalSearchXML
		if err := xml.Unmarshal(searchAnswerXML(n, indent), &x); err != nil {
			t.Fatal(err)
		}
		var j minimalSearchJSON
		if err := json.Unmarshal(searchAnswerJSON(n, indent), &j); err != nil {
			t.Fatal(err)
		}
		for _, format := range []Format{FormatXML, FormatJSON} {
			body := searchAnswerXML(n, indent)
			if format == FormatJSON {
				body = searchAnswerJSON(n, indent)
			}
			d, err := parseAnswer(body, format)
			if err != nil {
				t.Fatal(err)
			}
			var out CustomerSearchResponse
			if err := decodeDoc(d, &out); err != nil {
				t.Fatal(err)
			}
			if len(out.Customers) != n || len(x.Customers) != n || len(j.Customers) != n {
				t.Fatalf("%s: %d, %d and %d customers, want %d", format, len(out.Customers), len(x.Customers), len(j.Customers), n)
			}
			if out.TransID != "4471930" || x.TransID != out.TransID || j.Attributes.TransID != out.TransID {
				t.Errorf("%s: trans_id %q, %q, %q", format, out.TransID, x.TransID, j.Attributes.TransID)
			}
			for i, c := range out.Customers {
				xc, jc := x.Customers[i], j.Customers[i]
				got := []string{c.AccountNumber, c.CoreID, c.CreationDate.Raw, c.LastName, c.Email, c.Password.Reveal(), c.SSN.Reveal(),
					c.PaymentMethodID, c.LocationType, c.AccountCredit.String(), strconv.Itoa(int(c.Status))}
				for k, want := range [][]string{
					{xc.AccountNumber, xc.COREID, xc.CreationDate, xc.LastName, xc.Email, xc.Password, xc.SSN, xc.PaymentMethodID, xc.LocationType, xc.AccountCredit, xc.Status},
					{jc.Attributes.AccountNumber, jc.COREID, jc.CreationDate, jc.LastName, jc.Email, jc.Password, jc.SSN, jc.PaymentMethodID, jc.LocationType, jc.AccountCredit, jc.Status},
				} {
					if fmt.Sprint(got) != fmt.Sprint(want) {
						t.Errorf("%s customer %d: telecloud %v, baseline %d %v", format, i, got, k, want)
					}
				}
			}
		}
	}
}
