package clusterlab.runtime.engine;

/** One reading of a container's cgroup and network counters, as the stats API returns them. */
public final class ContainerStats {
    private ContainerStats() {}

    public record Sample(long timeNanos, boolean running, long cpuNanos, long memoryBytes, long memoryLimitBytes,
            long rxBytes, long txBytes, long pids) {}

    public static Sample sample(Engine engine, Container c) {
        long now = engine.simulation().now();
        if (!c.isRunning() || c.cgroup() == null) {
            return new Sample(now, false, 0, 0, 0, 0, 0, 0);
        }
        long limit = c.cgroup().memoryMaxBytes() == clusterlab.kernel.os.Cgroup.UNLIMITED
                ? engine.host().machine().memoryBytes() : c.cgroup().memoryMaxBytes();
        long rx = c.stack() == null ? 0 : c.stack().rxBytes();
        long tx = c.stack() == null ? 0 : c.stack().txBytes();
        return new Sample(now, true, c.cgroup().cpuUsageNanos(), c.cgroup().memoryCurrentBytes(), limit, rx, tx,
                c.cgroup().pidsCurrent());
    }
}
