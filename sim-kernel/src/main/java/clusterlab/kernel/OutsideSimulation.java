package clusterlab.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that runs outside any simulation: a command measuring wall time for a progress
 * bar, a pool running independent simulations side by side. The determinism bans (wall clock,
 * unseeded randomness, threads) do not apply to it; the architecture test checks every other class
 * of the simulation modules. Use sparingly, and say why at the use.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface OutsideSimulation {
    /** Why this class may use the wall clock or threads. */
    String value();
}
