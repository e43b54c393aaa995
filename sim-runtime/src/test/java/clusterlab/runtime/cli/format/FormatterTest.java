package clusterlab.runtime.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormatterTest {

    private static final Map<String, String> HEADERS = Map.of(
            "ID", "CONTAINER ID", "Image", "IMAGE", "Command", "COMMAND", "RunningFor", "CREATED",
            "Status", "STATUS", "Ports", "PORTS", "Names", "NAMES", "Labels", "LABELS");

    private static Map<String, Object> row(String id, String image, String command, String created, String status,
                                           String ports, String names, String labels) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ID", id);
        r.put("Image", image);
        r.put("Command", command);
        r.put("RunningFor", created);
        r.put("Status", status);
        r.put("Ports", ports);
        r.put("Names", names);
        r.put("Labels", labels);
        return r;
    }

    private static final List<Map<String, Object>> ROWS = List.of(
            row("e4915cc89e5c", "mongo:3.4", "\"docker-entrypoint.s…\"", "32 seconds ago", "Up 29 seconds",
                    "0.0.0.0:8081->27017/tcp", "mongo", "com.example=db"),
            row("5742570ace3d", "nginx", "\"/docker-entrypoint.…\"", "4 minutes ago", "Up 4 minutes",
                    "0.0.0.0:8080->80/tcp", "nginx", ""));

    @Test
    void defaultContainerLsTable() {
        String format = "table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Ports}}\\t{{.Names}}";
        assertThat(Formatter.render(format, HEADERS, ROWS)).isEqualTo(
                "CONTAINER ID   IMAGE       COMMAND                  CREATED          STATUS          PORTS                     NAMES\n"
                + "e4915cc89e5c   mongo:3.4   \"docker-entrypoint.s…\"   32 seconds ago   Up 29 seconds   0.0.0.0:8081->27017/tcp   mongo\n"
                + "5742570ace3d   nginx       \"/docker-entrypoint.…\"   4 minutes ago    Up 4 minutes    0.0.0.0:8080->80/tcp      nginx\n");
    }

    @Test
    void tableWithRealTabsAndLabelsAsInTheDocs() {
        assertThat(Formatter.render("table {{.ID}}\t{{.Labels}}", HEADERS, ROWS)).isEqualTo(
                "CONTAINER ID   LABELS\n"
                + "e4915cc89e5c   com.example=db\n"
                + "5742570ace3d   \n");
    }

    @Test
    void emptyTableStillPrintsItsHeader() {
        assertThat(Formatter.render("table {{.ID}}\\t{{.Names}}", HEADERS, List.of()))
                .isEqualTo("CONTAINER ID   NAMES\n");
    }

    @Test
    void headerKeepsTextThroughDockerHeaderFunctions() {
        assertThat(Formatter.render("table {{upper .Names}}\\t{{truncate .ID 3}}\\t{{pad .Image 1 1}}", HEADERS,
                ROWS.subList(0, 1))).isEqualTo(
                "NAMES     CONTAINER ID    IMAGE \n"
                + "MONGO     e49             mongo:3.4 \n");
    }

    @Test
    void rawTemplateAsInTheDocs() {
        assertThat(Formatter.render("{{.ID}}: {{.Command}}", HEADERS, ROWS)).isEqualTo(
                "e4915cc89e5c: \"docker-entrypoint.s…\"\n5742570ace3d: \"/docker-entrypoint.…\"\n");
    }

    @Test
    void jsonIsOneLinePerRowWithSortedKeys() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("Names", "web");
        r.put("ID", "abc");
        assertThat(Formatter.render("json", HEADERS, List.of(r))).isEqualTo("{\"ID\":\"abc\",\"Names\":\"web\"}\n");
    }

    @Test
    void structRowsRejectUnknownFieldsLikeDocker() {
        assertThatThrownBy(() -> Formatter.renderStructs("{{.Foo}}", "*formatter.ContainerContext", HEADERS, ROWS))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template parsing error: template: :1:2: executing \"\" at <.Foo>: "
                        + "can't evaluate field Foo in type *formatter.ContainerContext");
        assertThatThrownBy(() -> Formatter.render("{{.ID", HEADERS, ROWS))
                .hasMessage("template parsing error: template: :1: unclosed action");
    }
}
