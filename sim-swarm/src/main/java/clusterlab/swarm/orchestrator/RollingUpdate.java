package clusterlab.swarm.orchestrator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rolling update as SwarmKit's updater runs it ({@code orchestrator/update/updater.go}), as a
 * pure state machine driven by the caller's clock: slots are replaced {@code parallelism} at a
 * time; a batch is done when its new tasks are running; the next starts {@code delay} later; a
 * new task is watched for {@code monitor} after it starts, and a failure then counts toward
 * {@code maxFailureRatio}, beyond which the failure action applies (pause, continue, rollback).
 *
 * <p>The caller reports task events ({@link #taskRunning}, {@link #taskFailed}) and calls
 * {@link #poll} at {@link #nextWakeupNanos}; {@code poll} returns the slots to replace now.
 */
public final class RollingUpdate {
    public enum State { UPDATING, PAUSED, ROLLBACK_STARTED, COMPLETED }

    private final UpdateConfig config;
    private final ArrayDeque<Integer> waiting = new ArrayDeque<>();
    private final int total;
    /** Slots of the current batch -> when their new task started running (-1: not yet). */
    private final Map<Integer, Long> inFlight = new LinkedHashMap<>();
    /** Slots whose new task runs and is being monitored -> monitoring ends at. */
    private final Map<Integer, Long> monitored = new LinkedHashMap<>();
    private State state = State.UPDATING;
    private long nextBatchAt;
    private int failures;
    private String message = "update in progress";

    public RollingUpdate(UpdateConfig config, List<Integer> slotsToUpdate, long nowNanos) {
        this.config = config;
        this.waiting.addAll(slotsToUpdate);
        this.total = slotsToUpdate.size();
        this.nextBatchAt = nowNanos;
        if (total == 0) {
            state = State.COMPLETED;
            message = "update completed";
        }
    }

    public State state() {
        return state;
    }

    /** What {@code service inspect --pretty} shows as the update status message. */
    public String message() {
        return message;
    }

    /** Slots to replace now (empty while a batch runs, during the delay, or when paused). */
    public List<Integer> poll(long nowNanos) {
        expireMonitoring(nowNanos);
        if (state != State.UPDATING || !inFlight.isEmpty() || nowNanos < nextBatchAt) {
            finishIfDone();
            return List.of();
        }
        List<Integer> batch = new ArrayList<>();
        int size = config.batchSize(total);
        while (batch.size() < size && !waiting.isEmpty()) {
            int slot = waiting.removeFirst();
            batch.add(slot);
            inFlight.put(slot, -1L);
        }
        finishIfDone();
        return batch;
    }

    /** The new task of {@code slot} reached RUNNING. */
    public void taskRunning(int slot, long nowNanos) {
        if (inFlight.containsKey(slot)) {
            inFlight.remove(slot);
            monitored.put(slot, nowNanos + config.monitorNanos());
            if (inFlight.isEmpty()) {
                nextBatchAt = nowNanos + config.delayNanos();
            }
        }
    }

    /** The new task of {@code slot} failed (or ended early) while updating or monitored. */
    public void taskFailed(int slot, String taskId, long nowNanos) {
        boolean ours = inFlight.remove(slot) != null | monitored.remove(slot) != null;
        if (!ours || state != State.UPDATING) {
            return;
        }
        failures++;
        if (failures > config.maxFailureRatio() * total) {
            switch (config.failureAction()) {
                case PAUSE -> {
                    state = State.PAUSED;
                    message = "update paused due to failure or early termination of task " + taskId;
                }
                case ROLLBACK -> {
                    state = State.ROLLBACK_STARTED;
                    message = "update rolled back due to failure or early termination of task " + taskId;
                }
                case CONTINUE -> { }
            }
        }
        if (inFlight.isEmpty()) {
            nextBatchAt = nowNanos + config.delayNanos();
        }
    }

    /** When the caller should poll next: a batch's delay or a monitoring window ending; MAX_VALUE if never. */
    public long nextWakeupNanos() {
        long next = Long.MAX_VALUE;
        if (state == State.UPDATING && inFlight.isEmpty() && !waiting.isEmpty()) {
            next = nextBatchAt;
        }
        for (long until : monitored.values()) {
            next = Math.min(next, until);
        }
        return next;
    }

    private void expireMonitoring(long nowNanos) {
        monitored.values().removeIf(until -> until <= nowNanos);
    }

    private void finishIfDone() {
        if (state == State.UPDATING && waiting.isEmpty() && inFlight.isEmpty() && monitored.isEmpty()) {
            state = State.COMPLETED;
            message = "update completed";
        }
    }
}
