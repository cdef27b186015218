package dev.confab.nlu.rest;

import dev.confab.contracts.rest.InvalidRequestException;
import dev.confab.contracts.security.CurrentCaller;
import dev.confab.contracts.security.Roles;
import dev.confab.nlu.config.NluConfig;
import dev.confab.nlu.service.DiscoveryService;
import dev.confab.nlu.service.NluModels;
import dev.confab.nlu.service.RecentFallbacks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Utterance discovery for conversation designers: clusters what customers say into candidate intents, either
 * utterances given in the request or the assistant's recent fallbacks.
 */
@RolesAllowed(Roles.REVIEWER)
@Path("/v1/nlu/discover")
public class DiscoverResource {

    private final DiscoveryService discovery;
    private final RecentFallbacks fallbacks;
    private final NluModels model;
    private final NluConfig config;
    private final CurrentCaller caller;

    public DiscoverResource(DiscoveryService discovery, RecentFallbacks fallbacks, NluModels model, NluConfig config,
                            CurrentCaller caller) {
        this.caller = caller;
        this.discovery = discovery;
        this.fallbacks = fallbacks;
        this.model = model;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public DiscoverResponse discover(DiscoverRequest request) {
        if (request == null) {
            throw new InvalidRequestException("The body must name utterances, or a tenantId and assistantId");
        }
        String tenantId = caller.tenant(request.tenantId(), config.defaultTenant());
        List<String> utterances = utterances(request, tenantId);
        int minClusterSize = request.minClusterSize() == null
                ? config.discovery().minClusterSize()
                : request.minClusterSize();
        if (minClusterSize < 2 || minClusterSize > 1000) {
            throw new InvalidRequestException("Field 'minClusterSize' must be between 2 and 1000");
        }
        if (utterances.isEmpty()) {
            return new DiscoverResponse(0, 0, List.of());
        }
        // Clusters are compared with the intents of the assistant they came from, or of the default one.
        return discovery.discover(utterances, minClusterSize, model.ready(
                tenantId,
                request.assistantId() == null ? config.defaultAssistant() : request.assistantId()));
    }

    private List<String> utterances(DiscoverRequest request, String tenantId) {
        if (request.utterances() == null) {
            if (request.tenantId() == null || request.assistantId() == null) {
                throw new InvalidRequestException(
                        "Give 'utterances', or 'tenantId' and 'assistantId' to cluster their recent fallbacks");
            }
            return fallbacks.of(tenantId, request.assistantId());
        }
        if (request.utterances().size() > config.discovery().maxUtterances()) {
            throw new InvalidRequestException("Field 'utterances' has " + request.utterances().size()
                    + " entries; the limit is " + config.discovery().maxUtterances());
        }
        for (String utterance : request.utterances()) {
            if (utterance == null || utterance.isBlank() || utterance.length() > config.maxTextChars()) {
                throw new InvalidRequestException("Every utterance must be non-empty text of at most "
                        + config.maxTextChars() + " characters");
            }
        }
        return request.utterances();
    }
}
