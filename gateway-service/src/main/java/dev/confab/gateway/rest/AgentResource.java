package dev.confab.gateway.rest;

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
    public Uni<Response> accept(@RestPath String conversationId, AgentRequest request) {
        validate(conversationId, request);
        return agents.accept(caller.tenant(), conversationId, request.agentId()).map(sent -> Response.accepted().build());
    }

    @POST
    @Path("/messages")
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
