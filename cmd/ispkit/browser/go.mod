module github.com/ispkit/ispkit/cmd/ispkit/browser

go 1.26.0

replace github.com/ispkit/ispkit => ../../..

require (
	github.com/chromedp/chromedp v0.23.1
	github.com/ispkit/ispkit v0.0.0-00010101000000-000000000000
)

require (
	github.com/chromedp/cdproto v0.160.1 // indirect
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	github.com/hashicorp/go-cleanhttp v0.5.2 // indirect
	github.com/hashicorp/go-retryablehttp v0.7.8 // indirect
	golang.org/x/time v0.12.0 // indirect
)
