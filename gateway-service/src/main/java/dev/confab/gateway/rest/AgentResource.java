package dev.confab.gateway.rest;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.rest.InvalidRequestException;
import dev.confab.contracts.security.Audited;
import dev.confab.contracts.security.CurrentCaller;
import dev.confab.contracts.security.Roles;
import dev.confab.gateway.config.GatewayConfig;
import dev.confab.gateway.service.AgentService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The agent desk's API for a conversation handed to a human: accept it, write to the user, give it back to the
 * bot. Each answers 202 once the event is on Kafka; dialog records it and tells the user.
 */
@Tag(name = ChatApi.AGENT_DESK)
@Audited
@RolesAllowed(Roles.AGENT)
@Path("/v1/agent/conversations/{conversationId}")
@Consumes(MediaType.APPLICATION_JSON)
public class AgentResource {

    private final AgentService agents;
    private final GatewayConfig config;
    private final CurrentCaller caller;

    public AgentResource(AgentService agents, GatewayConfig config, CurrentCaller caller) {
        this.agents = agents;
        this.config = config;
        this.caller = caller;
    }

    @POST
    @Path("/accept")
    @Operation(summary = "Take a conversation over", description = "An agent takes a conversation whose handoff "
            + "is requested; the user's client shows who is writing. Needs a key with the agent role.")
    @APIResponse(responseCode = "202", description = "Accepted; the user's stream announces the agent")
    public Uni<Response> accept(@RestPath String conversationId, AgentRequest request) {
        validate(conversationId, request);
        return agents.accept(caller.tenant(), conversationId, request.agentId()).map(sent -> Response.accepted().build());
    }

    @POST
    @Path("/messages")
    @Operation(summary = "Write to the user", description = "A message from the agent to the user of a handed-off "
            + "conversation, streamed to the user and kept in the transcript. Needs a key with the agent role.")
    @APIResponse(responseCode = "202", description = "Accepted; the message reaches the user's stream")
    public Uni<Response> write(@RestPath String conversationId, AgentRequest request) {
        validate(conversationId, request);
        if (request.text() == null) {
            throw new InvalidRequestException("Field 'text' is missing or empty");
        }
        if (request.text().length() > config.maxMessageChars()) {
            throw new InvalidRequestException("Field 'text' has " + request.text().length()
                    + " characters; the limit is " + config.maxMessageChars());
        }
        return agents.write(caller.tenant(), conversationId, request.agentId(), MessageText.checked(request.text()))
                .map(sent -> Response.accepted().build());
    }

    @POST
    @Path("/release")
    @Operation(summary = "Give the conversation back", description = "The agent hands the conversation back to "
            + "the assistant, which goes on where the flow was. Needs a key with the agent role.")
    @APIResponse(responseCode = "202", description = "Accepted; the assistant takes over again")
    public Uni<Response> release(@RestPath String conversationId, AgentRequest request) {
        validate(conversationId, request);
        return agents.release(caller.tenant(), conversationId, request.agentId()).map(sent -> Response.accepted().build());
    }

    private static void validate(String conversationId, AgentRequest request) {
        ConversationIds.require(conversationId);
        if (request == null || request.agentId() == null || !Envelope.IDENTIFIER.matcher(request.agentId()).matches()) {
            throw new InvalidRequestException("Field 'agentId' is missing or invalid: use 1-128 letters, digits, "
                    + "'_', '-', '.' or ':'");
        }
    }
}
