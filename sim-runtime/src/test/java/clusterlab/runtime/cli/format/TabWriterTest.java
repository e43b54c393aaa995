package clusterlab.runtime.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TabWriterTest {

    /** Docker 18.09 printed tables with minwidth 20; the course shows that output verbatim. */
    private static TabWriter docker1809() {
        return new TabWriter(20, 3, TabWriter.CellWidth.TERMINAL);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TabWriterTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void reproducesTheCoursesContainerLs() throws IOException {
        String out = docker1809()
                .row("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES")
                .row("e4915cc89e5c", "mongo:3.4", "\"docker-entrypoint.s…\"", "32 seconds ago", "Up 29 seconds",
                        "0.0.0.0:8081->27017/tcp", "mongo")
                .row("5742570ace3d", "nginx", "\"nginx -g 'daemon of…\"", "4 minutes ago", "Up 4 minutes",
                        "0.0.0.0:8080->80/tcp", "nginx")
                .render();
        assertThat(out).isEqualTo(resource("seed-container-ls.txt"));
    }

    @Test
    void reproducesTheCoursesNodeLsWithEmptyManagerStatus() throws IOException {
        String out = docker1809()
                .row("ID", "HOSTNAME", "STATUS", "AVAILABILITY", "MANAGER STATUS", "ENGINE VERSION")
                .row("yq2ohizwldax6kzvzamoape0x *", "node1", "Ready", "Active", "Leader", "18.09.4")
                .row("j9u9msfsigv2ni2ns8qv97bwr", "node2", "Ready", "Active", "", "18.09.4")
                .row("sbsxs70aj9fbtd8fbbnuri4zf", "node3", "Ready", "Active", "", "18.09.4")
                .render();
        assertThat(out).isEqualTo(resource("seed-node-ls.txt"));
    }

    @Test
    void reproducesTheCoursesServiceLs() throws IOException {
        String out = docker1809()
                .row("ID", "NAME", "MODE", "REPLICAS", "IMAGE", "PORTS")
                .row("a7bizgtmj8mf", "nginx1", "replicated", "1/1", "nginx:1.12", "*:80->80/tcp")
                .render();
        assertThat(out).isEqualTo(resource("seed-service-ls.txt"));
    }

    @Test
    void modernDockerContainerLs() {
        String out = TabWriter.format(
                "CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n"
                + "4c01db0b339c\tnginx\t\"/docker-entrypoint.…\"\t17 seconds ago\tUp 16 seconds\t80/tcp\tweb\n");
        assertThat(out).isEqualTo(
                "CONTAINER ID   IMAGE     COMMAND                  CREATED          STATUS          PORTS     NAMES\n"
                + "4c01db0b339c   nginx     \"/docker-entrypoint.…\"   17 seconds ago   Up 16 seconds   80/tcp    web\n");
    }

    @Test
    void modernNodeLsPadsTheEmptyManagerStatusCell() {
        String out = TabWriter.docker()
                .row("ID", "HOSTNAME", "STATUS", "AVAILABILITY", "MANAGER STATUS", "ENGINE VERSION")
                .row("yq2ohizwldax6kzvzamoape0x *", "node1", "Ready", "Active", "Leader", "24.0.7")
                .row("j9u9msfsigv2ni2ns8qv97bwr", "node2", "Ready", "Active", "", "24.0.7")
                .render();
        assertThat(out).isEqualTo(
                "ID                            HOSTNAME   STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION\n"
                + "yq2ohizwldax6kzvzamoape0x *   node1      Ready     Active         Leader           24.0.7\n"
                + "j9u9msfsigv2ni2ns8qv97bwr     node2      Ready     Active                          24.0.7\n");
    }

    @Test
    void columnsAreAlignedPerBlockOfConsecutiveLines() {
        // Go's doc example: b and c are in distinct column blocks; d and e are in none.
        String out = new TabWriter(0, 1, TabWriter.CellWidth.RUNES)
                .write("aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n").render();
        assertThat(out).isEqualTo("aaaa bbb d\naa   b   dd\na    \naa   cccc eee\n");
    }

    @Test
    void aLineWithoutTabsEndsEveryBlock() {
        String out = new TabWriter(0, 1, TabWriter.CellWidth.RUNES)
                .write("a\tb\nno tabs here\nlonger\tc\n").render();
        assertThat(out).isEqualTo("a b\nno tabs here\nlonger c\n");
    }

    @Test
    void textAfterTheLastTabIsNotPaddedAndUnterminatedTextIsKept() {
        assertThat(TabWriter.format("x\ty")).isEqualTo("x" + " ".repeat(9) + "y");
        // A trailing tab without a newline leaves a one-cell line: nothing to align.
        assertThat(TabWriter.format("x\t")).isEqualTo("x");
        assertThat(TabWriter.format("x\t\n")).isEqualTo("x" + " ".repeat(9) + "\n");
        assertThat(TabWriter.format("")).isEmpty();
        assertThat(TabWriter.format("\n\n")).isEqualTo("\n\n");
    }

    @Test
    void widthCountsRunesOrTerminalCells() {
        String text = "héllo\tx\nab\ty\n";
        assertThat(new TabWriter(0, 1, TabWriter.CellWidth.RUNES).write(text).render())
                .isEqualTo("héllo x\nab    y\n");
        String wide = "日本\tx\nabc\ty\n";
        assertThat(new TabWriter(0, 1, TabWriter.CellWidth.RUNES).write(wide).render())
                .isEqualTo("日本  x\nabc y\n");
        assertThat(new TabWriter(0, 1, TabWriter.CellWidth.TERMINAL).write(wide).render())
                .isEqualTo("日本 x\nabc  y\n");
    }

    @Test
    void formfeedFlushesAndPrintsANewline() {
        String out = new TabWriter(0, 1, TabWriter.CellWidth.RUNES).write("a\tb\f" + "longer\tc\n").render();
        assertThat(out).isEqualTo("a b\nlonger c\n");
    }
}
