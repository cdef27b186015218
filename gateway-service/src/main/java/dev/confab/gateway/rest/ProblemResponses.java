package dev.confab.gateway.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gives every operation of the chat API's document the refusals every request may get — each as
 * {@code application/problem+json} with a reason ({@code ProblemMapper}, {@code ProblemRoutes}) — so the document says
 * what the code answers without repeating them on every method.
 */
public class ProblemResponses implements OASFilter {

    // Sorted by status, so the generated document is the same on every build.
    private static final Map<String, String> EVERY_REQUEST = new TreeMap<>(Map.of(
            "400", "The request is malformed (an id, a header, a parameter); the detail says what",
            "401", "No API key, or not a valid one",
            "403", "The key's role or tenant does not allow this",
            "429", "Over the key's rate; retry after Retry-After seconds"));
    private static final Map<String, String> WITH_A_BODY = new TreeMap<>(Map.of(
            "413", "The body is larger than the gateway takes",
            "415", "The body is not JSON (Content-Type application/json, UTF-8)"));

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        EVERY_REQUEST.forEach((status, why) -> add(responses, status, why));
        if (operation.getRequestBody() != null) {
            WITH_A_BODY.forEach((status, why) -> add(responses, status, why));
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSchema(ChatApi.PROBLEM_SCHEMA, OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", string("A URI naming the kind of problem"))
                .addProperty("title", string("The HTTP status's phrase"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", string("What was wrong with this request, for a person to read"))
                .addProperty("instance", string("The path that was called")));
    }

    private static void add(APIResponses responses, String status, String why) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse()
                    .description(why)
                    .content(OASFactory.createContent().addMediaType(ChatApi.PROBLEM, OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref(ChatApi.PROBLEM_SCHEMA)))));
        }
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
