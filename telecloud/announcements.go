package telecloud

import "context"

// AnnouncementSearchRequest filters Announcements/Search.
type AnnouncementSearchRequest struct {
	// AnnouncementID selects one announcement; empty lists them all.
	AnnouncementID string
}

// AnnouncementSearchResponse is the answer of Announcements/Search.
type AnnouncementSearchResponse struct {
	Meta
	// Announcements are those you or another admin of your cloud account posted.
	Announcements []Announcement `tc:"Announcements>announcement"`
}

// Announcement is an announcement posted to the accounts below yours.
type Announcement struct {
	// ID identifies the announcement (the announcements_id attribute, with
	// an s; Announcements/Create and Delete call it announcement_id).
	ID string `tc:"announcements_id,attr"`
	// ShowVAR, ShowPartner and ShowAffiliate say which account types see it.
	ShowVAR       Flag `tc:"show_var,attr"`
	ShowPartner   Flag `tc:"show_partner,attr"`
	ShowAffiliate Flag `tc:"show_affiliate,attr"`
	// Read and Unread count the accounts that have and have not read it.
	Read   int `tc:"read,attr"`
	Unread int `tc:"unread,attr"`
	// Date is when it was posted.
	Date Time `tc:"date"`
	// Subject is the subject, HTML-encoded.
	Subject string `tc:"subject"`
	// Contents is the body, HTML. It is sent as CDATA, which the JSON format
	// loses: use XML to read it.
	Contents string `tc:"contents"`
}

// AnnouncementCreateRequest is the input of Announcements/Create.
type AnnouncementCreateRequest struct {
	// Subject is the subject of the announcement. Required.
	Subject string
	// Description is the description or contents of the announcement. Required.
	Description string
	// ShowVAR: Y shows the announcement to VAR accounts.
	ShowVAR Flag
	// ShowPartner: Y shows the announcement to PARTNER accounts.
	ShowPartner Flag
	// ShowAffiliate: Y shows the announcement to AFFILIATE accounts.
	ShowAffiliate Flag
	// EmailNotification is Y to send the announcement by e-mail as well, N
	// not to. Required: the vendor's newer reference page lists it as
	// required ("Either a Y or N"), the show flags as optional.
	EmailNotification Flag
}

func (r *AnnouncementCreateRequest) validate() error {
	for _, f := range []struct {
		field, name string
		v           Flag
	}{
		{"ShowVAR", "show_var", r.ShowVAR},
		{"ShowPartner", "show_partner", r.ShowPartner},
		{"ShowAffiliate", "show_affiliate", r.ShowAffiliate},
		{"EmailNotification", "email_notification", r.EmailNotification},
	} {
		if !f.v.Valid() {
			return invalidField(f.field, f.name, "must be Y or N")
		}
	}
	return nil
}

// AnnouncementCreateResponse is the answer of Announcements/Create.
type AnnouncementCreateResponse struct {
	Meta
	// Announcement identifies the new announcement.
	Announcement AnnouncementRef `tc:"announcement"`
}

// AnnouncementRef is the <announcement announcement_id="…"/> of
// Announcements/Create and Delete.
type AnnouncementRef struct {
	// AnnouncementID identifies the announcement.
	AnnouncementID string `tc:"announcement_id,attr"`
}

// AnnouncementDeleteRequest is the input of Announcements/Delete.
type AnnouncementDeleteRequest struct {
	// AnnouncementID is the announcement to delete. Required.
	AnnouncementID string
}

// AnnouncementDeleteResponse is the answer of Announcements/Delete.
type AnnouncementDeleteResponse struct {
	Meta
	// Announcement identifies the deleted announcement.
	Announcement AnnouncementRef `tc:"announcement"`
}

// Search lists the announcements you or another admin of your cloud account
// posted (Announcements/Search). Your own inbox is Alerts.Search. Subjects and
// contents are HTML-encoded; contents need the XML format (the default).
func (s *AnnouncementsService) Search(ctx context.Context, req AnnouncementSearchRequest, opts ...CallOption) (*AnnouncementSearchResponse, error) {
	return call[AnnouncementSearchResponse](ctx, s.c, "Announcements/Search", &req, opts)
}

// Create posts an announcement to the VAR, PARTNER and/or AFFILIATE accounts
// below yours (Announcements/Create), optionally by e-mail as well.
func (s *AnnouncementsService) Create(ctx context.Context, req AnnouncementCreateRequest, opts ...CallOption) (*AnnouncementCreateResponse, error) {
	return call[AnnouncementCreateResponse](ctx, s.c, "Announcements/Create", &req, opts)
}

// Delete removes an announcement, which is then no longer shown
// (Announcements/Delete).
func (s *AnnouncementsService) Delete(ctx context.Context, req AnnouncementDeleteRequest, opts ...CallOption) (*AnnouncementDeleteResponse, error) {
	return call[AnnouncementDeleteResponse](ctx, s.c, "Announcements/Delete", &req, opts)
}
