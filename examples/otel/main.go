// Command otel feeds OpenTelemetry metrics and traces from ispkit's
// per-attempt Observer: one span per HTTP attempt, named after the
// operation (which an http.RoundTripper never sees), and two instruments,
// an attempt counter and a duration histogram, labelled with the operation,
// the status and whether the attempt was retried.
//
// It lives in a module of its own, so ispkit itself does not depend on
// OpenTelemetry. It runs against the in-memory BOSS fake, with one 503
// injected to show a retried attempt:
//
//	cd examples/otel && go run .
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"sort"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/ispkit/ispkit"
	"github.com/ispkit/ispkit/baicells"
	"github.com/ispkit/ispkit/baicells/baicellstest"
)

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// Telemetry turns ispkit attempts into OpenTelemetry spans and metrics.
type Telemetry struct {
	tracer   trace.Tracer
	attempts metric.Int64Counter
	duration metric.Float64Histogram
}

// NewTelemetry creates the instruments on the given providers.
func NewTelemetry(tp trace.TracerProvider, mp metric.MeterProvider) (*Telemetry, error) {
	const scope = "github.com/ispkit/ispkit/examples/otel"
	meter := mp.Meter(scope)
	attempts, err := meter.Int64Counter("ispkit.attempts", metric.WithDescription("HTTP attempts, retries included"))
	if err != nil {
		return nil, err
	}
	duration, err := meter.Float64Histogram("ispkit.attempt.duration", metric.WithUnit("s"))
	if err != nil {
		return nil, err
	}
	return &Telemetry{tracer: tp.Tracer(scope), attempts: attempts, duration: duration}, nil
}

// Observe is an ispkit.Observer: pass it to any package's WithObserver.
func (t *Telemetry) Observe(ctx context.Context, a ispkit.Attempt) {
	attrs := []attribute.KeyValue{
		attribute.String("ispkit.op", a.Op),
		attribute.Int("http.response.status_code", a.StatusCode),
		attribute.Bool("ispkit.retrying", a.Retrying),
	}
	set := metric.WithAttributes(attrs...)
	t.attempts.Add(ctx, 1, set)
	t.duration.Record(ctx, a.Duration.Seconds(), set)

	end := time.Now()
	_, span := t.tracer.Start(ctx, a.Op, trace.WithTimestamp(end.Add(-a.Duration)), trace.WithSpanKind(trace.SpanKindClient))
	span.SetAttributes(append(attrs,
		attribute.Int("ispkit.attempt", a.Number),
		attribute.String("http.request.method", a.Method),
		attribute.String("url.full", a.URL), // credentials and secret parameters already removed
		attribute.String("ispkit.request_id", a.RequestID),
	)...)
	if a.Err != nil { // already scrubbed of every secret of the call
		span.RecordError(a.Err)
		span.SetStatus(codes.Error, a.Err.Error())
	} else if a.StatusCode >= 500 {
		span.SetStatus(codes.Error, http.StatusText(a.StatusCode))
	}
	span.End(trace.WithTimestamp(end))
}

func run(ctx context.Context, out io.Writer) error {
	spans := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(spans))
	reader := sdkmetric.NewManualReader()
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	tel, err := NewTelemetry(tp, mp)
	if err != nil {
		return err
	}

	srv := baicellstest.NewServer()
	defer srv.Close()
	srv.InjectFault(baicellstest.Fault{Path: "/customers/querybyid", Status: http.StatusServiceUnavailable, Times: 1})
	retry := baicells.DefaultRetryPolicy()
	retry.MinWait, retry.MaxWait = time.Millisecond, 10*time.Millisecond
	c := srv.Client(baicells.WithObserver(tel.Observe), baicells.WithRetry(retry))

	if err := c.Subscribers.Create(ctx, baicells.Profile{ID: "sub-1", Name: "Ada"}); err != nil {
		return err
	}
	if _, err := c.Subscribers.Get(ctx, "sub-1"); err != nil {
		return err
	}

	fmt.Fprintln(out, "spans:")
	for _, s := range spans.Ended() {
		var status int64
		for _, kv := range s.Attributes() {
			if kv.Key == "http.response.status_code" {
				status = kv.Value.AsInt64()
			}
		}
		fmt.Fprintf(out, "  %s HTTP %d %s\n", s.Name(), status, s.Status().Code)
	}

	var rm metricdata.ResourceMetrics
	if err := reader.Collect(ctx, &rm); err != nil {
		return err
	}
	fmt.Fprintln(out, "ispkit.attempts:")
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			sum, ok := m.Data.(metricdata.Sum[int64])
			if !ok {
				continue
			}
			var lines []string
			for _, dp := range sum.DataPoints {
				op, _ := dp.Attributes.Value("ispkit.op")
				st, _ := dp.Attributes.Value("http.response.status_code")
				lines = append(lines, fmt.Sprintf("  %s HTTP %d: %d", op.AsString(), st.AsInt64(), dp.Value))
			}
			sort.Strings(lines)
			for _, l := range lines {
				fmt.Fprintln(out, l)
			}
		}
	}
	return nil
}
