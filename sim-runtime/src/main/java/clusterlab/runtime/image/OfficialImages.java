package clusterlab.runtime.image;

import static clusterlab.runtime.image.OfficialImageFiles.*;

import clusterlab.kernel.Time;
import clusterlab.kernel.fs.Blob;
import clusterlab.kernel.fs.Layer;
import clusterlab.kernel.os.ProgramRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The official images of the course as Docker Hub served them in May 2019: ubuntu, alpine,
 * busybox, nginx (1.12, 1.13, latest), mongo (3.4, latest), python (3.6.1-alpine, latest) and
 * registry:2, with their real configs, history lines, layer structure and sizes.
 *
 * <p>Everything is content-addressed and built without randomness, so every run (and every
 * instance of this class) produces the same ids and digests. Images are built on first use
 * (hashing a 400 MB image takes a while) and shared layers are built once: nginx:1.12 and
 * nginx:1.13 share their Debian base, python:3.6.1-alpine shares alpine:3.4's base, mongo:3.4
 * and mongo:latest share the Ubuntu xenial layers.
 */
public final class OfficialImages {
    private static final String PATH_ENV = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final String[] COREUTILS_BIN = {"bash", "ls", "cat", "echo", "sleep", "kill", "uname", "hostname",
        "mkdir", "rm", "touch", "grep", "cp", "mv", "pwd", "true", "false", "date"};
    private static final String[] COREUTILS_USR_BIN = {"env", "id", "head", "tail", "wc", "apt-get"};
    private static final String[] PROCPS_BIN = {"ps"};
    private static final String[] PROCPS_USR_BIN = {"top", "free"};
    private static final String[] BUSYBOX_BIN = {"sh", "ls", "cat", "ps", "echo", "sleep", "kill", "uname", "hostname",
        "mkdir", "rm", "touch", "grep", "cp", "mv", "pwd", "true", "false", "date"};
    private static final String[] BUSYBOX_USR_BIN = {"top", "env", "id", "free", "head", "tail", "wc", "wget"};

    private static final class Holder {
        static final OfficialImages SHARED = new OfficialImages();
    }

    private final Map<String, Supplier<Image>> recipes = new LinkedHashMap<>();
    private final Map<String, Image> built = new TreeMap<>();
    private final Map<String, Object> memo = new TreeMap<>();

    public OfficialImages() {
        recipes.put("ubuntu:latest", this::ubuntu);
        recipes.put("ubuntu:18.04", this::ubuntu);
        recipes.put("alpine:latest", () -> alpine("3.9.4"));
        recipes.put("alpine:3.9", () -> alpine("3.9.4"));
        recipes.put("alpine:3.4", () -> alpine("3.4.6"));
        recipes.put("busybox:latest", this::busybox);
        recipes.put("nginx:latest", () -> nginx("1.17.0"));
        recipes.put("nginx:1.17", () -> nginx("1.17.0"));
        recipes.put("nginx:1.13", () -> nginx("1.13.12"));
        recipes.put("nginx:1.12", () -> nginx("1.12.2"));
        recipes.put("mongo:latest", () -> mongo("4.0.9"));
        recipes.put("mongo:4.0", () -> mongo("4.0.9"));
        recipes.put("mongo:3.4", () -> mongo("3.4.20"));
        recipes.put("python:3.6.1-alpine", this::python361Alpine);
        recipes.put("python:latest", this::pythonLatest);
        recipes.put("python:3.7", this::pythonLatest);
        recipes.put("registry:2", this::registry);
    }

    /** One instance for the whole JVM: the images are immutable, so simulations may share them. */
    public static OfficialImages shared() { return Holder.SHARED; }

    /** The references this catalog serves, familiar form ({@code nginx:1.12}), in catalog order. */
    public List<String> references() { return List.copyOf(recipes.keySet()); }

    /** The image for a familiar reference such as {@code nginx:1.12}, built on first use. */
    public synchronized Optional<Image> image(String familiarReference) {
        Supplier<Image> recipe = recipes.get(familiarReference);
        if (recipe == null) {
            return Optional.empty();
        }
        return Optional.of(built.computeIfAbsent(familiarReference, k -> recipe.get()));
    }

    /** Virtual nanos of a UTC instant (negative before the lab's epoch). */
    static long at(String isoUtc) {
        Instant i = Instant.parse(isoUtc);
        return (i.getEpochSecond() - Time.EPOCH_UNIX_SECONDS) * Time.SECOND + i.getNano();
    }

    @SuppressWarnings("unchecked")
    private <T> T once(String key, Supplier<T> make) {
        Object v = memo.get(key);
        if (v == null) {
            v = make.get();
            memo.put(key, v);
        }
        return (T) v;
    }

    /** Collects layers and history lines, oldest first, as a Dockerfile's steps make them. */
    private static final class Steps {
        final List<Layer> layers = new ArrayList<>();
        final List<HistoryEntry> history = new ArrayList<>();

        Steps layer(long t, String createdBy, Layer l) {
            layers.add(l);
            history.add(HistoryEntry.layer(t, createdBy));
            return this;
        }

        Steps add(long t, Layer l) {
            return layer(t, "/bin/sh -c #(nop) ADD file:" + l.digest().substring(7) + " in / ", l);
        }

        Steps nop(long t, String instruction) {
            history.add(HistoryEntry.empty(t, "/bin/sh -c #(nop)  " + instruction));
            return this;
        }

        Steps addAll(Steps base) {
            layers.addAll(base.layers);
            history.addAll(base.history);
            return this;
        }

        Image image(ImageConfig config, long created) {
            return Image.builder().config(config).layers(layers).history(history).created(created).build();
        }

        Image image(ImageConfig config, long created, TreeSet<String> volumes) {
            return Image.builder().config(config).layers(layers).history(history).created(created).volumes(volumes).build();
        }
    }

    private static ImageConfig config(List<String> env, List<String> cmd) {
        return ImageConfig.empty().withEnv(env).withCmd(cmd);
    }

    private static TreeSet<String> ports(String... p) { return new TreeSet<>(List.of(p)); }

    // ---- Debian/Ubuntu family ----

    private static LayerBuilder debianLikeRoot(long t, String osRelease, boolean procps) {
        LayerBuilder b = new LayerBuilder(t);
        for (String d : List.of("/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib64", "/media", "/mnt", "/opt",
                "/proc", "/run", "/sbin", "/srv", "/sys", "/usr", "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/local",
                "/usr/local/bin", "/usr/share", "/var", "/var/lib", "/var/log", "/var/cache", "/var/tmp")) {
            b.dir(d);
        }
        b.dir("/tmp", 01777).dir("/root", 0700);
        b.file("/etc/os-release", osRelease).file("/etc/passwd", DEBIAN_PASSWD).file("/etc/group", DEBIAN_GROUP);
        b.file("/etc/shells", "# /etc/shells: valid login shells\n/bin/sh\n/bin/dash\n/bin/bash\n/bin/rbash\n");
        b.file("/etc/bash.bashrc", "# System-wide .bashrc file for interactive bash(1) shells.\n[ -z \"$PS1\" ] && return\n");
        b.file("/root/.bashrc", "# ~/.bashrc: executed by bash(1) for non-login shells.\n");
        b.exes("/bin", COREUTILS_BIN).exes("/usr/bin", COREUTILS_USR_BIN);
        b.exe("/bin/dash", "sh").link("/bin/sh", "dash");
        if (procps) {
            b.exes("/bin", PROCPS_BIN).exes("/usr/bin", PROCPS_USR_BIN);
        }
        return b;
    }

    /** The four layers of an Ubuntu base image and its CMD. */
    private Steps ubuntuBase(String codename) {
        return once("ubuntu-" + codename, () -> {
            boolean bionic = codename.equals("bionic");
            long t = bionic ? at("2019-05-15T21:19:53.553217245Z") : at("2019-05-15T21:20:21.226307498Z");
            Layer root = debianLikeRoot(t, bionic ? UBUNTU_OS_RELEASE : XENIAL_OS_RELEASE, true)
                    .file("/etc/debian_version", bionic ? "buster/sid\n" : "stretch/sid\n")
                    .fillTo(bionic ? 63_231_519L : 115_204_567L, "/usr/lib/x86_64-linux-gnu", "lib" + codename + "-", ".so.1")
                    .build();
            Layer apt = new LayerBuilder(t + Time.SECOND)
                    .file("/var/lib/dpkg/diversions", "/sbin/initctl\n/sbin/initctl.distrib\n:\n")
                    .fillTo(bionic ? 987_092L : 1_022_847L, "/var/lib/apt/lists", codename + "_", "_Packages.lz4").build();
            Layer policy = new LayerBuilder(t + 2 * Time.SECOND)
                    .file("/usr/sbin/policy-rc.d", "#!/bin/sh\nexit 101\n", 0755)
                    .file("/sbin/initctl", "#!/bin/sh\nexit 0\n", 0755)
                    .file("/etc/dpkg/dpkg.cfg.d/docker-apt-speedup", "force-unsafe-io\n")
                    .file("/etc/apt/apt.conf.d/docker-clean",
                            "DPkg::Post-Invoke { \"rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true\"; };\n"
                            + "APT::Update::Post-Invoke { \"rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true\"; };\n"
                            + "Dir::Cache::pkgcache \"\"; Dir::Cache::srcpkgcache \"\";\n")
                    .file("/etc/apt/apt.conf.d/docker-no-languages", "Acquire::Languages \"none\";\n")
                    .file("/etc/apt/apt.conf.d/docker-gzip-indexes",
                            "Acquire::GzipIndexes \"true\"; Acquire::CompressionTypes::Order:: \"gz\";\n")
                    .file("/etc/apt/apt.conf.d/docker-autoremove-suggests", "Apt::AutoRemove::SuggestsImportant \"false\";\n")
                    .build();
            Layer systemd = new LayerBuilder(t + 3 * Time.SECOND).dir("/run/systemd").file("/run/systemd/container", "docker\n").build();
            Steps s = new Steps().add(t, root)
                    .layer(t + Time.SECOND, "/bin/sh -c [ -z \"$(apt-get indextargets)\" ]", apt)
                    .layer(t + 2 * Time.SECOND, "/bin/sh -c set -xe \t\t&& echo '#!/bin/sh' > /usr/sbin/policy-rc.d "
                            + "\t&& echo 'exit 101' >> /usr/sbin/policy-rc.d \t&& chmod +x /usr/sbin/policy-rc.d \t\t"
                            + "&& dpkg-divert --local --rename --add /sbin/initctl \t&& cp -a /usr/sbin/policy-rc.d /sbin/initctl "
                            + "\t&& sed -i 's/^exit.*/exit 0/' /sbin/initctl \t\t&& echo 'force-unsafe-io' > "
                            + "/etc/dpkg/dpkg.cfg.d/docker-apt-speedup \t\t&& echo 'DPkg::Post-Invoke { \"rm -f "
                            + "/var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || "
                            + "true\"; };' > /etc/apt/apt.conf.d/docker-clean", policy)
                    .layer(t + 3 * Time.SECOND, "/bin/sh -c mkdir -p /run/systemd && echo 'docker' > /run/systemd/container", systemd)
                    .nop(t + 4 * Time.SECOND, "CMD [\"/bin/bash\"]");
            return s;
        });
    }

    private Image ubuntu() {
        Steps base = ubuntuBase("bionic");
        long created = base.history.get(base.history.size() - 1).createdNanos();
        return new Steps().addAll(base).image(config(List.of(PATH_ENV), List.of("/bin/bash")), created);
    }

    /** debian:stretch-slim as of a given build: no procps, as the real slim image. */
    private Steps debianSlim(String build) {
        return once("debian-slim-" + build, () -> {
            long t = at(build);
            Layer root = debianLikeRoot(t, DEBIAN_OS_RELEASE, false)
                    .file("/etc/debian_version", "9.9\n")
                    .fillTo(build.startsWith("2018") ? 55_257_124L : 55_295_483L, "/usr/lib/x86_64-linux-gnu",
                            "libstretch-", ".so.2")
                    .build();
            return new Steps().add(t, root).nop(t + Time.SECOND, "CMD [\"bash\"]");
        });
    }

    private Image nginx(String version) {
        boolean current = version.startsWith("1.17");
        Steps base = debianSlim(current ? "2019-05-08T00:33:32.152758355Z" : "2018-04-30T13:55:49.474843562Z");
        long t = current ? at("2019-05-24T04:45:01.191367541Z") : at("2018-05-01T01:27:" + (version.startsWith("1.13") ? "19" : "34") + ".417371206Z");
        String njs = switch (version) {
            case "1.17.0" -> "0.3.2";
            case "1.13.12" -> "1.13.12.0.2.0-1~stretch";
            default -> "1.12.2.0.1.14-1~stretch";
        };
        long nginxBytes = switch (version) {
            case "1.17.0" -> 54_113_204L;
            case "1.13.12" -> 53_912_043L;
            default -> 53_383_512L;
        };
        LayerBuilder install = new LayerBuilder(t + 60 * Time.SECOND)
                .file("/etc/passwd", DEBIAN_PASSWD + "nginx:x:101:101:nginx user,,,:/nonexistent:/bin/false\n")
                .file("/etc/group", DEBIAN_GROUP + "nginx:x:101:\n")
                .exeSized("/usr/sbin/nginx", "nginx", 1_333_768)
                .file("/etc/nginx/nginx.conf", NGINX_CONF)
                .file("/etc/nginx/conf.d/default.conf", NGINX_DEFAULT_CONF)
                .file("/etc/nginx/mime.types", NGINX_MIME_TYPES)
                .file("/usr/share/nginx/html/index.html", NGINX_INDEX_HTML)
                .file("/usr/share/nginx/html/50x.html", NGINX_50X_HTML)
                .dir("/var/cache/nginx").dir("/var/log/nginx")
                .fillTo(nginxBytes, "/usr/lib/x86_64-linux-gnu", "libnginx" + version.replace('.', '_') + "-", ".so");
        Layer logs = new LayerBuilder(t + 61 * Time.SECOND)
                .link("/var/log/nginx/access.log", "/dev/stdout").link("/var/log/nginx/error.log", "/dev/stderr").build();
        Steps s = new Steps().addAll(base)
                .nop(t, "LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>")
                .nop(t + Time.SECOND, "ENV NGINX_VERSION=" + version + (current ? "" : "-1~stretch"))
                .nop(t + 2 * Time.SECOND, "ENV NJS_VERSION=" + njs)
                .layer(t + 60 * Time.SECOND, "/bin/sh -c set -x \t&& apt-get update \t&& apt-get install "
                        + "--no-install-recommends --no-install-suggests -y gnupg1 apt-transport-https ca-certificates "
                        + "\t&& NGINX_GPGKEY=573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62; \tfound=''; \tfor server in "
                        + "\t\tha.pool.sks-keyservers.net \t\thkp://keyserver.ubuntu.com:80 \t\thkp://p80.pool.sks-keyservers.net:80 "
                        + "\t\tpgp.mit.edu \t; do \t\techo \"Fetching GPG key $NGINX_GPGKEY from $server\"; \t\tapt-key adv "
                        + "--keyserver \"$server\" --keyserver-options timeout=10 --recv-keys \"$NGINX_GPGKEY\" && found=yes "
                        + "&& break; \tdone; \ttest -z \"$found\" && echo >&2 \"error: failed to fetch GPG key $NGINX_GPGKEY\" "
                        + "&& exit 1; \tapt-get remove --purge --auto-remove -y gnupg1 && rm -rf /var/lib/apt/lists/*", install.build())
                .layer(t + 61 * Time.SECOND, "/bin/sh -c ln -sf /dev/stdout /var/log/nginx/access.log \t"
                        + "&& ln -sf /dev/stderr /var/log/nginx/error.log", logs)
                .nop(t + 62 * Time.SECOND, "EXPOSE 80")
                .nop(t + 63 * Time.SECOND, "STOPSIGNAL SIGTERM")
                .nop(t + 64 * Time.SECOND, "CMD [\"nginx\" \"-g\" \"daemon off;\"]");
        SortedMap<String, String> labels = new TreeMap<>(Map.of("maintainer", "NGINX Docker Maintainers <docker-maint@nginx.com>"));
        ImageConfig c = config(List.of(PATH_ENV, "NGINX_VERSION=" + version + (current ? "" : "-1~stretch"), "NJS_VERSION=" + njs),
                List.of("nginx", "-g", "daemon off;"))
                .withExposedPorts(ports("80/tcp")).withStopSignal("SIGTERM").withLabels(labels);
        return s.image(c, t + 64 * Time.SECOND);
    }

    private Image mongo(String version) {
        boolean four = version.startsWith("4");
        String major = version.substring(0, version.lastIndexOf('.'));
        Steps base = ubuntuBase("xenial");
        Steps common = once("mongo-common", () -> {
            long t = at("2019-05-21T22:01:12.395108911Z");
            Layer users = new LayerBuilder(t)
                    .file("/etc/passwd", DEBIAN_PASSWD + "mongodb:x:999:999::/home/mongodb:/bin/sh\n")
                    .file("/etc/group", DEBIAN_GROUP + "mongodb:x:999:\n")
                    .fillTo(336_011L, "/var/log", "lastlog", "").build();
            Layer tools = new LayerBuilder(t + 20 * Time.SECOND)
                    .exe("/usr/bin/jq", "jq").exe("/usr/bin/numactl", "numactl")
                    .fillTo(6_781_433L, "/usr/lib/x86_64-linux-gnu", "libjq-", ".so.1").build();
            Layer gosu = new LayerBuilder(t + 45 * Time.SECOND)
                    .exe("/usr/local/bin/gosu", "gosu")
                    .fillTo(7_183_072L, "/usr/local/lib/node_modules/js-yaml", "part", ".js").build();
            Layer initdb = new LayerBuilder(t + 46 * Time.SECOND).dir("/docker-entrypoint-initdb.d").build();
            return new Steps()
                    .layer(t, "/bin/sh -c groupadd -r mongodb && useradd -r -g mongodb mongodb", users)
                    .layer(t + 20 * Time.SECOND, "/bin/sh -c set -eux; \tapt-get update; \tapt-get install -y "
                            + "--no-install-recommends \t\tca-certificates \t\tjq \t\tnumactl \t; \tif ! command -v ps > "
                            + "/dev/null; then \t\tapt-get install -y --no-install-recommends procps; \tfi; \trm -rf /var/lib/apt/lists/*", tools)
                    .nop(t + 21 * Time.SECOND, "ENV GOSU_VERSION=1.11")
                    .nop(t + 22 * Time.SECOND, "ENV JSYAML_VERSION=3.13.0")
                    .layer(t + 45 * Time.SECOND, "/bin/sh -c set -ex; \t\tapt-get update; \tapt-get install -y "
                            + "--no-install-recommends \t\twget \t; \tif ! command -v gpg > /dev/null; then \t\tapt-get install "
                            + "-y --no-install-recommends \t\t\tgnupg \t\t\tdirmngr \t\t; \tfi; \trm -rf /var/lib/apt/lists/*;", gosu)
                    .layer(t + 46 * Time.SECOND, "/bin/sh -c mkdir /docker-entrypoint-initdb.d", initdb);
        });
        long t = at("2019-05-21T22:02:" + (four ? "30" : "41") + ".118245376Z");
        String gpgKey = four ? "9DA31620334BD75D9DCB49F368818C72E52529D4" : "0C49F3730359A14518585931BC711F9BA15703C6";
        Layer keys = new LayerBuilder(t).file("/etc/apt/trusted.gpg.d/mongodb.gpg", "mongodb " + major + " release key " + gpgKey + "\n").build();
        String sources = "deb http://repo.mongodb.org/apt/ubuntu xenial/mongodb-org/" + major + " multiverse\n";
        Layer list = new LayerBuilder(t + 3 * Time.SECOND).file("/etc/apt/sources.list.d/mongodb-org.list", sources).build();
        Layer server = new LayerBuilder(t + 70 * Time.SECOND)
                .exe("/usr/bin/mongod", "mongod").exe("/usr/bin/mongo", "mongo").exe("/usr/bin/mongos", "mongos")
                .file("/etc/mongod.conf.orig", "# mongod.conf\nstorage:\n  dbPath: /var/lib/mongodb\n  journal:\n    enabled: true\n"
                        + "systemLog:\n  destination: file\n  logAppend: true\n  path: /var/log/mongodb/mongod.log\n"
                        + "net:\n  port: 27017\n  bindIp: 127.0.0.1\n")
                .fillTo(four ? 280_147_621L : 231_395_402L, "/usr/lib/mongodb", "mongo-" + version + "-", ".a").build();
        Layer data = new LayerBuilder(t + 72 * Time.SECOND)
                .dirOwned("/data/db", 0755, 999, 999).dirOwned("/data/configdb", 0755, 999, 999).build();
        Layer entry = new LayerBuilder(t + 74 * Time.SECOND).file("/usr/local/bin/docker-entrypoint.sh", MONGO_ENTRYPOINT, 0775).build();
        Steps s = new Steps().addAll(base).addAll(common)
                .nop(t - 2 * Time.SECOND, "ENV GPG_KEYS=" + gpgKey)
                .layer(t, "/bin/sh -c set -ex; \texport GNUPGHOME=\"$(mktemp -d)\"; \tfor key in $GPG_KEYS; do \t\tgpg "
                        + "--batch --keyserver ha.pool.sks-keyservers.net --recv-keys \"$key\"; \tdone; \tgpg --batch --export "
                        + "$GPG_KEYS > /etc/apt/trusted.gpg.d/mongodb.gpg; \tcommand -v gpgconf && gpgconf --kill all || :; "
                        + "\trm -r \"$GNUPGHOME\"; \tapt-key list", keys)
                .nop(t + Time.SECOND, "ARG MONGO_PACKAGE=mongodb-org")
                .nop(t + Time.SECOND, "ARG MONGO_REPO=repo.mongodb.org")
                .nop(t + Time.SECOND, "ENV MONGO_PACKAGE=mongodb-org MONGO_REPO=repo.mongodb.org")
                .nop(t + 2 * Time.SECOND, "ENV MONGO_MAJOR=" + major)
                .nop(t + 2 * Time.SECOND, "ENV MONGO_VERSION=" + version)
                .layer(t + 3 * Time.SECOND, "|2 MONGO_PACKAGE=mongodb-org MONGO_REPO=repo.mongodb.org /bin/sh -c echo "
                        + "\"deb http://$MONGO_REPO/apt/ubuntu xenial/${MONGO_PACKAGE%-unstable}/$MONGO_MAJOR multiverse\" | "
                        + "tee \"/etc/apt/sources.list.d/${MONGO_PACKAGE%-unstable}.list\"", list)
                .layer(t + 70 * Time.SECOND, "|2 MONGO_PACKAGE=mongodb-org MONGO_REPO=repo.mongodb.org /bin/sh -c set -x "
                        + "\t&& apt-get update \t&& apt-get install -y \t\t${MONGO_PACKAGE}=$MONGO_VERSION \t\t"
                        + "${MONGO_PACKAGE}-server=$MONGO_VERSION \t\t${MONGO_PACKAGE}-shell=$MONGO_VERSION \t\t"
                        + "${MONGO_PACKAGE}-mongos=$MONGO_VERSION \t\t${MONGO_PACKAGE}-tools=$MONGO_VERSION \t&& rm -rf "
                        + "/var/lib/apt/lists/* \t&& rm -rf /var/lib/mongodb \t&& mv /etc/mongod.conf /etc/mongod.conf.orig", server)
                .layer(t + 72 * Time.SECOND, "/bin/sh -c mkdir -p /data/db /data/configdb \t&& chown -R mongodb:mongodb "
                        + "/data/db /data/configdb", data)
                .nop(t + 73 * Time.SECOND, "VOLUME [/data/db /data/configdb]")
                .layer(t + 74 * Time.SECOND, "/bin/sh -c #(nop) COPY file:" + Image.sha256Hex(MONGO_ENTRYPOINT)
                        + " in /usr/local/bin/ ", entry)
                .nop(t + 75 * Time.SECOND, "ENTRYPOINT [\"docker-entrypoint.sh\"]")
                .nop(t + 75 * Time.SECOND, "EXPOSE 27017")
                .nop(t + 76 * Time.SECOND, "CMD [\"mongod\"]");
        ImageConfig c = config(List.of(PATH_ENV, "GOSU_VERSION=1.11", "JSYAML_VERSION=3.13.0", "GPG_KEYS=" + gpgKey,
                "MONGO_PACKAGE=mongodb-org", "MONGO_REPO=repo.mongodb.org", "MONGO_MAJOR=" + major, "MONGO_VERSION=" + version),
                List.of("mongod")).withEntrypoint(List.of("docker-entrypoint.sh")).withExposedPorts(ports("27017/tcp"));
        return s.image(c, t + 76 * Time.SECOND, new TreeSet<>(List.of("/data/configdb", "/data/db")));
    }

    // ---- Alpine family ----

    private Steps alpineBase(String version) {
        return once("alpine-" + version, () -> {
            long t = switch (version) {
                case "3.9.4" -> at("2019-05-11T00:07:03.358250803Z");
                case "3.8.4" -> at("2019-03-07T22:19:53.447205048Z");
                default -> at("2017-05-25T23:33:22.029729271Z");
            };
            long bytes = switch (version) {
                case "3.9.4" -> 5_529_164L;
                case "3.8.4" -> 4_413_370L;
                default -> 4_802_135L;
            };
            LayerBuilder b = new LayerBuilder(t);
            for (String d : List.of("/bin", "/dev", "/etc", "/etc/apk", "/home", "/lib", "/lib/apk", "/media", "/mnt",
                    "/proc", "/run", "/sbin", "/srv", "/sys", "/usr", "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/local",
                    "/usr/local/bin", "/usr/share", "/var", "/var/cache", "/var/lib", "/var/log", "/var/tmp")) {
                b.dir(d);
            }
            b.dir("/tmp", 01777).dir("/root", 0700);
            b.file("/etc/os-release", alpineOsRelease(version)).file("/etc/alpine-release", version + "\n")
                    .file("/etc/passwd", ALPINE_PASSWD).file("/etc/group", ALPINE_GROUP)
                    .file("/etc/shells", "# valid login shells\n/bin/sh\n/bin/ash\n")
                    .exe("/bin/busybox", "busybox").link("/bin/ash", "/bin/busybox")
                    .exes("/bin", BUSYBOX_BIN).exes("/usr/bin", BUSYBOX_USR_BIN).exe("/sbin/apk", "apk")
                    .fillTo(bytes, "/lib", "libalpine" + version.replace('.', '_') + "-", ".so.1");
            Layer root = b.build();
            return new Steps().add(t, root).nop(t + Time.SECOND, "CMD [\"/bin/sh\"]");
        });
    }

    private Image alpine(String version) {
        Steps base = alpineBase(version);
        long created = base.history.get(base.history.size() - 1).createdNanos();
        return new Steps().addAll(base).image(config(List.of(PATH_ENV), List.of("/bin/sh")), created);
    }

    private Image busybox() {
        long t = at("2019-05-15T21:20:07.178226358Z");
        LayerBuilder b = new LayerBuilder(t).dir("/bin").dir("/dev").dir("/etc").dir("/home").dir("/root", 0700)
                .dir("/tmp", 01777).dir("/usr").dir("/usr/sbin").dir("/var").dir("/var/spool").dir("/var/www")
                .file("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\n"
                        + "nobody:x:65534:65534:nobody:/home:/bin/false\n")
                .file("/etc/group", "root:x:0:\ndaemon:x:1:\nnogroup:x:65534:\n")
                .exe("/bin/busybox", "busybox").exes("/bin", BUSYBOX_BIN).exes("/bin", BUSYBOX_USR_BIN)
                .fillTo(1_219_782L, "/bin", ".busybox-applet-", "");
        Steps s = new Steps().add(t, b.build()).nop(t + Time.SECOND, "CMD [\"sh\"]");
        return s.image(config(List.of(PATH_ENV), List.of("sh")), t + Time.SECOND);
    }

    private Image python361Alpine() {
        Steps base = alpineBase("3.4.6");
        long t = at("2017-06-29T21:14:38.592178132Z");
        String pathEnv = "PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        Layer certs = new LayerBuilder(t + 2 * Time.SECOND).file("/etc/ssl/certs/ca-certificates.crt", "# ca-certificates\n")
                .fillTo(618_314L, "/usr/share/ca-certificates/mozilla", "cert", ".crt").build();
        LayerBuilder py = new LayerBuilder(t + 180 * Time.SECOND)
                .exe("/usr/local/bin/python3.6", "python").exe("/usr/local/bin/pip3", "pip").exe("/usr/local/bin/pip", "pip")
                .link("/usr/local/bin/python3", "python3.6").exe("/usr/local/bin/idle3", "python").exe("/usr/local/bin/pydoc3", "python")
                .dir("/usr/local/lib/python3.6/site-packages")
                .file("/usr/local/lib/python3.6/site-packages/README.txt",
                        "This directory exists so that 3rd party packages can be installed\nhere.  Read the source for site.py for more details.\n");
        for (String m : List.of("os", "sys_config", "json/__init__", "http/server", "socket", "random", "re", "site",
                "string", "collections/__init__", "datetime", "threading")) {
            py.file("/usr/local/lib/python3.6/" + m + ".py", "# Python 3.6.1 standard library module " + m + "\n");
        }
        py.fillTo(83_302_127L, "/usr/local/lib/python3.6/lib-dynload", "_module", ".cpython-36m-x86_64-linux-gnu.so");
        Layer links = new LayerBuilder(t + 181 * Time.SECOND).link("/usr/local/bin/idle", "idle3").link("/usr/local/bin/pydoc", "pydoc3")
                .link("/usr/local/bin/python", "python3").link("/usr/local/bin/python-config", "python3-config").build();
        Steps s = new Steps().addAll(base)
                .nop(t, "ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
                .nop(t + Time.SECOND, "ENV LANG=C.UTF-8")
                .layer(t + 2 * Time.SECOND, "/bin/sh -c apk add --no-cache ca-certificates", certs)
                .nop(t + 3 * Time.SECOND, "ENV GPG_KEY=0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D")
                .nop(t + 3 * Time.SECOND, "ENV PYTHON_VERSION=3.6.1")
                .nop(t + 4 * Time.SECOND, "ENV PYTHON_PIP_VERSION=9.0.1")
                .layer(t + 180 * Time.SECOND, "/bin/sh -c set -ex \t&& apk add --no-cache --virtual .fetch-deps \t\tgnupg "
                        + "\t\topenssl \t\ttar \t\txz \t&& wget -O python.tar.xz \"https://www.python.org/ftp/python/"
                        + "${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz\" \t&& mkdir -p /usr/src/python \t&& tar "
                        + "-xJC /usr/src/python --strip-components=1 -f python.tar.xz \t&& rm python.tar.xz \t&& cd /usr/src/python "
                        + "\t&& ./configure --enable-loadable-sqlite-extensions --enable-shared \t&& make -j \"$(getconf "
                        + "_NPROCESSORS_ONLN)\" \t&& make install \t&& python3 -m ensurepip \t&& pip3 install --no-cache-dir "
                        + "--upgrade --force-reinstall \"pip==$PYTHON_PIP_VERSION\" \t&& rm -rf /usr/src/python ~/.cache", py.build())
                .layer(t + 181 * Time.SECOND, "/bin/sh -c cd /usr/local/bin \t&& ln -s idle3 idle \t&& ln -s pydoc3 pydoc "
                        + "\t&& ln -s python3 python \t&& ln -s python3-config python-config", links)
                .nop(t + 182 * Time.SECOND, "CMD [\"python3\"]");
        ImageConfig c = config(List.of(pathEnv, "LANG=C.UTF-8", "GPG_KEY=0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D",
                "PYTHON_VERSION=3.6.1", "PYTHON_PIP_VERSION=9.0.1"), List.of("python3"));
        return s.image(c, t + 182 * Time.SECOND);
    }

    private Image pythonLatest() {
        long t = at("2019-05-08T00:26:17.348120227Z");
        Layer root = debianLikeRoot(t, DEBIAN_OS_RELEASE, true).file("/etc/debian_version", "9.9\n")
                .fillTo(101_631_296L, "/usr/lib/x86_64-linux-gnu", "libstretchfull-", ".so.3").build();
        Layer curl = new LayerBuilder(t + 600 * Time.SECOND).exe("/usr/bin/curl", "curl").exe("/usr/bin/wget", "wget")
                .fillTo(17_999_114L, "/usr/lib/x86_64-linux-gnu", "libcurl-part", ".so").build();
        Layer scm = new LayerBuilder(t + 900 * Time.SECOND).exe("/usr/bin/git", "git")
                .fillTo(137_529_842L, "/usr/lib/git-core", "git-part", "").build();
        Layer dev = new LayerBuilder(t + 1800 * Time.SECOND).exe("/usr/bin/gcc", "gcc").exe("/usr/bin/make", "make")
                .fillTo(550_013_007L, "/usr/lib/gcc/x86_64-linux-gnu/6", "part", ".a").build();
        long p = at("2019-05-11T02:05:31.471003296Z");
        LayerBuilder py = new LayerBuilder(p + 200 * Time.SECOND)
                .exe("/usr/local/bin/python3.7", "python").link("/usr/local/bin/python3", "python3.7")
                .dir("/usr/local/lib/python3.7/site-packages")
                .fillTo(89_411_513L, "/usr/local/lib/python3.7/lib-dynload", "_module", ".cpython-37m-x86_64-linux-gnu.so");
        Layer pip = new LayerBuilder(p + 230 * Time.SECOND).exe("/usr/local/bin/pip", "pip").exe("/usr/local/bin/pip3", "pip")
                .fillTo(6_154_227L, "/usr/local/lib/python3.7/site-packages/pip", "part", ".py").build();
        Layer links = new LayerBuilder(p + 201 * Time.SECOND).link("/usr/local/bin/idle", "idle3").link("/usr/local/bin/pydoc", "pydoc3")
                .link("/usr/local/bin/python", "python3").link("/usr/local/bin/python-config", "python3-config").build();
        Steps s = new Steps().add(t, root).nop(t + Time.SECOND, "CMD [\"bash\"]")
                .layer(t + 600 * Time.SECOND, "/bin/sh -c apt-get update && apt-get install -y --no-install-recommends "
                        + "\t\tca-certificates \t\tcurl \t\tnetbase \t\twget \t&& rm -rf /var/lib/apt/lists/*", curl)
                .layer(t + 900 * Time.SECOND, "/bin/sh -c apt-get update && apt-get install -y --no-install-recommends "
                        + "\t\tbzr \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t&& rm -rf /var/lib/apt/lists/*", scm)
                .layer(t + 1800 * Time.SECOND, "/bin/sh -c set -ex; \tapt-get update; \tapt-get install -y "
                        + "--no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc "
                        + "\t\tmake \t; \trm -rf /var/lib/apt/lists/*", dev)
                .nop(p, "ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
                .nop(p + Time.SECOND, "ENV LANG=C.UTF-8")
                .nop(p + 2 * Time.SECOND, "ENV PYTHON_VERSION=3.7.3")
                .layer(p + 200 * Time.SECOND, "/bin/sh -c set -ex \t\t&& wget -O python.tar.xz \"https://www.python.org/ftp/"
                        + "python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz\" \t&& ./configure --build=\"$gnuArch\" "
                        + "\t\t--enable-loadable-sqlite-extensions \t\t--enable-shared \t&& make -j \"$(nproc)\" \t&& make install", py.build())
                .layer(p + 201 * Time.SECOND, "/bin/sh -c cd /usr/local/bin \t&& ln -s idle3 idle \t&& ln -s pydoc3 pydoc "
                        + "\t&& ln -s python3 python \t&& ln -s python3-config python-config", links)
                .nop(p + 202 * Time.SECOND, "ENV PYTHON_PIP_VERSION=19.1.1")
                .layer(p + 230 * Time.SECOND, "/bin/sh -c set -ex; \t\twget -O get-pip.py 'https://bootstrap.pypa.io/get-pip.py'; "
                        + "\t\tpython get-pip.py \t\t--disable-pip-version-check \t\t--no-cache-dir \t\t\"pip==$PYTHON_PIP_VERSION\" "
                        + "\t; \tpip --version; \t\trm -f get-pip.py", pip)
                .nop(p + 231 * Time.SECOND, "CMD [\"python3\"]");
        ImageConfig c = config(List.of("PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "LANG=C.UTF-8", "PYTHON_VERSION=3.7.3", "PYTHON_PIP_VERSION=19.1.1"), List.of("python3"));
        return s.image(c, p + 231 * Time.SECOND);
    }

    private Image registry() {
        Steps base = alpineBase("3.8.4");
        long t = at("2019-03-08T03:06:04.562338613Z");
        Layer apk = new LayerBuilder(t).exe("/usr/bin/htpasswd", "htpasswd")
                .fillTo(1_287_110L, "/usr/lib", "libapr-part", ".so").build();
        Layer bin = new LayerBuilder(t + Time.SECOND).exeSized("/bin/registry", "registry", 20_117_384).build();
        Layer conf = new LayerBuilder(t + 2 * Time.SECOND).file("/etc/docker/registry/config.yml", REGISTRY_CONFIG).build();
        Layer entry = new LayerBuilder(t + 4 * Time.SECOND).file("/entrypoint.sh", REGISTRY_ENTRYPOINT, 0755).build();
        Steps s = new Steps().addAll(base)
                .layer(t, "/bin/sh -c set -ex     && apk add --no-cache ca-certificates apache2-utils", apk)
                .layer(t + Time.SECOND, "/bin/sh -c #(nop) COPY file:" + bin.digest().substring(7) + " in /bin/registry ", bin)
                .layer(t + 2 * Time.SECOND, "/bin/sh -c #(nop) COPY file:" + Image.sha256Hex(REGISTRY_CONFIG)
                        + " in /etc/docker/registry/config.yml ", conf)
                .nop(t + 3 * Time.SECOND, "VOLUME [/var/lib/registry]")
                .nop(t + 3 * Time.SECOND, "EXPOSE 5000")
                .layer(t + 4 * Time.SECOND, "/bin/sh -c #(nop) COPY file:" + Image.sha256Hex(REGISTRY_ENTRYPOINT)
                        + " in /entrypoint.sh ", entry)
                .nop(t + 5 * Time.SECOND, "ENTRYPOINT [\"/entrypoint.sh\"]")
                .nop(t + 5 * Time.SECOND, "CMD [\"/etc/docker/registry/config.yml\"]");
        ImageConfig c = config(List.of(PATH_ENV), List.of("/etc/docker/registry/config.yml"))
                .withEntrypoint(List.of("/entrypoint.sh")).withExposedPorts(ports("5000/tcp"));
        return s.image(c, t + 5 * Time.SECOND, new TreeSet<>(List.of("/var/lib/registry")));
    }

    /** An executable padded to its real size (the program is named by the first line; the rest is ignored). */
    static Blob sizedBinary(String program, int sizeBytes) {
        byte[] head = ProgramRegistry.binary(program);
        return Blob.of(head).append(new byte[Math.max(0, sizeBytes - head.length)]);
    }

}
