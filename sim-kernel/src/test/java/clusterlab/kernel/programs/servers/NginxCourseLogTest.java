package clusterlab.kernel.programs.servers;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.Time;
import clusterlab.kernel.host.Cluster;
import clusterlab.kernel.host.Host;
import clusterlab.kernel.host.HostImage;
import clusterlab.kernel.os.OutputSink;
import clusterlab.kernel.os.Process;
import clusterlab.kernel.os.Signal;
import clusterlab.kernel.os.SpawnSpec;
import clusterlab.kernel.os.Stdio;
import clusterlab.kernel.programs.http.HttpHeader;
import clusterlab.kernel.programs.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** nginx 1.12.2 reproduces the course's log lines byte counts: 404 bodies of 169 and (Chrome) 571 bytes. */
class NginxCourseLogTest {

    @Test
    void errorPageSizesMatchTheCourseLogs() {
        Cluster cluster = new Cluster(3);
        Host node1 = cluster.addHost("node1");
        HostImage.installProgram(node1.disk(), "nginx");
        node1.disk().mkdirs(NginxFiles.HTML_ROOT);
        node1.disk().writeString(NginxFiles.HTML_ROOT + "/index.html", "node1\n");
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        OutputSink o = out::append;
        OutputSink e = err::append;
        Map<String, String> env = new LinkedHashMap<>(node1.os().init().env());
        env.put("NGINX_VERSION", "1.12.2");
        Process nginx = node1.os().spawn(SpawnSpec.child(node1.os().init(), List.of("nginx", "-g", "daemon off;"),
                new Stdio(null, o, e, null)).withEnv(env));
        cluster.simulation().runFor(Time.SECOND);

        assertThat(node1.run("curl", "-s", "localhost").stdout()).isEqualTo("node1\n");
        assertThat(node1.run("curl", "-s", "localhost/favicon.ico").stdout()).hasSize(169)
                .contains("<hr><center>nginx/1.12.2</center>");
        String chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/73.0.3683.86 Safari/537.36";
        assertThat(node1.run("curl", "-s", "-A", chrome, "localhost/favicon.ico").stdout()).hasSize(571);

        assertThat(out.toString()).contains("\"GET / HTTP/1.1\" 200 6 \"-\" \"curl/7.64.0\" \"-\"\n")
                .contains("\"GET /favicon.ico HTTP/1.1\" 404 169 \"-\" \"curl/7.64.0\" \"-\"\n")
                .contains("\"GET /favicon.ico HTTP/1.1\" 404 571 \"-\" \"" + chrome + "\" \"-\"\n");
        assertThat(err.toString()).matches("(?s)2019/05/30 07:00:01 \\[error\\] \\d+#\\d+: \\*2 open\\(\\) "
                + "\"/usr/share/nginx/html/favicon.ico\" failed \\(2: No such file or directory\\), client: 127.0.0.1, "
                + "server: localhost, request: \"GET /favicon.ico HTTP/1.1\", host: \"localhost\"\n.*");

        node1.os().signal(null, nginx, Signal.SIGTERM);
        cluster.simulation().runFor(Time.SECOND);
        assertThat(nginx.exitStatus()).isZero();
        assertThat(node1.os().processes()).noneMatch(p -> p.comm().equals("nginx"));
    }

    @Test
    void aRequestWeighsWhatItsBytesWould() {
        HttpRequest r = new HttpRequest("GET", "/", "HTTP/1.1", List.of(new HttpHeader("Host", "localhost")), "");
        assertThat(r.head()).isEqualTo("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(r.wireBytes()).isEqualTo(r.head().length());
    }

    @Test
    void theDaemonModeForksAMasterAndReturns() {
        Cluster cluster = new Cluster(5);
        Host node1 = cluster.addHost("node1");
        HostImage.installProgram(node1.disk(), "nginx");
        assertThat(node1.run("nginx").exitStatus()).isZero();
        cluster.simulation().runFor(Time.SECOND);
        assertThat(node1.os().processes()).extracting(Process::commandLine)
                .contains("nginx: master process nginx", "nginx: worker process");
        assertThat(node1.run("nginx", "-s", "stop").exitStatus()).isZero();
        cluster.simulation().runFor(Time.SECOND);
        assertThat(node1.os().processes()).noneMatch(p -> p.comm().equals("nginx"));
        assertThat(node1.disk().exists("/var/run/nginx.pid")).isFalse();
    }
}
