package dev.confab.analytics.rest;

import dev.confab.testsupport.EndpointsNeedKeys;
import dev.confab.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every endpoint of analytics's API needs a key with its role (the checks are {@link EndpointsNeedKeys}'s). */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class EveryEndpointNeedsAKeyTest extends EndpointsNeedKeys {
}
