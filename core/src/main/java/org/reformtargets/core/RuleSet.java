// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.DEPRECATED;
import static org.apiguardian.api.API.Status.STABLE;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.kie.api.KieBase;
import org.reformtargets.core.internal.DryRun;
import org.reformtargets.core.internal.Evaluator;
import org.reformtargets.core.internal.HashingFiles;
import org.reformtargets.core.internal.PrecompiledModel;
import org.reformtargets.core.internal.RuleInfo;
import org.reformtargets.core.internal.RuleSetCompiler;
import org.reformtargets.core.internal.RuleSetFiles;

/**
 * A compiled, versioned rule set: the targets of one family for one year (bộ quy tắc), built once
 * and shared. Evaluating is thread-safe: each call runs in its own stateless sessions, so one
 * instance serves any number of threads.
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.load("hcm-agri/2021");          // once, at start-up
 * Evaluation e = rules.evaluate(ReformTargetsJson.readFacts(path));
 * }</pre>
 *
 * <p>On the class path a rule set lives in {@code rulesets/<family>/<year>/} with a
 * {@code manifest.json} and the DRL files the manifest lists; each jar that carries rule sets
 * lists their ids in {@code rulesets/index.txt}. Rules shared by the years of a family live in the
 * family folder and are named by each year's manifest (see {@link RuleSetManifest}).
 *
 * <p>Versions: {@link #load(String, int)} picks a family's year, {@link #forDate} the rule set in
 * force on a date, and {@link #load(String, String)} refuses any version but the one asked for.
 */
@API(status = STABLE, since = "0.1")
public final class RuleSet {

    private static final String ROOT = "rulesets/";
    private static final String INDEX = ROOT + "index.txt";

    private final RuleSetManifest manifest;
    private final KieBase kieBase;
    private final Map<String, RuleInfo> rules;
    private final RuleSetRef ref;
    private final String contentHash;
    /** Read reflectively by {@code core.build.RuleSetBuild}, for the rules module's build tests: keep the name. */
    private final RuleSetCompiler.Compiled compiled;
    private final EvaluationLimits limits;

    /** Whether evaluations may split the units into batches; worked out on first use. */
    private volatile Boolean partitionable;

    RuleSet(RuleSetCompiler.Compiled compiled, String contentHash) {
        this(compiled, contentHash, EvaluationLimits.DEFAULT);
    }

    private RuleSet(RuleSetCompiler.Compiled compiled, String contentHash, EvaluationLimits limits) {
        this.limits = limits;
        this.contentHash = contentHash;
        this.compiled = compiled;
        this.manifest = compiled.manifest();
        this.kieBase = compiled.kieBase();
        this.rules = compiled.rules();
        this.ref = new RuleSetRef(manifest.id(), manifest.version());
    }

    /**
     * Loads the rule set {@code id} (such as {@code hcm-agri/2021}) from the class path of this
     * library. A rule set bundled in a jar built with its rules precompiled (as
     * {@code reform-targets-rules} is) loads from those classes when the DRL and manifest on the
     * class path are exactly the ones they were made from; otherwise its DRL is compiled.
     *
     * @throws RuleSetNotFoundException naming the rule sets that exist, when there is none by that id
     * @throws RuleSetException         when it does not compile, with every message and its file:line
     */
    public static RuleSet load(String id) {
        return load(id, RuleSet.class.getClassLoader());
    }

    /** Loads the rule set {@code id} from the given class loader. */
    public static RuleSet load(String id, ClassLoader loader) {
        Objects.requireNonNull(id, "id");
        if (!RuleSetCompiler.ID.matcher(id).matches() || loader.getResource(ROOT + id + "/" + RuleSetCompiler.MANIFEST) == null) {
            throw new RuleSetNotFoundException(id, available(loader));
        }
        RuleSetCompiler.Files files = onClassPath(id, loader);
        PrecompiledModel model = PrecompiledModel.enabled() ? PrecompiledModel.find(id, loader) : null;
        if (model != null) {
            HashingFiles hashing = new HashingFiles(files);
            RuleSetCompiler.Compiled compiled = RuleSetCompiler.precompiled(id, hashing, model, loader);
            if (compiled != null) {
                return new RuleSet(compiled, hashing.sha256());
            }
        }
        return compile(id, files);
    }

    /**
     * Loads the rule set of {@code family} for {@code year}: {@code load("binh-thuan-qlcl", 2023)} is
     * {@code load("binh-thuan-qlcl/2023")}.
     *
     * @throws RuleSetNotFoundException naming the rule sets that exist, when there is none for that year
     */
    public static RuleSet load(String family, int year) {
        Objects.requireNonNull(family, "family");
        return load(family + "/" + year);
    }

    /**
     * Loads the rule set {@code id} only if its manifest has exactly {@code version}, so that a host
     * which validated its results against one version never silently runs another.
     *
     * @throws RuleSetNotFoundException when there is no rule set {@code id}, or it has another version
     *                                  (the message names the version on the class path)
     * @throws RuleSetException         when it does not compile
     */
    public static RuleSet loadVersion(String id, String exactVersion) {
        return loadVersion(id, exactVersion, RuleSet.class.getClassLoader());
    }

    /** As {@link #loadVersion(String, String)}, from the given class loader. */
    public static RuleSet loadVersion(String id, String exactVersion, ClassLoader loader) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(exactVersion, "exactVersion");
        Objects.requireNonNull(loader, "loader");
        if (!RuleSetCompiler.ID.matcher(id).matches() || loader.getResource(ROOT + id + "/" + RuleSetCompiler.MANIFEST) == null) {
            if (id.indexOf('/') < 0 && exactVersion.matches("\\d{4}")) {
                throw new RuleSetNotFoundException(id + " version " + exactVersion, available(loader),
                        "the second argument is a version, not a year: for the rule set of " + id + " in "
                                + exactVersion + " call load(\"" + id + "\", " + exactVersion + ") with an int year, or load(\""
                                + id + "/" + exactVersion + "\")");
            }
            throw new RuleSetNotFoundException(id, available(loader));
        }
        RuleSetManifest manifest = RuleSetCompiler.manifest(id, onClassPath(id, loader));
        if (!exactVersion.equals(manifest.version())) {
            throw new RuleSetNotFoundException(id + " version " + exactVersion, List.of(id),
                    "the class path holds " + id + " version " + manifest.version() + " only: ask for that version,"
                            + " or load the folder of version " + exactVersion + " with RuleSet.fromDirectory");
        }
        return load(id, loader);
    }

    /**
     * Loads the rule set {@code id} only if its manifest has exactly {@code exactVersion}.
     *
     * @deprecated its name invites {@code load("hcm-agri", "2021")}, which compiles and fails at run time
     *             (a family and a year are {@link #load(String, int)}); use {@link #loadVersion(String, String)},
     *             which this calls
     */
    @Deprecated(since = "0.1")
    @API(status = DEPRECATED, since = "0.1")
    public static RuleSet load(String id, String exactVersion) {
        return loadVersion(id, exactVersion);
    }

    /**
     * Loads the rule set of {@code family} in force on {@code date}: the one whose manifest's
     * {@code effective} dates contain it. Where several do, the one that came into force last wins.
     *
     * @throws RuleSetNotFoundException listing the family's rule sets and their dates, when none is in force
     */
    public static RuleSet forDate(String family, LocalDate date) {
        return forDate(family, date, RuleSet.class.getClassLoader());
    }

    /** As {@link #forDate(String, LocalDate)}, from the given class loader. */
    public static RuleSet forDate(String family, LocalDate date, ClassLoader loader) {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(loader, "loader");
        String chosen = null;
        LocalDate chosenFrom = null;
        List<String> ids = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (String id : available(loader)) {
            if (!id.startsWith(family + "/") || !RuleSetCompiler.ID.matcher(id).matches()
                    || loader.getResource(ROOT + id + "/" + RuleSetCompiler.MANIFEST) == null) {
                continue;
            }
            RuleSetManifest.Effective effective = RuleSetCompiler.manifest(id, onClassPath(id, loader)).effective();
            ids.add(id);
            existing.add(id + " (in force " + effective.from() + " to " + effective.to() + ")");
            if (effective.contains(date) && (chosenFrom == null || !effective.from().isBefore(chosenFrom))) {
                chosen = id;
                chosenFrom = effective.from();
            }
        }
        if (chosen == null) {
            throw new RuleSetNotFoundException(family + " in force on " + date, ids, ids.isEmpty()
                    ? "there is no rule set of family " + family + "; available rule sets: "
                    + String.join(", ", available(loader))
                    : "the rule sets of " + family + " are: " + String.join(", ", existing));
        }
        return load(chosen, loader);
    }

    private static RuleSetCompiler.Files onClassPath(String id, ClassLoader loader) {
        return RuleSetFiles.classpath(id, loader);
    }

    /**
     * Loads and compiles a rule set from a folder on disk holding a {@code manifest.json} and its
     * DRL files; where the folder's last two names read {@code family/YYYY}, the manifest's id must
     * match them. Files the manifest {@code include}s are read from the folder's parent, the family
     * folder.
     *
     * @throws RuleSetException when it is missing, does not compile or is inconsistent
     */
    public static RuleSet fromDirectory(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new RuleSetException(directory.toString(), List.of(new Problem(directory.toString(), null, 0, 0,
                    "is not a directory: give the folder that holds manifest.json")));
        }
        return compile(RuleSetFiles.expectedId(dir), RuleSetFiles.directory(dir));
    }

    private static RuleSet compile(String expectedId, RuleSetCompiler.Files files) {
        HashingFiles hashing = new HashingFiles(files);
        RuleSetCompiler.Compiled compiled = RuleSetCompiler.compile(expectedId, hashing);
        return new RuleSet(compiled, hashing.sha256());
    }

    /** The ids of the rule sets on this library's class path, sorted. */
    public static List<String> available() {
        return available(RuleSet.class.getClassLoader());
    }

    /** The ids of the rule sets on the given class loader's path, sorted. */
    public static List<String> available(ClassLoader loader) {
        TreeSet<String> ids = new TreeSet<>();
        try {
            Enumeration<URL> indexes = loader.getResources(INDEX);
            while (indexes.hasMoreElements()) {
                try (BufferedReader r = new BufferedReader(
                        new InputStreamReader(indexes.nextElement().openStream(), StandardCharsets.UTF_8))) {
                    r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(ids::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
        return new ArrayList<>(ids);
    }

    /**
     * Evaluates {@code facts}: one result per target, unit of the target's level, period and
     * (for per-field targets) field. The facts' own {@code ruleSet} field is not consulted: this
     * rule set decides.
     *
     * @throws InvalidFactsException when the facts break the contract, listing every problem
     * @throws RuleSetException      when a rule fails at evaluation time, two rules claim one result, or the
     *                               evaluation exceeds its {@link #limits()}
     */
    public Evaluation evaluate(FactsDocument facts) {
        return evaluate(facts, ForkJoinPool.commonPool());
    }

    /**
     * Evaluates {@code facts} as {@link #evaluate(FactsDocument)} does, with the help of
     * {@code executor}: a large document's units are split into batches of about a thousand, each
     * in its own session, run by the calling thread and by up to one helper per further processor
     * submitted to {@code executor}. The results are the same, in the same order, whatever the
     * executor and however many threads it has; {@code Runnable::run} evaluates on the calling
     * thread alone. {@link #evaluate(FactsDocument)} uses the common fork-join pool.
     *
     * @throws InvalidFactsException when the facts break the contract, listing every problem
     * @throws RuleSetException      when a rule fails at evaluation time, two rules claim one result, or the
     *                               evaluation exceeds its {@link #limits()}
     */
    public Evaluation evaluate(FactsDocument facts, Executor executor) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(executor, "executor");
        return Evaluator.evaluate(ref, manifest.period(), kieBase, rules, facts, partitionable(), executor, limits,
                vocabulary(), scoring());
    }

    /**
     * Evaluates {@code facts} and hands the results over in order, a slice at a time, their sentences
     * rendered by the threads that evaluated them, for a writer (see {@link Evaluator#stream}).
     */
    void evaluate(FactsDocument facts, Executor executor, Consumer<List<Score>> scoreSink,
                  Consumer<List<TargetResult>> sink) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(executor, "executor");
        Evaluator.stream(ref, manifest.period(), kieBase, rules, facts, partitionable(), executor, limits,
                vocabulary(), scoring(), true, scoreSink, sink);
    }

    private Evaluator.Scoring scoring() {
        return new Evaluator.Scoring(manifest.parameters(), manifest.eachFoundPeriod());
    }

    private boolean partitionable() {
        Boolean p = partitionable;
        if (p == null) {
            p = Evaluator.partitionable(kieBase);
            partitionable = p;
        }
        return p;
    }

    /**
     * This rule set, evaluating within {@code limits}: the same compiled rules, shared, and the
     * same results for any evaluation that stays within them. {@link EvaluationLimits#DEFAULT}
     * applies otherwise.
     */
    public RuleSet withLimits(EvaluationLimits limits) {
        Objects.requireNonNull(limits, "limits");
        RuleSet r = new RuleSet(compiled, contentHash, limits);
        r.partitionable = partitionable;
        return r;
    }

    /** The bounds each evaluation and {@link #describe()} keep. */
    public EvaluationLimits limits() {
        return limits;
    }

    /** The manifest: id, version, title, issuer, period, sources and files. */
    public RuleSetManifest manifest() {
        return manifest;
    }

    /**
     * The words this rule set speaks: the {@linkplain Vocabulary#standard() standard vocabulary}
     * extended by the vocabulary files its manifest lists ({@link RuleSetManifest#vocabulary()}),
     * merged and checked when the rule set was loaded. Evaluation does not consult it yet.
     */
    public Vocabulary vocabulary() {
        Vocabulary v = compiled.vocabulary();
        return v == null ? Vocabulary.standard() : v;
    }

    /** The id, such as {@code hcm-agri/2021}. */
    public String id() {
        return manifest.id();
    }

    /** The semantic version from the manifest. */
    public String version() {
        return manifest.version();
    }

    /**
     * The hex SHA-256 of the manifest, every DRL file and every vocabulary file as loaded, names included: two rule sets
     * with the same hash ran the same rules, whatever their version says.
     */
    public String contentHash() {
        return contentHash;
    }

    /** The id and version, as results name them. */
    public RuleSetRef ref() {
        return ref;
    }

    /** The target ids the rules carry, sorted. */
    public List<String> targets() {
        return List.copyOf(new TreeSet<>(rules.values().stream().map(RuleInfo::target).toList()));
    }

    /**
     * What every rule demands, per level of unit it answers for: kind, indicator or event types,
     * comparison, threshold, per-field thresholds, cadence, deadline and source, read from the
     * rules' checks by a dry run on synthetic units without data (a department, a sub-department
     * and an office in one chain, and a department and a sub-department without sub-units).
     * Sorted by target, level and rule. A rule whose conditions need data to fire is not described.
     *
     * @throws RuleSetException when a rule fails on the synthetic units, two rules answer one target
     *                          for one level, or a check is left without a threshold
     */
    public List<TargetSpec> describe() {
        DryRun.Outcome outcome = DryRun.run(manifest, kieBase, rules, limits, vocabulary());
        if (!outcome.problems().isEmpty()) {
            throw new RuleSetException(manifest.id(), outcome.problems());
        }
        return outcome.specs();
    }

    @Override
    public String toString() {
        return "RuleSet[" + manifest.id() + " " + manifest.version() + ", " + rules.size() + " rules]";
    }
}
