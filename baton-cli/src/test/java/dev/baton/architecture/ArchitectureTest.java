package dev.baton.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.baton.conduct.Conductor;
import dev.baton.conduct.ConductorRun;
import dev.baton.conduct.Orchestrator;
import dev.baton.execute.Budget;
import dev.baton.execute.BudgetMeter;
import dev.baton.execute.BudgetState;
import dev.baton.execute.Executor;
import dev.baton.learn.train.GrpoTrainer;

/**
 * The dependency rules of Baton's production code, checked on the classes of every module but the JMH
 * benchmarks: the CLI's tests see all the other modules. Nothing may depend on the benchmarks, which Maven
 * already ensures by keeping them off every other module's class path.
 *
 * <p>Run alone with {@code mvn -o verify -pl baton-cli -am -Dtest=ArchitectureTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@AnalyzeClasses(packages = "dev.baton", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The packages of baton-core. */
    private static final String[] CORE = {"dev.baton.conduct..", "dev.baton.execute..", "dev.baton.grade..", "dev.baton.input..",
        "dev.baton.io..", "dev.baton.json..", "dev.baton.pool..", "dev.baton.pricing..", "dev.baton.task..", "dev.baton.worker..", "dev.baton.workflow.."};

    @ArchTest
    static final ArchRule TOP_LEVEL_PACKAGES_ARE_FREE_OF_CYCLES = slices().matching("dev.baton.(*)..").namingSlices("$1")
            .as("top-level packages dev.baton.*").should().beFreeOfCycles();

    /** Each package is a slice of its own here, so this also holds within a module: learn.conductor, learn.train, ... */
    @ArchTest
    static final ArchRule PACKAGES_ARE_FREE_OF_CYCLES = slices().matching("dev.baton.(**)").namingSlices("$1")
            .as("packages dev.baton.**").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule CORE_USES_NO_HEAVY_LIBRARY = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "ai.djl..", "ai.onnxruntime..", "dev.langchain4j..", "io.javalin..", "picocli..", "org.sqlite..",
                    "org.postgresql..", "com.zaxxer.hikari..",
                    "io.github.resilience4j..")
            .because("core is what every module and embedder shares: engines, providers, servers, CLIs and databases plug in from outside");

    /**
     * Jackson is core's one library, for reading and writing workflows as JSON, and for the one JSON factory every
     * module's request-path JSON shares ({@code dev.baton.json}).
     */
    @ArchTest
    static final ArchRule ONLY_WORKFLOW_JSON_USES_JACKSON_IN_CORE = noClasses().that().resideInAnyPackage(CORE)
            .and().resideOutsideOfPackages("dev.baton.workflow", "dev.baton.json")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..");

    /**
     * A question's budget has one owner, the {@link Orchestrator}: a conductor or its run that kept an executor or a
     * budget of its own would plan outside the question's account (the LM conductor once did, and a server resolved
     * it again for every request to hand it that request's budget). Planning calls go through the
     * {@link dev.baton.conduct.PlanningCalls} the run is given.
     */
    @ArchTest
    static final ArchRule CONDUCTORS_HOLD_NO_EXECUTOR_OR_BUDGET = noFields()
            .that().areDeclaredInClassesThat().areAssignableTo(Conductor.class)
            .or().areDeclaredInClassesThat().areAssignableTo(ConductorRun.class)
            .should().haveRawType(Executor.class).orShould().haveRawType(Budget.class)
            .orShould().haveRawType(BudgetMeter.class).orShould().haveRawType(BudgetState.class)
            .orShould().haveRawType(Orchestrator.class)
            .because("the Orchestrator owns each question's budget: conductors make planning calls through the run they "
                    + "are given");

    @ArchTest
    static final ArchRule MODULES_DEPEND_INWARD = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("core").definedBy(CORE)
            .layer("offline").definedBy("dev.baton.offline..")
            .layer("store").definedBy("dev.baton.store..")
            .layer("resilience").definedBy("dev.baton.resilience..")
            .layer("providers").definedBy("dev.baton.providers..")
            .layer("web").definedBy("dev.baton.web..")
            .layer("learn").definedBy("dev.baton.learn..")
            .layer("eval").definedBy("dev.baton.eval..")
            .layer("client").definedBy("dev.baton.client..")
            .layer("wiring").definedBy("dev.baton.wiring..")
            .layer("server").definedBy("dev.baton.server..")
            .layer("cli").definedBy("dev.baton.cli..")
            .optionalLayer("bench").definedBy("dev.baton.bench..") // not on this module's class path
            .whereLayer("core").mayNotAccessAnyLayer()
            .whereLayer("offline").mayOnlyAccessLayers("core")
            .whereLayer("store").mayOnlyAccessLayers("core")
            .whereLayer("resilience").mayOnlyAccessLayers("core")
            .whereLayer("providers").mayOnlyAccessLayers("core", "offline")
            .whereLayer("web").mayNotAccessAnyLayer()
            .whereLayer("learn").mayOnlyAccessLayers("core", "store")
            .whereLayer("eval").mayOnlyAccessLayers("core", "offline", "store", "learn", "web")
            .whereLayer("client").mayOnlyAccessLayers("core")
            .whereLayer("wiring").mayOnlyAccessLayers("core", "offline", "store", "resilience", "providers", "learn", "eval")
            .whereLayer("server").mayOnlyAccessLayers("core", "offline", "store", "resilience", "providers", "eval", "web", "client",
                    "wiring")
            .whereLayer("server").mayOnlyBeAccessedByLayers("cli", "bench")
            .whereLayer("cli").mayOnlyBeAccessedByLayers("bench")
            .whereLayer("bench").mayNotBeAccessedByAnyLayer();

    /**
     * The library ({@code baton-client}) is what an application embeds: it must not pull in the training engine
     * (DJL and PyTorch's native library, hundreds of megabytes) or the trainer, directly or through another class.
     * A learned conductor acts in plain Java; only training needs the engine.
     */
    @ArchTest
    static final ArchRule THE_LIBRARY_REACHES_NO_TRAINING_ENGINE = noClasses().that().resideInAPackage("dev.baton.client..")
            .should().transitivelyDependOnClassesThat(resideInAnyPackage("ai.djl..").or(name(GrpoTrainer.class.getName())))
            .because("an application that asks questions must not download or load the engine that trains the policy");

    @ArchTest
    static final ArchRule ONLY_THE_ENTRY_POINT_USES_STANDARD_STREAMS = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.baton.cli.BatonCli")
            .should(ACCESS_STANDARD_STREAMS)
            .because("output goes through the streams a command is given, so tests and embedders can capture it");
}
