// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.authoring;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.authoring.Finding.Severity;
import org.reformtargets.core.internal.Lint;
import org.reformtargets.core.internal.RuleSetFiles;
import org.reformtargets.core.internal.RuleSetFolders;

/**
 * Validates rule sets for their authors: what {@code reform-targets validate PATH} runs. It compiles
 * each rule set and reports every problem with its file and line, the way loading would refuse it,
 * then lints what compiling cannot see, by a dry run of the rules on synthetic units without data:
 * <ul>
 *   <li>rules that fail (an indicator or event type not in the contract), that answer one target
 *       twice for one level, or that leave a check without a threshold;</li>
 *   <li>thresholds outside 0–100 %, comparisons that can never be met ({@code above("100")}) or are
 *       always met, deadlines outside the rule set's period;</li>
 *   <li>target ids not under the folder's rule set, rules answering for a level their source
 *       document does not bind, rules that fire for no unit without data;</li>
 *   <li>the cascade between levels ({@link Cascade});</li>
 *   <li>scenario files, DRL and scenario files the manifest does not list, and a {@code rulesets/}
 *       folder's {@code index.txt}.</li>
 * </ul>
 * Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * ValidationReport report = RuleSetValidator.standard().validate(Path.of("rulesets/hcm-agri/2022"));
 * System.out.print(report.render());
 * System.exit(report.exitCode());
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RuleSetValidator {

    private final Integer subUnits;

    private RuleSetValidator(Integer subUnits) {
        this.subUnits = subUnits;
    }

    /** A validator with the standard checks; count and share demands of the cascade stay incomparable. */
    public static RuleSetValidator standard() {
        return new RuleSetValidator(null);
    }

    /** This validator comparing counts of sub-units with shares of them at {@code subUnits} sub-units. */
    public RuleSetValidator withSubUnits(int subUnits) {
        if (subUnits < 1) {
            throw new IllegalArgumentException("subUnits must be at least 1, not " + subUnits);
        }
        return new RuleSetValidator(subUnits);
    }

    /**
     * Validates the rule-set folder {@code path} (holding a {@code manifest.json}), or every rule-set
     * folder below it (such as {@code rulesets/}, whose {@code index.txt} is then checked too).
     */
    public ValidationReport validate(Path path) {
        Path root = path.toAbsolutePath().normalize();
        List<Path> folders = RuleSetFolders.find(root);
        List<String> names = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        if (folders.isEmpty()) {
            findings.add(new Finding(Severity.ERROR, "no-rule-set", null, path.toString(), null, 0, 0,
                    Files.exists(root) ? "holds no manifest.json: give a rule-set folder or a folder above rule-set folders"
                            : "does not exist"));
            return new ValidationReport(names, findings);
        }
        for (Path folder : folders) {
            Lint.Result r = Lint.check(RuleSetFiles.expectedId(folder), RuleSetFiles.directory(folder),
                    RuleSetFolders.files(folder), subUnits);
            names.add(r.ruleSet());
            findings.addAll(r.findings());
        }
        index(root, folders, findings);
        return new ValidationReport(names, findings);
    }

    /** Validates the rule set {@code id} on this library's class path. */
    public ValidationReport validate(String id) {
        return validate(id, RuleSet.class.getClassLoader());
    }

    /** Validates the rule set {@code id} on the given class loader's path. */
    public ValidationReport validate(String id, ClassLoader loader) {
        if (!RuleSetFiles.onClasspath(id, loader)) {
            return new ValidationReport(List.of(id), List.of(new Finding(Severity.ERROR, "no-rule-set", id, null, null, 0, 0,
                    "there is no rule set " + id + " on the class path; there are: "
                            + String.join(", ", RuleSet.available(loader)))));
        }
        Lint.Result r = Lint.check(id, RuleSetFiles.classpath(id, loader), null, subUnits);
        return new ValidationReport(List.of(r.ruleSet()), r.findings());
    }

    /** Validates every rule set on the given class loader's path ({@link RuleSet#available(ClassLoader)}). */
    public ValidationReport validateAvailable(ClassLoader loader) {
        List<String> names = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (String id : RuleSet.available(loader)) {
            ValidationReport one = validate(id, loader);
            names.addAll(one.ruleSets());
            findings.addAll(one.findings());
        }
        return new ValidationReport(names, findings);
    }

    /** Checks an {@code index.txt} above the rule-set folders against the folders found. */
    private static void index(Path root, List<Path> folders, List<Finding> findings) {
        Path indexRoot = folders.size() == 1 && folders.get(0).equals(root) ? grandParent(root) : root;
        if (indexRoot == null) {
            return;
        }
        List<String> listed = RuleSetFolders.index(indexRoot);
        if (listed == null) {
            return;
        }
        String shown = indexRoot.resolve(RuleSetFolders.INDEX).toString();
        List<String> found = new ArrayList<>();
        for (Path f : folders) {
            String id = indexRoot.relativize(f).toString().replace('\\', '/');
            found.add(id);
            if (!listed.contains(id)) {
                findings.add(new Finding(Severity.WARNING, "index", id, shown, null, 0, 0, "does not list " + id
                        + ", so RuleSet.load and RuleSet.available do not find it: add it, one id a line"));
            }
        }
        if (folders.size() > 1 || !folders.get(0).equals(root)) {
            for (String id : listed) {
                if (!found.contains(id)) {
                    findings.add(new Finding(Severity.ERROR, "index", id, shown, null, 0, 0, "lists " + id
                            + ", which has no folder with a manifest.json here"));
                }
            }
        }
    }

    private static Path grandParent(Path p) {
        return p.getParent() == null ? null : p.getParent().getParent();
    }
}
