package dev.confab.nlu.rest;

import dev.confab.contracts.event.MessageUnderstood;
import dev.confab.contracts.rest.InvalidRequestException;
import dev.confab.contracts.security.CurrentCaller;
import dev.confab.contracts.security.Roles;
import dev.confab.nlu.config.NluConfig;
import dev.confab.nlu.service.NluModels;
import dev.confab.nlu.service.UnderstandingService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.ZonedDateTime;

/** Design-time testing of the NLU: what the assistant would understand from a text, without a conversation. */
@RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
@Path("/v1/nlu/parse")
public class ParseResource {

    private final UnderstandingService understanding;
    private final NluModels model;
    private final NluConfig config;
    private final CurrentCaller caller;

    public ParseResource(UnderstandingService understanding, NluModels model, NluConfig config,
                         CurrentCaller caller) {
        this.caller = caller;
        this.understanding = understanding;
        this.model = model;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public MessageUnderstood parse(ParseRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw new InvalidRequestException("Field 'text' is missing or empty");
        }
        if (request.text().length() > config.maxTextChars()) {
            throw new InvalidRequestException("Field 'text' has " + request.text().length()
                    + " characters; the limit is " + config.maxTextChars());
        }
        String tenantId = caller.tenant(request.tenantId(), config.defaultTenant());
        String assistantId = request.assistantId() == null ? config.defaultAssistant() : request.assistantId();
        return understanding.understand(request.text(), model.ready(tenantId, assistantId), referenceTime(request));
    }

    private ZonedDateTime referenceTime(ParseRequest request) {
        return request.referenceTime() == null
                ? ZonedDateTime.now(config.timeZone())
                : request.referenceTime().atZoneSameInstant(config.timeZone());
    }
}
