package dev.confab.gateway.rest;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.FeedbackGiven;
import dev.confab.contracts.rest.InvalidRequestException;
import dev.confab.contracts.security.CurrentCaller;
import dev.confab.contracts.security.Roles;
import dev.confab.gateway.service.OwnEvents;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.util.Locale;

/** Takes a user's thumbs on a message or satisfaction score, answering 202 once it is on the public stream. */
@Tag(name = ChatApi.CONVERSATIONS)
@RolesAllowed(Roles.CLIENT)
@Path("/v1/conversations/{conversationId}/feedback")
public class FeedbackResource {

    private static final int MAX_COMMENT_CHARS = 1000;

    private final OwnEvents events;
    private final CurrentCaller caller;

    public FeedbackResource(OwnEvents events, CurrentCaller caller) {
        this.events = events;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Rate a reply", description = "Thumbs up or down on one of the assistant's messages, "
            + "a CSAT score (1-5) and a comment; published as feedback.given for analytics.")
    @APIResponse(responseCode = "202", description = "Accepted")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> give(@RestPath String conversationId, FeedbackRequest request) {
        ConversationIds.require(conversationId);
        // On the public stream, where analytics and the assistant's designers read it.
        return events.publish(caller.tenant(), conversationId, "feedback", validated(request))
                .map(published -> Response.accepted().build());
    }

    private static FeedbackGiven validated(FeedbackRequest request) {
        if (request == null || request.rating() == null && request.csat() == null) {
            throw new InvalidRequestException("Give a 'rating' (up or down) of a message, a 'csat' score, or both");
        }
        FeedbackGiven.Rating rating = request.rating() == null ? null : rating(request.rating());
        if (rating != null && (request.messageId() == null || !Envelope.IDENTIFIER.matcher(request.messageId()).matches())) {
            throw new InvalidRequestException("A rating needs the 'messageId' of the rated message (its SSE id)");
        }
        if (request.csat() != null && (request.csat() < 1 || request.csat() > 5)) {
            throw new InvalidRequestException("Field 'csat' is " + request.csat() + "; use 1 to 5");
        }
        if (request.comment() != null && request.comment().length() > MAX_COMMENT_CHARS) {
            throw new InvalidRequestException("Field 'comment' has " + request.comment().length()
                    + " characters; the limit is " + MAX_COMMENT_CHARS);
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        return new FeedbackGiven(rating == null ? null : request.messageId(), rating, request.csat(), comment);
    }

    private static FeedbackGiven.Rating rating(String rating) {
        try {
            return FeedbackGiven.Rating.valueOf(rating.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidRequestException("Field 'rating' is '" + rating + "'; use up or down");
        }
    }
}
