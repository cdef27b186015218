package dev.confab.contracts.security;

import dev.confab.contracts.event.AuditRecorded;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.RecordKeys;
import dev.confab.contracts.kafka.EventPublisher;
import dev.confab.contracts.rest.ResourceMethods;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.util.UUID;

/**
 * Puts every call of an {@link Audited} endpoint on {@code audit.events}: which key, with which roles, did what to
 * what, with what outcome, for which tenant. Recorded after the answer is known (refusals included, so an auditor
 * sees attempts too); a failure to record is logged and counted, and does not undo the action.
 */
public class AuditTrail {

    private final SecurityIdentity identity;
    private final EventPublisher publisher;
    private final MeterRegistry meters;

    public AuditTrail(SecurityIdentity identity, EventPublisher publisher, MeterRegistry meters) {
        this.identity = identity;
        this.publisher = publisher;
        this.meters = meters;
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response,
                       SimpleResourceInfo resource, UriInfo uri) {
        if (ResourceMethods.annotation(resource, Audited.class).isEmpty()) {
            return;
        }
        Caller caller = identity.isAnonymous() ? null : identity.getAttribute(ApiKeyIdentityProvider.CALLER);
        if (caller == null) {
            return;
        }
        String tenant = tenantActedFor(caller, uri);
        AuditRecorded record = new AuditRecorded(caller.keyId() == null ? "anonymous" : caller.keyId(),
                caller.roles().stream().sorted().toList(),
                request.getMethod() + " " + template(resource), uri.getPath(), response.getStatus());
        Envelope event = Envelope.first(tenant, "all", RecordKeys.audit(tenant), "a-" + UUID.randomUUID(), null, record);
        publisher.publish(event)
                .subscribe().with(sent -> meters.counter("confab.audit.recorded").increment(),
                        failure -> {
                            meters.counter("confab.audit.failed").increment();
                            Log.errorf("Could not record %s by key %s on audit.events: %s", record.action(),
                                    record.keyId(), failure.toString());
                        });
    }

    private static String template(SimpleResourceInfo resource) {
        Path onClass = resource.getResourceClass().getAnnotation(Path.class);
        String base = onClass == null ? "" : onClass.value();
        return ResourceMethods.of(resource)
                .map(found -> found.getAnnotation(Path.class))
                .map(onMethod -> base.replaceAll("/$", "") + (onMethod.value().startsWith("/") ? "" : "/")
                        + onMethod.value())
                .orElse(base);
    }

    /** The tenant named in the path or query (a platform key acts for it), else the key's own. */
    private static String tenantActedFor(Caller caller, UriInfo uri) {
        return TenantGuard.namedTenant(uri)
                .filter(named -> Envelope.IDENTIFIER.matcher(named).matches())
                .orElse(caller.isPlatform() ? "platform" : caller.tenant());
    }
}
