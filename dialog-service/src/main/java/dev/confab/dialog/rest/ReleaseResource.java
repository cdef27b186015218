package dev.confab.dialog.rest;

import dev.confab.bundle.AssistantBundle;
import dev.confab.bundle.load.BundleLoader;
import dev.confab.bundle.load.BundleProblem;
import dev.confab.bundle.load.InvalidBundleException;
import dev.confab.contracts.bundle.BundleRelease;
import dev.confab.contracts.rest.InvalidRequestException;
import dev.confab.contracts.security.Audited;
import dev.confab.contracts.security.Roles;
import dev.confab.dialog.messaging.BundleReleases;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.util.stream.Collectors;

/**
 * Releases a tenant's assistant bundle through the API, with an {@code admin} key: the files are checked with the
 * same loader every service uses (problems come back as {@code file:line:column: message}) and, when valid, written
 * to {@code assistant.bundles}, so releasing needs a key rather than Kafka credentials.
 */
@Audited
@RolesAllowed(Roles.ADMIN)
@Path("/v1/assistants/{tenantId}/releases")
public class ReleaseResource {

    private static final int PROBLEMS_SHOWN = 20;

    private final BundleReleases releases;

    public ReleaseResource(BundleReleases releases) {
        this.releases = releases;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> release(@RestPath String tenantId, ReleaseRequest request) {
        Identifiers.require(tenantId, "tenant id");
        if (request == null || request.files() == null || request.files().isEmpty()) {
            throw new InvalidRequestException(
                    "The body must hold the bundle's files: {\"files\": {\"path\": \"text\"}}");
        }
        AssistantBundle bundle = checked(request);
        BundleRelease release = BundleRelease.of(tenantId, bundle.id(), bundle.version(), request.files());
        return releases.publish(release)
                .map(sent -> Response.accepted(ReleaseView.of(release)).build());
    }

    private static AssistantBundle checked(ReleaseRequest request) {
        try {
            return BundleLoader.load(request.files());
        } catch (InvalidBundleException e) {
            throw new InvalidRequestException("The bundle has " + e.problems().size() + " problem(s): "
                    + e.problems().stream()
                            .limit(PROBLEMS_SHOWN)
                            .map(BundleProblem::toString)
                            .collect(Collectors.joining("; ")));
        }
    }
}
