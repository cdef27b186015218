package dev.confab.dialog.rest;

import dev.confab.contracts.security.Audited;
import dev.confab.contracts.security.CurrentCaller;
import dev.confab.contracts.security.Roles;
import dev.confab.contracts.tenancy.TenantScope;
import dev.confab.dialog.repository.ConversationRepository;
import dev.confab.dialog.repository.TranscriptRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;

/** A conversation's transcript, oldest first: what the link in a handoff packet opens. */
@Audited
@RolesAllowed({Roles.REVIEWER, Roles.AGENT})
@Path("/v1/conversations/{conversationId}/transcript")
public class TranscriptResource {

    private static final int MAX_ENTRIES = 1000;

    private final TranscriptRepository transcript;
    private final ConversationRepository conversations;
    private final CurrentCaller caller;

    public TranscriptResource(TranscriptRepository transcript, ConversationRepository conversations,
                              CurrentCaller caller) {
        this.transcript = transcript;
        this.conversations = conversations;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @WithTransaction
    public Uni<List<TranscriptLine>> transcript(@RestPath String conversationId) {
        Identifiers.require(conversationId, "conversation id");
        return TenantScope.enter(caller.get().tenant())
                .chain(() -> conversations.findById(conversationId))
                // Another tenant's conversation is as absent as one that never was: its id says nothing.
                .onItem().ifNull().failWith(() -> new NotFoundException("No conversation " + conversationId))
                .chain(conversation -> transcript.lastEntries(conversationId, MAX_ENTRIES))
                .map(entries -> entries.stream().map(TranscriptLine::of).toList());
    }
}
