package clusterlab.kernel.os;

import clusterlab.kernel.Simulation;
import clusterlab.kernel.fs.Blob;
import clusterlab.kernel.fs.MemoryFs;
import clusterlab.kernel.machine.Machine;
import java.util.List;

/** A one-machine kernel with a few tiny test programs installed in /bin. */
final class OsFixture {
    final Simulation sim = new Simulation(7);
    final Machine machine = new Machine(sim, "node1", 4, 1L << 30, 10L << 30);
    final MemoryFs disk = new MemoryFs(sim::now);
    final ProgramRegistry programs = new ProgramRegistry();
    final OperatingSystem os;

    OsFixture() {
        disk.mkdirs("/bin");
        disk.mkdirs("/sbin");
        disk.mkdirs("/tmp");
        programs.register("init", () -> ctx -> ctx.ignore(Signal.SIGTERM));
        // spin N: N milliseconds of CPU work, then exit 0
        programs.register("spin", () -> ctx -> ctx.compute(Long.parseLong(ctx.args().get(0)) * 1_000_000L,
                () -> ctx.exit(0)));
        // hog N: allocate N MiB in 1 MiB steps, one per millisecond, then exit 0
        programs.register("hog", () -> new Program() {
            int left;

            @Override
            public void start(ProcessContext ctx) {
                left = Integer.parseInt(ctx.args().get(0));
                step(ctx);
            }

            private void step(ProcessContext ctx) {
                if (left-- == 0) {
                    ctx.exit(0);
                    return;
                }
                ctx.allocate(1L << 20);
                ctx.schedule(1_000_000, () -> step(ctx));
            }
        });
        // sleeper: waits forever; TERM handled as a clean exit 0 (like nginx)
        programs.register("sleeper", () -> ctx -> ctx.onSignal(Signal.SIGTERM, s -> ctx.exit(0)));
        // stubborn: waits forever and has no handlers
        programs.register("stubborn", () -> ctx -> { });
        for (String name : List.of("init", "spin", "hog", "sleeper", "stubborn")) {
            String path = name.equals("init") ? "/sbin/init" : "/bin/" + name;
            disk.writeContent(path, Blob.of(ProgramRegistry.binary(name)));
            disk.chmod(path, 0755);
        }
        os = new OperatingSystem(machine, disk, programs);
        sim.runFor(1_000_000);
    }

    Process spawn(String... argv) {
        Process p = os.spawn(SpawnSpec.child(os.init(), List.of(argv), Stdio.discard()));
        sim.runFor(1);
        return p;
    }
}
