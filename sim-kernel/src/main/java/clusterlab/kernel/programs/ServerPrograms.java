package clusterlab.kernel.programs;

import clusterlab.kernel.programs.BuiltinPrograms.Entry;
import clusterlab.kernel.programs.servers.Curl;
import clusterlab.kernel.programs.servers.Nginx;
import java.util.List;

/** Catalog of the network programs of the lessons: curl on every host; nginx, mongod, python only in their images. */
final class ServerPrograms {
    static final List<Entry> ENTRIES = List.of(
            Entry.tool("curl", Curl::new, "/usr/bin/curl"),
            Entry.server("nginx", Nginx::new, "/usr/sbin/nginx"));

    private ServerPrograms() {}
}
