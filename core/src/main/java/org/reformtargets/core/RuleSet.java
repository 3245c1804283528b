package org.reformtargets.core;

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
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.kie.api.KieBase;
import org.reformtargets.core.internal.DryRun;
import org.reformtargets.core.internal.Evaluator;
import org.reformtargets.core.internal.RuleInfo;
import org.reformtargets.core.internal.RuleSetCompiler;

/**
 * A compiled, versioned rule set: the targets of one family for one year (bộ quy tắc), built once
 * and shared. Evaluating is thread-safe: each call runs in its own stateless session, so one
 * instance serves any number of threads.
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.load("hcm-agri/2021");          // once, at start-up
 * Evaluation e = rules.evaluate(ReformTargetsJson.readFacts(path));
 * }</pre>
 *
 * <p>On the class path a rule set lives in {@code rulesets/<family>/<year>/} with a
 * {@code manifest.json} and the DRL files the manifest lists; each jar that carries rule sets
 * lists their ids in {@code rulesets/index.txt}.
 */
public final class RuleSet {

    private static final String ROOT = "rulesets/";
    private static final String INDEX = ROOT + "index.txt";

    private final RuleSetManifest manifest;
    private final KieBase kieBase;
    private final Map<String, RuleInfo> rules;
    private final RuleSetRef ref;

    RuleSet(RuleSetCompiler.Compiled compiled) {
        this.manifest = compiled.manifest();
        this.kieBase = compiled.kieBase();
        this.rules = compiled.rules();
        this.ref = new RuleSetRef(manifest.id(), manifest.version());
    }

    /**
     * Loads and compiles the rule set {@code id} (such as {@code hcm-agri/2021}) from the class path
     * of this library.
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
        return new RuleSet(RuleSetCompiler.compile(id, new RuleSetCompiler.Files() {
            @Override
            public byte[] read(String relative) throws IOException {
                try (InputStream in = loader.getResourceAsStream(ROOT + id + "/" + relative)) {
                    return in == null ? null : in.readAllBytes();
                }
            }

            @Override
            public String display(String relative) {
                return id + "/" + relative;
            }
        }));
    }

    /**
     * Loads and compiles a rule set from a folder on disk holding a {@code manifest.json} and its
     * DRL files; where the folder's last two names read {@code family/YYYY}, the manifest's id must
     * match them.
     *
     * @throws RuleSetException when it is missing, does not compile or is inconsistent
     */
    public static RuleSet fromDirectory(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        String expected = null;
        if (dir.getNameCount() >= 2) {
            String candidate = dir.getParent().getFileName() + "/" + dir.getFileName();
            if (RuleSetCompiler.ID.matcher(candidate).matches()) {
                expected = candidate;
            }
        }
        if (!Files.isDirectory(dir)) {
            throw new RuleSetException(directory.toString(), List.of(new Problem(directory.toString(), null, 0, 0,
                    "is not a directory: give the folder that holds manifest.json")));
        }
        return new RuleSet(RuleSetCompiler.compile(expected, new RuleSetCompiler.Files() {
            @Override
            public byte[] read(String relative) throws IOException {
                try {
                    return Files.readAllBytes(dir.resolve(relative));
                } catch (NoSuchFileException e) {
                    return null;
                }
            }

            @Override
            public String display(String relative) {
                return relative.isEmpty() ? dir.toString() : dir.resolve(relative).toString();
            }
        }));
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
     * @throws RuleSetException      when a rule fails at evaluation time or two rules claim one result
     */
    public Evaluation evaluate(FactsDocument facts) {
        Objects.requireNonNull(facts, "facts");
        return Evaluator.evaluate(ref, manifest.period(), kieBase, rules, facts);
    }

    /** The manifest: id, version, title, issuer, period, sources and files. */
    public RuleSetManifest manifest() {
        return manifest;
    }

    /** The id, such as {@code hcm-agri/2021}. */
    public String id() {
        return manifest.id();
    }

    /** The semantic version from the manifest. */
    public String version() {
        return manifest.version();
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
        DryRun.Outcome outcome = DryRun.run(manifest, kieBase, rules);
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
