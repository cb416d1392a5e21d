package io.jenkins.plugins.optimizeddeploy.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.stream.Stream;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ImageReferenceTest {
    private static final String SHA256 = "sha256:" + "f".repeat(64);
    private static final String SHA384 = "sha384:" + "f".repeat(96);
    private static final String SHA512 = "sha512:" + "f".repeat(128);

    @ParameterizedTest(name = "{0} -> {1} {2} {3} {4}")
    @MethodSource("validReferences")
    void shouldParseAndNormaliseValidReference(String given, String registry, String repository, String tag,
            String digest, String canonical) {
        ImageReference reference = ImageReference.parse(given);

        assertThat(reference.registry()).isEqualTo(registry);
        assertThat(reference.repository()).isEqualTo(repository);
        assertThat(reference.tag()).isEqualTo(java.util.Optional.ofNullable(tag));
        assertThat(reference.digest()).isEqualTo(java.util.Optional.ofNullable(digest));
        assertThat(reference).hasToString(canonical);
        assertThat(ImageReference.parse(canonical)).isEqualTo(reference);
    }

    static Stream<Arguments> validReferences() {
        return Stream.of(
                valid("ubuntu", "docker.io", "library/ubuntu", "latest", null, "docker.io/library/ubuntu:latest"),
                valid("ubuntu:22.04", "docker.io", "library/ubuntu", "22.04", null, "docker.io/library/ubuntu:22.04"),
                valid("test_com", "docker.io", "library/test_com", "latest", null, "docker.io/library/test_com:latest"),
                valid("test.com:tag", "docker.io", "library/test.com", "tag", null, "docker.io/library/test.com:tag"),
                valid("test.com:5000", "docker.io", "library/test.com", "5000", null, "docker.io/library/test.com:5000"),
                valid("lowercase:Uppercase", "docker.io", "library/lowercase", "Uppercase", null,
                        "docker.io/library/lowercase:Uppercase"),
                valid("foo_bar.com:8080", "docker.io", "library/foo_bar.com", "8080", null,
                        "docker.io/library/foo_bar.com:8080"),
                valid("foo/foo_bar.com:8080", "docker.io", "foo/foo_bar.com", "8080", null,
                        "docker.io/foo/foo_bar.com:8080"),
                valid("jenkins/jenkins:lts", "docker.io", "jenkins/jenkins", "lts", null, "docker.io/jenkins/jenkins:lts"),
                valid("docker.io/ubuntu", "docker.io", "library/ubuntu", "latest", null, "docker.io/library/ubuntu:latest"),
                valid("index.docker.io/ubuntu", "docker.io", "library/ubuntu", "latest", null,
                        "docker.io/library/ubuntu:latest"),
                valid("index.docker.io/foo/bar", "docker.io", "foo/bar", "latest", null, "docker.io/foo/bar:latest"),
                valid("test.com/repo:tag", "test.com", "repo", "tag", null, "test.com/repo:tag"),
                valid("test:5000/repo", "test:5000", "repo", "latest", null, "test:5000/repo:latest"),
                valid("test:5000/repo:tag", "test:5000", "repo", "tag", null, "test:5000/repo:tag"),
                valid("test:5000/repo@" + SHA256, "test:5000", "repo", null, SHA256, "test:5000/repo@" + SHA256),
                valid("test:5000/repo:tag@" + SHA256, "test:5000", "repo", "tag", SHA256,
                        "test:5000/repo:tag@" + SHA256),
                valid("ubuntu@" + SHA256, "docker.io", "library/ubuntu", null, SHA256,
                        "docker.io/library/ubuntu@" + SHA256),
                valid("sub-dom1.foo.com/bar/baz/quux", "sub-dom1.foo.com", "bar/baz/quux", "latest", null,
                        "sub-dom1.foo.com/bar/baz/quux:latest"),
                valid("sub-dom1.foo.com/bar/baz/quux:some-long-tag", "sub-dom1.foo.com", "bar/baz/quux",
                        "some-long-tag", null, "sub-dom1.foo.com/bar/baz/quux:some-long-tag"),
                valid("b.gcr.io/test.example.com/my-app:test.example.com", "b.gcr.io", "test.example.com/my-app",
                        "test.example.com", null, "b.gcr.io/test.example.com/my-app:test.example.com"),
                valid("xn--n3h.com/myimage:xn--n3h.com", "xn--n3h.com", "myimage", "xn--n3h.com", null,
                        "xn--n3h.com/myimage:xn--n3h.com"),
                valid("xn--7o8h.com/myimage:xn--7o8h.com@" + SHA512, "xn--7o8h.com", "myimage", "xn--7o8h.com",
                        SHA512, "xn--7o8h.com/myimage:xn--7o8h.com@" + SHA512),
                valid("localhost/foo", "localhost", "foo", "latest", null, "localhost/foo:latest"),
                valid("localhost:5000/foo/bar", "localhost:5000", "foo/bar", "latest", null,
                        "localhost:5000/foo/bar:latest"),
                valid("127.0.0.1:5000/app:1", "127.0.0.1:5000", "app", "1", null, "127.0.0.1:5000/app:1"),
                valid("192.168.1.1/foo", "192.168.1.1", "foo", "latest", null, "192.168.1.1/foo:latest"),
                valid("[2001:db8::1]/repo", "[2001:db8::1]", "repo", "latest", null, "[2001:db8::1]/repo:latest"),
                valid("[2001:db8::1]:5000/repo:tag", "[2001:db8::1]:5000", "repo", "tag", null,
                        "[2001:db8::1]:5000/repo:tag"),
                valid("[::1]:5000/repo", "[::1]:5000", "repo", "latest", null, "[::1]:5000/repo:latest"),
                valid("Example.COM/repo", "Example.COM", "repo", "latest", null, "Example.COM/repo:latest"),
                valid("a/a__b", "docker.io", "a/a__b", "latest", null, "docker.io/a/a__b:latest"),
                valid("a/a---b", "docker.io", "a/a---b", "latest", null, "docker.io/a/a---b:latest"),
                valid("a/a_b.c-d", "docker.io", "a/a_b.c-d", "latest", null, "docker.io/a/a_b.c-d:latest"),
                valid("foo:_tag", "docker.io", "library/foo", "_tag", null, "docker.io/library/foo:_tag"),
                valid("foo:" + "t".repeat(128), "docker.io", "library/foo", "t".repeat(128), null,
                        "docker.io/library/foo:" + "t".repeat(128)),
                valid("r.io/" + "a".repeat(250), "r.io", "a".repeat(250), "latest", null,
                        "r.io/" + "a".repeat(250) + ":latest"),
                // a first part with an uppercase letter names a registry, as docker reads it
                valid("Docker/docker", "Docker", "docker", "latest", null, "Docker/docker:latest"),
                valid("DOCKER/docker", "DOCKER", "docker", "latest", null, "DOCKER/docker:latest"),
                valid("LOCALDOMAIN/library/debian", "LOCALDOMAIN", "library/debian", "latest", null,
                        "LOCALDOMAIN/library/debian:latest"),
                valid("Uppercase/lowercase:tag", "Uppercase", "lowercase", "tag", null, "Uppercase/lowercase:tag"),
                valid("localhost/library/debian", "localhost", "library/debian", "latest", null,
                        "localhost/library/debian:latest"),
                valid("docker.io/library/debian", "docker.io", "library/debian", "latest", null,
                        "docker.io/library/debian:latest"),
                valid("index.docker.io/library/debian", "docker.io", "library/debian", "latest", null,
                        "docker.io/library/debian:latest"),
                valid("gcr.io/library/busybox", "gcr.io", "library/busybox", "latest", null,
                        "gcr.io/library/busybox:latest"),
                valid("127.0.0.1:5000/debian", "127.0.0.1:5000", "debian", "latest", null,
                        "127.0.0.1:5000/debian:latest"),
                valid("other/library", "docker.io", "other/library", "latest", null, "docker.io/other/library:latest"),
                // without a slash, an address is a repository and its port a tag
                valid("192.168.0.1", "docker.io", "library/192.168.0.1", "latest", null,
                        "docker.io/library/192.168.0.1:latest"),
                valid("192.168.0.1:80", "docker.io", "library/192.168.0.1", "80", null,
                        "docker.io/library/192.168.0.1:80"),
                valid("192.168.0.1:8/debian", "192.168.0.1:8", "debian", "latest", null, "192.168.0.1:8/debian:latest"),
                valid("192.168.1.1:5000/repo:5050", "192.168.1.1:5000", "repo", "5050", null,
                        "192.168.1.1:5000/repo:5050"),
                valid("[fc00:1:2:3:4:5:6:7]:5000/library/debian", "[fc00:1:2:3:4:5:6:7]:5000", "library/debian",
                        "latest", null, "[fc00:1:2:3:4:5:6:7]:5000/library/debian:latest"),
                valid("[2001:db8::]:5000/repo", "[2001:db8::]:5000", "repo", "latest", null,
                        "[2001:db8::]:5000/repo:latest"),
                // 64 hex characters are an image ID only on their own
                valid("docker.io/" + "1a3f".repeat(16), "docker.io", "library/" + "1a3f".repeat(16), "latest", null,
                        "docker.io/library/" + "1a3f".repeat(16) + ":latest"),
                valid("dbcc1".repeat(12) + "abc", "docker.io", "library/" + "dbcc1".repeat(12) + "abc", "latest", null,
                        "docker.io/library/" + "dbcc1".repeat(12) + "abc:latest"),
                valid("test-com:8080/foo", "test-com:8080", "foo", "latest", null, "test-com:8080/foo:latest"),
                valid("docker.io/library/foo/bar", "docker.io", "library/foo/bar", "latest", null,
                        "docker.io/library/foo/bar:latest"),
                valid("docker---rules/docker", "docker.io", "docker---rules/docker", "latest", null,
                        "docker.io/docker---rules/docker:latest"),
                valid("dock__er/docker", "docker.io", "dock__er/docker", "latest", null,
                        "docker.io/dock__er/docker:latest"),
                valid("jess/t", "docker.io", "jess/t", "latest", null, "docker.io/jess/t:latest"),
                valid("repo@" + SHA384, "docker.io", "library/repo", null, SHA384, "docker.io/library/repo@" + SHA384),
                // the 255 characters count the repository path only, library/ included and the registry not
                valid("a/".repeat(127) + "a:tag-puts-this-over-max", "docker.io", "a/".repeat(127) + "a",
                        "tag-puts-this-over-max", null, "docker.io/" + "a/".repeat(127) + "a:tag-puts-this-over-max"),
                valid("example.com/" + "a".repeat(255) + ":tag", "example.com", "a".repeat(255), "tag", null,
                        "example.com/" + "a".repeat(255) + ":tag"),
                valid("a".repeat(247), "docker.io", "library/" + "a".repeat(247), "latest", null,
                        "docker.io/library/" + "a".repeat(247) + ":latest"));
    }

    private static Arguments valid(String given, String registry, String repository, String tag, String digest,
            String canonical) {
        return Arguments.of(given, registry, repository, tag, digest, canonical);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                 | an image reference is required
            :justtag                           | the repository name is missing
            '@sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff' | the repository name is missing
            Uppercase:tag                      | repository 'Uppercase' must be lowercase
            Foo_bar/baz                        | registry 'Foo_bar' is not a valid host[:port] (a first part with an uppercase letter names a registry)
            docker/Docker                      | repository 'docker/Docker' must be lowercase
            docker.io/docker/Docker            | repository 'docker/Docker' must be lowercase
            https://github.com/docker/docker   | registry 'https:' is not a valid host[:port]
            -docker                            | repository path component '-docker'
            -docker/docker                     | repository path component '-docker'
            docker-/docker                     | repository path component 'docker-'
            -docker-/docker                    | repository path component '-docker-'
            -docker.io/docker/docker           | registry '-docker.io' is not a valid host[:port]
            ____/____                          | repository path component '____'
            _docker/_docker                    | repository path component '_docker'
            dock..er/docker                    | registry 'dock..er' is not a valid host[:port]
            dock_.er/docker                    | registry 'dock_.er' is not a valid host[:port]
            dock-.er/docker                    | registry 'dock-.er' is not a valid host[:port]
            docker///docker                    | repository 'docker///docker' has an empty path component
            docker.io/docker///docker          | repository 'docker///docker' has an empty path component
            docker/                            | repository 'docker/' has an empty path component
            '[fc00::1]'                        | tag ':1]'
            '[fc00::1]:5000'                   | tag ':1]:5000'
            fc00::1:5000/debian                | registry 'fc00::1:5000' is not a valid host[:port]
            '[2001:db8:3:4::192.0.2.33]:5000/debian' | registry '[2001:db8:3:4::192.0.2.33]:5000' is not a valid host[:port]
            '[fe80::1%@invalidzone]:5000/repo' | registry '[fe80::1%@invalidzone]:5000' is not a valid host[:port]
            test:5000/Uppercase/lowercase:tag  | repository 'Uppercase/lowercase' must be lowercase
            aa/asdf$$^/aa                      | repository path component 'asdf$$^'
            a/-a                               | repository path component '-a'
            a/a-                               | repository path component 'a-'
            a/a..b                             | repository path component 'a..b'
            a/a___b                            | repository path component 'a___b'
            a/a__-b                            | repository path component 'a__-b'
            docker.io//foo                     | repository '/foo' has an empty path component
            foo/                               | repository 'foo/' has an empty path component
            foo/bar:                           | tag ''
            foo:-tag                           | tag '-tag'
            foo:.tag                           | tag '.tag'
            team/foo:a/b                       | tag 'a/b'
            foo:a/b                            | registry 'foo:a' is not a valid host[:port]
            -foo.com/bar                       | registry '-foo.com' is not a valid host[:port]
            foo.com:port/bar                   | registry 'foo.com:port' is not a valid host[:port]
            foo-.com/bar                       | registry 'foo-.com' is not a valid host[:port]
            '[fe80::1%eth0]:5000/repo'         | registry '[fe80::1%eth0]:5000' is not a valid host[:port]
            127.0.0.1:0/repo                   | port 0 of registry '127.0.0.1:0' is not between 1 and 65535
            127.0.0.1:65536/repo               | port 65536 of registry '127.0.0.1:65536' is not between 1 and 65535
            'localhost:99999999999999999999/r' | port 99999999999999999999 of registry 'localhost:99999999999999999999'
            '[::1]:0/repo'                     | port 0 of registry '[::1]:0' is not between 1 and 65535
            '[:::::]/repo'                     | registry '[:::::]' does not hold an IPv6 address in its brackets
            '[1:2:3]:5000/repo'                | registry '[1:2:3]:5000' does not hold an IPv6 address in its brackets
            repo@sha256:fff                    | digest value 'fff' must be 64 lowercase hex characters for sha256
            repo@sha256:FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF | must be 64 lowercase hex
            repo@sha256:gfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff | must be 64 lowercase hex
            repo@md5:ffffffffffffffffffffffffffffffff | digest algorithm 'md5' is not supported
            validname@invaliddigest:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff | digest algorithm 'invaliddigest' is not supported (supported: sha256, sha384, sha512)
            repo@sha256:ffffffffffffffffffffffffffffffffff | digest value 'ffffffffffffffffffffffffffffffffff' must be 64 lowercase hex characters for sha256
            repo@sha384:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff | must be 96 lowercase hex characters for sha384
            repo@sha512:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff | must be 128 lowercase hex characters for sha512
            repo@ffffffffffffffffffffffffffffffff  | the ':' is missing
            repo@Sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff | digest algorithm 'Sha256' is not valid
            ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff | is an image ID, not a repository name
            """)
    void shouldRejectInvalidReferenceNamingTheOffendingPart(String given, String problem) {
        String reference = given == null ? "" : given;

        assertThatThrownBy(() -> ImageReference.parse(reference))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageStartingWith("Invalid image reference '" + reference + "': ")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((InvalidReferenceException) e).input()).isEqualTo(reference));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            registry.example.com            | registry.example.com
            registry.example.com/team       | registry.example.com
            registry.example.com/team/sub/  | registry.example.com
            127.0.0.1:5000                  | 127.0.0.1:5000
            127.0.0.1:5000/team             | 127.0.0.1:5000
            '[::1]:5000/team'               | '[::1]:5000'
            localhost                       | localhost
            localhost/team                  | localhost
            Reg.example.com/team            | Reg.example.com
            docker.io                       | docker.io
            index.docker.io/team            | docker.io
            team                            | docker.io
            team/sub                        | docker.io
            """)
    void shouldReadTheRegistryOfARepositoryPrefix(String prefix, String registry) {
        assertThat(ImageReference.registryOf(prefix)).isEqualTo(registry);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                              | a registry is required, e.g. registry.example.com/team
            /                               | a registry is required, e.g. registry.example.com/team
            Reg.example.com/Team            | repository 'Team' must be lowercase
            team/Sub                        | repository 'team/Sub' must be lowercase
            dock..er/team                   | registry 'dock..er' is not a valid host[:port]
            Foo_bar/team                    | registry 'Foo_bar' is not a valid host[:port] (a first part with an uppercase letter names a registry)
            127.0.0.1:65536                 | port 65536 of registry '127.0.0.1:65536' is not between 1 and 65535
            '[:::::]/team'                  | registry '[:::::]' does not hold an IPv6 address in its brackets
            reg.example.com/team:1.0        | a prefix takes no tag or digest
            'reg.example.com/team@sha256:ff' | a prefix takes no tag or digest
            reg.example.com//team           | repository '/team' has an empty path component
            reg.example.com/-team           | repository path component '-team' must be lowercase letters and digits
            """)
    void shouldRejectAnInvalidRepositoryPrefixNamingItAsGiven(String prefix, String problem) {
        assertThatThrownBy(() -> ImageReference.registryOf(prefix))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageStartingWith("Invalid registry and repository prefix '" + prefix + "': " + problem)
                .satisfies(e -> assertThat(((InvalidReferenceException) e).input()).isEqualTo(prefix));
    }

    @Test
    void shouldRejectTagOfMoreThan128Characters() {
        assertThatThrownBy(() -> ImageReference.parse("foo:" + "t".repeat(129)))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("must be 1 to 128");
    }

    @Test
    void shouldRejectARepositoryPathLongerThan255Characters() {
        String path = "domain/" + "a".repeat(256);

        assertThatThrownBy(() -> ImageReference.parse(path + ":tag"))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("repository '" + path + "' is 263 characters long, more than the 255 allowed");
    }

    @Test
    void shouldCountTheLibraryPrefixInTheRepositoryLength() {
        assertThatThrownBy(() -> ImageReference.parse("a".repeat(248)))
                .hasMessageContaining("repository 'library/" + "a".repeat(248) + "' is 256 characters long");
    }

    @Test
    void shouldRejectNull() {
        assertThatThrownBy(() -> ImageReference.parse(null))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessage("Invalid image reference 'null': an image reference is required");
    }

    @Test
    void shouldReturnCopyWithTagKeepingTheDigest() {
        ImageReference pinned = ImageReference.parse("127.0.0.1:5000/app@" + SHA256);

        ImageReference tagged = pinned.withTag("v2");

        assertThat(tagged).hasToString("127.0.0.1:5000/app:v2@" + SHA256);
        assertThat(pinned).hasToString("127.0.0.1:5000/app@" + SHA256);
    }

    @Test
    void shouldReturnCopyWithDigestKeepingTheTag() {
        ImageReference tagged = ImageReference.parse("app:v1");

        ImageReference pinned = tagged.withDigest(SHA256);

        assertThat(pinned).hasToString("docker.io/library/app:v1@" + SHA256);
        assertThat(pinned.manifestIdentifier()).isEqualTo(SHA256);
        assertThat(tagged.manifestIdentifier()).isEqualTo("v1");
    }

    @Test
    void shouldRejectInvalidTagInWithTag() {
        assertThatThrownBy(() -> ImageReference.parse("app").withTag("-bad"))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageStartingWith("Invalid image reference 'docker.io/library/app:-bad': tag '-bad'");
    }

    @Test
    void shouldRejectInvalidDigestInWithDigest() {
        assertThatThrownBy(() -> ImageReference.parse("app").withDigest("sha256:abc"))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("'docker.io/library/app@sha256:abc'")
                .hasMessageContaining("digest value 'abc'");
    }

    @Test
    void shouldGiveTheNameWithoutTagOrDigest() {
        assertThat(ImageReference.parse("localhost:5000/team/app:1@" + SHA256).name())
                .isEqualTo("localhost:5000/team/app");
    }

    @Test
    void shouldHonourEqualsAndHashCodeContract() {
        EqualsVerifier.forClass(ImageReference.class).suppress(Warning.NULL_FIELDS).verify();
    }

    @Test
    void shouldSurviveSerialization() throws IOException, ClassNotFoundException {
        ImageReference reference = ImageReference.parse("127.0.0.1:5000/team/app:1@" + SHA256);

        assertThat(roundTrip(reference)).isEqualTo(reference).hasToString(reference.toString());
    }

    static <T> Object roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
