package dev.confab.gateway.rest;

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
                        + "follow and resume a conversation's stream, read its history, give feedback, end it. "
                        + "The SSE protocol is described in docs/chat-api.md.",
                license = @License(name = "Apache-2.0")),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "cfk.<id>.<secret>", description = "A tenant's API key (bin/confab-api-key); X-API-Key works too")
public class ChatApi extends Application {
}
