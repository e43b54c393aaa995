package clusterlab.swarm.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Service specs as one line of JSON inside store commands (they travel through the Raft log and
 * snapshots). Properties are written in alphabetical order so the same spec is always the same
 * text on every JVM.
 */
public final class SpecCodec {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SpecCodec() {
    }

    public static String encode(ServiceSpec spec) {
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a service spec must serialize: " + e.getMessage(), e);
        }
    }

    /** The spec, or null when {@code json} is not one (a command this store did not write). */
    public static ServiceSpec decode(String json) {
        try {
            return JSON.readValue(json, ServiceSpec.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }
}
