package dev.confab.testsupport;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every HTTP endpoint a service's REST resources declare, read from its compiled classes rather than listed by hand,
 * so an endpoint added tomorrow is in the security tests without anyone remembering to add it.
 */
public final class EveryEndpoint {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName CONSUMES = DotName.createSimple("jakarta.ws.rs.Consumes");
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)[^}]*}");

    /** One endpoint: its HTTP method, path template and the media type its body must have. */
    public record Endpoint(String method, String path, String consumes) {

        /** The path with a well-formed value for each parameter (a tenant's parameters name {@code tenant}). */
        public String sample() {
            Matcher parameter = PARAMETER.matcher(path);
            StringBuilder sample = new StringBuilder();
            while (parameter.find()) {
                parameter.appendReplacement(sample, parameter.group(1).startsWith("tenant") ? "acme" : "x1");
            }
            return parameter.appendTail(sample).toString();
        }

        /** Whether a tenant is named in the request (in the path, or the query {@link #call} adds). */
        public boolean namesTenant() {
            return path.contains("{tenant") || path.contains("/users/");
        }

        /** Sends this endpoint a well-formed but empty request. */
        public Response call(RequestSpecification request) {
            RequestSpecification withBody = method.equals("GET") || method.equals("DELETE")
                    ? request
                    : request.contentType(consumes.equals("*/*") ? "text/plain" : consumes)
                            .body((consumes.contains("json") ? "{}" : "text").getBytes(StandardCharsets.UTF_8));
            return withBody.request(method, sample() + (path.contains("/users/") ? "?tenant=acme" : ""));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private EveryEndpoint() {
    }

    /** The endpoints of the resource classes compiled into the module under test ({@code target/classes}). */
    public static List<Endpoint> ofThisModule() {
        Index index = index(Path.of("target", "classes"));
        List<Endpoint> endpoints = new ArrayList<>();
        for (AnnotationInstance onClass : index.getAnnotations(PATH)) {
            if (onClass.target().kind() != AnnotationTarget.Kind.CLASS) {
                continue;
            }
            ClassInfo resource = onClass.target().asClass();
            // A REST client is an interface with @Path: it calls an API, it does not serve one.
            if (Modifier.isInterface(resource.flags())) {
                continue;
            }
            for (MethodInfo method : resource.methods()) {
                httpMethod(method).ifPresent(verb -> endpoints.add(new Endpoint(verb,
                        join(onClass.value().asString(), method.declaredAnnotation(PATH)),
                        consumes(resource, method))));
            }
        }
        assertThat(endpoints).as("endpoints found in target/classes").isNotEmpty();
        endpoints.sort(Comparator.comparing(Endpoint::toString));
        return endpoints;
    }

    /** Calls each endpoint with the given request and expects the given status, as problem+json. */
    public static void assertEachAnswers(List<Endpoint> endpoints, Supplier<RequestSpecification> request, int status) {
        for (Endpoint endpoint : endpoints) {
            Response response = endpoint.call(request.get());
            assertThat(response.statusCode()).as(endpoint + " answered " + response.asString()).isEqualTo(status);
            assertThat(response.contentType()).as(endpoint.toString()).startsWith("application/problem+json");
        }
    }

    /** A request with no credentials at all. */
    public static RequestSpecification anonymous() {
        return given();
    }

    private static Optional<String> httpMethod(MethodInfo method) {
        return METHODS.stream()
                .filter(verb -> method.hasDeclaredAnnotation(DotName.createSimple("jakarta.ws.rs." + verb)))
                .findFirst();
    }

    private static String join(String base, AnnotationInstance sub) {
        if (sub == null) {
            return base;
        }
        String tail = sub.value().asString();
        return base.replaceAll("/$", "") + (tail.startsWith("/") ? tail : "/" + tail);
    }

    private static String consumes(ClassInfo resource, MethodInfo method) {
        AnnotationInstance consumes = Optional.ofNullable(method.declaredAnnotation(CONSUMES))
                .orElse(resource.declaredAnnotation(CONSUMES));
        return consumes == null ? "application/json" : consumes.value().asStringArray()[0];
    }

    private static Index index(Path classes) {
        Indexer indexer = new Indexer();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    indexer.index(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return indexer.complete();
    }
}
