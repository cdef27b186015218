package dev.confab.generation.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The part of the sidecar's Ollama API that is not chat: loading a model and keeping it loaded. */
@Path("/api")
@RegisterRestClient(configKey = "slm-sidecar")
public interface SidecarApi {

    /** With no prompt, Ollama loads the model and keeps it for {@code keep_alive}. */
    @POST
    @Path("/generate")
    Uni<JsonNode> load(LoadRequest request);

    /** Ollama's body for loading a model. */
    record LoadRequest(String model, String keep_alive, boolean stream) {
    }
}
