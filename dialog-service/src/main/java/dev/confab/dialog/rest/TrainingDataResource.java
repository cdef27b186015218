package dev.confab.dialog.rest;

import dev.confab.contracts.rest.InvalidRequestException;
import dev.confab.dialog.service.ReviewService;
import io.smallrye.mutiny.Uni;
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
        int size = checked(tenantId, assistantId, limit, 100);
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
        int size = checked(tenantId, assistantId, limit, MAX_PAGE);
        double threshold = below == null ? 0.5 : number(below, "below");
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new InvalidRequestException("'below' is a confidence between 0 and 1");
        }
        long afterEntry = after == null ? 0 : (long) number(after, "after");
        return reviews.utterances(tenantId, assistantId, threshold, afterEntry, size)
                .map(page -> UtterancesPage.of(page, size));
    }

    private static int checked(String tenantId, String assistantId, String limit, int byDefault) {
        Identifiers.require(tenantId, "tenant id");
        Identifiers.require(assistantId, "assistant id");
        double size = limit == null ? byDefault : number(limit, "limit");
        if (size < 1 || size > MAX_PAGE || size != Math.rint(size)) {
            throw new InvalidRequestException("'limit' is a whole number between 1 and " + MAX_PAGE);
        }
        return (int) size;
    }

    private static double number(String value, String name) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("'" + name + "' must be a number, not '" + value + "'");
        }
    }
}
