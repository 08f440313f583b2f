package telecloud_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ispkit/ispkit/telecloud"
)

// End-to-end tests of Notifications (see e2e_test.go).

func TestE2ENotifications(t *testing.T) {
	eachFormat(t, func(t *testing.T, e *e2e) {
		tpl := func(ev telecloud.NotificationEvent) telecloud.NotificationTemplate {
			t.Helper()
			res, err := e.c.Notifications.SearchTemplate(e.ctx, telecloud.NotificationSearchTemplateRequest{Event: ev})
			require.NoError(t, err)
			require.Len(t, res.Templates, 1)
			return res.Templates[0]
		}
		before := tpl(telecloud.EventOrderCreate)
		assert.Equal(t, "3", before.TemplateID)
		assert.Equal(t, telecloud.EventOrderCreate, before.Event.Name)
		assert.Equal(t, telecloud.TemplateNotReady, before.CloudNotificationStatus)
		assert.Equal(t, telecloud.TemplateNotReady, before.CustomerNotificationStatus)
		all, err := e.c.Notifications.SearchTemplate(e.ctx, telecloud.NotificationSearchTemplateRequest{})
		require.NoError(t, err)
		assert.Len(t, all.Templates, 7, "one per event")

		const html, htmlCustomer = "<h1>New order {order_number}</h1>", "<p>Thanks for your order, {first_name}!</p>"
		cr, err := e.c.Notifications.Create(e.ctx, telecloud.NotificationCreateRequest{Event: telecloud.EventOrderCreate,
			NotifyCustomer: telecloud.Yes, HTML: html, HTMLCustomer: htmlCustomer, FromEmail: "noreply@yourbrand.example"})
		require.NoError(t, err)
		assert.NotEmpty(t, cr.TransID)
		assert.Equal(t, telecloud.Yes, cr.NotifyCustomer, "an attribute of the envelope in this answer")
		assert.Equal(t, "7", cr.Notification.NotificationID)
		assert.Equal(t, telecloud.EventOrderCreate, cr.Notification.Event.Name)
		assert.Equal(t, "noreply@yourbrand.example", cr.Notification.FromEmail)
		if e.xml() {
			assert.Equal(t, html, cr.Notification.HTML)
			assert.Equal(t, htmlCustomer, cr.Notification.HTMLCustomer)
		}

		list, err := e.c.Notifications.Search(e.ctx, telecloud.NotificationSearchRequest{Event: telecloud.EventOrderCreate})
		require.NoError(t, err)
		require.Len(t, list.Notifications, 1)
		n := list.Notifications[0]
		assert.Equal(t, "7", n.NotificationID)
		assert.Equal(t, telecloud.Yes, n.NotifyCustomer)
		assert.Equal(t, telecloud.EventOrderCreate, n.Event.Name)
		assert.Equal(t, "noreply@yourbrand.example", n.FromEmail)
		if e.xml() {
			assert.Equal(t, telecloud.Yes, n.Event.CustomerNotificationAvailable)
			assert.Equal(t, html, n.HTML)
			assert.Equal(t, htmlCustomer, n.HTMLCustomer)
		} else {
			assert.Empty(t, n.Event.CustomerNotificationAvailable, "JSON loses the attributes of an element with text")
			assert.Empty(t, n.HTML, "JSON loses CDATA")
		}
		after := tpl(telecloud.EventOrderCreate)
		assert.Equal(t, telecloud.TemplateReady, after.CloudNotificationStatus)
		assert.Equal(t, telecloud.TemplateReady, after.CustomerNotificationStatus)
		if e.xml() {
			assert.Equal(t, telecloud.Yes, after.Event.CustomerNotificationAvailable)
		}

		// The rules: one per event, customer notifications only where available.
		_, err = e.c.Notifications.Create(e.ctx, telecloud.NotificationCreateRequest{Event: telecloud.EventOrderCreate, HTML: "<p>again</p>"})
		vendorError(t, err, "A notification for Order/Create already exists (notification_id 7).")
		_, err = e.c.Notifications.Create(e.ctx, telecloud.NotificationCreateRequest{Event: telecloud.EventCloudAccountCreate,
			NotifyCustomer: telecloud.Yes, HTML: "<p>x</p>", HTMLCustomer: "<p>y</p>"})
		vendorError(t, err, "Customer notifications are not available for CloudAccount/Create.")
		_, err = e.c.Notifications.Create(e.ctx, telecloud.NotificationCreateRequest{Event: telecloud.EventOrderCancel, NotifyCustomer: telecloud.Yes, HTML: "<p>x</p>"})
		invalidInput(t, err, "HTMLCustomer")

		// Edit: the customer is no longer notified; the HTML changes.
		ed, err := e.c.Notifications.Edit(e.ctx, telecloud.NotificationEditRequest{NotificationID: "7", NotifyCustomer: telecloud.No, HTML: "<h1>Order!</h1>"})
		require.NoError(t, err)
		assert.Equal(t, "7", ed.Notification.NotificationID)
		assert.Equal(t, telecloud.No, ed.Notification.NotifyCustomer)
		list, err = e.c.Notifications.Search(e.ctx, telecloud.NotificationSearchRequest{NotificationID: "7"})
		require.NoError(t, err)
		require.Len(t, list.Notifications, 1)
		assert.Equal(t, telecloud.No, list.Notifications[0].NotifyCustomer)
		if e.xml() {
			assert.Equal(t, "<h1>Order!</h1>", list.Notifications[0].HTML)
			assert.Equal(t, htmlCustomer, list.Notifications[0].HTMLCustomer, "fields not sent are kept")
		}
		assert.Equal(t, telecloud.TemplateNotReady, tpl(telecloud.EventOrderCreate).CustomerNotificationStatus)

		del, err := e.c.Notifications.Delete(e.ctx, telecloud.NotificationDeleteRequest{NotificationID: "7"})
		require.NoError(t, err)
		assert.Equal(t, "7", del.Notification.NotificationID)
		list, err = e.c.Notifications.Search(e.ctx, telecloud.NotificationSearchRequest{})
		require.NoError(t, err)
		assert.Empty(t, list.Notifications)
		assert.Equal(t, telecloud.TemplateNotReady, tpl(telecloud.EventOrderCreate).CloudNotificationStatus)
		_, err = e.c.Notifications.Delete(e.ctx, telecloud.NotificationDeleteRequest{NotificationID: "7"})
		vendorError(t, err, "Notification 7 not found.")
	})
}
