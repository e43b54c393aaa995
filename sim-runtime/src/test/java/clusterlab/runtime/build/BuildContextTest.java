package clusterlab.runtime.build;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.fs.MemoryFs;
import org.junit.jupiter.api.Test;

class BuildContextTest {
    @Test
    void tarSizeAndDockersUnits() throws Exception {
        MemoryFs fs = new MemoryFs(() -> 0L);
        fs.mkdirs("/root");
        fs.writeString("/root/Dockerfile", "FROM python:3.6.1-alpine\n");
        assertThat(BuildContext.humanSize(BuildContext.read(fs, "/root").tarSizeBytes())).isEqualTo("2.048kB");
        fs.writeString("/root/app.py", "print('hi')\n");
        assertThat(BuildContext.read(fs, "/root").tarSizeBytes()).isEqualTo(3072);
        assertThat(BuildContext.humanSize(3072)).isEqualTo("3.072kB");
        assertThat(BuildContext.humanSize(512)).isEqualTo("512B");
        assertThat(BuildContext.humanSize(10_240)).isEqualTo("10.24kB");
        assertThat(BuildContext.humanSize(1_000_000)).isEqualTo("1MB");
        assertThat(BuildContext.humanSize(123_456_789)).isEqualTo("123.5MB");
    }

    @Test
    void hashFollowsContentNotTime() throws Exception {
        MemoryFs fs = new MemoryFs(() -> 0L);
        fs.mkdirs("/c");
        fs.writeString("/c/app.py", "v1");
        String h1 = BuildContext.read(fs, "/c").hash("app.py");
        fs.setMtime("/c/app.py", 99_000_000_000L);
        assertThat(BuildContext.read(fs, "/c").hash("app.py")).isEqualTo(h1).startsWith("file:").hasSize(69);
        fs.writeString("/c/app.py", "v2");
        assertThat(BuildContext.read(fs, "/c").hash("app.py")).isNotEqualTo(h1);
    }
}
