// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.reformtargets.core.RuleSet;

/** Keeps {@code evaluate --audit} from writing over an input of the same run. */
final class AuditInputs {

    private AuditInputs() {
    }

    /**
     * What input of the run {@code audit} is (the facts file, a file of the rules folder, a shared
     * file it includes), or {@code null} when it is none. Files are compared as the file system
     * sees them ({@link Files#isSameFile}), so another spelling, a symbolic link or a hard link to
     * an input counts as the input.
     *
     * @param rulesDir the --rules-dir folder, or {@code null}
     * @param ruleSet  the rule set loaded from it, for its shared files, or {@code null} before loading
     */
    static String inputNamed(Path audit, Path facts, Path rulesDir, RuleSet ruleSet) {
        if (!Files.exists(audit)) {
            return null;
        }
        if (same(audit, facts)) {
            return "the facts file " + facts;
        }
        if (rulesDir == null || !Files.isDirectory(rulesDir)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(rulesDir, 8)) {
            for (Iterator<Path> i = files.iterator(); i.hasNext(); ) {
                Path file = i.next();
                if (Files.isRegularFile(file) && same(audit, file)) {
                    return "the file " + file + " of --rules-dir";
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // an unreadable rules folder is reported when the rule set is loaded
        }
        if (ruleSet != null) {
            Path family = rulesDir.toAbsolutePath().normalize().getParent();
            List<String> included = new java.util.ArrayList<>(ruleSet.manifest().include());
            included.addAll(ruleSet.manifest().vocabulary().include());
            for (String shared : included) {
                Path file = family == null ? null : family.resolve(shared);
                if (file != null && same(audit, file)) {
                    return "the shared rule file " + file + " that --rules-dir includes";
                }
            }
        }
        return null;
    }

    static boolean same(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** Why writing {@code target} failed, in a few words. */
    static String reason(Path target, IOException e) {
        if (Files.isDirectory(target)) {
            return "it is a directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such folder " + target.toAbsolutePath().getParent();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }
}
