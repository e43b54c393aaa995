package clusterlab.kernel.programs;

import clusterlab.kernel.programs.BuiltinPrograms.Entry;
import clusterlab.kernel.programs.servers.Curl;
import clusterlab.kernel.programs.servers.Mongod;
import clusterlab.kernel.programs.servers.Nginx;
import clusterlab.kernel.programs.servers.Pip;
import clusterlab.kernel.programs.servers.Python;
import java.util.List;

/** Catalog of the network programs of the lessons: curl on every host; nginx, mongod, python only in their images. */
final class ServerPrograms {
    static final List<Entry> ENTRIES = List.of(
            Entry.tool("curl", Curl::new, "/usr/bin/curl"),
            Entry.server("nginx", Nginx::new, "/usr/sbin/nginx"),
            Entry.server("mongod", Mongod::new, "/usr/bin/mongod"),
            Entry.server("python", Python::new, "/usr/local/bin/python", "/usr/local/bin/python3"),
            Entry.server("pip", Pip::new, "/usr/local/bin/pip", "/usr/local/bin/pip3"));

    private ServerPrograms() {}
}
