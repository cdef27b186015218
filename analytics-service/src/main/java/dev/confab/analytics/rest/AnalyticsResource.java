package dev.confab.analytics.rest;

import dev.confab.analytics.service.AnalyticsReport;
import dev.confab.analytics.service.ConversationAnalytics;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.rest.InvalidRequestException;
import dev.confab.contracts.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

/**
 * An assistant's conversation figures, for the analytics page and for business dashboards. Internal, like dialog's
 * REST API: reachable only where the network policy allows.
 */
@RolesAllowed(Roles.ANALYST)
@Path("/v1/analytics/{tenant}/{assistant}")
public class AnalyticsResource {

    private final ConversationAnalytics analytics;

    public AnalyticsResource(ConversationAnalytics analytics) {
        this.analytics = analytics;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public AnalyticsReport report(@RestPath String tenant, @RestPath String assistant) {
        if (!Envelope.IDENTIFIER.matcher(tenant).matches() || !Envelope.IDENTIFIER.matcher(assistant).matches()) {
            throw new InvalidRequestException("Invalid tenant or assistant id: use 1-128 letters, digits, '_', '-', "
                    + "'.' or ':'");
        }
        return analytics.report(tenant, assistant);
    }
}
