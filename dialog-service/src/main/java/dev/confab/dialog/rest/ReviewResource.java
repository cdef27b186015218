package dev.confab.dialog.rest;

import dev.confab.contracts.rest.InvalidRequestException;
import dev.confab.contracts.security.Audited;
import dev.confab.contracts.security.Roles;
import dev.confab.dialog.service.ReviewService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

/**
 * A person's review of one conversation: approve it as an example to fine-tune on or reject it, and correct the
 * intents the NLU got wrong. Internal, like the rest of dialog's API.
 */
@Audited
@RolesAllowed(Roles.REVIEWER)
@Path("/v1/assistants/{tenantId}/{assistantId}/conversations/{conversationId}/review")
public class ReviewResource {

    private final ReviewService reviews;

    public ReviewResource(ReviewService reviews) {
        this.reviews = reviews;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ReviewView> review(@RestPath String tenantId, @RestPath String assistantId,
                                  @RestPath String conversationId, ReviewRequest request) {
        Identifiers.require(tenantId, "tenant id");
        Identifiers.require(assistantId, "assistant id");
        Identifiers.require(conversationId, "conversation id");
        if (request == null) {
            throw new InvalidRequestException("The body must give a verdict: APPROVED or REJECTED");
        }
        return reviews.review(tenantId, assistantId, conversationId, request.verdict(), request.reviewer(),
                        request.checkedCorrections())
                .map(ReviewView::of);
    }
}
