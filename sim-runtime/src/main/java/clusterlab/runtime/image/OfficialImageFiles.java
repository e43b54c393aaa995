package clusterlab.runtime.image;

/** The text files of the Hub's official images, copied from the real images so students see the real thing. */
final class OfficialImageFiles {
    private OfficialImageFiles() {}

    static final String UBUNTU_OS_RELEASE = """
            NAME="Ubuntu"
            VERSION="18.04.2 LTS (Bionic Beaver)"
            ID=ubuntu
            ID_LIKE=debian
            PRETTY_NAME="Ubuntu 18.04.2 LTS"
            VERSION_ID="18.04"
            HOME_URL="https://www.ubuntu.com/"
            SUPPORT_URL="https://help.ubuntu.com/"
            BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
            PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
            VERSION_CODENAME=bionic
            UBUNTU_CODENAME=bionic
            """;

    static final String XENIAL_OS_RELEASE = """
            NAME="Ubuntu"
            VERSION="16.04.6 LTS (Xenial Xerus)"
            ID=ubuntu
            ID_LIKE=debian
            PRETTY_NAME="Ubuntu 16.04.6 LTS"
            VERSION_ID="16.04"
            HOME_URL="http://www.ubuntu.com/"
            SUPPORT_URL="http://help.ubuntu.com/"
            BUG_REPORT_URL="http://bugs.launchpad.net/ubuntu/"
            VERSION_CODENAME=xenial
            UBUNTU_CODENAME=xenial
            """;

    static final String DEBIAN_OS_RELEASE = """
            PRETTY_NAME="Debian GNU/Linux 9 (stretch)"
            NAME="Debian GNU/Linux"
            VERSION_ID="9"
            VERSION="9 (stretch)"
            ID=debian
            HOME_URL="https://www.debian.org/"
            SUPPORT_URL="https://www.debian.org/support"
            BUG_REPORT_URL="https://bugs.debian.org/"
            """;

    static String alpineOsRelease(String version) {
        String minor = version.substring(0, version.lastIndexOf('.'));
        return "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=" + version + "\nPRETTY_NAME=\"Alpine Linux v" + minor
                + "\"\nHOME_URL=\"https://alpinelinux.org/\"\nBUG_REPORT_URL=\"https://bugs.alpinelinux.org/\"\n";
    }

    static final String DEBIAN_PASSWD = """
            root:x:0:0:root:/root:/bin/bash
            daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
            bin:x:2:2:bin:/bin:/usr/sbin/nologin
            sys:x:3:3:sys:/dev:/usr/sbin/nologin
            sync:x:4:65534:sync:/bin:/bin/sync
            games:x:5:60:games:/usr/games:/usr/sbin/nologin
            man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
            lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
            mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
            news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
            uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
            proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
            www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
            backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
            list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
            irc:x:39:39:ircd:/var/run/ircd:/usr/sbin/nologin
            gnats:x:41:41:Gnats Bug-Reporting System (admin):/var/lib/gnats:/usr/sbin/nologin
            nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
            _apt:x:100:65534::/nonexistent:/usr/sbin/nologin
            """;

    static final String DEBIAN_GROUP = """
            root:x:0:
            daemon:x:1:
            bin:x:2:
            sys:x:3:
            adm:x:4:
            tty:x:5:
            disk:x:6:
            lp:x:7:
            mail:x:8:
            news:x:9:
            uucp:x:10:
            man:x:12:
            proxy:x:13:
            kmem:x:15:
            dialout:x:20:
            cdrom:x:24:
            sudo:x:27:
            audio:x:29:
            www-data:x:33:
            backup:x:34:
            operator:x:37:
            list:x:38:
            irc:x:39:
            src:x:40:
            gnats:x:41:
            shadow:x:42:
            utmp:x:43:
            video:x:44:
            plugdev:x:46:
            staff:x:50:
            games:x:60:
            users:x:100:
            nogroup:x:65534:
            """;

    static final String ALPINE_PASSWD = """
            root:x:0:0:root:/root:/bin/ash
            bin:x:1:1:bin:/bin:/sbin/nologin
            daemon:x:2:2:daemon:/sbin:/sbin/nologin
            adm:x:3:4:adm:/var/adm:/sbin/nologin
            lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
            sync:x:5:0:sync:/sbin:/bin/sync
            shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
            halt:x:7:0:halt:/sbin:/sbin/halt
            mail:x:8:12:mail:/var/spool/mail:/sbin/nologin
            news:x:9:13:news:/usr/lib/news:/sbin/nologin
            operator:x:11:0:operator:/root:/bin/sh
            man:x:13:15:man:/usr/man:/sbin/nologin
            postmaster:x:14:12:postmaster:/var/spool/mail:/sbin/nologin
            ftp:x:21:21::/var/lib/ftp:/sbin/nologin
            sshd:x:22:22:sshd:/dev/null:/sbin/nologin
            nobody:x:65534:65534:nobody:/:/sbin/nologin
            """;

    static final String ALPINE_GROUP = """
            root:x:0:root
            bin:x:1:root,bin,daemon
            daemon:x:2:root,bin,daemon
            sys:x:3:root,bin,adm
            adm:x:4:root,adm,daemon
            tty:x:5:
            disk:x:6:root,adm
            wheel:x:10:root
            nogroup:x:65533:
            nobody:x:65534:
            """;

    static final String NGINX_CONF = clusterlab.kernel.programs.servers.NginxFiles.NGINX_CONF;

    static final String NGINX_DEFAULT_CONF = clusterlab.kernel.programs.servers.NginxFiles.DEFAULT_CONF;

    static final String NGINX_MIME_TYPES = """
            
            types {
                text/html                                        html htm shtml;
                text/css                                         css;
                text/xml                                         xml;
                image/gif                                        gif;
                image/jpeg                                       jpeg jpg;
                application/javascript                           js;
                application/atom+xml                             atom;
                application/rss+xml                              rss;
            
                text/plain                                       txt;
                image/png                                        png;
                image/svg+xml                                    svg svgz;
                image/x-icon                                     ico;
                application/json                                 json;
                application/pdf                                  pdf;
                application/zip                                  zip;
                application/octet-stream                         bin exe dll;
            }
            """;

    static final String NGINX_INDEX_HTML = clusterlab.kernel.programs.servers.NginxFiles.WELCOME_HTML;

    static final String NGINX_50X_HTML = clusterlab.kernel.programs.servers.NginxFiles.ERROR_50X_HTML;

    /** The official mongo image's entrypoint, reduced to what the lab's mongod needs; it still ends in exec "$@". */
    /**
     * mongo's docker-entrypoint.sh, reduced to what the lab's shell and tools run: the real one
     * also uses bash-only expansions and [[ ]], fixes ownership with chown and drops root with gosu.
     * The lab's image ships /data/db owned by mongodb already, and mongod runs as root.
     */
    static final String MONGO_ENTRYPOINT = """
            #!/bin/bash
            set -e

            # "docker run mongo --auth" means "mongod --auth"
            if [ "$1" = "--auth" ] || [ "$1" = "--bind_ip_all" ] || [ "$1" = "--port" ]; then
            	set -- mongod "$@"
            fi

            exec "$@"
            """;


    static final String REGISTRY_CONFIG = """
            version: 0.1
            log:
              fields:
                service: registry
            storage:
              cache:
                blobdescriptor: inmemory
              filesystem:
                rootdirectory: /var/lib/registry
            http:
              addr: :5000
              headers:
                X-Content-Type-Options: [nosniff]
            health:
              storagedriver:
                enabled: true
                interval: 10s
                threshold: 3
            """;

    /**
     * registry:2's /entrypoint.sh. The real one dispatches with {@code case}; the lab's sh has no
     * {@code case}, so the same dispatch is written with {@code test}.
     */
    static final String REGISTRY_ENTRYPOINT = """
            #!/bin/sh

            set -e

            if [ "$1" = "/etc/docker/registry/config.yml" ] || [ "$1" = "config.yml" ]; then
                set -- registry serve "$@"
            elif [ "$1" = "serve" ] || [ "$1" = "garbage-collect" ] || [ "$1" = "help" ]; then
                set -- registry "$@"
            fi

            exec "$@"
            """;

}
