package dev.crossbench.model.hub;

import dev.crossbench.core.CrossbenchException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where and how hub models are fetched, read from the same environment variables as Python's
 * huggingface_hub so both share one cache and one configuration.
 *
 * @param endpoint hub base URL without a trailing slash ({@code HF_ENDPOINT})
 * @param hubCache the cache root holding {@code models--org--name} folders
 * @param offline  use the cache only, never the network ({@code HF_HUB_OFFLINE})
 * @param token    access token for private or gated repos ({@code HF_TOKEN})
 */
public record HubSettings(String endpoint, Path hubCache, boolean offline, Optional<String> token) {
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";

    private static final Set<String> TRUE_VALUES = Set.of("1", "true", "yes", "on");

    public HubSettings {
        endpoint = normaliseEndpoint(Objects.requireNonNull(endpoint, "endpoint"));
        hubCache = Objects.requireNonNull(hubCache, "hubCache").toAbsolutePath().normalize();
        token = Objects.requireNonNull(token, "token").filter(t -> !t.isBlank()).map(String::trim);
    }

    public static HubSettings fromEnvironment() {
        return from(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Reads the settings from {@code env}; {@code userHome} stands for {@code ~}. */
    public static HubSettings from(Map<String, String> env, Path userHome) {
        String endpoint = value(env, "HF_ENDPOINT").orElse(DEFAULT_ENDPOINT);
        // Same precedence as huggingface_hub, legacy names included.
        Path cache = value(env, "HF_HUB_CACHE").or(() -> value(env, "HUGGINGFACE_HUB_CACHE"))
                .map(v -> expandHome(v, userHome))
                .orElseGet(() -> hfHome(env, userHome).resolve("hub"));
        boolean offline = value(env, "HF_HUB_OFFLINE").or(() -> value(env, "TRANSFORMERS_OFFLINE"))
                .map(v -> TRUE_VALUES.contains(v.toLowerCase(Locale.ROOT))).orElse(false);
        Optional<String> token = value(env, "HF_TOKEN").or(() -> value(env, "HUGGING_FACE_HUB_TOKEN"));
        return new HubSettings(endpoint, cache, offline, token);
    }

    public HubSettings withOffline(boolean offline) {
        return new HubSettings(endpoint, hubCache, offline, token);
    }

    public HubSettings withEndpoint(String endpoint) {
        return new HubSettings(endpoint, hubCache, offline, token);
    }

    /** Never shows the token: settings end up in logs and error reports. */
    @Override
    public String toString() {
        return "HubSettings[endpoint=" + endpoint + ", hubCache=" + hubCache + ", offline=" + offline
                + ", token=" + (token.isPresent() ? "(set)" : "(none)") + "]";
    }

    private static Path hfHome(Map<String, String> env, Path userHome) {
        return value(env, "HF_HOME").map(v -> expandHome(v, userHome))
                .orElseGet(() -> value(env, "XDG_CACHE_HOME").map(v -> expandHome(v, userHome))
                        .orElse(userHome.resolve(".cache")).resolve("huggingface"));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static Path expandHome(String value, Path userHome) {
        if (value.equals("~")) {
            return userHome;
        }
        if (value.startsWith("~/") || value.startsWith("~\\")) {
            return userHome.resolve(value.substring(2));
        }
        return Path.of(value);
    }

    private static String normaliseEndpoint(String endpoint) {
        String e = endpoint.trim();
        while (e.endsWith("/")) {
            e = e.substring(0, e.length() - 1);
        }
        try {
            URI uri = new URI(e);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return e;
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw new CrossbenchException("HF_ENDPOINT '" + endpoint + "' is not an http(s) URL such as "
                + DEFAULT_ENDPOINT);
    }
}
