package telecloud

// The verbatim samples of Announcements and what each decodes to.

var goldenAnnouncements = []golden{
	{op: "Announcements/Search", file: "Announcements_Search",
		want: &AnnouncementSearchResponse{Announcements: []Announcement{{
			ID:            "89",
			ShowPartner:   No,
			ShowAffiliate: No,
			Read:          900,
			Unread:        500,
			Date:          mustTime("September 19th, 2019 12:00am"),
			Subject:       "TeleKloud V3 End of LIfe Notice",
			Contents:      v3Notice,
		}}},
		jsonLoses: []string{"Announcements[0].Contents (CDATA)"},
		jsonAdjust: func(v any) {
			r := v.(*AnnouncementSearchResponse)
			r.Announcements[0].Contents = ""
		}},
	{op: "Announcements/Create", file: "Announcements_Create",
		want: &AnnouncementCreateResponse{Meta: Meta{TransID: "3132190"}, Announcement: AnnouncementRef{AnnouncementID: "91"}}},
	{op: "Announcements/Delete", file: "Announcements_Delete",
		want: &AnnouncementDeleteResponse{Meta: Meta{TransID: "3132354"}, Announcement: AnnouncementRef{AnnouncementID: "100"}}},
}
