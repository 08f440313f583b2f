package telecloud

import "fmt"

// The verbatim samples of Reports and what each decodes to.

// wantChurn is the churn of Reports_Search: 30 days of 0, 2019-07-31 back to 2019-07-02.
func wantChurn() []ChurnDay {
	var out []ChurnDay
	for d := 31; d >= 2; d-- {
		out = append(out, ChurnDay{Date: mustTime(fmt.Sprintf("2019-07-%02d", d)), Count: 0})
	}
	return out
}

// wantHistory is the history of Reports_Search: 0.00 for June 2019 back to July 2018.
func wantHistory() MonthlyHistory {
	m := func(name, ym string) MonthAmount {
		return MonthAmount{MonthName: name, MonthYear: ym, Amount: MustMoney("0.00")}
	}
	return MonthlyHistory{
		Month1: m("JUNE", "2019-06"), Month2: m("MAY", "2019-05"), Month3: m("APRIL", "2019-04"),
		Month4: m("MARCH", "2019-03"), Month5: m("FEBRUARY", "2019-02"), Month6: m("JANUARY", "2019-01"),
		Month7: m("DECEMBER", "2018-12"), Month8: m("NOVEMBER", "2018-11"), Month9: m("OCTOBER", "2018-10"),
		Month10: m("SEPTEMBER", "2018-09"), Month11: m("AUGUST", "2018-08"), Month12: m("JULY", "2018-07"),
	}
}

// clearHistoryMonths drops what the JSON form of a history loses.
func clearHistoryMonths(h *MonthlyHistory) {
	for _, m := range []*MonthAmount{&h.Month1, &h.Month2, &h.Month3, &h.Month4, &h.Month5, &h.Month6,
		&h.Month7, &h.Month8, &h.Month9, &h.Month10, &h.Month11, &h.Month12} {
		m.MonthName, m.MonthYear = "", ""
	}
}

var goldenReports = []golden{
	// Reports
	{op: "Reports/Search", file: "Reports_Search", want: &ReportSearchResponse{
		Report: Report{
			AccountNumber: "7105045",
			Orders:        OrderCounts{Active: 2, Suspended: 1, NonPay: 0, Cancelled: 7, Churn: wantChurn()},
			Financial: FinancialReport{
				WholesaleSpend: MoneyHistory{CurrentMonth: MustMoney("0.00"), PreviousMonth: MustMoney("0.00"), History: wantHistory()},
				Income:         MoneyHistory{CurrentMonth: MustMoney("0.00"), PreviousMonth: MustMoney("0.00"), History: wantHistory()},
			},
			Tickets: TicketReport{
				Internal: TicketCounts{Closed: 1},
				External: TicketCounts{Closed: 2},
			},
		},
	},
		jsonLoses: []string{
			"Report.Orders.Churn[i].Date, .Churn (date/churn attributes of churn items)",
			"Report.Financial.{WholesaleSpend,Income}.History.MonthN.{MonthName,MonthYear} (month_name/month_year attributes)",
		},
		jsonAdjust: func(v any) {
			r := &v.(*ReportSearchResponse).Report
			for i := range r.Orders.Churn {
				r.Orders.Churn[i].Date, r.Orders.Churn[i].Churn = Time{}, ""
			}
			clearHistoryMonths(&r.Financial.WholesaleSpend.History)
			clearHistoryMonths(&r.Financial.Income.History)
		}},
}
