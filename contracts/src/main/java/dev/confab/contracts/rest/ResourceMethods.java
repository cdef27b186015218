package dev.confab.contracts.rest;

import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Optional;

/** The Java method and annotations behind the endpoint a request matched, for filters and mappers that need them. */
public final class ResourceMethods {

    private ResourceMethods() {
    }

    /** The resource method, or empty when the request matched none (a 404, a 415). */
    public static Optional<Method> of(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(resource.getResourceClass().getMethod(resource.getMethodName(),
                    resource.parameterTypes()));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    /** The annotation on the endpoint's method, else on its class, as JAX-RS reads them. */
    public static <A extends Annotation> Optional<A> annotation(SimpleResourceInfo resource, Class<A> type) {
        return of(resource)
                .map(method -> Optional.ofNullable(method.getAnnotation(type))
                        .orElse(method.getDeclaringClass().getAnnotation(type)));
    }
}
