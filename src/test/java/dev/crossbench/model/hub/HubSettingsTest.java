package dev.crossbench.model.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.core.CrossbenchException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HubSettingsTest {
    private final Path home = Path.of("fake-home").toAbsolutePath();

    @Test
    void defaultsMatchHuggingfaceHub() {
        HubSettings s = HubSettings.from(Map.of(), home);
        assertEquals("https://huggingface.co", s.endpoint());
        assertEquals(home.resolve(".cache/huggingface/hub"), s.hubCache());
        assertFalse(s.offline());
        assertEquals(Optional.empty(), s.token());
    }

    @Test
    void cacheFolderPrecedence() {
        assertEquals(home.resolve("hf/hub"), HubSettings.from(Map.of("HF_HOME", "~/hf"), home).hubCache());
        assertEquals(home.resolve("xdg/huggingface/hub"),
                HubSettings.from(Map.of("XDG_CACHE_HOME", home.resolve("xdg").toString()), home).hubCache());
        assertEquals(home.resolve("direct"), HubSettings.from(
                Map.of("HF_HOME", "~/hf", "HF_HUB_CACHE", home.resolve("direct").toString()), home).hubCache());
    }

    @Test
    void offlineEndpointAndToken() {
        for (String yes : new String[] {"1", "true", "YES", "on"}) {
            assertTrue(HubSettings.from(Map.of("HF_HUB_OFFLINE", yes), home).offline(), yes);
        }
        assertFalse(HubSettings.from(Map.of("HF_HUB_OFFLINE", "0"), home).offline());
        HubSettings s = HubSettings.from(Map.of("HF_ENDPOINT", "https://hf-mirror.com/", "HF_TOKEN", "hf_abc"), home);
        assertEquals("https://hf-mirror.com", s.endpoint());
        assertEquals(Optional.of("hf_abc"), s.token());
        assertFalse(s.toString().contains("hf_abc"), "the token must not reach logs");
        assertEquals(Optional.empty(), HubSettings.from(Map.of("HF_TOKEN", " "), home).token());
        var e = assertThrows(CrossbenchException.class, () -> HubSettings.from(Map.of("HF_ENDPOINT", "hf.co"), home));
        assertTrue(e.getMessage().startsWith("HF_ENDPOINT 'hf.co' is not an http(s) URL"), e.getMessage());
    }
}
