package clusterlab.bench;

import clusterlab.kernel.OutsideSimulation;
import clusterlab.kernel.Simulation;
import clusterlab.kernel.Time;
import clusterlab.kernel.host.CommandResult;
import clusterlab.swarm.SwarmRuntime;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * {@code benchmarks.jar scale --nodes N --managers M --replicas R --duration 1h [--seed S]}: a
 * whole swarm (M managers, N-M workers, gossip and heartbeats on, one service of R replicas) run
 * for a stretch of virtual time, timed on the wall clock. Prints the numbers issue targets are
 * stated in; never judges them.
 */
@OutsideSimulation("measures wall time and heap around a simulation; the simulation itself is untouched")
final class ScaleBenchmark {
    record Options(int nodes, int managers, int replicas, long durationNanos, long seed) {
    }

    private ScaleBenchmark() {
    }

    static int run(Options o, PrintStream out) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        long setupStart = System.nanoTime();
        SwarmRuntime rt = SwarmRuntime.withHosts(o.seed(), o.nodes());
        Simulation sim = rt.cluster().simulation();
        sim.trace().setOn(false);
        require(docker(rt, "node1", "swarm", "init", "--advertise-addr", "eth0"), "swarm init");
        String managerAddr = rt.cluster().host("node1").address() + ":2377";
        String workerToken = docker(rt, "node1", "swarm", "join-token", "-q", "worker").stdout().strip();
        String managerToken = docker(rt, "node1", "swarm", "join-token", "-q", "manager").stdout().strip();
        for (int i = 2; i <= o.nodes(); i++) {
            String token = i <= o.managers() ? managerToken : workerToken;
            require(docker(rt, "node" + i, "swarm", "join", "--token", token, managerAddr), "join node" + i);
        }
        if (o.replicas() > 0) {
            require(docker(rt, "node1", "service", "create", "--detach", "--name", "web", "--replicas",
                    Integer.toString(o.replicas()), "nginx:1.12"), "service create");
        }
        long setupWall = System.nanoTime() - setupStart;
        long virtualStart = sim.now();
        long eventsStart = sim.eventsExecuted();
        long peakHeap = 0;
        long runStart = System.nanoTime();
        // Run in slices to sample the heap; slices do not change what the simulation does.
        long slice = Math.max(Time.SECOND, o.durationNanos() / 20);
        for (long done = 0; done < o.durationNanos(); done += slice) {
            sim.runFor(Math.min(slice, o.durationNanos() - done));
            peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
        }
        long runWall = System.nanoTime() - runStart;
        long events = sim.eventsExecuted() - eventsStart;
        System.gc();
        long heapAfter = memory.getHeapMemoryUsage().getUsed();
        long perNode = Math.max(0, heapAfter - heapBefore) / Math.max(1, o.nodes());
        double wallSeconds = runWall / 1e9;
        double ratio = (sim.now() - virtualStart) / (double) runWall;
        out.printf(Locale.ROOT, "setup: %d nodes (%d managers) joined and %d replicas asked for in %.1f s wall%n",
                o.nodes(), o.managers(), o.replicas(), setupWall / 1e9);
        out.printf(Locale.ROOT, "run: %s virtual in %.1f s wall, %d events, %.0f events/s, %.1fx real time%n",
                Time.format(o.durationNanos()), wallSeconds, events, events / Math.max(1e-9, wallSeconds), ratio);
        out.printf(Locale.ROOT, "heap: peak %s, live after the run %s (%s per node)%n", size(peakHeap),
                size(heapAfter), size(perNode));
        out.printf(Locale.ROOT, "scale N=%d: %s virtual in %.1f s wall (%.1fx), heap %s, %s/node%n", o.nodes(),
                Time.format(o.durationNanos()), wallSeconds, ratio, size(peakHeap), size(perNode));
        out.println(BenchMain.machineDescription());
        return 0;
    }

    private static CommandResult docker(SwarmRuntime rt, String host, String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "docker";
        System.arraycopy(args, 0, argv, 1, args.length);
        return rt.cluster().host(host).run(argv);
    }

    private static void require(CommandResult r, String what) {
        if (r.exitStatus() != 0) {
            throw new IllegalStateException(what + " failed: " + r.stderr().strip());
        }
    }

    /** 2.1 GiB, 71 KB. */
    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%d KB", bytes / 1000);
    }
}
