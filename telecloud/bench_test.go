package telecloud

// Decoding benchmarks for the Customer/Qualify sample: the package's path
// (tree + quirk-absorbing typed decode) against encoding/xml and encoding/json
// decoding the same sample into minimal structs of plain strings, which absorb
// no quirk ({} for empty, one object or an array, @attributes).
//
//	go test ./telecloud -run '^$' -bench QualifyDecode -benchmem

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"testing"
)

type minimalVarXML struct {
	XMLName     xml.Name
	Type        string `xml:"TYPE,attr"`
	Options     string `xml:"OPTIONS,attr"`
	Description string `xml:"DESCRIPTION,attr"`
	Swapable    string `xml:"SWAPABLE,attr"`
	Prompt      string `xml:"PROMPT,attr"`
	Category    string `xml:"CATEGORY,attr"`
	Name        string `xml:",chardata"`
}

type minimalQualifyXML struct {
	Customer struct {
		AccountNumber string `xml:"account_number,attr"`
		Products      []struct {
			ID             string `xml:"id,attr"`
			ReplenishGroup string `xml:"REPLENISH_GROUP"`
			Name           string `xml:"NAME"`
			Type           string `xml:"TYPE"`
			Description    string `xml:"DESCRIPTION"`
			SetupPrice     string `xml:"SETUP_PRICE"`
			Price          string `xml:"PRICE"`
			ExpirationDays string `xml:"EXPIRATION_DAYS"`
			Status         string `xml:"STATUS"`
			Group          struct {
				ID   string `xml:"id,attr"`
				Name string `xml:",chardata"`
			} `xml:"GROUP"`
			PromptForVariables string          `xml:"PROMPT_FOR_VARIABLES"`
			ReplenishWithPlan  string          `xml:"REPLENISH_WITH_PLAN"`
			Vars               []minimalVarXML `xml:",any"`
			VARProduct         struct {
				ID          string `xml:"id,attr"`
				Status      string `xml:"STATUS"`
				SetupPrice  string `xml:"SETUP_PRICE"`
				Price       string `xml:"PRICE"`
				Description string `xml:"DESCRIPTION"`
				Name        string `xml:"NAME"`
				VARID       string `xml:"VARID"`
				ProductID   string `xml:"PRODUCTID"`
			} `xml:"VARProduct"`
		} `xml:"qualify>COREProduct"`
	} `xml:"customer"`
}

type minimalQualifyJSON struct {
	Customer struct {
		Attributes struct {
			AccountNumber string `json:"account_number"`
		} `json:"@attributes"`
		Qualify struct {
			COREProduct struct {
				Attributes struct {
					ID string `json:"id"`
				} `json:"@attributes"`
				ReplenishGroup     string `json:"REPLENISH_GROUP"`
				Name               string `json:"NAME"`
				Type               string `json:"TYPE"`
				Description        string `json:"DESCRIPTION"`
				SetupPrice         string `json:"SETUP_PRICE"`
				Price              string `json:"PRICE"`
				ExpirationDays     string `json:"EXPIRATION_DAYS"`
				Status             string `json:"STATUS"`
				Group              string `json:"GROUP"`
				PromptForVariables string `json:"PROMPT_FOR_VARIABLES"`
				ReplenishWithPlan  string `json:"REPLENISH_WITH_PLAN"`
				VAR1               string `json:"VAR1"`
				VAR2               string `json:"VAR2"`
				VAR3               string `json:"VAR3"`
				VAR4               string `json:"VAR4"`
				VAR5               string `json:"VAR5"`
				VAR6               string `json:"VAR6"`
				VAR7               string `json:"VAR7"`
				VAR8               string `json:"VAR8"`
				VAR9               string `json:"VAR9"`
				VAR10              string `json:"VAR10"`
				VAR11              string `json:"VAR11"`
				VAR12              string `json:"VAR12"`
				VAR13              string `json:"VAR13"`
				VAR14              string `json:"VAR14"`
				VAR15              string `json:"VAR15"`
				VARProduct         struct {
					Attributes struct {
						ID string `json:"id"`
					} `json:"@attributes"`
					Status      string `json:"STATUS"`
					SetupPrice  string `json:"SETUP_PRICE"`
					Price       string `json:"PRICE"`
					Description string `json:"DESCRIPTION"`
					Name        string `json:"NAME"`
					VARID       string `json:"VARID"`
					ProductID   string `json:"PRODUCTID"`
				} `json:"VARProduct"`
			} `json:"COREProduct"`
		} `json:"qualify"`
	} `json:"customer"`
}

func benchSample(b *testing.B, name string) []byte {
	body, err := os.ReadFile(filepath.Join("..", "testdata", "telecloud", name))
	if err != nil {
		b.Fatal(err)
	}
	return body
}

func BenchmarkQualifyDecode(b *testing.B) {
	xmlBody := benchSample(b, "Customer_Qualify.xml")
	jsonBody := benchSample(b, "Customer_Qualify.json")

	b.Run("xml/telecloud", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(xmlBody)))
		for i := 0; i < b.N; i++ {
			d, err := parseXML(xmlBody)
			if err != nil {
				b.Fatal(err)
			}
			var out CustomerQualifyResponse
			if err := decodeDoc(d, &out); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("xml/encoding_xml", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(xmlBody)))
		for i := 0; i < b.N; i++ {
			var out minimalQualifyXML
			if err := xml.Unmarshal(xmlBody, &out); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json/telecloud", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(jsonBody)))
		for i := 0; i < b.N; i++ {
			d, err := parseJSON(jsonBody)
			if err != nil {
				b.Fatal(err)
			}
			var out CustomerQualifyResponse
			if err := decodeDoc(d, &out); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json/encoding_json", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(jsonBody)))
		for i := 0; i < b.N; i++ {
			var out minimalQualifyJSON
			if err := json.Unmarshal(jsonBody, &out); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestBenchmarkBaselinesDecodeTheSample keeps the baselines honest: they must
// read the sample's values, or the ratio means nothing.
func TestBenchmarkBaselinesDecodeTheSample(t *testing.T) {
	var j minimalQualifyJSON
	if err := json.Unmarshal(readSample(t, "Customer_Qualify.json"), &j); err != nil {
		t.Fatal(err)
	}
	if j.Customer.Qualify.COREProduct.VARProduct.Name != "YourBrand PowerPack" || j.Customer.Qualify.COREProduct.VAR15 != "PORT_STATUS" {
		t.Errorf("JSON baseline lost data: %+v", j.Customer.Qualify.COREProduct)
	}
	var x minimalQualifyXML
	if err := xml.Unmarshal(readSample(t, "Customer_Qualify.xml"), &x); err != nil {
		t.Fatal(err)
	}
	if len(x.Customer.Products) != 1 || x.Customer.Products[0].VARProduct.Name != "YourBrand PowerPack" || x.Customer.Products[0].Group.ID != "73" {
		t.Errorf("XML baseline lost data: %+v", x.Customer.Products)
	}
}

// BenchmarkQualifyRoundTrip is one Customer/Qualify call against a loopback
// server answering the reference's sample, through the client and through a
// hand-written net/http call (form the query, GET, read, decode into the
// minimal structs). Run with -cpu 1,2.
func BenchmarkQualifyRoundTrip(b *testing.B) {
	for _, format := range []Format{FormatXML, FormatJSON} {
		body := benchSample(b, "Customer_Qualify."+string(format))
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			_, _ = w.Write(body)
		}))
		b.Run(string(format)+"/telecloud", func(b *testing.B) {
			c, err := New(Credentials{APIIDKey: NewSecret(testIDKey), APIKey: NewSecret(testAPIKey)}, WithBaseURL(srv.URL), WithFormat(format))
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			req := CustomerQualifyRequest{AccountNumber: "9105012", QualifyType: QualifyNew}
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				res, err := c.Customers.Qualify(ctx, req)
				if err != nil || len(res.Products) != 1 {
					b.Fatal(err)
				}
			}
		})
		b.Run(string(format)+"/net_http", func(b *testing.B) {
			hc := &http.Client{}
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				q := url.Values{"API_ID_KEY": {testIDKey}, "API_KEY": {testAPIKey}, "account_number": {"9105012"}, "qualify_type": {"NEW"}}
				resp, err := hc.Get(srv.URL + "/API/" + string(format) + "/Customer/Qualify?" + q.Encode())
				if err != nil {
					b.Fatal(err)
				}
				raw, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err != nil || resp.StatusCode != http.StatusOK {
					b.Fatal(err, resp.StatusCode)
				}
				if format == FormatJSON {
					var out minimalQualifyJSON
					err = json.Unmarshal(raw, &out)
				} else {
					var out minimalQualifyXML
					err = xml.Unmarshal(raw, &out)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
		srv.Close()
	}
}
