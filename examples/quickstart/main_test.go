package main

import (
	"context"
	"testing"
)

// TestFlows runs every flow against the in-memory fakes, as the README's first
// command does.
func TestFlows(t *testing.T) {
	for _, env := range []string{
		envBaicellsBaseURL, envBaicellsCloudKey, envBaicellsUsername, envBaicellsPassword,
		envOctaneUsername, envOctanePassword, envOctaneSOAPURL, envOctaneRESTURL,
		envAlianzaUsername, envAlianzaPassword, envAlianzaBaseURL, envAlianzaPartition,
		envTeleCloudIDKey, envTeleCloudAPIKey, envTeleCloudBaseURL, envTeleCloudCard, envTeleCloudCardExp, envTeleCloudCardCVV,
	} {
		t.Setenv(env, "")
	}
	for _, f := range flows {
		t.Run(f.name, func(t *testing.T) {
			if err := f.run(context.Background(), &printer{}); err != nil {
				t.Fatal(err)
			}
		})
	}
}
