package dev.confab.nlu.rest;

import dev.confab.nlu.TestAssistant;
import dev.confab.testsupport.EndpointsNeedKeys;
import dev.confab.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every endpoint of nlu's API needs a key with its role (the checks are {@link EndpointsNeedKeys}'s). */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(TestAssistant.class)
class EveryEndpointNeedsAKeyTest extends EndpointsNeedKeys {
}
