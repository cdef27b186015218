package dev.confab.dialog.rest;

import dev.confab.contracts.security.Audited;
import dev.confab.contracts.security.Roles;
import dev.confab.dialog.service.ReviewService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * What review produced, page by page, for {@code bin/confab-export}: approved conversations (fine-tuning data) and
 * user messages the NLU read weakly or got wrong (NLU training data to review). Raw text: the export redacts it.
 */
@Audited
@RolesAllowed(Roles.REVIEWER)
@Path("/v1/assistants/{tenantId}/{assistantId}/training")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingDataResource {

    static final int MAX_PAGE = 500;

    private final ReviewService reviews;

    public TrainingDataResource(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GET
    @Path("/conversations")
    public Uni<ApprovedConversationsPage> conversations(@RestPath String tenantId, @RestPath String assistantId,
                                                        @RestQuery String after, @RestQuery String limit) {
        requireAssistant(tenantId, assistantId);
        int size = QueryNumbers.limit(limit, 100, MAX_PAGE);
        if (after != null) {
            Identifiers.require(after, "'after' conversation id");
        }
        return reviews.approved(tenantId, assistantId, after == null ? "" : after, size)
                .map(page -> ApprovedConversationsPage.of(page, size));
    }

    @GET
    @Path("/utterances")
    public Uni<UtterancesPage> utterances(@RestPath String tenantId, @RestPath String assistantId,
                                          @RestQuery String below, @RestQuery String after,
                                          @RestQuery String limit) {
        requireAssistant(tenantId, assistantId);
        int size = QueryNumbers.limit(limit, MAX_PAGE, MAX_PAGE);
        double threshold = QueryNumbers.confidence(below, 0.5, "below");
        long afterEntry = after == null ? 0 : QueryNumbers.whole(after, "after");
        return reviews.utterances(tenantId, assistantId, threshold, afterEntry, size)
                .map(page -> UtterancesPage.of(page, size));
    }

    private static void requireAssistant(String tenantId, String assistantId) {
        Identifiers.require(tenantId, "tenant id");
        Identifiers.require(assistantId, "assistant id");
    }
}
