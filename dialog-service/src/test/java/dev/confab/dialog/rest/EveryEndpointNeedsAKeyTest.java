package dev.confab.dialog.rest;

import dev.confab.dialog.messaging.BankApiTestServer;
import dev.confab.testsupport.EndpointsNeedKeys;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every endpoint of dialog's API needs a key with its role (the checks are {@link EndpointsNeedKeys}'s). */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BankApiTestServer.class)
class EveryEndpointNeedsAKeyTest extends EndpointsNeedKeys {
}
