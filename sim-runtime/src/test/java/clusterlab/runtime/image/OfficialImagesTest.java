package clusterlab.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.fs.LayerFs;
import clusterlab.kernel.os.ProgramRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfficialImagesTest {
    private static final OfficialImages IMAGES = OfficialImages.shared();

    private static Image img(String ref) { return IMAGES.image(ref).orElseThrow(); }

    @Test
    void idsAreTheSameInEveryBuild() {
        OfficialImages other = new OfficialImages();
        for (String ref : List.of("ubuntu:latest", "nginx:1.12", "alpine:latest", "busybox:latest", "python:3.6.1-alpine")) {
            assertThat(other.image(ref).orElseThrow().id()).as(ref).isEqualTo(img(ref).id());
        }
        assertThat(img("ubuntu:latest").id()).matches("sha256:[0-9a-f]{64}");
        assertThat(img("ubuntu:latest").shortId()).hasSize(12);
        assertThat(IMAGES.image("nosuch:latest")).isEmpty();
    }

    @Test
    void everyReferenceBuildsWithConsistentHistory() {
        for (String ref : IMAGES.references()) {
            Image i = img(ref);
            long layerSteps = i.history().stream().filter(h -> !h.emptyLayer()).count();
            assertThat(layerSteps).as(ref).isEqualTo(i.layers().size());
            assertThat(i.history().get(i.history().size() - 1).createdNanos()).as(ref).isEqualTo(i.createdNanos());
            assertThat(i.createdNanos()).as(ref).isNegative();
        }
        assertThat(img("ubuntu:18.04")).isSameAs(img("ubuntu:18.04"));
        assertThat(img("ubuntu:18.04").id()).isEqualTo(img("ubuntu:latest").id());
        assertThat(img("python:latest").sizeBytes()).isBetween(880_000_000L, 960_000_000L);
        assertThat(img("mongo:latest").sizeBytes()).isBetween(390_000_000L, 430_000_000L);
    }

    @Test
    void ubuntuLooksLikeBionic() {
        Image u = img("ubuntu:latest");
        assertThat(u.layers()).hasSize(4);
        assertThat(u.sizeBytes()).isBetween(64_000_000L, 64_500_000L);
        assertThat(u.config().cmd()).containsExactly("/bin/bash");
        assertThat(u.history()).hasSize(5);
        assertThat(u.history().get(4).emptyLayer()).isTrue();
        assertThat(u.history().get(0).createdBy()).startsWith("/bin/sh -c #(nop) ADD file:").endsWith(" in / ");
        assertThat(u.createdNanos()).isNegative();
        LayerFs fs = new LayerFs(u.layers());
        assertThat(fs.readString("/etc/os-release")).contains("Ubuntu 18.04.2 LTS");
        assertThat(ProgramRegistry.programOf(fs.readFile("/bin/bash"))).contains("bash");
        assertThat(ProgramRegistry.programOf(fs.readFile("/usr/bin/apt-get"))).contains("apt-get");
        assertThat(fs.stat("/bin/bash").mode()).isEqualTo(0755);
        assertThat(fs.stat("/tmp").mode()).isEqualTo(01777);
        assertThat(fs.readlink("/bin/sh")).isEqualTo("dash");
        assertThat(fs.exists("/etc/hostname")).isFalse();
    }

    @Test
    void nginxVersionsShareTheirDebianBase() {
        Image a = img("nginx:1.12");
        Image b = img("nginx:1.13");
        Image latest = img("nginx:latest");
        assertThat(a.layers().get(0)).isSameAs(b.layers().get(0));
        assertThat(a.layers().get(1).digest()).isNotEqualTo(b.layers().get(1).digest());
        assertThat(latest.layers().get(0).digest()).isNotEqualTo(a.layers().get(0).digest());
        assertThat(a.sizeBytes()).isBetween(100_000_000L, 115_000_000L);
        assertThat(a.config().env()).contains("NGINX_VERSION=1.12.2-1~stretch");
        assertThat(latest.config().env()).contains("NGINX_VERSION=1.17.0");
        assertThat(latest.config().cmd()).containsExactly("nginx", "-g", "daemon off;");
        assertThat(latest.config().exposedPorts()).containsExactly("80/tcp");
        assertThat(latest.config().stopSignal()).isEqualTo("SIGTERM");
        LayerFs fs = new LayerFs(latest.layers());
        assertThat(fs.readString("/usr/share/nginx/html/index.html")).contains("<h1>Welcome to nginx!</h1>");
        assertThat(fs.readString("/etc/nginx/conf.d/default.conf")).contains("listen       80;");
        assertThat(fs.readlink("/var/log/nginx/access.log")).isEqualTo("/dev/stdout");
        assertThat(fs.readlink("/var/log/nginx/error.log")).isEqualTo("/dev/stderr");
        assertThat(ProgramRegistry.programOf(fs.readFile("/usr/sbin/nginx"))).contains("nginx");
        assertThat(fs.exists("/bin/ps")).as("debian-slim has no procps").isFalse();
        long emptySteps = latest.history().stream().filter(HistoryEntry::emptyLayer).count();
        assertThat(latest.history().size() - emptySteps).isEqualTo(latest.layers().size());
    }

    @Test
    void pythonAlpineSharesAlpinesBaseLayer() {
        Image py = img("python:3.6.1-alpine");
        Image alpine34 = img("alpine:3.4");
        assertThat(py.layers().get(0).digest()).isEqualTo(alpine34.layers().get(0).digest());
        assertThat(py.sizeBytes()).isBetween(85_000_000L, 92_000_000L);
        assertThat(py.config().cmd()).containsExactly("python3");
        assertThat(py.config().env()).contains("LANG=C.UTF-8", "PYTHON_VERSION=3.6.1", "PYTHON_PIP_VERSION=9.0.1");
        LayerFs fs = new LayerFs(py.layers());
        assertThat(fs.exists("/usr/local/bin/python")).isTrue();
        assertThat(fs.exists("/usr/local/lib/python3.6/site-packages")).isTrue();
        assertThat(ProgramRegistry.programOf(fs.readFile("/usr/local/bin/pip"))).contains("pip");
        assertThat(img("alpine:latest").sizeBytes()).isBetween(5_400_000L, 5_700_000L);
        assertThat(img("busybox:latest").sizeBytes()).isBetween(1_150_000L, 1_300_000L);
    }

    @Test
    void mongoHasItsEntrypointAndVolumes() {
        Image m = img("mongo:3.4");
        assertThat(m.config().entrypoint()).containsExactly("docker-entrypoint.sh");
        assertThat(m.config().cmd()).containsExactly("mongod");
        assertThat(m.config().exposedPorts()).containsExactly("27017/tcp");
        assertThat(m.volumes()).containsExactly("/data/configdb", "/data/db");
        assertThat(m.sizeBytes()).isBetween(340_000_000L, 380_000_000L);
        LayerFs fs = new LayerFs(m.layers());
        String script = fs.readString("/usr/local/bin/docker-entrypoint.sh");
        assertThat(script).startsWith("#!/bin/bash\n").endsWith("exec \"$@\"\n");
        assertThat(fs.stat("/data/db").uid()).isEqualTo(999);
        assertThat(ProgramRegistry.programOf(fs.readFile("/usr/bin/mongod"))).contains("mongod");
        assertThat(img("mongo:latest").layers().get(0)).isSameAs(m.layers().get(0));
    }

    @Test
    void registryImage() {
        Image r = img("registry:2");
        assertThat(r.config().entrypoint()).containsExactly("/entrypoint.sh");
        assertThat(r.config().cmd()).containsExactly("/etc/docker/registry/config.yml");
        assertThat(r.config().exposedPorts()).containsExactly("5000/tcp");
        LayerFs fs = new LayerFs(r.layers());
        assertThat(ProgramRegistry.programOf(fs.readFile("/bin/registry"))).contains("registry");
        assertThat(fs.stat("/bin/registry").sizeBytes()).isEqualTo(20_117_384L);
    }
}
