package dev.confab.testsupport;

import org.junit.jupiter.api.Test;

/**
 * What every service's API promises, as tests a service inherits under its own {@code @QuarkusTest} set-up: each
 * endpoint it declares refuses a request without a key (401), a key without the endpoint's role (403) and, where
 * it names a tenant, another tenant's key (403), each as problem+json, before doing anything.
 */
public abstract class EndpointsNeedKeys {

    @Test
    void everyEndpointRefusesARequestWithoutAKey() {
        EveryEndpoint.assertEachAnswers(EveryEndpoint.ofThisModule(), EveryEndpoint::anonymous, 401);
    }

    @Test
    void everyEndpointRefusesAClientKey() {
        EveryEndpoint.assertEachAnswers(EveryEndpoint.ofThisModule(), TestKeys::asAcmeClient, 403);
    }

    @Test
    void everyEndpointNamingATenantRefusesAnotherTenantsKey() {
        EveryEndpoint.assertEachAnswers(EveryEndpoint.ofThisModule().stream()
                .filter(EveryEndpoint.Endpoint::namesTenant)
                .toList(), TestKeys::asGlobex, 403);
    }
}
