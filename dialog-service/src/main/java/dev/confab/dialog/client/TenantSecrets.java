package dev.confab.dialog.client;

import dev.confab.dialog.config.DialogConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a tenant's actions may use: the values of {@code ${NAME}} placeholders, read only from that tenant's secret
 * namespace {@code confab.secrets.<tenant>.<NAME>} (a Kubernetes Secret mounted with the env prefix
 * {@code CONFAB_SECRETS_<TENANT>_}), and the hosts its action URLs may name ({@code dialog.action-hosts.<tenant>}).
 * A bundle thus reads no other configuration (the database password, another tenant's token) and calls no host its
 * operator did not allow.
 */
@ApplicationScoped
public class TenantSecrets {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private final Config config;
    private final DialogConfig dialog;

    public TenantSecrets(Config config, DialogConfig dialog) {
        this.config = config;
        this.dialog = dialog;
    }

    /** The template with each {@code ${NAME}} replaced by the tenant's secret of that name. */
    public String resolve(String tenant, String template) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = secret(tenant, name).orElseThrow(() -> new ActionFailedException(
                    "secret '" + name + "' is not configured for tenant " + tenant, false));
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    /** The URL, resolved, when its scheme is HTTP(S) and its host is on the tenant's allowlist. */
    public URI allowedUrl(String tenant, String template) {
        URI url;
        try {
            url = URI.create(resolve(tenant, template));
        } catch (IllegalArgumentException e) {
            throw new ActionFailedException("has a URL that is not one", false);
        }
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        boolean web = "http".equals(url.getScheme()) || "https".equals(url.getScheme());
        if (!web || !allowedHosts(tenant).contains(host)) {
            throw new ActionFailedException("may not call " + (host.isEmpty() ? url : host)
                    + ": not in dialog.action-hosts." + tenant, false);
        }
        return url;
    }

    private Optional<String> secret(String tenant, String name) {
        return config.getOptionalValue("confab.secrets." + tenant + "." + name, String.class);
    }

    private List<String> allowedHosts(String tenant) {
        return dialog.actionHosts().getOrDefault(tenant, List.of())
                .stream()
                .map(host -> host.strip().toLowerCase(Locale.ROOT))
                .toList();
    }
}
