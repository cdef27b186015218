package dev.confab.dialog.rest;

import dev.confab.contracts.rest.InvalidRequestException;
import dev.confab.contracts.security.Roles;
import dev.confab.dialog.ConversationReview.Verdict;
import dev.confab.dialog.repository.ReviewCandidate;
import dev.confab.dialog.service.ReviewService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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
@RolesAllowed(Roles.REVIEWER)
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
                                            @RestQuery String limit) {
        Identifiers.require(tenantId, "tenant id");
        Identifiers.require(assistantId, "assistant id");
        return reviews.inbox(tenantId, assistantId, verdict(review), QueryNumbers.limit(limit, 50, MAX_LIMIT));
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
}
