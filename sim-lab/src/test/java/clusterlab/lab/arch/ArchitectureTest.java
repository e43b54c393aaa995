package clusterlab.lab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.OutsideSimulation;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the two promises the whole design rests on: modules depend only downward, and simulation
 * code never reaches for the wall clock, unseeded randomness, threads or platform-dependent math.
 *
 * <p>Simulation code is every production class of sim-kernel, sim-runtime, sim-swarm and sim-lab
 * except those marked {@link OutsideSimulation}. sim-ui and sim-bench are outside by definition;
 * Maven already stops a lower module from compiling against them.
 */
class ArchitectureTest {
    private static final String KERNEL = "clusterlab.kernel..";
    private static final String RUNTIME = "clusterlab.runtime..";
    private static final String SWARM = "clusterlab.swarm..";
    private static final String LAB = "clusterlab.lab..";
    private static final String UI = "clusterlab.ui..";
    private static final String BENCH = "clusterlab.bench..";

    /** Math functions whose results may differ in the last bit between JVMs; StrictMath's never do. */
    private static final Set<String> NON_STRICT_MATH = Set.of(
            "log", "log10", "log1p", "exp", "expm1", "pow", "sin", "cos", "tan", "asin", "acos", "atan",
            "atan2", "sinh", "cosh", "tanh", "cbrt", "hypot");

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("clusterlab");
    }

    @Test
    void theImportSeesEveryModuleBelowTheLab() {
        // A rule over an empty set passes vacuously: make sure the classes are really there.
        assertThat(classes.contain("clusterlab.kernel.Simulation")).isTrue();
        assertThat(classes.contain("clusterlab.lab.cli.LabMain")).isTrue();
    }

    @Test
    void modulesDependOnlyDownward() {
        checkLayer(noClasses().that().resideInAPackage(KERNEL)
                .should().dependOnClassesThat().resideInAnyPackage(RUNTIME, SWARM, LAB, UI, BENCH));
        checkLayer(noClasses().that().resideInAPackage(RUNTIME)
                .should().dependOnClassesThat().resideInAnyPackage(SWARM, LAB, UI, BENCH));
        checkLayer(noClasses().that().resideInAPackage(SWARM)
                .should().dependOnClassesThat().resideInAnyPackage(LAB, UI, BENCH));
        checkLayer(noClasses().that().resideInAPackage(LAB)
                .should().dependOnClassesThat().resideInAnyPackage(UI, BENCH));
    }

    @Test
    void simulationCodeUsesNoWallClock() {
        check(simulationCode().should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .because("virtual time is the only time inside a simulation"));
    }

    @Test
    void simulationCodeUsesOnlySeededRandomness() {
        check(simulationCode().should().callMethod(Math.class, "random")
                .orShould().callConstructor(java.util.Random.class)
                .orShould().callConstructor(java.util.Random.class, long.class)
                .orShould().callMethod(java.util.concurrent.ThreadLocalRandom.class, "current")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .orShould().callConstructor(java.security.SecureRandom.class)
                .because("all randomness flows from the root seed through SimRandom streams"));
    }

    @Test
    void simulationCodeStartsNoThreads() {
        check(simulationCode().should().callConstructorWhere(constructorOf(Thread.class))
                .orShould().callMethod(java.util.concurrent.Executors.class, "newFixedThreadPool", int.class)
                .orShould().callMethod(java.util.concurrent.Executors.class, "newCachedThreadPool")
                .orShould().callMethod(java.util.concurrent.Executors.class, "newSingleThreadExecutor")
                .because("a simulation is single-threaded; parallelism runs whole simulations side by side"));
    }

    @Test
    void simulationCodeNeverBuildsCollectionsWhoseOrderChangesFromRunToRun() {
        // Map.of/Set.of with several elements iterate in an order salted per JVM run. Constant lookup
        // tables built in static initializers are allowed: they are only ever looked up in.
        check(simulationCode().should().callMethodWhere(saltedOrderCollection())
                .because("their iteration order differs between JVM runs; use TreeMap/LinkedHashMap or List"));
    }

    private static DescribedPredicate<JavaAccess<?>> saltedOrderCollection() {
        return new DescribedPredicate<>(
                "Map.of with two or more entries, Map.ofEntries, or Set.of with two or more elements, "
                        + "outside a static initializer") {
            @Override
            public boolean test(JavaAccess<?> access) {
                if (access.getOrigin().getName().equals("<clinit>")) {
                    return false;
                }
                if (!access.getName().equals("of") && !access.getName().equals("ofEntries")) {
                    return false;
                }
                int params = access instanceof com.tngtech.archunit.core.domain.JavaMethodCall call
                        ? call.getTarget().getRawParameterTypes().size() : 0;
                boolean varargs = access instanceof com.tngtech.archunit.core.domain.JavaMethodCall call
                        && call.getTarget().getRawParameterTypes().stream().anyMatch(t -> t.isArray());
                if (access.getTargetOwner().isEquivalentTo(java.util.Map.class)) {
                    return access.getName().equals("ofEntries") || params >= 4;
                }
                return access.getTargetOwner().isEquivalentTo(java.util.Set.class) && (params >= 2 || varargs);
            }
        };
    }

    @Test
    void simulationCodeUsesStrictMathForTranscendentalFunctions() {
        check(simulationCode().should().callMethodWhere(new DescribedPredicate<JavaAccess<?>>(
                        "a non-strict java.lang.Math function") {
                    @Override
                    public boolean test(JavaAccess<?> access) {
                        return access.getTargetOwner().isEquivalentTo(Math.class)
                                && NON_STRICT_MATH.contains(access.getName());
                    }
                })
                .because("java.lang.Math may differ in the last bit between JVMs; StrictMath never does"));
    }

    private static com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction simulationCode() {
        return noClasses().that().resideInAnyPackage(KERNEL, RUNTIME, SWARM, LAB)
                .and().areNotAnnotatedWith(OutsideSimulation.class)
                .and(notNestedInOutsideSimulation());
    }

    /** Nested and anonymous classes (lambdas' homes) inherit their outer class's exemption. */
    private static DescribedPredicate<JavaClass> notNestedInOutsideSimulation() {
        return new DescribedPredicate<>("not nested in a class marked @OutsideSimulation") {
            @Override
            public boolean test(JavaClass c) {
                JavaClass outer = c;
                for (int depth = 0; depth < 16 && outer.getEnclosingClass().isPresent(); depth++) {
                    outer = outer.getEnclosingClass().get();
                    if (outer.isAnnotatedWith(OutsideSimulation.class)) {
                        return false;
                    }
                }
                return true;
            }
        };
    }

    private static DescribedPredicate<JavaAccess<?>> constructorOf(Class<?> type) {
        return new DescribedPredicate<>("a constructor of " + type.getName() + " or a subclass") {
            @Override
            public boolean test(JavaAccess<?> access) {
                return access.getTargetOwner().isAssignableTo(type);
            }
        };
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    /** Modules not yet written have no classes; their layering rules must not fail for it. */
    private static void checkLayer(ArchRule rule) {
        rule.allowEmptyShould(true).check(classes);
    }

    @Test
    void theBansCatchAViolation() {
        // The rules must be able to fail: a class that breaks every ban is caught by each of them.
        JavaClasses offender = new ClassFileImporter().importClasses(clusterlab.lab.arch.fixture.BanBreaker.class);
        ArchRule clock = simulationCode().should().callMethod(System.class, "currentTimeMillis");
        ArchRule random = simulationCode().should().callConstructor(java.util.Random.class);
        ArchRule threads = simulationCode().should().callConstructorWhere(constructorOf(Thread.class));
        ArchRule salted = simulationCode().should().callMethodWhere(saltedOrderCollection());
        for (ArchRule rule : java.util.List.of(clock, random, threads, salted)) {
            assertThat(rule.evaluate(offender).hasViolation()).as(rule.getDescription()).isTrue();
        }
    }
}
