package clusterlab.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // input | toString | familiarName | familiarString
        "nginx | docker.io/library/nginx:latest | nginx | nginx:latest",
        "nginx:1.12 | docker.io/library/nginx:1.12 | nginx | nginx:1.12",
        "student/app | docker.io/student/app:latest | student/app | student/app:latest",
        "docker.io/library/ubuntu | docker.io/library/ubuntu:latest | ubuntu | ubuntu:latest",
        "index.docker.io/library/ubuntu:18.04 | docker.io/library/ubuntu:18.04 | ubuntu | ubuntu:18.04",
        "localhost:5000/app:v1 | localhost:5000/app:v1 | localhost:5000/app | localhost:5000/app:v1",
        "localhost/app | localhost/app:latest | localhost/app | localhost/app:latest",
        "registry.example.com/team/app | registry.example.com/team/app:latest | registry.example.com/team/app | registry.example.com/team/app:latest",
        "python:3.6.1-alpine | docker.io/library/python:3.6.1-alpine | python | python:3.6.1-alpine",
        "my_app.v2-x | docker.io/library/my_app.v2-x:latest | my_app.v2-x | my_app.v2-x:latest",
        "a/b/c | docker.io/a/b/c:latest | a/b/c | a/b/c:latest",
    })
    void normalizes(String input, String full, String familiarName, String familiarString) {
        ImageReference r = ImageReference.parse(input);
        assertThat(r.toString()).isEqualTo(full);
        assertThat(r.familiarName()).isEqualTo(familiarName);
        assertThat(r.familiarString()).isEqualTo(familiarString);
    }

    @org.junit.jupiter.api.Test
    void digestReferencesKeepNoTag() {
        String hex = "a".repeat(64);
        ImageReference r = ImageReference.parse("nginx@sha256:" + hex);
        assertThat(r.tag()).isNull();
        assertThat(r.digest()).isEqualTo("sha256:" + hex);
        assertThat(r.familiarString()).isEqualTo("nginx@sha256:" + hex);
        assertThat(r.repository()).isEqualTo("docker.io/library/nginx");
        assertThat(r.isDockerHub()).isTrue();
        assertThat(ImageReference.parse("localhost:5000/app").isDockerHub()).isFalse();
        assertThat(ImageReference.parseNormalized("nginx").tag()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Nginx | invalid reference format: repository name must be lowercase",
        "student/App | invalid reference format: repository name must be lowercase",
        "'' | invalid reference format",
        "nginx: | invalid reference format",
        ":latest | invalid reference format",
        "nginx:la test | invalid reference format",
        "-nginx | invalid reference format",
        "nginx/ | invalid reference format",
        "a//b | invalid reference format",
        "nginx@sha256:abc | invalid reference format",
        "nginx@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | invalid checksum digest length",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | invalid repository name (aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa), cannot specify 64-byte hexadecimal strings",
    })
    void rejectsWithDockersMessages(String input, String message) {
        assertThatThrownBy(() -> ImageReference.parse(input))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Property(tries = 500)
    void parseOnlyEverThrowsIllegalArgument(@ForAll @StringLength(max = 80) String text) {
        try {
            ImageReference r = ImageReference.parse(text);
            assertThat(ImageReference.parse(r.toString())).isEqualTo(r);
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void wellFormedNamesRoundTrip(@ForAll("names") String name) {
        ImageReference r = ImageReference.parse(name);
        assertThat(ImageReference.parse(r.familiarString())).isEqualTo(r);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> names() {
        var comp = net.jqwik.api.Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(1).ofMaxLength(8);
        var tag = net.jqwik.api.Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789._-").ofMinLength(0).ofMaxLength(6);
        return net.jqwik.api.Combinators.combine(comp, comp, tag).as((a, b, t) -> a + "/" + b + ":v" + t);
    }
}
