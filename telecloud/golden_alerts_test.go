package telecloud

// The verbatim samples of Alerts and what each decodes to. Alerts/Edit has
// no sample.

var goldenAlerts = []golden{
	{op: "Alerts/Search", file: "Alerts_Search",
		want: &AlertSearchResponse{Alerts: []Alert{{
			AlertID: "41",
			Date:    mustTime("October 18th, 2019 12:21pm"),
			UserID:  "don_hawkins1",
			Subject: "TeleKloud V3 End of LIfe Notice",
			Content: v3Notice,
			Status:  AlertUnread,
			Type:    AlertTypeAnnouncement,
		}}},
		jsonLoses: []string{"Alerts[0].Content (CDATA)"},
		jsonAdjust: func(v any) {
			r := v.(*AlertSearchResponse)
			r.Alerts[0].Content = ""
		}},
}
