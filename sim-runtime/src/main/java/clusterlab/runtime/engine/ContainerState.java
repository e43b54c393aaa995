package clusterlab.runtime.engine;

import java.util.Locale;

/** Container states with the Engine API's names ({@code State.Status} of inspect). */
public enum ContainerState {
    CREATED, RUNNING, PAUSED, RESTARTING, REMOVING, EXITED, DEAD;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
