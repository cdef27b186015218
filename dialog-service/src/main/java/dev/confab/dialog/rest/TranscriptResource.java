package dev.confab.dialog.rest;

import dev.confab.dialog.repository.TranscriptRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;

/** A conversation's transcript, oldest first: what the link in a handoff packet opens. */
@Path("/v1/conversations/{conversationId}/transcript")
public class TranscriptResource {

    private static final int MAX_ENTRIES = 1000;

    private final TranscriptRepository transcript;

    public TranscriptResource(TranscriptRepository transcript) {
        this.transcript = transcript;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @WithSession
    public Uni<List<TranscriptLine>> transcript(@RestPath String conversationId) {
        Identifiers.require(conversationId, "conversation id");
        return transcript.lastEntries(conversationId, MAX_ENTRIES)
                .map(entries -> entries.stream().map(TranscriptLine::of).toList());
    }
}
