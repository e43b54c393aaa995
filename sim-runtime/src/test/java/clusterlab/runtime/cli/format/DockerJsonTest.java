package clusterlab.runtime.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerJsonTest {

    @Test
    void inspectIndentsByFourSpacesKeepingKeyOrder() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("Status", "running");
        state.put("Running", true);
        state.put("Pid", 4242L);
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("Id", "e4915cc89e5c");
        container.put("Args", List.of());
        container.put("State", state);
        container.put("Labels", Map.of());
        container.put("HostConfig", null);
        container.put("Cmd", List.of("nginx", "-g", "daemon off;"));
        container.put("Note", "<a & b>\u2028");
        container.put("Cpu", 0.5);
        assertThat(DockerJson.inspect(List.of(container))).isEqualTo("""
                [
                    {
                        "Id": "e4915cc89e5c",
                        "Args": [],
                        "State": {
                            "Status": "running",
                            "Running": true,
                            "Pid": 4242
                        },
                        "Labels": {},
                        "HostConfig": null,
                        "Cmd": [
                            "nginx",
                            "-g",
                            "daemon off;"
                        ],
                        "Note": "\\u003ca \\u0026 b\\u003e\\u2028",
                        "Cpu": 0.5
                    }
                ]
                """);
    }

    @Test
    void emptyInspectIsAnEmptyArray() {
        assertThat(DockerJson.inspect(new ArrayList<>())).isEqualTo("[]\n");
        assertThat(DockerJson.indent(Map.of())).isEqualTo("{}");
    }

    @Test
    void compactEscapesControlCharacters() {
        assertThat(DockerJson.compact(List.of("a\"b\\c\n\t\u0001\b\f", 1L, false)))
                .isEqualTo("[\"a\\\"b\\\\c\\n\\t\\u0001\\b\\f\",1,false]");
    }
}
