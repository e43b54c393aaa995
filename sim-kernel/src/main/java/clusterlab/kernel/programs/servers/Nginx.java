package clusterlab.kernel.programs.servers;

import clusterlab.kernel.Time;
import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.net.Listener;
import clusterlab.kernel.os.Credentials;
import clusterlab.kernel.os.OsException;
import clusterlab.kernel.os.Process;
import clusterlab.kernel.os.ProcessContext;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.Signal;
import clusterlab.kernel.os.SpawnSpec;
import clusterlab.kernel.os.Stdio;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code nginx}: the master process. As the official image runs it ({@code nginx -g 'daemon off;'})
 * it stays in the foreground, retitles itself {@code nginx: master process ...} and forks its
 * worker processes, which serve. Without {@code daemon off;} it forks a master and exits at once,
 * as a daemon does. Options: {@code -g -c -t -v -V -s stop|quit|reload}. Signals: TERM/INT fast
 * shutdown, QUIT graceful shutdown, HUP reload (new workers, old ones quit).
 */
public final class Nginx implements Program {
    static final String WORKER_TITLE = "nginx: worker process";
    static final String MASTER_TITLE = "nginx: master process ";
    static final String DEFAULT_VERSION = "1.17.0";
    static final String PID_FILE = "/var/run/nginx.pid";
    /** nginx retries a busy listen address 5 times, 500 ms apart, before giving up. */
    private static final int BIND_TRIES = 5;
    /** Respawns of crashed workers, bounded so a worker that always dies cannot loop forever. */
    private static final int MAX_RESPAWNS = 1000;
    private static final DateTimeFormatter ERROR_LOG_TIME =
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT);

    private ProcessContext ctx;
    private String confFile = NginxFiles.NGINX_CONF_PATH;
    private String globals = "";
    private NginxConfig config;
    private final List<Process> workers = new ArrayList<>();
    private boolean stopping;
    private int respawns;

    /**
     * The version nginx reports: the image's NGINX_VERSION without its Debian package suffix
     * (the official image sets {@code 1.12.2-1~stretch}; the binary says {@code nginx/1.12.2}),
     * else the default.
     */
    static String version(ProcessContext ctx) {
        String v = ctx.getenv("NGINX_VERSION");
        if (v == null || v.isBlank()) {
            return DEFAULT_VERSION;
        }
        String s = v.strip();
        int dash = s.indexOf('-');
        return dash > 0 ? s.substring(0, dash) : s;
    }

    /** {@code 2019/05/30 07:59:56}, the time stamp of nginx's error log. */
    static String errorLogTime(long virtualNanos) {
        return ERROR_LOG_TIME.format(Time.wallClockUtc(virtualNanos));
    }

    @Override
    public void start(ProcessContext ctx) {
        this.ctx = ctx;
        String argv0 = ctx.argv().get(0);
        if (argv0.equals(WORKER_TITLE)) {
            new NginxWorker(ctx).start();
            return;
        }
        if (argv0.startsWith(MASTER_TITLE)) {
            parseTitle(argv0.substring(MASTER_TITLE.length()));
            runMaster(false);
            return;
        }
        List<String> args = ctx.args();
        String signal = null;
        boolean test = false;
        for (int i = 0; i < args.size() && i < 64; i++) {
            String a = args.get(i);
            switch (a) {
                case "-v" -> {
                    ctx.eprintln("nginx version: nginx/" + version(ctx));
                    ctx.exit(0);
                    return;
                }
                case "-V" -> {
                    ctx.eprintln("nginx version: nginx/" + version(ctx));
                    ctx.eprintln("built by gcc 6.3.0 20170516 (Debian 6.3.0-18+deb9u1) ");
                    ctx.eprintln("configure arguments: --prefix=/etc/nginx --sbin-path=/usr/sbin/nginx"
                            + " --conf-path=/etc/nginx/nginx.conf --error-log-path=/var/log/nginx/error.log"
                            + " --http-log-path=/var/log/nginx/access.log --pid-path=/var/run/nginx.pid");
                    ctx.exit(0);
                    return;
                }
                case "-t" -> test = true;
                case "-g", "-c", "-s" -> {
                    if (i + 1 >= args.size()) {
                        ctx.eprintln("nginx: option \"" + a + "\" requires " + (a.equals("-g") ? "directives"
                                : a.equals("-c") ? "file name" : "signal name"));
                        ctx.exit(1);
                        return;
                    }
                    String v = args.get(++i);
                    if (a.equals("-g")) {
                        globals = v;
                    } else if (a.equals("-c")) {
                        confFile = ctx.resolve(v);
                    } else {
                        signal = v;
                    }
                }
                default -> {
                    ctx.eprintln("nginx: invalid option: \"" + (a.startsWith("-") ? a.substring(1) : a) + "\"");
                    ctx.exit(1);
                    return;
                }
            }
        }
        if (signal != null) {
            sendSignal(signal);
            return;
        }
        if (!loadConfig()) {
            return;
        }
        if (test) {
            ctx.eprintln("nginx: the configuration file " + confFile + " syntax is ok");
            ctx.eprintln("nginx: configuration file " + confFile + " test is successful");
            ctx.exit(0);
            return;
        }
        bindCheck(0, () -> {
            if (config.daemon) {
                // fork; the child carries on as the master and the command returns at once
                ctx.spawn(SpawnSpec.child(ctx.process(), List.of(MASTER_TITLE + ctx.process().commandLine()),
                        sharedStdio()).withExecutable(ctx.process().executablePath()));
                ctx.exit(0);
            } else {
                ctx.setProcessTitle(MASTER_TITLE + ctx.process().commandLine());
                runMaster(true);
            }
        });
    }

    /** The worker's and daemon's streams: the master's, but their exit must not close them. */
    private Stdio sharedStdio() {
        Stdio mine = ctx.process().stdio();
        return new Stdio(null, mine.out()::write, mine.err()::write, mine.tty());
    }

    private void parseTitle(String commandLine) {
        String[] words = commandLine.split(" ", 64);
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals("-c")) {
                confFile = ctx.resolve(words[i + 1]);
            }
        }
    }

    private boolean loadConfig() {
        try {
            String fallback = NginxFiles.NGINX_CONF;
            if (!ctx.fs().exists(NginxFiles.DEFAULT_CONF_PATH)) {
                fallback = fallback.replace("include /etc/nginx/conf.d/*.conf;", NginxFiles.DEFAULT_CONF);
            }
            config = NginxConfig.load(ctx.fs(), confFile, globals, fallback, ctx.os().machine().cores());
            return true;
        } catch (NginxConfig.ConfigException e) {
            ctx.eprintln("nginx: [emerg] " + e.getMessage());
            ctx.exit(1);
            return false;
        }
    }

    /** Tries each port as the master's bind would, retrying a busy one as nginx does. */
    private void bindCheck(int attempt, Runnable then) {
        for (int port : config.ports()) {
            try {
                Listener probe = ctx.net().listen(port, c -> c.close());
                probe.close();
            } catch (OsException busy) {
                ctx.eprintln("nginx: [emerg] bind() to 0.0.0.0:" + port + " failed (98: Address already in use)");
                if (attempt + 1 >= BIND_TRIES) {
                    ctx.eprintln("nginx: [emerg] still could not bind()");
                    ctx.exit(1);
                } else {
                    ctx.schedule(500 * Time.MILLISECOND, () -> bindCheck(attempt + 1, then));
                }
                return;
            }
        }
        then.run();
    }

    private void runMaster(boolean configLoaded) {
        if (!configLoaded && !loadConfig()) {
            return;
        }
        ctx.allocate(3L << 20);
        ctx.setVirtualMemory(32L << 20);
        try {
            ctx.fs().mkdirs("/var/run");
            ctx.fs().writeString(PID_FILE, ctx.pid() + "\n");
        } catch (FsException notWritable) {
            // a read-only root: nginx logs an alert and runs on; the pid file is a convenience here
        }
        ctx.onSignal(Signal.SIGTERM, s -> shutdown(Signal.SIGTERM));
        ctx.onSignal(Signal.SIGINT, s -> shutdown(Signal.SIGTERM));
        ctx.onSignal(Signal.SIGQUIT, s -> shutdown(Signal.SIGQUIT));
        ctx.onSignal(Signal.SIGHUP, s -> reload());
        ctx.ignore(Signal.SIGPIPE);
        ctx.ignore(Signal.SIGUSR1); // reopen logs: they are the container's stdout and stderr
        for (int i = 0; i < config.workerProcesses; i++) {
            spawnWorker();
        }
    }

    private void spawnWorker() {
        Credentials creds = NginxWorker.workerCredentials(ctx.fs());
        Process worker = ctx.spawn(SpawnSpec.child(ctx.process(), List.of(WORKER_TITLE), sharedStdio())
                .withExecutable(ctx.process().executablePath()).withCredentials(creds));
        workers.add(worker);
        ctx.waitFor(worker, status -> workerExited(worker, status));
    }

    private void workerExited(Process worker, int status) {
        workers.remove(worker);
        if (stopping) {
            if (workers.isEmpty()) {
                removePidFile();
                ctx.exit(0);
            }
            return;
        }
        if (worker.terminatedBy() != null && worker.terminatedBy() != Signal.SIGQUIT) {
            ctx.eprintln(errorLogTime(ctx.now()) + " [alert] " + ctx.pid() + "#" + ctx.pid() + ": worker process "
                    + worker.pidIn(ctx.pidNamespace()) + " exited on signal " + worker.terminatedBy().number());
            if (respawns++ < MAX_RESPAWNS) {
                spawnWorker();
            }
        }
    }

    private void shutdown(Signal how) {
        stopping = true;
        if (workers.isEmpty()) {
            removePidFile();
            ctx.exit(0);
            return;
        }
        for (Process w : new ArrayList<>(workers)) {
            ctx.os().signal(ctx.process(), w, how);
        }
    }

    /** HUP: re-read the configuration; on success old workers quit gracefully and new ones start. */
    private void reload() {
        NginxConfig old = config;
        if (!reloadConfig()) {
            config = old;
            return;
        }
        List<Process> old2 = new ArrayList<>(workers);
        workers.clear();
        int[] left = {old2.size()};
        for (Process w : old2) {
            ctx.waitFor(w, status -> {
                if (--left[0] == 0 && !stopping) {
                    for (int i = 0; i < config.workerProcesses; i++) {
                        spawnWorker();
                    }
                }
            });
            ctx.os().signal(ctx.process(), w, Signal.SIGQUIT);
        }
        if (old2.isEmpty()) {
            for (int i = 0; i < config.workerProcesses; i++) {
                spawnWorker();
            }
        }
    }

    private boolean reloadConfig() {
        try {
            String fallback = NginxFiles.NGINX_CONF;
            if (!ctx.fs().exists(NginxFiles.DEFAULT_CONF_PATH)) {
                fallback = fallback.replace("include /etc/nginx/conf.d/*.conf;", NginxFiles.DEFAULT_CONF);
            }
            config = NginxConfig.load(ctx.fs(), confFile, globals, fallback, ctx.os().machine().cores());
            return true;
        } catch (NginxConfig.ConfigException e) {
            ctx.eprintln(errorLogTime(ctx.now()) + " [emerg] " + ctx.pid() + "#" + ctx.pid() + ": " + e.getMessage());
            return false;
        }
    }

    private void removePidFile() {
        try {
            ctx.fs().unlink(PID_FILE);
        } catch (FsException gone) {
            // already removed or read-only: nothing to clean up
        }
    }

    /** {@code nginx -s stop|quit|reopen|reload}: signals the master named in the pid file. */
    private void sendSignal(String name) {
        Signal sig = switch (name) {
            case "stop" -> Signal.SIGTERM;
            case "quit" -> Signal.SIGQUIT;
            case "reload" -> Signal.SIGHUP;
            case "reopen" -> Signal.SIGUSR1;
            default -> null;
        };
        if (sig == null) {
            ctx.eprintln("nginx: invalid option: \"-s " + name + "\"");
            ctx.exit(1);
            return;
        }
        String pidText;
        try {
            pidText = ctx.fs().readString(PID_FILE).strip();
        } catch (FsException e) {
            ctx.eprintln("nginx: [error] open() \"" + PID_FILE + "\" failed (" + e.errno().number() + ": "
                    + e.errno().text() + ")");
            ctx.exit(1);
            return;
        }
        try {
            ctx.kill(Integer.parseInt(pidText), sig);
        } catch (NumberFormatException | OsException e) {
            ctx.eprintln("nginx: [error] invalid PID number \"" + pidText + "\" in \"" + PID_FILE + "\"");
            ctx.exit(1);
            return;
        }
        ctx.exit(0);
    }
}
