package clusterlab.kernel.programs.servers;

import clusterlab.kernel.Time;
import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.net.CloseReason;
import clusterlab.kernel.net.Connection;
import clusterlab.kernel.net.ConnectionHandler;
import clusterlab.kernel.net.Listener;
import clusterlab.kernel.os.OsException;
import clusterlab.kernel.os.ProcessContext;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.Signal;
import clusterlab.kernel.programs.http.Http;
import clusterlab.kernel.programs.http.HttpHeader;
import clusterlab.kernel.programs.http.HttpRequest;
import clusterlab.kernel.programs.http.HttpResponse;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code mongod} of the mongo:3.4 image (3.4.20): the 3.4 text log on stdout, WiredTiger files
 * in the dbpath, connections on 27017 answering {@code ping}, {@code isMaster} and
 * {@code buildInfo}, and the famous plain-text reply to an HTTP request on the driver port.
 * TERM/INT log the shutdown sequence and exit 0. Options: {@code --port --dbpath --bind_ip
 * --bind_ip_all --version}.
 */
public final class Mongod implements Program {
    static final String VERSION = "3.4.20";
    static final String HTTP_TEXT = "It looks like you are trying to access MongoDB over HTTP on the native driver port.\n";
    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT);
    /** CPU work of opening WiredTiger and building the startup indexes. */
    private static final long STARTUP_CPU_NANOS = 180 * Time.MILLISECOND;
    private static final long CPU_PER_COMMAND_NANOS = 30 * Time.MICROSECOND;

    private ProcessContext ctx;
    private int port = 27017;
    private String dbpath = "/data/db";
    private String options = "{}";
    private Listener listener;
    private int open;
    private int connectionCounter;
    private boolean shuttingDown;

    @Override
    public void start(ProcessContext ctx) {
        this.ctx = ctx;
        List<String> args = ctx.args();
        StringBuilder opts = new StringBuilder();
        for (int i = 0; i < args.size() && i < 64; i++) {
            String a = args.get(i);
            String value = null;
            if (a.contains("=")) {
                value = a.substring(a.indexOf('=') + 1);
                a = a.substring(0, a.indexOf('='));
            }
            switch (a) {
                case "--version" -> {
                    ctx.print("db version v" + VERSION + "\ngit version: 447847d93d6e0a21b018d5df45528e815c7c13d8\n"
                            + "OpenSSL version: OpenSSL 1.0.1t  3 May 2016\nallocator: tcmalloc\nmodules: none\n"
                            + "build environment:\n    distmod: debian81\n    distarch: x86_64\n    target_arch: x86_64\n");
                    ctx.exit(0);
                    return;
                }
                case "--bind_ip_all" -> opts.append(opts.length() == 0 ? "" : ", ").append("net: { bindIpAll: true }");
                case "--port", "--dbpath", "--bind_ip" -> {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            ctx.eprintln("Error parsing command line:  the required argument for option '"
                                    + a.substring(2) + "' is missing");
                            ctx.eprintln("try 'mongod --help' for more information");
                            ctx.exit(2);
                            return;
                        }
                        value = args.get(++i);
                    }
                    if (a.equals("--port")) {
                        if (!value.matches("\\d{1,5}") || Integer.parseInt(value) > 65535 || Integer.parseInt(value) == 0) {
                            ctx.eprintln("Error parsing command line: bad value for port: " + value);
                            ctx.exit(2);
                            return;
                        }
                        port = Integer.parseInt(value);
                        opts.append(opts.length() == 0 ? "" : ", ").append("net: { port: ").append(port).append(" }");
                    } else if (a.equals("--dbpath")) {
                        dbpath = ctx.resolve(value);
                        opts.append(opts.length() == 0 ? "" : ", ").append("storage: { dbPath: \"").append(value).append("\" }");
                    } else {
                        opts.append(opts.length() == 0 ? "" : ", ").append("net: { bindIp: \"").append(value).append("\" }");
                    }
                }
                default -> {
                    ctx.eprintln("Error parsing command line: unrecognised option '" + a + "'");
                    ctx.eprintln("try 'mongod --help' for more information");
                    ctx.exit(2);
                    return;
                }
            }
        }
        options = opts.length() == 0 ? "{}" : "{ " + opts + " }";
        ctx.allocate(60L << 20);
        ctx.setVirtualMemory(950L << 20);
        ctx.onSignal(Signal.SIGTERM, s -> shutdown(15, "Terminated"));
        ctx.onSignal(Signal.SIGINT, s -> shutdown(2, "Interrupt"));
        ctx.ignore(Signal.SIGPIPE);
        ctx.ignore(Signal.SIGHUP);
        startup();
    }

    private void log(String severityComponent, String thread, String message) {
        ctx.println(LOG_TIME.format(Time.wallClockUtc(ctx.now())) + " " + severityComponent + " [" + thread + "] " + message);
    }

    private void startup() {
        String t = "initandlisten";
        log("I CONTROL ", t, "MongoDB starting : pid=" + ctx.pid() + " port=" + port + " dbpath=" + dbpath
                + " 64-bit host=" + ctx.hostname());
        log("I CONTROL ", t, "db version v" + VERSION);
        log("I CONTROL ", t, "git version: 447847d93d6e0a21b018d5df45528e815c7c13d8");
        log("I CONTROL ", t, "OpenSSL version: OpenSSL 1.0.1t  3 May 2016");
        log("I CONTROL ", t, "allocator: tcmalloc");
        log("I CONTROL ", t, "modules: none");
        log("I CONTROL ", t, "build environment:");
        log("I CONTROL ", t, "    distmod: debian81");
        log("I CONTROL ", t, "    distarch: x86_64");
        log("I CONTROL ", t, "    target_arch: x86_64");
        log("I CONTROL ", t, "options: " + options);
        if (!ctx.fs().exists(dbpath)) {
            log("I STORAGE ", t, "exception in initAndListen: 29 Data directory " + dbpath + " not found., terminating");
            log("I NETWORK ", t, "shutdown: going to close listening sockets...");
            log("I NETWORK ", t, "shutdown: going to flush diaglog...");
            log("I CONTROL ", t, "now exiting");
            log("I CONTROL ", t, "shutting down with code:100");
            ctx.exit(100);
            return;
        }
        try {
            listener = ctx.net().listen(port, this::accepted);
        } catch (OsException inUse) {
            log("E NETWORK ", t, "listen(): bind() failed Address already in use for socket: 0.0.0.0:" + port);
            log("E NETWORK ", t, "  addr already in use");
            log("I NETWORK ", t, "shutdown: going to close listening sockets...");
            log("I CONTROL ", t, "now exiting");
            log("I CONTROL ", t, "shutting down with code:48");
            ctx.exit(48);
            return;
        }
        log("I STORAGE ", t, "");
        log("I STORAGE ", t, "** WARNING: Using the XFS filesystem is strongly recommended with the WiredTiger storage engine");
        log("I STORAGE ", t, "**          See http://dochub.mongodb.org/core/prodnotes-filesystem");
        long cacheMb = Math.max(256, ((ctx.os().machine().memoryBytes() >> 20) - 1024) / 2);
        log("I STORAGE ", t, "wiredtiger_open config: create,cache_size=" + cacheMb + "M,session_max=20000,"
                + "eviction=(threads_min=4,threads_max=4),config_base=false,statistics=(fast),"
                + "log=(enabled=true,archive=true,path=journal,compressor=snappy),"
                + "file_manager=(close_idle_time=100000),checkpoint=(wait=60,log_size=2GB),statistics_log=(wait=0),");
        writeDataFiles();
        ctx.compute(STARTUP_CPU_NANOS, () -> {
            log("I CONTROL ", t, "");
            log("I CONTROL ", t, "** WARNING: Access control is not enabled for the database.");
            log("I CONTROL ", t, "**          Read and write access to data and configuration is unrestricted.");
            log("I CONTROL ", t, "");
            log("I FTDC    ", t, "Initializing full-time diagnostic data capture with directory '" + dbpath
                    + "/diagnostic.data'");
            log("I INDEX   ", t, "build index on: admin.system.version properties: { v: 2, key: { version: 1 }, "
                    + "name: \"incompatible_with_version_32\", ns: \"admin.system.version\" }");
            log("I INDEX   ", t, "\t building index using bulk method; build may temporarily use up to 500 megabytes of RAM");
            log("I INDEX   ", t, "build index done.  scanned 0 total records. 0 secs");
            log("I COMMAND ", t, "setting featureCompatibilityVersion to 3.4");
            log("I NETWORK ", "thread1", "waiting for connections on port " + port);
        });
    }

    private void writeDataFiles() {
        try {
            ctx.fs().writeString(dbpath + "/mongod.lock", ctx.pid() + "\n");
            ctx.fs().writeString(dbpath + "/WiredTiger", "WiredTiger\nWiredTiger 2.9.2: (December 23, 2016)\n");
            ctx.fs().writeString(dbpath + "/WiredTiger.lock", "WiredTiger lock file\n");
            ctx.fs().writeString(dbpath + "/storage.bson", "storage engine: wiredTiger\n");
            ctx.fs().mkdirs(dbpath + "/journal");
            ctx.fs().mkdirs(dbpath + "/diagnostic.data");
        } catch (FsException e) {
            // a read-only dbpath fails later in real mongod; the simulation serves from memory
        }
    }

    private void accepted(Connection c) {
        if (shuttingDown) {
            c.close();
            return;
        }
        int number = ++connectionCounter;
        open++;
        String peer = c.remoteAddress() + ":" + c.remotePort();
        log("I NETWORK ", "thread1", "connection accepted from " + peer + " #" + number + " (" + count(open) + " now open)");
        c.setHandler(ctx.net().handler(new ConnectionHandler() {
            @Override
            public void onMessage(Connection conn, Object message) {
                ctx.compute(CPU_PER_COMMAND_NANOS, () -> answer(conn, message, peer, number));
            }

            @Override
            public void onClose(Connection conn, CloseReason reason) {
                ended(peer, number);
            }
        }));
    }

    private void answer(Connection c, Object message, String peer, int number) {
        if (message instanceof HttpRequest) {
            HttpResponse r = new HttpResponse("HTTP/1.0", 200, "OK", List.of(new HttpHeader("Connection", "close"),
                    new HttpHeader("Content-Type", "text/plain"),
                    new HttpHeader("Content-Length", String.valueOf(HTTP_TEXT.length()))), HTTP_TEXT);
            c.send(r, r.wireBytes());
            c.close();
            ended(peer, number);
            return;
        }
        if (message instanceof MongoMessages.Command cmd) {
            MongoMessages.Reply reply = switch (cmd.name()) {
                case "ping" -> new MongoMessages.Reply("{ \"ok\" : 1 }", true);
                case "isMaster", "ismaster" -> new MongoMessages.Reply("{\n\t\"ismaster\" : true,\n"
                        + "\t\"maxBsonObjectSize\" : 16777216,\n\t\"maxMessageSizeBytes\" : 48000000,\n"
                        + "\t\"maxWriteBatchSize\" : 1000,\n\t\"localTime\" : ISODate(\""
                        + Time.wallClockUtc(ctx.now()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'",
                                Locale.ROOT)) + "\"),\n"
                        + "\t\"maxWireVersion\" : 5,\n\t\"minWireVersion\" : 0,\n\t\"readOnly\" : false,\n\t\"ok\" : 1\n}", true);
                case "buildInfo", "buildinfo" -> new MongoMessages.Reply("{ \"version\" : \"" + VERSION
                        + "\", \"gitVersion\" : \"447847d93d6e0a21b018d5df45528e815c7c13d8\", \"ok\" : 1 }", true);
                default -> new MongoMessages.Reply("{\n\t\"ok\" : 0,\n\t\"errmsg\" : \"no such command: '" + cmd.name()
                        + "'\",\n\t\"code\" : 59,\n\t\"codeName\" : \"CommandNotFound\"\n}", false);
            };
            c.send(reply, reply.wireBytes());
            return;
        }
        // Anything else is not a valid message header: mongod drops the connection.
        c.close();
        ended(peer, number);
    }

    private void ended(String peer, int number) {
        open--;
        log("I -       ", "conn" + number, "end connection " + peer + " (" + count(open) + " now open)");
    }

    private static String count(int n) {
        return n + (n == 1 ? " connection" : " connections");
    }

    private void shutdown(int signalNumber, String name) {
        if (shuttingDown) {
            return;
        }
        shuttingDown = true;
        String t = "signalProcessingThread";
        log("I CONTROL ", t, "got signal " + signalNumber + " (" + name + "), will terminate after current cmd ends");
        log("I NETWORK ", t, "shutdown: going to close listening sockets...");
        log("I NETWORK ", t, "closing listening socket: 7");
        log("I NETWORK ", t, "closing listening socket: 8");
        log("I NETWORK ", t, "removing socket file: /tmp/mongodb-" + port + ".sock");
        if (listener != null) {
            listener.close();
        }
        log("I NETWORK ", t, "shutdown: going to flush diaglog...");
        log("I FTDC    ", t, "Shutting down full-time diagnostic data capture");
        log("I STORAGE ", t, "WiredTigerKVEngine shutting down");
        ctx.compute(20 * Time.MILLISECOND, () -> {
            log("I STORAGE ", t, "shutdown: removing fs lock...");
            try {
                ctx.fs().writeString(dbpath + "/mongod.lock", "");
            } catch (FsException e) {
                // nothing to release on a read-only path
            }
            log("I CONTROL ", t, "now exiting");
            log("I CONTROL ", t, "shutting down with code:0");
            ctx.exit(0);
        });
    }
}
