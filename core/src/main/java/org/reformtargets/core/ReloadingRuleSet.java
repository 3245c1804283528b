// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;
import org.reformtargets.core.authoring.Finding;
import org.reformtargets.core.internal.Lint;
import org.reformtargets.core.internal.HashingFiles;
import org.reformtargets.core.internal.RuleSetFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rule set backed by a folder on disk that reloads itself when its files change (hot reload),
 * for host applications whose policy authors edit rules while the host runs.
 *
 * <p>A background thread watches every file the rule set reads — the files of its folder and its
 * sub-folders, and the files of the family folder its manifest includes, such as
 * {@code common/yearly.drl} beside the year folder — through a {@link WatchService} on the folders
 * that hold them (registered anew when the manifest's list changes), with polling as a fallback
 * and a safety net. It waits for edits to settle, reads every one of those files at once (a
 * snapshot, whose fingerprint tells whether anything changed), compiles and validates
 * the new version off the request path, and swaps it in atomically only when it has no error
 * finding (see {@code RuleSetValidator}). A broken edit keeps the last good version: the
 * listener's {@link Listener#rejected} and a WARN log line name each problem's {@code file:line}.
 * Evaluations in flight finish on the version they started with; each evaluation sees one whole
 * version.
 *
 * <pre>{@code
 * try (ReloadingRuleSet rules = ReloadingRuleSet.watching(Path.of("/etc/reform/hcm-agri/2021")).start()) {
 *     Evaluation e = rules.evaluate(facts);          // the current version, thread-safe
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ReloadingRuleSet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadingRuleSet.class);

    /** Told of each new version and each rejected edit, on the reloading thread. */
    public interface Listener {
        /** A new version was swapped in; {@code findings} are its warnings and notes. */
        default void reloaded(RuleSet current, RuleSet previous, List<Finding> findings) {
        }

        /** An edit was rejected and {@code kept} is still served; {@code findings} say why, with file:line. */
        default void rejected(RuleSet kept, List<Finding> findings) {
        }
    }

    /**
     * Settings of a {@link ReloadingRuleSet}, made by {@link #watching(Path)}. A builder is not
     * thread-safe; it is a recipe, not the watcher: {@link #start()} copies its settings, so changing the
     * builder afterwards does not touch a watcher already started, and each call to {@code start()} starts
     * another, independent watcher (its own thread and version, closed on its own) with the settings the
     * builder holds at that moment.
     */
    public static final class Builder {
        private final Path dir;
        private Listener listener = new Listener() {
        };
        private Duration pollInterval = Duration.ofSeconds(2);
        private Duration quietPeriod = Duration.ofMillis(100);
        private boolean watchService = true;
        private boolean rejectWarnings;
        private Duration checkTimeout = Duration.ofMinutes(2);
        /** Runs on the check's thread before each check: a seam for tests of stuck checks. */
        private Runnable beforeCheck = () -> { };

        private Builder(Path dir) {
            this.dir = Objects.requireNonNull(dir, "dir");
        }

        /** Who is told of reloads and rejected edits. */
        public Builder listener(Listener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** How often the folder is read even without a file event (default 2 s). */
        public Builder pollInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("pollInterval must be positive");
            }
            this.pollInterval = interval;
            return this;
        }

        /** How long the folder must stay unchanged after an event before it is read (default 100 ms). */
        public Builder quietPeriod(Duration quiet) {
            if (quiet.isNegative()) {
                throw new IllegalArgumentException("quietPeriod must not be negative");
            }
            this.quietPeriod = quiet;
            return this;
        }

        /** Whether to use the file system's watch service; without it the folder is only polled (default true). */
        public Builder watchService(boolean use) {
            this.watchService = use;
            return this;
        }

        /** Whether warnings, not only errors, keep an edit out (default false). */
        public Builder rejectWarnings(boolean reject) {
            this.rejectWarnings = reject;
            return this;
        }

        /**
         * How long checking one version (compiling it and its dry run) may take (default 2 min). A
         * version still being checked then is abandoned and rejected, and the watcher goes on: later
         * edits still load. The check runs on a thread of its own, so that nothing in a rule folder
         * can hold up the watcher.
         */
        public Builder checkTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("checkTimeout must be positive");
            }
            this.checkTimeout = timeout;
            return this;
        }

        /** For tests: {@code hook} runs on the check's thread before each check. */
        Builder beforeCheck(Runnable hook) {
            this.beforeCheck = Objects.requireNonNull(hook, "hook");
            return this;
        }

        /**
         * Loads the folder's current version and starts watching it, with a copy of this builder's
         * settings as they are now. Called again, it starts another, independent watcher of the same
         * folder; close each one.
         *
         * @throws RuleSetException when the current version has an error finding, listing them
         */
        public ReloadingRuleSet start() {
            ReloadingRuleSet r = new ReloadingRuleSet(new Settings(dir, listener, pollInterval, quietPeriod,
                    watchService, rejectWarnings, checkTimeout, beforeCheck));
            r.startWatching();
            return r;
        }
    }

    /** What a started watcher was built with: a copy, which the builder can no longer change. */
    private record Settings(Path dir, Listener listener, Duration pollInterval, Duration quietPeriod,
                            boolean watchService, boolean rejectWarnings, Duration checkTimeout,
                            Runnable beforeCheck) {
    }

    private final Settings settings;
    private final Path dir;
    private final String expectedId;
    private final AtomicReference<RuleSet> current = new AtomicReference<>();
    private final Object reloading = new Object();
    private volatile String lastFingerprint;
    private volatile boolean closed;
    private volatile WatchService watcher;
    /** The folders registered with {@link #watcher}, guarded by {@link #reloading}. */
    private final Map<Path, WatchKey> watched = new HashMap<>();
    /** Set when a folder was newly registered: an edit made just before may have gone unseen. */
    private volatile boolean recheck;
    /** The snapshot the first version was made from, until its folders are watched. */
    private RuleSetFiles.Snapshot first;
    private Thread thread;

    private ReloadingRuleSet(Settings settings) {
        this.settings = settings;
        this.dir = settings.dir().toAbsolutePath().normalize();
        this.expectedId = RuleSetFiles.expectedId(dir);
        if (!Files.isDirectory(dir)) {
            throw new RuleSetException(dir.toString(), List.of(new Problem(dir.toString(), null, 0, 0,
                    "is not a directory: give the folder that holds manifest.json")));
        }
        RuleSetFiles.Snapshot snapshot = snapshot();
        Lint.Result result;
        try {
            result = snapshot == null ? null : check(snapshot);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuleSetException(dir.toString(), List.of(new Problem(dir.toString(), null, 0, 0,
                    "interrupted while checking the rule set")));
        }
        if (result == null || rejects(result)) {
            List<Problem> problems = result == null
                    ? List.of(new Problem(dir.toString(), null, 0, 0, "cannot be read"))
                    : blocking(result).stream().map(Finding::problem).toList();
            throw new RuleSetException(result == null ? dir.toString() : result.ruleSet(), problems);
        }
        current.set(new RuleSet(result.compiled(), HashingFiles.hashOf(snapshot, result.compiled().manifest())));
        lastFingerprint = snapshot.fingerprint();
        first = snapshot;
    }

    /** Starts building a rule set that reloads from {@code dir}, the folder that holds {@code manifest.json}. */
    public static Builder watching(Path dir) {
        return new Builder(dir);
    }

    /** The version served now. Hold on to it to evaluate several documents against one version. */
    public RuleSet current() {
        return current.get();
    }

    /** Evaluates {@code facts} against the version served now; see {@link RuleSet#evaluate}. */
    public Evaluation evaluate(FactsDocument facts) {
        return current.get().evaluate(facts);
    }

    /**
     * Reads the folder now and swaps in its version when it changed and has no error finding, as
     * the watcher would; returns whether a new version was swapped in. Safe to call from any thread.
     */
    public boolean reload() {
        synchronized (reloading) {
            RuleSetFiles.Snapshot snapshot = snapshot();
            if (snapshot != null) {
                watch(snapshot); // even a rejected version's files are watched, so that their repair is seen
            }
            if (snapshot == null || snapshot.fingerprint().equals(lastFingerprint)) {
                return false;
            }
            lastFingerprint = snapshot.fingerprint();
            Lint.Result result;
            try {
                result = check(snapshot);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lastFingerprint = null;
                return false;
            }
            RuleSet before = current.get();
            if (rejects(result)) {
                List<Finding> why = blocking(result);
                for (Finding f : why) {
                    LOG.warn("Rule set {} not reloaded, still serving version {}: {}", result.ruleSet(), before.version(), f);
                }
                tell(() -> settings.listener().rejected(before, why));
                return false;
            }
            RuleSet next = new RuleSet(result.compiled(), HashingFiles.hashOf(snapshot, result.compiled().manifest()));
            current.set(next);
            LOG.info("Rule set {} reloaded from {}: version {} replaces {}", next.id(), dir, next.version(), before.version());
            tell(() -> settings.listener().reloaded(next, before, result.findings()));
            return true;
        }
    }

    /** Stops watching; the last version stays usable. */
    @Override
    public void close() {
        closed = true;
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                LOG.debug("closing the watch service of {}", dir, e);
            }
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.warn("The reload thread of {} did not stop within 10 s of close()", dir);
            }
        }
    }

    private void startWatching() {
        if (settings.watchService()) {
            WatchService w = null;
            try {
                w = FileSystems.getDefault().newWatchService();
                synchronized (reloading) {
                    watched.put(dir, register(dir, w));
                    watcher = w;
                    watch(first);
                }
            } catch (IOException | UnsupportedOperationException e) {
                LOG.info("Cannot watch {} ({}); polling every {}", dir, e.getMessage(), settings.pollInterval());
                closeQuietly(w);
            }
        }
        first = null;
        thread = new Thread(this::loop, "reform-targets-reload-" + current.get().id());
        thread.setDaemon(true);
        thread.start();
    }

    private static WatchKey register(Path folder, WatchService w) throws IOException {
        return folder.register(w, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
    }

    private void closeQuietly(WatchService w) {
        if (w != null) {
            try {
                w.close();
            } catch (IOException e) {
                LOG.debug("closing a watch service of {}", dir, e);
            }
        }
    }

    /**
     * Watches the folders that hold the files {@code snapshot} read (see
     * {@link RuleSetFiles.Snapshot#folders}) and no others: registers those not watched yet, or
     * whose registration lapsed (a folder deleted or replaced), and cancels those no longer needed.
     * Called with {@link #reloading} held.
     */
    private void watch(RuleSetFiles.Snapshot snapshot) {
        WatchService w = watcher;
        if (w == null || closed) {
            return;
        }
        Set<Path> wanted = new HashSet<>(snapshot.folders());
        wanted.add(dir);
        Set<WatchKey> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Iterator<Map.Entry<Path, WatchKey>> it = watched.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, WatchKey> e = it.next();
            if (!wanted.contains(e.getKey()) || !e.getValue().isValid()) {
                dropped.add(e.getValue());
                it.remove();
            }
        }
        // two names of one folder (a link inside) share one key: cancel only keys nothing else holds
        watched.values().forEach(dropped::remove);
        dropped.forEach(WatchKey::cancel);
        boolean added = false;
        for (Path folder : wanted) {
            if (watched.containsKey(folder)) {
                continue;
            }
            try {
                watched.put(folder, register(folder, w));
                added = true;
                LOG.debug("Watching {} for rule set {}", folder, dir);
            } catch (IOException e) {
                LOG.debug("Cannot watch {} for rule set {} ({}); polling covers it", folder, dir, e.toString());
            } catch (ClosedWatchServiceException e) {
                return;
            }
        }
        if (added) {
            recheck = true;
        }
    }

    private void loop() {
        while (!closed) {
            try {
                waitForChange();
                if (!closed) {
                    reload();
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Reloading rule set from {} failed; still serving version {}", dir, current.get().version(), e);
            }
        }
    }

    /** Returns after a file event and a quiet period, or after the poll interval. */
    private void waitForChange() throws InterruptedException {
        long poll = settings.pollInterval().toMillis();
        if (watcher == null) {
            Thread.sleep(poll);
            return;
        }
        if (recheck) {
            // a folder was registered after the files in it were read: read them again once
            recheck = false;
            Thread.sleep(Math.max(1, settings.quietPeriod().toMillis()));
            return;
        }
        WatchKey key = watcher.poll(poll, TimeUnit.MILLISECONDS);
        if (key == null) {
            return;
        }
        drain(key);
        long quiet = settings.quietPeriod().toMillis();
        while (quiet > 0 && (key = watcher.poll(quiet, TimeUnit.MILLISECONDS)) != null) {
            drain(key);
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    private RuleSetFiles.Snapshot snapshot() {
        try {
            return RuleSetFiles.Snapshot.of(dir);
        } catch (IOException e) {
            LOG.warn("Cannot read rule-set folder {}: {}", dir, e.toString());
            return null;
        }
    }

    private Lint.Result lint(RuleSetFiles.Snapshot snapshot) {
        return Lint.check(expectedId, snapshot, snapshot.names(), null);
    }

    /**
     * Checks a version on a thread of its own within {@link Builder#checkTimeout}: a check that
     * fails or does not finish in time becomes a rejection with an error finding; the thread of a
     * check that did not finish is interrupted and abandoned.
     */
    private Lint.Result check(RuleSetFiles.Snapshot snapshot) throws InterruptedException {
        FutureTask<Lint.Result> task = new FutureTask<>(() -> {
            settings.beforeCheck().run();
            return lint(snapshot);
        });
        Thread checker = new Thread(task, "reform-targets-reload-check-" + dir.getFileName());
        checker.setDaemon(true);
        checker.start();
        String why;
        try {
            return task.get(settings.checkTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            why = "checking this version did not finish within " + settings.checkTimeout().toMillis()
                    + " ms: abandoned; the watcher goes on with later edits";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            why = "checking this version failed: " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage().strip().replaceAll("\\s*\\R\\s*", " "));
        } catch (InterruptedException e) {
            task.cancel(true);
            throw e;
        }
        String name = expectedId == null ? dir.toString() : expectedId;
        return new Lint.Result(name, null, List.of(), List.of(new Finding(Finding.Severity.ERROR, "check-failed", name,
                dir.toString(), null, 0, 0, why)));
    }

    private boolean rejects(Lint.Result result) {
        return result.compiled() == null || !blocking(result).isEmpty();
    }

    private List<Finding> blocking(Lint.Result result) {
        return result.findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR
                || (settings.rejectWarnings() && f.severity() == Finding.Severity.WARNING)).toList();
    }

    private void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("A rule-set reload listener failed", e);
        }
    }
}
