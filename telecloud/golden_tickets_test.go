package telecloud

// The verbatim samples of Ticket and what each decodes to.

// replyMessage791 is the body of reply 791 of Ticket_Search: HTML the
// reference prints without CDATA (entities unescaped, as in the JSON form).
const replyMessage791 = `<p>GSM Network iPHone:<br><br>Apple iPhone - Internet and MMS (iOS Version 6 or Later)<br>Go to "Settings", tap on WiFi and temporarily turn it OFF<br>Back in "Settings", scroll down to "Messages" and tap to open it. Make sure MMS is OFF<br>Go back to "Settings", tap on "General" and then "Cellular". Make sure "Enable 3G" is OFF & "Data Roaming" is ON.<br>Scroll down & tap on "Cellular Data Network"<br>Under "Cellular Data Network" put in the following:<br>Cellular Data APN: pwg<br>MMS APN: pwg<br>MMSC: http://pwg.mmsmvno.com/mms.wapenc (needs to be ".com/mms/wapenc"<br>MMS Proxy: 216.155.165.50 (deleted this, and MMS could send to non iphones)<br>MMS Max Message Size: 1048576<br>MMS UA Prof URL: http://www.apple.com/mms/uaprof.rdf<br>Leave all other fields blank<br><br></p><p>Click on the Home button to go back to the main phone screen<br>Go back to "Settings" one more time, scroll down and tap on "Messages" and turn it ON<br>Press the Home button and you're set to send & receive MMS on PWG<br>Once you have set it up and tested to see it works, you can re-enable WiFi, turn off Data Roaming and turn on 3G<br></p><p><br></p><p><br></p>`

var goldenTickets = []golden{
	// Ticket
	{op: "Ticket/Search", file: "Ticket_Search", want: &TicketSearchResponse{
		Results: 1,
		Tickets: []Ticket{{
			TicketID:    "WHE-77971",
			TicketEmail: "440-WHE-77971@telecloud.app",
			Date: TicketDate{
				Time:        mustTime("2016-01-15 18:59:02"),
				Unix:        1452902342,
				LastReply:   mustTime("0000-00-00 00:00:00"),
				ElapsedTime: "About 1275 day(s) ago.",
			},
			Core:       TicketAccount{CloudAccountNumber: "0628198300", Name: "Hawkins Enterprise Group LLC"},
			VAR:        TicketAccount{CloudAccountNumber: "1992093958", Name: "ZillaTalk"},
			Direction:  TicketExternal,
			OpenedBy:   TicketPerson{IconURL: "https://telecloud.app/images/icon_person_placeholder.png", Name: "Chad Hawkins [VAR]"},
			OpenedVia:  "POST",
			Department: DepartmentTechSupport,
			Subject:    "Connection and MMS Issues",
			Message:    "<p>Customer having a problem with connection and MMS issue son iPhone 6+</p><p>Don</p>",
			Attachments: TicketAttachments{Results: 2, Files: []string{
				"https://telecloud.app/attachments/1563155912634.jpg",
				"https://telecloud.app/attachments/1563155912534.png",
			}},
			Status: TicketClosed,
			Replies: []TicketReply{
				{
					MessageID: "791",
					Date:      TicketDate{Time: mustTime("2016-01-15 19:00:02"), Unix: 1452902402, ElapsedTime: "About 1275 day(s) ago."},
					PostedBy:  TicketPerson{Type: "STAFF", IconURL: "https://telecloud.app/images/icon_person_placeholder.png", Name: "Chad Hawkins [VAR]"},
					PostedVia: "POST",
					Message:   replyMessage791,
				},
				{
					MessageID: "814",
					Date:      TicketDate{Time: mustTime("2016-01-29 08:58:22"), Unix: 1454075902, ElapsedTime: "About 1261 day(s) ago."},
					PostedBy:  TicketPerson{Type: "STAFF", IconURL: "https://telecloud.app/images/icon_person_placeholder.png", Name: "DON HAWKINS [CORE]"},
					PostedVia: "POST",
					Message:   "<p><br></p>",
				},
			},
		}},
	},
		jsonLoses: []string{
			"Tickets[i].Date.{Unix,LastReply,ElapsedTime} and Replies[j].Date.{Unix,ElapsedTime} (attributes of <date>)",
			"Tickets[i].Core.CloudAccountNumber, Tickets[i].VAR.CloudAccountNumber (attributes of <CORE>, <VAR>)",
			"Tickets[i].OpenedBy.IconURL, Replies[j].PostedBy.{Type,IconURL} (attributes of <opened_by>, <posted_by>)",
		},
		jsonAdjust: func(v any) {
			for i := range v.(*TicketSearchResponse).Tickets {
				t := &v.(*TicketSearchResponse).Tickets[i]
				t.Date = TicketDate{Time: t.Date.Time}
				t.Core.CloudAccountNumber, t.VAR.CloudAccountNumber = "", ""
				t.OpenedBy = TicketPerson{Name: t.OpenedBy.Name}
				for j := range t.Replies {
					r := &t.Replies[j]
					r.Date = TicketDate{Time: r.Date.Time}
					r.PostedBy = TicketPerson{Name: r.PostedBy.Name}
				}
			}
		}},
	{op: "Ticket/Create", file: "Ticket_Create", want: &TicketCreateResponse{
		Meta:   Meta{TransID: "3123957"},
		Ticket: TicketRef{TicketID: "PBCM-91777"},
	}},
	{op: "Ticket/Reply", file: "Ticket_Reply", want: &TicketReplyResponse{
		Meta:   Meta{TransID: "3124051"},
		Ticket: TicketRef{TicketID: "UWXCLP-96302"},
	}},
	{op: "Ticket/Edit", file: "Ticket_Edit", want: &TicketEditResponse{
		Meta:   Meta{TransID: "3124157"},
		Ticket: TicketRef{TicketID: "MVEM-23948"},
	}},
}
