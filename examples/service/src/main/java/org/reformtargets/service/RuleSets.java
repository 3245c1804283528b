// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.reformtargets.core.Problem;
import org.reformtargets.core.ReloadingRuleSet;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.RuleSetException;
import org.reformtargets.core.RuleSetNotFoundException;
import org.reformtargets.core.authoring.Finding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * The rule sets this service serves: those bundled on the class path ({@code reform-targets-rules}),
 * loaded at start, and those in the folder {@code reform-targets.rules-dir} ({@code FAMILY/YEAR/manifest.json}),
 * each a {@link ReloadingRuleSet} that reloads when its files change and is closed on shutdown. A
 * folder rule set overrides the bundled one of its id. The actuator {@code info} endpoint lists every
 * rule set served, its version and content hash, and for a folder the last edit it rejected and why.
 */
@Component
public class RuleSets implements InfoContributor, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSets.class);

    /** What a rule-set folder's listener last saw: when it loaded, and the last edit it rejected. */
    record FolderState(Instant loadedAt, Instant rejectedAt, String rejectedVersion, List<Problem> rejected) {
    }

    /** A rule-set folder: its watcher, or the problems that kept it from loading at start. */
    private record Folder(Path dir, ReloadingRuleSet live, List<Problem> failed, AtomicReference<FolderState> state) {
    }

    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]*)\"");

    private final Map<String, RuleSet> bundled = new TreeMap<>();
    private final Map<String, Folder> folders = new TreeMap<>();

    /** Loads the bundled rule sets and starts watching the folders under {@code properties.rulesDir()}. */
    public RuleSets(ServiceProperties properties) {
        for (String id : RuleSet.available()) {
            bundled.put(id, RuleSet.load(id));
        }
        if (properties.rulesDir() != null) {
            for (Path dir : ruleSetFolders(properties.rulesDir())) {
                String id = dir.getParent().getFileName() + "/" + dir.getFileName();
                folders.put(id, watch(id, dir, properties));
            }
        }
        LOG.info("Serving rule sets {}", describe().keySet());
    }

    private static List<Path> ruleSetFolders(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("reform-targets.rules-dir is not a folder: " + root);
        }
        try (Stream<Path> families = Files.list(root)) {
            List<Path> found = new ArrayList<>();
            for (Path family : families.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> years = Files.list(family)) {
                    years.filter(y -> Files.isRegularFile(y.resolve("manifest.json"))).sorted().forEach(found::add);
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list reform-targets.rules-dir " + root, e);
        }
    }

    private static Folder watch(String id, Path dir, ServiceProperties properties) {
        AtomicReference<FolderState> state = new AtomicReference<>(new FolderState(Instant.now(), null, null, List.of()));
        ReloadingRuleSet.Listener listener = new ReloadingRuleSet.Listener() {
            @Override
            public void reloaded(RuleSet current, RuleSet previous, List<Finding> findings) {
                state.set(new FolderState(Instant.now(), null, null, List.of()));
            }

            @Override
            public void rejected(RuleSet kept, List<Finding> findings) {
                state.updateAndGet(s -> new FolderState(s.loadedAt(), Instant.now(), versionIn(dir),
                        findings.stream().map(Finding::problem).toList()));
            }
        };
        try {
            ReloadingRuleSet live = ReloadingRuleSet.watching(dir).listener(listener)
                    .pollInterval(properties.pollInterval()).start();
            return new Folder(dir, live, List.of(), state);
        } catch (RuleSetException e) {
            // the service still starts: the bundled rule set of this id (if any) is served, and info says why
            LOG.error("Rule-set folder {} not loaded; fix it and restart:\n{}", dir, e.getMessage());
            return new Folder(dir, null, e.problems(), state);
        }
    }

    /** The version the manifest of a rejected edit names, read loosely, for the info endpoint only. */
    private static String versionIn(Path dir) {
        try {
            Matcher m = VERSION.matcher(Files.readString(dir.resolve("manifest.json")));
            return m.find() ? m.group(1) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The rule set served for {@code id} now: a folder's current version, else the bundled one.
     *
     * @throws RuleSetNotFoundException naming the ids served, when there is none by that id
     */
    public RuleSet get(String id) {
        Folder f = folders.get(id);
        if (f != null && f.live() != null) {
            return f.live().current();
        }
        RuleSet r = bundled.get(id);
        if (r == null) {
            throw new RuleSetNotFoundException(id, ids());
        }
        return r;
    }

    /** The ids served, sorted. */
    public List<String> ids() {
        TreeSet<String> ids = new TreeSet<>(bundled.keySet());
        folders.forEach((id, f) -> {
            if (f.live() != null) {
                ids.add(id);
            }
        });
        return List.copyOf(ids);
    }

    /**
     * Every rule set served and every rule-set folder, by id: {@code version}, {@code contentHash},
     * {@code source} ({@code bundled} or {@code folder}), and for a folder its path, when it last loaded
     * and the last edit it rejected (kept out: the last good version is still served).
     */
    public Map<String, Map<String, Object>> describe() {
        Map<String, Map<String, Object>> all = new TreeMap<>();
        for (String id : ids()) {
            RuleSet r = get(id);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("version", r.version());
            m.put("contentHash", r.contentHash());
            Folder f = folders.get(id);
            m.put("source", f != null && f.live() != null ? "folder" : "bundled");
            all.put(id, m);
        }
        folders.forEach((id, f) -> {
            Map<String, Object> m = all.computeIfAbsent(id, k -> new LinkedHashMap<>(Map.of("id", id)));
            m.put("folder", f.dir().toString());
            if (f.live() == null) {
                m.put("folderNotLoaded", ProblemHandler.located(f.failed()));
                return;
            }
            FolderState s = f.state().get();
            m.put("loadedAt", s.loadedAt().toString());
            if (s.rejectedAt() != null) {
                Map<String, Object> rejected = new LinkedHashMap<>();
                rejected.put("at", s.rejectedAt().toString());
                rejected.put("version", s.rejectedVersion());
                rejected.put("problems", ProblemHandler.located(s.rejected()));
                m.put("lastRejectedEdit", rejected);
            }
        });
        return all;
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("ruleSets", describe());
    }

    /** Stops every folder's watcher. */
    @Override
    public void destroy() {
        folders.values().stream().map(Folder::live).filter(Objects::nonNull).forEach(ReloadingRuleSet::close);
    }
}
