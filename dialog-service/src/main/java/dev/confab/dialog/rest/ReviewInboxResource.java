package dev.confab.dialog.rest;

import dev.confab.contracts.rest.InvalidRequestException;
import dev.confab.dialog.ConversationReview.Verdict;
import dev.confab.dialog.repository.ReviewCandidate;
import dev.confab.dialog.service.ReviewService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;
import java.util.Locale;

/**
 * The review inbox ({@code review.html} reads it): an assistant's conversations, most recently active first, those
 * nobody reviewed yet or those with a given verdict, each with how weakly the NLU read the user.
 */
@Path("/v1/assistants/{tenantId}/{assistantId}/conversations")
public class ReviewInboxResource {

    private static final int MAX_LIMIT = 200;

    private final ReviewService reviews;

    public ReviewInboxResource(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<ReviewCandidate>> inbox(@RestPath String tenantId, @RestPath String assistantId,
                                            @RestQuery @DefaultValue("unreviewed") String review,
                                            @RestQuery @DefaultValue("50") String limit) {
        Identifiers.require(tenantId, "tenant id");
        Identifiers.require(assistantId, "assistant id");
        return reviews.inbox(tenantId, assistantId, verdict(review), size(limit));
    }

    private static Verdict verdict(String review) {
        if ("unreviewed".equals(review)) {
            return null;
        }
        try {
            return Verdict.valueOf(review.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'review' is unreviewed, approved or rejected, not '" + review + "'");
        }
    }

    private static int size(String limit) {
        try {
            int size = Integer.parseInt(limit);
            if (size >= 1 && size <= MAX_LIMIT) {
                return size;
            }
        } catch (NumberFormatException e) {
            // Refused below with the same reason as an out-of-range number.
        }
        throw new InvalidRequestException("'limit' is a whole number between 1 and " + MAX_LIMIT);
    }
}
