package dev.confab.gateway.rest;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The chat API's published description (served at {@code /q/openapi}, browsable in Swagger UI in dev mode): what
 * it is and how a client authenticates. Every resource of the gateway belongs to it.
 */
@OpenAPIDefinition(
        info = @Info(title = "Confab chat API", version = "1",
                description = "Conversations with a Confab assistant: send a message and stream the reply (SSE), "
                        + "follow and resume a conversation's stream, read its history, give feedback, end it; "
                        + "and the agent desk's side of a handoff. Every refusal is application/problem+json with "
                        + "a reason. The SSE protocol is described in docs/chat-api.md.",
                contact = @Contact(name = "Confab", url = "https://github.com/confab-dev/confab"),
                license = @License(name = "Apache-2.0", identifier = "Apache-2.0")),
        servers = @Server(url = "http://localhost:8080", description = "The local run (bin/confab-local)"),
        tags = {
            @Tag(name = ChatApi.CONVERSATIONS, description = "A user's conversations with the assistant; keys with "
                    + "the client role"),
            @Tag(name = ChatApi.AGENT_DESK, description = "A human agent's side of a handoff; keys with the agent "
                    + "role")
        },
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "cfk.<id>.<secret>", description = "A tenant's API key (bin/confab-api-key); X-API-Key works too")
public class ChatApi extends Application {

    static final String CONVERSATIONS = "Conversations";
    static final String AGENT_DESK = "Agent desk";
    static final String PROBLEM = "application/problem+json";
    /** The refusal every error response carries ({@link ProblemResponses} adds it to the document). */
    static final String PROBLEM_SCHEMA = "Problem";
    static final String SSE_EVENTS = "Server-sent events, each a name and JSON data: token (a piece of streamed "
            + "text), message (a whole message with its provenance and citations), retract, handoff, error, and "
            + "done last. Each event from the assistant has an id to resume from with Last-Event-ID. See "
            + "docs/chat-api.md.";
}
