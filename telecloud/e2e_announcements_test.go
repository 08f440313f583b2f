package telecloud_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/telecloud"
	"github.com/ispkit/ispkit/telecloud/telecloudtest"
)

// End-to-end tests of Alerts and Announcements (see e2e_test.go).

func TestE2EAnnouncementsAndAlerts(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		// The CORE posts an announcement to its VARs; the VAR's user gets it
		// as an ANNOUNCEMENT alert.
		created, err := e.core.Announcements.Create(e.ctx, telecloud.AnnouncementCreateRequest{
			Subject: "Maintenance tonight & tomorrow", Description: "<p>The GSMA network is down <b>1am–3am</b>.</p>",
			ShowVAR: telecloud.Yes, ShowPartner: telecloud.No, EmailNotification: telecloud.No,
		})
		require.NoError(t, err)
		assert.Equal(t, "89", created.Announcement.AnnouncementID)
		assert.NotEmpty(t, created.TransID)

		list, err := e.core.Announcements.Search(e.ctx, telecloud.AnnouncementSearchRequest{})
		require.NoError(t, err)
		require.Len(t, list.Announcements, 1)
		an := list.Announcements[0]
		assert.Equal(t, "89", an.ID)
		assert.Equal(t, telecloud.Yes, an.ShowVAR)
		assert.Equal(t, telecloud.No, an.ShowPartner)
		assert.Equal(t, telecloud.No, an.ShowAffiliate)
		assert.Equal(t, 0, an.Read)
		assert.Equal(t, 1, an.Unread, "the VAR's one user has not read it")
		assert.Equal(t, e2eNow, an.Date.Time, "raw %q", an.Date.Raw)
		assert.Equal(t, "Maintenance tonight &amp; tomorrow", an.Subject, "subjects come HTML-encoded")
		if e.xml() {
			assert.Equal(t, "<p>The GSMA network is down <b>1am–3am</b>.</p>", an.Contents)
		} else {
			assert.Empty(t, an.Contents, "JSON loses CDATA")
		}

		alerts, err := e.c.Alerts.Search(e.ctx, telecloud.AlertSearchRequest{Type: telecloud.AlertTypeAnnouncement})
		require.NoError(t, err)
		require.Len(t, alerts.Alerts, 1)
		al := alerts.Alerts[0]
		assert.Equal(t, telecloud.AlertTypeAnnouncement, al.Type)
		assert.Equal(t, telecloud.AlertUnread, al.Status)
		assert.Equal(t, telecloudtest.DefaultUsername, al.UserID)
		assert.Equal(t, "Maintenance tonight &amp; tomorrow", al.Subject)
		if e.xml() {
			assert.Equal(t, "<p>The GSMA network is down <b>1am–3am</b>.</p>", al.Content)
		}
		coreAlerts, err := e.core.Alerts.Search(e.ctx, telecloud.AlertSearchRequest{})
		require.NoError(t, err)
		assert.Empty(t, coreAlerts.Alerts, "the poster is not alerted")

		// Alerts/Edit sends the newer page's list, status alone; the fake then
		// changes every alert of the API user. Here it has one: it is READ for
		// both searches.
		edited, err := e.c.Alerts.Edit(e.ctx, telecloud.AlertEditRequest{Status: telecloud.AlertDismissed})
		require.NoError(t, err)
		assert.NotEmpty(t, edited.TransID)
		unread, err := e.c.Alerts.Search(e.ctx, telecloud.AlertSearchRequest{Status: telecloud.AlertUnread})
		require.NoError(t, err)
		assert.Empty(t, unread.Alerts)
		read, err := e.c.Alerts.Search(e.ctx, telecloud.AlertSearchRequest{Status: telecloud.AlertRead})
		require.NoError(t, err)
		require.Len(t, read.Alerts, 1)
		assert.Equal(t, al.AlertID, read.Alerts[0].AlertID)
		list, err = e.core.Announcements.Search(e.ctx, telecloud.AnnouncementSearchRequest{AnnouncementID: "89"})
		require.NoError(t, err)
		require.Len(t, list.Announcements, 1)
		assert.Equal(t, 1, list.Announcements[0].Read)
		assert.Equal(t, 0, list.Announcements[0].Unread)
		// One alert, named with the inferred alert_id through WithParam: a
		// second announcement makes a second alert, and only the one named
		// changes.
		second, err := e.core.Announcements.Create(e.ctx, telecloud.AnnouncementCreateRequest{Subject: "Second", Description: "y",
			ShowVAR: telecloud.Yes, EmailNotification: telecloud.Yes})
		require.NoError(t, err)
		unread, err = e.c.Alerts.Search(e.ctx, telecloud.AlertSearchRequest{Status: telecloud.AlertUnread})
		require.NoError(t, err)
		require.Len(t, unread.Alerts, 1)
		al2 := unread.Alerts[0]
		require.NotEqual(t, al.AlertID, al2.AlertID)
		_, err = e.c.Alerts.Edit(e.ctx, telecloud.AlertEditRequest{Status: telecloud.AlertNew}, telecloud.WithParam("alert_id", al.AlertID))
		require.NoError(t, err)
		_, err = e.c.Alerts.Edit(e.ctx, telecloud.AlertEditRequest{Status: telecloud.AlertDismissed}, telecloud.WithParam("alert_id", al2.AlertID))
		require.NoError(t, err)
		unread, err = e.c.Alerts.Search(e.ctx, telecloud.AlertSearchRequest{Status: telecloud.AlertUnread})
		require.NoError(t, err)
		require.Len(t, unread.Alerts, 1)
		assert.Equal(t, al.AlertID, unread.Alerts[0].AlertID)
		_, err = e.core.Announcements.Delete(e.ctx, telecloud.AnnouncementDeleteRequest{AnnouncementID: second.Announcement.AnnouncementID})
		require.NoError(t, err)
		_, err = e.c.Alerts.Edit(e.ctx, telecloud.AlertEditRequest{Status: telecloud.AlertNew}, telecloud.WithParam("alert_id", "999"))
		vendorError(t, err, "Alert 999 not found.")
		_, err = e.c.Alerts.Edit(e.ctx, telecloud.AlertEditRequest{})
		invalidInput(t, err, "Status")

		// email_notification is required (the newer page's list); the show
		// flags are optional, and an announcement shown to nobody is posted.
		_, err = e.core.Announcements.Create(e.ctx, telecloud.AnnouncementCreateRequest{Subject: "Nobody", Description: "x"})
		invalidInput(t, err, "EmailNotification")
		nobody, err := e.core.Announcements.Create(e.ctx, telecloud.AnnouncementCreateRequest{Subject: "Nobody", Description: "x",
			EmailNotification: telecloud.No})
		require.NoError(t, err)
		_, err = e.core.Announcements.Delete(e.ctx, telecloud.AnnouncementDeleteRequest{AnnouncementID: nobody.Announcement.AnnouncementID})
		require.NoError(t, err)

		// Deleting it removes it and the alerts it made.
		del, err := e.core.Announcements.Delete(e.ctx, telecloud.AnnouncementDeleteRequest{AnnouncementID: "89"})
		require.NoError(t, err)
		assert.Equal(t, "89", del.Announcement.AnnouncementID)
		list, err = e.core.Announcements.Search(e.ctx, telecloud.AnnouncementSearchRequest{})
		require.NoError(t, err)
		assert.Empty(t, list.Announcements)
		alerts, err = e.c.Alerts.Search(e.ctx, telecloud.AlertSearchRequest{})
		require.NoError(t, err)
		assert.Empty(t, alerts.Alerts)
		_, err = e.core.Announcements.Delete(e.ctx, telecloud.AnnouncementDeleteRequest{AnnouncementID: "89"})
		vendorError(t, err, "Announcement 89 not found.")
	})
}
