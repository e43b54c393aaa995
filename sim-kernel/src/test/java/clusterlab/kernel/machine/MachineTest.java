package clusterlab.kernel.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clusterlab.kernel.Simulation;
import clusterlab.kernel.Time;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachineTest {

    @Test
    void workScheduledBeforeACrashNeverRunsAndDurableStateSurvives() {
        Simulation sim = new Simulation(1);
        Machine m = Machine.standard(sim, "node1");
        List<String> ran = new ArrayList<>();
        List<String> volatileState = new ArrayList<>(List.of("cache"));
        m.durable().put("raft/term", 3L);
        m.addListener(new MachineListener() {
            @Override
            public void onCrash(Machine machine) {
                volatileState.clear();
            }

            @Override
            public void onRestart(Machine machine) {
                ran.add("restarted with term " + machine.durable().get("raft/term"));
            }
        });
        m.schedule(Time.seconds(5), () -> ran.add("old timer"));
        sim.schedule(Time.seconds(1), m::crash);
        sim.schedule(Time.seconds(2), m::restart);
        sim.schedule(Time.seconds(3), () -> m.schedule(Time.seconds(1), () -> ran.add("new timer")));
        sim.run();
        assertThat(ran).containsExactly("restarted with term 3", "new timer");
        assertThat(volatileState).isEmpty();
        assertThat(m.incarnation()).isEqualTo(1);
        assertThat(m.isRunning()).isTrue();
        assertThat(m.bootTime()).isEqualTo(Time.seconds(2));
    }

    @Test
    void aRebootShutsDownCleanlyFirst() {
        Simulation sim = new Simulation(1);
        Machine m = Machine.standard(sim, "node2");
        List<String> events = new ArrayList<>();
        m.addListener(new MachineListener() {
            @Override
            public void onPowerOff(Machine machine) {
                events.add("off");
            }

            @Override
            public void onCrash(Machine machine) {
                events.add("crash");
            }

            @Override
            public void onRestart(Machine machine) {
                events.add("on");
            }
        });
        m.restart();
        m.crash();
        m.crash(); // already down: nothing more happens
        assertThat(m.power()).isEqualTo(PowerState.CRASHED);
        m.restart();
        assertThat(events).containsExactly("off", "on", "crash", "on");
    }

    @Test
    void invalidMachinesAreRefused() {
        Simulation sim = new Simulation(1);
        assertThatThrownBy(() -> new Machine(sim, "bad name", 1, 1, 1)).hasMessageContaining("bad name");
        assertThatThrownBy(() -> new Machine(sim, "n", 0, 1, 1)).hasMessageContaining("cores");
    }
}
